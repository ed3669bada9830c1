//! The one list of charts. Each chart declares its entry in its own module: what it depends on,
//! whether choosing a mark selects an input, and how it builds (model, title, legend, source
//! line). The page looks a section up here and knows nothing else about charts.

use super::ChartRef;
use crate::career::Career;
use crate::estimator::{base_for, IndustryChoice, Inputs};
use crate::figures::Distribution;
use crate::format::NumberFormat;
use crate::messages::{Lang, Msg};
use crate::options::Section;
use career_pack::{AreaCode, IndustryCode, Place};

/// Everything a chart may be built from.
pub struct Context<'a> {
    pub career: &'static Career,
    pub inputs: Inputs,
    /// The current estimate (annual dollars), if there is one.
    pub estimate: Option<f64>,
    pub lang: Lang,
    pub fmt: &'a dyn NumberFormat,
}

impl Context<'_> {
    /// The state (or DC, or territory) of the reader's place; `None` for the nation.
    pub fn state(&self) -> Option<&'static Place> {
        self.career.state_of(self.inputs.place)
    }

    /// The place whose published distribution the estimate uses (the reader's, or its fallback).
    pub fn base_place(&self) -> &'static Place {
        base_for(self.career, self.inputs.place).map_or(self.inputs.place, |b| b.place)
    }

    /// The chosen industry's code; `None` for all industries.
    pub fn industry(&self) -> Option<IndustryCode> {
        match self.inputs.industry {
            IndustryChoice::All => None,
            IndustryChoice::Industry(i) => Some(i.code),
        }
    }

    /// "Source: publisher, title, period, SOC code[, place]." for one distribution.
    pub fn bls_source(&self, d: &Distribution, soc: &str, place: Option<&str>) -> String {
        let line = self.lang.fill(
            Msg::ChartSource,
            &[
                d.source.publisher,
                d.source.title,
                &crate::explanation::period_in(d.period, self.lang),
                soc,
            ],
        );
        match place {
            Some(place) => self.lang.fill(Msg::ChartSourcePlace, &[&line, place]),
            None => line,
        }
    }
}

/// What a chart depends on. A change of key rebuilds the model (and redraws the chart); nothing
/// else does.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Depends {
    Nothing,
    /// A place: the reader's state for the states chart, their place for the others.
    Place(Option<AreaCode>),
    Industry(Option<IndustryCode>),
    Inputs(Inputs),
    /// The base place and the estimate, by bit pattern (f64 is not `Eq`-friendly, its bits are).
    Estimate(Option<AreaCode>, Option<u64>),
}

/// A legend key: its swatch's CSS class and its label.
pub type Key = (&'static str, Msg);

pub const BAND_KEYS: [Key; 2] = [
    ("cpw-key-inner", Msg::LegendMiddleHalf),
    ("cpw-key-outer", Msg::LegendMost),
];
pub const SELECTION_KEYS: [Key; 1] = [("cpw-key-selected", Msg::ChartBarsLegendSelected)];

/// A built chart with everything shown around it.
pub struct Built {
    pub chart: ChartRef,
    pub title: String,
    pub source: String,
    pub keys: Vec<Key>,
}

/// A chart's entry in the registry.
pub struct Spec {
    pub section: Section,
    /// Whether choosing a mark (click, tap, Enter) selects an input.
    pub selectable: bool,
    /// Shown instead of the chart when it has nothing to show for these inputs: heading and
    /// hint. `None` hides the section.
    pub when_empty: Option<(Msg, Msg)>,
    pub depends: fn(&Context) -> Depends,
    pub build: fn(&Context) -> Option<Built>,
}

/// Every chart, in no particular order (the page's order comes from the embed options).
pub const CHARTS: [&Spec; 9] = [
    &super::tile_map::SPEC,
    &super::distribution::SPEC,
    &super::experience::SPEC,
    &super::states::SPEC,
    &super::metros::SPEC,
    &super::industries::SPEC,
    &super::over_time::SPEC,
    &super::comparison::SPEC,
    &super::outlook::SPEC,
];

/// The chart shown in `section`, if that section is a chart.
pub fn spec(section: Section) -> Option<&'static Spec> {
    CHARTS.iter().copied().find(|s| s.section == section)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::career::testing::{career, inputs};
    use crate::format::EnUs;

    fn context(place: u32) -> Context<'static> {
        Context {
            career: career(),
            inputs: inputs(place, "all", 5),
            estimate: Some(50_000.0),
            lang: Lang::En,
            fmt: &EnUs,
        }
    }

    #[test]
    fn every_chart_section_has_one_entry_that_builds_with_a_title_and_a_source() {
        for section in Section::ALL {
            let entries = CHARTS.iter().filter(|s| s.section == section).count();
            assert!(entries <= 1, "{section:?}");
            let Some(spec) = spec(section) else { continue };
            // New Jersey: every chart has something to show there.
            let built = (spec.build)(&context(3_400_000)).expect("builds for New Jersey");
            assert!(
                !built.title.is_empty() && !built.source.is_empty(),
                "{section:?}"
            );
            assert!(!built.chart.0.scene(390.0).items.is_empty(), "{section:?}");
        }
        assert_eq!(
            CHARTS.len(),
            Section::ALL.iter().filter(|s| spec(**s).is_some()).count()
        );
    }

    #[test]
    fn another_careers_charts_name_only_its_own_code_and_all_occupations() {
        // 29-9021 is compiled in (nation and states) for the comparison; as the career shown,
        // none of the article's 29-2071 history, editions or related careers may join it.
        let other = crate::career::compiled_in("29-9021")
            .expect("compiled in")
            .expect("decodes");
        assert!(!other.is_article_career() && career().is_article_career());
        let cx = Context {
            career: other,
            inputs: crate::estimator::Inputs {
                place: other.nation().expect("a national row"),
                ..inputs(0, "all", 5)
            },
            ..context(0)
        };
        let over_time = spec(Section::OverTime).expect("a chart");
        assert!((over_time.build)(&cx).is_none(), "one release: no trend");
        assert!(over_time.when_empty.is_some(), "and it says why");
        for section in [Section::Outlook, Section::Comparison] {
            let built = (spec(section).expect("a chart").build)(&cx)
                .unwrap_or_else(|| panic!("{section:?} builds"));
            let chart = &built.chart.0;
            let all = format!("{} {:?} {}", built.source, chart.table(), chart.summary());
            assert!(all.contains("29-9021"), "{section:?}: {all}");
            for foreign in ["29-2071", "29-2072", "31-9094", "2014-15", "2002"] {
                assert!(!all.contains(foreign), "{section:?} names {foreign}: {all}");
            }
        }
        // Its outlook is BLS's projections alone: no outlined bar, no state to choose, so the
        // legend names neither; the article's occupation has both.
        let outlook = spec(Section::Outlook).expect("a chart");
        let legend = |cx: &Context| -> Vec<&str> {
            (outlook.build)(cx)
                .map(|b| b.keys.iter().map(|(class, _)| *class).collect())
                .unwrap_or_default()
        };
        assert_eq!(legend(&cx), ["cpw-key-filled"]);
        assert_eq!(
            legend(&context(0)),
            ["cpw-key-filled", "cpw-key-outlined", "cpw-key-selected"]
        );
    }

    #[test]
    fn a_chart_is_rebuilt_only_when_what_it_depends_on_changes() {
        let states = spec(Section::States).expect("the states chart");
        let (nj, trenton) = (context(3_400_000), context(45_940));
        // A metro in New Jersey keeps the states chart as it was; Texas does not.
        assert_eq!((states.depends)(&nj), (states.depends)(&trenton));
        assert_ne!((states.depends)(&nj), (states.depends)(&context(4_800_000)));
        let metros = spec(Section::Metros).expect("the metros chart");
        assert_ne!((metros.depends)(&nj), (metros.depends)(&trenton));
        assert!(
            (metros.build)(&context(0)).is_none(),
            "no metros for the nation"
        );
    }
}
