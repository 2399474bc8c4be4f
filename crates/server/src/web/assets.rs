//! Static assets (CSS, JavaScript, icons), compiled into the binary and served under names that
//! carry their content hash, so that browsers may cache them forever (`immutable`): a new
//! release changes the name, never the content behind a name.

use axum::extract::Path;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};
use std::sync::LazyLock;

/// Where assets are served.
pub const PREFIX: &str = "/assets/";

/// One embedded asset.
pub struct Asset {
    /// The name in the source tree (`app.css`).
    pub source_name: &'static str,
    /// The name it is served under (`app.3f2a9c1b7d40.css`).
    pub hashed_name: String,
    /// `Content-Type`.
    pub content_type: &'static str,
    /// The bytes.
    pub bytes: &'static [u8],
}

/// The embedded files: name, content type, bytes.
const FILES: &[(&str, &str, &[u8])] = &[
    (
        "app.css",
        "text/css; charset=utf-8",
        include_bytes!("../../static/app.css"),
    ),
    (
        "print.css",
        "text/css; charset=utf-8",
        include_bytes!("../../static/print.css"),
    ),
    (
        "app.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../../static/app.js"),
    ),
    (
        "emblem.svg",
        "image/svg+xml",
        include_bytes!("../../static/emblem.svg"),
    ),
];

static ASSETS: LazyLock<Vec<Asset>> = LazyLock::new(|| {
    FILES
        .iter()
        .map(|(name, content_type, bytes)| Asset {
            source_name: name,
            hashed_name: hashed_name(name, bytes),
            content_type,
            bytes,
        })
        .collect()
});

/// `app.css` with content `bytes` becomes `app.<first 12 hex digits of SHA-256>.css`.
pub fn hashed_name(name: &str, bytes: &[u8]) -> String {
    let digest = hex::encode(&Sha256::digest(bytes)[..6]);
    match name.rsplit_once('.') {
        Some((stem, extension)) => format!("{stem}.{digest}.{extension}"),
        None => format!("{name}.{digest}"),
    }
}

/// The URL of an asset by its source name (`app.css` → `/assets/app.3f2a….css`).
pub fn url(source_name: &str) -> String {
    ASSETS
        .iter()
        .find(|a| a.source_name == source_name)
        .map(|a| format!("{PREFIX}{}", a.hashed_name))
        .unwrap_or_else(|| format!("{PREFIX}{source_name}"))
}

/// Serves an asset by its hashed name; any other name is a 404.
pub async fn serve(Path(name): Path<String>) -> Response {
    let Some(asset) = ASSETS.iter().find(|a| a.hashed_name == name) else {
        return (StatusCode::NOT_FOUND, "no such asset").into_response();
    };
    let mut response = asset.bytes.into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(asset.content_type),
    );
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=31536000, immutable"),
    );
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_change_with_content() {
        let a = hashed_name("app.css", b"body{}");
        let b = hashed_name("app.css", b"body{color:red}");
        assert_ne!(a, b);
        assert!(a.starts_with("app.") && a.ends_with(".css") && a.len() == "app..css".len() + 12);
    }

    #[test]
    fn every_asset_has_a_hashed_url() {
        for (name, _, bytes) in FILES {
            assert_eq!(url(name), format!("{PREFIX}{}", hashed_name(name, bytes)));
        }
    }

    #[tokio::test]
    async fn assets_are_immutable_and_unhashed_names_are_not_served() {
        let name = url("app.css").trim_start_matches(PREFIX).to_string();
        let response = serve(Path(name)).await;
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(
            response.headers()[header::CACHE_CONTROL],
            "public, max-age=31536000, immutable"
        );
        assert!(
            response.headers()[header::CONTENT_TYPE]
                .to_str()
                .unwrap()
                .starts_with("text/css")
        );
        let response = serve(Path("app.css".into())).await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND);
    }
}
