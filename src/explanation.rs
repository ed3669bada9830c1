//! An estimate in words: one sentence per step, each naming its figure's source and year.
//! Pure, so tests read exactly what the user reads.

use crate::distribution::Interpolation;
use crate::estimator::{Adjustment, Estimate, Factor, Pick, Region, HOURS_PER_YEAR};
use crate::figures::{MeanWage, Source, Standing};
use crate::format::NumberFormat;
use crate::messages::{Lang, Msg};

/// A source as named inside a sentence: its short name, with how far to trust it when it is not a
/// BLS file (`Becker's Hospital Review, secondary source quoting BLS`); a figure only the article
/// reports is named by that fact alone.
pub fn source_in_sentence(source: &Source, lang: Lang) -> String {
    match source.standing {
        Standing::Primary => source.short_name.to_string(),
        Standing::Secondary => format!("{}, {}", source.short_name, standing_label(source, lang)),
        Standing::Article => standing_label(source, lang).to_string(),
    }
}

/// "Publisher: title", plus how far to trust it when it is not a BLS file.
pub fn source_label(source: &Source, lang: Lang) -> String {
    match source.standing {
        Standing::Primary => format!("{}: {}", source.publisher, source.title),
        _ => format!(
            "{}: {}, {}",
            source.publisher,
            source.title,
            standing_label(source, lang)
        ),
    }
}

/// How far to trust a source, in a few words: `BLS`, `as reported by the article`, ...
pub fn standing_label(source: &Source, lang: Lang) -> &'static str {
    lang.text(match source.standing {
        Standing::Primary => Msg::StandingPrimary,
        Standing::Secondary => Msg::StandingSecondary,
        Standing::Article => Msg::StandingArticle,
    })
}

/// One short line per state or industry adjustment, shown with the estimate itself so the
/// figures behind it (and any year or source caveat) are visible without opening the steps.
pub fn factor_notes(e: &Estimate, lang: Lang, fmt: &dyn NumberFormat) -> Vec<String> {
    let state_name = match e.inputs.region {
        Region::National => None,
        Region::State(area) => Some(area.name),
    };
    [(&e.state, state_name), (&e.industry, None)]
        .into_iter()
        .filter_map(|(adjustment, name)| match adjustment {
            Adjustment::None => None,
            Adjustment::FellBackToNational => Some(lang.fill(
                Msg::StepFallback,
                &[name.unwrap_or(lang.text(Msg::IndustryLabel))],
            )),
            Adjustment::Applied(f) => {
                let ratio = fmt.number(f.ratio, 3);
                let standing = standing_label(f.figure.source, lang);
                Some(match f.pick {
                    Pick::SameYear => lang.fill(
                        Msg::NoteFactor,
                        &[f.figure.name, &ratio, f.figure.period, standing],
                    ),
                    Pick::OtherYear => lang.fill(
                        Msg::NoteOtherYear,
                        &[
                            f.figure.name,
                            &ratio,
                            f.figure.period,
                            standing,
                            e.base.period,
                        ],
                    ),
                })
            }
        })
        .collect()
}

/// `5 years`, `1 year`.
pub fn years_label(years: u8, lang: Lang) -> String {
    if years == 1 {
        lang.text(Msg::YearsValueOne).to_string()
    } else {
        lang.fill(Msg::YearsValue, &[&years.to_string()])
    }
}

/// The steps of the estimate, in order.
pub fn explain(e: &Estimate, lang: Lang, fmt: &dyn NumberFormat) -> Vec<String> {
    let money = |v: f64| fmt.money(v);
    let mut steps = vec![
        lang.fill(
            Msg::StepExperience,
            &[
                &years_label(e.experience.years, lang),
                &lang.ordinal(e.experience.percentile),
                &roman(e.experience.level),
            ],
        ),
        lang.text(Msg::StepExperienceRule).to_string(),
    ];
    let base = e.base;
    steps.push(match e.interpolation {
        Interpolation::Published => lang.fill(
            Msg::StepBasePublished,
            &[
                &lang.ordinal(e.experience.percentile),
                base.period,
                &money(e.base_value),
                base.soc_code,
            ],
        ),
        Interpolation::Between { below, above } => lang.fill(
            Msg::StepBaseInterpolated,
            &[
                &lang.ordinal(e.experience.percentile),
                base.period,
                &money(e.base_value),
                &lang.ordinal(below.0),
                &money(below.1),
                &lang.ordinal(above.0),
                &money(above.1),
                base.soc_code,
            ],
        ),
    });
    let state_name = match e.inputs.region {
        Region::National => None,
        Region::State(area) => Some(area.name),
    };
    adjustment_steps(
        &mut steps,
        &e.state,
        state_name,
        Msg::StepStateNone,
        e,
        lang,
        fmt,
    );
    adjustment_steps(
        &mut steps,
        &e.industry,
        None,
        Msg::StepIndustryNone,
        e,
        lang,
        fmt,
    );
    steps.push(lang.fill(
        Msg::StepCombine,
        &[
            &money(e.base_value),
            &fmt.number(e.ratio, 3),
            &money(e.annual),
            &fmt.money_cents(e.annual / HOURS_PER_YEAR),
        ],
    ));
    steps.push(lang.fill(
        Msg::StepRange,
        &[
            &lang.ordinal(e.low_percentile),
            &lang.ordinal(e.high_percentile),
            &money(e.low),
            &money(e.high),
        ],
    ));
    steps
}

fn adjustment_steps(
    steps: &mut Vec<String>,
    adjustment: &Adjustment,
    fallback_name: Option<&str>,
    none: Msg,
    e: &Estimate,
    lang: Lang,
    fmt: &dyn NumberFormat,
) {
    match adjustment {
        Adjustment::None => steps.push(lang.text(none).to_string()),
        Adjustment::FellBackToNational => steps.push(lang.fill(
            Msg::StepFallback,
            &[fallback_name.unwrap_or(lang.text(Msg::IndustryLabel))],
        )),
        Adjustment::Applied(factor) => {
            steps.push(factor_step(factor, lang, fmt));
            if factor.pick == Pick::OtherYear {
                steps.push(lang.fill(
                    Msg::StepOtherYear,
                    &[e.base.period, factor.figure.name, factor.figure.period],
                ));
            }
            for alternative in &factor.alternatives {
                steps.push(alternative_step(alternative, lang, fmt));
            }
        }
    }
}

fn factor_step(f: &Factor, lang: Lang, fmt: &dyn NumberFormat) -> String {
    lang.fill(
        Msg::StepFactor,
        &[
            f.figure.name,
            &fmt.money(f.figure.annual_mean),
            f.figure.period,
            &source_in_sentence(f.figure.source, lang),
            &fmt.money(f.national.annual.mean),
            f.national.period,
            &fmt.number(f.ratio, 3),
        ],
    )
}

fn alternative_step(m: &MeanWage, lang: Lang, fmt: &dyn NumberFormat) -> String {
    lang.fill(
        Msg::StepAlternative,
        &[
            m.name,
            &fmt.money(m.annual_mean),
            m.period,
            &source_in_sentence(m.source, lang),
        ],
    )
}

fn roman(level: u8) -> String {
    ["I", "II", "III", "IV"]
        .get(usize::from(level.saturating_sub(1)))
        .unwrap_or(&"IV")
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::estimator::{estimate, IndustryChoice, Inputs};
    use crate::figures::FIGURES;
    use crate::format::EnUs;

    fn steps(state: &str, industry: &str, years: u8) -> Vec<String> {
        let inputs = Inputs {
            region: FIGURES.area(state).map_or(Region::National, Region::State),
            industry: FIGURES
                .industry(industry)
                .map_or(IndustryChoice::All, IndustryChoice::Industry),
            years,
        };
        let e = estimate(&FIGURES, inputs).expect("base year");
        explain(&e, Lang::En, &EnUs)
    }

    #[test]
    fn national_median_explained() {
        let s = steps("US", "all", 5);
        assert!(
            s[0].contains("5 years") && s[0].contains("50th percentile"),
            "{}",
            s[0]
        );
        assert!(s[0].contains("level III"), "{}", s[0]);
        assert!(s[2].contains("$35,900") && s[2].contains("May 2014") && s[2].contains("29-2071"));
        assert!(s.iter().any(|l| l.contains("State: national figures")));
        assert!(s.iter().any(|l| l.contains("Industry: all industries")));
        assert!(s
            .iter()
            .any(|l| l.contains("$35,900 × 1.000 = $35,900") && l.contains("$17.26")));
    }

    #[test]
    fn every_factor_is_named_with_source_and_year() {
        let s = steps("TX", "legal-services", 3).join("\n");
        assert!(
            s.contains(
                "Texas: annual mean $41,950 (May 2018; Becker's Hospital Review, secondary source quoting BLS) ÷"
            ),
            "{s}"
        );
        assert!(s.contains("secondary source quoting BLS"), "{s}");
        assert!(
            s.contains("national annual mean $44,010 (BLS OES, May 2018) = ×0.953"),
            "{s}"
        );
        assert!(
            s.contains("No May 2014 figure for Texas: its May 2018 ratio is applied"),
            "{s}"
        );
        assert!(
            s.contains(
                "Legal services: annual mean $48,680 (2014; as reported by the article, not found in a BLS file) ÷"
            ),
            "{s}"
        );
        assert!(s.contains("as reported by the article"), "{s}");
        assert!(
            s.contains("between the published 25th percentile ($28,250) and 50th"),
            "{s}"
        );
        assert!(s.contains("log-normal"), "{s}");
    }

    fn notes(state: &str, industry: &str) -> Vec<String> {
        let inputs = Inputs {
            region: FIGURES.area(state).map_or(Region::National, Region::State),
            industry: FIGURES
                .industry(industry)
                .map_or(IndustryChoice::All, IndustryChoice::Industry),
            years: 5,
        };
        let e = estimate(&FIGURES, inputs).expect("base year");
        factor_notes(&e, Lang::En, &EnUs)
    }

    #[test]
    fn factor_notes_show_year_and_standing_at_a_glance() {
        assert_eq!(notes("US", "all"), Vec::<String>::new());
        assert_eq!(
            notes("TX", "offices-of-physicians"),
            [
                "Texas ×0.953: May 2018 annual mean (secondary source quoting BLS), applied to May 2014 pay.",
                "Offices of Physicians ×0.839: May 2011 annual mean (BLS), applied to May 2014 pay.",
            ]
        );
        assert_eq!(
            notes("DC", "all"),
            ["District of Columbia ×1.778: 2014 annual mean (as reported by the article, not found in a BLS file)."]
        );
    }

    #[test]
    fn unused_figures_for_a_state_are_listed() {
        let s = steps("NJ", "all", 0).join("\n");
        assert!(
            s.contains("New Jersey: annual mean $59,740 (2014; as reported by the article"),
            "{s}"
        );
        assert!(s.contains("Also held for New Jersey, not used: annual mean $54,020 (May 2018;"));
    }
}
