//! Feeds arbitrary bytes to the decoding of a forge's root entries (GitHub's and GitLab's
//! trees, Gitea's contents; the first byte picks the forge). It must never panic.
#![no_main]

use commons_crawler::HostingKind;
use commons_crawler::forge::parse_root_entries;
use libfuzzer_sys::fuzz_target;

const KINDS: [HostingKind; 3] = [HostingKind::Gitlab, HostingKind::Github, HostingKind::Gitea];

fuzz_target!(|data: &[u8]| {
    let Some((&pick, body)) = data.split_first() else {
        return;
    };
    let _ = parse_root_entries(KINDS[usize::from(pick) % KINDS.len()], body);
});
