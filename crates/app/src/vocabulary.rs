//! The labels of the publiccode.yml standard's vocabularies (categories, scopes, platforms,
//! development status, software type, maintenance, language names) in the six UI languages:
//! the pages show them, and the search index stores them so that a reader's word for a
//! category finds it in any language.

use commons_publiccode::PublicCode;
use fluent_bundle::FluentResource;
use fluent_bundle::concurrent::FluentBundle;
use std::sync::LazyLock;

/// The label files, by language tag: `(tag, Fluent source)`, in the UN's order.
pub const VOCABULARY: [(&str, &str); 6] = [
    ("ar", include_str!("../locales/ar/vocabulary.ftl")),
    ("zh", include_str!("../locales/zh/vocabulary.ftl")),
    ("en", include_str!("../locales/en/vocabulary.ftl")),
    ("fr", include_str!("../locales/fr/vocabulary.ftl")),
    ("ru", include_str!("../locales/ru/vocabulary.ftl")),
    ("es", include_str!("../locales/es/vocabulary.ftl")),
];

/// The labels of language `tag` (`ar`, `zh`, `en`, `fr`, `ru`, `es`), for a UI's own bundle.
pub fn messages(tag: &str) -> Option<&'static str> {
    VOCABULARY.iter().find(|(t, _)| *t == tag).map(|(_, m)| *m)
}

/// The message id of a vocabulary value: `category-data-collection`,
/// `software-type-standalone-web` (the value lowercased, every other character than a-z and
/// 0-9 as `-`).
pub fn vocabulary_id(vocabulary: &str, value: &str) -> String {
    let slug: String = value
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    format!("{vocabulary}-{slug}")
}

/// One bundle per language, in [`VOCABULARY`]'s order, built once.
static BUNDLES: LazyLock<Vec<FluentBundle<FluentResource>>> = LazyLock::new(|| {
    VOCABULARY
        .iter()
        .map(|(tag, source)| {
            let id = tag.parse().unwrap_or_default();
            let mut bundle = FluentBundle::new_concurrent(vec![id]);
            bundle.set_use_isolating(false);
            // The files are ours and checked by the tests; a broken entry is skipped.
            let resource = FluentResource::try_new((*source).to_string())
                .unwrap_or_else(|(partial, _errors)| partial);
            let _ = bundle.add_resource(resource);
            bundle
        })
        .collect()
});

/// The label of `vocabulary`'s `value` in language `tag` only, without fallback.
pub fn label(tag: &str, vocabulary: &str, value: &str) -> Option<String> {
    let position = VOCABULARY.iter().position(|(t, _)| *t == tag)?;
    let bundle = &BUNDLES[position];
    let pattern = bundle
        .get_message(&vocabulary_id(vocabulary, value))?
        .value()?;
    let mut errors = Vec::new();
    Some(
        bundle
            .format_pattern(pattern, None, &mut errors)
            .into_owned(),
    )
}

/// An entry's vocabulary values (categories, platforms, scopes, development status, software
/// type) as the pages name them, in each of the six languages: `(language tag, label)`.
pub fn labels_of(p: &PublicCode) -> Vec<(String, String)> {
    let mut values: Vec<(&str, &str)> = Vec::new();
    values.extend(p.categories.iter().map(|c| ("category", c.as_str())));
    values.extend(p.platforms.iter().map(|x| ("platform", x.as_str())));
    values.extend(
        p.intended_audience
            .iter()
            .flat_map(|a| a.scope.iter())
            .map(|s| ("scope", s.as_str())),
    );
    values.push(("status", p.development_status.as_str()));
    values.push(("software-type", p.software_type.as_str()));
    let mut labels = Vec::new();
    for (tag, _) in VOCABULARY {
        for (vocabulary, value) in &values {
            if let Some(text) = label(tag, vocabulary, value) {
                labels.push((tag.to_string(), text));
            }
        }
    }
    labels
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_has_its_label_in_each_language_and_an_unknown_one_has_none() {
        assert_eq!(label("en", "status", "stable").as_deref(), Some("Stable"));
        assert_eq!(
            label("en", "software-type", "standalone/web").as_deref(),
            Some("Web application")
        );
        for (tag, _) in VOCABULARY {
            assert!(label(tag, "category", "data-collection").is_some(), "{tag}");
            assert_eq!(label(tag, "category", "no-such-value"), None, "{tag}");
        }
        assert_eq!(label("de", "status", "stable"), None);
    }

    #[test]
    fn the_index_gets_an_entrys_labels_in_the_six_languages() {
        let source = commons_demo::entries()[0].source;
        let p = commons_publiccode::validate(source.as_bytes(), &Default::default())
            .publiccode
            .expect("a demo entry is valid");
        let labels = labels_of(&p);
        for (tag, _) in VOCABULARY {
            let status = label(tag, "status", p.development_status.as_str()).unwrap();
            assert!(labels.contains(&(tag.to_string(), status)), "{tag}");
        }
        // Every value of the entry, in each language, and nothing else.
        let values = p.categories.len()
            + p.platforms.len()
            + p.intended_audience
                .iter()
                .map(|a| a.scope.len())
                .sum::<usize>()
            + 2;
        assert_eq!(labels.len(), values * 6, "{labels:?}");
    }
}
