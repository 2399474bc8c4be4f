//! `commons reindex`: rebuilds the search index from the catalog.

use crate::store_args::{StoreArgs, init_logging, runtime};
use clap::Args as ClapArgs;
use commons_catalog::Catalog;
use commons_search::SearchIndex;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Instant;

/// `commons reindex` arguments.
#[derive(ClapArgs, Debug)]
pub struct Args {
    #[command(flatten)]
    store: StoreArgs,
}

/// Rebuilds the index; exit 2 when the catalog or the index cannot be opened (a running
/// server holds the index: stop it first, or let it rebuild at start).
pub fn run(args: Args) -> ExitCode {
    init_logging();
    match runtime().and_then(|rt| rt.block_on(reindex(args.store))) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("commons reindex: {e:#}");
            ExitCode::from(2)
        }
    }
}

async fn reindex(store: StoreArgs) -> anyhow::Result<()> {
    let started = Instant::now();
    let catalog = Catalog::open(store.database.as_deref(), &store.data_dir).await?;
    let dir = store.data_dir.join("index");
    let (index, _) = SearchIndex::open_or_create(&dir)?;
    let index = Arc::new(index);
    let count = commons_app::indexer::rebuild(&catalog, &index).await?;
    catalog.close().await;
    eprintln!(
        "Indexed {count} listed entries in {:.1} s ({}).",
        started.elapsed().as_secs_f64(),
        dir.display()
    );
    Ok(())
}
