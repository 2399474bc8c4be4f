//! Times searches on an existing index (e.g. the catalog benchmark's), to see where the time
//! goes: `cargo run --release -p commons-search --example profile -- DIR [QUERIES]`. With
//! QUERIES (bench/gen_queries.py's list of API paths), each of the first 2,000 is timed once,
//! uncached, and the distribution is printed. `MERGE=1` first merges the index into one segment.
//! `ANSWERS=FILE` writes every answer whole (ids, scores to the bit, snippets, totals, facet
//! counts), one request a line, so that two builds' answers can be compared with `cmp`;
//! `COUNT=N` times the first N requests instead of 2,000; `TIMES=FILE` writes each one's time.

use commons_search::{Facet, Filters, SearchIndex, SearchQuery, Sort};
use std::time::Instant;

fn main() {
    let dir = std::env::args().nth(1).expect("index directory");
    let (index, _) = SearchIndex::open_or_create(std::path::Path::new(&dir)).expect("index");
    if std::env::var_os("MERGE").is_some() {
        let started = Instant::now();
        let merged = index.merge_segments().expect("merge");
        println!(
            "merged {merged} segments in {:.1} s",
            started.elapsed().as_secs_f64()
        );
    }
    let mut hr = Filters::default();
    hr.add(Facet::Category, "hr");
    let cases = [
        (
            "all (cached counts)",
            SearchQuery {
                limit: 20,
                ..Default::default()
            },
        ),
        (
            "text, many matches",
            SearchQuery {
                text: Some("case management".into()),
                limit: 20,
                ..Default::default()
            },
        ),
        (
            "text, few matches",
            SearchQuery {
                text: Some("tool 00042".into()),
                limit: 20,
                ..Default::default()
            },
        ),
        (
            "facet filter",
            SearchQuery {
                filters: hr,
                limit: 20,
                ..Default::default()
            },
        ),
    ];
    if let Some(list) = std::env::args().nth(2) {
        distinct(&index, &list);
        return;
    }
    for (label, query) in cases {
        index.search_uncached(&query).unwrap();
        let started = Instant::now();
        let runs = 20;
        for _ in 0..runs {
            index.search_uncached(&query).unwrap();
        }
        println!(
            "{label}: {:.1} ms",
            started.elapsed().as_secs_f64() * 1000.0 / runs as f64
        );
    }
}

/// Times each request of a list of API paths (`/api/v1/software?q=...&lang=...&category=...`).
fn distinct(index: &SearchIndex, list: &str) {
    let text = std::fs::read_to_string(list).expect("queries file");
    let mut times = Vec::new();
    let mut slowest = (0.0, String::new());
    // TOTALS=FILE writes each request's match count, to compare with the Xapian peer's.
    let mut totals = String::new();
    let mut answers = String::new();
    // TIMES=FILE writes each request's time (ms) and match count, to find the slow kinds.
    let mut timings = String::new();
    let count = std::env::var("COUNT")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(2000);
    for line in text.lines().take(count) {
        let query = query_of(line);
        let started = Instant::now();
        let results = index.search_uncached(&query).unwrap();
        let ms = started.elapsed().as_secs_f64() * 1000.0;
        if ms > slowest.0 {
            slowest = (ms, format!("{line} ({} matches)", results.total));
        }
        times.push(ms);
        totals.push_str(&format!("{}\t{line}\n", results.total));
        timings.push_str(&format!("{ms:.3}\t{}\t{line}\n", results.total));
        answers.push_str(&answer_line(line, &results));
    }
    if let Some(path) = std::env::var_os("ANSWERS") {
        std::fs::write(path, answers).expect("answers file");
    }
    if let Some(path) = std::env::var_os("TIMES") {
        std::fs::write(path, timings).expect("times file");
    }
    if let Some(path) = std::env::var_os("TOTALS") {
        std::fs::write(path, totals).expect("totals file");
    }
    times.sort_by(f64::total_cmp);
    let at = |p: f64| times[((times.len() as f64 - 1.0) * p) as usize];
    let mean = times.iter().sum::<f64>() / times.len() as f64;
    println!(
        "{} searches: mean {mean:.2} ms, p50 {:.2}, p90 {:.2}, p99 {:.2}, max {:.2} ms",
        times.len(),
        at(0.5),
        at(0.9),
        at(0.99),
        at(1.0)
    );
    println!("slowest: {} ms {}", slowest.0 as u64, slowest.1);
}

/// One answer on one line: the request, the total, each hit (id, score's bits, snippet with
/// the highlighted parts in brackets, whether it has a card), and the facet counts.
fn answer_line(path: &str, results: &commons_search::SearchResults) -> String {
    let mut line = format!("{path}\ttotal={}", results.total);
    for hit in &results.hits {
        let snippet: String = hit
            .snippet
            .iter()
            .map(|f| {
                if f.highlighted {
                    format!("[{}]", f.text)
                } else {
                    f.text.clone()
                }
            })
            .collect();
        line.push_str(&format!(
            "\t{} {:08x} {} {snippet:?}",
            hit.id,
            hit.score.to_bits(),
            hit.card.as_ref().map_or(0, String::len)
        ));
    }
    line.push_str(&format!("\t{:?}\n", results.facets));
    line
}

fn query_of(path: &str) -> SearchQuery {
    let query = path.split_once('?').map_or("", |(_, q)| q);
    let mut search = SearchQuery {
        limit: 20,
        ..Default::default()
    };
    for pair in query.split('&') {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        let value = decode(value);
        match key {
            "q" => search.text = Some(value),
            "lang" => search.lang = Some(value),
            "sort" => {
                search.sort = match value.as_str() {
                    "name" => Sort::Name,
                    "updated" => Sort::Updated,
                    "vitality" => Sort::Vitality,
                    "security" => Sort::Security,
                    _ => Sort::Relevance,
                }
            }
            other => {
                if let Some(facet) = Facet::parse(other) {
                    search.filters.add(facet, value);
                }
            }
        }
    }
    search
}

/// Percent-decoding with `+` as a space, as a query string is written.
fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap_or("00");
                out.push(u8::from_str_radix(hex, 16).unwrap_or(b'?'));
                i += 2;
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}
