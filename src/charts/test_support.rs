//! Test helpers shared by the chart modules: draw a chart to SVG and read back its text.

use super::palette::Palette;
use super::{Chart, Drawn};
use plotters::prelude::*;

/// Draws `chart` at 1 device pixel per CSS pixel into an SVG string of `width` x `height`.
pub fn render_svg<C: Chart>(chart: &C, width: u32, height: u32) -> (String, Drawn) {
    let mut out = String::new();
    let drawn;
    {
        let area = SVGBackend::with_string(&mut out, (width, height)).into_drawing_area();
        drawn = chart
            .draw(&area, &Palette::default(), 1.0)
            .expect("the chart draws");
        area.present().expect("the SVG is written");
    }
    (out, drawn)
}

/// The text of every `<text>` element, in drawing order.
pub fn texts(svg: &str) -> Vec<String> {
    svg.split("<text")
        .skip(1)
        .filter_map(|t| {
            t.split_once('>')
                .and_then(|(_, rest)| rest.split_once("</text>"))
        })
        .map(|(content, _)| content.trim().to_string())
        .collect()
}

/// Every `fill="#RRGGBB"` colour used, upper case.
pub fn fills(svg: &str) -> Vec<String> {
    svg.split("fill=\"#")
        .skip(1)
        .filter_map(|rest| rest.get(..6))
        .map(str::to_uppercase)
        .collect()
}
