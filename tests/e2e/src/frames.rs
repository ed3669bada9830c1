//! Reading and driving widgets inside iframes (the loader's and plain ones) through WebDriver
//! frame switching: the only way in, since a host page of another origin cannot script them.

use std::time::{Duration, Instant};

use serde_json::{json, Value};

use crate::widget::READY_TIMEOUT;
use crate::{Page, Result};

/// An iframe on the host page: the `index`-th element matching `css`.
#[derive(Debug, Clone, Copy)]
pub struct Frame {
    pub css: &'static str,
    pub index: usize,
}

/// The iframes `embed.js` makes, one per `<div data-career-widget>`.
pub const LOADER_FRAMES: &str = "div[data-career-widget] > iframe";

/// Switches WebDriver into `frame` (from the top document).
pub async fn enter(page: &Page, frame: Frame) -> Result<()> {
    page.driver.enter_default_frame().await?;
    let element = page
        .find_all(frame.css)
        .await?
        .into_iter()
        .nth(frame.index)
        .ok_or_else(|| format!("no iframe #{} matches `{}`", frame.index, frame.css))?;
    element.enter_frame().await?;
    Ok(())
}

/// Back to the top document.
pub async fn leave(page: &Page) -> Result<()> {
    Ok(page.driver.enter_default_frame().await?)
}

/// Runs a script inside `frame` and comes back to the top document.
pub async fn frame_eval(
    page: &Page,
    frame: Frame,
    script: &str,
    args: Vec<Value>,
) -> Result<Value> {
    enter(page, frame).await?;
    let value = page.eval(script, args).await;
    leave(page).await?;
    value
}

/// Waits until the widget in `frame` has mounted.
pub async fn wait_frame_ready(page: &Page, frame: Frame) -> Result<()> {
    let deadline = Instant::now() + READY_TIMEOUT;
    loop {
        // The frame element may not exist yet (the loader runs async).
        let ready = match enter(page, frame).await {
            Ok(()) => page
                .eval(
                    "return document.documentElement.getAttribute('data-widget-ready') === 'true'",
                    vec![],
                )
                .await
                .unwrap_or(Value::Null),
            Err(_) => Value::Null,
        };
        leave(page).await?;
        if ready == json!(true) {
            return Ok(());
        }
        if Instant::now() >= deadline {
            let inside = frame_eval(page, frame, DIAGNOSTICS_JS, vec![])
                .await
                .unwrap_or_else(|e| json!(format!("cannot enter the frame: {e}")));
            return Err(format!(
                "the widget in {frame:?} did not mount in {READY_TIMEOUT:?}: {inside}"
            )
            .into());
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// What a frame that did not mount shows, for the error message.
const DIAGNOSTICS_JS: &str = r#"return { url: location.href,
  ready: document.documentElement.getAttribute('data-widget-ready'),
  errors: window.__e2eErrors === undefined ? 'error hook missing' : window.__e2eErrors.slice(),
  body: document.body ? document.body.innerText.slice(0, 300) : null };"#;

/// The careers of [`five_embeds_page`]'s loader embeds, in page order.
pub const FIVE_CAREERS: [&str; 5] = ["29-2072", "31-9092", "29-1141", "15-1252", "43-4051"];
/// The career of its plain iframe.
pub const PLAIN_CAREER: &str = "11-1021";

/// A school page with five loader embeds of different careers ([`FIVE_CAREERS`]) and one plain
/// iframe ([`PLAIN_CAREER`], `#plain`) of the widget at `widget` (its root URL, ending in `/`).
pub fn five_embeds_page(widget: &str) -> String {
    let divs: String = FIVE_CAREERS
        .iter()
        .map(|soc| format!("<div data-career-widget data-career=\"{soc}\"></div>"))
        .collect();
    format!(
        "<!doctype html><html><body><h1>Careers we teach</h1>{divs}\
         <iframe id=\"plain\" src=\"{widget}?career={PLAIN_CAREER}\" title=\"Pay\" \
         style=\"width:100%;height:3000px;border:0\"></iframe>\
         <script src=\"{widget}embed.js\" async></script></body></html>"
    )
}

/// [`five_embeds_page`]'s frames: the five loader frames, then the plain one.
pub fn five_embeds_frames() -> Vec<Frame> {
    (0..FIVE_CAREERS.len())
        .map(|index| Frame {
            css: LOADER_FRAMES,
            index,
        })
        .chain([Frame {
            css: "#plain",
            index: 0,
        }])
        .collect()
}
