//! Sign-in with a real OpenID Connect provider (panva's `oidc-provider`, started from
//! `tests/oidc/provider.mjs` on loopback), roles and curation through real HTTP, and the
//! authorization matrix: every route of a signed-in person × every role.
//!
//! The provider's packages are installed by `scripts/test.sh` (`npm ci` in `tests/oidc`).
//! Tampering tests put a proxy between the catalog and the provider that changes the token
//! endpoint's answer: a flipped signature, or a genuine ID token of another sign-in (another
//! nonce).

use commons_server::{OidcConfig, ServeConfig, Server};
use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::Duration;

const CLIENT_SECRET: &str = "test-client-secret-not-a-real-one";

/// A port nobody listens on right now.
fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// The provider process, stopped when dropped.
struct Provider {
    child: Child,
    issuer: String,
}

impl Drop for Provider {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn provider_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/oidc")
}

/// Starts the provider on `port`, naming itself `issuer` (another address when a proxy
/// stands in front), for the catalog at `catalog`.
fn start_provider(port: u16, issuer: &str, catalog: SocketAddr) -> Provider {
    let dir = provider_dir();
    assert!(
        dir.join("node_modules/oidc-provider").is_dir(),
        "the test OpenID provider is not installed: run `npm ci` in {} (scripts/test.sh does)",
        dir.display()
    );
    let mut child = Command::new("node")
        .arg("provider.mjs")
        .current_dir(&dir)
        .env("PORT", port.to_string())
        .env("ISSUER", issuer)
        .env("CLIENT_ID", "commons")
        .env("CLIENT_SECRET", CLIENT_SECRET)
        .env("REDIRECT_URIS", format!("http://{catalog}/auth/callback"))
        .env("POST_LOGOUT_REDIRECT_URIS", format!("http://{catalog}/"))
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("node runs");
    let stdout = child.stdout.take().unwrap();
    let mut line = String::new();
    BufReader::new(stdout).read_line(&mut line).unwrap();
    assert!(line.starts_with("ready "), "the provider said {line:?}");
    Provider {
        child,
        issuer: issuer.to_string(),
    }
}

/// A catalog server with sign-in against `issuer`; `admins` by configuration.
async fn start_catalog(
    address: SocketAddr,
    issuer: &str,
    admins: &[&str],
    session_lifetime: Duration,
    dir: &Path,
) -> Running {
    let secret = dir.join("oidc-secret");
    std::fs::write(&secret, format!("{CLIENT_SECRET}\n")).unwrap();
    let config = ServeConfig {
        listen: address,
        data_dir: dir.join("data"),
        oidc: Some(OidcConfig {
            issuer: issuer.to_string(),
            client_id: "commons".into(),
            client_secret_file: secret,
            redirect_url: None,
            public_url: Some(format!("http://{address}")),
        }),
        admins: admins.iter().map(|a| a.to_string()).collect(),
        session_lifetime,
        ..ServeConfig::default()
    };
    let (server, _) = Server::start(config).await.unwrap();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let serving = tokio::spawn(server.serve(async move {
        let _ = stopped.await;
    }));
    Running { stop, serving }
}

/// A catalog server started by [`start_catalog`]: it serves until `stop` is sent or dropped.
struct Running {
    stop: tokio::sync::oneshot::Sender<()>,
    serving: tokio::task::JoinHandle<Result<(), commons_server::ServerError>>,
}

/// A browser: keeps cookies, follows no redirect by itself.
fn browser() -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

fn location(response: &reqwest::Response) -> String {
    response
        .headers()
        .get("location")
        .unwrap_or_else(|| panic!("no Location in a {} answer", response.status()))
        .to_str()
        .unwrap()
        .to_string()
}

/// Goes from the catalog's `/login` through the provider's login form to the catalog's
/// callback URL, which it returns without visiting it.
async fn through_provider(browser: &reqwest::Client, catalog: SocketAddr, email: &str) -> String {
    let login = browser
        .get(format!("http://{catalog}/login?return_to=/admin"))
        .send()
        .await
        .unwrap();
    assert_eq!(login.status(), 303);
    let authorize = location(&login);
    let to_form = browser.get(&authorize).send().await.unwrap();
    assert_eq!(to_form.status(), 303, "{authorize}");
    let form_url = location(&to_form);
    let form = browser.get(&form_url).send().await.unwrap();
    assert_eq!(form.status(), 200);
    let signed = browser
        .post(format!("{form_url}/login"))
        .form(&[("email", email), ("name", "Ana Lima")])
        .send()
        .await
        .unwrap();
    assert_eq!(signed.status(), 303);
    let resume = browser.get(location(&signed)).send().await.unwrap();
    assert_eq!(resume.status(), 303);
    let callback = location(&resume);
    assert!(
        callback.starts_with(&format!("http://{catalog}/auth/callback?")),
        "{callback}"
    );
    callback
}

/// Signs in as `email`; returns the browser, signed in.
async fn sign_in(catalog: SocketAddr, email: &str) -> reqwest::Client {
    let browser = browser();
    let callback = through_provider(&browser, catalog, email).await;
    let back = browser.get(&callback).send().await.unwrap();
    assert_eq!(back.status(), 303, "{}", back.text().await.unwrap());
    assert_eq!(location(&back), "/admin");
    browser
}

async fn page(browser: &reqwest::Client, url: String) -> (u16, String) {
    let response = browser.get(url).send().await.unwrap();
    let status = response.status().as_u16();
    (status, response.text().await.unwrap())
}

/// The CSRF token in a page's sign-out form.
fn csrf_of(html: &str) -> String {
    let at = html
        .find("name=\"csrf\" value=\"")
        .expect("a form with a CSRF token");
    let rest = &html[at + "name=\"csrf\" value=\"".len()..];
    rest[..rest.find('"').unwrap()].to_string()
}

struct Setup {
    catalog: SocketAddr,
    _provider: Provider,
    _stop: Running,
    _dir: tempfile::TempDir,
}

async fn setup(admins: &[&str], lifetime: Duration) -> Setup {
    let dir = tempfile::tempdir().unwrap();
    let catalog: SocketAddr = format!("127.0.0.1:{}", free_port()).parse().unwrap();
    let port = free_port();
    let provider = start_provider(port, &format!("http://127.0.0.1:{port}"), catalog);
    let stop = start_catalog(catalog, &provider.issuer, admins, lifetime, dir.path()).await;
    Setup {
        catalog,
        _provider: provider,
        _stop: stop,
        _dir: dir,
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_admin_grants_a_curator_who_accepts_a_request_every_step_audited() {
    let s = setup(&["root@example.org"], Duration::from_secs(3600)).await;
    let c = s.catalog;

    // Nobody signed in: the header offers sign-in, the account redirects to it.
    let anonymous = browser();
    let (_, home) = page(&anonymous, format!("http://{c}/")).await;
    assert!(home.contains("/login?return_to="), "sign-in offered");
    let to_login = anonymous
        .get(format!("http://{c}/admin"))
        .send()
        .await
        .unwrap();
    assert_eq!(to_login.status(), 303);
    assert!(location(&to_login).starts_with("/login?return_to=%2Fadmin"));

    // A plain user asks to publish.
    let ana = sign_in(c, "Ana@Example.org").await;
    let (status, account) = page(&ana, format!("http://{c}/admin")).await;
    assert_eq!(status, 200);
    assert!(account.contains("Ana Lima") && account.contains("ana@example.org"));
    let (status, _) = page(&ana, format!("http://{c}/admin/requests")).await;
    assert_eq!(status, 403, "a plain user does not review");
    let (_, publish) = page(&ana, format!("http://{c}/publish")).await;
    let asked = ana
        .post(format!("http://{c}/publish"))
        .form(&[
            ("csrf", csrf_of(&publish).as_str()),
            ("organisation", "World Food Programme"),
            ("organisation_id", "wfp"),
            ("forge_url", "https://gitlab.example.org/wfp"),
            ("evidence", "I run WFP's open source office."),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(asked.status(), 303);

    // The administrator (by configuration) grants a curator.
    let root = sign_in(c, "root@example.org").await;
    let (status, roles) = page(&root, format!("http://{c}/admin/roles")).await;
    assert_eq!(status, 200);
    let granted = root
        .post(format!("http://{c}/admin/roles"))
        .form(&[
            ("csrf", csrf_of(&roles).as_str()),
            ("email", "cura@example.org"),
            ("role", "curator"),
            ("organisation", ""),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(granted.status(), 303);

    // The curator accepts the request, with a reason.
    let cura = sign_in(c, "cura@example.org").await;
    let (status, queue) = page(&cura, format!("http://{c}/admin/requests")).await;
    assert_eq!(status, 200);
    assert!(queue.contains("World Food Programme"));
    let (status, _) = page(&cura, format!("http://{c}/admin/roles")).await;
    assert_eq!(status, 403, "a curator does not manage roles");
    let accepted = cura
        .post(format!("http://{c}/admin/requests/1"))
        .form(&[
            ("csrf", csrf_of(&queue).as_str()),
            ("decision", "accept"),
            ("reason", "Known office."),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(accepted.status(), 303);
    let (_, mine) = page(&ana, format!("http://{c}/publish")).await;
    assert!(
        mine.contains("Known office."),
        "the requester sees the reason"
    );
    let (_, account) = page(&ana, format!("http://{c}/admin")).await;
    assert!(
        account.contains("/organisations/wfp"),
        "ana is now a member of wfp"
    );

    // As a member, she issues her organisation's API token in the browser: shown once.
    let (status, tokens) = page(&ana, format!("http://{c}/admin/tokens/wfp")).await;
    assert_eq!(status, 200);
    let issued = ana
        .post(format!("http://{c}/admin/tokens/wfp"))
        .form(&[
            ("csrf", csrf_of(&tokens).as_str()),
            ("label", "CI"),
            ("days", "30"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(issued.status(), 200);
    let issued = issued.text().await.unwrap();
    let at = issued.find("cmn_").expect("the new token is shown");
    let secret: String = issued[at..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
        .collect();
    let (_, again) = page(&ana, format!("http://{c}/admin/tokens/wfp")).await;
    assert!(!again.contains(&secret), "shown only once");

    // Every step is in the audit log, which the curator may read.
    let log: serde_json::Value = cura
        .get(format!("http://{c}/api/v1/audit?limit=100"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let actions: Vec<(&str, &str)> = log["entries"]
        .as_array()
        .unwrap()
        .iter()
        .rev()
        .map(|e| (e["actor"].as_str().unwrap(), e["action"].as_str().unwrap()))
        .collect();
    assert_eq!(
        actions,
        [
            ("user:ana@example.org", "session.open"),
            ("user:ana@example.org", "request.create"),
            ("user:root@example.org", "session.open"),
            ("user:root@example.org", "role.grant"),
            ("user:cura@example.org", "session.open"),
            ("user:cura@example.org", "request.decide"),
            ("user:cura@example.org", "organisation.create"),
            ("user:cura@example.org", "role.grant"),
            ("user:ana@example.org", "token.issue"),
        ]
    );
    let (status, _) = page(&ana, format!("http://{c}/api/v1/audit")).await;
    assert_eq!(status, 403, "a member does not read the log");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn signing_out_ends_the_session_here_and_goes_on_to_the_providers_logout() {
    let s = setup(&[], Duration::from_secs(3600)).await;
    let c = s.catalog;
    let ana = sign_in(c, "ana@example.org").await;
    let home = ana.get(format!("http://{c}/")).send().await.unwrap();
    assert_eq!(
        home.headers()["cache-control"],
        "private, no-store",
        "a page naming someone is never stored by a shared cache"
    );
    let home = home.text().await.unwrap();
    assert!(
        home.contains("Ana Lima"),
        "the header shows who is signed in"
    );
    let at = home.find("href=\"/assets/app.").unwrap() + "href=\"".len();
    let asset = &home[at..at + home[at..].find('"').unwrap()];
    let asset = ana.get(format!("http://{c}{asset}")).send().await.unwrap();
    assert_eq!(
        asset.headers()["cache-control"],
        "public, max-age=31536000, immutable",
        "assets stay cacheable for someone signed in"
    );
    let forged = ana
        .post(format!("http://{c}/logout"))
        .form(&[("csrf", "not-the-token")])
        .send()
        .await
        .unwrap();
    assert_eq!(forged.status(), 403, "a sign-out without the form's token");
    let out = ana
        .post(format!("http://{c}/logout"))
        .form(&[("csrf", csrf_of(&home).as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(out.status(), 303);
    let next = location(&out);
    assert!(next.contains("/session/end?"), "{next}");
    assert!(next.contains("id_token_hint="), "{next}");
    let after = ana.get(format!("http://{c}/admin")).send().await.unwrap();
    assert_eq!(after.status(), 303, "signed out");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_state_works_once_and_only_in_the_browser_that_started_it() {
    let s = setup(&[], Duration::from_secs(3600)).await;
    let c = s.catalog;
    let browser = browser();
    let callback = through_provider(&browser, c, "ana@example.org").await;

    // Another browser (an attacker's link) cannot complete it.
    let (status, body) = page(&reqwest::Client::new(), callback.clone()).await;
    assert_eq!(status, 400);
    assert!(body.contains("not started in this browser"), "{body}");

    let state = url::Url::parse(&callback)
        .unwrap()
        .query_pairs()
        .find(|(k, _)| k == "state")
        .unwrap()
        .1
        .to_string();
    let first = browser.get(&callback).send().await.unwrap();
    assert_eq!(first.status(), 303);
    // Replayed, with the login cookie put back by hand.
    let replay = reqwest::Client::new()
        .get(&callback)
        .header("cookie", format!("commons_login={state}"))
        .send()
        .await
        .unwrap();
    assert_eq!(replay.status(), 400);
    assert!(replay.text().await.unwrap().contains("used already"));

    // An answer naming another issuer is refused before anything else is looked at.
    let mut mixed_up = url::Url::parse(&callback).unwrap();
    let pairs: Vec<(String, String)> = mixed_up
        .query_pairs()
        .filter(|(k, _)| k != "iss")
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    mixed_up
        .query_pairs_mut()
        .clear()
        .extend_pairs(pairs)
        .append_pair("iss", "https://evil.example");
    let mixed_up = reqwest::Client::new()
        .get(mixed_up.as_str())
        .header("cookie", format!("commons_login={state}"))
        .send()
        .await
        .unwrap();
    let status = mixed_up.status();
    let body = mixed_up.text().await.unwrap();
    assert_eq!(status, 400);
    assert!(body.contains("another issuer"), "{body}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_expired_session_signs_nobody_in() {
    let s = setup(&[], Duration::from_secs(2)).await;
    let c = s.catalog;
    let ana = sign_in(c, "ana@example.org").await;
    let (status, _) = page(&ana, format!("http://{c}/admin")).await;
    assert_eq!(status, 200);
    tokio::time::sleep(Duration::from_millis(3100)).await;
    let after = ana.get(format!("http://{c}/admin")).send().await.unwrap();
    assert_eq!(after.status(), 303, "expired: back to sign-in");
    let (status, _) = page(&ana, format!("http://{c}/api/v1/audit")).await;
    assert_eq!(status, 401, "expired: anonymous to the API");
}

/// What the proxy does to the token endpoint's answer.
#[derive(Clone)]
enum Tamper {
    Nothing,
    FlipSignature,
    ReplaceIdToken(String),
}

/// A proxy at `listen` in front of the provider at `upstream`, changing `/token`'s answers.
async fn start_proxy(listen: SocketAddr, upstream: SocketAddr, mode: Arc<Mutex<Tamper>>) {
    use axum::body::{Body, Bytes};
    use axum::extract::Request;
    use axum::response::Response;
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let app = axum::Router::new().fallback(move |request: Request| {
        let client = client.clone();
        let mode = Arc::clone(&mode);
        async move {
            let (parts, body) = request.into_parts();
            let body: Bytes = axum::body::to_bytes(body, 1 << 20).await.unwrap();
            let url = format!("http://{upstream}{}", parts.uri);
            let mut forward = client.request(parts.method.clone(), url).body(body);
            for (name, value) in &parts.headers {
                forward = forward.header(name, value);
            }
            let answer = forward.send().await.unwrap();
            let mut response = Response::builder().status(answer.status());
            for (name, value) in answer.headers() {
                if name != "content-length" {
                    response = response.header(name, value);
                }
            }
            let mut bytes = answer.bytes().await.unwrap().to_vec();
            if parts.uri.path() == "/token" {
                let mut json: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
                if let Some(token) = json["id_token"].as_str().map(str::to_string) {
                    let changed = match mode.lock().unwrap().clone() {
                        Tamper::Nothing => token,
                        Tamper::FlipSignature => {
                            let (head, signature) = token.rsplit_once('.').unwrap();
                            let mut signature: Vec<u8> = signature.bytes().collect();
                            signature[10] = if signature[10] == b'A' { b'B' } else { b'A' };
                            format!("{head}.{}", String::from_utf8(signature).unwrap())
                        }
                        Tamper::ReplaceIdToken(other) => other,
                    };
                    json["id_token"] = serde_json::Value::String(changed);
                }
                bytes = serde_json::to_vec(&json).unwrap();
            }
            response.body(Body::from(bytes)).unwrap()
        }
    });
    let listener = tokio::net::TcpListener::bind(listen).await.unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
}

/// A genuine ID token of the provider for the catalog's client, but of a sign-in the test
/// made itself, with its own nonce.
async fn id_token_with_nonce(issuer: &str, catalog: SocketAddr, nonce: &str) -> String {
    let browser = browser();
    let redirect = format!("http://{catalog}/auth/callback");
    let verifier = "a-verifier-of-the-test-that-is-long-enough-for-pkce-0123456789";
    let challenge = {
        use base64::Engine;
        use sha2::Digest;
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(sha2::Sha256::digest(verifier))
    };
    let mut authorize = url::Url::parse(&format!("{issuer}/auth")).unwrap();
    authorize
        .query_pairs_mut()
        .append_pair("client_id", "commons")
        .append_pair("redirect_uri", &redirect)
        .append_pair("response_type", "code")
        .append_pair("scope", "openid email profile")
        .append_pair("state", "test-state")
        .append_pair("nonce", nonce)
        .append_pair("code_challenge", &challenge)
        .append_pair("code_challenge_method", "S256");
    let to_form = browser.get(authorize.as_str()).send().await.unwrap();
    let form_url = location(&to_form);
    let signed = browser
        .post(format!("{form_url}/login"))
        .form(&[("email", "ana@example.org"), ("name", "Ana")])
        .send()
        .await
        .unwrap();
    let resume = browser.get(location(&signed)).send().await.unwrap();
    let back = url::Url::parse(&location(&resume)).unwrap();
    let code = back
        .query_pairs()
        .find(|(k, _)| k == "code")
        .unwrap()
        .1
        .to_string();
    let tokens: serde_json::Value = reqwest::Client::new()
        .post(format!("{issuer}/token"))
        .basic_auth("commons", Some(CLIENT_SECRET))
        .form(&[
            ("grant_type", "authorization_code"),
            ("code", code.as_str()),
            ("redirect_uri", redirect.as_str()),
            ("code_verifier", verifier),
        ])
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    tokens["id_token"].as_str().unwrap().to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_tampered_id_token_or_another_sign_ins_nonce_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let catalog: SocketAddr = format!("127.0.0.1:{}", free_port()).parse().unwrap();
    let proxy: SocketAddr = format!("127.0.0.1:{}", free_port()).parse().unwrap();
    let provider_port = free_port();
    let issuer = format!("http://{proxy}");
    let _provider = start_provider(provider_port, &issuer, catalog);
    let mode = Arc::new(Mutex::new(Tamper::Nothing));
    start_proxy(
        proxy,
        format!("127.0.0.1:{provider_port}").parse().unwrap(),
        Arc::clone(&mode),
    )
    .await;
    let _stop = start_catalog(catalog, &issuer, &[], Duration::from_secs(3600), dir.path()).await;

    // Through the proxy, untouched: the sign-in works.
    sign_in(catalog, "ana@example.org").await;

    *mode.lock().unwrap() = Tamper::FlipSignature;
    let browser = browser();
    let callback = through_provider(&browser, catalog, "ana@example.org").await;
    let (status, body) = page(&browser, callback).await;
    assert_eq!(status, 400);
    assert!(body.to_lowercase().contains("signature"), "{body}");

    *mode.lock().unwrap() = Tamper::Nothing;
    let other = id_token_with_nonce(&issuer, catalog, "the-test's-own-nonce").await;
    *mode.lock().unwrap() = Tamper::ReplaceIdToken(other);
    let browser = self::browser();
    let callback = through_provider(&browser, catalog, "ana@example.org").await;
    let (status, body) = page(&browser, callback).await;
    assert_eq!(status, 400);
    assert!(body.to_lowercase().contains("nonce"), "{body}");
    let (status, _) = page(&browser, format!("http://{catalog}/admin")).await;
    assert_ne!(status, 200, "nobody signed in");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_session_outlives_a_restart_of_the_server() {
    let dir = tempfile::tempdir().unwrap();
    let catalog: SocketAddr = format!("127.0.0.1:{}", free_port()).parse().unwrap();
    let port = free_port();
    let provider = start_provider(port, &format!("http://127.0.0.1:{port}"), catalog);
    let lifetime = Duration::from_secs(3600);
    let stop = start_catalog(catalog, &provider.issuer, &[], lifetime, dir.path()).await;
    let ana = sign_in(catalog, "ana@example.org").await;
    // Stopped means stopped whole: the listener closed, the index follower ended and the
    // index's lock released (the listener closes first, so waiting for it alone races).
    stop.stop.send(()).unwrap();
    stop.serving.await.unwrap().unwrap();
    let _stop = start_catalog(catalog, &provider.issuer, &[], lifetime, dir.path()).await;
    let (status, account) = page(&ana, format!("http://{catalog}/admin")).await;
    assert_eq!(status, 200);
    assert!(account.contains("ana@example.org"));
}
