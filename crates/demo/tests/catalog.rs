//! Every entry validates, belongs to a known publisher and agrees with it.

use commons_demo::{entries, publisher, publishers};
use commons_publiccode::{PublicCode, Validation, validate};
use std::collections::HashSet;

pub fn validated() -> Vec<(&'static commons_demo::DemoEntry, Validation)> {
    entries()
        .iter()
        .map(|e| (e, validate(e.source.as_bytes(), &Default::default())))
        .collect()
}

pub fn model(v: &Validation) -> &PublicCode {
    v.publiccode.as_ref().expect("valid entries have a model")
}

#[test]
fn every_entry_validates_without_error() {
    let failures: Vec<String> = validated()
        .into_iter()
        .flat_map(|(e, v)| {
            v.errors()
                .map(|d| format!("{}: {d:?}", e.file))
                .collect::<Vec<_>>()
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn at_least_forty_four_entries_from_fourteen_publishers() {
    assert!(entries().len() >= 44, "{} entries", entries().len());
    let used: HashSet<&str> = entries().iter().map(|e| e.publisher_id).collect();
    assert!(used.len() >= 14, "{} publishers", used.len());
}

#[test]
fn every_publisher_is_known_unique_and_used() {
    let ids: HashSet<&str> = publishers().iter().map(|p| p.id).collect();
    assert_eq!(ids.len(), publishers().len(), "duplicate publisher id");
    for e in entries() {
        assert!(publisher(e.publisher_id).is_some(), "{}", e.file);
    }
    for p in publishers() {
        assert!(
            entries().iter().any(|e| e.publisher_id == p.id),
            "publisher {} has no entry",
            p.id
        );
    }
}

/// The publisher facet groups entries by organisation: one publisher, one URI, one name.
#[test]
fn organisation_matches_the_publisher_when_given() {
    for (e, v) in validated() {
        let Some(org) = &model(&v).organisation else {
            continue;
        };
        let expected = publisher(e.publisher_id).expect("known publisher");
        assert_eq!(Some(org.uri.as_str()), expected.uri, "{}", e.file);
        assert_eq!(org.name.as_deref(), Some(expected.name), "{}", e.file);
    }
}

#[test]
fn ages_are_spread_between_one_and_nine_hundred_days() {
    let ages: Vec<u32> = entries().iter().map(|e| e.age_days).collect();
    assert!(ages.iter().all(|a| (1..=900).contains(a)), "{ages:?}");
    assert!(ages.iter().any(|&a| a <= 7), "some entry updated this week");
    assert!(
        ages.iter().any(|&a| a >= 600),
        "some entry untouched for long"
    );
    let distinct: HashSet<u32> = ages.iter().copied().collect();
    assert_eq!(
        distinct.len(),
        ages.len(),
        "ties make the update order arbitrary"
    );
}

#[test]
fn at_least_four_entries_have_warnings() {
    let with_warnings: Vec<&str> = validated()
        .into_iter()
        .filter(|(_, v)| v.is_valid() && v.warnings().next().is_some())
        .map(|(e, _)| e.file)
        .collect();
    assert!(with_warnings.len() >= 4, "{with_warnings:?}");
}

#[test]
fn repository_urls_are_distinct_and_on_example_hosts() {
    let mut seen = HashSet::new();
    for (e, v) in validated() {
        let url = &model(&v).url;
        assert!(seen.insert(url.clone()), "{}: {url} used twice", e.file);
        let host = url
            .strip_prefix("https://")
            .and_then(|rest| rest.split('/').next())
            .unwrap_or_else(|| panic!("{}: {url} is not https", e.file));
        assert!(host.ends_with(".example"), "{}: {url}", e.file);
    }
}

#[test]
fn names_are_distinct() {
    let mut seen = HashSet::new();
    for (e, v) in validated() {
        let name = model(&v).name.clone();
        assert!(
            seen.insert(name.clone()),
            "{}: name {name} used twice",
            e.file
        );
    }
}
