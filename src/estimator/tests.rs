//! Estimator tests: known figures, the picking rules, and properties over every real input and
//! over generated distributions.

use super::*;
use crate::experience::MAX_YEARS;
use crate::figures::FIGURES;
use proptest::prelude::*;

fn inputs(state: &str, industry: &str, years: u8) -> Inputs {
    Inputs {
        region: FIGURES.area(state).map_or(Region::National, Region::State),
        industry: FIGURES
            .industry(industry)
            .map_or(IndustryChoice::All, IndustryChoice::Industry),
        years,
    }
}

fn run(state: &str, industry: &str, years: u8) -> Estimate {
    estimate(&FIGURES, inputs(state, industry, years)).expect("base year present")
}

fn applied(adjustment: &Adjustment) -> &Factor {
    match adjustment {
        Adjustment::Applied(f) => f,
        other => panic!("expected a factor, got {other:?}"),
    }
}

#[test]
fn national_five_years_is_the_published_median() {
    let e = run("US", "all", 5);
    assert_eq!(e.annual, 35_900.0);
    assert_eq!(format!("{:.2}", e.hourly), "17.26");
    assert_eq!(e.experience.percentile, 50.0);
    assert_eq!(e.interpolation, Interpolation::Published);
    assert_eq!((e.low_percentile, e.high_percentile), (33.0, 67.0));
    assert!(e.low < 35_900.0 && e.high > 35_900.0);
    assert_eq!(e.base.period, "May 2014");
}

#[test]
fn entry_level_sits_between_the_10th_and_25th_percentiles() {
    let e = run("US", "all", 0);
    assert!(e.annual > 23_340.0 && e.annual < 28_250.0, "{}", e.annual);
    assert_eq!(e.low, 23_300.0); // the 10th percentile, $23,340, rounded to $100
}

#[test]
fn new_jersey_uses_its_2014_figure_as_reported_by_the_article() {
    let e = run("NJ", "all", 5);
    let f = applied(&e.state);
    assert_eq!(f.figure.annual_mean, 59_740.0);
    assert_eq!(f.figure.source.standing, Standing::Article);
    assert_eq!(f.pick, Pick::SameYear);
    assert!((f.ratio - 59_740.0 / 38_860.0).abs() < 1e-12);
    assert_eq!(f.alternatives.len(), 1);
    assert_eq!(f.alternatives[0].year, 2018);
    assert_eq!(e.annual, (35_900.0 * f.ratio / 100.0).round() * 100.0);
}

#[test]
fn new_york_prefers_the_bls_state_file() {
    let f = applied(&run("NY", "all", 5).state).clone();
    assert_eq!(f.figure.annual_mean, 42_250.0);
    assert_eq!(f.figure.source.standing, Standing::Primary);
}

#[test]
fn texas_applies_the_2018_ratio_and_says_it_is_another_year() {
    let f = applied(&run("TX", "all", 5).state).clone();
    assert_eq!(f.figure.year, 2018);
    assert_eq!(f.pick, Pick::OtherYear);
    assert_eq!(f.national.annual.mean, 44_010.0);
    assert!((f.ratio - 41_950.0 / 44_010.0).abs() < 1e-12);
}

#[test]
fn dc_has_no_2018_figure_and_uses_2014() {
    let f = applied(&run("DC", "all", 5).state).clone();
    assert_eq!(f.figure.year, 2014);
    assert_eq!(f.figure.annual_mean, 69_100.0);
    assert!(f.alternatives.is_empty());
}

#[test]
fn industry_ratio_uses_the_national_mean_of_its_own_year() {
    let e = run("US", "offices-of-physicians", 5);
    let f = applied(&e.industry);
    assert_eq!(f.national.year, 2011);
    assert!((f.ratio - 30_120.0 / 35_920.0).abs() < 1e-12);
    assert!(e.annual < 35_900.0);
}

#[test]
fn a_state_without_any_figure_falls_back_to_national_and_says_so() {
    let no_state_figures = Figures {
        state_means: &[],
        ..FIGURES
    };
    let e = estimate(&no_state_figures, inputs("NJ", "all", 5)).expect("base year");
    assert_eq!(e.state, Adjustment::FellBackToNational);
    assert_eq!(e.annual, 35_900.0);
}

#[test]
fn missing_base_year_is_an_error_not_a_panic() {
    let empty = Figures {
        national: &[],
        ..FIGURES
    };
    assert_eq!(
        estimate(&empty, inputs("US", "all", 5)),
        Err(EstimateError::NoBaseDistribution)
    );
}

fn all_regions() -> Vec<Region> {
    std::iter::once(Region::National)
        .chain(FIGURES.areas.iter().map(Region::State))
        .collect()
}

fn all_industries() -> Vec<IndustryChoice> {
    std::iter::once(IndustryChoice::All)
        .chain(FIGURES.industry_means.iter().map(IndustryChoice::Industry))
        .collect()
}

/// Every input a user can choose: 52 regions x 9 industries x 31 years = 14,508 cases.
#[test]
fn every_real_input_gives_a_sane_estimate() {
    let mut cases = 0;
    for region in all_regions() {
        for industry in all_industries() {
            let mut previous: Option<Estimate> = None;
            for years in 0..=MAX_YEARS {
                let e = estimate(
                    &FIGURES,
                    Inputs {
                        region,
                        industry,
                        years,
                    },
                )
                .expect("base");
                for v in [e.annual, e.low, e.high, e.hourly] {
                    assert!(v.is_finite() && v > 0.0, "{e:?}");
                }
                assert!(e.low <= e.annual && e.annual <= e.high, "{e:?}");
                assert_eq!(e.hourly, e.annual / HOURS_PER_YEAR);
                if let Some(p) = &previous {
                    assert!(e.annual >= p.annual && e.low >= p.low && e.high >= p.high);
                }
                assert_ne!(e.state, Adjustment::FellBackToNational, "{region:?}");
                previous = Some(e);
                cases += 1;
            }
        }
    }
    assert_eq!(cases, 52 * 9 * 31);
}

/// A strictly increasing, positive five-point distribution with a mean.
fn any_distribution() -> impl Strategy<Value = WageStats> {
    (1_000.0..200_000.0f64, prop::array::uniform5(0.01..0.8f64)).prop_map(|(start, steps)| {
        let mut percentiles = [0.0; 5];
        let mut value = start;
        for (slot, step) in percentiles.iter_mut().zip(steps) {
            *slot = value;
            value *= 1.0 + step;
        }
        WageStats {
            mean: percentiles[2] * 1.05,
            percentiles,
        }
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(10_000))]

    #[test]
    fn scaled_estimates_are_sane_for_any_distribution(
        stats in any_distribution(),
        years in 0u8..=MAX_YEARS,
        ratio in 0.2..3.0f64,
        boost in 1.0..2.5f64,
    ) {
        let p = experience::place(years).percentile;
        let s = scale(&stats, p, ratio);
        for v in [s.annual, s.low, s.high] {
            prop_assert!(v.is_finite() && v >= 0.0);
        }
        prop_assert!(s.low <= s.annual && s.annual <= s.high);
        if years > 0 {
            let before = scale(&stats, experience::place(years - 1).percentile, ratio);
            prop_assert!(s.annual >= before.annual);
        }
        // A factor above 1 never lowers the estimate.
        let boosted = scale(&stats, p, ratio * boost);
        prop_assert!(boosted.annual >= s.annual && boosted.low >= s.low && boosted.high >= s.high);
    }

    #[test]
    fn nonsense_ratios_and_percentiles_never_give_nan(
        stats in any_distribution(),
        percentile in prop::num::f64::ANY,
        ratio in prop::num::f64::ANY,
    ) {
        let s = scale(&stats, percentile, ratio);
        prop_assert!(s.annual.is_finite() && s.annual >= 0.0);
        prop_assert!(s.low <= s.annual && s.annual <= s.high);
    }
}
