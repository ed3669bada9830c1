//! End-to-end tests of the widget's release bundle (served from `WIDGET_DIST`) in headless
//! Chromium: they assert what a person sees and does, through the app's `data-testid` contract.

use std::future::Future;
use std::time::{Duration, Instant};

use e2e::{
    dollars, first_int, open_widget, wait_chart_drawn, with_widget, BrowserOptions, CanvasStats,
    Page, Result,
};
use serde_json::{json, Value};
use thirtyfour::Key;

const STATE: &str = "select[data-testid=input-state]";
const INDUSTRY: &str = "select[data-testid=input-industry]";
const YEARS: &str = "input[type=range][data-testid=input-years]";
const CHART: &str = "canvas[data-testid=chart-distribution]";
const NOTICES: &str = "[role=status][data-testid=notices]";

/// The published BLS May 2014 national median annual wage for SOC 29-2071.
const NATIONAL_MEDIAN: f64 = 35_900.0;

/// How long a UI update may take after an input (a re-render is normally a few ms).
const UI_TIMEOUT: Duration = Duration::from_secs(5);

/// Polls `read` until `ok` accepts its value; the error names `what` and the last value seen.
async fn settle<T, F, Fut>(what: &str, mut read: F, ok: impl Fn(&T) -> bool) -> Result<T>
where
    T: std::fmt::Debug,
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<T>>,
{
    let deadline = Instant::now() + UI_TIMEOUT;
    loop {
        let value = read().await?;
        if ok(&value) {
            return Ok(value);
        }
        if Instant::now() >= deadline {
            return Err(format!("timed out waiting for {what}; last value: {value:?}").into());
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// The dollar amount shown in the element with `data-testid={id}`.
async fn amount(page: &Page, id: &str) -> Result<f64> {
    let text = page.text(id).await?;
    dollars(&text)
        .ok_or_else(|| format!("[data-testid={id}] shows no dollar amount: {text:?}").into())
}

/// The number of years shown next to the slider.
async fn years_shown(page: &Page) -> Result<i64> {
    let text = page.text("years-value").await?;
    first_int(&text)
        .ok_or_else(|| format!("[data-testid=years-value] shows no number: {text:?}").into())
}

/// The current `value` of a form control.
async fn value_of(page: &Page, css: &str) -> Result<String> {
    Ok(page
        .find(css)
        .await?
        .prop("value")
        .await?
        .unwrap_or_default())
}

/// The chart must hold a real drawing: not blank and not a single flat colour.
fn assert_chart_has_content(stats: &CanvasStats) {
    let total = stats.total();
    assert!(
        total > 0,
        "the chart canvas has no backing store: {stats:?}"
    );
    let min = (total / 200).max(500); // 0.5 % of the pixels, at least 500
    assert!(
        stats.painted >= min,
        "the chart is (almost) blank: {stats:?}"
    );
    assert!(
        stats.non_background >= min,
        "the chart is (almost) one flat colour: {stats:?}"
    );
}

/// The backing store must be the CSS size × devicePixelRatio (rounded, ±1).
fn assert_backing_store_matches(stats: &CanvasStats, dpr: f64) {
    assert_eq!(stats.device_pixel_ratio, dpr, "{stats:?}");
    let want_w = (stats.client_width * dpr).round();
    let want_h = (stats.client_height * dpr).round();
    assert!(
        (stats.width as f64 - want_w).abs() <= 1.0 && (stats.height as f64 - want_h).abs() <= 1.0,
        "canvas backing store {}×{} should be CSS size {}×{} × {dpr} = {want_w}×{want_h}",
        stats.width,
        stats.height,
        stats.client_width,
        stats.client_height
    );
}

fn contains_ci(haystack: &str, needle: &str) -> bool {
    haystack.to_lowercase().contains(&needle.to_lowercase())
}

/// 1. The page loads: ready flag, an estimate, a drawn and non-blank chart with its source,
///    the published facts, and not a single console error.
#[tokio::test]
async fn load_shows_estimate_chart_facts_and_no_errors() {
    with_widget(&BrowserOptions::default(), |page, server| async move {
        open_widget(&page, server, "").await?;

        let annual = amount(&page, "estimate-annual").await?;
        let low = amount(&page, "estimate-low").await?;
        let high = amount(&page, "estimate-high").await?;
        let hourly = amount(&page, "estimate-hourly").await?;
        assert!(annual > 0.0, "annual estimate {annual}");
        assert!(
            low <= annual && annual <= high,
            "range {low} ≤ {annual} ≤ {high}"
        );
        // A full-time year is 2,080 hours: the hourly figure must tell the same story.
        assert!(
            (hourly * 2080.0 - annual).abs() <= annual * 0.02,
            "hourly {hourly} does not match annual {annual}"
        );
        let label = page.text("estimate-label").await?;
        assert!(contains_ci(&label, "estimate"), "estimate label: {label:?}");

        wait_chart_drawn(&page).await?;
        let mark = page
            .eval(
                "return performance.getEntriesByName('first-chart-drawn').length",
                vec![],
            )
            .await?;
        assert_eq!(mark, json!(1), "performance.mark('first-chart-drawn') once");
        let stats = page.canvas_stats(CHART).await?;
        assert_chart_has_content(&stats);
        assert_backing_store_matches(&stats, 1.0);

        let source = page.text("chart-source-distribution").await?;
        for needle in ["BLS", "May 2014", "29-2071"] {
            assert!(
                source.contains(needle),
                "chart source lacks {needle:?}: {source:?}"
            );
        }
        let median = page.text("fact-median").await?;
        assert!(
            median.contains("$35,900") && contains_ci(&median, "median"),
            "{median:?}"
        );
        let mean = page.text("fact-mean").await?;
        assert!(
            mean.contains("$38,860") && contains_ci(&mean, "mean"),
            "{mean:?}"
        );

        page.assert_no_errors().await?;
        // The hook is live on the app's own page, so the line above could have failed.
        page.eval("console.error('planted by the test')", vec![])
            .await?;
        assert_eq!(
            page.errors().await?,
            vec!["console.error: planted by the test"]
        );
        Ok(())
    })
    .await;
}

/// 2. A person picks New Jersey and moves the slider with the keyboard: the estimate follows.
#[tokio::test]
async fn choosing_a_state_and_more_years_raises_the_estimate() {
    with_widget(&BrowserOptions::default(), |page, server| async move {
        open_widget(&page, server, "?years=5").await?;
        let national = amount(&page, "estimate-annual").await?;
        assert_eq!(
            national, NATIONAL_MEDIAN,
            "US, all industries, 5 years = national median"
        );
        assert_eq!(years_shown(&page).await?, 5);

        page.choose_option(STATE, "NJ").await?;
        assert_eq!(value_of(&page, STATE).await?, "NJ");
        let nj = settle(
            "the estimate to rise above the national median for NJ",
            || amount(&page, "estimate-annual"),
            |v| *v > national,
        )
        .await?;

        let slider = page.find(YEARS).await?;
        page.press(&slider, Key::Right).await?;
        settle("years to show 6", || years_shown(&page), |y| *y == 6).await?;
        let mut previous = amount(&page, "estimate-annual").await?;
        assert!(previous >= nj, "6 years ({previous}) below 5 years ({nj})");

        // Sweep the whole range one key press at a time: the estimate may never go down.
        page.press(&slider, Key::Home).await?;
        settle("years to show 0", || years_shown(&page), |y| *y == 0).await?;
        previous = amount(&page, "estimate-annual").await?;
        for years in 1..=30 {
            page.press(&slider, Key::Right).await?;
            settle(
                &format!("years to show {years}"),
                || years_shown(&page),
                |y| *y == years,
            )
            .await?;
            assert_eq!(value_of(&page, YEARS).await?, years.to_string());
            let now = amount(&page, "estimate-annual").await?;
            assert!(
                now >= previous,
                "{years} years: estimate fell from {previous} to {now}"
            );
            previous = now;
        }
        // The slider stops at 30.
        page.press(&slider, Key::Right).await?;
        assert_eq!(years_shown(&page).await?, 30);
        assert!(
            previous > nj,
            "30 years ({previous}) should beat 5 years ({nj}) in NJ"
        );
        page.assert_no_errors().await
    })
    .await;
}

/// 3. Parameters in the URL set the form (case-insensitively for the state).
#[tokio::test]
async fn url_parameters_are_applied() {
    with_widget(&BrowserOptions::default(), |page, server| async move {
        open_widget(&page, server, "?state=nj&industry=legal-services&years=12").await?;
        assert_eq!(value_of(&page, STATE).await?, "NJ");
        assert_eq!(value_of(&page, INDUSTRY).await?, "legal-services");
        assert_eq!(value_of(&page, YEARS).await?, "12");
        assert_eq!(years_shown(&page).await?, 12);
        let notices = page
            .find_all(&format!("{NOTICES} [data-testid=notice]"))
            .await?;
        assert!(notices.is_empty(), "{} unexpected notice(s)", notices.len());
        assert!(amount(&page, "estimate-annual").await? > 0.0);
        page.assert_no_errors().await
    })
    .await;
}

/// 4. Bad parameters: a notice each, defaults used, and the URL's text never becomes markup.
#[tokio::test]
async fn bad_parameters_fall_back_to_defaults_with_notices() {
    with_widget(&BrowserOptions::default(), |page, server| async move {
        open_widget(&page, server, "").await?;
        let baseline_scripts = page.eval("return document.scripts.length", vec![]).await?;

        open_widget(
            &page,
            server,
            "?state=ZZ&industry=%3Cscript%3Ealert(1)%3C/script%3E&years=999",
        )
        .await?;
        page.wait_for(
            "three notices",
            &format!("document.querySelectorAll('{NOTICES} [data-testid=notice]').length === 3"),
            UI_TIMEOUT,
        )
        .await?;
        for notice in page.find_all("[data-testid=notice]").await? {
            assert!(!notice.text().await?.trim().is_empty(), "a notice is empty");
        }
        assert_eq!(value_of(&page, STATE).await?, "US");
        assert_eq!(value_of(&page, INDUSTRY).await?, "all");
        let years: i64 = value_of(&page, YEARS).await?.parse()?;
        assert!((0..=30).contains(&years), "years {years}");
        assert_eq!(years_shown(&page).await?, years);
        assert!(amount(&page, "estimate-annual").await? > 0.0);

        let scripts = page.eval("return document.scripts.length", vec![]).await?;
        assert_eq!(scripts, baseline_scripts, "script elements added by the URL");
        let injected: Value = page
            .eval(
                r#"return {
                  scripts: [...document.scripts].filter(s => s.textContent.includes('alert(1)')).length,
                  rawMarkup: document.documentElement.outerHTML.includes('<script>alert(1)'),
                }"#,
                vec![],
            )
            .await?;
        assert_eq!(
            injected,
            json!({ "scripts": 0, "rawMarkup": false }),
            "the URL text was turned into markup"
        );
        assert!(page.driver.get_alert_text().await.is_err(), "an alert is open");
        page.assert_no_errors().await // also fails on a recorded alert()
    })
    .await;
}

/// True when a text names a year such as 2014 (a four-digit 19xx/20xx number).
fn names_a_year(text: &str) -> bool {
    text.split(|c: char| !c.is_ascii_digit())
        .any(|w| w.len() == 4 && (w.starts_with("19") || w.starts_with("20")))
}

/// True when a text cites a source: BLS, or a figure marked "as reported".
fn cites_a_source(text: &str) -> bool {
    text.contains("BLS") || contains_ci(text, "as reported")
}

/// 5. The explanation opens on click and names the source and year of the figures it uses.
#[tokio::test]
async fn explanation_opens_and_cites_sources() {
    with_widget(&BrowserOptions::default(), |page, server| async move {
        open_widget(&page, server, "?state=NJ&industry=legal-services&years=5").await?;
        let details = page.testid("estimate-explanation").await?;
        assert_eq!(details.tag_name().await?, "details");
        assert_eq!(
            details.prop("open").await?.as_deref(),
            Some("false"),
            "closed at first"
        );

        page.find("details[data-testid=estimate-explanation] > summary")
            .await?
            .click()
            .await?;
        settle(
            "the explanation to open",
            || async { Ok(details.prop("open").await?) },
            |open| open.as_deref() == Some("true"),
        )
        .await?;
        let text = details.text().await?;
        assert!(
            text.contains("BLS"),
            "explanation does not cite BLS: {text:?}"
        );

        let mut steps = Vec::new();
        for li in page
            .find_all("details[data-testid=estimate-explanation] li")
            .await?
        {
            steps.push(li.text().await?);
        }
        assert!(
            steps.len() >= 3,
            "the explanation lists too few steps (<li>): {steps:#?}"
        );
        assert!(
            steps.iter().all(|s| !s.trim().is_empty()),
            "an empty step: {steps:#?}"
        );
        // Steps that carry a figure cite where it came from, and when.
        for s in steps.iter().filter(|s| cites_a_source(s)) {
            assert!(names_a_year(s), "step cites a source but no year: {s:?}");
        }
        let sourced = steps.iter().filter(|s| cites_a_source(s)).count();
        // At least the base pay, the New Jersey factor and the industry factor.
        assert!(
            sourced >= 3,
            "only {sourced} step(s) cite a source and year: {steps:#?}"
        );
        assert!(
            steps
                .iter()
                .any(|s| s.contains("New Jersey") && cites_a_source(s) && names_a_year(s)),
            "no step gives the source and year of the New Jersey figure: {steps:#?}"
        );
        page.assert_no_errors().await
    })
    .await;
}

/// 6. On a HiDPI screen the chart's backing store is CSS size × 2, so it is sharp.
#[tokio::test]
async fn chart_is_sharp_on_hidpi_screens() {
    let opts = BrowserOptions::default().scale(2.0);
    with_widget(&opts, |page, server| async move {
        open_widget(&page, server, "").await?;
        wait_chart_drawn(&page).await?;
        let stats = page.canvas_stats(CHART).await?;
        assert_backing_store_matches(&stats, 2.0);
        assert_chart_has_content(&stats);
        page.assert_no_errors().await
    })
    .await;
}

/// How far the page scrolls sideways (0 when nothing sticks out).
const SIDEWAYS_JS: &str =
    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;";

/// Hovers a point of a chart canvas through the page's own pointer events.
const HOVER_JS: &str = r#"
const [id, fx, fy] = arguments;
const c = document.querySelector(`canvas[data-testid=chart-${id}]`);
const r = c.getBoundingClientRect();
c.dispatchEvent(new PointerEvent('pointermove', { bubbles: true, pointerType: 'mouse',
  clientX: r.left + r.width * fx, clientY: r.top + r.height * fy }));
const tip = document.querySelector(`[data-testid=tooltip-${id}]`);
return tip ? tip.textContent : null;
"#;

#[tokio::test]
async fn on_a_390_px_phone_nothing_scrolls_sideways_even_with_tooltips_open() {
    let opts = BrowserOptions::default().size(390, 900);
    with_widget(&opts, |page, server| async move {
        open_widget(&page, server, "?state=NJ&industry=legal-services&years=12").await?;
        wait_chart_drawn(&page).await?;
        let overflow = page.eval(SIDEWAYS_JS, vec![]).await?;
        assert_eq!(overflow, json!(0), "the page scrolls sideways at 390 px");
        // Tooltips at both edges of each chart must stay inside it.
        let mut shown = 0;
        for id in [
            "distribution",
            "experience",
            "states",
            "industries",
            "over-time",
            "comparison",
            "outlook",
        ] {
            for (fx, fy) in [(0.02, 0.5), (0.98, 0.5), (0.5, 0.05), (0.97, 0.95)] {
                let tip = page
                    .eval(HOVER_JS, vec![json!(id), json!(fx), json!(fy)])
                    .await?;
                tokio::time::sleep(Duration::from_millis(30)).await;
                if tip.is_string() {
                    shown += 1;
                }
                let overflow = page.eval(SIDEWAYS_JS, vec![]).await?;
                assert_eq!(
                    overflow,
                    json!(0),
                    "{id} at ({fx}, {fy}): the page scrolls sideways"
                );
            }
        }
        assert!(shown >= 7, "only {shown} hovers showed a tooltip");
        page.assert_no_errors().await
    })
    .await;
}

/// Back and Forward: input changes replace the URL (no history entry of their own), so Back
/// leaves the page and Forward returns to the view as last changed, which the widget restores.
#[tokio::test]
async fn back_and_forward_restore_the_view_from_the_url() {
    with_widget(&BrowserOptions::default(), |page, server| async move {
        open_widget(&page, server, "?years=3").await?;
        page.choose_option(STATE, "NJ").await?;
        settle(
            "the URL to carry the state",
            || async { page.eval("return location.search", vec![]).await },
            |v: &Value| v.as_str().is_some_and(|s| s.contains("state=NJ")),
        )
        .await?;
        open_widget(&page, server, "?state=TX&years=8").await?;
        assert_eq!(value_of(&page, STATE).await?, "TX");

        page.driver.back().await?;
        let state = settle(
            "Back to show New Jersey again",
            || async { value_of(&page, STATE).await },
            |v: &String| v == "NJ",
        )
        .await?;
        assert_eq!(state, "NJ");
        assert_eq!(value_of(&page, YEARS).await?, "3");

        page.driver.forward().await?;
        let state = settle(
            "Forward to show Texas again",
            || async { value_of(&page, STATE).await },
            |v: &String| v == "TX",
        )
        .await?;
        assert_eq!(state, "TX");
        assert_eq!(value_of(&page, YEARS).await?, "8");
        page.assert_no_errors().await
    })
    .await;
}
