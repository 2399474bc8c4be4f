//! First stage: turn the YAML tree into loosely typed values, reporting type errors and unknown
//! keys.
//!
//! Every optional key decodes to an `Option`, so the second stage (`rules`) can tell "absent"
//! from "empty" exactly as the standard (and the reference validator) does. A value of the wrong
//! type makes the *whole top-level key* it belongs to count as absent afterwards: that is how the
//! reference validator behaves, and it keeps one mistake from producing a cascade of unrelated
//! messages deeper down.

use crate::diagnostic::{Collector, Diagnostic, Severity};
use crate::position::Positions;
use crate::yaml::{Key, Node, ScalarKind, Value};

/// Marker for "this value had a type error (already reported)".
pub(crate) struct TypeError;

pub(crate) type Decoded<T> = Result<Option<T>, TypeError>;

pub(crate) struct Decoder<'a> {
    positions: &'a Positions<'a>,
    pub found: Collector,
}

/// A mapping's entries, for looking keys up once unknown keys have been reported.
pub(crate) struct Fields<'n> {
    entries: &'n [(Key, Node)],
}

impl<'n> Fields<'n> {
    pub fn get(&self, key: &str) -> Option<&'n Node> {
        self.entries
            .iter()
            .find(|(k, _)| k.text == key)
            .map(|(_, v)| v)
    }

    pub fn keys(&self) -> impl Iterator<Item = (&'n str, &'n Node)> {
        self.entries.iter().map(|(k, v)| (k.text.as_str(), v))
    }
}

fn describe(node: &Node) -> &'static str {
    match &node.value {
        Value::Seq(_) => "a list",
        Value::Map(_) => "a mapping",
        Value::Scalar(_, ScalarKind::Str) => "text",
        Value::Scalar(_, ScalarKind::Bool(_)) => "a boolean",
        Value::Scalar(_, ScalarKind::Int) => "a number",
        Value::Scalar(_, ScalarKind::Float) => "a number",
        Value::Scalar(_, ScalarKind::Null) => "nothing",
    }
}

impl<'a> Decoder<'a> {
    pub fn new(positions: &'a Positions<'a>) -> Self {
        Decoder {
            positions,
            found: Collector::default(),
        }
    }

    /// Reports a type error the way the reference does: at the line where the offending value
    /// starts, naming the key found on that line.
    pub fn type_error(&mut self, node: &Node, expected: &str) -> TypeError {
        if !self.found.has_room() {
            self.found.count_unlisted(Severity::Error);
            return TypeError;
        }
        let line = node.pos.line;
        let key = self.positions.key_at_line(line);
        let found = describe(node);
        let message = if found == "text" && expected == "true or false" {
            format!(
                "wrong type for this field: expected {expected}, found text (write true or false without quotes; yes/no/on/off are text in YAML 1.2)"
            )
        } else {
            format!("wrong type for this field: expected {expected}, found {found}")
        };
        self.found.push(Diagnostic::error(key, message).at(line, 1));
        TypeError
    }

    fn unknown_key(&mut self, key: &Key) {
        if !self.found.has_room() {
            self.found.count_unlisted(Severity::Error);
            return;
        }
        let path = self.positions.key_at_line(key.pos.line);
        self.found.push(
            Diagnostic::error(
                path,
                format!(
                    "unknown field \"{}\": the standard has no such key here (check its spelling and case)",
                    key.text
                ),
            )
            .at(key.pos.line, 1),
        );
    }

    /// A mapping with a known set of keys; unknown keys are reported (and ignored).
    pub fn mapping<'n>(&mut self, node: &'n Node, known: &[&str]) -> Decoded<Fields<'n>> {
        match &node.value {
            Value::Scalar(_, ScalarKind::Null) => Ok(None),
            Value::Map(entries) => {
                for (key, _) in entries {
                    if !known.contains(&key.text.as_str()) {
                        self.unknown_key(key);
                    }
                }
                Ok(Some(Fields { entries }))
            }
            _ => Err(self.type_error(node, "a mapping")),
        }
    }

    /// A mapping whose keys are free (like `description`'s language tags).
    pub fn free_mapping<'n>(&mut self, node: &'n Node) -> Decoded<Fields<'n>> {
        self.mapping_any(node)
    }

    fn mapping_any<'n>(&mut self, node: &'n Node) -> Decoded<Fields<'n>> {
        match &node.value {
            Value::Scalar(_, ScalarKind::Null) => Ok(None),
            Value::Map(entries) => Ok(Some(Fields { entries })),
            _ => Err(self.type_error(node, "a mapping")),
        }
    }

    /// Text. Numbers and booleans are accepted as their text (`softwareVersion: 1.0`).
    pub fn string(&mut self, node: Option<&Node>) -> Decoded<String> {
        let Some(node) = node else { return Ok(None) };
        match &node.value {
            Value::Scalar(_, ScalarKind::Null) => Ok(None),
            Value::Scalar(s, _) => Ok(Some(s.clone())),
            _ => Err(self.type_error(node, "text")),
        }
    }

    /// A boolean: YAML `true` or `false`.
    pub fn boolean(&mut self, node: Option<&Node>) -> Decoded<bool> {
        let Some(node) = node else { return Ok(None) };
        match &node.value {
            Value::Scalar(_, ScalarKind::Null) => Ok(None),
            Value::Scalar(_, ScalarKind::Bool(b)) => Ok(Some(*b)),
            _ => Err(self.type_error(node, "true or false")),
        }
    }

    /// A list of items decoded by `item`.
    pub fn list<T>(
        &mut self,
        node: Option<&Node>,
        mut item: impl FnMut(&mut Self, &Node) -> Result<T, TypeError>,
    ) -> Decoded<Vec<T>> {
        let Some(node) = node else { return Ok(None) };
        match &node.value {
            Value::Scalar(_, ScalarKind::Null) => Ok(None),
            Value::Seq(items) => {
                let mut out = Vec::with_capacity(items.len());
                for n in items {
                    out.push(item(self, n)?);
                }
                Ok(Some(out))
            }
            _ => Err(self.type_error(node, "a list")),
        }
    }

    /// A list of text values.
    pub fn strings(&mut self, node: Option<&Node>) -> Decoded<Vec<String>> {
        self.list(node, |d, n| match &n.value {
            Value::Scalar(_, ScalarKind::Null) => Ok(String::new()),
            Value::Scalar(s, _) => Ok(s.clone()),
            _ => Err(d.type_error(n, "text")),
        })
    }
}
