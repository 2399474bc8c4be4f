//! Problems found in a publiccode.yml file.

use crate::message::{Message, MessageArg};
use serde::{Deserialize, Serialize};
use std::fmt;

/// How serious a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The file does not conform to the standard.
    Error,
    /// The file conforms but uses something deprecated or discouraged.
    Warning,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        })
    }
}

/// One problem: where it is (key path, line, column) and what it is.
///
/// `key` uses the reference validator's notation: dots between keys, `[n]` for list items
/// (`description.en-GB.features[0]`). It is empty for problems with the file as a whole
/// (invalid UTF-8, YAML syntax). `line` and `column` are 1-based; 0 means "no position".
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Diagnostic {
    /// Key path of the offending value.
    pub key: String,
    /// 1-based line, 0 when unknown.
    pub line: usize,
    /// 1-based column (in characters), 0 when unknown.
    pub column: usize,
    /// Error or warning.
    pub severity: Severity,
    /// What is wrong, for a maintainer.
    pub message: String,
    /// `message` as a message id and arguments, for readers in other languages; absent in
    /// diagnostics stored before.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub l10n: Option<Message>,
}

impl Diagnostic {
    /// Builds an error.
    pub fn error(key: impl Into<String>, message: impl Into<String>) -> Self {
        Diagnostic {
            key: key.into(),
            line: 0,
            column: 0,
            severity: Severity::Error,
            message: message.into(),
            l10n: None,
        }
    }

    /// Builds a warning.
    pub fn warning(key: impl Into<String>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(key, message)
        }
    }

    /// Sets the message id and arguments that say `message` (see `locales/en/validator.ftl`).
    pub fn said(mut self, id: &str, args: &[(&str, MessageArg)]) -> Self {
        self.l10n = Some(Message::new(id, args));
        self
    }

    /// Sets the position.
    pub fn at(mut self, line: usize, column: usize) -> Self {
        self.line = line;
        self.column = column;
        self
    }

    /// Whether this is an error (not a warning).
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}: {}[{}]: {}",
            self.line, self.column, self.severity, self.key, self.message
        )
    }
}

/// Most problems listed for one file. A file with more gets these and one last diagnostic that
/// counts the rest: nobody reads the 1,001st problem, and a hostile file can have 100,000.
pub const MAX_LISTED: usize = 1_000;

/// Problems found but not listed, beyond [`MAX_LISTED`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Omitted {
    /// Errors not listed.
    pub errors: usize,
    /// Warnings not listed.
    pub warnings: usize,
}

impl Omitted {
    /// Whether anything was left out.
    pub fn any(&self) -> bool {
        self.errors > 0 || self.warnings > 0
    }

    fn count(&mut self, severity: Severity) {
        match severity {
            Severity::Error => self.errors += 1,
            Severity::Warning => self.warnings += 1,
        }
    }

    /// The last diagnostic of a capped list: an error when any error was left out, so that a
    /// consumer reading only the listed errors still sees that the file is invalid.
    pub(crate) fn summary(&self) -> Option<Diagnostic> {
        if !self.any() {
            return None;
        }
        let total = self.errors + self.warnings;
        let message = format!(
            "and {total} more problems ({} errors, {} warnings) not listed: only the first {MAX_LISTED} are; correct these and validate again",
            self.errors, self.warnings
        );
        let summary = if self.errors > 0 {
            Diagnostic::error("", message)
        } else {
            Diagnostic::warning("", message)
        };
        Some(summary.said(
            "validator-more-problems-not-listed",
            &[
                ("total", total.into()),
                ("errors", self.errors.into()),
                ("warnings", self.warnings.into()),
                ("listed", MAX_LISTED.into()),
            ],
        ))
    }
}

/// Gathers problems up to [`MAX_LISTED`] and counts the rest, so that memory stays bounded
/// however many problems a file has.
#[derive(Debug, Default)]
pub(crate) struct Collector {
    listed: Vec<Diagnostic>,
    omitted: Omitted,
}

impl Collector {
    /// Resumes from a finished list (the summary, if any, is taken off and recounted).
    pub fn resume(mut listed: Vec<Diagnostic>, omitted: Omitted) -> Self {
        if omitted.any() {
            listed.pop();
        }
        Collector { listed, omitted }
    }

    /// Whether another problem would be listed; when not, callers may skip building it.
    pub fn has_room(&self) -> bool {
        self.listed.len() < MAX_LISTED
    }

    pub fn push(&mut self, diagnostic: Diagnostic) {
        if self.has_room() {
            self.listed.push(diagnostic);
        } else {
            self.omitted.count(diagnostic.severity);
        }
    }

    /// Counts a problem that was not built because there is no room for it.
    pub fn count_unlisted(&mut self, severity: Severity) {
        self.omitted.count(severity);
    }

    /// The same problems, each listed one changed by `f` (to give it its position).
    pub fn map_listed(mut self, f: impl FnMut(Diagnostic) -> Diagnostic) -> Self {
        self.listed = self.listed.into_iter().map(f).collect();
        self
    }

    /// Takes another collector's problems after this one's, in order.
    pub fn append(&mut self, other: Collector) {
        for diagnostic in other.listed {
            self.push(diagnostic);
        }
        self.omitted.errors += other.omitted.errors;
        self.omitted.warnings += other.omitted.warnings;
    }

    /// The listed problems, then the summary of the others.
    pub fn finish(self) -> (Vec<Diagnostic>, Omitted) {
        let mut listed = self.listed;
        listed.extend(self.omitted.summary());
        (listed, self.omitted)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_is_capped_and_the_rest_counted_in_a_last_error() {
        let mut found = Collector::default();
        for i in 0..MAX_LISTED + 5 {
            found.push(Diagnostic::warning(format!("k{i}"), "w"));
        }
        found.push(Diagnostic::error("x", "e"));
        let (listed, omitted) = found.finish();
        assert_eq!(listed.len(), MAX_LISTED + 1);
        assert_eq!(
            omitted,
            Omitted {
                errors: 1,
                warnings: 5
            }
        );
        let summary = listed.last().unwrap();
        assert!(summary.is_error());
        assert!(summary.message.starts_with("and 6 more problems"));
    }

    #[test]
    fn a_resumed_list_recounts_its_summary() {
        let mut found = Collector::default();
        for _ in 0..MAX_LISTED + 1 {
            found.push(Diagnostic::warning("", "w"));
        }
        let (listed, omitted) = found.finish();
        let mut again = Collector::resume(listed, omitted);
        again.push(Diagnostic::error("", "e"));
        let (listed, omitted) = again.finish();
        assert_eq!(listed.len(), MAX_LISTED + 1);
        assert_eq!(
            omitted,
            Omitted {
                errors: 1,
                warnings: 1
            }
        );
    }
}
