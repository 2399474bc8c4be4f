//! `commons crawl`: crawls every publisher of a registry once, with a progress bar on a
//! terminal (plain lines otherwise) and a summary. Per-repository failures are outcomes stored
//! in the catalog, not failures of the command.

use crate::store_args::{StoreArgs, runtime};
use clap::Args as ClapArgs;
use commons_catalog::Catalog;
use commons_crawler::{Crawler, CrawlerOptions, Progress, Registry, RepositoryReport};
use indicatif::{ProgressBar, ProgressStyle};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

/// `commons crawl` arguments.
#[derive(ClapArgs, Debug)]
pub struct Args {
    /// Crawl the publishers of this registry file (YAML; see `commons publishers check`)
    /// instead of the registry the catalog keeps (curated at /admin/publishers or imported
    /// with `commons publishers import`). The file is not imported.
    #[arg(long, value_name = "FILE")]
    publishers: Option<PathBuf>,
    #[command(flatten)]
    store: StoreArgs,
    /// Also contact this host (`host` or `host:port`), and let it be at a loopback, private
    /// or other non-public address (for forges on the operator's own network, tests and
    /// demos). Only the registry's hosts are contacted otherwise, at public addresses only.
    #[arg(long = "allow-host", value_name = "HOST")]
    allow_hosts: Vec<String>,
    /// Repositories crawled at once.
    #[arg(long, default_value_t = 8, value_parser = clap::value_parser!(u16).range(1..=256))]
    workers: u16,
    /// Requests at once against one host.
    #[arg(long, default_value_t = 4, value_parser = clap::value_parser!(u16).range(1..=64))]
    per_host: u16,
    /// Largest git fetch, in MiB, before it is stopped (the repository is "too large").
    #[arg(long, default_value_t = 200, value_name = "MIB")]
    max_fetch_mib: u64,
    /// Largest history, in MiB, fetched to assess a repository; past it the repository is
    /// listed but not assessed, and the outcome says why.
    #[arg(long, default_value_t = 1024, value_name = "MIB")]
    max_history_mib: u64,
    /// Do not assess the repositories (no history is fetched; entries keep the assessments
    /// they have). By default a listed repository is assessed when its commit changed or it
    /// has no assessment by the current method.
    #[arg(long)]
    no_assess: bool,
    #[command(flatten)]
    cache: crate::gc::GitCacheArgs,
    #[command(flatten)]
    worker: crate::assess_worker::WorkerArgs,
}

/// Runs the crawl; exit 0 when it ran, 2 on usage, registry or catalog errors.
pub fn run(args: Args) -> ExitCode {
    let registry = match &args.publishers {
        Some(file) => match Registry::load(file) {
            Ok(registry) => Some(registry),
            Err(errors) => {
                for e in &errors {
                    eprintln!("{}:{e}", file.display());
                }
                return ExitCode::from(2);
            }
        },
        None => None,
    };
    let result = runtime().and_then(|rt| rt.block_on(crawl(args, registry)));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("commons crawl: {e:#}");
            ExitCode::from(2)
        }
    }
}

async fn crawl(args: Args, registry: Option<Registry>) -> anyhow::Result<()> {
    let catalog = Catalog::open(args.store.database.as_deref(), &args.store.data_dir).await?;
    let registry = match registry {
        Some(registry) => registry,
        None => {
            let stored = commons_crawler::stored::load(&catalog).await?;
            if stored.registry.publishers.is_empty() {
                anyhow::bail!(
                    "the catalog's publishers registry is empty: add publishers at \
                     /admin/publishers, import a file with `commons publishers import FILE`, \
                     or name one with --publishers FILE"
                );
            }
            stored.registry
        }
    };
    let mut options = CrawlerOptions::new(&args.store.data_dir);
    options.allow_hosts = args.allow_hosts.clone();
    options.workers = usize::from(args.workers);
    options.limits.per_host = usize::from(args.per_host);
    options.limits.max_pack = args.max_fetch_mib.saturating_mul(1024 * 1024);
    options.limits.max_history = args.max_history_mib.saturating_mul(1024 * 1024);
    options.assess = !args.no_assess;
    options.git_cache_max = args.cache.max_bytes();
    options.assess_worker = Some(args.worker.worker()?);
    let crawler = Crawler::new(registry, catalog.clone(), options)?;
    let progress: Arc<dyn Progress> = if std::io::stderr().is_terminal() {
        Arc::new(Bar::new())
    } else {
        Arc::new(Lines)
    };
    let summary = crawler.run(Arc::clone(&progress)).await?;
    catalog.close().await;
    let crawled: usize = summary.outcomes.values().sum();
    let counts: Vec<String> = summary
        .outcomes
        .iter()
        .map(|(kind, n)| format!("{n} {}", kind.replace('_', " ")))
        .collect();
    println!(
        "crawl: {} repositories discovered, {crawled} crawled in {:.1} s ({}){}",
        summary.discovered,
        summary.elapsed.as_secs_f64(),
        if counts.is_empty() {
            "nothing to do".to_string()
        } else {
            counts.join(", ")
        },
        if summary.hostings_failed > 0 {
            format!(
                "; {} hosting locations could not be listed",
                summary.hostings_failed
            )
        } else {
            String::new()
        }
    );
    println!("{}", args.cache.report(&summary.git_cache));
    Ok(())
}

/// A progress bar: repositories done out of queued, rate and ETA.
struct Bar {
    bar: ProgressBar,
}

impl Bar {
    fn new() -> Self {
        let bar = ProgressBar::new(0);
        bar.set_style(
            ProgressStyle::with_template(
                "{spinner} {msg} [{bar:30}] {pos}/{len} repositories, {per_sec}, ETA {eta}",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> "),
        );
        bar.set_message("discovering");
        Bar { bar }
    }
}

impl Progress for Bar {
    fn discovered(&self, hosting: &str, result: Result<usize, &str>) {
        match result {
            Ok(n) => self.bar.set_message(format!("{hosting}: {n} found")),
            Err(why) => self.bar.println(format!("{hosting}: cannot list: {why}")),
        }
    }

    fn queued(&self, total: u64) {
        self.bar.set_length(total);
        self.bar.set_message("crawling");
    }

    fn finished(&self, report: &RepositoryReport) {
        use commons_catalog::CrawlOutcomeKind::{Ok, SkippedUnchanged};
        if !matches!(report.outcome, Ok | SkippedUnchanged) {
            self.bar.println(format!(
                "{} {}: {}",
                report.outcome.as_str(),
                report.url,
                report.detail.as_deref().unwrap_or("")
            ));
        }
        self.bar.inc(1);
        if self.bar.position() >= self.bar.length().unwrap_or(0) {
            self.bar.finish_and_clear();
        }
    }
}

/// One line per event, for logs.
struct Lines;

impl Progress for Lines {
    fn discovered(&self, hosting: &str, result: Result<usize, &str>) {
        match result {
            Ok(n) => eprintln!("discovered {n} repositories at {hosting}"),
            Err(why) => eprintln!("cannot list {hosting}: {why}"),
        }
    }

    fn queued(&self, total: u64) {
        eprintln!("{total} repositories to crawl");
    }

    fn finished(&self, report: &RepositoryReport) {
        match &report.detail {
            Some(detail) => eprintln!("{} {}: {detail}", report.outcome.as_str(), report.url),
            None => eprintln!("{} {}", report.outcome.as_str(), report.url),
        }
    }
}
