//! Pay in each industry with a published figure (BLS OEWS, national): the industry's annual mean
//! over the national cross-industry annual mean of the same release, ranked. The industries are
//! the 3-digit NAICS level (the readable middle of the hierarchy), plus the reader's own choice
//! when it sits elsewhere.

use super::bars::{draw_ranked_bars, Compared, Comparison, Entry, RankedBars, Wording};
use super::palette::Palette;
use super::{Chart, DataTable, Drawn, Select};
use crate::career::Career;
use crate::format::NumberFormat;
use crate::messages::{Lang, Msg};
use career_pack::{IndustryCode, IndustryLevel};
use plotters::coord::Shift;
use plotters::prelude::*;

/// Pay by industry, with every text already formatted (so drawing needs no locale).
#[derive(Clone, Debug, PartialEq)]
pub struct IndustriesChart {
    comparison: Comparison,
}

impl IndustriesChart {
    /// Every 3-digit industry with a published mean, and `selected` (the reader's industry, if
    /// any) wherever it sits in the hierarchy.
    pub fn new(
        career: &Career,
        selected: Option<IndustryCode>,
        lang: Lang,
        fmt: &dyn NumberFormat,
    ) -> Self {
        let entries = career
            .pack
            .industries
            .iter()
            .filter(|i| {
                let code = i.industry;
                Some(code) == selected
                    || (code.level() == Some(IndustryLevel::ThreeDigit)
                        && !code.is_ownership_split())
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
        IndustriesChart {
            comparison: Comparison::new(
                entries,
                selected.map(Select::Industry),
                wording,
                lang,
                fmt,
            ),
        }
    }

    /// The rows as drawn, highest first.
    pub fn bars(&self) -> &RankedBars {
        &self.comparison.bars
    }

    /// A source line for under the chart.
    pub fn source_line(&self) -> &str {
        &self.comparison.source_line
    }
}

impl Chart for IndustriesChart {
    fn draw<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        palette: &Palette,
        scale: f64,
    ) -> Result<Drawn, DrawingAreaErrorKind<DB::ErrorType>> {
        draw_ranked_bars(area, &self.comparison.bars, palette, scale)
    }

    fn summary(&self) -> String {
        self.comparison.summary.clone()
    }

    fn table(&self) -> DataTable {
        self.comparison.table()
    }
}

// Native only: the SVG backend is a native dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::charts::test_support::render_svg;
    use crate::format::EnUs;

    fn chart(selected: Option<&str>) -> IndustriesChart {
        let career = crate::career::current().expect("the compiled-in pack decodes");
        IndustriesChart::new(
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
        let (_, drawn) = render_svg(&chart, 640, 1200);
        assert!(drawn
            .marks
            .iter()
            .any(|m| m.label == "Offices of Physicians"));
    }
}
