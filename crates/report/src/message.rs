//! What a writer of the report hands to a text field and its `l10n` sibling.

use crate::Message;

/// A text of the report with, when it is a sentence of the method, the same as a message:
/// what the writer hands to a field and its `l10n` sibling. Plain values (a licence id, an
/// owner's name) have no message.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Said {
    /// The text in English.
    pub text: String,
    /// The same as a message, when it is one.
    pub message: Option<Message>,
}

impl From<String> for Said {
    fn from(text: String) -> Self {
        Said {
            text,
            message: None,
        }
    }
}

impl From<&str> for Said {
    fn from(text: &str) -> Self {
        Said::from(text.to_string())
    }
}
