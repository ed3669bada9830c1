//! A chart in the page: title, canvas, tooltip on hover, tap and keyboard focus, a text summary
//! and "Show data" table for readers who cannot see the canvas, and the source line.
//!
//! Keyboard: the canvas takes focus; arrow keys move between marks, Home/End jump to the ends,
//! Enter or Space chooses the mark (when it stands for a state, industry or year), Escape hides
//! the tooltip.

use crate::charts::ChartRef;
use crate::charts::{mark_at, Drawn, Mark, Select};
use crate::hooks::use_canvas_chart::use_canvas_chart;
use crate::messages::Msg;
use crate::ui::use_ui;
use std::rc::Rc;
use web_sys::{HtmlCanvasElement, HtmlElement};
use yew::prelude::*;

/// Pixels of tolerance around a mark: a fingertip needs more than a mouse pointer.
const MOUSE_SLOP: f64 = 4.0;
const TOUCH_SLOP: f64 = 14.0;

#[derive(Properties)]
pub struct ChartFrameProps {
    /// Short id: `distribution` gives `data-testid="chart-distribution"`.
    pub id: AttrValue,
    pub title: AttrValue,
    pub chart: ChartRef,
    /// The source line under the chart.
    pub source: AttrValue,
    /// Called when the reader chooses a mark that stands for an input.
    #[prop_or_default]
    pub on_select: Option<Callback<Select>>,
    /// A legend or note shown between the chart and its data table.
    #[prop_or_default]
    pub children: Html,
}

impl PartialEq for ChartFrameProps {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
            && self.title == other.title
            && self.chart == other.chart
            && self.source == other.source
            && self.on_select == other.on_select
            && self.children == other.children
    }
}

#[function_component(ChartFrame)]
pub fn chart_frame(props: &ChartFrameProps) -> Html {
    let ui = use_ui();
    let marks = use_state(|| Rc::new(Vec::<Mark>::new()));
    let plot_width = use_state_eq(|| 0.0_f64);
    let active = use_state_eq(|| None::<usize>);
    let on_drawn = {
        let (marks, plot_width) = (marks.clone(), plot_width.clone());
        use_callback(
            (),
            move |(canvas, drawn, width): (HtmlCanvasElement, Drawn, f64), _| {
                let _ = canvas.set_attribute("data-chart-drawn", "true");
                crate::web::page::mark_once("first-chart-drawn");
                crate::web::page::mark_latest("cpw-drawn");
                marks.set(Rc::new(drawn.marks));
                plot_width.set(width);
            },
        )
    };
    let canvas = use_canvas_chart(props.chart.clone(), on_drawn);
    // Built once per chart, not on every render (tooltips re-render the frame on each pointer
    // move, and the states table has 51 rows).
    let table = use_memo(props.chart.clone(), |chart| chart.0.table());
    let summary = use_memo(props.chart.clone(), |chart| chart.0.summary());
    let count = marks.len();

    let choose = {
        let on_select = props.on_select.clone();
        move |mark: &Mark| {
            if let (Some(select), Some(cb)) = (mark.select, &on_select) {
                cb.emit(select);
            }
        }
    };
    let onpointermove = {
        let (marks, active) = (marks.clone(), active.clone());
        Callback::from(move |e: PointerEvent| {
            let slop = if e.pointer_type() == "touch" {
                TOUCH_SLOP
            } else {
                MOUSE_SLOP
            };
            active.set(mark_at(
                &marks,
                f64::from(e.offset_x()),
                f64::from(e.offset_y()),
                slop,
            ));
        })
    };
    let onpointerleave = {
        let (active, canvas) = (active.clone(), canvas.clone());
        Callback::from(move |_: PointerEvent| {
            if !has_focus(&canvas) {
                active.set(None);
            }
        })
    };
    let onclick = {
        let (marks, active, choose) = (marks.clone(), active.clone(), choose.clone());
        Callback::from(move |e: MouseEvent| {
            let hit = mark_at(
                &marks,
                f64::from(e.offset_x()),
                f64::from(e.offset_y()),
                TOUCH_SLOP,
            );
            active.set(hit);
            if let Some(mark) = hit.and_then(|i| marks.get(i)) {
                choose(mark);
            }
        })
    };
    let onkeydown = {
        let (marks, active) = (marks.clone(), active.clone());
        Callback::from(move |e: KeyboardEvent| {
            let last = marks.len().checked_sub(1);
            let Some(last) = last else { return };
            let current = *active;
            let next = match e.key().as_str() {
                "ArrowRight" | "ArrowDown" => Some(current.map_or(0, |i| (i + 1).min(last))),
                "ArrowLeft" | "ArrowUp" => Some(current.map_or(0, |i| i.saturating_sub(1))),
                "Home" => Some(0),
                "End" => Some(last),
                "Enter" | " " => {
                    if let Some(mark) = current.and_then(|i| marks.get(i)) {
                        choose(mark);
                    }
                    current
                }
                "Escape" => None,
                _ => return,
            };
            e.prevent_default();
            active.set(next);
        })
    };
    let onfocus = {
        let (active, highlighted) = (active.clone(), table.highlighted);
        Callback::from(move |_: FocusEvent| {
            if active.is_none() && count > 0 {
                active.set(Some(highlighted.unwrap_or(0).min(count - 1)));
            }
        })
    };
    // A chart off screen is painted when it comes into view, which focusing it does: its marks
    // may arrive after the focus, so the first one is shown then, as `onfocus` would have.
    {
        let (active, canvas, highlighted) = (active.clone(), canvas.clone(), table.highlighted);
        use_effect_with(count, move |count| {
            if *count > 0 && active.is_none() && has_focus(&canvas) {
                active.set(Some(highlighted.unwrap_or(0).min(count - 1)));
            }
        });
    }
    let onblur = {
        let active = active.clone();
        Callback::from(move |_: FocusEvent| active.set(None))
    };

    // The data table is built in the DOM only while its "Show data" is open: closed, the eight
    // charts' tables were 80 % of the first view's DOM nodes (1,300 elements nobody sees), most
    // of the first render's time, and re-diffed on every input.
    let table_open = use_state_eq(|| false);
    let ontoggle = {
        let table_open = table_open.clone();
        Callback::from(move |e: Event| {
            if let Some(details) = e.target_dyn_into::<web_sys::Element>() {
                table_open.set(details.has_attribute("open"));
            }
        })
    };

    let id = &props.id;
    let current = active.and_then(|i| marks.get(i)).cloned();
    // Positions are set through the CSSOM after render, not as `style` attributes, so the widget
    // runs under a Content-Security-Policy without 'unsafe-inline' styles.
    let (box_ref, tip_ref) = (use_node_ref(), use_node_ref());
    {
        let (box_ref, tip_ref) = (box_ref.clone(), tip_ref.clone());
        use_effect_with((current.clone(), *plot_width), move |(mark, width)| {
            if let Some(mark) = mark {
                place_focus_box(&box_ref, mark);
                place_tooltip(&tip_ref, mark, *width);
            }
        });
    }
    let announcement = current
        .as_ref()
        .map(|m| ui.f(Msg::MarkAnnouncement, &[&m.label, &m.value, &m.source]))
        .unwrap_or_default();
    html! {
        <figure class="cpw-figure" data-testid={format!("figure-{id}")}
            aria-labelledby={format!("cpw-title-{id}")}>
            <h2 id={format!("cpw-title-{id}")} class="cpw-figure-title">{ props.title.clone() }</h2>
            <div class="cpw-plot">
                <canvas ref={canvas} class="cpw-canvas" data-testid={format!("chart-{id}")}
                    tabindex="0" role="img" aria-label={(*summary).clone()}
                    aria-describedby={format!("cpw-live-{id}")}
                    {onpointermove} {onpointerleave} {onclick} {onkeydown} {onfocus} {onblur}></canvas>
                if let Some(mark) = &current {
                    <div ref={box_ref} class="cpw-focus-box" aria-hidden="true"></div>
                    { tooltip(mark, id, tip_ref, props.on_select.is_some(), ui.t(Msg::ChooseHint)) }
                }
            </div>
            <p id={format!("cpw-live-{id}")} class="cpw-visually-hidden" aria-live="polite">{ announcement }</p>
            { props.children.clone() }
            <details class="cpw-data" data-testid={format!("data-{id}")} {ontoggle}>
                <summary>{ ui.t(Msg::ShowData) }</summary>
                if *table_open {
                    // Wide tables scroll sideways on a phone: the scrolling region takes focus so a
                    // keyboard can scroll it too.
                    <div class="cpw-table-wrap" tabindex="0" role="region"
                        aria-label={ui.f(Msg::DataTableLabel, &[&props.title])}>
                        <table>
                            <caption>{ props.source.clone() }</caption>
                            <thead><tr>{ for table.columns.iter().map(|c| html! { <th scope="col">{ c }</th> }) }</tr></thead>
                            <tbody>
                                { for table.rows.iter().enumerate().map(|(i, row)| html! {
                                    <tr class={classes!((table.highlighted == Some(i)).then_some("cpw-row-current"))}>
                                        { for row.iter().enumerate().map(|(j, cell)| if j == 0 {
                                            html! { <th scope="row">{ cell }</th> }
                                        } else {
                                            html! { <td>{ cell }</td> }
                                        }) }
                                    </tr>
                                }) }
                            </tbody>
                        </table>
                    </div>
                }
            </details>
            <figcaption class="cpw-source-line" data-testid={format!("chart-source-{id}")}>
                { props.source.clone() }
            </figcaption>
        </figure>
    }
}

/// Whether the rendered element has the keyboard focus.
fn has_focus(node: &NodeRef) -> bool {
    node.cast::<web_sys::Element>()
        .zip(crate::web::window().and_then(|w| w.document()))
        .and_then(|(el, doc)| doc.active_element().map(|a| a == el))
        .unwrap_or(false)
}

/// Sets CSS properties on a rendered element through the CSSOM.
fn set_style(node: &NodeRef, properties: &[(&str, String)]) {
    if let Some(el) = node.cast::<HtmlElement>() {
        let style = el.style();
        for (name, value) in properties {
            let _ = style.set_property(name, value);
        }
    }
}

/// An outline around the active mark, drawn in HTML so moving it never redraws the canvas.
fn place_focus_box(node: &NodeRef, mark: &Mark) {
    set_style(
        node,
        &[
            ("left", css_px(mark.x0 - 2.0)),
            ("top", css_px(mark.y0 - 2.0)),
            ("width", css_px(mark.x1 - mark.x0 + 4.0)),
            ("height", css_px(mark.y1 - mark.y0 + 4.0)),
        ],
    );
}

/// Where the tooltip goes: above its mark (below it near the top of the chart), centred on it,
/// or aligned to its start or end near the chart's edges so it never leaves the chart (a
/// tooltip poking out would make a phone scroll sideways).
fn place_tooltip(node: &NodeRef, mark: &Mark, width: f64) {
    let centre = (mark.x0 + mark.x1) / 2.0;
    let (left, shift_x) = if centre < width * 0.3 {
        (mark.x0.max(0.0), "0%")
    } else if centre > width * 0.7 {
        (mark.x1.min(width), "-100%")
    } else {
        (centre, "-50%")
    };
    let below = mark.y0 < TOOLTIP_ROOM;
    let (top, shift_y) = if below {
        (mark.y1 + 6.0, "0%")
    } else {
        (mark.y0 - 6.0, "-100%")
    };
    set_style(
        node,
        &[
            ("left", css_px(left)),
            ("top", css_px(top)),
            ("transform", format!("translate({shift_x}, {shift_y})")),
        ],
    );
}

/// Room a tooltip needs above its mark before it flips below.
const TOOLTIP_ROOM: f64 = 72.0;

fn tooltip(mark: &Mark, id: &str, node: NodeRef, selectable: bool, hint: &'static str) -> Html {
    html! {
        <div ref={node} class="cpw-tooltip" data-testid={format!("tooltip-{id}")} aria-hidden="true">
            <strong>{ mark.label.clone() }</strong>{ " " }
            <span class="cpw-tooltip-value">{ mark.value.clone() }</span>
            <span class="cpw-tooltip-source">{ mark.source.clone() }</span>
            if selectable && mark.select.is_some() {
                <span class="cpw-tooltip-hint">{ hint }</span>
            }
        </div>
    }
}

/// Whole CSS pixels: printing an `f64` would link the float-formatting code into the wasm.
fn css_px(value: f64) -> String {
    format!("{}px", value.round() as i32)
}
