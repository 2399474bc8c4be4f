//! What the CLI's test binaries share: running the real `commons` binary. Each test file is
//! its own binary and uses part of this, hence the `dead_code` allowance.
#![allow(dead_code)]

use std::process::{Command, Output};

/// Runs the `commons` binary built for these tests with `args`; the environment's catalog
/// settings are removed, so only the test's own flags decide where it writes.
pub fn commons(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_commons"))
        .args(args)
        .env_remove("COMMONS_DATABASE")
        .env_remove("COMMONS_DATA")
        .output()
        .expect("commons runs")
}

/// What a run wrote on standard output.
pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// What a run wrote on standard error.
pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}
