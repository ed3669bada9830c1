//! End-to-end tests of embedding (issue 4): the loader `embed.js`, the demo page
//! `examples/school-page.html` and the widget inside iframes, in headless Chromium.
//!
//! The widget's release bundle (`WIDGET_DIST`) is served with the strict Content-Security-Policy
//! (`STRICT_CSP`) by one server, and the host pages by another on a different port, i.e. from a
//! different origin, as on a school's site. The demo page's widget origin
//! (`http://127.0.0.1:8080`, where `cargo xtask serve` runs the widget) is rewritten to the
//! bundle server's. A third server hosts the same bundle under a sub-path (`/careers/pay/`).
//! Inside the frames the tests read the widget through WebDriver frame switching; the error hook
//! (`Page::errors`) is installed in every frame, so CSP violations there are caught too.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use e2e::frames::{
    enter, five_embeds_frames, five_embeds_page, frame_eval, leave, wait_frame_ready, Frame,
    FIVE_CAREERS, LOADER_FRAMES, PLAIN_CAREER,
};
use e2e::widget::{dist_dir, READY_TIMEOUT};
use e2e::{
    copy_dir, with_browser, BrowserOptions, Page, Result, StaticServer, TempDir, STRICT_CSP,
};
use serde_json::{json, Value};
use thirtyfour::Key;

/// The widget origin written in `examples/school-page.html`.
const DEMO_WIDGET_ORIGIN: &str = "http://127.0.0.1:8080";
/// Where the sub-path server puts the bundle.
const SUB_PATH: &str = "/careers/pay/";
/// The only message the widget may post, and the only one the loader acts on.
const HEIGHT_MESSAGE: &str = "career-pay-widget:height";
/// The sandbox the loader gives its frames (see embed.js and the README).
const SANDBOX: &str =
    "allow-scripts allow-same-origin allow-downloads allow-popups allow-popups-to-escape-sandbox";
/// The iframe title when the div gives no `data-title`: the widget names its career.
const DEFAULT_FRAME_TITLE: &str = "Medical Records Specialists: pay and job outlook";
/// Every section, in the default order, by the `data-testid` it renders for a place in a state
/// (the eleven content sections, then the widget's own "Copy link / Embed this" section). The
/// metros chart is `figure-metros` there; for the nation it is a hint, `section-metros`.
const SECTIONS: [&str; 13] = [
    "section-estimator",
    "figure-distribution",
    "section-facts",
    "figure-experience",
    "figure-states",
    "figure-metros",
    "section-metros",
    "figure-industries",
    "figure-over-time",
    "figure-comparison",
    "figure-outlook",
    "section-job",
    "section-share",
];
/// The demo's first loader instance.
const TX_TITLE: &str = "What Riverbend HIT graduates can earn in Texas";
/// How close (CSS px) the iframe's height must be to the widget's content height.
const HEIGHT_TOLERANCE: f64 = 2.0;
/// How long a height or UI change may take to settle.
const SETTLE: Duration = Duration::from_secs(10);

// ---------------------------------------------------------------------------------------------
// Servers and pages, one set per test binary.

struct Servers {
    /// The bundle at `/`, with the strict CSP.
    widget: StaticServer,
    /// The bundle at [`SUB_PATH`], with the strict CSP.
    sub_path: StaticServer,
    /// Host pages (another origin), no CSP.
    host: StaticServer,
    /// The host pages' directory: tests may add pages to it while the server runs.
    host_dir: PathBuf,
    _dirs: (TempDir, TempDir),
}

fn servers() -> &'static Servers {
    static SERVERS: OnceLock<Servers> = OnceLock::new();
    SERVERS.get_or_init(|| {
        let dist = dist_dir().unwrap_or_else(|e| panic!("{e}"));
        let csp = [("Content-Security-Policy", STRICT_CSP)];
        let widget = StaticServer::start_with_headers(&dist, &csp)
            .unwrap_or_else(|e| panic!("cannot serve {}: {e}", dist.display()));

        let nest = TempDir::new("embed-sub-path").expect("temp dir");
        let parent = nest.path().join(SUB_PATH.trim_matches('/'));
        let parent = parent.parent().expect("sub-path has a parent");
        std::fs::create_dir_all(parent).expect("sub-path directory");
        std::os::unix::fs::symlink(&dist, nest.path().join(SUB_PATH.trim_matches('/')))
            .expect("symlink to the bundle");
        let sub_path =
            StaticServer::start_with_headers(nest.path(), &csp).expect("sub-path server");

        let pages = TempDir::new("embed-host").expect("temp dir");
        let host_dir = pages.path().to_path_buf();
        let write = |name: &str, body: String| {
            std::fs::write(host_dir.join(name), body).expect("write a host page");
        };
        write("school-page.html", demo_page(&widget.origin()));
        write(
            "forged.html",
            FORGED_PAGE.replace("{WIDGET}", &sub_path.url(SUB_PATH)),
        );
        write(
            "early.html",
            EARLY_PAGE.replace("{WIDGET}", &widget.url("/")),
        );
        write(
            "hostile.html",
            HOSTILE_PAGE.replace("{WIDGET}", &widget.url("/")),
        );
        let host = StaticServer::start(&host_dir).expect("host server");
        assert_ne!(host.origin(), widget.origin());
        Servers {
            widget,
            sub_path,
            host,
            host_dir,
            _dirs: (nest, pages),
        }
    })
}

fn repo_file(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(name)
}

/// `examples/school-page.html` with its widget origin replaced by `origin`.
fn demo_page(origin: &str) -> String {
    let path = repo_file("examples/school-page.html");
    let html = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let uses = html.matches(DEMO_WIDGET_ORIGIN).count();
    // The loader script, the plain iframe, and the two fallback links inside the divs.
    assert!(
        uses >= 3,
        "the demo page should point at {DEMO_WIDGET_ORIGIN} (found {uses} uses)"
    );
    html.replace(DEMO_WIDGET_ORIGIN, origin)
}

/// A host page that counts its `message` listeners and records every message before the
/// loader arrives, includes the loader twice (from the sub-path host), has a loader div whose
/// `data-src` is a `javascript:` URL, and a plain iframe of the widget the loader did not create.
const FORGED_PAGE: &str = r#"<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>forged messages</title>
<script>
  window.__messages = [];
  addEventListener('message', (e) => {
    let data;
    try { data = JSON.parse(JSON.stringify(e.data)); } catch (_) { data = String(e.data); }
    __messages.push({ origin: e.origin, data, proto: e.data !== null && typeof e.data === 'object'
      ? Object.getPrototypeOf(e.data) === Object.prototype : null });
  });
  window.__messageListeners = 0;
  const add = EventTarget.prototype.addEventListener;
  EventTarget.prototype.addEventListener = function (type, ...rest) {
    if (this === window && type === 'message') window.__messageListeners += 1;
    return add.call(this, type, ...rest);
  };
</script></head>
<body>
  <div id="made" data-career-widget data-sections="estimator"></div>
  <div id="bad" data-career-widget data-src="javascript:alert(1)">fallback text</div>
  <iframe id="other" title="not made by the loader" src="{WIDGET}?years=7"
          style="width:100%;height:300px;border:0"></iframe>
  <script src="{WIDGET}embed.js"></script>
  <script src="{WIDGET}embed.js"></script>
</body></html>"#;

/// The loader in `<head>`, before any div exists: it must wait for `DOMContentLoaded`.
const EARLY_PAGE: &str = r#"<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>early loader</title>
<script src="{WIDGET}embed.js"></script></head>
<body><div data-career-widget data-years="2"><a href="{WIDGET}?years=2">pay</a></div></body></html>"#;

/// The title of the hostile page's widget: markup, both quotes, a dash and non-Latin text.
const HOSTILE_TITLE: &str =
    "<img src=x onerror=alert(1)> \"quoted\" 'single' — Técnicos 医疗记录 🏥";

/// Every option with a hostile value (the title is valid text that looks like markup).
const HOSTILE_PAGE: &str = r#"<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>hostile options</title></head>
<body>
  <div id="h" data-career-widget
       data-place='TX" onload="alert(1)'
       data-industry="<script>alert(1)</script>"
       data-years="99999999999999999999999999"
       data-sections="estimator,<img src=x onerror=alert(1)>,facts"
       data-accent="javascript:alert(1)"
       data-dark='"><svg onload=alert(1)>'
       data-lang="ру́сский 🦀"
       data-title="&lt;img src=x onerror=alert(1)&gt; &quot;quoted&quot; 'single' — Técnicos 医疗记录 🏥"></div>
  <script src="{WIDGET}embed.js"></script>
</body></html>"#;

// ---------------------------------------------------------------------------------------------
// Frames.

/// Demo: the Texas instance (accent, three sections, title).
const TX: Frame = Frame {
    css: LOADER_FRAMES,
    index: 0,
};
/// Demo: the hospital instance (industry, 5 years, dark, four sections).
const HOSPITAL: Frame = Frame {
    css: LOADER_FRAMES,
    index: 1,
};
/// Demo: the plain iframe (New York, 3 years).
const PLAIN: Frame = Frame {
    css: "main > iframe",
    index: 0,
};

/// Inside a frame: the widget's content height (bottom edge of `#career-pay-widget` plus its
/// bottom margin, in document coordinates), the document's scroll height and the viewport.
const CONTENT_JS: &str = r#"
const el = document.getElementById('career-pay-widget');
if (!el) return null;
const r = el.getBoundingClientRect();
const margin = parseFloat(getComputedStyle(el).marginBottom) || 0;
return { content: r.bottom + window.scrollY + margin,
         scroll: document.documentElement.scrollHeight, viewport: window.innerHeight };
"#;

/// In the top document: the rendered height of an iframe.
const FRAME_HEIGHT_JS: &str =
    "return document.querySelectorAll(arguments[0])[arguments[1]].getBoundingClientRect().height;";

#[derive(Debug, Clone, Copy, PartialEq)]
struct Fit {
    frame: f64,
    content: f64,
    scroll: f64,
    viewport: f64,
}

impl Fit {
    fn fits(&self) -> bool {
        (self.frame - self.content).abs() <= HEIGHT_TOLERANCE
            && self.scroll - self.viewport <= HEIGHT_TOLERANCE
    }
}

async fn measure(page: &Page, frame: Frame) -> Result<Fit> {
    let inside = frame_eval(page, frame, CONTENT_JS, vec![]).await?;
    let outside = page
        .eval(FRAME_HEIGHT_JS, vec![json!(frame.css), json!(frame.index)])
        .await?;
    let num = |v: &Value, k: &str| v.get(k).and_then(Value::as_f64).unwrap_or(f64::NAN);
    Ok(Fit {
        frame: outside.as_f64().unwrap_or(f64::NAN),
        content: num(&inside, "content"),
        scroll: num(&inside, "scroll"),
        viewport: num(&inside, "viewport"),
    })
}

/// Waits until the iframe is within [`HEIGHT_TOLERANCE`] of its content, twice in a row 150 ms
/// apart (so a height still on its way is not taken for the final one), and nothing inside
/// scrolls. Returns the settled measurement.
async fn assert_fits(page: &Page, frame: Frame, when: &str) -> Result<Fit> {
    let deadline = Instant::now() + SETTLE;
    let mut previous: Option<Fit> = None;
    loop {
        let fit = measure(page, frame).await?;
        if fit.fits() && previous.is_some_and(|p| p.fits() && (p.frame - fit.frame).abs() < 0.5) {
            return Ok(fit);
        }
        if Instant::now() >= deadline {
            return Err(format!(
                "{when}: the iframe {frame:?} is {} px high but the widget's content is {} px \
                 (document scroll height {}, viewport {}); allowed difference {HEIGHT_TOLERANCE} px",
                fit.frame, fit.content, fit.scroll, fit.viewport
            )
            .into());
        }
        previous = Some(fit);
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
}

/// Loads a host page and waits for the widget in each of `frames` to mount.
async fn open_host(page: &Page, path: &str, frames: &[Frame]) -> Result<()> {
    page.goto(&servers().host.url(path)).await?;
    for &frame in frames {
        wait_frame_ready(page, frame).await?;
    }
    Ok(())
}

async fn open_demo(page: &Page) -> Result<()> {
    open_host(page, "/school-page.html", &[TX, HOSPITAL, PLAIN]).await
}

/// Fails with everything the error hook caught in `frame` (CSP violations included).
async fn assert_frame_clean(page: &Page, frame: Frame) -> Result<()> {
    enter(page, frame).await?;
    let result = page.assert_no_errors().await;
    leave(page).await?;
    result.map_err(|e| format!("in {frame:?}: {e}").into())
}

/// The ids of the shown sections, in document order.
const SECTIONS_JS: &str = r#"
const ids = new Set(arguments[0]);
return [...document.querySelectorAll('[data-testid]')]
  .map((el) => el.getAttribute('data-testid'))
  .filter((id) => ids.has(id));
"#;

/// [`SECTIONS`] as shown for a place in a state: the metros chart, not the national hint.
fn in_a_state() -> Vec<&'static str> {
    SECTIONS
        .into_iter()
        .filter(|s| *s != "section-metros")
        .collect()
}

async fn sections_shown(page: &Page, frame: Frame) -> Result<Vec<String>> {
    let v = frame_eval(page, frame, SECTIONS_JS, vec![json!(SECTIONS)]).await?;
    Ok(serde_json::from_value(v)?)
}

/// Inside a frame: the three inputs as shown (the place picker's label, the industry and years
/// values).
const INPUTS_JS: &str = r#"
const v = (id) => { const el = document.querySelector(`[data-testid=${id}]`); return el ? el.value : null; };
return [v('input-place'), v('input-industry'), v('input-years')];
"#;

/// What the place picker shows for the nation.
const NATIONAL: &str = "United States (national)";

async fn inputs(page: &Page, frame: Frame) -> Result<Vec<Option<String>>> {
    let v = frame_eval(page, frame, INPUTS_JS, vec![]).await?;
    Ok(serde_json::from_value(v)?)
}

fn strings(values: &[&str]) -> Vec<Option<String>> {
    values.iter().map(|v| Some(v.to_string())).collect()
}

/// Inside a frame: the texts of the notices.
const NOTICES_JS: &str = r#"return [...document.querySelectorAll(
  '[role=status][data-testid=notices] [data-testid=notice]')].map((n) => n.textContent.trim());"#;

async fn notices(page: &Page, frame: Frame) -> Result<Vec<String>> {
    let v = frame_eval(page, frame, NOTICES_JS, vec![]).await?;
    Ok(serde_json::from_value(v)?)
}

/// Inside a frame: the computed accent, theme and fonts.
const LOOK_JS: &str = r#"
const badge = document.querySelector('.cpw-badge');
const cs = (el, p) => el ? getComputedStyle(el).getPropertyValue(p).trim() : null;
const bg = (el) => { for (; el; el = el.parentElement) { const c = cs(el, 'background-color');
  if (c && c !== 'rgba(0, 0, 0, 0)' && c !== 'transparent') return c; } return 'rgb(255, 255, 255)'; };
const root = document.getElementById('career-pay-widget');
const canvas = document.querySelector('canvas');
return { badge: cs(badge, 'background-color'), accentVar: cs(document.documentElement, '--cpw-accent'),
  dark: document.documentElement.classList.contains('cpw-dark'), background: bg(root),
  font: cs(document.body, 'font-family'), rootDisplay: cs(root, 'display'),
  canvasFilter: canvas ? cs(canvas, 'filter') : 'none', text: document.body.textContent };
"#;

/// Relative luminance of an `rgb(...)`/`rgba(...)` colour (0 = black, 1 = white).
fn luminance(css: &str) -> Option<f64> {
    let inner = css.split_once('(')?.1.trim_end_matches(')');
    let channels: Vec<f64> = inner
        .split(',')
        .take(3)
        .map(|c| c.trim().parse::<f64>().ok())
        .collect::<Option<_>>()?;
    let lin = |c: f64| {
        let c = c / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    Some(0.2126 * lin(channels[0]) + 0.7152 * lin(channels[1]) + 0.0722 * lin(channels[2]))
}

fn text_of<'a>(v: &'a Value, key: &str) -> &'a str {
    v.get(key).and_then(Value::as_str).unwrap_or("")
}

// ---------------------------------------------------------------------------------------------
// Tests.

/// The loader keeps each iframe's height equal to the widget's content: after load, after the
/// window shrinks to 420 px (the content reflows taller), and after a data table opens.
#[tokio::test]
async fn loader_frames_follow_the_content_height() {
    with_browser(&BrowserOptions::default(), |page| async move {
        open_demo(&page).await?;
        let tx = assert_fits(&page, TX, "after load").await?;
        let hospital = assert_fits(&page, HOSPITAL, "after load").await?;
        assert_frame_clean(&page, TX).await?;
        // Not the loader's initial 900 px: each widget really reported its height.
        for fit in [tx, hospital] {
            assert!(
                (fit.frame - 900.0).abs() > 1.0,
                "a frame still has the loader's initial height: {fit:?}"
            );
        }

        // Headless Firefox keeps a window at least 500 px wide: narrow enough to reflow.
        page.driver.set_window_rect(0, 0, 420, 900).await?;
        page.wait_for(
            "the window to be at most 500 px wide",
            "window.innerWidth <= 500",
            SETTLE,
        )
        .await?;
        let narrow = assert_fits(&page, TX, "after resizing to 420 px").await?;
        assert!(
            narrow.frame > tx.frame,
            "at 420 px the Texas widget should be taller than at 1280 px ({} vs {})",
            narrow.frame,
            tx.frame
        );
        assert_fits(&page, HOSPITAL, "after resizing to 420 px").await?;
        assert_frame_clean(&page, TX)
            .await
            .map_err(|e| format!("after resizing to 420 px: {e}"))?;

        // Open the states chart's "Show data" table inside the Texas frame.
        enter(&page, TX).await?;
        // Scrolled into view first, as a reader would: Chromium does not run rendering (so no
        // ResizeObserver, so no height message) for a cross-origin frame that is off screen.
        // Then clicked from script: a WebDriver click aims at where the summary was a moment
        // ago, and a frame still settling its height can move a chart bar under that point (it
        // once chose a state instead of opening the table).
        page.find("details[data-testid=data-states] > summary")
            .await?
            .scroll_into_view()
            .await?;
        page.eval(
            "document.querySelector('details[data-testid=data-states] > summary').click(); return true;",
            vec![],
        )
        .await?;
        page.wait_for(
            "the states data table to open",
            "document.querySelector('details[data-testid=data-states]').open",
            SETTLE,
        )
        .await?;
        leave(&page).await?;
        let open = assert_fits(&page, TX, "after opening the states data table").await?;
        assert!(
            open.frame > narrow.frame + 100.0,
            "the table should make the frame taller ({} -> {})",
            narrow.frame,
            open.frame
        );

        for frame in [TX, HOSPITAL, PLAIN] {
            assert_frame_clean(&page, frame).await?;
        }
        page.assert_no_errors().await
    })
    .await;
}

/// The demo's options reach the widget (accent, sections and their order, dark theme, title,
/// inputs), the frames look as the loader made them, and none of the page's hostile CSS gets in.
#[tokio::test]
async fn demo_options_apply_and_host_css_stays_out() {
    with_browser(&BrowserOptions::default(), |page| async move {
        open_demo(&page).await?;
        let widget = servers().widget.origin();

        // The frames the loader made, seen from the host.
        let attrs = page
            .eval(
                r#"return [...document.querySelectorAll(arguments[0])].map((f) => {
                     const s = getComputedStyle(f);
                     const box = f.parentElement.getBoundingClientRect();
                     const pad = parseFloat(getComputedStyle(f.parentElement).paddingLeft)
                       + parseFloat(getComputedStyle(f.parentElement).paddingRight);
                     return { src: f.src, title: f.title, sandbox: f.getAttribute('sandbox'),
                       referrer: f.getAttribute('referrerpolicy'), allow: f.getAttribute('allow'),
                       scrolling: f.getAttribute('scrolling'), loading: f.getAttribute('loading'),
                       border: s.borderTopWidth + ' ' + s.borderLeftStyle, radius: s.borderTopLeftRadius,
                       shadow: s.boxShadow, margin: s.marginTop, display: s.display,
                       width: f.getBoundingClientRect().width,
                       room: box.width - pad - parseFloat(getComputedStyle(f.parentElement).borderLeftWidth)
                         - parseFloat(getComputedStyle(f.parentElement).borderRightWidth),
                       siblings: f.parentElement.children.length };
                   });"#,
                vec![json!(LOADER_FRAMES)],
            )
            .await?;
        let frames = attrs.as_array().cloned().unwrap_or_default();
        assert_eq!(frames.len(), 2, "two loader frames: {attrs}");
        for f in &frames {
            assert!(text_of(f, "src").starts_with(&format!("{widget}/?")), "{f}");
            assert_eq!(text_of(f, "sandbox"), SANDBOX, "{f}");
            assert_eq!(text_of(f, "referrer"), "no-referrer", "{f}");
            assert_eq!(text_of(f, "allow"), "clipboard-write", "{f}");
            assert_eq!(text_of(f, "scrolling"), "no", "{f}");
            assert_eq!(text_of(f, "loading"), "eager", "{f}");
            // The page's `iframe { border: 7px ridge ...!important; border-radius; box-shadow;
            // margin; max-width: 55% }` and `div[data-career-widget] * { display: inline }`
            // must not change the loader's frames.
            assert_eq!(text_of(f, "border"), "0px none", "{f}");
            assert_eq!(text_of(f, "radius"), "0px", "{f}");
            assert_eq!(text_of(f, "shadow"), "none", "{f}");
            assert_eq!(text_of(f, "margin"), "0px", "{f}");
            assert_eq!(text_of(f, "display"), "block", "{f}");
            let (width, room) = (
                f["width"].as_f64().unwrap_or(0.0),
                f["room"].as_f64().unwrap_or(-1.0),
            );
            assert!((width - room).abs() <= 1.0, "frame not full width: {f}");
            assert_eq!(f["siblings"], json!(1), "the fallback link stays: {f}");
        }
        assert_eq!(text_of(&frames[0], "title"), TX_TITLE);
        // The widget tells the loader its title with its height.
        page.wait_for(
            "the untitled frame to be named after its career",
            &format!(
                "document.querySelectorAll('{LOADER_FRAMES}')[1].title === '{DEFAULT_FRAME_TITLE}'"
            ),
            SETTLE,
        )
        .await?;

        // Texas: accent, three sections in order, the title, light theme.
        let tx = frame_eval(&page, TX, LOOK_JS, vec![]).await?;
        assert_eq!(text_of(&tx, "badge"), "rgb(122, 31, 92)", "accent #7a1f5c");
        assert!(
            text_of(&tx, "accentVar")
                .to_ascii_lowercase()
                .contains("7a1f5c"),
            "{tx}"
        );
        assert_eq!(tx["dark"], json!(false));
        assert!(
            text_of(&tx, "text").contains(TX_TITLE),
            "the title is not shown"
        );
        assert!(
            !text_of(&tx, "font").contains("Comic"),
            "host font inside: {tx}"
        );
        assert_ne!(text_of(&tx, "rootDisplay"), "none", "host CSS hid the widget");
        assert_eq!(
            text_of(&tx, "canvasFilter"),
            "none",
            "host filter reached a canvas"
        );
        assert_eq!(
            sections_shown(&page, TX).await?,
            ["section-estimator", "figure-distribution", "figure-states"]
        );
        assert_eq!(inputs(&page, TX).await?, strings(&["Texas", "all", "0"]));

        // Hospital: industry, 5 years, four sections in order, dark.
        let hospital = frame_eval(&page, HOSPITAL, LOOK_JS, vec![]).await?;
        assert_eq!(hospital["dark"], json!(true), "{hospital}");
        let background = text_of(&hospital, "background");
        assert!(
            luminance(background).is_some_and(|l| l < 0.1),
            "the dark widget's background is {background}"
        );
        // The dark theme may lighten the default accent for contrast; the host's lime may not.
        assert!(
            !text_of(&hospital, "badge").is_empty()
                && text_of(&hospital, "badge") != "rgb(0, 255, 0)",
            "{hospital}"
        );
        assert_eq!(
            sections_shown(&page, HOSPITAL).await?,
            [
                "section-estimator",
                "figure-experience",
                "figure-industries",
                "figure-outlook"
            ]
        );
        assert_eq!(
            inputs(&page, HOSPITAL).await?,
            // The demo's old industry slug, read as its OEWS code.
            strings(&[NATIONAL, "622100", "5"])
        );

        // The plain iframe: its query, every section, light theme (headless prefers light).
        assert_eq!(inputs(&page, PLAIN).await?, strings(&["New York", "all", "3"]));
        assert_eq!(sections_shown(&page, PLAIN).await?, in_a_state());
        let plain = frame_eval(&page, PLAIN, LOOK_JS, vec![]).await?;
        assert!(
            luminance(text_of(&plain, "background")).is_some_and(|l| l > 0.8),
            "{plain}"
        );

        for frame in [TX, HOSPITAL, PLAIN] {
            assert_eq!(
                notices(&page, frame).await?,
                Vec::<String>::new(),
                "{frame:?}"
            );
        }
        // And nothing of the widget reaches the host: its only stylesheet is its own.
        let host = page
            .eval(
                "return { sheets: document.styleSheets.length, links: document.querySelectorAll('link').length,
                          h1: getComputedStyle(document.querySelector('h1')).fontFamily }",
                vec![],
            )
            .await?;
        assert_eq!(host["sheets"], json!(1), "{host}");
        assert_eq!(host["links"], json!(0), "{host}");
        assert!(text_of(&host, "h1").contains("Impact"), "{host}");
        page.assert_no_errors().await
    })
    .await;
}

/// Under the strict CSP, nothing is violated in any frame; the widget requests nothing from any
/// origin but its own; nobody writes cookies or storage; the loader itself requests nothing.
#[tokio::test]
async fn frames_run_isolated_under_the_strict_csp() {
    with_browser(&BrowserOptions::default(), |page| async move {
        open_demo(&page).await?;
        let widget = servers().widget.origin();
        let storage_js = r#"return Promise.all([
              indexedDB.databases ? indexedDB.databases() : [],
              typeof caches === 'undefined' ? [] : caches.keys(),
            ]).then(([dbs, caches]) => ({ cookie: document.cookie, local: localStorage.length,
              session: sessionStorage.length, dbs: dbs.length, caches: caches.length }));"#;
        let empty = json!({ "cookie": "", "local": 0, "session": 0, "dbs": 0, "caches": 0 });
        for frame in [TX, HOSPITAL, PLAIN] {
            assert_frame_clean(&page, frame).await?;
            let requests = frame_eval(
                &page,
                frame,
                "return performance.getEntriesByType('resource').map((e) => e.name)
                   .concat(performance.getEntriesByType('navigation').map((e) => e.name));",
                vec![],
            )
            .await?;
            let requests: Vec<String> = serde_json::from_value(requests)?;
            assert!(
                requests.iter().any(|r| r.ends_with(".wasm")),
                "{frame:?}: no wasm among {requests:#?}"
            );
            let foreign: Vec<&String> = requests
                .iter()
                .filter(|r| !r.starts_with(&format!("{widget}/")))
                .collect();
            assert!(
                foreign.is_empty(),
                "{frame:?} requested other origins: {foreign:#?}"
            );
            assert_eq!(
                frame_eval(&page, frame, storage_js, vec![]).await?,
                empty,
                "{frame:?}"
            );
        }
        assert_eq!(page.eval(storage_js, vec![]).await?, empty, "host page");
        // The browser's cookie jar (every origin) is empty.
        let jar = page.cookie_jar().await?;
        assert!(jar.is_empty(), "cookies were set: {jar:?}");
        // The host page requested the loader and framed the widget: nothing else (but the
        // browser's own favicon request).
        let host_requests = page
            .eval(
                "return performance.getEntriesByType('resource')
                   .filter((e) => e.initiatorType !== 'iframe' && !e.name.endsWith('/favicon.ico'))
                   .map((e) => e.name);",
                vec![],
            )
            .await?;
        assert_eq!(host_requests, json!([format!("{widget}/embed.js")]));

        // The hook and the CSP are really live inside the frames: an inline script is refused.
        enter(&page, TX).await?;
        page.eval(
            "const s = document.createElement('script'); s.textContent = 'window.__ran = 1';
             document.head.append(s);",
            vec![],
        )
        .await?;
        let caught = page
            .wait_for(
                "the planted CSP violation",
                "window.__e2eErrors.find((e) => e.startsWith('csp:'))",
                SETTLE,
            )
            .await?;
        let ran = page.eval("return window.__ran === 1", vec![]).await?;
        leave(&page).await?;
        assert!(
            caught.as_str().is_some_and(|c| c.contains("script-src")),
            "{caught}"
        );
        assert_eq!(ran, json!(false), "an inline script ran under the CSP");
        page.assert_no_errors().await
    })
    .await;
}

/// An input changed inside the frame lands in the frame's URL with every option; loading that
/// URL shows the same view; the "Embed this" snippets, pasted into a page, show it too.
#[tokio::test]
async fn url_round_trip_and_embed_snippets_reproduce_the_view() {
    with_browser(&BrowserOptions::default(), |page| async move {
        open_demo(&page).await?;
        enter(&page, TX).await?;
        page.choose_option("select[data-testid=input-industry]", "621100")
            .await?;
        let slider = page
            .find("input[type=range][data-testid=input-years]")
            .await?;
        page.press(&slider, Key::Right + Key::Right + Key::Right + Key::Right)
            .await?;
        let query = page
            .wait_for(
                "the frame's URL to carry the new inputs",
                "(() => { const q = new URLSearchParams(location.search);
                   return q.get('industry') === '621100' && q.get('years') === '4'
                     && Object.fromEntries(q); })()",
                SETTLE,
            )
            .await?;
        let href = page.eval("return location.href", vec![]).await?;
        let annual = page.text("estimate-annual").await?;
        leave(&page).await?;

        assert_eq!(text_of(&query, "place"), "TX", "{query}");
        // The demo's `data-state` is written back under its current name only.
        assert!(query.get("state").is_none(), "{query}");
        assert_eq!(
            text_of(&query, "sections"),
            "estimator,distribution,states",
            "{query}"
        );
        assert_eq!(
            text_of(&query, "accent").trim_start_matches('#'),
            "7a1f5c",
            "{query}"
        );
        assert_eq!(text_of(&query, "title"), TX_TITLE, "{query}");
        assert_frame_clean(&page, TX).await?;

        // The copied link, opened on its own (top level, no loader).
        let href = href.as_str().ok_or("no href")?.to_string();
        let widget = servers().widget.url("/");
        assert!(href.starts_with(&widget), "{href}");
        page.goto(&href).await?;
        wait_top_ready(&page).await?;
        let look = page.eval(LOOK_JS, vec![]).await?;
        assert_eq!(
            page.eval(INPUTS_JS, vec![]).await?,
            json!(["Texas", "621100", "4"])
        );
        assert_eq!(
            page.eval(SECTIONS_JS, vec![json!(SECTIONS)]).await?,
            json!(["section-estimator", "figure-distribution", "figure-states"])
        );
        assert_eq!(text_of(&look, "badge"), "rgb(122, 31, 92)");
        assert!(text_of(&look, "text").contains(TX_TITLE));
        assert_eq!(page.text("estimate-annual").await?, annual);
        page.assert_no_errors().await?;

        // "Embed this" (shown with every section): both snippets, for the current inputs,
        // pasted into a page of the host's, show the same view.
        page.goto(&format!("{widget}?place=NY&years=3")).await?;
        wait_top_ready(&page).await?;
        page.choose_option("select[data-testid=input-industry]", "541100")
            .await?;
        page.wait_for(
            "the URL to carry the industry",
            "new URLSearchParams(location.search).get('industry') === '541100'",
            SETTLE,
        )
        .await?;
        let snippets = page
            .eval(
                "return [document.querySelector('[data-testid=embed-snippet-loader]').value,
                         document.querySelector('[data-testid=embed-snippet-iframe]').value];",
                vec![],
            )
            .await?;
        let loader = snippets[0].as_str().unwrap_or_default();
        let iframe = snippets[1].as_str().unwrap_or_default();
        assert!(
            loader.contains("data-career-widget")
                && loader.contains("data-place=\"NY\"")
                && loader.contains("data-industry=\"541100\"")
                && loader.contains(&format!("{widget}embed.js")),
            "loader snippet: {loader}"
        );
        assert!(
            iframe.contains("<iframe")
                && iframe.contains(&widget)
                && iframe.contains("place=NY&amp;industry=541100&amp;years=3"),
            "iframe snippet: {iframe}"
        );
        let pasted = format!(
            "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>pasted</title>\
             </head><body>\n{loader}\n{iframe}\n</body></html>"
        );
        std::fs::write(servers().host_dir.join("pasted.html"), pasted)?;
        let pasted_loader = Frame {
            css: LOADER_FRAMES,
            index: 0,
        };
        let pasted_iframe = Frame {
            css: "body > iframe",
            index: 0,
        };
        open_host(&page, "/pasted.html", &[pasted_loader, pasted_iframe]).await?;
        for frame in [pasted_loader, pasted_iframe] {
            assert_eq!(
                inputs(&page, frame).await?,
                strings(&["New York", "541100", "3"]),
                "{frame:?}"
            );
            assert_eq!(
                sections_shown(&page, frame).await?,
                in_a_state(),
                "{frame:?}"
            );
            assert_frame_clean(&page, frame).await?;
        }
        assert_fits(&page, pasted_loader, "the pasted loader snippet").await?;
        page.assert_no_errors().await
    })
    .await;
}

async fn wait_top_ready(page: &Page) -> Result<()> {
    page.wait_for(
        "the widget to mount",
        "document.documentElement.getAttribute('data-widget-ready') === 'true'",
        READY_TIMEOUT,
    )
    .await?;
    Ok(())
}

/// Hostile option values (markup, quotes, huge numbers, unicode, a `javascript:` accent) reach
/// the widget intact, fall back to defaults with a notice each, and inject nothing anywhere.
#[tokio::test]
async fn hostile_option_values_become_notices_not_markup() {
    with_browser(&BrowserOptions::default(), |page| async move {
        let frame = Frame {
            css: LOADER_FRAMES,
            index: 0,
        };
        open_host(&page, "/hostile.html", &[frame]).await?;

        // The loader passed every value through unchanged (encoded, not interpreted).
        let passed = page
            .eval(
                "const f = document.querySelector('#h > iframe'); const q = new URL(f.src).searchParams;
                 const d = document.getElementById('h');
                 return { same: ['place','industry','years','sections','accent','dark','lang','title']
                            .every((n) => q.get(n) === d.getAttribute('data-' + n)),
                          title: f.title, children: d.children.length, frames: document.querySelectorAll('iframe').length };",
                vec![],
            )
            .await?;
        assert_eq!(
            passed,
            json!({ "same": true, "title": HOSTILE_TITLE, "children": 1, "frames": 1 })
        );

        // Seven bad options, seven notices; the title is text, shown as it is.
        let shown = notices(&page, frame).await?;
        assert!(
            shown.len() >= 7 && shown.iter().all(|n| !n.is_empty()),
            "expected a notice for each of place, industry, years, sections, accent, dark \
             and lang: {shown:#?}"
        );
        assert_eq!(
            inputs(&page, frame).await?,
            strings(&[NATIONAL, "all", "0"]),
            "defaults"
        );
        let look = frame_eval(&page, frame, LOOK_JS, vec![]).await?;
        assert_eq!(
            text_of(&look, "badge"),
            "rgb(11, 92, 173)",
            "the default accent"
        );
        assert!(
            text_of(&look, "text").contains(HOSTILE_TITLE),
            "the title is not shown as text"
        );
        let injected = frame_eval(
            &page,
            frame,
            r#"const all = [...document.querySelectorAll('*')];
               return { handlers: all.filter((el) => [...el.attributes].some((a) => a.name.startsWith('on')))
                          .map((el) => el.outerHTML.slice(0, 80)),
                        imgs: document.querySelectorAll('img[src=x], svg[onload]').length,
                        inlineScripts: [...document.scripts].filter((s) => !s.src).length,
                        alerts: [...document.scripts].filter((s) => s.textContent.includes('alert')).length,
                        accentVar: getComputedStyle(document.documentElement).getPropertyValue('--cpw-accent') };"#,
            vec![],
        )
        .await?;
        assert_eq!(injected["handlers"], json!([]), "{injected}");
        assert_eq!(injected["imgs"], json!(0), "{injected}");
        assert_eq!(injected["inlineScripts"], json!(0), "{injected}");
        assert_eq!(injected["alerts"], json!(0), "{injected}");
        assert!(
            !text_of(&injected, "accentVar").contains("javascript"),
            "{injected}"
        );
        assert_frame_clean(&page, frame).await?; // also fails on a recorded alert()
        assert!(page.driver.get_alert_text().await.is_err(), "a dialog is open");
        page.assert_no_errors().await
    })
    .await;
}

/// The loader acts only on well-formed height messages from frames it made (not the page
/// itself, not an iframe it did not create, not a bad shape); included twice it makes one frame
/// per div and one listener; a `javascript:` `data-src` makes no frame; and the widget posts
/// nothing but its height. Served from a sub-path, under the strict CSP.
#[tokio::test]
async fn loader_ignores_forged_messages_and_is_safe_to_include_twice() {
    with_browser(&BrowserOptions::default(), |page| async move {
        let made = Frame {
            css: "#made > iframe",
            index: 0,
        };
        let other = Frame {
            css: "#other",
            index: 0,
        };
        open_host(&page, "/forged.html", &[made, other]).await?;
        let settled = assert_fits(&page, made, "after load, with a second widget posting").await?;
        let sub = servers().sub_path.url(SUB_PATH);

        let state = page
            .eval(
                r#"return { listeners: window.__messageListeners,
                   frames: document.querySelectorAll('iframe').length,
                   made: document.getElementById('made').children.length,
                   src: document.querySelector('#made > iframe').src,
                   bad: document.getElementById('bad').innerHTML.trim(),
                   loader: typeof window[Symbol.for('career-pay-widget.loader')],
                   requests: performance.getEntriesByType('resource')
                     .filter((e) => e.initiatorType !== 'iframe' && !e.name.endsWith('/favicon.ico'))
                     .map((e) => e.name),
                   messages: window.__messages.slice() };"#,
                vec![],
            )
            .await?;
        assert_eq!(
            state["listeners"],
            json!(1),
            "one message listener: {state}"
        );
        assert_eq!(
            state["frames"],
            json!(2),
            "#made's frame and #other: {state}"
        );
        assert_eq!(state["made"], json!(1), "{state}");
        assert!(
            text_of(&state, "src").starts_with(&format!("{sub}?")),
            "the widget is framed from the loader's own directory: {state}"
        );
        assert_eq!(
            state["bad"],
            json!("fallback text"),
            "javascript: was framed"
        );
        assert_eq!(state["loader"], json!("function"));
        for r in state["requests"].as_array().into_iter().flatten() {
            assert_eq!(
                r.as_str(),
                Some(format!("{sub}embed.js").as_str()),
                "{state}"
            );
        }
        // Everything the widgets posted so far: height messages with the page's title, nothing
        // else.
        let messages = state["messages"].as_array().cloned().unwrap_or_default();
        assert!(messages.len() >= 2, "both widgets report a height: {state}");
        for m in &messages {
            assert_eq!(m["origin"], json!(servers().sub_path.origin()), "{m}");
            assert_eq!(m["proto"], json!(true), "{m}");
            let data = m["data"].as_object().cloned().unwrap_or_default();
            let mut keys: Vec<&String> = data.keys().collect();
            keys.sort();
            assert_eq!(keys, ["height", "title", "type"], "{m}");
            assert_eq!(data["type"], json!(HEIGHT_MESSAGE), "{m}");
            assert_eq!(data["title"], json!(DEFAULT_FRAME_TITLE), "{m}");
            assert!(data["height"].as_u64().is_some(), "integer height: {m}");
        }

        let frame_height = || async {
            Ok::<f64, e2e::Error>(
                page.eval(FRAME_HEIGHT_JS, vec![json!(made.css), json!(0)])
                    .await?
                    .as_f64()
                    .unwrap_or(f64::NAN),
            )
        };
        let unchanged = |what: &'static str| {
            let frame_height = &frame_height;
            async move {
                tokio::time::sleep(Duration::from_millis(300)).await;
                let now = frame_height().await?;
                if (now - settled.frame).abs() > 0.5 {
                    return Err::<(), e2e::Error>(
                        format!("{what} changed the height: {} -> {now}", settled.frame).into(),
                    );
                }
                Ok(())
            }
        };
        let post = |data: &str| {
            format!("parent.postMessage({data}, '*'); return true;").replace("TYPE", HEIGHT_MESSAGE)
        };

        // 1. The host page posting to itself.
        page.eval(
            &post("{ type: 'TYPE', height: 4321 }").replace("parent.", "window."),
            vec![],
        )
        .await?;
        unchanged("a message from the host page itself").await?;
        // 2. An iframe the loader did not create, from the widget's own origin.
        frame_eval(
            &page,
            other,
            &post("{ type: 'TYPE', height: 4321 }"),
            vec![],
        )
        .await?;
        unchanged("a message from a frame the loader did not create").await?;
        // 3. The right frame, wrong shapes.
        for bad in [
            "{ type: 'TYPE', height: '4321' }",
            "{ type: 'TYPE', height: 49 }",
            "{ type: 'TYPE', height: 20001 }",
            "{ type: 'TYPE', height: Infinity }",
            "{ type: 'TYPE', height: NaN }",
            "{ type: 'TYPE', height: -4321 }",
            "{ type: 'TYPE' }",
            "{ type: 'other', height: 4321 }",
            "{ type: 'TYPE ', height: 4321 }",
            "['TYPE', 4321]",
            "'TYPE'",
            "null",
            "new Map([['type', 'TYPE'], ['height', 4321]])",
            "new Date(4321)",
        ] {
            frame_eval(&page, made, &post(bad), vec![]).await?;
        }
        unchanged("a malformed message from the loader's own frame").await?;
        // 4. The right frame, the right shape: applied, rounded up.
        frame_eval(
            &page,
            made,
            &post("{ type: 'TYPE', height: 1234.2 }"),
            vec![],
        )
        .await?;
        let deadline = Instant::now() + SETTLE;
        loop {
            let h = frame_height().await?;
            if h == 1235.0 {
                break;
            }
            if Instant::now() >= deadline {
                return Err(format!("a valid message did not set the height: {h}").into());
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }

        assert_frame_clean(&page, made).await?;
        assert_frame_clean(&page, other).await?;
        page.assert_no_errors().await?;

        // Loaded in <head>, before the div exists, the loader frames it on DOMContentLoaded.
        let early = Frame {
            css: LOADER_FRAMES,
            index: 0,
        };
        open_host(&page, "/early.html", &[early]).await?;
        assert_eq!(inputs(&page, early).await?, strings(&[NATIONAL, "all", "2"]));
        assert_frame_clean(&page, early).await?;
        page.assert_no_errors().await
    })
    .await;
}

/// The bundle boots from a sub-path under the strict CSP through boot.js, with Trunk's SRI
/// hashes in place and used (the wasm's link is inert above a prerendered view, and boot.js
/// fetches it with the link's hash): no inline script, every request under the sub-path.
#[tokio::test]
async fn widget_boots_from_a_sub_path_under_the_strict_csp() {
    with_browser(&BrowserOptions::default(), |page| async move {
        let sub = servers().sub_path.url(SUB_PATH);
        page.goto(&format!("{sub}?place=NJ&years=5")).await?;
        page.wait_for(
            "the widget to mount under the sub-path",
            "document.documentElement.getAttribute('data-widget-ready') === 'true'",
            READY_TIMEOUT,
        )
        .await?;
        let facts = page
            .eval(
                r#"const res = performance.getEntriesByType('resource').map((e) => e.name)
                     .filter((name) => !name.endsWith('/favicon.ico')); // the browser's, not the page's
                   const boot = document.querySelector('script[type=module][data-js][data-wasm]');
                   const pre = (sel) => [...document.querySelectorAll(sel)].map((l) => ({
                     href: l.href, integrity: l.integrity, crossorigin: l.getAttribute('crossorigin') }));
                   return { res, inline: [...document.scripts].filter((s) => !s.src).length,
                     scripts: [...document.scripts].map((s) => s.src),
                     boot: boot && { src: boot.src, js: boot.dataset.js, wasm: boot.dataset.wasm },
                     modulepreload: pre('link[rel=modulepreload]'), preload: pre('link[as=fetch]'),
                     place: document.querySelector('[data-testid=input-place]').value };"#,
                vec![],
            )
            .await?;
        assert_eq!(facts["inline"], json!(0), "an inline script: {facts}");
        // boot.js, and guard.js, which hides the prerendered view when the URL asks for another.
        let mut scripts: Vec<String> = serde_json::from_value(facts["scripts"].clone())?;
        scripts.sort();
        assert_eq!(scripts, [format!("{sub}boot.js"), format!("{sub}guard.js")], "{facts}");
        assert_eq!(facts["place"], json!("New Jersey"));
        let res: Vec<String> = serde_json::from_value(facts["res"].clone())?;
        assert!(
            res.iter().all(|r| r.starts_with(&sub)),
            "a request outside {sub}: {res:#?}"
        );
        for (kind, ext) in [("modulepreload", ".js"), ("preload", ".wasm")] {
            let links = facts[kind].as_array().cloned().unwrap_or_default();
            assert_eq!(links.len(), 1, "{kind}: {facts}");
            let link = &links[0];
            assert!(
                text_of(link, "href").starts_with(&sub) && text_of(link, "href").ends_with(ext),
                "{link}"
            );
            assert!(
                text_of(link, "integrity").starts_with("sha384-"),
                "no SRI: {link}"
            );
            // Fetched once: the app used the link's request (a mismatch would fetch it twice).
            let fetched = res
                .iter()
                .filter(|r| r.as_str() == text_of(link, "href"))
                .count();
            assert_eq!(fetched, 1, "{} fetched {fetched} times", text_of(link, "href"));
        }
        let boot = &facts["boot"];
        assert_eq!(text_of(boot, "src"), format!("{sub}boot.js"));
        assert!(
            facts["preload"][0]["href"]
                .as_str()
                .is_some_and(|h| h.ends_with(text_of(boot, "wasm"))),
            "{facts}"
        );
        page.assert_no_errors().await
    })
    .await;
}

/// boot.js really uses the SRI hash: a bundle whose wasm was altered after the build does not
/// start, and says why, instead of running the altered code.
#[tokio::test]
async fn an_altered_wasm_is_refused_by_its_integrity_hash() {
    let dist = dist_dir().unwrap_or_else(|e| panic!("{e}"));
    let copy = TempDir::new("embed-tampered").expect("temp dir");
    copy_dir(&dist, copy.path()).expect("copy the bundle");
    let wasm = std::fs::read_dir(copy.path())
        .expect("list the copy")
        .flatten()
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|e| e == "wasm"))
        .expect("a .wasm in the bundle");
    let mut bytes = std::fs::read(&wasm).expect("read the wasm");
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x01;
    std::fs::write(&wasm, bytes).expect("write the altered wasm");
    let server =
        StaticServer::start_with_headers(copy.path(), &[("Content-Security-Policy", STRICT_CSP)])
            .expect("serve the altered bundle");
    with_browser(&BrowserOptions::default(), |page| async move {
        page.goto(&server.url("/")).await?;
        let errors = page
            .wait_for(
                "the integrity failure to be reported",
                "window.__e2eErrors.length > 0 && window.__e2eErrors",
                SETTLE,
            )
            .await?;
        tokio::time::sleep(Duration::from_millis(300)).await;
        let ready = page
            .eval(
                "return document.documentElement.getAttribute('data-widget-ready')",
                vec![],
            )
            .await?;
        assert_eq!(ready, Value::Null, "the altered wasm ran: {errors}");
        assert!(
            errors.to_string().contains(".wasm") || errors.to_string().contains("fetch"),
            "the failure does not point at the wasm: {errors}"
        );
        // And the reader is told, under the strict CSP too (tests/faults.rs has the rest).
        let told = page
            .eval(
                "const m = document.querySelector('[data-testid=widget-failed]'); \
                 return !!m && m.innerText;",
                vec![],
            )
            .await?;
        assert!(
            told.as_str()
                .is_some_and(|t| t.contains("could not be loaded")),
            "{told}"
        );
        Ok(())
    })
    .await;
}

/// The loader is at most 4 KB, is copied into the bundle unchanged, and has no way to write
/// markup, cookies or storage, or to make a request of its own.
#[test]
fn loader_is_small_and_touches_nothing() {
    let source = std::fs::read(repo_file("embed.js")).expect("embed.js at the repository root");
    assert!(
        source.len() <= 4096,
        "embed.js is {} bytes, over 4096",
        source.len()
    );
    let dist = dist_dir().unwrap_or_else(|e| panic!("{e}"));
    let built = std::fs::read(dist.join("embed.js")).expect("embed.js in the bundle");
    assert_eq!(
        built, source,
        "the bundle's embed.js differs from the repository's"
    );
    let text = String::from_utf8(source).expect("UTF-8");
    for banned in [
        "innerHTML",
        "outerHTML",
        "insertAdjacentHTML",
        "document.write",
        "document.cookie",
        "localStorage",
        "sessionStorage",
        "indexedDB",
        "fetch(",
        "XMLHttpRequest",
        "sendBeacon",
        "eval(",
        "Function(",
        "import(",
    ] {
        assert!(!text.contains(banned), "embed.js uses {banned}");
    }
}

/// The widget obeys no message: it posts its height and listens to nothing, so a host page (or
/// any frame of another origin) that posts it commands, forged heights or junk changes nothing:
/// not its inputs, not its URL, not its figures, and nothing breaks.
#[tokio::test]
async fn no_other_frame_can_drive_the_widget() {
    with_browser(&BrowserOptions::default(), |page| async move {
        open_demo(&page).await?;
        let read = "return [location.search, \
                    document.querySelector('[data-testid=estimate-annual]').textContent, \
                    document.querySelector('[data-testid=input-years]').value];";
        let before = frame_eval(&page, TX, read, vec![]).await?;
        page.eval(
            r#"const target = document.querySelectorAll(arguments[0])[0].contentWindow;
               for (const message of [
                 { type: 'career-pay-widget:height', height: 60 },
                 { type: 'career-pay-widget:set', place: 'NJ', years: 30 },
                 { place: 'NJ', industry: '622000', years: 30 },
                 'place=NJ&years=30', '?years=30', null, 42, [1, 2],
                 { __proto__: null, type: 'career-pay-widget:height', height: 1e9 },
               ]) target.postMessage(message, '*');
               return true;"#,
            vec![json!(LOADER_FRAMES)],
        )
        .await?;
        tokio::time::sleep(Duration::from_millis(500)).await;
        let after = frame_eval(&page, TX, read, vec![]).await?;
        assert_eq!(after, before, "the widget changed on a posted message");
        assert_fits(&page, TX, "after messages were posted into it").await?;
        assert_frame_clean(&page, TX).await
    })
    .await;
}

/// Five loader embeds of different careers and a plain iframe on one host page: each mounts its
/// own career and fits its frame; each answers its own inputs; a burst of rapid inputs across
/// them (200 each) leaves no error and no growth in any frame's DOM. (`cargo xtask bench`'s
/// `measure-memory` measures the memory of 10,000 inputs across the same page.)
#[tokio::test]
async fn five_embeds_and_an_iframe_on_one_page_each_work_on_their_own() {
    std::fs::write(
        servers().host_dir.join("five.html"),
        five_embeds_page(&servers().widget.url("/")),
    )
    .expect("write the host page");
    let frames = five_embeds_frames();
    with_browser(&BrowserOptions::default(), |page| async move {
        open_host(&page, "/five.html", &frames).await?;
        let shown = "return document.querySelector('article.cpw').getAttribute('data-career');";
        for (frame, soc) in frames
            .iter()
            .zip(FIVE_CAREERS.iter().chain(&[PLAIN_CAREER]))
        {
            assert_eq!(frame_eval(&page, *frame, shown, vec![]).await?, json!(soc));
        }
        for &frame in &frames[..FIVE_CAREERS.len()] {
            assert_fits(&page, frame, "five embeds on one page").await?;
        }
        // Each answers its own input, and only its own.
        let estimate =
            "return document.querySelector('[data-testid=estimate-annual]').textContent;";
        let mut estimates = Vec::new();
        for &frame in &frames {
            estimates.push(frame_eval(&page, frame, estimate, vec![]).await?);
        }
        enter(&page, frames[1]).await?;
        let years = page.find("[data-testid=input-years]").await?;
        page.press(&years, Key::End).await?;
        leave(&page).await?;
        for (i, &frame) in frames.iter().enumerate() {
            let now = frame_eval(&page, frame, estimate, vec![]).await?;
            assert_eq!(
                now != estimates[i],
                i == 1,
                "frame {i}: {} -> {now}",
                estimates[i]
            );
        }
        // A burst of inputs in every frame: no error, no DOM growth.
        let burst = r#"const slider = document.querySelector('[data-testid=input-years]');
            const nodes = () => document.getElementsByTagName('*').length;
            const before = nodes();
            return (async () => {
              for (let i = 0; i < 200; i++) {
                slider.value = String(i % 31);
                slider.dispatchEvent(new Event('input', { bubbles: true }));
                if (i % 20 === 0) await new Promise((r) => setTimeout(r, 0));
              }
              // Timers, not frames: Chromium runs no frames in a cross-origin frame off screen.
              await new Promise((r) => setTimeout(r, 200));
              return [before, nodes()];
            })();"#;
        for (i, &frame) in frames.iter().enumerate() {
            let counts = frame_eval(&page, frame, burst, vec![]).await?;
            let (before, after) = (counts[0].as_f64(), counts[1].as_f64());
            let (Some(before), Some(after)) = (before, after) else {
                panic!("frame {i}: {counts}");
            };
            assert!(
                after <= before * 1.02,
                "frame {i}: DOM nodes {before} -> {after}"
            );
            assert_frame_clean(&page, frame).await?;
        }
        for &frame in &frames[..FIVE_CAREERS.len()] {
            assert_fits(&page, frame, "after the bursts").await?;
        }
        Ok(())
    })
    .await;
}
