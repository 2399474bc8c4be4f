//! Feeds arbitrary text to every lockfile reader (the first byte picks the file name). None
//! may panic; each keeps at most `MAX_PACKAGES` packages.
#![no_main]

use commons_assess::lockfile::{MAX_PACKAGES, read};
use libfuzzer_sys::fuzz_target;

const NAMES: &[&str] = &[
    "Cargo.lock",
    "poetry.lock",
    "package-lock.json",
    "yarn.lock",
    "go.sum",
    "composer.lock",
    "Gemfile.lock",
    "pom.xml",
    "requirements.txt",
];

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let name = NAMES[usize::from(pick) % NAMES.len()];
    let text = String::from_utf8_lossy(rest);
    if let Some((_, Ok(packages))) = read(name, &text) {
        assert!(packages.len() <= MAX_PACKAGES);
    }
});
