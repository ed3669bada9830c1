//! `cargo xtask serve`: setup, then Trunk's development server with live reload.

use crate::{setup, trunk, Result};
use std::process::ExitCode;

/// Must match `[serve]` in Trunk.toml; printed so the reader need not look it up.
const URL: &str = "http://127.0.0.1:8080/";

pub fn run(extra_args: &[String]) -> Result<ExitCode> {
    setup::run(setup::Options { browser: false })?;
    println!("serving the widget at {URL} (debug build, live reload; Ctrl-C stops)");
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
