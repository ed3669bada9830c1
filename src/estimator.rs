//! Place x industry x experience -> an estimate of annual pay, its range, and every factor and
//! fallback used.
//!
//! Method (shown to the user with every estimate):
//! 1. experience -> percentile ([`crate::experience_rule`], the DOL prevailing-wage levels);
//! 2. pay at that percentile of the chosen place's **own** published distribution, log-normal
//!    between published percentiles ([`crate::percentile_model`]). Where the place's wages are not
//!    published, its state's are used, then the nation's, and the estimate says so;
//! 3. times the industry's ratio: the national industry **annual mean** over the national
//!    cross-industry annual mean (BLS publishes pay by industry only nationally). Means, not
//!    percentile by percentile: some industries' percentiles are bunched (Miscellaneous
//!    Manufacturing's 50th and 75th are $56,800 and $57,200), and percentile ratios then make
//!    pay fall with experience in some places — the property test over every place and industry
//!    caught that. The industry effect is assumed to combine with place by multiplication;
//! 4. rounded to $100; hourly = annual / 2080; the range is one DOL level (17 percentile points)
//!    either side, within the published 10th–90th percentiles.
//!
//! Pure: no DOM, no Yew. Nothing here panics on any input.

use crate::career::Career;
use crate::experience_rule::{self, Experience, LEVEL_STEP};
use crate::figures::WageStats;
use crate::percentile_model::{value_at, Interpolation};
use career_pack::{Cell, Figure, Industry, Place, Wages};

/// BLS converts hourly to annual pay at 2,080 hours (52 weeks x 40 hours).
pub const HOURS_PER_YEAR: f64 = 2080.0;

/// Estimates are rounded to this many dollars: more digits would claim a precision the model lacks.
pub const ROUND_TO: f64 = 100.0;

/// Bounds on a combined ratio; see [`scale`].
pub const RATIO_LIMITS: (f64, f64) = (0.01, 100.0);

/// The mean wage's relative standard error (tenths of a percent) from which a caution is shown:
/// at 5 % the 95 % confidence interval of the mean is about ±10 %, wider than most of the
/// differences between places the widget compares.
pub const RSE_CAUTION_TENTHS: u32 = 50;

/// All industries, or one industry with published pay.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum IndustryChoice {
    All,
    Industry(&'static Industry),
}

/// What the user chose.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Inputs {
    /// The nation, a state or territory, or a metropolitan or nonmetropolitan area.
    pub place: &'static Place,
    pub industry: IndustryChoice,
    pub years: u8,
}

/// The distribution the estimate starts from, and why it is that one.
#[derive(Clone, Debug, PartialEq)]
pub struct Base {
    /// The place whose figures are used (the chosen one, or what it fell back to).
    pub place: &'static Place,
    pub cell: &'static Cell,
    pub annual: WageStats,
    /// Places tried first whose wages BLS did not publish, in the order tried.
    pub skipped: Vec<&'static Place>,
}

/// How the industry entered the estimate.
#[derive(Clone, Debug, PartialEq)]
pub enum IndustryAdjustment {
    /// All industries: nothing to adjust.
    None,
    /// National industry annual mean over national cross-industry annual mean.
    Means {
        industry: &'static Industry,
        industry_mean: f64,
        national_mean: f64,
        ratio: f64,
    },
    /// BLS published no mean pay for the industry: no adjustment, and the user is told.
    NotPublished(&'static Industry),
}

impl IndustryAdjustment {
    /// The factor applied (1 when there is none).
    pub fn ratio(&self) -> f64 {
        match self {
            IndustryAdjustment::Means { ratio, .. } => *ratio,
            IndustryAdjustment::None | IndustryAdjustment::NotPublished(_) => 1.0,
        }
    }
}

/// How precise the base figure is.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Precision {
    /// The relative standard error of the base place's mean wage, tenths of a percent.
    pub wage_rse_tenths: Option<u32>,
    /// At or above [`RSE_CAUTION_TENTHS`].
    pub caution: bool,
}

/// An estimate with everything needed to explain it.
#[derive(Clone, Debug, PartialEq)]
pub struct Estimate {
    pub inputs: Inputs,
    pub experience: Experience,
    pub base: Base,
    /// The base place's pay at the experience percentile, before the industry ratio.
    pub base_value: f64,
    pub interpolation: Interpolation,
    pub industry: IndustryAdjustment,
    pub precision: Precision,
    /// Typical annual pay, rounded to [`ROUND_TO`].
    pub annual: f64,
    /// `annual` / [`HOURS_PER_YEAR`], where BLS publishes hourly pay for the base place (not for
    /// careers it publishes annual salaries for only, such as teachers).
    pub hourly: Option<f64>,
    pub low: f64,
    pub high: f64,
    pub low_percentile: f64,
    pub high_percentile: f64,
}

/// Why no estimate could be made.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EstimateError {
    /// Not even the nation's five percentiles are published (all top-coded or not released):
    /// the widget shows the published figures and markers instead of a model.
    NoPublishedDistribution,
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
    let (lowest, highest) = crate::percentile_model::PUBLISHED_RANGE;
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

/// A published annual distribution as numbers, if its mean and all five percentiles are published
/// (a top-coded or unreleased point leaves nothing to interpolate between honestly).
pub fn annual_stats(wages: &Wages) -> Option<WageStats> {
    let number = |f: Figure| f.value().map(f64::from);
    let mut percentiles = [0.0; 5];
    for (slot, figure) in percentiles.iter_mut().zip(wages.percentiles) {
        *slot = number(figure)?;
    }
    Some(WageStats {
        mean: number(wages.mean)?,
        percentiles,
    })
}

/// The place's own distribution, else its state's, else the nation's.
pub fn base_for(career: &'static Career, place: &'static Place) -> Option<Base> {
    let mut skipped: Vec<&'static Place> = Vec::new();
    let chain = [Some(place), career.state_of(place), career.nation()];
    for candidate in chain.into_iter().flatten() {
        if skipped.iter().any(|p| std::ptr::eq(*p, candidate)) {
            // A state's state is itself: try it once.
            continue;
        }
        if let Some(cell) = career.cell(candidate) {
            if let Some(annual) = annual_stats(&cell.annual) {
                return Some(Base {
                    place: candidate,
                    cell,
                    annual,
                    skipped,
                });
            }
        }
        skipped.push(candidate);
    }
    None
}

/// The industry's ratio (see the module's method, step 3).
pub fn industry_adjustment(career: &'static Career, choice: IndustryChoice) -> IndustryAdjustment {
    let IndustryChoice::Industry(industry) = choice else {
        return IndustryAdjustment::None;
    };
    let national = career.national_cell().and_then(|c| c.annual.mean.value());
    let mean = career
        .pack
        .industry(industry.code)
        .and_then(|i| i.cell.annual.mean.value());
    match (mean, national) {
        (Some(i), Some(n)) if i > 0 && n > 0 => IndustryAdjustment::Means {
            industry,
            industry_mean: f64::from(i),
            national_mean: f64::from(n),
            ratio: f64::from(i) / f64::from(n),
        },
        _ => IndustryAdjustment::NotPublished(industry),
    }
}

/// Estimate pay for `inputs` from the career's figures.
pub fn estimate(career: &'static Career, inputs: Inputs) -> Result<Estimate, EstimateError> {
    let base = base_for(career, inputs.place).ok_or(EstimateError::NoPublishedDistribution)?;
    let experience = experience_rule::place(inputs.years);
    let (base_value, interpolation) = value_at(&base.annual, experience.percentile);
    let industry = industry_adjustment(career, inputs.industry);
    let scaled = scale(&base.annual, experience.percentile, industry.ratio());
    let wage_rse_tenths = base.cell.wage_rse.value();
    let hourly_published = base.cell.hourly.percentiles[2].is_published();
    Ok(Estimate {
        inputs,
        experience,
        precision: Precision {
            wage_rse_tenths,
            caution: wage_rse_tenths.is_some_and(|r| r >= RSE_CAUTION_TENTHS),
        },
        base,
        base_value,
        interpolation,
        industry,
        annual: scaled.annual,
        hourly: hourly_published.then(|| scaled.annual / HOURS_PER_YEAR),
        low: scaled.low,
        high: scaled.high,
        low_percentile: scaled.low_percentile,
        high_percentile: scaled.high_percentile,
    })
}

// Native only: proptest does not target wasm32.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;

// Native only: reads every built pack from disk.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod every_career;
