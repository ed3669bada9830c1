//! Chart 2: pay in each state and DC, ranked by the ratio the estimator applies — the state's
//! annual mean over the national annual mean of the same year — drawn as the percent difference
//! from the national mean, outline-only where the figure is not from a BLS file.

use super::bars::{draw_ranked_bars, Comparison, Entry, RankedBars, Wording};
use super::palette::Palette;
use super::{Chart, DataTable, Drawn, Select};
use crate::estimator::{state_adjustment, Adjustment};
use crate::figures::Figures;
use crate::format::NumberFormat;
use crate::messages::{Lang, Msg};
use plotters::coord::Shift;
use plotters::prelude::*;

/// Pay by state, with every text already formatted (so drawing needs no locale).
#[derive(Clone, Debug, PartialEq)]
pub struct StatesChart {
    comparison: Comparison,
}

impl StatesChart {
    /// Every state and DC in `figures`, each with the figure the estimator would apply for it;
    /// `selected` is a USPS code (`None`, or a code that is not a state, for national).
    pub fn new(
        figures: &Figures,
        selected: Option<&'static str>,
        lang: Lang,
        fmt: &dyn NumberFormat,
    ) -> Self {
        let entries = figures
            .areas
            .iter()
            .map(|area| Entry {
                name: area.name,
                select: Select::State(area.code),
                factor: match state_adjustment(figures, area) {
                    Adjustment::Applied(factor) => Some(factor),
                    Adjustment::None | Adjustment::FellBackToNational => None,
                },
            })
            .collect();
        let wording = Wording {
            column: Msg::ChartStatesColumn,
            detail: None,
            summary: Msg::ChartStatesSummary,
        };
        StatesChart {
            comparison: Comparison::new(entries, selected.map(Select::State), wording, lang, fmt),
        }
    }

    /// The rows as drawn, highest first.
    pub fn bars(&self) -> &RankedBars {
        &self.comparison.bars
    }

    /// A source line for under the chart: each period and source with its count of states, and
    /// the national means they are compared with.
    pub fn source_line(&self) -> &str {
        &self.comparison.source_line
    }
}

impl Chart for StatesChart {
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
    use crate::charts::bars::svg::{labels, rects};
    use crate::charts::test_support::{fills, render_svg, texts};
    use crate::charts::Mark;
    use crate::figures::{MeanWage, FIGURES};
    use crate::format::EnUs;

    const ESTIMATE: &str = "B43C00";
    const BAR: &str = "2B7BBA";
    const BACKGROUND: &str = "F5F7FA";

    fn chart(selected: Option<&'static str>) -> StatesChart {
        StatesChart::new(&FIGURES, selected, Lang::En, &EnUs)
    }

    fn mark<'a>(drawn: &'a Drawn, label: &str) -> &'a Mark {
        drawn
            .marks
            .iter()
            .find(|m| m.label == label)
            .expect("a mark for the row")
    }

    /// Bars drawn in a mark's row: the rectangles whose middle falls inside it.
    fn bars_in(out: &str, m: &Mark) -> Vec<crate::charts::bars::svg::Rect> {
        rects(out)
            .into_iter()
            .filter(|r| {
                let y = r.y + r.height / 2.0;
                y > m.y0 && y < m.y1
            })
            .collect()
    }

    #[test]
    fn every_state_and_dc_is_ranked_by_its_ratio_to_the_same_years_national_mean() {
        let (out, drawn) = render_svg(&chart(None), 640, 1000);
        let names: Vec<&str> = drawn.marks.iter().map(|m| m.label.as_str()).collect();
        assert_eq!(names.len(), 51);
        assert_eq!(
            names[..4],
            ["District of Columbia", "New Jersey", "Hawaii", "California"]
        );
        assert_eq!(names[49..], ["Mississippi", "Arkansas"]);
        let texts = texts(&out);
        for t in [
            "District of Columbia",
            "+78%",
            "New Jersey",
            "+54%",
            "Arkansas",
            "−21%",
        ] {
            assert!(texts.iter().any(|x| x == t), "{t} missing from {texts:?}");
        }
        // New York: the BLS May 2014 file's ratio (×1.087), not the later secondary figure.
        let ny = mark(&drawn, "New York");
        assert_eq!(ny.value, "$42,250 a year (+9% vs national $38,860)");
        // Ohio's mean equals May 2018's national mean to the nearest percent: no negative zero.
        assert!(texts.iter().any(|t| t == "0%"), "{texts:?}");
        assert!(!texts.iter().any(|t| t == "−0%"));
        // Positive bars grow right of the zero line, negative ones left of it.
        let dc = bars_in(&out, mark(&drawn, "District of Columbia"));
        let ar = bars_in(&out, mark(&drawn, "Arkansas"));
        let (dc, ar) = (&dc[dc.len() - 1], &ar[ar.len() - 1]);
        assert!((ar.x + ar.width - dc.x).abs() <= 1.0, "{dc:?} {ar:?}");
        assert!(dc.width > 3.0 * ar.width, "{dc:?} {ar:?}");
    }

    #[test]
    fn figures_not_from_a_bls_file_are_outlined_and_bls_ones_filled() {
        let (out, drawn) = render_svg(&chart(None), 640, 1000);
        for (state, filled) in [
            ("New York", true),
            ("District of Columbia", false),
            ("California", false),
        ] {
            let rows = bars_in(&out, mark(&drawn, state));
            if filled {
                assert_eq!(rows.len(), 1, "{state}: {rows:?}");
                assert_eq!(
                    (rows[0].fill.as_str(), rows[0].stroke.as_str()),
                    (BAR, "NONE")
                );
            } else {
                assert_eq!(rows.len(), 2, "{state}: {rows:?}");
                assert_eq!(rows[0].fill, BACKGROUND, "{state}");
                assert_eq!(
                    (rows[1].fill.as_str(), rows[1].stroke.as_str()),
                    ("NONE", BAR)
                );
            }
        }
        let filled = rects(&out).iter().filter(|r| r.fill == BAR).count();
        assert_eq!(filled, 1, "only New York's figure is from a BLS file");
        assert!(!fills(&out).iter().any(|f| f == ESTIMATE));
    }

    #[test]
    fn the_chosen_state_alone_is_drawn_in_the_estimate_colour_and_bold() {
        let (out, drawn) = render_svg(&chart(Some("NJ")), 640, 1000);
        let nj = mark(&drawn, "New Jersey");
        let orange: Vec<_> = rects(&out)
            .into_iter()
            .filter(|r| r.fill == ESTIMATE || r.stroke == ESTIMATE)
            .collect();
        assert_eq!(orange.len(), 1, "{orange:?}");
        assert!(orange[0].y > nj.y0 && orange[0].y < nj.y1);
        assert_eq!(
            orange[0].stroke, ESTIMATE,
            "the article's figure stays outlined"
        );
        let orange_text: Vec<(String, bool)> = labels(&out)
            .into_iter()
            .filter(|l| l.fill == ESTIMATE)
            .map(|l| (l.text, l.bold))
            .collect();
        assert_eq!(
            orange_text,
            [("New Jersey".to_string(), true), ("+54%".to_string(), true)]
        );
        assert_eq!(labels(&out).iter().filter(|l| l.bold).count(), 2);

        let (out, _) = render_svg(&chart(Some("NY")), 640, 1000);
        let filled: Vec<_> = rects(&out)
            .into_iter()
            .filter(|r| r.fill == ESTIMATE)
            .collect();
        assert_eq!(filled.len(), 1, "New York's BLS figure is filled in orange");
        assert!(
            !rects(&out).iter().any(|r| r.fill == BAR),
            "no other bar is filled"
        );
    }

    #[test]
    fn national_or_an_unknown_code_highlights_nothing() {
        for selected in [None, Some("US"), Some("XX")] {
            let (out, _) = render_svg(&chart(selected), 640, 1000);
            assert!(!out.contains(ESTIMATE), "{selected:?}");
            assert_eq!(chart(selected).table().highlighted, None);
        }
    }

    #[test]
    fn every_mark_carries_value_period_source_and_what_it_selects() {
        let (_, drawn) = render_svg(&chart(None), 640, 1000);
        let nj = mark(&drawn, "New Jersey");
        assert_eq!(nj.value, "$59,740 a year (+54% vs national $38,860)");
        assert_eq!(
            nj.source,
            "2014, as reported by the article, not found in a BLS file"
        );
        assert_eq!(nj.select, Some(Select::State("NJ")));
        let ca = mark(&drawn, "California");
        assert_eq!(ca.value, "$51,880 a year (+18% vs national $44,010)");
        assert_eq!(
            ca.source,
            "May 2018, Becker's Hospital Review, secondary source quoting BLS"
        );
        assert_eq!(
            mark(&drawn, "New York").source,
            "May 2014, BLS OES state estimates"
        );
        // The whole row is the mark: name at the left to value label at the right.
        assert_eq!((nj.x0, nj.x1), (0.0, 640.0));
        let centre = (nj.y0 + nj.y1) / 2.0;
        let hit = crate::charts::mark_at(&drawn.marks, 20.0, centre, 4.0);
        assert_eq!(
            hit.map(|i| drawn.marks[i].label.as_str()),
            Some("New Jersey")
        );
    }

    #[test]
    fn at_390_px_all_51_rows_fit_without_overlapping() {
        let model = chart(Some("DC"));
        let (out, drawn) = render_svg(&model, 390, 1000);
        assert_eq!(drawn.marks.len(), 51);
        for pair in drawn.marks.windows(2) {
            assert!(pair[0].y1 <= pair[1].y0, "{:?} / {:?}", pair[0], pair[1]);
            assert!(
                pair[0].y1 - pair[0].y0 >= 16.0,
                "rows stay tall enough to read"
            );
        }
        assert!(drawn.height >= drawn.marks[50].y1);
        assert!(drawn.height < 1000.0, "{}", drawn.height);
        // Full names, in a column left of the bars.
        let dc_name = labels(&out)
            .into_iter()
            .find(|l| l.text == "District of Columbia")
            .expect("full name drawn");
        assert_eq!(dc_name.anchor, "start");
        let bars: Vec<_> = rects(&out);
        let leftmost = bars.iter().map(|r| r.x).fold(f64::INFINITY, f64::min);
        let rightmost = bars.iter().map(|r| r.x + r.width).fold(0.0, f64::max);
        assert!(
            leftmost > 100.0,
            "bars start right of the names: {leftmost}"
        );
        assert!(
            rightmost < 390.0 - 30.0,
            "room for +78% after the bar: {rightmost}"
        );
    }

    #[test]
    fn the_table_lists_states_in_ranked_order_with_period_and_source() {
        let table = chart(Some("NJ")).table();
        assert_eq!(
            table.columns,
            [
                "State",
                "Annual mean",
                "Period",
                "Versus national",
                "Source"
            ]
        );
        assert_eq!(table.rows.len(), 51);
        assert_eq!(
            table.rows[0],
            [
                "District of Columbia",
                "$69,100",
                "2014",
                "+78% (national annual mean $38,860, May 2014)",
                "as reported by the article, not found in a BLS file"
            ]
        );
        assert_eq!(table.rows[1][0], "New Jersey");
        assert_eq!(table.highlighted, Some(1));
        assert_eq!(table.rows[50][0], "Arkansas");
        assert_eq!(
            table.rows[50][3],
            "−21% (national annual mean $44,010, May 2018)"
        );
    }

    #[test]
    fn the_summary_names_the_extremes_the_method_and_the_standing() {
        let summary = chart(Some("TX")).summary();
        assert!(
            summary.starts_with(
                "Compared with the national annual mean of the same year, pay is highest in \
                 District of Columbia (+78%; 2014, as reported by the article, not found in a BLS \
                 file) and lowest in Arkansas (−21%; May 2018, Becker's Hospital Review, \
                 secondary source quoting BLS)."
            ),
            "{summary}"
        );
        assert!(
            summary.contains(
                "Figures by period and source: May 2018, Becker's Hospital Review, secondary \
                 source quoting BLS: 47; 2014, as reported by the article, not found in a BLS \
                 file: 3; May 2014, BLS OES state estimates: 1."
            ),
            "{summary}"
        );
        assert!(
            summary.ends_with(
                "Your choice, Texas: $41,950 a year (−5% vs national $44,010); May 2018, \
                 Becker's Hospital Review, secondary source quoting BLS."
            ),
            "{summary}"
        );
        assert!(!chart(None).summary().contains("Your choice"));
        assert!(chart(None)
            .source_line()
            .ends_with("(BLS OES national estimates: May 2014; May 2018)."));
    }

    #[test]
    fn a_state_without_a_usable_figure_is_listed_last_without_a_bar() {
        // DC's only figure is the article's: without it DC has nothing the estimator can use.
        let means: Vec<MeanWage> = FIGURES
            .state_means
            .iter()
            .filter(|m| m.id != "DC")
            .map(|m| MeanWage { ..*m })
            .collect();
        let figures = Figures {
            state_means: Box::leak(means.into_boxed_slice()),
            ..FIGURES
        };
        let model = StatesChart::new(&figures, Some("DC"), Lang::En, &EnUs);
        let (out, drawn) = render_svg(&model, 390, 1000);
        let last = &drawn.marks[50];
        assert_eq!(last.label, "District of Columbia");
        assert_eq!(last.value, "no figure");
        assert!(bars_in(&out, last).is_empty());
        assert!(texts(&out).iter().any(|t| t == "no figure"));
        assert_eq!(drawn.marks[0].label, "New Jersey");
        let table = model.table();
        assert_eq!(table.highlighted, Some(50));
        assert_eq!(table.rows[50][1], "no figure");
    }
}
