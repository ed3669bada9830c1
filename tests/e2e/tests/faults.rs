//! When the widget cannot start or stops (guard.js): each fault is planted in a copy of the
//! release bundle (a file missing, cut short, altered, served with the wrong type, or held back),
//! or, for a panic, through the fault switch of the debug build (`WIDGET_FAULT_DIST`, built with
//! `--features fault-injection`). The reader must get, within 10 s, a readable message with a
//! reload link and a link to the career's BLS page instead of the loading text or a blank box.

use e2e::widget::{check_dist, dist_dir, READY_TIMEOUT};
use e2e::{
    copy_dir, open_widget, with_browser, BrowserOptions, Page, Result, StaticServer, TempDir,
};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// The promise: a message within 10 s of opening the page.
const MESSAGE_WITHIN: Duration = Duration::from_secs(10);
/// The message guard.js shows.
const MESSAGE: &str = "[data-testid=widget-failed]";

/// A copy of the release bundle, to damage.
struct Copy {
    dir: TempDir,
}

impl Copy {
    fn of_release(label: &str) -> Copy {
        let dist = dist_dir().unwrap_or_else(|e| panic!("{e}"));
        let dir = TempDir::new(label).expect("temp dir");
        copy_dir(&dist, dir.path()).expect("copy the bundle");
        Copy { dir }
    }

    /// The bundle's file with this extension (its wasm, its JS glue).
    fn file(&self, extension: &str) -> PathBuf {
        std::fs::read_dir(self.dir.path())
            .expect("the copy")
            .flatten()
            .map(|e| e.path())
            .find(|p| {
                p.extension().is_some_and(|e| e == extension)
                    && p.file_name()
                        .is_some_and(|n| n.to_string_lossy().starts_with("career-pay-widget"))
            })
            .unwrap_or_else(|| panic!("no career-pay-widget*.{extension} in the bundle"))
    }

    fn index(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("index.html")).expect("index.html")
    }

    fn set_index(&self, html: &str) {
        std::fs::write(self.dir.path().join("index.html"), html).expect("write index.html");
    }

    /// Renames `file` to `new_name`, and every mention of it in index.html.
    fn rename(&self, file: &Path, new_name: &str) {
        let old_name = file
            .file_name()
            .expect("a name")
            .to_string_lossy()
            .to_string();
        std::fs::rename(file, self.dir.path().join(new_name)).expect("rename");
        self.set_index(&self.index().replace(&old_name, new_name));
    }

    fn serve(&self) -> StaticServer {
        StaticServer::start(self.dir.path()).expect("serve the copy")
    }
}

/// What the message says, where its links go, and how long it took to appear after `goto`.
struct Shown {
    text: String,
    links: Vec<(String, String)>,
    after: Duration,
}

/// Opens `url` and waits for the message (failing past [`MESSAGE_WITHIN`] plus a margin for a
/// busy machine; the time it took is returned, for the caller to hold to 10 s).
async fn message_at(page: &Page, url: &str) -> Result<Shown> {
    let start = Instant::now();
    page.goto(url).await?;
    page.wait_for(
        "the failure message",
        &format!("!!document.querySelector('{MESSAGE}')"),
        MESSAGE_WITHIN + Duration::from_secs(5),
    )
    .await?;
    let after = start.elapsed();
    let read = page
        .eval(
            "const m = document.querySelector(arguments[0]); \
             return [m.innerText, [...m.querySelectorAll('a')].map(a => [a.textContent, a.href]), \
                     m.getClientRects().length > 0, m.getAttribute('role')];",
            vec![json!(MESSAGE)],
        )
        .await?;
    assert_eq!(read[2], json!(true), "the message is shown: {read}");
    assert_eq!(read[3], json!("alert"), "announced: {read}");
    let links = read[1]
        .as_array()
        .expect("links")
        .iter()
        .map(|l| {
            (
                l[0].as_str().unwrap_or_default().to_string(),
                l[1].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect();
    Ok(Shown {
        text: read[0].as_str().unwrap_or_default().to_string(),
        links,
        after,
    })
}

/// Whether any element matching `css` is laid out (shown).
async fn shown(page: &Page, css: &str) -> Result<bool> {
    let v = page
        .eval(
            "return [...document.querySelectorAll(arguments[0])] \
               .some(e => e.getClientRects().length > 0);",
            vec![json!(css)],
        )
        .await?;
    Ok(v == json!(true))
}

/// The message's promises, whatever the fault: the words, a reload link to the page itself, the
/// BLS page of `soc`, no loading text.
async fn assert_readable(page: &Page, shown_msg: &Shown, what: &str, soc: &str, label: &str) {
    assert!(
        shown_msg.text.contains(what),
        "{label}: says {what:?}: {}",
        shown_msg.text
    );
    assert!(
        shown_msg.after <= MESSAGE_WITHIN,
        "{label}: the message took {:?}",
        shown_msg.after
    );
    let url = page
        .eval("return location.href;", vec![])
        .await
        .expect("url");
    let bls = format!(
        "https://www.bls.gov/oes/current/oes{}.htm",
        soc.replace('-', "")
    );
    assert!(
        shown_msg
            .links
            .iter()
            .any(|(text, href)| text.contains("Reload") && Some(href.as_str()) == url.as_str()),
        "{label}: a reload link to {url}: {:?}",
        shown_msg.links
    );
    assert!(
        shown_msg
            .links
            .iter()
            .any(|(text, href)| text.contains("Bureau of Labor Statistics") && *href == bls),
        "{label}: a link to {bls}: {:?}",
        shown_msg.links
    );
    assert!(
        !shown(page, ".cpw-loading").await.expect("read the page"),
        "{label}: no loading text beside the message"
    );
}

#[tokio::test]
async fn a_file_that_fails_to_load_gets_a_message_with_the_bls_source() {
    // Each fault in its own copy: (what is done, the copy).
    let mut faults: Vec<(&str, Copy)> = Vec::new();

    let missing = Copy::of_release("fault-wasm-404");
    std::fs::remove_file(missing.file("wasm")).expect("remove the wasm");
    faults.push(("the wasm answers 404", missing));

    let truncated = Copy::of_release("fault-wasm-truncated");
    let wasm = truncated.file("wasm");
    let bytes = std::fs::read(&wasm).expect("the wasm");
    std::fs::write(&wasm, &bytes[..bytes.len() / 2]).expect("truncate");
    // Without its integrity hash, so the browser gets as far as compiling the half module.
    let html = truncated.index();
    let without_sri = html
        .split(' ')
        .filter(|attr| !attr.starts_with("integrity="))
        .collect::<Vec<_>>()
        .join(" ");
    assert_ne!(html, without_sri, "index.html names integrity hashes");
    truncated.set_index(&without_sri);
    faults.push(("the wasm is cut short", truncated));

    let altered = Copy::of_release("fault-wasm-sri");
    let wasm = altered.file("wasm");
    let mut bytes = std::fs::read(&wasm).expect("the wasm");
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x55;
    std::fs::write(&wasm, bytes).expect("alter");
    faults.push(("the wasm fails its integrity check", altered));

    let wrong_type = Copy::of_release("fault-js-mime");
    wrong_type.rename(&wrong_type.file("js"), "glue.txt");
    faults.push(("the JS glue is served as text/plain", wrong_type));

    let no_boot = Copy::of_release("fault-boot-404");
    std::fs::remove_file(no_boot.dir.path().join("boot.js")).expect("remove boot.js");
    faults.push(("boot.js answers 404", no_boot));

    with_browser(&BrowserOptions::default(), |page| async move {
        for (fault, copy) in &faults {
            let server = copy.serve();
            // A career asked for: the page shows the loading text until the widget runs.
            let asked = message_at(&page, &server.url("/?career=31-9092")).await?;
            assert_readable(&page, &asked, "could not be loaded", "31-9092", fault).await;
            // The default view: the message above the prerendered figures, which stay
            // readable but inert, without their empty chart shells.
            let default = message_at(&page, &server.url("/")).await?;
            assert_readable(&page, &default, "could not be loaded", "29-2072", fault).await;
            let state = page
                .eval(
                    "const v = document.querySelector('.cpw-prerendered'); \
                     const title = document.querySelector('[data-testid=widget-title]'); \
                     return [!!v && v.inert, !!title && title.getClientRects().length > 0, \
                             [...document.querySelectorAll('.cpw-prerendered figure')] \
                               .some(f => f.getClientRects().length > 0)];",
                    vec![],
                )
                .await?;
            assert_eq!(
                state,
                json!([true, true, false]),
                "{fault}: [view inert, heading shown, a chart shell shown]"
            );
        }
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn a_wasm_served_with_another_type_still_starts() {
    // wasm-bindgen's loader compiles from the bytes when streaming compilation refuses the type.
    let copy = Copy::of_release("fault-wasm-mime");
    copy.rename(&copy.file("wasm"), "widget.bin");
    let server = copy.serve();
    with_browser(&BrowserOptions::default(), |page| async move {
        open_widget(&page, &server, "?career=31-9092").await?;
        assert!(!shown(&page, MESSAGE).await?, "no failure message");
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn a_download_that_hangs_is_called_slow_within_ten_seconds_and_a_late_widget_replaces_it() {
    let dist = dist_dir().unwrap_or_else(|e| panic!("{e}"));
    // Held past guard.js's 8 s, then answered.
    let late = StaticServer::start_delaying(&dist, &[(".wasm", Duration::from_secs(11))])
        .expect("serve the bundle");
    with_browser(&BrowserOptions::default(), |page| async move {
        let slow = message_at(&page, &late.url("/?career=31-9092")).await?;
        assert_readable(&page, &slow, "taking too long", "31-9092", "a held wasm").await;
        assert!(
            slow.after >= Duration::from_secs(7),
            "not before guard.js's 8 s: {:?}",
            slow.after
        );
        page.wait_for(
            "the late widget",
            "document.documentElement.getAttribute('data-widget-ready') === 'true'",
            READY_TIMEOUT,
        )
        .await?;
        page.wait_for(
            "the late widget to replace the message",
            &format!(
                "!document.querySelector('{MESSAGE}') && \
                 [...document.querySelectorAll('[data-testid=widget-title]')] \
                   .some(t => t.getClientRects().length > 0)"
            ),
            Duration::from_secs(10),
        )
        .await?;
        assert_eq!(page.text("widget-title").await?, "Medical Assistants");
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn a_prerendered_view_stays_while_the_wasm_is_slow() {
    let dist = dist_dir().unwrap_or_else(|e| panic!("{e}"));
    let held = StaticServer::start_delaying(&dist, &[(".wasm", Duration::from_secs(600))])
        .expect("serve the bundle");
    with_browser(&BrowserOptions::default(), |page| async move {
        page.goto(&held.url("/")).await?;
        tokio::time::sleep(MESSAGE_WITHIN + Duration::from_millis(1500)).await;
        assert!(
            !shown(&page, MESSAGE).await?,
            "no message over a readable view"
        );
        assert!(shown(&page, "[data-testid=estimate-annual]").await?);
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn the_loader_frame_takes_the_height_of_the_message() {
    let copy = Copy::of_release("fault-frame");
    std::fs::remove_file(copy.file("wasm")).expect("remove the wasm");
    let widget = copy.serve();
    let host_dir = TempDir::new("fault-host").expect("temp dir");
    std::fs::write(
        host_dir.path().join("host.html"),
        format!(
            "<!doctype html><html><body><h1>A school page</h1>\
             <div data-career-widget data-career=\"31-9092\"></div>\
             <script src=\"{}\" async></script></body></html>",
            widget.url("/embed.js")
        ),
    )
    .expect("host page");
    let host = StaticServer::start(host_dir.path()).expect("host server");
    with_browser(&BrowserOptions::default(), |page| async move {
        page.goto(&host.url("/host.html")).await?;
        // The loader's frame starts 900 px tall; the message is far shorter.
        let height = page
            .wait_for(
                "the frame to take the message's height",
                "(() => { const f = document.querySelector('iframe'); \
                   const h = f && f.getBoundingClientRect().height; \
                   return h && h < 400 ? h : null; })()",
                MESSAGE_WITHIN + Duration::from_secs(5),
            )
            .await?;
        assert!(height.as_f64().is_some_and(|h| h >= 50.0), "{height}");
        Ok(())
    })
    .await;
}

/// The debug build with the fault switch, from `WIDGET_FAULT_DIST` (`cargo xtask test` builds
/// it); the tests fail without it.
fn fault_server() -> StaticServer {
    let dist = check_dist(std::env::var_os("WIDGET_FAULT_DIST")).unwrap_or_else(|e| {
        panic!("WIDGET_FAULT_DIST: {e} (`trunk build --features fault-injection --dist <dir>`)")
    });
    StaticServer::start(dist).expect("serve the fault build")
}

#[tokio::test]
async fn a_panic_at_start_or_on_input_replaces_the_widget_with_a_message() {
    let server = fault_server();
    with_browser(&BrowserOptions::default(), |page| async move {
        let at_start = message_at(&page, &server.url("/?fault=panic-at-start")).await?;
        assert_readable(&page, &at_start, "stopped", "29-2072", "panic at start").await;
        assert!(!shown(&page, ".cpw-live").await?, "no widget left");

        open_widget(&page, &server, "?fault=panic-on-input").await?;
        assert!(!shown(&page, MESSAGE).await?, "no message before the fault");
        let years = page.find("[data-testid=input-years]").await?;
        page.press(&years, thirtyfour::Key::Right).await?;
        page.wait_for(
            "the failure message",
            &format!("!!document.querySelector('{MESSAGE}')"),
            MESSAGE_WITHIN,
        )
        .await?;
        let text: Value = page
            .eval(
                "return document.querySelector(arguments[0]).innerText;",
                vec![json!(MESSAGE)],
            )
            .await?;
        assert!(
            text.as_str().is_some_and(|t| t.contains("stopped")),
            "{text}"
        );
        assert!(
            !shown(&page, ".cpw-live").await?,
            "the stopped widget is gone"
        );
        // The debug build's panic hook says why in the console.
        let errors = page.errors().await?.join("\n");
        assert!(
            errors.contains("a fault planted by the test build"),
            "{errors}"
        );
        Ok(())
    })
    .await;
}
