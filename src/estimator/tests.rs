//! Estimator tests: known May 2025 figures, the fallbacks, and properties over every real input
//! (every place x every industry x every year) and over generated distributions.

use super::*;
use crate::career::testing::{career, inputs};
use crate::experience_rule::MAX_YEARS;
use career_pack::AreaCode;
use proptest::prelude::*;

fn place(code: u32) -> &'static Place {
    career()
        .gazetteer
        .place(AreaCode(code))
        .expect("a known place")
}

fn industry(code: &str) -> IndustryChoice {
    inputs(0, code, 0).industry
}

fn run(place_code: u32, industry: IndustryChoice, years: u8) -> Estimate {
    estimate(
        career(),
        Inputs {
            place: place(place_code),
            industry,
            years,
        },
    )
    .expect("an estimate")
}

#[test]
fn national_five_years_is_the_published_may_2025_median() {
    let e = run(0, IndustryChoice::All, 5);
    assert_eq!(e.annual, 51_100.0); // $51,140 rounded to $100
    assert_eq!(e.experience.percentile, 50.0);
    assert_eq!(e.interpolation, Interpolation::Published);
    assert_eq!(e.base.annual.median(), 51_140.0);
    assert!(e.base.skipped.is_empty());
    assert_eq!((e.low_percentile, e.high_percentile), (33.0, 67.0));
    assert!(e.low < 51_140.0 && e.high > 51_140.0);
    assert_eq!(e.precision.wage_rse_tenths, Some(4));
    assert!(!e.precision.caution);
}

#[test]
fn a_newcomer_earns_between_the_published_10th_and_25th_percentiles() {
    let e = run(0, IndustryChoice::All, 0);
    assert!(e.annual > 37_000.0 && e.annual < 43_490.0, "{}", e.annual);
    assert_eq!(e.low, 37_000.0); // the 10th percentile
}

#[test]
fn a_place_uses_its_own_distribution() {
    // At 5 years (the 50th percentile) the estimate is New Jersey's own published median.
    let nj = career().cell(place(3_400_000)).expect("New Jersey row");
    let median = f64::from(nj.annual.percentiles[2].value().expect("published"));
    let e = run(3_400_000, IndustryChoice::All, 5);
    assert_eq!(e.base.place.title, "New Jersey");
    assert_eq!(e.annual, (median / 100.0).round() * 100.0);
}

#[test]
fn a_metro_without_published_wages_falls_back_to_its_state_and_says_so() {
    // Elmira, NY: employment published, wages not.
    let e = run(21_300, IndustryChoice::All, 5);
    assert_eq!(e.base.place.title, "New York");
    assert_eq!(e.base.skipped.len(), 1);
    assert_eq!(e.base.skipped[0].title, "Elmira, NY");
    assert!(std::ptr::eq(e.inputs.place, e.base.skipped[0]));
}

#[test]
fn industry_enters_as_a_ratio_of_national_means() {
    let e = run(0, industry("622000"), 5);
    match e.industry {
        IndustryAdjustment::Means {
            industry_mean,
            national_mean,
            ratio,
            ..
        } => {
            assert_eq!(industry_mean, 61_920.0); // hospitals' published mean
            assert_eq!(national_mean, 56_790.0);
            assert!((ratio - 61_920.0 / 56_790.0).abs() < 1e-12);
        }
        other => panic!("expected a ratio of means, got {other:?}"),
    }
    assert_eq!(
        e.annual,
        (51_140.0 * 61_920.0 / 56_790.0 / 100.0_f64).round() * 100.0
    );
}

#[test]
fn a_high_rse_place_carries_a_caution() {
    let cautioned = career()
        .places()
        .find(|(_, a)| {
            a.cell
                .wage_rse
                .value()
                .is_some_and(|r| r >= RSE_CAUTION_TENTHS)
        })
        .map(|(p, _)| p)
        .expect("some metro has a high RSE");
    let e = estimate(
        career(),
        Inputs {
            place: cautioned,
            industry: IndustryChoice::All,
            years: 3,
        },
    )
    .expect("an estimate");
    assert!(e.precision.caution, "{:?}", e.precision);
}

fn all_places() -> Vec<&'static Place> {
    career().places().map(|(p, _)| p).collect()
}

fn all_industries() -> Vec<IndustryChoice> {
    std::iter::once(IndustryChoice::All)
        .chain(
            career()
                .pack
                .industries
                .iter()
                .filter_map(|i| career().industry(i.industry))
                .map(IndustryChoice::Industry),
        )
        .collect()
}

/// Every input a user can choose: every place x every industry x 31 years.
#[test]
fn every_real_input_gives_a_sane_estimate() {
    let (places, industries) = (all_places(), all_industries());
    let mut cases = 0;
    for place in &places {
        for industry in &industries {
            let mut previous: Option<Estimate> = None;
            for years in 0..=MAX_YEARS {
                let inputs = Inputs {
                    place,
                    industry: *industry,
                    years,
                };
                let e = estimate(career(), inputs).expect("the nation is always published");
                for v in [e.annual, e.low, e.high] {
                    assert!(v.is_finite() && v > 0.0, "{e:?}");
                }
                assert!(e.low <= e.annual && e.annual <= e.high, "{e:?}");
                assert_eq!(e.hourly, Some(e.annual / HOURS_PER_YEAR));
                if let Some(p) = &previous {
                    assert!(
                        e.annual >= p.annual && e.low >= p.low && e.high >= p.high,
                        "{} / {:?}: {} years gives less than {}",
                        place.title,
                        industry,
                        years,
                        years - 1
                    );
                }
                previous = Some(e);
                cases += 1;
            }
        }
    }
    assert_eq!(cases, places.len() * industries.len() * 31);
    assert_eq!(places.len(), 561);
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
        let p = experience_rule::place(years).percentile;
        let s = scale(&stats, p, ratio);
        for v in [s.annual, s.low, s.high] {
            prop_assert!(v.is_finite() && v >= 0.0);
        }
        prop_assert!(s.low <= s.annual && s.annual <= s.high);
        if years > 0 {
            let before = scale(&stats, experience_rule::place(years - 1).percentile, ratio);
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
