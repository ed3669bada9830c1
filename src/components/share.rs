//! Sharing and embedding: "Copy link" for the current view, and the "Embed this" panel with the
//! loader and plain-iframe snippets for the current inputs and options, or for any other career
//! or program an editor finds with the panel's search.

use crate::components::career_search::{CareerSearch, Chosen};
use crate::estimator::{IndustryChoice, Inputs};
use crate::links::{base_url, iframe_snippet, loader_snippet};
use crate::messages::Msg;
use crate::options::Options;
use crate::ui::use_ui;
use crate::web::{clipboard, page};
use std::rc::Rc;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ShareProps {
    pub inputs: Inputs,
    pub options: Rc<Options>,
    /// The widget's heading, used as the iframe's accessible title.
    pub title: AttrValue,
}

#[function_component(Share)]
pub fn share(props: &ShareProps) -> Html {
    let ui = use_ui();
    let status = use_state(String::new);
    let (loader_ref, iframe_ref) = (use_node_ref(), use_node_ref());
    let chosen = use_state(|| None::<Chosen>);
    let (origin, path) = page::origin_and_path();
    let base = base_url(&origin, &path);
    // Another career keeps the place and years; an industry is this career's, so it is dropped.
    let (inputs, options, title) = match &*chosen {
        Some(chosen) => (
            Inputs {
                industry: IndustryChoice::All,
                ..props.inputs
            },
            Rc::new(Options {
                subject: chosen.subject.clone(),
                ..(*props.options).clone()
            }),
            ui.f(Msg::PageTitle, &[&chosen.title]),
        ),
        None => (
            props.inputs,
            Rc::clone(&props.options),
            props.title.to_string(),
        ),
    };
    let loader = loader_snippet(&base, &inputs, &options);
    let iframe = iframe_snippet(&base, &inputs, &options, &title);
    let on_choose = {
        let chosen = chosen.clone();
        Callback::from(move |c: Chosen| chosen.set(Some(c)))
    };
    let reset = {
        let chosen = chosen.clone();
        Callback::from(move |_: MouseEvent| chosen.set(None))
    };

    let report = {
        let (status, ui) = (status.clone(), ui.clone());
        move |copied: bool, done: Msg| {
            status.set(
                ui.t(if copied { done } else { Msg::CopyManually })
                    .to_string(),
            );
        }
    };
    let copy_link = {
        let report = report.clone();
        Callback::from(move |_: MouseEvent| {
            report(clipboard::copy(&page::href(), None), Msg::LinkCopied)
        })
    };
    let copy_from = |node: NodeRef, text: String| {
        let report = report.clone();
        Callback::from(move |_: MouseEvent| {
            let area = node.cast::<HtmlTextAreaElement>();
            report(clipboard::copy(&text, area.as_ref()), Msg::SnippetCopied)
        })
    };
    let copy_loader = copy_from(loader_ref.clone(), loader.clone());
    let copy_iframe = copy_from(iframe_ref.clone(), iframe.clone());
    html! {
        <section class="cpw-share" data-testid="section-share" aria-label={ui.t(Msg::ShareHeading)}>
            <p class="cpw-share-actions">
                <button type="button" class="cpw-button" data-testid="copy-link" onclick={copy_link}>
                    { ui.t(Msg::CopyLink) }
                </button>
                <span class="cpw-share-status" role="status" data-testid="share-status">{ (*status).clone() }</span>
            </p>
            <details class="cpw-embed" data-testid="embed-panel">
                <summary>{ ui.t(Msg::EmbedThis) }</summary>
                <CareerSearch {on_choose} />
                if let Some(chosen) = &*chosen {
                    <p class="cpw-share-for" data-testid="snippet-for">
                        { ui.f(Msg::SnippetFor, &[&chosen.title]) }{ " " }
                        <button type="button" class="cpw-link-button" onclick={reset}>
                            { ui.t(Msg::SnippetReset) }
                        </button>
                    </p>
                }
                <p>{ ui.t(Msg::EmbedLoaderHelp) }</p>
                <textarea ref={loader_ref} readonly=true rows="4" aria-label={ui.t(Msg::EmbedLoaderLabel)}
                    data-testid="embed-snippet-loader" value={loader} />
                <button type="button" class="cpw-button" onclick={copy_loader}>{ ui.t(Msg::CopySnippet) }</button>
                <p>{ ui.t(Msg::EmbedIframeHelp) }</p>
                <textarea ref={iframe_ref} readonly=true rows="3" aria-label={ui.t(Msg::EmbedIframeLabel)}
                    data-testid="embed-snippet-iframe" value={iframe} />
                <button type="button" class="cpw-button" onclick={copy_iframe}>{ ui.t(Msg::CopySnippet) }</button>
            </details>
        </section>
    }
}
