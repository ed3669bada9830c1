//! Chromium and chromedriver for the browser and end-to-end tests, from Debian's packages.
//!
//! Debian's packages, not a download: this machine reaches only package registries, and the
//! paths below are the ones webdriver.json and the e2e tests are written against.

use crate::process;
use crate::Result;
use std::path::Path;
use std::process::Command;

pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
const PACKAGES: [&str; 2] = ["chromium", "chromium-driver"];

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
    process::run(
        Command::new("apt-get")
            .arg("update")
            .env("DEBIAN_FRONTEND", "noninteractive"),
    )?;
    process::run(
        Command::new("apt-get")
            // With recommends, as measured: they bring the fonts the charts' text is drawn with.
            .args(["install", "-y"])
            .args(PACKAGES)
            .env("DEBIAN_FRONTEND", "noninteractive"),
    )?;
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

/// Root can run apt-get directly. `id -u` avoids a libc dependency for one number.
fn is_root() -> bool {
    process::probe_on_path("id", &["-u"]).as_deref() == Some("0")
}
