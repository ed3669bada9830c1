//! A [`Scene`] as SVG markup, for the prerendered first view (`crate::prerender`): the chart a
//! reader sees before the wasm has run, drawn from the same scene the canvas paints. Colours stay
//! roles (classes the prerender stylesheet maps to the `--cpw-chart-*` properties), so the theme
//! and a host's colours apply as they do on the canvas. Native only: the wasm paints canvases.

use super::scene::{Align, Baseline, Font, Item, Role, Scene, Stroke, Weight};
use std::fmt::Write;

/// `scene` as an `<svg>` element of class `class`, `scene.width` × `scene.height` CSS pixels
/// scaled to its box (`viewBox`), hidden from assistive technology (the canvas it stands in for
/// carries the chart's description). Written small, as every reader of the first view downloads
/// and parses it: what SVG or the stylesheet gives by default (no fill, a 1 px stroke, the
/// scene's most common font size, set once on the element) is left out, and text's anchor,
/// baseline and weight are short classes ([`stylesheet`]).
pub fn svg(scene: &Scene, class: &str) -> String {
    let mut out = String::with_capacity(48 * scene.items.len() + 128);
    let font_size = common_font_size(scene);
    let _ = write!(
        out,
        r#"<svg class="{class}" viewBox="0 0 {} {}" font-size="{}" aria-hidden="true">"#,
        number(scene.width),
        number(scene.height),
        number(font_size)
    );
    let mut rest = scene.items.as_slice();
    while let Some(item) = rest.first() {
        let taken = match item {
            Item::Line { stroke, .. } => {
                let run = rest
                    .iter()
                    .take_while(|next| matches!(next, Item::Line { stroke: s, .. } if s == stroke))
                    .count();
                write_lines(&mut out, &rest[..run], stroke);
                run
            }
            _ => {
                write_item(&mut out, item, font_size);
                1
            }
        };
        rest = &rest[taken..];
    }
    out.push_str("</svg>");
    out
}

/// The font size most of `scene`'s texts have (the canvas's 13 px when it has none).
fn common_font_size(scene: &Scene) -> f64 {
    let mut counts: Vec<(f64, usize)> = Vec::new();
    for item in &scene.items {
        if let Item::Text { font, .. } = item {
            match counts.iter_mut().find(|(size, _)| *size == font.size) {
                Some((_, n)) => *n += 1,
                None => counts.push((font.size, 1)),
            }
        }
    }
    counts
        .into_iter()
        .max_by_key(|&(_, n)| n)
        .map_or(13.0, |(size, _)| size)
}

fn write_item(out: &mut String, item: &Item, font_size: f64) {
    match item {
        Item::Rect {
            from,
            to,
            fill,
            stroke,
        } => {
            let (x, y) = (from.0.min(to.0), from.1.min(to.1));
            let (w, h) = ((to.0 - from.0).abs(), (to.1 - from.1).abs());
            let _ = write!(
                out,
                r#"<rect x="{}" y="{}" width="{}" height="{}""#,
                number(x),
                number(y),
                number(w),
                number(h)
            );
            paint_attributes(out, *fill, stroke.as_ref());
            out.push_str("/>");
        }
        // Drawn as paths (`write_lines`).
        Item::Line { .. } => {}
        Item::Area { points, fill } => {
            out.push_str(r#"<polygon points=""#);
            write_points(out, points);
            out.push('"');
            paint_attributes(out, Some(*fill), None);
            out.push_str("/>");
        }
        Item::Circle {
            x,
            y,
            radius,
            fill,
            stroke,
        } => {
            let _ = write!(
                out,
                r#"<circle cx="{}" cy="{}" r="{}""#,
                number(*x),
                number(*y),
                number(*radius)
            );
            paint_attributes(out, *fill, stroke.as_ref());
            out.push_str("/>");
        }
        Item::Text { x, y, text, font } => {
            let _ = write!(out, r#"<text x="{}" y="{}""#, number(*x), number(*y));
            text_attributes(out, font, font_size);
            out.push('>');
            escape_into(out, text);
            out.push_str("</text>");
        }
    }
}

/// A role's name in class names and in its `--cpw-chart-*` property (a ramp's shade is a mix of
/// two of them, as [`paint`](super::paint) mixes it).
fn role_name(role: Role) -> String {
    match role {
        Role::Ink => "ink".to_string(),
        Role::Muted => "muted".to_string(),
        Role::Grid => "grid".to_string(),
        Role::BandOuter => "band-outer".to_string(),
        Role::BandInner => "band-inner".to_string(),
        Role::Median => "median".to_string(),
        Role::Estimate => "estimate".to_string(),
        Role::Bar => "bar".to_string(),
        Role::Background => "background".to_string(),
        Role::Ramp(shade) => format!("ramp{}", shade.min(RAMP_LAST)),
    }
}

/// Every role but the ramp's shades.
const PLAIN_ROLES: [Role; 9] = [
    Role::Ink,
    Role::Muted,
    Role::Grid,
    Role::BandOuter,
    Role::BandInner,
    Role::Median,
    Role::Estimate,
    Role::Bar,
    Role::Background,
];

/// The last shade of [`Role::Ramp`].
const RAMP_LAST: u8 = 4;

/// The class naming a role's colour, `f` for a fill and `s` for a stroke.
fn role_class(prefix: char, role: Role) -> String {
    format!("{prefix}-{}", role_name(role))
}

/// The rules that colour drawings of class `class` by role from the page's `--cpw-chart-*`
/// properties (so a dark theme or a host's colours restyle them), in the widget's font.
pub fn stylesheet(class: &str) -> String {
    // No fill unless a shape has a fill class (fill is inherited), as the canvas fills nothing
    // unasked.
    let mut css = format!(".{class}{{font-family:var(--cpw-font);fill:none}}");
    for (name, rule) in TEXT_CLASSES {
        let _ = write!(css, ".{class} .{name}{{{rule}}}");
    }
    for role in PLAIN_ROLES {
        let name = role_name(role);
        let _ = write!(
            css,
            ".{class} .f-{name}{{fill:var(--cpw-chart-{name})}}\
             .{class} .s-{name}{{stroke:var(--cpw-chart-{name})}}"
        );
    }
    for shade in 0..=RAMP_LAST {
        let share = u32::from(shade) * 100 / u32::from(RAMP_LAST);
        let colour = format!(
            "color-mix(in srgb,var(--cpw-chart-band-outer),var(--cpw-chart-median) {share}%)"
        );
        let _ = write!(
            css,
            ".{class} .f-ramp{shade}{{fill:{colour}}}.{class} .s-ramp{shade}{{stroke:{colour}}}"
        );
    }
    css
}

fn paint_attributes(out: &mut String, fill: Option<Role>, stroke: Option<&Stroke>) {
    let classes: Vec<String> = (fill.map(|role| role_class('f', role)).into_iter())
        .chain(stroke.map(|stroke| role_class('s', stroke.role)))
        .collect();
    if !classes.is_empty() {
        let _ = write!(out, r#" class="{}""#, classes.join(" "));
    }
    if let Some(stroke) = stroke {
        if stroke.width != 1.0 {
            let _ = write!(out, r#" stroke-width="{}""#, number(stroke.width));
        }
        if let Some((dash, gap)) = stroke.dash {
            let _ = write!(
                out,
                r#" stroke-dasharray="{} {}""#,
                number(dash),
                number(gap)
            );
        }
    }
}

/// The classes that set a text's anchor (`a-`), baseline (`b-`) and weight or style (`w-`), with
/// their rules. The canvas's `top`, `middle` and `bottom` baselines are SVG's
/// `text-before-edge`, `central` and `text-after-edge`.
const TEXT_CLASSES: [(&str, &str); 7] = [
    ("a-m", "text-anchor:middle"),
    ("a-e", "text-anchor:end"),
    ("b-t", "dominant-baseline:text-before-edge"),
    ("b-c", "dominant-baseline:central"),
    ("b-b", "dominant-baseline:text-after-edge"),
    ("w-b", "font-weight:bold"),
    ("w-i", "font-style:italic"),
];

fn text_attributes(out: &mut String, font: &Font, font_size: f64) {
    let anchor = match font.align {
        Align::Left => "",
        Align::Centre => " a-m",
        Align::Right => " a-e",
    };
    let baseline = match font.baseline {
        Baseline::Top => " b-t",
        Baseline::Middle => " b-c",
        Baseline::Bottom => " b-b",
    };
    let weight = match font.weight {
        Weight::Normal => "",
        Weight::Bold => " w-b",
        Weight::Italic => " w-i",
    };
    let _ = write!(
        out,
        r#" class="{}{anchor}{baseline}{weight}""#,
        role_class('f', font.role)
    );
    if font.size != font_size {
        let _ = write!(out, r#" font-size="{}""#, number(font.size));
    }
}

/// `lines` (lines drawn with `stroke`, in painting order) as one `<path>`: grids and ticks are
/// hundreds of lines a chart, and one element each was most of the drawings' markup and of the
/// page's elements to lay out. (Rectangles stay `<rect>`s: as path data, brotli compressed them
/// less well, and bars alike rarely follow each other.)
fn write_lines(out: &mut String, lines: &[Item], stroke: &Stroke) {
    out.push_str(r#"<path d=""#);
    for line in lines {
        if let Item::Line { points, .. } = line {
            for (i, (x, y)) in points.iter().enumerate() {
                let command = if i == 0 { 'M' } else { 'L' };
                let _ = write!(out, "{command}{} {}", number(*x), number(*y));
            }
        }
    }
    out.push('"');
    paint_attributes(out, None, Some(stroke));
    out.push_str("/>");
}

fn write_points(out: &mut String, points: &[(f64, f64)]) {
    for (i, (x, y)) in points.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let _ = write!(out, "{},{}", number(*x), number(*y));
    }
}

/// A coordinate to a tenth of a pixel, without trailing zeros (`12`, `12.5`, `-0.3`).
fn number(value: f64) -> String {
    let tenths = (value * 10.0).round() as i64;
    let (sign, tenths) = if tenths < 0 {
        ("-", -tenths)
    } else {
        ("", tenths)
    };
    match tenths % 10 {
        0 => format!("{sign}{}", tenths / 10),
        fraction => format!("{sign}{}.{fraction}", tenths / 10),
    }
}

/// `text` with the characters markup gives meaning to escaped.
fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            _ => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{number, svg};
    use crate::charts::scene::{Align, Baseline, Font, Item, Role, Scene, Stroke, Weight};

    fn scene(items: Vec<Item>) -> Scene {
        Scene {
            height: 50.25,
            items,
            ..Scene::new(300.0)
        }
    }

    #[test]
    fn every_role_class_written_has_a_colour_rule() {
        let css = super::stylesheet("c");
        let shades = [Role::Ramp(0), Role::Ramp(2), Role::Ramp(9)];
        for role in super::PLAIN_ROLES.into_iter().chain(shades) {
            for prefix in ['f', 's'] {
                let class = super::role_class(prefix, role);
                assert!(css.contains(&format!(".c .{class}{{")), "{class}: {css}");
            }
        }
        assert!(css.contains(".c .f-bar{fill:var(--cpw-chart-bar)}"));
        assert!(css.contains(
            ".c .f-ramp1{fill:color-mix(in srgb,var(--cpw-chart-band-outer),var(--cpw-chart-median) 25%)}"
        ));
    }

    #[test]
    fn coordinates_are_written_to_a_tenth_of_a_pixel() {
        assert_eq!(number(12.0), "12");
        assert_eq!(number(12.46), "12.5");
        assert_eq!(number(-0.26), "-0.3");
        assert_eq!(number(-0.04), "0");
        assert_eq!(number(1234.97), "1235");
    }

    #[test]
    fn shapes_keep_their_geometry_and_roles() {
        let markup = svg(
            &scene(vec![
                Item::Rect {
                    from: (40.0, 30.0),
                    to: (10.0, 5.5),
                    fill: Some(Role::Bar),
                    stroke: Some(Stroke::dashed(Role::Estimate, 1.5, 4.0, 2.0)),
                },
                Item::Line {
                    points: vec![(0.0, 1.0), (2.25, 3.0)],
                    stroke: Stroke::solid(Role::Median, 2.0),
                },
                Item::Line {
                    points: vec![(7.0, 0.0), (7.0, 9.0)],
                    stroke: Stroke::solid(Role::Grid, 1.0),
                },
                Item::Line {
                    points: vec![(8.0, 0.0), (8.0, 9.0), (9.0, 9.0)],
                    stroke: Stroke::solid(Role::Grid, 1.0),
                },
                Item::Area {
                    points: vec![(0.0, 0.0), (1.0, 0.0), (1.0, 1.0)],
                    fill: Role::Ramp(7),
                },
                Item::Circle {
                    x: 5.0,
                    y: 6.0,
                    radius: 3.0,
                    fill: None,
                    stroke: Some(Stroke::solid(Role::Ink, 1.0)),
                },
            ]),
            "c",
        );
        assert!(markup.starts_with(
            r#"<svg class="c" viewBox="0 0 300 50.3" font-size="13" aria-hidden="true">"#
        ));
        assert!(markup.ends_with("</svg>"));
        assert!(
            markup.contains(
                r#"<rect x="10" y="5.5" width="30" height="24.5" class="f-bar s-estimate" stroke-width="1.5" stroke-dasharray="4 2"/>"#
            ),
            "corners in any order become a box: {markup}"
        );
        assert!(
            markup.contains(r#"<path d="M0 1L2.3 3" class="s-median" stroke-width="2"/>"#),
            "no fill unless asked: {markup}"
        );
        assert!(
            markup.contains(r#"<path d="M7 0L7 9M8 0L8 9L9 9" class="s-grid"/><polygon"#),
            "lines drawn alike one after another are one path: {markup}"
        );
        assert!(
            markup.contains(r#"<polygon points="0,0 1,0 1,1" class="f-ramp4"/>"#),
            "a ramp shade past the last is the last, as on the canvas: {markup}"
        );
        assert!(
            markup.contains(r#"<circle cx="5" cy="6" r="3" class="s-ink"/>"#),
            "SVG's own 1 px stroke: {markup}"
        );
    }

    #[test]
    fn text_is_escaped_and_anchored_as_on_the_canvas() {
        let markup = svg(
            &scene(vec![
                Item::Text {
                    x: 1.0,
                    y: 2.0,
                    text: "<b> & \"$51,140\"".to_string(),
                    font: Font::new(12.0, Role::Muted, Align::Right, Baseline::Middle)
                        .weight(Weight::Bold),
                },
                Item::Text {
                    x: 3.0,
                    y: 4.0,
                    text: "left".to_string(),
                    font: Font::new(11.0, Role::Ink, Align::Left, Baseline::Top),
                },
                Item::Text {
                    x: 5.0,
                    y: 6.0,
                    text: "centre".to_string(),
                    font: Font::new(11.0, Role::Ink, Align::Centre, Baseline::Bottom)
                        .weight(Weight::Italic),
                },
            ]),
            "c",
        );
        assert!(
            markup.contains(r#"font-size="11" aria-hidden"#),
            "the most common size is the element's: {markup}"
        );
        assert!(
            markup.contains(
                r#"<text x="1" y="2" class="f-muted a-e b-c w-b" font-size="12">&lt;b&gt; &amp; "$51,140"</text>"#
            ),
            "{markup}"
        );
        assert!(markup.contains(r#"<text x="3" y="4" class="f-ink b-t">left</text>"#));
        assert!(markup.contains(r#"<text x="5" y="6" class="f-ink a-m b-b w-i">centre</text>"#));
        let css = super::stylesheet("c");
        for (class, rule) in [
            ("a-e", "text-anchor:end"),
            ("b-c", "dominant-baseline:central"),
            ("w-i", "font-style:italic"),
        ] {
            assert!(
                css.contains(&format!(".c .{class}{{{rule}}}")),
                "{class}: {css}"
            );
        }
    }
}
