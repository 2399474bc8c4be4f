//! Errors. [`ServerError`] is for starting and running the server (the CLI reports it);
//! [`ApiError`] is what a handler returns, and becomes an RFC 9457 `application/problem+json`
//! answer. Internal details are logged, never sent.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

/// Why the server could not start or stopped.
#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    /// The catalog store failed.
    #[error(transparent)]
    Catalog(#[from] commons_catalog::CatalogError),
    /// The search index failed.
    #[error(transparent)]
    Search(#[from] commons_search::SearchError),
    /// The address could not be bound.
    #[error("cannot listen on {0}: {1}")]
    Bind(std::net::SocketAddr, std::io::Error),
    /// Serving failed.
    #[error("server: {0}")]
    Serve(std::io::Error),
    /// The search index could not be brought up to date with the catalog.
    #[error(transparent)]
    Index(#[from] commons_app::indexer::IndexError),
    /// Something else went wrong while starting.
    #[error("startup: {0}")]
    Startup(String),
}

/// A failed API request.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// The request is malformed (a bad query parameter, a bad cursor...).
    #[error("{0}")]
    BadRequest(String),
    /// Nothing at this address.
    #[error("{0}")]
    NotFound(String),
    /// The request is not authenticated as it must be (a webhook's signature).
    #[error("{0}")]
    Unauthorized(String),
    /// A publisher token is missing or is not live: 401 with a `WWW-Authenticate: Bearer`
    /// challenge (RFC 6750), `error="invalid_token"` when a token was given.
    #[error("{detail}")]
    Unauthenticated {
        /// What is wrong (never the token).
        detail: String,
        /// Whether a token was given.
        token_given: bool,
    },
    /// The request is authenticated but may not do this.
    #[error("{0}")]
    Forbidden(String),
    /// The body is not in a media type the operation takes.
    #[error("{0}")]
    UnsupportedMediaType(String),
    /// The request is well formed but its content is refused (an unknown item, a bad body).
    #[error("{0}")]
    Unprocessable(String),
    /// The body is larger than allowed.
    #[error("the request body is larger than {0} bytes")]
    PayloadTooLarge(usize),
    /// The server cannot answer now (index not ready, database down).
    #[error("{0}")]
    Unavailable(String),
    /// Too much of this work is running: 503 with `Retry-After`.
    #[error("{detail}")]
    Busy {
        /// What is busy.
        detail: String,
        /// When to try again.
        retry_after_seconds: u64,
    },
    /// A failure of the server itself; the detail is logged, not sent.
    #[error("internal error")]
    Internal(String),
}

impl From<commons_catalog::CatalogError> for ApiError {
    fn from(e: commons_catalog::CatalogError) -> Self {
        match e {
            commons_catalog::CatalogError::NotFound(detail) => ApiError::NotFound(detail),
            other => ApiError::Internal(other.to_string()),
        }
    }
}

impl From<commons_search::SearchError> for ApiError {
    fn from(e: commons_search::SearchError) -> Self {
        match e {
            commons_search::SearchError::BadQuery(m) => ApiError::BadRequest(m),
            other => ApiError::Internal(other.to_string()),
        }
    }
}

/// An RFC 9457 problem document.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Problem {
    /// A URI naming the kind of problem.
    #[serde(rename = "type")]
    pub kind: String,
    /// A short summary of the kind.
    pub title: String,
    /// The HTTP status.
    pub status: u16,
    /// What went wrong with this request.
    pub detail: String,
}

impl ApiError {
    fn status(&self) -> StatusCode {
        match self {
            ApiError::BadRequest(_) => StatusCode::BAD_REQUEST,
            ApiError::NotFound(_) => StatusCode::NOT_FOUND,
            ApiError::Unauthorized(_) => StatusCode::UNAUTHORIZED,
            ApiError::Unauthenticated { .. } => StatusCode::UNAUTHORIZED,
            ApiError::Forbidden(_) => StatusCode::FORBIDDEN,
            ApiError::UnsupportedMediaType(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ApiError::Unprocessable(_) => StatusCode::UNPROCESSABLE_ENTITY,
            ApiError::PayloadTooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::Unavailable(_) | ApiError::Busy { .. } => StatusCode::SERVICE_UNAVAILABLE,
            ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn kind(&self) -> &'static str {
        match self {
            ApiError::BadRequest(_) => "bad-request",
            ApiError::NotFound(_) => "not-found",
            ApiError::Unauthorized(_) | ApiError::Unauthenticated { .. } => "unauthorized",
            ApiError::Forbidden(_) => "forbidden",
            ApiError::UnsupportedMediaType(_) => "unsupported-media-type",
            ApiError::Unprocessable(_) => "unprocessable",
            ApiError::PayloadTooLarge(_) => "payload-too-large",
            ApiError::Unavailable(_) => "unavailable",
            ApiError::Busy { .. } => "busy",
            ApiError::Internal(_) => "internal",
        }
    }
}

/// Builds a problem+json response.
pub fn problem_response(status: StatusCode, kind: &str, detail: String) -> Response {
    let problem = Problem {
        kind: format!("/problems/{kind}"),
        title: status.canonical_reason().unwrap_or("Error").to_string(),
        status: status.as_u16(),
        detail,
    };
    let body = serde_json::to_vec(&problem).unwrap_or_default();
    let mut response = (status, body).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/problem+json"),
    );
    response
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = self.status();
        let detail = match &self {
            ApiError::Internal(detail) => {
                tracing::error!(%detail, "internal error");
                "the server failed to answer; the failure was logged".to_string()
            }
            other => other.to_string(),
        };
        let mut response = problem_response(status, self.kind(), detail);
        if let ApiError::PayloadTooLarge(_) = &self {
            // The body was refused unread, so the connection cannot carry another request:
            // saying so keeps a client from reusing it and losing its next request.
            response
                .headers_mut()
                .insert(header::CONNECTION, HeaderValue::from_static("close"));
        }
        if let ApiError::Busy {
            retry_after_seconds,
            ..
        } = &self
        {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(*retry_after_seconds));
        }
        if let ApiError::Unauthenticated { token_given, .. } = &self {
            let challenge = if *token_given {
                "Bearer realm=\"commons\", error=\"invalid_token\""
            } else {
                "Bearer realm=\"commons\""
            };
            response.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static(challenge),
            );
        }
        response
    }
}
