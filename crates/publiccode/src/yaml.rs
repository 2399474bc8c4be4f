//! A bounded YAML loader: turns text into a tree of [`Node`]s that remember where they came from.
//!
//! We build our own tree from `saphyr-parser` events instead of using a ready-made loader because
//! the input is hostile: the loader enforces a nesting limit, a node budget and a budget of text
//! copied for anchors and aliases (together they defuse alias bombs, both "billion laughs" of
//! many small nodes and a few aliases of one huge value, since every copy is charged before it
//! is made), rejects duplicate keys and several documents in one file, and never recurses on the
//! input's structure, so deep nesting cannot overflow the stack (dropping the tree is iterative
//! too, see [`Node`]'s `Drop`).

use crate::Stopped;
use crate::message::{Message, MessageArg};
use saphyr_parser::{Event, Parser, ScalarStyle, Span};
use std::collections::{HashMap, HashSet};

/// Deepest nesting of collections accepted; real publiccode.yml files use about 5.
pub const MAX_DEPTH: usize = 64;
/// Most nodes a document may expand to (aliases count every time they are used).
pub const MAX_NODES: usize = 200_000;
/// Most bytes of text (scalars and keys) that anchors and aliases may copy in one document.
/// Real files copy a few kilobytes at most; a node budget alone lets 100,000 aliases of one
/// 200 KB string ask for 20 GB.
pub const MAX_COPIED_BYTES: usize = 4 * 1024 * 1024;
/// How many parser events pass between two calls of the caller's stop hook.
const EVENTS_BETWEEN_STOP_CHECKS: usize = 1024;

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
    /// The validator's diagnostic of this error (`YAML syntax error: ` and `message`) as a
    /// message id and arguments; absent for the YAML parser's own messages, English only.
    pub l10n: Option<Message>,
}

impl LoadError {
    /// One of the loader's own problems: `message`, said as the message `id` with `args`.
    fn at(pos: Pos, message: impl Into<String>, id: &str, args: &[(&str, MessageArg)]) -> Self {
        LoadError {
            message: message.into(),
            pos: Some(pos),
            l10n: Some(Message::new(id, args)),
        }
    }
}

/// Loads the text as a single YAML document. `Ok(None)` means the stream holds no document
/// (empty, or comments only).
pub fn load(text: &str) -> Result<Option<Node>, LoadError> {
    match Builder::new(&|| false).run(text) {
        Ok(root) => Ok(root),
        Err(Failure::Invalid(e)) => Err(e),
        // The hook above never asks to stop; this arm only keeps the match total.
        Err(Failure::Stopped) => Err(LoadError {
            message: "loading was stopped".into(),
            pos: None,
            l10n: None,
        }),
    }
}

/// The line (1-based) where the key at the dotted `path` (`legal.license`) starts in a YAML
/// document, when the document loads and has it; mapping keys only.
pub fn key_line(text: &str, path: &str) -> Option<usize> {
    let root = load(text).ok()??;
    let mut node = &root;
    let mut line = None;
    for segment in path.split('.') {
        let Value::Map(entries) = &node.value else {
            return None;
        };
        let (key, value) = entries.iter().find(|(key, _)| key.text == segment)?;
        line = Some(key.pos.line);
        node = value;
    }
    line
}

/// Loads the text like [`load`], calling `should_stop` now and then (every thousand or so
/// parser events) and giving up with [`Stopped`] as soon as it answers `true`: a caller whose
/// request has gone away stops paying for it.
pub fn load_until(
    text: &str,
    should_stop: &dyn Fn() -> bool,
) -> Result<Result<Option<Node>, LoadError>, Stopped> {
    match Builder::new(should_stop).run(text) {
        Ok(root) => Ok(Ok(root)),
        Err(Failure::Invalid(e)) => Ok(Err(e)),
        Err(Failure::Stopped) => Err(Stopped),
    }
}

enum Failure {
    Invalid(LoadError),
    Stopped,
}

impl From<LoadError> for Failure {
    fn from(e: LoadError) -> Self {
        Failure::Invalid(e)
    }
}

/// What copying a subtree costs: its nodes and the bytes of its scalars' and keys' text.
#[derive(Debug, Clone, Copy, Default)]
struct Cost {
    nodes: usize,
    bytes: usize,
}

impl Cost {
    fn add(&mut self, other: Cost) {
        self.nodes = self.nodes.saturating_add(other.nodes);
        self.bytes = self.bytes.saturating_add(other.bytes);
    }
}

enum Frame {
    Seq {
        items: Vec<Node>,
        pos: Pos,
        flow: bool,
        anchor: usize,
        children: Cost,
    },
    Map {
        entries: Vec<(Key, Node)>,
        /// The keys seen so far, so that a duplicate is found in constant time.
        keys: HashSet<String>,
        pending_key: Option<Key>,
        pos: Pos,
        flow: bool,
        anchor: usize,
        children: Cost,
    },
}

/// An anchored node, kept to be copied wherever an alias names it, with the cost of a copy.
struct Anchored {
    node: Node,
    cost: Cost,
}

struct Builder<'h> {
    stack: Vec<Frame>,
    anchors: HashMap<usize, Anchored>,
    nodes: usize,
    copied_bytes: usize,
    documents: usize,
    root: Option<Node>,
    should_stop: &'h dyn Fn() -> bool,
}

impl<'h> Builder<'h> {
    fn new(should_stop: &'h dyn Fn() -> bool) -> Self {
        Builder {
            stack: Vec::new(),
            anchors: HashMap::new(),
            nodes: 0,
            copied_bytes: 0,
            documents: 0,
            root: None,
            should_stop,
        }
    }

    fn run(mut self, text: &str) -> Result<Option<Node>, Failure> {
        let mut parser = Parser::new_from_str(text);
        let chars = CharIndex::new(text);
        let mut events = 0usize;
        while let Some(event) = parser.next_event() {
            events += 1;
            if events.is_multiple_of(EVENTS_BETWEEN_STOP_CHECKS) && (self.should_stop)() {
                return Err(Failure::Stopped);
            }
            let (event, span) = event.map_err(|e| LoadError {
                message: e.info().to_string(),
                pos: Some(Pos {
                    line: e.marker().line(),
                    column: e.marker().col() + 1,
                }),
                l10n: None,
            })?;
            let pos = Pos::from_span(&span);
            match event {
                Event::DocumentStart(_) => {
                    self.documents += 1;
                    if self.documents > 1 {
                        return Err(LoadError::at(
                            pos,
                            "multiple YAML documents in one file are not supported",
                            "validator-yaml-multiple-documents",
                            &[],
                        )
                        .into());
                    }
                }
                Event::Scalar(text, style, anchor, tag) => {
                    let kind = resolve_scalar(&text, style, tag.as_deref());
                    let cost = Cost {
                        nodes: 1,
                        bytes: text.len(),
                    };
                    self.charge_nodes(1, pos)?;
                    let node = Node {
                        value: Value::Scalar(text.into_owned(), kind),
                        pos,
                        flow: false,
                    };
                    self.remember(anchor, &node, cost)?;
                    self.push_node(node, cost)?;
                }
                Event::SequenceStart(anchor, _) => {
                    self.open(pos)?;
                    self.stack.push(Frame::Seq {
                        items: Vec::new(),
                        pos,
                        flow: is_flow(&chars, &span),
                        anchor,
                        children: Cost::default(),
                    });
                }
                Event::MappingStart(anchor, _) => {
                    self.open(pos)?;
                    self.stack.push(Frame::Map {
                        entries: Vec::new(),
                        keys: HashSet::new(),
                        pending_key: None,
                        pos,
                        flow: is_flow(&chars, &span),
                        anchor,
                        children: Cost::default(),
                    });
                }
                Event::SequenceEnd | Event::MappingEnd => self.close()?,
                Event::Alias(id) => self.copy_anchored(id, pos)?,
                Event::StreamEnd => break,
                Event::StreamStart | Event::DocumentEnd | Event::Nothing => {}
            }
        }
        Ok(self.root.take())
    }

    fn open(&self, pos: Pos) -> Result<(), LoadError> {
        if self.stack.len() >= MAX_DEPTH {
            return Err(LoadError::at(
                pos,
                format!("nesting is deeper than {MAX_DEPTH} levels"),
                "validator-yaml-too-deep",
                &[("max", MAX_DEPTH.into())],
            ));
        }
        Ok(())
    }

    fn charge_nodes(&mut self, count: usize, pos: Pos) -> Result<(), LoadError> {
        self.nodes = self.nodes.saturating_add(count);
        if self.nodes > MAX_NODES {
            return Err(LoadError::at(
                pos,
                format!(
                    "the document has more than {MAX_NODES} nodes (keys, values and list items; an alias counts its value's nodes each time it is used)"
                ),
                "validator-yaml-too-many-nodes",
                &[("max", MAX_NODES.into())],
            ));
        }
        Ok(())
    }

    /// Charges a copy of a subtree before it is made, so that a bomb is refused before it is
    /// built: `pos` is where the copy was asked for.
    fn charge_copy(&mut self, cost: Cost, pos: Pos) -> Result<(), LoadError> {
        self.charge_nodes(cost.nodes, pos)?;
        self.copied_bytes = self.copied_bytes.saturating_add(cost.bytes);
        if self.copied_bytes > MAX_COPIED_BYTES {
            return Err(LoadError::at(
                pos,
                format!(
                    "aliases expand to more than {MAX_COPIED_BYTES} bytes of text (an alias repeats a large value too often?)"
                ),
                "validator-yaml-aliases-too-large",
                &[("max", MAX_COPIED_BYTES.into())],
            ));
        }
        Ok(())
    }

    fn copy_anchored(&mut self, id: usize, pos: Pos) -> Result<(), LoadError> {
        let Some(cost) = self.anchors.get(&id).map(|a| a.cost) else {
            return Err(unknown_anchor(pos));
        };
        self.charge_copy(cost, pos)?;
        let Some(mut copy) = self.anchors.get(&id).map(|a| a.node.clone()) else {
            return Err(unknown_anchor(pos));
        };
        copy.pos = pos;
        self.push_node(copy, cost)
    }

    /// Keeps a copy of an anchored node for its aliases; the copy is charged like theirs, or
    /// nested anchors around one large value would each copy it unpaid.
    fn remember(&mut self, anchor: usize, node: &Node, cost: Cost) -> Result<(), LoadError> {
        if anchor != 0 {
            self.charge_copy(cost, node.pos)?;
            self.anchors.insert(
                anchor,
                Anchored {
                    node: node.clone(),
                    cost,
                },
            );
        }
        Ok(())
    }

    fn close(&mut self) -> Result<(), LoadError> {
        let (node, anchor, children) = match self.stack.pop() {
            Some(Frame::Seq {
                items,
                pos,
                flow,
                anchor,
                children,
            }) => (
                Node {
                    value: Value::Seq(items),
                    pos,
                    flow,
                },
                anchor,
                children,
            ),
            Some(Frame::Map {
                entries,
                pos,
                flow,
                anchor,
                children,
                ..
            }) => (
                Node {
                    value: Value::Map(entries),
                    pos,
                    flow,
                },
                anchor,
                children,
            ),
            None => return Ok(()),
        };
        self.charge_nodes(1, node.pos)?;
        let mut cost = Cost { nodes: 1, bytes: 0 };
        cost.add(children);
        self.remember(anchor, &node, cost)?;
        self.push_node(node, cost)
    }

    fn push_node(&mut self, node: Node, cost: Cost) -> Result<(), LoadError> {
        match self.stack.last_mut() {
            None => {
                self.root = Some(node);
                Ok(())
            }
            Some(Frame::Seq {
                items, children, ..
            }) => {
                children.add(cost);
                items.push(node);
                Ok(())
            }
            Some(Frame::Map {
                entries,
                keys,
                pending_key,
                children,
                ..
            }) => {
                children.add(cost);
                match pending_key.take() {
                    Some(key) => {
                        entries.push((key, node));
                        Ok(())
                    }
                    None => {
                        *pending_key = Some(new_key(keys, &node)?);
                        Ok(())
                    }
                }
            }
        }
    }
}

fn unknown_anchor(pos: Pos) -> LoadError {
    LoadError::at(
        pos,
        "alias refers to an unknown anchor",
        "validator-yaml-unknown-anchor",
        &[],
    )
}

/// A mapping key from the node read in a key's place: a scalar not seen before in its mapping.
fn new_key(seen: &mut HashSet<String>, node: &Node) -> Result<Key, LoadError> {
    let Value::Scalar(text, _) = &node.value else {
        return Err(LoadError::at(
            node.pos,
            "a mapping key must be a plain value, not a list or a mapping",
            "validator-yaml-key-not-scalar",
            &[],
        ));
    };
    if !seen.insert(text.clone()) {
        return Err(LoadError::at(
            node.pos,
            format!("duplicate key \"{text}\": each key may appear only once"),
            "validator-yaml-duplicate-key",
            &[("key", text.as_str().into())],
        ));
    }
    Ok(Key {
        text: text.clone(),
        pos: node.pos,
    })
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
    fn a_key_is_found_by_its_dotted_path() {
        let text = "publiccodeYmlVersion: '0.4'\nlegal:\n  # the licence\n  license: MIT\n  repoOwner: UNICEF\ndescription:\n  en:\n    documentation: https://docs.example.org\n";
        assert_eq!(key_line(text, "legal.license"), Some(4));
        assert_eq!(key_line(text, "legal.repoOwner"), Some(5));
        assert_eq!(key_line(text, "description.en.documentation"), Some(8));
        assert_eq!(key_line(text, "legal.mainCopyrightOwner"), None);
        assert_eq!(
            key_line(text, "legal.license.spdx"),
            None,
            "a scalar has no keys"
        );
        assert_eq!(key_line("legal: [", "legal"), None, "not YAML");
    }

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

    /// 100,000 aliases of one 200 KB string: 100,001 nodes, well inside the node budget, but
    /// 20 GB once expanded. Refused at the alias that goes over the text budget.
    #[test]
    fn aliases_of_a_large_value_are_refused_where_they_exceed_the_budget() {
        let mut text = format!("a: &a \"{}\"\nb: [", "x".repeat(200 * 1024));
        text.push_str(&"*a, ".repeat(100_000));
        text.push_str("*a]\n");
        let started = std::time::Instant::now();
        let err = load(&text).unwrap_err();
        assert!(err.message.contains("aliases expand"), "{}", err.message);
        // The anchor's own copy and 19 aliases fit in 4 MiB; the 20th does not.
        let twentieth = 5 + 4 * 19;
        assert_eq!(
            err.pos,
            Some(Pos {
                line: 2,
                column: twentieth
            })
        );
        assert!(started.elapsed() < std::time::Duration::from_secs(5));
    }

    #[test]
    fn nested_anchors_around_a_large_value_are_charged_for_their_copies() {
        let mut text = String::from("a: ");
        for i in 0..30 {
            text.push_str(&format!("&n{i} ["));
        }
        text.push_str(&format!("\"{}\"", "x".repeat(200 * 1024)));
        text.push_str(&"]".repeat(30));
        let err = load(&text).unwrap_err();
        assert!(err.message.contains("aliases expand"), "{}", err.message);
    }

    #[test]
    fn a_few_aliases_of_a_real_sized_value_are_fine() {
        let long = "x".repeat(10_000);
        let text = format!("en: &d \"{long}\"\nfr: *d\nit: *d\n");
        let doc = load(&text).unwrap().unwrap();
        assert_eq!(doc.get("it").unwrap().as_scalar().unwrap().0, long);
        assert_eq!(doc.get("it").unwrap().pos, Pos { line: 3, column: 5 });
    }

    #[test]
    fn a_mapping_of_many_keys_loads_in_linear_time() {
        // Just inside the node budget (a key and its value are two nodes).
        let keys = MAX_NODES / 2 - 1;
        let text: String = (0..keys).map(|i| format!("k{i}: 1\n")).collect();
        let started = std::time::Instant::now();
        let doc = load(&text).unwrap().unwrap();
        assert!(matches!(&doc.value, Value::Map(entries) if entries.len() == keys));
        // The second "k7" is on line 9: after the first, and k0 to k6.
        let err = load(&format!("k7: 2\n{text}")).unwrap_err();
        assert_eq!(err.pos, Some(Pos { line: 9, column: 1 }));
        assert!(err.message.contains("duplicate key \"k7\""));
        assert!(started.elapsed() < std::time::Duration::from_secs(5));
    }

    #[test]
    fn loading_stops_when_the_hook_asks() {
        let text: String = (0..10_000).map(|i| format!("k{i}: 1\n")).collect();
        let calls = std::cell::Cell::new(0);
        let stop_at_second_call = || {
            calls.set(calls.get() + 1);
            calls.get() >= 2
        };
        assert_eq!(load_until(&text, &stop_at_second_call), Err(Stopped));
        assert_eq!(calls.get(), 2);
        assert!(matches!(load_until(&text, &|| false), Ok(Ok(Some(_)))));
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
