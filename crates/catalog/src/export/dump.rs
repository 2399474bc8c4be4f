//! The whole catalog as one JSON document, written entry by entry: every organisation, then
//! every listed entry with its metadata, its live publiccode.yml as the typed model and as the
//! text published. The shape is documented in the OpenAPI document (`CatalogDump`) and in
//! `docs/exports.md`.

use crate::model::{ForgeKind, Organisation, Software};
use commons_publiccode::PublicCode;
use serde::Serialize;
use std::collections::HashMap;

/// The dump's format name, in its `format` key.
pub const DUMP_FORMAT: &str = "commons-catalog-dump";
/// The dump's version, in its `version` key; raised when a key changes meaning or goes.
pub const DUMP_VERSION: u32 = 1;

/// One entry of the dump.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct DumpEntry<'a> {
    id: &'a str,
    name: &'a str,
    repository_url: &'a str,
    forge: ForgeKind,
    default_branch: Option<&'a str>,
    last_commit: Option<&'a str>,
    organisation_id: Option<&'a str>,
    live_revision_id: Option<i64>,
    created_at: String,
    updated_at: String,
    publiccode: &'a PublicCode,
    publiccode_yml: &'a str,
}

fn rfc3339(seconds: i64) -> String {
    jiff::Timestamp::from_second(seconds)
        .unwrap_or(jiff::Timestamp::UNIX_EPOCH)
        .to_string()
}

/// Writes the dump in pieces: [`JsonDump::start`], [`JsonDump::entries`] for each page,
/// [`JsonDump::finish`].
#[derive(Default)]
pub struct JsonDump {
    written: usize,
}

impl JsonDump {
    /// The head: format, version, the last change number the dump starts from, and the
    /// organisations; then the opening of the entries' array.
    pub fn start(&mut self, organisations: &[Organisation], last_change: i64) -> Vec<u8> {
        let organisations =
            serde_json::to_string(organisations).expect("organisations serialise to JSON");
        format!(
            "{{\"format\":\"{DUMP_FORMAT}\",\"version\":{DUMP_VERSION},\
             \"lastChange\":{last_change},\"organisations\":{organisations},\"software\":["
        )
        .into_bytes()
    }

    /// One page of entries, each with its live revision's text from `raw` (by revision id);
    /// an entry without a live model or text is skipped.
    pub fn entries(&mut self, entries: &[Software], raw: &HashMap<i64, String>) -> Vec<u8> {
        let mut out = Vec::new();
        for software in entries {
            let (Some(model), Some(text)) = (
                &software.publiccode,
                software.live_revision_id.and_then(|id| raw.get(&id)),
            ) else {
                continue;
            };
            let entry = DumpEntry {
                id: &software.id,
                name: &software.name,
                repository_url: &software.repository_url,
                forge: software.forge,
                default_branch: software.default_branch.as_deref(),
                last_commit: software.last_commit.as_deref(),
                organisation_id: software.organisation_id.as_deref(),
                live_revision_id: software.live_revision_id,
                created_at: rfc3339(software.created_at),
                updated_at: rfc3339(software.updated_at),
                publiccode: model,
                publiccode_yml: text,
            };
            if self.written > 0 {
                out.push(b',');
            }
            serde_json::to_writer(&mut out, &entry).expect("entries serialise to JSON");
            self.written += 1;
        }
        out
    }

    /// The end of the document.
    pub fn finish(&mut self) -> Vec<u8> {
        b"]}\n".to_vec()
    }
}
