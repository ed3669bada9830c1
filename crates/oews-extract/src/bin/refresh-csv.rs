//! `refresh-csv <data dir> <release file> <package>`: brings what `data/` keeps as files to the
//! release: the careers compiled into the widget (`current/oews_may<year>_<soc>_*.csv`, BLS's
//! flat-file layout), their national series (`current/oews_national_<soc>_may<year>.csv`), the
//! release's source note and the rows of `sources.csv` that name it. Run by
//! `cargo xtask refresh`; writes nothing that is there already.

use oews_extract::{
    refresh_csv_careers, refresh_series, refresh_sources, write_release_note, Release,
};
use std::path::PathBuf;

fn main() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [data, sqlite, package] = &args[..] else {
        return Err("usage: refresh-csv <data dir> <release file> <package==version>".to_string());
    };
    let data = PathBuf::from(data);
    let current = data.join("current");
    let release = Release::open(&PathBuf::from(sqlite))?;
    let mut written = refresh_csv_careers(&release, &current)?;
    written.extend(refresh_series(&release, &current)?);
    written.extend(write_release_note(&release, &current, package)?);
    let sources = data.join("sources.csv");
    if refresh_sources(&sources, &release, package)? {
        written.push(sources);
    }
    if written.is_empty() {
        println!(
            "{}: already at May {}: nothing to write",
            data.display(),
            release.year
        );
    }
    for file in written {
        println!("wrote {}", file.display());
    }
    Ok(())
}
