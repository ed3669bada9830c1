//! `measure-memory <dist dir> [--inputs N]`: what a long session costs in memory, in headless
//! Chromium, on two pages: the widget alone, and a school page with five loader embeds of
//! different careers and a plain iframe (issue 12), the inputs spread across its six frames in
//! turns of 200. Each input is the years slider or the industry select, back to back, a frame
//! every 100 inputs. Read after the first view, after a warm-up of 1,000 inputs per widget, and
//! after N more (10,000 by default), each after a forced garbage collection (CDP
//! `HeapProfiler.collectGarbage`): the JavaScript heap, the wasm memories and the DOM's node
//! and listener counts. The warm-up is where the browser's own bounded costs land: V8 and the
//! wasm tiers compiling the hot paths into optimised code, the allocator reaching its working
//! size, Chromium's buffer of layout-shift entries (150 at most); a leak keeps growing after it.
//! The wasm memories are found over CDP in every document of the page (`Runtime.queryObjects` on
//! each realm's `WebAssembly.Memory`), as the page has no handle on them. Exits 1 if a page
//! could not be driven, reported an error, or grew more than 5 % over the N inputs after the
//! warm-up (issue 10's budget) in its JS heap, wasm memory, DOM nodes or listeners.

use std::path::PathBuf;
use std::process::ExitCode;

use e2e::frames::{enter, five_embeds_frames, five_embeds_page, leave, wait_frame_ready, Frame};
use e2e::measure::{arguments_or_usage, dist_holding};
use e2e::{
    wait_chart_drawn, Browser, BrowserOptions, Engine, Page, Result, StaticServer, TempDir,
    WebDriverServer,
};
use serde_json::{json, Value};

const TOOL: &str = "measure-memory";
const USAGE: &str = "usage: measure-memory <dist dir> [--inputs N]   (N defaults to 10000)";
/// How many inputs each visit to a frame makes before moving to the next frame.
const TURN: u32 = 200;
/// Inputs per widget before the reading the growth is measured from.
const WARM_UP: u32 = 1_000;
/// The most any reading may grow over the inputs after the warm-up, in percent.
const GROWTH_BUDGET: f64 = 5.0;

/// Runs in a widget's document: `arguments[1]` input changes numbered from `arguments[0]`, then
/// calls back with the estimates shown (so a widget that stopped reacting is caught) and the
/// document's errors. A frame is awaited every 100 inputs; a frame scrolled out of view gets no
/// animation frames in Chromium, so a short timer stands in for one there.
const DRIVE_JS: &str = r#"
const done = arguments[arguments.length - 1];
const [from, n] = arguments;
const q = (id) => document.querySelector(`[data-testid=${id}]`);
const slider = q('input-years'), industry = q('input-industry');
const industries = [...industry.options].map((o) => o.value);
const frame = () => new Promise((r) => {
  requestAnimationFrame(() => setTimeout(r, 0));
  setTimeout(r, 50);
});
(async () => {
  const estimates = new Set();
  for (let i = from; i < from + n; i++) {
    if (i % 2) {
      industry.value = industries[(i * 5) % industries.length];
      industry.dispatchEvent(new Event('change', { bubbles: true }));
    } else {
      slider.value = String((i * 7) % 31);
      slider.dispatchEvent(new Event('input', { bubbles: true }));
    }
    if (i % 100 === 99) {
      await frame();
      estimates.add(q('estimate-annual').textContent);
    }
  }
  await frame();
  done({ estimates: [...estimates], errors: window.__e2eErrors || [] });
})();
"#;

/// Sums the bytes of every `WebAssembly.Memory` of the realm `this` (a document) belongs to.
const WASM_BYTES_JS: &str =
    "function () { return this.reduce((n, m) => n + m.buffer.byteLength, 0); }";
/// The realm's `WebAssembly.Memory.prototype`, called on one of its documents.
const MEMORY_PROTOTYPE_JS: &str =
    "function () { return this.defaultView.WebAssembly.Memory.prototype; }";

/// One reading of the page's memory.
#[derive(Debug, Clone, Copy)]
struct Reading {
    js_heap: f64,
    wasm_memory: f64,
    nodes: f64,
    listeners: f64,
}

/// The page's memory after a forced garbage collection: one renderer process's heap and DOM
/// counters (frames of the same site share it), and the wasm memories of the top document and
/// every iframe's. Fails if a frame runs in another process, where this reading cannot see.
async fn read(browser: &Browser) -> Result<Reading> {
    let cdp = browser.driver.cdp();
    let targets = cdp.send_raw("Target.getTargets", json!({})).await?;
    let out_of_process = targets["targetInfos"]
        .as_array()
        .map_or(0, |t| t.iter().filter(|t| t["type"] == "iframe").count());
    if out_of_process > 0 {
        return Err(format!(
            "{out_of_process} frame(s) run in another process: their memory is not in this reading"
        )
        .into());
    }
    cdp.send_raw("HeapProfiler.collectGarbage", json!({}))
        .await?;
    let heap = cdp.send_raw("Runtime.getHeapUsage", json!({})).await?;
    let counters = cdp.send_raw("Memory.getDOMCounters", json!({})).await?;
    let tree = cdp
        .send_raw("DOM.getDocument", json!({ "depth": -1, "pierce": true }))
        .await?;
    let mut documents = vec![tree["root"]["backendNodeId"].clone()];
    frame_documents(&tree["root"], &mut documents);
    let mut wasm_memory = 0.0;
    for document in documents {
        let node = cdp
            .send_raw("DOM.resolveNode", json!({ "backendNodeId": document }))
            .await?;
        let call = |object: &Value, function: &str, by_value: bool| {
            cdp.send_raw(
                "Runtime.callFunctionOn",
                json!({
                    "objectId": object,
                    "functionDeclaration": function,
                    "returnByValue": by_value,
                }),
            )
        };
        let prototype = call(&node["object"]["objectId"], MEMORY_PROTOTYPE_JS, false).await?;
        let memories = cdp
            .send_raw(
                "Runtime.queryObjects",
                json!({ "prototypeObjectId": prototype["result"]["objectId"] }),
            )
            .await?;
        let bytes = call(&memories["objects"]["objectId"], WASM_BYTES_JS, true).await?;
        wasm_memory += bytes["result"]["value"].as_f64().unwrap_or(f64::NAN);
    }
    let number = |v: &Value| v.as_f64().unwrap_or(f64::NAN);
    Ok(Reading {
        js_heap: number(&heap["usedSize"]),
        wasm_memory,
        nodes: number(&counters["nodes"]),
        listeners: number(&counters["jsEventListeners"]),
    })
}

/// The backend node ids of the documents inside `node`'s iframes, nested ones included.
fn frame_documents(node: &Value, found: &mut Vec<Value>) {
    if let Some(document) = node.get("contentDocument") {
        found.push(document["backendNodeId"].clone());
        frame_documents(document, found);
    }
    for child in node["children"].as_array().into_iter().flatten() {
        frame_documents(child, found);
    }
}

fn parse_args(args: &[String]) -> std::result::Result<(PathBuf, u32), String> {
    let (mut dist, mut inputs) = (None, 10_000);
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--inputs" => {
                let n = it.next().ok_or("--inputs needs a number")?;
                inputs = n.parse().ok().filter(|n| *n >= 10 * TURN).ok_or(format!(
                    "--inputs wants a number of at least {}, not {n:?}",
                    10 * TURN
                ))?;
            }
            "-h" | "--help" => return Err(String::new()),
            a if a.starts_with('-') || dist.is_some() => {
                return Err(format!("unexpected argument {a:?}"))
            }
            a => dist = Some(PathBuf::from(a)),
        }
    }
    let dist = dist_holding(dist, "index.html")?;
    Ok((dist, inputs))
}

fn growth(before: f64, after: f64) -> f64 {
    (after - before) / before * 100.0
}

/// Where the inputs go: the top document (the widget alone) or the host page's frames in turn.
enum Targets {
    Top,
    Frames(Vec<Frame>),
}

/// What a scenario's inputs did: the readings, and per target the estimates shown and errors.
struct Session {
    readings: [Reading; 3],
    estimates: Vec<usize>,
    errors: Vec<String>,
}

/// Makes `inputs[0]` then `inputs[1]` inputs across `targets`, in turns of [`TURN`], reading the
/// memory first and after each batch.
async fn drive(browser: &Browser, targets: &Targets, inputs: [u32; 2]) -> Result<Session> {
    let page = browser.page();
    let frames: Vec<Option<Frame>> = match targets {
        Targets::Top => vec![None],
        Targets::Frames(frames) => frames.iter().copied().map(Some).collect(),
    };
    let mut estimates = vec![std::collections::BTreeSet::new(); frames.len()];
    let mut errors = Vec::new();
    let mut readings = vec![read(browser).await?];
    let mut made = 0;
    for batch in inputs {
        let mut left = batch;
        let mut turn = 0;
        while left > 0 {
            let at = turn % frames.len();
            let n = left.min(TURN);
            let driven = drive_in(&page, frames[at], made, n).await?;
            for estimate in driven["estimates"].as_array().into_iter().flatten() {
                estimates[at].insert(estimate.to_string());
            }
            for error in driven["errors"].as_array().into_iter().flatten() {
                errors.push(format!("{:?}: {error}", frames[at]));
            }
            (left, made, turn) = (left - n, made + n, turn + 1);
        }
        readings.push(read(browser).await?);
    }
    Ok(Session {
        readings: [readings[0], readings[1], readings[2]],
        estimates: estimates.iter().map(|e| e.len()).collect(),
        errors,
    })
}

/// One turn: `n` inputs numbered from `from` in `frame` (scrolled into view first, as a reader
/// would) or in the top document.
async fn drive_in(page: &Page, frame: Option<Frame>, from: u32, n: u32) -> Result<Value> {
    if let Some(frame) = frame {
        page.eval(
            "document.querySelectorAll(arguments[0])[arguments[1]].scrollIntoView();",
            vec![json!(frame.css), json!(frame.index)],
        )
        .await?;
        enter(page, frame).await?;
    }
    let driven = page
        .driver
        .execute_async(DRIVE_JS, vec![json!(from), json!(n)])
        .await
        .map(|v| v.json().clone());
    if frame.is_some() {
        leave(page).await?;
    }
    Ok(driven?)
}

/// Opens `url`, waits for the widget (or every frame's), then drives it.
async fn measure(
    driver: &WebDriverServer,
    url: &str,
    targets: &Targets,
    inputs: u32,
) -> Result<Session> {
    let browser = Browser::start(driver.url(), &BrowserOptions::default()).await?;
    let page = browser.page();
    let session = async {
        page.goto(url).await?;
        // A reader's pointer over the page: under the prerendered view the wasm starts then.
        page.point_at(8, 8).await?;
        match targets {
            Targets::Top => wait_chart_drawn(&page).await?,
            Targets::Frames(frames) => {
                for &frame in frames {
                    wait_frame_ready(&page, frame).await?;
                }
            }
        }
        let widgets = match targets {
            Targets::Top => 1,
            Targets::Frames(frames) => frames.len() as u32,
        };
        drive(&browser, targets, [WARM_UP * widgets, inputs]).await
    }
    .await;
    let quit = browser.quit().await;
    let session = session?;
    quit?;
    Ok(session)
}

/// The scenario's table; `false` if it saw errors, a widget that stopped answering, or growth
/// over the budget after the warm-up.
fn report(name: &str, inputs: u32, session: &Session) -> bool {
    let [first, warm, last] = session.readings;
    let mb = |b: f64| b / 1_048_576.0;
    println!(
        "\n{name}: after the warm-up ({WARM_UP} inputs a widget), then after {inputs} more \
         (each after a forced GC); since the first view in brackets"
    );
    let mut within = true;
    let mut line = |label: &str,
                    get: fn(&Reading) -> f64,
                    unit: &str,
                    scale: &dyn Fn(f64) -> f64| {
        let (a, b, c) = (get(&first), get(&warm), get(&last));
        let grew = growth(b, c);
        within &= grew <= GROWTH_BUDGET;
        println!(
            "{name} {label:<12} {:10.2} {unit} -> {:10.2} {unit} ({grew:+.1} %; since the first view {:.2} -> {:.2}, {:+.1} %)",
            scale(b),
            scale(c),
            scale(a),
            scale(c),
            growth(a, c),
        );
    };
    line("js heap", |r| r.js_heap, "MB", &mb);
    line("wasm memory", |r| r.wasm_memory, "MB", &mb);
    line("dom nodes", |r| r.nodes, "nodes", &|n| n);
    line("listeners", |r| r.listeners, "listeners", &|n| n);
    if !within {
        eprintln!(
            "{TOOL}: {name}: a reading grew more than {GROWTH_BUDGET} % over {inputs} inputs"
        );
    }
    let stuck = session.estimates.iter().filter(|n| **n < 2).count();
    for error in &session.errors {
        eprintln!("{TOOL}: {name}: {error}");
    }
    if stuck > 0 {
        eprintln!("{TOOL}: {name}: {stuck} widget(s) showed fewer than 2 distinct estimates: the inputs did not drive them");
    }
    within && session.errors.is_empty() && stuck == 0
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (dist, inputs) = match arguments_or_usage(TOOL, USAGE, parse_args(&args)) {
        Ok(v) => v,
        Err(code) => return code,
    };
    let outcome = async {
        let widget = StaticServer::start(&dist)?;
        let host_dir = TempDir::new("measure-memory-host")?;
        std::fs::write(
            host_dir.path().join("five.html"),
            five_embeds_page(&widget.url("/")),
        )?;
        let host = StaticServer::start(host_dir.path())?;
        let driver = WebDriverServer::start(Engine::Chromium)?;
        let alone = measure(&driver, &widget.url("/"), &Targets::Top, inputs).await?;
        let five = Targets::Frames(five_embeds_frames());
        let embeds = measure(&driver, &host.url("/five.html"), &five, inputs).await?;
        Ok::<_, e2e::Error>((alone, embeds))
    }
    .await;
    let (alone, embeds) = match outcome {
        Ok(v) => v,
        Err(e) => {
            eprintln!("{TOOL}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let ok = report("one widget", inputs, &alone) & report("five embeds", inputs, &embeds);
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arguments_are_checked() {
        let dir = e2e::TempDir::new("measure-memory-args").expect("temp dir");
        std::fs::write(dir.path().join("index.html"), "x").expect("write");
        let d = dir.path().to_string_lossy().to_string();
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(parse_args(&s(&[&d])).map(|a| a.1), Ok(10_000));
        assert_eq!(
            parse_args(&s(&[&d, "--inputs", "5000"])).map(|a| a.1),
            Ok(5_000)
        );
        assert!(parse_args(&s(&[&d, "--inputs", "500"])).is_err());
        assert!(parse_args(&s(&[])).is_err());
    }

    #[test]
    fn growth_is_a_percentage_of_the_start() {
        assert_eq!(growth(2.0, 2.1).round(), 5.0);
        assert_eq!(growth(4.0, 4.0), 0.0);
    }

    #[test]
    fn every_frame_document_is_found() {
        let tree = json!({ "backendNodeId": 1, "children": [
            { "backendNodeId": 2, "contentDocument": { "backendNodeId": 3, "children": [
                { "backendNodeId": 4, "contentDocument": { "backendNodeId": 5 } } ] } },
            { "backendNodeId": 6, "children": [
                { "backendNodeId": 7, "contentDocument": { "backendNodeId": 8 } } ] } ] });
        let mut found = Vec::new();
        frame_documents(&tree, &mut found);
        assert_eq!(found, [json!(3), json!(5), json!(8)]);
    }
}
