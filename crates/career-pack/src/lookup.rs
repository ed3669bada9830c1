//! Small helpers every app needs on the model: figure tests, code parsing and printing, the NAICS
//! hierarchy of an industry code, and lookups by code in a pack and a gazetteer.
//!
//! Lookups scan linearly: a pack has at most a few hundred areas, and a scan is right even for a
//! hand-built, unsorted pack, where a binary search would silently miss.

use crate::model::{
    AreaCode, AreaFigures, Figure, Gazetteer, Industry, IndustryCode, IndustryFigures, Pack, Place,
    Projection, SeriesPoint,
};
use core::fmt;
use core::str::FromStr;

impl Figure {
    /// True for a published number.
    pub fn is_published(self) -> bool {
        matches!(self, Figure::Value(_))
    }

    /// True for BLS's `#`: at or above the top code.
    pub fn is_top_coded(self) -> bool {
        self == Figure::TopCoded
    }

    /// A published value, or not published: the usual way to build a figure from an option.
    pub fn from_option(value: Option<u32>) -> Figure {
        value.map_or(Figure::NotPublished, Figure::Value)
    }
}

/// A code string that is not an OEWS area or industry code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CodeError;

impl fmt::Display for CodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not an OEWS code")
    }
}

impl std::error::Error for CodeError {}

impl AreaCode {
    /// The nation.
    pub const NATIONAL: AreaCode = AreaCode(0);

    /// Parses BLS's 7 digits (`0035620`) or the same number without its leading zeros
    /// (`35620`, as some BLS tables print metro codes). Anything else is `None`.
    pub fn parse(text: &str) -> Option<AreaCode> {
        if text.is_empty() || text.len() > 7 || !text.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        text.parse().ok().map(AreaCode)
    }

    /// The area code of a state (or DC, or territory) by FIPS code: `34` -> `3400000`.
    pub fn state(fips: u8) -> AreaCode {
        AreaCode(u32::from(fips) * 100_000)
    }

    /// The FIPS code of a state's (or DC's, or a territory's) own area code; `None` for the
    /// nation and for metropolitan and nonmetropolitan areas.
    pub fn state_fips(self) -> Option<u8> {
        self.0
            .is_multiple_of(100_000)
            .then(|| u8::try_from(self.0 / 100_000).ok())?
            .filter(|f| *f > 0)
    }
}

impl FromStr for AreaCode {
    type Err = CodeError;
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        AreaCode::parse(text).ok_or(CodeError)
    }
}

/// Always 7 digits, as BLS writes area codes: `0035620`.
impl fmt::Display for AreaCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:07}", self.0)
    }
}

/// How deep in the NAICS hierarchy an industry code sits. An ownership split (`622002`) is at the
/// level of the industry it splits (`622000`, 3-digit).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum IndustryLevel {
    /// A NAICS sector or sector group as OEWS codes it: `62--63`, `31--34`, `99-100`.
    Sector,
    /// `622000`.
    ThreeDigit,
    /// `621100`, and OEWS's 4-digit aggregates such as `4240A2`.
    FourDigit,
    /// `621310`.
    FiveDigit,
    /// `524114`.
    SixDigit,
}

impl IndustryCode {
    /// All industries, all ownerships: `000000`.
    pub const CROSS_INDUSTRY: IndustryCode = IndustryCode(*b"000000");
    /// All industries, private ownership only: `000001`.
    pub const CROSS_INDUSTRY_PRIVATE: IndustryCode = IndustryCode(*b"000001");

    /// Parses BLS's six characters (digits, capital letters and `-`, e.g. `622000`, `4240A2`,
    /// `62--63`). Anything else is `None`; lower case is not accepted (BLS writes `A`).
    pub fn parse(text: &str) -> Option<IndustryCode> {
        let bytes: [u8; 6] = text.as_bytes().try_into().ok()?;
        let code = IndustryCode(bytes);
        code.is_well_formed().then_some(code)
    }

    /// True if every character is one BLS uses in industry codes (digits, `A`–`Z`, `-`).
    pub fn is_well_formed(&self) -> bool {
        self.0
            .iter()
            .all(|b| b.is_ascii_digit() || b.is_ascii_uppercase() || *b == b'-')
    }

    /// The code as text; empty for a hand-built code that is not ASCII (parsed and decoded codes
    /// always are).
    pub fn as_str(&self) -> &str {
        core::str::from_utf8(&self.0).unwrap_or("")
    }

    /// `000000` (all ownerships) or `000001` (private only): all industries together.
    pub fn is_cross_industry(&self) -> bool {
        *self == Self::CROSS_INDUSTRY || *self == Self::CROSS_INDUSTRY_PRIVATE
    }

    /// True for a sector code (`62--63`, `99-100`).
    pub fn is_sector(&self) -> bool {
        self.0.contains(&b'-')
    }

    /// An OEWS ownership designation: the industry of the same first five characters and a
    /// final `0`, restricted to one kind of owner (`622002` state-government-owned hospitals of
    /// `622000`; `999101` of `999100`; `000001` private-only cross-industry). A real 6-digit NAICS
    /// code never has a `0` fifth digit and a non-zero sixth (NAICS pads with zeros), so
    /// `524114` and `456110` are not splits.
    pub fn is_ownership_split(&self) -> bool {
        let c = &self.0;
        c[..4].iter().all(u8::is_ascii_digit) && c[4] == b'0' && (b'1'..=b'9').contains(&c[5])
    }

    /// The industry an ownership split restricts: `622002` -> `622000`.
    pub fn ownership_base(&self) -> Option<IndustryCode> {
        self.is_ownership_split().then(|| {
            let mut base = self.0;
            base[5] = b'0';
            IndustryCode(base)
        })
    }

    /// The OEWS sector code this industry belongs to (a sector is its own sector). NAICS sectors
    /// that span several 2-digit codes are one OEWS sector: 31–33 -> `31--34`, 44–45 -> `44--46`,
    /// 48–49 -> `48--50`; government (OEWS's 99) is `99-100`; any other `NN` is `NN--MM` with
    /// MM = NN + 1. `None` for the cross-industry totals and for codes that do not start with a
    /// 2-digit sector.
    pub fn sector(&self) -> Option<IndustryCode> {
        if self.is_sector() {
            return Some(*self);
        }
        let c = &self.0;
        if !c[0].is_ascii_digit() || !c[1].is_ascii_digit() {
            return None;
        }
        let nn = (c[0] - b'0') * 10 + (c[1] - b'0');
        let text: &[u8; 6] = match nn {
            0..=10 => return None,
            31..=33 => b"31--34",
            44 | 45 => b"44--46",
            48 | 49 => b"48--50",
            99 => b"99-100",
            _ => {
                let mm = nn + 1;
                return Some(IndustryCode([
                    c[0],
                    c[1],
                    b'-',
                    b'-',
                    b'0' + mm / 10,
                    b'0' + mm % 10,
                ]));
            }
        };
        Some(IndustryCode(*text))
    }

    /// The level in the NAICS hierarchy, `None` for the cross-industry totals.
    pub fn level(&self) -> Option<IndustryLevel> {
        if self.is_cross_industry() {
            return None;
        }
        if self.is_sector() {
            return Some(IndustryLevel::Sector);
        }
        let c = self.ownership_base().unwrap_or(*self).0;
        // OEWS aggregates such as `4240A2` sit at the level of the digits before the letter.
        let digits = c.iter().take_while(|b| b.is_ascii_digit()).count();
        let significant = if digits < 6 {
            digits
        } else {
            6 - c.iter().rev().take_while(|b| **b == b'0').count()
        };
        Some(match significant {
            0..=2 => IndustryLevel::Sector,
            3 => IndustryLevel::ThreeDigit,
            4 => IndustryLevel::FourDigit,
            5 => IndustryLevel::FiveDigit,
            _ => IndustryLevel::SixDigit,
        })
    }

    /// The next industry up: an ownership split's base industry, a NAICS code's code one digit
    /// shorter (`621310` -> `621300` -> `621000`), a 3-digit code's sector, and nothing above a
    /// sector or the cross-industry totals. The parent need not be published in a given pack.
    pub fn parent(&self) -> Option<IndustryCode> {
        if let Some(base) = self.ownership_base() {
            return Some(base);
        }
        match self.level()? {
            IndustryLevel::Sector => None,
            IndustryLevel::ThreeDigit => self.sector(),
            level => {
                let keep = match level {
                    IndustryLevel::FourDigit => 3,
                    IndustryLevel::FiveDigit => 4,
                    _ => 5,
                };
                let mut parent = self.0;
                parent[keep..].fill(b'0');
                Some(IndustryCode(parent))
            }
        }
    }
}

impl FromStr for IndustryCode {
    type Err = CodeError;
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        IndustryCode::parse(text).ok_or(CodeError)
    }
}

impl TryFrom<&str> for IndustryCode {
    type Error = CodeError;
    fn try_from(text: &str) -> Result<Self, Self::Error> {
        IndustryCode::parse(text).ok_or(CodeError)
    }
}

/// BLS's six characters: `622000`, `62--63`.
impl fmt::Display for IndustryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Pack {
    /// The cross-industry figures for an area, if BLS published a row for it. The areas are in
    /// code order within each kind (national, states, metros), so each kind's run is searched
    /// by halves; the estimator looks areas up on every input.
    pub fn area(&self, code: AreaCode) -> Option<&AreaFigures> {
        let mut rest = &self.areas[..];
        while let Some(first) = rest.first() {
            let kind = area_kind(first.area);
            let run = rest
                .iter()
                .position(|a| area_kind(a.area) != kind)
                .unwrap_or(rest.len());
            let (this, next) = rest.split_at(run);
            if kind == area_kind(code) {
                return match this.binary_search_by_key(&code, |a| a.area) {
                    Ok(i) => this.get(i),
                    Err(_) => this.iter().find(|a| a.area == code),
                };
            }
            rest = next;
        }
        None
    }

    /// The national cross-industry figures.
    pub fn national(&self) -> Option<&AreaFigures> {
        self.area(AreaCode::NATIONAL)
    }

    /// The national figures for an industry, if BLS published a row for it.
    pub fn industry(&self, code: IndustryCode) -> Option<&IndustryFigures> {
        self.industries.iter().find(|i| i.industry == code)
    }

    /// The national series point for a May reference year.
    pub fn series_year(&self, year: u16) -> Option<&SeriesPoint> {
        self.series.iter().find(|p| p.release.year == year)
    }
}

impl Gazetteer {
    /// A place by area code (the places are in code order: a binary search).
    pub fn place(&self, code: AreaCode) -> Option<&Place> {
        match self.places.binary_search_by_key(&code, |p| p.code) {
            Ok(i) => self.places.get(i),
            // Not in order (a hand-built gazetteer): fall back to a scan.
            Err(_) => self.places.iter().find(|p| p.code == code),
        }
    }

    /// An industry by code.
    pub fn industry(&self, code: IndustryCode) -> Option<&Industry> {
        self.industries.iter().find(|i| i.code == code)
    }
}

impl Projection {
    /// BLS's `—` (not given) is held as an empty string; these say `None` for it.
    fn given(text: &str) -> Option<&str> {
        (!text.is_empty()).then_some(text)
    }

    /// Typical education needed for entry, if given.
    pub fn education(&self) -> Option<&str> {
        Self::given(&self.education)
    }

    /// Work experience in a related occupation, if given.
    pub fn experience(&self) -> Option<&str> {
        Self::given(&self.experience)
    }

    /// Typical on-the-job training, if given.
    pub fn training(&self) -> Option<&str> {
        Self::given(&self.training)
    }
}

/// What kind of area a code is, from its digits alone: `0000000` national, `SS00000` a state,
/// anything else (`00NNNNN` metro, `SS0000N` nonmetropolitan) a metro-level area.
fn area_kind(code: AreaCode) -> u8 {
    match code.0 {
        0 => 0,
        c if c % 100_000 == 0 => 1,
        _ => 2,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_states_own_code_has_a_state_fips() {
        assert_eq!(AreaCode::state(34).state_fips(), Some(34));
        assert_eq!(AreaCode(35_620).state_fips(), None);
        assert_eq!(AreaCode(100_001).state_fips(), None);
        assert_eq!(AreaCode::NATIONAL.state_fips(), None);
    }

    fn code(text: &str) -> IndustryCode {
        IndustryCode::parse(text).unwrap_or_else(|| panic!("{text} parses"))
    }

    #[test]
    fn area_codes_parse_with_or_without_leading_zeros_and_print_as_seven_digits() {
        assert_eq!(AreaCode::parse("0035620"), Some(AreaCode(35_620)));
        assert_eq!(AreaCode::parse("35620"), Some(AreaCode(35_620)));
        assert_eq!("5000001".parse::<AreaCode>(), Ok(AreaCode(5_000_001)));
        assert_eq!(AreaCode::parse(""), None);
        assert_eq!(AreaCode::parse("00356201"), None);
        assert_eq!(AreaCode::parse("+35620"), None);
        assert_eq!(AreaCode::parse("3562O"), None);
        assert_eq!(AreaCode(35_620).to_string(), "0035620");
        assert_eq!(AreaCode::NATIONAL.to_string(), "0000000");
        assert_eq!(AreaCode::state(34), AreaCode(3_400_000));
    }

    #[test]
    fn industry_codes_parse_and_print_as_bls_writes_them() {
        assert_eq!(code("62--63").to_string(), "62--63");
        assert_eq!(code("4240A2").as_str(), "4240A2");
        assert_eq!(IndustryCode::parse("62200"), None);
        assert_eq!(IndustryCode::parse("6220000"), None);
        assert_eq!(IndustryCode::parse("4240a2"), None);
        assert_eq!(IndustryCode::parse("62 000"), None);
        assert_eq!(
            IndustryCode::try_from("622000"),
            Ok(IndustryCode(*b"622000"))
        );
        assert_eq!("62200".parse::<IndustryCode>(), Err(CodeError));
        assert_eq!(IndustryCode([0xff; 6]).as_str(), "");
    }

    #[test]
    fn ownership_splits_are_told_from_six_digit_naics() {
        for split in ["622002", "611005", "999101", "000001", "999001", "622305"] {
            assert!(code(split).is_ownership_split(), "{split}");
        }
        for not in [
            "524114", "456110", "621310", "622000", "62--63", "99-100", "4240A2",
        ] {
            assert!(!code(not).is_ownership_split(), "{not}");
        }
        assert_eq!(code("622002").ownership_base(), Some(code("622000")));
        assert_eq!(code("999101").ownership_base(), Some(code("999100")));
        assert!(code("000000").is_cross_industry() && code("000001").is_cross_industry());
        assert!(!code("622000").is_cross_industry());
    }

    #[test]
    fn sectors_follow_oews_groupings() {
        let sector = |c: &str| code(c).sector().map(|s| s.to_string());
        assert_eq!(sector("622002").as_deref(), Some("62--63"));
        assert_eq!(sector("339100").as_deref(), Some("31--34"));
        assert_eq!(sector("325000").as_deref(), Some("31--34"));
        assert_eq!(sector("456110").as_deref(), Some("44--46"));
        assert_eq!(sector("493100").as_deref(), Some("48--50"));
        assert_eq!(sector("4240A2").as_deref(), Some("42--43"));
        assert_eq!(sector("999301").as_deref(), Some("99-100"));
        assert_eq!(sector("813900").as_deref(), Some("81--82"));
        assert_eq!(sector("62--63").as_deref(), Some("62--63"));
        assert_eq!(sector("000000"), None);
        assert_eq!(sector("000001"), None);
    }

    #[test]
    fn levels_and_parents_walk_the_naics_tree() {
        let level = |c: &str| code(c).level();
        assert_eq!(level("62--63"), Some(IndustryLevel::Sector));
        assert_eq!(level("622000"), Some(IndustryLevel::ThreeDigit));
        assert_eq!(level("622002"), Some(IndustryLevel::ThreeDigit));
        assert_eq!(level("621100"), Some(IndustryLevel::FourDigit));
        assert_eq!(level("4240A2"), Some(IndustryLevel::FourDigit));
        assert_eq!(level("999101"), Some(IndustryLevel::FourDigit));
        assert_eq!(level("621310"), Some(IndustryLevel::FiveDigit));
        assert_eq!(level("524114"), Some(IndustryLevel::SixDigit));
        assert_eq!(level("000000"), None);
        let parent = |c: &str| code(c).parent().map(|p| p.to_string());
        assert_eq!(parent("524114").as_deref(), Some("524110"));
        assert_eq!(parent("621310").as_deref(), Some("621300"));
        assert_eq!(parent("621300").as_deref(), Some("621000"));
        assert_eq!(parent("4240A2").as_deref(), Some("424000"));
        assert_eq!(parent("621000").as_deref(), Some("62--63"));
        assert_eq!(parent("622105").as_deref(), Some("622100"));
        assert_eq!(parent("62--63"), None);
        assert_eq!(parent("000001").as_deref(), Some("000000"));
        assert_eq!(parent("000000"), None);
    }

    #[test]
    fn figures_say_what_they_are() {
        assert!(Figure::Value(0).is_published());
        assert!(!Figure::TopCoded.is_published() && Figure::TopCoded.is_top_coded());
        assert_eq!(Figure::from_option(None), Figure::NotPublished);
        assert_eq!(Figure::from_option(Some(5)).value(), Some(5));
    }
}
