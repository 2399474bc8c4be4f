//! Sentences Commons writes, shown in the reader's language: the assessment method's and the
//! validator's sentences come with a message id and arguments beside their English.

use super::Ctx;
use commons_publiccode::{Message, MessageArg};

/// A sentence Commons wrote (an assessment's reason, a validator's diagnostic) as a page shows
/// it: in the reader's language when it comes as a message this version has, otherwise the
/// English it was stored with (marked `lang="en"`).
/// Spans the sentence puts in backticks (commands, files, identifiers) are code.
pub struct Sentence {
    /// `(text, is code)`, in order.
    pub(super) pieces: Vec<(String, bool)>,
    /// `Some("en")` when the text is the report's English on a page in another language.
    pub(super) lang: Option<&'static str>,
}

/// The sentence `english`, or its `message` in the reader's language.
pub(super) fn sentence(ctx: &Ctx, english: &str, message: Option<&Message>) -> Sentence {
    let translated = message.and_then(|m| {
        let mut args = fluent_bundle::FluentArgs::new();
        for (name, value) in &m.args {
            match value {
                MessageArg::Number(n) => args.set(name.as_str(), *n),
                MessageArg::Text(t) => args.set(name.as_str(), t.as_str()),
            }
        }
        super::i18n::lookup(ctx.locale, &m.id, Some(&args))
    });
    let (text, lang) = match translated {
        Some(text) => (text, None),
        None => (english.to_string(), (ctx.lang() != "en").then_some("en")),
    };
    Sentence {
        pieces: code_spans(&text),
        lang,
    }
}

/// A message of the method without arguments (a rule, a check not computed), in the reader's
/// language, or the report's English.
pub(super) fn fixed_sentence(ctx: &Ctx, id: &str, english: &str) -> Sentence {
    let message = Message {
        id: id.to_string(),
        args: Default::default(),
    };
    sentence(ctx, english, Some(&message))
}

/// A value quoted as written (a key of the publiccode.yml and its value, an owner's name, a
/// URL): no language of its own to mark, shown as code, left to right.
pub(super) fn quoted_value(text: &str) -> Sentence {
    Sentence {
        pieces: vec![(text.to_string(), true)],
        lang: None,
    }
}

/// Splits `text` at its backticks: the odd pieces are code. Unbalanced backticks are text.
fn code_spans(text: &str) -> Vec<(String, bool)> {
    let parts: Vec<&str> = text.split('`').collect();
    if parts.len().is_multiple_of(2) {
        return vec![(text.to_string(), false)];
    }
    parts
        .iter()
        .enumerate()
        .filter(|(_, p)| !p.is_empty())
        .map(|(i, p)| (p.to_string(), i % 2 == 1))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::web::i18n::Locale;

    #[test]
    fn backticks_mark_code_and_unbalanced_ones_are_text() {
        assert_eq!(
            code_spans("job a: `npm install` (use `npm ci`)"),
            [
                ("job a: ".to_string(), false),
                ("npm install".to_string(), true),
                (" (use ".to_string(), false),
                ("npm ci".to_string(), true),
                (")".to_string(), false),
            ]
        );
        assert_eq!(code_spans("a ` b"), [("a ` b".to_string(), false)]);
    }

    #[test]
    fn a_message_this_version_lacks_is_the_english_marked_so() {
        let zh = Ctx::new(Locale::Zh, "/");
        let unknown = Message {
            id: "security-from-the-future".into(),
            args: Default::default(),
        };
        let shown = sentence(&zh, "a new check", Some(&unknown));
        assert_eq!(shown.lang, Some("en"));
        assert_eq!(shown.pieces, [("a new check".to_string(), false)]);
        let known = Message {
            id: "security-binary-found".into(),
            args: [("count".to_string(), MessageArg::Number(2))].into(),
        };
        let shown = sentence(&zh, "2 binary artifacts checked in", Some(&known));
        assert_eq!(shown.lang, None);
        assert!(!shown.pieces[0].0.contains("binary"), "{:?}", shown.pieces);
        // English pages say English without marking it.
        let en = Ctx::new(Locale::En, "/");
        assert_eq!(sentence(&en, "x", None).lang, None);
    }
}
