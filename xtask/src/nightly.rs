//! The pinned nightly toolchain the release build uses to rebuild the standard library for size:
//! `-Zbuild-std` with the `optimize_for_size` feature and the `immediate-abort` panic strategy
//! (no panic messages or unwinding machinery in the wasm). Measured on this project: the wasm
//! 214.1 → 189.5 KB brotli (−11.5 %). Tests, clippy and a plain `trunk build` stay on stable; if
//! the pinned nightly or its `rust-src` is missing, the release build falls back to stable (and
//! says so), which works but is larger.

use crate::Result;
use std::process::Command;

/// The toolchain name and the date its `rustc --version` must show: a nightly changes its
/// flags' meaning from one day to the next, so another date is not used.
pub const CHANNEL: &str = "nightly";
pub const DATE: &str = "2026-05-19";

/// The environment that turns `trunk build --release` (cargo for wasm32) into the size build.
/// Only wasm32 gets the flags; build-std applies only to builds with `--target`, so host builds
/// (build scripts) are unaffected.
const ENV: [(&str, &str); 4] = [
    ("RUSTUP_TOOLCHAIN", CHANNEL),
    ("CARGO_UNSTABLE_BUILD_STD", "std,panic_abort"),
    ("CARGO_UNSTABLE_BUILD_STD_FEATURES", "optimize_for_size"),
    (
        "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS",
        "-Zunstable-options -Cpanic=immediate-abort",
    ),
];

/// The setup step: the standard library's source and the wasm32 target for the pinned nightly.
/// `Some(reason)` when there is nothing to do, including when the pinned nightly is not
/// installed (the release build then uses stable).
pub fn ensure() -> Result<Option<String>> {
    if !is_pinned_date() {
        return Ok(Some(format!(
            "no {CHANNEL} of {DATE} here: release builds use stable (about 12 % larger wasm)"
        )));
    }
    if has_rust_src() && has_wasm_target() {
        fetch_std_crates()?;
        return Ok(Some(format!("{CHANNEL} {DATE} has rust-src and wasm32")));
    }
    for args in [
        ["component", "add", "rust-src", "--toolchain", CHANNEL],
        [
            "target",
            "add",
            "wasm32-unknown-unknown",
            "--toolchain",
            CHANNEL,
        ],
    ] {
        crate::process::run(Command::new("rustup").args(args))?;
    }
    fetch_std_crates()?;
    Ok(None)
}

/// Downloads the crates the standard library depends on (its own Cargo.lock: `dlmalloc`,
/// `wasip1`…): Trunk runs cargo `--offline`, and a machine whose registry cache lacks them fails
/// the size build with "no matching package named `wasip1`". A no-op when they are all there.
fn fetch_std_crates() -> Result<()> {
    let fetch = |offline: bool| {
        let mut cmd = Command::new("cargo");
        cmd.args(["fetch", "--quiet", "--target", "wasm32-unknown-unknown"]);
        if offline {
            cmd.arg("--offline");
        }
        apply(&mut cmd);
        cmd
    };
    let cached = fetch(true).output().is_ok_and(|out| out.status.success());
    if cached {
        return Ok(());
    }
    crate::process::run(&mut fetch(false))
}

/// Whether the pinned nightly itself is installed (what `cargo fuzz` needs).
pub fn installed() -> bool {
    is_pinned_date()
}

/// Whether the release build can use the size build.
pub fn available() -> bool {
    is_pinned_date() && has_rust_src() && has_wasm_target()
}

/// Adds the size build's environment to `cmd`.
pub fn apply(cmd: &mut Command) {
    cmd.envs(ENV);
}

fn is_pinned_date() -> bool {
    output(&["+nightly", "--version"]).is_some_and(|v| v.contains(DATE))
}

fn has_rust_src() -> bool {
    output(&["+nightly", "--print", "sysroot"]).is_some_and(|root| {
        std::path::Path::new(root.trim())
            .join("lib/rustlib/src/rust/library/std")
            .is_dir()
    })
}

fn has_wasm_target() -> bool {
    output(&[
        "+nightly",
        "--print",
        "target-libdir",
        "--target",
        "wasm32-unknown-unknown",
    ])
    .is_some_and(|dir| std::path::Path::new(dir.trim()).is_dir())
}

/// `rustc <args>`'s standard output, if it ran and succeeded.
fn output(args: &[&str]) -> Option<String> {
    let out = Command::new("rustc")
        .args(args)
        .env_remove("RUSTUP_TOOLCHAIN")
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hook_removes_every_variable_the_size_build_sets() {
        let toml = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../Trunk.toml"))
            .expect("Trunk.toml");
        for (name, _) in ENV {
            assert!(
                toml.contains(&format!("\"-u\", \"{name}\"")),
                "Trunk.toml's hook must unset {name}"
            );
        }
    }
}
