//! The widget root: finds the careers the URL asks for (`loading`), offers them as tabs, and, per
//! career, reads the URL once, holds the state, computes the estimate, and lays out the
//! sections the host asked for, in its order.

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
use crate::messages::Msg;
use crate::options::{self, Section};
use crate::state::{Action, WidgetState};
use crate::ui::Ui;
use crate::web::{embed, page};
use loading::{open, record_shown, switch_to, Phase, Showing};

mod loading;
use std::rc::Rc;
use yew::platform::spawn_local;
use yew::prelude::*;

/// The widget, or a readable message if its figures cannot be read (never a blank box). Careers
/// asked for in the URL (`career=`, `program=`) are fetched first; anything that fails falls back
/// to the compiled-in career with a notice saying why.
#[function_component(App)]
pub fn app() -> Html {
    crate::web::fault::plant(crate::web::fault::Moment::Start);
    let options = use_memo((), |_| options::from_query(&page::query()).0);
    let ui = use_memo((), |_| Ui::for_lang(options.lang));
    let phase = use_state(|| {
        if options.subject.is_default() {
            Showing::default_career(Vec::new()).map_or(Phase::Unreadable, Phase::Ready)
        } else {
            Phase::Loading
        }
    });
    // The career being fetched, while the one before stays in use.
    let pending = use_state_eq(|| None::<String>);
    // Each choice gets a number; a fetch that ends after a later choice is dropped.
    let latest = use_mut_ref(|| 0_u32);
    {
        let (phase, subject, lang) = (phase.setter(), options.subject.clone(), options.lang);
        use_effect_with((), move |_| {
            // Effects run children first: every chart below has its height by now.
            page::take_over();
            embed::report_height_when_framed();
            if !subject.is_default() {
                spawn_local(async move { phase.set(open(&subject, lang).await) });
            }
        });
    }
    let on_switch = {
        let (phase_now, phase, pending, latest, lang) = (
            (*phase).clone(),
            phase.setter(),
            pending.setter(),
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
            // Any choice, even of the career shown, overtakes one still being fetched.
            *latest.borrow_mut() += 1;
            let ticket = *latest.borrow();
            if soc == showing.career.pack.soc {
                pending.set(None);
                return;
            }
            let (phase, pending, latest) = (phase.clone(), pending.clone(), latest.clone());
            pending.set(Some(soc));
            spawn_local(async move {
                let entry = &showing.lineup.careers[position];
                let next = switch_to(&showing, entry, position, lang).await;
                if *latest.borrow() == ticket {
                    if next.career.pack.soc == entry.soc {
                        record_shown(&entry.soc, position);
                    }
                    phase.set(Phase::Ready(next));
                    pending.set(None);
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
                        pending={(*pending).clone()} on_switch={on_switch.clone()} />
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
    let ui = use_memo(state.options.lang, |lang| Ui::for_lang(*lang));
    let estimate = use_memo(state.inputs, move |inputs| {
        estimator::estimate(career, *inputs).map(Rc::new)
    });
    let on_action = {
        let dispatcher = state.dispatcher();
        use_callback((), move |action, _| {
            crate::web::fault::plant(crate::web::fault::Moment::Input);
            dispatcher.dispatch(action)
        })
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
            // A career shown (the first once fetched, or another) changes the widget's height: a
            // frame off screen learns it now, not when the reader scrolls to it.
            embed::report_height_now();
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
