//! Pay at any percentile between the published ones, on a stated model.
//!
//! Model: between two neighbouring published percentiles the distribution is log-normal, i.e.
//! log(pay) is linear in the standard-normal quantile z = Φ⁻¹(p). The published points are
//! reproduced exactly, the curve is increasing, and wages' right skew is respected (a straight
//! line in dollars would not be). Outside the 10th–90th percentiles nothing is published, so the
//! model does not extrapolate: percentiles are clamped to that range.

use crate::figures::{WageStats, PERCENTILE_POINTS};

/// The lowest and highest percentiles BLS publishes; the model stays inside them.
pub const PUBLISHED_RANGE: (f64, f64) = (PERCENTILE_POINTS[0], PERCENTILE_POINTS[4]);

/// How a value at a percentile was obtained, for the explanation.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Interpolation {
    /// The percentile is one BLS publishes.
    Published,
    /// Log-normal between two published neighbours: (percentile, value) below and above.
    Between {
        below: (f64, f64),
        above: (f64, f64),
    },
}

/// Pay at `percentile` (clamped to 10–90) and how it was obtained.
pub fn value_at(stats: &WageStats, percentile: f64) -> (f64, Interpolation) {
    let p = if percentile.is_nan() {
        50.0
    } else {
        percentile.clamp(PUBLISHED_RANGE.0, PUBLISHED_RANGE.1)
    };
    let points = PERCENTILE_POINTS.iter().copied().zip(stats.percentiles);
    let mut below = (PERCENTILE_POINTS[0], stats.percentiles[0]);
    for (point, value) in points {
        if (point - p).abs() < 1e-9 {
            return (value, Interpolation::Published);
        }
        if point > p {
            let above = (point, value);
            return (
                log_normal_between(below, above, p),
                Interpolation::Between { below, above },
            );
        }
        below = (point, value);
    }
    (below.1, Interpolation::Published)
}

fn log_normal_between(below: (f64, f64), above: (f64, f64), p: f64) -> f64 {
    // BLS sometimes publishes two equal percentiles (pay bunched at one rate, e.g. Cape
    // Coral-Fort Myers' 10th and 25th, both $36,850). Between them the value is exactly that
    // rate, and the ln/exp round trip must not nudge it below (it would round to another $100).
    if below.1 == above.1 {
        return below.1;
    }
    let (z0, z1, z) = (
        normal_quantile(below.0 / 100.0),
        normal_quantile(above.0 / 100.0),
        normal_quantile(p / 100.0),
    );
    let t = (z - z0) / (z1 - z0);
    let (lo, hi) = (below.1.min(above.1), below.1.max(above.1));
    (below.1.ln() + t * (above.1.ln() - below.1.ln()))
        .exp()
        .clamp(lo, hi)
}

/// Φ⁻¹(p), the standard normal quantile, by Acklam's rational approximation (relative error below
/// 1.2e-9, far finer than the dollar rounding of the output). `p` must be in (0, 1).
pub fn normal_quantile(p: f64) -> f64 {
    const A: [f64; 6] = [
        -3.969_683_028_665_376e1,
        2.209_460_984_245_205e2,
        -2.759_285_104_469_687e2,
        1.383_577_518_672_69e2,
        -3.066_479_806_614_716e1,
        2.506_628_277_459_239,
    ];
    const B: [f64; 5] = [
        -5.447_609_879_822_406e1,
        1.615_858_368_580_409e2,
        -1.556_989_798_598_866e2,
        6.680_131_188_771_972e1,
        -1.328_068_155_288_572e1,
    ];
    const C: [f64; 6] = [
        -7.784_894_002_430_293e-3,
        -3.223_964_580_411_365e-1,
        -2.400_758_277_161_838,
        -2.549_732_539_343_734,
        4.374_664_141_464_968,
        2.938_163_982_698_783,
    ];
    const D: [f64; 4] = [
        7.784_695_709_041_462e-3,
        3.224_671_290_700_398e-1,
        2.445_134_137_142_996,
        3.754_408_661_907_416,
    ];
    const LOW: f64 = 0.024_25;
    let tail = |q: f64| {
        (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
            / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1.0)
    };
    if p < LOW {
        tail((-2.0 * p.ln()).sqrt())
    } else if p > 1.0 - LOW {
        -tail((-2.0 * (1.0 - p).ln()).sqrt())
    } else {
        let q = p - 0.5;
        let r = q * q;
        (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q
            / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::figures::FIGURES;

    fn may_2014() -> WageStats {
        FIGURES.national(2014).map(|d| d.annual).expect("May 2014")
    }

    #[test]
    fn quantile_matches_known_values() {
        assert!(normal_quantile(0.5).abs() < 1e-9);
        assert!((normal_quantile(0.9) - 1.281_551_565_5).abs() < 1e-8);
        assert!((normal_quantile(0.25) + 0.674_489_750_2).abs() < 1e-8);
        assert!((normal_quantile(0.01) + 2.326_347_874).abs() < 1e-8);
    }

    #[test]
    fn published_percentiles_come_back_exactly() {
        let stats = may_2014();
        for (p, v) in PERCENTILE_POINTS.iter().zip(stats.percentiles) {
            assert_eq!(value_at(&stats, *p), (v, Interpolation::Published));
        }
    }

    #[test]
    fn between_neighbours_the_value_is_log_normal_and_says_so() {
        let stats = may_2014();
        let (v, how) = value_at(&stats, 34.0);
        assert!(v > 28_250.0 && v < 35_900.0, "{v}");
        assert_eq!(
            how,
            Interpolation::Between {
                below: (25.0, 28_250.0),
                above: (50.0, 35_900.0)
            }
        );
        // Worked by hand: z(0.34) = -0.41246, z(0.25) = -0.67449, z(0.50) = 0, so
        // t = 0.38849 and pay = exp(ln 28,250 + t (ln 35,900 - ln 28,250)) = $31,006.
        assert!((v - 31_006.3).abs() < 1.0, "{v}");
        // At the 17th percentile the model and a straight line in dollars differ by far more than
        // rounding ($25,871 vs $25,631; checked with Python's statistics.NormalDist): the model is not linear interpolation in disguise.
        let (at_17, _) = value_at(&stats, 17.0);
        let linear = 23_340.0 + (28_250.0 - 23_340.0) * (17.0 - 10.0) / 15.0;
        assert!((at_17 - 25_871.3).abs() < 1.0, "{at_17}");
        assert!(at_17 - linear > 150.0, "{at_17} vs {linear}");
    }

    #[test]
    fn outside_the_published_range_it_clamps_rather_than_extrapolates() {
        let stats = may_2014();
        assert_eq!(value_at(&stats, 1.0).0, 23_340.0);
        assert_eq!(value_at(&stats, 99.0).0, 59_160.0);
        assert_eq!(value_at(&stats, f64::NAN).0, 35_900.0);
    }

    #[test]
    fn increasing_in_percentile() {
        let stats = may_2014();
        let mut last = 0.0;
        for tenth in 100..=900 {
            let (v, _) = value_at(&stats, f64::from(tenth) / 10.0);
            assert!(v >= last, "{tenth}: {v} < {last}");
            last = v;
        }
    }
}
