//! Chart 5: the job outlook — the Occupational Outlook Handbook's national ten-year growth
//! projections edition by edition, and the article's fastest-growing states next to the national
//! figure for the same period, as horizontal bars on one shared percentage axis.

use super::palette::Palette;
use super::scale::{nice_domain, LinearScale};
use super::text::plotters_width;
use super::{Chart, DataTable, Drawn, Mark, Select};
use crate::career::state_by_usps;
use crate::explanation::{source_in_sentence, standing_label};
use crate::figures::{Figures, Projection, Source, Standing};
use crate::format::NumberFormat;
use crate::messages::{Lang, Msg};
use career_pack::AreaCode;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// The axis domain is rounded out to 5 points; ticks are labelled every 10.
const DOMAIN_STEP: f64 = 5.0;
const TICK_STEP: f64 = 10.0;

/// One bar: a projection for the nation or a state, with every text already formatted.
#[derive(Clone, Debug, PartialEq)]
pub struct OutlookBar {
    /// First line of the row label: the period (`2010–2020`) or the state (`Utah`).
    pub name: String,
    /// Second line of the row label, if any: the Handbook edition (`2012-13 edition`).
    pub detail: Option<String>,
    /// Projected change in employment, percent.
    pub percent: f64,
    /// Drawn at the end of the bar: `+22%`.
    pub value_text: String,
    /// Not read from a BLS file, so drawn outline-only (the palette's rule for standing).
    pub outlined: bool,
    /// The reader's current state: drawn in the estimate colour.
    pub selected: bool,
    /// Tooltip texts: `Utah, 2012–2022`, `+32.9%`, source and period.
    pub mark_label: String,
    pub mark_value: String,
    pub source: String,
    pub select: Option<Select>,
    /// The bar's row in the data table.
    pub cells: [String; 5],
}

/// The national figure for the states' projection period, drawn as a line through their bars.
#[derive(Clone, Debug, PartialEq)]
pub struct Reference {
    pub percent: f64,
    /// `United States, 2012–2022: +22%`.
    pub label: String,
}

/// What the outlook chart shows, with every text already formatted (so drawing needs no locale).
#[derive(Clone, Debug, PartialEq)]
pub struct OutlookChart {
    pub national_heading: String,
    /// Says why some national bars are outlined, when any are.
    pub national_note: Option<String>,
    /// One bar per Handbook edition, oldest first.
    pub national: Vec<OutlookBar>,
    pub states_heading: String,
    /// Says why the state bars are outlined, when they are.
    pub states_note: Option<String>,
    pub states: Vec<OutlookBar>,
    pub reference: Option<Reference>,
    /// Axis domain in percent and its labelled ticks.
    pub domain: (f64, f64),
    pub ticks: Vec<(f64, String)>,
    pub summary: String,
    pub columns: [String; 5],
}

impl OutlookChart {
    /// The national projections and the article's state projections in `figures`, with
    /// `selected_state` (a USPS code) highlighted if it is one of the states.
    pub fn new(
        figures: &Figures,
        selected_state: Option<&'static str>,
        lang: Lang,
        fmt: &dyn NumberFormat,
    ) -> Self {
        let national: Vec<OutlookBar> = figures
            .national_projections
            .iter()
            .map(|p| national_bar(p, lang, fmt))
            .collect();
        let states: Vec<OutlookBar> = figures
            .state_projections
            .iter()
            .map(|p| state_bar(p, figures, selected_state, lang, fmt))
            .collect();
        let states_period = figures.state_projections.first().map(|p| p.period);
        // Only a national figure for the very same period is a fair yardstick for the states.
        let reference_projection = states_period.and_then(|period| {
            figures
                .national_projections
                .iter()
                .find(|p| p.period == period)
        });
        let reference = reference_projection.map(|p| Reference {
            percent: p.percent_change,
            label: lang.fill(
                Msg::OutlookReference,
                &[
                    &period_text(p.period),
                    &growth_text(p.percent_change, lang, fmt),
                ],
            ),
        });

        let mut values = vec![0.0];
        values.extend(national.iter().chain(&states).map(|b| b.percent));
        let (domain, ticks) = nice_domain(&values, DOMAIN_STEP);
        let ticks = ticks
            .into_iter()
            .filter(|t| (t / TICK_STEP).fract().abs() < 1e-9)
            .map(|t| (t, fmt.percent(t, 0)))
            .collect();

        let outlined_note = |projections: &[Projection]| {
            let outlined: Vec<&Source> = projections
                .iter()
                .map(|p| p.source)
                .filter(|s| s.standing != Standing::Primary)
                .fold(Vec::new(), |mut seen, s| {
                    if !seen.iter().any(|t: &&Source| t.id == s.id) {
                        seen.push(s);
                    }
                    seen
                });
            let article = outlined.iter().find(|s| s.standing == Standing::Article);
            match (article, outlined.is_empty()) {
                (Some(source), _) => Some(lang.fill(Msg::OutlookStatesNote, &[source.short_name])),
                (None, false) => {
                    let names: Vec<String> = outlined
                        .iter()
                        .map(|s| source_in_sentence(s, lang))
                        .collect();
                    Some(lang.fill(Msg::OutlookOutlinedNote, &[&names.join("; ")]))
                }
                (None, true) => None,
            }
        };

        let summary = summary(figures, reference_projection, lang, fmt);
        OutlookChart {
            national_heading: lang.text(Msg::OutlookNationalHeading).to_string(),
            national_note: outlined_note(figures.national_projections),
            states_heading: lang.fill(
                Msg::OutlookStatesHeading,
                &[&states_period.map(period_text).unwrap_or_default()],
            ),
            states_note: outlined_note(figures.state_projections),
            reference,
            domain,
            ticks,
            summary,
            columns: [
                Msg::OutlookColProjection,
                Msg::OutlookColArea,
                Msg::OutlookColChange,
                Msg::OutlookColBase,
                Msg::OutlookColSource,
            ]
            .map(|m| lang.text(m).to_string()),
            national,
            states,
        }
    }

    /// Every bar in mark and table order: the editions, then the states.
    pub fn bars(&self) -> impl Iterator<Item = &OutlookBar> {
        self.national.iter().chain(&self.states)
    }
}

/// `2012-2022` as printed: `2012–2022`.
fn period_text(period: &str) -> String {
    period.replace('-', "–")
}

/// The first and last year of a `2012-2022` period.
fn period_years(period: &str) -> (&str, &str) {
    let mut years = period.split('-');
    let start = years.next().unwrap_or(period);
    (start, years.next().unwrap_or(start))
}

/// Whole percentages as published (`22%`), tenths where the figure has them (`32.9%`).
fn percent_text(percent: f64, fmt: &dyn NumberFormat) -> String {
    let decimals = if (percent - percent.round()).abs() < 1e-9 {
        0
    } else {
        1
    };
    fmt.percent(percent, decimals)
}

/// A change with its sign: `+22%`, `−3%`.
fn growth_text(percent: f64, lang: Lang, fmt: &dyn NumberFormat) -> String {
    let text = percent_text(percent, fmt);
    if percent >= 0.0 {
        lang.fill(Msg::OutlookGrowth, &[&text])
    } else {
        text
    }
}

/// The Handbook edition in a source's short name (`BLS Occupational Outlook Handbook 2014-15`
/// gives `2014-15`), if its last word is one.
fn edition(source: &Source) -> Option<&'static str> {
    let last = source.short_name.rsplit(' ').next()?;
    let looks_like_edition = last.contains('-')
        && last.chars().all(|c| c.is_ascii_digit() || c == '-')
        && last.chars().any(|c| c.is_ascii_digit());
    looks_like_edition.then_some(last)
}

/// A source for a table cell or tooltip: its short name, plus its standing when it is not a BLS
/// file (the article's state figures keep "citing Projections Central" this way).
fn named_source(source: &Source, lang: Lang) -> String {
    match source.standing {
        Standing::Primary => source.short_name.to_string(),
        _ => lang.fill(
            Msg::OutlookSourceStanding,
            &[source.short_name, standing_label(source, lang)],
        ),
    }
}

/// The tooltip value: the change, with the base employment and numeric change when published.
fn mark_value(p: &Projection, lang: Lang, fmt: &dyn NumberFormat) -> String {
    let growth = growth_text(p.percent_change, lang, fmt);
    let (start, end) = period_years(p.period);
    match (p.base_employment, p.numeric_change) {
        (Some(base), Some(change)) => lang.fill(
            Msg::OutlookValueBaseChange,
            &[
                &growth,
                &fmt.number(f64::from(base), 0),
                start,
                &lang.fill(Msg::OutlookGrowth, &[&fmt.number(f64::from(change), 0)]),
                end,
            ],
        ),
        (Some(base), None) => lang.fill(
            Msg::OutlookValueBase,
            &[&growth, &fmt.number(f64::from(base), 0), start],
        ),
        _ => growth,
    }
}

/// The table row: projection period, area, change, base employment, source.
fn cells(p: &Projection, area: &str, lang: Lang, fmt: &dyn NumberFormat) -> [String; 5] {
    let growth = growth_text(p.percent_change, lang, fmt);
    let change = match p.numeric_change {
        Some(jobs) => lang.fill(
            Msg::OutlookChangeJobs,
            &[
                &growth,
                &lang.fill(Msg::OutlookGrowth, &[&fmt.number(f64::from(jobs), 0)]),
            ],
        ),
        None => growth,
    };
    let base = match p.base_employment {
        Some(jobs) => lang.fill(
            Msg::OutlookBaseCell,
            &[&fmt.number(f64::from(jobs), 0), period_years(p.period).0],
        ),
        None => lang.text(Msg::OutlookNotGiven).to_string(),
    };
    [
        period_text(p.period),
        area.to_string(),
        change,
        base,
        named_source(p.source, lang),
    ]
}

fn national_bar(p: &Projection, lang: Lang, fmt: &dyn NumberFormat) -> OutlookBar {
    let period = period_text(p.period);
    let edition = edition(p.source);
    OutlookBar {
        detail: edition.map(|e| lang.fill(Msg::OutlookEdition, &[e])),
        mark_label: match edition {
            Some(e) => lang.fill(Msg::OutlookNationalMark, &[&period, e]),
            None => lang.fill(Msg::OutlookStateMark, &[&period, p.source.short_name]),
        },
        name: period.clone(),
        percent: p.percent_change,
        value_text: growth_text(p.percent_change, lang, fmt),
        outlined: p.source.standing != Standing::Primary,
        selected: false,
        mark_value: mark_value(p, lang, fmt),
        source: lang.fill(
            Msg::OutlookMarkSource,
            &[&named_source(p.source, lang), &period],
        ),
        select: None,
        cells: cells(p, lang.text(Msg::OutlookUnitedStates), lang, fmt),
    }
}

fn state_bar(
    p: &'static Projection,
    figures: &Figures,
    selected_state: Option<&'static str>,
    lang: Lang,
    fmt: &dyn NumberFormat,
) -> OutlookBar {
    let period = period_text(p.period);
    let name = figures.area(p.area).map_or(p.area, |a| a.name);
    OutlookBar {
        name: name.to_string(),
        detail: None,
        percent: p.percent_change,
        value_text: growth_text(p.percent_change, lang, fmt),
        outlined: p.source.standing != Standing::Primary,
        selected: selected_state == Some(p.area),
        mark_label: lang.fill(Msg::OutlookStateMark, &[name, &period]),
        mark_value: mark_value(p, lang, fmt),
        source: lang.fill(
            Msg::OutlookMarkSource,
            &[&named_source(p.source, lang), &period],
        ),
        select: state_by_usps(p.area).map(|s| Select::Place(AreaCode::state(s.fips))),
        cells: cells(p, name, lang, fmt),
    }
}

/// `a`, `a and b`, `a, b and c`.
fn join_list(items: &[String], lang: Lang) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => lang.fill(Msg::OutlookListAnd, &[&init.join(", "), last]),
    }
}

/// One sentence: the editions' projections in order (saying "fell" only if the latest is below
/// the first), then the article's states against the national figure for their period.
fn summary(
    figures: &Figures,
    reference: Option<&Projection>,
    lang: Lang,
    fmt: &dyn NumberFormat,
) -> String {
    let national = figures.national_projections;
    let editions: Vec<String> = national
        .iter()
        .map(|p| {
            lang.fill(
                Msg::OutlookListItem,
                &[&percent_text(p.percent_change, fmt), &period_text(p.period)],
            )
        })
        .collect();
    let fell = match (national.first(), national.last()) {
        (Some(first), Some(last)) => last.percent_change < first.percent_change,
        _ => false,
    };
    let mut text = lang.fill(
        if fell {
            Msg::OutlookSummaryFell
        } else {
            Msg::OutlookSummaryEditions
        },
        &[&join_list(&editions, lang)],
    );
    if let (Some(reference), false) = (reference, figures.state_projections.is_empty()) {
        let states: Vec<String> = figures
            .state_projections
            .iter()
            .map(|p| {
                let name = figures.area(p.area).map_or(p.area, |a| a.name);
                lang.fill(
                    Msg::OutlookStateItem,
                    &[name, &percent_text(p.percent_change, fmt)],
                )
            })
            .collect();
        text.push_str(&lang.fill(
            Msg::OutlookSummaryStates,
            &[
                &period_text(reference.period),
                &join_list(&states, lang),
                &percent_text(reference.percent_change, fmt),
            ],
        ));
    }
    text.push('.');
    text
}

impl Chart for OutlookChart {
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
            rows: self.bars().map(|b| b.cells.to_vec()).collect(),
            highlighted: self
                .states
                .iter()
                .position(|b| b.selected)
                .map(|i| self.national.len() + i),
        }
    }
}

/// Bold text runs wider than the regular text `plotters_width` estimates.
pub(super) const BOLD_WIDTH: f64 = 1.1;

/// Estimated width in device pixels of `text` at the requested font size, bold or not.
pub(super) fn text_width(text: &str, font: f64, bold: bool) -> f64 {
    plotters_width(text, font) * if bold { BOLD_WIDTH } else { 1.0 }
}

/// Splits `text` into lines no wider than `max_width` device pixels, breaking between words (a
/// word longer than a line gets a line of its own).
pub(super) fn wrap_text(text: &str, font: f64, bold: bool, max_width: f64) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if !line.is_empty() && text_width(&candidate, font, bold) > max_width {
            lines.push(std::mem::replace(&mut line, word.to_string()));
        } else {
            line = candidate;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// Sizes in CSS pixels; multiplied by the device pixel ratio when drawn.
const PAD_X: f64 = 14.0;
/// Label text size in CSS px (the canvas draws exactly this size).
const FONT: f64 = 13.0;
const LINE: f64 = 15.0;
const TOP: f64 = 4.0;
const HEADING_LINE: f64 = 18.0;
const NOTE_LINE: f64 = 16.0;
/// Rows with a two-line label (period and edition) and with one line (a state).
const ROW_TWO_LINES: f64 = 36.0;
const ROW_ONE_LINE: f64 = 30.0;
const BAR: f64 = 18.0;
const OUTLINE: f64 = 2.0;
const LABEL_GAP: f64 = 10.0;
const VALUE_GAP: f64 = 6.0;
const GROUP_GAP: f64 = 16.0;
/// The label column never takes more than this share of the width, so bars stay readable.
const MAX_LABEL_SHARE: f64 = 0.4;

/// Where a bar's row landed, in device pixels.
struct Row<'a> {
    bar: &'a OutlookBar,
    top: f64,
    height: f64,
}

/// Draws the chart onto `area` at `scale` device pixels per CSS pixel: both groups under their
/// headings, the reference line through the states, the axis labels; one mark per bar.
fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &OutlookChart,
    palette: &Palette,
    scale: f64,
) -> Result<Drawn, DrawingAreaErrorKind<DB::ErrorType>> {
    let width = f64::from(area.dim_in_pixel().0);
    let s = |css: f64| css * scale;
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
    let left_top = Pos::new(HPos::Left, VPos::Top);
    let widest = |texts: &mut dyn Iterator<Item = &String>, bold: bool| {
        texts
            .map(|t| text_width(t, s(FONT), bold))
            .fold(0.0, f64::max)
    };
    // Names are measured bold: the selected state's is drawn bold.
    let label_width = widest(&mut chart.bars().map(|b| &b.name), true)
        .max(widest(
            &mut chart.bars().filter_map(|b| b.detail.as_ref()),
            false,
        ))
        .min(width * MAX_LABEL_SHARE);
    let value_width = widest(&mut chart.bars().map(|b| &b.value_text), true);
    let bars_left = s(PAD_X) + label_width + s(LABEL_GAP);
    let bars_right = (width - s(PAD_X) - value_width - s(VALUE_GAP)).max(bars_left + s(40.0));
    let x = LinearScale::new(chart.domain, (bars_left, bars_right));
    let line_width = width - 2.0 * s(PAD_X);

    // Headings and notes, wrapped to the width; returns the y below them.
    let draw_lines = |lines: Vec<String>,
                      y: f64,
                      line: f64,
                      style: &TextStyle|
     -> Result<f64, DrawingAreaErrorKind<DB::ErrorType>> {
        let mut y = y;
        for text in lines {
            area.draw(&Text::new(text, at(s(PAD_X), y), style.clone()))?;
            y += s(line);
        }
        Ok(y)
    };
    let heading = |text: &str,
                   note: Option<&String>,
                   y: f64|
     -> Result<f64, DrawingAreaErrorKind<DB::ErrorType>> {
        let style = font(palette.ink, left_top, true);
        let y = draw_lines(
            wrap_text(text, s(FONT), true, line_width),
            y,
            HEADING_LINE,
            &style,
        )?;
        let y = match note {
            Some(note) => {
                let style = font(palette.muted, left_top, false);
                let lines = wrap_text(note, s(FONT), false, line_width);
                draw_lines(lines, y, NOTE_LINE, &style)?
            }
            None => y,
        };
        Ok(y + s(4.0))
    };
    let y = heading(
        &chart.national_heading,
        chart.national_note.as_ref(),
        s(TOP),
    )?;
    let (national, y) = layout(&chart.national, y, scale);
    draw_group(area, &national, &x, chart, palette, scale)?;
    let y = heading(
        &chart.states_heading,
        chart.states_note.as_ref(),
        y + s(GROUP_GAP),
    )?;
    let (states, mut y) = layout(&chart.states, y, scale);
    draw_group(area, &states, &x, chart, palette, scale)?;

    // The national figure for the states' period: a dashed line through their bars, labelled
    // below them, so the states are compared within the same projection period.
    if let (Some(reference), Some(first), Some(last)) =
        (&chart.reference, states.first(), states.last())
    {
        let px = x.px(reference.percent);
        let bottom = last.top + last.height;
        area.draw(&plotters::element::DashedPathElement::new(
            [at(px, first.top), at(px, bottom)],
            s(4.0).round() as i32,
            s(3.0).round() as i32,
            palette.median.stroke_width(s(2.0).round() as u32),
        ))?;
        let style = font(palette.median, Pos::new(HPos::Center, VPos::Top), false);
        let half = text_width(&reference.label, s(FONT), false) / 2.0;
        let centre = px.clamp(
            s(PAD_X) + half,
            (width - s(PAD_X) - half).max(s(PAD_X) + half),
        );
        area.draw(&Text::new(
            reference.label.clone(),
            at(centre, bottom + s(4.0)),
            style,
        ))?;
        y = bottom + s(4.0) + s(LINE) + s(10.0);
    }

    // Axis labels along the bottom; the gridlines were drawn with each group.
    let y = y + s(4.0);
    for (tick, text) in &chart.ticks {
        area.draw(&Text::new(
            text.clone(),
            at(x.px(*tick), y),
            font(palette.muted, Pos::new(HPos::Center, VPos::Top), false),
        ))?;
    }
    let height = y + s(LINE) + s(4.0);

    // One mark per bar, across its whole row (label, bar and value) so it is easy to hit.
    let css = |device: f64| device / scale;
    let marks = national
        .iter()
        .chain(&states)
        .map(|row| Mark {
            x0: PAD_X,
            x1: css(x.px(row.bar.percent.max(0.0)) + s(VALUE_GAP) + value_width),
            y0: css(row.top),
            y1: css(row.top + row.height),
            label: row.bar.mark_label.clone(),
            value: row.bar.mark_value.clone(),
            source: row.bar.source.clone(),
            select: row.bar.select,
        })
        .collect();
    Ok(Drawn {
        height: css(height),
        marks,
    })
}

/// Places a group's rows from `y` down (device pixels); returns them and the y below them.
fn layout(bars: &[OutlookBar], y: f64, scale: f64) -> (Vec<Row<'_>>, f64) {
    let mut y = y;
    let rows = bars
        .iter()
        .map(|bar| {
            let css = if bar.detail.is_some() {
                ROW_TWO_LINES
            } else {
                ROW_ONE_LINE
            };
            let row = Row {
                bar,
                top: y,
                height: css * scale,
            };
            y += row.height;
            row
        })
        .collect();
    (rows, y)
}

/// Draws one group's gridlines, bars, row labels and values.
fn draw_group<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    rows: &[Row],
    x: &LinearScale,
    chart: &OutlookChart,
    palette: &Palette,
    scale: f64,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let (Some(first), Some(last)) = (rows.first(), rows.last()) else {
        return Ok(());
    };
    let s = |css: f64| css * scale;
    let at = |px: f64, py: f64| (px.round() as i32, py.round() as i32);
    let thin = scale.max(1.0) as u32;
    let (top, bottom) = (first.top, last.top + last.height);
    for (tick, _) in &chart.ticks {
        // The zero line is the bars' baseline: darker than the other gridlines.
        let colour = if *tick == 0.0 {
            palette.muted
        } else {
            palette.grid
        };
        area.draw(&PathElement::new(
            [at(x.px(*tick), top), at(x.px(*tick), bottom)],
            colour.stroke_width(thin),
        ))?;
    }
    let font = |color: RGBColor, bold: bool| {
        let weight = if bold {
            FontStyle::Bold
        } else {
            FontStyle::Normal
        };
        (FontFamily::SansSerif, s(FONT), weight)
            .into_font()
            .color(&color)
            .pos(Pos::new(HPos::Left, VPos::Center))
    };
    for row in rows {
        let bar = row.bar;
        let colour = if bar.selected {
            palette.estimate
        } else {
            palette.bar
        };
        let centre = row.top + row.height / 2.0;
        let (x0, x1) = (x.px(0.0), x.px(bar.percent));
        let (x0, x1) = (x0.min(x1), x0.max(x1));
        let (y0, y1) = (centre - s(BAR) / 2.0, centre + s(BAR) / 2.0);
        if bar.outlined {
            // Inset by half the stroke so the outline covers the same box a filled bar would.
            let half = s(OUTLINE) / 2.0;
            area.draw(&Rectangle::new(
                [at(x0 + half, y0 + half), at(x1 - half, y1 - half)],
                colour.stroke_width(s(OUTLINE).round() as u32),
            ))?;
        } else {
            area.draw(&Rectangle::new([at(x0, y0), at(x1, y1)], colour.filled()))?;
        }
        let (name_colour, value_colour) = if bar.selected {
            (palette.estimate, palette.estimate)
        } else {
            (palette.ink, palette.ink)
        };
        match &bar.detail {
            Some(detail) => {
                area.draw(&Text::new(
                    bar.name.clone(),
                    at(s(PAD_X), centre - s(LINE) / 2.0),
                    font(name_colour, bar.selected),
                ))?;
                area.draw(&Text::new(
                    detail.clone(),
                    at(s(PAD_X), centre + s(LINE) / 2.0),
                    font(palette.muted, false),
                ))?;
            }
            None => area.draw(&Text::new(
                bar.name.clone(),
                at(s(PAD_X), centre),
                font(name_colour, bar.selected),
            ))?,
        }
        area.draw(&Text::new(
            bar.value_text.clone(),
            at(x1 + s(VALUE_GAP), centre),
            font(value_colour, bar.selected),
        ))?;
    }
    Ok(())
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
    const BAR_COLOUR: &str = "2B7BBA";

    fn model(selected: Option<&'static str>) -> OutlookChart {
        OutlookChart::new(&FIGURES, selected, Lang::En, &EnUs)
    }

    /// Every `<rect>` as (fill, stroke), upper case, `NONE` when absent.
    fn rects(svg: &str) -> Vec<(String, String)> {
        let attr = |tag: &str, name: &str| {
            tag.split_once(&format!("{name}=\""))
                .and_then(|(_, rest)| rest.split_once('"'))
                .map_or("NONE".to_string(), |(v, _)| {
                    v.trim_start_matches('#').to_uppercase()
                })
        };
        svg.split("<rect")
            .skip(1)
            .map(|t| t.split_once("/>").map_or(t, |(tag, _)| tag))
            .map(|tag| (attr(tag, "fill"), attr(tag, "stroke")))
            .collect()
    }

    #[test]
    fn four_edition_bars_and_three_state_bars_with_their_values() {
        let m = model(None);
        let national: Vec<(&str, &str)> = m
            .national
            .iter()
            .map(|b| (b.name.as_str(), b.value_text.as_str()))
            .collect();
        assert_eq!(
            national,
            [
                ("2010–2020", "+21%"),
                ("2012–2022", "+22%"),
                ("2014–2024", "+15%"),
                ("2018–2028", "+11%")
            ]
        );
        let details: Vec<&str> = m
            .national
            .iter()
            .filter_map(|b| b.detail.as_deref())
            .collect();
        assert_eq!(
            details,
            [
                "2012-13 edition",
                "2014-15 edition",
                "2016-17 edition",
                "2019-20 edition"
            ]
        );
        let states: Vec<(&str, &str)> = m
            .states
            .iter()
            .map(|b| (b.name.as_str(), b.value_text.as_str()))
            .collect();
        assert_eq!(
            states,
            [
                ("Utah", "+32.9%"),
                ("Texas", "+29.6%"),
                ("Louisiana", "+28.8%")
            ]
        );
        assert_eq!(m.states_heading, "Fastest-growing states, 2012–2022");
        assert_eq!(m.domain, (0.0, 35.0));
    }

    #[test]
    fn svg_shows_headings_bars_values_and_the_reference() {
        let (out, drawn) = render_svg(&model(None), 640, 400);
        let texts = texts(&out);
        for text in [
            "United States, by Occupational Outlook Handbook edition",
            "Fastest-growing states, 2012–2022",
            "2010–2020",
            "2012-13 edition",
            "+21%",
            "+22%",
            "+15%",
            "+11%",
            "Utah",
            "+32.9%",
            "Texas",
            "+29.6%",
            "Louisiana",
            "+28.8%",
            "United States, 2012–2022: +22%",
            "0%",
            "30%",
        ] {
            assert!(
                texts.iter().any(|t| t == text),
                "{text} missing from {texts:?}"
            );
        }
        assert!(
            texts
                .iter()
                .any(|t| t.contains("as reported by the article")),
            "{texts:?}"
        );
        // The reference line is dashed: several short segments at one x.
        assert!(out.matches("<polyline").count() > 10);
        assert!(
            drawn.height > 300.0 && drawn.height < 460.0,
            "{}",
            drawn.height
        );
    }

    #[test]
    fn only_bls_file_figures_are_filled_and_article_states_are_outlined() {
        let (out, _) = render_svg(&model(None), 640, 400);
        let bars = rects(&out);
        let filled = bars.iter().filter(|(f, _)| f == BAR_COLOUR).count();
        let outlined = bars
            .iter()
            .filter(|(f, s)| f == "NONE" && s == BAR_COLOUR)
            .count();
        // Three editions read from BLS pages; the 2014-15 edition (a secondary copy) and the
        // three states (the article) outlined.
        assert_eq!((filled, outlined), (3, 4), "{bars:?}");
        let m = model(None);
        assert!(m.states.iter().all(|b| b.outlined));
        assert_eq!(
            m.national.iter().map(|b| b.outlined).collect::<Vec<_>>(),
            [false, true, false, false]
        );
        assert!(m
            .national_note
            .as_deref()
            .is_some_and(|n| n.contains("2014-15")));
    }

    #[test]
    fn the_selected_state_alone_is_drawn_in_the_estimate_colour() {
        let (plain, _) = render_svg(&model(None), 640, 400);
        assert!(!plain.to_uppercase().contains(ESTIMATE_COLOUR));
        let (other, _) = render_svg(&model(Some("NY")), 640, 400);
        assert!(!other.to_uppercase().contains(ESTIMATE_COLOUR));

        let (texas, _) = render_svg(&model(Some("TX")), 640, 400);
        let bars = rects(&texas);
        let orange: Vec<_> = bars.iter().filter(|(_, s)| s == ESTIMATE_COLOUR).collect();
        assert_eq!(orange.len(), 1, "{bars:?}");
        assert_eq!(orange[0].0, "NONE", "still outline-only");
        assert_eq!(
            bars.iter().filter(|(_, s)| s == BAR_COLOUR).count(),
            3,
            "Utah, Louisiana and the 2014-15 edition stay blue"
        );
        // The state's name and value are drawn in the estimate colour too.
        assert_eq!(
            fills(&texas)
                .iter()
                .filter(|f| *f == ESTIMATE_COLOUR)
                .count(),
            2
        );
        let m = model(Some("TX"));
        assert_eq!(
            m.bars()
                .filter(|b| b.selected)
                .map(|b| &b.name)
                .collect::<Vec<_>>(),
            ["Texas"]
        );
    }

    #[test]
    fn every_bar_is_a_mark_with_its_source_and_period() {
        let (_, drawn) = render_svg(&model(None), 640, 400);
        let labels: Vec<&str> = drawn.marks.iter().map(|m| m.label.as_str()).collect();
        assert_eq!(
            labels,
            [
                "2010–2020 projection (Handbook 2012-13 edition)",
                "2012–2022 projection (Handbook 2014-15 edition)",
                "2014–2024 projection (Handbook 2016-17 edition)",
                "2018–2028 projection (Handbook 2019-20 edition)",
                "Utah, 2012–2022",
                "Texas, 2012–2022",
                "Louisiana, 2012–2022",
            ]
        );
        let values: Vec<&str> = drawn.marks.iter().map(|m| m.value.as_str()).collect();
        assert_eq!(
            values,
            [
                "+21% (179,500 jobs in 2010, +37,700 by 2020)",
                "+22% (186,300 jobs in 2012)",
                "+15% (188,600 jobs in 2014, +29,000 by 2024)",
                "+11% (215,500 jobs in 2018, +23,100 by 2028)",
                "+32.9%",
                "+29.6%",
                "+28.8%",
            ]
        );
        assert_eq!(
            drawn.marks[0].source,
            "BLS Occupational Outlook Handbook 2012-13, projection period 2010–2020"
        );
        assert!(drawn.marks[1].source.contains("secondary source"));
        for state in &drawn.marks[4..] {
            assert!(state.source.contains("as reported by the article"));
            assert!(state.source.contains("Projections Central"));
            assert!(state.source.contains("2012–2022"));
        }
        let selects: Vec<Option<Select>> = drawn.marks.iter().map(|m| m.select).collect();
        assert_eq!(selects[..4], [None; 4]);
        assert_eq!(
            selects[4..],
            [
                Some(Select::Place(AreaCode::state(49))),
                Some(Select::Place(AreaCode::state(48))),
                Some(Select::Place(AreaCode::state(22)))
            ]
        );
        for (i, m) in drawn.marks.iter().enumerate() {
            let (cx, cy) = ((m.x0 + m.x1) / 2.0, (m.y0 + m.y1) / 2.0);
            assert_eq!(mark_at(&drawn.marks, cx, cy, 4.0), Some(i));
            assert!(m.x0 >= 0.0 && m.x1 <= 640.0, "{m:?}");
        }
    }

    #[test]
    fn narrow_charts_wrap_headings_and_keep_every_mark_inside() {
        let (_, wide) = render_svg(&model(None), 640, 400);
        let (out, narrow) = render_svg(&model(Some("UT")), 390, 600);
        assert!(narrow.height > wide.height);
        assert_eq!(narrow.marks.len(), 7);
        assert!(
            narrow.marks.iter().all(|m| m.x1 <= 390.0 - 8.0),
            "{:?}",
            narrow.marks
        );
        assert!(texts(&out).iter().any(|t| t == "+32.9%"));
    }

    #[test]
    fn the_table_lists_every_projection_with_its_source() {
        let table = model(Some("LA")).table();
        assert_eq!(
            table.columns,
            ["Projection", "Area", "Change", "Base employment", "Source"]
        );
        assert_eq!(
            table.rows[0],
            [
                "2010–2020",
                "United States",
                "+21% (+37,700 jobs)",
                "179,500 in 2010",
                "BLS Occupational Outlook Handbook 2012-13"
            ]
        );
        assert_eq!(table.rows[1][2], "+22%");
        assert_eq!(table.rows[1][3], "186,300 in 2012");
        assert_eq!(
            table.rows[4][..4],
            ["2012–2022", "Utah", "+32.9%", "not given"]
        );
        assert!(table.rows[4][4].contains("as reported by the article"));
        assert_eq!(table.rows.len(), 7);
        assert_eq!(table.highlighted, Some(6));
        assert_eq!(model(None).table().highlighted, None);
    }

    #[test]
    fn the_summary_is_built_from_the_figures() {
        assert_eq!(
            model(None).summary(),
            "Projected job growth fell from one Handbook edition to the next: 21% for \
             2010–2020, 22% for 2012–2022, 15% for 2014–2024 and 11% for 2018–2028; for \
             2012–2022, the article reports the fastest growth in Utah (32.9%), Texas (29.6%) \
             and Louisiana (28.8%), against 22% nationally."
        );
        // Growth that did not fall is not called a fall; no states, no state clause.
        let source = FIGURES.national_projections[0].source;
        let rising: &'static [Projection] = Box::leak(Box::new([
            Projection {
                id: "a",
                area: "US",
                period: "2010-2020",
                percent_change: 10.0,
                base_employment: None,
                numeric_change: None,
                source,
            },
            Projection {
                id: "b",
                area: "US",
                period: "2012-2022",
                percent_change: 12.5,
                base_employment: None,
                numeric_change: None,
                source,
            },
        ]));
        let figures = Figures {
            national_projections: rising,
            state_projections: &[],
            ..FIGURES
        };
        let chart = OutlookChart::new(&figures, None, Lang::En, &EnUs);
        assert_eq!(
            chart.summary(),
            "Projected job growth by Handbook edition: 10% for 2010–2020 and 12.5% for 2012–2022."
        );
        assert_eq!(chart.reference, None);
        assert_eq!(chart.national_note, None);
        let (_, drawn) = render_svg(&chart, 390, 300);
        assert_eq!(drawn.marks.len(), 2);
    }

    #[test]
    fn headings_wrap_between_words_within_the_width() {
        let lines = wrap_text("one two three four five six", 15.5, false, 60.0);
        assert!(lines.len() > 1);
        assert_eq!(lines.join(" "), "one two three four five six");
        assert!(lines.iter().all(|l| text_width(l, 15.5, false) <= 60.0));
        assert_eq!(wrap_text("short", 15.5, true, 600.0), ["short"]);
    }

    #[test]
    #[ignore = "writes SVGs to /tmp for review"]
    fn write_svgs_for_review() {
        for (width, selected) in [(640, Some("TX")), (390, Some("TX"))] {
            let (out, drawn) = render_svg(&model(selected), width, 800);
            let height = drawn.height.ceil();
            let out = out
                .replacen("height=\"800\"", &format!("height=\"{height}\""), 1)
                .replacen(
                    &format!("viewBox=\"0 0 {width} 800\""),
                    &format!("viewBox=\"0 0 {width} {height}\""),
                    1,
                );
            std::fs::write(format!("/tmp/outlook-{width}.svg"), out).expect("written");
        }
    }
}
