//! `measure-lighthouse <dist dir> [--runs N]`: Lighthouse 12's mobile performance audit of the
//! bundle, served locally, N times (3 by default), with the Debian Chromium: the performance
//! score, Largest Contentful Paint, Total Blocking Time and Cumulative Layout Shift, median and
//! spread. Lighthouse's defaults are its mobile ones (a phone-sized screen, simulated slow 4G and
//! a 4× slower CPU). Needs `LIGHTHOUSE_CLI` (its `cli/index.js`, which `cargo xtask bench`
//! installs from npm) and `CHROME_BIN`. Exits 1 when a run fails.

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

use e2e::measure::{arguments_or_usage, dist_holding};
use e2e::stats::median;
use e2e::{StaticServer, TempDir};
use serde_json::Value;

const TOOL: &str = "measure-lighthouse";
const USAGE: &str = "usage: measure-lighthouse <dist dir> [--runs N]   (N defaults to 3)";

/// One audit's numbers.
struct Audit {
    score: f64,
    lcp_ms: f64,
    tbt_ms: f64,
    cls: f64,
}

fn parse_args(args: &[String]) -> Result<(PathBuf, usize), String> {
    let (mut dist, mut runs) = (None, 3);
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--runs" => {
                let n = it.next().ok_or("--runs needs a number")?;
                runs = n
                    .parse()
                    .ok()
                    .filter(|n| *n > 0)
                    .ok_or(format!("--runs wants a positive number, not {n:?}"))?;
            }
            "-h" | "--help" => return Err(String::new()),
            a if a.starts_with('-') || dist.is_some() => {
                return Err(format!("unexpected argument {a:?}"))
            }
            a => dist = Some(PathBuf::from(a)),
        }
    }
    let dist = dist_holding(dist, "index.html")?;
    Ok((dist, runs))
}

/// Runs Lighthouse once on `url`, its report written to `report`.
fn audit(cli: &str, chrome: &str, url: &str, report: &Path) -> Result<Audit, String> {
    let output = Command::new("node")
        .arg(cli)
        .arg(url)
        .args([
            "--only-categories=performance",
            "--output=json",
            "--quiet",
            "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
        ])
        .arg(format!("--output-path={}", report.display()))
        .env("CHROME_PATH", chrome)
        .output()
        .map_err(|e| format!("cannot run node {cli}: {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "lighthouse failed ({}): {}",
            output.status,
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    let text = std::fs::read_to_string(report)
        .map_err(|e| format!("cannot read {}: {e}", report.display()))?;
    let json: Value = serde_json::from_str(&text).map_err(|e| format!("the report: {e}"))?;
    if let Some(error) = json["runtimeError"]["message"].as_str() {
        return Err(format!("lighthouse could not load the page: {error}"));
    }
    let number = |v: &Value, what: &str| v.as_f64().ok_or(format!("the report has no {what}"));
    let audits = &json["audits"];
    Ok(Audit {
        score: number(&json["categories"]["performance"]["score"], "score")? * 100.0,
        lcp_ms: number(&audits["largest-contentful-paint"]["numericValue"], "LCP")?,
        tbt_ms: number(&audits["total-blocking-time"]["numericValue"], "TBT")?,
        cls: number(&audits["cumulative-layout-shift"]["numericValue"], "CLS")?,
    })
}

/// `lighthouse <what> median <m> <unit>, min <a> <unit>, max <b> <unit>`.
fn report(what: &str, unit: &str, values: Vec<f64>, decimals: usize) {
    let mut v = values;
    v.sort_by(f64::total_cmp);
    let (lo, hi) = (v[0], v[v.len() - 1]);
    println!(
        "lighthouse {what} median {:.decimals$} {unit}, min {lo:.decimals$} {unit}, max {hi:.decimals$} {unit}",
        median(&v)
    );
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (dist, runs) = match arguments_or_usage(TOOL, USAGE, parse_args(&args)) {
        Ok(v) => v,
        Err(code) => return code,
    };
    let (Ok(cli), Ok(chrome)) = (std::env::var("LIGHTHOUSE_CLI"), std::env::var("CHROME_BIN"))
    else {
        eprintln!("{TOOL}: set LIGHTHOUSE_CLI and CHROME_BIN (`cargo xtask bench` does)");
        return ExitCode::FAILURE;
    };
    // Compressed, as a host serves it: Lighthouse simulates a slow network from the bytes it saw.
    let (server, scratch) = match (
        StaticServer::start_gzipped(&dist),
        TempDir::new("lighthouse"),
    ) {
        (Ok(s), Ok(t)) => (s, t),
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("{TOOL}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let url = server.url("/");
    println!("Lighthouse 12, mobile, performance only: {runs} runs of {url}");
    let mut audits = Vec::new();
    for i in 1..=runs {
        let path = scratch.path().join(format!("report-{i}.json"));
        match audit(&cli, &chrome, &url, &path) {
            Ok(a) => {
                println!(
                    "run {i}/{runs}: performance {:.0}, LCP {:.0} ms, TBT {:.0} ms, CLS {:.3}",
                    a.score, a.lcp_ms, a.tbt_ms, a.cls
                );
                audits.push(a);
            }
            Err(e) => {
                eprintln!("{TOOL}: run {i}: {e}");
                return ExitCode::FAILURE;
            }
        }
    }
    let all = |get: fn(&Audit) -> f64| audits.iter().map(get).collect::<Vec<f64>>();
    report("performance", "points", all(|a| a.score), 0);
    report("LCP", "ms", all(|a| a.lcp_ms), 0);
    report("TBT", "ms", all(|a| a.tbt_ms), 0);
    report("CLS", "shift", all(|a| a.cls), 3);
    ExitCode::SUCCESS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arguments_are_checked() {
        let dir = TempDir::new("lighthouse-args").expect("temp dir");
        std::fs::write(dir.path().join("index.html"), "x").expect("write");
        let d = dir.path().to_string_lossy().to_string();
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(parse_args(&s(&[&d])).map(|a| a.1), Ok(3));
        assert_eq!(parse_args(&s(&[&d, "--runs", "5"])).map(|a| a.1), Ok(5));
        assert!(parse_args(&s(&[&d, "--runs", "0"])).is_err());
        assert!(parse_args(&s(&[])).is_err());
    }
}
