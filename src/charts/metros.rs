//! Pay in the metropolitan and nonmetropolitan areas of the reader's state: each area's annual
//! mean over the national annual mean of the same release (BLS OEWS), ranked. A metro spanning
//! states is in each state it touches.

use super::bars::{Entry, RankedChart, Wording};
use super::registry::{Built, Depends, Spec, SELECTION_KEYS};
use super::ChartRef;
use super::Select;
use crate::career::Career;
use crate::format::NumberFormat;
use crate::messages::{Lang, Msg};
use crate::options::Section;
use career_pack::AreaKind;
use career_pack::{AreaCode, Place};

/// The areas `state` touches, ranked; `selected` is the reader's place if it is one of them.
pub fn metros_chart(
    career: &Career,
    state: &Place,
    selected: Option<AreaCode>,
    lang: Lang,
    fmt: &dyn NumberFormat,
) -> RankedChart {
    let entries = career
        .areas_in(state)
        .map(|(place, figures)| Entry::for_place(career, place, &figures.cell, lang))
        .collect();
    let wording = Wording {
        column: Msg::ChartMetrosColumn,
        detail: None,
        summary: Msg::ChartPlacesSummary,
    };
    RankedChart::new(entries, selected.map(Select::Place), wording, lang, fmt)
}

/// The registry entry: the areas of the reader's state, their metro highlighted; for the nation,
/// a hint to choose a state.
pub const SPEC: Spec = Spec {
    section: Section::Metros,
    selectable: true,
    when_empty: Some((Msg::ChartMetrosHeading, Msg::ChartMetrosHint)),
    depends: |cx| Depends::Place(Some(cx.inputs.place.code)),
    build: |cx| {
        let state = cx.state()?;
        let place = cx.inputs.place;
        let selected = (place.kind == AreaKind::Metro).then_some(place.code);
        let chart = metros_chart(cx.career, state, selected, cx.lang, cx.fmt);
        let source = chart.source_line().to_string();
        Some(Built {
            chart: ChartRef::new(chart),
            title: cx.lang.fill(Msg::ChartMetrosTitle, &[&state.title]),
            source,
            keys: SELECTION_KEYS.to_vec(),
        })
    },
};

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::career::testing::career;
    use crate::format::EnUs;

    #[test]
    fn new_jerseys_metro_areas_include_those_it_shares_ranked_by_pay() {
        let c = career();
        let nj = c.gazetteer.place(AreaCode::state(34)).expect("New Jersey");
        let chart = metros_chart(c, nj, Some(AreaCode(45_940)), Lang::En, &EnUs);
        let names: Vec<&str> = chart.bars().bars.iter().map(|b| b.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "New York-Newark-Jersey City, NY-NJ",
                "Atlantic City-Hammonton, NJ",
                "Trenton-Princeton, NJ",
                "Vineland, NJ",
                "Philadelphia-Camden-Wilmington, PA-NJ-DE-MD",
                "Allentown-Bethlehem-Easton, PA-NJ",
            ]
        );
        let trenton = &chart.bars().bars[2];
        assert!(trenton.selected);
        assert_eq!(
            trenton.mark_value,
            "$60,310 a year (+6% vs national $56,790)"
        );
        assert!(chart.words.summary.contains("New York-Newark-Jersey City"));
    }

    #[test]
    fn an_area_with_unpublished_wages_is_listed_without_a_bar() {
        let c = career();
        let ny = c.gazetteer.place(AreaCode::state(36)).expect("New York");
        let chart = metros_chart(c, ny, None, Lang::En, &EnUs);
        let elmira = chart
            .bars()
            .bars
            .iter()
            .find(|b| b.name == "Elmira, NY")
            .expect("Elmira is listed");
        assert_eq!(elmira.percent, None);
        assert_eq!(elmira.value_label, "no figure");
        assert_eq!(
            chart.bars().bars.last().map(|b| b.name.as_str()),
            Some("Elmira, NY")
        );
    }
}
