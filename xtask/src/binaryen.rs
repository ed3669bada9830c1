//! wasm-opt 132 for Trunk's release builds: the npm `binaryen` package, put on PATH ahead of any other wasm-opt.
//!
//! Why npm: Debian's binaryen (108) and the `wasm-opt` crate (116) both reject what rustc 1.95
//! emits (`table.fill`); binaryen's own Node build is current and installs from the npm registry.

use crate::process::{self, cargo_bin_dir, find_in, home_dir, original_path};
use crate::Result;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// What Trunk.toml pins with `wasm_opt = "version_132"`; Trunk compares it with the third word
/// of `wasm-opt --version` ("wasm-opt version 132 (version_132)").
pub const VERSION: &str = "132";
const NPM_PACKAGE: &str = "binaryen@132.0.0";

/// Outside the repository, so a clean checkout stays clean and every clone shares one copy.
pub fn tools_dir() -> Result<PathBuf> {
    let cache = match std::env::var_os("XDG_CACHE_HOME").filter(|d| !d.is_empty()) {
        Some(dir) => PathBuf::from(dir),
        None => home_dir()?.join(".cache"),
    };
    Ok(cache.join("career-pay-widget").join("binaryen"))
}

/// Where npm puts the `wasm-opt` launcher.
pub fn bin_dir() -> Result<PathBuf> {
    Ok(tools_dir()?.join("node_modules").join(".bin"))
}

/// The version word Trunk would read from this `wasm-opt`, if it runs.
fn version_of(program: &Path) -> Option<String> {
    let text = process::probe(program, &["--version"])?;
    // Same split as Trunk's `format_version_output`, so "matches here" means "matches there".
    text.split(' ').nth(2).map(str::to_string)
}

/// The setup step. Returns `Some(reason)` when nothing had to be installed.
pub fn ensure() -> Result<Option<String>> {
    let npm_wasm_opt = bin_dir()?.join("wasm-opt");
    let shell_path = original_path();
    let shell_choice = find_in("wasm-opt", &shell_path);

    // Already right where a plain `trunk build` would look: nothing to do at all.
    if let Some(found) = &shell_choice {
        if version_of(found).as_deref() == Some(VERSION) {
            return Ok(Some(format!(
                "wasm-opt version {VERSION} already at {}",
                found.display()
            )));
        }
    }

    let mut installed_now = false;
    if version_of(&npm_wasm_opt).as_deref() != Some(VERSION) {
        let dir = tools_dir()?;
        fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        if process::which("npm").is_none() {
            return Err(format!(
                "npm was not found on PATH: wasm-opt {VERSION} comes from the npm package \
                 {NPM_PACKAGE}; install Node.js 18+ with npm (e.g. `apt-get install -y nodejs npm`) \
                 and run `cargo xtask setup` again"
            ));
        }
        process::run(
            Command::new("npm")
                .args(["install", "--prefix"])
                .arg(&dir)
                .args(["--no-audit", "--no-fund", "--loglevel=error", NPM_PACKAGE]),
        )?;
        match version_of(&npm_wasm_opt) {
            Some(v) if v == VERSION => {}
            other => {
                return Err(format!(
                    "after `npm install {NPM_PACKAGE}`, {} reports version {} instead of {VERSION}",
                    npm_wasm_opt.display(),
                    other.as_deref().unwrap_or("nothing (it does not run)")
                ))
            }
        }
        installed_now = true;
    }

    let linked_now = link_into_cargo_bin(&npm_wasm_opt)?;
    warn_if_shadowed(&shell_path);
    Ok((!installed_now).then(|| {
        format!(
            "wasm-opt version {VERSION} already installed in {}{}",
            npm_wasm_opt.display(),
            if linked_now {
                " (only the link above was missing)"
            } else {
                ""
            }
        )
    }))
}

/// A symlink in `$CARGO_HOME/bin`, so that plain `trunk serve` / `trunk build` typed in a shell
/// find the right wasm-opt too, not only runs through xtask (which also puts the npm directory
/// first on PATH). Returns whether it had to create the link.
fn link_into_cargo_bin(target: &Path) -> Result<bool> {
    let link = cargo_bin_dir()?.join("wasm-opt");
    match fs::symlink_metadata(&link) {
        Ok(meta) if meta.file_type().is_symlink() => {
            if fs::read_link(&link).ok().as_deref() == Some(target) {
                return Ok(false);
            }
            // A symlink is a pointer we may re-aim; a real file may be someone's install.
            fs::remove_file(&link)
                .map_err(|e| format!("cannot replace the symlink {}: {e}", link.display()))?;
        }
        Ok(_) => {
            println!(
                "    note: {} is a regular file (another wasm-opt, e.g. from `cargo install \
                 wasm-opt`); left alone. `cargo xtask` still uses {} first, but a plain `trunk` \
                 would not: remove that file if Trunk complains about wasm-opt.",
                link.display(),
                target.display()
            );
            return Ok(false);
        }
        Err(_) => {}
    }
    if let Some(parent) = link.parent() {
        fs::create_dir_all(parent)
            .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
    }
    symlink(target, &link)?;
    println!("    linked {} -> {}", link.display(), target.display());
    Ok(true)
}

#[cfg(unix)]
fn symlink(target: &Path, link: &Path) -> Result<()> {
    std::os::unix::fs::symlink(target, link).map_err(|e| {
        format!(
            "cannot link {} -> {}: {e}",
            link.display(),
            target.display()
        )
    })
}

#[cfg(not(unix))]
fn symlink(target: &Path, _link: &Path) -> Result<()> {
    println!(
        "    note: no symlink on this platform; put {} on PATH for plain `trunk` runs",
        target.display()
    );
    Ok(())
}

/// Says so when a plain shell would still reach an older wasm-opt first (PATH order).
fn warn_if_shadowed(shell_path: &std::ffi::OsStr) {
    if let Some(first) = find_in("wasm-opt", shell_path) {
        if version_of(&first).as_deref() != Some(VERSION) {
            println!(
                "    note: outside xtask, PATH reaches {} first (not version {VERSION}); \
                 `cargo xtask` is unaffected, but for plain `trunk` put the Cargo bin directory \
                 ahead of it in PATH",
                first.display()
            );
        }
    }
}
