//! Bundle size: raw, gzip -9 and brotli -q 11 bytes of what a browser downloads, against the brotli budget.

use crate::{units, Result};
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Budget for the compressed transfer of the whole widget (brotli, as CDNs serve it).
///
/// Issue 9's: the first view does not grow past the 197.9 KB it had when issue 7 landed (20 KB of
/// packs, the rest code). Every-career support (fetching other packs, the career tabs, the
/// editor's search) added 24 KB of code; the release build's std rebuilt for size
/// (`xtask/src/nightly.rs`), wasm-opt's extra flags (index.html) and a leaner `boot.js` took it
/// back, to 196.7 KB. Issue 10's prerendered first view (`xtask/src/prerender.rs`) then added
/// 7.6 KB on purpose: the default view's HTML in `index.html` (6.2 KB), the charts' heights
/// (0.4 KB), `guard.js` (0.2 KB) and the start-up hand-over in the wasm (0.8 KB), bytes that
/// arrive first and make the page readable before any wasm runs. Issue 11 then added 16.5 KB
/// of code (204.8 -> 221.5 KB), measured by building each step: the second language (its
/// state, the EN | ES switch, es-US numbers, the fetch and reading of its table, the localized
/// periods: ~6.5 KB) and the downloads, print and live theme (CSV and PNG making, the picture's
/// layout, the repaint for paper: ~10 KB). The Spanish table itself is not in the bundle: a
/// Spanish reader fetches it (22.5 KB raw, 7.7 KB gzip). Issue 10's facade then added 12.1 KB
/// (221.9 -> 234.0 KB) to make the first view complete without the wasm: every chart drawn as
/// SVG at a phone's and a desktop's width in `index.html` (10.9 KB), their stylesheet (0.4 KB),
/// the start on the reader's first sign of use (0.2 KB of scripts) and handing the prerendered
/// controls to the widget (0.6 KB of wasm); in exchange a reader who only reads fetches 30.8 KB
/// ([`FIRST_VIEW_BUDGET_BYTES`]) instead of all of it.
pub const BUDGET_BYTES: u64 = 240_128;
/// Issue 10's budget for what the first view fetches (brotli), the default career's figures
/// included: everything but the wasm ([`Report::first_view_brotli`]).
pub const FIRST_VIEW_BUDGET_BYTES: u64 = 102_400;
/// The loader host pages include (`<script src=".../embed.js">`), copied to the bundle's root.
pub const LOADER: &str = "embed.js";
/// Its budget, raw bytes (issue 4: "at most 4 KB"): it is on every host page, readable source.
pub const LOADER_BUDGET_BYTES: u64 = 4096;
/// What a first visit downloads; maps, icons and other copies are not part of the budget.
const MEASURED_EXTENSIONS: [&str; 4] = ["wasm", "js", "css", "html"];

pub struct FileSize {
    pub name: String,
    pub raw: u64,
    pub gzip: u64,
    pub brotli: u64,
}

pub struct Report {
    pub files: Vec<FileSize>,
}

impl Report {
    pub fn total_brotli(&self) -> u64 {
        self.files.iter().map(|f| f.brotli).sum()
    }

    /// What a reader's first view of the default view fetches (brotli): every counted file but
    /// the wasm. The page holds the prerendered view (its figures, and its charts drawn as SVG),
    /// its styles and scripts, and Trunk's `modulepreload` fetches the wasm-bindgen glue with it
    /// (for its integrity check); the loader a host page includes is counted too. The wasm is
    /// fetched when the reader first uses the page or it has been idle (`boot.js`), or at once
    /// for a URL asking for another view (whose first view is then the whole bundle).
    pub fn first_view_brotli(&self) -> u64 {
        (self.files.iter())
            .filter(|f| !f.name.ends_with(".wasm"))
            .map(|f| f.brotli)
            .sum()
    }

    pub fn within_budget(&self) -> bool {
        self.total_brotli() <= BUDGET_BYTES && self.first_view_brotli() <= FIRST_VIEW_BUDGET_BYTES
    }

    /// Each budget the report breaks, as a sentence.
    pub fn over_budget(&self) -> Vec<String> {
        let mut over = Vec::new();
        if self.total_brotli() > BUDGET_BYTES {
            over.push(format!(
                "bundle is {} brotli, over the {} budget",
                units::kb(self.total_brotli()),
                units::kb(BUDGET_BYTES)
            ));
        }
        if self.first_view_brotli() > FIRST_VIEW_BUDGET_BYTES {
            over.push(format!(
                "the first view fetches {} brotli, over its {} budget",
                units::kb(self.first_view_brotli()),
                units::kb(FIRST_VIEW_BUDGET_BYTES)
            ));
        }
        over
    }

    /// The per-file table, the total and the verdict.
    pub fn print(&self) {
        let width = self
            .files
            .iter()
            .map(|f| f.name.len())
            .chain([5])
            .max()
            .unwrap_or(5);
        println!(
            "{:<width$}  {:>10}  {:>10}  {:>10}",
            "file", "raw", "gzip -9", "brotli -11"
        );
        for f in &self.files {
            println!(
                "{:<width$}  {:>10}  {:>10}  {:>10}",
                f.name, f.raw, f.gzip, f.brotli
            );
        }
        let sum = |get: fn(&FileSize) -> u64| self.files.iter().map(get).sum::<u64>();
        println!(
            "{:<width$}  {:>10}  {:>10}  {:>10}",
            "total",
            sum(|f| f.raw),
            sum(|f| f.gzip),
            sum(|f| f.brotli)
        );
        for (what, size, budget) in [
            ("bundle", self.total_brotli(), BUDGET_BYTES),
            (
                "first view (all but the wasm)",
                self.first_view_brotli(),
                FIRST_VIEW_BUDGET_BYTES,
            ),
        ] {
            let verdict = if size <= budget {
                format!("within budget ({} left)", units::kb(budget - size))
            } else {
                format!("OVER BUDGET by {}", units::kb(size - budget))
            };
            println!(
                "{what}: {} brotli of {} budget: {verdict}",
                units::kb(size),
                units::kb(budget)
            );
        }
    }
}

/// Measures every counted file under `dist` (subdirectories included: wasm-bindgen snippets are
/// JS the page loads too).
pub fn measure(dist: &Path) -> Result<Report> {
    let mut paths = Vec::new();
    collect(dist, &mut paths)?;
    paths.sort();
    let mut files = Vec::new();
    for path in paths {
        let bytes = fs::read(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let name = path
            .strip_prefix(dist)
            .unwrap_or(&path)
            .display()
            .to_string();
        files.push(FileSize {
            name,
            raw: bytes.len() as u64,
            gzip: gzip_size(&bytes)?,
            brotli: brotli_size(&bytes)?,
        });
    }
    if !files.iter().any(|f| f.name.ends_with(".wasm")) {
        return Err(format!(
            "no .wasm file in {}: the build did not produce the widget",
            dist.display()
        ));
    }
    Ok(Report { files })
}

/// The loader's raw size in `dist`, checked against [`LOADER_BUDGET_BYTES`]: `Ok` with the size
/// when within it, `Err` with a sentence when over or missing.
pub fn check_loader(dist: &Path) -> Result<u64> {
    let path = dist.join(LOADER);
    let size = fs::metadata(&path)
        .map_err(|e| {
            format!(
                "no {LOADER} in {} ({e}): index.html must copy it \
                 (<link data-trunk rel=\"copy-file\" href=\"{LOADER}\">)",
                dist.display()
            )
        })?
        .len();
    if size > LOADER_BUDGET_BYTES {
        return Err(format!(
            "{LOADER} is {size} bytes, over its {LOADER_BUDGET_BYTES}-byte budget"
        ));
    }
    Ok(size)
}

/// Names only the `fault-injection` feature compiles in (src/web/fault.rs): a release wasm
/// holding one could be made to panic from its URL.
const FAULT_SWITCH_NAMES: [&str; 2] = ["panic-at-start", "panic-on-input"];

/// `Err` with a sentence when a `.wasm` file in `dist` holds the test builds' fault switch.
pub fn check_no_fault_switch(dist: &Path) -> Result<()> {
    let mut files = Vec::new();
    collect(dist, &mut files)?;
    for path in files
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "wasm"))
    {
        let bytes = fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        for name in FAULT_SWITCH_NAMES {
            if bytes.windows(name.len()).any(|w| w == name.as_bytes()) {
                return Err(format!(
                    "{} holds the fault switch ({name}): the release build must not enable \
                     the fault-injection feature",
                    path.display()
                ));
            }
        }
    }
    Ok(())
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    let entries = fs::read_dir(dir).map_err(|e| format!("cannot list {}: {e}", dir.display()))?;
    for entry in entries {
        let entry = entry.map_err(|e| format!("cannot list {}: {e}", dir.display()))?;
        let path = entry.path();
        if path.is_dir() {
            collect(&path, out)?;
        } else if path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| MEASURED_EXTENSIONS.contains(&e))
        {
            out.push(path);
        }
    }
    Ok(())
}

fn gzip_size(bytes: &[u8]) -> Result<u64> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder
        .write_all(bytes)
        .map_err(|e| format!("gzip failed: {e}"))?;
    let compressed = encoder.finish().map_err(|e| format!("gzip failed: {e}"))?;
    Ok(compressed.len() as u64)
}

fn brotli_size(bytes: &[u8]) -> Result<u64> {
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        // 4 MiB window, far beyond any file here: the setting makes no difference to the size
        // but keeps the numbers comparable with `brotli -q 11`.
        lgwin: 22,
        ..Default::default()
    };
    let mut compressed = Vec::new();
    brotli::BrotliCompress(&mut &bytes[..], &mut compressed, &params)
        .map_err(|e| format!("brotli failed: {e}"))?;
    Ok(compressed.len() as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compressors_shrink_repetitive_text() {
        let text = "career pay widget ".repeat(500);
        let (raw, gz, br) = (
            text.len() as u64,
            gzip_size(text.as_bytes()).unwrap_or(u64::MAX),
            brotli_size(text.as_bytes()).unwrap_or(u64::MAX),
        );
        assert!(gz < raw / 10, "gzip {gz} of {raw}");
        assert!(br < raw / 10, "brotli {br} of {raw}");
    }

    #[test]
    fn measures_only_what_the_browser_loads_and_needs_a_wasm() {
        let dir = std::env::temp_dir().join(format!("xtask-bundle-test-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        let snippets = dir.join("snippets");
        assert!(fs::create_dir_all(&snippets).is_ok());
        for (name, body) in [
            ("index.html", "<html></html>"),
            ("app_bg.wasm", "\0asm"),
            ("snippets/x.js", "export {}"),
            ("notes.txt", "not measured"),
        ] {
            assert!(fs::write(dir.join(name), body).is_ok());
        }
        let report = measure(&dir);
        let _ = fs::remove_dir_all(&dir);
        let names: Vec<String> = report
            .map(|r| r.files.into_iter().map(|f| f.name).collect())
            .unwrap_or_default();
        assert_eq!(names, ["app_bg.wasm", "index.html", "snippets/x.js"]);
    }

    #[test]
    fn the_first_view_is_everything_but_the_wasm() {
        let file = |name: &str, brotli| FileSize {
            name: name.to_string(),
            raw: 0,
            gzip: 0,
            brotli,
        };
        let report = Report {
            files: vec![
                file("app_bg.wasm", 200),
                file("index.html", 20),
                file("app.js", 5),
            ],
        };
        assert_eq!(
            (report.total_brotli(), report.first_view_brotli()),
            (225, 25)
        );
        assert!(report.over_budget().is_empty() && report.within_budget());
        let heavy = Report {
            files: vec![file("index.html", FIRST_VIEW_BUDGET_BYTES + 1)],
        };
        assert!(!heavy.within_budget());
        assert_eq!(heavy.over_budget().len(), 1, "{:?}", heavy.over_budget());
        assert!(heavy.over_budget()[0].contains("first view"));
    }

    #[test]
    fn the_loader_must_exist_and_fit_its_budget() {
        let dir = std::env::temp_dir().join(format!("xtask-loader-test-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        assert!(fs::create_dir_all(&dir).is_ok());
        let missing = check_loader(&dir).unwrap_err();
        assert!(missing.contains("copy-file"), "{missing}");
        let at_budget = vec![b' '; LOADER_BUDGET_BYTES as usize];
        assert!(fs::write(dir.join(LOADER), &at_budget).is_ok());
        assert_eq!(check_loader(&dir), Ok(LOADER_BUDGET_BYTES));
        assert!(fs::write(dir.join(LOADER), [&at_budget[..], b" "].concat()).is_ok());
        let over = check_loader(&dir).unwrap_err();
        assert!(over.contains("4097 bytes"), "{over}");
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn the_repository_loader_fits_its_budget() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let size = check_loader(&root);
        assert!(size.is_ok(), "{size:?}");
    }
}
