//! A tiny static file server on 127.0.0.1:0 that serves a release bundle the way a real host would.
//!
//! Hand-rolled on `std::net` (no HTTP crate) because the tests need only GET of whole files, and
//! every extra crate costs compile time on a 2-core CI machine. It answers one request per
//! connection (`Connection: close`), which Chromium handles fine for a handful of files.

use std::io::{self, BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::thread;
use std::time::Duration;

/// A running server. Its accept thread lives until the process exits: test binaries and
/// `measure-load` are short-lived, and a never-stopping server avoids shutdown races between
/// tests that share it.
#[derive(Debug)]
pub struct StaticServer {
    addr: SocketAddr,
    root: PathBuf,
}

/// The Content-Security-Policy the widget must run under without a single violation (issue 4):
/// no inline script or style, scripts and styles only from the widget's own origin, and wasm
/// compilation allowed.
pub const STRICT_CSP: &str =
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

impl StaticServer {
    /// Serves `root` on a free loopback port.
    pub fn start(root: impl AsRef<Path>) -> io::Result<Self> {
        Self::start_with_headers(root, &[])
    }

    /// Serves `root` on a free loopback port, adding `headers` (name, value) to every response,
    /// e.g. `[("Content-Security-Policy", STRICT_CSP)]` to serve the bundle the way a strict
    /// host would. A name or value holding a line break is refused (it would split the response).
    pub fn start_with_headers(
        root: impl AsRef<Path>,
        headers: &[(&str, &str)],
    ) -> io::Result<Self> {
        Self::start_with(root, headers, &[])
    }

    /// Serves `root` with the answers for some files held back: a request whose path contains
    /// `part` (`.wasm`, `/packs/31-9092.`) is answered after `delay` (a slow network, or with a
    /// long delay a download that never ends: the page as it is before that file arrives).
    pub fn start_delaying(root: impl AsRef<Path>, delays: &[(&str, Duration)]) -> io::Result<Self> {
        Self::start_with(root, &[], delays)
    }

    /// Serves `root` as a host with compression does (every CDN and static host): gzip for a
    /// client that accepts it. For measuring what a network carries (Lighthouse simulates a slow
    /// connection from the bytes it saw); the tests are served plain.
    pub fn start_gzipped(root: impl AsRef<Path>) -> io::Result<Self> {
        Self::start_serving(root, &[], &[], true)
    }

    /// Serves `root` with extra `headers` on every response and the `delays` of
    /// [`StaticServer::start_delaying`].
    pub fn start_with(
        root: impl AsRef<Path>,
        headers: &[(&str, &str)],
        delays: &[(&str, Duration)],
    ) -> io::Result<Self> {
        Self::start_serving(root, headers, delays, false)
    }

    fn start_serving(
        root: impl AsRef<Path>,
        headers: &[(&str, &str)],
        delays: &[(&str, Duration)],
        gzip: bool,
    ) -> io::Result<Self> {
        if let Some((name, _)) = headers.iter().find(|(n, v)| {
            n.is_empty() || n.contains([':', '\r', '\n']) || v.contains(['\r', '\n'])
        }) {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                format!("bad extra header {name:?}"),
            ));
        }
        let extra: Arc<str> = headers
            .iter()
            .map(|(n, v)| format!("{n}: {v}\r\n"))
            .collect::<String>()
            .into();
        let delays: Arc<[(String, Duration)]> = delays
            .iter()
            .map(|(part, delay)| (part.to_string(), *delay))
            .collect();
        // Canonicalised once so that the containment check in `resolve` compares real paths.
        let root = root.as_ref().canonicalize()?;
        let listener = TcpListener::bind(("127.0.0.1", 0))?;
        let addr = listener.local_addr()?;
        let served = root.clone();
        thread::Builder::new()
            .name("e2e-static-server".into())
            .spawn(move || {
                for stream in listener.incoming().flatten() {
                    let root = served.clone();
                    let extra = Arc::clone(&extra);
                    let delays = Arc::clone(&delays);
                    // One thread per connection: the browser opens several at once (JS and
                    // wasm in parallel) and a slow one must not hold up the others.
                    let _ =
                        thread::Builder::new()
                            .name("e2e-static-conn".into())
                            .spawn(move || {
                                let _ = handle(stream, &root, &extra, &delays, gzip);
                            });
                }
            })?;
        Ok(Self { addr, root })
    }

    /// `http://127.0.0.1:<port>`: the origin pages served here have.
    pub fn origin(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The socket address the server listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The (canonical) directory being served.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Absolute URL for `path_and_query` (e.g. `/`, `/?years=5`, `?years=5`).
    pub fn url(&self, path_and_query: &str) -> String {
        let sep = if path_and_query.starts_with('/') {
            ""
        } else {
            "/"
        };
        format!("http://{}{sep}{path_and_query}", self.addr)
    }
}

pub use static_files::{content_type, resolve};

fn handle(
    stream: TcpStream,
    root: &Path,
    extra: &str,
    delays: &[(String, Duration)],
    gzip: bool,
) -> io::Result<()> {
    // A stuck client must not pin a thread forever.
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    // Drain the headers; only whether the client takes gzip changes the answer.
    let mut header = String::new();
    let mut takes_gzip = false;
    loop {
        header.clear();
        if reader.read_line(&mut header)? == 0 || header == "\r\n" || header == "\n" {
            break;
        }
        let lower = header.to_ascii_lowercase();
        takes_gzip |= lower.starts_with("accept-encoding:") && lower.contains("gzip");
    }
    let mut parts = request_line.split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
    let mut out = stream;
    if method != "GET" {
        return respond(
            &mut out,
            "405 Method Not Allowed",
            "text/plain",
            extra,
            b"GET only\n",
        );
    }
    let path = target.split(['?', '#']).next().unwrap_or("");
    if let Some((_, delay)) = delays.iter().find(|(part, _)| path.contains(part.as_str())) {
        thread::sleep(*delay);
    }
    match resolve(root, target).and_then(|f| std::fs::read(&f).ok().map(|b| (f, b))) {
        Some((file, body)) if gzip && takes_gzip => {
            let mut encoder =
                flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
            encoder.write_all(&body)?;
            let headers = format!("{extra}Content-Encoding: gzip\r\n");
            let body = encoder.finish()?;
            respond(&mut out, "200 OK", content_type(&file), &headers, &body)
        }
        Some((file, body)) => respond(&mut out, "200 OK", content_type(&file), extra, &body),
        None => respond(
            &mut out,
            "404 Not Found",
            "text/plain",
            extra,
            b"not found\n",
        ),
    }
}

fn respond(
    out: &mut TcpStream,
    status: &str,
    ctype: &str,
    extra: &str,
    body: &[u8],
) -> io::Result<()> {
    // no-store: the bundle may be rebuilt between runs, and every measured load must be cold.
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\n\
         Cache-Control: no-store\r\nConnection: close\r\n{extra}\r\n",
        body.len()
    );
    out.write_all(head.as_bytes())?;
    out.write_all(body)?;
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    /// Sends a raw request and returns (status line, headers, body).
    fn raw(server: &StaticServer, request: &str) -> (String, String, Vec<u8>) {
        let mut s = TcpStream::connect(server.addr()).unwrap();
        s.write_all(request.as_bytes()).unwrap();
        let mut buf = Vec::new();
        s.read_to_end(&mut buf).unwrap();
        let split = buf.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
        let head = String::from_utf8(buf[..split].to_vec()).unwrap();
        let (status, headers) = head.split_once("\r\n").unwrap();
        (
            status.to_string(),
            headers.to_string(),
            buf[split + 4..].to_vec(),
        )
    }

    fn get(server: &StaticServer, target: &str) -> (String, String, Vec<u8>) {
        raw(server, &format!("GET {target} HTTP/1.1\r\nHost: x\r\n\r\n"))
    }

    fn fixture() -> (crate::TempDir, StaticServer) {
        let dir = crate::TempDir::new("server-test").unwrap();
        let p = dir.path();
        std::fs::write(p.join("index.html"), "<!doctype html><p>hi</p>").unwrap();
        std::fs::write(p.join("app-1a2b.js"), "export default 1;").unwrap();
        std::fs::write(p.join("app-1a2b_bg.wasm"), b"\0asm\x01\0\0\0").unwrap();
        std::fs::write(p.join("style.css"), "p{}").unwrap();
        std::fs::write(p.join("icon.svg"), "<svg/>").unwrap();
        std::fs::write(p.join("data.json"), "{}").unwrap();
        std::fs::create_dir(p.join("sub")).unwrap();
        std::fs::write(p.join("sub/index.html"), "sub").unwrap();
        let server = StaticServer::start(p).unwrap();
        (dir, server)
    }

    #[test]
    fn serves_files_with_content_types() {
        let (_dir, server) = fixture();
        for (target, ctype) in [
            ("/", "text/html; charset=utf-8"),
            ("/index.html", "text/html; charset=utf-8"),
            ("/app-1a2b.js", "text/javascript; charset=utf-8"),
            ("/app-1a2b_bg.wasm", "application/wasm"),
            ("/style.css", "text/css; charset=utf-8"),
            ("/icon.svg", "image/svg+xml"),
            ("/data.json", "application/json"),
        ] {
            let (status, headers, _) = get(&server, target);
            assert_eq!(status, "HTTP/1.1 200 OK", "{target}");
            assert!(
                headers.contains(&format!("Content-Type: {ctype}\r\n")),
                "{target}: {headers}"
            );
        }
        let (_, headers, body) = get(&server, "/app-1a2b_bg.wasm");
        assert_eq!(body, b"\0asm\x01\0\0\0");
        assert!(headers.contains("Content-Length: 8\r\n"));
    }

    #[test]
    fn the_gzipped_server_compresses_for_a_client_that_takes_gzip() {
        let (dir, plain) = fixture();
        let gzipped = StaticServer::start_gzipped(dir.path()).expect("serve");
        let asking = "GET /index.html HTTP/1.1\r\nHost: x\r\nAccept-Encoding: gzip, br\r\n\r\n";
        let (status, headers, body) = raw(&gzipped, asking);
        assert_eq!(status, "HTTP/1.1 200 OK");
        assert!(headers.contains("Content-Encoding: gzip"), "{headers}");
        let mut text = String::new();
        flate2::read::GzDecoder::new(&body[..])
            .read_to_string(&mut text)
            .expect("gzip");
        assert_eq!(text, "<!doctype html><p>hi</p>");
        let (_, headers, body) = raw(&gzipped, "GET /index.html HTTP/1.1\r\nHost: x\r\n\r\n");
        assert!(
            !headers.contains("Content-Encoding"),
            "not asked: {headers}"
        );
        assert_eq!(body, b"<!doctype html><p>hi</p>");
        let (_, headers, _) = raw(&plain, asking);
        assert!(
            !headers.contains("Content-Encoding"),
            "the tests' server: {headers}"
        );
    }

    #[test]
    fn root_and_query_map_to_index() {
        let (_dir, server) = fixture();
        let (status, _, body) = get(&server, "/?state=NJ&years=5");
        assert_eq!(status, "HTTP/1.1 200 OK");
        assert_eq!(body, b"<!doctype html><p>hi</p>");
        let (_, _, body) = get(&server, "/sub/?x=1");
        assert_eq!(body, b"sub");
        let (status, _, _) = get(&server, "/style.css?v=3#frag");
        assert_eq!(status, "HTTP/1.1 200 OK");
    }

    #[test]
    fn missing_traversal_and_non_get_are_refused() {
        let (_dir, server) = fixture();
        for target in [
            "/nope.js",
            "/../Cargo.toml",
            "/%2e%2e/Cargo.toml",
            "/sub/../../x",
            "/a%00b",
            "/%zz",
        ] {
            let (status, _, _) = get(&server, target);
            assert_eq!(status, "HTTP/1.1 404 Not Found", "{target}");
        }
        let (status, _, _) = raw(&server, "POST / HTTP/1.1\r\nContent-Length: 0\r\n\r\n");
        assert_eq!(status, "HTTP/1.1 405 Method Not Allowed");
    }

    #[test]
    fn extra_headers_are_sent_and_line_breaks_refused() {
        let dir = crate::TempDir::new("server-headers").unwrap();
        std::fs::write(dir.path().join("index.html"), "x").unwrap();
        let server = StaticServer::start_with_headers(
            dir.path(),
            &[("Content-Security-Policy", STRICT_CSP)],
        )
        .unwrap();
        for target in ["/", "/missing.js"] {
            let (_, headers, _) = get(&server, target);
            let csp = format!("Content-Security-Policy: {STRICT_CSP}");
            assert!(
                headers.split("\r\n").any(|line| line == csp),
                "{target}: {headers}"
            );
        }
        let (_, plain, _) = get(&fixture().1, "/");
        assert!(!plain.contains("Content-Security-Policy"), "{plain}");
        for bad in [
            ("X-A", "1\r\nSet-Cookie: a=b"),
            ("X-A\n", "1"),
            ("", "1"),
            ("A:B", "1"),
        ] {
            assert!(
                StaticServer::start_with_headers(dir.path(), &[bad]).is_err(),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn delayed_files_are_answered_late_and_others_at_once() {
        let dir = crate::TempDir::new("server-delays").unwrap();
        std::fs::write(dir.path().join("index.html"), "x").unwrap();
        std::fs::write(dir.path().join("app.wasm"), b"\0asm").unwrap();
        let delay = Duration::from_millis(400);
        let server = StaticServer::start_delaying(dir.path(), &[(".wasm", delay)]).unwrap();
        let timed = |target: &str| {
            let start = std::time::Instant::now();
            let (status, _, body) = get(&server, target);
            (status, body, start.elapsed())
        };
        let (status, body, took) = timed("/app.wasm?v=1");
        assert_eq!(
            (status.as_str(), body.as_slice()),
            ("HTTP/1.1 200 OK", &b"\0asm"[..])
        );
        assert!(took >= delay, "answered after {took:?}");
        let (_, _, took) = timed("/index.html");
        assert!(took < delay, "index.html waited {took:?}");
    }

    #[test]
    fn url_joins_paths_and_queries() {
        let (_dir, server) = fixture();
        let base = format!("http://{}", server.addr());
        assert_eq!(server.url("/"), format!("{base}/"));
        assert_eq!(server.url("?years=5"), format!("{base}/?years=5"));
        assert_eq!(server.url("/?years=5"), format!("{base}/?years=5"));
        assert_eq!(server.origin(), base);
    }
}
