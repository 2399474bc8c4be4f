//! The exports, read back: CodeMeta against the entry's publiccode.yml, the DCAT-AP Turtle
//! with Oxigraph's Turtle parser, the JSON dump against the API, the page's JSON-LD, and
//! hostile text carried through each of them as the same text. (The SHACL shapes and a
//! JSON-LD processor are run by `scripts/export-check.sh`.)

use crate::support::TestApp;
use axum::http::header;
use oxrdf::{NamedNode, Term, Triple};
use oxttl::TurtleParser;
use serde_json::Value;
use std::collections::HashSet;

const DCAT: &str = "http://www.w3.org/ns/dcat#";
const DCT: &str = "http://purl.org/dc/terms/";
const FOAF: &str = "http://xmlns.com/foaf/0.1/";
const RDF_TYPE: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";

fn node(iri: &str) -> NamedNode {
    NamedNode::new(iri).unwrap()
}

async fn turtle(app: &TestApp) -> Vec<Triple> {
    let (response, body) = app.get("/api/v1/export/dcat-ap.ttl").await;
    assert_eq!(response.status(), 200);
    assert_eq!(
        response.headers()[header::CONTENT_TYPE],
        "text/turtle; charset=utf-8"
    );
    TurtleParser::new()
        .for_slice(&body)
        .collect::<Result<Vec<_>, _>>()
        .unwrap_or_else(|e| panic!("not Turtle: {e}\n{}", String::from_utf8_lossy(&body)))
}

/// The objects of `subject predicate ?` in `triples`.
fn objects<'a>(triples: &'a [Triple], subject: &Term, predicate: &str) -> Vec<&'a Term> {
    triples
        .iter()
        .filter(|t| Term::from(t.subject.clone()) == *subject && t.predicate.as_str() == predicate)
        .map(|t| &t.object)
        .collect()
}

fn subjects_of_type(triples: &[Triple], class: &str) -> Vec<Term> {
    triples
        .iter()
        .filter(|t| t.predicate.as_str() == RDF_TYPE && t.object == Term::from(node(class)))
        .map(|t| Term::from(t.subject.clone()))
        .collect()
}

fn literal(term: &Term) -> &str {
    match term {
        Term::Literal(l) => l.value(),
        other => panic!("not a literal: {other}"),
    }
}

/// The dataset (`foaf:primaryTopic` of a record) whose `dct:identifier` is `repository`.
fn dataset_of(triples: &[Triple], repository: &str) -> Term {
    subjects_of_type(triples, &format!("{DCAT}Dataset"))
        .into_iter()
        .find(|d| {
            objects(triples, d, &format!("{DCT}identifier"))
                .iter()
                .any(|id| literal(id) == repository)
        })
        .unwrap_or_else(|| panic!("no dataset for {repository}"))
}

async fn listed(app: &TestApp) -> Vec<commons_catalog::Software> {
    app.state
        .catalog
        .software_page(None, 10_000, false)
        .await
        .unwrap()
}

fn texts(values: &Value) -> Vec<(String, String)> {
    values
        .as_array()
        .unwrap()
        .iter()
        .map(|v| {
            (
                v["@language"].as_str().unwrap().to_string(),
                v["@value"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[tokio::test]
async fn codemeta_of_a_demo_entry_matches_its_publiccode() {
    let app = TestApp::with_demo().await;
    let all = listed(&app).await;
    // An entry with funders, contacts and dependencies, so that those mappings are seen.
    let software = all
        .iter()
        .find(|s| {
            let p = s.publiccode.as_ref().unwrap();
            !p.funded_by.is_empty() && !p.maintenance.contacts.is_empty()
        })
        .expect("a demo entry with funders and contacts");
    let p = software.publiccode.as_ref().unwrap();
    let (response, body) = app
        .get(&format!("/api/v1/software/{}/codemeta.json", software.id))
        .await;
    assert_eq!(response.status(), 200);
    assert_eq!(
        response.headers()[header::CONTENT_TYPE],
        "application/ld+json"
    );
    let doc: Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(doc["@context"], "https://w3id.org/codemeta/3.0");
    assert_eq!(doc["@type"], "SoftwareSourceCode");
    assert_eq!(doc["name"], p.name.as_str());
    assert_eq!(doc["codeRepository"], p.url.as_str());
    assert_eq!(
        doc["license"][0],
        format!("https://spdx.org/licenses/{}", p.legal.license)
    );
    assert_eq!(
        doc["softwareVersion"].as_str(),
        p.software_version.as_deref()
    );
    assert_eq!(doc["datePublished"].as_str(), p.release_date.as_deref());
    assert_eq!(doc["url"].as_str(), p.landing_url.as_deref());
    let descriptions: Vec<(String, String)> = p
        .description
        .iter()
        .map(|(lang, d)| (lang.clone(), d.long_description.trim_end().to_string()))
        .collect();
    assert_eq!(texts(&doc["description"]), descriptions);
    let categories: Vec<&str> = doc["applicationCategory"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap())
        .collect();
    assert_eq!(categories, p.categories);
    let organisation = app
        .state
        .catalog
        .organisation(software.organisation_id.as_deref().unwrap())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(doc["producer"]["@type"], "Organization");
    assert_eq!(doc["producer"]["name"], organisation.name.as_str());
    let funders: Vec<&str> = doc["funder"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["@id"].as_str().unwrap())
        .collect();
    let declared: Vec<&str> = p.funded_by.iter().map(|f| f.uri.as_str()).collect();
    assert_eq!(funders, declared);
    let maintainers: Vec<&str> = doc["maintainer"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["@type"] == "Person")
        .map(|m| m["name"].as_str().unwrap())
        .collect();
    let contacts: Vec<&str> = p
        .maintenance
        .contacts
        .iter()
        .map(|c| c.name.as_str())
        .collect();
    assert_eq!(maintainers, contacts);
    let requirements = doc["softwareRequirements"].as_array().map_or(0, Vec::len);
    let dependencies = p
        .depends_on
        .as_ref()
        .map_or(0, |d| d.open.len() + d.proprietary.len() + d.hardware.len());
    assert_eq!(requirements, dependencies);
}

#[tokio::test]
async fn unknown_and_unlisted_entries_have_no_codemeta() {
    let app = TestApp::with_demo().await;
    let unlisted = app
        .ingest("https://example.org/never-valid", "name: nothing else\n")
        .await;
    for id in ["no-such-entry", unlisted.software_id.as_str()] {
        let (response, body) = app
            .get(&format!("/api/v1/software/{id}/codemeta.json"))
            .await;
        assert_eq!(response.status(), 404, "{id}");
        assert_eq!(
            response.headers()[header::CONTENT_TYPE],
            "application/problem+json"
        );
        let problem: Value = serde_json::from_slice(&body).unwrap();
        assert_eq!(problem["status"], 404);
    }
}

#[tokio::test]
async fn the_dcat_catalog_has_one_record_per_listed_entry() {
    let app = TestApp::with_demo().await;
    let triples = turtle(&app).await;
    let entries = listed(&app).await;
    let catalogs = subjects_of_type(&triples, &format!("{DCAT}Catalog"));
    assert_eq!(catalogs.len(), 1);
    let records = subjects_of_type(&triples, &format!("{DCAT}CatalogRecord"));
    assert_eq!(records.len(), entries.len());
    assert_eq!(
        objects(&triples, &catalogs[0], &format!("{DCAT}record")).len(),
        entries.len()
    );
    // Each record's topic is a dataset with the entry's name and its repository as the
    // distribution's access URL.
    let mut seen = HashSet::new();
    for software in &entries {
        let dataset = dataset_of(&triples, &software.repository_url);
        assert!(seen.insert(dataset.clone()), "one dataset per entry");
        let title = objects(&triples, &dataset, &format!("{DCT}title"));
        assert_eq!(
            literal(title[0]),
            software.publiccode.as_ref().unwrap().name
        );
        let distribution = objects(&triples, &dataset, &format!("{DCAT}distribution"))[0].clone();
        let access = objects(&triples, &distribution, &format!("{DCAT}accessURL"));
        let repository = url::Url::parse(&software.repository_url).unwrap();
        assert_eq!(*access[0], Term::from(node(repository.as_str())));
        assert!(
            records
                .iter()
                .any(|r| objects(&triples, r, &format!("{FOAF}primaryTopic")).contains(&&dataset)),
            "a record points at {dataset}"
        );
    }
}

/// A publiccode.yml whose texts try to break out of every format: Turtle's long strings
/// (`"""`), markup, comments, newlines, and a URL with `>` and quotes in it.
fn hostile() -> String {
    crate::support::example()
        .replace(
            "name: Primero\n",
            "name: \"Evil \\\"\\\"\\\" </script><!-- name\\n> second line\"\n",
        )
        .replace(
            "landingURL: \"https://www.primero.org\"",
            "landingURL: \"https://www.primero.org/a>b?q=\\\"x\\\"\"",
        )
        .replace(
            "    localisedName: Primero\n",
            "    localisedName: \"Local \\\"\\\"\\\"\\n<b> & </script>\"\n",
        )
}

#[tokio::test]
async fn hostile_text_round_trips_escaped() {
    let app = TestApp::with_demo().await;
    let outcome = app.ingest("https://example.org/evil", &hostile()).await;
    let id = outcome.software_id;
    let software = app.state.catalog.software(&id).await.unwrap().unwrap();
    assert!(software.listed, "the hostile file is valid");
    let p = software.publiccode.clone().unwrap();
    assert!(p.name.contains("\"\"\"") && p.name.contains('\n') && p.name.contains("</script>"));
    let landing = p.landing_url.clone().unwrap();
    assert!(landing.contains('>'));

    // Turtle: the same texts, the URL in its escaped normal form.
    let triples = turtle(&app).await;
    let dataset = dataset_of(&triples, &software.repository_url);
    assert_eq!(
        literal(objects(&triples, &dataset, &format!("{DCT}title"))[0]),
        p.name
    );
    let alternative = objects(&triples, &dataset, &format!("{DCT}alternative"));
    assert_eq!(
        literal(alternative[0]),
        p.description["en"].localised_name.as_deref().unwrap()
    );
    let landing_page = objects(&triples, &dataset, &format!("{DCAT}landingPage"));
    let escaped = url::Url::parse(&landing).unwrap();
    assert!(escaped.as_str().contains("%3E"), "{escaped}");
    assert_eq!(*landing_page[0], Term::from(node(escaped.as_str())));

    // CodeMeta and the dump: JSON carries the text as it is.
    let doc = app
        .get_json(&format!("/api/v1/software/{id}/codemeta.json"))
        .await;
    assert_eq!(doc["name"], p.name.as_str());
    assert_eq!(doc["url"], landing.as_str());
    let dump = app.get_json("/api/v1/export/catalog.json").await;
    let entry = dump["software"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["id"] == id.as_str())
        .unwrap();
    assert_eq!(entry["publiccodeYml"], hostile().as_str());

    // The page: the JSON-LD cannot close its element, and reads back as the same name.
    let (response, body) = app.get(&format!("/software/{id}")).await;
    assert_eq!(response.status(), 200);
    let page = String::from_utf8(body).unwrap();
    let json = structured_data(&page);
    assert!(!json.contains('<') && !json.contains('>') && !json.contains('&'));
    let read: Value = serde_json::from_str(json).unwrap();
    assert_eq!(read["name"], p.name.as_str());
}

/// The text of the page's `<script type="application/ld+json">` element.
fn structured_data(page: &str) -> &str {
    let open = r#"<script type="application/ld+json">"#;
    let start = page.find(open).expect("the page embeds JSON-LD") + open.len();
    let end = start + page[start..].find("</script>").unwrap();
    &page[start..end]
}

#[tokio::test]
async fn software_pages_embed_schema_org_json_ld_under_the_strict_csp() {
    let app = TestApp::with_demo().await;
    let software = &listed(&app).await[0];
    let (response, body) = app.get(&format!("/software/{}", software.id)).await;
    let csp = response.headers()[header::CONTENT_SECURITY_POLICY]
        .to_str()
        .unwrap();
    assert!(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"));
    let page = String::from_utf8(body).unwrap();
    let doc: Value = serde_json::from_str(structured_data(&page)).unwrap();
    assert_eq!(doc["@context"], "https://schema.org");
    assert_eq!(doc["@type"], "SoftwareSourceCode");
    let p = software.publiccode.as_ref().unwrap();
    assert_eq!(doc["name"], p.name.as_str());
    assert_eq!(doc["codeRepository"], p.url.as_str());
    assert!(doc.get("maintainer").is_none(), "a CodeMeta-only term");
    assert_eq!(
        page.matches("<script").count(),
        2,
        "the site's script and the JSON-LD, nothing inline that runs"
    );
}

#[tokio::test]
async fn the_json_dump_holds_every_listed_entry_as_published() {
    let app = TestApp::with_demo().await;
    let (response, body) = app.get("/api/v1/export/catalog.json").await;
    assert_eq!(response.headers()[header::CONTENT_TYPE], "application/json");
    let dump: Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(dump["format"], "commons-catalog-dump");
    let entries = dump["software"].as_array().unwrap();
    let listed = listed(&app).await;
    assert_eq!(entries.len(), listed.len());
    for (entry, software) in entries.iter().zip(&listed) {
        assert_eq!(entry["id"], software.id.as_str(), "in id order");
        let (_, raw) = app
            .get(&format!("/api/v1/software/{}/publiccode.yml", software.id))
            .await;
        assert_eq!(
            entry["publiccodeYml"],
            String::from_utf8(raw).unwrap().as_str()
        );
        let detail = app
            .get_json(&format!("/api/v1/software/{}", software.id))
            .await;
        assert_eq!(entry["publiccode"], detail["publiccode"]);
    }
    let organisations = dump["organisations"].as_array().unwrap();
    assert_eq!(
        organisations.len(),
        app.state.catalog.organisations().await.unwrap().len()
    );

    // The OpenAPI schema names exactly the keys the dump has.
    let openapi = app.get_json("/api/v1/openapi.json").await;
    let schemas = &openapi["components"]["schemas"];
    let keys =
        |value: &Value| -> HashSet<String> { value.as_object().unwrap().keys().cloned().collect() };
    assert_eq!(keys(&schemas["CatalogDump"]["properties"]), keys(&dump));
    assert_eq!(keys(&schemas["DumpEntry"]["properties"]), keys(&entries[0]));
    assert_eq!(
        keys(&schemas["DumpOrganisation"]["properties"]),
        keys(&organisations[0])
    );
    for path in [
        "/api/v1/software/{id}/codemeta.json",
        "/api/v1/export/dcat-ap.ttl",
        "/api/v1/export/catalog.json",
    ] {
        assert!(openapi["paths"][path]["get"].is_object(), "{path}");
    }
}

/// More entries than one page of the store: the exports page through it and lose none.
#[tokio::test]
async fn exports_page_through_a_catalog_larger_than_a_page() {
    let app = TestApp::with_demo().await;
    let extra = commons_catalog::export::PAGE_SIZE as usize + 5;
    for n in 0..extra {
        app.ingest(
            &format!("https://example.org/bulk/app-{n:04}"),
            &crate::support::example().replace("name: Primero", &format!("name: Bulk {n}")),
        )
        .await;
    }
    let listed = listed(&app).await.len();
    assert!(listed > extra);
    let triples = turtle(&app).await;
    assert_eq!(
        subjects_of_type(&triples, &format!("{DCAT}CatalogRecord")).len(),
        listed
    );
    let dump = app.get_json("/api/v1/export/catalog.json").await;
    let ids: HashSet<&str> = dump["software"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids.len(), listed);
}
