//! The built-in demo catalog: fictional but realistic `publiccode.yml` files from UN agencies and
//! national and municipal public bodies, for `commons serve --demo` to load into an empty
//! catalog so that a first look at the product shows a real-looking UN-system catalog.
//!
//! The crate holds data and does no I/O. Everything is embedded at compile time; nothing is read
//! at run time. [`repository`] makes, from each entry, the history of a fictional repository (a
//! `git fast-import` stream), so that the demo catalog's entries can be assessed like crawled
//! ones.
//!
//! # Where the data lives
//!
//! - `data/<publisher-id>/<slug>.yml`: one publiccode.yml per entry, readable and checkable with
//!   `commons validate crates/demo/data/*/*.yml`.
//! - `data/publishers.yml`: the publishers (`id`, `name`, `uri`) and, under each publisher's
//!   `entries`, every slug with its age in days (how long ago the entry was "last updated", so
//!   that sorting by update date looks real). The file has a fixed line-based shape, read by
//!   `build.rs` without a YAML library; its header describes it.
//!
//! `build.rs` generates the `include_str!` table and fails the build when a file has no age,
//! an age has no file, or a directory has no publisher.
//!
//! # What the data covers
//!
//! Entries are written for this project (fictional projects, people and hosts: every URL is on an
//! `.example` host, every address on an `example.org`-style domain). They vary agencies,
//! categories, licences, development statuses, software types and maintenance types, and have
//! descriptions in the six UN languages, some without English. A few use deprecated keys so
//! that they validate with warnings, none with errors.
//!
//! The security fixture ([`security_fixture`], `fixtures/markup-sanitiser-fixture.yml`) is not
//! a demo entry: its texts hold HTML and script payloads that must render as inert text, and
//! tests load it beside the demo; a newcomer's catalog never shows it.
#![deny(missing_docs)]

pub mod repository;

/// A demo publishing organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DemoPublisher {
    /// Short identifier, also the name of the publisher's directory under `data/`.
    pub id: &'static str,
    /// Display name.
    pub name: &'static str,
    /// The organisation's URI, as its entries give it in `organisation.uri`.
    pub uri: Option<&'static str>,
}

/// One demo publiccode.yml.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DemoEntry {
    /// The [`DemoPublisher::id`] of the publisher.
    pub publisher_id: &'static str,
    /// Path under `data/`, e.g. `unicef/case-compass.yml`, for messages.
    pub file: &'static str,
    /// The publiccode.yml text.
    pub source: &'static str,
    /// How many days ago the entry was "last updated".
    pub age_days: u32,
}

include!(concat!(env!("OUT_DIR"), "/demo_data.rs"));

/// The security fixture: an entry of `unicc` whose texts hold markup and script payloads, for
/// tests that check every page, feed and API answer shows them as inert text. Not among
/// [`entries`].
pub fn security_fixture() -> DemoEntry {
    DemoEntry {
        publisher_id: "unicc",
        file: "fixtures/markup-sanitiser-fixture.yml",
        source: include_str!("../fixtures/markup-sanitiser-fixture.yml"),
        age_days: 7,
    }
}

/// The demo publishers, in the order of `data/publishers.yml`.
pub fn publishers() -> &'static [DemoPublisher] {
    PUBLISHERS
}

/// The demo entries, grouped by publisher, each publisher's sorted by file name.
pub fn entries() -> &'static [DemoEntry] {
    ENTRIES
}

/// The publisher with this id.
pub fn publisher(id: &str) -> Option<&'static DemoPublisher> {
    PUBLISHERS.iter().find(|p| p.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_entry_names_a_known_publisher() {
        for e in entries() {
            assert!(publisher(e.publisher_id).is_some(), "{}", e.file);
            assert!(e.file.starts_with(&format!("{}/", e.publisher_id)));
        }
    }

    #[test]
    fn unknown_publisher_is_none() {
        assert!(publisher("no-such-agency").is_none());
    }
}
