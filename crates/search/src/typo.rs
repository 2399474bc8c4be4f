//! Typo-tolerant and prefix terms, expanded once per segment and reused.
//!
//! A typo-tolerant word is a Levenshtein automaton walked over a field's term dictionary. Most
//! of its cost is building the automaton (a transition table per word, zeroed and filled on
//! every query) and walking the dictionary, not reading the matching terms' documents. A
//! segment never changes once written, so the terms an automaton matches in it are kept,
//! keyed by segment, word, distance and prefix, and the next query that asks for the same
//! word reads their documents directly. The automaton itself depends only on the word, not on
//! the field or segment, so it is built once and kept too ([`Automata`]): a word is looked up
//! in a dozen fields, most of which stem it the same way. An unfinished word with no edits
//! needs no automaton: its terms are a range of the dictionary. The matches and scores are
//! exactly those of tantivy's `FuzzyTermQuery` (a constant score per matching document), which
//! the tests compare.

use levenshtein_automata::{DFA, Distance, LevenshteinAutomatonBuilder};
use std::fmt;
use std::sync::{Arc, Mutex, OnceLock};
use tantivy::index::SegmentId;
use tantivy::postings::TermInfo;
use tantivy::query::{
    AutomatonWeight, BitSetDocSet, ConstScorer, EmptyScorer, EnableScoring, Explanation, Query,
    Scorer, Weight,
};
use tantivy::schema::IndexRecordOption;
use tantivy::{BitSet, DocId, DocSet, Score, SegmentReader, TantivyError, Term};

/// Term infos kept across every expansion: at about 40 bytes each, 16 MB at most.
const TERM_INFOS_KEPT: usize = 400_000;
/// Bytes of automata kept: a state's transitions take 1 KB, and a word's automaton has tens
/// (one edit) to hundreds (two edits) of states.
const AUTOMATA_BYTES_KEPT: usize = 16 * 1024 * 1024;

/// What to expand: a word, the edits it tolerates, and whether it may be unfinished.
#[derive(Clone, Debug, Hash, PartialEq, Eq)]
struct Expansion {
    term: Term,
    distance: u8,
    transpositions: bool,
    prefix: bool,
}

/// The terms each expansion matched, per segment, least recently used first out.
pub(crate) struct TypoExpansions {
    kept: Mutex<Kept>,
    automata: Mutex<Automata>,
}

/// The automata of the words recently expanded, whatever their field, within
/// [`AUTOMATA_BYTES_KEPT`].
type Automata = Bounded<AutomatonKey, Arc<Levenshtein>>;

/// What an automaton depends on: the word's text, its edits, transpositions, prefix or not.
type AutomatonKey = (String, u8, bool, bool);

/// The terms each expansion matched in each segment, within [`TERM_INFOS_KEPT`].
type Kept = Bounded<(SegmentId, Expansion), Arc<[TermInfo]>>;

/// Values kept by key up to a total weight, the least recently used out first; a value
/// weighing more than a quarter of the bound is not kept.
struct Bounded<K: std::hash::Hash + Eq, V> {
    entries: lru::LruCache<K, V, foldhash::fast::RandomState>,
    weight: usize,
    bound: usize,
    weigh: fn(&V) -> usize,
}

impl<K: std::hash::Hash + Eq, V> Bounded<K, V> {
    fn new(bound: usize, weigh: fn(&V) -> usize) -> Self {
        Bounded {
            // A seeded fast hash: the keys are a term's bytes, looked up a few dozen times
            // per word of a query (a search was 1.5 % cheaper than with the standard one).
            entries: lru::LruCache::unbounded_with_hasher(foldhash::fast::RandomState::default()),
            weight: 0,
            bound,
            weigh,
        }
    }

    fn insert(&mut self, key: K, value: V) {
        let weight = (self.weigh)(&value);
        if weight > self.bound / 4 {
            return;
        }
        self.weight += weight;
        if let Some(previous) = self.entries.put(key, value) {
            self.weight -= (self.weigh)(&previous);
        }
        while self.weight > self.bound {
            match self.entries.pop_lru() {
                Some((_, evicted)) => self.weight -= (self.weigh)(&evicted),
                None => break,
            }
        }
    }
}

/// A Levenshtein automaton over a word's UTF-8 bytes, as tantivy's `FuzzyTermQuery` builds it.
struct Levenshtein(DFA);

impl Levenshtein {
    fn build(text: &str, distance: u8, transpositions: bool, prefix: bool) -> Self {
        static BUILDERS: [[OnceLock<LevenshteinAutomatonBuilder>; 2]; 3] = [
            [OnceLock::new(), OnceLock::new()],
            [OnceLock::new(), OnceLock::new()],
            [OnceLock::new(), OnceLock::new()],
        ];
        let distance = distance.min(2);
        let builder = BUILDERS[usize::from(distance)][usize::from(transpositions)]
            .get_or_init(|| LevenshteinAutomatonBuilder::new(distance, transpositions));
        Levenshtein(if prefix {
            builder.build_prefix_dfa(text)
        } else {
            builder.build_dfa(text)
        })
    }

    /// About what it occupies: each state's 256 transitions and its distance, twice over, as
    /// the builder's vectors grow by doubling (the server's memory grew by twice the bound
    /// counted without it).
    fn bytes(&self) -> usize {
        2 * self.0.num_states() * (256 * 4 + 8)
    }
}

impl tantivy_fst::Automaton for Levenshtein {
    type State = u32;

    fn start(&self) -> u32 {
        self.0.initial_state()
    }

    fn is_match(&self, state: &u32) -> bool {
        matches!(self.0.distance(*state), Distance::Exact(_))
    }

    fn can_match(&self, state: &u32) -> bool {
        *state != levenshtein_automata::SINK_STATE
    }

    fn accept(&self, state: &u32, byte: u8) -> u32 {
        self.0.transition(*state, byte)
    }
}

impl TypoExpansions {
    pub(crate) fn new() -> Arc<Self> {
        Arc::new(TypoExpansions {
            kept: Mutex::new(Kept::new(TERM_INFOS_KEPT, |infos| infos.len())),
            automata: Mutex::new(Automata::new(AUTOMATA_BYTES_KEPT, |a| a.bytes())),
        })
    }

    /// The terms of `segment` that `expansion` matches: kept ones, or walked and kept.
    fn term_infos(
        &self,
        segment: &SegmentReader,
        expansion: &Expansion,
    ) -> tantivy::Result<Arc<[TermInfo]>> {
        let key = (segment.segment_id(), expansion.clone());
        if let Ok(mut kept) = self.kept.lock()
            && let Some(found) = kept.entries.get(&key)
        {
            return Ok(found.clone());
        }
        let walked: Arc<[TermInfo]> = if expansion.prefix && expansion.distance == 0 {
            prefix_term_infos(segment, &expansion.term)?
        } else {
            AutomatonWeight::<Levenshtein>::new(expansion.term.field(), self.automaton(expansion)?)
                .get_match_term_infos(segment)?
        }
        .into();
        if let Ok(mut kept) = self.kept.lock() {
            kept.insert(key, walked.clone());
        }
        Ok(walked)
    }
}

impl TypoExpansions {
    /// The automaton of `expansion`'s word: a kept one, or built and kept.
    fn automaton(&self, expansion: &Expansion) -> tantivy::Result<Arc<Levenshtein>> {
        let value = expansion.term.value();
        let text = value.as_str().ok_or_else(|| {
            TantivyError::InvalidArgument("a typo-tolerant word must be text".to_string())
        })?;
        let key = (
            text.to_string(),
            expansion.distance,
            expansion.transpositions,
            expansion.prefix,
        );
        if let Ok(mut automata) = self.automata.lock()
            && let Some(found) = automata.entries.get(&key)
        {
            return Ok(found.clone());
        }
        let built = Arc::new(Levenshtein::build(
            text,
            expansion.distance,
            expansion.transpositions,
            expansion.prefix,
        ));
        if let Ok(mut automata) = self.automata.lock() {
            automata.insert(key, built.clone());
        }
        Ok(built)
    }
}

/// The terms of `segment` that start with `term`'s text: a range of the dictionary, the
/// terms a prefix automaton with no edits matches.
fn prefix_term_infos(segment: &SegmentReader, term: &Term) -> tantivy::Result<Vec<TermInfo>> {
    let inverted_index = segment.inverted_index(term.field())?;
    let prefix = term.serialized_value_bytes();
    let mut range = inverted_index.terms().range().ge(prefix);
    if let Some(end) = prefix_end(prefix) {
        range = range.lt(end);
    }
    let mut stream = range.into_stream()?;
    let mut infos = Vec::new();
    while stream.advance() {
        infos.push(stream.value().clone());
    }
    Ok(infos)
}

/// The smallest byte string after every string starting with `prefix` (none if it is all
/// 0xFF bytes).
fn prefix_end(prefix: &[u8]) -> Option<Vec<u8>> {
    let mut end = prefix.to_vec();
    while let Some(last) = end.pop() {
        if last < u8::MAX {
            end.push(last + 1);
            return Some(end);
        }
    }
    None
}

/// Matches the documents holding a term within `distance` edits of a word (or, as a prefix,
/// starting with one), each with a constant score: `FuzzyTermQuery`, expanded through
/// [`TypoExpansions`].
#[derive(Clone)]
pub(crate) struct TypoQuery {
    expansion: Expansion,
    expansions: Arc<TypoExpansions>,
}

impl TypoQuery {
    /// Words within `distance` edits of `term`, a transposition counting as one.
    pub(crate) fn fuzzy(term: Term, distance: u8, expansions: &Arc<TypoExpansions>) -> Self {
        Self::new(term, distance, true, false, expansions)
    }

    /// Words starting with `term`, exactly.
    pub(crate) fn prefix(term: Term, expansions: &Arc<TypoExpansions>) -> Self {
        Self::new(term, 0, false, true, expansions)
    }

    fn new(
        term: Term,
        distance: u8,
        transpositions: bool,
        prefix: bool,
        expansions: &Arc<TypoExpansions>,
    ) -> Self {
        TypoQuery {
            expansion: Expansion {
                term,
                distance,
                transpositions,
                prefix,
            },
            expansions: expansions.clone(),
        }
    }
}

impl fmt::Debug for TypoQuery {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TypoQuery")
            .field("expansion", &self.expansion)
            .finish()
    }
}

impl Query for TypoQuery {
    fn weight(&self, _scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        Ok(Box::new(self.clone()))
    }
}

impl TypoQuery {
    /// Calls `add` with each document of `reader` holding one of the expansion's terms
    /// (a document holding several is given once per term).
    pub(crate) fn for_each_doc(
        &self,
        reader: &SegmentReader,
        mut add: impl FnMut(DocId),
    ) -> tantivy::Result<()> {
        let infos = self.expansions.term_infos(reader, &self.expansion)?;
        if infos.is_empty() {
            return Ok(());
        }
        let inverted_index = reader.inverted_index(self.expansion.term.field())?;
        for info in infos.iter() {
            let mut postings =
                inverted_index.read_block_postings_from_terminfo(info, IndexRecordOption::Basic)?;
            while !postings.docs().is_empty() {
                for &doc in postings.docs() {
                    add(doc);
                }
                postings.advance();
            }
        }
        Ok(())
    }
}

impl Weight for TypoQuery {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        // Most of a word's fields (the other languages') hold nothing near it: an empty scorer
        // is dropped from the word's union, where an empty bitset would be zeroed and walked.
        let mut docs = None;
        self.for_each_doc(reader, |doc| {
            docs.get_or_insert_with(|| BitSet::with_max_value(reader.max_doc()))
                .insert(doc);
        })?;
        Ok(match docs {
            Some(docs) => Box::new(ConstScorer::new(BitSetDocSet::from(docs), boost)),
            None => Box::new(EmptyScorer),
        })
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let mut scorer = self.scorer(reader, 1.0)?;
        if scorer.seek(doc) == doc {
            Ok(Explanation::new("TypoQuery", 1.0))
        } else {
            Err(TantivyError::InvalidArgument(
                "Document does not match".to_string(),
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::collector::TopDocs;
    use tantivy::query::FuzzyTermQuery;
    use tantivy::schema::{Schema, TEXT};
    use tantivy::{DocAddress, Index, IndexWriter, doc};

    const WORDS: &[&str] = &[
        "health",
        "wealth",
        "healthy",
        "heath",
        "hearth",
        "immunisation",
        "immunization",
        "imunization",
        "clinic",
        "clinical",
        "cynic",
        "logistics",
        "logistic",
        "lodging",
        "санитария",
        "здоровье",
        "здоровья",
        "الصحة",
        "صحة",
        "santé",
        "salud",
        "saludable",
    ];

    /// Several segments (each commit makes one), one with deleted documents.
    fn index() -> (Index, tantivy::schema::Field) {
        let mut schema = Schema::builder();
        let text = schema.add_text_field("text", TEXT);
        let index = Index::create_in_ram(schema.build());
        let mut writer: IndexWriter = index.writer(15_000_000).unwrap();
        for (i, chunk) in WORDS.chunks(5).enumerate() {
            for (j, word) in chunk.iter().enumerate() {
                let other = WORDS[(i * 7 + j * 3) % WORDS.len()];
                writer
                    .add_document(doc!(text => format!("{word} {other}")))
                    .unwrap();
            }
            if i == 1 {
                writer.delete_term(Term::from_field_text(text, "wealth"));
            }
            writer.commit().unwrap();
        }
        (index, text)
    }

    fn matches(index: &Index, query: &dyn Query) -> Vec<(DocAddress, u32)> {
        let searcher = index.reader().unwrap().searcher();
        let mut hits: Vec<(DocAddress, u32)> = searcher
            .search(query, &TopDocs::with_limit(100).order_by_score())
            .unwrap()
            .into_iter()
            .map(|(score, address)| (address, score.to_bits()))
            .collect();
        hits.sort();
        hits
    }

    #[test]
    fn expanded_terms_match_and_score_as_the_fuzzy_query_does() {
        let (index, field) = index();
        let expansions = TypoExpansions::new();
        let mut compared = 0;
        for word in WORDS.iter().chain(["heal", "imun", "zdor", "صح"].iter()) {
            let term = Term::from_field_text(field, word);
            for distance in 0..=2 {
                let ours = TypoQuery::fuzzy(term.clone(), distance, &expansions);
                let theirs = FuzzyTermQuery::new(term.clone(), distance, true);
                // Twice: the second answer comes from the kept expansion.
                for _ in 0..2 {
                    assert_eq!(
                        matches(&index, &ours),
                        matches(&index, &theirs),
                        "{word}~{distance}"
                    );
                }
                compared += 1;
            }
            let ours = TypoQuery::prefix(term.clone(), &expansions);
            let theirs = FuzzyTermQuery::new_prefix(term, 0, false);
            for _ in 0..2 {
                assert_eq!(matches(&index, &ours), matches(&index, &theirs), "{word}*");
            }
        }
        assert!(compared > 60);
        assert!(
            !matches(
                &index,
                &TypoQuery::fuzzy(Term::from_field_text(field, "helth"), 1, &expansions)
            )
            .is_empty()
        );
    }

    #[test]
    fn the_kept_expansions_stay_within_their_bound() {
        let mut kept = Kept::new(TERM_INFOS_KEPT, |infos| infos.len());
        let (index, field) = index();
        let segment = index
            .reader()
            .unwrap()
            .searcher()
            .segment_reader(0)
            .segment_id();
        let info = TermInfo {
            doc_freq: 1,
            postings_range: 0..1,
            positions_range: 0..1,
        };
        for i in 0..20 {
            let expansion = Expansion {
                term: Term::from_field_text(field, &format!("w{i}")),
                distance: 1,
                transpositions: true,
                prefix: false,
            };
            kept.insert(
                (segment, expansion),
                vec![info.clone(); TERM_INFOS_KEPT / 8].into(),
            );
            assert!(kept.weight <= TERM_INFOS_KEPT);
        }
        assert_eq!(kept.entries.len(), 8);
        let total: usize = kept.entries.iter().map(|(_, v)| v.len()).sum();
        assert_eq!(total, kept.weight);
    }

    #[test]
    fn the_kept_automata_stay_within_their_bound_and_answer_as_built() {
        let mut automata = Automata::new(AUTOMATA_BYTES_KEPT, |a| a.bytes());
        let mut built = 0;
        for i in 0..2000 {
            let word = format!("immunisation{i}");
            let automaton = Arc::new(Levenshtein::build(&word, 2, true, false));
            built += automaton.bytes();
            automata.insert((word, 2, true, false), automaton);
            assert!(automata.weight <= AUTOMATA_BYTES_KEPT);
        }
        assert!(built > AUTOMATA_BYTES_KEPT, "the bound was reached");
        let total: usize = automata.entries.iter().map(|(_, a)| a.bytes()).sum();
        assert_eq!(total, automata.weight);
        // A kept automaton matches what it was built for.
        use tantivy_fst::Automaton;
        let (_, kept) = automata.entries.iter().next().unwrap();
        let accepts = |text: &str| {
            let state = text.bytes().fold(kept.start(), |s, b| kept.accept(&s, b));
            kept.is_match(&state)
        };
        assert!(accepts("immunisation1999"));
        assert!(accepts("imunisation1999"));
        assert!(!accepts("logistics"));
    }
}
