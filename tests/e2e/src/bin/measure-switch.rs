//! `measure-switch <dist dir> [--rounds N]`: how long choosing another career of a program takes
//! to show, in headless Chromium, served locally: from the tab's click to the new career's
//! heading on screen and its distribution chart drawn. The program is 11.0701 (Computer Science:
//! a dozen careers); each round visits every tab once, so the first round times fetching and
//! decoding each pack ("first visit") and the later ones the cached careers ("revisit").
//! Budget (issue 9): drawn within 300 ms; exits 1 when the 95th percentile of first visits is
//! over it.

use std::path::PathBuf;
use std::process::ExitCode;

use e2e::measure::{arguments_or_usage, dist_holding, drive, numbers, serve_and_drive};
use e2e::stats::{median, percentile};
use serde_json::{json, Value};

const TOOL: &str = "measure-switch";

const USAGE: &str = "usage: measure-switch <dist dir> [--rounds N]   (N defaults to 3)";
const BUDGET_MS: f64 = 300.0;
const PROGRAM: &str = "?program=11.0701";

/// Runs in the page: clicks each tab in turn, `arguments[0]` rounds, and calls back with each
/// switch's time and whether it was the career's first visit.
const DRIVE_JS: &str = r#"
const done = arguments[arguments.length - 1];
const rounds = arguments[0];
const tabs = () => [...document.querySelectorAll('[role=tab]')];
const shown = (soc) => {
  const a = document.querySelector('article.cpw');
  const c = document.querySelector('canvas[data-testid=chart-distribution]');
  return !!a && a.getAttribute('data-career') === soc
    && (!c || c.getAttribute('data-chart-drawn') === 'true');
};
const until = (soc) => new Promise((resolve, reject) => {
  const t0 = performance.now();
  const poll = () => {
    if (shown(soc)) resolve();
    else if (performance.now() - t0 > 10000) reject(new Error('timed out showing ' + soc));
    else setTimeout(poll, 0);
  };
  poll();
});
const frame = () => new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
(async () => {
  const socs = tabs().map(t => t.getAttribute('data-soc'));
  if (socs.length < 4) { done({ error: `only ${socs.length} tabs` }); return; }
  const seen = new Set([socs[0]]);
  const times = [], first = [];
  try {
    for (let r = 0; r < rounds; r++) {
      for (let i = 1; i <= socs.length; i++) {
        const soc = socs[i % socs.length];
        const tab = tabs().find(t => t.getAttribute('data-soc') === soc);
        const t0 = performance.now();
        tab.click();
        await until(soc);
        // The heading and the chart are on screen once the browser has painted a frame.
        await new Promise(r => requestAnimationFrame(r));
        times.push(performance.now() - t0);
        first.push(!seen.has(soc));
        seen.add(soc);
        await frame();
      }
    }
  } catch (e) { done({ error: String(e) }); return; }
  done({ times, first });
})();
"#;

fn parse_args(args: &[String]) -> Result<(PathBuf, usize), String> {
    let mut it = args.iter();
    let (mut dist, mut rounds) = (None, 3);
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--rounds" => {
                let n = it.next().ok_or("--rounds needs a number")?;
                rounds = n
                    .parse()
                    .ok()
                    .filter(|n| *n >= 2)
                    .ok_or(format!("--rounds wants a number of at least 2, not {n:?}"))?;
            }
            "-h" | "--help" => return Err(String::new()),
            a if a.starts_with('-') || dist.is_some() => {
                return Err(format!("unexpected argument {a:?}"))
            }
            a => dist = Some(PathBuf::from(a)),
        }
    }
    let dist = dist_holding(dist, "packs")?;
    Ok((dist, rounds))
}

fn report(label: &str, mut times: Vec<f64>) -> f64 {
    times.sort_by(f64::total_cmp);
    let (m, p95) = (median(&times), percentile(&times, 95.0));
    println!(
        "{label:<11} median {m:6.1} ms, p95 {p95:6.1} ms, max {:6.1} ms over {} switches",
        times.last().copied().unwrap_or(f64::NAN),
        times.len()
    );
    p95
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (dist, rounds) = match arguments_or_usage(TOOL, USAGE, parse_args(&args)) {
        Ok(v) => v,
        Err(code) => return code,
    };
    let (server, driver) = match serve_and_drive(TOOL, &dist) {
        Ok(v) => v,
        Err(code) => return code,
    };
    let script = drive(
        TOOL,
        (&driver, &server),
        PROGRAM,
        DRIVE_JS,
        vec![json!(rounds)],
    );
    let value = match script.await {
        Ok(v) => v,
        Err(code) => return code,
    };
    let times = numbers(&value, "times");
    let first: Vec<bool> = value["first"]
        .as_array()
        .map(|a| a.iter().filter_map(Value::as_bool).collect())
        .unwrap_or_default();
    let pick = |want: bool| -> Vec<f64> {
        times
            .iter()
            .zip(&first)
            .filter(|(_, f)| **f == want)
            .map(|(t, _)| *t)
            .collect()
    };
    println!("career switch -> heading and distribution drawn, program 11.0701, {rounds} rounds");
    let first_p95 = report("first visit", pick(true));
    report("revisit", pick(false));
    if first_p95 > BUDGET_MS {
        println!("OVER BUDGET: first visits' p95 is over {BUDGET_MS} ms");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
