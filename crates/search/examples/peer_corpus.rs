//! Writes a directory of publiccode.yml files as what the search index holds of each entry,
//! one JSON object per line, for the engine-level peer (bench/xapian_peer.py) to index the
//! same texts and facet values: `cargo run --release -p commons-search --example peer_corpus
//! -- DIR PUBLISHER > corpus.jsonl`. Invalid files are skipped, as an import would list none.

use commons_search::analysis::language_of;
use commons_search::{SearchDocument, facet_values};
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = PathBuf::from(args.next().expect("directory of publiccode.yml files"));
    let publisher = args
        .next()
        .expect("publisher id (the import's --publisher)");
    let mut files = Vec::new();
    collect(&dir, &mut files);
    files.sort();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut written = 0;
    for (n, file) in files.iter().enumerate() {
        let Ok(bytes) = std::fs::read(file) else {
            continue;
        };
        let validation = commons_publiccode::validate(&bytes, &Default::default());
        let Some(publiccode) = validation.publiccode else {
            continue;
        };
        let doc = SearchDocument {
            id: format!("e{n}"),
            organisation_id: Some(publisher.clone()),
            updated_at: 1_700_000_000 + n as i64,
            publiccode,
            scores: None,
            card: String::new(),
            labels: Vec::new(),
        };
        let line = serde_json::json!({
            "id": doc.id,
            "updated": doc.updated_at,
            "name": commons_search::sort_key(&doc.publiccode),
            "names": names(&doc),
            "texts": texts(&doc),
            "facets": facet_values(&doc)
                .into_iter()
                .map(|(facet, values)| (facet.as_str().to_string(), values))
                .collect::<BTreeMap<_, _>>(),
        });
        writeln!(out, "{line}").expect("stdout");
        written += 1;
    }
    eprintln!("{written} entries of {} files", files.len());
}

/// The name and every localised name: the name field's texts.
fn names(doc: &SearchDocument) -> Vec<String> {
    let p = &doc.publiccode;
    let mut names = vec![p.name.clone()];
    names.extend(
        p.description
            .values()
            .filter_map(|d| d.localised_name.clone()),
    );
    names
}

/// Per analysed language, the short descriptions and the long ones with their features, as
/// the index's fields hold them.
fn texts(doc: &SearchDocument) -> BTreeMap<&'static str, (Vec<String>, Vec<String>)> {
    let mut texts: BTreeMap<&'static str, (Vec<String>, Vec<String>)> = BTreeMap::new();
    for (tag, d) in &doc.publiccode.description {
        let entry = texts.entry(language_of(tag)).or_default();
        entry.0.push(d.short_description.clone());
        let mut long = d.long_description.clone();
        for feature in &d.features {
            long.push('\n');
            long.push_str(feature);
        }
        entry.1.push(long);
    }
    texts
}

fn collect(dir: &Path, files: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, files);
        } else if path.file_name().is_some_and(|n| n == "publiccode.yml") {
            files.push(path);
        }
    }
}
