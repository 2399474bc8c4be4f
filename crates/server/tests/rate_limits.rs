//! The per-client rate limit over real connections: the budget, `429` with `Retry-After` on
//! the API and on pages, probes never limited, and `X-Forwarded-For` believed only from a
//! trusted proxy.

use commons_server::{RateLimitConfig, ServeConfig, Server};
use std::net::SocketAddr;
use std::num::NonZeroU32;

struct Running {
    base: String,
    _stop: tokio::sync::oneshot::Sender<()>,
    _dir: tempfile::TempDir,
}

/// A server whose clients get `burst` requests at once and one more a minute (so that no
/// request of the test gets a refilled token by chance).
async fn serve(burst: u32, trusted_proxies: &[&str]) -> Running {
    let dir = tempfile::tempdir().unwrap();
    let config = ServeConfig {
        listen: "127.0.0.1:0".parse().unwrap(),
        data_dir: dir.path().to_path_buf(),
        rate_limit: Some(RateLimitConfig {
            per_second: NonZeroU32::new(1).unwrap(),
            burst: NonZeroU32::new(burst).unwrap(),
            trusted_proxies: trusted_proxies.iter().map(|p| p.parse().unwrap()).collect(),
        }),
        ..ServeConfig::default()
    };
    let (server, report) = Server::start(config).await.unwrap();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    tokio::spawn(server.serve(async move {
        let _ = stopped.await;
    }));
    let address: SocketAddr = report.address;
    Running {
        base: format!("http://{address}"),
        _stop: stop,
        _dir: dir,
    }
}

async fn get(client: &reqwest::Client, url: String, headers: &[(&str, &str)]) -> reqwest::Response {
    let mut request = client.get(url);
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    request.send().await.unwrap()
}

#[tokio::test]
async fn a_client_over_its_budget_gets_429_with_retry_after_and_probes_never_do() {
    let server = serve(3, &[]).await;
    let client = reqwest::Client::new();
    let api = format!("{}/api/v1/software", server.base);
    for _ in 0..3 {
        assert_eq!(get(&client, api.clone(), &[]).await.status(), 200);
    }
    let refused = get(&client, api.clone(), &[]).await;
    assert_eq!(refused.status(), 429);
    let retry: u64 = refused.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=1).contains(&retry), "one token a second: {retry}");
    assert_eq!(
        refused.headers()["content-type"],
        "application/problem+json"
    );
    let problem: serde_json::Value = refused.json().await.unwrap();
    assert_eq!(problem["status"], 429);
    assert_eq!(problem["type"], "/problems/too-many-requests");

    // A page gets a page, in the reader's language, with the security headers.
    let page = get(
        &client,
        format!("{}/", server.base),
        &[("accept-language", "ar")],
    )
    .await;
    assert_eq!(page.status(), 429);
    assert!(page.headers().contains_key("retry-after"));
    assert!(page.headers().contains_key("content-security-policy"));
    let html = page.text().await.unwrap();
    assert!(html.contains("lang=\"ar\""), "{html}");
    assert!(html.contains("طلبات كثيرة جدًا"), "{html}");

    // An address of its own in X-Forwarded-For buys nothing: loopback is not a trusted proxy.
    let forged = get(&client, api.clone(), &[("x-forwarded-for", "198.51.100.7")]).await;
    assert_eq!(forged.status(), 429);

    // The probes and the metrics answer whatever the budget.
    for path in ["/healthz", "/readyz", "/metrics"] {
        for _ in 0..10 {
            let answer = get(&client, format!("{}{path}", server.base), &[]).await;
            assert_eq!(answer.status(), 200, "{path}");
        }
    }
    let metrics = get(&client, format!("{}/metrics", server.base), &[]).await;
    let text = metrics.text().await.unwrap();
    assert!(
        text.contains("commons_rate_limited_requests_total{kind=\"api\"} 2"),
        "{text}"
    );
    assert!(
        text.contains("commons_rate_limited_requests_total{kind=\"page\"} 1"),
        "{text}"
    );
}

#[tokio::test]
async fn behind_a_trusted_proxy_each_forwarded_client_has_its_own_budget() {
    let server = serve(2, &["127.0.0.1/32"]).await;
    let client = reqwest::Client::new();
    let api = format!("{}/api/v1/organisations", server.base);
    let from = |address: &'static str| [("x-forwarded-for", address)];
    for _ in 0..2 {
        assert_eq!(
            get(&client, api.clone(), &from("198.51.100.7"))
                .await
                .status(),
            200
        );
    }
    assert_eq!(
        get(&client, api.clone(), &from("198.51.100.7"))
            .await
            .status(),
        429
    );
    // Another client behind the same proxy is not affected...
    assert_eq!(
        get(&client, api.clone(), &from("198.51.100.8"))
            .await
            .status(),
        200
    );
    // ...and a client cannot escape by writing another address before its own: the proxy
    // appends the address it saw, which is the one counted.
    let prefixed = [("x-forwarded-for", "203.0.113.1, 198.51.100.7")];
    assert_eq!(get(&client, api.clone(), &prefixed).await.status(), 429);
    // Clients in one IPv6 /64 share a budget.
    for _ in 0..2 {
        assert_eq!(
            get(&client, api.clone(), &from("2001:db8:0:1::1"))
                .await
                .status(),
            200
        );
    }
    assert_eq!(
        get(&client, api.clone(), &from("2001:db8:0:1::2"))
            .await
            .status(),
        429
    );
}
