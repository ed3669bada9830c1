//! Keeps a [`Chart`] drawn on a `<canvas>`: redrawn when its model changes and when the canvas's
//! width changes (ResizeObserver), with the backing store scaled by `devicePixelRatio` so lines
//! and text stay crisp on HiDPI screens.

use crate::charts::palette::{parse_hex, Palette};
use crate::charts::{Chart, Drawn};
use crate::web::page::device_pixel_ratio;
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{HtmlCanvasElement, ResizeObserver};
use yew::prelude::*;

/// Sizes the canvas to its CSS box times the pixel ratio and draws; if the chart wants another
/// height (more label rows on a narrow screen), resizes once and draws again. `None` when nothing
/// could be drawn (the canvas is hidden or has no 2D context).
pub fn paint<C: Chart>(canvas: &HtmlCanvasElement, chart: &C) -> Option<Drawn> {
    let ratio = device_pixel_ratio();
    let palette = palette_from_css(canvas);
    let css_width = f64::from(canvas.client_width());
    if css_width <= 0.0 {
        return None;
    }
    let mut css_height = f64::from(canvas.client_height()).max(1.0);
    let mut drawn = None;
    for _ in 0..2 {
        // Assigning width/height also clears the canvas, so each pass starts blank.
        canvas.set_width((css_width * ratio).round() as u32);
        canvas.set_height((css_height * ratio).round() as u32);
        let area = CanvasBackend::with_canvas_object(canvas.clone())?.into_drawing_area();
        let result = chart.draw(&area, &palette, ratio).ok()?;
        let _ = area.present();
        let wanted = result.height;
        drawn = Some(result);
        if (wanted - css_height).abs() < 1.0 {
            break;
        }
        css_height = wanted;
        let _ = canvas
            .style()
            .set_property("height", &format!("{wanted}px"));
    }
    drawn
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
        ("--cpw-chart-bar", &mut palette.bar),
        ("--cpw-chart-background", &mut palette.background),
    ] {
        if let Some(colour) = read(name) {
            *slot = colour;
        }
    }
    palette
}

/// Keeps `chart` drawn on the returned canvas. `on_drawn` gets the canvas and what was drawn
/// after every draw (new model or new width).
#[hook]
pub fn use_canvas_chart<C: Chart>(
    chart: Rc<C>,
    on_drawn: Callback<(HtmlCanvasElement, Drawn)>,
) -> NodeRef {
    let canvas = use_node_ref();
    // The latest model, for redraws a resize causes rather than a new model.
    let latest: Rc<RefCell<Rc<C>>> = use_mut_ref(|| Rc::clone(&chart));
    // The width last drawn at: a resize that keeps the width (only the height we set ourselves
    // changed) must not redraw, or drawing and observing would chase each other.
    let drawn_width: Rc<Cell<i32>> = use_memo((), |_| Cell::new(-1));
    let redraw = {
        let canvas = canvas.clone();
        let latest = Rc::clone(&latest);
        let on_drawn = on_drawn.clone();
        let drawn_width = Rc::clone(&drawn_width);
        Rc::new(move || {
            if let Some(el) = canvas.cast::<HtmlCanvasElement>() {
                let model = Rc::clone(&latest.borrow());
                if let Some(drawn) = paint(&el, &*model) {
                    drawn_width.set(el.client_width());
                    on_drawn.emit((el, drawn));
                }
            }
        })
    };
    {
        let redraw = Rc::clone(&redraw);
        use_effect_with(chart, move |chart| {
            *latest.borrow_mut() = Rc::clone(chart);
            redraw();
        });
    }
    {
        let canvas = canvas.clone();
        use_effect_with((), move |_| {
            let target = canvas.cast::<HtmlCanvasElement>();
            let on_resize = Closure::<dyn FnMut()>::new(move || {
                let width = target.as_ref().map_or(-1, |el| el.client_width());
                if width > 0 && width != drawn_width.get() {
                    redraw();
                }
            });
            let observer = ResizeObserver::new(on_resize.as_ref().unchecked_ref()).ok();
            if let (Some(observer), Some(el)) = (&observer, canvas.cast::<HtmlCanvasElement>()) {
                observer.observe(&el);
            }
            move || {
                if let Some(observer) = observer {
                    observer.disconnect();
                }
                drop(on_resize);
            }
        });
    }
    canvas
}
