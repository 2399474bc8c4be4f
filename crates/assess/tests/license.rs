use crate::support::*;
use commons_assess::license::{DetectedFile, Family};
use commons_report::MessageArg;

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

/// Writes the files of `tests/fixtures/<name>` (real projects' files, see SOURCES.md) into the
/// repository, without those named in `leave_out`; `X.fixture` is written as `X`.
fn write_fixture(repo: &TestRepo, name: &str, leave_out: &[&str]) {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    let mut stack = vec![root.clone()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let relative = path.strip_prefix(&root).unwrap().to_str().unwrap();
            let relative = relative.strip_suffix(".fixture").unwrap_or(relative);
            if !leave_out.contains(&relative) {
                repo.write(relative, std::fs::read(&path).unwrap());
            }
        }
    }
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

#[test]
fn anyhow_is_mit_or_apache_as_its_cargo_toml_says() {
    let repo = TestRepo::new();
    write_fixture(&repo, "anyhow", &[]);
    repo.commit();
    let a = assess(repo.path());
    assert_eq!(
        file(&a, "LICENSE-APACHE").license.as_deref(),
        Some("Apache-2.0")
    );
    assert_eq!(file(&a, "LICENSE-MIT").license.as_deref(), Some("MIT"));
    assert_eq!(a.license.effective.as_deref(), Some("MIT OR Apache-2.0"));
    assert_eq!(
        a.license.effective_source.as_deref(),
        Some("Cargo.toml package.license")
    );
    assert!(!a.license.combination_unknown);
    assert!(!a.license.mismatch, "{:?}", a.license.mismatch_detail);
    assert_eq!(a.license.family, Family::Permissive);
    assert!(a.license.osi_approved);
    // The README says the same, in prose.
    let readme = a
        .license
        .project_declarations
        .iter()
        .find(|d| d.file == "README.md")
        .unwrap();
    assert_eq!(readme.expression.as_deref(), Some("Apache-2.0 OR MIT"));
    assert!(
        a.errors.iter().all(|e| e.check != "license"),
        "{:?}",
        a.errors
    );
}

#[test]
fn without_a_manifest_the_readme_sentence_decides_and_without_it_nothing_is_invented() {
    let repo = TestRepo::new();
    write_fixture(&repo, "anyhow", &["Cargo.toml"]);
    repo.commit();
    let a = assess(repo.path());
    assert_eq!(a.license.effective.as_deref(), Some("Apache-2.0 OR MIT"));
    assert_eq!(
        a.license.effective_source.as_deref(),
        Some("README.md sentence")
    );

    let repo = TestRepo::new();
    write_fixture(&repo, "anyhow", &["Cargo.toml", "README.md"]);
    repo.commit();
    let a = assess(repo.path());
    assert_eq!(a.license.effective, None, "two files are not an AND");
    assert!(a.license.combination_unknown);
    assert!(
        a.license.osi_approved,
        "each file's license is OSI-approved"
    );
    assert_eq!(a.license.family, Family::Permissive);
    assert!(
        a.license
            .evidence
            .iter()
            .any(|e| e.rule == "license-combination" && e.detail.contains("Apache-2.0, MIT"))
    );
}

#[test]
fn ripgrep_is_unlicense_or_mit_from_its_cargo_toml_or_its_copying_file() {
    let repo = TestRepo::new();
    write_fixture(&repo, "ripgrep", &[]);
    repo.commit();
    let a = assess(repo.path());
    assert_eq!(a.license.effective.as_deref(), Some("Unlicense OR MIT"));
    assert_eq!(
        a.license.effective_source.as_deref(),
        Some("Cargo.toml package.license")
    );
    assert!(!a.license.mismatch, "{:?}", a.license.mismatch_detail);
    assert_eq!(file(&a, "UNLICENSE").license.as_deref(), Some("Unlicense"));
    assert_eq!(file(&a, "LICENSE-MIT").license.as_deref(), Some("MIT"));
    // COPYING is a sentence, not a license text: a statement, not an unrecognised file.
    let copying = file(&a, "COPYING");
    assert_eq!(copying.license, None);
    assert_eq!(copying.problem, None);
    assert_eq!(copying.best_candidate, None);
    assert!(
        copying
            .note
            .as_deref()
            .unwrap()
            .contains("Unlicense OR MIT")
    );
    assert!(
        a.errors.iter().all(|e| e.check != "license"),
        "{:?}",
        a.errors
    );

    let repo = TestRepo::new();
    write_fixture(&repo, "ripgrep", &["Cargo.toml"]);
    repo.commit();
    let a = assess(repo.path());
    assert_eq!(a.license.effective.as_deref(), Some("Unlicense OR MIT"));
    assert_eq!(
        a.license.effective_source.as_deref(),
        Some("COPYING sentence")
    );
}

#[test]
fn synapse_is_agpl_or_later_or_commercial() {
    let repo = TestRepo::new();
    write_fixture(&repo, "synapse", &[]);
    repo.commit();
    let a = assess(repo.path());
    assert_eq!(
        a.license.effective.as_deref(),
        Some("AGPL-3.0-or-later OR LicenseRef-Element-Commercial")
    );
    assert_eq!(
        a.license.effective_source.as_deref(),
        Some("pyproject.toml project.license")
    );
    assert_eq!(a.license.family, Family::NetworkCopyleft);
    assert!(!a.license.mismatch, "{:?}", a.license.mismatch_detail);
    assert!(!a.license.osi_approved, "a LicenseRef is not OSI-approved");
    let agpl = file(&a, "LICENSE-AGPL-3.0").license.as_deref().unwrap();
    assert!(agpl.starts_with("AGPL-3.0"), "{agpl}");
    let notice = &a.license.notice_headers[0];
    assert_eq!(
        (notice.expression.as_str(), notice.example.as_str()),
        ("AGPL-3.0-or-later", "synapse/__init__.py")
    );
}

#[test]
fn an_agpl_project_without_a_manifest_is_or_later_by_its_source_notices() {
    let repo = TestRepo::new();
    write_fixture(&repo, "synapse", &["pyproject.toml"]);
    repo.commit();
    let a = assess(repo.path());
    // The license file's text is the same for -only and -or-later; the notices say which.
    assert_eq!(a.license.effective.as_deref(), Some("AGPL-3.0-or-later"));
    assert_eq!(
        a.license.effective_source.as_deref(),
        Some("source headers")
    );
    assert_eq!(a.license.family, Family::NetworkCopyleft);

    // The same with an SPDX tag instead of the prose notice.
    let repo = TestRepo::new();
    repo.write("COPYING", license_text("AGPL-3.0-only"));
    repo.write(
        "src/main.rs",
        "// SPDX-License-Identifier: AGPL-3.0-or-later\nfn main() {}\n",
    );
    repo.write(
        "src/lib.rs",
        "// SPDX-License-Identifier: AGPL-3.0-or-later\n",
    );
    repo.commit();
    let a = assess(repo.path());
    assert_eq!(a.license.effective.as_deref(), Some("AGPL-3.0-or-later"));

    // Headers that name another license than the files' are not the project's declaration.
    let repo = TestRepo::new();
    repo.write("LICENSE", license_text("MIT"));
    repo.write("vendor.c", "/* SPDX-License-Identifier: GPL-2.0-only */\n");
    repo.commit();
    let a = assess(repo.path());
    assert_eq!(a.license.effective.as_deref(), Some("MIT"));
    assert_eq!(a.license.effective_source.as_deref(), Some("license files"));
}

#[test]
fn manifests_of_other_ecosystems_declare_the_combination() {
    let cases: [(&str, &str, &str); 5] = [
        (
            "package.json",
            r#"{"name": "x", "licenses": [{"type": "MIT", "url": "u"}, {"type": "Apache-2.0", "url": "v"}]}"#,
            "MIT OR Apache-2.0",
        ),
        (
            "composer.json",
            r#"{"name": "x/y", "license": ["MIT", "Apache-2.0"]}"#,
            "MIT OR Apache-2.0",
        ),
        (
            "setup.cfg",
            "[metadata]\nname = x\nlicense = MIT AND Apache-2.0\n",
            "MIT AND Apache-2.0",
        ),
        (
            "x.gemspec",
            "Gem::Specification.new do |s|\n  s.name = 'x'\n  s.license = 'MIT OR Apache-2.0'\nend\n",
            "MIT OR Apache-2.0",
        ),
        (
            "pom.xml",
            r#"<project>
  <licenses>
    <license><name>MIT License</name></license>
    <!-- <license><name>GNU General Public License v3.0</name></license> -->
    <license><name>The Apache Software License, Version 2.0</name></license>
  </licenses>
  <dependencyManagement><dependencies><dependency>
    <groupId>g</groupId><artifactId>a</artifactId><version>1</version>
    <licenses><license><name>GPL</name></license></licenses>
  </dependency></dependencies></dependencyManagement>
</project>"#,
            "MIT OR Apache-2.0",
        ),
    ];
    for (manifest, text, expected) in cases {
        let repo = TestRepo::new();
        repo.write("LICENSE-MIT", license_text("MIT"));
        repo.write("LICENSE-APACHE", license_text("Apache-2.0"));
        repo.write(manifest, text);
        repo.commit();
        let a = assess(repo.path());
        assert_eq!(a.license.effective.as_deref(), Some(expected), "{manifest}");
        assert!(
            a.license
                .effective_source
                .as_deref()
                .unwrap()
                .starts_with(manifest),
            "{manifest}"
        );
        assert!(!a.license.combination_unknown);
    }
}

#[test]
fn a_manifest_naming_its_license_file_and_a_broken_manifest() {
    let repo = TestRepo::new();
    repo.write(
        "Cargo.toml",
        "[package]\nname = \"x\"\nlicense-file = \"legal/EUPL-1.2.txt\"\n",
    );
    repo.write("legal/EUPL-1.2.txt", license_text("EUPL-1.2"));
    repo.write("package.json", "{ \"license\": ");
    repo.commit();
    let a = assess(repo.path());
    assert_eq!(a.license.effective.as_deref(), Some("EUPL-1.2"));
    assert_eq!(
        a.license.effective_source.as_deref(),
        Some("Cargo.toml package.license-file (legal/EUPL-1.2.txt)")
    );
    assert!(
        a.errors
            .iter()
            .any(|e| e.check == "license"
                && e.message.starts_with("package.json:1:13: invalid JSON")),
        "{:?}",
        a.errors
    );
}

#[test]
fn publiccode_still_wins_and_a_manifest_that_disagrees_is_a_mismatch() {
    let repo = TestRepo::new();
    repo.write("LICENSE", license_text("MIT"));
    repo.write(
        "Cargo.toml",
        "[package]\nname = \"x\"\nlicense = \"Apache-2.0\"\n",
    );
    repo.write("publiccode.yml", publiccode("MIT"));
    repo.commit();
    let a = assess(repo.path());
    assert_eq!(a.license.effective.as_deref(), Some("MIT"));
    assert_eq!(
        a.license.effective_source.as_deref(),
        Some("publiccode.yml legal.license")
    );
    assert!(a.license.mismatch);
    assert!(
        a.license
            .mismatch_detail
            .as_deref()
            .unwrap()
            .contains("Cargo.toml package.license declares Apache-2.0"),
        "{:?}",
        a.license.mismatch_detail
    );
    // The same sentence as a message, for readers in other languages.
    let ids: Vec<&str> = a
        .license
        .mismatch_l10n
        .iter()
        .map(|m| m.id.as_str())
        .collect();
    assert_eq!(ids, ["license-mismatch-project-declaration"]);
    let args = &a.license.mismatch_l10n[0].args;
    assert_eq!(args["expression"], MessageArg::Text("Apache-2.0".into()));
    assert_eq!(args["declared"], MessageArg::Text("MIT".into()));
    // Two reasons: two sentences, two messages, in order.
    repo.write("COPYING", license_text("GPL-3.0-only"));
    repo.commit();
    let a = assess(repo.path());
    let ids: Vec<&str> = a
        .license
        .mismatch_l10n
        .iter()
        .map(|m| m.id.as_str())
        .collect();
    assert_eq!(
        ids,
        [
            "license-mismatch-files-unmentioned",
            "license-mismatch-project-declaration"
        ]
    );
    assert_eq!(
        a.license
            .mismatch_detail
            .as_deref()
            .unwrap()
            .split("; ")
            .count(),
        2
    );
}

#[test]
fn without_publiccode_the_projects_declaration_is_held_to_the_files() {
    let repo = TestRepo::new();
    repo.write("LICENSE", license_text("MIT"));
    repo.write("COPYING", license_text("GPL-3.0-only"));
    repo.write("Cargo.toml", "[package]\nname = \"x\"\nlicense = \"MIT\"\n");
    repo.commit();
    let a = assess(repo.path());
    assert_eq!(a.license.effective.as_deref(), Some("MIT"));
    assert!(a.license.mismatch);
    assert_eq!(
        a.license.mismatch_detail.as_deref(),
        Some(
            "license files contain GPL-3.0-only which Cargo.toml package.license (MIT) does not mention"
        )
    );
    // The files agree with the declaration: no mismatch (ripgrep, anyhow and Synapse above too).
    let repo = TestRepo::new();
    repo.write("LICENSE", license_text("MIT"));
    repo.write(
        "Cargo.toml",
        "[package]\nname = \"x\"\nlicense = \"MIT OR Apache-2.0\"\n",
    );
    repo.commit();
    assert!(!assess(repo.path()).license.mismatch);
}
