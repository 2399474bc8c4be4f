//! Publishers' declarations through the API and the router, on a real SQLite catalog: who may
//! write, what is refused, how declarations reach the assessment and the software page, and
//! that a token never comes back in an answer or a log line.

use crate::support::{TestApp, example, split};
use axum::body::Body;
use axum::http::{Request, Response, header};
use commons_assess::Evidence;
use commons_assess::principles::{Declarations, Facts, dpg_indicators, un_principles};
use commons_catalog::{ForgeKind, IngestRequest, Publisher};
use serde_json::{Value, json};
use std::sync::{Arc, Mutex};

/// A catalog with the example entry (published by `unicef`) assessed, an entry of `who`, and a
/// token for each organisation.
struct Fixture {
    app: TestApp,
    id: String,
    who_id: String,
    unicef: String,
    who: String,
    unicef_token_id: i64,
}

/// What the stored report says: open licensing met by evidence, nothing declared.
fn report() -> Value {
    let facts = Facts {
        osi_license: Some(Evidence::rule(
            "osi-approved",
            "AGPL-3.0-or-later is OSI-approved",
        )),
        ..Facts::default()
    };
    let none = Declarations::new();
    json!({
        "methodVersion": commons_assess::METHOD_VERSION,
        "unPrinciples": un_principles(&facts, &none),
        "dpgIndicators": dpg_indicators(&facts, &none),
    })
}

async fn fixture() -> Fixture {
    let app = TestApp::with_demo().await;
    let created = app
        .ingest("https://git.example.org/test/declared", &example())
        .await;
    let id = created.software_id.clone();
    app.state
        .catalog
        .record_assessment(&commons_catalog::NewAssessment {
            software_id: id.clone(),
            revision_id: Some(created.revision_id),
            commit: Some("c".repeat(40)),
            method_version: commons_assess::METHOD_VERSION.into(),
            assessed_at: 1_700_000_000,
            facets: None,
            body: report(),
        })
        .await
        .unwrap();
    let who_entry = app
        .state
        .catalog
        .ingest(&IngestRequest {
            repository_url: "https://git.example.org/who/tool".into(),
            forge: ForgeKind::Git,
            default_branch: Some("main".into()),
            commit: None,
            publisher: Some(Publisher {
                id: "who".into(),
                name: "World Health Organization".into(),
                uri: None,
            }),
            source: example().into_bytes(),
            seen_at: 1_700_000_000,
        })
        .await
        .unwrap();
    let unicef = app
        .state
        .catalog
        .issue_token("unicef", Some("test"), 1_700_000_000, "test")
        .await
        .unwrap();
    let who = app
        .state
        .catalog
        .issue_token("who", None, 1_700_000_000, "test")
        .await
        .unwrap();
    Fixture {
        app,
        id,
        who_id: who_entry.software_id,
        unicef: unicef.secret.clone(),
        who: who.secret.clone(),
        unicef_token_id: unicef.id,
    }
}

/// Every answer seen, to check that no token ever comes back.
#[derive(Default)]
struct Seen(Vec<String>);

impl Fixture {
    async fn send(
        &self,
        seen: &mut Seen,
        method: &str,
        uri: &str,
        authorization: Option<&str>,
        body: Option<Value>,
    ) -> (Response<()>, Vec<u8>) {
        let mut request = Request::builder().method(method).uri(uri);
        if let Some(a) = authorization {
            request = request.header(header::AUTHORIZATION, a);
        }
        let request = match body {
            Some(b) => request
                .header(header::CONTENT_TYPE, "application/json")
                .body(Body::from(b.to_string())),
            None => request.body(Body::empty()),
        }
        .unwrap();
        let (response, bytes) = split(self.app.send(request).await).await;
        let mut text = format!("{} {:?}\n", response.status(), response.headers());
        text.push_str(&String::from_utf8_lossy(&bytes));
        seen.0.push(text);
        (response, bytes)
    }

    async fn put(
        &self,
        seen: &mut Seen,
        item: &str,
        token: Option<&str>,
        body: Value,
    ) -> (Response<()>, Value) {
        let auth = token.map(|t| format!("Bearer {t}"));
        let uri = format!("/api/v1/software/{}/declarations/{item}", self.id);
        let (response, bytes) = self
            .send(seen, "PUT", &uri, auth.as_deref(), Some(body))
            .await;
        (
            response,
            serde_json::from_slice(&bytes).unwrap_or(Value::Null),
        )
    }

    async fn delete(&self, seen: &mut Seen, item: &str, token: Option<&str>) -> Response<()> {
        let auth = token.map(|t| format!("Bearer {t}"));
        let uri = format!("/api/v1/software/{}/declarations/{item}", self.id);
        self.send(seen, "DELETE", &uri, auth.as_deref(), None)
            .await
            .0
    }

    async fn get_json(&self, seen: &mut Seen, uri: &str) -> Value {
        let (response, bytes) = self.send(seen, "GET", uri, None, None).await;
        assert_eq!(
            response.status(),
            200,
            "{uri}: {}",
            String::from_utf8_lossy(&bytes)
        );
        serde_json::from_slice(&bytes).unwrap()
    }

    async fn item(&self, seen: &mut Seen, list: &str, id: &str) -> Value {
        let view = self
            .get_json(seen, &format!("/api/v1/software/{}/assessment", self.id))
            .await;
        view["report"][list]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["id"] == id)
            .unwrap_or_else(|| panic!("{id}"))
            .clone()
    }

    /// Checks that neither token appears in anything answered so far.
    fn assert_no_token(&self, seen: &Seen) {
        for answer in &seen.0 {
            for token in [&self.unicef, &self.who] {
                assert!(
                    !answer.contains(token.as_str()),
                    "a token was sent back: {answer}"
                );
                assert!(
                    !answer.contains(&token[4..]),
                    "a token was sent back: {answer}"
                );
            }
        }
    }
}

fn privacy() -> Value {
    json!({
        "by": "Jane Doe",
        "role": "Data protection officer",
        "statement": "Complies with the GDPR and Kenya's Data Protection Act.",
        "url": "https://www.example.org/privacy",
    })
}

fn assert_problem(response: &Response<()>, status: u16) {
    assert_eq!(response.status(), status);
    assert_eq!(
        response.headers()[header::CONTENT_TYPE],
        "application/problem+json"
    );
}

#[tokio::test]
async fn a_declaration_by_the_publisher_reaches_the_assessment_the_declarations_and_the_page() {
    let f = fixture().await;
    let mut seen = Seen::default();
    let uri = format!("/api/v1/software/{}/declarations", f.id);
    assert_eq!(f.get_json(&mut seen, &uri).await, json!({}));
    let before = f
        .item(&mut seen, "dpgIndicators", "dpg-privacy-and-laws")
        .await;
    assert_eq!(before["status"], "missing");

    // The assessment is cached by ETag: a declaration must change it.
    let assessment_uri = format!("/api/v1/software/{}/assessment", f.id);
    let (response, _) = f.send(&mut seen, "GET", &assessment_uri, None, None).await;
    let etag = response.headers()[header::ETAG]
        .to_str()
        .unwrap()
        .to_string();

    let started = jiff::Timestamp::now();
    let (response, stored) = f
        .put(
            &mut seen,
            "dpg-privacy-and-laws",
            Some(&f.unicef),
            privacy(),
        )
        .await;
    assert_eq!(response.status(), 200, "{stored}");
    assert_eq!(stored["item"], "dpg-privacy-and-laws");
    assert_eq!(stored["by"], "Jane Doe");
    assert_eq!(stored["role"], "Data protection officer");
    assert_eq!(stored["url"], "https://www.example.org/privacy");
    assert_eq!(stored["notApplicable"], false);
    assert_eq!(stored["organisation"], "unicef");
    // The server sets the time, in RFC 3339 UTC.
    let at = stored["at"].as_str().unwrap();
    assert!(at.ends_with('Z'), "{at}");
    let at: jiff::Timestamp = at.parse().unwrap();
    assert!(at.as_second() >= started.as_second() && at <= jiff::Timestamp::now());

    let (response, _) = f
        .put(
            &mut seen,
            "dpg-sdg-relevance",
            Some(&f.unicef),
            json!({"by": "Jane Doe", "notApplicable": true}),
        )
        .await;
    assert_eq!(response.status(), 200);
    // Open licensing is met by evidence: a declaration is attached, the status stays.
    let (response, _) = f
        .put(
            &mut seen,
            "dpg-open-licensing",
            Some(&f.unicef),
            json!({"by": "Jane Doe", "statement": "AGPL since 2014"}),
        )
        .await;
    assert_eq!(response.status(), 200);
    let (response, _) = f
        .put(
            &mut seen,
            "un-contribute-back",
            Some(&f.unicef),
            json!({"by": "Jane Doe", "url": "https://www.example.org/upstream"}),
        )
        .await;
    assert_eq!(response.status(), 200);

    let listed = f.get_json(&mut seen, &uri).await;
    let items: Vec<&str> = listed
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        items,
        [
            "dpg-open-licensing",
            "dpg-privacy-and-laws",
            "dpg-sdg-relevance",
            "un-contribute-back"
        ]
    );
    assert_eq!(listed["dpg-privacy-and-laws"], stored);
    assert!(
        listed["dpg-sdg-relevance"]["notApplicable"]
            .as_bool()
            .unwrap()
    );
    assert_eq!(listed["dpg-sdg-relevance"]["statement"], Value::Null);

    let privacy_item = f
        .item(&mut seen, "dpgIndicators", "dpg-privacy-and-laws")
        .await;
    assert_eq!(privacy_item["status"], "declared");
    assert_eq!(privacy_item["declaration"]["by"], "Jane Doe");
    assert_eq!(
        privacy_item["declaration"]["role"],
        "Data protection officer"
    );
    assert_eq!(privacy_item["declaration"]["at"], stored["at"]);
    assert_eq!(
        privacy_item["declaration"]["url"],
        "https://www.example.org/privacy"
    );
    assert_eq!(
        f.item(&mut seen, "dpgIndicators", "dpg-sdg-relevance")
            .await["status"],
        "not-applicable"
    );
    let licensing = f
        .item(&mut seen, "dpgIndicators", "dpg-open-licensing")
        .await;
    assert_eq!(licensing["status"], "met");
    assert_eq!(licensing["declaration"]["statement"], "AGPL since 2014");
    assert_eq!(
        f.item(&mut seen, "unPrinciples", "un-contribute-back")
            .await["status"],
        "declared"
    );
    assert_eq!(
        f.item(&mut seen, "dpgIndicators", "dpg-do-no-harm").await["status"],
        "missing"
    );
    // The stored report is unchanged: declarations are applied when it is read.
    let stored_report = f
        .app
        .state
        .catalog
        .latest_assessment(&f.id)
        .await
        .unwrap()
        .unwrap()
        .body;
    assert_eq!(stored_report, report());

    let request = Request::get(&assessment_uri)
        .header(header::IF_NONE_MATCH, &etag)
        .body(Body::empty())
        .unwrap();
    let (response, _) = split(f.app.send(request).await).await;
    assert_eq!(
        response.status(),
        200,
        "the ETag changed with the declaration"
    );

    // The software page shows the declaration, its link, and the statuses.
    let (response, html) = f
        .send(
            &mut seen,
            "GET",
            &format!("/software/{}?lang=en", f.id),
            None,
            None,
        )
        .await;
    assert_eq!(response.status(), 200);
    let html = String::from_utf8(html)
        .unwrap()
        .replace(['\u{2068}', '\u{2069}'], "");
    for expected in [
        "Declared by Jane Doe (Data protection officer) on",
        "Complies with the GDPR and Kenya&#39;s Data Protection Act.",
        "<a href=\"https://www.example.org/privacy\" rel=\"nofollow noopener noreferrer\" lang=\"en\" dir=\"ltr\">https://www.example.org/privacy</a>",
        "status-mark-declared",
        "status-mark-not-applicable",
        // Without a role (the not-applicable one), no empty parentheses.
        "Declared by Jane Doe on ",
    ] {
        assert!(html.contains(expected), "{expected}");
    }
    assert!(!html.contains("Jane Doe ()"));
    f.assert_no_token(&seen);
}

#[tokio::test]
async fn withdrawing_puts_the_item_back_to_missing() {
    let f = fixture().await;
    let mut seen = Seen::default();
    let (response, _) = f
        .put(&mut seen, "dpg-do-no-harm", Some(&f.unicef), privacy())
        .await;
    assert_eq!(response.status(), 200);
    assert_eq!(
        f.item(&mut seen, "dpgIndicators", "dpg-do-no-harm").await["status"],
        "declared"
    );

    let response = f.delete(&mut seen, "dpg-do-no-harm", Some(&f.unicef)).await;
    assert_eq!(response.status(), 204);
    let item = f.item(&mut seen, "dpgIndicators", "dpg-do-no-harm").await;
    assert_eq!(item["status"], "missing");
    assert!(item.get("declaration").is_none(), "{item}");
    let listed = f
        .get_json(
            &mut seen,
            &format!("/api/v1/software/{}/declarations", f.id),
        )
        .await;
    assert_eq!(listed, json!({}));
    // Nothing left to withdraw.
    let response = f.delete(&mut seen, "dpg-do-no-harm", Some(&f.unicef)).await;
    assert_problem(&response, 404);
    let response = f
        .delete(&mut seen, "dpg-sdg-relevance", Some(&f.unicef))
        .await;
    assert_problem(&response, 404);

    // The history keeps both rows, made with this token.
    let history = f
        .app
        .state
        .catalog
        .declaration_history(&f.id)
        .await
        .unwrap();
    assert_eq!(history.len(), 2);
    assert!(matches!(
        &history[1],
        commons_catalog::DeclarationEvent::Withdrawn(w) if w.token_id == Some(f.unicef_token_id)
    ));
    f.assert_no_token(&seen);
}

#[tokio::test]
async fn another_publishers_token_is_forbidden() {
    let f = fixture().await;
    let mut seen = Seen::default();
    let (response, problem) = f
        .put(&mut seen, "dpg-do-no-harm", Some(&f.who), privacy())
        .await;
    assert_problem(&response, 403);
    assert!(
        problem["detail"].as_str().unwrap().contains("unicef"),
        "{problem}"
    );
    assert_problem(
        &f.delete(&mut seen, "dpg-do-no-harm", Some(&f.who)).await,
        403,
    );
    // ...while it may declare for its own entry.
    let uri = format!("/api/v1/software/{}/declarations/dpg-do-no-harm", f.who_id);
    let auth = format!("Bearer {}", f.who);
    let (response, _) = f
        .send(&mut seen, "PUT", &uri, Some(&auth), Some(privacy()))
        .await;
    assert_eq!(response.status(), 200);
    assert_eq!(
        f.get_json(
            &mut seen,
            &format!("/api/v1/software/{}/declarations", f.id)
        )
        .await,
        json!({})
    );
    f.assert_no_token(&seen);
}

#[tokio::test]
async fn without_a_live_token_it_is_401_with_a_bearer_challenge() {
    let f = fixture().await;
    let mut seen = Seen::default();
    let uri = format!("/api/v1/software/{}/declarations/dpg-do-no-harm", f.id);
    let unknown = format!("cmn_{}", "A".repeat(43));
    let cases: [(Option<String>, &str); 7] = [
        (None, "Bearer realm=\"commons\""),
        (
            Some(format!("Basic {}", f.unicef)),
            "Bearer realm=\"commons\"",
        ),
        (Some("Bearer".into()), "Bearer realm=\"commons\""),
        (Some("Bearer ".into()), "Bearer realm=\"commons\""),
        (
            Some(format!("Bearer {unknown}")),
            "Bearer realm=\"commons\", error=\"invalid_token\"",
        ),
        (
            Some(format!("Bearer {}x", f.unicef)),
            "Bearer realm=\"commons\", error=\"invalid_token\"",
        ),
        (
            Some("Bearer not-a-token".into()),
            "Bearer realm=\"commons\", error=\"invalid_token\"",
        ),
    ];
    for (authorization, challenge) in &cases {
        for method in ["PUT", "DELETE"] {
            let body = (method == "PUT").then(privacy);
            let (response, _) = f
                .send(&mut seen, method, &uri, authorization.as_deref(), body)
                .await;
            assert_problem(&response, 401);
            assert_eq!(
                response.headers()[header::WWW_AUTHENTICATE],
                *challenge,
                "{method} {authorization:?}"
            );
        }
    }
    // The scheme is case-insensitive.
    let (response, _) = f
        .send(
            &mut seen,
            "PUT",
            &uri,
            Some(&format!("bearer {}", f.unicef)),
            Some(privacy()),
        )
        .await;
    assert_eq!(response.status(), 200);

    // A revoked token is refused from then on; what it declared stays.
    f.app
        .state
        .catalog
        .revoke_token(f.unicef_token_id, 1_800_000_000, "test")
        .await
        .unwrap();
    let (response, _) = f
        .put(&mut seen, "dpg-do-no-harm", Some(&f.unicef), privacy())
        .await;
    assert_problem(&response, 401);
    assert_eq!(
        response.headers()[header::WWW_AUTHENTICATE],
        "Bearer realm=\"commons\", error=\"invalid_token\""
    );
    assert_problem(
        &f.delete(&mut seen, "dpg-do-no-harm", Some(&f.unicef)).await,
        401,
    );
    assert_eq!(
        f.item(&mut seen, "dpgIndicators", "dpg-do-no-harm").await["status"],
        "declared"
    );
    // Without a token, an unknown entry is 401 too: nothing is told before authentication.
    let (response, _) = f
        .send(
            &mut seen,
            "PUT",
            "/api/v1/software/no-such-entry/declarations/dpg-do-no-harm",
            None,
            Some(privacy()),
        )
        .await;
    assert_problem(&response, 401);
    f.assert_no_token(&seen);
}

#[tokio::test]
async fn unknown_items_entries_and_bad_bodies_are_refused() {
    let f = fixture().await;
    let mut seen = Seen::default();
    let token = Some(f.unicef.as_str());
    for item in ["dpg-unknown", "DPG-DO-NO-HARM", "license"] {
        let (response, problem) = f.put(&mut seen, item, token, privacy()).await;
        assert_problem(&response, 422);
        assert!(
            problem["detail"]
                .as_str()
                .unwrap()
                .contains("dpg-do-no-harm"),
            "the known ids are listed: {problem}"
        );
        assert_problem(&f.delete(&mut seen, item, token).await, 422);
    }
    for body in [
        json!({"statement": "no one"}),
        json!({"by": "", "statement": "x"}),
        json!({"by": "x".repeat(201), "statement": "x"}),
        json!({"by": "Jane Doe"}),
        json!({"by": "Jane Doe", "notApplicable": false, "statement": " "}),
        json!({"by": "Jane Doe", "role": "r".repeat(201), "statement": "x"}),
        json!({"by": "Jane Doe", "statement": "s".repeat(4_001)}),
        json!({"by": "Jane Doe", "statement": "a\u{0}b"}),
        json!({"by": "Jane Doe", "url": "ftp://example.org/policy"}),
        json!({"by": "Jane Doe", "url": "javascript:alert(1)"}),
        json!({"by": "Jane Doe", "url": format!("https://example.org/{}", "p".repeat(2_000))}),
        json!({"by": "Jane Doe", "statement": "x", "at": "2001-01-01T00:00:00Z"}),
        json!({"by": "Jane Doe", "statement": "x", "token": "cmn_x"}),
        json!(["Jane Doe"]),
        json!("Jane Doe"),
    ] {
        let (response, problem) = f
            .put(&mut seen, "dpg-do-no-harm", token, body.clone())
            .await;
        assert_problem(&response, 422);
        assert!(problem["detail"].as_str().is_some(), "{body}: {problem}");
    }
    // Not JSON, or not said to be.
    let uri = format!("/api/v1/software/{}/declarations/dpg-do-no-harm", f.id);
    let auth = format!("Bearer {}", f.unicef);
    for (content_type, body, status) in [
        (Some("text/plain"), privacy().to_string(), 415),
        (None, privacy().to_string(), 415),
        (Some("application/json"), "{\"by\": ".to_string(), 422),
        (Some("application/json"), String::new(), 422),
        (
            Some("application/json"),
            format!("{{\"by\": \"{}\"}}", "x".repeat(70_000)),
            413,
        ),
    ] {
        let mut request = Request::put(&uri).header(header::AUTHORIZATION, &auth);
        if let Some(c) = content_type {
            request = request.header(header::CONTENT_TYPE, c);
        }
        let (response, _) = split(f.app.send(request.body(Body::from(body)).unwrap()).await).await;
        assert_problem(&response, status);
    }
    // A charset parameter or a +json type is fine.
    let request = Request::put(&uri)
        .header(header::AUTHORIZATION, &auth)
        .header(header::CONTENT_TYPE, "application/json; charset=utf-8")
        .body(Body::from(privacy().to_string()))
        .unwrap();
    assert_eq!(f.app.send(request).await.status(), 200);

    // Unknown (or unlisted) entries.
    let (response, _) = f
        .send(
            &mut seen,
            "PUT",
            "/api/v1/software/no-such-entry/declarations/dpg-do-no-harm",
            Some(&auth),
            Some(privacy()),
        )
        .await;
    assert_problem(&response, 404);
    let (response, _) = f
        .send(
            &mut seen,
            "GET",
            "/api/v1/software/no-such-entry/declarations",
            None,
            None,
        )
        .await;
    assert_problem(&response, 404);
    // Other methods are not allowed on a declaration.
    let (response, _) = f.send(&mut seen, "GET", &uri, None, None).await;
    assert_eq!(response.status(), 405);

    // Nothing refused was stored.
    let history = f
        .app
        .state
        .catalog
        .declaration_history(&f.id)
        .await
        .unwrap();
    assert_eq!(history.len(), 1, "only the one accepted");
    f.assert_no_token(&seen);
}

/// A writer that keeps every log line, to check what the server logs.
#[derive(Clone, Default)]
struct Logs(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for Logs {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test(flavor = "current_thread")]
async fn the_token_is_never_logged() {
    let f = fixture().await;
    let logs = Logs::default();
    let writer = logs.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_writer(move || writer.clone())
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);
    let mut seen = Seen::default();
    let (response, _) = f
        .put(&mut seen, "dpg-do-no-harm", Some(&f.unicef), privacy())
        .await;
    assert_eq!(response.status(), 200);
    f.put(&mut seen, "dpg-do-no-harm", Some(&f.who), privacy())
        .await;
    f.put(&mut seen, "dpg-unknown", Some(&f.unicef), privacy())
        .await;
    f.delete(&mut seen, "dpg-do-no-harm", Some(&f.unicef)).await;
    f.app
        .state
        .catalog
        .revoke_token(f.unicef_token_id, 1_800_000_000, "test")
        .await
        .unwrap();
    f.put(&mut seen, "dpg-do-no-harm", Some(&f.unicef), privacy())
        .await;
    let text = String::from_utf8(logs.0.lock().unwrap().clone()).unwrap();
    assert!(
        text.contains("declaration recorded"),
        "logs were captured: {text}"
    );
    assert!(text.contains("declaration withdrawn"), "{text}");
    for token in [&f.unicef, &f.who] {
        assert!(!text.contains(&token[4..]), "a token was logged: {text}");
    }
    f.assert_no_token(&seen);
}

#[tokio::test]
async fn the_openapi_document_describes_the_operations_and_the_bearer_scheme() {
    let f = fixture().await;
    let mut seen = Seen::default();
    let doc = f.get_json(&mut seen, "/api/v1/openapi.json").await;
    let scheme = &doc["components"]["securitySchemes"]["publisherToken"];
    assert_eq!(scheme["type"], "http");
    assert_eq!(scheme["scheme"], "bearer");
    let get = &doc["paths"]["/api/v1/software/{id}/declarations"]["get"];
    assert!(get["security"].is_null(), "reading is public");
    for code in ["200", "404"] {
        assert!(get["responses"][code].is_object(), "GET {code}");
    }
    let path = &doc["paths"]["/api/v1/software/{id}/declarations/{item}"];
    for (method, codes) in [
        (
            "put",
            &["200", "401", "403", "404", "413", "415", "422"][..],
        ),
        ("delete", &["204", "401", "403", "404", "422"][..]),
    ] {
        let operation = &path[method];
        assert_eq!(
            operation["security"],
            json!([{"publisherToken": []}]),
            "{method}"
        );
        for code in codes {
            assert!(operation["responses"][code].is_object(), "{method} {code}");
        }
        let item = operation["parameters"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["name"] == "item")
            .unwrap();
        let schema = &doc["components"]["schemas"]["ItemId"];
        let values = if item["schema"]["enum"].is_array() {
            &item["schema"]["enum"]
        } else {
            &schema["enum"]
        };
        assert_eq!(values.as_array().unwrap().len(), 17, "{item}");
    }
    let body = &doc["components"]["schemas"]["DeclarationBody"];
    assert_eq!(body["required"], json!(["by"]));
    assert_eq!(body["additionalProperties"], false);

    // Every reference resolves (a schema used only by a parameter is easily left out).
    fn refs<'a>(v: &'a Value, out: &mut Vec<&'a str>) {
        match v {
            Value::Object(m) => {
                if let Some(Value::String(r)) = m.get("$ref") {
                    out.push(r);
                }
                m.values().for_each(|v| refs(v, out));
            }
            Value::Array(a) => a.iter().for_each(|v| refs(v, out)),
            _ => {}
        }
    }
    let mut found = Vec::new();
    refs(&doc, &mut found);
    assert!(found.contains(&"#/components/schemas/ItemId"));
    for r in found {
        let name = r.strip_prefix("#/components/schemas/").unwrap_or(r);
        assert!(
            doc["components"]["schemas"][name].is_object(),
            "{r} dangles"
        );
    }
}

/// A declaration through the API is in the audit log, under the token's publisher;
/// `GET /api/v1/audit` serves the log only to the bearer of the operator's token, and to
/// nobody when the operator configured none.
#[tokio::test]
async fn the_audit_log_records_api_writes_and_is_the_operators_only() {
    use commons_server::{HttpPolicy, MetricsAccess};
    use sha2::Digest;
    let mut f = fixture().await;
    let mut seen = Seen::default();
    let (response, _) = f
        .put(
            &mut seen,
            "dpg-do-no-harm",
            Some(&f.unicef.clone()),
            json!({"by": "Jane Doe", "statement": "No harm."}),
        )
        .await;
    assert_eq!(response.status(), 200);

    let audit = |auth: Option<&str>, query: &str| {
        let mut request = Request::get(format!("/api/v1/audit{query}"));
        if let Some(a) = auth {
            request = request.header(header::AUTHORIZATION, a);
        }
        request.body(Body::empty()).unwrap()
    };
    // No operator token configured: nobody, whatever they send; without credentials, 401.
    assert_eq!(f.app.send(audit(None, "")).await.status(), 401);
    let response = f.app.send(audit(Some("Bearer anything"), "")).await;
    assert_eq!(response.status(), 403);
    let response = f
        .app
        .send(audit(Some(&format!("Bearer {}", f.unicef)), ""))
        .await;
    assert_eq!(response.status(), 403);

    let digest: [u8; 32] = sha2::Sha256::digest(b"operator-secret-token").into();
    f.app.state.http = Arc::new(HttpPolicy {
        metrics: MetricsAccess::Token(digest),
        ..HttpPolicy::default()
    });
    assert_eq!(f.app.send(audit(None, "")).await.status(), 401);
    let publisher = format!("Bearer {}", f.unicef);
    assert_eq!(f.app.send(audit(Some(&publisher), "")).await.status(), 401);
    let operator = "Bearer operator-secret-token";
    let (response, body) = split(
        f.app
            .send(audit(Some(operator), "?action=declaration.put&limit=5"))
            .await,
    )
    .await;
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()[header::CACHE_CONTROL], "no-store");
    let page: Value = serde_json::from_slice(&body).unwrap();
    let entries = page["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 1, "{page}");
    assert_eq!(
        entries[0]["actor"],
        format!("publisher:unicef (token {})", f.unicef_token_id)
    );
    assert_eq!(
        entries[0]["target"],
        format!("software:{}/declarations/dpg-do-no-harm", f.id)
    );
    assert_eq!(entries[0]["after"]["statement"], "No harm.");
    assert!(entries[0]["before"].is_null());
    assert!(!String::from_utf8_lossy(&body).contains("cmn_"));

    // Paged, newest first; a bad parameter is a 400.
    let (_, body) = split(f.app.send(audit(Some(operator), "?limit=1")).await).await;
    let first: Value = serde_json::from_slice(&body).unwrap();
    let next = first["next"].as_i64().expect("more pages");
    let (_, body) = split(
        f.app
            .send(audit(Some(operator), &format!("?limit=1&before={next}")))
            .await,
    )
    .await;
    let second: Value = serde_json::from_slice(&body).unwrap();
    assert!(second["entries"][0]["seq"].as_i64().unwrap() < next);
    for bad in ["?limit=0", "?limit=101", "?since=yesterday", "?colour=red"] {
        let response = f.app.send(audit(Some(operator), bad)).await;
        assert_eq!(response.status(), 400, "{bad}");
    }
}
