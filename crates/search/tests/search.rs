//! Search behaviour on a small multilingual catalog.

use commons_publiccode::{Options, PublicCode, validate};
use commons_search::*;

struct Entry<'a> {
    id: &'a str,
    name: &'a str,
    org: &'a str,
    updated: i64,
    license: &'a str,
    status: &'a str,
    categories: &'a [&'a str],
    countries: &'a [&'a str],
    descriptions: &'a [(&'a str, &'a str, &'a str)],
}

fn model(e: &Entry<'_>) -> PublicCode {
    let mut text = format!(
        "publiccodeYmlVersion: \"0\"\nname: {name:?}\nurl: \"https://git.example.org/{id}\"\n\
         platforms: [web]\ndevelopmentStatus: {status}\nsoftwareType: standalone/web\n\
         legal:\n  license: {license}\nmaintenance:\n  type: none\n\
         localisation:\n  localisationReady: true\n  availableLanguages: [en]\n",
        name = e.name,
        id = e.id,
        status = e.status,
        license = e.license,
    );
    if !e.categories.is_empty() {
        text.push_str(&format!("categories: [{}]\n", e.categories.join(", ")));
    }
    if !e.countries.is_empty() {
        text.push_str(&format!(
            "intendedAudience:\n  countries: [{}]\n",
            e.countries.join(", ")
        ));
    }
    text.push_str("description:\n");
    for (lang, short, long) in e.descriptions {
        let long = format!(
            "{long} {}",
            "Padding text to reach the minimum length. ".repeat(4)
        );
        text.push_str(&format!(
            "  {lang}:\n    shortDescription: {short:?}\n    longDescription: {long:?}\n    features: [\"{short}\"]\n"
        ));
    }
    let v = validate(text.as_bytes(), &Options::default());
    v.publiccode
        .unwrap_or_else(|| panic!("fixture {} invalid: {:?}\n{text}", e.id, v.diagnostics))
}

fn catalog() -> SearchIndex {
    let entries = [
        Entry {
            id: "immunise",
            name: "Immunise",
            org: "who",
            updated: 300,
            license: "AGPL-3.0-or-later",
            status: "stable",
            categories: &["data-collection"],
            countries: &["KE", "SN"],
            descriptions: &[
                (
                    "en",
                    "Immunization registry for health workers",
                    "Tracks vaccinations of children in clinics.",
                ),
                (
                    "fr",
                    "Registre de vaccination pour les agents de santé",
                    "Suit les vaccinations des enfants dans les centres de santé.",
                ),
            ],
        },
        Entry {
            id: "protect",
            name: "Protect",
            org: "unicef",
            updated: 100,
            license: "MIT OR Apache-2.0",
            status: "beta",
            categories: &["document-management", "data-collection"],
            countries: &["JO"],
            descriptions: &[
                (
                    "en",
                    "Child protection case management",
                    "Helps social workers follow cases of children at risk.",
                ),
                (
                    "ar",
                    "إدارة حالات حماية الطفل",
                    "يساعد الأخصائيين الاجتماعيين على متابعة حالات الأطفال المعرضين للخطر.",
                ),
                (
                    "zh",
                    "儿童保护个案管理系统",
                    "帮助社会工作者跟进处于危险中的儿童的个案。",
                ),
            ],
        },
        Entry {
            id: "aduana",
            name: "Aduana Libre",
            org: "customs",
            updated: 200,
            license: "EUPL-1.2",
            status: "stable",
            categories: &["e-commerce"],
            countries: &[],
            descriptions: &[
                (
                    "es",
                    "Despacho de aduanas en línea",
                    "Gestiona declaraciones de importación y educación aduanera.",
                ),
                (
                    "ru",
                    "Таможенное оформление",
                    "Помогает вести дела детей и таможенные декларации.",
                ),
            ],
        },
    ];
    let index = SearchIndex::in_memory().unwrap();
    let docs: Vec<SearchDocument> = entries
        .iter()
        .map(|e| SearchDocument {
            id: e.id.into(),
            organisation_id: Some(e.org.into()),
            updated_at: e.updated,
            publiccode: model(e),
            scores: scores_of(e.id),
            card: format!("card of {}", e.id),
            labels: Vec::new(),
        })
        .collect();
    index.upsert(&docs, Some(7)).unwrap();
    index
}

fn ids(index: &SearchIndex, text: &str) -> Vec<String> {
    let results = index
        .search(&SearchQuery {
            text: Some(text.into()),
            limit: 10,
            ..SearchQuery::default()
        })
        .unwrap();
    results.hits.into_iter().map(|h| h.id).collect()
}

#[test]
fn stemming_per_language() {
    let index = catalog();
    assert_eq!(
        ids(&index, "vaccination"),
        ["immunise"],
        "English plural indexed"
    );
    assert_eq!(ids(&index, "enfant"), ["immunise"], "French enfants");
    assert_eq!(
        ids(&index, "declaracion"),
        ["aduana"],
        "Spanish, accents folded"
    );
    assert_eq!(ids(&index, "дети"), ["aduana"], "Russian детей");
    assert_eq!(ids(&index, "الطفل"), ["protect"], "Arabic");
}

#[test]
fn chinese_bigrams() {
    let index = catalog();
    assert_eq!(ids(&index, "儿童保护"), ["protect"]);
    assert_eq!(ids(&index, "个案"), ["protect"]);
    assert!(ids(&index, "海关").is_empty());
}

#[test]
fn typos_and_unfinished_words_are_tolerated() {
    let index = catalog();
    assert_eq!(ids(&index, "imunization"), ["immunise"]);
    assert_eq!(ids(&index, "protecton"), ["protect"]);
    assert_eq!(
        ids(&index, "immun"),
        ["immunise"],
        "prefix of the last word"
    );
}

#[test]
fn several_words_must_all_match() {
    let index = catalog();
    assert_eq!(ids(&index, "child protection"), ["protect"]);
    assert!(ids(&index, "child customs").is_empty());
}

#[test]
fn snippets_highlight_the_match() {
    let index = catalog();
    let results = index
        .search(&SearchQuery {
            text: Some("vaccinations".into()),
            lang: Some("fr".into()),
            limit: 5,
            ..SearchQuery::default()
        })
        .unwrap();
    let snippet = &results.hits[0].snippet;
    assert!(
        snippet
            .iter()
            .any(|f| f.highlighted && f.text.to_lowercase().starts_with("vaccination")),
        "{snippet:?}"
    );
}

#[test]
fn facets_count_and_filter() {
    let index = catalog();
    let all = index
        .search(&SearchQuery {
            limit: 10,
            ..SearchQuery::default()
        })
        .unwrap();
    assert_eq!(all.total, 3);
    let cats = &all.facets[&Facet::Category];
    assert_eq!(cats[0], ("data-collection".to_string(), 2));
    let licenses = &all.facets[&Facet::License];
    assert!(licenses.contains(&("MIT".to_string(), 1)));
    assert!(licenses.contains(&("MIT OR Apache-2.0".to_string(), 1)));
    assert!(all.facets[&Facet::SoftwareType].contains(&("standalone/web".to_string(), 3)));
    assert!(all.facets[&Facet::Language].contains(&("zh".to_string(), 1)));
    assert!(all.facets[&Facet::Country].contains(&("KE".to_string(), 1)));
    assert_eq!(all.facets[&Facet::Organisation].len(), 3);

    let mut filters = Filters::default();
    filters.add(Facet::Category, "data-collection");
    let filtered = index
        .search(&SearchQuery {
            filters: filters.clone(),
            limit: 10,
            ..SearchQuery::default()
        })
        .unwrap();
    assert_eq!(filtered.total, 2);
    filters.add(Facet::DevelopmentStatus, "beta");
    let both = index
        .search(&SearchQuery {
            filters: filters.clone(),
            limit: 10,
            ..SearchQuery::default()
        })
        .unwrap();
    assert_eq!(
        both.hits.iter().map(|h| h.id.as_str()).collect::<Vec<_>>(),
        ["protect"]
    );
    // Several values of one facet are alternatives.
    let mut either = Filters::default();
    either
        .add(Facet::Organisation, "who")
        .add(Facet::Organisation, "customs");
    let r = index
        .search(&SearchQuery {
            filters: either,
            limit: 10,
            ..SearchQuery::default()
        })
        .unwrap();
    assert_eq!(r.total, 2);
    let mut slash = Filters::default();
    slash.add(Facet::SoftwareType, "standalone/web");
    assert_eq!(
        index
            .search(&SearchQuery {
                filters: slash,
                limit: 10,
                ..SearchQuery::default()
            })
            .unwrap()
            .total,
        3
    );
}

#[test]
fn sorting_and_pages() {
    let index = catalog();
    let page = |sort, offset| {
        index
            .search(&SearchQuery {
                sort,
                offset,
                limit: 2,
                ..SearchQuery::default()
            })
            .unwrap()
            .hits
            .into_iter()
            .map(|h| h.id)
            .collect::<Vec<_>>()
    };
    assert_eq!(page(Sort::Name, 0), ["aduana", "immunise"]);
    assert_eq!(page(Sort::Name, 2), ["protect"]);
    assert_eq!(page(Sort::Updated, 0), ["immunise", "aduana"]);
    assert!(
        index
            .search(&SearchQuery {
                limit: 101,
                ..SearchQuery::default()
            })
            .is_err()
    );
}

#[test]
fn each_hit_carries_the_card_stored_with_its_entry() {
    let index = catalog();
    let hits = index
        .search(&SearchQuery {
            limit: 10,
            ..SearchQuery::default()
        })
        .unwrap()
        .hits;
    assert_eq!(hits.len(), 3);
    for hit in hits {
        assert_eq!(hit.card, Some(format!("card of {}", hit.id)));
    }
}

#[test]
fn the_change_number_is_kept_with_the_index() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("index");
    {
        let (index, state) = SearchIndex::open_or_create(&path).unwrap();
        assert_eq!(state, OpenState::Created);
        assert_eq!(index.indexed_seq().unwrap(), 0);
        index.rebuild(Vec::new(), 42).unwrap();
    }
    let (index, state) = SearchIndex::open_or_create(&path).unwrap();
    assert_eq!(state, OpenState::Opened);
    assert_eq!(index.indexed_seq().unwrap(), 42);
}

#[test]
fn a_corrupt_index_is_recreated() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("index");
    {
        let (index, _) = SearchIndex::open_or_create(&path).unwrap();
        index.rebuild(Vec::new(), 3).unwrap();
    }
    std::fs::write(path.join("meta.json"), b"{ this is not an index").unwrap();
    let (index, state) = SearchIndex::open_or_create(&path).unwrap();
    assert_eq!(state, OpenState::RecreatedAfterCorruption);
    assert_eq!(index.doc_count(), 0);
}

#[test]
fn an_index_of_another_schema_is_recreated_for_this_one() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("index");
    std::fs::create_dir_all(&path).unwrap();
    {
        // What an older version of Commons left: a valid index with another schema.
        let mut builder = tantivy::schema::Schema::builder();
        builder.add_text_field("id", tantivy::schema::STRING | tantivy::schema::STORED);
        tantivy::Index::create_in_dir(&path, builder.build()).unwrap();
    }
    {
        let (index, state) = SearchIndex::open_or_create(&path).unwrap();
        assert_eq!(state, OpenState::RecreatedForNewSchema);
        assert_eq!(index.doc_count(), 0);
    }
    let (_, state) = SearchIndex::open_or_create(&path).unwrap();
    assert_eq!(state, OpenState::Opened, "the new index is kept");
}

#[test]
fn hostile_queries_never_fail() {
    let index = catalog();
    let long = "a".repeat(10_000);
    for text in [
        "",
        " ",
        "***",
        "\"",
        "name:foo",
        "(((",
        "[1 TO 2]",
        "\u{202e}\u{200f}",
        &long,
        "-",
        "~2",
        "a AND OR NOT b",
        "\0",
        "🚀🚀",
        "' OR 1=1 --",
    ] {
        let r = index.search(&SearchQuery {
            text: Some(text.to_string()),
            limit: 10,
            ..SearchQuery::default()
        });
        assert!(r.is_ok(), "{text:?}: {r:?}");
    }
}

/// Assessment scores for two of the entries; the others were never assessed.
fn scores_of(id: &str) -> Option<Facets> {
    let (family, vitality, security, vulnerabilities) = match id {
        "immunise" => ("network-copyleft", 82, 7.4, 0),
        "protect" => ("permissive", 31, 9.2, 3),
        _ => return None,
    };
    Some(Facets {
        license_family: family.into(),
        osi_approved: true,
        vitality: Some(vitality),
        security_score: Some(security),
        vulnerabilities: Some(vulnerabilities),
        last_commit_at: None,
    })
}

#[test]
fn assessment_facets_filter_and_sort() {
    let index = catalog();
    let all = index
        .search(&SearchQuery {
            limit: 100,
            ..Default::default()
        })
        .unwrap();
    let families = &all.facets[&Facet::LicenseFamily];
    assert!(
        families.contains(&("network-copyleft".to_string(), 1)),
        "{families:?}"
    );
    assert!(all.facets[&Facet::Vitality].contains(&("75-100".to_string(), 1)));
    assert!(all.facets[&Facet::SecurityScore].contains(&("9-10".to_string(), 1)));
    assert!(all.facets[&Facet::Vulnerabilities].contains(&("yes".to_string(), 1)));

    let by_vitality = index
        .search(&SearchQuery {
            sort: Sort::Vitality,
            limit: 100,
            ..Default::default()
        })
        .unwrap();
    let ids: Vec<&str> = by_vitality.hits.iter().map(|h| h.id.as_str()).collect();
    assert_eq!(
        &ids[..2],
        ["immunise", "protect"],
        "assessed first, highest first"
    );
    let by_security = index
        .search(&SearchQuery {
            sort: Sort::Security,
            limit: 100,
            ..Default::default()
        })
        .unwrap();
    assert_eq!(by_security.hits[0].id, "protect");

    let mut filters = Filters::default();
    filters.add(Facet::Vulnerabilities, "no");
    let clean = index
        .search(&SearchQuery {
            filters,
            limit: 100,
            ..Default::default()
        })
        .unwrap();
    assert_eq!(clean.total, 1);
    assert_eq!(clean.hits[0].id, "immunise");
}

#[test]
fn a_filtered_facet_counts_its_other_values_as_alternatives() {
    let index = catalog();
    let all = index
        .search(&SearchQuery {
            limit: 100,
            ..Default::default()
        })
        .unwrap();
    let statuses = all.facets[&Facet::DevelopmentStatus].clone();
    assert!(statuses.len() >= 2, "{statuses:?}");
    let (picked, picked_count) = statuses[0].clone();
    let mut filters = Filters::default();
    filters.add(Facet::DevelopmentStatus, picked.clone());
    let filtered = index
        .search(&SearchQuery {
            filters,
            limit: 100,
            ..Default::default()
        })
        .unwrap();
    assert_eq!(filtered.total, picked_count);
    assert_eq!(
        filtered.facets[&Facet::DevelopmentStatus],
        statuses,
        "the filtered facet still shows every value with its count"
    );
    let organisations: u64 = filtered.facets[&Facet::Organisation]
        .iter()
        .map(|(_, n)| n)
        .sum();
    assert_eq!(
        organisations, picked_count,
        "other facets count within the filtered results"
    );
}

#[test]
fn counts_of_the_whole_catalog_follow_every_commit() {
    let index = catalog();
    let browse = || {
        index
            .search(&SearchQuery {
                limit: 5,
                ..Default::default()
            })
            .unwrap()
    };
    let before = browse();
    assert_eq!(browse(), before, "asking twice answers the same");
    let doc = SearchDocument {
        id: "fresh".into(),
        organisation_id: Some("newcomer".into()),
        updated_at: 1,
        publiccode: model(&Entry {
            id: "fresh",
            name: "Fresh",
            org: "newcomer",
            updated: 1,
            license: "MIT",
            status: "beta",
            categories: &[],
            countries: &[],
            descriptions: &[("en", "A fresh entry", "Fresh text.")],
        }),
        scores: None,
        card: String::new(),
        labels: Vec::new(),
    };
    index.upsert(std::slice::from_ref(&doc), Some(8)).unwrap();
    let after = browse();
    assert_eq!(
        after.total,
        before.total + 1,
        "the cached counts were refreshed"
    );
    assert!(after.facets[&Facet::Organisation].contains(&("newcomer".to_string(), 1)));
    index
        .delete(std::slice::from_ref(&doc.id), Some(9))
        .unwrap();
    assert_eq!(browse().total, before.total);
}

#[test]
fn dependents_are_entries_based_on_the_url_or_depending_on_the_name() {
    let index = SearchIndex::in_memory().unwrap();
    let entry = |id: &str, extra: &str| {
        let text = format!(
            "publiccodeYmlVersion: \"0\"\nname: {id}\nurl: \"https://git.example.org/{id}\"\n\
             platforms: [web]\ndevelopmentStatus: stable\nsoftwareType: standalone/web\n\
             legal:\n  license: MIT\nmaintenance:\n  type: none\n\
             localisation:\n  localisationReady: true\n  availableLanguages: [en]\n\
             description:\n  en:\n    shortDescription: \"{id}\"\n    longDescription: \"{long}\"\n    features: [\"{id}\"]\n{extra}",
            long = "Padding text to reach the minimum length. ".repeat(4),
        );
        let v = validate(text.as_bytes(), &Options::default());
        SearchDocument {
            id: id.into(),
            organisation_id: None,
            updated_at: 1,
            publiccode: v
                .publiccode
                .unwrap_or_else(|| panic!("{id}: {:?}", v.diagnostics)),
            scores: None,
            card: String::new(),
            labels: Vec::new(),
        }
    };
    let docs = [
        // Itself: its own isBasedOn does not count.
        entry(
            "origin",
            "isBasedOn: [\"https://git.example.org/origin\"]\n",
        ),
        // The same repository written otherwise: scheme, case, default port, dot segments,
        // an escape, .git, trailing slash.
        entry(
            "fork",
            "isBasedOn: [\"http://GIT.example.org:80/x/../%6Frigin.git/\"]\n",
        ),
        entry(
            "user",
            "dependsOn:\n  open:\n    - name: \" ORIGIN \"\n      versionMin: \"1.0\"\n",
        ),
        entry(
            "stranger",
            "isBasedOn: [\"https://git.example.org/originals\"]\ndependsOn:\n  proprietary:\n    - name: Origin Pro\n",
        ),
    ];
    index.upsert(&docs, Some(1)).unwrap();
    assert_eq!(
        index
            .dependents("origin", &["https://git.example.org/origin"], "origin")
            .unwrap(),
        2
    );
    assert_eq!(
        index
            .dependents(
                "stranger",
                &[
                    "https://elsewhere.example/s",
                    "https://git.example.org/originals"
                ],
                "stranger"
            )
            .unwrap(),
        0
    );
    index.delete(&["fork".to_string()], Some(2)).unwrap();
    assert_eq!(
        index
            .dependents("origin", &["https://git.example.org/origin"], "origin")
            .unwrap(),
        1
    );
}

#[test]
fn medians_are_of_the_assessed_entries_and_follow_the_index() {
    let index = catalog();
    // immunise 7.4 and 82, protect 9.2 and 31; aduana is not assessed and does not count.
    let medians = index.score_medians().unwrap();
    assert_eq!(medians.security_count, 2);
    assert!(
        (medians.security.unwrap() - 8.3).abs() < 1e-9,
        "{medians:?}"
    );
    assert_eq!(medians.vitality, Some(56.5));
    assert_eq!(medians.vitality_count, 2);

    // A third assessed entry: the median is the middle value, read again after the commit.
    let mut aduana = SearchDocument {
        id: "aduana".into(),
        organisation_id: Some("customs".into()),
        updated_at: 200,
        publiccode: model(&Entry {
            id: "aduana",
            name: "Aduana Libre",
            org: "customs",
            updated: 200,
            license: "EUPL-1.2",
            status: "stable",
            categories: &["e-commerce"],
            countries: &[],
            descriptions: &[("es", "Despacho de aduanas", "Declaraciones.")],
        }),
        scores: scores_of("protect"),
        card: String::new(),
        labels: Vec::new(),
    };
    if let Some(scores) = aduana.scores.as_mut() {
        scores.security_score = Some(1.0);
        scores.vitality = None;
    }
    index.upsert(&[aduana], Some(8)).unwrap();
    let medians = index.score_medians().unwrap();
    assert_eq!(medians.security_count, 3);
    assert!(
        (medians.security.unwrap() - 7.4).abs() < 1e-9,
        "{medians:?}"
    );
    assert_eq!(medians.vitality, Some(56.5), "an entry without vitality");

    index
        .delete(&["immunise".to_string(), "protect".to_string()], Some(9))
        .unwrap();
    let medians = index.score_medians().unwrap();
    assert_eq!((medians.security, medians.security_count), (Some(1.0), 1));
    assert_eq!((medians.vitality, medians.vitality_count), (None, 0));
}

#[test]
fn a_snippet_cut_from_a_longer_text_says_so_with_an_ellipsis() {
    let index = catalog();
    let before = "Registers the stock of rural clinics and their deliveries. ".repeat(6);
    let after = "Works offline and synchronises when a network is back. ".repeat(6);
    let long = format!("{before}It reconciles zanzibarite shipments with orders. {after}");
    let doc = SearchDocument {
        id: "stock".into(),
        organisation_id: Some("who".into()),
        updated_at: 400,
        publiccode: model(&Entry {
            id: "stock",
            name: "Stock",
            org: "who",
            updated: 400,
            license: "MIT",
            status: "stable",
            categories: &[],
            countries: &[],
            descriptions: &[("en", "Clinic stock", &long)],
        }),
        scores: None,
        card: String::new(),
        labels: Vec::new(),
    };
    index.upsert(&[doc], Some(8)).unwrap();
    let snippet = |text: &str, lang: &str| {
        let results = index
            .search(&SearchQuery {
                text: Some(text.into()),
                lang: Some(lang.into()),
                limit: 5,
                ..SearchQuery::default()
            })
            .unwrap();
        results.hits[0].snippet.clone()
    };
    // Cut on both sides: an ellipsis at each end, the match inside.
    let middle = snippet("zanzibarite", "en");
    assert_eq!(
        middle.first().map(|f| f.text.as_str()),
        Some("\u{2026}"),
        "{middle:?}"
    );
    assert_eq!(middle.last().map(|f| f.text.as_str()), Some("\u{2026}"));
    assert!(
        middle
            .iter()
            .any(|f| f.highlighted && f.text == "zanzibarite")
    );
    // From the start of the text: no ellipsis before, one after (the text goes on).
    let start = snippet("vaccinations", "fr");
    assert_ne!(
        start.first().map(|f| f.text.as_str()),
        Some("\u{2026}"),
        "{start:?}"
    );
    assert_eq!(start.last().map(|f| f.text.as_str()), Some("\u{2026}"));
}

/// A unit vector of four values along `axis`, leaning towards the next axis by `lean`.
fn toward(axis: usize, lean: f32) -> Vec<f32> {
    let mut v = [0.0f32; 4];
    v[axis] = 1.0;
    v[(axis + 1) % 4] = lean;
    let norm = (1.0 + lean * lean).sqrt();
    v.iter().map(|x| x / norm).collect()
}

/// The fixture catalog with meaning vectors: immunisation on axis 0 (leaning a little towards
/// child protection), child protection on axis 1, customs on axis 2.
fn catalog_with_meanings() -> SearchIndex {
    let index = catalog();
    let store = std::sync::Arc::new(VectorStore::in_memory("test", 4));
    let put = |id: &str, lang: &str, vector: Vec<f32>| VectorInput {
        id: id.into(),
        lang: lang.into(),
        hash: text_hash(id),
        vector,
    };
    store
        .apply(
            &[
                put("immunise", "en", toward(0, 0.9)),
                put("immunise", "fr", toward(0, 0.0)),
                put("protect", "en", toward(1, 0.0)),
                put("protect", "zh", toward(1, 0.1)),
                put("aduana", "es", toward(2, 0.0)),
            ],
            &[],
        )
        .unwrap();
    index.attach_vectors(store).unwrap();
    index
}

fn meaning_search(text: &str, meaning: Vec<f32>) -> SearchQuery {
    SearchQuery {
        text: Some(text.into()),
        meaning: Some(meaning.into()),
        limit: 10,
        ..SearchQuery::default()
    }
}

#[test]
fn each_entry_is_embedded_once_per_language_it_is_described_in_name_first() {
    let index = catalog();
    let mut sources: Vec<(String, String)> = index
        .embedding_sources()
        .unwrap()
        .into_iter()
        .map(|s| {
            assert!(s.text.len() <= EMBEDDED_TEXT_BYTES);
            (format!("{}/{}", s.id, s.lang), s.text)
        })
        .collect();
    sources.sort();
    let keys: Vec<&str> = sources.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(
        keys,
        [
            "aduana/es",
            "aduana/ru",
            "immunise/en",
            "immunise/fr",
            "protect/ar",
            "protect/en",
            "protect/zh"
        ]
    );
    let zh = &sources[6].1;
    assert!(
        zh.starts_with("Protect. 儿童保护个案管理系统\n帮助社会工作者"),
        "{zh}"
    );
}

#[test]
fn an_entry_close_in_meaning_is_found_when_no_word_matches_and_says_why() {
    let index = catalog_with_meanings();
    assert!(ids(&index, "safeguarding minors").is_empty());
    let results = index
        .search(&meaning_search("safeguarding minors", toward(1, 0.1)))
        .unwrap();
    let found: Vec<_> = results.hits.iter().map(|h| h.id.as_str()).collect();
    // Protect is nearest; Immunise leans towards it enough to pass the threshold; customs
    // does not.
    assert_eq!(found, ["protect", "immunise"]);
    assert_eq!(results.total, 2);
    let why = results.hits[0].meaning.as_ref().expect("found by meaning");
    assert_eq!(why.lang, "zh");
    assert!(why.similarity > 0.95, "{why:?}");
    assert!(results.facets[&Facet::Organisation].contains(&("unicef".to_string(), 1)));
    assert!(
        !results.facets[&Facet::Organisation]
            .iter()
            .any(|(o, _)| o == "customs")
    );
}

#[test]
fn word_matches_and_meaning_matches_are_ranked_together_and_an_exact_name_comes_first() {
    let index = catalog_with_meanings();
    // "aduana" matches Aduana Libre by its words; the meaning is nearest Protect (0.78) and
    // then Aduana Libre (0.62). The entry both rankings hold comes first.
    let results = index
        .search(&meaning_search("aduana", toward(1, 0.8)))
        .unwrap();
    let found: Vec<_> = results.hits.iter().map(|h| h.id.as_str()).collect();
    assert_eq!(found[..2], ["aduana", "protect"]);
    // Where the rankings disagree, the meaning's first beats the words' first (a single shared
    // word is weaker evidence than the nearest meaning).
    let results = index
        .search(&meaning_search("aduana", toward(1, 0.0)))
        .unwrap();
    let found: Vec<_> = results.hits.iter().map(|h| h.id.as_str()).collect();
    assert_eq!(found, ["protect", "immunise", "aduana"]);
    assert!(results.hits[0].meaning.is_some());
    assert!(
        results.hits[2].meaning.is_none(),
        "a word match needs no explanation"
    );
    // The exact name wins over an entry that both lists rank well.
    let results = index
        .search(&meaning_search("Protect", toward(0, 0.0)))
        .unwrap();
    assert_eq!(results.hits[0].id, "protect");
    assert!(results.hits.iter().any(|h| h.id == "immunise"));
}

#[test]
fn filters_sorts_and_pages_hold_for_meaning_matches() {
    let index = catalog_with_meanings();
    let mut q = meaning_search("safeguarding minors", toward(1, 0.05));
    q.filters.add(Facet::Organisation, "who");
    let results = index.search(&q).unwrap();
    assert_eq!(
        results
            .hits
            .iter()
            .map(|h| h.id.as_str())
            .collect::<Vec<_>>(),
        ["immunise"]
    );
    assert_eq!(results.total, 1);
    // The filtered facet still counts what its other values would add.
    assert!(results.facets[&Facet::Organisation].contains(&("unicef".to_string(), 1)));

    let mut q = meaning_search("safeguarding minors", toward(1, 0.05));
    q.sort = Sort::Name;
    let by_name: Vec<_> = index
        .search(&q)
        .unwrap()
        .hits
        .into_iter()
        .map(|h| h.id)
        .collect();
    assert_eq!(by_name, ["immunise", "protect"]);

    let mut q = meaning_search("safeguarding minors", toward(1, 0.05));
    q.limit = 1;
    q.offset = 1;
    let second = index.search(&q).unwrap();
    assert_eq!(second.total, 2);
    assert_eq!(second.hits.len(), 1);
    assert_eq!(second.hits[0].id, "immunise");
}

#[test]
fn similar_entries_are_the_closest_others_with_their_cards() {
    let index = catalog_with_meanings();
    let similar = index.similar("protect", 5, 0.3).unwrap();
    assert_eq!(similar.len(), 1, "{similar:?}");
    assert_eq!(similar[0].id, "immunise");
    assert_eq!(similar[0].lang, "en");
    assert_eq!(similar[0].card.as_deref(), Some("card of immunise"));
    assert!(index.similar("aduana", 5, 0.3).unwrap().is_empty());
    assert!(index.similar("no-such-entry", 5, 0.3).unwrap().is_empty());
    assert!(
        catalog().similar("protect", 5, 0.3).unwrap().is_empty(),
        "no vectors attached"
    );
}

#[test]
fn vocabulary_labels_in_any_language_find_their_entries() {
    let index = SearchIndex::in_memory().unwrap();
    let entry = Entry {
        id: "clinic",
        name: "Clinic Days",
        org: "who",
        updated: 1,
        license: "MIT",
        status: "stable",
        categories: &[],
        countries: &[],
        descriptions: &[("en", "Appointments for outpatients", "Books visits.")],
    };
    let labels = [
        ("en", "Health care"),
        ("fr", "Santé"),
        ("zh", "卫生保健"),
        ("ru", "Здравоохранение"),
    ];
    index
        .upsert(
            &[SearchDocument {
                id: "clinic".into(),
                organisation_id: Some("who".into()),
                updated_at: 1,
                publiccode: model(&entry),
                scores: None,
                card: String::new(),
                labels: labels
                    .iter()
                    .map(|(tag, label)| (tag.to_string(), label.to_string()))
                    .collect(),
            }],
            Some(1),
        )
        .unwrap();
    for query in ["santé", "Sante", "卫生", "здравоохранения", "health care"] {
        assert_eq!(ids(&index, query), ["clinic"], "{query}");
    }
    assert!(ids(&index, "education").is_empty());
}
