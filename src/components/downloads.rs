//! The download buttons: a chart's data (CSV) and picture (PNG) under each chart, and every
//! figure of the view in one CSV. Files are made in the browser (`web::download`); each says
//! what its figures are and where they come from (`csv_export`, `charts::picture`).

use crate::career::Career;
use crate::charts::picture::framed;
use crate::charts::registry::{self, Key};
use crate::charts::ChartRef;
use crate::csv_export::{self, Part};
use crate::estimator::Inputs;
use crate::messages::Msg;
use crate::options::Section;
use crate::ui::use_ui;
use crate::web::download;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// What the view shows now (the inputs and the estimate), read when a file is made. Passed down
/// as a prop that keeps its identity, so an input change does not re-render the buttons, nor,
/// through them, every chart's frame: the buttons are the frames' children.
#[derive(Clone, Default)]
pub struct ShownView(Rc<Cell<Option<Shown>>>);

/// The inputs and the estimate (annual dollars) on screen.
type Shown = (Inputs, Option<f64>);

impl PartialEq for ShownView {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl ShownView {
    /// Records what the widget renders now.
    pub fn show(&self, inputs: Inputs, estimate: Option<f64>) {
        self.0.set(Some((inputs, estimate)));
    }

    fn now(&self) -> Option<Shown> {
        self.0.get()
    }
}

#[derive(Properties, PartialEq)]
pub struct ChartDownloadsProps {
    pub career: &'static Career,
    pub shown: ShownView,
    pub chart: ChartRef,
    pub title: AttrValue,
    pub source: AttrValue,
    pub keys: Vec<Key>,
}

/// "Data (CSV)" and "Picture (PNG)" for one chart.
#[function_component(ChartDownloads)]
pub fn chart_downloads(props: &ChartDownloadsProps) -> Html {
    let ui = use_ui();
    let on_csv = {
        let (ui, career, shown) = (ui.clone(), props.career, props.shown.clone());
        let (chart, title, source) = (
            props.chart.clone(),
            props.title.clone(),
            props.source.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let Some((inputs, _)) = shown.now() else {
                return;
            };
            let header = csv_export::view_header(career, &inputs, ui.lang, &view_url());
            let table = chart.0.table();
            let part = Part {
                title: &title,
                source: &source,
                table: &table,
            };
            let name = csv_export::file_name(&[&career.pack.title, &title], "csv");
            download::save_csv(&name, &csv_export::document(&header, &[part]));
        })
    };
    let on_png = {
        let (ui, career) = (ui.clone(), props.career);
        let (chart, title, source, keys) = (
            props.chart.clone(),
            props.title.clone(),
            props.source.clone(),
            props.keys.clone(),
        );
        Callback::from(move |event: MouseEvent| {
            // At the width the reader sees the chart: the picture is the chart as drawn.
            let width = drawn_width(&event).unwrap_or(640.0);
            let legend: Vec<(&str, String)> = keys
                .iter()
                .map(|(class, label)| (*class, ui.t(*label).to_string()))
                .collect();
            let picture = framed(&chart.0.scene(width), &title, &legend, &source);
            let name = csv_export::file_name(&[&career.pack.title, &title], "png");
            download::save_png(&picture, &name);
        })
    };
    html! {
        <div class="cpw-downloads" role="group" aria-label={ui.f(Msg::DownloadsLabel, &[&props.title])}>
            <button type="button" class="cpw-link-button" onclick={on_csv} data-testid="download-csv">
                { ui.t(Msg::DownloadCsv) }
            </button>
            <button type="button" class="cpw-link-button" onclick={on_png} data-testid="download-png">
                { ui.t(Msg::DownloadPng) }
            </button>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct DownloadAllProps {
    pub career: &'static Career,
    pub shown: ShownView,
    /// The sections shown, in the page's order: their charts' tables go in, in that order.
    pub sections: Vec<Section>,
}

/// "Download all figures (CSV)": every chart's table for the career and place shown.
#[function_component(DownloadAll)]
pub fn download_all(props: &DownloadAllProps) -> Html {
    let ui = use_ui();
    if !props.sections.iter().any(|s| registry::spec(*s).is_some()) {
        return Html::default();
    }
    let onclick = {
        let (ui, career, shown) = (ui.clone(), props.career, props.shown.clone());
        let sections = props.sections.clone();
        Callback::from(move |_: MouseEvent| {
            let Some((inputs, estimate)) = shown.now() else {
                return;
            };
            let text = csv_export::whole_view(
                ui.lang,
                &*ui.fmt,
                career,
                inputs,
                estimate,
                &sections,
                &view_url(),
            );
            let name = csv_export::file_name(&[&career.pack.title, &career.pack.soc], "csv");
            download::save_csv(&name, &text);
        })
    };
    html! {
        <p class="cpw-download-all">
            <button type="button" class="cpw-button" {onclick} data-testid="download-all">
                { ui.t(Msg::DownloadAll) }
            </button>
        </p>
    }
}

/// The page's URL: it shows this view again (the widget keeps it current).
fn view_url() -> String {
    crate::web::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default()
}

/// The CSS width of the chart the clicked button belongs to.
fn drawn_width(event: &MouseEvent) -> Option<f64> {
    let button = event.target()?.dyn_into::<web_sys::Element>().ok()?;
    let canvas = button
        .closest(".cpw-figure")
        .ok()??
        .query_selector("canvas")
        .ok()??;
    Some(f64::from(canvas.client_width())).filter(|w| *w > 0.0)
}
