//! The "Embed this" panel's search over every career and program, for a school's web editor:
//! by title words ("medical assist"), SOC code (`31-9092`, `3190`), CIP code (`51.0801`,
//! `51.08`) or program name. Pure: it ranks entries of the index and the programs.

use career_pack::{CareerIndex, Programs};

/// The most hits listed: more than an editor reads before refining what they typed.
pub const MAX_HITS: usize = 12;

/// One thing an editor can embed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hit {
    /// A career, by position in the index.
    Career(usize),
    /// A program, by position in the programs.
    Program(usize),
}

/// The careers and programs matching `query`, best first: code matches, then titles that start
/// with what was typed, then the rest; careers by national employment, programs by how many
/// careers they lead to. Programs that lead to no published career are left out (there is
/// nothing to embed for them). Empty for an empty query.
pub fn search(query: &str, index: &CareerIndex, programs: &Programs) -> Vec<Hit> {
    let query = fold(query.trim());
    if query.is_empty() {
        return Vec::new();
    }
    let digits: String = query.chars().filter(char::is_ascii_digit).collect();
    let is_code = !digits.is_empty()
        && query
            .chars()
            .all(|c| c.is_ascii_digit() || "-.".contains(c));
    let words: Vec<&str> = query.split_whitespace().collect();
    // (rank, tie-break, hit): lower ranks first.
    let mut found: Vec<(u8, i64, Hit)> = Vec::new();
    for (i, career) in index.careers.iter().enumerate() {
        let rank = if is_code {
            code_rank(&career.soc, &digits)
        } else {
            title_rank(&fold(&career.title), &words)
        };
        if let Some(rank) = rank {
            let size = i64::from(career.employment.unwrap_or(0));
            found.push((rank, -size, Hit::Career(i)));
        }
    }
    for (i, program) in programs.programs.iter().enumerate() {
        if program.careers.is_empty() {
            continue;
        }
        let rank = if is_code {
            code_rank(&program.cip, &digits)
        } else {
            title_rank(&fold(&program.title), &words)
        };
        if let Some(rank) = rank {
            found.push((rank, -(program.careers.len() as i64), Hit::Program(i)));
        }
    }
    found.sort_by_key(|(rank, tie, _)| (*rank, *tie));
    found
        .into_iter()
        .take(MAX_HITS)
        .map(|(_, _, hit)| hit)
        .collect()
}

/// A code matches when its digits start with the digits typed (0 when they are all of it).
fn code_rank(code: &str, digits: &str) -> Option<u8> {
    let own: String = code.chars().filter(char::is_ascii_digit).collect();
    own.starts_with(digits)
        .then_some(if own.len() == digits.len() { 0 } else { 1 })
}

/// A title matches when every word typed starts one of its words: 2 when the title begins with
/// the words typed, in order (what an editor copying a program's name types); 3 when its first
/// word is the first typed; 4 otherwise.
fn title_rank(title: &str, words: &[&str]) -> Option<u8> {
    let own: Vec<&str> = title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let all = words
        .iter()
        .all(|typed| own.iter().any(|w| w.starts_with(typed)));
    let in_order = words.len() <= own.len()
        && words
            .iter()
            .zip(&own)
            .all(|(typed, w)| w.starts_with(typed));
    all.then(|| match (own.first(), words.first()) {
        _ if in_order => 2,
        (Some(first), Some(typed)) if first.starts_with(typed) => 3,
        _ => 4,
    })
}

/// Lower case with the accents a reader may leave out taken off (`Técnicos` finds `tecnicos`),
/// and punctuation that joins words (`/`, `-`, `,`) read as a space.
fn fold(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            'á' | 'à' | 'â' | 'ä' | 'Á' => 'a',
            'é' | 'è' | 'ê' | 'ë' | 'É' => 'e',
            'í' | 'ï' | 'Í' => 'i',
            'ó' | 'ö' | 'ô' | 'Ó' => 'o',
            'ú' | 'ü' | 'Ú' => 'u',
            'ñ' | 'Ñ' => 'n',
            '/' | ',' | '(' | ')' => ' ',
            c => c.to_ascii_lowercase(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::subject::fixtures;

    fn index() -> CareerIndex {
        fixtures::index(&[
            ("29-2072", "Medical Records Specialists", 194_720),
            ("31-9092", "Medical Assistants", 790_000),
            ("31-9094", "Medical Transcriptionists", 40_000),
            (
                "43-6013",
                "Medical Secretaries and Administrative Assistants",
                700_000,
            ),
        ])
    }

    fn programs() -> Programs {
        fixtures::programs(&[
            (
                "51.0707",
                "Health Information/Medical Records Technology/Technician",
                &[0],
            ),
            ("51.0801", "Medical/Clinical Assistant", &[1]),
            ("51.0708", "Medical Transcription/Transcriptionist", &[2]),
            ("01.0508", "Taxidermy/Taxidermist", &[]),
        ])
    }

    fn titles(query: &str) -> Vec<String> {
        let (index, programs) = (index(), programs());
        search(query, &index, &programs)
            .into_iter()
            .map(|hit| match hit {
                Hit::Career(i) => index.careers[i].title.clone(),
                Hit::Program(i) => format!("program {}", programs.programs[i].title),
            })
            .collect()
    }

    #[test]
    fn words_find_careers_and_programs_largest_first() {
        assert_eq!(
            titles("medical assist"),
            [
                "Medical Assistants",
                "Medical Secretaries and Administrative Assistants",
                "program Medical/Clinical Assistant"
            ]
        );
        assert_eq!(titles("Clinical"), ["program Medical/Clinical Assistant"]);
        assert_eq!(
            titles("TRANSCRIPTION"),
            [
                "Medical Transcriptionists",
                "program Medical Transcription/Transcriptionist"
            ]
        );
        assert!(titles("  ").is_empty());
        assert!(titles("taxidermy").is_empty(), "a program with no career");
    }

    #[test]
    fn codes_find_by_their_digits_exact_first() {
        assert_eq!(titles("31-9092"), ["Medical Assistants"]);
        assert_eq!(
            titles("319"),
            ["Medical Assistants", "Medical Transcriptionists"]
        );
        assert_eq!(titles("51.0801"), ["program Medical/Clinical Assistant"]);
        assert_eq!(
            titles("51.07"),
            [
                "program Health Information/Medical Records Technology/Technician",
                "program Medical Transcription/Transcriptionist"
            ]
        );
    }
}
