//! Chart 7: this widget's estimate of annual pay for 0–30 years of experience at the chosen state
//! and industry, with its likely range, the reader's years marked, and the prevailing-wage level
//! anchors noted so the flat part after 10 years reads as an assumption, not data.

use super::axes::{
    dollar_ticks, every_nth, text_halo, widest_label, x_axis, y_axis, Plot, Ticks, LABEL_GAP, LINE,
    TEXT,
};
use super::registry::{Built, Depends, Spec};
use super::scale::LinearScale;
use super::scene::{Align, Baseline, Role, Scene, Stroke};
use super::text::{self, keep_inside};
use super::ChartRef;
use super::{Chart, DataTable, Mark, Select, Words};
use crate::career::Career;
use crate::estimator::{estimate, Estimate, EstimateError, Inputs};
use crate::experience_rule::{LEVEL_ANCHORS, MAX_YEARS};
use crate::format::NumberFormat;
use crate::messages::{Lang, Msg};
use crate::options::Section;

/// The CSS height the chart draws in.
pub const HEIGHT: f64 = 252.0;
/// The CSS height when there is no estimate: one line of text.
pub const EMPTY_HEIGHT: f64 = 40.0;
/// Top of the row with the reader's years and estimate, CSS px.
const CURRENT_ROW: f64 = 2.0;
/// Top of the row with the level numerals, CSS px.
const LEVEL_ROW: f64 = CURRENT_ROW + LINE + 3.0;
/// Top of the plot, below both rows and the numerals' ticks, CSS px.
const PLOT_TOP: f64 = LEVEL_ROW + LINE + 6.0;
/// Below the plot: year ticks, their labels and the axis title, CSS px.
const BOTTOM: f64 = 26.0 + LINE;
/// Least margin at the canvas's left and right edges, CSS px.
const EDGE: f64 = 4.0;
/// Room right of the plot so the last year's dot and label are not cut, CSS px.
const RIGHT: f64 = 12.0;
/// Most dollar ticks for a plot of about 170 px.
const MAX_Y_TICKS: usize = 6;
/// Year-label spacings to try, in years (all divide 30, so the last year is labelled).
const YEAR_STEPS: [usize; 3] = [5, 10, 15];
/// The level note may take this share of the plot's width; longer notes wrap.
const NOTE_SHARE: f64 = 0.62;

/// The estimate at one number of years.
#[derive(Clone, Debug, PartialEq)]
pub struct YearEstimate {
    pub years: u8,
    pub annual: f64,
    pub low: f64,
    pub high: f64,
    /// `5 years`.
    pub label: String,
    /// `$35,900 a year (range $30,900–$42,400)`.
    pub value: String,
    /// The table row: years, estimate, low, high.
    pub row: Vec<String>,
}

/// What the chart shows, with every text already formatted (so drawing needs no locale, and a
/// redraw on every slider step does no estimating or formatting).
#[derive(Clone, Debug, PartialEq)]
pub struct ExperienceChart {
    /// One estimate per year, 0 to [`MAX_YEARS`]; empty if no estimate could be made.
    pub points: Vec<YearEstimate>,
    /// The reader's years (index into `points`).
    pub current: u8,
    /// `5 years: $35,900`.
    pub current_label: String,
    pub y: Ticks,
    /// Year tick labels: `0`, `5`, …
    pub year_labels: Vec<(f64, String)>,
    /// `Years of experience`.
    pub x_title: String,
    /// The prevailing-wage level anchors: (years, numeral).
    pub levels: Vec<(f64, String)>,
    /// Says where the levels sit and that the flat part is assumed.
    pub level_note: String,
    /// This widget's estimate (a model): where each mark's value comes from.
    pub source: String,
    /// Shown instead of the chart when there is no estimate.
    pub empty_text: String,
    pub words: Words,
}

impl ExperienceChart {
    /// Estimates for every year from 0 to [`MAX_YEARS`] at `inputs`' state and industry, with
    /// `inputs.years` marked. If the estimator fails, the chart has no points and says so.
    pub fn new(
        career: &'static Career,
        inputs: Inputs,
        lang: Lang,
        fmt: &dyn NumberFormat,
    ) -> Self {
        let estimates: Result<Vec<_>, _> = (0..=MAX_YEARS)
            .map(|years| estimate(career, Inputs { years, ..inputs }))
            .collect();
        Self::from_estimates(estimates, inputs.years, lang, fmt)
    }

    /// The chart of one estimate per year (0 to [`MAX_YEARS`]) with `current` years marked.
    pub fn from_estimates(
        estimates: Result<Vec<Estimate>, EstimateError>,
        current: u8,
        lang: Lang,
        fmt: &dyn NumberFormat,
    ) -> Self {
        let money = |v: f64| fmt.money(v);
        let years_text = |y: u8| {
            if y == 1 {
                lang.text(Msg::YearsValueOne).to_string()
            } else {
                lang.fill(Msg::YearsValue, &[&fmt.number(f64::from(y), 0)])
            }
        };
        let points: Vec<YearEstimate> = estimates
            .map(|all| {
                all.iter()
                    .map(|e| {
                        let years = e.inputs.years;
                        let (annual, low, high) = (money(e.annual), money(e.low), money(e.high));
                        YearEstimate {
                            years,
                            annual: e.annual,
                            low: e.low,
                            high: e.high,
                            label: years_text(years),
                            value: lang
                                .fill(Msg::ChartExperienceMarkValue, &[&annual, &low, &high]),
                            row: vec![fmt.number(f64::from(years), 0), annual, low, high],
                        }
                    })
                    .collect()
            })
            .unwrap_or_default();

        let current = current.min(MAX_YEARS);
        let current_point = points.get(usize::from(current));
        let current_label = current_point
            .map(|p| lang.fill(Msg::ChartExperienceCurrent, &[&p.label, &money(p.annual)]))
            .unwrap_or_default();

        let values: Vec<f64> = points.iter().flat_map(|p| [p.low, p.high]).collect();
        let y = if points.is_empty() {
            Ticks::default()
        } else {
            dollar_ticks(&values, MAX_Y_TICKS, fmt)
        };

        let numerals = [
            Msg::ChartExperienceLevel1,
            Msg::ChartExperienceLevel2,
            Msg::ChartExperienceLevel3,
            Msg::ChartExperienceLevel4,
        ];
        let levels = LEVEL_ANCHORS
            .iter()
            .zip(numerals)
            .map(|((years, _), numeral)| (f64::from(*years), lang.text(numeral).to_string()))
            .collect();
        let anchor_years: Vec<String> = LEVEL_ANCHORS
            .iter()
            .map(|(years, _)| fmt.number(f64::from(*years), 0))
            .collect();
        let anchor_args: Vec<&str> = anchor_years.iter().map(String::as_str).collect();
        let level_note = lang.fill(Msg::ChartExperienceLevelNote, &anchor_args);

        // Where the curve goes flat: the last level anchor.
        let plateau_years = LEVEL_ANCHORS.last().map_or(0, |(years, _)| *years);
        let empty_text = lang.text(Msg::ChartExperienceNoEstimate).to_string();
        let summary = match (
            points.first(),
            points.get(usize::from(plateau_years)),
            current_point,
        ) {
            (Some(start), Some(plateau), Some(now)) => lang.fill(
                Msg::ChartExperienceSummary,
                &[
                    &money(start.annual),
                    &money(plateau.annual),
                    &fmt.number(f64::from(plateau_years), 0),
                    &now.label,
                    &money(now.annual),
                ],
            ),
            _ => empty_text.clone(),
        };

        let mut chart = ExperienceChart {
            points,
            current,
            current_label,
            y,
            year_labels: (0..=MAX_YEARS)
                .map(|y| (f64::from(y), fmt.number(f64::from(y), 0)))
                .collect(),
            x_title: lang.text(Msg::YearsLabel).to_string(),
            levels,
            level_note,
            source: lang.text(Msg::EstimateSource).to_string(),
            empty_text,
            words: Words::default(),
        };
        let columns = [
            Msg::YearsLabel,
            Msg::ChartExperienceEstimateColumn,
            Msg::ChartExperienceLowColumn,
            Msg::ChartExperienceHighColumn,
        ]
        .iter()
        .map(|m| lang.text(*m).to_string())
        .collect();
        chart.words = Words {
            summary,
            table: chart.data_table(columns),
        };
        chart
    }
}

impl Chart for ExperienceChart {
    fn scene(&self, width: f64) -> Scene {
        layout(self, width)
    }

    fn words(&self) -> &Words {
        &self.words
    }
}

impl ExperienceChart {
    /// The data table, once the model is built.
    fn data_table(&self, columns: Vec<String>) -> DataTable {
        DataTable {
            columns,
            rows: self.points.iter().map(|p| p.row.clone()).collect(),
            highlighted: (!self.points.is_empty()).then_some(usize::from(self.current)),
        }
    }
}

/// Lays the chart out `width` CSS pixels wide: the range and curve over dollar gridlines, the
/// level anchors, the reader's years and the level note; marks are one vertical strip per year./// The registry entry: the estimate across 0–30 years for the reader's place and industry;
/// choosing a year selects it.
pub const SPEC: Spec = Spec {
    section: Section::Experience,
    selectable: true,
    when_empty: None,
    depends: |cx| Depends::Inputs(cx.inputs),
    build: |cx| {
        Some(Built {
            chart: ChartRef::new(ExperienceChart::new(cx.career, cx.inputs, cx.lang, cx.fmt)),
            title: cx.lang.text(Msg::ChartExperienceTitle).to_string(),
            source: cx.lang.text(Msg::EstimateSource).to_string(),
            keys: vec![
                ("cpw-key-outer", Msg::RangeLabel),
                ("cpw-key-estimate", Msg::ChartEstimate),
            ],
        })
    },
};

fn layout(chart: &ExperienceChart, width: f64) -> Scene {
    let mut scene = Scene::new(width);
    let muted = TEXT.role(Role::Muted);
    if chart.points.is_empty() {
        scene.height = EMPTY_HEIGHT;
        scene.text(
            (width / 2.0, EMPTY_HEIGHT / 2.0),
            chart.empty_text.clone(),
            muted.align(Align::Centre).baseline(Baseline::Middle),
        );
        return scene;
    }

    let left = EDGE + widest_label(&chart.y.ticks) + LABEL_GAP;
    let plot = Plot {
        left,
        top: PLOT_TOP,
        right: (width - RIGHT).max(left + 1.0),
        bottom: HEIGHT - BOTTOM,
    };
    let x = plot.x((0.0, f64::from(MAX_YEARS)));
    let y = plot.y(chart.y.domain);
    let year_px = x.px(1.0) - x.px(0.0);
    scene.height = HEIGHT;
    scene.marks = marks(chart, &plot, &x);

    y_axis(&mut scene, &plot, &y, &chart.y.ticks);

    // Level anchors: light guides through the plot, numerals above it.
    for (years, numeral) in &chart.levels {
        let px = x.px(*years);
        scene.segment(
            (px, plot.top - 4.0),
            (px, plot.bottom),
            Stroke::solid(Role::Grid, 1.0),
        );
        scene.text((px, LEVEL_ROW), numeral.clone(), muted.align(Align::Centre));
    }

    // The range, its edges, then the curve.
    let line = |value: fn(&YearEstimate) -> f64| -> Vec<(f64, f64)> {
        chart
            .points
            .iter()
            .map(|p| (x.px(f64::from(p.years)), y.px(value(p))))
            .collect()
    };
    let (high, low) = (line(|p| p.high), line(|p| p.low));
    let mut band = high.clone();
    band.extend(low.iter().rev());
    scene.area(band, Role::BandOuter);
    // The light band alone is too faint to see (1.3:1); its edges carry its extent (3.3:1).
    for edge in [high, low] {
        scene.line(edge, Stroke::solid(Role::BandInner, 1.0));
    }
    scene.line(line(|p| p.annual), Stroke::solid(Role::Median, 2.0));

    let year_ticks: Vec<(f64, String)> = {
        let step = every_nth(year_px, text::width("30", &TEXT), 1.0, &YEAR_STEPS);
        chart.year_labels.iter().step_by(step).cloned().collect()
    };
    x_axis(&mut scene, &plot, &x, &year_ticks);
    scene.text(
        ((plot.left + plot.right) / 2.0, HEIGHT - LINE - 2.0),
        chart.x_title.clone(),
        muted.align(Align::Centre),
    );

    // The reader's years: a line through the plot, a dot on the curve, and the label above.
    let Some(point) = chart.points.get(usize::from(chart.current)) else {
        level_note(&mut scene, &plot, &chart.level_note);
        return scene;
    };
    let px = x.px(f64::from(point.years));
    let py = y.px(point.annual);
    scene.segment(
        (px, plot.top),
        (px, plot.bottom),
        Stroke::solid(Role::Estimate, 2.0),
    );
    // The note's halo goes over the line (which the dot and label already place), never
    // over the dot: the dot is on the curve, above the corner the note fills.
    level_note(&mut scene, &plot, &chart.level_note);
    // A ring in the background colour keeps the dot clear of the band and curve.
    scene.circle((px, py), 7.0, Role::Background);
    scene.circle((px, py), 5.0, Role::Estimate);
    let font = TEXT.role(Role::Estimate).align(Align::Centre);
    let centre = keep_inside(px, text::width(&chart.current_label, &font), width, 1.0);
    scene.text((centre, CURRENT_ROW), chart.current_label.clone(), font);
    scene
}

/// One strip a year wide per year, over the plot's height.
fn marks(chart: &ExperienceChart, plot: &Plot, x: &LinearScale) -> Vec<Mark> {
    let half = ((x.px(1.0) - x.px(0.0)) / 2.0).max(2.0);
    chart
        .points
        .iter()
        .map(|p| {
            let centre = x.px(f64::from(p.years));
            Mark {
                x0: centre - half,
                x1: centre + half,
                y0: plot.top,
                y1: plot.bottom,
                label: p.label.clone(),
                value: p.value.clone(),
                source: chart.source.clone(),
                select: Some(Select::Years(p.years)),
            }
        })
        .collect()
}

/// The level note in the plot's bottom-right corner, wrapped to fit. That corner is always
/// empty: the range's low edge there is the 50th percentile or above, while the axis starts
/// below the 10th.
fn level_note(scene: &mut Scene, plot: &Plot, note: &str) {
    let font = TEXT.role(Role::Muted).align(Align::Right);
    let lines = text::wrap(note, &font, NOTE_SHARE * (plot.right - plot.left));
    let widest = lines
        .iter()
        .map(|l| text::width(l, &font))
        .fold(0.0, f64::max);
    let height = LINE * lines.len() as f64;
    let right = plot.right - 4.0;
    let top = plot.bottom - 4.0 - height;
    text_halo(
        scene,
        (right - widest - 3.0, top - 2.0),
        (widest + 6.0, height + 3.0),
    );
    for (i, line) in lines.into_iter().enumerate() {
        scene.text((right, top + LINE * i as f64), line, font);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::career::testing::{career, inputs};
    use crate::charts::scene::Item;
    use crate::format::EnUs;

    fn model(place: u32, industry: &str, years: u8) -> ExperienceChart {
        ExperienceChart::new(career(), inputs(place, industry, years), Lang::En, &EnUs)
    }

    /// The centre x of the filled estimate-coloured circle (the reader's dot).
    fn dot_x(scene: &Scene) -> Option<f64> {
        scene.items.iter().find_map(|item| match item {
            Item::Circle {
                x,
                fill: Some(Role::Estimate),
                ..
            } => Some(*x),
            _ => None,
        })
    }

    /// The level note's lines: the muted texts set right-aligned from their top (the y labels
    /// are right-aligned too, but centred on their gridline).
    fn note_lines(scene: &Scene) -> Vec<(&str, (f64, f64))> {
        scene
            .texts()
            .filter(|(_, _, f)| {
                f.role == Role::Muted && f.align == Align::Right && f.baseline == Baseline::Top
            })
            .map(|(t, at, _)| (t, at))
            .collect()
    }

    #[test]
    fn values_are_the_estimators() {
        for (place, industry) in [(0, "all"), (3_400_000, "all"), (4_800_000, "541100")] {
            let m = model(place, industry, 5);
            assert_eq!(m.points.len(), 31);
            for p in &m.points {
                let e = estimate(career(), inputs(place, industry, p.years)).expect("estimate");
                assert_eq!((p.annual, p.low, p.high), (e.annual, e.low, e.high));
            }
        }
        let national = model(0, "all", 5);
        let five = &national.points[5];
        assert_eq!(five.annual, 51_100.0);
        let e = estimate(career(), inputs(0, "all", 5)).expect("estimate");
        assert_eq!(
            five.value,
            format!(
                "$51,100 a year (range {}–{})",
                EnUs.money(e.low),
                EnUs.money(e.high)
            )
        );
        assert_eq!(national.current_label, "5 years: $51,100");
    }

    #[test]
    fn the_curve_never_falls_and_the_district_of_columbia_sits_above_national() {
        let national = model(0, "all", 0);
        let nj = model(1_100_000, "all", 0);
        for pair in national.points.windows(2) {
            assert!(pair[1].annual >= pair[0].annual, "{pair:?}");
            assert!(pair[1].low >= pair[0].low && pair[1].high >= pair[0].high);
        }
        for (n, j) in national.points.iter().zip(&nj.points) {
            assert!(j.annual > n.annual, "{} years", n.years);
        }
        // Flat after the last level anchor, by construction.
        assert!(national.points[10..]
            .iter()
            .all(|p| p.annual == national.points[10].annual));
    }

    #[test]
    fn every_year_is_a_mark_that_selects_it() {
        let scene = model(0, "all", 5).scene(390.0);
        assert_eq!(scene.height, HEIGHT);
        assert_eq!(scene.marks.len(), 31);
        let five = &scene.marks[5];
        assert_eq!(five.label, "5 years");
        assert!(
            five.value.starts_with("$51,100 a year (range $"),
            "{}",
            five.value
        );
        assert!(five.source.contains("estimate"), "{}", five.source);
        assert_eq!(five.select, Some(Select::Years(5)));
        assert_eq!(scene.marks[1].label, "1 year");
        assert_eq!(scene.marks[30].select, Some(Select::Years(30)));
        for pair in scene.marks.windows(2) {
            assert!(pair[0].x1 <= pair[1].x0 + 1e-9);
        }
        assert!(scene.marks[0].x0 >= 0.0 && scene.marks[30].x1 <= 390.0);
    }

    #[test]
    fn the_readers_years_are_marked_and_move() {
        for width in [640.0, 390.0] {
            let five = model(0, "all", 5).scene(width);
            let twenty = model(0, "all", 20).scene(width);
            assert!(five.fills().iter().any(|(role, _)| *role == Role::Estimate));
            let mark = &five.marks[5];
            let x5 = dot_x(&five).expect("a dot at 5 years");
            assert!(
                (x5 - (mark.x0 + mark.x1) / 2.0).abs() <= 1.0,
                "{x5} vs {mark:?}"
            );
            let x20 = dot_x(&twenty).expect("a dot at 20 years");
            let mark20 = &five.marks[20];
            assert!((x20 - (mark20.x0 + mark20.x1) / 2.0).abs() <= 1.0);
            assert!(five.find_text("5 years: $51,100").is_some());
            assert!(twenty.texts().any(|(t, _, _)| t.starts_with("20 years: $")));
            for scene in [&five, &twenty] {
                assert!(
                    scene.texts_outside(1.0).is_empty(),
                    "{width}: {:?}",
                    scene.texts_outside(1.0)
                );
            }
        }
    }

    #[test]
    fn the_level_anchors_and_the_assumption_are_shown() {
        let scene = model(0, "all", 5).scene(390.0);
        let texts: Vec<&str> = scene.texts().map(|(t, _, _)| t).collect();
        for numeral in ["I", "II", "III", "IV"] {
            assert!(texts.contains(&numeral), "{numeral}: {texts:?}");
        }
        let note = note_lines(&scene)
            .iter()
            .map(|(t, _)| *t)
            .collect::<Vec<_>>()
            .join(" ");
        assert!(note.starts_with("Pay levels"), "{texts:?}");
        // The flat line explains itself, on the chart.
        assert!(note.contains("flat after 10 years"), "{texts:?}");
        assert!(
            note.contains("BLS publishes no pay by experience"),
            "{texts:?}"
        );
        assert!(note.contains("assumed, not data"), "{texts:?}");
        assert!(scene.find_text("Years of experience").is_some());
        assert!(scene.find_text("30").is_some());
    }

    #[test]
    fn summary_and_table_say_estimate_and_highlight_the_readers_row() {
        let m = model(0, "all", 5);
        let summary = m.summary();
        assert!(summary.contains("estimate"), "{summary}");
        assert!(summary.contains("at 5 years it is $51,100"), "{summary}");
        assert!(
            summary.contains(&EnUs.money(m.points[0].annual)),
            "{summary}"
        );
        let table = m.table();
        assert_eq!(
            table.columns,
            ["Years of experience", "Estimate (annual)", "Low", "High"]
        );
        assert_eq!(table.rows.len(), 31);
        assert_eq!(table.rows[5][0], "5");
        assert_eq!(table.rows[5][1], "$51,100");
        assert_eq!(table.highlighted, Some(5));
        assert_eq!(model(0, "all", 12).table().highlighted, Some(12));
    }

    #[test]
    fn without_an_estimate_it_says_so_and_has_no_marks() {
        let m = ExperienceChart::from_estimates(
            Err(EstimateError::NoPublishedDistribution),
            5,
            Lang::En,
            &EnUs,
        );
        assert!(m.points.is_empty());
        let scene = m.scene(390.0);
        assert!(scene.marks.is_empty());
        assert_eq!(scene.height, EMPTY_HEIGHT);
        assert_eq!(
            scene.texts().map(|(t, _, _)| t).collect::<Vec<_>>(),
            ["No estimate to show"]
        );
        assert_eq!(m.summary(), "No estimate to show");
        assert_eq!(m.table().rows.len(), 0);
        assert_eq!(m.table().highlighted, None);
    }

    #[test]
    fn long_notes_wrap_to_fit() {
        let m = model(0, "all", 5);
        for width in [390.0, 640.0] {
            let scene = m.scene(width);
            let plot_left = scene.marks[0].x0 + (scene.marks[0].x1 - scene.marks[0].x0) / 2.0;
            let plot_right = scene.marks[30].x0 + (scene.marks[30].x1 - scene.marks[30].x0) / 2.0;
            let max = NOTE_SHARE * (plot_right - plot_left);
            let lines = note_lines(&scene);
            assert!(lines.len() > 1, "{width}: {lines:?}");
            let font = TEXT.role(Role::Muted).align(Align::Right);
            for (line, (x, _)) in &lines {
                let (left, right) = font.extent(line, *x);
                assert!(right - left <= max, "{width}: {line} wider than {max}");
                assert!(left >= plot_left && right <= plot_right, "{width}: {line}");
            }
            let words = |t: &str| t.split_whitespace().map(String::from).collect::<Vec<_>>();
            let joined = lines.iter().map(|(t, _)| *t).collect::<Vec<_>>().join(" ");
            assert_eq!(words(&joined), words(&m.level_note));
        }
    }
}
