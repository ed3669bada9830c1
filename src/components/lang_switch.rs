//! The EN | ES switch: the widget's language, changed live. Each button's accessible name adds
//! its language's own name for itself ("ES (Español)"), as language pickers do, so a reader who
//! does not read the one shown still finds their own; it starts with the visible text, so a
//! voice-control user can say what they see.

use crate::messages::{Lang, Msg};
use crate::ui::use_ui;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LangSwitchProps {
    /// Whether a language is being fetched (the Spanish messages, the first time).
    pub pending: bool,
    pub on_choose: Callback<Lang>,
}

/// The languages offered, each with its short label and its own name for itself.
const OFFERED: [(Lang, &str, &str); 2] = [(Lang::En, "EN", "English"), (Lang::Es, "ES", "Español")];

#[function_component(LangSwitch)]
pub fn lang_switch(props: &LangSwitchProps) -> Html {
    let ui = use_ui();
    html! {
        <div class="cpw-lang" role="group" aria-label={ui.t(Msg::LangSwitchLabel)}
            aria-busy={props.pending.then_some("true")} data-testid="lang-switch">
            { for OFFERED.iter().map(|&(lang, short, name)| {
                let on_choose = props.on_choose.clone();
                html! {
                    <button type="button" lang={lang.tag()} aria-label={format!("{short} ({name})")}
                        aria-pressed={(lang == ui.lang).to_string()}
                        data-testid={format!("lang-{}", lang.code())}
                        onclick={Callback::from(move |_| on_choose.emit(lang))}>
                        { short }
                    </button>
                }
            }) }
        </div>
    }
}
