//! The estimator's choices as a reader scans them: places grouped by state, and industries as a
//! readable hierarchy, largest first, without OEWS's ownership duplicates. Pure, so the order is
//! tested natively.

use crate::career::{state_code, Career};
use crate::place_search::PlaceOption;
use career_pack::{AreaKind, Figure, Industry, IndustryCode, Place};

/// Every place this career has a row for: the nation, then each state, DC and territory by
/// name, each followed by the metropolitan and nonmetropolitan areas it touches (a metro spanning
/// states is listed under each, so "NJ" finds New York-Newark-Jersey City).
pub fn place_options(career: &Career, nation_label: &str) -> Vec<PlaceOption> {
    let option = |place: &Place, label: &str, group: &str, keywords: &str| {
        PlaceOption::new(&place.code.to_string(), label, group, keywords)
    };
    let mut options = Vec::new();
    if let Some(nation) = career.nation().filter(|n| career.cell(n).is_some()) {
        options.push(option(nation, nation_label, "", "US USA"));
    }
    let mut states: Vec<&Place> = career
        .places()
        .map(|(p, _)| p)
        .filter(|p| p.kind == AreaKind::State)
        .collect();
    crate::order::sort_by_key(&mut states, |p| p.title.as_str());
    for state in states {
        let usps = state_code(state.state_fips).map_or("", |s| s.usps);
        options.push(option(state, &state.title, &state.title, usps));
        for (metro, _) in career.areas_in(state) {
            options.push(option(metro, &metro.title, &state.title, usps));
        }
    }
    options
}

/// One sector of the industry choices: the sector itself and its industries, indented by depth.
#[derive(Clone, Debug, PartialEq)]
pub struct IndustryGroup {
    pub sector: &'static Industry,
    /// (depth below the sector, industry), in tree order, each level largest first.
    pub industries: Vec<(u8, &'static Industry)>,
}

/// Industries with published pay as a hierarchy: sectors by employment, and within each, every
/// industry under its parent, siblings by employment. Left out: the cross-industry totals (that
/// is "All industries"), ownership splits (`622002`: state-owned hospitals repeat `622000`), an
/// industry that only repeats its parent's title (`456100` under `456000`), and any industry
/// whose pay BLS did not publish.
pub fn industry_groups(career: &'static Career) -> Vec<IndustryGroup> {
    let usable: Vec<(&'static Industry, u64)> = career
        .pack
        .industries
        .iter()
        .filter(|i| {
            !i.industry.is_cross_industry()
                && !i.industry.is_ownership_split()
                && i.cell.annual.mean.value().is_some()
        })
        .filter_map(|i| {
            career
                .industry(i.industry)
                .map(|name| (name, size(i.cell.employment)))
        })
        .collect();
    let parent_of = |code: IndustryCode| -> Option<IndustryCode> {
        // The nearest ancestor that is itself listed (a 4-digit industry whose 3-digit parent is
        // unpublished hangs under the sector).
        let mut up = code.parent();
        while let Some(p) = up {
            if usable.iter().any(|(i, _)| i.code == p) {
                return Some(p);
            }
            up = p.parent();
        }
        None
    };
    let children = |parent: IndustryCode| -> Vec<(&'static Industry, u64)> {
        let mut kids: Vec<(&'static Industry, u64)> = usable
            .iter()
            .copied()
            .filter(|(i, _)| parent_of(i.code) == Some(parent))
            .collect();
        crate::order::sort_by_key(&mut kids, |(i, employment)| {
            (std::cmp::Reverse(*employment), i.title.as_str())
        });
        kids
    };
    let mut sectors: Vec<(&'static Industry, u64)> = usable
        .iter()
        .copied()
        .filter(|(i, _)| i.code.is_sector())
        .collect();
    crate::order::sort_by_key(&mut sectors, |(i, employment)| {
        (std::cmp::Reverse(*employment), i.title.as_str())
    });
    sectors
        .into_iter()
        .map(|(sector, _)| {
            let mut industries = Vec::new();
            let mut stack: Vec<(u8, &'static Industry)> = children(sector.code)
                .into_iter()
                .rev()
                .map(|(i, _)| (1, i))
                .collect();
            while let Some((depth, industry)) = stack.pop() {
                let parent_title = parent_of(industry.code)
                    .and_then(|p| career.industry(p))
                    .map(|p| p.title.as_str());
                let repeats_parent = parent_title == Some(industry.title.as_str());
                let depth_here = if repeats_parent { depth - 1 } else { depth };
                if !repeats_parent {
                    industries.push((depth_here, industry));
                }
                for (child, _) in children(industry.code).into_iter().rev() {
                    stack.push((depth_here + 1, child));
                }
            }
            IndustryGroup { sector, industries }
        })
        .collect()
}

/// Employment as a sort key: a figure not released sorts after every published one.
fn size(employment: Figure) -> u64 {
    employment.value().map_or(0, u64::from)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::career::testing::career;

    #[test]
    fn places_are_grouped_by_state_with_the_nation_first() {
        let options = place_options(career(), "United States (national)");
        assert_eq!(options[0].label, "United States (national)");
        assert_eq!(options[1].label, "Alabama");
        let hartford = options
            .iter()
            .find(|o| o.label.starts_with("Hartford"))
            .expect("Hartford is a choice");
        assert_eq!(hartford.group, "Connecticut");
        assert_eq!(hartford.keywords, "CT");
        let new_york_city: Vec<&str> = options
            .iter()
            .filter(|o| o.label == "New York-Newark-Jersey City, NY-NJ")
            .map(|o| o.group.as_str())
            .collect();
        assert_eq!(new_york_city, ["New Jersey", "New York"]);
    }

    #[test]
    fn industries_read_as_a_hierarchy_largest_first_without_ownership_duplicates() {
        let groups = industry_groups(career());
        assert_eq!(
            groups[0].sector.title,
            "Sector 62 - Health Care and Social Assistance"
        );
        let health: Vec<(u8, &str)> = groups[0]
            .industries
            .iter()
            .map(|(d, i)| (*d, i.code.as_str()))
            .collect();
        // Ambulatory care (55,630) and hospitals (55,530): the larger first.
        assert_eq!(health[0], (1, "621000"));
        assert!(health.contains(&(2, "621100")), "{health:?}");
        assert!(health.contains(&(1, "622000")), "{health:?}");
        let all: Vec<&str> = groups
            .iter()
            .flat_map(|g| g.industries.iter().map(|(_, i)| i.code.as_str()))
            .collect();
        assert!(!all.contains(&"622002") && !all.contains(&"611005") && !all.contains(&"000001"));
        // 456100 repeats 456000's title: listed once.
        assert!(
            all.contains(&"456000") && !all.contains(&"456100"),
            "{all:?}"
        );
        let listed = all.len() + groups.len();
        assert!(listed > 60 && listed < 121, "{listed}");
    }
}
