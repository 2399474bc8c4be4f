//! `commons gc`: frees what the data directory keeps only to go faster: the crawler's git
//! cache beyond its cap (least recently used first) and the demo's repositories, which serve
//! only while the demo is loaded and are made again if it loads again.

use crate::store_args::StoreArgs;
use clap::Args as ClapArgs;
use commons_crawler::gc;
use std::process::ExitCode;
use std::time::SystemTime;

/// `commons gc` arguments.
#[derive(ClapArgs, Debug)]
pub struct Args {
    #[command(flatten)]
    store: StoreArgs,
    /// The git cache's cap, in MiB (0 removes every repository not used in the last ten
    /// minutes).
    #[arg(
        long,
        default_value_t = 2048,
        value_name = "MIB",
        env = "COMMONS_GIT_CACHE_MAX_MIB"
    )]
    git_cache_max_mib: u64,
}

fn mib(bytes: u64) -> f64 {
    bytes as f64 / 1_048_576.0
}

/// Prunes; exit 2 when something could not be removed.
pub fn run(args: Args) -> ExitCode {
    let data = &args.store.data_dir;
    let cache = data.join("git-cache");
    let max = args.git_cache_max_mib.saturating_mul(1024 * 1024);
    match gc::prune_git_cache(&cache, max, gc::GRACE, SystemTime::now()) {
        Ok(pruned) => println!(
            "git cache: {} repositories, {:.1} MiB; {} least recently used removed, {:.1} MiB left (cap {} MiB)",
            pruned.repositories,
            mib(pruned.bytes_before),
            pruned.removed,
            mib(pruned.bytes_after),
            args.git_cache_max_mib
        ),
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
