//! The estimator's invariants over every occupation's pack as built (`target/packs`, written by
//! `cargo xtask packs`, which `cargo xtask test` runs first). Every run checks a sample (one
//! career in 14 and every career without a published annual distribution, about one place in 9,
//! two industries, seven experience levels); with `CPW_FULL_SWEEP=1` (`cargo xtask test --full`)
//! every career, every place and year with all industries and two of them, and every industry
//! at the nation (the industry ratio is national, so other places add nothing new for it).

use super::*;
use crate::career::Career;
use crate::experience_rule::MAX_YEARS;
use career_pack::{decode_gazetteer, Gazetteer};
use std::path::{Path, PathBuf};

/// Where `cargo xtask packs` builds the packs.
fn packs_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("target/packs")
}

/// Every career the build holds, decoded with the release's names.
fn every_career() -> Vec<&'static Career> {
    let dir = packs_dir();
    let manifest = std::fs::read_to_string(dir.join("manifest")).unwrap_or_else(|e| {
        panic!(
            "{}: {e}: build the packs first (`cargo xtask packs`; `cargo xtask test` does)",
            dir.display()
        )
    });
    let names = manifest
        .lines()
        .find_map(|l| l.strip_prefix("gazetteer="))
        .expect("the manifest names the gazetteer");
    let bytes = std::fs::read(dir.join(names)).expect("the gazetteer");
    let gazetteer: &'static Gazetteer =
        Box::leak(Box::new(decode_gazetteer(&bytes).expect("it decodes")));
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("the packs' directory")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "cpak"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|file| {
            let bytes = std::fs::read(file).expect("a pack");
            let career = Career::decode(&bytes, gazetteer)
                .unwrap_or_else(|e| panic!("{}: {e:?}", file.display()));
            &*Box::leak(Box::new(career))
        })
        .collect()
}

/// Every `n`th item (all of them when `n` is 1).
fn every<T: Copy>(items: &[T], n: usize) -> Vec<T> {
    items.iter().copied().step_by(n.max(1)).collect()
}

#[test]
fn every_careers_estimates_keep_their_invariants() {
    let full = std::env::var_os("CPW_FULL_SWEEP").is_some();
    let careers = every_career();
    assert_eq!(careers.len(), 830, "every detailed occupation has a pack");
    let (career_step, place_step) = if full { (1, 1) } else { (14, 9) };
    let years: Vec<u8> = if full {
        (0..=MAX_YEARS).collect()
    } else {
        vec![0, 1, 2, 5, 10, 20, MAX_YEARS]
    };
    let (mut estimates, mut without) = (0_usize, 0_usize);
    // Careers with no published annual distribution at all (hourly-only), always checked.
    let no_annual = |c: &&'static Career| {
        c.national_cell()
            .is_none_or(|n| annual_stats(&n.annual).is_none())
    };
    let mut chosen = every(&careers, career_step);
    chosen.extend(careers.iter().copied().filter(no_annual));
    for career in chosen {
        let places: Vec<&'static Place> = career.places().map(|(p, _)| p).collect();
        let mut industries = vec![IndustryChoice::All];
        industries.extend(
            career
                .pack
                .industries
                .iter()
                .filter_map(|i| career.industry(i.industry))
                .map(IndustryChoice::Industry),
        );
        let nation = career.nation().expect("the nation is a place");
        for place in every(&places, place_step) {
            let industries = if full && std::ptr::eq(place, nation) {
                &industries[..]
            } else {
                &industries[..industries.len().min(3)]
            };
            for industry in industries {
                let mut previous: Option<Estimate> = None;
                for &years in &years {
                    let inputs = Inputs {
                        place,
                        industry: *industry,
                        years,
                    };
                    let what = format!(
                        "{} in {}, {industry:?}, {years} years",
                        career.pack.soc, place.title
                    );
                    let e = match estimate(career, inputs) {
                        Ok(e) => e,
                        Err(EstimateError::NoPublishedDistribution) => {
                            // Only when not even the nation has a published annual distribution
                            // (hourly-only occupations such as actors).
                            let nation = career.national_cell().expect("a national row");
                            assert!(annual_stats(&nation.annual).is_none(), "{what}");
                            without += 1;
                            continue;
                        }
                    };
                    for v in [e.annual, e.low, e.high] {
                        assert!(v.is_finite() && v > 0.0, "{what}: {e:?}");
                    }
                    assert!(e.low <= e.annual && e.annual <= e.high, "{what}: {e:?}");
                    // An hourly figure only where BLS publishes one for the base place.
                    let hourly = e.base.cell.hourly.percentiles[2].is_published();
                    assert_eq!(e.hourly.is_some(), hourly, "{what}");
                    if let Some(h) = e.hourly {
                        assert_eq!(h, e.annual / HOURS_PER_YEAR, "{what}");
                    }
                    // Without an industry, the estimate stays within the base's published 10th
                    // to 90th percentiles (give or take the $100 rounding).
                    if *industry == IndustryChoice::All {
                        let p = e.base.annual.percentiles;
                        assert!(
                            p[0] - 50.0 <= e.annual && e.annual <= p[4] + 50.0,
                            "{what}: {} outside {p:?}",
                            e.annual
                        );
                    }
                    if let Some(p) = &previous {
                        assert!(
                            e.annual >= p.annual && e.low >= p.low && e.high >= p.high,
                            "{what}: less than with fewer years"
                        );
                    }
                    previous = Some(e);
                    estimates += 1;
                }
            }
        }
    }
    assert!(
        estimates > if full { 1_000_000 } else { 10_000 } && (full || without > 0),
        "only {estimates} estimates checked"
    );
    println!("{estimates} estimates checked; {without} inputs of hourly-only careers have none");
}
