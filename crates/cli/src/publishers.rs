//! `commons publishers check FILE`: checks a publishers registry and reports every problem
//! like a compiler (`file:line:col: error: message`).

use clap::{Args as ClapArgs, Subcommand};
use commons_crawler::Registry;
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `commons publishers`.
#[derive(ClapArgs)]
pub struct Args {
    #[command(subcommand)]
    action: Action,
}

#[derive(Subcommand)]
enum Action {
    /// Check a publishers registry file (exit 0 valid, 1 invalid, 2 unreadable).
    Check {
        /// The registry file (YAML).
        file: PathBuf,
    },
}

/// Runs `commons publishers ...`.
pub fn run(args: Args) -> ExitCode {
    let Action::Check { file } = args.action;
    if !file.is_file() {
        eprintln!("{}: error: no such file", file.display());
        return ExitCode::from(2);
    }
    match Registry::load(&file) {
        Ok(registry) => {
            let hostings: usize = registry.publishers.iter().map(|p| p.hosting.len()).sum();
            println!(
                "{}: {} publishers, {} hosting locations: valid",
                file.display(),
                registry.publishers.len(),
                hostings
            );
            ExitCode::SUCCESS
        }
        Err(errors) => {
            for e in &errors {
                println!("{}:{e}", file.display());
            }
            println!("{}: {} errors", file.display(), errors.len());
            ExitCode::from(1)
        }
    }
}
