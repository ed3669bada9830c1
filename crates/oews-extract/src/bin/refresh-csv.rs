//! `refresh-csv <dir> [release file]`: brings the careers kept as CSV files in `<dir>` (the ones
//! compiled into the widget, in `data/current/`) to the release, in BLS's flat-file layout; run
//! by `cargo xtask refresh`. Writes nothing for a career that already has the release's files.

use oews_extract::{data_file, refresh_csv_careers, Release};
use std::path::{Path, PathBuf};

fn main() -> Result<(), String> {
    let dir: PathBuf = std::env::args_os()
        .nth(1)
        .map(PathBuf::from)
        .ok_or("usage: refresh-csv <dir> [release file]")?;
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let sqlite = std::env::args_os()
        .nth(2)
        .map_or_else(|| data_file(&root), PathBuf::from);
    let release = Release::open(&sqlite)?;
    let written = refresh_csv_careers(&release, &dir)?;
    if written.is_empty() {
        println!(
            "{}: every career already has May {}'s files",
            dir.display(),
            release.year
        );
    }
    for file in written {
        println!("wrote {}", file.display());
    }
    Ok(())
}
