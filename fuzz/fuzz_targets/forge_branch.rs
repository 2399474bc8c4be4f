//! Feeds arbitrary bytes to the decoding of a forge's answer about a branch (the first byte
//! picks GitLab, GitHub or Gitea). It must never panic, and a commit it accepts is an object
//! id, safe to put in the URL of the next request.
#![no_main]

use commons_crawler::HostingKind;
use commons_crawler::forge::{is_object_id, parse_branch_head};
use libfuzzer_sys::fuzz_target;

const KINDS: [HostingKind; 3] = [HostingKind::Gitlab, HostingKind::Github, HostingKind::Gitea];

fuzz_target!(|data: &[u8]| {
    let Some((&pick, body)) = data.split_first() else {
        return;
    };
    if let Ok(commit) = parse_branch_head(KINDS[usize::from(pick) % KINDS.len()], body) {
        assert!(is_object_id(&commit), "{commit:?}");
    }
});
