//! Reads before writes: charts that are sized for the first time in one render read their
//! canvases (width, colours) together, then all set their heights. One chart reading its width
//! after another had set a height made the browser lay the whole page out again for each chart.

use std::cell::RefCell;

/// A job's write phase, returned by its read phase.
pub type Write = Box<dyn FnOnce()>;
type Read = Box<dyn FnOnce() -> Write>;

thread_local! {
    static PENDING: RefCell<Vec<Read>> = const { RefCell::new(Vec::new()) };
}

/// Queues `read`, which reads the page and returns what to write: every job queued in this task
/// has read before any writes. Runs by [`flush`] or, at the latest, at the end of this task (a
/// microtask: before the browser paints). Natively (no page), at once.
pub fn queue(read: impl FnOnce() -> Write + 'static) {
    if crate::web::window().is_none() {
        return read()();
    }
    let first = PENDING.with_borrow_mut(|pending| {
        pending.push(Box::new(read));
        pending.len() == 1
    });
    if first {
        yew::platform::spawn_local(async { flush() });
    }
}

/// Runs every queued job now: all reads, then all writes.
pub fn flush() {
    let reads = PENDING.with_borrow_mut(std::mem::take);
    let writes: Vec<Write> = reads.into_iter().map(|read| read()).collect();
    for write in writes {
        write();
    }
}
