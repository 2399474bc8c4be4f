//! Sentences Commons writes, shown in the reader's language: the assessment method's and the
//! validator's sentences come with a message id and arguments beside their English.

use super::Ctx;
use commons_publiccode::{Message, MessageArg};

/// A sentence Commons wrote (an assessment's reason, a validator's diagnostic) as a page shows
/// it: in the reader's language when it comes as a message this version has, otherwise the
/// English it was stored with (marked `lang="en"`).
/// Spans the sentence puts in backticks (commands, files, identifiers) are code; the licence
/// ids and expressions it names are kept on one line.
pub struct Sentence {
    /// `(text, what it is)`, in order.
    pub(super) pieces: Vec<(String, Piece)>,
    /// `Some("en")` when the text is the report's English on a page in another language.
    pub(super) lang: Option<&'static str>,
}

/// What a piece of a sentence is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Piece {
    /// Words.
    Text,
    /// A command, file or identifier the sentence puts in backticks: code, left to right.
    Code,
    /// An SPDX licence id or expression: one word, left to right, never broken at its hyphens.
    Spdx,
}

impl Piece {
    /// Whether the piece is code (for the template).
    pub fn is_code(&self) -> bool {
        *self == Piece::Code
    }

    /// Whether the piece is a licence id or expression (for the template).
    pub fn is_spdx(&self) -> bool {
        *self == Piece::Spdx
    }
}

/// The arguments of the method's messages that are SPDX licence ids or expressions.
const SPDX_ARGUMENTS: [&str; 7] = [
    "license",
    "licenses",
    "copy",
    "common",
    "expression",
    "declared",
    "candidate",
];

/// Marks around a licence argument while the message is formatted (private-use characters,
/// which no message has; one in an argument only makes a piece a licence id).
const SPDX_START: char = '\u{E000}';
const SPDX_END: char = '\u{E001}';

/// The sentence `english`, or its `message` in the reader's language.
pub(super) fn sentence(ctx: &Ctx, english: &str, message: Option<&Message>) -> Sentence {
    let translated = message.and_then(|m| {
        let mut args = fluent_bundle::FluentArgs::new();
        for (name, value) in &m.args {
            match value {
                MessageArg::Number(n) => args.set(name.as_str(), *n),
                MessageArg::Text(t) if SPDX_ARGUMENTS.contains(&name.as_str()) => {
                    args.set(name.as_str(), format!("{SPDX_START}{t}{SPDX_END}"))
                }
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
        pieces: pieces(&text),
        lang,
    }
}

/// The pieces of a formatted sentence: its licence arguments, then its backticked spans.
fn pieces(text: &str) -> Vec<(String, Piece)> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find(SPDX_START) {
        let after = &rest[start + SPDX_START.len_utf8()..];
        let Some(end) = after.find(SPDX_END) else {
            break;
        };
        out.extend(code_spans(&rest[..start]));
        licence_pieces(&after[..end], &mut out);
        rest = &after[end + SPDX_END.len_utf8()..];
    }
    out.extend(code_spans(&rest.replace([SPDX_START, SPDX_END], "")));
    out
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
        pieces: vec![(text.to_string(), Piece::Code)],
        lang: None,
    }
}

/// An expression's ids as pieces that never break (`MIT OR Apache-2.0`: two, and the words
/// between them as text); an id too long for a phone's line is code, which may break.
fn licence_pieces(expression: &str, out: &mut Vec<(String, Piece)>) {
    const LONGEST_UNBROKEN: usize = 40;
    for (n, word) in expression.split(' ').enumerate() {
        if n > 0 {
            out.push((" ".to_string(), Piece::Text));
        }
        if word.is_empty() {
            continue;
        }
        let kind = if word.chars().count() <= LONGEST_UNBROKEN {
            Piece::Spdx
        } else {
            Piece::Code
        };
        out.push((word.to_string(), kind));
    }
}

/// Splits `text` at its backticks: the odd pieces are code. Unbalanced backticks are text.
fn code_spans(text: &str) -> Vec<(String, Piece)> {
    let parts: Vec<&str> = text.split('`').collect();
    if parts.len().is_multiple_of(2) {
        return vec![(text.to_string(), Piece::Text)];
    }
    let kind = |i: usize| if i % 2 == 1 { Piece::Code } else { Piece::Text };
    parts
        .iter()
        .enumerate()
        .filter(|(_, p)| !p.is_empty())
        .map(|(i, p)| (p.to_string(), kind(i)))
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
                ("job a: ".to_string(), Piece::Text),
                ("npm install".to_string(), Piece::Code),
                (" (use ".to_string(), Piece::Text),
                ("npm ci".to_string(), Piece::Code),
                (")".to_string(), Piece::Text),
            ]
        );
        assert_eq!(code_spans("a ` b"), [("a ` b".to_string(), Piece::Text)]);
    }

    #[test]
    fn licence_ids_in_a_sentence_are_pieces_of_their_own() {
        let ar = Ctx::new(Locale::Ar, "/");
        let message = Message {
            id: "evidence-license-variant".into(),
            args: [
                ("license".to_string(), MessageArg::Text("Pixar".into())),
                ("common".to_string(), MessageArg::Text("Apache-2.0".into())),
            ]
            .into(),
        };
        let shown = sentence(&ar, "English", Some(&message));
        let ids: Vec<&str> = shown
            .pieces
            .iter()
            .filter(|(_, kind)| kind.is_spdx())
            .map(|(text, _)| text.as_str())
            .collect();
        assert_eq!(
            ids,
            ["Pixar", "Apache-2.0", "Pixar", "Apache-2.0"],
            "{:?}",
            shown.pieces
        );
        assert!(
            shown
                .pieces
                .iter()
                .all(|(text, _)| !text.contains(['\u{E000}', '\u{E001}']))
        );
        // An expression breaks between its ids, never inside one; a very long id may.
        let mut out = Vec::new();
        licence_pieces(&format!("MIT OR LicenseRef-{}", "x".repeat(40)), &mut out);
        let kinds: Vec<Piece> = out.iter().map(|(_, k)| *k).collect();
        assert_eq!(
            kinds,
            [
                Piece::Spdx,
                Piece::Text,
                Piece::Spdx,
                Piece::Text,
                Piece::Code
            ]
        );
        // A stray mark (from an argument) only ends up as text, never a broken piece.
        assert_eq!(
            pieces("a \u{E000}b `c`"),
            [
                ("a b ".to_string(), Piece::Text),
                ("c".to_string(), Piece::Code)
            ]
        );
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
        assert_eq!(shown.pieces, [("a new check".to_string(), Piece::Text)]);
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
