//! Feeds arbitrary text to the workflow parser (the bounds check, then saphyr's loader). It
//! must never panic, overflow the stack or run out of memory, and whatever it accepts must be
//! walkable by the security checks.
#![no_main]

use commons_assess::workflow::{Workflow, parse};
use libfuzzer_sys::fuzz_target;
use std::sync::Arc;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(Some(doc)) = parse(text) {
        let workflow = Workflow {
            path: "x.yml".into(),
            doc: Arc::new(doc),
        };
        let _ = workflow.triggers();
        let _ = workflow.steps();
    }
});
