//! How this career's pay compares in the reader's place — one percentile strip per occupation
//! (this one first and emphasised, then all occupations, then the related careers) on a shared
//! dollar axis, with each median labelled. Every strip is for the same place and release.

use super::axes::{dollar_ticks, value_labels, Ticks, TEXT};
use super::registry::{Built, Depends, Spec, BAND_KEYS};
use super::scale::LinearScale;
use super::scene::{Align, Role, Scene, Stroke, Weight};
use super::strip::{percentile_strip, EMPHASISED, MEDIAN_OVERHANG, MUTED};
use super::text::{self, keep_inside};
use super::ChartRef;
use super::{Chart, DataTable, Mark, Words};
use crate::career::{compiled_in, Career, ALL_OCCUPATIONS_SOC, RELATED_SOCS};
use crate::estimator::base_for;
use crate::explanation::{period_in, place_name};
use crate::figures::{Distribution, PERCENTILE_POINTS};
use crate::format::NumberFormat;
use crate::messages::{Lang, Msg};
use crate::options::Section;
use career_pack::Place;

/// The place the comparison is for and, for that place, this career, all occupations and each
/// related career whose distribution BLS published there. The place is the reader's state (or
/// the nation): the related careers are compiled in for the nation and the states only, and
/// every strip must be for the same place. A state without this career's published pay falls
/// back to the nation, as the estimate does.
pub fn rows_for(
    career: &'static Career,
    place: &'static Place,
) -> (&'static Place, Vec<Distribution>) {
    let state = career.state_of(place).unwrap_or(place);
    let place = base_for(career, state).map_or(state, |b| b.place);
    // The article names the related careers of its own occupation only.
    let related: &[&str] = if career.is_article_career() {
        &RELATED_SOCS
    } else {
        &[]
    };
    let others = std::iter::once(ALL_OCCUPATIONS_SOC)
        .chain(related.iter().copied())
        .filter_map(|soc| compiled_in(soc)?.ok());
    let rows = std::iter::once(career)
        .chain(others)
        .filter_map(|c| c.distribution(place))
        .collect();
    (place, rows)
}

/// The registry entry: this career against all occupations and the related careers, in the
/// reader's state where published.
pub const SPEC: Spec = Spec {
    section: Section::Comparison,
    selectable: false,
    when_empty: None,
    depends: |cx| Depends::Place(cx.state().map(|p| p.code)),
    build: |cx| {
        let (place, rows) = rows_for(cx.career, cx.inputs.place);
        let first = rows.first()?;
        let codes: Vec<&str> = rows.iter().map(|d| d.soc_code).collect();
        let chart = ComparisonChart::new(&cx.career.pack.soc, &rows, cx.lang, cx.fmt);
        Some(Built {
            chart: ChartRef::new(chart),
            title: cx.lang.fill(
                Msg::ChartComparisonTitle,
                &[
                    &place_name(place, cx.lang),
                    &period_in(first.period, cx.lang),
                ],
            ),
            source: cx.bls_source(first, &cx.lang.list(&codes), None),
            keys: vec![
                BAND_KEYS[0],
                BAND_KEYS[1],
                ("cpw-key-median", Msg::ChartMedian),
                ("cpw-key-mean", Msg::ChartMean),
            ],
        })
    },
};

/// The dollar axis has at most this many ticks (ten: the shared axis spans all occupations, wider than any one career).
const MAX_TICKS: usize = 10;

/// Medians within this share of each other are "close to" rather than "above" or "below".
const CLOSE_SHARE: f64 = 0.02;

/// One published value on a strip.
#[derive(Clone, Debug, PartialEq)]
pub struct Point {
    pub value: f64,
    /// Tooltip label: `Medical Transcriptionists (31-9094): 25th percentile`.
    pub label: String,
    /// `$27,970`.
    pub value_text: String,
}

/// One occupation's strip, with every text already formatted.
#[derive(Clone, Debug, PartialEq)]
pub struct ComparisonRow {
    /// `Medical Transcriptionists (31-9094)`.
    pub title: String,
    /// This widget's occupation: drawn in the chart colours, the others in greys.
    pub emphasised: bool,
    /// The 10th, 25th, 50th, 75th and 90th percentiles, then the mean.
    pub points: [Point; 6],
    /// Drawn under the median: `Median $35,900`.
    pub median_label: String,
    /// `BLS OES national estimates, May 2014, SOC 31-9094`.
    pub source: String,
    /// The row in the data table.
    pub cells: Vec<String>,
}

impl ComparisonRow {
    /// The published values in drawing order: 10th, 25th, median, 75th, 90th, mean.
    pub fn values(&self) -> [f64; 6] {
        [0, 1, 2, 3, 4, 5].map(|i| self.points[i].value)
    }
}

/// What the comparison chart shows, with every text already formatted.
#[derive(Clone, Debug, PartialEq)]
pub struct ComparisonChart {
    pub rows: Vec<ComparisonRow>,
    /// Axis domain in dollars and its tick values.
    pub domain: (f64, f64),
    pub ticks: Vec<(f64, String)>,
    pub words: Words,
}

impl ComparisonChart {
    /// The chart of `rows` (one place and release): `this_soc` first, then all occupations, then
    /// the rest in the order given.
    pub fn new(this_soc: &str, rows: &[Distribution], lang: Lang, fmt: &dyn NumberFormat) -> Self {
        let rank = |d: &Distribution| {
            if d.soc_code == this_soc {
                0
            } else if d.soc_code == ALL_OCCUPATIONS_SOC {
                1
            } else {
                2
            }
        };
        let mut ordered: Vec<&Distribution> = rows.iter().collect();
        // Stable: the others keep their given order.
        crate::order::sort_by_key(&mut ordered, |d| rank(d));

        let values: Vec<f64> = ordered
            .iter()
            .flat_map(|d| d.annual.percentiles.iter().copied().chain([d.annual.mean]))
            .collect();
        let Ticks { domain, ticks } = dollar_ticks(&values, MAX_TICKS, fmt);
        let measure_names: [String; 6] = [0, 1, 2, 3, 4, 5].map(|i| match i {
            2 => lang.text(Msg::ChartMedian).to_string(),
            5 => lang.text(Msg::ChartMean).to_string(),
            _ => lang.fill(Msg::PercentileName, &[&lang.ordinal(PERCENTILE_POINTS[i])]),
        });
        let columns = [
            lang.text(Msg::ComparisonColOccupation).to_string(),
            lang.text(Msg::ComparisonColSoc).to_string(),
            lang.text(Msg::ComparisonColEmployment).to_string(),
        ]
        .into_iter()
        .chain([0, 1, 2, 3, 4].map(|i| match i {
            2 => lang.text(Msg::ChartMedian).to_string(),
            _ => lang.fill(Msg::PercentileShort, &[&lang.ordinal(PERCENTILE_POINTS[i])]),
        }))
        .chain([lang.text(Msg::ChartMean).to_string()])
        .collect();

        let mut chart = ComparisonChart {
            rows: ordered
                .iter()
                .map(|d| row(this_soc, d, &measure_names, lang, fmt))
                .collect(),
            domain,
            ticks,
            words: Words::default(),
        };
        chart.words = Words {
            summary: summary(this_soc, &ordered, lang, fmt),
            table: chart.data_table(columns),
        };
        chart
    }
}

fn row(
    this_soc: &str,
    d: &Distribution,
    measure_names: &[String; 6],
    lang: Lang,
    fmt: &dyn NumberFormat,
) -> ComparisonRow {
    let title = lang.fill(Msg::ComparisonRowTitle, &[d.occupation, d.soc_code]);
    let p = d.annual.percentiles;
    let values = [p[0], p[1], p[2], p[3], p[4], d.annual.mean];
    let points = [0, 1, 2, 3, 4, 5].map(|i| Point {
        value: values[i],
        label: lang.fill(Msg::ComparisonMark, &[&title, &measure_names[i]]),
        value_text: fmt.money(values[i]),
    });
    let cells = [
        d.occupation.to_string(),
        d.soc_code.to_string(),
        d.employment.map_or_else(
            || lang.text(Msg::NotPublished).to_string(),
            |e| fmt.number(f64::from(e), 0),
        ),
    ]
    .into_iter()
    .chain(values.iter().map(|v| fmt.money(*v)))
    .collect();
    ComparisonRow {
        median_label: lang.fill(Msg::ComparisonMedianLabel, &[&fmt.money(p[2])]),
        source: super::distribution_source(d, lang),
        emphasised: d.soc_code == this_soc,
        title,
        points,
        cells,
    }
}

/// How one median stands against another, in words.
fn relation(value: f64, other: f64, lang: Lang) -> &'static str {
    lang.text(if (value - other).abs() <= CLOSE_SHARE * other.abs() {
        Msg::ComparisonClose
    } else if value > other {
        Msg::ComparisonAbove
    } else {
        Msg::ComparisonBelow
    })
}

/// One sentence from the data: this occupation's median against all occupations' and the
/// third row's, and how spread its pay is (90th over 10th percentile) against all occupations'.
/// Any other set of rows gets a plain list of medians.
fn summary(this_soc: &str, rows: &[&Distribution], lang: Lang, fmt: &dyn NumberFormat) -> String {
    let money = |v: f64| fmt.money(v);
    let period = rows
        .first()
        .map_or("".into(), |d| period_in(d.period, lang));
    if let [this, all, other, ..] = rows {
        if this.soc_code == this_soc && all.soc_code == ALL_OCCUPATIONS_SOC {
            let (t, a, o) = (&this.annual, &all.annual, &other.annual);
            let ratio = |p: &[f64; 5]| p[4] / p[0];
            let spread = if ratio(&t.percentiles) < ratio(&a.percentiles) {
                Msg::ComparisonNarrower
            } else {
                Msg::ComparisonWider
            };
            let range =
                |p: &[f64; 5]| lang.fill(Msg::ComparisonRange, &[&money(p[0]), &money(p[4])]);
            let spread = lang.fill(
                spread,
                &[
                    &range(&t.percentiles),
                    &range(&a.percentiles),
                    all.occupation,
                ],
            );
            return lang.fill(
                Msg::ComparisonSummary,
                &[
                    &period,
                    this.occupation,
                    &money(t.median()),
                    relation(t.median(), a.median(), lang),
                    all.occupation,
                    &money(a.median()),
                    relation(t.median(), o.median(), lang),
                    other.occupation,
                    &money(o.median()),
                    &spread,
                ],
            );
        }
    }
    let items: Vec<String> = rows
        .iter()
        .map(|d| {
            lang.fill(
                Msg::ComparisonListItem,
                &[d.occupation, &money(d.annual.median())],
            )
        })
        .collect();
    lang.fill(Msg::ComparisonSummaryList, &[&period, &lang.list(&items)])
}

impl Chart for ComparisonChart {
    fn scene(&self, width: f64) -> Scene {
        layout(self, width)
    }

    fn words(&self) -> &Words {
        &self.words
    }
}

impl ComparisonChart {
    /// The data table, once the model is built.
    fn data_table(&self, columns: Vec<String>) -> DataTable {
        DataTable {
            columns,
            rows: self.rows.iter().map(|r| r.cells.clone()).collect(),
            highlighted: None,
        }
    }
}

/// Sizes in CSS pixels.
const PAD_X: f64 = 14.0;
const LINE: f64 = 15.0;
const TOP: f64 = 4.0;
const TITLE_LINE: f64 = 17.0;
const TITLE_GAP: f64 = 6.0;
/// The 25th–75th band's height; the 10th–90th band is half as tall.
const STRIP: f64 = 24.0;
const ROW_GAP: f64 = 16.0;
/// Half-width of a value's mark when no neighbour is closer.
const MARK_HALF: f64 = 8.0;

/// Lays the chart out `width` CSS pixels wide: a titled strip per row, the median labelled under
/// each, the axis at the bottom; a mark per published value.
fn layout(chart: &ComparisonChart, width: f64) -> Scene {
    let mut scene = Scene::new(width);
    let x = LinearScale::new(chart.domain, (PAD_X, width - PAD_X));
    let mut y = TOP;
    for row in &chart.rows {
        // Title: the occupation and its code, bold for this occupation.
        let weight = if row.emphasised {
            Weight::Bold
        } else {
            Weight::Normal
        };
        let title_font = TEXT.weight(weight);
        for line in text::wrap(&row.title, &title_font, width - 2.0 * PAD_X) {
            scene.text((PAD_X, y), line, title_font);
            y += TITLE_LINE;
        }
        let top = y + TITLE_GAP;
        let bottom = top + STRIP;
        for (tick, _) in &chart.ticks {
            let px = x.px(*tick);
            scene.segment(
                (px, top - 4.0),
                (px, bottom + 4.0),
                Stroke::solid(Role::Grid, 1.0),
            );
        }
        let [p10, p25, p50, p75, p90, mean] = row.values();
        let colours = if row.emphasised { EMPHASISED } else { MUTED };
        percentile_strip(
            &mut scene,
            &x,
            [p10, p25, p50, p75, p90],
            mean,
            (top, bottom),
            colours,
        );

        // The median's value under the strip.
        let label_top = bottom + MEDIAN_OVERHANG + 3.0;
        let font = title_font.align(Align::Centre);
        let centre = keep_inside(
            x.px(p50),
            text::width(&row.median_label, &font),
            width,
            PAD_X,
        );
        scene.text((centre, label_top), row.median_label.clone(), font);

        // Marks: each value owns the strip up to halfway to its nearest neighbours (at most
        // MARK_HALF either side), so close values (a mean next to a median) never hide each other.
        let xs = row.values().map(|v| x.px(v));
        for (point, &px) in row.points.iter().zip(&xs) {
            let left = xs
                .iter()
                .filter(|&&o| o < px)
                .fold(px - MARK_HALF, |edge, &o| edge.max((o + px) / 2.0));
            let right = xs
                .iter()
                .filter(|&&o| o > px)
                .fold(px + MARK_HALF, |edge, &o| edge.min((o + px) / 2.0));
            scene.marks.push(Mark {
                x0: left,
                x1: right,
                y0: top - MEDIAN_OVERHANG,
                y1: bottom + MEDIAN_OVERHANG,
                label: point.label.clone(),
                value: point.value_text.clone(),
                source: row.source.clone(),
                select: None,
            });
        }
        y = label_top + LINE + ROW_GAP;
    }

    // Axis labels along the bottom, thinned when they would touch (at 390 px, every other one).
    value_labels(&mut scene, &x, &chart.ticks, y, PAD_X);
    scene.height = y + LINE + 4.0;
    scene
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::mark_at;
    use crate::figures::{WageStats, FIGURES};
    use crate::format::EnUs;

    const TECHNICIANS: &str = "Medical Records and Health Information Technicians (29-2071)";
    const ALL: &str = "All Occupations (00-0000)";
    const TRANSCRIPTIONISTS: &str = "Medical Transcriptionists (31-9094)";

    fn model() -> ComparisonChart {
        ComparisonChart::new(
            crate::figures::SOC_CODE,
            FIGURES.comparison_2014,
            Lang::En,
            &EnUs,
        )
    }

    #[test]
    fn rows_put_this_occupation_first_then_all_occupations() {
        let m = model();
        let titles: Vec<&str> = m.rows.iter().map(|r| r.title.as_str()).collect();
        assert_eq!(titles, [TECHNICIANS, ALL, TRANSCRIPTIONISTS]);
        assert_eq!(
            m.rows.iter().map(|r| r.emphasised).collect::<Vec<_>>(),
            [true, false, false]
        );
        assert_eq!(
            m.rows[0].values(),
            [23_340.0, 28_250.0, 35_900.0, 46_640.0, 59_160.0, 38_860.0]
        );
    }

    #[test]
    fn three_titled_rows_with_their_medians_inside_the_canvas() {
        for width in [640.0, 390.0] {
            let drawn = model().scene(width);
            assert!(
                drawn.texts_outside(0.5).is_empty(),
                "{:?}",
                drawn.texts_outside(0.5)
            );
            let texts = drawn
                .texts()
                .map(|(t, _, _)| t)
                .collect::<Vec<_>>()
                .join(" | ");
            // Titles may wrap at 390 px; their words all appear, in order.
            for title in [TECHNICIANS, ALL, TRANSCRIPTIONISTS] {
                let joined = texts.replace(" | ", " ");
                assert!(joined.contains(title), "{title} missing from {texts}");
            }
            for median in ["Median $35,900", "Median $35,540", "Median $34,750"] {
                assert!(texts.contains(median), "{median} missing from {texts}");
            }
            assert!(texts.contains("$90K") || texts.contains("$100K"), "{texts}");
            assert!(drawn.height > 200.0, "{}", drawn.height);
        }
    }

    #[test]
    fn the_shared_axis_holds_all_occupations_90th_percentile() {
        let m = model();
        assert_eq!(m.domain, (10_000.0, 100_000.0));
        for width in [640.0, 390.0] {
            let drawn = m.scene(width);
            let top = drawn
                .marks
                .iter()
                .find(|k| k.value == "$90,060")
                .expect("a mark for $90,060");
            assert_eq!(top.label, "All Occupations (00-0000): 90th percentile");
            let centre = (top.x0 + top.x1) / 2.0;
            assert!(centre > 0.0 && centre < width - 14.0, "{top:?}");
            assert!(drawn.marks.iter().all(|k| k.x0 >= 0.0 && k.x1 <= width));
        }
    }

    #[test]
    fn every_published_value_is_a_mark_with_its_soc_source() {
        let drawn = model().scene(390.0);
        assert_eq!(drawn.marks.len(), 18);
        for (row, soc) in ["29-2071", "00-0000", "31-9094"].iter().enumerate() {
            for mark in &drawn.marks[row * 6..row * 6 + 6] {
                assert_eq!(
                    mark.source,
                    format!("BLS OES national estimates, May 2014, SOC {soc}")
                );
                assert!(mark.label.contains(soc), "{mark:?}");
                assert_eq!(mark.select, None);
            }
        }
        let values: Vec<&str> = drawn.marks[12..].iter().map(|m| m.value.as_str()).collect();
        assert_eq!(
            values,
            ["$22,220", "$27,970", "$34,750", "$42,340", "$49,290", "$35,580"]
        );
        assert_eq!(
            drawn.marks[14].label,
            format!("{TRANSCRIPTIONISTS}: Median")
        );
        assert_eq!(drawn.marks[17].label, format!("{TRANSCRIPTIONISTS}: Mean"));
        // Each value can be pointed at, even the transcriptionists' mean, $830 from their median.
        for (i, mark) in drawn.marks.iter().enumerate() {
            let (x, y) = ((mark.x0 + mark.x1) / 2.0, (mark.y0 + mark.y1) / 2.0);
            assert_eq!(mark_at(&drawn.marks, x, y, 4.0), Some(i), "{mark:?}");
        }
    }

    #[test]
    fn the_table_lists_each_occupation() {
        let table = model().table();
        assert_eq!(
            table.columns,
            [
                "Occupation",
                "SOC",
                "Employment",
                "10th",
                "25th",
                "Median",
                "75th",
                "90th",
                "Mean"
            ]
        );
        assert_eq!(
            table.rows[1],
            [
                "All Occupations",
                "00-0000",
                "135,128,260",
                "$18,350",
                "$22,950",
                "$35,540",
                "$57,720",
                "$90,060",
                "$47,230"
            ]
        );
        assert_eq!(table.rows[0][1], "29-2071");
        assert_eq!(table.rows[0][2], "184,740");
        assert_eq!(table.rows[2][0], "Medical Transcriptionists");
        assert_eq!(table.highlighted, None);
    }

    #[test]
    fn the_summary_is_built_from_the_data() {
        assert_eq!(
            model().summary(),
            "In May 2014, the median annual pay of Medical Records and Health Information \
             Technicians ($35,900) was close to the median for All Occupations ($35,540) and \
             above the median for Medical Transcriptionists ($34,750); their pay was more \
             compressed: $23,340 to $59,160 from the 10th to the 90th percentile, against \
             $18,350 to $90,060 for All Occupations."
        );
        // Other figures give other words: a wider spread and a median below the others.
        let [all, this, other] = FIGURES.comparison_2014 else {
            panic!("three comparison rows");
        };
        let planted = Distribution {
            annual: WageStats {
                mean: 30_000.0,
                percentiles: [10_000.0, 20_000.0, 30_000.0, 60_000.0, 100_000.0],
            },
            ..*this
        };
        let rows = [Distribution { ..*other }, planted, Distribution { ..*all }];
        let summary =
            ComparisonChart::new(crate::figures::SOC_CODE, &rows, Lang::En, &EnUs).summary();
        assert!(
            summary.contains("($30,000) was below the median for All"),
            "{summary}"
        );
        assert!(
            summary.contains("more spread out: $10,000 to $100,000"),
            "{summary}"
        );
        // Without this occupation and all occupations, a plain list of medians.
        let summary = ComparisonChart::new(
            crate::figures::SOC_CODE,
            std::slice::from_ref(other),
            Lang::En,
            &EnUs,
        )
        .summary();
        assert_eq!(
            summary,
            "Median annual pay, May 2014: Medical Transcriptionists $34,750."
        );
    }
}
