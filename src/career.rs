//! The career the widget shows: its pack (BLS OEWS figures for one SOC code, decoded once from the
//! bytes `build.rs` compiled in) and the names its area and industry codes refer to.
//!
//! Pure: no DOM, no Yew. The compiled-in pack was validated when it was built; decoding it again
//! here still cannot panic, and a failure is a typed error the page shows as a message.

use crate::estimator::annual_stats;
use crate::figures::{
    Distribution, Projection, WageStats, CURRENT_SOURCE, FIGURES, PROJECTIONS_SOURCE, SERIES_SOURCE,
};
use crate::messages::Lang;
use career_pack::{
    decode_gazetteer, decode_pack, AreaCode, AreaFigures, AreaKind, Cell, DecodeError, Gazetteer,
    Industry, IndustryCode, Pack, Place, Wages,
};
use std::sync::OnceLock;

/// The career compiled into the widget (the article's, under its 2018 SOC code).
pub const DEFAULT_SOC: &str = "29-2072";

/// The related careers the comparison shows, compiled in beside the default one: the two the
/// article names (29-9021 includes cancer registrars; 31-9094 medical transcriptionists).
pub const RELATED_SOCS: [&str; 2] = ["29-9021", "31-9094"];

/// The all-occupations total, for "compared with all jobs".
pub const ALL_OCCUPATIONS_SOC: &str = "00-0000";

/// Every pack compiled in, by SOC code, and the shared names; written by `build.rs` from
/// `data/current/`.
static PACKS: [(&str, &[u8]); 4] = [
    (
        DEFAULT_SOC,
        include_bytes!(concat!(env!("OUT_DIR"), "/career-29-2072.pack")),
    ),
    (
        RELATED_SOCS[0],
        include_bytes!(concat!(env!("OUT_DIR"), "/career-29-9021.pack")),
    ),
    (
        RELATED_SOCS[1],
        include_bytes!(concat!(env!("OUT_DIR"), "/career-31-9094.pack")),
    ),
    (
        ALL_OCCUPATIONS_SOC,
        include_bytes!(concat!(env!("OUT_DIR"), "/career-00-0000.pack")),
    ),
];
static GAZETTEER_BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/gazetteer.pack"));

/// A state, DC or territory as the URL and the picker name it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StateCode {
    pub fips: u8,
    pub usps: &'static str,
    pub name: &'static str,
}

include!(concat!(env!("OUT_DIR"), "/states.rs"));

/// One career's figures with the names they need; lives for the whole page.
#[derive(Debug)]
pub struct Career {
    pub pack: Pack,
    /// The names its codes refer to, shared by every career.
    pub gazetteer: &'static Gazetteer,
    /// The release's reference period, `May 2025`, held here so figures can borrow it.
    pub period: String,
    /// The national series as distributions, built on first use.
    series: OnceLock<Vec<Distribution>>,
    /// The Handbook editions' projections (29-2071) followed by this career's Employment
    /// Projections, built on first use.
    outlook: OnceLock<Vec<Projection>>,
}

/// A career is decoded once and lives for the page, so identity is equality: comparing the
/// figures themselves on every state change would cost a walk over hundreds of rows.
impl PartialEq for Career {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

/// Why a career could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CareerError {
    /// Its bytes (or the shared names') are not a valid pack.
    Decode(DecodeError),
    /// No pack for that SOC code is compiled in.
    NotCompiledIn,
}

impl Career {
    /// Decodes a pack whose codes `gazetteer` names.
    pub fn decode(pack: &[u8], gazetteer: &'static Gazetteer) -> Result<Career, CareerError> {
        let pack = decode_pack(pack).map_err(CareerError::Decode)?;
        Ok(Career {
            period: crate::explanation::period(pack.release.year, Lang::En),
            gazetteer,
            pack,
            series: OnceLock::new(),
            outlook: OnceLock::new(),
        })
    }

    /// Whether this is the article's occupation (29-2072, the successor of the article's
    /// 29-2071). Only it carries the article's content: its 2002–2018 history, the Handbook
    /// editions, the article's claims and correction, "The job" in the article's words, and the
    /// two related careers the article names. Another career's figures never sit beside them.
    pub fn is_article_career(&self) -> bool {
        self.pack.soc == DEFAULT_SOC
    }

    /// National ten-year projections, oldest first: for the article's occupation, the
    /// Occupational Outlook Handbook editions held for 29-2071 (history); then BLS Employment
    /// Projections for this career (2024–34). Each keeps its own SOC code in its source.
    pub fn outlook_projections(&'static self) -> &'static [Projection] {
        self.outlook.get_or_init(|| {
            let mut all: Vec<Projection> = if self.is_article_career() {
                FIGURES.national_projections.to_vec()
            } else {
                Vec::new()
            };
            let current = self.pack.projection.as_ref().and_then(|p| {
                let period: &'static str =
                    Box::leak(format!("{}-{}", p.base_year, p.target_year).into_boxed_str());
                let jobs = |hundreds: u32| hundreds.checked_mul(100);
                Some(Projection {
                    id: "ep-current",
                    area: "US",
                    period,
                    percent_change: f64::from(p.change_percent) / 10.0,
                    base_employment: jobs(p.employment_base),
                    // A decline has no place in this unsigned field: left out rather than bent.
                    numeric_change: p
                        .employment_target
                        .checked_sub(p.employment_base)
                        .and_then(jobs),
                    source: FIGURES.source(PROJECTIONS_SOURCE)?,
                })
            });
            all.extend(current);
            all
        })
    }

    /// The national series of this SOC code (May 2021–2025 for 29-2072), oldest first: every
    /// year whose distribution is fully published, citing BLS's national files it was read from.
    pub fn national_series(&'static self) -> &'static [Distribution] {
        self.series.get_or_init(|| {
            self.pack
                .series
                .iter()
                .filter_map(|point| {
                    let year = point.release.year;
                    // Leaked once per year of a career's series (a handful of short strings per
                    // page), so the distributions can borrow their period like every other.
                    let period: &'static str =
                        Box::leak(crate::explanation::period(year, Lang::En).into_boxed_str());
                    distribution_of(self, &point.cell, "US", (year, period), SERIES_SOURCE)
                })
                .collect()
        })
    }

    /// A place's published distribution in the shape the distribution, comparison and
    /// over-time charts draw; `None` unless its annual mean and all five percentiles are
    /// published (a marker is never drawn as a number); hourly figures where BLS publishes them.
    pub fn distribution(&'static self, place: &'static Place) -> Option<Distribution> {
        let cell = self.cell(place)?;
        distribution_of(
            self,
            cell,
            &place.title,
            (self.pack.release.year, &self.period),
            CURRENT_SOURCE,
        )
    }

    /// The nation, as a place.
    pub fn nation(&self) -> Option<&Place> {
        self.gazetteer.place(AreaCode(0))
    }

    /// The published cross-industry figures for a place, if BLS published a row for it.
    pub fn cell(&self, place: &Place) -> Option<&Cell> {
        self.pack.area(place.code).map(|a| &a.cell)
    }

    /// The nation's cross-industry figures.
    pub fn national_cell(&self) -> Option<&Cell> {
        self.pack.area(AreaCode(0)).map(|a| &a.cell)
    }

    /// The state (or DC, or territory) a place is filed under; a state is its own state.
    pub fn state_of<'a>(&'a self, place: &'a Place) -> Option<&'a Place> {
        match place.kind {
            AreaKind::National => None,
            AreaKind::State => Some(place),
            AreaKind::Metro => self.gazetteer.place(AreaCode::state(place.state_fips)),
        }
    }

    /// The places this career has a published row for, with their figures, in pack order
    /// (national, states and territories, metropolitan and nonmetropolitan areas).
    pub fn places(&self) -> impl Iterator<Item = (&Place, &AreaFigures)> {
        self.pack
            .areas
            .iter()
            .filter_map(|a| self.gazetteer.place(a.area).map(|p| (p, a)))
    }

    /// The metropolitan and nonmetropolitan areas a state touches, with this career's figures:
    /// an area filed under the state, and a metro whose title lists the state after the comma
    /// (`New York-Newark-Jersey City, NY-NJ` is one of New Jersey's).
    pub fn areas_in<'a>(
        &'a self,
        state: &'a Place,
    ) -> impl Iterator<Item = (&'a Place, &'a AreaFigures)> + 'a {
        let usps = state_code(state.state_fips).map(|s| s.usps);
        self.places().filter(move |(p, _)| {
            p.kind == AreaKind::Metro
                && (p.state_fips == state.state_fips
                    || usps.is_some_and(|code| title_states(&p.title).any(|s| s == code)))
        })
    }

    /// An industry's name, by code.
    pub fn industry(&self, code: IndustryCode) -> Option<&Industry> {
        self.gazetteer.industry(code)
    }
}

/// A published cell as a [`Distribution`] of this career, labelled with `area` and `period`,
/// citing the `data/sources.csv` row `source`.
pub fn distribution_of(
    career: &'static Career,
    cell: &'static Cell,
    area: &'static str,
    (year, period): (u16, &'static str),
    source: &str,
) -> Option<Distribution> {
    let cents = |w: &Wages| {
        let stats = annual_stats(w)?;
        Some(WageStats {
            mean: stats.mean / 100.0,
            percentiles: stats.percentiles.map(|v| v / 100.0),
        })
    };
    Some(Distribution {
        id: area,
        year,
        period,
        soc_code: &career.pack.soc,
        occupation: &career.pack.title,
        area,
        employment: cell.employment.value(),
        hourly: cents(&cell.hourly),
        annual: annual_stats(&cell.annual)?,
        source: FIGURES.source(source)?,
    })
}

/// The USPS codes after the last comma of a metro title: `Kansas City, MO-KS` -> `MO`, `KS`.
pub fn title_states(title: &str) -> impl Iterator<Item = &str> {
    title
        .rsplit_once(", ")
        .map_or("", |(_, states)| states)
        .split('-')
        .map(str::trim)
        .filter(|s| s.len() == 2)
}

/// A state, DC or territory by FIPS code.
pub fn state_code(fips: u8) -> Option<&'static StateCode> {
    STATE_CODES.iter().find(|s| s.fips == fips)
}

/// A state, DC or territory by USPS code (any case).
pub fn state_by_usps(usps: &str) -> Option<&'static StateCode> {
    STATE_CODES
        .iter()
        .find(|s| s.usps.eq_ignore_ascii_case(usps))
}

/// The shared names, decoded on first use.
fn gazetteer() -> Result<&'static Gazetteer, &'static CareerError> {
    static GAZETTEER: OnceLock<Result<Gazetteer, CareerError>> = OnceLock::new();
    GAZETTEER
        .get_or_init(|| decode_gazetteer(GAZETTEER_BYTES).map_err(CareerError::Decode))
        .as_ref()
}

/// A compiled-in career by SOC code, decoded on first use; `None` if it is not compiled in.
pub fn compiled_in(soc: &str) -> Option<Result<&'static Career, &'static CareerError>> {
    static CAREERS: [OnceLock<Result<Career, CareerError>>; 4] = [
        OnceLock::new(),
        OnceLock::new(),
        OnceLock::new(),
        OnceLock::new(),
    ];
    let index = PACKS.iter().position(|(code, _)| *code == soc)?;
    let (cell, (_, bytes)) = (CAREERS.get(index)?, PACKS.get(index)?);
    Some(
        cell.get_or_init(|| {
            gazetteer()
                .map_err(Clone::clone)
                .and_then(|names| Career::decode(bytes, names))
        })
        .as_ref(),
    )
}

/// A career compiled in whole (every area and industry), by SOC code: only the default one. The
/// others compiled in hold the nation and states for the comparison, not a whole career.
pub fn compiled_whole(soc: &str) -> Option<Result<&'static Career, &'static CareerError>> {
    (soc == DEFAULT_SOC).then(current)
}

/// The career the widget shows, decoded on first use.
pub fn current() -> Result<&'static Career, &'static CareerError> {
    static NOT_COMPILED_IN: CareerError = CareerError::NotCompiledIn;
    compiled_in(DEFAULT_SOC).unwrap_or(Err(&NOT_COMPILED_IN))
}

/// What the native tests of several modules share: the compiled-in career and inputs by code.
#[cfg(test)]
pub(crate) mod testing {
    use super::Career;
    use crate::estimator::{IndustryChoice, Inputs};
    use career_pack::{AreaCode, IndustryCode};

    /// The compiled-in career (a test fails if it does not decode).
    pub fn career() -> &'static Career {
        super::current().expect("the compiled-in pack decodes")
    }

    /// Inputs by OEWS area code and industry code (`all`, or an unknown code, is all industries).
    pub fn inputs(place: u32, industry: &str, years: u8) -> Inputs {
        let c = career();
        Inputs {
            place: c.gazetteer.place(AreaCode(place)).expect("a known place"),
            industry: IndustryCode::parse(industry)
                .and_then(|code| c.industry(code))
                .map_or(IndustryChoice::All, IndustryChoice::Industry),
            years,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::testing::career;
    use super::*;

    #[test]
    fn the_compiled_in_career_is_may_2025_medical_records_specialists() {
        let c = career();
        assert_eq!(c.pack.soc, DEFAULT_SOC);
        assert_eq!(c.pack.title, "Medical Records Specialists");
        assert_eq!(c.pack.release.year, 2025);
        let national = c.national_cell().expect("national row");
        assert_eq!(national.annual.percentiles[2].value(), Some(51_140));
    }

    #[test]
    fn a_metro_belongs_to_every_state_its_title_names() {
        let c = career();
        let nj = c
            .gazetteer
            .place(AreaCode::state(34))
            .expect("New Jersey is a place");
        let titles: Vec<&str> = c.areas_in(nj).map(|(p, _)| p.title.as_str()).collect();
        assert!(
            titles.contains(&"New York-Newark-Jersey City, NY-NJ"),
            "{titles:?}"
        );
        assert!(
            titles.iter().any(|t| t.starts_with("Trenton")),
            "{titles:?}"
        );
        assert!(!titles.iter().any(|t| t.starts_with("Hartford")));
    }

    #[test]
    fn a_metro_is_filed_under_its_first_state() {
        let c = career();
        let hartford = c
            .places()
            .map(|(p, _)| p)
            .find(|p| p.title.starts_with("Hartford"))
            .expect("Hartford has a row");
        let state = c.state_of(hartford).expect("a state");
        assert_eq!(state.title, "Connecticut");
        assert_eq!(
            title_states("Kansas City, MO-KS").collect::<Vec<_>>(),
            ["MO", "KS"]
        );
    }

    #[test]
    fn usps_and_fips_agree() {
        assert_eq!(state_by_usps("nj").map(|s| s.fips), Some(34));
        assert_eq!(state_by_usps("PR").map(|s| s.name), Some("Puerto Rico"));
        assert_eq!(state_code(11).map(|s| s.usps), Some("DC"));
        assert_eq!(state_by_usps("ZZ"), None);
    }
}
