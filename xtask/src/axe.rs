//! axe-core, the accessibility checker the end-to-end tests inject into the page: the npm
//! package, kept in the tools cache beside binaryen (no browser download, no CDN).

use crate::{binaryen, process, Result};
use std::path::PathBuf;
use std::process::Command;

const NPM_PACKAGE: &str = "axe-core@4.14.1";

/// `axe.min.js` in the tools cache.
pub fn script() -> Result<PathBuf> {
    Ok(dir()?
        .join("node_modules")
        .join("axe-core")
        .join("axe.min.js"))
}

fn dir() -> Result<PathBuf> {
    let binaryen = binaryen::tools_dir()?;
    let cache = binaryen
        .parent()
        .ok_or_else(|| format!("{} has no parent directory", binaryen.display()))?;
    Ok(cache.join("axe-core"))
}

/// The setup step: `Some(reason)` when it was already there.
pub fn ensure() -> Result<Option<String>> {
    let script = script()?;
    if script.is_file() {
        return Ok(Some(format!(
            "{NPM_PACKAGE} already at {}",
            script.display()
        )));
    }
    let dir = dir()?;
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    process::run(
        Command::new("npm")
            .args(["install", "--prefix"])
            .arg(&dir)
            .args(["--no-audit", "--no-fund", "--loglevel=error", NPM_PACKAGE]),
    )?;
    if !script.is_file() {
        return Err(format!(
            "after `npm install {NPM_PACKAGE}`, {} is missing",
            script.display()
        ));
    }
    Ok(None)
}
