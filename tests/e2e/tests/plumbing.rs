//! Checks the test plumbing itself (server, chromedriver, sessions, error hook, pixel reading)
//! against hand-written pages in a temp dir, so it is known to work independently of the app.

use std::time::Duration;

use e2e::{with_browser, BrowserOptions, Page, StaticServer, TempDir};
use serde_json::json;
use thirtyfour::Key;

/// A page that behaves like the widget's chart: sizes its canvas backing store to CSS size ×
/// devicePixelRatio, draws, marks `first-chart-drawn` and flags the canvas. It also loads an
/// external script and instantiates a wasm module by streaming, which only works when the
/// server sends `application/wasm`.
const CANVAS_PAGE: &str = r#"<!doctype html>
<html><head><meta charset="utf-8"><title>plumbing</title>
<script src="/app.js" defer></script></head>
<body><canvas id="c" style="width: 400px; height: 200px; display: block"></canvas>
<select id="state" onchange="document.getElementById('picked').textContent = this.value">
  <option value="US">United States</option><option value="NJ">New Jersey</option>
</select><span id="picked">US</span>
<input id="years" type="range" min="0" max="30" step="1" value="5"
  oninput="document.getElementById('years-value').textContent = this.value + ' years'">
<span id="years-value">5 years</span>
<input id="place" type="text" value="United States"
  oninput="document.getElementById('typed').textContent = this.value"
  onkeydown="if (event.key.length > 1) document.getElementById('keys').textContent += event.key + ' '">
<span id="typed"></span><span id="keys"></span>
</body></html>"#;

const CANVAS_JS: &str = r#"
const c = document.getElementById('c');
const dpr = window.devicePixelRatio || 1;
c.width = Math.round(c.clientWidth * dpr);
c.height = Math.round(c.clientHeight * dpr);
const ctx = c.getContext('2d');
ctx.scale(dpr, dpr);
ctx.fillStyle = '#fff';
ctx.fillRect(0, 0, 400, 200);
ctx.fillStyle = '#2a6';
ctx.fillRect(40, 40, 120, 100);
ctx.strokeStyle = '#000';
ctx.beginPath(); ctx.moveTo(0, 200); ctx.lineTo(400, 0); ctx.stroke();
performance.mark('first-chart-drawn');
c.setAttribute('data-chart-drawn', 'true');
WebAssembly.instantiateStreaming(fetch('/empty.wasm'))
  .then(() => document.documentElement.setAttribute('data-wasm', 'ok'))
  .catch((e) => document.documentElement.setAttribute('data-wasm', 'failed: ' + e));
"#;

/// The smallest valid wasm module: magic number and version.
const EMPTY_WASM: &[u8] = b"\0asm\x01\0\0\0";

/// A page that commits every kind of error the hook must catch.
const ERRORS_PAGE: &str = r#"<!doctype html>
<html><head><meta charset="utf-8"><title>errors</title></head><body>
<script>
console.error('planted-console', { code: 7 });
setTimeout(() => { throw new Error('planted-throw'); }, 0);
Promise.reject(new Error('planted-rejection'));
</script>
<script src="/missing.js"></script>
</body></html>"#;

const CLEAN_PAGE: &str = r#"<!doctype html><html><head><meta charset="utf-8"><title>clean</title>
</head><body><p>nothing wrong here</p></body></html>"#;

fn fixture() -> (TempDir, StaticServer) {
    let dir = TempDir::new("plumbing").expect("temp dir");
    let p = dir.path();
    std::fs::write(p.join("index.html"), CANVAS_PAGE).unwrap();
    std::fs::write(p.join("app.js"), CANVAS_JS).unwrap();
    std::fs::write(p.join("empty.wasm"), EMPTY_WASM).unwrap();
    std::fs::write(p.join("errors.html"), ERRORS_PAGE).unwrap();
    std::fs::write(p.join("clean.html"), CLEAN_PAGE).unwrap();
    let server = StaticServer::start(p).expect("server");
    (dir, server)
}

async fn drawn_canvas(page: &Page, server: &StaticServer) -> e2e::Result<e2e::CanvasStats> {
    page.goto(&server.url("/?some=query")).await?;
    page.wait_for(
        "the canvas to be drawn",
        "document.getElementById('c').getAttribute('data-chart-drawn') === 'true'",
        Duration::from_secs(10),
    )
    .await?;
    let wasm = page
        .wait_for(
            "the wasm module to instantiate",
            "document.documentElement.getAttribute('data-wasm')",
            Duration::from_secs(10),
        )
        .await?;
    assert_eq!(
        wasm,
        json!("ok"),
        "streaming wasm compile needs application/wasm"
    );
    page.canvas_stats("#c").await
}

#[tokio::test]
async fn server_and_browser_read_canvas_pixels() {
    let (_dir, server) = fixture();
    with_browser(&BrowserOptions::default(), |page| async move {
        let stats = drawn_canvas(&page, &server).await?;
        assert_eq!(stats.device_pixel_ratio, 1.0);
        assert_eq!((stats.width, stats.height), (400, 200), "{stats:?}");
        assert_eq!(
            stats.painted,
            stats.total(),
            "white background fills every pixel"
        );
        // 120×100 green box plus an antialiased diagonal.
        assert!(stats.non_background >= 12_000, "{stats:?}");
        assert!(stats.colours > 3, "{stats:?}");
        let mark = page
            .eval(
                "return performance.getEntriesByName('first-chart-drawn')[0].startTime",
                vec![],
            )
            .await?;
        assert!(mark.as_f64().is_some_and(|t| t > 0.0), "{mark}");
        page.assert_no_errors().await
    })
    .await;
}

#[tokio::test]
async fn forced_device_scale_factor_doubles_the_backing_store() {
    let (_dir, server) = fixture();
    let opts = BrowserOptions::default().size(800, 600).scale(2.0);
    with_browser(&opts, |page| async move {
        let stats = drawn_canvas(&page, &server).await?;
        assert_eq!(stats.device_pixel_ratio, 2.0, "{stats:?}");
        assert_eq!((stats.width, stats.height), (800, 400), "{stats:?}");
        assert_eq!(stats.client_width, 400.0, "{stats:?}");
        let inner = page.eval("return window.innerWidth", vec![]).await?;
        assert_eq!(inner, json!(800), "window size is in CSS pixels");
        page.assert_no_errors().await
    })
    .await;
}

/// The interactions the widget tests rely on: picking an option, arrow keys on a slider.
#[tokio::test]
async fn select_and_slider_respond_to_user_input() {
    let (_dir, server) = fixture();
    with_browser(&BrowserOptions::default(), |page| async move {
        page.goto(&server.url("/")).await?;
        page.choose_option("#state", "NJ").await?;
        assert_eq!(page.find("#picked").await?.text().await?, "NJ");
        let slider = page.find("#years").await?;
        page.press(&slider, Key::Right).await?;
        page.press(&slider, Key::Right + Key::Right).await?;
        assert_eq!(page.find("#years-value").await?.text().await?, "8 years");
        page.press(&slider, Key::Home).await?;
        assert_eq!(slider.prop("value").await?.as_deref(), Some("0"));
        page.press(&slider, Key::End).await?;
        assert_eq!(
            e2e::first_int(&page.find("#years-value").await?.text().await?),
            Some(30)
        );
        page.assert_no_errors().await
    })
    .await;
}

/// The interactions the place picker tests rely on: typing over what a text box shows (one
/// `input` event per character), then arrow and Enter keys reaching the box.
#[tokio::test]
async fn typing_over_a_text_box_and_pressing_keys() {
    let (_dir, server) = fixture();
    with_browser(&BrowserOptions::default(), |page| async move {
        page.goto(&server.url("/")).await?;
        let input = page.find("#place").await?;
        page.type_over(&input, "Hart").await?;
        assert_eq!(input.prop("value").await?.as_deref(), Some("Hart"));
        assert_eq!(page.find("#typed").await?.text().await?, "Hart");
        page.press(&input, Key::Down).await?;
        page.press(&input, Key::Enter).await?;
        // Ctrl+A itself is a "Control" key event; the others follow in order.
        assert_eq!(
            page.find("#keys").await?.text().await?,
            "Control ArrowDown Enter"
        );
        page.type_over(&input, "new").await?;
        assert_eq!(input.prop("value").await?.as_deref(), Some("new"));
        page.assert_no_errors().await
    })
    .await;
}

/// Test 7 of the brief: without this, "zero console errors" could pass because nothing listened.
#[tokio::test]
async fn error_hook_catches_planted_errors() {
    let (_dir, server) = fixture();
    with_browser(&BrowserOptions::default(), |page| async move {
        page.goto(&server.url("/errors.html")).await?;
        page.wait_for(
            "four captured errors",
            "window.__e2eErrors && window.__e2eErrors.length >= 4",
            Duration::from_secs(10),
        )
        .await?;
        let errors = page.errors().await?;
        let has = |kind: &str, text: &str| {
            errors
                .iter()
                .any(|e| e.starts_with(kind) && e.contains(text))
        };
        assert!(has("console.error:", "planted-console"), "{errors:#?}");
        assert!(has("console.error:", "{\"code\":7}"), "{errors:#?}");
        assert!(has("uncaught:", "planted-throw"), "{errors:#?}");
        assert!(
            has("unhandledrejection:", "planted-rejection"),
            "{errors:#?}"
        );
        assert!(has("resource: <script>", "/missing.js"), "{errors:#?}");
        let failure = page.assert_no_errors().await.unwrap_err().to_string();
        assert!(failure.contains("planted-throw"), "{failure}");

        // The hook is installed anew in every document, and starts empty there.
        page.goto(&server.url("/clean.html")).await?;
        assert_eq!(page.errors().await?, Vec::<String>::new());
        page.assert_no_errors().await?;
        page.eval("console.error('planted-later'); alert('hi');", vec![])
            .await?;
        assert_eq!(page.errors().await?, vec!["console.error: planted-later"]);
        assert_eq!(page.dialogs().await?, vec!["alert(hi)"]);
        assert!(
            page.driver.get_alert_text().await.is_err(),
            "no real dialog opened"
        );
        Ok(())
    })
    .await;
}
