//! Faults planted on purpose, for the end-to-end tests of what a reader sees when the widget
//! stops (guard.js replaces it with a message). Compiled only with the `fault-injection` feature,
//! which the test command's debug build turns on and the release build never does (its size
//! step checks the wasm holds none of these names). Elsewhere [`plant`] is an empty function.

/// Where a fault can be planted: `?fault=panic-at-start` panics while the widget first
/// renders, `?fault=panic-on-input` when the reader changes an input.
#[derive(Clone, Copy)]
pub enum Moment {
    Start,
    Input,
}

/// Panics at `moment` when the page's URL asks for it.
#[cfg(feature = "fault-injection")]
pub fn plant(moment: Moment) {
    let asked = match moment {
        Moment::Start => "fault=panic-at-start",
        Moment::Input => "fault=panic-on-input",
    };
    // The query as the page opened: the widget soon rewrites it without unknown options.
    static OPENED_WITH: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    if OPENED_WITH.get_or_init(super::page::query).contains(asked) {
        panic!("a fault planted by the test build ({asked})");
    }
}

/// Nothing: the release build has no fault switch.
#[cfg(not(feature = "fault-injection"))]
#[inline(always)]
pub fn plant(_moment: Moment) {}
