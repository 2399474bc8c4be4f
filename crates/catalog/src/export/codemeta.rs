//! One entry as CodeMeta 3 JSON-LD, and as the schema.org `SoftwareSourceCode` a page embeds.
//!
//! The mapping follows the publiccode.yml crosswalk the CodeMeta project publishes
//! (`crosswalks/publiccode.csv`): `url` → `codeRepository`, `categories` →
//! `applicationCategory`, `platforms` → `operatingSystem` (and `runtimePlatform` for the
//! platforms that are no operating system, such as `web`), `dependsOn` →
//! `softwareRequirements`, `releaseDate` → `datePublished` and `dateModified`,
//! `description.[lang].features` → `keywords`, `legal.mainCopyrightOwner` →
//! `copyrightHolder`, `maintenance.contacts` and `.contractors` → `maintainer`,
//! `applicationSuite` → `isPartOf`, `developmentStatus` → `developmentStatus`. Where the
//! crosswalk has no publiccode key, the catalog adds what it knows: the publishing
//! organisation as `producer`, `fundedBy` as `funder`, `isBasedOn`, `landingURL` as `url`.
//! Texts in several languages become language-tagged JSON-LD values.

use crate::model::{Organisation, Software};
use commons_publiccode::model::{
    Contact, Contractor, Dependency, DevelopmentStatus, Organisation as Funder, PublicCode,
};
use serde_json::{Map, Value, json};

/// The CodeMeta 3.0 context.
pub const CODEMETA_CONTEXT: &str = "https://w3id.org/codemeta/3.0";

/// The SPDX licence list's page of one licence id.
const SPDX_LICENSES: &str = "https://spdx.org/licenses/";

/// The CodeMeta 3 document of a listed entry; `None` when the entry has no live model.
pub fn codemeta(software: &Software, organisation: Option<&Organisation>) -> Option<Value> {
    let model = software.publiccode.as_ref()?;
    let mut doc = common(model, organisation, "schema:");
    doc.insert("@context".into(), CODEMETA_CONTEXT.into());
    let maintainers = maintainers(model);
    if !maintainers.is_empty() {
        doc.insert("maintainer".into(), Value::Array(maintainers));
    }
    doc.insert(
        "developmentStatus".into(),
        repostatus(model.development_status).into(),
    );
    Some(Value::Object(order(doc)))
}

/// [`codemeta`] as the bytes the API serves and `commons export` writes: indented JSON.
pub fn codemeta_json(software: &Software, organisation: Option<&Organisation>) -> Option<Vec<u8>> {
    let document = codemeta(software, organisation)?;
    let mut bytes = serde_json::to_vec_pretty(&document).expect("JSON values serialise");
    bytes.push(b'\n');
    Some(bytes)
}

/// The schema.org `SoftwareSourceCode` of a listed entry, for a page's
/// `<script type="application/ld+json">`: the CodeMeta terms that schema.org also has.
pub fn schema_org(software: &Software, organisation: Option<&Organisation>) -> Option<Value> {
    let model = software.publiccode.as_ref()?;
    let mut doc = common(model, organisation, "");
    doc.insert("@context".into(), "https://schema.org".into());
    Some(Value::Object(order(doc)))
}

/// `@context` and `@type` first, the rest as built: readers look at those two first.
fn order(mut doc: Map<String, Value>) -> Map<String, Value> {
    let mut ordered = Map::new();
    for key in ["@context", "@type", "@id"] {
        if let Some(value) = doc.remove(key) {
            ordered.insert(key.into(), value);
        }
    }
    ordered.extend(doc);
    ordered
}

/// What both documents hold. `schema` prefixes the schema.org terms the CodeMeta context
/// lacks (`schema:` there, nothing in a schema.org document).
fn common(
    model: &PublicCode,
    organisation: Option<&Organisation>,
    schema: &str,
) -> Map<String, Value> {
    let mut doc = Map::new();
    doc.insert("@type".into(), "SoftwareSourceCode".into());
    doc.insert("name".into(), model.name.clone().into());
    let descriptions = tagged(model, |d| Some(d.long_description.as_str()));
    doc.insert("description".into(), descriptions.into());
    let short = tagged(model, |d| Some(d.short_description.as_str()));
    doc.insert(format!("{schema}disambiguatingDescription"), short.into());
    doc.insert("codeRepository".into(), model.url.clone().into());
    if let Some(landing) = &model.landing_url {
        doc.insert("url".into(), landing.clone().into());
    }
    insert_some(
        &mut doc,
        "softwareVersion",
        model.software_version.as_deref(),
    );
    insert_some(&mut doc, "version", model.software_version.as_deref());
    insert_some(&mut doc, "datePublished", model.release_date.as_deref());
    insert_some(&mut doc, "dateModified", model.release_date.as_deref());
    doc.insert("license".into(), license_urls(&model.legal.license).into());
    insert_list(&mut doc, "applicationCategory", &model.categories);
    let keywords: Vec<Value> = model
        .description
        .iter()
        .flat_map(|(lang, d)| d.features.iter().map(move |f| language_value(lang, f)))
        .collect();
    insert_values(&mut doc, "keywords", keywords);
    let (systems, runtimes): (Vec<&String>, Vec<&String>) = model
        .platforms
        .iter()
        .partition(|p| operating_system(p).is_some());
    let systems: Vec<Value> = systems
        .iter()
        .filter_map(|p| operating_system(p))
        .map(Value::from)
        .collect();
    insert_values(&mut doc, "operatingSystem", systems);
    let runtimes: Vec<Value> = runtimes.iter().map(|p| runtime_platform(p)).collect();
    insert_values(&mut doc, "runtimePlatform", runtimes);
    let requirements: Vec<Value> = model
        .depends_on
        .iter()
        .flat_map(|d| d.open.iter().chain(&d.proprietary).chain(&d.hardware))
        .map(requirement)
        .collect();
    insert_values(&mut doc, "softwareRequirements", requirements);
    if let Some(owner) = &model.legal.main_copyright_owner {
        doc.insert(
            "copyrightHolder".into(),
            json!({"@type": "Organization", "name": owner}),
        );
    }
    if let Some(producer) = producer(model, organisation) {
        doc.insert("producer".into(), producer);
    }
    let funders: Vec<Value> = model.funded_by.iter().map(funder).collect();
    insert_values(&mut doc, "funder", funders);
    let based_on: Vec<Value> = model
        .is_based_on
        .iter()
        .map(|url| json!({"@id": url}))
        .collect();
    insert_values(&mut doc, &format!("{schema}isBasedOn"), based_on);
    if let Some(suite) = &model.application_suite {
        doc.insert(
            "isPartOf".into(),
            json!({"@type": "SoftwareApplication", "name": suite}),
        );
    }
    let languages: Vec<Value> = model
        .localisation
        .available_languages
        .iter()
        .map(|l| Value::from(l.as_str()))
        .collect();
    insert_values(&mut doc, &format!("{schema}availableLanguage"), languages);
    doc
}

fn insert_some(doc: &mut Map<String, Value>, key: &str, value: Option<&str>) {
    if let Some(value) = value {
        doc.insert(key.into(), value.into());
    }
}

fn insert_list(doc: &mut Map<String, Value>, key: &str, values: &[String]) {
    insert_values(doc, key, values.iter().map(|v| v.as_str().into()).collect());
}

fn insert_values(doc: &mut Map<String, Value>, key: &str, values: Vec<Value>) {
    if !values.is_empty() {
        doc.insert(key.into(), Value::Array(values));
    }
}

fn language_value(lang: &str, text: &str) -> Value {
    json!({"@language": lang, "@value": text})
}

/// One language-tagged value per description language.
fn tagged(
    model: &PublicCode,
    text: impl Fn(&commons_publiccode::model::Description) -> Option<&str>,
) -> Vec<Value> {
    model
        .description
        .iter()
        .filter_map(|(lang, d)| text(d).map(|t| language_value(lang, t.trim_end())))
        .collect()
}

/// The SPDX pages of the licence ids in an SPDX expression (`MIT OR Apache-2.0` gives
/// both): CodeMeta's `license` is a URL, and an expression has none of its own. Ids of the
/// operator's own (`LicenseRef-…`) have no page and are left out.
pub fn license_urls(expression: &str) -> Vec<String> {
    let mut urls: Vec<String> = Vec::new();
    let mut after_with = false;
    for token in expression
        .split(|c: char| c.is_whitespace() || c == '(' || c == ')')
        .filter(|t| !t.is_empty())
    {
        match token.to_ascii_uppercase().as_str() {
            "AND" | "OR" => after_with = false,
            "WITH" => after_with = true,
            _ if after_with => after_with = false,
            _ if token.starts_with("LicenseRef-") || token.starts_with("DocumentRef-") => {}
            _ if token
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '+')) =>
            {
                let url = format!("{SPDX_LICENSES}{token}");
                if !urls.contains(&url) {
                    urls.push(url);
                }
            }
            _ => {}
        }
    }
    urls
}

/// The operating-system name schema.org expects, when a platform is one.
fn operating_system(platform: &str) -> Option<&'static str> {
    Some(match platform {
        "linux" => "Linux",
        "windows" => "Windows",
        "mac" => "macOS",
        "android" => "Android",
        "ios" => "iOS",
        _ => return None,
    })
}

fn runtime_platform(platform: &str) -> Value {
    match platform {
        "web" => "Web browser".into(),
        other => other.into(),
    }
}

/// `developmentStatus` as a repostatus.org status, which CodeMeta recommends.
fn repostatus(status: DevelopmentStatus) -> &'static str {
    match status {
        DevelopmentStatus::Concept => "https://www.repostatus.org/#concept",
        DevelopmentStatus::Development | DevelopmentStatus::Beta => {
            "https://www.repostatus.org/#wip"
        }
        DevelopmentStatus::Stable => "https://www.repostatus.org/#active",
        DevelopmentStatus::Obsolete => "https://www.repostatus.org/#unsupported",
    }
}

fn requirement(dependency: &Dependency) -> Value {
    let mut value = json!({"@type": "SoftwareApplication", "name": dependency.name});
    let version = match (
        &dependency.version,
        &dependency.version_min,
        &dependency.version_max,
    ) {
        (Some(v), _, _) => Some(v.clone()),
        (None, Some(min), Some(max)) => Some(format!(">={min}, <={max}")),
        (None, Some(min), None) => Some(format!(">={min}")),
        (None, None, Some(max)) => Some(format!("<={max}")),
        (None, None, None) => None,
    };
    if let Some(version) = version {
        value["softwareVersion"] = version.into();
    }
    value
}

fn contact(contact: &Contact) -> Value {
    let mut person = json!({"@type": "Person", "name": contact.name});
    if let Some(email) = &contact.email {
        person["email"] = email.clone().into();
    }
    if let Some(phone) = &contact.phone {
        // Not in the CodeMeta context: a full schema.org term.
        person["schema:telephone"] = phone.clone().into();
    }
    if let Some(affiliation) = &contact.affiliation {
        person["affiliation"] = json!({"@type": "Organization", "name": affiliation});
    }
    person
}

fn contractor(contractor: &Contractor) -> Value {
    let mut organisation = json!({"@type": "Organization", "name": contractor.name});
    if let Some(email) = &contractor.email {
        organisation["email"] = email.clone().into();
    }
    if let Some(website) = &contractor.website {
        organisation["url"] = website.clone().into();
    }
    organisation
}

fn maintainers(model: &PublicCode) -> Vec<Value> {
    let people = model.maintenance.contacts.iter().map(contact);
    let firms = model.maintenance.contractors.iter().map(contractor);
    people.chain(firms).collect()
}

/// An organisation named by URI: the URI is its `@id` and `identifier` (a URL or a URN).
fn organization(name: Option<&str>, uri: Option<&str>) -> Value {
    let mut value = json!({"@type": "Organization"});
    if let Some(uri) = uri.filter(|u| url::Url::parse(u).is_ok()) {
        value["@id"] = uri.into();
        value["identifier"] = uri.into();
        if uri.starts_with("http://") || uri.starts_with("https://") {
            value["url"] = uri.into();
        }
    }
    if let Some(name) = name {
        value["name"] = name.into();
    }
    value
}

/// The publishing organisation: the catalog's (from the publishers registry), else the file's.
fn producer(model: &PublicCode, organisation: Option<&Organisation>) -> Option<Value> {
    match (organisation, &model.organisation) {
        (Some(org), file) => {
            let uri = org.uri.as_deref().or(file.as_ref().map(|f| f.uri.as_str()));
            Some(organization(Some(&org.name), uri))
        }
        (None, Some(file)) => Some(organization(file.name.as_deref(), Some(&file.uri))),
        (None, None) => None,
    }
}

fn funder(funder: &Funder) -> Value {
    organization(funder.name.as_deref(), Some(&funder.uri))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn licence_expressions_give_each_licence_page() {
        assert_eq!(license_urls("MIT"), ["https://spdx.org/licenses/MIT"]);
        assert_eq!(
            license_urls("(MIT OR Apache-2.0) AND GPL-2.0-only WITH Classpath-exception-2.0"),
            [
                "https://spdx.org/licenses/MIT",
                "https://spdx.org/licenses/Apache-2.0",
                "https://spdx.org/licenses/GPL-2.0-only",
            ]
        );
        assert!(license_urls("LicenseRef-internal").is_empty());
        assert!(license_urls("MIT\"><x").is_empty(), "no id, no URL");
    }
}
