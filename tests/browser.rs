//! Browser tests (headless Chromium via wasm-bindgen-test): the app mounted in a real page shows
//! what the pure core computes, reacts to input, and draws a crisp chart.
#![cfg(target_arch = "wasm32")]

use career_pay_widget::app::App;
use career_pay_widget::estimator::{estimate, IndustryChoice, Inputs, Region};
use career_pay_widget::figures::FIGURES;
use career_pay_widget::format::NumberFormat;
use career_pay_widget::web::intl::BrowserFormat;
use std::time::Duration;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{
    CanvasRenderingContext2d, Element, Event, EventInit, HtmlCanvasElement, HtmlElement,
    HtmlInputElement, HtmlSelectElement, KeyboardEvent, KeyboardEventInit, PointerEvent,
    PointerEventInit,
};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("a document")
}

/// The widget's real stylesheet, so layout (and so the canvas size) is what users get.
fn install_stylesheet() {
    let doc = document();
    if doc.get_element_by_id("widget-css").is_none() {
        let style = doc.create_element("style").expect("style");
        style.set_id("widget-css");
        style.set_text_content(Some(include_str!("../styles/widget.css")));
        doc.head()
            .expect("head")
            .append_child(&style)
            .expect("append");
    }
}

/// Mounts a fresh widget in its own container, 640 CSS px wide.
async fn mount() -> Element {
    mount_at_width(640).await
}

async fn mount_at_width(width: u32) -> Element {
    install_stylesheet();
    // Each widget writes its inputs to the URL; start every test from a clean one.
    let window = web_sys::window().expect("window");
    let path = window.location().pathname().expect("path");
    window
        .history()
        .expect("history")
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&path))
        .expect("replace");
    let host = document().create_element("div").expect("div");
    host.set_attribute("style", &format!("width:{width}px"))
        .expect("style");
    document()
        .body()
        .expect("body")
        .append_child(&host)
        .expect("append");
    yew::Renderer::<App>::with_root(host.clone()).render();
    settle().await;
    host
}

async fn settle() {
    for _ in 0..3 {
        yew::platform::time::sleep(Duration::from_millis(20)).await;
    }
}

fn find<T: JsCast>(root: &Element, testid: &str) -> T {
    root.query_selector(&format!("[data-testid={testid}]"))
        .ok()
        .flatten()
        .unwrap_or_else(|| panic!("no [data-testid={testid}]"))
        .dyn_into::<T>()
        .unwrap_or_else(|_| panic!("[data-testid={testid}] has another type"))
}

fn text(root: &Element, testid: &str) -> String {
    find::<Element>(root, testid)
        .text_content()
        .unwrap_or_default()
}

fn fire(target: &Element, kind: &str) {
    let init = EventInit::new();
    init.set_bubbles(true);
    let event = Event::new_with_event_init_dict(kind, &init).expect("event");
    target.dispatch_event(&event).expect("dispatch");
}

fn expected_annual(state: &str, years: u8) -> String {
    let inputs = Inputs {
        region: FIGURES.area(state).map_or(Region::National, Region::State),
        industry: IndustryChoice::All,
        years,
    };
    let e = estimate(&FIGURES, inputs).expect("estimate");
    BrowserFormat::new().money(e.annual)
}

#[wasm_bindgen_test]
fn browser_formats_dollars_for_the_locale() {
    let f = BrowserFormat::new();
    assert_eq!(f.money(35_900.0), "$35,900");
    assert_eq!(f.money_cents(17.259), "$17.26");
    assert_eq!(f.money_compact(30_000.0), "$30K");
    assert_eq!(f.percent(22.0, 0), "22%");
}

#[wasm_bindgen_test]
async fn shows_the_estimators_number_and_follows_the_state() {
    let root = mount().await;
    assert_eq!(text(&root, "estimate-annual"), expected_annual("US", 0));
    assert!(text(&root, "estimate-label")
        .to_lowercase()
        .contains("estimate"));

    let state: HtmlSelectElement = find(&root, "input-state");
    assert_eq!(state.value(), "US");
    assert_eq!(state.length(), 52, "national + 50 states + DC");
    state.set_value("NJ");
    fire(&state, "change");
    settle().await;
    assert_eq!(text(&root, "estimate-annual"), expected_annual("NJ", 0));
    assert!(text(&root, "estimate-for").starts_with("New Jersey"));
    let factors = text(&root, "estimate-factors");
    assert!(
        factors.contains("New Jersey ×1.537: 2014 annual mean (as reported by the article"),
        "{factors}"
    );
}

#[wasm_bindgen_test]
async fn the_slider_moves_years_and_the_estimate() {
    let root = mount().await;
    let years: HtmlInputElement = find(&root, "input-years");
    years.set_value("5");
    fire(&years, "input");
    settle().await;
    assert_eq!(text(&root, "years-value"), "5 years");
    assert_eq!(text(&root, "estimate-annual"), "$35,900");
    assert_eq!(text(&root, "estimate-hourly"), "$17.26");
    years.set_value("1");
    fire(&years, "input");
    settle().await;
    assert_eq!(text(&root, "years-value"), "1 year");
}

#[wasm_bindgen_test]
async fn the_explanation_is_one_click_away_and_names_its_sources() {
    let root = mount().await;
    let details: web_sys::HtmlDetailsElement = find(&root, "estimate-explanation");
    assert!(!details.open());
    let summary: HtmlElement = details
        .query_selector("summary")
        .ok()
        .flatten()
        .and_then(|s| s.dyn_into().ok())
        .expect("summary");
    summary.click();
    assert!(details.open());
    let steps = details.query_selector_all("li").expect("steps").length();
    assert!(steps >= 6, "{steps} steps");
    let all = details.text_content().unwrap_or_default();
    assert!(all.contains("BLS OES, May 2014, SOC 29-2071"), "{all}");
}

#[wasm_bindgen_test]
async fn the_chart_is_drawn_at_device_resolution() {
    let root = mount().await;
    let canvas: HtmlCanvasElement = find(&root, "chart-distribution");
    assert_eq!(
        canvas.get_attribute("data-chart-drawn").as_deref(),
        Some("true")
    );
    let ratio = web_sys::window().map_or(1.0, |w| w.device_pixel_ratio());
    let css_width = f64::from(canvas.client_width());
    assert!(css_width > 500.0, "{css_width}");
    assert_eq!(f64::from(canvas.width()), (css_width * ratio).round());
    let ctx: CanvasRenderingContext2d = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into().ok())
        .expect("2d context");
    let (w, h) = (canvas.width(), canvas.height());
    let pixels = ctx
        .get_image_data(0.0, 0.0, f64::from(w), f64::from(h))
        .expect("pixels")
        .data();
    let painted = pixels.chunks(4).filter(|px| px[3] > 0).count();
    let share = painted as f64 / f64::from(w * h);
    assert!(share > 0.05 && share < 0.9, "{share} of the canvas painted");
}

#[wasm_bindgen_test]
async fn the_estimate_marker_moves_when_the_estimate_changes() {
    let root = mount().await;
    let canvas: HtmlCanvasElement = find(&root, "chart-distribution");
    let before = canvas.to_data_url().expect("png");
    let state: HtmlSelectElement = find(&root, "input-state");
    state.set_value("DC");
    fire(&state, "change");
    settle().await;
    let after = canvas.to_data_url().expect("png");
    assert_ne!(
        before, after,
        "the chart was not redrawn for the new estimate"
    );
}

/// Moves a (mouse) pointer to `(x, y)` CSS pixels inside `el`.
fn point_at(el: &Element, x: f64, y: f64) {
    let rect = el.get_bounding_client_rect();
    let init = PointerEventInit::new();
    init.set_bubbles(true);
    init.set_client_x((rect.left() + x) as i32);
    init.set_client_y((rect.top() + y) as i32);
    init.set_pointer_type("mouse");
    let event = PointerEvent::new_with_event_init_dict("pointermove", &init).expect("event");
    el.dispatch_event(&event).expect("dispatch");
}

fn press(el: &Element, key: &str) {
    let init = KeyboardEventInit::new();
    init.set_bubbles(true);
    init.set_key(key);
    let event = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).expect("event");
    el.dispatch_event(&event).expect("dispatch");
}

fn tooltip_text(root: &Element, id: &str) -> Option<String> {
    root.query_selector(&format!("[data-testid=tooltip-{id}]"))
        .ok()
        .flatten()
        .and_then(|t| t.text_content())
}

#[wasm_bindgen_test]
async fn hovering_a_value_shows_its_exact_figure_and_source() {
    let root = mount().await;
    let canvas: HtmlCanvasElement = find(&root, "chart-distribution");
    assert_eq!(tooltip_text(&root, "distribution"), None);
    // Sweep the strip until the pointer is over the median: where it lands depends on layout,
    // what it says must not.
    let mut seen = Vec::new();
    for x in (0..canvas.client_width()).step_by(3) {
        point_at(&canvas, f64::from(x), 56.0);
        settle().await;
        if let Some(text) = tooltip_text(&root, "distribution") {
            if text.starts_with("Median") {
                assert!(text.contains("$35,900"), "{text}");
                assert!(
                    text.contains("May 2014") && text.contains("29-2071"),
                    "{text}"
                );
                return;
            }
            seen.push(text);
        }
    }
    panic!("no median tooltip; saw {seen:?}");
}

#[wasm_bindgen_test]
async fn arrow_keys_walk_the_marks_with_a_tooltip_each() {
    let root = mount().await;
    let canvas: HtmlCanvasElement = find(&root, "chart-distribution");
    canvas.focus().expect("focus");
    settle().await;
    press(&canvas, "Home");
    settle().await;
    let first = tooltip_text(&root, "distribution").expect("a tooltip on focus");
    assert!(
        first.starts_with("10th percentile") && first.contains("$23,340"),
        "{first}"
    );
    press(&canvas, "ArrowRight");
    settle().await;
    let second = tooltip_text(&root, "distribution").expect("tooltip");
    assert!(
        second.starts_with("25th percentile") && second.contains("$28,250"),
        "{second}"
    );
    press(&canvas, "Escape");
    settle().await;
    assert_eq!(tooltip_text(&root, "distribution"), None);
}

#[wasm_bindgen_test]
async fn a_resize_redraws_at_the_new_width() {
    let root = mount().await;
    let canvas: HtmlCanvasElement = find(&root, "chart-distribution");
    let ratio = web_sys::window().map_or(1.0, |w| w.device_pixel_ratio());
    let before = canvas.width();
    root.set_attribute("style", "width:420px").expect("style");
    for _ in 0..10 {
        settle().await;
        if canvas.width() != before {
            break;
        }
    }
    let css_width = f64::from(canvas.client_width());
    assert!(css_width < 420.0, "{css_width}");
    assert_eq!(f64::from(canvas.width()), (css_width * ratio).round());
    assert!(canvas.width() < before);
}

#[wasm_bindgen_test]
async fn at_device_pixel_ratio_2_the_backing_store_is_twice_the_css_size() {
    let window = web_sys::window().expect("window");
    let original = window.device_pixel_ratio();
    set_device_pixel_ratio(2.0);
    let root = mount().await;
    let canvas: HtmlCanvasElement = find(&root, "chart-distribution");
    let (css_w, css_h) = (canvas.client_width(), canvas.client_height());
    assert!(css_w > 0 && css_h > 0);
    assert_eq!(canvas.width(), 2 * css_w as u32);
    assert_eq!(canvas.height(), 2 * css_h as u32);
    set_device_pixel_ratio(original);
}

/// Stands in for a HiDPI screen: `window.devicePixelRatio` is a replaceable property.
fn set_device_pixel_ratio(ratio: f64) {
    let window = web_sys::window().expect("window");
    let descriptor = js_sys::Object::new();
    js_sys::Reflect::set(&descriptor, &"value".into(), &ratio.into()).expect("value");
    js_sys::Reflect::set(&descriptor, &"configurable".into(), &true.into()).expect("configurable");
    js_sys::Reflect::set(&descriptor, &"writable".into(), &true.into()).expect("writable");
    js_sys::Object::define_property(&window, &"devicePixelRatio".into(), &descriptor);
}

fn click_at(el: &Element, x: f64, y: f64) {
    let rect = el.get_bounding_client_rect();
    let init = web_sys::MouseEventInit::new();
    init.set_bubbles(true);
    init.set_client_x((rect.left() + x) as i32);
    init.set_client_y((rect.top() + y) as i32);
    let event = web_sys::MouseEvent::new_with_mouse_event_init_dict("click", &init).expect("event");
    el.dispatch_event(&event).expect("dispatch");
}

fn current_row(root: &Element, id: &str) -> String {
    root.query_selector(&format!("[data-testid=data-{id}] .cpw-row-current th"))
        .ok()
        .flatten()
        .and_then(|th| th.text_content())
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn clicking_a_state_bar_selects_it_and_every_chart_follows() {
    let root = mount().await;
    let canvas: HtmlCanvasElement = find(&root, "chart-states");
    let before = text(&root, "estimate-annual");
    let x = f64::from(canvas.client_width()) * 0.5;
    for y in (0..canvas.client_height()).step_by(4) {
        point_at(&canvas, x, f64::from(y));
        yew::platform::time::sleep(Duration::from_millis(5)).await;
        if tooltip_text(&root, "states").is_some_and(|t| t.starts_with("New Jersey")) {
            click_at(&canvas, x, f64::from(y));
            settle().await;
            let state: HtmlSelectElement = find(&root, "input-state");
            assert_eq!(state.value(), "NJ");
            assert_eq!(text(&root, "estimate-annual"), expected_annual("NJ", 0));
            assert_ne!(text(&root, "estimate-annual"), before);
            assert_eq!(current_row(&root, "states"), "New Jersey");
            assert!(text(&root, "estimate-for").starts_with("New Jersey"));
            return;
        }
    }
    panic!("no New Jersey bar found under the pointer");
}

#[wasm_bindgen_test]
async fn enter_on_a_focused_year_sets_the_slider() {
    let root = mount().await;
    let canvas: HtmlCanvasElement = find(&root, "chart-experience");
    canvas.focus().expect("focus");
    settle().await;
    press(&canvas, "Home");
    for _ in 0..5 {
        press(&canvas, "ArrowRight");
    }
    settle().await;
    let tip = tooltip_text(&root, "experience").expect("tooltip");
    assert!(tip.starts_with("5 years"), "{tip}");
    press(&canvas, "Enter");
    settle().await;
    let years: HtmlInputElement = find(&root, "input-years");
    assert_eq!(years.value(), "5");
    assert_eq!(text(&root, "estimate-annual"), "$35,900");
    assert_eq!(current_row(&root, "experience"), "5");
}

/// Mounts with `query` as the page's URL query.
async fn mount_with_query(query: &str) -> Element {
    let window = web_sys::window().expect("window");
    let path = window.location().pathname().expect("path");
    install_stylesheet();
    window
        .history()
        .expect("history")
        .replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&format!("{path}?{query}")),
        )
        .expect("replace");
    let host = document().create_element("div").expect("div");
    host.set_attribute("style", "width:640px").expect("style");
    document()
        .body()
        .expect("body")
        .append_child(&host)
        .expect("append");
    yew::Renderer::<App>::with_root(host.clone()).render();
    settle().await;
    host
}

#[wasm_bindgen_test]
async fn host_options_order_sections_set_the_title_and_colour() {
    let root = mount_with_query(
        "sections=states,estimator&accent=%237a1f5c&title=HIT%20%3Cb%3Epay%3C/b%3E&dark=false",
    )
    .await;
    let ids: Vec<String> = {
        let list = root
            .query_selector_all("[data-testid^=section-], [data-testid^=figure-]")
            .expect("sections");
        (0..list.length())
            .filter_map(|i| list.item(i))
            .filter_map(|n| n.dyn_into::<Element>().ok())
            .filter_map(|e| e.get_attribute("data-testid"))
            .collect()
    };
    assert_eq!(ids, ["figure-states", "section-estimator"]);
    assert_eq!(text(&root, "widget-title"), "HIT <b>pay</b>");
    assert!(
        root.query_selector("b").ok().flatten().is_none(),
        "markup from the URL rendered"
    );
    let html = document().document_element().expect("html");
    let accent = web_sys::window()
        .and_then(|w| w.get_computed_style(&html).ok().flatten())
        .and_then(|s| s.get_property_value("--cpw-accent").ok())
        .unwrap_or_default();
    assert_eq!(accent.trim(), "#7a1f5c");
    assert!(html.class_list().contains("cpw-light"));
    assert_eq!(
        root.query_selector_all("[data-testid=notice]")
            .expect("notices")
            .length(),
        0
    );
}

#[wasm_bindgen_test]
async fn every_input_change_is_written_to_the_url() {
    let root = mount_with_query("years=3&dark=false").await;
    let state: HtmlSelectElement = find(&root, "input-state");
    state.set_value("NJ");
    fire(&state, "change");
    settle().await;
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    assert_eq!(search, "?state=NJ&industry=all&years=3&dark=false");
}
