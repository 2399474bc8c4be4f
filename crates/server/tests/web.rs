//! The web UI through the router: languages, escaping of hostile text, CSRF on the validator,
//! the 404 page and the hashed assets. (What a browser does with the pages is tested in
//! `tests/browser/`, run by `scripts/browser-tests.sh`.)

use crate::support::{TestApp, split};
use axum::body::Body;
use axum::http::{Request, header};

const LANGUAGES: [&str; 6] = ["ar", "zh", "en", "fr", "ru", "es"];

async fn page(app: &TestApp, uri: &str) -> (axum::http::Response<()>, String) {
    let (response, body) = app.get(uri).await;
    (response, String::from_utf8(body).unwrap())
}

async fn demo_id(app: &TestApp, query: &str) -> String {
    let found = app.get_json(&format!("/api/v1/software?{query}")).await;
    found["items"][0]["id"].as_str().unwrap().to_string()
}

/// No inline script or style anywhere: the CSP forbids them, so they would be broken. The one
/// script element without a source is the software page's JSON-LD, a data block that no
/// browser runs: it must hold JSON that cannot end the element early.
fn assert_no_inline_code(uri: &str, html: &str) {
    assert!(!html.contains(" style="), "{uri}: style attribute");
    assert!(!html.contains("<style"), "{uri}: style element");
    for (i, _) in html.match_indices("<script") {
        let tag = &html[i..html[i..].find('>').map_or(html.len(), |end| i + end)];
        if tag == r#"<script type="application/ld+json""# {
            let start = i + tag.len() + 1;
            let end = start + html[start..].find("</script>").expect("the element ends");
            let data = &html[start..end];
            assert!(!data.contains('<'), "{uri}: markup in the JSON-LD");
            serde_json::from_str::<serde_json::Value>(data)
                .unwrap_or_else(|e| panic!("{uri}: the JSON-LD is not JSON: {e}"));
            continue;
        }
        assert!(
            tag.contains(" src=\"/assets/"),
            "{uri}: inline script {tag}"
        );
    }
    for tag in html
        .split('<')
        .skip(1)
        .filter_map(|rest| rest.split('>').next())
    {
        let handler = tag.match_indices(" on").any(|(i, _)| {
            let name: String = tag[i + 3..]
                .chars()
                .take_while(char::is_ascii_alphabetic)
                .collect();
            !name.is_empty() && tag[i + 3 + name.len()..].starts_with('=')
        });
        assert!(!handler, "{uri}: event handler attribute in <{tag}>");
    }
}

#[tokio::test]
async fn every_page_answers_in_every_language_with_lang_and_dir() {
    let app = TestApp::with_demo().await;
    let software = demo_id(&app, "q=bibliotheca").await;
    let organisation = app.get_json("/api/v1/organisations").await[0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let paths = [
        "/".to_string(),
        "/software".into(),
        "/software?category=data-collection&sort=name".into(),
        format!("/software/{software}"),
        "/organisations".into(),
        format!("/organisations/{organisation}"),
        "/validate".into(),
        "/about".into(),
        "/methodology".into(),
        "/status".into(),
        "/licenses".into(),
    ];
    for lang in LANGUAGES {
        for path in &paths {
            let separator = if path.contains('?') { '&' } else { '?' };
            let uri = format!("{path}{separator}lang={lang}");
            let (response, html) = page(&app, &uri).await;
            assert_eq!(response.status(), 200, "{uri}");
            assert_eq!(
                response.headers()[header::CONTENT_TYPE],
                "text/html; charset=utf-8"
            );
            assert_eq!(response.headers()[header::CONTENT_LANGUAGE], lang);
            let dir = if lang == "ar" { "rtl" } else { "ltr" };
            assert!(
                html.contains(&format!("<html lang=\"{lang}\" dir=\"{dir}\">")),
                "{uri}"
            );
            assert!(
                html.contains("href=\"/software?lang="),
                "{uri}: links keep the language"
            );
            assert_no_inline_code(&uri, &html);
        }
    }
}

#[tokio::test]
async fn the_methodology_page_explains_every_part_in_every_language() {
    let app = TestApp::with_demo().await;
    for lang in LANGUAGES {
        let uri = format!("/methodology?lang={lang}");
        let (response, html) = page(&app, &uri).await;
        assert_eq!(response.status(), 200, "{uri}");
        for id in [
            "license",
            "security",
            "vulnerabilities",
            "vitality",
            "principles",
            "cost",
            "offline",
            "contest",
        ] {
            assert!(html.contains(&format!("<h2 id=\"{id}\">")), "{uri}: {id}");
            assert!(
                html.contains(&format!("href=\"#{id}\"")),
                "{uri}: {id} in the contents"
            );
        }
        assert!(!html.contains(">method-"), "{uri}: a message id leaked");
        // The weights the security score uses, and the method version of the reports.
        assert!(html.contains("7.5") || html.contains("7,5"), "{uri}");
        assert!(html.contains(commons_assess::METHOD_VERSION), "{uri}");
    }
}

#[tokio::test]
async fn accept_language_chooses_the_language_and_the_query_overrides_it() {
    let app = TestApp::with_demo().await;
    let get = |uri: &str, accept: &str| {
        Request::get(uri)
            .header(header::ACCEPT_LANGUAGE, accept)
            .body(Body::empty())
            .unwrap()
    };
    let (response, body) = split(app.send(get("/", "de-CH, ar;q=0.9, fr;q=0.8")).await).await;
    let html = String::from_utf8(body).unwrap();
    assert!(html.contains("<html lang=\"ar\" dir=\"rtl\">"));
    assert_eq!(response.headers()[header::VARY], "Accept-Language");
    let (_, body) = split(app.send(get("/?lang=ru", "ar")).await).await;
    assert!(
        String::from_utf8(body)
            .unwrap()
            .contains("<html lang=\"ru\" dir=\"ltr\">")
    );
    let (_, body) = split(app.send(get("/", "xx-YY, *;q=0.1")).await).await;
    assert!(
        String::from_utf8(body)
            .unwrap()
            .contains("<html lang=\"en\"")
    );
}

#[tokio::test]
async fn the_security_fixture_is_not_part_of_the_demo() {
    let app = TestApp::with_demo().await;
    for uri in [
        "/",
        "/software",
        "/software?q=sanitiser",
        "/organisations/unicc",
    ] {
        let (response, html) = page(&app, uri).await;
        assert_eq!(response.status(), 200, "{uri}");
        assert!(!html.contains("Sanitiser"), "{uri} shows the fixture");
    }
    let found = app.get_json("/api/v1/software?q=sanitiser&limit=100").await;
    let names: Vec<&str> = found["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|item| item["name"].as_str())
        .collect();
    assert!(!names.iter().any(|n| n.contains("Fixture")), "{names:?}");
    let all = app.get_json("/api/v1/software?limit=100").await;
    assert_eq!(all["total"], commons_demo::entries().len());
}

#[tokio::test]
async fn hostile_text_from_a_publiccode_yml_is_escaped_everywhere() {
    let app = TestApp::with_demo_and_security_fixture().await;
    let fixture = demo_id(&app, "organisation=unicc&q=sanitiser").await;
    let pages = [
        format!("/software/{fixture}"),
        format!("/software/{fixture}?lang=fr"),
        format!("/software/{fixture}?desc=fr&lang=ar"),
        "/software?q=sanitiser".into(),
        "/software?q=%3Cscript%3E".into(),
        "/organisations/unicc".into(),
    ];
    for uri in &pages {
        let (response, html) = page(&app, uri).await;
        assert_eq!(response.status(), 200, "{uri}");
        assert!(
            !html.contains("<script>alert"),
            "{uri}: a script element from the data"
        );
        assert!(
            !html.contains("<img src=x"),
            "{uri}: an image element from the data"
        );
        assert!(!html.contains("<svg onload"), "{uri}");
        assert!(!html.contains("<iframe"), "{uri}");
        assert!(
            !html.to_ascii_lowercase().contains("href=\"javascript:"),
            "{uri}"
        );
        assert_no_inline_code(uri, &html);
    }
    let (_, html) = page(&app, &format!("/software/{fixture}")).await;
    assert!(
        html.contains("&#60;script&#62;alert(&#39;name&#39;)")
            || html.contains("&lt;script&gt;alert(")
    );
    assert!(html.contains("onerror="), "the payload is shown as text");
}

#[tokio::test]
async fn a_validation_needs_the_token_of_its_form() {
    let app = TestApp::with_demo().await;
    let (response, html) = page(&app, "/validate?lang=fr").await;
    let cookie = response.headers()[header::SET_COOKIE]
        .to_str()
        .unwrap()
        .to_string();
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"));
    let pair = cookie.split(';').next().unwrap().to_string();
    let token = pair.split_once('=').unwrap().1.to_string();
    assert!(html.contains(&format!("name=\"csrf\" value=\"{token}\"")));
    let post = |cookie: Option<&str>, token: Option<&str>| {
        let boundary = "XyZ";
        let mut body = String::new();
        if let Some(token) = token {
            body += &format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{token}\r\n"
            );
        }
        body += &format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"source\"\r\n\r\npubliccodeYmlVersion: \"0\"\r\nname: <b>x</b>\r\n--{boundary}--\r\n"
        );
        let mut request = Request::post("/validate?lang=fr").header(
            header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={boundary}"),
        );
        if let Some(cookie) = cookie {
            request = request.header(header::COOKIE, cookie);
        }
        request.body(Body::from(body)).unwrap()
    };
    let (ok, body) = split(app.send(post(Some(&pair), Some(&token))).await).await;
    assert_eq!(ok.status(), 200);
    let html = String::from_utf8(body).unwrap();
    assert!(html.contains("verdict-invalid"));
    assert!(html.contains("id=\"line-2\""));
    assert!(html.contains("&#60;b&#62;x&#60;/b&#62;") || html.contains("&lt;b&gt;x&lt;/b&gt;"));
    for (cookie, field) in [
        (None, Some(token.as_str())),
        (Some(pair.as_str()), None),
        (
            Some(pair.as_str()),
            Some("0123456789abcdef0123456789abcdef"),
        ),
        (
            Some("commons_csrf=0123456789abcdef0123456789abcdef"),
            Some(token.as_str()),
        ),
    ] {
        let (refused, body) = split(app.send(post(cookie, field)).await).await;
        assert_eq!(refused.status(), 403, "cookie {cookie:?}, field {field:?}");
        assert!(!String::from_utf8(body).unwrap().contains("verdict"));
    }
}

#[tokio::test]
async fn unknown_pages_are_a_translated_404_and_bad_searches_a_400_page() {
    let app = TestApp::with_demo().await;
    let (response, html) = page(&app, "/no/such/page?lang=es").await;
    assert_eq!(response.status(), 404);
    assert!(html.contains("Página no encontrada"));
    let (response, html) = page(&app, "/software/no-such-entry?lang=zh").await;
    assert_eq!(response.status(), 404);
    assert!(html.contains("找不到页面"));
    let (response, html) = page(&app, "/organisations/nobody?lang=fr").await;
    assert_eq!(response.status(), 404);
    assert!(html.contains("Page introuvable"));
    let (response, html) = page(&app, "/software?sort=sideways&lang=en").await;
    assert_eq!(response.status(), 400);
    assert!(html.contains("<html lang=\"en\""));
    let (response, _) = page(&app, "/software?cursor=%FF%FE").await;
    assert_eq!(response.status(), 400);
    // The API keeps its own problem documents.
    let (response, _) = page(&app, "/api/v1/nothing").await;
    assert_eq!(
        response.headers()[header::CONTENT_TYPE],
        "application/problem+json"
    );
}

#[tokio::test]
async fn assets_are_served_under_their_hash_and_cached_for_good() {
    let app = TestApp::with_demo().await;
    let (_, html) = page(&app, "/").await;
    let start = html.find("href=\"/assets/app.").unwrap() + "href=\"".len();
    let url = &html[start..start + html[start..].find('"').unwrap()];
    let (response, body) = app.get(url).await;
    assert_eq!(response.status(), 200);
    assert!(
        response.headers()[header::CACHE_CONTROL]
            .to_str()
            .unwrap()
            .contains("immutable")
    );
    assert!(
        response.headers()[header::CONTENT_TYPE]
            .to_str()
            .unwrap()
            .starts_with("text/css")
    );
    assert!(
        String::from_utf8(body)
            .unwrap()
            .contains("prefers-color-scheme: dark")
    );
    let (response, _) = app.get("/assets/app.000000000000.css").await;
    assert_eq!(response.status(), 404);
}

#[tokio::test]
async fn every_section_of_a_full_entry_is_shown() {
    let app = TestApp::with_demo().await;
    let source = format!(
        "{}\nIT:\n  countryExtensionVersion: \"1.0\"\n  piattaforme:\n    spid: true\n    pagopa: true\n",
        crate::support::example()
    );
    let outcome = app
        .ingest("https://github.com/example/full-entry", &source)
        .await;
    let uri = format!("/software/{}?lang=fr", outcome.software_id);
    let (response, html) = page(&app, &uri).await;
    assert_eq!(response.status(), 200, "{html}");
    for expected in [
        "Plateformes nationales italiennes",
        "SPID",
        "pagoPA",
        "Historique des révisions",
        "Maintenance",
        "En bref",
    ] {
        assert!(html.contains(expected), "{uri}: {expected}");
    }
    assert!(!html.contains("ANPR"), "only the platforms set to true");
}

/// A crawl of `url` for `publisher` at `at`, with no detail; tests set the rest.
fn crawl(
    url: &str,
    publisher: &str,
    outcome: commons_catalog::CrawlOutcomeKind,
    at: i64,
) -> commons_catalog::CrawlRecord {
    commons_catalog::CrawlRecord {
        repository_url: url.into(),
        publisher_id: publisher.into(),
        hosting_url: "https://git.example.org/agency".into(),
        forge: commons_catalog::ForgeKind::Git,
        forge_id: None,
        outcome,
        detail: None,
        errors: Vec::new(),
        commit: Some("0123456789abcdef0123456789abcdef01234567".into()),
        version: None,
        etag: None,
        software_id: None,
        crawled_at: at,
    }
}

#[tokio::test]
async fn the_status_pages_are_paged() {
    use commons_catalog::CrawlOutcomeKind as Kind;
    let app = TestApp::with_demo().await;
    // 120 repositories of one publisher, and 60 publishers with one each.
    for i in 0..120 {
        let url = format!("https://git.example.org/big/repo-{i:03}");
        app.state
            .catalog
            .record_crawl(&crawl(&url, "big", Kind::NotFound, 1_700_000_000 + i))
            .await
            .unwrap();
    }
    for i in 0..60 {
        let url = format!("https://git.example.org/p{i:02}/only");
        let publisher = format!("p{i:02}");
        app.state
            .catalog
            .record_crawl(&crawl(&url, &publisher, Kind::Ok, 1_700_000_000))
            .await
            .unwrap();
    }
    let rows = |html: &str| html.matches("<tr><th scope=\"row\"").count();
    let (_, first) = page(&app, "/status?publisher=big&lang=en").await;
    // Fluent isolates placeables with U+2068 and U+2069.
    let first = first.replace(['\u{2068}', '\u{2069}'], "");
    assert_eq!(rows(&first), 50);
    assert!(
        first.contains("120 repositories"),
        "the count is of all of them"
    );
    assert!(first.contains("Page 1 / 3"));
    // Askama escapes `&` as `&#38;`.
    assert!(
        first.contains("<a href=\"/status?publisher=big&#38;page=2&#38;lang=en\" rel=\"next\">"),
        "{first}"
    );
    assert!(!first.contains("rel=\"prev\""));
    let (_, last) = page(&app, "/status?publisher=big&page=3&lang=en").await;
    assert_eq!(rows(&last), 20);
    assert!(last.contains("Page 3 / 3"));
    assert!(!last.contains("rel=\"next\""));
    // Past the end: the last page; not a number: the first.
    let (_, beyond) = page(&app, "/status?publisher=big&page=99&lang=en").await;
    assert_eq!(rows(&beyond), 20);
    let (response, odd) = page(&app, "/status?publisher=big&page=x%3Cy&lang=en").await;
    assert_eq!(response.status(), 200);
    assert_eq!(rows(&odd), 50);
    // The overview: 61 publishers, two pages.
    let (_, overview) = page(&app, "/status?lang=en").await;
    assert_eq!(rows(&overview), 50);
    assert!(overview.contains("Page 1 / 2"));
    let (_, second) = page(&app, "/status?page=2&lang=en").await;
    assert_eq!(rows(&second), 11);
    assert!(
        second.contains("<a href=\"/status?lang=en\" rel=\"prev\">"),
        "{second}"
    );
}

#[tokio::test]
async fn the_status_page_explains_every_outcome_in_every_language() {
    use commons_catalog::CrawlOutcomeKind as Kind;
    let app = TestApp::with_demo().await;
    // Before any crawl: the empty state explains how crawling works and links the validator.
    for lang in LANGUAGES {
        let (response, html) = page(&app, &format!("/status?lang={lang}")).await;
        assert_eq!(response.status(), 200);
        assert!(html.contains("id=\"empty-heading\""), "{lang}");
        assert!(html.contains(&format!("href=\"/validate?lang={lang}\"")));
        for code in [
            "ok",
            "invalid",
            "unreachable",
            "too_large",
            "not_found",
            "skipped_unchanged",
            "refused",
            "gone",
        ] {
            assert!(
                html.contains(&format!("id=\"outcome-{code}\"")),
                "{lang} {code}"
            );
        }
        assert!(
            !html.contains("outcome-ok-meaning"),
            "{lang}: a message id leaked"
        );
        assert_no_inline_code("/status", &html);
    }
    let (_, html) = page(&app, "/status?lang=fr").await;
    assert!(html.contains("Aucune exploration n’a encore eu lieu"));
    assert!(
        html.contains("État de l’exploration"),
        "the navigation entry"
    );

    let listed = app
        .ingest(
            "https://git.example.org/agency/listed",
            &crate::support::example(),
        )
        .await;
    let hostile = "https://git.example.org/agency/<script>alert(1)</script>";
    let listed_url = "https://git.example.org/agency/listed";
    let record = |r: commons_catalog::CrawlRecord| {
        let catalog = app.state.catalog.clone();
        async move { catalog.record_crawl(&r).await.unwrap() }
    };
    record(commons_catalog::CrawlRecord {
        software_id: Some(listed.software_id.clone()),
        ..crawl(listed_url, "agency", Kind::Ok, 1_700_000_000)
    })
    .await;
    let mut error = commons_publiccode::Diagnostic::error(
        "legal.license",
        "license is a required field <b>now</b>",
    );
    error.line = 46;
    error.column = 8;
    record(commons_catalog::CrawlRecord {
        software_id: Some(listed.software_id.clone()),
        detail: Some("1 error".into()),
        errors: vec![error],
        ..crawl(listed_url, "agency", Kind::Invalid, 1_700_000_100)
    })
    .await;
    record(commons_catalog::CrawlRecord {
        detail: Some("publiccode.yml is a symbolic link <img src=x onerror=alert(2)>".into()),
        ..crawl(hostile, "agency", Kind::Refused, 1_700_000_000)
    })
    .await;
    record(commons_catalog::CrawlRecord {
        detail: Some("no publiccode.yml".into()),
        ..crawl(
            "https://git.example.org/other/empty",
            "other-body",
            Kind::NotFound,
            1_700_000_000,
        )
    })
    .await;

    // The overview: one line per publisher, with counts per last outcome.
    let (response, html) = page(&app, "/status?lang=en").await;
    assert_eq!(response.status(), 200);
    assert!(!html.contains("id=\"empty-heading\""));
    assert!(
        html.contains("href=\"/status?publisher=agency&amp;lang=en\"")
            || html.contains("href=\"/status?publisher=agency&#38;lang=en\""),
        "{html}"
    );
    assert!(html.contains("other-body"));
    assert!(html.contains("<span class=\"outcome outcome-invalid\">Invalid file</span> 1"));
    assert!(html.contains("<span class=\"outcome outcome-refused\">Refused</span> 1"));

    // One publisher: its repositories, escaped, with a link to the listed entry.
    let (response, html) = page(&app, "/status?publisher=agency&lang=es").await;
    assert_eq!(response.status(), 200);
    assert!(html.contains("Archivo no válido"));
    assert!(html.contains(&format!("/software/{}?lang=es", listed.software_id)));
    assert!(!html.contains("<script>alert(1)"));
    assert!(!html.contains("<img src=x"));
    assert!(
        html.contains("onerror=alert(2)"),
        "the detail is shown as text"
    );
    assert_no_inline_code("/status?publisher=agency", &html);
    let (response, _) = page(&app, "/status?publisher=nobody").await;
    assert_eq!(response.status(), 404);

    // One repository: recent crawls newest first, the validator's errors with line and column.
    let (response, html) = page(
        &app,
        "/status?url=https%3A%2F%2Fgit.example.org%2Fagency%2Flisted%2F&lang=ar",
    )
    .await;
    assert_eq!(response.status(), 200);
    assert!(html.contains("<html lang=\"ar\" dir=\"rtl\">"));
    assert!(html.contains("<code dir=\"ltr\">legal.license</code>"));
    assert!(html.contains("46:8"));
    assert!(
        html.contains("license is a required field &#60;b&#62;now&#60;/b&#62;")
            || html.contains("license is a required field &lt;b&gt;now&lt;/b&gt;")
    );
    assert!(html.contains("ملف غير صالح"), "the outcome in Arabic");
    let invalid = html.find("outcome outcome-invalid").unwrap();
    let ok = html.rfind("outcome outcome-ok\"").unwrap();
    assert!(invalid < ok, "newest first");
    let (_, html) = page(
        &app,
        &format!(
            "/status?url={}",
            form_urlencoded::byte_serialize(hostile.as_bytes()).collect::<String>()
        ),
    )
    .await;
    assert!(!html.contains("<script>alert(1)"));
    assert!(html.contains("Refused"));
    assert_no_inline_code("/status?url=", &html);
    // A skip: the earlier result still stands, and says what to do.
    record(crawl(
        listed_url,
        "agency",
        Kind::SkippedUnchanged,
        1_700_000_200,
    ))
    .await;
    let (_, html) = page(
        &app,
        "/status?url=https%3A%2F%2Fgit.example.org%2Fagency%2Flisted",
    )
    .await;
    assert!(html.contains("The result that still stands, from an earlier crawl:"));
    assert!(html.contains("outcome-box-bad"), "the invalid file stands");
    // A URL the crawler never saw: a 404 that says so, with the way forward.
    let (response, html) = page(
        &app,
        "/status?url=https%3A%2F%2Fnowhere.example%2Fx&lang=ru",
    )
    .await;
    assert_eq!(response.status(), 404);
    assert!(html.contains("Робот никогда не видел этот репозиторий"));
    assert!(html.contains("https://nowhere.example/x"));
}

/// The page and the API read a live assessment (a demo repository made and assessed as
/// `commons serve --demo` does) through the typed contract: what the API serves is the stored
/// report whole, and the page's summary and parts come from it, in every language.
#[tokio::test]
async fn a_live_assessment_of_a_demo_repository_is_shown_and_served_whole() {
    let app = TestApp::with_assessed_demo().await;
    let id = demo_id(&app, "q=case+compass").await;
    let stored = app
        .state
        .catalog
        .latest_assessment(&id)
        .await
        .unwrap()
        .expect("assessed");
    let report: commons_report::Assessment =
        serde_json::from_value(stored.body.clone()).expect("the stored report reads");
    assert_eq!(report.method_version, commons_assess::METHOD_VERSION);
    assert_eq!(
        serde_json::to_value(&report).unwrap(),
        stored.body,
        "nothing lost"
    );
    let served = app
        .get_json(&format!("/api/v1/software/{id}/assessment"))
        .await;
    let served: commons_report::Assessment =
        serde_json::from_value(served["report"].clone()).expect("the served report reads");
    assert_eq!(served.license, report.license);
    assert_eq!(served.security, report.security);
    assert_eq!(served.vitality, report.vitality);
    assert_eq!(served.un_principles.len(), 8);
    assert_eq!(served.dpg_indicators.len(), 9);
    let score = report.security.score.expect("a security score");
    let (_, html) = page(&app, &format!("/software/{id}?lang=en")).await;
    for part in ["license", "security", "vulnerabilities", "vitality", "cost"] {
        assert!(html.contains(&format!("id=\"assess-{part}\"")), "{part}");
    }
    let shown = format!("{score:.1}");
    let shown = shown.strip_suffix(".0").unwrap_or(&shown);
    // Fluent isolates placeables (FSI … PDI) so numbers keep their direction in any script.
    let plain = html.replace(['\u{2068}', '\u{2069}'], "");
    assert!(plain.contains(&format!("{shown} out of 10")), "{shown}");
    let license = report.license.effective.as_deref().expect("a license");
    assert!(html.contains(license), "{license}");
    let first_check = &report.security.checks[0];
    assert!(html.contains(&first_check.id), "{}", first_check.id);
    // The method's sentences: the English page says what the report says; every other
    // language says it in its own words, with nothing left in English.
    let security_table = |html: &str| {
        html.split("id=\"assess-security\"")
            .nth(1)
            .and_then(|rest| rest.split("</table>").next())
            .expect("the security checks")
            .replace(['\u{2068}', '\u{2069}'], "")
    };
    let english = security_table(&html);
    for check in &report.security.checks {
        assert!(check.l10n.is_some(), "{} has its message", check.id);
        assert!(
            english.contains(&check.reason),
            "{}: {}",
            check.id,
            check.reason
        );
    }
    assert!(
        !english.contains("lang=\"en\""),
        "English is the page's language"
    );
    for lang in ["ar", "zh", "fr", "es", "ru"] {
        let (response, html) = page(&app, &format!("/software/{id}?lang={lang}")).await;
        assert_eq!(response.status(), 200, "{lang}");
        assert!(html.contains("id=\"assess-security\""), "{lang}");
        assert!(html.contains(license), "{lang}");
        let table = security_table(&html);
        assert!(
            !table.contains("lang=\"en\""),
            "{lang}: a sentence left in English"
        );
        for check in &report.security.checks {
            assert!(!table.contains(&check.reason), "{lang}: {}", check.reason);
        }
        // Nothing else the method wrote is left in English either: the cost method, the
        // files' and the errors' sentences.
        let assessment = html
            .split("aria-labelledby=\"assessment-heading\"")
            .nth(1)
            .and_then(|rest| rest.split("</main>").next())
            .expect("the assessment");
        assert!(
            !assessment.contains("lang=\"en\""),
            "{lang}: a sentence of the assessment left in English"
        );
        assert!(!assessment.contains(&report.cost.method), "{lang}");
    }
}

/// A stored report that does not read as the contract (a value of the wrong type) is neither
/// shown as if it said something nor taken for "not assessed": the page says it could not be
/// read, and the API answers a problem.
#[tokio::test]
async fn an_assessment_that_does_not_read_as_a_report_is_said_so() {
    let app = TestApp::with_demo().await;
    let created = app
        .ingest(
            "https://git.example.org/test/unreadable",
            &crate::support::example(),
        )
        .await;
    let id = created.software_id.clone();
    app.state
        .catalog
        .record_assessment(&commons_catalog::NewAssessment {
            software_id: id.clone(),
            revision_id: Some(created.revision_id),
            commit: Some("8c65aa2d7a3cc5f56d408adf297cde57a6adf253".into()),
            method_version: "commons-assess/3".into(),
            assessed_at: 1_780_315_200,
            facets: None,
            body: serde_json::json!({"security": {"score": "high"}}),
        })
        .await
        .unwrap();
    let (response, html) = page(&app, &format!("/software/{id}?lang=en")).await;
    assert_eq!(response.status(), 200);
    assert!(html.contains("The stored assessment of this software could not be read"));
    assert!(!html.contains("has not been assessed yet"));
    assert!(!html.contains("id=\"assess-security\""));
    let (response, _) = app.get(&format!("/api/v1/software/{id}/assessment")).await;
    assert_eq!(response.status(), 500);
}

/// A report of `commons assess --format json` on a real repository (trimmed, with a license
/// mismatch, a vulnerability, a declaration, an AI section and hostile texts added).
const ASSESSMENT: &str = include_str!("../../report/tests/fixtures/commons-assess-1.json");

#[tokio::test]
async fn the_software_page_shows_an_assessment_with_its_evidence() {
    let app = TestApp::with_demo().await;
    let created = app
        .ingest(
            "https://git.example.org/test/assessed",
            &crate::support::example(),
        )
        .await;
    let id = created.software_id.clone();
    // Not assessed yet: a short note.
    for lang in LANGUAGES {
        let (_, html) = page(&app, &format!("/software/{id}?lang={lang}")).await;
        assert!(html.contains("id=\"assessment-heading\""), "{lang}");
        assert!(html.contains("class=\"notice\" role=\"note\""), "{lang}");
        assert!(!html.contains("id=\"assess-license\""), "{lang}");
    }
    let (_, html) = page(&app, &format!("/software/{id}?lang=en")).await;
    assert!(html.contains("This software has not been assessed yet."));

    app.state
        .catalog
        .record_assessment(&commons_catalog::NewAssessment {
            software_id: id.clone(),
            revision_id: Some(created.revision_id),
            commit: Some("8c65aa2d7a3cc5f56d408adf297cde57a6adf253".into()),
            method_version: "commons-assess/1".into(),
            assessed_at: 1_780_315_200,
            facets: Some(serde_json::json!({"licenseFamily": "permissive",
                "osiApproved": true, "vitality": 50, "securityScore": 6.7,
                "vulnerabilities": 1})),
            body: serde_json::from_str(ASSESSMENT).unwrap(),
        })
        .await
        .unwrap();
    // The index learns the scores, which place the entry in the catalog.
    commons_app::indexer::catch_up(&app.state.catalog, &app.state.index)
        .await
        .unwrap();
    // The publisher's declarations come from the catalog (the report's own are replaced).
    let token = app
        .state
        .catalog
        .issue_token("unicef", None, 1_790_000_000, "test")
        .await
        .unwrap();
    for (item, declaration) in [
        (
            "un-secure-by-design",
            commons_catalog::NewDeclaration {
                by: "Amina Diallo".into(),
                role: Some("product owner".into()),
                statement: Some("Threat model reviewed yearly".into()),
                url: None,
                not_applicable: false,
            },
        ),
        (
            "dpg-sdg-relevance",
            commons_catalog::NewDeclaration {
                by: "Amina Diallo".into(),
                not_applicable: true,
                ..Default::default()
            },
        ),
    ] {
        app.state
            .catalog
            .declare(&id, item, &declaration, token.id, 1_790_812_800)
            .await
            .unwrap();
    }
    let uri = format!("/software/{id}?lang=en");
    let (response, html) = page(&app, &uri).await;
    // Fluent isolates placeables with U+2068 and U+2069.
    let html = html.replace(['\u{2068}', '\u{2069}'], "");
    assert_eq!(response.status(), 200);
    for expected in [
        "id=\"assess-license\"",
        "<code class=\"spdx\" dir=\"ltr\">AGPL-3.0-or-later</code>",
        "<code class=\"spdx\" dir=\"ltr\">MIT</code>",
        "They disagree",
        "Approved by the Open Source Initiative.",
        "You may use, change and redistribute the software",
        "href=\"/licenses?lang=en#mit\"",
        "6.7 / 10",
        "Dependency-Update-Tool",
        ">Weight in the score<",
        ">High ×7.5<",
        "a dependency update tool is configured",
        "1 known vulnerability",
        "RUSTSEC-2021-0003",
        "smallvec 1.6.0",
        "1.6.1",
        "50 / 100",
        "Bus factor",
        "Open by default",
        "Declared by Amina Diallo (product owner) on 2026-10-01.",
        // The publisher's words isolated in their own direction.
        "<q dir=\"auto\">Threat model reviewed yearly</q>",
        "Not applicable",
        "Relevance to the Sustainable Development Goals",
        "Open Source AI Definition",
        "Needs review",
        "Information about the training data",
        "Cost to rebuild, value of reuse",
        "USD",
        "NOTICE: is binary, not a license text",
        "<details class=\"evidence\"><summary>Evidence</summary>",
        "<code dir=\"ltr\">license-text-detection</code> · <code dir=\"ltr\">LICENSE</code> · <code dir=\"ltr\">8c65aa2d7a</code>",
        "href=\"/api/v1/software/",
    ] {
        assert!(html.contains(expected), "{uri}: {expected}");
    }
    // The summary opens the page, before the description, each part linking to its detail.
    let summary = html
        .split("id=\"summary-heading\"")
        .nth(1)
        .and_then(|rest| rest.split("</section>").next())
        .expect("a summary");
    assert!(
        html.find("id=\"summary-heading\"") < html.find("id=\"description-heading\""),
        "the summary comes first"
    );
    for expected in [
        ">Before you reuse it<",
        "<a href=\"#assess-license\">Licence</a>",
        ">MIT, OSI-approved<",
        // publiccode.yml says AGPL-3.0-or-later and the LICENSE file MIT.
        "The licence files disagree with the licence declared in publiccode.yml",
        "<a href=\"#assess-security\">",
        ">6.7 out of 10<",
        // The only assessed entry: it is the median.
        ">catalog median 6.7 (1 project assessed)<",
        "Security practices at the catalog’s median.",
        "<a href=\"#assess-vulnerabilities\">",
        ">1 known vulnerability<",
        ">vulnerability database of 2026-05-09<",
        "Update the affected dependencies before deploying it",
        "<a href=\"#assess-vitality\">",
        "vitality 50 out of 100 · catalog median 50 (1 project assessed)",
        ">Last commit ",
        "href=\"#assessment-heading\"",
        "href=\"/methodology?lang=en#security\"",
    ] {
        assert!(summary.contains(expected), "{expected}\n{summary}");
    }
    assert!(summary.contains("tone-bad"), "the licence disagreement");
    // Texts from the report are escaped.
    assert!(!html.contains("<script>alert(3)"), "{uri}");
    assert!(!html.contains("<img src=x"), "{uri}");
    assert!(html.contains("onerror=alert(4)"), "shown as text");
    assert_no_inline_code(&uri, &html);
    // A report made before messages: its sentences stay in English, marked so, on a page in
    // another language.
    let (_, zh) = page(&app, &format!("/software/{id}?lang=zh")).await;
    assert!(
        zh.contains("<span lang=\"en\" dir=\"ltr\">a dependency update tool is configured</span>"),
        "the English of an older report is marked"
    );
    // Labels and explanations in every language.
    for (lang, expected) in [
        ("fr", "Avant de le réutiliser"),
        ("es", "Antes de reutilizarlo"),
        ("ar", "قبل إعادة استخدامه"),
        ("ru", "Перед повторным использованием"),
        ("zh", "复用之前"),
        ("fr", "Vulnérabilités connues"),
        ("es", "Actividad de mantenimiento"),
        ("ar", "مبادئ الأمم المتحدة للمصادر المفتوحة"),
        ("ru", "Стоимость разработки заново"),
        ("zh", "数字公共产品标准"),
    ] {
        let (_, html) = page(&app, &format!("/software/{id}?lang={lang}")).await;
        assert!(html.contains(expected), "{lang}: {expected}");
        assert!(
            !html.contains("assess-status-"),
            "{lang}: a message id leaked"
        );
        assert!(
            !html.contains("<strong>indicator-"),
            "{lang}: a message id leaked"
        );
    }
    // A report without OSV data says so instead of a count.
    let mut body: serde_json::Value = serde_json::from_str(ASSESSMENT).unwrap();
    body["vulnerabilities"]["databaseAvailable"] = false.into();
    // And a tag newer than the softwareVersion publiccode.yml declares (2.11.0).
    body["vitality"]["latestRelease"] = "v3.0.0".into();
    app.state
        .catalog
        .record_assessment(&commons_catalog::NewAssessment {
            software_id: id.clone(),
            revision_id: Some(created.revision_id),
            commit: None,
            method_version: "commons-assess/1".into(),
            assessed_at: 1_780_400_000,
            facets: None,
            body,
        })
        .await
        .unwrap();
    let (_, html) = page(&app, &uri).await;
    let html = html.replace(['\u{2068}', '\u{2069}'], "");
    assert!(html.contains("No OSV data imported"));
    assert!(!html.contains("1 known vulnerability"));
    // Nothing was checked, so nothing says "checked".
    assert!(html.contains("51 locked packages found"), "{html}");
    assert!(!html.contains("packages checked"));
    assert!(html.contains("No vulnerability database was available to the catalog"));
    assert!(
        html.contains("The repository has a newer release: v3.0.0"),
        "{html}"
    );
    assert!(
        html.contains("class=\"big-figure\""),
        "the cost of code is shown"
    );

    // A repository without code: no "0 USD" headline, a sentence instead.
    let mut body: serde_json::Value = serde_json::from_str(ASSESSMENT).unwrap();
    body["cost"]["codeLines"] = 0.into();
    body["cost"]["estimatedCost"] = 0.into();
    app.state
        .catalog
        .record_assessment(&commons_catalog::NewAssessment {
            software_id: id.clone(),
            revision_id: Some(created.revision_id),
            commit: None,
            method_version: "commons-assess/1".into(),
            assessed_at: 1_780_500_000,
            facets: None,
            body,
        })
        .await
        .unwrap();
    let (_, html) = page(&app, &uri).await;
    assert!(html.contains("No source code was counted in this repository"));
    assert!(!html.contains("class=\"big-figure\""));
}

#[tokio::test]
async fn results_filter_and_sort_by_the_assessment_in_every_language() {
    let app = TestApp::with_demo().await;
    let (_, html) = page(&app, "/software?lang=en").await;
    // Nothing assessed: no empty assessment filters, but the sorts are offered.
    assert!(!html.contains("id=\"facet-vitality\""));
    assert!(html.contains("<option value=\"vitality\""));
    let id = demo_id(&app, "q=case+compass").await;
    let revision = app
        .state
        .catalog
        .software(&id)
        .await
        .unwrap()
        .unwrap()
        .live_revision_id;
    app.state
        .catalog
        .record_assessment(&commons_catalog::NewAssessment {
            software_id: id.clone(),
            revision_id: revision,
            commit: Some("c".repeat(40)),
            method_version: commons_assess::METHOD_VERSION.into(),
            assessed_at: 1_780_315_200,
            facets: Some(serde_json::json!({"licenseFamily": "network-copyleft",
                "osiApproved": true, "vitality": 81, "securityScore": 6.5, "vulnerabilities": 0})),
            body: serde_json::json!({}),
        })
        .await
        .unwrap();
    commons_app::indexer::catch_up(&app.state.catalog, &app.state.index)
        .await
        .unwrap();
    for lang in LANGUAGES {
        let (_, html) = page(&app, &format!("/software?lang={lang}")).await;
        for facet in [
            "licenseFamily",
            "osiApproved",
            "vitality",
            "securityScore",
            "vulnerabilities",
        ] {
            assert!(
                html.contains(&format!("id=\"facet-{facet}\"")),
                "{lang}: {facet}"
            );
        }
    }
    let (_, html) = page(&app, "/software?lang=en").await;
    let html = html.replace(['\u{2068}', '\u{2069}'], "");
    for label in [
        "Licence family",
        "Network copyleft",
        "Maintenance activity (vitality)",
        "75\u{2013}100",
        "Security practices score",
        "5\u{2013}6",
        "None found",
    ] {
        assert!(html.contains(label), "{label}");
    }
    // Filtering on a band keeps the one assessed entry; sorting puts it first.
    let (_, html) = page(&app, "/software?lang=en&vitality=75-100&sort=vitality").await;
    assert_eq!(html.matches("class=\"card-title\"").count(), 1);
    assert!(html.contains("<option value=\"vitality\" selected"));
    let (_, html) = page(&app, "/software?lang=fr&sort=security").await;
    assert!(html.contains("<option value=\"security\" selected>Pratiques de sécurité"));
    let first = html.split("class=\"card-title\"").nth(1).unwrap();
    assert!(first.contains(&format!("/software/{id}")), "{first}");
}

#[tokio::test]
async fn the_license_guide_is_translated_into_every_language() {
    let app = TestApp::with_demo().await;
    for (lang, title, mit) in [
        (
            "en",
            "Choosing and reusing open-source licenses",
            "MIT: short and permissive.",
        ),
        (
            "fr",
            "Choisir et réutiliser des licences open source",
            "MIT : courte et permissive.",
        ),
        (
            "es",
            "Elegir y reutilizar licencias de código abierto",
            "MIT: breve y permisiva.",
        ),
        (
            "ru",
            "Выбор и повторное использование открытых лицензий",
            "MIT: короткая и разрешительная.",
        ),
        ("zh", "选择和复用开源许可证", "MIT：简短、宽松。"),
        (
            "ar",
            "اختيار تراخيص المصادر المفتوحة وإعادة استخدامها",
            "MIT: ترخيص قصير ومتساهل.",
        ),
    ] {
        let uri = format!("/licenses?lang={lang}");
        let (response, html) = page(&app, &uri).await;
        assert_eq!(response.status(), 200, "{uri}");
        assert!(html.contains(title), "{uri}");
        assert!(html.contains(mit), "{uri}");
        for anchor in [
            "family-permissive",
            "family-network-copyleft",
            "apache-2-0",
            "eupl-1-2",
            "cc0-1-0",
        ] {
            assert!(
                html.contains(&format!("id=\"{anchor}\"")),
                "{uri}: {anchor}"
            );
        }
        // No message id shows instead of a text.
        for leaked in [
            "-summary<",
            "-obligations<",
            "-combine<",
            ">compat-",
            ">family-",
            ">licenses-",
        ] {
            assert!(!html.contains(leaked), "{uri}: {leaked}");
        }
        assert!(
            html.contains("aria-current=\"page\">"),
            "{uri}: the navigation entry"
        );
        assert_no_inline_code(&uri, &html);
    }
}

#[tokio::test]
async fn countries_and_languages_are_named_in_the_readers_language() {
    let app = TestApp::with_demo().await;
    let id = "gitea-health-go-ke-example-digital-health-jamii-reporter";
    for (lang, kenya) in [
        ("en", "Kenya"),
        ("zh", "肯尼亚"),
        ("ar", "كينيا"),
        ("ru", "Кения"),
    ] {
        let (_, html) = page(&app, &format!("/software/{id}?lang={lang}")).await;
        assert!(
            html.contains(&format!("<li>{kenya}</li>")),
            "{lang}: the country named"
        );
        assert!(!html.contains("<li>KE</li>"), "{lang}: no bare code");
        // The country facet of the results names its values too.
        let (_, results) = page(&app, &format!("/software?lang={lang}")).await;
        assert!(results.contains(kenya), "{lang}: the country facet");
    }
}

/// The heading levels of a page, in document order.
fn heading_levels(html: &str) -> Vec<u8> {
    html.match_indices("<h")
        .filter_map(|(at, _)| {
            let level = html.as_bytes().get(at + 2)?;
            let after = html.as_bytes().get(at + 3)?;
            ((b'1'..=b'6').contains(level) && (*after == b'>' || *after == b' '))
                .then_some(level - b'0')
        })
        .collect()
}

/// One `h1`, first, and no level skipped on the way down (h2 → h4 is a skip).
pub fn assert_headings_in_order(html: &str, page: &str) {
    let levels = heading_levels(html);
    assert_eq!(
        levels.first(),
        Some(&1),
        "{page}: the first heading is the h1: {levels:?}"
    );
    assert_eq!(
        levels.iter().filter(|l| **l == 1).count(),
        1,
        "{page}: one h1: {levels:?}"
    );
    for pair in levels.windows(2) {
        assert!(
            pair[1] <= pair[0] + 1,
            "{page}: h{} after h{}: {levels:?}",
            pair[1],
            pair[0]
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_page_has_its_headings_in_order() {
    let app = TestApp::with_demo().await;
    let ids: Vec<String> = app.get_json("/api/v1/software?limit=100").await["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_str().unwrap().to_string())
        .collect();
    let organisation = app.get_json("/api/v1/organisations").await[0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let mut pages: Vec<String> = [
        "/",
        "/software",
        "/software?q=health",
        "/software?q=zzzzqqq",
        "/organisations",
        "/about",
        "/methodology",
        "/status",
        "/licenses",
        "/validate",
        "/duplicates",
        "/no-such-page",
    ]
    .iter()
    .map(|p| p.to_string())
    .collect();
    pages.push(format!("/organisations/{organisation}"));
    pages.extend(ids.iter().map(|id| format!("/software/{id}")));
    for lang in ["en", "ar", "zh"] {
        for page in &pages {
            let separator = if page.contains('?') { '&' } else { '?' };
            let (_, html) = app.get(&format!("{page}{separator}lang={lang}")).await;
            assert_headings_in_order(&String::from_utf8_lossy(&html), &format!("{page} ({lang})"));
        }
    }
}
