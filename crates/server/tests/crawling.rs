//! The server crawls: at start and on push webhooks, from a publishers registry whose one
//! hosting location is a plain git repository served over smart HTTP on loopback. Webhook
//! signatures are checked; bad ones are refused and counted.

use crate::git_server::{publish, serve};
use crate::support::example;
use commons_server::{CrawlConfig, ServeConfig, Server};
use std::time::{Duration, Instant};

async fn json(client: &reqwest::Client, url: String) -> serde_json::Value {
    client.get(url).send().await.unwrap().json().await.unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn crawls_at_start_and_on_a_signed_webhook() {
    let repos = tempfile::tempdir().unwrap();
    let git = serve(repos.path().to_path_buf()).await;
    let url = format!("http://{git}/tool.git");
    let first = example()
        .replace("https://github.com/primeroIMS/primero", &url)
        .replace("name: Primero", "name: Hookworthy");
    publish(repos.path(), "tool", &first);

    let work = tempfile::tempdir().unwrap();
    let registry = work.path().join("publishers.yml");
    std::fs::write(
        &registry,
        format!(
            "- id: testers\n  name: Test Agency\n  hosting:\n    - url: {url}\n      kind: git\n"
        ),
    )
    .unwrap();
    let config = ServeConfig {
        listen: "127.0.0.1:0".parse().unwrap(),
        data_dir: work.path().join("data"),
        database: None,
        demo: false,
        poll_interval: Duration::from_millis(100),
        crawl: Some(CrawlConfig {
            publishers: registry,
            every: Some(Duration::from_secs(3600)),
            allow_hosts: vec![git.to_string()],
            github_secret: Some("gh-secret".into()),
            gitlab_token: Some("gl-token".into()),
            assess: true,
        }),
        assess_worker: None,
    };
    let (server, report) = Server::start(config).await.unwrap();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let running = tokio::spawn(server.serve(async move {
        let _ = stopped.await;
    }));
    let base = format!("http://{}", report.address);
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
    let status = json(&client, format!("{base}/api/v1/crawl/publishers/testers")).await;
    assert_eq!(status[0]["lastOutcome"], "ok", "{status}");

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
        .header("X-Gitlab-Token", "gl-token")
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
        .post(format!("{base}/api/v1/hooks/github"))
        .header("X-Hub-Signature-256", "sha256=00")
        .body("{}")
        .send()
        .await
        .unwrap();
    assert_eq!(github.status(), 401);
    let metrics = client
        .get(format!("{base}/metrics"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
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
