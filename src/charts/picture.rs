//! A chart as a picture to take away (the PNG download): its title above it, its legend and
//! source line below, in one scene, so the picture is never passed around without its source.

use super::scene::{Align, Baseline, Font, Item, Role, Scene, Stroke, Weight};
use super::text;

/// Space around the picture's edge and between its parts, in CSS pixels.
const PAD: f64 = 12.0;
const TITLE: Font = Font::new(16.0, Role::Ink, Align::Left, Baseline::Top).weight(Weight::Bold);
const LEGEND: Font = Font::new(12.0, Role::Ink, Align::Left, Baseline::Middle);
const SOURCE: Font = Font::new(11.0, Role::Muted, Align::Left, Baseline::Top);
/// A legend key's swatch, and the room after it.
const SWATCH: f64 = 12.0;
const SWATCH_GAP: f64 = 6.0;
const KEY_GAP: f64 = 16.0;
const LINE: f64 = 1.35;

/// `chart` (laid out at the picture's width) under `title`, with `legend` (each key's CSS class,
/// as the page's legend uses, and its label) and `source` below it, on the chart background.
pub fn framed(chart: &Scene, title: &str, legend: &[(&str, String)], source: &str) -> Scene {
    let width = chart.width;
    let inner = (width - 2.0 * PAD).max(1.0);
    let mut scene = Scene::new(width);
    let mut y = PAD;
    let mut body = Vec::new();
    for line in text::wrap(title, &TITLE, inner) {
        push_text(&mut body, (PAD, y), line, TITLE);
        y += TITLE.size * LINE;
    }
    y += PAD / 2.0;
    body.extend(chart.items.iter().map(|item| moved_down(item, y)));
    y += chart.height;
    if !legend.is_empty() {
        y += PAD / 2.0;
        let mut x = PAD;
        for (class, label) in legend {
            let needed = SWATCH + SWATCH_GAP + text::width(label, &LEGEND);
            if x > PAD && x + needed > width - PAD {
                x = PAD;
                y += LEGEND.size * LINE + 4.0;
            }
            let middle = y + LEGEND.size * LINE / 2.0;
            swatch(&mut body, class, (x, middle));
            push_text(
                &mut body,
                (x + SWATCH + SWATCH_GAP, middle),
                label.clone(),
                LEGEND,
            );
            x += needed + KEY_GAP;
        }
        y += LEGEND.size * LINE;
    }
    y += PAD / 2.0;
    for line in text::wrap(source, &SOURCE, inner) {
        push_text(&mut body, (PAD, y), line, SOURCE);
        y += SOURCE.size * LINE;
    }
    y += PAD;
    scene.rect((0.0, 0.0), (width, y), Role::Background);
    scene.items.extend(body);
    scene.height = y;
    scene
}

fn push_text(items: &mut Vec<Item>, (x, y): (f64, f64), text: String, font: Font) {
    items.push(Item::Text { x, y, text, font });
}

/// A legend key drawn as the page's stylesheet draws it (`.cpw-key-*`), centred at `y`.
fn swatch(items: &mut Vec<Item>, class: &str, (x, y): (f64, f64)) {
    let half = SWATCH / 2.0;
    let (cx, top, bottom) = (x + half, y - half, y + half);
    let block = |fill: Role, stroke: Option<Stroke>| Item::Rect {
        from: (x, y - 4.0),
        to: (x + SWATCH, y + 4.0),
        fill: Some(fill),
        stroke,
    };
    items.push(match class.strip_prefix("cpw-key-").unwrap_or(class) {
        "inner" => block(Role::BandInner, None),
        "outer" => block(Role::BandOuter, None),
        "filled" => block(Role::Bar, None),
        "selected" => block(Role::Estimate, None),
        "outlined" => block(Role::Background, Some(Stroke::solid(Role::Bar, 2.0))),
        "mean" => Item::Area {
            points: vec![(cx, y - 5.0), (cx + 5.0, y), (cx, y + 5.0), (cx - 5.0, y)],
            fill: Role::Ink,
        },
        "estimate" => Item::Area {
            points: vec![(x, y - 4.0), (x + SWATCH, y - 4.0), (cx, y + 4.0)],
            fill: Role::Estimate,
        },
        "median" => Item::Rect {
            from: (cx - 1.5, top),
            to: (cx + 1.5, bottom),
            fill: Some(Role::Median),
            stroke: None,
        },
        "reference" => Item::Line {
            points: vec![(cx, top), (cx, bottom)],
            stroke: Stroke::dashed(Role::Ink, 2.0, 3.0, 2.0),
        },
        _ => block(Role::Muted, None),
    });
}

/// `item` moved `dy` CSS pixels down.
fn moved_down(item: &Item, dy: f64) -> Item {
    let down = |(x, y): (f64, f64)| (x, y + dy);
    match item.clone() {
        Item::Rect {
            from,
            to,
            fill,
            stroke,
        } => Item::Rect {
            from: down(from),
            to: down(to),
            fill,
            stroke,
        },
        Item::Line { points, stroke } => Item::Line {
            points: points.into_iter().map(down).collect(),
            stroke,
        },
        Item::Area { points, fill } => Item::Area {
            points: points.into_iter().map(down).collect(),
            fill,
        },
        Item::Circle {
            x,
            y,
            radius,
            fill,
            stroke,
        } => Item::Circle {
            x,
            y: y + dy,
            radius,
            fill,
            stroke,
        },
        Item::Text { x, y, text, font } => Item::Text {
            x,
            y: y + dy,
            text,
            font,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chart() -> Scene {
        let mut chart = Scene::new(400.0);
        chart.height = 200.0;
        chart.rect((10.0, 20.0), (30.0, 180.0), Role::Bar);
        chart.text((50.0, 100.0), "$51,140", LEGEND);
        chart
    }

    #[test]
    fn the_picture_carries_its_title_legend_and_source_around_the_chart() {
        let source = "Source: U.S. Bureau of Labor Statistics, OEWS May 2025, SOC 29-2072, \
                      national. https://www.bls.gov/oes/current/oes292072.htm";
        let legend = [
            ("cpw-key-filled".to_string(), "Published".to_string()),
            ("cpw-key-estimate".to_string(), "Your estimate".to_string()),
        ];
        let legend: Vec<(&str, String)> = legend
            .iter()
            .map(|(c, l)| (c.as_str(), l.clone()))
            .collect();
        let picture = framed(&chart(), "Pay by state", &legend, source);
        let (title_at, _) = picture.find_text("Pay by state").expect("the title");
        let (figure_at, _) = picture.find_text("$51,140").expect("the chart's own text");
        let (key_at, _) = picture.find_text("Your estimate").expect("the legend");
        let source_text: Vec<&str> = picture
            .texts()
            .filter(|(_, _, font)| **font == SOURCE)
            .map(|(text, _, _)| text)
            .collect();
        assert!(
            source_text.join(" ").contains("SOC 29-2072"),
            "{source_text:?}"
        );
        assert!(
            source_text.len() >= 2,
            "a long source wraps: {source_text:?}"
        );
        let (_, source_at, _) = picture
            .texts()
            .find(|(_, _, font)| **font == SOURCE)
            .expect("a source line");
        assert!(title_at.1 < figure_at.1 && figure_at.1 < key_at.1 && key_at.1 < source_at.1);
        assert!(picture.height > 200.0 + TITLE.size + SOURCE.size * 2.0);
        assert!(
            picture.texts_outside(0.0).is_empty(),
            "{:?}",
            picture.texts_outside(0.0)
        );
        // The background covers the whole picture, under everything else.
        assert_eq!(
            picture.items.first(),
            Some(&Item::Rect {
                from: (0.0, 0.0),
                to: (400.0, picture.height),
                fill: Some(Role::Background),
                stroke: None,
            })
        );
    }

    #[test]
    fn the_chart_moves_down_whole() {
        let picture = framed(&chart(), "T", &[], "S");
        let bar = picture
            .items
            .iter()
            .find_map(|item| match item {
                Item::Rect {
                    from,
                    to,
                    fill: Some(Role::Bar),
                    ..
                } => Some((*from, *to)),
                _ => None,
            })
            .expect("the chart's bar");
        let (label, _) = picture.find_text("$51,140").unwrap();
        assert_eq!(bar.1 .1 - bar.0 .1, 160.0, "the bar keeps its height");
        assert_eq!(
            label.1 - bar.0 .1,
            80.0,
            "and its place against the chart's text"
        );
    }
}
