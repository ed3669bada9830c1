//! Text width without asking the browser. plotters' web font backend measures each string by
//! appending a `<span>` to the page and forcing a layout — far too slow for charts redrawn on
//! every input — so charts estimate widths from character classes instead. The estimate is
//! deliberately generous (DejaVu Sans, the widest common sans-serif, is the reference), so label
//! placement based on it never lets real text overlap.

use super::scene::{Font, Weight};

/// Bold text runs about a tenth wider than regular.
const BOLD_WIDTH: f64 = 1.1;

/// Estimated width of `text` set in `font`, bold allowed for. The canvas draws plotters text at
/// exactly the requested size (the SVG backend at 1/1.24 of it, so SVG text is smaller still and
/// the estimate stays safe there too).
pub fn width(text: &str, font: &Font) -> f64 {
    let regular = approx_width(text, font.size);
    match font.weight {
        Weight::Bold => regular * BOLD_WIDTH,
        Weight::Normal | Weight::Italic => regular,
    }
}

/// Where to centre a text `text_width` wide that wants to be centred on `x`, so it stays whole
/// inside a canvas `canvas_width` wide with `margin` to spare at each edge.
pub fn keep_inside(x: f64, text_width: f64, canvas_width: f64, margin: f64) -> f64 {
    let half = text_width / 2.0 + margin;
    x.clamp(half, (canvas_width - half).max(half))
}

/// Splits `text` between words into lines no wider than `max` in `font` (a word longer than a
/// line gets a line of its own).
pub fn wrap(text: &str, font: &Font, max: f64) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if width(&format!("{line} {word}"), font) <= max => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines
}

/// Estimated width in pixels of `text` set at `font_px` pixels in a sans-serif face.
pub fn approx_width(text: &str, font_px: f64) -> f64 {
    let ems: f64 = text.chars().map(char_em).sum();
    ems * font_px
}

/// Advance width of one character in ems (DejaVu Sans, rounded up).
fn char_em(c: char) -> f64 {
    match c {
        'i' | 'j' | 'l' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' => 0.3,
        ' ' | '(' | ')' | '[' | ']' | 'f' | 't' | 'r' | '–' | '-' => 0.4,
        '0'..='9' | '$' | '%' | '+' | '−' | '×' | '#' => 0.64,
        'm' | 'w' | 'M' | 'W' | '@' => 0.98,
        'A'..='Z' => 0.75,
        _ => 0.62,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::scene::{Align, Baseline, Role};

    const FONT: Font = Font::new(13.0, Role::Ink, Align::Left, Baseline::Top);

    #[test]
    fn wrapping_breaks_between_words_within_the_width() {
        let lines = wrap(
            "Employment Projections 2024–34 for the nation",
            &FONT,
            150.0,
        );
        assert!(lines.len() > 1, "{lines:?}");
        assert!(lines.iter().all(|l| width(l, &FONT) <= 150.0));
        assert_eq!(
            lines.join(" "),
            "Employment Projections 2024–34 for the nation"
        );
        assert_eq!(wrap("Supercalifragilistic", &FONT, 10.0).len(), 1);
    }

    #[test]
    fn bold_measures_wider_and_kept_texts_stay_whole() {
        let bold = FONT.weight(Weight::Bold);
        assert!(width("New Jersey", &bold) > width("New Jersey", &FONT));
        assert_eq!(keep_inside(2.0, 40.0, 300.0, 1.0), 21.0);
        assert_eq!(keep_inside(299.0, 40.0, 300.0, 1.0), 279.0);
        assert_eq!(keep_inside(150.0, 40.0, 300.0, 1.0), 150.0);
    }

    #[test]
    fn wider_strings_measure_wider() {
        assert!(approx_width("$35,900", 12.0) > approx_width("10th", 12.0));
        assert_eq!(approx_width("", 12.0), 0.0);
        assert!((approx_width("00", 10.0) - 12.8).abs() < 1e-9);
    }

    #[test]
    fn generous_against_a_known_rendering() {
        // "$35,900" in DejaVu Sans at 12 px is 49 px wide; the estimate must not be smaller.
        assert!(approx_width("$35,900", 12.0) >= 49.0);
    }
}
