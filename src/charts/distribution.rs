//! Chart 1: the national wage distribution as a percentile strip — the 10th–90th and 25th–75th
//! percentile bands, the median and the mean, each labelled with its published value — with the
//! current estimate marked above it.

use super::labels::{place_in_rows, LabelBox};
use super::palette::Palette;
use super::scale::{nice_domain, LinearScale};
use crate::figures::{Distribution, PERCENTILE_POINTS};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// Axis ticks every $10,000.
const TICK_STEP: f64 = 10_000.0;

/// One labelled value on the strip.
#[derive(Clone, Debug, PartialEq)]
pub struct Marker {
    pub name: String,
    pub value: f64,
    pub value_text: String,
}

/// What the chart shows, with every text already formatted (so drawing needs no locale).
#[derive(Clone, Debug, PartialEq)]
pub struct DistributionChart {
    /// The five published percentiles, lowest first.
    pub percentiles: [Marker; 5],
    pub mean: Marker,
    pub estimate: Option<Marker>,
    /// Axis domain in dollars and its tick values.
    pub domain: (f64, f64),
    pub ticks: Vec<(f64, String)>,
}

impl DistributionChart {
    /// Builds the model. `names` are the five percentile labels, `mean_name` and the estimate's
    /// name come from the message table; `money` and `compact` format dollars.
    pub fn new(
        distribution: &Distribution,
        names: [String; 5],
        mean_name: String,
        estimate: Option<(String, f64)>,
        money: &dyn Fn(f64) -> String,
        compact: &dyn Fn(f64) -> String,
    ) -> Self {
        let annual = &distribution.annual;
        let marker = |name: String, value: f64| Marker {
            value_text: money(value),
            name,
            value,
        };
        let mut values: Vec<f64> = annual.percentiles.to_vec();
        values.push(annual.mean);
        if let Some((_, v)) = &estimate {
            values.push(*v);
        }
        let (domain, ticks) = nice_domain(&values, TICK_STEP);
        let [n10, n25, n50, n75, n90] = names;
        let p = annual.percentiles;
        DistributionChart {
            percentiles: [
                marker(n10, p[0]),
                marker(n25, p[1]),
                marker(n50, p[2]),
                marker(n75, p[3]),
                marker(n90, p[4]),
            ],
            mean: marker(mean_name, annual.mean),
            estimate: estimate.map(|(name, v)| marker(name, v)),
            domain,
            ticks: ticks.into_iter().map(|t| (t, compact(t))).collect(),
        }
    }

    /// The published points as (percentile, dollars), for tables and summaries.
    pub fn points(&self) -> impl Iterator<Item = (f64, f64)> + '_ {
        PERCENTILE_POINTS
            .iter()
            .copied()
            .zip(self.percentiles.iter().map(|m| m.value))
    }
}

/// Sizes in CSS pixels; multiplied by the device pixel ratio when drawn.
const PAD_X: f64 = 14.0;
/// plotters draws text at about 0.8 of the size asked for; this gives 12.5 CSS px.
const FONT: f64 = 15.5;
const LINE: f64 = 15.0;
const ESTIMATE_LABEL_Y: f64 = 12.0;
const BOX_TOP: f64 = 40.0;
const BOX_BOTTOM: f64 = 72.0;
const LABELS_TOP: f64 = 84.0;
const ROW_HEIGHT: f64 = 2.0 * LINE + 6.0;
const AXIS_GAP: f64 = 12.0;

/// CSS height the chart needs for `rows` rows of value labels.
pub fn height_for_rows(rows: usize) -> f64 {
    LABELS_TOP + ROW_HEIGHT * rows as f64 + AXIS_GAP + LINE + 4.0
}

/// Draws the chart onto `area` at `scale` device pixels per CSS pixel. Returns the scale that
/// maps dollars to device pixels (for hit-testing) and the number of label rows used (so the
/// caller can size the canvas to fit them).
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &DistributionChart,
    palette: &Palette,
    scale: f64,
) -> Result<(LinearScale, usize), DrawingAreaErrorKind<DB::ErrorType>> {
    let (width, height) = area.dim_in_pixel();
    let (width, height) = (f64::from(width), f64::from(height));
    let s = |css: f64| css * scale;
    let x = LinearScale::new(chart.domain, (s(PAD_X), width - s(PAD_X)));
    let at = |px: f64, py: f64| (px.round() as i32, py.round() as i32);
    let font =
        |color: RGBColor, pos: Pos| ("sans-serif", s(FONT)).into_font().color(&color).pos(pos);
    let centre_top = Pos::new(HPos::Center, VPos::Top);

    // Published value labels first, to know how many rows they need.
    let mut markers: Vec<&Marker> = chart.percentiles.iter().collect();
    markers.push(&chart.mean);
    let boxes: Vec<LabelBox> = markers
        .iter()
        .map(|m| {
            let width = [&m.name, &m.value_text]
                .iter()
                .map(|t| area.estimate_text_size(t, &font(palette.ink, centre_top)))
                .filter_map(Result::ok)
                .map(|(w, _)| f64::from(w))
                .fold(0.0, f64::max);
            LabelBox {
                centre: x.px(m.value),
                width,
            }
        })
        .collect();
    let placed = place_in_rows(&boxes, (0.0, width), s(6.0));
    let rows = placed.iter().map(|(row, _)| row + 1).max().unwrap_or(1);

    // Axis: light gridlines with compact dollar ticks along the bottom.
    let axis_y = height - s(LINE) - s(4.0);
    for (tick, text) in &chart.ticks {
        let px = x.px(*tick);
        area.draw(&PathElement::new(
            [at(px, s(BOX_TOP) - s(6.0)), at(px, axis_y - s(4.0))],
            palette.grid.stroke_width(scale.max(1.0) as u32),
        ))?;
        // Keep the end ticks' labels inside the canvas rather than cut in half.
        let style = font(palette.muted, centre_top);
        let half = area
            .estimate_text_size(text, &style)
            .map_or(0.0, |(w, _)| f64::from(w) / 2.0);
        let centre = px.clamp(half + 1.0, (width - half - 1.0).max(half + 1.0));
        area.draw(&Text::new(text.clone(), at(centre, axis_y), style))?;
    }

    // Bands: 10th–90th, then 25th–75th on top.
    let p = |i: usize| x.px(chart.percentiles[i].value);
    let band_mid = (s(BOX_TOP) + s(BOX_BOTTOM)) / 2.0;
    area.draw(&Rectangle::new(
        [
            at(p(0), s(BOX_TOP) + s(8.0)),
            at(p(4), s(BOX_BOTTOM) - s(8.0)),
        ],
        palette.band_outer.filled(),
    ))?;
    area.draw(&Rectangle::new(
        [at(p(1), s(BOX_TOP)), at(p(3), s(BOX_BOTTOM))],
        palette.band_inner.filled(),
    ))?;
    area.draw(&PathElement::new(
        [
            at(p(2), s(BOX_TOP) - s(4.0)),
            at(p(2), s(BOX_BOTTOM) + s(4.0)),
        ],
        palette.median.stroke_width(s(3.0).round() as u32),
    ))?;
    let mean_px = x.px(chart.mean.value);
    let d = s(6.0);
    area.draw(&Polygon::new(
        vec![
            at(mean_px, band_mid - d),
            at(mean_px + d, band_mid),
            at(mean_px, band_mid + d),
            at(mean_px - d, band_mid),
        ],
        palette.ink.filled(),
    ))?;

    // Labels with leader lines from the strip down to their row.
    for (marker, (row, centre)) in markers.iter().zip(&placed) {
        let top = s(LABELS_TOP) + s(ROW_HEIGHT) * *row as f64;
        let px = x.px(marker.value);
        area.draw(&PathElement::new(
            [at(px, s(BOX_BOTTOM) + s(2.0)), at(px, top - s(3.0))],
            palette.muted.stroke_width(scale.max(1.0) as u32),
        ))?;
        area.draw(&Text::new(
            marker.name.clone(),
            at(*centre, top),
            font(palette.muted, centre_top),
        ))?;
        area.draw(&Text::new(
            marker.value_text.clone(),
            at(*centre, top + s(LINE)),
            font(palette.ink, centre_top),
        ))?;
    }

    // The estimate: a downward triangle above the strip, a line through it, and its label.
    if let Some(estimate) = &chart.estimate {
        let px = x.px(estimate.value);
        let t = s(7.0);
        let tip = s(BOX_TOP) - s(3.0);
        area.draw(&Polygon::new(
            vec![
                at(px - t, tip - t * 1.4),
                at(px + t, tip - t * 1.4),
                at(px, tip),
            ],
            palette.estimate.filled(),
        ))?;
        area.draw(&PathElement::new(
            [at(px, tip), at(px, s(BOX_BOTTOM))],
            palette.estimate.stroke_width(s(2.0).round() as u32),
        ))?;
        let text = format!("{} {}", estimate.name, estimate.value_text);
        let label_font = font(palette.estimate, Pos::new(HPos::Center, VPos::Center));
        let w = area
            .estimate_text_size(&text, &label_font)
            .map_or(0.0, |(w, _)| f64::from(w));
        let centre = px.clamp(w / 2.0 + 1.0, (width - w / 2.0 - 1.0).max(w / 2.0 + 1.0));
        area.draw(&Text::new(
            text,
            at(centre, s(ESTIMATE_LABEL_Y)),
            label_font,
        ))?;
    }
    Ok((x, rows))
}

// Native only: the SVG backend is a native dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::figures::FIGURES;
    use crate::format::{EnUs, NumberFormat};

    fn model(estimate: Option<f64>) -> DistributionChart {
        let d = FIGURES.national(2014).expect("May 2014");
        let names = ["10th", "25th", "Median", "75th", "90th"].map(String::from);
        DistributionChart::new(
            d,
            names,
            "Mean".into(),
            estimate.map(|v| ("Your estimate".to_string(), v)),
            &|v| EnUs.money(v),
            &|v| format!("${}K", v / 1000.0),
        )
    }

    fn svg(chart: &DistributionChart, width: u32) -> (String, usize) {
        let mut out = String::new();
        let rows;
        {
            let area = SVGBackend::with_string(&mut out, (width, 240)).into_drawing_area();
            rows = draw(&area, chart, &Palette::default(), 1.0)
                .expect("draws")
                .1;
        }
        (out, rows)
    }

    /// The text of every `<text>` element, in drawing order.
    fn texts(svg: &str) -> Vec<String> {
        svg.split("<text")
            .skip(1)
            .filter_map(|t| {
                t.split_once('>')
                    .and_then(|(_, rest)| rest.split_once("</text>"))
            })
            .map(|(content, _)| content.trim().to_string())
            .collect()
    }

    #[test]
    fn model_holds_the_published_may_2014_figures() {
        let m = model(Some(35_900.0));
        let values: Vec<f64> = m.points().map(|(_, v)| v).collect();
        assert_eq!(values, [23_340.0, 28_250.0, 35_900.0, 46_640.0, 59_160.0]);
        assert_eq!(m.mean.value_text, "$38,860");
        assert_eq!(m.domain, (20_000.0, 60_000.0));
    }

    #[test]
    fn an_estimate_outside_the_published_range_widens_the_axis() {
        assert_eq!(model(Some(75_100.0)).domain, (20_000.0, 80_000.0));
    }

    #[test]
    fn svg_shows_every_label_and_the_estimate() {
        let (out, _) = svg(&model(Some(35_900.0)), 640);
        let texts = texts(&out);
        for text in [
            "10th", "$23,340", "Median", "$35,900", "Mean", "$38,860", "90th", "$59,160",
        ] {
            assert!(
                texts.iter().any(|t| t == text),
                "{text} missing from {texts:?}"
            );
        }
        assert!(
            texts.iter().any(|t| t == "Your estimate $35,900"),
            "{texts:?}"
        );
        assert!(texts.iter().any(|t| t == "$60K"), "{texts:?}");
        assert!(
            out.contains("#B43C00") || out.contains("#b43c00"),
            "estimate colour"
        );
    }

    #[test]
    fn without_an_estimate_no_marker_is_drawn() {
        let (out, _) = svg(&model(None), 640);
        assert!(!out.contains("Your estimate"));
        assert!(!out.to_lowercase().contains("#b43c00"));
    }

    #[test]
    fn the_marker_moves_with_the_estimate() {
        let (low, _) = svg(&model(Some(25_000.0)), 640);
        let (high, _) = svg(&model(Some(55_000.0)), 640);
        let marker = |svg: &str| {
            svg.lines()
                .find(|l| l.contains("polygon") && l.to_lowercase().contains("#b43c00"))
                .map(str::to_string)
        };
        assert!(marker(&low).is_some());
        assert_ne!(marker(&low), marker(&high));
    }

    #[test]
    fn narrow_charts_stack_labels_in_more_rows() {
        let (_, wide) = svg(&model(None), 900);
        let (_, narrow) = svg(&model(None), 300);
        assert_eq!(wide, 1);
        assert!(narrow > wide, "{narrow}");
    }
}
