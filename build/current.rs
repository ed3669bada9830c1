//! The current figures, for the build script: imports the compiled-in career pack and the shared
//! place and industry names from BLS's own layouts in `data/current/` (career-pack's importer
//! validates every row and reports file:line), encodes them into `$OUT_DIR`, and writes the
//! state FIPS/USPS table as Rust statics.

use career_pack::{encode_gazetteer, encode_pack, import_gazetteer, import_pack};
use std::fmt::Write as _;
use std::path::Path;

/// Where the current release's files live, as BLS publishes them (see `data/SOURCES.md`).
pub const DIR: &str = "data/current";

/// The careers compiled into the widget: the article's occupation under its 2018 code (whole),
/// then, for the comparison only, the two related careers the article names and all occupations,
/// cut to the nation, the states and territories (their metro rows would add 14 KB brotli to
/// every first view: the comparison is by state until packs are fetched on demand). Must match
/// `PACKS` in `src/career.rs`.
pub const COMPILED_IN: [(&str, Scope); 4] = [
    ("29-2072", Scope::Whole),
    ("29-9021", Scope::NationAndStates),
    ("31-9094", Scope::NationAndStates),
    ("00-0000", Scope::NationAndStates),
];

/// How much of a pack is compiled in.
#[derive(Clone, Copy, PartialEq)]
pub enum Scope {
    Whole,
    /// The national and state rows of the areas (no metros, no industries).
    NationAndStates,
}

/// Imports, validates and writes everything; every problem found, one per line, on failure.
pub fn write(out_dir: &Path) -> Result<(), String> {
    let dir = Path::new(DIR);
    let gazetteer = import_gazetteer(dir).map_err(|e| e.to_string())?;
    write_file(
        &out_dir.join("gazetteer.pack"),
        &encode_gazetteer(&gazetteer),
    )?;
    for (soc, scope) in COMPILED_IN {
        let mut pack = import_pack(dir, soc).map_err(|e| e.to_string())?;
        if scope == Scope::NationAndStates {
            pack.areas
                .retain(|a| a.area.0 == 0 || a.area.0 % 100_000 == 0);
            pack.industries.clear();
            // Named in the comparison only: their definitions are not shown.
            pack.definition.clear();
        }
        write_file(
            &out_dir.join(format!("career-{soc}.pack")),
            &encode_pack(&pack),
        )?;
    }
    let states = states_table(&dir.join("states_fips_usps.csv"))?;
    write_file(&out_dir.join("states.rs"), states.as_bytes())
}

fn write_file(path: &Path, bytes: &[u8]) -> Result<(), String> {
    std::fs::write(path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// `STATE_CODES`: FIPS, USPS code and name of every state, DC and territory, in file order.
fn states_table(path: &Path) -> Result<String, String> {
    let file = path.display().to_string();
    let mut reader = csv::Reader::from_path(path).map_err(|e| format!("{file}: {e}"))?;
    let mut out = String::from(
        "/// Every state, DC and territory: FIPS, USPS code and name (from `states_fips_usps.csv`).\n\
         pub static STATE_CODES: &[StateCode] = &[\n",
    );
    let mut seen = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let line = i + 2;
        let record = record.map_err(|e| format!("{file}:{line}: {e}"))?;
        let field = |n: usize| record.get(n).map(str::trim).unwrap_or_default();
        let (fips, usps, name) = (field(0), field(1), field(2));
        let fips: u8 = fips
            .parse()
            .map_err(|_| format!("{file}:{line}: STATE_FIPS '{fips}' is not a number"))?;
        if usps.len() != 2 || !usps.bytes().all(|b| b.is_ascii_uppercase()) {
            return Err(format!(
                "{file}:{line}: USPS '{usps}' is not two capital letters"
            ));
        }
        if seen.contains(&fips) {
            return Err(format!("{file}:{line}: FIPS {fips} is listed twice"));
        }
        seen.push(fips);
        let _ = writeln!(
            out,
            "    StateCode {{ fips: {fips}, usps: {usps:?}, name: {name:?} }},"
        );
    }
    out.push_str("];\n");
    Ok(out)
}
