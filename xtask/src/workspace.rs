//! Where the repository is, and the tool versions it pins (in Cargo.lock and Trunk.toml).

use crate::Result;
use std::fs;
use std::path::{Path, PathBuf};

/// The directory Trunk writes release builds to for measuring and end-to-end tests; kept under
/// `target/` so it is ignored by git and never confused with the `dist/` that `trunk serve`
/// fills with its live-reload script.
pub const WIDGET_DIST: &str = "target/widget-dist";
/// The debug build with the fault switch (`--features fault-injection`) that the end-to-end tests
/// of a stopping widget use: what `trunk serve` builds, plus the switch. Never served or shipped.
pub const FAULT_DIST: &str = "target/widget-fault-dist";

/// The repository root: the parent of this crate's directory. Cargo recompiles xtask when the
/// checkout moves (its target directory moves with it), so the compiled-in path stays right.
pub fn root() -> Result<PathBuf> {
    let manifest_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let root = manifest_dir
        .parent()
        .ok_or_else(|| format!("{} has no parent directory", manifest_dir.display()))?;
    if !root.join("Cargo.toml").is_file() {
        return Err(format!(
            "expected the workspace Cargo.toml at {}",
            root.display()
        ));
    }
    Ok(root.to_path_buf())
}

/// The single `wasm-bindgen` version in Cargo.lock. The CLI that Trunk and the test runner use
/// must be exactly this version, or the generated glue and the library disagree at run time.
pub fn wasm_bindgen_version(root: &Path) -> Result<String> {
    let path = root.join("Cargo.lock");
    let text = fs::read_to_string(&path).map_err(|e| {
        format!(
            "cannot read {}: {e} (run `cargo generate-lockfile` first)",
            path.display()
        )
    })?;
    let versions = lock_versions(&text, "wasm-bindgen");
    match versions.as_slice() {
        [one] => Ok(one.clone()),
        [] => Err(format!(
            "{} has no `wasm-bindgen` package: is the app crate depending on it?",
            path.display()
        )),
        many => Err(format!(
            "{} holds several wasm-bindgen versions ({}); one CLI can match only one: \
             pin the dependency with `=` so they unify",
            path.display(),
            many.join(", ")
        )),
    }
}

/// Versions of package `name` in a Cargo.lock text. A tiny line scanner is enough for the
/// lockfile's fixed layout (`name = "…"` directly followed by `version = "…"`) and keeps a TOML
/// parser out of the build.
fn lock_versions(lock: &str, name: &str) -> Vec<String> {
    let wanted = format!("name = \"{name}\"");
    let mut lines = lock.lines().map(str::trim);
    let mut found = Vec::new();
    while let Some(line) = lines.next() {
        if line == wanted {
            if let Some(version) = lines.next().and_then(|l| quoted_value(l, "version")) {
                found.push(version);
            }
        }
    }
    found
}

/// The `wasm_bindgen = "…"` pin in Trunk.toml's `[tools]` table, if any.
pub fn trunk_toml_wasm_bindgen(root: &Path) -> Result<Option<String>> {
    let path = root.join("Trunk.toml");
    let text = match fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(format!("cannot read {}: {e}", path.display())),
    };
    Ok(table_value(&text, "tools", "wasm_bindgen"))
}

fn table_value(toml: &str, table: &str, key: &str) -> Option<String> {
    let header = format!("[{table}]");
    let mut in_table = false;
    for line in toml.lines().map(str::trim) {
        if line.starts_with('[') {
            in_table = line == header;
        } else if in_table {
            if let Some(value) = quoted_value(line, key) {
                return Some(value);
            }
        }
    }
    None
}

/// `key = "value"` (spaces optional, trailing comment allowed) → `value`.
fn quoted_value(line: &str, key: &str) -> Option<String> {
    let rest = line.strip_prefix(key)?.trim_start();
    let rest = rest.strip_prefix('=')?.trim_start();
    let rest = rest.strip_prefix('"')?;
    let end = rest.find('"')?;
    Some(rest[..end].to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_every_version_of_a_locked_package() {
        let lock = "[[package]]\nname = \"wasm-bindgen\"\nversion = \"0.2.130\"\n\n\
                    [[package]]\nname = \"wasm-bindgen-shared\"\nversion = \"0.2.130\"\n";
        assert_eq!(lock_versions(lock, "wasm-bindgen"), vec!["0.2.130"]);
        assert!(lock_versions(lock, "trunk").is_empty());
    }

    #[test]
    fn reads_a_key_only_inside_its_table() {
        let toml = "[build]\nwasm_bindgen = \"no\"\n[tools]\n# pinned\nwasm_bindgen = \"0.2.130\" # = Cargo.lock\n";
        assert_eq!(
            table_value(toml, "tools", "wasm_bindgen").as_deref(),
            Some("0.2.130")
        );
        assert_eq!(table_value(toml, "serve", "wasm_bindgen"), None);
    }
}
