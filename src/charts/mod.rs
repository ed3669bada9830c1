//! Charts: each a pure model whose layout at a width is a [`Scene`] (shapes in CSS pixels, colour
//! roles, and the marks a reader can point at), painted by the one painter in [`paint`] onto a
//! canvas in the browser or SVG in tests. Charts are built from the kit's parts ([`axes`],
//! [`bars`], [`strip`], [`text`], [`labels`]) and listed once, in [`registry`].
//!
//! Every chart implements [`Chart`]: its scene, and the same numbers as a one-sentence summary
//! and a data table for readers who cannot see the canvas.

pub mod axes;
pub mod bars;
pub mod comparison;
pub mod distribution;
pub mod experience;
pub mod industries;
pub mod labels;
pub mod metros;
pub mod outlook;
pub mod over_time;
pub mod paint;
pub mod palette;
pub mod picture;
pub mod registry;
pub mod scale;
pub mod scene;
pub mod states;
pub mod strip;
#[cfg(not(target_arch = "wasm32"))]
pub mod svg;
pub mod text;
pub mod tile_map;

use career_pack::{AreaCode, IndustryCode};
use scene::Scene;
use std::any::Any;
use std::rc::Rc;

/// What choosing a mark selects in the estimator: typed values, never strings to parse again.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Select {
    /// A place: a state, DC, territory or metropolitan area.
    Place(AreaCode),
    Industry(IndustryCode),
    Years(u8),
}

impl Select {
    /// The place chosen, if a place is.
    pub fn place(self) -> Option<AreaCode> {
        match self {
            Select::Place(code) => Some(code),
            _ => None,
        }
    }
}

/// One mark a reader can point at, in CSS pixels from the canvas's top-left corner.
#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
    /// What the mark is: `New Jersey`, `25th percentile`, `2014`.
    pub label: String,
    /// Its exact value, formatted: `$59,740`, `+54%`.
    pub value: String,
    /// Where the value comes from and its period: `2014, as reported by the article`.
    pub source: String,
    /// What clicking or pressing Enter on it selects, if anything.
    pub select: Option<Select>,
}

impl Mark {
    /// Whether a point (CSS pixels) falls on the mark, with `slop` pixels of tolerance for
    /// fingers and thin marks.
    pub fn contains(&self, x: f64, y: f64, slop: f64) -> bool {
        x >= self.x0 - slop && x <= self.x1 + slop && y >= self.y0 - slop && y <= self.y1 + slop
    }

    /// Squared distance from a point to the mark's box (0 inside).
    fn distance2(&self, x: f64, y: f64) -> f64 {
        let dx = (self.x0 - x).max(0.0).max(x - self.x1);
        let dy = (self.y0 - y).max(0.0).max(y - self.y1);
        dx * dx + dy * dy
    }
}

/// A published distribution's tooltip source: `BLS OEWS national estimates, May 2025, SOC 29-2072`,
/// its period in the reader's words.
pub fn distribution_source(
    d: &crate::figures::Distribution,
    lang: crate::messages::Lang,
) -> String {
    lang.fill(
        crate::messages::Msg::MarkSource,
        &[
            d.source.short_name,
            &crate::explanation::period_in(d.period, lang),
            d.soc_code,
        ],
    )
}

/// The mark under a point: the nearest one within `slop` pixels, if any.
pub fn mark_at(marks: &[Mark], x: f64, y: f64, slop: f64) -> Option<usize> {
    marks
        .iter()
        .enumerate()
        .filter(|(_, m)| m.contains(x, y, slop))
        .min_by(|(_, a), (_, b)| a.distance2(x, y).total_cmp(&b.distance2(x, y)))
        .map(|(i, _)| i)
}

/// The result of drawing: the CSS height the chart wants and where its marks are.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Drawn {
    pub height: f64,
    pub marks: Vec<Mark>,
}

/// The chart's numbers as a table ("Show data").
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DataTable {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// The row for the reader's current choice, if the chart highlights one.
    pub highlighted: Option<usize>,
}

/// A chart as the page holds it: object-safe, so one chart frame and one canvas hook serve every
/// chart type (a generic component was compiled once per chart and cost ~20 KB of wasm each).
pub trait AnyChart {
    fn scene(&self, width: f64) -> Scene;
    fn summary(&self) -> String;
    fn table(&self) -> DataTable;
    fn as_any(&self) -> &dyn Any;
    /// Whether `other` is the same chart showing the same thing.
    fn same(&self, other: &dyn AnyChart) -> bool;
}

impl<C: Chart> AnyChart for C {
    fn scene(&self, width: f64) -> Scene {
        Chart::scene(self, width)
    }

    fn summary(&self) -> String {
        Chart::summary(self)
    }

    fn table(&self) -> DataTable {
        Chart::table(self)
    }

    fn as_any(&self) -> &dyn Any {
        self
    }

    fn same(&self, other: &dyn AnyChart) -> bool {
        other.as_any().downcast_ref::<C>() == Some(self)
    }
}

/// A shared chart, compared by identity first and by content after.
#[derive(Clone)]
pub struct ChartRef(pub Rc<dyn AnyChart>);

impl ChartRef {
    pub fn new(chart: impl Chart) -> Self {
        ChartRef(Rc::new(chart))
    }
}

impl PartialEq for ChartRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0) || self.0.same(&*other.0)
    }
}

/// What a chart says in words, for readers who cannot see the canvas: the one fact it shows in
/// a sentence, and its numbers as a table. Built with the model.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Words {
    pub summary: String,
    pub table: DataTable,
}

/// A shared model is the chart it holds (the map and the ranked bars share the states model).
impl<C: Chart> Chart for Rc<C> {
    fn scene(&self, width: f64) -> Scene {
        C::scene(self, width)
    }

    fn words(&self) -> &Words {
        C::words(self)
    }
}

/// A chart the widget can show.
pub trait Chart: PartialEq + 'static {
    /// The chart laid out `width` CSS pixels wide: a pure function of the model and the width.
    fn scene(&self, width: f64) -> Scene;

    fn words(&self) -> &Words;

    /// The one fact the chart shows, in a sentence.
    fn summary(&self) -> String {
        self.words().summary.clone()
    }

    /// The same numbers as a table, with their source and period in the columns or the caption.
    fn table(&self) -> DataTable {
        self.words().table.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mark(x0: f64, x1: f64) -> Mark {
        Mark {
            x0,
            y0: 0.0,
            x1,
            y1: 10.0,
            label: String::new(),
            value: String::new(),
            source: String::new(),
            select: None,
        }
    }

    #[test]
    fn the_nearest_mark_within_reach_is_hit() {
        let marks = [mark(0.0, 10.0), mark(14.0, 24.0), mark(40.0, 50.0)];
        assert_eq!(mark_at(&marks, 5.0, 5.0, 4.0), Some(0));
        assert_eq!(mark_at(&marks, 12.5, 5.0, 4.0), Some(1));
        assert_eq!(mark_at(&marks, 11.0, 5.0, 4.0), Some(0));
        assert_eq!(mark_at(&marks, 32.0, 5.0, 4.0), None);
        assert_eq!(mark_at(&marks, 45.0, 40.0, 4.0), None);
    }
}
