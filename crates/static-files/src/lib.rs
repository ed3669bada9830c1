//! Serving files from a directory the way a web host would, shared by the end-to-end tests'
//! server and `cargo xtask serve`'s demo server: the Content-Type for a file, and the safe
//! mapping of a request target to a file under the served directory. Standard library only.

use std::path::{Component, Path, PathBuf};

/// The Content-Type for a file name. `application/wasm` matters: without it the browser refuses
/// `WebAssembly.instantiateStreaming` and the loader falls back to a slower path (or fails).
pub fn content_type(path: &Path) -> &'static str {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    match ext.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "svg" => "image/svg+xml",
        "json" | "map" => "application/json",
        "webmanifest" => "application/manifest+json",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "txt" | "csv" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// Maps a request target to a file under `root`, or `None` (→ 404). The query and fragment are
/// stripped, `%XX` escapes decoded, `/` and directories map to their `index.html`, and any `..`
/// or absolute component is refused so nothing outside `root` can be read.
pub fn resolve(root: &Path, target: &str) -> Option<PathBuf> {
    let path = target.split(['?', '#']).next().unwrap_or("");
    let decoded = percent_decode(path)?;
    let mut file = root.to_path_buf();
    for part in Path::new(decoded.trim_start_matches('/')).components() {
        match part {
            Component::Normal(p) => file.push(p),
            Component::CurDir => {}
            _ => return None,
        }
    }
    if file.is_dir() {
        file.push("index.html");
    }
    file.is_file().then_some(file)
}

fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    let text = String::from_utf8(out).ok()?;
    // A NUL or backslash has no business in a bundle path and could confuse the file system.
    (!text.contains(['\0', '\\'])).then_some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_and_targets() {
        assert_eq!(content_type(Path::new("a.wasm")), "application/wasm");
        assert_eq!(
            content_type(Path::new("A.JS")),
            "text/javascript; charset=utf-8"
        );
        let dir = std::env::temp_dir().join(format!("static-files-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("sub")).expect("dirs");
        std::fs::write(dir.join("index.html"), "x").expect("write");
        std::fs::write(dir.join("sub/index.html"), "x").expect("write");
        std::fs::write(dir.join("a b.css"), "x").expect("write");
        assert_eq!(resolve(&dir, "/?q=1#f"), Some(dir.join("index.html")));
        assert_eq!(resolve(&dir, "/sub/"), Some(dir.join("sub/index.html")));
        assert_eq!(resolve(&dir, "/a%20b.css"), Some(dir.join("a b.css")));
        for bad in ["/../etc/passwd", "/%2e%2e/x", "/missing", "/%zz", "/a%5Cb"] {
            assert_eq!(resolve(&dir, bad), None, "{bad}");
        }
        let _ = std::fs::remove_dir_all(&dir);
    }
}
