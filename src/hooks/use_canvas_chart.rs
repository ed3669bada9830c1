//! Keeps a chart drawn on a `<canvas>`: redrawn when its model changes and when the canvas's
//! width changes (ResizeObserver), with the backing store scaled by `devicePixelRatio` so lines
//! and text stay crisp on HiDPI screens. A chart off screen (IntersectionObserver) is only laid
//! out, so the page keeps its height, and painted when it comes into view, each chart in a task
//! of its own: the first view paints the charts a reader can see, and an input costs those, not
//! all of them. Printing paints every chart at print resolution; a theme change repaints them.

use crate::charts::palette::{parse_hex, Palette};
use crate::charts::scene::Scene;
use crate::charts::{AnyChart, ChartRef, Drawn};
use crate::web::layout_batch;
use crate::web::page::device_pixel_ratio;
use crate::web::print::{self, PrintJob};
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{
    CanvasRenderingContext2d, HtmlCanvasElement, IntersectionObserver, IntersectionObserverEntry,
    IntersectionObserverInit, ResizeObserver,
};
use yew::prelude::*;

/// The theme the widget shows (a context): the charts read their colours again and repaint when
/// it changes (`dark=auto` following a switch of the system's theme).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct ShownTheme {
    pub dark: bool,
}

/// The canvas's CSS size and colours, kept between draws: reading them from the page on every
/// input would force a style and layout pass each time (the costliest part of a redraw).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Surface {
    pub css_width: f64,
    pub css_height: f64,
    pub palette: Palette,
}

impl Surface {
    /// Reads size and colours from the page (forces layout; call on mount and on resize only).
    pub fn read(canvas: &HtmlCanvasElement) -> Self {
        Surface {
            css_width: f64::from(canvas.client_width()),
            css_height: f64::from(canvas.client_height()).max(1.0),
            palette: palette_from_css(canvas),
        }
    }
}

/// Lays `chart` out at the surface's width and sizes the canvas's CSS height to the scene's;
/// `None` when the canvas has no width (hidden).
fn lay_out(
    canvas: &HtmlCanvasElement,
    chart: &dyn AnyChart,
    surface: &mut Surface,
) -> Option<Scene> {
    if surface.css_width <= 0.0 {
        return None;
    }
    let scene = chart.scene(surface.css_width);
    if (scene.height - surface.css_height).abs() >= 1.0 {
        surface.css_height = scene.height.round();
        let _ = canvas
            .style()
            .set_property("height", &format!("{}px", surface.css_height as i32));
    }
    Some(scene)
}

/// Lays `chart` out, sizes the canvas's backing store to the scene's height (times `ratio`, the
/// device pixels per CSS pixel) and paints it, once: the height is known before painting. `None`
/// when nothing could be drawn (the canvas is hidden or has no 2D context).
fn paint(
    canvas: &HtmlCanvasElement,
    chart: &dyn AnyChart,
    surface: &mut Surface,
    ratio: f64,
) -> Option<Drawn> {
    let scene = lay_out(canvas, chart, surface)?;
    let (w, h) = (
        (surface.css_width * ratio).round() as u32,
        (surface.css_height * ratio).round() as u32,
    );
    if canvas.width() != w || canvas.height() != h {
        // Assigning a size reallocates the backing store and clears it.
        canvas.set_width(w);
        canvas.set_height(h);
    } else {
        clear(canvas);
    }
    let area = CanvasBackend::with_canvas_object(canvas.clone())?.into_drawing_area();
    crate::charts::paint::paint(&scene, &area, &surface.palette, ratio).ok()?;
    Some(Drawn {
        height: scene.height,
        marks: scene.marks,
    })
}

fn clear(canvas: &HtmlCanvasElement) {
    let context = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok());
    if let Some(context) = context {
        context.clear_rect(
            0.0,
            0.0,
            f64::from(canvas.width()),
            f64::from(canvas.height()),
        );
    }
}

/// Chart colours from the canvas's CSS custom properties, defaults where one is missing.
fn palette_from_css(canvas: &HtmlCanvasElement) -> Palette {
    let mut palette = Palette::default();
    let Some(style) =
        crate::web::window().and_then(|w| w.get_computed_style(canvas).ok().flatten())
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

/// Runs `job` in a later task (`setTimeout(0)`), after what is running now and the tasks already
/// queued; at once if there is no window.
fn in_a_task_of_its_own(job: impl FnOnce() + 'static) {
    let Some(window) = crate::web::window() else {
        return job();
    };
    let callback = Closure::once_into_js(job);
    if window
        .set_timeout_with_callback(callback.unchecked_ref())
        .is_err()
    {
        // No timer: run it now rather than never (a chart is never left unpainted).
        let _ = callback
            .unchecked_ref::<js_sys::Function>()
            .call0(&wasm_bindgen::JsValue::NULL);
    }
}

/// Device pixels per CSS pixel on paper: 3 × 96 = 288 dots per inch, near a printer's 300.
const PRINT_RATIO: f64 = 3.0;

/// How far outside the viewport a canvas still counts as on screen.
const NEAR_SCREEN: &str = "300px 0px";

/// Whether the canvas is (near) on screen, and whether a model change is waiting to be painted.
#[derive(Default)]
struct View {
    off_screen: bool,
    stale: bool,
}

/// The intersection observer's callback: records whether the canvas is near the screen and
/// paints a chart whose model changed while it was away.
fn watch_view(view: Rc<RefCell<View>>, redraw: Rc<dyn Fn()>) -> Closure<dyn FnMut(js_sys::Array)> {
    Closure::new(move |entries: js_sys::Array| {
        let Some(entry) = entries
            .iter()
            .last()
            .and_then(|e| e.dyn_into::<IntersectionObserverEntry>().ok())
        else {
            return;
        };
        let repaint = {
            let mut view = view.borrow_mut();
            view.off_screen = !entry.is_intersecting();
            !view.off_screen && view.stale
        };
        if repaint {
            // One chart per task: several coming into view at once do not make one long task.
            let redraw = Rc::clone(&redraw);
            in_a_task_of_its_own(move || redraw());
        }
    })
}

/// Keeps `chart` drawn on the returned canvas. `on_drawn` gets the canvas, what was drawn and the
/// canvas's CSS width after every draw (new model or new width).
#[hook]
pub fn use_canvas_chart(
    chart: ChartRef,
    on_drawn: Callback<(HtmlCanvasElement, Drawn, f64)>,
) -> NodeRef {
    let canvas = use_node_ref();
    // The latest model, for redraws a resize causes rather than a new model.
    let latest: Rc<RefCell<ChartRef>> = use_mut_ref(|| chart.clone());
    // Read from the page once, then kept current by the resize observer.
    let surface: Rc<RefCell<Option<Surface>>> = use_mut_ref(|| None);
    // On screen until the intersection observer says otherwise.
    let view: Rc<RefCell<View>> = use_mut_ref(View::default);
    // Paints the latest model; off screen, only lays it out, unless `even_off_screen` (where
    // there is no intersection observer to say when it comes into view).
    let draw: Rc<dyn Fn(bool)> = {
        let canvas = canvas.clone();
        let latest = Rc::clone(&latest);
        let surface = Rc::clone(&surface);
        let view = Rc::clone(&view);
        Rc::new(move |even_off_screen: bool| {
            let Some(el) = canvas.cast::<HtmlCanvasElement>() else {
                return;
            };
            let mut surface = surface.borrow_mut();
            let surface = surface.get_or_insert_with(|| Surface::read(&el));
            let model = Rc::clone(&latest.borrow().0);
            let mut view = view.borrow_mut();
            if view.off_screen && !even_off_screen {
                // Keep the page's height right; paint when it comes into view.
                view.stale = lay_out(&el, &*model, surface).is_some();
            } else if let Some(drawn) = paint(&el, &*model, surface, device_pixel_ratio()) {
                view.stale = false;
                on_drawn.emit((el, drawn, surface.css_width));
            }
        })
    };
    let redraw: Rc<dyn Fn()> = {
        let draw = Rc::clone(&draw);
        Rc::new(move || draw(false))
    };
    {
        let (redraw, latest) = (Rc::clone(&redraw), Rc::clone(&latest));
        let (canvas, surface, view) = (canvas.clone(), Rc::clone(&surface), Rc::clone(&view));
        use_effect_with(chart, move |chart| {
            *latest.borrow_mut() = chart.clone();
            let first = surface.borrow().is_none();
            match canvas.cast::<HtmlCanvasElement>() {
                // The first draw: the chart takes its height before the browser paints, so
                // nothing below it moves later, and is painted when the intersection observer
                // first says it is near the screen, in a task of its own. Painting every chart
                // of the first view in the task that rendered it made one task of 370 ms on a
                // 4× slower CPU. Every chart of a render reads its canvas before any sets its
                // height (`layout_batch`): one layout of the page, not one a chart.
                Some(el) if first => {
                    let chart = chart.clone();
                    layout_batch::queue(move || {
                        let mut fresh = Surface::read(&el);
                        Box::new(move || {
                            lay_out(&el, &*chart.0, &mut fresh);
                            *surface.borrow_mut() = Some(fresh);
                            view.borrow_mut().stale = true;
                        })
                    });
                }
                _ => redraw(),
            }
        });
    }
    {
        // Printing: every chart painted, on screen or not, at print resolution in the light
        // theme's colours (the print stylesheet is black on white; it applies only once printing
        // has begun, too late to read); repainted for the screen afterwards.
        let (canvas, latest, surface, redraw) = (
            canvas.clone(),
            Rc::clone(&latest),
            Rc::clone(&surface),
            Rc::clone(&redraw),
        );
        use_effect_with((), move |_| {
            let job: PrintJob = Rc::new(move |starting: bool| {
                if !starting {
                    return redraw();
                }
                let Some(el) = canvas.cast::<HtmlCanvasElement>() else {
                    return;
                };
                let width = (*surface.borrow())
                    .unwrap_or_else(|| Surface::read(&el))
                    .css_width;
                let mut on_paper = Surface {
                    css_width: width,
                    css_height: f64::from(el.client_height()).max(1.0),
                    palette: Palette::default(),
                };
                let model = Rc::clone(&latest.borrow().0);
                paint(
                    &el,
                    &*model,
                    &mut on_paper,
                    PRINT_RATIO.max(device_pixel_ratio()),
                );
            });
            print::register(&job);
            move || drop(job)
        });
    }
    {
        let theme = use_context::<ShownTheme>().unwrap_or_default();
        // The theme the colours were read in: the first draw reads them itself.
        let read_in = use_mut_ref(|| theme);
        let (canvas, surface, redraw) = (canvas.clone(), Rc::clone(&surface), Rc::clone(&redraw));
        use_effect_with(theme, move |theme| {
            let changed = *read_in.borrow() != *theme;
            *read_in.borrow_mut() = *theme;
            let el = canvas.cast::<HtmlCanvasElement>();
            let reread = changed
                && match (el, surface.borrow_mut().as_mut()) {
                    (Some(el), Some(surface)) => {
                        surface.palette = palette_from_css(&el);
                        true
                    }
                    _ => false,
                };
            if reread {
                redraw();
            }
        });
    }
    {
        let canvas = canvas.clone();
        use_effect_with((), move |_| {
            let target = canvas.cast::<HtmlCanvasElement>();
            let draw = Rc::clone(&draw);
            let on_view = watch_view(Rc::clone(&view), Rc::clone(&redraw));
            let on_resize = Closure::<dyn FnMut()>::new(move || {
                let Some(el) = &target else { return };
                let fresh = Surface::read(el);
                let changed = surface.borrow().is_none_or(|s| {
                    (s.css_width - fresh.css_width).abs() >= 0.5 || s.palette != fresh.palette
                });
                // Our own height changes also reach the observer; only a new width (or theme)
                // needs a redraw, or drawing and observing would chase each other.
                if changed && fresh.css_width > 0.0 {
                    *surface.borrow_mut() = Some(fresh);
                    // Drawing may set the canvas's height; doing that inside the observer's own
                    // callback makes the browser report a ResizeObserver loop error, so the redraw
                    // waits for the next frame.
                    let redraw = Rc::clone(&redraw);
                    let next_frame = Closure::once_into_js(move || redraw());
                    if let Some(window) = crate::web::window() {
                        let _ = window.request_animation_frame(next_frame.unchecked_ref());
                    }
                }
            });
            let observer = ResizeObserver::new(on_resize.as_ref().unchecked_ref()).ok();
            let init = IntersectionObserverInit::new();
            // Paint a little before the chart scrolls in, so it is never seen blank.
            init.set_root_margin(NEAR_SCREEN);
            let visibility =
                IntersectionObserver::new_with_options(on_view.as_ref().unchecked_ref(), &init)
                    .ok();
            if let Some(el) = canvas.cast::<HtmlCanvasElement>() {
                if let Some(observer) = &observer {
                    observer.observe(&el);
                }
                match &visibility {
                    Some(visibility) => visibility.observe(&el),
                    // No intersection observer: paint it anyway, in a task of its own.
                    None => in_a_task_of_its_own(move || draw(true)),
                }
            }
            move || {
                if let Some(observer) = observer {
                    observer.disconnect();
                }
                if let Some(visibility) = visibility {
                    visibility.disconnect();
                }
                drop(on_resize);
                drop(on_view);
            }
        });
    }
    canvas
}
