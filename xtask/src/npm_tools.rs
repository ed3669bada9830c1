//! The npm packages the browser checks use, each kept in the tools cache beside binaryen (no
//! browser download, no CDN): axe-core, the accessibility checker the end-to-end tests inject
//! into the page, and Lighthouse, which `cargo xtask bench` runs against the Debian Chromium.

use crate::{binaryen, process, Result};
use std::path::PathBuf;
use std::process::Command;

/// One pinned npm package and the file of it that is used.
pub struct NpmTool {
    /// `name@version`, as `npm install` takes it.
    package: &'static str,
    /// Its directory in the tools cache.
    dir: &'static str,
    /// The file used, inside `node_modules`.
    entry: &'static str,
}

/// axe-core's script, injected into the page by the accessibility tests.
pub const AXE: NpmTool = NpmTool {
    package: "axe-core@4.14.1",
    dir: "axe-core",
    entry: "axe-core/axe.min.js",
};

/// Lighthouse 12's command line (run with node; issue 10 asks for Lighthouse 12 mobile).
pub const LIGHTHOUSE: NpmTool = NpmTool {
    package: "lighthouse@12.8.2",
    dir: "lighthouse",
    entry: "lighthouse/cli/index.js",
};

impl NpmTool {
    /// The used file in the tools cache.
    pub fn path(&self) -> Result<PathBuf> {
        Ok(self.dir()?.join("node_modules").join(self.entry))
    }

    fn dir(&self) -> Result<PathBuf> {
        let binaryen = binaryen::tools_dir()?;
        let cache = binaryen
            .parent()
            .ok_or_else(|| format!("{} has no parent directory", binaryen.display()))?;
        Ok(cache.join(self.dir))
    }

    /// The setup step: `Some(reason)` when it was already there.
    pub fn ensure(&self) -> Result<Option<String>> {
        let path = self.path()?;
        if path.is_file() {
            return Ok(Some(format!(
                "{} already at {}",
                self.package,
                path.display()
            )));
        }
        let dir = self.dir()?;
        std::fs::create_dir_all(&dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        process::run(
            Command::new("npm")
                .args(["install", "--prefix"])
                .arg(&dir)
                .args(["--no-audit", "--no-fund", "--loglevel=error", self.package]),
        )?;
        if !path.is_file() {
            return Err(format!(
                "after `npm install {}`, {} is missing",
                self.package,
                path.display()
            ));
        }
        Ok(None)
    }
}
