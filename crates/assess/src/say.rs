//! The method's sentences. Each is a message of `locales/<lang>/report.ftl` (Fluent, with
//! plural rules); the report keeps the English text and the message id with its arguments,
//! so every reader can write the sentence in its own language.

use commons_report::{Message, MessageArg, Said};
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::sync::LazyLock;

/// The message files, by language tag: `(tag, Fluent source)`. English is the method's own
/// text; the others are its translations, checked by the tests to have the same messages.
pub const MESSAGES: [(&str, &str); 6] = [
    ("ar", include_str!("../locales/ar/report.ftl")),
    ("en", include_str!("../locales/en/report.ftl")),
    ("es", include_str!("../locales/es/report.ftl")),
    ("fr", include_str!("../locales/fr/report.ftl")),
    ("ru", include_str!("../locales/ru/report.ftl")),
    ("zh", include_str!("../locales/zh/report.ftl")),
];

/// The messages of language `tag` (`ar`, `en`, `es`, `fr`, `ru`, `zh`).
pub fn messages(tag: &str) -> Option<&'static str> {
    MESSAGES.iter().find(|(t, _)| *t == tag).map(|(_, m)| *m)
}

static ENGLISH: LazyLock<FluentBundle<FluentResource>> = LazyLock::new(|| {
    let mut bundle = FluentBundle::new_concurrent(vec![unic_langid::langid!("en")]);
    // Plain text for the report and the command line: no bidirectional isolation marks.
    bundle.set_use_isolating(false);
    let source = messages("en").unwrap_or_default().to_string();
    let resource = FluentResource::try_new(source).unwrap_or_else(|(partial, _)| partial);
    let _ = bundle.add_resource(resource);
    bundle
});

/// The sentence `id` with `args`: its English text and the message. An id missing from the
/// English file (a bug the tests catch) reads as the id itself.
pub(crate) fn say(id: &str, args: &[(&str, MessageArg)]) -> Said {
    let mut fluent = FluentArgs::new();
    for (name, value) in args {
        match value {
            MessageArg::Number(n) => fluent.set(*name, FluentValue::from(*n)),
            MessageArg::Text(t) => fluent.set(*name, FluentValue::from(t.as_str())),
        }
    }
    let text = ENGLISH
        .get_message(id)
        .and_then(|m| m.value())
        .map(|pattern| {
            let mut errors = Vec::new();
            ENGLISH
                .format_pattern(pattern, Some(&fluent), &mut errors)
                .into_owned()
        })
        .unwrap_or_else(|| id.to_string());
    Said {
        text,
        message: Some(Message {
            id: id.to_string(),
            args: args
                .iter()
                .map(|(name, value)| (name.to_string(), value.clone()))
                .collect(),
        }),
    }
}

/// `file` is not JSON, as the parser says at `line`:`column`.
pub(crate) fn invalid_json(file: &str, line: usize, column: usize, detail: &str) -> Said {
    say(
        "error-invalid-json",
        &[
            ("file", file.into()),
            ("line", line.into()),
            ("column", column.into()),
            ("detail", detail.into()),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    fn parse(tag: &str, source: &str) -> FluentResource {
        FluentResource::try_new(source.to_string())
            .unwrap_or_else(|(_, errors)| panic!("{tag}: {errors:?}"))
    }

    /// Message ids and, for each, the variables it uses.
    fn shape(resource: &FluentResource) -> BTreeSet<(String, BTreeSet<String>)> {
        use fluent_syntax::ast;
        fn variables(pattern: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
            for element in &pattern.elements {
                if let ast::PatternElement::Placeable { expression } = element {
                    expression_variables(expression, out);
                }
            }
        }
        fn expression_variables(expression: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
            match expression {
                ast::Expression::Select { selector, variants } => {
                    inline_variables(selector, out);
                    for variant in variants {
                        variables(&variant.value, out);
                    }
                }
                ast::Expression::Inline(inline) => inline_variables(inline, out),
            }
        }
        fn inline_variables(inline: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
            match inline {
                ast::InlineExpression::VariableReference { id } => {
                    out.insert(id.name.to_string());
                }
                ast::InlineExpression::Placeable { expression } => {
                    expression_variables(expression, out)
                }
                _ => {}
            }
        }
        resource
            .entries()
            .filter_map(|entry| match entry {
                ast::Entry::Message(m) => {
                    let mut vars = BTreeSet::new();
                    if let Some(value) = &m.value {
                        variables(value, &mut vars);
                    }
                    Some((m.id.name.to_string(), vars))
                }
                _ => None,
            })
            .collect()
    }

    #[test]
    fn every_language_has_every_message_with_the_same_arguments() {
        let english = shape(&parse("en", messages("en").unwrap()));
        assert!(english.len() > 50, "{}", english.len());
        for (tag, source) in MESSAGES {
            let translated = shape(&parse(tag, source));
            let missing: Vec<_> = english.difference(&translated).collect();
            let extra: Vec<_> = translated.difference(&english).collect();
            assert!(
                missing.is_empty() && extra.is_empty(),
                "{tag}: missing {missing:?}, extra {extra:?}"
            );
        }
    }

    #[test]
    fn every_message_the_method_says_is_in_the_english_file() {
        let english: BTreeSet<String> = shape(&parse("en", messages("en").unwrap()))
            .into_iter()
            .map(|(id, _)| id)
            .collect();
        let sources = [
            include_str!("ai.rs"),
            include_str!("assess.rs"),
            include_str!("bounds.rs"),
            include_str!("cost.rs"),
            include_str!("license.rs"),
            include_str!("license/declarations.rs"),
            include_str!("pom.rs"),
            include_str!("repo.rs"),
            include_str!("lockfile.rs"),
            include_str!("principles.rs"),
            include_str!("security.rs"),
            include_str!("vitality.rs"),
            include_str!("workflow.rs"),
        ];
        let mut said = BTreeSet::new();
        for source in sources {
            for part in source.split("say(\"").skip(1) {
                if let Some(id) = part.split('"').next() {
                    said.insert(id.to_string());
                }
            }
        }
        assert!(said.len() > 30, "{}", said.len());
        let missing: Vec<_> = said.difference(&english).collect();
        assert!(missing.is_empty(), "not in en/report.ftl: {missing:?}");
    }

    /// A license file's problem is also an error of the report, said of the file by the
    /// message of the same name with `error-` before it (see `license::problem_of_file`).
    #[test]
    fn each_license_file_problem_has_its_error_said_of_the_file() {
        let args: [(&str, MessageArg); 5] = [
            ("offset", 7usize.into()),
            ("candidate", "MIT".into()),
            ("score", "0.42".into()),
            ("threshold", "0.9".into()),
            ("file", "LICENSE".into()),
        ];
        let ids: Vec<(String, BTreeSet<String>)> = shape(&parse("en", messages("en").unwrap()))
            .into_iter()
            .filter(|(id, _)| id.starts_with("license-file-"))
            .collect();
        assert_eq!(ids.len(), 5, "{ids:?}");
        for (id, _) in ids {
            let problem = say(&id, &args).text;
            let error = say(&format!("error-{id}"), &args).text;
            assert_eq!(error, format!("LICENSE: {problem}"), "{id}");
        }
    }

    /// The English of a message without arguments.
    fn english(id: &str) -> String {
        say(id, &[]).text
    }

    #[test]
    fn rules_and_checks_not_computed_read_in_english_as_the_report_writes_them() {
        let none = crate::principles::Declarations::new();
        let facts = crate::principles::Facts::default();
        let items = crate::principles::un_principles(&facts, &none)
            .into_iter()
            .chain(crate::principles::dpg_indicators(&facts, &none));
        for item in items {
            assert_eq!(
                english(&format!("rule-{}", item.id)),
                item.rule,
                "{}",
                item.id
            );
        }
        for (id, reason) in crate::security::NOT_COMPUTED {
            assert_eq!(english(&format!("not-computed-{id}")), *reason, "{id}");
        }
    }

    /// A translation that is the English text again is not a translation (a few messages
    /// that are only arguments or names may be).
    #[test]
    fn each_language_is_translated() {
        let english = parse("en", messages("en").unwrap());
        let english_text = |id: &str| {
            english
                .entries()
                .find_map(|e| match e {
                    fluent_syntax::ast::Entry::Message(m) if m.id.name == id => {
                        Some(format!("{:?}", m.value))
                    }
                    _ => None,
                })
                .unwrap_or_default()
        };
        for (tag, source) in MESSAGES.iter().filter(|(t, _)| *t != "en") {
            let resource = parse(tag, source);
            let (mut same, mut all) = (Vec::new(), 0);
            for entry in resource.entries() {
                if let fluent_syntax::ast::Entry::Message(m) = entry {
                    all += 1;
                    if format!("{:?}", m.value) == english_text(m.id.name) {
                        same.push(m.id.name);
                    }
                }
            }
            assert!(
                same.len() * 20 <= all,
                "{tag}: {} of {all} untranslated: {same:?}",
                same.len()
            );
        }
    }

    #[test]
    fn english_chooses_plural_forms_and_keeps_arguments_as_written() {
        let one = say("security-binary-found", &[("count", 1usize.into())]);
        let three = say("security-binary-found", &[("count", 3usize.into())]);
        assert_eq!(one.text, "1 binary artifact checked in");
        assert_eq!(three.text, "3 binary artifacts checked in");
        let message = three.message.unwrap();
        assert_eq!(message.id, "security-binary-found");
        assert_eq!(message.args["count"], MessageArg::Number(3));
        let image = say(
            "evidence-unpinned-image",
            &[("image", "node:20 <x>".into())],
        );
        assert_eq!(image.text, "`FROM node:20 <x>` is not pinned by digest");
    }
}
