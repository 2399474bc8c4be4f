//! Checks of the demo catalog against the validator and against what the demo must show.

mod catalog;
mod content;
mod repository;
