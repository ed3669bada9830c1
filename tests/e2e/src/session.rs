//! Headless browser sessions (Chromium, or Firefox ESR with `E2E_BROWSER=firefox`) with an error
//! hook installed before any page script runs.
//!
//! Every session gets a fresh temporary profile (no cache, no state between tests) and, through
//! the Chrome DevTools Protocol (Chromium) or WebDriver BiDi (Firefox), a script that records `console.error` calls, uncaught exceptions
//! (including wasm traps and Rust panics routed to the console), unhandled promise rejections,
//! failed `<script>`/`<link>`/`<img>` loads and CSP violations into `window.__e2eErrors`, and
//! `alert`/`confirm`/`prompt` calls into `window.__e2eDialogs`.

use std::future::Future;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use serde_json::{json, Value};
use thirtyfour::prelude::*;
use thirtyfour::TypingData;

use crate::{Engine, Result, TempDir, WebDriverServer};

/// Where Chromium is looked for when `CHROME_BIN` is unset.
pub const DEFAULT_CHROME: &str = "/usr/bin/chromium";
/// Where Firefox is looked for when `FIREFOX_BIN` is unset.
pub const DEFAULT_FIREFOX: &str = "/usr/bin/firefox-esr";

/// Flags for every session: headless, no sandbox (we run as root in containers), and nothing
/// that phones home or updates itself (there is no network, and background traffic would add
/// noise to load timings).
pub const CHROME_ARGS: &[&str] = &[
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
];

/// Installed with `Page.addScriptToEvaluateOnNewDocument`, so it runs in every new document
/// before the page's own scripts. The arrays are non-writable, non-configurable properties so the
/// page cannot replace them by accident.
pub const ERROR_HOOK: &str = r#"(() => {
  if (Object.prototype.hasOwnProperty.call(window, '__e2eErrors')) return;
  const errors = [];
  const dialogs = [];
  const define = (name, value) =>
    Object.defineProperty(window, name, { value, enumerable: false, configurable: false, writable: false });
  define('__e2eErrors', errors);
  define('__e2eDialogs', dialogs);
  const describe = (v) => {
    try {
      if (v instanceof Error) {
        const stack = v.stack || '';
        return stack.includes(v.message) ? stack : `${v.name}: ${v.message} ${stack}`;
      }
      if (typeof v === 'string') return v;
      const s = JSON.stringify(v);
      return s === undefined ? String(v) : s;
    } catch (_) {
      return String(v);
    }
  };
  const originalError = console.error;
  console.error = function (...args) {
    errors.push('console.error: ' + args.map(describe).join(' '));
    return originalError.apply(this, args);
  };
  // Capture phase: load failures of elements do not bubble, but they do pass the window.
  window.addEventListener('error', (ev) => {
    const t = ev.target;
    if (t && t !== window && t.nodeType === 1) {
      errors.push(`resource: <${t.tagName.toLowerCase()}> failed to load ${t.src || t.href || ''}`);
      return;
    }
    const where = ev.filename ? ` (${ev.filename}:${ev.lineno}:${ev.colno})` : '';
    errors.push('uncaught: ' + (ev.error !== undefined && ev.error !== null ? describe(ev.error) : ev.message) + where);
  }, true);
  window.addEventListener('unhandledrejection', (ev) => {
    errors.push('unhandledrejection: ' + describe(ev.reason));
  });
  document.addEventListener('securitypolicyviolation', (ev) => {
    errors.push(`csp: ${ev.violatedDirective} blocked ${ev.blockedURI || 'inline code'}`);
  });
  // A real dialog would block the page and make every later WebDriver command fail with an
  // unhelpful message; recording it instead lets a test assert "no alert" precisely.
  for (const name of ['alert', 'confirm', 'prompt']) {
    window[name] = function (message) {
      dialogs.push(`${name}(${describe(message)})`);
      return name === 'confirm' ? false : null;
    };
  }
})();"#;

/// How to start a browser session.
#[derive(Debug, Clone)]
pub struct BrowserOptions {
    /// Window width in CSS pixels.
    pub width: u32,
    /// Window height in CSS pixels.
    pub height: u32,
    /// `Some(2.0)` adds `--force-device-scale-factor=2` (a HiDPI screen).
    pub device_scale_factor: Option<f64>,
    /// The reader's languages as the browser's settings give them (`navigator.languages`),
    /// e.g. `es-US,es`; `None` keeps the browser's own (English here).
    pub languages: Option<&'static str>,
}

impl Default for BrowserOptions {
    fn default() -> Self {
        Self {
            width: 1280,
            height: 900,
            device_scale_factor: None,
            languages: None,
        }
    }
}

impl BrowserOptions {
    /// Same options with another window size.
    pub fn size(mut self, width: u32, height: u32) -> Self {
        self.width = width;
        self.height = height;
        self
    }

    /// Same options with the reader's languages set in the browser (`es-US,es`).
    pub fn languages(mut self, languages: &'static str) -> Self {
        self.languages = Some(languages);
        self
    }

    /// Same options with a forced device scale factor.
    pub fn scale(mut self, factor: f64) -> Self {
        self.device_scale_factor = Some(factor);
        self
    }
}

/// The Chromium binary: `$CHROME_BIN` or [`DEFAULT_CHROME`].
pub fn chrome_binary() -> PathBuf {
    std::env::var_os("CHROME_BIN")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(DEFAULT_CHROME))
}

/// A live session and the profile directory it owns.
#[derive(Debug)]
pub struct Browser {
    // Field order matters: the driver (which quits the browser on drop) goes before the profile
    // directory is deleted.
    /// The WebDriver session.
    pub driver: WebDriver,
    profile: TempDir,
}

impl Browser {
    /// Starts Firefox through the geckodriver at `driver_url` and installs [`ERROR_HOOK`] as a
    /// BiDi preload script (every document, frames included, before its own scripts).
    pub async fn start_firefox(driver_url: &str, opts: &BrowserOptions) -> Result<Self> {
        let firefox = std::env::var_os("FIREFOX_BIN")
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from(DEFAULT_FIREFOX));
        if !firefox.is_file() {
            return Err(format!(
                "Firefox not found at {} (install Debian's firefox-esr, or set FIREFOX_BIN)",
                firefox.display()
            )
            .into());
        }
        // geckodriver makes (and deletes) its own temporary profile; this one is unused.
        let profile = TempDir::new("firefox-profile")?;
        let mut caps = DesiredCapabilities::firefox();
        caps.set_firefox_binary(&firefox.to_string_lossy())?;
        caps.add_arg("-headless")?;
        let mut prefs = serde_json::Map::new();
        if let Some(f) = opts.device_scale_factor {
            prefs.insert("layout.css.devPixelsPerPx".into(), json!(f.to_string()));
        }
        if let Some(languages) = opts.languages {
            prefs.insert("intl.accept_languages".into(), json!(languages));
        }
        if !prefs.is_empty() {
            caps.set_browser_option("prefs", prefs)?;
        }
        caps.enable_bidi()?;
        let driver = WebDriver::new(driver_url, caps).await?;
        let browser = Browser { driver, profile };
        let ready = async {
            // Headless Firefox has no window chrome: the window is the viewport.
            browser
                .driver
                .set_window_rect(0, 0, opts.width, opts.height)
                .await?;
            browser
                .driver
                .set_page_load_timeout(Duration::from_secs(30))
                .await?;
            browser
                .driver
                .bidi()
                .await?
                .script()
                .add_preload_script(format!("() => {{ {ERROR_HOOK} }}"))
                .await
                .map_err(|e| format!("could not install the error hook over BiDi: {e}"))?;
            Ok::<(), crate::Error>(())
        };
        if let Err(e) = ready.await {
            let _ = browser.quit().await;
            return Err(e);
        }
        Ok(browser)
    }

    /// Starts Chromium through the chromedriver at `driver_url` and installs [`ERROR_HOOK`].
    pub async fn start(driver_url: &str, opts: &BrowserOptions) -> Result<Self> {
        let chrome = chrome_binary();
        if !chrome.is_file() {
            return Err(format!(
                "Chromium not found at {} (install Debian's chromium, or set CHROME_BIN)",
                chrome.display()
            )
            .into());
        }
        let profile = TempDir::new("chrome-profile")?;
        let mut caps = DesiredCapabilities::chrome();
        caps.set_binary(&chrome.to_string_lossy())?;
        for arg in CHROME_ARGS {
            caps.add_arg(arg)?;
        }
        caps.add_arg(&format!("--user-data-dir={}", profile.path().display()))?;
        caps.add_arg(&format!("--window-size={},{}", opts.width, opts.height))?;
        if let Some(f) = opts.device_scale_factor {
            caps.add_arg(&format!("--force-device-scale-factor={f}"))?;
        }
        if let Some(languages) = opts.languages {
            let first = languages.split(',').next().unwrap_or(languages);
            caps.add_arg(&format!("--lang={first}"))?;
            caps.add_experimental_option(
                "prefs",
                json!({ "intl": { "accept_languages": languages } }),
            )?;
        }
        let driver = WebDriver::new(driver_url, caps).await?;
        let browser = Browser { driver, profile };
        // WebDriver's default is 300 s; a bundle that hangs while loading should fail a test
        // quickly instead.
        if let Err(e) = browser
            .driver
            .set_page_load_timeout(Duration::from_secs(30))
            .await
        {
            let _ = browser.quit().await;
            return Err(e.into());
        }
        let installed = browser
            .driver
            .cdp()
            .send_raw(
                "Page.addScriptToEvaluateOnNewDocument",
                json!({ "source": ERROR_HOOK }),
            )
            .await;
        if let Err(e) = installed {
            let _ = browser.quit().await;
            return Err(format!("could not install the error hook over CDP: {e}").into());
        }
        Ok(browser)
    }

    /// A [`Page`] handle on this session.
    pub fn page(&self) -> Page {
        Page {
            driver: self.driver.clone(),
        }
    }

    /// Quits the browser and deletes its profile.
    pub async fn quit(self) -> Result<()> {
        let Browser { driver, profile } = self;
        let result = driver.quit().await;
        drop(profile);
        Ok(result?)
    }
}

/// Runs `body` in a fresh session on the shared chromedriver and always quits the browser,
/// whether the body returns, fails or panics. An error from the body becomes a panic (a test
/// failure) carrying its message.
pub async fn with_browser<F, Fut, T>(opts: &BrowserOptions, body: F) -> T
where
    F: FnOnce(Page) -> Fut,
    Fut: Future<Output = Result<T>>,
{
    // geckodriver serves one session at a time: each Firefox session has its own, kept until
    // the browser has quit.
    let (browser, _own_driver) = match Engine::from_env() {
        Engine::Chromium => {
            let driver = WebDriverServer::shared_chromedriver();
            let browser = Browser::start(driver.url(), opts).await;
            (browser, None)
        }
        Engine::Firefox => {
            let driver = WebDriverServer::start(Engine::Firefox)
                .unwrap_or_else(|e| panic!("cannot start geckodriver: {e}"));
            let browser = Browser::start_firefox(driver.url(), opts).await;
            (browser, Some(driver))
        }
    };
    let browser =
        browser.unwrap_or_else(|e| panic!("cannot start a {:?} session: {e}", Engine::from_env()));
    let Browser { driver, profile } = browser;
    let outcome = driver
        .run_and_quit(|d| async move { body(Page { driver: d }).await })
        .await;
    drop(profile);
    outcome.unwrap_or_else(|e| panic!("{e}"))
}

/// Pixel statistics of a canvas, read back with `getImageData`.
#[derive(Debug, Clone, PartialEq)]
pub struct CanvasStats {
    /// Backing-store width (`canvas.width`).
    pub width: u64,
    /// Backing-store height (`canvas.height`).
    pub height: u64,
    /// Layout width in CSS pixels (`clientWidth`).
    pub client_width: f64,
    /// Layout height in CSS pixels (`clientHeight`).
    pub client_height: f64,
    /// `window.devicePixelRatio`.
    pub device_pixel_ratio: f64,
    /// Pixels with alpha > 0.
    pub painted: u64,
    /// Pixels whose RGBA differs from the most common RGBA (the background, painted or not):
    /// a canvas filled with one colour has 0 here even though every pixel is "painted".
    pub non_background: u64,
    /// Number of distinct RGBA values.
    pub colours: u64,
}

impl CanvasStats {
    /// All backing-store pixels.
    pub fn total(&self) -> u64 {
        self.width * self.height
    }
}

const CANVAS_STATS_JS: &str = r#"
const c = document.querySelector(arguments[0]);
if (!c) return null;
const ctx = c.getContext('2d');
if (!ctx) return { error: 'the canvas has no 2d context' };
const w = c.width, h = c.height;
const out = { width: w, height: h, clientWidth: c.clientWidth, clientHeight: c.clientHeight,
              dpr: window.devicePixelRatio, painted: 0, nonBackground: 0, colours: 0 };
if (!w || !h) return out;
const d = ctx.getImageData(0, 0, w, h).data;
const counts = new Map();
for (let i = 0; i < d.length; i += 4) {
  if (d[i + 3] > 0) out.painted++;
  const k = ((d[i] << 24) | (d[i + 1] << 16) | (d[i + 2] << 8) | d[i + 3]) >>> 0;
  counts.set(k, (counts.get(k) || 0) + 1);
}
let most = 0;
for (const n of counts.values()) if (n > most) most = n;
out.nonBackground = w * h - most;
out.colours = counts.size;
return out;
"#;

/// Shows what the page looked like when a wait failed.
const DIAGNOSTICS_JS: &str = r#"
const de = document.documentElement;
return {
  url: location.href,
  readyState: document.readyState,
  widgetReady: de.getAttribute('data-widget-ready'),
  errors: window.__e2eErrors === undefined ? 'error hook missing' : window.__e2eErrors.slice(),
  dialogs: window.__e2eDialogs === undefined ? null : window.__e2eDialogs.slice(),
  body: document.body ? document.body.innerText.slice(0, 600) : null,
};
"#;

/// A handle on the session's current tab.
#[derive(Debug, Clone)]
pub struct Page {
    /// The WebDriver session, for anything the helpers do not cover.
    pub driver: WebDriver,
}

/// JavaScript truthiness of a returned value.
fn truthy(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64().is_some_and(|f| f != 0.0 && !f.is_nan()),
        Value::String(s) => !s.is_empty(),
        Value::Array(_) | Value::Object(_) => true,
    }
}

impl Page {
    /// Navigates and waits for the `load` event (WebDriver's default page-load strategy).
    pub async fn goto(&self, url: &str) -> Result<()> {
        Ok(self.driver.goto(url).await?)
    }

    /// Runs a script body (use `return`; arguments are `arguments[0..]`) and returns its value.
    pub async fn eval(&self, script: &str, args: Vec<Value>) -> Result<Value> {
        Ok(self.driver.execute(script, args).await?.json().clone())
    }

    /// Polls the JS expression `expr` every 50 ms until it is truthy and returns its value; on
    /// timeout the error names `what` and shows the page's state and captured errors.
    pub async fn wait_for(&self, what: &str, expr: &str, timeout: Duration) -> Result<Value> {
        let script = format!("return ({expr});");
        let deadline = Instant::now() + timeout;
        loop {
            let v = self.eval(&script, vec![]).await?;
            if truthy(&v) {
                return Ok(v);
            }
            if Instant::now() >= deadline {
                return Err(format!(
                    "timed out after {timeout:?} waiting for {what} (`{expr}`); page: {}",
                    self.diagnostics().await
                )
                .into());
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// URL, readiness flags, captured errors and the start of the visible text, for messages.
    pub async fn diagnostics(&self) -> String {
        match self.eval(DIAGNOSTICS_JS, vec![]).await {
            Ok(v) => v.to_string(),
            Err(e) => format!("(could not read page state: {e})"),
        }
    }

    /// The names of the cookies in the browser's jar, every origin's: Chromium's whole jar
    /// (DevTools `Storage.getCookies`); Firefox's default partition (BiDi `storage.getCookies`;
    /// a cross-origin frame's cookies are partitioned there, and tests read those in the frame).
    pub async fn cookie_jar(&self) -> Result<Vec<String>> {
        match Engine::from_env() {
            Engine::Chromium => {
                let jar = self
                    .driver
                    .cdp()
                    .send_raw("Storage.getCookies", json!({}))
                    .await?;
                Ok(jar["cookies"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(|c| c["name"].as_str().unwrap_or_default().to_string())
                    .collect())
            }
            Engine::Firefox => {
                let found = self.driver.bidi().await?.storage().get_cookies().await;
                let found = found.map_err(|e| format!("BiDi storage.getCookies: {e}"))?;
                Ok(found.cookies.into_iter().map(|c| c.name).collect())
            }
        }
    }

    /// Everything the error hook captured in the current document. Fails if the hook is not
    /// installed, so "no errors" can never be reported for a page that was not watched.
    pub async fn errors(&self) -> Result<Vec<String>> {
        self.hook_array("__e2eErrors").await
    }

    /// `alert`/`confirm`/`prompt` calls captured in the current document.
    pub async fn dialogs(&self) -> Result<Vec<String>> {
        self.hook_array("__e2eDialogs").await
    }

    async fn hook_array(&self, name: &str) -> Result<Vec<String>> {
        let v = self
            .eval(
                "const a = window[arguments[0]]; return Array.isArray(a) ? a.slice() : null;",
                vec![json!(name)],
            )
            .await?;
        match v {
            Value::Array(items) => Ok(items
                .into_iter()
                .map(|i| {
                    i.as_str()
                        .map(str::to_owned)
                        .unwrap_or_else(|| i.to_string())
                })
                .collect()),
            _ => Err(format!(
                "the e2e error hook is not installed on {} (window.{name} missing)",
                self.driver.current_url().await?
            )
            .into()),
        }
    }

    /// Fails with the captured errors (and dialogs) if there are any.
    pub async fn assert_no_errors(&self) -> Result<()> {
        let errors = self.errors().await?;
        let dialogs = self.dialogs().await?;
        if errors.is_empty() && dialogs.is_empty() {
            Ok(())
        } else {
            Err(format!(
                "the page reported {} error(s) and {} dialog(s):\n  {}",
                errors.len(),
                dialogs.len(),
                errors
                    .iter()
                    .chain(&dialogs)
                    .cloned()
                    .collect::<Vec<_>>()
                    .join("\n  ")
            )
            .into())
        }
    }

    /// The first element matching a CSS selector.
    pub async fn find(&self, css: &str) -> Result<WebElement> {
        self.driver
            .find(By::Css(css))
            .await
            .map_err(|e| format!("no element matches `{css}`: {e}").into())
    }

    /// All elements matching a CSS selector.
    pub async fn find_all(&self, css: &str) -> Result<Vec<WebElement>> {
        Ok(self.driver.find_all(By::Css(css)).await?)
    }

    /// The element with `data-testid="{id}"`.
    pub async fn testid(&self, id: &str) -> Result<WebElement> {
        self.find(&format!("[data-testid=\"{id}\"]")).await
    }

    /// The rendered (visible) text of the element with `data-testid="{id}"`.
    pub async fn text(&self, id: &str) -> Result<String> {
        Ok(self.testid(id).await?.text().await?)
    }

    /// Chooses the `<option value="{value}">` of the `<select>` matching `select_css` by
    /// clicking it, as WebDriver does for a user picking from the list (fires input + change).
    pub async fn choose_option(&self, select_css: &str, value: &str) -> Result<()> {
        let option = self
            .find(&format!("{select_css} option[value=\"{value}\"]"))
            .await?;
        option.click().await?;
        Ok(())
    }

    /// Focuses `element` and presses `keys` through the WebDriver actions API, i.e. trusted
    /// keyboard events as from a real keyboard (a range input moves one step per arrow key).
    pub async fn press(&self, element: &WebElement, keys: impl Into<TypingData>) -> Result<()> {
        element.focus().await?;
        self.driver.action_chain().send_keys(keys).perform().await?;
        Ok(())
    }

    /// Moves the pointer to the viewport's point (`x`, `y`) through the WebDriver actions API:
    /// trusted pointer events, as from a reader's mouse.
    pub async fn point_at(&self, x: i64, y: i64) -> Result<()> {
        self.driver.action_chain().move_to(x, y).perform().await?;
        Ok(())
    }

    /// Focuses a text field, selects what it holds (Ctrl+A) and types `text` over it, through
    /// the WebDriver actions API: trusted key events, one `input` event per character, as from a
    /// person replacing what a box shows.
    pub async fn type_over(&self, element: &WebElement, text: &str) -> Result<()> {
        element.focus().await?;
        self.driver
            .action_chain()
            .key_down(Key::Control)
            .send_keys("a")
            .key_up(Key::Control)
            .send_keys(text)
            .perform()
            .await?;
        Ok(())
    }

    /// Emulates CSS media (`"print"`, or `""` for the screen) and the system's colour scheme
    /// (`Some("dark")`, `Some("light")`, `None` for the browser's own) through DevTools. `false`
    /// where the engine offers no such emulation (Firefox's WebDriver has none), for the test
    /// to say what it could not check there.
    pub async fn emulate_media(&self, media: &str, scheme: Option<&str>) -> Result<bool> {
        if Engine::from_env() != Engine::Chromium {
            return Ok(false);
        }
        let features = match scheme {
            Some(scheme) => json!([{ "name": "prefers-color-scheme", "value": scheme }]),
            None => json!([]),
        };
        self.driver
            .cdp()
            .send_raw(
                "Emulation.setEmulatedMedia",
                json!({ "media": media, "features": features }),
            )
            .await?;
        Ok(true)
    }

    /// Pixel statistics of the canvas matching `css`.
    pub async fn canvas_stats(&self, css: &str) -> Result<CanvasStats> {
        let v = self.eval(CANVAS_STATS_JS, vec![json!(css)]).await?;
        if v.is_null() {
            return Err(format!("no canvas matches `{css}`").into());
        }
        if let Some(e) = v.get("error").and_then(Value::as_str) {
            return Err(format!("canvas `{css}`: {e}").into());
        }
        let u = |k: &str| v.get(k).and_then(Value::as_u64).unwrap_or(0);
        let f = |k: &str| v.get(k).and_then(Value::as_f64).unwrap_or(f64::NAN);
        Ok(CanvasStats {
            width: u("width"),
            height: u("height"),
            client_width: f("clientWidth"),
            client_height: f("clientHeight"),
            device_pixel_ratio: f("dpr"),
            painted: u("painted"),
            non_background: u("nonBackground"),
            colours: u("colours"),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truthiness_follows_javascript() {
        for v in [json!(null), json!(false), json!(0), json!(""), json!(0.0)] {
            assert!(!truthy(&v), "{v}");
        }
        for v in [json!(true), json!(1), json!("x"), json!([]), json!({})] {
            assert!(truthy(&v), "{v}");
        }
    }

    #[test]
    fn chrome_args_are_the_documented_set() {
        assert!(CHROME_ARGS.contains(&"--headless=new"));
        assert!(CHROME_ARGS.contains(&"--no-sandbox"));
        assert_eq!(CHROME_ARGS.len(), 9);
    }
}
