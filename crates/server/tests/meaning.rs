//! Search by meaning with the real model: a server over the demo catalog embeds it in the
//! background, then finds paraphrases and other languages, says why, and lists similar
//! entries; the embedder redoes only what changed; without the model, words still work.
//!
//! The model comes from `COMMONS_EMBED_MODEL` (a directory holding `sp.model` and
//! `weights.npz`), which scripts/test.sh sets (scripts/embed-reference.sh).

use commons_catalog::Catalog;
use commons_embed::{Encoder, ModelFiles};
use commons_search::{SearchIndex, VectorStore};
use commons_server::meaning::{MODEL_ID, MeaningConfig, MeaningState, embed_changes};
use commons_server::{ServeConfig, Server};
use serde_json::Value;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

fn model_dir() -> PathBuf {
    let dir = std::env::var("COMMONS_EMBED_MODEL").unwrap_or_else(|_| {
        panic!(
            "COMMONS_EMBED_MODEL is not set: run `eval \"$(scripts/embed-reference.sh)\"` first \
             (scripts/test.sh does this)"
        )
    });
    PathBuf::from(dir)
}

/// A server over the demo entries (not assessed) with the model, once its vectors caught up.
async fn server_with_model(dir: &tempfile::TempDir) -> (std::net::SocketAddr, Server) {
    let catalog = Catalog::open(None, dir.path()).await.unwrap();
    commons_server::demo::load(&catalog).await.unwrap();
    ingest_docvault_fork(&catalog).await;
    catalog.close().await;
    let (server, report) = Server::start(ServeConfig {
        listen: "127.0.0.1:0".parse().unwrap(),
        data_dir: dir.path().to_path_buf(),
        meaning: MeaningConfig {
            model_dir: Some(model_dir()),
            ..MeaningConfig::default()
        },
        ..ServeConfig::default()
    })
    .await
    .unwrap();
    let meaning = Arc::clone(&server.state().meaning);
    // Loading and embedding 45 entries take a few seconds in a debug build.
    for _ in 0..1200 {
        if meaning.state() == MeaningState::Ready && meaning.vectors() > 0 && meaning.pending() == 0
        {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(meaning.state(), MeaningState::Ready);
    assert!(meaning.vectors() >= 45, "{} vectors", meaning.vectors());
    (report.address, server)
}

const FORK: &str = "https://git.records.example/ministry/docvault-ministries";

/// A ministry's fork of DocVault, declared with `isBasedOn`: close in meaning, and reuse
/// rather than duplication.
async fn ingest_docvault_fork(catalog: &Catalog) {
    let docvault = catalog
        .software("gitlab-un-example-unicc-docvault")
        .await
        .unwrap()
        .unwrap();
    let raw = catalog
        .raw(docvault.live_revision_id.unwrap())
        .await
        .unwrap()
        .unwrap();
    let fork = raw
        .replacen(
            "name: DocVault\n",
            "name: DocVault for Ministries\nisBasedOn:\n  - \"https://gitlab.un.example/unicc/docvault\"\n",
            1,
        )
        .replacen("https://gitlab.un.example/unicc/docvault\"\nlandingURL", &format!("{FORK}\"\nlandingURL"), 1)
        .replacen("name: United Nations International Computing Centre", "name: Ministry of Records", 1)
        .replacen("https://www.unicc.example", "https://records.example", 1);
    assert!(fork.contains("isBasedOn") && fork.contains(FORK), "{fork}");
    let outcome = catalog
        .ingest(&commons_catalog::IngestRequest {
            repository_url: FORK.into(),
            forge: commons_catalog::ForgeKind::Git,
            default_branch: Some("main".into()),
            commit: None,
            publisher: None,
            source: fork.into_bytes(),
            seen_at: 1_900_000_000,
        })
        .await
        .unwrap();
    let entry = catalog
        .software(&outcome.software_id)
        .await
        .unwrap()
        .unwrap();
    assert!(entry.listed && entry.publiccode.is_some(), "{entry:?}");
}

fn ids(page: &Value) -> Vec<String> {
    page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            let id = i["id"].as_str().or(i["software"]["id"].as_str()).unwrap();
            id.split_once("-example-")
                .map_or(id, |(_, s)| s)
                .to_string()
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn paraphrases_and_other_languages_are_found_by_meaning_and_similar_entries_listed() {
    let dir = tempfile::tempdir().unwrap();
    let (address, server) = server_with_model(&dir).await;
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let serving = tokio::spawn(server.serve(async {
        let _ = stopped.await;
    }));
    let client = reqwest::Client::new();
    let get = |path: String| {
        let client = client.clone();
        async move {
            let response = client
                .get(format!("http://{address}{path}"))
                .send()
                .await
                .unwrap();
            let status = response.status().as_u16();
            (status, response.json::<Value>().await.unwrap())
        }
    };
    let search = |q: &str| {
        let q: String = form_urlencoded::byte_serialize(q.as_bytes()).collect();
        get(format!("/api/v1/software?q={q}&limit=5"))
    };

    // The examples: each found nothing when every word had to match.
    let (_, page) = search("健康").await;
    let found = ids(&page);
    assert!(
        found.iter().any(|id| id.contains("health")),
        "a Chinese word finds the health software described in English: {found:?}"
    );
    let first = &page["items"][0];
    assert_eq!(first["meaningMatch"]["language"], "en", "{first}");
    assert!(first["meaningMatch"]["similarity"].as_f64().unwrap() >= 0.15);
    let (_, page) = search("здоровье").await;
    assert!(ids(&page).iter().any(|id| id.contains("health")), "{page}");
    let (_, page) = search("tool for social workers handling child cases").await;
    assert_eq!(ids(&page)[0], "unicef-case-compass");
    let (_, page) = search("регистрация беженцев").await;
    assert_eq!(ids(&page)[0], "unhcr-refreg");

    // Keywords still find by their words, first, with no "found by meaning" note.
    let (_, page) = search("ImmuTrack").await;
    assert_eq!(ids(&page)[0], "who-immutrack");
    assert!(page["items"][0]["meaningMatch"].is_null());
    // Nonsense finds nothing rather than the least unrelated entries.
    let (_, page) = search("qwertyuiop").await;
    assert_eq!(page["total"], 0, "{page}");

    // Similar entries: a ministry's fork of DocVault is the closest, labelled as based on it
    // (reuse, not duplication); the other organisations' entries come first.
    let (status, page) =
        get("/api/v1/software/gitlab-un-example-unicc-docvault/similar?limit=50".into()).await;
    assert_eq!(status, 200, "{page}");
    assert_eq!(page["meaning"]["state"], "ready");
    let items = page["items"].as_array().unwrap();
    let fork = &items[0];
    assert!(
        fork["software"]["repositoryUrl"] == FORK,
        "the fork is the closest: {page}"
    );
    assert_eq!(fork["relation"], "basisOf");
    assert_eq!(fork["sameOrganisation"], false);
    assert!(fork["similarity"].as_f64().unwrap() > 0.9, "{fork}");
    let same: Vec<bool> = items
        .iter()
        .map(|i| i["sameOrganisation"].as_bool().unwrap())
        .collect();
    assert!(
        same.windows(2).all(|w| w[0] <= w[1]),
        "others first: {same:?}"
    );
    for item in items {
        assert!(item["similarity"].as_f64().unwrap() >= 0.5, "{item}");
        assert_ne!(item["software"]["id"], "gitlab-un-example-unicc-docvault");
    }
    let (_, few) =
        get("/api/v1/software/gitlab-un-example-unicc-docvault/similar?limit=2".into()).await;
    assert_eq!(few["items"].as_array().unwrap().len(), 2);

    for bad in [
        "limit=0",
        "limit=51",
        "limit=x",
        "colour=red",
        "lang=%3Cscript%3E",
    ] {
        let (status, problem) = get(format!(
            "/api/v1/software/gitlab-un-example-unicc-docvault/similar?{bad}"
        ))
        .await;
        assert_eq!(status, 400, "{bad}: {problem}");
    }
    let (status, _) = get("/api/v1/software/no-such-entry/similar".into()).await;
    assert_eq!(status, 404);

    // The software page shows them.
    let html = client
        .get(format!(
            "http://{address}/software/gitlab-un-example-unicc-docvault?lang=en"
        ))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("Also solves this"));
    assert!(html.contains("based on this entry"));
    assert!(html.contains("DocVault for Ministries"));
    // Duplicates across organisations: the fork is declared reuse, never a duplicate.
    let mut page = Value::Null;
    for _ in 0..100 {
        let (status, answer) = get("/api/v1/duplicates?threshold=0.6".into()).await;
        assert_eq!(status, 200, "{answer}");
        page = answer;
        if page["complete"] == true {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(page["complete"], true, "{page}");
    assert_eq!(page["threshold"].as_f64().unwrap(), 0.6);
    let reuse = page["reuse"].as_array().unwrap();
    assert!(
        reuse.iter().any(|p| p["relation"].is_string()
            && [p["a"].as_str(), p["b"].as_str()]
                .contains(&Some("gitlab-un-example-unicc-docvault"))),
        "{page}"
    );
    for cluster in page["clusters"].as_array().unwrap() {
        let members: Vec<&str> = cluster["entries"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["repositoryUrl"].as_str().unwrap())
            .collect();
        assert!(members.len() >= 2);
        assert!(
            !members.contains(&FORK),
            "a declared fork is not a duplicate: {cluster}"
        );
        let orgs: std::collections::BTreeSet<&str> = cluster["entries"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|e| e["organisationId"].as_str())
            .collect();
        assert!(orgs.len() >= 2, "across organisations: {cluster}");
        for pair in cluster["pairs"].as_array().unwrap() {
            assert!(pair["similarity"].as_f64().unwrap() >= 0.6);
        }
    }
    let (status, strict) = get("/api/v1/duplicates".into()).await;
    assert_eq!(status, 200);
    assert_eq!(strict["threshold"].as_f64().unwrap(), 0.75);
    for bad in [
        "threshold=0.5",
        "threshold=1.5",
        "threshold=x",
        "colour=red",
        // Each rounds to an accepted f32, but is outside the documented range as written.
        "threshold=1.0000000000000002",
        "threshold=0.59999999999",
    ] {
        let (status, problem) = get(format!("/api/v1/duplicates?{bad}")).await;
        assert_eq!(status, 400, "{bad}: {problem}");
    }
    let html = client
        .get(format!("http://{address}/duplicates?lang=en"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("Possible duplicates"), "{html}");

    // Operators see it in the metrics.
    let metrics = client
        .get(format!("http://{address}/metrics"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(metrics.contains("commons_meaning_ready 1"), "{metrics}");
    assert!(metrics.contains("commons_meaning_pending 0"));
    let _ = stop.send(());
    serving.await.unwrap().unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_changed_texts_are_embedded_again_and_the_vectors_outlive_the_process() {
    let dir = tempfile::tempdir().unwrap();
    let catalog = Catalog::open(None, dir.path()).await.unwrap();
    commons_server::demo::load(&catalog).await.unwrap();
    let index = Arc::new(SearchIndex::in_memory().unwrap());
    commons_app::indexer::rebuild(&catalog, &index)
        .await
        .unwrap();
    let encoder = Encoder::load(&ModelFiles::open(model_dir()).unwrap()).unwrap();
    let path = dir.path().join("vectors.vec");
    let texts = index.embedding_sources().unwrap().len();
    {
        let (store, _) = VectorStore::open(&path, MODEL_ID, commons_embed::DIM).unwrap();
        let first = embed_changes(&index, &encoder, &store, |_| {}).unwrap();
        assert_eq!(first.embedded, texts);
        let again = embed_changes(&index, &encoder, &store, |_| {}).unwrap();
        assert_eq!(again.embedded, 0, "nothing changed");
    }
    // Another process (the file reopened): still nothing to do.
    let (store, opened) = VectorStore::open(&path, MODEL_ID, commons_embed::DIM).unwrap();
    assert_eq!(opened.vectors, texts);
    assert_eq!(
        embed_changes(&index, &encoder, &store, |_| {})
            .unwrap()
            .embedded,
        0
    );

    // One entry's file changes: only its texts are embedded again.
    let id = "gitlab-un-example-who-immutrack";
    let software = catalog.software(id).await.unwrap().unwrap();
    let raw = catalog
        .raw(software.live_revision_id.unwrap())
        .await
        .unwrap()
        .unwrap();
    let changed = raw.replacen(
        "Electronic immunisation registry:",
        "Electronic immunisation registry with SMS reminders:",
        1,
    );
    assert_ne!(changed, raw);
    let outcome = catalog
        .ingest(&commons_catalog::IngestRequest {
            repository_url: software.repository_url.clone(),
            forge: commons_catalog::ForgeKind::Git,
            default_branch: Some("main".into()),
            commit: None,
            publisher: None,
            source: changed.into_bytes(),
            seen_at: 1_900_000_000,
        })
        .await
        .unwrap();
    assert_eq!(outcome.software_id, id);
    commons_app::indexer::catch_up(&catalog, &index)
        .await
        .unwrap();
    let langs = index
        .embedding_sources()
        .unwrap()
        .iter()
        .filter(|s| s.id == id)
        .count();
    let report = embed_changes(&index, &encoder, &store, |_| {}).unwrap();
    assert!(
        report.embedded >= 1 && report.embedded <= langs,
        "{report:?}"
    );
    assert_eq!(report.removed, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_the_model_searches_use_words_and_the_reason_is_given() {
    let dir = tempfile::tempdir().unwrap();
    let (server, _) = Server::start(ServeConfig {
        listen: "127.0.0.1:0".parse().unwrap(),
        data_dir: dir.path().to_path_buf(),
        demo: false,
        meaning: MeaningConfig {
            model_dir: Some(dir.path().join("no-model-here")),
            ..MeaningConfig::default()
        },
        ..ServeConfig::default()
    })
    .await
    .unwrap();
    let meaning = Arc::clone(&server.state().meaning);
    for _ in 0..100 {
        if meaning.state() != MeaningState::Loading {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    match meaning.state() {
        MeaningState::Unavailable { reason } => {
            assert!(reason.contains("commons model fetch"), "{reason}");
        }
        other => panic!("{other:?}"),
    }
    assert!(meaning.embed_query("health").is_none());
}
