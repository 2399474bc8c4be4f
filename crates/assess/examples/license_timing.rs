//! License detection throughput per license text (one thread), for docs/benchmarks.md.
use std::time::Instant;
fn main() {
    commons_assess::license::detect_text("warm up");
    for id in [
        "MIT",
        "BSD-3-Clause",
        "ISC",
        "Apache-2.0",
        "MPL-2.0",
        "LGPL-2.1-only",
        "GPL-3.0-only",
        "AGPL-3.0-only",
        "EUPL-1.2",
    ] {
        let canonical = spdx::license_id(id).expect("id").text();
        // A real LICENSE file: the canonical text with a copyright line of its own.
        let text = format!("Copyright (c) 2026 United Nations Example Agency\n\n{canonical}");
        let n = 200;
        let t = Instant::now();
        let mut found = None;
        for _ in 0..n {
            found = commons_assess::license::detect_text(&text).0;
        }
        let per_file = t.elapsed().as_secs_f64() / n as f64;
        println!(
            "{id:<14} {:>6} bytes  {:>7.0} files/s  -> {}",
            text.len(),
            1.0 / per_file,
            found.unwrap_or_default()
        );
    }
}
