//! Chart 3: pay in each industry with a published figure, ranked by the ratio the estimator
//! applies — the industry's annual mean over the national annual mean of the same year — drawn as
//! the percent difference from the national mean, outline-only where the figure is the article's.

use super::bars::{draw_ranked_bars, Comparison, Entry, RankedBars, Wording};
use super::palette::Palette;
use super::{Chart, DataTable, Drawn, Select};
use crate::estimator::factor;
use crate::figures::Figures;
use crate::format::NumberFormat;
use crate::messages::{Lang, Msg};
use plotters::coord::Shift;
use plotters::prelude::*;

/// Pay by industry, with every text already formatted (so drawing needs no locale).
#[derive(Clone, Debug, PartialEq)]
pub struct IndustriesChart {
    comparison: Comparison,
}

impl IndustriesChart {
    /// Every industry in `figures` with the factor the estimator would apply for it; `selected`
    /// is an industry id (`None`, or an id without a figure such as `all`, for all industries).
    pub fn new(
        figures: &Figures,
        selected: Option<&'static str>,
        lang: Lang,
        fmt: &dyn NumberFormat,
    ) -> Self {
        let entries = figures
            .industry_means
            .iter()
            .map(|figure| Entry {
                name: figure.name,
                select: Select::Industry(figure.id),
                factor: factor(figures, figure, Vec::new()),
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

    /// A source line for under the chart: each period and source with its count of industries,
    /// and the national means they are compared with.
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
    use crate::charts::bars::layout;
    use crate::charts::bars::svg::{labels, rects};
    use crate::charts::test_support::render_svg;
    use crate::figures::FIGURES;
    use crate::format::EnUs;

    const ESTIMATE: &str = "B43C00";
    const BAR: &str = "2B7BBA";

    fn chart(selected: Option<&'static str>) -> IndustriesChart {
        IndustriesChart::new(&FIGURES, selected, Lang::En, &EnUs)
    }

    #[test]
    fn every_industry_is_ranked_by_its_ratio_to_the_same_years_national_mean() {
        let (out, drawn) = render_svg(&chart(None), 640, 400);
        let names: Vec<&str> = drawn.marks.iter().map(|m| m.label.as_str()).collect();
        assert_eq!(
            names,
            [
                "Pharmaceutical and medicine manufacturing",
                "Drugs and druggists' sundries merchant wholesalers",
                "Legal services",
                "General Medical and Surgical Hospitals",
                "Home Health Care Services",
                "Nursing Care Facilities",
                "Outpatient Care Centers",
                "Offices of Physicians",
            ]
        );
        let texts: Vec<String> = labels(&out).into_iter().map(|l| l.text).collect();
        for t in [
            "+29%",
            "$50,170 (2014)",
            "+6%",
            "$37,960 (May 2011)",
            "−16%",
            "$30,120 (May 2011)",
            "Drugs and druggists' sundries merchant wholesalers",
        ] {
            assert!(texts.iter().any(|x| x == t), "{t} missing from {texts:?}");
        }
    }

    #[test]
    fn the_articles_figures_are_outlined_and_the_bls_ones_filled() {
        let (out, _) = render_svg(&chart(None), 640, 400);
        let all = rects(&out);
        assert_eq!(all.iter().filter(|r| r.fill == BAR).count(), 5);
        assert_eq!(all.iter().filter(|r| r.stroke == BAR).count(), 3);
        assert!(!out.contains(ESTIMATE));
    }

    #[test]
    fn the_chosen_industry_alone_is_drawn_in_the_estimate_colour() {
        let (out, drawn) = render_svg(&chart(Some("offices-of-physicians")), 640, 400);
        let row = &drawn.marks[7];
        let orange: Vec<_> = rects(&out)
            .into_iter()
            .filter(|r| r.fill == ESTIMATE || r.stroke == ESTIMATE)
            .collect();
        assert_eq!(orange.len(), 1, "{orange:?}");
        assert_eq!(orange[0].fill, ESTIMATE, "a BLS figure stays filled");
        assert!(orange[0].y > row.y0 && orange[0].y < row.y1);
        let orange_text: Vec<String> = labels(&out)
            .into_iter()
            .filter(|l| l.fill == ESTIMATE && l.bold)
            .map(|l| l.text)
            .collect();
        assert_eq!(
            orange_text,
            ["Offices of Physicians", "−16%", "$30,120 (May 2011)"]
        );
        assert_eq!(rects(&out).iter().filter(|r| r.fill == BAR).count(), 4);
        let (all, _) = render_svg(&chart(Some("all")), 640, 400);
        assert!(!all.contains(ESTIMATE));
    }

    #[test]
    fn every_mark_carries_value_period_source_and_what_it_selects() {
        let (_, drawn) = render_svg(&chart(None), 640, 400);
        let legal = &drawn.marks[2];
        assert_eq!(legal.label, "Legal services");
        assert_eq!(legal.value, "$48,680 a year (+25% vs national $38,860)");
        assert_eq!(
            legal.source,
            "2014, as reported by the article, not found in a BLS file"
        );
        assert_eq!(legal.select, Some(Select::Industry("legal-services")));
        let offices = &drawn.marks[7];
        assert_eq!(offices.value, "$30,120 a year (−16% vs national $35,920)");
        assert_eq!(offices.source, "May 2011, BLS OES industry table");
    }

    #[test]
    fn long_names_sit_above_their_bars_and_rows_never_overlap() {
        let model = chart(Some("legal-services"));
        for width in [390, 640] {
            let (out, drawn) = render_svg(&model, width, 400);
            assert!(layout(model.bars(), f64::from(width)).names_above);
            for pair in drawn.marks.windows(2) {
                assert!(pair[0].y1 <= pair[1].y0, "{:?} / {:?}", pair[0], pair[1]);
            }
            // Each name is drawn above its own bar, inside its own row.
            let all = labels(&out);
            for m in &drawn.marks {
                let name = all.iter().find(|l| l.text == m.label).expect("name drawn");
                let bar = rects(&out)
                    .into_iter()
                    .find(|r| r.y > m.y0 && r.y < m.y1)
                    .expect("bar drawn");
                assert!(name.y > m.y0 && name.y < bar.y, "{name:?} {bar:?} {m:?}");
            }
            let rightmost = rects(&out)
                .iter()
                .map(|r| r.x + r.width)
                .fold(0.0, f64::max);
            assert!(
                rightmost < f64::from(width) - 100.0,
                "room for labels: {rightmost}"
            );
        }
    }

    #[test]
    fn the_table_lists_industries_in_ranked_order_with_period_and_source() {
        let table = chart(Some("legal-services")).table();
        assert_eq!(
            table.columns,
            [
                "Industry",
                "Annual mean",
                "Period",
                "Versus national",
                "Source"
            ]
        );
        assert_eq!(table.rows.len(), 8);
        assert_eq!(
            table.rows[7],
            [
                "Offices of Physicians",
                "$30,120",
                "May 2011",
                "−16% (national annual mean $35,920, May 2011)",
                "BLS OES industry table"
            ]
        );
        assert_eq!(table.highlighted, Some(2));
        assert_eq!(chart(None).table().highlighted, None);
    }

    #[test]
    fn the_summary_names_the_extremes_the_method_and_the_standing() {
        let summary = chart(Some("legal-services")).summary();
        assert!(
            summary.starts_with(
                "Among the industries with a published figure, compared with the national annual \
                 mean of the same year, pay is highest in Pharmaceutical and medicine \
                 manufacturing (+29%; 2014, as reported by the article, not found in a BLS file) \
                 and lowest in Offices of Physicians (−16%; May 2011, BLS OES industry table)."
            ),
            "{summary}"
        );
        assert!(
            summary.contains(
                "Figures by period and source: May 2011, BLS OES industry table: 5; 2014, as \
                 reported by the article, not found in a BLS file: 3."
            ),
            "{summary}"
        );
        assert!(summary.ends_with(
            "Your choice, Legal services: $48,680 a year (+25% vs national $38,860); 2014, as \
             reported by the article, not found in a BLS file."
        ));
        assert!(chart(None)
            .source_line()
            .ends_with("(BLS OES national estimates: May 2011; May 2014)."));
    }

    #[test]
    fn a_very_narrow_chart_drops_the_dollar_column_rather_than_the_bars() {
        use crate::charts::bars::layout;
        let c = chart(None);
        assert!(layout(c.bars(), 640.0).show_detail);
        assert!(layout(c.bars(), 390.0).show_detail);
        let narrow = layout(c.bars(), 250.0);
        assert!(!narrow.show_detail);
        let (out, _) = render_svg(&c, 250, 600);
        assert!(
            !crate::charts::test_support::texts(&out)
                .iter()
                .any(|t| t.contains("(May 2011)")),
            "dollar column drawn at 250 px"
        );
    }
}
