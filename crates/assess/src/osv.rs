//! Known vulnerabilities: an OSV export imported by the operator (a directory or ZIP of OSV
//! JSON records, e.g. osv.dev's per-ecosystem `all.zip`), stored under the data directory in
//! one compact JSON file, and matched against locked package versions with the OSV schema's
//! evaluation rules (`affected[].versions` and `ranges` of type SEMVER and ECOSYSTEM; GIT ranges
//! need commits, which lockfiles do not give, so they are counted as not evaluated).

use crate::lockfile::Package;
use crate::version::{Ordering3, compare};
pub use commons_report::{Finding, VulnerabilityReport};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::io::Read;
use std::path::{Path, PathBuf};

/// Largest OSV record read (bytes).
const MAX_RECORD_BYTES: u64 = 16 * 1024 * 1024;
/// Most records imported.
const MAX_RECORDS: usize = 5_000_000;
/// Most bytes of records read from one export, counted as decompressed.
const MAX_EXPORT_BYTES: u64 = 4 * 1024 * 1024 * 1024;
/// Most members of a ZIP archive looked at (osv.dev's largest `all.zip` has about 500,000).
const MAX_ZIP_MEMBERS: usize = 2_000_000;
/// Most bytes a ZIP archive may decompress to per byte of archive: OSV JSON compresses about
/// ten to one, a ZIP bomb a thousand to one.
const MAX_EXPANSION: u64 = 100;
/// Decompressed bytes allowed whatever the archive's size (a tiny export of a few records).
const EXPANSION_ALLOWANCE: u64 = 16 * 1024 * 1024;
/// File name of the store under `<data>/osv/`.
pub const STORE_FILE: &str = "osv-store.json";
/// Version of the store format.
const STORE_FORMAT: u32 = 1;

/// Errors of import and load.
#[derive(Debug, thiserror::Error)]
pub enum OsvError {
    /// Reading a file failed.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The error.
        #[source]
        source: std::io::Error,
    },
    /// The ZIP archive is unreadable.
    #[error("{path}: not a readable ZIP archive: {message}")]
    Zip {
        /// The archive.
        path: PathBuf,
        /// What the reader said.
        message: String,
    },
    /// A record is not valid OSV JSON.
    #[error("{file}:{line}:{column}: not an OSV record: {message}")]
    Record {
        /// File (or archive member).
        file: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What is wrong.
        message: String,
    },
    /// A record is larger than the cap.
    #[error("{file}: {size} bytes, more than the {limit} bytes allowed for one OSV record")]
    TooLarge {
        /// File.
        file: String,
        /// Size.
        size: u64,
        /// Cap.
        limit: u64,
    },
    /// The export is larger than an import may read.
    #[error("{path}: {message}; the export was not imported")]
    TooBig {
        /// The export.
        path: PathBuf,
        /// Which limit, and where it was passed.
        message: String,
    },
    /// The store is missing or of another format.
    #[error("{path}: {message}")]
    Store {
        /// The store file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
}

/// An OSV record, as much of it as matching and display need (lenient: unknown ecosystems are
/// kept as strings, unknown fields ignored).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Record {
    /// OSV id.
    pub id: String,
    /// Other ids (CVE, GHSA...).
    #[serde(default)]
    pub aliases: Vec<String>,
    /// One-line summary.
    #[serde(default)]
    pub summary: Option<String>,
    /// Last modification (RFC 3339).
    #[serde(default)]
    pub modified: Option<String>,
    /// Withdrawal date, when withdrawn.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub withdrawn: Option<String>,
    /// Severity scores.
    #[serde(default)]
    pub severity: Vec<Severity>,
    /// Affected packages.
    #[serde(default)]
    pub affected: Vec<Affected>,
}

/// A severity score.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Severity {
    /// CVSS_V3, CVSS_V4...
    #[serde(rename = "type")]
    pub kind: String,
    /// The vector or score.
    pub score: String,
}

/// One affected package.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Affected {
    /// Package.
    #[serde(default)]
    pub package: Option<PackageId>,
    /// Exact versions.
    #[serde(default)]
    pub versions: Vec<String>,
    /// Ranges.
    #[serde(default)]
    pub ranges: Vec<Range>,
}

/// Ecosystem and name.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct PackageId {
    /// Ecosystem, possibly with a `:suffix`.
    pub ecosystem: String,
    /// Name in the ecosystem.
    pub name: String,
}

/// A range of affected versions.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Range {
    /// SEMVER, ECOSYSTEM or GIT.
    #[serde(rename = "type")]
    pub kind: String,
    /// Events.
    #[serde(default)]
    pub events: Vec<Event>,
}

/// One event; exactly one field is set.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default)]
pub struct Event {
    /// Introduced at.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub introduced: Option<String>,
    /// Fixed at.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fixed: Option<String>,
    /// Last affected (inclusive).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_affected: Option<String>,
    /// Upper limit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<String>,
}

/// The stored export.
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Store {
    /// Store format version.
    pub format: u32,
    /// Newest `modified` of the records: the data's "as of" date.
    pub as_of: Option<String>,
    /// Where it was imported from.
    pub source: String,
    /// The records (withdrawn ones dropped).
    pub records: Vec<Record>,
}

/// What an import did.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ImportSummary {
    /// Records stored.
    pub records: usize,
    /// Withdrawn records skipped.
    pub withdrawn: usize,
    /// Files that were not OSV records (with position).
    pub rejected: Vec<String>,
    /// Newest `modified`.
    pub as_of: Option<String>,
    /// The store written.
    pub store: PathBuf,
}

/// Parses one OSV record (`file` names it in the error).
pub fn parse_record(file: &str, bytes: &[u8]) -> Result<Record, OsvError> {
    serde_json::from_slice(bytes).map_err(|e| OsvError::Record {
        file: file.to_string(),
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    })
}

/// Reads an export (a directory searched recursively for `*.json`, or a ZIP archive) into
/// memory: the store, the number of withdrawn records skipped, and the files rejected (with
/// their position).
pub fn read_export(source: &Path) -> Result<(Store, usize, Vec<String>), OsvError> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| OsvError::Io { path, source }
    };
    let mut records = Vec::new();
    let mut rejected: Vec<String> = Vec::new();
    let mut withdrawn = 0;
    let mut accept =
        |name: &str, bytes: &[u8], rejected: &mut Vec<String>| match parse_record(name, bytes) {
            Ok(r) if r.withdrawn.is_some() => withdrawn += 1,
            Ok(r) if records.len() < MAX_RECORDS => records.push(r),
            Ok(_) => rejected.push(format!("{name}: more than {MAX_RECORDS} records; skipped")),
            Err(e) => rejected.push(e.to_string()),
        };
    let meta = std::fs::metadata(source).map_err(io(source))?;
    if meta.is_dir() {
        let mut total = Budget::new(source, MAX_EXPORT_BYTES);
        let mut stack = vec![source.to_path_buf()];
        while let Some(dir) = stack.pop() {
            let mut entries: Vec<_> = std::fs::read_dir(&dir)
                .map_err(io(&dir))?
                .filter_map(Result::ok)
                .collect();
            entries.sort_by_key(|e| e.file_name());
            for entry in entries {
                let path = entry.path();
                let kind = entry.file_type().map_err(io(&path))?;
                if kind.is_dir() {
                    stack.push(path);
                } else if kind.is_file() && path.extension().is_some_and(|e| e == "json") {
                    let size = entry.metadata().map_err(io(&path))?.len();
                    let name = path.display().to_string();
                    if size > MAX_RECORD_BYTES {
                        rejected.push(
                            OsvError::TooLarge {
                                file: name,
                                size,
                                limit: MAX_RECORD_BYTES,
                            }
                            .to_string(),
                        );
                        continue;
                    }
                    let bytes = std::fs::read(&path).map_err(io(&path))?;
                    total.add(bytes.len() as u64, &name)?;
                    accept(&name, &bytes, &mut rejected);
                }
            }
        }
    } else {
        read_zip(source, &mut accept, &mut rejected)?;
    }

    records.sort_by(|a, b| a.id.cmp(&b.id));
    let as_of = records.iter().filter_map(|r| r.modified.clone()).max();
    let store = Store {
        format: STORE_FORMAT,
        as_of,
        source: source.display().to_string(),
        records,
    };
    Ok((store, withdrawn, rejected))
}

/// Decompressed bytes still allowed to an import.
struct Budget<'a> {
    source: &'a Path,
    used: u64,
    limit: u64,
}

impl<'a> Budget<'a> {
    fn new(source: &'a Path, limit: u64) -> Self {
        Budget {
            source,
            used: 0,
            limit,
        }
    }

    /// Bytes still allowed, plus one: reading that much from a member tells "over" apart.
    fn left_plus_one(&self) -> u64 {
        self.limit.saturating_sub(self.used).saturating_add(1)
    }

    fn add(&mut self, bytes: u64, at: &str) -> Result<(), OsvError> {
        self.used = self.used.saturating_add(bytes);
        if self.used > self.limit {
            return Err(OsvError::TooBig {
                path: self.source.to_path_buf(),
                message: format!(
                    "it decompresses to more than {} bytes (passed at {at})",
                    self.limit
                ),
            });
        }
        Ok(())
    }
}

/// Takes one file's bytes (name, bytes, where rejections go).
type Accept<'a> = dyn FnMut(&str, &[u8], &mut Vec<String>) + 'a;

/// Reads the `.json` members of a ZIP archive, handing each to `accept`. Sizes are measured
/// on the bytes actually decompressed (the archive's headers may lie): each member is capped
/// at [`MAX_RECORD_BYTES`], the whole at [`MAX_EXPORT_BYTES`] and at [`MAX_EXPANSION`] times
/// the archive's size, and at most [`MAX_ZIP_MEMBERS`] members are looked at.
fn read_zip(
    source: &Path,
    accept: &mut Accept<'_>,
    rejected: &mut Vec<String>,
) -> Result<(), OsvError> {
    let zip_err = |e: zip::result::ZipError| OsvError::Zip {
        path: source.to_path_buf(),
        message: e.to_string(),
    };
    let file = std::fs::File::open(source).map_err(|e| OsvError::Io {
        path: source.to_path_buf(),
        source: e,
    })?;
    let archive_bytes = file.metadata().map(|m| m.len()).unwrap_or(0);
    let limit = MAX_EXPORT_BYTES.min(
        archive_bytes
            .saturating_mul(MAX_EXPANSION)
            .saturating_add(EXPANSION_ALLOWANCE),
    );
    let mut total = Budget::new(source, limit);
    let mut archive = zip::ZipArchive::new(file).map_err(zip_err)?;
    if archive.len() > MAX_ZIP_MEMBERS {
        return Err(OsvError::TooBig {
            path: source.to_path_buf(),
            message: format!(
                "{} members, more than the {MAX_ZIP_MEMBERS} an import reads",
                archive.len()
            ),
        });
    }
    for i in 0..archive.len() {
        let mut member = archive.by_index(i).map_err(zip_err)?;
        let member_name = member.name().map_err(zip_err)?.into_owned();
        if !member.is_file() || !member_name.ends_with(".json") {
            continue;
        }
        let name = format!("{}!{member_name}", source.display());
        let cap = (MAX_RECORD_BYTES + 1).min(total.left_plus_one());
        let mut bytes = Vec::new();
        (&mut member)
            .take(cap)
            .read_to_end(&mut bytes)
            .map_err(|e| OsvError::Zip {
                path: source.to_path_buf(),
                message: format!("{member_name}: {e}"),
            })?;
        total.add(bytes.len() as u64, &member_name)?;
        if bytes.len() as u64 > MAX_RECORD_BYTES {
            rejected.push(
                OsvError::TooLarge {
                    file: name,
                    size: bytes.len() as u64,
                    limit: MAX_RECORD_BYTES,
                }
                .to_string(),
            );
            continue;
        }
        accept(&name, &bytes, rejected);
    }
    Ok(())
}

/// Imports an export into `<data_dir>/osv/`, replacing the previous store atomically.
pub fn import(source: &Path, data_dir: &Path) -> Result<ImportSummary, OsvError> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| OsvError::Io { path, source }
    };
    let (store, withdrawn, rejected) = read_export(source)?;
    let as_of = store.as_of.clone();
    let dir = data_dir.join("osv");
    std::fs::create_dir_all(&dir).map_err(io(&dir))?;
    let target = dir.join(STORE_FILE);
    let temp = dir.join(format!("{STORE_FILE}.tmp"));
    let out = std::fs::File::create(&temp).map_err(io(&temp))?;
    let mut writer = std::io::BufWriter::new(out);
    serde_json::to_writer(&mut writer, &store).map_err(|e| OsvError::Io {
        path: temp.clone(),
        source: std::io::Error::other(e),
    })?;
    std::io::Write::flush(&mut writer).map_err(io(&temp))?;
    drop(writer);
    std::fs::rename(&temp, &target).map_err(io(&target))?;
    Ok(ImportSummary {
        records: store.records.len(),
        withdrawn,
        rejected,
        as_of,
        store: target,
    })
}

/// A loaded store, indexed by (ecosystem, normalised name).
pub struct Database {
    store: Store,
    index: HashMap<(String, String), Vec<(usize, usize)>>,
}

/// Normalises a package name for comparison (PEP 503 for PyPI; exact elsewhere).
pub fn normalise_name(ecosystem: &str, name: &str) -> String {
    if ecosystem == "PyPI" {
        let mut out = String::with_capacity(name.len());
        let mut last_sep = false;
        for ch in name.chars() {
            if matches!(ch, '-' | '_' | '.') {
                if !last_sep {
                    out.push('-');
                }
                last_sep = true;
            } else {
                out.extend(ch.to_lowercase());
                last_sep = false;
            }
        }
        out
    } else {
        name.to_string()
    }
}

fn base_ecosystem(ecosystem: &str) -> &str {
    ecosystem.split(':').next().unwrap_or(ecosystem)
}

impl Database {
    /// Loads the store from `<data_dir>/osv/`.
    pub fn load(data_dir: &Path) -> Result<Self, OsvError> {
        let path = data_dir.join("osv").join(STORE_FILE);
        let file = std::fs::File::open(&path).map_err(|source| OsvError::Io {
            path: path.clone(),
            source,
        })?;
        let store: Store = serde_json::from_reader(std::io::BufReader::new(file)).map_err(|e| {
            OsvError::Store {
                path: path.clone(),
                message: format!("unreadable store ({e}); import the export again"),
            }
        })?;
        if store.format != STORE_FORMAT {
            return Err(OsvError::Store {
                path,
                message: format!(
                    "store format {} is not {STORE_FORMAT}; import again",
                    store.format
                ),
            });
        }
        Ok(Self::from_store(store))
    }

    /// Indexes records held in memory.
    pub fn from_store(store: Store) -> Self {
        let mut index: HashMap<(String, String), Vec<(usize, usize)>> = HashMap::new();
        for (ri, record) in store.records.iter().enumerate() {
            for (ai, affected) in record.affected.iter().enumerate() {
                if let Some(p) = &affected.package {
                    let eco = base_ecosystem(&p.ecosystem).to_string();
                    let name = normalise_name(&eco, &p.name);
                    index.entry((eco, name)).or_default().push((ri, ai));
                }
            }
        }
        Database { store, index }
    }

    /// The data's "as of" date.
    pub fn as_of(&self) -> Option<&str> {
        self.store.as_of.as_deref()
    }

    /// Number of records.
    pub fn len(&self) -> usize {
        self.store.records.len()
    }

    /// True when there is no record.
    pub fn is_empty(&self) -> bool {
        self.store.records.is_empty()
    }

    /// The records affecting `package` (each once), and whether some range could not be
    /// evaluated.
    pub fn matches(&self, package: &Package) -> (Vec<&Record>, bool) {
        let key = (
            package.ecosystem.to_string(),
            normalise_name(package.ecosystem, &package.name),
        );
        let mut found: BTreeMap<usize, &Record> = BTreeMap::new();
        let mut unevaluated = false;
        for &(ri, ai) in self.index.get(&key).map(Vec::as_slice).unwrap_or(&[]) {
            let record = &self.store.records[ri];
            let affected = &record.affected[ai];
            match is_affected(package.ecosystem, &package.version, affected) {
                Some(true) => {
                    found.insert(ri, record);
                }
                Some(false) => {}
                None => unevaluated = true,
            }
        }
        (found.into_values().collect(), unevaluated)
    }
}

/// OSV's evaluation: listed in `versions`, or inside any SEMVER/ECOSYSTEM range.
/// `None` when only GIT ranges (or unparseable versions) could have said yes.
pub fn is_affected(ecosystem: &str, version: &str, affected: &Affected) -> Option<bool> {
    let normalised = version.trim_start_matches('v');
    if affected
        .versions
        .iter()
        .any(|v| v == version || v.trim_start_matches('v') == normalised)
    {
        return Some(true);
    }
    let mut unknown = false;
    for range in &affected.ranges {
        let order = match range.kind.as_str() {
            "SEMVER" => "SEMVER",
            "ECOSYSTEM" => ecosystem,
            _ => {
                unknown = true;
                continue;
            }
        };
        match in_range(order, version, &range.events) {
            Some(true) => return Some(true),
            Some(false) => {}
            None => unknown = true,
        }
    }
    if unknown { None } else { Some(false) }
}

fn in_range(order: &str, version: &str, events: &[Event]) -> Option<bool> {
    let cmp = |a: &str, b: &str| compare(order, a, b);
    // BeforeLimits: no limit, or version below some limit.
    let limits: Vec<&str> = events.iter().filter_map(|e| e.limit.as_deref()).collect();
    if !limits.is_empty() {
        let mut below = false;
        for l in &limits {
            if *l == "*" || cmp(version, l)? == Ordering3::Less {
                below = true;
            }
        }
        if !below {
            return Some(false);
        }
    }
    // Sort events by their version ("0" first), then walk.
    let mut sorted: Vec<(&str, &Event)> = events
        .iter()
        .filter_map(|e| {
            let v = e
                .introduced
                .as_deref()
                .or(e.fixed.as_deref())
                .or(e.last_affected.as_deref())?;
            Some((v, e))
        })
        .collect();
    let mut failed = false;
    sorted.sort_by(|a, b| {
        if a.0 == "0" {
            return std::cmp::Ordering::Less;
        }
        if b.0 == "0" {
            return std::cmp::Ordering::Greater;
        }
        match cmp(a.0, b.0) {
            Some(Ordering3::Less) => std::cmp::Ordering::Less,
            Some(Ordering3::Greater) => std::cmp::Ordering::Greater,
            Some(Ordering3::Equal) => std::cmp::Ordering::Equal,
            None => {
                failed = true;
                std::cmp::Ordering::Equal
            }
        }
    });
    if failed {
        return None;
    }
    let mut vulnerable = false;
    for (v, e) in sorted {
        if e.introduced.is_some() {
            if v == "0" || cmp(version, v)? != Ordering3::Less {
                vulnerable = true;
            }
        } else if e.fixed.is_some() {
            if cmp(version, v)? != Ordering3::Less {
                vulnerable = false;
            }
        } else if e.last_affected.is_some() && cmp(version, v)? == Ordering3::Greater {
            vulnerable = false;
        }
    }
    Some(vulnerable)
}

/// Matches every package against the database.
pub fn report(
    db: Option<&Database>,
    lockfiles: Vec<crate::lockfile::LockfileSummary>,
    packages: &[Package],
) -> VulnerabilityReport {
    let mut findings = Vec::new();
    let mut not_evaluated = 0;
    if let Some(db) = db {
        for p in packages {
            let (records, unevaluated) = db.matches(p);
            if unevaluated {
                not_evaluated += 1;
            }
            for r in records {
                findings.push(Finding {
                    id: r.id.clone(),
                    aliases: r.aliases.clone(),
                    summary: r.summary.clone(),
                    severity: r
                        .severity
                        .iter()
                        .map(|s| format!("{}: {}", s.kind, s.score))
                        .collect(),
                    ecosystem: p.ecosystem.to_string(),
                    package: p.name.clone(),
                    version: p.version.clone(),
                    file: p.file.clone(),
                    fixed_in: r
                        .affected
                        .iter()
                        .flat_map(|a| a.ranges.iter())
                        .flat_map(|r| r.events.iter())
                        .filter_map(|e| e.fixed.clone())
                        .collect::<BTreeSet<_>>()
                        .into_iter()
                        .collect(),
                });
            }
        }
    }
    VulnerabilityReport {
        database_available: db.is_some(),
        database_as_of: db.and_then(|d| d.as_of().map(str::to_string)),
        lockfiles,
        packages: packages.len(),
        distinct: distinct(&findings),
        findings,
        not_evaluated,
    }
}

/// Counts findings as one per group of ids linked by aliases (union-find over ids).
fn distinct(findings: &[Finding]) -> usize {
    let mut parent: HashMap<&str, &str> = HashMap::new();
    fn root<'a>(parent: &mut HashMap<&'a str, &'a str>, x: &'a str) -> &'a str {
        let mut r = x;
        while let Some(&p) = parent.get(r) {
            if p == r {
                break;
            }
            r = p;
        }
        parent.insert(x, r);
        r
    }
    for f in findings {
        parent.entry(&f.id).or_insert(&f.id);
        for a in &f.aliases {
            parent.entry(a).or_insert(a);
            let (ra, rb) = (root(&mut parent, &f.id), root(&mut parent, a));
            if ra != rb {
                parent.insert(ra, rb);
            }
        }
    }
    let roots: BTreeSet<&str> = findings.iter().map(|f| root(&mut parent, &f.id)).collect();
    roots.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(introduced: Option<&str>, fixed: Option<&str>, last: Option<&str>) -> Event {
        Event {
            introduced: introduced.map(str::to_string),
            fixed: fixed.map(str::to_string),
            last_affected: last.map(str::to_string),
            limit: None,
        }
    }

    #[test]
    fn semver_range_with_fixed_and_reintroduced() {
        let events = vec![
            ev(Some("0"), None, None),
            ev(None, Some("1.2.0"), None),
            ev(Some("2.0.0"), None, None),
            ev(None, Some("2.0.3"), None),
        ];
        assert_eq!(in_range("SEMVER", "1.1.9", &events), Some(true));
        assert_eq!(in_range("SEMVER", "1.2.0", &events), Some(false));
        assert_eq!(in_range("SEMVER", "2.0.1", &events), Some(true));
        assert_eq!(in_range("SEMVER", "3.0.0", &events), Some(false));
    }

    #[test]
    fn last_affected_is_inclusive() {
        let events = vec![ev(Some("1.0"), None, None), ev(None, None, Some("1.4"))];
        assert_eq!(in_range("PyPI", "1.4", &events), Some(true));
        assert_eq!(in_range("PyPI", "1.4.post1", &events), Some(false));
        assert_eq!(in_range("PyPI", "0.9", &events), Some(false));
    }

    #[test]
    fn aliases_group_findings() {
        let f = |id: &str, aliases: &[&str]| Finding {
            id: id.into(),
            aliases: aliases.iter().map(|s| s.to_string()).collect(),
            summary: None,
            severity: vec![],
            ecosystem: "npm".into(),
            package: "x".into(),
            version: "1".into(),
            file: "f".into(),
            fixed_in: vec![],
        };
        assert_eq!(
            distinct(&[f("GHSA-1", &["CVE-1"]), f("CVE-1", &[]), f("GHSA-2", &[])]),
            2
        );
    }

    #[test]
    fn pypi_names_are_normalised() {
        assert_eq!(
            normalise_name("PyPI", "Django_Rest.Framework"),
            "django-rest-framework"
        );
        assert_eq!(normalise_name("npm", "React"), "React");
    }
}
