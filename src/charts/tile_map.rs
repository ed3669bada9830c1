//! Pay by state on a tile map: each state a square in its rough geographic place, shaded by the
//! states chart's figures (so table, summary and marks agree), the reader's state outlined.

use super::axes::TEXT;
use super::bars::RankedChart;
use super::registry::{Built, Depends, Spec};
use super::scene::{Align, Baseline, Role, Scene, Stroke};
use super::{Chart, ChartRef, Words};
use crate::career::state_code;
use crate::messages::Msg;
use crate::options::Section;
use std::rc::Rc;

/// The grid, drawn as it looks: each state in its rough geographic place, the territories in
/// the bottom row.
const GRID: [&str; 8] = [
    "AK .. .. .. .. .. .. .. .. .. ME",
    ".. .. .. .. .. WI .. .. .. VT NH",
    "WA ID MT ND MN IL MI .. NY MA ..",
    "OR NV WY SD IA IN OH PA NJ CT RI",
    "CA UT CO NE MO KY WV VA MD DE ..",
    ".. AZ NM KS AR TN NC SC DC .. ..",
    ".. .. .. OK LA MS AL GA .. .. ..",
    "HI GU .. TX .. .. .. .. FL .. PR",
];

/// A state's (row, column) on the grid.
fn square(usps: &str) -> Option<(u8, u8)> {
    GRID.iter().zip(0..).find_map(|(line, row)| {
        let col = line.split(' ').position(|cell| cell == usps)?;
        Some((row, u8::try_from(col).ok()?))
    })
}
const COLUMNS: f64 = 11.0;
/// Shade bounds in percent against the nation: five classes, the middle one "about the same".
const BOUNDS: [f64; 4] = [-10.0, -3.0, 3.0, 10.0];
const MAX_TILE: f64 = 46.0;
const GAP: f64 = 3.0;
const LEGEND: f64 = 30.0;
const HAIRLINE: Stroke = Stroke::solid(Role::Muted, 1.0);
const CHOSEN: Stroke = Stroke::solid(Role::Estimate, 3.0);

/// The states chart's figures, placed on the grid.
#[derive(Clone, Debug, PartialEq)]
pub struct TileMapChart {
    states: Rc<RankedChart>,
    /// Per tile: its (row, column), USPS code and index into the ranked bars; in reading order.
    tiles: Vec<((u8, u8), &'static str, usize)>,
    /// Each shade's legend text, lowest first.
    legend: [String; 5],
}

impl TileMapChart {
    /// Places the states chart's rows; a row for a place not on the grid is left out.
    pub fn new(states: Rc<RankedChart>, legend: [String; 5]) -> Self {
        let mut tiles: Vec<_> = (states.bars.bars.iter().enumerate())
            .filter_map(|(i, bar)| {
                let usps = state_code(bar.select?.place()?.state_fips()?)?.usps;
                Some((square(usps)?, usps, i))
            })
            .collect();
        tiles.sort_unstable();
        TileMapChart {
            states,
            tiles,
            legend,
        }
    }
}

impl Chart for TileMapChart {
    fn scene(&self, width: f64) -> Scene {
        let mut scene = Scene::new(width);
        let tile = ((width - GAP * COLUMNS) / COLUMNS).clamp(12.0, MAX_TILE);
        let left = ((width - (tile + GAP) * COLUMNS) / 2.0).max(0.0);
        let font = TEXT
            .sized((tile * 0.3).clamp(8.0, 13.0))
            .align(Align::Centre);
        let font = font.baseline(Baseline::Middle);
        for &((row, col), usps, i) in &self.tiles {
            let bar = &self.states.bars.bars[i];
            let x0 = left + (tile + GAP) * f64::from(col);
            let y0 = (tile + GAP) * f64::from(row);
            let (x1, y1) = (x0 + tile, y0 + tile);
            // Which of the five shades the difference falls in.
            let class = (bar.percent).map(|p| BOUNDS.iter().filter(|b| p >= **b).count() as u8);
            let fill = class.map_or(Role::Background, Role::Ramp);
            let outline = [HAIRLINE, CHOSEN][usize::from(bar.selected)];
            scene.boxed((x0, y0), (x1, y1), Some(fill), Some(outline));
            // Dark shades take light text: the background colour, whatever the theme.
            let ink = [Role::Ink, Role::Background][usize::from(class.is_some_and(|c| c >= 3))];
            scene.text(((x0 + x1) / 2.0, (y0 + y1) / 2.0), usps, font.role(ink));
            scene.marks.push(bar.mark((x0, y0), (x1, y1)));
        }
        // The legend: five swatches, each with its range, wrapping to a second line if narrow.
        let (mut x, mut y) = (left, (tile + GAP) * GRID.len() as f64 + 8.0);
        let key = TEXT
            .sized(12.0)
            .role(Role::Muted)
            .baseline(Baseline::Middle);
        for (class, text) in self.legend.iter().enumerate() {
            let room = 18.0 + super::text::width(text, &key) + 12.0;
            if x + room > width && x > left {
                (x, y) = (left, y + LEGEND / 2.0);
            }
            let swatch = Some(Role::Ramp(class as u8));
            scene.boxed((x, y), (x + 14.0, y + 14.0), swatch, Some(HAIRLINE));
            scene.text((x + 18.0, y + 7.0), text.clone(), key);
            x += room;
        }
        scene.height = y + LEGEND / 2.0 + 4.0;
        scene
    }

    fn words(&self) -> &Words {
        &self.states.words
    }
}

/// The registry entry: the states chart's figures as a map; choosing a state selects it.
pub const SPEC: Spec = Spec {
    section: Section::Map,
    selectable: true,
    when_empty: None,
    depends: |cx| Depends::Place(cx.state().map(|p| p.code)),
    build: |cx| {
        let states = super::states::shared_states_chart(cx);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::career::testing::{career, inputs};
    use crate::charts::registry::Context;
    use crate::charts::scene::Item;
    use crate::charts::scene::Weight;
    use crate::charts::Select;
    use crate::format::EnUs;
    use crate::messages::Lang;

    fn map(place: u32, width: f64) -> (TileMapChart, Scene) {
        let cx = Context {
            career: career(),
            inputs: inputs(place, "all", 5),
            estimate: None,
            lang: Lang::En,
            fmt: &EnUs,
        };
        let built = (SPEC.build)(&cx).expect("the map builds");
        let chart = built
            .chart
            .0
            .as_any()
            .downcast_ref::<TileMapChart>()
            .expect("a tile map")
            .clone();
        let scene = chart.scene(width);
        (chart, scene)
    }

    #[test]
    fn every_state_dc_and_territory_has_one_tile_and_no_two_share_a_square() {
        let codes: Vec<&str> = GRID.iter().flat_map(|l| l.split(' ')).collect();
        assert!(GRID
            .iter()
            .all(|l| l.split(' ').count() == COLUMNS as usize));
        let states = crate::career::STATE_CODES
            .iter()
            .filter(|s| square(s.usps).is_some());
        assert_eq!(states.count(), 53);
        assert_eq!(
            codes.iter().filter(|c| **c != "..").count(),
            53,
            "each once"
        );
        let (chart, scene) = map(0, 640.0);
        assert_eq!(chart.tiles.len(), 53);
        assert_eq!(scene.marks.len(), 53);
        assert!(
            scene.texts_outside(0.5).is_empty(),
            "{:?}",
            scene.texts_outside(0.5)
        );
        // Marks are in reading order, so arrow keys move across then down, Alaska first.
        assert_eq!(scene.marks[0].label, "Alaska");
        assert!(scene
            .marks
            .windows(2)
            .all(|m| (m[0].y0, m[0].x0) < (m[1].y0, m[1].x0)));
    }

    #[test]
    fn tiles_are_shaded_by_pay_against_the_nation_and_the_readers_state_is_outlined() {
        let (_, scene) = map(3_400_000, 390.0);
        let tile = |usps: &str| {
            let at = scene.find_text(usps).expect("a labelled tile").0;
            scene
                .items
                .iter()
                .find_map(|item| match item {
                    Item::Rect {
                        from,
                        to,
                        fill,
                        stroke,
                    } if (from.0..to.0).contains(&at.0) && (from.1..to.1).contains(&at.1) => {
                        Some((*fill, *stroke))
                    }
                    _ => None,
                })
                .expect("a tile under the label")
        };
        // DC +41% is the darkest shade, Arkansas (below −10%) the lightest; NJ −4% the second.
        assert_eq!(tile("DC").0, Some(Role::Ramp(4)));
        assert_eq!(tile("AR").0, Some(Role::Ramp(0)));
        let (fill, stroke) = tile("NJ");
        assert_eq!(fill, Some(Role::Ramp(1)));
        assert_eq!(stroke.map(|s| s.role), Some(Role::Estimate));
        assert_eq!(tile("NY").1.map(|s| s.role), Some(Role::Muted));
        let nj = scene
            .marks
            .iter()
            .find(|m| m.label == "New Jersey")
            .expect("NJ");
        assert_eq!(nj.value, "$54,490 a year (−4% vs national $56,790)");
        assert_eq!(
            nj.select,
            Some(Select::Place(career_pack::AreaCode::state(34)))
        );
        // The legend names each shade's range.
        for text in ["−10% or less", "−10% to −3%", "+10% or more"] {
            let (_, font) = scene.find_text(text).expect("a legend entry");
            assert_eq!(font.weight, Weight::Normal);
        }
    }

    #[test]
    fn a_narrow_map_wraps_its_legend_and_grows_no_wider_than_the_canvas() {
        let (_, wide) = map(0, 640.0);
        let (_, narrow) = map(0, 280.0);
        assert!(narrow.height < wide.height);
        assert!(
            narrow.texts_outside(0.5).is_empty(),
            "{:?}",
            narrow.texts_outside(0.5)
        );
        assert!(narrow
            .fills()
            .iter()
            .all(|(_, [l, _, r, _])| *l >= 0.0 && *r <= 280.0));
    }
}
