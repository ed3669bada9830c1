//! The embedded figures (compiled in from `data/` by `build.rs`) and lookups over them.

pub mod model;
pub mod validate;

pub use model::*;

include!(concat!(env!("OUT_DIR"), "/figures.rs"));

/// The occupation every figure here is about (2010 SOC): the article's, May 2002–2018. It ends
/// with the May 2018 survey, so no later figure (29-2072, in [`crate::career`]) may join a series
/// with it.
pub const SOC_CODE: &str = "29-2071";

/// The source of every figure in the current career packs (OEWS May 2025).
pub const CURRENT_SOURCE: &str = career_pack::RELEASE_SOURCE;

/// The source of the national series kept for the article's occupation (29-2072, May 2021 on).
pub const SERIES_SOURCE: &str = career_pack::SERIES_SOURCE;

/// The source of the current Employment Projections (2024–34).
pub const PROJECTIONS_SOURCE: &str = "bls-ep-2024-34";

impl Figures {
    /// The national distribution for a May reference year, if BLS published one we hold.
    pub fn national(&self, year: u16) -> Option<&'static Distribution> {
        self.national.iter().find(|d| d.year == year)
    }

    /// A registered source by id.
    pub fn source(&self, id: &str) -> Option<&'static Source> {
        self.sources.iter().copied().find(|s| s.id == id)
    }

    /// A state or DC by USPS code (exact, upper case).
    pub fn area(&self, code: &str) -> Option<&'static Area> {
        self.areas.iter().find(|a| a.code == code)
    }

    /// An industry by id.
    pub fn industry(&self, id: &str) -> Option<&'static MeanWage> {
        self.industry_means.iter().find(|m| m.id == id)
    }

    /// Every mean wage held for a state, from every source.
    pub fn state_means(&self, code: &'static str) -> impl Iterator<Item = &'static MeanWage> {
        let all = self.state_means;
        all.iter().filter(move |m| m.id == code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_current_release_is_a_registered_source() {
        let source = FIGURES
            .source(CURRENT_SOURCE)
            .expect("registered in data/sources.csv");
        assert_eq!(source.period, "May 2025");
        assert_eq!(source.standing, Standing::Primary);
    }

    #[test]
    fn embedded_figures_pass_validation() {
        assert_eq!(validate::problems(&FIGURES), Vec::<String>::new());
    }

    #[test]
    fn may_2014_median_and_mean_are_not_swapped() {
        let may_2014 = FIGURES.national(2014).expect("May 2014 is in the series");
        assert_eq!(may_2014.annual.median(), 35_900.0);
        assert_eq!(may_2014.annual.mean, 38_860.0);
        assert_eq!(may_2014.annual.percentiles[0], 23_340.0);
        assert_eq!(may_2014.annual.percentiles[4], 59_160.0);
        assert_eq!(may_2014.period, "May 2014");
        assert_eq!(may_2014.soc_code, SOC_CODE);
    }

    #[test]
    fn the_article_called_the_mean_a_median() {
        let claim = FIGURES
            .article_claims
            .iter()
            .find(|c| c.as_stated.contains("median"))
            .expect("the article's national claim is kept");
        assert_eq!(
            claim.value,
            FIGURES.national(2014).map_or(0.0, |d| d.annual.mean)
        );
        assert!(claim.verdict.contains("MEAN"));
    }

    #[test]
    fn national_series_covers_2002_to_2018_without_2008() {
        let years: Vec<u16> = FIGURES.national.iter().map(|d| d.year).collect();
        assert_eq!(years.first(), Some(&2002));
        assert_eq!(years.last(), Some(&2018));
        assert_eq!(years.len(), 16);
        assert!(!years.contains(&2008));
        assert!(FIGURES.national.iter().all(|d| d.soc_code == SOC_CODE));
    }

    #[test]
    fn every_state_and_dc_is_a_choice_and_dc_has_no_2018_figure() {
        assert_eq!(FIGURES.areas.len(), 51);
        let dc: Vec<u16> = FIGURES.state_means("DC").map(|m| m.year).collect();
        assert_eq!(dc, vec![2014]);
        let fifty = FIGURES
            .state_means
            .iter()
            .filter(|m| m.year == 2018)
            .count();
        assert_eq!(fifty, 50);
    }

    #[test]
    fn every_figure_names_source_period_and_code() {
        for m in FIGURES.state_means.iter().chain(FIGURES.industry_means) {
            assert!(
                !m.period.is_empty() && !m.source.soc_code.is_empty(),
                "{m:?}"
            );
        }
        let article: Vec<&str> = FIGURES
            .industry_means
            .iter()
            .filter(|m| m.source.standing == Standing::Article)
            .map(|m| m.id)
            .collect();
        assert_eq!(
            article,
            [
                "pharmaceutical-and-medicine-manufacturing",
                "drugs-and-druggists-sundries-merchant-wholesalers",
                "legal-services"
            ]
        );
    }

    #[test]
    fn validation_catches_planted_faults() {
        static SWAPPED: Distribution = Distribution {
            id: "planted",
            year: 2014,
            period: "",
            soc_code: SOC_CODE,
            occupation: "x",
            area: "US",
            employment: Some(1),
            hourly: Some(WageStats {
                mean: 17.26,
                percentiles: [11.22, 13.58, 18.68, 18.0, 28.44],
            }),
            annual: WageStats {
                mean: 35_900.0,
                percentiles: [23_340.0, 28_250.0, 38_860.0, 37_000.0, 59_160.0],
            },
            source: &SOURCE_0,
        };
        static TWICE: [&Source; 2] = [&SOURCE_0, &SOURCE_0];
        let figures = Figures {
            national: std::slice::from_ref(&SWAPPED),
            sources: &TWICE,
            ..FIGURES
        };
        let problems = validate::problems(&figures).join("\n");
        assert!(problems.contains("duplicate source id"), "{problems}");
        assert!(problems.contains("is not registered"), "{problems}");
        assert!(problems.contains("do not strictly increase"), "{problems}");
        assert!(problems.contains("swapped"), "{problems}");
        assert!(problems.contains("no reference period"), "{problems}");
    }
}
