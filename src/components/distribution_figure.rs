//! Chart 1 in the page: the national distribution with the estimate marked, its text summary for
//! screen readers, a legend, and the source line.

use crate::charts::distribution::{draw, height_for_rows, DistributionChart};
use crate::charts::palette::Palette;
use crate::figures::Distribution;
use crate::hooks::use_canvas_chart::use_canvas_chart;
use crate::messages::Msg;
use crate::ui::use_ui;
use crate::web::page;
use plotters::coord::Shift;
use plotters::prelude::DrawingArea;
use plotters_canvas::CanvasBackend;
use std::rc::Rc;
use web_sys::HtmlCanvasElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DistributionFigureProps {
    pub base: &'static Distribution,
    /// The current estimate, annual dollars.
    pub estimate: Option<f64>,
}

fn paint(
    area: &DrawingArea<CanvasBackend, Shift>,
    chart: &DistributionChart,
    palette: &Palette,
    scale: f64,
) -> Option<f64> {
    draw(area, chart, palette, scale)
        .ok()
        .map(|(_, rows)| height_for_rows(rows))
}

#[function_component(DistributionFigure)]
pub fn distribution_figure(props: &DistributionFigureProps) -> Html {
    let ui = use_ui();
    let d = props.base;
    let chart = {
        let ui = ui.clone();
        use_memo((d, props.estimate), move |(d, estimate)| {
            let names = [10.0, 25.0, 50.0, 75.0, 90.0].map(|p| {
                if p == 50.0 {
                    ui.t(Msg::ChartMedian).to_string()
                } else {
                    ui.lang.ordinal(p)
                }
            });
            DistributionChart::new(
                d,
                names,
                ui.t(Msg::ChartMean).to_string(),
                estimate.map(|v| (ui.t(Msg::ChartEstimate).to_string(), v)),
                &|v| ui.fmt.money(v),
                &|v| ui.fmt.money_compact(v),
            )
        })
    };
    let on_drawn = use_callback((), |canvas: HtmlCanvasElement, _| {
        let _ = canvas.set_attribute("data-chart-drawn", "true");
        page::mark_once("first-chart-drawn");
    });
    let canvas = use_canvas_chart(Rc::clone(&chart), paint, on_drawn);
    let fmt = &*ui.fmt;
    let p = d.annual.percentiles;
    let estimate_text = props.estimate.map(|v| fmt.money(v)).unwrap_or_default();
    let summary = ui.f(
        Msg::ChartDistributionSummary,
        &[
            d.period,
            &fmt.money(p[2]),
            &fmt.money(p[1]),
            &fmt.money(p[3]),
            &fmt.money(p[0]),
            &fmt.money(p[4]),
            &fmt.money(d.annual.mean),
            &estimate_text,
        ],
    );
    let source = ui.f(
        Msg::ChartSource,
        &[d.source.publisher, d.source.title, d.period, d.soc_code],
    );
    html! {
        <figure class="cpw-figure" aria-labelledby="cpw-dist-title">
            <h2 id="cpw-dist-title" class="cpw-figure-title">
                { ui.f(Msg::ChartDistributionTitle, &[d.period]) }
            </h2>
            <canvas ref={canvas} class="cpw-canvas" data-testid="chart-distribution"
                role="img" aria-label={summary.clone()}
                style={format!("height:{}px", height_for_rows(1))}></canvas>
            <ul class="cpw-legend" aria-hidden="true">
                <li><span class="cpw-key cpw-key-inner"></span>{ ui.t(Msg::LegendMiddleHalf) }</li>
                <li><span class="cpw-key cpw-key-outer"></span>{ ui.t(Msg::LegendMost) }</li>
                <li><span class="cpw-key cpw-key-mean"></span>{ ui.t(Msg::ChartMean) }</li>
                <li><span class="cpw-key cpw-key-estimate"></span>{ ui.t(Msg::ChartEstimate) }</li>
            </ul>
            <figcaption class="cpw-source-line" data-testid="chart-source">{ source }</figcaption>
        </figure>
    }
}
