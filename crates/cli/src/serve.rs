//! `commons serve`: the catalog server (API and web UI).

use crate::store_args::{LogFormat, init_logging_as, runtime};
use anyhow::Context;
use clap::Args as ClapArgs;
use commons_server::meaning::MeaningConfig;
use commons_server::settings::{self, Layer};
use commons_server::{
    ConnectionLimits, CrawlConfig, HttpPolicy, MetricsAccess, ServeConfig, Server, shutdown_signal,
};
use sha2::{Digest, Sha256};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

/// `commons serve` arguments.
#[derive(ClapArgs, Debug)]
#[command(group(clap::ArgGroup::new("crawling").args(["publishers", "crawl"])))]
pub struct Args {
    /// Address to listen on [env: COMMONS_LISTEN; file: listen; default: 127.0.0.1:8080].
    #[arg(long, value_name = "ADDR")]
    listen: Option<SocketAddr>,
    /// The operator's configuration file (TOML): addresses, limits, sign-in provider,
    /// administrators (see docs/operations.md and `commons config check`). For each key, a
    /// flag wins over its COMMONS_... environment variable, which wins over the file.
    #[arg(long, value_name = "FILE", env = "COMMONS_CONFIG")]
    config: Option<PathBuf>,
    /// Data directory: the SQLite catalog (when no --database is given) and the search index
    /// [env: COMMONS_DATA; file: data; default: commons-data].
    #[arg(long = "data", value_name = "DIR")]
    data_dir: Option<PathBuf>,
    /// The catalog database: postgres://USER@HOST/DB for the scale-out store, or sqlite://FILE
    /// [env: COMMONS_DATABASE; file: database; default: SQLite in the data directory].
    #[arg(long, value_name = "URL")]
    database: Option<String>,
    /// Load the built-in demo catalog when the catalog is empty.
    #[arg(long)]
    demo: bool,
    /// How often this replica's search index looks for catalog changes, in milliseconds.
    #[arg(long, value_name = "MS", default_value_t = 1000, value_parser = clap::value_parser!(u64).range(50..=60_000))]
    poll_ms: u64,
    /// Crawl the forges of the publishers registry the catalog keeps (curated at
    /// /admin/publishers, or imported with `commons publishers import`); enables the push
    /// webhooks.
    #[arg(long)]
    crawl: bool,
    /// Crawl the forges of the publishers in this registry file instead (see `commons
    /// publishers check`): it is imported at start and the registry can then be changed only
    /// by editing it. Enables the push webhooks.
    #[arg(long, value_name = "FILE")]
    publishers: Option<PathBuf>,
    /// Crawl everything at start and then this often (e.g. 1h, 30m); without it, only
    /// webhooks trigger crawls. Needs --crawl or --publishers.
    #[arg(long, value_name = "DURATION", requires = "crawling", value_parser = parse_period)]
    crawl_every: Option<Duration>,
    /// Also contact this host (host or host:port) when crawling, besides the registry's hosts,
    /// even at a loopback, private or other non-public address (refused otherwise).
    #[arg(long = "allow-host", value_name = "HOST", requires = "crawling")]
    allow_hosts: Vec<String>,
    /// Do not assess crawled repositories (no history is fetched; entries keep the
    /// assessments they have).
    #[arg(long, requires = "crawling")]
    no_assess: bool,
    #[command(flatten)]
    cache: crate::gc::GitCacheArgs,
    /// Clients reach the server over HTTPS (through a proxy that terminates TLS): every
    /// cookie is sent `Secure`.
    #[arg(long, env = "COMMONS_BEHIND_TLS")]
    behind_tls: bool,
    /// Send `Strict-Transport-Security` with this max-age (e.g. 365d). Needs --behind-tls.
    #[arg(long, value_name = "DURATION", requires = "behind_tls", value_parser = humantime::parse_duration)]
    hsts_max_age: Option<Duration>,
    /// Serve /metrics only on this address (e.g. 127.0.0.1:9090), not on --listen.
    #[arg(
        long,
        value_name = "ADDR",
        env = "COMMONS_METRICS_LISTEN",
        conflicts_with = "metrics_token_file"
    )]
    metrics_listen: Option<SocketAddr>,
    /// Answer /metrics only with `Authorization: Bearer <the token in FILE>`.
    #[arg(long, value_name = "FILE", env = "COMMONS_METRICS_TOKEN_FILE")]
    metrics_token_file: Option<PathBuf>,
    /// How log lines are written: `text`, or `json` (one object per line, for a collector).
    #[arg(long, value_name = "FORMAT", value_enum, default_value_t = LogFormat::Text, env = "COMMONS_LOG_FORMAT")]
    log_format: LogFormat,
    /// Connections open at once; more wait until one closes [env:
    /// COMMONS_LIMITS_MAX_CONNECTIONS; file: limits.max_connections; default: 1024].
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=1_000_000))]
    max_connections: Option<u32>,
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

/// The metrics access the operator chose: a token read from a file (its SHA-256 kept), or open.
fn metrics_access(token_file: Option<&Path>) -> anyhow::Result<MetricsAccess> {
    let Some(file) = token_file else {
        return Ok(MetricsAccess::Public);
    };
    let text = std::fs::read_to_string(file)
        .with_context(|| format!("cannot read the metrics token file {}", file.display()))?;
    let token = text.trim();
    if token.len() < 16 {
        anyhow::bail!(
            "the metrics token in {} is shorter than 16 characters",
            file.display()
        );
    }
    Ok(MetricsAccess::Token(
        Sha256::digest(token.as_bytes()).into(),
    ))
}

/// The server-wide webhook secrets of earlier versions: whoever held one could recrawl any
/// publisher's repository, which is what let a hook move another publisher's entry.
const RETIRED_SECRETS: [&str; 2] = [
    "COMMONS_GITHUB_WEBHOOK_SECRET",
    "COMMONS_GITLAB_WEBHOOK_TOKEN",
];

/// The flags the operator typed that are also keys of the configuration file.
fn flag_layer(args: &Args) -> Layer {
    let mut layer = Layer::new();
    let text = |s: String| toml::Value::String(s);
    if let Some(listen) = args.listen {
        layer.insert("listen".into(), text(listen.to_string()));
    }
    if let Some(data) = &args.data_dir {
        layer.insert("data".into(), text(data.display().to_string()));
    }
    if let Some(database) = &args.database {
        layer.insert("database".into(), text(database.clone()));
    }
    if let Some(max) = args.max_connections {
        layer.insert(
            "limits.max_connections".into(),
            toml::Value::Integer(i64::from(max)),
        );
    }
    layer
}

/// Runs the server until SIGTERM or Ctrl-C.
pub fn run(args: Args) -> ExitCode {
    init_logging_as(args.log_format);
    let assess_worker = match args.worker.worker() {
        Ok(worker) => worker,
        Err(e) => {
            eprintln!("commons serve: {e:#}");
            return ExitCode::from(2);
        }
    };
    if let Some(name) = RETIRED_SECRETS
        .iter()
        .find(|name| std::env::var_os(name).is_some())
    {
        eprintln!(
            "commons serve: {name} is no longer read: one secret for the whole server let any \
             holder recrawl any publisher's repository. Unset it, set COMMONS_WEBHOOK_KEY (at \
             least 32 random bytes, e.g. `openssl rand -base64 48`) and give each publisher \
             its own secret with `commons publishers hook-secret rotate PUBLISHER_ID`."
        );
        return ExitCode::from(2);
    }
    let metrics = match metrics_access(args.metrics_token_file.as_deref()) {
        Ok(metrics) => metrics,
        Err(e) => {
            eprintln!("commons serve: {e:#}");
            return ExitCode::from(2);
        }
    };
    // Flag > environment > file > default, key by key.
    let loaded = settings::load(
        args.config.as_deref(),
        |name| std::env::var(name).ok(),
        flag_layer(&args),
    );
    let file = match loaded {
        Ok(settings) => settings.config,
        Err(problems) => {
            for problem in &problems {
                eprintln!("commons serve: {problem}");
            }
            return ExitCode::from(2);
        }
    };
    let mut config = ServeConfig {
        http: HttpPolicy {
            https: args.behind_tls,
            hsts_max_age: args.hsts_max_age,
            metrics,
        },
        metrics_listen: args.metrics_listen,
        limits: ConnectionLimits::default(),
        demo: args.demo,
        poll_interval: Duration::from_millis(args.poll_ms),
        crawl: (args.crawl || args.publishers.is_some()).then(|| CrawlConfig {
            publishers: args.publishers,
            every: args.crawl_every,
            allow_hosts: args.allow_hosts,
            // Secrets come from the environment only, never from flags (which `ps` shows).
            webhook_key: std::env::var("COMMONS_WEBHOOK_KEY").ok(),
            assess: !args.no_assess,
            git_cache_max: args.cache.max_bytes(),
            ..CrawlConfig::from_database()
        }),
        assess_worker: Some(assess_worker),
        meaning: MeaningConfig {
            // A newcomer's demo gets the model without a second command.
            fetch: args.demo,
            ..MeaningConfig::default()
        },
        ..ServeConfig::default()
    };
    // The merged settings (with no file, the environment and the flags alone: the rate
    // limit is on by default).
    file.apply(&mut config);
    match runtime().and_then(|rt| rt.block_on(serve(config, args.log_format))) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("commons serve: {e:#}");
            ExitCode::from(2)
        }
    }
}

async fn serve(config: ServeConfig, format: LogFormat) -> anyhow::Result<()> {
    // What the operator reads at start and stop: plain lines, or log events when a collector
    // reads JSON.
    let say = |message: String| match format {
        LogFormat::Text => eprintln!("{message}"),
        LogFormat::Json => tracing::info!(target: "commons", "{message}"),
    };
    let rate_limit = match &config.rate_limit {
        Some(limit) => format!(
            "{} per second per client, {} at once",
            limit.per_second, limit.burst
        ),
        None => "off".to_string(),
    };
    let (server, report) = Server::start(config).await?;
    let entries = server.state().index.doc_count();
    if report.demo_loaded > 0 {
        say(format!(
            "Loaded the demo catalog: {} entries, {} assessed.",
            report.demo_loaded, report.demo_assessed
        ));
    }
    say(format!(
        "Commons is serving {entries} entries at http://{}/ (index {:?}, {} applied, ready in {} ms). Stop with Ctrl-C.",
        report.address,
        report.index,
        report.indexed,
        report.startup.as_millis()
    ));
    say(format!("Rate limit: {rate_limit}."));
    server.serve(shutdown_signal()).await?;
    say("Commons stopped.".to_string());
    Ok(())
}
