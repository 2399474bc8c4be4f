//! Facet counts by set intersection instead of per-document lookups.
//!
//! `FacetCollector` reads every matching document's facet ordinals, for each of the 15
//! facets: at 100,000 entries and a query that matches most of them, that is millions of
//! column reads per search. Here each facet value's documents are read once per index
//! generation from its postings ([`FacetPostings`]: a bitset for common values, a sorted list
//! for rare ones), a search only marks its matching documents in a bitset ([`MatchBits`]),
//! and a value's count is the size of the intersection: a few thousand word operations per
//! common value, one bit test per document of a rare one. Deleted documents are never in the
//! match bitset (collectors only see live documents), so they are not counted.

use crate::query::Facet as FacetName;
use std::collections::BTreeMap;
use std::sync::Arc;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::schema::{Facet, Field, IndexRecordOption};
use tantivy::{DocId, DocSet, Score, SegmentOrdinal, SegmentReader, TERMINATED};

/// A value held by at most one document in this many is kept as a list, not a bitset.
const SPARSE_RATIO: u32 = 64;

/// One facet value's documents in one segment.
enum Postings {
    Dense(Vec<u64>),
    Sparse(Vec<DocId>),
}

impl Postings {
    fn count_in(&self, matches: &[u64]) -> u64 {
        match self {
            Postings::Dense(bits) => common_bits(bits, matches),
            Postings::Sparse(docs) => docs.iter().filter(|&&d| has_bit(matches, d)).count() as u64,
        }
    }
}

/// Sets `doc`'s bit in a segment's bitset (64 documents to a word).
#[inline]
pub(crate) fn set_bit(bits: &mut [u64], doc: DocId) {
    bits[doc as usize / 64] |= 1 << (doc % 64);
}

/// Whether `doc`'s bit is set in a segment's bitset.
#[inline]
pub(crate) fn has_bit(bits: &[u64], doc: DocId) -> bool {
    bits[doc as usize / 64] & (1 << (doc % 64)) != 0
}

/// How many bits two bitsets have in common.
fn common_bits(a: &[u64], b: &[u64]) -> u64 {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("popcnt") {
        // SAFETY: the processor has the instruction, as just checked.
        return unsafe { common_bits_popcnt(a, b) };
    }
    common_bits_portable(a, b)
}

/// [`common_bits`] with the processor's bit-count instruction, which the portable build
/// (x86-64 baseline) may not assume.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "popcnt")]
fn common_bits_popcnt(a: &[u64], b: &[u64]) -> u64 {
    common_bits_portable(a, b)
}

#[inline(always)]
fn common_bits_portable(a: &[u64], b: &[u64]) -> u64 {
    a.iter()
        .zip(b)
        .map(|(x, y)| u64::from((x & y).count_ones()))
        .sum()
}

/// Every facet value's documents, per segment, for one searcher generation.
pub(crate) struct FacetPostings {
    /// By segment ordinal: by facet, (value label, its documents).
    segments: Vec<BTreeMap<FacetName, Vec<(String, Postings)>>>,
}

impl FacetPostings {
    /// Reads the postings of every facet value of every segment.
    pub(crate) fn read(
        readers: &[SegmentReader],
        fields: &BTreeMap<FacetName, Field>,
    ) -> tantivy::Result<Self> {
        let mut segments = Vec::with_capacity(readers.len());
        for reader in readers {
            let mut facets = BTreeMap::new();
            for (facet, field) in fields {
                facets.insert(*facet, read_field(reader, *field)?);
            }
            segments.push(facets);
        }
        Ok(FacetPostings { segments })
    }

    /// Counts of `facet`'s values among the matching documents, largest first (ties by value),
    /// values with no match left out: what `FacetCollector` gave.
    pub(crate) fn counts(&self, facet: FacetName, matches: &MatchFruit) -> Vec<(String, u64)> {
        let mut totals: BTreeMap<&str, u64> = BTreeMap::new();
        for (ordinal, bits) in matches {
            let Some(values) = self
                .segments
                .get(*ordinal as usize)
                .and_then(|s| s.get(&facet))
            else {
                continue;
            };
            for (label, postings) in values {
                let n = postings.count_in(bits);
                if n > 0 {
                    *totals.entry(label.as_str()).or_default() += n;
                }
            }
        }
        let mut values: Vec<(String, u64)> = totals
            .into_iter()
            .map(|(l, n)| (l.to_string(), n))
            .collect();
        values.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        values
    }
}

impl FacetPostings {
    /// By segment ordinal, the documents holding any of `values` of `facet` (one value
    /// filter: values of a facet combine with OR).
    pub(crate) fn filter_bits(
        &self,
        readers: &[SegmentReader],
        facet: FacetName,
        values: &[String],
    ) -> Vec<Vec<u64>> {
        readers
            .iter()
            .enumerate()
            .map(|(ordinal, reader)| {
                let mut bits = vec![0u64; (reader.max_doc() as usize).div_ceil(64)];
                let held = self.segments.get(ordinal).and_then(|s| s.get(&facet));
                for (label, postings) in held.into_iter().flatten() {
                    if values.iter().any(|v| v == label) {
                        postings.add_to(&mut bits);
                    }
                }
                bits
            })
            .collect()
    }
}

impl Postings {
    fn add_to(&self, bits: &mut [u64]) {
        match self {
            Postings::Dense(own) => bits.iter_mut().zip(own).for_each(|(b, o)| *b |= o),
            Postings::Sparse(docs) => {
                for &d in docs {
                    set_bit(bits, d);
                }
            }
        }
    }
}

/// By segment ordinal, the documents set in every one of `sets` (all documents when there
/// is none).
pub(crate) fn intersection<'a>(
    readers: &[SegmentReader],
    sets: impl Iterator<Item = &'a Vec<Vec<u64>>>,
) -> Vec<Vec<u64>> {
    let mut all: Vec<Vec<u64>> = readers
        .iter()
        .map(|r| vec![u64::MAX; (r.max_doc() as usize).div_ceil(64)])
        .collect();
    for set in sets {
        for (bits, other) in all.iter_mut().zip(set) {
            bits.iter_mut().zip(other).for_each(|(b, o)| *b &= o);
        }
    }
    all
}

/// Each segment's matches kept where `within` (by segment ordinal) is set too.
pub(crate) fn and_each(matches: &MatchFruit, within: &[Vec<u64>]) -> MatchFruit {
    matches
        .iter()
        .map(|(ordinal, bits)| {
            let other = within.get(*ordinal as usize).map_or(&[][..], Vec::as_slice);
            let kept = bits
                .iter()
                .enumerate()
                .map(|(i, b)| b & other.get(i).copied().unwrap_or(0))
                .collect();
            (*ordinal, kept)
        })
        .collect()
}

/// How many bits are set.
pub(crate) fn count_bits(bits: &[u64]) -> u64 {
    common_bits(bits, bits)
}

/// Every segment's live (not deleted) documents, as matches.
pub(crate) fn live_bits(readers: &[SegmentReader]) -> MatchFruit {
    readers
        .iter()
        .enumerate()
        .map(|(ordinal, reader)| {
            let mut bits = vec![0u64; (reader.max_doc() as usize).div_ceil(64)];
            for doc in reader.doc_ids_alive() {
                set_bit(&mut bits, doc);
            }
            (ordinal as SegmentOrdinal, bits)
        })
        .collect()
}

/// Passes to the collector it wraps only the documents set in their segment's bitset (by
/// segment ordinal): a filter applied by the collector instead of the query.
pub(crate) struct Within<C> {
    inner: C,
    bits: Arc<Vec<Vec<u64>>>,
}

impl<C> Within<C> {
    pub(crate) fn new(inner: C, bits: Arc<Vec<Vec<u64>>>) -> Self {
        Within { inner, bits }
    }
}

pub(crate) struct SegmentWithin<C> {
    inner: C,
    bits: Arc<Vec<Vec<u64>>>,
    ordinal: usize,
}

impl<C: Collector> Collector for Within<C> {
    type Fruit = C::Fruit;
    type Child = SegmentWithin<C::Child>;

    fn for_segment(
        &self,
        ordinal: SegmentOrdinal,
        segment: &SegmentReader,
    ) -> tantivy::Result<Self::Child> {
        Ok(SegmentWithin {
            inner: self.inner.for_segment(ordinal, segment)?,
            bits: Arc::clone(&self.bits),
            ordinal: ordinal as usize,
        })
    }

    fn requires_scoring(&self) -> bool {
        self.inner.requires_scoring()
    }

    fn merge_fruits(
        &self,
        fruits: Vec<<Self::Child as SegmentCollector>::Fruit>,
    ) -> tantivy::Result<C::Fruit> {
        self.inner.merge_fruits(fruits)
    }
}

impl<C: SegmentCollector> SegmentCollector for SegmentWithin<C> {
    type Fruit = C::Fruit;

    fn collect(&mut self, doc: DocId, score: Score) {
        let passes = self
            .bits
            .get(self.ordinal)
            .and_then(|bits| bits.get(doc as usize / 64))
            .is_some_and(|word| word & (1 << (doc % 64)) != 0);
        if passes {
            self.inner.collect(doc, score);
        }
    }

    fn harvest(self) -> C::Fruit {
        self.inner.harvest()
    }
}

fn read_field(reader: &SegmentReader, field: Field) -> tantivy::Result<Vec<(String, Postings)>> {
    let inverted = reader.inverted_index(field)?;
    let max_doc = reader.max_doc();
    let words = (max_doc as usize).div_ceil(64);
    let mut values = Vec::new();
    let mut terms = inverted.terms().stream()?;
    while terms.advance() {
        let Ok(facet) = Facet::from_encoded(terms.key().to_vec()) else {
            continue;
        };
        // The root is indexed too (every document has it): not a value.
        if facet.is_root() {
            continue;
        }
        // Entries' facets are one level deep (`/value`); anything else is not a value.
        let path = facet.to_path();
        let [label] = path.as_slice() else {
            continue;
        };
        let info = terms.value();
        let mut postings = inverted.read_postings_from_terminfo(info, IndexRecordOption::Basic)?;
        let postings = if info.doc_freq.saturating_mul(SPARSE_RATIO) < max_doc {
            let mut docs = Vec::with_capacity(info.doc_freq as usize);
            while postings.doc() != TERMINATED {
                docs.push(postings.doc());
                postings.advance();
            }
            Postings::Sparse(docs)
        } else {
            let mut bits = vec![0u64; words];
            while postings.doc() != TERMINATED {
                let d = postings.doc();
                set_bit(&mut bits, d);
                postings.advance();
            }
            Postings::Dense(bits)
        };
        values.push((label.to_string(), postings));
    }
    Ok(values)
}

/// Per segment ordinal, the bitset of the matching documents.
pub(crate) type MatchFruit = Vec<(SegmentOrdinal, Vec<u64>)>;

/// Marks the matching documents of each segment in a bitset.
pub(crate) struct MatchBits;

pub(crate) struct SegmentMatchBits {
    ordinal: SegmentOrdinal,
    bits: Vec<u64>,
}

impl Collector for MatchBits {
    type Fruit = MatchFruit;
    type Child = SegmentMatchBits;

    fn for_segment(
        &self,
        ordinal: SegmentOrdinal,
        segment: &SegmentReader,
    ) -> tantivy::Result<SegmentMatchBits> {
        Ok(SegmentMatchBits {
            ordinal,
            bits: vec![0; (segment.max_doc() as usize).div_ceil(64)],
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<(SegmentOrdinal, Vec<u64>)>) -> tantivy::Result<MatchFruit> {
        Ok(fruits)
    }
}

impl SegmentCollector for SegmentMatchBits {
    type Fruit = (SegmentOrdinal, Vec<u64>);

    fn collect(&mut self, doc: DocId, _score: Score) {
        set_bit(&mut self.bits, doc);
    }

    fn harvest(self) -> Self::Fruit {
        (self.ordinal, self.bits)
    }
}
