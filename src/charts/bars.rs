//! Ranked horizontal bars diverging from a zero line, shared by the pay-by-state, by-metro-area and
//! by-industry charts: the model (rows, table, summary) and the drawing.
//!
//! Each bar is a figure's annual mean as a percent difference from the national annual mean of
//! the figure's own year — the very ratio the estimator applies — so figures from different
//! years and sources can be ranked together without silently mixing years.

use super::scene::{Align, Baseline, Font, Role, Scene, Stroke, Weight};
use super::text::{approx_width, keep_inside, width as width_of};
use super::{Chart, DataTable, Mark, Select, Words};
use crate::career::Career;
use crate::explanation::{period, source_in_sentence};
use crate::figures::{Source, Standing, CURRENT_SOURCE, FIGURES};
use crate::format::NumberFormat;
use crate::messages::{Lang, Msg};
use career_pack::{Cell, Place};
use std::cmp::Ordering;

/// One row: a state or an industry and how its figure compares with the national mean.
#[derive(Clone, Debug, PartialEq)]
pub struct RankedBar {
    /// Drawn left of the bars (or above its bar when names are too long for a column).
    pub name: String,
    /// Percent difference from the national annual mean of the figure's own year (`53.7` for a
    /// ratio of 1.537); `None` when no usable figure is held, and then no bar is drawn.
    pub percent: Option<f64>,
    /// Drawn at the bar's end: `+54%`, or `no figure`.
    pub value_label: String,
    /// Drawn right-aligned in a column at the chart's right edge: `$50,170 (2014)`.
    pub detail: Option<String>,
    /// Not from a BLS file (a secondary source or the article): drawn outline-only, so standing
    /// is told by shape as well as by the HTML legend.
    pub outlined: bool,
    /// The reader's current choice: drawn in the estimate colour, its labels bold.
    pub selected: bool,
    /// The mark's value: `$59,740 a year (+54% vs national $38,860)`.
    pub mark_value: String,
    /// The mark's period and source: `2014, as reported by the article, not found in a BLS file`.
    pub source: String,
    pub select: Option<Select>,
}

impl RankedBar {
    /// The row's mark over the box from `(x0, y0)` to `(x1, y1)`.
    pub fn mark(&self, (x0, y0): (f64, f64), (x1, y1): (f64, f64)) -> Mark {
        Mark {
            x0,
            y0,
            x1,
            y1,
            label: self.name.clone(),
            value: self.mark_value.clone(),
            source: self.source.clone(),
            select: self.select,
        }
    }
}

/// Axis ticks at one step, formatted.
#[derive(Clone, Debug, PartialEq)]
pub struct TickSet {
    /// Percentage points between ticks.
    pub step: f64,
    /// Each tick's value in percent and its label (`+20%`).
    pub ticks: Vec<(f64, String)>,
}

/// Rows in ranked order and the percent axis they share, ready to draw without a formatter.
#[derive(Clone, Debug, PartialEq)]
pub struct RankedBars {
    pub bars: Vec<RankedBar>,
    /// Percent domain: every bar, and always 0.
    pub domain: (f64, f64),
    /// Tick sets from finest to coarsest: how much room there is is only known when drawing, so
    /// the drawing takes the finest whose labels do not touch.
    pub tick_sets: Vec<TickSet>,
}

/// Steps tried for the percent axis, in percentage points.
const TICK_STEPS: [f64; 13] = [
    5.0, 10.0, 20.0, 25.0, 50.0, 100.0, 200.0, 250.0, 500.0, 1_000.0, 2_000.0, 5_000.0, 10_000.0,
];
/// A tick set with more ticks than this is never chosen anyway; skip formatting it.
const MAX_TICKS: f64 = 24.0;

impl RankedBars {
    /// Bars in the given order, with a domain and ticks that hold them all.
    pub fn new(bars: Vec<RankedBar>, lang: Lang, fmt: &dyn NumberFormat) -> Self {
        let (lo, hi) = bars
            .iter()
            .filter_map(|b| b.percent)
            .filter(|p| p.is_finite())
            .fold((0.0_f64, 0.0_f64), |(lo, hi), p| (lo.min(p), hi.max(p)));
        // A domain of width zero (every figure equals the national mean) still needs a scale.
        let domain = if hi - lo < 1.0 {
            (lo, lo + 1.0)
        } else {
            (lo, hi)
        };
        let span = domain.1 - domain.0;
        let tick_sets = TICK_STEPS
            .iter()
            .filter(|step| span / **step <= MAX_TICKS)
            .map(|&step| {
                let first = (domain.0 / step).ceil() as i64;
                let last = (domain.1 / step).floor() as i64;
                TickSet {
                    step,
                    ticks: (first..=last)
                        .map(|i| {
                            let value = i as f64 * step;
                            (value, signed_percent(value, lang, fmt))
                        })
                        .collect(),
                }
            })
            .collect();
        RankedBars {
            bars,
            domain,
            tick_sets,
        }
    }
}

/// A whole-percent difference with its sign: `+54%`, `−5%`, and `0%` (never `−0%`) for a
/// difference that rounds to nothing. The minus comes from the formatter's negatives.
pub fn signed_percent(percent: f64, lang: Lang, fmt: &dyn NumberFormat) -> String {
    let whole = percent.round();
    if whole == 0.0 {
        return fmt.percent(0.0, 0);
    }
    let text = fmt.percent(whole, 0);
    if whole > 0.0 {
        lang.fill(Msg::ChartBarsAbove, &[&text])
    } else {
        text
    }
}

/// Highest first; rows without a figure last, in their given order.
pub fn rank_order(a: Option<f64>, b: Option<f64>) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) => b.total_cmp(&a),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// A place or an industry to compare, with its figure.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub name: String,
    pub select: Select,
    /// `None` when no usable figure is published.
    pub figure: Option<Compared>,
}

impl Entry {
    /// A place's row: its BLS title, choosing it selects it, its annual mean against the nation's.
    pub fn for_place(career: &Career, place: &Place, cell: &Cell, lang: Lang) -> Entry {
        Entry {
            name: place.title.clone(),
            select: Select::Place(place.code),
            figure: Compared::with_nation(career, cell, lang),
        }
    }
}

/// An annual mean and the national annual mean of the same release it is compared with.
#[derive(Clone, Debug, PartialEq)]
pub struct Compared {
    pub annual_mean: f64,
    pub national_mean: f64,
    /// The release of both, e.g. `May 2025`.
    pub period: String,
    pub source: &'static Source,
}

impl Compared {
    /// A cell's annual mean against the nation's, both from the career's release; `None` where
    /// either is not published (a marker is never compared as a number).
    pub fn with_nation(career: &Career, cell: &Cell, lang: Lang) -> Option<Compared> {
        let national = career.national_cell()?.annual.mean.value()?;
        Some(Compared {
            annual_mean: f64::from(cell.annual.mean.value()?),
            national_mean: f64::from(national),
            period: period(career.pack.release.year, lang),
            source: FIGURES.source(CURRENT_SOURCE)?,
        })
    }

    /// The figure over the national one.
    pub fn ratio(&self) -> f64 {
        self.annual_mean / self.national_mean
    }
}

/// The texts that differ between the states and industries charts.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Wording {
    /// First table column: `State`.
    pub column: Msg,
    /// A column of text at the right edge, from `{0}`, the annual mean; `None` for
    /// none. Kept off the bar's end so long labels do not squeeze the bars on both sides.
    pub detail: Option<Msg>,
    /// Summary from the highest row's `{0}` name, `{1}` percent and `{2}` period and source,
    /// then the lowest row's in `{3}`–`{5}`.
    pub summary: Msg,
}

/// A chart of ranked bars (states, metro areas, industries): the rows with their table, summary
/// and source line. Each such chart is only the choice of its [`Entry`]s and its [`Wording`].
#[derive(Clone, Debug, PartialEq)]
pub struct RankedChart {
    pub bars: RankedBars,
    /// The summary and the table, the current choice highlighted.
    pub words: Words,
    /// Every period and source with its count, and the national means compared against.
    pub source_line: String,
}

impl RankedChart {
    /// Ranks `entries` by their factor (highest first, those without a figure last) and formats
    /// everything shown; the entry whose `select` equals `selected` is highlighted.
    pub fn new(
        entries: Vec<Entry>,
        selected: Option<Select>,
        wording: Wording,
        lang: Lang,
        fmt: &dyn NumberFormat,
    ) -> Self {
        let mut ranked: Vec<(Entry, Option<f64>)> = entries
            .into_iter()
            .map(|entry| {
                let percent = entry
                    .figure
                    .as_ref()
                    .map(|f| (f.ratio() - 1.0) * 100.0)
                    .filter(|p| p.is_finite());
                (entry, percent)
            })
            .collect();
        // Stable, so ties keep the given (alphabetical or published) order.
        crate::order::sort_by(&mut ranked, |a, b| rank_order(a.1, b.1));

        let no_figure = lang.text(Msg::ChartBarsNoFigure);
        let mut bars = Vec::with_capacity(ranked.len());
        let mut rows = Vec::with_capacity(ranked.len());
        for (entry, percent) in &ranked {
            let is_selected = selected == Some(entry.select);
            match (&entry.figure, percent) {
                (Some(f), Some(percent)) => {
                    let pct = signed_percent(*percent, lang, fmt);
                    let money = fmt.money(f.annual_mean);
                    let national = fmt.money(f.national_mean);
                    let source = source_in_sentence(f.source, lang);
                    bars.push(RankedBar {
                        name: entry.name.clone(),
                        percent: Some(*percent),
                        value_label: pct.clone(),
                        detail: wording.detail.map(|msg| lang.fill(msg, &[&money])),
                        outlined: f.source.standing != Standing::Primary,
                        selected: is_selected,
                        mark_value: lang.fill(Msg::ChartBarsMarkValue, &[&money, &pct, &national]),
                        source: lang.fill(Msg::ChartBarsMarkSource, &[&f.period, &source]),
                        select: Some(entry.select),
                    });
                    rows.push(vec![
                        entry.name.to_string(),
                        money,
                        f.period.clone(),
                        lang.fill(Msg::ChartBarsVersusCell, &[&pct, &national, &f.period]),
                        source,
                    ]);
                }
                _ => {
                    bars.push(RankedBar {
                        name: entry.name.clone(),
                        percent: None,
                        value_label: no_figure.to_string(),
                        detail: None,
                        outlined: false,
                        selected: is_selected,
                        mark_value: no_figure.to_string(),
                        source: lang.text(Msg::ChartBarsNoFigureSource).to_string(),
                        select: Some(entry.select),
                    });
                    rows.push(vec![
                        entry.name.to_string(),
                        no_figure.to_string(),
                        String::new(),
                        String::new(),
                        String::new(),
                    ]);
                }
            }
        }

        let join = lang.text(Msg::ChartBarsListJoin);
        let groups = source_groups(&bars, lang, fmt).join(join);
        let highlighted = bars.iter().position(|b| b.selected);
        let with_figure: Vec<usize> = (0..bars.len())
            .filter(|&i| bars[i].percent.is_some())
            .collect();
        let mut summary = match (with_figure.first(), with_figure.last()) {
            (Some(&high), Some(&low)) => {
                let (h, l) = (&bars[high], &bars[low]);
                let main = lang.fill(
                    wording.summary,
                    &[
                        &h.name,
                        &h.value_label,
                        &h.source,
                        &l.name,
                        &l.value_label,
                        &l.source,
                    ],
                );
                let figures = lang.fill(Msg::ChartBarsFigures, &[&groups]);
                lang.fill(Msg::Sentences, &[&main, &figures])
            }
            _ => lang.text(Msg::ChartBarsEmpty).to_string(),
        };
        if let Some(bar) = highlighted.map(|i| &bars[i]) {
            let selected = lang.fill(
                Msg::ChartBarsSelected,
                &[&bar.name, &bar.mark_value, &bar.source],
            );
            summary = lang.fill(Msg::Sentences, &[&summary, &selected]);
        }

        // The national means compared against: one per release.
        let mut nationals: Vec<&Compared> = Vec::new();
        for f in ranked.iter().filter_map(|(e, _)| e.figure.as_ref()) {
            if !nationals.iter().any(|n| n.period == f.period) {
                nationals.push(f);
            }
        }
        let source_line = match nationals.first() {
            Some(first) => lang.fill(
                Msg::ChartBarsSourceLine,
                &[
                    &groups,
                    first.source.short_name,
                    &nationals
                        .iter()
                        .map(|n| {
                            lang.fill(Msg::LabelValue, &[&n.period, &fmt.money(n.national_mean)])
                        })
                        .collect::<Vec<_>>()
                        .join(join),
                ],
            ),
            None => lang.text(Msg::ChartBarsEmpty).to_string(),
        };

        let columns = [
            wording.column,
            Msg::ChartBarsAnnualMean,
            Msg::ChartBarsPeriod,
            Msg::ChartBarsVersusNational,
            Msg::ChartBarsSource,
        ]
        .iter()
        .map(|m| lang.text(*m).to_string())
        .collect();
        RankedChart {
            bars: RankedBars::new(bars, lang, fmt),
            words: Words {
                summary,
                table: DataTable {
                    columns,
                    rows,
                    highlighted,
                },
            },
            source_line,
        }
    }

    /// The rows as drawn, highest first.
    pub fn bars(&self) -> &RankedBars {
        &self.bars
    }

    /// A source line for under the chart.
    pub fn source_line(&self) -> &str {
        &self.source_line
    }
}

impl Chart for RankedChart {
    fn scene(&self, width: f64) -> Scene {
        ranked_scene(&self.bars, width)
    }

    fn words(&self) -> &Words {
        &self.words
    }
}

/// `May 2018, Becker's Hospital Review, secondary source quoting BLS: 47`, one per distinct
/// period and source, most figures first.
fn source_groups(bars: &[RankedBar], lang: Lang, fmt: &dyn NumberFormat) -> Vec<String> {
    let mut groups: Vec<(&str, usize)> = Vec::new();
    for bar in bars.iter().filter(|b| b.percent.is_some()) {
        match groups.iter_mut().find(|(source, _)| *source == bar.source) {
            Some((_, count)) => *count += 1,
            None => groups.push((&bar.source, 1)),
        }
    }
    crate::order::sort_by_key(&mut groups, |(_, count)| std::cmp::Reverse(*count));
    groups
        .into_iter()
        .map(|(source, count)| {
            lang.fill(Msg::ChartBarsCount, &[source, &fmt.number(count as f64, 0)])
        })
        .collect()
}

/// Sizes in CSS pixels; multiplied by the device pixel ratio when drawn.
const PAD: f64 = 8.0;
/// Text size. plotters-canvas sets the canvas font to exactly the size asked (`{size}px`); only
/// plotters' SVG backend divides it by 1.24, which affects the test renders alone.
const FONT: f64 = 12.5;
/// One row when names sit in a column left of the bars.
const ROW: f64 = 18.0;
/// The extra line for the name when names sit above their bars.
const NAME_LINE: f64 = 15.0;
/// Tick labels above the rows.
const HEADER: f64 = 20.0;
const BOTTOM: f64 = 4.0;
/// Space above and below a bar inside its row.
const BAR_INSET: f64 = 3.5;
/// Between the name column and the plot.
const NAME_GAP: f64 = 8.0;
/// Between a bar's end and its label.
const LABEL_GAP: f64 = 4.0;
/// Between the plot and the detail column at the right.
const DETAIL_GAP: f64 = 10.0;
/// Least space between neighbouring tick labels.
const TICK_GAP: f64 = 10.0;
/// Least distance between ticks: closer gridlines would crowd the bars more than they help.
const MIN_TICK_SPACING: f64 = 60.0;
/// The plot never gets narrower than this, even if labels then run past the edge.
const MIN_PLOT: f64 = 40.0;
/// Below this plot width the detail column (dollars and year) is dropped: on a very narrow chart
/// it would crowd out the bars, and the same figures are in every tooltip and the data table.
const MIN_PLOT_WITH_DETAIL: f64 = 150.0;
/// Names move above their bars when a name column would take more of the width than this.
const MAX_NAME_SHARE: f64 = 0.45;
/// Bold text is up to about a tenth wider; every label may become the bold one, and the layout
/// must not shift when the choice changes.
const BOLD_ALLOWANCE: f64 = 1.1;
/// Outline width of a bar drawn outline-only.
const OUTLINE: f64 = 1.5;

/// Where everything goes, in CSS pixels, for one width.
#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    /// Names above their bars rather than in a column at the left.
    pub names_above: bool,
    /// Whether the detail column at the right has room.
    pub show_detail: bool,
    pub row_height: f64,
    /// x of the zero line.
    pub zero: f64,
    /// Pixels per percentage point.
    pub per_point: f64,
    /// Index into the tick sets of the one drawn, if any.
    pub ticks: Option<usize>,
    /// CSS height the chart needs.
    pub height: f64,
}

/// Widest text among `texts` at the chart's font, with room for bold. Widths are estimated from
/// character classes ([`approx_width`]): asking the browser forces a layout per string.
fn widest<'a>(texts: impl Iterator<Item = &'a str>) -> f64 {
    texts
        .map(|t| approx_width(t, FONT) * BOLD_ALLOWANCE)
        .fold(0.0, f64::max)
}

/// Lays `bars` out in a chart `width` CSS pixels wide. Pure, so tests can check it directly.
pub fn layout(bars: &RankedBars, width: f64) -> Layout {
    let name_width = widest(bars.bars.iter().map(|b| b.name.as_str()));
    let inner = (width - 2.0 * PAD).max(0.0);
    let names_above = name_width + NAME_GAP > MAX_NAME_SHARE * inner;
    let plot_left = if names_above {
        PAD
    } else {
        PAD + name_width + NAME_GAP
    };
    let detail_width = widest(bars.bars.iter().filter_map(|b| b.detail.as_deref()));
    let show_detail = detail_width > 0.0
        && width - PAD - detail_width - DETAIL_GAP - plot_left >= MIN_PLOT_WITH_DETAIL;
    let plot_right = if show_detail {
        width - PAD - detail_width - DETAIL_GAP
    } else {
        width - PAD
    };
    // Labels go outside the bar ends: room for the widest on each side that has bars; a row
    // without a figure puts its note right of the zero line.
    let label_room = |negative: bool| {
        let w = widest(
            bars.bars
                .iter()
                .filter(|b| b.percent.is_some_and(|p| p < 0.0) == negative)
                .map(|b| b.value_label.as_str()),
        );
        if w > 0.0 {
            w + LABEL_GAP
        } else {
            0.0
        }
    };
    let (left_room, right_room) = (label_room(true), label_room(false));
    let (lo, hi) = bars.domain;
    let plot = (plot_right - plot_left - left_room - right_room).max(MIN_PLOT);
    let per_point = plot / (hi - lo);
    let zero = plot_left + left_room - lo * per_point;
    let ticks = bars
        .tick_sets
        .iter()
        .position(|set| {
            let label = widest(set.ticks.iter().map(|(_, t)| t.as_str())) / BOLD_ALLOWANCE;
            set.step * per_point >= (label + TICK_GAP).max(MIN_TICK_SPACING)
        })
        .or_else(|| bars.tick_sets.len().checked_sub(1));
    let row_height = if names_above { ROW + NAME_LINE } else { ROW };
    Layout {
        names_above,
        show_detail,
        row_height,
        zero,
        per_point,
        ticks,
        height: HEADER + row_height * bars.bars.len() as f64 + BOTTOM,
    }
}

/// The font of every text in the chart; names, values and details differ only in colour,
/// weight and anchor.
const TEXT: Font = Font::new(FONT, Role::Ink, Align::Left, Baseline::Middle);

/// One bar from `x0` to `x1`: filled for a BLS figure, outline-only for one from another source
/// (standing told by shape as well as colour), in the estimate colour for the reader's choice.
/// Shared with the outlook chart.
pub fn bar(
    scene: &mut Scene,
    (x0, y0): (f64, f64),
    (x1, y1): (f64, f64),
    outlined: bool,
    selected: bool,
) {
    let role = if selected { Role::Estimate } else { Role::Bar };
    if outlined {
        let outline = Stroke::solid(role, OUTLINE);
        scene.boxed((x0, y0), (x1, y1), Some(Role::Background), Some(outline));
    } else {
        scene.rect((x0, y0), (x1, y1), role);
    }
}

/// Lays out `bars` `width` CSS pixels wide: a header of percent ticks, then one row per bar with
/// its name, its bar from the zero line and its label at the bar's end. One mark per row,
/// covering the whole row.
pub fn ranked_scene(bars: &RankedBars, width: f64) -> Scene {
    let lay = layout(bars, width);
    let mut scene = Scene::new(width);
    scene.height = lay.height;
    let rows_bottom = HEADER + lay.row_height * bars.bars.len() as f64;
    let x_of = |percent: f64| lay.zero + percent * lay.per_point;
    // Vertical lines run the full height beside a name column, but only through the bar lines
    // when names sit above their bars, so no line crosses a name.
    let spans: Vec<(f64, f64)> = if lay.names_above {
        (0..bars.bars.len())
            .map(|i| {
                let top = HEADER + lay.row_height * i as f64;
                (top + NAME_LINE, top + lay.row_height)
            })
            .collect()
    } else {
        vec![(HEADER - 2.0, rows_bottom)]
    };

    // Header ticks and light gridlines; the zero line is drawn over the bars later.
    if let Some(set) = lay.ticks.and_then(|i| bars.tick_sets.get(i)) {
        let tick_font = TEXT.role(Role::Muted).align(Align::Centre);
        for (value, label) in &set.ticks {
            let x = x_of(*value);
            if *value != 0.0 {
                for (y0, y1) in &spans {
                    scene.segment((x, *y0), (x, *y1), Stroke::solid(Role::Grid, 1.0));
                }
            }
            let centre = keep_inside(x, width_of(label, &tick_font), width, 0.0);
            scene.text((centre, HEADER / 2.0), label.clone(), tick_font);
        }
    }

    let mut marks = Vec::with_capacity(bars.bars.len());
    for (i, row) in bars.bars.iter().enumerate() {
        let top = HEADER + lay.row_height * i as f64;
        let bar_top = top + if lay.names_above { NAME_LINE } else { 0.0 } + BAR_INSET;
        let bar_bottom = top + lay.row_height - BAR_INSET;
        let middle = (bar_top + bar_bottom) / 2.0;
        let name_y = if lay.names_above {
            top + NAME_LINE / 2.0 + 1.0
        } else {
            middle
        };
        let font = if row.selected {
            TEXT.role(Role::Estimate).weight(Weight::Bold)
        } else {
            TEXT
        };
        scene.text((PAD, name_y), row.name.clone(), font);

        match row.percent {
            Some(percent) => {
                // At least 2 px, so a figure equal to the national mean still shows its style.
                let end = x_of(percent);
                let (x0, x1) = if percent < 0.0 {
                    (end.min(lay.zero - 2.0), lay.zero)
                } else {
                    (lay.zero, end.max(lay.zero + 2.0))
                };
                bar(
                    &mut scene,
                    (x0, bar_top),
                    (x1, bar_bottom),
                    row.outlined,
                    row.selected,
                );
                let (x, align) = if percent < 0.0 {
                    (x0 - LABEL_GAP, Align::Right)
                } else {
                    (x1 + LABEL_GAP, Align::Left)
                };
                scene.text((x, middle), row.value_label.clone(), font.align(align));
            }
            None => {
                let role = if row.selected {
                    Role::Estimate
                } else {
                    Role::Muted
                };
                let note = TEXT.role(role).weight(Weight::Italic);
                scene.text(
                    (lay.zero + LABEL_GAP, middle),
                    row.value_label.clone(),
                    note,
                );
            }
        }
        if let Some(detail) = row.detail.as_ref().filter(|_| lay.show_detail) {
            let role = if row.selected {
                Role::Estimate
            } else {
                Role::Muted
            };
            scene.text(
                (width - PAD, middle),
                detail.clone(),
                font.role(role).align(Align::Right),
            );
        }

        marks.push(row.mark((0.0, top), (width, top + lay.row_height)));
    }

    for (y0, y1) in &spans {
        scene.segment(
            (lay.zero, *y0),
            (lay.zero, *y1),
            Stroke::solid(Role::Muted, 1.0),
        );
    }
    scene.marks = marks;
    scene
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::EnUs;

    fn bar(name: &str, percent: Option<f64>, label: &str) -> RankedBar {
        RankedBar {
            name: name.to_string(),
            percent,
            value_label: label.to_string(),
            detail: None,
            outlined: false,
            selected: false,
            mark_value: String::new(),
            source: String::new(),
            select: None,
        }
    }

    #[test]
    fn percent_differences_carry_their_sign_and_never_a_negative_zero() {
        let p = |v: f64| signed_percent(v, Lang::En, &EnUs);
        assert_eq!(p(53.7), "+54%");
        assert_eq!(p(-4.6), "−5%");
        assert_eq!(p(-0.07), "0%");
        assert_eq!(p(0.4), "0%");
    }

    #[test]
    fn ranking_puts_the_highest_first_and_missing_figures_last() {
        let mut v = [Some(1.0), None, Some(-3.0), Some(7.0), None];
        crate::order::sort_by(&mut v, |a, b| rank_order(*a, *b));
        assert_eq!(v, [Some(7.0), Some(1.0), Some(-3.0), None, None]);
    }

    #[test]
    fn the_domain_holds_zero_and_every_bar_and_ticks_are_round() {
        let bars = RankedBars::new(
            vec![bar("a", Some(77.8), "+78%"), bar("b", Some(-21.4), "−21%")],
            Lang::En,
            &EnUs,
        );
        assert_eq!(bars.domain, (-21.4, 77.8));
        let twenty = bars.tick_sets.iter().find(|s| s.step == 20.0);
        let labels: Vec<&str> = twenty
            .map(|s| s.ticks.iter().map(|(_, t)| t.as_str()).collect())
            .unwrap_or_default();
        assert_eq!(labels, ["−20%", "0%", "+20%", "+40%", "+60%"]);
        let all_positive = RankedBars::new(vec![bar("a", Some(5.0), "+5%")], Lang::En, &EnUs);
        assert_eq!(all_positive.domain, (0.0, 5.0));
        let flat = RankedBars::new(vec![bar("a", Some(0.0), "0%")], Lang::En, &EnUs);
        assert_eq!(flat.domain, (0.0, 1.0));
    }

    #[test]
    fn long_names_move_above_their_bars_and_ticks_thin_out_when_narrow() {
        let bars = RankedBars::new(
            vec![
                bar("District of Columbia", Some(77.8), "+78%"),
                bar("Arkansas", Some(-21.4), "−21%"),
            ],
            Lang::En,
            &EnUs,
        );
        let wide = layout(&bars, 640.0);
        let narrow = layout(&bars, 390.0);
        let tiny = layout(&bars, 240.0);
        assert!(!wide.names_above && !narrow.names_above && tiny.names_above);
        assert!(tiny.row_height > narrow.row_height);
        let step = |l: &Layout| l.ticks.map_or(0.0, |i| bars.tick_sets[i].step);
        assert!(step(&narrow) >= step(&wide), "{narrow:?} {wide:?}");
        // Bars and their labels stay inside the chart.
        for l in [&wide, &narrow] {
            let width = if l == &wide { 640.0 } else { 390.0 };
            let right = l.zero + 77.8 * l.per_point + LABEL_GAP + approx_width("+78%", FONT);
            let left = l.zero - 21.4 * l.per_point - LABEL_GAP - approx_width("−21%", FONT);
            assert!(right <= width - PAD + 0.5, "{right} {l:?}");
            assert!(
                left >= PAD + approx_width("District of Columbia", FONT),
                "{left}"
            );
        }
    }
}
