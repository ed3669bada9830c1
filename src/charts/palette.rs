//! Chart colours. The defaults match `styles/widget.css`; the browser reads the CSS custom
//! properties so a theme (or dark mode) restyles the canvas too.

use plotters::style::RGBColor;

/// Colours a chart draws with. Blue and orange stay distinct for the common colour-vision
/// deficiencies; every colour that carries meaning has at least 3:1 contrast with `background`
/// (WCAG 1.4.11), and text colours at least 4.5:1. The current choice (selected state, industry,
/// years, the estimate) is always `estimate` orange; figures not from a BLS file are drawn
/// outline-only, so standing is told by shape as well as colour.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Palette {
    pub ink: RGBColor,
    pub muted: RGBColor,
    pub grid: RGBColor,
    pub band_outer: RGBColor,
    pub band_inner: RGBColor,
    pub median: RGBColor,
    pub estimate: RGBColor,
    /// Bars and lines for published figures.
    pub bar: RGBColor,
    /// The chart background (for outline-only marks and halos behind text).
    pub background: RGBColor,
}

impl Default for Palette {
    fn default() -> Self {
        Palette {
            ink: RGBColor(0x1f, 0x29, 0x33),
            muted: RGBColor(0x52, 0x60, 0x6d),
            grid: RGBColor(0xd9, 0xe2, 0xec),
            band_outer: RGBColor(0xc6, 0xdb, 0xef),
            band_inner: RGBColor(0x3d, 0x8e, 0xc9),
            median: RGBColor(0x08, 0x30, 0x6b),
            estimate: RGBColor(0xb4, 0x3c, 0x00),
            bar: RGBColor(0x2b, 0x7b, 0xba),
            background: RGBColor(0xf5, 0xf7, 0xfa),
        }
    }
}

/// `#rrggbb` or `#rgb` (surrounding spaces allowed) to a colour.
pub fn parse_hex(text: &str) -> Option<RGBColor> {
    let hex = text.trim().strip_prefix('#')?;
    let digit = |i: usize| u8::from_str_radix(hex.get(i..i + 1)?, 16).ok();
    match hex.len() {
        3 => Some(RGBColor(digit(0)? * 17, digit(1)? * 17, digit(2)? * 17)),
        6 => {
            let byte = |i: usize| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok();
            Some(RGBColor(byte(0)?, byte(2)?, byte(4)?))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_css_hex_colours() {
        assert_eq!(parse_hex(" #b43c00"), Some(RGBColor(0xb4, 0x3c, 0x00)));
        assert_eq!(parse_hex("#fff"), Some(RGBColor(255, 255, 255)));
        assert_eq!(parse_hex("red"), None);
        assert_eq!(parse_hex("#12345"), None);
        assert_eq!(parse_hex("#ggg"), None);
    }
}
