//! The demo shows what the product can do: languages, variety, links, the security fixture.

use crate::catalog::{model, validated};
use std::collections::{BTreeMap, HashSet};

/// Scripts that a description in the language must mostly be written in, as char ranges.
fn in_script(lang: &str, c: char) -> bool {
    match lang {
        "ar" => ('\u{0600}'..='\u{06FF}').contains(&c),
        "zh" => ('\u{4E00}'..='\u{9FFF}').contains(&c),
        "ru" => ('\u{0400}'..='\u{04FF}').contains(&c),
        _ => c.is_ascii_alphabetic() || ('\u{00C0}'..='\u{024F}').contains(&c),
    }
}

const UN_LANGUAGES: [&str; 6] = ["ar", "zh", "ru", "fr", "es", "en"];

#[test]
fn each_un_language_has_at_least_eight_full_descriptions() {
    let mut count: BTreeMap<&str, usize> = BTreeMap::new();
    for (e, v) in validated() {
        for (lang, d) in &model(&v).description {
            let Some(&lang) = UN_LANGUAGES.iter().find(|l| **l == lang.as_str()) else {
                continue;
            };
            // A description "in" the language is written in its script, not a placeholder.
            let letters: Vec<char> = d
                .long_description
                .chars()
                .filter(|c| c.is_alphabetic())
                .collect();
            let own = letters.iter().filter(|&&c| in_script(lang, c)).count();
            assert!(
                own * 10 >= letters.len() * 8,
                "{}: description.{lang} is not mostly in its script",
                e.file
            );
            *count.entry(lang).or_default() += 1;
        }
    }
    for lang in ["ar", "zh", "ru", "fr", "es"] {
        assert!(
            count.get(lang).copied().unwrap_or(0) >= 8,
            "{lang}: {count:?}"
        );
    }
}

#[test]
fn every_entry_has_two_languages_and_some_have_no_english() {
    let mut without_english = 0;
    for (e, v) in validated() {
        let description = &model(&v).description;
        assert!(description.len() >= 2, "{}", e.file);
        if !description
            .keys()
            .any(|l| l == "en" || l.starts_with("en-"))
        {
            without_english += 1;
        }
    }
    assert!(
        without_english >= 4,
        "{without_english} entries without English"
    );
}

#[test]
fn some_localised_names_are_in_non_latin_scripts() {
    let non_latin = validated()
        .iter()
        .flat_map(|(_, v)| model(v).description.values().cloned().collect::<Vec<_>>())
        .filter_map(|d| d.localised_name)
        .filter(|n| n.chars().any(|c| c as u32 >= 0x0370))
        .count();
    assert!(non_latin >= 10, "{non_latin}");
}

#[test]
fn the_catalog_is_varied() {
    let mut licenses = HashSet::new();
    let mut categories = HashSet::new();
    let mut statuses = HashSet::new();
    let mut types = HashSet::new();
    let mut maintenance = HashSet::new();
    for (_, v) in validated() {
        let m = model(&v);
        licenses.insert(m.legal.license.clone());
        categories.extend(m.categories.iter().cloned());
        statuses.insert(format!("{:?}", m.development_status));
        types.insert(format!("{:?}", m.software_type));
        maintenance.insert(format!("{:?}", m.maintenance.kind));
    }
    assert!(licenses.len() >= 10, "{licenses:?}");
    assert!(licenses.iter().any(|l| l.contains(" OR ")), "{licenses:?}");
    assert!(licenses.iter().any(|l| l.contains(" AND ")), "{licenses:?}");
    assert!(categories.len() >= 30, "{categories:?}");
    assert_eq!(statuses.len(), 5, "{statuses:?}");
    assert!(types.len() >= 5, "{types:?}");
    assert_eq!(maintenance.len(), 4, "{maintenance:?}");
}

#[test]
fn some_entries_point_at_other_demo_entries() {
    let all: Vec<_> = validated();
    let urls: HashSet<String> = all.iter().map(|(_, v)| model(v).url.clone()).collect();
    let names: HashSet<String> = all.iter().map(|(_, v)| model(v).name.clone()).collect();
    let based_on = all
        .iter()
        .flat_map(|(_, v)| model(v).is_based_on.clone())
        .filter(|u| urls.contains(u))
        .count();
    let depends_on = all
        .iter()
        .filter_map(|(_, v)| model(v).depends_on.clone())
        .flat_map(|d| d.open)
        .filter(|d| names.contains(&d.name))
        .count();
    assert!(based_on >= 2, "{based_on} isBasedOn links to demo entries");
    assert!(
        depends_on >= 2,
        "{depends_on} dependsOn links to demo entries"
    );
}

#[test]
fn the_security_fixture_carries_its_payloads_in_several_fields() {
    let fixture = commons_demo::security_fixture();
    assert!(commons_demo::publisher(fixture.publisher_id).is_some());
    let v = commons_publiccode::validate(fixture.source.as_bytes(), &Default::default());
    assert!(v.is_valid());
    let m = model(&v);
    let en = &m.description["en"];
    let mut fields = vec![
        m.name.clone(),
        en.short_description.clone(),
        en.long_description.clone(),
    ];
    fields.extend(en.features.iter().cloned());
    for payload in ["<script>", "onerror=", "<svg onload=", "javascript:"] {
        let holding = fields.iter().filter(|f| f.contains(payload)).count();
        assert!(holding >= 1, "no field holds {payload}");
    }
    let with_markup = fields.iter().filter(|f| f.contains('<')).count();
    assert!(with_markup >= 4, "{with_markup} fields hold markup");
}

#[test]
fn only_the_security_fixture_holds_markup() {
    for e in commons_demo::entries() {
        assert_ne!(
            e.source,
            commons_demo::security_fixture().source,
            "the fixture is no demo entry"
        );
        for needle in [
            "<script",
            "onerror",
            "onload",
            "javascript:",
            "<img",
            "<svg",
        ] {
            assert!(!e.source.contains(needle), "{} holds {needle}", e.file);
        }
    }
}
