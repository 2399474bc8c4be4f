//! How closely the meaning search's sign-bit shortcut finds what an exact scan finds, and at
//! what cost, on a generated catalog, for `bench/meaning-recall.sh`.
//!
//! Each publiccode.yml under DIR is indexed, its texts embedded with the real model into a
//! vector file kept beside (a rerun embeds only what changed), then every judged query of the
//! relevance set (six languages) and a sample of the entries' own vectors (what the
//! duplicates page asks) are searched exactly and through the signs with several numbers of
//! candidates. Prints the share of the exact top 30 (and top 10) found, and the mean time of
//! each way, one thread.
//!
//! ```text
//! cargo run --release -p commons-server --example meaning_recall -- \
//!     --model DIR --vectors FILE --queries bench/relevance/queries.tsv CORPUS_DIR
//! ```

use commons_embed::{Encoder, ModelFiles};
use commons_search::{SearchDocument, SearchIndex, VectorStore};
use commons_server::meaning::{MODEL_ID, embed_changes};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Entries asked for, as a search by meaning asks (`meaning_candidates`).
const K: usize = 30;
/// The lowest cosine a search by meaning keeps.
const MIN: f32 = 0.15;
/// Candidate numbers measured; the first is what `VectorStore::nearest` uses for `K`.
const CANDIDATES: [usize; 5] = [3_000, 1_000, 2_000, 5_000, 10_000];

struct Args {
    model: PathBuf,
    vectors: PathBuf,
    queries: PathBuf,
    corpus: PathBuf,
}

fn main() -> anyhow::Result<()> {
    let args = parse_args()?;
    let index = SearchIndex::in_memory()?;
    let documents = read_corpus(&args.corpus)?;
    eprintln!("{} entries read", documents.len());
    for batch in documents.chunks(5_000) {
        index.upsert(batch, None)?;
    }
    let encoder = Encoder::load(&ModelFiles::open(&args.model)?)?;
    let (store, _) = VectorStore::open(&args.vectors, MODEL_ID, commons_embed::DIM)?;
    let started = Instant::now();
    let report = embed_changes(&index, &encoder, &store, |_| {})?;
    eprintln!(
        "{} vectors ({} embedded now in {:.0} s)",
        store.len(),
        report.embedded,
        started.elapsed().as_secs_f64()
    );
    let mut queries: Vec<(String, Vec<f32>)> = Vec::new();
    for line in std::fs::read_to_string(&args.queries)?.lines() {
        let fields: Vec<&str> = line.split('\t').collect();
        if line.starts_with('#') || fields.len() != 3 {
            continue;
        }
        let vector = encoder.embed(&[fields[1]]).remove(0);
        queries.push((format!("query {}", fields[0]), vector.to_vec()));
    }
    let judged = queries.len();
    // Every 400th entry's first vector: what the duplicates page asks of each entry.
    for (id, vector) in documents.iter().step_by(400).filter_map(|d| {
        store
            .vectors_of(&d.id)
            .into_iter()
            .next()
            .map(|v| (&d.id, v.1))
    }) {
        queries.push((format!("entry {id}"), vector));
    }
    println!(
        "{} vectors; {judged} judged queries and {} entries' vectors asked; top {K}, cosine >= {MIN}",
        store.len(),
        queries.len() - judged
    );
    println!();
    println!(
        "| compared | found of the exact top 30 | found of the exact top 10 | queries with all 30 | mean time |"
    );
    println!("|---|---|---|---|---|");
    let started = Instant::now();
    let exact: Vec<Vec<String>> = queries
        .iter()
        .map(|(_, v)| ids(store.nearest_exact(v, K, MIN, &[])))
        .collect();
    let exact_time = started.elapsed().as_secs_f64() * 1000.0 / queries.len() as f64;
    println!(
        "| every vector (exact) | 100 % | 100 % | {} | {exact_time:.2} ms |",
        queries.len()
    );
    for candidates in CANDIDATES {
        let started = Instant::now();
        let found: Vec<Vec<String>> = queries
            .iter()
            .map(|(_, v)| ids(store.nearest_comparing(v, K, MIN, &[], Some(candidates))))
            .collect();
        let time = started.elapsed().as_secs_f64() * 1000.0 / queries.len() as f64;
        let (mut all, mut of30, mut of10, mut total30, mut total10) = (0, 0, 0, 0, 0);
        for (exact, found) in exact.iter().zip(&found) {
            let hits = |n: usize| exact.iter().take(n).filter(|id| found.contains(id)).count();
            of30 += hits(K);
            of10 += hits(10);
            total30 += exact.len().min(K);
            total10 += exact.len().min(10);
            all += usize::from(hits(K) == exact.len().min(K));
        }
        let share = |a: usize, b: usize| {
            if b == 0 {
                100.0
            } else {
                a as f64 * 100.0 / b as f64
            }
        };
        println!(
            "| {candidates} closest by signs | {:.2} % | {:.2} % | {all} | {time:.2} ms |",
            share(of30, total30),
            share(of10, total10)
        );
    }
    Ok(())
}

fn ids(found: Vec<commons_search::Nearest>) -> Vec<String> {
    found.into_iter().map(|n| n.id).collect()
}

/// Every publiccode.yml under `dir` that validates, as an index document.
fn read_corpus(dir: &Path) -> anyhow::Result<Vec<SearchDocument>> {
    let mut paths = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(at) = pending.pop() {
        for entry in std::fs::read_dir(&at)? {
            let path = entry?.path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e == "yml") {
                paths.push(path);
            }
        }
    }
    paths.sort();
    let mut documents = Vec::new();
    for (n, path) in paths.iter().enumerate() {
        let bytes = std::fs::read(path)?;
        let Some(publiccode) = commons_publiccode::validate(&bytes, &Default::default()).publiccode
        else {
            continue;
        };
        documents.push(SearchDocument {
            id: format!("entry-{n:06}"),
            organisation_id: None,
            updated_at: 1_700_000_000,
            publiccode,
            scores: None,
            card: String::new(),
            labels: Vec::new(),
        });
    }
    Ok(documents)
}

fn parse_args() -> anyhow::Result<Args> {
    let (mut model, mut vectors, mut queries, mut corpus) = (None, None, None, None);
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--model" => model = it.next().map(PathBuf::from),
            "--vectors" => vectors = it.next().map(PathBuf::from),
            "--queries" => queries = it.next().map(PathBuf::from),
            other if !other.starts_with("--") => corpus = Some(PathBuf::from(other)),
            other => anyhow::bail!("unknown argument {other}"),
        }
    }
    match (model, vectors, queries, corpus) {
        (Some(model), Some(vectors), Some(queries), Some(corpus)) => Ok(Args {
            model,
            vectors,
            queries,
            corpus,
        }),
        _ => anyhow::bail!(
            "usage: meaning_recall --model DIR --vectors FILE --queries FILE CORPUS_DIR"
        ),
    }
}
