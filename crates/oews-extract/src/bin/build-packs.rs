//! `build-packs <out dir> [release file]`: every detailed occupation's career pack, the gazetteer, the index of
//! careers and the programs, content-hashed, into `<out dir>`, with a `manifest` naming the
//! shared files. Skips the work (about 15 s) when the manifest says the same inputs and the same
//! build of this program made what is there: `trunk build` runs this on every build.

use oews_extract::{build_packs, data_file, Release};
use std::path::{Path, PathBuf};

/// The inputs besides the release: BLS Employment Projections, NCES's crosswalk, the SOC
/// definitions (read beside the projections).
const INPUTS: [&str; 3] = [
    "data/current/ep_projections_all_occupations_2024-34.csv",
    "data/current/cip2020_soc2018_crosswalk.csv",
    "data/current/soc2018_definitions.csv",
];

fn main() -> Result<(), String> {
    let out: PathBuf = std::env::args_os()
        .nth(1)
        .map(PathBuf::from)
        .ok_or("usage: build-packs <out dir> [release file]")?;
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    // The release file `cargo xtask packs` names (the pinned one), else the newest unpacked.
    let sqlite = std::env::args_os()
        .nth(2)
        .map_or_else(|| data_file(&root), PathBuf::from);
    let inputs = fingerprint(&sqlite, &root)?;
    let manifest_path = out.join("manifest");
    if let Ok(manifest) = std::fs::read_to_string(&manifest_path) {
        if is_current(&manifest, &inputs, &out) {
            println!("packs in {} are up to date", out.display());
            return Ok(());
        }
    }
    let release = Release::open(&sqlite)?;
    std::fs::create_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    let [projections, crosswalk, _] = INPUTS.map(|p| root.join(p));
    let built = build_packs(&release, &projections, &crosswalk, &out)?;
    let manifest = format!(
        "inputs={inputs}\nindex={}\ngazetteer={}\nprograms={}\n",
        built.index_file, built.gazetteer_file, built.programs_file
    );
    std::fs::write(&manifest_path, manifest)
        .map_err(|e| format!("{}: {e}", manifest_path.display()))?;
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

/// Whether `manifest` was written for `inputs` and every file it names is still there.
fn is_current(manifest: &str, inputs: &str, out: &Path) -> bool {
    let mut lines = manifest.lines().filter_map(|l| l.split_once('='));
    lines.next() == Some(("inputs", inputs)) && lines.all(|(_, file)| out.join(file).is_file())
}

/// What the packs are made from, as one hex string: this program's build and the release file
/// by size and modification time (the release is 52 MB and hash-checked by `cargo xtask setup`),
/// the small inputs by content.
fn fingerprint(sqlite: &Path, root: &Path) -> Result<String, String> {
    let stamp = |path: &Path| -> Result<String, String> {
        let meta = std::fs::metadata(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let modified = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_nanos());
        Ok(format!("{}:{modified}", meta.len()))
    };
    let program = std::env::current_exe().map_err(|e| e.to_string())?;
    let mut text = format!("{}|{}", stamp(&program)?, stamp(sqlite)?);
    for input in INPUTS {
        let path = root.join(input);
        let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        text.push('|');
        text.push_str(&career_pack::content_name("", &bytes, ""));
    }
    Ok(career_pack::content_name("inputs", text.as_bytes(), "v1"))
}
