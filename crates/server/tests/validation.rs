//! Validation under attack, through the router: alias bombs and files of 100,000 problems get a
//! quick, bounded answer from the API and the page, validations beyond the slots are refused
//! with `Retry-After`, and a request that goes away stops its work.

use crate::support::{TestApp, example, split};
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use commons_server::api::validate::{RETRY_AFTER_SECONDS, SLOT_WAIT};
use serde_json::Value;
use std::time::{Duration, Instant};
use tower::ServiceExt;

/// `a: &a "<200 KB>"` then 100,000 aliases of it: 600 KB that expanded to 20 GB.
fn alias_bomb() -> Vec<u8> {
    let mut text = format!("a: &a \"{}\"\nb: [", "x".repeat(200 * 1024));
    text.push_str(&"*a, ".repeat(100_000));
    text.push_str("*a]\n");
    text.into_bytes()
}

/// Where the bomb is refused: the anchor's copy and 19 aliases fit in the 4 MiB budget.
const BOMB_REFUSED_AT: (u64, u64) = (2, 5 + 4 * 19);

/// About 1 MiB of unknown top-level keys: one error each, 99,998 in all.
fn many_unknown_keys() -> Vec<u8> {
    let mut text = String::from("publiccodeYmlVersion: \"0\"\n");
    for i in 0..99_997 {
        text.push_str(&format!("k{i}: 1\n"));
    }
    text.into_bytes()
}

fn post_body(bytes: Vec<u8>) -> Request<Body> {
    Request::post("/api/v1/validate")
        .body(Body::from(bytes))
        .unwrap()
}

async fn post_json(app: &TestApp, bytes: Vec<u8>) -> (StatusCode, Value) {
    let (response, body) = split(app.send(post_body(bytes)).await).await;
    let json = serde_json::from_slice(&body).unwrap_or(Value::Null);
    (response.status(), json)
}

#[tokio::test]
async fn an_alias_bomb_gets_a_quick_verdict_with_its_position_and_the_server_goes_on() {
    let app = TestApp::with_demo().await;
    let started = Instant::now();
    let (status, report) = post_json(&app, alias_bomb()).await;
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(
        status,
        StatusCode::OK,
        "an invalid file is a 200 with valid: false"
    );
    assert_eq!(report["valid"], false);
    let error = &report["errors"][0];
    assert!(
        error["message"]
            .as_str()
            .unwrap()
            .contains("aliases expand to more than"),
        "{error}"
    );
    assert_eq!(
        (
            error["line"].as_u64().unwrap(),
            error["column"].as_u64().unwrap()
        ),
        BOMB_REFUSED_AT
    );
    assert_eq!(app.get("/healthz").await.0.status(), 200);

    // The crawler and `commons import` store files through the same validation.
    let started = Instant::now();
    let bomb = String::from_utf8(alias_bomb()).unwrap();
    let outcome = app.ingest("https://git.example.org/bomb", &bomb).await;
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(outcome.change, commons_catalog::Change::StoredInvalid);

    let (status, report) = post_json(&app, example().into_bytes()).await;
    assert_eq!(
        (status, &report["valid"]),
        (StatusCode::OK, &Value::Bool(true))
    );
}

#[tokio::test]
async fn a_file_of_100000_problems_lists_1000_and_counts_the_rest() {
    let app = TestApp::with_demo().await;
    let (status, report) = post_json(&app, many_unknown_keys()).await;
    assert_eq!(status, StatusCode::OK);
    let errors = report["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 1_001);
    assert_eq!(errors[0]["key"], "k0");
    let summary = &errors[1_000];
    assert_eq!(
        (&summary["key"], &summary["line"]),
        (&Value::from(""), &Value::from(0))
    );
    assert!(summary["message"].as_str().unwrap().starts_with("and "));
}

#[tokio::test]
async fn a_validation_beyond_the_slots_waits_briefly_then_gets_503_with_retry_after() {
    let app = TestApp::with_demo().await;
    let slots = app.state.validations.clone();
    let held = slots
        .semaphore()
        .acquire_many_owned(slots.size() as u32)
        .await
        .unwrap();
    let started = Instant::now();
    let (response, body) = split(app.send(post_body(example().into_bytes())).await).await;
    assert!(started.elapsed() >= SLOT_WAIT);
    assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(
        response.headers()[header::RETRY_AFTER],
        RETRY_AFTER_SECONDS.to_string().as_str()
    );
    assert_eq!(
        response.headers()[header::CONTENT_TYPE],
        "application/problem+json"
    );
    let problem: Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(problem["status"], 503);

    // A slot freed while a request waits is taken by it.
    let waiting = {
        let app_state = app.state.clone();
        tokio::spawn(async move {
            let response = commons_server::router(app_state)
                .oneshot(post_body(example().into_bytes()))
                .await
                .unwrap();
            response.status()
        })
    };
    tokio::time::sleep(SLOT_WAIT / 4).await;
    drop(held);
    assert_eq!(waiting.await.unwrap(), StatusCode::OK);
    assert_eq!(slots.in_use(), 0);
}

#[tokio::test]
async fn a_dropped_request_stops_its_validation_and_frees_its_slot() {
    let app = TestApp::with_demo().await;
    let slots = app.state.validations.clone();
    let state = app.state.clone();
    let request = tokio::spawn(async move {
        commons_server::router(state)
            .oneshot(post_body(many_unknown_keys()))
            .await
            .unwrap()
    });
    let deadline = Instant::now() + Duration::from_secs(10);
    while slots.in_use() == 0 {
        assert!(Instant::now() < deadline, "the validation never started");
        tokio::time::sleep(Duration::from_millis(2)).await;
    }
    // The client goes away: the handler's future is dropped.
    request.abort();
    let stopping = Instant::now();
    while slots.in_use() > 0 {
        assert!(
            stopping.elapsed() < Duration::from_secs(2),
            "the blocking work outlived its request"
        );
        tokio::time::sleep(Duration::from_millis(2)).await;
    }
    assert_eq!(
        slots.stopped(),
        1,
        "it stopped early, it did not run to its end"
    );
}

/// The validator page's answer to `bytes` sent as an uploaded file, in `lang`.
async fn validator_page(app: &TestApp, bytes: &[u8], lang: &str) -> (StatusCode, String) {
    let (form, _) = app.get("/validate").await;
    let cookie = form.headers()[header::SET_COOKIE].to_str().unwrap();
    let pair = cookie.split(';').next().unwrap().to_string();
    let token = pair.split_once('=').unwrap().1.to_string();
    let boundary = "b0undary";
    let mut body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{token}\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"publiccode.yml\"\r\nContent-Type: application/yaml\r\n\r\n"
    )
    .into_bytes();
    body.extend_from_slice(bytes);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    let request = Request::post(format!("/validate?lang={lang}"))
        .header(
            header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={boundary}"),
        )
        .header(header::COOKIE, pair)
        .body(Body::from(body))
        .unwrap();
    let (response, html) = split(app.send(request).await).await;
    // Fluent isolates every placeable with U+2068 and U+2069.
    let html = String::from_utf8(html)
        .unwrap()
        .replace(['\u{2068}', '\u{2069}'], "");
    (response.status(), html)
}

/// Problems the page does not list for the file of many unknown keys (it lists 100).
fn not_shown_of_many_unknown_keys() -> usize {
    let validation = commons_publiccode::validate(&many_unknown_keys(), &Default::default());
    validation.error_count() + validation.warning_count() - 100
}

/// The page's cap; before, 1 MiB of newlines made a 94 MB page.
const PAGE_LIMIT: usize = 2 * 1024 * 1024;

#[tokio::test]
async fn the_validator_page_stays_small_whatever_the_file() {
    let app = TestApp::with_demo().await;
    let newlines = vec![b'\n'; 1024 * 1024];
    let (status, html) = validator_page(&app, &newlines, "en").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.len() < PAGE_LIMIT, "{} bytes", html.len());
    assert!(html.contains("publiccodeYmlVersion is a required field"));
    assert!(html.contains("too large to be shown again"));

    let (status, html) = validator_page(&app, &many_unknown_keys(), "en").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.len() < PAGE_LIMIT, "{} bytes", html.len());
    let errors =
        commons_publiccode::validate(&many_unknown_keys(), &Default::default()).error_count();
    assert!(errors > 99_997);
    assert!(
        html.contains(&format!("{errors} errors")),
        "every error is counted"
    );
    assert!(html.contains("<code dir=\"ltr\">k0</code>") && html.contains("id=\"line-2\""));
    let more = not_shown_of_many_unknown_keys();
    assert!(html.contains(&format!("and {more} more problems, not shown here")));
    assert!(
        !html.contains("id=\"line-500\""),
        "only lines near shown problems"
    );

    // One line of 1 MiB of characters the page must escape, quoted in a message.
    let mut quoted = b"publiccodeYmlVersion: \"0\"\nurl: '".to_vec();
    quoted.extend(std::iter::repeat_n(b'<', 1024 * 1024 - 64));
    quoted.extend_from_slice(b"'\n");
    let (status, html) = validator_page(&app, &quoted, "en").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.len() < PAGE_LIMIT, "{} bytes", html.len());
    assert!(html.contains("url must be a valid URL"));

    let (status, html) = validator_page(&app, &alias_bomb(), "en").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.len() < PAGE_LIMIT, "{} bytes", html.len());
    assert!(html.contains("aliases expand to more than"));
}

#[tokio::test]
async fn what_the_page_adds_is_in_every_language() {
    let app = TestApp::with_demo().await;
    let n = not_shown_of_many_unknown_keys();
    let expected = [
        ("en", format!("and {n} more problems, not shown here")),
        ("fr", format!("et {n} autres problèmes, non affichés ici")),
        (
            "es",
            format!("y {n} problemas más, que no se muestran aquí"),
        ),
        ("ru", format!("и ещё {n} проблем, не показанных здесь")),
        ("zh", format!("另有 {n} 个问题未在此显示")),
        ("ar", format!("و{n} مشكلة أخرى غير معروضة هنا")),
    ];
    let file = many_unknown_keys();
    for (lang, more) in expected {
        let (_, html) = validator_page(&app, &file, lang).await;
        assert!(html.contains(&more), "{lang}: {more}");
    }
}

#[tokio::test]
async fn the_page_says_when_the_validator_is_busy_in_the_readers_language() {
    let app = TestApp::with_demo().await;
    let slots = app.state.validations.clone();
    let _held = slots
        .semaphore()
        .acquire_many_owned(slots.size() as u32)
        .await
        .unwrap();
    for (lang, text) in [
        ("fr", "Le validateur est occupé"),
        ("ar", "أداة التحقق مشغولة"),
    ] {
        let (status, html) = validator_page(&app, example().as_bytes(), lang).await;
        assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
        assert!(html.contains(text), "{lang}");
    }
}

/// The validator's messages are in the reader's language: none is left in English, and the
/// values quoted from the file are cut in every language as in English.
#[tokio::test]
async fn the_validators_messages_are_in_the_readers_language() {
    let app = TestApp::with_demo().await;
    let file = b"publiccodeYmlVersion: \"0\"\nname: x\nurl: 'not a url'\nplatforms: [web]\nreleaseDate: 2020-13-45\n";
    let validation = commons_publiccode::validate(file, &Default::default());
    let messages: Vec<&str> = validation
        .listed()
        .iter()
        .map(|d| d.message.as_str())
        .collect();
    assert!(messages.len() >= 3, "{messages:?}");
    let (_, english) = validator_page(&app, file, "en").await;
    for message in &messages {
        let escaped = message.replace('\'', "&#39;").replace('"', "&#34;");
        assert!(
            english.contains(*message) || english.contains(&escaped),
            "en: {message}"
        );
    }
    for lang in ["ar", "zh", "fr", "es", "ru"] {
        let (status, html) = validator_page(&app, file, lang).await;
        assert_eq!(status, StatusCode::OK);
        let english_spans: Vec<&str> = html
            .match_indices("<span lang=\"en\"")
            .map(|(i, _)| &html[i.saturating_sub(120)..(i + 160).min(html.len())])
            .collect();
        assert!(
            english_spans.is_empty(),
            "{lang}: left in English: {english_spans:#?}"
        );
        for message in &messages {
            assert!(!html.contains(*message), "{lang}: {message}");
        }
    }
    let mut quoted = b"publiccodeYmlVersion: \"0\"\nurl: '".to_vec();
    quoted.extend(std::iter::repeat_n(b'<', 1024 * 1024 - 64));
    quoted.extend_from_slice(b"'\n");
    let (status, html) = validator_page(&app, &quoted, "zh").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.len() < PAGE_LIMIT, "{} bytes", html.len());
}
