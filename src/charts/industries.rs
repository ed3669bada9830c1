//! Pay in each industry with a published figure (BLS OEWS, national): the industry's annual mean
//! over the national cross-industry annual mean of the same release, ranked. The industries are
//! the 3-digit NAICS level (the readable middle of the hierarchy), plus the reader's own choice
//! when it sits elsewhere.

use super::bars::{Compared, Entry, RankedChart, Wording};
use super::registry::{Built, Depends, Spec, SELECTION_KEYS};
use super::ChartRef;
use super::Select;
use crate::career::Career;
use crate::format::NumberFormat;
use crate::messages::{Lang, Msg};
use crate::options::Section;
use career_pack::{IndustryCode, IndustryLevel};

/// Every 3-digit industry with a published mean, and `selected` (the reader's industry, if any)
/// wherever it sits in the hierarchy, ranked.
pub fn industries_chart(
    career: &Career,
    selected: Option<IndustryCode>,
    lang: Lang,
    fmt: &dyn NumberFormat,
) -> RankedChart {
    let entries = career
        .pack
        .industries
        .iter()
        .filter(|i| {
            let code = i.industry;
            Some(code) == selected
                || (code.level() == Some(IndustryLevel::ThreeDigit) && !code.is_ownership_split())
        })
        .filter_map(|i| {
            let figure = Compared::with_nation(career, &i.cell, lang)?;
            Some(Entry {
                name: career.industry(i.industry)?.title.clone(),
                select: Select::Industry(i.industry),
                figure: Some(figure),
            })
        })
        .collect();
    let wording = Wording {
        column: Msg::ChartIndustriesColumn,
        detail: Some(Msg::ChartIndustriesDetail),
        summary: Msg::ChartIndustriesSummary,
    };
    RankedChart::new(entries, selected.map(Select::Industry), wording, lang, fmt)
}

// Native only: the SVG backend is a native dev-dependency.
/// The registry entry: national pay by industry, the reader's highlighted; choosing one selects
/// it.
pub const SPEC: Spec = Spec {
    section: Section::Industries,
    selectable: true,
    when_empty: None,
    depends: |cx| Depends::Industry(cx.industry()),
    build: |cx| {
        let chart = industries_chart(cx.career, cx.industry(), cx.lang, cx.fmt);
        let source = chart.source_line().to_string();
        Some(Built {
            chart: ChartRef::new(chart),
            title: cx.lang.text(Msg::ChartIndustriesTitle).to_string(),
            source,
            keys: SELECTION_KEYS.to_vec(),
        })
    },
};

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::charts::Chart;
    use crate::format::EnUs;

    fn chart(selected: Option<&str>) -> RankedChart {
        let career = crate::career::current().expect("the compiled-in pack decodes");
        industries_chart(
            career,
            selected.and_then(IndustryCode::parse),
            Lang::En,
            &EnUs,
        )
    }

    #[test]
    fn three_digit_industries_are_ranked_against_the_national_mean() {
        let chart = chart(None);
        let bars = &chart.bars().bars;
        assert!(bars.len() >= 15 && bars.len() < 40, "{}", bars.len());
        let hospitals = bars
            .iter()
            .find(|b| b.name == "Hospitals")
            .expect("hospitals are listed");
        assert_eq!(
            hospitals.mark_value,
            "$61,920 a year (+9% vs national $56,790)"
        );
        assert!(!bars.iter().any(|b| b.name.contains("Government Owned")));
        assert!(!bars.iter().any(|b| b.name == "Offices of Physicians"));
    }

    #[test]
    fn a_deeper_choice_is_added_and_highlighted() {
        let chart = chart(Some("621100"));
        let chosen: Vec<&str> = chart
            .bars()
            .bars
            .iter()
            .filter(|b| b.selected)
            .map(|b| b.name.as_str())
            .collect();
        assert_eq!(chosen, ["Offices of Physicians"]);
        let drawn = chart.scene(640.0);
        assert!(drawn
            .marks
            .iter()
            .any(|m| m.label == "Offices of Physicians"));
    }
}
