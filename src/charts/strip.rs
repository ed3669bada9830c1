//! The percentile strip, a kit part shared by the distribution and the comparison: the 10th–90th
//! band (half height, outlined so its faint fill still shows its extent), the 25th–75th band, the
//! median as a heavy tick and the mean as a diamond with a halo (so it stays visible on the
//! median).

use super::scale::LinearScale;
use super::scene::{Role, Scene, Stroke};

/// How far the median tick reaches above and below the strip, in CSS pixels.
pub const MEDIAN_OVERHANG: f64 = 4.0;
/// Half the mean diamond's diagonal.
const MEAN_SIZE: f64 = 6.0;
/// The halo around the mean diamond.
const MEAN_HALO: f64 = 1.5;

/// The strip's colours: the reader's occupation in the chart's blues, the others in greys with
/// grey outlines (3:1), so the eye goes to the first while every band stays visible.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct StripColours {
    pub outer_fill: Role,
    pub outer_line: Role,
    pub inner_fill: Role,
    pub inner_line: Role,
    pub median: Role,
}

pub const EMPHASISED: StripColours = StripColours {
    outer_fill: Role::BandOuter,
    outer_line: Role::BandInner,
    inner_fill: Role::BandInner,
    inner_line: Role::BandInner,
    median: Role::Median,
};

pub const MUTED: StripColours = StripColours {
    outer_fill: Role::Grid,
    outer_line: Role::Muted,
    inner_fill: Role::BandOuter,
    inner_line: Role::Muted,
    median: Role::Ink,
};

/// Lays a strip between `top` and `bottom` for the 10th, 25th, 50th, 75th and 90th percentiles
/// (in that order) and the mean, placed by `x`.
pub fn percentile_strip(
    scene: &mut Scene,
    x: &LinearScale,
    percentiles: [f64; 5],
    mean: f64,
    (top, bottom): (f64, f64),
    colours: StripColours,
) {
    let [p10, p25, p50, p75, p90] = percentiles.map(|v| x.px(v));
    let mid = (top + bottom) / 2.0;
    let quarter = (bottom - top) / 4.0;
    let hairline = |role| Some(Stroke::solid(role, 1.0));
    for (x0, y0, x1, y1, fill, line) in [
        (
            p10,
            mid - quarter,
            p90,
            mid + quarter,
            colours.outer_fill,
            colours.outer_line,
        ),
        (
            p25,
            top,
            p75,
            bottom,
            colours.inner_fill,
            colours.inner_line,
        ),
    ] {
        scene.boxed((x0, y0), (x1, y1), Some(fill), hairline(line));
    }
    scene.segment(
        (p50, top - MEDIAN_OVERHANG),
        (p50, bottom + MEDIAN_OVERHANG),
        Stroke::solid(colours.median, 3.0),
    );
    let mean = x.px(mean);
    let diamond = |d: f64| {
        vec![
            (mean, mid - d),
            (mean + d, mid),
            (mean, mid + d),
            (mean - d, mid),
        ]
    };
    scene.area(diamond(MEAN_SIZE + MEAN_HALO), Role::Background);
    scene.area(diamond(MEAN_SIZE), Role::Ink);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bands_nest_and_the_median_and_mean_sit_at_their_values() {
        let mut scene = Scene::new(300.0);
        let x = LinearScale::new((0.0, 100.0), (0.0, 300.0));
        percentile_strip(
            &mut scene,
            &x,
            [10.0, 25.0, 50.0, 75.0, 90.0],
            55.0,
            (20.0, 40.0),
            EMPHASISED,
        );
        let fills = scene.fills();
        assert_eq!(fills[0], (Role::BandOuter, [30.0, 25.0, 270.0, 35.0]));
        assert_eq!(fills[1], (Role::BandInner, [75.0, 20.0, 225.0, 40.0]));
        let (role, [left, _, right, _]) = fills[3];
        assert_eq!((role, (left + right) / 2.0), (Role::Ink, 165.0));
    }
}
