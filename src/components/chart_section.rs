//! Every chart in the page, through one component: it builds the section's chart model from the
//! inputs (memoised on exactly what that chart depends on, so an input change rebuilds and
//! redraws only the charts it affects) and hands it to [`ChartFrame`] with its title, source line
//! and legend. One component rather than one per chart keeps the wasm smaller: each Yew
//! component compiles to its own render machinery.

use crate::charts::comparison::ComparisonChart;
use crate::charts::distribution::DistributionChart;
use crate::charts::experience::ExperienceChart;
use crate::charts::industries::IndustriesChart;
use crate::charts::outlook::OutlookChart;
use crate::charts::over_time::OverTimeChart;
use crate::charts::states::StatesChart;
use crate::charts::Select;
use crate::components::chart_frame::ChartFrame;
use crate::estimator::{IndustryChoice, Inputs, Region, BASE_YEAR};
use crate::explanation::source_in_sentence;
use crate::figures::{Distribution, Source, FIGURES, SOC_CODE};
use crate::hooks::use_canvas_chart::ChartRef;
use crate::messages::Msg;
use crate::options::Section;
use crate::ui::{use_ui, Ui};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ChartSectionProps {
    /// Which chart; sections that are not charts render nothing.
    pub section: Section,
    pub inputs: Inputs,
    /// The current estimate (annual dollars), marked on the distribution.
    pub estimate: Option<f64>,
    pub on_select: Callback<Select>,
}

/// What a chart depends on. A change of key rebuilds the model; nothing else does.
#[derive(Clone, Copy, PartialEq)]
enum Depends {
    Nothing,
    State(Option<&'static str>),
    Industry(Option<&'static str>),
    Inputs(Inputs),
    /// The estimate, by bit pattern (f64 is not `Eq`-friendly, its bits are).
    Estimate(Option<u64>),
}

/// A legend key: its swatch class and label.
type Key = (&'static str, Msg);

const BAND_KEYS: [Key; 2] = [
    ("cpw-key-inner", Msg::LegendMiddleHalf),
    ("cpw-key-outer", Msg::LegendMost),
];
const STANDING_KEYS: [Key; 3] = [
    ("cpw-key-filled", Msg::ChartBarsLegendFilled),
    ("cpw-key-outlined", Msg::ChartBarsLegendOutlined),
    ("cpw-key-selected", Msg::ChartBarsLegendSelected),
];

/// A built chart with everything around it.
struct Built {
    chart: ChartRef,
    title: String,
    source: String,
    keys: Vec<Key>,
    selectable: bool,
}

fn state_code(region: Region) -> Option<&'static str> {
    match region {
        Region::National => None,
        Region::State(area) => Some(area.code),
    }
}

fn industry_id(industry: IndustryChoice) -> Option<&'static str> {
    match industry {
        IndustryChoice::All => None,
        IndustryChoice::Industry(m) => Some(m.id),
    }
}

fn depends(section: Section, inputs: &Inputs, estimate: Option<f64>) -> Depends {
    match section {
        Section::Distribution => Depends::Estimate(estimate.map(f64::to_bits)),
        Section::Experience => Depends::Inputs(*inputs),
        Section::States => Depends::State(state_code(inputs.region)),
        // The outlook highlights a state only if it is one of its three: other choices leave it
        // as it was, so it is not rebuilt or redrawn for them.
        Section::Outlook => Depends::State(
            state_code(inputs.region)
                .filter(|code| FIGURES.state_projections.iter().any(|p| p.area == *code)),
        ),
        Section::Industries => Depends::Industry(industry_id(inputs.industry)),
        _ => Depends::Nothing,
    }
}

/// "Source: publisher, title, period, SOC code." for one distribution.
fn bls_source(ui: &Ui, d: &Distribution, period: &str, soc: &str) -> String {
    ui.f(
        Msg::ChartSource,
        &[d.source.publisher, d.source.title, period, soc],
    )
}

fn build(section: Section, inputs: Inputs, estimate: Option<f64>, ui: &Ui) -> Option<Built> {
    let (lang, fmt) = (ui.lang, &*ui.fmt);
    let built = |chart: ChartRef, title: String, source: String, keys: &[Key], selectable| Built {
        chart,
        title,
        source,
        keys: keys.to_vec(),
        selectable,
    };
    Some(match section {
        Section::Distribution => {
            let d = FIGURES.national(BASE_YEAR)?;
            built(
                ChartRef(Rc::new(DistributionChart::new(d, estimate, lang, fmt))),
                ui.f(Msg::ChartDistributionTitle, &[d.period]),
                bls_source(ui, d, d.period, d.soc_code),
                &[
                    BAND_KEYS[0],
                    BAND_KEYS[1],
                    ("cpw-key-mean", Msg::ChartMean),
                    ("cpw-key-estimate", Msg::ChartEstimate),
                ],
                false,
            )
        }
        Section::Experience => built(
            ChartRef(Rc::new(ExperienceChart::new(&FIGURES, inputs, lang, fmt))),
            ui.t(Msg::ChartExperienceTitle).to_string(),
            ui.t(Msg::EstimateSource).to_string(),
            &[
                ("cpw-key-outer", Msg::RangeLabel),
                ("cpw-key-estimate", Msg::ChartEstimate),
            ],
            true,
        ),
        Section::States => {
            let chart = StatesChart::new(&FIGURES, state_code(inputs.region), lang, fmt);
            let source = chart.source_line().to_string();
            built(
                ChartRef(Rc::new(chart)),
                ui.t(Msg::ChartStatesTitle).to_string(),
                source,
                &STANDING_KEYS,
                true,
            )
        }
        Section::Industries => {
            let chart = IndustriesChart::new(&FIGURES, industry_id(inputs.industry), lang, fmt);
            let source = chart.source_line().to_string();
            built(
                ChartRef(Rc::new(chart)),
                ui.t(Msg::ChartIndustriesTitle).to_string(),
                source,
                &STANDING_KEYS,
                true,
            )
        }
        Section::OverTime => {
            let (first, last) = (FIGURES.national.first()?, FIGURES.national.last()?);
            built(
                ChartRef(Rc::new(OverTimeChart::new(FIGURES.national, lang, fmt))),
                ui.f(Msg::ChartOverTimeTitle, &[first.period, last.period]),
                bls_source(
                    ui,
                    last,
                    &format!("{}–{}", first.period, last.period),
                    last.soc_code,
                ),
                &BAND_KEYS,
                false,
            )
        }
        Section::Comparison => {
            let first = FIGURES.comparison_2014.first()?;
            built(
                ChartRef(Rc::new(ComparisonChart::new(
                    FIGURES.comparison_2014,
                    lang,
                    fmt,
                ))),
                ui.f(Msg::ChartComparisonTitle, &[first.period]),
                bls_source(ui, first, first.period, first.source.soc_code),
                &[
                    BAND_KEYS[0],
                    BAND_KEYS[1],
                    ("cpw-key-median", Msg::ChartMedian),
                    ("cpw-key-mean", Msg::ChartMean),
                ],
                false,
            )
        }
        Section::Outlook => built(
            ChartRef(Rc::new(OutlookChart::new(
                &FIGURES,
                state_code(inputs.region),
                lang,
                fmt,
            ))),
            ui.t(Msg::ChartOutlookTitle).to_string(),
            outlook_sources(ui),
            &STANDING_KEYS,
            true,
        ),
        Section::Estimator | Section::Facts | Section::Job | Section::Share => return None,
    })
}

/// The outlook has several sources: each once, in the order the chart shows them, with its
/// period.
fn outlook_sources(ui: &Ui) -> String {
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
    ui.f(Msg::SourcesLine, &[&list.join("; "), SOC_CODE])
}

#[function_component(ChartSection)]
pub fn chart_section(props: &ChartSectionProps) -> Html {
    let ui = use_ui();
    let section = props.section;
    let built = {
        let (ui, inputs, estimate) = (ui.clone(), props.inputs, props.estimate);
        use_memo(
            (section, depends(section, &props.inputs, props.estimate)),
            move |_| build(section, inputs, estimate, &ui),
        )
    };
    let Some(built) = &*built else {
        return Html::default();
    };
    html! {
        <ChartFrame id={section.id()} chart={built.chart.clone()} title={built.title.clone()}
            source={built.source.clone()}
            on_select={built.selectable.then(|| props.on_select.clone())}>
            <ul class="cpw-legend" aria-hidden="true">
                { for built.keys.iter().map(|(class, label)| html! {
                    <li><span class={classes!("cpw-key", *class)}></span>{ ui.t(*label) }</li>
                }) }
            </ul>
        </ChartFrame>
    }
}
