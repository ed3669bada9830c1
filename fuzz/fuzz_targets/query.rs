//! The URL's options (an embed's `data-*` arrive the same way): any query string is read without
//! a panic, and what the widget then writes back to the URL reads as the same view.
#![no_main]

use career_pay_widget::{career, links, options, state::WidgetState};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let query = String::from_utf8_lossy(data);
    let (opts, _) = options::from_query(&query);
    let Ok(career) = career::current() else {
        return;
    };
    let Some(state) = WidgetState::from_query(&query, career) else {
        return;
    };
    assert_eq!(
        *state.options, opts,
        "the options read the same inside the state"
    );
    // The URL the widget writes (its canonical form: the default career, for one, goes
    // unsaid) reads as the same inputs and writes itself again.
    let written = links::to_query(&state.inputs, &state.options);
    let again = WidgetState::from_query(&written, career).expect("the widget's own URL reads");
    assert_eq!(again.inputs, state.inputs, "{query:?} -> {written:?}");
    let rewritten = links::to_query(&again.inputs, &again.options);
    assert_eq!(rewritten, written, "{query:?}");
});
