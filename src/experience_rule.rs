//! Years of experience -> a percentile of the wage distribution, by a stated rule.
//!
//! BLS publishes no pay by years of experience. The US Department of Labor's prevailing-wage
//! levels I–IV (2009 guidance) are cut from the same OES survey at about the 17th, 34th, 50th and
//! 67th percentiles, from entry level to fully competent. This widget's own assumption, shown with
//! every estimate, is where a worker reaches each level: Level I at 0 years, II at 2, III at 5 and
//! IV at 10 years, moving linearly in percentile between them and staying at Level IV after 10
//! years (DOL defines no higher level). Non-decreasing in years by construction.

/// The most years the estimator accepts.
pub const MAX_YEARS: u8 = 30;

/// (years, percentile) at which each prevailing-wage level is reached.
pub const LEVEL_ANCHORS: [(u8, f64); 4] = [(0, 17.0), (2, 34.0), (5, 50.0), (10, 67.0)];

/// Percentile points between neighbouring DOL levels; the estimate's range spans one level either
/// side.
pub const LEVEL_STEP: f64 = 17.0;

/// Where a number of years places a worker.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Experience {
    pub years: u8,
    pub percentile: f64,
    /// The highest DOL level reached (1–4).
    pub level: u8,
}

/// The percentile and level for `years` (values above [`MAX_YEARS`] are treated as the maximum).
pub fn place(years: u8) -> Experience {
    let years = years.min(MAX_YEARS);
    let mut level = 1;
    let mut percentile = LEVEL_ANCHORS[LEVEL_ANCHORS.len() - 1].1;
    for (i, window) in LEVEL_ANCHORS.windows(2).enumerate() {
        let ((y0, p0), (y1, p1)) = (window[0], window[1]);
        if years < y1 {
            let t = f64::from(years - y0) / f64::from(y1 - y0);
            percentile = p0 + t * (p1 - p0);
            level = i as u8 + 1;
            break;
        }
        level = i as u8 + 2;
    }
    Experience {
        years,
        percentile,
        level,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anchors_land_on_the_dol_levels() {
        assert_eq!(
            place(0),
            Experience {
                years: 0,
                percentile: 17.0,
                level: 1
            }
        );
        assert_eq!(
            place(2),
            Experience {
                years: 2,
                percentile: 34.0,
                level: 2
            }
        );
        assert_eq!(
            place(5),
            Experience {
                years: 5,
                percentile: 50.0,
                level: 3
            }
        );
        assert_eq!(
            place(10),
            Experience {
                years: 10,
                percentile: 67.0,
                level: 4
            }
        );
        assert_eq!(place(30).percentile, 67.0);
        assert_eq!(place(255).years, MAX_YEARS);
    }

    #[test]
    fn between_anchors_it_moves_linearly() {
        assert_eq!(place(1).percentile, 25.5);
        assert_eq!(place(1).level, 1);
        assert!((place(3).percentile - (34.0 + 16.0 / 3.0)).abs() < 1e-9);
    }

    #[test]
    fn never_decreases() {
        for years in 1..=MAX_YEARS {
            assert!(place(years).percentile >= place(years - 1).percentile);
            assert!(place(years).level >= place(years - 1).level);
        }
    }
}
