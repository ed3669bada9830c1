//! The CSV a reader downloads: header lines saying what the figures are (career, SOC code,
//! place, industry, release, source, the view's URL), then each chart's data table as shown.
//! Written for spreadsheets: RFC 4180 quoting, CRLF line ends, a UTF-8 byte-order mark (Excel
//! reads accents and en dashes right only with it), and no cell a spreadsheet would run as a
//! formula.

use crate::career::Career;
use crate::charts::registry::{self, Built, Context};
use crate::charts::DataTable;
use crate::estimator::{IndustryChoice, Inputs};
use crate::explanation::{period_in, place_name, years_label};
use crate::format::NumberFormat;
use crate::messages::{Lang, Msg};
use crate::options::Section;

/// A byte-order mark: Excel takes a CSV without one for the system's legacy code page.
const BOM: char = '\u{feff}';

/// One chart's part of the file: its title, its source line, and its data table as shown.
pub struct Part<'a> {
    pub title: &'a str,
    pub source: &'a str,
    pub table: &'a DataTable,
}

/// The header lines for the view: the career, its SOC code, the place, industry and years
/// chosen, the release, and the URL that shows this view again. Names of places and
/// industries are BLS's own (English); the labels are in `lang`.
pub fn view_header(
    career: &Career,
    inputs: &Inputs,
    lang: Lang,
    url: &str,
) -> Vec<(String, String)> {
    let industry = match inputs.industry {
        IndustryChoice::All => lang.text(Msg::AllIndustriesOption).to_string(),
        IndustryChoice::Industry(i) => i.title.clone(),
    };
    [
        (Msg::CsvCareer, career.pack.title.clone()),
        (Msg::CsvSoc, career.pack.soc.clone()),
        (Msg::CsvPlace, place_name(inputs.place, lang)),
        (Msg::CsvIndustry, industry),
        (Msg::CsvYears, years_label(inputs.years, lang)),
        (
            Msg::CsvRelease,
            format!("BLS OEWS {}", period_in(&career.period, lang)),
        ),
        (Msg::CsvView, url.to_string()),
    ]
    .into_iter()
    .map(|(label, value)| (lang.text(label).to_string(), value))
    .collect()
}

/// The file: `header` as `name,value` lines, then each part after a blank line: its title, its
/// source, and its table.
pub fn document(header: &[(String, String)], parts: &[Part]) -> String {
    let mut out = String::new();
    out.push(BOM);
    for (name, value) in header {
        line(&mut out, [name.as_str(), value.as_str()].into_iter());
    }
    for part in parts {
        out.push_str("\r\n");
        line(&mut out, [part.title].into_iter());
        line(&mut out, [part.source].into_iter());
        line(&mut out, part.table.columns.iter().map(String::as_str));
        for row in &part.table.rows {
            line(&mut out, row.iter().map(String::as_str));
        }
    }
    out
}

/// Every chart of `sections` as the page shows them for these inputs (`estimate` marked where
/// a chart marks it), in one file, in the page's order.
pub fn whole_view(
    lang: Lang,
    fmt: &dyn NumberFormat,
    career: &'static Career,
    inputs: Inputs,
    estimate: Option<f64>,
    sections: &[Section],
    url: &str,
) -> String {
    let context = Context {
        career,
        inputs,
        estimate,
        lang,
        fmt,
    };
    let built: Vec<(Built, DataTable)> = sections
        .iter()
        .filter_map(|section| registry::spec(*section))
        .filter_map(|spec| (spec.build)(&context))
        .map(|built| {
            let table = built.chart.0.table();
            (built, table)
        })
        .collect();
    let parts: Vec<Part> = built
        .iter()
        .map(|(built, table)| Part {
            title: &built.title,
            source: &built.source,
            table,
        })
        .collect();
    document(&view_header(career, &inputs, lang, url), &parts)
}

fn line<'a>(out: &mut String, cells: impl Iterator<Item = &'a str>) {
    for (i, cell) in cells.enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&field(cell));
    }
    out.push_str("\r\n");
}

/// One cell: quoted when it holds a comma, a quote, a line break or edge spaces; a leading
/// `=`, `+`, `-`, `@` or tab is escaped with `'`, so a spreadsheet shows it instead of running
/// it as a formula (a host's title or a fetched name could be made to start with one).
fn field(cell: &str) -> String {
    let formula = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let cell = if formula {
        format!("'{cell}")
    } else {
        cell.to_string()
    };
    let quote = cell.contains([',', '"', '\n', '\r']) || cell.trim() != cell;
    if quote {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell
    }
}

/// A file name for `parts` (career title, chart): lowercase ASCII words joined by `-`.
pub fn file_name(parts: &[&str], extension: &str) -> String {
    let mut name = String::new();
    for word in parts
        .iter()
        .flat_map(|p| p.split(|c: char| !c.is_ascii_alphanumeric()))
        .filter(|w| !w.is_empty())
    {
        if !name.is_empty() {
            name.push('-');
        }
        name.push_str(&word.to_ascii_lowercase());
    }
    if name.is_empty() {
        name.push_str("figures");
    }
    format!("{name}.{extension}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> DataTable {
        DataTable {
            columns: vec!["Place".into(), "Annual pay".into()],
            rows: vec![
                vec!["Texas".into(), "$47,230".into()],
                vec!["Washington, DC".into(), "$239,200 or more".into()],
                vec!["“Quoted” \"place\"".into(), "not published".into()],
            ],
            highlighted: None,
        }
    }

    #[test]
    fn cells_are_quoted_only_when_they_must_be() {
        let header = [("SOC code".to_string(), "29-2072".to_string())];
        let part = Part {
            title: "Pay by state",
            source: "BLS OEWS, May 2025",
            table: &table(),
        };
        let csv = document(&header, &[part]);
        assert!(csv.starts_with('\u{feff}'));
        let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').split("\r\n").collect();
        assert_eq!(
            lines,
            [
                "SOC code,29-2072",
                "",
                "Pay by state",
                "\"BLS OEWS, May 2025\"",
                "Place,Annual pay",
                "Texas,\"$47,230\"",
                "\"Washington, DC\",\"$239,200 or more\"",
                "\"“Quoted” \"\"place\"\"\",not published",
                "",
            ]
        );
    }

    #[test]
    fn the_header_says_what_the_figures_are_in_the_readers_language() {
        use crate::career::testing::{career, inputs};
        let url = "https://example.edu/pay?place=34&years=5";
        let header = view_header(career(), &inputs(3_400_000, "all", 5), Lang::En, url);
        let get = |name: &str| {
            header
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, v)| v.as_str())
                .unwrap_or_else(|| panic!("no {name} in {header:?}"))
        };
        assert_eq!(get("SOC code"), "29-2072");
        assert_eq!(get("Career"), "Medical Records Specialists");
        assert_eq!(get("Place"), "New Jersey");
        assert_eq!(get("Industry"), "All industries");
        assert_eq!(get("Years of experience"), "5 years");
        assert_eq!(get("Release"), "BLS OEWS May 2025");
        assert_eq!(get("This view"), url);
        let national = view_header(career(), &inputs(0, "all", 1), Lang::En, url);
        assert_eq!(national[2], ("Place".into(), "the United States".into()));
        assert_eq!(national[4].1, "1 year");
    }

    #[test]
    fn the_whole_view_has_every_charts_table_in_the_pages_order() {
        use crate::career::testing::{career, inputs};
        use crate::options::Options;
        let fmt = crate::format::EnUs;
        let sections = Options::default().sections;
        let (nj, estimate) = (inputs(3_400_000, "all", 5), Some(48_000.0));
        let csv = whole_view(Lang::En, &fmt, career(), nj, estimate, &sections, "u");
        let context = Context {
            career: career(),
            inputs: nj,
            estimate,
            lang: Lang::En,
            fmt: &fmt,
        };
        let mut from = 0;
        let mut charts = 0;
        for spec in sections.iter().filter_map(|s| registry::spec(*s)) {
            let Some(built) = (spec.build)(&context) else {
                continue;
            };
            charts += 1;
            // Each chart's title, then its source and every row, after the previous chart's.
            let at = csv[from..].find(&format!("\r\n{}\r\n", field(&built.title)));
            let at = from + at.unwrap_or_else(|| panic!("{} missing or out of order", built.title));
            let table = built.chart.0.table();
            for row in &table.rows {
                let cells: Vec<String> = row.iter().map(|c| field(c)).collect();
                assert!(
                    csv[at..].contains(&cells.join(",")),
                    "{}: {row:?}",
                    built.title
                );
            }
            from = at + 1;
        }
        assert!(charts >= 7, "{charts} charts");
        assert!(csv.contains("\r\nPlace,New Jersey\r\n"));
    }

    #[test]
    fn nothing_runs_as_a_formula() {
        assert_eq!(field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(field("+78%"), "'+78%");
        assert_eq!(field("−5%"), "−5%");
        assert_eq!(field(" padded"), "\" padded\"");
    }

    #[test]
    fn file_names_are_plain() {
        assert_eq!(
            file_name(&["Medical Records Specialists", "Pay by state"], "csv"),
            "medical-records-specialists-pay-by-state.csv"
        );
        assert_eq!(file_name(&["Técnicos 医疗"], "png"), "t-cnicos.png");
        assert_eq!(file_name(&["—"], "csv"), "figures.csv");
    }
}
