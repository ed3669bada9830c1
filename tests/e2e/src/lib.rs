//! Plumbing for the end-to-end tests of the career-pay widget: a static server for the release
//! bundle, a chromedriver process, headless Chromium sessions that capture page errors, and
//! helpers to read the widget the way a person does.
//!
//! The tests live in `tests/`; `src/bin/measure-load.rs` reuses the same plumbing to time cold
//! loads and `src/bin/measure-input.rs` the redraw after an input. Environment: `WIDGET_DIST` (the bundle, required by the widget tests), `CHROMEDRIVER`
//! (default /usr/bin/chromedriver), `CHROME_BIN` (default /usr/bin/chromium), and optionally
//! `CHROMEDRIVER_LOG` (a file for chromedriver's verbose log).

pub mod driver;
pub mod frames;
pub mod measure;
pub mod server;
pub mod session;
pub mod stats;
pub mod widget;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

pub use driver::{Engine, WebDriverServer};
pub use server::{StaticServer, STRICT_CSP};
pub use session::{with_browser, Browser, BrowserOptions, CanvasStats, Page};
pub use widget::{
    chart_in_view, choose_place, dollars, first_int, open_data_table, open_widget, picker,
    place_shown, query_param, type_place, wait_chart_drawn, wait_place_shown, widget_server,
    with_widget, Picker, PLACE,
};

/// Errors are boxed: the tests only report them, never match on them.
pub type Error = Box<dyn std::error::Error + Send + Sync + 'static>;
/// Result with [`Error`].
pub type Result<T> = std::result::Result<T, Error>;

/// A directory under the system temp dir, deleted on drop. Hand-rolled to keep the `tempfile`
/// crate (and its dependencies) out of the build.
#[derive(Debug)]
pub struct TempDir(PathBuf);

impl TempDir {
    /// Creates `$TMPDIR/e2e-{label}-{pid}-{n}-{nanos}`, unique within and across processes.
    pub fn new(label: &str) -> std::io::Result<Self> {
        static COUNTER: AtomicU32 = AtomicU32::new(0);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or(0);
        let path = std::env::temp_dir().join(format!(
            "e2e-{label}-{}-{}-{nanos}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::Relaxed)
        ));
        std::fs::create_dir_all(&path)?;
        Ok(Self(path))
    }

    /// The directory.
    pub fn path(&self) -> &Path {
        &self.0
    }
}

/// Copies the directory `from` (recursively) to `to`: a bundle to alter without touching the
/// one other tests use.
pub fn copy_dir(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), &target)?;
        }
    }
    Ok(())
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}
