//! [`NumberFormat`] for the reader's locale, through the browser's `Intl.NumberFormat`.

use crate::format::{EnUs, NumberFormat};
use js_sys::{Array, Function, Intl};
use wasm_bindgen::JsValue;

/// Formats with the browser's default locale. Each `Intl.NumberFormat` is built once: building
/// one costs far more than using it, and charts format dozens of values per redraw.
pub struct BrowserFormat {
    money: Option<Function>,
    money_cents: Option<Function>,
    compact: Option<Function>,
    numbers: [Option<Function>; 4],
    percents: [Option<Function>; 2],
}

/// One formatter's `format` function, or `None` if this browser lacks `Intl`.
fn formatter(configure: impl FnOnce(&Intl::NumberFormatOptions)) -> Option<Function> {
    let has_intl =
        js_sys::Reflect::has(&js_sys::global(), &JsValue::from_str("Intl")).unwrap_or(false);
    if !has_intl {
        return None;
    }
    let options = Intl::NumberFormatOptions::new();
    configure(&options);
    Some(Intl::NumberFormat::new(&Array::new(), &options).format())
}

fn currency(options: &Intl::NumberFormatOptions, digits: u8) {
    options.set_style(Intl::NumberFormatStyle::Currency);
    options.set_currency("USD");
    options.set_minimum_fraction_digits(digits);
    options.set_maximum_fraction_digits(digits);
}

fn decimal(options: &Intl::NumberFormatOptions, digits: u8) {
    options.set_minimum_fraction_digits(digits);
    options.set_maximum_fraction_digits(digits);
}

impl BrowserFormat {
    pub fn new() -> Self {
        BrowserFormat {
            money: formatter(|o| currency(o, 0)),
            money_cents: formatter(|o| currency(o, 2)),
            compact: formatter(|o| {
                currency(o, 0);
                o.set_notation(Intl::NumberFormatNotation::Compact);
            }),
            numbers: [0, 1, 2, 3].map(|d| formatter(|o| decimal(o, d))),
            percents: [0, 1].map(|d| {
                formatter(|o| {
                    o.set_style(Intl::NumberFormatStyle::Percent);
                    decimal(o, d);
                })
            }),
        }
    }
}

impl Default for BrowserFormat {
    fn default() -> Self {
        Self::new()
    }
}

/// Calls a formatter, falling back to US English if it is missing or fails.
fn call(f: &Option<Function>, value: f64, fallback: impl FnOnce() -> String) -> String {
    if !value.is_finite() {
        return fallback();
    }
    f.as_ref()
        .and_then(|f| f.call1(&JsValue::NULL, &JsValue::from_f64(value)).ok())
        .and_then(|v| v.as_string())
        .unwrap_or_else(fallback)
}

impl NumberFormat for BrowserFormat {
    fn money(&self, usd: f64) -> String {
        call(&self.money, usd, || EnUs.money(usd))
    }

    fn money_cents(&self, usd: f64) -> String {
        call(&self.money_cents, usd, || EnUs.money_cents(usd))
    }

    fn money_compact(&self, usd: f64) -> String {
        call(&self.compact, usd, || EnUs.money_compact(usd))
    }

    fn number(&self, value: f64, decimals: u8) -> String {
        let f = self.numbers.get(usize::from(decimals)).unwrap_or(&None);
        call(f, value, || EnUs.number(value, decimals))
    }

    fn percent(&self, percent: f64, decimals: u8) -> String {
        let f = self.percents.get(usize::from(decimals)).unwrap_or(&None);
        call(f, percent / 100.0, || EnUs.percent(percent, decimals))
    }
}
