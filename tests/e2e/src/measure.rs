//! What the measuring tools (`measure-input`, `-load`, `-switch`, `-memory`, `-lighthouse`) share:
//! reading their arguments, serving the bundle with a chromedriver, driving the page with a script
//! that runs inside it (so WebDriver round trips are not timed), and reading the numbers it hands
//! back.

use crate::{
    open_widget, wait_chart_drawn, Browser, BrowserOptions, Engine, StaticServer, WebDriverServer,
};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The parsed arguments; otherwise the error (none for `--help`) and `usage` on stderr, and exit
/// code 2.
pub fn arguments_or_usage<T>(
    tool: &str,
    usage: &str,
    parsed: Result<T, String>,
) -> Result<T, ExitCode> {
    parsed.map_err(|error| {
        if !error.is_empty() {
            eprintln!("{tool}: {error}");
        }
        eprintln!("{usage}");
        ExitCode::from(2)
    })
}

/// The bundle directory given on the command line, if it holds `needs` (`index.html`, `packs`).
pub fn dist_holding(dist: Option<PathBuf>, needs: &str) -> Result<PathBuf, String> {
    let dist = dist.ok_or("the dist directory is missing")?;
    if !dist.join(needs).exists() {
        return Err(format!("{} has no {needs}", dist.display()));
    }
    Ok(dist)
}

/// Serves `dist` and starts a chromedriver; on failure, says so as `tool` and gives the exit code.
pub fn serve_and_drive(
    tool: &str,
    dist: &Path,
) -> Result<(StaticServer, WebDriverServer), ExitCode> {
    match (
        StaticServer::start(dist),
        WebDriverServer::start(Engine::Chromium),
    ) {
        (Ok(s), Ok(d)) => Ok((s, d)),
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("{tool}: {e}");
            Err(ExitCode::FAILURE)
        }
    }
}

/// Opens the widget at `query` in a 1024 × 2400 window, waits for its first chart, runs the async
/// `script` with `args` in the page and hands back what it called back with; an `error` field
/// in it is reported as `tool`'s failure.
pub async fn drive(
    tool: &str,
    (driver, server): (&WebDriverServer, &StaticServer),
    query: &str,
    script: &str,
    args: Vec<Value>,
) -> Result<Value, ExitCode> {
    let outcome = async {
        let browser =
            Browser::start(driver.url(), &BrowserOptions::default().size(1024, 2400)).await?;
        let page = browser.page();
        let result = async {
            open_widget(&page, server, query).await?;
            wait_chart_drawn(&page).await?;
            Ok::<Value, crate::Error>(
                browser
                    .driver
                    .execute_async(script, args)
                    .await?
                    .json()
                    .clone(),
            )
        }
        .await;
        let quit = browser.quit().await;
        let value = result?;
        quit?;
        Ok::<Value, crate::Error>(value)
    }
    .await;
    match outcome {
        Ok(value) => match value["error"].as_str() {
            Some(error) => {
                eprintln!("{tool}: the page could not be driven: {error}");
                Err(ExitCode::FAILURE)
            }
            None => Ok(value),
        },
        Err(e) => {
            eprintln!("{tool}: {e}");
            Err(ExitCode::FAILURE)
        }
    }
}

/// The numbers in `value[field]`.
pub fn numbers(value: &Value, field: &str) -> Vec<f64> {
    value[field]
        .as_array()
        .map(|a| a.iter().filter_map(Value::as_f64).collect())
        .unwrap_or_default()
}
