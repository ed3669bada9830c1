//! Text width without asking the browser. plotters' web font backend measures each string by
//! appending a `<span>` to the page and forcing a layout — far too slow for charts redrawn on
//! every input — so charts estimate widths from character classes instead. The estimate is
//! deliberately generous (DejaVu Sans, the widest common sans-serif, is the reference), so label
//! placement based on it never lets real text overlap.

/// Estimated width of `text` drawn by plotters with a font of `requested` size. The canvas
/// backend draws at exactly that many pixels (the SVG backend at 1/1.24 of it, so SVG text is
/// smaller still and the estimate stays safe there too).
pub fn plotters_width(text: &str, requested: f64) -> f64 {
    approx_width(text, requested)
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
