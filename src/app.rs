//! The widget root: reads the URL once, holds the state, computes the estimate, lays out the parts.

use crate::charts::Select;
use crate::components::chart_figures::{
    ComparisonFigure, ExperienceFigure, IndustriesFigure, OutlookFigure, OverTimeFigure,
    StatesFigure,
};
use crate::components::distribution_figure::DistributionFigure;
use crate::components::estimator_form::EstimatorForm;
use crate::components::facts::Facts;
use crate::components::job::Job;
use crate::components::notices::Notices;
use crate::components::result_card::ResultCard;
use crate::config;
use crate::estimator::{self, BASE_YEAR};
use crate::figures::{FIGURES, SOC_CODE};
use crate::messages::{Lang, Msg};
use crate::state::{Action, WidgetState};
use crate::ui::Ui;
use crate::web::{intl::BrowserFormat, page};
use std::rc::Rc;
use yew::prelude::*;

#[function_component(App)]
pub fn app() -> Html {
    let ui = use_memo((), |_| Ui {
        lang: Lang::En,
        fmt: Rc::new(BrowserFormat::new()),
    });
    let state = use_reducer_eq(|| {
        let (inputs, notices) = config::from_query(&page::query(), &FIGURES);
        WidgetState { inputs, notices }
    });
    let estimate = use_memo(state.inputs, |inputs| {
        estimator::estimate(&FIGURES, *inputs).map(Rc::new)
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
                Select::State(code) => config::parse_region(code, &FIGURES).map(Action::SetRegion),
                Select::Industry(id) => {
                    config::parse_industry(id, &FIGURES).map(Action::SetIndustry)
                }
                Select::Years(years) => Some(Action::SetYears(years)),
            };
            if let Some(action) = action {
                dispatcher.dispatch(action);
            }
        })
    };
    use_effect_with((), |_| page::flag_document("widget-ready"));

    let base = FIGURES.national(BASE_YEAR);
    let mut problems = Vec::new();
    if base.is_none() || estimate.is_err() {
        problems.push(ui.f(Msg::NoticeNoEstimate, &[&BASE_YEAR.to_string()]));
    }
    let estimate_value = (*estimate).as_ref().ok().map(|e| e.annual);
    html! {
        <ContextProvider<Ui> context={(*ui).clone()}>
            <article class="cpw" lang={ui.lang.tag()}>
                <header class="cpw-header">
                    <p class="cpw-kicker">{ ui.f(Msg::Kicker, &[SOC_CODE]) }</p>
                    <h1 class="cpw-title">{ ui.t(Msg::Title) }</h1>
                </header>
                <Notices notices={state.notices.clone()} extra={problems} />
                <div class="cpw-estimator">
                    <EstimatorForm inputs={state.inputs} on_action={on_action} />
                    if let Ok(estimate) = &*estimate {
                        <ResultCard estimate={Rc::clone(estimate)} />
                    }
                </div>
                if let Some(base) = base {
                    <DistributionFigure base={base} estimate={estimate_value} />
                    <Facts base={base} />
                }
                <ExperienceFigure inputs={state.inputs} on_select={on_select.clone()} />
                <StatesFigure region={state.inputs.region} on_select={on_select.clone()} />
                <IndustriesFigure industry={state.inputs.industry} on_select={on_select.clone()} />
                <OverTimeFigure />
                <ComparisonFigure />
                <OutlookFigure region={state.inputs.region} on_select={on_select.clone()} />
                <Job />
                <footer class="cpw-footer"><p>{ ui.t(Msg::Footer) }</p></footer>
            </article>
        </ContextProvider<Ui>>
    }
}
