//! The widget's starting inputs from the page URL (`?place=35620&industry=622000&years=5`).
//!
//! Every value is checked against the career's figures; a bad one falls back to its default and
//! yields a [`Notice`] quoting (a shortened copy of) what was given. Values are only ever shown as
//! text, never as markup. Unknown parameters are ignored: host pages add their own (`utm_*`).
//! `state` is kept as an alias of `place`, and the industry slugs of the May 2014 version are
//! mapped to their current codes, so old links keep working.

use crate::career::{state_by_usps, Career};
use crate::estimator::{IndustryChoice, Inputs};
use crate::experience_rule::MAX_YEARS;
use career_pack::{AreaCode, IndustryCode, Place};

/// Years shown when the URL gives none: a student's first job.
pub const DEFAULT_YEARS: u8 = 0;

/// The longest quoted value a notice repeats back.
const QUOTE_LIMIT: usize = 40;

/// The industry slugs links of the May 2014 version used, and the OEWS industry each now means
/// (`None`: BLS publishes no May 2025 figure for that industry for this career).
pub const OLD_INDUSTRY_SLUGS: [(&str, Option<&str>); 8] = [
    ("general-medical-and-surgical-hospitals", Some("622100")),
    ("offices-of-physicians", Some("621100")),
    ("nursing-care-facilities", Some("623100")),
    ("outpatient-care-centers", Some("621400")),
    ("home-health-care-services", Some("621600")),
    ("pharmaceutical-and-medicine-manufacturing", None),
    ("drugs-and-druggists-sundries-merchant-wholesalers", None),
    ("legal-services", Some("541100")),
];

/// A URL value that could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// Not `US`, a USPS code or a BLS area code we know.
    UnknownPlace(String),
    /// A place BLS publishes nothing for in this career (its title).
    PlaceNotPublished(String),
    UnknownIndustry(String),
    /// An industry BLS publishes no pay for in this career (its title).
    IndustryNotPublished(String),
    /// An industry slug from an old link with no current figure.
    OldIndustry(String),
    BadYears(String),
    /// Section ids that are not sections.
    UnknownSections(String),
    BadAccent(String),
    BadDark(String),
    UnsupportedLang(String),
    /// The title was longer than [`crate::options::TITLE_LIMIT`] characters and was shortened.
    LongTitle,
    /// Not a SOC code (`31-9092`).
    UnknownCareer(String),
    /// A code BLS publishes no May 2025 figures for.
    CareerNotPublished(String),
    /// A replaced code (old, successor).
    CareerSucceeded(String, String),
    /// More careers than [`crate::subject::MAX_CAREERS`]: the rest were left out.
    TooManyCareers,
    /// Not a CIP 2020 code, or not one in the crosswalk.
    UnknownProgram(String),
    /// A program that prepares for no occupation BLS publishes (its title).
    ProgramWithoutCareers(String),
    /// A career's figures could not be loaded (its title or code, and why in words).
    CareerUnavailable(String, String),
    /// Nothing asked for could be shown: the default career is (its title).
    ShowingDefault(String),
    /// The Spanish messages could not be loaded (why, in words): the widget speaks English.
    SpanishUnavailable(String),
}

/// The default inputs: national, all industries, [`DEFAULT_YEARS`].
pub fn default_inputs(career: &'static Career) -> Option<Inputs> {
    Some(Inputs {
        place: career.nation()?,
        industry: IndustryChoice::All,
        years: DEFAULT_YEARS,
    })
}

/// Reads `place` (or its alias `state`), `industry` and `years` from a query string (with or
/// without the leading `?`). `None` only if the career has no national row at all.
pub fn from_query(query: &str, career: &'static Career) -> Option<(Inputs, Vec<Notice>)> {
    let defaults = default_inputs(career)?;
    let mut inputs = defaults;
    let mut notices = Vec::new();
    for (key, value) in pairs(query) {
        let value = value.trim();
        if value.is_empty() {
            continue;
        }
        match key.to_ascii_lowercase().as_str() {
            "place" | "state" => match parse_place(value, career) {
                Ok(place) => inputs.place = place,
                Err(notice) => {
                    inputs.place = defaults.place;
                    notices.push(notice);
                }
            },
            "industry" => match parse_industry(value, career) {
                Ok(industry) => inputs.industry = industry,
                Err(notice) => {
                    inputs.industry = IndustryChoice::All;
                    notices.push(notice);
                }
            },
            "years" => match parse_years(value) {
                Some(years) => inputs.years = years,
                None => {
                    inputs.years = DEFAULT_YEARS;
                    notices.push(Notice::BadYears(quote(value)));
                }
            },
            _ => {}
        }
    }
    Some((inputs, notices))
}

/// `US`, a USPS code (`NJ`, `pr`; any case), a 5-digit metropolitan code (`35620`) or a 7-digit
/// OEWS area code (`0035620`, `0100001`), for which this career has a published row.
pub fn parse_place(value: &str, career: &'static Career) -> Result<&'static Place, Notice> {
    let value = value.trim();
    let unknown = || Notice::UnknownPlace(quote(value));
    let code = if value.eq_ignore_ascii_case("US") {
        AreaCode(0)
    } else if value.len() == 2 {
        AreaCode::state(state_by_usps(value).ok_or_else(unknown)?.fips)
    } else if (value.len() == 5 || value.len() == 7) && value.bytes().all(|b| b.is_ascii_digit()) {
        AreaCode(value.parse().map_err(|_| unknown())?)
    } else {
        return Err(unknown());
    };
    let place = career.gazetteer.place(code).ok_or_else(unknown)?;
    match career.cell(place) {
        Some(_) => Ok(place),
        None => Err(Notice::PlaceNotPublished(place.title.clone())),
    }
}

/// `all`, a six-character OEWS industry code (`622000`, `31--34`) or an old slug, for which this
/// career has published pay.
pub fn parse_industry(value: &str, career: &'static Career) -> Result<IndustryChoice, Notice> {
    let value = value.trim();
    if value.eq_ignore_ascii_case("all") {
        return Ok(IndustryChoice::All);
    }
    let lower = value.to_ascii_lowercase();
    let code = match OLD_INDUSTRY_SLUGS.iter().find(|(slug, _)| *slug == lower) {
        Some((_, Some(code))) => *code,
        // A slug we know is shown whole (it is ours, not the reader's text).
        Some((slug, None)) => return Err(Notice::OldIndustry(slug.to_string())),
        None => value,
    };
    let unknown = || Notice::UnknownIndustry(quote(value));
    let code = IndustryCode::parse(&code.to_ascii_uppercase()).ok_or_else(unknown)?;
    let industry = career.industry(code).ok_or_else(unknown)?;
    let published = career
        .pack
        .industry(code)
        .is_some_and(|i| i.cell.annual.mean.value().is_some());
    if published {
        Ok(IndustryChoice::Industry(industry))
    } else {
        Err(Notice::IndustryNotPublished(industry.title.clone()))
    }
}

/// A whole number of years, 0 to [`MAX_YEARS`]; digits only (no signs, decimals or exponents).
pub fn parse_years(value: &str) -> Option<u8> {
    let value = value.trim();
    if value.is_empty() || value.len() > 3 || !value.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    value.parse::<u8>().ok().filter(|y| *y <= MAX_YEARS)
}

/// A value as a notice may repeat it: at most [`QUOTE_LIMIT`] characters, control characters
/// dropped.
pub(crate) fn quote(value: &str) -> String {
    let cleaned: String = value.chars().filter(|c| !c.is_control()).collect();
    if cleaned.chars().count() > QUOTE_LIMIT {
        let mut short: String = cleaned.chars().take(QUOTE_LIMIT).collect();
        short.push('…');
        short
    } else {
        cleaned
    }
}

/// `a=1&b=x%20y` -> [("a", "1"), ("b", "x y")], decoding `+` and percent escapes.
pub(crate) fn pairs(query: &str) -> impl Iterator<Item = (String, String)> + '_ {
    query
        .trim_start_matches('?')
        .split('&')
        .filter(|part| !part.is_empty())
        .map(|part| {
            let (key, value) = part.split_once('=').unwrap_or((part, ""));
            (decode(key), decode(value))
        })
}

fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push(h * 16 + l);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            other => out.push(other),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(byte: u8) -> Option<u8> {
    (byte as char).to_digit(16).map(|d| d as u8)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::career::testing::career;

    fn parse(query: &str) -> (Inputs, Vec<Notice>) {
        from_query(query, career()).expect("a national row")
    }

    fn defaults() -> Inputs {
        default_inputs(career()).expect("a national row")
    }

    fn industry_code(inputs: &Inputs) -> String {
        match inputs.industry {
            IndustryChoice::All => "all".into(),
            IndustryChoice::Industry(i) => i.code.to_string(),
        }
    }

    #[test]
    fn places_by_usps_metro_and_area_code_any_case() {
        let (inputs, notices) = parse("?place=nj&industry=622000&years=12");
        assert_eq!(notices, []);
        assert_eq!(inputs.place.title, "New Jersey");
        assert_eq!(industry_code(&inputs), "622000");
        assert_eq!(inputs.years, 12);
        assert_eq!(parse("place=us").0.place.title, "National");
        assert_eq!(parse("place=pr").0.place.title, "Puerto Rico");
        assert_eq!(
            parse("place=35620").0.place.title,
            "New York-Newark-Jersey City, NY-NJ"
        );
        assert_eq!(parse("place=0035620").0.place, parse("place=35620").0.place);
        assert_eq!(parse("place=0100001").0.place.code, AreaCode(100_001));
        assert_eq!(parse("industry=ALL").1, []);
    }

    #[test]
    fn old_links_keep_working() {
        let (inputs, notices) = parse("state=NJ&industry=legal-services&years=5");
        assert_eq!(notices, []);
        assert_eq!(inputs.place.title, "New Jersey");
        assert_eq!(industry_code(&inputs), "541100");
        let (inputs, notices) = parse("industry=pharmaceutical-and-medicine-manufacturing");
        assert_eq!(inputs.industry, IndustryChoice::All);
        assert_eq!(
            notices,
            [Notice::OldIndustry(
                "pharmaceutical-and-medicine-manufacturing".into()
            )]
        );
    }

    #[test]
    fn nothing_given_means_defaults() {
        assert_eq!(parse(""), (defaults(), vec![]));
        assert_eq!(parse("?"), (defaults(), vec![]));
        assert_eq!(parse("?place=&years="), (defaults(), vec![]));
        assert_eq!(
            parse("?utm_source=newsletter&fbclid=x"),
            (defaults(), vec![])
        );
    }

    #[test]
    fn bad_values_fall_back_with_a_notice_each() {
        let (inputs, notices) =
            parse("?place=ZZ&industry=%3Cscript%3Ealert(1)%3C/script%3E&years=999");
        assert_eq!(inputs, defaults());
        assert_eq!(
            notices,
            [
                Notice::UnknownPlace("ZZ".into()),
                Notice::UnknownIndustry("<script>alert(1)</script>".into()),
                Notice::BadYears("999".into()),
            ]
        );
        assert_eq!(
            parse("place=99999").1,
            [Notice::UnknownPlace("99999".into())]
        );
        assert_eq!(parse("place=1234").1, [Notice::UnknownPlace("1234".into())]);
        assert_eq!(
            parse("industry=999999").1,
            [Notice::UnknownIndustry("999999".into())]
        );
    }

    #[test]
    fn a_place_or_industry_with_nothing_published_is_named() {
        // Virgin Islands: a place BLS names, with no row for this career.
        let (inputs, notices) = parse("place=VI");
        assert_eq!(inputs.place.title, "National");
        assert!(
            matches!(&notices[..], [Notice::PlaceNotPublished(t)] | [Notice::UnknownPlace(t)] if t.contains("Virgin") || t == "VI"),
            "{notices:?}"
        );
        // Offices of Dentists: employment not released, but a mean is: it is usable.
        assert_eq!(parse("industry=621200").1, []);
    }

    #[test]
    fn years_must_be_plain_whole_numbers_in_range() {
        for bad in [
            "-1",
            "31",
            "5.5",
            "1e1",
            "+3",
            "0x10",
            "٣",
            "99999999999999999999",
        ] {
            assert_eq!(parse_years(bad), None, "{bad}");
        }
        assert_eq!(parse_years("030"), Some(30));
        assert_eq!(parse_years(" 7 "), Some(7));
    }

    #[test]
    fn long_and_strange_values_are_shortened_for_the_notice() {
        let long = "x".repeat(500);
        let (_, notices) = parse(&format!("place={long}"));
        assert_eq!(
            notices,
            [Notice::UnknownPlace(format!("{}…", "x".repeat(40)))]
        );
        let (_, notices) = parse("place=%E2%9C%93%0A%ZZ%");
        assert_eq!(notices, [Notice::UnknownPlace("✓%ZZ%".into())]);
        let (_, notices) = parse("state=%FF");
        assert_eq!(notices, [Notice::UnknownPlace("\u{FFFD}".into())]);
    }
}
