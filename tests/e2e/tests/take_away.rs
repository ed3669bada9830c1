//! What a reader takes away (issue 11): a chart's CSV holds the rows its data table shows, with
//! header lines saying what they are; its PNG is twice the chart's size with the title, legend
//! and source line drawn in; "Download all figures" has every chart; the print stylesheet hides
//! the controls and prints black on white with every chart painted at print resolution; and
//! `dark=auto` follows a live switch of the system's theme.
//!
//! The downloads are caught where the widget hands them to the browser: `URL.createObjectURL`
//! keeps each Blob and the link's click records the file name instead of saving a file.

use e2e::{choose_place, open_widget, wait_chart_drawn, with_widget, BrowserOptions, Page, Result};
use serde_json::{json, Value};
use std::time::Duration;

/// Catches every download: the Blob, its type and the file name it was offered as.
const CATCH_DOWNLOADS_JS: &str = r#"
window.__caught = [];
const made = URL.createObjectURL;
URL.createObjectURL = (blob) => { const url = made.call(URL, blob); window.__caught.push({ blob, url }); return url; };
HTMLAnchorElement.prototype.click = function () {
  const caught = window.__caught.find((c) => c.url === this.href);
  if (caught) caught.name = this.download;
};
"#;

/// Clicks `css` and returns the download it made: `[name, type, text]` (text for CSV) or
/// `[name, type, width, height]` of the decoded picture, plus rows of ink (PNG).
async fn download(page: &Page, css: &str) -> Result<Value> {
    page.eval(CATCH_DOWNLOADS_JS, vec![]).await?;
    page.eval(
        "const b = document.querySelector(arguments[0]); b.scrollIntoView(); b.click();",
        vec![json!(css)],
    )
    .await?;
    page.wait_for(
        &format!("a download from {css}"),
        "window.__caught.length > 0 && window.__caught[0].name",
        Duration::from_secs(10),
    )
    .await?;
    page.eval(
        "const { blob, name } = window.__caught[0]; \
         if (blob.type.startsWith('text/csv')) return blob.arrayBuffer().then((b) => \
           [name, blob.type, new TextDecoder('utf-8', { ignoreBOM: true }).decode(b)]); \
         return createImageBitmap(blob).then((bitmap) => { \
           const c = document.createElement('canvas'); c.width = bitmap.width; c.height = bitmap.height; \
           const g = c.getContext('2d'); g.drawImage(bitmap, 0, 0); \
           const px = g.getImageData(0, 0, c.width, c.height).data; \
           const ink = []; \
           for (let y = 0; y < c.height; y++) { let dark = 0; \
             for (let x = 0; x < c.width; x++) { const i = (y * c.width + x) * 4; \
               if (px[i] + px[i + 1] + px[i + 2] < 300) dark++; } \
             ink.push(dark); } \
           return [name, blob.type, c.width, c.height, ink]; });",
        vec![],
    )
    .await
}

/// RFC 4180 rows of `text` (CRLF line ends, quoted fields), BOM removed.
fn csv_rows(text: &str) -> Vec<Vec<String>> {
    let text = text
        .strip_prefix('\u{feff}')
        .expect("a byte-order mark for Excel");
    let mut rows = vec![];
    let (mut row, mut field, mut quoted, mut chars) =
        (vec![], String::new(), false, text.chars().peekable());
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') => {
                assert_eq!(chars.next(), Some('\n'), "CRLF line ends");
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    assert!(
        field.is_empty() && row.is_empty(),
        "the file ends with a line end"
    );
    rows
}

/// The data table of figure `id`, opened as a reader opens it: header row, then each row's
/// cells as shown.
async fn data_table(page: &Page, id: &str) -> Result<Vec<Vec<String>>> {
    let rows = page
        .eval(
            "const d = document.querySelector(`[data-testid=data-${arguments[0]}]`); \
             d.open = true; \
             return new Promise((done) => setTimeout(() => done( \
               [...d.querySelectorAll('tr')].map((tr) => [...tr.cells].map((c) => c.innerText.trim()))), 200));",
            vec![json!(id)],
        )
        .await?;
    Ok(serde_json::from_value(rows)?)
}

#[tokio::test]
async fn a_charts_csv_holds_its_data_tables_rows_and_says_what_they_are() {
    with_widget(&BrowserOptions::default(), |page, server| async move {
        open_widget(&page, server, "?place=NJ&years=5").await?;
        wait_chart_drawn(&page).await?;
        let got = download(
            &page,
            "[data-testid=figure-states] [data-testid=download-csv]",
        )
        .await?;
        assert_eq!(
            got[0],
            json!("medical-records-specialists-pay-by-state-compared-with-the-national-mean.csv"),
            "{got}"
        );
        assert_eq!(got[1], json!("text/csv;charset=utf-8"));
        let rows = csv_rows(got[2].as_str().expect("text"));
        let header = |name: &str| {
            rows.iter()
                .find(|r| r[0] == name)
                .map(|r| r[1].clone())
                .unwrap_or_else(|| panic!("no {name} line"))
        };
        assert_eq!(header("SOC code"), "29-2072");
        assert_eq!(header("Career"), "Medical Records Specialists");
        assert_eq!(header("Place"), "New Jersey");
        assert_eq!(header("Release"), "BLS OEWS May 2025");
        let url = page.eval("return location.href;", vec![]).await?;
        assert_eq!(json!(header("This view")), url);
        let table = data_table(&page, "states").await?;
        assert!(table.len() > 50, "{} rows in the table", table.len());
        // After the header lines and a blank line: the title, the source, then the table.
        let blank = rows.iter().position(|r| r == &[""]).expect("a blank line");
        let title = page.text("figure-states").await?;
        assert!(
            title.starts_with(&rows[blank + 1][0]),
            "{:?}",
            rows[blank + 1]
        );
        let source = page.text("chart-source-states").await?;
        assert_eq!(rows[blank + 2], [source]);
        // A cell a spreadsheet would run as a formula (`+41% (…)`) is kept as text with `'`.
        let as_shown = |row: &Vec<String>| -> Vec<String> {
            row.iter()
                .map(|cell| match cell.strip_prefix('\'') {
                    Some(rest) if rest.starts_with(['=', '+', '-', '@']) => rest.to_string(),
                    _ => cell.clone(),
                })
                .collect()
        };
        let csv_table: Vec<Vec<String>> = rows[blank + 3..].iter().map(as_shown).collect();
        assert_eq!(csv_table, table, "the CSV's rows are the table's");
        assert!(
            rows[blank + 4..].iter().any(|r| r[3].starts_with("'+")),
            "a guarded cell"
        );
        // The buttons read the view when clicked: a place chosen since is the file's place.
        choose_place(&page, "califo", "California").await?;
        let got = download(
            &page,
            "[data-testid=figure-states] [data-testid=download-csv]",
        )
        .await?;
        let rows = csv_rows(got[2].as_str().expect("text"));
        let place = rows.iter().find(|r| r[0] == "Place").map(|r| r[1].as_str());
        assert_eq!(place, Some("California"), "{rows:?}");
        let view = rows
            .iter()
            .find(|r| r[0] == "This view")
            .map(|r| r[1].clone());
        let url = page.eval("return location.href;", vec![]).await?;
        assert_eq!(json!(view), url);
        page.assert_no_errors().await
    })
    .await;
}

#[tokio::test]
async fn a_charts_png_is_twice_its_size_with_the_source_line_drawn_in() {
    with_widget(&BrowserOptions::default(), |page, server| async move {
        open_widget(&page, server, "?place=NJ&years=5").await?;
        wait_chart_drawn(&page).await?;
        let chart = page
            .canvas_stats("canvas[data-testid=chart-distribution]")
            .await?;
        let got = download(
            &page,
            "[data-testid=figure-distribution] [data-testid=download-png]",
        )
        .await?;
        let name = got[0].as_str().unwrap_or_default();
        assert!(
            name.starts_with("medical-records-specialists-") && name.ends_with(".png"),
            "{name}"
        );
        assert_eq!(got[1], json!("image/png"));
        let (width, height) = (got[2].as_f64().unwrap(), got[3].as_f64().unwrap());
        assert_eq!(
            width,
            (chart.client_width * 2.0).round(),
            "twice the CSS width"
        );
        // The chart, and above it the title, below it the legend and the source line.
        assert!(
            height > chart.client_height * 2.0 + 2.0 * 60.0,
            "{height} px for a chart {} px tall",
            chart.client_height
        );
        // The source line: rows of dark text in the bottom part of the picture, below the chart.
        let ink: Vec<u64> = serde_json::from_value(got[4].clone())?;
        let below_chart = &ink[ink.len() - (ink.len() / 8)..];
        let text_rows = below_chart.iter().filter(|dark| **dark > 3).count();
        assert!(
            text_rows >= 8,
            "{text_rows} rows of text at the foot: {below_chart:?}"
        );
        page.assert_no_errors().await
    })
    .await;
}

#[tokio::test]
async fn download_all_has_every_chart_shown_in_the_pages_order() {
    with_widget(&BrowserOptions::default(), |page, server| async move {
        open_widget(&page, server, "?place=NJ&years=5").await?;
        wait_chart_drawn(&page).await?;
        let titles = page
            .eval(
                "return [...document.querySelectorAll('.cpw-figure-title')].map((h) => h.innerText.trim());",
                vec![],
            )
            .await?;
        let titles: Vec<String> = serde_json::from_value(titles)?;
        assert!(titles.len() >= 7, "{titles:?}");
        let got = download(&page, "[data-testid=download-all]").await?;
        assert_eq!(got[0], json!("medical-records-specialists-29-2072.csv"));
        let rows = csv_rows(got[2].as_str().expect("text"));
        let mut after = 0;
        for title in &titles {
            let at = rows[after..]
                .iter()
                .position(|r| r.len() == 1 && &r[0] == title)
                .unwrap_or_else(|| panic!("{title} missing or out of order"));
            after += at + 1;
        }
        page.assert_no_errors().await
    })
    .await;
}

/// Whether each of `css` is laid out (has boxes) on the page.
async fn laid_out(page: &Page, css: &[&str]) -> Result<Vec<bool>> {
    let shown = page
        .eval(
            "return arguments[0].map((s) => [...document.querySelectorAll(s)].some((e) => e.getClientRects().length > 0));",
            vec![json!(css)],
        )
        .await?;
    Ok(serde_json::from_value(shown)?)
}

#[tokio::test]
async fn printing_paints_every_chart_at_print_resolution_without_controls() {
    with_widget(&BrowserOptions::default(), |page, server| async move {
        open_widget(&page, server, "?place=NJ&years=5&dark=true").await?;
        wait_chart_drawn(&page).await?;
        let controls = [".cpw form", ".cpw button", "[data-testid=lang-switch]", ".cpw-data"];
        assert_eq!(laid_out(&page, &controls).await?, [true; 4], "on screen");
        // Every chart, most of them below the fold and so not painted yet, painted for paper.
        page.eval("window.dispatchEvent(new Event('beforeprint'));", vec![]).await?;
        let sizes = page
            .eval(
                "return [...document.querySelectorAll('canvas.cpw-canvas')].map((c) => [c.width, c.clientWidth]);",
                vec![],
            )
            .await?;
        let sizes: Vec<(f64, f64)> = serde_json::from_value(sizes)?;
        assert!(sizes.len() >= 7, "{sizes:?}");
        for (bitmap, css) in &sizes {
            assert_eq!(*bitmap, (css * 3.0).round(), "three device pixels a CSS pixel: {sizes:?}");
        }
        if page.emulate_media("print", None).await? {
            assert_eq!(laid_out(&page, &controls).await?, [false; 4], "on paper");
            let look = page
                .eval(
                    "const s = getComputedStyle(document.querySelector('article.cpw')); \
                     const how = document.querySelector('[data-testid=estimate-explanation] p, [data-testid=estimate-explanation] ol'); \
                     return [s.color, getComputedStyle(document.body).backgroundColor, how && how.getClientRects().length > 0];",
                    vec![],
                )
                .await?;
            assert_eq!(look[0], json!("rgb(0, 0, 0)"), "black text in the dark theme: {look}");
            assert!(
                look[1] == json!("rgb(255, 255, 255)") || look[1] == json!("rgba(0, 0, 0, 0)"),
                "a white page: {look}"
            );
            assert_eq!(look[2], json!(true), "the estimate's method is printed: {look}");
            page.emulate_media("", None).await?;
        } else {
            eprintln!("this engine cannot emulate print media: the stylesheet was not checked here");
        }
        page.eval("window.dispatchEvent(new Event('afterprint'));", vec![]).await?;
        let ratio = page.eval("return devicePixelRatio;", vec![]).await?.as_f64().unwrap();
        let first = page.canvas_stats("canvas[data-testid=chart-distribution]").await?;
        page.wait_for(
            "the chart repainted for the screen",
            &format!(
                "document.querySelector('canvas[data-testid=chart-distribution]').width === {}",
                (first.client_width * ratio).round()
            ),
            Duration::from_secs(5),
        )
        .await?;
        page.assert_no_errors().await
    })
    .await;
}

#[tokio::test]
async fn dark_auto_follows_a_live_switch_of_the_system_theme() {
    with_widget(&BrowserOptions::default(), |page, server| async move {
        if !page.emulate_media("", Some("light")).await? {
            eprintln!("this engine cannot switch the system theme: not checked here");
            return Ok(());
        }
        open_widget(&page, server, "?place=NJ").await?;
        wait_chart_drawn(&page).await?;
        let picture = "return document.querySelector('canvas[data-testid=chart-distribution]').toDataURL();";
        let theme = "return document.documentElement.classList.contains('cpw-dark');";
        assert_eq!(page.eval(theme, vec![]).await?, json!(false));
        let light = page.eval(picture, vec![]).await?;
        page.emulate_media("", Some("dark")).await?;
        page.wait_for("the dark theme", "document.documentElement.classList.contains('cpw-dark')", Duration::from_secs(5)).await?;
        let dark = page
            .wait_for(
                "the chart repainted in the dark theme",
                &format!(
                    "(() => {{ const now = document.querySelector('canvas[data-testid=chart-distribution]').toDataURL(); \
                       return now !== {light} && now; }})()"
                ),
                Duration::from_secs(5),
            )
            .await?;
        assert_ne!(dark, light);
        page.emulate_media("", Some("light")).await?;
        page.wait_for("the light theme again", "document.documentElement.classList.contains('cpw-light')", Duration::from_secs(5)).await?;
        page.wait_for(
            "the chart repainted as it was",
            &format!("document.querySelector('canvas[data-testid=chart-distribution]').toDataURL() === {light}"),
            Duration::from_secs(5),
        )
        .await?;
        // `dark=false` stays light whatever the system says.
        open_widget(&page, server, "?place=NJ&dark=false").await?;
        wait_chart_drawn(&page).await?;
        page.emulate_media("", Some("dark")).await?;
        tokio::time::sleep(Duration::from_millis(300)).await;
        assert_eq!(page.eval(theme, vec![]).await?, json!(false));
        page.emulate_media("", None).await?;
        page.assert_no_errors().await
    })
    .await;
}
