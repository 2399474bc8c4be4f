//! `commons gc`: frees what the data directory keeps only to go faster: the crawler's git
//! cache beyond its cap (least recently used first) and the demo's repositories, which serve
//! only while the demo is loaded and are made again if it loads again.

use crate::store_args::StoreArgs;
use clap::Args as ClapArgs;
use commons_crawler::gc;
use std::process::ExitCode;
use std::time::SystemTime;

/// The git cache's cap, shared by `crawl`, `serve` and `gc`.
#[derive(ClapArgs, Debug, Clone, Copy)]
pub struct GitCacheArgs {
    /// The crawler's git cache cap, in MiB: after each crawl (and at `commons gc`) the
    /// repositories used least recently are removed from `<data>/git-cache` until it fits,
    /// except those used in the last ten minutes; a removed one is fetched again when needed.
    #[arg(
        long,
        default_value_t = 2048,
        value_name = "MIB",
        env = "COMMONS_GIT_CACHE_MAX_MIB"
    )]
    pub git_cache_max_mib: u64,
}

impl GitCacheArgs {
    /// The cap in bytes.
    pub fn max_bytes(&self) -> u64 {
        self.git_cache_max_mib.saturating_mul(1024 * 1024)
    }

    /// The line `crawl` and `gc` end with.
    pub fn report(&self, pruned: &gc::Pruned) -> String {
        format!(
            "git cache: {} repositories, {:.1} MiB; {} least recently used removed, {:.1} MiB left (cap {} MiB)",
            pruned.repositories,
            mib(pruned.bytes_before),
            pruned.removed,
            mib(pruned.bytes_after),
            self.git_cache_max_mib
        )
    }
}

/// `commons gc` arguments.
#[derive(ClapArgs, Debug)]
pub struct Args {
    #[command(flatten)]
    store: StoreArgs,
    #[command(flatten)]
    cache: GitCacheArgs,
}

fn mib(bytes: u64) -> f64 {
    bytes as f64 / 1_048_576.0
}

/// Prunes; exit 2 when something could not be removed.
pub fn run(args: Args) -> ExitCode {
    let data = &args.store.data_dir;
    let cache = data.join("git-cache");
    match gc::prune_git_cache(&cache, args.cache.max_bytes(), gc::GRACE, SystemTime::now()) {
        Ok(pruned) => println!("{}", args.cache.report(&pruned)),
        Err(e) => {
            eprintln!("commons gc: {}: {e}", cache.display());
            return ExitCode::from(2);
        }
    }
    let demo = data.join("demo-repositories");
    if demo.exists() {
        let bytes = gc::size_of(&demo);
        if let Err(e) = std::fs::remove_dir_all(&demo) {
            eprintln!("commons gc: {}: {e}", demo.display());
            return ExitCode::from(2);
        }
        println!("demo repositories: {:.1} MiB removed", mib(bytes));
    }
    ExitCode::SUCCESS
}
