//! Security posture: checks modelled on OpenSSF Scorecard (v5, `docs/checks/internal/checks.yaml`
//! and `checks/evaluation/*.go`), restricted to what a clone shows. Each check scores 0–10 or is
//! inconclusive; the aggregate is Scorecard's risk-weighted mean over conclusive checks. It is a
//! "Scorecard-like" score over the checks listed, not the official value.

use crate::license::LicenseReport;
use crate::repo::{Repo, Tag, TreeEntry, looks_like_text};
use crate::say::say;
use crate::workflow::{Workflow, get, text};
use crate::{CheckError, Evidence};
use commons_report::Said;
pub use commons_report::{NotComputed, Risk, SecurityCheck, SecurityReport};

/// Scorecard checks that need a forge's API (or an external service): id and why.
pub const NOT_COMPUTED: &[(&str, &str)] = &[
    (
        "Branch-Protection",
        "branch protection rules live in the forge's settings (admin API), not in git",
    ),
    (
        "Code-Review",
        "reviews and approvals of merged changes are forge data",
    ),
    (
        "Contributors",
        "needs authors' organisation from forge profiles",
    ),
    (
        "CII-Best-Practices",
        "needs the OpenSSF Best Practices badge API (network)",
    ),
    ("Webhooks", "webhook settings need a forge admin token"),
    (
        "Packaging",
        "upstream also checks that the publishing workflow ran successfully (forge API)",
    ),
    (
        "SBOM",
        "half of the score is release assets (forge API); not computed yet for the source half",
    ),
];

/// Inputs the security checks share with the rest of the assessment.
pub struct Context<'a> {
    /// The repository.
    pub repo: &'a Repo,
    /// HEAD's files.
    pub tree: &'a [TreeEntry],
    /// Parsed workflows.
    pub workflows: &'a [Workflow],
    /// The license section.
    pub license: &'a LicenseReport,
    /// Tags.
    pub tags: &'a [Tag],
    /// Commits in the last 90 days and age of the first commit in days, when history was read.
    pub recent_commits: Option<(usize, f64)>,
    /// Distinct known vulnerabilities, when an OSV export was available.
    pub vulnerabilities: Option<usize>,
}

/// Runs every check.
pub fn assess(ctx: &Context<'_>, errors: &mut Vec<CheckError>) -> SecurityReport {
    let checks = vec![
        binary_artifacts(ctx, errors),
        dangerous_workflow(ctx),
        dependency_update_tool(ctx),
        fuzzing(ctx),
        license_check(ctx),
        maintained(ctx),
        pinned_dependencies(ctx, errors),
        sast(ctx, errors),
        security_policy(ctx, errors),
        signed_releases(ctx),
        token_permissions(ctx),
        ci_tests(ctx, errors),
        vulnerabilities(ctx),
    ];
    SecurityReport {
        score: aggregate(&checks),
        checks,
        not_computed: NOT_COMPUTED
            .iter()
            .map(|(id, reason)| NotComputed {
                id: id.to_string(),
                reason: reason.to_string(),
            })
            .collect(),
        method: "openssf-scorecard-v5-like (clone only)".into(),
    }
}

/// Scorecard's aggregate: Σ weight·score / Σ weight over conclusive checks, one decimal.
pub fn aggregate(checks: &[SecurityCheck]) -> Option<f64> {
    let (sum, weights) = checks
        .iter()
        .filter_map(|c| c.score.zip(c.risk.weight()).map(|(s, w)| (f64::from(s), w)))
        .fold((0.0, 0.0), |(s, w), (score, weight)| {
            (s + score * weight, w + weight)
        });
    (weights > 0.0).then(|| (sum / weights * 10.0).round() / 10.0)
}

fn check(id: &str, risk: Risk, score: Option<u8>, reason: impl Into<Said>) -> SecurityCheck {
    let reason = reason.into();
    SecurityCheck {
        id: id.to_string(),
        risk,
        score,
        reason: reason.text,
        l10n: reason.message,
        differs_from_scorecard: false,
        evidence: Vec::new(),
    }
}

fn file_evidence(ctx: &Context<'_>, path: &str, rule: &str, detail: impl Into<Said>) -> Evidence {
    Evidence::file(path, ctx.repo.head(), rule, detail)
}

/// Reads a text file (capped); `None` for binary or unreadable files.
fn read_text(ctx: &Context<'_>, entry: &TreeEntry, cap: u64) -> Option<String> {
    let bytes = ctx.repo.read(entry, cap).ok()?;
    looks_like_text(&bytes).then(|| String::from_utf8_lossy(&bytes).into_owned())
}

const BINARY_EXTENSIONS: &[&str] = &[
    "crx", "deb", "dex", "dey", "elf", "o", "a", "so", "macho", "iso", "class", "jar", "bundle",
    "dylib", "lib", "msi", "dll", "drv", "efi", "exe", "ocx", "pyc", "pyo", "par", "rpm", "wasm",
    "whl",
];

fn has_executable_magic(prefix: &[u8]) -> bool {
    prefix.starts_with(b"\x7fELF")
        || prefix.starts_with(b"MZ")
        || prefix.starts_with(&[0xfe, 0xed, 0xfa, 0xce])
        || prefix.starts_with(&[0xfe, 0xed, 0xfa, 0xcf])
        || prefix.starts_with(&[0xce, 0xfa, 0xed, 0xfe])
        || prefix.starts_with(&[0xcf, 0xfa, 0xed, 0xfe])
        || prefix.starts_with(&[0xca, 0xfe, 0xba, 0xbe])
        || prefix.starts_with(b"\0asm")
}

fn binary_artifacts(ctx: &Context<'_>, errors: &mut Vec<CheckError>) -> SecurityCheck {
    let mut found = Vec::new();
    let mut sniffed = 0usize;
    for entry in ctx.tree.iter().filter(|e| e.is_file() && e.size > 0) {
        let name = entry.name().to_ascii_lowercase();
        let ext = name.rsplit_once('.').map(|(_, e)| e).unwrap_or("");
        let listed = BINARY_EXTENSIONS.contains(&ext);
        // Scorecard allows verified Gradle wrappers; Commons cannot verify the checksum offline
        // and allows the conventional path.
        if name == "gradle-wrapper.jar" {
            continue;
        }
        let candidate =
            listed || (ext.is_empty() && entry.kind == crate::repo::EntryKind::Executable);
        if !candidate {
            continue;
        }
        sniffed += 1;
        if sniffed > 20_000 {
            errors.push(CheckError::new(
                "Binary-Artifacts",
                say("security-binary-too-many", &[]),
            ));
            break;
        }
        let Ok(prefix) = ctx.repo.read_prefix(entry, 512) else {
            continue;
        };
        let binary = if listed {
            !looks_like_text(&prefix)
        } else {
            has_executable_magic(&prefix)
        };
        if binary {
            found.push(file_evidence(
                ctx,
                &entry.path,
                "binary-artifact",
                say("evidence-binary-bytes", &[("bytes", entry.size.into())]),
            ));
        }
    }
    let score = 10u8.saturating_sub(found.len().min(10) as u8);
    let mut c = check(
        "Binary-Artifacts",
        Risk::High,
        Some(score),
        if found.is_empty() {
            say("security-binary-none", &[])
        } else {
            say("security-binary-found", &[("count", found.len().into())])
        },
    );
    c.evidence = found;
    c
}

/// Contexts an attacker controls (Scorecard's `untrustedContextRegexps`, in substance).
const UNTRUSTED_CONTEXTS: &[&str] = &[
    "github.event.issue.title",
    "github.event.issue.body",
    "github.event.pull_request.title",
    "github.event.pull_request.body",
    "github.event.comment.body",
    "github.event.review.body",
    "github.event.review_comment.body",
    "github.event.head_commit.message",
    "github.event.head_commit.author.email",
    "github.event.head_commit.author.name",
    "github.event.pull_request.head.ref",
    "github.event.pull_request.head.label",
    "github.event.pull_request.head.repo.default_branch",
    "github.event.workflow_run.head_branch",
    "github.event.workflow_run.head_commit.message",
    "github.head_ref",
];

fn untrusted_expression(script: &str) -> Option<&'static str> {
    let mut rest = script;
    while let Some(start) = rest.find("${{") {
        let after = &rest[start + 3..];
        let end = after.find("}}").unwrap_or(after.len());
        let expr = after[..end].replace(' ', "");
        if let Some(ctx) = UNTRUSTED_CONTEXTS.iter().find(|c| expr.contains(**c)) {
            return Some(ctx);
        }
        if expr.contains("github.event.commits") || expr.contains("github.event.pages") {
            return Some("github.event.commits/pages");
        }
        rest = &after[end..];
    }
    None
}

fn dangerous_workflow(ctx: &Context<'_>) -> SecurityCheck {
    if ctx.workflows.is_empty() {
        return check(
            "Dangerous-Workflow",
            Risk::Critical,
            None,
            say("security-no-workflows", &[]),
        );
    }
    let mut found = Vec::new();
    for wf in ctx.workflows {
        let triggers = wf.triggers();
        let privileged = triggers
            .iter()
            .any(|t| t == "pull_request_target" || t == "workflow_run");
        for step in wf.steps() {
            if let Some(script) = step.run
                && let Some(ctx_name) = untrusted_expression(script)
            {
                found.push(file_evidence(
                    ctx,
                    &wf.path,
                    "script-injection",
                    say(
                        "evidence-script-injection",
                        &[("job", step.job.into()), ("context", ctx_name.into())],
                    ),
                ));
            }
            let checkout = step.uses.is_some_and(|u| u.starts_with("actions/checkout"));
            if privileged && checkout {
                let reference = step
                    .with
                    .and_then(|w| get(w, "ref"))
                    .and_then(text)
                    .unwrap_or("");
                if reference.contains("github.event.pull_request.head")
                    || reference.contains("github.head_ref")
                    || reference.contains("github.event.workflow_run.head")
                {
                    found.push(file_evidence(
                        ctx,
                        &wf.path,
                        "untrusted-checkout",
                        say(
                            "evidence-untrusted-checkout",
                            &[
                                ("job", step.job.into()),
                                ("triggers", triggers.join(", ").into()),
                                ("reference", reference.into()),
                            ],
                        ),
                    ));
                }
            }
        }
    }
    let mut c = check(
        "Dangerous-Workflow",
        Risk::Critical,
        Some(if found.is_empty() { 10 } else { 0 }),
        if found.is_empty() {
            say("security-dangerous-none", &[])
        } else {
            say("security-dangerous-found", &[("count", found.len().into())])
        },
    );
    c.evidence = found;
    c
}

fn find_files<'a>(ctx: &'a Context<'_>, pred: impl Fn(&TreeEntry) -> bool) -> Vec<&'a TreeEntry> {
    ctx.tree.iter().filter(|e| pred(e)).collect()
}

fn dependency_update_tool(ctx: &Context<'_>) -> SecurityCheck {
    let known = |p: &str| {
        let lower = p.to_ascii_lowercase();
        matches!(
            lower.as_str(),
            ".github/dependabot.yml"
                | ".github/dependabot.yaml"
                | "renovate.json"
                | "renovate.json5"
                | ".github/renovate.json"
                | ".github/renovate.json5"
                | ".gitlab/renovate.json"
                | ".gitlab/renovate.json5"
                | ".renovaterc"
                | ".renovaterc.json"
                | ".renovaterc.json5"
                | ".pyup.yml"
                | ".scala-steward.conf"
                | "scala-steward.conf"
                | ".github/.scala-steward.conf"
                | ".github/scala-steward.conf"
                | ".config/.scala-steward.conf"
                | ".config/scala-steward.conf"
        )
    };
    let found = find_files(ctx, |e| known(&e.path));
    let mut c = check(
        "Dependency-Update-Tool",
        Risk::High,
        Some(if found.is_empty() { 0 } else { 10 }),
        if found.is_empty() {
            say("security-update-tool-none", &[])
        } else {
            say("security-update-tool-found", &[])
        },
    );
    c.evidence = found
        .iter()
        .map(|e| {
            file_evidence(
                ctx,
                &e.path,
                "dependency-update-config",
                say("evidence-configuration-file", &[]),
            )
        })
        .collect();
    c
}

/// Per-language fuzzing signatures (Scorecard `checks/raw/fuzzing.go`, in substance).
const FUZZ_SIGNATURES: &[(&str, &[&str], &str)] = &[
    ("go", &["go"], "*testing.F)"),
    ("rust", &["rs"], "use libfuzzer_sys"),
    ("rust", &["toml"], "libfuzzer-sys"),
    (
        "c/c++",
        &["c", "cc", "cpp", "cxx"],
        "LLVMFuzzerTestOneInput",
    ),
    ("python", &["py"], "import atheris"),
    ("java", &["java"], "FuzzedDataProvider"),
    ("javascript", &["js", "ts"], "fast-check"),
    ("haskell", &["hs"], "Test.QuickCheck"),
    ("erlang", &["erl"], "proper.hrl"),
    ("elixir", &["ex", "exs"], "ExUnitProperties"),
];

fn fuzzing(ctx: &Context<'_>) -> SecurityCheck {
    let mut evidence = Vec::new();
    if let Some(e) = ctx
        .tree
        .iter()
        .find(|e| e.path.starts_with(".clusterfuzzlite/"))
    {
        evidence.push(file_evidence(
            ctx,
            &e.path,
            "clusterfuzzlite",
            say("evidence-clusterfuzzlite", &[]),
        ));
    }
    let mut read = 0;
    // A blob already read had no signature: other paths to it cannot have one either.
    let mut seen = std::collections::HashSet::new();
    for entry in ctx
        .tree
        .iter()
        .filter(|e| e.is_file() && e.size <= 256 * 1024)
    {
        if !evidence.is_empty() || read >= 5_000 {
            break;
        }
        if !seen.insert(entry.oid.as_str()) {
            continue;
        }
        let ext = entry.name().rsplit_once('.').map(|(_, e)| e).unwrap_or("");
        let sigs: Vec<_> = FUZZ_SIGNATURES
            .iter()
            .filter(|(_, exts, _)| exts.contains(&ext))
            .collect();
        if sigs.is_empty() {
            continue;
        }
        read += 1;
        let Some(body) = read_text(ctx, entry, 256 * 1024) else {
            continue;
        };
        for (lang, _, sig) in sigs {
            let hit = if *sig == "*testing.F)" {
                body.contains("func Fuzz") && body.contains(sig)
            } else {
                body.contains(sig)
            };
            if hit {
                evidence.push(file_evidence(
                    ctx,
                    &entry.path,
                    "fuzzer-signature",
                    say(
                        "evidence-fuzzer-signature",
                        &[("language", (*lang).into()), ("signature", (*sig).into())],
                    ),
                ));
                break;
            }
        }
    }
    let mut c = check(
        "Fuzzing",
        Risk::Medium,
        Some(if evidence.is_empty() { 0 } else { 10 }),
        if evidence.is_empty() {
            say("security-fuzzing-none", &[])
        } else {
            say("security-fuzzing-found", &[])
        },
    );
    c.differs_from_scorecard = true;
    c.evidence = evidence;
    c
}

fn license_check(ctx: &Context<'_>) -> SecurityCheck {
    let files = &ctx.license.files;
    let mut score = 0u8;
    let mut evidence = Vec::new();
    if let Some(first) = files
        .iter()
        .find(|f| f.problem.is_none() || f.license.is_some())
        .or(files.first())
    {
        score += 6;
        if !first.file.contains('/') {
            score += 3;
        }
        evidence.push(file_evidence(
            ctx,
            &first.file,
            "license-file",
            say("evidence-license-file", &[]),
        ));
    }
    let recognised = files.iter().any(|f| {
        f.license
            .as_deref()
            .and_then(spdx::license_id)
            .is_some_and(|id| id.is_osi_approved() || id.is_fsf_free_libre())
    });
    if recognised {
        score += 1;
    }
    let mut c = check(
        "License",
        Risk::Low,
        Some(score),
        match score {
            0 => say("security-license-none", &[]),
            10 => say("security-license-approved", &[]),
            _ => say("security-license-partial", &[]),
        },
    );
    c.evidence = evidence;
    c
}

fn maintained(ctx: &Context<'_>) -> SecurityCheck {
    let Some((commits, age_days)) = ctx.recent_commits else {
        return check(
            "Maintained",
            Risk::High,
            None,
            say("security-history-not-read", &[]),
        );
    };
    let score = if age_days < 90.0 {
        0
    } else {
        ((10 * commits) / 12).min(10) as u8
    };
    let mut c = check(
        "Maintained",
        Risk::High,
        Some(score),
        if age_days < 90.0 {
            say("security-maintained-young", &[])
        } else {
            say("security-maintained-commits", &[("count", commits.into())])
        },
    );
    c.differs_from_scorecard = true;
    c.evidence = vec![Evidence::rule(
        "commits-90-days",
        say("evidence-commits-only", &[]),
    )];
    c
}

fn is_full_sha(reference: &str) -> bool {
    reference.len() == 40 && reference.bytes().all(|b| b.is_ascii_hexdigit())
}

fn pinned_dependencies(ctx: &Context<'_>, errors: &mut Vec<CheckError>) -> SecurityCheck {
    // (weight, pinned) per dependency: GitHub-owned actions 2, third-party actions 8, others 10.
    let mut deps: Vec<(u32, bool)> = Vec::new();
    let mut evidence = Vec::new();
    for wf in ctx.workflows {
        for step in wf.steps() {
            if let Some(uses) = step.uses {
                if uses.starts_with("./") {
                    continue;
                }
                let (pinned, weight) = if let Some(image) = uses.strip_prefix("docker://") {
                    (image.contains("@sha256:"), 10)
                } else {
                    let owner = uses.split('/').next().unwrap_or("");
                    let reference = uses.rsplit_once('@').map(|(_, r)| r).unwrap_or("");
                    let weight = if owner == "actions" || owner == "github" {
                        2
                    } else {
                        8
                    };
                    (is_full_sha(reference), weight)
                };
                deps.push((weight, pinned));
                if !pinned {
                    evidence.push(file_evidence(
                        ctx,
                        &wf.path,
                        "unpinned-action",
                        say(
                            "evidence-unpinned-action",
                            &[("job", step.job.into()), ("action", uses.into())],
                        ),
                    ));
                }
            }
            if let Some(script) = step.run {
                for (pinned, what, line) in script_dependencies(script) {
                    deps.push((10, pinned));
                    if let (false, Some(what)) = (pinned, what) {
                        evidence.push(file_evidence(
                            ctx,
                            &wf.path,
                            "unpinned-download",
                            say(what, &[("job", step.job.into()), ("line", line.into())]),
                        ));
                    }
                }
            }
        }
    }
    for entry in ctx.tree.iter().filter(|e| {
        let n = e.name().to_ascii_lowercase();
        n == "dockerfile" || n.starts_with("dockerfile.") || n.ends_with(".dockerfile")
    }) {
        let Some(body) = read_text(ctx, entry, 256 * 1024) else {
            errors.push(CheckError::new(
                "Pinned-Dependencies",
                say(
                    "error-unreadable-or-binary",
                    &[("file", entry.path.as_str().into())],
                ),
            ));
            continue;
        };
        let mut stages: Vec<String> = Vec::new();
        for line in body.lines() {
            let words: Vec<&str> = line.split_whitespace().collect();
            if words
                .first()
                .is_some_and(|w| w.eq_ignore_ascii_case("FROM"))
            {
                let image = words
                    .iter()
                    .skip(1)
                    .find(|w| !w.starts_with("--"))
                    .copied()
                    .unwrap_or("");
                if let Some(pos) = words.iter().position(|w| w.eq_ignore_ascii_case("AS"))
                    && let Some(name) = words.get(pos + 1)
                {
                    stages.push(name.to_ascii_lowercase());
                }
                if image.is_empty()
                    || image == "scratch"
                    || stages.contains(&image.to_ascii_lowercase()) && !image.contains(':')
                {
                    continue;
                }
                let pinned = image.contains("@sha256:");
                deps.push((10, pinned));
                if !pinned {
                    evidence.push(file_evidence(
                        ctx,
                        &entry.path,
                        "unpinned-image",
                        say("evidence-unpinned-image", &[("image", image.into())]),
                    ));
                }
            }
        }
    }
    if deps.is_empty() {
        let mut c = check(
            "Pinned-Dependencies",
            Risk::Medium,
            None,
            say("security-pinned-none", &[]),
        );
        c.differs_from_scorecard = true;
        return c;
    }
    let total: u32 = deps.iter().map(|d| d.0).sum();
    let pinned: u32 = deps.iter().filter(|d| d.1).map(|d| d.0).sum();
    let score = (10 * pinned / total).min(10) as u8;
    let mut c = check(
        "Pinned-Dependencies",
        Risk::Medium,
        Some(score),
        say(
            "security-pinned-count",
            &[
                ("pinned", deps.iter().filter(|d| d.1).count().into()),
                ("total", deps.len().into()),
                ("pinnedWeight", pinned.into()),
                ("totalWeight", total.into()),
            ],
        ),
    );
    c.differs_from_scorecard = true;
    c.evidence = evidence;
    c
}

/// Downloads in a shell script: (pinned?, the message that says what is wrong when it is not,
/// the line).
fn script_dependencies(script: &str) -> Vec<(bool, Option<&'static str>, String)> {
    let mut out = Vec::new();
    for line in script.lines() {
        let l = line.trim();
        if (l.contains("curl ") || l.contains("wget "))
            && (l.contains("| sh")
                || l.contains("| bash")
                || l.contains("|sh")
                || l.contains("|bash"))
        {
            out.push((false, Some("evidence-pipe-to-shell"), l.to_string()));
        } else if l.contains("pip install") || l.contains("pip3 install") {
            let pinned = l.contains("--require-hashes");
            out.push((pinned, Some("evidence-pip-without-hashes"), l.to_string()));
        } else if l.contains("npm install") || l.contains("npm i ") {
            out.push((false, Some("evidence-npm-install"), l.to_string()));
        } else if l.contains("npm ci") {
            out.push((true, None, l.to_string()));
        } else if l.contains("go install") {
            let pinned = l
                .split_whitespace()
                .any(|w| w.contains('@') && !w.ends_with("@latest"));
            out.push((pinned, Some("evidence-go-install-unpinned"), l.to_string()));
        }
    }
    out
}

const SAST_TOOLS: &[&str] = &[
    "github/codeql-action",
    "snyk/actions",
    "facebook/pysa-action",
    "jetbrains/qodana-action",
    "sonarsource/sonarcloud-github-action",
    "sonarsource/sonarqube-scan-action",
    "returntocorp/semgrep-action",
    "semgrep/semgrep-action",
    "securego/gosec",
    "github/super-linter",
];

fn sast(ctx: &Context<'_>, errors: &mut Vec<CheckError>) -> SecurityCheck {
    let mut evidence = Vec::new();
    for wf in ctx.workflows {
        for step in wf.steps() {
            let uses = step.uses.unwrap_or("").to_ascii_lowercase();
            let run = step.run.unwrap_or("");
            if SAST_TOOLS.iter().any(|t| uses.starts_with(t))
                || run.contains("semgrep ")
                || run.contains("gosec ")
                || run.contains("bandit ")
            {
                evidence.push(file_evidence(
                    ctx,
                    &wf.path,
                    "sast-workflow",
                    say(
                        "evidence-sast-step",
                        &[
                            ("job", step.job.into()),
                            (
                                "step",
                                step.uses.unwrap_or(run.lines().next().unwrap_or("")).into(),
                            ),
                        ],
                    ),
                ));
            }
        }
    }
    if let Some(entry) = ctx.tree.iter().find(|e| e.path == ".gitlab-ci.yml") {
        match read_text(ctx, entry, 512 * 1024) {
            Some(body) if body.contains("SAST.gitlab-ci.yml") || body.contains("Security/SAST") => {
                evidence.push(file_evidence(
                    ctx,
                    &entry.path,
                    "sast-gitlab",
                    say("evidence-sast-gitlab", &[]),
                ))
            }
            Some(_) => {}
            None => errors.push(CheckError::new(
                "SAST",
                say(
                    "error-unreadable-or-binary",
                    &[("file", ".gitlab-ci.yml".into())],
                ),
            )),
        }
    }
    let mut c = check(
        "SAST",
        Risk::Medium,
        Some(if evidence.is_empty() { 0 } else { 10 }),
        if evidence.is_empty() {
            say("security-sast-none", &[])
        } else {
            say("security-sast-found", &[])
        },
    );
    c.differs_from_scorecard = true;
    c.evidence = evidence;
    c
}

fn security_policy(ctx: &Context<'_>, errors: &mut Vec<CheckError>) -> SecurityCheck {
    let policy = ctx.tree.iter().find(|e| {
        let dir = e.dir();
        let name = e.name().to_ascii_lowercase();
        matches!(dir, "" | ".github" | "docs")
            && matches!(
                name.as_str(),
                "security.md" | "security.markdown" | "security.adoc" | "security.rst"
            )
    });
    let Some(entry) = policy else {
        return check(
            "Security-Policy",
            Risk::Medium,
            Some(0),
            say("security-policy-none", &[]),
        );
    };
    let Some(body) = read_text(ctx, entry, 1024 * 1024) else {
        errors.push(CheckError::new(
            "Security-Policy",
            say(
                "error-policy-unreadable",
                &[("file", entry.path.as_str().into())],
            ),
        ));
        return check(
            "Security-Policy",
            Risk::Medium,
            Some(0),
            say("security-policy-unreadable", &[]),
        );
    };
    let words: Vec<&str> = body.split_whitespace().collect();
    let is_contact = |w: &&str| {
        (w.contains('@') && w.contains('.')) || w.contains("http://") || w.contains("https://")
    };
    let contacts = words.iter().filter(|w| is_contact(w)).count();
    let free_text: usize = words
        .iter()
        .filter(|w| !is_contact(w))
        .map(|w| w.len())
        .sum();
    let lower = body.to_ascii_lowercase();
    let hits = lower.matches("vuln").count()
        + lower.matches("disclos").count()
        + lower
            .split_whitespace()
            .collect::<Vec<_>>()
            .windows(2)
            .filter(|w| w[0].parse::<u32>().is_ok() && w[1].starts_with("day"))
            .count();
    let mut score = 0;
    if contacts > 0 {
        score += 6;
    }
    if free_text > 1 {
        score += 3;
    }
    if hits >= 2 {
        score += 1;
    }
    let mut c = check(
        "Security-Policy",
        Risk::Medium,
        Some(score),
        say(
            "security-policy-found",
            &[("contacts", contacts.into()), ("mentions", hits.into())],
        ),
    );
    c.evidence = vec![file_evidence(
        ctx,
        &entry.path,
        "security-policy",
        say("evidence-security-policy", &[]),
    )];
    c
}

fn signed_releases(ctx: &Context<'_>) -> SecurityCheck {
    let mut tags: Vec<&Tag> = ctx
        .tags
        .iter()
        .filter(|t| t.commit_time.is_some())
        .collect();
    if tags.is_empty() {
        let mut c = check(
            "Signed-Releases",
            Risk::High,
            None,
            say("security-no-tags", &[]),
        );
        c.differs_from_scorecard = true;
        return c;
    }
    tags.sort_by_key(|t| std::cmp::Reverse(t.commit_time));
    tags.truncate(5);
    let signed = tags.iter().filter(|t| t.signed).count();
    let score = (10 * signed / tags.len()) as u8;
    let mut c = check(
        "Signed-Releases",
        Risk::High,
        Some(score),
        say(
            "security-signed-count",
            &[("signed", signed.into()), ("count", tags.len().into())],
        ),
    );
    c.differs_from_scorecard = true;
    c.evidence = tags
        .iter()
        .map(|t| {
            Evidence::rule(
                "signed-tag",
                say(
                    if t.signed {
                        "evidence-tag-signed"
                    } else {
                        "evidence-tag-unsigned"
                    },
                    &[("tag", t.name.as_str().into())],
                ),
            )
        })
        .collect();
    c
}

fn permission_level(node: Option<&saphyr::YamlOwned>) -> Option<&'static str> {
    let node = node?;
    if let Some(s) = text(node) {
        return Some(match s {
            "read-all" => "read",
            "write-all" => "write",
            _ => "write",
        });
    }
    if let Some(map) = node.as_mapping() {
        let writes = map.values().any(|v| text(v) == Some("write"));
        return Some(if writes { "write" } else { "read" });
    }
    Some("read")
}

fn token_permissions(ctx: &Context<'_>) -> SecurityCheck {
    if ctx.workflows.is_empty() {
        return check(
            "Token-Permissions",
            Risk::High,
            None,
            say("security-no-workflows", &[]),
        );
    }
    let mut score = 10u8;
    let mut evidence = Vec::new();
    for wf in ctx.workflows {
        let top = permission_level(get(&wf.doc, "permissions"));
        let jobs = wf.jobs();
        let all_jobs_declare =
            !jobs.is_empty() && jobs.iter().all(|(_, j)| get(j, "permissions").is_some());
        let (s, why) = match top {
            Some("read") => (10, "evidence-permissions-read"),
            Some(_) => (0, "evidence-permissions-write"),
            None if all_jobs_declare => (9, "evidence-permissions-per-job"),
            None => (0, "evidence-permissions-default"),
        };
        score = score.min(s);
        evidence.push(file_evidence(
            ctx,
            &wf.path,
            "token-permissions",
            say(why, &[]),
        ));
    }
    let mut c = check(
        "Token-Permissions",
        Risk::High,
        Some(score),
        if score == 10 {
            say("security-permissions-read", &[])
        } else {
            say("security-permissions-write", &[])
        },
    );
    c.differs_from_scorecard = true;
    c.evidence = evidence;
    c
}

fn ci_tests(ctx: &Context<'_>, errors: &mut Vec<CheckError>) -> SecurityCheck {
    let mut configs: Vec<String> = ctx.workflows.iter().map(|w| w.path.clone()).collect();
    let mut runs_tests = ctx.workflows.iter().any(|wf| {
        wf.steps().iter().any(|s| {
            s.run
                .is_some_and(|r| r.to_ascii_lowercase().contains("test"))
                || s.uses
                    .is_some_and(|u| u.to_ascii_lowercase().contains("test"))
        }) || wf
            .jobs()
            .iter()
            .any(|(name, _)| name.to_ascii_lowercase().contains("test"))
    });
    for entry in ctx.tree.iter().filter(|e| {
        matches!(
            e.path.as_str(),
            ".gitlab-ci.yml"
                | ".travis.yml"
                | "Jenkinsfile"
                | ".circleci/config.yml"
                | ".woodpecker.yml"
                | "azure-pipelines.yml"
                | "appveyor.yml"
                | ".drone.yml"
                | "bitbucket-pipelines.yml"
        ) || e.dir() == ".woodpecker"
    }) {
        configs.push(entry.path.clone());
        match read_text(ctx, entry, 512 * 1024) {
            Some(body) if body.to_ascii_lowercase().contains("test") => runs_tests = true,
            Some(_) => {}
            None => errors.push(CheckError::new(
                "CI-Tests",
                say("error-unreadable", &[("file", entry.path.as_str().into())]),
            )),
        }
    }
    let score = match (configs.is_empty(), runs_tests) {
        (true, _) => 0,
        (false, false) => 3,
        (false, true) => 10,
    };
    let mut c = check(
        "CI-Tests",
        Risk::Low,
        Some(score),
        match score {
            0 => say("security-ci-none", &[]),
            3 => say("security-ci-no-tests", &[]),
            _ => say("security-ci-tests", &[]),
        },
    );
    c.differs_from_scorecard = true;
    c.evidence = configs
        .iter()
        .map(|p| file_evidence(ctx, p, "ci-config", say("evidence-ci-config", &[])))
        .collect();
    c
}

fn vulnerabilities(ctx: &Context<'_>) -> SecurityCheck {
    match ctx.vulnerabilities {
        None => check(
            "Vulnerabilities",
            Risk::High,
            None,
            say("security-vulnerabilities-no-database", &[]),
        ),
        Some(n) => check(
            "Vulnerabilities",
            Risk::High,
            Some(10u8.saturating_sub(n.min(10) as u8)),
            say("security-vulnerabilities-count", &[("count", n.into())]),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aggregate_weights_by_risk() {
        let checks = vec![
            check("A", Risk::Critical, Some(10), ""),
            check("B", Risk::Low, Some(0), ""),
            check("C", Risk::High, None, ""),
        ];
        // (10*10 + 0*2.5) / 12.5 = 8.0
        assert_eq!(aggregate(&checks), Some(8.0));
        assert_eq!(aggregate(&[check("C", Risk::High, None, "")]), None);
    }

    #[test]
    fn finds_untrusted_expressions() {
        assert!(untrusted_expression("echo ${{ github.event.issue.title }}").is_some());
        assert!(untrusted_expression("echo ${{ github.sha }}").is_none());
    }

    #[test]
    fn script_downloads() {
        assert!(!script_dependencies("curl -sSL https://x | sh")[0].0);
        assert!(script_dependencies("npm ci")[0].0);
        assert!(script_dependencies("cargo test").is_empty());
    }
}
