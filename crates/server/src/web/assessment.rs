//! The assessment section of the software page: the stored `commons assess` report (README,
//! "commons assess") read as JSON and turned into views. Every key is optional here: a report
//! of an older or newer method version shows what it has. Texts that come from the report
//! (reasons, evidence details, rules) are English and marked so; labels are translated.

use super::Ctx;
use commons_catalog::{ForgeKind, StoredAssessment};
use commons_search::ScoreMedians;
use serde_json::Value;

/// One piece of evidence: which rule, file and commit, and what was found.
pub struct EvidenceView {
    pub(super) rule: String,
    pub(super) file: Option<String>,
    /// The commit, shortened for reading.
    pub(super) commit: Option<String>,
    pub(super) detail: Option<String>,
    /// The file at that commit on the entry's forge, when the forge is known.
    pub(super) file_href: Option<String>,
    /// The commit on the entry's forge, when the forge is known.
    pub(super) commit_href: Option<String>,
    full_commit: Option<String>,
    /// The key of the file it is (`legal.license`), when it is one.
    pub(super) key: Option<String>,
}

/// The publiccode.yml the catalog has at a commit: evidence that is one of its keys links to
/// the key's line.
pub struct PubliccodeAt<'a> {
    /// The commit it was read at.
    pub commit: &'a str,
    /// Its text.
    pub text: &'a str,
}

/// The URL forms of the forges whose pages Commons links to.
#[derive(Clone, Copy)]
enum ForgeStyle {
    Github,
    Gitlab,
    Gitea,
}

/// Where a repository's files and commits are shown on its forge, for links from the
/// evidence.
pub struct ForgeLinks {
    repository: url::Url,
    style: ForgeStyle,
}

impl ForgeLinks {
    /// The links of an entry crawled from a GitHub, GitLab or Gitea forge at
    /// `repository_url`; `None` for other sources (a plain git server has no standard page,
    /// and the demo's commits are not the forge's).
    pub fn of(forge: ForgeKind, repository_url: &str) -> Option<Self> {
        let style = match forge {
            ForgeKind::Github => ForgeStyle::Github,
            ForgeKind::Gitlab => ForgeStyle::Gitlab,
            ForgeKind::Gitea => ForgeStyle::Gitea,
            ForgeKind::Git | ForgeKind::Local | ForgeKind::Demo => return None,
        };
        let mut repository = url::Url::parse(repository_url)
            .ok()
            .filter(|u| matches!(u.scheme(), "https" | "http") && u.host().is_some())?;
        let path = repository.path().trim_end_matches('/');
        let path = path.strip_suffix(".git").unwrap_or(path).to_string();
        repository.set_path(&path);
        repository.set_query(None);
        repository.set_fragment(None);
        // Credentials in an address are never repeated in a link.
        repository.set_username("").ok()?;
        repository.set_password(None).ok()?;
        Some(ForgeLinks { repository, style })
    }

    /// The page of `path` at `commit`; `None` for anything that is not a commit id or a
    /// plain relative path.
    fn file(&self, commit: &str, path: &str) -> Option<String> {
        let parts: Vec<&str> = path.split('/').collect();
        if parts
            .iter()
            .any(|p| p.is_empty() || *p == "." || *p == "..")
        {
            return None;
        }
        let route: &[&str] = match self.style {
            ForgeStyle::Github => &["blob"],
            ForgeStyle::Gitlab => &["-", "blob"],
            ForgeStyle::Gitea => &["src", "commit"],
        };
        self.under(route, commit, &parts)
    }

    /// The page of `commit`.
    fn commit(&self, commit: &str) -> Option<String> {
        let route: &[&str] = match self.style {
            ForgeStyle::Github | ForgeStyle::Gitea => &["commit"],
            ForgeStyle::Gitlab => &["-", "commit"],
        };
        self.under(route, commit, &[])
    }

    fn under(&self, route: &[&str], commit: &str, rest: &[&str]) -> Option<String> {
        let is_commit_id =
            (7..=64).contains(&commit.len()) && commit.chars().all(|c| c.is_ascii_hexdigit());
        if !is_commit_id {
            return None;
        }
        let mut url = self.repository.clone();
        {
            // Each part is percent-encoded as one segment: a name cannot add a path level.
            let Ok(mut segments) = url.path_segments_mut() else {
                return None;
            };
            segments.pop_if_empty();
            segments.extend(route);
            segments.push(commit);
            segments.extend(rest);
        }
        Some(url.into())
    }
}

impl EvidenceView {
    fn link(&mut self, links: &ForgeLinks, publiccode: Option<&PubliccodeAt<'_>>) {
        let Some(commit) = self.full_commit.as_deref() else {
            return;
        };
        self.file_href = self.file.as_deref().and_then(|f| links.file(commit, f));
        self.commit_href = links.commit(commit);
        // A key of the publiccode.yml read at this very commit: its line, in the form every
        // supported forge uses (`#L12`).
        let line = match (&self.key, publiccode) {
            (Some(key), Some(p)) if p.commit == commit => {
                commons_publiccode::yaml::key_line(p.text, key)
            }
            _ => None,
        };
        if let (Some(href), Some(line)) = (self.file_href.as_mut(), line) {
            href.push_str(&format!("#L{line}"));
        }
    }
}

fn text(v: &Value, key: &str) -> Option<String> {
    match v.get(key)? {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn int(v: &Value, key: &str) -> Option<i64> {
    v.get(key)?.as_f64().map(|f| f.round() as i64)
}

fn list<'a>(v: &'a Value, key: &str) -> &'a [Value] {
    v.get(key)
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or(&[])
}

fn short(commit: &str) -> String {
    commit.chars().take(10).collect()
}

fn evidence(v: &Value) -> Vec<EvidenceView> {
    list(v, "evidence")
        .iter()
        .map(|e| EvidenceView {
            rule: text(e, "rule").unwrap_or_default(),
            file: text(e, "file"),
            commit: text(e, "commit").map(|c| short(&c)),
            detail: text(e, "detail"),
            file_href: None,
            commit_href: None,
            full_commit: text(e, "commit"),
            key: text(e, "key"),
        })
        .collect()
}

/// Groups digits of a whole number: 990416 → "990,416" (the same in every UI language, as
/// the other figures of the page).
fn grouped(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    if n < 0 { format!("-{out}") } else { out }
}

/// The license part.
pub struct LicenseView {
    pub(super) declared: Option<String>,
    pub(super) detected: Option<String>,
    /// `agree`, `mismatch` or `unknown`.
    pub(super) agreement: &'static str,
    pub(super) mismatch_detail: Option<String>,
    /// Several licence files and nothing that says how they combine.
    pub(super) combination_unknown: bool,
    pub(super) osi: Option<bool>,
    pub(super) family_label: String,
    pub(super) family_explain: String,
    /// Where the guide explains the detected license (its card, or its family).
    pub(super) guide_href: String,
    pub(super) files: Vec<(String, String, String)>,
    pub(super) evidence: Vec<EvidenceView>,
}

/// A security check.
pub struct CheckView {
    pub(super) id: String,
    /// The check's risk level as its weight in the aggregate ("High ×7.5"): what it counts
    /// for, not a finding.
    pub(super) weight: String,
    pub(super) score: Option<i64>,
    pub(super) reason: String,
    pub(super) differs: bool,
    pub(super) evidence: Vec<EvidenceView>,
}

/// The security part.
pub struct SecurityView {
    pub(super) score: Option<String>,
    pub(super) checks: Vec<CheckView>,
    pub(super) not_computed: Vec<(String, String)>,
}

/// A known vulnerability.
pub struct FindingView {
    pub(super) id: String,
    pub(super) package: String,
    pub(super) version: String,
    pub(super) file: String,
    pub(super) fixed: String,
    pub(super) summary: String,
}

/// The vulnerabilities part.
pub struct VulnerabilitiesView {
    pub(super) available: bool,
    pub(super) as_of: Option<String>,
    pub(super) packages: i64,
    pub(super) distinct: i64,
    pub(super) not_evaluated: i64,
    pub(super) lockfiles: Vec<(String, String, i64)>,
    pub(super) findings: Vec<FindingView>,
}

/// The vitality part.
pub struct VitalityView {
    pub(super) index: Option<i64>,
    pub(super) facts: Vec<(String, String)>,
    pub(super) evidence: Vec<EvidenceView>,
}

/// A principle, indicator or AI component with its status.
pub struct IndicatorView {
    pub(super) id: String,
    pub(super) name: String,
    pub(super) status: String,
    pub(super) status_label: String,
    pub(super) rule: Option<String>,
    pub(super) evidence: Vec<EvidenceView>,
    pub(super) declaration: Option<String>,
    /// The declaration's supporting document, when it is an http(s) link.
    pub(super) declaration_url: Option<String>,
    /// What the publisher states.
    pub(super) declaration_statement: Option<String>,
}

/// The cost part.
pub struct CostView {
    pub(super) cost: String,
    /// No code was counted: a cost of 0 would read as "free to rebuild", so it is not shown.
    pub(super) no_code: bool,
    pub(super) currency: String,
    pub(super) facts: Vec<(String, String)>,
    pub(super) languages: String,
    pub(super) method: Option<String>,
    pub(super) evidence: Vec<EvidenceView>,
}

/// One part of the summary at the top of the software page.
pub struct SummaryItem {
    /// The part's name ("Licence").
    pub(super) label: String,
    /// What was found, in a few words ("6.7 out of 10").
    pub(super) headline: String,
    /// Where it stands in the catalog, when that is known ("catalog median 4.1").
    pub(super) context: Option<String>,
    /// What it means for reuse, in a sentence.
    pub(super) verdict: String,
    /// The part (`license`, `security`, ...): its detail below is `#assess-{part}`, its
    /// method `/methodology#{part}`.
    pub(super) part: &'static str,
    /// `good`, `bad` or `neutral`: a second cue, never the only one.
    pub(super) tone: &'static str,
}

/// The whole assessment, ready for the template.
pub struct AssessmentView {
    /// The parts in brief, for the top of the page.
    pub(super) summary: Vec<SummaryItem>,
    pub(super) assessed_at: String,
    pub(super) commit: String,
    pub(super) method_version: String,
    pub(super) license: Option<LicenseView>,
    pub(super) security: Option<SecurityView>,
    pub(super) vulnerabilities: Option<VulnerabilitiesView>,
    pub(super) vitality: Option<VitalityView>,
    pub(super) principles: Vec<IndicatorView>,
    pub(super) dpg: Vec<IndicatorView>,
    pub(super) ai: Vec<IndicatorView>,
    pub(super) cost: Option<CostView>,
    pub(super) errors: Vec<(String, String)>,
    pub(super) api_href: String,
}

const FAMILIES: [&str; 5] = [
    "permissive",
    "weak-copyleft",
    "strong-copyleft",
    "network-copyleft",
    "unknown",
];

fn license(ctx: &Ctx, v: &Value) -> LicenseView {
    let declared = text(v, "declared");
    let detected = text(v, "effective");
    let mismatch = v.get("mismatch").and_then(Value::as_bool).unwrap_or(false);
    let agreement = match (&declared, &detected, mismatch) {
        (_, _, true) => "mismatch",
        (Some(_), Some(_), false) => "agree",
        _ => "unknown",
    };
    let family = text(v, "family")
        .filter(|f| FAMILIES.contains(&f.as_str()))
        .unwrap_or_else(|| "unknown".into());
    let anchor = detected
        .as_deref()
        .and_then(super::licenses::guide_anchor)
        .unwrap_or_else(|| format!("family-{family}"));
    LicenseView {
        guide_href: format!("{}#{anchor}", ctx.href("/licenses")),
        declared,
        detected,
        agreement,
        mismatch_detail: text(v, "mismatchDetail"),
        combination_unknown: v
            .get("combinationUnknown")
            .and_then(Value::as_bool)
            .unwrap_or(false),
        osi: v.get("osiApproved").and_then(Value::as_bool),
        family_label: ctx.t(&format!("family-{family}")),
        family_explain: ctx.t(&format!("family-{family}-explain")),
        files: list(v, "files")
            .iter()
            .map(|f| {
                let found = text(f, "license")
                    .or_else(|| text(f, "problem"))
                    .unwrap_or_default();
                let confidence = f
                    .get("confidence")
                    .and_then(Value::as_f64)
                    .map(|c| format!("{c:.3}"))
                    .unwrap_or_default();
                (text(f, "file").unwrap_or_default(), found, confidence)
            })
            .collect(),
        evidence: evidence(v),
    }
}

/// A risk level's weight in the security score, as `commons-assess` applies it (OpenSSF
/// Scorecard's weights).
fn risk_weight(risk: &str) -> Option<&'static str> {
    match risk {
        "critical" => Some("10"),
        "high" => Some("7.5"),
        "medium" => Some("5"),
        "low" => Some("2.5"),
        _ => None,
    }
}

fn security(ctx: &Ctx, v: &Value) -> SecurityView {
    SecurityView {
        score: v
            .get("score")
            .and_then(Value::as_f64)
            .map(|s| format!("{s:.1}")),
        checks: list(v, "checks")
            .iter()
            .map(|c| {
                let risk = text(c, "risk").unwrap_or_default();
                CheckView {
                    id: text(c, "id").unwrap_or_default(),
                    weight: match risk_weight(&risk) {
                        Some(weight) => format!("{} ×{weight}", ctx.t(&format!("risk-{risk}"))),
                        None => risk,
                    },
                    score: int(c, "score"),
                    reason: text(c, "reason").unwrap_or_default(),
                    differs: c
                        .get("differsFromScorecard")
                        .and_then(Value::as_bool)
                        .unwrap_or(false),
                    evidence: evidence(c),
                }
            })
            .collect(),
        not_computed: list(v, "notComputed")
            .iter()
            .map(|c| {
                (
                    text(c, "id").unwrap_or_default(),
                    text(c, "reason").unwrap_or_default(),
                )
            })
            .collect(),
    }
}

fn vulnerabilities(v: &Value) -> VulnerabilitiesView {
    VulnerabilitiesView {
        available: v
            .get("databaseAvailable")
            .and_then(Value::as_bool)
            .unwrap_or(false),
        as_of: text(v, "databaseAsOf").map(|d| d.chars().take(10).collect()),
        packages: int(v, "packages").unwrap_or(0),
        distinct: int(v, "distinct").unwrap_or(0),
        not_evaluated: int(v, "notEvaluated").unwrap_or(0),
        lockfiles: list(v, "lockfiles")
            .iter()
            .map(|l| {
                (
                    text(l, "file").unwrap_or_default(),
                    text(l, "ecosystem").unwrap_or_default(),
                    int(l, "packages").unwrap_or(0),
                )
            })
            .collect(),
        findings: list(v, "findings")
            .iter()
            .map(|f| FindingView {
                id: text(f, "id").unwrap_or_default(),
                package: text(f, "package").unwrap_or_default(),
                version: text(f, "version").unwrap_or_default(),
                file: text(f, "file").unwrap_or_default(),
                fixed: list(f, "fixedIn")
                    .iter()
                    .filter_map(Value::as_str)
                    .collect::<Vec<_>>()
                    .join(", "),
                summary: text(f, "summary").unwrap_or_default(),
            })
            .collect(),
    }
}

fn vitality(ctx: &Ctx, v: &Value) -> VitalityView {
    let mut facts = Vec::new();
    let mut fact = |id: &str, value: Option<String>| {
        if let Some(value) = value {
            facts.push((ctx.t(id), value));
        }
    };
    let pair = |a: &str, b: &str| match (int(v, a), int(v, b)) {
        (Some(x), Some(y)) => Some(format!("{x} / {y}")),
        _ => None,
    };
    fact("vitality-commits", pair("commits90Days", "commits365Days"));
    fact("vitality-authors", pair("authors90Days", "authors365Days"));
    fact(
        "vitality-releases",
        int(v, "releases").map(|r| match text(v, "latestRelease") {
            Some(latest) => format!("{r} ({latest})"),
            None => r.to_string(),
        }),
    );
    fact(
        "vitality-bus-factor",
        int(v, "busFactor").map(|b| b.to_string()),
    );
    fact(
        "vitality-days-since",
        int(v, "daysSinceLastCommit").map(|d| d.to_string()),
    );
    fact(
        "vitality-commits-total",
        int(v, "commitsTotal").map(|c| c.to_string()),
    );
    VitalityView {
        index: v.get("developersItalia").and_then(|d| int(d, "index")),
        facts,
        evidence: evidence(v),
    }
}

fn indicators(ctx: &Ctx, items: &[Value], statuses: &[&str]) -> Vec<IndicatorView> {
    items
        .iter()
        .map(|i| {
            let id = text(i, "id").unwrap_or_default();
            let status = text(i, "status")
                .filter(|s| statuses.contains(&s.as_str()))
                .unwrap_or_else(|| "missing".into());
            // Nothing in a repository can show these: without a declaration they are not
            // declared, which says nothing against the software.
            let status =
                if status == "missing" && commons_assess::principles::is_declaration_only(&id) {
                    "not-declared".to_string()
                } else {
                    status
                };
            let name_id = format!("indicator-{id}");
            let name = super::i18n::lookup(ctx.locale, &name_id, None)
                .or_else(|| text(i, "name"))
                .unwrap_or_else(|| id.clone());
            let declaration = i.get("declaration").filter(|d| d.is_object()).map(|d| {
                let mut args = fluent_bundle::FluentArgs::new();
                args.set("by", text(d, "by").unwrap_or_default());
                let role = text(d, "role").filter(|r| !r.trim().is_empty());
                let message = if role.is_some() {
                    "declared-by"
                } else {
                    "declared-by-without-role"
                };
                args.set("role", role.unwrap_or_default());
                args.set(
                    "at",
                    text(d, "at")
                        .map(|a| a.chars().take(10).collect::<String>())
                        .unwrap_or_default(),
                );
                super::i18n::message(ctx.locale, message, Some(&args))
            });
            // The publisher's own words, in their language and direction (isolated in the
            // template, so an English statement reads right on an Arabic page).
            let declaration_statement = i
                .get("declaration")
                .and_then(|d| text(d, "statement"))
                .filter(|s| !s.trim().is_empty());
            let declaration_url = i
                .get("declaration")
                .and_then(|d| text(d, "url"))
                .filter(|u| {
                    let lower = u.to_ascii_lowercase();
                    lower.starts_with("https://") || lower.starts_with("http://")
                });
            IndicatorView {
                declaration_url,
                declaration_statement,
                status_label: ctx.t(&format!("assess-status-{status}")),
                status,
                name,
                rule: text(i, "rule"),
                evidence: evidence(i),
                declaration,
                id,
            }
        })
        .collect()
}

fn cost(ctx: &Ctx, v: &Value) -> CostView {
    let no_code = int(v, "codeLines") == Some(0);
    let mut facts = Vec::new();
    if let Some(lines) = int(v, "codeLines") {
        facts.push((ctx.t("cost-lines"), grouped(lines)));
    }
    if let Some(effort) = v.get("effortPersonMonths").and_then(Value::as_f64) {
        facts.push((ctx.t("cost-effort"), format!("{effort:.1}")));
    }
    if let Some(schedule) = v.get("scheduleMonths").and_then(Value::as_f64) {
        facts.push((ctx.t("cost-schedule"), format!("{schedule:.1}")));
    }
    if let Some(people) = v.get("people").and_then(Value::as_f64) {
        facts.push((ctx.t("cost-people"), format!("{people:.1}")));
    }
    if let Some(used) = int(v, "usedBy") {
        facts.push((ctx.t("cost-used-by"), used.to_string()));
    }
    if let Some(dependents) = int(v, "dependentsInCatalog") {
        facts.push((ctx.t("cost-dependents"), dependents.to_string()));
    }
    let mut languages: Vec<(String, i64)> = v
        .get("byLanguage")
        .and_then(Value::as_object)
        .map(|m| {
            m.iter()
                .map(|(k, n)| (k.clone(), n.as_i64().unwrap_or(0)))
                .collect()
        })
        .unwrap_or_default();
    languages.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    CostView {
        cost: int(v, "estimatedCost")
            .filter(|_| !no_code)
            .map(grouped)
            .unwrap_or_default(),
        no_code,
        currency: text(v, "currency").unwrap_or_else(|| "USD".into()),
        facts,
        languages: languages
            .iter()
            .map(|(l, n)| format!("{l} {}", grouped(*n)))
            .collect::<Vec<_>>()
            .join(" · "),
        method: text(v, "method"),
        evidence: evidence(v),
    }
}

impl AssessmentView {
    /// Links every piece of evidence to its file and commit on the entry's forge.
    pub fn link_evidence(&mut self, links: &ForgeLinks, publiccode: Option<&PubliccodeAt<'_>>) {
        let mut all: Vec<&mut EvidenceView> = Vec::new();
        if let Some(l) = self.license.as_mut() {
            all.extend(l.evidence.iter_mut());
        }
        if let Some(s) = self.security.as_mut() {
            all.extend(s.checks.iter_mut().flat_map(|c| c.evidence.iter_mut()));
        }
        if let Some(v) = self.vitality.as_mut() {
            all.extend(v.evidence.iter_mut());
        }
        for items in [&mut self.principles, &mut self.dpg, &mut self.ai] {
            all.extend(items.iter_mut().flat_map(|i| i.evidence.iter_mut()));
        }
        if let Some(c) = self.cost.as_mut() {
            all.extend(c.evidence.iter_mut());
        }
        for evidence in all {
            evidence.link(links, publiccode);
        }
    }
}

/// The report's latest release (a tag) when it is a newer version than `declared`, the
/// `softwareVersion` of publiccode.yml; `None` when either cannot be read as a version.
pub fn newer_release(body: &Value, declared: &str) -> Option<String> {
    let latest = body
        .get("vitality")
        .and_then(|v| text(v, "latestRelease"))?;
    let newer = commons_assess::version::compare("SEMVER", &latest, declared)?;
    (newer == std::cmp::Ordering::Greater).then_some(latest)
}

/// A score as the pages print it: one decimal, without a trailing ".0".
pub(super) fn score_text(score: f64) -> String {
    let text = format!("{score:.1}");
    text.strip_suffix(".0").map(str::to_string).unwrap_or(text)
}

/// "catalog median 4.1 (312 assessed)", or nothing when there is no median.
fn median_context(ctx: &Ctx, median: Option<f64>, count: usize) -> Option<String> {
    let median = median?;
    let mut args = fluent_bundle::FluentArgs::new();
    args.set("median", score_text(median));
    args.set("count", count as i64);
    Some(super::i18n::message(
        ctx.locale,
        "summary-median",
        Some(&args),
    ))
}

/// Above, below or at the catalog's median.
fn against_median(score: f64, median: Option<f64>) -> &'static str {
    match median {
        Some(m) if score > m + 0.05 => "above",
        Some(m) if score < m - 0.05 => "below",
        Some(_) => "at",
        None => "alone",
    }
}

fn license_summary(ctx: &Ctx, v: &Value) -> SummaryItem {
    let view = license(ctx, v);
    let family = text(v, "family")
        .filter(|f| FAMILIES.contains(&f.as_str()))
        .unwrap_or_else(|| "unknown".into());
    let headline = match (&view.detected, view.osi) {
        (Some(id), Some(true)) => ctx.ta("summary-license-osi", "license", id),
        (Some(id), _) => id.clone(),
        (None, _) => view.family_label.clone(),
    };
    let (verdict, tone) = if view.agreement == "mismatch" {
        (ctx.t("verdict-license-mismatch"), "bad")
    } else if view.combination_unknown {
        (ctx.t("verdict-license-combination"), "neutral")
    } else if family == "unknown" {
        (ctx.t("verdict-license-unknown"), "bad")
    } else {
        (ctx.t(&format!("verdict-license-{family}")), "good")
    };
    SummaryItem {
        label: ctx.t("license"),
        headline,
        context: Some(view.family_label),
        verdict,
        part: "license",
        tone,
    }
}

fn security_summary(ctx: &Ctx, v: &Value, medians: &ScoreMedians) -> SummaryItem {
    let score = v.get("score").and_then(Value::as_f64);
    let (headline, context, verdict, tone) = match score {
        Some(score) => {
            let place = against_median(score, medians.security);
            let tone = match place {
                "above" => "good",
                "below" => "bad",
                _ => "neutral",
            };
            (
                ctx.ta("summary-out-of-10", "score", &score_text(score)),
                median_context(ctx, medians.security, medians.security_count),
                ctx.t(&format!("verdict-security-{place}")),
                tone,
            )
        }
        None => (
            ctx.t("summary-not-computed"),
            None,
            ctx.t("verdict-security-none"),
            "neutral",
        ),
    };
    SummaryItem {
        label: ctx.t("assess-security"),
        headline,
        context,
        verdict,
        part: "security",
        tone,
    }
}

fn vulnerabilities_summary(ctx: &Ctx, v: &Value) -> SummaryItem {
    let view = vulnerabilities(v);
    let (headline, verdict, tone) = if !view.available {
        (
            ctx.t("summary-not-checked"),
            ctx.t("verdict-vulnerabilities-no-database"),
            "neutral",
        )
    } else if view.packages == 0 {
        (
            ctx.t("summary-not-checked"),
            ctx.t("verdict-vulnerabilities-no-lockfile"),
            "neutral",
        )
    } else if view.distinct == 0 {
        (
            ctx.tn("assess-vulnerabilities-count", 0_i64),
            ctx.tn("verdict-vulnerabilities-none", view.packages),
            "good",
        )
    } else {
        (
            ctx.tn("assess-vulnerabilities-count", view.distinct),
            ctx.t("verdict-vulnerabilities-found"),
            "bad",
        )
    };
    SummaryItem {
        label: ctx.t("assess-vulnerabilities"),
        headline,
        context: view
            .as_of
            .map(|date| ctx.ta("summary-database-of", "date", &date)),
        verdict,
        part: "vulnerabilities",
        tone,
    }
}

/// Days from the newest commit to `now`: from its date when the report has it, otherwise
/// from the days counted at the assessment plus the days since.
fn days_since_last_commit(v: &Value, assessed_at: i64, now: i64) -> Option<i64> {
    const DAY: i64 = 86_400;
    match v.get("lastCommitAt").and_then(Value::as_i64) {
        Some(at) => Some((now - at).div_euclid(DAY).max(0)),
        None => {
            int(v, "daysSinceLastCommit").map(|d| d + (now - assessed_at).div_euclid(DAY).max(0))
        }
    }
}

fn vitality_summary(
    ctx: &Ctx,
    v: &Value,
    assessed_at: i64,
    now: i64,
    medians: &ScoreMedians,
) -> SummaryItem {
    let days = days_since_last_commit(v, assessed_at, now);
    let index = v.get("developersItalia").and_then(|d| int(d, "index"));
    let (verdict, tone) = match days {
        Some(d) if d <= 90 => ("verdict-vitality-active", "good"),
        Some(d) if d <= 365 => ("verdict-vitality-slow", "neutral"),
        Some(_) => ("verdict-vitality-dormant", "bad"),
        None => ("verdict-vitality-unknown", "neutral"),
    };
    let headline = match days {
        Some(d) => ctx.tn("summary-last-commit-days", d),
        None => ctx.t("summary-not-computed"),
    };
    let context = index.map(|i| {
        let out_of = ctx.ta("summary-vitality-index", "index", &i.to_string());
        match median_context(ctx, medians.vitality, medians.vitality_count) {
            Some(median) => format!("{out_of} · {median}"),
            None => out_of,
        }
    });
    SummaryItem {
        label: ctx.t("assess-vitality"),
        headline,
        context,
        verdict: ctx.t(verdict),
        part: "vitality",
        tone,
    }
}

/// The summary at the top of the page: each part the report has, in brief.
fn summary(ctx: &Ctx, stored: &StoredAssessment, medians: &ScoreMedians) -> Vec<SummaryItem> {
    let body = &stored.body;
    let present = |key: &str| body.get(key).filter(|v| v.is_object());
    let now = jiff::Timestamp::now().as_second();
    [
        present("license").map(|v| license_summary(ctx, v)),
        present("security").map(|v| security_summary(ctx, v, medians)),
        present("vulnerabilities").map(|v| vulnerabilities_summary(ctx, v)),
        present("vitality").map(|v| vitality_summary(ctx, v, stored.assessed_at, now, medians)),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// The view of a stored assessment; `medians` place its scores in the catalog.
pub fn view(ctx: &Ctx, stored: &StoredAssessment, medians: &ScoreMedians) -> AssessmentView {
    let body = &stored.body;
    let present = |key: &str| body.get(key).filter(|v| v.is_object());
    AssessmentView {
        summary: summary(ctx, stored, medians),
        assessed_at: crate::api::views::rfc3339(stored.assessed_at)
            .chars()
            .take(10)
            .collect(),
        commit: stored
            .commit
            .as_deref()
            .or_else(|| body.get("commit").and_then(Value::as_str))
            .map(short)
            .unwrap_or_default(),
        method_version: stored.method_version.clone(),
        license: present("license").map(|v| license(ctx, v)),
        security: present("security").map(|v| security(ctx, v)),
        vulnerabilities: present("vulnerabilities").map(vulnerabilities),
        vitality: present("vitality").map(|v| vitality(ctx, v)),
        principles: indicators(
            ctx,
            list(body, "unPrinciples"),
            &["met", "declared", "missing", "not-applicable"],
        ),
        dpg: indicators(
            ctx,
            list(body, "dpgIndicators"),
            &["met", "declared", "missing", "not-applicable"],
        ),
        ai: present("ai")
            .map(|ai| indicators(ctx, list(ai, "items"), &["met", "needs-review", "missing"]))
            .unwrap_or_default(),
        cost: present("cost").map(|v| cost(ctx, v)),
        errors: list(body, "errors")
            .iter()
            .map(|e| {
                (
                    text(e, "check").unwrap_or_default(),
                    text(e, "message").unwrap_or_default(),
                )
            })
            .collect(),
        api_href: format!("/api/v1/software/{}/assessment", stored.software_id),
    }
}

#[cfg(test)]
mod tests {
    use super::{days_since_last_commit, grouped, risk_weight};
    use commons_assess::security::Risk;

    #[test]
    fn an_item_only_a_publisher_can_show_is_not_declared_rather_than_missing() {
        let ctx = super::Ctx::new(super::super::i18n::Locale::En, "/software");
        let items = [
            serde_json::json!({"id": "dpg-do-no-harm", "status": "missing"}),
            serde_json::json!({"id": "dpg-documentation", "status": "missing"}),
            serde_json::json!({"id": "dpg-sdg-relevance", "status": "declared"}),
        ];
        let views = super::indicators(&ctx, &items, &["met", "declared", "missing"]);
        let shown: Vec<(&str, &str)> = views
            .iter()
            .map(|v| (v.status.as_str(), v.status_label.as_str()))
            .collect();
        assert_eq!(
            shown,
            [
                ("not-declared", "Not declared"),
                ("missing", "Missing"),
                ("declared", "Declared")
            ]
        );
    }

    #[test]
    fn evidence_links_to_the_file_at_its_commit_in_each_forges_url_form() {
        use super::ForgeLinks;
        use commons_catalog::ForgeKind;
        let commit = "8c65aa2d7a3cc5f56d408adf297cde57a6adf253";
        let cases = [
            (
                ForgeKind::Github,
                "https://github.com/unicef/primero.git",
                "https://github.com/unicef/primero/blob/8c65aa2d7a3cc5f56d408adf297cde57a6adf253/.github/dependabot.yml",
                "https://github.com/unicef/primero/commit/8c65aa2d7a3cc5f56d408adf297cde57a6adf253",
            ),
            (
                ForgeKind::Gitlab,
                "https://gitlab.un.org/ocha/tools/hdx/",
                "https://gitlab.un.org/ocha/tools/hdx/-/blob/8c65aa2d7a3cc5f56d408adf297cde57a6adf253/.github/dependabot.yml",
                "https://gitlab.un.org/ocha/tools/hdx/-/commit/8c65aa2d7a3cc5f56d408adf297cde57a6adf253",
            ),
            (
                ForgeKind::Gitea,
                "https://codeberg.org/agency/app",
                "https://codeberg.org/agency/app/src/commit/8c65aa2d7a3cc5f56d408adf297cde57a6adf253/.github/dependabot.yml",
                "https://codeberg.org/agency/app/commit/8c65aa2d7a3cc5f56d408adf297cde57a6adf253",
            ),
        ];
        for (forge, repository, file, commit_page) in cases {
            let links = ForgeLinks::of(forge, repository).expect("a forge with pages");
            assert_eq!(
                links.file(commit, ".github/dependabot.yml").as_deref(),
                Some(file)
            );
            assert_eq!(links.commit(commit).as_deref(), Some(commit_page));
        }
        let github = ForgeLinks::of(ForgeKind::Github, "https://github.com/a/b").unwrap();
        // A name is one encoded segment; nothing climbs out of the repository or adds a query.
        assert_eq!(
            github.file(commit, "docs/read me#1?.md").as_deref(),
            Some(
                "https://github.com/a/b/blob/8c65aa2d7a3cc5f56d408adf297cde57a6adf253/docs/read%20me%231%3F.md"
            )
        );
        assert_eq!(github.file(commit, "../../other/repo"), None);
        assert_eq!(github.file(commit, "/etc/passwd"), None);
        assert_eq!(github.file("main", "README.md"), None, "not a commit id");
        assert_eq!(github.commit("8c65aa2d/../../x"), None);
        // No page for other sources or other schemes.
        assert!(ForgeLinks::of(ForgeKind::Git, "https://git.example.org/a/b").is_none());
        assert!(ForgeLinks::of(ForgeKind::Demo, "https://github.com/a/b").is_none());
        assert!(ForgeLinks::of(ForgeKind::Github, "javascript:alert(1)").is_none());
        let with_credentials =
            ForgeLinks::of(ForgeKind::Gitlab, "https://bot:secret@gitlab.un.org/a/b").unwrap();
        assert_eq!(
            with_credentials.commit(commit).as_deref(),
            Some("https://gitlab.un.org/a/b/-/commit/8c65aa2d7a3cc5f56d408adf297cde57a6adf253")
        );
    }

    #[test]
    fn evidence_that_is_a_key_of_the_publiccode_yml_links_to_its_line() {
        use super::{EvidenceView, ForgeLinks, PubliccodeAt};
        use commons_catalog::ForgeKind;
        let commit = "8c65aa2d7a3cc5f56d408adf297cde57a6adf253";
        let text = "publiccodeYmlVersion: '0.4'\nname: X\nlegal:\n  license: MIT\n";
        let evidence = |key: Option<&str>, at: &str| EvidenceView {
            rule: "declared-license".into(),
            file: Some("publiccode.yml".into()),
            commit: Some(at.chars().take(10).collect()),
            detail: None,
            file_href: None,
            commit_href: None,
            full_commit: Some(at.into()),
            key: key.map(str::to_string),
        };
        let links = ForgeLinks::of(ForgeKind::Gitlab, "https://gitlab.un.org/a/b").unwrap();
        let file = PubliccodeAt { commit, text };
        let mut at_key = evidence(Some("legal.license"), commit);
        at_key.link(&links, Some(&file));
        assert_eq!(
            at_key.file_href.as_deref(),
            Some(
                "https://gitlab.un.org/a/b/-/blob/8c65aa2d7a3cc5f56d408adf297cde57a6adf253/publiccode.yml#L4"
            )
        );
        // Another commit's file, a key it does not have, or no key: the file, no line.
        let other = "0000000000000000000000000000000000000000";
        for (key, at) in [
            (Some("legal.license"), other),
            (Some("legal.repoOwner"), commit),
            (None, commit),
        ] {
            let mut e = evidence(key, at);
            e.link(&links, Some(&file));
            assert!(!e.file_href.unwrap().contains("#L"), "{key:?} at {at}");
        }
    }

    #[test]
    fn a_release_newer_than_the_declared_version_is_named() {
        let body = |tag: &str| serde_json::json!({"vitality": {"latestRelease": tag}});
        assert_eq!(
            super::newer_release(&body("v1.1.0"), "1.0").as_deref(),
            Some("v1.1.0")
        );
        assert_eq!(super::newer_release(&body("v1.0.0"), "1.0"), None);
        assert_eq!(super::newer_release(&body("v0.9"), "1.0.0"), None);
        assert_eq!(super::newer_release(&body("nightly"), "1.0.0"), None);
        assert_eq!(super::newer_release(&serde_json::json!({}), "1.0.0"), None);
    }

    #[test]
    fn the_weights_shown_are_the_ones_the_score_uses() {
        for risk in [Risk::Critical, Risk::High, Risk::Medium, Risk::Low] {
            let name = serde_json::to_value(risk).unwrap();
            let shown = risk_weight(name.as_str().unwrap()).expect("a weight");
            assert_eq!(shown.parse::<f64>().unwrap(), risk.weight(), "{risk:?}");
        }
        assert_eq!(risk_weight("unknown"), None);
    }

    #[test]
    fn days_since_the_last_commit_count_from_its_date_or_from_the_assessment() {
        let day = 86_400;
        let assessed = 1_780_000_000;
        let now = assessed + 10 * day + 5;
        let dated =
            serde_json::json!({"lastCommitAt": assessed - 3 * day, "daysSinceLastCommit": 3});
        assert_eq!(days_since_last_commit(&dated, assessed, now), Some(13));
        // An older report: the days it counted, plus the days since it was made.
        let counted = serde_json::json!({"daysSinceLastCommit": 3});
        assert_eq!(days_since_last_commit(&counted, assessed, now), Some(13));
        assert_eq!(
            days_since_last_commit(&serde_json::json!({}), assessed, now),
            None
        );
        // A clock behind the commit never gives negative days.
        assert_eq!(
            days_since_last_commit(&dated, assessed, assessed - 10 * day),
            Some(0)
        );
    }

    #[test]
    fn thousands_are_grouped() {
        assert_eq!(grouped(0), "0");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(990_416), "990,416");
        assert_eq!(grouped(1_234_567), "1,234,567");
        assert_eq!(grouped(-1000), "-1,000");
    }
}
