//! Generates the table of demo files embedded with `include_str!`.
//!
//! Reads `data/publishers.yml` (publishers and the age of each of their entries) and checks it
//! against the `data/<publisher>/<slug>.yml` files, so that an entry without an age, an age
//! without a file, or a file in an unknown publisher's directory fails the build with a message
//! instead of silently vanishing from the demo.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// One publisher as read from the manifest.
struct Publisher {
    id: String,
    name: String,
    uri: Option<String>,
    /// Entry slug to age in days.
    ages: BTreeMap<String, u32>,
}

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let data = root.join("data");
    println!("cargo:rerun-if-changed=data");
    println!("cargo:rerun-if-changed=build.rs");

    let manifest_path = data.join("publishers.yml");
    let manifest = std::fs::read_to_string(&manifest_path)
        .unwrap_or_else(|e| panic!("{}: {e}", manifest_path.display()));
    let publishers = parse_manifest(&manifest)
        .unwrap_or_else(|(line, message)| panic!("{}:{line}: {message}", manifest_path.display()));
    check_directories(&data, &publishers);

    let mut code = String::new();
    code.push_str("static PUBLISHERS: &[DemoPublisher] = &[\n");
    for p in &publishers {
        let uri = match &p.uri {
            Some(u) => format!("Some({u:?})"),
            None => "None".to_string(),
        };
        writeln!(
            code,
            "    DemoPublisher {{ id: {:?}, name: {:?}, uri: {uri} }},",
            p.id, p.name
        )
        .expect("writing to a String");
    }
    code.push_str("];\n\nstatic ENTRIES: &[DemoEntry] = &[\n");
    for p in &publishers {
        for (slug, age) in &p.ages {
            let file = format!("{}/{slug}.yml", p.id);
            let path = data.join(&file);
            writeln!(
                code,
                "    DemoEntry {{ publisher_id: {:?}, file: {file:?}, source: include_str!({:?}), age_days: {age} }},",
                p.id,
                path.display().to_string()
            )
            .expect("writing to a String");
        }
    }
    code.push_str("];\n");

    let out = PathBuf::from(std::env::var("OUT_DIR").expect("set by cargo")).join("demo_data.rs");
    std::fs::write(&out, code).unwrap_or_else(|e| panic!("{}: {e}", out.display()));
}

/// Reads the manifest's fixed shape (see the file's header); errors carry the 1-based line.
fn parse_manifest(text: &str) -> Result<Vec<Publisher>, (usize, String)> {
    let mut publishers: Vec<Publisher> = Vec::new();
    let mut in_entries = false;
    for (index, raw) in text.lines().enumerate() {
        let line_no = index + 1;
        let line = raw.split(" #").next().unwrap_or_default().trim_end();
        if line.trim_start().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        let fail = |message: &str| (line_no, format!("{message}: '{raw}'"));
        if let Some(id) = line.strip_prefix("- id: ") {
            publishers.push(Publisher {
                id: id.trim().to_string(),
                name: String::new(),
                uri: None,
                ages: BTreeMap::new(),
            });
            in_entries = false;
            continue;
        }
        let current = publishers
            .last_mut()
            .ok_or_else(|| fail("expected '- id: <publisher>' first"))?;
        if let Some(name) = line.strip_prefix("  name: ") {
            current.name = unquote(name);
        } else if let Some(uri) = line.strip_prefix("  uri: ") {
            current.uri = Some(unquote(uri));
        } else if line == "  entries:" {
            in_entries = true;
        } else if let Some(entry) = line.strip_prefix("    ").filter(|_| in_entries) {
            let (slug, age) = entry
                .split_once(": ")
                .ok_or_else(|| fail("expected '<slug>: <age in days>'"))?;
            let age: u32 = age
                .trim()
                .parse()
                .map_err(|_| fail("the age must be a whole number of days"))?;
            if current.ages.insert(slug.trim().to_string(), age).is_some() {
                return Err(fail("entry listed twice"));
            }
        } else {
            return Err(fail("unexpected line"));
        }
    }
    if let Some(p) = publishers.iter().find(|p| p.name.is_empty()) {
        return Err((0, format!("publisher '{}' has no name", p.id)));
    }
    Ok(publishers)
}

fn unquote(value: &str) -> String {
    let v = value.trim();
    v.strip_prefix('"')
        .and_then(|v| v.strip_suffix('"'))
        .unwrap_or(v)
        .to_string()
}

/// Every `data/<dir>/<slug>.yml` must be listed in the manifest, and every listed entry must exist.
fn check_directories(data: &Path, publishers: &[Publisher]) {
    let mut problems = Vec::new();
    for entry in std::fs::read_dir(data).expect("data directory") {
        let path = entry.expect("data directory entry").path();
        if !path.is_dir() {
            continue;
        }
        let dir = path
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let Some(publisher) = publishers.iter().find(|p| p.id == dir) else {
            problems.push(format!(
                "data/{dir}: no publisher '{dir}' in publishers.yml"
            ));
            continue;
        };
        for file in std::fs::read_dir(&path).expect("publisher directory") {
            let file = file.expect("publisher directory entry").path();
            let name = file
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            match name.strip_suffix(".yml") {
                Some(slug) if publisher.ages.contains_key(slug) => {}
                Some(slug) => problems.push(format!(
                    "data/{dir}/{name}: no age for '{slug}' under '{dir}' in publishers.yml"
                )),
                None => problems.push(format!("data/{dir}/{name}: only .yml files belong here")),
            }
        }
    }
    for p in publishers {
        for slug in p.ages.keys() {
            if !data.join(&p.id).join(format!("{slug}.yml")).is_file() {
                problems.push(format!(
                    "publishers.yml lists '{slug}' under '{}' but data/{}/{slug}.yml does not exist",
                    p.id, p.id
                ));
            }
        }
    }
    assert!(problems.is_empty(), "demo data:\n{}", problems.join("\n"));
}
