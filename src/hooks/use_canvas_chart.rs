//! Draws a chart onto a `<canvas>` whenever its model changes or the window is resized, with the
//! backing store scaled by `devicePixelRatio` so lines and text stay crisp on HiDPI screens.

use crate::charts::palette::{parse_hex, Palette};
use crate::web::page::device_pixel_ratio;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::HtmlCanvasElement;
use yew::prelude::*;

/// A chart's draw function: draws `model` at `scale` device pixels per CSS pixel and returns the
/// CSS height it wants (the canvas is resized and redrawn once if that differs).
pub type Painter<M> = fn(&DrawingArea<CanvasBackend, Shift>, &M, &Palette, f64) -> Option<f64>;

/// Sizes the canvas to its CSS box times the pixel ratio, draws, and re-sizes once if the chart
/// asked for another height. Returns false when nothing could be drawn (hidden or no context).
pub fn paint<M>(canvas: &HtmlCanvasElement, model: &M, painter: Painter<M>) -> bool {
    let ratio = device_pixel_ratio();
    let palette = palette_from_css(canvas);
    let css_width = f64::from(canvas.client_width());
    if css_width <= 0.0 {
        return false;
    }
    let mut css_height = f64::from(canvas.client_height()).max(1.0);
    for _ in 0..2 {
        // Assigning width/height also clears the canvas, so each pass starts blank.
        canvas.set_width((css_width * ratio).round() as u32);
        canvas.set_height((css_height * ratio).round() as u32);
        let Some(backend) = CanvasBackend::with_canvas_object(canvas.clone()) else {
            return false;
        };
        let area = backend.into_drawing_area();
        let wanted = painter(&area, model, &palette, ratio);
        let _ = area.present();
        match wanted {
            Some(h) if (h - css_height).abs() >= 1.0 => {
                css_height = h;
                let _ = canvas.style().set_property("height", &format!("{h}px"));
            }
            _ => return true,
        }
    }
    true
}

/// Chart colours from the canvas's CSS custom properties, defaults where one is missing.
fn palette_from_css(canvas: &HtmlCanvasElement) -> Palette {
    let mut palette = Palette::default();
    let Some(style) = web_sys::window().and_then(|w| w.get_computed_style(canvas).ok().flatten())
    else {
        return palette;
    };
    let read = |name: &str| {
        style
            .get_property_value(name)
            .ok()
            .and_then(|v| parse_hex(&v))
    };
    for (name, slot) in [
        ("--cpw-chart-ink", &mut palette.ink),
        ("--cpw-chart-muted", &mut palette.muted),
        ("--cpw-chart-grid", &mut palette.grid),
        ("--cpw-chart-band-outer", &mut palette.band_outer),
        ("--cpw-chart-band-inner", &mut palette.band_inner),
        ("--cpw-chart-median", &mut palette.median),
        ("--cpw-chart-estimate", &mut palette.estimate),
    ] {
        if let Some(colour) = read(name) {
            *slot = colour;
        }
    }
    palette
}

/// Keeps `model` drawn on the returned canvas. `on_drawn` gets the canvas after each draw that a
/// new model caused.
#[hook]
pub fn use_canvas_chart<M: PartialEq + 'static>(
    model: Rc<M>,
    painter: Painter<M>,
    on_drawn: Callback<HtmlCanvasElement>,
) -> NodeRef {
    let canvas = use_node_ref();
    // The latest model, for redraws triggered by a resize rather than by a new model.
    let latest: Rc<RefCell<Rc<M>>> = use_mut_ref(|| Rc::clone(&model));
    {
        let canvas = canvas.clone();
        let latest = Rc::clone(&latest);
        let on_drawn = on_drawn.clone();
        use_effect_with(model, move |model| {
            *latest.borrow_mut() = Rc::clone(model);
            if let Some(el) = canvas.cast::<HtmlCanvasElement>() {
                if paint(&el, &**model, painter) {
                    on_drawn.emit(el);
                }
            }
        });
    }
    {
        let canvas = canvas.clone();
        use_effect_with((), move |_| {
            let redraw = Closure::<dyn Fn()>::new(move || {
                if let Some(el) = canvas.cast::<HtmlCanvasElement>() {
                    let model = Rc::clone(&latest.borrow());
                    paint(&el, &*model, painter);
                }
            });
            let window = web_sys::window();
            if let Some(w) = &window {
                let _ =
                    w.add_event_listener_with_callback("resize", redraw.as_ref().unchecked_ref());
            }
            move || {
                if let Some(w) = window {
                    let _ = w.remove_event_listener_with_callback(
                        "resize",
                        redraw.as_ref().unchecked_ref(),
                    );
                }
            }
        });
    }
    canvas
}
