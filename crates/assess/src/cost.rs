//! Value for money: Basic COCOMO (Boehm 1981), organic mode, as scc computes it, from code
//! lines counted per language with `tokei` (blank and comment lines excluded), beside the
//! number of organisations using the software.

use crate::repo::{Repo, TreeEntry};
use crate::say::say;
use crate::{CheckError, Evidence};
pub use commons_report::CostReport;
use std::collections::{BTreeMap, HashMap};

/// Organic-mode constants: effort = A·KSLOC^B, schedule = C·effort^D.
pub const A: f64 = 2.4;
/// See [`A`].
pub const B: f64 = 1.05;
/// See [`A`].
pub const C: f64 = 2.5;
/// See [`A`].
pub const D: f64 = 0.38;
/// scc's default yearly wage (USD) and overhead.
pub const DEFAULT_WAGE: f64 = 56_286.0;
/// See [`DEFAULT_WAGE`].
pub const DEFAULT_OVERHEAD: f64 = 2.4;
/// Largest file counted, and most files counted.
const MAX_FILE_BYTES: u64 = 1024 * 1024;
const MAX_FILES: usize = 100_000;

/// Directories and files that are not the project's own code.
fn excluded(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    path.split('/').any(|c| {
        matches!(
            c,
            "vendor"
                | "node_modules"
                | "third_party"
                | "third-party"
                | "dist"
                | "build"
                | "target"
                | ".git"
        )
    }) || name.ends_with(".min.js")
        || name.ends_with(".min.css")
        || name.ends_with(".lock")
        || name == "package-lock.json"
}

/// Prose, data and configuration formats: not code to rebuild (scc counts them; Commons does
/// not, so that a large README or data file does not inflate the estimate).
fn is_prose_or_data(language: tokei::LanguageType) -> bool {
    use tokei::LanguageType as L;
    matches!(
        language,
        L::Markdown
            | L::Text
            | L::ReStructuredText
            | L::AsciiDoc
            | L::Org
            | L::Json
            | L::Yaml
            | L::Toml
            | L::Svg
            | L::Xml
            | L::Tex
            | L::Ini
    )
}

/// How the estimate is computed, as reports write it: a fixed sentence, which readers find by
/// its message id (`cost-method-basic-cocomo-organic`) to say it in their language.
pub fn method_text() -> String {
    say("cost-method-basic-cocomo-organic", &[]).text
}

/// Basic COCOMO for `code_lines`: (effort PM, schedule months, people).
pub fn cocomo(code_lines: usize) -> (f64, f64, f64) {
    let ksloc = code_lines as f64 / 1000.0;
    let effort = A * ksloc.powf(B);
    let schedule = if effort > 0.0 {
        C * effort.powf(D)
    } else {
        0.0
    };
    let people = if schedule > 0.0 {
        effort / schedule
    } else {
        0.0
    };
    (effort, schedule, people)
}

/// Cost to rebuild: effort (person-months) at `yearly_wage / 12` a month, times `overhead`, as
/// scc computes it.
pub fn rebuild_cost(effort: f64, yearly_wage: f64, overhead: f64) -> f64 {
    effort * (yearly_wage / 12.0) * overhead
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// Counts code lines and computes the estimate.
pub fn assess(
    repo: &Repo,
    tree: &[TreeEntry],
    used_by: usize,
    dependents_in_catalog: Option<usize>,
    errors: &mut Vec<CheckError>,
) -> CostReport {
    let config = tokei::Config::default();
    let mut by_language: BTreeMap<String, usize> = BTreeMap::new();
    let mut files = 0;
    let mut skipped_large = 0;
    let mut excluded_files = 0;
    // Code lines of a blob in a language: a blob many paths point to is counted once.
    let mut counted: HashMap<(&str, &'static str), usize> = HashMap::new();
    for entry in tree.iter().filter(|e| e.is_file()) {
        if excluded(&entry.path) {
            excluded_files += 1;
            continue;
        }
        // Only names with an extension (or a known file name): tokei's shebang fallback would
        // read the path from the local file system, which is not this repository's tree.
        let name = entry.name();
        if !name.contains('.')
            && !matches!(
                name,
                "Makefile" | "Dockerfile" | "Rakefile" | "Gemfile" | "Jenkinsfile"
            )
        {
            continue;
        }
        let Some(language) =
            tokei::LanguageType::from_path(std::path::Path::new(&entry.path), &config)
        else {
            continue;
        };
        if entry.size > MAX_FILE_BYTES {
            skipped_large += 1;
            continue;
        }
        if files >= MAX_FILES {
            errors.push(CheckError::new(
                "cost",
                say(
                    "error-too-many-source-files",
                    &[("limit", MAX_FILES.into())],
                ),
            ));
            break;
        }
        if is_prose_or_data(language) {
            continue;
        }
        let key = (entry.oid.as_str(), language.name());
        let code = match counted.get(&key) {
            Some(code) => *code,
            None => {
                let Ok(bytes) = repo.read(entry, MAX_FILE_BYTES) else {
                    continue;
                };
                let code = language.parse_from_slice(&bytes, &config).summarise().code;
                counted.insert(key, code);
                code
            }
        };
        *by_language.entry(language.name().to_string()).or_default() += code;
        files += 1;
    }
    let code_lines: usize = by_language.values().sum();
    let (effort, schedule, people) = cocomo(code_lines);
    let cost = rebuild_cost(effort, DEFAULT_WAGE, DEFAULT_OVERHEAD);
    CostReport {
        code_lines,
        by_language,
        files,
        effort_person_months: round2(effort),
        schedule_months: round2(schedule),
        people: round2(people),
        estimated_cost: cost.round(),
        currency: "USD".into(),
        yearly_wage: DEFAULT_WAGE,
        overhead: DEFAULT_OVERHEAD,
        used_by,
        dependents_in_catalog,
        method: method_text(),
        evidence: vec![Evidence::rule(
            "cocomo-counting",
            say(
                "evidence-cocomo-counting",
                &[
                    ("files", files.into()),
                    ("head", repo.head().into()),
                    ("excluded", excluded_files.into()),
                    ("large", skipped_large.into()),
                ],
            ),
        )],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `actual` within `tolerance` (relative) of `expected`.
    fn close(actual: f64, expected: f64, tolerance: f64) -> bool {
        ((actual - expected) / expected).abs() < tolerance
    }

    #[test]
    fn effort_and_schedule_for_100_kloc_computed_by_hand() {
        // Boehm's Basic COCOMO, organic mode, for 100,000 lines = 100 KSLOC:
        //   effort   = 2.4 × 100^1.05 = 2.4 × 10^2.1 = 2.4 × 125.89254 = 302.14210 person-months
        //   schedule = 2.5 × 302.14210^0.38 = 2.5 × e^(0.38 × ln 302.14210)
        //            = 2.5 × e^(0.38 × 5.710897) = 2.5 × e^2.170141 = 2.5 × 8.759519
        //            = 21.89880 months
        //   people   = 302.14210 / 21.89880 = 13.79720
        //   cost     = 302.14210 × (56,286 / 12) × 2.4 = 302.14210 × 4,690.5 × 2.4
        //            = USD 3,401,274 (scc's default wage and overhead)
        let (effort, schedule, people) = cocomo(100_000);
        assert!(close(effort, 302.14210, 1e-6), "{effort}");
        assert!(close(schedule, 21.89880, 1e-6), "{schedule}");
        assert!(close(people, 13.79720, 1e-6), "{people}");
        let cost = rebuild_cost(effort, DEFAULT_WAGE, DEFAULT_OVERHEAD);
        assert!(close(cost, 3_401_274.0, 1e-6), "{cost}");
        assert_eq!(cocomo(0), (0.0, 0.0, 0.0));
    }

    #[test]
    fn the_figures_scc_publishes_in_its_own_tests() {
        // boyter/scc, processor/cocomo_test.go at d8eda2b06baae8288dc71652b4b7317069db7ee7:
        // TestEstimateCostManyLines: 77,873 lines, wage 56,000, overhead 2.4, "Should be
        // around 2602469" (accepted between 2,602,460 and 2,602,480).
        let (effort, _, _) = cocomo(77_873);
        let cost = rebuild_cost(effort, 56_000.0, 2.4);
        assert!((2_602_460.0..=2_602_480.0).contains(&cost), "{cost}");
        // TestEstimateCost: 26 lines, "Should be around 582" (580 to 585).
        let (effort, _, _) = cocomo(26);
        let cost = rebuild_cost(effort, 56_000.0, 2.4);
        assert!((580.0..=585.0).contains(&cost), "{cost}");
        // TestEstimateScheduleMonths: 537 lines, "Should be around 2.7" (2.6 to 2.8).
        let (_, schedule, _) = cocomo(537);
        assert!((2.6..=2.8).contains(&schedule), "{schedule}");
    }

    #[test]
    fn vendored_code_is_excluded() {
        assert!(excluded("web/node_modules/x/index.js"));
        assert!(excluded("static/app.min.js"));
        assert!(!excluded("src/main.rs"));
    }
}
