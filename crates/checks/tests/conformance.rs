//! Conformance with the reference validator (Developers Italia's publiccode-parser-go).
//!
//! Runs every test file of the reference and compares, per row of its test tables
//! (`../shared/conformance/publiccode-parser-go/expected.jsonl`): the verdict, the set of error
//! keys, the set of warning keys, and line and column wherever the reference gives them.
//! Rows whose outcome depends on the internet are set aside and counted; the deliberate
//! divergences are listed in `DIVERGENCES` and in `docs/conformance.md`. The test fails when
//! anything else disagrees, and prints the agreement figures.

use commons_publiccode::{Options, Severity, validate};
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Rows where Commons deliberately differs, with the reason (see docs/conformance.md).
const DIVERGENCES: &[(&str, &str)] = &[
    (
        "v0/invalid/organisation_uri_wrong_italian_pa2.yml",
        "needs the iPA registry, which Commons does not ship",
    ),
    (
        "v0/invalid/fundedBy_uri_wrong_italian_pa2.yml",
        "needs the iPA registry, which Commons does not ship",
    ),
];

/// Messages that only a check over the internet produces.
const NETWORK_MESSAGES: &[&str] = &[
    "not reachable:",
    "HTTP GET failed",
    "is not a valid code repository",
    "failed to get raw URL",
];

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/conformance/publiccode-parser-go")
}

/// The reference writes map keys that are not purely alphabetic in brackets
/// (`description[en-US].features`); Commons always uses dots, as for every other key.
fn normalise_key(key: &str) -> String {
    let mut out = String::new();
    let mut rest = key;
    while let Some(open) = rest.find('[') {
        let close = rest[open..]
            .find(']')
            .map(|c| open + c)
            .unwrap_or(rest.len() - 1);
        let inner = &rest[open + 1..close];
        out.push_str(&rest[..open]);
        if inner.bytes().all(|b| b.is_ascii_digit()) {
            out.push_str(&rest[open..=close]);
        } else {
            out.push('.');
            out.push_str(inner);
        }
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    out
}

#[derive(Default)]
struct Tally {
    rows: usize,
    compared: usize,
    network_only: Vec<String>,
    untested: usize,
    verdict_agree: usize,
    errors_agree: usize,
    warnings_agree: usize,
    positions: usize,
    positions_agree: usize,
    diverging: Vec<String>,
    failures: Vec<String>,
}

#[test]
fn agrees_with_the_reference_validator() {
    let base = corpus();
    let expected = std::fs::read_to_string(base.join("expected.jsonl"))
        .expect("conformance data: ../shared/conformance/publiccode-parser-go/expected.jsonl");
    let mut t = Tally::default();
    for line in expected.lines().filter(|l| !l.trim().is_empty()) {
        let row: Value = serde_json::from_str(line).expect("expected.jsonl row");
        t.rows += 1;
        let file = row["file"].as_str().unwrap_or_default().to_string();
        let options = row["options"].as_str().unwrap_or_default();
        if options == "?" {
            t.untested += 1;
            continue;
        }
        // Parsed from a URL: relative files resolve against the remote directory, which only
        // the network can check; with the network off the reference skips them, and so do we.
        let remote = options.contains("remote=");
        if remote && !options.starts_with("DisableNetwork") {
            t.network_only.push(format!("{file} ({options})"));
            continue;
        }
        let results = row["results"].as_array().cloned().unwrap_or_default();
        let offline: Vec<&Value> = results
            .iter()
            .filter(|r| {
                let m = r["message"].as_str().unwrap_or_default();
                !NETWORK_MESSAGES.iter().any(|n| m.contains(n))
            })
            .collect();
        let expect = row["expect"].as_str().unwrap_or_default();
        let expect_invalid = offline.iter().any(|r| r["kind"] == "error");
        if expect == "invalid" && !expect_invalid {
            t.network_only.push(format!("{file} (only network errors)"));
            continue;
        }
        t.compared += 1;

        let path = base.join("testdata").join(&file);
        let bytes = std::fs::read(&path).expect("test file");
        let mut got = validate(&bytes, &Options::default());
        if !remote {
            commons_checks::check_files(&mut got, path.parent().expect("dir"));
        }

        let keys = |kind: &str| -> BTreeSet<String> {
            offline
                .iter()
                .filter(|r| r["kind"] == kind)
                .map(|r| normalise_key(r["key"].as_str().unwrap_or_default()))
                .collect()
        };
        let want_errors = keys("error");
        let want_warnings = keys("warning");
        let got_errors: BTreeSet<String> = got.errors().map(|d| d.key.clone()).collect();
        let got_warnings: BTreeSet<String> = got.warnings().map(|d| d.key.clone()).collect();

        let verdict_ok = got.is_valid() != expect_invalid;
        let errors_ok = want_errors == got_errors;
        let warnings_ok = want_warnings == got_warnings;
        let mut position_problems = Vec::new();
        for r in &offline {
            let (line, column) = (
                r["line"].as_u64().unwrap_or(0),
                r["column"].as_u64().unwrap_or(0),
            );
            if line == 0 {
                continue;
            }
            t.positions += 1;
            let key = normalise_key(r["key"].as_str().unwrap_or_default());
            let severity = if r["kind"] == "error" {
                Severity::Error
            } else {
                Severity::Warning
            };
            // For YAML syntax errors (empty key) the reference always says column 1; Commons
            // gives the column where the parser stopped, so only the line is compared.
            let column_counts = !key.is_empty();
            let found = got.diagnostics.iter().any(|d| {
                d.key == key
                    && d.severity == severity
                    && d.line as u64 == line
                    && (!column_counts || d.column as u64 == column)
            });
            if found {
                t.positions_agree += 1;
            } else {
                let ours: Vec<String> = got
                    .diagnostics
                    .iter()
                    .filter(|d| d.key == key)
                    .map(|d| format!("{}:{}", d.line, d.column))
                    .collect();
                position_problems.push(format!("{key} at {line}:{column}, ours {ours:?}"));
            }
        }
        t.verdict_agree += usize::from(verdict_ok);
        t.errors_agree += usize::from(errors_ok);
        t.warnings_agree += usize::from(warnings_ok);
        let all_ok = verdict_ok && errors_ok && warnings_ok && position_problems.is_empty();
        if DIVERGENCES.iter().any(|(f, _)| *f == file) {
            assert!(
                !all_ok,
                "{file} is listed as a divergence but now agrees: remove it from DIVERGENCES"
            );
            t.diverging.push(file);
            continue;
        }
        if !all_ok {
            let detail: Vec<String> = got
                .diagnostics
                .iter()
                .map(|d| {
                    format!(
                        "{} {}@{}:{} {}",
                        d.severity, d.key, d.line, d.column, d.message
                    )
                })
                .collect();
            t.failures.push(format!(
                "{file} [{options}]\n    verdict ok: {verdict_ok}\n    want errors {want_errors:?}\n    got errors  {got_errors:?}\n    want warnings {want_warnings:?}\n    got warnings  {got_warnings:?}\n    positions: {position_problems:?}\n    ours: {detail:#?}"
            ));
        }
    }
    let pct = |n: usize, d: usize| {
        if d == 0 {
            100.0
        } else {
            100.0 * n as f64 / d as f64
        }
    };
    println!("conformance with publiccode-parser-go ({} rows):", t.rows);
    println!("  compared offline:      {}", t.compared);
    println!("  set aside, need internet: {}", t.network_only.len());
    for n in &t.network_only {
        println!("    - {n}");
    }
    println!("  not in the reference's test tables: {}", t.untested);
    println!(
        "  verdicts agree:        {}/{} ({:.1} %)",
        t.verdict_agree,
        t.compared,
        pct(t.verdict_agree, t.compared)
    );
    println!(
        "  error keys agree:      {}/{} ({:.1} %)",
        t.errors_agree,
        t.compared,
        pct(t.errors_agree, t.compared)
    );
    println!(
        "  warning keys agree:    {}/{} ({:.1} %)",
        t.warnings_agree,
        t.compared,
        pct(t.warnings_agree, t.compared)
    );
    println!(
        "  positions agree:       {}/{} ({:.1} %)",
        t.positions_agree,
        t.positions,
        pct(t.positions_agree, t.positions)
    );
    println!(
        "  documented divergences: {} (docs/conformance.md)",
        t.diverging.len()
    );
    let others = t.compared - t.diverging.len();
    println!(
        "  agreement on verdicts and error keys, divergences aside: {}/{others} ({:.1} %)",
        others - t.failures.len(),
        pct(others - t.failures.len(), others)
    );
    assert!(
        t.failures.is_empty(),
        "{} rows disagree with the reference:\n{}",
        t.failures.len(),
        t.failures.join("\n")
    );
    assert_eq!(
        t.diverging.len(),
        DIVERGENCES.len(),
        "a listed divergence was not seen"
    );
}
