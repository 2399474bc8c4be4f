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

/// What a decoder wanted where it found something else.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Expected {
    Mapping,
    Text,
    Boolean,
    List,
}

impl Expected {
    fn describe(self) -> &'static str {
        match self {
            Expected::Mapping => "a mapping",
            Expected::Text => "text",
            Expected::Boolean => "true or false",
            Expected::List => "a list",
        }
    }
}

/// What a node is, for a type error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Found {
    List,
    Mapping,
    Text,
    Boolean,
    Number,
    Nothing,
}

impl Found {
    fn of(node: &Node) -> Self {
        match &node.value {
            Value::Seq(_) => Found::List,
            Value::Map(_) => Found::Mapping,
            Value::Scalar(_, ScalarKind::Str) => Found::Text,
            Value::Scalar(_, ScalarKind::Bool(_)) => Found::Boolean,
            Value::Scalar(_, ScalarKind::Int | ScalarKind::Float) => Found::Number,
            Value::Scalar(_, ScalarKind::Null) => Found::Nothing,
        }
    }

    fn describe(self) -> &'static str {
        match self {
            Found::List => "a list",
            Found::Mapping => "a mapping",
            Found::Text => "text",
            Found::Boolean => "a boolean",
            Found::Number => "a number",
            Found::Nothing => "nothing",
        }
    }
}

/// The message id of a type error, one for each pair the decoders report: each accepts what it
/// expects and null (text accepts every scalar), so the other pairs never occur.
fn wrong_type_id(expected: Expected, found: Found) -> Option<&'static str> {
    use {Expected as E, Found as F};
    Some(match (expected, found) {
        (E::Mapping, F::List) => "validator-wrong-type-mapping-list",
        (E::Mapping, F::Text) => "validator-wrong-type-mapping-text",
        (E::Mapping, F::Boolean) => "validator-wrong-type-mapping-boolean",
        (E::Mapping, F::Number) => "validator-wrong-type-mapping-number",
        (E::Text, F::List) => "validator-wrong-type-text-list",
        (E::Text, F::Mapping) => "validator-wrong-type-text-mapping",
        (E::Boolean, F::Text) => "validator-wrong-type-boolean-text",
        (E::Boolean, F::Number) => "validator-wrong-type-boolean-number",
        (E::Boolean, F::List) => "validator-wrong-type-boolean-list",
        (E::Boolean, F::Mapping) => "validator-wrong-type-boolean-mapping",
        (E::List, F::Mapping) => "validator-wrong-type-list-mapping",
        (E::List, F::Text) => "validator-wrong-type-list-text",
        (E::List, F::Boolean) => "validator-wrong-type-list-boolean",
        (E::List, F::Number) => "validator-wrong-type-list-number",
        _ => return None,
    })
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
    pub fn type_error(&mut self, node: &Node, expected: Expected) -> TypeError {
        if !self.found.has_room() {
            self.found.count_unlisted(Severity::Error);
            return TypeError;
        }
        let line = node.pos.line;
        let key = self.positions.key_at_line(line);
        let found = Found::of(node);
        let diagnostic = match wrong_type_id(expected, found) {
            Some(id) => {
                let (expected, found) = (expected.describe(), found.describe());
                let message = if id == "validator-wrong-type-boolean-text" {
                    format!(
                        "wrong type for this field: expected {expected}, found {found} (write true or false without quotes; yes/no/on/off are text in YAML 1.2)"
                    )
                } else {
                    format!("wrong type for this field: expected {expected}, found {found}")
                };
                Diagnostic::error(key, message).said(id, &[])
            }
            // Not reported by any decoder (see `wrong_type_id`); said without the detail.
            None => Diagnostic::error(key, "wrong type for this field")
                .said("validator-wrong-type", &[]),
        };
        self.found.push(diagnostic.at(line, 1));
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
            .said("validator-unknown-field", &[("field", key.text.as_str().into())])
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
            _ => Err(self.type_error(node, Expected::Mapping)),
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
            _ => Err(self.type_error(node, Expected::Mapping)),
        }
    }

    /// Text. Numbers and booleans are accepted as their text (`softwareVersion: 1.0`).
    pub fn string(&mut self, node: Option<&Node>) -> Decoded<String> {
        let Some(node) = node else { return Ok(None) };
        match &node.value {
            Value::Scalar(_, ScalarKind::Null) => Ok(None),
            Value::Scalar(s, _) => Ok(Some(s.clone())),
            _ => Err(self.type_error(node, Expected::Text)),
        }
    }

    /// A boolean: YAML `true` or `false`.
    pub fn boolean(&mut self, node: Option<&Node>) -> Decoded<bool> {
        let Some(node) = node else { return Ok(None) };
        match &node.value {
            Value::Scalar(_, ScalarKind::Null) => Ok(None),
            Value::Scalar(_, ScalarKind::Bool(b)) => Ok(Some(*b)),
            _ => Err(self.type_error(node, Expected::Boolean)),
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
            _ => Err(self.type_error(node, Expected::List)),
        }
    }

    /// A list of text values.
    pub fn strings(&mut self, node: Option<&Node>) -> Decoded<Vec<String>> {
        self.list(node, |d, n| match &n.value {
            Value::Scalar(_, ScalarKind::Null) => Ok(String::new()),
            Value::Scalar(s, _) => Ok(s.clone()),
            _ => Err(d.type_error(n, Expected::Text)),
        })
    }
}
