//! Browser tests (headless Chromium via wasm-bindgen-test): the app mounted in a real page shows
//! what the pure core computes, reacts to input, and draws a crisp chart.
//!
//! Expected estimates are computed here with the same pure core the app uses
//! ([`estimate`] on the compiled-in career, formatted as the app formats English); only figures BLS
//! published (May 2025, SOC 29-2072) are written out as numbers.
#![cfg(target_arch = "wasm32")]

use career_pack::Place;
use career_pay_widget::app::App;
use career_pay_widget::career::{self, Career};
use career_pay_widget::choices::place_options;
use career_pay_widget::config::{parse_industry, parse_place};
use career_pay_widget::estimator::{estimate, Estimate, IndustryChoice, Inputs};
use career_pay_widget::explanation::{explain, factor_notes, pack_source};
use career_pay_widget::messages::{Lang, Msg};
use std::time::Duration;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{
    CanvasRenderingContext2d, Element, HtmlCanvasElement, HtmlElement, HtmlInputElement,
    HtmlSelectElement, KeyboardEvent, KeyboardEventInit, MouseEvent, MouseEventInit, PointerEvent,
    PointerEventInit,
};

mod support;

/// What the app speaks on an English page: its messages and number formatter.
fn english() -> career_pay_widget::ui::Ui {
    career_pay_widget::ui::Ui::for_lang(Lang::En)
}

use support::{document, fire, install_stylesheet, mouse, settle};

wasm_bindgen_test_configure!(run_in_browser);

/// Chart `id`'s canvas, scrolled into view as a reader scrolls to it, once painted: a chart off
/// screen is painted when it comes into view.
async fn chart_in_view(root: &Element, id: &str) -> HtmlCanvasElement {
    let canvas: HtmlCanvasElement = find(root, &format!("chart-{id}"));
    canvas.scroll_into_view();
    settle().await;
    canvas
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

fn find<T: JsCast>(root: &Element, testid: &str) -> T {
    root.query_selector(&format!("[data-testid={testid}]"))
        .ok()
        .flatten()
        .unwrap_or_else(|| panic!("no [data-testid={testid}]"))
        .dyn_into::<T>()
        .unwrap_or_else(|_| panic!("[data-testid={testid}] has another type"))
}

fn exists(root: &Element, testid: &str) -> bool {
    root.query_selector(&format!("[data-testid={testid}]"))
        .ok()
        .flatten()
        .is_some()
}

fn text(root: &Element, testid: &str) -> String {
    find::<Element>(root, testid)
        .text_content()
        .unwrap_or_default()
}

/// Every element under `root` matching `selector`, in document order.
fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).expect("selector");
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<Element>().ok())
        .collect()
}

/// The texts of the list items under `testid`, in order (empty if it is not rendered).
fn items(root: &Element, testid: &str) -> Vec<String> {
    all(root, &format!("[data-testid={testid}] li"))
        .iter()
        .map(|li| li.text_content().unwrap_or_default())
        .collect()
}

/// The page's query string, as the widget last wrote it.
fn search() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

fn career() -> &'static Career {
    career::current().expect("the compiled-in pack decodes")
}

/// The place a URL `place` value names (`US`, `NJ`, `25540`), read as the app reads it.
fn place(value: &str) -> &'static Place {
    parse_place(value, career()).unwrap_or_else(|n| panic!("place={value}: {n:?}"))
}

/// What the pure core estimates for a place, an industry (`all` or an OEWS code) and years.
fn expected(place_value: &str, industry: &str, years: u8) -> Estimate {
    let c = career();
    let industry =
        parse_industry(industry, c).unwrap_or_else(|n| panic!("industry={industry}: {n:?}"));
    let inputs = Inputs {
        place: place(place_value),
        industry,
        years,
    };
    estimate(c, inputs).expect("estimate")
}

fn expected_annual(place_value: &str, years: u8) -> String {
    english()
        .fmt
        .money(expected(place_value, "all", years).annual)
}

/// "Based on BLS OEWS May 2025, SOC 29-2072, New Jersey.", for the place whose figures are used.
fn based_on(place_name: &str) -> String {
    Lang::En.fill(
        Msg::EstimateBasedOn,
        &[&pack_source(career(), place_name, Lang::En)],
    )
}

/// The title of the chart `id` (`metros`, `distribution`).
fn chart_title(root: &Element, id: &str) -> String {
    root.query_selector(&format!("[data-testid=figure-{id}] .cpw-figure-title"))
        .ok()
        .flatten()
        .and_then(|h| h.text_content())
        .unwrap_or_else(|| panic!("no title for chart {id}"))
}

// The place picker (a WAI-ARIA combobox) as a reader uses it.

fn place_input(root: &Element) -> HtmlInputElement {
    find(root, "input-place")
}

/// Types `typed` into the place box, as a keyboard does (value, then an `input` event).
async fn type_place(root: &Element, typed: &str) {
    let input = place_input(root);
    input.focus().expect("focus");
    input.set_value(typed);
    fire(&input, "input");
    settle().await;
}

/// The picker's options on offer, top to bottom.
fn place_options_shown(root: &Element) -> Vec<Element> {
    all(
        root,
        "[data-testid=input-place] ~ [role=listbox] [role=option]",
    )
}

fn label_of(option: &Element) -> String {
    option.text_content().unwrap_or_default().trim().to_owned()
}

/// The label of the option `aria-activedescendant` names (looked up in this widget only: every
/// widget on the page uses the same ids).
fn active_place(root: &Element) -> Option<String> {
    let id = place_input(root).get_attribute("aria-activedescendant")?;
    root.query_selector(&format!("#{id}"))
        .ok()
        .flatten()
        .map(|o| label_of(&o))
}

/// Types `typed`, walks the matches with ArrowDown to `label` and chooses it with Enter.
async fn choose_place_by_keys(root: &Element, typed: &str, label: &str) {
    type_place(root, typed).await;
    let input = place_input(root);
    assert_eq!(
        input.get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
    let offered = place_options_shown(root).len();
    for _ in 0..offered {
        assert!(!press(&input, "ArrowDown"), "ArrowDown is the picker's");
        settle().await;
        if active_place(root).as_deref() == Some(label) {
            assert!(!press(&input, "Enter"), "Enter is the picker's");
            settle().await;
            return;
        }
    }
    let shown: Vec<String> = place_options_shown(root).iter().map(label_of).collect();
    panic!("{label:?} is not offered for {typed:?}: {shown:?}");
}

/// Types `typed` and clicks the option labelled `label`.
async fn choose_place_by_click(root: &Element, typed: &str, label: &str) {
    type_place(root, typed).await;
    let option = place_options_shown(root)
        .into_iter()
        .find(|o| label_of(o) == label)
        .unwrap_or_else(|| panic!("{label:?} is not offered for {typed:?}"));
    assert!(
        !mouse(&option, "mousedown"),
        "pressing keeps focus in the box"
    );
    mouse(&option, "click");
    settle().await;
}

/// Checks the picker shows `label`, closed.
#[track_caller]
fn assert_place_shown(root: &Element, label: &str) {
    let input = place_input(root);
    assert_eq!(input.value(), label);
    assert_eq!(
        input.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
}

#[wasm_bindgen_test]
async fn shows_the_estimators_number_and_follows_the_place() {
    let root = mount().await;
    assert_eq!(text(&root, "estimate-annual"), expected_annual("US", 0));
    assert!(text(&root, "estimate-label")
        .to_lowercase()
        .contains("estimate"));
    assert_eq!(
        text(&root, "estimate-source"),
        based_on("the United States")
    );

    // Closed, the box names the current choice; Down on it lists every place with a row.
    let nation = Lang::En.text(Msg::NationalOption);
    assert_place_shown(&root, nation);
    let input = place_input(&root);
    press(&input, "ArrowDown");
    settle().await;
    let offered = place_options_shown(&root);
    assert_eq!(offered.len(), place_options(career(), nation).len());
    assert_eq!(offered.first().map(label_of).as_deref(), Some(nation));
    assert_eq!(active_place(&root).as_deref(), Some(nation));
    press(&input, "Escape");
    settle().await;

    choose_place_by_keys(&root, "New Jersey", "New Jersey").await;
    assert_place_shown(&root, "New Jersey");
    assert_eq!(text(&root, "estimate-annual"), expected_annual("NJ", 0));
    assert_ne!(expected_annual("NJ", 0), expected_annual("US", 0));
    assert!(text(&root, "estimate-for").starts_with("New Jersey"));
    // New Jersey's own published distribution, not the nation's scaled.
    assert_eq!(text(&root, "estimate-source"), based_on("New Jersey"));
    assert_eq!(
        items(&root, "estimate-factors"),
        factor_notes(
            career(),
            &expected("NJ", "all", 0),
            Lang::En,
            &*english().fmt
        )
    );
    assert_eq!(
        chart_title(&root, "distribution"),
        "Annual pay in New Jersey, May 2025"
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
    let e = expected("US", "all", 5);
    let f = english().fmt;
    assert_eq!(text(&root, "estimate-annual"), f.money(e.annual));
    let hourly = e.hourly.expect("BLS publishes hourly pay for 29-2072");
    assert_eq!(text(&root, "estimate-hourly"), f.money_cents(hourly));
    assert_eq!(text(&root, "estimate-low"), f.money(e.low));
    assert_eq!(text(&root, "estimate-high"), f.money(e.high));
    assert_ne!(f.money(e.annual), expected_annual("US", 0));
    years.set_value("1");
    fire(&years, "input");
    settle().await;
    assert_eq!(text(&root, "years-value"), "1 year");
    assert_eq!(text(&root, "estimate-annual"), expected_annual("US", 1));
}

#[wasm_bindgen_test]
async fn the_industry_moves_the_estimate() {
    let root = mount().await;
    let industry: HtmlSelectElement = find(&root, "input-industry");
    assert_eq!(industry.value(), "all");
    industry.set_value("622000");
    assert_eq!(industry.value(), "622000", "Hospitals is offered");
    fire(&industry, "change");
    settle().await;
    let e = expected("US", "622000", 0);
    assert_eq!(
        text(&root, "estimate-annual"),
        english().fmt.money(e.annual)
    );
    assert_ne!(text(&root, "estimate-annual"), expected_annual("US", 0));
    let IndustryChoice::Industry(hospitals) = e.inputs.industry else {
        panic!("622000 is an industry");
    };
    assert_eq!(hospitals.title, "Hospitals");
    assert!(text(&root, "estimate-for").contains("Hospitals"));
    assert_eq!(
        items(&root, "estimate-factors"),
        factor_notes(career(), &e, Lang::En, &*english().fmt)
    );
    assert_eq!(current_row(&root, "industries").await, "Hospitals");
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
    let steps: Vec<String> = all(&details, "li")
        .iter()
        .map(|li| li.text_content().unwrap_or_default())
        .collect();
    assert!(steps.len() >= 6, "{} steps", steps.len());
    let e = expected("US", "all", 0);
    assert_eq!(steps, explain(career(), &e, Lang::En, &*english().fmt));
    let all = details.text_content().unwrap_or_default();
    assert!(
        all.contains("BLS OEWS May 2025, SOC 29-2072, the United States"),
        "{all}"
    );
}

#[wasm_bindgen_test]
async fn the_published_may_2025_figures_are_shown() {
    let root = mount().await;
    for (testid, figure) in [
        ("fact-median", "$51,140"),
        ("fact-mean", "$56,790"),
        ("fact-p10", "$37,000"),
    ] {
        let fact = text(&root, testid);
        assert!(
            fact.contains(figure) && fact.contains("May 2025"),
            "{testid}: {fact}"
        );
    }
}

#[wasm_bindgen_test]
async fn the_chart_is_drawn_at_device_resolution() {
    let root = mount().await;
    let canvas = chart_in_view(&root, "distribution").await;
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
    let canvas = chart_in_view(&root, "distribution").await;
    let before = canvas.to_data_url().expect("png");
    choose_place_by_click(&root, "Columbia", "District of Columbia").await;
    assert_place_shown(&root, "District of Columbia");
    assert_eq!(text(&root, "estimate-annual"), expected_annual("DC", 0));
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

/// Presses `key` on `el`; false when a handler prevented the default action.
fn press(el: &Element, key: &str) -> bool {
    let init = KeyboardEventInit::new();
    init.set_bubbles(true);
    init.set_cancelable(true);
    init.set_key(key);
    let event = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).expect("event");
    el.dispatch_event(&event).expect("dispatch")
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
    let canvas = chart_in_view(&root, "distribution").await;
    assert_eq!(tooltip_text(&root, "distribution"), None);
    // Sweep the strip until the pointer is over the median: where it lands depends on layout,
    // what it says must not.
    let mut seen = Vec::new();
    for x in (0..canvas.client_width()).step_by(3) {
        point_at(&canvas, f64::from(x), 56.0);
        settle().await;
        if let Some(text) = tooltip_text(&root, "distribution") {
            if text.starts_with("Median") {
                assert!(text.contains("$51,140"), "{text}");
                assert!(
                    text.contains("May 2025") && text.contains("29-2072"),
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
    let canvas = chart_in_view(&root, "distribution").await;
    canvas.focus().expect("focus");
    settle().await;
    press(&canvas, "Home");
    settle().await;
    let first = tooltip_text(&root, "distribution").expect("a tooltip on focus");
    assert!(
        first.starts_with("10th percentile") && first.contains("$37,000"),
        "{first}"
    );
    press(&canvas, "ArrowRight");
    settle().await;
    let second = tooltip_text(&root, "distribution").expect("tooltip");
    assert!(
        second.starts_with("25th percentile") && second.contains("$43,490"),
        "{second}"
    );
    press(&canvas, "Escape");
    settle().await;
    assert_eq!(tooltip_text(&root, "distribution"), None);
}

#[wasm_bindgen_test]
async fn a_resize_redraws_at_the_new_width() {
    let root = mount().await;
    let canvas = chart_in_view(&root, "distribution").await;
    // On screen, as a reader sees it: charts off screen are painted when they come into view.
    canvas.scroll_into_view();
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
async fn a_chart_off_screen_is_laid_out_at_once_but_painted_when_it_comes_into_view() {
    let root = mount().await;
    let canvas = chart_in_view(&root, "distribution").await;
    canvas.scroll_into_view();
    settle().await;
    // A spacer twice the window's height pushes the chart out of view, then it narrows.
    let tall = web_sys::window()
        .and_then(|w| w.inner_height().ok())
        .and_then(|h| h.as_f64())
        .unwrap_or(900.0)
        * 2.0;
    let document = root.owner_document().expect("a document");
    let spacer: HtmlElement = document
        .create_element("div")
        .expect("a div")
        .dyn_into()
        .expect("an element");
    spacer
        .set_attribute("style", &format!("height:{tall}px"))
        .expect("style");
    root.parent_node()
        .expect("a parent")
        .insert_before(&spacer, Some(&root))
        .expect("inserted");
    spacer.scroll_into_view();
    settle().await;
    settle().await;
    let before = canvas.width();
    root.set_attribute("style", "width:420px").expect("style");
    for _ in 0..5 {
        settle().await;
    }
    assert_eq!(canvas.width(), before, "not painted while off screen");
    canvas.scroll_into_view();
    for _ in 0..10 {
        settle().await;
        if canvas.width() != before {
            break;
        }
    }
    assert!(canvas.width() < before, "painted once in view");
    spacer.remove();
}

#[wasm_bindgen_test]
async fn at_device_pixel_ratio_2_the_backing_store_is_twice_the_css_size() {
    let window = web_sys::window().expect("window");
    let original = window.device_pixel_ratio();
    set_device_pixel_ratio(2.0);
    let root = mount().await;
    let canvas = chart_in_view(&root, "distribution").await;
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
    let init = MouseEventInit::new();
    init.set_bubbles(true);
    init.set_client_x((rect.left() + x) as i32);
    init.set_client_y((rect.top() + y) as i32);
    let event = MouseEvent::new_with_mouse_event_init_dict("click", &init).expect("event");
    el.dispatch_event(&event).expect("dispatch");
}

/// The highlighted row of chart `id`'s data table, opened as a reader opens it ("Show data"):
/// closed, the table is not in the DOM at all.
async fn current_row(root: &Element, id: &str) -> String {
    let details = find::<HtmlElement>(root, &format!("data-{id}"));
    if !details.has_attribute("open") {
        let _ = details.set_attribute("open", "");
        settle().await;
    }
    root.query_selector(&format!("[data-testid=data-{id}] .cpw-row-current th"))
        .ok()
        .flatten()
        .and_then(|th| th.text_content())
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn clicking_a_state_bar_selects_it_and_every_chart_follows() {
    let root = mount().await;
    let canvas = chart_in_view(&root, "states").await;
    let before = text(&root, "estimate-annual");
    let x = f64::from(canvas.client_width()) * 0.5;
    for y in (0..canvas.client_height()).step_by(4) {
        point_at(&canvas, x, f64::from(y));
        yew::platform::time::sleep(Duration::from_millis(5)).await;
        if tooltip_text(&root, "states").is_some_and(|t| t.starts_with("New Jersey")) {
            click_at(&canvas, x, f64::from(y));
            settle().await;
            assert_place_shown(&root, "New Jersey");
            assert_eq!(text(&root, "estimate-annual"), expected_annual("NJ", 0));
            assert_ne!(text(&root, "estimate-annual"), before);
            assert_eq!(current_row(&root, "states").await, "New Jersey");
            assert!(text(&root, "estimate-for").starts_with("New Jersey"));
            // The estimate now rests on New Jersey's own distribution, which the chart shows.
            assert_eq!(text(&root, "estimate-source"), based_on("New Jersey"));
            assert_eq!(
                chart_title(&root, "distribution"),
                "Annual pay in New Jersey, May 2025"
            );
            assert_eq!(
                chart_title(&root, "metros"),
                Lang::En.fill(Msg::ChartMetrosTitle, &["New Jersey"])
            );
            assert_eq!(search(), "?place=NJ&industry=all&years=0");
            return;
        }
    }
    panic!("no New Jersey bar found under the pointer");
}

#[wasm_bindgen_test]
async fn enter_on_a_focused_year_sets_the_slider() {
    let root = mount().await;
    let canvas = chart_in_view(&root, "experience").await;
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
    assert_eq!(text(&root, "years-value"), "5 years");
    assert_eq!(text(&root, "estimate-annual"), expected_annual("US", 5));
    assert_eq!(current_row(&root, "experience").await, "5");
}

#[wasm_bindgen_test]
async fn choosing_a_metro_shows_its_own_estimate_and_its_states_metro_areas() {
    let root = mount().await;
    // Nationally there is no state to break down: a hint instead of a chart.
    assert!(!exists(&root, "chart-metros"));
    assert!(
        text(&root, "section-metros").contains(Lang::En.text(Msg::ChartMetrosHint)),
        "{}",
        text(&root, "section-metros")
    );

    let hartford = place("25540").title.as_str();
    assert!(hartford.starts_with("Hartford"), "{hartford}");
    choose_place_by_keys(&root, "Hart", hartford).await;
    assert_place_shown(&root, hartford);

    let e = expected("25540", "all", 0);
    assert!(
        std::ptr::eq(e.base.place, place("25540")),
        "Hartford's own wages are published"
    );
    assert_eq!(
        text(&root, "estimate-annual"),
        english().fmt.money(e.annual)
    );
    assert_ne!(expected_annual("25540", 0), expected_annual("CT", 0));
    assert!(text(&root, "estimate-for").starts_with(hartford));
    assert_eq!(text(&root, "estimate-source"), based_on(hartford));
    assert_eq!(
        items(&root, "estimate-factors"),
        factor_notes(career(), &e, Lang::En, &*english().fmt)
    );
    assert_eq!(
        chart_title(&root, "distribution"),
        format!("Annual pay in {hartford}, May 2025")
    );

    // The metro areas of Connecticut, Hartford's marked.
    assert!(!exists(&root, "section-metros"), "the hint is gone");
    assert_eq!(
        chart_title(&root, "metros"),
        Lang::En.fill(Msg::ChartMetrosTitle, &["Connecticut"])
    );
    let canvas = chart_in_view(&root, "metros").await;
    assert_eq!(
        canvas.get_attribute("data-chart-drawn").as_deref(),
        Some("true")
    );
    assert_eq!(current_row(&root, "metros").await, hartford);
    assert_eq!(current_row(&root, "states").await, "Connecticut");

    // A metro is written to the URL by its 5-digit code.
    assert_eq!(search(), "?place=25540&industry=all&years=0");
}

#[wasm_bindgen_test]
async fn a_place_without_published_wages_falls_back_and_says_so() {
    let root = mount_with_query("place=21300").await;
    assert_place_shown(&root, "Elmira, NY");
    assert!(all(&root, "[data-testid=notice]").is_empty());
    let e = expected("21300", "all", 0);
    assert_eq!(
        text(&root, "estimate-annual"),
        english().fmt.money(e.annual)
    );
    assert_eq!(expected_annual("21300", 0), expected_annual("NY", 0));
    assert!(text(&root, "estimate-for").starts_with("Elmira, NY"));
    assert_eq!(
        items(&root, "estimate-factors"),
        ["BLS published no May 2025 wages for Elmira, NY: the figures for New York are used instead."]
    );
    assert_eq!(text(&root, "estimate-source"), based_on("New York"));
    assert_eq!(
        chart_title(&root, "distribution"),
        "Annual pay in New York, May 2025"
    );
    assert_eq!(
        chart_title(&root, "metros"),
        Lang::En.fill(Msg::ChartMetrosTitle, &["New York"])
    );
    assert_eq!(current_row(&root, "metros").await, "Elmira, NY");
    assert_eq!(search(), "?place=21300&industry=all&years=0");
}

#[wasm_bindgen_test]
async fn old_links_keep_working() {
    let root = mount_with_query("state=nj&industry=legal-services&years=5").await;
    assert!(all(&root, "[data-testid=notice]").is_empty());
    assert_place_shown(&root, "New Jersey");
    let industry: HtmlSelectElement = find(&root, "input-industry");
    assert_eq!(industry.value(), "541100");
    let years: HtmlInputElement = find(&root, "input-years");
    assert_eq!(years.value(), "5");
    assert_eq!(
        text(&root, "estimate-annual"),
        english().fmt.money(expected("NJ", "541100", 5).annual)
    );
    assert_eq!(search(), "?place=NJ&industry=541100&years=5");
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
    let ids: Vec<String> = all(&root, "[data-testid^=section-], [data-testid^=figure-]")
        .iter()
        .filter_map(|e| e.get_attribute("data-testid"))
        .collect();
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
    assert!(all(&root, "[data-testid=notice]").is_empty());
}

#[wasm_bindgen_test]
async fn every_input_change_is_written_to_the_url() {
    let root = mount_with_query("years=3&dark=false").await;
    assert_eq!(search(), "?place=US&industry=all&years=3&dark=false");
    choose_place_by_keys(&root, "NJ", "New Jersey").await;
    assert_eq!(search(), "?place=NJ&industry=all&years=3&dark=false");
    let industry: HtmlSelectElement = find(&root, "input-industry");
    industry.set_value("622000");
    fire(&industry, "change");
    settle().await;
    assert_eq!(search(), "?place=NJ&industry=622000&years=3&dark=false");
    let years: HtmlInputElement = find(&root, "input-years");
    years.set_value("7");
    fire(&years, "input");
    settle().await;
    assert_eq!(search(), "?place=NJ&industry=622000&years=7&dark=false");
    assert_eq!(
        text(&root, "estimate-annual"),
        english().fmt.money(expected("NJ", "622000", 7).annual)
    );
}

#[wasm_bindgen_test]
async fn clicking_an_industry_bar_selects_it_in_the_form() {
    let root = mount().await;
    let industry: HtmlSelectElement = find(&root, "input-industry");
    industry.set_value("622000");
    fire(&industry, "change");
    settle().await;
    assert_eq!(current_row(&root, "industries").await, "Hospitals");
    let canvas = chart_in_view(&root, "industries").await;
    canvas.focus().expect("focus");
    settle().await;
    // Focus starts on the chosen industry; the first bar is another one.
    press(&canvas, "Home");
    settle().await;
    let tip = tooltip_text(&root, "industries").expect("a tooltip");
    assert!(!tip.starts_with("Hospitals"), "{tip}");
    press(&canvas, "Enter");
    settle().await;
    let chosen = industry.value();
    assert_ne!(chosen, "622000");
    assert_eq!(search(), format!("?place=US&industry={chosen}&years=0"));
    let row = current_row(&root, "industries").await;
    assert!(!row.is_empty() && tip.starts_with(&row), "{row} / {tip}");
    assert!(text(&root, "estimate-for").contains(&row));
    assert_eq!(
        text(&root, "estimate-annual"),
        english().fmt.money(expected("US", &chosen, 0).annual)
    );
}

// The picker's box always shows the app's place, even when the place returns from outside the
// picker (a chart bar, Back) to a value it had when an earlier choice was made in the box.

#[wasm_bindgen_test]
async fn the_picker_follows_a_state_chosen_on_the_chart_after_a_metro() {
    let root = mount().await;
    choose_place_by_keys(&root, "Connecticut", "Connecticut").await;
    assert_place_shown(&root, "Connecticut");
    let hartford = place("25540").title.as_str();
    choose_place_by_keys(&root, "Hart", hartford).await;
    assert_place_shown(&root, hartford);
    // Back to Connecticut on the states chart: focus starts on the reader's state.
    let canvas = chart_in_view(&root, "states").await;
    canvas.focus().expect("focus");
    settle().await;
    let tip = tooltip_text(&root, "states").expect("a tooltip");
    assert!(tip.starts_with("Connecticut"), "{tip}");
    press(&canvas, "Enter");
    settle().await;
    assert_eq!(search(), "?place=CT&industry=all&years=0");
    assert!(text(&root, "estimate-for").starts_with("Connecticut"));
    assert_eq!(text(&root, "estimate-annual"), expected_annual("CT", 0));
    assert_place_shown(&root, "Connecticut");
}

#[wasm_bindgen_test]
async fn back_restores_the_place_and_the_pickers_label() {
    let root = mount().await;
    let window = web_sys::window().expect("window");
    let history = window.history().expect("history");
    // A host page's own history entry, with the national view.
    let url = format!(
        "{}{}",
        window.location().pathname().expect("path"),
        search()
    );
    history
        .push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        .expect("push");
    let hartford = place("25540").title.as_str();
    choose_place_by_keys(&root, "Hart", hartford).await;
    assert_eq!(search(), "?place=25540&industry=all&years=0");
    history.back().expect("back");
    for _ in 0..5 {
        settle().await;
    }
    // Widgets earlier tests mounted in this page still follow history too, and one of them may
    // write its own options after this widget's inputs (`&dark=false`).
    assert!(
        search().starts_with("?place=US&industry=all&years=0"),
        "{}",
        search()
    );
    assert_eq!(text(&root, "estimate-annual"), expected_annual("US", 0));
    assert_place_shown(&root, Lang::En.text(Msg::NationalOption));
}
