//! Test counts read from runner output: libtest and wasm-bindgen-test-runner both print `test result: ok. N passed; M failed; K ignored; …`.

use std::ops::AddAssign;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub passed: u64,
    pub failed: u64,
    pub ignored: u64,
}

impl AddAssign for Counts {
    fn add_assign(&mut self, other: Self) {
        self.passed += other.passed;
        self.failed += other.failed;
        self.ignored += other.ignored;
    }
}

/// Sum of every summary line (cargo prints one per test binary and one for doctests). When a
/// runner died before its summary, the per-test lines (`test x ... ok` / `FAILED` / `FAIL`, the
/// last being wasm-bindgen-test's spelling) are counted instead, so a crash still shows what ran.
/// `None` when nothing at all was recognised.
pub fn parse(output: &str) -> Option<Counts> {
    let clean = strip_ansi(output);
    let mut summary: Option<Counts> = None;
    let mut per_test = Counts::default();
    let mut saw_test_line = false;
    for line in clean.lines().map(str::trim) {
        if let Some(rest) = line.strip_prefix("test result:") {
            *summary.get_or_insert_with(Counts::default) += summary_line(rest);
        } else if let Some(outcome) = per_test_outcome(line) {
            saw_test_line = true;
            match outcome {
                Outcome::Ok => per_test.passed += 1,
                Outcome::Failed => per_test.failed += 1,
                Outcome::Ignored => per_test.ignored += 1,
            }
        }
    }
    summary.or(saw_test_line.then_some(per_test))
}

/// `ok. 12 passed; 0 failed; 1 ignored; 0 measured; 0 filtered out; finished in 0.01s`
fn summary_line(rest: &str) -> Counts {
    let mut counts = Counts::default();
    for part in rest.split(';') {
        let words: Vec<&str> = part.split_whitespace().collect();
        // The first part starts with "ok." / "FAILED."; the number is the word before the label.
        for pair in words.windows(2) {
            let Ok(n) = pair[0].parse::<u64>() else {
                continue;
            };
            match pair[1] {
                "passed" => counts.passed += n,
                "failed" => counts.failed += n,
                "ignored" => counts.ignored += n,
                _ => {}
            }
        }
    }
    counts
}

enum Outcome {
    Ok,
    Failed,
    Ignored,
}

fn per_test_outcome(line: &str) -> Option<Outcome> {
    let rest = line.strip_prefix("test ")?;
    let (_, result) = rest.rsplit_once(" ... ")?;
    let result = result.trim();
    if result == "ok" {
        Some(Outcome::Ok)
    } else if result == "FAILED" || result == "FAIL" {
        Some(Outcome::Failed)
    } else if result.starts_with("ignored") {
        Some(Outcome::Ignored)
    } else {
        None
    }
}

/// Drops colour codes (`ESC [ … letter`), which cargo keeps when a person is watching.
fn strip_ansi(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            if chars.next() == Some('[') {
                for d in chars.by_ref() {
                    if d.is_ascii_alphabetic() {
                        break;
                    }
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sums_libtest_summaries_including_doctests() {
        let out = "running 3 tests\ntest a ... ok\n\
            test result: ok. 3 passed; 0 failed; 1 ignored; 0 measured; 0 filtered out; finished in 0.00s\n\
            \n   Doc-tests x\n\
            test result: FAILED. 2 passed; 1 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.20s\n";
        assert_eq!(
            parse(out),
            Some(Counts {
                passed: 5,
                failed: 1,
                ignored: 1
            })
        );
    }

    #[test]
    fn reads_wasm_bindgen_test_runner_output_with_colour() {
        let out = "Running headless tests in Chrome on `http://127.0.0.1:41231/`\n\
            running 2 tests\ntest t::a ... ok\ntest t::b ... FAIL\n\n\
            \u{1b}[1mtest result: FAILED. 1 passed; 1 failed; 0 ignored; 0 filtered out; finished in 0.05s\u{1b}[0m\n";
        assert_eq!(
            parse(out),
            Some(Counts {
                passed: 1,
                failed: 1,
                ignored: 0
            })
        );
    }

    #[test]
    fn falls_back_to_per_test_lines_when_the_runner_died() {
        let out = "running 3 tests\ntest a ... ok\ntest b ... FAIL\ntest c ... ignored, slow\nerror: driver crashed\n";
        assert_eq!(
            parse(out),
            Some(Counts {
                passed: 1,
                failed: 1,
                ignored: 1
            })
        );
        assert_eq!(parse("error: could not compile `x`"), None);
    }
}
