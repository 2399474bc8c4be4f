//! The tantivy index: schema, writing, and searching with facets.

use crate::analysis::{self, LANGUAGES};
use crate::error::SearchError;
use crate::facet_bits::{
    FacetPostings, MatchBits, Within, and_each, count_bits, intersection, live_bits,
};
use crate::query::{
    Facet as FacetName, Filters, Hit, MeaningMatch, SearchQuery, SearchResults, Similar, Sort,
};
use crate::snippet::Snippets;
use crate::typo::{TypoExpansions, TypoQuery};
use crate::vectors::{Nearest, VectorStore};
use crate::words::{Clause, Word, WordsQuery};
use commons_publiccode::{PathCase, PublicCode, RepositoryUrl};
use commons_report::Facets;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::sync::{Arc, Mutex, OnceLock};
use tantivy::collector::{
    Collector, Count, DocSetCollector, FruitHandle, MultiCollector, MultiFruit, TopDocs,
};
use tantivy::merge_policy::{LogMergePolicy, NoMergePolicy};
use tantivy::query::{BooleanQuery, ConstScoreQuery, Occur, Query, TermQuery, TermSetQuery};
use tantivy::schema::{
    FAST, Facet, FacetOptions, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema,
    TextFieldIndexing, TextOptions, Value,
};
use tantivy::{
    DocAddress, Index, IndexReader, IndexSettings, IndexWriter, Order, ReloadPolicy,
    TantivyDocument, Term,
};

/// Longest query text accepted, in characters; longer text is cut.
pub const MAX_QUERY_CHARS: usize = 256;
/// Most words of a query used.
pub const MAX_QUERY_WORDS: usize = 16;
/// Largest page.
pub const MAX_LIMIT: usize = 100;
/// Deepest offset (pages further than this are refused).
pub const MAX_OFFSET: usize = 10_000;

const WRITER_MEMORY: usize = 64 * 1024 * 1024;

/// Entries whose meaning is at least this close to a query's (cosine of the sentence
/// encoder's vectors) may be found along with the word matches. The encoder's cosines between a
/// short query and an entry's text are low even for a right answer (0.2 to 0.6 on the judged
/// queries of `bench/relevance.sh`, 0.15 for a one-word query such as "健康"), and unrelated or
/// nonsense queries stay under 0.15.
pub const MEANING_MIN_SIMILARITY: f32 = 0.15;
/// And at least this share of the best entry's similarity: a query with a clear answer does not
/// bring the loosely related ones with it.
pub const MEANING_RELATIVE: f32 = 0.6;
/// Most entries a query's meaning adds.
pub const MEANING_CANDIDATES: usize = 30;
/// Weight of the meaning ranking against the word ranking (1) in the fusion. Above 1 because a
/// word match can be an accident of one shared word (a Chinese bigram, a common stem), where the
/// nearest meaning rarely is; an exact name still comes first (see `fused_ranking`). The three
/// values above were chosen on the judged queries (docs/benchmarks.md).
const MEANING_WEIGHT: f32 = 1.5;
/// The constant of reciprocal rank fusion: a result's fused score is the sum over the lists
/// it is in of `1 / (RRF_K + rank)`. 60 is the value of the method's paper; it keeps one list's
/// top ranks from swamping agreement between the lists.
const RRF_K: f32 = 60.0;
/// Longest text embedded for an entry in one language, in bytes: the name, the short
/// description and the start of the long one. The encoder averages over tokens, so the start,
/// which says what the software is, counts most.
pub const EMBEDDED_TEXT_BYTES: usize = 1500;

/// The text of one entry in one language that the sentence encoder turns into a vector.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmbeddingSource {
    /// The entry's id.
    pub id: String,
    /// The analysis language (`en`, `fr`, `es`, `ru`, `ar`, `zh` or `other`).
    pub lang: String,
    /// The text.
    pub text: String,
}

/// One catalog entry as the index sees it.
#[derive(Debug, Clone)]
pub struct SearchDocument {
    /// The entry's id.
    pub id: String,
    /// Its organisation's id.
    pub organisation_id: Option<String>,
    /// Last change, Unix seconds.
    pub updated_at: i64,
    /// The live model.
    pub publiccode: PublicCode,
    /// What the latest assessment found, when the entry was assessed.
    pub scores: Option<Facets>,
    /// What a result list shows of the entry, as the caller encodes it (the server's JSON
    /// card), stored as given and handed back with each hit so that a page of results needs
    /// no other read; empty when the caller keeps none.
    pub card: String,
    /// The entry's categories, scopes, platforms, status and type as readers name them, in
    /// each language the caller has labels for: `(language tag, label)`. Indexed with that
    /// language's analysis, so "Santé" or "卫生" finds the entries whose scope is health care.
    pub labels: Vec<(String, String)>,
}

/// The catalog's median scores (see [`SearchIndex::score_medians`]).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct ScoreMedians {
    /// Median security score, 0–10, of the entries that have one.
    pub security: Option<f64>,
    /// Entries with a security score.
    pub security_count: usize,
    /// Median vitality index, 0–100, of the entries that have one.
    pub vitality: Option<f64>,
    /// Entries with a vitality index.
    pub vitality_count: usize,
}

/// The median of `values` (the mean of the middle two for an even count); `None` when empty.
fn median(values: &mut [i64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_unstable();
    let middle = values.len() / 2;
    Some(if values.len() % 2 == 1 {
        values[middle] as f64
    } else {
        (values[middle - 1] + values[middle]) as f64 / 2.0
    })
}

/// How [`SearchIndex::open_or_create`] found the index directory.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenState {
    /// There was no index: an empty one was created.
    Created,
    /// An index was opened.
    Opened,
    /// The index could not be read: it was wiped and an empty one created.
    RecreatedAfterCorruption,
    /// The index was built by another version of Commons (another schema, or its entries
    /// stored in blocks of another size): it was wiped and an empty one created.
    RecreatedForNewSchema,
}

struct Fields {
    id: Field,
    name: Field,
    name_sort: Field,
    updated: Field,
    vitality: Field,
    security: Field,
    links: Field,
    card: Field,
    short: BTreeMap<&'static str, Field>,
    long: BTreeMap<&'static str, Field>,
    labels: BTreeMap<&'static str, Field>,
    facets: BTreeMap<FacetName, Field>,
}

/// Searcher generation, total, facet counts.
type BrowseCounts = (u64, u64, BTreeMap<FacetName, Vec<(String, u64)>>);

/// A search's query, page (score and address of each hit), total and facet counts.
type Page = (
    Box<dyn Query>,
    Vec<(f32, DocAddress)>,
    u64,
    BTreeMap<FacetName, Vec<(String, u64)>>,
);

/// A search index over catalog entries.
pub struct SearchIndex {
    index: Index,
    reader: IndexReader,
    writer: Mutex<IndexWriter>,
    fields: Fields,
    /// Total and facet counts of the whole catalog (no text, no filter: the home page and the
    /// first API page), for the searcher generation they were counted on.
    browse_cache: Mutex<Option<BrowseCounts>>,
    /// Every facet value's documents, for the searcher generation they were read on.
    facet_postings: Mutex<Option<(u64, Arc<FacetPostings>)>>,
    /// Recent answers of the current generation.
    answers: Mutex<AnswerCache>,
    /// The catalog's median scores, for the searcher generation they were read on.
    medians: Mutex<Option<(u64, ScoreMedians)>>,
    /// The terms each typo-tolerant word matched, per segment.
    typos: Arc<TypoExpansions>,
    /// The entries' meaning vectors, once the caller attaches them.
    vectors: OnceLock<Arc<VectorStore>>,
}

/// Answers to recent searches, for one searcher generation: a commit makes a new generation,
/// and the first search on it empties the cache. Bounded by [`ANSWERS_KEPT`] answers (each at
/// most a page of hits and the facet counts: tens of kilobytes).
struct AnswerCache {
    generation: u64,
    answers: lru::LruCache<String, SearchResults>,
}

/// Answers the cache keeps.
const ANSWERS_KEPT: usize = 512;

impl AnswerCache {
    fn new() -> Self {
        AnswerCache {
            generation: u64::MAX,
            answers: lru::LruCache::new(
                std::num::NonZeroUsize::new(ANSWERS_KEPT).expect("a positive size"),
            ),
        }
    }

    fn get(&mut self, generation: u64, key: &str) -> Option<SearchResults> {
        if generation != self.generation {
            self.answers.clear();
            self.generation = generation;
            return None;
        }
        self.answers.get(key).cloned()
    }

    fn put(&mut self, generation: u64, key: String, results: &SearchResults) {
        if generation == self.generation {
            self.answers.put(key, results.clone());
        }
    }
}

/// What makes two searches the same: the text as the analysers see it (case and spacing
/// ignored), each facet's values as a set, the order, the language and the page.
fn answer_key(q: &SearchQuery, vectors: u64) -> String {
    let text = q
        .text
        .as_deref()
        .unwrap_or("")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    let mut key = format!(
        "{text}\u{1}{:?}\u{1}{}\u{1}{}\u{1}{}",
        q.sort,
        q.lang.as_deref().unwrap_or(""),
        q.offset,
        q.limit
    );
    if let Some(meaning) = &q.meaning {
        // The vector follows from the text with one encoder, but the index cannot know that.
        let bits: Vec<u8> = meaning
            .iter()
            .flat_map(|v| v.to_bits().to_le_bytes())
            .collect();
        let digest = crate::vectors::bytes_hash(&bits);
        key.push_str(&format!("\u{1}meaning{vectors}:{digest:x}"));
    }
    for (facet, values) in q.filters.iter() {
        let mut values: Vec<&str> = values.iter().map(String::as_str).collect();
        values.sort_unstable();
        values.dedup();
        if !values.is_empty() {
            key.push_str(&format!("\u{1}{}={}", facet.as_str(), values.join("\u{2}")));
        }
    }
    key
}

fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let text = |tokenizer: &str| {
        TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(tokenizer)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        )
    };
    let id = b.add_text_field("id", STRING | STORED);
    let name = b.add_text_field("name", text("commons_name") | STORED);
    let name_sort = b.add_text_field("name_sort", STRING | FAST);
    let updated = b.add_i64_field("updated", INDEXED | FAST);
    // Sort keys; -1 for entries not assessed, so they come last in descending order.
    let vitality = b.add_i64_field("vitality_sort", FAST);
    let security = b.add_i64_field("security_sort", FAST);
    // What an entry builds on: `based-on:<url>` and `depends-on:<name>` (see `links_of`).
    let links = b.add_text_field("links", STRING);
    let card = b.add_text_field("card", STORED);
    let mut short = BTreeMap::new();
    let mut long = BTreeMap::new();
    let mut labels = BTreeMap::new();
    for lang in LANGUAGES {
        let t = analysis::index_tokenizer(lang);
        labels.insert(*lang, b.add_text_field(&format!("labels_{lang}"), text(&t)));
        short.insert(
            *lang,
            b.add_text_field(&format!("short_{lang}"), text(&t) | STORED),
        );
        long.insert(
            *lang,
            b.add_text_field(&format!("long_{lang}"), text(&t) | STORED),
        );
    }
    let mut facets = BTreeMap::new();
    for facet in FacetName::ALL {
        facets.insert(
            facet,
            b.add_facet_field(facet.as_str(), FacetOptions::default()),
        );
    }
    (
        b.build(),
        Fields {
            id,
            name,
            name_sort,
            updated,
            vitality,
            security,
            links,
            card,
            short,
            long,
            labels,
            facets,
        },
    )
}

/// The stored entries are compressed in blocks of this size: a search reads the 20 entries
/// of its page, each from its own block, and a block of tantivy's default size (16 KB) holds
/// two or three entries, all decompressed to read one (at 100,000 entries, 4 KB blocks made a
/// search 7 % cheaper and the store 15 % larger; 1 KB, no cheaper).
const STORED_BLOCK_BYTES: usize = 4096;

/// A new index of `schema`, with the settings searches rely on.
fn create(schema: Schema) -> tantivy::IndexBuilder {
    Index::builder().schema(schema).settings(IndexSettings {
        docstore_blocksize: STORED_BLOCK_BYTES,
        ..IndexSettings::default()
    })
}

impl SearchIndex {
    /// Opens the index in `dir`, creating it when missing and recreating it (empty) when it
    /// cannot be read. The caller rebuilds it from the catalog unless it was [`OpenState::Opened`].
    pub fn open_or_create(dir: &Path) -> Result<(Self, OpenState), SearchError> {
        let (schema, fields) = schema();
        let exists = dir.join("meta.json").exists();
        if exists {
            match Index::open_in_dir(dir)
                .and_then(|i| Self::with_index(i, schema.clone(), fields_again()))
            {
                Ok(index) => return Ok((index, OpenState::Opened)),
                // Another process (a running server) holds the index: never wipe it.
                Err(tantivy::TantivyError::LockFailure(..)) => {
                    return Err(SearchError::Locked(dir.display().to_string()));
                }
                Err(error) => {
                    std::fs::remove_dir_all(dir).map_err(|e| SearchError::io(dir, e))?;
                    std::fs::create_dir_all(dir).map_err(|e| SearchError::io(dir, e))?;
                    let index = create(schema.clone()).create_in_dir(dir)?;
                    let state = match error {
                        tantivy::TantivyError::SchemaError(_) => OpenState::RecreatedForNewSchema,
                        _ => OpenState::RecreatedAfterCorruption,
                    };
                    return Ok((Self::with_index(index, schema, fields)?, state));
                }
            }
        }
        if dir.exists() {
            // A directory without an index (or a half-written one): start afresh.
            std::fs::remove_dir_all(dir).map_err(|e| SearchError::io(dir, e))?;
        }
        std::fs::create_dir_all(dir).map_err(|e| SearchError::io(dir, e))?;
        let index = create(schema.clone()).create_in_dir(dir)?;
        Ok((Self::with_index(index, schema, fields)?, OpenState::Created))
    }

    /// An index in memory (tests, benchmarks).
    pub fn in_memory() -> Result<Self, SearchError> {
        let (schema, fields) = schema();
        let index = create(schema.clone()).create_in_ram()?;
        Self::with_index(index, schema, fields).map_err(SearchError::from)
    }

    fn with_index(index: Index, schema: Schema, fields: Fields) -> tantivy::Result<Self> {
        if index.schema() != schema {
            return Err(tantivy::TantivyError::SchemaError(
                "the index was built with another schema".into(),
            ));
        }
        if index.settings().docstore_blocksize != STORED_BLOCK_BYTES {
            return Err(tantivy::TantivyError::SchemaError(
                "the index stores its entries in blocks of another size".into(),
            ));
        }
        analysis::register(index.tokenizers());
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        let writer = index.writer(WRITER_MEMORY)?;
        Ok(SearchIndex {
            index,
            reader,
            writer: Mutex::new(writer),
            fields,
            browse_cache: Mutex::new(None),
            facet_postings: Mutex::new(None),
            medians: Mutex::new(None),
            answers: Mutex::new(AnswerCache::new()),
            typos: TypoExpansions::new(),
            vectors: OnceLock::new(),
        })
    }

    fn document(&self, doc: &SearchDocument) -> TantivyDocument {
        let f = &self.fields;
        let p = &doc.publiccode;
        let mut d = TantivyDocument::default();
        d.add_text(f.id, &doc.id);
        d.add_text(f.name, &p.name);
        d.add_text(f.name_sort, sort_key(p));
        d.add_i64(f.updated, doc.updated_at);
        if !doc.card.is_empty() {
            d.add_text(f.card, &doc.card);
        }
        let scores = doc.scores.as_ref();
        d.add_i64(
            f.vitality,
            scores.and_then(|s| s.vitality).map_or(-1, i64::from),
        );
        d.add_i64(
            f.security,
            scores
                .and_then(|s| s.security_score)
                .map_or(-1, |score| (score * 100.0).round() as i64),
        );
        for (tag, desc) in &p.description {
            let lang = analysis::language_of(tag);
            if let Some(local) = &desc.localised_name {
                d.add_text(f.name, local);
            }
            d.add_text(f.short[lang], &desc.short_description);
            let mut long = desc.long_description.clone();
            for feature in &desc.features {
                long.push('\n');
                long.push_str(feature);
            }
            d.add_text(f.long[lang], long);
        }
        for (facet, values) in facet_values(doc) {
            for value in values {
                d.add_facet(f.facets[&facet], Facet::from_path([value.as_str()]));
            }
        }
        for link in links_of(p) {
            d.add_text(f.links, link);
        }
        for (tag, label) in &doc.labels {
            d.add_text(f.labels[analysis::language_of(tag)], label);
        }
        d
    }

    /// How many other listed entries declare that they are based on the software at one of
    /// `urls` (`isBasedOn`) or depend on software named `name` (`dependsOn`, any kind): the
    /// reuse the catalog itself shows.
    pub fn dependents(&self, id: &str, urls: &[&str], name: &str) -> Result<usize, SearchError> {
        let f = &self.fields;
        let term = |value: String| -> (Occur, Box<dyn Query>) {
            (
                Occur::Should,
                Box::new(TermQuery::new(
                    Term::from_field_text(f.links, &value),
                    IndexRecordOption::Basic,
                )),
            )
        };
        let mut wanted: Vec<_> = urls.iter().map(|url| term(based_on_link(url))).collect();
        wanted.push(term(depends_on_link(name)));
        let wanted = BooleanQuery::new(wanted);
        let query = BooleanQuery::new(vec![
            (Occur::Must, Box::new(wanted) as Box<dyn Query>),
            (
                Occur::MustNot,
                Box::new(TermQuery::new(
                    Term::from_field_text(f.id, id),
                    IndexRecordOption::Basic,
                )),
            ),
        ]);
        Ok(self.reader.searcher().search(&query, &Count)?)
    }

    /// Adds or replaces entries, in one commit that records the change number `seq`.
    pub fn upsert(&self, docs: &[SearchDocument], seq: Option<i64>) -> Result<(), SearchError> {
        self.write(
            |writer, fields| {
                for doc in docs {
                    writer.delete_term(Term::from_field_text(fields.id, &doc.id));
                    writer.add_document(self.document(doc))?;
                }
                Ok(())
            },
            seq,
        )
    }

    /// Removes entries (no longer listed), in one commit that records `seq`.
    pub fn delete(&self, ids: &[String], seq: Option<i64>) -> Result<(), SearchError> {
        self.write(
            |writer, fields| {
                for id in ids {
                    writer.delete_term(Term::from_field_text(fields.id, id));
                }
                Ok(())
            },
            seq,
        )
    }

    /// Replaces the whole index with `docs`, recording `seq`.
    pub fn rebuild(
        &self,
        docs: impl IntoIterator<Item = SearchDocument>,
        seq: i64,
    ) -> Result<usize, SearchError> {
        let mut count = 0;
        self.write(
            |writer, _| {
                writer.delete_all_documents()?;
                for doc in docs {
                    writer.add_document(self.document(&doc))?;
                    count += 1;
                }
                Ok(())
            },
            Some(seq),
        )?;
        self.merge_segments()?;
        Ok(count)
    }

    /// Merges the index into one segment, keeping the change number it records. A rebuild
    /// ends with it: a search visits each segment's term dictionary once per query term and
    /// field (the typo-tolerant terms are the costly part), so one segment instead of several
    /// makes the same search cheaper, with the same results. Returns the segments merged.
    ///
    /// The writer's own merges run in the background after commits. A merge of every segment
    /// that overlaps one of them fails at its end, whichever finishes last (tantivy finds the
    /// segments it merged gone): at 100,000 entries a rebuild failed so. No background merge
    /// starts while this one runs, and one that had started is waited out by trying again on
    /// the segments it left.
    pub fn merge_segments(&self) -> Result<usize, SearchError> {
        let mut writer = self.writer.lock().map_err(|_| SearchError::Poisoned)?;
        writer.set_merge_policy(Box::new(NoMergePolicy));
        let merged = self.merge_all(&mut writer);
        writer.set_merge_policy(Box::new(LogMergePolicy::default()));
        drop(writer);
        let merged = merged?;
        self.reader.reload()?;
        Ok(merged)
    }

    fn merge_all(&self, writer: &mut IndexWriter) -> Result<usize, SearchError> {
        const ATTEMPTS: u32 = 10;
        let mut attempt = 0;
        loop {
            attempt += 1;
            let segments = self.index.searchable_segment_ids()?;
            if segments.len() <= 1 {
                return Ok(segments.len());
            }
            match writer.merge(&segments).wait() {
                Ok(_) => {
                    writer.garbage_collect_files().wait()?;
                    return Ok(segments.len());
                }
                // A background merge took some of these segments first.
                Err(tantivy::TantivyError::InvalidArgument(_)) if attempt < ATTEMPTS => {
                    std::thread::sleep(std::time::Duration::from_millis(20 * u64::from(attempt)));
                }
                Err(error) => return Err(error.into()),
            }
        }
    }

    /// Starts replacing the whole index, for catalogs too large to hold in memory at once:
    /// add documents in batches, then [`Rebuild::commit`]. Dropping it uncommitted leaves the
    /// index as it was.
    pub fn begin_rebuild(&self) -> Result<Rebuild<'_>, SearchError> {
        let writer = self.writer.lock().map_err(|_| SearchError::Poisoned)?;
        writer.delete_all_documents()?;
        // Everything is merged into one segment at the end: merging parts of it on the way
        // would be work thrown away.
        writer.set_merge_policy(Box::new(NoMergePolicy));
        Ok(Rebuild {
            index: self,
            writer: Some(writer),
            added: 0,
        })
    }

    fn write(
        &self,
        apply: impl FnOnce(&mut IndexWriter, &Fields) -> tantivy::Result<()>,
        seq: Option<i64>,
    ) -> Result<(), SearchError> {
        let mut writer = self.writer.lock().map_err(|_| SearchError::Poisoned)?;
        if let Err(e) = apply(&mut writer, &self.fields) {
            writer.rollback()?;
            return Err(e.into());
        }
        let mut prepared = writer.prepare_commit()?;
        if let Some(seq) = seq {
            prepared.set_payload(&seq.to_string());
        }
        prepared.commit()?;
        drop(writer);
        self.reader.reload()?;
        Ok(())
    }

    /// The median security score and vitality index of the assessed entries, so that a page
    /// can say where one entry stands ("6.7 out of 10; catalog median 4.1"). Read from the
    /// sort columns once per index generation.
    pub fn score_medians(&self) -> Result<ScoreMedians, SearchError> {
        let searcher = self.reader.searcher();
        let generation = searcher.generation().generation_id();
        let mut cache = self.medians.lock().map_err(|_| SearchError::Poisoned)?;
        if let Some((g, medians)) = cache.as_ref()
            && *g == generation
        {
            return Ok(*medians);
        }
        let mut security: Vec<i64> = Vec::new();
        let mut vitality: Vec<i64> = Vec::new();
        for segment in searcher.segment_readers() {
            let fast = segment.fast_fields();
            let security_column = fast.i64("security_sort")?;
            let vitality_column = fast.i64("vitality_sort")?;
            for doc in segment.doc_ids_alive() {
                // -1 marks an entry without that score (see `SearchIndex::document`).
                security.extend(security_column.first(doc).filter(|v| *v >= 0));
                vitality.extend(vitality_column.first(doc).filter(|v| *v >= 0));
            }
        }
        let medians = ScoreMedians {
            security: median(&mut security).map(|hundredths| hundredths / 100.0),
            security_count: security.len(),
            vitality: median(&mut vitality),
            vitality_count: vitality.len(),
        };
        *cache = Some((generation, medians));
        Ok(medians)
    }

    /// The change number recorded by the last commit (0 for a new index).
    pub fn indexed_seq(&self) -> Result<i64, SearchError> {
        let metas = self.index.load_metas()?;
        Ok(metas.payload.and_then(|p| p.parse().ok()).unwrap_or(0))
    }

    /// The generation of what searches read now: it changes with every commit, so an answer
    /// computed on one generation stays right while the generation does.
    pub fn generation(&self) -> u64 {
        self.reader.searcher().generation().generation_id()
    }

    /// Number of entries in the index.
    pub fn doc_count(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    fn word_query(&self, word: &str, last: bool) -> Option<Word> {
        let f = &self.fields;
        let mut clauses = Vec::new();
        let mut add = |field: Field, tokenizer: &str, boost: f32, fuzzy: bool| {
            let Some(mut analyzer) = self.index.tokenizers().get(tokenizer) else {
                return;
            };
            let mut stream = analyzer.token_stream(word);
            let mut terms = Vec::new();
            while stream.advance() {
                terms.push(stream.token().text.clone());
            }
            for term in terms.into_iter().take(8) {
                let t = Term::from_field_text(field, &term);
                clauses.push(Clause::Term {
                    term: t.clone(),
                    boost,
                });
                // Typo tolerance: one edit for words of 5 characters, two from 9, but never
                // more than a short stem can bear ("imunization" stems to "imun").
                let chars = term.chars().count();
                let word_chars = word.chars().count();
                let distance = match (word_chars, chars) {
                    (w, t) if w >= 9 && t >= 6 => 2,
                    (w, t) if w >= 5 && t >= 3 => 1,
                    _ => 0,
                };
                if fuzzy && distance > 0 {
                    clauses.push(Clause::Near {
                        query: TypoQuery::fuzzy(t.clone(), distance, &self.typos),
                        boost: boost * 0.3,
                    });
                }
                // The last word may be unfinished (search as you type).
                if fuzzy && last && chars >= 3 {
                    clauses.push(Clause::Near {
                        query: TypoQuery::prefix(t, &self.typos),
                        boost: boost * 0.5,
                    });
                }
            }
        };
        add(f.name, "commons_name", 4.0, true);
        for lang in LANGUAGES {
            let tokenizer = analysis::query_tokenizer(lang);
            let fuzzy = *lang != "zh";
            add(f.short[lang], &tokenizer, 2.0, fuzzy);
            add(f.long[lang], &tokenizer, 1.0, fuzzy);
            add(f.labels[lang], &tokenizer, 1.0, fuzzy);
        }
        (!clauses.is_empty()).then_some(Word(clauses))
    }

    /// The words of a query's text (at most [`MAX_QUERY_WORDS`] of its first
    /// [`MAX_QUERY_CHARS`] characters), each with the ways it matches; the last one may be
    /// unfinished.
    fn words_of(&self, text: &str) -> Vec<Word> {
        let text: String = text.chars().take(MAX_QUERY_CHARS).collect();
        let texts: Vec<&str> = text
            .split(|c: char| c.is_whitespace() || c.is_ascii_punctuation())
            .filter(|w| !w.is_empty())
            .take(MAX_QUERY_WORDS)
            .collect();
        let last = texts.len();
        texts
            .iter()
            .enumerate()
            .filter_map(|(i, word)| self.word_query(word, i + 1 == last))
            .collect()
    }

    /// The query: every word of the text must match (in some field and language), or, when
    /// `meaning` is not empty, the entry is one of those; and each filter must hold.
    fn build_query(&self, q: &SearchQuery, meaning: &[Nearest]) -> Box<dyn Query> {
        let mut must: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        let words = q
            .text
            .as_deref()
            .map(|t| self.words_of(t))
            .unwrap_or_default();
        let words_query =
            (!words.is_empty()).then(|| Box::new(WordsQuery::new(words)) as Box<dyn Query>);
        if meaning.is_empty() {
            must.extend(words_query.map(|query| (Occur::Must, query)));
        } else {
            let mut either: Vec<(Occur, Box<dyn Query>)> = vec![(
                Occur::Should,
                self.ids_query(meaning.iter().map(|n| n.id.as_str())),
            )];
            if let Some(query) = words_query {
                either.push((Occur::Should, query));
            }
            must.push((Occur::Must, Box::new(BooleanQuery::new(either))));
        }
        for (facet, values) in q.filters.iter() {
            if values.is_empty() {
                continue;
            }
            let field = self.fields.facets[facet];
            let any: Vec<(Occur, Box<dyn Query>)> = values
                .iter()
                .map(|v| {
                    let term = Term::from_facet(field, &Facet::from_path([v.as_str()]));
                    (
                        Occur::Should,
                        Box::new(TermQuery::new(term, IndexRecordOption::Basic)) as Box<dyn Query>,
                    )
                })
                .collect();
            // A filter says which entries qualify, not how well they match: it adds nothing
            // to the score, so an answer ranks the same however its filter was applied.
            let filter = ConstScoreQuery::new(Box::new(BooleanQuery::new(any)), 0.0);
            must.push((Occur::Must, Box::new(filter)));
        }
        if must.is_empty() {
            Box::new(tantivy::query::AllQuery)
        } else {
            Box::new(BooleanQuery::new(must))
        }
    }

    /// Matches the entries with these ids.
    fn ids_query<'a>(&self, ids: impl Iterator<Item = &'a str>) -> Box<dyn Query> {
        let terms: Vec<Term> = ids
            .map(|id| Term::from_field_text(self.fields.id, id))
            .collect();
        Box::new(TermSetQuery::new(terms))
    }

    /// The entries the query's meaning reaches, closest first (none without text, a meaning
    /// vector or attached vectors).
    fn meaning_candidates(&self, q: &SearchQuery) -> Vec<Nearest> {
        let has_text = q.text.as_deref().is_some_and(|t| !t.trim().is_empty());
        match (&q.meaning, self.vectors.get()) {
            (Some(vector), Some(store)) if has_text => {
                let mut found =
                    store.nearest(vector, MEANING_CANDIDATES, MEANING_MIN_SIMILARITY, &[]);
                let best = found.first().map_or(0.0, |n| n.similarity);
                found.retain(|n| n.similarity >= best * MEANING_RELATIVE);
                found
            }
            _ => Vec::new(),
        }
    }

    /// Attaches the entries' meaning vectors: searches given a [`SearchQuery::meaning`] then
    /// find entries close in meaning too, and [`SearchIndex::similar`] works. Once only; a
    /// second store is refused (returned).
    pub fn attach_vectors(&self, store: Arc<VectorStore>) -> Result<(), Arc<VectorStore>> {
        self.vectors.set(store)
    }

    /// The attached meaning vectors.
    pub fn vectors(&self) -> Option<&Arc<VectorStore>> {
        self.vectors.get()
    }

    /// What the sentence encoder should embed: for each entry and each language it is
    /// described in, its name, short description and the start of its long description and
    /// features (at most [`EMBEDDED_TEXT_BYTES`]).
    pub fn embedding_sources(&self) -> Result<Vec<EmbeddingSource>, SearchError> {
        let searcher = self.reader.searcher();
        let f = &self.fields;
        let mut sources = Vec::new();
        for segment in searcher.segment_readers() {
            let store = segment
                .get_store_reader(1)
                .map_err(|e| SearchError::Index(e.into()))?;
            for doc_id in segment.doc_ids_alive() {
                let doc: TantivyDocument = store.get(doc_id)?;
                let first = |field: Field| {
                    doc.get_first(field)
                        .and_then(|v| v.as_str())
                        .unwrap_or_default()
                        .trim()
                        .to_string()
                };
                let id = first(f.id);
                let name = first(f.name);
                for lang in LANGUAGES {
                    let short = first(f.short[lang]);
                    let long = first(f.long[lang]);
                    if short.is_empty() && long.is_empty() {
                        continue;
                    }
                    let mut text = format!("{name}. {short}\n{long}");
                    cut_at_char_boundary(&mut text, EMBEDDED_TEXT_BYTES);
                    sources.push(EmbeddingSource {
                        id: id.clone(),
                        lang: (*lang).to_string(),
                        text,
                    });
                }
            }
        }
        Ok(sources)
    }

    /// The entries closest in meaning to entry `id` (by the closest pair of their texts, in
    /// any languages), closest first, with their cards; empty when `id` has no vectors.
    pub fn similar(&self, id: &str, limit: usize, min: f32) -> Result<Vec<Similar>, SearchError> {
        let Some(store) = self.vectors.get() else {
            return Ok(Vec::new());
        };
        // Entries deleted from the index may linger among the vectors for a moment: ask for
        // more than needed and keep the listed ones.
        let wanted = limit.saturating_mul(2).saturating_add(8);
        let found = store.nearest_to_entry(id, wanted, min);
        let searcher = self.reader.searcher();
        let mut out = Vec::new();
        for near in found {
            if out.len() == limit {
                break;
            }
            let query = TermQuery::new(
                Term::from_field_text(self.fields.id, &near.id),
                IndexRecordOption::Basic,
            );
            let Some((_, address)) = searcher
                .search(&query, &TopDocs::with_limit(1).order_by_score())?
                .into_iter()
                .next()
            else {
                continue;
            };
            let doc: TantivyDocument = searcher.doc(address)?;
            out.push(Similar {
                card: doc
                    .get_first(self.fields.card)
                    .and_then(|v| v.as_str())
                    .map(str::to_string),
                id: near.id,
                lang: near.lang,
                similarity: near.similarity,
            });
        }
        Ok(out)
    }

    /// Runs a search: hits for the page, total count, and facet counts under the query and
    /// filters.
    pub fn search(&self, q: &SearchQuery) -> Result<SearchResults, SearchError> {
        if q.limit > MAX_LIMIT {
            return Err(SearchError::BadQuery(format!(
                "limit must be at most {MAX_LIMIT}"
            )));
        }
        if q.offset > MAX_OFFSET {
            return Err(SearchError::BadQuery(format!(
                "offset must be at most {MAX_OFFSET}"
            )));
        }
        let searcher = self.reader.searcher();
        let generation = searcher.generation().generation_id();
        let key = answer_key(q, self.vectors.get().map_or(0, |v| v.generation()));
        if let Ok(mut answers) = self.answers.lock()
            && let Some(answer) = answers.get(generation, &key)
        {
            return Ok(answer);
        }
        let results = self.run_search(&searcher, generation, q)?;
        if let Ok(mut answers) = self.answers.lock() {
            answers.put(generation, key, &results);
        }
        Ok(results)
    }

    /// The same search without the answer cache: what a search costs when it was not asked
    /// just before (benchmarks and profiles measure this).
    pub fn search_uncached(&self, q: &SearchQuery) -> Result<SearchResults, SearchError> {
        if q.limit > MAX_LIMIT || q.offset > MAX_OFFSET {
            return self.search(q);
        }
        let searcher = self.reader.searcher();
        let generation = searcher.generation().generation_id();
        self.run_search(&searcher, generation, q)
    }

    /// A search on one searcher, without the answer cache.
    fn run_search(
        &self,
        searcher: &tantivy::Searcher,
        generation: u64,
        q: &SearchQuery,
    ) -> Result<SearchResults, SearchError> {
        let meaning = self.meaning_candidates(q);
        let filtered = q.filters.0.values().any(|v| !v.is_empty());
        let (query, addresses, total, facets) = if filtered && meaning.is_empty() {
            self.filtered_page(searcher, generation, q)?
        } else {
            self.page(searcher, generation, q, &meaning)?
        };
        let snippet_field = self.snippet_field(q.lang.as_deref());
        let snippets = match &q.text {
            Some(t) if !t.trim().is_empty() => Snippets::new(searcher, &*query, snippet_field).ok(),
            _ => None,
        };
        // Which of the meaning matches also match every word (they need no explanation).
        let word_matched: std::collections::HashSet<DocAddress> = if meaning.is_empty() {
            Default::default()
        } else {
            let both = BooleanQuery::new(vec![
                (Occur::Must, self.build_query(q, &[])),
                (
                    Occur::Must,
                    self.ids_query(meaning.iter().map(|n| n.id.as_str())),
                ),
            ]);
            searcher.search(&both, &DocSetCollector)?
        };
        let mut hits = Vec::with_capacity(addresses.len());
        for (score, address) in addresses {
            let doc: TantivyDocument = searcher.doc(address)?;
            let id = doc
                .get_first(self.fields.id)
                .and_then(|v| v.as_str())
                .unwrap_or_default()
                .to_string();
            let card = doc
                .get_first(self.fields.card)
                .and_then(|v| v.as_str())
                .map(str::to_string);
            let snippet = snippets
                .as_ref()
                .map(|s| {
                    let texts: Vec<&str> = doc
                        .get_all(snippet_field)
                        .filter_map(|v| v.as_str())
                        .collect();
                    s.fragments(&texts)
                })
                .unwrap_or_default();
            // Found by meaning and not by its words: say so.
            let by_meaning = if word_matched.contains(&address) {
                None
            } else {
                meaning.iter().find(|n| n.id == id).map(|n| MeaningMatch {
                    lang: n.lang.clone(),
                    similarity: n.similarity,
                })
            };
            hits.push(Hit {
                id,
                score,
                snippet,
                card,
                meaning: by_meaning,
            });
        }
        Ok(SearchResults {
            total,
            hits,
            facets,
        })
    }

    /// The page, total and facet counts of a search: one pass with every filter in the query,
    /// then one more per filtered facet for its counts without its own filter (a filtered
    /// search by words alone goes through [`SearchIndex::filtered_page`] instead).
    fn page(
        &self,
        searcher: &tantivy::Searcher,
        generation: u64,
        q: &SearchQuery,
        meaning: &[Nearest],
    ) -> Result<Page, SearchError> {
        let query = self.build_query(q, meaning);
        let browsing_all = q.text.as_deref().is_none_or(|t| t.trim().is_empty())
            && q.filters.0.values().all(Vec::is_empty);
        let cached = if browsing_all {
            self.browse_cache
                .lock()
                .ok()
                .and_then(|c| c.clone())
                .filter(|(g, ..)| *g == generation)
        } else {
            None
        };
        let mut multi = MultiCollector::new();
        // Counting collectors only when the counts are not cached.
        let counting = cached.is_none().then(|| multi.add_collector(MatchBits));
        let filtered = q.filters.0.values().any(|v| !v.is_empty());
        let postings = if cached.is_none() || filtered {
            Some(self.facet_postings(searcher, generation)?)
        } else {
            None
        };
        let sort = match (q.sort, q.text.as_deref().map(str::trim)) {
            (Sort::Relevance, None | Some("")) => Sort::Name,
            (s, _) => s,
        };
        let top = TopDocs::with_limit(q.limit.max(1)).and_offset(q.offset);
        let (addresses, mut fruit) = if sort == Sort::Relevance && !meaning.is_empty() {
            // Counts and facets over word matches and meaning matches together; the order
            // fuses the two rankings.
            let fruit = searcher.search(&query, &multi)?;
            let fused = self.fused_ranking(searcher, q, meaning)?;
            let page = fused
                .into_iter()
                .skip(q.offset)
                .take(q.limit.max(1))
                .collect();
            (page, fruit)
        } else {
            top_of(searcher, &*query, multi, top, sort, None)?
        };
        let (total, mut facets) = match (counting, &postings) {
            (Some(bits_handle), Some(postings)) => {
                let matches = bits_handle.extract(&mut fruit);
                // Collectors see live documents only: the matches' bits are the total.
                let total = matches
                    .iter()
                    .map(|(_, bits)| count_bits(bits))
                    .sum::<u64>() as usize;
                let facets: BTreeMap<_, _> = FacetName::ALL
                    .into_iter()
                    .map(|facet| (facet, postings.counts(facet, &matches)))
                    .collect();
                if browsing_all && let Ok(mut cache) = self.browse_cache.lock() {
                    *cache = Some((generation, total as u64, facets.clone()));
                }
                (total, facets)
            }
            _ => cached
                .map(|(_, total, facets)| (total as usize, facets))
                .unwrap_or_default(),
        };
        // Values of one facet combine with OR: a filtered facet's counts say what ticking one
        // more value would add, so they are counted without that facet's own filter.
        for (facet, values) in q.filters.iter() {
            if values.is_empty() {
                continue;
            }
            let mut others = q.clone();
            others.filters.0.remove(facet);
            let matches = searcher.search(&*self.build_query(&others, meaning), &MatchBits)?;
            if let Some(postings) = &postings {
                facets.insert(*facet, postings.counts(*facet, &matches));
            }
        }
        Ok((query, addresses, total as u64, facets))
    }

    /// [`SearchIndex::page`] for a filtered search by words alone, in one pass: the words'
    /// matches are collected once without the filters, and the filters' documents (read once
    /// per index generation) are intersected with them as bitsets for the total and every
    /// facet's counts; the page's collector sees only the documents that pass every filter.
    /// Without words, the filters alone are searched for the page and the counts start from
    /// every live entry.
    fn filtered_page(
        &self,
        searcher: &tantivy::Searcher,
        generation: u64,
        q: &SearchQuery,
    ) -> Result<Page, SearchError> {
        let postings = self.facet_postings(searcher, generation)?;
        let readers = searcher.segment_readers();
        let filters: BTreeMap<FacetName, Vec<Vec<u64>>> = q
            .filters
            .iter()
            .filter(|(_, values)| !values.is_empty())
            .map(|(facet, values)| (*facet, postings.filter_bits(readers, *facet, values)))
            .collect();
        let passing = Arc::new(intersection(readers, filters.values()));
        let has_text = q.text.as_deref().is_some_and(|t| !t.trim().is_empty());
        let sort = match (q.sort, has_text) {
            (Sort::Relevance, false) => Sort::Name,
            (s, _) => s,
        };
        let top = TopDocs::with_limit(q.limit.max(1)).and_offset(q.offset);
        let (query, addresses, words) = if has_text {
            let mut words_only = q.clone();
            words_only.filters = Filters::default();
            let query = self.build_query(&words_only, &[]);
            let mut multi = MultiCollector::new();
            let bits = multi.add_collector(MatchBits);
            let (addresses, mut fruit) =
                top_of(searcher, &*query, multi, top, sort, Some(&passing))?;
            let words = bits.extract(&mut fruit);
            (query, addresses, words)
        } else {
            let query = self.build_query(q, &[]);
            let (addresses, _) = top_of(searcher, &*query, MultiCollector::new(), top, sort, None)?;
            (query, addresses, live_bits(readers))
        };
        let matches = and_each(&words, &passing);
        let total = matches.iter().map(|(_, bits)| count_bits(bits)).sum();
        let facets = FacetName::ALL
            .into_iter()
            .map(|facet| {
                let counts = if filters.contains_key(&facet) {
                    // Values of one facet combine with OR: a filtered facet's counts say what
                    // ticking one more value would add, so they leave out its own filter.
                    let others = intersection(
                        readers,
                        filters.iter().filter(|(f, _)| **f != facet).map(|(_, b)| b),
                    );
                    postings.counts(facet, &and_each(&words, &others))
                } else {
                    postings.counts(facet, &matches)
                };
                (facet, counts)
            })
            .collect();
        Ok((query, addresses, total, facets))
    }

    /// The word matches' ranking and the meaning matches' ranking, fused (reciprocal rank
    /// fusion), for the first `offset + limit` results; an entry whose name is the query text
    /// comes first. Word matches further down than that cannot reach the page: each word match
    /// ranked above them in the word ranking is also above them in the fused one.
    fn fused_ranking(
        &self,
        searcher: &tantivy::Searcher,
        q: &SearchQuery,
        meaning: &[Nearest],
    ) -> Result<Vec<(f32, DocAddress)>, SearchError> {
        let depth = q.offset + q.limit.max(1);
        let words = searcher.search(
            &*self.build_query(q, &[]),
            &TopDocs::with_limit(depth).order_by_score(),
        )?;
        let text = q.text.as_deref().unwrap_or("").trim().to_lowercase();
        let mut fused: HashMap<DocAddress, f32> = HashMap::new();
        for (rank, (_, address)) in words.iter().enumerate() {
            let mut score = 1.0 / (RRF_K + rank as f32 + 1.0);
            if rank < 3 && self.is_named(searcher, *address, &text)? {
                score += 1.0;
            }
            *fused.entry(*address).or_default() += score;
        }
        // The meaning candidates that pass the filters, in the candidates' order.
        let mut filtered = q.clone();
        filtered.text = None;
        let allowed = BooleanQuery::new(vec![
            (
                Occur::Must,
                self.ids_query(meaning.iter().map(|n| n.id.as_str())),
            ),
            (Occur::Must, self.build_query(&filtered, &[])),
        ]);
        let mut by_id: HashMap<String, DocAddress> = HashMap::new();
        for address in searcher.search(&allowed, &DocSetCollector)? {
            let doc: TantivyDocument = searcher.doc(address)?;
            if let Some(id) = doc.get_first(self.fields.id).and_then(|v| v.as_str()) {
                by_id.insert(id.to_string(), address);
            }
        }
        let mut rank = 0;
        for near in meaning {
            if let Some(address) = by_id.get(&near.id) {
                rank += 1;
                *fused.entry(*address).or_default() += MEANING_WEIGHT / (RRF_K + rank as f32);
            }
        }
        let mut ranked: Vec<(f32, DocAddress)> = fused.into_iter().map(|(a, s)| (s, a)).collect();
        ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
        ranked.truncate(depth);
        Ok(ranked)
    }

    /// Whether one of the entry's names is `text` (lower case, trimmed).
    fn is_named(
        &self,
        searcher: &tantivy::Searcher,
        address: DocAddress,
        text: &str,
    ) -> Result<bool, SearchError> {
        if text.is_empty() {
            return Ok(false);
        }
        let doc: TantivyDocument = searcher.doc(address)?;
        Ok(doc
            .get_all(self.fields.name)
            .filter_map(|v| v.as_str())
            .any(|name| name.trim().to_lowercase() == text))
    }

    /// Every facet value's documents for this searcher generation, read once and shared by
    /// the searches of the generation (a search waits while another reads them).
    fn facet_postings(
        &self,
        searcher: &tantivy::Searcher,
        generation: u64,
    ) -> Result<Arc<FacetPostings>, SearchError> {
        let mut cache = self
            .facet_postings
            .lock()
            .map_err(|_| SearchError::Poisoned)?;
        if let Some((g, postings)) = cache.as_ref()
            && *g == generation
        {
            return Ok(Arc::clone(postings));
        }
        let postings = Arc::new(FacetPostings::read(
            searcher.segment_readers(),
            &self.fields.facets,
        )?);
        *cache = Some((generation, Arc::clone(&postings)));
        Ok(postings)
    }

    fn snippet_field(&self, lang: Option<&str>) -> Field {
        let lang = lang.map(analysis::language_of).unwrap_or("en");
        self.fields.long[lang]
    }
}

/// Runs `query` with `multi` and the collector of the page in `sort`'s order, which sees only
/// the documents set in `within` (by segment ordinal) when given.
fn top_of(
    searcher: &tantivy::Searcher,
    query: &dyn Query,
    mut multi: MultiCollector<'_>,
    top: TopDocs,
    sort: Sort,
    within: Option<&Arc<Vec<Vec<u64>>>>,
) -> Result<(Vec<(f32, DocAddress)>, MultiFruit), SearchError> {
    fn add<'a, C: Collector + 'a>(
        multi: &mut MultiCollector<'a>,
        collector: C,
        within: Option<&Arc<Vec<Vec<u64>>>>,
    ) -> FruitHandle<C::Fruit> {
        match within {
            Some(bits) => multi.add_collector(Within::new(collector, Arc::clone(bits))),
            None => multi.add_collector(collector),
        }
    }
    Ok(match sort {
        Sort::Relevance => {
            let handle = add(&mut multi, top.order_by_score(), within);
            let mut fruit = searcher.search(query, &multi)?;
            (handle.extract(&mut fruit), fruit)
        }
        Sort::Name => {
            let collector = top.order_by_string_fast_field("name_sort", Order::Asc);
            let handle = add(&mut multi, collector, within);
            let mut fruit = searcher.search(query, &multi)?;
            (without_keys(handle.extract(&mut fruit)), fruit)
        }
        Sort::Updated | Sort::Vitality | Sort::Security => {
            let field = match sort {
                Sort::Vitality => "vitality_sort",
                Sort::Security => "security_sort",
                _ => "updated",
            };
            let collector = top.order_by_fast_field::<i64>(field, Order::Desc);
            let handle = add(&mut multi, collector, within);
            let mut fruit = searcher.search(query, &multi)?;
            (without_keys(handle.extract(&mut fruit)), fruit)
        }
    })
}

/// A page sorted by a field's value: scored 0 (no relevance).
fn without_keys<K>(docs: Vec<(K, DocAddress)>) -> Vec<(f32, DocAddress)> {
    docs.into_iter().map(|(_, a)| (0.0, a)).collect()
}

/// A rebuild in progress (see [`SearchIndex::begin_rebuild`]).
pub struct Rebuild<'a> {
    index: &'a SearchIndex,
    writer: Option<std::sync::MutexGuard<'a, IndexWriter>>,
    added: usize,
}

impl Rebuild<'_> {
    /// Adds a batch of entries.
    pub fn add(&mut self, docs: &[SearchDocument]) -> Result<(), SearchError> {
        let writer = self.writer.as_mut().ok_or(SearchError::Poisoned)?;
        for doc in docs {
            writer.add_document(self.index.document(doc))?;
            self.added += 1;
        }
        Ok(())
    }

    /// Commits the new index, recording the change number it reflects; returns the number of
    /// entries indexed.
    pub fn commit(mut self, seq: i64) -> Result<usize, SearchError> {
        let mut writer = self.writer.take().ok_or(SearchError::Poisoned)?;
        let mut prepared = writer.prepare_commit()?;
        prepared.set_payload(&seq.to_string());
        prepared.commit()?;
        drop(writer);
        self.index.reader.reload()?;
        self.index.merge_segments()?;
        Ok(self.added)
    }
}

impl Drop for Rebuild<'_> {
    fn drop(&mut self) {
        if let Some(writer) = self.writer.as_mut() {
            // Not committed: forget the deletions and additions.
            let _ = writer.rollback();
            writer.set_merge_policy(Box::new(LogMergePolicy::default()));
        }
    }
}

/// Cuts `text` to at most `max` bytes, at a character boundary.
fn cut_at_char_boundary(text: &mut String, max: usize) {
    if text.len() > max {
        let mut end = max;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        text.truncate(end);
    }
}

fn fields_again() -> Fields {
    schema().1
}

/// The link terms of an entry: every `isBasedOn` URL and every `dependsOn` name.
/// What an entry declares it builds on, as link keys: `based-on:<url key>` for each
/// `isBasedOn`, `depends-on:<name>` for each `dependsOn` of any kind.
pub fn links_of(p: &PublicCode) -> Vec<String> {
    let mut links: Vec<String> = p.is_based_on.iter().map(|u| based_on_link(u)).collect();
    if let Some(depends) = &p.depends_on {
        for dependency in depends
            .open
            .iter()
            .chain(&depends.proprietary)
            .chain(&depends.hardware)
        {
            links.push(depends_on_link(&dependency.name));
        }
    }
    links
}

/// `based-on:` and the URL's comparison key in normal form ([`RepositoryUrl`]), paths
/// without case (an `isBasedOn` URL does not say which forge it is on, so the lenient rule is
/// taken), so that `https://github.com/x/y.git` and `http://github.com/X/z/../y/` name the
/// same repository. A text that is not a repository URL is kept lower case as it is.
/// The link key of being based on the software at `url` (case and URL form ignored).
pub fn based_on_link(url: &str) -> String {
    match RepositoryUrl::parse(url) {
        Ok(url) => format!("based-on:{}", url.key(PathCase::Insensitive)),
        Err(_) => format!("based-on:{}", url.trim().to_lowercase()),
    }
}

/// `depends-on:` and the name, case and surrounding space ignored.
pub fn depends_on_link(name: &str) -> String {
    format!("depends-on:{}", name.trim().to_lowercase())
}

/// The name entries sort by: case-insensitive, English localised name first.
pub fn sort_key(p: &PublicCode) -> String {
    let localised = p
        .description
        .get("en")
        .and_then(|d| d.localised_name.clone());
    localised.unwrap_or_else(|| p.name.clone()).to_lowercase()
}

/// Every facet value of an entry.
pub fn facet_values(doc: &SearchDocument) -> Vec<(FacetName, Vec<String>)> {
    let p = &doc.publiccode;
    let mut languages: Vec<String> = p.localisation.available_languages.clone();
    for tag in p.description.keys() {
        if !languages.contains(tag) {
            languages.push(tag.clone());
        }
    }
    let mut licenses = vec![p.legal.license.clone()];
    for id in license_ids(&p.legal.license) {
        if !licenses.contains(&id) {
            licenses.push(id);
        }
    }
    let audience = p.intended_audience.clone().unwrap_or_default();
    vec![
        (
            FacetName::Organisation,
            doc.organisation_id.iter().cloned().collect(),
        ),
        (FacetName::Category, p.categories.clone()),
        (FacetName::License, licenses),
        (
            FacetName::DevelopmentStatus,
            vec![p.development_status.as_str().to_string()],
        ),
        (
            FacetName::SoftwareType,
            vec![p.software_type.as_str().to_string()],
        ),
        (FacetName::Platform, p.platforms.clone()),
        (
            FacetName::MaintenanceType,
            vec![p.maintenance.kind.as_str().to_string()],
        ),
        (FacetName::Language, languages),
        (
            FacetName::Country,
            audience
                .countries
                .iter()
                .map(|c| c.to_uppercase())
                .collect(),
        ),
        (FacetName::Scope, audience.scope),
        (
            FacetName::LicenseFamily,
            doc.scores
                .iter()
                .map(|s| s.license_family.clone())
                .collect(),
        ),
        (
            FacetName::OsiApproved,
            doc.scores.iter().map(|s| yes_no(s.osi_approved)).collect(),
        ),
        (
            FacetName::Vitality,
            doc.scores
                .iter()
                .filter_map(|s| s.vitality)
                .map(vitality_band)
                .collect(),
        ),
        (
            FacetName::SecurityScore,
            doc.scores
                .iter()
                .filter_map(|s| s.security_score)
                .map(security_band)
                .collect(),
        ),
        (
            FacetName::Vulnerabilities,
            doc.scores
                .iter()
                .filter_map(|s| s.vulnerabilities)
                .map(|n| yes_no(n > 0))
                .collect(),
        ),
    ]
    .into_iter()
    .map(|(f, values)| (f, values.into_iter().filter(|v| !v.is_empty()).collect()))
    .collect()
}

fn yes_no(b: bool) -> String {
    if b { "yes" } else { "no" }.to_string()
}

/// The facet value of a vitality index: quarter bands.
pub fn vitality_band(v: u32) -> String {
    match v {
        0..=24 => "0-24",
        25..=49 => "25-49",
        50..=74 => "50-74",
        _ => "75-100",
    }
    .to_string()
}

/// The facet value of a security score: two-point bands.
pub fn security_band(score: f64) -> String {
    match score {
        s if s < 3.0 => "0-2",
        s if s < 5.0 => "3-4",
        s if s < 7.0 => "5-6",
        s if s < 9.0 => "7-8",
        _ => "9-10",
    }
    .to_string()
}

/// The license identifiers of an SPDX expression (`MIT OR Apache-2.0` → `MIT`, `Apache-2.0`).
fn license_ids(expression: &str) -> Vec<String> {
    expression
        .split(|c: char| c.is_whitespace() || c == '(' || c == ')')
        .filter(|w| !w.is_empty() && !matches!(*w, "AND" | "OR" | "WITH" | "and" | "or" | "with"))
        .filter(|w| !w.ends_with("-exception") && !w.contains("exception-"))
        .map(|w| w.trim_end_matches('+').to_string())
        .collect()
}

impl Filters {
    fn iter(&self) -> impl Iterator<Item = (&FacetName, &Vec<String>)> {
        self.0.iter()
    }
}

#[cfg(test)]
mod tests {
    //! The facet counts by set intersection against tantivy's `FacetCollector`, on a catalog
    //! in six languages spread over several segments with deleted documents.
    use super::*;
    use crate::SearchDocument;
    use tantivy::collector::FacetCollector;

    fn sorted_counts(counts: &tantivy::collector::FacetCounts) -> Vec<(String, u64)> {
        let mut values: Vec<(String, u64)> =
            counts.get("/").map(|(f, n)| (facet_label(f), n)).collect();
        values.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        values
    }

    /// The value shown for a facet path (`/standalone\/web` → `standalone/web`).
    fn facet_label(facet: &Facet) -> String {
        facet
            .to_path()
            .last()
            .map(|s| s.to_string())
            .unwrap_or_default()
    }

    const WORDS: [(&str, &[&str]); 6] = [
        (
            "en",
            &[
                "health", "registry", "customs", "children", "water", "school", "budget",
            ],
        ),
        (
            "fr",
            &[
                "santé", "registre", "douane", "enfants", "eau", "école", "budget",
            ],
        ),
        (
            "es",
            &[
                "salud",
                "registro",
                "aduana",
                "niños",
                "agua",
                "escuela",
                "presupuesto",
            ],
        ),
        (
            "ru",
            &[
                "здоровье",
                "реестр",
                "таможня",
                "дети",
                "вода",
                "школа",
                "бюджет",
            ],
        ),
        (
            "ar",
            &[
                "الصحة",
                "سجل",
                "الجمارك",
                "الأطفال",
                "المياه",
                "مدرسة",
                "الميزانية",
            ],
        ),
        (
            "zh",
            &["卫生", "登记", "海关", "儿童", "供水", "学校", "预算"],
        ),
    ];
    const CATEGORIES: [&str; 5] = [
        "data-collection",
        "content-management",
        "accounting",
        "budgeting",
        "geographic-information-systems",
    ];
    const COUNTRIES: [&str; 6] = ["KE", "SN", "IT", "BR", "JO", "CN"];
    const LICENSES: [&str; 4] = ["MIT", "Apache-2.0", "AGPL-3.0-or-later", "EUPL-1.2"];
    const STATUS: [&str; 4] = ["stable", "beta", "development", "obsolete"];

    fn document(n: usize, version: usize) -> SearchDocument {
        let pick = |k: usize, m: usize| (n * k + version) % m;
        let mut yaml = format!(
            "publiccodeYmlVersion: \"0\"\nname: \"App {n}\"\nurl: \"https://git.example.org/a/{n}\"\n\
             platforms: [web]\ndevelopmentStatus: {}\nsoftwareType: standalone/web\n\
             categories: [{}, {}]\nintendedAudience:\n  countries: [{}]\n\
             legal:\n  license: {}\nmaintenance:\n  type: none\n\
             localisation:\n  localisationReady: true\n  availableLanguages: [en]\ndescription:\n",
            STATUS[pick(3, 4)],
            CATEGORIES[pick(1, 5)],
            CATEGORIES[pick(7, 5)],
            COUNTRIES[pick(5, 6)],
            LICENSES[pick(11, 4)],
        );
        for (i, (lang, words)) in WORDS.iter().enumerate() {
            if (n + i).is_multiple_of(3) && i != 0 {
                continue;
            }
            let short = format!("{} {}", words[pick(2, 7)], words[pick(3 + i, 7)]);
            let long = format!("{short} {} ", words[pick(5, 7)]).repeat(20);
            yaml.push_str(&format!(
                "  {lang}:\n    shortDescription: \"{short}\"\n    longDescription: \"{long}\"\n    features: [\"{short}\"]\n"
            ));
        }
        let v = commons_publiccode::validate(yaml.as_bytes(), &Default::default());
        SearchDocument {
            id: format!("app-{n}"),
            organisation_id: Some(format!("org-{}", n % 7)),
            updated_at: n as i64,
            publiccode: v
                .publiccode
                .unwrap_or_else(|| panic!("{:?}\n{yaml}", v.diagnostics)),
            scores: None,
            card: String::new(),
            labels: Vec::new(),
        }
    }

    fn reference_counts(
        index: &SearchIndex,
        q: &SearchQuery,
    ) -> BTreeMap<FacetName, Vec<(String, u64)>> {
        let searcher = index.reader.searcher();
        FacetName::ALL
            .into_iter()
            .map(|facet| {
                let mut own = q.clone();
                own.filters.0.remove(&facet);
                let query = if q.filters.0.get(&facet).is_some_and(|v| !v.is_empty()) {
                    index.build_query(&own, &[])
                } else {
                    index.build_query(q, &[])
                };
                let mut collector = FacetCollector::for_field(facet.as_str());
                collector.add_facet("/");
                let counts = searcher.search(&*query, &collector).unwrap();
                (facet, sorted_counts(&counts))
            })
            .collect()
    }

    #[test]
    fn merging_the_segments_keeps_every_answer_and_the_change_number() {
        let index = unmerged_index();
        for batch in 0..4 {
            let docs: Vec<_> = (batch * 30..batch * 30 + 30)
                .map(|n| document(n, 0))
                .collect();
            index.upsert(&docs, Some(batch as i64 + 1)).unwrap();
        }
        index
            .delete(&["app-3".to_string(), "app-77".to_string()], Some(9))
            .unwrap();
        assert!(index.reader.searcher().segment_readers().len() > 1);
        let mut queries = vec![SearchQuery {
            limit: 100,
            sort: Sort::Name,
            ..SearchQuery::default()
        }];
        for (lang, words) in WORDS {
            // Exact, misspelt (typo tolerance) and unfinished (prefix) words.
            let typo = format!("{}x", words[1]);
            let prefix: String = words[4].chars().take(3).collect();
            for text in [words[0].to_string(), typo, prefix] {
                queries.push(SearchQuery {
                    text: Some(text),
                    lang: Some(lang.into()),
                    limit: 100,
                    ..SearchQuery::default()
                });
            }
        }
        type Answer = (u64, Vec<String>, BTreeMap<FacetName, Vec<(String, u64)>>);
        let answers = |index: &SearchIndex| -> Vec<Answer> {
            queries
                .iter()
                .map(|q| {
                    let r = index.search_uncached(q).unwrap();
                    let mut ids: Vec<String> = r.hits.into_iter().map(|h| h.id).collect();
                    if q.sort != Sort::Name {
                        // Equal scores may come in another order from one segment.
                        ids.sort();
                    }
                    (r.total, ids, r.facets)
                })
                .collect()
        };
        let before = answers(&index);
        assert!(before.iter().skip(1).any(|(total, ..)| *total > 0));
        // (The writer's merge policy may have merged some already, in the background.)
        index.merge_segments().unwrap();
        assert_eq!(index.reader.searcher().segment_readers().len(), 1);
        assert_eq!(answers(&index), before);
        assert_eq!(index.indexed_seq().unwrap(), 9);
    }

    #[test]
    fn merging_everything_while_the_writer_merges_in_the_background_succeeds() {
        // Each small commit is a segment; past eight, the writer's merge policy merges some in
        // the background, and a merge of every segment started then used to fail at its end.
        let index = SearchIndex::in_memory().unwrap();
        let mut next = 0;
        for round in 0..12 {
            for _ in 0..12 {
                index
                    .upsert(&[document(next, 0)], Some(next as i64 + 1))
                    .unwrap();
                next += 1;
            }
            let merged = index.merge_segments();
            assert!(merged.is_ok(), "round {round}: {merged:?}");
            assert_eq!(index.reader.searcher().segment_readers().len(), 1);
        }
        let all = SearchQuery {
            limit: 1,
            ..SearchQuery::default()
        };
        assert_eq!(index.search_uncached(&all).unwrap().total, next as u64);
        assert_eq!(index.indexed_seq().unwrap(), next as i64);
    }

    #[test]
    fn a_rebuild_dropped_uncommitted_leaves_the_index_and_its_merging_as_they_were() {
        let index = SearchIndex::in_memory().unwrap();
        index
            .upsert(&(0..5).map(|n| document(n, 0)).collect::<Vec<_>>(), Some(1))
            .unwrap();
        {
            let mut rebuild = index.begin_rebuild().unwrap();
            rebuild.add(&[document(40, 0)]).unwrap();
        }
        let all = SearchQuery {
            limit: 10,
            ..SearchQuery::default()
        };
        assert_eq!(index.search_uncached(&all).unwrap().total, 5);
        // The writer merges in the background again: enough small commits come down to fewer
        // segments without an explicit merge.
        for n in 5..40 {
            index.upsert(&[document(n, 0)], Some(n as i64)).unwrap();
        }
        let mut segments = index.reader.searcher().segment_readers().len();
        for _ in 0..200 {
            if segments < 35 {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
            index.reader.reload().unwrap();
            segments = index.reader.searcher().segment_readers().len();
        }
        assert!(segments < 35, "{segments} segments: nothing was merged");
    }

    #[test]
    fn answers_come_from_the_cache_until_the_next_commit() {
        let index = SearchIndex::in_memory().unwrap();
        index
            .upsert(
                &(0..20).map(|n| document(n, 0)).collect::<Vec<_>>(),
                Some(1),
            )
            .unwrap();
        index.reader.reload().unwrap();
        let q = SearchQuery {
            text: Some("Health".into()),
            limit: 5,
            ..SearchQuery::default()
        };
        let first = index.search(&q).unwrap();
        // The same search spelled differently is one answer, and it is the cached one.
        let spelled = SearchQuery {
            text: Some("  health ".into()),
            ..q.clone()
        };
        assert_eq!(answer_key(&q, 0), answer_key(&spelled, 0));
        let generation = index.reader.searcher().generation().generation_id();
        assert!(
            index
                .answers
                .lock()
                .unwrap()
                .get(generation, &answer_key(&q, 0))
                .is_some()
        );
        assert_eq!(index.search(&spelled).unwrap(), first);
        // A commit makes a new generation: the next answer is computed again and sees it.
        index
            .upsert(
                &(20..40).map(|n| document(n, 0)).collect::<Vec<_>>(),
                Some(2),
            )
            .unwrap();
        index.reader.reload().unwrap();
        let after = index.search(&q).unwrap();
        assert!(
            after.total > first.total,
            "{} then {}",
            first.total,
            after.total
        );
        let mut other = q.clone();
        other
            .filters
            .0
            .insert(FacetName::Country, vec!["KE".into(), "SN".into()]);
        let mut reordered = q.clone();
        reordered
            .filters
            .0
            .insert(FacetName::Country, vec!["SN".into(), "KE".into()]);
        assert_eq!(answer_key(&other, 0), answer_key(&reordered, 0));
        assert_ne!(answer_key(&other, 0), answer_key(&q, 0));
    }

    /// An index in memory whose writer merges no segments in the background (with two or
    /// more indexing threads, four commits make the eight segments that start a merge, and
    /// whether it ended before a test looked depended on the machine's load).
    fn unmerged_index() -> SearchIndex {
        let index = SearchIndex::in_memory().unwrap();
        index
            .writer
            .lock()
            .unwrap()
            .set_merge_policy(Box::new(NoMergePolicy));
        index
    }

    /// Three segments of `batch` entries each, then every `changed`-th entry changed and every
    /// `removed`-th removed: deleted documents in each segment.
    fn segmented_index(batch: usize, changed: usize, removed: usize) -> SearchIndex {
        let index = unmerged_index();
        for b in 0..3 {
            let docs: Vec<_> = (b * batch..(b + 1) * batch)
                .map(|n| document(n, 0))
                .collect();
            index.upsert(&docs, Some(b as i64)).unwrap();
        }
        let all = 3 * batch;
        let changes: Vec<_> = (0..all).step_by(changed).map(|n| document(n, 1)).collect();
        index.upsert(&changes, Some(10)).unwrap();
        let removals: Vec<String> = (0..all)
            .step_by(removed)
            .map(|n| format!("app-{n}"))
            .collect();
        index.delete(&removals, Some(11)).unwrap();
        index.reader.reload().unwrap();
        index
    }

    /// The filtered searches' single pass (filters applied by bitsets after one collection of
    /// the words' matches) gives the page, total and facet counts of searching with every
    /// filter in the query and once more per filtered facet without it.
    #[test]
    fn a_filtered_search_in_one_pass_answers_as_the_filters_in_the_query_do() {
        let index = segmented_index(70, 9, 13);
        let searcher = index.reader.searcher();
        assert!(searcher.segment_readers().len() > 1);
        let generation = searcher.generation().generation_id();

        let filter_sets: Vec<Vec<(FacetName, Vec<&str>)>> = vec![
            vec![(FacetName::Category, vec!["data-collection"])],
            vec![(FacetName::License, vec!["MIT", "EUPL-1.2"])],
            vec![
                (FacetName::Country, vec!["KE", "BR"]),
                (FacetName::DevelopmentStatus, vec!["stable"]),
            ],
            vec![(FacetName::Country, vec!["nowhere"])],
        ];
        let texts = [
            None,
            Some("health"),
            Some("santé registre"),
            Some("helth"),
            Some("sch"),
        ];
        let sorts = [Sort::Relevance, Sort::Name, Sort::Updated];
        let mut compared = 0;
        for filters in &filter_sets {
            for text in texts {
                for sort in sorts {
                    for (offset, limit) in [(0, 5), (3, 50)] {
                        let mut q = SearchQuery {
                            text: text.map(str::to_string),
                            sort,
                            offset,
                            limit,
                            ..SearchQuery::default()
                        };
                        for (facet, values) in filters {
                            for v in values {
                                q.filters.add(*facet, *v);
                            }
                        }
                        let (_, one_pass, total, facets) =
                            index.filtered_page(&searcher, generation, &q).unwrap();
                        let (_, in_query, expected_total, expected_facets) =
                            index.page(&searcher, generation, &q, &[]).unwrap();
                        let addresses = |page: &[(f32, DocAddress)]| {
                            page.iter().map(|(_, a)| *a).collect::<Vec<_>>()
                        };
                        assert_eq!(addresses(&one_pass), addresses(&in_query), "{q:?}");
                        assert_eq!(total, expected_total, "{q:?}");
                        assert_eq!(facets, expected_facets, "{q:?}");
                        compared += usize::from(total > 0);
                    }
                }
            }
        }
        assert!(compared > 60, "{compared} searches with matches");
    }

    #[test]
    fn an_index_storing_entries_in_blocks_of_another_size_is_recreated() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("index");
        std::fs::create_dir_all(&path).unwrap();
        // This schema, with tantivy's default settings, as Commons built it before.
        Index::create_in_dir(&path, schema().0).unwrap();
        let (_, state) = SearchIndex::open_or_create(&path).unwrap();
        assert_eq!(state, OpenState::RecreatedForNewSchema);
        let (index, state) = SearchIndex::open_or_create(&path).unwrap();
        assert_eq!(state, OpenState::Opened, "the new index is kept");
        assert_eq!(
            index.index.settings().docstore_blocksize,
            STORED_BLOCK_BYTES
        );
    }

    /// The words matched and scored a term at a time give the same documents and the same
    /// scores, to the bit, as tantivy's boolean queries of the same clauses, in every
    /// language, with typos, prefixes and deleted documents, scored or not.
    #[test]
    fn words_match_and_score_as_tantivys_boolean_queries() {
        let index = segmented_index(70, 9, 13);
        let searcher = index.reader.searcher();
        assert!(searcher.segment_readers().len() > 1);
        let mut texts: Vec<String> = vec![
            "helth".into(),
            "sch".into(),
            "santé registre health".into(),
            "health registry school budget".into(),
            "customs nowhere".into(),
            "buget scho".into(),
        ];
        for (_, words) in WORDS {
            texts.push(words[0].to_string());
            texts.push(format!("{} {}", words[1], words[2]));
            let start: String = words[5].chars().take(2).collect();
            texts.push(format!("{} {} {start}", words[3], words[4]));
        }
        // The three words of some entries' descriptions (see `document`), the last cut short.
        for n in 0..8 {
            for (i, (_, words)) in WORDS.iter().enumerate() {
                let last: String = words[(n * 5) % 7].chars().take(3).collect();
                texts.push(format!(
                    "{} {} {last}",
                    words[(n * 2) % 7],
                    words[(n * (3 + i)) % 7]
                ));
            }
        }
        let mut compared = 0;
        for text in &texts {
            let ours = WordsQuery::new(index.words_of(text));
            let theirs = ours.as_boolean();
            let top = (TopDocs::with_limit(1000).order_by_score(), Count);
            let (our_top, our_count) = searcher.search(&ours, &top).unwrap();
            let (their_top, their_count) = searcher.search(&theirs, &top).unwrap();
            let bits = |page: Vec<(f32, DocAddress)>| {
                page.into_iter()
                    .map(|(score, address)| (score.to_bits(), address))
                    .collect::<Vec<_>>()
            };
            assert_eq!(bits(our_top), bits(their_top), "{text}");
            assert_eq!(our_count, their_count, "{text}");
            let unscored = |query: &dyn Query| {
                let mut docs: Vec<_> = searcher
                    .search(query, &DocSetCollector)
                    .unwrap()
                    .into_iter()
                    .collect();
                docs.sort();
                docs
            };
            assert_eq!(unscored(&ours), unscored(&theirs), "{text}");
            compared += usize::from(our_count > 0);
        }
        assert!(compared > 50, "{compared} texts with matches");
        let nothing = WordsQuery::new(Vec::new());
        assert_eq!(
            searcher.search(&nothing, &Count).unwrap(),
            0,
            "no words match nothing"
        );
    }

    #[test]
    fn facet_counts_equal_tantivys_facet_collector() {
        let index = segmented_index(60, 7, 11);
        assert!(index.reader.searcher().segment_readers().len() > 1);

        let mut queries: Vec<SearchQuery> = vec![SearchQuery::default()];
        for (lang, words) in WORDS {
            for word in [words[0], words[3]] {
                queries.push(SearchQuery {
                    text: Some(word.into()),
                    lang: Some(lang.into()),
                    ..SearchQuery::default()
                });
            }
        }
        let mut filtered = SearchQuery {
            text: Some("health".into()),
            ..SearchQuery::default()
        };
        filtered
            .filters
            .0
            .insert(FacetName::Category, vec!["accounting".into()]);
        filtered
            .filters
            .0
            .insert(FacetName::Country, vec!["KE".into(), "BR".into()]);
        queries.push(filtered.clone());
        filtered.text = None;
        queries.push(filtered);
        for q in &queries {
            let results = index.search(q).unwrap();
            let expected = reference_counts(&index, q);
            for facet in FacetName::ALL {
                assert_eq!(
                    results.facets.get(&facet).cloned().unwrap_or_default(),
                    expected[&facet],
                    "{facet:?} for {q:?}"
                );
            }
            assert!(results.total > 0 || q.text.is_some(), "{q:?}");
        }
    }
}
