//! Shared axes for the line charts (pay over time, the experience curve): the plot rectangle,
//! dollar ticks, horizontal gridlines with their labels, and x tick labels thinned to fit.

use super::scale::{nice_domain, LinearScale};
use super::scene::{Align, Baseline, Font, Role, Scene, Stroke};
use super::text;
use crate::format::NumberFormat;

/// Chart text size in CSS px: the canvas draws exactly this size (plotters' SVG backend draws
/// 1/1.24 of it).
pub const FONT: f64 = 13.0;
/// Height of one line of text, in CSS px.
pub const LINE: f64 = 15.0;
/// Gap between a y tick label and the plot, and below the plot before the x labels, in CSS px.
pub const LABEL_GAP: f64 = 6.0;
/// Least gap between neighbouring x tick labels, in CSS px.
const X_LABEL_GAP: f64 = 10.0;
/// Dollar tick steps to try, smallest first: whole thousands, so compact labels (`$30K`) are exact.
const DOLLAR_STEPS: [f64; 9] = [
    1_000.0, 2_000.0, 5_000.0, 10_000.0, 20_000.0, 50_000.0, 100_000.0, 200_000.0, 500_000.0,
];

/// The kit's chart text: [`FONT`] in ink, anchored at its top-left corner; charts vary it.
pub const TEXT: Font = Font::new(FONT, Role::Ink, Align::Left, Baseline::Top);

/// Labels for `ticks` along a horizontal axis, their tops at `y`, each centred on its value but
/// kept whole inside the canvas (`margin` from each edge), every n-th only when neighbours
/// would touch.
pub fn value_labels(
    scene: &mut Scene,
    x: &LinearScale,
    ticks: &[(f64, String)],
    y: f64,
    margin: f64,
) {
    let font = TEXT.role(Role::Muted).align(Align::Centre);
    let label_width = ticks
        .iter()
        .map(|(_, t)| text::width(t, &font))
        .fold(0.0, f64::max);
    let spacing = match ticks {
        [a, b, ..] => (x.px(b.0) - x.px(a.0)).abs(),
        _ => f64::INFINITY,
    };
    let every = ((label_width + TICK_LABEL_GAP) / spacing).ceil().max(1.0) as usize;
    for (value, label) in ticks.iter().step_by(every) {
        let centre =
            text::keep_inside(x.px(*value), text::width(label, &font), scene.width, margin);
        scene.text((centre, y), label.clone(), font);
    }
}

/// Horizontal gridlines across the plot at each tick, labelled at the left (right-aligned against
/// the plot). Laid first, so data sits on top of them. All in CSS px.
pub fn y_axis(scene: &mut Scene, plot: &Plot, y: &LinearScale, ticks: &[(f64, String)]) {
    let font = TEXT
        .role(Role::Muted)
        .align(Align::Right)
        .baseline(Baseline::Middle);
    for (value, label) in ticks {
        let py = y.px(*value);
        scene.segment(
            (plot.left, py),
            (plot.right, py),
            Stroke::solid(Role::Grid, 1.0),
        );
        scene.text((plot.left - LABEL_GAP, py), label.clone(), font);
    }
}

/// A short tick below the plot and a label under it for each of `ticks` (already thinned to fit,
/// see [`every_nth`]), labels near the canvas edges kept whole. All in CSS px.
pub fn x_axis(scene: &mut Scene, plot: &Plot, x: &LinearScale, ticks: &[(f64, String)]) {
    let font = TEXT.role(Role::Muted).align(Align::Centre);
    let tick_end = plot.bottom + 4.0;
    for (value, label) in ticks {
        let px = x.px(*value);
        scene.segment(
            (px, plot.bottom),
            (px, tick_end),
            Stroke::solid(Role::Muted, 1.0),
        );
        let centre = text::keep_inside(px, text::width(label, &font), scene.width, 1.0);
        scene.text((centre, tick_end + 2.0), label.clone(), font);
    }
}

/// Width of the widest tick label in CSS px, to size the margin beside the plot.
pub fn widest_label(ticks: &[(f64, String)]) -> f64 {
    ticks
        .iter()
        .map(|(_, t)| text::width(t, &TEXT))
        .fold(0.0, f64::max)
}

/// A background-coloured box behind a text's box (`left`, `top`, `width`, `height` in CSS px),
/// so gridlines and hatching do not run through it.
pub fn text_halo(scene: &mut Scene, (left, top): (f64, f64), (width, height): (f64, f64)) {
    scene.rect((left, top), (left + width, top + height), Role::Background);
}

/// Least gap between neighbouring value labels, in CSS px.
const TICK_LABEL_GAP: f64 = 8.0;

/// The plot rectangle in device pixels: where data is drawn, inside the axis labels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Plot {
    pub left: f64,
    pub top: f64,
    pub right: f64,
    pub bottom: f64,
}

impl Plot {
    /// A horizontal scale from `domain` onto the plot's width.
    pub fn x(&self, domain: (f64, f64)) -> LinearScale {
        LinearScale::new(domain, (self.left, self.right))
    }

    /// A vertical scale from `domain` onto the plot's height, larger values higher up.
    pub fn y(&self, domain: (f64, f64)) -> LinearScale {
        LinearScale::new(domain, (self.bottom, self.top))
    }
}

/// A value axis: its domain and the ticks inside it, each with its label.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Ticks {
    pub domain: (f64, f64),
    pub ticks: Vec<(f64, String)>,
}

/// A dollar axis holding every value, on round steps, with at most `max_ticks` ticks (more would
/// crowd a chart a couple of hundred pixels tall). Labels are compact: `$30K`.
pub fn dollar_ticks(values: &[f64], max_ticks: usize, fmt: &dyn NumberFormat) -> Ticks {
    let mut chosen = nice_domain(values, DOLLAR_STEPS[0]);
    for step in DOLLAR_STEPS {
        chosen = nice_domain(values, step);
        if chosen.1.len() <= max_ticks.max(2) {
            break;
        }
    }
    let (domain, ticks) = chosen;
    Ticks {
        domain,
        ticks: ticks
            .into_iter()
            .map(|t| (t, fmt.money_compact(t)))
            .collect(),
    }
}

/// How many ticks apart to label so that labels of `label_width` device px, `spacing` device px
/// apart from one tick to the next, do not touch: the first of `steps` that fits, else the last.
pub fn every_nth(spacing: f64, label_width: f64, scale: f64, steps: &[usize]) -> usize {
    let needed = label_width + X_LABEL_GAP * scale;
    steps
        .iter()
        .copied()
        .find(|n| spacing * *n as f64 >= needed)
        .or_else(|| steps.last().copied())
        .unwrap_or(1)
        .max(1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::EnUs;

    #[test]
    fn dollar_ticks_are_round_and_few() {
        let t = dollar_ticks(&[16_460.0, 66_260.0], 7, &EnUs);
        assert_eq!(t.domain, (10_000.0, 70_000.0));
        assert_eq!(t.ticks.len(), 7);
        assert_eq!(t.ticks[0].1, "$10K");
        let wide = dollar_ticks(&[23_300.0, 180_000.0], 6, &EnUs);
        assert!(wide.ticks.len() <= 6, "{wide:?}");
        assert_eq!(wide.domain, (0.0, 200_000.0));
    }

    #[test]
    fn plot_scales_put_larger_values_higher() {
        let plot = Plot {
            left: 40.0,
            top: 10.0,
            right: 340.0,
            bottom: 210.0,
        };
        let y = plot.y((0.0, 100.0));
        assert_eq!(y.px(0.0), 210.0);
        assert_eq!(y.px(100.0), 10.0);
        assert_eq!(plot.x((2002.0, 2018.0)).px(2018.0), 340.0);
    }

    #[test]
    fn x_labels_are_thinned_until_they_fit() {
        assert_eq!(every_nth(31.0, 28.0, 1.0, &[1, 2, 4, 8]), 2);
        assert_eq!(every_nth(16.0, 28.0, 1.0, &[1, 2, 4, 8]), 4);
        assert_eq!(every_nth(60.0, 28.0, 1.0, &[1, 2, 4, 8]), 1);
        assert_eq!(every_nth(1.0, 28.0, 1.0, &[1, 2, 4, 8]), 8);
    }
}
