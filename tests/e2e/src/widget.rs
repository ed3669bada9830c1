//! The widget under test: where its release bundle is, how to open it, and how to read what it
//! shows (dollar amounts, numbers) the way a person reads them.

use std::ffi::OsString;
use std::future::Future;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use crate::{with_browser, BrowserOptions, Page, Result, StaticServer};

/// How long the app may take from navigation to `data-widget-ready="true"`. The release bundle
/// loads in well under a second; the margin absorbs a busy 2-core CI machine running two
/// browsers at once.
pub const READY_TIMEOUT: Duration = Duration::from_secs(20);

/// Checks a `WIDGET_DIST` value: it must be set and name a directory with an `index.html`.
/// Relative paths are tried from the current directory (cargo runs tests in `tests/e2e`), then
/// from the workspace root, where `target/widget-dist` lives.
pub fn check_dist(value: Option<OsString>) -> Result<PathBuf> {
    let Some(value) = value.filter(|v| !v.is_empty()) else {
        return Err(
            "WIDGET_DIST is not set: build the release bundle (`trunk build --release \
                    --dist target/widget-dist`, which the xtask runs) and set WIDGET_DIST to \
                    that directory. The end-to-end tests never pass without it."
                .into(),
        );
    };
    let given = PathBuf::from(&value);
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let candidates = if given.is_absolute() {
        vec![given.clone()]
    } else {
        vec![given.clone(), workspace.join(&given)]
    };
    candidates
        .into_iter()
        .find(|dir| dir.join("index.html").is_file())
        .ok_or_else(|| {
            format!(
                "WIDGET_DIST={} has no index.html: build the release bundle there first \
                 (`trunk build --release --dist <dir>`)",
                given.display()
            )
            .into()
        })
}

/// The bundle directory from the `WIDGET_DIST` environment variable.
pub fn dist_dir() -> Result<PathBuf> {
    check_dist(std::env::var_os("WIDGET_DIST"))
}

/// One server for the bundle per test binary. Panics (failing the test) when `WIDGET_DIST` is
/// unusable, so a missing bundle can never look like a pass.
pub fn widget_server() -> &'static StaticServer {
    static SERVER: OnceLock<StaticServer> = OnceLock::new();
    SERVER.get_or_init(|| {
        let dir = dist_dir().unwrap_or_else(|e| panic!("{e}"));
        StaticServer::start(&dir).unwrap_or_else(|e| panic!("cannot serve {}: {e}", dir.display()))
    })
}

/// Runs `body` against the served bundle in a fresh browser session. The bundle is checked
/// before a browser is started, so a missing bundle fails fast with its own message.
pub async fn with_widget<F, Fut, T>(opts: &BrowserOptions, body: F) -> T
where
    F: FnOnce(Page, &'static StaticServer) -> Fut,
    Fut: Future<Output = Result<T>>,
{
    let server = widget_server();
    with_browser(opts, |page| body(page, server)).await
}

/// Opens the widget with a query string (`""` or e.g. `"?years=5"`) and waits until the app
/// says it has mounted. The pointer moves over the page first, as a reader's does: under the
/// prerendered default view the wasm starts at the reader's first sign of use (`boot.js`).
pub async fn open_widget(page: &Page, server: &StaticServer, query: &str) -> Result<()> {
    page.goto(&server.url(&format!("/{query}"))).await?;
    page.point_at(8, 8).await?;
    page.wait_for(
        "the app to mount (data-widget-ready=\"true\" on <html>)",
        "document.documentElement.getAttribute('data-widget-ready') === 'true'",
        READY_TIMEOUT,
    )
    .await?;
    Ok(())
}

/// Waits until the distribution chart reports it has been drawn.
pub async fn wait_chart_drawn(page: &Page) -> Result<()> {
    page.wait_for(
        "the distribution chart to be drawn (data-chart-drawn=\"true\" on the canvas)",
        "(() => { const c = document.querySelector('canvas[data-testid=chart-distribution]'); \
           return !!c && c.getAttribute('data-chart-drawn') === 'true'; })()",
        READY_TIMEOUT,
    )
    .await?;
    Ok(())
}

/// Scrolls chart `id` into view, as a reader scrolls to it, and waits until it is painted: a
/// chart off screen is only laid out until it comes into view.
pub async fn chart_in_view(page: &Page, id: &str) -> Result<()> {
    let canvas = format!("canvas[data-testid=chart-{id}]");
    page.eval(
        "const c = document.querySelector(arguments[0]); if (c) c.scrollIntoView();",
        vec![json!(canvas)],
    )
    .await?;
    page.wait_for(
        &format!("the {id} chart to be drawn once in view"),
        &format!("document.querySelector('{canvas}')?.getAttribute('data-chart-drawn') === 'true'"),
        READY_TIMEOUT,
    )
    .await?;
    Ok(())
}

/// Opens chart `id`'s "Show data" as a reader does (a click on its summary) and waits for its
/// table, which is only in the DOM while open.
pub async fn open_data_table(page: &Page, id: &str) -> Result<()> {
    page.eval(
        "const d = document.querySelector(`details[data-testid=data-${arguments[0]}]`);
         if (d && !d.open) d.querySelector('summary').click();",
        vec![json!(id)],
    )
    .await?;
    page.wait_for(
        &format!("the {id} chart's data table to open"),
        &format!("!!document.querySelector('details[data-testid=data-{id}][open] table tbody tr')"),
        READY_TIMEOUT,
    )
    .await?;
    Ok(())
}

/// The place picker: a WAI-ARIA combobox (`<input role=combobox>`) over a grouped listbox.
pub const PLACE: &str = "input[role=combobox][data-testid=input-place]";

/// How long the picker may take to show what was typed or chosen.
const PICKER_TIMEOUT: Duration = Duration::from_secs(5);

/// Reads the picker the way a screen reader does: what the box shows, whether its popup is
/// expanded (and so visible), the listbox it controls, its active descendant, and the texts of
/// the options listed.
const PICKER_JS: &str = r#"
const box = document.querySelector(arguments[0]);
if (!box) return null;
const list = document.getElementById(box.getAttribute('aria-controls') || '');
const options = list ? [...list.querySelectorAll('[role=option]')] : [];
const active = box.getAttribute('aria-activedescendant');
const activeEl = active ? document.getElementById(active) : null;
return {
  value: box.value,
  expanded: box.getAttribute('aria-expanded'),
  listVisible: !!list && !list.hidden && list.getClientRects().length > 0,
  options: options.map((o) => o.textContent.trim()),
  active: activeEl ? activeEl.textContent.trim() : null,
  activeIsOption: !!activeEl && activeEl.getAttribute('role') === 'option' && list.contains(activeEl),
};
"#;

/// What the place picker shows (see [`PICKER_JS`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Picker {
    /// The text in the box: the chosen place's label, or what is being typed.
    pub value: String,
    /// `aria-expanded` is "true" (and the listbox is rendered and not hidden).
    pub expanded: bool,
    /// The listbox is rendered and not hidden.
    pub list_visible: bool,
    /// The options listed, in order.
    pub options: Vec<String>,
    /// The text of the option `aria-activedescendant` points at, if it points at one.
    pub active: Option<String>,
}

/// Reads the place picker.
pub async fn picker(page: &Page) -> Result<Picker> {
    let v = page.eval(PICKER_JS, vec![json!(PLACE)]).await?;
    if v.is_null() {
        return Err(format!("no place picker (`{PLACE}`)").into());
    }
    let text = |k: &str| {
        v.get(k)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string()
    };
    let active = v
        .get("active")
        .and_then(Value::as_str)
        .filter(|_| v.get("activeIsOption") == Some(&json!(true)))
        .map(str::to_string);
    Ok(Picker {
        value: text("value"),
        expanded: text("expanded") == "true",
        list_visible: v.get("listVisible") == Some(&json!(true)),
        options: v
            .get("options")
            .and_then(Value::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(Value::as_str)
                    .map(String::from)
                    .collect()
            })
            .unwrap_or_default(),
        active,
    })
}

/// The label the place picker shows, e.g. "New Jersey" or "United States (national)".
pub async fn place_shown(page: &Page) -> Result<String> {
    Ok(picker(page).await?.value)
}

/// Types `text` into the place picker as a person does: a click in the box, Ctrl+A to select
/// what it shows, then the keys (each fires `input`, which filters the list). Waits until the
/// box holds `text` and, when anything matches, the listbox is open.
pub async fn type_place(page: &Page, text: &str) -> Result<()> {
    let input = page.find(PLACE).await?;
    input.scroll_into_view().await?;
    page.type_over(&input, text).await?;
    let deadline = Instant::now() + PICKER_TIMEOUT;
    loop {
        let p = picker(page).await?;
        if p.value == text && (p.expanded || p.options.is_empty()) {
            return Ok(());
        }
        if Instant::now() >= deadline {
            return Err(format!("typing {text:?} into the place picker left it as {p:?}").into());
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Chooses a place with the mouse: types `typed`, then clicks the option whose text is `label`.
/// Waits until the box shows `label` with its popup closed.
pub async fn choose_place(page: &Page, typed: &str, label: &str) -> Result<()> {
    type_place(page, typed).await?;
    let options = page
        .find_all(&format!("{PLACE} ~ [role=listbox] [role=option]"))
        .await?;
    let mut target = None;
    for option in options {
        if option.text().await?.trim() == label {
            target = Some(option);
            break;
        }
    }
    let option = target.ok_or_else(|| format!("typing {typed:?} lists no option {label:?}"))?;
    option.click().await?;
    wait_place_shown(page, label).await
}

/// Waits until the picker shows `label`, closed.
pub async fn wait_place_shown(page: &Page, label: &str) -> Result<()> {
    let deadline = Instant::now() + PICKER_TIMEOUT;
    loop {
        let p = picker(page).await?;
        if p.value == label && !p.expanded {
            return Ok(());
        }
        if Instant::now() >= deadline {
            return Err(format!("the place picker should show {label:?}, closed: {p:?}").into());
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// A parameter of the page's current URL (`location.search`), if present.
pub async fn query_param(page: &Page, name: &str) -> Result<Option<String>> {
    let v = page
        .eval(
            "return new URLSearchParams(location.search).get(arguments[0]);",
            vec![json!(name)],
        )
        .await?;
    Ok(v.as_str().map(String::from))
}

/// The first dollar amount in a text, e.g. `"$35,900 a year"` → 35900.0, `"$17.26"` → 17.26.
pub fn dollars(text: &str) -> Option<f64> {
    let start = text.find('$')? + 1;
    let digits: String = text[start..]
        .trim_start()
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == ',' || *c == '.')
        .filter(|c| *c != ',')
        .collect();
    let digits = digits.trim_end_matches('.');
    if digits.is_empty() {
        return None;
    }
    digits.parse().ok()
}

/// The first whole number in a text, e.g. `"12 years"` → 12.
pub fn first_int(text: &str) -> Option<i64> {
    let start = text.find(|c: char| c.is_ascii_digit())?;
    text[start..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect::<String>()
        .parse()
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_dollar_amounts() {
        assert_eq!(dollars("$35,900"), Some(35900.0));
        assert_eq!(dollars("Estimate: $1,234,567 per year"), Some(1_234_567.0));
        assert_eq!(dollars("$17.26/hr"), Some(17.26));
        assert_eq!(dollars("$ 40,000."), Some(40000.0));
        assert_eq!(dollars("about 35,900"), None);
        assert_eq!(dollars("$"), None);
    }

    #[test]
    fn reads_whole_numbers() {
        assert_eq!(first_int("12 years"), Some(12));
        assert_eq!(first_int("Years of experience: 0"), Some(0));
        assert_eq!(first_int("none"), None);
    }

    #[test]
    fn missing_or_empty_dist_fails_with_a_clear_message() {
        let unset = check_dist(None).unwrap_err().to_string();
        assert!(unset.contains("WIDGET_DIST is not set"), "{unset}");
        let empty = check_dist(Some(OsString::new())).unwrap_err().to_string();
        assert!(empty.contains("WIDGET_DIST is not set"), "{empty}");
        let dir = crate::TempDir::new("empty-dist").unwrap();
        let no_index = check_dist(Some(dir.path().into())).unwrap_err().to_string();
        assert!(no_index.contains("has no index.html"), "{no_index}");
        std::fs::write(dir.path().join("index.html"), "x").unwrap();
        assert_eq!(check_dist(Some(dir.path().into())).unwrap(), dir.path());
    }
}
