//! The authorization matrix: every route of a signed-in person × every role. Allowed is the
//! page (200) or the write done (303 back to the page); a role without the right gets 403;
//! nobody signed in is sent to sign in (a page, 303 to `/login`) or refused with 401 (a form,
//! the API). Every form also needs the session's CSRF token. Sessions are opened in the
//! catalog directly: sign-in itself is tested with a real provider in `signin.rs`.

use crate::support::{TestApp, split};
use axum::body::Body;
use axum::http::Request;
use commons_catalog::{NewPublishRequest, RoleName, Session};
use commons_server::OidcConfig;
use commons_server::auth::{Access, oidc::SignIn};
use std::sync::Arc;
use std::time::Duration;

/// A form's fields.
type Form<'a> = [(&'a str, &'a str)];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Who {
    Anonymous,
    Plain,
    Member,
    CuratorOfUnicef,
    CuratorOfAnother,
    GlobalCurator,
    GrantedAdmin,
    ConfiguredAdmin,
}

const EVERYONE: [Who; 8] = [
    Who::Anonymous,
    Who::Plain,
    Who::Member,
    Who::CuratorOfUnicef,
    Who::CuratorOfAnother,
    Who::GlobalCurator,
    Who::GrantedAdmin,
    Who::ConfiguredAdmin,
];

impl Who {
    fn email(self) -> String {
        format!("{self:?}@example.org").to_lowercase()
    }

    /// The session cookie's value: 43 URL-safe characters, as the server issues.
    fn cookie(self) -> String {
        format!("{:x<43}", format!("{self:?}"))
    }

    fn csrf(self) -> String {
        format!("{:c<43}", format!("{self:?}"))
    }

    fn is_admin(self) -> bool {
        matches!(self, Who::GrantedAdmin | Who::ConfiguredAdmin)
    }

    fn curates_any(self) -> bool {
        matches!(
            self,
            Who::CuratorOfUnicef | Who::CuratorOfAnother | Who::GlobalCurator
        )
    }
}

/// An entry UNICEF publishes.
async fn unicef_entry(catalog: &commons_catalog::Catalog) -> String {
    catalog
        .organisation_software("unicef")
        .await
        .unwrap()
        .into_iter()
        .next()
        .expect("the demo has UNICEF entries")
}

async fn app() -> TestApp {
    let mut app = TestApp::with_demo().await;
    let secret = app.dir().join("oidc-secret");
    std::fs::write(&secret, "s3cret").unwrap();
    // Never contacted: nobody signs in through it here.
    let issuer = "http://127.0.0.1:9";
    let sign_in = SignIn::new(&OidcConfig {
        issuer: issuer.into(),
        client_id: "commons".into(),
        client_secret_file: secret,
        redirect_url: None,
        public_url: Some("http://catalog.test".into()),
    })
    .unwrap();
    app.state.access = Arc::new(Access::new(
        Some(sign_in),
        Some(issuer),
        &[Who::ConfiguredAdmin.email()],
        Duration::from_secs(3600),
        false,
    ));
    let catalog = &app.state.catalog;
    let other = catalog
        .organisation_names()
        .await
        .unwrap()
        .into_iter()
        .map(|(id, _)| id)
        .find(|id| id != "unicef")
        .unwrap();
    let grants = [
        (Who::Member, RoleName::Member, "unicef".to_string()),
        (
            Who::CuratorOfUnicef,
            RoleName::Curator,
            "unicef".to_string(),
        ),
        (Who::CuratorOfAnother, RoleName::Curator, other),
        (Who::GlobalCurator, RoleName::Curator, String::new()),
        (Who::GrantedAdmin, RoleName::Admin, String::new()),
    ];
    for (who, role, scope) in grants {
        catalog
            .grant_role(&who.email(), role, &scope, "test", 1)
            .await
            .unwrap();
    }
    let registry = "- id: unicef\n  name: UNICEF\n  hosting:\n    - url: https://gitlab.example.org/unicef\n      kind: gitlab\n";
    commons_crawler::stored::import(catalog, registry.as_bytes(), "test", 1)
        .await
        .unwrap();
    for who in EVERYONE.into_iter().filter(|w| *w != Who::Anonymous) {
        let session = Session {
            subject: format!("{who:?}"),
            email: who.email(),
            name: format!("{who:?}"),
            csrf: who.csrf(),
            id_token: None,
            created_at: 1,
            expires_at: i64::MAX / 2,
        };
        catalog
            .open_session(&who.cookie(), &session, 1)
            .await
            .unwrap();
    }
    app
}

async fn send(app: &TestApp, who: Who, method: &str, uri: &str, form: &[(&str, &str)]) -> u16 {
    exchange(app, who, method, uri, form).await.0
}

/// A request's status and body.
async fn exchange(
    app: &TestApp,
    who: Who,
    method: &str,
    uri: &str,
    form: &[(&str, &str)],
) -> (u16, String) {
    let mut request = Request::builder().method(method).uri(uri);
    if who != Who::Anonymous {
        request = request.header("cookie", format!("commons_session={}", who.cookie()));
    }
    let body = if method == "POST" {
        request = request.header("content-type", "application/x-www-form-urlencoded");
        let mut encoded = form_urlencoded::Serializer::new(String::new());
        encoded.extend_pairs(form);
        Body::from(encoded.finish())
    } else {
        Body::empty()
    };
    let (response, body) = split(app.send(request.body(body).unwrap()).await).await;
    (
        response.status().as_u16(),
        String::from_utf8_lossy(&body).into_owned(),
    )
}

/// What `who` gets from a page (GET) that `allowed` people may see.
fn page_status(who: Who, allowed: bool) -> u16 {
    match (who, allowed) {
        (Who::Anonymous, _) => 303,
        (_, true) => 200,
        (_, false) => 403,
    }
}

/// What `who` gets from a form (POST) that `allowed` people may send.
fn form_status(who: Who, allowed: bool) -> u16 {
    match (who, allowed) {
        (Who::Anonymous, _) => 401,
        (_, true) => 303,
        (_, false) => 403,
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_route_for_every_role() {
    let app = app().await;
    let catalog = app.state.catalog.clone();
    for who in EVERYONE {
        let csrf = who.csrf();
        let signed_in = who != Who::Anonymous;
        let reviews = who.is_admin() || who.curates_any();
        let decides_unicef =
            who.is_admin() || matches!(who, Who::CuratorOfUnicef | Who::GlobalCurator);
        let curates_unicef = decides_unicef;
        let edits_registry = who.is_admin() || who == Who::GlobalCurator;
        let entry = unicef_entry(&catalog).await;
        let entry_page = format!("/admin/entries/{entry}");
        let declarations_page = format!("/admin/declarations/{entry}");
        let pages = [
            ("/admin", signed_in),
            ("/publish", signed_in),
            ("/admin/roles", who.is_admin()),
            ("/admin/requests", reviews),
            ("/admin/audit", reviews),
            ("/admin/tokens/unicef", who.is_admin() || who == Who::Member),
            (entry_page.as_str(), curates_unicef),
            ("/admin/publishers", reviews),
            ("/admin/publishers/registry.yml", reviews),
            ("/admin/publishers/new", edits_registry),
            ("/admin/publishers/unicef", curates_unicef),
            (declarations_page.as_str(), who == Who::Member),
        ];
        for (path, allowed) in pages {
            assert_eq!(
                send(&app, who, "GET", path, &[]).await,
                page_status(who, allowed),
                "GET {path} as {who:?}"
            );
        }
        let api = match (who, reviews) {
            (Who::Anonymous, _) => 401,
            (_, true) => 200,
            (_, false) => 403,
        };
        assert_eq!(
            send(&app, who, "GET", "/api/v1/audit", &[]).await,
            api,
            "GET /api/v1/audit as {who:?}"
        );

        let publish = [
            ("csrf", csrf.as_str()),
            ("organisation", "Ministry of Health"),
            ("organisation_id", "moh"),
            ("forge_url", "https://git.example.org/moh"),
            ("evidence", "I am its CIO."),
        ];
        let target = "target@example.org";
        let grant = [
            ("csrf", csrf.as_str()),
            ("email", target),
            ("role", "curator"),
            ("organisation", ""),
        ];
        let to_revoke = catalog
            .grant_role(target, RoleName::Member, "unicef", "test", 2)
            .await
            .unwrap();
        let request = catalog
            .request_publishing(
                "someone@example.org",
                &NewPublishRequest {
                    organisation_id: "unicef",
                    organisation: "UNICEF",
                    forge_url: "https://git.example.org/unicef",
                    evidence: "e",
                },
                3,
            )
            .await
            .unwrap();
        let decide = [
            ("csrf", csrf.as_str()),
            ("decision", "refuse"),
            ("reason", "Not now."),
        ];
        let token = catalog
            .issue_token("unicef", Some("matrix"), 5, "test")
            .await
            .unwrap();
        let manages_tokens = who.is_admin() || who == Who::Member;
        let issue = [("csrf", csrf.as_str()), ("label", "CI"), ("days", "30")];
        let csrf_only = [("csrf", csrf.as_str())];
        // (path, form, allowed, the status of a write done)
        let present = [
            ("csrf", csrf.as_str()),
            ("featured", "1"),
            ("superseded_by", ""),
            ("reason", "Widely reused."),
        ];
        let declare = [
            ("csrf", csrf.as_str()),
            ("action", "declare"),
            ("by", "Ana Lima"),
            ("statement", "No personal data is collected."),
        ];
        let writes: [(String, &Form, bool, u16); 8] = [
            (entry_page.clone(), &present, curates_unicef, 303),
            (
                format!("{declarations_page}/dpg-privacy-and-laws"),
                &declare,
                who == Who::Member,
                303,
            ),
            ("/publish".into(), &publish, signed_in, 303),
            ("/admin/roles".into(), &grant, who.is_admin(), 303),
            (
                format!("/admin/roles/{}/revoke", to_revoke.id),
                &csrf_only,
                who.is_admin(),
                303,
            ),
            (
                format!("/admin/requests/{}", request.id),
                &decide,
                decides_unicef,
                303,
            ),
            // Issuing shows the new token on the page itself, once.
            ("/admin/tokens/unicef".into(), &issue, manages_tokens, 200),
            (
                format!("/admin/tokens/unicef/{}/revoke", token.id),
                &csrf_only,
                manages_tokens,
                303,
            ),
        ];
        for (path, form, allowed, done) in writes {
            if allowed {
                // The same form without the session's token is refused first.
                let mut forged: Vec<(&str, &str)> = form.to_vec();
                forged[0].1 = "forged";
                assert_eq!(
                    send(&app, who, "POST", &path, &forged).await,
                    403,
                    "POST {path} as {who:?} without the CSRF token"
                );
            }
            let expected = match form_status(who, allowed) {
                303 => done,
                other => other,
            };
            assert_eq!(
                send(&app, who, "POST", &path, form).await,
                expected,
                "POST {path} as {who:?}"
            );
        }
        registry_writes(&app, who, edits_registry, curates_unicef).await;
        // Clean up what an allowed write left, so the next role starts alike.
        catalog.revoke_role(to_revoke.id, "test", 4).await.unwrap();
    }
}

/// One field of a form.
type FormPair<'a> = (&'a str, &'a str);

fn pairs<'a>(form: &'a [(&'a str, String)]) -> Vec<(&'a str, &'a str)> {
    form.iter().map(|(k, v)| (*k, v.as_str())).collect()
}

/// The registry's forms, each made from the revision in force when it is sent (as a page
/// shown just before would be).
async fn registry_writes(app: &TestApp, who: Who, edits_registry: bool, curates_unicef: bool) {
    let csrf = who.csrf();
    let new_id = format!("moh-{who:?}").to_lowercase();
    let new_url = format!("https://gitlab.example.org/{new_id}");
    let export = "- id: unicef\n  name: UNICEF\n  hosting:\n    - url: https://gitlab.example.org/unicef\n      kind: gitlab\n";
    let writes: [(&str, Vec<FormPair>, bool); 5] = [
        (
            "/admin/publishers/new",
            vec![
                ("id", new_id.as_str()),
                ("name", "Ministry of Health"),
                ("url-0", new_url.as_str()),
                ("kind-0", "gitlab"),
            ],
            edits_registry,
        ),
        (
            "/admin/publishers/unicef",
            vec![
                ("name", "UNICEF"),
                ("url-0", "https://gitlab.example.org/unicef"),
                ("kind-0", "gitlab"),
            ],
            curates_unicef,
        ),
        (
            "/admin/publishers/unicef/suspend",
            vec![("reason", "Moving forge.")],
            curates_unicef,
        ),
        ("/admin/publishers/unicef/resume", vec![], curates_unicef),
        (
            "/admin/publishers/import",
            vec![("registry", export)],
            edits_registry,
        ),
    ];
    for (path, fields, allowed) in writes {
        let from = app
            .state
            .catalog
            .registry_number()
            .await
            .unwrap()
            .to_string();
        let form = |token: &str| {
            let mut form = vec![("csrf", token.to_string()), ("from", from.clone())];
            form.extend(fields.iter().map(|(k, v)| (*k, v.to_string())));
            form
        };
        if allowed {
            let forged = form("forged");
            assert_eq!(
                send(app, who, "POST", path, &pairs(&forged)).await,
                403,
                "POST {path} as {who:?} without the CSRF token"
            );
        }
        let real = form(&csrf);
        assert_eq!(
            send(app, who, "POST", path, &pairs(&real)).await,
            form_status(who, allowed),
            "POST {path} as {who:?}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_sign_in_configured_the_account_pages_do_not_exist() {
    let app = TestApp::with_demo().await;
    for path in ["/admin", "/admin/roles", "/publish", "/login"] {
        let (response, _) = app.get(path).await;
        assert_eq!(response.status(), 404, "{path}");
    }
    let (_, home) = app.get("/").await;
    assert!(!String::from_utf8_lossy(&home).contains("/login"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_member_manages_only_their_own_organisations_tokens() {
    let app = app().await;
    let catalog = app.state.catalog.clone();
    let other = catalog
        .organisation_names()
        .await
        .unwrap()
        .into_iter()
        .map(|(id, _)| id)
        .find(|id| id != "unicef")
        .unwrap();
    let theirs = catalog
        .issue_token(&other, Some("theirs"), 5, "test")
        .await
        .unwrap();
    let csrf = Who::Member.csrf();
    let form = [("csrf", csrf.as_str())];
    // Through their own organisation's address: not one of its tokens.
    let through_own = format!("/admin/tokens/unicef/{}/revoke", theirs.id);
    assert_eq!(
        send(&app, Who::Member, "POST", &through_own, &form).await,
        404
    );
    // Through the other organisation's address: not their organisation.
    let through_other = format!("/admin/tokens/{other}/{}/revoke", theirs.id);
    assert_eq!(
        send(&app, Who::Member, "POST", &through_other, &form).await,
        403
    );
    let live = catalog.authenticate(&theirs.secret, 10).await.unwrap();
    assert!(live.is_some(), "the other organisation's token still works");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_curator_hides_features_and_supersedes_entries_and_readers_see_it() {
    let app = app().await;
    let catalog = app.state.catalog.clone();
    let ids = catalog.organisation_software("unicef").await.unwrap();
    let (old, new) = (ids[0].clone(), ids[1].clone());
    let csrf = Who::CuratorOfUnicef.csrf();
    let post = |id: &str, form: Vec<(&'static str, String)>| {
        let path = format!("/admin/entries/{id}");
        let app = &app;
        async move {
            let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
            send(app, Who::CuratorOfUnicef, "POST", &path, &form).await
        }
    };
    let catch_up = || commons_app::indexer::catch_up(&app.state.catalog, &app.state.index);
    let total = |q: &str| {
        let uri = format!("/api/v1/software?q={q}&limit=1");
        let app = &app;
        async move { app.get_json(&uri).await }
    };
    let name = catalog.software(&old).await.unwrap().unwrap().name;
    let quoted =
        form_urlencoded::byte_serialize(format!("\"{name}\"").as_bytes()).collect::<String>();
    let before = total(&quoted).await["total"].as_u64().unwrap();
    assert!(before >= 1);

    // Superseded and hidden: gone from search and its page, the successor says nothing odd.
    let status = post(
        &old,
        vec![
            ("csrf", csrf.clone()),
            ("hidden", "1".into()),
            ("superseded_by", new.clone()),
            ("reason", "Replaced by the new line.".into()),
        ],
    )
    .await;
    assert_eq!(status, 303);
    catch_up().await.unwrap();
    assert_eq!(total(&quoted).await["total"].as_u64().unwrap(), before - 1);
    let (page, _) = app.get(&format!("/software/{old}")).await;
    assert_eq!(page.status(), 404, "a hidden entry has no public page");

    // Shown again but still superseded: its page points to the successor with the reason.
    let status = post(
        &old,
        vec![
            ("csrf", csrf.clone()),
            ("superseded_by", new.clone()),
            ("reason", "Replaced by the new line.".into()),
        ],
    )
    .await;
    assert_eq!(status, 303);
    catch_up().await.unwrap();
    assert_eq!(total(&quoted).await["total"].as_u64().unwrap(), before);
    let (_, html) = app.get(&format!("/software/{old}")).await;
    let html = String::from_utf8_lossy(&html);
    assert!(
        html.contains(&format!("/software/{new}")) && html.contains("Replaced by the new line.")
    );

    // Featured: on the home page with its reason.
    let status = post(
        &new,
        vec![
            ("csrf", csrf.clone()),
            ("featured", "1".into()),
            ("reason", "Used by twelve country offices.".into()),
        ],
    )
    .await;
    assert_eq!(status, 303);
    let (_, home) = app.get("/").await;
    assert!(String::from_utf8_lossy(&home).contains("Used by twelve country offices."));

    // A reason is required; a successor must exist and not be the entry itself.
    let no_reason = post(&new, vec![("csrf", csrf.clone()), ("reason", " ".into())]).await;
    assert_eq!(no_reason, 400);
    let itself = post(
        &new,
        vec![
            ("csrf", csrf.clone()),
            ("superseded_by", new.clone()),
            ("reason", "x".into()),
        ],
    )
    .await;
    assert_eq!(itself, 404);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_account_pages_have_their_headings_in_order() {
    let app = app().await;
    let entry = unicef_entry(&app.state.catalog).await;
    let pages = [
        "/admin".to_string(),
        "/admin/roles".into(),
        "/admin/requests".into(),
        "/admin/audit".into(),
        "/admin/tokens/unicef".into(),
        format!("/admin/entries/{entry}"),
        "/publish".into(),
        "/admin/publishers".into(),
        "/admin/publishers/new".into(),
        "/admin/publishers/unicef".into(),
    ];
    for page in pages {
        let request = Request::get(&page)
            .header(
                "cookie",
                format!("commons_session={}", Who::ConfiguredAdmin.cookie()),
            )
            .body(Body::empty())
            .unwrap();
        let (response, html) = split(app.send(request).await).await;
        assert_eq!(response.status(), 200, "{page}");
        crate::web::assert_headings_in_order(&String::from_utf8_lossy(&html), &page);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn curators_change_the_registry_and_every_change_is_checked_and_audited() {
    let app = app().await;
    let catalog = app.state.catalog.clone();
    let who = Who::GlobalCurator;
    let csrf = who.csrf();
    let post = |path: &'static str, fields: Vec<(&'static str, String)>| {
        let app = &app;
        let csrf = csrf.clone();
        async move {
            let from = app
                .state
                .catalog
                .registry_number()
                .await
                .unwrap()
                .to_string();
            let mut form = vec![("csrf", csrf), ("from", from)];
            form.extend(fields);
            let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
            exchange(app, who, "POST", path, &form).await
        }
    };
    let moh = |url: &str| {
        vec![
            ("id", "moh".to_string()),
            ("name", "Ministry of Health".to_string()),
            ("url-0", url.to_string()),
            ("kind-0", "gitlab".to_string()),
        ]
    };

    // The registry's checks, in the form's language of problems: the form comes back, filled.
    let (status, page) = post("/admin/publishers/new", moh("ftp://gitlab.example.org/moh")).await;
    assert_eq!(status, 422, "{page}");
    assert!(page.contains("must be http or https"), "{page}");
    assert!(page.contains("value=\"Ministry of Health\""));
    // A hosting another publisher holds is refused.
    let (status, page) = post(
        "/admin/publishers/new",
        moh("https://gitlab.example.org/UNICEF"),
    )
    .await;
    assert_eq!(status, 422);
    assert!(page.contains("already claimed by publisher"), "{page}");
    let (status, _) = post(
        "/admin/publishers/new",
        moh("https://gitlab.example.org/moh"),
    )
    .await;
    assert_eq!(status, 303);

    // A change made from an older revision is refused, not merged over the newer one.
    let stale = [
        ("csrf", csrf.as_str()),
        ("from", "1"),
        ("name", "UNICEF (renamed)"),
        ("url-0", "https://gitlab.example.org/unicef"),
        ("kind-0", "gitlab"),
    ];
    let (status, _) = exchange(&app, who, "POST", "/admin/publishers/unicef", &stale).await;
    assert_eq!(status, 409);

    let (status, _) = post(
        "/admin/publishers/unicef/suspend",
        vec![("reason", "Moving to a new forge.".to_string())],
    )
    .await;
    assert_eq!(status, 303);
    let (status, yaml) = exchange(&app, who, "GET", "/admin/publishers/registry.yml", &[]).await;
    assert_eq!(status, 200);
    let exported = commons_crawler::Registry::parse(yaml.as_bytes()).unwrap();
    let ids: Vec<&str> = exported.publishers.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["unicef", "moh"]);
    assert_eq!(
        exported.publishers[0].suspended.as_deref(),
        Some("Moving to a new forge.")
    );
    assert_eq!(
        exported.publishers[0].name, "UNICEF",
        "the stale rename was not saved"
    );
    let (_, list) = exchange(&app, who, "GET", "/admin/publishers", &[]).await;
    assert!(list.contains("Moving to a new forge."), "{list}");

    // An import that does not pass the checks changes nothing and says where it fails.
    let (status, page) = post(
        "/admin/publishers/import",
        vec![(
            "registry",
            "- id: x\n  name: X\n  hosting: []\n".to_string(),
        )],
    )
    .await;
    assert_eq!(status, 422);
    assert!(page.contains("3:12: error: hosting must be"), "{page}");

    let actions: Vec<String> = catalog
        .audit_entries(&commons_catalog::AuditQuery {
            since: None,
            actor: Some(format!("user:{}", who.email())),
            action: None,
            before_seq: None,
            limit: 100,
        })
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.action)
        .filter(|action| action.starts_with("publisher."))
        .collect();
    assert_eq!(actions, ["publisher.suspend", "publisher.add"]);
    assert!(
        catalog.organisation("moh").await.unwrap().is_some(),
        "an added publisher is an organisation at once"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn accepting_a_request_can_add_its_forge_group_to_the_registry() {
    let app = app().await;
    let catalog = app.state.catalog.clone();
    let request = catalog
        .request_publishing(
            "cio@moh.example.org",
            &NewPublishRequest {
                organisation_id: "moh",
                organisation: "Ministry of Health",
                forge_url: "https://gitlab.example.org/moh/",
                evidence: "I am its CIO.",
            },
            3,
        )
        .await
        .unwrap();
    let who = Who::GlobalCurator;
    let (_, queue) = exchange(&app, who, "GET", "/admin/requests", &[]).await;
    assert!(
        queue.contains("<option value=\"gitlab\" selected>"),
        "the kind is guessed from the host: {queue}"
    );
    let csrf = who.csrf();
    let decide = [
        ("csrf", csrf.as_str()),
        ("decision", "accept"),
        ("reason", "Known ministry."),
        ("kind", "gitlab"),
    ];
    let path = format!("/admin/requests/{}", request.id);
    assert_eq!(send(&app, who, "POST", &path, &decide).await, 303);
    let stored = commons_crawler::stored::load(&catalog).await.unwrap();
    let moh = stored
        .registry
        .publishers
        .iter()
        .find(|p| p.id == "moh")
        .expect("the accepted organisation is in the registry");
    assert_eq!(moh.name, "Ministry of Health");
    assert_eq!(moh.hosting[0].url, "https://gitlab.example.org/moh");
    let audit = catalog
        .audit_entries(&commons_catalog::AuditQuery {
            since: None,
            actor: None,
            action: Some("publisher.add-hosting".into()),
            before_seq: None,
            limit: 10,
        })
        .await
        .unwrap();
    assert_eq!(audit.len(), 1);
    assert_eq!(audit[0].target, "publisher:moh");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_member_declares_in_the_browser_and_the_api_shows_it() {
    let app = app().await;
    let entry = unicef_entry(&app.state.catalog).await;
    let who = Who::Member;
    let csrf = who.csrf();
    let page = format!("/admin/declarations/{entry}");
    let (status, html) = exchange(&app, who, "GET", &page, &[]).await;
    assert_eq!(status, 200);
    crate::web::assert_headings_in_order(&html, &page);
    assert!(
        html.contains("value=\"Member\""),
        "the name is offered as who declares"
    );
    let (_, software_page) = exchange(&app, who, "GET", &format!("/software/{entry}"), &[]).await;
    assert!(software_page.contains(&format!("href=\"/admin/declarations/{entry}")));

    let item = format!("{page}/dpg-do-no-harm");
    // The API's checks: a link that is not http(s) is refused, the form comes back filled.
    let bad = [
        ("csrf", csrf.as_str()),
        ("action", "declare"),
        ("by", "Ana Lima"),
        ("statement", "We assessed the risks."),
        ("url", "javascript:alert(1)"),
    ];
    let (status, html) = exchange(&app, who, "POST", &item, &bad).await;
    assert_eq!(status, 422);
    assert!(html.contains("url must be http or https"), "{html}");
    assert!(html.contains("We assessed the risks."));

    let good = [
        ("csrf", csrf.as_str()),
        ("action", "declare"),
        ("by", "Ana Lima"),
        ("role", "Chief Information Officer"),
        ("statement", "We assessed the risks."),
        ("url", "https://unicef.example/harm.pdf"),
    ];
    assert_eq!(send(&app, who, "POST", &item, &good).await, 303);
    let api = app
        .get_json(&format!("/api/v1/software/{entry}/declarations"))
        .await;
    assert_eq!(api["dpg-do-no-harm"]["by"], "Ana Lima", "{api}");
    assert_eq!(api["dpg-do-no-harm"]["organisation"], "unicef");

    let withdraw = [("csrf", csrf.as_str()), ("action", "withdraw")];
    assert_eq!(send(&app, who, "POST", &item, &withdraw).await, 303);
    let api = app
        .get_json(&format!("/api/v1/software/{entry}/declarations"))
        .await;
    assert!(api.get("dpg-do-no-harm").is_none(), "{api}");
    let actors: Vec<String> = app
        .state
        .catalog
        .audit_entries(&commons_catalog::AuditQuery {
            since: None,
            actor: None,
            action: None,
            before_seq: None,
            limit: 20,
        })
        .await
        .unwrap()
        .into_iter()
        .filter(|e| e.action.starts_with("declaration."))
        .map(|e| format!("{} {}", e.action, e.actor))
        .collect();
    assert_eq!(
        actors,
        [
            "declaration.withdraw user:member@example.org",
            "declaration.put user:member@example.org"
        ]
    );

    // A token of scope `publishing`, issued in the browser.
    let issue = [
        ("csrf", csrf.as_str()),
        ("label", "Release pipeline"),
        ("days", "30"),
        ("scope", "publishing"),
    ];
    let (status, html) = exchange(&app, who, "POST", "/admin/tokens/unicef", &issue).await;
    assert_eq!(status, 200);
    assert!(html.contains("Declarations and publishing"), "{html}");
    let tokens = app
        .state
        .catalog
        .publisher_tokens(Some("unicef"))
        .await
        .unwrap();
    let newest = tokens.last().unwrap();
    assert_eq!(
        (newest.label.as_deref(), newest.scope),
        (
            Some("Release pipeline"),
            commons_catalog::TokenScope::Publishing
        )
    );
    let odd = [("csrf", csrf.as_str()), ("days", "30"), ("scope", "admin")];
    assert_eq!(
        send(&app, who, "POST", "/admin/tokens/unicef", &odd).await,
        400
    );
}
