//! Against the real file: the extract must give the very packs BLS's own CSV downloads give, and
//! every detailed occupation must import and validate.

use super::*;
use career_pack::{import_pack, Pack};
use std::sync::OnceLock;

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The release, read once for all tests.
fn release() -> &'static Release {
    static RELEASE: OnceLock<Release> = OnceLock::new();
    RELEASE.get_or_init(|| {
        Release::open(&workspace().join(DATA_FILE))
            .unwrap_or_else(|e| panic!("{e}: `cargo xtask setup` fetches and checks the file"))
    })
}

/// A fresh scratch directory for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("oews-extract-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a scratch directory");
    dir
}

/// The parts of a pack the OEWS rows make (the series and projections come from other files).
fn rows_of(pack: &Pack) -> (&str, &str, u16, usize, usize) {
    (
        &pack.soc,
        &pack.title,
        pack.release.year,
        pack.areas.len(),
        pack.industries.len(),
    )
}

#[test]
fn the_extract_gives_the_same_packs_as_the_published_csv_files() {
    let published = workspace().join("data/current");
    let dir = scratch("same");
    for soc in ["29-2072", "29-9021", "31-9094", "00-0000"] {
        release().write_csv(soc, &dir).expect("written");
        let ours = import_pack(&dir, soc).unwrap_or_else(|e| panic!("{soc}: {e}"));
        let theirs = import_pack(&published, soc).unwrap_or_else(|e| panic!("{soc}: {e}"));
        assert_eq!(ours.areas, theirs.areas, "{soc}: areas");
        if soc == "00-0000" {
            // The copy in data/current holds no by-industry rows for all occupations; the
            // release has them (444 industries).
            assert!(theirs.industries.is_empty() && ours.industries.len() > 400);
        } else {
            assert_eq!(rows_of(&ours), rows_of(&theirs), "{soc}");
            assert_eq!(ours.industries, theirs.industries, "{soc}: industries");
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn every_detailed_occupation_imports_and_validates() {
    let release = release();
    let detailed: Vec<&Occupation> = release.detailed().collect();
    assert_eq!(detailed.len(), 830, "BLS's 830 detailed occupations");
    let dir = scratch("all");
    let projections = workspace().join("data/current/ep_projections_all_occupations_2024-34.csv");
    std::fs::copy(
        &projections,
        dir.join("ep_projections_all_occupations_2024-34.csv"),
    )
    .expect("the projections copied");
    let mut failed = Vec::new();
    let mut with_projection = 0;
    for occupation in &detailed {
        release.write_csv(&occupation.soc, &dir).expect("written");
        match import_pack(&dir, &occupation.soc) {
            Ok(pack) => {
                assert_eq!(pack.title, occupation.title);
                assert!(!pack.areas.is_empty(), "{}: no areas", occupation.soc);
                with_projection += usize::from(pack.projection.is_some());
            }
            Err(e) => failed.push(format!("{}: {e}", occupation.soc)),
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
    assert!(
        failed.is_empty(),
        "{} failed:\n{}",
        failed.len(),
        failed.join("\n")
    );
    // Employment Projections cover nearly every detailed occupation (a few OEWS codes are
    // aggregated differently there).
    assert!(with_projection > 780, "{with_projection} with projections");
}

#[test]
fn markers_follow_the_footnotes_and_values_stay_as_published() {
    assert_eq!(cell_text(4, "56790", ""), "56790");
    assert_eq!(cell_text(15, "-", "5"), "#");
    assert_eq!(cell_text(1, "", "8"), "**");
    assert_eq!(cell_text(3, "-", "4"), "*");
    assert_eq!(cell_text(12, "-", "8"), "*");
    assert_eq!(cell_text(17, "", ""), "");
    assert_eq!(dashed("292072"), "29-2072");
    assert_eq!(quoted("Sectors 31, 32"), "\"Sectors 31, 32\"");
}
