//! `measure-load <dist dir> [--runs N] [--cpu-slowdown K]`: times N cold loads of a release
//! bundle in headless Chromium: the first contentful paint (with a prerendered view, the whole
//! first view, its charts drawn) and the app's `performance.mark("first-chart-drawn")` (the live
//! widget's first canvas painted), and reports the main thread's long tasks (over 50 ms) from
//! navigation until 1.5 s after that mark: the longest, how many, and the total blocking time
//! (each one's time over 50 ms, as Lighthouse sums it). The pointer moves over the page as soon
//! as it has loaded, a reader using it at once: under a prerendered view the wasm starts then
//! (`boot.js`), so its start falls inside the load, the worst case for the long tasks.
//! `--cpu-slowdown 4` makes Chromium's CPU 4× slower (CDP `Emulation.setCPUThrottlingRate`), as
//! a phone's.
//!
//! Each load gets a new browser with a fresh profile and the HTTP cache disabled over CDP, so
//! nothing is warm: no HTTP cache, no compiled-wasm cache. Exits 1 if the mark does not appear
//! within 10 s of navigation in any run, 2 on bad usage.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use e2e::measure::{arguments_or_usage, dist_holding};
use e2e::stats::{median, percentile};
use e2e::{Browser, BrowserOptions, Engine, Page, Result, StaticServer, WebDriverServer};
use serde_json::json;

/// The mark must appear within this long after navigation start.
const MARK_TIMEOUT_MS: f64 = 10_000.0;

const USAGE: &str =
    "usage: measure-load <dist dir> [--runs N] [--cpu-slowdown K]   (N defaults to 15, K to 1)";

/// A task longer than this blocks input noticeably (the Long Tasks API's threshold).
const LONG_TASK_MS: f64 = 50.0;

/// How long after the first chart the long tasks are still counted: the other charts, the
/// facts and the rest of the first view are drawn in that time.
const SETTLE_MS: u64 = 1_500;

/// Installed before any page script: records every long task of the page.
const LONG_TASKS_HOOK: &str = r#"
window.__cpwLongTasks = [];
try {
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__cpwLongTasks.push(e.duration);
  }).observe({ type: 'longtask' });
} catch (e) {}
"#;

/// Reads the mark (null until it exists) and the time since navigation start.
const MARK_JS: &str = r#"
const m = performance.getEntriesByName('first-chart-drawn')[0];
return { mark: m ? m.startTime : null, now: performance.now() };
"#;

/// Navigation and resource timings once the mark is there.
const TIMINGS_JS: &str = r#"
const nav = performance.getEntriesByType('navigation')[0];
const wasm = performance.getEntriesByType('resource').filter(r => /\.wasm(\?|$)/.test(r.name));
const paint = performance.getEntriesByName('first-contentful-paint')[0];
return {
  dcl: nav ? nav.domContentLoadedEventEnd : null,
  fcp: paint ? paint.startTime : null,
  wasmTransfer: wasm.reduce((n, r) => n + (r.transferSize || 0), 0),
  wasmBody: wasm.reduce((n, r) => n + (r.encodedBodySize || 0), 0),
  wasmFiles: wasm.length,
  longTasks: window.__cpwLongTasks || [],
};
"#;

#[derive(Debug)]
struct Run {
    first_chart_ms: f64,
    dcl_ms: Option<f64>,
    fcp_ms: Option<f64>,
    wasm_transfer: u64,
    wasm_body: u64,
    wasm_files: u64,
    /// Durations of the long tasks, ms.
    long_tasks: Vec<f64>,
    errors: Vec<String>,
}

impl Run {
    fn longest_task(&self) -> f64 {
        self.long_tasks.iter().copied().fold(0.0, f64::max)
    }

    /// Lighthouse's total blocking time: the part of each long task over 50 ms.
    fn blocking_ms(&self) -> f64 {
        self.long_tasks
            .iter()
            .map(|d| (d - LONG_TASK_MS).max(0.0))
            .sum()
    }
}

/// What to measure.
struct Args {
    dist: PathBuf,
    runs: usize,
    cpu_slowdown: f64,
}

fn parse_args(args: &[String]) -> std::result::Result<Args, String> {
    let mut dist = None;
    let mut runs = 15;
    let mut cpu_slowdown = 1.0;
    let mut i = 0;
    while i < args.len() {
        let arg = &args[i];
        let (name, inline) = match arg.split_once('=') {
            Some((name, value)) => (name, Some(value)),
            None => (arg.as_str(), None),
        };
        let mut value = || -> std::result::Result<String, String> {
            match inline {
                Some(v) => Ok(v.to_string()),
                None => {
                    i += 1;
                    args.get(i).cloned().ok_or(format!("{name} needs a number"))
                }
            }
        };
        match name {
            "--runs" => {
                let n = value()?;
                runs = n
                    .parse()
                    .ok()
                    .filter(|n| *n > 0)
                    .ok_or(format!("--runs wants a positive number, not {n:?}"))?;
            }
            "--cpu-slowdown" => {
                let k = value()?;
                cpu_slowdown = k
                    .parse()
                    .ok()
                    .filter(|k: &f64| (1.0..=20.0).contains(k))
                    .ok_or(format!("--cpu-slowdown wants 1 to 20, not {k:?}"))?;
            }
            "-h" | "--help" => return Err(String::new()),
            _ if arg.starts_with('-') || dist.is_some() => {
                return Err(format!("unexpected argument {arg:?}"))
            }
            _ => dist = Some(PathBuf::from(arg)),
        }
        i += 1;
    }
    let dist = dist_holding(dist, "index.html")?;
    Ok(Args {
        dist,
        runs,
        cpu_slowdown,
    })
}

/// One cold load. `Ok(None)` means the mark never appeared in time.
async fn measure_once(driver: &WebDriverServer, url: &str, slowdown: f64) -> Result<Option<Run>> {
    let browser = Browser::start(driver.url(), &BrowserOptions::default()).await?;
    // Quit the browser whatever happened, then report the load's outcome first.
    let result = load(&browser, url, slowdown).await;
    let quit = browser.quit().await;
    let run = result?;
    quit?;
    Ok(run)
}

async fn load(browser: &Browser, url: &str, slowdown: f64) -> Result<Option<Run>> {
    let cdp = browser.driver.cdp();
    cdp.send_raw("Network.enable", json!({})).await?;
    cdp.send_raw("Network.setCacheDisabled", json!({ "cacheDisabled": true }))
        .await?;
    cdp.send_raw(
        "Page.addScriptToEvaluateOnNewDocument",
        json!({ "source": LONG_TASKS_HOOK }),
    )
    .await?;
    cdp.send_raw(
        "Emulation.setCPUThrottlingRate",
        json!({ "rate": slowdown }),
    )
    .await?;
    let page: Page = browser.page();
    // A page-load timeout is reported through the mark check below, not as a hard error.
    let _ = page.goto(url).await;
    page.point_at(8, 8).await?;
    loop {
        let v = page.eval(MARK_JS, vec![]).await?;
        if let Some(mark) = v["mark"].as_f64() {
            if mark > MARK_TIMEOUT_MS * slowdown {
                return Ok(None);
            }
            tokio::time::sleep(Duration::from_millis(SETTLE_MS)).await;
            let t = page.eval(TIMINGS_JS, vec![]).await?;
            return Ok(Some(Run {
                first_chart_ms: mark,
                dcl_ms: t["dcl"].as_f64(),
                fcp_ms: t["fcp"].as_f64(),
                wasm_transfer: t["wasmTransfer"].as_u64().unwrap_or(0),
                wasm_body: t["wasmBody"].as_u64().unwrap_or(0),
                wasm_files: t["wasmFiles"].as_u64().unwrap_or(0),
                long_tasks: e2e::measure::numbers(&t, "longTasks"),
                errors: page.errors().await.unwrap_or_default(),
            }));
        }
        if v["now"].as_f64().unwrap_or(f64::INFINITY) > MARK_TIMEOUT_MS * slowdown {
            eprintln!("  page state: {}", page.diagnostics().await);
            return Ok(None);
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Args {
        dist,
        runs,
        cpu_slowdown,
    } = match arguments_or_usage("measure-load", USAGE, parse_args(&args)) {
        Ok(v) => v,
        Err(code) => return code,
    };
    let server = match StaticServer::start(&dist) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("measure-load: cannot serve {}: {e}", dist.display());
            return ExitCode::FAILURE;
        }
    };
    let driver = match WebDriverServer::start(Engine::Chromium) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("measure-load: {e}");
            return ExitCode::FAILURE;
        }
    };
    let url = server.url("/");
    println!(
        "measuring {runs} cold loads of {url} (serving {}), CPU {cpu_slowdown}× slower",
        dist.display()
    );

    let mut done = Vec::with_capacity(runs);
    for i in 1..=runs {
        match measure_once(&driver, &url, cpu_slowdown).await {
            Ok(Some(run)) => {
                println!(
                    "run {i:>2}/{runs}: first-chart-drawn {:7.1} ms, first paint {} ms, \
                     DOMContentLoaded {} ms, wasm {} B transferred ({} B body), longest task \
                     {:.0} ms, {} over 50 ms",
                    run.first_chart_ms,
                    run.fcp_ms.map_or("?".into(), |d| format!("{d:.1}")),
                    run.dcl_ms.map_or("?".into(), |d| format!("{d:.1}")),
                    run.wasm_transfer,
                    run.wasm_body,
                    run.longest_task(),
                    run.long_tasks.len()
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
    let sorted = |get: fn(&Run) -> f64| {
        let mut v: Vec<f64> = done.iter().map(get).collect();
        v.sort_by(f64::total_cmp);
        v
    };
    let (longest, blocking) = (sorted(Run::longest_task), sorted(Run::blocking_ms));
    println!(
        "longest task median {:.0} ms, max {:.0} ms (CPU {cpu_slowdown}× slower, until \
         {SETTLE_MS} ms after the first chart)",
        median(&longest),
        longest[longest.len() - 1]
    );
    println!(
        "total blocking time median {:.0} ms, max {:.0} ms",
        median(&blocking),
        blocking[blocking.len() - 1]
    );
    let mut fcp: Vec<f64> = done.iter().filter_map(|r| r.fcp_ms).collect();
    if !fcp.is_empty() {
        fcp.sort_by(f64::total_cmp);
        println!(
            "first contentful paint median {:.1} ms, p95 {:.1} ms",
            median(&fcp),
            percentile(&fcp, 95.0)
        );
    }
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
        assert_eq!(parse_args(&s(&[&d])).unwrap().runs, 15);
        assert_eq!(parse_args(&s(&[&d])).unwrap().cpu_slowdown, 1.0);
        assert_eq!(parse_args(&s(&[&d, "--runs", "3"])).unwrap().runs, 3);
        assert_eq!(parse_args(&s(&["--runs=4", &d])).unwrap().runs, 4);
        let slow = parse_args(&s(&[&d, "--cpu-slowdown", "4"])).unwrap();
        assert_eq!(slow.cpu_slowdown, 4.0);
        assert!(parse_args(&s(&[&d, "--cpu-slowdown=0.5"])).is_err());
        assert!(parse_args(&s(&[&d, "--runs", "0"])).is_err());
        assert!(parse_args(&s(&[])).is_err());
        assert!(parse_args(&s(&["/nonexistent-dist"])).is_err());
    }
}
