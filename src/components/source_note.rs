//! "Source" one click away: publisher, title, period, occupation code and where it was read.

use crate::figures::Source;
use crate::messages::Msg;
use crate::ui::use_ui;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SourceNoteProps {
    pub source: &'static Source,
    /// The figure's own reference period.
    pub period: &'static str,
}

#[function_component(SourceNote)]
pub fn source_note(props: &SourceNoteProps) -> Html {
    let ui = use_ui();
    let s = props.source;
    let label = crate::explanation::source_label(s, ui.lang);
    let details = ui.f(
        Msg::SourceDetails,
        &[&label, props.period, s.soc_code, s.read_from],
    );
    html! {
        <details class="cpw-source">
            <summary>{ ui.t(Msg::SourceToggle) }</summary>
            <p>{ details }</p>
        </details>
    }
}
