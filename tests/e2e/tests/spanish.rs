//! Spanish (issue 11): `lang=es` leaves no English UI text on the page (a walk over every text
//! node and labelling attribute, with every `<details>` open, against every English message),
//! BLS's own English names are marked `lang="en"`, the EN | ES switch changes the language live
//! and the URL follows, and `lang=auto` (or none) follows the browser's languages.

use std::time::Duration;

use career_pay_widget::messages::{Lang, ALL};
use e2e::{open_widget, query_param, wait_chart_drawn, with_widget, BrowserOptions, Page, Result};
use serde_json::{json, Value};

/// Every text the reader meets outside an element marked `lang="en"` (BLS's names): text nodes
/// and the labels assistive technology reads (`aria-label`, `placeholder`, `title`, `alt`).
/// `arguments[0]`: whether to leave out what is marked English (for the English page, no).
const READER_TEXTS_JS: &str = r#"
document.querySelectorAll('details').forEach((d) => (d.open = true));
const root = document.getElementById('career-pay-widget');
const english = (el) => { const l = el && el.closest('[lang]'); return arguments[0] && !!l && /^en\b/i.test(l.lang); };
const texts = [];
const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
for (let n = walker.nextNode(); n; n = walker.nextNode()) {
  const t = n.textContent.trim();
  if (t && !english(n.parentElement) && !n.parentElement.closest('script,style')) texts.push(t);
}
for (const el of root.querySelectorAll('[aria-label],[placeholder],[title],[alt]')) {
  if (english(el)) continue;
  for (const a of ['aria-label', 'placeholder', 'title', 'alt']) {
    const v = el.getAttribute(a);
    if (v && v.trim()) texts.push(v.trim());
  }
}
return texts;
"#;

/// The fixed words of every English message: the runs between its placeholders long enough to
/// be a phrase (a space and at least 8 letters), so a code or a name does not count.
fn english_phrases() -> Vec<String> {
    let mut phrases = Vec::new();
    for &id in ALL {
        let template = Lang::En.text(id);
        let mut rest = template;
        while !rest.is_empty() {
            let (run, after) = match rest.find('{') {
                Some(open) => {
                    let close = rest[open..].find('}').map_or(rest.len(), |c| open + c + 1);
                    (&rest[..open], &rest[close..])
                }
                None => (rest, ""),
            };
            let run = run.trim_matches(|c: char| !c.is_alphanumeric());
            let letters = run.chars().filter(|c| c.is_alphabetic()).count();
            if run.contains(' ') && letters >= 8 {
                phrases.push(run.to_string());
            }
            rest = after;
        }
    }
    phrases
}

/// Every text on the page that still holds an English message's phrase, with the phrase.
async fn english_left(page: &Page, skip_marked_english: bool) -> Result<Vec<String>> {
    let texts = page
        .eval(READER_TEXTS_JS, vec![json!(skip_marked_english)])
        .await?;
    let texts: Vec<String> = texts
        .as_array()
        .ok_or("no texts read")?
        .iter()
        .filter_map(|t| t.as_str().map(String::from))
        .collect();
    assert!(texts.len() > 200, "only {} texts read", texts.len());
    let phrases = english_phrases();
    Ok(texts
        .iter()
        .filter_map(|text| {
            let found = phrases.iter().find(|p| text.contains(p.as_str()))?;
            Some(format!("{text:?} holds {found:?}"))
        })
        .collect())
}

async fn wait_lang(page: &Page, tag: &str) -> Result<()> {
    page.wait_for(
        &format!("the page to speak {tag}"),
        &format!(
            "document.documentElement.lang === '{tag}' && \
             document.querySelector('article.cpw').lang === '{tag}'"
        ),
        Duration::from_secs(10),
    )
    .await
    .map(|_| ())
}

#[tokio::test]
async fn lang_es_leaves_no_english_ui_text() {
    with_widget(&BrowserOptions::default(), |page, server| async move {
        open_widget(&page, server, "?lang=es&place=NJ&industry=622000&years=5").await?;
        wait_chart_drawn(&page).await?;
        wait_lang(&page, "es-US").await?;
        let left = english_left(&page, true).await?;
        assert!(left.is_empty(), "English left:\n{}", left.join("\n"));
        // The career's BLS title is shown as BLS publishes it, marked English.
        let title_lang = page
            .eval(
                "return document.querySelector('[data-testid=widget-title]').lang;",
                vec![],
            )
            .await?;
        assert_eq!(title_lang, json!("en"));
        page.assert_no_errors().await
    })
    .await;
}

/// The walk finds English when there is some: the same page in English is full of it.
#[tokio::test]
async fn the_english_page_is_found_english() {
    with_widget(&BrowserOptions::default(), |page, server| async move {
        open_widget(&page, server, "?lang=en&place=NJ&industry=622000&years=5").await?;
        wait_chart_drawn(&page).await?;
        let left = english_left(&page, false).await?;
        assert!(left.len() > 50, "only {} English texts found", left.len());
        Ok(())
    })
    .await;
}

/// The switch: Spanish live, the same figures, `lang=es` in the URL and `<html lang>`; then
/// back to English.
#[tokio::test]
async fn the_switch_changes_the_language_live_and_the_url_follows() {
    with_widget(&BrowserOptions::default(), |page, server| async move {
        open_widget(&page, server, "?place=NJ&years=5").await?;
        wait_chart_drawn(&page).await?;
        wait_lang(&page, "en-US").await?;
        let estimate = page.text("estimate-annual").await?;
        let label = page.text("section-estimator").await?;
        assert_eq!(query_param(&page, "lang").await?, None);
        page.testid("lang-es").await?.click().await?;
        wait_lang(&page, "es-US").await?;
        assert_eq!(page.text("estimate-annual").await?, estimate);
        let spanish = page.text("section-estimator").await?;
        assert_ne!(spanish, label);
        assert!(spanish.contains("Años de experiencia"), "{spanish}");
        assert_eq!(query_param(&page, "lang").await?.as_deref(), Some("es"));
        let pressed = "return [...document.querySelectorAll('[data-testid=lang-switch] button')]\
                       .map(b => b.getAttribute('aria-pressed'));";
        assert_eq!(page.eval(pressed, vec![]).await?, json!(["false", "true"]));
        // The inputs still work in Spanish, and the URL keeps the language.
        page.testid("lang-en").await?.click().await?;
        wait_lang(&page, "en-US").await?;
        assert_eq!(page.text("section-estimator").await?, label);
        assert_eq!(query_param(&page, "lang").await?.as_deref(), Some("en"));
        page.assert_no_errors().await
    })
    .await;
}

/// No `lang=`: the browser's first language the widget speaks; `lang=en` overrides it.
#[tokio::test]
async fn without_lang_the_browser_s_languages_decide() {
    let spanish_reader = BrowserOptions::default().languages("es-US,es,en");
    with_widget(&spanish_reader, |page, server| async move {
        let navigator = page.eval("return navigator.languages;", vec![]).await?;
        assert_eq!(navigator.get(0), Some(&Value::from("es-US")), "{navigator}");
        open_widget(&page, server, "?place=CA").await?;
        wait_chart_drawn(&page).await?;
        wait_lang(&page, "es-US").await?;
        // The choice is the browser's, so the URL does not pin it.
        assert_eq!(query_param(&page, "lang").await?, None);
        open_widget(&page, server, "?place=CA&lang=en").await?;
        wait_chart_drawn(&page).await?;
        wait_lang(&page, "en-US").await?;
        page.assert_no_errors().await
    })
    .await;
}
