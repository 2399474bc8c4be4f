//! `commons serve`: the catalog server (API and web UI).

use crate::store_args::{StoreArgs, init_logging, runtime};
use clap::Args as ClapArgs;
use commons_server::{ServeConfig, Server, shutdown_signal};
use std::net::SocketAddr;
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
}

/// Runs the server until SIGTERM or Ctrl-C.
pub fn run(args: Args) -> ExitCode {
    init_logging();
    let config = ServeConfig {
        listen: args.listen,
        data_dir: args.store.data_dir,
        database: args.store.database,
        demo: args.demo,
        poll_interval: Duration::from_millis(args.poll_ms),
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
        eprintln!("Loaded the demo catalog: {} entries.", report.demo_loaded);
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
