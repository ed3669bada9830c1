//! Page-level facts and signals: the URL query, the reader's device pixel ratio, and the marks
//! that tests and `cargo xtask bench` wait for.

/// The classes of the element the widget renders into at start-up (`main.rs`): `cpw-live` for
/// good, `cpw-starting` (hidden) until [`take_over`].
pub const STARTING_CLASSES: &str = "cpw-live cpw-starting";
/// The mount element's class during start-up: what it showed before the widget stays on top.
pub const TAKING_OVER_CLASS: &str = "cpw-taking-over";
/// The mount element's class while guard.js shows why the widget has not started: a widget that
/// arrives after its "taking too long" message replaces the message.
pub const FAILED_CLASS: &str = "cpw-failed-shown";

/// Ends start-up: removes what the page showed before the widget (its prerendered first view,
/// its loading text, a message that it was slow to arrive) and shows the widget in their place, in one frame. Called once the widget's
/// first effects have run, so its charts already have their heights; a no-op when the widget was
/// not started by `main.rs` (the browser tests mount it themselves).
pub fn take_over() {
    let Some(root) = crate::web::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("career-pay-widget"))
    else {
        return;
    };
    let to_focus = hand_over(&root);
    let children = root.children();
    let before: Vec<web_sys::Element> = (0..children.length())
        .filter_map(|i| children.item(i))
        .filter(|child| !child.class_list().contains("cpw-live"))
        .collect();
    for child in before {
        child.remove();
    }
    let _ = root.class_list().remove_2(TAKING_OVER_CLASS, FAILED_CLASS);
    if let Ok(Some(live)) = root.query_selector(":scope > .cpw-live") {
        let _ = live.class_list().remove_1("cpw-starting");
    }
    // Once shown: a hidden element cannot take focus.
    if let Some(target) = to_focus {
        let _ = target.focus();
    }
}

/// Does again on the widget what the reader did to the prerendered view while the widget was on its
/// way (the view is complete without it, and its controls work natively): a changed control's
/// value (a dragged slider, typed text) is set on the live control with the same test id, with
/// the `input` event the widget listens to. Returns the live counterpart of the focused element,
/// for focus to move to once the widget is shown. Nothing the reader did before the widget
/// arrived is lost.
fn hand_over(root: &web_sys::Element) -> Option<web_sys::HtmlElement> {
    use wasm_bindgen::JsCast;
    let view = root.query_selector(":scope > .cpw-prerendered").ok()??;
    let live = |of: &web_sys::Element| -> Option<web_sys::HtmlElement> {
        let id = of.get_attribute("data-testid")?;
        root.query_selector(&format!(":scope > .cpw-live [data-testid=\"{id}\"]"))
            .ok()??
            .dyn_into()
            .ok()
    };
    let inputs = view.get_elements_by_tag_name("input");
    for input in (0..inputs.length()).filter_map(|i| inputs.item(i)) {
        let Ok(input) = input.dyn_into::<web_sys::HtmlInputElement>() else {
            continue;
        };
        if input.value() == input.default_value() {
            continue;
        }
        if let Some(target) =
            live(&input).and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        {
            target.set_value(&input.value());
            if let Ok(event) = web_sys::Event::new("input") {
                let _ = target.dispatch_event(&event);
            }
        }
    }
    let focused = crate::web::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element())
        .filter(|element| view.contains(Some(element)))?;
    live(&focused)
}

/// The page's query string (`?state=NJ...`), or empty.
pub fn query() -> String {
    crate::web::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// Device pixels per CSS pixel (1 when unknown).
pub fn device_pixel_ratio() -> f64 {
    crate::web::window()
        .map(|w| w.device_pixel_ratio())
        .filter(|r| r.is_finite() && *r > 0.0)
        .unwrap_or(1.0)
}

/// Sets `data-<name>="true"` on the root element: a stable signal for tests and embedders.
pub fn flag_document(name: &str) {
    if let Some(root) = crate::web::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute(&format!("data-{name}"), "true");
    }
}

/// Records a `performance.mark` once (the first call per name wins).
pub fn mark_once(name: &str) {
    if let Some(performance) = crate::web::window().and_then(|w| w.performance()) {
        let already = performance.get_entries_by_name(name).length() > 0;
        if !already {
            let _ = performance.mark(name);
        }
    }
}

/// Records a `performance.mark`, replacing any earlier one of that name, so a long session does
/// not grow the timeline. `cargo xtask bench` reads `cpw-drawn` to time input-to-redraw.
pub fn mark_latest(name: &str) {
    if let Some(performance) = crate::web::window().and_then(|w| w.performance()) {
        performance.clear_marks_with_mark_name(name);
        let _ = performance.mark(name);
    }
}

/// The page's origin and path (`https://host`, `/tools/pay/`), for links and snippets.
pub fn origin_and_path() -> (String, String) {
    let location = crate::web::window().map(|w| w.location());
    let origin = location
        .as_ref()
        .and_then(|l| l.origin().ok())
        .unwrap_or_default();
    let path = location
        .as_ref()
        .and_then(|l| l.pathname().ok())
        .unwrap_or_else(|| "/".to_string());
    (origin, path)
}

/// The reader's browser languages, most preferred first (`navigator.languages`).
pub fn browser_languages() -> Vec<String> {
    crate::web::window()
        .map(|w| w.navigator().languages())
        .map(|list| list.iter().filter_map(|tag| tag.as_string()).collect())
        .unwrap_or_default()
}

/// Sets `<html lang>`, so the whole document (a plain iframe's page too) says what it speaks.
pub fn set_document_lang(tag: &str) {
    if let Some(root) = crate::web::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("lang", tag);
    }
}

/// Sets the document's title (the browser tab, and what a plain iframe's page is called).
pub fn set_title(title: &str) {
    if let Some(document) = crate::web::window().and_then(|w| w.document()) {
        document.set_title(title);
    }
}

/// The current page URL.
pub fn href() -> String {
    crate::web::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default()
}

/// Replaces the page's query without adding a history entry, so a copied link reproduces the
/// view while Back still leaves the page.
pub fn replace_query(query: &str) {
    write_query(query, false);
}

/// Calls `on_change` whenever Back or Forward moves to another history entry, until the returned
/// guard is dropped (return it from an effect, which drops it when the component goes).
pub fn on_history_change(on_change: impl Fn() + 'static) -> impl FnOnce() {
    use wasm_bindgen::JsCast;
    let listener = wasm_bindgen::closure::Closure::<dyn Fn()>::new(on_change);
    let window = crate::web::window();
    if let Some(w) = &window {
        let _ = w.add_event_listener_with_callback("popstate", listener.as_ref().unchecked_ref());
    }
    move || {
        if let Some(w) = window {
            let _ = w
                .remove_event_listener_with_callback("popstate", listener.as_ref().unchecked_ref());
        }
    }
}

/// Sets the page's query as a new history entry, so Back returns to the one before.
pub fn push_query(query: &str) {
    write_query(query, true);
}

fn write_query(query: &str, new_entry: bool) {
    let Some(window) = crate::web::window() else {
        return;
    };
    let path = window.location().pathname().unwrap_or_default();
    if let Ok(history) = window.history() {
        let url = Some(format!("{path}?{query}"));
        let null = wasm_bindgen::JsValue::NULL;
        let _ = if new_entry {
            history.push_state_with_url(&null, "", url.as_deref())
        } else {
            history.replace_state_with_url(&null, "", url.as_deref())
        };
    }
}

/// Applies the host's theme and accent to `<html>` through the CSSOM (no inline `style`
/// attribute, so a strict Content-Security-Policy allows it). Runs before the first draw, so
/// charts read the right colours, and again when the system theme changes under `dark=auto`.
/// Returns whether the dark theme is shown.
pub fn apply_theme(options: &crate::options::Options) -> bool {
    use crate::options::Theme;
    use wasm_bindgen::JsCast;
    let Some(root) = crate::web::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return false;
    };
    let classes = root.class_list();
    let _ = classes.remove_2("cpw-dark", "cpw-light");
    let dark = match options.theme {
        Theme::Dark => true,
        Theme::Light => false,
        Theme::Auto => system_dark_query().is_some_and(|m| m.matches()),
    };
    let _ = classes.add_1(if dark { "cpw-dark" } else { "cpw-light" });
    if let (Some(accent), Ok(root)) = (&options.accent, root.dyn_into::<web_sys::HtmlElement>()) {
        let style = root.style();
        let _ = style.set_property("--cpw-accent", &accent.hex);
        let _ = style.set_property("--cpw-accent-ink", accent.ink);
        // Link text sits on the light surface; a dark theme keeps its own light link colour.
        if accent.readable_as_text && !dark {
            let _ = style.set_property("--cpw-link", &accent.hex);
        } else {
            let _ = style.remove_property("--cpw-link");
        }
    }
    dark
}

fn system_dark_query() -> Option<web_sys::MediaQueryList> {
    crate::web::window()?
        .match_media("(prefers-color-scheme: dark)")
        .ok()
        .flatten()
}

/// Calls `changed` each time the system switches between light and dark, until the returned
/// watch is dropped; `None` where there is no such setting to watch.
pub fn watch_system_theme(changed: impl FnMut() + 'static) -> Option<SystemThemeWatch> {
    use wasm_bindgen::JsCast;
    let query = system_dark_query()?;
    let listener = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(changed);
    query.set_onchange(Some(listener.as_ref().unchecked_ref()));
    Some(SystemThemeWatch {
        query,
        _listener: listener,
    })
}

/// A system theme being watched (see [`watch_system_theme`]).
pub struct SystemThemeWatch {
    query: web_sys::MediaQueryList,
    _listener: wasm_bindgen::closure::Closure<dyn FnMut()>,
}

impl Drop for SystemThemeWatch {
    fn drop(&mut self) {
        self.query.set_onchange(None);
    }
}
