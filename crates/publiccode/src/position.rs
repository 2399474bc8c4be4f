//! Mapping key paths to source positions and back, with the reference validator's rules, so that
//! line and column numbers agree with it.
//!
//! Both directions go through an index built once per document ([`Positions`]): walking the tree
//! again for every problem made a file of 100,000 keys take a minute.

use crate::yaml::{Key, Node, Value};
use std::collections::HashMap;
use std::fmt::Write;

/// Longest key, in characters, written into a key path named from a line: a path repeats its
/// ancestors' keys, and one key of a megabyte above many problems would be copied into each.
const MAX_PATH_KEY_CHARS: usize = 200;

/// Where every key and list item of one document is.
pub(crate) struct Positions<'a> {
    root: &'a Node,
    /// Every mapping's entries, by the mapping's address and the key.
    entries: HashMap<(usize, &'a str), (&'a Key, &'a Node)>,
    /// Every key and list item, depth first, each with its parent.
    steps: Vec<Step<'a>>,
    /// The first step (depth first) that starts on each line.
    first_on_line: HashMap<usize, usize>,
}

struct Step<'a> {
    parent: Option<usize>,
    label: Label<'a>,
}

enum Label<'a> {
    Key(&'a str),
    Item(usize),
}

/// A step still to index: a key (or list item) and the value under it.
struct Visit<'a> {
    parent: Option<usize>,
    label: Label<'a>,
    line: usize,
    node: &'a Node,
}

fn address(node: &Node) -> usize {
    std::ptr::from_ref(node) as usize
}

fn pos_of_key(key: &Key) -> (usize, usize) {
    (key.pos.line, key.pos.column)
}

fn pos_of_node(node: &Node) -> (usize, usize) {
    (node.pos.line, node.pos.column)
}

impl<'a> Positions<'a> {
    /// Indexes a document, depth first without recursion, in the order the reference
    /// validator searches it.
    pub fn new(root: &'a Node) -> Self {
        let mut index = Positions {
            root,
            entries: HashMap::new(),
            steps: Vec::new(),
            first_on_line: HashMap::new(),
        };
        let mut visits = Vec::new();
        index.expand(root, None, &mut visits);
        while let Some(visit) = visits.pop() {
            let step = index.steps.len();
            index.steps.push(Step {
                parent: visit.parent,
                label: visit.label,
            });
            index.first_on_line.entry(visit.line).or_insert(step);
            index.expand(visit.node, Some(step), &mut visits);
        }
        index
    }

    /// Registers a node's entries and queues its children, first child on top.
    fn expand(&mut self, node: &'a Node, parent: Option<usize>, visits: &mut Vec<Visit<'a>>) {
        match &node.value {
            Value::Map(entries) => {
                for (key, value) in entries {
                    self.entries
                        .insert((address(node), key.text.as_str()), (key, value));
                }
                visits.extend(entries.iter().rev().map(|(key, value)| Visit {
                    parent,
                    label: Label::Key(&key.text),
                    line: key.pos.line,
                    node: value,
                }));
            }
            Value::Seq(items) => {
                visits.extend(items.iter().enumerate().rev().map(|(i, item)| Visit {
                    parent,
                    label: Label::Item(i),
                    line: item.pos.line,
                    node: item,
                }));
            }
            Value::Scalar(..) => {}
        }
    }

    /// The key path of the first key (or list item) that starts on `line`, depth first.
    pub fn key_at_line(&self, line: usize) -> String {
        let mut labels = Vec::new();
        let mut at = self.first_on_line.get(&line).copied();
        while let Some(step) = at.and_then(|i| self.steps.get(i)) {
            labels.push(&step.label);
            at = step.parent;
        }
        let mut path = String::new();
        for label in labels.iter().rev() {
            match label {
                Label::Key(text) => {
                    if !path.is_empty() {
                        path.push('.');
                    }
                    push_shortened(&mut path, text);
                }
                Label::Item(i) => {
                    let _ = write!(path, "[{i}]");
                }
            }
        }
        path
    }

    /// Where the value at `key` (dots and `[n]` indices) is, as `(line, column)`; `(0, 0)` for
    /// the whole file (an empty key). A missing final key points at the first key of its
    /// mapping (or the `{` of a flow mapping), so "X is required" lands next to where X
    /// belongs; a key whose parent is missing too points at the nearest ancestor that exists.
    pub fn position_of(&self, key: &str) -> (usize, usize) {
        if key.is_empty() {
            return (0, 0);
        }
        let parts: Vec<&str> = key.split('.').collect();
        let mut node = self.root;
        let mut nearest = match pos_of_node(self.root) {
            (0, _) => (1, 1),
            pos => pos,
        };
        for (depth, part) in parts.iter().enumerate() {
            let last = depth + 1 == parts.len();
            let (base, index) = split_index(part);
            let Value::Map(entries) = &node.value else {
                return pos_of_node(node);
            };
            let Some(&(k, v)) = self.entries.get(&(address(node), base)) else {
                if node.flow {
                    return pos_of_node(node);
                }
                return match entries.first() {
                    Some((first, _)) if last => pos_of_key(first),
                    _ => nearest,
                };
            };
            node = match (index, &v.value) {
                (None, _) => v,
                (Some(i), Value::Seq(items)) if i < items.len() => &items[i],
                (Some(_), _) => return pos_of_key(k),
            };
            if last {
                return match index {
                    Some(_) => pos_of_node(node),
                    None => pos_of_key(k),
                };
            }
            nearest = match index {
                Some(_) => pos_of_node(node),
                None => pos_of_key(k),
            };
        }
        nearest
    }
}

fn push_shortened(path: &mut String, key: &str) {
    match key.char_indices().nth(MAX_PATH_KEY_CHARS) {
        Some((cut, _)) => {
            path.push_str(&key[..cut]);
            path.push('…');
        }
        None => path.push_str(key),
    }
}

fn split_index(part: &str) -> (&str, Option<usize>) {
    if let Some(open) = part.rfind('[')
        && part.ends_with(']')
    {
        let inner = &part[open + 1..part.len() - 1];
        if !inner.is_empty() && inner.bytes().all(|b| b.is_ascii_digit()) {
            return (&part[..open], inner.parse().ok());
        }
    }
    (part, None)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::yaml::load;

    const DOC: &str = "name: x\nlegal:\n  license: MIT\ndescription:\n  en:\n    features:\n      - a\n      - b\nloc: {}\n";

    #[test]
    fn finds_keys_and_list_items() {
        let root = load(DOC).unwrap().unwrap();
        let index = Positions::new(&root);
        assert_eq!(index.position_of("legal.license"), (3, 3));
        assert_eq!(index.position_of("description.en.features[1]"), (8, 9));
        assert_eq!(index.position_of("legal.missing"), (3, 3));
        assert_eq!(index.position_of("loc.missing"), (9, 6));
        assert_eq!(index.position_of(""), (0, 0));
    }

    #[test]
    fn a_key_under_a_missing_parent_points_at_the_nearest_ancestor() {
        let root = load(DOC).unwrap().unwrap();
        let index = Positions::new(&root);
        assert_eq!(index.position_of("nothing.here"), (1, 1));
        assert_eq!(index.position_of("legal.nothing.here"), (2, 1));
        assert_eq!(index.position_of("description.en.nothing[0].x"), (5, 3));
        let root = load("# a comment\n\n  name: x\n").unwrap().unwrap();
        assert_eq!(
            Positions::new(&root).position_of("maintenance.type"),
            (3, 3)
        );
    }

    #[test]
    fn names_the_key_on_a_line() {
        let root = load(DOC).unwrap().unwrap();
        let index = Positions::new(&root);
        assert_eq!(index.key_at_line(3), "legal.license");
        assert_eq!(index.key_at_line(7), "description.en.features[0]");
        assert_eq!(index.key_at_line(42), "");
    }

    #[test]
    fn a_very_long_key_is_shortened_in_paths_under_it() {
        let long = "k".repeat(5_000);
        // An implicit key is at most 1,024 characters long; an explicit one is not.
        let root = load(&format!("? {long}\n:\n  child: 1\n"))
            .unwrap()
            .unwrap();
        let path = Positions::new(&root).key_at_line(3);
        assert_eq!(path, format!("{}….child", "k".repeat(MAX_PATH_KEY_CHARS)));
    }
}
