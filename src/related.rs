//! A career's related careers: the other careers of the programs that prepare for it (a student
//! in that program could take those jobs too), else the careers of its SOC broad group
//! (`31-909x`), else of its minor group (`31-9xxx`); largest national employment first. Pure.

use career_pack::{CareerIndex, IndexEntry, Programs};

/// The most related careers listed.
pub const MAX_RELATED: usize = 6;

/// Why these careers are related to the one shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Relation {
    /// They share a program (CIP) with it.
    SameProgram,
    /// They are in its SOC group.
    SameGroup,
}

/// The careers related to `soc`, and how; empty when it is not in the index.
pub fn related<'a>(
    soc: &str,
    index: &'a CareerIndex,
    programs: &Programs,
) -> (Relation, Vec<&'a IndexEntry>) {
    let Some(own) = index.careers.iter().position(|c| c.soc == soc) else {
        return (Relation::SameGroup, Vec::new());
    };
    let own = own as u16;
    let mut found: Vec<u16> = Vec::new();
    for program in programs
        .programs
        .iter()
        .filter(|p| p.careers.contains(&own))
    {
        for &career in &program.careers {
            if career != own && !found.contains(&career) {
                found.push(career);
            }
        }
    }
    let mut relation = Relation::SameProgram;
    if found.is_empty() {
        relation = Relation::SameGroup;
        // Broad group (`31-909`), then minor group (`31-9`).
        for prefix in [&soc[..soc.len().min(6)], &soc[..soc.len().min(4)]] {
            found = (0..index.careers.len() as u16)
                .filter(|&i| i != own && index.careers[usize::from(i)].soc.starts_with(prefix))
                .collect();
            if !found.is_empty() {
                break;
            }
        }
    }
    let mut careers: Vec<&IndexEntry> = found
        .into_iter()
        .filter_map(|i| index.careers.get(usize::from(i)))
        .collect();
    careers.sort_by_key(|c| (std::cmp::Reverse(c.employment), c.soc.clone()));
    careers.truncate(MAX_RELATED);
    (relation, careers)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::subject::fixtures;

    fn index() -> CareerIndex {
        fixtures::index(&[
            ("29-2072", "", 194_720),
            ("29-9021", "", 40_000),
            ("31-9091", "", 350_000),
            ("31-9092", "", 790_000),
            ("31-9094", "", 50_000),
            ("31-9099", "", 90_000),
            ("31-1120", "", 3_000_000),
        ])
    }

    fn programs() -> Programs {
        fixtures::programs(&[(
            "51.0707",
            "Health Information/Medical Records Technology/Technician",
            &[0, 1],
        )])
    }

    fn socs(soc: &str) -> (Relation, Vec<String>) {
        let index = index();
        let (relation, careers) = related(soc, &index, &programs());
        (relation, careers.iter().map(|c| c.soc.clone()).collect())
    }

    #[test]
    fn a_programs_other_careers_come_first() {
        assert_eq!(
            socs("29-2072"),
            (Relation::SameProgram, vec!["29-9021".into()])
        );
    }

    #[test]
    fn else_the_broad_group_then_the_minor_group_largest_first() {
        assert_eq!(
            socs("31-9094"),
            (
                Relation::SameGroup,
                vec!["31-9092".into(), "31-9091".into(), "31-9099".into()]
            )
        );
        assert_eq!(
            socs("31-1120"),
            (Relation::SameGroup, vec![]),
            "31-1xxx has no other career here"
        );
        assert_eq!(socs("99-9999"), (Relation::SameGroup, vec![]));
    }
}
