//! The widget root: reads the URL once, holds the state, computes the estimate, and lays out the
//! sections the host asked for, in its order.

use crate::career;
use crate::charts::Select;
use crate::components::chart_section::ChartSection;
use crate::components::estimator_form::EstimatorForm;
use crate::components::facts::Facts;
use crate::components::job::Job;
use crate::components::notices::Notices;
use crate::components::result_card::ResultCard;
use crate::components::share::Share;
use crate::config;
use crate::estimator;
use crate::links;
use crate::messages::Msg;
use crate::options::Section;
use crate::state::{Action, WidgetState};
use crate::ui::Ui;
use crate::web::{embed, intl::BrowserFormat, page};
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The widget, or a readable message if its figures cannot be read (never a blank box).
#[function_component(App)]
pub fn app() -> Html {
    let initial = use_memo((), |_| {
        career::current()
            .ok()
            .and_then(|career| WidgetState::from_query(&page::query(), career))
    });
    match &*initial {
        Some(initial) => html! { <Widget initial={initial.clone()} /> },
        None => html! {
            <article class="cpw">
                <p class="cpw-notice" role="alert" data-testid="load-error">
                    { Ui::default().t(Msg::FiguresUnreadable) }
                </p>
            </article>
        },
    }
}

#[derive(Properties, PartialEq)]
struct WidgetProps {
    /// The state the URL describes, read once.
    initial: WidgetState,
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
            embed::report_height_when_framed();
            // Back and Forward to an entry with another query show that entry's inputs.
            let on_popstate = Closure::<dyn Fn()>::new(move || {
                if let Some(restored) = WidgetState::from_query(&page::query(), career) {
                    dispatcher.dispatch(Action::Replace(restored.inputs));
                }
            });
            let window = web_sys::window();
            if let Some(w) = &window {
                let _ = w.add_event_listener_with_callback(
                    "popstate",
                    on_popstate.as_ref().unchecked_ref(),
                );
            }
            move || {
                if let Some(w) = window {
                    let _ = w.remove_event_listener_with_callback(
                        "popstate",
                        on_popstate.as_ref().unchecked_ref(),
                    );
                }
            }
        });
    }

    let mut problems = Vec::new();
    if estimate.is_err() {
        problems.push(ui.t(Msg::NoticeNoEstimate).to_string());
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
            <article class="cpw" lang={ui.lang.tag()}>
                <header class="cpw-header">
                    <p class="cpw-kicker">{ ui.f(Msg::Kicker, &[&career.pack.soc]) }</p>
                    <h1 class="cpw-title" data-testid="widget-title">{ title.clone() }</h1>
                </header>
                <Notices notices={state.notices.clone()} extra={problems} />
                { for state.options.sections.iter().map(|s| section(*s)) }
                <footer class="cpw-footer"><p>{ ui.t(Msg::Footer) }</p></footer>
            </article>
        </ContextProvider<Ui>>
    }
}
