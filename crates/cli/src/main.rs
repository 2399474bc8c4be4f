//! `commons`: the command-line entry point. Parses arguments and hands over to the library
//! crates; every exit status is decided here.

mod publishers;
mod validate;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

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
    /// Work with the publishers registry (who publishes where).
    Publishers(publishers::Args),
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
        Command::Publishers(args) => publishers::run(args),
    }
}
