//! The widget's starting inputs from the page URL (`?state=NJ&industry=legal-services&years=5`).
//!
//! Every value is checked against the embedded figures; a bad one falls back to its default and
//! yields a [`Notice`] quoting (a shortened copy of) what was given. Values are only ever shown as
//! text, never as markup. Unknown parameters are ignored: host pages add their own (`utm_*`).

use crate::estimator::{IndustryChoice, Inputs, Region};
use crate::experience::MAX_YEARS;
use crate::figures::Figures;

/// Years shown when the URL gives none: a student's first job.
pub const DEFAULT_YEARS: u8 = 0;

/// The longest quoted value a notice repeats back.
const QUOTE_LIMIT: usize = 40;

/// A URL value that could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    UnknownState(String),
    UnknownIndustry(String),
    BadYears(String),
    /// Section ids that are not sections.
    UnknownSections(String),
    BadAccent(String),
    BadDark(String),
    UnsupportedLang(String),
    /// The title was longer than [`crate::options::TITLE_LIMIT`] characters and was shortened.
    LongTitle,
}

/// The default inputs: national, all industries, [`DEFAULT_YEARS`].
pub fn default_inputs() -> Inputs {
    Inputs {
        region: Region::National,
        industry: IndustryChoice::All,
        years: DEFAULT_YEARS,
    }
}

/// Reads `state`, `industry` and `years` from a query string (with or without the leading `?`).
pub fn from_query(query: &str, figures: &Figures) -> (Inputs, Vec<Notice>) {
    let mut inputs = default_inputs();
    let mut notices = Vec::new();
    for (key, value) in pairs(query) {
        let value = value.trim();
        if value.is_empty() {
            continue;
        }
        match key.to_ascii_lowercase().as_str() {
            "state" => match parse_region(value, figures) {
                Some(region) => inputs.region = region,
                None => {
                    inputs.region = Region::National;
                    notices.push(Notice::UnknownState(quote(value)));
                }
            },
            "industry" => match parse_industry(value, figures) {
                Some(industry) => inputs.industry = industry,
                None => {
                    inputs.industry = IndustryChoice::All;
                    notices.push(Notice::UnknownIndustry(quote(value)));
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
    (inputs, notices)
}

/// `US` (national) or a USPS code of a state or DC, any case.
pub fn parse_region(value: &str, figures: &Figures) -> Option<Region> {
    let code = value.trim().to_ascii_uppercase();
    if code == "US" {
        return Some(Region::National);
    }
    figures.area(&code).map(Region::State)
}

/// `all` or an industry id from the data, any case.
pub fn parse_industry(value: &str, figures: &Figures) -> Option<IndustryChoice> {
    let id = value.trim().to_ascii_lowercase();
    if id == "all" {
        return Some(IndustryChoice::All);
    }
    figures.industry(&id).map(IndustryChoice::Industry)
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
    use crate::figures::FIGURES;

    fn parse(query: &str) -> (Inputs, Vec<Notice>) {
        from_query(query, &FIGURES)
    }

    fn state_code(inputs: &Inputs) -> &'static str {
        match inputs.region {
            Region::National => "US",
            Region::State(area) => area.code,
        }
    }

    #[test]
    fn good_values_any_case() {
        let (inputs, notices) = parse("?state=nj&industry=Legal-Services&years=12");
        assert_eq!(notices, []);
        assert_eq!(state_code(&inputs), "NJ");
        assert!(matches!(inputs.industry, IndustryChoice::Industry(m) if m.id == "legal-services"));
        assert_eq!(inputs.years, 12);
        assert_eq!(state_code(&parse("state=us").0), "US");
        assert_eq!(state_code(&parse("state=dc").0), "DC");
        assert_eq!(parse("industry=ALL").1, []);
    }

    #[test]
    fn nothing_given_means_defaults() {
        assert_eq!(parse(""), (default_inputs(), vec![]));
        assert_eq!(parse("?"), (default_inputs(), vec![]));
        assert_eq!(parse("?state=&years="), (default_inputs(), vec![]));
        assert_eq!(
            parse("?utm_source=newsletter&fbclid=x"),
            (default_inputs(), vec![])
        );
    }

    #[test]
    fn bad_values_fall_back_with_a_notice_each() {
        let (inputs, notices) =
            parse("?state=ZZ&industry=%3Cscript%3Ealert(1)%3C/script%3E&years=999");
        assert_eq!(inputs, default_inputs());
        assert_eq!(
            notices,
            [
                Notice::UnknownState("ZZ".into()),
                Notice::UnknownIndustry("<script>alert(1)</script>".into()),
                Notice::BadYears("999".into()),
            ]
        );
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
        let (_, notices) = parse(&format!("state={long}"));
        assert_eq!(
            notices,
            [Notice::UnknownState(format!("{}…", "x".repeat(40)))]
        );
        let (_, notices) = parse("state=%E2%9C%93%0A%ZZ%");
        assert_eq!(notices, [Notice::UnknownState("✓%ZZ%".into())]);
        let (_, notices) = parse("state=%FF");
        assert_eq!(notices, [Notice::UnknownState("\u{FFFD}".into())]);
    }
}
