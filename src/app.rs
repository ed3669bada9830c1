//! The widget root: finds the careers the URL asks for (`loading`), offers them as tabs, and, per
//! career, reads the URL once, holds the state, computes the estimate, and lays out the
//! sections the host asked for, in its order.

use crate::charts::Select;
use crate::components::career_switcher::{tab_id, CareerSwitcher, PANEL_ID};
use crate::components::chart_section::ChartSection;
use crate::components::downloads::{DownloadAll, ShownView};
use crate::components::estimator_form::EstimatorForm;
use crate::components::facts::Facts;
use crate::components::job::Job;
use crate::components::lang_switch::LangSwitch;
use crate::components::notices::Notices;
use crate::components::result_card::ResultCard;
use crate::components::share::Share;
use crate::config::{self, Notice};
use crate::estimator;
use crate::hooks::use_canvas_chart::ShownTheme;
use crate::links;
use crate::messages::{table, Lang, Msg};
use crate::options::{self, Options, Section, Theme};
use crate::state::{Action, WidgetState};
use crate::ui::Ui;
use crate::web::{embed, packs, page};
use loading::{open, record_shown, switch_to, Phase, Showing};
use speech::{Speech, SpeechAction};

mod loading;
mod speech;
use std::rc::Rc;
use yew::platform::spawn_local;
use yew::prelude::*;

/// The widget, or a readable message if its figures cannot be read (never a blank box). Careers
/// asked for in the URL (`career=`, `program=`) are fetched first; anything that fails falls back
/// to the compiled-in career with a notice saying why. The language is the URL's, else the
/// browser's; Spanish is spoken once its messages are fetched, and until then, at the start, the
/// prerendered view (or the loading text) stays.
#[function_component(App)]
pub fn app() -> Html {
    crate::web::fault::plant(crate::web::fault::Moment::Start);
    let options = use_memo((), |_| options::from_query(&page::query()).0);
    let speech = use_reducer_eq(|| {
        let wanted =
            (options.lang).unwrap_or_else(|| options::lang_for_browser(&page::browser_languages()));
        Speech::start(options.lang, wanted, table::has_spanish())
    });
    let ui = use_memo(speech.speaking.unwrap_or_default(), |lang| {
        Ui::for_lang(*lang)
    });
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
        let (phase, subject, lang) = (phase.setter(), options.subject.clone(), ui.lang);
        let spanish_first = speech.speaking.is_none().then(|| speech.dispatcher());
        use_effect_with((), move |_| {
            if !subject.is_default() {
                spawn_local(async move { phase.set(open(&subject, lang).await) });
            }
            if let Some(speech) = spanish_first {
                fetch_spanish(speech);
            }
        });
    }
    {
        let ready = speech.speaking.is_some();
        use_effect_with(ready, move |ready| {
            // Effects run children first: every chart below has queued its first sizing, which
            // the batch does now, before the widget is shown.
            if *ready {
                crate::web::layout_batch::flush();
                page::take_over();
                embed::report_height_when_framed();
            }
        });
    }
    use_effect_with(ui.lang, |lang| page::set_document_lang(lang.tag()));
    let on_lang = {
        let speech = speech.dispatcher();
        Callback::from(move |lang: Lang| {
            let ready = lang == Lang::En || table::has_spanish();
            speech.dispatch(SpeechAction::Choose { lang, ready });
            if !ready {
                fetch_spanish(speech.clone());
            }
        })
    };
    let on_switch = {
        let (phase_now, phase, pending, latest, lang) = (
            (*phase).clone(),
            phase.setter(),
            pending.setter(),
            latest.clone(),
            ui.lang,
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
    if speech.speaking.is_none() {
        // Hidden until the live widget takes over: nothing to lay out in the wrong language.
        return Html::default();
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
                                load_notices={Rc::new(showing.notices.iter().chain(speech.notices.iter()).cloned().collect::<Vec<_>>())}
                                lang_choice={speech.choice} lang_pending={speech.pending}
                                on_lang={on_lang.clone()} />
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

/// Fetches the Spanish messages and tells `speech` how that went.
fn fetch_spanish(speech: UseReducerDispatcher<Speech>) {
    spawn_local(async move {
        let fetched = packs::spanish().await.map_err(|e| e.reason(Lang::En));
        speech.dispatch(SpeechAction::SpanishFetched(fetched));
    });
}

#[derive(Properties, PartialEq)]
struct WidgetProps {
    /// The state the URL describes, read once.
    initial: WidgetState,
    /// What could not be used or loaded while finding the careers or the language (shown as
    /// they change, unlike the URL's notices, which the reader clears by setting that input).
    load_notices: Rc<Vec<Notice>>,
    /// The language the reader or the URL chose (`None`: the browser's), for links.
    lang_choice: Option<Lang>,
    /// Whether the language chosen is being fetched.
    lang_pending: bool,
    on_lang: Callback<Lang>,
}

#[function_component(Widget)]
fn widget(props: &WidgetProps) -> Html {
    let state = use_reducer_eq(|| props.initial.clone());
    // Whether the dark theme is shown. Applied in the first render, before anything is drawn, so
    // the charts read the host's colours; under `dark=auto` it follows the system's setting live.
    let dark = use_state_eq(|| page::apply_theme(&state.options));
    {
        let (options, dark) = (Rc::clone(&state.options), dark.setter());
        use_effect_with((), move |_| {
            let watch = (options.theme == Theme::Auto)
                .then(|| page::watch_system_theme(move || dark.set(page::apply_theme(&options))))
                .flatten();
            move || drop(watch)
        });
    }
    let career = state.career;
    let ui = crate::ui::use_ui();
    // The options links and snippets reproduce, with the language chosen since.
    let options = use_memo(
        (Rc::clone(&state.options), props.lang_choice),
        |(options, lang)| {
            Rc::new(Options {
                lang: *lang,
                ..(**options).clone()
            })
        },
    );
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
    // Every input change (and a language chosen) is written to the URL, so a copied link
    // reproduces the view.
    use_effect_with((state.inputs, Rc::clone(&*options)), |(inputs, options)| {
        page::replace_query(&links::to_query(inputs, options));
    });
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
    // Read by the download buttons when clicked: kept current here, so that an input re-renders
    // only what shows it.
    let shown = use_memo((), |_| ShownView::default());
    shown.show(inputs, estimate_value);
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
                <Share inputs={inputs} options={Rc::clone(&*options)} title={title.clone()} />
            },
            chart => html! {
                <ChartSection career={career} section={chart} inputs={inputs} estimate={estimate_value}
                    shown={(*shown).clone()} on_select={on_select.clone()} />
            },
        }
    };
    html! {
        <ContextProvider<ShownTheme> context={ShownTheme { dark: *dark }}>
            <article class="cpw" lang={ui.lang.tag()} data-career={career.pack.soc.clone()}>
                <header class="cpw-header">
                    <p class="cpw-kicker">{ ui.f(Msg::Kicker, &[&career.pack.soc]) }</p>
                    <LangSwitch pending={props.lang_pending} on_choose={props.on_lang.clone()} />
                    <h1 class="cpw-title" data-testid="widget-title"
                        lang={(state.options.title.is_none() && ui.lang != Lang::En).then_some("en")}>
                        { title.clone() }
                    </h1>
                </header>
                <Notices notices={state.notices.iter().chain(props.load_notices.iter()).cloned().collect::<Vec<_>>()}
                    extra={problems} />
                { for state.options.sections.iter().map(|s| section(*s)) }
                <DownloadAll career={career} shown={(*shown).clone()} sections={state.options.sections.clone()} />
                <footer class="cpw-footer"><p>{ footer }</p></footer>
            </article>
        </ContextProvider<ShownTheme>>
    }
}
