//! `cargo xtask bench [--base REV | --compare DIST] [--json FILE]`: release build, size table
//! against the budget, cold-load time and long tasks (`measure-load`, as built and with the CPU
//! 4× slower), input-to-redraw time (`measure-input`), career-switch time (`measure-switch`),
//! memory over 10,000 inputs after a warm-up, one widget and five embeds on a page
//! (`measure-memory`), and Lighthouse 12 mobile, median of 3
//! (`measure-lighthouse`), all from the e2e crate. With `--base REV`, the same for REV (built in
//! a git worktree), with `--compare DIST` for a build already made, and a side-by-side table of
//! both. Every number also goes to a JSON file (`target/bench.json` unless `--json` says
//! otherwise).

use crate::bench_json::{self, Summary};
use crate::{browser, bundle, npm_tools, process, setup, trunk, units, workspace, Result};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

/// Cold load to the first chart drawn.
const MEASURE_LOAD: &str = "measure-load";
/// One input change to the estimate and every affected chart redrawn.
const MEASURE_INPUT: &str = "measure-input";
/// Choosing another career of a program to its figures and chart drawn.
const MEASURE_SWITCH: &str = "measure-switch";
/// Memory and DOM over 10,000 inputs, one widget and five embeds on a page.
const MEASURE_MEMORY: &str = "measure-memory";
/// Lighthouse 12 mobile, median of 3.
const MEASURE_LIGHTHOUSE: &str = "measure-lighthouse";
/// Where `--base` checks out the revision compared against.
const BASE_TREE: &str = "target/bench-base";
/// Its own target directory, kept between runs. Not this tree's: cargo would take the other
/// checkout's sources for the same package as unchanged and hand back this tree's build.
const BASE_TARGET: &str = "target/bench-base-target";

/// The cold loads measured with the CPU slowed down, as on a phone (fewer: each is slower).
const SLOW_CPU: (&str, &str) = ("4", "5");
/// Where the JSON goes unless `--json` says.
const JSON_FILE: &str = "target/bench.json";
const USAGE: &str = "usage: cargo xtask bench [--base REV | --compare DIST] [--json FILE]";

/// One build's numbers.
struct Measured {
    label: String,
    report: bundle::Report,
    /// The summary lines of the measurements (`first-chart-drawn median …`, `years median …`).
    lines: Vec<String>,
    /// The same, read into numbers.
    summaries: Vec<Summary>,
    /// Whether every measurement ran and the input stayed within its budget.
    ok: bool,
}

/// What to compare this tree with.
enum Base {
    Revision(String),
    Dist(PathBuf),
}

fn parse_args(args: &[String]) -> Result<(Option<Base>, PathBuf)> {
    let (mut base, mut json) = (None, PathBuf::from(JSON_FILE));
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let mut value = || {
            it.next()
                .cloned()
                .ok_or(format!("{arg} needs a value\n{USAGE}"))
        };
        match arg.as_str() {
            "--base" if base.is_none() => base = Some(Base::Revision(value()?)),
            "--compare" if base.is_none() => base = Some(Base::Dist(PathBuf::from(value()?))),
            "--json" => json = PathBuf::from(value()?),
            _ => return Err(format!("unexpected {arg:?}\n{USAGE}")),
        }
    }
    Ok((base, json))
}

pub fn run(root: &Path, args: &[String]) -> Result<ExitCode> {
    let (base, json) = parse_args(args)?;
    setup::run(setup::Options {
        browser: true,
        lighthouse: true,
    })?;
    // One build at a time: Trunk writes wasm-opt's output to one shared path, so two builds at
    // once can corrupt each other.
    let before = match &base {
        Some(Base::Revision(rev)) => {
            let tree = checkout(root, rev)?;
            let target = root.join(BASE_TARGET);
            Some(measure_build(&tree, &target, &format!("base {rev}"))?)
        }
        Some(Base::Dist(dist)) => {
            if !dist.join("index.html").is_file() {
                return Err(format!("--compare {}: no index.html there", dist.display()));
            }
            Some(measure_dist(dist, &format!("dist {}", dist.display()))?)
        }
        None => None,
    };
    let now = measure_build(root, &root.join("target"), "this tree")?;
    if let Some(before) = &before {
        side_by_side(before, &now);
    }
    let builds: Vec<String> = before
        .iter()
        .chain([&now])
        .map(|m| bench_json::build(&m.label, &m.report, &m.summaries))
        .collect();
    let json = root.join(json);
    std::fs::write(&json, bench_json::document(&builds))
        .map_err(|e| format!("cannot write {}: {e}", json.display()))?;
    println!("\nevery number: {}", json.display());
    println!(
        "xtask bench: bundle {} brotli (budget {}), first view {} (budget {}){}; cold load and \
         input to redraw {}",
        units::kb(now.report.total_brotli()),
        units::kb(bundle::BUDGET_BYTES),
        units::kb(now.report.first_view_brotli()),
        units::kb(bundle::FIRST_VIEW_BUDGET_BYTES),
        if now.report.within_budget() {
            ""
        } else {
            ", OVER"
        },
        if now.ok {
            "see above"
        } else {
            "FAILED or OVER budget, see above"
        },
    );
    // Over budget is a failed rule, even in a benchmark.
    Ok(if now.report.within_budget() && now.ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// A fresh worktree of `rev` under [`BASE_TREE`].
fn checkout(root: &Path, rev: &str) -> Result<PathBuf> {
    let tree = root.join(BASE_TREE);
    if tree.exists() {
        let mut remove = Command::new("git");
        remove.args(["worktree", "remove", "--force"]).arg(&tree);
        if process::run(&mut remove).is_err() {
            std::fs::remove_dir_all(&tree)
                .map_err(|e| format!("cannot clear {}: {e}", tree.display()))?;
        }
    }
    let mut add = Command::new("git");
    add.args(["worktree", "add", "--force", "--detach"])
        .arg(&tree)
        .arg(rev);
    process::run(&mut add)?;
    Ok(tree)
}

/// Release-builds the tree at `dir` into its own dist (compiling in `target`), then measures
/// size, load and input.
fn measure_build(dir: &Path, target: &Path, label: &str) -> Result<Measured> {
    let dist = dir.join(workspace::WIDGET_DIST);
    if dist.exists() {
        std::fs::remove_dir_all(&dist)
            .map_err(|e| format!("cannot clear {}: {e}", dist.display()))?;
    }
    println!("\n==> {label}: release build");
    trunk::release_build_in(dir, &dist, target)?;
    measure_dist(&dist, label)
}

/// Measures the build in `dist`: size, load (as built and with a slow CPU), input and switching.
fn measure_dist(dist: &Path, label: &str) -> Result<Measured> {
    println!("\n==> {label}: bundle size");
    let report = bundle::measure(dist)?;
    report.print();
    let (slowdown, runs) = SLOW_CPU;
    let slow_load = format!("{MEASURE_LOAD} --cpu-slowdown {slowdown}");
    let runs: [(&str, &str, &[&str]); 6] = [
        (MEASURE_LOAD, MEASURE_LOAD, &[]),
        (
            &slow_load,
            MEASURE_LOAD,
            &["--cpu-slowdown", slowdown, "--runs", runs],
        ),
        (MEASURE_INPUT, MEASURE_INPUT, &[]),
        (MEASURE_SWITCH, MEASURE_SWITCH, &[]),
        (MEASURE_MEMORY, MEASURE_MEMORY, &[]),
        (MEASURE_LIGHTHOUSE, MEASURE_LIGHTHOUSE, &[]),
    ];
    let (mut lines, mut summaries, mut ok) = (Vec::new(), Vec::new(), true);
    for (name, bin, args) in runs {
        let (passed, found) = measure(bin, args, dist);
        ok &= passed;
        summaries.extend(found.iter().filter_map(|l| Summary::parse(name, l)));
        lines.extend(found);
    }
    Ok(Measured {
        label: label.to_string(),
        report,
        lines,
        summaries,
        ok,
    })
}

/// Runs one of the e2e crate's measurement binaries (always this tree's) against `dist`: whether
/// it succeeded (for `measure-input`, within its budget too) and its summary lines.
fn measure(bin: &str, args: &[&str], dist: &Path) -> (bool, Vec<String>) {
    println!("\n==> {bin} {}", args.join(" "));
    let mut cmd = Command::new("cargo");
    // A dev build: it only drives the browser, and it reuses what the e2e tests compiled
    // (a release build would spend a minute on LTO for no effect on the times measured).
    cmd.args(["run", "-q", "-p", "e2e", "--bin", bin, "--"])
        .arg(dist)
        .args(args)
        .env("WIDGET_DIST", dist)
        .env("CHROMEDRIVER", browser::CHROMEDRIVER)
        .env("CHROME_BIN", browser::CHROMIUM);
    if let Ok(cli) = npm_tools::LIGHTHOUSE.path() {
        cmd.env("LIGHTHOUSE_CLI", cli);
    }
    let captured = process::run_captured(&mut cmd);
    let lines = captured
        .stdout
        .lines()
        .filter(|l| l.contains(" median ") || l.contains(" -> "))
        .map(str::to_string)
        .collect();
    if let Some(e) = &captured.error {
        eprintln!("{e}");
    }
    (captured.error.is_none(), lines)
}

/// Both builds' numbers, one line each, the base first.
fn side_by_side(before: &Measured, now: &Measured) {
    println!("\n==> side by side");
    let kind = |report: &bundle::Report, ext: &str| -> u64 {
        (report.files.iter())
            .filter(|f| f.name.ends_with(ext))
            .map(|f| f.brotli)
            .sum()
    };
    println!(
        "{:<28}  {:>12}  {:>12}  {:>9}",
        "brotli -11", before.label, now.label, "change"
    );
    for (name, ext) in [
        ("wasm", ".wasm"),
        ("js", ".js"),
        ("css", ".css"),
        ("html", ".html"),
    ] {
        let (b, n) = (kind(&before.report, ext), kind(&now.report, ext));
        println!("{name:<28}  {b:>12}  {n:>12}  {:>+8.1}%", percent(b, n));
    }
    for (name, get) in [
        (
            "total",
            bundle::Report::total_brotli as fn(&bundle::Report) -> u64,
        ),
        (
            "first view (all but wasm)",
            bundle::Report::first_view_brotli,
        ),
    ] {
        let (b, n) = (get(&before.report), get(&now.report));
        println!("{name:<28}  {b:>12}  {n:>12}  {:>+8.1}%", percent(b, n));
    }
    for (b, n) in before.lines.iter().zip(&now.lines) {
        println!("{:<12} {b}\n{:<12} {n}", before.label, now.label);
    }
}

fn percent(before: u64, now: u64) -> f64 {
    if before == 0 {
        return 0.0;
    }
    (now as f64 - before as f64) / before as f64 * 100.0
}
