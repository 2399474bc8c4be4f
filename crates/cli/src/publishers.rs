//! `commons publishers check FILE`: checks a publishers registry and reports every problem
//! like a compiler (`file:line:col: error: message`).
//!
//! `commons publishers token issue|list|revoke`: the tokens with which a publisher (an
//! organisation of the catalog) declares through the API what an assessment cannot detect.
//! A token is printed once, on standard output, when it is issued; the catalog keeps only its
//! hash.
//!
//! `commons publishers hook-secret rotate|list`: each publisher's push webhook secret, derived
//! from the server's webhook key (`COMMONS_WEBHOOK_KEY`); rotating prints the next secret once
//! on standard output and the previous one stops working.

use crate::store_args::{StoreArgs, init_logging, runtime};
use clap::{Args as ClapArgs, Subcommand, ValueEnum};
use commons_catalog::{Catalog, CatalogError, HookSecret, PublisherToken, Revocation, WebhookKey};
use commons_crawler::Registry;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// Longest token label, in characters.
const MAX_LABEL_CHARS: usize = 200;

/// Arguments of `commons publishers`.
#[derive(ClapArgs)]
pub struct Args {
    #[command(subcommand)]
    action: Action,
}

#[derive(Subcommand)]
enum Action {
    /// Check a publishers registry file (exit 0 valid, 1 invalid, 2 unreadable).
    Check {
        /// The registry file (YAML).
        file: PathBuf,
    },
    /// Make a registry file the catalog's publishers registry (a new revision, in the audit
    /// log, when it differs): exit 0 imported or unchanged, 1 invalid, 2 unreadable.
    Import {
        /// The registry file (YAML).
        file: PathBuf,
        #[command(flatten)]
        store: StoreArgs,
    },
    /// Print the catalog's publishers registry as a registry file (YAML).
    Export {
        #[command(flatten)]
        store: StoreArgs,
    },
    /// Issue, list and revoke publishers' API tokens (for their declarations).
    Token {
        #[command(subcommand)]
        action: TokenAction,
    },
    /// Rotate and list publishers' push webhook secrets.
    HookSecret {
        #[command(subcommand)]
        action: HookSecretAction,
    },
}

#[derive(Subcommand)]
enum HookSecretAction {
    /// Give a publisher a new webhook secret (printed once on standard output); the previous
    /// one stops working. Needs COMMONS_WEBHOOK_KEY, the server's key.
    Rotate {
        /// The publisher's id (an organisation of the catalog, as in the publishers registry).
        publisher: String,
        #[command(flatten)]
        store: StoreArgs,
    },
    /// List webhook secret generations (never the secrets): publisher, generation, issued,
    /// replaced.
    List {
        /// Only this publisher's.
        publisher: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
        #[command(flatten)]
        store: StoreArgs,
    },
}

#[derive(Subcommand)]
enum TokenAction {
    /// Issue a token for a publisher; it is printed once on standard output and never again.
    Issue {
        /// The publisher's id (an organisation of the catalog, as in the publishers registry).
        publisher: String,
        /// What the token is for, or who holds it (at most 200 characters).
        #[arg(long, value_name = "TEXT", value_parser = parse_label)]
        label: Option<String>,
        /// How long the token authenticates: from 1 day to 5 years ("90days", "1year").
        #[arg(long, value_name = "DURATION", default_value = "90days", value_parser = parse_lifetime)]
        expires_in: std::time::Duration,
        /// What the token may do: `declarations` (declare about the publisher's entries), or
        /// `publishing` (that, and ask for a repository to be read again through
        /// POST /api/v1/hooks/publisher).
        #[arg(long, value_enum, default_value = "declarations")]
        scope: ScopeArg,
        #[command(flatten)]
        store: StoreArgs,
    },
    /// List tokens (never their secrets): id, publisher, issued, expires, scope, revoked, uses,
    /// label.
    List {
        /// Only this publisher's tokens.
        publisher: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
        #[command(flatten)]
        store: StoreArgs,
    },
    /// Revoke a token by its id: it authenticates no more; what was declared with it stays.
    Revoke {
        /// The token's id (see `commons publishers token list`).
        token_id: i64,
        #[command(flatten)]
        store: StoreArgs,
    },
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ScopeArg {
    Declarations,
    Publishing,
}

impl ScopeArg {
    fn scope(self) -> commons_catalog::TokenScope {
        match self {
            ScopeArg::Declarations => commons_catalog::TokenScope::Declarations,
            ScopeArg::Publishing => commons_catalog::TokenScope::Publishing,
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Text,
    Json,
}

/// A token's lifetime: 1 day to 5 years.
fn parse_lifetime(text: &str) -> Result<std::time::Duration, String> {
    let duration = humantime::parse_duration(text)
        .map_err(|e| format!("{text:?} is not a duration such as \"90days\": {e}"))?;
    let day = 86_400;
    if !(day..=5 * 365 * day).contains(&duration.as_secs()) {
        return Err(format!("{text:?} is out of range: from 1day to 5years"));
    }
    Ok(duration)
}

fn parse_label(text: &str) -> Result<String, String> {
    if text.chars().count() > MAX_LABEL_CHARS {
        return Err(format!("at most {MAX_LABEL_CHARS} characters"));
    }
    if text.chars().any(char::is_control) {
        return Err("no control characters".into());
    }
    Ok(text.trim().to_string())
}

/// Runs `commons publishers ...`.
pub fn run(args: Args) -> ExitCode {
    match args.action {
        Action::Check { file } => check(file),
        Action::Import { file, store } => import(file, store),
        Action::Export { store } => export(store),
        Action::Token { action } => token(action),
        Action::HookSecret { action } => hook_secret(action),
    }
}

/// Runs `commons publishers hook-secret ...`: exit 0 done, 2 when the catalog cannot be
/// opened, the key is missing or weak, or the publisher is unknown.
fn hook_secret(action: HookSecretAction) -> ExitCode {
    init_logging();
    let outcome = runtime().and_then(|rt| rt.block_on(hook_secret_action(action)));
    match outcome {
        Ok(code) => code,
        Err(e) => {
            eprintln!("commons publishers hook-secret: {e:#}");
            ExitCode::from(2)
        }
    }
}

async fn hook_secret_action(action: HookSecretAction) -> anyhow::Result<ExitCode> {
    match action {
        HookSecretAction::Rotate { publisher, store } => {
            let key = std::env::var("COMMONS_WEBHOOK_KEY").map_err(|_| {
                anyhow::anyhow!(
                    "COMMONS_WEBHOOK_KEY is not set: secrets are derived from the server's \
                     webhook key, so this command needs the key the server has"
                )
            })?;
            let key = WebhookKey::new(&key)?;
            let catalog = open(&store).await?;
            let issued = catalog
                .rotate_hook_secret(&key, &publisher, now(), commons_catalog::OPERATOR_CLI)
                .await;
            catalog.close().await;
            let issued = match issued {
                Ok(issued) => issued,
                Err(CatalogError::NotFound(_)) => {
                    eprintln!(
                        "commons publishers hook-secret: no publisher {publisher:?} in the \
                         catalog (publishers come from the registry at a crawl, or from \
                         `commons import --publisher`)"
                    );
                    return Ok(ExitCode::from(2));
                }
                Err(e) => return Err(e.into()),
            };
            println!("{}", issued.secret);
            eprintln!(
                "Webhook secret generation {} issued for {}; the previous one no longer works. \
                 It is shown only this once (the catalog keeps only its hash): set it as the \
                 secret token of the publisher's GitLab hooks (POST /api/v1/hooks/gitlab) or the \
                 secret of its GitHub hooks (POST /api/v1/hooks/github/{}).",
                issued.generation, issued.organisation_id, issued.organisation_id,
            );
            Ok(ExitCode::SUCCESS)
        }
        HookSecretAction::List {
            publisher,
            format,
            store,
        } => {
            let catalog = open(&store).await?;
            let secrets = catalog.hook_secrets(publisher.as_deref()).await;
            catalog.close().await;
            let secrets = secrets?;
            match format {
                Format::Json => println!("{}", serde_json::to_string_pretty(&secrets)?),
                Format::Text => print_hook_secrets(&secrets),
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn print_hook_secrets(secrets: &[HookSecret]) {
    if secrets.is_empty() {
        eprintln!("No webhook secrets.");
        return;
    }
    let rows: Vec<Vec<String>> = secrets
        .iter()
        .map(|s| {
            vec![
                s.organisation_id.clone(),
                s.generation.to_string(),
                rfc3339(s.created_at),
                s.revoked_at.map_or("-".into(), rfc3339),
            ]
        })
        .collect();
    print_table(&["PUBLISHER", "GENERATION", "ISSUED", "REPLACED"], &rows);
}

/// Prints rows under a header, each column as wide as its widest cell.
fn print_table(header: &[&str], rows: &[Vec<String>]) {
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let line = |cells: Vec<&str>| {
        let padded: Vec<String> = cells
            .iter()
            .zip(&widths)
            .map(|(c, w)| format!("{c:<w$}", w = *w))
            .collect();
        println!("{}", padded.join("  ").trim_end());
    };
    line(header.to_vec());
    for row in rows {
        line(row.iter().map(String::as_str).collect());
    }
}

fn check(file: PathBuf) -> ExitCode {
    if !file.is_file() {
        eprintln!("{}: error: no such file", file.display());
        return ExitCode::from(2);
    }
    match Registry::load(&file) {
        Ok(registry) => {
            let hostings: usize = registry.publishers.iter().map(|p| p.hosting.len()).sum();
            let catalogs = registry
                .publishers
                .iter()
                .filter(|p| p.catalog.is_some())
                .count();
            println!(
                "{}: {} publishers, {} hosting locations, {} peer catalogs: valid",
                file.display(),
                registry.publishers.len(),
                hostings,
                catalogs
            );
            ExitCode::SUCCESS
        }
        Err(errors) => {
            for e in &errors {
                println!("{}:{e}", file.display());
            }
            println!("{}: {} errors", file.display(), errors.len());
            ExitCode::from(1)
        }
    }
}

fn import(file: PathBuf, store: StoreArgs) -> ExitCode {
    use commons_crawler::stored::Imported;
    init_logging();
    let size = std::fs::metadata(&file).map(|m| m.len()).unwrap_or(0);
    if size > commons_crawler::registry::MAX_REGISTRY_SIZE as u64 {
        eprintln!(
            "{}: error: {size} bytes, more than the {} allowed",
            file.display(),
            commons_crawler::registry::MAX_REGISTRY_SIZE
        );
        return ExitCode::from(1);
    }
    let bytes = match std::fs::read(&file) {
        Ok(bytes) => bytes,
        Err(e) => {
            eprintln!("{}: error: {e}", file.display());
            return ExitCode::from(2);
        }
    };
    let result = runtime().and_then(|rt| {
        rt.block_on(async {
            let catalog = Catalog::open(store.database.as_deref(), &store.data_dir).await?;
            let actor = commons_catalog::OPERATOR_CLI;
            let imported = commons_crawler::stored::import(&catalog, &bytes, actor, now()).await;
            catalog.close().await;
            Ok::<_, anyhow::Error>(imported?)
        })
    });
    match result {
        Ok(Imported::Invalid(errors)) => {
            for e in &errors {
                println!("{}:{e}", file.display());
            }
            println!(
                "{}: {} errors; the registry is unchanged",
                file.display(),
                errors.len()
            );
            ExitCode::from(1)
        }
        Ok(Imported::Unchanged(number)) => {
            println!("registry revision {number} already says the same: unchanged");
            ExitCode::SUCCESS
        }
        Ok(Imported::Saved(number, summary)) => {
            println!(
                "registry revision {number}: {} added, {} removed, {} changed",
                summary.added.len(),
                summary.removed.len(),
                summary.changed.len()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("commons publishers import: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn export(store: StoreArgs) -> ExitCode {
    init_logging();
    let result = runtime().and_then(|rt| {
        rt.block_on(async {
            let catalog = Catalog::open(store.database.as_deref(), &store.data_dir).await?;
            let revision = catalog.registry().await;
            catalog.close().await;
            Ok::<_, anyhow::Error>(revision?)
        })
    });
    match result {
        Ok(Some(revision)) => {
            print!("{}", revision.text);
            ExitCode::SUCCESS
        }
        Ok(None) => {
            println!("[]");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("commons publishers export: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

/// RFC 3339 text of a Unix time.
fn rfc3339(seconds: i64) -> String {
    let time = UNIX_EPOCH + Duration::from_secs(seconds.max(0) as u64);
    humantime::format_rfc3339_seconds(time).to_string()
}

/// Runs `commons publishers token ...`: exit 0 done, 2 when the catalog cannot be opened, the
/// publisher or the token is unknown.
fn token(action: TokenAction) -> ExitCode {
    init_logging();
    let outcome = runtime().and_then(|rt| rt.block_on(token_action(action)));
    match outcome {
        Ok(code) => code,
        Err(e) => {
            eprintln!("commons publishers token: {e:#}");
            ExitCode::from(2)
        }
    }
}

async fn open(store: &StoreArgs) -> anyhow::Result<Catalog> {
    Ok(Catalog::open(store.database.as_deref(), &store.data_dir).await?)
}

async fn token_action(action: TokenAction) -> anyhow::Result<ExitCode> {
    match action {
        TokenAction::Issue {
            publisher,
            label,
            expires_in,
            scope,
            store,
        } => {
            let catalog = open(&store).await?;
            let label = label.filter(|l| !l.is_empty());
            let at = now();
            let expires_at = at.saturating_add(i64::try_from(expires_in.as_secs())?);
            let issued = catalog
                .issue_token_until(
                    &publisher,
                    label.as_deref(),
                    (Some(expires_at), scope.scope()),
                    at,
                    commons_catalog::OPERATOR_CLI,
                )
                .await;
            catalog.close().await;
            let issued = match issued {
                Ok(issued) => issued,
                Err(CatalogError::NotFound(_)) => {
                    eprintln!(
                        "commons publishers token: no publisher {publisher:?} in the catalog \
                         (publishers come from the registry at a crawl, or from \
                         `commons import --publisher`)"
                    );
                    return Ok(ExitCode::from(2));
                }
                Err(e) => return Err(e.into()),
            };
            println!("{}", issued.secret);
            eprintln!(
                "Token {} issued for {}{}, scope {}, valid until {}. It is shown only this once and cannot be recovered \
                 (the catalog keeps only its hash): give it to the publisher now. They send it as \
                 `Authorization: Bearer <token>` to PUT and DELETE \
                 /api/v1/software/{{id}}/declarations/{{item}}{}; revoke it with \
                 `commons publishers token revoke {}`.",
                issued.id,
                issued.organisation_id,
                issued
                    .label
                    .as_deref()
                    .map(|l| format!(" ({l})"))
                    .unwrap_or_default(),
                issued.scope.as_str(),
                rfc3339(expires_at),
                if issued.scope.may_publish() {
                    " and to POST /api/v1/hooks/publisher"
                } else {
                    ""
                },
                issued.id,
            );
            Ok(ExitCode::SUCCESS)
        }
        TokenAction::List {
            publisher,
            format,
            store,
        } => {
            let catalog = open(&store).await?;
            let tokens = catalog.publisher_tokens(publisher.as_deref()).await;
            catalog.close().await;
            let tokens = tokens?;
            match format {
                Format::Json => println!("{}", serde_json::to_string_pretty(&tokens)?),
                Format::Text => print_tokens(&tokens),
            }
            Ok(ExitCode::SUCCESS)
        }
        TokenAction::Revoke { token_id, store } => {
            let catalog = open(&store).await?;
            let outcome = catalog
                .revoke_token(token_id, now(), commons_catalog::OPERATOR_CLI)
                .await;
            catalog.close().await;
            match outcome? {
                Revocation::Revoked => {
                    eprintln!("Token {token_id} revoked.");
                    Ok(ExitCode::SUCCESS)
                }
                Revocation::AlreadyRevoked(at) => {
                    eprintln!("Token {token_id} was already revoked at {}.", rfc3339(at));
                    Ok(ExitCode::SUCCESS)
                }
                Revocation::Unknown => {
                    eprintln!("commons publishers token: no token with id {token_id}");
                    Ok(ExitCode::from(2))
                }
            }
        }
    }
}

fn print_tokens(tokens: &[PublisherToken]) {
    if tokens.is_empty() {
        eprintln!("No tokens.");
        return;
    }
    let rows: Vec<Vec<String>> = tokens
        .iter()
        .map(|t| {
            vec![
                t.id.to_string(),
                t.organisation_id.clone(),
                rfc3339(t.created_at),
                t.expires_at.map_or("never".into(), rfc3339),
                t.scope.as_str().to_string(),
                t.revoked_at.map_or("-".into(), rfc3339),
                t.uses.to_string(),
                t.last_used_at.map_or("-".into(), rfc3339),
                t.label.clone().unwrap_or_else(|| "-".into()),
            ]
        })
        .collect();
    let header = [
        "ID",
        "PUBLISHER",
        "ISSUED",
        "EXPIRES",
        "SCOPE",
        "REVOKED",
        "USES",
        "LAST USED",
        "LABEL",
    ];
    print_table(&header, &rows);
}
