//! Scale-out: two stateless servers on one PostgreSQL, each with its own index, reached over
//! real HTTP. A write to the shared catalog is searchable on both within seconds.

use crate::support::example;
use commons_catalog::{Catalog, ForgeKind, IngestRequest};
use commons_server::{ServeConfig, Server};
use std::time::{Duration, Instant};

async fn replica(
    database: &str,
    dir: &std::path::Path,
) -> (std::net::SocketAddr, tokio::sync::oneshot::Sender<()>) {
    let config = ServeConfig {
        listen: "127.0.0.1:0".parse().unwrap(),
        data_dir: dir.to_path_buf(),
        database: Some(database.to_string()),
        demo: true,
        poll_interval: Duration::from_millis(200),
        crawl: None,
        ..ServeConfig::default()
    };
    let (server, report) = Server::start(config).await.unwrap();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    tokio::spawn(server.serve(async move {
        let _ = stopped.await;
    }));
    (report.address, stop)
}

async fn total(client: &reqwest::Client, address: std::net::SocketAddr, q: &str) -> u64 {
    let url = format!("http://{address}/api/v1/software?q={q}");
    let page: serde_json::Value = client.get(url).send().await.unwrap().json().await.unwrap();
    page["total"].as_u64().unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_replicas_on_one_postgres_see_every_write() {
    let Some(database) = commons_test_support::fresh_postgres_database("commons_replicas").await
    else {
        return;
    };
    let dirs = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    // The first loads the demo catalog into the empty database; the second finds it loaded.
    let (a, stop_a) = replica(&database, dirs.0.path()).await;
    let (b, stop_b) = replica(&database, dirs.1.path()).await;
    let client = reqwest::Client::new();
    let all_a = total(&client, a, "").await;
    assert!(all_a >= 40);
    assert_eq!(
        total(&client, b, "").await,
        all_a,
        "both replicas index the same catalog"
    );
    assert_eq!(total(&client, a, "Zanzibarian").await, 0);

    // A write by another process (here: another handle on the database).
    let writer = Catalog::open(Some(&database), std::path::Path::new("/nonexistent"))
        .await
        .unwrap();
    writer
        .ingest(&IngestRequest {
            repository_url: "https://git.example.org/replicas/zanzibar".into(),
            forge: ForgeKind::Git,
            default_branch: None,
            commit: None,
            publisher: None,
            source: example().replace("Primero", "Zanzibarian").into_bytes(),
            seen_at: 1_700_000_000,
        })
        .await
        .unwrap();
    let written = Instant::now();
    let deadline = written + Duration::from_secs(10);
    let mut seen = [false, false];
    while Instant::now() < deadline && !(seen[0] && seen[1]) {
        seen[0] = seen[0] || total(&client, a, "Zanzibarian").await == 1;
        seen[1] = seen[1] || total(&client, b, "Zanzibarian").await == 1;
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(seen, [true, true], "both replicas found the new entry");
    eprintln!(
        "both replicas searchable {} ms after the write",
        written.elapsed().as_millis()
    );
    let _ = stop_a.send(());
    let _ = stop_b.send(());
    writer.close().await;
}
