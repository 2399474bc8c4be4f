//! The assessment section of the software page: the stored `commons assess` report (README,
//! "commons assess") read as JSON and turned into views. Every key is optional here: a report
//! of an older or newer method version shows what it has. Texts that come from the report
//! (reasons, evidence details, rules) are English and marked so; labels are translated.

use super::Ctx;
use commons_catalog::StoredAssessment;
use serde_json::Value;

/// One piece of evidence: which rule, file and commit, and what was found.
pub struct EvidenceView {
    pub(super) rule: String,
    pub(super) file: Option<String>,
    pub(super) commit: Option<String>,
    pub(super) detail: Option<String>,
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
    pub(super) risk: String,
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

/// The whole assessment, ready for the template.
pub struct AssessmentView {
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
                    risk: match risk.as_str() {
                        "critical" | "high" | "medium" | "low" => ctx.t(&format!("risk-{risk}")),
                        _ => risk,
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

/// The view of a stored assessment.
pub fn view(ctx: &Ctx, stored: &StoredAssessment) -> AssessmentView {
    let body = &stored.body;
    let present = |key: &str| body.get(key).filter(|v| v.is_object());
    AssessmentView {
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
    use super::grouped;

    #[test]
    fn thousands_are_grouped() {
        assert_eq!(grouped(0), "0");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(990_416), "990,416");
        assert_eq!(grouped(1_234_567), "1,234,567");
        assert_eq!(grouped(-1000), "-1,000");
    }
}
