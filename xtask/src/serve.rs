//! `cargo xtask serve`: setup, then Trunk's development server with live reload, and the demo
//! host page (`examples/`) on another origin.

use crate::{demo, setup, trunk, Result};
use std::path::Path;
use std::process::ExitCode;

/// Must match `[serve]` in Trunk.toml; printed so the reader need not look it up. The demo page
/// (`examples/school-page.html`) embeds the widget from this origin.
pub const WIDGET_ORIGIN: &str = "http://127.0.0.1:8080";

pub fn run(extra_args: &[String]) -> Result<ExitCode> {
    setup::run(setup::Options {
        browser: false,
        lighthouse: false,
    })?;
    // The demo is a convenience: if its port is taken, say so and serve the widget anyway.
    let demo = match demo::start(Path::new(demo::DIR)) {
        Ok(()) => format!(
            "demo host page at {} (another origin; embeds the widget three ways)",
            demo::url()
        ),
        Err(e) => format!("demo host page NOT served: {e}"),
    };
    println!("serving the widget at {WIDGET_ORIGIN}/ (debug build, live reload; Ctrl-C stops)");
    println!("{demo}");
    let mut cmd = trunk::command(["serve"]);
    cmd.args(extra_args);
    let status = crate::process::run_status(&mut cmd)?;
    // Ctrl-C reaches Trunk too (same process group); pass on whatever it exited with.
    Ok(match status.code() {
        Some(0) => ExitCode::SUCCESS,
        Some(code) => ExitCode::from(u8::try_from(code).unwrap_or(1)),
        None => ExitCode::FAILURE,
    })
}
