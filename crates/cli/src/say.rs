//! The command line's words in the reader's language (`--lang`): its own messages
//! (`locales/<lang>/cli.ftl`) and the validator's, English where a message is missing.
//! Plain text for a terminal: no bidirectional isolation marks.

use clap::ValueEnum;
use commons_publiccode::{Message, MessageArg};
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

/// A language of the command line's output: the six UN languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Lang {
    /// Arabic.
    Ar,
    /// Chinese.
    Zh,
    /// English.
    En,
    /// French.
    Fr,
    /// Russian.
    Ru,
    /// Spanish.
    Es,
}

impl Lang {
    /// The BCP 47 tag.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Ar => "ar",
            Lang::Zh => "zh",
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::Ru => "ru",
            Lang::Es => "es",
        }
    }
}

/// The command line's own messages, by language tag.
const CLI_MESSAGES: [(&str, &str); 6] = [
    ("ar", include_str!("../locales/ar/cli.ftl")),
    ("zh", include_str!("../locales/zh/cli.ftl")),
    ("en", include_str!("../locales/en/cli.ftl")),
    ("fr", include_str!("../locales/fr/cli.ftl")),
    ("ru", include_str!("../locales/ru/cli.ftl")),
    ("es", include_str!("../locales/es/cli.ftl")),
];

fn cli_messages(tag: &str) -> &'static str {
    CLI_MESSAGES
        .iter()
        .find(|(t, _)| *t == tag)
        .map(|(_, m)| *m)
        .unwrap_or_default()
}

/// Says messages in one language.
pub struct Speaker {
    bundle: FluentBundle<FluentResource>,
}

impl Speaker {
    /// A speaker of `lang`: its messages over the English ones.
    pub fn new(lang: Lang) -> Self {
        let id = lang.tag().parse().unwrap_or_default();
        let mut bundle = FluentBundle::new_concurrent(vec![id]);
        bundle.set_use_isolating(false);
        let sources = |tag: &str| {
            [
                cli_messages(tag),
                commons_publiccode::validator_messages(tag).unwrap_or_default(),
            ]
        };
        // The files are ours and checked by the tests; a broken entry is skipped.
        let resource =
            |s: &str| FluentResource::try_new(s.to_string()).unwrap_or_else(|(partial, _)| partial);
        for source in sources("en") {
            bundle.add_resource_overriding(resource(source));
        }
        if lang != Lang::En {
            for source in sources(lang.tag()) {
                bundle.add_resource_overriding(resource(source));
            }
        }
        Speaker { bundle }
    }

    /// Message `id` with `args`; the id itself when no file has it (a bug the tests catch).
    pub fn say(&self, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        let mut fluent = FluentArgs::new();
        for (name, value) in args {
            fluent.set(*name, value.clone());
        }
        self.format(id, &fluent).unwrap_or_else(|| id.to_string())
    }

    /// A sentence given as a message (a diagnostic's `l10n`), or its English when it has none
    /// or the message is not known.
    pub fn sentence(&self, english: &str, message: Option<&Message>) -> String {
        let Some(message) = message else {
            return english.to_string();
        };
        let mut args = FluentArgs::new();
        for (name, value) in &message.args {
            match value {
                MessageArg::Number(n) => args.set(name.as_str(), *n),
                MessageArg::Text(t) => args.set(name.as_str(), t.as_str()),
            }
        }
        self.format(&message.id, &args)
            .unwrap_or_else(|| english.to_string())
    }

    fn format(&self, id: &str, args: &FluentArgs<'_>) -> Option<String> {
        let pattern = self.bundle.get_message(id)?.value()?;
        let mut errors = Vec::new();
        Some(
            self.bundle
                .format_pattern(pattern, Some(args), &mut errors)
                .into_owned(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use fluent_syntax::ast;
    use std::collections::BTreeSet;

    /// Each message id of a file with the variables it uses.
    fn shape(source: &str) -> BTreeSet<(String, BTreeSet<String>)> {
        fn pattern(p: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
            for element in &p.elements {
                if let ast::PatternElement::Placeable { expression } = element {
                    expression_variables(expression, out);
                }
            }
        }
        fn expression_variables(e: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
            match e {
                ast::Expression::Select { selector, variants } => {
                    inline(selector, out);
                    for variant in variants {
                        pattern(&variant.value, out);
                    }
                }
                ast::Expression::Inline(i) => inline(i, out),
            }
        }
        fn inline(i: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
            match i {
                ast::InlineExpression::VariableReference { id } => {
                    out.insert(id.name.to_string());
                }
                ast::InlineExpression::Placeable { expression } => {
                    expression_variables(expression, out)
                }
                _ => {}
            }
        }
        let resource = fluent_syntax::parser::parse(source).expect("the file parses");
        resource
            .body
            .iter()
            .filter_map(|entry| match entry {
                ast::Entry::Message(m) => {
                    let mut vars = BTreeSet::new();
                    if let Some(value) = &m.value {
                        pattern(value, &mut vars);
                    }
                    Some((m.id.name.to_string(), vars))
                }
                _ => None,
            })
            .collect()
    }

    #[test]
    fn every_language_has_the_english_messages_with_the_same_variables() {
        let english = shape(cli_messages("en"));
        assert!(english.len() >= 3);
        for (tag, source) in CLI_MESSAGES {
            assert_eq!(shape(source), english, "{tag}");
        }
    }

    #[test]
    fn english_is_the_reference_and_other_languages_say_their_own() {
        let args = |n: i64| {
            [
                ("files", FluentValue::from(n)),
                ("valid", FluentValue::from(n)),
                ("invalid", FluentValue::from(0)),
                ("errors", FluentValue::from(n)),
                ("warnings", FluentValue::from(0)),
            ]
        };
        let english = Speaker::new(Lang::En);
        assert_eq!(
            english.say("validate-summary", &args(1)),
            "1 file: 1 valid, 0 invalid; 1 error, 0 warnings"
        );
        assert_eq!(
            english.say("validate-summary", &args(2)),
            "2 files: 2 valid, 0 invalid; 2 errors, 0 warnings"
        );
        for lang in [Lang::Ar, Lang::Zh, Lang::Fr, Lang::Ru, Lang::Es] {
            let speaker = Speaker::new(lang);
            let said = speaker.say("validate-summary", &args(2));
            assert_ne!(said, english.say("validate-summary", &args(2)), "{lang:?}");
            assert!(said.contains('2'), "{lang:?}: {said}");
            let severities = (
                speaker.say("severity-error", &[]),
                speaker.say("severity-warning", &[]),
            );
            assert_ne!(severities, ("error".into(), "warning".into()), "{lang:?}");
        }
    }

    #[test]
    fn a_validator_message_is_said_in_the_language_and_an_unknown_one_in_english() {
        let message = Message {
            id: "validator-required".into(),
            args: [("field".to_string(), MessageArg::Text("name".into()))].into(),
        };
        let english = Speaker::new(Lang::En).sentence("English as stored", Some(&message));
        let french = Speaker::new(Lang::Fr).sentence("English as stored", Some(&message));
        assert_ne!(english, french);
        assert!(french.contains("name"), "{french}");
        let unknown = Message {
            id: "validator-from-a-newer-version".into(),
            args: Default::default(),
        };
        assert_eq!(
            Speaker::new(Lang::Fr).sentence("as stored", Some(&unknown)),
            "as stored"
        );
        assert_eq!(
            Speaker::new(Lang::Fr).sentence("as stored", None),
            "as stored"
        );
    }
}
