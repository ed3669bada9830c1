//! Every chart in the page, through one component: it looks the section up in the chart
//! registry, builds the chart (memoised on exactly what that chart depends on, so an input change
//! rebuilds and redraws only the charts it affects) and hands it to [`ChartFrame`] with its
//! title, source line and legend. One component rather than one per chart keeps the wasm
//! smaller: each Yew component compiles to its own render machinery.

use crate::career::Career;
use crate::charts::registry::{self, Context};
use crate::charts::Select;
use crate::components::chart_frame::ChartFrame;
use crate::components::downloads::{ChartDownloads, ShownView};
use crate::estimator::Inputs;
use crate::options::Section;
use crate::ui::use_ui;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ChartSectionProps {
    pub career: &'static Career,
    /// Which chart; sections that are not charts render nothing.
    pub section: Section,
    pub inputs: Inputs,
    /// The current estimate (annual dollars), marked on the distribution.
    pub estimate: Option<f64>,
    /// What the view shows, read by the download buttons when clicked.
    pub shown: ShownView,
    pub on_select: Callback<Select>,
}

#[function_component(ChartSection)]
pub fn chart_section(props: &ChartSectionProps) -> Html {
    let ui = use_ui();
    let spec = registry::spec(props.section);
    let context = Context {
        career: props.career,
        inputs: props.inputs,
        estimate: props.estimate,
        lang: ui.lang,
        fmt: &*ui.fmt,
    };
    let depends = spec.map(|spec| (spec.depends)(&context));
    let built = {
        let (ui, career, inputs, estimate) =
            (ui.clone(), props.career, props.inputs, props.estimate);
        use_memo((props.section, ui.lang, depends), move |_| {
            let context = Context {
                career,
                inputs,
                estimate,
                lang: ui.lang,
                fmt: &*ui.fmt,
            };
            spec.and_then(|spec| (spec.build)(&context))
        })
    };
    let Some(spec) = spec else {
        return Html::default();
    };
    let id = props.section.id();
    let Some(built) = &*built else {
        return match spec.when_empty {
            Some((heading, hint)) => html! {
                <section class="cpw-section cpw-hint" id={id} data-testid={format!("section-{id}")}>
                    <h2>{ ui.t(heading) }</h2>
                    <p>{ ui.t(hint) }</p>
                </section>
            },
            None => Html::default(),
        };
    };
    html! {
        <ChartFrame id={id} chart={built.chart.clone()} title={built.title.clone()}
            source={built.source.clone()}
            on_select={spec.selectable.then(|| props.on_select.clone())}>
            <ul class="cpw-legend" aria-hidden="true">
                { for built.keys.iter().map(|(class, label)| html! {
                    <li><span class={classes!("cpw-key", *class)}></span>{ ui.t(*label) }</li>
                }) }
            </ul>
            <ChartDownloads career={props.career} shown={props.shown.clone()} chart={built.chart.clone()}
                title={built.title.clone()} source={built.source.clone()} keys={built.keys.clone()} />
        </ChartFrame>
    }
}
