//! `commons osv import DIR|ZIP`: stores an operator-supplied OSV export under the data
//! directory, for `commons assess` and the crawler's assessments (no network is ever used).

use clap::{Args as ClapArgs, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

/// `commons osv`.
#[derive(ClapArgs, Debug)]
pub struct Args {
    #[command(subcommand)]
    command: OsvCommand,
}

#[derive(Subcommand, Debug)]
enum OsvCommand {
    /// Import an OSV export: a directory of OSV JSON records or a ZIP of them (such as an
    /// ecosystem's all.zip). Replaces the previous import.
    Import {
        /// The export: a directory (searched recursively for *.json) or a .zip file.
        source: PathBuf,
        /// Data directory (the store goes to DIR/osv/).
        #[arg(
            long = "data",
            value_name = "DIR",
            default_value = "commons-data",
            env = "COMMONS_DATA"
        )]
        data_dir: PathBuf,
    },
}

/// Runs `commons osv`.
pub fn run(args: Args) -> ExitCode {
    match args.command {
        OsvCommand::Import { source, data_dir } => {
            match commons_assess::osv::import(&source, &data_dir) {
                Ok(summary) => {
                    for problem in &summary.rejected {
                        eprintln!("skipped: {problem}");
                    }
                    println!(
                        "{} OSV records imported ({} withdrawn skipped, {} files rejected); data as of {}; stored in {}",
                        summary.records,
                        summary.withdrawn,
                        summary.rejected.len(),
                        summary.as_of.as_deref().unwrap_or("unknown"),
                        summary.store.display()
                    );
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("error: {e}");
                    ExitCode::from(2)
                }
            }
        }
    }
}
