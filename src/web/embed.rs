//! When the widget runs inside an iframe, it tells the host page its content height so the
//! loader (`embed.js`) can size the iframe: no inner scrollbar, and it follows window resizes
//! and content changes (a data table opening, a section collapsing).
//!
//! The only message ever posted: `{ type: "career-pay-widget:height", height: <integer px>,
//! title: <the page's title> }`; the title names the career, and the loader uses it as the
//! iframe's accessible name unless the host gave one. It says nothing a host could abuse (the
//! title is in the widget's URL's page anyway), so it goes to any origin (`"*"`); the loader
//! checks that it comes from an iframe it created.

use js_sys::{Function, Object, Reflect};
use std::cell::RefCell;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{HtmlElement, ResizeObserver};

/// The message type the loader listens for.
pub const HEIGHT_MESSAGE: &str = "career-pay-widget:height";

thread_local! {
    /// Posts the height if it changed; set once the widget is known to be framed.
    static POST_HEIGHT: RefCell<Option<Function>> = const { RefCell::new(None) };
}

/// Posts the content's height now, if framed and changed. Chromium runs no rendering (so no
/// ResizeObserver) in a cross-origin frame off screen: a host page with several embeds would
/// keep all but the first at the loader's 900 px until the reader scrolled to them, and then
/// jump. The app calls this after it renders a new career and after content that arrives later
/// (related careers); reading the height lays the frame out, even off screen. The observer
/// follows everything else (inputs, tables opened: a reader is looking at the frame then).
pub fn report_height_now() {
    POST_HEIGHT.with_borrow(|post| {
        if let Some(post) = post {
            let _ = post.call0(&JsValue::NULL);
        }
    });
}

/// Starts reporting the height of `#career-pay-widget` to the parent window, if framed.
pub fn report_height_when_framed() {
    let Some(window) = crate::web::window() else {
        return;
    };
    let parent = match window.parent() {
        Ok(Some(parent)) if parent != window => parent,
        _ => return,
    };
    let Some(content) = window
        .document()
        .and_then(|d| d.get_element_by_id("career-pay-widget"))
        .and_then(|e| e.dyn_into::<HtmlElement>().ok())
    else {
        return;
    };
    let mut last = (-1, String::new());
    let measure = content.clone();
    let document = window.document();
    let post = move || {
        // The content box's bottom edge in the document, including its own padding.
        let height = measure.offset_top() + measure.offset_height();
        let title = document.as_ref().map(|d| d.title()).unwrap_or_default();
        if (height, &title) != (last.0, &last.1) {
            let message = Object::new();
            let _ = Reflect::set(&message, &"type".into(), &HEIGHT_MESSAGE.into());
            let _ = Reflect::set(&message, &"height".into(), &JsValue::from(height));
            let _ = Reflect::set(&message, &"title".into(), &JsValue::from_str(&title));
            last = (height, title);
            let _ = parent.post_message(&message, "*");
        }
    };
    let on_resize = Closure::<dyn FnMut()>::new(post);
    let function: &Function = on_resize.as_ref().unchecked_ref();
    POST_HEIGHT.with_borrow_mut(|post| *post = Some(function.clone()));
    report_height_now();
    if let Ok(observer) = ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
        observer.observe(&content);
        // Kept for the page's lifetime: once nothing in JS references an observer, the garbage
        // collector may take it and the heights would silently stop (seen as a flaky test).
        std::mem::forget(observer);
    }
    on_resize.forget();
}
