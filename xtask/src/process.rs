//! Running child commands: show them, stream their output, capture it where counts are read from it, and turn failures into sentences.

use crate::Result;
use std::env;
use std::ffi::{OsStr, OsString};
use std::io::{self, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::sync::OnceLock;
use std::thread;

/// `$CARGO_HOME/bin`, where `cargo install` puts Trunk and wasm-bindgen.
pub fn cargo_bin_dir() -> Result<PathBuf> {
    if let Some(home) = env::var_os("CARGO_HOME").filter(|h| !h.is_empty()) {
        return Ok(PathBuf::from(home).join("bin"));
    }
    Ok(home_dir()?.join(".cargo").join("bin"))
}

pub fn home_dir() -> Result<PathBuf> {
    env::var_os("HOME")
        .filter(|h| !h.is_empty())
        .map(PathBuf::from)
        .ok_or_else(|| "HOME is not set: cannot tell where tools are installed".to_string())
}

/// The PATH this process was started with, before `put_tools_first_on_path` changed it: what a
/// plain `trunk` typed in a shell would see.
pub fn original_path() -> OsString {
    ORIGINAL_PATH
        .get()
        .cloned()
        .or_else(|| env::var_os("PATH"))
        .unwrap_or_default()
}

static ORIGINAL_PATH: OnceLock<OsString> = OnceLock::new();

/// Puts the npm wasm-opt and `$CARGO_HOME/bin` at the front of PATH for this process and every
/// child. The npm wasm-opt must come first: Debian's binaryen and the `wasm-opt` crate are too old
/// for rustc 1.95's output, and Trunk takes the first `wasm-opt` it finds. Cargo's bin goes next
/// because a fresh shell may not have it on PATH yet, and freshly installed tools live there.
pub fn put_tools_first_on_path() -> Result<()> {
    let original = env::var_os("PATH").unwrap_or_default();
    let first = [crate::binaryen::bin_dir()?, cargo_bin_dir()?];
    let rest = env::split_paths(&original).filter(|d| !first.contains(d));
    let dirs: Vec<PathBuf> = first.iter().cloned().chain(rest).collect();
    let joined = env::join_paths(dirs).map_err(|e| format!("cannot build PATH: {e}"))?;
    // Remembered so that messages can say what a plain shell would find.
    let _ = ORIGINAL_PATH.set(original);
    env::set_var("PATH", joined);
    Ok(())
}

/// The first executable called `program` in the directories of `path`.
pub fn find_in(program: &str, path: &OsStr) -> Option<PathBuf> {
    env::split_paths(path)
        .map(|dir| dir.join(program))
        .find(|candidate| is_executable(candidate))
}

pub fn which(program: &str) -> Option<PathBuf> {
    find_in(program, &env::var_os("PATH").unwrap_or_default())
}

fn is_executable(path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        path.metadata()
            .map(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
            .unwrap_or(false)
    }
    #[cfg(not(unix))]
    {
        path.is_file()
    }
}

/// How a command is shown to the reader: environment first, as one would type it in a shell.
pub fn describe(cmd: &Command) -> String {
    let mut parts: Vec<String> = cmd
        .get_envs()
        .filter_map(|(k, v)| v.map(|v| format!("{}={}", k.to_string_lossy(), v.to_string_lossy())))
        .collect();
    parts.push(cmd.get_program().to_string_lossy().into_owned());
    parts.extend(cmd.get_args().map(|a| {
        let a = a.to_string_lossy();
        if a.contains(' ') {
            format!("'{a}'")
        } else {
            a.into_owned()
        }
    }));
    parts.join(" ")
}

fn spawn_error(cmd: &Command, e: io::Error) -> String {
    let program = cmd.get_program().to_string_lossy();
    if e.kind() == io::ErrorKind::NotFound {
        format!(
            "`{program}` was not found on PATH (needed for `{}`)",
            describe(cmd)
        )
    } else {
        format!("could not start `{}`: {e}", describe(cmd))
    }
}

fn status_error(cmd: &Command, status: ExitStatus) -> String {
    match status.code() {
        Some(code) => format!("`{}` failed (exit code {code})", describe(cmd)),
        None => format!("`{}` was stopped by a signal", describe(cmd)),
    }
}

/// Runs with the terminal attached; fails if the command cannot start or exits non-zero.
pub fn run(cmd: &mut Command) -> Result<()> {
    println!("$ {}", describe(cmd));
    let status = cmd.status().map_err(|e| spawn_error(cmd, e))?;
    if status.success() {
        Ok(())
    } else {
        Err(status_error(cmd, status))
    }
}

/// Runs with the terminal attached and hands back the exit status (for `serve`, whose exit code
/// is passed on as it is).
pub fn run_status(cmd: &mut Command) -> Result<ExitStatus> {
    println!("$ {}", describe(cmd));
    cmd.status().map_err(|e| spawn_error(cmd, e))
}

/// What a captured run printed, per stream, and how it ended. The streams are kept apart because
/// a chunk of stderr (cargo's "Running …") can land between the halves of a stdout line.
pub struct Captured {
    pub stdout: String,
    pub stderr: String,
    pub error: Option<String>,
}

/// Runs while copying its output through to ours as it arrives and keeping a copy to read test
/// counts from. A failure to start is reported like a failed run, so a test step can continue.
pub fn run_captured(cmd: &mut Command) -> Captured {
    println!("$ {}", describe(cmd));
    // Output goes through a pipe, so cargo would turn colour off; keep it when a person watches.
    if io::stdout().is_terminal() && env::var_os("CARGO_TERM_COLOR").is_none() {
        cmd.env("CARGO_TERM_COLOR", "always");
    }
    let mut child = match cmd.stdout(Stdio::piped()).stderr(Stdio::piped()).spawn() {
        Ok(child) => child,
        Err(e) => {
            return Captured {
                stdout: String::new(),
                stderr: String::new(),
                error: Some(spawn_error(cmd, e)),
            }
        }
    };
    let out_pump = child
        .stdout
        .take()
        .map(|out| thread::spawn(move || pump(out, io::stdout())));
    let err_pump = child
        .stderr
        .take()
        .map(|err| thread::spawn(move || pump(err, io::stderr())));
    let waited = child.wait();
    // A pump thread only panics if something is badly wrong; its text is then simply missing.
    let collect = |pump: Option<thread::JoinHandle<Vec<u8>>>| {
        pump.and_then(|p| p.join().ok())
            .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
            .unwrap_or_default()
    };
    let (stdout, stderr) = (collect(out_pump), collect(err_pump));
    let error = match waited {
        Ok(status) if status.success() => None,
        Ok(status) => Some(status_error(cmd, status)),
        Err(e) => Some(format!("waiting for `{}` failed: {e}", describe(cmd))),
    };
    Captured {
        stdout,
        stderr,
        error,
    }
}

/// Copies chunks (not lines, so partial lines show at once) to `sink`, returning all it read.
fn pump(mut source: impl Read, mut sink: impl Write) -> Vec<u8> {
    let mut kept = Vec::new();
    let mut chunk = [0u8; 8192];
    loop {
        match source.read(&mut chunk) {
            Ok(0) => break,
            Ok(n) => {
                // Our own terminal going away must not stop the child's output being drained.
                let _ = sink.write_all(&chunk[..n]);
                let _ = sink.flush();
                kept.extend_from_slice(&chunk[..n]);
            }
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(_) => break,
        }
    }
    kept
}

/// Stdout of a quiet probe such as `tool --version` (stdout only: that is what Trunk reads when
/// it checks a tool's version), or `None` if it cannot run or fails: for a probe, "absent" and
/// "broken" both mean "install it".
pub fn probe(program: &Path, args: &[&str]) -> Option<String> {
    let out = Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .ok()?;
    if !out.status.success() {
        return None;
    }
    Some(String::from_utf8_lossy(&out.stdout).trim().to_string())
}

/// `probe` for a program looked up on the current PATH.
pub fn probe_on_path(program: &str, args: &[&str]) -> Option<String> {
    probe(&which(program)?, args)
}
