//! The checks a cell's figures must pass, on the model itself, so the importer and any tool that
//! builds or edits a pack judge figures the same way. No dependencies: it compiles everywhere.

use crate::model::{Cell, Figure, Wages, PERCENTILES};
use core::fmt;

/// BLS's full-time year: annual wages are hourly wages times this.
pub const HOURS_PER_YEAR: u32 = 2080;

/// How far, in dollars, a published annual figure may be from its hourly figure × 2080. BLS
/// computes both from unrounded wages and rounds annual to $10, so real rows are within $15.
pub const ANNUAL_TOLERANCE_DOLLARS: u32 = 16;

/// Which pay measure a problem is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Measure {
    Hourly,
    Annual,
}

/// Which statistic of a measure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Statistic {
    Mean,
    /// At this percentile point (10, 25, 50, 75, 90).
    Percentile(u8),
}

/// Something wrong with one cell's figures.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CellProblem {
    /// A published percentile is below the previous published one. (Equal is allowed: BLS
    /// publishes ties, e.g. a 25th percentile equal to the 10th where many are paid one rate.)
    Decreasing {
        measure: Measure,
        lower: u8,
        lower_value: u32,
        upper: u8,
        upper_value: u32,
    },
    /// A published percentile follows a top-coded one (`#` means "at least the top code", so
    /// anything published above it would have to be top-coded too).
    PublishedAfterTopCode {
        measure: Measure,
        top_coded: u8,
        published: u8,
    },
    /// Annual and hourly are both published but annual is not hourly × 2080 (± the tolerance).
    AnnualNotHourly {
        statistic: Statistic,
        hourly_cents: u32,
        annual: u32,
    },
}

/// `$1,234` or `$12.34`.
struct Money {
    cents: u64,
    whole: bool,
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let dollars = self.cents / 100;
        let (thousands, rest) = (dollars / 1000, dollars % 1000);
        if thousands > 0 {
            write!(f, "${thousands},{rest:03}")?;
        } else {
            write!(f, "${rest}")?;
        }
        let cents = self.cents % 100;
        if !self.whole || cents > 0 {
            write!(f, ".{cents:02}")?;
        }
        Ok(())
    }
}

fn money(measure: Measure, value: u32) -> Money {
    match measure {
        Measure::Hourly => Money {
            cents: u64::from(value),
            whole: false,
        },
        Measure::Annual => Money {
            cents: u64::from(value) * 100,
            whole: true,
        },
    }
}

impl fmt::Display for Measure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Measure::Hourly => "hourly",
            Measure::Annual => "annual",
        })
    }
}

impl fmt::Display for Statistic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Statistic::Mean => f.write_str("mean"),
            Statistic::Percentile(p) => write!(f, "{p}th percentile"),
        }
    }
}

impl fmt::Display for CellProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            CellProblem::Decreasing {
                measure,
                lower,
                lower_value,
                upper,
                upper_value,
            } => write!(
                f,
                "{measure} percentiles out of order: the {upper}th ({}) is below the {lower}th ({})",
                money(measure, upper_value),
                money(measure, lower_value)
            ),
            CellProblem::PublishedAfterTopCode {
                measure,
                top_coded,
                published,
            } => write!(
                f,
                "{measure} percentiles out of order: the {published}th is published after a top-coded (#) {top_coded}th"
            ),
            CellProblem::AnnualNotHourly {
                statistic,
                hourly_cents,
                annual,
            } => write!(
                f,
                "annual {statistic} {} is not hourly {} × {HOURS_PER_YEAR} = {} (within ${ANNUAL_TOLERANCE_DOLLARS})",
                money(Measure::Annual, annual),
                money(Measure::Hourly, hourly_cents),
                Money {
                    cents: u64::from(hourly_cents) * u64::from(HOURS_PER_YEAR),
                    whole: true
                }
            ),
        }
    }
}

impl Wages {
    /// Problems with the order of the percentiles: published ones never decrease (ties are real:
    /// about one row in ten of BLS's May 2025 files has two equal percentiles), and a top-coded one
    /// is never followed by a published one. Not-published percentiles are skipped.
    pub fn order_problems(&self, measure: Measure) -> Vec<CellProblem> {
        let mut problems = Vec::new();
        let mut last_published: Option<(u8, u32)> = None;
        let mut top_coded: Option<u8> = None;
        for (point, figure) in PERCENTILES.iter().zip(self.percentiles) {
            match figure {
                Figure::Value(value) => {
                    if let Some(top) = top_coded {
                        problems.push(CellProblem::PublishedAfterTopCode {
                            measure,
                            top_coded: top,
                            published: *point,
                        });
                    } else if let Some((lower, lower_value)) = last_published {
                        if value < lower_value {
                            problems.push(CellProblem::Decreasing {
                                measure,
                                lower,
                                lower_value,
                                upper: *point,
                                upper_value: value,
                            });
                        }
                    }
                    last_published = Some((*point, value));
                }
                Figure::TopCoded => top_coded = top_coded.or(Some(*point)),
                Figure::NotPublished => {}
            }
        }
        problems
    }
}

/// True if a published annual figure is within the tolerance of a published hourly one × 2080;
/// true as well when either is not a published number (nothing to compare).
pub fn annual_matches_hourly(hourly_cents: Figure, annual: Figure) -> bool {
    match (hourly_cents, annual) {
        (Figure::Value(h), Figure::Value(a)) => {
            let from_hourly = i64::from(h) * i64::from(HOURS_PER_YEAR);
            let annual_cents = i64::from(a) * 100;
            (annual_cents - from_hourly).abs() <= i64::from(ANNUAL_TOLERANCE_DOLLARS) * 100
        }
        _ => true,
    }
}

impl Cell {
    /// Every problem with this cell's wages: percentile order (hourly and annual separately), and
    /// annual against hourly × 2080 for the mean and each percentile.
    pub fn problems(&self) -> Vec<CellProblem> {
        let mut problems = self.hourly.order_problems(Measure::Hourly);
        problems.extend(self.annual.order_problems(Measure::Annual));
        let pairs = core::iter::once((Statistic::Mean, self.hourly.mean, self.annual.mean)).chain(
            PERCENTILES
                .iter()
                .zip(self.hourly.percentiles.iter().zip(self.annual.percentiles))
                .map(|(p, (h, a))| (Statistic::Percentile(*p), *h, a)),
        );
        for (statistic, hourly, annual) in pairs {
            if let (false, Figure::Value(hourly_cents), Figure::Value(annual)) =
                (annual_matches_hourly(hourly, annual), hourly, annual)
            {
                problems.push(CellProblem::AnnualNotHourly {
                    statistic,
                    hourly_cents,
                    annual,
                });
            }
        }
        problems
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Figure::{NotPublished as Np, TopCoded as Tc, Value as V};

    fn wages(percentiles: [Figure; 5]) -> Wages {
        Wages {
            mean: Np,
            percentiles,
        }
    }

    #[test]
    fn percentiles_must_not_decrease_skipping_unpublished_ones() {
        let ok = wages([V(100), Np, V(200), V(300), Tc]);
        assert!(ok.order_problems(Measure::Hourly).is_empty());
        // Ties are published by BLS (a 10th, 25th and median all $10.50).
        let tied = wages([V(1050), V(1050), V(1050), V(1200), V(1400)]);
        assert!(tied.order_problems(Measure::Hourly).is_empty());
        let down = wages([V(100), V(99), V(200), V(300), V(400)]);
        assert_eq!(
            down.order_problems(Measure::Hourly),
            [CellProblem::Decreasing {
                measure: Measure::Hourly,
                lower: 10,
                lower_value: 100,
                upper: 25,
                upper_value: 99
            }]
        );
        let across_gap = wages([V(300), Np, V(200), V(400), V(500)]);
        let problems = across_gap.order_problems(Measure::Annual);
        assert_eq!(problems.len(), 1);
        assert_eq!(
            problems[0].to_string(),
            "annual percentiles out of order: the 50th ($200) is below the 10th ($300)"
        );
    }

    #[test]
    fn a_published_percentile_after_a_top_coded_one_is_a_problem() {
        let bad = wages([V(100), V(200), Tc, V(300), Tc]);
        let problems = bad.order_problems(Measure::Hourly);
        assert_eq!(
            problems,
            [CellProblem::PublishedAfterTopCode {
                measure: Measure::Hourly,
                top_coded: 50,
                published: 75
            }]
        );
        assert!(problems[0].to_string().contains("top-coded (#) 50th"));
    }

    #[test]
    fn annual_must_be_hourly_times_2080_within_sixteen_dollars() {
        // $27.30 × 2080 = $56,784.
        assert!(annual_matches_hourly(V(2730), V(56_790)));
        assert!(annual_matches_hourly(V(2730), V(56_800)));
        assert!(!annual_matches_hourly(V(2730), V(56_801)));
        assert!(!annual_matches_hourly(V(2730), V(56_767)));
        assert!(annual_matches_hourly(V(2730), Np));
        assert!(annual_matches_hourly(Tc, V(1)));
        let cell = Cell {
            employment: Np,
            employment_rse: Np,
            wage_rse: Np,
            hourly: Wages {
                mean: V(2730),
                percentiles: [V(1779), V(2091), V(2459), V(3117), V(3901)],
            },
            annual: Wages {
                mean: V(56_900),
                percentiles: [V(37_000), V(43_490), V(51_140), V(64_820), V(81_150)],
            },
            jobs_per_1000: Np,
            location_quotient: Np,
        };
        let problems = cell.problems();
        assert_eq!(problems.len(), 1);
        assert_eq!(
            problems[0].to_string(),
            "annual mean $56,900 is not hourly $27.30 × 2080 = $56,784 (within $16)"
        );
    }
}
