//! Browser glue: fetching other careers' packs, and the page-level signals tests and
//! measurements read. Nothing here computes a figure.

pub mod clipboard;
pub mod download;
pub mod embed;
pub mod fault;
pub mod layout_batch;
pub mod packs;
pub mod page;
pub mod print;

/// The browser's window, or `None` where there is none: natively, the build-time prerender
/// (`src/bin/prerender.rs`) renders the components, and calling a web API there would panic.
pub fn window() -> Option<web_sys::Window> {
    if cfg!(target_arch = "wasm32") {
        web_sys::window()
    } else {
        None
    }
}
