//! The checked rule that keeps the pure core pure: the modules below the app (figures, career,
//! estimator, charts and their scenes, messages, options…) import nothing from the browser, so
//! they compile, test and reason natively. A new module must say which side it is on.

use std::path::Path;

/// Modules of the pure core: no Yew, no web APIs.
const PURE: [&str; 19] = [
    "career",
    "catalog_search",
    "charts",
    "choices",
    "config",
    "csv_export",
    "percentile_model",
    "estimator",
    "experience_rule",
    "explanation",
    "figures",
    "format",
    "links",
    "messages",
    "options",
    "order",
    "place_search",
    "related",
    "subject",
];

/// Modules that run in the browser: components, hooks, the app and its state, web helpers.
const BROWSER: [&str; 7] = [
    "app",
    "components",
    "hooks",
    "prerender",
    "state",
    "ui",
    "web",
];

/// Crates (and their paths) only the browser side may use.
const BROWSER_ONLY: [&str; 6] = [
    "yew",
    "web_sys",
    "wasm_bindgen",
    "js_sys",
    "gloo",
    "plotters_canvas",
];

/// Every `.rs` file of module `name`: `src/name.rs` and everything under `src/name/`.
fn files_of(name: &str) -> Vec<std::path::PathBuf> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = vec![];
    let single = src.join(format!("{name}.rs"));
    if single.exists() {
        files.push(single);
    }
    let mut dirs = vec![src.join(name)];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    files
}

/// Whether `line` names `krate` as a path root (`yew::`, `use web_sys`), not as part of a word.
fn names(line: &str, krate: &str) -> bool {
    line.match_indices(krate).any(|(at, _)| {
        let before = line[..at].chars().next_back();
        let after = &line[at + krate.len()..];
        !before.is_some_and(|c| c.is_alphanumeric() || c == '_')
            && (after.starts_with("::") || after.starts_with(';') || after.starts_with(" as"))
    })
}

#[test]
fn the_pure_core_imports_nothing_from_the_browser() {
    let mut offences = vec![];
    for module in PURE {
        let files = files_of(module);
        assert!(!files.is_empty(), "no source for pure module {module}");
        for file in files {
            let text = std::fs::read_to_string(&file).expect("readable source");
            for (n, line) in text.lines().enumerate() {
                let code = line.split("//").next().unwrap_or("");
                if let Some(krate) = BROWSER_ONLY.iter().find(|k| names(code, k)) {
                    offences.push(format!("{}:{}: {krate}", file.display(), n + 1));
                }
            }
        }
    }
    assert!(
        offences.is_empty(),
        "browser code in the pure core:\n{}",
        offences.join("\n")
    );
}

#[test]
fn charts_reach_plotters_only_through_the_painter() {
    let allowed = ["paint.rs", "palette.rs"];
    let offenders: Vec<String> = files_of("charts")
        .into_iter()
        .filter(|f| {
            !f.file_name()
                .is_some_and(|n| allowed.iter().any(|a| n == *a))
        })
        .filter(|f| {
            let text = std::fs::read_to_string(f).unwrap_or_default();
            text.lines()
                .any(|l| names(l.split("//").next().unwrap_or(""), "plotters"))
        })
        .map(|f| f.display().to_string())
        .collect();
    assert!(
        offenders.is_empty(),
        "charts drawing without the painter: {offenders:?}"
    );
}

#[test]
fn every_module_is_on_one_side() {
    let lib = include_str!("lib.rs");
    for line in lib.lines() {
        let Some(name) = line
            .strip_prefix("pub mod ")
            .and_then(|l| l.strip_suffix(';'))
        else {
            continue;
        };
        assert!(
            PURE.contains(&name) != BROWSER.contains(&name),
            "say whether module {name} is pure or browser code (src/boundary.rs)"
        );
    }
    assert!(names("use yew::prelude::*;", "yew") && !names("let yewish = 1;", "yew"));
}
