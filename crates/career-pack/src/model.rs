//! The typed shape of a career pack: one occupation's published OEWS figures, every value with
//! its marker, plus the places and industries they belong to.
//!
//! Invariants (checked by the importer, relied on by the app):
//! - a [`Figure`] is a published number or a marker, never a 0 or NaN standing in for one;
//! - values are integers in the unit BLS publishes them in (cents, dollars, tenths of a percent),
//!   so a figure round-trips exactly and is shown exactly as published;
//! - published percentiles never decrease, and a top-coded percentile is never followed by a
//!   published one. Equal neighbours are real (BLS publishes ties, e.g. a 10th, 25th and median
//!   all at one pay rate): code dividing by the gap between two percentiles must allow for 0.

/// One published value, or why there is none. BLS's markers are never numbers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Figure {
    /// The value, in the field's unit (see [`Cell`]).
    Value(u32),
    /// `*` or `**`: not released, or not published for this unit (hourly/annual).
    NotPublished,
    /// `#`: at or above BLS's top code ($115.00 an hour, $239,200 a year).
    TopCoded,
}

impl Figure {
    /// The published value, if there is one.
    pub fn value(self) -> Option<u32> {
        match self {
            Figure::Value(v) => Some(v),
            Figure::NotPublished | Figure::TopCoded => None,
        }
    }
}

/// BLS's top code for annual wages, dollars (`#` in an annual field means at least this).
pub const TOP_CODE_ANNUAL: u32 = 239_200;
/// BLS's top code for hourly wages, cents.
pub const TOP_CODE_HOURLY_CENTS: u32 = 11_500;

/// The published percentile points, in order.
pub const PERCENTILES: [u8; 5] = [10, 25, 50, 75, 90];

/// Mean and the five published percentiles of one pay measure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Wages {
    pub mean: Figure,
    /// At [`PERCENTILES`].
    pub percentiles: [Figure; 5],
}

/// One OEWS estimate: an occupation in one area and one industry (a row of BLS's files).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cell {
    /// Employment, people.
    pub employment: Figure,
    /// Relative standard error of employment, tenths of a percent (`1.1` -> 11).
    pub employment_rse: Figure,
    /// Relative standard error of the mean wage, tenths of a percent.
    pub wage_rse: Figure,
    /// Hourly wages, cents.
    pub hourly: Wages,
    /// Annual wages, dollars.
    pub annual: Wages,
    /// Jobs per 1,000 jobs in the area, thousandths (`1.101` -> 1101). Not given nationally.
    pub jobs_per_1000: Figure,
    /// Location quotient, thousandths (`0.88` -> 880). Not given nationally.
    pub location_quotient: Figure,
}

/// What kind of area an OEWS area code is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum AreaKind {
    National,
    /// A state, DC, or a territory (Guam, Puerto Rico, Virgin Islands).
    State,
    /// A metropolitan statistical area or a nonmetropolitan area.
    Metro,
}

/// An OEWS area: `0000000` national, `SS00000` a state (FIPS), `00NNNNN` a metropolitan area,
/// `SS0000N` a nonmetropolitan area. Held as its 7-digit number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct AreaCode(pub u32);

/// A place a figure can be for, as BLS names it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Place {
    pub code: AreaCode,
    pub kind: AreaKind,
    /// The state FIPS code BLS files the area under (a metro spanning states: its first state).
    pub state_fips: u8,
    /// BLS's title, e.g. `Hartford-West Hartford-East Hartford, CT`.
    pub title: String,
}

/// An OEWS industry: a NAICS sector (`62--63`), a NAICS code at 3 to 6 digits (`622000`,
/// `621100`), a cross-industry total (`000000`), or an OEWS ownership designation (`622002`).
/// Held as BLS's six characters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct IndustryCode(pub [u8; 6]);

/// An industry as BLS names it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Industry {
    pub code: IndustryCode,
    pub title: String,
}

/// A release of a survey, e.g. OEWS May 2025.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Release {
    /// The May reference year.
    pub year: u16,
}

/// One occupation's figures for one area (cross-industry).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AreaFigures {
    pub area: AreaCode,
    pub cell: Cell,
}

/// One occupation's national figures for one industry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct IndustryFigures {
    pub industry: IndustryCode,
    pub cell: Cell,
}

/// One year of the national cross-industry series.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SeriesPoint {
    pub release: Release,
    pub cell: Cell,
}

/// BLS Employment Projections for one occupation (national, ten years).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Projection {
    /// First and last year, e.g. 2024 and 2034.
    pub base_year: u16,
    pub target_year: u16,
    /// Employment in the base and target year, hundreds of jobs (BLS publishes thousands to one
    /// decimal: `194.8` -> 1948).
    pub employment_base: u32,
    pub employment_target: u32,
    /// Percent change, tenths, signed (`7.1` -> 71).
    pub change_percent: i32,
    /// Openings a year, hundreds (`14.2` thousand -> 142).
    pub openings_per_year: u32,
    /// Median annual wage in the base year, dollars, where published.
    pub median_wage: Figure,
    /// Typical education needed for entry, as BLS words it.
    pub education: String,
    /// Work experience in a related occupation.
    pub experience: String,
    /// Typical on-the-job training.
    pub training: String,
}

/// One occupation's figures: everything the widget shows for a career, with provenance.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pack {
    /// 2018 SOC code, `29-2072`.
    pub soc: String,
    /// BLS's title, `Medical Records Specialists`.
    pub title: String,
    /// The official 2018 SOC definition (BLS), empty when the definitions file has none.
    pub definition: String,
    /// The OEWS release of `areas` and `industries`.
    pub release: Release,
    /// National first, then states and territories, then metropolitan and nonmetropolitan areas;
    /// each group in code order. Only areas BLS published a row for.
    pub areas: Vec<AreaFigures>,
    /// National, by industry, in code order.
    pub industries: Vec<IndustryFigures>,
    /// National cross-industry figures for every release held for this same code, oldest first.
    pub series: Vec<SeriesPoint>,
    pub projection: Option<Projection>,
}

/// The names every pack's codes refer to: shared by all careers, so no pack repeats them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Gazetteer {
    /// In code order.
    pub places: Vec<Place>,
    /// In code order.
    pub industries: Vec<Industry>,
}

/// Every career a build offers, and the file holding each one's pack: fetched when a reader asks
/// for a career the page does not hold yet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CareerIndex {
    pub release: Release,
    /// In SOC order.
    pub careers: Vec<IndexEntry>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IndexEntry {
    /// `31-9092`.
    pub soc: String,
    /// BLS's title, `Medical Assistants`.
    pub title: String,
    /// The pack's file name, content-hashed so it can be cached forever: `31-9092.1a2b…cpak`.
    pub file: String,
    /// National employment in the release, for ordering a program's careers; `None` where BLS
    /// did not release it.
    pub employment: Option<u32>,
}

/// The instructional programs a school teaches (NCES CIP 2020) and the careers each prepares
/// for (the NCES CIP–SOC crosswalk), as careers of the index.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Programs {
    /// In CIP order.
    pub programs: Vec<Program>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Program {
    /// `51.0707`.
    pub cip: String,
    /// `Health Information/Medical Records Technology/Technician`.
    pub title: String,
    /// Positions in the career index, largest national employment first. Empty for a program
    /// NCES matched to no occupation ("NO MATCH"), or whose occupations BLS does not publish.
    pub careers: Vec<u16>,
}

impl Programs {
    /// The program with CIP code `cip`, if there is one.
    pub fn program(&self, cip: &str) -> Option<&Program> {
        self.programs
            .binary_search_by(|p| p.cip.as_str().cmp(cip))
            .ok()
            .and_then(|i| self.programs.get(i))
    }
}

impl CareerIndex {
    /// The entry for `soc`, if the build offers it.
    pub fn career(&self, soc: &str) -> Option<&IndexEntry> {
        self.careers
            .binary_search_by(|e| e.soc.as_str().cmp(soc))
            .ok()
            .and_then(|i| self.careers.get(i))
    }
}
