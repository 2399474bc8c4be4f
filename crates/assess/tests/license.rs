use crate::support::*;
use commons_assess::license::{DetectedFile, Family};

#[test]
fn many_license_texts_are_recognised_with_their_family() {
    let cases = [
        ("MIT", "MIT", Family::Permissive),
        ("Apache-2.0", "Apache-2.0", Family::Permissive),
        ("BSD-3-Clause", "BSD-3-Clause", Family::Permissive),
        ("MPL-2.0", "MPL-2.0", Family::WeakCopyleft),
        ("LGPL-2.1-only", "LGPL-2.1", Family::WeakCopyleft),
        ("GPL-3.0-only", "GPL-3.0", Family::StrongCopyleft),
        ("EUPL-1.2", "EUPL-1.2", Family::StrongCopyleft),
        ("AGPL-3.0-only", "AGPL-3.0", Family::NetworkCopyleft),
    ];
    for (id, prefix, family) in cases {
        let repo = TestRepo::new();
        repo.write("LICENSE", license_text(id));
        repo.commit();
        let a = assess(repo.path());
        let file = &a.license.files[0];
        let found = file
            .license
            .as_deref()
            .unwrap_or_else(|| panic!("{id}: {:?}", file.problem));
        assert!(found.starts_with(prefix), "{id} detected as {found}");
        assert!(file.confidence >= 0.9, "{id}: {}", file.confidence);
        assert_eq!(a.license.family, family, "{id}");
        assert!(a.license.osi_approved, "{id}");
        assert!(!a.license.mismatch, "{id}: no declaration, no mismatch");
    }
}

#[test]
fn declared_license_agrees_with_the_file() {
    let repo = TestRepo::new();
    repo.write("LICENSE", license_text("MIT"));
    repo.write("publiccode.yml", publiccode("MIT"));
    repo.commit();
    let a = assess(repo.path());
    assert!(a.publiccode.valid, "{:?}", a.errors);
    assert_eq!(a.license.declared.as_deref(), Some("MIT"));
    assert!(!a.license.mismatch);
    assert_eq!(a.license.effective.as_deref(), Some("MIT"));
    assert!(
        a.license
            .evidence
            .iter()
            .any(|e| e.file.as_deref() == Some("LICENSE")
                && e.commit.as_deref() == Some(a.commit.as_str()))
    );
}

#[test]
fn declared_license_that_disagrees_is_flagged() {
    let repo = TestRepo::new();
    repo.write("COPYING", license_text("GPL-3.0-only"));
    repo.write("publiccode.yml", publiccode("MIT"));
    repo.commit();
    let a = assess(repo.path());
    assert!(a.license.mismatch);
    assert!(
        a.license
            .mismatch_detail
            .as_deref()
            .unwrap()
            .contains("GPL-3.0")
    );
}

#[test]
fn an_or_later_declaration_agrees_with_the_shared_license_text() {
    // The GPL family's -only and -or-later share one text; "or later" is in the headers.
    for (file, declared) in [
        ("GPL-3.0-only", "GPL-3.0-or-later"),
        ("AGPL-3.0-only", "AGPL-3.0-or-later"),
        ("LGPL-2.1-only", "LGPL-2.1-or-later"),
    ] {
        let repo = TestRepo::new();
        repo.write("COPYING", license_text(file));
        repo.write("publiccode.yml", publiccode(declared));
        repo.commit();
        let a = assess(repo.path());
        assert!(
            !a.license.mismatch,
            "{declared}: {:?}",
            a.license.mismatch_detail
        );
    }
    // Another version's text still disagrees.
    let repo = TestRepo::new();
    repo.write("COPYING", license_text("GPL-2.0-only"));
    repo.write("publiccode.yml", publiccode("GPL-3.0-or-later"));
    repo.commit();
    assert!(assess(repo.path()).license.mismatch);
}

#[test]
fn reuse_headers_and_licenses_directory() {
    let repo = TestRepo::new();
    repo.write("LICENSES/Apache-2.0.txt", license_text("Apache-2.0"));
    repo.write(
        "src/a.rs",
        "// SPDX-License-Identifier: Apache-2.0\nfn a() {}\n",
    );
    repo.write(
        "src/b.rs",
        "// SPDX-License-Identifier: Apache-2.0\nfn b() {}\n",
    );
    repo.write("src/c.py", "# SPDX-License-Identifier: MIT\n");
    repo.commit();
    let a = assess(repo.path());
    assert_eq!(a.license.files[0].license.as_deref(), Some("Apache-2.0"));
    let apache = a
        .license
        .spdx_headers
        .iter()
        .find(|h| h.expression == "Apache-2.0")
        .unwrap();
    assert_eq!(apache.files, 2);
    assert_eq!(a.license.spdx_headers.len(), 2);
}

#[test]
fn unrecognised_text_is_reported_with_its_best_candidate() {
    let repo = TestRepo::new();
    repo.write(
        "LICENSE",
        "All rights reserved. You may not copy this software.\n",
    );
    repo.commit();
    let a = assess(repo.path());
    assert!(a.license.files[0].license.is_none());
    assert!(!a.license.osi_approved);
    assert_eq!(a.license.family, Family::Unknown);
    assert!(
        a.errors
            .iter()
            .any(|e| e.check == "license" && e.message.contains("not recognised"))
    );
}

#[test]
fn no_license_at_all() {
    let repo = TestRepo::new();
    repo.write("README.md", "hello");
    repo.commit();
    let a = assess(repo.path());
    assert!(a.license.files.is_empty());
    assert!(a.license.effective.is_none());
    let check = a
        .security
        .checks
        .iter()
        .find(|c| c.id == "License")
        .unwrap();
    assert_eq!(check.score, Some(0));
}

fn file<'a>(a: &'a commons_assess::Assessment, path: &str) -> &'a DetectedFile {
    a.license
        .files
        .iter()
        .find(|f| f.file == path)
        .unwrap_or_else(|| panic!("{path} not among {:?}", a.license.files))
}

#[test]
fn an_apache_text_is_apache_and_pixars_text_is_pixar() {
    let apache = license_text("Apache-2.0");
    // The Rust project's LICENSE-APACHE, as anyhow ships it: the terms without the appendix.
    let terms_only = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/anyhow/LICENSE-APACHE"),
    )
    .unwrap();
    assert!(!terms_only.contains("APPENDIX") && apache.contains("APPENDIX"));
    // A project's edit: a copyright line on top and the appendix filled in.
    let edited = format!(
        "Copyright 2026 United Nations Example Agency\n\n{}",
        apache
            .replace("[yyyy]", "2026")
            .replace("[name of copyright owner]", "United Nations Example Agency")
    );
    assert_ne!(edited, apache);
    for (name, text) in [
        ("spdx text", apache.to_string()),
        ("terms only", terms_only),
        ("edited", edited),
    ] {
        let repo = TestRepo::new();
        repo.write("LICENSE", text);
        repo.commit();
        let a = assess(repo.path());
        let f = file(&a, "LICENSE");
        assert_eq!(f.license.as_deref(), Some("Apache-2.0"), "{name}: {f:?}");
        assert_eq!(f.variant_of, None, "{name}");
        assert_eq!(a.license.effective.as_deref(), Some("Apache-2.0"), "{name}");
        if name == "terms only" {
            // Pixar's license has no appendix either: it comes close, and the note says so.
            assert!(f.note.as_deref().unwrap_or("").contains("Pixar"), "{f:?}");
        }
    }
    let repo = TestRepo::new();
    repo.write("LICENSE", license_text("Pixar"));
    repo.commit();
    let a = assess(repo.path());
    let f = file(&a, "LICENSE");
    assert_eq!(f.license.as_deref(), Some("Pixar"), "{f:?}");
    assert_eq!(f.variant_of.as_deref(), Some("Apache-2.0"));
    assert!(
        f.note
            .as_deref()
            .unwrap()
            .contains("near-copy of Apache-2.0")
    );
}
