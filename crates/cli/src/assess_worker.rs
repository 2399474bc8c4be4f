//! Assessments in a child process: the hidden `commons assess-worker` command (one request
//! on standard input, the assessment's JSON on standard output), and the options that make
//! `crawl`, `import` and `serve` spawn it for every assessment.

use clap::Args as ClapArgs;
use commons_app::worker::AssessWorker;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

/// How assessments run, for the commands that make them.
#[derive(ClapArgs, Debug, Clone)]
pub struct WorkerArgs {
    /// Time allowed to one repository's assessment, in seconds; past it the assessment stops
    /// and the outcome says so.
    #[arg(long, value_name = "SECONDS", default_value_t = 120, value_parser = clap::value_parser!(u64).range(1..=86_400))]
    assess_timeout: u64,
    /// Address space one assessment may use, in MiB; past it the assessment fails and the
    /// outcome says so.
    #[arg(long, value_name = "MIB", default_value_t = 4096, value_parser = clap::value_parser!(u64).range(256..))]
    assess_memory_mib: u64,
    /// The program assessments run in, given `assess-worker` and a request on standard input
    /// (default: this executable).
    #[arg(
        long,
        hide = true,
        value_name = "PROGRAM",
        env = "COMMONS_ASSESS_WORKER"
    )]
    assess_worker: Option<PathBuf>,
}

impl WorkerArgs {
    /// The worker these options describe.
    pub fn worker(&self) -> anyhow::Result<AssessWorker> {
        let program = match &self.assess_worker {
            Some(program) => program.clone(),
            None => std::env::current_exe()?,
        };
        let mut worker = AssessWorker::new(program);
        worker.limits.deadline = Duration::from_secs(self.assess_timeout);
        worker.max_memory = self.assess_memory_mib.saturating_mul(1024 * 1024);
        Ok(worker)
    }
}

/// Runs `commons assess-worker`: exit 0 with the JSON written, 1 with the reason on standard
/// error.
pub fn run() -> ExitCode {
    match commons_app::worker::serve(std::io::stdin().lock(), std::io::stdout().lock()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            ExitCode::from(1)
        }
    }
}
