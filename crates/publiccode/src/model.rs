//! The typed model of a publiccode.yml file (standard v0.7, every key of the `0.x` line).
//!
//! Field names serialise to the standard's own key names, so the JSON shape of this model is the
//! publiccode.yml shape: it is what the catalog stores and what the API returns. Optional keys
//! that are absent are omitted; lists that are absent are empty and omitted.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A whole publiccode.yml document.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PublicCode {
    /// Version of the standard the file declares (`"0"`, `"0.2"` … `"0.7"`).
    pub publiccode_yml_version: String,
    /// The software's name.
    pub name: String,
    /// Name of the suite the software belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub application_suite: Option<String>,
    /// Source code repository.
    pub url: String,
    /// Landing page, when it differs from `url`.
    #[serde(
        default,
        rename = "landingURL",
        skip_serializing_if = "Option::is_none"
    )]
    pub landing_url: Option<String>,
    /// Repositories this software is a fork or variant of.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub is_based_on: Vec<String>,
    /// Latest stable version.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub software_version: Option<String>,
    /// Date of the latest release, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub release_date: Option<String>,
    /// Logo: relative path in the repository or URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logo: Option<String>,
    /// Deprecated monochrome logo.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub monochrome_logo: Option<String>,
    /// The organisation publishing the software.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<Organisation>,
    /// Deprecated: MIME types the software reads.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub input_types: Option<Vec<String>>,
    /// Deprecated: MIME types the software writes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output_types: Option<Vec<String>>,
    /// Platforms the software runs on (`web`, `linux`, `windows`, `mac`, `android`, `ios`, …).
    pub platforms: Vec<String>,
    /// Categories from the standard's list.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub categories: Vec<String>,
    /// Public administrations that use the software.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub used_by: Vec<String>,
    /// Organisations that funded the software.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub funded_by: Vec<Organisation>,
    /// Public roadmap.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub roadmap: Option<String>,
    /// Development status.
    pub development_status: DevelopmentStatus,
    /// Kind of software.
    pub software_type: SoftwareType,
    /// Standards, regulations or systems the software supports.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub supports: Vec<Support>,
    /// Who the software is for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intended_audience: Option<IntendedAudience>,
    /// Descriptions keyed by BCP 47 language tag.
    pub description: BTreeMap<String, Description>,
    /// Legal information.
    pub legal: Legal,
    /// Who maintains the software.
    pub maintenance: Maintenance,
    /// Localisation.
    pub localisation: Localisation,
    /// Dependencies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub depends_on: Option<DependsOn>,
    /// The Italian country section (`IT`; the deprecated lowercase `it` is folded into it).
    #[serde(default, rename = "IT", skip_serializing_if = "Option::is_none")]
    pub it: Option<ItSection>,
}

/// `developmentStatus` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub enum DevelopmentStatus {
    /// An idea.
    Concept,
    /// Being written.
    #[default]
    Development,
    /// Testable, not yet stable.
    Beta,
    /// Ready for production.
    Stable,
    /// No longer maintained or superseded.
    Obsolete,
}

impl DevelopmentStatus {
    /// Every value, in the standard's order.
    pub const ALL: [DevelopmentStatus; 5] = [
        Self::Concept,
        Self::Development,
        Self::Beta,
        Self::Stable,
        Self::Obsolete,
    ];

    /// The value as written in publiccode.yml.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Concept => "concept",
            Self::Development => "development",
            Self::Beta => "beta",
            Self::Stable => "stable",
            Self::Obsolete => "obsolete",
        }
    }

    /// Parses the value as written in publiccode.yml.
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|v| v.as_str() == s)
    }
}

/// `softwareType` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum SoftwareType {
    /// Mobile application.
    #[serde(rename = "standalone/mobile")]
    StandaloneMobile,
    /// Internet-of-things software.
    #[serde(rename = "standalone/iot")]
    StandaloneIot,
    /// Desktop application.
    #[serde(rename = "standalone/desktop")]
    StandaloneDesktop,
    /// Web application.
    #[default]
    #[serde(rename = "standalone/web")]
    StandaloneWeb,
    /// Backend service.
    #[serde(rename = "standalone/backend")]
    StandaloneBackend,
    /// Other standalone software.
    #[serde(rename = "standalone/other")]
    StandaloneOther,
    /// Add-on to other software.
    #[serde(rename = "addon")]
    Addon,
    /// Library or SDK.
    #[serde(rename = "library")]
    Library,
    /// Configuration files.
    #[serde(rename = "configurationFiles")]
    ConfigurationFiles,
}

impl SoftwareType {
    /// Every value, in the standard's order.
    pub const ALL: [SoftwareType; 9] = [
        Self::StandaloneMobile,
        Self::StandaloneIot,
        Self::StandaloneDesktop,
        Self::StandaloneWeb,
        Self::StandaloneBackend,
        Self::StandaloneOther,
        Self::Addon,
        Self::Library,
        Self::ConfigurationFiles,
    ];

    /// The value as written in publiccode.yml.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::StandaloneMobile => "standalone/mobile",
            Self::StandaloneIot => "standalone/iot",
            Self::StandaloneDesktop => "standalone/desktop",
            Self::StandaloneWeb => "standalone/web",
            Self::StandaloneBackend => "standalone/backend",
            Self::StandaloneOther => "standalone/other",
            Self::Addon => "addon",
            Self::Library => "library",
            Self::ConfigurationFiles => "configurationFiles",
        }
    }

    /// Parses the value as written in publiccode.yml.
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|v| v.as_str() == s)
    }
}

/// An organisation (`organisation`, `fundedBy[]`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Organisation {
    /// Display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Identifier: a URL or a URN.
    pub uri: String,
}

/// One `supports[]` entry.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Support {
    /// `alias:<name>` from the standard's list, or a URI.
    pub id: String,
}

/// `intendedAudience`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct IntendedAudience {
    /// Scopes from the standard's list.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scope: Vec<String>,
    /// ISO 3166-1 alpha-2 codes of countries the software is meant for.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub countries: Vec<String>,
    /// Countries where the software is known not to fit.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unsupported_countries: Vec<String>,
}

/// One language's `description`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Description {
    /// Name in this language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub localised_name: Option<String>,
    /// Deprecated generic name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub generic_name: Option<String>,
    /// One-line description (at most 150 characters).
    pub short_description: String,
    /// Long description (150 to 10,000 characters).
    pub long_description: String,
    /// User documentation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub documentation: Option<String>,
    /// API documentation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub api_documentation: Option<String>,
    /// Key features.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub features: Vec<String>,
    /// Screenshots: relative paths or URLs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub screenshots: Vec<String>,
    /// Video URLs (oEmbed providers).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub videos: Vec<String>,
    /// Awards received.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub awards: Vec<String>,
}

/// `legal`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Legal {
    /// SPDX license expression.
    pub license: String,
    /// Main copyright owner.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub main_copyright_owner: Option<String>,
    /// Deprecated: the repository's owner (use `organisation.name`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub repo_owner: Option<String>,
    /// Deprecated: path of an authors file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authors_file: Option<String>,
}

/// `maintenance.type` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub enum MaintenanceType {
    /// Maintained by the publishing organisation itself.
    Internal,
    /// Maintained by contractors.
    Contract,
    /// Maintained by a community.
    Community,
    /// Not maintained.
    #[default]
    None,
}

impl MaintenanceType {
    /// Every value, in the standard's order.
    pub const ALL: [MaintenanceType; 4] =
        [Self::Internal, Self::Contract, Self::Community, Self::None];

    /// The value as written in publiccode.yml.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Internal => "internal",
            Self::Contract => "contract",
            Self::Community => "community",
            Self::None => "none",
        }
    }

    /// Parses the value as written in publiccode.yml.
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|v| v.as_str() == s)
    }
}

/// `maintenance`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Maintenance {
    /// How the software is maintained.
    #[serde(rename = "type")]
    pub kind: MaintenanceType,
    /// Contractors (when `type` is `contract`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contractors: Vec<Contractor>,
    /// Technical contacts.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contacts: Vec<Contact>,
}

/// `maintenance.contractors[]`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Contractor {
    /// Contractor's name.
    pub name: String,
    /// Contact e-mail.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Website.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    /// End of the contract, `YYYY-MM-DD`.
    pub until: String,
}

/// `maintenance.contacts[]`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// Person's name.
    pub name: String,
    /// E-mail.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Affiliation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub affiliation: Option<String>,
    /// Phone number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
}

/// `localisation`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Localisation {
    /// Whether the software supports translation.
    pub localisation_ready: bool,
    /// Languages the software is available in (BCP 47).
    pub available_languages: Vec<String>,
}

/// `dependsOn`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct DependsOn {
    /// Open-source dependencies.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub open: Vec<Dependency>,
    /// Proprietary dependencies.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub proprietary: Vec<Dependency>,
    /// Hardware dependencies.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub hardware: Vec<Dependency>,
}

/// One dependency.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Dependency {
    /// Dependency's name.
    pub name: String,
    /// Lowest compatible version.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version_min: Option<String>,
    /// Highest compatible version.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version_max: Option<String>,
    /// Whether the dependency is optional.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub optional: Option<bool>,
    /// The only compatible version.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
}

/// The Italian country section (`IT`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ItSection {
    /// Version of the Italian extension (`0.2` or `1.0`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country_extension_version: Option<String>,
    /// Deprecated conformance flags.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conforme: Option<ItConforme>,
    /// Reuse information.
    #[serde(default, skip_serializing_if = "ItRiuso::is_empty")]
    pub riuso: ItRiuso,
    /// National platforms the software integrates.
    #[serde(default)]
    pub piattaforme: ItPiattaforme,
}

/// `IT.conforme`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ItConforme {
    /// Design guidelines.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub linee_guida_design: Option<bool>,
    /// Interoperability model.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modello_interoperabilita: Option<bool>,
    /// Minimum security measures.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub misure_minime_sicurezza: Option<bool>,
    /// GDPR.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gdpr: Option<bool>,
}

/// `IT.riuso`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ItRiuso {
    /// Deprecated iPA code of the publishing administration.
    #[serde(default, rename = "codiceIPA", skip_serializing_if = "Option::is_none")]
    pub codice_ipa: Option<String>,
}

impl ItRiuso {
    fn is_empty(&self) -> bool {
        self.codice_ipa.is_none()
    }
}

/// `IT.piattaforme`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ItPiattaforme {
    /// SPID identity.
    #[serde(default)]
    pub spid: bool,
    /// pagoPA payments.
    #[serde(default)]
    pub pagopa: bool,
    /// CIE identity card.
    #[serde(default)]
    pub cie: bool,
    /// ANPR registry.
    #[serde(default)]
    pub anpr: bool,
    /// IO app.
    #[serde(default)]
    pub io: bool,
}
