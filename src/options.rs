//! Embed options from the URL (the same names the loader takes as `data-` attributes):
//! `sections`, `accent`, `dark`, `lang`, `title`, and the careers (`career`, `program`, `show`:
//! see [`crate::subject`]). Like the inputs, every bad value falls back
//! to its default with a [`Notice`], and nothing given is ever rendered as markup.

use crate::config::{pairs, quote, Notice};
use crate::messages::Lang;
use crate::subject::Subject;

/// The longest title shown; longer ones are shortened, with a notice.
pub const TITLE_LIMIT: usize = 120;

/// A part of the widget a host can show, hide or reorder.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    Estimator,
    Distribution,
    Facts,
    Experience,
    /// The states on a tile map.
    Map,
    States,
    Metros,
    Industries,
    OverTime,
    Comparison,
    Outlook,
    Job,
    Share,
}

impl Section {
    /// Every section, in the default order.
    pub const ALL: [Section; 13] = [
        Section::Estimator,
        Section::Distribution,
        Section::Facts,
        Section::Experience,
        Section::Map,
        Section::States,
        Section::Metros,
        Section::Industries,
        Section::OverTime,
        Section::Comparison,
        Section::Outlook,
        Section::Job,
        Section::Share,
    ];

    /// The id used in `sections=` (and in `data-testid`s).
    pub fn id(self) -> &'static str {
        match self {
            Section::Estimator => "estimator",
            Section::Distribution => "distribution",
            Section::Facts => "facts",
            Section::Experience => "experience",
            Section::Map => "map",
            Section::States => "states",
            Section::Metros => "metros",
            Section::Industries => "industries",
            Section::OverTime => "over-time",
            Section::Comparison => "comparison",
            Section::Outlook => "outlook",
            Section::Job => "job",
            Section::Share => "share",
        }
    }

    fn from_id(id: &str) -> Option<Section> {
        Section::ALL.into_iter().find(|s| s.id() == id)
    }
}

/// Light, dark, or following the reader's system setting.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    #[default]
    Auto,
    Dark,
    Light,
}

impl Theme {
    /// The `dark=` value that gives this theme.
    pub fn value(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Dark => "true",
            Theme::Light => "false",
        }
    }
}

/// A host's accent colour, with the ink that stays readable on it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Accent {
    /// `#rrggbb`, lower case.
    pub hex: String,
    /// White or near-black, whichever has the higher contrast on the accent.
    pub ink: &'static str,
    /// Whether the accent is dark enough (4.5:1 on white) to colour link text; if not, links keep
    /// the default colour.
    pub readable_as_text: bool,
}

/// Everything a host can set besides the inputs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    /// The sections to show, in order (never empty).
    pub sections: Vec<Section>,
    pub accent: Option<Accent>,
    pub theme: Theme,
    /// `lang=en|es`; `None` (`lang=auto`, or none given) follows the reader's browser.
    pub lang: Option<Lang>,
    /// A heading in place of the occupation's title.
    pub title: Option<String>,
    /// The careers the page is about (`career=`, `program=`, `show=`).
    pub subject: Subject,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            sections: Section::ALL.to_vec(),
            accent: None,
            theme: Theme::Auto,
            lang: None,
            title: None,
            subject: Subject::default(),
        }
    }
}

/// Reads the embed options from a query string.
pub fn from_query(query: &str) -> (Options, Vec<Notice>) {
    let mut options = Options::default();
    let mut notices = Vec::new();
    for (key, value) in pairs(query) {
        let value = value.trim();
        if value.is_empty() {
            continue;
        }
        match key.to_ascii_lowercase().as_str() {
            "sections" => {
                let (sections, unknown) = parse_sections(value);
                if !unknown.is_empty() {
                    notices.push(Notice::UnknownSections(quote(&unknown.join(","))));
                }
                options.sections = if sections.is_empty() {
                    Section::ALL.to_vec()
                } else {
                    sections
                };
            }
            "accent" => match parse_accent(value) {
                Some(accent) => options.accent = Some(accent),
                None => notices.push(Notice::BadAccent(quote(value))),
            },
            "dark" => match value.to_ascii_lowercase().as_str() {
                "auto" => options.theme = Theme::Auto,
                "true" | "1" | "yes" => options.theme = Theme::Dark,
                "false" | "0" | "no" => options.theme = Theme::Light,
                _ => notices.push(Notice::BadDark(quote(value))),
            },
            "lang" => match value.to_ascii_lowercase().as_str() {
                "auto" => options.lang = None,
                tag => match lang_of_tag(tag) {
                    Some(lang) => options.lang = Some(lang),
                    None => notices.push(Notice::UnsupportedLang(quote(value))),
                },
            },
            "title" => {
                let cleaned: String = value.chars().filter(|c| !c.is_control()).collect();
                let cleaned = cleaned.trim();
                if cleaned.chars().count() > TITLE_LIMIT {
                    notices.push(Notice::LongTitle);
                    let shortened: String = cleaned.chars().take(TITLE_LIMIT).collect();
                    // Cut just after a space, it would end in one, which the next read trims:
                    // the widget's own link would then name another title (found by fuzzing).
                    options.title = Some(shortened.trim_end().to_string());
                } else if !cleaned.is_empty() {
                    options.title = Some(cleaned.to_string());
                }
            }
            "career" | "careers" | "soc" => options.subject.read_careers(value, &mut notices),
            "program" | "cip" => options.subject.read_program(value, &mut notices),
            "show" => options.subject.read_show(value),
            _ => {}
        }
    }
    (options, notices)
}

/// Known sections in the order given (each once) and the ids that are not sections.
fn parse_sections(value: &str) -> (Vec<Section>, Vec<String>) {
    let mut sections = Vec::new();
    let mut unknown = Vec::new();
    for id in value.split(',').map(str::trim).filter(|id| !id.is_empty()) {
        match Section::from_id(&id.to_ascii_lowercase()) {
            Some(section) if !sections.contains(&section) => sections.push(section),
            Some(_) => {}
            None => unknown.push(id.to_string()),
        }
    }
    (sections, unknown)
}

/// `#rgb` or `#rrggbb` (the `#` optional, any case) and nothing else: the value ends up in a
/// CSS custom property, so only a plain hex colour may pass.
pub fn parse_accent(value: &str) -> Option<Accent> {
    let hex = value.trim().trim_start_matches('#');
    if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let full: String = match hex.len() {
        3 => hex.chars().flat_map(|c| [c, c]).collect(),
        6 => hex.to_string(),
        _ => return None,
    };
    let full = full.to_ascii_lowercase();
    let channel = |i: usize| u8::from_str_radix(&full[i..i + 2], 16).ok();
    let luminance = relative_luminance(channel(0)?, channel(2)?, channel(4)?);
    let on_white = contrast(1.0, luminance);
    let near_black = relative_luminance(0x1f, 0x29, 0x33);
    Some(Accent {
        ink: if on_white >= contrast(luminance, near_black) {
            "#ffffff"
        } else {
            "#1f2933"
        },
        readable_as_text: on_white >= 4.5,
        hex: format!("#{full}"),
    })
}

/// WCAG relative luminance of an sRGB colour.
fn relative_luminance(r: u8, g: u8, b: u8) -> f64 {
    let linear = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.039_28 {
            c / 12.92
        } else {
            // exp/ln rather than powf: the wasm already has them, powf would add 2 KB.
            (((c + 0.055) / 1.055).ln() * 2.4).exp()
        }
    };
    0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
}

/// WCAG contrast ratio of two luminances.
fn contrast(a: f64, b: f64) -> f64 {
    let (hi, lo) = if a > b { (a, b) } else { (b, a) };
    (hi + 0.05) / (lo + 0.05)
}

/// The language a BCP 47 tag names, if the widget speaks it: `en`, `es`, `es-MX`, `EN-us`.
pub fn lang_of_tag(tag: &str) -> Option<Lang> {
    let primary = tag.split(['-', '_']).next()?.to_ascii_lowercase();
    match primary.as_str() {
        "en" => Some(Lang::En),
        "es" => Some(Lang::Es),
        _ => None,
    }
}

/// The language to speak when the page does not say: the first of the reader's browser
/// languages (`navigator.languages`, most preferred first) the widget speaks, else English.
pub fn lang_for_browser<S: AsRef<str>>(languages: &[S]) -> Lang {
    languages
        .iter()
        .find_map(|tag| lang_of_tag(tag.as_ref()))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_given_means_defaults() {
        assert_eq!(from_query(""), (Options::default(), vec![]));
        assert_eq!(Options::default().sections.len(), 13);
    }

    #[test]
    fn sections_keep_the_hosts_order_and_report_unknown_ids() {
        let (o, n) = from_query("sections=states,Estimator,%20distribution,states,charts");
        assert_eq!(
            o.sections,
            [Section::States, Section::Estimator, Section::Distribution]
        );
        assert_eq!(n, [Notice::UnknownSections("charts".into())]);
        let (o, n) = from_query("sections=nothing,real");
        assert_eq!(o.sections, Section::ALL.to_vec());
        assert_eq!(n, [Notice::UnknownSections("nothing,real".into())]);
    }

    #[test]
    fn accents_must_be_plain_hex_colours() {
        let a = parse_accent("%237a1f5c").is_none();
        assert!(a, "the query decoder, not this parser, handles %23");
        let accent = parse_accent("#7A1F5C").expect("valid");
        assert_eq!(accent.hex, "#7a1f5c");
        assert_eq!(accent.ink, "#ffffff");
        assert!(accent.readable_as_text);
        let yellow = parse_accent("ff0").expect("valid");
        assert_eq!((yellow.hex.as_str(), yellow.ink), ("#ffff00", "#1f2933"));
        assert!(!yellow.readable_as_text);
        for bad in [
            "red",
            "#12345",
            "javascript:alert(1)",
            "#fff;background:url(x)",
            "#ggg",
            "",
        ] {
            assert_eq!(parse_accent(bad), None, "{bad}");
        }
        let (o, n) = from_query("accent=%237a1f5c");
        assert_eq!(o.accent.map(|a| a.hex), Some("#7a1f5c".to_string()));
        assert_eq!(n, []);
    }

    #[test]
    fn theme_lang_and_title() {
        assert_eq!(from_query("dark=TRUE").0.theme, Theme::Dark);
        assert_eq!(from_query("dark=false").0.theme, Theme::Light);
        let (o, n) = from_query("dark=maybe&lang=fr&title=%3Cb%3EHIT%3C/b%3E%20pay");
        assert_eq!(o.theme, Theme::Auto);
        assert_eq!(o.lang, None);
        assert_eq!(o.title.as_deref(), Some("<b>HIT</b> pay"));
        assert_eq!(
            n,
            [
                Notice::BadDark("maybe".into()),
                Notice::UnsupportedLang("fr".into())
            ]
        );
        assert_eq!(from_query("lang=es").0.lang, Some(Lang::Es));
        assert_eq!(from_query("lang=es-MX").0.lang, Some(Lang::Es));
        assert_eq!(from_query("lang=EN").0.lang, Some(Lang::En));
        assert_eq!(from_query("lang=es&lang=auto").0.lang, None);
        let (o, n) = from_query(&format!("title={}", "é".repeat(300)));
        assert_eq!(o.title.map(|t| t.chars().count()), Some(TITLE_LIMIT));
        assert_eq!(n, [Notice::LongTitle]);
        assert_eq!(from_query("lang=en-GB").1, []);
    }

    #[test]
    fn the_browser_s_first_language_the_widget_speaks_wins() {
        assert_eq!(lang_for_browser(&["es-US", "en-US"]), Lang::Es);
        assert_eq!(lang_for_browser(&["fr-CA", "es", "en"]), Lang::Es);
        assert_eq!(lang_for_browser(&["en-GB", "es"]), Lang::En);
        assert_eq!(lang_for_browser(&["fr", "de"]), Lang::En);
        assert_eq!(lang_for_browser::<&str>(&[]), Lang::En);
        assert_eq!(lang_of_tag("español"), None);
        assert_eq!(lang_of_tag("es_PR"), Some(Lang::Es));
    }

    /// Found by `cargo xtask fuzz` (target `query`; the input is in fuzz/regressions/query): a
    /// title shortened just after a space kept the space, so the widget's own link read back as
    /// a different title.
    #[test]
    fn a_shortened_title_never_ends_in_a_space() {
        let long = format!("{}%20%20%20{}", "a".repeat(TITLE_LIMIT - 1), "b".repeat(40));
        let (o, n) = from_query(&format!("title={long}"));
        assert_eq!(o.title, Some("a".repeat(TITLE_LIMIT - 1)));
        assert_eq!(n, [Notice::LongTitle]);
    }
}
