//! Reads BLS's own CSV layouts into a [`Pack`] for any SOC code, and the names every pack refers to
//! into a [`Gazetteer`], validating as it goes. Build time only (feature `import`).
//!
//! Every problem is reported with `file:line` (the CSV line, the header being line 1) and all of
//! them are collected before failing, so one run shows everything a refresh broke. Next year's
//! refresh is new files in the same directory: the release year is read from the file names
//! (`oews_may2025_…`), and the newest release present is used unless one is asked for.

mod decimal;

pub use decimal::{fixed, fixed_i32, fixed_u32, DecimalError};

use crate::model::{
    AreaCode, AreaFigures, AreaKind, Cell, Figure, Gazetteer, Industry, IndustryCode,
    IndustryFigures, Pack, Place, Projection, Release, SeriesPoint, Wages,
};
use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::path::{Path, PathBuf};

/// One problem in the source files.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportError {
    /// The file, as opened.
    pub file: PathBuf,
    /// The CSV line (header = 1); `None` for a problem with the whole file (missing, unreadable).
    pub line: Option<u64>,
    pub message: String,
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{line}: {}", self.file.display(), self.message),
            None => write!(f, "{}: {}", self.file.display(), self.message),
        }
    }
}

/// Every problem found, in the order found (file by file, line by line).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportErrors(pub Vec<ImportError>);

impl fmt::Display for ImportErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (n, error) in self.0.iter().enumerate() {
            if n > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{error}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ImportErrors {}

/// Collects problems as files are read.
#[derive(Default)]
struct Problems(Vec<ImportError>);

impl Problems {
    fn at(&mut self, file: &Path, line: u64, message: impl Into<String>) {
        self.0.push(ImportError {
            file: file.to_path_buf(),
            line: Some(line),
            message: message.into(),
        });
    }

    fn file(&mut self, file: &Path, message: impl Into<String>) {
        self.0.push(ImportError {
            file: file.to_path_buf(),
            line: None,
            message: message.into(),
        });
    }

    /// One problem with a whole file, as the only error.
    fn only<T>(file: &Path, message: impl Into<String>) -> Result<T, ImportErrors> {
        let mut problems = Problems::default();
        problems.file(file, message);
        Err(ImportErrors(problems.0))
    }

    fn finish<T>(self, value: T) -> Result<T, ImportErrors> {
        if self.0.is_empty() {
            Ok(value)
        } else {
            Err(ImportErrors(self.0))
        }
    }
}

/// A CSV file read whole: its header and its rows with their line numbers.
struct Table {
    path: PathBuf,
    columns: HashMap<String, usize>,
    rows: Vec<(u64, csv::StringRecord)>,
}

impl Table {
    /// Reads a file; a file that cannot be read or parsed as CSV is reported, rows that cannot be
    /// parsed are reported and left out.
    fn read(path: &Path, problems: &mut Problems) -> Option<Table> {
        let mut reader = match csv::ReaderBuilder::new().flexible(true).from_path(path) {
            Ok(reader) => reader,
            Err(error) => {
                problems.file(path, format!("cannot be read: {error}"));
                return None;
            }
        };
        let header = match reader.headers() {
            Ok(header) => header.clone(),
            Err(error) => {
                problems.at(path, 1, format!("header cannot be read: {error}"));
                return None;
            }
        };
        let mut columns = HashMap::new();
        for (index, name) in header.iter().enumerate() {
            let name = name.trim_start_matches('\u{feff}').trim();
            if columns.insert(name.to_string(), index).is_some() {
                problems.at(path, 1, format!("column {name} appears twice"));
            }
        }
        let mut rows = Vec::new();
        for record in reader.records() {
            match record {
                Ok(record) => {
                    let line = record.position().map_or(0, |p| p.line());
                    if record.len() != header.len() {
                        problems.at(
                            path,
                            line,
                            format!(
                                "has {} fields, the header has {}",
                                record.len(),
                                header.len()
                            ),
                        );
                    } else {
                        rows.push((line, record));
                    }
                }
                Err(error) => {
                    let line = error.position().map_or(0, |p| p.line());
                    problems.at(path, line, format!("cannot be parsed as CSV: {error}"));
                }
            }
        }
        Some(Table {
            path: path.to_path_buf(),
            columns,
            rows,
        })
    }

    /// The indexes of the named columns, or `None` after reporting every missing one.
    fn require<const N: usize>(
        &self,
        names: [&str; N],
        problems: &mut Problems,
    ) -> Option<[usize; N]> {
        let mut found = [0; N];
        let mut complete = true;
        for (slot, name) in found.iter_mut().zip(names) {
            match self.columns.get(name) {
                Some(index) => *slot = *index,
                None => {
                    problems.at(&self.path, 1, format!("missing column {name}"));
                    complete = false;
                }
            }
        }
        complete.then_some(found)
    }

    /// The first column whose name satisfies a test.
    fn find(&self, test: impl Fn(&str) -> bool) -> Option<(&str, usize)> {
        let mut matches: Vec<(&str, usize)> = self
            .columns
            .iter()
            .filter(|(name, _)| test(name))
            .map(|(name, index)| (name.as_str(), *index))
            .collect();
        matches.sort_by_key(|(_, index)| *index);
        matches.first().copied()
    }
}

/// What a field may hold besides a number.
#[derive(Clone, Copy)]
struct FieldKind {
    /// Digits after the point the unit holds.
    decimals: usize,
    /// `#` (a wage at or above the top code) allowed.
    top_code: bool,
    /// Empty means not published (JOBS_1000 and LOC_QUOTIENT on national rows).
    empty: bool,
}

const COUNT: FieldKind = FieldKind {
    decimals: 0,
    top_code: false,
    empty: false,
};
const TENTHS: FieldKind = FieldKind {
    decimals: 1,
    top_code: false,
    empty: false,
};
const HOURLY: FieldKind = FieldKind {
    decimals: 2,
    top_code: true,
    empty: false,
};
const ANNUAL: FieldKind = FieldKind {
    decimals: 0,
    top_code: true,
    empty: false,
};
const THOUSANDTHS: FieldKind = FieldKind {
    decimals: 3,
    top_code: false,
    empty: true,
};

/// Parses one field into a figure, or says what is wrong with it.
fn figure(text: &str, kind: FieldKind) -> Result<Figure, String> {
    match text {
        "*" | "**" => Ok(Figure::NotPublished),
        "#" if kind.top_code => Ok(Figure::TopCoded),
        "#" => Err("is top-coded (#), which only a wage can be".into()),
        "" if kind.empty => Ok(Figure::NotPublished),
        "" => Err("is empty (write * or ** for not published)".into()),
        _ => fixed_u32(text, kind.decimals)
            .map(Figure::Value)
            .map_err(|error| match error {
                DecimalError::NotANumber => {
                    "is not a number, nor a BLS marker (*, **, #)".to_string()
                }
                DecimalError::TooManyDecimals => format!(
                    "has more than {} decimal{}",
                    kind.decimals,
                    if kind.decimals == 1 { "" } else { "s" }
                ),
                DecimalError::TooLarge => "is too large".into(),
            }),
    }
}

/// The columns of one OEWS estimate, by BLS's names (the same in the flat files and in the
/// `national_M<year>_dl` layout).
const CELL_COLUMNS: [&str; 17] = [
    "TOT_EMP",
    "EMP_PRSE",
    "MEAN_PRSE",
    "H_MEAN",
    "H_PCT10",
    "H_PCT25",
    "H_MEDIAN",
    "H_PCT75",
    "H_PCT90",
    "A_MEAN",
    "A_PCT10",
    "A_PCT25",
    "A_MEDIAN",
    "A_PCT75",
    "A_PCT90",
    "JOBS_1000",
    "LOC_QUOTIENT",
];

const CELL_KINDS: [FieldKind; 17] = [
    COUNT,
    TENTHS,
    TENTHS,
    HOURLY,
    HOURLY,
    HOURLY,
    HOURLY,
    HOURLY,
    HOURLY,
    ANNUAL,
    ANNUAL,
    ANNUAL,
    ANNUAL,
    ANNUAL,
    ANNUAL,
    THOUSANDTHS,
    THOUSANDTHS,
];

/// Reads and checks one estimate; `None` after reporting its problems.
fn read_cell(
    table: &Table,
    line: u64,
    record: &csv::StringRecord,
    columns: &[usize; 17],
    problems: &mut Problems,
) -> Option<Cell> {
    let mut values = [Figure::NotPublished; 17];
    let mut ok = true;
    for ((slot, column), (name, kind)) in values
        .iter_mut()
        .zip(columns)
        .zip(CELL_COLUMNS.iter().zip(CELL_KINDS))
    {
        let text = record.get(*column).unwrap_or("");
        match figure(text, kind) {
            Ok(value) => *slot = value,
            Err(why) => {
                problems.at(&table.path, line, format!("{name} `{text}` {why}"));
                ok = false;
            }
        }
    }
    if !ok {
        return None;
    }
    let [employment, employment_rse, wage_rse, h_mean, h10, h25, h50, h75, h90, a_mean, a10, a25, a50, a75, a90, jobs_per_1000, location_quotient] =
        values;
    let cell = Cell {
        employment,
        employment_rse,
        wage_rse,
        hourly: Wages {
            mean: h_mean,
            percentiles: [h10, h25, h50, h75, h90],
        },
        annual: Wages {
            mean: a_mean,
            percentiles: [a10, a25, a50, a75, a90],
        },
        jobs_per_1000,
        location_quotient,
    };
    let cell_problems = cell.problems();
    for problem in &cell_problems {
        problems.at(&table.path, line, problem.to_string());
    }
    cell_problems.is_empty().then_some(cell)
}

/// The names of the fields in which two cells differ.
fn differing_fields(a: &Cell, b: &Cell) -> Vec<&'static str> {
    let flat = |c: &Cell| {
        [
            c.employment,
            c.employment_rse,
            c.wage_rse,
            c.hourly.mean,
            c.hourly.percentiles[0],
            c.hourly.percentiles[1],
            c.hourly.percentiles[2],
            c.hourly.percentiles[3],
            c.hourly.percentiles[4],
            c.annual.mean,
            c.annual.percentiles[0],
            c.annual.percentiles[1],
            c.annual.percentiles[2],
            c.annual.percentiles[3],
            c.annual.percentiles[4],
            c.jobs_per_1000,
            c.location_quotient,
        ]
    };
    CELL_COLUMNS
        .iter()
        .zip(flat(a).iter().zip(flat(b)))
        .filter(|(_, (x, y))| **x != *y)
        .map(|(name, _)| *name)
        .collect()
}

/// True for a 2018 SOC code as BLS writes it: `29-2072`.
pub fn is_soc(soc: &str) -> bool {
    let b = soc.as_bytes();
    b.len() == 7
        && b[2] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 2 || c.is_ascii_digit())
}

/// The OEWS release years present in `dir` for one SOC code's areas file, oldest first.
pub fn releases(dir: &Path, soc: &str) -> Vec<Release> {
    let suffix = format!("_{soc}_areas.csv");
    let mut years: Vec<Release> = file_names(dir)
        .iter()
        .filter_map(|name| {
            let year = name.strip_prefix("oews_may")?.strip_suffix(&suffix)?;
            (year.len() == 4)
                .then(|| year.parse().ok())
                .flatten()
                .map(|year| Release { year })
        })
        .collect();
    years.sort();
    years
}

/// The newest OEWS release present in `dir` for any SOC code.
fn newest_release_any(dir: &Path) -> Option<Release> {
    file_names(dir)
        .iter()
        .filter_map(|name| {
            let rest = name.strip_prefix("oews_may")?;
            let year = rest.get(..4)?;
            (rest.get(4..5) == Some("_") && rest.ends_with(".csv"))
                .then(|| year.parse().ok())
                .flatten()
        })
        .max()
        .map(|year| Release { year })
}

/// The file names in a directory (unreadable entries skipped), sorted.
fn file_names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .filter_map(|e| e.file_name().into_string().ok())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

/// The pack for one SOC code from the newest OEWS release in `dir` (see [`import_pack_release`]).
pub fn import_pack(dir: &Path, soc: &str) -> Result<Pack, ImportErrors> {
    match releases(dir, soc).last() {
        Some(release) => import_pack_release(dir, soc, *release),
        None => Problems::only(
            &dir.join(format!("oews_may<YEAR>_{soc}_areas.csv")),
            "no such file: no OEWS release for this SOC code in this directory",
        ),
    }
}

/// The pack for one SOC code and OEWS release, from the files in `dir`:
/// - `oews_may<YEAR>_<soc>_areas.csv`: cross-industry rows, national, state and metro (required);
/// - `oews_may<YEAR>_<soc>_industries.csv`: national rows by industry (optional: none for the
///   all-occupations total);
/// - `oews_national_<soc>_may*.csv`: the national series (BLS `national_M<year>_dl` layout with a
///   `YEAR` column; optional, rows of other codes in it are skipped);
/// - `ep_projections*.csv`: BLS Employment Projections table 1.2 (optional; the newest by name).
pub fn import_pack_release(dir: &Path, soc: &str, release: Release) -> Result<Pack, ImportErrors> {
    let mut problems = Problems::default();
    let year = release.year;
    let areas_path = dir.join(format!("oews_may{year}_{soc}_areas.csv"));
    let industries_path = dir.join(format!("oews_may{year}_{soc}_industries.csv"));
    if !is_soc(soc) {
        return Problems::only(
            &areas_path,
            format!("`{soc}` is not a SOC code (two digits, a dash, four digits)"),
        );
    }
    let mut title = None;
    let areas = read_areas(&areas_path, soc, &mut title, &mut problems);
    // BLS publishes no by-industry rows for the all-occupations total (00-0000) in these
    // extracts: a missing industries file is an empty list; an unreadable one is an error.
    let industries = if industries_path.exists() {
        read_industries(&industries_path, soc, &mut title, &mut problems)
    } else {
        Vec::new()
    };

    let mut series = Vec::new();
    let prefix = format!("oews_national_{soc}_may");
    let mut series_lines: BTreeMap<u16, (PathBuf, u64)> = BTreeMap::new();
    for name in file_names(dir) {
        if name.starts_with(&prefix) && name.ends_with(".csv") {
            let path = dir.join(&name);
            read_series(&path, soc, &mut series, &mut series_lines, &mut problems);
        }
    }
    series.sort_by_key(|p: &SeriesPoint| p.release);
    // The series and the flat files are separate copies of the same release: they must agree.
    if let (Some(point), Some(national)) = (
        series.iter().find(|p| p.release == release),
        areas.iter().find(|a| a.area == AreaCode::NATIONAL),
    ) {
        let differ = differing_fields(&point.cell, &national.cell);
        if let (false, Some((path, line))) = (differ.is_empty(), series_lines.get(&year)) {
            problems.at(
                path,
                *line,
                format!(
                    "May {year} differs from the national row of {} in {}",
                    areas_path.display(),
                    differ.join(", ")
                ),
            );
        }
    }

    let projection = file_names(dir)
        .into_iter()
        .rfind(|name| name.starts_with("ep_projections") && name.ends_with(".csv"))
        .and_then(|name| read_projection(&dir.join(name), soc, &mut problems));

    let definition = file_names(dir)
        .into_iter()
        .rfind(|name| name.starts_with("soc2018_definitions") && name.ends_with(".csv"))
        .and_then(|name| read_definition(&dir.join(name), soc, &mut problems))
        .unwrap_or_default();
    let title = title.unwrap_or_default();
    problems.finish(Pack {
        soc: soc.to_string(),
        title,
        definition,
        release,
        areas,
        industries,
        series,
        projection,
    })
}

/// Checks the OCC_CODE and OCC_TITLE of one row against the pack's.
fn check_occupation(
    table: &Table,
    line: u64,
    record: &csv::StringRecord,
    [occ_code, occ_title]: [usize; 2],
    soc: &str,
    title: &mut Option<String>,
    problems: &mut Problems,
) -> bool {
    let code = record.get(occ_code).unwrap_or("");
    if code != soc {
        problems.at(
            &table.path,
            line,
            format!("OCC_CODE is `{code}`, not this pack's {soc}"),
        );
        return false;
    }
    let row_title = record.get(occ_title).unwrap_or("");
    match title {
        None => *title = Some(row_title.to_string()),
        Some(known) if known != row_title => problems.at(
            &table.path,
            line,
            format!("OCC_TITLE `{row_title}` differs from `{known}` above"),
        ),
        Some(_) => {}
    }
    true
}

/// The place a flat-file row is for (AREA, AREA_TYPE, STATE_FIPS, AREA_TITLE), checked.
fn read_place(
    table: &Table,
    line: u64,
    record: &csv::StringRecord,
    [area, area_type, state_fips, area_title]: [usize; 4],
    problems: &mut Problems,
) -> Option<Place> {
    let code_text = record.get(area).unwrap_or("");
    let code = (code_text.len() == 7)
        .then(|| AreaCode::parse(code_text))
        .flatten();
    if code.is_none() {
        problems.at(
            &table.path,
            line,
            format!("AREA `{code_text}` is not a 7-digit area code"),
        );
    }
    let type_text = record.get(area_type).unwrap_or("");
    let kind = match type_text {
        "national" => Some(AreaKind::National),
        "state" => Some(AreaKind::State),
        "metro" => Some(AreaKind::Metro),
        _ => {
            problems.at(
                &table.path,
                line,
                format!("AREA_TYPE `{type_text}` is not national, state or metro"),
            );
            None
        }
    };
    let fips_text = record.get(state_fips).unwrap_or("");
    let fips = (fips_text.len() == 2)
        .then(|| fixed_u32(fips_text, 0).ok())
        .flatten()
        .and_then(|f| u8::try_from(f).ok());
    if fips.is_none() {
        problems.at(
            &table.path,
            line,
            format!("STATE_FIPS `{fips_text}` is not a 2-digit FIPS code"),
        );
    }
    let (code, kind, state_fips) = (code?, kind?, fips?);
    let consistent = match kind {
        AreaKind::National => code == AreaCode::NATIONAL && state_fips == 0,
        AreaKind::State => code == AreaCode::state(state_fips) && state_fips > 0,
        AreaKind::Metro => code.0 % 100_000 != 0,
    };
    if !consistent {
        problems.at(
            &table.path,
            line,
            format!("AREA {code} does not fit AREA_TYPE {type_text} with STATE_FIPS {fips_text}"),
        );
        return None;
    }
    let title = record.get(area_title).unwrap_or("").to_string();
    if title.is_empty() {
        problems.at(&table.path, line, "AREA_TITLE is empty");
    }
    Some(Place {
        code,
        kind,
        state_fips,
        title,
    })
}

const PLACE_COLUMNS: [&str; 4] = ["AREA", "AREA_TYPE", "STATE_FIPS", "AREA_TITLE"];
const OCCUPATION_COLUMNS: [&str; 2] = ["OCC_CODE", "OCC_TITLE"];
const INDUSTRY_COLUMNS: [&str; 2] = ["NAICS", "NAICS_TITLE"];

/// The cross-industry rows of an areas file, national first, then states, then metros, each in
/// code order.
fn read_areas(
    path: &Path,
    soc: &str,
    title: &mut Option<String>,
    problems: &mut Problems,
) -> Vec<AreaFigures> {
    let Some(table) = Table::read(path, problems) else {
        return Vec::new();
    };
    let (Some(place_cols), Some(occ_cols), Some(ind_cols), Some(cell_cols)) = (
        table.require(PLACE_COLUMNS, problems),
        table.require(OCCUPATION_COLUMNS, problems),
        table.require(INDUSTRY_COLUMNS, problems),
        table.require(CELL_COLUMNS, problems),
    ) else {
        return Vec::new();
    };
    let mut seen: HashMap<AreaCode, u64> = HashMap::new();
    let mut areas = Vec::new();
    for (line, record) in &table.rows {
        let line = *line;
        let occupation_ok = check_occupation(&table, line, record, occ_cols, soc, title, problems);
        let naics = record.get(ind_cols[0]).unwrap_or("");
        if naics != "000000" {
            problems.at(
                &table.path,
                line,
                format!("NAICS `{naics}` in an areas file (cross-industry rows are 000000)"),
            );
        }
        let place = read_place(&table, line, record, place_cols, problems);
        let cell = read_cell(&table, line, record, &cell_cols, problems);
        if let Some(place) = &place {
            if let Some(first) = seen.insert(place.code, line) {
                problems.at(
                    &table.path,
                    line,
                    format!("duplicate area code {} (first on line {first})", place.code),
                );
                continue;
            }
        }
        if let (true, Some(place), Some(cell)) = (occupation_ok, place, cell) {
            areas.push((
                place.kind,
                AreaFigures {
                    area: place.code,
                    cell,
                },
            ));
        }
    }
    areas.sort_by_key(|(kind, a)| (*kind, a.area));
    areas.into_iter().map(|(_, a)| a).collect()
}

/// The national by-industry rows of an industries file, in code order.
fn read_industries(
    path: &Path,
    soc: &str,
    title: &mut Option<String>,
    problems: &mut Problems,
) -> Vec<IndustryFigures> {
    let Some(table) = Table::read(path, problems) else {
        return Vec::new();
    };
    let (Some([area, ..]), Some(occ_cols), Some([naics, _]), Some(cell_cols)) = (
        table.require(PLACE_COLUMNS, problems),
        table.require(OCCUPATION_COLUMNS, problems),
        table.require(INDUSTRY_COLUMNS, problems),
        table.require(CELL_COLUMNS, problems),
    ) else {
        return Vec::new();
    };
    let mut seen: HashMap<IndustryCode, u64> = HashMap::new();
    let mut industries = Vec::new();
    for (line, record) in &table.rows {
        let line = *line;
        let occupation_ok = check_occupation(&table, line, record, occ_cols, soc, title, problems);
        let area_text = record.get(area).unwrap_or("");
        if area_text != "0000000" {
            problems.at(
                &table.path,
                line,
                format!("AREA `{area_text}` in an industries file (national rows are 0000000)"),
            );
        }
        let code_text = record.get(naics).unwrap_or("");
        let code = IndustryCode::parse(code_text);
        if code.is_none() {
            problems.at(
                &table.path,
                line,
                format!("NAICS `{code_text}` is not a 6-character OEWS industry code"),
            );
        }
        let cell = read_cell(&table, line, record, &cell_cols, problems);
        if let Some(code) = code {
            if let Some(first) = seen.insert(code, line) {
                problems.at(
                    &table.path,
                    line,
                    format!("duplicate industry code {code} (first on line {first})"),
                );
                continue;
            }
        }
        if let (true, Some(industry), Some(cell)) = (occupation_ok, code, cell) {
            industries.push(IndustryFigures { industry, cell });
        }
    }
    industries.sort_by_key(|i| i.industry);
    industries
}

/// The rows for `soc` in a national series file (one row per `YEAR`).
fn read_series(
    path: &Path,
    soc: &str,
    series: &mut Vec<SeriesPoint>,
    lines: &mut BTreeMap<u16, (PathBuf, u64)>,
    problems: &mut Problems,
) {
    let Some(table) = Table::read(path, problems) else {
        return;
    };
    let (Some([year_col, occ_col]), Some(cell_cols)) = (
        table.require(["YEAR", "OCC_CODE"], problems),
        table.require(CELL_COLUMNS, problems),
    ) else {
        return;
    };
    for (line, record) in &table.rows {
        let line = *line;
        if record.get(occ_col) != Some(soc) {
            // The national files hold every code (here also the broad group 29-2070).
            continue;
        }
        let year_text = record.get(year_col).unwrap_or("");
        let year = (year_text.len() == 4)
            .then(|| year_text.parse::<u16>().ok())
            .flatten();
        let Some(year) = year else {
            problems.at(
                &table.path,
                line,
                format!("YEAR `{year_text}` is not a year"),
            );
            continue;
        };
        let cell = read_cell(&table, line, record, &cell_cols, problems);
        if let Some((first_path, first_line)) = lines.get(&year) {
            problems.at(
                &table.path,
                line,
                format!(
                    "duplicate year {year} for {soc} (first at {}:{first_line})",
                    first_path.display()
                ),
            );
            continue;
        }
        lines.insert(year, (table.path.clone(), line));
        if let Some(cell) = cell {
            series.push(SeriesPoint {
                release: Release { year },
                cell,
            });
        }
    }
}

/// BLS's `—`: not given.
const NOT_GIVEN: &str = "—";

/// The official definition of `soc` from BLS's 2018 SOC definitions file (columns `SOC Code`,
/// `SOC Definition`), if it has one.
fn read_definition(path: &Path, soc: &str, problems: &mut Problems) -> Option<String> {
    let table = Table::read(path, problems)?;
    let (code, definition) = match (
        table.find(|n| n == "SOC Code"),
        table.find(|n| n == "SOC Definition"),
    ) {
        (Some((_, code)), Some((_, definition))) => (code, definition),
        _ => {
            problems.at(&table.path, 1, "missing column SOC Code or SOC Definition");
            return None;
        }
    };
    table
        .rows
        .iter()
        .find(|(_, record)| record.get(code).map(str::trim) == Some(soc))
        .and_then(|(_, record)| record.get(definition))
        .map(|d| d.trim().to_string())
        .filter(|d| !d.is_empty())
}

/// The Employment Projections row for `soc`, if the file has one.
fn read_projection(path: &Path, soc: &str, problems: &mut Problems) -> Option<Projection> {
    let table = Table::read(path, problems)?;
    let before = problems.0.len();
    let mut column = |what: &str, test: &dyn Fn(&str) -> bool| match table.find(test) {
        Some((_, index)) => Some(index),
        None => {
            problems.at(&table.path, 1, format!("missing column {what}"));
            None
        }
    };
    let code = column("<year> National Employment Matrix code", &|n| {
        n.ends_with("National Employment Matrix code")
    });
    let change = column("Employment change, percent, <years>", &|n| {
        n.starts_with("Employment change, percent")
    });
    let openings = column("Occupational openings, <years> annual average", &|n| {
        n.starts_with("Occupational openings")
    });
    let wage = column("Median annual wage, dollars, <year>", &|n| {
        n.starts_with("Median annual wage")
    });
    let education = column("Typical education needed for entry", &|n| {
        n == "Typical education needed for entry"
    });
    let experience = column("Work experience in a related occupation", &|n| {
        n == "Work experience in a related occupation"
    });
    let training = column("Typical on-the-job training needed …", &|n| {
        n.starts_with("Typical on-the-job training")
    });
    // "Employment, 2024" and "Employment, 2034": the base and target years.
    let mut employment: Vec<(u16, usize)> = table
        .columns
        .iter()
        .filter_map(|(name, index)| {
            let year = name.strip_prefix("Employment, ")?;
            (year.len() == 4)
                .then(|| year.parse().ok())
                .flatten()
                .map(|y| (y, *index))
        })
        .collect();
    employment.sort();
    if employment.len() != 2 {
        problems.at(
            &table.path,
            1,
            format!(
                "expected two columns `Employment, <year>`, found {}",
                employment.len()
            ),
        );
    }
    if problems.0.len() > before {
        return None;
    }
    let (code, change, openings, wage, education, experience, training) = (
        code?,
        change?,
        openings?,
        wage?,
        education?,
        experience?,
        training?,
    );
    let [(base_year, base_col), (target_year, target_col)] = employment[..] else {
        return None;
    };
    let (line, record) = table
        .rows
        .iter()
        .find(|(_, record)| record.get(code).map(str::trim) == Some(soc))?;
    let line = *line;
    let field = |index: usize| record.get(index).unwrap_or("").trim();
    let hundreds =
        |index: usize, name: &str, problems: &mut Problems| match fixed_u32(field(index), 1) {
            Ok(value) => Some(value),
            Err(error) => {
                problems.at(
                    &table.path,
                    line,
                    format!("{name} `{}` {error} (thousands, one decimal)", field(index)),
                );
                None
            }
        };
    let employment_base = hundreds(base_col, "employment", problems);
    let employment_target = hundreds(target_col, "employment", problems);
    let openings_per_year = hundreds(openings, "openings", problems);
    let change_percent = match fixed_i32(field(change), 1) {
        Ok(value) => Some(value),
        Err(error) => {
            problems.at(
                &table.path,
                line,
                format!("percent change `{}` {error}", field(change)),
            );
            None
        }
    };
    let wage_text = field(wage);
    let median_wage = if wage_text == NOT_GIVEN {
        Some(Figure::NotPublished)
    } else if wage_text.starts_with(">=") {
        // `>=$239,200`: BLS's top code.
        Some(Figure::TopCoded)
    } else {
        match fixed_u32(wage_text, 0) {
            Ok(value) => Some(Figure::Value(value)),
            Err(error) => {
                problems.at(
                    &table.path,
                    line,
                    format!("median annual wage `{wage_text}` {error}"),
                );
                None
            }
        }
    };
    let text = |index: usize| {
        let value = field(index);
        if value == NOT_GIVEN {
            String::new()
        } else {
            value.to_string()
        }
    };
    Some(Projection {
        base_year,
        target_year,
        employment_base: employment_base?,
        employment_target: employment_target?,
        change_percent: change_percent?,
        openings_per_year: openings_per_year?,
        median_wage: median_wage?,
        education: text(education),
        experience: text(experience),
        training: text(training),
    })
}

/// The gazetteer for the newest OEWS release in `dir`: places from every
/// `oews_may<YEAR>_*_areas.csv` (the all-occupations file `…_00-0000_areas.csv` names every area),
/// industries from every `oews_may<YEAR>_*_industries.csv`.
pub fn import_gazetteer(dir: &Path) -> Result<Gazetteer, ImportErrors> {
    let Some(release) = newest_release_any(dir) else {
        return Problems::only(
            &dir.join("oews_may<YEAR>_<SOC>_areas.csv"),
            "no such file: no OEWS release in this directory",
        );
    };
    let prefix = format!("oews_may{}_", release.year);
    let files = |suffix: &str| -> Vec<PathBuf> {
        file_names(dir)
            .into_iter()
            .filter(|n| n.starts_with(&prefix) && n.ends_with(suffix))
            .map(|n| dir.join(n))
            .collect()
    };
    import_gazetteer_from(&files("_areas.csv"), &files("_industries.csv"))
}

/// The gazetteer from the given OEWS flat files: places from the areas files, industry titles
/// from the industries files. A code named differently in two files is an error.
pub fn import_gazetteer_from(
    areas_files: &[PathBuf],
    industries_files: &[PathBuf],
) -> Result<Gazetteer, ImportErrors> {
    let mut problems = Problems::default();
    let mut places: BTreeMap<AreaCode, (Place, PathBuf, u64)> = BTreeMap::new();
    for path in areas_files {
        let Some(table) = Table::read(path, &mut problems) else {
            continue;
        };
        let Some(cols) = table.require(PLACE_COLUMNS, &mut problems) else {
            continue;
        };
        for (line, record) in &table.rows {
            let Some(place) = read_place(&table, *line, record, cols, &mut problems) else {
                continue;
            };
            match places.get(&place.code) {
                Some((known, known_path, known_line)) => {
                    if *known != place {
                        problems.at(
                            path,
                            *line,
                            format!(
                                "area {} is `{}` ({:?}, FIPS {}) here but `{}` ({:?}, FIPS {}) at {}:{known_line}",
                                place.code,
                                place.title,
                                place.kind,
                                place.state_fips,
                                known.title,
                                known.kind,
                                known.state_fips,
                                known_path.display()
                            ),
                        );
                    }
                }
                None => {
                    places.insert(place.code, (place, path.clone(), *line));
                }
            }
        }
    }
    let mut industries: BTreeMap<IndustryCode, (String, PathBuf, u64)> = BTreeMap::new();
    for path in industries_files {
        let Some(table) = Table::read(path, &mut problems) else {
            continue;
        };
        let Some([naics, naics_title]) = table.require(INDUSTRY_COLUMNS, &mut problems) else {
            continue;
        };
        for (line, record) in &table.rows {
            let code_text = record.get(naics).unwrap_or("");
            let Some(code) = IndustryCode::parse(code_text) else {
                problems.at(
                    path,
                    *line,
                    format!("NAICS `{code_text}` is not a 6-character OEWS industry code"),
                );
                continue;
            };
            let title = record.get(naics_title).unwrap_or("");
            match industries.get(&code) {
                Some((known, known_path, known_line)) if known != title => problems.at(
                    path,
                    *line,
                    format!(
                        "industry {code} is `{title}` here but `{known}` at {}:{known_line}",
                        known_path.display()
                    ),
                ),
                Some(_) => {}
                None => {
                    industries.insert(code, (title.to_string(), path.clone(), *line));
                }
            }
        }
    }
    problems.finish(Gazetteer {
        places: places.into_values().map(|(p, _, _)| p).collect(),
        industries: industries
            .into_iter()
            .map(|(code, (title, _, _))| Industry { code, title })
            .collect(),
    })
}

#[cfg(test)]
mod tests;
