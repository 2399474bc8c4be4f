//! The server crawls: at start and on push webhooks, from a publishers registry whose one
//! hosting location is a plain git repository served over smart HTTP on loopback. Webhook
//! secrets are each publisher's: bad ones are refused and counted, a publisher's secret
//! recrawls only its own repositories, replays are answered without a recrawl, and bodies
//! are capped before they are read.

use crate::support::example;
use commons_catalog::WebhookKey;
use commons_server::{CrawlConfig, ServeConfig, Server};
use commons_test_support::git_http::{GitHttpServer, publish};
use std::time::{Duration, Instant};

/// The server's webhook key in these tests.
const KEY: &str = "a test key of at least thirty-two bytes";

async fn json(client: &reqwest::Client, url: String) -> serde_json::Value {
    client.get(url).send().await.unwrap().json().await.unwrap()
}

async fn text(client: &reqwest::Client, url: String) -> String {
    client.get(url).send().await.unwrap().text().await.unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn crawls_at_start_and_on_a_signed_webhook() {
    let repos = tempfile::tempdir().unwrap();
    let git_server = GitHttpServer::start(repos.path());
    let git = git_server.address;
    let url = format!("http://{git}/tool.git");
    let first = example()
        .replace("https://github.com/primeroIMS/primero", &url)
        .replace("name: Primero", "name: Hookworthy");
    publish(repos.path(), "tool", &first);

    let work = tempfile::tempdir().unwrap();
    let registry = format!(
        "- id: testers\n  name: Test Agency\n  hosting:\n    - url: {url}\n      kind: git\n"
    );
    let (base, catalog, stop, running) =
        crawling_server(registry, git, work.path(), |crawl| crawl.assess = true).await;
    let client = reqwest::Client::new();

    // The crawl at start finds the repository.
    let deadline = Instant::now() + Duration::from_secs(20);
    while json(&client, format!("{base}/api/v1/software?q=hookworthy")).await["total"] != 1 {
        assert!(
            Instant::now() < deadline,
            "the first crawl listed the entry"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    // The outcome is recorded after the assessment, which may come after the entry is
    // searchable.
    loop {
        let status = json(&client, format!("{base}/api/v1/crawl/publishers/testers")).await;
        if status[0]["lastOutcome"] == "ok" {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the first crawl's outcome: {status}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    // The file the server was started with is the catalog's registry now, saved by the
    // operator who gave it.
    let revision = catalog
        .registry()
        .await
        .unwrap()
        .expect("the file was imported");
    assert!(
        revision.saved_by.starts_with("operator (registry file "),
        "{revision:?}"
    );
    assert!(
        revision.text.contains("id: \"testers\""),
        "{}",
        revision.text
    );

    let key = WebhookKey::new(KEY).unwrap();
    let secret = catalog
        .rotate_hook_secret(&key, "testers", 1, "test")
        .await
        .unwrap()
        .secret;

    // A push: the new content is live within seconds of a signed GitLab webhook.
    let second = first.replace("name: Hookworthy", "name: Hookworthier");
    publish(repos.path(), "tool", &second);
    let payload =
        serde_json::json!({"object_kind": "push", "project": {"web_url": url}}).to_string();
    let refused = client
        .post(format!("{base}/api/v1/hooks/gitlab"))
        .header("X-Gitlab-Token", "wrong")
        .body(payload.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), 401);
    assert_eq!(
        refused.headers()["content-type"],
        "application/problem+json"
    );
    let accepted = client
        .post(format!("{base}/api/v1/hooks/gitlab"))
        .header("X-Gitlab-Token", &secret)
        .body(payload)
        .send()
        .await
        .unwrap();
    assert_eq!(accepted.status(), 202);
    let pushed = Instant::now();
    while json(&client, format!("{base}/api/v1/software?q=hookworthier")).await["total"] != 1 {
        assert!(
            pushed.elapsed() < Duration::from_secs(10),
            "recrawled within seconds"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    eprintln!("webhook to searchable: {} ms", pushed.elapsed().as_millis());

    // The crawl assessed the pushed commit (its whole history: two commits) and the API
    // serves that assessment.
    let found = json(&client, format!("{base}/api/v1/software?q=hookworthier")).await;
    let id = found["items"][0]["id"].as_str().unwrap().to_string();
    let head = std::process::Command::new("git")
        .args(["-C", repos.path().join("tool.git").to_str().unwrap()])
        .args(["rev-parse", "main"])
        .output()
        .unwrap();
    let head = String::from_utf8(head.stdout).unwrap().trim().to_string();
    let assessment = loop {
        let answer = client
            .get(format!("{base}/api/v1/software/{id}/assessment"))
            .send()
            .await
            .unwrap();
        if answer.status() == 200 {
            let body: serde_json::Value = answer.json().await.unwrap();
            if body["commit"] == head.as_str() {
                break body;
            }
        }
        assert!(
            pushed.elapsed() < Duration::from_secs(30),
            "the pushed commit is assessed"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    assert_eq!(
        assessment.pointer("/report/vitality/commitsTotal"),
        Some(&2.into()),
        "{assessment}"
    );

    // GitHub: a bad signature is refused and counted.
    let github = client
        .post(format!("{base}/api/v1/hooks/github/testers"))
        .header("X-Hub-Signature-256", "sha256=00")
        .body("{}")
        .send()
        .await
        .unwrap();
    assert_eq!(github.status(), 401);
    let metrics = text(&client, format!("{base}/metrics")).await;
    assert!(
        metrics.contains("commons_webhooks_total{forge=\"github\",result=\"bad_signature\"} 1"),
        "{metrics}"
    );
    assert!(
        metrics.contains("commons_webhooks_total{forge=\"gitlab\",result=\"bad_signature\"} 1")
    );

    // The repository's history: two good crawls, by its URL.
    let history = json(
        &client,
        format!(
            "{base}/api/v1/crawl/repository?url={}",
            form_urlencoded::byte_serialize(url.as_bytes()).collect::<String>()
        ),
    )
    .await;
    assert_eq!(history["repository"]["publisherId"], "testers", "{history}");
    assert!(
        history["outcomes"].as_array().unwrap().len() >= 2,
        "{history}"
    );

    let _ = stop.send(());
    running.await.unwrap().unwrap();
}

/// A crawling server over a registry; stops when the sender is dropped or sent to.
async fn crawling_server(
    registry: String,
    git: std::net::SocketAddr,
    work: &std::path::Path,
    configure: impl FnOnce(&mut CrawlConfig),
) -> (
    String,
    commons_catalog::Catalog,
    tokio::sync::oneshot::Sender<()>,
    tokio::task::JoinHandle<Result<(), commons_server::ServerError>>,
) {
    let publishers = work.join("publishers.yml");
    std::fs::write(&publishers, registry).unwrap();
    let mut crawl = CrawlConfig {
        every: Some(Duration::from_secs(3600)),
        allow_hosts: vec![git.to_string()],
        webhook_key: Some(KEY.into()),
        hook_queue: 16,
        assess: false,
        ..CrawlConfig::new(publishers)
    };
    configure(&mut crawl);
    let config = ServeConfig {
        listen: "127.0.0.1:0".parse().unwrap(),
        data_dir: work.join("data"),
        poll_interval: Duration::from_millis(100),
        crawl: Some(crawl),
        ..ServeConfig::default()
    };
    let (server, report) = Server::start(config).await.unwrap();
    let catalog = server.state().catalog.clone();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let running = tokio::spawn(server.serve(async move {
        let _ = stopped.await;
    }));
    (format!("http://{}", report.address), catalog, stop, running)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_publishers_hook_secret_recrawls_only_its_own_repositories_and_once_per_delivery() {
    let repos = tempfile::tempdir().unwrap();
    let git_server = GitHttpServer::start(repos.path());
    let git = git_server.address;
    let appa = format!("http://{git}/groupa/appa.git");
    let appb = format!("http://{git}/groupb/appb.git");
    for (name, url, title) in [
        ("groupa/appa", &appa, "Appa"),
        ("groupb/appb", &appb, "Appb"),
    ] {
        let text = example()
            .replace("https://github.com/primeroIMS/primero", url)
            .replace("name: Primero", &format!("name: {title}"));
        publish(repos.path(), name, &text);
    }
    let work = tempfile::tempdir().unwrap();
    let registry = format!(
        "- id: a\n  name: A\n  hosting: [{{url: '{appa}', kind: git}}]\n\
         - id: b\n  name: B\n  hosting: [{{url: '{appb}', kind: git}}]\n"
    );
    let (base, catalog, stop, running) = crawling_server(registry, git, work.path(), |_| {}).await;
    // Both entries, in whichever order the crawl records them: A's organisation exists only
    // once its entry does.
    let deadline = Instant::now() + Duration::from_secs(20);
    for url in [&appa, &appb] {
        while catalog.software_by_url(url).await.unwrap().is_none() {
            assert!(Instant::now() < deadline, "the first crawl found {url}");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
    let key = WebhookKey::new(KEY).unwrap();
    let secret_a = catalog
        .rotate_hook_secret(&key, "a", 1, "test")
        .await
        .unwrap()
        .secret;
    let secret_b = catalog
        .rotate_hook_secret(&key, "b", 1, "test")
        .await
        .unwrap()
        .secret;
    let client = reqwest::Client::new();
    let hook = |secret: &str, url: &str, delivery: Option<&str>| {
        let payload = serde_json::json!({"object_kind": "push", "project": {"web_url": url}});
        let mut request = client
            .post(format!("{base}/api/v1/hooks/gitlab"))
            .header("X-Gitlab-Token", secret)
            .body(payload.to_string());
        if let Some(id) = delivery {
            request = request.header("X-Gitlab-Event-UUID", id);
        }
        request.send()
    };

    // A's secret names B's repository, through A's path or directly: refused, B's stays B's.
    let climbing = format!("http://{git}/groupa/../groupb/appb.git");
    for url in [&climbing, &appb] {
        let refused = hook(&secret_a, url, None).await.unwrap();
        assert_eq!(refused.status(), 403, "{url}");
    }
    let entry = catalog.software_by_url(&appb).await.unwrap().unwrap();
    assert_eq!(entry.organisation_id.as_deref(), Some("b"));
    // A newline in the URL would forge a log line: refused.
    let forged = format!("{appb}\n2026-01-01T00:00:00Z INFO forged");
    assert_eq!(hook(&secret_b, &forged, None).await.unwrap().status(), 400);
    // B's own secret recrawls B's repository once per delivery; a replay does nothing.
    let uuid = "1f2e3d4c-0000-4000-8000-000000000001";
    assert_eq!(
        hook(&secret_b, &appb, Some(uuid)).await.unwrap().status(),
        202
    );
    assert_eq!(
        hook(&secret_b, &appb, Some(uuid)).await.unwrap().status(),
        200
    );
    // A rotated secret stops working at once.
    let rotated = catalog
        .rotate_hook_secret(&key, "b", 2, "test")
        .await
        .unwrap()
        .secret;
    assert_eq!(hook(&secret_b, &appb, None).await.unwrap().status(), 401);
    assert_eq!(hook(&rotated, &appb, None).await.unwrap().status(), 202);

    // A body over 1 MiB is refused from its length, before it is read.
    let huge = client
        .post(format!("{base}/api/v1/hooks/gitlab"))
        .header("X-Gitlab-Token", &rotated)
        .body(vec![b' '; 2 * 1024 * 1024])
        .send()
        .await
        .unwrap();
    assert_eq!(huge.status(), 413);
    assert_eq!(
        huge.headers().get("connection").map(|v| v.as_bytes()),
        Some(&b"close"[..]),
        "the unread body leaves the connection unusable: the client must not reuse it"
    );
    // GitHub: the publisher is in the path, its secret signs the body.
    let body = serde_json::json!({"repository": {"html_url": appb}}).to_string();
    let signature = commons_crawler::webhook::github_signature(rotated.as_bytes(), body.as_bytes());
    let github = |publisher: &str| {
        client
            .post(format!("{base}/api/v1/hooks/github/{publisher}"))
            .header("X-Hub-Signature-256", &signature)
            .header("X-GitHub-Delivery", "72d3162e-cc78-11e3-81ab-4c9367dc0958")
            .body(body.clone())
            .send()
    };
    assert_eq!(
        github("a").await.unwrap().status(),
        401,
        "A's secret does not sign it"
    );
    assert_eq!(github("b").await.unwrap().status(), 202);
    assert_eq!(github("b").await.unwrap().status(), 200, "a replay");

    let _ = stop.send(());
    running.await.unwrap().unwrap();
}

#[tokio::test]
async fn a_server_that_does_not_crawl_has_no_hooks() {
    let app = crate::support::TestApp::with_demo().await;
    let response = app
        .send(
            axum::http::Request::post("/api/v1/hooks/gitlab")
                .header("X-Gitlab-Token", "anything")
                .body(axum::body::Body::from("{}"))
                .unwrap(),
        )
        .await;
    assert_eq!(response.status(), 404);
}

/// With one recrawl allowed to wait, a burst of pushes to different repositories gets `503`
/// with `Retry-After` beyond it, counted in the metrics; a refused delivery is not remembered,
/// so the forge's retry of it is acted on.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hooks_beyond_the_queue_get_503_and_their_retry_is_acted_on() {
    let repos = tempfile::tempdir().unwrap();
    let git_server = GitHttpServer::start(repos.path());
    let git = git_server.address;
    let names: Vec<String> = (0..8).map(|i| format!("tool{i}")).collect();
    let mut hosting = String::new();
    for name in &names {
        let url = format!("http://{git}/{name}.git");
        let text = example()
            .replace("https://github.com/primeroIMS/primero", &url)
            .replace("name: Primero", &format!("name: Queue {name}"));
        publish(repos.path(), name, &text);
        hosting.push_str(&format!("    - {{url: '{url}', kind: git}}\n"));
    }
    let registry = format!("- id: a\n  name: A\n  hosting:\n{hosting}");
    let work = tempfile::tempdir().unwrap();
    let (base, catalog, stop, running) =
        crawling_server(registry, git, work.path(), |crawl| crawl.hook_queue = 1).await;
    let last = format!("http://{git}/tool7.git");
    let deadline = Instant::now() + Duration::from_secs(30);
    while catalog.software_by_url(&last).await.unwrap().is_none() {
        assert!(
            Instant::now() < deadline,
            "the first crawl found every entry"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    // The first crawl's outcomes are counted by forge.
    let client = reqwest::Client::new();
    let counted = "commons_crawl_outcomes_total{forge=\"127.0.0.1\",outcome=\"ok\"} 8";
    loop {
        let metrics = text(&client, format!("{base}/metrics")).await;
        if metrics.contains(counted) {
            break;
        }
        assert!(Instant::now() < deadline, "{counted} in {metrics}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    // From now on the forge is slow: a recrawl stays in flight while the hooks arrive.
    git_server.set_delay(Duration::from_millis(500));
    let key = WebhookKey::new(KEY).unwrap();
    let secret = catalog
        .rotate_hook_secret(&key, "a", 1, "test")
        .await
        .unwrap()
        .secret;
    let hook = |name: &str, delivery: String| {
        let url = format!("http://{git}/{name}.git");
        let payload = serde_json::json!({"object_kind": "push", "project": {"web_url": url}});
        client
            .post(format!("{base}/api/v1/hooks/gitlab"))
            .header("X-Gitlab-Token", &secret)
            .header("X-Gitlab-Event-UUID", delivery)
            .body(payload.to_string())
            .send()
    };
    let mut refused = Vec::new();
    let mut accepted = 0;
    for (i, name) in names.iter().enumerate() {
        let delivery = format!("2b1e0c7a-0000-4000-8000-00000000000{i}");
        let answer = hook(name, delivery.clone()).await.unwrap();
        match answer.status().as_u16() {
            202 => accepted += 1,
            503 => {
                assert_eq!(answer.headers()["retry-after"], "30");
                refused.push((name.clone(), delivery));
            }
            other => panic!("{name}: {other}"),
        }
    }
    // Each worker runs one recrawl and one more waits: each git request of a recrawl takes
    // half a second, far longer than the eight deliveries.
    let at_most = commons_server::hook_queue::WORKERS + 1;
    assert!((1..=at_most).contains(&accepted), "{accepted} accepted");
    assert_eq!(refused.len(), names.len() - accepted, "{refused:?}");
    let metrics = text(&client, format!("{base}/metrics")).await;
    let expected = format!(
        "commons_webhooks_total{{forge=\"gitlab\",result=\"queue_full\"}} {}",
        refused.len()
    );
    assert!(metrics.contains(&expected), "{expected} in {metrics}");
    // The forge retries a refused delivery later: acted on, not taken for a replay.
    let (name, delivery) = refused.first().unwrap().clone();
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let status = hook(&name, delivery.clone()).await.unwrap().status();
        if status == 202 {
            break;
        }
        assert_eq!(
            status, 503,
            "a retry is acted on or refused again, never a replay"
        );
        assert!(Instant::now() < deadline, "the queue drains");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let _ = stop.send(());
    running.await.unwrap().unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_server_crawls_the_registry_curators_change_in_the_catalog() {
    let repos = tempfile::tempdir().unwrap();
    let git_server = GitHttpServer::start(repos.path());
    let git = git_server.address;
    let url = format!("http://{git}/tool.git");
    let text = example()
        .replace("https://github.com/primeroIMS/primero", &url)
        .replace("name: Primero", "name: Curatedworthy");
    publish(repos.path(), "tool", &text);
    let work = tempfile::tempdir().unwrap();
    // No file: the server crawls the catalog's registry, empty at start.
    let (base, catalog, stop, running) =
        crawling_server(String::new(), git, work.path(), |crawl| {
            crawl.publishers = None
        })
        .await;
    assert_eq!(catalog.registry_number().await.unwrap(), 0);
    let client = reqwest::Client::new();
    let payload =
        serde_json::json!({"object_kind": "push", "project": {"web_url": url}}).to_string();
    let unknown = client
        .post(format!("{base}/api/v1/hooks/gitlab"))
        .header("X-Gitlab-Token", "no publisher has it")
        .body(payload.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(unknown.status(), 401);

    // A curator adds the publisher (through another server: only the catalog is shared); it
    // is an organisation at once, so its webhook secret can be set before any crawl.
    let registry = format!(
        "- id: testers\n  name: Test Agency\n  hosting:\n    - url: {url}\n      kind: git\n"
    );
    commons_crawler::stored::import(&catalog, registry.as_bytes(), "user:cu@example.org", 2)
        .await
        .unwrap();
    let key = WebhookKey::new(KEY).unwrap();
    let secret = catalog
        .rotate_hook_secret(&key, "testers", 1, "test")
        .await
        .unwrap()
        .secret;
    let hook = || {
        client
            .post(format!("{base}/api/v1/hooks/gitlab"))
            .header("X-Gitlab-Token", &secret)
            .body(payload.clone())
            .send()
    };
    assert_eq!(hook().await.unwrap().status(), 202);
    let pushed = Instant::now();
    while json(&client, format!("{base}/api/v1/software?q=curatedworthy")).await["total"] != 1 {
        assert!(
            pushed.elapsed() < Duration::from_secs(20),
            "crawled on the webhook"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }

    // From a release pipeline: a token of scope `publishing` asks for the recrawl itself; a
    // declarations-only token, no token or another publisher's repository are refused.
    let changed = text.replace("name: Curatedworthy", "name: Pipelineworthy");
    publish(repos.path(), "tool", &changed);
    let recrawl = |token: Option<String>, repository: &str| {
        let mut request = client
            .post(format!("{base}/api/v1/hooks/publisher"))
            .header("content-type", "application/json")
            .body(serde_json::json!({ "repository": repository }).to_string());
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        request.send()
    };
    let scoped = |scope| {
        let catalog = catalog.clone();
        async move {
            catalog
                .issue_token_until("testers", Some("CI"), (None, scope), 4, "test")
                .await
                .unwrap()
                .secret
        }
    };
    let declaring = scoped(commons_catalog::TokenScope::Declarations).await;
    let publishing = scoped(commons_catalog::TokenScope::Publishing).await;
    assert_eq!(recrawl(None, &url).await.unwrap().status(), 401);
    assert_eq!(recrawl(Some(declaring), &url).await.unwrap().status(), 403);
    let elsewhere = format!("http://{git}/someone-else.git");
    assert_eq!(
        recrawl(Some(publishing.clone()), &elsewhere)
            .await
            .unwrap()
            .status(),
        403
    );
    assert_eq!(recrawl(Some(publishing), &url).await.unwrap().status(), 202);
    let asked = Instant::now();
    while json(&client, format!("{base}/api/v1/software?q=pipelineworthy")).await["total"] != 1 {
        assert!(
            asked.elapsed() < Duration::from_secs(20),
            "recrawled on the publisher's request"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }

    // Suspended: its webhooks are refused.
    let suspended = registry.replace(
        "  name: Test Agency\n",
        "  name: Test Agency\n  suspended: \"Audit.\"\n",
    );
    commons_crawler::stored::import(&catalog, suspended.as_bytes(), "user:cu@example.org", 3)
        .await
        .unwrap();
    assert_eq!(
        hook().await.unwrap().status(),
        403,
        "a suspended publisher owns nothing"
    );

    let _ = stop.send(());
    running.await.unwrap().unwrap();
}
