//! Feeds arbitrary bytes to the validator. It must never panic, and whenever it accepts a file,
//! writing the model back to YAML and validating that must give the same model.
#![no_main]

use commons_publiccode::{Options, to_yaml, validate};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let first = validate(data, &Options::default());
    if let Some(model) = first.publiccode {
        let text = to_yaml(&model);
        let second = validate(text.as_bytes(), &Options::default());
        assert!(
            second.is_valid(),
            "re-emitted YAML is invalid: {:?}\n{text}",
            second.diagnostics
        );
        assert_eq!(second.publiccode.as_ref(), Some(&model), "{text}");
    }
});
