//! Printing: one pair of `beforeprint` / `afterprint` listeners for the page, however many charts
//! it shows. Each chart registers what it does when printing starts and ends, for as long as it
//! keeps the job alive (a pair of listeners a chart was 14 of a widget's 36).

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Called with `true` when printing starts and `false` when it has ended.
pub type PrintJob = Rc<dyn Fn(bool)>;

/// The jobs registered, weakly: a chart that goes drops its job, and its entry is swept.
type Jobs = Vec<Weak<dyn Fn(bool)>>;

thread_local! {
    static JOBS: RefCell<Jobs> = const { RefCell::new(Vec::new()) };
    static LISTENING: Cell<bool> = const { Cell::new(false) };
}

/// Runs `job` on every print until it is dropped.
pub fn register(job: &PrintJob) {
    JOBS.with_borrow_mut(|jobs| {
        jobs.retain(|j| j.strong_count() > 0);
        jobs.push(Rc::downgrade(job));
    });
    if !LISTENING.replace(true) {
        listen();
    }
}

fn run_all(starting: bool) {
    // Collected first: a job may render, and rendering may register or drop jobs.
    let live: Vec<PrintJob> =
        JOBS.with_borrow(|jobs| jobs.iter().filter_map(Weak::upgrade).collect());
    for job in live {
        job(starting);
    }
}

fn listen() {
    let Some(window) = crate::web::window() else {
        return;
    };
    for (event, starting) in [("beforeprint", true), ("afterprint", false)] {
        let listener = Closure::<dyn FnMut()>::new(move || run_all(starting));
        let _ = window.add_event_listener_with_callback(event, listener.as_ref().unchecked_ref());
        // Kept for the page's lifetime: one pair, however many charts come and go.
        listener.forget();
    }
}
