//! What an attacker can send to the server's router: each test is a finding of the security
//! review (issue 11) that failed before its fix.

use crate::support::TestApp;

/// `//evil.example/x` is a path to the server but an address on another site to a browser:
/// the language switcher and navigation built from it must stay on this site.
#[tokio::test]
async fn links_built_from_the_request_path_stay_on_the_site() {
    let app = TestApp::with_demo().await;
    for uri in [
        "//evil.example/x",
        "/\\evil.example/x",
        "///evil.example/x?q=1",
    ] {
        let (_, body) = app.get(uri).await;
        let html = String::from_utf8(body).unwrap();
        let hrefs: Vec<&str> = html
            .split("href=\"")
            .skip(1)
            .filter_map(|rest| rest.split('"').next())
            .filter(|href| !href.starts_with('#'))
            .collect();
        assert!(!hrefs.is_empty(), "{uri}: no links");
        for href in hrefs {
            let escaped_backslash = href.starts_with("/&#92;") || href.starts_with("/&#x5c;");
            assert!(
                href.starts_with('/')
                    && !href.starts_with("//")
                    && !href.starts_with("/\\")
                    && !escaped_backslash,
                "{uri}: link {href} leaves the site"
            );
        }
    }
}

mod connections {
    //! Connection limits through a real listener: each test holds a connection the way an
    //! attacker would, which `axum::serve`'s defaults allowed for as long as the client liked.

    use commons_server::{ConnectionLimits, ServeConfig, Server};
    use std::net::SocketAddr;
    use std::time::{Duration, Instant};
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    use tokio::net::TcpStream;

    struct Running {
        address: SocketAddr,
        _stop: tokio::sync::oneshot::Sender<()>,
        _dir: tempfile::TempDir,
    }

    async fn serve(limits: ConnectionLimits) -> Running {
        let dir = tempfile::tempdir().unwrap();
        let config = ServeConfig {
            listen: "127.0.0.1:0".parse().unwrap(),
            data_dir: dir.path().to_path_buf(),
            limits,
            ..ServeConfig::default()
        };
        let (server, report) = Server::start(config).await.unwrap();
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        tokio::spawn(server.serve(async move {
            let _ = stopped.await;
        }));
        Running {
            address: report.address,
            _stop: stop,
            _dir: dir,
        }
    }

    fn short_limits() -> ConnectionLimits {
        ConnectionLimits {
            header_read: Duration::from_secs(1),
            idle: Duration::from_secs(2),
            write: Duration::from_secs(1),
            max_connections: 64,
            shutdown_grace: Duration::from_secs(1),
        }
    }

    /// Reads until the server closes the connection (or resets it); the time it took, or
    /// `None` when it was still open after `patience`.
    async fn closed_within(stream: &mut TcpStream, patience: Duration) -> Option<Duration> {
        let started = Instant::now();
        let mut buffer = [0u8; 65536];
        loop {
            let left = patience.checked_sub(started.elapsed())?;
            match tokio::time::timeout(left, stream.read(&mut buffer)).await {
                Err(_) => return None,
                Ok(Ok(0)) | Ok(Err(_)) => return Some(started.elapsed()),
                Ok(Ok(_)) => {}
            }
        }
    }

    const ONE_REQUEST: &[u8] = b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n";

    #[tokio::test]
    async fn headers_trickled_in_are_cut_at_the_header_deadline() {
        let server = serve(short_limits()).await;
        let mut stream = TcpStream::connect(server.address).await.unwrap();
        stream
            .write_all(b"GET /healthz HTTP/1.1\r\n")
            .await
            .unwrap();
        let trickle = async {
            for i in 0..40 {
                tokio::time::sleep(Duration::from_millis(200)).await;
                if stream
                    .write_all(format!("X-Slow-{i}: y\r\n").as_bytes())
                    .await
                    .is_err()
                {
                    break;
                }
            }
        };
        trickle.await;
        let mut rest = Vec::new();
        let _ = tokio::time::timeout(Duration::from_secs(1), stream.read_to_end(&mut rest)).await;
        // 8 s of trickling: the connection must have been dropped long before, without an
        // answer to the request that never completed.
        let answered = String::from_utf8_lossy(&rest);
        assert!(!answered.contains("200 OK"), "answered: {answered}");
        let mut probe = [0u8; 1];
        let still_open = tokio::time::timeout(Duration::from_millis(300), stream.read(&mut probe))
            .await
            .is_err();
        assert!(
            !still_open,
            "the connection was still open after 8 s of trickled headers"
        );
    }

    #[tokio::test]
    async fn a_half_sent_request_line_is_cut() {
        let server = serve(short_limits()).await;
        let mut stream = TcpStream::connect(server.address).await.unwrap();
        stream.write_all(b"GET /heal").await.unwrap();
        let closed = closed_within(&mut stream, Duration::from_secs(6)).await;
        assert!(
            closed.is_some(),
            "a half-sent request line held the connection for 6 s"
        );
    }

    #[tokio::test]
    async fn an_idle_connection_is_closed() {
        let server = serve(short_limits()).await;
        let mut stream = TcpStream::connect(server.address).await.unwrap();
        stream.write_all(ONE_REQUEST).await.unwrap();
        let closed = closed_within(&mut stream, Duration::from_secs(8)).await;
        let closed = closed.expect("an idle keep-alive connection stayed open for 8 s");
        assert!(
            closed >= Duration::from_millis(900),
            "closed too early: {closed:?}"
        );
    }

    /// A client that sends requests and never reads the answers: the server stops writing
    /// after the write timeout and frees the connection, instead of keeping every answer.
    #[tokio::test]
    async fn a_client_that_never_reads_is_dropped() {
        let server = serve(short_limits()).await;
        let request = b"GET /api/v1/openapi.json HTTP/1.1\r\nHost: x\r\n\r\n";
        let socket = tokio::net::TcpSocket::new_v4().unwrap();
        socket.set_recv_buffer_size(4096).unwrap();
        let mut stream = socket.connect(server.address).await.unwrap();
        let pipelined = 400;
        let mut sent = 0;
        for _ in 0..pipelined {
            match tokio::time::timeout(Duration::from_secs(2), stream.write_all(request)).await {
                Ok(Ok(())) => sent += 1,
                _ => break,
            }
        }
        tokio::time::sleep(Duration::from_secs(4)).await;
        let mut received = Vec::new();
        let _ =
            tokio::time::timeout(Duration::from_secs(10), stream.read_to_end(&mut received)).await;
        let answers = received
            .windows(b"HTTP/1.1 200".len())
            .filter(|w| *w == b"HTTP/1.1 200")
            .count();
        assert!(sent > 10, "only {sent} requests could be sent");
        assert!(
            answers < sent,
            "all {sent} answers were kept for a client that did not read"
        );
    }

    #[tokio::test]
    async fn connections_beyond_the_cap_wait() {
        let limits = ConnectionLimits {
            max_connections: 2,
            ..short_limits()
        };
        let server = serve(limits).await;
        let mut held = Vec::new();
        for _ in 0..2 {
            let mut stream = TcpStream::connect(server.address).await.unwrap();
            stream.write_all(ONE_REQUEST).await.unwrap();
            let mut buffer = [0u8; 1024];
            let n = stream.read(&mut buffer).await.unwrap();
            assert!(String::from_utf8_lossy(&buffer[..n]).starts_with("HTTP/1.1 200"));
            held.push(stream);
        }
        let mut third = TcpStream::connect(server.address).await.unwrap();
        third.write_all(ONE_REQUEST).await.unwrap();
        let mut buffer = [0u8; 1024];
        let early = tokio::time::timeout(Duration::from_millis(700), third.read(&mut buffer)).await;
        assert!(
            early.is_err(),
            "a third connection was served beyond the cap of 2"
        );
        drop(held.pop());
        // The held connections close at the idle timeout at the latest; then the third is served.
        let later = tokio::time::timeout(Duration::from_secs(5), third.read(&mut buffer))
            .await
            .expect("the third connection was never served")
            .unwrap();
        assert!(String::from_utf8_lossy(&buffer[..later]).starts_with("HTTP/1.1 200"));
    }
}

/// Any method token is valid HTTP: each used to become a new `method` label of the request
/// counter, a time series an anonymous client could create by the million.
#[tokio::test]
async fn unknown_methods_are_counted_as_other() {
    let app = TestApp::with_demo().await;
    for method in ["BREW", "X-FLOOD-1", "X-FLOOD-2"] {
        let request = axum::http::Request::builder()
            .method(method)
            .uri("/")
            .body(axum::body::Body::empty())
            .unwrap();
        app.send(request).await;
    }
    let (_, metrics) = app.get("/metrics").await;
    let metrics = String::from_utf8(metrics).unwrap();
    assert!(
        !metrics.contains("BREW") && !metrics.contains("X-FLOOD"),
        "{metrics}"
    );
    assert!(metrics.contains("method=\"other\""), "{metrics}");
}

/// The database's error text names hosts, users and files: the client gets a plain sentence.
#[tokio::test]
async fn readiness_does_not_send_the_database_error() {
    let app = TestApp::with_demo().await;
    app.state.catalog.close().await;
    let (response, body) = app.get("/readyz").await;
    assert_eq!(response.status(), 503);
    let body = String::from_utf8(body).unwrap();
    assert!(body.contains("the database does not answer"), "{body}");
    assert!(!body.to_lowercase().contains("pool"), "{body}");
}

#[tokio::test]
async fn metrics_can_need_a_token_or_live_elsewhere() {
    use commons_server::{HttpPolicy, MetricsAccess};
    use sha2::Digest;
    let mut app = TestApp::with_demo().await;
    let digest: [u8; 32] = sha2::Sha256::digest(b"scrape-me").into();
    app.state.http = std::sync::Arc::new(HttpPolicy {
        metrics: MetricsAccess::Token(digest),
        ..HttpPolicy::default()
    });
    let (response, _) = app.get("/metrics").await;
    assert_eq!(response.status(), 401);
    let wrong = axum::http::Request::get("/metrics")
        .header("authorization", "Bearer scrape-you")
        .body(axum::body::Body::empty())
        .unwrap();
    assert_eq!(app.send(wrong).await.status(), 401);
    let right = axum::http::Request::get("/metrics")
        .header("authorization", "Bearer scrape-me")
        .body(axum::body::Body::empty())
        .unwrap();
    assert_eq!(app.send(right).await.status(), 200);
    app.state.http = std::sync::Arc::new(HttpPolicy {
        metrics: MetricsAccess::Elsewhere,
        ..HttpPolicy::default()
    });
    let (response, _) = app.get("/metrics").await;
    assert_eq!(response.status(), 404);
}

/// Behind TLS every cookie is `Secure` (the validator's CSRF cookie lacked it) and HSTS is
/// sent when the operator sets it; over plain HTTP neither, since a browser would drop a
/// `Secure` cookie there and the form would stop working.
#[tokio::test]
async fn behind_tls_cookies_are_secure_and_hsts_is_sent() {
    use commons_server::HttpPolicy;
    let mut app = TestApp::with_demo().await;
    let (plain, _) = app.get("/validate").await;
    let cookie = plain.headers()["set-cookie"].to_str().unwrap().to_string();
    assert!(!cookie.contains("Secure"), "{cookie}");
    assert!(!plain.headers().contains_key("strict-transport-security"));
    app.state.http = std::sync::Arc::new(HttpPolicy {
        https: true,
        hsts_max_age: Some(std::time::Duration::from_secs(31_536_000)),
        ..HttpPolicy::default()
    });
    let (secure, _) = app.get("/validate").await;
    let cookie = secure.headers()["set-cookie"].to_str().unwrap();
    assert!(cookie.ends_with("; Secure"), "{cookie}");
    assert_eq!(
        secure.headers()["strict-transport-security"],
        "max-age=31536000; includeSubDomains"
    );
}

/// Every answer carries a request id: the client's when it is a short token, a new one
/// otherwise (a header with spaces or one too long could forge or flood log lines).
#[tokio::test]
async fn every_answer_has_a_request_id_and_only_a_well_formed_one_is_kept() {
    let app = TestApp::with_demo().await;
    let with_id = |id: &str| {
        axum::http::Request::get("/api/v1/software")
            .header("x-request-id", id)
            .body(axum::body::Body::empty())
            .unwrap()
    };
    let echoed = app.send(with_id("lb-7f3a:42")).await;
    assert_eq!(echoed.headers()["x-request-id"], "lb-7f3a:42");
    let mut seen = std::collections::HashSet::new();
    for id in ["two words", &"x".repeat(65), ""] {
        let answer = app.send(with_id(id)).await;
        let given = answer.headers()["x-request-id"]
            .to_str()
            .unwrap()
            .to_string();
        assert_ne!(given, id);
        assert_eq!(given.len(), 24, "{given}");
        assert!(given.bytes().all(|b| b.is_ascii_hexdigit()), "{given}");
        assert!(seen.insert(given), "ids are not reused");
    }
    for path in ["/", "/no/such/page", "/healthz", "/api/v1/nothing"] {
        let (answer, _) = app.get(path).await;
        assert!(answer.headers().contains_key("x-request-id"), "{path}");
    }
}

/// The metrics an operator watches besides the answers: the index's own search time, the
/// database pool, validations running, clients tracked by the rate limit.
#[tokio::test]
async fn the_metrics_show_search_time_pool_and_load() {
    let app = TestApp::with_demo().await;
    for query in ["health", "logistique", "教育"] {
        app.get_json(&format!("/api/v1/software?q={}", urlencode(query)))
            .await;
    }
    let (_, body) = app.get("/metrics").await;
    let text = String::from_utf8(body).unwrap();
    assert!(
        text.contains("commons_search_duration_seconds_count 3"),
        "{text}"
    );
    assert!(
        text.contains("commons_database_connections{state=\"idle\"}"),
        "{text}"
    );
    assert!(text.contains("commons_validations_running 0"), "{text}");
}

fn urlencode(text: &str) -> String {
    form_urlencoded::byte_serialize(text.as_bytes()).collect()
}
