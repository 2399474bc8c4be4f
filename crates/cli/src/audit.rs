//! `commons audit verify|list`: the catalog's audit log for operators. `verify` walks the
//! hash chain and names the first row altered, removed or inserted; `list` shows the rows,
//! newest first.

use crate::store_args::{StoreArgs, init_logging, runtime};
use clap::{Args as ClapArgs, Subcommand, ValueEnum};
use commons_catalog::{AuditEntry, AuditQuery, AuditVerification, Catalog};
use std::process::ExitCode;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// Arguments of `commons audit`.
#[derive(ClapArgs)]
pub struct Args {
    #[command(subcommand)]
    action: Action,
}

#[derive(Subcommand)]
enum Action {
    /// Walk the hash chain: exit 0 with the count when intact, 1 naming the first bad entry.
    Verify {
        #[command(flatten)]
        store: StoreArgs,
    },
    /// List entries, newest first.
    List {
        /// Only entries at or after this time: RFC 3339 (2026-12-01T00:00:00Z) or a span ago
        /// (7d, 12h).
        #[arg(long, value_name = "TIME", value_parser = parse_since)]
        since: Option<i64>,
        /// Only this actor's (`operator (cli)`, `publisher:unicef (token 3)`...).
        #[arg(long)]
        actor: Option<String>,
        /// Only this action (`token.issue`, `token.revoke`, `declaration.put`,
        /// `declaration.withdraw`, `hook_secret.rotate`, `organisation.create`,
        /// `organisation.update`, `software.publisher`).
        #[arg(long)]
        action: Option<String>,
        /// At most this many entries.
        #[arg(long, default_value_t = 50, value_parser = clap::value_parser!(i64).range(1..=10_000))]
        limit: i64,
        /// Output format.
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
        #[command(flatten)]
        store: StoreArgs,
    },
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Text,
    Json,
}

fn now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

fn parse_since(text: &str) -> Result<i64, String> {
    if let Ok(time) = humantime::parse_rfc3339_weak(text) {
        return Ok(time
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_secs() as i64));
    }
    match humantime::parse_duration(text) {
        Ok(ago) => Ok(now() - ago.as_secs().min(i64::MAX as u64) as i64),
        Err(_) => Err("an RFC 3339 time (2026-12-01T00:00:00Z) or a span ago (7d)".into()),
    }
}

fn rfc3339(seconds: i64) -> String {
    let time = UNIX_EPOCH + Duration::from_secs(seconds.max(0) as u64);
    humantime::format_rfc3339_seconds(time).to_string()
}

/// Runs `commons audit ...`: exit 0 done (an intact chain), 1 a broken chain, 2 when the
/// catalog cannot be opened or read.
pub fn run(args: Args) -> ExitCode {
    init_logging();
    match runtime().and_then(|rt| rt.block_on(action(args.action))) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("commons audit: {e:#}");
            ExitCode::from(2)
        }
    }
}

async fn action(action: Action) -> anyhow::Result<ExitCode> {
    match action {
        Action::Verify { store } => {
            let catalog = Catalog::open(store.database.as_deref(), &store.data_dir).await?;
            let outcome = catalog.verify_audit_log().await;
            catalog.close().await;
            match outcome? {
                AuditVerification::Intact { count, head } => {
                    println!("Audit log intact: {count} entries; last hash {head}.");
                    Ok(ExitCode::SUCCESS)
                }
                AuditVerification::Broken { seq, reason } => {
                    println!("Audit log broken at entry {seq}: {reason}.");
                    Ok(ExitCode::from(1))
                }
            }
        }
        Action::List {
            since,
            actor,
            action,
            limit,
            format,
            store,
        } => {
            let catalog = Catalog::open(store.database.as_deref(), &store.data_dir).await?;
            let entries = catalog
                .audit_entries(&AuditQuery {
                    since,
                    actor,
                    action,
                    before_seq: None,
                    limit,
                })
                .await;
            catalog.close().await;
            let entries = entries?;
            match format {
                Format::Json => println!("{}", serde_json::to_string_pretty(&entries)?),
                Format::Text => print_entries(&entries),
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn print_entries(entries: &[AuditEntry]) {
    if entries.is_empty() {
        eprintln!("No audit entries.");
        return;
    }
    for e in entries {
        println!(
            "{}  {}  {}  {}  {}",
            e.seq,
            rfc3339(e.at),
            e.actor,
            e.action,
            e.target
        );
        if let Some(before) = &e.before {
            println!("    before: {before}");
        }
        if let Some(after) = &e.after {
            println!("    after:  {after}");
        }
    }
}
