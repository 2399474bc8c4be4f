//! The entries' meaning vectors: one per entry and language it is described in, kept as int8
//! in memory (with each one's sign bits) and in an append-only file, searched by a scan.
//!
//! The vectors come from a sentence encoder the caller runs (the server's embedder); this
//! module only stores and compares them. Each vector carries the hash of the text it was made
//! from, so the embedder re-embeds only what changed.
//!
//! The file is a header (format, model, dimension) then records, each `length, CRC-32,
//! payload`. Writes are appended and synced in batches; a process killed midway leaves at most
//! a torn last record, which the next open drops (those texts are embedded again). A file of
//! another model or dimension is started afresh. When superseded records outnumber the live
//! ones the file is rewritten beside itself and renamed into place.
//!
//! A scan is deliberate at catalog sizes (a few hundred thousand vectors of 512 bytes): no
//! build step, nothing to tune per catalog. Above [`EXACT_UP_TO`] rows it reads the sign bits
//! first (an eighth of the values) and compares exactly only the rows closest by them, which
//! finds nearly all of the exact answer in about a quarter of the time (docs/benchmarks.md).

use crate::SearchError;
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::fs::{File, OpenOptions};
use std::io::{BufReader, BufWriter, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, RwLock};

const MAGIC: &[u8; 8] = b"CMVECT01";
const OP_PUT: u8 = 1;
const OP_DELETE: u8 = 2;
/// Largest record accepted when reading (a put of a 4,096-d vector with a long id is far less).
const MAX_RECORD: usize = 64 * 1024;

/// A vector to store: what it represents and the hash of the text it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct VectorInput {
    /// The entry's id.
    pub id: String,
    /// The language of the text (an analysis language: `en`, `fr`, … or `other`).
    pub lang: String,
    /// Hash of the embedded text ([`text_hash`]).
    pub hash: u64,
    /// The vector (any norm; compared by cosine).
    pub vector: Vec<f32>,
}

/// One entry near a query.
#[derive(Debug, Clone, PartialEq)]
pub struct Nearest {
    /// The entry's id.
    pub id: String,
    /// The language of its closest text.
    pub lang: String,
    /// Cosine similarity of that text to the query (-1 to 1).
    pub similarity: f32,
}

/// What opening the file found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct VectorsOpened {
    /// Vectors loaded.
    pub vectors: usize,
    /// Bytes of a torn or corrupt tail dropped (a write cut short).
    pub dropped_bytes: u64,
    /// The file held another model's vectors (or none) and was started afresh.
    pub started_afresh: bool,
}

struct Row {
    id: Arc<str>,
    lang: Box<str>,
    hash: u64,
    scale: f32,
}

#[derive(Default)]
struct Rows {
    meta: Vec<Row>,
    /// `meta.len() * dim` values, row after row.
    data: Vec<i8>,
    /// Each row's signs, one bit per value (set when it is positive), `words(dim)` words a
    /// row: an eighth of the values' size, scanned first to choose the rows worth comparing
    /// exactly (see [`VectorStore::nearest`]).
    signs: Vec<u64>,
    at: HashMap<(Arc<str>, Box<str>), usize>,
}

/// Rows up to which a search compares every row exactly; above, the rows closest by their
/// signs are chosen first.
const EXACT_UP_TO: usize = 8_192;

/// Rows compared exactly per entry asked for, when the signs choose them (at least
/// [`MIN_CANDIDATES`]): chosen on `bench/meaning-recall.sh` (docs/benchmarks.md).
const CANDIDATES_PER_RESULT: usize = 100;

/// The fewest rows compared exactly when the signs choose them.
const MIN_CANDIDATES: usize = 3_000;

/// Words of sign bits per row of `dim` values.
fn words(dim: usize) -> usize {
    dim.div_ceil(64)
}

/// The sign bits of `values`, `words(values.len())` words.
fn signs_of(values: &[i8]) -> Vec<u64> {
    let mut out = vec![0u64; words(values.len())];
    for (i, v) in values.iter().enumerate() {
        if *v > 0 {
            out[i / 64] |= 1 << (i % 64);
        }
    }
    out
}

struct Log {
    path: PathBuf,
    file: File,
    /// Records in the file, live or superseded.
    records: usize,
}

/// The stored vectors (see the module documentation).
pub struct VectorStore {
    dim: usize,
    model: String,
    rows: RwLock<Rows>,
    log: Option<Mutex<Log>>,
    generation: AtomicU64,
}

impl std::fmt::Debug for VectorStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("VectorStore")
            .field("dim", &self.dim)
            .field("model", &self.model)
            .field("len", &self.len())
            .finish_non_exhaustive()
    }
}

/// A stable 64-bit hash of a text: FNV-1a, which (unlike the standard library's SipHash keys)
/// gives the same value in every version and process, so stored hashes stay comparable.
pub fn text_hash(text: &str) -> u64 {
    bytes_hash(text.as_bytes())
}

/// FNV-1a of bytes.
pub(crate) fn bytes_hash(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in bytes {
        hash ^= u64::from(*byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

impl VectorStore {
    /// Vectors of `dim` values from `model`, in memory only (tests, benchmarks).
    pub fn in_memory(model: &str, dim: usize) -> Self {
        VectorStore {
            dim,
            model: model.to_string(),
            rows: RwLock::new(Rows::default()),
            log: None,
            generation: AtomicU64::new(0),
        }
    }

    /// Opens (or creates) the file at `path` for vectors of `dim` values from `model`.
    pub fn open(
        path: &Path,
        model: &str,
        dim: usize,
    ) -> Result<(Self, VectorsOpened), SearchError> {
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| SearchError::io(parent, e))?;
        }
        let mut file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(path)
            .map_err(|e| SearchError::io(path, e))?;
        let header = header(model, dim);
        let mut store = VectorStore::in_memory(model, dim);
        let mut opened = VectorsOpened::default();
        let length = file.metadata().map_err(|e| SearchError::io(path, e))?.len();
        let mut records = 0;
        let good_end = if read_header(&mut file, &header).map_err(|e| SearchError::io(path, e))? {
            let (end, count) = store
                .replay(&mut file, header.len() as u64)
                .map_err(|e| SearchError::io(path, e))?;
            records = count;
            end
        } else {
            opened.started_afresh = length > 0;
            file.set_len(0).map_err(|e| SearchError::io(path, e))?;
            file.seek(SeekFrom::Start(0))
                .map_err(|e| SearchError::io(path, e))?;
            file.write_all(&header)
                .map_err(|e| SearchError::io(path, e))?;
            file.sync_all().map_err(|e| SearchError::io(path, e))?;
            header.len() as u64
        };
        if good_end < length && !opened.started_afresh {
            opened.dropped_bytes = length - good_end;
            file.set_len(good_end)
                .map_err(|e| SearchError::io(path, e))?;
            file.sync_all().map_err(|e| SearchError::io(path, e))?;
        }
        file.seek(SeekFrom::End(0))
            .map_err(|e| SearchError::io(path, e))?;
        opened.vectors = store.len();
        store.log = Some(Mutex::new(Log {
            path: path.to_path_buf(),
            file,
            records,
        }));
        store.compact_if_worthwhile()?;
        Ok((store, opened))
    }

    /// Replays the records from `start`; returns where the last whole record ends and how many
    /// records there were.
    fn replay(&mut self, file: &mut File, start: u64) -> std::io::Result<(u64, usize)> {
        file.seek(SeekFrom::Start(start))?;
        let mut reader = BufReader::with_capacity(1 << 20, file);
        let mut end = start;
        let mut count = 0;
        let rows = self.rows.get_mut().unwrap_or_else(|p| p.into_inner());
        let mut payload = Vec::new();
        loop {
            let mut head = [0u8; 8];
            if !read_fully(&mut reader, &mut head)? {
                break;
            }
            let len = u32::from_le_bytes([head[0], head[1], head[2], head[3]]) as usize;
            let crc = u32::from_le_bytes([head[4], head[5], head[6], head[7]]);
            if len > MAX_RECORD {
                break;
            }
            payload.resize(len, 0);
            if !read_fully(&mut reader, &mut payload)? || crc32fast::hash(&payload) != crc {
                break;
            }
            match Record::decode(&payload, self.dim) {
                Some(Record::Put {
                    id,
                    lang,
                    hash,
                    scale,
                    values,
                }) => {
                    rows.put(Arc::from(id), lang.into(), hash, scale, &values, self.dim);
                }
                Some(Record::Delete { id }) => rows.delete(id, self.dim),
                None => break,
            }
            end += 8 + len as u64;
            count += 1;
        }
        Ok((end, count))
    }

    /// The model the vectors come from.
    pub fn model(&self) -> &str {
        &self.model
    }

    /// Values per vector.
    pub fn dim(&self) -> usize {
        self.dim
    }

    /// Vectors stored.
    pub fn len(&self) -> usize {
        self.read().meta.len()
    }

    /// Whether no vector is stored.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// A number that changes whenever the vectors do.
    pub fn generation(&self) -> u64 {
        self.generation.load(Ordering::Acquire)
    }

    /// The text hash of the vector stored for `id` in `lang`, if any.
    pub fn hash_of(&self, id: &str, lang: &str) -> Option<u64> {
        let rows = self.read();
        let key: (Arc<str>, Box<str>) = (Arc::from(id), lang.into());
        rows.at.get(&key).map(|&i| rows.meta[i].hash)
    }

    /// Every `(id, lang, hash)` stored.
    pub fn keys(&self) -> Vec<(String, String, u64)> {
        self.read()
            .meta
            .iter()
            .map(|r| (r.id.to_string(), r.lang.to_string(), r.hash))
            .collect()
    }

    /// The vectors of `id`, by language, as stored (dequantised).
    pub fn vectors_of(&self, id: &str) -> Vec<(String, Vec<f32>)> {
        let rows = self.read();
        rows.meta
            .iter()
            .enumerate()
            .filter(|(_, r)| &*r.id == id)
            .map(|(i, r)| {
                let values = &rows.data[i * self.dim..(i + 1) * self.dim];
                (
                    r.lang.to_string(),
                    values.iter().map(|&v| f32::from(v) * r.scale).collect(),
                )
            })
            .collect()
    }

    /// Stores `puts` (replacing the same id and language) and removes every vector of the
    /// entries in `deletes`: written to the file and synced first, then visible.
    pub fn apply(&self, puts: &[VectorInput], deletes: &[String]) -> Result<(), SearchError> {
        if puts.is_empty() && deletes.is_empty() {
            return Ok(());
        }
        let mut quantised = Vec::with_capacity(puts.len());
        for put in puts {
            if put.vector.len() != self.dim {
                return Err(SearchError::BadQuery(format!(
                    "a vector of {} values where the store holds {}",
                    put.vector.len(),
                    self.dim
                )));
            }
            quantised.push(quantise(&put.vector));
        }
        if let Some(log) = &self.log {
            let mut log = log.lock().map_err(|_| SearchError::Poisoned)?;
            // Deletes first, as they are applied in memory below, so a replay ends the same.
            let mut bytes = Vec::new();
            for id in deletes {
                Record::Delete { id }.append_to(&mut bytes);
            }
            for (put, (scale, values)) in puts.iter().zip(&quantised) {
                Record::Put {
                    id: &put.id,
                    lang: &put.lang,
                    hash: put.hash,
                    scale: *scale,
                    values: Cow::Borrowed(values),
                }
                .append_to(&mut bytes);
            }
            let path = log.path.clone();
            let before = log
                .file
                .seek(SeekFrom::End(0))
                .map_err(|e| SearchError::io(&path, e))?;
            if let Err(e) = log
                .file
                .write_all(&bytes)
                .and_then(|()| log.file.sync_data())
            {
                // A write cut short (a full disk) must not leave half a record for the next
                // batch to follow: the replay would stop there and lose the later ones.
                let _ = log
                    .file
                    .set_len(before)
                    .and_then(|()| log.file.seek(SeekFrom::End(0)).map(drop));
                return Err(SearchError::io(&path, e));
            }
            log.records += puts.len() + deletes.len();
        }
        {
            let mut rows = self.rows.write().map_err(|_| SearchError::Poisoned)?;
            for id in deletes {
                rows.delete(id, self.dim);
            }
            for (put, (scale, values)) in puts.iter().zip(quantised) {
                rows.put(
                    Arc::from(put.id.as_str()),
                    put.lang.as_str().into(),
                    put.hash,
                    scale,
                    &values,
                    self.dim,
                );
            }
        }
        self.generation.fetch_add(1, Ordering::AcqRel);
        self.compact_if_worthwhile()
    }

    /// The `k` entries closest to `query` with a similarity of at least `min`, closest first;
    /// an entry counts once, by its closest text. Entries in `skip` are left out.
    ///
    /// Above [`EXACT_UP_TO`] rows, the rows compared exactly are those closest by their signs
    /// (at least [`MIN_CANDIDATES`], or [`CANDIDATES_PER_RESULT`] per entry asked for): the
    /// answer is then nearly always the exact one ([`VectorStore::nearest_exact`]), at about a
    /// quarter of its cost (docs/benchmarks.md).
    pub fn nearest(&self, query: &[f32], k: usize, min: f32, skip: &[&str]) -> Vec<Nearest> {
        let candidates = k.saturating_mul(CANDIDATES_PER_RESULT).max(MIN_CANDIDATES);
        let large = self.len() > EXACT_UP_TO;
        self.nearest_comparing(query, k, min, skip, large.then_some(candidates))
    }

    /// [`VectorStore::nearest`] comparing every row exactly, whatever their number: what the
    /// signs approximate.
    pub fn nearest_exact(&self, query: &[f32], k: usize, min: f32, skip: &[&str]) -> Vec<Nearest> {
        self.nearest_comparing(query, k, min, skip, None)
    }

    /// [`VectorStore::nearest`] comparing exactly the `candidates` rows closest by their signs,
    /// or every row (`None`): for measuring what a number of candidates finds.
    pub fn nearest_comparing(
        &self,
        query: &[f32],
        k: usize,
        min: f32,
        skip: &[&str],
        candidates: Option<usize>,
    ) -> Vec<Nearest> {
        if query.len() != self.dim || k == 0 {
            return Vec::new();
        }
        // Both sides are quantised from unit vectors, so the scaled dot product is the cosine.
        let (qscale, q) = quantise(query);
        if qscale == 0.0 {
            return Vec::new();
        }
        let rows = self.read();
        let compared: Box<dyn Iterator<Item = usize>> = match candidates {
            Some(want) if want < rows.meta.len() => {
                Box::new(closest_by_signs(&rows.signs, &signs_of(&q), self.dim, want).into_iter())
            }
            _ => Box::new(0..rows.meta.len()),
        };
        let mut scored: Vec<(f32, usize)> = compared
            .filter_map(|i| {
                let row = &rows.meta[i];
                let values = &rows.data[i * self.dim..(i + 1) * self.dim];
                let similarity = dot_i8(&q, values) as f32 * qscale * row.scale;
                (similarity >= min && !skip.contains(&&*row.id)).then_some((similarity, i))
            })
            .collect();
        top_entries(&rows, &mut scored, k)
    }

    /// The `k` entries closest to entry `id`, each by the closest pair of their texts (in any
    /// languages), closest first; `id` itself left out. Empty when `id` has no vectors.
    pub fn nearest_to_entry(&self, id: &str, k: usize, min: f32) -> Vec<Nearest> {
        let mut best: HashMap<String, Nearest> = HashMap::new();
        for (_, vector) in self.vectors_of(id) {
            for near in self.nearest(&vector, k, min, &[id]) {
                match best.get(&near.id) {
                    Some(known) if known.similarity >= near.similarity => {}
                    _ => {
                        best.insert(near.id.clone(), near);
                    }
                }
            }
        }
        let mut found: Vec<Nearest> = best.into_values().collect();
        found.sort_by(|a, b| {
            b.similarity
                .total_cmp(&a.similarity)
                .then_with(|| a.id.cmp(&b.id))
        });
        found.truncate(k);
        found
    }

    fn read(&self) -> std::sync::RwLockReadGuard<'_, Rows> {
        self.rows.read().unwrap_or_else(|p| p.into_inner())
    }

    /// Rewrites the file with the live vectors only when superseded records are the majority
    /// (and there are enough of them to matter).
    fn compact_if_worthwhile(&self) -> Result<(), SearchError> {
        let Some(log) = &self.log else { return Ok(()) };
        let mut log = log.lock().map_err(|_| SearchError::Poisoned)?;
        let live = self.len();
        if log.records < 1024 || log.records < 2 * live {
            return Ok(());
        }
        let path = log.path.clone();
        let tmp = path.with_extension("compacting");
        let io = |e| SearchError::io(&tmp, e);
        {
            let file = File::create(&tmp).map_err(io)?;
            let mut out = BufWriter::new(file);
            out.write_all(&header(&self.model, self.dim)).map_err(io)?;
            let rows = self.read();
            let mut bytes = Vec::new();
            for (i, row) in rows.meta.iter().enumerate() {
                bytes.clear();
                Record::Put {
                    id: &row.id,
                    lang: &row.lang,
                    hash: row.hash,
                    scale: row.scale,
                    values: Cow::Borrowed(&rows.data[i * self.dim..(i + 1) * self.dim]),
                }
                .append_to(&mut bytes);
                out.write_all(&bytes).map_err(io)?;
            }
            out.into_inner()
                .map_err(|e| io(e.into_error()))?
                .sync_all()
                .map_err(io)?;
        }
        std::fs::rename(&tmp, &path).map_err(|e| SearchError::io(&path, e))?;
        if let Some(dir) = path.parent()
            && let Ok(dir) = File::open(dir)
        {
            let _ = dir.sync_all();
        }
        let mut file = OpenOptions::new()
            .read(true)
            .write(true)
            .open(&path)
            .map_err(|e| SearchError::io(&path, e))?;
        file.seek(SeekFrom::End(0))
            .map_err(|e| SearchError::io(&path, e))?;
        log.file = file;
        log.records = live;
        Ok(())
    }
}

impl Rows {
    fn put(
        &mut self,
        id: Arc<str>,
        lang: Box<str>,
        hash: u64,
        scale: f32,
        values: &[i8],
        dim: usize,
    ) {
        let key = (Arc::clone(&id), lang.clone());
        let signs = signs_of(values);
        let w = signs.len();
        if let Some(&i) = self.at.get(&key) {
            self.meta[i].hash = hash;
            self.meta[i].scale = scale;
            self.data[i * dim..(i + 1) * dim].copy_from_slice(values);
            self.signs[i * w..(i + 1) * w].copy_from_slice(&signs);
            return;
        }
        self.at.insert(key, self.meta.len());
        self.meta.push(Row {
            id,
            lang,
            hash,
            scale,
        });
        self.data.extend_from_slice(values);
        self.signs.extend_from_slice(&signs);
    }

    fn delete(&mut self, id: &str, dim: usize) {
        let w = words(dim);
        while let Some(i) = self.meta.iter().position(|r| &*r.id == id) {
            let last = self.meta.len() - 1;
            let removed = self.meta.swap_remove(i);
            self.at.remove(&(removed.id, removed.lang));
            if i != last {
                let (head, tail) = self.data.split_at_mut(last * dim);
                head[i * dim..(i + 1) * dim].copy_from_slice(&tail[..dim]);
                let (head, tail) = self.signs.split_at_mut(last * w);
                head[i * w..(i + 1) * w].copy_from_slice(&tail[..w]);
                let moved = &self.meta[i];
                self.at
                    .insert((Arc::clone(&moved.id), moved.lang.clone()), i);
            }
            self.data.truncate(last * dim);
            self.signs.truncate(last * w);
        }
    }
}

enum Record<'a> {
    Put {
        id: &'a str,
        lang: &'a str,
        hash: u64,
        scale: f32,
        values: Cow<'a, [i8]>,
    },
    Delete {
        id: &'a str,
    },
}

impl<'a> Record<'a> {
    fn append_to(&self, out: &mut Vec<u8>) {
        let mut payload = Vec::new();
        match self {
            Record::Put {
                id,
                lang,
                hash,
                scale,
                values,
            } => {
                payload.push(OP_PUT);
                push_str(&mut payload, id);
                push_str(&mut payload, lang);
                payload.extend_from_slice(&hash.to_le_bytes());
                payload.extend_from_slice(&scale.to_le_bytes());
                payload.extend(values.iter().map(|&v| v as u8));
            }
            Record::Delete { id } => {
                payload.push(OP_DELETE);
                push_str(&mut payload, id);
            }
        }
        out.extend_from_slice(&(payload.len() as u32).to_le_bytes());
        out.extend_from_slice(&crc32fast::hash(&payload).to_le_bytes());
        out.extend_from_slice(&payload);
    }

    fn decode(payload: &'a [u8], dim: usize) -> Option<Record<'a>> {
        let (&op, rest) = payload.split_first()?;
        let (id, rest) = take_str(rest)?;
        match op {
            OP_PUT => {
                let (lang, rest) = take_str(rest)?;
                let hash = u64::from_le_bytes(rest.get(..8)?.try_into().ok()?);
                let scale = f32::from_le_bytes(rest.get(8..12)?.try_into().ok()?);
                let values = rest.get(12..)?;
                if values.len() != dim || !scale.is_finite() {
                    return None;
                }
                Some(Record::Put {
                    id,
                    lang,
                    hash,
                    scale,
                    values: Cow::Owned(values.iter().map(|&v| v as i8).collect()),
                })
            }
            OP_DELETE if rest.is_empty() => Some(Record::Delete { id }),
            _ => None,
        }
    }
}

fn push_str(out: &mut Vec<u8>, s: &str) {
    let bytes = &s.as_bytes()[..s.len().min(u16::MAX as usize)];
    out.extend_from_slice(&(bytes.len() as u16).to_le_bytes());
    out.extend_from_slice(bytes);
}

fn take_str(bytes: &[u8]) -> Option<(&str, &[u8])> {
    let len = u16::from_le_bytes(bytes.get(..2)?.try_into().ok()?) as usize;
    let s = std::str::from_utf8(bytes.get(2..2 + len)?).ok()?;
    Some((s, &bytes[2 + len..]))
}

fn header(model: &str, dim: usize) -> Vec<u8> {
    let mut h = MAGIC.to_vec();
    h.extend_from_slice(&(dim as u32).to_le_bytes());
    push_str(&mut h, model);
    h
}

/// Whether the file starts with exactly `header`.
fn read_header(file: &mut File, header: &[u8]) -> std::io::Result<bool> {
    file.seek(SeekFrom::Start(0))?;
    let mut found = vec![0u8; header.len()];
    Ok(read_fully(file, &mut found)? && found == header)
}

/// Fills `buf`; false when the input ends first.
fn read_fully(reader: &mut impl Read, buf: &mut [u8]) -> std::io::Result<bool> {
    let mut filled = 0;
    while filled < buf.len() {
        match reader.read(&mut buf[filled..])? {
            0 => return Ok(false),
            n => filled += n,
        }
    }
    Ok(true)
}

/// Symmetric int8 quantisation of a vector normalised to length 1: `(scale, values)` with
/// `v ≈ values * scale`.
fn quantise(vector: &[f32]) -> (f32, Vec<i8>) {
    let n = norm(vector);
    let n = if n == 0.0 || !n.is_finite() { 1.0 } else { n };
    let max = vector
        .iter()
        .map(|v| (v / n).abs())
        .filter(|v| v.is_finite())
        .fold(0.0f32, f32::max);
    if max == 0.0 {
        return (0.0, vec![0; vector.len()]);
    }
    let scale = max / 127.0;
    let values = vector
        .iter()
        .map(|v| {
            let q = (v / n / scale).round();
            if q.is_finite() {
                q.clamp(-127.0, 127.0) as i8
            } else {
                0
            }
        })
        .collect();
    (scale, values)
}

/// The `k` entries of the best `scored` rows, each once by its best row, best first (ties by
/// id, then row). Only the best rows are sorted: enough of them for `k` entries when entries
/// have a few languages each, more when they do not.
fn top_entries(rows: &Rows, scored: &mut [(f32, usize)], k: usize) -> Vec<Nearest> {
    let order = |a: &(f32, usize), b: &(f32, usize)| {
        b.0.total_cmp(&a.0)
            .then_with(|| rows.meta[a.1].id.cmp(&rows.meta[b.1].id))
            .then_with(|| a.1.cmp(&b.1))
    };
    let mut take = k.saturating_mul(8).min(scored.len());
    loop {
        if take < scored.len() {
            scored.select_nth_unstable_by(take, order);
        }
        let head = &mut scored[..take];
        head.sort_unstable_by(order);
        let mut seen: HashSet<&str> = HashSet::new();
        let mut found = Vec::new();
        for (similarity, i) in head.iter() {
            let row = &rows.meta[*i];
            if seen.insert(&row.id) {
                found.push(Nearest {
                    id: row.id.to_string(),
                    lang: row.lang.to_string(),
                    similarity: *similarity,
                });
                if found.len() == k {
                    break;
                }
            }
        }
        if found.len() == k || take == scored.len() {
            return found;
        }
        take = take.saturating_mul(4).min(scored.len());
    }
}

/// The rows whose signs differ least from `query`'s: at least `want` of them (all the rows at
/// the cut-off distance are kept), in row order. One pass counts the differing bits of every
/// row (an eighth of the values' bytes), a histogram of the distances gives the cut-off.
fn closest_by_signs(signs: &[u64], query: &[u64], dim: usize, want: usize) -> Vec<usize> {
    let distances = sign_distances(signs, query);
    let mut histogram = vec![0usize; dim + 1];
    for d in &distances {
        histogram[usize::from(*d).min(dim)] += 1;
    }
    let mut cut = dim;
    let mut seen = 0;
    for (d, count) in histogram.iter().enumerate() {
        seen += count;
        if seen >= want {
            cut = d;
            break;
        }
    }
    distances
        .iter()
        .enumerate()
        .filter(|(_, d)| usize::from(**d) <= cut)
        .map(|(i, _)| i)
        .collect()
}

/// The differing bits between `query` and each row of `signs`.
fn sign_distances(signs: &[u64], query: &[u64]) -> Vec<u16> {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("popcnt") {
        // SAFETY: the processor has the instruction, as just checked.
        return unsafe { sign_distances_popcnt(signs, query) };
    }
    sign_distances_portable(signs, query)
}

/// [`sign_distances`] with the processor's bit-count instruction, which the portable build
/// (x86-64 baseline) may not assume: three to four times faster than the bit tricks.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "popcnt")]
fn sign_distances_popcnt(signs: &[u64], query: &[u64]) -> Vec<u16> {
    sign_distances_portable(signs, query)
}

#[inline(always)]
fn sign_distances_portable(signs: &[u64], query: &[u64]) -> Vec<u16> {
    signs
        .chunks_exact(query.len())
        .map(|row| {
            row.iter()
                .zip(query)
                .map(|(a, b)| (a ^ b).count_ones() as u16)
                .sum()
        })
        .collect()
}

fn norm(v: &[f32]) -> f32 {
    v.iter().map(|x| x * x).sum::<f32>().sqrt()
}

/// Dot product of two int8 vectors. Each product fits an i16 (at most 127 × 127); 32 running
/// sums let the compiler use packed multiply-adds: 2× faster than widening each value to i32,
/// within 40 % of merely reading the bytes (docs/benchmarks.md).
fn dot_i8(a: &[i8], b: &[i8]) -> i32 {
    let mut lanes = [0i32; 32];
    let (a_blocks, b_blocks) = (a.chunks_exact(32), b.chunks_exact(32));
    let tail: i32 = a_blocks
        .remainder()
        .iter()
        .zip(b_blocks.remainder())
        .map(|(x, y)| i32::from(*x) * i32::from(*y))
        .sum();
    for (x, y) in a_blocks.zip(b_blocks) {
        for k in 0..32 {
            lanes[k] += i32::from(i16::from(x[k]) * i16::from(y[k]));
        }
    }
    lanes.iter().sum::<i32>() + tail
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A unit vector of `dim` values pointing mostly along axis `axis`, tilted by `tilt`.
    fn vector(dim: usize, axis: usize, tilt: f32) -> Vec<f32> {
        let mut v = vec![0.0; dim];
        v[axis] = 1.0;
        v[(axis + 1) % dim] = tilt;
        v
    }

    fn put(id: &str, lang: &str, v: Vec<f32>) -> VectorInput {
        VectorInput {
            id: id.into(),
            lang: lang.into(),
            hash: text_hash(id),
            vector: v,
        }
    }

    #[test]
    fn the_nearest_entries_come_first_each_once_by_its_closest_text() {
        let store = VectorStore::in_memory("m", 8);
        store
            .apply(
                &[
                    put("a", "en", vector(8, 0, 0.1)),
                    put("a", "fr", vector(8, 0, 0.0)),
                    put("b", "en", vector(8, 0, 0.9)),
                    put("c", "zh", vector(8, 4, 0.0)),
                ],
                &[],
            )
            .unwrap();
        let found = store.nearest(&vector(8, 0, 0.0), 10, 0.2, &[]);
        let ids: Vec<_> = found
            .iter()
            .map(|n| (n.id.as_str(), n.lang.as_str()))
            .collect();
        assert_eq!(ids, [("a", "fr"), ("b", "en")]);
        assert!((found[0].similarity - 1.0).abs() < 0.01, "{found:?}");
        assert!((found[1].similarity - 0.743).abs() < 0.01, "{found:?}");
        assert!(store.nearest(&vector(8, 0, 0.0), 10, 0.2, &["a"])[0].id == "b");
        assert_eq!(store.nearest(&vector(8, 0, 0.0), 1, -1.0, &[]).len(), 1);
    }

    #[test]
    fn vectors_survive_a_reopen_and_a_torn_last_write_is_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("vectors").join("use.log");
        {
            let (store, opened) = VectorStore::open(&path, "use", 8).unwrap();
            assert_eq!(opened, VectorsOpened::default());
            store
                .apply(&[put("a", "en", vector(8, 0, 0.0))], &[])
                .unwrap();
            store
                .apply(&[put("b", "en", vector(8, 1, 0.0))], &[])
                .unwrap();
            store
                .apply(&[put("a", "en", vector(8, 2, 0.0))], &[])
                .unwrap();
        }
        // A kill during the next write: half a record at the end.
        let whole = std::fs::metadata(&path).unwrap().len();
        let mut bytes = Vec::new();
        Record::Delete { id: "b" }.append_to(&mut bytes);
        let mut file = OpenOptions::new().append(true).open(&path).unwrap();
        file.write_all(&bytes[..bytes.len() - 1]).unwrap();
        drop(file);

        let (store, opened) = VectorStore::open(&path, "use", 8).unwrap();
        assert_eq!(opened.vectors, 2);
        assert_eq!(opened.dropped_bytes, bytes.len() as u64 - 1);
        assert_eq!(std::fs::metadata(&path).unwrap().len(), whole);
        assert_eq!(store.hash_of("b", "en"), Some(text_hash("b")));
        // The later vector of `a` replaced the first.
        assert_eq!(store.nearest(&vector(8, 2, 0.0), 1, 0.5, &[])[0].id, "a");
        store.apply(&[], &["a".to_string()]).unwrap();
        drop(store);
        let (store, _) = VectorStore::open(&path, "use", 8).unwrap();
        assert_eq!(store.keys(), [("b".into(), "en".into(), text_hash("b"))]);
    }

    #[test]
    fn a_batch_that_removes_and_adds_one_entry_reads_back_the_same() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v.log");
        let (store, _) = VectorStore::open(&path, "use", 8).unwrap();
        store
            .apply(&[put("a", "en", vector(8, 0, 0.0))], &[])
            .unwrap();
        store
            .apply(&[put("a", "fr", vector(8, 1, 0.0))], &["a".to_string()])
            .unwrap();
        let live = store.keys();
        assert_eq!(live, [("a".into(), "fr".into(), text_hash("a"))]);
        drop(store);
        let (store, _) = VectorStore::open(&path, "use", 8).unwrap();
        assert_eq!(store.keys(), live);
    }

    #[test]
    fn a_corrupt_record_ends_the_replay_there() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v.log");
        {
            let (store, _) = VectorStore::open(&path, "use", 8).unwrap();
            store
                .apply(&[put("a", "en", vector(8, 0, 0.0))], &[])
                .unwrap();
            store
                .apply(&[put("b", "en", vector(8, 1, 0.0))], &[])
                .unwrap();
        }
        // Flip one byte of the second record's vector: its checksum no longer matches.
        let mut bytes = std::fs::read(&path).unwrap();
        let last = bytes.len() - 3;
        bytes[last] ^= 0x40;
        std::fs::write(&path, &bytes).unwrap();
        let (store, opened) = VectorStore::open(&path, "use", 8).unwrap();
        assert_eq!(store.keys().len(), 1);
        assert!(opened.dropped_bytes > 8, "{opened:?}");
    }

    #[test]
    fn another_models_file_is_started_afresh() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v.log");
        {
            let (store, _) = VectorStore::open(&path, "old", 8).unwrap();
            store
                .apply(&[put("a", "en", vector(8, 0, 0.0))], &[])
                .unwrap();
        }
        let (store, opened) = VectorStore::open(&path, "new", 8).unwrap();
        assert!(opened.started_afresh);
        assert!(store.is_empty());
        let (store, opened) = VectorStore::open(&path, "new", 4).unwrap();
        assert!(opened.started_afresh);
        assert!(
            store
                .apply(&[put("a", "en", vector(8, 0, 0.0))], &[])
                .is_err()
        );
        // Garbage instead of a header.
        std::fs::write(&path, b"not vectors at all").unwrap();
        let (_, opened) = VectorStore::open(&path, "new", 4).unwrap();
        assert!(opened.started_afresh);
    }

    #[test]
    fn superseded_records_are_compacted_away_and_the_rest_kept() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v.log");
        let (store, _) = VectorStore::open(&path, "use", 8).unwrap();
        for round in 0..300 {
            let puts: Vec<_> = (0..4)
                .map(|n| put(&format!("e{n}"), "en", vector(8, (n + round) % 8, 0.0)))
                .collect();
            store.apply(&puts, &[]).unwrap();
        }
        let size = std::fs::metadata(&path).unwrap().len();
        // 1,200 records written; compaction keeps it to about the live four plus the ones
        // written since the last rewrite.
        assert!(size < 1100 * 550, "{size} bytes");
        drop(store);
        let (store, opened) = VectorStore::open(&path, "use", 8).unwrap();
        assert_eq!(opened.vectors, 4);
        assert_eq!(
            store.nearest(&vector(8, (299) % 8, 0.0), 1, 0.9, &[])[0].id,
            "e0"
        );
    }

    #[test]
    fn deleting_from_the_middle_keeps_every_other_vector_in_place() {
        let store = VectorStore::in_memory("m", 8);
        let puts: Vec<_> = (0..6)
            .map(|n| put(&format!("e{n}"), "en", vector(8, n, 0.0)))
            .collect();
        store.apply(&puts, &[]).unwrap();
        store.apply(&[], &["e1".into(), "e3".into()]).unwrap();
        for n in [0, 2, 4, 5] {
            let found = store.nearest(&vector(8, n, 0.0), 1, 0.9, &[]);
            assert_eq!(found[0].id, format!("e{n}"));
        }
        assert!(store.nearest(&vector(8, 1, 0.0), 1, 0.9, &[]).is_empty());
        assert_eq!(store.vectors_of("e4").len(), 1);
        assert!((store.vectors_of("e4")[0].1[4] - 1.0).abs() < 0.01);
    }

    /// Pseudo-random unit vectors (xorshift), reproducible.
    fn random_vectors(count: usize, dim: usize, seed: u64) -> Vec<Vec<f32>> {
        let mut state = seed;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state >> 40) as f32 / (1u64 << 24) as f32 - 0.5
        };
        (0..count)
            .map(|_| {
                let v: Vec<f32> = (0..dim).map(|_| next()).collect();
                let n = norm(&v);
                v.iter().map(|x| x / n).collect()
            })
            .collect()
    }

    #[test]
    fn the_signs_choose_the_rows_that_differ_least_and_all_those_at_the_cut() {
        let dim = 128;
        let rows: Vec<Vec<i8>> = [0usize, 3, 1, 3, 9, 2]
            .iter()
            .map(|flipped| {
                (0..dim)
                    .map(|i| if i < *flipped { -1 } else { 1 })
                    .collect()
            })
            .collect();
        let signs: Vec<u64> = rows.iter().flat_map(|r| signs_of(r)).collect();
        let query = signs_of(&vec![1i8; dim]);
        assert_eq!(closest_by_signs(&signs, &query, dim, 1), [0]);
        assert_eq!(closest_by_signs(&signs, &query, dim, 3), [0, 2, 5]);
        // Two rows differ by 3 bits: asking for 4 keeps both.
        assert_eq!(closest_by_signs(&signs, &query, dim, 4), [0, 1, 2, 3, 5]);
        assert_eq!(closest_by_signs(&signs, &query, dim, 100).len(), 6);
    }

    #[test]
    fn above_the_exact_size_the_signs_find_what_the_exact_scan_finds() {
        let dim = 64;
        let count = EXACT_UP_TO + 2_000;
        let store = VectorStore::in_memory("m", dim);
        let vectors = random_vectors(count, dim, 7);
        let puts: Vec<_> = vectors
            .iter()
            .enumerate()
            .map(|(n, v)| put(&format!("e{n}"), "en", v.clone()))
            .collect();
        store.apply(&puts, &[]).unwrap();
        // Deleting from the middle moves the last rows: their signs move with them.
        let gone: Vec<String> = (0..500).map(|n| format!("e{}", n * 7)).collect();
        store.apply(&[], &gone).unwrap();
        let mut same = 0;
        for n in (1..count).step_by(97).filter(|n| n % 7 != 0) {
            // A vector near entry n: it must come first either way.
            let mut query = vectors[n].clone();
            query[0] += 0.05;
            let exact = store.nearest_exact(&query, 10, -1.0, &[]);
            let found = store.nearest(&query, 10, -1.0, &[]);
            assert_eq!(found[0].id, format!("e{n}"));
            assert_eq!(exact[0].id, found[0].id);
            same += usize::from(exact == found);
        }
        // Random vectors are the hard case (no clusters); most top-10 lists still agree.
        assert!(same > 50, "{same}");
        // Every row is still reachable by its own vector after the moves.
        for n in [count - 1, count - 2, 1] {
            let found = store.nearest(&vectors[n], 1, 0.99, &[]);
            assert_eq!(found[0].id, format!("e{n}"), "{n}");
        }
    }

    #[test]
    fn the_dot_product_is_exact_for_any_length() {
        for len in [0, 1, 31, 32, 33, 512, 515] {
            let a: Vec<i8> = (0..len).map(|i| ((i * 37) % 255) as i8).collect();
            let b: Vec<i8> = (0..len).map(|i| ((i * 91 + 5) % 255) as i8).collect();
            let plain: i32 = a
                .iter()
                .zip(&b)
                .map(|(x, y)| i32::from(*x) * i32::from(*y))
                .sum();
            assert_eq!(dot_i8(&a, &b), plain, "length {len}");
        }
        let extreme = vec![-127i8; 512];
        assert_eq!(dot_i8(&extreme, &extreme), 127 * 127 * 512);
    }

    #[test]
    fn the_text_hash_is_stable() {
        assert_eq!(text_hash(""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(text_hash("a"), 0xaf63_dc4c_8601_ec8c);
    }
}
