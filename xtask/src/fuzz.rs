//! `cargo xtask fuzz [--secs N]`: coverage-guided fuzzing (cargo-fuzz, libFuzzer, on the pinned
//! nightly) of the three parsers that read what the widget does not control: the URL's options
//! (`query`), the files it fetches (`pack`) and BLS's CSV files (`csv`). In `fuzz/`: the targets
//! (`fuzz_targets/`), hand-made starting inputs (`seeds/`), every input that once made a target
//! fail (`regressions/`, never minimised away), and the corpus the fuzzer grew (`corpus/`),
//! which a run extends and then minimises (`cargo fuzz cmin`), so what is committed stays small.
//! `cargo xtask test` runs a short smoke pass: all of those inputs, then a few seconds each.
//!
//! Built without a sanitizer (`-s none`): the parsers are safe Rust, so AddressSanitizer has no
//! unsafe code to watch, and without it a target runs 3-5 times as many inputs a second. What
//! is looked for is a panic (an index out of range, an overflow, a failed invariant).

use crate::{nightly, process, units, Result};
use std::path::Path;
use std::process::Command;
use std::time::Instant;

/// The targets, in `fuzz/fuzz_targets/`, with the longest input each is given: a URL of 4 KB,
/// a file of 64 KB (the index of careers, the largest seed, is 62 KB), a CSV of 16 KB. Longer
/// inputs find nothing new in these formats and bloat the committed corpus.
const TARGETS: [(&str, u32); 3] = [("query", 4096), ("pack", 65_536), ("csv", 16_384)];
/// The cargo-fuzz release `cargo xtask setup` installs.
pub const CARGO_FUZZ_VERSION: &str = "0.13.2";
/// Executions per target when no time is given: the reliability issue's million.
const RUNS: u64 = 1_000_000;
/// Seconds per target of the test command's smoke pass.
const SMOKE_SECS: u64 = 5;

/// How long one target runs.
#[derive(Clone, Copy)]
enum Limit {
    Runs(u64),
    Secs(u64),
}

/// What one target's run did.
pub struct Outcome {
    pub target: &'static str,
    pub runs: u64,
    pub secs: f64,
    /// The input that made it fail (under `fuzz/artifacts/`), with libFuzzer's last words.
    pub failure: Option<String>,
}

/// `cargo xtask fuzz [--secs N]`: every target, a million executions each (or N seconds each),
/// then the corpus minimised. Fails if any target fails.
pub fn run(root: &Path, args: &[String]) -> Result<bool> {
    let limit = match args {
        [] => Limit::Runs(RUNS),
        [flag, secs] if flag == "--secs" => Limit::Secs(
            secs.parse()
                .ok()
                .filter(|s| *s > 0)
                .ok_or_else(|| format!("--secs takes a whole number of seconds, not `{secs}`"))?,
        ),
        _ => {
            return Err(format!(
                "usage: cargo xtask fuzz [--secs N] (got: {})",
                args.join(" ")
            ))
        }
    };
    let outcomes = fuzz_all(root, limit, Grow::Corpus)?;
    let failed = outcomes.iter().any(|o| o.failure.is_some());
    if !failed {
        for (target, max_len) in TARGETS {
            println!("minimising the {target} corpus (cargo fuzz cmin)");
            let corpus = format!("corpus/{target}");
            let max_len = format!("-max_len={max_len}");
            let cmin = ["cmin", "-s", "none", "-O", target, &corpus, "--", &max_len];
            process::run(cargo_fuzz(root).args(cmin))?;
        }
    }
    Ok(!failed)
}

/// The test command's pass: each target over its corpus and for a few seconds more. What it
/// finds goes to a scratch directory: a test run leaves the committed corpus as it was.
pub fn smoke(root: &Path) -> Result<Vec<Outcome>> {
    fuzz_all(root, Limit::Secs(SMOKE_SECS), Grow::Scratch)
}

/// Where the inputs a run finds go.
#[derive(Clone, Copy)]
enum Grow {
    /// `fuzz/corpus/<target>`, committed (then minimised).
    Corpus,
    /// `target/fuzz-smoke/<target>`, emptied first.
    Scratch,
}

/// Whether fuzzing can run here: the pinned nightly and cargo-fuzz.
pub fn available() -> Option<String> {
    if !nightly::installed() {
        return Some(format!(
            "no {} of {}: cargo-fuzz needs it",
            nightly::CHANNEL,
            nightly::DATE
        ));
    }
    match process::probe_on_path("cargo-fuzz", &["--version"]) {
        Some(v) if v.contains(CARGO_FUZZ_VERSION) => None,
        _ => Some(format!(
            "cargo-fuzz {CARGO_FUZZ_VERSION} is not installed (`cargo xtask setup` adds it)"
        )),
    }
}

fn fuzz_all(root: &Path, limit: Limit, grow: Grow) -> Result<Vec<Outcome>> {
    if let Some(why) = available() {
        return Err(why);
    }
    process::run(cargo_fuzz(root).args(["build", "-s", "none", "-O"]))?;
    let mut outcomes = Vec::new();
    for (target, max_len) in TARGETS {
        let outcome = fuzz_one(root, target, max_len, limit, grow)?;
        println!(
            "fuzz {target}: {} executions in {:.0} s, {}",
            units::thousands(outcome.runs),
            outcome.secs,
            outcome.failure.as_deref().unwrap_or("no failure")
        );
        outcomes.push(outcome);
    }
    Ok(outcomes)
}

fn fuzz_one(
    root: &Path,
    target: &'static str,
    max_len: u32,
    limit: Limit,
    grow: Grow,
) -> Result<Outcome> {
    // The first directory is the one libFuzzer writes to; the others are only read.
    let writes_to = match grow {
        Grow::Corpus => root.join("fuzz/corpus").join(target),
        Grow::Scratch => {
            let scratch = root.join("target/fuzz-smoke").join(target);
            if scratch.exists() {
                std::fs::remove_dir_all(&scratch)
                    .map_err(|e| format!("cannot clear {}: {e}", scratch.display()))?;
            }
            scratch
        }
    };
    std::fs::create_dir_all(&writes_to)
        .map_err(|e| format!("cannot create {}: {e}", writes_to.display()))?;
    let read_too = ["corpus", "seeds", "regressions"]
        .iter()
        .map(|dir| root.join("fuzz").join(dir).join(target))
        .filter(|dir| dir.is_dir() && *dir != writes_to);
    let inputs: Vec<std::path::PathBuf> = [writes_to.clone()].into_iter().chain(read_too).collect();
    let limit_flag = match limit {
        Limit::Runs(runs) => format!("-runs={runs}"),
        Limit::Secs(secs) => format!("-max_total_time={secs}"),
    };
    let mut cmd = cargo_fuzz(root);
    cmd.args(["run", "-s", "none", "-O", target])
        .args(&inputs)
        .arg("--")
        .args([
            limit_flag,
            format!("-max_len={max_len}"),
            "-print_final_stats=1".to_string(),
        ]);
    println!("$ {}", process::describe(&cmd));
    let started = Instant::now();
    let output = cmd
        .output()
        .map_err(|e| format!("cannot run cargo fuzz: {e}"))?;
    let secs = started.elapsed().as_secs_f64();
    let log = String::from_utf8_lossy(&output.stderr);
    let runs = final_stat(&log, "stat::number_of_executed_units").unwrap_or(0);
    let failure = (!output.status.success()).then(|| failure_summary(&log));
    Ok(Outcome {
        target,
        runs,
        secs,
        failure,
    })
}

/// `cargo fuzz` in `fuzz/` on the pinned nightly.
fn cargo_fuzz(root: &Path) -> Command {
    let mut cmd = Command::new("cargo");
    cmd.arg("fuzz")
        .current_dir(root.join("fuzz"))
        .env("RUSTUP_TOOLCHAIN", nightly::CHANNEL);
    cmd
}

/// A number from libFuzzer's `-print_final_stats=1` lines (`stat::name: value`).
fn final_stat(log: &str, name: &str) -> Option<u64> {
    log.lines().find_map(|line| {
        line.strip_prefix(name)?
            .trim_start_matches(':')
            .trim()
            .parse()
            .ok()
    })
}

/// What to show of a failing run: the panic and the saved input.
fn failure_summary(log: &str) -> String {
    let panic = log
        .lines()
        .skip_while(|l| !l.contains("panicked at"))
        .take(4)
        .collect::<Vec<_>>()
        .join(" / ");
    let artifact = log
        .lines()
        .find(|l| l.contains("Test unit written to"))
        .unwrap_or("no input saved");
    format!("FAILED: {panic} ({})", artifact.trim())
}

#[cfg(test)]
mod tests {
    use super::{failure_summary, final_stat};

    #[test]
    fn reads_libfuzzer_final_stats_and_failures() {
        let log = "#2577957\tDONE   cov: 719\nDone 2577957 runs in 91 second(s)\n\
                   stat::number_of_executed_units: 2577957\nstat::average_exec_per_sec:     28329\n";
        assert_eq!(
            final_stat(log, "stat::number_of_executed_units"),
            Some(2_577_957)
        );
        assert_eq!(final_stat(log, "stat::average_exec_per_sec"), Some(28_329));
        assert_eq!(final_stat(log, "stat::new_units_added"), None);
        let crash = "thread '<unnamed>' panicked at fuzz_targets/query.rs:24:5:\nassertion failed\n\
                     ==1== ERROR: libFuzzer: deadly signal\n\
                     artifact_prefix='artifacts/query/'; Test unit written to artifacts/query/crash-6c8\n";
        let summary = failure_summary(crash);
        assert!(summary.contains("query.rs:24:5"), "{summary}");
        assert!(summary.contains("artifacts/query/crash-6c8"), "{summary}");
    }
}
