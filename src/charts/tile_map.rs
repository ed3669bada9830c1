//! Pay by state on a tile map: each state a square in its rough geographic place, shaded by its
//! annual mean against the national mean (the states chart's figures, so its table, summary and
//! marks are the same numbers), the reader's state outlined in the estimate colour.

use super::bars::RankedChart;
use super::registry::{Built, Depends, Spec};
use super::scene::{Align, Baseline, Font, Item, Role, Scene, Stroke};
use super::{Chart, ChartRef, DataTable, Mark, Select};
use crate::career::state_code;
use crate::messages::Msg;
use crate::options::Section;

/// Each state's (column, row) on an 11 × 8 grid, the territories in the bottom row.
#[rustfmt::skip]
const GRID: [(&str, u8, u8); 53] = [
    ("AK", 0, 0), ("ME", 10, 0), ("WI", 5, 1), ("VT", 9, 1), ("NH", 10, 1),
    ("WA", 0, 2), ("ID", 1, 2), ("MT", 2, 2), ("ND", 3, 2), ("MN", 4, 2), ("IL", 5, 2),
    ("MI", 6, 2), ("NY", 8, 2), ("MA", 9, 2), ("OR", 0, 3), ("NV", 1, 3), ("WY", 2, 3),
    ("SD", 3, 3), ("IA", 4, 3), ("IN", 5, 3), ("OH", 6, 3), ("PA", 7, 3), ("NJ", 8, 3),
    ("CT", 9, 3), ("RI", 10, 3), ("CA", 0, 4), ("UT", 1, 4), ("CO", 2, 4), ("NE", 3, 4),
    ("MO", 4, 4), ("KY", 5, 4), ("WV", 6, 4), ("VA", 7, 4), ("MD", 8, 4), ("DE", 9, 4),
    ("AZ", 1, 5), ("NM", 2, 5), ("KS", 3, 5), ("AR", 4, 5), ("TN", 5, 5), ("NC", 6, 5),
    ("SC", 7, 5), ("DC", 8, 5), ("OK", 3, 6), ("LA", 4, 6), ("MS", 5, 6), ("AL", 6, 6),
    ("GA", 7, 6), ("HI", 0, 7), ("GU", 1, 7), ("TX", 3, 7), ("FL", 8, 7), ("PR", 10, 7),
];
const COLUMNS: f64 = 11.0;
const ROWS: f64 = 8.0;
/// Shade bounds in percent against the nation: five classes, the middle one "about the same".
const BOUNDS: [f64; 4] = [-10.0, -3.0, 3.0, 10.0];
const MAX_TILE: f64 = 46.0;
const GAP: f64 = 3.0;
const LEGEND: f64 = 30.0;

/// The states chart's figures, placed on the grid.
#[derive(Clone, Debug, PartialEq)]
pub struct TileMapChart {
    states: RankedChart,
    /// Per tile: its (column, row), USPS code and index into the ranked bars; in reading order.
    tiles: Vec<((u8, u8), &'static str, usize)>,
    /// Each shade's legend text, lowest first.
    legend: [String; 5],
}

impl TileMapChart {
    /// Places the states chart's rows; a row for a place not on the grid is left out.
    pub fn new(states: RankedChart, legend: [String; 5]) -> Self {
        let mut tiles: Vec<_> = (states.bars.bars.iter().enumerate())
            .filter_map(|(i, bar)| {
                let Some(Select::Place(code)) = bar.select else { return None };
                let usps = state_code(u8::try_from(code.0 / 100_000).ok()?)?.usps;
                let &(_, col, row) = GRID.iter().find(|(s, _, _)| *s == usps)?;
                Some(((row, col), usps, i))
            })
            .collect();
        tiles.sort_unstable();
        let tiles = tiles.into_iter().map(|((r, c), usps, i)| ((c, r), usps, i)).collect();
        TileMapChart { states, tiles, legend }
    }
}

/// Which of the five shades a difference falls in.
fn shade(percent: f64) -> u8 {
    BOUNDS.iter().filter(|b| percent >= **b).count() as u8
}

impl Chart for TileMapChart {
    fn scene(&self, width: f64) -> Scene {
        let mut scene = Scene::new(width);
        let tile = ((width - GAP * COLUMNS) / COLUMNS).clamp(12.0, MAX_TILE);
        let left = ((width - (tile + GAP) * COLUMNS) / 2.0).max(0.0);
        let font = Font::new((tile * 0.3).clamp(8.0, 13.0), Role::Ink, Align::Centre, Baseline::Middle);
        for &((col, row), usps, i) in &self.tiles {
            let bar = &self.states.bars.bars[i];
            let (x0, y0) = (left + (tile + GAP) * f64::from(col), (tile + GAP) * f64::from(row));
            let (x1, y1) = (x0 + tile, y0 + tile);
            let class = bar.percent.map(shade);
            scene.items.push(Item::Rect {
                x0, y0, x1, y1,
                fill: Some(class.map_or(Role::Background, Role::Ramp)),
                stroke: Some(if bar.selected {
                    Stroke::solid(Role::Estimate, 3.0)
                } else {
                    Stroke::solid(Role::Muted, 1.0)
                }),
            });
            // Dark shades take light text: the background colour, whatever the theme.
            let ink = if class.is_some_and(|c| c >= 3) { Role::Background } else { Role::Ink };
            scene.text(((x0 + x1) / 2.0, (y0 + y1) / 2.0), usps, font.role(ink));
            scene.marks.push(Mark {
                x0, y0, x1, y1,
                label: bar.name.clone(),
                value: bar.mark_value.clone(),
                source: bar.source.clone(),
                select: bar.select,
            });
        }
        // The legend: five swatches, each with its range, wrapping to a second line if narrow.
        let (mut x, mut y) = (left, (tile + GAP) * ROWS + 8.0);
        let key = Font::new(12.0, Role::Muted, Align::Left, Baseline::Middle);
        for (class, text) in self.legend.iter().enumerate() {
            let room = 18.0 + super::text::width(text, &key) + 12.0;
            if x + room > width && x > left {
                (x, y) = (left, y + LEGEND / 2.0);
            }
            scene.items.push(Item::Rect {
                x0: x, y0: y, x1: x + 14.0, y1: y + 14.0,
                fill: Some(Role::Ramp(class as u8)),
                stroke: Some(Stroke::solid(Role::Muted, 1.0)),
            });
            scene.text((x + 18.0, y + 7.0), text.clone(), key);
            x += room;
        }
        scene.height = y + LEGEND / 2.0 + 4.0;
        scene
    }

    fn summary(&self) -> String {
        self.states.summary.clone()
    }

    fn table(&self) -> DataTable {
        self.states.table()
    }
}

/// The registry entry: the states chart's figures as a map; choosing a state selects it.
pub const SPEC: Spec = Spec {
    section: Section::Map,
    selectable: true,
    when_empty: None,
    depends: |cx| Depends::Place(cx.state().map(|p| p.code)),
    build: |cx| {
        let states = super::states::states_chart(cx.career, cx.state().map(|p| p.code), cx.lang, cx.fmt);
        let pct = |p: f64| super::bars::signed_percent(p, cx.lang, cx.fmt);
        let [a, b, c, d] = BOUNDS.map(pct);
        let legend = [
            cx.lang.fill(Msg::MapLegendBelow, &[&a]),
            cx.lang.fill(Msg::MapLegendBetween, &[&a, &b]),
            cx.lang.fill(Msg::MapLegendBetween, &[&b, &c]),
            cx.lang.fill(Msg::MapLegendBetween, &[&c, &d]),
            cx.lang.fill(Msg::MapLegendAbove, &[&d]),
        ];
        let source = states.source_line.clone();
        Some(Built {
            chart: ChartRef::new(TileMapChart::new(states, legend)),
            title: cx.lang.text(Msg::ChartMapTitle).to_string(),
            source,
            keys: vec![("cpw-key-selected", Msg::ChartBarsLegendSelected)],
        })
    },
};
