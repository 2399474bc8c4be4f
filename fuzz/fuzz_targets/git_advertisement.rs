//! Feeds arbitrary bytes to the parser of a git server's ref advertisement (the crawler's HEAD
//! check of plain git repositories). It must never panic, and a commit it reports is 40 or 64
//! hexadecimal digits.
#![no_main]

use commons_crawler::forge::is_object_id;
use commons_crawler::git::parse_advertisement;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok((Some(commit), _)) = parse_advertisement(data) {
        assert!(is_object_id(&commit), "{commit:?}");
    }
});
