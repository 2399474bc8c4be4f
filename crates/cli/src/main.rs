//! `commons`: the command-line entry point. Parses arguments and hands over to the library
//! crates; every exit status is decided here.

mod assess;
mod assess_worker;
mod audit;
mod backup;
mod config;
mod crawl;
mod export;
mod gc;
mod import;
mod model;
mod osv;
mod publishers;
mod reindex;
mod say;
mod serve;
mod store_args;
mod validate;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// mimalloc instead of the C library's allocator: a cached search answer made a dozen
/// allocations and as many frees, and glibc's malloc was a tenth of its cost under load
/// (docs/benchmarks.md, popular searches).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Commons: the open-source software catalog for the UN system and public organisations.
#[derive(Parser)]
#[command(name = "commons", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Validate publiccode.yml files against the standard.
    Validate(validate::Args),
    /// Assess a repository: license, security, vulnerabilities, vitality, principles, cost.
    Assess(assess::Args),
    /// Manage the imported OSV vulnerability data.
    Osv(osv::Args),
    /// Serve the catalog: the REST API and the web UI.
    Serve(serve::Args),
    /// Record publiccode.yml files (files, directories, local git repositories) in the catalog.
    Import(import::Args),
    /// Rebuild the search index from the catalog.
    Reindex(reindex::Args),
    /// Write a consistent backup of the catalog while it serves.
    Backup(backup::BackupArgs),
    /// Rebuild an empty data directory (or PostgreSQL database) from a backup.
    Restore(backup::RestoreArgs),
    /// Write the catalog as a JSON dump, DCAT-AP 3 (Turtle) or CodeMeta documents.
    Export(export::Args),
    /// Free the git cache beyond its cap and the demo's repositories.
    Gc(gc::Args),
    /// Work with the publishers registry (who publishes where) and publishers' API tokens.
    Publishers(publishers::Args),
    /// Crawl every publisher of a registry once and record what was found.
    Crawl(crawl::Args),
    /// Install and try the sentence-embedding model (multilingual semantic search).
    Model(model::Args),
    /// Check a configuration file (`commons serve --config`) and print the effective settings.
    Config(config::Args),
    /// Verify and list the audit log: who issued, revoked, declared, rotated, and when.
    Audit(audit::Args),
    /// Assess one repository for `crawl`, `import` or `serve` (a request on standard input,
    /// the assessment's JSON on standard output), in a process of its own.
    #[command(hide = true)]
    AssessWorker,
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    match cli.command {
        Command::Validate(args) => validate::run(args),
        Command::Assess(args) => assess::run(args),
        Command::Osv(args) => osv::run(args),
        Command::Serve(args) => serve::run(args),
        Command::Import(args) => import::run(args),
        Command::Reindex(args) => reindex::run(args),
        Command::Backup(args) => backup::run_backup(args),
        Command::Restore(args) => backup::run_restore(args),
        Command::Export(args) => export::run(args),
        Command::Gc(args) => gc::run(args),
        Command::Publishers(args) => publishers::run(args),
        Command::Crawl(args) => crawl::run(args),
        Command::Model(args) => model::run(args),
        Command::Config(args) => config::run(args),
        Command::Audit(args) => audit::run(args),
        Command::AssessWorker => assess_worker::run(),
    }
}
