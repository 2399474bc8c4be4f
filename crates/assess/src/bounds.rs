//! Bounds checked on a repository's structured file before it is parsed into a tree.
//!
//! The tree builders used on YAML and JSON (saphyr's loader, `serde_json::Value`) recurse on
//! the input's nesting and copy an anchored node at every alias, so a small hostile file can
//! overflow the stack or expand to gigabytes. Rather than trust each builder's own limits,
//! which differ and are not all there, every such file is first scanned here without building
//! anything: a cheap, linear pass over the parser's events (YAML) or the bytes (JSON), that
//! refuses nesting deeper than [`MAX_DEPTH`] and, for YAML, aliases that would expand past
//! [`MAX_YAML_NODES`] nodes or [`MAX_YAML_EXPANDED_BYTES`] bytes of scalars.

use saphyr_parser::{Event, Parser};
use std::collections::HashMap;

/// Deepest nesting of collections accepted; real workflows and lockfiles use about 10.
pub const MAX_DEPTH: usize = 64;
/// Most nodes a YAML document may expand to, aliases counted every time they are used.
pub const MAX_YAML_NODES: usize = 200_000;
/// Most bytes of scalars a YAML document may expand to, aliases counted every time.
pub const MAX_YAML_EXPANDED_BYTES: usize = 16 * 1024 * 1024;

/// Why a file is refused before parsing.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    /// Collections nested deeper than [`MAX_DEPTH`].
    #[error("nesting deeper than {MAX_DEPTH} levels (line {line})")]
    TooDeep {
        /// 1-based line where the limit was passed.
        line: usize,
    },
    /// Aliases expand to more nodes than [`MAX_YAML_NODES`].
    #[error("aliases expand to more than {MAX_YAML_NODES} nodes (line {line})")]
    TooManyNodes {
        /// 1-based line where the limit was passed.
        line: usize,
    },
    /// Aliases expand to more scalar bytes than [`MAX_YAML_EXPANDED_BYTES`].
    #[error("aliases expand to more than {MAX_YAML_EXPANDED_BYTES} bytes (line {line})")]
    TooLarge {
        /// 1-based line where the limit was passed.
        line: usize,
    },
    /// The YAML is not well-formed.
    #[error("{line}:{column}: {message}")]
    Syntax {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What the parser said.
        message: String,
    },
}

impl Refusal {
    /// The refusal of `file` as a sentence of the method's messages; a parser's own words
    /// stay as written, in `detail`.
    pub fn said(&self, file: &str) -> commons_report::Said {
        use crate::say::say;
        let file = ("file", file.into());
        match self {
            Refusal::TooDeep { line } => say(
                "error-skipped-too-deep",
                &[file, ("limit", MAX_DEPTH.into()), ("line", (*line).into())],
            ),
            Refusal::TooManyNodes { line } => say(
                "error-skipped-too-many-nodes",
                &[
                    file,
                    ("limit", MAX_YAML_NODES.into()),
                    ("line", (*line).into()),
                ],
            ),
            Refusal::TooLarge { line } => say(
                "error-skipped-too-large",
                &[
                    file,
                    ("limit", MAX_YAML_EXPANDED_BYTES.into()),
                    ("line", (*line).into()),
                ],
            ),
            Refusal::Syntax {
                line,
                column,
                message,
            } => say(
                "error-syntax",
                &[
                    file,
                    ("line", (*line).into()),
                    ("column", (*column).into()),
                    ("detail", message.as_str().into()),
                ],
            ),
        }
    }
}

/// What a node (or an anchored subtree) costs once expanded.
#[derive(Debug, Clone, Copy, Default)]
struct Size {
    nodes: usize,
    bytes: usize,
}

/// An open collection: what had been counted when it started, and its anchor.
struct Open {
    start: Size,
    anchor: usize,
}

/// Checks a YAML text's nesting and alias expansion without building it.
pub fn check_yaml(text: &str) -> Result<(), Refusal> {
    let mut parser = Parser::new_from_str(text);
    let mut total = Size::default();
    let mut open: Vec<Open> = Vec::new();
    let mut anchors: HashMap<usize, Size> = HashMap::new();
    while let Some(event) = parser.next_event() {
        let (event, span) = event.map_err(|e| Refusal::Syntax {
            line: e.marker().line(),
            column: e.marker().col() + 1,
            message: e.info().to_string(),
        })?;
        let line = span.start.line();
        match event {
            Event::Scalar(value, _, anchor, _) => {
                let size = Size {
                    nodes: 1,
                    bytes: value.len(),
                };
                add(&mut total, size, line)?;
                if anchor > 0 {
                    anchors.insert(anchor, size);
                }
            }
            Event::SequenceStart(anchor, _) | Event::MappingStart(anchor, _) => {
                if open.len() >= MAX_DEPTH {
                    return Err(Refusal::TooDeep { line });
                }
                add(&mut total, Size { nodes: 1, bytes: 0 }, line)?;
                open.push(Open {
                    start: total,
                    anchor,
                });
            }
            Event::SequenceEnd | Event::MappingEnd => {
                if let Some(closed) = open.pop()
                    && closed.anchor > 0
                {
                    let inner = Size {
                        nodes: total.nodes - closed.start.nodes + 1,
                        bytes: total.bytes - closed.start.bytes,
                    };
                    anchors.insert(closed.anchor, inner);
                }
            }
            Event::Alias(id) => {
                let size = anchors
                    .get(&id)
                    .copied()
                    .unwrap_or(Size { nodes: 1, bytes: 0 });
                add(&mut total, size, line)?;
            }
            Event::StreamEnd => break,
            Event::StreamStart | Event::DocumentStart(_) | Event::DocumentEnd | Event::Nothing => {}
        }
    }
    Ok(())
}

fn add(total: &mut Size, size: Size, line: usize) -> Result<(), Refusal> {
    total.nodes = total.nodes.saturating_add(size.nodes);
    total.bytes = total.bytes.saturating_add(size.bytes);
    if total.nodes > MAX_YAML_NODES {
        return Err(Refusal::TooManyNodes { line });
    }
    if total.bytes > MAX_YAML_EXPANDED_BYTES {
        return Err(Refusal::TooLarge { line });
    }
    Ok(())
}

/// Checks a JSON text's nesting without parsing it (brackets inside strings do not count).
/// Syntax errors are left to the parser, which reports them with their position.
pub fn check_json(text: &str) -> Result<(), Refusal> {
    let mut depth = 0usize;
    let mut line = 1usize;
    let mut in_string = false;
    let mut escaped = false;
    for byte in text.bytes() {
        if byte == b'\n' {
            line += 1;
        }
        if in_string {
            match (escaped, byte) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match byte {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Err(Refusal::TooDeep { line });
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_nesting_is_bounded() {
        assert_eq!(check_yaml(&"- ".repeat(64)), Ok(()));
        assert_eq!(
            check_yaml(&format!("{}x", "- ".repeat(20_000))),
            Err(Refusal::TooDeep { line: 1 })
        );
        let flow = format!("a: {}{}", "[".repeat(65), "]".repeat(65));
        assert_eq!(check_yaml(&flow), Err(Refusal::TooDeep { line: 1 }));
    }

    #[test]
    fn aliases_are_charged_by_what_they_expand_to() {
        let scalar = format!(
            "a: &a \"{}\"\nb: [{}]\n",
            "x".repeat(200_000),
            "*a, ".repeat(100)
        );
        assert_eq!(check_yaml(&scalar), Err(Refusal::TooLarge { line: 2 }));
        let mut laughs = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for (name, previous) in ["b", "c", "d", "e", "f", "g"].iter().zip("abcdef".chars()) {
            let items = vec![format!("*{previous}"); 10].join(", ");
            laughs.push_str(&format!("{name}: &{name} [{items}]\n"));
        }
        assert!(matches!(
            check_yaml(&laughs),
            Err(Refusal::TooManyNodes { .. })
        ));
        assert_eq!(check_yaml("a: &a [1, 2]\nb: *a\nc: [*a, *a]\n"), Ok(()));
    }

    #[test]
    fn json_nesting_is_bounded_and_strings_do_not_count() {
        assert_eq!(check_json(&"[".repeat(64)), Ok(()));
        assert_eq!(
            check_json(&format!("{{\n\"a\": {}", "[".repeat(64))),
            Err(Refusal::TooDeep { line: 2 })
        );
        assert_eq!(check_json(&format!("[\"{}\"]", "[".repeat(1000))), Ok(()));
        assert_eq!(check_json(r#"["\"[[[[", {"a": []}]"#), Ok(()));
    }
}
