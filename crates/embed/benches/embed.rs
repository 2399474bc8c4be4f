//! Embedding throughput on one thread, and model load time.
//!
//! Needs the model: `eval "$(scripts/embed-reference.sh)"` sets `COMMONS_EMBED_MODEL` (or point
//! it at `<data>/models/use-m3` after `commons model fetch`), then
//! `cargo bench -p commons-embed`.

use commons_embed::{Encoder, ModelFiles};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

fn model() -> ModelFiles {
    let dir = std::env::var("COMMONS_EMBED_MODEL").expect(
        "COMMONS_EMBED_MODEL is not set: run `eval \"$(scripts/embed-reference.sh)\"` first",
    );
    ModelFiles::open(dir).expect("model directory")
}

/// Short texts (about 12 tokens with BOS and EOS) and catalog-length descriptions (about 130).
fn texts(encoder: &Encoder) -> (Vec<String>, Vec<String>) {
    let short: Vec<String> = (0..64)
        .map(|i| format!("Open source tool number {i} for parsing JSON files"))
        .collect();
    let sentence = "A free and open-source geographic information system that lets public \
                    administrations view, edit and analyse spatial data, publish maps on the web \
                    and share them with citizens.";
    let long: Vec<String> = (0..16)
        .map(|i| format!("Project {i}. {sentence} {sentence} {sentence} {sentence}"))
        .collect();
    let count = |v: &[String]| {
        v.iter()
            .map(|t| encoder.tokenizer().encode(t).len())
            .sum::<usize>() as f64
            / v.len() as f64
    };
    eprintln!(
        "tokens per text: short {:.1}, catalog-length {:.1}",
        count(&short),
        count(&long)
    );
    (short, long)
}

fn bench(c: &mut Criterion) {
    let files = model();
    let encoder = Encoder::load(&files).expect("model loads");
    let (short, long) = texts(&encoder);

    let mut group = c.benchmark_group("embed");
    for (name, batch) in [("short_12_tokens", &short), ("catalog_130_tokens", &long)] {
        let refs: Vec<&str> = batch.iter().map(String::as_str).collect();
        group.throughput(Throughput::Elements(refs.len() as u64));
        group.bench_function(name, |b| b.iter(|| encoder.embed(black_box(&refs))));
    }
    group.finish();

    // What a search adds when it embeds its text: one short query at a time.
    let mut group = c.benchmark_group("query");
    group.bench_function("one_query_6_words", |b| {
        b.iter(|| encoder.embed(black_box(&["tool for social workers handling child cases"])))
    });
    group.bench_function("one_query_chinese_2_chars", |b| {
        b.iter(|| encoder.embed(black_box(&["健康"])))
    });
    group.finish();

    let mut group = c.benchmark_group("load");
    group.sample_size(10);
    group.bench_function("model", |b| {
        b.iter(|| Encoder::load(black_box(&files)).expect("model loads"))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
