//! What a chart looks like, as data: a pure layout from a chart's model and a width gives a
//! [`Scene`] (its height, the shapes to paint and the marks a reader can point at). Positions are
//! CSS pixels and colours are roles, so a scene is the same on any screen and in any theme; only
//! [`paint`](super::paint) turns it into device pixels and RGB.

use super::Mark;

/// What a colour means; the palette (from the page's CSS) says which RGB it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Ink,
    Muted,
    Grid,
    BandOuter,
    BandInner,
    Median,
    /// The reader's current choice and the estimate.
    Estimate,
    /// Bars and lines for published figures.
    Bar,
    /// The chart background: outline-only marks and halos behind text.
    Background,
    /// Shade `0..=4` of a sequential ramp from `BandOuter` (lowest) to `Median` (highest).
    Ramp(u8),
}

/// A stroke: colour, width in CSS pixels, and dashes (dash, gap) if not solid.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Stroke {
    pub role: Role,
    pub width: f64,
    pub dash: Option<(f64, f64)>,
}

impl Stroke {
    pub const fn solid(role: Role, width: f64) -> Self {
        Stroke {
            role,
            width,
            dash: None,
        }
    }

    pub const fn dashed(role: Role, width: f64, dash: f64, gap: f64) -> Self {
        Stroke {
            role,
            width,
            dash: Some((dash, gap)),
        }
    }
}

/// Where a text's anchor point is, horizontally.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    Left,
    Centre,
    Right,
}

/// Where a text's anchor point is, vertically.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Baseline {
    Top,
    Middle,
    Bottom,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Weight {
    Normal,
    Bold,
    Italic,
}

/// How a text is set: size in CSS pixels, colour, anchor and weight.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Font {
    pub size: f64,
    pub role: Role,
    pub align: Align,
    pub baseline: Baseline,
    pub weight: Weight,
}

impl Font {
    /// Normal-weight text of `size` in `role`, anchored at `align` and `baseline`.
    pub const fn new(size: f64, role: Role, align: Align, baseline: Baseline) -> Self {
        Font {
            size,
            role,
            align,
            baseline,
            weight: Weight::Normal,
        }
    }

    pub const fn weight(self, weight: Weight) -> Self {
        Font { weight, ..self }
    }

    pub const fn sized(self, size: f64) -> Self {
        Font { size, ..self }
    }

    pub const fn role(self, role: Role) -> Self {
        Font { role, ..self }
    }

    pub const fn align(self, align: Align) -> Self {
        Font { align, ..self }
    }

    pub const fn baseline(self, baseline: Baseline) -> Self {
        Font { baseline, ..self }
    }

    /// Left and right edges of `text` set in this font at `x` (estimated, generously).
    pub fn extent(&self, text: &str, x: f64) -> (f64, f64) {
        let width = super::text::width(text, self);
        match self.align {
            Align::Left => (x, x + width),
            Align::Centre => (x - width / 2.0, x + width / 2.0),
            Align::Right => (x - width, x),
        }
    }
}

/// One shape, in CSS pixels.
#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    /// A rectangle from corner to corner, filled, outlined or both.
    Rect {
        from: (f64, f64),
        to: (f64, f64),
        fill: Option<Role>,
        stroke: Option<Stroke>,
    },
    /// An open line through the points.
    Line {
        points: Vec<(f64, f64)>,
        stroke: Stroke,
    },
    /// A filled polygon.
    Area { points: Vec<(f64, f64)>, fill: Role },
    Circle {
        x: f64,
        y: f64,
        radius: f64,
        fill: Option<Role>,
        stroke: Option<Stroke>,
    },
    Text {
        x: f64,
        y: f64,
        text: String,
        font: Font,
    },
}

/// A chart laid out at one width: what to paint, how tall, and what a reader can point at.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Scene {
    pub width: f64,
    pub height: f64,
    pub items: Vec<Item>,
    pub marks: Vec<Mark>,
}

impl Scene {
    /// An empty scene `width` CSS pixels wide, for a layout to fill.
    pub fn new(width: f64) -> Self {
        Scene {
            width,
            ..Scene::default()
        }
    }

    /// A rectangle from corner to corner, filled, outlined or both.
    pub fn boxed(
        &mut self,
        from: (f64, f64),
        to: (f64, f64),
        fill: Option<Role>,
        stroke: Option<Stroke>,
    ) {
        let rect = Item::Rect {
            from,
            to,
            fill,
            stroke,
        };
        self.items.push(rect);
    }

    pub fn rect(&mut self, from: (f64, f64), to: (f64, f64), fill: Role) {
        self.boxed(from, to, Some(fill), None);
    }

    pub fn line(&mut self, points: Vec<(f64, f64)>, stroke: Stroke) {
        self.items.push(Item::Line { points, stroke });
    }

    /// A straight segment.
    pub fn segment(&mut self, from: (f64, f64), to: (f64, f64), stroke: Stroke) {
        self.line(vec![from, to], stroke);
    }

    pub fn area(&mut self, points: Vec<(f64, f64)>, fill: Role) {
        self.items.push(Item::Area { points, fill });
    }

    pub fn circle(&mut self, (x, y): (f64, f64), radius: f64, fill: Role) {
        self.items.push(Item::Circle {
            x,
            y,
            radius,
            fill: Some(fill),
            stroke: None,
        });
    }

    pub fn ring(&mut self, (x, y): (f64, f64), radius: f64, stroke: Stroke) {
        self.items.push(Item::Circle {
            x,
            y,
            radius,
            fill: None,
            stroke: Some(stroke),
        });
    }

    pub fn text(&mut self, (x, y): (f64, f64), text: impl Into<String>, font: Font) {
        self.items.push(Item::Text {
            x,
            y,
            text: text.into(),
            font,
        });
    }

    /// Every text in painting order, with where it is and how it is set.
    pub fn texts(&self) -> impl Iterator<Item = (&str, (f64, f64), &Font)> {
        self.items.iter().filter_map(|item| match item {
            Item::Text { x, y, text, font } => Some((text.as_str(), (*x, *y), font)),
            _ => None,
        })
    }

    /// The first text that reads exactly `wanted`.
    pub fn find_text(&self, wanted: &str) -> Option<((f64, f64), &Font)> {
        self.texts()
            .find(|(text, _, _)| *text == wanted)
            .map(|(_, at, font)| (at, font))
    }

    /// Every filled shape's colour role and bounding box `[left, top, right, bottom]`, in
    /// painting order.
    pub fn fills(&self) -> Vec<(Role, [f64; 4])> {
        let bounds = |points: &[(f64, f64)]| {
            points.iter().fold(
                [
                    f64::INFINITY,
                    f64::INFINITY,
                    f64::NEG_INFINITY,
                    f64::NEG_INFINITY,
                ],
                |[l, t, r, b], p| [l.min(p.0), t.min(p.1), r.max(p.0), b.max(p.1)],
            )
        };
        self.items
            .iter()
            .filter_map(|item| match item {
                Item::Rect {
                    from,
                    to,
                    fill: Some(role),
                    ..
                } => Some((*role, bounds(&[*from, *to]))),
                Item::Area { points, fill } => Some((*fill, bounds(points))),
                Item::Circle {
                    x,
                    y,
                    radius,
                    fill: Some(role),
                    ..
                } => Some((*role, [x - radius, y - radius, x + radius, y + radius])),
                _ => None,
            })
            .collect()
    }

    /// Texts that reach outside the scene's width (with `slack` pixels allowed): none should.
    pub fn texts_outside(&self, slack: f64) -> Vec<String> {
        self.texts()
            .filter(|(text, (x, _), font)| {
                let (left, right) = font.extent(text, *x);
                left < -slack || right > self.width + slack
            })
            .map(|(text, _, _)| text.to_string())
            .collect()
    }
}
