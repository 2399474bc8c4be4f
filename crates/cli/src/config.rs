//! `commons config check FILE`: reads a configuration file as `commons serve --config` would,
//! reports every problem (each unknown key with its line and column), and prints the
//! effective configuration (the file under the environment's `COMMONS_...` variables; no
//! secret is printed: the OIDC client secret by its file's path only, a database password
//! masked).

use clap::{Args as ClapArgs, Subcommand};
use commons_server::settings;
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `commons config`.
#[derive(ClapArgs)]
pub struct Args {
    #[command(subcommand)]
    action: Action,
}

#[derive(Subcommand)]
enum Action {
    /// Check a configuration file and print the effective configuration (exit 0 valid, 2 not).
    Check {
        /// The configuration file (TOML).
        file: PathBuf,
    },
}

/// Runs `commons config ...`.
pub fn run(args: Args) -> ExitCode {
    match args.action {
        Action::Check { file } => check(file),
    }
}

fn check(file: PathBuf) -> ExitCode {
    let loaded = settings::load(
        Some(&file),
        |name| std::env::var(name).ok(),
        settings::Layer::new(),
    );
    let mut problems = match &loaded {
        Ok(_) => Vec::new(),
        Err(problems) => problems.clone(),
    };
    if let Ok(loaded) = &loaded
        && let Some(secret) = &loaded.config.oidc.client_secret_file
        && let Err(e) = std::fs::File::open(secret)
    {
        problems.push(settings::Problem {
            origin: file.display().to_string(),
            line: 0,
            column: 0,
            message: format!(
                "oidc.client_secret_file: cannot read {}: {e}",
                secret.display()
            ),
        });
    }
    if !problems.is_empty() {
        for problem in &problems {
            println!("{problem}");
        }
        let s = if problems.len() == 1 { "" } else { "s" };
        println!("{}: {} problem{s}", file.display(), problems.len());
        return ExitCode::from(2);
    }
    let Ok(loaded) = loaded else {
        return ExitCode::from(2);
    };
    println!(
        "# {}: valid. The effective configuration (the file, under the environment's \
         COMMONS_... variables; flags of `commons serve` win over both):",
        file.display()
    );
    println!("{}", loaded.describe());
    ExitCode::SUCCESS
}
