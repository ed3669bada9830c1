//! `build-packs <out dir>`: every detailed occupation's career pack, the gazetteer and the index of
//! careers, content-hashed, into `<out dir>`; prints the index's file name.

use oews_extract::{build_packs, Release, DATA_FILE};
use std::path::{Path, PathBuf};

fn main() -> Result<(), String> {
    let out: PathBuf = std::env::args_os()
        .nth(1)
        .map(PathBuf::from)
        .ok_or("usage: build-packs <out dir>")?;
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let release = Release::open(&root.join(DATA_FILE))?;
    std::fs::create_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    let projections = root.join("data/current/ep_projections_all_occupations_2024-34.csv");
    let crosswalk = root.join("data/current/cip2020_soc2018_crosswalk.csv");
    let built = build_packs(&release, &projections, &crosswalk, &out)?;
    println!(
        "{} careers, {} programs; gazetteer {}, index {}, programs {}",
        built.index.careers.len(),
        built.programs.programs.len(),
        built.gazetteer_file,
        built.index_file,
        built.programs_file
    );
    Ok(())
}
