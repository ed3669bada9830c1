//! The prerendered first view (`xtask/src/prerender.rs`): what a reader sees before the wasm has
//! run is the default view, with the figures the widget itself then shows; a URL asking for
//! another view never shows those default figures; and the wasm takes over without a layout
//! shift. "Before the wasm has run" is the bundle served with its wasm held back, so that moment
//! lasts as long as the test needs (a missing wasm would be a failed load, which shows a message).

use e2e::{
    open_widget, wait_chart_drawn, widget::dist_dir, with_browser, with_widget, BrowserOptions,
    Page, Result, StaticServer,
};
use serde_json::json;
use std::time::Duration;
use thirtyfour::Key;

/// The release bundle with its wasm held back: the page as it is until the wasm arrives.
fn bundle_holding_wasm() -> StaticServer {
    bundle_with_wasm_after(Duration::from_secs(600))
}

/// The release bundle answering for its wasm only after `delay`.
fn bundle_with_wasm_after(delay: Duration) -> StaticServer {
    let dist = dist_dir().unwrap_or_else(|e| panic!("{e}"));
    StaticServer::start_delaying(&dist, &[(".wasm", delay)]).expect("serve the bundle")
}

/// Whether the element with `data-testid="{id}"` is there and shown.
async fn shown(page: &Page, id: &str) -> Result<bool> {
    shown_css(page, &format!("[data-testid=\"{id}\"]")).await
}

/// Whether an element matching `css` is there and shown (laid out as boxes).
async fn shown_css(page: &Page, css: &str) -> Result<bool> {
    let found = page
        .eval(
            "const e = document.querySelector(arguments[0]); \
             return !!e && e.getClientRects().length > 0;",
            vec![json!(css)],
        )
        .await?;
    Ok(found == json!(true))
}

/// The page's own loading text (index.html's, before the wasm replaces it).
const LOADING: &str = ".cpw-mount > .cpw-loading";

/// Opens `query` with the wasm held back; the page has been parsed and laid out when this returns.
async fn open_before_wasm(page: &Page, server: &StaticServer, query: &str) -> Result<()> {
    page.goto(&server.url(&format!("/{query}"))).await?;
    page.wait_for(
        "the page to be parsed",
        "document.readyState !== 'loading'",
        Duration::from_secs(10),
    )
    .await?;
    Ok(())
}

#[tokio::test]
async fn before_the_wasm_runs_the_page_shows_the_figures_the_widget_then_shows() {
    let early = bundle_holding_wasm();
    let ids = [
        "widget-title",
        "estimate-annual",
        "estimate-low",
        "estimate-high",
        "estimate-for",
    ];
    let before = with_browser(&BrowserOptions::default(), |page| async move {
        open_before_wasm(&page, &early, "").await?;
        assert!(
            !shown_css(&page, LOADING).await?,
            "no loading text with the view"
        );
        let mut texts = vec![];
        for id in ids {
            assert!(
                shown(&page, id).await?,
                "{id} is shown before the wasm runs"
            );
            texts.push(page.text(id).await?);
        }
        Ok(texts)
    })
    .await;
    let after = with_widget(&BrowserOptions::default(), |page, server| async move {
        open_widget(&page, server, "").await?;
        let mut texts = vec![];
        for id in ids {
            texts.push(page.text(id).await?);
        }
        Ok(texts)
    })
    .await;
    for ((id, before), after) in ids.iter().zip(&before).zip(&after) {
        assert!(!before.trim().is_empty(), "{id} has text");
        assert_eq!(
            before, after,
            "{id}: the prerendered text is the widget's own"
        );
    }
    assert!(
        before[1].starts_with('$'),
        "an estimate in dollars: {}",
        before[1]
    );
}

#[tokio::test]
async fn a_url_asking_for_another_view_never_shows_the_default_figures() {
    let early = bundle_holding_wasm();
    with_browser(&BrowserOptions::default(), |page| async move {
        for query in [
            "?place=NJ",
            "?years=12",
            "?career=31-9092",
            "?title=Our%20program",
        ] {
            open_before_wasm(&page, &early, query).await?;
            assert!(
                !shown(&page, "estimate-annual").await?,
                "{query}: no default estimate"
            );
            assert!(
                !shown(&page, "widget-title").await?,
                "{query}: no default heading"
            );
            assert!(
                shown_css(&page, LOADING).await?,
                "{query}: the loading text instead"
            );
        }
        // An empty option asks for nothing: the default view stays.
        open_before_wasm(&page, &early, "?place=").await?;
        assert!(shown(&page, "estimate-annual").await?);
        Ok(())
    })
    .await;
}

/// A Spanish reader (`lang=es`, or a browser that prefers Spanish) is not shown the English
/// prerendered view for a moment: the loading text instead, in Spanish, under `<html lang=es>`;
/// and the Spanish messages are asked for with the wasm, not after it.
#[tokio::test]
async fn a_spanish_reader_waits_in_spanish() {
    let early = bundle_holding_wasm();
    let spanish_browser = BrowserOptions::default().languages("es-MX,es,en");
    for (opts, query) in [
        (BrowserOptions::default(), "?lang=es"),
        (spanish_browser, ""),
    ] {
        let early = &early;
        with_browser(&opts, |page| async move {
            open_before_wasm(&page, early, query).await?;
            assert!(!shown(&page, "widget-title").await?, "{query}: no English view");
            let loading = page
                .eval(
                    "const p = document.querySelector(arguments[0]);                      return [p.innerText.trim(), document.documentElement.lang];",
                    vec![json!(LOADING)],
                )
                .await?;
            assert_eq!(loading, json!(["Cargando cifras salariales…", "es"]), "{query}");
            let asked = page
                .wait_for(
                    "the Spanish messages to be asked for",
                    "performance.getEntriesByType('resource').some((e) => /messages-es\\.[0-9a-f]+\\.txt$/.test(e.name))",
                    Duration::from_secs(10),
                )
                .await;
            assert!(asked.is_ok(), "{query}: {asked:?}");
            Ok(())
        })
        .await;
    }
    // An English reader keeps the English view.
    with_browser(&BrowserOptions::default(), |page| async move {
        open_before_wasm(&page, &early, "").await?;
        assert!(shown(&page, "widget-title").await?);
        assert_eq!(
            page.eval("return document.documentElement.lang;", vec![])
                .await?,
            json!("en")
        );
        Ok(())
    })
    .await;
}

/// For each prerendered chart: its test id, how many of its drawings are shown, whether the shown
/// one covers its canvas (to a pixel), the shown one's class and texts, and the computed fill of
/// its first bar-coloured shape beside the page's `--cpw-chart-bar`.
const DRAWINGS: &str = "return [...document.querySelectorAll('.cpw-prerendered canvas[data-testid^=chart-]')] \
    .map((canvas) => { \
      const drawings = [...canvas.parentElement.querySelectorAll(':scope > svg')]; \
      const shown = drawings.filter((d) => d.getClientRects().length > 0); \
      const one = shown[0]; \
      const [a, b] = [canvas.getBoundingClientRect(), one && one.getBoundingClientRect()]; \
      const bar = one && one.querySelector('.f-bar'); \
      const probe = document.createElement('i'); \
      probe.style.color = getComputedStyle(document.documentElement).getPropertyValue('--cpw-chart-bar'); \
      document.body.append(probe); \
      const barColour = getComputedStyle(probe).color; \
      probe.remove(); \
      return { id: canvas.dataset.testid, shown: shown.length, \
        covers: !!b && Math.abs(a.left - b.left) < 1 && Math.abs(a.top - b.top) < 1 \
          && Math.abs(a.width - b.width) < 1 && Math.abs(a.height - b.height) < 1 && a.height > 50, \
        class: one ? one.getAttribute('class') : '', \
        texts: one ? [...one.querySelectorAll('text')].map((t) => t.textContent) : [], \
        fill: bar ? getComputedStyle(bar).fill : null, bar: barColour }; \
    });";

/// Before any wasm, every chart is drawn (SVG written at build time from the scene the canvas
/// paints): one drawing shown per chart, the phone's on a phone and the desktop's on a desktop,
/// over the canvas's box, in the page's chart colours, with the estimate the card shows.
#[tokio::test]
async fn before_the_wasm_runs_every_chart_is_drawn_at_the_readers_width() {
    let early = bundle_holding_wasm();
    for (width, height, class) in [
        (1280, 900, "cpw-svg cpw-svg-wide"),
        (412, 823, "cpw-svg cpw-svg-narrow"),
    ] {
        let opts = BrowserOptions::default().size(width, height);
        with_browser(&opts, |page| {
            let early = &early;
            async move {
                open_before_wasm(&page, early, "").await?;
                let estimate = page.text("estimate-annual").await?;
                let charts = page.eval(DRAWINGS, vec![]).await?;
                let charts = charts.as_array().expect("a list");
                assert!(charts.len() >= 7, "{width}px: {charts:?}");
                for chart in charts {
                    assert_eq!(chart["shown"], json!(1), "{width}px: one drawing: {chart}");
                    assert_eq!(chart["class"], json!(class), "{width}px: {chart}");
                    assert_eq!(
                        chart["covers"],
                        json!(true),
                        "{width}px: over its canvas: {chart}"
                    );
                    assert!(
                        chart["texts"].as_array().is_some_and(|t| !t.is_empty()),
                        "{width}px: labelled: {chart}"
                    );
                    if !chart["fill"].is_null() {
                        assert_eq!(chart["fill"], chart["bar"], "{width}px: themed: {chart}");
                    }
                }
                let distribution = charts
                    .iter()
                    .find(|c| c["id"] == json!("chart-distribution"))
                    .expect("the distribution");
                assert!(
                    distribution["texts"]
                        .as_array()
                        .expect("texts")
                        .iter()
                        .any(|t| t.as_str().is_some_and(|t| t.ends_with(&estimate))),
                    "{width}px: the drawing marks the card's estimate {estimate}: {distribution}"
                );
                assert!(
                    charts.iter().any(|c| !c["fill"].is_null()),
                    "{width}px: some chart has bars: {charts:?}"
                );
                page.assert_no_errors().await
            }
        })
        .await;
    }
}

/// How long after the page's load event the wasm was asked for (ms), or null if it was not.
const WASM_AFTER_LOAD: &str =
    "const load = performance.getEntriesByType('navigation')[0].loadEventEnd; \
    const wasm = performance.getEntriesByType('resource').find((e) => e.name.endsWith('.wasm')); \
    return wasm ? wasm.startTime - load : null;";

/// The prerendered view is complete, so the wasm is not fetched for a reader who only reads: it
/// starts at the first sign of use (here the pointer moving over the page), or once the loaded
/// page has been idle a while.
#[tokio::test]
async fn the_wasm_waits_for_the_readers_first_sign_of_use_or_an_idle_page() {
    with_widget(&BrowserOptions::default(), |page, server| async move {
        page.goto(&server.url("/")).await?;
        page.wait_for(
            "the page to load",
            "document.readyState === 'complete'",
            Duration::from_secs(10),
        )
        .await?;
        tokio::time::sleep(Duration::from_millis(1500)).await;
        assert_eq!(
            page.eval(WASM_AFTER_LOAD, vec![]).await?,
            json!(null),
            "no wasm fetched for a reader who has not moved"
        );
        page.point_at(40, 40).await?;
        page.wait_for(
            "the widget to start once the pointer moves",
            "document.documentElement.getAttribute('data-widget-ready') === 'true'",
            Duration::from_secs(20),
        )
        .await?;
        let waited = page.eval(WASM_AFTER_LOAD, vec![]).await?;
        assert!(
            waited.as_f64().is_some_and(|ms| ms >= 1500.0),
            "asked for after the pointer moved, not at load: {waited} ms after it"
        );
        page.assert_no_errors().await
    })
    .await;
    // A reader who never moves (a fresh browser: no pointer over the page): the widget starts
    // when the loaded page has been idle.
    with_widget(&BrowserOptions::default(), |page, server| async move {
        page.goto(&server.url("/")).await?;
        page.wait_for(
            "the widget to start on an idle page",
            "document.documentElement.getAttribute('data-widget-ready') === 'true'",
            Duration::from_secs(20),
        )
        .await?;
        let waited = page.eval(WASM_AFTER_LOAD, vec![]).await?;
        assert!(
            waited.as_f64().is_some_and(|ms| ms >= 2500.0),
            "started after ~3 s of an idle page: {waited} ms after the load"
        );
        let left = page
            .eval(
                "return document.querySelectorAll('.cpw-prerendered').length;",
                vec![],
            )
            .await?;
        assert_eq!(left, json!(0), "the widget took over the view");
        page.assert_no_errors().await
    })
    .await;
}

/// The prerendered controls work before the widget arrives; what the reader did with them is
/// handed to the widget: a slider moved by keyboard keeps its value (and the estimate is the one
/// for those years), and focus stays on the slider.
#[tokio::test]
async fn what_a_reader_does_before_the_widget_arrives_is_handed_to_it() {
    let server = bundle_with_wasm_after(Duration::from_millis(1500));
    let (years, handed) = with_browser(&BrowserOptions::default(), |page| {
        let server = &server;
        async move {
            open_before_wasm(&page, server, "").await?;
            let slider = page
                .find(".cpw-prerendered [data-testid=input-years]")
                .await?;
            let first: u32 = slider.prop("value").await?.expect("a value").parse()?;
            page.press(&slider, Key::Right + Key::Right + Key::Right)
                .await?;
            page.wait_for(
                "the widget to take over",
                "document.documentElement.getAttribute('data-widget-ready') === 'true' \
                   && !document.querySelector('.cpw-prerendered')",
                Duration::from_secs(20),
            )
            .await?;
            let live = page
                .eval(
                    "return [document.querySelector('[data-testid=input-years]').value, \
                       document.activeElement && document.activeElement.dataset.testid];",
                    vec![],
                )
                .await?;
            assert_eq!(
                live,
                json!([(first + 3).to_string(), "input-years"]),
                "the slider's value and focus are handed over"
            );
            page.wait_for(
                "the estimate for the handed years",
                &format!("location.search.includes('years={}')", first + 3),
                Duration::from_secs(5),
            )
            .await?;
            page.assert_no_errors().await?;
            Ok((first + 3, page.text("estimate-annual").await?))
        }
    })
    .await;
    let asked = with_widget(&BrowserOptions::default(), |page, server| async move {
        open_widget(&page, server, &format!("?years={years}")).await?;
        page.text("estimate-annual").await
    })
    .await;
    assert_eq!(handed, asked, "the estimate for {years} years");
}

#[tokio::test]
async fn the_widget_takes_over_the_prerendered_view_without_a_layout_shift() {
    for (width, height) in [(1280, 900), (412, 823)] {
        let opts = BrowserOptions::default().size(width, height);
        with_widget(&opts, |page, server| async move {
            open_widget(&page, server, "").await?;
            wait_chart_drawn(&page).await?;
            let left = page
                .eval(
                    "return [document.querySelectorAll('.cpw-prerendered').length, \
                             document.querySelectorAll('[data-testid=widget-title]').length];",
                    vec![],
                )
                .await?;
            assert_eq!(
                left,
                json!([0, 1]),
                "{width}px: the view is replaced, not doubled"
            );
            // Every layout shift since the page started (buffered), as CLS counts them, with
            // what moved, for the message.
            let shifts = page
                .eval(
                    "return new Promise(done => { \
                       const seen = []; \
                       new PerformanceObserver(list => { \
                         for (const e of list.getEntries()) if (!e.hadRecentInput) seen.push({ \
                           value: e.value, \
                           moved: e.sources.map(s => `${s.node && s.node.nodeName}.${ \
                             s.node && s.node.className} ${JSON.stringify(s.previousRect)} -> ${ \
                             JSON.stringify(s.currentRect)}`) }); \
                       }).observe({ type: 'layout-shift', buffered: true }); \
                       setTimeout(() => done(seen), 300); \
                     });",
                    vec![],
                )
                .await?;
            let total: f64 = shifts
                .as_array()
                .expect("a list")
                .iter()
                .filter_map(|s| s["value"].as_f64())
                .sum();
            assert!(
                total <= 0.02,
                "{width}px: layout shift {total} (budget 0.02): {shifts:#}"
            );
            page.assert_no_errors().await
        })
        .await;
    }
}

/// At start-up the widget mounts its sections a few a task, out of sight: it is shown only once
/// all are there (a reader never sees it grow section by section), with the view the page asked
/// for, and it is shown in one go (the prerendered view goes in the same change).
#[tokio::test]
async fn the_widget_is_shown_only_once_every_section_is_mounted() {
    // The wasm held back long enough to watch for the hand-over from the parsed page.
    let server = bundle_with_wasm_after(Duration::from_millis(1500));
    for query in ["", "?place=NJ&years=5"] {
        with_browser(&BrowserOptions::default(), |page| {
            let server = &server;
            async move {
                open_before_wasm(&page, server, query).await?;
                page.eval(
                    "window.atHandOver = null; \
                     const root = document.getElementById('career-pay-widget'); \
                     new MutationObserver(() => { \
                       const live = root.querySelector(':scope > .cpw-live'); \
                       if (window.atHandOver || !live || live.classList.contains('cpw-starting')) return; \
                       const article = live.querySelector('article.cpw'); \
                       window.atHandOver = { \
                         sections: article ? article.children.length : 0, \
                         before: root.querySelectorAll(':scope > :not(.cpw-live)').length }; \
                     }).observe(root, { subtree: true, childList: true, attributes: true });",
                    vec![],
                )
                .await?;
                page.point_at(8, 8).await?;
                page.wait_for(
                    "the widget to be shown",
                    "window.atHandOver !== null",
                    Duration::from_secs(20),
                )
                .await?;
                wait_chart_drawn(&page).await?;
                let seen = page
                    .eval(
                        "return [window.atHandOver, \
                           document.querySelector('.cpw-live article.cpw').children.length];",
                        vec![],
                    )
                    .await?;
                let (at_hand_over, now) = (&seen[0], seen[1].as_u64().expect("a count"));
                assert!(now >= 8, "{query}: the whole widget has {now} parts: {seen}");
                assert_eq!(
                    at_hand_over["sections"].as_u64(),
                    Some(now),
                    "{query}: shown with every part already there: {seen}"
                );
                assert_eq!(
                    at_hand_over["before"].as_u64(),
                    Some(0),
                    "{query}: what the page showed before goes as it is shown: {seen}"
                );
                page.assert_no_errors().await
            }
        })
        .await;
    }
}

/// A bare embed (no options) shows the prerendered view in the loader's frame before any wasm:
/// the frame takes that view's whole height at once (guard.js posts it), rather than cutting it
/// at the loader's first 900 px until the widget starts.
#[tokio::test]
async fn a_bare_embeds_frame_takes_the_prerendered_views_height_before_the_wasm() {
    let early = bundle_holding_wasm();
    let host_dir = e2e::TempDir::new("prerender-host").expect("temp dir");
    std::fs::write(
        host_dir.path().join("host.html"),
        format!(
            "<!doctype html><html><body style=\"margin:0\"><div data-career-widget></div>\
             <script src=\"{}\" async></script></body></html>",
            early.url("/embed.js")
        ),
    )
    .expect("host page");
    let host = StaticServer::start(host_dir.path()).expect("host server");
    let direct = with_browser(&BrowserOptions::default(), |page| {
        let early = &early;
        async move {
            open_before_wasm(&page, early, "").await?;
            // Laid out as in a frame (guard.js's mark there): every section at its real height.
            page.eval(
                "document.documentElement.classList.add('cpw-framed'); \
                 const r = document.getElementById('career-pay-widget'); \
                 return r.offsetTop + r.offsetHeight;",
                vec![],
            )
            .await
        }
    })
    .await;
    let direct = direct.as_f64().expect("a height");
    assert!(direct > 2000.0, "the whole view is long: {direct}");
    with_browser(&BrowserOptions::default(), |page| {
        let host = &host;
        async move {
            page.goto(&host.url("/host.html")).await?;
            let framed = page
                .wait_for(
                    "the frame to take the prerendered view's height",
                    "(() => { const f = document.querySelector('iframe'); \
                       const h = f && f.getBoundingClientRect().height; \
                       return h && h != 900 ? h : null; })()",
                    Duration::from_secs(10),
                )
                .await?;
            let framed = framed.as_f64().expect("a height");
            assert!(
                (framed - direct).abs() <= 2.0,
                "the frame is {framed} px tall, the view {direct} px"
            );
            page.assert_no_errors().await
        }
    })
    .await;
}
