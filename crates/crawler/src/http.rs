//! The crawler's HTTP client: polite and defensive.
//!
//! Only hosts named in the registry (plus `--allow-host`) are contacted, redirects included,
//! and only at public addresses: a host at a loopback, private, link-local or other non-public
//! address is refused unless `--allow-host` names it ([`commons_egress`]: names are filtered
//! when resolved, so the address connected to is the one checked; literal addresses are
//! checked before the request and each redirect). Every request has connect and read
//! timeouts; bodies are capped while they stream; at most [`Limits::per_host`] requests run
//! at once against one host; 5xx answers and network failures are retried with exponential
//! backoff and jitter; rate limits (`Retry-After`, `X-RateLimit-Remaining: 0` +
//! `X-RateLimit-Reset`) are waited out when the wait is short.
//! Tokens come from the environment per host and are sent only to that host, marked sensitive
//! so they never appear in logs or debug output.

use crate::error::FetchError;
use commons_egress::Allowance;
use rand::Rng;
use reqwest::header::{self, HeaderMap, HeaderValue};
use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime, UNIX_EPOCH};
use tokio::sync::Semaphore;
use url::Url;

/// Size and time limits on everything that comes from outside.
#[derive(Debug, Clone)]
pub struct Limits {
    /// Connecting to a host.
    pub connect_timeout: Duration,
    /// Waiting for the next bytes of an answer (a stalled server).
    pub read_timeout: Duration,
    /// One whole request.
    pub request_timeout: Duration,
    /// A publiccode.yml (the standard's 1 MiB).
    pub max_file: usize,
    /// One page of a forge's listing, or a git ref advertisement.
    pub max_listing: usize,
    /// Pages of one listing.
    pub max_pages: usize,
    /// Bytes a shallow git fetch may write to the cache.
    pub max_pack: u64,
    /// Bytes a repository's whole history (fetched to assess it) may take in the cache.
    pub max_history: u64,
    /// One git fetch.
    pub git_timeout: Duration,
    /// Attempts for a transient failure (first try included).
    pub attempts: u32,
    /// First backoff; doubled each retry, with jitter.
    pub backoff: Duration,
    /// Longest wait for a rate limit to reset before giving up on the request.
    pub max_rate_limit_wait: Duration,
    /// Requests at once against one host.
    pub per_host: usize,
    /// Redirects followed.
    pub max_redirects: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            connect_timeout: Duration::from_secs(10),
            read_timeout: Duration::from_secs(30),
            request_timeout: Duration::from_secs(60),
            max_file: commons_publiccode::MAX_FILE_SIZE,
            max_listing: 8 * 1024 * 1024,
            max_pages: 1000,
            max_pack: 200 * 1024 * 1024,
            max_history: 1024 * 1024 * 1024,
            git_timeout: Duration::from_secs(300),
            attempts: 3,
            backoff: Duration::from_millis(500),
            max_rate_limit_wait: Duration::from_secs(120),
            per_host: 4,
            max_redirects: 5,
        }
    }
}

/// Rate-limit waits for one request before it is given up.
const MAX_RATE_LIMIT_WAITS: u32 = 5;

/// How a forge wants its token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Auth {
    /// No token (plain git).
    None,
    /// `Authorization: Bearer <token>` (GitHub; GitLab accepts it for personal tokens too).
    Bearer,
    /// `Authorization: token <token>` (Gitea).
    Token,
}

/// One request.
#[derive(Debug, Clone)]
pub struct Request<'a> {
    /// The URL.
    pub url: &'a str,
    /// `Accept` header.
    pub accept: Option<&'a str>,
    /// A stored ETag, for `If-None-Match`.
    pub etag: Option<&'a str>,
    /// Body cap.
    pub cap: usize,
    /// Token style.
    pub auth: Auth,
    /// Extra headers (vendor API versions).
    pub headers: &'a [(&'static str, &'a str)],
}

/// An answer whose body was read within its cap.
#[derive(Debug, Clone)]
pub struct Answer {
    /// HTTP status.
    pub status: u16,
    /// The URL after redirects.
    pub final_url: Url,
    /// Headers.
    pub headers: HeaderMap,
    /// Body.
    pub body: Vec<u8>,
}

impl Answer {
    /// A header as text.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }
}

/// The name of the environment variable holding the token for `host` (`host:port`):
/// `COMMONS_TOKEN_` and the host in upper case, with every other character than A-Z and 0-9
/// as `_` (`gitlab.example.org` -> `COMMONS_TOKEN_GITLAB_EXAMPLE_ORG`).
pub fn token_variable(host: &str) -> String {
    let mut name = String::from("COMMONS_TOKEN_");
    name.extend(host.chars().map(|c| {
        if c.is_ascii_alphanumeric() {
            c.to_ascii_uppercase()
        } else {
            '_'
        }
    }));
    name
}

fn allows(allowed: &std::sync::RwLock<HashSet<String>>, host: &str) -> bool {
    allowed
        .read()
        .unwrap_or_else(|p| p.into_inner())
        .contains(host)
}

/// The crawler's HTTP client.
pub struct Http {
    client: reqwest::Client,
    /// Replaced whole when the registry changes (see [`Http::set_allowed`]).
    allowed: Arc<std::sync::RwLock<HashSet<String>>>,
    egress: Allowance,
    per_host: Mutex<HashMap<String, Arc<Semaphore>>>,
    limits: Limits,
}

impl Http {
    /// A client that contacts only `allowed` hosts (`host` or `host:port`, lower case), and
    /// them only at public addresses unless `egress` allows the host.
    pub fn new(
        allowed: HashSet<String>,
        egress: Allowance,
        limits: Limits,
    ) -> Result<Http, FetchError> {
        let allowed = Arc::new(std::sync::RwLock::new(allowed));
        let policy_hosts = Arc::clone(&allowed);
        let policy_egress = egress.clone();
        let max_redirects = limits.max_redirects;
        let policy = reqwest::redirect::Policy::custom(move |attempt| {
            if attempt.previous().len() > max_redirects {
                return attempt.error(format!("more than {max_redirects} redirects"));
            }
            let target = attempt.url();
            let scheme_ok = matches!(target.scheme(), "http" | "https");
            if let Err(refused) = policy_egress.check_url(target) {
                return attempt.error(refused);
            }
            match authority(target) {
                Some(host) if scheme_ok && allows(&policy_hosts, &host) => attempt.follow(),
                _ => {
                    let shown = target.host_str().unwrap_or("?").to_string();
                    attempt.error(format!(
                        "redirect to {shown}, a host outside the publishers registry"
                    ))
                }
            }
        });
        let client = reqwest::Client::builder()
            .user_agent(concat!("commons-crawler/", env!("CARGO_PKG_VERSION")))
            .connect_timeout(limits.connect_timeout)
            .read_timeout(limits.read_timeout)
            .timeout(limits.request_timeout)
            .redirect(policy)
            .dns_resolver(egress.resolver())
            .build()
            .map_err(|e| FetchError::Unreachable(format!("HTTP client: {e}")))?;
        Ok(Http {
            client,
            allowed,
            egress,
            per_host: Mutex::new(HashMap::new()),
            limits,
        })
    }

    /// Contacts only these hosts from now on (the registry changed).
    pub fn set_allowed(&self, hosts: HashSet<String>) {
        let mut allowed = self.allowed.write().unwrap_or_else(|p| p.into_inner());
        *allowed = hosts;
    }

    /// The limits in force.
    pub fn limits(&self) -> &Limits {
        &self.limits
    }

    /// The addresses allowed besides public ones (for `git`, which connects by itself).
    pub fn egress(&self) -> &Allowance {
        &self.egress
    }

    /// Whether a URL may be contacted: an allowed host, and not a literal address refused.
    pub fn check_allowed(&self, url: &Url) -> Result<String, FetchError> {
        if !matches!(url.scheme(), "http" | "https") {
            return Err(FetchError::Refused(format!(
                "{url}: only http and https are used"
            )));
        }
        let host = match authority(url) {
            Some(host) if allows(&self.allowed, &host) => host,
            _ => {
                return Err(FetchError::Refused(format!(
                    "{}: host not named in the publishers registry",
                    url.host_str().unwrap_or("?")
                )));
            }
        };
        self.egress
            .check_url(url)
            .map_err(|refused| FetchError::Refused(refused.to_string()))?;
        Ok(host)
    }

    fn host_slot(&self, host: &str) -> Arc<Semaphore> {
        let mut map = self.per_host.lock().unwrap_or_else(|p| p.into_inner());
        Arc::clone(
            map.entry(host.to_string())
                .or_insert_with(|| Arc::new(Semaphore::new(self.limits.per_host))),
        )
    }

    /// Waits for a slot on a host (git fetches share the per-host limit with API calls).
    pub async fn host_permit(&self, host: &str) -> tokio::sync::OwnedSemaphorePermit {
        self.host_slot(host)
            .acquire_owned()
            .await
            .expect("host semaphores are never closed")
    }

    /// GETs a URL with retries, rate-limit waits and a body cap. 4xx answers (and 304) are
    /// returned for the caller to interpret; 5xx and network failures are retried and end in
    /// [`FetchError::Unreachable`].
    pub async fn get(&self, request: &Request<'_>) -> Result<Answer, FetchError> {
        let url = Url::parse(request.url)
            .map_err(|e| FetchError::Refused(format!("{}: bad URL: {e}", request.url)))?;
        let host = self.check_allowed(&url)?;
        let mut attempt = 0;
        let mut rate_waits = 0;
        loop {
            attempt += 1;
            let result = {
                let _permit = self.host_permit(&host).await;
                self.get_once(&url, &host, request).await
            };
            let wait = match &result {
                Err(Retry::Transient(_)) => backoff(self.limits.backoff, attempt),
                Err(Retry::RateLimited { wait, .. }) => *wait,
                Err(Retry::Final(_)) | Ok(_) => Duration::ZERO,
            };
            match result {
                Ok(answer) => return Ok(answer),
                Err(Retry::Final(e)) => return Err(e),
                Err(Retry::RateLimited { message, wait }) => {
                    // Waiting out a rate limit is not a failed attempt, but it is bounded.
                    rate_waits += 1;
                    attempt -= 1;
                    if wait > self.limits.max_rate_limit_wait || rate_waits > MAX_RATE_LIMIT_WAITS {
                        return Err(FetchError::RateLimited(message));
                    }
                }
                Err(Retry::Transient(message)) => {
                    if attempt >= self.limits.attempts {
                        return Err(FetchError::Unreachable(message));
                    }
                }
            }
            tokio::time::sleep(wait).await;
        }
    }

    async fn get_once(
        &self,
        url: &Url,
        host: &str,
        request: &Request<'_>,
    ) -> Result<Answer, Retry> {
        let mut builder = self.client.get(url.clone());
        if let Some(accept) = request.accept {
            builder = builder.header(header::ACCEPT, accept);
        }
        if let Some(etag) = request.etag {
            builder = builder.header(header::IF_NONE_MATCH, etag);
        }
        for (name, value) in request.headers {
            builder = builder.header(*name, *value);
        }
        if let Some(value) = auth_header(request.auth, host) {
            builder = builder.header(header::AUTHORIZATION, value);
        }
        let response = builder.send().await.map_err(classify)?;
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        if let Some(limited) = rate_limit(status, &headers) {
            return Err(limited);
        }
        if status >= 500 {
            return Err(Retry::Transient(format!("HTTP {status} from {host}")));
        }
        let final_url = response.url().clone();
        let body = if (200..300).contains(&status) {
            read_capped(response, request.cap).await?
        } else {
            // Error bodies are not needed; a small read keeps the connection reusable.
            read_capped(response, 64 * 1024).await.unwrap_or_default()
        };
        Ok(Answer {
            status,
            final_url,
            headers,
            body,
        })
    }
}

/// Why one attempt failed, and whether to try again.
enum Retry {
    Transient(String),
    RateLimited { message: String, wait: Duration },
    Final(FetchError),
}

fn authority(url: &Url) -> Option<String> {
    let host = url.host_str()?.to_ascii_lowercase();
    Some(match url.port() {
        Some(port) => format!("{host}:{port}"),
        None => host,
    })
}

fn auth_header(auth: Auth, host: &str) -> Option<HeaderValue> {
    let prefix = match auth {
        Auth::None => return None,
        Auth::Bearer => "Bearer",
        Auth::Token => "token",
    };
    let token = std::env::var(token_variable(host)).ok()?;
    let mut value = HeaderValue::from_str(&format!("{prefix} {}", token.trim())).ok()?;
    value.set_sensitive(true);
    Some(value)
}

fn classify(error: reqwest::Error) -> Retry {
    // Refused by the resolver: an address that no retry will change.
    if let Some(refused) = commons_egress::refused_in(&error) {
        return Retry::Final(FetchError::Refused(refused.to_string()));
    }
    if error.is_redirect() {
        // The policy's own message says why (outside the registry, too many).
        let message = std::error::Error::source(&error)
            .map(|s| s.to_string())
            .unwrap_or_else(|| error.to_string());
        return Retry::Final(FetchError::Refused(message));
    }
    let kind = if error.is_timeout() {
        "timed out"
    } else if error.is_connect() {
        "connection failed"
    } else {
        "request failed"
    };
    Retry::Transient(format!("{kind}: {}", error_chain(&error)))
}

fn error_chain(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(s) = source {
        text.push_str(": ");
        text.push_str(&s.to_string());
        source = s.source();
    }
    text
}

/// The vendors' documented rate-limit answers: 429, or 403 with `X-RateLimit-Remaining: 0`
/// or `Retry-After` (GitHub's primary and secondary limits; GitLab and Gitea use 429).
fn rate_limit(status: u16, headers: &HeaderMap) -> Option<Retry> {
    let text = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    let retry_after = text("retry-after").and_then(|v| v.trim().parse::<u64>().ok());
    let exhausted = text("x-ratelimit-remaining").map(str::trim) == Some("0")
        || text("ratelimit-remaining").map(str::trim) == Some("0");
    let limited = status == 429 || (status == 403 && (exhausted || retry_after.is_some()));
    if !limited {
        return None;
    }
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let reset = text("x-ratelimit-reset")
        .or_else(|| text("ratelimit-reset"))
        .and_then(|v| v.trim().parse::<u64>().ok())
        .map(|at| at.saturating_sub(now));
    // Retry-After first; then the reset time; else at least a minute, as GitHub asks.
    let seconds = retry_after
        .or(if exhausted { reset } else { None })
        .unwrap_or(60);
    Some(Retry::RateLimited {
        message: format!("rate limited (HTTP {status}); retry in {seconds} s"),
        wait: Duration::from_secs(seconds),
    })
}

fn backoff(base: Duration, attempt: u32) -> Duration {
    let exponential = base.saturating_mul(1 << attempt.saturating_sub(1).min(10));
    let jitter = rand::rng().random_range(0.5..1.5);
    exponential.mul_f64(jitter)
}

/// Reads a body, refusing it as soon as it passes `cap` (before, when Content-Length says so).
async fn read_capped(mut response: reqwest::Response, cap: usize) -> Result<Vec<u8>, Retry> {
    if let Some(length) = response.content_length()
        && length > cap as u64
    {
        return Err(Retry::Final(FetchError::TooLarge(format!(
            "{length} bytes announced, more than the {cap} bytes allowed"
        ))));
    }
    let mut body = Vec::new();
    loop {
        match response.chunk().await {
            Ok(Some(chunk)) => {
                if body.len() + chunk.len() > cap {
                    return Err(Retry::Final(FetchError::TooLarge(format!(
                        "more than the {cap} bytes allowed"
                    ))));
                }
                body.extend_from_slice(&chunk);
            }
            Ok(None) => return Ok(body),
            Err(e) => {
                let kind = if e.is_timeout() {
                    "stalled mid-body"
                } else {
                    "broken body"
                };
                return Err(Retry::Transient(format!("{kind}: {}", error_chain(&e))));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_variables_name_the_host() {
        assert_eq!(
            token_variable("gitlab.example-org.int"),
            "COMMONS_TOKEN_GITLAB_EXAMPLE_ORG_INT"
        );
        assert_eq!(
            token_variable("127.0.0.1:8080"),
            "COMMONS_TOKEN_127_0_0_1_8080"
        );
    }

    #[test]
    fn tokens_go_to_their_own_host_only_and_are_marked_sensitive() {
        // A variable no other test reads, so setting it cannot race another test's reads.
        // SAFETY: no other thread reads or writes this variable.
        unsafe { std::env::set_var("COMMONS_TOKEN_TOKEN_TEST_INVALID", " s3cret\n") };
        let bearer = auth_header(Auth::Bearer, "token-test.invalid").unwrap();
        assert_eq!(bearer.to_str().unwrap(), "Bearer s3cret");
        assert!(bearer.is_sensitive());
        assert!(
            !format!("{bearer:?}").contains("s3cret"),
            "never in debug output"
        );
        let gitea = auth_header(Auth::Token, "token-test.invalid").unwrap();
        assert_eq!(gitea.to_str().unwrap(), "token s3cret");
        assert!(auth_header(Auth::None, "token-test.invalid").is_none());
        assert!(auth_header(Auth::Bearer, "other-host.invalid").is_none());
    }

    #[test]
    fn rate_limits_follow_the_documented_headers() {
        let mut h = HeaderMap::new();
        assert!(rate_limit(403, &h).is_none(), "a plain 403 is a refusal");
        h.insert("retry-after", HeaderValue::from_static("7"));
        match rate_limit(403, &h) {
            Some(Retry::RateLimited { wait, .. }) => assert_eq!(wait, Duration::from_secs(7)),
            _ => panic!("secondary limit"),
        }
        let mut h = HeaderMap::new();
        h.insert("x-ratelimit-remaining", HeaderValue::from_static("0"));
        let reset = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap()
            .as_secs()
            + 30;
        h.insert(
            "x-ratelimit-reset",
            HeaderValue::from_str(&reset.to_string()).unwrap(),
        );
        match rate_limit(403, &h) {
            Some(Retry::RateLimited { wait, .. }) => {
                assert!((29..=30).contains(&wait.as_secs()), "{wait:?}")
            }
            _ => panic!("primary limit"),
        }
        match rate_limit(429, &HeaderMap::new()) {
            Some(Retry::RateLimited { wait, .. }) => assert_eq!(wait, Duration::from_secs(60)),
            _ => panic!("429"),
        }
    }

    fn client(allowed: &[&str], egress: &[&str]) -> Http {
        let allowed = allowed.iter().map(|h| h.to_string()).collect();
        Http::new(allowed, Allowance::hosts(egress), Limits::default()).unwrap()
    }

    #[test]
    fn literal_non_public_addresses_are_refused_before_any_request() {
        // These hosts are in the allowlist, as a registry could name them: only the operator's
        // --allow-host lets the crawler reach a non-public address. check_allowed runs before
        // every request and git fetch, so nothing is sent to these addresses.
        let hosts = [
            "127.0.0.1:8080",
            "[::1]:8080",
            "10.0.0.7",
            "169.254.169.254",
            "[fd00::1]",
            "100.64.1.1",
        ];
        let http = client(&hosts, &[]);
        for host in hosts {
            let url = Url::parse(&format!("http://{host}/group")).unwrap();
            match http.check_allowed(&url) {
                Err(FetchError::Refused(why)) => assert!(why.contains("--allow-host"), "{why}"),
                other => panic!("{host}: {other:?}"),
            }
        }
        let allowed = client(&hosts, &["127.0.0.1:8080", "[::1]:8080"]);
        for host in ["127.0.0.1:8080", "[::1]:8080"] {
            let url = Url::parse(&format!("http://{host}/group")).unwrap();
            assert!(allowed.check_allowed(&url).is_ok(), "{host}");
        }
        let url = Url::parse("http://10.0.0.7/group").unwrap();
        assert!(allowed.check_allowed(&url).is_err());
    }

    #[test]
    fn backoff_grows_with_jitter() {
        let base = Duration::from_millis(100);
        for attempt in 1..5 {
            let d = backoff(base, attempt);
            let nominal = 100.0 * f64::from(1u32 << (attempt - 1));
            let ms = d.as_secs_f64() * 1000.0;
            assert!(
                ms >= nominal * 0.5 && ms <= nominal * 1.5,
                "{attempt}: {ms}"
            );
        }
    }
}
