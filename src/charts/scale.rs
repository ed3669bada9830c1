//! A linear map from data values to pixels and back (the back direction serves hover and tap).

/// Maps `domain` onto `range` linearly.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LinearScale {
    pub domain: (f64, f64),
    pub range: (f64, f64),
}

impl LinearScale {
    pub fn new(domain: (f64, f64), range: (f64, f64)) -> Self {
        Self { domain, range }
    }

    /// Pixel position of a value.
    pub fn px(&self, value: f64) -> f64 {
        let span = self.domain.1 - self.domain.0;
        if span == 0.0 {
            return self.range.0;
        }
        self.range.0 + (value - self.domain.0) / span * (self.range.1 - self.range.0)
    }

    /// Value at a pixel position.
    pub fn value(&self, px: f64) -> f64 {
        let span = self.range.1 - self.range.0;
        if span == 0.0 {
            return self.domain.0;
        }
        self.domain.0 + (px - self.range.0) / span * (self.domain.1 - self.domain.0)
    }
}

/// A domain that holds every value, widened to whole multiples of `step` (so axis ticks land on
/// round numbers), and the ticks inside it.
pub fn nice_domain(values: &[f64], step: f64) -> ((f64, f64), Vec<f64>) {
    let finite = values.iter().copied().filter(|v| v.is_finite());
    let (lo, hi) = finite.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
        (lo.min(v), hi.max(v))
    });
    if !lo.is_finite() || step <= 0.0 {
        return ((0.0, 1.0), vec![]);
    }
    let start = (lo / step).floor() * step;
    let mut end = (hi / step).ceil() * step;
    if end <= start {
        end = start + step;
    }
    let count = ((end - start) / step).round() as usize;
    let ticks = (0..=count).map(|i| start + step * i as f64).collect();
    ((start, end), ticks)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_both_ways() {
        let s = LinearScale::new((20_000.0, 70_000.0), (10.0, 510.0));
        assert_eq!(s.px(20_000.0), 10.0);
        assert_eq!(s.px(45_000.0), 260.0);
        assert_eq!(s.value(260.0), 45_000.0);
    }

    #[test]
    fn nice_domain_rounds_outwards_to_steps() {
        let (domain, ticks) = nice_domain(&[23_340.0, 59_160.0, 38_860.0], 10_000.0);
        assert_eq!(domain, (20_000.0, 60_000.0));
        assert_eq!(ticks, [20_000.0, 30_000.0, 40_000.0, 50_000.0, 60_000.0]);
        assert_eq!(nice_domain(&[f64::NAN], 10.0).0, (0.0, 1.0));
        assert_eq!(nice_domain(&[30.0], 10.0).0, (30.0, 40.0));
    }
}
