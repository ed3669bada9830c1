//! Browser entry point: mounts the widget into `#career-pay-widget` (or `<body>`), replacing the
//! loading text that shows until the wasm has started.

fn main() {
    let document = web_sys::window().and_then(|w| w.document());
    let root = document
        .as_ref()
        .and_then(|d| d.get_element_by_id("career-pay-widget"));
    match root {
        Some(root) => {
            root.set_text_content(None);
            yew::Renderer::<career_pay_widget::app::App>::with_root(root).render();
        }
        None => {
            yew::Renderer::<career_pay_widget::app::App>::new().render();
        }
    }
}
