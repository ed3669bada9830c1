//! `measure-load <dist dir> [--runs N]`: times N cold loads of a release bundle in headless
//! Chromium, from navigation start to the app's `performance.mark("first-chart-drawn")`.
//!
//! Each load gets a new browser with a fresh profile and the HTTP cache disabled over CDP, so
//! nothing is warm: no HTTP cache, no compiled-wasm cache. Exits 1 if the mark does not appear
//! within 10 s of navigation in any run, 2 on bad usage.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use e2e::stats::{median, percentile};
use e2e::{Browser, BrowserOptions, ChromeDriver, Page, Result, StaticServer};
use serde_json::json;

/// The mark must appear within this long after navigation start.
const MARK_TIMEOUT_MS: f64 = 10_000.0;

const USAGE: &str = "usage: measure-load <dist dir> [--runs N]   (N defaults to 15)";

/// Reads the mark (null until it exists) and the time since navigation start.
const MARK_JS: &str = r#"
const m = performance.getEntriesByName('first-chart-drawn')[0];
return { mark: m ? m.startTime : null, now: performance.now() };
"#;

/// Navigation and resource timings once the mark is there.
const TIMINGS_JS: &str = r#"
const nav = performance.getEntriesByType('navigation')[0];
const wasm = performance.getEntriesByType('resource').filter(r => /\.wasm(\?|$)/.test(r.name));
return {
  dcl: nav ? nav.domContentLoadedEventEnd : null,
  wasmTransfer: wasm.reduce((n, r) => n + (r.transferSize || 0), 0),
  wasmBody: wasm.reduce((n, r) => n + (r.encodedBodySize || 0), 0),
  wasmFiles: wasm.length,
};
"#;

#[derive(Debug)]
struct Run {
    first_chart_ms: f64,
    dcl_ms: Option<f64>,
    wasm_transfer: u64,
    wasm_body: u64,
    wasm_files: u64,
    errors: Vec<String>,
}

fn parse_args(args: &[String]) -> std::result::Result<(PathBuf, usize), String> {
    let mut dist = None;
    let mut runs = 15;
    let mut i = 0;
    while i < args.len() {
        let arg = &args[i];
        let count = if arg == "--runs" {
            i += 1;
            Some(args.get(i).ok_or("--runs needs a number")?.as_str())
        } else {
            arg.strip_prefix("--runs=")
        };
        if let Some(n) = count {
            runs = n
                .parse()
                .ok()
                .filter(|n| *n > 0)
                .ok_or(format!("--runs wants a positive number, not {n:?}"))?;
        } else if arg == "-h" || arg == "--help" {
            return Err(String::new());
        } else if arg.starts_with('-') || dist.is_some() {
            return Err(format!("unexpected argument {arg:?}"));
        } else {
            dist = Some(PathBuf::from(arg));
        }
        i += 1;
    }
    let dist = dist.ok_or("the dist directory is missing")?;
    if !dist.join("index.html").is_file() {
        return Err(format!("{} has no index.html", dist.display()));
    }
    Ok((dist, runs))
}

/// One cold load. `Ok(None)` means the mark never appeared in time.
async fn measure_once(driver: &ChromeDriver, url: &str) -> Result<Option<Run>> {
    let browser = Browser::start(driver.url(), &BrowserOptions::default()).await?;
    // Quit the browser whatever happened, then report the load's outcome first.
    let result = load(&browser, url).await;
    let quit = browser.quit().await;
    let run = result?;
    quit?;
    Ok(run)
}

async fn load(browser: &Browser, url: &str) -> Result<Option<Run>> {
    let cdp = browser.driver.cdp();
    cdp.send_raw("Network.enable", json!({})).await?;
    cdp.send_raw("Network.setCacheDisabled", json!({ "cacheDisabled": true }))
        .await?;
    let page: Page = browser.page();
    // A page-load timeout is reported through the mark check below, not as a hard error.
    let _ = page.goto(url).await;
    loop {
        let v = page.eval(MARK_JS, vec![]).await?;
        if let Some(mark) = v["mark"].as_f64() {
            if mark > MARK_TIMEOUT_MS {
                return Ok(None);
            }
            let t = page.eval(TIMINGS_JS, vec![]).await?;
            return Ok(Some(Run {
                first_chart_ms: mark,
                dcl_ms: t["dcl"].as_f64(),
                wasm_transfer: t["wasmTransfer"].as_u64().unwrap_or(0),
                wasm_body: t["wasmBody"].as_u64().unwrap_or(0),
                wasm_files: t["wasmFiles"].as_u64().unwrap_or(0),
                errors: page.errors().await.unwrap_or_default(),
            }));
        }
        if v["now"].as_f64().unwrap_or(f64::INFINITY) > MARK_TIMEOUT_MS {
            eprintln!("  page state: {}", page.diagnostics().await);
            return Ok(None);
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (dist, runs) = match parse_args(&args) {
        Ok(v) => v,
        Err(e) => {
            if !e.is_empty() {
                eprintln!("measure-load: {e}");
            }
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    let server = match StaticServer::start(&dist) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("measure-load: cannot serve {}: {e}", dist.display());
            return ExitCode::FAILURE;
        }
    };
    let driver = match ChromeDriver::start() {
        Ok(d) => d,
        Err(e) => {
            eprintln!("measure-load: {e}");
            return ExitCode::FAILURE;
        }
    };
    let url = server.url("/");
    println!(
        "measuring {runs} cold loads of {url} (serving {})",
        dist.display()
    );

    let mut done = Vec::with_capacity(runs);
    for i in 1..=runs {
        match measure_once(&driver, &url).await {
            Ok(Some(run)) => {
                println!(
                    "run {i:>2}/{runs}: first-chart-drawn {:7.1} ms, DOMContentLoaded {} ms, \
                     wasm {} B transferred ({} B body)",
                    run.first_chart_ms,
                    run.dcl_ms.map_or("?".into(), |d| format!("{d:.1}")),
                    run.wasm_transfer,
                    run.wasm_body
                );
                for e in &run.errors {
                    eprintln!("  page error: {e}");
                }
                done.push(run);
            }
            Ok(None) => {
                eprintln!(
                    "run {i}/{runs}: performance.mark(\"first-chart-drawn\") did not appear \
                     within {MARK_TIMEOUT_MS} ms of navigation start"
                );
                return ExitCode::FAILURE;
            }
            Err(e) => {
                eprintln!("run {i}/{runs} failed: {e}");
                return ExitCode::FAILURE;
            }
        }
    }

    let mut chart: Vec<f64> = done.iter().map(|r| r.first_chart_ms).collect();
    chart.sort_by(f64::total_cmp);
    println!(
        "first-chart-drawn median {:.1} ms, p95 {:.1} ms, min {:.1} ms over {runs} cold loads",
        median(&chart),
        percentile(&chart, 95.0),
        chart[0]
    );
    let mut dcl: Vec<f64> = done.iter().filter_map(|r| r.dcl_ms).collect();
    if !dcl.is_empty() {
        dcl.sort_by(f64::total_cmp);
        println!(
            "DOMContentLoaded median {:.1} ms, p95 {:.1} ms",
            median(&dcl),
            percentile(&dcl, 95.0)
        );
    }
    match done.last() {
        Some(last) if last.wasm_files > 0 => println!(
            "wasm transfer size {} bytes ({} bytes body, {} file(s))",
            last.wasm_transfer, last.wasm_body, last.wasm_files
        ),
        _ => println!("wasm transfer size: no .wasm was loaded"),
    }
    let errors: usize = done.iter().map(|r| r.errors.len()).sum();
    if errors > 0 {
        eprintln!("warning: the page reported {errors} error(s) across the runs (see above)");
    }
    ExitCode::SUCCESS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arguments_are_checked() {
        let dir = e2e::TempDir::new("measure-args").unwrap();
        std::fs::write(dir.path().join("index.html"), "x").unwrap();
        let d = dir.path().to_string_lossy().to_string();
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(parse_args(&s(&[&d])).unwrap().1, 15);
        assert_eq!(parse_args(&s(&[&d, "--runs", "3"])).unwrap().1, 3);
        assert_eq!(parse_args(&s(&["--runs=4", &d])).unwrap().1, 4);
        assert!(parse_args(&s(&[&d, "--runs", "0"])).is_err());
        assert!(parse_args(&s(&[])).is_err());
        assert!(parse_args(&s(&["/nonexistent-dist"])).is_err());
    }
}
