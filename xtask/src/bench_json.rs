//! The bench's machine-readable output: each build's bytes by file and the numbers of each
//! measurement's summary lines, as JSON (written by hand: a few numbers and names need no
//! serialisation library in the build tool).

use crate::bundle;

/// One summary line's numbers: `years     median  5.40 ms, p95 10.00 ms, max 20.70 ms over …`
/// gives the label `years` and `median_ms`, `p95_ms`, `max_ms`.
#[derive(Debug, PartialEq)]
pub struct Summary {
    pub tool: String,
    pub label: String,
    pub values: Vec<(String, f64)>,
}

/// The statistics a summary line may give, each followed by a number and its unit (`ms`,
/// `points`…).
const STATISTICS: [&str; 4] = ["median", "p95", "max", "min"];

impl Summary {
    /// Reads a `<label> median <x> ms, p95 <y> ms…` line (values `median_ms`, `p95_ms`…) or a
    /// `<label> <x> [unit] -> <y> [unit]` line (values `before[_unit]`, `after[_unit]`); `None`
    /// for any other line.
    pub fn parse(tool: &str, line: &str) -> Option<Summary> {
        if line.contains(" median ") {
            Self::statistics(tool, line)
        } else {
            Self::change(tool, line)
        }
    }

    /// `js heap 0.90 MB -> 0.97 MB (+7.1 %)`: a value before and after.
    fn change(tool: &str, line: &str) -> Option<Summary> {
        let (left, right) = line.split_once(" -> ")?;
        let number_at = |text: &str| -> Option<(usize, f64, String)> {
            let words: Vec<&str> = text.split_whitespace().collect();
            let at = words.iter().position(|w| w.parse::<f64>().is_ok())?;
            let unit = words
                .get(at + 1)
                .filter(|u| u.chars().all(char::is_alphabetic))
                .map_or(String::new(), |u| format!("_{}", u.to_lowercase()));
            Some((at, words[at].parse().ok()?, unit))
        };
        let (at, before, unit) = number_at(left)?;
        let (_, after, _) = number_at(right)?;
        let label: Vec<&str> = left.split_whitespace().take(at).collect();
        Some(Summary {
            tool: tool.to_string(),
            label: label.join(" "),
            values: vec![
                (format!("before{unit}"), before),
                (format!("after{unit}"), after),
            ],
        })
    }

    fn statistics(tool: &str, line: &str) -> Option<Summary> {
        let (label, rest) = line.split_once(" median ")?;
        let rest = format!("median {rest}");
        let words: Vec<&str> = rest
            .split(|c: char| c.is_whitespace() || c == ',' || c == ';')
            .filter(|w| !w.is_empty())
            .collect();
        let values: Vec<(String, f64)> = words
            .windows(3)
            .filter(|w| STATISTICS.contains(&w[0]) && w[2].chars().all(char::is_alphabetic))
            .filter_map(|w| {
                let key = format!("{}_{}", w[0], w[2].to_lowercase());
                Some((key, w[1].parse().ok()?))
            })
            .collect();
        (!values.is_empty()).then(|| Summary {
            tool: tool.to_string(),
            label: label.trim().to_string(),
            values,
        })
    }
}

/// One build as JSON: its label, its files' bytes and the measurements' numbers.
pub fn build(label: &str, report: &bundle::Report, summaries: &[Summary]) -> String {
    let files: Vec<String> = report
        .files
        .iter()
        .map(|f| {
            format!(
                "{{\"name\":{},\"raw\":{},\"gzip\":{},\"brotli\":{}}}",
                string(&f.name),
                f.raw,
                f.gzip,
                f.brotli
            )
        })
        .collect();
    let measures: Vec<String> = summaries
        .iter()
        .map(|s| {
            let values: Vec<String> = s
                .values
                .iter()
                .map(|(name, v)| format!("{}:{v}", string(name)))
                .collect();
            format!(
                "{{\"tool\":{},\"label\":{},{}}}",
                string(&s.tool),
                string(&s.label),
                values.join(",")
            )
        })
        .collect();
    format!(
        "{{\"label\":{},\"bundle\":{{\"files\":[{}],\"total_brotli\":{},\"budget_brotli\":{},\
         \"first_view_brotli\":{},\"first_view_budget_brotli\":{}}},\"measures\":[{}]}}",
        string(label),
        files.join(","),
        report.total_brotli(),
        bundle::BUDGET_BYTES,
        report.first_view_brotli(),
        bundle::FIRST_VIEW_BUDGET_BYTES,
        measures.join(",")
    )
}

/// Every build, in order (the base first when there is one).
pub fn document(builds: &[String]) -> String {
    format!(
        "{{\"tool\":\"cargo xtask bench\",\"builds\":[\n{}\n]}}\n",
        builds.join(",\n")
    )
}

/// A JSON string literal.
fn string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_lines_give_their_label_and_numbers() {
        let line = "years     median  5.40 ms, p95 10.00 ms, max  20.70 ms over 120 events";
        let s = Summary::parse("measure-input", line).expect("a summary");
        assert_eq!(s.label, "years");
        assert_eq!(
            s.values,
            [
                ("median_ms".to_string(), 5.4),
                ("p95_ms".to_string(), 10.0),
                ("max_ms".to_string(), 20.7)
            ]
        );
        let tbt = "total blocking time median 786 ms, max 901 ms (CPU 4× slower)";
        let s = Summary::parse("measure-load", tbt).expect("a summary");
        assert_eq!(s.label, "total blocking time");
        assert_eq!(s.values.len(), 2);
        assert_eq!(Summary::parse("x", "budget: median <= 4 ms: OVER"), None);
        let score = Summary::parse(
            "l",
            "lighthouse performance median 82 points, min 80 points",
        )
        .expect("a summary");
        assert_eq!(
            score.values,
            [
                ("median_points".to_string(), 82.0),
                ("min_points".to_string(), 80.0)
            ]
        );
        let heap =
            Summary::parse("m", "js heap       0.90 MB ->     0.97 MB (+7.1 %)").expect("a change");
        assert_eq!(heap.label, "js heap");
        assert_eq!(
            heap.values,
            [
                ("before_mb".to_string(), 0.9),
                ("after_mb".to_string(), 0.97)
            ]
        );
        let nodes = Summary::parse("m", "dom nodes         1319 ->     1327").expect("a change");
        assert_eq!(
            nodes.values,
            [
                ("before".to_string(), 1319.0),
                ("after".to_string(), 1327.0)
            ]
        );
        assert_eq!(Summary::parse("x", "wasm transfer size 526564 bytes"), None);
    }

    #[test]
    fn the_document_is_json_with_every_number() {
        let report = bundle::Report {
            files: vec![bundle::FileSize {
                name: "a \"b\".wasm".to_string(),
                raw: 10,
                gzip: 8,
                brotli: 7,
            }],
        };
        let summary = Summary::parse(
            "measure-load",
            "first-chart-drawn median 561.3 ms, p95 628.6 ms",
        )
        .expect("a summary");
        let doc = document(&[build("this tree", &report, &[summary])]);
        assert!(doc.contains("\"name\":\"a \\\"b\\\".wasm\",\"raw\":10,\"gzip\":8,\"brotli\":7"));
        assert!(doc.contains("\"total_brotli\":7"));
        assert!(doc.contains("\"first_view_brotli\":0"), "{doc}");
        assert!(doc.contains(
            "{\"tool\":\"measure-load\",\"label\":\"first-chart-drawn\",\"median_ms\":561.3,\"p95_ms\":628.6}"
        ));
        let opens = doc.matches(['{', '[']).count();
        let closes = doc.matches(['}', ']']).count();
        assert_eq!(opens, closes);
    }
}
