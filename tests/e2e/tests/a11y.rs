//! Accessibility: axe-core's WCAG 2.x A and AA rules find nothing on the widget, in the light and
//! dark themes, with every "Show data" table and the estimate's explanation open, on a desktop
//! and a 390 px phone, with the place picker's listbox open, and on a program's page with its
//! careers as tabs, and in Spanish. axe comes from `AXE_JS`
//! (installed by `cargo xtask test`).

use std::time::Duration;

use e2e::{
    open_widget, picker, type_place, wait_chart_drawn, with_widget, BrowserOptions, Page, Result,
    PLACE,
};
use serde_json::Value;
use thirtyfour::Key;

/// Runs axe on the whole document and hands back one line per violated rule.
const AXE_RUN: &str = r#"
const done = arguments[arguments.length - 1];
axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
  .then(r => done(r.violations.map(v =>
    `${v.id} (${v.impact}): ${v.help}; ${v.nodes.length} node(s): ` +
    v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '))))
  .catch(e => done(['axe did not run: ' + e]));
"#;

/// Opens every `<details>` (data tables, explanation, sources, embed panel).
const OPEN_ALL: &str =
    "document.querySelectorAll('details').forEach(d => d.open = true); return document.querySelectorAll('details').length;";

fn axe_source() -> String {
    let path = std::env::var_os("AXE_JS").unwrap_or_else(|| {
        panic!("AXE_JS is not set: run `cargo xtask test`, which installs axe-core and sets it")
    });
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read axe-core at {path:?}: {e}"))
}

async fn violations(page: &Page, source: &str) -> Result<Vec<String>> {
    page.eval(&format!("{source}; return typeof axe;"), vec![])
        .await?;
    let opened = page.eval(OPEN_ALL, vec![]).await?;
    assert!(
        opened.as_u64().unwrap_or(0) >= 8,
        "only {opened} <details> found"
    );
    // A chart's data table is built when its "Show data" opens: axe must see them all.
    page.wait_for(
        "every chart's data table to be built",
        "[...document.querySelectorAll('details.cpw-data')].every(d => d.querySelector('table tbody tr'))",
        Duration::from_secs(10),
    )
    .await?;
    tokio::time::sleep(Duration::from_millis(200)).await;
    let found: Value = page
        .driver
        .execute_async(AXE_RUN, vec![])
        .await?
        .json()
        .clone();
    Ok(found
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_else(|| vec![format!("unexpected axe result: {found}")]))
}

async fn check(opts: BrowserOptions, query: &'static str) {
    let source = axe_source();
    with_widget(&opts, move |page, server| async move {
        open_widget(&page, server, query).await?;
        wait_chart_drawn(&page).await?;
        let found = violations(&page, &source).await?;
        assert!(
            found.is_empty(),
            "axe found (query {query:?}):\n{}",
            found.join("\n")
        );
        page.assert_no_errors().await
    })
    .await;
}

#[tokio::test]
async fn no_wcag_violations_in_the_light_theme() {
    check(
        BrowserOptions::default(),
        "?place=NJ&industry=541100&years=5&dark=false",
    )
    .await;
}

#[tokio::test]
async fn no_wcag_violations_in_the_dark_theme_on_a_phone() {
    check(
        BrowserOptions::default().size(390, 900),
        "?place=TX&years=12&dark=true",
    )
    .await;
}

/// In Spanish (issue 11): the same rules, light on a desktop and dark on a phone.
#[tokio::test]
async fn no_wcag_violations_in_spanish_light_on_a_desktop() {
    check(
        BrowserOptions::default(),
        "?lang=es&place=NJ&industry=541100&years=5&dark=false",
    )
    .await;
}

#[tokio::test]
async fn no_wcag_violations_in_spanish_dark_on_a_phone() {
    check(
        BrowserOptions::default().size(390, 900),
        "?lang=es&place=TX&years=12&dark=true",
    )
    .await;
}

/// A program's careers as tabs (the tablist above the widget, the widget as its tab panel).
#[tokio::test]
async fn no_wcag_violations_on_a_program_page_with_its_career_tabs() {
    check(
        BrowserOptions::default(),
        "?program=51.0707&place=NJ&dark=false",
    )
    .await;
}

#[tokio::test]
async fn no_wcag_violations_on_a_program_page_dark_on_a_phone() {
    check(
        BrowserOptions::default().size(390, 900),
        "?program=51.0801&show=25-1071&dark=true",
    )
    .await;
}

/// The "Embed this" panel's search with results listed, light on a desktop and dark on a phone.
async fn check_search(opts: BrowserOptions, query: &'static str) {
    let source = axe_source();
    with_widget(&opts, move |page, server| async move {
        open_widget(&page, server, query).await?;
        wait_chart_drawn(&page).await?;
        page.eval(
            "document.querySelector('[data-testid=embed-panel]').open = true; return 1;",
            vec![],
        )
        .await?;
        let input = page.testid("search-input").await?;
        input.send_keys("medical").await?;
        page.wait_for(
            "search results",
            "document.querySelectorAll('[data-testid=search-hits] button').length > 3",
            Duration::from_secs(10),
        )
        .await?;
        let found = violations(&page, &source).await?;
        assert!(
            found.is_empty(),
            "axe found, with search results listed (query {query:?}):\n{}",
            found.join("\n")
        );
        page.assert_no_errors().await
    })
    .await;
}

#[tokio::test]
async fn no_wcag_violations_with_the_career_search_results_listed() {
    check_search(BrowserOptions::default(), "?dark=false").await;
}

#[tokio::test]
async fn no_wcag_violations_with_the_career_search_dark_on_a_phone() {
    check_search(BrowserOptions::default().size(390, 900), "?dark=true").await;
}

/// The place picker with its listbox open (after typing "new") and an option active (after
/// ArrowDown): the combobox, its grouped listbox and its options pass too.
async fn check_open_picker(opts: BrowserOptions, query: &'static str) {
    let source = axe_source();
    with_widget(&opts, move |page, server| async move {
        open_widget(&page, server, query).await?;
        wait_chart_drawn(&page).await?;
        type_place(&page, "new").await?;
        let open = picker(&page).await?;
        assert!(
            open.expanded && open.list_visible && open.options.len() > 5,
            "the listbox is not open: {open:?}"
        );
        let found = violations(&page, &source).await?;
        assert!(
            found.is_empty(),
            "axe found, with the place list open (query {query:?}):\n{}",
            found.join("\n")
        );
        // Once more with an option active (aria-activedescendant set).
        let input = page.find(PLACE).await?;
        page.press(&input, Key::Down).await?;
        let walked = picker(&page).await?;
        assert!(
            walked.expanded && walked.active.is_some(),
            "ArrowDown made no option active: {walked:?}"
        );
        let found = violations(&page, &source).await?;
        assert!(
            found.is_empty(),
            "axe found, with an option active (query {query:?}):\n{}",
            found.join("\n")
        );
        // axe ran with the list still open: opening the details did not close it.
        assert!(
            picker(&page).await?.expanded,
            "the list closed during the check"
        );
        page.assert_no_errors().await
    })
    .await;
}

#[tokio::test]
async fn no_wcag_violations_with_the_place_list_open() {
    check_open_picker(BrowserOptions::default(), "?years=3&dark=false").await;
}

#[tokio::test]
async fn no_wcag_violations_with_the_place_list_open_dark_on_a_phone() {
    check_open_picker(
        BrowserOptions::default().size(390, 900),
        "?place=NJ&dark=true",
    )
    .await;
}

#[tokio::test]
async fn a_planted_violation_is_found() {
    // The check must be able to fail: an image without alternative text is a WCAG A violation.
    let source = axe_source();
    with_widget(&BrowserOptions::default(), move |page, server| async move {
        open_widget(&page, server, "").await?;
        page.eval(
            "const i = document.createElement('img'); i.src = 'data:,'; document.body.append(i);",
            vec![],
        )
        .await?;
        let found = violations(&page, &source).await?;
        assert!(
            found.iter().any(|v| v.starts_with("image-alt")),
            "{found:?}"
        );
        Ok(())
    })
    .await;
}
