//! Spawns a WebDriver server (chromedriver for Chromium, geckodriver for Firefox) on a free
//! loopback port and waits until it answers.
//!
//! thirtyfour's own driver manager is compiled out (it downloads drivers; there is no internet
//! here), so the process is managed by hand: Debian's `chromium-driver` at /usr/bin/chromedriver
//! unless `CHROMEDRIVER` says otherwise, and geckodriver from `cargo install` unless `GECKODRIVER`
//! says otherwise.

use std::ffi::OsString;
use std::io::{self, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::os::unix::process::CommandExt;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::{mpsc, OnceLock};
use std::thread;
use std::time::{Duration, Instant};

/// Where chromedriver is looked for when `CHROMEDRIVER` is unset.
pub const DEFAULT_CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// The browser engine the end-to-end tests drive: `E2E_BROWSER=firefox` for Firefox ESR,
/// otherwise Chromium (the measurement tools always use Chromium: they read its DevTools).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Engine {
    Chromium,
    Firefox,
}

impl Engine {
    /// The engine `E2E_BROWSER` names.
    pub fn from_env() -> Engine {
        match std::env::var("E2E_BROWSER").as_deref() {
            Ok("firefox") => Engine::Firefox,
            _ => Engine::Chromium,
        }
    }

    fn driver_name(self) -> &'static str {
        match self {
            Engine::Chromium => "chromedriver",
            Engine::Firefox => "geckodriver",
        }
    }
}

/// A running WebDriver server. Dropping it kills the process.
#[derive(Debug)]
pub struct WebDriverServer {
    url: String,
    pid: u32,
}

impl WebDriverServer {
    /// The driver binary: `$CHROMEDRIVER` or [`DEFAULT_CHROMEDRIVER`]; `$GECKODRIVER` or
    /// `~/.cargo/bin/geckodriver`.
    pub fn binary(engine: Engine) -> PathBuf {
        let (var, default) = match engine {
            Engine::Chromium => ("CHROMEDRIVER", PathBuf::from(DEFAULT_CHROMEDRIVER)),
            Engine::Firefox => (
                "GECKODRIVER",
                std::env::var_os("HOME")
                    .map(PathBuf::from)
                    .unwrap_or_default()
                    .join(".cargo/bin/geckodriver"),
            ),
        };
        std::env::var_os(var)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
            .unwrap_or(default)
    }

    /// Starts the engine's driver and waits (up to 20 s) until its `/status` says it is ready.
    pub fn start(engine: Engine) -> io::Result<Self> {
        let bin = Self::binary(engine);
        if !bin.is_file() {
            return Err(io::Error::new(
                io::ErrorKind::NotFound,
                format!(
                    "{} not found at {} (`cargo xtask setup` installs it; or set {} to its path)",
                    engine.driver_name(),
                    bin.display(),
                    engine.driver_name().to_uppercase()
                ),
            ));
        }
        // The free port is found by binding :0 and releasing it, so another process could grab
        // it before the driver does; a few attempts make that race harmless.
        let mut last_err = None;
        for _ in 0..3 {
            match Self::try_start(engine, &bin) {
                Ok(d) => return Ok(d),
                Err(e) => last_err = Some(e),
            }
        }
        Err(last_err.expect("at least one attempt"))
    }

    fn try_start(engine: Engine, bin: &PathBuf) -> io::Result<Self> {
        let port = TcpListener::bind(("127.0.0.1", 0))?.local_addr()?.port();
        let mut cmd = Command::new(bin);
        cmd.stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        match engine {
            Engine::Chromium => {
                cmd.arg(format!("--port={port}"));
                if let Some(log) = std::env::var_os("CHROMEDRIVER_LOG").filter(|v| !v.is_empty()) {
                    let mut arg = OsString::from("--log-path=");
                    arg.push(log);
                    cmd.arg(arg).arg("--verbose");
                }
            }
            Engine::Firefox => {
                // Each geckodriver's Firefox gets its own BiDi port: with the default (9222),
                // two sessions at once connect to one browser's socket.
                let bidi = TcpListener::bind(("127.0.0.1", 0))?.local_addr()?.port();
                cmd.args(["--host", "127.0.0.1", "--port", &port.to_string()])
                    .args(["--websocket-port", &bidi.to_string()]);
            }
        }
        // SAFETY: prctl is async-signal-safe and touches no memory of the parent.
        unsafe {
            // If the test binary dies in any way (panic=abort, timeout kill), the kernel kills
            // the driver too, so a shared driver held in a `static` never outlives its tests.
            cmd.pre_exec(|| {
                if libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL) != 0 {
                    return Err(io::Error::last_os_error());
                }
                Ok(())
            });
        }
        // PR_SET_PDEATHSIG fires when the *thread* that forked exits, and libtest ends each
        // test's thread. So the child is spawned from a keeper thread that lives exactly as long
        // as the child (it waits on it, which also reaps it).
        let (tx, rx) = mpsc::channel();
        thread::Builder::new()
            .name("webdriver-keeper".into())
            .spawn(move || match cmd.spawn() {
                Ok(mut child) => {
                    let _ = tx.send(Ok(child.id()));
                    let _ = child.wait();
                }
                Err(e) => {
                    let _ = tx.send(Err(e));
                }
            })?;
        let pid = rx
            .recv()
            .map_err(|_| io::Error::other("the driver's keeper thread died"))??;
        let driver = Self {
            url: format!("http://127.0.0.1:{port}"),
            pid,
        };
        let deadline = Instant::now() + Duration::from_secs(20);
        while Instant::now() < deadline {
            if status_ready(port) {
                return Ok(driver);
            }
            thread::sleep(Duration::from_millis(50));
        }
        // `driver` is dropped here, killing the unresponsive process.
        Err(io::Error::new(
            io::ErrorKind::TimedOut,
            format!(
                "{} ({}) did not answer on port {port} within 20 s",
                engine.driver_name(),
                bin.display()
            ),
        ))
    }

    /// One chromedriver for the whole test binary, started on first use (geckodriver serves
    /// one session at a time, so Firefox sessions each start their own). A failure to start
    /// panics with the reason, so every test that needs it fails loudly.
    pub fn shared_chromedriver() -> &'static WebDriverServer {
        static SHARED: OnceLock<WebDriverServer> = OnceLock::new();
        SHARED.get_or_init(|| {
            WebDriverServer::start(Engine::Chromium)
                .unwrap_or_else(|e| panic!("cannot start chromedriver: {e}"))
        })
    }

    /// The WebDriver endpoint, e.g. `http://127.0.0.1:41234`.
    pub fn url(&self) -> &str {
        &self.url
    }
}

impl Drop for WebDriverServer {
    fn drop(&mut self) {
        // SIGTERM lets the driver close any browser it still owns; the keeper thread reaps it.
        // SAFETY: plain syscall on a pid we spawned (still unreaped while the keeper waits).
        unsafe {
            libc::kill(self.pid as libc::pid_t, libc::SIGTERM);
        }
    }
}

/// True once `GET /status` on the port returns the driver's `"ready": true`.
fn status_ready(port: u16) -> bool {
    let Ok(mut s) = TcpStream::connect(("127.0.0.1", port)) else {
        return false;
    };
    let _ = s.set_read_timeout(Some(Duration::from_secs(2)));
    // With the port: geckodriver refuses a Host header that does not name it.
    let req =
        format!("GET /status HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n");
    if s.write_all(req.as_bytes()).is_err() {
        return false;
    }
    let mut body = String::new();
    let _ = s.read_to_string(&mut body);
    body.starts_with("HTTP/1.1 200") && body.replace(' ', "").contains("\"ready\":true")
}
