//! The wage distribution of the reader's place as a percentile strip — the 10th–90th and
//! 25th–75th percentile bands, the median and the mean, each labelled with its published value —
//! with the nation's median as a reference and the current estimate marked above it.

use super::axes::{dollar_ticks, value_labels, Ticks, TEXT};
use super::labels::{place_in_rows, LabelBox};
use super::registry::{Built, Depends, Spec, BAND_KEYS};
use super::scale::LinearScale;
use super::scene::{Align, Baseline, Role, Scene, Stroke};
use super::strip::{percentile_strip, EMPHASISED};
use super::text::{self, keep_inside};
use super::ChartRef;
use super::{Chart, DataTable, Mark, Words};
use crate::explanation::{period_in, place_name};
use crate::figures::{Distribution, PERCENTILE_POINTS};
use crate::format::NumberFormat;
use crate::messages::{Lang, Msg};
use crate::options::Section;
use career_pack::AreaKind;

/// The dollar axis has at most this many ticks (eight: round $10K steps for most careers on a phone-wide strip).
const MAX_TICKS: usize = 8;

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
    /// Drawn above the estimate's marker: `Your estimate $51,100`.
    pub estimate_label: String,
    pub words: Words,
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
        let (annual, hourly) = (&distribution.annual, distribution.hourly.as_ref());
        let not_published = lang.text(Msg::NotPublished);
        let marker = |name: String, long_name: String, value: f64, per_hour: Option<f64>| Marker {
            value_text: fmt.money(value),
            hourly_text: per_hour.map_or_else(|| not_published.to_string(), |h| fmt.money_cents(h)),
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
                (lang.fill(Msg::PercentileShort, &[&ordinal]), long)
            };
            marker(
                name,
                long_name,
                annual.percentiles[i],
                hourly.map(|h| h.percentiles[i]),
            )
        };
        let mean_name = lang.text(Msg::ChartMean).to_string();
        let estimate_name = lang.text(Msg::ChartEstimate).to_string();
        let reference = national.map(|n| {
            let name = lang.text(Msg::ChartNationalMedian).to_string();
            marker(
                name.clone(),
                name,
                n.annual.median(),
                n.hourly.map(|h| h.median()),
            )
        });
        let mut values: Vec<f64> = annual.percentiles.to_vec();
        values.push(annual.mean);
        values.extend(estimate);
        values.extend(reference.as_ref().map(|r| r.value));
        let Ticks { domain, ticks } = dollar_ticks(&values, MAX_TICKS, fmt);
        let p = annual.percentiles;
        let money = |v: f64| fmt.money(v);
        let mut summary = lang.fill(
            Msg::ChartDistributionSummary,
            &[
                distribution.area,
                &period_in(distribution.period, lang),
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
            let reference = lang.fill(Msg::ChartDistributionReference, &[&r.value_text]);
            summary = lang.fill(Msg::Sentences, &[&summary, &reference]);
        }
        let source_of = |d: &Distribution| super::distribution_source(d, lang);
        let mut chart = DistributionChart {
            percentiles: [0, 1, 2, 3, 4].map(percentile),
            mean: marker(
                mean_name.clone(),
                mean_name,
                annual.mean,
                hourly.map(|h| h.mean),
            ),
            estimate: estimate.map(|v| {
                marker(
                    estimate_name.clone(),
                    estimate_name.clone(),
                    v,
                    // An hourly estimate only where BLS publishes hourly pay for the career.
                    hourly.map(|_| v / crate::estimator::HOURS_PER_YEAR),
                )
            }),
            domain,
            ticks,
            source: source_of(distribution),
            reference_source: national.map(source_of).unwrap_or_default(),
            reference,
            estimate_source: lang.text(Msg::EstimateSource).to_string(),
            estimate_label: estimate
                .map(|v| lang.fill(Msg::LabelValue, &[&estimate_name, &fmt.money(v)]))
                .unwrap_or_default(),
            words: Words::default(),
        };
        let columns = [Msg::TableMeasure, Msg::TableAnnual, Msg::TableHourly]
            .map(|m| lang.text(m).to_string());
        chart.words = Words {
            summary,
            table: chart.data_table(columns.to_vec()),
        };
        chart
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
    fn scene(&self, width: f64) -> Scene {
        layout(self, width)
    }

    fn words(&self) -> &Words {
        &self.words
    }
}

impl DistributionChart {
    /// The data table, once the model is built.
    fn data_table(&self, columns: Vec<String>) -> DataTable {
        DataTable {
            columns,
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

/// The registry entry: the distribution of the place the estimate is based on, with the nation's
/// median for reference and the estimate marked.
pub const SPEC: Spec = Spec {
    section: Section::Distribution,
    selectable: false,
    when_empty: None,
    depends: |cx| Depends::Estimate(Some(cx.base_place().code), cx.estimate.map(f64::to_bits)),
    build: |cx| {
        let place = cx.base_place();
        let d = cx.career.distribution(place)?;
        let national = (place.kind != AreaKind::National)
            .then(|| cx.career.distribution(cx.career.nation()?))
            .flatten();
        let mut keys = vec![BAND_KEYS[0], BAND_KEYS[1], ("cpw-key-mean", Msg::ChartMean)];
        if national.is_some() {
            keys.push(("cpw-key-reference", Msg::ChartNationalMedian));
        }
        keys.push(("cpw-key-estimate", Msg::ChartEstimate));
        let chart = DistributionChart::new(&d, national.as_ref(), cx.estimate, cx.lang, cx.fmt);
        Some(Built {
            chart: ChartRef::new(chart),
            title: cx.lang.fill(
                Msg::ChartDistributionTitle,
                &[&place_name(place, cx.lang), &period_in(d.period, cx.lang)],
            ),
            source: cx.bls_source(&d, d.soc_code, Some(&place.title)),
            keys,
        })
    },
};

/// Sizes in CSS pixels.
const PAD_X: f64 = 14.0;
const LINE: f64 = 15.0;
const ESTIMATE_LABEL_Y: f64 = 12.0;
const BOX_TOP: f64 = 40.0;
const BOX_BOTTOM: f64 = 72.0;
const LABELS_TOP: f64 = 84.0;
const ROW_HEIGHT: f64 = 2.0 * LINE + 6.0;
const AXIS_GAP: f64 = 12.0;
/// Least gap between two value labels in one row.
const LABEL_GAP: f64 = 6.0;

/// CSS height the chart needs for `rows` rows of value labels.
pub fn height_for_rows(rows: usize) -> f64 {
    LABELS_TOP + ROW_HEIGHT * rows as f64 + AXIS_GAP + LINE + 4.0
}

/// Lays the chart out `width` CSS pixels wide: the strip, the national median's dashed line, the
/// value labels in as many rows as they need, the estimate above; a mark per value.
fn layout(chart: &DistributionChart, width: f64) -> Scene {
    let mut scene = Scene::new(width);
    let x = LinearScale::new(chart.domain, (PAD_X, width - PAD_X));
    let label_font = TEXT.role(Role::Muted).align(Align::Centre);

    // Published value labels first, to know how many rows they need.
    let markers: Vec<&Marker> = chart.published().collect();
    let boxes: Vec<LabelBox> = markers
        .iter()
        .map(|m| LabelBox {
            centre: x.px(m.value),
            width: text::width(&m.name, &label_font).max(text::width(&m.value_text, &label_font)),
        })
        .collect();
    let placed = place_in_rows(&boxes, (0.0, width), LABEL_GAP);
    let rows = placed.iter().map(|(row, _)| row + 1).max().unwrap_or(1);
    scene.height = height_for_rows(rows);

    // Axis: light gridlines with compact dollar ticks along the bottom.
    let axis_y = LABELS_TOP + ROW_HEIGHT * rows as f64 + AXIS_GAP;
    for (tick, _) in &chart.ticks {
        let px = x.px(*tick);
        scene.segment(
            (px, BOX_TOP - 6.0),
            (px, axis_y - 4.0),
            Stroke::solid(Role::Grid, 1.0),
        );
    }
    value_labels(&mut scene, &x, &chart.ticks, axis_y, 1.0);

    let values = chart.percentiles.each_ref().map(|m| m.value);
    percentile_strip(
        &mut scene,
        &x,
        values,
        chart.mean.value,
        (BOX_TOP, BOX_BOTTOM),
        EMPHASISED,
    );

    // The nation's median: a thin dashed line across the strip, so it reads as a reference, not
    // one of this place's published values.
    if let Some(reference) = &chart.reference {
        let px = x.px(reference.value);
        scene.segment(
            (px, BOX_TOP - 6.0),
            (px, BOX_BOTTOM + 6.0),
            Stroke::dashed(Role::Ink, 1.5, 4.0, 4.0),
        );
    }

    // Labels with leader lines from the strip down to their row.
    for (marker, (row, centre)) in markers.iter().zip(&placed) {
        let top = LABELS_TOP + ROW_HEIGHT * *row as f64;
        let px = x.px(marker.value);
        scene.segment(
            (px, BOX_BOTTOM + 2.0),
            (px, top - 3.0),
            Stroke::solid(Role::Muted, 1.0),
        );
        scene.text((*centre, top), marker.name.clone(), label_font);
        scene.text(
            (*centre, top + LINE),
            marker.value_text.clone(),
            label_font.role(Role::Ink),
        );
    }

    // The estimate: a downward triangle above the strip, a line through it, and its label.
    if let Some(estimate) = &chart.estimate {
        let px = x.px(estimate.value);
        let (t, tip) = (7.0, BOX_TOP - 3.0);
        scene.area(
            vec![(px - t, tip - t * 1.4), (px + t, tip - t * 1.4), (px, tip)],
            Role::Estimate,
        );
        scene.segment(
            (px, tip),
            (px, BOX_BOTTOM),
            Stroke::solid(Role::Estimate, 2.0),
        );
        let text = chart.estimate_label.clone();
        let font = TEXT
            .role(Role::Estimate)
            .align(Align::Centre)
            .baseline(Baseline::Middle);
        let centre = keep_inside(px, text::width(&text, &font), width, 1.0);
        scene.text((centre, ESTIMATE_LABEL_Y), text, font);
    }

    // Marks cover each value's tick on the strip down to its label.
    scene.marks = markers
        .iter()
        .zip(placed.iter().zip(&boxes))
        .map(|(m, ((row, centre), label_box))| {
            let px = x.px(m.value);
            let half_label = label_box.width / 2.0;
            Mark {
                x0: (px - 7.0).min(centre - half_label),
                x1: (px + 7.0).max(centre + half_label),
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
        let px = x.px(estimate.value);
        scene.marks.push(Mark {
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
    scene
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::mark_at;
    use crate::figures::FIGURES;
    use crate::format::EnUs;

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
    fn every_label_and_the_estimate_are_shown_inside_the_canvas() {
        let scene = model(Some(35_900.0)).scene(640.0);
        let texts: Vec<&str> = scene.texts().map(|(t, _, _)| t).collect();
        for text in [
            "10th", "$23,340", "Median", "$35,900", "Mean", "$38,860", "90th", "$59,160",
        ] {
            assert!(texts.contains(&text), "{text} missing from {texts:?}");
        }
        assert!(texts.contains(&"Your estimate $35,900"), "{texts:?}");
        assert!(texts.contains(&"$60K"), "{texts:?}");
        assert!(scene
            .fills()
            .iter()
            .any(|(role, _)| *role == Role::Estimate));
        for width in [280.0, 390.0, 640.0] {
            let scene = model(Some(59_000.0)).scene(width);
            assert!(
                scene.texts_outside(1.0).is_empty(),
                "{:?}",
                scene.texts_outside(1.0)
            );
        }
    }

    #[test]
    fn without_an_estimate_no_marker_is_drawn() {
        let scene = model(None).scene(640.0);
        assert!(!scene.texts().any(|(t, _, _)| t.contains("Your estimate")));
        assert!(!scene
            .fills()
            .iter()
            .any(|(role, _)| *role == Role::Estimate));
        assert_eq!(scene.marks.len(), 6);
    }

    #[test]
    fn the_marker_moves_with_the_estimate() {
        let marker = |estimate: f64| {
            let scene = model(Some(estimate)).scene(640.0);
            let x = LinearScale::new(scene_domain(estimate), (PAD_X, 640.0 - PAD_X)).px(estimate);
            let triangle = scene
                .fills()
                .into_iter()
                .find(|(role, _)| *role == Role::Estimate)
                .map(|(_, [left, _, right, _])| (left + right) / 2.0);
            (triangle, x)
        };
        for estimate in [25_000.0, 55_000.0] {
            let (triangle, x) = marker(estimate);
            assert_eq!(triangle, Some(x));
        }
    }

    fn scene_domain(estimate: f64) -> (f64, f64) {
        model(Some(estimate)).domain
    }

    #[test]
    fn narrow_charts_stack_labels_in_more_rows() {
        let wide = model(None).scene(900.0);
        let narrow = model(None).scene(300.0);
        assert_eq!(wide.height, height_for_rows(1));
        assert!(narrow.height > wide.height, "{}", narrow.height);
    }

    #[test]
    fn every_value_is_a_mark_with_its_source() {
        let drawn = model(Some(55_200.0)).scene(640.0);
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
