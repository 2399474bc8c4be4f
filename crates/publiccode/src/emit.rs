//! Writing a [`PublicCode`] back as publiccode.yml text.

use crate::model::PublicCode;
use serde_json::Value;
use std::fmt::Write;

/// Serialises the model as YAML in block style, every string double-quoted (so no value can be
/// misread as a number, a boolean or null). Parsing the result gives the same model back.
pub fn to_yaml(publiccode: &PublicCode) -> String {
    let value = serde_json::to_value(publiccode).unwrap_or(Value::Null);
    let mut out = String::new();
    block(&mut out, &value, 0);
    out
}

fn quote(s: &str) -> String {
    // A JSON string is a valid YAML double-quoted scalar.
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into())
}

fn is_nonempty_collection(value: &Value) -> bool {
    match value {
        Value::Object(m) => !m.is_empty(),
        Value::Array(a) => !a.is_empty(),
        _ => false,
    }
}

/// Writes a non-empty collection as indented block lines.
fn block(out: &mut String, value: &Value, indent: usize) {
    let child = |out: &mut String, v: &Value| {
        if is_nonempty_collection(v) {
            out.push('\n');
            block(out, v, indent + 2);
        } else {
            let _ = writeln!(out, " {}", scalar(v));
        }
    };
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                let _ = write!(out, "{:indent$}{}:", "", quote(k), indent = indent);
                child(out, v);
            }
        }
        Value::Array(items) => {
            for item in items {
                let _ = write!(out, "{:indent$}-", "", indent = indent);
                child(out, item);
            }
        }
        other => {
            let _ = writeln!(out, "{}", scalar(other));
        }
    }
}

fn scalar(value: &Value) -> String {
    match value {
        Value::Null => "null".into(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => quote(s),
        Value::Array(_) => "[]".into(),
        Value::Object(_) => "{}".into(),
    }
}
