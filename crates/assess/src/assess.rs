//! The whole assessment: runs each section, gathers facts for the principles, and offers the
//! small accessors the catalog's search facets need.

use crate::principles::{Declarations, Facts};
use crate::repo::{Limits, Repo, RepoError, TreeEntry, looks_like_text};
use crate::say::say;
use crate::{CheckError, Evidence, METHOD_VERSION};
use crate::{ai, cost, license, lockfile, osv, principles, security, vitality, workflow};
use commons_publiccode::PublicCode;
pub use commons_report::{Assessment, Facets, PubliccodeStatus};
use std::path::Path;

/// What the caller knows besides the repository.
#[derive(Default)]
pub struct Input<'a> {
    /// The entry's validated publiccode.yml. When `None`, `publiccode.yml` (or `.yaml`) at the
    /// root of HEAD's tree is read and validated.
    pub publiccode: Option<&'a PublicCode>,
    /// The imported OSV export, when the operator imported one.
    pub osv: Option<&'a osv::Database>,
    /// The publisher's declarations (principles and DPG indicators).
    pub declarations: Declarations,
    /// Catalog entries that declare `isBasedOn`/`dependsOn` this software.
    pub dependents_in_catalog: Option<usize>,
    /// "Now" in Unix seconds (the vitality window ends here); 0 means the system clock.
    pub now: i64,
    /// The deadline and the read budget.
    pub limits: Limits,
}

fn now_seconds() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

/// Assesses the repository at `path` (a work tree or a bare repository). Past the deadline of
/// `input.limits` the assessment stops with [`RepoError::DeadlinePassed`]: a report made of
/// whatever had time to run would look complete and be wrong.
pub fn assess(path: &Path, input: &Input<'_>) -> Result<Assessment, RepoError> {
    let repo = Repo::open_with(path, input.limits)?;
    let now = if input.now == 0 {
        now_seconds()
    } else {
        input.now
    };
    let mut errors = Vec::new();
    let (tree, truncated) = repo.tree()?;
    if truncated {
        errors.push(CheckError::new("tree", say("error-tree-truncated", &[])));
    }
    let (owned_publiccode, publiccode_status, publiccode_text) =
        load_publiccode(&repo, &tree, input, &mut errors);
    let publiccode = input.publiccode.or(owned_publiccode.as_ref());

    let license = license::assess(
        &repo,
        &tree,
        publiccode.map(|p| p.legal.license.as_str()),
        &mut errors,
    );
    repo.check_deadline()?;
    let workflows = workflow::load(&repo, &tree, &mut errors);
    let (lockfiles, packages) = lockfile::read_all(&repo, &tree, &mut errors);
    let vulnerabilities = osv::report(input.osv, lockfiles, &packages);
    repo.check_deadline()?;
    let vitality = match vitality::assess(&repo, now, &mut errors) {
        Ok(v) => Some(v),
        Err(e) => {
            errors.push(CheckError::new("vitality", e.said()));
            None
        }
    };
    repo.check_deadline()?;
    let tags = repo.tags().unwrap_or_default();
    let first_commit_age = vitality
        .as_ref()
        .map(|v| v.developers_italia.longevity_days);
    let security = security::assess(
        &security::Context {
            repo: &repo,
            tree: &tree,
            workflows: &workflows,
            license: &license,
            tags: &tags,
            recent_commits: vitality
                .as_ref()
                .zip(first_commit_age)
                .map(|(v, age)| (v.commits_90_days, age)),
            vulnerabilities: vulnerabilities
                .database_available
                .then_some(vulnerabilities.distinct),
        },
        &mut errors,
    );
    let osi_evidence = license.osi_approved.then(|| {
        Evidence::rule(
            "osi-approved",
            match &license.effective {
                Some(effective) => say(
                    "evidence-osi-approved",
                    &[("license", effective.as_str().into())],
                ),
                // Several license files and no word on how they combine: each is approved.
                None => say(
                    "evidence-osi-approved-files",
                    &[(
                        "licenses",
                        license
                            .files
                            .iter()
                            .filter_map(|f| f.license.as_deref())
                            .collect::<Vec<_>>()
                            .join(", ")
                            .into(),
                    )],
                ),
            },
        )
    });
    let ai = ai::assess(
        &repo,
        &tree,
        publiccode_text.as_deref(),
        osi_evidence.clone(),
        &mut errors,
    );
    repo.check_deadline()?;
    let used_by = publiccode.map_or(0, |p| p.used_by.len());
    let cost = cost::assess(
        &repo,
        &tree,
        used_by,
        input.dependents_in_catalog,
        &mut errors,
    );
    let facts = gather_facts(
        &repo,
        &tree,
        publiccode,
        &publiccode_status,
        osi_evidence,
        &security,
        &vulnerabilities,
        vitality.as_ref(),
    );
    repo.check_deadline()?;
    Ok(Assessment {
        method_version: METHOD_VERSION.to_string(),
        assessed_at: now,
        commit: repo.head().to_string(),
        tree_complete: !truncated,
        publiccode: publiccode_status,
        license,
        security,
        vulnerabilities,
        vitality,
        un_principles: principles::un_principles(&facts, &input.declarations),
        dpg_indicators: principles::dpg_indicators(&facts, &input.declarations),
        ai,
        cost,
        errors,
    })
}

fn load_publiccode(
    repo: &Repo,
    tree: &[TreeEntry],
    input: &Input<'_>,
    errors: &mut Vec<CheckError>,
) -> (Option<PublicCode>, PubliccodeStatus, Option<String>) {
    let entry = tree
        .iter()
        .find(|e| e.path == "publiccode.yml" || e.path == "publiccode.yaml");
    let text = entry
        .and_then(|e| repo.read(e, 1024 * 1024).ok())
        .filter(|b| looks_like_text(b))
        .map(|b| String::from_utf8_lossy(&b).into_owned());
    if input.publiccode.is_some() {
        return (
            None,
            PubliccodeStatus {
                source: Some("input".into()),
                valid: true,
            },
            text,
        );
    }
    let Some(entry) = entry else {
        return (
            None,
            PubliccodeStatus {
                source: None,
                valid: false,
            },
            None,
        );
    };
    if !entry.is_file() {
        errors.push(CheckError::new(
            "publiccode",
            say(
                "error-publiccode-not-regular",
                &[("file", entry.path.as_str().into())],
            ),
        ));
        return (
            None,
            PubliccodeStatus {
                source: Some(entry.path.clone()),
                valid: false,
            },
            None,
        );
    }
    let bytes = match repo.read(entry, 1024 * 1024) {
        Ok(b) => b,
        Err(e) => {
            errors.push(CheckError::new("publiccode", e.said_of(&entry.path)));
            return (
                None,
                PubliccodeStatus {
                    source: Some(entry.path.clone()),
                    valid: false,
                },
                None,
            );
        }
    };
    let validation = commons_publiccode::validate(&bytes, &commons_publiccode::Options::default());
    if let Some(first) = validation.errors().next() {
        errors.push(CheckError::new(
            "publiccode",
            say(
                "error-publiccode-invalid",
                &[
                    ("file", entry.path.as_str().into()),
                    ("line", first.line.into()),
                    ("column", first.column.into()),
                    ("problem", first.message.as_str().into()),
                ],
            ),
        ));
    }
    let valid = validation.publiccode.is_some();
    (
        validation.publiccode,
        PubliccodeStatus {
            source: Some(entry.path.clone()),
            valid,
        },
        text,
    )
}

/// Finds a file by role: returns evidence for the first match.
fn role_file(
    repo: &Repo,
    tree: &[TreeEntry],
    rule: &str,
    pred: impl Fn(&TreeEntry, &str) -> bool,
) -> Option<Evidence> {
    tree.iter()
        .find(|e| pred(e, &e.name().to_ascii_lowercase()))
        .map(|e| {
            Evidence::file(
                &e.path,
                repo.head(),
                rule,
                say("evidence-file-present", &[]),
            )
        })
}

#[allow(clippy::too_many_arguments)]
fn gather_facts(
    repo: &Repo,
    tree: &[TreeEntry],
    publiccode: Option<&PublicCode>,
    status: &PubliccodeStatus,
    osi_license: Option<Evidence>,
    security: &security::SecurityReport,
    vulnerabilities: &osv::VulnerabilityReport,
    vitality: Option<&vitality::VitalityReport>,
) -> Facts {
    let head = repo.head();
    let top = |e: &TreeEntry| matches!(e.dir(), "" | ".github" | "docs");
    let mut facts = Facts {
        osi_license,
        ..Facts::default()
    };
    let mut add = |key: &'static str, ev: Option<Evidence>| {
        if let Some(ev) = ev {
            facts.files.insert(key, ev);
        }
    };
    add(
        "contributing",
        role_file(repo, tree, "contributing-guide", |e, n| {
            top(e) && n.starts_with("contributing")
        }),
    );
    add(
        "code-of-conduct",
        role_file(repo, tree, "code-of-conduct", |e, n| {
            top(e) && (n.starts_with("code_of_conduct") || n.starts_with("code-of-conduct"))
        }),
    );
    add(
        "security",
        role_file(repo, tree, "security-policy", |e, n| {
            top(e) && n.starts_with("security.")
        }),
    );
    add(
        "readme",
        role_file(repo, tree, "readme", |e, n| {
            e.dir().is_empty() && n.starts_with("readme") && e.size >= 500
        }),
    );
    add(
        "docs",
        tree.iter()
            .find(|e| e.path.starts_with("docs/") || e.path.starts_with("doc/"))
            .map(|e| {
                Evidence::file(
                    &e.path,
                    head,
                    "docs-directory",
                    say("evidence-documentation-directory", &[]),
                )
            }),
    );
    add(
        "authors",
        role_file(repo, tree, "contributors-credited", |e, n| {
            e.dir().is_empty()
                && (n.starts_with("authors")
                    || n.starts_with("contributors")
                    || n == ".all-contributorsrc"
                    || n == "citation.cff")
        }),
    );
    add(
        "ownership",
        role_file(repo, tree, "reuse-metadata", |e, _| {
            e.path == "REUSE.toml" || e.path == ".reuse/dep5"
        }),
    );
    if let Some(pc) = publiccode {
        let source = status.source.as_deref().unwrap_or("publiccode.yml");
        if status.valid {
            facts.publiccode = Some(Evidence::file(
                source,
                head,
                "publiccode-valid",
                say("evidence-publiccode-valid", &[]),
            ));
        }
        let mandatory: Vec<&str> = pc
            .depends_on
            .as_ref()
            .map(|d| {
                d.proprietary
                    .iter()
                    .filter(|p| p.optional != Some(true))
                    .map(|p| p.name.as_str())
                    .collect()
            })
            .unwrap_or_default();
        if mandatory.is_empty() {
            facts.no_proprietary_dependency = Some(
                Evidence::file(
                    source,
                    head,
                    "no-proprietary-dependency",
                    say("evidence-no-proprietary-dependency", &[]),
                )
                .at_key("dependsOn.proprietary"),
            );
        }
        let documentation = pc.description.iter().find_map(|(lang, d)| {
            let doc = |key: &str, url: &Option<String>| {
                url.clone()
                    .map(|url| (format!("description.{lang}.{key}"), url))
            };
            doc("documentation", &d.documentation).or(doc("apiDocumentation", &d.api_documentation))
        });
        if let Some((key, url)) = documentation {
            facts.documentation_url =
                Some(Evidence::file(source, head, "documentation-link", url).at_key(key));
        }
        let owner = match (&pc.legal.main_copyright_owner, &pc.legal.repo_owner) {
            (Some(owner), _) => Some(("legal.mainCopyrightOwner", owner)),
            (None, Some(owner)) => Some(("legal.repoOwner", owner)),
            (None, None) => None,
        };
        if let Some((key, owner)) = owner {
            facts.ownership =
                Some(Evidence::file(source, head, "copyright-owner", owner.clone()).at_key(key));
        }
        let kind = serde_json::to_value(pc.maintenance.kind)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        if kind != "none" && !kind.is_empty() {
            facts.maintained_declared = Some(
                Evidence::file(
                    source,
                    head,
                    "maintenance-type",
                    format!("maintenance.type: {kind}"),
                )
                .at_key("maintenance.type"),
            );
        }
    }
    if vulnerabilities.database_available && vulnerabilities.distinct == 0 {
        facts.no_known_vulnerabilities = Some(Evidence::rule(
            "no-known-vulnerabilities",
            say(
                "evidence-no-known-vulnerabilities",
                &[
                    ("packages", vulnerabilities.packages.into()),
                    (
                        "date",
                        vulnerabilities
                            .database_as_of
                            .as_deref()
                            .unwrap_or("unknown")
                            .into(),
                    ),
                ],
            ),
        ));
    }
    let check = |id: &str| security.checks.iter().find(|c| c.id == id);
    if let Some(c) = check("Dependency-Update-Tool").filter(|c| c.score == Some(10)) {
        facts.dependency_updates = c.evidence.first().cloned();
    }
    if let Some(score) = security.score.filter(|s| *s >= 5.0) {
        facts.security_score_ok = Some(Evidence::rule(
            "security-score",
            say(
                "evidence-security-score",
                &[("score", score.to_string().into())],
            ),
        ));
    }
    if let Some(v) = vitality.filter(|v| v.commits_365_days > 0 && v.authors_365_days >= 2) {
        facts.active = Some(Evidence::rule(
            "active-maintainers",
            say(
                "evidence-active-maintainers",
                &[
                    ("commits", v.commits_365_days.into()),
                    ("people", v.authors_365_days.into()),
                ],
            ),
        ));
    }
    facts
}
