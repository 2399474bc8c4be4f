//! Pulling a peer catalog: a server written from the Software Catalog API's document
//! (`../shared/spec/open-catalog-api`), with its reference implementation's quirks: pages of
//! at most 100 by creation time then id, `links.next` as `?page[after]=<cursor>` with the
//! cursor in standard base64 (its `+` and `=` not escaped), `422` for a bad page size or cursor,
//! inactive entries only with `all=true`.

use super::support::*;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use serde_json::{Value, json};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

#[derive(Clone)]
struct PeerEntry {
    id: String,
    created_at: String,
    body: Value,
}

#[derive(Default)]
struct Peer {
    entries: Vec<PeerEntry>,
    /// Answer 500 to every page after the first (a peer failing midway).
    fail_after_first_page: bool,
    pages_served: usize,
}

type Shared = Arc<Mutex<Peer>>;

fn problem(status: StatusCode, detail: &str) -> Response {
    let body =
        json!({ "title": "can't get Software", "detail": detail, "status": status.as_u16() });
    let mut response = (status, body.to_string()).into_response();
    response
        .headers_mut()
        .insert("content-type", "application/problem+json".parse().unwrap());
    response
}

async fn list(
    State(peer): State<Shared>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let mut peer = peer.lock().unwrap();
    peer.pages_served += 1;
    if peer.fail_after_first_page && peer.pages_served > 1 {
        return problem(StatusCode::INTERNAL_SERVER_ERROR, "database down");
    }
    let size = match query.get("page[size]").map(|s| s.parse::<usize>()) {
        None => 25,
        Some(Ok(n)) if (1..=100).contains(&n) => n,
        _ => {
            return problem(
                StatusCode::UNPROCESSABLE_ENTITY,
                "page[size] must be between 1 and 100",
            );
        }
    };
    let after = match query.get("page[after]") {
        None => None,
        Some(cursor) => match STANDARD
            .decode(cursor)
            .ok()
            .and_then(|b| serde_json::from_slice::<(String, String)>(&b).ok())
        {
            Some(key) => Some(key),
            None => {
                return problem(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "wrong cursor format in page[after] or page[before]",
                );
            }
        },
    };
    let all = query.get("all").is_some_and(|a| a == "true");
    let mut entries: Vec<&PeerEntry> = peer
        .entries
        .iter()
        .filter(|e| all || e.body["active"] != json!(false))
        .filter(|e| {
            after
                .as_ref()
                .is_none_or(|a| (e.created_at.clone(), e.id.clone()) > *a)
        })
        .collect();
    entries.sort_by_key(|e| (e.created_at.clone(), e.id.clone()));
    let more = entries.len() > size;
    entries.truncate(size);
    let next = entries.last().filter(|_| more).map(|e| {
        format!(
            "?page[after]={}",
            STANDARD.encode(json!([e.created_at, e.id]).to_string())
        )
    });
    let data: Vec<Value> = entries.iter().map(|e| e.body.clone()).collect();
    axum::Json(json!({ "data": data, "links": { "prev": Value::Null, "next": next } }))
        .into_response()
}

/// Serves `app` on a loopback port from its own thread; returns `host:port`.
fn serve(app: axum::Router) -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    listener.set_nonblocking(true).unwrap();
    let host = listener.local_addr().unwrap().to_string();
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        rt.block_on(async move {
            let listener = tokio::net::TcpListener::from_std(listener).unwrap();
            axum::serve(listener, app).await.unwrap();
        });
    });
    host
}

fn start_peer(peer: Shared) -> String {
    serve(
        axum::Router::new()
            .route("/v1/software", axum::routing::get(list))
            .with_state(peer),
    )
}

/// A UUID-shaped id, as the API's ids are.
fn uuid(n: usize) -> String {
    format!("{n:08x}-0000-4000-8000-{n:012x}")
}

fn entry(n: usize, url: &str, yaml: String, active: bool) -> PeerEntry {
    // Creation times with ties, so the id decides the order within a second.
    let created_at = format!("2024-01-01T00:{:02}:{:02}Z", n / 120, (n / 2) % 60);
    PeerEntry {
        id: uuid(n),
        created_at: created_at.clone(),
        body: json!({
            "id": uuid(n),
            "url": url,
            "publiccodeYml": yaml,
            "active": active,
            "createdAt": created_at,
            "updatedAt": created_at,
        }),
    }
}

fn named(url: &str, name: &str) -> String {
    String::from_utf8(publiccode_for(url))
        .unwrap()
        .replace("name: Primero", &format!("name: {name}"))
}

fn peer_url(n: usize) -> String {
    format!("https://code.peer.example/agency/app-{n:03}")
}

const VALID: usize = 203;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_peer_catalog_is_pulled_with_provenance_and_followed() {
    let forge = Server::start();
    let direct_url = format!("{}/git/direct.git", forge.base);
    commit_repository(
        &forge.root,
        "direct",
        &[Entry::File(
            "publiccode.yml",
            named(&direct_url, "Direct Copy").into_bytes(),
        )],
    );
    let mut entries: Vec<PeerEntry> = (0..VALID)
        .map(|n| {
            entry(
                n,
                &peer_url(n),
                named(&peer_url(n), &format!("Peer App {n}")),
                true,
            )
        })
        .collect();
    // Inactive from the start: never listed here.
    entries.push(entry(
        900,
        &peer_url(900),
        named(&peer_url(900), "Retired"),
        false,
    ));
    // An invalid file: recorded as invalid, not listed.
    entries.push(entry(
        901,
        &peer_url(901),
        "publiccodeYmlVersion: \"0.4\"\nname: x\n".into(),
        true,
    ));
    // Not a Software of the API at all.
    let mut broken = entry(902, "x", String::new(), true);
    broken.body["url"] = json!(42);
    entries.push(broken);
    // An id far over the API's 255 characters, and a URL that is not a repository's.
    let mut long = entry(904, "x", named(&peer_url(904), "Long"), true);
    long.body["id"] = json!("z".repeat(10_000));
    entries.push(long);
    let mut not_a_repository = entry(905, "x", named(&peer_url(905), "Nowhere"), true);
    not_a_repository.body["url"] = json!(format!("ftp://{}", "y".repeat(5_000)));
    entries.push(not_a_repository);
    // The repository the forge crawl reads, spelled differently (no `.git`, a trailing slash).
    let spelled = format!("{}/", direct_url.trim_end_matches(".git"));
    entries.push(entry(903, &spelled, named(&direct_url, "Peer Copy"), true));
    let peer: Shared = Arc::new(Mutex::new(Peer {
        entries,
        ..Peer::default()
    }));
    let peer_host = start_peer(Arc::clone(&peer));

    let registry = format!(
        "- id: unicef\n  name: UNICEF\n  hosting:\n    - url: {direct_url}\n      kind: git\n\
         - id: peer-catalog\n  name: Peer Catalog\n  catalog:\n    url: http://{peer_host}/v1\n    kind: open-catalog-api\n"
    );
    let run = crawler_with(&registry, &[&forge.host, &peer_host], |o| o.assess = false).await;
    let summary = run.crawl().await;
    assert_eq!(summary.hostings_failed, 0, "{summary:?}");
    assert!(peer.lock().unwrap().pages_served >= 3, "three pages of 100");

    let catalog = &run.catalog;
    // Every valid active peer entry, plus the forge's entry.
    assert_eq!(catalog.count(false).await.unwrap(), VALID as i64 + 1);
    let first = catalog
        .software_by_url(&peer_url(0))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(first.name, "Peer App 0");
    let listings = catalog.listings(&first.id).await.unwrap();
    assert_eq!(listings.len(), 1);
    assert_eq!(listings[0].catalog_id, "peer-catalog");
    assert_eq!(listings[0].catalog_name, "Peer Catalog");
    assert_eq!(listings[0].remote_id, uuid(0));
    assert!(listings[0].source);

    // One repository, one entry: the forge's file shows, the peer's listing is kept.
    let direct = catalog.software_by_url(&direct_url).await.unwrap().unwrap();
    assert_eq!(direct.name, "Direct Copy");
    let listings = catalog.listings(&direct.id).await.unwrap();
    assert_eq!((listings.len(), listings[0].source), (1, false));
    assert_eq!(listings[0].remote_id, uuid(903));

    assert!(
        catalog
            .software_by_url(&peer_url(900))
            .await
            .unwrap()
            .is_none()
    );
    let invalid = catalog
        .software_by_url(&peer_url(901))
        .await
        .unwrap()
        .unwrap();
    assert!(!invalid.listed);
    let outcomes = run.outcomes().await;
    assert_eq!(outcomes[&peer_url(901)].0, "invalid");
    let refused = format!("http://{peer_host}/v1/software/{}", uuid(902));
    assert_eq!(outcomes[&refused].0, "refused", "{outcomes:?}");
    assert!(
        outcomes[&refused]
            .1
            .as_deref()
            .unwrap()
            .contains("not a Software")
    );
    let long_id = format!("http://{peer_host}/v1/software/{}", "z".repeat(255));
    assert!(
        outcomes[&long_id]
            .1
            .as_deref()
            .unwrap()
            .contains("id must be 1 to 255")
    );
    let nowhere = format!("http://{peer_host}/v1/software/{}", uuid(905));
    let why = outcomes[&nowhere].1.as_deref().unwrap();
    assert!(why.contains("is not usable") && why.len() < 400, "{why}");

    // The peer changes: one file edited, one marked inactive, one gone.
    {
        let mut peer = peer.lock().unwrap();
        let e = &mut peer.entries[1];
        e.body["publiccodeYml"] = json!(named(&peer_url(1), "Peer App One Renamed"));
        peer.entries[2].body["active"] = json!(false);
        peer.entries.retain(|e| e.id != uuid(3));
        // The forge's repository is no longer listed there either.
        peer.entries.retain(|e| e.id != uuid(903));
    }
    run.crawl().await;
    let renamed = catalog
        .software_by_url(&peer_url(1))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(renamed.name, "Peer App One Renamed");
    for (n, why) in [(2, "inactive"), (3, "unlisted")] {
        let entry = catalog
            .software_by_url(&peer_url(n))
            .await
            .unwrap()
            .unwrap();
        assert!(!entry.listed, "entry {n} is withdrawn");
        assert_eq!(
            catalog.withdrawn(&entry.id).await.unwrap().as_deref(),
            Some(why)
        );
        assert_eq!(
            catalog.revisions(&entry.id).await.unwrap().len(),
            1,
            "history kept"
        );
    }
    let outcomes = run.outcomes().await;
    assert_eq!(outcomes[&peer_url(2)].0, "gone");
    assert!(
        outcomes[&peer_url(2)]
            .1
            .as_deref()
            .unwrap()
            .contains("marked inactive by Peer Catalog")
    );
    assert!(
        outcomes[&peer_url(3)]
            .1
            .as_deref()
            .unwrap()
            .contains("no longer listed by Peer Catalog")
    );
    let direct = catalog.software(&direct.id).await.unwrap().unwrap();
    assert!(
        direct.listed,
        "the forge's entry does not depend on the peer"
    );
    assert!(catalog.listings(&direct.id).await.unwrap().is_empty());
    assert_eq!(catalog.count(false).await.unwrap(), VALID as i64 - 2 + 1);

    // Listed again: back.
    peer.lock().unwrap().entries[2].body["active"] = json!(true);
    run.crawl().await;
    assert!(
        catalog
            .software_by_url(&peer_url(2))
            .await
            .unwrap()
            .unwrap()
            .listed
    );

    // A peer failing midway withdraws nothing.
    {
        let mut peer = peer.lock().unwrap();
        peer.entries.retain(|e| e.id != uuid(150));
        peer.fail_after_first_page = true;
        peer.pages_served = 0;
    }
    let summary = run.crawl().await;
    assert_eq!(summary.hostings_failed, 1);
    assert!(
        catalog
            .software_by_url(&peer_url(150))
            .await
            .unwrap()
            .unwrap()
            .listed
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_peer_whose_cursor_never_ends_is_stopped() {
    // Always the same next cursor: a lying or broken peer.
    async fn looping() -> Response {
        let item = json!({
            "id": uuid(1), "url": peer_url(1), "publiccodeYml": named(&peer_url(1), "Loop"),
            "createdAt": "2024-01-01T00:00:00Z", "updatedAt": "2024-01-01T00:00:00Z"
        });
        axum::Json(
            json!({ "data": [item], "links": { "prev": null, "next": "?page[after]=c2FtZQ==" } }),
        )
        .into_response()
    }
    let host = serve(axum::Router::new().route("/v1/software", axum::routing::get(looping)));
    let registry = format!(
        "- id: loop\n  name: Loop\n  catalog:\n    url: http://{host}/v1\n    kind: open-catalog-api\n"
    );
    let run = crawler_with(&registry, &[&host], |o| o.assess = false).await;
    let summary = tokio::time::timeout(std::time::Duration::from_secs(30), run.crawl())
        .await
        .expect("the pull ends");
    assert_eq!(summary.hostings_failed, 1);
    // What was read is kept; nothing is withdrawn.
    assert!(
        run.catalog
            .software_by_url(&peer_url(1))
            .await
            .unwrap()
            .unwrap()
            .listed
    );
}
