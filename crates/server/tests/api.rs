//! The REST API through the router.

use crate::support::*;
use axum::body::Body;
use axum::http::{Request, header};
use serde_json::Value;
use std::collections::BTreeSet;

#[tokio::test]
async fn search_lists_everything_with_facets_and_walks_pages_by_cursor() {
    let app = TestApp::with_demo().await;
    let listed = app.state.catalog.count(false).await.unwrap();
    assert!(
        listed >= 40,
        "the demo catalog has at least 40 listed entries, got {listed}"
    );
    let first = app.get_json("/api/v1/software?limit=7").await;
    assert_eq!(first["total"], listed);
    assert_eq!(first["items"].as_array().unwrap().len(), 7);
    let categories = first["facets"]["category"].as_array().unwrap();
    assert!(!categories.is_empty());
    let counted: u64 = first["facets"]["developmentStatus"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["count"].as_u64().unwrap())
        .sum();
    assert_eq!(
        counted, listed as u64,
        "every entry has one development status"
    );

    let mut seen = BTreeSet::new();
    let mut page = first;
    loop {
        for item in page["items"].as_array().unwrap() {
            assert!(
                seen.insert(item["id"].as_str().unwrap().to_string()),
                "no entry twice"
            );
        }
        let Some(next) = page["next"].as_str() else {
            break;
        };
        page = app
            .get_json(&format!("/api/v1/software?limit=7&cursor={next}"))
            .await;
    }
    assert_eq!(
        seen.len() as i64,
        listed,
        "the cursor walk reaches every entry"
    );
}

#[tokio::test]
async fn facet_filters_narrow_and_text_finds_across_languages() {
    let app = TestApp::with_demo().await;
    let all = app.get_json("/api/v1/software").await;
    let category = all["facets"]["category"][0]["value"]
        .as_str()
        .unwrap()
        .to_string();
    let expected = all["facets"]["category"][0]["count"].as_u64().unwrap();
    let filtered = app
        .get_json(&format!("/api/v1/software?category={category}&limit=100"))
        .await;
    assert_eq!(filtered["total"].as_u64().unwrap(), expected);
    for item in filtered["items"].as_array().unwrap() {
        let cats: Vec<&str> = item["categories"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c.as_str().unwrap())
            .collect();
        assert!(cats.contains(&category.as_str()), "{item}");
    }
    // Two values of one facet: either; two facets: both.
    let license = all["facets"]["license"][0]["value"]
        .as_str()
        .unwrap()
        .to_string();
    let both = app
        .get_json(&format!(
            "/api/v1/software?category={category}&license={}&limit=100",
            urlencode(&license)
        ))
        .await;
    assert!(both["total"].as_u64().unwrap() <= expected);

    // Free text in English finds entries; the snippet marks what matched.
    let found = app.get_json("/api/v1/software?q=refugee").await;
    assert!(found["total"].as_u64().unwrap() >= 1, "{found}");
    let snippet = &found["items"][0]["snippet"];
    assert!(snippet.as_array().is_some());
}

fn urlencode(s: &str) -> String {
    form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

#[tokio::test]
async fn descriptions_follow_the_readers_language() {
    let app = TestApp::with_demo().await;
    let page = app.get_json("/api/v1/software?lang=ar&limit=100").await;
    let arabic = page["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| {
            i["descriptionLanguage"]
                .as_str()
                .is_some_and(|l| l.starts_with("ar"))
        })
        .count();
    assert!(arabic >= 1, "some demo entries are described in Arabic");
}

#[tokio::test]
async fn bad_parameters_are_400_problems_never_500() {
    let app = TestApp::with_demo().await;
    for uri in [
        "/api/v1/software?limit=0",
        "/api/v1/software?limit=1000",
        "/api/v1/software?limit=ten",
        "/api/v1/software?sort=sideways",
        "/api/v1/software?colour=blue",
        "/api/v1/software?cursor=bm90LWEtY3Vyc29y",
        "/api/v1/software?lang=%3Cscript%3E",
    ] {
        let (response, body) = app.get(uri).await;
        assert_eq!(response.status(), 400, "{uri}");
        assert_eq!(
            response.headers()[header::CONTENT_TYPE],
            "application/problem+json",
            "{uri}"
        );
        let problem: Value = serde_json::from_slice(&body).unwrap();
        assert_eq!(problem["status"], 400);
        assert!(!problem["detail"].as_str().unwrap().is_empty());
    }
    let long = format!("/api/v1/software?q={}", "a".repeat(20_000));
    assert_eq!(app.get(&long).await.0.status(), 414);
}

#[tokio::test]
async fn one_entry_its_file_and_its_revisions() {
    let app = TestApp::with_demo().await;
    let url = "https://git.example.org/test/example";
    let created = app.ingest(url, &example()).await;
    commons_app::indexer::catch_up(&app.state.catalog, &app.state.index)
        .await
        .unwrap();
    let id = created.software_id;

    let detail = app.get_json(&format!("/api/v1/software/{id}")).await;
    assert_eq!(detail["id"], id.as_str());
    assert_eq!(detail["repositoryUrl"], url);
    assert!(detail["publiccode"]["description"].is_object());

    let (response, body) = app
        .get(&format!("/api/v1/software/{id}/publiccode.yml"))
        .await;
    assert_eq!(response.status(), 200);
    assert!(
        response.headers()[header::CONTENT_TYPE]
            .to_str()
            .unwrap()
            .starts_with("application/yaml")
    );
    assert_eq!(String::from_utf8(body).unwrap(), example());

    // An invalid update is kept as a revision; the valid one stays live.
    app.ingest(url, "publiccodeYmlVersion: \"0.4\"\nname: broken\n")
        .await;
    let revisions = app
        .get_json(&format!("/api/v1/software/{id}/revisions"))
        .await;
    let revisions = revisions.as_array().unwrap();
    assert_eq!(revisions.len(), 2);
    assert_eq!(revisions[0]["live"], true);
    assert_eq!(revisions[1]["valid"], false);
    assert!(!revisions[1]["errors"].as_array().unwrap().is_empty());
    let detail = app.get_json(&format!("/api/v1/software/{id}")).await;
    assert!(
        detail["problem"].as_str().is_some(),
        "the entry carries the problem"
    );

    let (missing, body) = app.get("/api/v1/software/no-such-entry").await;
    assert_eq!(missing.status(), 404);
    assert_eq!(
        missing.headers()[header::CONTENT_TYPE],
        "application/problem+json"
    );
    assert!(String::from_utf8(body).unwrap().contains("no-such-entry"));
}

#[tokio::test]
async fn never_valid_entries_are_not_listed() {
    let app = TestApp::with_demo().await;
    let before = app.state.catalog.count(false).await.unwrap();
    let outcome = app
        .ingest(
            "https://git.example.org/test/broken",
            "publiccodeYmlVersion: \"0.4\"\nname: x\n",
        )
        .await;
    commons_app::indexer::catch_up(&app.state.catalog, &app.state.index)
        .await
        .unwrap();
    let page = app.get_json("/api/v1/software?q=broken&limit=100").await;
    assert!(
        page["items"]
            .as_array()
            .unwrap()
            .iter()
            .all(|i| i["id"] != outcome.software_id.as_str())
    );
    assert_eq!(app.state.catalog.count(false).await.unwrap(), before);
    assert_eq!(
        app.get(&format!("/api/v1/software/{}", outcome.software_id))
            .await
            .0
            .status(),
        404
    );
}

#[tokio::test]
async fn organisations_and_their_software() {
    let app = TestApp::with_demo().await;
    let organisations = app.get_json("/api/v1/organisations").await;
    let first = &organisations.as_array().unwrap()[0];
    let id = first["id"].as_str().unwrap();
    let detail = app.get_json(&format!("/api/v1/organisations/{id}")).await;
    assert_eq!(detail["organisation"]["id"], id);
    assert_eq!(
        detail["software"].as_array().unwrap().len() as i64,
        first["softwareCount"].as_i64().unwrap()
    );
    assert_eq!(
        app.get("/api/v1/organisations/nobody").await.0.status(),
        404
    );
}

#[tokio::test]
async fn validate_answers_the_public_json_shape() {
    let app = TestApp::with_demo().await;
    let post = |body: Vec<u8>| {
        Request::post("/api/v1/validate")
            .body(Body::from(body))
            .unwrap()
    };
    let (response, body) = split(app.send(post(example().into_bytes())).await).await;
    assert_eq!(response.status(), 200);
    let report: Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(report["valid"], true, "{report}");
    assert_eq!(report["file"], "<body>");

    let (_, body) = split(app.send(post(b"name: [".to_vec())).await).await;
    let report: Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(report["valid"], false);
    let error = &report["errors"][0];
    for key in ["key", "line", "column", "severity", "message"] {
        assert!(error.get(key).is_some(), "{error}");
    }

    let huge = vec![b'a'; 3 * 1024 * 1024];
    let (response, _) = split(app.send(post(huge)).await).await;
    assert_eq!(response.status(), 413);
}

#[tokio::test]
async fn etags_answer_304_and_headers_are_strict() {
    let app = TestApp::with_demo().await;
    let (response, _) = app.get("/api/v1/software?limit=3").await;
    let etag = response.headers()[header::ETAG].clone();
    let csp = response.headers()[header::CONTENT_SECURITY_POLICY]
        .to_str()
        .unwrap();
    assert!(csp.contains("default-src 'none'") && csp.contains("script-src 'self'"));
    assert!(!csp.contains("unsafe-inline"));
    assert_eq!(
        response.headers()[header::X_CONTENT_TYPE_OPTIONS],
        "nosniff"
    );

    let again = app
        .send(
            Request::get("/api/v1/software?limit=3")
                .header(header::IF_NONE_MATCH, etag.clone())
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(again.status(), 304);
    assert_eq!(again.headers()[header::ETAG], etag);
    // The answer comes from the cache now, with the tag it was first sent with; another tag
    // gets the whole answer.
    let (cached, body) = app.get("/api/v1/software?limit=3").await;
    assert_eq!(cached.headers()[header::ETAG], etag);
    assert!(!body.is_empty());
    let other = app
        .send(
            Request::get("/api/v1/software?limit=3")
                .header(header::IF_NONE_MATCH, "\"0123\"")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(other.status(), 200);
    // A route without an answer cache is tagged by the middleware, and answers 304 too.
    let (organisations, _) = app.get("/api/v1/organisations").await;
    let tag = organisations.headers()[header::ETAG].clone();
    let again = app
        .send(
            Request::get("/api/v1/organisations")
                .header(header::IF_NONE_MATCH, tag.clone())
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(again.status(), 304);
    assert_eq!(again.headers()[header::ETAG], tag);

    let cors = app
        .send(
            Request::get("/api/v1/organisations")
                .header(header::ORIGIN, "https://agency.example")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(cors.headers()[header::ACCESS_CONTROL_ALLOW_ORIGIN], "*");
}

#[tokio::test]
async fn openapi_health_and_metrics() {
    let app = TestApp::with_demo().await;
    let doc = app.get_json("/api/v1/openapi.json").await;
    assert!(doc["openapi"].as_str().unwrap().starts_with("3.1"));
    for path in [
        "/api/v1/software",
        "/api/v1/software/{id}",
        "/api/v1/software/{id}/publiccode.yml",
        "/api/v1/software/{id}/revisions",
        "/api/v1/organisations",
        "/api/v1/organisations/{id}",
        "/api/v1/validate",
    ] {
        assert!(doc["paths"].get(path).is_some(), "{path} is documented");
    }
    // The assessment's report is typed in the document, down to its items' statuses.
    let schemas = &doc["components"]["schemas"];
    assert_eq!(
        schemas["AssessmentView"]["properties"]["report"]["$ref"],
        "#/components/schemas/Assessment"
    );
    for part in [
        "license",
        "security",
        "vulnerabilities",
        "vitality",
        "unPrinciples",
        "cost",
    ] {
        assert!(
            schemas["Assessment"]["properties"].get(part).is_some(),
            "{part}"
        );
    }
    assert_eq!(
        schemas["ItemStatus"]["enum"],
        serde_json::json!(["met", "declared", "not-applicable", "missing"])
    );
    assert_eq!(app.get("/healthz").await.0.status(), 200);
    assert_eq!(app.get("/readyz").await.0.status(), 200);
    app.state.set_ready(false);
    assert_eq!(app.get("/readyz").await.0.status(), 503);
    app.get("/api/v1/software").await;
    let (_, metrics) = app.get("/metrics").await;
    let metrics = String::from_utf8(metrics).unwrap();
    assert!(metrics.contains("commons_http_requests_total"), "{metrics}");
    assert!(metrics.contains("route=\"/api/v1/software\""), "{metrics}");
    assert!(metrics.contains("commons_index_entries"));
}

#[tokio::test]
async fn the_index_follows_new_writes() {
    let app = TestApp::with_demo().await;
    let page = app.get_json("/api/v1/software?q=zanzibarian").await;
    assert_eq!(page["total"], 0);
    let source = example().replace("Primero", "Zanzibarian");
    let created = app
        .ingest("https://git.example.org/test/zanzibar", &source)
        .await;
    let applied = commons_app::indexer::catch_up(&app.state.catalog, &app.state.index)
        .await
        .unwrap();
    assert_eq!(applied, 1);
    let page = app.get_json("/api/v1/software?q=zanzibarian").await;
    assert_eq!(
        page["items"][0]["id"],
        created.software_id.as_str(),
        "{page}"
    );
}

#[tokio::test]
async fn an_index_of_cards_in_an_older_format_is_rebuilt_when_the_server_starts() {
    use commons_server::{ServeConfig, Server};
    let dir = tempfile::tempdir().unwrap();
    let config = || ServeConfig {
        listen: "127.0.0.1:0".parse().unwrap(),
        data_dir: dir.path().to_path_buf(),
        demo: true,
        crawl: None,
        ..ServeConfig::default()
    };
    let (server, first) = Server::start(config()).await.unwrap();
    assert!(first.indexed > 40, "{first:?}");
    drop(server);
    // Cards of this format: a restart has nothing to apply.
    let (server, again) = Server::start(config()).await.unwrap();
    assert_eq!(again.indexed, 0);
    drop(server);

    // Every card rewritten as the first format wrote it (no format number, no signals), at
    // the same change number, as an index left by an older version would be.
    {
        let catalog = commons_catalog::Catalog::open(None, dir.path())
            .await
            .unwrap();
        let (index, _) =
            commons_search::SearchIndex::open_or_create(&dir.path().join("index")).unwrap();
        let seq = index.indexed_seq().unwrap();
        let page = catalog.software_page(None, 1_000, false).await.unwrap();
        let old: Vec<_> = page
            .iter()
            .filter_map(commons_app::indexer::document_of)
            .map(|mut doc| {
                let mut card: Value = serde_json::from_str(&doc.card).unwrap();
                let card_fields = card.as_object_mut().unwrap();
                card_fields.remove("v");
                card_fields.remove("signals");
                doc.card = card.to_string();
                doc
            })
            .collect();
        assert_eq!(old.len(), first.indexed);
        index.upsert(&old, Some(seq)).unwrap();
        catalog.close().await;
    }
    let (_server, after) = Server::start(config()).await.unwrap();
    assert_eq!(
        after.indexed, first.indexed,
        "the whole index is rebuilt, not caught up"
    );
}

#[tokio::test]
async fn assessments_are_served_and_become_facets() {
    let app = TestApp::with_demo().await;
    let created = app
        .ingest("https://git.example.org/test/assessed", &example())
        .await;
    let id = created.software_id.clone();
    commons_app::indexer::catch_up(&app.state.catalog, &app.state.index)
        .await
        .unwrap();
    assert_eq!(
        app.get(&format!("/api/v1/software/{id}/assessment"))
            .await
            .0
            .status(),
        404
    );

    app.state
        .catalog
        .record_assessment(&commons_catalog::NewAssessment {
            software_id: id.clone(),
            revision_id: Some(created.revision_id),
            commit: Some("c".repeat(40)),
            method_version: "commons-assess/1".into(),
            assessed_at: 1_700_000_000,
            facets: Some(
                serde_json::json!({"licenseFamily": "strong-copyleft", "osiApproved": true,
                "vitality": 77, "securityScore": 8.1, "vulnerabilities": 2}),
            ),
            body: serde_json::json!({"license": {"family": "strong-copyleft", "evidence": []},
                "cost": {"usedBy": 0}}),
        })
        .await
        .unwrap();
    commons_app::indexer::catch_up(&app.state.catalog, &app.state.index)
        .await
        .unwrap();

    let view = app
        .get_json(&format!("/api/v1/software/{id}/assessment"))
        .await;
    assert_eq!(view["commit"], "c".repeat(40));
    assert_eq!(view["report"]["license"]["family"], "strong-copyleft");
    assert_eq!(view["report"]["cost"]["dependentsInCatalog"], 0);

    // Another entry declares it is based on this one (by its repository URL, written
    // otherwise): the count, made when the assessment is read, says so at once.
    let derived = example()
        .replacen(
            "\nname: Primero\n",
            "\nname: Primero Derived\nisBasedOn:\n  - \"https://GIT.example.org/test/assessed.git\"\n",
            1,
        )
        .replace("primeroIMS/primero", "primeroIMS/primero-derived");
    let outcome = app
        .ingest("https://git.example.org/test/derived", &derived)
        .await;
    assert_eq!(
        outcome.change,
        commons_catalog::Change::Created,
        "{derived}"
    );
    commons_app::indexer::catch_up(&app.state.catalog, &app.state.index)
        .await
        .unwrap();
    let view = app
        .get_json(&format!("/api/v1/software/{id}/assessment"))
        .await;
    assert_eq!(view["report"]["cost"]["dependentsInCatalog"], 1, "{view}");

    let page = app.get_json("/api/v1/software?vulnerabilities=yes").await;
    assert_eq!(page["total"], 1, "{page}");
    assert_eq!(page["items"][0]["id"], id.as_str());
    let page = app.get_json("/api/v1/software?sort=vitality&limit=1").await;
    assert_eq!(
        page["items"][0]["id"],
        id.as_str(),
        "the only assessed entry comes first"
    );
    // The result carries the assessment in brief, from the card stored in the index.
    let signals = &page["items"][0]["signals"];
    assert_eq!(signals["securityScore"], 8.1, "{signals}");
    assert_eq!(signals["vitality"], 77);
    assert_eq!(signals["vitalityBand"], "75-100");
    assert_eq!(signals["vulnerabilities"], 2);
    assert_eq!(signals["licenseFamily"], "strong-copyleft");
    assert_eq!(signals["osiApproved"], true);
    // Facets stored before the last commit's date was recorded: unknown, not made up.
    assert!(signals["lastCommitAt"].is_null(), "{signals}");
    let unassessed = app.get_json("/api/v1/software?q=derived").await;
    assert!(unassessed["items"][0]["signals"].is_null(), "{unassessed}");
    // The page shows them, the sorted-by signal first and marked.
    let (_, html) = app.get("/software?sort=security&lang=en").await;
    // Fluent isolates placeables with U+2068 and U+2069.
    let html = String::from_utf8(html.to_vec())
        .unwrap()
        .replace(['\u{2068}', '\u{2069}'], "");
    let first_signal = html
        .split("class=\"signal ")
        .nth(1)
        .expect("a signal on the page");
    assert!(
        first_signal.starts_with("signal-good signal-sorted\">Security practices 8.1 out of 10<"),
        "{first_signal}"
    );
    assert!(html.contains(">2 known vulnerabilities<"), "{html}");
    assert!(html.contains(">Strong copyleft licence, OSI-approved<"));
    assert!(html.contains(">Not assessed yet<"));
    let families = app.get_json("/api/v1/software").await["facets"]["licenseFamily"].clone();
    assert_eq!(families[0]["value"], "strong-copyleft", "{families}");
}

#[tokio::test]
async fn a_repeated_search_is_answered_from_the_cache_until_the_index_changes() {
    let app = TestApp::with_demo().await;
    let uri = "/api/v1/software?q=primero&limit=5";
    let first = app.get_json(uri).await;
    assert_eq!(app.state.answers.size().0, 1);
    // The same answer, byte for byte, without searching again.
    let searches_before = app.state.index.generation();
    let (_, again) = app.get(uri).await;
    assert_eq!(
        serde_json::from_slice::<serde_json::Value>(&again).unwrap(),
        first
    );
    assert_eq!(app.state.index.generation(), searches_before);
    // A new entry reaches the index: the next answer sees it.
    let text = example().replace("name: Primero", "name: Primero Two");
    let text = text.replace(
        "url: \"https://github.com/primeroIMS/primero\"",
        "url: \"https://git.example.org/primero-two\"",
    );
    app.ingest("https://git.example.org/primero-two", &text)
        .await;
    commons_app::indexer::catch_up(&app.state.catalog, &app.state.index)
        .await
        .unwrap();
    let after = app.get_json(uri).await;
    assert_eq!(
        after["total"].as_u64().unwrap(),
        first["total"].as_u64().unwrap() + 1,
        "{after}"
    );
}

#[tokio::test]
async fn a_scope_named_in_any_language_finds_its_entries_by_words() {
    let app = TestApp::with_demo().await;
    // No model here: the words of the scope's label in French, Chinese and Russian reach the
    // entries whose intendedAudience.scope is healthcare (six in the demo).
    for q in [
        "Sant%C3%A9",
        "%E5%8D%AB%E7%94%9F%E4%BF%9D%E5%81%A5",
        "%D0%B7%D0%B4%D1%80%D0%B0%D0%B2%D0%BE%D0%BE%D1%85%D1%80%D0%B0%D0%BD%D0%B5%D0%BD%D0%B8%D0%B5",
    ] {
        let page = app
            .get_json(&format!("/api/v1/software?q={q}&limit=20"))
            .await;
        let ids: Vec<&str> = page["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["id"].as_str().unwrap())
            .collect();
        assert!(page["total"].as_u64().unwrap() >= 6, "{q}: {ids:?}");
        assert!(
            ids.contains(&"gitlab-un-example-who-immutrack"),
            "{q}: {ids:?}"
        );
    }
}
