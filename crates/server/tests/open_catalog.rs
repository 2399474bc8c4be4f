//! The Software Catalog API under `/open-catalog/v1`, through the router: its pages followed
//! as a harvester follows them, ids, errors in the API's `Error` shape; and an entry read
//! through a peer catalog showing where it came from, in the API and on its page.

use crate::support::{TestApp, example};
use commons_catalog::{ForgeKind, IngestRequest, Prepared, Via};
use serde_json::Value;
use std::collections::HashSet;

/// Follows `links.next` (`?page[after]=...`) from the first page; returns every item.
async fn every_page(app: &TestApp, query: &str) -> Vec<Value> {
    let mut items = Vec::new();
    let mut uri = format!("/open-catalog/v1/software?{query}");
    for _ in 0..100 {
        let page = app.get_json(&uri).await;
        let keys: HashSet<&str> = page
            .as_object()
            .unwrap()
            .keys()
            .map(|k| k.as_str())
            .collect();
        assert_eq!(keys, HashSet::from(["data", "links"]));
        items.extend(page["data"].as_array().unwrap().iter().cloned());
        match page["links"]["next"].as_str() {
            None => return items,
            Some(next) => {
                let cursor = next
                    .strip_prefix("?page[after]=")
                    .expect("the reference form");
                uri = format!("/open-catalog/v1/software?{query}&page%5Bafter%5D={cursor}");
            }
        }
    }
    panic!("the pages do not end");
}

#[tokio::test]
async fn harvesters_page_through_every_listed_entry_once() {
    let app = TestApp::with_demo().await;
    let items = every_page(&app, "page%5Bsize%5D=3").await;
    let listed = app.state.catalog.count(false).await.unwrap() as usize;
    assert_eq!(items.len(), listed);
    let ids: HashSet<&str> = items.iter().map(|i| i["id"].as_str().unwrap()).collect();
    assert_eq!(ids.len(), listed, "no entry twice");
    let times: Vec<&str> = items
        .iter()
        .map(|i| i["createdAt"].as_str().unwrap())
        .collect();
    assert!(times.windows(2).all(|w| w[0] <= w[1]), "by creation time");
    for item in &items {
        assert_eq!(item["active"], true);
        let yaml = item["publiccodeYml"].as_str().unwrap();
        assert!(commons_publiccode::validate(yaml.as_bytes(), &Default::default()).is_valid());
        // One entry, as the list shows it.
        let one = app
            .get_json(&format!(
                "/open-catalog/v1/software/{}",
                item["id"].as_str().unwrap()
            ))
            .await;
        assert_eq!(&one, item);
    }
    // The URL filter finds an entry by its repository.
    let first = &items[0];
    let url: String =
        form_urlencoded::byte_serialize(first["url"].as_str().unwrap().as_bytes()).collect();
    let found = app
        .get_json(&format!("/open-catalog/v1/software?url={url}"))
        .await;
    assert_eq!(found["data"].as_array().unwrap(), &vec![first.clone()]);
    assert_eq!(found["links"]["next"], Value::Null);

    // Backwards from the last page's first entry gives the entries before it.
    let page = app
        .get_json("/open-catalog/v1/software?page%5Bsize%5D=2")
        .await;
    let next = page["links"]["next"]
        .as_str()
        .unwrap()
        .strip_prefix("?page[after]=")
        .unwrap()
        .to_string();
    let second = app
        .get_json(&format!(
            "/open-catalog/v1/software?page%5Bsize%5D=2&page%5Bafter%5D={next}"
        ))
        .await;
    let prev = second["links"]["prev"]
        .as_str()
        .unwrap()
        .strip_prefix("?page[before]=")
        .unwrap()
        .to_string();
    let back = app
        .get_json(&format!(
            "/open-catalog/v1/software?page%5Bsize%5D=2&page%5Bbefore%5D={prev}"
        ))
        .await;
    assert_eq!(back["data"], page["data"]);
}

#[tokio::test]
async fn errors_have_the_apis_error_shape() {
    let app = TestApp::with_demo().await;
    for (uri, status) in [
        (
            "/open-catalog/v1/software/c353756e-8597-4e46-a99b-7da2e141603b",
            404,
        ),
        (
            "/open-catalog/v1/publishers/2ded32eb-c45e-4167-9166-a44e18b8adde",
            404,
        ),
        ("/open-catalog/v1/software?page%5Bsize%5D=0", 422),
        ("/open-catalog/v1/software?page%5Bafter%5D=garbage", 422),
        ("/open-catalog/v1/software?from=yesterday", 422),
        ("/open-catalog/v1/nothing", 404),
    ] {
        let (response, body) = app.get(uri).await;
        assert_eq!(response.status(), status, "{uri}");
        assert_eq!(
            response.headers()["content-type"],
            "application/problem+json"
        );
        let problem: Value = serde_json::from_slice(&body).unwrap();
        let keys: HashSet<&str> = problem
            .as_object()
            .unwrap()
            .keys()
            .map(|k| k.as_str())
            .collect();
        assert_eq!(keys, HashSet::from(["title", "detail", "status"]), "{uri}");
        assert_eq!(problem["status"], status);
    }
    let (response, _) = app.get("/open-catalog/v1/status").await;
    assert_eq!(response.status(), 204);
}

#[tokio::test]
async fn publishers_are_the_organisations_with_where_they_host() {
    let app = TestApp::with_demo().await;
    let page = app
        .get_json("/open-catalog/v1/publishers?page%5Bsize%5D=100")
        .await;
    let publishers = page["data"].as_array().unwrap();
    let organisations = app.state.catalog.organisations().await.unwrap();
    let active = organisations
        .iter()
        .filter(|o| o.software_count > 0)
        .count();
    assert_eq!(publishers.len(), active);
    for publisher in publishers {
        let alternative = publisher["alternativeId"].as_str().unwrap();
        assert!(organisations.iter().any(|o| o.id == alternative));
        assert!(!publisher["codeHosting"].as_array().unwrap().is_empty());
        let by_uuid = app
            .get_json(&format!(
                "/open-catalog/v1/publishers/{}",
                publisher["id"].as_str().unwrap()
            ))
            .await;
        assert_eq!(&by_uuid, publisher);
        let by_alternative = app
            .get_json(&format!("/open-catalog/v1/publishers/{alternative}"))
            .await;
        assert_eq!(&by_alternative, publisher);
    }
}

#[tokio::test]
async fn an_entry_from_a_peer_says_where_it_came_from() {
    let app = TestApp::with_demo().await;
    let request = IngestRequest {
        repository_url: "https://code.peer.example/agency/app".into(),
        forge: ForgeKind::Git,
        default_branch: None,
        commit: None,
        publisher: None,
        source: example().into_bytes(),
        seen_at: 1_764_000_000,
    };
    let prepared = Prepared::new(&request).unwrap();
    let outcome = app
        .state
        .catalog
        .ingest_via(
            &request,
            &prepared,
            &Via {
                catalog_id: "developers-italia".into(),
                catalog_name: "Developers <Italia>".into(),
                catalog_url: "https://api.developers.italia.example/v1".into(),
                remote_id: "\"><script>alert(1)</script>".into(),
                fetched_at: 1_764_000_000,
            },
        )
        .await
        .unwrap();
    let id = outcome.software_id;
    let detail = app.get_json(&format!("/api/v1/software/{id}")).await;
    let via = &detail["listedVia"][0];
    assert_eq!(via["catalogName"], "Developers <Italia>");
    assert_eq!(via["source"], true);
    assert_eq!(via["fetchedAt"], "2025-11-24T16:00:00Z");
    assert_eq!(detail["uuid"], commons_catalog::software_uuid(&id));

    let (response, body) = app.get(&format!("/software/{id}")).await;
    assert_eq!(response.status(), 200);
    let html = String::from_utf8(body).unwrap();
    assert!(html.contains("Listed via"));
    assert!(
        html.contains("Developers &#60;Italia&#62;"),
        "names are escaped"
    );
    assert!(!html.contains("Developers <Italia>"));
    assert!(!html.contains("<script>alert(1)"), "remote ids are escaped");
    assert!(html.contains(
        "https://api.developers.italia.example/v1/software/%22%3E%3Cscript%3Ealert%281%29%3C%2Fscript%3E"
    ));
    // The same on the Chinese page, in Chinese.
    let (_, body) = app.get(&format!("/software/{id}?lang=zh")).await;
    assert!(String::from_utf8(body).unwrap().contains("来源目录"));
}

#[tokio::test]
async fn the_about_page_describes_each_export() {
    let app = TestApp::with_demo().await;
    let (response, body) = app.get("/about").await;
    assert_eq!(response.status(), 200);
    let html = String::from_utf8(body).unwrap();
    for url in [
        "/open-catalog/v1/software",
        "/api/v1/export/dcat-ap.ttl",
        "/api/v1/software/{id}/codemeta.json",
        "/api/v1/export/catalog.json",
        "/feeds/updates.atom",
    ] {
        assert!(html.contains(url), "{url}");
    }
}
