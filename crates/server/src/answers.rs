//! The API's answers to recent searches, as sent: a popular search (the home page's list, a
//! category everyone opens) is answered without searching, loading entries or serialising.
//!
//! Keyed by the request's query string as received, for one search-index generation: the
//! index commits whenever the catalog changes (entries, assessments), and the first request
//! on a new generation empties the cache, so an answer is never older than the index it came
//! from. Bounded in count and in bytes.

use axum::http::HeaderValue;
use bytes::Bytes;
use std::num::NonZeroUsize;
use std::sync::Mutex;

/// Answers kept.
const ANSWERS: usize = 1024;
/// Bytes of answers kept (an answer of 20 hits is about 25 KiB).
const MAX_BYTES: usize = 48 * 1024 * 1024;
/// Longest query string cached (longer ones are rare and not worth the memory).
const MAX_KEY: usize = 1024;

/// An answer as sent: its body and its ETag (computed once, not on every request).
#[derive(Debug, Clone, PartialEq)]
pub struct Answer {
    /// The JSON body.
    pub body: Bytes,
    /// Its strong ETag.
    pub etag: HeaderValue,
}

impl Answer {
    /// The answer of `body`, tagged.
    pub fn new(body: Bytes) -> Self {
        Answer {
            etag: crate::middleware::etag_of(&body),
            body,
        }
    }
}

/// Recent answers of one index generation.
pub struct AnswerCache {
    inner: Mutex<Inner>,
}

struct Inner {
    generation: u64,
    bytes: usize,
    answers: lru::LruCache<String, Answer>,
}

impl Default for AnswerCache {
    fn default() -> Self {
        AnswerCache {
            inner: Mutex::new(Inner {
                generation: u64::MAX,
                bytes: 0,
                answers: lru::LruCache::new(NonZeroUsize::new(ANSWERS).expect("positive")),
            }),
        }
    }
}

impl AnswerCache {
    /// The answer to `key` computed on `generation`, if kept.
    pub fn get(&self, generation: u64, key: &str) -> Option<Answer> {
        let mut inner = self.inner.lock().ok()?;
        if inner.generation != generation {
            inner.answers.clear();
            inner.bytes = 0;
            inner.generation = generation;
            return None;
        }
        inner.answers.get(key).cloned()
    }

    /// Keeps an answer computed on `generation` (dropped when the cache moved on).
    pub fn put(&self, generation: u64, key: &str, answer: Answer) {
        if key.len() > MAX_KEY || answer.body.len() > MAX_BYTES / 8 {
            return;
        }
        let Ok(mut inner) = self.inner.lock() else {
            return;
        };
        if inner.generation != generation {
            return;
        }
        inner.bytes += answer.body.len();
        if let Some((_, old)) = inner.answers.push(key.to_string(), answer) {
            inner.bytes -= old.body.len();
        }
        while inner.bytes > MAX_BYTES {
            match inner.answers.pop_lru() {
                Some((_, old)) => inner.bytes -= old.body.len(),
                None => break,
            }
        }
    }

    /// Answers kept, and their bytes.
    pub fn size(&self) -> (usize, usize) {
        self.inner
            .lock()
            .map(|i| (i.answers.len(), i.bytes))
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_last_while_their_generation_does_and_stay_bounded() {
        let cache = AnswerCache::default();
        assert!(
            cache.get(1, "q=a").is_none(),
            "a new generation starts empty"
        );
        cache.put(1, "q=a", Answer::new(Bytes::from_static(b"A")));
        let kept = cache.get(1, "q=a").expect("kept");
        assert_eq!(kept.body, Bytes::from_static(b"A"));
        assert_eq!(
            kept.etag,
            crate::middleware::etag_of(b"A"),
            "kept with its tag"
        );
        assert!(cache.get(1, "q=b").is_none());
        // An answer of an older generation is not kept; a newer generation empties the cache.
        cache.put(0, "q=b", Answer::new(Bytes::from_static(b"B")));
        assert!(cache.get(1, "q=b").is_none());
        assert!(cache.get(2, "q=a").is_none());
        assert_eq!(cache.size(), (0, 0));
        // Bounded in bytes: the least recently used answers go.
        let big = Answer::new(Bytes::from(vec![b'x'; MAX_BYTES / 8]));
        for n in 0..12 {
            cache.put(2, &format!("q={n}"), big.clone());
        }
        let (count, bytes) = cache.size();
        assert!(bytes <= MAX_BYTES, "{bytes}");
        assert_eq!(count, 8);
        assert!(cache.get(2, "q=0").is_none() && cache.get(2, "q=11").is_some());
        // Re-putting one key counts its bytes once.
        cache.put(2, "q=11", Answer::new(Bytes::from_static(b"small")));
        assert_eq!(cache.size().1, 7 * (MAX_BYTES / 8) + 5);
    }
}
