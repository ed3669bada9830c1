//! The browsers the tests run in: Chromium and chromedriver (Debian's packages), and Firefox ESR
//! (Debian's package) with geckodriver (from crates.io; Debian has none).
//!
//! Packages, not a download: this machine reaches only package registries, and the paths below
//! are the ones webdriver.json and the e2e tests are written against.

use crate::process;
use crate::Result;
use std::path::Path;
use std::process::Command;

pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
const PACKAGES: [&str; 2] = ["chromium", "chromium-driver"];
pub const FIREFOX: &str = "/usr/bin/firefox-esr";
const FIREFOX_PACKAGE: &str = "firefox-esr";
/// The geckodriver release `cargo install` builds (it supports Firefox ESR 115 and later).
const GECKODRIVER_VERSION: &str = "0.37.1";

/// geckodriver, where `cargo install` puts it.
pub fn geckodriver() -> Result<std::path::PathBuf> {
    Ok(process::cargo_bin_dir()?.join("geckodriver"))
}

/// The setup step. Returns `Some(reason)` when nothing had to be installed.
pub fn ensure() -> Result<Option<String>> {
    if Path::new(CHROMIUM).exists() && Path::new(CHROMEDRIVER).exists() {
        return Ok(Some(format!("{CHROMIUM} and {CHROMEDRIVER} present")));
    }
    if !is_root() {
        return Err(format!(
            "the browser tests need {CHROMIUM} and {CHROMEDRIVER}; install the Debian packages \
             as root: `sudo apt-get update && sudo apt-get install -y {}`, then run this again",
            PACKAGES.join(" ")
        ));
    }
    apt_install(&PACKAGES)?;
    for needed in [CHROMIUM, CHROMEDRIVER] {
        if !Path::new(needed).exists() {
            return Err(format!(
                "`apt-get install {}` finished but {needed} is missing",
                PACKAGES.join(" ")
            ));
        }
    }
    Ok(None)
}

/// The second engine's setup step: Firefox ESR and geckodriver. `Some(reason)` when nothing had
/// to be installed.
pub fn ensure_firefox() -> Result<Option<String>> {
    let driver = geckodriver()?;
    let driver_ok = process::probe(&driver, &["--version"])
        .is_some_and(|v| v.starts_with(&format!("geckodriver {GECKODRIVER_VERSION}")));
    if Path::new(FIREFOX).exists() && driver_ok {
        return Ok(Some(format!(
            "{FIREFOX} and geckodriver {GECKODRIVER_VERSION} present"
        )));
    }
    if !Path::new(FIREFOX).exists() {
        if !is_root() {
            return Err(format!(
                "the Firefox tests need {FIREFOX}: `sudo apt-get install -y {FIREFOX_PACKAGE}`, \
                 then run this again"
            ));
        }
        apt_install(&[FIREFOX_PACKAGE])?;
    }
    if !driver_ok {
        process::run(Command::new("cargo").args([
            "install",
            &format!("geckodriver@{GECKODRIVER_VERSION}"),
            "--locked",
            "--force",
        ]))?;
    }
    Ok(None)
}

fn apt_install(packages: &[&str]) -> Result<()> {
    process::run(
        Command::new("apt-get")
            .arg("update")
            .env("DEBIAN_FRONTEND", "noninteractive"),
    )?;
    process::run(
        Command::new("apt-get")
            // With recommends, as measured: they bring the fonts the charts' text is drawn with.
            .args(["install", "-y"])
            .args(packages)
            .env("DEBIAN_FRONTEND", "noninteractive"),
    )
}

/// Root can run apt-get directly. `id -u` avoids a libc dependency for one number.
fn is_root() -> bool {
    process::probe_on_path("id", &["-u"]).as_deref() == Some("0")
}
