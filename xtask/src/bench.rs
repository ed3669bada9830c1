//! `cargo xtask bench`: release build, size table against the budget, cold-load time (`measure-load`)
//! and input-to-redraw time (`measure-input`), both from the e2e crate.

use crate::{browser, bundle, process, setup, trunk, units, workspace, Result};
use std::path::Path;
use std::process::{Command, ExitCode};

/// Cold load to the first chart drawn.
const MEASURE_LOAD: &str = "measure-load";
/// One input change to the estimate and every affected chart redrawn.
const MEASURE_INPUT: &str = "measure-input";

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

    let load = measure(MEASURE_LOAD, &dist);
    let input = measure(MEASURE_INPUT, &dist);

    let verdict = |ok: bool| {
        if ok {
            "see above"
        } else {
            "FAILED or OVER budget, see above"
        }
    };
    println!(
        "xtask bench: bundle {} brotli (budget {} KB{}); cold load {}; input to redraw {}",
        units::kb(report.total_brotli()),
        bundle::BUDGET_BYTES / 1024,
        if report.within_budget() { "" } else { ", OVER" },
        verdict(load),
        verdict(input),
    );
    // Over budget is a failed rule, even in a benchmark.
    Ok(if report.within_budget() && load && input {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// Runs one of the e2e crate's measurement binaries against `dist`; true when it succeeded
/// (which for `measure-input` includes staying within its budget).
fn measure(bin: &str, dist: &Path) -> bool {
    println!("\n==> {bin}");
    let mut cmd = Command::new("cargo");
    // A dev build: it only drives the browser, and it reuses what the e2e tests compiled
    // (a release build would spend a minute on LTO for no effect on the times measured).
    cmd.args(["run", "-q", "-p", "e2e", "--bin", bin, "--"])
        .arg(dist)
        .env("WIDGET_DIST", dist)
        .env("CHROMEDRIVER", browser::CHROMEDRIVER)
        .env("CHROME_BIN", browser::CHROMIUM);
    match process::run(&mut cmd) {
        Ok(()) => true,
        Err(e) => {
            eprintln!("{e}");
            false
        }
    }
}
