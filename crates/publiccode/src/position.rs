//! Mapping key paths to source positions and back, with the reference validator's rules, so that
//! line and column numbers agree with it.

use crate::yaml::{Node, Value};

/// The key path of the first key (or list item) that starts on `line`, depth first.
pub(crate) fn key_at_line(root: &Node, line: usize) -> String {
    let mut out = String::new();
    if find_at_line(root, line, &mut out) {
        out
    } else {
        String::new()
    }
}

fn find_at_line(node: &Node, line: usize, prefix: &mut String) -> bool {
    match &node.value {
        Value::Map(entries) => {
            for (key, value) in entries {
                let len = prefix.len();
                if !prefix.is_empty() {
                    prefix.push('.');
                }
                prefix.push_str(&key.text);
                if key.pos.line == line || find_at_line(value, line, prefix) {
                    return true;
                }
                prefix.truncate(len);
            }
            false
        }
        Value::Seq(items) => {
            for (i, item) in items.iter().enumerate() {
                let len = prefix.len();
                prefix.push_str(&format!("[{i}]"));
                if item.pos.line == line || find_at_line(item, line, prefix) {
                    return true;
                }
                prefix.truncate(len);
            }
            false
        }
        Value::Scalar(..) => false,
    }
}

/// Where the value at `key` (dots and `[n]` indices) is, as `(line, column)`; `(0, 0)` if
/// nowhere useful. A missing final key points at the first key of its mapping (or the `{` of a
/// flow mapping), so "X is required" lands next to where X belongs.
pub(crate) fn position_of(root: &Node, key: &str) -> (usize, usize) {
    if key.is_empty() {
        return (0, 0);
    }
    let parts: Vec<&str> = key.split('.').collect();
    find_pos(root, &parts)
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

fn find_pos(node: &Node, parts: &[&str]) -> (usize, usize) {
    let Some((first, rest)) = parts.split_first() else {
        return (0, 0);
    };
    let (base, index) = split_index(first);
    match &node.value {
        Value::Map(entries) => {
            for (k, v) in entries {
                if k.text != base {
                    continue;
                }
                if let Some(i) = index {
                    return match &v.value {
                        Value::Seq(items) if i < items.len() => {
                            if rest.is_empty() {
                                (items[i].pos.line, items[i].pos.column)
                            } else {
                                find_pos(&items[i], rest)
                            }
                        }
                        _ => (k.pos.line, k.pos.column),
                    };
                }
                if rest.is_empty() {
                    return (k.pos.line, k.pos.column);
                }
                return find_pos(v, rest);
            }
            if node.flow {
                return (node.pos.line, node.pos.column);
            }
            if rest.is_empty()
                && let Some((k, _)) = entries.first()
            {
                return (k.pos.line, k.pos.column);
            }
            (0, 0)
        }
        _ => (node.pos.line, node.pos.column),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::yaml::load;

    const DOC: &str = "name: x\nlegal:\n  license: MIT\ndescription:\n  en:\n    features:\n      - a\n      - b\nloc: {}\n";

    #[test]
    fn finds_keys_and_list_items() {
        let root = load(DOC).unwrap().unwrap();
        assert_eq!(position_of(&root, "legal.license"), (3, 3));
        assert_eq!(position_of(&root, "description.en.features[1]"), (8, 9));
        assert_eq!(position_of(&root, "legal.missing"), (3, 3));
        assert_eq!(position_of(&root, "loc.missing"), (9, 6));
        assert_eq!(position_of(&root, "nothing.here"), (0, 0));
    }

    #[test]
    fn names_the_key_on_a_line() {
        let root = load(DOC).unwrap().unwrap();
        assert_eq!(key_at_line(&root, 3), "legal.license");
        assert_eq!(key_at_line(&root, 7), "description.en.features[0]");
        assert_eq!(key_at_line(&root, 42), "");
    }
}
