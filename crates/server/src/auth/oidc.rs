//! The OpenID Connect relying party: authorization code with PKCE, state and nonce, against
//! the operator's provider (`[oidc]`), with the `openidconnect` crate checking the discovery
//! document, the ID token's signature (the provider's published keys), issuer, audience,
//! expiry and nonce.
//!
//! The provider is the operator's choice, so its address is not held to the public-address
//! rule the crawler follows; but its answers are still outside input: no redirect is
//! followed, each request has a time limit, and each answer a size limit.

use crate::config::OidcConfig;
use commons_catalog::LoginAttempt;
use openidconnect::core::{CoreAuthenticationFlow, CoreClient, CoreIdToken};
use openidconnect::{
    AccessTokenHash, AuthorizationCode, ClientId, ClientSecret, CsrfToken, IssuerUrl, Nonce,
    OAuth2TokenResponse, PkceCodeChallenge, PkceCodeVerifier, PostLogoutRedirectUrl,
    ProviderMetadataWithLogout, RedirectUrl, Scope, TokenResponse,
};
use std::str::FromStr;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::sync::Mutex;
use url::Url;

/// The largest answer read from the provider (a discovery document, keys, tokens).
const MAX_ANSWER: usize = 1024 * 1024;
/// Time for one request to the provider.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(10);
/// How long the discovery document (and its keys) is trusted before it is read again, so
/// that a provider's new signing key is picked up.
const METADATA_TTL: Duration = Duration::from_secs(3600);

/// Why a sign-in failed. The messages are for the person signing in and the log; none holds
/// a secret.
#[derive(Debug, thiserror::Error)]
pub enum SignInError {
    /// The provider could not be reached or answered nonsense.
    #[error("the sign-in provider could not be used: {0}")]
    Provider(String),
    /// The provider refused the sign-in (an `error` sent back, or the code refused).
    #[error("the sign-in provider refused: {0}")]
    Refused(String),
    /// The ID token failed a check: signature, issuer, audience, expiry or nonce.
    #[error("the ID token was not accepted: {0}")]
    IdToken(String),
    /// The provider vouched for no e-mail address.
    #[error(
        "the sign-in provider gave no verified e-mail address; roles are given by e-mail address"
    )]
    NoVerifiedEmail,
}

/// Who signed in, as the provider vouched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Identity {
    /// The provider's subject identifier.
    pub subject: String,
    /// The verified e-mail address, lower-case.
    pub email: String,
    /// The name to show.
    pub name: String,
    /// The ID token (the hint of the provider's logout).
    pub id_token: String,
}

/// A redirect to the provider and what its return must match.
pub struct Started {
    /// Where to send the browser.
    pub url: Url,
    /// The `state` (kept in the browser's cookie and, hashed, in the catalog).
    pub state: String,
    /// The nonce and PKCE verifier to keep.
    pub nonce: String,
    /// The PKCE verifier to keep.
    pub pkce_verifier: String,
}

/// The relying party.
pub struct SignIn {
    issuer: IssuerUrl,
    client_id: ClientId,
    client_secret: ClientSecret,
    redirect_url: RedirectUrl,
    post_logout_url: Option<PostLogoutRedirectUrl>,
    http: reqwest::Client,
    metadata: Mutex<Option<(Instant, Arc<ProviderMetadataWithLogout>)>>,
}

/// A failed request to the provider.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct HttpFailure(String);

/// Sends one request for `openidconnect` with reqwest: no redirect followed, the answer read
/// up to [`MAX_ANSWER`] bytes.
async fn send(
    http: reqwest::Client,
    request: openidconnect::HttpRequest,
) -> Result<openidconnect::HttpResponse, HttpFailure> {
    let request = reqwest::Request::try_from(request).map_err(|e| HttpFailure(e.to_string()))?;
    let mut answer = http
        .execute(request)
        .await
        .map_err(|e| HttpFailure(format!("{e}")))?;
    let mut builder = axum::http::Response::builder().status(answer.status());
    for (name, value) in answer.headers() {
        builder = builder.header(name, value);
    }
    let mut body = Vec::new();
    while let Some(chunk) = answer
        .chunk()
        .await
        .map_err(|e| HttpFailure(e.to_string()))?
    {
        if body.len() + chunk.len() > MAX_ANSWER {
            return Err(HttpFailure(format!(
                "the provider's answer is larger than {MAX_ANSWER} bytes"
            )));
        }
        body.extend_from_slice(&chunk);
    }
    builder.body(body).map_err(|e| HttpFailure(e.to_string()))
}

impl SignIn {
    /// The relying party of `config`, with the client secret read from its file.
    pub fn new(config: &OidcConfig) -> Result<SignIn, String> {
        let secret = std::fs::read_to_string(&config.client_secret_file).map_err(|e| {
            format!(
                "oidc.client_secret_file {}: {e}",
                config.client_secret_file.display()
            )
        })?;
        let secret = secret.trim();
        if secret.is_empty() {
            return Err(format!(
                "oidc.client_secret_file {} is empty",
                config.client_secret_file.display()
            ));
        }
        let public = config
            .public_url
            .as_deref()
            .map(|u| u.trim_end_matches('/').to_string());
        let redirect = match (&config.redirect_url, &public) {
            (Some(url), _) => url.clone(),
            (None, Some(public)) => format!("{public}/auth/callback"),
            (None, None) => {
                return Err(
                    "[oidc] needs public_url (or redirect_url): where the provider \
                            sends browsers back"
                        .into(),
                );
            }
        };
        let http = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .timeout(REQUEST_TIMEOUT)
            .connect_timeout(REQUEST_TIMEOUT)
            .build()
            .map_err(|e| format!("HTTP client: {e}"))?;
        Ok(SignIn {
            issuer: IssuerUrl::new(config.issuer.clone())
                .map_err(|e| format!("oidc.issuer: {e}"))?,
            client_id: ClientId::new(config.client_id.clone()),
            client_secret: ClientSecret::new(secret.to_string()),
            redirect_url: RedirectUrl::new(redirect)
                .map_err(|e| format!("oidc.redirect_url: {e}"))?,
            post_logout_url: public
                .map(|p| PostLogoutRedirectUrl::new(format!("{p}/")))
                .transpose()
                .map_err(|e| format!("oidc.public_url: {e}"))?,
            http,
            metadata: Mutex::new(None),
        })
    }

    /// The configured issuer.
    pub fn issuer(&self) -> &str {
        self.issuer.as_str()
    }

    /// The provider's discovery document and keys, read again after [`METADATA_TTL`].
    async fn metadata(&self) -> Result<Arc<ProviderMetadataWithLogout>, SignInError> {
        let mut cached = self.metadata.lock().await;
        if let Some((read_at, metadata)) = cached.as_ref()
            && read_at.elapsed() < METADATA_TTL
        {
            return Ok(Arc::clone(metadata));
        }
        let http = self.http.clone();
        let client = move |request| send(http.clone(), request);
        let metadata = ProviderMetadataWithLogout::discover_async(self.issuer.clone(), &client)
            .await
            .map_err(|e| SignInError::Provider(error_chain(&e)))?;
        let metadata = Arc::new(metadata);
        *cached = Some((Instant::now(), Arc::clone(&metadata)));
        Ok(metadata)
    }

    fn client(
        &self,
        metadata: &ProviderMetadataWithLogout,
    ) -> openidconnect::core::CoreClient<
        openidconnect::EndpointSet,
        openidconnect::EndpointNotSet,
        openidconnect::EndpointNotSet,
        openidconnect::EndpointNotSet,
        openidconnect::EndpointMaybeSet,
        openidconnect::EndpointMaybeSet,
    > {
        CoreClient::from_provider_metadata(
            metadata.clone(),
            self.client_id.clone(),
            Some(self.client_secret.clone()),
        )
        .set_redirect_uri(self.redirect_url.clone())
    }

    /// Starts a sign-in: the provider's authorization URL, with a new state, nonce and PKCE
    /// challenge (S256).
    pub async fn begin(&self) -> Result<Started, SignInError> {
        let metadata = self.metadata().await?;
        let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
        let (url, state, nonce) = self
            .client(&metadata)
            .authorize_url(
                CoreAuthenticationFlow::AuthorizationCode,
                CsrfToken::new_random,
                Nonce::new_random,
            )
            .add_scope(Scope::new("email".into()))
            .add_scope(Scope::new("profile".into()))
            .set_pkce_challenge(challenge)
            .url();
        Ok(Started {
            url,
            state: state.secret().clone(),
            nonce: nonce.secret().clone(),
            pkce_verifier: verifier.secret().clone(),
        })
    }

    /// Completes a sign-in: exchanges `code` with the attempt's PKCE verifier, checks the ID
    /// token (signature, issuer, audience, expiry, the attempt's nonce, the access token's
    /// hash) and finds the verified e-mail address (the ID token's, else the user info's).
    pub async fn finish(
        &self,
        code: &str,
        attempt: &LoginAttempt,
    ) -> Result<Identity, SignInError> {
        let metadata = self.metadata().await?;
        let client = self.client(&metadata);
        let http = self.http.clone();
        let http_client = move |request| send(http.clone(), request);
        let tokens = client
            .exchange_code(AuthorizationCode::new(code.to_string()))
            .map_err(|e| SignInError::Provider(e.to_string()))?
            .set_pkce_verifier(PkceCodeVerifier::new(attempt.pkce_verifier.clone()))
            .request_async(&http_client)
            .await
            .map_err(|e| SignInError::Refused(error_chain(&e)))?;
        let id_token = tokens
            .id_token()
            .ok_or_else(|| SignInError::IdToken("the provider sent no ID token".into()))?;
        let verifier = client.id_token_verifier();
        let nonce = Nonce::new(attempt.nonce.clone());
        let claims = id_token
            .claims(&verifier, &nonce)
            .map_err(|e| SignInError::IdToken(error_chain(&e)))?;
        if let Some(expected) = claims.access_token_hash() {
            let algorithm = id_token
                .signing_alg()
                .map_err(|e| SignInError::IdToken(e.to_string()))?;
            let key = id_token
                .signing_key(&verifier)
                .map_err(|e| SignInError::IdToken(e.to_string()))?;
            let actual = AccessTokenHash::from_token(tokens.access_token(), algorithm, key)
                .map_err(|e| SignInError::IdToken(e.to_string()))?;
            if actual != *expected {
                return Err(SignInError::IdToken(
                    "the access token does not match the ID token's at_hash".into(),
                ));
            }
        }
        let subject = claims.subject().clone();
        let mut email = claims
            .email()
            .filter(|_| claims.email_verified() == Some(true))
            .map(|e| e.as_str().to_string());
        let mut name = claims
            .name()
            .and_then(|n| n.get(None))
            .map(|n| n.as_str().to_string());
        if email.is_none() {
            let info: openidconnect::core::CoreUserInfoClaims = client
                .user_info(tokens.access_token().clone(), Some(subject.clone()))
                .map_err(|_| SignInError::NoVerifiedEmail)?
                .request_async(&http_client)
                .await
                .map_err(|e| SignInError::Provider(error_chain(&e)))?;
            email = info
                .email()
                .filter(|_| info.email_verified() == Some(true))
                .map(|e| e.as_str().to_string());
            if name.is_none() {
                name = info
                    .name()
                    .and_then(|n| n.get(None))
                    .map(|n| n.as_str().to_string());
            }
        }
        let email = email
            .map(|e| e.trim().to_lowercase())
            .filter(|e| plausible_email(e))
            .ok_or(SignInError::NoVerifiedEmail)?;
        let name = name
            .map(|n| {
                n.chars()
                    .filter(|c| !c.is_control())
                    .take(200)
                    .collect::<String>()
            })
            .filter(|n| !n.trim().is_empty())
            .unwrap_or_else(|| email.split('@').next().unwrap_or_default().to_string());
        Ok(Identity {
            subject: subject.as_str().chars().take(255).collect(),
            email,
            name,
            id_token: id_token.to_string(),
        })
    }

    /// The provider's logout URL (RP-initiated logout), when it offers one.
    pub async fn logout_url(&self, id_token: Option<&str>) -> Option<Url> {
        let metadata = self.metadata().await.ok()?;
        let end_session = metadata
            .additional_metadata()
            .end_session_endpoint
            .clone()?;
        let mut request =
            openidconnect::LogoutRequest::from(end_session).set_client_id(self.client_id.clone());
        if let Some(token) = id_token.and_then(|t| CoreIdToken::from_str(t).ok()) {
            request = request.set_id_token_hint(&token);
        }
        if let Some(back) = &self.post_logout_url {
            request = request.set_post_logout_redirect_uri(back.clone());
        }
        Some(request.http_get_url())
    }
}

/// Whether `email` looks like one address (one `@`, something on each side, no space).
pub(crate) fn plausible_email(email: &str) -> bool {
    let mut parts = email.split('@');
    matches!((parts.next(), parts.next(), parts.next()), (Some(a), Some(b), None) if !a.is_empty() && !b.is_empty())
        && email.len() <= 254
        && !email.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// An error and its causes on one line.
fn error_chain(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        let cause_text = cause.to_string();
        if !text.contains(&cause_text) {
            text.push_str(": ");
            text.push_str(&cause_text);
        }
        source = cause.source();
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_email_is_one_address() {
        assert!(plausible_email("ana@example.org"));
        assert!(!plausible_email("ana@b@example.org"));
        assert!(!plausible_email("@example.org"));
        assert!(!plausible_email("ana@"));
        assert!(!plausible_email("ana @example.org"));
    }
}
