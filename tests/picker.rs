//! Browser tests (headless Chromium via wasm-bindgen-test) of the place picker alone: filtering,
//! the APG combobox keys, grouping under state headings, choosing by key and by click.
#![cfg(target_arch = "wasm32")]

use career_pay_widget::components::place_picker::{PlacePicker, PlacePickerProps};
use career_pay_widget::place_search::PlaceOption;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlInputElement, KeyboardEvent, KeyboardEventInit};
use yew::Callback;

mod support;

use support::{document, fire, install_stylesheet, mouse, settle};

wasm_bindgen_test_configure!(run_in_browser);

/// One choice, as the widget builds them.
fn place(value: &str, label: &str, group: &str, keywords: &str) -> PlaceOption {
    PlaceOption::new(value, label, group, keywords)
}

/// Eleven made-up choices: the nation, then three states with a few metros each.
fn places() -> Vec<PlaceOption> {
    vec![
        place("0000000", "National", "", "US"),
        place("0900000", "Connecticut", "Connecticut", "CT"),
        place(
            "0014860",
            "Bridgeport-Stamford-Danbury, CT",
            "Connecticut",
            "",
        ),
        place(
            "0025540",
            "Hartford-West Hartford-East Hartford, CT",
            "Connecticut",
            "",
        ),
        place("0035300", "New Haven, CT", "Connecticut", ""),
        place("3400000", "New Jersey", "New Jersey", "NJ"),
        place("0012100", "Atlantic City-Hammonton, NJ", "New Jersey", ""),
        place("0045940", "Trenton-Princeton, NJ", "New Jersey", ""),
        place("3500000", "New Mexico", "New Mexico", "NM"),
        place("0010740", "Albuquerque, NM", "New Mexico", ""),
        place("0042140", "Santa Fe, NM", "New Mexico", ""),
    ]
}

/// A mounted picker: its host element and every value it handed to `on_choose`.
struct Mounted {
    root: Element,
    chosen: Rc<RefCell<Vec<String>>>,
}

/// Mounts a picker over `places()` with the nation chosen. Each test passes its own `id`: earlier
/// tests' pickers stay on the page, and ids must not repeat.
async fn mount(id: &str) -> Mounted {
    mount_with(id, places()).await
}

async fn mount_with(id: &str, options: Vec<PlaceOption>) -> Mounted {
    install_stylesheet();
    let root = document().create_element("div").expect("div");
    root.set_attribute("style", "width:400px").expect("style");
    document()
        .body()
        .expect("body")
        .append_child(&root)
        .expect("append");
    let chosen = Rc::new(RefCell::new(Vec::new()));
    let props = PlacePickerProps {
        id: id.to_owned().into(),
        options: Rc::new(options),
        selected: "0000000".into(),
        on_choose: {
            let chosen = chosen.clone();
            Callback::from(move |value: String| chosen.borrow_mut().push(value))
        },
        placeholder: "Type a city, state or metro area".into(),
        no_results: "No place matches".into(),
        count_text: Callback::from(|n: usize| format!("{n} places match")),
        test_id: "input-place".into(),
        list_label: "Places".into(),
    };
    yew::Renderer::<PlacePicker>::with_root_and_props(root.clone(), props).render();
    settle().await;
    Mounted { root, chosen }
}

impl Mounted {
    fn input(&self) -> HtmlInputElement {
        self.root
            .query_selector("[data-testid=input-place]")
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into().ok())
            .expect("the picker's input")
    }

    fn one(&self, selector: &str) -> Option<Element> {
        self.root.query_selector(selector).ok().flatten()
    }

    fn all(&self, selector: &str) -> Vec<Element> {
        let list = self.root.query_selector_all(selector).expect("selector");
        (0..list.length())
            .filter_map(|i| list.item(i))
            .filter_map(|n| n.dyn_into::<Element>().ok())
            .collect()
    }

    /// The labels of the options on offer, top to bottom.
    fn options(&self) -> Vec<String> {
        self.all("[role=option]")
            .iter()
            .map(|o| o.text_content().unwrap_or_default().trim().to_owned())
            .collect()
    }

    fn status(&self) -> String {
        self.one("[aria-live=polite]")
            .and_then(|s| s.text_content())
            .unwrap_or_default()
            .trim()
            .to_owned()
    }

    fn expanded(&self) -> String {
        self.input()
            .get_attribute("aria-expanded")
            .unwrap_or_default()
    }

    fn active_descendant(&self) -> Option<String> {
        self.input().get_attribute("aria-activedescendant")
    }

    /// The label of the option that `aria-activedescendant` names, checking the option is the
    /// only one marked selected.
    fn active_label(&self) -> Option<String> {
        let id = self.active_descendant()?;
        let selected = self.all("[aria-selected=true]");
        assert_eq!(selected.len(), 1, "one option is marked selected");
        assert_eq!(selected[0].id(), id, "aria-activedescendant names it");
        assert_eq!(selected[0].get_attribute("role").as_deref(), Some("option"));
        Some(
            selected[0]
                .text_content()
                .unwrap_or_default()
                .trim()
                .to_owned(),
        )
    }

    async fn type_text(&self, text: &str) {
        let input = self.input();
        input.set_value(text);
        fire(&input, "input");
        settle().await;
    }

    /// Presses `key` on the input; false when the picker prevented the default action.
    async fn press(&self, key: &str) -> bool {
        let init = KeyboardEventInit::new();
        init.set_bubbles(true);
        init.set_cancelable(true);
        init.set_key(key);
        let event =
            KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).expect("event");
        let default_ran = self.input().dispatch_event(&event).expect("dispatch");
        settle().await;
        default_ran
    }
}

const HARTFORD: &str = "Hartford-West Hartford-East Hartford, CT";

#[wasm_bindgen_test]
async fn closed_it_shows_the_current_choice_and_is_a_combobox() {
    let p = mount("pick-closed").await;
    let input = p.input();
    assert_eq!(input.value(), "National");
    assert_eq!(input.id(), "pick-closed");
    assert_eq!(input.get_attribute("role").as_deref(), Some("combobox"));
    assert_eq!(
        input.get_attribute("aria-autocomplete").as_deref(),
        Some("list")
    );
    assert_eq!(
        input.get_attribute("aria-controls").as_deref(),
        Some("pick-closed-listbox")
    );
    assert_eq!(
        input.placeholder(),
        "Type a city, state or metro area".to_owned()
    );
    assert_eq!(p.expanded(), "false");
    assert_eq!(p.active_descendant(), None);
    let list = p.one("#pick-closed-listbox").expect("the listbox");
    assert_eq!(list.get_attribute("role").as_deref(), Some("listbox"));
    assert_eq!(list.get_attribute("aria-label").as_deref(), Some("Places"));
    assert!(list.has_attribute("hidden"));
    assert_eq!(p.status(), "");
}

#[wasm_bindgen_test]
async fn typing_filters_the_options_and_announces_the_count() {
    let p = mount("pick-type").await;
    p.type_text("Hart").await;
    assert_eq!(p.expanded(), "true");
    assert_eq!(p.options(), [HARTFORD]);
    assert_eq!(p.status(), "1 places match");
    // APG list autocomplete with manual selection: nothing is active until an arrow key.
    assert_eq!(p.active_descendant(), None);
    let list = p.one("[role=listbox]").expect("listbox");
    assert!(!list.has_attribute("hidden"));
    assert!(list.get_bounding_client_rect().height() > 20.0, "visible");

    p.type_text("new").await;
    assert_eq!(
        p.options(),
        [
            "New Haven, CT",
            "New Jersey",
            "Atlantic City-Hammonton, NJ",
            "Trenton-Princeton, NJ",
            "New Mexico",
            "Albuquerque, NM",
            "Santa Fe, NM",
        ],
        "label prefixes first, gathered under their states"
    );
    assert_eq!(p.status(), "7 places match");
}

#[wasm_bindgen_test]
async fn arrow_down_then_enter_chooses_the_active_option() {
    let p = mount("pick-enter").await;
    p.type_text("Hart").await;
    assert!(!p.press("ArrowDown").await, "the caret stays put");
    assert_eq!(p.active_label().as_deref(), Some(HARTFORD));
    assert_eq!(
        p.active_descendant().as_deref(),
        Some("pick-enter-option-3")
    );
    assert!(p.chosen.borrow().is_empty());
    assert!(!p.press("Enter").await);
    assert_eq!(*p.chosen.borrow(), ["0025540"]);
    assert_eq!(p.expanded(), "false");
    assert_eq!(p.active_descendant(), None);
    assert_eq!(p.input().value(), HARTFORD);
    assert_eq!(p.status(), "");
}

#[wasm_bindgen_test]
async fn arrows_wrap_and_activedescendant_follows() {
    let p = mount("pick-arrows").await;
    p.type_text("new").await;
    p.press("ArrowUp").await;
    assert_eq!(p.active_label().as_deref(), Some("Santa Fe, NM"));
    p.press("ArrowDown").await;
    assert_eq!(p.active_label().as_deref(), Some("New Haven, CT"));
    p.press("ArrowDown").await;
    assert_eq!(p.active_label().as_deref(), Some("New Jersey"));
    let id = p.active_descendant().expect("an active option");
    let option = document().get_element_by_id(&id).expect("the option");
    assert!(option.class_list().contains("cpw-picker-active"));
    p.press("ArrowUp").await;
    p.press("ArrowUp").await;
    assert_eq!(p.active_label().as_deref(), Some("Santa Fe, NM"));
    // Home and End belong to the text (APG): the caret moves, visual focus leaves the list.
    assert!(p.press("Home").await, "Home still moves the caret");
    assert_eq!(p.active_descendant(), None);
    assert!(p.all("[aria-selected=true]").is_empty());
    assert_eq!(p.expanded(), "true");
    assert!(p.chosen.borrow().is_empty());
}

#[wasm_bindgen_test]
async fn escape_closes_then_clears_and_leaving_restores_the_label() {
    let p = mount("pick-escape").await;
    let input = p.input();
    input.focus().expect("focus");
    p.type_text("New").await;
    p.press("ArrowDown").await;
    assert_eq!(p.expanded(), "true");
    assert!(!p.press("Escape").await);
    assert_eq!(p.expanded(), "false");
    assert_eq!(p.active_descendant(), None);
    assert!(p
        .one("[role=listbox]")
        .expect("listbox")
        .has_attribute("hidden"));
    assert_eq!(input.value(), "New", "closing keeps what was typed");
    assert!(!p.press("Escape").await);
    assert_eq!(input.value(), "", "a second Escape clears the box");
    assert!(
        p.press("Escape").await,
        "nothing left to clear: not handled"
    );
    input.blur().expect("blur");
    settle().await;
    assert_eq!(input.value(), "National", "leaving restores the choice");
    assert!(p.chosen.borrow().is_empty());
}

#[wasm_bindgen_test]
async fn leaving_after_typing_chooses_nothing() {
    let p = mount("pick-blur").await;
    let input = p.input();
    input.focus().expect("focus");
    p.type_text("Hart").await;
    p.press("ArrowDown").await;
    input.blur().expect("blur");
    settle().await;
    assert_eq!(p.expanded(), "false");
    assert_eq!(input.value(), "National");
    assert!(p.chosen.borrow().is_empty());
}

#[wasm_bindgen_test]
async fn options_are_grouped_under_their_state_headings() {
    let p = mount("pick-groups").await;
    // Down on a closed, untouched box lists everything, starting at the current choice.
    p.press("ArrowDown").await;
    assert_eq!(p.expanded(), "true");
    assert_eq!(p.options().len(), 11);
    assert_eq!(p.active_label().as_deref(), Some("National"));
    assert_eq!(
        p.status(),
        "",
        "browsing is not filtering: nothing announced"
    );
    let headings: Vec<String> = p
        .all("[role=group]")
        .iter()
        .map(|g| {
            let id = g.get_attribute("aria-labelledby").expect("labelled");
            let heading = document().get_element_by_id(&id).expect("its heading");
            assert_eq!(
                heading.get_attribute("role").as_deref(),
                Some("presentation")
            );
            assert_eq!(
                heading.parent_element().as_ref(),
                Some(g),
                "the heading is in the group"
            );
            heading.text_content().unwrap_or_default().trim().to_owned()
        })
        .collect();
    assert_eq!(headings, ["Connecticut", "New Jersey", "New Mexico"]);
    let state_of = |label: &str| -> Option<String> {
        let option = p
            .all("[role=option]")
            .into_iter()
            .find(|o| o.text_content().unwrap_or_default().trim() == label)
            .expect("the option");
        let group = option.closest("[role=group]").ok().flatten()?;
        let id = group.get_attribute("aria-labelledby")?;
        document().get_element_by_id(&id)?.text_content()
    };
    assert_eq!(
        state_of("New Haven, CT").as_deref().map(str::trim),
        Some("Connecticut")
    );
    assert_eq!(
        state_of(HARTFORD).as_deref().map(str::trim),
        Some("Connecticut")
    );
    assert_eq!(
        state_of("Santa Fe, NM").as_deref().map(str::trim),
        Some("New Mexico")
    );
    assert_eq!(state_of("National"), None, "the nation is in no state");
    // Headings are not options: the arrow keys skip them.
    p.press("ArrowDown").await;
    assert_eq!(p.active_label().as_deref(), Some("Connecticut"));
}

#[wasm_bindgen_test]
async fn nothing_matching_says_so_outside_the_listbox() {
    let p = mount("pick-none").await;
    p.type_text("zzz").await;
    assert!(p.options().is_empty());
    assert_eq!(p.expanded(), "false");
    let message = p.one(".cpw-picker-empty").expect("the message");
    assert_eq!(message.text_content().as_deref(), Some("No place matches"));
    assert!(message.closest("[role=listbox]").ok().flatten().is_none());
    assert_eq!(p.status(), "0 places match");
    assert!(!p.press("Escape").await);
    assert!(p.one(".cpw-picker-empty").is_none());
}

#[wasm_bindgen_test]
async fn clicking_an_option_chooses_it_without_blurring_first() {
    let p = mount("pick-click").await;
    p.type_text("trent").await;
    let option = p
        .all("[role=option]")
        .into_iter()
        .find(|o| o.text_content().unwrap_or_default().contains("Trenton"))
        .expect("Trenton is offered");
    assert!(
        !mouse(&option, "mousedown"),
        "pressing keeps focus in the input"
    );
    mouse(&option, "click");
    settle().await;
    assert_eq!(*p.chosen.borrow(), ["0045940"]);
    assert_eq!(p.input().value(), "Trenton-Princeton, NJ");
    assert_eq!(p.expanded(), "false");
}

#[wasm_bindgen_test]
async fn the_active_option_is_scrolled_into_view_within_the_list() {
    let p = mount("pick-scroll").await;
    let scroll_y = web_sys::window().and_then(|w| w.scroll_y().ok());
    p.press("ArrowDown").await;
    let list = p.one("[role=listbox]").expect("listbox");
    assert!(
        list.scroll_height() > list.client_height(),
        "the list is long enough to scroll"
    );
    assert_eq!(list.scroll_top(), 0);
    // Up from the first option wraps to the last, at the bottom of the list.
    p.press("ArrowUp").await;
    assert_eq!(p.active_label().as_deref(), Some("Santa Fe, NM"));
    let within = |label: &str| {
        let option = document()
            .get_element_by_id(&p.active_descendant().expect("active"))
            .expect("option");
        let (o, l) = (
            option.get_bounding_client_rect(),
            list.get_bounding_client_rect(),
        );
        assert!(
            o.top() >= l.top() - 0.5 && o.bottom() <= l.bottom() + 0.5,
            "{label}: option {}..{} outside list {}..{}",
            o.top(),
            o.bottom(),
            l.top(),
            l.bottom()
        );
    };
    within("Santa Fe");
    assert!(list.scroll_top() > 0);
    p.press("ArrowDown").await;
    assert_eq!(p.active_label().as_deref(), Some("National"));
    within("National");
    assert_eq!(list.scroll_top(), 0);
    assert_eq!(
        web_sys::window().and_then(|w| w.scroll_y().ok()),
        scroll_y,
        "only the list scrolls, not the page"
    );
}

#[wasm_bindgen_test]
async fn a_real_sized_list_renders_at_most_sixty_while_filtering() {
    // 561 choices, as many as the real list: the nation and 10 states of 55 metros each.
    let mut options = vec![place("0000000", "National", "", "US")];
    for state in 0..10 {
        let name = format!("State {state}");
        options.push(place(&format!("{state:02}00000"), &name, &name, ""));
        for metro in 0..55 {
            options.push(place(
                &format!("{state:02}{metro:05}"),
                &format!("Metro {metro}, S{state}"),
                &name,
                "",
            ));
        }
    }
    let p = mount_with("pick-many", options).await;
    p.type_text("metro").await;
    assert_eq!(p.options().len(), 60);
    assert_eq!(
        p.status(),
        "550 places match",
        "the count is of every match"
    );
    p.press("ArrowUp").await;
    assert_eq!(
        p.active_label().as_deref(),
        Some("Metro 4, S1"),
        "the arrows walk what is shown"
    );
    p.type_text("metro 42 s7").await;
    assert_eq!(p.options(), ["Metro 42, S7"]);
    // Nothing typed: browsing shows every place, so the arrows can reach the last.
    p.press("Escape").await;
    p.press("Escape").await;
    p.press("ArrowUp").await;
    assert_eq!(p.options().len(), 561);
    assert_eq!(p.active_label().as_deref(), Some("Metro 54, S9"));
}

/// The caller owns the choice: whatever it passes as `selected` is what the closed box shows, also
/// when it goes back to the value that was selected when the reader last chose in the box (in the
/// widget, a chart bar or Back can do that).
#[wasm_bindgen_test]
async fn the_box_follows_selected_even_back_to_an_earlier_value() {
    install_stylesheet();
    let root = document().create_element("div").expect("div");
    root.set_attribute("style", "width:400px").expect("style");
    document()
        .body()
        .expect("body")
        .append_child(&root)
        .expect("append");
    let chosen = Rc::new(RefCell::new(Vec::new()));
    let props = |selected: &str| PlacePickerProps {
        id: "pick-follow".into(),
        options: Rc::new(places()),
        selected: selected.to_owned().into(),
        on_choose: {
            let chosen = chosen.clone();
            Callback::from(move |value: String| chosen.borrow_mut().push(value))
        },
        placeholder: "Type a city, state or metro area".into(),
        no_results: "No place matches".into(),
        count_text: Callback::from(|n: usize| format!("{n} places match")),
        test_id: "input-place".into(),
        list_label: "Places".into(),
    };
    let mut handle =
        yew::Renderer::<PlacePicker>::with_root_and_props(root.clone(), props("0000000")).render();
    settle().await;
    let p = Mounted {
        root,
        chosen: chosen.clone(),
    };
    p.type_text("Hart").await;
    p.press("ArrowDown").await;
    p.press("Enter").await;
    assert_eq!(*p.chosen.borrow(), ["0025540"]);
    // The caller takes the choice, then moves on twice: to Connecticut, then back to the nation.
    for (selected, label) in [
        ("0025540", HARTFORD),
        ("0900000", "Connecticut"),
        ("0000000", "National"),
    ] {
        handle.update(props(selected));
        settle().await;
        assert_eq!(p.input().value(), label, "selected = {selected}");
    }
}
