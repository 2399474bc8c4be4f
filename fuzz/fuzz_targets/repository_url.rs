//! Feeds arbitrary text to the repository URL normalisation that webhooks, the registry, the
//! crawler, the catalog and search share. It must never panic; a URL it accepts must come back
//! to the same normal form from its own text; and "under a group" must mean the group's key
//! and a `/` begin its key, so that no spelling climbs out of a hosting path.
#![no_main]

use commons_publiccode::{PathCase, RepositoryUrl};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    // The first line is a group, the rest a repository that claims to be in it.
    let (group, repository) = text.split_once('\n').unwrap_or(("https://forge.example/g", text));
    let Ok(url) = RepositoryUrl::parse(repository) else {
        return;
    };
    for case in [PathCase::Sensitive, PathCase::Insensitive] {
        let again = RepositoryUrl::parse(&url.as_url()).expect("the normal form parses");
        assert_eq!(again.key(case), url.key(case), "{repository:?}");
        if let Ok(group) = RepositoryUrl::parse(group)
            && url.is_under(&group, case)
        {
            let prefix = format!("{}/", group.key(case));
            let key = url.key(case);
            let inside = match case {
                PathCase::Sensitive => key.starts_with(&prefix),
                PathCase::Insensitive => key.to_lowercase().starts_with(&prefix.to_lowercase()),
            };
            assert!(inside, "{repository:?} is under {group:?} but its key is not");
            assert!(url.segments().iter().all(|s| s != ".." && s != "." && !s.contains('/')));
        }
    }
});
