//! Where the catalog lives: the flags shared by the commands that open it.

use clap::Args;
use std::path::PathBuf;

/// `--data` and `--database`.
#[derive(Args, Debug, Clone)]
pub struct StoreArgs {
    /// Data directory: the SQLite catalog (when no --database is given) and the search index.
    #[arg(
        long = "data",
        value_name = "DIR",
        default_value = "commons-data",
        env = "COMMONS_DATA"
    )]
    pub data_dir: PathBuf,
    /// The catalog database: postgres://USER@HOST/DB for the scale-out store, or sqlite://FILE.
    /// Default: SQLite in the data directory.
    #[arg(long, value_name = "URL", env = "COMMONS_DATABASE")]
    pub database: Option<String>,
}

/// The log filter when `RUST_LOG` is not set. tokei warns of every file extension it does not
/// know (each `go.sum`, each image) while the line counter skips them on purpose.
pub const DEFAULT_LOG_FILTER: &str = "info,tokei=error";

/// How log lines are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum LogFormat {
    /// One readable line per event.
    #[default]
    Text,
    /// One JSON object per line (time, level, target, fields, the request's span), for a log
    /// collector.
    Json,
}

/// Starts logging to standard error as text (`RUST_LOG` sets the filter; default
/// [`DEFAULT_LOG_FILTER`]).
pub fn init_logging() {
    init_logging_as(LogFormat::Text);
}

/// Starts logging to standard error in `format`.
pub fn init_logging_as(format: LogFormat) {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(DEFAULT_LOG_FILTER));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    let _ = match format {
        LogFormat::Text => builder.try_init(),
        LogFormat::Json => builder
            .json()
            .with_current_span(true)
            .with_span_list(false)
            .try_init(),
    };
}

/// A multi-threaded runtime for the async commands.
pub fn runtime() -> anyhow::Result<tokio::runtime::Runtime> {
    Ok(tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?)
}
