use crate::support::*;
use commons_assess::{Input, osv};
use std::io::Write;

/// A small OSV export, one record per ecosystem, ranges of every kind.
fn records() -> Vec<(&'static str, String)> {
    let rec = |id: &str, eco: &str, name: &str, ranges: &str, versions: &str| {
        format!(
            r#"{{"id":"{id}","modified":"2026-05-0{}T00:00:00Z","aliases":[],"summary":"{name} is vulnerable",
               "affected":[{{"package":{{"ecosystem":"{eco}","name":"{name}"}},"ranges":[{ranges}],"versions":[{versions}]}}]}}"#,
            id.len() % 9 + 1
        )
    };
    let semver = |intro: &str, fixed: &str| {
        format!(
            r#"{{"type":"SEMVER","events":[{{"introduced":"{intro}"}},{{"fixed":"{fixed}"}}]}}"#
        )
    };
    let eco = |intro: &str, fixed: &str| {
        format!(
            r#"{{"type":"ECOSYSTEM","events":[{{"introduced":"{intro}"}},{{"fixed":"{fixed}"}}]}}"#
        )
    };
    vec![
        ("RUSTSEC-2021-0003.json", rec("RUSTSEC-2021-0003", "crates.io", "smallvec", &semver("0.6.3", "1.6.1"), "")),
        ("GHSA-p6mc-m468-83gw.json", rec("GHSA-p6mc-m468-83gw", "npm", "lodash", &semver("0", "4.17.19"), "")),
        ("PYSEC-2021-98.json", rec("PYSEC-2021-98", "PyPI", "django", &eco("3.2", "3.2.4"), "")),
        ("GO-2021-0113.json", rec("GO-2021-0113", "Go", "golang.org/x/text", &semver("0", "0.3.7"), "")),
        ("GHSA-composer.json", rec("GHSA-composer", "Packagist", "symfony/http-kernel", &eco("5.0.0", "5.4.20"), "")),
        ("GHSA-gem.json", rec("GHSA-gem", "RubyGems", "nokogiri", &eco("0", "1.13.10"), "")),
        ("GHSA-maven.json", rec("GHSA-maven", "Maven", "com.fasterxml.jackson.core:jackson-databind", &eco("2.13.0", "2.13.4.1"), "")),
        ("GHSA-yarn.json", rec("GHSA-yarn", "npm", "minimist", "", r#""1.2.5""#)),
        ("PYSEC-poetry.json", rec("PYSEC-poetry", "PyPI", "Jinja2", &eco("0", "2.11.3"), "")),
        ("GHSA-git-only.json", rec("GHSA-git-only", "npm", "left-pad", r#"{"type":"GIT","repo":"https://example.org/x","events":[{"introduced":"0"}]}"#, "")),
        ("WITHDRAWN.json", r#"{"id":"WITHDRAWN-1","withdrawn":"2026-01-01T00:00:00Z","affected":[{"package":{"ecosystem":"npm","name":"lodash"},"versions":["4.17.15"]}]}"#.to_string()),
    ]
}

fn lockfile_repo(vulnerable: bool) -> TestRepo {
    let v = |bad: &'static str, good: &'static str| if vulnerable { bad } else { good };
    let repo = TestRepo::new();
    repo.write("Cargo.lock", format!("version = 3\n\n[[package]]\nname = \"app\"\nversion = \"0.1.0\"\n\n[[package]]\nname = \"smallvec\"\nversion = \"{}\"\nsource = \"registry+https://example.org/index\"\n", v("1.6.0", "1.6.1")));
    repo.write("web/package-lock.json", format!(r#"{{"lockfileVersion":3,"packages":{{"":{{"name":"web"}},"node_modules/lodash":{{"version":"{}"}},"node_modules/left-pad":{{"version":"1.3.0"}}}}}}"#, v("4.17.15", "4.17.21")));
    repo.write(
        "requirements.txt",
        format!("Django=={}\nrequests>=2.0\n", v("3.2.1", "3.2.4")),
    );
    repo.write(
        "go.sum",
        format!("golang.org/x/text v{} h1:abc\n", v("0.3.6", "0.3.7")),
    );
    repo.write(
        "composer.lock",
        format!(
            r#"{{"packages":[{{"name":"symfony/http-kernel","version":"v{}"}}]}}"#,
            v("5.4.19", "5.4.20")
        ),
    );
    repo.write("Gemfile.lock", format!("GEM\n  remote: https://example.org/\n  specs:\n    nokogiri ({}-x86_64-linux)\n\nPLATFORMS\n  ruby\n", v("1.13.9", "1.13.10")));
    repo.write("pom.xml", format!("<project><dependencies><dependency><groupId>com.fasterxml.jackson.core</groupId><artifactId>jackson-databind</artifactId><version>{}</version></dependency></dependencies></project>", v("2.13.4", "2.13.4.1")));
    repo.write(
        "ui/yarn.lock",
        format!("minimist@^1.2.0:\n  version \"{}\"\n", v("1.2.5", "1.2.6")),
    );
    repo.write(
        "poetry.lock",
        format!(
            "[[package]]\nname = \"jinja2\"\nversion = \"{}\"\n",
            v("2.11.2", "2.11.3")
        ),
    );
    repo.commit();
    repo
}

fn export_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, body) in records() {
        std::fs::write(dir.path().join(name), body).unwrap();
    }
    std::fs::write(dir.path().join("broken.json"), "{\n  \"id\": 5\n}").unwrap();
    dir
}

#[test]
fn every_lockfile_format_is_matched_against_the_imported_export() {
    let export = export_dir();
    let data = tempfile::tempdir().unwrap();
    let summary = osv::import(export.path(), data.path()).unwrap();
    assert_eq!(summary.records, 10);
    assert_eq!(summary.withdrawn, 1);
    assert_eq!(summary.rejected.len(), 1);
    assert!(
        summary.rejected[0].contains("broken.json:2:"),
        "{:?}",
        summary.rejected
    );
    let db = osv::Database::load(data.path()).unwrap();
    assert!(db.as_of().is_some_and(|d| d.starts_with("2026-05-0")));

    let repo = lockfile_repo(true);
    let a = assess_with(
        repo.path(),
        Input {
            osv: Some(&db),
            now: NOW,
            ..Default::default()
        },
    );
    let ids: Vec<&str> = a
        .vulnerabilities
        .findings
        .iter()
        .map(|f| f.id.as_str())
        .collect();
    for expected in [
        "RUSTSEC-2021-0003",
        "GHSA-p6mc-m468-83gw",
        "PYSEC-2021-98",
        "GO-2021-0113",
        "GHSA-composer",
        "GHSA-gem",
        "GHSA-maven",
        "GHSA-yarn",
        "PYSEC-poetry",
    ] {
        assert!(ids.contains(&expected), "{expected} not found in {ids:?}");
    }
    assert_eq!(a.vulnerabilities.distinct, 9);
    assert!(!ids.contains(&"WITHDRAWN-1"));
    assert_eq!(
        a.vulnerabilities.not_evaluated, 1,
        "left-pad has only a GIT range"
    );
    assert_eq!(a.vulnerabilities.lockfiles.len(), 9);
    let lodash = a
        .vulnerabilities
        .findings
        .iter()
        .find(|f| f.package == "lodash")
        .unwrap();
    assert_eq!(lodash.file, "web/package-lock.json");
    assert_eq!(lodash.fixed_in, vec!["4.17.19".to_string()]);
    assert_eq!(a.facets().vulnerabilities_present(), Some(true));
    let check = a
        .security
        .checks
        .iter()
        .find(|c| c.id == "Vulnerabilities")
        .unwrap();
    assert_eq!(check.score, Some(1));
}

#[test]
fn fixed_versions_are_not_reported() {
    let export = export_dir();
    let (store, _, _) = osv::read_export(export.path()).unwrap();
    let db = osv::Database::from_store(store);
    let repo = lockfile_repo(false);
    let a = assess_with(
        repo.path(),
        Input {
            osv: Some(&db),
            now: NOW,
            ..Default::default()
        },
    );
    assert!(
        a.vulnerabilities.findings.is_empty(),
        "{:?}",
        a.vulnerabilities.findings
    );
    assert_eq!(a.facets().vulnerabilities_present(), Some(false));
    assert_eq!(
        a.security
            .checks
            .iter()
            .find(|c| c.id == "Vulnerabilities")
            .unwrap()
            .score,
        Some(10)
    );
}

#[test]
fn a_zip_export_imports_like_a_directory() {
    let zip_path = tempfile::NamedTempFile::new().unwrap();
    {
        let mut zip = zip::ZipWriter::new(std::fs::File::create(zip_path.path()).unwrap());
        for (name, body) in records() {
            zip.start_file(name, zip::write::SimpleFileOptions::default())
                .unwrap();
            zip.write_all(body.as_bytes()).unwrap();
        }
        zip.finish().unwrap();
    }
    let data = tempfile::tempdir().unwrap();
    let summary = osv::import(zip_path.path(), data.path()).unwrap();
    assert_eq!(summary.records, 10);
    assert!(summary.rejected.is_empty());
    let not_zip = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(not_zip.path(), "not a zip").unwrap();
    assert!(matches!(
        osv::import(not_zip.path(), data.path()),
        Err(osv::OsvError::Zip { .. })
    ));
}

#[test]
fn without_osv_data_vulnerabilities_are_not_claimed() {
    let repo = lockfile_repo(true);
    let a = assess(repo.path());
    assert!(!a.vulnerabilities.database_available);
    assert_eq!(a.vulnerabilities.packages, 10);
    assert_eq!(a.facets().vulnerabilities_present(), None);
}

#[test]
fn a_zip_bomb_export_is_refused_before_anything_is_stored() {
    let data = tempfile::tempdir().unwrap();
    let good = tempfile::NamedTempFile::new().unwrap();
    {
        let mut zip = zip::ZipWriter::new(std::fs::File::create(good.path()).unwrap());
        for (name, body) in records() {
            zip.start_file(name, zip::write::SimpleFileOptions::default())
                .unwrap();
            zip.write_all(body.as_bytes()).unwrap();
        }
        zip.finish().unwrap();
    }
    osv::import(good.path(), data.path()).unwrap();
    let stored = std::fs::read(data.path().join("osv").join(osv::STORE_FILE)).unwrap();

    // Ten members of 4 MiB of blanks: each under the per-record cap, 40 MiB in all from an
    // archive of a few tens of KB (JSON compresses about ten to one; this a thousand).
    let bomb = tempfile::NamedTempFile::new().unwrap();
    {
        let mut zip = zip::ZipWriter::new(std::fs::File::create(bomb.path()).unwrap());
        let blanks = vec![b' '; 4 * 1024 * 1024];
        for i in 0..10 {
            zip.start_file(
                format!("r{i}.json"),
                zip::write::SimpleFileOptions::default(),
            )
            .unwrap();
            zip.write_all(&blanks).unwrap();
        }
        zip.finish().unwrap();
    }
    let archive = std::fs::metadata(bomb.path()).unwrap().len();
    assert!(archive < 200 * 1024, "{archive}");
    let err = osv::import(bomb.path(), data.path()).unwrap_err();
    assert!(matches!(err, osv::OsvError::TooBig { .. }), "{err}");
    let message = err.to_string();
    assert!(
        message.contains("it decompresses to more than") && message.contains("passed at r"),
        "{message}"
    );
    assert!(
        message.ends_with("the export was not imported"),
        "{message}"
    );
    // The store imported before is untouched.
    assert_eq!(
        std::fs::read(data.path().join("osv").join(osv::STORE_FILE)).unwrap(),
        stored
    );
}
