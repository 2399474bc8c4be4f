//! Replays every input kept in `tests/fuzz_regressions/`: inputs that once crashed the fuzz
//! target (none so far) and hostile seeds of the same kinds. None may panic, and a file that is
//! accepted must survive the YAML round trip, as the fuzz target demands.

use commons_publiccode::{Options, to_yaml, validate};

#[test]
fn every_kept_input_is_handled() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fuzz_regressions");
    let mut replayed = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        let validation = validate(&bytes, &Options::default());
        if let Some(model) = &validation.publiccode {
            let again = validate(to_yaml(model).as_bytes(), &Options::default());
            assert_eq!(again.publiccode.as_ref(), Some(model), "{}", path.display());
        } else {
            assert!(
                validation.errors().next().is_some(),
                "{}: rejected without an error",
                path.display()
            );
        }
        replayed += 1;
    }
    assert!(replayed >= 5, "the kept inputs are there");
}
