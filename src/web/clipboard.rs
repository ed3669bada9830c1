//! Copying text for "Copy link" and the embed snippets.

use js_sys::{Function, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{HtmlDocument, HtmlTextAreaElement};

/// Copies `text` with the asynchronous Clipboard API where the page may use it; otherwise
/// selects `fallback` (if given) and asks the browser to copy the selection. Returns whether a
/// copy was started; when it was not, the text is at least selected for the reader to copy.
pub fn copy(text: &str, fallback: Option<&HtmlTextAreaElement>) -> bool {
    if let Some(write) = clipboard_write() {
        let (clipboard, function) = write;
        if function.call1(&clipboard, &JsValue::from_str(text)).is_ok() {
            return true;
        }
    }
    let Some(area) = fallback else {
        return false;
    };
    area.select();
    crate::web::window()
        .and_then(|w| w.document())
        .and_then(|d| d.dyn_into::<HtmlDocument>().ok())
        .and_then(|d| d.exec_command("copy").ok())
        .unwrap_or(false)
}

/// `navigator.clipboard` and its `writeText`, looked up dynamically: the API is missing in
/// insecure contexts and in iframes without `allow="clipboard-write"`.
fn clipboard_write() -> Option<(JsValue, Function)> {
    let navigator = crate::web::window()?.navigator();
    let clipboard = Reflect::get(&navigator, &"clipboard".into()).ok()?;
    if clipboard.is_undefined() || clipboard.is_null() {
        return None;
    }
    let write = Reflect::get(&clipboard, &"writeText".into()).ok()?;
    Some((clipboard, write.dyn_into::<Function>().ok()?))
}
