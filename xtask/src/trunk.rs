//! Running Trunk the way this project needs it: pinned tools from PATH, no update check, never a download.

use crate::Result;
use crate::{nightly, process};
use std::path::Path;
use std::process::Command;

/// `trunk <args>` with the environment that keeps it off the network. Trunk.toml already says
/// `offline = true`; `TRUNK_OFFLINE` repeats it so an edited Trunk.toml cannot turn a missing
/// tool into a download attempt (Trunk would otherwise fetch wasm-bindgen or wasm-opt itself).
pub fn command<I, S>(args: I) -> Command
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    let mut cmd = Command::new("trunk");
    cmd.args(args)
        .env("TRUNK_SKIP_VERSION_CHECK", "true")
        .env("TRUNK_OFFLINE", "true");
    cmd
}

/// The release build that is measured and tested end to end: wasm-opt runs on release builds
/// only, and the pinned nightly rebuilds std for size when it is installed (see
/// [`crate::nightly`]). A separate dist directory keeps `trunk serve`'s live-reload script out
/// of it.
fn release_build_command(dist: &Path) -> Command {
    let mut cmd = command(["build", "--release", "--dist"]);
    cmd.arg(dist);
    if nightly::available() {
        nightly::apply(&mut cmd);
    } else {
        eprintln!(
            "note: the pinned {} ({}) with rust-src is not installed: building with stable, \
             about 12 % larger (`cargo xtask setup` adds it)",
            nightly::CHANNEL,
            nightly::DATE
        );
    }
    cmd
}

/// Runs the release build with the terminal attached.
pub fn release_build(dist: &Path) -> Result<()> {
    process::run(&mut release_build_command(dist))
}

/// The debug build `trunk serve` makes (stable, no wasm-opt, no prerender), with the
/// `fault-injection` feature the end-to-end tests plant panics through; into `dist`.
pub fn fault_build(dist: &Path) -> Result<()> {
    let mut cmd = command(["build", "--features", "fault-injection", "--dist"]);
    cmd.arg(dist);
    process::run(&mut cmd)
}

/// The release build of the tree at `dir` (another checkout, for a side-by-side benchmark),
/// compiled in `target`.
pub fn release_build_in(dir: &Path, dist: &Path, target: &Path) -> Result<()> {
    let mut cmd = release_build_command(dist);
    cmd.current_dir(dir).env("CARGO_TARGET_DIR", target);
    process::run(&mut cmd)
}
