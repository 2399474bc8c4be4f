//! Checks over the network, only on request (`commons validate --network`): links must answer,
//! `url` must be a git repository, and remote logos and screenshots must be images.
//!
//! Every request has a connect timeout, an overall timeout, a redirect limit and a cap on the
//! bytes read, because the URLs come from a file anyone can write. For the same reason only
//! public addresses are contacted unless the operator allows the host (`--allow-host`): the
//! file must not make the validator probe the operator's own network ([`commons_egress`]:
//! names are filtered when resolved, literal addresses checked before each request and
//! redirect).

use crate::{allowed_extensions, png_header_of};
pub use commons_egress::Allowance;
use commons_publiccode::{AssetKind, AssetRef, Diagnostic, Validation};
use std::io::Read;
use std::time::Duration;

/// Most bytes read from any one URL.
pub const MAX_DOWNLOAD: u64 = 5 * 1024 * 1024;

/// Redirects followed.
const MAX_REDIRECTS: usize = 5;

fn client(allowance: &Allowance) -> Result<reqwest::blocking::Client, String> {
    let hops = allowance.clone();
    let policy = reqwest::redirect::Policy::custom(move |attempt| {
        if attempt.previous().len() >= MAX_REDIRECTS {
            return attempt.error(format!("more than {MAX_REDIRECTS} redirects"));
        }
        match hops.check_url(attempt.url()) {
            Ok(()) => attempt.follow(),
            Err(refused) => attempt.error(refused),
        }
    });
    reqwest::blocking::Client::builder()
        .connect_timeout(Duration::from_secs(10))
        .timeout(Duration::from_secs(30))
        .redirect(policy)
        .dns_resolver(allowance.resolver())
        .user_agent(concat!("commons-validate/", env!("CARGO_PKG_VERSION")))
        .build()
        .map_err(|e| e.to_string())
}

/// Runs the network checks on every link and remote file of the document, contacting only
/// public addresses and the hosts `allowance` allows.
pub fn check(validation: &mut Validation, allowance: &Allowance) {
    let client = match client(allowance) {
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
            check_one(&client, allowance, a)
                .err()
                .map(|m| Diagnostic::error(a.key.clone(), m).at(a.line, a.column))
        })
        .collect();
    validation.extend(problems);
}

fn get(
    client: &reqwest::blocking::Client,
    allowance: &Allowance,
    url: &str,
) -> Result<(String, Vec<u8>), String> {
    // A literal address is never resolved: it is checked here, before anything is sent.
    if let Ok(parsed) = url::Url::parse(url)
        && let Err(refused) = allowance.check_url(&parsed)
    {
        return Err(format!("'{url}' not contacted: {refused}"));
    }
    let response = client
        .get(url)
        .send()
        .map_err(|e| match commons_egress::refused_in(&e) {
            Some(refused) => format!("'{url}' not contacted: {refused}"),
            None => format!("'{url}' not reachable: {e}"),
        })?;
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

fn check_one(
    client: &reqwest::blocking::Client,
    allowance: &Allowance,
    asset: &AssetRef,
) -> Result<(), String> {
    let get = |url: &str| get(client, allowance, url);
    match asset.kind {
        AssetKind::Page => get(&asset.value).map(|_| ()),
        AssetKind::Repository => {
            // Git's smart HTTP protocol answers this for any repository on any forge; the
            // repository URL itself need not serve a page (plain git servers answer 404).
            let probe = format!(
                "{}/info/refs?service=git-upload-pack",
                asset.value.trim_end_matches('/')
            );
            match get(&probe) {
                Ok((ct, _)) if ct.starts_with("application/x-git-upload-pack-advertisement") => {
                    Ok(())
                }
                _ => {
                    let reachable = match get(&asset.value) {
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
            let (_, body) = get(&asset.value)?;
            if asset.kind == AssetKind::Logo && path.to_lowercase().ends_with(".png") {
                png_header_of(std::io::Cursor::new(&body[..]))
                    .map_err(|e| format!("image: {e}"))?;
            }
            Ok(())
        }
    }
}
