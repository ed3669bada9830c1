//! State x industry x experience -> an estimate of annual pay, its range, and every factor used.
//!
//! Method (shown to the user with every estimate):
//! 1. experience -> percentile ([`crate::experience`]);
//! 2. pay at that percentile of the national May [`BASE_YEAR`] distribution
//!    ([`crate::distribution`], log-normal between published percentiles);
//! 3. times the state's and the industry's ratio of annual mean to the national annual mean of the
//!    same year (assumed to multiply, i.e. to be independent);
//! 4. rounded to $100; hourly = annual / 2080; the range is one DOL level (17 percentile points)
//!    either side, within the published 10th–90th percentiles.
//!
//! Pure: no DOM, no Yew. Nothing here panics on any input.

use crate::distribution::{value_at, Interpolation};
use crate::experience::{self, Experience, LEVEL_STEP};
use crate::figures::{Area, Distribution, Figures, MeanWage, Standing, WageStats};

/// The year of the national distribution the estimate starts from: May 2014, the article's year
/// and the year with the most same-year state and industry figures.
pub const BASE_YEAR: u16 = 2014;

/// BLS converts hourly to annual pay at 2,080 hours (52 weeks x 40 hours).
pub const HOURS_PER_YEAR: f64 = 2080.0;

/// Estimates are rounded to this many dollars: more digits would claim a precision the model lacks.
pub const ROUND_TO: f64 = 100.0;

/// Bounds on a combined ratio; see [`scale`].
pub const RATIO_LIMITS: (f64, f64) = (0.01, 100.0);

/// National, or one of the 50 states and DC.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Region {
    National,
    State(&'static Area),
}

/// All industries, or one industry with a published mean.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum IndustryChoice {
    All,
    Industry(&'static MeanWage),
}

/// What the user chose.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Inputs {
    pub region: Region,
    pub industry: IndustryChoice,
    pub years: u8,
}

/// Which rule picked a state's figure, so the explanation can say so.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Pick {
    /// A figure for the base year itself.
    SameYear,
    /// No figure for the base year: the latest other year's ratio is applied to the base year.
    OtherYear,
}

/// A ratio that scales the national distribution.
#[derive(Clone, Debug, PartialEq)]
pub struct Factor {
    /// The state's or industry's annual mean.
    pub figure: &'static MeanWage,
    /// The national distribution of the figure's own year: its mean is the denominator.
    pub national: &'static Distribution,
    pub ratio: f64,
    pub pick: Pick,
    /// Other figures held for the same state, not used, listed for transparency.
    pub alternatives: Vec<&'static MeanWage>,
}

/// How a state or industry entered the estimate.
#[derive(Clone, Debug, PartialEq)]
pub enum Adjustment {
    /// National or all industries: nothing to adjust.
    None,
    Applied(Factor),
    /// The choice has no usable figure: the national figure is used, and the user is told.
    FellBackToNational,
}

impl Adjustment {
    fn ratio(&self) -> f64 {
        match self {
            Adjustment::Applied(f) => f.ratio,
            Adjustment::None | Adjustment::FellBackToNational => 1.0,
        }
    }
}

/// An estimate with everything needed to explain it.
#[derive(Clone, Debug, PartialEq)]
pub struct Estimate {
    pub inputs: Inputs,
    pub experience: Experience,
    /// The national distribution the estimate starts from.
    pub base: &'static Distribution,
    /// National pay at the experience percentile, before any ratio.
    pub base_value: f64,
    pub interpolation: Interpolation,
    pub state: Adjustment,
    pub industry: Adjustment,
    /// Product of the state and industry ratios.
    pub ratio: f64,
    /// Typical annual pay, rounded to [`ROUND_TO`].
    pub annual: f64,
    /// `annual` / [`HOURS_PER_YEAR`].
    pub hourly: f64,
    pub low: f64,
    pub high: f64,
    pub low_percentile: f64,
    pub high_percentile: f64,
}

/// Why no estimate could be made.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EstimateError {
    /// The embedded data lacks the national distribution for [`BASE_YEAR`].
    NoBaseDistribution,
}

/// Annual pay at a percentile and its range after scaling by `ratio`, rounded; the arithmetic core.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scaled {
    pub annual: f64,
    pub low: f64,
    pub high: f64,
    pub low_percentile: f64,
    pub high_percentile: f64,
}

/// The arithmetic core of the estimator, separate so property tests can feed it any distribution.
pub fn scale(stats: &WageStats, percentile: f64, ratio: f64) -> Scaled {
    // No real pay ratio is outside 1/100..100; clamping (a monotone map, so a larger factor still
    // never lowers the estimate) keeps broken data from producing infinities or zero.
    let ratio = if ratio.is_nan() {
        1.0
    } else {
        ratio.clamp(RATIO_LIMITS.0, RATIO_LIMITS.1)
    };
    let (lowest, highest) = crate::distribution::PUBLISHED_RANGE;
    let low_percentile = (percentile - LEVEL_STEP).clamp(lowest, highest);
    let high_percentile = (percentile + LEVEL_STEP).clamp(lowest, highest);
    let at = |p: f64| round(value_at(stats, p).0 * ratio);
    Scaled {
        annual: at(percentile),
        low: at(low_percentile),
        high: at(high_percentile),
        low_percentile,
        high_percentile,
    }
}

fn round(value: f64) -> f64 {
    (value / ROUND_TO).round() * ROUND_TO
}

/// Estimate pay for `inputs` from `figures`.
pub fn estimate(figures: &Figures, inputs: Inputs) -> Result<Estimate, EstimateError> {
    let base = figures
        .national(BASE_YEAR)
        .ok_or(EstimateError::NoBaseDistribution)?;
    let experience = experience::place(inputs.years);
    let (base_value, interpolation) = value_at(&base.annual, experience.percentile);
    let state = match inputs.region {
        Region::National => Adjustment::None,
        Region::State(area) => state_adjustment(figures, area),
    };
    let industry = match inputs.industry {
        IndustryChoice::All => Adjustment::None,
        IndustryChoice::Industry(figure) => match factor(figures, figure, Vec::new()) {
            Some(f) => Adjustment::Applied(f),
            None => Adjustment::FellBackToNational,
        },
    };
    let ratio = state.ratio() * industry.ratio();
    let scaled = scale(&base.annual, experience.percentile, ratio);
    Ok(Estimate {
        inputs,
        experience,
        base,
        base_value,
        interpolation,
        state,
        industry,
        ratio,
        annual: scaled.annual,
        hourly: scaled.annual / HOURS_PER_YEAR,
        low: scaled.low,
        high: scaled.high,
        low_percentile: scaled.low_percentile,
        high_percentile: scaled.high_percentile,
    })
}

/// Picks a state's figure: the base year's first (a BLS file before a figure only the article
/// reports), otherwise the most recent other year's; no usable figure means national. Charts use
/// it too, so they show exactly the figure the estimator applies.
pub fn state_adjustment(figures: &Figures, area: &'static Area) -> Adjustment {
    let mut held: Vec<&'static MeanWage> = figures
        .state_means(area.code)
        .filter(|m| figures.national(m.year).is_some())
        .collect();
    crate::order::sort_by_key(&mut held, |m| {
        let same_year = m.year == BASE_YEAR;
        let standing_rank = match m.source.standing {
            Standing::Primary => 0,
            Standing::Secondary => 1,
            Standing::Article => 2,
        };
        (!same_year, standing_rank, std::cmp::Reverse(m.year))
    });
    let mut candidates = held.into_iter();
    match candidates.next() {
        Some(first) => match factor(figures, first, candidates.collect()) {
            Some(f) => Adjustment::Applied(f),
            None => Adjustment::FellBackToNational,
        },
        None => Adjustment::FellBackToNational,
    }
}

/// The ratio of `figure`'s annual mean to the national annual mean of its own year, if BLS
/// published that national figure.
pub fn factor(
    figures: &Figures,
    figure: &'static MeanWage,
    alternatives: Vec<&'static MeanWage>,
) -> Option<Factor> {
    let national = figures.national(figure.year)?;
    let ratio = figure.annual_mean / national.annual.mean;
    (ratio.is_finite() && ratio > 0.0).then_some(Factor {
        figure,
        national,
        ratio,
        pick: if figure.year == BASE_YEAR {
            Pick::SameYear
        } else {
            Pick::OtherYear
        },
        alternatives,
    })
}

// Native only: proptest does not target wasm32.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
