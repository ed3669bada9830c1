//! The first view before any wasm runs: the widget's default view, rendered natively by the app's
//! own `prerender` program (Yew's server renderer, `src/prerender.rs`), written into the built
//! page's mount element ahead of its loading text. A reader sees the heading, the estimate, the
//! facts and every chart (drawn as SVG) as soon as the HTML and CSS arrive; the wasm, started at
//! the reader's first sign of use or on an idle page, then renders the same view in place of it.
//! A URL asking for another view hides it (`guard.js`) and shows the loading text instead, so a
//! figure the reader did not ask for is never shown.
//!
//! Release builds only: it compiles the app natively once more, which would slow every rebuild of
//! `trunk serve` by tens of seconds; debug builds show the loading text, as before.

use crate::Result;
use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};

/// The element the prerendered view is written into (`index.html`'s mount point).
const MOUNT_ID: &str = "career-pay-widget";
/// The wrapper's class, which `styles/widget.css` hides when `guard.js` has marked the page.
const WRAPPER_CLASS: &str = "cpw-prerendered";

/// Renders the default view and its charts' heights and writes them into `<site>`, when Trunk is
/// making a release build (`TRUNK_PROFILE=release`).
pub fn run_for_release(root: &Path, site: &Path) -> Result<()> {
    if std::env::var("TRUNK_PROFILE").as_deref() != Ok("release") {
        return Ok(());
    }
    let view = render(root, &[])?;
    // A render that fell back to its error message must not become every reader's first view.
    if !view.contains("data-testid=\"widget-title\"") || view.contains("data-testid=\"load-error\"")
    {
        return Err(format!(
            "the prerendered view is not the widget's default view:\n{}",
            view.chars().take(300).collect::<String>()
        ));
    }
    let css = render(root, &["--css"])?;
    let css_name = format!("prerender-{:016x}.css", fnv1a(css.as_bytes()));
    let css_path = site.join(&css_name);
    fs::write(&css_path, &css).map_err(|e| format!("cannot write {}: {e}", css_path.display()))?;
    let page = site.join("index.html");
    let html =
        fs::read_to_string(&page).map_err(|e| format!("cannot read {}: {e}", page.display()))?;
    let with_view = into_page(&html, &view, &css_name).ok_or_else(|| {
        format!(
            "{} has no <title> and element with id=\"{MOUNT_ID}\" to write the prerendered view \
             into, or has one already",
            page.display()
        )
    })?;
    fs::write(&page, with_view).map_err(|e| format!("cannot write {}: {e}", page.display()))?;
    println!(
        "prerendered the default view into {} ({} bytes of HTML, {} of CSS in {css_name})",
        page.display(),
        view.len(),
        css.len()
    );
    Ok(())
}

/// What `cargo run --bin prerender -- <args>` prints (host, dev profile: the native tests share
/// its build).
fn render(root: &Path, args: &[&str]) -> Result<String> {
    let mut cmd = Command::new("cargo");
    cmd.args(["run", "--quiet", "--bin", "prerender", "--"])
        .args(args)
        .current_dir(root)
        .stderr(Stdio::inherit());
    let out = cmd
        .output()
        .map_err(|e| format!("could not start `cargo run --bin prerender`: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "`cargo run --bin prerender` failed ({})",
            out.status
        ));
    }
    String::from_utf8(out.stdout).map_err(|_| "the prerender's output is not UTF-8".to_string())
}

/// A content hash for the stylesheet's name, so a browser never keeps an old one (FNV-1a: stable
/// across Rust versions, unlike `DefaultHasher`).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// `html` with `view` wrapped in `<div class="cpw-prerendered">` at the start of the mount
/// element, before the loading text, and a link to the stylesheet `css` before its `<title>`
/// (kept by every minifier), and the wasm's download deferred; `None` without any of them, or if a
/// view is already there. Attribute quotes are optional: Trunk's minifier drops them.
fn into_page(html: &str, view: &str, css: &str) -> Option<String> {
    if html.contains(WRAPPER_CLASS) {
        return None;
    }
    let html = defer_wasm_download(html)?;
    let html = html.as_str();
    let id = [
        format!("id=\"{MOUNT_ID}\""),
        format!("id={MOUNT_ID} "),
        format!("id={MOUNT_ID}>"),
    ]
    .iter()
    .find_map(|id| html.find(id.as_str()))?;
    let open_end = id + html[id..].find('>')? + 1;
    let title = html.find("<title")?;
    if title > id {
        return None;
    }
    let mut page = String::with_capacity(html.len() + view.len() + 100);
    page.push_str(&html[..title]);
    page.push_str(&format!("<link rel=\"stylesheet\" href=\"{css}\">"));
    page.push_str(&html[title..open_end]);
    page.push_str(&format!("<div class=\"{WRAPPER_CLASS}\">{view}</div>"));
    page.push_str(&html[open_end..]);
    Some(page)
}

/// `html` with Trunk's `<link rel="preload" as="fetch">` of the wasm made inert
/// (`rel="cpw-deferred"`; `boot.js` still reads its SRI hash): the view is complete without the
/// wasm, so `boot.js` fetches it at the reader's first sign of use or once the page has been idle
/// (README, "Start-up"). Lighthouse's simulated LCP counted the 190 KB download before the
/// prerendered view (4.2 s) when the preload stayed. `None` without that link.
fn defer_wasm_download(html: &str) -> Option<String> {
    let mut at = 0;
    while let Some(found) = html[at..].find("<link") {
        let start = at + found;
        let end = start + html[start..].find('>')?;
        let tag = &html[start..end];
        let fetches_wasm =
            (tag.contains("as=fetch") || tag.contains("as=\"fetch\"")) && tag.contains(".wasm");
        if fetches_wasm {
            for rel in ["rel=preload", "rel=\"preload\""] {
                if let Some(r) = tag.find(rel) {
                    let mut page = html.to_string();
                    page.replace_range(start + r..start + r + rel.len(), "rel=\"cpw-deferred\"");
                    return Some(page);
                }
            }
        }
        at = end;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const VIEW: &str = "<div class=\"cpw-panel\"><h1 data-testid=\"widget-title\">T</h1></div>";
    const CSS: &str = "prerender-0123.css";
    /// The class `guard.js` puts on `<html>` when the URL asks for another view than the default.
    const ASKED_CLASS: &str = "cpw-asked";

    #[test]
    fn the_view_goes_first_in_the_mount_element_before_the_loading_text() {
        for page in [
            "<head><title>T</title><link rel=\"preload\" href=\"./a_bg.wasm\" as=\"fetch\" integrity=\"sha384-x\"></head><body><div id=\"career-pay-widget\" class=\"cpw-mount\"><p class=\"cpw-loading\">Loading</p></div></body>",
            "<title>T</title><link as=fetch href=./a_bg.wasm integrity=sha384-x rel=preload><body><div class=cpw-mount id=career-pay-widget><p class=cpw-loading>Loading</p></div></body>",
        ] {
            let with_view = into_page(page, VIEW, CSS).expect("a mount element");
            assert!(with_view.contains("<link rel=\"stylesheet\" href=\"prerender-0123.css\"><title>"));
            assert!(with_view.contains("rel=\"cpw-deferred\"") && !with_view.contains("preload"));
            assert!(with_view.contains("integrity"), "boot.js reads the hash from the link");
            let view_at = with_view.find("<div class=\"cpw-prerendered\">").unwrap();
            let mount_at = with_view.find("career-pay-widget").unwrap();
            let loading_at = with_view.find("Loading").unwrap();
            assert!(mount_at < view_at && view_at < loading_at, "{with_view}");
            assert!(with_view.contains(&format!("{VIEW}</div><p class")), "{with_view}");
        }
    }

    #[test]
    fn a_page_without_a_title_or_a_mount_or_with_a_view_already_is_refused() {
        let mount = "<title>T</title><link rel=preload as=fetch href=a.wasm><div id=\"career-pay-widget\"></div>";
        let without_wasm = "<title>T</title><div id=\"career-pay-widget\"></div>";
        assert_eq!(into_page(without_wasm, VIEW, CSS), None);
        assert_eq!(
            into_page("<title>T</title><div id=\"other\"></div>", VIEW, CSS),
            None
        );
        assert_eq!(
            into_page("<div id=\"career-pay-widget\"></div>", VIEW, CSS),
            None
        );
        let once = into_page(mount, VIEW, CSS).unwrap();
        assert_eq!(into_page(&once, VIEW, CSS), None);
    }

    #[test]
    fn the_stylesheet_hides_the_view_the_guard_marks() {
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/..");
        let read = |file: &str| fs::read_to_string(format!("{root}/{file}")).expect(file);
        let css = read("styles/widget.css");
        assert!(css.contains(&format!(".{ASKED_CLASS} .{WRAPPER_CLASS}")));
        assert!(css.contains(&format!(".{WRAPPER_CLASS} + .cpw-loading")));
        assert!(read("guard.js").contains(&format!("add('{ASKED_CLASS}')")));
        // In <head>, as a classic script: it must run before the first paint.
        let page = read("index.html");
        let guard = page
            .find("<script src=\"guard.js\"></script>")
            .expect("guard.js in the page");
        assert!(guard < page.find("</head>").unwrap());
    }
}
