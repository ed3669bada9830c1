//! Pay in each state, DC and territory: the state's annual mean over the national annual mean of
//! the same release (BLS OEWS), drawn as the percent difference, ranked.

use super::bars::{Entry, RankedChart, Wording};
use super::registry::{Built, Context, Depends, Spec, SELECTION_KEYS};
use super::ChartRef;
use super::Select;
use crate::career::Career;
use crate::format::NumberFormat;
use crate::messages::{Lang, Msg};
use crate::options::Section;
use career_pack::{AreaCode, AreaKind};
use std::cell::RefCell;
use std::rc::Rc;

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

thread_local! {
    /// The last states model built, with what it was built from: the map and the ranked bars
    /// show the same model, so a place change builds it once for both.
    static LAST: RefCell<Option<(Key, Rc<RankedChart>)>> = const { RefCell::new(None) };
}

/// What a states model is built from: the career, the selected state, the language and the
/// formatter (by address: one formatter object serves a page).
type Key = (*const Career, Option<AreaCode>, Lang, *const ());

/// The states model for `cx`, shared by the charts that show it.
pub fn shared_states_chart(cx: &Context) -> Rc<RankedChart> {
    let selected = cx.state().map(|p| p.code);
    let key: Key = (
        std::ptr::from_ref(cx.career),
        selected,
        cx.lang,
        std::ptr::from_ref(cx.fmt).cast::<()>(),
    );
    LAST.with(|last| {
        let mut last = last.borrow_mut();
        match &*last {
            Some((k, chart)) if *k == key => Rc::clone(chart),
            _ => {
                let chart = Rc::new(states_chart(cx.career, selected, cx.lang, cx.fmt));
                *last = Some((key, Rc::clone(&chart)));
                chart
            }
        }
    })
}

/// The registry entry: every state, the reader's highlighted; choosing one selects it.
pub const SPEC: Spec = Spec {
    section: Section::States,
    selectable: true,
    when_empty: None,
    depends: |cx| Depends::Place(cx.state().map(|p| p.code)),
    build: |cx| {
        let chart = shared_states_chart(cx);
        let source = chart.source_line().to_string();
        Some(Built {
            chart: ChartRef::new(chart),
            title: cx.lang.text(Msg::ChartStatesTitle).to_string(),
            source,
            keys: SELECTION_KEYS.to_vec(),
        })
    },
};

// Native only: the SVG backend is a native dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::career::testing::career;
    use crate::charts::scene::{Role, Weight};
    use crate::charts::Chart;
    use crate::format::EnUs;

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
        let scene = chart.scene(640.0);
        let nj = scene
            .marks
            .iter()
            .find(|m| m.label == "New Jersey")
            .expect("a mark for New Jersey");
        assert_eq!(nj.value, "$54,490 a year (−4% vs national $56,790)");
        assert_eq!(nj.select, Some(Select::Place(AreaCode::state(34))));
        let orange: Vec<_> = scene
            .fills()
            .into_iter()
            .filter(|(role, _)| *role == Role::Estimate)
            .collect();
        assert_eq!(orange.len(), 1, "{orange:?}");
        let [_, top, _, bottom] = orange[0].1;
        assert!(top > nj.y0 && bottom < nj.y1);
        let highlighted = chart.table().highlighted.expect("a highlighted row");
        assert_eq!(chart.table().rows[highlighted][0], "New Jersey");
        let (_, font) = scene.find_text("New Jersey").expect("New Jersey is named");
        assert_eq!((font.weight, font.role), (Weight::Bold, Role::Estimate));
        assert!(!self::chart(None)
            .scene(640.0)
            .fills()
            .iter()
            .any(|(role, _)| *role == Role::Estimate));
        assert!(
            scene.texts_outside(0.5).is_empty(),
            "{:?}",
            scene.texts_outside(0.5)
        );
    }

    #[test]
    fn at_390_px_every_row_fits() {
        let scene = chart(None).scene(390.0);
        assert_eq!(scene.marks.len(), 53);
        assert!(
            scene.texts_outside(0.5).is_empty(),
            "{:?}",
            scene.texts_outside(0.5)
        );
        for pair in scene.marks.windows(2) {
            assert!(pair[0].y1 <= pair[1].y0 + 0.5, "{pair:?}");
        }
    }
}
