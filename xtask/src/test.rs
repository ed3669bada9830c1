//! `cargo xtask test`: every check in order, each timed, continuing past failures, closing with a summary line (then the plain count line CI reads).

use crate::counts::{self, Counts};
use crate::process::{self, Captured};
use crate::{browser, bundle, fuzz, npm_tools, packs, setup, trunk, units, workspace, Result};

/// The engines the end-to-end suite runs in.
#[derive(Clone, Copy)]
enum Engine {
    Chromium,
    Firefox,
}
use std::path::Path;
use std::process::{Command, ExitCode};
use std::time::{Duration, Instant};

enum Outcome {
    Passed,
    Failed(String),
    Skipped(String),
}

struct StepRecord {
    name: &'static str,
    outcome: Outcome,
    took: Duration,
}

/// What the summary line reports besides the steps.
#[derive(Default)]
struct Totals {
    native: Option<Counts>,
    browser: Option<Counts>,
    firefox: Option<Counts>,
    e2e_firefox: Option<Counts>,
    e2e: Option<Counts>,
    bundle_brotli: Option<u64>,
    loader_raw: Option<u64>,
}

const STEP_COUNT: usize = 11;

/// `full`: the slow sweeps too (the estimator over every career, place, industry and year).
pub fn run(root: &Path, full: bool) -> Result<ExitCode> {
    let started = Instant::now();
    setup::run(setup::Options {
        browser: true,
        lighthouse: false,
    })?;
    // The native tests read every occupation's built pack (the estimator's sweep).
    packs::ensure_built(root)?;

    let dist = root.join(workspace::WIDGET_DIST);
    let fault_dist = root.join(workspace::FAULT_DIST);
    let mut records = Vec::new();
    let mut totals = Totals::default();

    let mut step = |name: &'static str, body: &mut dyn FnMut() -> Outcome| {
        let n = records.len() + 1;
        println!("\n==> [{n}/{STEP_COUNT}] {name}");
        let t = Instant::now();
        let outcome = body();
        let took = t.elapsed();
        match &outcome {
            Outcome::Passed => println!(
                "<== [{n}/{STEP_COUNT}] {name}: passed in {}",
                units::duration(took)
            ),
            Outcome::Failed(why) => {
                println!(
                    "<== [{n}/{STEP_COUNT}] {name}: FAILED in {}: {why}",
                    units::duration(took)
                )
            }
            Outcome::Skipped(why) => println!("<== [{n}/{STEP_COUNT}] {name}: SKIPPED: {why}"),
        }
        records.push(StepRecord {
            name,
            outcome,
            took,
        });
    };

    step("format (cargo fmt --check)", &mut || {
        plain(cargo(&["fmt", "--all", "--check"]))
    });
    step("clippy, host, whole workspace", &mut || {
        plain(cargo(&[
            "clippy",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ]))
    });
    step("clippy, wasm32, app crate", &mut || {
        plain(cargo(&[
            "clippy",
            "-p",
            "career-pay-widget",
            "--target",
            "wasm32-unknown-unknown",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ]))
    });
    step("native tests", &mut || {
        // The e2e crate needs a built dist and a browser: it runs last, against the release build.
        // `--no-fail-fast` here and below: one failing test binary must not hide the others'
        // results from the summary.
        let mut cmd = cargo(&["test", "--workspace", "--exclude", "e2e", "--no-fail-fast"]);
        if full {
            cmd.env("CPW_FULL_SWEEP", "1");
        }
        let (outcome, found) = counted(cmd);
        totals.native = found;
        outcome
    });
    step(
        "fuzzing smoke pass (cargo fuzz: each corpus, then 5 s a target)",
        &mut || {
            if let Some(why) = fuzz::available() {
                return Outcome::Skipped(why);
            }
            match fuzz::smoke(root) {
                Err(e) => Outcome::Failed(e),
                Ok(outcomes) => {
                    let failed: Vec<String> = outcomes
                        .iter()
                        .filter_map(|o| o.failure.as_ref().map(|f| format!("{}: {f}", o.target)))
                        .collect();
                    if failed.is_empty() {
                        Outcome::Passed
                    } else {
                        Outcome::Failed(failed.join("; "))
                    }
                }
            }
        },
    );
    step("browser tests (wasm32 in headless Chromium)", &mut || {
        let mut cmd = browser_tests();
        cmd.env("CHROMEDRIVER", browser::CHROMEDRIVER);
        let (outcome, found) = counted(cmd);
        totals.browser = found;
        outcome
    });
    step(
        "browser tests (wasm32 in headless Firefox ESR)",
        &mut || {
            let mut cmd = browser_tests();
            match browser::geckodriver() {
                // The runner takes the first driver named in its environment, geckodriver first.
                Ok(driver) => cmd.env("GECKODRIVER", driver).env_remove("CHROMEDRIVER"),
                Err(e) => return Outcome::Failed(e),
            };
            let (outcome, found) = counted(cmd);
            totals.firefox = found;
            outcome
        },
    );

    let mut build_ok = false;
    step("release build + size budgets", &mut || {
        // A stale dist could pass the budget or the e2e tests for a build that just failed.
        if dist.exists() {
            if let Err(e) = std::fs::remove_dir_all(&dist) {
                return Outcome::Failed(format!("cannot clear {}: {e}", dist.display()));
            }
        }
        if let Err(error) = trunk::release_build(&dist) {
            return Outcome::Failed(error);
        }
        build_ok = true;
        match bundle::measure(&dist) {
            Err(e) => Outcome::Failed(e),
            Ok(report) => {
                report.print();
                totals.bundle_brotli = Some(report.total_brotli());
                let mut problems = report.over_budget();
                // The loader has its own budget, in raw bytes (host pages include it as is).
                match bundle::check_loader(&dist) {
                    Ok(size) => {
                        totals.loader_raw = Some(size);
                        println!(
                            "loader: {} is {size} bytes raw of its {}-byte budget",
                            bundle::LOADER,
                            bundle::LOADER_BUDGET_BYTES
                        );
                    }
                    Err(e) => problems.push(e),
                }
                if let Err(e) = bundle::check_no_fault_switch(&dist) {
                    problems.push(e);
                }
                if problems.is_empty() {
                    Outcome::Passed
                } else {
                    Outcome::Failed(problems.join("; "))
                }
            }
        }
    });
    let mut fault_build_ok = false;
    step(
        "debug build with the fault switch (what `trunk serve` builds)",
        &mut || {
            if fault_dist.exists() {
                if let Err(e) = std::fs::remove_dir_all(&fault_dist) {
                    return Outcome::Failed(format!("cannot clear {}: {e}", fault_dist.display()));
                }
            }
            match trunk::fault_build(&fault_dist) {
                Ok(()) => {
                    fault_build_ok = true;
                    Outcome::Passed
                }
                Err(error) => Outcome::Failed(error),
            }
        },
    );
    // The same suite in each engine; the environment names the engine and its driver.
    let e2e = |engine: Engine| -> (Outcome, Option<Counts>) {
        if !build_ok {
            return (
                Outcome::Skipped("the release build failed".to_string()),
                None,
            );
        }
        let mut cmd = cargo(&["test", "-p", "e2e", "--no-fail-fast"]);
        if let Ok(script) = npm_tools::AXE.path() {
            cmd.env("AXE_JS", script);
        }
        cmd.env("WIDGET_DIST", &dist);
        match engine {
            Engine::Chromium => {
                cmd.env("CHROMEDRIVER", browser::CHROMEDRIVER)
                    .env("CHROME_BIN", browser::CHROMIUM);
            }
            Engine::Firefox => match browser::geckodriver() {
                Ok(driver) => {
                    cmd.env("E2E_BROWSER", "firefox")
                        .env("GECKODRIVER", driver)
                        .env("FIREFOX_BIN", browser::FIREFOX);
                }
                Err(e) => return (Outcome::Failed(e), None),
            },
        }
        // Without it the tests of a stopping widget fail, saying the build failed.
        if fault_build_ok {
            cmd.env("WIDGET_FAULT_DIST", &fault_dist);
        }
        counted(cmd)
    };
    step("end-to-end tests (release build in Chromium)", &mut || {
        let (outcome, found) = e2e(Engine::Chromium);
        totals.e2e = found;
        outcome
    });
    step(
        "end-to-end tests (release build in Firefox ESR)",
        &mut || {
            let (outcome, found) = e2e(Engine::Firefox);
            totals.e2e_firefox = found;
            outcome
        },
    );

    print_step_table(&records);
    let passed = records
        .iter()
        .filter(|r| matches!(r.outcome, Outcome::Passed))
        .count();
    let all = passed == records.len();
    let tests = totals
        .native
        .into_iter()
        .chain(totals.browser)
        .chain(totals.firefox)
        .chain(totals.e2e)
        .chain(totals.e2e_firefox)
        .fold(Counts::default(), |mut sum, c| {
            sum += c;
            sum
        });
    println!(
        "xtask test: {passed}/{} steps passed; tests: {} passed, {} failed ({}, {}, {}, {}, {}); {}; {}; {}",
        records.len(),
        tests.passed,
        tests.failed,
        suite("native", totals.native),
        suite("browser in Chromium", totals.browser),
        suite("browser in Firefox", totals.firefox),
        suite("e2e in Chromium", totals.e2e),
        suite("e2e in Firefox", totals.e2e_firefox),
        match totals.bundle_brotli {
            Some(b) => format!("bundle {} brotli (budget {})", units::kb(b), budget_label()),
            None => format!("bundle not measured (budget {})", budget_label()),
        },
        match totals.loader_raw {
            Some(b) => format!(
                "{} {b} B (budget {} B)",
                bundle::LOADER,
                bundle::LOADER_BUDGET_BYTES
            ),
            None => format!(
                "{} not within budget (budget {} B)",
                bundle::LOADER,
                bundle::LOADER_BUDGET_BYTES
            ),
        },
        units::duration(started.elapsed())
    );
    Ok(if all {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

fn budget_label() -> String {
    units::kb(bundle::BUDGET_BYTES)
}

fn suite(name: &str, counts: Option<Counts>) -> String {
    match counts {
        None => format!("{name} -"),
        Some(c) if c.failed > 0 => format!("{name} {} + {} failed", c.passed, c.failed),
        Some(c) => format!("{name} {}", c.passed),
    }
}

fn print_step_table(records: &[StepRecord]) {
    println!("\nsteps:");
    for (i, r) in records.iter().enumerate() {
        let verdict = match &r.outcome {
            Outcome::Passed => "passed".to_string(),
            Outcome::Failed(why) => format!("FAILED: {why}"),
            Outcome::Skipped(why) => format!("skipped: {why}"),
        };
        println!(
            "  {}. {:<46} {:>8}  {verdict}",
            i + 1,
            r.name,
            units::duration(r.took)
        );
    }
}

/// The browser tests (`wasm-bindgen-test`); the caller names the driver. `--tests` (lib, bins,
/// tests/*.rs) leaves out doctests: current cargo (1.95 here) would also build them for wasm32
/// and run them through the runner, but they are written for and already run on the host.
fn browser_tests() -> Command {
    let mut cmd = cargo(&[
        "test",
        "-p",
        "career-pay-widget",
        "--target",
        "wasm32-unknown-unknown",
        "--tests",
        "--no-fail-fast",
    ]);
    // The runner's limit (20 s by default) is for a whole test file, not one test: the 23 tests
    // of tests/browser.rs take about 17 s here, and a busy machine went past 20.
    cmd.env("WASM_BINDGEN_TEST_TIMEOUT", "120");
    cmd
}

fn cargo(args: &[&str]) -> Command {
    let mut cmd = Command::new("cargo");
    cmd.args(args);
    cmd
}

/// A step whose only result is pass or fail; the terminal stays attached (colours, progress).
fn plain(mut cmd: Command) -> Outcome {
    match process::run(&mut cmd) {
        Ok(()) => Outcome::Passed,
        Err(e) => Outcome::Failed(e),
    }
}

/// A test step: output captured as well as shown, so its pass/fail counts can be read.
fn counted(mut cmd: Command) -> (Outcome, Option<Counts>) {
    let Captured {
        stdout,
        stderr,
        error,
    } = process::run_captured(&mut cmd);
    let found = match (counts::parse(&stdout), counts::parse(&stderr)) {
        (Some(mut a), Some(b)) => {
            a += b;
            Some(a)
        }
        (a, b) => a.or(b),
    };
    let outcome = match (error, found) {
        (Some(e), _) => Outcome::Failed(e),
        // Exit 0 yet failures counted: trust the counts (a runner may swallow its exit code).
        (None, Some(c)) if c.failed > 0 => Outcome::Failed(format!("{} tests failed", c.failed)),
        (None, _) => Outcome::Passed,
    };
    (outcome, found)
}
