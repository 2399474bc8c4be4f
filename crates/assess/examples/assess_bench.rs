//! Timings for `bench/assess.sh`: the history walk alone, the whole assessment, and license
//! detection throughput. Prints one JSON object.
//!
//! Usage: `assess_bench REPO [LICENSE_FILES]` (release build), or `assess_bench --license-text`.

use commons_assess::{Input, license, repo::Repo, vitality};
use std::time::Instant;

fn main() {
    let path = std::env::args()
        .nth(1)
        .expect("usage: assess_bench REPO [LICENSE_FILES]");
    if path == "--license-text" {
        // The canonical MIT text, for the generated repository's LICENSE.
        print!("{}", spdx::license_id("MIT").expect("MIT").text());
        return;
    }
    let license_files: usize = std::env::args()
        .nth(2)
        .and_then(|n| n.parse().ok())
        .unwrap_or(3000);
    let path = std::path::Path::new(&path);

    let repo = Repo::open(path).expect("open");
    let started = Instant::now();
    let mut errors = Vec::new();
    let v = vitality::assess(&repo, 0, &mut errors).expect("vitality");
    let walk = started.elapsed().as_secs_f64();

    let started = Instant::now();
    let a = commons_assess::assess(path, &Input::default()).expect("assess");
    let whole = started.elapsed().as_secs_f64();

    // License detection: every SPDX license text of a sample, repeated, whole texts.
    let ids = [
        "MIT",
        "Apache-2.0",
        "GPL-3.0-only",
        "BSD-3-Clause",
        "MPL-2.0",
        "EUPL-1.2",
        "AGPL-3.0-only",
        "ISC",
        "LGPL-2.1-only",
        "0BSD",
    ];
    let texts: Vec<&str> = ids
        .iter()
        .map(|id| spdx::license_id(id).expect("id").text())
        .collect();
    license::detect_text("warm up the store");
    let batch: Vec<&str> = (0..license_files).map(|i| texts[i % texts.len()]).collect();
    let started = Instant::now();
    let recognised = license::detect_many(&batch)
        .iter()
        .filter(|r| r.0.is_some())
        .count();
    let detect = started.elapsed().as_secs_f64();
    let report = serde_json::json!({
        "commits": v.commits_total,
        "walkSeconds": walk,
        "assessSeconds": whole,
        "vitality": a.vitality.as_ref().and_then(|v| v.developers_italia.index),
        "securityScore": a.security.score,
        "licenseFiles": license_files,
        "licenseRecognised": recognised,
        "licenseSeconds": detect,
        "licenseFilesPerSecond": (license_files as f64 / detect).round(),
    });
    println!("{report}");
}
