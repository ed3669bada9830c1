//! Which careers a page is about: `career=` (a SOC code, or a comma list a school picked),
//! `program=` (a CIP 2020 code: the program's careers, largest employment first) and `show=`
//! (which of them is shown), read from the URL and resolved against the index of careers and
//! the programs. Pure: the pages, fetches and notices' words live elsewhere.

use crate::career::DEFAULT_SOC;
use crate::config::{quote, Notice};
use career_pack::{CareerIndex, IndexEntry, Programs};

/// The most careers one page offers: a program maps to at most a few dozen, and a switcher with
/// more than this is no longer a choice a student can take in.
pub const MAX_CAREERS: usize = 12;

/// Codes that BLS replaced, and their successor: links written for the article keep working.
pub const SUCCESSORS: [(&str, &str); 1] = [("29-2071", DEFAULT_SOC)];

/// What the URL asks for, codes checked for form only (the index says whether they exist).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Subject {
    /// SOC codes, `31-9092`, each once, in the order given.
    pub careers: Vec<String>,
    /// A CIP 2020 code, `51.0707`.
    pub program: Option<String>,
    /// The career shown first, if not the first of the list.
    pub show: Option<String>,
}

impl Subject {
    /// Nothing asked beyond the career compiled into the widget: no fetch is needed.
    pub fn is_default(&self) -> bool {
        self.program.is_none()
            && self.careers.iter().all(|c| c == DEFAULT_SOC)
            && self.show.as_deref().is_none_or(|s| s == DEFAULT_SOC)
    }

    /// Reads `career` (one code or a comma list), noting each code that is not one.
    pub fn read_careers(&mut self, value: &str, notices: &mut Vec<Notice>) {
        for given in value.split(',').map(str::trim).filter(|v| !v.is_empty()) {
            match parse_soc(given) {
                Some(soc) => {
                    let soc = successor(soc, notices);
                    if !self.careers.contains(&soc) {
                        self.careers.push(soc);
                    }
                }
                None => notices.push(Notice::UnknownCareer(quote(given))),
            }
        }
        if self.careers.len() > MAX_CAREERS {
            self.careers.truncate(MAX_CAREERS);
            notices.push(Notice::TooManyCareers);
        }
    }

    /// Reads `program`, noting a value that is not a CIP code.
    pub fn read_program(&mut self, value: &str, notices: &mut Vec<Notice>) {
        match parse_cip(value) {
            Some(cip) => self.program = Some(cip),
            None => notices.push(Notice::UnknownProgram(quote(value))),
        }
    }

    /// Reads `show` (quietly ignored when not a code: it is written by the widget, not a host).
    pub fn read_show(&mut self, value: &str) {
        self.show = parse_soc(value).map(|soc| successor(soc, &mut Vec::new()));
    }

    /// The URL parameters that ask for this subject again, in a fixed order.
    pub fn parameters(&self) -> Vec<(&'static str, String)> {
        let mut params = Vec::new();
        if let Some(program) = &self.program {
            params.push(("program", program.clone()));
        }
        // The default career alone is what no parameter means.
        let only_default = self.careers == [DEFAULT_SOC] && self.program.is_none();
        if !self.careers.is_empty() && !only_default {
            params.push(("career", self.careers.join(",")));
        }
        if let Some(show) = &self.show {
            params.push(("show", show.clone()));
        }
        params
    }
}

/// `31-9092`, `319092` or O*NET's `31-9092.00` as `31-9092`; `None` if not a SOC code's form.
pub fn parse_soc(text: &str) -> Option<String> {
    let text = text.trim();
    two_and_four(text.strip_suffix(".00").unwrap_or(text), '-')
}

/// `51.0707` or `510707` as `51.0707`; `None` if not a six-digit CIP code's form.
pub fn parse_cip(text: &str) -> Option<String> {
    two_and_four(text.trim(), '.')
}

/// Six digits, written `NN<separator>NNNN` or bare, as `NN<separator>NNNN`: the form both SOC
/// and CIP codes share.
fn two_and_four(text: &str, separator: char) -> Option<String> {
    let digits = match text.split_once(separator) {
        Some((head, tail)) if head.len() == 2 && tail.len() == 4 => format!("{head}{tail}"),
        None if text.len() == 6 => text.to_string(),
        _ => return None,
    };
    digits
        .bytes()
        .all(|b| b.is_ascii_digit())
        .then(|| format!("{}{separator}{}", &digits[..2], &digits[2..]))
}

/// A replaced code's successor, with a note; any other code as it is.
fn successor(soc: String, notices: &mut Vec<Notice>) -> String {
    match SUCCESSORS.iter().find(|(old, _)| *old == soc) {
        Some((old, new)) => {
            notices.push(Notice::CareerSucceeded(old.to_string(), new.to_string()));
            new.to_string()
        }
        None => soc,
    }
}

/// The careers a page offers, resolved: the program (code and title) if one was asked for, the
/// careers in switcher order, which one is shown, and what could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lineup {
    pub program: Option<(String, String)>,
    pub careers: Vec<IndexEntry>,
    pub shown: usize,
    pub notices: Vec<Notice>,
}

impl Lineup {
    /// The career shown.
    pub fn current(&self) -> Option<&IndexEntry> {
        self.careers.get(self.shown)
    }
}

/// Resolves `subject` against the index (and the programs, when a program is asked for): the
/// program's careers, then each named career the program does not already hold; unknown codes,
/// an unknown program and a program that prepares for no published occupation are noted, and a
/// lineup left empty holds the default career.
pub fn resolve(subject: &Subject, index: &CareerIndex, programs: Option<&Programs>) -> Lineup {
    let mut notices = Vec::new();
    let mut careers: Vec<IndexEntry> = Vec::new();
    let mut program = None;
    if let Some(cip) = &subject.program {
        match programs.and_then(|p| p.programs.iter().find(|p| &p.cip == cip)) {
            Some(found) => {
                program = Some((found.cip.clone(), found.title.clone()));
                careers.extend(
                    found
                        .careers
                        .iter()
                        .filter_map(|i| index.careers.get(usize::from(*i)).cloned())
                        .take(MAX_CAREERS),
                );
                if careers.is_empty() {
                    notices.push(Notice::ProgramWithoutCareers(found.title.clone()));
                }
            }
            None => notices.push(Notice::UnknownProgram(quote(cip))),
        }
    }
    for soc in &subject.careers {
        match index.careers.iter().find(|c| &c.soc == soc) {
            Some(_) if careers.iter().any(|c| &c.soc == soc) => {}
            Some(entry) => careers.push(entry.clone()),
            None => notices.push(Notice::CareerNotPublished(soc.clone())),
        }
    }
    careers.truncate(MAX_CAREERS);
    if careers.is_empty() {
        careers.extend(index.careers.iter().find(|c| c.soc == DEFAULT_SOC).cloned());
        notices.extend(
            careers
                .first()
                .map(|c| Notice::ShowingDefault(c.title.clone())),
        );
    }
    let shown = subject
        .show
        .as_ref()
        .and_then(|show| careers.iter().position(|c| &c.soc == show))
        .unwrap_or(0);
    Lineup {
        program,
        careers,
        shown,
        notices,
    }
}

/// Index entries and programs written as tables, for the tests of the modules that read them
/// (`subject`, `catalog_search`, `related`).
#[cfg(test)]
pub(crate) mod fixtures {
    use career_pack::{CareerIndex, IndexEntry, Program, Programs, Release};

    /// An index of (SOC, title, national employment), in that order.
    pub fn index(careers: &[(&str, &str, u32)]) -> CareerIndex {
        CareerIndex {
            release: Release { year: 2025 },
            careers: careers
                .iter()
                .map(|(soc, title, employment)| IndexEntry {
                    soc: soc.to_string(),
                    title: title.to_string(),
                    file: format!("{soc}.0.cpak"),
                    employment: Some(*employment),
                })
                .collect(),
        }
    }

    /// Programs of (CIP, title, positions of their careers in the index).
    pub fn programs(programs: &[(&str, &str, &[u16])]) -> Programs {
        Programs {
            programs: programs
                .iter()
                .map(|(cip, title, careers)| Program {
                    cip: cip.to_string(),
                    title: title.to_string(),
                    careers: careers.to_vec(),
                })
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::fixtures;
    use super::*;

    fn index() -> CareerIndex {
        fixtures::index(&[
            ("29-2072", "Medical Records Specialists", 1),
            (
                "29-9021",
                "Health Information Technologists and Medical Registrars",
                1,
            ),
            ("31-9092", "Medical Assistants", 1),
        ])
    }

    fn programs() -> Programs {
        fixtures::programs(&[
            (
                "51.0707",
                "Health Information/Medical Records Technology",
                &[0, 1],
            ),
            ("51.0801", "Medical/Clinical Assistant", &[2]),
            ("24.0101", "Liberal Arts and Sciences/Liberal Studies", &[]),
        ])
    }

    fn read(query: &str) -> (Subject, Vec<Notice>) {
        let (options, notices) = crate::options::from_query(query);
        (options.subject, notices)
    }

    #[test]
    fn codes_are_read_in_every_common_form() {
        for given in ["31-9092", "319092", "31-9092.00", " 31-9092 "] {
            assert_eq!(parse_soc(given).as_deref(), Some("31-9092"), "{given}");
        }
        for bad in ["31-909", "3190922", "31_9092", "ab-cdef", "", "31-9092.01"] {
            assert_eq!(parse_soc(bad), None, "{bad}");
        }
        assert_eq!(parse_cip("51.0707").as_deref(), Some("51.0707"));
        assert_eq!(parse_cip("510707").as_deref(), Some("51.0707"));
        for bad in ["51.07", "5.10707", "51-0707", "51.07a7"] {
            assert_eq!(parse_cip(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_list_keeps_its_order_drops_repeats_and_names_what_it_could_not_read() {
        let (subject, notices) = read("career=31-9092,319092,nurse,29-2071");
        assert_eq!(subject.careers, ["31-9092", "29-2072"]);
        assert_eq!(
            notices,
            [
                Notice::UnknownCareer("nurse".into()),
                Notice::CareerSucceeded("29-2071".into(), "29-2072".into())
            ]
        );
        let many: Vec<String> = (0..20).map(|n| format!("11-{:04}", 1000 + n)).collect();
        let (subject, notices) = read(&format!("career={}", many.join(",")));
        assert_eq!(subject.careers.len(), MAX_CAREERS);
        assert_eq!(notices, [Notice::TooManyCareers]);
    }

    #[test]
    fn only_the_compiled_in_career_needs_no_fetch() {
        assert!(read("").0.is_default());
        assert!(read("career=29-2072&place=NJ").0.is_default());
        assert!(read("career=29-2071").0.is_default());
        assert!(!read("career=31-9092").0.is_default());
        assert!(!read("program=51.0707").0.is_default());
        assert!(!read("career=29-2072,29-9021").0.is_default());
    }

    #[test]
    fn a_program_offers_its_careers_then_the_ones_named_beside_it() {
        let (subject, _) = read("program=51.0707&career=31-9092,29-9021&show=319092");
        let lineup = resolve(&subject, &index(), Some(&programs()));
        let socs: Vec<&str> = lineup.careers.iter().map(|c| c.soc.as_str()).collect();
        assert_eq!(socs, ["29-2072", "29-9021", "31-9092"]);
        assert_eq!(lineup.current().map(|c| c.soc.as_str()), Some("31-9092"));
        assert_eq!(
            lineup.program,
            Some((
                "51.0707".into(),
                "Health Information/Medical Records Technology".into()
            ))
        );
        assert!(lineup.notices.is_empty());
        assert_eq!(
            subject.parameters(),
            [
                ("program", "51.0707".to_string()),
                ("career", "31-9092,29-9021".to_string()),
                ("show", "31-9092".to_string())
            ]
        );
    }

    #[test]
    fn what_cannot_be_offered_is_named_and_the_default_career_is_shown() {
        let (subject, _) = read("program=24.0101");
        let lineup = resolve(&subject, &index(), Some(&programs()));
        assert_eq!(
            lineup.notices,
            [
                Notice::ProgramWithoutCareers("Liberal Arts and Sciences/Liberal Studies".into()),
                Notice::ShowingDefault("Medical Records Specialists".into())
            ]
        );
        assert_eq!(lineup.current().map(|c| c.soc.as_str()), Some(DEFAULT_SOC));
        let (subject, _) = read("program=99.9999&career=45-2099");
        let lineup = resolve(&subject, &index(), Some(&programs()));
        assert_eq!(
            lineup.notices,
            [
                Notice::UnknownProgram("99.9999".into()),
                Notice::CareerNotPublished("45-2099".into()),
                Notice::ShowingDefault("Medical Records Specialists".into())
            ]
        );
        assert_eq!(lineup.careers.len(), 1);
        assert_eq!(lineup.shown, 0);
    }
}
