//! A catalog and an index in a temporary directory, with the demo entries loaded.

use axum::body::Body;
use axum::http::{Request, Response};
use commons_catalog::{Catalog, ForgeKind, IngestRequest};
use commons_search::SearchIndex;
use commons_server::{AppState, router};
use http_body_util::BodyExt;
use std::sync::Arc;
use tower::ServiceExt;

pub struct TestApp {
    pub state: AppState,
    _dir: tempfile::TempDir,
}

impl TestApp {
    /// A catalog holding the demo entries, indexed.
    pub async fn with_demo() -> TestApp {
        Self::with_demo_and(false).await
    }

    /// The demo and the security fixture: an entry whose texts hold markup and scripts.
    pub async fn with_demo_and_security_fixture() -> TestApp {
        Self::with_demo_and(true).await
    }

    /// The demo as `commons serve --demo` loads it: each entry's repository made and assessed
    /// in this process.
    pub async fn with_assessed_demo() -> TestApp {
        let dir = tempfile::tempdir().unwrap();
        let catalog = Catalog::open(None, dir.path()).await.unwrap();
        let loaded = commons_server::demo::load_if_empty(&catalog, dir.path(), None)
            .await
            .unwrap();
        assert!(loaded.entries > 0);
        assert_eq!(loaded.assessed, loaded.entries, "every demo entry assessed");
        Self::serving(dir, catalog).await
    }

    async fn with_demo_and(security_fixture: bool) -> TestApp {
        let dir = tempfile::tempdir().unwrap();
        let catalog = Catalog::open(None, dir.path()).await.unwrap();
        commons_server::demo::load(&catalog).await.unwrap();
        if security_fixture {
            commons_server::demo::load_security_fixture(&catalog)
                .await
                .unwrap();
        }
        Self::serving(dir, catalog).await
    }

    /// The app over `catalog` (in `dir`), its index built and ready.
    async fn serving(dir: tempfile::TempDir, catalog: Catalog) -> TestApp {
        let index = Arc::new(SearchIndex::in_memory().unwrap());
        commons_app::indexer::rebuild(&catalog, &index)
            .await
            .unwrap();
        let state = AppState::new(catalog, index);
        state.set_ready(true);
        TestApp { state, _dir: dir }
    }

    /// The temporary directory the catalog lives in.
    pub fn dir(&self) -> &std::path::Path {
        self._dir.path()
    }

    pub async fn send(&self, request: Request<Body>) -> Response<Body> {
        router(self.state.clone()).oneshot(request).await.unwrap()
    }

    pub async fn get(&self, uri: &str) -> (Response<()>, Vec<u8>) {
        let response = self
            .send(Request::get(uri).body(Body::empty()).unwrap())
            .await;
        split(response).await
    }

    pub async fn get_json(&self, uri: &str) -> serde_json::Value {
        let (response, body) = self.get(uri).await;
        assert_eq!(
            response.status(),
            200,
            "{uri}: {}",
            String::from_utf8_lossy(&body)
        );
        serde_json::from_slice(&body).unwrap()
    }

    pub async fn ingest(&self, url: &str, source: &str) -> commons_catalog::IngestOutcome {
        self.state
            .catalog
            .ingest(&IngestRequest {
                repository_url: url.into(),
                forge: ForgeKind::Git,
                default_branch: Some("main".into()),
                commit: None,
                publisher: None,
                source: source.as_bytes().to_vec(),
                seen_at: 1_700_000_000,
            })
            .await
            .unwrap()
    }
}

pub async fn split(response: Response<Body>) -> (Response<()>, Vec<u8>) {
    let (parts, body) = response.into_parts();
    let bytes = body.collect().await.unwrap().to_bytes().to_vec();
    (Response::from_parts(parts, ()), bytes)
}

/// The repository's example publiccode.yml.
pub fn example() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../docs/examples/publiccode.yml"
    ))
    .unwrap()
}
