//! Where each setting of `commons serve` comes from: a flag, the environment, the
//! configuration file, or the default, in that order of precedence, key by key.
//!
//! Every key of the file ([`KEYS`]) has an environment variable: `COMMONS_` and the key's
//! dotted path in capitals with `_` for `.` (`rate_limit.per_second` is
//! `COMMONS_RATE_LIMIT_PER_SECOND`, `oidc.issuer` is `COMMONS_OIDC_ISSUER`); a list
//! (`access.admins`, `rate_limit.trusted_proxies`) is comma-separated. Some keys also have a
//! flag (`--listen`, `--data`, `--database`, `--max-connections`). Each source is read into a
//! layer (dotted key to TOML value) and checked on its own, so that a mistake names where it
//! is (the file's line and column, or the variable); the layers are then merged, the higher
//! source winning for each key, and read as one [`ConfigFile`].

use crate::config_file::ConfigFile;
use std::collections::BTreeMap;
use std::path::Path;

/// How a key's value is written in the environment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Text (addresses, paths, URLs, durations such as `30s`).
    Text,
    /// A whole number.
    Integer,
    /// A number with decimals (`0.8`).
    Decimal,
    /// `true` or `false` (`1` and `0` too).
    Boolean,
    /// Comma-separated text.
    List,
}

/// One key of the configuration.
#[derive(Debug, Clone, Copy)]
pub struct Key {
    /// Its dotted path in the file (`limits.max_connections`).
    pub name: &'static str,
    /// How the environment writes it.
    pub kind: Kind,
    /// What applies when no source sets it.
    pub default: &'static str,
}

const fn key(name: &'static str, kind: Kind, default: &'static str) -> Key {
    Key {
        name,
        kind,
        default,
    }
}

/// Every key the file may hold.
pub const KEYS: &[Key] = &[
    key("listen", Kind::Text, "\"127.0.0.1:8080\""),
    key("data", Kind::Text, "\"commons-data\""),
    key("database", Kind::Text, "SQLite in the data directory"),
    key("rate_limit.enabled", Kind::Boolean, "true"),
    key("rate_limit.per_second", Kind::Integer, "20"),
    key("rate_limit.burst", Kind::Integer, "40"),
    key("rate_limit.trusted_proxies", Kind::List, "[]"),
    key("limits.max_connections", Kind::Integer, "1024"),
    key("limits.header_timeout", Kind::Text, "\"10s\""),
    key("limits.idle_timeout", Kind::Text, "\"60s\""),
    key("limits.write_timeout", Kind::Text, "\"30s\""),
    key("limits.request_timeout", Kind::Text, "\"30s\""),
    key("limits.max_validations", Kind::Integer, "half the cores"),
    key("limits.hook_queue", Kind::Integer, "1024"),
    key("limits.crawl_workers", Kind::Integer, "8"),
    key("oidc.issuer", Kind::Text, "none: no sign-in"),
    key("oidc.client_id", Kind::Text, "none"),
    key("oidc.client_secret_file", Kind::Text, "none"),
    key(
        "oidc.redirect_url",
        Kind::Text,
        "<public_url>/auth/callback",
    ),
    key("oidc.public_url", Kind::Text, "none"),
    key("access.admins", Kind::List, "[]"),
    key("access.session_lifetime", Kind::Text, "\"8h\""),
    key("access.token_days", Kind::Integer, "90"),
    key("access.token_max_days", Kind::Integer, "365"),
    key("search.meaning", Kind::Boolean, "true"),
    key("search.model_dir", Kind::Text, "\"<data>/models/use-m3\""),
    key(
        "search.fetch_model",
        Kind::Boolean,
        "true with --demo, else false",
    ),
    key("search.duplicate_threshold", Kind::Decimal, "0.75"),
];

/// The sections of the file (tables holding keys).
const SECTIONS: &[&str] = &["rate_limit", "limits", "oidc", "access", "search"];

/// The environment variable of a key: `COMMONS_` and its path in capitals, `_` for `.`.
pub fn env_name(key: &str) -> String {
    format!("COMMONS_{}", key.replace('.', "_").to_ascii_uppercase())
}

/// Where a key's value came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// A flag on the command line.
    Flag,
    /// This environment variable.
    Env(String),
    /// The configuration file.
    File,
}

impl std::fmt::Display for Source {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Source::Flag => f.write_str("flag"),
            Source::Env(name) => write!(f, "environment {name}"),
            Source::File => f.write_str("file"),
        }
    }
}

/// A source's values: dotted key to TOML value.
pub type Layer = BTreeMap<String, toml::Value>;

/// A mistake, and where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// `FILE:LINE:COLUMN`, the environment variable, or `--flag`.
    pub origin: String,
    /// The line in the file, from 1 (0 for other sources).
    pub line: usize,
    /// The column in the file, from 1, in characters (0 for other sources).
    pub column: usize,
    /// What is wrong.
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: error: {}", self.origin, self.message)
    }
}

fn known(name: &str) -> bool {
    KEYS.iter().any(|k| k.name == name)
}

/// `value` as the single key `name` of a file, read as the file would be: `Err` with the
/// message when it is not a valid value for that key.
fn check_value(name: &str, value: &toml::Value) -> Result<(), String> {
    let mut table = toml::Table::new();
    match name.split_once('.') {
        Some((section, key)) => {
            let mut inner = toml::Table::new();
            inner.insert(key.to_string(), value.clone());
            table.insert(section.to_string(), toml::Value::Table(inner));
        }
        None => {
            table.insert(name.to_string(), value.clone());
        }
    }
    toml::Value::Table(table)
        .try_into::<ConfigFile>()
        .map(|_| ())
        .map_err(|e| e.message().trim().to_string())
}

/// Reads the text of a configuration file into a layer, or every problem in it: each unknown
/// key (with its line and column) and each wrong value.
pub fn file_layer(path: &Path, text: &str) -> Result<Layer, Vec<Problem>> {
    let at = |offset: usize, message: String| {
        let (line, column) = crate::config_file::line_and_column(text, offset);
        Problem {
            origin: format!("{}:{line}:{column}", path.display()),
            line,
            column,
            message,
        }
    };
    let document = match toml::de::DeTable::parse(text) {
        Ok(document) => document,
        Err(e) => {
            let offset = e.span().map_or(0, |s| s.start);
            return Err(vec![at(offset, e.message().trim().to_string())]);
        }
    };
    let values: toml::Table = match toml::from_str(text) {
        Ok(values) => values,
        Err(e) => {
            let offset = e.span().map_or(0, |s| s.start);
            return Err(vec![at(offset, e.message().trim().to_string())]);
        }
    };
    let mut problems = Vec::new();
    // Every leaf present: its dotted name, the offset of its value, its value.
    let mut leaves: Vec<(String, usize, toml::Value)> = Vec::new();
    for (name, value) in document.get_ref().iter() {
        let top: &str = name.get_ref();
        if SECTIONS.contains(&top) {
            let toml::de::DeValue::Table(section) = value.get_ref() else {
                problems.push(at(
                    value.span().start,
                    format!("`{top}` must be a table ([{top}])"),
                ));
                continue;
            };
            for (inner, inner_value) in section.iter() {
                let dotted = format!("{top}.{}", inner.get_ref());
                if known(&dotted) {
                    let value = values[top][inner.get_ref().as_ref()].clone();
                    leaves.push((dotted, inner_value.span().start, value));
                } else {
                    problems.push(at(
                        inner.span().start,
                        format!("unknown key `{}` in [{top}]", inner.get_ref()),
                    ));
                }
            }
        } else if known(top) {
            leaves.push((top.to_string(), value.span().start, values[top].clone()));
        } else {
            problems.push(at(name.span().start, format!("unknown key `{top}`")));
        }
    }
    let mut layer = Layer::new();
    for (name, offset, value) in leaves {
        match check_value(&name, &value) {
            Ok(()) => {
                layer.insert(name, value);
            }
            Err(message) => problems.push(at(offset, format!("{name}: {message}"))),
        }
    }
    problems.sort_by_key(|p| (p.line, p.column));
    if problems.is_empty() {
        Ok(layer)
    } else {
        Err(problems)
    }
}

/// The environment's layer: each key whose variable `lookup` finds, or every problem.
pub fn env_layer(lookup: impl Fn(&str) -> Option<String>) -> Result<Layer, Vec<Problem>> {
    let mut layer = Layer::new();
    let mut problems = Vec::new();
    for key in KEYS {
        let name = env_name(key.name);
        let Some(text) = lookup(&name) else { continue };
        let problem = |message: String| Problem {
            origin: name.clone(),
            line: 0,
            column: 0,
            message,
        };
        let value = match key.kind {
            Kind::Text => toml::Value::String(text),
            Kind::Integer => match text.trim().parse::<i64>() {
                Ok(n) => toml::Value::Integer(n),
                Err(_) => {
                    problems.push(problem("not a whole number".into()));
                    continue;
                }
            },
            Kind::Decimal => match text.trim().parse::<f64>() {
                Ok(n) if n.is_finite() => toml::Value::Float(n),
                _ => {
                    problems.push(problem("not a number".into()));
                    continue;
                }
            },
            Kind::Boolean => match text.trim() {
                "true" | "1" => toml::Value::Boolean(true),
                "false" | "0" => toml::Value::Boolean(false),
                _ => {
                    problems.push(problem("not true or false".into()));
                    continue;
                }
            },
            Kind::List => toml::Value::Array(
                text.split(',')
                    .map(str::trim)
                    .filter(|t| !t.is_empty())
                    .map(|t| toml::Value::String(t.to_string()))
                    .collect(),
            ),
        };
        match check_value(key.name, &value) {
            Ok(()) => {
                layer.insert(key.name.to_string(), value);
            }
            Err(message) => problems.push(problem(message)),
        }
    }
    if problems.is_empty() {
        Ok(layer)
    } else {
        Err(problems)
    }
}

/// Checks the flags' layer (built by the command line from the flags the operator typed).
pub fn flag_layer(layer: Layer) -> Result<Layer, Vec<Problem>> {
    let problems: Vec<Problem> = layer
        .iter()
        .filter_map(|(name, value)| {
            let message = if known(name) {
                check_value(name, value).err()?
            } else {
                "not a configuration key".to_string()
            };
            Some(Problem {
                origin: format!("--{}", name.replace(['.', '_'], "-")),
                line: 0,
                column: 0,
                message,
            })
        })
        .collect();
    if problems.is_empty() {
        Ok(layer)
    } else {
        Err(problems)
    }
}

/// The effective configuration: the merged file, and where each set key came from.
#[derive(Debug)]
pub struct Settings {
    /// The merged settings, read as one file.
    pub config: ConfigFile,
    /// Each set key's value and source.
    pub values: BTreeMap<String, (toml::Value, Source)>,
}

/// Merges the layers, each key from the highest source that sets it (flag > environment >
/// file), and checks the whole (`[oidc]` complete or absent).
pub fn resolve(flags: Layer, env: Layer, file: Layer) -> Result<Settings, Vec<Problem>> {
    let mut values: BTreeMap<String, (toml::Value, Source)> = BTreeMap::new();
    for (name, value) in file {
        values.insert(name, (value, Source::File));
    }
    for (name, value) in env {
        let source = Source::Env(env_name(&name));
        values.insert(name, (value, source));
    }
    for (name, value) in flags {
        values.insert(name, (value, Source::Flag));
    }
    let mut table = toml::Table::new();
    for (name, (value, _)) in &values {
        match name.split_once('.') {
            Some((section, key)) => {
                let entry = table
                    .entry(section.to_string())
                    .or_insert_with(|| toml::Value::Table(toml::Table::new()));
                if let toml::Value::Table(inner) = entry {
                    inner.insert(key.to_string(), value.clone());
                }
            }
            None => {
                table.insert(name.clone(), value.clone());
            }
        }
    }
    let whole = |message: String| {
        vec![Problem {
            origin: "configuration".into(),
            line: 0,
            column: 0,
            message,
        }]
    };
    let config: ConfigFile = toml::Value::Table(table)
        .try_into()
        .map_err(|e: toml::de::Error| whole(e.message().trim().to_string()))?;
    config.oidc().map_err(whole)?;
    Ok(Settings { config, values })
}

/// Reads the file (when given), the environment through `lookup` and the flags, and resolves
/// them; every problem of every source is returned at once.
pub fn load(
    file: Option<&Path>,
    lookup: impl Fn(&str) -> Option<String>,
    flags: Layer,
) -> Result<Settings, Vec<Problem>> {
    let mut problems = Vec::new();
    let file = match file {
        None => Layer::new(),
        Some(path) => match read(path) {
            Ok(text) => file_layer(path, &text).unwrap_or_else(|p| {
                problems.extend(p);
                Layer::new()
            }),
            Err(problem) => {
                problems.push(problem);
                Layer::new()
            }
        },
    };
    let env = env_layer(lookup).unwrap_or_else(|p| {
        problems.extend(p);
        Layer::new()
    });
    let flags = flag_layer(flags).unwrap_or_else(|p| {
        problems.extend(p);
        Layer::new()
    });
    if !problems.is_empty() {
        return Err(problems);
    }
    resolve(flags, env, file)
}

fn read(path: &Path) -> Result<String, Problem> {
    let problem = |message: String| Problem {
        origin: path.display().to_string(),
        line: 0,
        column: 0,
        message,
    };
    crate::config_file::read_config_text(path).map_err(|e| problem(e.to_string()))
}

/// A database URL with its password (if any) replaced by `***`.
fn redacted_database(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(mut parsed) if parsed.password().is_some() => {
            let _ = parsed.set_password(Some("***"));
            parsed.to_string()
        }
        _ => url.to_string(),
    }
}

impl Settings {
    /// The effective configuration as TOML-like lines: each key with its value and source, or
    /// its default. No secret is shown: the OIDC client secret is named by its file only, and
    /// a database password is masked.
    pub fn describe(&self) -> String {
        let mut out = String::new();
        let mut section = "";
        for key in KEYS {
            let (this_section, name) = key.name.split_once('.').unwrap_or(("", key.name));
            if this_section != section {
                out.push_str(&format!("\n[{this_section}]\n"));
                section = this_section;
            }
            let line = match self.values.get(key.name) {
                Some((value, source)) => {
                    let shown = match value {
                        toml::Value::String(url) if key.name == "database" => {
                            toml::Value::String(redacted_database(url)).to_string()
                        }
                        other => other.to_string(),
                    };
                    format!("{name} = {shown}  # {source}\n")
                }
                None => format!("# {name}: default, {}\n", key.default),
            };
            out.push_str(&line);
        }
        out.trim_start().to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn env(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let map: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        move |name| map.get(name).cloned()
    }

    fn file(text: &str) -> Result<Layer, Vec<Problem>> {
        file_layer(Path::new("commons.toml"), text)
    }

    #[test]
    fn every_key_has_an_environment_name_and_a_place_in_the_file() {
        assert_eq!(env_name("listen"), "COMMONS_LISTEN");
        assert_eq!(env_name("data"), "COMMONS_DATA");
        assert_eq!(
            env_name("rate_limit.per_second"),
            "COMMONS_RATE_LIMIT_PER_SECOND"
        );
        assert_eq!(env_name("oidc.issuer"), "COMMONS_OIDC_ISSUER");
        assert_eq!(env_name("access.admins"), "COMMONS_ACCESS_ADMINS");
        for key in KEYS {
            if let Some((section, _)) = key.name.split_once('.') {
                assert!(SECTIONS.contains(&section), "{}", key.name);
            }
        }
        let names: std::collections::HashSet<String> =
            KEYS.iter().map(|k| env_name(k.name)).collect();
        assert_eq!(names.len(), KEYS.len(), "two keys share a variable");
    }

    /// All three sources at once: a key set by all three takes the flag, a key set by the
    /// environment and the file takes the environment, a key only in the file takes the file,
    /// a key set nowhere keeps its default.
    #[test]
    fn flag_beats_environment_beats_file_beats_default() {
        let file = file(
            "listen = \"127.0.0.1:1111\"\ndata = \"/file/data\"\n\
             database = \"sqlite:///file.db\"\n\
             [rate_limit]\nper_second = 3\nburst = 4\n\
             [limits]\nmax_connections = 100\nidle_timeout = \"5m\"\n\
             [access]\nadmins = [\"file@example.org\"]\n",
        )
        .unwrap();
        let env = env_layer(env(&[
            ("COMMONS_LISTEN", "127.0.0.1:2222"),
            ("COMMONS_DATA", "/env/data"),
            ("COMMONS_RATE_LIMIT_PER_SECOND", "7"),
            ("COMMONS_LIMITS_MAX_CONNECTIONS", "200"),
            ("COMMONS_ACCESS_ADMINS", "a@example.org, b@example.org"),
            ("COMMONS_UNRELATED", "x"),
        ]))
        .unwrap();
        let mut flags = Layer::new();
        flags.insert(
            "listen".into(),
            toml::Value::String("127.0.0.1:3333".into()),
        );
        flags.insert("limits.max_connections".into(), toml::Value::Integer(300));
        let settings = resolve(flag_layer(flags).unwrap(), env, file).unwrap();
        let mut config = crate::ServeConfig::default();
        settings.config.apply(&mut config);
        // flag > env > file
        assert_eq!(config.listen.to_string(), "127.0.0.1:3333");
        assert_eq!(config.limits.max_connections, 300);
        // env > file
        assert_eq!(config.data_dir, std::path::PathBuf::from("/env/data"));
        let limit = config.rate_limit.unwrap();
        assert_eq!(limit.per_second.get(), 7);
        assert_eq!(config.admins, vec!["a@example.org", "b@example.org"]);
        // file > default
        assert_eq!(limit.burst.get(), 4);
        assert_eq!(config.database.as_deref(), Some("sqlite:///file.db"));
        assert_eq!(config.limits.idle, std::time::Duration::from_secs(300));
        // default
        assert_eq!(
            config.limits.write,
            crate::ConnectionLimits::default().write
        );
        assert_eq!(config.oidc, None);
        // Each value says where it came from.
        let source = |key: &str| settings.values[key].1.clone();
        assert_eq!(source("listen"), Source::Flag);
        assert_eq!(source("data"), Source::Env("COMMONS_DATA".into()));
        assert_eq!(source("rate_limit.burst"), Source::File);
        assert!(!settings.values.contains_key("limits.write_timeout"));
        let text = settings.describe();
        assert!(
            text.contains("listen = \"127.0.0.1:3333\"  # flag"),
            "{text}"
        );
        assert!(
            text.contains("per_second = 7  # environment COMMONS_RATE_LIMIT_PER_SECOND"),
            "{text}"
        );
        assert!(text.contains("burst = 4  # file"), "{text}");
        assert!(text.contains("# write_timeout: default, \"30s\""), "{text}");
    }

    #[test]
    fn every_unknown_key_is_reported_with_its_line_and_column() {
        let problems = file(
            "listen = \"127.0.0.1:8080\"\nlisten_port = 8080\n\
             [rate_limit]\nper_secnod = 3\nburst = 0\n\
             [oidc]\nissuer = \"https://login.example.org\"\n  client_secret = \"x\"\n\
             [acess]\nadmins = []\n",
        )
        .unwrap_err();
        let found: Vec<(usize, usize, &str)> = problems
            .iter()
            .map(|p| (p.line, p.column, p.message.as_str()))
            .collect();
        assert_eq!(found.len(), 5, "{found:?}");
        assert_eq!((found[0].0, found[0].1), (2, 1));
        assert!(found[0].2.contains("listen_port"), "{found:?}");
        assert_eq!((found[1].0, found[1].1), (4, 1));
        assert!(found[1].2.contains("per_secnod"), "{found:?}");
        assert_eq!((found[2].0, found[2].1), (5, 9));
        assert!(found[2].2.contains("burst"), "{found:?}");
        assert_eq!((found[3].0, found[3].1), (8, 3));
        assert!(found[3].2.contains("client_secret"), "{found:?}");
        assert_eq!((found[4].0, found[4].1), (9, 2));
        assert!(found[4].2.contains("acess"), "{found:?}");
        assert!(
            problems[0]
                .to_string()
                .starts_with("commons.toml:2:1: error: unknown key")
        );
    }

    #[test]
    fn the_issue_example_reads_and_oidc_must_be_whole() {
        let layer = file(
            "listen = \"127.0.0.1:8080\"\ndata = \"./commons-data\"\n\
             # database = \"postgres://...\"\n[oidc]\nissuer = \"https://login.example.org\"\n\
             client_id = \"commons\"\nclient_secret_file = \"/run/secrets/commons-oidc\"\n\
             [access]\nadmins = [\"alice@example.org\"]      # e-mail claims made administrators\n",
        )
        .unwrap();
        let settings = resolve(Layer::new(), Layer::new(), layer).unwrap();
        let oidc = settings.config.oidc().unwrap().unwrap();
        assert_eq!(oidc.issuer, "https://login.example.org");
        assert_eq!(
            oidc.client_secret_file,
            std::path::PathBuf::from("/run/secrets/commons-oidc")
        );
        assert_eq!(settings.config.access.admins, vec!["alice@example.org"]);
        // The secret file's path is shown, never a secret.
        assert!(
            settings
                .describe()
                .contains("client_secret_file = \"/run/secrets/commons-oidc\"  # file")
        );

        let partial = file("[oidc]\nissuer = \"https://login.example.org\"\n").unwrap();
        let problems = resolve(Layer::new(), Layer::new(), partial).unwrap_err();
        assert!(problems[0].message.contains("client_id"), "{problems:?}");
        // The environment can complete what the file starts.
        let partial = file("[oidc]\nissuer = \"https://login.example.org\"\n").unwrap();
        let env = env_layer(env(&[
            ("COMMONS_OIDC_CLIENT_ID", "commons"),
            ("COMMONS_OIDC_CLIENT_SECRET_FILE", "/run/s"),
        ]))
        .unwrap();
        assert!(resolve(Layer::new(), env, partial).is_ok());
    }

    #[test]
    fn wrong_values_are_refused_wherever_they_come_from() {
        for text in [
            "listen = \"8080\"\n",
            "database = \"mysql://x\"\n",
            "[oidc]\nissuer = \"http://login.example.org\"\n",
            "[access]\nadmins = [\"not an address\"]\n",
            "[oidc]\nclient_id = \"\"\n",
            "rate_limit = 3\n",
        ] {
            let problems = file(text).unwrap_err();
            assert_eq!(problems.len(), 1, "{text}: {problems:?}");
        }
        // http is for a provider on loopback only (tests).
        assert!(file("[oidc]\nissuer = \"http://127.0.0.1:9000\"\n").is_ok());
        let problems = env_layer(env(&[
            ("COMMONS_RATE_LIMIT_BURST", "many"),
            ("COMMONS_RATE_LIMIT_ENABLED", "perhaps"),
            ("COMMONS_LIMITS_IDLE_TIMEOUT", "forever"),
        ]))
        .unwrap_err();
        let origins: Vec<&str> = problems.iter().map(|p| p.origin.as_str()).collect();
        assert_eq!(
            origins,
            [
                "COMMONS_RATE_LIMIT_ENABLED",
                "COMMONS_RATE_LIMIT_BURST",
                "COMMONS_LIMITS_IDLE_TIMEOUT"
            ]
        );
        let mut flags = Layer::new();
        flags.insert("limits.max_connections".into(), toml::Value::Integer(0));
        let problems = flag_layer(flags).unwrap_err();
        assert_eq!(problems[0].origin, "--limits-max-connections");
    }

    /// The documented example parses as it is, and with every commented key uncommented.
    #[test]
    fn the_documented_example_parses_with_every_key_uncommented() {
        let text = include_str!("../../../docs/commons.example.toml");
        file(text).unwrap();
        let uncommented: String = text
            .lines()
            .map(|line| match line.strip_prefix("# ") {
                Some(rest)
                    if rest.starts_with('[')
                        || rest.split_once(" = ").is_some_and(|(key, _)| {
                            key.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')
                        }) =>
                {
                    rest
                }
                _ => line,
            })
            .map(|line| format!("{line}\n"))
            .collect();
        let layer = file(&uncommented).unwrap();
        for key in KEYS {
            assert!(
                layer.contains_key(key.name),
                "{} is not documented",
                key.name
            );
        }
        resolve(Layer::new(), Layer::new(), layer).unwrap();
    }

    #[test]
    fn a_database_password_is_never_shown() {
        let layer = file("database = \"postgres://commons:hunter2@db/commons\"\n").unwrap();
        let text = resolve(Layer::new(), Layer::new(), layer)
            .unwrap()
            .describe();
        assert!(!text.contains("hunter2"), "{text}");
        assert!(text.contains("postgres://commons:***@db/commons"), "{text}");
    }
}
