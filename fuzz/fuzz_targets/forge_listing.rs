//! Feeds arbitrary bytes to the decoding of a forge's repository listing and of one
//! repository (the first byte picks GitLab, GitHub or Gitea). It must never panic.
#![no_main]

use commons_crawler::HostingKind;
use commons_crawler::forge::{parse_listing, parse_repository};
use libfuzzer_sys::fuzz_target;

const KINDS: [HostingKind; 3] = [HostingKind::Gitlab, HostingKind::Github, HostingKind::Gitea];

fuzz_target!(|data: &[u8]| {
    let Some((&pick, body)) = data.split_first() else {
        return;
    };
    let kind = KINDS[usize::from(pick) % KINDS.len()];
    let _ = parse_listing(kind, body);
    let _ = parse_repository(kind, body);
});
