//! Checks over the network, only on request (`commons validate --network`): links must answer,
//! `url` must be a git repository, and remote logos and screenshots must be images.
//!
//! Every request has a connect timeout, an overall timeout, a redirect limit and a cap on the
//! bytes read, because the URLs come from a file anyone can write.

use crate::{allowed_extensions, png_header_of};
use commons_publiccode::{AssetKind, AssetRef, Diagnostic, Validation};
use std::io::Read;
use std::time::Duration;

/// Most bytes read from any one URL.
pub const MAX_DOWNLOAD: u64 = 5 * 1024 * 1024;

fn client() -> Result<reqwest::blocking::Client, String> {
    reqwest::blocking::Client::builder()
        .connect_timeout(Duration::from_secs(10))
        .timeout(Duration::from_secs(30))
        .redirect(reqwest::redirect::Policy::limited(5))
        .user_agent(concat!("commons-validate/", env!("CARGO_PKG_VERSION")))
        .build()
        .map_err(|e| e.to_string())
}

/// Runs the network checks on every link and remote file of the document.
pub fn check(validation: &mut Validation) {
    let client = match client() {
        Ok(c) => c,
        Err(e) => {
            validation.extend([Diagnostic::error(
                "",
                format!("cannot start HTTP client: {e}"),
            )]);
            return;
        }
    };
    let problems: Vec<Diagnostic> = validation
        .assets
        .iter()
        .filter(|a| !a.kind.is_file() || crate::is_absolute_url(&a.value))
        .filter_map(|a| {
            check_one(&client, a)
                .err()
                .map(|m| Diagnostic::error(a.key.clone(), m).at(a.line, a.column))
        })
        .collect();
    validation.extend(problems);
}

fn get(client: &reqwest::blocking::Client, url: &str) -> Result<(String, Vec<u8>), String> {
    let response = client
        .get(url)
        .send()
        .map_err(|e| format!("'{url}' not reachable: {e}"))?;
    let status = response.status();
    if !status.is_success() {
        return Err(format!("'{url}' not reachable: HTTP {status}"));
    }
    let content_type = response
        .headers()
        .get(reqwest::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    let mut body = Vec::new();
    response
        .take(MAX_DOWNLOAD)
        .read_to_end(&mut body)
        .map_err(|e| format!("'{url}' not reachable: {e}"))?;
    Ok((content_type, body))
}

fn check_one(client: &reqwest::blocking::Client, asset: &AssetRef) -> Result<(), String> {
    match asset.kind {
        AssetKind::Page => get(client, &asset.value).map(|_| ()),
        AssetKind::Repository => {
            // Git's smart HTTP protocol answers this for any repository on any forge; the
            // repository URL itself need not serve a page (plain git servers answer 404).
            let probe = format!(
                "{}/info/refs?service=git-upload-pack",
                asset.value.trim_end_matches('/')
            );
            match get(client, &probe) {
                Ok((ct, _)) if ct.starts_with("application/x-git-upload-pack-advertisement") => {
                    Ok(())
                }
                _ => {
                    let reachable = match get(client, &asset.value) {
                        Ok(_) => String::new(),
                        Err(e) => format!("{e}; "),
                    };
                    Err(format!(
                        "{reachable}'{}' is not a valid code repository: it does not answer as a git repository over HTTP",
                        asset.value
                    ))
                }
            }
        }
        AssetKind::Logo | AssetKind::Screenshot | AssetKind::AuthorsFile => {
            let path = asset.value.split(['?', '#']).next().unwrap_or_default();
            if let Some(exts) = allowed_extensions(asset.kind) {
                let ext = path
                    .rsplit_once('.')
                    .map(|(_, e)| e.to_lowercase())
                    .unwrap_or_default();
                if !exts.contains(&ext.as_str()) {
                    return Err(format!("invalid file extension for: {}", asset.value));
                }
            }
            let (_, body) = get(client, &asset.value)?;
            if asset.kind == AssetKind::Logo && path.to_lowercase().ends_with(".png") {
                png_header_of(std::io::Cursor::new(&body[..]))
                    .map_err(|e| format!("image: {e}"))?;
            }
            Ok(())
        }
    }
}
