//! Links and embed snippets that reproduce the current view: the query string (inputs and
//! options, the same names the loader takes as `data-` attributes), the widget's base URL, and the
//! two snippets of the "Embed this" panel. Pure, so tests read exactly what a host would paste.

use crate::estimator::{IndustryChoice, Inputs};
use crate::options::{Options, Section, Theme};
use career_pack::AreaKind;

/// Height given to a plain iframe: without the loader nothing resizes it, so it must hold the
/// whole widget at phone width (every section at 390 px measured 6,930 px).
pub const PLAIN_IFRAME_HEIGHT: u32 = 7000;

/// The query parameters for `inputs` and every option that differs from its default, in a fixed
/// order: (name, value) pairs, not yet encoded.
pub fn parameters(inputs: &Inputs, options: &Options) -> Vec<(&'static str, String)> {
    let mut params = options.subject.parameters();
    params.extend([
        ("place", place_value(inputs)),
        ("industry", industry_value(inputs)),
        ("years", inputs.years.to_string()),
    ]);
    if options.sections != Section::ALL {
        let ids: Vec<&str> = options.sections.iter().map(|s| s.id()).collect();
        params.push(("sections", ids.join(",")));
    }
    if let Some(accent) = &options.accent {
        params.push(("accent", accent.hex.clone()));
    }
    if options.theme != Theme::Auto {
        params.push(("dark", options.theme.value().to_string()));
    }
    if let Some(lang) = options.lang {
        params.push(("lang", lang.code().to_string()));
    }
    if let Some(title) = &options.title {
        params.push(("title", title.clone()));
    }
    params
}

/// The `place` value a reader can read: `US`, a USPS code, or a metro's 5-digit code (its
/// 7-digit OEWS code when it has leading digits, as nonmetropolitan areas do).
pub fn place_value(inputs: &Inputs) -> String {
    let place = inputs.place;
    match place.kind {
        AreaKind::National => "US".to_string(),
        AreaKind::State => crate::career::state_code(place.state_fips)
            .map_or_else(|| place.code.to_string(), |s| s.usps.to_string()),
        AreaKind::Metro if place.code.0 < 100_000 => format!("{:05}", place.code.0),
        AreaKind::Metro => place.code.to_string(),
    }
}

/// `all` or the six-character OEWS industry code.
pub fn industry_value(inputs: &Inputs) -> String {
    match inputs.industry {
        IndustryChoice::All => "all".to_string(),
        IndustryChoice::Industry(i) => i.code.to_string(),
    }
}

/// `query` (with or without its `?`) with `show=` set to `soc`, or removed when `soc` is `None`
/// (the first career is shown without it); every other parameter kept as it was.
pub fn with_show(query: &str, soc: Option<&str>) -> String {
    let add: Vec<(&str, &str)> = soc.map(|soc| ("show", soc)).into_iter().collect();
    replacing(query, &["show"], &add)
}

/// `query` for another career alone (a related career's link): the page's careers and program
/// dropped, `career=soc` added; the place, years and options kept.
pub fn with_career(query: &str, soc: &str) -> String {
    replacing(
        query,
        &[
            "career", "careers", "soc", "program", "cip", "show", "industry",
        ],
        &[("career", soc)],
    )
}

/// `query` without the parameters named in `drop`, with `add` appended (values encoded).
fn replacing(query: &str, drop: &[&str], add: &[(&str, &str)]) -> String {
    let mut kept: Vec<String> = query
        .trim_start_matches('?')
        .split('&')
        .filter(|pair| !pair.is_empty())
        .filter(|pair| {
            !drop
                .iter()
                .any(|name| pair.split('=').next() == Some(*name))
        })
        .map(str::to_string)
        .collect();
    kept.extend(
        add.iter()
            .map(|(name, value)| format!("{name}={}", encode(value))),
    );
    kept.join("&")
}

/// `place=NJ&industry=all&years=5&accent=%237a1f5c`.
pub fn to_query(inputs: &Inputs, options: &Options) -> String {
    parameters(inputs, options)
        .into_iter()
        .map(|(name, value)| format!("{name}={}", encode(&value)))
        .collect::<Vec<_>>()
        .join("&")
}

/// The directory the widget is served from (`https://host/path/`), from the page's origin and
/// path, so snippets work wherever the widget is hosted, sub-paths included.
pub fn base_url(origin: &str, pathname: &str) -> String {
    let dir = match pathname.rfind('/') {
        Some(i) => &pathname[..=i],
        None => "/",
    };
    format!("{origin}{dir}")
}

/// The one-line loader snippet: a placeholder `div` with the options as `data-` attributes, and
/// the script that turns it into a self-sizing iframe.
pub fn loader_snippet(base: &str, inputs: &Inputs, options: &Options) -> String {
    let attributes: String = parameters(inputs, options)
        .into_iter()
        .map(|(name, value)| format!(" data-{name}=\"{}\"", escape_attribute(&value)))
        .collect();
    format!(
        "<div data-career-widget{attributes}></div>\n<script src=\"{}embed.js\" async></script>",
        escape_attribute(base)
    )
}

/// A plain iframe for pages that allow no scripts (it cannot resize itself).
pub fn iframe_snippet(base: &str, inputs: &Inputs, options: &Options, title: &str) -> String {
    format!(
        "<iframe src=\"{}?{}\" title=\"{}\" width=\"100%\" height=\"{PLAIN_IFRAME_HEIGHT}\" \
         style=\"border:0\" loading=\"lazy\" referrerpolicy=\"no-referrer\" \
         sandbox=\"allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox\">\
         </iframe>",
        escape_attribute(base),
        escape_attribute(&to_query(inputs, options)),
        escape_attribute(title)
    )
}

/// Percent-encodes everything but unreserved characters (RFC 3986), so any title survives.
pub fn encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b',' => {
                out.push(char::from(byte))
            }
            _ => {
                const HEX: &[u8; 16] = b"0123456789ABCDEF";
                out.push('%');
                out.push(char::from(HEX[usize::from(byte >> 4)]));
                out.push(char::from(HEX[usize::from(byte & 15)]));
            }
        }
    }
    out
}

/// Escapes a value for a double-quoted HTML attribute.
fn escape_attribute(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config;
    use crate::options;

    fn parse(query: &str) -> (Inputs, Options) {
        let career = crate::career::current().expect("the compiled-in pack decodes");
        let (inputs, _) = config::from_query(query, career).expect("a national row");
        (inputs, options::from_query(query).0)
    }

    #[test]
    fn a_query_round_trips() {
        let query = "state=nj&industry=legal-services&years=12&sections=states,estimator\
                     &accent=%237A1F5C&dark=true&title=HIT%20%26%20%22pay%22";
        let (inputs, options) = parse(query);
        let written = to_query(&inputs, &options);
        assert_eq!(
            written,
            "place=NJ&industry=541100&years=12&sections=states,estimator\
             &accent=%237a1f5c&dark=true&title=HIT%20%26%20%22pay%22"
        );
        assert_eq!(parse(&written), (inputs, options));
        for place in ["35620", "0100001", "PR", "US"] {
            let (inputs, options) = parse(&format!("place={place}"));
            assert!(to_query(&inputs, &options).starts_with(&format!("place={place}&")));
        }
    }

    #[test]
    fn the_careers_asked_for_lead_the_query() {
        let (inputs, options) = parse("program=510707&career=29-2071,31-9092.00&show=31-9092");
        let written = to_query(&inputs, &options);
        assert_eq!(
            written,
            "program=51.0707&career=29-2072,31-9092&show=31-9092&place=US&industry=all&years=0"
        );
        assert_eq!(parse(&written), (inputs, options));
        let (inputs, options) = parse("career=29-2072");
        assert_eq!(to_query(&inputs, &options), "place=US&industry=all&years=0");
    }

    #[test]
    fn showing_another_career_changes_only_show() {
        let query = "?program=51.0707&place=NJ&show=29-9021&title=a%26b";
        assert_eq!(
            with_show(query, Some("31-9092")),
            "program=51.0707&place=NJ&title=a%26b&show=31-9092"
        );
        assert_eq!(
            with_show(query, None),
            "program=51.0707&place=NJ&title=a%26b"
        );
        assert_eq!(with_show("", Some("29-9021")), "show=29-9021");
        assert_eq!(
            with_career(
                "?program=51.0707&place=NJ&industry=622000&show=29-9021&dark=true",
                "31-9092"
            ),
            "place=NJ&dark=true&career=31-9092"
        );
    }

    #[test]
    fn defaults_write_only_the_inputs() {
        let (inputs, options) = parse("");
        assert_eq!(to_query(&inputs, &options), "place=US&industry=all&years=0");
    }

    #[test]
    fn the_base_is_the_directory_the_widget_is_served_from() {
        assert_eq!(base_url("https://x.edu", "/"), "https://x.edu/");
        assert_eq!(
            base_url("https://x.edu", "/tools/pay/index.html"),
            "https://x.edu/tools/pay/"
        );
        assert_eq!(
            base_url("https://x.edu", "/tools/pay/"),
            "https://x.edu/tools/pay/"
        );
        assert_eq!(base_url("https://x.edu", ""), "https://x.edu/");
    }

    #[test]
    fn snippets_carry_the_options_and_escape_them() {
        let (inputs, options) = parse("place=TX&years=5&title=%22A%22%20%3Cb%3E&dark=false");
        let loader = loader_snippet("https://x.edu/pay/", &inputs, &options);
        assert_eq!(
            loader,
            "<div data-career-widget data-place=\"TX\" data-industry=\"all\" data-years=\"5\" \
             data-dark=\"false\" data-title=\"&quot;A&quot; &lt;b&gt;\"></div>\n\
             <script src=\"https://x.edu/pay/embed.js\" async></script>"
        );
        let iframe = iframe_snippet("https://x.edu/pay/", &inputs, &options, "Pay \"widget\"");
        assert!(iframe.starts_with(
            "<iframe src=\"https://x.edu/pay/?place=TX&amp;industry=all&amp;years=5&amp;dark=false&amp;title=%22A%22%20%3Cb%3E\""
        ), "{iframe}");
        assert!(iframe.contains("title=\"Pay &quot;widget&quot;\""));
    }
}
