//! The assessment section of the software page: the typed report (`commons-report`) as read
//! now, turned into views. A report of an older method reads with defaults for what it lacks
//! (the contract's rule), so it shows what it has. The method's sentences (reasons, evidence,
//! rules, errors) are shown in the reader's language when the report gives them as messages
//! (`l10n`), and otherwise in the report's English, marked so; labels are translated.

use super::Ctx;
use super::sentence::{Sentence, fixed_sentence, quoted_value, sentence};
use commons_app::AssessmentAsRead;
use commons_catalog::ForgeKind;
use commons_report::{
    AiItem, AiStatus, Assessment, CostReport, Declaration, Evidence, Family, Item, LicenseReport,
    SecurityReport, VitalityReport, VulnerabilityReport,
};
use commons_search::ScoreMedians;

/// One piece of evidence: which rule, file and commit, and what was found.
pub struct EvidenceView {
    pub(super) rule: String,
    pub(super) file: Option<String>,
    /// The commit, shortened for reading.
    pub(super) commit: Option<String>,
    pub(super) detail: Option<Sentence>,
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

fn short(commit: &str) -> String {
    commit.chars().take(10).collect()
}

fn evidence(ctx: &Ctx, items: &[Evidence]) -> Vec<EvidenceView> {
    items
        .iter()
        .map(|e| EvidenceView {
            rule: e.rule.clone(),
            file: e.file.clone(),
            commit: e.commit.as_deref().map(short),
            detail: (!e.detail.is_empty()).then(|| evidence_detail(ctx, e)),
            file_href: None,
            commit_href: None,
            full_commit: e.commit.clone(),
            key: e.key.clone(),
        })
        .collect()
}

/// What a piece of evidence found: a sentence of the method, or a value quoted from the
/// repository (a key of its publiccode.yml, a URL), which has no message and is no English
/// sentence to mark as such.
fn evidence_detail(ctx: &Ctx, e: &Evidence) -> Sentence {
    let is_value =
        e.key.is_some() || e.detail.starts_with("https://") || e.detail.starts_with("http://");
    if e.l10n.is_none() && is_value {
        quoted_value(&e.detail)
    } else {
        sentence(ctx, &e.detail, e.l10n.as_ref())
    }
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
    /// Why the licences disagree, sentence by sentence.
    pub(super) mismatch: Vec<Sentence>,
    /// Several licence files and nothing that says how they combine.
    pub(super) combination_unknown: bool,
    pub(super) osi: Option<bool>,
    pub(super) family_label: String,
    pub(super) family_explain: String,
    /// Where the guide explains the detected license (its card, or its family).
    pub(super) guide_href: String,
    pub(super) files: Vec<LicenseFileView>,
    pub(super) evidence: Vec<EvidenceView>,
}

/// A security check.
pub struct CheckView {
    pub(super) id: String,
    /// The check's risk level as its weight in the aggregate ("High ×7.5"): what it counts
    /// for, not a finding.
    pub(super) weight: String,
    pub(super) score: Option<i64>,
    pub(super) reason: Sentence,
    pub(super) differs: bool,
    pub(super) evidence: Vec<EvidenceView>,
}

/// The security part.
pub struct SecurityView {
    pub(super) score: Option<String>,
    pub(super) checks: Vec<CheckView>,
    pub(super) not_computed: Vec<(String, Sentence)>,
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
    pub(super) rule: Option<Sentence>,
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
    /// How the estimate is computed: the method's sentence, in the reader's language when
    /// this version knows it.
    pub(super) method: Option<Sentence>,
    pub(super) evidence: Vec<EvidenceView>,
}

/// One license file: the license its text matched, or why it matched none.
pub struct LicenseFileView {
    pub(super) file: String,
    pub(super) license: Option<String>,
    pub(super) problem: Option<Sentence>,
    pub(super) confidence: String,
}

impl LicenseFileView {
    fn of(ctx: &Ctx, f: &commons_report::DetectedFile) -> Self {
        LicenseFileView {
            file: f.file.clone(),
            license: f.license.clone(),
            problem: f
                .problem
                .as_deref()
                .filter(|_| f.license.is_none())
                .map(|problem| sentence(ctx, problem, f.problem_l10n.as_ref())),
            confidence: format!("{:.3}", f.confidence),
        }
    }
}

/// The cost method's sentence: the first method's fixed text is a message; another is shown
/// as the report wrote it, marked English.
fn cost_method(ctx: &Ctx, method: &str) -> Option<Sentence> {
    const BASIC_COCOMO: &str = "cost-method-basic-cocomo-organic";
    if method.is_empty() {
        None
    } else if method.starts_with("basic-cocomo-organic:") {
        Some(fixed_sentence(ctx, BASIC_COCOMO, method))
    } else {
        Some(sentence(ctx, method, None))
    }
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
    pub(super) errors: Vec<(String, Sentence)>,
    pub(super) api_href: String,
}

fn license(ctx: &Ctx, l: &LicenseReport) -> LicenseView {
    let declared = l.declared.clone();
    let detected = l.effective.clone();
    let agreement = match (&declared, &detected, l.mismatch) {
        (_, _, true) => "mismatch",
        (Some(_), Some(_), false) => "agree",
        _ => "unknown",
    };
    let family = l.family.as_str();
    let anchor = detected
        .as_deref()
        .and_then(super::licenses::guide_anchor)
        .unwrap_or_else(|| format!("family-{family}"));
    LicenseView {
        guide_href: format!("{}#{anchor}", ctx.href("/licenses")),
        declared,
        detected,
        agreement,
        mismatch: mismatch_sentences(ctx, l),
        combination_unknown: l.combination_unknown,
        osi: Some(l.osi_approved),
        family_label: ctx.t(&format!("family-{family}")),
        family_explain: ctx.t(&format!("family-{family}-explain")),
        files: l
            .files
            .iter()
            .map(|f| LicenseFileView::of(ctx, f))
            .collect(),
        evidence: evidence(ctx, &l.evidence),
    }
}

/// The mismatch's sentences: each in the reader's language when the report gives them as
/// messages, else its English.
fn mismatch_sentences(ctx: &Ctx, l: &LicenseReport) -> Vec<Sentence> {
    let Some(detail) = l.mismatch_detail.as_deref() else {
        return Vec::new();
    };
    let english: Vec<&str> = detail.split("; ").collect();
    if english.len() == l.mismatch_l10n.len() {
        english
            .iter()
            .zip(&l.mismatch_l10n)
            .map(|(text, message)| sentence(ctx, text, Some(message)))
            .collect()
    } else {
        vec![sentence(ctx, detail, None)]
    }
}

fn security(ctx: &Ctx, s: &SecurityReport) -> SecurityView {
    SecurityView {
        score: s.score.map(|score| format!("{score:.1}")),
        checks: s
            .checks
            .iter()
            .map(|c| CheckView {
                id: c.id.clone(),
                // The weight the score gives the check, from the same table the score uses.
                weight: match c.risk.weight() {
                    Some(weight) => format!(
                        "{} ×{}",
                        ctx.t(&format!("risk-{}", c.risk.as_str())),
                        score_text(weight)
                    ),
                    None => c.risk.as_str().to_string(),
                },
                score: c.score.map(i64::from),
                reason: sentence(ctx, &c.reason, c.l10n.as_ref()),
                differs: c.differs_from_scorecard,
                evidence: evidence(ctx, &c.evidence),
            })
            .collect(),
        not_computed: s
            .not_computed
            .iter()
            .map(|c| {
                let reason = fixed_sentence(ctx, &format!("not-computed-{}", c.id), &c.reason);
                (c.id.clone(), reason)
            })
            .collect(),
    }
}

fn count(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

fn vulnerabilities(v: &VulnerabilityReport) -> VulnerabilitiesView {
    VulnerabilitiesView {
        available: v.database_available,
        as_of: v
            .database_as_of
            .as_deref()
            .map(|d| d.chars().take(10).collect()),
        packages: count(v.packages),
        distinct: count(v.distinct),
        not_evaluated: count(v.not_evaluated),
        lockfiles: v
            .lockfiles
            .iter()
            .map(|l| (l.file.clone(), l.ecosystem.clone(), count(l.packages)))
            .collect(),
        findings: v
            .findings
            .iter()
            .map(|f| FindingView {
                id: f.id.clone(),
                package: f.package.clone(),
                version: f.version.clone(),
                file: f.file.clone(),
                fixed: f.fixed_in.join(", "),
                summary: f.summary.clone().unwrap_or_default(),
            })
            .collect(),
    }
}

fn vitality(ctx: &Ctx, v: &VitalityReport) -> VitalityView {
    let releases = match &v.latest_release {
        Some(latest) => format!("{} ({latest})", v.releases),
        None => v.releases.to_string(),
    };
    let mut facts = vec![
        (
            ctx.t("vitality-commits"),
            format!("{} / {}", v.commits_90_days, v.commits_365_days),
        ),
        (
            ctx.t("vitality-authors"),
            format!("{} / {}", v.authors_90_days, v.authors_365_days),
        ),
        (ctx.t("vitality-releases"), releases),
        (ctx.t("vitality-bus-factor"), v.bus_factor.to_string()),
    ];
    if let Some(days) = v.days_since_last_commit {
        facts.push((ctx.t("vitality-days-since"), days.to_string()));
    }
    facts.push((ctx.t("vitality-commits-total"), v.commits_total.to_string()));
    VitalityView {
        index: v.developers_italia.index.map(i64::from),
        facts,
        evidence: evidence(ctx, &v.evidence),
    }
}

/// A principle, indicator or AI component as the report has it.
struct IndicatorInput<'a> {
    id: &'a str,
    /// As the report writes it (`not-applicable`).
    status: &'static str,
    name: Option<&'a str>,
    rule: Option<&'a str>,
    evidence: &'a [Evidence],
    declaration: Option<&'a Declaration>,
}

impl<'a> IndicatorInput<'a> {
    fn of_item(item: &'a Item) -> Self {
        IndicatorInput {
            id: &item.id,
            status: item.status.as_str(),
            name: Some(item.name.as_str()).filter(|n| !n.is_empty()),
            rule: Some(item.rule.as_str()).filter(|r| !r.is_empty()),
            evidence: &item.evidence,
            declaration: item.declaration.as_ref(),
        }
    }

    fn of_ai(item: &'a AiItem) -> Self {
        IndicatorInput {
            id: &item.id,
            status: match item.status {
                AiStatus::Met => "met",
                AiStatus::Missing => "missing",
                AiStatus::NeedsReview => "needs-review",
            },
            name: None,
            rule: None,
            evidence: &item.evidence,
            declaration: None,
        }
    }
}

/// "Declared by Jane Doe (product owner) on 2026-10-01".
fn declared_by(ctx: &Ctx, d: &Declaration) -> String {
    let mut args = fluent_bundle::FluentArgs::new();
    args.set("by", d.by.clone());
    let role = d.role.clone().filter(|r| !r.trim().is_empty());
    let message = if role.is_some() {
        "declared-by"
    } else {
        "declared-by-without-role"
    };
    args.set("role", role.unwrap_or_default());
    args.set("at", d.at.chars().take(10).collect::<String>());
    super::i18n::message(ctx.locale, message, Some(&args))
}

fn indicators<'a>(
    ctx: &Ctx,
    items: impl IntoIterator<Item = IndicatorInput<'a>>,
) -> Vec<IndicatorView> {
    items
        .into_iter()
        .map(|i| {
            // Nothing in a repository can show these: without a declaration they are not
            // declared, which says nothing against the software.
            let status =
                if i.status == "missing" && commons_assess::principles::is_declaration_only(i.id) {
                    "not-declared"
                } else {
                    i.status
                };
            let name = super::i18n::lookup(ctx.locale, &format!("indicator-{}", i.id), None)
                .or_else(|| i.name.map(str::to_string))
                .unwrap_or_else(|| i.id.to_string());
            // The publisher's own words, in their language and direction (isolated in the
            // template, so an English statement reads right on an Arabic page).
            let declaration_statement = i
                .declaration
                .and_then(|d| d.statement.clone())
                .filter(|s| !s.trim().is_empty());
            let declaration_url = i.declaration.and_then(|d| d.url.clone()).filter(|u| {
                let lower = u.to_ascii_lowercase();
                lower.starts_with("https://") || lower.starts_with("http://")
            });
            IndicatorView {
                declaration_url,
                declaration_statement,
                status_label: ctx.t(&format!("assess-status-{status}")),
                status: status.to_string(),
                name,
                rule: i
                    .rule
                    .map(|rule| fixed_sentence(ctx, &format!("rule-{}", i.id), rule)),
                evidence: evidence(ctx, i.evidence),
                declaration: i.declaration.map(|d| declared_by(ctx, d)),
                id: i.id.to_string(),
            }
        })
        .collect()
}

fn cost(ctx: &Ctx, c: &CostReport) -> CostView {
    let no_code = c.code_lines == 0;
    let mut facts = vec![
        (ctx.t("cost-lines"), grouped(count(c.code_lines))),
        (
            ctx.t("cost-effort"),
            format!("{:.1}", c.effort_person_months),
        ),
        (ctx.t("cost-schedule"), format!("{:.1}", c.schedule_months)),
        (ctx.t("cost-people"), format!("{:.1}", c.people)),
        (ctx.t("cost-used-by"), c.used_by.to_string()),
    ];
    if let Some(dependents) = c.dependents_in_catalog {
        facts.push((ctx.t("cost-dependents"), dependents.to_string()));
    }
    let mut languages: Vec<(&String, &usize)> = c.by_language.iter().collect();
    languages.sort_by(|a, b| b.1.cmp(a.1).then_with(|| a.0.cmp(b.0)));
    CostView {
        cost: if no_code {
            String::new()
        } else {
            grouped(c.estimated_cost.round() as i64)
        },
        no_code,
        currency: if c.currency.is_empty() {
            "USD".into()
        } else {
            c.currency.clone()
        },
        facts,
        languages: languages
            .iter()
            .map(|(l, n)| format!("{l} {}", grouped(count(**n))))
            .collect::<Vec<_>>()
            .join(" · "),
        method: cost_method(ctx, &c.method),
        evidence: evidence(ctx, &c.evidence),
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
pub fn newer_release(report: &Assessment, declared: &str) -> Option<String> {
    let latest = report.vitality.as_ref()?.latest_release.clone()?;
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

fn license_summary(ctx: &Ctx, l: &LicenseReport) -> SummaryItem {
    let view = license(ctx, l);
    let family = l.family.as_str();
    let headline = match (&view.detected, view.osi) {
        (Some(id), Some(true)) => ctx.ta("summary-license-osi", "license", id),
        (Some(id), _) => id.clone(),
        (None, _) => view.family_label.clone(),
    };
    let (verdict, tone) = if view.agreement == "mismatch" {
        (ctx.t("verdict-license-mismatch"), "bad")
    } else if view.combination_unknown {
        (ctx.t("verdict-license-combination"), "neutral")
    } else if l.family == Family::Unknown {
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

fn security_summary(ctx: &Ctx, s: &SecurityReport, medians: &ScoreMedians) -> SummaryItem {
    let (headline, context, verdict, tone) = match s.score {
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

fn vulnerabilities_summary(ctx: &Ctx, v: &VulnerabilityReport) -> SummaryItem {
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
fn days_since_last_commit(v: &VitalityReport, assessed_at: i64, now: i64) -> Option<i64> {
    const DAY: i64 = 86_400;
    match v.last_commit_at {
        Some(at) => Some((now - at).div_euclid(DAY).max(0)),
        None => v
            .days_since_last_commit
            .map(|d| d + (now - assessed_at).div_euclid(DAY).max(0)),
    }
}

fn vitality_summary(
    ctx: &Ctx,
    v: &VitalityReport,
    assessed_at: i64,
    now: i64,
    medians: &ScoreMedians,
) -> SummaryItem {
    let days = days_since_last_commit(v, assessed_at, now);
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
    let context = v.developers_italia.index.map(|i| {
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
fn summary(ctx: &Ctx, read: &AssessmentAsRead, medians: &ScoreMedians) -> Vec<SummaryItem> {
    let report = &read.report;
    let now = jiff::Timestamp::now().as_second();
    let mut parts = vec![
        license_summary(ctx, &report.license),
        security_summary(ctx, &report.security, medians),
        vulnerabilities_summary(ctx, &report.vulnerabilities),
    ];
    if let Some(v) = &report.vitality {
        parts.push(vitality_summary(ctx, v, read.assessed_at, now, medians));
    }
    parts
}

/// The view of an assessment as read now; `medians` place its scores in the catalog.
pub fn view(ctx: &Ctx, read: &AssessmentAsRead, medians: &ScoreMedians) -> AssessmentView {
    let report = &read.report;
    AssessmentView {
        summary: summary(ctx, read, medians),
        assessed_at: crate::api::views::rfc3339(read.assessed_at)
            .chars()
            .take(10)
            .collect(),
        commit: short(read.commit.as_deref().unwrap_or(&report.commit)),
        method_version: read.method_version.clone(),
        license: Some(license(ctx, &report.license)),
        security: Some(security(ctx, &report.security)),
        vulnerabilities: Some(vulnerabilities(&report.vulnerabilities)),
        vitality: report.vitality.as_ref().map(|v| vitality(ctx, v)),
        principles: indicators(
            ctx,
            report.un_principles.iter().map(IndicatorInput::of_item),
        ),
        dpg: indicators(
            ctx,
            report.dpg_indicators.iter().map(IndicatorInput::of_item),
        ),
        ai: report
            .ai
            .as_ref()
            .map(|ai| indicators(ctx, ai.items.iter().map(IndicatorInput::of_ai)))
            .unwrap_or_default(),
        cost: Some(cost(ctx, &report.cost)),
        errors: report
            .errors
            .iter()
            .map(|e| (e.check.clone(), sentence(ctx, &e.message, e.l10n.as_ref())))
            .collect(),
        api_href: format!("/api/v1/software/{}/assessment", read.software_id),
    }
}

#[cfg(test)]
mod tests {
    use super::{days_since_last_commit, grouped};
    use commons_report::{Assessment, Item, Status, VitalityReport};

    /// A report read from JSON, as the page reads a stored one.
    fn report(json: serde_json::Value) -> Assessment {
        serde_json::from_value(json).expect("reads as a report")
    }

    #[test]
    fn an_item_only_a_publisher_can_show_is_not_declared_rather_than_missing() {
        let ctx = super::Ctx::new(super::super::i18n::Locale::En, "/software");
        let item = |id: &str, status| Item {
            id: id.into(),
            status,
            ..Item::default()
        };
        let items = [
            item("dpg-do-no-harm", Status::Missing),
            item("dpg-documentation", Status::Missing),
            item("dpg-sdg-relevance", Status::Declared),
        ];
        let views = super::indicators(&ctx, items.iter().map(super::IndicatorInput::of_item));
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

    /// The text of a sentence, without Fluent's isolation marks.
    fn text(sentence: &super::Sentence) -> String {
        sentence
            .pieces
            .iter()
            .map(|(t, _)| t.as_str())
            .collect::<String>()
            .replace(['\u{2068}', '\u{2069}'], "")
    }

    #[test]
    fn why_a_license_file_matched_nothing_and_the_cost_method_are_in_the_readers_language() {
        use super::super::i18n::Locale;
        let file = commons_report::DetectedFile {
            file: "COPYING".into(),
            problem: Some("is binary, not a license text (byte at offset 7 is not text)".into()),
            problem_l10n: Some(commons_report::Message {
                id: "license-file-binary".into(),
                args: [("offset".to_string(), commons_report::MessageArg::Number(7))].into(),
            }),
            ..Default::default()
        };
        let english = super::Ctx::new(Locale::En, "/software");
        let chinese = super::Ctx::new(Locale::Zh, "/software");
        let shown = super::LicenseFileView::of(&english, &file);
        let problem = shown.problem.expect("a problem");
        assert_eq!(text(&problem), file.problem.clone().unwrap());
        assert_eq!(problem.lang, None);
        let problem = super::LicenseFileView::of(&chinese, &file).problem.unwrap();
        assert_ne!(text(&problem), file.problem.clone().unwrap());
        assert!(text(&problem).contains('7'), "{}", text(&problem));
        assert_eq!(problem.lang, None);
        // A report written before the messages: its English, marked so.
        let older = commons_report::DetectedFile {
            problem_l10n: None,
            ..file
        };
        let problem = super::LicenseFileView::of(&chinese, &older)
            .problem
            .unwrap();
        assert_eq!(problem.lang, Some("en"));
        // The first cost method's text is a message; another method's shows as written.
        let method = commons_assess::cost::method_text();
        let said = super::cost_method(&chinese, &method).expect("a method");
        assert_eq!(said.lang, None);
        assert!(text(&said).contains("basic-cocomo-organic"));
        assert_ne!(text(&said), method);
        assert_eq!(
            text(&super::cost_method(&english, &method).unwrap()),
            method
        );
        let other = super::cost_method(&chinese, "another-model: x").unwrap();
        assert_eq!(other.lang, Some("en"));
        assert!(super::cost_method(&chinese, "").is_none());
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
        let body = |tag: &str| report(serde_json::json!({"vitality": {"latestRelease": tag}}));
        assert_eq!(
            super::newer_release(&body("v1.1.0"), "1.0").as_deref(),
            Some("v1.1.0")
        );
        assert_eq!(super::newer_release(&body("v1.0.0"), "1.0"), None);
        assert_eq!(super::newer_release(&body("v0.9"), "1.0.0"), None);
        assert_eq!(super::newer_release(&body("nightly"), "1.0.0"), None);
        assert_eq!(
            super::newer_release(&report(serde_json::json!({})), "1.0.0"),
            None
        );
    }

    #[test]
    fn the_weights_shown_are_the_ones_the_score_uses() {
        let ctx = super::Ctx::new(super::super::i18n::Locale::En, "/software");
        let security = report(serde_json::json!({"security": {"checks": [
            {"id": "A", "risk": "critical", "score": 10},
            {"id": "B", "risk": "low", "score": 0},
            {"id": "C", "risk": "extreme", "score": 5},
        ]}}))
        .security;
        let shown: Vec<String> = super::security(&ctx, &security)
            .checks
            .into_iter()
            .map(|c| c.weight)
            .collect();
        // A level a newer method added reads as unknown and shows no weight.
        assert_eq!(shown, ["Critical ×10", "Low ×2.5", "unknown"]);
    }

    #[test]
    fn days_since_the_last_commit_count_from_its_date_or_from_the_assessment() {
        let day = 86_400;
        let assessed = 1_780_000_000;
        let now = assessed + 10 * day + 5;
        let vitality =
            |json| serde_json::from_value::<VitalityReport>(json).expect("reads as vitality");
        let dated = vitality(
            serde_json::json!({"lastCommitAt": assessed - 3 * day, "daysSinceLastCommit": 3}),
        );
        assert_eq!(days_since_last_commit(&dated, assessed, now), Some(13));
        // An older report: the days it counted, plus the days since it was made.
        let counted = vitality(serde_json::json!({"daysSinceLastCommit": 3}));
        assert_eq!(days_since_last_commit(&counted, assessed, now), Some(13));
        assert_eq!(
            days_since_last_commit(&vitality(serde_json::json!({})), assessed, now),
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
