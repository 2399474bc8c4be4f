//! Where Commons connects: the addresses it refuses, and the checks that hold them off.
//!
//! The crawler and `validate --network` fetch URLs that come from files anyone can write and
//! from forges anyone can push to. Left alone they would reach the operator's own network:
//! loopback services, the cloud metadata endpoint (169.254.169.254), private ranges. So every
//! outbound connection goes to a public address, unless the operator names the host in an
//! [`Allowance`] (`--allow-host`).
//!
//! - [`refusal`]: whether an address is one Commons does not connect to, and why (loopback,
//!   private, link-local, unique-local, multicast, unspecified, shared/CGNAT, documentation,
//!   benchmarking, reserved; IPv4 inside IPv6 judged as the IPv4 address it carries).
//! - [`Allowance::resolver`]: a DNS resolver for reqwest that resolves, drops the refused
//!   addresses and hands reqwest only the others, so the address connected to is always one
//!   that was checked: a name that answers a public address to a check and a private one to
//!   the connection (DNS rebinding) cannot get round it.
//! - [`Allowance::check_url`]: a URL whose host is a literal address is never resolved, so it
//!   is checked before the request and before each redirect is followed.
//! - [`Allowance::resolve`]: the same resolution for programs that connect themselves (`git`):
//!   the caller pins the connection to the addresses returned.

#![deny(missing_docs)]

use ipnet::{Ipv4Net, Ipv6Net};
use std::collections::HashSet;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::sync::{Arc, LazyLock};
use url::{Host, Url};

/// An address that was not contacted, and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "{host} is at {address}, a {why} address: not contacted unless the operator allows the host (--allow-host)"
)]
pub struct Refused {
    /// The host as the URL named it.
    pub host: String,
    /// The address refused (the first, when a name resolved to several).
    pub address: IpAddr,
    /// The kind of address (`loopback`, `private`, ...).
    pub why: &'static str,
}

/// Why a name could not be turned into addresses to connect to.
#[derive(Debug, thiserror::Error)]
pub enum ResolveError {
    /// Every address it resolved to is refused.
    #[error(transparent)]
    Refused(#[from] Refused),
    /// The lookup itself failed, or found nothing.
    #[error("cannot resolve {host}: {message}")]
    Lookup {
        /// The name.
        host: String,
        /// Why.
        message: String,
    },
}

const V4_RANGES: &[(&str, &str)] = &[
    ("0.0.0.0/8", "unspecified"),
    ("10.0.0.0/8", "private"),
    ("100.64.0.0/10", "shared (CGNAT)"),
    ("127.0.0.0/8", "loopback"),
    ("169.254.0.0/16", "link-local"),
    ("172.16.0.0/12", "private"),
    ("192.0.0.0/24", "IETF protocol"),
    ("192.0.2.0/24", "documentation"),
    ("192.88.99.0/24", "6to4 relay"),
    ("192.168.0.0/16", "private"),
    ("198.18.0.0/15", "benchmarking"),
    ("198.51.100.0/24", "documentation"),
    ("203.0.113.0/24", "documentation"),
    ("224.0.0.0/4", "multicast"),
    ("240.0.0.0/4", "reserved"),
];

const V6_RANGES: &[(&str, &str)] = &[
    ("::/128", "unspecified"),
    ("::1/128", "loopback"),
    // IPv4-compatible addresses (deprecated): nothing public uses them.
    ("::/96", "IPv4-compatible"),
    ("64:ff9b:1::/48", "local NAT64"),
    ("100::/64", "discard"),
    ("2001::/32", "Teredo"),
    ("2001:db8::/32", "documentation"),
    ("3fff::/20", "documentation"),
    ("fc00::/7", "unique-local"),
    ("fe80::/10", "link-local"),
    ("fec0::/10", "site-local"),
    ("ff00::/8", "multicast"),
];

fn parsed<N: std::str::FromStr>(table: &[(&str, &'static str)]) -> Vec<(N, &'static str)>
where
    N::Err: std::fmt::Debug,
{
    table
        .iter()
        .map(|(net, why)| (net.parse().expect("the tables are valid CIDR"), *why))
        .collect()
}

static V4: LazyLock<Vec<(Ipv4Net, &'static str)>> = LazyLock::new(|| parsed(V4_RANGES));
static V6: LazyLock<Vec<(Ipv6Net, &'static str)>> = LazyLock::new(|| parsed(V6_RANGES));

/// Why Commons does not connect to `address`, or `None` when it may.
pub fn refusal(address: IpAddr) -> Option<&'static str> {
    match address {
        IpAddr::V4(v4) => refusal_v4(v4),
        IpAddr::V6(v6) => match embedded_v4(v6) {
            // Mapped, NAT64 and 6to4 addresses reach the IPv4 address they carry.
            Some(v4) => refusal_v4(v4),
            None => V6
                .iter()
                .find(|(net, _)| net.contains(&v6))
                .map(|(_, why)| *why),
        },
    }
}

fn refusal_v4(address: Ipv4Addr) -> Option<&'static str> {
    V4.iter()
        .find(|(net, _)| net.contains(&address))
        .map(|(_, why)| *why)
}

/// The IPv4 address an IPv4-mapped (`::ffff:a.b.c.d`), NAT64 (`64:ff9b::a.b.c.d`) or 6to4
/// (`2002:aabb:ccdd::`) address carries.
fn embedded_v4(address: Ipv6Addr) -> Option<Ipv4Addr> {
    if let Some(v4) = address.to_ipv4_mapped() {
        return Some(v4);
    }
    let s = address.segments();
    let low = |hi: u16, lo: u16| Ipv4Addr::from((u32::from(hi) << 16) | u32::from(lo));
    match s {
        [0x64, 0xff9b, 0, 0, 0, 0, hi, lo] => Some(low(hi, lo)),
        [0x2002, hi, lo, ..] => Some(low(hi, lo)),
        _ => None,
    }
}

/// The hosts the operator allows to be at any address (`--allow-host`), by name or literal
/// address, without port: allowing `git.internal:8080` allows `git.internal`'s addresses.
#[derive(Debug, Clone, Default)]
pub struct Allowance {
    hosts: Arc<HashSet<String>>,
}

/// `host` of `host`, `host:port`, `[v6]:port` or a bare IPv6 address, in lower case.
fn host_part(entry: &str) -> String {
    let entry = entry.trim();
    let host = if let Some(rest) = entry.strip_prefix('[') {
        rest.split(']').next().unwrap_or(rest)
    } else if entry.matches(':').count() == 1 {
        entry.split(':').next().unwrap_or(entry)
    } else {
        entry
    };
    host.trim_end_matches('.').to_ascii_lowercase()
}

impl Allowance {
    /// Allows no host: only public addresses are contacted.
    pub fn none() -> Allowance {
        Allowance::default()
    }

    /// Allows these hosts (`host` or `host:port`) to be at any address.
    pub fn hosts<S: AsRef<str>>(hosts: impl IntoIterator<Item = S>) -> Allowance {
        Allowance {
            hosts: Arc::new(hosts.into_iter().map(|h| host_part(h.as_ref())).collect()),
        }
    }

    /// Whether the operator allowed this host (a name or a literal address).
    pub fn allows(&self, host: &str) -> bool {
        let host = host_part(host);
        if self.hosts.contains(&host) {
            return true;
        }
        // `::1` and `[::1]`, `127.1` and `127.0.0.1`: an address is compared as an address.
        host.parse::<IpAddr>().is_ok_and(|ip| {
            self.hosts
                .iter()
                .any(|h| h.parse::<IpAddr>().is_ok_and(|allowed| allowed == ip))
        })
    }

    /// Refuses a URL whose host is a literal address Commons does not connect to (names are
    /// checked when they are resolved, by [`Allowance::resolver`] or [`Allowance::resolve`]).
    pub fn check_url(&self, url: &Url) -> Result<(), Refused> {
        let address = match url.host() {
            Some(Host::Ipv4(v4)) => IpAddr::V4(v4),
            Some(Host::Ipv6(v6)) => IpAddr::V6(v6),
            Some(Host::Domain(_)) | None => return Ok(()),
        };
        let host = url.host_str().unwrap_or_default();
        match refusal(address) {
            Some(why) if !self.allows(host) => Err(Refused {
                host: host.to_string(),
                address,
                why,
            }),
            _ => Ok(()),
        }
    }

    /// Keeps the addresses `host` may be reached at: all of them when the host is allowed,
    /// else the public ones; refused when none is left.
    pub fn filter(
        &self,
        host: &str,
        addresses: impl IntoIterator<Item = SocketAddr>,
    ) -> Result<Vec<SocketAddr>, ResolveError> {
        let addresses: Vec<SocketAddr> = addresses.into_iter().collect();
        if self.allows(host) {
            return Ok(addresses);
        }
        let (kept, refused): (Vec<_>, Vec<_>) = addresses
            .into_iter()
            .partition(|a| refusal(a.ip()).is_none());
        match (kept.is_empty(), refused.first()) {
            (false, _) => Ok(kept),
            (true, Some(first)) => Err(ResolveError::Refused(Refused {
                host: host.to_string(),
                address: first.ip(),
                why: refusal(first.ip()).unwrap_or("refused"),
            })),
            (true, None) => Err(ResolveError::Lookup {
                host: host.to_string(),
                message: "no address".into(),
            }),
        }
    }

    /// Resolves `host` and keeps the addresses it may be reached at (see [`Allowance::filter`]).
    pub async fn resolve(&self, host: &str, port: u16) -> Result<Vec<SocketAddr>, ResolveError> {
        let bare = host_part(host);
        if let Ok(ip) = bare.parse::<IpAddr>() {
            return self.filter(host, [SocketAddr::new(ip, port)]);
        }
        let found = tokio::net::lookup_host((bare.as_str(), port))
            .await
            .map_err(|e| ResolveError::Lookup {
                host: host.to_string(),
                message: e.to_string(),
            })?;
        self.filter(host, found)
    }

    /// A DNS resolver for reqwest that hands it only the addresses [`Allowance::filter`] keeps.
    pub fn resolver(&self) -> Arc<GuardedResolver> {
        Arc::new(GuardedResolver {
            allowance: self.clone(),
        })
    }
}

/// reqwest's DNS resolution through an [`Allowance`]: a refused name fails to connect with a
/// [`Refused`] in the error's source chain.
#[derive(Debug, Clone)]
pub struct GuardedResolver {
    allowance: Allowance,
}

impl reqwest::dns::Resolve for GuardedResolver {
    fn resolve(&self, name: reqwest::dns::Name) -> reqwest::dns::Resolving {
        let allowance = self.allowance.clone();
        let host = name.as_str().to_string();
        Box::pin(async move {
            match allowance.resolve(&host, 0).await {
                Ok(addresses) => Ok(Box::new(addresses.into_iter()) as reqwest::dns::Addrs),
                Err(ResolveError::Refused(refused)) => Err(Box::new(refused) as _),
                Err(lookup) => Err(Box::new(lookup) as _),
            }
        })
    }
}

/// The [`Refused`] somewhere in an error's source chain (a request refused by the resolver).
pub fn refused_in<'a>(error: &'a (dyn std::error::Error + 'static)) -> Option<&'a Refused> {
    let mut current = Some(error);
    while let Some(e) = current {
        if let Some(refused) = e.downcast_ref::<Refused>() {
            return Some(refused);
        }
        current = e.source();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn why(address: &str) -> Option<&'static str> {
        refusal(address.parse().unwrap())
    }

    #[test]
    fn every_non_public_range_is_refused_with_its_name() {
        for (address, expected) in [
            ("127.0.0.1", "loopback"),
            ("127.255.0.9", "loopback"),
            ("10.1.2.3", "private"),
            ("172.31.255.255", "private"),
            ("192.168.1.1", "private"),
            ("169.254.169.254", "link-local"),
            ("100.64.0.1", "shared (CGNAT)"),
            ("0.0.0.0", "unspecified"),
            ("224.0.0.251", "multicast"),
            ("255.255.255.255", "reserved"),
            ("192.0.2.10", "documentation"),
            ("198.51.100.1", "documentation"),
            ("203.0.113.7", "documentation"),
            ("198.18.0.1", "benchmarking"),
            ("::1", "loopback"),
            ("::", "unspecified"),
            ("fe80::1", "link-local"),
            ("fd00::1", "unique-local"),
            ("ff02::1", "multicast"),
            ("2001:db8::1", "documentation"),
            // IPv4 inside IPv6 is what it carries.
            ("::ffff:127.0.0.1", "loopback"),
            ("::ffff:169.254.169.254", "link-local"),
            ("64:ff9b::a9fe:a9fe", "link-local"),
            ("2002:0a00:0001::1", "private"),
        ] {
            assert_eq!(why(address), Some(expected), "{address}");
        }
    }

    #[test]
    fn public_addresses_pass() {
        for address in [
            "8.8.8.8",
            "140.82.112.3",
            "172.32.0.1",
            "100.128.0.1",
            "2a00:1450:4001:80b::200e",
            "::ffff:8.8.8.8",
            "64:ff9b::808:808",
        ] {
            assert_eq!(why(address), None, "{address}");
        }
    }

    #[test]
    fn literal_addresses_in_urls_are_refused_unless_allowed() {
        let none = Allowance::none();
        for url in [
            "http://127.0.0.1:8080/x",
            "http://[::1]/x",
            "http://10.0.0.5/group",
            "http://169.254.169.254/latest/meta-data/",
            "http://[::ffff:a9fe:a9fe]/",
            // The URL parser reads these as 127.0.0.1, as a browser would.
            "http://2130706433/",
            "http://0x7f.1/",
        ] {
            let url = Url::parse(url).unwrap();
            assert!(none.check_url(&url).is_err(), "{url}");
        }
        assert!(
            none.check_url(&Url::parse("https://gitlab.example.org/x").unwrap())
                .is_ok(),
            "names are checked when resolved"
        );
        let allowed = Allowance::hosts(["127.0.0.1:8080", "[::1]:9000"]);
        assert!(
            allowed
                .check_url(&Url::parse("http://127.0.0.1:8080/").unwrap())
                .is_ok()
        );
        assert!(
            allowed
                .check_url(&Url::parse("http://[::1]/").unwrap())
                .is_ok()
        );
        assert!(
            allowed
                .check_url(&Url::parse("http://10.0.0.5/").unwrap())
                .is_err()
        );
        let refused = none
            .check_url(&Url::parse("http://169.254.169.254/").unwrap())
            .unwrap_err();
        assert_eq!(refused.why, "link-local");
        assert!(refused.to_string().contains("--allow-host"), "{refused}");
    }

    #[test]
    fn a_resolution_keeps_only_public_addresses_unless_the_host_is_allowed() {
        let at = |a: &str| SocketAddr::new(a.parse().unwrap(), 443);
        let mixed = [at("10.0.0.1"), at("140.82.112.3"), at("::1")];
        let none = Allowance::none();
        assert_eq!(
            none.filter("forge.example", mixed).unwrap(),
            [at("140.82.112.3")]
        );
        match none.filter("forge.example", [at("169.254.169.254")]) {
            Err(ResolveError::Refused(r)) => assert_eq!(r.why, "link-local"),
            other => panic!("{other:?}"),
        }
        let allowed = Allowance::hosts(["Forge.Example:8443"]);
        assert_eq!(allowed.filter("forge.example", mixed).unwrap().len(), 3);
    }

    #[tokio::test]
    async fn localhost_is_refused_unless_allowed() {
        match Allowance::none().resolve("localhost", 80).await {
            Err(ResolveError::Refused(r)) => assert_eq!(r.why, "loopback"),
            other => panic!("{other:?}"),
        }
        let allowed = Allowance::hosts(["localhost"])
            .resolve("localhost", 80)
            .await;
        assert!(allowed.is_ok_and(|a| a.iter().all(|a| a.ip().is_loopback())));
    }
}
