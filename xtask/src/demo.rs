//! The demo host page for `cargo xtask serve`: `examples/` on http://127.0.0.1:8081/, another
//! origin than the widget on :8080, so embedding is tried the way a school's site does it.
//!
//! A few lines of std (GET/HEAD of whole files, one request per connection) rather than an HTTP
//! crate: xtask is compiled before every command and must stay quick to build.

use crate::Result;
use std::io::{self, BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::thread;
use std::time::Duration;

/// Where the demo is served; the widget origin written in the demo page is `:8080` (Trunk.toml).
pub const ADDRESS: &str = "127.0.0.1:8081";
/// The directory served, relative to the repository root.
pub const DIR: &str = "examples";
/// The page `/` leads to.
pub const PAGE: &str = "school-page.html";

/// The demo page's address, as printed for the reader.
pub fn url() -> String {
    format!("http://{ADDRESS}/{PAGE}")
}

/// Serves `dir` on [`ADDRESS`] from a background thread that lives as long as the process.
pub fn start(dir: &Path) -> Result<()> {
    let listener = TcpListener::bind(ADDRESS).map_err(|e| {
        format!("cannot serve the demo on {ADDRESS} ({e}); is another `cargo xtask serve` running?")
    })?;
    serve(listener, dir).map_err(|e| format!("cannot serve {}: {e}", dir.display()))
}

/// Serves `dir` on an already bound listener (tests bind port 0).
pub fn serve(listener: TcpListener, dir: &Path) -> io::Result<()> {
    let root = dir.canonicalize()?;
    thread::Builder::new()
        .name("demo-server".into())
        .spawn(move || {
            for stream in listener.incoming().flatten() {
                let root = root.clone();
                // One thread per connection: a page opens several at once.
                let _ = thread::Builder::new()
                    .name("demo-conn".into())
                    .spawn(move || {
                        let _ = handle(stream, &root);
                    });
            }
        })?;
    Ok(())
}

fn handle(stream: TcpStream, root: &Path) -> io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    // The headers change nothing here; read them so the client sees a clean close.
    let mut header = String::new();
    loop {
        header.clear();
        if reader.read_line(&mut header)? == 0 || header.trim_end().is_empty() {
            break;
        }
    }
    let mut parts = request_line.split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
    let mut out = stream;
    let head_only = method == "HEAD";
    if method != "GET" && !head_only {
        return respond(
            &mut out,
            "405 Method Not Allowed",
            &[],
            b"GET only\n",
            false,
        );
    }
    if target.split(['?', '#']).next() == Some("/") {
        let location = format!("/{PAGE}");
        return respond(
            &mut out,
            "302 Found",
            &[("Location", &location)],
            b"",
            head_only,
        );
    }
    match resolve(root, target).and_then(|f| std::fs::read(&f).ok().map(|b| (f, b))) {
        Some((file, body)) => respond(
            &mut out,
            "200 OK",
            &[("Content-Type", content_type(&file))],
            &body,
            head_only,
        ),
        None => respond(
            &mut out,
            "404 Not Found",
            &[("Content-Type", "text/plain")],
            b"not found\n",
            head_only,
        ),
    }
}

fn respond(
    out: &mut TcpStream,
    status: &str,
    headers: &[(&str, &str)],
    body: &[u8],
    head_only: bool,
) -> io::Result<()> {
    let mut head = format!("HTTP/1.1 {status}\r\n");
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    // no-cache: an edited demo page shows on the next reload.
    head.push_str(&format!(
        "Content-Length: {}\r\nCache-Control: no-cache\r\nConnection: close\r\n\r\n",
        body.len()
    ));
    out.write_all(head.as_bytes())?;
    if !head_only {
        out.write_all(body)?;
    }
    out.flush()
}

pub use static_files::{content_type, resolve};

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;
    use std::path::PathBuf;

    fn fixture(label: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("xtask-demo-{label}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        assert!(std::fs::create_dir_all(dir.join("sub")).is_ok());
        for (name, body) in [
            (PAGE, "<!doctype html><p>school</p>"),
            ("style.css", "p{}"),
            ("sub/index.html", "sub"),
        ] {
            assert!(std::fs::write(dir.join(name), body).is_ok());
        }
        dir
    }

    fn get(addr: std::net::SocketAddr, request: &str) -> String {
        let mut s = TcpStream::connect(addr).expect("connect");
        s.write_all(request.as_bytes()).expect("send");
        let mut buf = String::new();
        let _ = s.read_to_string(&mut buf);
        buf
    }

    #[test]
    fn resolves_files_and_refuses_escapes() {
        let dir = fixture("resolve");
        assert_eq!(
            resolve(&dir, &format!("/{PAGE}?x=1#y")),
            Some(dir.join(PAGE))
        );
        assert_eq!(resolve(&dir, "/sub/"), Some(dir.join("sub/index.html")));
        assert_eq!(resolve(&dir, "/style%2Ecss"), Some(dir.join("style.css")));
        for bad in [
            "/../Cargo.toml",
            "/%2e%2e/x",
            "/sub/../../x",
            "/a%00",
            "/%zz",
            "/nope",
        ] {
            assert_eq!(resolve(&dir, bad), None, "{bad}");
        }
        assert_eq!(
            content_type(Path::new("a/school-page.html")),
            "text/html; charset=utf-8"
        );
        assert_eq!(
            content_type(Path::new("x.JS")),
            "text/javascript; charset=utf-8"
        );
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn serves_the_page_and_redirects_the_root_to_it() {
        let dir = fixture("serve");
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
        let addr = listener.local_addr().expect("addr");
        assert!(serve(listener, &dir).is_ok());
        let page = get(addr, &format!("GET /{PAGE} HTTP/1.1\r\nHost: x\r\n\r\n"));
        assert!(page.starts_with("HTTP/1.1 200 OK\r\n"), "{page}");
        assert!(
            page.contains("Content-Type: text/html; charset=utf-8\r\n"),
            "{page}"
        );
        assert!(page.ends_with("<!doctype html><p>school</p>"), "{page}");
        let root = get(addr, "GET / HTTP/1.1\r\n\r\n");
        assert!(root.starts_with("HTTP/1.1 302 Found\r\n"), "{root}");
        assert!(root.contains(&format!("Location: /{PAGE}\r\n")), "{root}");
        let head = get(addr, &format!("HEAD /{PAGE} HTTP/1.1\r\n\r\n"));
        assert!(
            head.starts_with("HTTP/1.1 200 OK") && head.ends_with("\r\n\r\n"),
            "{head}"
        );
        assert!(get(addr, "GET /../x HTTP/1.1\r\n\r\n").starts_with("HTTP/1.1 404"));
        assert!(get(addr, "POST / HTTP/1.1\r\n\r\n").starts_with("HTTP/1.1 405"));
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn the_demo_page_exists_and_points_at_the_served_widget() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let page = std::fs::read_to_string(root.join(DIR).join(PAGE)).expect("examples page");
        let widget = crate::serve::WIDGET_ORIGIN;
        assert!(page.contains(&format!("{widget}/embed.js")), "the loader");
        assert!(page.contains(&format!("{widget}/?")), "the plain iframe");
        // Another origin than the widget's, and the widget's is where Trunk serves.
        assert!(!url().starts_with(&format!("{widget}/")));
        let trunk = std::fs::read_to_string(root.join("Trunk.toml")).expect("Trunk.toml");
        let port = widget.rsplit(':').next().unwrap_or_default();
        assert!(
            trunk.contains(&format!("port = {port}")),
            "Trunk.toml [serve] port"
        );
    }
}
