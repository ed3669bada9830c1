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

/// The release bundle with its wasm held back: the page as it is until the wasm arrives.
fn bundle_holding_wasm() -> StaticServer {
    let dist = dist_dir().unwrap_or_else(|e| panic!("{e}"));
    StaticServer::start_delaying(&dist, &[(".wasm", Duration::from_secs(600))])
        .expect("serve the bundle")
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

#[tokio::test]
async fn the_wasm_downloads_after_the_prerendered_view_is_painted() {
    with_widget(&BrowserOptions::default(), |page, server| async move {
        open_widget(&page, server, "").await?;
        let times = page
            .eval(
                "const paint = performance.getEntriesByName('first-contentful-paint')[0]; \
                 const wasm = performance.getEntriesByType('resource') \
                   .find((e) => e.name.endsWith('.wasm')); \
                 return [paint && paint.startTime, wasm && wasm.startTime];",
                vec![],
            )
            .await?;
        let (Some(paint), Some(wasm)) = (times[0].as_f64(), times[1].as_f64()) else {
            panic!("no first paint or no wasm request: {times}");
        };
        assert!(
            wasm > paint,
            "the wasm was requested at {wasm} ms, before the first paint at {paint} ms"
        );
        Ok(())
    })
    .await;
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
    let dist = dist_dir().unwrap_or_else(|e| panic!("{e}"));
    // The wasm held back long enough to watch for the hand-over from the parsed page.
    let server = StaticServer::start_delaying(&dist, &[(".wasm", Duration::from_millis(1500))])
        .expect("serve the bundle");
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
