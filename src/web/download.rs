//! Files the reader downloads (a chart's CSV or PNG, every figure's CSV), made in the browser:
//! a `Blob`, an object URL and a link with `download` clicked. No request leaves the page, so it
//! works offline and under the strict Content-Security-Policy.

use crate::charts::palette::Palette;
use crate::charts::scene::Scene;
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, HtmlCanvasElement, Url};

/// Device pixels per CSS pixel in a downloaded picture: sharp on a slide or a printed handout.
pub const PICTURE_RATIO: f64 = 2.0;
/// How long an object URL is kept after its link is clicked (the download has begun by then).
const KEEP_URL_MS: i32 = 30_000;

/// Saves `text` as `name` (a CSV, UTF-8).
pub fn save_csv(name: &str, text: &str) {
    let parts = js_sys::Array::of1(&text.into());
    let options = BlobPropertyBag::new();
    options.set_type("text/csv;charset=utf-8");
    if let Ok(blob) = Blob::new_with_str_sequence_and_options(&parts, &options) {
        save_blob(&blob, name);
    }
}

/// Paints `scene` (in the light theme's colours, whatever the page shows: a picture is for
/// slides and paper) at [`PICTURE_RATIO`] and saves it as the PNG `name`.
pub fn save_png(scene: &Scene, name: &str) {
    let Some(canvas) = crate::web::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("canvas").ok())
        .and_then(|c| c.dyn_into::<HtmlCanvasElement>().ok())
    else {
        return;
    };
    canvas.set_width((scene.width * PICTURE_RATIO).round() as u32);
    canvas.set_height((scene.height * PICTURE_RATIO).round() as u32);
    let Some(backend) = CanvasBackend::with_canvas_object(canvas.clone()) else {
        return;
    };
    let area = backend.into_drawing_area();
    if crate::charts::paint::paint(scene, &area, &Palette::default(), PICTURE_RATIO).is_err() {
        return;
    }
    let name = name.to_string();
    let saved = Closure::once_into_js(move |blob: Option<Blob>| {
        if let Some(blob) = blob {
            save_blob(&blob, &name);
        }
    });
    let _ = canvas.to_blob_with_type(saved.unchecked_ref(), "image/png");
}

fn save_blob(blob: &Blob, name: &str) {
    let Some(document) = crate::web::window().and_then(|w| w.document()) else {
        return;
    };
    let (Ok(url), Some(link)) = (
        Url::create_object_url_with_blob(blob),
        document
            .create_element("a")
            .ok()
            .and_then(|a| a.dyn_into::<HtmlAnchorElement>().ok()),
    ) else {
        return;
    };
    link.set_href(&url);
    link.set_download(name);
    // In the document while clicked: older Firefox ignores a click on a detached link.
    let parent = document.body();
    if let Some(body) = &parent {
        let _ = body.append_child(&link);
    }
    link.click();
    link.remove();
    let revoke = Closure::once_into_js(move || {
        let _ = Url::revoke_object_url(&url);
    });
    if let Some(window) = crate::web::window() {
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
            revoke.unchecked_ref(),
            KEEP_URL_MS,
        );
    }
}
