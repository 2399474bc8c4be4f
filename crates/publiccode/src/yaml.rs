//! A bounded YAML loader: turns text into a tree of [`Node`]s that remember where they came from.
//!
//! We build our own tree from `saphyr-parser` events instead of using a ready-made loader because
//! the input is hostile: the loader enforces a nesting limit, a node budget (which also defuses
//! "billion laughs" alias bombs, since aliases are expanded against that budget), rejects duplicate
//! keys and several documents in one file, and never recurses on the input's structure, so deep
//! nesting cannot overflow the stack (dropping the tree is iterative too, see [`Node`]'s `Drop`).

use saphyr_parser::{Event, Parser, ScalarStyle, Span};
use std::collections::HashMap;

/// Deepest nesting of collections accepted; real publiccode.yml files use about 5.
pub const MAX_DEPTH: usize = 64;
/// Most nodes a document may expand to (aliases count every time they are used).
pub const MAX_NODES: usize = 200_000;

/// A position in the source: line and column, both 1-based, column counted in characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Pos {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
}

impl Pos {
    fn from_span(span: &Span) -> Self {
        Pos {
            line: span.start.line(),
            column: span.start.col() + 1,
        }
    }
}

/// What a scalar looks like under the YAML 1.2 core schema.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScalarKind {
    /// A string (quoted, block, or a plain scalar that is nothing else).
    Str,
    /// `null`, `~` or empty.
    Null,
    /// `true` / `false`.
    Bool(bool),
    /// An integer.
    Int,
    /// A floating-point number.
    Float,
}

/// The content of a node.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// A scalar, with its text and resolved kind.
    Scalar(String, ScalarKind),
    /// A sequence.
    Seq(Vec<Node>),
    /// A mapping, in source order; keys are scalars' text.
    Map(Vec<(Key, Node)>),
}

/// A mapping key: its text and where it starts.
#[derive(Debug, Clone, PartialEq)]
pub struct Key {
    /// The key's text.
    pub text: String,
    /// Where the key starts.
    pub pos: Pos,
}

/// A YAML node with its position.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// The content.
    pub value: Value,
    /// Where the node starts.
    pub pos: Pos,
    /// Whether a collection was written in flow style (`[...]`, `{...}`).
    pub flow: bool,
}

impl Drop for Node {
    // Dropping a deeply nested tree recursively could overflow the stack; flatten it instead.
    fn drop(&mut self) {
        let mut stack: Vec<Node> = Vec::new();
        take_children(&mut self.value, &mut stack);
        while let Some(mut node) = stack.pop() {
            take_children(&mut node.value, &mut stack);
        }
    }
}

fn take_children(value: &mut Value, stack: &mut Vec<Node>) {
    match value {
        Value::Seq(items) => stack.append(items),
        Value::Map(entries) => stack.extend(std::mem::take(entries).into_iter().map(|(_, v)| v)),
        Value::Scalar(..) => {}
    }
}

impl Node {
    /// The scalar's text, if this node is a scalar.
    pub fn as_scalar(&self) -> Option<(&str, ScalarKind)> {
        match &self.value {
            Value::Scalar(s, k) => Some((s, *k)),
            _ => None,
        }
    }

    /// Whether this node is a null scalar.
    pub fn is_null(&self) -> bool {
        matches!(self.value, Value::Scalar(_, ScalarKind::Null))
    }

    /// Looks a key up in a mapping node.
    pub fn get(&self, key: &str) -> Option<&Node> {
        match &self.value {
            Value::Map(entries) => entries.iter().find(|(k, _)| k.text == key).map(|(_, v)| v),
            _ => None,
        }
    }
}

/// Why a text could not be loaded as one YAML document.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct LoadError {
    /// What went wrong, in words.
    pub message: String,
    /// Where, when known.
    pub pos: Option<Pos>,
}

impl LoadError {
    fn at(pos: Pos, message: impl Into<String>) -> Self {
        LoadError {
            message: message.into(),
            pos: Some(pos),
        }
    }
}

/// Loads the text as a single YAML document. `Ok(None)` means the stream holds no document
/// (empty, or comments only).
pub fn load(text: &str) -> Result<Option<Node>, LoadError> {
    Builder::default().run(text)
}

enum Frame {
    Seq {
        items: Vec<Node>,
        pos: Pos,
        flow: bool,
        anchor: usize,
    },
    Map {
        entries: Vec<(Key, Node)>,
        pending_key: Option<Key>,
        pos: Pos,
        flow: bool,
        anchor: usize,
    },
}

#[derive(Default)]
struct Builder {
    stack: Vec<Frame>,
    anchors: HashMap<usize, Node>,
    nodes: usize,
    documents: usize,
    root: Option<Node>,
}

impl Builder {
    fn run(mut self, text: &str) -> Result<Option<Node>, LoadError> {
        let mut parser = Parser::new_from_str(text);
        let chars = CharIndex::new(text);
        while let Some(event) = parser.next_event() {
            let (event, span) = event.map_err(|e| {
                LoadError::at(
                    Pos {
                        line: e.marker().line(),
                        column: e.marker().col() + 1,
                    },
                    e.info().to_string(),
                )
            })?;
            let pos = Pos::from_span(&span);
            match event {
                Event::DocumentStart(_) => {
                    self.documents += 1;
                    if self.documents > 1 {
                        return Err(LoadError::at(
                            pos,
                            "multiple YAML documents in one file are not supported",
                        ));
                    }
                }
                Event::Scalar(text, style, anchor, tag) => {
                    let kind = resolve_scalar(&text, style, tag.as_deref());
                    let node = Node {
                        value: Value::Scalar(text.into_owned(), kind),
                        pos,
                        flow: false,
                    };
                    self.remember(anchor, &node);
                    self.push_node(node)?;
                }
                Event::SequenceStart(anchor, _) => {
                    self.open(pos)?;
                    self.stack.push(Frame::Seq {
                        items: Vec::new(),
                        pos,
                        flow: is_flow(&chars, &span),
                        anchor,
                    });
                }
                Event::MappingStart(anchor, _) => {
                    self.open(pos)?;
                    self.stack.push(Frame::Map {
                        entries: Vec::new(),
                        pending_key: None,
                        pos,
                        flow: is_flow(&chars, &span),
                        anchor,
                    });
                }
                Event::SequenceEnd | Event::MappingEnd => self.close()?,
                Event::Alias(id) => {
                    let Some(size) = self.anchors.get(&id).map(count_nodes) else {
                        return Err(LoadError::at(pos, "alias refers to an unknown anchor"));
                    };
                    // Charge before copying, so a bomb is refused before it is built.
                    self.charge(size.saturating_sub(1), pos)?;
                    let Some(mut copy) = self.anchors.get(&id).cloned() else {
                        return Err(LoadError::at(pos, "alias refers to an unknown anchor"));
                    };
                    copy.pos = pos;
                    self.push_node(copy)?;
                }
                Event::StreamEnd => break,
                Event::StreamStart | Event::DocumentEnd | Event::Nothing => {}
            }
        }
        Ok(self.root.take())
    }

    fn open(&mut self, pos: Pos) -> Result<(), LoadError> {
        if self.stack.len() >= MAX_DEPTH {
            return Err(LoadError::at(
                pos,
                format!("nesting is deeper than {MAX_DEPTH} levels"),
            ));
        }
        Ok(())
    }

    fn charge(&mut self, count: usize, pos: Pos) -> Result<(), LoadError> {
        self.nodes = self.nodes.saturating_add(count);
        if self.nodes > MAX_NODES {
            return Err(LoadError::at(
                pos,
                format!("the document expands to more than {MAX_NODES} nodes (too many aliases?)"),
            ));
        }
        Ok(())
    }

    fn remember(&mut self, anchor: usize, node: &Node) {
        if anchor != 0 {
            self.anchors.insert(anchor, node.clone());
        }
    }

    fn close(&mut self) -> Result<(), LoadError> {
        let node = match self.stack.pop() {
            Some(Frame::Seq {
                items,
                pos,
                flow,
                anchor,
            }) => {
                let node = Node {
                    value: Value::Seq(items),
                    pos,
                    flow,
                };
                self.remember(anchor, &node);
                node
            }
            Some(Frame::Map {
                entries,
                pos,
                flow,
                anchor,
                ..
            }) => {
                let node = Node {
                    value: Value::Map(entries),
                    pos,
                    flow,
                };
                self.remember(anchor, &node);
                node
            }
            None => return Ok(()),
        };
        self.push_node(node)
    }

    fn push_node(&mut self, node: Node) -> Result<(), LoadError> {
        self.charge(1, node.pos)?;
        match self.stack.last_mut() {
            None => {
                self.root = Some(node);
                Ok(())
            }
            Some(Frame::Seq { items, .. }) => {
                items.push(node);
                Ok(())
            }
            Some(Frame::Map {
                entries,
                pending_key,
                ..
            }) => match pending_key.take() {
                Some(key) => {
                    entries.push((key, node));
                    Ok(())
                }
                None => {
                    let text = match &node.value {
                        Value::Scalar(s, _) => s.clone(),
                        _ => {
                            return Err(LoadError::at(
                                node.pos,
                                "a mapping key must be a plain value, not a list or a mapping",
                            ));
                        }
                    };
                    if entries.iter().any(|(k, _)| k.text == text) {
                        return Err(LoadError::at(
                            node.pos,
                            format!("duplicate key \"{text}\": each key may appear only once"),
                        ));
                    }
                    *pending_key = Some(Key {
                        text,
                        pos: node.pos,
                    });
                    Ok(())
                }
            },
        }
    }
}

/// Finds the character at a character index quickly: saphyr reports positions in characters,
/// and a linear scan per collection would make large non-ASCII files quadratic.
struct CharIndex<'a> {
    text: &'a str,
    /// Byte offset of every 256th character.
    checkpoints: Vec<usize>,
}

impl<'a> CharIndex<'a> {
    const STRIDE: usize = 256;

    fn new(text: &'a str) -> Self {
        let checkpoints = if text.is_ascii() {
            Vec::new()
        } else {
            text.char_indices()
                .step_by(Self::STRIDE)
                .map(|(b, _)| b)
                .collect()
        };
        CharIndex { text, checkpoints }
    }

    fn char_at(&self, index: usize) -> Option<char> {
        if self.checkpoints.is_empty() {
            return self.text.as_bytes().get(index).map(|&b| b as char);
        }
        let start = *self.checkpoints.get(index / Self::STRIDE)?;
        self.text[start..].chars().nth(index % Self::STRIDE)
    }
}

fn is_flow(chars: &CharIndex<'_>, span: &Span) -> bool {
    // The start event of a flow collection spans its opening indicator.
    matches!(chars.char_at(span.start.index()), Some('[' | '{'))
}

fn count_nodes(node: &Node) -> usize {
    let mut count = 0usize;
    let mut stack = vec![node];
    while let Some(n) = stack.pop() {
        count += 1;
        match &n.value {
            Value::Seq(items) => stack.extend(items.iter()),
            Value::Map(entries) => stack.extend(entries.iter().map(|(_, v)| v)),
            Value::Scalar(..) => {}
        }
    }
    count
}

/// Resolves a scalar under the YAML 1.2 core schema (so `yes`/`no`/`on`/`off` are strings,
/// as in the reference validator).
fn resolve_scalar(text: &str, style: ScalarStyle, tag: Option<&saphyr_parser::Tag>) -> ScalarKind {
    if let Some(tag) = tag {
        if tag.handle == "tag:yaml.org,2002:" || tag.handle == "!!" {
            return match tag.suffix.as_str() {
                "str" => ScalarKind::Str,
                "null" => ScalarKind::Null,
                "bool" => match text {
                    "true" | "True" | "TRUE" => ScalarKind::Bool(true),
                    "false" | "False" | "FALSE" => ScalarKind::Bool(false),
                    _ => ScalarKind::Str,
                },
                "int" => ScalarKind::Int,
                "float" => ScalarKind::Float,
                _ => ScalarKind::Str,
            };
        }
        return ScalarKind::Str;
    }
    if style != ScalarStyle::Plain {
        return ScalarKind::Str;
    }
    match text {
        "" | "~" | "null" | "Null" | "NULL" => ScalarKind::Null,
        "true" | "True" | "TRUE" => ScalarKind::Bool(true),
        "false" | "False" | "FALSE" => ScalarKind::Bool(false),
        _ if is_int(text) => ScalarKind::Int,
        _ if is_float(text) => ScalarKind::Float,
        _ => ScalarKind::Str,
    }
}

fn is_int(s: &str) -> bool {
    let digits = s.strip_prefix(['-', '+']).unwrap_or(s);
    if let Some(hex) = s.strip_prefix("0x") {
        return !hex.is_empty() && hex.bytes().all(|b| b.is_ascii_hexdigit());
    }
    if let Some(oct) = s.strip_prefix("0o") {
        return !oct.is_empty() && oct.bytes().all(|b| (b'0'..=b'7').contains(&b));
    }
    !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
}

fn is_float(s: &str) -> bool {
    let body = s.strip_prefix(['-', '+']).unwrap_or(s);
    if matches!(body, ".inf" | ".Inf" | ".INF") || matches!(s, ".nan" | ".NaN" | ".NAN") {
        return true;
    }
    let (mantissa, exponent) = match body.find(['e', 'E']) {
        Some(i) => (&body[..i], Some(&body[i + 1..])),
        None => (body, None),
    };
    let mut parts = mantissa.splitn(2, '.');
    let int_part = parts.next().unwrap_or("");
    let frac_part = parts.next();
    let digits_ok = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
    let mantissa_ok = match frac_part {
        Some(frac) => {
            digits_ok(int_part) && digits_ok(frac) && !(int_part.is_empty() && frac.is_empty())
        }
        None => !int_part.is_empty() && digits_ok(int_part) && exponent.is_some(),
    };
    let exponent_ok = exponent.is_none_or(|e| {
        let e = e.strip_prefix(['-', '+']).unwrap_or(e);
        !e.is_empty() && digits_ok(e)
    });
    mantissa_ok && exponent_ok
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_core_schema_scalars() {
        let doc = load("a: yes\nb: true\nc: 0.2\nd: '0.2'\ne:\nf: 12\n")
            .unwrap()
            .unwrap();
        let kind = |k: &str| doc.get(k).unwrap().as_scalar().unwrap().1;
        assert_eq!(kind("a"), ScalarKind::Str);
        assert_eq!(kind("b"), ScalarKind::Bool(true));
        assert_eq!(kind("c"), ScalarKind::Float);
        assert_eq!(kind("d"), ScalarKind::Str);
        assert_eq!(kind("e"), ScalarKind::Null);
        assert_eq!(kind("f"), ScalarKind::Int);
    }

    #[test]
    fn positions_are_one_based() {
        let doc = load("name: x\nlegal:\n  license: MIT\n").unwrap().unwrap();
        let Value::Map(entries) = &doc.value else {
            panic!("not a map")
        };
        assert_eq!(entries[1].0.pos, Pos { line: 2, column: 1 });
        let legal = doc.get("legal").unwrap();
        let Value::Map(inner) = &legal.value else {
            panic!("not a map")
        };
        assert_eq!(inner[0].0.pos, Pos { line: 3, column: 3 });
    }

    #[test]
    fn rejects_duplicate_keys_with_position() {
        let err = load("name: a\nurl: b\nname: c\n").unwrap_err();
        assert_eq!(err.pos, Some(Pos { line: 3, column: 1 }));
        assert!(err.message.contains("duplicate key \"name\""));
    }

    #[test]
    fn rejects_deep_nesting_without_overflowing() {
        for text in [
            "[".repeat(100_000),
            "a:\n".to_string() + &"- ".repeat(100_000),
        ] {
            let err = load(&text).unwrap_err();
            assert!(
                err.message.contains("nesting") || err.message.contains("recursion"),
                "{}",
                err.message
            );
            assert!(err.pos.is_some());
        }
    }

    #[test]
    fn alias_bomb_hits_the_node_budget() {
        let mut text = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..10 {
            let prev = (b'a' + i - 1) as char;
            let cur = (b'a' + i) as char;
            text.push_str(&format!(
                "{cur}: &{cur} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"
            ));
        }
        let err = load(&text).unwrap_err();
        assert!(err.message.contains("nodes"), "{}", err.message);
    }

    #[test]
    fn rejects_multiple_documents() {
        let err = load("a: 1\n---\nb: 2\n").unwrap_err();
        assert!(err.message.contains("multiple YAML documents"));
    }

    #[test]
    fn empty_stream_has_no_document() {
        assert_eq!(load("").unwrap(), None);
        assert_eq!(load("# only a comment\n").unwrap(), None);
    }

    #[test]
    fn flow_style_is_recorded() {
        let doc = load("a: []\nb:\n  - x\n").unwrap().unwrap();
        assert!(doc.get("a").unwrap().flow);
        assert!(!doc.get("b").unwrap().flow);
    }
}
