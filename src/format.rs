//! Money, percentages and plain numbers for display. The formatter is a trait so each language
//! the page speaks has its own (`Ui::for_lang`); US English is [`EnUs`], in Rust.

use crate::messages::{Lang, Msg};
use career_pack::Figure;

/// Formats numbers for the reader.
pub trait NumberFormat {
    /// Whole dollars: `$35,900`.
    fn money(&self, usd: f64) -> String;
    /// Dollars and cents: `$17.26`.
    fn money_cents(&self, usd: f64) -> String;
    /// Short dollars for axis ticks: `$30K`.
    fn money_compact(&self, usd: f64) -> String;
    /// A plain number with `decimals` fraction digits: `184,740`, `1.54`.
    fn number(&self, value: f64, decimals: u8) -> String;
    /// A percentage given in percent units: `22%`, `32.9%`.
    fn percent(&self, percent: f64, decimals: u8) -> String;
}

/// An annual wage as published: the dollars, "$239,200 or more" when top-coded, or "not
/// published". BLS's markers are never shown as numbers.
pub fn annual_figure(figure: Figure, lang: Lang, fmt: &dyn NumberFormat) -> String {
    match figure {
        Figure::Value(v) => fmt.money(f64::from(v)),
        Figure::TopCoded => lang.fill(
            Msg::TopCoded,
            &[&fmt.money(f64::from(career_pack::TOP_CODE_ANNUAL))],
        ),
        Figure::NotPublished => lang.text(Msg::NotPublished).to_string(),
    }
}

/// An hourly wage (BLS cents) as published: "$29.05 an hour", "$115.00 an hour or more", or
/// "not published".
pub fn hourly_figure(figure: Figure, lang: Lang, fmt: &dyn NumberFormat) -> String {
    let per_hour =
        |cents: u32| lang.fill(Msg::PerHour, &[&fmt.money_cents(f64::from(cents) / 100.0)]);
    match figure {
        Figure::Value(v) => per_hour(v),
        Figure::TopCoded => lang.fill(
            Msg::TopCoded,
            &[&per_hour(career_pack::TOP_CODE_HOURLY_CENTS)],
        ),
        Figure::NotPublished => lang.text(Msg::NotPublished).to_string(),
    }
}

/// A count (employment) as published, or "not published".
pub fn count_figure(figure: Figure, lang: Lang, fmt: &dyn NumberFormat) -> String {
    match figure {
        Figure::Value(v) => fmt.number(f64::from(v), 0),
        Figure::TopCoded | Figure::NotPublished => lang.text(Msg::NotPublished).to_string(),
    }
}

/// US English formatting without the browser: thousands commas, `$` before, `%` after.
#[derive(Clone, Copy, Debug, Default)]
pub struct EnUs;

impl NumberFormat for EnUs {
    fn money(&self, usd: f64) -> String {
        signed(usd, |v| format!("${}", grouped(v, 0)))
    }

    fn money_cents(&self, usd: f64) -> String {
        signed(usd, |v| format!("${}", grouped(v, 2)))
    }

    fn money_compact(&self, usd: f64) -> String {
        compact(usd, "K")
    }

    fn number(&self, value: f64, decimals: u8) -> String {
        signed(value, |v| grouped(v, decimals))
    }

    fn percent(&self, percent: f64, decimals: u8) -> String {
        signed(percent, |v| format!("{}%", grouped(v, decimals)))
    }
}

/// US Spanish, as CLDR (and so every browser's `Intl` for `es-US`) writes it: the digits, signs
/// and grouping of US English; only the compact thousands differ, `$51 K` with a no-break space.
#[derive(Clone, Copy, Debug, Default)]
pub struct EsUs;

impl NumberFormat for EsUs {
    fn money(&self, usd: f64) -> String {
        EnUs.money(usd)
    }

    fn money_cents(&self, usd: f64) -> String {
        EnUs.money_cents(usd)
    }

    fn money_compact(&self, usd: f64) -> String {
        compact(usd, "\u{a0}K")
    }

    fn number(&self, value: f64, decimals: u8) -> String {
        EnUs.number(value, decimals)
    }

    fn percent(&self, percent: f64, decimals: u8) -> String {
        EnUs.percent(percent, decimals)
    }
}

/// Whole dollars for an axis tick, thousands as `{n}{thousands}`: `$51K`.
fn compact(usd: f64, thousands: &str) -> String {
    signed(usd, |v| {
        if v >= 1_000.0 {
            format!("${}{thousands}", grouped(v / 1_000.0, 0))
        } else {
            format!("${}", grouped(v, 0))
        }
    })
}

fn signed(value: f64, positive: impl Fn(f64) -> String) -> String {
    if !value.is_finite() {
        return "–".to_string();
    }
    if value < 0.0 {
        format!("−{}", positive(-value))
    } else {
        positive(value)
    }
}

/// `1234567.891` with 2 decimals -> `1,234,567.89`. Integer arithmetic only: formatting an `f64`
/// with `{:.2}` would link the float-printing code (about 14 KB of wasm) for this one fallback.
fn grouped(value: f64, decimals: u8) -> String {
    let decimals = u32::from(decimals.min(6));
    let scale = 10u64.pow(decimals);
    // Values here are money and small ratios, far below 2^53 / 10^6.
    let scaled = (value.abs() * scale as f64).round() as u64;
    let (whole, fraction) = (scaled / scale, scaled % scale);
    let digits = whole.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 8);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(digit);
    }
    if decimals > 0 {
        let fraction = fraction.to_string();
        out.push('.');
        for _ in fraction.len()..decimals as usize {
            out.push('0');
        }
        out.push_str(&fraction);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn us_spanish_sets_only_the_compact_thousands_apart() {
        assert_eq!(EsUs.money_compact(51_000.0), "$51\u{a0}K");
        assert_eq!(EsUs.money_compact(900.0), "$900");
        assert_eq!(EsUs.money(51_140.0), EnUs.money(51_140.0));
        assert_eq!(EsUs.percent(32.9, 1), "32.9%");
    }

    #[test]
    fn markers_are_words_never_numbers() {
        let en = Lang::En;
        assert_eq!(annual_figure(Figure::Value(51_140), en, &EnUs), "$51,140");
        assert_eq!(
            annual_figure(Figure::TopCoded, en, &EnUs),
            "$239,200 or more"
        );
        assert_eq!(
            annual_figure(Figure::NotPublished, en, &EnUs),
            "not published"
        );
        assert_eq!(
            count_figure(Figure::NotPublished, en, &EnUs),
            "not published"
        );
        assert_eq!(count_figure(Figure::Value(194_720), en, &EnUs), "194,720");
        assert_eq!(
            hourly_figure(Figure::Value(2_905), en, &EnUs),
            "$29.05 an hour"
        );
        assert_eq!(
            hourly_figure(Figure::TopCoded, en, &EnUs),
            "$115.00 an hour or more"
        );
        assert_eq!(
            hourly_figure(Figure::NotPublished, en, &EnUs),
            "not published"
        );
    }

    #[test]
    fn money_and_numbers_in_us_english() {
        let f = EnUs;
        assert_eq!(f.money(35_900.0), "$35,900");
        assert_eq!(f.money(1_234_567.4), "$1,234,567");
        assert_eq!(f.money(999.5), "$1,000");
        assert_eq!(f.money_cents(17.259_6), "$17.26");
        assert_eq!(f.money_compact(30_000.0), "$30K");
        assert_eq!(f.money_compact(500.0), "$500");
        assert_eq!(f.number(184_740.0, 0), "184,740");
        assert_eq!(f.number(1.537, 2), "1.54");
        assert_eq!(f.percent(32.9, 1), "32.9%");
        assert_eq!(f.percent(-3.0, 0), "−3%");
        assert_eq!(f.money(f64::NAN), "–");
        assert_eq!(f.number(0.05, 2), "0.05");
        assert_eq!(f.number(2.0, 3), "2.000");
        assert_eq!(f.money_cents(1_000.005), "$1,000.01");
    }
}
