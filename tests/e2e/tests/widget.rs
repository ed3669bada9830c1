//! End-to-end tests of the widget's release bundle (served from `WIDGET_DIST`) in headless
//! Chromium: they assert what a person sees and does, through the app's `data-testid` contract.

use std::future::Future;
use std::time::{Duration, Instant};

use e2e::{
    chart_in_view, choose_place, dollars, first_int, open_data_table, open_widget, picker,
    place_shown, query_param, type_place, wait_chart_drawn, wait_place_shown, with_widget,
    BrowserOptions, CanvasStats, Page, Result, PLACE,
};
use serde_json::{json, Value};
use thirtyfour::Key;

const INDUSTRY: &str = "select[data-testid=input-industry]";
const YEARS: &str = "input[type=range][data-testid=input-years]";
const CHART: &str = "canvas[data-testid=chart-distribution]";
const NOTICES: &str = "[role=status][data-testid=notices]";

/// What the place picker shows for the nation.
const NATIONAL_LABEL: &str = "United States (national)";
/// The metro the New York City tests use (OEWS area 0035620, metro code 35620).
const NYC_METRO: &str = "New York-Newark-Jersey City, NY-NJ";

/// The published BLS OEWS May 2025 national figures for SOC 29-2072 (Medical Records
/// Specialists), all industries.
const NATIONAL_MEDIAN: &str = "$51,140";
const NATIONAL_MEAN: &str = "$56,790";
const NATIONAL_P10: &str = "$37,000";
const NATIONAL_P90: &str = "$81,150";
const NATIONAL_EMPLOYMENT: &str = "194,720";
/// New Jersey's published May 2025 annual mean (below the national mean).
const NJ_MEAN: &str = "$54,490";

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

/// The texts of the shown notices.
async fn notices(page: &Page) -> Result<Vec<String>> {
    let mut out = Vec::new();
    for n in page
        .find_all(&format!("{NOTICES} [data-testid=notice]"))
        .await?
    {
        out.push(n.text().await?);
    }
    Ok(out)
}

/// The value of a fact as shown (`.cpw-fact-value` of `[data-testid={id}]`).
async fn fact_value(page: &Page, id: &str) -> Result<String> {
    Ok(page
        .find(&format!("[data-testid={id}] .cpw-fact-value"))
        .await?
        .text()
        .await?
        .trim()
        .to_string())
}

/// The text of a fact's one-click source (a closed `<details>`: read from the DOM, not the
/// rendering).
async fn fact_source(page: &Page, id: &str) -> Result<String> {
    let v = page
        .eval(
            "const d = document.querySelector(`[data-testid=${arguments[0]}] details.cpw-source`);
             return d ? d.textContent : null;",
            vec![json!(id)],
        )
        .await?;
    v.as_str()
        .map(String::from)
        .ok_or_else(|| format!("[data-testid={id}] has no source details").into())
}

/// The industry `<select>`'s value and the text of its chosen option.
async fn industry_chosen(page: &Page) -> Result<(String, String)> {
    let v = page
        .eval(
            "const s = document.querySelector(arguments[0]);
             const o = s.selectedOptions[0];
             return [s.value, o ? o.textContent.trim() : null];",
            vec![json!(INDUSTRY)],
        )
        .await?;
    Ok((
        v[0].as_str().unwrap_or_default().to_string(),
        v[1].as_str().unwrap_or_default().to_string(),
    ))
}

/// The current query string, without the `?`.
async fn search(page: &Page) -> Result<String> {
    let v = page.eval("return location.search", vec![]).await?;
    Ok(v.as_str()
        .unwrap_or_default()
        .trim_start_matches('?')
        .to_string())
}

/// Waits until the URL's query is exactly `want` (the widget rewrites it after mounting).
async fn settle_search(page: &Page, want: &str) -> Result<String> {
    settle(
        &format!("the URL's query to be {want:?}"),
        || search(page),
        |q: &String| q == want,
    )
    .await
}

/// The rows of a chart's "Show data" table, opened as a reader opens it (closed, the table is
/// not in the DOM): each row's cells as text.
async fn table_rows(page: &Page, id: &str) -> Result<(Vec<String>, Vec<(bool, Vec<String>)>)> {
    open_data_table(page, id).await?;
    let v = page
        .eval(
            "const d = document.querySelector(`details[data-testid=data-${arguments[0]}]`);
             if (!d) return null;
             const cells = (tr) => [...tr.children].map((c) => c.textContent.trim());
             return { head: [...d.querySelectorAll('thead th')].map((c) => c.textContent.trim()),
                      rows: [...d.querySelectorAll('tbody tr')].map((tr) =>
                        [tr.classList.contains('cpw-row-current'), cells(tr)]) };",
            vec![json!(id)],
        )
        .await?;
    if v.is_null() {
        return Err(format!("no data table for chart {id}").into());
    }
    let head: Vec<String> = serde_json::from_value(v["head"].clone())?;
    let rows: Vec<(bool, Vec<String>)> = serde_json::from_value(v["rows"].clone())?;
    Ok((head, rows))
}

/// The estimate for the nation with `years` of experience is the published national
/// percentile for those years, rounded to $100: at 5 years the median.
fn rounded_to_100(dollars: f64) -> f64 {
    (dollars / 100.0).round() * 100.0
}

/// 1. The page loads: ready flag, an estimate, a drawn and non-blank chart with its source,
///    the published May 2025 facts (each with its source one click away), and not a single
///    console error.
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
        assert_eq!(place_shown(&page).await?, NATIONAL_LABEL);

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
        for needle in ["BLS", "May 2025", "29-2072"] {
            assert!(
                source.contains(needle),
                "chart source lacks {needle:?}: {source:?}"
            );
        }
        assert!(!source.contains("29-2071"), "{source:?}");

        let heading = page
            .find("[data-testid=section-facts] h2")
            .await?
            .text()
            .await?;
        assert_eq!(
            heading,
            "The published figures for the United States, May 2025"
        );
        for (id, figure, word) in [
            ("fact-median", NATIONAL_MEDIAN, "median"),
            ("fact-mean", NATIONAL_MEAN, "mean"),
            ("fact-p10", NATIONAL_P10, "10%"),
            ("fact-p90", NATIONAL_P90, "10%"),
            ("fact-employment", NATIONAL_EMPLOYMENT, "jobs"),
        ] {
            let text = page.text(id).await?;
            assert_eq!(fact_value(&page, id).await?, figure, "{id}: {text:?}");
            assert!(contains_ci(&text, word), "{id}: {text:?}");
            assert!(text.contains("May 2025"), "{id}: {text:?}");
            // One click away: the source names the survey, the release, the code and the place.
            let source = fact_source(&page, id).await?;
            for needle in [
                "BLS",
                "OEWS",
                "May 2025",
                "SOC 29-2072",
                "the United States",
            ] {
                assert!(
                    source.contains(needle),
                    "{id}'s source lacks {needle:?}: {source:?}"
                );
            }
        }
        let summary = page
            .find("[data-testid=fact-median] details.cpw-source > summary")
            .await?;
        summary.click().await?;
        let shown = page
            .find("[data-testid=fact-median] details.cpw-source")
            .await?
            .text()
            .await?;
        assert!(
            shown.contains("SOC 29-2072") && shown.contains("May 2025"),
            "one click shows the source: {shown:?}"
        );

        // Nothing around the figures still describes the May 2014 version: the page's title names
        // the career as the widget does, and the footer gives the published figures' code.
        let title = page.text("widget-title").await?;
        let mut stale = Vec::new();
        let document_title = page.eval("return document.title", vec![]).await?;
        if !document_title.as_str().is_some_and(|t| t.contains(&title)) {
            stale.push(format!(
                "the page title {document_title} does not name the career ({title:?})"
            ));
        }
        let footer = page.find("footer.cpw-footer").await?.text().await?;
        if footer.contains("SOC") && !footer.contains("29-2072") {
            stale.push(format!(
                "the footer gives another code than 29-2072 for the published figures: {footer:?}"
            ));
        }
        assert!(stale.is_empty(), "{}", stale.join("\n"));

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

/// 2. A person picks New Jersey in the place picker and moves the slider with the keyboard: the
///    estimate follows New Jersey's own published figures, and never falls with experience.
#[tokio::test]
async fn choosing_a_state_and_more_years_moves_the_estimate() {
    with_widget(&BrowserOptions::default(), |page, server| async move {
        open_widget(&page, server, "?years=5").await?;
        let national = amount(&page, "estimate-annual").await?;
        let median = dollars(&fact_value(&page, "fact-median").await?).ok_or("no median")?;
        assert_eq!(fact_value(&page, "fact-median").await?, NATIONAL_MEDIAN);
        // US, all industries, 5 years = the national median, rounded to $100 ($51,100).
        assert_eq!(
            national,
            rounded_to_100(median),
            "5 years = national median"
        );
        assert_eq!(national, 51_100.0);
        assert_eq!(years_shown(&page).await?, 5);

        choose_place(&page, "new jer", "New Jersey").await?;
        settle(
            "the URL to carry place=NJ",
            || query_param(&page, "place"),
            |p| p.as_deref() == Some("NJ"),
        )
        .await?;
        // The facts and the estimate are New Jersey's own.
        settle(
            "the facts to be New Jersey's",
            || fact_value(&page, "fact-mean"),
            |v: &String| v == NJ_MEAN,
        )
        .await?;
        let nj_median = dollars(&fact_value(&page, "fact-median").await?).ok_or("no median")?;
        let nj = settle(
            "the estimate to be New Jersey's median, rounded to $100",
            || amount(&page, "estimate-annual"),
            |v| *v == rounded_to_100(nj_median),
        )
        .await?;
        let based_on = page.text("estimate-source").await?;
        assert!(
            based_on.contains("New Jersey") && based_on.contains("May 2025"),
            "{based_on:?}"
        );

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
        assert_eq!(place_shown(&page).await?, "New Jersey");
        page.assert_no_errors().await
    })
    .await;
}

/// 3. Parameters in the URL set the form (case-insensitively for the place), and the URL is
///    written back in its canonical form.
#[tokio::test]
async fn url_parameters_are_applied() {
    with_widget(&BrowserOptions::default(), |page, server| async move {
        open_widget(&page, server, "?place=nj&industry=541100&years=12").await?;
        assert_eq!(place_shown(&page).await?, "New Jersey");
        let (industry, label) = industry_chosen(&page).await?;
        assert_eq!(industry, "541100");
        assert!(label.contains("Legal Services"), "{label:?}");
        assert_eq!(value_of(&page, YEARS).await?, "12");
        assert_eq!(years_shown(&page).await?, 12);
        let shown = notices(&page).await?;
        assert!(shown.is_empty(), "unexpected notice(s): {shown:#?}");
        assert!(amount(&page, "estimate-annual").await? > 0.0);
        settle_search(&page, "place=NJ&industry=541100&years=12").await?;
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
            "?place=ZZ&industry=%3Cscript%3Ealert(1)%3C/script%3E&years=999",
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
        assert_eq!(place_shown(&page).await?, NATIONAL_LABEL);
        assert_eq!(value_of(&page, INDUSTRY).await?, "all");
        let years: i64 = value_of(&page, YEARS).await?.parse()?;
        assert!((0..=30).contains(&years), "years {years}");
        assert_eq!(years_shown(&page).await?, years);
        assert!(amount(&page, "estimate-annual").await? > 0.0);
        settle_search(&page, &format!("place=US&industry=all&years={years}")).await?;

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

/// True when a text names a year such as 2025 (a four-digit 19xx/20xx number).
fn names_a_year(text: &str) -> bool {
    text.split(|c: char| !c.is_ascii_digit())
        .any(|w| w.len() == 4 && (w.starts_with("19") || w.starts_with("20")))
}

/// True when a text cites a source: BLS, or a figure marked "as reported".
fn cites_a_source(text: &str) -> bool {
    text.contains("BLS") || contains_ci(text, "as reported")
}

/// 5. The explanation opens on click, names the source and year of the figures it uses, and its
///    arithmetic gives the estimate shown.
#[tokio::test]
async fn explanation_opens_and_cites_sources() {
    with_widget(&BrowserOptions::default(), |page, server| async move {
        open_widget(&page, server, "?place=NJ&industry=541100&years=5").await?;
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
        // At least the experience rule, New Jersey's base pay and the industry factor.
        assert!(
            sourced >= 3,
            "only {sourced} step(s) cite a source and year: {steps:#?}"
        );
        assert!(
            steps.iter().any(|s| s.contains("New Jersey")
                && s.contains("BLS OEWS May 2025, SOC 29-2072, New Jersey")),
            "no step gives the source, release, code and place of the New Jersey figure: {steps:#?}"
        );
        assert!(
            steps
                .iter()
                .any(|s| s.starts_with("Legal Services") && s.contains("BLS OEWS May 2025")),
            "no step gives the source of the Legal Services factor: {steps:#?}"
        );
        // The page's own arithmetic gives what it shows: New Jersey's published median (the
        // facts) × Legal Services' national mean ÷ all industries' national mean (the industry
        // step), rounded to $100.
        let industry = steps
            .iter()
            .find(|s| s.starts_with("Legal Services:"))
            .ok_or_else(|| format!("no industry step: {steps:#?}"))?;
        let industry_mean = dollars(industry).ok_or("no industry mean")?;
        let all_mean = industry
            .split_once('÷')
            .and_then(|(_, rest)| dollars(rest))
            .ok_or_else(|| format!("no all-industries mean in {industry:?}"))?;
        assert_eq!(all_mean, 56_790.0, "the national mean: {industry:?}");
        let base = dollars(&fact_value(&page, "fact-median").await?).ok_or("no NJ median")?;
        let annual = amount(&page, "estimate-annual").await?;
        assert_eq!(
            rounded_to_100(base * industry_mean / all_mean),
            annual,
            "New Jersey's median {base} × {industry_mean} ÷ {all_mean}, to $100: {steps:#?}"
        );
        let combine = steps
            .iter()
            .find(|s| s.starts_with("Estimate:"))
            .ok_or_else(|| format!("no combining step: {steps:#?}"))?;
        let ratio = format!("{:.3}", industry_mean / all_mean);
        let shown = page.text("estimate-annual").await?;
        assert!(
            combine.starts_with(&format!(
                "Estimate: {} × {ratio} = {shown} a year",
                fact_value(&page, "fact-median").await?
            )),
            "{combine:?}"
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
        open_widget(&page, server, "?place=NJ&industry=541100&years=12").await?;
        wait_chart_drawn(&page).await?;
        let overflow = page.eval(SIDEWAYS_JS, vec![]).await?;
        assert_eq!(overflow, json!(0), "the page scrolls sideways at 390 px");
        // Tooltips at both edges of each chart must stay inside it.
        let mut shown = 0;
        for id in [
            "distribution",
            "experience",
            "states",
            "metros",
            "industries",
            "over-time",
            "comparison",
            "outlook",
        ] {
            // A reader hovers a chart on screen (off screen, it is not painted yet).
            chart_in_view(&page, id).await?;
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
        assert!(shown >= 8, "only {shown} hovers showed a tooltip");
        // The place picker's open list must not stick out either.
        type_place(&page, "new").await?;
        let p = picker(&page).await?;
        assert!(p.list_visible && !p.options.is_empty(), "{p:?}");
        let overflow = page.eval(SIDEWAYS_JS, vec![]).await?;
        assert_eq!(overflow, json!(0), "the open place list scrolls sideways");
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
        choose_place(&page, "New Jersey", "New Jersey").await?;
        settle(
            "the URL to carry the place",
            || query_param(&page, "place"),
            |v| v.as_deref() == Some("NJ"),
        )
        .await?;
        open_widget(&page, server, "?place=TX&years=8").await?;
        assert_eq!(place_shown(&page).await?, "Texas");

        page.driver.back().await?;
        let place = settle(
            "Back to show New Jersey again",
            || place_shown(&page),
            |v: &String| v == "New Jersey",
        )
        .await?;
        assert_eq!(place, "New Jersey");
        assert_eq!(value_of(&page, YEARS).await?, "3");

        page.driver.forward().await?;
        let place = settle(
            "Forward to show Texas again",
            || place_shown(&page),
            |v: &String| v == "Texas",
        )
        .await?;
        assert_eq!(place, "Texas");
        assert_eq!(value_of(&page, YEARS).await?, "8");
        page.assert_no_errors().await
    })
    .await;
}

// ---------------------------------------------------------------------------------------------
// May 2025: places by metro code, old links, the SOC code change, unpublished figures, and the
// place picker from the keyboard.

/// A metro area by its 5-digit code, and by its 7-digit OEWS area code: the picker names it,
/// every figure is its own, and the metros chart lists its state's metro areas with it marked.
#[tokio::test]
async fn a_metro_area_by_code_shows_its_own_figures() {
    with_widget(&BrowserOptions::default(), |page, server| async move {
        open_widget(&page, server, "?place=35620&years=5").await?;
        wait_chart_drawn(&page).await?;
        assert_eq!(place_shown(&page).await?, NYC_METRO);
        assert!(
            notices(&page).await?.is_empty(),
            "{:?}",
            notices(&page).await?
        );
        settle_search(&page, "place=35620&industry=all&years=5").await?;

        let heading = page
            .find("[data-testid=section-facts] h2")
            .await?
            .text()
            .await?;
        assert_eq!(
            heading,
            format!("The published figures for {NYC_METRO}, May 2025")
        );
        let metro_median = fact_value(&page, "fact-median").await?;
        let metro_mean = fact_value(&page, "fact-mean").await?;
        assert!(dollars(&metro_median).is_some(), "{metro_median:?}");
        // Its own figures: not the nation's (shown beside them for comparison).
        assert_ne!(metro_median, NATIONAL_MEDIAN);
        assert_ne!(metro_mean, NATIONAL_MEAN);
        let median_fact = page.text("fact-median").await?;
        assert!(
            median_fact.contains(&format!("United States: {NATIONAL_MEDIAN}")),
            "{median_fact:?}"
        );
        let source = fact_source(&page, "fact-median").await?;
        assert!(
            source.contains(NYC_METRO) && source.contains("SOC 29-2072"),
            "{source:?}"
        );
        // The estimate and the distribution chart rest on the metro's own distribution.
        let based_on = page.text("estimate-source").await?;
        assert!(based_on.contains(NYC_METRO), "{based_on:?}");
        assert!(
            page.find_all("[data-testid=estimate-factors]")
                .await?
                .is_empty()
                || !page
                    .text("estimate-factors")
                    .await?
                    .contains("published no"),
            "the metro's own wages are published: no fallback"
        );
        let estimate = amount(&page, "estimate-annual").await?;
        assert_eq!(
            estimate,
            rounded_to_100(dollars(&metro_median).ok_or("no median")?),
            "5 years, all industries: the metro's median, rounded"
        );
        let title = page
            .find("[data-testid=figure-distribution] h2")
            .await?
            .text()
            .await?;
        assert!(title.contains(NYC_METRO), "{title:?}");
        let chart_source = page.text("chart-source-distribution").await?;
        assert!(chart_source.contains(NYC_METRO), "{chart_source:?}");

        // The metros chart: the metro areas of New York (the state it is filed under) or of New
        // Jersey (it spans both), this one marked as the reader's choice.
        let metros_title = page
            .find("[data-testid=figure-metros] h2")
            .await?
            .text()
            .await?;
        let usps = if metros_title.contains("in New York") {
            "NY"
        } else if metros_title.contains("in New Jersey") {
            "NJ"
        } else {
            return Err(format!(
                "the metros chart is not New York's or New Jersey's: {metros_title:?}"
            )
            .into());
        };
        let (head, rows) = table_rows(&page, "metros").await?;
        assert!(head.len() >= 2, "{head:?}");
        let marked: Vec<&Vec<String>> = rows.iter().filter(|(m, _)| *m).map(|(_, r)| r).collect();
        assert_eq!(marked.len(), 1, "one row marked: {rows:#?}");
        assert_eq!(marked[0][0], NYC_METRO);
        assert!(rows.len() >= 5, "too few metro areas: {rows:#?}");
        for (_, row) in &rows {
            let name = &row[0];
            let states = name.rsplit_once(", ").map_or("", |(_, s)| s);
            assert!(
                states.split('-').any(|s| s == usps) || name.contains("nonmetropolitan"),
                "{name:?} is not one of {usps}'s areas"
            );
        }
        let summary = page
            .find("canvas[data-testid=chart-metros]")
            .await?
            .attr("aria-label")
            .await?
            .unwrap_or_default();
        assert!(!summary.is_empty(), "the metros chart has no summary");

        // The same place by its 7-digit OEWS area code.
        open_widget(&page, server, "?place=0035620&years=5").await?;
        assert_eq!(place_shown(&page).await?, NYC_METRO);
        assert!(notices(&page).await?.is_empty());
        assert_eq!(fact_value(&page, "fact-median").await?, metro_median);
        assert_eq!(fact_value(&page, "fact-mean").await?, metro_mean);
        assert_eq!(amount(&page, "estimate-annual").await?, estimate);
        // Written back as the metro's 5-digit code.
        settle_search(&page, "place=35620&industry=all&years=5").await?;
        page.assert_no_errors().await
    })
    .await;
}

/// Links of the May 2014 version: `state=` and the old industry slugs still work, without a
/// notice, and the URL is rewritten to the current names; a slug with no current figure says so.
#[tokio::test]
async fn old_links_keep_working_and_are_rewritten() {
    with_widget(&BrowserOptions::default(), |page, server| async move {
        open_widget(&page, server, "?state=NJ&industry=legal-services&years=5").await?;
        assert_eq!(place_shown(&page).await?, "New Jersey");
        let (industry, label) = industry_chosen(&page).await?;
        assert_eq!(industry, "541100");
        assert!(label.contains("Legal Services"), "{label:?}");
        assert_eq!(years_shown(&page).await?, 5);
        let shown = notices(&page).await?;
        assert!(shown.is_empty(), "an old link gave notices: {shown:#?}");
        settle_search(&page, "place=NJ&industry=541100&years=5").await?;
        let context = page.text("estimate-for").await?;
        assert!(
            context.contains("New Jersey") && context.contains("Legal Services"),
            "{context:?}"
        );

        // Every old slug with a current figure: its OEWS code, chosen in the select, no notice.
        for (slug, code) in [
            ("offices-of-physicians", "621100"),
            ("general-medical-and-surgical-hospitals", "622100"),
            ("nursing-care-facilities", "623100"),
            ("outpatient-care-centers", "621400"),
            ("home-health-care-services", "621600"),
        ] {
            open_widget(&page, server, &format!("?state=tx&industry={slug}")).await?;
            assert_eq!(place_shown(&page).await?, "Texas", "{slug}");
            let (value, label) = industry_chosen(&page).await?;
            assert_eq!(
                value, code,
                "{slug} should choose {code} (option {label:?})"
            );
            let shown = notices(&page).await?;
            assert!(shown.is_empty(), "{slug}: {shown:#?}");
            settle_search(&page, &format!("place=TX&industry={code}&years=0")).await?;
        }

        // Slugs with no May 2025 figure: a notice naming the slug, and all industries.
        for slug in [
            "pharmaceutical-and-medicine-manufacturing",
            "drugs-and-druggists-sundries-merchant-wholesalers",
        ] {
            open_widget(&page, server, &format!("?state=NJ&industry={slug}&years=5")).await?;
            let shown = notices(&page).await?;
            assert_eq!(shown.len(), 1, "{slug}: {shown:#?}");
            assert!(
                shown[0].contains(slug) && contains_ci(&shown[0], "all industries"),
                "{slug}: {shown:#?}"
            );
            assert_eq!(industry_chosen(&page).await?.0, "all");
            assert_eq!(place_shown(&page).await?, "New Jersey");
            settle_search(&page, "place=NJ&industry=all&years=5").await?;
        }
        page.assert_no_errors().await
    })
    .await;
}

/// The SOC code change: the over-time chart holds 29-2071 (May 2002–2018) and 29-2072 (May
/// 2021–2025) as two series, its data table names each row's code, and nothing is shown for
/// May 2019 or 2020.
#[tokio::test]
async fn over_time_shows_two_series_across_the_code_change() {
    with_widget(&BrowserOptions::default(), |page, server| async move {
        open_widget(&page, server, "").await?;
        chart_in_view(&page, "over-time").await?;
        let (head, rows) = table_rows(&page, "over-time").await?;
        let soc = head
            .iter()
            .position(|h| h == "SOC")
            .ok_or_else(|| format!("the data table has no SOC column: {head:?}"))?;
        let row = |period: &str| rows.iter().map(|(_, r)| r).find(|r| r[0] == period);
        let may_2018 = row("May 2018").ok_or_else(|| format!("no May 2018 row: {rows:#?}"))?;
        assert_eq!(may_2018[soc], "29-2071", "{may_2018:?}");
        let may_2021 = row("May 2021").ok_or_else(|| format!("no May 2021 row: {rows:#?}"))?;
        assert_eq!(may_2021[soc], "29-2072", "{may_2021:?}");
        let may_2025 = row("May 2025").ok_or_else(|| format!("no May 2025 row: {rows:#?}"))?;
        assert_eq!(may_2025[soc], "29-2072", "{may_2025:?}");
        // The May 2025 row is the published national figure.
        assert!(
            may_2025.iter().any(|c| c == NATIONAL_MEDIAN),
            "{may_2025:?}"
        );
        for missing in ["2019", "2020"] {
            assert!(
                rows.iter().all(|(_, r)| !r[0].contains(missing)),
                "a row for {missing}: {rows:#?}"
            );
        }
        // Every year before the change is 29-2071, every year after is 29-2072.
        for (_, r) in &rows {
            let year: u32 = r[0].trim_start_matches("May ").parse()?;
            let want = if year <= 2018 { "29-2071" } else { "29-2072" };
            assert_eq!(r[soc], want, "{r:?}");
        }

        let canvas = page.find("canvas[data-testid=chart-over-time]").await?;
        let summary = canvas.attr("aria-label").await?.unwrap_or_default();
        assert!(
            summary.contains("Two series")
                && summary.contains("29-2071")
                && summary.contains("29-2072"),
            "the summary does not say two series: {summary:?}"
        );
        let source = page.text("chart-source-over-time").await?;
        assert!(
            source.contains("29-2071") && source.contains("29-2072"),
            "{source:?}"
        );
        let stats = page
            .canvas_stats("canvas[data-testid=chart-over-time]")
            .await?;
        assert_chart_has_content(&stats);
        page.assert_no_errors().await
    })
    .await;
}

/// A figure BLS did not publish is said to be "not published", never shown as 0; a place whose
/// wages are not published is estimated from its state's, and the result says so.
#[tokio::test]
async fn unpublished_figures_are_said_not_zero() {
    with_widget(&BrowserOptions::default(), |page, server| async move {
        open_widget(&page, server, "?place=VT").await?;
        assert_eq!(place_shown(&page).await?, "Vermont");
        assert!(notices(&page).await?.is_empty());
        let jobs = fact_value(&page, "fact-employment").await?;
        assert_eq!(jobs, "not published", "Vermont's employment");
        let jobs_fact = page.text("fact-employment").await?;
        assert!(
            !jobs_fact
                .split(|c: char| !c.is_ascii_digit() && c != ',')
                .any(|w| w == "0"),
            "a 0 is shown for Vermont's jobs: {jobs_fact:?}"
        );
        assert!(
            jobs_fact.contains(&format!("United States: {NATIONAL_EMPLOYMENT}")),
            "{jobs_fact:?}"
        );
        // Its wages are published: they are shown, and the estimate rests on them.
        assert!(dollars(&fact_value(&page, "fact-median").await?).is_some());
        assert!(page.text("estimate-source").await?.contains("Vermont"));

        // Elmira, NY: jobs published, wages not: the estimate uses New York's, and says so.
        open_widget(&page, server, "?place=21300&years=5").await?;
        assert_eq!(place_shown(&page).await?, "Elmira, NY");
        assert!(notices(&page).await?.is_empty(), "{:?}", notices(&page).await?);
        let factors = page.text("estimate-factors").await?;
        assert!(
            factors.contains(
                "BLS published no May 2025 wages for Elmira, NY: the figures for New York are used instead."
            ),
            "{factors:?}"
        );
        let elmira = amount(&page, "estimate-annual").await?;
        assert_eq!(fact_value(&page, "fact-median").await?, "not published");
        let elmira_jobs = fact_value(&page, "fact-employment").await?;
        assert!(
            first_int(&elmira_jobs).is_some_and(|n| n > 0),
            "Elmira's jobs are published: {elmira_jobs:?}"
        );
        let based_on = page.text("estimate-source").await?;
        assert!(based_on.contains("New York"), "{based_on:?}");
        settle_search(&page, "place=21300&industry=all&years=5").await?;
        // The same estimate as New York's own.
        open_widget(&page, server, "?place=NY&years=5").await?;
        assert_eq!(amount(&page, "estimate-annual").await?, elmira);
        page.assert_no_errors().await
    })
    .await;
}

/// The place picker from the keyboard alone: type "Hart", ArrowDown, Enter chooses Hartford.
#[tokio::test]
async fn keyboard_chooses_a_place_in_the_picker() {
    with_widget(&BrowserOptions::default(), |page, server| async move {
        open_widget(&page, server, "?years=2").await?;
        type_place(&page, "Hart").await?;
        let open = picker(&page).await?;
        assert!(open.expanded && open.list_visible, "{open:?}");
        assert!(
            open.options
                .first()
                .is_some_and(|o| o.starts_with("Hartford")),
            "Hartford should be listed first: {open:?}"
        );
        assert_eq!(open.active, None, "typing pre-chooses nothing: {open:?}");

        let input = page.find(PLACE).await?;
        page.press(&input, Key::Down).await?;
        let walked = settle(
            "ArrowDown to make the first option active",
            || picker(&page),
            |p| p.active.is_some(),
        )
        .await?;
        let hartford = walked.active.clone().unwrap_or_default();
        assert!(hartford.starts_with("Hartford"), "{walked:?}");
        assert_eq!(
            walked.value, "Hart",
            "ArrowDown does not fill the box: {walked:?}"
        );

        page.press(&input, Key::Enter).await?;
        wait_place_shown(&page, &hartford).await?;
        settle(
            "the URL to carry place=25540",
            || query_param(&page, "place"),
            |p| p.as_deref() == Some("25540"),
        )
        .await?;
        assert_eq!(search(&page).await?, "place=25540&industry=all&years=2");
        // Focus stays in the box, and the page shows Hartford's figures.
        let focused = page
            .eval(
                "return document.activeElement === document.querySelector(arguments[0])",
                vec![json!(PLACE)],
            )
            .await?;
        assert_eq!(focused, json!(true));
        let heading = page
            .find("[data-testid=section-facts] h2")
            .await?
            .text()
            .await?;
        assert!(heading.contains(&hartford), "{heading:?}");
        page.assert_no_errors().await
    })
    .await;
}

/// Choosing a metro area on the metros chart (keyboard: focus, Enter) sets the place as the
/// picker does: the picker box follows, and so do the URL and the facts.
#[tokio::test]
async fn choosing_a_metro_on_the_chart_updates_the_picker() {
    with_widget(&BrowserOptions::default(), |page, server| async move {
        open_widget(&page, server, "?place=NJ&years=4").await?;
        chart_in_view(&page, "metros").await?;
        let canvas = page.find("canvas[data-testid=chart-metros]").await?;
        canvas.scroll_into_view().await?;
        page.press(&canvas, Key::Home).await?;
        let label = settle(
            "the metros chart's tooltip to name a metro area",
            || async {
                let v = page
                    .eval(
                        "const t = document.querySelector('[data-testid=tooltip-metros] strong');
                         return t ? t.textContent : '';",
                        vec![],
                    )
                    .await?;
                Ok(v.as_str().unwrap_or_default().to_string())
            },
            |l: &String| !l.is_empty(),
        )
        .await?;
        assert!(label.contains("NJ"), "a New Jersey metro area: {label:?}");
        page.press(&canvas, Key::Enter).await?;
        wait_place_shown(&page, &label).await?;
        let place = settle(
            "the URL to carry the metro's code",
            || query_param(&page, "place"),
            |p| p.as_deref().is_some_and(|p| p.len() == 5),
        )
        .await?;
        assert_eq!(
            search(&page).await?,
            format!("place={}&industry=all&years=4", place.unwrap_or_default())
        );
        let heading = page
            .find("[data-testid=section-facts] h2")
            .await?
            .text()
            .await?;
        assert!(heading.contains(&label), "{heading:?}");
        page.assert_no_errors().await
    })
    .await;
}

/// The page names its own icon, served with it, so the browser does not ask for `/favicon.ico`
/// (a 404 in the host's console when the widget is on its own host).
#[tokio::test]
async fn the_page_has_its_own_icon() {
    with_widget(&BrowserOptions::default(), |page, server| async move {
        open_widget(&page, server, "").await?;
        let icon = page
            .eval(
                "const link = document.querySelector('link[rel=icon]'); \
                 if (!link) return null; \
                 return fetch(link.href).then((r) => [r.status, r.headers.get('content-type'), link.href]);",
                vec![],
            )
            .await?;
        assert_eq!(icon[0], json!(200), "{icon}");
        assert!(
            icon[1].as_str().is_some_and(|t| t.starts_with("image/svg+xml")),
            "{icon}"
        );
        assert!(icon[2].as_str().is_some_and(|h| h.contains("/favicon-")), "{icon}");
        Ok(())
    })
    .await;
}
