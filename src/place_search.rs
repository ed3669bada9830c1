//! Finding places by what a reader types: word-prefix matching that ignores case and accents,
//! ranked so the place the reader named outright comes first. Pure, so it is tested natively.

/// One choice in the picker.
#[derive(Clone, Debug, PartialEq)]
pub struct PlaceOption {
    /// Opaque value passed back when chosen (the 7-digit OEWS area code as text, e.g. "0035620").
    pub value: String,
    /// What the reader sees: "Hartford-West Hartford-East Hartford, CT", "New Jersey", "National".
    pub label: String,
    /// The group heading it is listed under (the state's name; the nation has group "").
    pub group: String,
    /// Extra words that also match, e.g. the USPS code "CT" for a state.
    pub keywords: String,
}

impl PlaceOption {
    pub fn new(value: &str, label: &str, group: &str, keywords: &str) -> Self {
        PlaceOption {
            value: value.to_string(),
            label: label.to_string(),
            group: group.to_string(),
            keywords: keywords.to_string(),
        }
    }
}

/// Characters that end a word. Beyond space, hyphen, comma, slash and period, brackets and dashes
/// also appear in area names and would otherwise glue two words together.
fn is_separator(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '-' | ',' | '/' | '.' | '(' | ')' | '&' | ';' | ':' | '\u{2013}' | '\u{2014}'
        )
}

/// The base letter of a lowercase character, or `None` for characters that are dropped.
///
/// Apostrophes are dropped rather than splitting, so "Coeur d'Alene" is found by "d'alene" and by
/// "dalene" alike; combining marks are dropped so decomposed text ("n" + U+0303) folds too.
fn fold(c: char) -> Option<char> {
    let base = match c {
        '\'' | '\u{2019}' | '\u{02bc}' | '\u{0300}'..='\u{036f}' => return None,
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'č' => 'c',
        'ď' | 'đ' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' => 'i',
        'ł' => 'l',
        'ñ' | 'ń' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => 'o',
        'ś' | 'š' | 'ş' => 's',
        'ť' | 'ţ' => 't',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => 'u',
        'ý' | 'ÿ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        other => other,
    };
    Some(base)
}

/// The folded words of `text`, in order. Queries and labels go through the same function, so
/// a query typed with the label's own punctuation ("Winston-Salem") still matches it.
fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        if is_separator(c) {
            if !word.is_empty() {
                out.push(std::mem::take(&mut word));
            }
        } else if let Some(base) = fold(c) {
            word.push(base);
        }
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

/// Indices into `options` of the places that match `query`, best first, at most `limit`.
///
/// Every word of the query must be the start of some word of the label, the group or the
/// keywords (case and common Latin accents ignored). Places whose label is the query come first,
/// then places whose label starts with it, then the rest; within each rank the input order (by
/// state) is kept. A query with no words matches every option, in order.
pub fn matches(options: &[PlaceOption], query: &str, limit: usize) -> Vec<usize> {
    SearchIndex::new(options).matches(query, limit)
}

/// The options' folded words, computed once per list: a keystroke then only folds the query
/// (folding ~600 labels on every keystroke was most of the time a filter took).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SearchIndex {
    /// Per option: its label's words joined by spaces, and every word it can be found by.
    entries: Vec<(String, Vec<String>)>,
}

impl SearchIndex {
    pub fn new(options: &[PlaceOption]) -> Self {
        let entries = options
            .iter()
            .map(|option| {
                let label = words(&option.label);
                let mut all = label.clone();
                all.extend(words(&option.group));
                all.extend(words(&option.keywords));
                (label.join(" "), all)
            })
            .collect();
        SearchIndex { entries }
    }

    /// See [`matches`].
    pub fn matches(&self, query: &str, limit: usize) -> Vec<usize> {
        let wanted = words(query);
        if wanted.is_empty() {
            return (0..self.entries.len()).take(limit).collect();
        }
        let phrase = wanted.join(" ");
        // Three ranks, each filled in input order: a stable ranking without a sort.
        let mut ranks: [Vec<usize>; 3] = Default::default();
        for (i, (label, all)) in self.entries.iter().enumerate() {
            if !wanted.iter().all(|w| all.iter().any(|a| a.starts_with(w))) {
                continue;
            }
            let rank = if *label == phrase {
                0
            } else if label.starts_with(&phrase) {
                1
            } else {
                2
            };
            ranks[rank].push(i);
        }
        ranks.into_iter().flatten().take(limit).collect()
    }
}

/// `indices` gathered under their group headings: each group once, in the order its first member
/// appears in `indices`, members in their order there. Ranked results keep their best match on
/// top while no heading repeats. Indices outside `options` are skipped.
pub fn group_in_order<'a>(
    options: &'a [PlaceOption],
    indices: &[usize],
) -> Vec<(&'a str, Vec<usize>)> {
    let mut groups: Vec<(&'a str, Vec<usize>)> = Vec::new();
    for &i in indices {
        let Some(option) = options.get(i) else {
            continue;
        };
        let group = option.group.as_str();
        match groups.iter_mut().find(|(g, _)| *g == group) {
            Some((_, members)) => members.push(i),
            None => groups.push((group, vec![i])),
        }
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    use PlaceOption as P;

    /// A slice of the real list, in its real order: nation, then by state.
    fn sample() -> Vec<PlaceOption> {
        vec![
            P::new("0000000", "National", "", "US United States"),
            P::new("0400000", "California", "California", "CA"),
            P::new(
                "0041940",
                "San Jose-Sunnyvale-Santa Clara, CA",
                "California",
                "",
            ),
            P::new(
                "0041860",
                "San Francisco-Oakland-Fremont, CA",
                "California",
                "",
            ),
            P::new("0800000", "Colorado", "Colorado", "CO"),
            P::new("0015860", "Cañon City, CO", "Colorado", ""),
            P::new("0900000", "Connecticut", "Connecticut", "CT"),
            P::new(
                "0025540",
                "Hartford-West Hartford-East Hartford, CT",
                "Connecticut",
                "",
            ),
            P::new("0035300", "New Haven, CT", "Connecticut", ""),
            P::new("1600000", "Idaho", "Idaho", "ID"),
            P::new("0017660", "Coeur d'Alene, ID", "Idaho", ""),
            P::new("3400000", "New Jersey", "New Jersey", "NJ"),
            P::new("3500000", "New Mexico", "New Mexico", "NM"),
            P::new("0021580", "Española, NM", "New Mexico", ""),
            P::new("3600000", "New York", "New York", "NY"),
            P::new(
                "0035620",
                "New York-Newark-Jersey City, NY-NJ-PA",
                "New York",
                "",
            ),
            P::new("7200000", "Puerto Rico", "Puerto Rico", "PR"),
            P::new("0032420", "Mayagüez, PR", "Puerto Rico", ""),
            P::new("0041980", "San Juan-Bayamón-Caguas, PR", "Puerto Rico", ""),
        ]
    }

    fn labels(query: &str) -> Vec<String> {
        let options = sample();
        matches(&options, query, usize::MAX)
            .into_iter()
            .map(|i| options[i].label.clone())
            .collect()
    }

    #[test]
    fn a_prefix_of_any_word_finds_the_place() {
        assert_eq!(labels("Hart"), ["Hartford-West Hartford-East Hartford, CT"]);
        assert_eq!(
            labels("west hart"),
            ["Hartford-West Hartford-East Hartford, CT"]
        );
    }

    #[test]
    fn every_word_must_match() {
        assert_eq!(
            labels("new y"),
            ["New York", "New York-Newark-Jersey City, NY-NJ-PA"]
        );
        assert!(labels("hartford zzz").is_empty());
        assert!(labels("zzz").is_empty());
    }

    #[test]
    fn a_state_code_finds_the_state_and_its_metros() {
        assert_eq!(
            labels("ct"),
            [
                "Connecticut",
                "Hartford-West Hartford-East Hartford, CT",
                "New Haven, CT"
            ]
        );
    }

    #[test]
    fn the_group_name_finds_every_place_in_the_state() {
        assert_eq!(
            labels("connecticut"),
            [
                "Connecticut",
                "Hartford-West Hartford-East Hartford, CT",
                "New Haven, CT"
            ]
        );
    }

    #[test]
    fn two_words_find_places_in_different_states() {
        assert_eq!(
            labels("san j"),
            [
                "San Jose-Sunnyvale-Santa Clara, CA",
                "San Juan-Bayamón-Caguas, PR"
            ]
        );
    }

    #[test]
    fn case_and_accents_are_ignored_both_ways() {
        assert_eq!(labels("CANON"), ["Cañon City, CO"]);
        assert_eq!(labels("cañon"), ["Cañon City, CO"]);
        assert_eq!(labels("espanola"), ["Española, NM"]);
        assert_eq!(labels("ESPAÑ"), ["Española, NM"]);
        assert_eq!(labels("mayaguez"), ["Mayagüez, PR"]);
        assert_eq!(labels("bayamon"), ["San Juan-Bayamón-Caguas, PR"]);
        // Decomposed input: "n" followed by a combining tilde.
        assert_eq!(labels("Can\u{303}on"), ["Cañon City, CO"]);
    }

    #[test]
    fn apostrophes_neither_split_nor_block_a_word() {
        assert_eq!(labels("coeur d'al"), ["Coeur d'Alene, ID"]);
        assert_eq!(labels("dalene"), ["Coeur d'Alene, ID"]);
        assert_eq!(labels("coeur d\u{2019}alene"), ["Coeur d'Alene, ID"]);
    }

    #[test]
    fn the_labels_own_punctuation_in_the_query_still_matches() {
        assert_eq!(
            labels("Hartford-West Hartford-East Hartford, CT"),
            ["Hartford-West Hartford-East Hartford, CT"]
        );
        assert_eq!(
            labels("new york-newark"),
            ["New York-Newark-Jersey City, NY-NJ-PA"]
        );
    }

    #[test]
    fn an_exact_label_comes_before_label_prefixes_before_the_rest() {
        // Labels that start with "new" come first, in input order; Española matches only
        // through its group (New Mexico), so it comes last.
        let found = labels("new");
        assert_eq!(
            found,
            [
                "New Haven, CT",
                "New Jersey",
                "New Mexico",
                "New York",
                "New York-Newark-Jersey City, NY-NJ-PA",
                "Española, NM",
            ]
        );
        assert_eq!(
            labels("new york"),
            ["New York", "New York-Newark-Jersey City, NY-NJ-PA"]
        );
        assert_eq!(
            labels("new jersey"),
            ["New Jersey", "New York-Newark-Jersey City, NY-NJ-PA"]
        );
        // "nm" is only a keyword and a word of a label, never a label's start: input order.
        assert_eq!(labels("nm"), ["New Mexico", "Española, NM"]);
    }

    #[test]
    fn an_exact_match_later_in_the_list_moves_to_the_top() {
        assert_eq!(
            labels("san juan bayamon caguas pr"),
            ["San Juan-Bayamón-Caguas, PR"]
        );
        let options = sample();
        let found = matches(&options, "colorado", usize::MAX);
        assert_eq!(found, [4, 5]);
        let found = matches(&options, "CO", usize::MAX);
        // "Coeur d'Alene" and "Colorado" start with "co"; the Colorado group and keyword catch
        // Cañon City; "Connecticut" too. Label prefixes first, in input order.
        let got: Vec<&str> = found.iter().map(|&i| options[i].label.as_str()).collect();
        assert_eq!(
            got,
            [
                "Colorado",
                "Connecticut",
                "Coeur d'Alene, ID",
                "Cañon City, CO",
                "Hartford-West Hartford-East Hartford, CT",
                "New Haven, CT",
            ]
        );
    }

    #[test]
    fn an_empty_query_lists_everything_in_order() {
        let options = sample();
        let all: Vec<usize> = (0..options.len()).collect();
        assert_eq!(matches(&options, "", usize::MAX), all);
        assert_eq!(matches(&options, "  \t ", usize::MAX), all);
        assert_eq!(matches(&options, " - , ", usize::MAX), all);
        assert_eq!(matches(&options, "", 3), [0, 1, 2]);
    }

    #[test]
    fn the_limit_caps_the_results_after_ranking() {
        let options = sample();
        assert_eq!(matches(&options, "new", 2).len(), 2);
        assert_eq!(
            matches(&options, "new york", 1),
            matches(&options, "new york", 9)[..1]
        );
        assert!(matches(&options, "new", 0).is_empty());
        assert!(matches(&[], "new", 10).is_empty());
    }

    #[test]
    fn results_are_grouped_by_first_appearance() {
        let options = sample();
        // Ranked: New Jersey (label prefix) before the New York metro; New Haven's group
        // (Connecticut) first because New Haven comes first.
        let found = matches(&options, "new", usize::MAX);
        let groups = group_in_order(&options, &found);
        let names: Vec<&str> = groups.iter().map(|(g, _)| *g).collect();
        assert_eq!(
            names,
            ["Connecticut", "New Jersey", "New Mexico", "New York"]
        );
        assert_eq!(groups[2].1, [12, 13]);
        assert_eq!(groups[3].1, [14, 15]);
        let all = matches(&options, "", usize::MAX);
        let groups = group_in_order(&options, &all);
        assert_eq!(groups[0], ("", vec![0]));
        assert_eq!(groups.len(), 9, "the nation and eight states");
        assert_eq!(group_in_order(&options, &[99, 0]), [("", vec![0])]);
    }

    #[test]
    fn grouping_keeps_every_index_once() {
        let options = sample();
        let found = matches(&options, "c", usize::MAX);
        let mut flat: Vec<usize> = group_in_order(&options, &found)
            .into_iter()
            .flat_map(|(_, members)| members)
            .collect();
        flat.sort_unstable();
        let mut expected = found.clone();
        expected.sort_unstable();
        assert_eq!(flat, expected);
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    fn options() -> Vec<PlaceOption> {
        [
            "National",
            "Alabama",
            "Mobile, AL",
            "Cañon City, CO",
            "San Juan, PR",
        ]
        .iter()
        .enumerate()
        .map(|(i, label)| PlaceOption {
            value: i.to_string(),
            label: (*label).into(),
            group: if i == 0 { String::new() } else { "G".into() },
            keywords: String::new(),
        })
        .collect()
    }

    proptest! {
        /// Whatever is typed: no panic, no index twice, none out of range, never over the limit.
        #[test]
        fn any_query_gives_distinct_in_range_indices(query in "\\PC{0,12}", limit in 0usize..8) {
            let options = options();
            let found = matches(&options, &query, limit);
            prop_assert!(found.len() <= limit);
            let mut seen = found.clone();
            seen.sort_unstable();
            seen.dedup();
            prop_assert_eq!(seen.len(), found.len());
            prop_assert!(found.iter().all(|&i| i < options.len()));
        }

        /// Any prefix of a label's word, in any case, finds that label.
        #[test]
        fn a_prefix_of_a_labels_word_finds_it(which in 0usize..5, cut in 1usize..6, upper: bool) {
            let options = options();
            let word = options[which].label.split([' ', ',']).next().unwrap_or_default();
            let query: String = word.chars().take(cut).collect();
            let query = if upper { query.to_uppercase() } else { query };
            prop_assert!(matches(&options, &query, usize::MAX).contains(&which));
        }
    }
}
