//! The careers a page offers (a program's, or the list a school picked), as WAI-ARIA tabs with
//! manual activation: arrow keys, Home and End move focus along the tabs; Enter, Space or a click
//! shows that career (its figures may need a request, so focus alone does not fetch). The rest
//! of the widget is the tab panel. Above the tabs, the program they come from, cited.

use crate::messages::Msg;
use crate::ui::use_ui;
use career_pack::IndexEntry;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The id of the tab panel the tabs control (the widget below them).
pub const PANEL_ID: &str = "cpw-career-panel";

/// A tab's element id, from its career's SOC code.
pub fn tab_id(soc: &str) -> String {
    format!("cpw-tab-{soc}")
}

#[derive(Properties, PartialEq)]
pub struct CareerSwitcherProps {
    /// In the order offered.
    pub careers: Rc<Vec<IndexEntry>>,
    /// The SOC code of the career shown.
    pub current: String,
    /// The program (CIP code, title) the careers come from, if one.
    pub program: Option<(String, String)>,
    /// The SOC code of a career being fetched: its tab says so, and so does a status line, while
    /// the career shown stays in use.
    pub pending: Option<String>,
    pub on_switch: Callback<String>,
}

#[function_component(CareerSwitcher)]
pub fn career_switcher(props: &CareerSwitcherProps) -> Html {
    let ui = use_ui();
    let list = use_node_ref();
    let onkeydown = {
        let list = list.clone();
        Callback::from(move |event: KeyboardEvent| {
            let Some(tabs) = list.cast::<web_sys::Element>().map(|l| tabs_of(&l)) else {
                return;
            };
            let focused = crate::web::window()
                .and_then(|w| w.document())
                .and_then(|d| d.active_element());
            let at = tabs
                .iter()
                .position(|t| Some(t.unchecked_ref::<web_sys::Element>()) == focused.as_ref());
            let last = tabs.len().saturating_sub(1);
            let next = match (event.key().as_str(), at) {
                ("ArrowRight" | "ArrowDown", Some(i)) => Some(if i == last { 0 } else { i + 1 }),
                ("ArrowLeft" | "ArrowUp", Some(i)) => Some(if i == 0 { last } else { i - 1 }),
                ("Home", _) => Some(0),
                ("End", _) => Some(last),
                _ => None,
            };
            if let Some(tab) = next.and_then(|i| tabs.get(i)) {
                event.prevent_default();
                let _ = tab.focus();
            }
        })
    };
    let program = props.program.as_ref().map(|(cip, title)| {
        html! {
            <p class="cpw-program" data-testid="program">
                { ui.f(Msg::SwitcherProgram, &[title, cip]) }
            </p>
        }
    });
    let label = match &props.program {
        Some((_, title)) => ui.f(Msg::SwitcherLabelProgram, &[title]),
        None => ui.t(Msg::SwitcherLabel).to_string(),
    };
    let loading = props
        .pending
        .as_ref()
        .and_then(|soc| props.careers.iter().find(|c| &c.soc == soc))
        .map(|career| ui.f(Msg::SwitcherLoading, &[&career.title]));
    html! {
        <div class="cpw-switcher" data-testid="career-switcher"
            aria-busy={props.pending.is_some().to_string()}>
            { program }
            <div role="tablist" aria-label={label} class="cpw-tabs" ref={list} {onkeydown}>
                { for props.careers.iter().map(|career| {
                    let selected = career.soc == props.current;
                    let fetching = props.pending.as_ref() == Some(&career.soc);
                    let onclick = {
                        let (on_switch, soc) = (props.on_switch.clone(), career.soc.clone());
                        Callback::from(move |_: MouseEvent| on_switch.emit(soc.clone()))
                    };
                    html! {
                        <button type="button" role="tab" class="cpw-tab" id={tab_id(&career.soc)}
                            aria-selected={selected.to_string()} aria-controls={PANEL_ID}
                            tabindex={if selected { "0" } else { "-1" }} data-soc={career.soc.clone()}
                            aria-busy={fetching.then_some("true")} {onclick}>
                            <span class="cpw-tab-title">{ career.title.as_str() }</span>
                            <span class="cpw-tab-code">{ ui.f(Msg::SwitcherCode, &[&career.soc]) }</span>
                        </button>
                    }
                }) }
            </div>
            // Always there, so screen readers announce the text when it appears.
            <p class="cpw-switch-status" role="status" data-testid="switch-status">{ loading }</p>
        </div>
    }
}

/// The tab buttons in `list`, in order.
fn tabs_of(list: &web_sys::Element) -> Vec<web_sys::HtmlElement> {
    let Ok(nodes) = list.query_selector_all("[role=tab]") else {
        return Vec::new();
    };
    (0..nodes.length())
        .filter_map(|i| nodes.get(i)?.dyn_into().ok())
        .collect()
}
