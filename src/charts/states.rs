//! Pay in each state, DC and territory: the state's annual mean over the national annual mean of
//! the same release (BLS OEWS), drawn as the percent difference, ranked.

use super::bars::{Entry, RankedChart, Wording};
use super::Select;
use crate::career::Career;
use crate::format::NumberFormat;
use crate::messages::{Lang, Msg};
use career_pack::{AreaCode, AreaKind};

/// Every state, DC and territory this career has a row for, ranked; `selected` is the state of
/// the reader's place (`None` for the nation).
pub fn states_chart(
    career: &Career,
    selected: Option<AreaCode>,
    lang: Lang,
    fmt: &dyn NumberFormat,
) -> RankedChart {
    let entries = career
        .places()
        .filter(|(p, _)| p.kind == AreaKind::State)
        .map(|(place, figures)| Entry::for_place(career, place, &figures.cell, lang))
        .collect();
    let wording = Wording {
        column: Msg::ChartStatesColumn,
        detail: None,
        summary: Msg::ChartPlacesSummary,
    };
    RankedChart::new(entries, selected.map(Select::Place), wording, lang, fmt)
}

// Native only: the SVG backend is a native dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::career::testing::career;
    use crate::charts::bars::svg::{labels, rects};
    use crate::charts::test_support::{fills, render_svg};
    use crate::format::EnUs;

    const ESTIMATE: &str = "B43C00";

    fn chart(selected: Option<AreaCode>) -> RankedChart {
        states_chart(career(), selected, Lang::En, &EnUs)
    }

    #[test]
    fn every_state_and_territory_is_ranked_against_the_national_mean_of_may_2025() {
        let chart = chart(None);
        let names: Vec<&str> = chart.bars().bars.iter().map(|b| b.name.as_str()).collect();
        assert_eq!(names.len(), 53);
        assert_eq!(names[..2], ["District of Columbia", "California"]);
        assert_eq!(names[51..], ["Guam", "Puerto Rico"]);
        let dc = &chart.bars().bars[0];
        assert_eq!(dc.value_label, "+41%");
        assert_eq!(dc.mark_value, "$80,250 a year (+41% vs national $56,790)");
        assert!(dc.source.starts_with("May 2025"), "{}", dc.source);
        assert!(chart.bars().bars.iter().all(|b| !b.outlined));
        assert!(chart.source_line().contains("May 2025 $56,790"));
    }

    #[test]
    fn the_chosen_state_alone_is_drawn_in_the_estimate_colour() {
        let chart = chart(Some(AreaCode::state(34)));
        let (out, drawn) = render_svg(&chart, 640, 1400);
        let nj = drawn
            .marks
            .iter()
            .find(|m| m.label == "New Jersey")
            .expect("a mark for New Jersey");
        assert_eq!(nj.value, "$54,490 a year (−4% vs national $56,790)");
        assert_eq!(nj.select, Some(Select::Place(AreaCode::state(34))));
        let orange: Vec<_> = rects(&out)
            .into_iter()
            .filter(|r| r.fill == ESTIMATE)
            .collect();
        assert_eq!(orange.len(), 1, "{orange:?}");
        assert!(orange[0].y > nj.y0 && orange[0].y < nj.y1);
        let highlighted = chart.table().highlighted.expect("a highlighted row");
        assert_eq!(chart.table().rows[highlighted][0], "New Jersey");
        assert!(labels(&out)
            .iter()
            .any(|l| l.bold && l.text == "New Jersey"));
        assert!(!fills(&render_svg(&self::chart(None), 640, 1400).0)
            .iter()
            .any(|f| f == ESTIMATE));
    }

    #[test]
    fn at_390_px_every_row_fits() {
        let (_, drawn) = render_svg(&chart(None), 390, 1600);
        assert_eq!(drawn.marks.len(), 53);
        for pair in drawn.marks.windows(2) {
            assert!(pair[0].y1 <= pair[1].y0 + 0.5, "{pair:?}");
        }
    }
}
