//! The typed shape of every embedded figure. Shared with `build.rs`, which fills it from `data/`.
//!
//! Invariant, enforced by `validate`: every figure points at a [`Source`] and carries its own
//! reference period, so the widget can always say where a number came from and when.

/// How far a figure can be trusted; shown next to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Standing {
    /// Read from a BLS file or page.
    Primary,
    /// A publication quoting BLS; not checked against a BLS file.
    Secondary,
    /// Only the article reports it ("as reported").
    Article,
}

/// Where a figure was published.
#[derive(Debug, PartialEq)]
pub struct Source {
    /// Stable id, unique across sources.
    pub id: &'static str,
    pub standing: Standing,
    pub publisher: &'static str,
    /// A few words naming the source inside a sentence, e.g. `BLS OES national estimates`.
    pub short_name: &'static str,
    pub title: &'static str,
    /// The period the source covers as a whole; each figure also carries its own.
    pub period: &'static str,
    /// SOC occupation code(s) the source's figures are for.
    pub soc_code: &'static str,
    /// Which copy of the source the figures were read from.
    pub read_from: &'static str,
}

/// The published percentile points of an OES wage distribution, in order.
pub const PERCENTILE_POINTS: [f64; 5] = [10.0, 25.0, 50.0, 75.0, 90.0];

/// Mean and the five published percentiles of one pay measure (hourly or annual), in USD.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct WageStats {
    pub mean: f64,
    /// Values at [`PERCENTILE_POINTS`]; strictly increasing.
    pub percentiles: [f64; 5],
}

impl WageStats {
    /// The published median (50th percentile).
    pub fn median(&self) -> f64 {
        self.percentiles[2]
    }
}

/// One OES wage distribution: an occupation in an area for one May reference period.
#[derive(Clone, Debug, PartialEq)]
pub struct Distribution {
    /// Unique id, e.g. `national-2014`.
    pub id: &'static str,
    pub year: u16,
    /// e.g. `May 2014`.
    pub period: &'static str,
    pub soc_code: &'static str,
    pub occupation: &'static str,
    /// `US` or a USPS state code.
    pub area: &'static str,
    /// `None` where BLS did not release it.
    pub employment: Option<u32>,
    /// `None` where BLS publishes annual pay only (its footnote 4: teachers and others who do
    /// not work year-round): no hourly figure is made up from the annual one.
    pub hourly: Option<WageStats>,
    pub annual: WageStats,
    pub source: &'static Source,
}

/// An annual mean wage for one area or one industry, used as a ratio to the national mean.
#[derive(Debug, PartialEq)]
pub struct MeanWage {
    /// USPS code for a state, slug for an industry.
    pub id: &'static str,
    pub name: &'static str,
    pub year: u16,
    pub period: &'static str,
    pub annual_mean: f64,
    /// Employment in this cell, where the source gives it.
    pub employment: Option<u32>,
    pub source: &'static Source,
}

/// Projected employment change over a ten-year projection period.
#[derive(Clone, Debug, PartialEq)]
pub struct Projection {
    pub id: &'static str,
    /// `US` or a USPS state code.
    pub area: &'static str,
    /// e.g. `2012-2022`.
    pub period: &'static str,
    pub percent_change: f64,
    pub base_employment: Option<u32>,
    pub numeric_change: Option<u32>,
    pub source: &'static Source,
}

/// Something the article states, kept so the widget can show what it got wrong.
#[derive(Debug, PartialEq)]
pub struct ArticleClaim {
    pub id: &'static str,
    pub figure: &'static str,
    pub value: f64,
    pub period: &'static str,
    pub as_stated: &'static str,
    pub verdict: &'static str,
}

/// A state or DC: the estimator's choices, whether or not the data has a figure for it.
#[derive(Debug, PartialEq)]
pub struct Area {
    pub code: &'static str,
    pub name: &'static str,
}

/// Everything embedded, as compiled in by `build.rs`.
#[derive(Clone, Copy, Debug)]
pub struct Figures {
    pub sources: &'static [&'static Source],
    /// National distributions, oldest first (29-2071 only).
    pub national: &'static [Distribution],
    /// May 2014 comparison rows (all occupations, this occupation, medical transcriptionists).
    pub comparison_2014: &'static [Distribution],
    /// State distributions published by BLS (New York, May 2014).
    pub state_distributions: &'static [Distribution],
    /// State annual means from every source, several per state possible.
    pub state_means: &'static [MeanWage],
    /// Industry annual means from every source.
    pub industry_means: &'static [MeanWage],
    pub national_projections: &'static [Projection],
    pub state_projections: &'static [Projection],
    pub article_claims: &'static [ArticleClaim],
    /// The 50 states and DC, alphabetical by name.
    pub areas: &'static [Area],
}
