//! Every chart in the page, through one component: it builds the section's chart model from the
//! inputs (memoised on exactly what that chart depends on, so an input change rebuilds and
//! redraws only the charts it affects) and hands it to [`ChartFrame`] with its title, source line
//! and legend. One component rather than one per chart keeps the wasm smaller: each Yew
//! component compiles to its own render machinery.

use crate::career::{state_code, Career};
use crate::charts::comparison::{rows_for as comparison_rows, ComparisonChart};
use crate::charts::distribution::DistributionChart;
use crate::charts::experience::ExperienceChart;
use crate::charts::industries::industries_chart;
use crate::charts::metros::metros_chart;
use crate::charts::outlook::OutlookChart;
use crate::charts::over_time::OverTimeChart;
use crate::charts::states::states_chart;
use crate::charts::Select;
use crate::components::chart_frame::ChartFrame;
use crate::estimator::{base_for, IndustryChoice, Inputs};
use crate::explanation::{place_name, source_in_sentence};
use crate::figures::{Distribution, Figures, Source, FIGURES};
use crate::hooks::use_canvas_chart::ChartRef;
use crate::messages::Msg;
use crate::options::Section;
use crate::ui::{use_ui, Ui};
use career_pack::{AreaCode, AreaKind, IndustryCode, Place};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ChartSectionProps {
    pub career: &'static Career,
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
    /// A place: the reader's state for the states chart, their place for the others.
    Place(Option<AreaCode>),
    Industry(Option<IndustryCode>),
    Inputs(Inputs),
    /// The base place and the estimate, by bit pattern (f64 is not `Eq`-friendly, its bits are).
    Estimate(Option<AreaCode>, Option<u64>),
}

/// A legend key: its swatch class and label.
type Key = (&'static str, Msg);

const BAND_KEYS: [Key; 2] = [
    ("cpw-key-inner", Msg::LegendMiddleHalf),
    ("cpw-key-outer", Msg::LegendMost),
];
const SELECTION_KEYS: [Key; 1] = [("cpw-key-selected", Msg::ChartBarsLegendSelected)];
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

/// The state (or DC, or territory) of the reader's place; `None` for the nation.
fn state_of(career: &'static Career, place: &'static Place) -> Option<&'static Place> {
    career.state_of(place)
}

fn industry_code(industry: IndustryChoice) -> Option<IndustryCode> {
    match industry {
        IndustryChoice::All => None,
        IndustryChoice::Industry(i) => Some(i.code),
    }
}

/// The place whose published distribution the estimate uses (the reader's, or its fallback).
fn base_place(career: &'static Career, inputs: &Inputs) -> &'static Place {
    base_for(career, inputs.place).map_or(inputs.place, |b| b.place)
}

fn depends(
    career: &'static Career,
    section: Section,
    inputs: &Inputs,
    estimate: Option<f64>,
) -> Depends {
    let state = || state_of(career, inputs.place).map(|p| p.code);
    match section {
        Section::Distribution => Depends::Estimate(
            Some(base_place(career, inputs).code),
            estimate.map(f64::to_bits),
        ),
        Section::Experience => Depends::Inputs(*inputs),
        Section::States => Depends::Place(state()),
        Section::Metros => Depends::Place(Some(inputs.place.code)),
        Section::Comparison => Depends::Place(state()),
        // The outlook highlights a state only if it is one of its three: other choices leave it
        // as it was, so it is not rebuilt or redrawn for them.
        Section::Outlook => Depends::Place(state().filter(|code| {
            FIGURES.state_projections.iter().any(|p| {
                crate::career::state_by_usps(p.area).map(|s| AreaCode::state(s.fips)) == Some(*code)
            })
        })),
        Section::Industries => Depends::Industry(industry_code(inputs.industry)),
        _ => Depends::Nothing,
    }
}

/// "Source: publisher, title, period, SOC code[, place]." for one distribution.
fn bls_source(ui: &Ui, d: &Distribution, period: &str, soc: &str, place: Option<&str>) -> String {
    let line = ui.f(
        Msg::ChartSource,
        &[d.source.publisher, d.source.title, period, soc],
    );
    match place {
        Some(place) => ui.f(Msg::ChartSourcePlace, &[&line, place]),
        None => line,
    }
}

fn build(
    career: &'static Career,
    section: Section,
    inputs: Inputs,
    estimate: Option<f64>,
    ui: &Ui,
) -> Option<Built> {
    let (lang, fmt) = (ui.lang, &*ui.fmt);
    let built = |chart: ChartRef, title: String, source: String, keys: &[Key], selectable| Built {
        chart,
        title,
        source,
        keys: keys.to_vec(),
        selectable,
    };
    let nation = career.nation()?;
    Some(match section {
        Section::Distribution => {
            let place = base_place(career, &inputs);
            let d = career.distribution(place)?;
            let national = (place.kind != AreaKind::National)
                .then(|| career.distribution(nation))
                .flatten();
            let mut keys = vec![BAND_KEYS[0], BAND_KEYS[1], ("cpw-key-mean", Msg::ChartMean)];
            if national.is_some() {
                keys.push(("cpw-key-reference", Msg::ChartNationalMedian));
            }
            keys.push(("cpw-key-estimate", Msg::ChartEstimate));
            built(
                ChartRef(Rc::new(DistributionChart::new(
                    &d,
                    national.as_ref(),
                    estimate,
                    lang,
                    fmt,
                ))),
                ui.f(
                    Msg::ChartDistributionTitle,
                    &[&place_name(place, lang), d.period],
                ),
                bls_source(ui, &d, d.period, d.soc_code, Some(&place.title)),
                &keys,
                false,
            )
        }
        Section::Experience => built(
            ChartRef(Rc::new(ExperienceChart::new(career, inputs, lang, fmt))),
            ui.t(Msg::ChartExperienceTitle).to_string(),
            ui.t(Msg::EstimateSource).to_string(),
            &[
                ("cpw-key-outer", Msg::RangeLabel),
                ("cpw-key-estimate", Msg::ChartEstimate),
            ],
            true,
        ),
        Section::States => {
            let state = state_of(career, inputs.place).map(|p| p.code);
            let chart = states_chart(career, state, lang, fmt);
            let source = chart.source_line().to_string();
            built(
                ChartRef(Rc::new(chart)),
                ui.t(Msg::ChartStatesTitle).to_string(),
                source,
                &SELECTION_KEYS,
                true,
            )
        }
        Section::Metros => {
            let state = state_of(career, inputs.place)?;
            let selected = (inputs.place.kind == AreaKind::Metro).then_some(inputs.place.code);
            let chart = metros_chart(career, state, selected, lang, fmt);
            let source = chart.source_line().to_string();
            built(
                ChartRef(Rc::new(chart)),
                ui.f(Msg::ChartMetrosTitle, &[&state.title]),
                source,
                &SELECTION_KEYS,
                true,
            )
        }
        Section::Industries => {
            let chart = industries_chart(career, industry_code(inputs.industry), lang, fmt);
            let source = chart.source_line().to_string();
            built(
                ChartRef(Rc::new(chart)),
                ui.t(Msg::ChartIndustriesTitle).to_string(),
                source,
                &SELECTION_KEYS,
                true,
            )
        }
        Section::OverTime => {
            // Two codes, two series: 29-2071 (May 2002–2018) and this career's (2021–2025).
            let mut years: Vec<&Distribution> = FIGURES.national.iter().collect();
            years.extend(career.national_series());
            let owned: Vec<Distribution> = years.iter().map(|d| (*d).clone()).collect();
            let (first, last) = (years.first()?, years.last()?);
            let codes = format!("{}, {}", first.soc_code, last.soc_code);
            built(
                ChartRef(Rc::new(OverTimeChart::new(&owned, lang, fmt))),
                ui.f(Msg::ChartOverTimeTitle, &[first.period, last.period]),
                ui.f(
                    Msg::ChartSource,
                    &[
                        first.source.publisher,
                        first.source.title,
                        &format!("{}–{}", first.period, last.period),
                        &codes,
                    ],
                ),
                &BAND_KEYS,
                false,
            )
        }
        Section::Comparison => {
            let (place, rows) = comparison_rows(career, inputs.place);
            let first = rows.first()?;
            let where_ = place_name(place, lang);
            let codes: Vec<&str> = rows.iter().map(|d| d.soc_code).collect();
            built(
                ChartRef(Rc::new(ComparisonChart::new(
                    &career.pack.soc,
                    &rows,
                    lang,
                    fmt,
                ))),
                ui.f(Msg::ChartComparisonTitle, &[&where_, first.period]),
                bls_source(ui, first, first.period, &codes.join(", "), None),
                &[
                    BAND_KEYS[0],
                    BAND_KEYS[1],
                    ("cpw-key-median", Msg::ChartMedian),
                    ("cpw-key-mean", Msg::ChartMean),
                ],
                false,
            )
        }
        Section::Outlook => {
            let figures = Figures {
                national_projections: career.outlook_projections(),
                ..FIGURES
            };
            let usps = state_of(career, inputs.place)
                .and_then(|p| state_code(p.state_fips))
                .map(|s| s.usps);
            built(
                ChartRef(Rc::new(OutlookChart::new(&figures, usps, lang, fmt))),
                ui.t(Msg::ChartOutlookTitle).to_string(),
                outlook_sources(career, ui, &figures),
                &STANDING_KEYS,
                true,
            )
        }
        Section::Estimator | Section::Facts | Section::Job | Section::Share => return None,
    })
}

/// The outlook has several sources: each once, in the order the chart shows them, with its
/// period.
fn outlook_sources(career: &Career, ui: &Ui, figures: &Figures) -> String {
    let mut sources: Vec<(&'static Source, &'static str)> = Vec::new();
    for p in figures
        .national_projections
        .iter()
        .chain(figures.state_projections)
    {
        if !sources.iter().any(|(s, _)| std::ptr::eq(*s, p.source)) {
            sources.push((p.source, p.period));
        }
    }
    let list: Vec<String> = sources
        .iter()
        .map(|(s, period)| format!("{} ({period})", source_in_sentence(s, ui.lang)))
        .collect();
    let mut codes: Vec<&str> = Vec::new();
    for p in figures
        .national_projections
        .iter()
        .chain(figures.state_projections)
    {
        let code = if p.source.id == crate::figures::PROJECTIONS_SOURCE {
            career.pack.soc.as_str()
        } else {
            crate::figures::SOC_CODE
        };
        if !codes.contains(&code) {
            codes.push(code);
        }
    }
    ui.f(Msg::SourcesLine, &[&list.join("; "), &codes.join(", ")])
}

#[function_component(ChartSection)]
pub fn chart_section(props: &ChartSectionProps) -> Html {
    let ui = use_ui();
    let section = props.section;
    let career = props.career;
    let built = {
        let (ui, inputs, estimate) = (ui.clone(), props.inputs, props.estimate);
        use_memo(
            (
                section,
                depends(career, section, &props.inputs, props.estimate),
            ),
            move |_| build(career, section, inputs, estimate, &ui),
        )
    };
    let Some(built) = &*built else {
        if section == Section::Metros {
            return html! {
                <section class="cpw-section cpw-hint" id={section.id()} data-testid="section-metros">
                    <h2>{ ui.t(Msg::ChartMetrosHeading) }</h2>
                    <p>{ ui.t(Msg::ChartMetrosHint) }</p>
                </section>
            };
        }
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
