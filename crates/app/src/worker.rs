//! Assessments in a child process: the `commons assess-worker` program reads one
//! [`WorkerRequest`] (JSON) on its standard input and writes the assessment's JSON on its
//! standard output; [`AssessWorker`] spawns it with an address-space and a CPU limit, a
//! wall-clock deadline and a cap on what it may write, and turns every way it can end badly
//! (a panic, a stack overflow, a limit, a kill, garbage on stdout) into one sentence for the
//! crawl outcome.
//!
//! Why a process: an assessment parses files anyone can push (YAML, JSON, TOML, XML, any
//! source file through tokei) with third-party code. Bounds on each parser stop the hostile
//! inputs known today; a process is what stops the ones not known yet. A stack overflow
//! aborts the whole process (`catch_unwind` never sees it), a thread with a larger stack only
//! moves the limit and still shares the server's memory, and neither can be stopped when it
//! runs away: a child process can be killed, and the kernel enforces its limits.

use commons_assess::{Limits, osv};
use commons_publiccode::PublicCode;
use serde::{Deserialize, Serialize};
use std::ffi::OsString;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{ExitStatus, Stdio};
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// Time a worker gets beyond the assessment's own deadline (starting, loading the OSV export,
/// writing its answer): this plus a quarter of the deadline.
const GRACE: Duration = Duration::from_secs(5);
/// Largest request a worker reads.
const MAX_REQUEST_BYTES: u64 = 16 * 1024 * 1024;
/// Most of a worker's standard error kept for the failure note.
const MAX_STDERR_BYTES: u64 = 8 * 1024;

/// One assessment for a worker.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WorkerRequest {
    /// The repository (work tree or bare).
    pub git_dir: PathBuf,
    /// The validated publiccode.yml, when the caller has it.
    pub publiccode: Option<PublicCode>,
    /// The data directory whose imported OSV export is used, when there is one.
    pub osv_data_dir: Option<PathBuf>,
    /// The assessment's deadline, in seconds.
    pub deadline_seconds: u64,
    /// The assessment's read budget, in bytes.
    pub max_bytes_read: u64,
}

/// Why a worker could not answer (the worker's side).
#[derive(Debug, thiserror::Error)]
pub enum WorkerError {
    /// The request could not be read or is not a request.
    #[error("bad request: {0}")]
    Request(String),
    /// The OSV export could not be loaded.
    #[error("{0}")]
    Osv(#[from] osv::OsvError),
    /// The assessment could not run.
    #[error("{0}")]
    Assess(#[from] commons_assess::repo::RepoError),
    /// The answer could not be written.
    #[error("writing the answer: {0}")]
    Answer(String),
}

/// The worker's side: reads one request from `input`, assesses, writes the JSON to `output`.
/// This is all `commons assess-worker` does.
pub fn serve(input: impl Read, output: impl Write) -> Result<(), WorkerError> {
    let mut text = Vec::new();
    input
        .take(MAX_REQUEST_BYTES)
        .read_to_end(&mut text)
        .map_err(|e| WorkerError::Request(e.to_string()))?;
    let request: WorkerRequest =
        serde_json::from_slice(&text).map_err(|e| WorkerError::Request(e.to_string()))?;
    let database = match &request.osv_data_dir {
        Some(dir) => Some(osv::Database::load(dir)?),
        None => None,
    };
    let input = commons_assess::Input {
        publiccode: request.publiccode.as_ref(),
        osv: database.as_ref(),
        limits: Limits {
            deadline: Duration::from_secs(request.deadline_seconds),
            max_bytes_read: request.max_bytes_read,
        },
        ..Default::default()
    };
    let assessment = commons_assess::assess(&request.git_dir, &input)?;
    let mut output = std::io::BufWriter::new(output);
    serde_json::to_writer(&mut output, &assessment)
        .map_err(|e| WorkerError::Answer(e.to_string()))?;
    output
        .flush()
        .map_err(|e| WorkerError::Answer(e.to_string()))
}

/// The program that assesses in a child process, and its limits.
#[derive(Debug, Clone)]
pub struct AssessWorker {
    /// The program (`commons` passes its own executable).
    pub program: PathBuf,
    /// Its arguments (`["assess-worker"]` for `commons`).
    pub args: Vec<OsString>,
    /// The assessment's deadline and read budget; the child is killed [`GRACE`] and a
    /// quarter of the deadline after the deadline.
    pub limits: Limits,
    /// Address space the child may map (RLIMIT_AS), in bytes.
    pub max_memory: u64,
    /// Most bytes of JSON the child may write.
    pub max_answer: u64,
}

impl AssessWorker {
    /// `program assess-worker` with the default limits: the assessment's defaults, 4 GiB of
    /// address space, a 64 MiB answer.
    pub fn new(program: impl Into<PathBuf>) -> Self {
        AssessWorker {
            program: program.into(),
            args: vec!["assess-worker".into()],
            limits: Limits::default(),
            max_memory: 4 * 1024 * 1024 * 1024,
            max_answer: 64 * 1024 * 1024,
        }
    }

    fn wall_clock(&self) -> Duration {
        self.limits.deadline + self.limits.deadline / 4 + GRACE
    }

    /// Assesses `git_dir` in a child process; the assessment's JSON, or why there is none.
    pub async fn assess(
        &self,
        git_dir: &Path,
        publiccode: Option<PublicCode>,
        osv_data_dir: Option<PathBuf>,
    ) -> Result<serde_json::Value, String> {
        let request = WorkerRequest {
            git_dir: git_dir.to_path_buf(),
            publiccode,
            osv_data_dir,
            deadline_seconds: self.limits.deadline.as_secs().max(1),
            max_bytes_read: self.limits.max_bytes_read,
        };
        let request = serde_json::to_vec(&request).map_err(|e| e.to_string())?;
        match tokio::time::timeout(self.wall_clock(), self.run(&request)).await {
            Ok(answer) => answer,
            // Dropping the future drops the child, which `kill_on_drop` kills.
            Err(_) => Err(format!(
                "the assessment process took longer than {} s and was killed",
                self.wall_clock().as_secs()
            )),
        }
    }

    async fn run(&self, request: &[u8]) -> Result<serde_json::Value, String> {
        let mut command = tokio::process::Command::new(&self.program);
        command
            .args(&self.args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .kill_on_drop(true);
        let (memory, cpu) = (self.max_memory, self.wall_clock().as_secs());
        // SAFETY: the closure runs between fork and exec and only calls setrlimit, which is
        // async-signal-safe; it allocates nothing and takes no lock.
        unsafe {
            command.pre_exec(move || limit_resources(memory, cpu));
        }
        let mut child = command
            .spawn()
            .map_err(|e| format!("cannot start {}: {e}", self.program.display()))?;
        let (Some(mut stdin), Some(stdout), Some(stderr)) =
            (child.stdin.take(), child.stdout.take(), child.stderr.take())
        else {
            return Err("the assessment process has no pipes".into());
        };
        let request = request.to_vec();
        let feeding = tokio::spawn(async move {
            // A worker that dies early closes its end; its status says why, not this write.
            let _ = stdin.write_all(&request).await;
        });
        let cap = self.max_answer;
        let (answer, errors, status) = tokio::join!(
            read_capped(stdout, cap + 1),
            read_capped(stderr, MAX_STDERR_BYTES),
            child.wait()
        );
        let _ = feeding.await;
        let status = status.map_err(|e| format!("waiting for the assessment process: {e}"))?;
        let (answer, errors) = (answer?, errors.unwrap_or_default());
        if answer.len() as u64 > cap {
            return Err(format!(
                "the assessment process wrote more than {cap} bytes and was stopped"
            ));
        }
        if !status.success() {
            return Err(failure(status, &errors));
        }
        serde_json::from_slice(&answer)
            .map_err(|e| format!("the assessment process wrote no assessment ({e})"))
    }
}

/// Reads at most `cap` bytes; past that the pipe is closed, so a child writing more gets
/// SIGPIPE instead of being read forever.
async fn read_capped(pipe: impl tokio::io::AsyncRead + Unpin, cap: u64) -> Result<Vec<u8>, String> {
    let mut buf = Vec::new();
    pipe.take(cap)
        .read_to_end(&mut buf)
        .await
        .map_err(|e| format!("reading from the assessment process: {e}"))?;
    Ok(buf)
}

/// One sentence for a worker that ended badly.
fn failure(status: ExitStatus, stderr: &[u8]) -> String {
    use std::os::unix::process::ExitStatusExt;
    let said = String::from_utf8_lossy(stderr);
    let said = said
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
        .trim();
    match status.signal() {
        Some(signal) => format!(
            "the assessment process was killed by signal {signal} ({}){}",
            signal_cause(signal),
            if said.is_empty() {
                String::new()
            } else {
                format!(": {said}")
            }
        ),
        None if said.is_empty() => format!("the assessment process failed ({status})"),
        None => said.to_string(),
    }
}

fn signal_cause(signal: i32) -> &'static str {
    match signal {
        libc::SIGABRT => "an abort: a stack overflow or a failed allocation",
        libc::SIGSEGV | libc::SIGBUS => "a crash",
        libc::SIGXCPU => "its CPU time limit",
        libc::SIGKILL => "killed from outside, or out of memory",
        libc::SIGPIPE => "its answer was too large",
        _ => "a signal",
    }
}

/// Sets the child's address-space and CPU-time limits (called between fork and exec).
fn limit_resources(memory: u64, cpu_seconds: u64) -> std::io::Result<()> {
    set_limit(libc::RLIMIT_AS, memory)?;
    set_limit(libc::RLIMIT_CPU, cpu_seconds)
}

/// The type glibc gives setrlimit's first argument (a plain int elsewhere).
#[cfg(all(target_os = "linux", target_env = "gnu"))]
type Resource = libc::__rlimit_resource_t;
#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
type Resource = libc::c_int;

fn set_limit(resource: Resource, value: u64) -> std::io::Result<()> {
    let limit = libc::rlimit {
        rlim_cur: value as libc::rlim_t,
        rlim_max: value as libc::rlim_t,
    };
    // SAFETY: setrlimit reads the struct it is given and nothing else.
    if unsafe { libc::setrlimit(resource, &limit) } != 0 {
        return Err(std::io::Error::last_os_error());
    }
    Ok(())
}
