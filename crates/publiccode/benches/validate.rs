//! Validation throughput: the example file, and every file of the reference validator's test
//! suite (read from ../shared at bench time).

use commons_publiccode::{Options, validate};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::{Path, PathBuf};

fn corpus() -> Vec<Vec<u8>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/conformance/publiccode-parser-go/testdata");
    let mut stack: Vec<PathBuf> = vec![root];
    let mut files = Vec::new();
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "yml") {
                files.push(std::fs::read(path).expect("readable"));
            }
        }
    }
    files
}

fn bench(c: &mut Criterion) {
    let example = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/examples/publiccode.yml"),
    )
    .expect("example");
    let mut group = c.benchmark_group("validate");
    group.throughput(Throughput::Bytes(example.len() as u64));
    group.bench_function("example", |b| {
        b.iter(|| validate(black_box(&example), &Options::default()))
    });
    let files = corpus();
    let bytes: usize = files.iter().map(Vec::len).sum();
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function(format!("conformance corpus ({} files)", files.len()), |b| {
        b.iter(|| {
            for f in &files {
                black_box(validate(black_box(f), &Options::default()));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
