//! The meaning-vector scan at catalog scale: `VectorStore::nearest` (the signs choose 3,000
//! rows, compared exactly) and `nearest_exact` (every row) over 140,000 vectors of 512 values
//! (100,000 entries described in 1.4 languages on average), beside the floor for any exact
//! scan of the same data: reading its 72 MB once (eight bytes at a time into a sum). Random
//! vectors time the scan; how much of the exact answer the signs find is measured on real
//! embeddings by `bench/meaning-recall.sh`.
//!
//! `cargo bench -p commons-search --bench vectors`

use commons_search::{VectorInput, VectorStore};
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

const DIM: usize = 512;
const ENTRIES: usize = 100_000;

/// xorshift64*: reproducible pseudo-random values without a dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> f32 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        let bits = self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 40;
        bits as f32 / (1u64 << 24) as f32 - 0.5
    }

    fn unit_vector(&mut self) -> Vec<f32> {
        let v: Vec<f32> = (0..DIM).map(|_| self.next()).collect();
        let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt();
        v.iter().map(|x| x / norm).collect()
    }
}

fn store() -> (VectorStore, Vec<f32>) {
    let store = VectorStore::in_memory("bench", DIM);
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let langs = ["en", "fr", "es", "ar", "ru"];
    let mut batch = Vec::new();
    for entry in 0..ENTRIES {
        // Two languages for two entries in five: 1.4 on average.
        let count = if entry % 5 < 2 { 2 } else { 1 };
        for lang in &langs[..count] {
            batch.push(VectorInput {
                id: format!("entry-{entry}"),
                lang: (*lang).to_string(),
                hash: entry as u64,
                vector: rng.unit_vector(),
            });
        }
        if batch.len() >= 10_000 {
            store.apply(&batch, &[]).expect("stored");
            batch.clear();
        }
    }
    store.apply(&batch, &[]).expect("stored");
    (store, rng.unit_vector())
}

fn bench(c: &mut Criterion) {
    let (store, query) = store();
    eprintln!("{} vectors", store.len());
    let bytes: Vec<u8> = (0..store.len() * DIM).map(|i| (i % 251) as u8).collect();
    let mut group = c.benchmark_group("meaning_scan_100k_entries");
    group.sample_size(30);
    group.bench_function("nearest_30", |b| {
        b.iter(|| store.nearest(black_box(&query), 30, 0.15, &[]))
    });
    group.bench_function("nearest_30_exact", |b| {
        b.iter(|| store.nearest_exact(black_box(&query), 30, 0.15, &[]))
    });
    group.bench_function("floor_read_72MB", |b| {
        b.iter(|| {
            black_box(&bytes).chunks_exact(8).fold(0u64, |sum, c| {
                sum.wrapping_add(u64::from_le_bytes(c.try_into().expect("8 bytes")))
            })
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
