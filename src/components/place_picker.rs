//! A searchable place picker: the WAI-ARIA APG editable combobox with list autocomplete (manual
//! selection) and a listbox popup whose options are grouped under their state.

use crate::place_search::{group_in_order, PlaceOption, SearchIndex};
use std::rc::Rc;
use web_sys::{Element, HtmlInputElement};
use yew::prelude::*;

/// At most this many options are rendered while the reader filters: a short query can match
/// hundreds of places, and each rendered option costs a diff on every key press.
pub const MAX_SHOWN: usize = 60;

/// The picker's inputs. Every string it shows comes in here, so the caller words it.
#[derive(Properties, PartialEq)]
pub struct PlacePickerProps {
    /// The input's id, e.g. "cpw-place" (a `<label for>` elsewhere points at it); the listbox,
    /// option and heading ids are made from it.
    pub id: AttrValue,
    /// Every choice, grouped by state (the order they are listed in).
    pub options: Rc<Vec<PlaceOption>>,
    /// The value of the current choice.
    pub selected: AttrValue,
    /// Called with the chosen option's value.
    pub on_choose: Callback<String>,
    /// Shown in the empty box, e.g. "Type a city, state or metro area".
    pub placeholder: AttrValue,
    /// Shown instead of the list when nothing matches, e.g. "No place matches".
    pub no_results: AttrValue,
    /// The polite announcement of how many places match, e.g. n -> "12 places match".
    pub count_text: Callback<usize, String>,
    /// Rendered as `data-testid` on the input, e.g. "input-place".
    #[prop_or_default]
    pub test_id: AttrValue,
    /// The listbox's accessible name (a popup listbox needs one of its own), e.g. "Places".
    #[prop_or_default]
    pub list_label: AttrValue,
}

/// What the reader is doing with the picker. Kept in a `RefCell` rather than `use_state` so that
/// key presses handled before the next render (the scheduler renders later, in a microtask) see
/// what the previous key did.
#[derive(Default)]
struct PickerState {
    /// What the reader typed; `None` while the box shows the current choice's label.
    text: Option<String>,
    /// Whether the reader asked for the popup (it shows only when something matches).
    open: bool,
    /// The option with visual focus (an index into the options); DOM focus stays on the input.
    active: Option<usize>,
    /// A choice made here, with the `selected` prop it was made under: it shows until the caller
    /// passes a new `selected` (normally the same value), so the box never shows a stale label.
    chosen: Option<(AttrValue, String)>,
}

impl PickerState {
    /// The value currently chosen: a choice made here, unless the caller has moved on since.
    fn current<'a>(&'a self, selected: &'a AttrValue) -> &'a str {
        match &self.chosen {
            Some((under, value)) if under == selected => value,
            _ => selected,
        }
    }

    fn close(&mut self) {
        self.open = false;
        self.active = None;
    }
}

/// The options list as a memo key: the same shared list is the same key.
struct OptionsKey(Rc<Vec<PlaceOption>>);

impl PartialEq for OptionsKey {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// The options the popup lists for what was typed, in the order they are shown.
struct Listing<'a> {
    /// Shown options under their group headings ("" for the nation: no heading).
    groups: Vec<(&'a str, Vec<usize>)>,
    /// The same options, flat, in the order the arrow keys walk them.
    order: Vec<usize>,
    /// How many options match, shown or not.
    total: usize,
}

fn listing<'a>(options: &'a [PlaceOption], index: &SearchIndex, text: Option<&str>) -> Listing<'a> {
    let query = text.unwrap_or("");
    let mut found = index.matches(query, usize::MAX);
    let total = found.len();
    // Browsing (nothing typed) shows every place, or the arrow keys could never reach Wyoming.
    if !query.trim().is_empty() {
        found.truncate(MAX_SHOWN);
    }
    let groups = group_in_order(options, &found);
    let order = groups
        .iter()
        .flat_map(|(_, members)| members.iter().copied())
        .collect();
    Listing {
        groups,
        order,
        total,
    }
}

fn option_id(base: &str, index: usize) -> String {
    format!("{base}-option-{index}")
}

/// The option after (`forward`) or before `from` in `order`, wrapping round as APG does (Home and
/// End move the caret instead); from no option, the first or the last.
fn step(order: &[usize], from: Option<usize>, forward: bool) -> Option<usize> {
    let len = order.len();
    if len == 0 {
        return None;
    }
    let at = from.and_then(|a| order.iter().position(|&i| i == a));
    let next = match (at, forward) {
        (Some(p), true) => (p + 1) % len,
        (Some(p), false) => (p + len - 1) % len,
        (None, true) => 0,
        (None, false) => len - 1,
    };
    order.get(next).copied()
}

/// Scrolls `list` just enough to show `option` (and the heading above a group's first option, so
/// the reader sees which state it is in). Only the list scrolls: `scrollIntoView` would scroll
/// the host page too.
fn keep_in_view(list: &Element, option: &Element) {
    let bounds = list.get_bounding_client_rect();
    let top_edge = bounds.top() + f64::from(list.client_top());
    let bottom_edge = top_edge + f64::from(list.client_height());
    let rect = option.get_bounding_client_rect();
    let top = option
        .previous_element_sibling()
        .filter(|h| h.get_attribute("role").as_deref() == Some("presentation"))
        .map_or(rect.top(), |h| h.get_bounding_client_rect().top());
    if top < top_edge {
        list.set_scroll_top(list.scroll_top() - (top_edge - top).ceil() as i32);
    } else if rect.bottom() > bottom_edge {
        list.set_scroll_top(list.scroll_top() + (rect.bottom() - bottom_edge).ceil() as i32);
    }
}

/// An editable combobox over `options`: typing filters, the arrow keys walk the matches, Enter or
/// a click chooses one, Escape closes (and, closed, clears the box), leaving restores the label.
#[function_component(PlacePicker)]
pub fn place_picker(props: &PlacePickerProps) -> Html {
    let state = use_mut_ref(PickerState::default);
    // The options' words, folded once per list (the list is shared, so compared by pointer).
    let search = use_memo(OptionsKey(props.options.clone()), |key| {
        SearchIndex::new(&key.0)
    });
    let redraw = use_force_update();
    let list_ref = use_node_ref();
    let listbox_id = format!("{}-listbox", props.id);

    let choose = {
        let state = state.clone();
        let redraw = redraw.clone();
        let options = props.options.clone();
        let selected = props.selected.clone();
        let on_choose = props.on_choose.clone();
        Callback::from(move |index: usize| {
            let Some(option) = options.get(index) else {
                return;
            };
            {
                let mut s = state.borrow_mut();
                s.chosen = Some((selected.clone(), option.value.clone()));
                s.text = None;
                s.close();
            }
            redraw.force_update();
            on_choose.emit(option.value.clone());
        })
    };

    let oninput = {
        let state = state.clone();
        let redraw = redraw.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let mut s = state.borrow_mut();
            // APG: typing returns visual focus to the box and filters; nothing is pre-chosen.
            s.text = Some(input.value());
            s.open = true;
            s.active = None;
            drop(s);
            redraw.force_update();
        })
    };

    let onkeydown = {
        let search = search.clone();
        let state = state.clone();
        let redraw = redraw.clone();
        let options = props.options.clone();
        let selected = props.selected.clone();
        let choose = choose.clone();
        Callback::from(move |e: KeyboardEvent| {
            // Keys that compose text in an input method (Enter confirms a word) are not ours.
            if e.is_composing() {
                return;
            }
            let mut s = state.borrow_mut();
            let shown = listing(&options, &search, s.text.as_deref());
            let order = shown.order;
            let expanded = s.open && !order.is_empty();
            // Opening with nothing typed starts at the current choice, as a select does.
            let current = s.current(&selected).to_owned();
            let start = if s.text.is_none() {
                order
                    .iter()
                    .copied()
                    .find(|&i| options.get(i).is_some_and(|o| o.value == current))
            } else {
                None
            };
            match e.key().as_str() {
                "ArrowDown" | "ArrowUp" => {
                    let forward = e.key() == "ArrowDown";
                    // The caret must not jump to the start or end of the text.
                    e.prevent_default();
                    if e.alt_key() {
                        // APG: Alt+Down opens without moving visual focus; Alt+Up closes.
                        if forward {
                            s.open = true;
                        } else {
                            s.close();
                        }
                    } else if expanded {
                        s.active = step(&order, s.active, forward);
                    } else {
                        s.open = true;
                        s.active = start.or_else(|| step(&order, None, forward));
                    }
                }
                "Enter" => {
                    if !expanded {
                        return;
                    }
                    e.prevent_default();
                    match s.active.filter(|a| order.contains(a)) {
                        Some(index) => {
                            drop(s);
                            choose.emit(index);
                            return;
                        }
                        // APG (manual selection): Enter with no active option only closes.
                        None => s.close(),
                    }
                }
                "Escape" => {
                    if s.open {
                        s.close();
                    } else if s.text.as_deref() != Some("") {
                        // APG: Escape on a closed box clears it; leaving restores the label.
                        s.text = Some(String::new());
                    } else {
                        // Nothing to undo: let a surrounding dialog have the key.
                        return;
                    }
                    e.prevent_default();
                }
                // APG: these move the caret, and visual focus returns to the box.
                "Home" | "End" | "ArrowLeft" | "ArrowRight" => {
                    if s.active.is_none() {
                        return;
                    }
                    s.active = None;
                }
                _ => return,
            }
            drop(s);
            redraw.force_update();
        })
    };

    let onclick = {
        let state = state.clone();
        let redraw = redraw.clone();
        Callback::from(move |_: MouseEvent| {
            // APG: a click on the box toggles the popup (touch readers have no arrow keys).
            let mut s = state.borrow_mut();
            if s.open {
                s.close();
            } else {
                s.open = true;
            }
            drop(s);
            redraw.force_update();
        })
    };

    let onblur = {
        let state = state.clone();
        let redraw = redraw.clone();
        Callback::from(move |_: FocusEvent| {
            // Leaving (Tab, or a click elsewhere) keeps the choice: typed text that chose nothing
            // is dropped, so the box never shows a place that is not the one in use.
            let mut s = state.borrow_mut();
            s.text = None;
            s.close();
            drop(s);
            redraw.force_update();
        })
    };

    // Pressing on the list must not take focus from the input: the blur would close the list
    // before the click lands. Choosing on click (not on press) lets touch readers scroll it.
    let onmousedown = Callback::from(|e: MouseEvent| e.prevent_default());

    // Once the caller has moved on from the `selected` a choice was made under, that choice is
    // history: forget it, so a later return to that old `selected` (Back, a chart bar) shows
    // the caller's place, not the earlier pick.
    {
        let mut s = state.borrow_mut();
        if s.chosen
            .as_ref()
            .is_some_and(|(under, _)| *under != props.selected)
        {
            s.chosen = None;
        }
    }
    let s = state.borrow();
    let current = s.current(&props.selected);
    let current_label = props
        .options
        .iter()
        .find(|o| o.value == current)
        .map(|o| o.label.as_str())
        .unwrap_or_default();
    let shown_text = s.text.clone().unwrap_or_else(|| current_label.to_owned());
    // A closed list renders no options: matching and drawing ~600 hidden rows on every input
    // change elsewhere in the widget cost more than the rest of a redraw.
    let shown = if s.open {
        listing(&props.options, &search, s.text.as_deref())
    } else {
        Listing {
            groups: Vec::new(),
            order: Vec::new(),
            total: 0,
        }
    };
    let expanded = s.open && !shown.order.is_empty();
    let active = s.active.filter(|a| expanded && shown.order.contains(a));
    let active_id = active.map(|i| option_id(&props.id, i));
    let nothing_matches = s.open && shown.total == 0;
    // Announced only while filtering: an arrow key on a closed box announces its option instead.
    let announcement = if s.open && s.text.is_some() {
        props.count_text.emit(shown.total)
    } else {
        String::new()
    };
    let current = current.to_owned();
    drop(s);

    {
        // A new filter starts the list at its top. Only for an open list: setting scrollTop
        // forces a layout, and a closed list's text changes on every place chosen elsewhere
        // (profiled: 2 ms of each place change).
        let list_ref = list_ref.clone();
        use_effect_with((shown_text.clone(), expanded), move |(_, expanded)| {
            if *expanded {
                if let Some(list) = list_ref.cast::<Element>() {
                    list.set_scroll_top(0);
                }
            }
        });
    }
    {
        // APG: the active option is scrolled into view, or zoomed-in readers lose it. Found by
        // its class within this list, so two pickers on a page cannot mix their ids.
        let list_ref = list_ref.clone();
        use_effect_with(active_id.clone(), move |id| {
            let Some(list) = list_ref.cast::<Element>() else {
                return;
            };
            if id.is_some() {
                if let Ok(Some(option)) = list.query_selector(".cpw-picker-active") {
                    keep_in_view(&list, &option);
                }
            }
        });
    }

    // Options are keyed by index and groups by name, so a new filter moves rows rather than
    // rewriting every one of them.
    let render_option = |index: usize| -> Option<Html> {
        let option = props.options.get(index)?;
        let is_active = active == Some(index);
        let class = classes!(
            "cpw-picker-option",
            is_active.then_some("cpw-picker-active"),
            (option.value == current).then_some("cpw-picker-current"),
        );
        let onclick = {
            let choose = choose.clone();
            Callback::from(move |_: MouseEvent| choose.emit(index))
        };
        Some(html! {
            <li key={index} id={option_id(&props.id, index)} role="option" {class}
                aria-selected={is_active.then_some("true")} {onclick}>
                { &option.label }
            </li>
        })
    };

    let mut body: Vec<Html> = Vec::with_capacity(shown.groups.len());
    for (n, (group, members)) in shown.groups.iter().enumerate() {
        if group.is_empty() {
            // The nation belongs to no state: its option sits in the listbox itself.
            body.extend(members.iter().filter_map(|&i| render_option(i)));
            continue;
        }
        // APG's grouped listbox: a group named by a presentational heading row.
        let heading_id = format!("{}-group-{n}", props.id);
        body.push(html! {
            <li key={format!("group-{group}")} role="presentation">
                <ul role="group" class="cpw-picker-group" aria-labelledby={heading_id.clone()}>
                    <li role="presentation" id={heading_id} class="cpw-picker-heading">
                        { *group }
                    </li>
                    { for members.iter().filter_map(|&i| render_option(i)) }
                </ul>
            </li>
        });
    }

    let test_id = (!props.test_id.is_empty()).then(|| props.test_id.clone());
    let list_label = (!props.list_label.is_empty()).then(|| props.list_label.clone());
    html! {
        <div class="cpw-picker">
            <input id={props.id.clone()} type="text" class="cpw-picker-input"
                role="combobox" aria-autocomplete="list"
                aria-expanded={if expanded { "true" } else { "false" }}
                aria-controls={listbox_id.clone()}
                aria-activedescendant={active_id}
                autocomplete="off" autocapitalize="off" spellcheck="false"
                placeholder={props.placeholder.clone()}
                value={shown_text}
                data-testid={test_id}
                {oninput} {onkeydown} {onclick} {onblur} />
            <ul id={listbox_id} role="listbox" class="cpw-picker-list" ref={list_ref}
                aria-label={list_label} hidden={!expanded} {onmousedown}>
                { for body }
            </ul>
            if nothing_matches {
                <p class="cpw-picker-empty">{ props.no_results.clone() }</p>
            }
            <div class="cpw-picker-status cpw-visually-hidden" aria-live="polite">
                { announcement }
            </div>
        </div>
    }
}
