//! The six UI languages: Fluent message catalogs embedded at compile time, negotiation from
//! `?lang=` and `Accept-Language`, and translated labels for the standard's vocabularies.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use fluent_langneg::{NegotiationStrategy, negotiate_languages, parse_accepted_languages};
use std::sync::LazyLock;
use unic_langid::LanguageIdentifier;

/// A UI language. The order is the UN's (alphabetical in English), used by the switcher.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Locale {
    /// Arabic (written right to left).
    Ar,
    /// Chinese (simplified).
    Zh,
    /// English (the fallback for every message).
    En,
    /// French.
    Fr,
    /// Russian.
    Ru,
    /// Spanish.
    Es,
}

impl Locale {
    /// Every UI language.
    pub const ALL: [Locale; 6] = [
        Locale::Ar,
        Locale::Zh,
        Locale::En,
        Locale::Fr,
        Locale::Ru,
        Locale::Es,
    ];

    /// The BCP 47 tag, as used in `lang=` attributes and `?lang=`.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::Ar => "ar",
            Locale::Zh => "zh",
            Locale::En => "en",
            Locale::Fr => "fr",
            Locale::Ru => "ru",
            Locale::Es => "es",
        }
    }

    /// The language's own name, for the switcher (never translated: a reader looks for theirs).
    pub fn native_name(self) -> &'static str {
        match self {
            Locale::Ar => "العربية",
            Locale::Zh => "中文",
            Locale::En => "English",
            Locale::Fr => "Français",
            Locale::Ru => "Русский",
            Locale::Es => "Español",
        }
    }

    /// Writing direction for `dir=`.
    pub fn dir(self) -> &'static str {
        if self == Locale::Ar { "rtl" } else { "ltr" }
    }

    /// The UI language for a tag such as `fr`, `fr-CA`, `zh-Hans-CN` (by primary language).
    pub fn from_tag(tag: &str) -> Option<Locale> {
        let primary = tag.split(['-', '_']).next()?.to_ascii_lowercase();
        Locale::ALL.into_iter().find(|l| l.tag() == primary)
    }

    /// Whether a content language tag (`fr-CA`) is written in this UI language.
    pub fn matches(self, content_tag: &str) -> bool {
        Locale::from_tag(content_tag) == Some(self)
    }

    /// The catalog's files: the UI's messages, the standard's vocabularies, the license guide,
    /// and the sentences of the assessment method and of the validator (the vocabularies are
    /// kept by `commons-app`, which also indexes their labels; the sentences by the crates that
    /// write them, `commons-assess` and `commons-publiccode`).
    fn sources(self) -> [&'static str; 5] {
        let [main, licenses] = self.ui_sources();
        let vocabulary = commons_app::vocabulary::messages(self.tag()).unwrap_or_default();
        let report = commons_assess::say::messages(self.tag()).unwrap_or_default();
        let validator = commons_publiccode::validator_messages(self.tag()).unwrap_or_default();
        [main, vocabulary, licenses, report, validator]
    }

    fn ui_sources(self) -> [&'static str; 2] {
        match self {
            Locale::Ar => [
                include_str!("../../locales/ar/main.ftl"),
                include_str!("../../locales/ar/licenses.ftl"),
            ],
            Locale::Zh => [
                include_str!("../../locales/zh/main.ftl"),
                include_str!("../../locales/zh/licenses.ftl"),
            ],
            Locale::En => [
                include_str!("../../locales/en/main.ftl"),
                include_str!("../../locales/en/licenses.ftl"),
            ],
            Locale::Fr => [
                include_str!("../../locales/fr/main.ftl"),
                include_str!("../../locales/fr/licenses.ftl"),
            ],
            Locale::Ru => [
                include_str!("../../locales/ru/main.ftl"),
                include_str!("../../locales/ru/licenses.ftl"),
            ],
            Locale::Es => [
                include_str!("../../locales/es/main.ftl"),
                include_str!("../../locales/es/licenses.ftl"),
            ],
        }
    }

    fn index(self) -> usize {
        Locale::ALL.iter().position(|l| *l == self).unwrap_or(2)
    }
}

/// Picks the UI language: a valid `?lang=` wins, then the best match of `Accept-Language`,
/// then English.
pub fn negotiate(query_lang: Option<&str>, accept_language: Option<&str>) -> Locale {
    if let Some(locale) = query_lang.and_then(Locale::from_tag) {
        return locale;
    }
    let Some(header) = accept_language else {
        return Locale::En;
    };
    // A header is read only when it is of a reasonable size: negotiation cost stays bounded.
    if header.len() > 1024 {
        return Locale::En;
    }
    let requested = parse_accepted_languages(header);
    let available: Vec<LanguageIdentifier> = Locale::ALL
        .iter()
        .filter_map(|l| l.tag().parse().ok())
        .collect();
    let default: LanguageIdentifier = unic_langid::langid!("en");
    let chosen = negotiate_languages(
        &requested,
        &available,
        Some(&default),
        NegotiationStrategy::Lookup,
    );
    chosen
        .first()
        .and_then(|id| Locale::from_tag(id.language.as_str()))
        .unwrap_or(Locale::En)
}

/// Country and language names in one UI language, from the Unicode CLDR (`locales/cldr/`,
/// made by scripts/cldr-names.sh).
#[derive(serde::Deserialize, Default)]
struct CldrNames {
    territories: std::collections::HashMap<String, String>,
    languages: std::collections::HashMap<String, String>,
}

static CLDR: LazyLock<Vec<CldrNames>> = LazyLock::new(|| {
    Locale::ALL
        .iter()
        .map(|l| {
            let source = match l {
                Locale::Ar => include_str!("../../locales/cldr/ar.json"),
                Locale::Zh => include_str!("../../locales/cldr/zh.json"),
                Locale::En => include_str!("../../locales/cldr/en.json"),
                Locale::Fr => include_str!("../../locales/cldr/fr.json"),
                Locale::Ru => include_str!("../../locales/cldr/ru.json"),
                Locale::Es => include_str!("../../locales/cldr/es.json"),
            };
            // Ours, and checked by a test below; unreadable data means codes shown as written.
            serde_json::from_str(source).unwrap_or_default()
        })
        .collect()
});

/// The CLDR name of a country or territory (`KE` → "Kenya", "Кения", "肯尼亚"), if known.
pub fn country_name(locale: Locale, code: &str) -> Option<&'static str> {
    CLDR.get(locale.index())?
        .territories
        .get(&code.to_ascii_uppercase())
        .map(String::as_str)
}

/// The CLDR name of a language (`ku` → "Kurdish"; `pt-BR` → "Brazilian Portuguese"), if
/// known; `-` or `_` separate the subtags.
pub fn cldr_language_name(locale: Locale, tag: &str) -> Option<&'static str> {
    let names = &CLDR.get(locale.index())?.languages;
    let tag = tag.replace('_', "-");
    names.get(&tag).map(String::as_str)
}

/// One bundle per UI language, built once.
static BUNDLES: LazyLock<Vec<FluentBundle<FluentResource>>> =
    LazyLock::new(|| Locale::ALL.iter().map(|l| build_bundle(*l)).collect());

fn build_bundle(locale: Locale) -> FluentBundle<FluentResource> {
    let id: LanguageIdentifier = locale.tag().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // The catalogs are ours and checked by the tests below; a broken entry is skipped, not fatal.
    for source in locale.sources() {
        let resource = FluentResource::try_new(source.to_string())
            .unwrap_or_else(|(partial, _errors)| partial);
        let _ = bundle.add_resource(resource);
    }
    bundle
}

fn bundle(locale: Locale) -> &'static FluentBundle<FluentResource> {
    &BUNDLES[locale.index()]
}

/// Formats message `id` in `locale` (falling back to English, then to the id itself).
pub fn message(locale: Locale, id: &str, args: Option<&FluentArgs<'_>>) -> String {
    lookup(locale, id, args)
        .or_else(|| lookup(Locale::En, id, args))
        .unwrap_or_else(|| id.to_string())
}

/// Formats message `id` in `locale` only, without fallback.
pub fn lookup(locale: Locale, id: &str, args: Option<&FluentArgs<'_>>) -> Option<String> {
    let bundle = bundle(locale);
    let pattern = bundle.get_message(id)?.value()?;
    let mut errors = Vec::new();
    Some(
        bundle
            .format_pattern(pattern, args, &mut errors)
            .into_owned(),
    )
}

/// Formats message `id` with one named argument.
pub fn message_with<'a>(
    locale: Locale,
    id: &str,
    name: &'a str,
    value: impl Into<FluentValue<'a>>,
) -> String {
    let mut args = FluentArgs::new();
    args.set(name, value);
    message(locale, id, Some(&args))
}

pub use commons_app::vocabulary::vocabulary_id;

/// The label of a value from one of the standard's vocabularies (`category`, `status`,
/// `software-type`, `maintenance`, `scope`, `platform`, `language-name`), in `locale`, then English,
/// then the value as written.
pub fn vocabulary_label(locale: Locale, vocabulary: &str, value: &str) -> String {
    let id = vocabulary_id(vocabulary, value);
    lookup(locale, &id, None)
        .or_else(|| lookup(Locale::En, &id, None))
        .unwrap_or_else(|| value.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use commons_publiccode::model::{DevelopmentStatus, MaintenanceType, SoftwareType};
    use commons_publiccode::vocab::{CATEGORIES, SCOPES};
    use fluent_bundle::FluentResource;

    #[test]
    fn query_parameter_wins_then_header_then_english() {
        assert_eq!(negotiate(Some("ar"), Some("fr")), Locale::Ar);
        assert_eq!(negotiate(Some("zh-Hans-CN"), None), Locale::Zh);
        assert_eq!(negotiate(Some("xx"), Some("ru-RU,ru;q=0.9")), Locale::Ru);
        assert_eq!(negotiate(None, Some("de-DE,es;q=0.8,en;q=0.5")), Locale::Es);
        assert_eq!(negotiate(None, Some("fr-CA")), Locale::Fr);
        assert_eq!(negotiate(None, Some("de, it")), Locale::En);
        assert_eq!(negotiate(None, Some("*")), Locale::En);
        assert_eq!(negotiate(None, Some(";;;,,q=abc")), Locale::En);
        assert_eq!(negotiate(None, None), Locale::En);
    }

    #[test]
    fn hostile_headers_do_not_panic() {
        let long = "a,".repeat(10_000);
        assert_eq!(negotiate(None, Some(&long)), Locale::En);
        assert_eq!(
            negotiate(Some("\u{202e}ar"), Some("\u{0}\u{ffff}")),
            Locale::En
        );
    }

    #[test]
    fn arabic_alone_is_right_to_left() {
        for locale in Locale::ALL {
            assert_eq!(locale.dir() == "rtl", locale == Locale::Ar);
        }
    }

    #[test]
    fn every_catalog_parses_without_error() {
        for locale in Locale::ALL {
            for source in locale.sources() {
                if let Err((_, errors)) = FluentResource::try_new(source.to_string()) {
                    panic!("{}: {errors:?}", locale.tag());
                }
            }
        }
    }

    /// The message ids of one of a locale's sources (0: main, 2: the license guide).
    fn message_ids(locale: Locale, source: usize) -> Vec<String> {
        locale.sources()[source]
            .lines()
            .filter(|l| {
                l.chars().next().is_some_and(|c| c.is_ascii_lowercase()) && l.contains(" =")
            })
            .filter_map(|l| l.split(" =").next().map(str::to_string))
            .collect()
    }

    /// The ids of English `source` that `locale` lacks.
    fn missing_ids(locale: Locale, source: usize) -> Vec<String> {
        let theirs = message_ids(locale, source);
        message_ids(Locale::En, source)
            .into_iter()
            .filter(|id| !theirs.contains(id))
            .collect()
    }

    /// Every message of the English catalog exists in every other language: no page shows a
    /// mix of languages because a translation was forgotten.
    #[test]
    fn every_language_translates_every_message() {
        assert!(message_ids(Locale::En, 0).len() > 100);
        for locale in Locale::ALL {
            let missing = missing_ids(locale, 0);
            assert!(missing.is_empty(), "{} lacks {missing:?}", locale.tag());
        }
    }

    /// The license guide too is complete in every language.
    #[test]
    fn every_language_translates_the_license_guide() {
        let english = message_ids(Locale::En, 2);
        assert!(english.len() > 60, "{}", english.len());
        for locale in Locale::ALL {
            let missing = missing_ids(locale, 2);
            assert!(missing.is_empty(), "{} lacks {missing:?}", locale.tag());
            assert!(lookup(locale, "license-MIT-summary", None).is_some());
        }
    }

    #[test]
    fn plurals_follow_each_languages_rules() {
        // Placeables are wrapped in bidi isolation marks (U+2068, U+2069): drop them to compare.
        let count = |locale, n: i64| {
            message_with(locale, "results-count", "count", n).replace(['\u{2068}', '\u{2069}'], "")
        };
        assert!(
            count(Locale::En, 1).contains("1 result") && !count(Locale::En, 1).contains("results")
        );
        assert!(count(Locale::En, 5).contains("results"));
        // Arabic has distinct forms for two and for few (3 to 10).
        assert_ne!(
            count(Locale::Ar, 2).replace('2', ""),
            count(Locale::Ar, 5).replace('5', "")
        );
        assert_ne!(
            count(Locale::Ar, 5).replace('5', ""),
            count(Locale::Ar, 50).replace("50", "")
        );
        // Russian: 1 результат, 3 результата, 5 результатов.
        assert!(count(Locale::Ru, 3).contains("результата"));
        assert!(count(Locale::Ru, 5).contains("результатов"));
    }

    #[test]
    fn vocabulary_values_have_labels_in_every_language() {
        let statuses = DevelopmentStatus::ALL.map(|s| ("status", s.as_str()));
        let types = SoftwareType::ALL.map(|s| ("software-type", s.as_str()));
        let maintenance = MaintenanceType::ALL.map(|s| ("maintenance", s.as_str()));
        let categories = CATEGORIES.iter().map(|c| ("category", *c));
        let scopes = SCOPES.iter().map(|c| ("scope", *c));
        let all: Vec<(&str, &str)> = statuses
            .into_iter()
            .chain(types)
            .chain(maintenance)
            .chain(categories)
            .chain(scopes)
            .collect();
        for locale in Locale::ALL {
            for (vocabulary, value) in &all {
                let id = vocabulary_id(vocabulary, value);
                assert!(
                    lookup(locale, &id, None).is_some(),
                    "{}: {id}",
                    locale.tag()
                );
            }
        }
        assert_eq!(vocabulary_label(Locale::Fr, "status", "stable"), "Stable");
        let ctx = super::super::Ctx::new(Locale::Es, "/");
        assert_eq!(ctx.language_name("pt-BR"), "portugués de Brasil");
        assert_eq!(ctx.language_name("pt-XX"), "Portugués (XX)");
        assert_eq!(ctx.language_name("zh"), "Chino");
        assert_eq!(ctx.language_name("x-klingon"), "x-klingon");
        // Every locale's CLDR data reads (a broken file would quietly show codes).
        for locale in Locale::ALL {
            let names = &CLDR[locale.index()];
            assert!(names.territories.len() > 250, "{locale:?}");
            assert!(names.languages.len() > 500, "{locale:?}");
        }
        // Codes the catalogs do not name come from the CLDR.
        assert_eq!(ctx.language_name("ku"), "kurdo");
        assert_eq!(ctx.country_name("KE"), "Kenia");
        assert_eq!(ctx.country_name("XX"), "XX");
        assert_eq!(ctx.language_name("<b>"), "<b>");
        assert_eq!(
            vocabulary_label(Locale::Fr, "category", "no-such-value"),
            "no-such-value"
        );
    }
}
