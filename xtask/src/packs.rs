//! `cargo xtask packs`: every occupation's career pack, built into `target/packs` (skipped when
//! its inputs have not changed). Run by Trunk as a post-build hook (`Trunk.toml`), it also copies
//! them into the build as `packs/` and names the shared files in the page's
//! `<meta name="cpw-packs">`, which the widget reads to find them: their names are content
//! hashes, known only once they are built, and the wasm need not be rebuilt when they change.
//! The Spanish messages (`src/messages/es.txt`) travel the same way: fetched only when a reader
//! asks for Spanish.

use crate::{oews_data, process, Result};
use std::fs;
use std::path::Path;
use std::process::Command;

/// Where the packs are built, from the repository root.
pub const BUILT: &str = "target/packs";
/// Where they go in the widget's build, from its root.
pub const SERVED: &str = "packs";
/// The `<meta>` name the widget looks for.
const META_NAME: &str = "cpw-packs";
/// The Spanish messages, from the repository root, and the stem of their name in the build.
const SPANISH: (&str, &str) = ("src/messages/es.txt", "messages-es");

/// Builds the packs and, when run as Trunk's hook (`TRUNK_STAGING_DIR` set), puts them in the
/// build it is finishing.
pub fn run(root: &Path) -> Result<()> {
    ensure_built(root)?;
    if let Some(staging) = std::env::var_os("TRUNK_STAGING_DIR") {
        install(root, Path::new(&staging))?;
    }
    Ok(())
}

/// The release data (fetched and hash-checked if missing), then the packs from it.
pub fn ensure_built(root: &Path) -> Result<()> {
    oews_data::ensure(root)?;
    let release = oews_data::Pins::read(root)?.sqlite(root);
    oews_extract(
        root,
        "build-packs",
        &[root.join(BUILT).as_os_str(), release.as_os_str()],
    )
}

/// Brings what `data/` keeps as files to the release of `pins`, with `crates/oews-extract`'s
/// `refresh-csv`: the CSV files of the careers compiled into the widget, their national series,
/// the release's source note and its rows in `data/sources.csv`.
pub fn refresh_data_files(root: &Path, pins: &oews_data::Pins) -> Result<()> {
    let release = pins.sqlite(root);
    oews_extract(
        root,
        "refresh-csv",
        &[
            root.join("data").as_os_str(),
            release.as_os_str(),
            pins.package.as_ref(),
        ],
    )
}

/// Runs one of `crates/oews-extract`'s programs (built in the host's dev profile, which the
/// native tests share).
fn oews_extract(root: &Path, bin: &str, args: &[&std::ffi::OsStr]) -> Result<()> {
    let mut cmd = Command::new("cargo");
    cmd.args(["run", "--quiet", "-p", "oews-extract", "--bin", bin, "--"])
        .args(args)
        .current_dir(root);
    process::run(&mut cmd)
}

/// Copies the built packs and the Spanish messages into `<site>/packs/` and names the shared
/// files in `<site>/index.html`.
pub fn install(root: &Path, site: &Path) -> Result<()> {
    let built = &root.join(BUILT);
    let manifest_path = built.join("manifest");
    let mut manifest = fs::read_to_string(&manifest_path)
        .map_err(|e| format!("cannot read {}: {e}", manifest_path.display()))?;
    let served = site.join(SERVED);
    fs::create_dir_all(&served).map_err(|e| format!("cannot create {}: {e}", served.display()))?;
    let entries =
        fs::read_dir(built).map_err(|e| format!("cannot list {}: {e}", built.display()))?;
    for entry in entries.flatten() {
        let name = entry.file_name();
        if name.to_string_lossy().starts_with('.') || !entry.path().is_file() {
            continue;
        }
        fs::copy(entry.path(), served.join(&name))
            .map_err(|e| format!("cannot copy {}: {e}", entry.path().display()))?;
    }
    let (path, stem) = SPANISH;
    let spanish = fs::read(root.join(path)).map_err(|e| format!("cannot read {path}: {e}"))?;
    let name = career_pack::content_name(stem, &spanish, "txt");
    fs::write(served.join(&name), &spanish)
        .map_err(|e| format!("cannot write {}: {e}", served.join(&name).display()))?;
    manifest.push_str(&format!("es={name}\n"));
    let page = site.join("index.html");
    let html =
        fs::read_to_string(&page).map_err(|e| format!("cannot read {}: {e}", page.display()))?;
    let named = with_meta(&html, &meta(&manifest)?).ok_or_else(|| {
        format!(
            "{} has no <title> to put the packs' names before",
            page.display()
        )
    })?;
    fs::write(&page, named).map_err(|e| format!("cannot write {}: {e}", page.display()))
}

/// `<meta name="cpw-packs" data-index=… data-gazetteer=… data-programs=… data-es=…>` from the
/// manifest's `index=`, `gazetteer=`, `programs=` and `es=` lines.
fn meta(manifest: &str) -> Result<String> {
    let mut tag = format!("<meta name=\"{META_NAME}\" content=\"{SERVED}/\"");
    for key in ["index", "gazetteer", "programs", "es"] {
        let file = manifest
            .lines()
            .find_map(|l| l.strip_prefix(key)?.strip_prefix('='))
            .filter(|f| {
                f.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"-._".contains(&b))
            })
            .ok_or_else(|| format!("the packs' manifest names no {key} file"))?;
        tag.push_str(&format!(" data-{key}=\"{file}\""));
    }
    tag.push('>');
    Ok(tag)
}

/// The page with `tag` before its `<title>` (kept by every minifier, unlike `</head>`), replacing
/// a tag an earlier run put there; `None` without a title.
fn with_meta(html: &str, tag: &str) -> Option<String> {
    let mut html = html.to_string();
    let marker = format!("<meta name=\"{META_NAME}\"");
    if let Some(start) = html.find(&marker) {
        let end = start + html[start..].find('>')? + 1;
        html.replace_range(start..end, "");
    }
    let at = html.find("<title")?;
    html.insert_str(at, tag);
    Some(html)
}

#[cfg(test)]
mod tests {
    use super::*;

    const MANIFEST: &str = "inputs=x\nindex=careers.00ff.cidx\ngazetteer=gazetteer.01.cgaz\nprograms=programs.02.cprg\nes=messages-es.03.txt\n";

    #[test]
    fn the_page_names_the_shared_files_once() {
        let tag = meta(MANIFEST).expect("a full manifest");
        assert_eq!(
            tag,
            "<meta name=\"cpw-packs\" content=\"packs/\" data-index=\"careers.00ff.cidx\" \
             data-gazetteer=\"gazetteer.01.cgaz\" data-programs=\"programs.02.cprg\" \
             data-es=\"messages-es.03.txt\">"
        );
        let page = "<html><head><meta charset=utf-8><title>T</title></head></html>";
        let once = with_meta(page, &tag).expect("a title");
        assert_eq!(with_meta(&once, &tag).as_deref(), Some(once.as_str()));
        assert!(once.contains(&format!("{tag}<title>")));
        assert_eq!(with_meta("<p>no title</p>", &tag), None);
    }

    #[test]
    fn a_manifest_without_a_file_or_with_markup_in_one_is_refused() {
        assert!(meta("inputs=x\nindex=careers.cidx\n").is_err());
        let hostile = MANIFEST.replace("careers.00ff.cidx", "a\"><script>");
        assert!(meta(&hostile).is_err());
    }
}
