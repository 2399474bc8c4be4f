//! `commons serve`: the catalog server (API and web UI).

use crate::store_args::{StoreArgs, init_logging, runtime};
use clap::Args as ClapArgs;
use commons_server::{CrawlConfig, ServeConfig, Server, shutdown_signal};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

/// `commons serve` arguments.
#[derive(ClapArgs, Debug)]
pub struct Args {
    /// Address to listen on.
    #[arg(
        long,
        value_name = "ADDR",
        default_value = "127.0.0.1:8080",
        env = "COMMONS_LISTEN"
    )]
    listen: SocketAddr,
    #[command(flatten)]
    store: StoreArgs,
    /// Load the built-in demo catalog when the catalog is empty.
    #[arg(long)]
    demo: bool,
    /// How often this replica's search index looks for catalog changes, in milliseconds.
    #[arg(long, value_name = "MS", default_value_t = 1000, value_parser = clap::value_parser!(u64).range(50..=60_000))]
    poll_ms: u64,
    /// Crawl the forges of the publishers in this registry (see `commons publishers check`);
    /// enables the push webhooks.
    #[arg(long, value_name = "FILE")]
    publishers: Option<PathBuf>,
    /// Crawl everything at start and then this often (e.g. 1h, 30m); without it, only
    /// webhooks trigger crawls. Needs --publishers.
    #[arg(long, value_name = "DURATION", requires = "publishers", value_parser = parse_period)]
    crawl_every: Option<Duration>,
    /// Also contact this host (host or host:port) when crawling, besides the registry's hosts.
    #[arg(long = "allow-host", value_name = "HOST", requires = "publishers")]
    allow_hosts: Vec<String>,
    /// Do not assess crawled repositories (no history is fetched; entries keep the
    /// assessments they have).
    #[arg(long, requires = "publishers")]
    no_assess: bool,
    #[command(flatten)]
    worker: crate::assess_worker::WorkerArgs,
}

fn parse_period(s: &str) -> Result<Duration, String> {
    let period = humantime::parse_duration(s).map_err(|e| e.to_string())?;
    if period < Duration::from_secs(60) {
        return Err("the crawl period is at least 1m".into());
    }
    Ok(period)
}

/// Runs the server until SIGTERM or Ctrl-C.
pub fn run(args: Args) -> ExitCode {
    init_logging();
    let assess_worker = match args.worker.worker() {
        Ok(worker) => worker,
        Err(e) => {
            eprintln!("commons serve: {e:#}");
            return ExitCode::from(2);
        }
    };
    let config = ServeConfig {
        listen: args.listen,
        data_dir: args.store.data_dir,
        database: args.store.database,
        demo: args.demo,
        poll_interval: Duration::from_millis(args.poll_ms),
        crawl: args.publishers.map(|publishers| CrawlConfig {
            publishers,
            every: args.crawl_every,
            allow_hosts: args.allow_hosts,
            // Secrets come from the environment only, never from flags (which `ps` shows).
            github_secret: std::env::var("COMMONS_GITHUB_WEBHOOK_SECRET").ok(),
            gitlab_token: std::env::var("COMMONS_GITLAB_WEBHOOK_TOKEN").ok(),
            assess: !args.no_assess,
        }),
        assess_worker: Some(assess_worker),
    };
    match runtime().and_then(|rt| rt.block_on(serve(config))) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("commons serve: {e:#}");
            ExitCode::from(2)
        }
    }
}

async fn serve(config: ServeConfig) -> anyhow::Result<()> {
    let (server, report) = Server::start(config).await?;
    let entries = server.state().index.doc_count();
    if report.demo_loaded > 0 {
        eprintln!(
            "Loaded the demo catalog: {} entries, {} assessed.",
            report.demo_loaded, report.demo_assessed
        );
    }
    eprintln!(
        "Commons is serving {entries} entries at http://{}/ (index {:?}, {} applied, ready in {} ms). Stop with Ctrl-C.",
        report.address,
        report.index,
        report.indexed,
        report.startup.as_millis()
    );
    server.serve(shutdown_signal()).await?;
    eprintln!("Commons stopped.");
    Ok(())
}
