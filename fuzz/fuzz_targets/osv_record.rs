//! Feeds arbitrary bytes to the OSV record parser, and every record it accepts to the matcher
//! with a few versions. Neither may panic.
#![no_main]

use commons_assess::osv::{is_affected, parse_record};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(record) = parse_record("fuzz.json", data) else {
        return;
    };
    for affected in &record.affected {
        for ecosystem in [
            "crates.io",
            "npm",
            "PyPI",
            "Go",
            "Maven",
            "RubyGems",
            "Packagist",
        ] {
            for version in ["0", "1.2.3", "v2.0.0-rc.1", "1.0.post1", ""] {
                let _ = is_affected(ecosystem, version, affected);
            }
        }
    }
});
