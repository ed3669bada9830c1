//! Every career and program: the release bundle's packs (`WIDGET_DIST/packs`) fetched in
//! headless Chromium. The figures a career must show are read from its built pack with the
//! decoder (the widget reaches them through its own fetch, decode and rendering).

use std::path::{Path, PathBuf};
use std::time::Duration;

use career_pack::{decode_index, decode_pack, CareerIndex, Figure, IndexEntry, Pack};
use e2e::{
    copy_dir, open_data_table, open_widget, wait_chart_drawn, widget::dist_dir, with_browser,
    with_widget, BrowserOptions, Page, Result, StaticServer, TempDir, STRICT_CSP,
};
use serde_json::json;
use thirtyfour::Key;

/// How long a career (index, names, pack) may take to appear.
const LOAD_TIMEOUT: Duration = Duration::from_secs(20);

/// How many careers the random sample opens (`E2E_CAREER_SAMPLE` to change it).
const SAMPLE: usize = 5;

/// The built packs of the bundle under test.
struct Packs {
    dir: PathBuf,
    index: CareerIndex,
}

impl Packs {
    fn of(dist: &Path) -> Packs {
        let html = std::fs::read_to_string(dist.join("index.html")).expect("index.html");
        let index_file = attribute(&html, "data-index").expect("<meta name=cpw-packs data-index>");
        let dir = dist.join("packs");
        let bytes = std::fs::read(dir.join(&index_file)).expect("the index in packs/");
        Packs {
            index: decode_index(&bytes).expect("the index decodes"),
            dir,
        }
    }

    fn entry(&self, soc: &str) -> &IndexEntry {
        self.index
            .careers
            .iter()
            .find(|c| c.soc == soc)
            .unwrap_or_else(|| panic!("{soc} is in the index"))
    }

    fn pack(&self, soc: &str) -> Pack {
        let bytes = std::fs::read(self.dir.join(&self.entry(soc).file)).expect("the pack");
        decode_pack(&bytes).expect("the pack decodes")
    }
}

/// The value of the first `name="…"` attribute in `html`.
fn attribute(html: &str, name: &str) -> Option<String> {
    let start = html.find(&format!("{name}=\""))? + name.len() + 2;
    let len = html[start..].find('"')?;
    Some(html[start..start + len].to_string())
}

/// `$63,970` from whole dollars.
fn dollars(value: u32) -> String {
    let digits = value.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    format!("${out}")
}

/// What the facts must show as the national median: the annual figure, the hourly one for a
/// career BLS publishes hourly only, or the marker in words.
fn median_shown(pack: &Pack) -> String {
    let national = &pack.national().expect("a national row").cell;
    let (annual, hourly) = (
        national.annual.percentiles[2],
        national.hourly.percentiles[2],
    );
    match (annual, hourly) {
        (Figure::Value(v), _) => dollars(v),
        (Figure::TopCoded, _) => "$239,200 or more".to_string(),
        (Figure::NotPublished, Figure::Value(cents)) => {
            format!("{}.{:02} an hour", dollars(cents / 100), cents % 100)
        }
        _ => "not published".to_string(),
    }
}

/// Opens the widget at `query` and waits until it shows `soc`.
async fn open_career(page: &Page, server: &StaticServer, query: &str, soc: &str) -> Result<()> {
    open_widget(page, server, query).await?;
    wait_showing(page, soc).await
}

/// Waits until the widget shows `soc` (after a load or a switch).
async fn wait_showing(page: &Page, soc: &str) -> Result<()> {
    page.wait_for(
        &format!("the widget to show {soc}"),
        &format!(
            "(() => {{ const a = document.querySelector('article.cpw'); \
               return !!a && a.getAttribute('data-career') === '{soc}'; }})()"
        ),
        LOAD_TIMEOUT,
    )
    .await?;
    Ok(())
}

/// The visible text of each `[data-testid=notice]`.
async fn notices(page: &Page) -> Result<Vec<String>> {
    let found = page
        .eval(
            "return [...document.querySelectorAll('[data-testid=notice]')].map(n => n.textContent.trim());",
            vec![],
        )
        .await?;
    Ok(serde_json::from_value(found)?)
}

/// The text of the median fact's value.
async fn median_fact(page: &Page) -> Result<String> {
    let found = page
        .eval(
            "const v = document.querySelector('[data-testid=fact-median] .cpw-fact-value'); \
             return v ? v.textContent.trim() : null;",
            vec![],
        )
        .await?;
    Ok(found.as_str().unwrap_or_default().to_string())
}

/// A seed from `E2E_SEED`, else the clock (printed, so a failing sample can be rerun).
fn seed() -> u64 {
    let seed = std::env::var("E2E_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(1, |d| d.as_nanos() as u64)
        });
    println!("career sample seed: {seed} (rerun with E2E_SEED={seed})");
    seed
}

/// `count` distinct positions below `len`, from `seed` (xorshift).
fn sample(len: usize, count: usize, mut seed: u64) -> Vec<usize> {
    let mut picked = Vec::new();
    while picked.len() < count.min(len) {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let at = (seed % len as u64) as usize;
        if !picked.contains(&at) {
            picked.push(at);
        }
    }
    picked
}

#[tokio::test]
async fn a_random_sample_of_careers_each_shows_its_title_and_bls_median() {
    let packs = Packs::of(&dist_dir().unwrap_or_else(|e| panic!("{e}")));
    let count = std::env::var("E2E_CAREER_SAMPLE")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(SAMPLE);
    let seed = seed();
    let chosen: Vec<Pack> = sample(packs.index.careers.len(), count, seed)
        .into_iter()
        .map(|i| packs.pack(&packs.index.careers[i].soc))
        .collect();
    with_widget(&BrowserOptions::default(), move |page, server| async move {
        for pack in &chosen {
            let soc = pack.soc.replace('-', "");
            open_career(&page, server, &format!("?career={soc}"), &pack.soc).await?;
            let title = page.text("widget-title").await?;
            assert_eq!(title, pack.title, "seed {seed}, {}", pack.soc);
            assert_eq!(
                median_fact(&page).await?,
                median_shown(pack),
                "seed {seed}, {}",
                pack.soc
            );
            let tab = page.eval("return document.title;", vec![]).await?;
            assert_eq!(tab, json!(format!("{}: pay and job outlook", pack.title)));
            // The footer names this career's code, and the article's history only for its own.
            let footer = page.find("footer.cpw-footer").await?.text().await?;
            assert!(footer.contains(&format!("SOC {}", pack.soc)), "{footer}");
            assert_eq!(
                footer.contains("29-2071"),
                pack.soc == "29-2072",
                "{footer}"
            );
            page.assert_no_errors().await?;
        }
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn a_program_offers_its_careers_as_tabs_and_remembers_the_choice() {
    with_widget(&BrowserOptions::default(), |page, server| async move {
        open_career(&page, server, "?program=51.0707&place=NJ", "29-2072").await?;
        let program = page.text("program").await?;
        assert!(program.contains("CIP 51.0707"), "{program}");
        let tabs = page.find_all("[role=tablist] [role=tab]").await?;
        let mut titles = Vec::new();
        for tab in &tabs {
            titles.push(tab.attr("data-soc").await?.unwrap_or_default());
        }
        // Largest national employment first.
        assert_eq!(titles, ["29-2072", "29-9021"]);
        assert_eq!(tabs[0].attr("aria-selected").await?.as_deref(), Some("true"));
        // Keyboard: focus the selected tab, arrow to the next, Enter shows it.
        tabs[0].focus().await?;
        page.press(&tabs[0], Key::Right).await?;
        let focused = page
            .eval("return document.activeElement.getAttribute('data-soc');", vec![])
            .await?;
        assert_eq!(focused, json!("29-9021"), "the arrow key moves focus");
        page.press(&tabs[1], Key::Enter).await?;
        wait_showing(&page, "29-9021").await?;
        assert_eq!(
            page.text("widget-title").await?,
            "Health Information Technologists and Medical Registrars"
        );
        // The reader's place carries over; the URL says which career is shown.
        let place = page.eval("return new URLSearchParams(location.search).get('place');", vec![]).await?;
        assert_eq!(place, json!("NJ"));
        let show = page.eval("return new URLSearchParams(location.search).get('show');", vec![]).await?;
        assert_eq!(show, json!("29-9021"));
        let selected = page
            .eval(
                "return document.querySelector('[role=tab][aria-selected=true]').getAttribute('data-soc');",
                vec![],
            )
            .await?;
        assert_eq!(selected, json!("29-9021"));
        // Back shows the first career again.
        page.eval("history.back(); return true;", vec![]).await?;
        wait_showing(&page, "29-2072").await?;
        page.assert_no_errors().await
    })
    .await;
}

#[tokio::test]
async fn an_annual_only_career_gets_no_hourly_figure() {
    with_widget(&BrowserOptions::default(), |page, server| async move {
        // Elementary school teachers: BLS publishes annual salaries only (footnote 4).
        open_career(&page, server, "?career=25-2021", "25-2021").await?;
        wait_chart_drawn(&page).await?;
        assert!(page.find_all("[data-testid=estimate-hourly]").await?.is_empty());
        let note = page.text("estimate-annual-only").await?;
        assert!(note.contains("annual salaries only"), "{note}");
        open_data_table(&page, "distribution").await?;
        let table = page
            .eval(
                "return document.querySelector('[data-testid=data-distribution] table').textContent;",
                vec![],
            )
            .await?;
        assert!(
            table.as_str().unwrap_or_default().contains("not published"),
            "the distribution's hourly column: {table}"
        );
        page.assert_no_errors().await
    })
    .await;
}

#[tokio::test]
async fn a_top_coded_figure_reads_or_more_and_the_estimate_says_so() {
    with_widget(&BrowserOptions::default(), |page, server| async move {
        // Radiologists in Allentown-Bethlehem-Easton: BLS top-codes the local percentiles.
        open_career(&page, server, "?career=29-1224&place=10900", "29-1224").await?;
        assert_eq!(median_fact(&page).await?, "$239,200 or more");
        let notes = page
            .eval(
                "return document.querySelector('.cpw-result').textContent;",
                vec![],
            )
            .await?;
        let notes = notes.as_str().unwrap_or_default();
        assert!(notes.contains("$239,200 or more"), "{notes}");
        page.assert_no_errors().await
    })
    .await;
}

#[tokio::test]
async fn a_bad_code_gets_a_notice_and_the_default_career() {
    with_widget(&BrowserOptions::default(), |page, server| async move {
        open_career(&page, server, "?career=12-3456", "29-2072").await?;
        let found = notices(&page).await?.join(" | ");
        assert!(found.contains("occupation 12-3456"), "{found}");
        assert!(
            found.contains("Showing Medical Records Specialists"),
            "{found}"
        );
        assert_eq!(
            page.text("widget-title").await?,
            "Medical Records Specialists"
        );
        open_career(&page, server, "?career=nurse&program=51", "29-2072").await?;
        let found = notices(&page).await?.join(" | ");
        assert!(
            found.contains("“nurse” is not an occupation code"),
            "{found}"
        );
        assert!(found.contains("“51” is not a program code"), "{found}");
        open_career(&page, server, "?program=99.9999", "29-2072").await?;
        let found = notices(&page).await?.join(" | ");
        assert!(found.contains("“99.9999”"), "{found}");
        page.assert_no_errors().await
    })
    .await;
}

/// A bundle copy whose packs are damaged five ways: truncated, altered in the middle, another
/// format version, replaced by a web page (a server answering every path with its page), gone.
#[tokio::test]
async fn a_damaged_or_missing_pack_gets_a_notice_and_the_default_career() {
    let dist = dist_dir().unwrap_or_else(|e| panic!("{e}"));
    let packs = Packs::of(&dist);
    let copy = TempDir::new("careers-damaged").expect("temp dir");
    copy_dir(&dist, copy.path()).expect("copy the bundle");
    let file = |soc: &str| copy.path().join("packs").join(&packs.entry(soc).file);
    let truncated = std::fs::read(file("31-9092")).expect("the pack");
    std::fs::write(file("31-9092"), &truncated[..truncated.len() / 2]).expect("truncate");
    let mut other_version = std::fs::read(file("29-1141")).expect("the pack");
    other_version[4] = other_version[4].wrapping_add(1);
    std::fs::write(file("29-1141"), other_version).expect("rewrite");
    let mut altered = std::fs::read(file("43-4051")).expect("the pack");
    let middle = altered.len() / 2;
    for byte in &mut altered[middle..middle + 8] {
        *byte ^= 0x5a;
    }
    std::fs::write(file("43-4051"), altered).expect("alter");
    let page = std::fs::read(copy.path().join("index.html")).expect("index.html");
    std::fs::write(file("15-1252"), page).expect("replace with a page");
    std::fs::remove_file(file("29-9021")).expect("remove");
    let server = StaticServer::start(copy.path()).expect("serve the copy");
    with_browser(&BrowserOptions::default(), |page| async move {
        for (soc, why) in [
            ("31-9092", "damaged or from another version"),
            ("29-1141", "damaged or from another version"),
            ("43-4051", "damaged or from another version"),
            ("15-1252", "the server sent a web page instead"),
            ("29-9021", "the server answered 404"),
        ] {
            open_career(&page, &server, &format!("?career={soc}"), "29-2072").await?;
            let found = notices(&page).await?.join(" | ");
            assert!(found.contains("could not be loaded") && found.contains(why), "{soc}: {found}");
            assert!(found.contains("Showing Medical Records Specialists"), "{found}");
            wait_chart_drawn(&page).await?;
        }
        // In a program, a failing switch keeps the career shown and says why.
        open_career(&page, &server, "?program=51.0707", "29-2072").await?;
        let tab = page.find("[role=tab][data-soc='29-9021']").await?;
        tab.click().await?;
        page.wait_for(
            "a notice about 29-9021",
            "[...document.querySelectorAll('[data-testid=notice]')].some(n => n.textContent.includes('404'))",
            LOAD_TIMEOUT,
        )
        .await?;
        assert_eq!(page.text("widget-title").await?, "Medical Records Specialists");
        page.assert_no_errors().await
    })
    .await;
}

/// A slow network: a career's pack takes 5 s. The career shown stays in use, its tab and a
/// status line say what is loading, and a later choice always wins over the slow one.
#[tokio::test]
async fn a_slow_career_keeps_the_one_shown_usable_and_never_overtakes_a_later_choice() {
    let dist = dist_dir().unwrap_or_else(|e| panic!("{e}"));
    let slow = Duration::from_secs(5);
    let server = StaticServer::start_delaying(
        &dist,
        &[("/packs/31-9092.", slow), ("/packs/15-1252.", slow)],
    )
    .expect("serve the bundle");
    with_browser(&BrowserOptions::default(), |page| async move {
        let query = "?career=29-2072,31-9092,43-4051,15-1252";
        open_career(&page, &server, query, "29-2072").await?;
        let tab = |soc: &str| format!("[role=tab][data-soc='{soc}']");
        page.find(&tab("31-9092")).await?.click().await?;
        let status = page
            .wait_for(
                "the status line to name the career loading",
                "(() => { const s = document.querySelector('[data-testid=switch-status]'); \
                   return s && s.getClientRects().length > 0 && s.textContent; })()",
                Duration::from_secs(2),
            )
            .await?;
        assert_eq!(status, json!("Loading the figures for Medical Assistants…"));
        let busy = page.find(&tab("31-9092")).await?.attr("aria-busy").await?;
        assert_eq!(busy.as_deref(), Some("true"));
        // The career shown still answers its inputs meanwhile.
        let before = page.text("estimate-annual").await?;
        let years = page.find("[data-testid=input-years]").await?;
        for _ in 0..5 {
            page.press(&years, Key::Right).await?;
        }
        let after = page.text("estimate-annual").await?;
        assert_ne!(
            before, after,
            "the estimate follows the years while a career loads"
        );
        assert_eq!(
            page.text("widget-title").await?,
            "Medical Records Specialists"
        );
        // A later choice (fast) wins; the slow one, when it arrives, changes nothing.
        page.find(&tab("43-4051")).await?.click().await?;
        wait_showing(&page, "43-4051").await?;
        tokio::time::sleep(slow + Duration::from_millis(700)).await;
        let shown = page
            .eval(
                "return [document.querySelector('article.cpw').getAttribute('data-career'), \
                         new URLSearchParams(location.search).get('show'), \
                         document.querySelector('[data-testid=switch-status]').textContent];",
                vec![],
            )
            .await?;
        assert_eq!(shown, json!(["43-4051", "43-4051", ""]));
        // Choosing the career shown while another loads keeps it, for good.
        page.find(&tab("15-1252")).await?.click().await?;
        page.find(&tab("43-4051")).await?.click().await?;
        tokio::time::sleep(slow + Duration::from_millis(700)).await;
        let shown = page
            .eval(
                "return [document.querySelector('article.cpw').getAttribute('data-career'), \
                         new URLSearchParams(location.search).get('show'), \
                         document.querySelectorAll('[aria-busy=true]').length];",
                vec![],
            )
            .await?;
        assert_eq!(shown, json!(["43-4051", "43-4051", 0]));
        page.assert_no_errors().await
    })
    .await;
}

#[tokio::test]
async fn a_fetched_career_runs_under_the_strict_csp() {
    let dist = dist_dir().unwrap_or_else(|e| panic!("{e}"));
    let server =
        StaticServer::start_with_headers(&dist, &[("Content-Security-Policy", STRICT_CSP)])
            .expect("serve the bundle");
    with_browser(&BrowserOptions::default(), |page| async move {
        open_career(&page, &server, "?career=31-9092", "31-9092").await?;
        assert_eq!(page.text("widget-title").await?, "Medical Assistants");
        wait_chart_drawn(&page).await?;
        page.assert_no_errors().await
    })
    .await;
}

#[tokio::test]
async fn an_editor_finds_a_program_and_copies_a_snippet_for_it() {
    with_widget(&BrowserOptions::default(), |page, server| async move {
        open_widget(&page, server, "?place=TX&industry=621100").await?;
        page.eval(
            "document.querySelector('[data-testid=embed-panel]').open = true; return 1;",
            vec![],
        )
        .await?;
        let input = page.testid("search-input").await?;
        input.send_keys("Medical/Clinical Assistant").await?;
        page.wait_for(
            "search results",
            "document.querySelectorAll('[data-testid=search-hits] button').length > 0",
            LOAD_TIMEOUT,
        )
        .await?;
        let hits = page
            .eval(
                "return [...document.querySelectorAll('[data-testid=search-hits] button')].map(b => b.textContent);",
                vec![],
            )
            .await?;
        let hits: Vec<String> = serde_json::from_value(hits)?;
        let program = "Program: Medical/Clinical Assistant (CIP 51.0801, 2 careers)";
        assert_eq!(hits.first().map(String::as_str), Some(program), "{hits:?}");
        // By code too.
        input.clear().await?;
        input.send_keys("31-9092").await?;
        page.wait_for(
            "the SOC code's result",
            "[...document.querySelectorAll('[data-testid=search-hits] button')]\
               .some(b => b.textContent === 'Medical Assistants (SOC 31-9092)')",
            LOAD_TIMEOUT,
        )
        .await?;
        input.clear().await?;
        input.send_keys("51.0801").await?;
        page.wait_for(
            "the CIP code's result",
            &format!(
                "[...document.querySelectorAll('[data-testid=search-hits] button')]\
                   .some(b => b.textContent === '{program}')"
            ),
            LOAD_TIMEOUT,
        )
        .await?;
        page.find("[data-testid=search-hits] button").await?.click().await?;
        let snippet = page
            .find("[data-testid=embed-snippet-loader]")
            .await?
            .prop("value")
            .await?
            .unwrap_or_default();
        assert!(snippet.contains(r#"data-program="51.0801""#), "{snippet}");
        assert!(snippet.contains(r#"data-place="TX""#), "the place stays: {snippet}");
        assert!(snippet.contains(r#"data-industry="all""#), "the industry is this career's: {snippet}");
        let note = page.text("snippet-for").await?;
        assert!(note.contains("Medical/Clinical Assistant"), "{note}");
        page.assert_no_errors().await
    })
    .await;
}

#[tokio::test]
async fn the_loader_passes_data_career_and_names_the_frame_after_it() {
    let widget = e2e::widget_server();
    let host = TempDir::new("careers-host").expect("temp dir");
    std::fs::write(
        host.path().join("index.html"),
        format!(
            "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>program page</title></head>\
             <body><div data-career-widget data-career=\"31-9092\" data-place=\"TX\"></div>\
             <script src=\"{}/embed.js\" async></script></body></html>",
            widget.origin()
        ),
    )
    .expect("write the host page");
    let server = StaticServer::start(host.path()).expect("serve the host page");
    with_browser(&BrowserOptions::default(), |page| async move {
        page.goto(&server.url("/")).await?;
        let named = page
            .wait_for(
                "the frame to be named after its career",
                "(() => { const f = document.querySelector('iframe'); \
                   return !!f && f.title === 'Medical Assistants: pay and job outlook' && f.src; })()",
                LOAD_TIMEOUT,
            )
            .await?;
        let src = named.as_str().unwrap_or_default();
        assert!(src.contains("career=31-9092") && src.contains("place=TX"), "{src}");
        page.assert_no_errors().await
    })
    .await;
}

#[tokio::test]
async fn related_careers_link_to_their_own_widget() {
    with_widget(&BrowserOptions::default(), |page, server| async move {
        // The article's occupation: the two careers the article names, without a request.
        open_career(&page, server, "?place=TX", "29-2072").await?;
        let links = page
            .eval(
                "return [...document.querySelectorAll('[data-testid=related-careers] a')].map(a => a.textContent);",
                vec![],
            )
            .await?;
        assert_eq!(
            links,
            json!([
                "Health Information Technologists and Medical Registrars (SOC 29-9021)",
                "Medical Transcriptionists (SOC 31-9094)"
            ])
        );
        // Another career: from the programs that prepare for it; a link keeps the place.
        open_career(&page, server, "?career=31-9092&place=TX", "31-9092").await?;
        page.wait_for(
            "related careers",
            "document.querySelectorAll('[data-testid=related-careers] a').length > 0",
            LOAD_TIMEOUT,
        )
        .await?;
        let first = page.find("[data-testid=related-careers] a").await?;
        let href = first.attr("href").await?.unwrap_or_default();
        assert!(href.contains("place=TX") && href.contains("career="), "{href}");
        let soc = href
            .split("career=")
            .nth(1)
            .map(|s| s.chars().take(7).collect::<String>())
            .unwrap_or_default();
        first.click().await?;
        wait_showing(&page, &soc).await?;
        page.assert_no_errors().await
    })
    .await;
}
