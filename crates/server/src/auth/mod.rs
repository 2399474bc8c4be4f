//! Who is asking, and whether they may.
//!
//! - [`identify`] (a middleware on every route) turns the session cookie into a [`Visitor`]:
//!   anonymous, or a [`Viewer`] with the roles the catalog and the configuration give them.
//! - [`authorize`] is the one function that decides every action of a signed-in person; it
//!   denies by default, and its answers map to 401 (sign in first) or 403.
//! - [`oidc`] signs people in with the operator's OpenID Connect provider; `routes` holds
//!   `/login`, `/auth/callback` and `/logout`.
//!
//! Publishers' API tokens are checked where they are used (`api/declarations.rs`): a token
//! speaks for its organisation only, and is not a person.

pub mod oidc;
pub mod routes;

use crate::state::AppState;
use axum::extract::{FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;
use commons_catalog::{RoleGrant, RoleName};
use std::sync::Arc;
use std::time::Duration;

/// The session cookie's name over plain HTTP.
pub const SESSION_COOKIE: &str = "commons_session";
/// The session cookie's name behind HTTPS: the `__Host-` prefix makes browsers refuse it
/// unless it is `Secure`, for this host only, on path `/`.
pub const SECURE_SESSION_COOKIE: &str = "__Host-commons_session";
/// The cookie that ties a sign-in's return to the browser that started it.
pub const LOGIN_COOKIE: &str = "commons_login";

/// How the catalog signs people in and who it makes administrator.
pub struct Access {
    /// The OpenID Connect relying party, when `[oidc]` is configured.
    pub sign_in: Option<oidc::SignIn>,
    /// The verified e-mail addresses made administrators by configuration, lower-case.
    admins: Vec<String>,
    /// How long a sign-in lasts.
    pub session_lifetime: Duration,
    /// Cookies are `Secure` (the server is reached over HTTPS).
    pub https: bool,
    /// Days a token issued in the browser lasts by default, and at most.
    pub token_days: (u32, u32),
    /// The Content-Security-Policy: the default, with the provider's origin as a form target
    /// (signing out is a form whose answer goes on to the provider's logout).
    pub content_security_policy: HeaderValue,
}

impl Access {
    /// No sign-in: the catalog is read-only in the browser.
    pub fn none() -> Access {
        Access {
            sign_in: None,
            admins: Vec::new(),
            session_lifetime: Duration::from_secs(8 * 3600),
            https: false,
            token_days: (90, 365),
            content_security_policy: HeaderValue::from_static(
                crate::middleware::CONTENT_SECURITY_POLICY,
            ),
        }
    }

    /// Sign-in with `sign_in` (when given), `admins` made administrators.
    pub fn new(
        sign_in: Option<oidc::SignIn>,
        issuer: Option<&str>,
        admins: &[String],
        session_lifetime: Duration,
        https: bool,
    ) -> Access {
        let origin = issuer
            .and_then(|i| url::Url::parse(i).ok())
            .map(|u| u.origin().ascii_serialization())
            .filter(|o| o != "null");
        let policy = match origin {
            Some(origin) => crate::middleware::CONTENT_SECURITY_POLICY.replace(
                "form-action 'self'",
                &format!("form-action 'self' {origin}"),
            ),
            None => crate::middleware::CONTENT_SECURITY_POLICY.to_string(),
        };
        Access {
            sign_in,
            admins: admins.iter().map(|a| a.to_lowercase()).collect(),
            session_lifetime,
            https,
            token_days: (90, 365),
            content_security_policy: HeaderValue::from_str(&policy).unwrap_or_else(|_| {
                HeaderValue::from_static(crate::middleware::CONTENT_SECURITY_POLICY)
            }),
        }
    }

    /// The session cookie's name.
    pub fn session_cookie(&self) -> &'static str {
        if self.https {
            SECURE_SESSION_COOKIE
        } else {
            SESSION_COOKIE
        }
    }

    /// The administrators by configuration.
    pub fn configured_admins(&self) -> &[String] {
        &self.admins
    }

    /// Whether configuration makes `email` an administrator.
    pub fn configured_admin(&self, email: &str) -> bool {
        self.admins.iter().any(|a| a == email)
    }
}

/// A person signed in, with their roles.
#[derive(Debug, Clone)]
pub struct Viewer {
    /// The provider's subject identifier.
    pub subject: String,
    /// The verified e-mail address, lower-case.
    pub email: String,
    /// The name to show.
    pub name: String,
    /// The token this session's forms carry.
    pub csrf: String,
    /// The roles the catalog gives them.
    pub grants: Vec<RoleGrant>,
    /// Configuration makes them administrator.
    pub configured_admin: bool,
}

impl Viewer {
    /// Administrator, by configuration or grant.
    pub fn is_admin(&self) -> bool {
        self.configured_admin || self.grants.iter().any(|g| g.role == RoleName::Admin)
    }

    /// Curator of `organisation` (a global curator curates every one).
    pub fn curates(&self, organisation: &str) -> bool {
        self.grants
            .iter()
            .any(|g| g.role == RoleName::Curator && (g.scope.is_empty() || g.scope == organisation))
    }

    /// Curator of at least one organisation.
    pub fn curates_any(&self) -> bool {
        self.grants.iter().any(|g| g.role == RoleName::Curator)
    }

    /// Member of `organisation`.
    pub fn member_of(&self, organisation: &str) -> bool {
        self.grants
            .iter()
            .any(|g| g.role == RoleName::Member && g.scope == organisation)
    }

    /// The audit log's name for them.
    pub fn actor(&self) -> String {
        commons_catalog::person_actor(&self.email)
    }
}

/// Whoever sent a request.
#[derive(Debug, Clone, Default)]
pub struct Visitor {
    /// The person signed in, if any.
    pub viewer: Option<Arc<Viewer>>,
    /// Whether this catalog offers sign-in.
    pub sign_in: bool,
}

impl<S: Send + Sync> FromRequestParts<S> for Visitor {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        Ok(parts
            .extensions
            .get::<Visitor>()
            .cloned()
            .unwrap_or_default())
    }
}

/// Everything a signed-in person may ask to do. Reading the public catalog is not here: it
/// needs nobody.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action<'a> {
    /// See their own page under `/admin`.
    SeeOwnAccount,
    /// Ask that an organisation be catalogued.
    RequestPublishing,
    /// Hide, feature or mark as superseded an entry of `organisation` (`None`: an entry no
    /// organisation publishes).
    CurateEntry {
        /// The entry's organisation.
        organisation: Option<&'a str>,
    },
    /// Issue, list and revoke the API tokens of `organisation`.
    ManageTokens {
        /// The organisation the tokens speak for.
        organisation: &'a str,
    },
    /// See who holds which role; give and take back roles.
    ManageRoles,
    /// Read the queue of requests to publish.
    ReviewRequests,
    /// Accept or refuse a request for `organisation`.
    DecideRequest {
        /// The organisation asked for.
        organisation: &'a str,
    },
    /// Read the audit log.
    ReadAudit,
    /// Declare, and withdraw declarations, about the entries `organisation` publishes (what an
    /// assessment cannot detect): its members, as its API tokens do.
    Declare {
        /// The entries' organisation.
        organisation: &'a str,
    },
    /// Read the publishers registry (and export it).
    ReadRegistry,
    /// Change the publishers registry: publisher `organisation` (edit, suspend, resume), or
    /// with `None` the whole of it (add a publisher, import a file).
    EditRegistry {
        /// The publisher changed, when one is.
        organisation: Option<&'a str>,
    },
}

/// Why an action is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Denied {
    /// Nobody is signed in: 401, or a redirect to sign in.
    SignInFirst,
    /// Signed in, without the role: 403.
    Forbidden,
}

/// Decides whether `viewer` may do `action`. Deny by default: every action names who may.
pub fn authorize(viewer: Option<&Viewer>, action: Action<'_>) -> Result<(), Denied> {
    let Some(viewer) = viewer else {
        return Err(Denied::SignInFirst);
    };
    let allowed = match action {
        Action::SeeOwnAccount | Action::RequestPublishing => true,
        Action::ManageRoles => viewer.is_admin(),
        // A declaration is the publisher's word: its members alone give it.
        Action::Declare { organisation } => viewer.member_of(organisation),
        Action::ReviewRequests | Action::ReadAudit | Action::ReadRegistry => {
            viewer.is_admin() || viewer.curates_any()
        }
        Action::EditRegistry { organisation } => {
            viewer.is_admin() || viewer.curates(organisation.unwrap_or_default())
        }
        Action::DecideRequest { organisation } => viewer.is_admin() || viewer.curates(organisation),
        Action::ManageTokens { organisation } => {
            viewer.is_admin() || viewer.member_of(organisation)
        }
        // A global curator's scope is empty, so `curates("")` is true for them alone.
        Action::CurateEntry { organisation } => {
            viewer.is_admin() || viewer.curates(organisation.unwrap_or_default())
        }
    };
    if allowed {
        Ok(())
    } else {
        Err(Denied::Forbidden)
    }
}

/// The value of cookie `name` in a request's `Cookie` headers.
pub fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value)
}

/// Seconds since the epoch.
pub fn now() -> i64 {
    jiff::Timestamp::now().as_second()
}

/// Finds who sent the request from its session cookie (one indexed lookup, only when the
/// cookie is there). Pages for a signed-in person are private to them: never stored.
pub async fn identify(State(state): State<AppState>, mut request: Request, next: Next) -> Response {
    let access = &state.access;
    let mut visitor = Visitor {
        viewer: None,
        sign_in: access.sign_in.is_some(),
    };
    // Assets are the same for everyone and cached for a year: no lookup, no private mark.
    let personal = !request.uri().path().starts_with("/assets/");
    if let Some(token) = cookie(request.headers(), access.session_cookie()).filter(|_| personal) {
        match viewer_of(&state, token).await {
            Ok(viewer) => visitor.viewer = viewer.map(Arc::new),
            Err(error) => tracing::error!(%error, "session lookup failed"),
        }
    }
    let signed_in = visitor.viewer.is_some();
    request.extensions_mut().insert(visitor);
    let mut response = next.run(request).await;
    // Pages name the person (the header) and carry their CSRF token.
    let page = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|t| t.as_bytes().starts_with(b"text/html"));
    if signed_in && page {
        response.headers_mut().insert(
            header::CACHE_CONTROL,
            HeaderValue::from_static("private, no-store"),
        );
    }
    response
}

async fn viewer_of(
    state: &AppState,
    token: &str,
) -> Result<Option<Viewer>, commons_catalog::CatalogError> {
    // A cookie of the wrong shape is not looked up.
    if token.len() != 43
        || !token
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    {
        return Ok(None);
    }
    let Some(session) = state.catalog.session(token, now()).await? else {
        return Ok(None);
    };
    let grants = state.catalog.grants_of(&session.email).await?;
    Ok(Some(Viewer {
        configured_admin: state.access.configured_admin(&session.email),
        subject: session.subject,
        email: session.email,
        name: session.name,
        csrf: session.csrf,
        grants,
    }))
}

/// 32 bytes from the operating system's CSPRNG, URL-safe base64 (43 characters).
pub fn random_token() -> Result<String, getrandom::Error> {
    use base64::Engine;
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes)?;
    Ok(base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes))
}

/// Whether a form's `csrf` field is the session's (compared in constant time).
pub fn csrf_matches(viewer: &Viewer, submitted: &str) -> bool {
    use subtle::ConstantTimeEq;
    viewer.csrf.len() == submitted.len()
        && bool::from(viewer.csrf.as_bytes().ct_eq(submitted.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn viewer(grants: &[(RoleName, &str)], configured_admin: bool) -> Viewer {
        Viewer {
            subject: "s".into(),
            email: "p@example.org".into(),
            name: "P".into(),
            csrf: "x".into(),
            grants: grants
                .iter()
                .enumerate()
                .map(|(i, (role, scope))| RoleGrant {
                    id: i as i64,
                    email: "p@example.org".into(),
                    role: *role,
                    scope: scope.to_string(),
                    granted_by: "t".into(),
                    granted_at: 0,
                })
                .collect(),
            configured_admin,
        }
    }

    #[test]
    fn every_action_is_denied_to_nobody_and_decided_by_role() {
        let everyone = [
            Action::SeeOwnAccount,
            Action::RequestPublishing,
            Action::ManageRoles,
            Action::ReviewRequests,
            Action::DecideRequest {
                organisation: "wfp",
            },
            Action::ReadAudit,
        ];
        for action in everyone {
            assert_eq!(authorize(None, action), Err(Denied::SignInFirst));
        }
        let plain = viewer(&[], false);
        let member = viewer(&[(RoleName::Member, "wfp")], false);
        let unicef_curator = viewer(&[(RoleName::Curator, "unicef")], false);
        let global_curator = viewer(&[(RoleName::Curator, "")], false);
        let granted_admin = viewer(&[(RoleName::Admin, "")], false);
        let configured_admin = viewer(&[], true);
        let decide_wfp = Action::DecideRequest {
            organisation: "wfp",
        };
        let decide_unicef = Action::DecideRequest {
            organisation: "unicef",
        };
        let expect = |v: &Viewer, a: Action<'_>, ok: bool| {
            let want = if ok { Ok(()) } else { Err(Denied::Forbidden) };
            assert_eq!(authorize(Some(v), a), want, "{a:?} for {:?}", v.grants);
        };
        let tokens_wfp = Action::ManageTokens {
            organisation: "wfp",
        };
        expect(&member, tokens_wfp, true);
        expect(&plain, tokens_wfp, false);
        expect(&unicef_curator, tokens_wfp, false);
        expect(&global_curator, tokens_wfp, false);
        for v in [&plain, &member] {
            expect(v, Action::SeeOwnAccount, true);
            expect(v, Action::RequestPublishing, true);
            expect(v, Action::ManageRoles, false);
            expect(v, Action::ReviewRequests, false);
            expect(v, Action::ReadAudit, false);
            expect(v, decide_wfp, false);
        }
        expect(&unicef_curator, decide_unicef, true);
        expect(&unicef_curator, decide_wfp, false);
        expect(&unicef_curator, Action::ReviewRequests, true);
        expect(&unicef_curator, Action::ManageRoles, false);
        expect(&global_curator, decide_wfp, true);
        expect(&global_curator, Action::ManageRoles, false);
        for admin in [&granted_admin, &configured_admin] {
            for action in everyone {
                expect(admin, action, true);
            }
        }
    }

    #[test]
    fn a_cookie_is_found_among_others_by_its_exact_name() {
        let mut headers = HeaderMap::new();
        headers.append(
            header::COOKIE,
            HeaderValue::from_static("a=1; commons_session_x=2"),
        );
        headers.append(
            header::COOKIE,
            HeaderValue::from_static("commons_session=abc"),
        );
        assert_eq!(cookie(&headers, SESSION_COOKIE), Some("abc"));
        assert_eq!(cookie(&headers, "missing"), None);
    }
}
