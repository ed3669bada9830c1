//! Page-level facts and signals: the URL query, the reader's device pixel ratio, and the marks
//! that tests and `cargo xtask bench` wait for.

/// The page's query string (`?state=NJ...`), or empty.
pub fn query() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// Device pixels per CSS pixel (1 when unknown).
pub fn device_pixel_ratio() -> f64 {
    web_sys::window()
        .map(|w| w.device_pixel_ratio())
        .filter(|r| r.is_finite() && *r > 0.0)
        .unwrap_or(1.0)
}

/// Sets `data-<name>="true"` on the root element: a stable signal for tests and embedders.
pub fn flag_document(name: &str) {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute(&format!("data-{name}"), "true");
    }
}

/// Records a `performance.mark` once (the first call per name wins).
pub fn mark_once(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let already = performance.get_entries_by_name(name).length() > 0;
        if !already {
            let _ = performance.mark(name);
        }
    }
}

/// Records a `performance.mark`, replacing any earlier one of that name, so a long session does
/// not grow the timeline. `cargo xtask bench` reads `cpw-drawn` to time input-to-redraw.
pub fn mark_latest(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        performance.clear_marks_with_mark_name(name);
        let _ = performance.mark(name);
    }
}
