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
            Postings::Sparse(docs) => docs
                .iter()
                .filter(|&&d| matches[d as usize / 64] & (1 << (d % 64)) != 0)
                .count() as u64,
        }
    }
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
                bits[d as usize / 64] |= 1 << (d % 64);
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
        self.bits[doc as usize / 64] |= 1 << (doc % 64);
    }

    fn harvest(self) -> Self::Fruit {
        (self.ordinal, self.bits)
    }
}
