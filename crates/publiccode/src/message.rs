//! Sentences as message ids with arguments, so each reader writes them in its own language;
//! the English text stays beside them (a diagnostic's `message`, a report's `detail`) for
//! readers without the messages.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A sentence as a message id (of a Fluent message file: the validator's, the assessment
/// method's) and its arguments.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", default)]
pub struct Message {
    /// The message id (`security-binary-found`, `validator-required`).
    pub id: String,
    /// Its arguments by name: numbers (which choose plural forms) or text (file names, commands,
    /// identifiers: never translated).
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub args: BTreeMap<String, MessageArg>,
}

impl Message {
    /// The message `id` with `args`.
    pub(crate) fn new(id: &str, args: &[(&str, MessageArg)]) -> Self {
        Message {
            id: id.to_string(),
            args: args
                .iter()
                .map(|(name, value)| ((*name).to_string(), value.clone()))
                .collect(),
        }
    }
}

/// One argument of a [`Message`].
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(untagged)]
pub enum MessageArg {
    /// A whole number.
    Number(i64),
    /// Text, shown as written.
    Text(String),
}

impl From<usize> for MessageArg {
    fn from(n: usize) -> Self {
        MessageArg::Number(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

impl From<u32> for MessageArg {
    fn from(n: u32) -> Self {
        MessageArg::Number(i64::from(n))
    }
}

impl From<u64> for MessageArg {
    fn from(n: u64) -> Self {
        MessageArg::Number(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

impl From<i32> for MessageArg {
    fn from(n: i32) -> Self {
        MessageArg::Number(i64::from(n))
    }
}

impl From<i64> for MessageArg {
    fn from(n: i64) -> Self {
        MessageArg::Number(n)
    }
}

impl From<&str> for MessageArg {
    fn from(s: &str) -> Self {
        MessageArg::Text(s.to_string())
    }
}

impl From<String> for MessageArg {
    fn from(s: String) -> Self {
        MessageArg::Text(s)
    }
}

/// The validator's messages, by language tag: `(tag, Fluent source)` of
/// `locales/<tag>/validator.ftl`. English is what each diagnostic's `message` says; the others
/// are its translations (compiled in: the crate reads no file at run time).
pub const VALIDATOR_MESSAGES: [(&str, &str); 6] = [
    ("ar", include_str!("../locales/ar/validator.ftl")),
    ("en", include_str!("../locales/en/validator.ftl")),
    ("es", include_str!("../locales/es/validator.ftl")),
    ("fr", include_str!("../locales/fr/validator.ftl")),
    ("ru", include_str!("../locales/ru/validator.ftl")),
    ("zh", include_str!("../locales/zh/validator.ftl")),
];

/// The validator's messages in language `tag` (`ar`, `en`, `es`, `fr`, `ru`, `zh`).
pub fn validator_messages(tag: &str) -> Option<&'static str> {
    VALIDATOR_MESSAGES
        .iter()
        .find(|(t, _)| *t == tag)
        .map(|(_, m)| *m)
}
