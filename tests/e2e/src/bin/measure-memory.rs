//! `measure-memory <dist dir> [--inputs N]`: what a long session costs in memory, in headless
//! Chromium: the page's JavaScript heap, the wasm's linear memory and the DOM's node and
//! listener counts after the first view, then after N input changes (10,000 by default: the
//! years slider and the industry select in turn, back to back, a frame every 100 inputs), each
//! read after a forced garbage collection (CDP `HeapProfiler.collectGarbage`). The wasm memory
//! is read over CDP (`Runtime.queryObjects` on `WebAssembly.Memory`), as the page has no handle
//! on it. Exits 1 if the page could not be driven or reported an error.

use std::path::PathBuf;
use std::process::ExitCode;

use e2e::measure::{arguments_or_usage, dist_holding, serve_and_drive};
use e2e::{open_widget, wait_chart_drawn, Browser, BrowserOptions, Result};
use serde_json::{json, Value};

const TOOL: &str = "measure-memory";
const USAGE: &str = "usage: measure-memory <dist dir> [--inputs N]   (N defaults to 10000)";

/// Runs in the page: `arguments[0]` input changes, then calls back with the distinct estimates
/// shown (so a widget that stopped reacting is caught) and the page's errors.
const DRIVE_JS: &str = r#"
const done = arguments[arguments.length - 1];
const n = arguments[0];
const q = (id) => document.querySelector(`[data-testid=${id}]`);
const slider = q('input-years'), industry = q('input-industry');
const industries = [...industry.options].map((o) => o.value);
const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
(async () => {
  const estimates = new Set();
  for (let i = 0; i < n; i++) {
    if (i % 2) {
      industry.value = industries[(i * 5) % industries.length];
      industry.dispatchEvent(new Event('change', { bubbles: true }));
    } else {
      slider.value = String((i * 7) % 31);
      slider.dispatchEvent(new Event('input', { bubbles: true }));
    }
    if (i % 100 === 99) {
      await frame();
      estimates.add(q('estimate-annual').textContent);
    }
  }
  await frame();
  done({ distinct: estimates.size, errors: window.__e2eErrors || [] });
})();
"#;

/// One reading of the page's memory.
#[derive(Debug, Clone, Copy)]
struct Reading {
    js_heap: f64,
    wasm_memory: f64,
    nodes: f64,
    listeners: f64,
}

async fn read(browser: &Browser) -> Result<Reading> {
    let cdp = browser.driver.cdp();
    cdp.send_raw("HeapProfiler.collectGarbage", json!({}))
        .await?;
    let heap = cdp.send_raw("Runtime.getHeapUsage", json!({})).await?;
    let counters = cdp.send_raw("Memory.getDOMCounters", json!({})).await?;
    let prototype = cdp
        .send_raw(
            "Runtime.evaluate",
            json!({ "expression": "WebAssembly.Memory.prototype" }),
        )
        .await?;
    let memories = cdp
        .send_raw(
            "Runtime.queryObjects",
            json!({ "prototypeObjectId": prototype["result"]["objectId"] }),
        )
        .await?;
    let bytes = cdp
        .send_raw(
            "Runtime.callFunctionOn",
            json!({
                "objectId": memories["objects"]["objectId"],
                "functionDeclaration":
                    "function () { return this.reduce((n, m) => n + m.buffer.byteLength, 0); }",
                "returnByValue": true,
            }),
        )
        .await?;
    let number = |v: &Value| v.as_f64().unwrap_or(f64::NAN);
    Ok(Reading {
        js_heap: number(&heap["usedSize"]),
        wasm_memory: number(&bytes["result"]["value"]),
        nodes: number(&counters["nodes"]),
        listeners: number(&counters["jsEventListeners"]),
    })
}

fn parse_args(args: &[String]) -> std::result::Result<(PathBuf, u32), String> {
    let (mut dist, mut inputs) = (None, 10_000);
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--inputs" => {
                let n = it.next().ok_or("--inputs needs a number")?;
                inputs = n.parse().ok().filter(|n| *n >= 100).ok_or(format!(
                    "--inputs wants a number of at least 100, not {n:?}"
                ))?;
            }
            "-h" | "--help" => return Err(String::new()),
            a if a.starts_with('-') || dist.is_some() => {
                return Err(format!("unexpected argument {a:?}"))
            }
            a => dist = Some(PathBuf::from(a)),
        }
    }
    let dist = dist_holding(dist, "index.html")?;
    Ok((dist, inputs))
}

fn growth(before: f64, after: f64) -> f64 {
    (after - before) / before * 100.0
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (dist, inputs) = match arguments_or_usage(TOOL, USAGE, parse_args(&args)) {
        Ok(v) => v,
        Err(code) => return code,
    };
    let (server, driver) = match serve_and_drive(TOOL, &dist) {
        Ok(v) => v,
        Err(code) => return code,
    };
    let outcome = async {
        let browser = Browser::start(driver.url(), &BrowserOptions::default()).await?;
        let page = browser.page();
        let result = async {
            open_widget(&page, &server, "").await?;
            wait_chart_drawn(&page).await?;
            let before = read(&browser).await?;
            let driven = browser
                .driver
                .execute_async(DRIVE_JS, vec![json!(inputs)])
                .await?
                .json()
                .clone();
            let after = read(&browser).await?;
            Ok::<_, e2e::Error>((before, after, driven))
        }
        .await;
        let quit = browser.quit().await;
        let value = result?;
        quit?;
        Ok::<_, e2e::Error>(value)
    }
    .await;
    let (before, after, driven) = match outcome {
        Ok(v) => v,
        Err(e) => {
            eprintln!("{TOOL}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let mb = |b: f64| b / 1_048_576.0;
    println!("memory after the first view, then after {inputs} inputs (after a forced GC):");
    println!(
        "js heap       {:8.2} MB -> {:8.2} MB ({:+.1} %)",
        mb(before.js_heap),
        mb(after.js_heap),
        growth(before.js_heap, after.js_heap)
    );
    println!(
        "wasm memory   {:8.2} MB -> {:8.2} MB ({:+.1} %)",
        mb(before.wasm_memory),
        mb(after.wasm_memory),
        growth(before.wasm_memory, after.wasm_memory)
    );
    println!("dom nodes     {:8} -> {:8}", before.nodes, after.nodes);
    println!(
        "listeners     {:8} -> {:8}",
        before.listeners, after.listeners
    );
    let errors = driven["errors"].as_array().map_or(0, Vec::len);
    let distinct = driven["distinct"].as_u64().unwrap_or(0);
    if errors > 0 || distinct < 5 {
        eprintln!(
            "{TOOL}: {errors} page error(s), {distinct} distinct estimates: the inputs did not \
             drive the widget as expected"
        );
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arguments_are_checked() {
        let dir = e2e::TempDir::new("measure-memory-args").expect("temp dir");
        std::fs::write(dir.path().join("index.html"), "x").expect("write");
        let d = dir.path().to_string_lossy().to_string();
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(parse_args(&s(&[&d])).map(|a| a.1), Ok(10_000));
        assert_eq!(
            parse_args(&s(&[&d, "--inputs", "500"])).map(|a| a.1),
            Ok(500)
        );
        assert!(parse_args(&s(&[&d, "--inputs", "5"])).is_err());
        assert!(parse_args(&s(&[])).is_err());
    }

    #[test]
    fn growth_is_a_percentage_of_the_start() {
        assert_eq!(growth(2.0, 2.1).round(), 5.0);
        assert_eq!(growth(4.0, 4.0), 0.0);
    }
}
