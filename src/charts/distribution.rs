//! The wage distribution of the reader's place as a percentile strip — the 10th–90th and
//! 25th–75th percentile bands, the median and the mean, each labelled with its published value —
//! with the nation's median as a reference and the current estimate marked above it.

use super::labels::{place_in_rows, LabelBox};
use super::palette::Palette;
use super::scale::{nice_domain, LinearScale};
use super::text::plotters_width;
use super::{Chart, DataTable, Drawn, Mark};
use crate::figures::{Distribution, PERCENTILE_POINTS};
use crate::format::NumberFormat;
use crate::messages::{Lang, Msg};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// Axis ticks every $10,000.
const TICK_STEP: f64 = 10_000.0;

/// One labelled value on the strip.
#[derive(Clone, Debug, PartialEq)]
pub struct Marker {
    /// Short label drawn on the chart: `25th`, `Median`.
    pub name: String,
    /// Full name for tooltips and tables: `25th percentile`.
    pub long_name: String,
    pub value: f64,
    pub value_text: String,
    pub hourly_text: String,
}

/// What the chart shows, with every text already formatted (so drawing needs no locale).
#[derive(Clone, Debug, PartialEq)]
pub struct DistributionChart {
    /// The five published percentiles, lowest first.
    pub percentiles: [Marker; 5],
    pub mean: Marker,
    /// The nation's median, when the distribution is a state's or a metro area's.
    pub reference: Option<Marker>,
    /// `BLS OEWS, May 2025, SOC 29-2072` for the reference.
    pub reference_source: String,
    pub estimate: Option<Marker>,
    /// Axis domain in dollars and its tick values.
    pub domain: (f64, f64),
    pub ticks: Vec<(f64, String)>,
    /// `BLS OES national estimates, May 2014, SOC 29-2071`.
    pub source: String,
    /// Where the estimate comes from (a model, not a publication).
    pub estimate_source: String,
    pub summary: String,
    pub columns: [String; 3],
}

impl DistributionChart {
    /// The chart of `distribution`'s annual pay with `estimate` (annual dollars) marked and, for
    /// a place other than the nation, `national`'s median as a reference.
    pub fn new(
        distribution: &Distribution,
        national: Option<&Distribution>,
        estimate: Option<f64>,
        lang: Lang,
        fmt: &dyn NumberFormat,
    ) -> Self {
        let (annual, hourly) = (&distribution.annual, &distribution.hourly);
        let marker = |name: String, long_name: String, value: f64, per_hour: f64| Marker {
            value_text: fmt.money(value),
            hourly_text: fmt.money_cents(per_hour),
            name,
            long_name,
            value,
        };
        let percentile = |i: usize| {
            let p = PERCENTILE_POINTS[i];
            let (name, long_name) = if p == 50.0 {
                let median = lang.text(Msg::ChartMedian).to_string();
                (median.clone(), median)
            } else {
                let ordinal = lang.ordinal(p);
                let long = lang.fill(Msg::PercentileName, &[&ordinal]);
                (ordinal, long)
            };
            marker(
                name,
                long_name,
                annual.percentiles[i],
                hourly.percentiles[i],
            )
        };
        let mean_name = lang.text(Msg::ChartMean).to_string();
        let estimate_name = lang.text(Msg::ChartEstimate).to_string();
        let reference = national.map(|n| {
            let name = lang.text(Msg::ChartNationalMedian).to_string();
            marker(name.clone(), name, n.annual.median(), n.hourly.median())
        });
        let mut values: Vec<f64> = annual.percentiles.to_vec();
        values.push(annual.mean);
        values.extend(estimate);
        values.extend(reference.as_ref().map(|r| r.value));
        let (domain, ticks) = nice_domain(&values, TICK_STEP);
        let p = annual.percentiles;
        let money = |v: f64| fmt.money(v);
        let mut summary = lang.fill(
            Msg::ChartDistributionSummary,
            &[
                distribution.area,
                distribution.period,
                &money(p[2]),
                &money(p[1]),
                &money(p[3]),
                &money(p[0]),
                &money(p[4]),
                &money(annual.mean),
                &estimate.map(money).unwrap_or_default(),
            ],
        );
        if let Some(r) = &reference {
            summary.push(' ');
            summary.push_str(&lang.fill(Msg::ChartDistributionReference, &[&r.value_text]));
        }
        let source_of = |d: &Distribution| {
            lang.fill(
                Msg::MarkSource,
                &[d.source.short_name, d.period, d.soc_code],
            )
        };
        DistributionChart {
            percentiles: [0, 1, 2, 3, 4].map(percentile),
            mean: marker(mean_name.clone(), mean_name, annual.mean, hourly.mean),
            estimate: estimate.map(|v| {
                marker(
                    estimate_name.clone(),
                    estimate_name.clone(),
                    v,
                    v / crate::estimator::HOURS_PER_YEAR,
                )
            }),
            domain,
            ticks: ticks
                .into_iter()
                .map(|t| (t, fmt.money_compact(t)))
                .collect(),
            source: source_of(distribution),
            reference_source: national.map(source_of).unwrap_or_default(),
            reference,
            estimate_source: lang.text(Msg::EstimateSource).to_string(),
            summary,
            columns: [Msg::TableMeasure, Msg::TableAnnual, Msg::TableHourly]
                .map(|m| lang.text(m).to_string()),
        }
    }

    /// The published points as (percentile, dollars), for tables and summaries.
    pub fn points(&self) -> impl Iterator<Item = (f64, f64)> + '_ {
        PERCENTILE_POINTS
            .iter()
            .copied()
            .zip(self.percentiles.iter().map(|m| m.value))
    }

    /// Published values in table order: the percentiles, the mean, then the national median.
    fn published(&self) -> impl Iterator<Item = &Marker> {
        self.percentiles
            .iter()
            .chain(std::iter::once(&self.mean))
            .chain(self.reference.iter())
    }
}

impl Chart for DistributionChart {
    fn scene(&self, width: f64) -> super::scene::Scene {
        super::scene::Scene::new(width)
    }

    fn draw<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        palette: &Palette,
        scale: f64,
    ) -> Result<Drawn, DrawingAreaErrorKind<DB::ErrorType>> {
        draw(area, self, palette, scale)
    }

    fn summary(&self) -> String {
        self.summary.clone()
    }

    fn table(&self) -> DataTable {
        DataTable {
            columns: self.columns.to_vec(),
            rows: self
                .published()
                .chain(self.estimate.iter())
                .map(|m| {
                    vec![
                        m.long_name.clone(),
                        m.value_text.clone(),
                        m.hourly_text.clone(),
                    ]
                })
                .collect(),
            highlighted: self
                .estimate
                .as_ref()
                .map(|_| 6 + usize::from(self.reference.is_some())),
        }
    }
}

/// Sizes in CSS pixels; multiplied by the device pixel ratio when drawn.
const PAD_X: f64 = 14.0;
/// Label text size (the canvas draws exactly this; SVG previews draw 1/1.24 of it).
const FONT: f64 = 13.0;
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

/// Draws the chart onto `area` at `scale` device pixels per CSS pixel: the height it needs for
/// its label rows, and a mark per published value and for the estimate.
fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &DistributionChart,
    palette: &Palette,
    scale: f64,
) -> Result<Drawn, DrawingAreaErrorKind<DB::ErrorType>> {
    let (width, height) = area.dim_in_pixel();
    let (width, height) = (f64::from(width), f64::from(height));
    let s = |css: f64| css * scale;
    let x = LinearScale::new(chart.domain, (s(PAD_X), width - s(PAD_X)));
    let at = |px: f64, py: f64| (px.round() as i32, py.round() as i32);
    let font = |color: RGBColor, pos: Pos| {
        (FontFamily::SansSerif, s(FONT))
            .into_font()
            .color(&color)
            .pos(pos)
    };
    let centre_top = Pos::new(HPos::Center, VPos::Top);

    // Published value labels first, to know how many rows they need.
    let markers: Vec<&Marker> = chart.published().collect();
    let boxes: Vec<LabelBox> = markers
        .iter()
        .map(|m| {
            let width =
                plotters_width(&m.name, s(FONT)).max(plotters_width(&m.value_text, s(FONT)));
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
        let half = plotters_width(text, s(FONT)) / 2.0;
        let centre = px.clamp(half + 1.0, (width - half - 1.0).max(half + 1.0));
        area.draw(&Text::new(text.clone(), at(centre, axis_y), style))?;
    }

    // Bands: 10th–90th, then 25th–75th on top.
    let p = |i: usize| x.px(chart.percentiles[i].value);
    let band_mid = (s(BOX_TOP) + s(BOX_BOTTOM)) / 2.0;
    let outer = [
        at(p(0), s(BOX_TOP) + s(8.0)),
        at(p(4), s(BOX_BOTTOM) - s(8.0)),
    ];
    area.draw(&Rectangle::new(outer, palette.band_outer.filled()))?;
    // The light band alone is too faint to read (1.3:1); its outline carries the extent (3.3:1).
    area.draw(&Rectangle::new(
        outer,
        palette.band_inner.stroke_width(scale.max(1.0) as u32),
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

    // The nation's median: a thin dashed line across the strip, so it reads as a reference, not
    // one of this place's published values.
    if let Some(reference) = &chart.reference {
        let px = x.px(reference.value);
        let dash = s(4.0);
        let mut y0 = s(BOX_TOP) - s(6.0);
        while y0 < s(BOX_BOTTOM) + s(6.0) {
            area.draw(&PathElement::new(
                [at(px, y0), at(px, (y0 + dash).min(s(BOX_BOTTOM) + s(6.0)))],
                palette.ink.stroke_width(s(1.5).round().max(1.0) as u32),
            ))?;
            y0 += dash * 2.0;
        }
    }

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
        let w = plotters_width(&text, s(FONT));
        let centre = px.clamp(w / 2.0 + 1.0, (width - w / 2.0 - 1.0).max(w / 2.0 + 1.0));
        area.draw(&Text::new(
            text,
            at(centre, s(ESTIMATE_LABEL_Y)),
            label_font,
        ))?;
    }
    // Marks cover each value's tick on the strip down to its label, in CSS pixels.
    let css = |device: f64| device / scale;
    let mut marks: Vec<Mark> = markers
        .iter()
        .zip(placed.iter().zip(&boxes))
        .map(|(m, ((row, centre), label_box))| {
            let px = css(x.px(m.value));
            let half_label = css(label_box.width) / 2.0;
            let label_centre = css(*centre);
            Mark {
                x0: (px - 7.0).min(label_centre - half_label),
                x1: (px + 7.0).max(label_centre + half_label),
                y0: BOX_TOP - 6.0,
                y1: LABELS_TOP + ROW_HEIGHT * *row as f64 + 2.0 * LINE,
                label: m.long_name.clone(),
                value: m.value_text.clone(),
                source: if chart
                    .reference
                    .as_ref()
                    .is_some_and(|r| std::ptr::eq(r, *m))
                {
                    chart.reference_source.clone()
                } else {
                    chart.source.clone()
                },
                select: None,
            }
        })
        .collect();
    if let Some(estimate) = &chart.estimate {
        let px = css(x.px(estimate.value));
        marks.push(Mark {
            x0: px - 9.0,
            x1: px + 9.0,
            y0: 0.0,
            y1: BOX_BOTTOM,
            label: estimate.long_name.clone(),
            value: estimate.value_text.clone(),
            source: chart.estimate_source.clone(),
            select: None,
        });
    }
    Ok(Drawn {
        height: height_for_rows(rows),
        marks,
    })
}

// Native only: the SVG backend is a native dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::charts::mark_at;
    use crate::charts::test_support::{fills, render_svg, texts};
    use crate::figures::FIGURES;
    use crate::format::EnUs;

    const ESTIMATE_COLOUR: &str = "B43C00";

    fn model(estimate: Option<f64>) -> DistributionChart {
        let d = FIGURES.national(2014).expect("May 2014");
        DistributionChart::new(d, None, estimate, Lang::En, &EnUs)
    }

    #[test]
    fn model_holds_the_published_may_2014_figures() {
        let m = model(Some(35_900.0));
        let values: Vec<f64> = m.points().map(|(_, v)| v).collect();
        assert_eq!(values, [23_340.0, 28_250.0, 35_900.0, 46_640.0, 59_160.0]);
        assert_eq!(m.mean.value_text, "$38,860");
        assert_eq!(m.domain, (20_000.0, 60_000.0));
        assert_eq!(
            m.source,
            "BLS OES national estimates, May 2014, SOC 29-2071"
        );
        assert!(m
            .summary()
            .contains("half of these workers earned less than $35,900"));
    }

    #[test]
    fn an_estimate_outside_the_published_range_widens_the_axis() {
        assert_eq!(model(Some(75_100.0)).domain, (20_000.0, 80_000.0));
    }

    #[test]
    fn svg_shows_every_label_and_the_estimate() {
        let (out, _) = render_svg(&model(Some(35_900.0)), 640, 240);
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
        assert!(fills(&out).iter().any(|f| f == ESTIMATE_COLOUR));
    }

    #[test]
    fn without_an_estimate_no_marker_is_drawn() {
        let (out, drawn) = render_svg(&model(None), 640, 240);
        assert!(!out.contains("Your estimate"));
        assert!(!fills(&out).iter().any(|f| f == ESTIMATE_COLOUR));
        assert_eq!(drawn.marks.len(), 6);
    }

    #[test]
    fn the_marker_moves_with_the_estimate() {
        let (low, _) = render_svg(&model(Some(25_000.0)), 640, 240);
        let (high, _) = render_svg(&model(Some(55_000.0)), 640, 240);
        let marker = |svg: &str| {
            svg.lines()
                .find(|l| l.contains("polygon") && l.to_uppercase().contains(ESTIMATE_COLOUR))
                .map(str::to_string)
        };
        assert!(marker(&low).is_some());
        assert_ne!(marker(&low), marker(&high));
    }

    #[test]
    fn narrow_charts_stack_labels_in_more_rows() {
        let (_, wide) = render_svg(&model(None), 900, 240);
        let (_, narrow) = render_svg(&model(None), 300, 240);
        assert_eq!(wide.height, height_for_rows(1));
        assert!(narrow.height > wide.height, "{}", narrow.height);
    }

    #[test]
    fn every_value_is_a_mark_with_its_source() {
        let (_, drawn) = render_svg(&model(Some(55_200.0)), 640, 240);
        let labels: Vec<&str> = drawn.marks.iter().map(|m| m.label.as_str()).collect();
        assert_eq!(
            labels,
            [
                "10th percentile",
                "25th percentile",
                "Median",
                "75th percentile",
                "90th percentile",
                "Mean",
                "Your estimate"
            ]
        );
        let median = &drawn.marks[2];
        assert_eq!(median.value, "$35,900");
        assert!(median.source.contains("May 2014") && median.source.contains("29-2071"));
        let centre = (median.x0 + median.x1) / 2.0;
        assert_eq!(mark_at(&drawn.marks, centre, BOX_TOP + 10.0, 4.0), Some(2));
        assert!(drawn.marks[6].source.contains("estimate"));
    }

    #[test]
    fn the_table_has_the_published_values_and_the_estimate() {
        let table = model(Some(55_200.0)).table();
        assert_eq!(table.columns, ["Measure", "Annual pay", "Hourly pay"]);
        assert_eq!(table.rows[2], ["Median", "$35,900", "$17.26"]);
        assert_eq!(table.rows[5], ["Mean", "$38,860", "$18.68"]);
        assert_eq!(table.rows[6][1], "$55,200");
        assert_eq!(table.highlighted, Some(6));
    }
}
