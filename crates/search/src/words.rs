//! The words of a query, matched and scored together, a term at a time.
//!
//! Every word of a query must match, in any of about twenty fields (the name, and the short
//! and long descriptions and labels in each language), exactly, with a typo or as a prefix.
//! Written as tantivy queries, that is an intersection of one union per word, each of ten to
//! twenty scorers; and since a search counts every match (its total and facet counts), the
//! whole intersection is walked, a document at a time through the unions' buffers and seeks.
//! At 100,000 entries that walk was two fifths of a search.
//!
//! [`WordsQuery`] gives the same matches and scores a term at a time instead: each word's
//! documents are marked in a bitset from its terms' postings, the bitsets are intersected,
//! and only then are the matching documents scored, each term's postings read once more in
//! order, with the same BM25 weights and constant scores, added in the same order as
//! tantivy's union and intersection add them, so the scores are equal to the bit (the tests
//! compare them with the boolean queries this replaces, [`WordsQuery::as_boolean`], and the
//! benchmark's 5,000 answers were identical). One order is approximated: with three words or
//! more, tantivy adds the words' scores in the order of a cost it reads after moving each
//! union to the first common match, which [`Matched::cost`] reads at each union's start; where
//! the two differ, a score can differ in its last bit.

use crate::facet_bits::{has_bit, set_bit};
use crate::typo::TypoQuery;
use tantivy::fieldnorm::FieldNormReader;
use tantivy::postings::TermInfo;
use tantivy::query::{Bm25Weight, EmptyScorer, EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocId, DocSet, Score, SegmentReader, TERMINATED, TantivyError, Term};

/// The width of tantivy's union buffer: a union's scorers that end inside its first window
/// are dropped before the intersection orders the words by cost (see [`Matched::cost`]).
const UNION_WINDOW: DocId = 4096;

/// One way a word matches a field, with its weight.
#[derive(Clone, Debug)]
pub(crate) enum Clause {
    /// The word's analysed term, scored by BM25 times `boost`.
    Term { term: Term, boost: Score },
    /// Terms within a typo of the word or starting with it: `boost` for any of them.
    Near { query: TypoQuery, boost: Score },
}

/// The clauses of one word of the query; a document matches the word if any clause matches.
#[derive(Clone, Debug, Default)]
pub(crate) struct Word(pub(crate) Vec<Clause>);

/// Every word must match; the score is the sum of the words' scores, each the sum of its
/// matching clauses' scores.
#[derive(Clone, Debug)]
pub(crate) struct WordsQuery {
    words: Vec<Word>,
}

impl WordsQuery {
    pub(crate) fn new(words: Vec<Word>) -> Self {
        WordsQuery { words }
    }

    /// The same query as tantivy's boolean queries: a union of boosted term and typo queries
    /// per word, all words required.
    #[cfg(test)]
    pub(crate) fn as_boolean(&self) -> tantivy::query::BooleanQuery {
        use tantivy::query::{BooleanQuery, BoostQuery, Occur, TermQuery};
        let words = self
            .words
            .iter()
            .map(|word| {
                let clauses = word
                    .0
                    .iter()
                    .map(|clause| {
                        let boosted: Box<dyn Query> = match clause {
                            Clause::Term { term, boost } => Box::new(BoostQuery::new(
                                Box::new(TermQuery::new(
                                    term.clone(),
                                    IndexRecordOption::WithFreqs,
                                )),
                                *boost,
                            )),
                            Clause::Near { query, boost } => {
                                Box::new(BoostQuery::new(Box::new(query.clone()), *boost))
                            }
                        };
                        (Occur::Should, boosted)
                    })
                    .collect();
                (
                    Occur::Must,
                    Box::new(BooleanQuery::new(clauses)) as Box<dyn Query>,
                )
            })
            .collect();
        BooleanQuery::new(words)
    }
}

impl Query for WordsQuery {
    fn weight(&self, scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let statistics = match scoring {
            EnableScoring::Enabled {
                statistics_provider,
                ..
            } => Some(statistics_provider),
            EnableScoring::Disabled { .. } => None,
        };
        let words = self
            .words
            .iter()
            .map(|word| {
                word.0
                    .iter()
                    .map(|clause| {
                        Ok(match clause {
                            Clause::Term { term, boost } => ClauseWeight::Term {
                                term: term.clone(),
                                bm25: statistics
                                    .map(|s| Bm25Weight::for_terms(s, std::slice::from_ref(term)))
                                    .transpose()?,
                                boost: *boost,
                            },
                            Clause::Near { query, boost } => ClauseWeight::Near {
                                query: query.clone(),
                                boost: *boost,
                            },
                        })
                    })
                    .collect::<tantivy::Result<Vec<_>>>()
            })
            .collect::<tantivy::Result<Vec<_>>>()?;
        Ok(Box::new(WordsWeight {
            words,
            scoring: statistics.is_some(),
        }))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        for word in &self.words {
            for clause in &word.0 {
                if let Clause::Term { term, .. } = clause {
                    visitor(term, false);
                }
            }
        }
    }
}

/// A clause ready to score: the term's BM25 weight (none when scores are not wanted).
enum ClauseWeight {
    Term {
        term: Term,
        bm25: Option<Bm25Weight>,
        boost: Score,
    },
    Near {
        query: TypoQuery,
        boost: Score,
    },
}

struct WordsWeight {
    words: Vec<Vec<ClauseWeight>>,
    scoring: bool,
}

/// A bitset over a segment's documents, 64 to a word.
type Bits = Vec<u64>;

/// What one clause matched in a segment.
enum ClauseMatch {
    /// Nothing: the clause takes no part (tantivy drops empty scorers from a union).
    None,
    /// The term's postings.
    Term(TermInfo),
    /// The near terms' documents.
    Near(NearDocs),
}

/// A clause's documents: how many (tantivy's cost of its scorer), the first and the last.
#[derive(Clone, Copy)]
struct Extent {
    cost: u64,
    first: DocId,
    last: DocId,
}

/// What one word matched in a segment: its documents, and each clause's.
struct Matched {
    docs: Bits,
    clauses: Vec<ClauseMatch>,
    extents: Vec<Extent>,
}

impl Matched {
    /// The cost tantivy's intersection orders this word's union by: the sum of its scorers'
    /// (the number of documents each matches), less those of the scorers that end inside the
    /// union's first window, which it has already dropped; a single scorer is not a union.
    fn cost(&self) -> u64 {
        if self.extents.len() == 1 {
            return self.extents[0].cost;
        }
        let start = self.extents.iter().map(|e| e.first).min().unwrap_or(0);
        self.extents
            .iter()
            .filter(|e| e.last >= start.saturating_add(UNION_WINDOW))
            .map(|e| e.cost)
            .sum()
    }
}

impl WordsWeight {
    /// Each word's documents in `reader`; none if some word matches nothing.
    fn match_words(&self, reader: &SegmentReader) -> tantivy::Result<Option<Vec<Matched>>> {
        let len = (reader.max_doc() as usize).div_ceil(64);
        let mut words = Vec::with_capacity(self.words.len());
        for word in &self.words {
            let mut matched = Matched {
                docs: vec![0; len],
                clauses: Vec::with_capacity(word.len()),
                extents: Vec::new(),
            };
            for clause in word {
                let (found, extent) = match_clause(reader, clause, &mut matched.docs)?;
                matched.clauses.push(found);
                matched.extents.extend(extent);
            }
            if matched.extents.is_empty() {
                return Ok(None);
            }
            words.push(matched);
        }
        Ok(Some(words))
    }
}

/// Marks the clause's documents in `docs`; keeps what scoring them needs.
fn match_clause(
    reader: &SegmentReader,
    clause: &ClauseWeight,
    docs: &mut [u64],
) -> tantivy::Result<(ClauseMatch, Option<Extent>)> {
    match clause {
        ClauseWeight::Term { term, .. } => {
            let inverted_index = reader.inverted_index(term.field())?;
            let Some(info) = inverted_index.get_term_info(term)? else {
                return Ok((ClauseMatch::None, None));
            };
            let mut postings = inverted_index
                .read_block_postings_from_terminfo(&info, IndexRecordOption::Basic)?;
            let mut extent = Extent {
                cost: u64::from(info.doc_freq),
                first: postings.docs().first().copied().unwrap_or(TERMINATED),
                last: 0,
            };
            while let Some(&last) = postings.docs().last() {
                for &doc in postings.docs() {
                    set_bit(docs, doc);
                }
                extent.last = last;
                postings.advance();
            }
            Ok((ClauseMatch::Term(info), Some(extent)))
        }
        ClauseWeight::Near { query, .. } => {
            let mut near = NearDocs::Few(Vec::new());
            let words = docs.len();
            query.for_each_doc(reader, |doc| near.add(doc, words))?;
            near.settle();
            let Some(extent) = near.extent() else {
                return Ok((ClauseMatch::None, None));
            };
            near.add_to(docs);
            Ok((ClauseMatch::Near(near), Some(extent)))
        }
    }
}

/// The documents of a clause's near terms: a sorted list when they are few, a bitset when
/// they are many (a bitset per clause, zeroed, was a tenth of a search; most clauses match a
/// few documents of one field).
enum NearDocs {
    Few(Vec<DocId>),
    Many(Bits),
}

impl NearDocs {
    /// Adds a document (in any order; again when it holds several of the terms), turning
    /// the list into a bitset of `words` words once it is that long.
    #[inline]
    fn add(&mut self, doc: DocId, words: usize) {
        match self {
            NearDocs::Few(docs) if docs.len() < words => docs.push(doc),
            NearDocs::Few(docs) => {
                let mut bits = vec![0; words];
                for &doc in docs.iter() {
                    set_bit(&mut bits, doc);
                }
                set_bit(&mut bits, doc);
                *self = NearDocs::Many(bits);
            }
            NearDocs::Many(bits) => set_bit(bits, doc),
        }
    }

    /// Sorts the list and drops its repeats, once every document is added.
    fn settle(&mut self) {
        if let NearDocs::Few(docs) = self {
            docs.sort_unstable();
            docs.dedup();
        }
    }

    /// How many documents, the first and the last; none if there are none.
    fn extent(&self) -> Option<Extent> {
        match self {
            NearDocs::Few(docs) => Some(Extent {
                cost: docs.len() as u64,
                first: *docs.first()?,
                last: *docs.last()?,
            }),
            NearDocs::Many(bits) => {
                let first = bits.iter().position(|&w| w != 0)?;
                let last = bits.iter().rposition(|&w| w != 0)?;
                Some(Extent {
                    cost: crate::facet_bits::count_bits(bits),
                    first: first as DocId * 64 + bits[first].trailing_zeros(),
                    last: last as DocId * 64 + 63 - bits[last].leading_zeros(),
                })
            }
        }
    }

    fn add_to(&self, all: &mut [u64]) {
        match self {
            NearDocs::Few(docs) => docs.iter().for_each(|&doc| set_bit(all, doc)),
            NearDocs::Many(bits) => all.iter_mut().zip(bits).for_each(|(a, b)| *a |= b),
        }
    }

    /// Calls `add` with each of the documents that is also in `within`.
    #[inline(always)]
    fn each_within(&self, within: &[u64], mut add: impl FnMut(DocId)) {
        match self {
            NearDocs::Few(docs) => docs
                .iter()
                .filter(|&&doc| has_bit(within, doc))
                .for_each(|&doc| add(doc)),
            NearDocs::Many(bits) => {
                for (i, (&near, &all)) in bits.iter().zip(within).enumerate() {
                    let mut both = near & all;
                    while both != 0 {
                        add(i as DocId * 64 + both.trailing_zeros());
                        both &= both - 1;
                    }
                }
            }
        }
    }
}

/// The documents that match every word, in order, numbered by rank.
struct Ranked {
    bits: Bits,
    /// Matching documents in the bitset's words before each word.
    before: Vec<u32>,
    docs: Vec<DocId>,
}

impl Ranked {
    /// The documents of every word (the first word's bitset is taken, not copied).
    fn of(words: &mut [Matched]) -> Self {
        let mut bits = std::mem::take(&mut words[0].docs);
        for word in &words[1..] {
            for (b, w) in bits.iter_mut().zip(&word.docs) {
                *b &= w;
            }
        }
        let mut before = Vec::with_capacity(bits.len());
        let mut docs = Vec::new();
        for (i, &word) in bits.iter().enumerate() {
            before.push(docs.len() as u32);
            let mut rest = word;
            while rest != 0 {
                docs.push(i as DocId * 64 + rest.trailing_zeros());
                rest &= rest - 1;
            }
        }
        Ranked { bits, before, docs }
    }

    /// The rank of a matching document.
    #[inline(always)]
    fn rank(&self, doc: DocId) -> usize {
        let i = doc as usize / 64;
        let below = self.bits[i] & ((1u64 << (doc % 64)) - 1);
        self.before[i] as usize + below.count_ones() as usize
    }
}

/// Each matching document's score for one word: its clauses' scores added in clause order,
/// from zero, as tantivy's union adds them.
fn word_scores(
    reader: &SegmentReader,
    clauses: &[ClauseWeight],
    matched: &Matched,
    ranked: &Ranked,
    boost: Score,
) -> tantivy::Result<Vec<Score>> {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("popcnt") {
        // SAFETY: the processor has the instruction, as just checked.
        return unsafe { word_scores_popcnt(reader, clauses, matched, ranked, boost) };
    }
    word_scores_portable(reader, clauses, matched, ranked, boost)
}

/// [`word_scores`] with the processor's bit-count instruction for the ranks, which the
/// portable build (x86-64 baseline) may not assume: a fifth of a search matching most
/// entries went to counting bits without it.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "popcnt")]
fn word_scores_popcnt(
    reader: &SegmentReader,
    clauses: &[ClauseWeight],
    matched: &Matched,
    ranked: &Ranked,
    boost: Score,
) -> tantivy::Result<Vec<Score>> {
    word_scores_portable(reader, clauses, matched, ranked, boost)
}

#[inline(always)]
fn word_scores_portable(
    reader: &SegmentReader,
    clauses: &[ClauseWeight],
    matched: &Matched,
    ranked: &Ranked,
    boost: Score,
) -> tantivy::Result<Vec<Score>> {
    let mut scores = vec![0.0; ranked.docs.len()];
    for (clause, found) in clauses.iter().zip(&matched.clauses) {
        match (clause, found) {
            (
                ClauseWeight::Term {
                    term,
                    bm25: Some(bm25),
                    boost: clause_boost,
                },
                ClauseMatch::Term(info),
            ) => {
                let bm25 = bm25.boost_by(boost * clause_boost);
                let fieldnorms = reader
                    .fieldnorms_readers()
                    .get_field(term.field())?
                    .unwrap_or_else(|| FieldNormReader::constant(reader.max_doc(), 1));
                let mut postings = reader
                    .inverted_index(term.field())?
                    .read_block_postings_from_terminfo(info, IndexRecordOption::WithFreqs)?;
                while !postings.docs().is_empty() {
                    for (&doc, &freq) in postings.docs().iter().zip(postings.freqs()) {
                        if has_bit(&ranked.bits, doc) {
                            scores[ranked.rank(doc)] +=
                                bm25.score(fieldnorms.fieldnorm_id(doc), freq);
                        }
                    }
                    postings.advance();
                }
            }
            (
                ClauseWeight::Near {
                    boost: clause_boost,
                    ..
                },
                ClauseMatch::Near(near),
            ) => {
                let score = boost * clause_boost;
                near.each_within(&ranked.bits, |doc| scores[ranked.rank(doc)] += score);
            }
            _ => {}
        }
    }
    Ok(scores)
}

impl Weight for WordsWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let Some(mut words) = self.match_words(reader)?.filter(|w| !w.is_empty()) else {
            return Ok(Box::new(EmptyScorer));
        };
        let ranked = Ranked::of(&mut words);
        if ranked.docs.is_empty() {
            return Ok(Box::new(EmptyScorer));
        }
        let scores = if self.scoring {
            let mut each = Vec::with_capacity(words.len());
            for (clauses, matched) in self.words.iter().zip(&words) {
                each.push(word_scores(reader, clauses, matched, &ranked, boost)?);
            }
            total_scores(&words, each)
        } else {
            Vec::new()
        };
        Ok(Box::new(MatchedDocs {
            docs: ranked.docs,
            scores,
            at: 0,
        }))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let mut scorer = self.scorer(reader, 1.0)?;
        if scorer.seek(doc) == doc {
            Ok(Explanation::new("every word matches", scorer.score()))
        } else {
            Err(TantivyError::InvalidArgument(format!(
                "Document #({doc}) does not match"
            )))
        }
    }
}

/// The words' scores added as tantivy's intersection adds them: ordered by cost (stable),
/// the first two added, then the sum of the others.
fn total_scores(words: &[Matched], mut each: Vec<Vec<Score>>) -> Vec<Score> {
    if each.len() == 1 {
        return each.pop().unwrap_or_default();
    }
    let mut order: Vec<usize> = (0..words.len()).collect();
    order.sort_by_key(|&w| words[w].cost());
    (0..each[0].len())
        .map(|doc| {
            each[order[0]][doc]
                + each[order[1]][doc]
                + order[2..].iter().map(|&w| each[w][doc]).sum::<Score>()
        })
        .collect()
}

/// The matching documents of a segment, in order, with their scores.
struct MatchedDocs {
    docs: Vec<DocId>,
    scores: Vec<Score>,
    at: usize,
}

impl DocSet for MatchedDocs {
    fn advance(&mut self) -> DocId {
        self.at += 1;
        self.doc()
    }

    fn seek(&mut self, target: DocId) -> DocId {
        self.at += self.docs[self.at.min(self.docs.len())..].partition_point(|&d| d < target);
        self.doc()
    }

    fn doc(&self) -> DocId {
        self.docs.get(self.at).copied().unwrap_or(TERMINATED)
    }

    fn size_hint(&self) -> u32 {
        self.docs.len() as u32
    }
}

impl Scorer for MatchedDocs {
    fn score(&mut self) -> Score {
        self.scores.get(self.at).copied().unwrap_or(0.0)
    }
}
