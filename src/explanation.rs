//! An estimate in words: one sentence per step, each naming its figure's source, release, SOC
//! code and place.
//! Pure, so tests read exactly what the user reads.

use crate::career::Career;
use crate::estimator::{Estimate, IndustryAdjustment, HOURS_PER_YEAR, RSE_CAUTION_TENTHS};
use crate::figures::{Source, Standing};
use crate::format::NumberFormat;
use crate::messages::{Lang, Msg};
use crate::percentile_model::Interpolation;
use career_pack::{AreaKind, Place};

/// A source as named inside a sentence: its short name, with how far to trust it when it is not a
/// BLS file (`Becker's Hospital Review, secondary source quoting BLS`); a figure only the article
/// reports is named by that fact alone.
pub fn source_in_sentence(source: &Source, lang: Lang) -> String {
    match source.standing {
        Standing::Primary => source.short_name.to_string(),
        Standing::Secondary => lang.fill(
            Msg::WithAside,
            &[source.short_name, standing_label(source, lang)],
        ),
        Standing::Article => standing_label(source, lang).to_string(),
    }
}

/// "Publisher: title", plus how far to trust it when it is not a BLS file.
pub fn source_label(source: &Source, lang: Lang) -> String {
    let title = match source.standing {
        Standing::Primary => source.title.to_string(),
        _ => lang.fill(
            Msg::WithAside,
            &[source.title, standing_label(source, lang)],
        ),
    };
    lang.fill(Msg::Titled, &[source.publisher, &title])
}

/// How far to trust a source, in a few words: `BLS`, `as reported by the article`, ...
pub fn standing_label(source: &Source, lang: Lang) -> &'static str {
    lang.text(match source.standing {
        Standing::Primary => Msg::StandingPrimary,
        Standing::Secondary => Msg::StandingSecondary,
        Standing::Article => Msg::StandingArticle,
    })
}

/// `May 2025`: an OEWS release's reference period.
pub fn period(year: u16, lang: Lang) -> String {
    lang.fill(Msg::ReleasePeriod, &[&year.to_string()])
}

/// A figure's stored period in `lang`'s words: the figures keep BLS's English `May 2025` (it is
/// how their provenance is checked), and a Spanish reader sees `mayo de 2025`. Any other shape
/// (`2014`, `2024-2034`) has no words to translate and is shown as stored.
pub fn period_in(stored: &str, lang: Lang) -> std::borrow::Cow<'_, str> {
    match stored.strip_prefix("May ").map(str::parse::<u16>) {
        Some(Ok(year)) if lang != Lang::En => period(year, lang).into(),
        _ => stored.into(),
    }
}

/// `BLS OEWS May 2025, SOC 29-2072, New Jersey`: where a figure of the career's pack comes from.
pub fn pack_source(career: &Career, place: &str, lang: Lang) -> String {
    lang.fill(
        Msg::PackSource,
        &[
            &period(career.pack.release.year, lang),
            &career.pack.soc,
            place,
        ],
    )
}

/// The place's name as the estimate states it: the nation reads "United States".
pub fn place_name(place: &Place, lang: Lang) -> String {
    match place.kind {
        AreaKind::National => lang.text(Msg::NationName).to_string(),
        AreaKind::State | AreaKind::Metro => place.title.clone(),
    }
}

/// One short line per fallback, industry ratio and precision caution, shown with the estimate
/// itself so what it rests on is visible without opening the steps.
pub fn factor_notes(
    career: &Career,
    e: &Estimate,
    lang: Lang,
    fmt: &dyn NumberFormat,
) -> Vec<String> {
    let mut notes = fallback_notes(career, e, lang);
    match &e.industry {
        IndustryAdjustment::None => {}
        IndustryAdjustment::Means {
            industry, ratio, ..
        } => notes.push(lang.fill(
            Msg::NoteIndustryMeans,
            &[&industry.title, &fmt.number(*ratio, 3)],
        )),
        IndustryAdjustment::NotPublished(industry) => {
            notes.push(lang.fill(Msg::NoteIndustryNotPublished, &[&industry.title]))
        }
    }
    if let Some(rse) = e.precision.wage_rse_tenths.filter(|_| e.precision.caution) {
        notes.push(lang.fill(
            Msg::NoteCaution,
            &[
                &place_name(e.base.place, lang),
                &fmt.number(f64::from(rse) / 10.0, 1),
                &fmt.number(f64::from(RSE_CAUTION_TENTHS) / 10.0, 0),
            ],
        ));
    }
    notes
}

/// "No May 2025 wages for Elmira, NY: New York's are used." for each place skipped.
fn fallback_notes(career: &Career, e: &Estimate, lang: Lang) -> Vec<String> {
    let used = place_name(e.base.place, lang);
    let when = period(career.pack.release.year, lang);
    e.base
        .skipped
        .iter()
        .map(|skipped| {
            // A place whose upper percentiles are top-coded has wages, just not all as numbers:
            // say that, rather than "no wages".
            let top_coded = career
                .cell(skipped)
                .is_some_and(|c| c.annual.percentiles.iter().any(|f| f.is_top_coded()));
            let msg = if top_coded {
                Msg::NoteFallbackTopCoded
            } else {
                Msg::NoteFallback
            };
            lang.fill(msg, &[&when, &skipped.title, &used])
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
pub fn explain(career: &Career, e: &Estimate, lang: Lang, fmt: &dyn NumberFormat) -> Vec<String> {
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
    steps.extend(fallback_notes(career, e, lang));
    let place = place_name(e.base.place, lang);
    let when = period(career.pack.release.year, lang);
    let source = pack_source(career, &place, lang);
    let percentile = lang.ordinal(e.experience.percentile);
    steps.push(match e.interpolation {
        Interpolation::Published => lang.fill(
            Msg::StepBasePublished,
            &[&percentile, &place, &when, &money(e.base_value), &source],
        ),
        Interpolation::Between { below, above } => lang.fill(
            Msg::StepBaseInterpolated,
            &[
                &percentile,
                &place,
                &when,
                &money(e.base_value),
                &lang.ordinal(below.0),
                &money(below.1),
                &lang.ordinal(above.0),
                &money(above.1),
                &source,
            ],
        ),
    });
    let national = pack_source(career, lang.text(Msg::NationName), lang);
    steps.push(match &e.industry {
        IndustryAdjustment::None => lang.text(Msg::StepIndustryNone).to_string(),
        IndustryAdjustment::Means {
            industry,
            industry_mean,
            national_mean,
            ratio,
        } => lang.fill(
            Msg::StepIndustryMeans,
            &[
                &industry.title,
                &money(*industry_mean),
                &money(*national_mean),
                &national,
                &fmt.number(*ratio, 3),
            ],
        ),
        IndustryAdjustment::NotPublished(industry) => {
            lang.fill(Msg::StepIndustryNotPublished, &[&industry.title, &when])
        }
    });
    steps.push(lang.fill(
        Msg::StepCombine,
        &[
            &money(e.base_value),
            &fmt.number(e.industry.ratio(), 3),
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
    steps.push(match e.precision.wage_rse_tenths {
        Some(rse) => lang.fill(
            Msg::StepPrecision,
            &[
                &place,
                &fmt.number(f64::from(rse) / 10.0, 1),
                &fmt.number(f64::from(RSE_CAUTION_TENTHS) / 10.0, 0),
                &source,
            ],
        ),
        None => lang.fill(Msg::StepPrecisionUnknown, &[&place, &source]),
    });
    steps
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
    use crate::career::testing::{career, inputs};
    use crate::estimator::estimate;
    use crate::format::EnUs;

    fn run(place: u32, industry: &str, years: u8) -> Estimate {
        estimate(career(), inputs(place, industry, years)).expect("an estimate")
    }

    #[test]
    fn a_release_period_is_shown_in_the_readers_words() {
        assert_eq!(period_in("May 2025", Lang::En), "May 2025");
        assert_eq!(period_in("May 2025", Lang::Es), "mayo de 2025");
        assert_eq!(period_in("2024-2034", Lang::Es), "2024-2034");
        assert_eq!(period_in("May 20x5", Lang::Es), "May 20x5");
    }

    fn steps(place: u32, industry: &str, years: u8) -> Vec<String> {
        explain(career(), &run(place, industry, years), Lang::En, &EnUs)
    }

    #[test]
    fn national_median_explained() {
        let s = steps(0, "all", 5);
        assert!(
            s[0].contains("5 years") && s[0].contains("50th percentile"),
            "{}",
            s[0]
        );
        assert!(s[0].contains("level III"), "{}", s[0]);
        assert_eq!(
            s[2],
            "Pay at the 50th percentile in the United States, May 2025: $51,140 (BLS OEWS May 2025, SOC 29-2072, the United States)."
        );
        assert!(s.iter().any(|l| l.contains("Industry: all industries")));
        assert!(s
            .iter()
            .any(|l| l.contains("$51,140 × 1.000 = $51,100") && l.contains("$24.57")));
        assert!(s
            .iter()
            .any(|l| l.contains("relative standard error of 0.4%")));
    }

    #[test]
    fn industry_ratio_is_explained_with_both_means() {
        let s = steps(0, "622000", 5).join("\n");
        assert!(
            s.contains("Hospitals: national annual mean $61,920 ÷ all industries' national annual mean $56,790"),
            "{s}"
        );
        assert!(s.contains("= ×1.090"), "{s}");
        assert!(s.contains("assumed to apply in every place alike"), "{s}");
        let notes = factor_notes(career(), &run(0, "622000", 5), Lang::En, &EnUs);
        assert_eq!(
            notes,
            ["Hospitals ×1.090: national annual means, assumed to apply here too."]
        );
    }

    #[test]
    fn a_fallback_is_said_next_to_the_result() {
        let e = run(21_300, "all", 5);
        let notes = factor_notes(career(), &e, Lang::En, &EnUs);
        assert_eq!(
            notes,
            ["BLS published no May 2025 wages for Elmira, NY: the figures for New York are used instead."]
        );
        let s = explain(career(), &e, Lang::En, &EnUs).join("\n");
        assert!(s.contains("in New York, May 2025"), "{s}");
    }

    #[test]
    fn interpolation_names_both_published_neighbours() {
        let s = steps(0, "all", 3).join("\n");
        assert!(
            s.contains(
                "between the published 25th percentile ($43,490) and 50th percentile ($51,140)"
            ),
            "{s}"
        );
        assert!(s.contains("log-normal"), "{s}");
    }

    #[test]
    fn a_high_rse_shows_a_caution() {
        let c = career();
        let (place, _) = c
            .places()
            .find(|(_, a)| {
                a.cell
                    .wage_rse
                    .value()
                    .is_some_and(|r| r >= RSE_CAUTION_TENTHS)
            })
            .expect("a place with a high RSE");
        let e = run(place.code.0, "all", 5);
        let notes = factor_notes(c, &e, Lang::En, &EnUs).join("\n");
        assert!(
            notes.contains("Caution") && notes.contains(&place.title),
            "{notes}"
        );
        assert!(factor_notes(c, &run(0, "all", 5), Lang::En, &EnUs).is_empty());
    }
}
