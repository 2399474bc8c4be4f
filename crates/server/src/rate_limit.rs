//! A request budget per client, so that one client cannot starve the others: a token bucket
//! (GCRA, through `governor`) per client address, refilled at `per_second` and holding at most
//! `burst`. Over budget, the API answers `429` as problem+json and pages as a page, both with
//! `Retry-After`. The probes (`/healthz`, `/readyz`) and `/metrics` are never limited: an
//! orchestrator that cannot see the server would restart a healthy one.
//!
//! Who the client is: the connection's peer address, unless that peer is a proxy the operator
//! trusts; then the nearest address in `X-Forwarded-For` that is not a trusted proxy. A header
//! from anyone else is ignored, since a client could otherwise take a fresh address with every
//! request. An IPv6 client is counted by its /64, the block one subscriber gets.

use crate::state::AppState;
use axum::extract::{ConnectInfo, Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use governor::clock::Clock;
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use ipnet::IpNet;
use std::net::{IpAddr, Ipv6Addr, SocketAddr};
use std::num::NonZeroU32;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

/// The budget per client, as the operator sets it (`[rate_limit]` in the config file).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RateLimitConfig {
    /// Requests a second a client may make, on average.
    pub per_second: NonZeroU32,
    /// Requests a client may make at once after a quiet spell.
    pub burst: NonZeroU32,
    /// Proxies (addresses or networks) whose `X-Forwarded-For` is believed.
    pub trusted_proxies: Vec<IpNet>,
}

impl Default for RateLimitConfig {
    /// 20 a second, 40 at once: a person browsing never meets it (a page is one request and
    /// its assets are cached), a script that does not pace itself does.
    fn default() -> Self {
        RateLimitConfig {
            per_second: NonZeroU32::new(20).expect("20 is not zero"),
            burst: NonZeroU32::new(40).expect("40 is not zero"),
            trusted_proxies: Vec::new(),
        }
    }
}

/// Clients tracked before idle ones are forgotten at once (at most once a second) rather than
/// in the periodic sweep: about 100 bytes each, some tens of MB. Clients still active after a
/// sweep stay tracked: a flood from more addresses than this is for the network in front.
const MAX_TRACKED_CLIENTS: usize = 200_000;
/// Requests between two sweeps of clients whose bucket is full again.
const SWEEP_EVERY: u64 = 8_192;

/// The buckets of every client.
pub struct ClientLimiter {
    limiter: DefaultKeyedRateLimiter<IpAddr>,
    trusted_proxies: Vec<IpNet>,
    checks: AtomicU64,
    /// When the last sweep ran, in milliseconds since `started`.
    last_sweep: AtomicU64,
    started: std::time::Instant,
    per_second: u32,
    burst: u32,
}

impl ClientLimiter {
    /// Buckets as `config` says.
    pub fn new(config: &RateLimitConfig) -> Self {
        let quota = Quota::per_second(config.per_second).allow_burst(config.burst);
        ClientLimiter {
            limiter: RateLimiter::keyed(quota),
            trusted_proxies: config.trusted_proxies.clone(),
            checks: AtomicU64::new(0),
            last_sweep: AtomicU64::new(0),
            started: std::time::Instant::now(),
            per_second: config.per_second.get(),
            burst: config.burst.get(),
        }
    }

    /// Takes one request from the client's bucket; `Err` holds how long until the next one
    /// would be allowed.
    pub fn check(&self, client: IpAddr) -> Result<(), Duration> {
        let count = self.checks.fetch_add(1, Ordering::Relaxed);
        // Counting the clients takes a lock per shard of the map: look every 256th request.
        if count.is_multiple_of(SWEEP_EVERY) || (count.is_multiple_of(256) && self.crowded()) {
            self.sweep();
        }
        self.limiter
            .check_key(&client)
            .map_err(|not_until| not_until.wait_time_from(self.limiter.clock().now()))
    }

    /// Over the tracked clients' bound, and no sweep in the last second (a sweep walks every
    /// client: doing it on every request of a flood would be the flood's win).
    fn crowded(&self) -> bool {
        if self.limiter.len() <= MAX_TRACKED_CLIENTS {
            return false;
        }
        let now = u64::try_from(self.started.elapsed().as_millis()).unwrap_or(u64::MAX);
        let last = self.last_sweep.load(Ordering::Relaxed);
        now.saturating_sub(last) >= 1000
            && self
                .last_sweep
                .compare_exchange(last, now, Ordering::Relaxed, Ordering::Relaxed)
                .is_ok()
    }

    /// Forgets the clients whose bucket is full again: they are as if never seen.
    fn sweep(&self) {
        self.limiter.retain_recent();
        self.limiter.shrink_to_fit();
    }

    /// Clients tracked now.
    pub fn tracked(&self) -> usize {
        self.limiter.len()
    }

    /// The client a request counts against (see the module's documentation).
    pub fn client_of(&self, peer: IpAddr, headers: &HeaderMap) -> IpAddr {
        counted_block(client_address(peer, headers, &self.trusted_proxies))
    }
}

fn is_trusted(address: IpAddr, trusted: &[IpNet]) -> bool {
    trusted.iter().any(|net| net.contains(&address))
}

/// The peer, or, from a trusted proxy, the nearest untrusted hop of `X-Forwarded-For` (read
/// right to left, each proxy having appended the address it saw). A hop that is not an
/// address stops the walk at the last believed one: what lies left of it is the client's to
/// write.
fn client_address(peer: IpAddr, headers: &HeaderMap, trusted: &[IpNet]) -> IpAddr {
    let peer = peer.to_canonical();
    if !is_trusted(peer, trusted) {
        return peer;
    }
    let hops: Vec<&str> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .map(str::trim)
        .collect();
    let mut client = peer;
    for hop in hops.iter().rev() {
        let Ok(address) = hop.parse::<IpAddr>() else {
            break;
        };
        client = address.to_canonical();
        if !is_trusted(client, trusted) {
            break;
        }
    }
    client
}

/// IPv6 clients by their /64; IPv4 by address.
fn counted_block(address: IpAddr) -> IpAddr {
    match address {
        IpAddr::V4(_) => address,
        IpAddr::V6(v6) => {
            let prefix = u128::from(v6) & !((1u128 << 64) - 1);
            IpAddr::V6(Ipv6Addr::from(prefix))
        }
    }
}

/// Paths never limited: the probes and the metrics.
fn is_exempt(path: &str) -> bool {
    matches!(path, "/healthz" | "/readyz" | "/metrics")
}

/// Whole seconds to wait, rounded up, at least one (`Retry-After` has no fractions).
fn retry_after_seconds(wait: Duration) -> u64 {
    wait.as_secs() + u64::from(wait.subsec_nanos() > 0)
}

/// Answers `429` to a client over its budget; lets everything else through.
pub async fn limit_clients(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let Some(limiter) = state.rate_limiter.as_ref() else {
        return next.run(request).await;
    };
    let path = request.uri().path();
    if is_exempt(path) {
        return next.run(request).await;
    }
    let Some(peer) = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|info| info.0.ip())
    else {
        // Only the in-process tests' router has no peer; a served connection always does.
        return next.run(request).await;
    };
    let client = limiter.client_of(peer, request.headers());
    let Err(wait) = limiter.check(client) else {
        return next.run(request).await;
    };
    let seconds = retry_after_seconds(wait);
    let api = path.starts_with("/api/");
    state.metrics.rate_limited(if api { "api" } else { "page" });
    let mut response = if api {
        crate::error::problem_response(
            StatusCode::TOO_MANY_REQUESTS,
            "too-many-requests",
            format!(
                "over the budget of {} requests a second ({} at once) for one client: retry \
                 in {seconds} s",
                limiter.per_second, limiter.burst
            ),
        )
    } else {
        let (parts, _) = request.into_parts();
        crate::web::error_page(
            crate::web::Ctx::from_parts(&parts),
            StatusCode::TOO_MANY_REQUESTS,
            None,
        )
    };
    if let Ok(value) = HeaderValue::from_str(&seconds.to_string()) {
        response.headers_mut().insert(header::RETRY_AFTER, value);
    }
    response.into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn trusted(nets: &[&str]) -> Vec<IpNet> {
        nets.iter()
            .map(|net| match net.parse::<IpNet>() {
                Ok(net) => net,
                Err(_) => IpNet::from(net.parse::<IpAddr>().unwrap()),
            })
            .collect()
    }

    fn forwarded(values: &[&str]) -> HeaderMap {
        let mut headers = HeaderMap::new();
        for value in values {
            headers.append("x-forwarded-for", value.parse().unwrap());
        }
        headers
    }

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    #[test]
    fn a_forwarded_address_is_believed_only_from_a_trusted_proxy() {
        let proxies = trusted(&["10.0.0.0/8"]);
        let headers = forwarded(&["198.51.100.7"]);
        assert_eq!(
            client_address(ip("10.1.2.3"), &headers, &proxies),
            ip("198.51.100.7")
        );
        assert_eq!(
            client_address(ip("203.0.113.9"), &headers, &proxies),
            ip("203.0.113.9"),
            "a client cannot name itself"
        );
        assert_eq!(
            client_address(ip("10.1.2.3"), &headers, &[]),
            ip("10.1.2.3"),
            "nothing is trusted by default"
        );
    }

    #[test]
    fn the_nearest_untrusted_hop_is_the_client_whatever_it_wrote_before() {
        let proxies = trusted(&["10.0.0.0/8", "192.0.2.1"]);
        // The client wrote a made-up address first; the edge proxy appended what it saw,
        // then an inner proxy appended the edge proxy.
        let headers = forwarded(&["1.2.3.4, 198.51.100.7", "192.0.2.1"]);
        assert_eq!(
            client_address(ip("10.0.0.5"), &headers, &proxies),
            ip("198.51.100.7")
        );
        // A hop that is not an address stops the walk at the last believed one.
        let headers = forwarded(&["198.51.100.7, garbage, 192.0.2.1"]);
        assert_eq!(
            client_address(ip("10.0.0.5"), &headers, &proxies),
            ip("192.0.2.1")
        );
        // No header: the proxy itself.
        assert_eq!(
            client_address(ip("10.0.0.5"), &HeaderMap::new(), &proxies),
            ip("10.0.0.5")
        );
    }

    #[test]
    fn ipv4_mapped_peers_and_ipv6_blocks_count_as_one_client() {
        assert_eq!(
            client_address(
                ip("::ffff:10.0.0.5"),
                &forwarded(&["198.51.100.7"]),
                &trusted(&["10.0.0.0/8"])
            ),
            ip("198.51.100.7")
        );
        assert_eq!(
            counted_block(ip("2001:db8:1:2:aaaa::1")),
            counted_block(ip("2001:db8:1:2:ffff::9"))
        );
        assert_ne!(
            counted_block(ip("2001:db8:1:2::1")),
            counted_block(ip("2001:db8:1:3::1"))
        );
        assert_eq!(counted_block(ip("198.51.100.7")), ip("198.51.100.7"));
    }

    #[test]
    fn a_client_gets_its_burst_then_waits_and_others_are_not_affected() {
        let limiter = ClientLimiter::new(&RateLimitConfig {
            per_second: NonZeroU32::new(2).unwrap(),
            burst: NonZeroU32::new(3).unwrap(),
            trusted_proxies: Vec::new(),
        });
        let greedy = ip("198.51.100.7");
        for _ in 0..3 {
            assert_eq!(limiter.check(greedy), Ok(()));
        }
        let wait = limiter.check(greedy).unwrap_err();
        assert!(
            wait > Duration::ZERO && wait <= Duration::from_millis(500),
            "{wait:?}"
        );
        assert_eq!(retry_after_seconds(wait), 1);
        assert_eq!(limiter.check(ip("198.51.100.8")), Ok(()));
        assert_eq!(limiter.tracked(), 2);
    }

    #[test]
    fn clients_whose_bucket_is_full_again_are_forgotten_and_the_others_kept() {
        let limiter = ClientLimiter::new(&RateLimitConfig {
            per_second: NonZeroU32::new(1000).unwrap(),
            burst: NonZeroU32::new(1).unwrap(),
            trusted_proxies: Vec::new(),
        });
        for last in 1..=50u8 {
            let _ = limiter.check(IpAddr::from([198, 51, 100, last]));
        }
        assert_eq!(limiter.tracked(), 50);
        std::thread::sleep(Duration::from_millis(20));
        let slow = ClientLimiter::new(&RateLimitConfig {
            per_second: NonZeroU32::new(1).unwrap(),
            burst: NonZeroU32::new(1).unwrap(),
            trusted_proxies: Vec::new(),
        });
        let _ = slow.check(ip("198.51.100.1"));
        limiter.sweep();
        slow.sweep();
        assert_eq!(limiter.tracked(), 0, "refilled: forgotten");
        assert_eq!(
            slow.tracked(),
            1,
            "still waiting: kept, or its wait would be forgotten"
        );
    }

    #[test]
    fn retry_after_rounds_up() {
        assert_eq!(retry_after_seconds(Duration::from_millis(1)), 1);
        assert_eq!(retry_after_seconds(Duration::from_secs(2)), 2);
        assert_eq!(retry_after_seconds(Duration::from_millis(2001)), 3);
    }
}
