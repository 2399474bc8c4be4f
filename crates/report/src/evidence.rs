//! Why a result is what it is, and what could not be checked.

use crate::{Message, Said};
use serde::{Deserialize, Serialize};

/// Why a result is what it is: a file, a commit, a rule.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", default)]
pub struct Evidence {
    /// Stable id of the rule applied.
    pub rule: String,
    /// File in the repository, when one is the evidence.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// Commit the file was read at, or the commit that is the evidence.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub commit: Option<String>,
    /// What was found, in plain words (English).
    pub detail: String,
    /// `detail` as a message, when it is a sentence of the method (absent in reports made
    /// before messages, and for plain values).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub l10n: Option<Message>,
    /// The key of a YAML file the evidence is, as a dotted path (`legal.license`), when it
    /// is one key of the file: readers link to its line.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
}

impl Evidence {
    /// Evidence from a file at a commit.
    pub fn file(file: &str, commit: &str, rule: &str, detail: impl Into<Said>) -> Self {
        Evidence {
            file: Some(file.to_string()),
            commit: Some(commit.to_string()),
            ..Evidence::rule(rule, detail)
        }
    }

    /// The same evidence, as the key `key` (a dotted path) of its file.
    pub fn at_key(mut self, key: impl Into<String>) -> Self {
        self.key = Some(key.into());
        self
    }

    /// Evidence that is not one file (history, input, absence).
    pub fn rule(rule: &str, detail: impl Into<Said>) -> Self {
        let said = detail.into();
        Evidence {
            rule: rule.to_string(),
            file: None,
            commit: None,
            detail: said.text,
            l10n: said.message,
            key: None,
        }
    }
}

/// A check that could not run, or a file it could not use.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", default)]
pub struct CheckError {
    /// The check (section or check id).
    pub check: String,
    /// What went wrong, in plain words (English).
    pub message: String,
    /// `message` as a message, when it is a sentence of the method.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub l10n: Option<Message>,
}

impl CheckError {
    /// A new error for `check`.
    pub fn new(check: &str, message: impl Into<Said>) -> Self {
        let said = message.into();
        CheckError {
            check: check.to_string(),
            message: said.text,
            l10n: said.message,
        }
    }
}
