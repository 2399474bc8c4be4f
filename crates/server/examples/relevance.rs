//! Relevance of search over the demo catalog, for `bench/relevance.sh`: each judged query of
//! a TSV file (language, query, the entries that answer it) is run three ways: by words only
//! (the index without meaning), by meaning only (the nearest vectors) and both (the server's
//! search). Prints, per language and mode, the share of queries with an answer in the top
//! three and the mean reciprocal rank of the first answer (0 when not in the top ten), then
//! the queries a mode misses.
//!
//! ```text
//! cargo run --release -p commons-server --example relevance -- \
//!     --model DIR bench/relevance/queries.tsv
//! ```

use commons_catalog::Catalog;
use commons_embed::{Encoder, ModelFiles};
use commons_search::{SearchIndex, SearchQuery, VectorStore};
use commons_server::meaning::{MODEL_ID, embed_changes};
use std::collections::BTreeMap;
use std::sync::Arc;

const MODES: [&str; 3] = ["words", "meaning", "hybrid"];
const DEPTH: usize = 10;

struct Judged {
    lang: String,
    query: String,
    answers: Vec<String>,
}

#[derive(Default)]
struct Tally {
    queries: usize,
    top3: usize,
    reciprocal: f64,
    misses: Vec<String>,
}

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (model, file, verbose) = parse_args(&args)?;
    let judged = read_judged(&std::fs::read_to_string(&file)?)?;
    let runtime = tokio::runtime::Runtime::new()?;
    let data = tempfile::tempdir()?;
    let index = Arc::new(SearchIndex::in_memory()?);
    runtime.block_on(async {
        let catalog = Catalog::open(None, data.path()).await?;
        commons_server::demo::load(&catalog).await?;
        commons_app::indexer::rebuild(&catalog, &index).await?;
        anyhow::Ok(())
    })?;
    let encoder = Encoder::load(&ModelFiles::open(&model)?)?;
    let store = Arc::new(VectorStore::in_memory(MODEL_ID, commons_embed::DIM));
    let started = std::time::Instant::now();
    let report = embed_changes(&index, &encoder, &store, |_| {})?;
    eprintln!(
        "{} entries, {} texts embedded in {:.1} s",
        index.doc_count(),
        report.embedded,
        started.elapsed().as_secs_f64()
    );
    index
        .attach_vectors(Arc::clone(&store))
        .map_err(|_| anyhow::anyhow!("vectors attached twice"))?;
    let all_ids = ids_of(
        &index,
        &SearchQuery {
            limit: 100,
            ..SearchQuery::default()
        },
    )?;
    let mut tallies: BTreeMap<(String, &str), Tally> = BTreeMap::new();
    for judged in &judged {
        for suffix in &judged.answers {
            if !all_ids
                .iter()
                .any(|id| id.ends_with(&format!("-example-{suffix}")))
            {
                anyhow::bail!("{suffix:?} (for {:?}) is no demo entry", judged.query);
            }
        }
        let vector = encoder.embed(&[judged.query.as_str()]).remove(0);
        let meaning: Arc<[f32]> = Arc::from(vector.as_slice());
        let words = ids_of(
            &index,
            &SearchQuery {
                text: Some(judged.query.clone()),
                limit: DEPTH,
                ..SearchQuery::default()
            },
        )?;
        let by_meaning: Vec<String> = store
            .nearest(&meaning, DEPTH, -1.0, &[])
            .into_iter()
            .map(|n| n.id)
            .collect();
        let hybrid = ids_of(
            &index,
            &SearchQuery {
                text: Some(judged.query.clone()),
                limit: DEPTH,
                meaning: Some(Arc::clone(&meaning)),
                ..SearchQuery::default()
            },
        )?;
        if verbose {
            let near = store.nearest(&meaning, 5, -1.0, &[]);
            let shown: Vec<String> = near
                .iter()
                .map(|n| format!("{} {:.2}", short(&n.id), n.similarity))
                .collect();
            eprintln!("{} {:?}: {}", judged.lang, judged.query, shown.join(", "));
        }
        for (mode, found) in MODES.iter().zip([words, by_meaning, hybrid]) {
            let rank = found.iter().position(|id| {
                judged
                    .answers
                    .iter()
                    .any(|a| id.ends_with(&format!("-example-{a}")))
            });
            let tally = tallies.entry((judged.lang.clone(), mode)).or_default();
            tally.queries += 1;
            if rank.is_some_and(|r| r < 3) {
                tally.top3 += 1;
            } else {
                let got: Vec<&str> = found.iter().take(3).map(|id| short(id)).collect();
                tally
                    .misses
                    .push(format!("{:?} → {}", judged.query, got.join(", ")));
            }
            tally.reciprocal += rank.map_or(0.0, |r| 1.0 / (r as f64 + 1.0));
        }
    }
    print_table(&tallies);
    Ok(())
}

fn print_table(tallies: &BTreeMap<(String, &str), Tally>) {
    println!(
        "| language | queries | words top-3 | words MRR | meaning top-3 | meaning MRR | hybrid top-3 | hybrid MRR |"
    );
    println!("|---|---|---|---|---|---|---|---|");
    let mut langs: Vec<&String> = tallies.keys().map(|(l, _)| l).collect();
    langs.dedup();
    let mut totals: BTreeMap<&str, Tally> = BTreeMap::new();
    for lang in langs {
        let row: Vec<&Tally> = MODES
            .iter()
            .map(|mode| &tallies[&(lang.clone(), *mode)])
            .collect();
        for (mode, t) in MODES.iter().zip(&row) {
            let total = totals.entry(mode).or_default();
            total.queries += t.queries;
            total.top3 += t.top3;
            total.reciprocal += t.reciprocal;
        }
        println!("{}", table_row(lang, &row));
    }
    let all: Vec<&Tally> = MODES.iter().map(|mode| &totals[mode]).collect();
    println!("{}", table_row("all", &all));
    for ((lang, mode), t) in tallies {
        for miss in &t.misses {
            println!("miss {mode:7} {lang}: {miss}");
        }
    }
}

/// `| label | queries | top-3 | MRR |` for each mode.
fn table_row(label: &str, modes: &[&Tally]) -> String {
    let mut row = format!("| {label} | {} |", modes[0].queries);
    for t in modes {
        row.push_str(&format!(
            " {:.0} % | {:.2} |",
            100.0 * t.top3 as f64 / t.queries as f64,
            t.reciprocal / t.queries as f64
        ));
    }
    row
}

fn short(id: &str) -> &str {
    id.split_once("-example-").map_or(id, |(_, s)| s)
}

fn ids_of(index: &SearchIndex, q: &SearchQuery) -> anyhow::Result<Vec<String>> {
    Ok(index.search(q)?.hits.into_iter().map(|h| h.id).collect())
}

fn parse_args(args: &[String]) -> anyhow::Result<(String, String, bool)> {
    let mut model = None;
    let mut file = None;
    let mut verbose = false;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--model" => model = it.next().cloned(),
            "--verbose" => verbose = true,
            // cargo passes --bench to benches; nothing else is expected.
            other if !other.starts_with("--") => file = Some(other.to_string()),
            other => anyhow::bail!("unknown argument {other}"),
        }
    }
    match (model, file) {
        (Some(model), Some(file)) => Ok((model, file, verbose)),
        _ => anyhow::bail!("usage: relevance --model DIR [--verbose] QUERIES.tsv"),
    }
}

fn read_judged(text: &str) -> anyhow::Result<Vec<Judged>> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        let [lang, query, answers] = fields[..] else {
            anyhow::bail!("line {}: expected 3 tab-separated fields", n + 1);
        };
        out.push(Judged {
            lang: lang.to_string(),
            query: query.to_string(),
            answers: answers.split(',').map(|a| a.trim().to_string()).collect(),
        });
    }
    Ok(out)
}
