//! Where the tests find BLS's files: the repository's `data/current/` if it holds them, else the
//! shared copy beside the repository (`../shared/data/current/`), or `CAREER_PACK_DATA`.

use std::path::PathBuf;

/// The directory holding `oews_may2025_29-2072_areas.csv` and its companions. Panics (failing
/// the test) when there is none: a missing input must not pass as a skipped check.
pub fn data_dir() -> PathBuf {
    let crate_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let candidates = std::env::var_os("CAREER_PACK_DATA")
        .map(PathBuf::from)
        .into_iter()
        .chain([
            crate_dir.join("../../data/current"),
            crate_dir.join("../../../shared/data/current"),
        ]);
    for dir in candidates {
        if dir.join("oews_may2025_29-2072_areas.csv").is_file() {
            return dir;
        }
    }
    panic!("no data directory with oews_may2025_29-2072_areas.csv (set CAREER_PACK_DATA)");
}

/// A fresh, empty directory under the system temp dir, removed when dropped.
pub struct TempDir(pub PathBuf);

impl TempDir {
    pub fn new(name: &str) -> TempDir {
        let dir = std::env::temp_dir().join(format!("career-pack-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("create a temp dir");
        TempDir(dir)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}
