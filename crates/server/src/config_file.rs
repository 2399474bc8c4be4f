//! The operator's configuration file (`commons serve --config FILE`, TOML): where the server
//! listens and keeps its data, the limits that protect it from its clients, and the sign-in
//! provider and administrators. Every key is optional; an unknown key, a value out of range or
//! a malformed one is an error naming the file, line and column, so a typo never silently
//! leaves a default in force. Every key can also be set in the environment, and some by flags
//! (see [`crate::settings`]: flag > environment > file > default).
//!
//! ```toml
//! listen = "127.0.0.1:8080"
//! data = "./commons-data"
//! # database = "postgres://commons@db/commons"
//!
//! [oidc]
//! issuer = "https://login.example.org"
//! client_id = "commons"
//! client_secret_file = "/run/secrets/commons-oidc"   # the secret stays in its file
//! # redirect_url = "https://catalog.example.org/auth/callback"
//! # public_url = "https://catalog.example.org"
//!
//! [access]
//! admins = ["alice@example.org"]   # e-mail claims made administrators
//!
//! [rate_limit]
//! per_second = 20          # per client address, token bucket
//! burst = 40
//! trusted_proxies = ["10.0.0.0/8"]   # whose X-Forwarded-For is believed
//!
//! [search]
//! meaning = true           # search by meaning too, when the model is there
//! model_dir = "/var/lib/commons/models/use-m3"   # default: <data>/models/use-m3
//! fetch_model = false      # fetch it (pip, pinned and hash-checked) if missing; on with --demo
//!
//! [limits]
//! max_connections = 1024
//! header_timeout = "10s"
//! idle_timeout = "60s"
//! write_timeout = "30s"
//! request_timeout = "30s"
//! max_validations = 1      # at once; default: half the cores
//! hook_queue = 1024        # webhook recrawls waiting
//! crawl_workers = 8        # repositories a crawl fetches at once
//! ```

use crate::rate_limit::RateLimitConfig;
use crate::{ConnectionLimits, OidcConfig, ServeConfig};
use ipnet::IpNet;
use serde::de::Error as _;
use serde::{Deserialize, Deserializer};
use std::net::{IpAddr, SocketAddr};
use std::num::NonZeroU32;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Largest configuration file read: it is a handful of lines.
const MAX_CONFIG_BYTES: u64 = 1024 * 1024;

/// Why the configuration file cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// The file cannot be read.
    #[error("cannot read {}: {source}", path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The file is too large to be a configuration.
    #[error("{} is over {MAX_CONFIG_BYTES} bytes: not a configuration file", path.display())]
    TooLarge {
        /// The file.
        path: PathBuf,
    },
    /// The file is not valid TOML or holds a wrong key or value.
    #[error("{}:{line}:{column}: {message}", path.display())]
    Invalid {
        /// The file.
        path: PathBuf,
        /// Line of the offending text, from 1.
        line: usize,
        /// Column, from 1 (in characters).
        column: usize,
        /// What is wrong.
        message: String,
    },
}

/// The file's contents.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConfigFile {
    /// `listen`: the address to listen on.
    #[serde(default, deserialize_with = "socket_address")]
    pub listen: Option<SocketAddr>,
    /// `data`: the data directory.
    #[serde(default, deserialize_with = "nonempty_path")]
    pub data: Option<PathBuf>,
    /// `database`: a `postgres://` or `sqlite:` URL.
    #[serde(default, deserialize_with = "database_url")]
    pub database: Option<String>,
    /// `[rate_limit]`.
    #[serde(default)]
    pub rate_limit: RateLimitSection,
    /// `[limits]`.
    #[serde(default)]
    pub limits: LimitsSection,
    /// `[oidc]`.
    #[serde(default)]
    pub oidc: OidcSection,
    /// `[access]`.
    #[serde(default)]
    pub access: AccessSection,
    /// `[search]`.
    #[serde(default)]
    pub search: SearchSection,
}

/// `[search]`: search by meaning.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SearchSection {
    /// Search by meaning as well as by words (when the model is there).
    #[serde(default)]
    pub meaning: Option<bool>,
    /// Where the sentence-embedding model is installed.
    #[serde(default, deserialize_with = "nonempty_path")]
    pub model_dir: Option<PathBuf>,
    /// Fetch the model when it is missing.
    #[serde(default)]
    pub fetch_model: Option<bool>,
    /// The similarity from which entries of different organisations are shown as possible
    /// duplicates (0.6 to 1).
    #[serde(default, deserialize_with = "duplicate_threshold")]
    pub duplicate_threshold: Option<f32>,
}

/// `[oidc]`: the OpenID Connect provider. All or none of `issuer`, `client_id` and
/// `client_secret_file` (checked by [`ConfigFile::oidc`], since the environment may give some).
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OidcSection {
    /// The issuer URL (https; http only on a loopback host, for tests).
    #[serde(default, deserialize_with = "issuer_url")]
    pub issuer: Option<String>,
    /// The client id.
    #[serde(default, deserialize_with = "nonempty_text")]
    pub client_id: Option<String>,
    /// The file holding the client secret (never the secret itself).
    #[serde(default, deserialize_with = "nonempty_path")]
    pub client_secret_file: Option<PathBuf>,
    /// Where the provider sends the browser back.
    #[serde(default, deserialize_with = "web_url")]
    pub redirect_url: Option<String>,
    /// The catalog's public address.
    #[serde(default, deserialize_with = "web_url")]
    pub public_url: Option<String>,
}

/// `[access]`: who is given a role by configuration.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AccessSection {
    /// The e-mail claims made administrators.
    #[serde(default, deserialize_with = "emails")]
    pub admins: Vec<String>,
    /// How long a sign-in lasts (5 minutes to 30 days).
    #[serde(default, deserialize_with = "session_lifetime")]
    pub session_lifetime: Option<Duration>,
    /// How long a token issued in the browser lasts unless its issuer says (1 to 1,825 days).
    #[serde(default, deserialize_with = "token_days")]
    pub token_days: Option<u32>,
    /// The longest a token issued in the browser may last (1 to 1,825 days).
    #[serde(default, deserialize_with = "token_days")]
    pub token_max_days: Option<u32>,
}

/// `[rate_limit]`: requests per client.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RateLimitSection {
    /// `false` turns the limit off (a benchmark, or a proxy in front that limits).
    #[serde(default = "yes")]
    pub enabled: bool,
    /// Requests a second per client, on average.
    #[serde(default = "default_per_second")]
    pub per_second: NonZeroU32,
    /// Requests per client at once.
    #[serde(default = "default_burst")]
    pub burst: NonZeroU32,
    /// Proxies whose `X-Forwarded-For` is believed: addresses or networks.
    #[serde(default, deserialize_with = "networks")]
    pub trusted_proxies: Vec<IpNet>,
}

impl Default for RateLimitSection {
    fn default() -> Self {
        let defaults = RateLimitConfig::default();
        RateLimitSection {
            enabled: true,
            per_second: defaults.per_second,
            burst: defaults.burst,
            trusted_proxies: Vec::new(),
        }
    }
}

/// `[limits]`: connections, time and concurrency. Absent keys keep the defaults.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LimitsSection {
    /// Connections open at once.
    #[serde(default, deserialize_with = "connections")]
    pub max_connections: Option<usize>,
    /// Time for a request's headers to arrive.
    #[serde(default, deserialize_with = "timeout")]
    pub header_timeout: Option<Duration>,
    /// Time a connection may stay silent.
    #[serde(default, deserialize_with = "timeout")]
    pub idle_timeout: Option<Duration>,
    /// Time a client may leave its answer unread.
    #[serde(default, deserialize_with = "timeout")]
    pub write_timeout: Option<Duration>,
    /// Time a request may take before it is answered `408`.
    #[serde(default, deserialize_with = "timeout")]
    pub request_timeout: Option<Duration>,
    /// Validations at once (API and page); one more waits a second, then gets `503`.
    #[serde(default, deserialize_with = "small_count")]
    pub max_validations: Option<usize>,
    /// Webhook recrawls that may wait; beyond, a hook gets `503`.
    #[serde(default, deserialize_with = "small_count")]
    pub hook_queue: Option<usize>,
    /// Repositories a crawl fetches at once.
    #[serde(default, deserialize_with = "crawl_workers")]
    pub crawl_workers: Option<usize>,
}

/// `"127.0.0.1:8080"` or `"[::1]:8080"`.
fn socket_address<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<SocketAddr>, D::Error> {
    let text = String::deserialize(deserializer)?;
    text.parse().map(Some).map_err(|_| {
        D::Error::custom(format!(
            "{text:?} is not an address and port such as \"127.0.0.1:8080\""
        ))
    })
}

fn nonempty_text<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<String>, D::Error> {
    let text = String::deserialize(deserializer)?;
    if text.trim().is_empty() || text.chars().any(char::is_control) {
        return Err(D::Error::custom(
            "must not be empty nor hold control characters",
        ));
    }
    Ok(Some(text))
}

fn nonempty_path<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<PathBuf>, D::Error> {
    Ok(nonempty_text(deserializer)?.map(PathBuf::from))
}

/// A `postgres://`, `postgresql://` or `sqlite:` URL (what `--database` takes).
fn database_url<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<String>, D::Error> {
    let text = String::deserialize(deserializer)?;
    if ["postgres://", "postgresql://", "sqlite:"]
        .iter()
        .any(|scheme| text.starts_with(scheme))
    {
        Ok(Some(text))
    } else {
        Err(D::Error::custom(
            "not a database URL: postgres://USER@HOST/DB or sqlite://FILE",
        ))
    }
}

/// Whether `text` is an http(s) URL with a host; `https_only` refuses plain http except on a
/// loopback host.
fn check_web_url(text: &str, https_only: bool) -> Result<(), String> {
    let url = url::Url::parse(text).map_err(|e| format!("{text:?} is not a URL: {e}"))?;
    let loopback = match url.host() {
        Some(url::Host::Domain(name)) => name == "localhost",
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        None => return Err(format!("{text:?} has no host")),
    };
    match url.scheme() {
        "https" => Ok(()),
        "http" if !https_only || loopback => Ok(()),
        "http" => Err(format!(
            "{text:?} must be https (plain http only on a loopback host)"
        )),
        other => Err(format!("{text:?}: the scheme must be https, not {other}")),
    }
}

fn issuer_url<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<String>, D::Error> {
    let text = String::deserialize(deserializer)?;
    check_web_url(&text, true).map_err(D::Error::custom)?;
    Ok(Some(text))
}

fn web_url<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<String>, D::Error> {
    let text = String::deserialize(deserializer)?;
    check_web_url(&text, false).map_err(D::Error::custom)?;
    Ok(Some(text))
}

/// E-mail addresses: one `@` with text on both sides, no spaces; kept as written, each once.
fn emails<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<String>, D::Error> {
    let texts = Vec::<String>::deserialize(deserializer)?;
    let mut kept: Vec<String> = Vec::new();
    for text in texts {
        let text = text.trim().to_string();
        let parts: Vec<&str> = text.split('@').collect();
        let valid = parts.len() == 2
            && parts.iter().all(|p| !p.is_empty())
            && !text.chars().any(|c| c.is_whitespace() || c.is_control());
        if !valid {
            return Err(D::Error::custom(format!(
                "{text:?} is not an e-mail address"
            )));
        }
        if !kept.iter().any(|k| k.eq_ignore_ascii_case(&text)) {
            kept.push(text);
        }
    }
    Ok(kept)
}

fn yes() -> bool {
    true
}

fn default_per_second() -> NonZeroU32 {
    RateLimitConfig::default().per_second
}

fn default_burst() -> NonZeroU32 {
    RateLimitConfig::default().burst
}

/// `"10.0.0.0/8"` or `"192.0.2.1"` (one address).
fn networks<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<IpNet>, D::Error> {
    let texts = Vec::<String>::deserialize(deserializer)?;
    texts
        .iter()
        .map(|text| {
            text.parse::<IpNet>()
                .or_else(|_| text.parse::<IpAddr>().map(IpNet::from))
                .map_err(|_| {
                    D::Error::custom(format!(
                        "{text:?} is neither an address nor a network such as 10.0.0.0/8"
                    ))
                })
        })
        .collect()
}

/// A duration such as `"30s"` or `"2m"`, from one second to one hour.
fn timeout<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<Duration>, D::Error> {
    let text = String::deserialize(deserializer)?;
    let duration = humantime::parse_duration(&text).map_err(|e| {
        D::Error::custom(format!("{text:?} is not a duration such as \"30s\": {e}"))
    })?;
    if !(Duration::from_secs(1)..=Duration::from_secs(3600)).contains(&duration) {
        return Err(D::Error::custom(format!(
            "{text:?} is out of range: from 1s to 1h"
        )));
    }
    Ok(Some(duration))
}

fn session_lifetime<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<Duration>, D::Error> {
    let text = String::deserialize(deserializer)?;
    let duration = humantime::parse_duration(&text)
        .map_err(|e| D::Error::custom(format!("{text:?} is not a duration such as \"8h\": {e}")))?;
    if !(Duration::from_secs(300)..=Duration::from_secs(30 * 86_400)).contains(&duration) {
        return Err(D::Error::custom(format!(
            "{text:?} is out of range: from 5m to 30days"
        )));
    }
    Ok(Some(duration))
}

fn token_days<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<u32>, D::Error> {
    let days = u32::deserialize(deserializer)?;
    if !(1..=1825).contains(&days) {
        return Err(D::Error::custom(format!(
            "{days} is out of range: from 1 to 1825 days"
        )));
    }
    Ok(Some(days))
}

fn bounded<'de, D: Deserializer<'de>>(
    deserializer: D,
    range: std::ops::RangeInclusive<usize>,
) -> Result<Option<usize>, D::Error> {
    let value = usize::deserialize(deserializer)?;
    if !range.contains(&value) {
        return Err(D::Error::custom(format!(
            "{value} is out of range: from {} to {}",
            range.start(),
            range.end()
        )));
    }
    Ok(Some(value))
}

fn connections<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<usize>, D::Error> {
    bounded(deserializer, 1..=1_000_000)
}

fn crawl_workers<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<usize>, D::Error> {
    bounded(deserializer, 1..=256)
}

fn duplicate_threshold<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<f32>, D::Error> {
    let value = f64::deserialize(deserializer)?;
    let floor = crate::meaning::DUPLICATE_FLOOR_DECIMAL;
    if (floor..=1.0).contains(&value) {
        Ok(Some(value as f32))
    } else {
        Err(D::Error::custom(format!(
            "duplicate_threshold must be between {floor} and 1, not {value}"
        )))
    }
}

fn small_count<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<usize>, D::Error> {
    bounded(deserializer, 1..=10_000)
}

impl ConfigFile {
    /// Reads and checks `path`.
    pub fn load(path: &Path) -> Result<ConfigFile, ConfigError> {
        let text = read_config_text(path)?;
        ConfigFile::parse(&text).map_err(|(offset, message)| {
            let (line, column) = line_and_column(&text, offset);
            ConfigError::Invalid {
                path: path.to_path_buf(),
                line,
                column,
                message,
            }
        })
    }

    /// Parses the text of a configuration file; an error gives the byte offset it is at.
    pub fn parse(text: &str) -> Result<ConfigFile, (usize, String)> {
        toml::from_str(text).map_err(|e: toml::de::Error| {
            let offset = e.span().map_or(0, |span| span.start);
            (offset, e.message().trim().to_string())
        })
    }

    /// The rate limit the file asks for (`None`: turned off).
    pub fn rate_limit(&self) -> Option<RateLimitConfig> {
        let section = &self.rate_limit;
        section.enabled.then(|| RateLimitConfig {
            per_second: section.per_second,
            burst: section.burst,
            trusted_proxies: section.trusted_proxies.clone(),
        })
    }

    /// The sign-in provider, when `[oidc]` (or its environment) names one: `issuer`,
    /// `client_id` and `client_secret_file` together, or none of the section's keys.
    pub fn oidc(&self) -> Result<Option<OidcConfig>, String> {
        let o = &self.oidc;
        match (&o.issuer, &o.client_id, &o.client_secret_file) {
            (Some(issuer), Some(client_id), Some(client_secret_file)) => Ok(Some(OidcConfig {
                issuer: issuer.clone(),
                client_id: client_id.clone(),
                client_secret_file: client_secret_file.clone(),
                redirect_url: o.redirect_url.clone(),
                public_url: o.public_url.clone(),
            })),
            (None, None, None) if o.redirect_url.is_none() && o.public_url.is_none() => Ok(None),
            _ => {
                let missing: Vec<&str> = [
                    ("issuer", o.issuer.is_none()),
                    ("client_id", o.client_id.is_none()),
                    ("client_secret_file", o.client_secret_file.is_none()),
                ]
                .iter()
                .filter(|(_, absent)| *absent)
                .map(|(name, _)| *name)
                .collect();
                Err(format!(
                    "[oidc] needs issuer, client_id and client_secret_file together; missing: {}",
                    missing.join(", ")
                ))
            }
        }
    }

    /// Puts the file's settings into `config`. Call [`ConfigFile::oidc`] first: an incomplete
    /// `[oidc]` is left out here.
    pub fn apply(&self, config: &mut ServeConfig) {
        if let Some(listen) = self.listen {
            config.listen = listen;
        }
        if let Some(data) = &self.data {
            config.data_dir = data.clone();
        }
        if let Some(database) = &self.database {
            config.database = Some(database.clone());
        }
        config.oidc = self.oidc().ok().flatten();
        config.admins = self.access.admins.clone();
        if let Some(lifetime) = self.access.session_lifetime {
            config.session_lifetime = lifetime;
        }
        if let Some(days) = self.access.token_max_days {
            config.token_max_days = days;
        }
        if let Some(days) = self.access.token_days {
            config.token_days = days;
        }
        config.token_days = config.token_days.min(config.token_max_days);
        let search = &self.search;
        config.meaning.off = search.meaning == Some(false);
        if let Some(dir) = &search.model_dir {
            config.meaning.model_dir = Some(dir.clone());
        }
        if let Some(fetch) = search.fetch_model {
            config.meaning.fetch = fetch;
        }
        if let Some(threshold) = search.duplicate_threshold {
            config.meaning.duplicate_threshold = threshold;
        }
        config.rate_limit = self.rate_limit();
        let limits = &self.limits;
        let connection = &mut config.limits;
        let defaults = ConnectionLimits::default();
        connection.max_connections = limits.max_connections.unwrap_or(defaults.max_connections);
        connection.header_read = limits.header_timeout.unwrap_or(defaults.header_read);
        connection.idle = limits.idle_timeout.unwrap_or(defaults.idle);
        connection.write = limits.write_timeout.unwrap_or(defaults.write);
        if let Some(timeout) = limits.request_timeout {
            config.request_timeout = timeout;
        }
        if let Some(validations) = limits.max_validations {
            config.max_validations = Some(validations);
        }
        if let Some(crawl) = config.crawl.as_mut() {
            if let Some(queue) = limits.hook_queue {
                crawl.hook_queue = queue;
            }
            if let Some(workers) = limits.crawl_workers {
                crawl.workers = Some(workers);
            }
        }
    }
}

/// The text of a configuration file, refused beyond [`MAX_CONFIG_BYTES`].
pub(crate) fn read_config_text(path: &Path) -> Result<String, ConfigError> {
    let read = |source| ConfigError::Read {
        path: path.to_path_buf(),
        source,
    };
    // Read at most one byte past the limit: a file's reported size can be wrong (a device, a
    // pipe, a file growing), and nothing larger is ever held.
    let mut text = String::new();
    std::fs::File::open(path)
        .and_then(|file| {
            use std::io::Read;
            file.take(MAX_CONFIG_BYTES + 1).read_to_string(&mut text)
        })
        .map_err(read)?;
    if text.len() as u64 > MAX_CONFIG_BYTES {
        return Err(ConfigError::TooLarge {
            path: path.to_path_buf(),
        });
    }
    Ok(text)
}

/// Line and column (from 1; the column in characters) of a byte offset.
pub(crate) fn line_and_column(text: &str, offset: usize) -> (usize, usize) {
    let mut end = offset.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let before = &text[..end];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error_at(text: &str) -> (usize, usize, String) {
        let (offset, message) = ConfigFile::parse(text).unwrap_err();
        let (line, column) = line_and_column(text, offset);
        (line, column, message)
    }

    /// The configuration `file` makes of the defaults, whose connection limits and request
    /// timeout must stay the defaults' (the callers' files leave them alone).
    fn applied_to_defaults(file: &ConfigFile) -> ServeConfig {
        let mut config = ServeConfig::default();
        file.apply(&mut config);
        assert_eq!(config.limits, ConnectionLimits::default());
        assert_eq!(
            config.request_timeout,
            ServeConfig::default().request_timeout
        );
        config
    }

    #[test]
    fn the_issue_example_reads_as_written() {
        let file = ConfigFile::parse(
            "[rate_limit]\nper_second = 20   # per client address, token bucket\nburst = 40\n",
        )
        .unwrap();
        let limit = file.rate_limit().unwrap();
        assert_eq!((limit.per_second.get(), limit.burst.get()), (20, 40));
        assert!(limit.trusted_proxies.is_empty());
    }

    #[test]
    fn an_empty_file_keeps_every_default_and_the_limit_on() {
        let file = ConfigFile::parse("").unwrap();
        assert_eq!(file.rate_limit(), Some(RateLimitConfig::default()));
        let config = applied_to_defaults(&file);
        assert_eq!(config.max_validations, None);
    }

    #[test]
    fn every_limit_is_applied() {
        let file = ConfigFile::parse(
            "[rate_limit]\nenabled = true\nper_second = 5\nburst = 7\n\
             trusted_proxies = [\"10.0.0.0/8\", \"192.0.2.1\", \"2001:db8::/32\"]\n\
             [limits]\nmax_connections = 10\nheader_timeout = \"5s\"\nidle_timeout = \"2m\"\n\
             write_timeout = \"15s\"\nrequest_timeout = \"20s\"\nmax_validations = 3\n\
             hook_queue = 8\ncrawl_workers = 3\n",
        )
        .unwrap();
        let mut config = ServeConfig {
            crawl: Some(crate::CrawlConfig {
                hook_queue: 64,
                ..crate::CrawlConfig::new("p.yml")
            }),
            ..ServeConfig::default()
        };
        file.apply(&mut config);
        let limit = config.rate_limit.unwrap();
        assert_eq!((limit.per_second.get(), limit.burst.get()), (5, 7));
        assert_eq!(limit.trusted_proxies.len(), 3);
        assert!(limit.trusted_proxies[1].contains(&"192.0.2.1".parse::<IpAddr>().unwrap()));
        assert_eq!(config.limits.max_connections, 10);
        assert_eq!(config.limits.header_read, Duration::from_secs(5));
        assert_eq!(config.limits.idle, Duration::from_secs(120));
        assert_eq!(config.limits.write, Duration::from_secs(15));
        assert_eq!(config.request_timeout, Duration::from_secs(20));
        assert_eq!(config.max_validations, Some(3));
        let crawl = config.crawl.unwrap();
        assert_eq!(crawl.hook_queue, 8);
        assert_eq!(crawl.workers, Some(3));
    }

    #[test]
    fn the_duplicate_threshold_is_between_the_floor_and_one() {
        let parse = |v: &str| ConfigFile::parse(&format!("[search]\nduplicate_threshold = {v}\n"));
        assert_eq!(parse("0.6").unwrap().search.duplicate_threshold, Some(0.6));
        assert_eq!(parse("1").unwrap().search.duplicate_threshold, Some(1.0));
        assert_eq!(parse("0.8").unwrap().search.duplicate_threshold, Some(0.8));
        for bad in [
            "0.59",
            "1.01",
            "-1",
            "\"high\"",
            "0.59999999999",
            "1.0000000000000002",
        ] {
            assert!(parse(bad).is_err(), "{bad}");
        }
    }

    /// The example in the documentation parses, and says the defaults as they are.
    #[test]
    fn the_documented_example_is_the_defaults() {
        let text = include_str!("../../../docs/commons.example.toml");
        let file = ConfigFile::parse(text).unwrap();
        assert_eq!(file.rate_limit(), Some(RateLimitConfig::default()));
        applied_to_defaults(&file);
        let uncommented = text.replace("# max_validations", "max_validations");
        let uncommented = uncommented.replace("# hook_queue", "hook_queue");
        let uncommented = uncommented.replace("# crawl_workers", "crawl_workers");
        let file = ConfigFile::parse(&uncommented).unwrap();
        assert_eq!(file.limits.max_validations, Some(1));
        assert_eq!(
            file.limits.hook_queue,
            Some(crate::hook_queue::DEFAULT_CAPACITY)
        );
        assert_eq!(
            file.limits.crawl_workers,
            Some(commons_crawler::CrawlerOptions::new("data").workers)
        );
    }

    #[test]
    fn the_limit_can_be_turned_off() {
        let file = ConfigFile::parse("[rate_limit]\nenabled = false\n").unwrap();
        assert_eq!(file.rate_limit(), None);
    }

    #[test]
    fn mistakes_are_named_where_they_are() {
        let (line, column, message) = error_at("[rate_limit]\nper_second = 0\n");
        assert_eq!((line, column), (2, 14), "{message}");
        assert!(message.contains("nonzero"), "{message}");

        let (line, column, message) = error_at("[rate_limit]\nburst = 4\nper_secnod = 3\n");
        assert_eq!((line, column), (3, 1), "{message}");
        assert!(message.contains("per_secnod"), "{message}");

        let (line, _, message) = error_at("[rate_limit]\ntrusted_proxies = [\"10.0.0.0/33\"]\n");
        assert_eq!(line, 2, "{message}");
        assert!(message.contains("10.0.0.0/33"), "{message}");

        let (line, column, message) = error_at("[limits]\n\nidle_timeout = \"forever\"\n");
        assert_eq!((line, column), (3, 16), "{message}");
        assert!(message.contains("not a duration"), "{message}");

        let (line, _, message) = error_at("[limits]\nrequest_timeout = \"0s\"\n");
        assert_eq!(line, 2);
        assert!(message.contains("out of range"), "{message}");

        let (line, _, message) = error_at("[limits]\nmax_connections = 0\n");
        assert_eq!(line, 2);
        assert!(message.contains("out of range"), "{message}");

        let (line, _, message) = error_at("[limits\n");
        assert_eq!(line, 1, "{message}");
    }

    #[test]
    fn a_file_on_disk_is_named_in_its_errors() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("commons.toml");
        std::fs::write(&path, "[limits]\nhook_queue = -1\n").unwrap();
        let error = ConfigFile::load(&path).unwrap_err().to_string();
        assert!(
            error.starts_with(&format!("{}:2:14: ", path.display())),
            "{error}"
        );
        let missing = ConfigFile::load(&dir.path().join("none.toml")).unwrap_err();
        assert!(matches!(missing, ConfigError::Read { .. }));
    }

    #[test]
    fn a_file_over_the_limit_is_refused_unread() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.toml");
        let line = "# padding\n";
        let over = "x".repeat(MAX_CONFIG_BYTES as usize + 1 - line.len());
        std::fs::write(&path, format!("{line}{over}")).unwrap();
        assert!(matches!(
            ConfigFile::load(&path).unwrap_err(),
            ConfigError::TooLarge { .. }
        ));
        // A device whose size reads 0 but never ends is cut at the limit, not read to the end.
        assert!(matches!(
            read_config_text(std::path::Path::new("/dev/zero")).unwrap_err(),
            ConfigError::TooLarge { .. }
        ));
    }
}
