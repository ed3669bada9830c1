//! The widget root: reads the URL once, holds the state, computes the estimate, and lays out the
//! sections the host asked for, in its order.

use crate::career::{self, Career};
use crate::charts::Select;
use crate::components::career_switcher::{tab_id, CareerSwitcher, PANEL_ID};
use crate::components::chart_section::ChartSection;
use crate::components::estimator_form::EstimatorForm;
use crate::components::facts::Facts;
use crate::components::job::Job;
use crate::components::notices::Notices;
use crate::components::result_card::ResultCard;
use crate::components::share::Share;
use crate::config::{self, Notice};
use crate::estimator;
use crate::links;
use crate::messages::{Lang, Msg};
use crate::options::{self, Section};
use crate::state::{Action, WidgetState};
use crate::subject::{self, Lineup, Subject};
use crate::ui::Ui;
use crate::web::packs::{self, LoadError};
use crate::web::{embed, intl::BrowserFormat, page};
use career_pack::IndexEntry;
use std::rc::Rc;
use yew::platform::spawn_local;
use yew::prelude::*;

/// The careers on screen: the one shown, the ones offered beside it, and what could not be
/// used or loaded while finding them.
#[derive(Clone, PartialEq)]
struct Showing {
    career: &'static Career,
    lineup: Rc<Lineup>,
    notices: Rc<Vec<Notice>>,
}

impl Showing {
    /// The compiled-in career alone, with `notices`; `None` if even it cannot be read.
    fn default_career(notices: Vec<Notice>) -> Option<Showing> {
        let career = career::current().ok()?;
        Some(Showing {
            career,
            lineup: Rc::new(Lineup {
                program: None,
                careers: vec![IndexEntry {
                    soc: career.pack.soc.clone(),
                    title: career.pack.title.clone(),
                    file: String::new(),
                    employment: None,
                }],
                shown: 0,
                notices: Vec::new(),
            }),
            notices: Rc::new(notices),
        })
    }
}

/// What the page shows while a career asked for in the URL is fetched, and after.
#[derive(Clone, PartialEq)]
enum Phase {
    Loading,
    Ready(Showing),
    /// Even the compiled-in figures cannot be read.
    Unreadable,
}

/// The widget, or a readable message if its figures cannot be read (never a blank box). Careers
/// asked for in the URL (`career=`, `program=`) are fetched first; anything that fails falls back
/// to the compiled-in career with a notice saying why.
#[function_component(App)]
pub fn app() -> Html {
    let options = use_memo((), |_| options::from_query(&page::query()).0);
    let ui = use_memo((), |_| Ui {
        lang: options.lang,
        fmt: Rc::new(BrowserFormat::new()),
    });
    let phase = use_state(|| {
        if options.subject.is_default() {
            Showing::default_career(Vec::new()).map_or(Phase::Unreadable, Phase::Ready)
        } else {
            Phase::Loading
        }
    });
    let busy = use_state(|| false);
    // Each switch gets a number; a fetch that ends after a later choice is dropped.
    let latest = use_mut_ref(|| 0_u32);
    {
        let (phase, subject, lang) = (phase.setter(), options.subject.clone(), options.lang);
        use_effect_with((), move |_| {
            embed::report_height_when_framed();
            if !subject.is_default() {
                spawn_local(async move { phase.set(open(&subject, lang).await) });
            }
        });
    }
    let on_switch = {
        let (phase_now, phase, busy, latest, lang) = (
            (*phase).clone(),
            phase.setter(),
            busy.setter(),
            latest.clone(),
            options.lang,
        );
        Callback::from(move |soc: String| {
            let Phase::Ready(showing) = phase_now.clone() else {
                return;
            };
            let Some(position) = showing.lineup.careers.iter().position(|c| c.soc == soc) else {
                return;
            };
            if soc == showing.career.pack.soc {
                return;
            }
            *latest.borrow_mut() += 1;
            let ticket = *latest.borrow();
            let (phase, busy, latest) = (phase.clone(), busy.clone(), latest.clone());
            busy.set(true);
            spawn_local(async move {
                let entry = &showing.lineup.careers[position];
                let next = switch_to(&showing, entry, position, lang).await;
                if *latest.borrow() == ticket {
                    phase.set(Phase::Ready(next));
                    busy.set(false);
                }
            });
        })
    };
    // Back and Forward to an entry that shows another of the careers offered show it.
    {
        let (phase_now, on_switch) = ((*phase).clone(), on_switch.clone());
        use_effect_with(phase_now, move |phase_now| {
            let phase_now = phase_now.clone();
            page::on_history_change(move || {
                if let Phase::Ready(showing) = &phase_now {
                    let subject = options::from_query(&page::query()).0.subject;
                    let lineup = &showing.lineup;
                    let wanted = subject
                        .show
                        .filter(|soc| lineup.careers.iter().any(|c| &c.soc == soc))
                        .or_else(|| lineup.careers.first().map(|c| c.soc.clone()));
                    if let Some(soc) = wanted {
                        on_switch.emit(soc);
                    }
                }
            })
        });
    }
    let body = match &*phase {
        Phase::Loading => html! {
            <p class="cpw-loading" role="status" data-testid="loading">
                { ui.t(Msg::LoadingFigures) }
            </p>
        },
        Phase::Unreadable => html! {
            <article class="cpw">
                <p class="cpw-notice" role="alert" data-testid="load-error">
                    { ui.t(Msg::FiguresUnreadable) }
                </p>
            </article>
        },
        Phase::Ready(showing) => {
            let soc = showing.career.pack.soc.clone();
            let offered = showing.lineup.careers.len() > 1 || showing.lineup.program.is_some();
            let switcher = offered.then(|| {
                html! {
                    <CareerSwitcher careers={Rc::new(showing.lineup.careers.clone())}
                        current={soc.clone()} program={showing.lineup.program.clone()}
                        busy={*busy} on_switch={on_switch.clone()} />
                }
            });
            match WidgetState::from_query(&page::query(), showing.career) {
                Some(initial) => html! {
                    <>
                        { switcher }
                        <div class="cpw-panel" id={offered.then_some(PANEL_ID)}
                            role={offered.then_some("tabpanel")}
                            aria-labelledby={offered.then(|| tab_id(&soc))}>
                            <Widget key={soc.clone()} {initial}
                                load_notices={Rc::clone(&showing.notices)} />
                        </div>
                    </>
                },
                None => html! {
                    <p class="cpw-notice" role="alert" data-testid="load-error">
                        { ui.t(Msg::FiguresUnreadable) }
                    </p>
                },
            }
        }
    };
    html! {
        <ContextProvider<Ui> context={(*ui).clone()}>{ body }</ContextProvider<Ui>>
    }
}

/// The careers the URL asks for, resolved against the index, with the one to show fetched; the
/// compiled-in career with a notice when that cannot be done.
async fn open(subject: &Subject, lang: Lang) -> Phase {
    let asked = || {
        subject
            .program
            .iter()
            .chain(&subject.careers)
            .cloned()
            .collect::<Vec<_>>()
            .join(", ")
    };
    let fall_back = |what: String, error: LoadError| {
        let mut notices = vec![Notice::CareerUnavailable(what, error.reason(lang))];
        notices.extend(
            career::current()
                .ok()
                .map(|c| Notice::ShowingDefault(c.pack.title.clone())),
        );
        Showing::default_career(notices).map_or(Phase::Unreadable, Phase::Ready)
    };
    let index = match packs::index().await {
        Ok(index) => index,
        Err(error) => return fall_back(asked(), error),
    };
    let programs = match subject.program {
        Some(_) => match packs::programs().await {
            Ok(programs) => Some(programs),
            Err(error) => return fall_back(asked(), error),
        },
        None => None,
    };
    let mut lineup = subject::resolve(subject, index, programs);
    let notices = std::mem::take(&mut lineup.notices);
    let Some(entry) = lineup.current().cloned() else {
        return fall_back(asked(), LoadError::NotBuilt);
    };
    match packs::career(&entry).await {
        Ok(career) => Phase::Ready(Showing {
            career,
            lineup: Rc::new(lineup),
            notices: Rc::new(notices),
        }),
        Err(error) => fall_back(entry.title, error),
    }
}

/// `showing` with the career at `position` of its lineup shown instead (recorded in the URL as a
/// new history entry); if it cannot be fetched, `showing` as it was with a notice saying why.
async fn switch_to(showing: &Showing, entry: &IndexEntry, position: usize, lang: Lang) -> Showing {
    match packs::career(entry).await {
        Ok(career) => {
            let show = (position > 0).then_some(entry.soc.as_str());
            // Unless Back or Forward brought us here, the URL still shows the career before.
            let shown = options::from_query(&page::query()).0.subject.show;
            if shown.as_deref() != show {
                page::push_query(&links::with_show(&page::query(), show));
            }
            Showing {
                career,
                lineup: Rc::new(Lineup {
                    shown: position,
                    ..(*showing.lineup).clone()
                }),
                notices: Rc::new(Vec::new()),
            }
        }
        Err(error) => Showing {
            notices: Rc::new(vec![Notice::CareerUnavailable(
                entry.title.clone(),
                error.reason(lang),
            )]),
            ..showing.clone()
        },
    }
}

#[derive(Properties, PartialEq)]
struct WidgetProps {
    /// The state the URL describes, read once.
    initial: WidgetState,
    /// What could not be used or loaded while finding the careers (shown as they change, unlike
    /// the URL's notices, which the reader clears by setting that input).
    load_notices: Rc<Vec<Notice>>,
}

#[function_component(Widget)]
fn widget(props: &WidgetProps) -> Html {
    let state = use_reducer_eq(|| {
        let state = props.initial.clone();
        // Before anything is drawn, so the charts read the host's colours.
        page::apply_theme(&state.options);
        state
    });
    let career = state.career;
    let ui = use_memo(state.options.lang, |lang| Ui {
        lang: *lang,
        fmt: Rc::new(BrowserFormat::new()),
    });
    let estimate = use_memo(state.inputs, move |inputs| {
        estimator::estimate(career, *inputs).map(Rc::new)
    });
    let on_action = {
        let dispatcher = state.dispatcher();
        use_callback((), move |action, _| dispatcher.dispatch(action))
    };
    // Choosing a state, industry or year on a chart sets that input, exactly as the form does.
    let on_select = {
        let dispatcher = state.dispatcher();
        use_callback((), move |select: Select, _| {
            let action = match select {
                Select::Place(code) => career
                    .gazetteer
                    .place(code)
                    .filter(|p| career.cell(p).is_some())
                    .map(Action::SetPlace),
                Select::Industry(code) => config::parse_industry(code.as_str(), career)
                    .ok()
                    .map(Action::SetIndustry),
                Select::Years(years) => Some(Action::SetYears(years)),
            };
            if let Some(action) = action {
                dispatcher.dispatch(action);
            }
        })
    };
    // Every input change is written to the URL, so a copied link reproduces the view.
    {
        let options = Rc::clone(&state.options);
        use_effect_with(state.inputs, move |inputs| {
            page::replace_query(&links::to_query(inputs, &options));
        });
    }
    {
        let dispatcher = state.dispatcher();
        use_effect_with((), move |_| {
            page::flag_document("widget-ready");
            // Back and Forward to an entry with another query show that entry's inputs.
            page::on_history_change(move || {
                if let Some(restored) = WidgetState::from_query(&page::query(), career) {
                    dispatcher.dispatch(Action::Replace(restored.inputs));
                }
            })
        });
    }

    let mut problems = Vec::new();
    if estimate.is_err() {
        // Hourly-only careers (actors): BLS publishes their pay per hour, not as a year's pay.
        let hourly_only = career
            .national_cell()
            .is_some_and(|c| c.hourly.percentiles[2].is_published());
        problems.push(
            ui.t(if hourly_only {
                Msg::NoticeHourlyOnly
            } else {
                Msg::NoticeNoEstimate
            })
            .to_string(),
        );
    }
    let estimate_value = (*estimate).as_ref().ok().map(|e| e.annual);
    let title = state
        .options
        .title
        .clone()
        .unwrap_or_else(|| career.pack.title.clone());
    // The browser tab (and the page a plain iframe shows) names the career too.
    {
        let page_title = ui.f(Msg::PageTitle, &[&career.pack.title]);
        use_effect_with(page_title, |page_title| page::set_title(page_title));
    }
    let inputs = state.inputs;
    // The 29-2071 history is the article occupation's only.
    let history = if career.is_article_career() {
        ui.t(Msg::FooterHistory)
    } else {
        ""
    };
    let footer = ui.f(Msg::Footer, &[&career.pack.soc, history]);
    let section = |section: Section| -> Html {
        match section {
            Section::Estimator => html! {
                <div class="cpw-estimator" data-testid="section-estimator">
                    <EstimatorForm career={career} inputs={inputs} on_action={on_action.clone()} />
                    if let Ok(estimate) = &*estimate {
                        <ResultCard career={career} estimate={Rc::clone(estimate)} />
                    }
                </div>
            },
            Section::Facts => html! { <Facts career={career} place={inputs.place} /> },
            Section::Job => html! { <Job career={career} /> },
            Section::Share => html! {
                <Share inputs={inputs} options={Rc::clone(&state.options)} title={title.clone()} />
            },
            chart => html! {
                <ChartSection career={career} section={chart} inputs={inputs} estimate={estimate_value}
                    on_select={on_select.clone()} />
            },
        }
    };
    html! {
        <ContextProvider<Ui> context={(*ui).clone()}>
            <article class="cpw" lang={ui.lang.tag()} data-career={career.pack.soc.clone()}>
                <header class="cpw-header">
                    <p class="cpw-kicker">{ ui.f(Msg::Kicker, &[&career.pack.soc]) }</p>
                    <h1 class="cpw-title" data-testid="widget-title">{ title.clone() }</h1>
                </header>
                <Notices notices={state.notices.iter().chain(props.load_notices.iter()).cloned().collect::<Vec<_>>()}
                    extra={problems} />
                { for state.options.sections.iter().map(|s| section(*s)) }
                <footer class="cpw-footer"><p>{ footer }</p></footer>
            </article>
        </ContextProvider<Ui>>
    }
}
