//! GitHub Actions workflow files, parsed once for the security checks.

use crate::CheckError;
use crate::bounds;
use crate::repo::{Repo, TreeEntry};
use crate::say::say;
use saphyr::{LoadableYamlNode, YamlOwned};
use std::collections::HashMap;
use std::sync::Arc;

/// Largest workflow file parsed.
pub const MAX_WORKFLOW_BYTES: u64 = 512 * 1024;
/// Most workflow files read in one repository (real ones have tens).
pub const MAX_WORKFLOWS: usize = 500;

/// One parsed workflow.
pub struct Workflow {
    /// Path in the repository.
    pub path: String,
    /// The document (shared by every path to the same blob).
    pub doc: Arc<YamlOwned>,
}

/// One step of a job.
pub struct Step<'a> {
    /// The job's key.
    pub job: &'a str,
    /// `uses:` when present.
    pub uses: Option<&'a str>,
    /// `run:` when present.
    pub run: Option<&'a str>,
    /// `with:` mapping.
    pub with: Option<&'a YamlOwned>,
}

/// True for a file under `.github/workflows/` (or Gitea's `.gitea/workflows/`) ending in .yml/.yaml.
pub fn is_workflow(entry: &TreeEntry) -> bool {
    let dir = entry.dir();
    (dir == ".github/workflows" || dir == ".gitea/workflows")
        && (entry.name().ends_with(".yml") || entry.name().ends_with(".yaml"))
}

/// Reads and parses every workflow; a file that cannot be parsed, or is refused by the
/// [`bounds`], is a per-check error. A blob several paths point to is parsed once.
pub fn load(repo: &Repo, tree: &[TreeEntry], errors: &mut Vec<CheckError>) -> Vec<Workflow> {
    let mut out = Vec::new();
    let mut parsed: HashMap<&str, Option<Arc<YamlOwned>>> = HashMap::new();
    for (count, entry) in tree.iter().filter(|e| is_workflow(e)).enumerate() {
        if count >= MAX_WORKFLOWS {
            errors.push(CheckError::new(
                "workflows",
                say(
                    "error-too-many-workflows",
                    &[("limit", MAX_WORKFLOWS.into())],
                ),
            ));
            break;
        }
        if !entry.is_file() {
            errors.push(CheckError::new(
                "workflows",
                say(
                    "error-not-regular-file",
                    &[("file", entry.path.as_str().into())],
                ),
            ));
            continue;
        }
        let doc = match parsed.get(entry.oid.as_str()) {
            Some(doc) => doc.clone(),
            None => {
                let doc = parse_entry(repo, entry, errors).map(Arc::new);
                parsed.insert(&entry.oid, doc.clone());
                doc
            }
        };
        if let Some(doc) = doc {
            out.push(Workflow {
                path: entry.path.clone(),
                doc,
            });
        }
    }
    out
}

/// Reads and parses one workflow file; `None` (with an error noted) when it cannot be used.
fn parse_entry(repo: &Repo, entry: &TreeEntry, errors: &mut Vec<CheckError>) -> Option<YamlOwned> {
    let bytes = match repo.read(entry, MAX_WORKFLOW_BYTES) {
        Ok(b) => b,
        Err(e) => {
            errors.push(CheckError::new("workflows", e.said_of(&entry.path)));
            return None;
        }
    };
    let Ok(text) = std::str::from_utf8(&bytes) else {
        errors.push(CheckError::new(
            "workflows",
            say("error-not-utf8", &[("file", entry.path.as_str().into())]),
        ));
        return None;
    };
    match parse(text) {
        Ok(doc) => doc,
        Err(refusal) => {
            errors.push(CheckError::new("workflows", refusal.said(&entry.path)));
            None
        }
    }
}

/// Parses a workflow's text: its first document, or `None` when it has none. The text is
/// checked against the [`bounds`] first, so hostile nesting or aliases are refused before
/// saphyr's loader (which recurses and copies) sees them.
pub fn parse(text: &str) -> Result<Option<YamlOwned>, bounds::Refusal> {
    bounds::check_yaml(text)?;
    let mut docs = YamlOwned::load_from_str(text).map_err(|e| bounds::Refusal::Syntax {
        line: e.marker().line(),
        column: e.marker().col() + 1,
        message: e.info().to_string(),
    })?;
    Ok((!docs.is_empty()).then(|| docs.swap_remove(0)))
}

/// A mapping value by key.
pub fn get<'a>(node: &'a YamlOwned, key: &str) -> Option<&'a YamlOwned> {
    node.as_mapping_get(key)
}

/// A string value (scalars of any kind are shown as written).
pub fn text(node: &YamlOwned) -> Option<&str> {
    node.as_str()
}

impl Workflow {
    /// The events that trigger the workflow (`on:` as a string, a list or a mapping).
    pub fn triggers(&self) -> Vec<String> {
        let Some(on) = get(&self.doc, "on") else {
            return Vec::new();
        };
        if let Some(s) = text(on) {
            return vec![s.to_string()];
        }
        if let Some(seq) = on.as_sequence() {
            return seq
                .iter()
                .filter_map(|v| text(v).map(str::to_string))
                .collect();
        }
        if let Some(map) = on.as_mapping() {
            return map
                .keys()
                .filter_map(|k| text(k).map(str::to_string))
                .collect();
        }
        Vec::new()
    }

    /// The jobs, by key.
    pub fn jobs(&self) -> Vec<(&str, &YamlOwned)> {
        get(&self.doc, "jobs")
            .and_then(|j| j.as_mapping())
            .map(|m| {
                m.iter()
                    .filter_map(|(k, v)| text(k).map(|k| (k, v)))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Every step of every job.
    pub fn steps(&self) -> Vec<Step<'_>> {
        let mut out = Vec::new();
        for (job, body) in self.jobs() {
            // A job that calls a reusable workflow has `uses` at job level.
            if let Some(uses) = get(body, "uses").and_then(text) {
                out.push(Step {
                    job,
                    uses: Some(uses),
                    run: None,
                    with: get(body, "with"),
                });
            }
            let Some(steps) = get(body, "steps").and_then(|s| s.as_sequence()) else {
                continue;
            };
            for step in steps {
                out.push(Step {
                    job,
                    uses: get(step, "uses").and_then(text),
                    run: get(step, "run").and_then(text),
                    with: get(step, "with"),
                });
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_triggers_jobs_and_steps() {
        let text = "on:\n  pull_request_target:\n  push:\njobs:\n  build:\n    steps:\n      - uses: actions/checkout@v4\n      - run: make test\n";
        let wf = Workflow {
            path: "x".into(),
            doc: Arc::new(parse(text).unwrap().unwrap()),
        };
        assert_eq!(wf.triggers(), vec!["pull_request_target", "push"]);
        let steps = wf.steps();
        assert_eq!(steps.len(), 2);
        assert_eq!(steps[0].uses, Some("actions/checkout@v4"));
        assert_eq!(steps[1].run, Some("make test"));
    }
}
