//! Browser tests: the widget's own number formatting (`format::EnUs`, `format::EsUs`, written in
//! Rust so the first view need not start the browser's ICU) writes what the browser's
//! `Intl.NumberFormat` writes for `en-US` and `es-US`, for the kinds of numbers the widget shows.
//! Negative numbers are left out on purpose: the widget writes a true minus sign (−), Intl a
//! hyphen.
#![cfg(target_arch = "wasm32")]

use career_pay_widget::format::{EnUs, EsUs, NumberFormat};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// `new Intl.NumberFormat(locale, options).format(value)`, options as a JS object literal.
fn intl(locale: &str, options: &str, value: f64) -> String {
    let format = js_sys::Function::new_with_args(
        "locale, value",
        &format!("return new Intl.NumberFormat(locale, {options}).format(value);"),
    );
    format
        .call2(&JsValue::NULL, &locale.into(), &value.into())
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

fn agrees_with_intl(locale: &str, fmt: &dyn NumberFormat) {
    let dollars = "{ style: 'currency', currency: 'USD', maximumFractionDigits: 0 }";
    let cents = "{ style: 'currency', currency: 'USD' }";
    let compact = "{ style: 'currency', currency: 'USD', notation: 'compact' }";
    for v in [
        0.0,
        5.0,
        999.0,
        1_000.0,
        35_900.0,
        51_140.0,
        239_200.0,
        1_234_567.0,
    ] {
        assert_eq!(fmt.money(v), intl(locale, dollars, v), "{locale} money {v}");
    }
    for v in [0.5, 17.26, 29.05, 115.0, 1_234.5] {
        assert_eq!(
            fmt.money_cents(v),
            intl(locale, cents, v),
            "{locale} cents {v}"
        );
    }
    // Axis ticks: round thousands, as the tick policy makes them.
    for v in (10..=240).step_by(10).map(|k| f64::from(k) * 1_000.0) {
        assert_eq!(
            fmt.money_compact(v),
            intl(locale, compact, v),
            "{locale} tick {v}"
        );
    }
    for (v, decimals) in [(184_740.0, 0), (1.54, 2), (0.0, 1), (12_345.678, 1)] {
        let options =
            format!("{{ minimumFractionDigits: {decimals}, maximumFractionDigits: {decimals} }}");
        assert_eq!(
            fmt.number(v, decimals),
            intl(locale, &options, v),
            "{locale} {v}"
        );
    }
    for (v, decimals) in [(22.0, 0), (32.9, 1), (0.0, 0), (112.5, 1)] {
        let options = format!(
            "{{ style: 'percent', minimumFractionDigits: {decimals}, maximumFractionDigits: {decimals} }}"
        );
        let expected = intl(locale, &options, v / 100.0);
        assert_eq!(fmt.percent(v, decimals), expected, "{locale} {v}%");
    }
}

#[wasm_bindgen_test]
fn us_english_numbers_are_written_as_the_browser_writes_them() {
    agrees_with_intl("en-US", &EnUs);
}

#[wasm_bindgen_test]
fn us_spanish_numbers_are_written_as_the_browser_writes_them() {
    agrees_with_intl("es-US", &EsUs);
}
