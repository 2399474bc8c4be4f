//! Times searches on an existing index (e.g. the catalog benchmark's), to see where the time
//! goes: `cargo run --release -p commons-search --example profile -- DIR`.

use commons_search::{Facet, Filters, SearchIndex, SearchQuery};
use std::time::Instant;

fn main() {
    let dir = std::env::args().nth(1).expect("index directory");
    let (index, _) = SearchIndex::open_or_create(std::path::Path::new(&dir)).expect("index");
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
    for (label, query) in cases {
        index.search(&query).unwrap();
        let started = Instant::now();
        let runs = 20;
        for _ in 0..runs {
            index.search(&query).unwrap();
        }
        println!(
            "{label}: {:.1} ms",
            started.elapsed().as_secs_f64() * 1000.0 / runs as f64
        );
    }
}
