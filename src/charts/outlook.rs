//! Chart 5: the job outlook — the Occupational Outlook Handbook's national ten-year growth
//! projections edition by edition, and the article's fastest-growing states next to the national
//! figure for the same period, as horizontal bars on one shared percentage axis.

use super::axes::{value_labels, LINE, TEXT};
use super::bars;
use super::registry::{Built, Context, Depends, Key, Spec};
use super::scale::{nice_domain, LinearScale};
use super::scene::{Align, Baseline, Font, Role, Scene, Stroke, Weight};
use super::text::{self, keep_inside};
use super::ChartRef;
use super::{Chart, DataTable, Mark, Select, Words};
use crate::career::state_by_usps;
use crate::career::state_code;
use crate::explanation::{source_in_sentence, standing_label};
use crate::figures::FIGURES;
use crate::figures::{Figures, Projection, Source, Standing};
use crate::format::NumberFormat;
use crate::messages::{Lang, Msg};
use crate::options::Section;
use career_pack::AreaCode;

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
    pub words: Words,
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
                    Some(lang.fill(
                        Msg::OutlookOutlinedNote,
                        &[&lang.join(&names, Msg::ListSeparatorStrong)],
                    ))
                }
                (None, true) => None,
            }
        };

        let summary = summary(figures, reference_projection, lang, fmt);
        let mut chart = OutlookChart {
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
            words: Words::default(),
            national,
            states,
        };
        let columns = [
            Msg::OutlookColProjection,
            Msg::OutlookColArea,
            Msg::OutlookColChange,
            Msg::OutlookColBase,
            Msg::OutlookColSource,
        ]
        .map(|m| lang.text(m).to_string());
        chart.words = Words {
            summary,
            table: chart.data_table(columns.to_vec()),
        };
        chart
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
        [init @ .., last] => lang.fill(Msg::OutlookListAnd, &[&lang.list(init), last]),
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
    fn scene(&self, width: f64) -> Scene {
        layout(self, width)
    }

    fn words(&self) -> &Words {
        &self.words
    }
}

impl OutlookChart {
    /// The data table, once the model is built.
    fn data_table(&self, columns: Vec<String>) -> DataTable {
        DataTable {
            columns,
            rows: self.bars().map(|b| b.cells.to_vec()).collect(),
            highlighted: self
                .states
                .iter()
                .position(|b| b.selected)
                .map(|i| self.national.len() + i),
        }
    }
}

/// Legend of bars by standing: filled for BLS files, outlined for other sources, and the
/// selected state.
const STANDING_KEYS: [Key; 3] = [
    ("cpw-key-filled", Msg::ChartBarsLegendFilled),
    ("cpw-key-outlined", Msg::ChartBarsLegendOutlined),
    ("cpw-key-selected", Msg::ChartBarsLegendSelected),
];

/// The registry entry: the Handbook editions and BLS Employment Projections for the nation, and
/// the article's fastest-growing states; choosing a state selects it.
pub const SPEC: Spec = Spec {
    section: Section::Outlook,
    selectable: true,
    when_empty: None,
    // The outlook highlights a state only if it is one of its three: other choices leave it as
    // it was, so it is not rebuilt or redrawn for them.
    depends: |cx| {
        Depends::Place(cx.state().map(|p| p.code).filter(|code| {
            article_states(cx)
                .iter()
                .any(|p| state_by_usps(p.area).map(|s| AreaCode::state(s.fips)) == Some(*code))
        }))
    },
    build: |cx| {
        let figures = Figures {
            national_projections: cx.career.outlook_projections(),
            state_projections: article_states(cx),
            ..FIGURES
        };
        let usps = cx
            .state()
            .and_then(|p| state_code(p.state_fips))
            .map(|s| s.usps);
        Some(Built {
            chart: ChartRef::new(OutlookChart::new(&figures, usps, cx.lang, cx.fmt)),
            title: cx.lang.text(Msg::ChartOutlookTitle).to_string(),
            source: sources_line(cx, &figures),
            // Only the article's occupation has outlined bars (the Handbook's and the article's
            // figures) and states to choose; other careers' bars are BLS's projections alone.
            keys: if cx.career.is_article_career() {
                STANDING_KEYS.to_vec()
            } else {
                STANDING_KEYS[..1].to_vec()
            },
        })
    },
};

/// The article's fastest-growing states (29-2071, 2012–22): for the article's occupation only.
fn article_states(cx: &Context) -> &'static [Projection] {
    if cx.career.is_article_career() {
        FIGURES.state_projections
    } else {
        &[]
    }
}

/// The outlook has several sources: each once, in the order the chart shows them, with its
/// period, then the SOC codes they are for.
fn sources_line(cx: &Context, figures: &Figures) -> String {
    let projections = || {
        figures
            .national_projections
            .iter()
            .chain(figures.state_projections)
    };
    let mut sources: Vec<(&'static Source, &'static str)> = Vec::new();
    for p in projections() {
        if !sources.iter().any(|(s, _)| std::ptr::eq(*s, p.source)) {
            sources.push((p.source, p.period));
        }
    }
    let list: Vec<String> = sources
        .iter()
        .map(|(s, period)| {
            let source = source_in_sentence(s, cx.lang);
            cx.lang.fill(Msg::Parenthetical, &[&source, period])
        })
        .collect();
    let mut codes: Vec<&str> = Vec::new();
    for p in projections() {
        let code = if p.source.id == crate::figures::PROJECTIONS_SOURCE {
            cx.career.pack.soc.as_str()
        } else {
            crate::figures::SOC_CODE
        };
        if !codes.contains(&code) {
            codes.push(code);
        }
    }
    cx.lang.fill(
        Msg::SourcesLine,
        &[
            &cx.lang.join(&list, Msg::ListSeparatorStrong),
            &cx.lang.list(&codes),
        ],
    )
}

/// Sizes in CSS pixels.
const PAD_X: f64 = 14.0;
const TOP: f64 = 4.0;
const HEADING_LINE: f64 = 18.0;
const NOTE_LINE: f64 = 16.0;
/// Rows with a two-line label (period and edition) and with one line (a state).
const ROW_TWO_LINES: f64 = 36.0;
const ROW_ONE_LINE: f64 = 30.0;
const BAR: f64 = 18.0;
const LABEL_GAP: f64 = 10.0;
const VALUE_GAP: f64 = 6.0;
const GROUP_GAP: f64 = 16.0;
/// The label column never takes more than this share of the width, so bars stay readable.
const MAX_LABEL_SHARE: f64 = 0.4;

/// Row labels and values: the kit's text, centred vertically on their line.
const ROW_TEXT: Font = TEXT.baseline(Baseline::Middle);

/// Where a bar's row landed, in CSS pixels.
struct Row<'a> {
    bar: &'a OutlookBar,
    top: f64,
    height: f64,
}

/// Width of the widest of `texts` set in `font`.
fn widest<'a>(texts: impl Iterator<Item = &'a String>, font: &Font) -> f64 {
    texts.map(|t| text::width(t, font)).fold(0.0, f64::max)
}

/// Lays the chart out `width` CSS pixels wide: both groups under their headings, the reference
/// line through the states, the axis labels; one mark per bar.
fn layout(chart: &OutlookChart, width: f64) -> Scene {
    let mut scene = Scene::new(width);
    let bold = TEXT.weight(Weight::Bold);
    // Names are measured bold: the selected state's is drawn bold.
    let label_width = widest(chart.bars().map(|b| &b.name), &bold)
        .max(widest(
            chart.bars().filter_map(|b| b.detail.as_ref()),
            &TEXT,
        ))
        .min(width * MAX_LABEL_SHARE);
    let value_width = widest(chart.bars().map(|b| &b.value_text), &bold);
    let bars_left = PAD_X + label_width + LABEL_GAP;
    let bars_right = (width - PAD_X - value_width - VALUE_GAP).max(bars_left + 40.0);
    let x = LinearScale::new(chart.domain, (bars_left, bars_right));

    let y = heading(
        &mut scene,
        &chart.national_heading,
        chart.national_note.as_deref(),
        TOP,
    );
    let (national, y) = place_rows(&chart.national, y);
    group(&mut scene, &national, &x, &chart.ticks);
    let y = heading(
        &mut scene,
        &chart.states_heading,
        chart.states_note.as_deref(),
        y + GROUP_GAP,
    );
    let (states, mut y) = place_rows(&chart.states, y);
    group(&mut scene, &states, &x, &chart.ticks);

    // The national figure for the states' period: a dashed line through their bars, labelled
    // below them, so the states are compared within the same projection period.
    if let (Some(reference), Some(first), Some(last)) =
        (&chart.reference, states.first(), states.last())
    {
        let px = x.px(reference.percent);
        let bottom = last.top + last.height;
        scene.segment(
            (px, first.top),
            (px, bottom),
            Stroke::dashed(Role::Median, 2.0, 4.0, 3.0),
        );
        let font = TEXT.role(Role::Median).align(Align::Centre);
        let centre = keep_inside(px, text::width(&reference.label, &font), width, PAD_X);
        scene.text((centre, bottom + 4.0), reference.label.clone(), font);
        y = bottom + 4.0 + LINE + 10.0;
    }

    // Axis labels along the bottom; the gridlines were drawn with each group.
    let y = y + 4.0;
    value_labels(&mut scene, &x, &chart.ticks, y, PAD_X);
    scene.height = y + LINE + 4.0;

    // One mark per bar, across its whole row (label, bar and value) so it is easy to hit.
    scene.marks = national
        .iter()
        .chain(&states)
        .map(|row| Mark {
            x0: PAD_X,
            x1: x.px(row.bar.percent.max(0.0)) + VALUE_GAP + value_width,
            y0: row.top,
            y1: row.top + row.height,
            label: row.bar.mark_label.clone(),
            value: row.bar.mark_value.clone(),
            source: row.bar.source.clone(),
            select: row.bar.select,
        })
        .collect();
    scene
}

/// A group's heading (bold) and note (muted) from `y` down, each wrapped to the width; returns
/// the y below them.
fn heading(scene: &mut Scene, heading: &str, note: Option<&str>, y: f64) -> f64 {
    let max = scene.width - 2.0 * PAD_X;
    let mut y = y;
    let bold = TEXT.weight(Weight::Bold);
    for line in text::wrap(heading, &bold, max) {
        scene.text((PAD_X, y), line, bold);
        y += HEADING_LINE;
    }
    let muted = TEXT.role(Role::Muted);
    for line in note.map(|n| text::wrap(n, &muted, max)).unwrap_or_default() {
        scene.text((PAD_X, y), line, muted);
        y += NOTE_LINE;
    }
    y + 4.0
}

/// Places a group's rows from `y` down; returns them and the y below them.
fn place_rows(bars: &[OutlookBar], y: f64) -> (Vec<Row<'_>>, f64) {
    let mut y = y;
    let rows = bars
        .iter()
        .map(|bar| {
            let height = if bar.detail.is_some() {
                ROW_TWO_LINES
            } else {
                ROW_ONE_LINE
            };
            let row = Row {
                bar,
                top: y,
                height,
            };
            y += height;
            row
        })
        .collect();
    (rows, y)
}

/// One group's gridlines, bars (the kit's, so ranked bars are drawn one way), row labels and
/// values.
fn group(scene: &mut Scene, rows: &[Row], x: &LinearScale, ticks: &[(f64, String)]) {
    let (Some(first), Some(last)) = (rows.first(), rows.last()) else {
        return;
    };
    let (top, bottom) = (first.top, last.top + last.height);
    for (tick, _) in ticks {
        // The zero line is the bars' baseline: darker than the other gridlines.
        let role = if *tick == 0.0 {
            Role::Muted
        } else {
            Role::Grid
        };
        let px = x.px(*tick);
        scene.segment((px, top), (px, bottom), Stroke::solid(role, 1.0));
    }
    for row in rows {
        let bar = row.bar;
        let centre = row.top + row.height / 2.0;
        let (x0, x1) = (x.px(0.0), x.px(bar.percent));
        let (x0, x1) = (x0.min(x1), x0.max(x1));
        bars::bar(
            scene,
            (x0, centre - BAR / 2.0),
            (x1, centre + BAR / 2.0),
            bar.outlined,
            bar.selected,
        );
        let font = if bar.selected {
            ROW_TEXT.role(Role::Estimate).weight(Weight::Bold)
        } else {
            ROW_TEXT
        };
        match &bar.detail {
            Some(detail) => {
                scene.text((PAD_X, centre - LINE / 2.0), bar.name.clone(), font);
                scene.text(
                    (PAD_X, centre + LINE / 2.0),
                    detail.clone(),
                    ROW_TEXT.role(Role::Muted),
                );
            }
            None => scene.text((PAD_X, centre), bar.name.clone(), font),
        }
        scene.text((x1 + VALUE_GAP, centre), bar.value_text.clone(), font);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::mark_at;
    use crate::charts::scene::Item;
    use crate::figures::FIGURES;
    use crate::format::EnUs;

    fn model(selected: Option<&'static str>) -> OutlookChart {
        OutlookChart::new(&FIGURES, selected, Lang::En, &EnUs)
    }

    /// Every bar drawn outline-only, as the role of its outline.
    fn outlines(scene: &Scene) -> Vec<Role> {
        scene
            .items
            .iter()
            .filter_map(|item| match item {
                Item::Rect {
                    fill: Some(Role::Background),
                    stroke: Some(stroke),
                    ..
                } => Some(stroke.role),
                _ => None,
            })
            .collect()
    }

    /// Every shape and text painted in `role`, filled, stroked or set in it.
    fn painted_in(scene: &Scene, role: Role) -> Vec<&Item> {
        scene
            .items
            .iter()
            .filter(|item| match item {
                Item::Rect { fill, stroke, .. } | Item::Circle { fill, stroke, .. } => {
                    *fill == Some(role) || stroke.is_some_and(|s| s.role == role)
                }
                Item::Line { stroke, .. } => stroke.role == role,
                Item::Area { fill, .. } => *fill == role,
                Item::Text { font, .. } => font.role == role,
            })
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
    fn the_scene_shows_headings_bars_values_and_the_reference() {
        let scene = model(None).scene(640.0);
        let texts: Vec<&str> = scene.texts().map(|(t, _, _)| t).collect();
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
            assert!(texts.contains(&text), "{text} missing from {texts:?}");
        }
        assert!(
            texts
                .iter()
                .any(|t| t.contains("as reported by the article")),
            "{texts:?}"
        );
        // The reference line is dashed, upright through the states' rows, at +22%, labelled
        // below them.
        let dashed: Vec<&Vec<(f64, f64)>> = scene
            .items
            .iter()
            .filter_map(|item| match item {
                Item::Line { points, stroke } if stroke.dash.is_some() => Some(points),
                _ => None,
            })
            .collect();
        assert_eq!(dashed.len(), 1, "{dashed:?}");
        let (top, bottom) = (dashed[0][0], dashed[0][dashed[0].len() - 1]);
        assert_eq!(top.0, bottom.0, "{dashed:?}");
        let rows = |name: &str| {
            scene
                .marks
                .iter()
                .find(|m| m.label.starts_with(name))
                .map(|m| (m.y0, m.y1))
                .expect("a mark")
        };
        assert_eq!((top.1, bottom.1), (rows("Utah").0, rows("Louisiana").1));
        // At +22% on the axis: 22/30 of the way from the 0% label to the 30% one.
        let tick_x = |label: &str| scene.find_text(label).map(|((x, _), _)| x).expect(label);
        let expected = tick_x("0%") + (tick_x("30%") - tick_x("0%")) * 22.0 / 30.0;
        assert!((top.0 - expected).abs() < 0.5, "{} {expected}", top.0);
        let ((_, label_y), _) = scene
            .find_text("United States, 2012–2022: +22%")
            .expect("the reference label");
        assert!(label_y > bottom.1, "{label_y} {bottom:?}");
        assert!(
            scene.height > 300.0 && scene.height < 460.0,
            "{}",
            scene.height
        );
    }

    #[test]
    fn only_bls_file_figures_are_filled_and_article_states_are_outlined() {
        let scene = model(None).scene(640.0);
        let filled = scene
            .fills()
            .iter()
            .filter(|(role, _)| *role == Role::Bar)
            .count();
        let outlined = outlines(&scene);
        // Three editions read from BLS pages; the 2014-15 edition (a secondary copy) and the
        // three states (the article) outlined.
        assert_eq!((filled, outlined.len()), (3, 4), "{:?}", scene.items);
        assert!(outlined.iter().all(|r| *r == Role::Bar), "{outlined:?}");
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
        let plain = model(None).scene(640.0);
        assert!(painted_in(&plain, Role::Estimate).is_empty());
        let other = model(Some("NY")).scene(640.0);
        assert!(painted_in(&other, Role::Estimate).is_empty());

        let texas = model(Some("TX")).scene(640.0);
        let outlined = outlines(&texas);
        assert_eq!(
            outlined.iter().filter(|r| **r == Role::Estimate).count(),
            1,
            "still outline-only: {outlined:?}"
        );
        assert!(!texas.fills().iter().any(|(r, _)| *r == Role::Estimate));
        assert_eq!(
            outlined.iter().filter(|r| **r == Role::Bar).count(),
            3,
            "Utah, Louisiana and the 2014-15 edition stay blue"
        );
        // The state's name and value are drawn in the estimate colour too, and nothing else is.
        let orange: Vec<&str> = texas
            .texts()
            .filter(|(_, _, font)| font.role == Role::Estimate)
            .map(|(t, _, _)| t)
            .collect();
        assert_eq!(orange, ["Texas", "+29.6%"]);
        assert_eq!(painted_in(&texas, Role::Estimate).len(), 3);
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
        let scene = model(None).scene(640.0);
        let labels: Vec<&str> = scene.marks.iter().map(|m| m.label.as_str()).collect();
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
        let values: Vec<&str> = scene.marks.iter().map(|m| m.value.as_str()).collect();
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
            scene.marks[0].source,
            "BLS Occupational Outlook Handbook 2012-13, projection period 2010–2020"
        );
        assert!(scene.marks[1].source.contains("secondary source"));
        for state in &scene.marks[4..] {
            assert!(state.source.contains("as reported by the article"));
            assert!(state.source.contains("Projections Central"));
            assert!(state.source.contains("2012–2022"));
        }
        let selects: Vec<Option<Select>> = scene.marks.iter().map(|m| m.select).collect();
        assert_eq!(selects[..4], [None; 4]);
        assert_eq!(
            selects[4..],
            [
                Some(Select::Place(AreaCode::state(49))),
                Some(Select::Place(AreaCode::state(48))),
                Some(Select::Place(AreaCode::state(22)))
            ]
        );
        for (i, m) in scene.marks.iter().enumerate() {
            let (cx, cy) = ((m.x0 + m.x1) / 2.0, (m.y0 + m.y1) / 2.0);
            assert_eq!(mark_at(&scene.marks, cx, cy, 4.0), Some(i));
            assert!(m.x0 >= 0.0 && m.x1 <= 640.0, "{m:?}");
        }
    }

    #[test]
    fn narrow_charts_wrap_headings_and_keep_every_mark_and_text_inside() {
        let wide = model(Some("UT")).scene(640.0);
        let narrow = model(Some("UT")).scene(390.0);
        assert!(narrow.height > wide.height);
        assert_eq!(narrow.marks.len(), 7);
        assert!(
            narrow.marks.iter().all(|m| m.x1 <= 390.0 - 8.0),
            "{:?}",
            narrow.marks
        );
        assert!(narrow.find_text("+32.9%").is_some());
        for scene in [&wide, &narrow] {
            assert!(
                scene.texts_outside(1.0).is_empty(),
                "{:?}",
                scene.texts_outside(1.0)
            );
        }
    }

    #[test]
    fn headings_and_notes_wrap_between_words_within_the_width() {
        let m = model(None);
        let width = 300.0;
        let scene = m.scene(width);
        // Headings are the bold ink texts set from the top; notes the muted ones at the left.
        let lines = |role: Role, weight: Weight| -> Vec<&str> {
            scene
                .texts()
                .filter(|(_, _, f)| {
                    f.role == role
                        && f.weight == weight
                        && f.align == Align::Left
                        && f.baseline == Baseline::Top
                })
                .map(|(t, _, _)| t)
                .collect()
        };
        let headings = lines(Role::Ink, Weight::Bold);
        let notes = lines(Role::Muted, Weight::Normal);
        assert!(headings.len() > 2, "{headings:?}");
        assert!(notes.len() > 2, "{notes:?}");
        assert_eq!(
            headings.join(" "),
            format!("{} {}", m.national_heading, m.states_heading)
        );
        let (Some(national), Some(states)) = (&m.national_note, &m.states_note) else {
            panic!("both groups have a note");
        };
        assert_eq!(notes.join(" "), format!("{national} {states}"));
        for (text, (x, _), font) in scene
            .texts()
            .filter(|(_, _, f)| f.baseline == Baseline::Top)
        {
            let (left, right) = font.extent(text, x);
            assert!(left >= PAD_X && right <= width - PAD_X, "{text}");
        }
        // A heading that fits stays on one line.
        assert!(m
            .scene(640.0)
            .find_text("Fastest-growing states, 2012–2022")
            .is_some());
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
        assert_eq!(chart.scene(390.0).marks.len(), 2);
    }
}
