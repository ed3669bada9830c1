//! The one painter: draws any [`Scene`] onto any plotters `DrawingBackend` (a canvas in the
//! browser, SVG in native tests) at `scale` device pixels per CSS pixel, colours from a
//! [`Palette`]. Charts never call plotters themselves.

use super::palette::Palette;
use super::scene::{Align, Baseline, Font, Item, Role, Scene, Stroke, Weight};
use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

impl Palette {
    /// The colour a role stands for in this palette.
    pub fn colour(&self, role: Role) -> RGBColor {
        match role {
            Role::Ink => self.ink,
            Role::Muted => self.muted,
            Role::Grid => self.grid,
            Role::BandOuter => self.band_outer,
            Role::BandInner => self.band_inner,
            Role::Median => self.median,
            Role::Estimate => self.estimate,
            Role::Bar => self.bar,
            Role::Background => self.background,
            Role::Ramp(shade) => mix(self.band_outer, self.median, f64::from(shade.min(4)) / 4.0),
        }
    }
}

/// `share` of the way from `from` to `to`, per channel.
fn mix(from: RGBColor, to: RGBColor, share: f64) -> RGBColor {
    let channel =
        |a: u8, b: u8| (f64::from(a) + (f64::from(b) - f64::from(a)) * share).round() as u8;
    RGBColor(
        channel(from.0, to.0),
        channel(from.1, to.1),
        channel(from.2, to.2),
    )
}

/// Paints `scene` onto `area`.
pub fn paint<DB: DrawingBackend>(
    scene: &Scene,
    area: &DrawingArea<DB, Shift>,
    palette: &Palette,
    scale: f64,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let at = |(x, y): (f64, f64)| ((x * scale).round() as i32, (y * scale).round() as i32);
    // Never thinner than one device pixel, so hairlines survive a low pixel ratio.
    let width = |css: f64| (css * scale).round().max(1.0) as u32;
    let style = |stroke: &Stroke| {
        palette
            .colour(stroke.role)
            .stroke_width(width(stroke.width))
    };
    let path = |points: &[(f64, f64)]| points.iter().map(|p| at(*p)).collect::<Vec<_>>();
    for item in &scene.items {
        match item {
            Item::Rect {
                from,
                to,
                fill,
                stroke,
            } => {
                let corners = [at(*from), at(*to)];
                if let Some(role) = fill {
                    area.draw(&Rectangle::new(corners, palette.colour(*role).filled()))?;
                }
                if let Some(stroke) = stroke {
                    area.draw(&Rectangle::new(corners, style(stroke)))?;
                }
            }
            Item::Line { points, stroke } => match stroke.dash {
                None => area.draw(&PathElement::new(path(points), style(stroke)))?,
                Some((dash, gap)) => area.draw(&DashedPathElement::new(
                    path(points),
                    width(dash),
                    width(gap),
                    style(stroke),
                ))?,
            },
            Item::Area { points, fill } => {
                area.draw(&Polygon::new(path(points), palette.colour(*fill).filled()))?
            }
            Item::Circle {
                x,
                y,
                radius,
                fill,
                stroke,
            } => {
                let (centre, r) = (at((*x, *y)), (radius * scale).round() as u32);
                if let Some(role) = fill {
                    area.draw(&Circle::new(centre, r, palette.colour(*role).filled()))?;
                }
                if let Some(stroke) = stroke {
                    area.draw(&Circle::new(centre, r, style(stroke)))?;
                }
            }
            Item::Text { x, y, text, font } => area.draw(&Text::new(
                text.clone(),
                at((*x, *y)),
                text_style(font, palette, scale),
            ))?,
        }
    }
    Ok(())
}

fn text_style(font: &Font, palette: &Palette, scale: f64) -> TextStyle<'static> {
    let h = match font.align {
        Align::Left => HPos::Left,
        Align::Centre => HPos::Center,
        Align::Right => HPos::Right,
    };
    let v = match font.baseline {
        Baseline::Top => VPos::Top,
        Baseline::Middle => VPos::Center,
        Baseline::Bottom => VPos::Bottom,
    };
    let style = match font.weight {
        Weight::Normal => FontStyle::Normal,
        Weight::Bold => FontStyle::Bold,
        Weight::Italic => FontStyle::Italic,
    };
    (FontFamily::SansSerif, font.size * scale, style)
        .into_font()
        .color(&palette.colour(font.role))
        .pos(Pos::new(h, v))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::charts::scene::Stroke;

    /// Paints `scene` to SVG at `scale`.
    fn svg(scene: &Scene, scale: f64) -> String {
        let mut out = String::new();
        {
            let size = (
                (scene.width * scale) as u32,
                (scene.height * scale).max(1.0) as u32,
            );
            let area = SVGBackend::with_string(&mut out, size).into_drawing_area();
            paint(scene, &area, &Palette::default(), scale).expect("painted");
            area.present().expect("written");
        }
        out
    }

    #[test]
    fn roles_become_the_palette_colours_and_css_pixels_become_device_pixels() {
        let mut scene = Scene::new(100.0);
        scene.height = 50.0;
        scene.rect((10.0, 10.0), (30.0, 20.0), Role::Estimate);
        scene.segment((0.0, 40.0), (100.0, 40.0), Stroke::solid(Role::Grid, 1.0));
        scene.text(
            (50.0, 5.0),
            "$51,140",
            Font::new(13.0, Role::Ink, Align::Centre, Baseline::Top),
        );
        let doubled = svg(&scene, 2.0);
        assert!(
            doubled.contains(r##"x="20" y="20" width="40" height="20""##),
            "{doubled}"
        );
        assert!(doubled.to_uppercase().contains("#B43C00"), "{doubled}");
        assert!(doubled.to_uppercase().contains("#D9E2EC"), "{doubled}");
        assert!(doubled.contains("$51,140"), "{doubled}");
        assert!(!svg(&Scene::new(10.0), 1.0).contains("<rect"));
    }
}
