//! Browser entry point: mounts the widget into `#career-pay-widget` (or `<body>`). What the page
//! shows until then (its prerendered first view, or the loading text) keeps its place on top
//! while the widget renders out of sight beside it, and the widget takes over once its first
//! effects have sized the charts (`web::page::take_over`): Yew may let the browser paint between
//! rendering and those effects, and a chart seen at its default 2:1 size would then jump. When it
//! cannot start or stops, guard.js shows a message instead (README.md, "When it fails").

fn main() {
    // A panic traps, and guard.js replaces the widget with a message for the reader. Debug builds
    // also say why in the console; release builds abort at once (the immediate-abort strategy,
    // see xtask/src/nightly.rs), with no hook to run, so they carry none.
    #[cfg(debug_assertions)]
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("career-pay-widget: {info}").into());
    }));
    let document = web_sys::window().and_then(|w| w.document());
    let root = document
        .as_ref()
        .and_then(|d| d.get_element_by_id("career-pay-widget"));
    let live = document.as_ref().zip(root).and_then(|(document, root)| {
        let live = document.create_element("div").ok()?;
        live.set_class_name(career_pay_widget::web::page::STARTING_CLASSES);
        root.append_child(&live).ok()?;
        let _ = root
            .class_list()
            .add_1(career_pay_widget::web::page::TAKING_OVER_CLASS);
        Some(live)
    });
    match live {
        Some(live) => {
            yew::Renderer::<career_pay_widget::app::App>::with_root(live).render();
        }
        None => {
            yew::Renderer::<career_pay_widget::app::App>::new().render();
        }
    }
}
