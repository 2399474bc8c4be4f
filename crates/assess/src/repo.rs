//! Read-only access to a git repository (bare or not).
//!
//! Files, the tree and the tags are read through the `git` command line: it reads every
//! repository format git itself writes, and every command runs with a size cap and a deadline.
//! The history walk reads the objects in process with gitoxide instead (see [`history`]): it
//! must keep up with `git log`, which a second process parsing `git log`'s output cannot.
//! Files are read from HEAD's *tree*, never from a working copy, so a symbolic link is only a
//! blob holding a path: it is listed with its mode and never followed.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use wait_timeout::ChildExt;

mod history;

/// Largest file read whole (bytes). Larger files are only sniffed (first [`SNIFF_BYTES`]).
pub const MAX_READ_BYTES: u64 = 4 * 1024 * 1024;
/// How much of a file is read to tell text from binary.
pub const SNIFF_BYTES: usize = 8 * 1024;
/// Most tree entries listed (a tree larger than this is truncated, and said so).
pub const MAX_TREE_ENTRIES: usize = 2_000_000;
/// Default time allowed to one git command.
pub const GIT_TIMEOUT: Duration = Duration::from_secs(120);
/// Default time allowed to a whole assessment.
pub const DEFAULT_DEADLINE: Duration = Duration::from_secs(120);
/// Default cap on the bytes of files handed to one assessment (cache hits included): every
/// section's work is proportional to what it reads, so this bounds the work on a tree of many
/// paths to the same large blob.
pub const DEFAULT_MAX_BYTES_READ: u64 = 2 * 1024 * 1024 * 1024;
/// Bytes of blobs kept in memory, by id, so a blob many paths point to is read from git once.
const BLOB_CACHE_BYTES: usize = 64 * 1024 * 1024;

/// Bounds on the work of one assessment.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Wall-clock time for the whole assessment, git commands included.
    pub deadline: Duration,
    /// Bytes of files read, counted every time a file is handed to a check.
    pub max_bytes_read: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            deadline: DEFAULT_DEADLINE,
            max_bytes_read: DEFAULT_MAX_BYTES_READ,
        }
    }
}

/// Errors from reading the repository.
#[derive(Debug, thiserror::Error)]
pub enum RepoError {
    /// `git` could not be started.
    #[error("cannot run git: {0}")]
    Spawn(#[source] std::io::Error),
    /// The path is not a git repository.
    #[error("{path} is not a git repository: {message}")]
    NotARepository {
        /// The path given.
        path: PathBuf,
        /// What git said.
        message: String,
    },
    /// The repository has no commit on HEAD.
    #[error("the repository has no commit on HEAD")]
    EmptyRepository,
    /// A git command failed.
    #[error("git {command} failed: {message}")]
    Git {
        /// The subcommand.
        command: String,
        /// What git said (first line).
        message: String,
    },
    /// A git command ran out of time.
    #[error("git {command} took longer than {seconds} s and was stopped")]
    Timeout {
        /// The subcommand.
        command: String,
        /// The limit.
        seconds: u64,
    },
    /// A file is larger than the read cap.
    #[error("{path} is {size} bytes, more than the {limit} bytes read from one file")]
    TooLarge {
        /// The file.
        path: String,
        /// Its size.
        size: u64,
        /// The cap.
        limit: u64,
    },
    /// The history could not be read (a missing or corrupt commit).
    #[error("reading the history failed: {0}")]
    History(String),
    /// The assessment's deadline passed.
    #[error("the assessment took longer than {seconds} s and was stopped")]
    DeadlinePassed {
        /// The deadline.
        seconds: u64,
    },
    /// The assessment read as many bytes as it may.
    #[error("{path}: not read, the assessment already read {limit} bytes, its limit")]
    ReadBudgetSpent {
        /// The file not read.
        path: String,
        /// The limit.
        limit: u64,
    },
    /// Reading a pipe from git failed.
    #[error("reading from git: {0}")]
    Io(#[from] std::io::Error),
}

impl RepoError {
    /// The error as a sentence of the method's messages; git's and the system's own words stay
    /// as written, in `detail`.
    pub fn said(&self) -> commons_report::Said {
        use crate::say::say;
        match self {
            RepoError::Spawn(e) => say("error-git-spawn", &[("detail", e.to_string().into())]),
            RepoError::NotARepository { path, message } => say(
                "error-not-a-repository",
                &[
                    ("file", path.display().to_string().into()),
                    ("detail", message.as_str().into()),
                ],
            ),
            RepoError::EmptyRepository => say("error-empty-repository", &[]),
            RepoError::Git { command, message } => say(
                "error-git-failed",
                &[
                    ("command", command.as_str().into()),
                    ("detail", message.as_str().into()),
                ],
            ),
            RepoError::Timeout { command, seconds } => say(
                "error-git-timeout",
                &[
                    ("command", command.as_str().into()),
                    ("seconds", (*seconds).into()),
                ],
            ),
            RepoError::TooLarge { path, size, limit } => say(
                "error-file-too-large",
                &[
                    ("file", path.as_str().into()),
                    ("size", (*size).into()),
                    ("limit", (*limit).into()),
                ],
            ),
            RepoError::History(message) => say(
                "error-history-failed",
                &[("detail", message.as_str().into())],
            ),
            RepoError::DeadlinePassed { seconds } => {
                say("error-deadline-passed", &[("seconds", (*seconds).into())])
            }
            RepoError::ReadBudgetSpent { path, limit } => say(
                "error-read-budget-spent",
                &[("file", path.as_str().into()), ("limit", (*limit).into())],
            ),
            RepoError::Io(e) => say("error-git-read", &[("detail", e.to_string().into())]),
        }
    }

    /// The error of reading `file` as a sentence: the file named is `file` (a blob read once
    /// may stand for several paths), and git's own words stay as written.
    pub fn said_of(&self, file: &str) -> commons_report::Said {
        use crate::say::say;
        match self {
            RepoError::TooLarge { size, limit, .. } => say(
                "error-file-too-large",
                &[
                    ("file", file.into()),
                    ("size", (*size).into()),
                    ("limit", (*limit).into()),
                ],
            ),
            RepoError::ReadBudgetSpent { limit, .. } => say(
                "error-read-budget-spent",
                &[("file", file.into()), ("limit", (*limit).into())],
            ),
            other => say(
                "error-file-not-read",
                &[("file", file.into()), ("detail", other.to_string().into())],
            ),
        }
    }
}

/// The kind of a tree entry, from its git mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntryKind {
    /// A regular file (mode 100644).
    File,
    /// An executable file (mode 100755).
    Executable,
    /// A symbolic link (mode 120000): never followed.
    Symlink,
    /// A submodule (mode 160000): not read.
    Submodule,
}

/// One file of HEAD's tree.
#[derive(Debug, Clone)]
pub struct TreeEntry {
    /// Path from the repository root, with `/` separators.
    pub path: String,
    /// What it is.
    pub kind: EntryKind,
    /// Blob id.
    pub oid: String,
    /// Size in bytes (0 for submodules).
    pub size: u64,
}

impl TreeEntry {
    /// The file name (last path component).
    pub fn name(&self) -> &str {
        self.path.rsplit('/').next().unwrap_or(&self.path)
    }

    /// The directory part ("" at the root).
    pub fn dir(&self) -> &str {
        self.path.rsplit_once('/').map(|(d, _)| d).unwrap_or("")
    }

    /// True for a regular or executable file (the only entries ever read).
    pub fn is_file(&self) -> bool {
        matches!(self.kind, EntryKind::File | EntryKind::Executable)
    }
}

/// One commit of the history, borrowed from the walk's buffers (the walk allocates nothing per
/// commit: it must keep up with `git log`).
#[derive(Debug, Clone, Copy)]
pub struct Commit<'a> {
    /// Full hash.
    pub id: &'a str,
    /// Author e-mail as recorded (Developers Italia's identity).
    pub author_email: &'a str,
    /// Author e-mail after `.mailmap`, as git prints it (not lowercased).
    pub mailmapped_email: &'a str,
    /// Author date, Unix seconds.
    pub author_time: i64,
    /// Number of parents (2 or more: a merge).
    pub parents: u32,
}

/// One tag.
#[derive(Debug, Clone)]
pub struct Tag {
    /// Short name.
    pub name: String,
    /// Author date of the commit it points to (Unix seconds); `None` when it points elsewhere.
    pub commit_time: Option<i64>,
    /// True for an annotated tag carrying a PGP or SSH signature (not verified).
    pub signed: bool,
}

/// An opened repository.
pub struct Repo {
    git_dir: PathBuf,
    head: String,
    batch: Mutex<Option<CatFile>>,
    limits: Limits,
    deadline: Instant,
    reads: Mutex<Reads>,
}

/// What the assessment has read so far: the bytes handed out, and the blobs kept.
#[derive(Default)]
struct Reads {
    bytes: u64,
    cached: HashMap<String, Arc<[u8]>>,
    cached_bytes: usize,
}

struct CatFile {
    child: Child,
    stdin: ChildStdin,
    stdout: BufReader<ChildStdout>,
}

impl Drop for CatFile {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Repo {
    /// Opens a repository at `path` (a work tree, or a bare repository) with the default
    /// [`Limits`].
    pub fn open(path: &Path) -> Result<Self, RepoError> {
        Self::open_with(path, Limits::default())
    }

    /// Opens a repository at `path`; the deadline starts now.
    pub fn open_with(path: &Path, limits: Limits) -> Result<Self, RepoError> {
        let deadline = Instant::now() + limits.deadline;
        let timeout = GIT_TIMEOUT.min(limits.deadline);
        if timeout.is_zero() {
            return Err(RepoError::DeadlinePassed { seconds: 0 });
        }
        let out = git_output(path, &["rev-parse", "--absolute-git-dir"], timeout, 1 << 16)?;
        if !out.success {
            return Err(RepoError::NotARepository {
                path: path.to_path_buf(),
                message: first_line(&out.stderr),
            });
        }
        let git_dir = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim());
        let head = git_output(
            &git_dir,
            &["rev-parse", "--verify", "--quiet", "HEAD^{commit}"],
            timeout,
            1 << 16,
        )?;
        if !head.success {
            return Err(RepoError::EmptyRepository);
        }
        Ok(Repo {
            git_dir,
            head: String::from_utf8_lossy(&head.stdout).trim().to_string(),
            batch: Mutex::new(None),
            limits,
            deadline,
            reads: Mutex::new(Reads::default()),
        })
    }

    /// True once the assessment's deadline has passed.
    pub fn past_deadline(&self) -> bool {
        Instant::now() >= self.deadline
    }

    /// An error unless there is time left.
    pub fn check_deadline(&self) -> Result<(), RepoError> {
        if self.past_deadline() {
            return Err(RepoError::DeadlinePassed {
                seconds: self.limits.deadline.as_secs(),
            });
        }
        Ok(())
    }

    /// A git command stopped because the assessment's deadline came first is the deadline's
    /// error, not the command's.
    fn deadline_or(&self, error: RepoError) -> RepoError {
        match error {
            RepoError::Timeout { .. } if self.past_deadline() => RepoError::DeadlinePassed {
                seconds: self.limits.deadline.as_secs(),
            },
            other => other,
        }
    }

    /// Time a git command may take: what is left of the deadline, at most [`GIT_TIMEOUT`].
    fn command_timeout(&self) -> Duration {
        GIT_TIMEOUT.min(self.deadline.saturating_duration_since(Instant::now()))
    }

    /// Counts `bytes` of `path` against the read budget, refusing them once it is spent.
    fn charge(&self, path: &str, bytes: u64) -> Result<(), RepoError> {
        let mut reads = self.reads.lock().unwrap_or_else(|e| e.into_inner());
        let total = reads.bytes.saturating_add(bytes);
        if total > self.limits.max_bytes_read {
            return Err(RepoError::ReadBudgetSpent {
                path: path.to_string(),
                limit: self.limits.max_bytes_read,
            });
        }
        reads.bytes = total;
        Ok(())
    }

    /// Bytes of files read so far (cache hits included).
    pub fn bytes_read(&self) -> u64 {
        self.reads.lock().unwrap_or_else(|e| e.into_inner()).bytes
    }

    /// The commit HEAD points at.
    pub fn head(&self) -> &str {
        &self.head
    }

    /// The git directory.
    pub fn git_dir(&self) -> &Path {
        &self.git_dir
    }

    fn git(&self, args: &[&str], max_output: usize) -> Result<Vec<u8>, RepoError> {
        self.check_deadline()?;
        let out = git_output(&self.git_dir, args, self.command_timeout(), max_output)
            .map_err(|e| self.deadline_or(e))?;
        if !out.success {
            return Err(RepoError::Git {
                command: args.first().unwrap_or(&"").to_string(),
                message: first_line(&out.stderr),
            });
        }
        Ok(out.stdout)
    }

    /// Every file of HEAD's tree (at most [`MAX_TREE_ENTRIES`]; the flag says if truncated).
    pub fn tree(&self) -> Result<(Vec<TreeEntry>, bool), RepoError> {
        let mut child = spawn_git(&self.git_dir, &["ls-tree", "-r", "-l", "-z", &self.head])?;
        let stdout = child.stdout.take().ok_or_else(|| {
            RepoError::Io(std::io::Error::other("git ls-tree has no standard output"))
        })?;
        let mut reader = BufReader::new(stdout);
        let mut entries = Vec::new();
        let mut record = Vec::new();
        let mut truncated = false;
        loop {
            record.clear();
            // A record is "<mode> <type> <oid> <size>\t<path>\0"; paths are capped at 4 KiB.
            let n = reader.by_ref().take(8192).read_until(0, &mut record)?;
            if n == 0 {
                break;
            }
            if self.past_deadline() {
                let _ = child.kill();
                let _ = child.wait();
                self.check_deadline()?;
            }
            if entries.len() >= MAX_TREE_ENTRIES {
                truncated = true;
                break;
            }
            if let Some(entry) = parse_ls_tree(&record) {
                entries.push(entry);
            }
        }
        let _ = child.kill();
        let _ = child.wait();
        Ok((entries, truncated))
    }

    /// Reads a whole file of the tree, refusing files over `limit` bytes.
    pub fn read(&self, entry: &TreeEntry, limit: u64) -> Result<Vec<u8>, RepoError> {
        if !entry.is_file() {
            return Err(RepoError::Git {
                command: "cat-file".into(),
                message: format!("{} is not a regular file", entry.path),
            });
        }
        if entry.size > limit {
            return Err(RepoError::TooLarge {
                path: entry.path.clone(),
                size: entry.size,
                limit,
            });
        }
        self.charge(&entry.path, entry.size)?;
        Ok(self.blob(&entry.oid, entry.size)?.to_vec())
    }

    /// Reads at most `max` bytes from the start of a file (the whole file when smaller).
    pub fn read_prefix(&self, entry: &TreeEntry, max: usize) -> Result<Vec<u8>, RepoError> {
        // Files up to the read cap go through the long-lived batch process (no process per
        // file); only larger ones get a process of their own, stopped after `max` bytes.
        if !entry.is_file() {
            return self.read(entry, MAX_READ_BYTES);
        }
        let wanted = entry.size.min(max as u64);
        self.charge(&entry.path, wanted)?;
        if entry.size <= MAX_READ_BYTES {
            let blob = self.blob(&entry.oid, entry.size)?;
            return Ok(blob[..wanted as usize].to_vec());
        }
        let key = format!("{}:{wanted}", entry.oid);
        if let Some(hit) = self.cached(&key) {
            return Ok(hit.to_vec());
        }
        self.check_deadline()?;
        let mut child = spawn_git(&self.git_dir, &["cat-file", "blob", &entry.oid])?;
        let mut buf = Vec::with_capacity(max);
        if let Some(stdout) = child.stdout.take() {
            stdout.take(max as u64).read_to_end(&mut buf)?;
        }
        // Stop git rather than let it write the rest of a large blob into a closed pipe.
        let _ = child.kill();
        let _ = child.wait();
        self.keep(key, buf.clone().into());
        Ok(buf)
    }

    /// A blob's bytes: from the cache when this assessment read it already, otherwise from git
    /// (and kept while the cache has room).
    fn blob(&self, oid: &str, size: u64) -> Result<Arc<[u8]>, RepoError> {
        if let Some(hit) = self.cached(oid) {
            return Ok(hit);
        }
        self.check_deadline()?;
        let blob: Arc<[u8]> = self.read_blob(oid, size)?.into();
        self.keep(oid.to_string(), Arc::clone(&blob));
        Ok(blob)
    }

    /// Keeps bytes under `key` (a blob id, or a blob id and a prefix length) while the cache
    /// has room; a full cache keeps what it has.
    fn keep(&self, key: String, bytes: Arc<[u8]>) {
        let mut reads = self.reads.lock().unwrap_or_else(|e| e.into_inner());
        if reads.cached_bytes + bytes.len() <= BLOB_CACHE_BYTES {
            reads.cached_bytes += bytes.len();
            reads.cached.insert(key, bytes);
        }
    }

    fn cached(&self, oid: &str) -> Option<Arc<[u8]>> {
        let reads = self.reads.lock().unwrap_or_else(|e| e.into_inner());
        reads.cached.get(oid).cloned()
    }

    /// Reads a blob through one long-lived `git cat-file --batch` process.
    fn read_blob(&self, oid: &str, expected: u64) -> Result<Vec<u8>, RepoError> {
        let mut guard = self.batch.lock().unwrap_or_else(|e| e.into_inner());
        if guard.is_none() {
            let mut child = spawn_git_stdin(&self.git_dir, &["cat-file", "--batch"])?;
            let stdin = child.stdin.take().ok_or_else(|| {
                RepoError::Io(std::io::Error::other("git cat-file has no standard input"))
            })?;
            let stdout = child.stdout.take().ok_or_else(|| {
                RepoError::Io(std::io::Error::other("git cat-file has no standard output"))
            })?;
            *guard = Some(CatFile {
                child,
                stdin,
                stdout: BufReader::new(stdout),
            });
        }
        let result = (|| {
            let batch = guard.as_mut().ok_or_else(|| {
                RepoError::Io(std::io::Error::other("git cat-file is not running"))
            })?;
            writeln!(batch.stdin, "{oid}")?;
            batch.stdin.flush()?;
            let mut header = String::new();
            batch.stdout.by_ref().take(256).read_line(&mut header)?;
            let size: u64 = header
                .split_whitespace()
                .nth(2)
                .and_then(|s| s.parse().ok())
                .ok_or_else(|| RepoError::Git {
                    command: "cat-file".into(),
                    message: format!("unexpected answer for {oid}: {}", header.trim()),
                })?;
            if size != expected {
                return Err(RepoError::Git {
                    command: "cat-file".into(),
                    message: format!("{oid} has {size} bytes, the tree said {expected}"),
                });
            }
            let mut data = vec![0u8; size as usize];
            batch.stdout.read_exact(&mut data)?;
            let mut newline = [0u8; 1];
            batch.stdout.read_exact(&mut newline)?;
            Ok(data)
        })();
        if result.is_err() {
            // The stream may be out of step: start a fresh process next time.
            *guard = None;
        }
        result
    }

    /// Every tag, with the date of the commit it points to and whether it is signed.
    pub fn tags(&self) -> Result<Vec<Tag>, RepoError> {
        let format = "%(refname:strip=2)%00%(objecttype)%00%(authordate:unix)%00\
%(*objecttype)%00%(*authordate:unix)%00%(if)%(contents:signature)%(then)signed%(end)";
        let out = self.git(
            &["for-each-ref", "--format", format, "refs/tags"],
            64 * 1024 * 1024,
        )?;
        let text = String::from_utf8_lossy(&out);
        Ok(text.lines().filter_map(parse_tag_line).collect())
    }
}

fn parse_tag_line(line: &str) -> Option<Tag> {
    let fields: Vec<&str> = line.split('\0').collect();
    if fields.len() < 6 {
        return None;
    }
    let commit_time = match (fields[1], fields[3]) {
        ("commit", _) => fields[2].parse().ok(),
        ("tag", "commit") => fields[4].parse().ok(),
        _ => None,
    };
    Some(Tag {
        name: fields[0].to_string(),
        commit_time,
        signed: fields[5] == "signed",
    })
}

fn parse_ls_tree(record: &[u8]) -> Option<TreeEntry> {
    let record = record.strip_suffix(b"\0").unwrap_or(record);
    let tab = record.iter().position(|&b| b == b'\t')?;
    let meta = std::str::from_utf8(&record[..tab]).ok()?;
    let path = String::from_utf8_lossy(&record[tab + 1..]).into_owned();
    let mut parts = meta.split_whitespace();
    let mode = parts.next()?;
    let _type = parts.next()?;
    let oid = parts.next()?.to_string();
    let size = parts.next()?.parse().unwrap_or(0);
    let kind = match mode {
        "100644" | "100664" => EntryKind::File,
        "100755" => EntryKind::Executable,
        "120000" => EntryKind::Symlink,
        "160000" => EntryKind::Submodule,
        _ => return None,
    };
    Some(TreeEntry {
        path,
        kind,
        oid,
        size,
    })
}

struct GitOutput {
    success: bool,
    stdout: Vec<u8>,
    stderr: Vec<u8>,
}

fn base_command(dir: &Path) -> Command {
    let mut cmd = Command::new("git");
    cmd.arg("-C")
        .arg(dir)
        // Never ask for credentials, never use a pager, never read the user's configuration
        // for things that change output.
        .env("GIT_TERMINAL_PROMPT", "0")
        .env("GIT_PAGER", "cat")
        .env("LC_ALL", "C")
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .args(["-c", "core.quotepath=off", "-c", "log.showSignature=false"]);
    cmd
}

fn spawn_git(dir: &Path, args: &[&str]) -> Result<Child, RepoError> {
    base_command(dir)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(RepoError::Spawn)
}

fn spawn_git_stdin(dir: &Path, args: &[&str]) -> Result<Child, RepoError> {
    base_command(dir)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(RepoError::Spawn)
}

/// Runs git to completion with a deadline and an output cap.
fn git_output(
    dir: &Path,
    args: &[&str],
    timeout: Duration,
    max_output: usize,
) -> Result<GitOutput, RepoError> {
    let mut child = base_command(dir)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(RepoError::Spawn)?;
    let stdout = child.stdout.take();
    let stderr = child.stderr.take();
    let out_reader = std::thread::spawn(move || read_capped(stdout, max_output));
    let err_reader = std::thread::spawn(move || read_capped(stderr, 64 * 1024));
    let status = match child.wait_timeout(timeout)? {
        Some(status) => status,
        None => {
            let _ = child.kill();
            let _ = child.wait();
            return Err(RepoError::Timeout {
                command: args.first().unwrap_or(&"").to_string(),
                seconds: timeout.as_secs(),
            });
        }
    };
    let stdout = out_reader.join().unwrap_or_default();
    let stderr = err_reader.join().unwrap_or_default();
    Ok(GitOutput {
        success: status.success(),
        stdout,
        stderr,
    })
}

fn read_capped(pipe: Option<impl Read>, max: usize) -> Vec<u8> {
    let mut buf = Vec::new();
    if let Some(pipe) = pipe {
        let mut pipe = pipe;
        let _ = pipe.by_ref().take(max as u64).read_to_end(&mut buf);
        // Drain the rest so that git does not block on a full pipe.
        let _ = std::io::copy(&mut pipe, &mut std::io::sink());
    }
    buf
}

fn first_line(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes)
        .lines()
        .next()
        .unwrap_or("")
        .trim()
        .to_string()
}

/// True when the bytes look like text (no NUL, valid UTF-8 apart from a cut at the end).
pub fn looks_like_text(bytes: &[u8]) -> bool {
    if bytes.contains(&0) {
        return false;
    }
    match std::str::from_utf8(bytes) {
        Ok(_) => true,
        Err(e) => e.error_len().is_none() && bytes.len() - e.valid_up_to() < 4,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_ls_tree_records() {
        let entry = parse_ls_tree(b"120000 blob abc123     12\tdocs/link\0").unwrap();
        assert_eq!(entry.kind, EntryKind::Symlink);
        assert_eq!(entry.size, 12);
        assert_eq!(entry.name(), "link");
        assert_eq!(entry.dir(), "docs");
        assert!(parse_ls_tree(b"garbage").is_none());
    }

    #[test]
    fn tells_text_from_binary() {
        assert!(looks_like_text(b"MIT License\n"));
        assert!(!looks_like_text(b"\x7fELF\0\0"));
        assert!(!looks_like_text(&[0xff, 0xfe, 0x41, 0x42, 0x43, 0x44]));
    }
}
