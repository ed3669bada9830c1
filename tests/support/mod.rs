//! What the browser test files share: the document, the widget's real stylesheet, letting Yew
//! render, and dispatching DOM events the way a reader's input would.

use std::time::Duration;
use web_sys::{Element, Event, EventInit, MouseEvent, MouseEventInit};

pub fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("a document")
}

/// The widget's real stylesheet, so layout (canvas sizes, the list's scrolling) is what users get.
pub fn install_stylesheet() {
    let doc = document();
    if doc.get_element_by_id("widget-css").is_none() {
        let style = doc.create_element("style").expect("style");
        style.set_id("widget-css");
        style.set_text_content(Some(include_str!("../../styles/widget.css")));
        doc.head()
            .expect("head")
            .append_child(&style)
            .expect("append");
    }
}

/// Lets Yew's scheduler render and effects run (a few short sleeps: renders are queued).
pub async fn settle() {
    for _ in 0..3 {
        yew::platform::time::sleep(Duration::from_millis(20)).await;
    }
}

/// A bubbling DOM event of `kind` (`input`, `change`) on `target`.
pub fn fire(target: &Element, kind: &str) {
    let init = EventInit::new();
    init.set_bubbles(true);
    let event = Event::new_with_event_init_dict(kind, &init).expect("event");
    target.dispatch_event(&event).expect("dispatch");
}

/// A bubbling, cancelable mouse event; false if a listener prevented its default.
pub fn mouse(target: &Element, kind: &str) -> bool {
    let init = MouseEventInit::new();
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event = MouseEvent::new_with_mouse_event_init_dict(kind, &init).expect("event");
    target.dispatch_event(&event).expect("dispatch")
}
