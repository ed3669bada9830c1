//! National annual pay over time — the 10th–90th and 25th–75th percentile bands, the median and
//! the mean — broken (and labelled) wherever a May survey is missing from the data, because a
//! missing year must never look published, and wherever the SOC code changes (29-2071 to May
//! 2018, 29-2072 from May 2021): figures of different codes are two series, never one line.

use super::axes::{
    dollar_ticks, every_nth, text_halo, widest_label, x_axis, y_axis, Plot, Ticks, LABEL_GAP, LINE,
    TEXT,
};
use super::registry::{Built, Depends, Spec, BAND_KEYS};
use super::scale::LinearScale;
use super::scene::{Align, Baseline, Role, Scene, Stroke};
use super::text::{self, keep_inside};
use super::ChartRef;
use super::{Chart, DataTable, Mark, Words};
use crate::explanation::period_in;
use crate::figures::FIGURES;
use crate::figures::{Distribution, PERCENTILE_POINTS};
use crate::format::NumberFormat;
use crate::messages::{Lang, Msg};
use crate::options::Section;

/// The CSS height the chart draws in.
pub const HEIGHT: f64 = 240.0;
/// Space above the plot (half a tick label sits above the top gridline), CSS px.
const TOP: f64 = 10.0;
/// Space below the plot for the year ticks and labels, CSS px.
const BOTTOM: f64 = 26.0;
/// Least margin at the canvas's left and right edges, CSS px.
const EDGE: f64 = 4.0;
/// The plot keeps at least this share of the width; otherwise end labels go on two lines.
const MIN_PLOT_SHARE: f64 = 0.7;
/// Most dollar ticks: one every ~30 px of a ~200 px plot.
const MAX_Y_TICKS: usize = 7;
/// Year-label spacings to try, in years: every 4 years fits a phone.
const YEAR_STEPS: [usize; 4] = [1, 2, 4, 8];

/// One published May survey.
#[derive(Clone, Debug, PartialEq)]
pub struct YearPoint {
    pub year: u16,
    /// The SOC code the year's figures are for.
    pub soc: String,
    /// `May 2014`.
    pub period: String,
    /// Annual pay at the 10th, 25th, 50th, 75th and 90th percentiles.
    pub percentiles: [f64; 5],
    pub mean: f64,
    /// The table row: period, the five percentiles, the mean, formatted.
    pub row: Vec<String>,
    /// The tooltip value: `median $35,900; mean $38,860; middle half $28,250–$46,640`.
    pub value: String,
    /// `BLS OES national estimates, May 2014, SOC 29-2071`.
    pub source: String,
}

/// Years missing between two published ones: nothing is drawn across them.
#[derive(Clone, Debug, PartialEq)]
pub struct Gap {
    /// The published years either side.
    pub after: u16,
    pub before: u16,
    /// `No May 2008 data`.
    pub label: String,
}

/// A line's label at its right end: `Median` and `$40,350`.
#[derive(Clone, Debug, PartialEq)]
pub struct EndLabel {
    pub name: String,
    pub value_text: String,
    /// `Median $40,350`, for when there is room for one line.
    pub one_line: String,
    pub value: f64,
}

/// What the chart shows, with every text already formatted (so drawing needs no locale).
#[derive(Clone, Debug, PartialEq)]
pub struct OverTimeChart {
    /// Published years, oldest first.
    pub years: Vec<YearPoint>,
    /// Index ranges of `years` with no missing year inside: each is drawn as its own piece.
    pub runs: Vec<(usize, usize)>,
    pub gaps: Vec<Gap>,
    pub y: Ticks,
    /// The median's and the mean's labels at the latest year.
    pub median_label: Option<EndLabel>,
    pub mean_label: Option<EndLabel>,
    pub words: Words,
}

impl OverTimeChart {
    /// The chart of the `national` distributions' annual pay (any order; one per year).
    pub fn new(national: &[Distribution], lang: Lang, fmt: &dyn NumberFormat) -> Self {
        let mut sorted: Vec<&Distribution> = national.iter().collect();
        crate::order::sort_by_key(&mut sorted, |d| d.year);
        sorted.dedup_by_key(|d| d.year);
        let money = |v: f64| fmt.money(v);

        let years: Vec<YearPoint> = sorted
            .iter()
            .map(|d| {
                let a = &d.annual;
                let period = period_in(d.period, lang).into_owned();
                let mut row = vec![period.clone(), d.soc_code.to_string()];
                row.extend(a.percentiles.iter().map(|v| money(*v)));
                row.push(money(a.mean));
                YearPoint {
                    year: d.year,
                    soc: d.soc_code.to_string(),
                    period,
                    percentiles: a.percentiles,
                    mean: a.mean,
                    value: lang.fill(
                        Msg::ChartOverTimeMarkValue,
                        &[
                            &money(a.median()),
                            &money(a.mean),
                            &money(a.percentiles[1]),
                            &money(a.percentiles[3]),
                        ],
                    ),
                    source: super::distribution_source(d, lang),
                    row,
                }
            })
            .collect();

        // A run ends wherever the next published year is not the following year, or is for
        // another SOC code.
        let mut runs = Vec::new();
        let mut gaps = Vec::new();
        let mut start = 0;
        for i in 1..=years.len() {
            let next = years.get(i).map(|p| p.year);
            let prev = years[i - 1].year;
            let code_change = years.get(i).filter(|p| p.soc != years[i - 1].soc);
            if let (Some(after), Some(next)) = (code_change, next) {
                runs.push((start, i));
                start = i;
                gaps.push(Gap {
                    after: prev,
                    before: next,
                    label: lang.fill(
                        Msg::ChartOverTimeCodeChange,
                        &[&years[i - 1].soc, &after.soc],
                    ),
                });
            } else if next != Some(prev + 1) {
                runs.push((start, i));
                start = i;
                if let Some(next) = next {
                    let missing =
                        |y: u16| lang.fill(Msg::ChartOverTimeMissingPeriod, &[&y.to_string()]);
                    let span = if next - prev == 2 {
                        missing(prev + 1)
                    } else {
                        lang.fill(Msg::Range, &[&missing(prev + 1), &missing(next - 1)])
                    };
                    gaps.push(Gap {
                        after: prev,
                        before: next,
                        label: lang.fill(Msg::ChartOverTimeGap, &[&span]),
                    });
                }
            }
        }

        let values: Vec<f64> = years
            .iter()
            .flat_map(|p| p.percentiles.iter().copied().chain([p.mean]))
            .collect();
        let y = dollar_ticks(&values, MAX_Y_TICKS, fmt);

        let end_label = |name: Msg, value: f64| {
            let name = lang.text(name).to_string();
            let value_text = money(value);
            EndLabel {
                one_line: lang.fill(Msg::ChartOverTimeEndLabel, &[&name, &value_text]),
                name,
                value_text,
                value,
            }
        };
        let last = years.last();
        let median_label = last.map(|p| end_label(Msg::ChartMedian, p.percentiles[2]));
        let mean_label = last.map(|p| end_label(Msg::ChartMean, p.mean));

        let summary = match (years.first(), years.last()) {
            (Some(first), Some(last)) if first.soc != last.soc => {
                let last_of_first = years.iter().rev().find(|p| p.soc == first.soc);
                let first_of_last = years.iter().find(|p| p.soc == last.soc);
                match (last_of_first, first_of_last) {
                    (Some(a), Some(b)) => lang.fill(
                        Msg::ChartOverTimeSummaryTwoCodes,
                        &[
                            &money(first.percentiles[2]),
                            &first.period,
                            &money(a.percentiles[2]),
                            &a.period,
                            &first.soc,
                            &money(b.percentiles[2]),
                            &b.period,
                            &money(last.percentiles[2]),
                            &last.period,
                            &last.soc,
                        ],
                    ),
                    _ => String::new(),
                }
            }
            (Some(first), Some(last)) => {
                let args = [
                    money(first.percentiles[2]),
                    first.period.clone(),
                    money(last.percentiles[2]),
                    last.period.clone(),
                ];
                let mut args: Vec<&str> = args.iter().map(String::as_str).collect();
                let missing: Vec<String> = gaps
                    .iter()
                    .flat_map(|g| g.after + 1..g.before)
                    .map(|y| lang.fill(Msg::ChartOverTimeMissingPeriod, &[&y.to_string()]))
                    .collect();
                let missing = lang.list(&missing);
                if gaps.is_empty() {
                    lang.fill(Msg::ChartOverTimeSummary, &args)
                } else {
                    args.push(&missing);
                    lang.fill(Msg::ChartOverTimeSummaryGap, &args)
                }
            }
            _ => String::new(),
        };

        let mut columns = vec![
            lang.text(Msg::ChartOverTimeYearColumn).to_string(),
            lang.text(Msg::ComparisonColSoc).to_string(),
        ];
        columns.extend(PERCENTILE_POINTS.iter().map(|p| {
            if *p == 50.0 {
                lang.text(Msg::ChartMedian).to_string()
            } else {
                lang.fill(Msg::PercentileShort, &[&lang.ordinal(*p)])
            }
        }));
        columns.push(lang.text(Msg::ChartMean).to_string());

        let mut chart = OverTimeChart {
            years,
            runs,
            gaps,
            y,
            median_label,
            mean_label,
            words: Words::default(),
        };
        chart.words = Words {
            summary,
            table: chart.data_table(columns),
        };
        chart
    }

    /// The x domain: first to last published year.
    fn x_domain(&self) -> (f64, f64) {
        match (self.years.first(), self.years.last()) {
            (Some(a), Some(b)) => (f64::from(a.year), f64::from(b.year)),
            _ => (0.0, 1.0),
        }
    }
}

impl Chart for OverTimeChart {
    fn scene(&self, width: f64) -> Scene {
        layout(self, width)
    }

    fn words(&self) -> &Words {
        &self.words
    }
}

impl OverTimeChart {
    /// The data table, once the model is built.
    fn data_table(&self, columns: Vec<String>) -> DataTable {
        DataTable {
            columns,
            rows: self.years.iter().map(|p| p.row.clone()).collect(),
            highlighted: None,
        }
    }
}

/// The registry entry: national pay since May 2002, two series with a break where the SOC code
/// changes (29-2071 to May 2018, this career's from May 2021). A career whose pack holds one
/// release only says so instead of drawing a single point.
pub const SPEC: Spec = Spec {
    section: Section::OverTime,
    selectable: false,
    when_empty: Some((Msg::ChartOverTimeHeading, Msg::ChartOverTimeOneRelease)),
    depends: |_| Depends::Nothing,
    build: |cx| {
        // The 29-2071 history belongs to the article's occupation only.
        let history = if cx.career.is_article_career() {
            FIGURES.national
        } else {
            &[]
        };
        let mut years: Vec<&Distribution> = history.iter().collect();
        years.extend(cx.career.national_series());
        if years.len() < 2 {
            return None;
        }
        let owned: Vec<Distribution> = years.iter().map(|d| (*d).clone()).collect();
        let (first, last) = (years.first()?, years.last()?);
        let codes = cx.lang.list(&[first.soc_code, last.soc_code]);
        let span = (
            period_in(first.period, cx.lang),
            period_in(last.period, cx.lang),
        );
        Some(Built {
            chart: ChartRef::new(OverTimeChart::new(&owned, cx.lang, cx.fmt)),
            title: cx.lang.fill(Msg::ChartOverTimeTitle, &[&span.0, &span.1]),
            source: cx.lang.fill(
                Msg::ChartSource,
                &[
                    first.source.publisher,
                    first.source.title,
                    &cx.lang.fill(Msg::Range, &[&span.0, &span.1]),
                    &codes,
                ],
            ),
            keys: BAND_KEYS.to_vec(),
        })
    },
};

/// Lays the chart out `width` CSS pixels wide and [`HEIGHT`] tall: gridlines, the hatched gaps,
/// each run's bands and lines, the year axis and the end labels; marks are one vertical strip
/// per year.
fn layout(chart: &OverTimeChart, width: f64) -> Scene {
    let mut scene = Scene::new(width);
    scene.height = HEIGHT;

    // End labels on one line when the plot keeps most of the width, else name over value.
    let labels: Vec<&EndLabel> = chart.median_label.iter().chain(&chart.mean_label).collect();
    let one_line_width = labels
        .iter()
        .map(|l| text::width(&l.one_line, &TEXT))
        .fold(0.0, f64::max);
    let two_line_width = labels
        .iter()
        .flat_map(|l| [&l.name, &l.value_text])
        .map(|t| text::width(t, &TEXT))
        .fold(0.0, f64::max);
    let left = EDGE + widest_label(&chart.y.ticks) + LABEL_GAP;
    // Room for the label, its gap from the line's end, and the canvas edge.
    let right_for = |label: f64| label + LABEL_GAP * 2.0 + EDGE;
    let one_line = width - left - right_for(one_line_width) >= MIN_PLOT_SHARE * width;
    let right = width
        - right_for(if one_line {
            one_line_width
        } else {
            two_line_width
        });
    let plot = Plot {
        left,
        top: TOP,
        right: right.max(left + 1.0),
        bottom: HEIGHT - BOTTOM,
    };
    let x = plot.x(chart.x_domain());
    let y = plot.y(chart.y.domain);

    y_axis(&mut scene, &plot, &y, &chart.y.ticks);

    let year_px = (x.px(chart.x_domain().0 + 1.0) - x.px(chart.x_domain().0)).abs();
    for gap in &chart.gaps {
        hatched_gap(&mut scene, &plot, &x, gap);
    }

    for &(start, end) in &chart.runs {
        run(&mut scene, &chart.years[start..end], &x, &y, year_px);
    }

    // Year labels, thinned to fit, counted from the first year so the first and last show.
    let step = every_nth(year_px, text::width("2018", &TEXT), 1.0, &YEAR_STEPS);
    let (first, last) = chart.x_domain();
    let year_ticks: Vec<(f64, String)> = (0..)
        .map(|k| first + (k * step) as f64)
        .take_while(|year| *year <= last)
        .map(|year| (year, (year.round() as i64).to_string()))
        .collect();
    x_axis(&mut scene, &plot, &x, &year_ticks);

    if let Some(last) = chart.years.last() {
        let end_x = x.px(f64::from(last.year));
        end_labels(&mut scene, chart, &y, end_x, one_line, &plot);
    }

    // Marks: a strip a year wide round each published year, over the plot's height.
    let half = (year_px / 2.0).max(2.0);
    scene.marks = chart
        .years
        .iter()
        .map(|p| {
            let centre = x.px(f64::from(p.year));
            Mark {
                x0: centre - half,
                x1: centre + half,
                y0: plot.top,
                y1: plot.bottom,
                label: p.period.clone(),
                value: p.value.clone(),
                source: p.source.clone(),
                select: None,
            }
        })
        .collect();
    scene
}

/// One unbroken piece of the series: both bands, their edges, the median and the dashed mean.
fn run(scene: &mut Scene, points: &[YearPoint], x: &LinearScale, y: &LinearScale, year_px: f64) {
    // A year standing alone would be a zero-width band: give it a quarter-year each side.
    let xs: Vec<f64> = if points.len() == 1 {
        let centre = x.px(f64::from(points[0].year));
        vec![centre - year_px / 4.0, centre + year_px / 4.0]
    } else {
        points.iter().map(|p| x.px(f64::from(p.year))).collect()
    };
    let values = |f: &dyn Fn(&YearPoint) -> f64| -> Vec<f64> {
        if points.len() == 1 {
            vec![f(&points[0]); 2]
        } else {
            points.iter().map(f).collect()
        }
    };
    let line = |vals: &[f64]| -> Vec<(f64, f64)> {
        xs.iter().zip(vals).map(|(px, v)| (*px, y.px(*v))).collect()
    };
    let band = |upper: &[f64], lower: &[f64]| -> Vec<(f64, f64)> {
        let mut outline = line(upper);
        outline.extend(line(lower).into_iter().rev());
        outline
    };
    let p = |i: usize| values(&move |p: &YearPoint| p.percentiles[i]);
    let (p10, p25, p50, p75, p90) = (p(0), p(1), p(2), p(3), p(4));
    let mean = values(&|p: &YearPoint| p.mean);

    scene.area(band(&p90, &p10), Role::BandOuter);
    // The light band alone is too faint to see (1.3:1); its edges carry its extent (3.3:1).
    for edge in [&p90, &p10] {
        scene.line(line(edge), Stroke::solid(Role::BandInner, 1.0));
    }
    scene.area(band(&p75, &p25), Role::BandInner);
    scene.line(line(&p50), Stroke::solid(Role::Median, 3.0));
    // Dashed and thinner, so the mean is told from the median without colour.
    scene.line(line(&mean), Stroke::dashed(Role::Ink, 1.5, 5.0, 3.0));
}

/// Light hatching over the missing years, and a label saying no figure is held for them.
fn hatched_gap(scene: &mut Scene, plot: &Plot, x: &LinearScale, gap: &Gap) {
    // Inset so the hatching stops short of the neighbouring years' band ends.
    let inset = 3.0;
    let (x0, x1) = (
        x.px(f64::from(gap.after)) + inset,
        x.px(f64::from(gap.before)) - inset,
    );
    let (y0, y1) = (plot.top, plot.bottom);
    if x1 > x0 {
        // Lines x + y = c, clipped to the rectangle, every 6 CSS px.
        let step = 6.0;
        let mut c = x0 + y0 + step;
        while c < x1 + y1 {
            let (from, to) = (x0.max(c - y1), x1.min(c - y0));
            if to > from {
                scene.segment(
                    (from, c - from),
                    (to, c - to),
                    Stroke::solid(Role::Grid, 1.0),
                );
            }
            c += step;
        }
    }
    // The label sits at the top of the plot, above the bands, centred on the gap, wrapped to
    // the canvas on a phone (the SOC change's label is wider than 390 px on one line).
    let font = TEXT.role(Role::Muted).align(Align::Centre);
    let lines = text::wrap(&gap.label, &font, scene.width - 2.0 * EDGE);
    let w = lines
        .iter()
        .map(|l| text::width(l, &font))
        .fold(0.0, f64::max);
    let centre = keep_inside((x0 + x1) / 2.0, w, scene.width, 1.0);
    let top = plot.top + 3.0;
    text_halo(
        scene,
        (centre - w / 2.0 - 3.0, top - 1.0),
        (w + 6.0, LINE * lines.len() as f64 + 1.0),
    );
    for (i, line) in lines.into_iter().enumerate() {
        scene.text((centre, top + LINE * i as f64), line, font);
    }
}

/// The median's and the mean's labels right of their last points, pushed apart vertically if
/// they would overlap, each joined to its line's end by a short leader.
fn end_labels(
    scene: &mut Scene,
    chart: &OverTimeChart,
    y: &LinearScale,
    end_x: f64,
    one_line: bool,
    plot: &Plot,
) {
    let (Some(median), Some(mean)) = (&chart.median_label, &chart.mean_label) else {
        return;
    };
    let lines = if one_line { 1.0 } else { 2.0 };
    let height = LINE * lines;
    let separation = height + 2.0;
    // The mean is above the median in pay data; order by value so the higher goes on top.
    let (upper, lower) = if mean.value >= median.value {
        (mean, median)
    } else {
        (median, mean)
    };
    let (mut upper_y, mut lower_y) = (y.px(upper.value), y.px(lower.value));
    if lower_y - upper_y < separation {
        let middle = (upper_y + lower_y) / 2.0;
        upper_y = middle - separation / 2.0;
        lower_y = middle + separation / 2.0;
    }
    // Keep both inside the plot's height.
    let shift = (plot.top + height / 2.0 - upper_y).max(0.0)
        - (lower_y + height / 2.0 - plot.bottom).max(0.0);
    upper_y += shift;
    lower_y += shift;

    let text_x = end_x + LABEL_GAP * 2.0;
    for (label, label_y) in [(upper, upper_y), (lower, lower_y)] {
        let role = if std::ptr::eq(label, median) {
            Role::Median
        } else {
            Role::Ink
        };
        scene.segment(
            (end_x + 2.0, y.px(label.value)),
            (text_x - 2.0, label_y),
            Stroke::solid(Role::Muted, 1.0),
        );
        let font = TEXT.role(role);
        if one_line {
            scene.text(
                (text_x, label_y),
                label.one_line.clone(),
                font.baseline(Baseline::Middle),
            );
        } else {
            scene.text(
                (text_x, label_y),
                label.name.clone(),
                font.baseline(Baseline::Bottom),
            );
            scene.text(
                (text_x, label_y),
                label.value_text.clone(),
                font.baseline(Baseline::Top),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::scene::Item;
    use crate::figures::FIGURES;
    use crate::format::EnUs;

    fn model() -> OverTimeChart {
        OverTimeChart::new(FIGURES.national, Lang::En, &EnUs)
    }

    /// Every line and filled area in one of `roles`, as its points' x coordinates.
    fn shapes_in(scene: &Scene, roles: &[Role]) -> Vec<Vec<f64>> {
        scene
            .items
            .iter()
            .filter_map(|item| match item {
                Item::Line { points, stroke } if roles.contains(&stroke.role) => Some(points),
                Item::Area { points, fill } if roles.contains(fill) => Some(points),
                _ => None,
            })
            .map(|points| points.iter().map(|(x, _)| *x).collect())
            .collect()
    }

    /// Every text in the scene, in painting order.
    fn texts(scene: &Scene) -> Vec<&str> {
        scene.texts().map(|(t, _, _)| t).collect()
    }

    #[test]
    fn model_holds_every_published_year_and_the_2008_gap() {
        let m = model();
        assert_eq!(m.years.len(), 16);
        assert_eq!(m.runs, [(0, 6), (6, 16)]);
        assert_eq!(m.gaps.len(), 1);
        assert_eq!((m.gaps[0].after, m.gaps[0].before), (2007, 2009));
        assert_eq!(m.gaps[0].label, "No May 2008 data");
        assert_eq!(m.y.domain, (10_000.0, 70_000.0));
        assert_eq!(
            m.summary(),
            "Median annual pay went from $23,890 in May 2002 to $40,350 in May 2018, in dollars \
             of each year (not adjusted for inflation). This widget holds no May 2008 figures, so \
             the lines break there."
        );
    }

    #[test]
    fn no_line_or_band_is_drawn_across_the_missing_year() {
        for width in [640.0, 390.0] {
            let scene = model().scene(width);
            let centre = |label: &str| {
                let m = scene.marks.iter().find(|m| m.label == label).expect(label);
                (m.x0 + m.x1) / 2.0
            };
            let (x2007, x2009) = (centre("May 2007"), centre("May 2009"));
            let shapes = shapes_in(
                &scene,
                &[Role::Median, Role::Ink, Role::BandInner, Role::BandOuter],
            );
            // Both bands, the outer band's two edges, the median and the dashed mean, in each of
            // the two pieces.
            assert_eq!(shapes.len(), 12, "{shapes:?}");
            for xs in &shapes {
                let left = xs.iter().any(|x| *x <= x2007 + 0.5);
                let right = xs.iter().any(|x| *x >= x2009 - 0.5);
                assert!(
                    !(left && right),
                    "a shape spans the gap at {width}px: {xs:?}"
                );
                assert!(
                    !xs.iter().any(|x| *x > x2007 + 0.5 && *x < x2009 - 0.5),
                    "a data point inside the gap at {width}px: {xs:?}"
                );
            }
            // Both pieces of the median are drawn.
            let median = shapes_in(&scene, &[Role::Median]);
            assert!(median.iter().any(|xs| xs.iter().all(|x| *x <= x2007 + 0.5)));
            assert!(median.iter().any(|xs| xs.iter().all(|x| *x >= x2009 - 0.5)));
            assert!(scene.find_text("No May 2008 data").is_some());
            // Both bands are filled, one piece each side of the gap.
            for role in [Role::BandOuter, Role::BandInner] {
                let pieces: Vec<[f64; 4]> = scene
                    .fills()
                    .into_iter()
                    .filter(|(r, _)| *r == role)
                    .map(|(_, bounds)| bounds)
                    .collect();
                assert_eq!(pieces.len(), 2, "{role:?} at {width}px: {pieces:?}");
            }
        }
    }

    #[test]
    fn the_lines_are_labelled_at_their_ends() {
        let wide = model().scene(640.0);
        let texts_wide = texts(&wide);
        assert!(texts_wide.contains(&"Median $40,350"), "{texts_wide:?}");
        assert!(texts_wide.contains(&"Mean $44,010"), "{texts_wide:?}");
        let narrow = model().scene(390.0);
        let texts_narrow = texts(&narrow);
        for text in ["Median", "$40,350", "Mean", "$44,010"] {
            assert!(texts_narrow.contains(&text), "{text}: {texts_narrow:?}");
        }
        // The median's label is in the median's colour; every text is whole inside the canvas.
        let median = wide.find_text("Median $40,350").map(|(_, font)| font.role);
        assert_eq!(median, Some(Role::Median));
        for scene in [&narrow, &wide] {
            assert!(
                scene.texts_outside(1.0).is_empty(),
                "{} px: {:?}",
                scene.width,
                scene.texts_outside(1.0)
            );
        }
    }

    #[test]
    fn year_labels_thin_out_on_a_phone() {
        let years = |width: f64| -> Vec<String> {
            texts(&model().scene(width))
                .into_iter()
                .filter(|t| t.len() == 4 && t.starts_with("20"))
                .map(str::to_string)
                .collect()
        };
        assert_eq!(years(390.0), ["2002", "2006", "2010", "2014", "2018"]);
        let wide = years(640.0);
        assert!(
            wide.len() > 5 && wide.contains(&"2018".to_string()),
            "{wide:?}"
        );
        assert!(model().scene(640.0).find_text("$70K").is_some());
    }

    #[test]
    fn every_year_is_a_mark_with_its_values_and_source() {
        let scene = model().scene(390.0);
        assert_eq!(scene.height, HEIGHT);
        assert_eq!(scene.marks.len(), 16);
        let may_2014 = scene
            .marks
            .iter()
            .find(|m| m.label == "May 2014")
            .expect("May 2014");
        assert_eq!(
            may_2014.value,
            "median $35,900; mean $38,860; middle half $28,250–$46,640"
        );
        assert_eq!(
            may_2014.source,
            "BLS OES national estimates, May 2014, SOC 29-2071"
        );
        assert_eq!(may_2014.select, None);
        // Strips run left to right, inside the canvas, without overlapping.
        for pair in scene.marks.windows(2) {
            assert!(pair[0].x1 <= pair[1].x0 + 1e-9, "{pair:?}");
        }
        assert!(scene.marks[0].x0 >= 0.0 && scene.marks[15].x1 <= 390.0);
        let centre = (may_2014.x0 + may_2014.x1) / 2.0;
        let hit = crate::charts::mark_at(&scene.marks, centre, 100.0, 4.0);
        assert_eq!(hit.map(|i| scene.marks[i].label.as_str()), Some("May 2014"));
    }

    #[test]
    fn the_table_has_a_row_per_published_year() {
        let table = model().table();
        assert_eq!(
            table.columns,
            ["Year", "SOC", "10th", "25th", "Median", "75th", "90th", "Mean"]
        );
        assert_eq!(table.rows.len(), 16);
        assert_eq!(
            table.rows[0],
            [
                "May 2002", "29-2071", "$16,460", "$19,550", "$23,890", "$30,600", "$38,640",
                "$25,980"
            ]
        );
        assert_eq!(
            table.rows[15],
            [
                "May 2018", "29-2071", "$26,550", "$32,070", "$40,350", "$52,730", "$66,260",
                "$44,010"
            ]
        );
        assert!(!table.rows.iter().any(|r| r[0].contains("2008")));
        assert_eq!(table.highlighted, None);
    }

    /// 29-2071 to May 2018 and 29-2072 from May 2021: two runs, never one line, and the break
    /// says why.
    #[test]
    fn two_codes_are_two_series_with_an_explained_break() {
        let career = crate::career::current().expect("the compiled-in pack decodes");
        let years: Vec<Distribution> = FIGURES
            .national
            .iter()
            .chain(career.national_series())
            .cloned()
            .collect();
        let chart = OverTimeChart::new(&years, Lang::En, &EnUs);
        let last = chart.years.last().expect("a year");
        assert_eq!((last.year, last.soc.as_str()), (2025, "29-2072"));
        assert_eq!(last.percentiles[2], 51_140.0);
        let break_at = chart
            .gaps
            .iter()
            .find(|g| g.after == 2018)
            .expect("a break after May 2018");
        assert_eq!(break_at.before, 2021);
        assert!(break_at.label.contains("29-2071") && break_at.label.contains("29-2072"));
        // No run spans the two codes.
        for &(start, end) in &chart.runs {
            let codes: Vec<&str> = chart.years[start..end]
                .iter()
                .map(|p| p.soc.as_str())
                .collect();
            assert!(codes.iter().all(|c| *c == codes[0]), "{codes:?}");
        }
        assert!(
            chart.summary().contains("Two series"),
            "{}",
            chart.summary()
        );
        for width in [320.0, 390.0, 640.0] {
            let scene = chart.scene(width);
            assert!(
                scene.texts().any(|(t, _, _)| t.contains("29-2072")),
                "the break is labelled on the chart"
            );
            assert!(
                scene.texts_outside(1.0).is_empty(),
                "{width}: {:?}",
                scene.texts_outside(1.0)
            );
        }
    }
}
