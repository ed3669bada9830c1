//! `cargo xtask bench`: release build, size table against the budget, then cold-load time from the e2e crate's `measure-load`.

use crate::{browser, bundle, process, setup, trunk, units, workspace, Result};
use std::path::Path;
use std::process::{Command, ExitCode};

const MEASURE_BIN: &str = "measure-load";

pub fn run(root: &Path) -> Result<ExitCode> {
    setup::run(setup::Options { browser: true })?;
    let dist = root.join(workspace::WIDGET_DIST);
    if dist.exists() {
        std::fs::remove_dir_all(&dist)
            .map_err(|e| format!("cannot clear {}: {e}", dist.display()))?;
    }
    println!("\n==> release build");
    trunk::release_build(&dist)?;

    println!("\n==> bundle size");
    let report = bundle::measure(&dist)?;
    report.print();

    println!("\n==> cold load ({MEASURE_BIN})");
    let measured = if measure_bin_exists()? {
        let mut cmd = Command::new("cargo");
        // A dev build: it only drives the browser, and it reuses what the e2e tests compiled
        // (a release build would spend a minute on LTO for no effect on the times measured).
        cmd.args(["run", "-p", "e2e", "--bin", MEASURE_BIN, "--"])
            .arg(&dist)
            .env("WIDGET_DIST", &dist)
            .env("CHROMEDRIVER", browser::CHROMEDRIVER)
            .env("CHROME_BIN", browser::CHROMIUM);
        // Its lines (`first-chart-drawn median … ms`) are the result: shown as they come.
        process::run(&mut cmd).map(|()| true)?
    } else {
        println!(
            "not measured: the e2e crate has no `{MEASURE_BIN}` binary yet (expected at \
             tests/e2e, run as `cargo run -p e2e --bin {MEASURE_BIN} -- <dist dir>`)"
        );
        false
    };

    println!(
        "xtask bench: bundle {} brotli (budget {} KB{}); cold load {}",
        units::kb(report.total_brotli()),
        bundle::BUDGET_BYTES / 1024,
        if report.within_budget() { "" } else { ", OVER" },
        if measured {
            "see above"
        } else {
            "not measured"
        }
    );
    // Over budget is a failed rule, even in a benchmark; a missing tool is not.
    Ok(if report.within_budget() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// Asks cargo for the workspace's targets instead of guessing file paths: a `[[bin]]` entry or a
/// `src/bin/measure-load.rs` both count.
fn measure_bin_exists() -> Result<bool> {
    let out = Command::new("cargo")
        .args([
            "metadata",
            "--format-version",
            "1",
            "--no-deps",
            "--offline",
        ])
        .output()
        .map_err(|e| format!("cannot run `cargo metadata`: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "`cargo metadata` failed: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        ));
    }
    let json = String::from_utf8_lossy(&out.stdout);
    // Without a JSON parser: target names are serialised exactly like this by cargo.
    Ok(json.contains(&format!("\"name\":\"{MEASURE_BIN}\"")))
}
