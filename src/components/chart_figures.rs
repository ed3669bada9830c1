//! Charts 2–7 in the page: each builds its model from the current inputs (memoised on exactly
//! the inputs it depends on, so an input change redraws only the charts it affects) and hands it
//! to [`ChartFrame`] with its title, source line and legend.

use crate::charts::comparison::ComparisonChart;
use crate::charts::experience::ExperienceChart;
use crate::charts::industries::IndustriesChart;
use crate::charts::outlook::OutlookChart;
use crate::charts::over_time::OverTimeChart;
use crate::charts::states::StatesChart;
use crate::charts::Select;
use crate::components::chart_frame::ChartFrame;
use crate::estimator::{IndustryChoice, Inputs, Region};
use crate::explanation::source_in_sentence;
use crate::figures::{Source, FIGURES, SOC_CODE};
use crate::hooks::use_canvas_chart::ChartRef;
use crate::messages::Msg;
use crate::ui::{use_ui, Ui};
use yew::prelude::*;

/// The USPS code of a region, `None` for national.
fn state_code(region: Region) -> Option<&'static str> {
    match region {
        Region::National => None,
        Region::State(area) => Some(area.code),
    }
}

/// The id of an industry choice, `None` for all industries.
fn industry_id(industry: IndustryChoice) -> Option<&'static str> {
    match industry {
        IndustryChoice::All => None,
        IndustryChoice::Industry(m) => Some(m.id),
    }
}

/// The key for charts that tell BLS files from other sources by fill.
fn standing_legend(ui: &Ui) -> Html {
    html! {
        <ul class="cpw-legend" aria-hidden="true">
            <li><span class="cpw-key cpw-key-filled"></span>{ ui.t(Msg::ChartBarsLegendFilled) }</li>
            <li><span class="cpw-key cpw-key-outlined"></span>{ ui.t(Msg::ChartBarsLegendOutlined) }</li>
            <li><span class="cpw-key cpw-key-selected"></span>{ ui.t(Msg::ChartBarsLegendSelected) }</li>
        </ul>
    }
}

#[derive(Properties, PartialEq)]
pub struct StatesFigureProps {
    pub region: Region,
    pub on_select: Callback<Select>,
}

/// Chart 2: pay by state.
#[function_component(StatesFigure)]
pub fn states_figure(props: &StatesFigureProps) -> Html {
    let ui = use_ui();
    let chart = {
        let ui = ui.clone();
        use_memo(state_code(props.region), move |selected| {
            StatesChart::new(&FIGURES, *selected, ui.lang, &*ui.fmt)
        })
    };
    let source = chart.source_line().to_string();
    html! {
        <ChartFrame id="states" chart={ChartRef(chart)} source={source}
            title={ui.t(Msg::ChartStatesTitle)} on_select={props.on_select.clone()}>
            { standing_legend(&ui) }
        </ChartFrame>
    }
}

#[derive(Properties, PartialEq)]
pub struct IndustriesFigureProps {
    pub industry: IndustryChoice,
    pub on_select: Callback<Select>,
}

/// Chart 3: pay by industry.
#[function_component(IndustriesFigure)]
pub fn industries_figure(props: &IndustriesFigureProps) -> Html {
    let ui = use_ui();
    let chart = {
        let ui = ui.clone();
        use_memo(industry_id(props.industry), move |selected| {
            IndustriesChart::new(&FIGURES, *selected, ui.lang, &*ui.fmt)
        })
    };
    let source = chart.source_line().to_string();
    html! {
        <ChartFrame id="industries" chart={ChartRef(chart)} source={source}
            title={ui.t(Msg::ChartIndustriesTitle)} on_select={props.on_select.clone()}>
            { standing_legend(&ui) }
        </ChartFrame>
    }
}

/// Chart 4: national pay over time. It depends on no input, so it is built and drawn once.
#[function_component(OverTimeFigure)]
pub fn over_time_figure() -> Html {
    let ui = use_ui();
    let chart = {
        let ui = ui.clone();
        use_memo((), move |_| {
            OverTimeChart::new(FIGURES.national, ui.lang, &*ui.fmt)
        })
    };
    let (Some(first), Some(last)) = (FIGURES.national.first(), FIGURES.national.last()) else {
        return Html::default();
    };
    let source = ui.f(
        Msg::ChartSource,
        &[
            last.source.publisher,
            last.source.title,
            &format!("{}–{}", first.period, last.period),
            last.soc_code,
        ],
    );
    html! {
        <ChartFrame id="over-time" chart={ChartRef(chart)} source={source}
            title={ui.f(Msg::ChartOverTimeTitle, &[first.period, last.period])}>
            <ul class="cpw-legend" aria-hidden="true">
                <li><span class="cpw-key cpw-key-inner"></span>{ ui.t(Msg::LegendMiddleHalf) }</li>
                <li><span class="cpw-key cpw-key-outer"></span>{ ui.t(Msg::LegendMost) }</li>
            </ul>
        </ChartFrame>
    }
}

#[derive(Properties, PartialEq)]
pub struct ExperienceFigureProps {
    pub inputs: Inputs,
    pub on_select: Callback<Select>,
}

/// Chart 7: the estimate by years of experience for the current state and industry.
#[function_component(ExperienceFigure)]
pub fn experience_figure(props: &ExperienceFigureProps) -> Html {
    let ui = use_ui();
    let chart = {
        let ui = ui.clone();
        use_memo(props.inputs, move |inputs| {
            ExperienceChart::new(&FIGURES, *inputs, ui.lang, &*ui.fmt)
        })
    };
    html! {
        <ChartFrame id="experience" chart={ChartRef(chart)}
            source={ui.t(Msg::EstimateSource)} title={ui.t(Msg::ChartExperienceTitle)}
            on_select={props.on_select.clone()}>
            <ul class="cpw-legend" aria-hidden="true">
                <li><span class="cpw-key cpw-key-outer"></span>{ ui.t(Msg::RangeLabel) }</li>
                <li><span class="cpw-key cpw-key-estimate"></span>{ ui.t(Msg::ChartEstimate) }</li>
            </ul>
        </ChartFrame>
    }
}

#[derive(Properties, PartialEq)]
pub struct OutlookFigureProps {
    pub region: Region,
    pub on_select: Callback<Select>,
}

/// Chart 5: projected growth by Handbook edition and the article's fastest-growing states.
#[function_component(OutlookFigure)]
pub fn outlook_figure(props: &OutlookFigureProps) -> Html {
    let ui = use_ui();
    let chart = {
        let ui = ui.clone();
        use_memo(state_code(props.region), move |selected| {
            OutlookChart::new(&FIGURES, *selected, ui.lang, &*ui.fmt)
        })
    };
    // Several sources: each once, in the order the chart shows them, with its period.
    let mut sources: Vec<(&'static Source, &'static str)> = Vec::new();
    for p in FIGURES
        .national_projections
        .iter()
        .chain(FIGURES.state_projections)
    {
        if !sources.iter().any(|(s, _)| std::ptr::eq(*s, p.source)) {
            sources.push((p.source, p.period));
        }
    }
    let list: Vec<String> = sources
        .iter()
        .map(|(s, period)| format!("{} ({period})", source_in_sentence(s, ui.lang)))
        .collect();
    let source = ui.f(Msg::SourcesLine, &[&list.join("; "), SOC_CODE]);
    html! {
        <ChartFrame id="outlook" chart={ChartRef(chart)} source={source}
            title={ui.t(Msg::ChartOutlookTitle)} on_select={props.on_select.clone()}>
            { standing_legend(&ui) }
        </ChartFrame>
    }
}

/// Chart 6: this occupation against all occupations and medical transcriptionists.
#[function_component(ComparisonFigure)]
pub fn comparison_figure() -> Html {
    let ui = use_ui();
    let chart = {
        let ui = ui.clone();
        use_memo((), move |_| {
            ComparisonChart::new(FIGURES.comparison_2014, ui.lang, &*ui.fmt)
        })
    };
    let Some(first) = FIGURES.comparison_2014.first() else {
        return Html::default();
    };
    let source = ui.f(
        Msg::ChartSource,
        &[
            first.source.publisher,
            first.source.title,
            first.period,
            first.source.soc_code,
        ],
    );
    html! {
        <ChartFrame id="comparison" chart={ChartRef(chart)} source={source}
            title={ui.f(Msg::ChartComparisonTitle, &[first.period])}>
            <ul class="cpw-legend" aria-hidden="true">
                <li><span class="cpw-key cpw-key-inner"></span>{ ui.t(Msg::LegendMiddleHalf) }</li>
                <li><span class="cpw-key cpw-key-outer"></span>{ ui.t(Msg::LegendMost) }</li>
                <li><span class="cpw-key cpw-key-median"></span>{ ui.t(Msg::ChartMedian) }</li>
                <li><span class="cpw-key cpw-key-mean"></span>{ ui.t(Msg::ChartMean) }</li>
            </ul>
        </ChartFrame>
    }
}
