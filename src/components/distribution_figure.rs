//! Chart 1 in the page: the national distribution with the estimate marked, and its legend.

use crate::charts::distribution::DistributionChart;
use crate::components::chart_frame::ChartFrame;
use crate::figures::Distribution;
use crate::hooks::use_canvas_chart::ChartRef;
use crate::messages::Msg;
use crate::ui::use_ui;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DistributionFigureProps {
    pub base: &'static Distribution,
    /// The current estimate, annual dollars.
    pub estimate: Option<f64>,
}

#[function_component(DistributionFigure)]
pub fn distribution_figure(props: &DistributionFigureProps) -> Html {
    let ui = use_ui();
    let d = props.base;
    let chart = {
        let ui = ui.clone();
        use_memo((d, props.estimate), move |(d, estimate)| {
            DistributionChart::new(d, *estimate, ui.lang, &*ui.fmt)
        })
    };
    let source = ui.f(
        Msg::ChartSource,
        &[d.source.publisher, d.source.title, d.period, d.soc_code],
    );
    html! {
        <ChartFrame id="distribution" chart={ChartRef(chart)}
            title={ui.f(Msg::ChartDistributionTitle, &[d.period])} source={source}>
            <ul class="cpw-legend" aria-hidden="true">
                <li><span class="cpw-key cpw-key-inner"></span>{ ui.t(Msg::LegendMiddleHalf) }</li>
                <li><span class="cpw-key cpw-key-outer"></span>{ ui.t(Msg::LegendMost) }</li>
                <li><span class="cpw-key cpw-key-mean"></span>{ ui.t(Msg::ChartMean) }</li>
                <li><span class="cpw-key cpw-key-estimate"></span>{ ui.t(Msg::ChartEstimate) }</li>
            </ul>
        </ChartFrame>
    }
}
