//! The decoded-but-unchecked document: every key as an `Option`, as read from YAML.

use crate::decode::{Decoded, Decoder, TypeError};
use crate::yaml::Node;
use std::collections::BTreeMap;

#[derive(Default)]
pub(crate) struct RawDoc {
    pub version: Option<String>,
    pub name: Option<String>,
    pub application_suite: Option<String>,
    pub url: Option<String>,
    pub landing_url: Option<String>,
    pub is_based_on: Option<Vec<String>>,
    pub software_version: Option<String>,
    pub release_date: Option<String>,
    pub logo: Option<String>,
    pub monochrome_logo: Option<String>,
    pub organisation: Option<RawOrg>,
    pub input_types: Option<Vec<String>>,
    pub output_types: Option<Vec<String>>,
    pub platforms: Option<Vec<String>>,
    pub categories: Option<Vec<String>>,
    pub used_by: Option<Vec<String>>,
    pub funded_by: Option<Vec<RawOrg>>,
    pub roadmap: Option<String>,
    pub development_status: Option<String>,
    pub software_type: Option<String>,
    pub supports: Option<Vec<Option<String>>>,
    pub intended_audience: Option<RawAudience>,
    /// Language keys in source order.
    pub description: Option<Vec<(String, RawDesc)>>,
    pub legal: RawLegal,
    pub maintenance: RawMaintenance,
    pub localisation: RawLocalisation,
    pub depends_on: Option<RawDependsOn>,
    pub it_upper: Option<RawIt>,
    pub it_lower: Option<RawIt>,
}

#[derive(Default, Clone)]
pub(crate) struct RawOrg {
    pub name: Option<String>,
    pub uri: Option<String>,
}

#[derive(Default)]
pub(crate) struct RawAudience {
    pub scope: Option<Vec<String>>,
    pub countries: Option<Vec<String>>,
    pub unsupported_countries: Option<Vec<String>>,
}

#[derive(Default)]
pub(crate) struct RawDesc {
    pub localised_name: Option<String>,
    pub generic_name: Option<String>,
    pub short_description: Option<String>,
    pub long_description: Option<String>,
    pub documentation: Option<String>,
    pub api_documentation: Option<String>,
    pub features: Option<Vec<String>>,
    pub screenshots: Option<Vec<String>>,
    pub videos: Option<Vec<String>>,
    pub awards: Option<Vec<String>>,
}

#[derive(Default)]
pub(crate) struct RawLegal {
    pub license: Option<String>,
    pub main_copyright_owner: Option<String>,
    pub repo_owner: Option<String>,
    pub authors_file: Option<String>,
}

#[derive(Default)]
pub(crate) struct RawMaintenance {
    pub kind: Option<String>,
    pub contractors: Option<Vec<RawContractor>>,
    pub contacts: Option<Vec<RawContact>>,
}

#[derive(Default)]
pub(crate) struct RawContractor {
    pub name: Option<String>,
    pub email: Option<String>,
    pub website: Option<String>,
    pub until: Option<String>,
}

#[derive(Default)]
pub(crate) struct RawContact {
    pub name: Option<String>,
    pub email: Option<String>,
    pub affiliation: Option<String>,
    pub phone: Option<String>,
}

#[derive(Default)]
pub(crate) struct RawLocalisation {
    pub localisation_ready: Option<bool>,
    pub available_languages: Option<Vec<String>>,
}

#[derive(Default)]
pub(crate) struct RawDependsOn {
    pub open: Option<Vec<RawDependency>>,
    pub proprietary: Option<Vec<RawDependency>>,
    pub hardware: Option<Vec<RawDependency>>,
}

#[derive(Default)]
pub(crate) struct RawDependency {
    pub name: Option<String>,
    pub version_min: Option<String>,
    pub version_max: Option<String>,
    pub optional: Option<bool>,
    pub version: Option<String>,
}

#[derive(Default)]
pub(crate) struct RawIt {
    pub country_extension_version: Option<String>,
    pub conforme: Option<BTreeMap<&'static str, Option<bool>>>,
    pub codice_ipa: Option<String>,
    pub piattaforme: BTreeMap<&'static str, bool>,
}

const TOP_KEYS: &[&str] = &[
    "publiccodeYmlVersion",
    "name",
    "applicationSuite",
    "url",
    "landingURL",
    "isBasedOn",
    "softwareVersion",
    "releaseDate",
    "logo",
    "monochromeLogo",
    "organisation",
    "inputTypes",
    "outputTypes",
    "platforms",
    "categories",
    "usedBy",
    "fundedBy",
    "roadmap",
    "developmentStatus",
    "softwareType",
    "supports",
    "intendedAudience",
    "description",
    "legal",
    "maintenance",
    "localisation",
    "dependsOn",
    "IT",
    "it",
];

/// Decodes the document root. Top-level keys with a type error anywhere inside stay `None`.
pub(crate) fn decode_doc(d: &mut Decoder<'_>, root: &Node) -> RawDoc {
    let mut doc = RawDoc::default();
    let fields = match d.mapping(root, TOP_KEYS) {
        Ok(Some(f)) => f,
        _ => return doc,
    };
    for (key, node) in fields.keys() {
        let n = Some(node);
        // Each arm ignores the TypeError: it was reported, and the key stays absent.
        let _ = match key {
            "publiccodeYmlVersion" => d.string(n).map(|v| doc.version = v),
            "name" => d.string(n).map(|v| doc.name = v),
            "applicationSuite" => d.string(n).map(|v| doc.application_suite = v),
            "url" => d.string(n).map(|v| doc.url = v),
            "landingURL" => d.string(n).map(|v| doc.landing_url = v),
            "isBasedOn" => string_or_list(d, node).map(|v| doc.is_based_on = v),
            "softwareVersion" => d.string(n).map(|v| doc.software_version = v),
            "releaseDate" => d.string(n).map(|v| doc.release_date = v),
            "logo" => d.string(n).map(|v| doc.logo = v),
            "monochromeLogo" => d.string(n).map(|v| doc.monochrome_logo = v),
            "organisation" => organisation(d, node).map(|v| doc.organisation = v),
            "inputTypes" => d.strings(n).map(|v| doc.input_types = v),
            "outputTypes" => d.strings(n).map(|v| doc.output_types = v),
            "platforms" => d.strings(n).map(|v| doc.platforms = v),
            "categories" => d.strings(n).map(|v| doc.categories = v),
            "usedBy" => d.strings(n).map(|v| doc.used_by = v),
            "fundedBy" => d
                .list(n, |d, item| Ok(organisation(d, item)?.unwrap_or_default()))
                .map(|v| doc.funded_by = v),
            "roadmap" => d.string(n).map(|v| doc.roadmap = v),
            "developmentStatus" => d.string(n).map(|v| doc.development_status = v),
            "softwareType" => d.string(n).map(|v| doc.software_type = v),
            "supports" => d
                .list(n, |d, item| {
                    let f = d.mapping(item, &["id"])?;
                    match f {
                        Some(f) => d.string(f.get("id")),
                        None => Ok(None),
                    }
                })
                .map(|v| doc.supports = v),
            "intendedAudience" => audience(d, node).map(|v| doc.intended_audience = v),
            "description" => description(d, node).map(|v| doc.description = v),
            "legal" => legal(d, node).map(|v| doc.legal = v.unwrap_or_default()),
            "maintenance" => maintenance(d, node).map(|v| doc.maintenance = v.unwrap_or_default()),
            "localisation" => {
                localisation(d, node).map(|v| doc.localisation = v.unwrap_or_default())
            }
            "dependsOn" => depends_on(d, node).map(|v| doc.depends_on = v),
            "IT" => it_section(d, node).map(|v| doc.it_upper = v),
            "it" => it_section(d, node).map(|v| doc.it_lower = v),
            _ => Ok(()),
        };
    }
    doc
}

fn string_or_list(d: &mut Decoder<'_>, node: &Node) -> Decoded<Vec<String>> {
    match &node.value {
        crate::yaml::Value::Seq(_) => d.strings(Some(node)),
        _ => Ok(d.string(Some(node))?.map(|s| vec![s])),
    }
}

fn organisation(d: &mut Decoder<'_>, node: &Node) -> Decoded<RawOrg> {
    let Some(f) = d.mapping(node, &["name", "uri"])? else {
        return Ok(None);
    };
    Ok(Some(RawOrg {
        name: d.string(f.get("name"))?,
        uri: d.string(f.get("uri"))?,
    }))
}

fn audience(d: &mut Decoder<'_>, node: &Node) -> Decoded<RawAudience> {
    let Some(f) = d.mapping(node, &["scope", "countries", "unsupportedCountries"])? else {
        return Ok(None);
    };
    Ok(Some(RawAudience {
        scope: d.strings(f.get("scope"))?,
        countries: d.strings(f.get("countries"))?,
        unsupported_countries: d.strings(f.get("unsupportedCountries"))?,
    }))
}

const DESC_KEYS: &[&str] = &[
    "localisedName",
    "genericName",
    "shortDescription",
    "longDescription",
    "documentation",
    "apiDocumentation",
    "features",
    "screenshots",
    "videos",
    "awards",
];

fn description(d: &mut Decoder<'_>, node: &Node) -> Decoded<Vec<(String, RawDesc)>> {
    let Some(f) = d.free_mapping(node)? else {
        return Ok(None);
    };
    let mut out = Vec::new();
    for (lang, value) in f.keys() {
        let desc = match d.mapping(value, DESC_KEYS)? {
            None => RawDesc::default(),
            Some(f) => RawDesc {
                localised_name: d.string(f.get("localisedName"))?,
                generic_name: d.string(f.get("genericName"))?,
                short_description: d.string(f.get("shortDescription"))?,
                long_description: d.string(f.get("longDescription"))?,
                documentation: d.string(f.get("documentation"))?,
                api_documentation: d.string(f.get("apiDocumentation"))?,
                features: d.strings(f.get("features"))?,
                screenshots: d.strings(f.get("screenshots"))?,
                videos: d.strings(f.get("videos"))?,
                awards: d.strings(f.get("awards"))?,
            },
        };
        out.push((lang.to_string(), desc));
    }
    Ok(Some(out))
}

fn legal(d: &mut Decoder<'_>, node: &Node) -> Decoded<RawLegal> {
    let Some(f) = d.mapping(
        node,
        &["license", "mainCopyrightOwner", "repoOwner", "authorsFile"],
    )?
    else {
        return Ok(None);
    };
    Ok(Some(RawLegal {
        license: d.string(f.get("license"))?,
        main_copyright_owner: d.string(f.get("mainCopyrightOwner"))?,
        repo_owner: d.string(f.get("repoOwner"))?,
        authors_file: d.string(f.get("authorsFile"))?,
    }))
}

fn maintenance(d: &mut Decoder<'_>, node: &Node) -> Decoded<RawMaintenance> {
    let Some(f) = d.mapping(node, &["type", "contractors", "contacts"])? else {
        return Ok(None);
    };
    let kind = d.string(f.get("type"))?;
    let contractors = d.list(f.get("contractors"), |d, item| {
        let Some(f) = d.mapping(item, &["name", "email", "website", "until"])? else {
            return Ok(RawContractor::default());
        };
        Ok(RawContractor {
            name: d.string(f.get("name"))?,
            email: d.string(f.get("email"))?,
            website: d.string(f.get("website"))?,
            until: d.string(f.get("until"))?,
        })
    })?;
    let contacts = d.list(f.get("contacts"), |d, item| {
        let Some(f) = d.mapping(item, &["name", "email", "affiliation", "phone"])? else {
            return Ok(RawContact::default());
        };
        Ok(RawContact {
            name: d.string(f.get("name"))?,
            email: d.string(f.get("email"))?,
            affiliation: d.string(f.get("affiliation"))?,
            phone: d.string(f.get("phone"))?,
        })
    })?;
    Ok(Some(RawMaintenance {
        kind,
        contractors,
        contacts,
    }))
}

fn localisation(d: &mut Decoder<'_>, node: &Node) -> Decoded<RawLocalisation> {
    let Some(f) = d.mapping(node, &["localisationReady", "availableLanguages"])? else {
        return Ok(None);
    };
    Ok(Some(RawLocalisation {
        localisation_ready: d.boolean(f.get("localisationReady"))?,
        available_languages: d.strings(f.get("availableLanguages"))?,
    }))
}

fn depends_on(d: &mut Decoder<'_>, node: &Node) -> Decoded<RawDependsOn> {
    let Some(f) = d.mapping(node, &["open", "proprietary", "hardware"])? else {
        return Ok(None);
    };
    let deps = |d: &mut Decoder<'_>, key: &str| {
        d.list(f.get(key), |d, item| -> Result<RawDependency, TypeError> {
            let Some(f) = d.mapping(
                item,
                &["name", "versionMin", "versionMax", "optional", "version"],
            )?
            else {
                return Ok(RawDependency::default());
            };
            Ok(RawDependency {
                name: d.string(f.get("name"))?,
                version_min: d.string(f.get("versionMin"))?,
                version_max: d.string(f.get("versionMax"))?,
                optional: d.boolean(f.get("optional"))?,
                version: d.string(f.get("version"))?,
            })
        })
    };
    Ok(Some(RawDependsOn {
        open: deps(d, "open")?,
        proprietary: deps(d, "proprietary")?,
        hardware: deps(d, "hardware")?,
    }))
}

const CONFORME_KEYS: [&str; 4] = [
    "lineeGuidaDesign",
    "modelloInteroperabilita",
    "misureMinimeSicurezza",
    "gdpr",
];
const PIATTAFORME_KEYS: [&str; 5] = ["spid", "pagopa", "cie", "anpr", "io"];

fn it_section(d: &mut Decoder<'_>, node: &Node) -> Decoded<RawIt> {
    let Some(f) = d.mapping(
        node,
        &[
            "countryExtensionVersion",
            "conforme",
            "riuso",
            "piattaforme",
        ],
    )?
    else {
        return Ok(None);
    };
    let mut it = RawIt {
        country_extension_version: d.string(f.get("countryExtensionVersion"))?,
        ..RawIt::default()
    };
    if let Some(node) = f.get("conforme")
        && let Some(c) = d.mapping(node, &CONFORME_KEYS)?
    {
        let mut map = BTreeMap::new();
        for key in CONFORME_KEYS {
            map.insert(key, d.boolean(c.get(key))?);
        }
        it.conforme = Some(map);
    }
    if let Some(node) = f.get("riuso")
        && let Some(r) = d.mapping(node, &["codiceIPA"])?
    {
        it.codice_ipa = d.string(r.get("codiceIPA"))?;
    }
    if let Some(node) = f.get("piattaforme")
        && let Some(p) = d.mapping(node, &PIATTAFORME_KEYS)?
    {
        for key in PIATTAFORME_KEYS {
            it.piattaforme
                .insert(key, d.boolean(p.get(key))?.unwrap_or(false));
        }
    }
    Ok(Some(it))
}
