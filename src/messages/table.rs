//! The languages other than English, read from a text file (`src/messages/es.txt`): one
//! `Id = "template"` line per message, in the order of [`ALL`](super::ALL). The browser fetches
//! the file only when a reader asks for the language, so it costs the first view nothing; native
//! builds (tests, the prerender) read the copy compiled in.

use super::{Msg, ALL};
use std::sync::OnceLock;

/// The Spanish templates, once read.
static SPANISH: OnceLock<Vec<&'static str>> = OnceLock::new();

/// The Spanish file as written, for native builds. The wasm never includes it: it fetches it.
#[cfg(not(target_arch = "wasm32"))]
pub const SPANISH_FILE: &str = include_str!("es.txt");

/// The Spanish template for `id`, if the table is there (always in native builds; in the
/// browser once [`install_spanish`] has run).
pub fn spanish(id: Msg) -> Option<&'static str> {
    #[cfg(not(target_arch = "wasm32"))]
    if SPANISH.get().is_none() {
        // The compiled-in file is checked by the tests below; a broken one reads as absent.
        let _ = install_spanish(SPANISH_FILE);
    }
    SPANISH
        .get()
        .and_then(|table| table.get(id as usize).copied())
}

/// Whether the Spanish templates are there to speak.
pub fn has_spanish() -> bool {
    spanish(Msg::ListSeparator).is_some()
}

/// Reads the Spanish file (fetched or compiled in) and keeps its templates for the rest of the
/// page's life. A second call keeps the first table.
pub fn install_spanish(file: &str) -> Result<(), String> {
    let entries = parse(file)?;
    // Read once per page and kept until it closes: leaking gives the `&'static str` every
    // message user takes, at the cost of the file's size, once.
    let templates = entries
        .into_iter()
        .map(|(_, text)| &*Box::leak(text.into_boxed_str()))
        .collect();
    let _ = SPANISH.set(templates);
    Ok(())
}

/// The file's `(id, template)` pairs in order; an error names the line and what is wrong with it,
/// or says how many messages the file has against how many the widget has.
pub fn parse(file: &str) -> Result<Vec<(&str, String)>, String> {
    let mut entries = Vec::with_capacity(ALL.len());
    for (number, line) in file.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let at = |reason: &str| format!("line {}: {reason}", number + 1);
        let (id, rest) = line.split_once(" = ").ok_or_else(|| at("no ` = `"))?;
        let quoted = (rest.strip_prefix('"'))
            .and_then(|r| r.strip_suffix('"'))
            .ok_or_else(|| at("the template is not in double quotes"))?;
        entries.push((
            id,
            unescape(quoted).ok_or_else(|| at("a `\\` escapes neither `\"` nor `\\`"))?,
        ));
    }
    if entries.len() != ALL.len() {
        return Err(format!(
            "{} messages, where the widget has {}",
            entries.len(),
            ALL.len()
        ));
    }
    Ok(entries)
}

/// `\"` and `\\` to the characters; `None` for any other backslash, or an unescaped `"`.
fn unescape(quoted: &str) -> Option<String> {
    let mut out = String::with_capacity(quoted.len());
    let mut chars = quoted.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next()? {
                escaped @ ('"' | '\\') => out.push(escaped),
                _ => return None,
            },
            '"' => return None,
            c => out.push(c),
        }
    }
    Some(out)
}

// Native only: the wasm build has no compiled-in file to check.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::messages::{arity, Lang};

    fn placeholders(template: &str) -> Vec<usize> {
        (0..10)
            .filter(|i| template.contains(&format!("{{{i}}}")))
            .collect()
    }

    #[test]
    fn the_spanish_file_has_every_message_in_order() {
        let entries = parse(SPANISH_FILE).unwrap_or_else(|e| panic!("es.txt: {e}"));
        for (&(id, _), msg) in entries.iter().zip(ALL) {
            assert_eq!(id, format!("{msg:?}"), "es.txt is out of order at {msg:?}");
        }
    }

    #[test]
    fn each_spanish_template_takes_the_english_arguments_and_spaces() {
        for &id in ALL {
            let (en, es) = (Lang::En.text(id), Lang::Es.text(id));
            assert_eq!(placeholders(es), placeholders(en), "{id:?}: {es}");
            assert_eq!(arity(es), arity(en), "{id:?}");
            assert_eq!(es.starts_with(' '), en.starts_with(' '), "{id:?}: {es:?}");
            assert_eq!(es.ends_with(' '), en.ends_with(' '), "{id:?}: {es:?}");
            assert!(!es.trim().is_empty(), "{id:?}");
        }
    }

    /// A Spanish template may equal the English only when it has no English word in it: joins,
    /// codes (`SOC {1}`), initials (BLS) and Roman numerals.
    #[test]
    fn no_english_sentence_is_left_untranslated() {
        for &id in ALL {
            let (en, es) = (Lang::En.text(id), Lang::Es.text(id));
            let has_word = en
                .split(|c: char| !c.is_alphabetic())
                .any(|w| w.chars().count() > 1 && w.chars().any(char::is_lowercase));
            assert!(en != es || !has_word, "{id:?} is still English: {es}");
        }
    }

    #[test]
    fn a_broken_file_is_refused_with_its_line() {
        assert_eq!(
            parse("# only a comment\nListSeparator \", \"").map(|_| ()),
            Err("line 2: no ` = `".to_string())
        );
        assert_eq!(
            parse("ListSeparator = , ").map(|_| ()),
            Err("line 1: the template is not in double quotes".to_string())
        );
        assert_eq!(
            parse("ListSeparator = \"a\\nb\"").map(|_| ()),
            Err("line 1: a `\\` escapes neither `\"` nor `\\`".to_string())
        );
        assert_eq!(
            parse("ListSeparator = \", \"").map(|_| ()),
            Err(format!("1 messages, where the widget has {}", ALL.len()))
        );
    }

    #[test]
    fn escapes_are_read() {
        assert_eq!(unescape(r#"a \"b\" \\ c"#).as_deref(), Some(r#"a "b" \ c"#));
        assert_eq!(unescape(r#"a "b""#), None);
    }
}
