//! The project's own statement of its license: package manifests, a README or COPYING
//! sentence, and the license notices of its source files.
//!
//! Two license files (LICENSE-MIT and LICENSE-APACHE) say which texts apply, not whether a
//! reuser may pick one (OR) or must follow both (AND): only the project says that, in its
//! package manifest, in a sentence such as "dual-licensed under the MIT license or the Apache
//! License 2.0", or in its files' notices. This module reads those statements;
//! [`super::assess`] decides which one the report uses.
//!
//! Every file is read capped ([`MAX_MANIFEST_BYTES`], [`MAX_README_BYTES`]) and parsed with a
//! maintained parser: `toml` (which has its own recursion limit) for Cargo.toml and
//! pyproject.toml, `serde_json` after [`crate::bounds::check_json`] for package.json and
//! composer.json, [`crate::pom`] (quick-xml, no DTD, no declared entities) for pom.xml. setup.cfg
//! and gemspecs are scanned line by line: the first is INI, the second Ruby, and only one
//! assignment is read from each.

pub use commons_report::ProjectDeclaration;

/// Largest manifest read (the license files' cap: real manifests are a few KiB, large
/// pom.xml files about 100 KiB).
pub const MAX_MANIFEST_BYTES: u64 = 512 * 1024;
/// Bytes read from the start of a README (its license section is usually at the end, so this
/// is generous; it only bounds the scan).
pub const MAX_README_BYTES: usize = 256 * 1024;
/// Most characters of a statement kept as written.
const MAX_AS_WRITTEN: usize = 200;

/// Why a manifest could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ManifestError {
    /// Invalid TOML.
    #[error("invalid TOML: {0}")]
    Toml(String),
    /// Invalid JSON.
    #[error("{line}:{column}: invalid JSON: {message}")]
    Json {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What the parser said.
        message: String,
    },
    /// Refused before parsing (nesting).
    #[error("skipped: {0}")]
    Refused(#[from] crate::bounds::Refusal),
    /// Invalid XML.
    #[error(transparent)]
    Pom(#[from] crate::pom::PomError),
}

impl ManifestError {
    /// The error of manifest `file` as a sentence of the method's messages; a parser's own
    /// words stay as written, in `detail`.
    pub fn said(&self, file: &str) -> commons_report::Said {
        use crate::say::say;
        match self {
            ManifestError::Toml(message) => say(
                "error-invalid-toml",
                &[("file", file.into()), ("detail", message.as_str().into())],
            ),
            ManifestError::Json {
                line,
                column,
                message,
            } => crate::say::invalid_json(file, *line, *column, message),
            ManifestError::Refused(refusal) => refusal.said(file),
            ManifestError::Pom(pom) => pom.said(file),
        }
    }
}

/// True for a top-level file name this module reads as a manifest.
pub fn is_manifest(name: &str) -> bool {
    matches!(
        name,
        "Cargo.toml"
            | "package.json"
            | "pyproject.toml"
            | "setup.cfg"
            | "composer.json"
            | "pom.xml"
    ) || (name.ends_with(".gemspec") && name.len() > ".gemspec".len())
}

/// The order in which manifests are believed when several declare (the first declaring wins).
pub fn manifest_rank(name: &str) -> u8 {
    match name {
        "Cargo.toml" => 0,
        "package.json" => 1,
        "pyproject.toml" => 2,
        "setup.cfg" => 3,
        "composer.json" => 4,
        n if n.ends_with(".gemspec") => 5,
        _ => 6,
    }
}

/// Reads the license statements of a manifest named `name` (a file name, no directory).
/// `Ok(vec![])` when the manifest declares nothing.
pub fn read_manifest(name: &str, text: &str) -> Result<Vec<ProjectDeclaration>, ManifestError> {
    let found = match name {
        "Cargo.toml" => cargo_toml(text)?,
        "package.json" => package_json(text)?,
        "pyproject.toml" => pyproject_toml(text)?,
        "setup.cfg" => setup_cfg(text),
        "composer.json" => composer_json(text)?,
        "pom.xml" => pom_xml(text)?,
        n if n.ends_with(".gemspec") => gemspec(text),
        _ => Vec::new(),
    };
    Ok(found
        .into_iter()
        .map(|mut d| {
            d.file = name.to_string();
            d
        })
        .collect())
}

fn cut(s: &str) -> String {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    match s.char_indices().nth(MAX_AS_WRITTEN) {
        Some((at, _)) => format!("{}…", &s[..at]),
        None => s,
    }
}

fn declaration(field: &str, as_written: &str) -> ProjectDeclaration {
    let mut d = ProjectDeclaration {
        file: String::new(),
        field: field.to_string(),
        as_written: cut(as_written),
        expression: None,
        license_file: None,
        problem: None,
    };
    match canonical(as_written) {
        Ok(e) => d.expression = Some(e),
        Err(p) => d.problem = Some(p),
    }
    d
}

fn pointer(field: &str, file: &str) -> ProjectDeclaration {
    ProjectDeclaration {
        file: String::new(),
        field: field.to_string(),
        as_written: cut(file),
        expression: None,
        license_file: Some(file.trim().trim_start_matches("./").to_string()),
        problem: None,
    }
}

fn problem(field: &str, as_written: &str, why: String) -> ProjectDeclaration {
    ProjectDeclaration {
        file: String::new(),
        field: field.to_string(),
        as_written: cut(as_written),
        expression: None,
        license_file: None,
        problem: Some(why),
    }
}

/// An SPDX expression in its canonical form: `MIT/Apache-2.0` → `MIT OR Apache-2.0`, lower-case
/// operators, `GPL-2.0+` → `GPL-2.0-or-later`, imprecise names (`Apache 2.0`) → their ids, as
/// `spdx::Expression::canonicalize` does; then checked strictly.
pub fn canonical(written: &str) -> Result<String, String> {
    let written = written.trim();
    let written = written
        .strip_prefix('(')
        .and_then(|w| w.strip_suffix(')'))
        .filter(|w| !w.contains(['(', ')']))
        .unwrap_or(written);
    if written.is_empty() {
        return Err("empty".to_string());
    }
    if written.len() > 1_000 {
        return Err("longer than an SPDX expression".to_string());
    }
    let fixed = match spdx::Expression::canonicalize(written) {
        Ok(Some(fixed)) => fixed,
        Ok(None) => written.to_string(),
        Err(e) => return Err(format!("not an SPDX expression ({})", e.reason)),
    };
    spdx::Expression::parse(&fixed)
        .map(|_| fixed.clone())
        .map_err(|e| format!("not an SPDX expression ({})", e.reason))
}

fn toml_table(text: &str) -> Result<toml::Table, ManifestError> {
    text.parse::<toml::Table>()
        .map_err(|e| ManifestError::Toml(e.message().to_string()))
}

/// Cargo.toml: `package.license` (or `license.workspace = true` and `workspace.package.license`),
/// `package.license-file`; a virtual workspace's `workspace.package.license`, which its members
/// inherit.
fn cargo_toml(text: &str) -> Result<Vec<ProjectDeclaration>, ManifestError> {
    let doc = toml_table(text)?;
    let package = doc.get("package").and_then(|p| p.as_table());
    let workspace_license = doc
        .get("workspace")
        .and_then(|w| w.get("package"))
        .and_then(|p| p.get("license"))
        .and_then(|l| l.as_str());
    let mut out = Vec::new();
    if let Some(package) = package {
        match package.get("license") {
            Some(toml::Value::String(s)) => out.push(declaration("package.license", s)),
            Some(toml::Value::Table(t))
                if t.get("workspace").and_then(|w| w.as_bool()) == Some(true) =>
            {
                if let Some(s) = workspace_license {
                    out.push(declaration("workspace.package.license", s));
                }
            }
            _ => {}
        }
        if out.is_empty()
            && let Some(file) = package.get("license-file").and_then(|f| f.as_str())
        {
            out.push(pointer("package.license-file", file));
        }
    } else if let Some(s) = workspace_license {
        out.push(declaration("workspace.package.license", s));
    }
    Ok(out)
}

fn json(text: &str) -> Result<serde_json::Value, ManifestError> {
    crate::bounds::check_json(text)?;
    serde_json::from_str(text).map_err(|e| ManifestError::Json {
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    })
}

/// The license names of a JSON list, each a string or a legacy `{"type": ...}` object.
fn json_names(list: &[serde_json::Value]) -> Vec<String> {
    list.iter()
        .filter_map(|v| {
            v.as_str()
                .or_else(|| v.get("type").and_then(|t| t.as_str()))
                .map(|s| s.trim().to_string())
        })
        .filter(|s| !s.is_empty())
        .take(20)
        .collect()
}

/// Several names a manifest lists as a choice (`OR`), each made an SPDX id first.
fn choice(field: &str, names: &[String]) -> ProjectDeclaration {
    let as_written = names.join(", ");
    let mut ids = Vec::new();
    for name in names {
        match canonical(name) {
            Ok(e) if e.contains(' ') => ids.push(format!("({e})")),
            Ok(e) => ids.push(e),
            Err(p) => return problem(field, &as_written, format!("{name}: {p}")),
        }
    }
    let mut d = declaration(field, &ids.join(" OR "));
    d.as_written = cut(&as_written);
    d
}

/// package.json: `license` (an SPDX expression, `UNLICENSED`, `SEE LICENSE IN <file>`, or the
/// legacy `{"type": ...}`), or the deprecated `licenses` list, read as an OR of its entries as
/// npm's own SBOM output reads it (npm/cli pull request 9010).
fn package_json(text: &str) -> Result<Vec<ProjectDeclaration>, ManifestError> {
    let doc = json(text)?;
    let mut out = Vec::new();
    match doc.get("license") {
        Some(serde_json::Value::String(s)) => {
            let t = s.trim();
            if t.eq_ignore_ascii_case("UNLICENSED") {
                out.push(problem(
                    "license",
                    s,
                    "UNLICENSED: npm's word for \"no license is granted\"".to_string(),
                ));
            } else if let Some(file) = t.strip_prefix("SEE LICENSE IN ") {
                out.push(pointer("license", file));
            } else {
                out.push(declaration("license", s));
            }
        }
        Some(obj @ serde_json::Value::Object(_)) => {
            if let Some(t) = obj.get("type").and_then(|t| t.as_str()) {
                out.push(declaration("license.type", t));
            }
        }
        _ => {}
    }
    if out.is_empty()
        && let Some(list) = doc.get("licenses").and_then(|l| l.as_array())
    {
        let names = json_names(list);
        if !names.is_empty() {
            out.push(choice("licenses", &names));
        }
    }
    Ok(out)
}

/// pyproject.toml: `project.license` as a PEP 639 SPDX expression, or the older table with
/// `text` (read as an expression when it is one) or `file`; Poetry's `tool.poetry.license`.
fn pyproject_toml(text: &str) -> Result<Vec<ProjectDeclaration>, ManifestError> {
    let doc = toml_table(text)?;
    let mut out = Vec::new();
    match doc.get("project").and_then(|p| p.get("license")) {
        Some(toml::Value::String(s)) => out.push(declaration("project.license", s)),
        Some(toml::Value::Table(t)) => {
            if let Some(s) = t.get("text").and_then(|v| v.as_str()) {
                out.push(declaration("project.license.text", s));
            } else if let Some(f) = t.get("file").and_then(|v| v.as_str()) {
                out.push(pointer("project.license.file", f));
            }
        }
        _ => {}
    }
    if out.is_empty()
        && let Some(s) = doc
            .get("tool")
            .and_then(|t| t.get("poetry"))
            .and_then(|p| p.get("license"))
            .and_then(|l| l.as_str())
    {
        out.push(declaration("tool.poetry.license", s));
    }
    Ok(out)
}

/// setup.cfg: `license` in the `[metadata]` section (INI, as setuptools reads it).
fn setup_cfg(text: &str) -> Vec<ProjectDeclaration> {
    let mut section = String::new();
    for line in text.lines() {
        let trimmed = line.trim();
        if trimmed.starts_with('[') && trimmed.ends_with(']') {
            section = trimmed[1..trimmed.len() - 1].trim().to_ascii_lowercase();
            continue;
        }
        if section != "metadata" || line.starts_with([' ', '\t']) {
            continue;
        }
        let Some((key, value)) = trimmed.split_once(['=', ':']) else {
            continue;
        };
        if key.trim().eq_ignore_ascii_case("license") && !value.trim().is_empty() {
            return vec![declaration("metadata.license", value.trim())];
        }
    }
    Vec::new()
}

/// composer.json: `license` as a string, or a list, which Composer's documentation defines as
/// a choice ("disjunctive license").
fn composer_json(text: &str) -> Result<Vec<ProjectDeclaration>, ManifestError> {
    let doc = json(text)?;
    Ok(match doc.get("license") {
        Some(serde_json::Value::String(s)) if s.trim() == "proprietary" => vec![problem(
            "license",
            s,
            "proprietary: Composer's word for a closed license".to_string(),
        )],
        Some(serde_json::Value::String(s)) => vec![declaration("license", s)],
        Some(serde_json::Value::Array(list)) => {
            let names = json_names(list);
            if names.is_empty() {
                Vec::new()
            } else {
                vec![choice("license", &names)]
            }
        }
        _ => Vec::new(),
    })
}

/// pom.xml: the names (or, failing a name, the URLs) of `project/licenses/license`; several
/// are a choice, as the POM reference says ("it is assumed that the user can select any of
/// them, not that they must accept all").
fn pom_xml(text: &str) -> Result<Vec<ProjectDeclaration>, ManifestError> {
    let pom = crate::pom::read(text)?;
    let mut ids = Vec::new();
    let mut written = Vec::new();
    for l in pom
        .licenses
        .iter()
        .filter(|l| !(l.name.is_empty() && l.url.is_empty()))
        .take(20)
    {
        let shown = if l.name.is_empty() { &l.url } else { &l.name };
        written.push(shown.clone());
        match name_to_id(&l.name).or_else(|| url_to_id(&l.url)) {
            Some(id) => ids.push(id.to_string()),
            None => {
                return Ok(vec![problem(
                    "licenses/license/name",
                    &written.join(", "),
                    format!("{shown}: not a license name Commons knows"),
                )]);
            }
        }
    }
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    ids.dedup();
    let mut d = declaration("licenses/license/name", &ids.join(" OR "));
    d.as_written = cut(&written.join(", "));
    Ok(vec![d])
}

/// Common license names (lower case, spaces collapsed) as projects write them in pom.xml
/// files and prose, with their SPDX ids.
const NAMES: &[(&str, &str)] = &[
    ("the apache software license, version 2.0", "Apache-2.0"),
    ("the apache license, version 2.0", "Apache-2.0"),
    ("apache license, version 2.0", "Apache-2.0"),
    ("apache license version 2.0", "Apache-2.0"),
    ("apache license 2.0", "Apache-2.0"),
    ("apache software license - version 2.0", "Apache-2.0"),
    ("apache 2.0", "Apache-2.0"),
    ("apache-2.0", "Apache-2.0"),
    ("apache 2", "Apache-2.0"),
    ("asl 2.0", "Apache-2.0"),
    ("the mit license", "MIT"),
    ("mit license", "MIT"),
    ("mit", "MIT"),
    ("the unlicense", "Unlicense"),
    ("unlicense", "Unlicense"),
    ("bsd 3-clause license", "BSD-3-Clause"),
    ("the bsd 3-clause license", "BSD-3-Clause"),
    ("bsd-3-clause", "BSD-3-Clause"),
    ("new bsd license", "BSD-3-Clause"),
    ("revised bsd license", "BSD-3-Clause"),
    ("bsd 2-clause license", "BSD-2-Clause"),
    ("bsd-2-clause", "BSD-2-Clause"),
    ("simplified bsd license", "BSD-2-Clause"),
    ("eclipse public license - v 2.0", "EPL-2.0"),
    ("eclipse public license v2.0", "EPL-2.0"),
    ("eclipse public license 2.0", "EPL-2.0"),
    ("eclipse public license - v 1.0", "EPL-1.0"),
    ("eclipse public license 1.0", "EPL-1.0"),
    ("mozilla public license 2.0", "MPL-2.0"),
    ("mozilla public license, version 2.0", "MPL-2.0"),
    ("european union public licence 1.2", "EUPL-1.2"),
    ("european union public license 1.2", "EUPL-1.2"),
    ("eupl-1.2", "EUPL-1.2"),
    ("eupl 1.2", "EUPL-1.2"),
    ("boost software license 1.0", "BSL-1.0"),
    ("boost software license", "BSL-1.0"),
    ("zlib license", "Zlib"),
    ("isc license", "ISC"),
    ("cc0", "CC0-1.0"),
    ("gnu affero general public license v3.0", "AGPL-3.0-only"),
    ("gnu general public license v3.0", "GPL-3.0-only"),
    ("gnu general public license v2.0", "GPL-2.0-only"),
    ("gnu lesser general public license v2.1", "LGPL-2.1-only"),
    ("gnu lesser general public license v3.0", "LGPL-3.0-only"),
];

fn normalise(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_ascii_lowercase()
}

/// A license's name as a pom or a prose sentence writes it, to its SPDX id: the table above,
/// then an exact SPDX id.
fn name_to_id(name: &str) -> Option<&'static str> {
    let n = normalise(name);
    if n.is_empty() {
        return None;
    }
    if let Some((_, id)) = NAMES.iter().find(|(k, _)| *k == n) {
        return Some(id);
    }
    spdx::license_id(name.trim()).map(|l| l.name)
}

/// License URLs projects put in pom.xml, to SPDX ids (scheme, `www.` and the extension aside).
fn url_to_id(url: &str) -> Option<&'static str> {
    let u = url.trim().to_ascii_lowercase();
    let u = u
        .trim_start_matches("https://")
        .trim_start_matches("http://")
        .trim_start_matches("www.")
        .trim_end_matches('/');
    let u = u
        .strip_suffix(".txt")
        .or_else(|| u.strip_suffix(".html"))
        .or_else(|| u.strip_suffix(".php"))
        .unwrap_or(u);
    Some(match u {
        "apache.org/licenses/license-2.0" => "Apache-2.0",
        "opensource.org/licenses/mit" | "opensource.org/licenses/mit-license" => "MIT",
        "eclipse.org/legal/epl-2.0" | "eclipse.org/legal/epl-v20" => "EPL-2.0",
        "eclipse.org/legal/epl-v10" => "EPL-1.0",
        "mozilla.org/mpl/2.0" => "MPL-2.0",
        "opensource.org/licenses/bsd-3-clause" => "BSD-3-Clause",
        "opensource.org/licenses/bsd-2-clause" => "BSD-2-Clause",
        "gnu.org/licenses/agpl-3.0" => "AGPL-3.0-only",
        "gnu.org/licenses/gpl-3.0" => "GPL-3.0-only",
        "gnu.org/licenses/lgpl-3.0" => "LGPL-3.0-only",
        "gnu.org/licenses/old-licenses/lgpl-2.1" => "LGPL-2.1-only",
        "gnu.org/licenses/old-licenses/gpl-2.0" => "GPL-2.0-only",
        _ => return None,
    })
}

/// A gemspec's `spec.license = "..."` or `spec.licenses = [...]` / `%w[...]`. RubyGems does not
/// say how a list of several licenses combines, so a list of several states no expression.
fn gemspec(text: &str) -> Vec<ProjectDeclaration> {
    for line in text.lines() {
        let line = line.trim();
        if line.starts_with('#') {
            continue;
        }
        let Some(dot) = line.find(".license") else {
            continue;
        };
        let rest = &line[dot + ".license".len()..];
        let (plural, rest) = match rest.strip_prefix('s') {
            Some(r) => (true, r),
            None => (false, rest),
        };
        let Some(value) = rest.trim_start().strip_prefix('=') else {
            continue;
        };
        let names = ruby_strings(value.trim());
        let field = if plural { "licenses" } else { "license" };
        return match names.as_slice() {
            [] => Vec::new(),
            [one] => vec![declaration(field, one)],
            several => vec![problem(
                field,
                &several.join(", "),
                "several licenses listed; RubyGems does not say whether they combine by OR or AND"
                    .to_string(),
            )],
        };
    }
    Vec::new()
}

/// The string literals of a Ruby value: `"MIT"`, `'MIT'`, `["MIT", 'Apache-2.0']`, `%w[MIT X]`.
fn ruby_strings(value: &str) -> Vec<String> {
    if let Some(words) = value
        .strip_prefix("%w[")
        .or_else(|| value.strip_prefix("%w("))
        .or_else(|| value.strip_prefix("%w{"))
    {
        let end = words.find([']', ')', '}']).unwrap_or(words.len());
        return words[..end]
            .split_whitespace()
            .take(20)
            .map(str::to_string)
            .collect();
    }
    let mut out = Vec::new();
    let mut chars = value.char_indices();
    while let Some((i, c)) = chars.next() {
        if c == '#' {
            break;
        }
        if c == '"' || c == '\'' {
            let start = i + 1;
            let Some((end, _)) = chars.by_ref().find(|&(_, d)| d == c) else {
                break;
            };
            out.push(value[start..end].to_string());
            if out.len() >= 20 {
                break;
            }
        }
    }
    out
}

/// Words that make a sentence a statement of choice between licenses.
const CHOICE_MARKERS: &[&str] = &[
    "dual-licensed",
    "dual licensed",
    "either of",
    "at your option",
    "at your choice",
    "either license",
    "your choice of",
];

/// Finds the license names a sentence mentions, in order, each once.
fn names_in(sentence: &str) -> Vec<&'static str> {
    let lower = sentence.to_ascii_lowercase();
    let mut found: Vec<(usize, &'static str)> = Vec::new();
    // Longest names first, so that "apache license, version 2.0" is not also "apache 2".
    let mut names: Vec<&(&str, &str)> = NAMES.iter().collect();
    names.sort_by_key(|(k, _)| std::cmp::Reverse(k.len()));
    let mut taken = vec![false; lower.len()];
    for (name, id) in names {
        let mut from = 0;
        while let Some(pos) = lower[from..].find(name) {
            let start = from + pos;
            let end = start + name.len();
            from = end;
            let bounded = lower[..start]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_ascii_alphanumeric() && c != '-' && c != '/')
                && lower[end..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_ascii_alphanumeric() && c != '-');
            if bounded && !taken[start..end].iter().any(|t| *t) {
                taken[start..end].iter_mut().for_each(|t| *t = true);
                found.push((start, id));
            }
        }
    }
    found.sort();
    let mut ids = Vec::new();
    for (_, id) in found {
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    ids
}

/// Markup out of prose: HTML tags, Markdown links' targets, emphasis; whitespace collapsed.
fn plain(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_tag = false;
    let mut in_target = 0usize;
    let mut previous = ' ';
    for c in text.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if in_tag => {}
            '(' if previous == ']' => in_target = 1,
            '(' if in_target > 0 => in_target += 1,
            ')' if in_target > 0 => in_target -= 1,
            _ if in_target > 0 => {}
            '[' | ']' | '*' | '_' | '`' => {}
            c => out.push(c),
        }
        previous = c;
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Sentences: each ends at `.`, `!`, `?` or `;` followed by a space or the end (the period of
/// "2.0" or of a URL is not an end).
fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if matches!(c, '.' | '!' | '?' | ';')
            && chars.peek().is_none_or(|(_, next)| next.is_whitespace())
        {
            out.push(&text[start..i + 1]);
            start = i + 1;
        }
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

/// A sentence of prose (a README, a COPYING file that is not a license text) that states a
/// choice between licenses, such as "dual-licensed under the Unlicense and MIT licenses" or
/// "Licensed under either of Apache License, Version 2.0 or MIT license at your option": the
/// licenses it names, joined by OR. A sentence of a GNU notice ("or (at your option) any later
/// version") is not a choice between licenses.
pub fn choice_sentence(text: &str) -> Option<ProjectDeclaration> {
    let plain = plain(text);
    for sentence in sentences(&plain) {
        let lower = sentence.to_ascii_lowercase();
        if !CHOICE_MARKERS.iter().any(|m| lower.contains(m)) || lower.contains("later version") {
            continue;
        }
        let ids = names_in(sentence);
        if ids.len() >= 2 {
            let mut d = declaration("sentence", &ids.join(" OR "));
            d.as_written = cut(sentence.trim());
            return Some(d);
        }
    }
    None
}

/// A GNU license notice in a source file's header ("This program is free software: you can
/// redistribute it and/or modify it under the terms of the GNU Affero General Public License as
/// published by the Free Software Foundation, either version 3 of the License, or (at your
/// option) any later version."), as the SPDX id it stands for.
pub fn gnu_notice(header: &str) -> Option<&'static str> {
    // The notice runs over comment lines: drop each line's comment marker and join them.
    let joined: String = header
        .lines()
        .map(|l| {
            l.trim()
                .trim_start_matches(['#', '/', '*', '-', ';', '!', '%'])
                .trim()
        })
        .collect::<Vec<_>>()
        .join(" ")
        .to_ascii_lowercase();
    let text = joined.split_whitespace().collect::<Vec<_>>().join(" ");
    let (family, at) = [
        ("AGPL", "gnu affero general public license"),
        ("LGPL", "gnu lesser general public license"),
        ("LGPL", "gnu library general public license"),
        ("GPL", "gnu general public license"),
    ]
    .iter()
    .find_map(|(f, phrase)| text.find(phrase).map(|i| (*f, i)))?;
    let rest = &text[at..];
    // The notice's sentence: up to the first full stop after the license's name.
    let sentence = &rest[..rest.find(". ").map_or(rest.len(), |i| i + 1)];
    let version = ["2.1", "3", "2"]
        .into_iter()
        .find(|v| mentions_version(sentence, v))?;
    let version = match version {
        "3" => "3.0",
        "2" => "2.0",
        v => v,
    };
    let later = sentence.contains("any later version");
    let id = format!(
        "{family}-{version}-{}",
        if later { "or-later" } else { "only" }
    );
    spdx::license_id(&id).map(|l| l.name)
}

/// True when `sentence` says "version {v}" and the number ends there ("version 2" is not
/// "version 2.1").
fn mentions_version(sentence: &str, v: &str) -> bool {
    let needle = format!("version {v}");
    sentence.match_indices(&needle).any(|(i, _)| {
        let after = &sentence[i + needle.len()..];
        let mut rest = after.chars();
        match rest.next() {
            None => true,
            Some('.') => !rest.next().is_some_and(|c| c.is_ascii_digit()),
            Some(c) => !c.is_ascii_alphanumeric(),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn expressions(name: &str, text: &str) -> Vec<Option<String>> {
        read_manifest(name, text)
            .unwrap()
            .into_iter()
            .map(|d| d.expression)
            .collect()
    }

    #[test]
    fn cargo_toml_forms() {
        assert_eq!(
            expressions(
                "Cargo.toml",
                "[package]\nname = \"a\"\nlicense = \"MIT/Apache-2.0\"\n"
            ),
            vec![Some("MIT OR Apache-2.0".to_string())]
        );
        let inherited = "[workspace.package]\nlicense = \"Apache-2.0\"\n[package]\nname = \"a\"\nlicense.workspace = true\n";
        let d = read_manifest("Cargo.toml", inherited).unwrap();
        assert_eq!(d[0].expression.as_deref(), Some("Apache-2.0"));
        assert_eq!(d[0].field, "workspace.package.license");
        let file = read_manifest(
            "Cargo.toml",
            "[package]\nname = \"a\"\nlicense-file = \"LICENSE.txt\"\n",
        )
        .unwrap();
        assert_eq!(file[0].license_file.as_deref(), Some("LICENSE.txt"));
        assert!(file[0].expression.is_none());
        assert!(matches!(
            read_manifest("Cargo.toml", "[package\n"),
            Err(ManifestError::Toml(_))
        ));
        let deep = format!("a = {}{}", "[".repeat(100_000), "]".repeat(100_000));
        assert!(read_manifest("Cargo.toml", &deep).is_err());
    }

    #[test]
    fn package_json_forms() {
        assert_eq!(
            expressions("package.json", r#"{"license": "(MIT OR Apache-2.0)"}"#),
            vec![Some("MIT OR Apache-2.0".to_string())]
        );
        assert_eq!(
            expressions(
                "package.json",
                r#"{"license": {"type": "ISC", "url": "https://opensource.org/licenses/ISC"}}"#
            ),
            vec![Some("ISC".to_string())]
        );
        assert_eq!(
            expressions(
                "package.json",
                r#"{"licenses": [{"type": "MIT", "url": "x"}, {"type": "Apache-2.0", "url": "y"}]}"#
            ),
            vec![Some("MIT OR Apache-2.0".to_string())]
        );
        let unlicensed = read_manifest("package.json", r#"{"license": "UNLICENSED"}"#).unwrap();
        assert!(unlicensed[0].expression.is_none());
        assert!(
            unlicensed[0]
                .problem
                .as_deref()
                .unwrap()
                .contains("no license")
        );
        let see =
            read_manifest("package.json", r#"{"license": "SEE LICENSE IN EULA.md"}"#).unwrap();
        assert_eq!(see[0].license_file.as_deref(), Some("EULA.md"));
        assert!(matches!(
            read_manifest("package.json", &"[".repeat(100_000)),
            Err(ManifestError::Refused(_))
        ));
    }

    #[test]
    fn python_and_php_and_ruby_forms() {
        assert_eq!(
            expressions(
                "pyproject.toml",
                "[project]\nname = \"a\"\nlicense = \"AGPL-3.0-or-later OR LicenseRef-Element-Commercial\"\n"
            ),
            vec![Some(
                "AGPL-3.0-or-later OR LicenseRef-Element-Commercial".to_string()
            )]
        );
        assert_eq!(
            expressions(
                "pyproject.toml",
                "[project]\nlicense = {text = \"BSD-3-Clause\"}\n"
            ),
            vec![Some("BSD-3-Clause".to_string())]
        );
        assert_eq!(
            expressions("pyproject.toml", "[tool.poetry]\nlicense = \"MIT\"\n"),
            vec![Some("MIT".to_string())]
        );
        assert_eq!(
            expressions(
                "setup.cfg",
                "[options]\nlicense = GPL\n[metadata]\nname = x\nlicense = Apache-2.0\n"
            ),
            vec![Some("Apache-2.0".to_string())]
        );
        assert_eq!(
            expressions(
                "composer.json",
                r#"{"license": ["LGPL-2.1-only", "GPL-3.0-or-later"]}"#
            ),
            vec![Some("LGPL-2.1-only OR GPL-3.0-or-later".to_string())]
        );
        assert_eq!(
            expressions(
                "x.gemspec",
                "Gem::Specification.new do |spec|\n  spec.license = \"MIT\"\nend\n"
            ),
            vec![Some("MIT".to_string())]
        );
        let several = read_manifest("x.gemspec", "  s.licenses = %w[Ruby BSD-2-Clause]\n").unwrap();
        assert!(several[0].expression.is_none());
        assert_eq!(several[0].as_written, "Ruby, BSD-2-Clause");
    }

    #[test]
    fn pom_names_and_urls() {
        let pom = r#"<project><licenses>
          <license><name>The Apache Software License, Version 2.0</name></license>
          <license><name>Something</name><url>https://opensource.org/licenses/MIT</url></license>
        </licenses></project>"#;
        assert_eq!(
            expressions("pom.xml", pom),
            vec![Some("Apache-2.0 OR MIT".to_string())]
        );
        let commented = r#"<project><!-- <licenses><license><name>MIT</name></license></licenses> --></project>"#;
        assert!(expressions("pom.xml", commented).is_empty());
    }

    #[test]
    fn choice_sentences() {
        let d = choice_sentence(
            "This project is dual-licensed under the Unlicense and MIT licenses.\n\nYou may use this code under the terms of either license.\n",
        )
        .unwrap();
        assert_eq!(d.expression.as_deref(), Some("Unlicense OR MIT"));
        let d = choice_sentence(
            "#### License\n\n<sup>\nLicensed under either of <a href=\"LICENSE-APACHE\">Apache License, Version\n2.0</a> or <a href=\"LICENSE-MIT\">MIT license</a> at your option.\n</sup>\n",
        )
        .unwrap();
        assert_eq!(d.expression.as_deref(), Some("Apache-2.0 OR MIT"));
        let d = choice_sentence(
            "## License\n\nLicensed under either of\n\n * Apache License, Version 2.0, ([LICENSE-APACHE](LICENSE-APACHE) or http://www.apache.org/licenses/LICENSE-2.0)\n * MIT license ([LICENSE-MIT](LICENSE-MIT) or http://opensource.org/licenses/MIT)\n\nat your option.\n",
        )
        .unwrap();
        assert_eq!(d.expression.as_deref(), Some("Apache-2.0 OR MIT"));
        assert!(choice_sentence("This is licensed under the MIT license.").is_none());
        assert!(
            choice_sentence("either version 3 of the License, or (at your option) any later version of the GNU General Public License or the MIT license.").is_none()
        );
    }

    #[test]
    fn gnu_notices() {
        let agpl = "#\n# This program is free software: you can redistribute it and/or modify\n# it under the terms of the GNU Affero General Public License as\n# published by the Free Software Foundation, either version 3 of the\n# License, or (at your option) any later version.\n";
        assert_eq!(gnu_notice(agpl), Some("AGPL-3.0-or-later"));
        let gpl2 = "/*\n * This program is free software; you can redistribute it and/or modify\n * it under the terms of the GNU General Public License version 2 as\n * published by the Free Software Foundation.\n */\n";
        assert_eq!(gnu_notice(gpl2), Some("GPL-2.0-only"));
        let lgpl = "// under the terms of the GNU Lesser General Public License as published by the Free Software Foundation; either version 2.1 of the License, or (at your option) any later version.\n";
        assert_eq!(gnu_notice(lgpl), Some("LGPL-2.1-or-later"));
        assert_eq!(
            gnu_notice("// Copyright 2024 Example\nfn main() {}\n"),
            None
        );
    }

    /// Pieces the readers look for, so that random text reaches their inner paths.
    fn fragment() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        prop_oneof![
            Just("license".to_string()),
            Just(".licenses = %w[".to_string()),
            Just("[metadata]\n".to_string()),
            Just("[package]\n".to_string()),
            Just(" = \"".to_string()),
            Just("dual-licensed under the".to_string()),
            Just(" at your option".to_string()),
            Just("Apache License, Version 2.0".to_string()),
            Just(" MIT ".to_string()),
            Just("GNU Affero General Public License".to_string()),
            Just(" version 2.1".to_string()),
            Just("any later version. ".to_string()),
            Just("](".to_string()),
            Just("<".to_string()),
            Just("'".to_string()),
            Just(".".to_string()),
            "\\PC{0,12}",
        ]
    }

    proptest::proptest! {
        #[test]
        fn no_reader_panics_on_any_text(
            parts in proptest::collection::vec(fragment(), 0..40),
            pick in 0usize..8,
        ) {
            let text: String = parts.concat();
            let name = ["Cargo.toml", "package.json", "pyproject.toml", "setup.cfg",
                "composer.json", "pom.xml", "x.gemspec", "README"][pick];
            if let Ok(found) = read_manifest(name, &text) {
                for d in found {
                    proptest::prop_assert!(d.as_written.chars().count() <= MAX_AS_WRITTEN + 1);
                }
            }
            let _ = choice_sentence(&text);
            let _ = gnu_notice(&text);
            let _ = canonical(&text);
        }
    }
}
