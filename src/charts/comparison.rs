//! How this career's pay compares in the reader's place — one percentile strip per occupation
//! (this one first and emphasised, then all occupations, then the related careers) on a shared
//! dollar axis, with each median labelled. Every strip is for the same place and release.

use super::outlook::{text_width, wrap_text};
use super::palette::Palette;
use super::scale::{nice_domain, LinearScale};
use super::{Chart, DataTable, Drawn, Mark};
use crate::career::{compiled_in, Career, ALL_OCCUPATIONS_SOC, RELATED_SOCS};
use crate::estimator::base_for;
use crate::figures::{Distribution, PERCENTILE_POINTS};
use crate::format::NumberFormat;
use crate::messages::{Lang, Msg};
use career_pack::Place;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

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
    let others = std::iter::once(ALL_OCCUPATIONS_SOC)
        .chain(RELATED_SOCS)
        .filter_map(|soc| compiled_in(soc)?.ok());
    let rows = std::iter::once(career)
        .chain(others)
        .filter_map(|c| c.distribution(place))
        .collect();
    (place, rows)
}

/// Axis ticks every $10,000.
const TICK_STEP: f64 = 10_000.0;

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
    pub summary: String,
    pub columns: Vec<String>,
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
        let (domain, ticks) = nice_domain(&values, TICK_STEP);
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
            _ => lang.ordinal(PERCENTILE_POINTS[i]),
        }))
        .chain([lang.text(Msg::ChartMean).to_string()])
        .collect();

        ComparisonChart {
            rows: ordered
                .iter()
                .map(|d| row(this_soc, d, &measure_names, lang, fmt))
                .collect(),
            domain,
            ticks: ticks
                .into_iter()
                .map(|t| (t, fmt.money_compact(t)))
                .collect(),
            summary: summary(this_soc, &ordered, lang, fmt),
            columns,
        }
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
        source: lang.fill(
            Msg::MarkSource,
            &[d.source.short_name, d.period, d.soc_code],
        ),
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
    let period = rows.first().map_or("", |d| d.period);
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
                    period,
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
    lang.fill(Msg::ComparisonSummaryList, &[period, &items.join(", ")])
}

impl Chart for ComparisonChart {
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
            columns: self.columns.clone(),
            rows: self.rows.iter().map(|r| r.cells.clone()).collect(),
            highlighted: None,
        }
    }
}

/// Sizes in CSS pixels; multiplied by the device pixel ratio when drawn.
const PAD_X: f64 = 14.0;
/// Label text size in CSS px (the canvas draws exactly this size).
const FONT: f64 = 13.0;
const LINE: f64 = 15.0;
const TOP: f64 = 4.0;
const TITLE_LINE: f64 = 17.0;
const TITLE_GAP: f64 = 6.0;
/// The 25th–75th band's height; the 10th–90th band is half as tall.
const STRIP: f64 = 24.0;
const MEDIAN_OVERHANG: f64 = 4.0;
const MEAN_SIZE: f64 = 6.0;
const ROW_GAP: f64 = 16.0;
/// Half-width of a value's mark when no neighbour is closer.
const MARK_HALF: f64 = 8.0;

/// Draws the chart onto `area` at `scale` device pixels per CSS pixel: a titled strip per row,
/// the median labelled under each, the axis at the bottom; a mark per published value.
fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &ComparisonChart,
    palette: &Palette,
    scale: f64,
) -> Result<Drawn, DrawingAreaErrorKind<DB::ErrorType>> {
    let width = f64::from(area.dim_in_pixel().0);
    let s = |css: f64| css * scale;
    let css = |device: f64| device / scale;
    let x = LinearScale::new(chart.domain, (s(PAD_X), width - s(PAD_X)));
    let at = |px: f64, py: f64| (px.round() as i32, py.round() as i32);
    let font = |color: RGBColor, pos: Pos, bold: bool| {
        let weight = if bold {
            FontStyle::Bold
        } else {
            FontStyle::Normal
        };
        (FontFamily::SansSerif, s(FONT), weight)
            .into_font()
            .color(&color)
            .pos(pos)
    };
    let thin = scale.max(1.0) as u32;
    let centre_top = Pos::new(HPos::Center, VPos::Top);
    // Keeps a centred label of half-width `half` inside the canvas.
    let clamp = |px: f64, half: f64| {
        px.clamp(
            s(PAD_X) + half,
            (width - s(PAD_X) - half).max(s(PAD_X) + half),
        )
    };

    let mut marks = Vec::new();
    let mut y = s(TOP);
    for row in &chart.rows {
        // Title: the occupation and its code, bold for this occupation.
        let style = font(palette.ink, Pos::new(HPos::Left, VPos::Top), row.emphasised);
        for line in wrap_text(&row.title, s(FONT), row.emphasised, width - 2.0 * s(PAD_X)) {
            area.draw(&Text::new(line, at(s(PAD_X), y), style.clone()))?;
            y += s(TITLE_LINE);
        }
        let top = y + s(TITLE_GAP);
        let bottom = top + s(STRIP);
        let mid = (top + bottom) / 2.0;
        for (tick, _) in &chart.ticks {
            area.draw(&PathElement::new(
                [
                    at(x.px(*tick), top - s(4.0)),
                    at(x.px(*tick), bottom + s(4.0)),
                ],
                palette.grid.stroke_width(thin),
            ))?;
        }

        // This occupation in the chart's blues; the others in light greys with grey outlines,
        // so the eye goes to the first row while every band stays visible (3:1 outlines).
        let [p10, p25, p50, p75, p90, mean] = row.values().map(|v| x.px(v));
        let (outer_fill, outer_line, inner_fill, inner_line, median) = if row.emphasised {
            (
                palette.band_outer,
                palette.band_inner,
                palette.band_inner,
                palette.band_inner,
                palette.median,
            )
        } else {
            (
                palette.grid,
                palette.muted,
                palette.band_outer,
                palette.muted,
                palette.ink,
            )
        };
        let outer = [at(p10, mid - s(STRIP) / 4.0), at(p90, mid + s(STRIP) / 4.0)];
        area.draw(&Rectangle::new(outer, outer_fill.filled()))?;
        area.draw(&Rectangle::new(outer, outer_line.stroke_width(thin)))?;
        let inner = [at(p25, top), at(p75, bottom)];
        area.draw(&Rectangle::new(inner, inner_fill.filled()))?;
        area.draw(&Rectangle::new(inner, inner_line.stroke_width(thin)))?;
        area.draw(&PathElement::new(
            [
                at(p50, top - s(MEDIAN_OVERHANG)),
                at(p50, bottom + s(MEDIAN_OVERHANG)),
            ],
            median.stroke_width(s(3.0).round() as u32),
        ))?;
        // The mean: an ink diamond with a halo, so it stays visible on the median tick.
        let diamond = |d: f64| {
            vec![
                at(mean, mid - d),
                at(mean + d, mid),
                at(mean, mid + d),
                at(mean - d, mid),
            ]
        };
        area.draw(&Polygon::new(
            diamond(s(MEAN_SIZE + 1.5)),
            palette.background.filled(),
        ))?;
        area.draw(&Polygon::new(diamond(s(MEAN_SIZE)), palette.ink.filled()))?;

        // The median's value under the strip.
        let label_top = bottom + s(MEDIAN_OVERHANG) + s(3.0);
        let style = font(palette.ink, centre_top, row.emphasised);
        let half = text_width(&row.median_label, s(FONT), row.emphasised) / 2.0;
        area.draw(&Text::new(
            row.median_label.clone(),
            at(clamp(p50, half), label_top),
            style,
        ))?;

        // Marks: each value owns the strip up to halfway to its nearest neighbours (at most
        // MARK_HALF either side), so close values (a mean next to a median) never hide each other.
        let xs = row.values().map(|v| css(x.px(v)));
        for (point, &px) in row.points.iter().zip(&xs) {
            let left = xs
                .iter()
                .filter(|&&o| o < px)
                .fold(px - MARK_HALF, |edge, &o| edge.max((o + px) / 2.0));
            let right = xs
                .iter()
                .filter(|&&o| o > px)
                .fold(px + MARK_HALF, |edge, &o| edge.min((o + px) / 2.0));
            marks.push(Mark {
                x0: left,
                x1: right,
                y0: css(top - s(MEDIAN_OVERHANG)),
                y1: css(bottom + s(MEDIAN_OVERHANG)),
                label: point.label.clone(),
                value: point.value_text.clone(),
                source: row.source.clone(),
                select: None,
            });
        }
        y = label_top + s(LINE) + s(ROW_GAP);
    }

    // Axis labels along the bottom, thinned when they would touch (at 390 px, every other one).
    let style = font(palette.muted, centre_top, false);
    let label_width = chart
        .ticks
        .iter()
        .map(|(_, t)| t)
        .max_by_key(|t| t.chars().count())
        .map_or(0.0, |t| text_width(t, s(FONT), false));
    let spacing = match chart.ticks.as_slice() {
        [a, b, ..] => (x.px(b.0) - x.px(a.0)).abs(),
        _ => f64::INFINITY,
    };
    let every = ((label_width + s(8.0)) / spacing).ceil().max(1.0) as usize;
    for (i, (tick, text)) in chart.ticks.iter().enumerate() {
        if i % every != 0 {
            continue;
        }
        area.draw(&Text::new(
            text.clone(),
            at(clamp(x.px(*tick), label_width / 2.0), y),
            style.clone(),
        ))?;
    }
    Ok(Drawn {
        height: css(y + s(LINE) + s(4.0)),
        marks,
    })
}

// Native only: the SVG backend is a native dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::charts::mark_at;
    use crate::charts::test_support::{render_svg, texts};
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
    fn svg_shows_three_titled_rows_with_their_medians() {
        for width in [640, 390] {
            let (out, drawn) = render_svg(&model(), width, 300);
            let texts = texts(&out).join(" | ");
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
        for width in [640, 390] {
            let (_, drawn) = render_svg(&m, width, 300);
            let top = drawn
                .marks
                .iter()
                .find(|k| k.value == "$90,060")
                .expect("a mark for $90,060");
            assert_eq!(top.label, "All Occupations (00-0000): 90th percentile");
            let centre = (top.x0 + top.x1) / 2.0;
            assert!(centre > 0.0 && centre < f64::from(width) - 14.0, "{top:?}");
            assert!(drawn
                .marks
                .iter()
                .all(|k| k.x0 >= 0.0 && k.x1 <= f64::from(width)));
        }
    }

    #[test]
    fn every_published_value_is_a_mark_with_its_soc_source() {
        let (_, drawn) = render_svg(&model(), 390, 300);
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

    #[test]
    #[ignore = "writes SVGs to /tmp for review"]
    fn write_svgs_for_review() {
        for width in [640, 390] {
            let (out, drawn) = render_svg(&model(), width, 800);
            let height = drawn.height.ceil();
            let out = out
                .replacen("height=\"800\"", &format!("height=\"{height}\""), 1)
                .replacen(
                    &format!("viewBox=\"0 0 {width} 800\""),
                    &format!("viewBox=\"0 0 {width} {height}\""),
                    1,
                );
            std::fs::write(format!("/tmp/comparison-{width}.svg"), out).expect("written");
        }
    }
}
