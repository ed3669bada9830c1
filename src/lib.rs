//! Career-pay widget: sourced BLS pay figures for a career, charts, and an honest estimator.
//!
//! The pure core (figures, career packs, estimator, format, config, messages, chart models and
//! scenes) compiles and tests natively and imports nothing from the browser, a rule
//! `src/boundary.rs` checks; the Yew app on top of it only runs in a browser.

pub mod career;
pub mod catalog_search;
pub mod charts;
pub mod choices;
pub mod config;
pub mod csv_export;
pub mod estimator;
pub mod experience_rule;
pub mod explanation;
pub mod figures;
pub mod format;
pub mod links;
pub mod messages;
pub mod options;
pub mod order;
pub mod percentile_model;
pub mod place_search;
pub mod related;
pub mod state;
pub mod subject;
pub mod ui;

// The browser side: components and hooks compile natively too (so `cargo clippy` and `cargo test`
// see them), but only run in a browser.
pub mod app;
pub mod components;
pub mod hooks;
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
pub mod web;

#[cfg(all(test, not(target_arch = "wasm32")))]
mod boundary;
