//! "Source" one click away: publisher, title, period, occupation code, place and where it was read.

use crate::figures::Source;
use crate::messages::Msg;
use crate::ui::use_ui;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SourceNoteProps {
    pub source: &'static Source,
    /// The figure's own reference period.
    pub period: AttrValue,
    /// The figure's SOC code, when the source covers several.
    #[prop_or_default]
    pub soc: Option<AttrValue>,
    /// The place the figure is for, when the source covers several.
    #[prop_or_default]
    pub place: Option<AttrValue>,
}

#[function_component(SourceNote)]
pub fn source_note(props: &SourceNoteProps) -> Html {
    let ui = use_ui();
    let s = props.source;
    let label = crate::explanation::source_label(s, ui.lang);
    let soc = props.soc.as_deref().unwrap_or(s.soc_code);
    let details = match &props.place {
        Some(place) => ui.f(
            Msg::SourcePlace,
            &[&label, &props.period, soc, place, s.read_from],
        ),
        None => ui.f(
            Msg::SourceDetails,
            &[&label, &props.period, soc, s.read_from],
        ),
    };
    html! {
        <details class="cpw-source">
            <summary>{ ui.t(Msg::SourceToggle) }</summary>
            <p>{ details }</p>
        </details>
    }
}
