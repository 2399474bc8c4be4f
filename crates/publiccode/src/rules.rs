//! Second stage: the standard's rules on the decoded values (required keys, enumerations,
//! formats, lengths, deprecations), then the conversion to the typed [`PublicCode`] model.

use crate::diagnostic::{Collector, Diagnostic};
use crate::formats::{self, SupportProblem, UriProblem};
use crate::message::MessageArg;
use crate::model::*;
use crate::raw::*;
use crate::vocab;
use crate::{AssetKind, AssetRef, Options};

const SPDX_HINT: &str =
    "see https://spdx.org/licenses for identifiers, combined with AND, OR, WITH";

pub(crate) struct Rules<'o> {
    pub found: Collector,
    pub assets: Vec<AssetRef>,
    options: &'o Options<'o>,
}

/// The values of a choice, quoted, as the reference lists them (`"a", "b" or "c"`): all but the
/// last (`"a", "b"`), and the last (`"c"`). Every choice of the standard has two values or more.
fn one_of(values: &[&str]) -> (String, String) {
    let quoted: Vec<String> = values.iter().map(|v| format!("\"{v}\"")).collect();
    match quoted.split_last() {
        Some((last, rest)) => (rest.join(", "), last.clone()),
        None => (String::new(), String::new()),
    }
}

fn leaf(key: &str) -> &str {
    key.rsplit('.').next().unwrap_or(key)
}

impl<'o> Rules<'o> {
    pub fn new(options: &'o Options<'o>) -> Self {
        Rules {
            found: Collector::default(),
            assets: Vec::new(),
            options,
        }
    }

    /// Reports an error: `message`, said as the message `id` with `args`.
    fn error(
        &mut self,
        key: impl Into<String>,
        message: impl Into<String>,
        id: &str,
        args: &[(&str, MessageArg)],
    ) {
        self.found
            .push(Diagnostic::error(key, message).said(id, args));
    }

    /// Reports a warning: `message`, said as the message `id` with `args`.
    fn warning(
        &mut self,
        key: impl Into<String>,
        message: impl Into<String>,
        id: &str,
        args: &[(&str, MessageArg)],
    ) {
        self.found
            .push(Diagnostic::warning(key, message).said(id, args));
    }

    /// Warns that a key is deprecated and may simply be dropped.
    fn deprecated(&mut self, key: impl Into<String>) {
        self.warning(
            key,
            "This key is DEPRECATED and will be removed in the future. It's safe to drop it",
            "validator-deprecated-drop",
            &[],
        );
    }

    /// Warns that a key is deprecated in favour of another key, `instead`.
    fn deprecated_for(&mut self, key: &str, instead: &str) {
        self.warning(
            key,
            format!(
                "This key is DEPRECATED and will be removed in the future. Use '{instead}' instead"
            ),
            "validator-deprecated-use",
            &[("key", instead.into())],
        );
    }

    fn required(&mut self, key: &str, value: &Option<String>) -> bool {
        if value.as_deref().is_none_or(str::is_empty) {
            self.missing(key);
            return false;
        }
        true
    }

    fn missing(&mut self, key: &str) {
        let field = leaf(key);
        self.error(
            key,
            format!("{field} is a required field"),
            "validator-required",
            &[("field", field.into())],
        );
    }

    fn link(&mut self, key: &str, value: &str, kind: AssetKind) {
        self.assets.push(AssetRef {
            key: key.to_string(),
            value: value.to_string(),
            kind,
            line: 0,
            column: 0,
        });
    }

    fn http_url(&mut self, key: &str, value: &Option<String>) {
        if let Some(v) = value {
            if formats::is_http_url(v) {
                if !key.contains("contractors") {
                    self.link(key, v, AssetKind::Page);
                }
            } else {
                let field = leaf(key);
                self.error(
                    key,
                    format!(
                        "{field} must be an HTTP URL (http:// or https:// with a host), not '{v}'"
                    ),
                    "validator-not-http-url",
                    &[("field", field.into()), ("value", v.as_str().into())],
                );
            }
        }
    }

    fn one_of(&mut self, key: &str, value: &Option<String>, allowed: &[&str]) {
        if !self.required(key, value) {
            return;
        }
        let v = value.as_deref().unwrap_or_default();
        if !allowed.contains(&v) {
            self.not_one_of(key, allowed);
        }
    }

    fn not_one_of(&mut self, key: &str, allowed: &[&str]) {
        let field = leaf(key);
        let (choices, last) = one_of(allowed);
        self.error(
            key,
            format!("{field} must be one of the following: {choices} or {last}"),
            "validator-one-of",
            &[
                ("field", field.into()),
                ("choices", choices.into()),
                ("last", last.into()),
            ],
        );
    }

    fn date(&mut self, key: &str, value: &str) {
        if !formats::is_date(value) {
            let field = leaf(key);
            self.error(
                key,
                format!("{field} must be a date with format 'YYYY-MM-DD', not '{value}'"),
                "validator-not-a-date",
                &[("field", field.into()), ("value", value.into())],
            );
        }
    }

    fn email(&mut self, key: &str, value: &Option<String>) {
        if let Some(v) = value.as_deref().filter(|v| !v.is_empty())
            && !formats::is_email(v)
        {
            let field = leaf(key);
            self.error(
                key,
                format!("{field} must be a valid email address"),
                "validator-not-an-email",
                &[("field", field.into())],
            );
        }
    }

    fn max_len(&mut self, key: &str, value: &str, max: usize) -> bool {
        if !formats::len_at_most(value, max) {
            let len = formats::char_len(value);
            let field = leaf(key);
            self.error(
                key,
                format!("{field} must be a maximum of {max} characters in length (it has {len})"),
                "validator-too-long",
                &[
                    ("field", field.into()),
                    ("max", max.into()),
                    ("length", len.into()),
                ],
            );
            return false;
        }
        true
    }

    /// Applies every rule, in the order of the standard's keys.
    pub fn check(&mut self, doc: &RawDoc) {
        self.top_level(doc);
        self.organisations(doc);
        self.audience(doc);
        self.descriptions(doc);
        self.legal(&doc.legal);
        self.maintenance(&doc.maintenance);
        self.localisation(&doc.localisation);
        self.depends_on(doc);
        self.assets_and_deprecations(doc);
        self.country_sections(doc);
    }

    fn top_level(&mut self, doc: &RawDoc) {
        self.required("name", &doc.name);
        if self.required("url", &doc.url) {
            let url = doc.url.as_deref().unwrap_or_default();
            if formats::is_url(url) {
                self.link("url", url, AssetKind::Repository);
            } else {
                self.error(
                    "url",
                    format!("url must be a valid URL, not '{url}'"),
                    "validator-url-invalid",
                    &[("value", url.into())],
                );
            }
        }
        self.http_url("landingURL", &doc.landing_url);
        for (i, u) in doc.is_based_on.iter().flatten().enumerate() {
            if !formats::is_url(u) {
                let key = format!("isBasedOn[{i}]");
                self.error(
                    &key,
                    format!("{key} must be a valid URL"),
                    "validator-not-a-url",
                    &[("field", key.as_str().into())],
                );
            }
        }
        if let Some(date) = &doc.release_date {
            self.date("releaseDate", date);
        }
        for (name, list) in [
            ("inputTypes", &doc.input_types),
            ("outputTypes", &doc.output_types),
        ] {
            for (i, t) in list.iter().flatten().enumerate() {
                if !formats::is_mime_type(t) {
                    let key = format!("{name}[{i}]");
                    self.error(
                        &key,
                        format!("{key} is not a valid MIME type"),
                        "validator-not-a-mime-type",
                        &[("field", key.as_str().into())],
                    );
                }
            }
        }
        if doc.platforms.as_ref().is_none_or(Vec::is_empty) {
            self.error(
                "platforms",
                "platforms must contain more than 0 items (for example: web, linux, windows, mac, android, ios)",
                "validator-platforms-empty",
                &[],
            );
        }
        for (i, c) in doc.categories.iter().flatten().enumerate() {
            if !vocab::CATEGORIES.contains(&c.as_str()) {
                let key = format!("categories[{i}]");
                self.error(
                    &key,
                    format!("{key} must be a valid category, and '{c}' is not one (see https://github.com/publiccodeyml/publiccode.yml/blob/main/docs/standard/categories-list.rst)"),
                    "validator-unknown-category",
                    &[("field", key.as_str().into()), ("value", c.as_str().into())],
                );
            }
        }
        self.http_url("roadmap", &doc.roadmap);
        let statuses: Vec<&str> = DevelopmentStatus::ALL.iter().map(|s| s.as_str()).collect();
        self.one_of("developmentStatus", &doc.development_status, &statuses);
        let types: Vec<&str> = SoftwareType::ALL.iter().map(|s| s.as_str()).collect();
        self.one_of("softwareType", &doc.software_type, &types);
        for (i, id) in doc.supports.iter().flatten().enumerate() {
            let key = format!("supports[{i}].id");
            let Some(id) = id.as_deref().filter(|s| !s.is_empty()) else {
                self.missing(&key);
                continue;
            };
            match formats::check_support_id(id) {
                Ok(()) => {}
                Err(SupportProblem::UnknownAlias) => self.error(
                    &key,
                    format!("id contains an unknown alias '{id}' (see https://github.com/publiccodeyml/publiccode.yml/blob/main/docs/standard/aliases-list.rst)"),
                    "validator-unknown-alias",
                    &[("value", id.into())],
                ),
                Err(SupportProblem::NotAUri) => self.error(
                    &key,
                    "id must be a known alias ('alias:<name>') or a valid URI (URL or URN)",
                    "validator-support-id-invalid",
                    &[],
                ),
            }
        }
    }

    fn organisation(&mut self, prefix: &str, org: &RawOrg) {
        let key = format!("{prefix}.uri");
        if !self.required(&key, &org.uri) {
            return;
        }
        let uri = org.uri.as_deref().unwrap_or_default();
        let registry = self.options.ipa_registry;
        match formats::check_organisation_uri(uri, registry) {
            Ok(()) => {}
            Err(UriProblem::Invalid) => self.error(
                &key,
                "uri is not a valid URI: use the organisation's website URL or a URN",
                "validator-organisation-uri-invalid",
                &[],
            ),
            Err(UriProblem::UnknownItalianPa) => self.error(
                &key,
                "uri must be a valid Italian Public Administration Code (iPA) with format 'urn:x-italian-pa:[codiceIPA]' (see https://github.com/publiccodeyml/italian-organizations-ipa-vocabulary)",
                "validator-organisation-uri-ipa",
                &[],
            ),
        }
    }

    fn organisations(&mut self, doc: &RawDoc) {
        if let Some(org) = &doc.organisation {
            self.organisation("organisation", org);
        }
        for (i, org) in doc.funded_by.iter().flatten().enumerate() {
            self.organisation(&format!("fundedBy[{i}]"), org);
        }
    }

    fn audience(&mut self, doc: &RawDoc) {
        let Some(a) = &doc.intended_audience else {
            return;
        };
        for (i, s) in a.scope.iter().flatten().enumerate() {
            if !vocab::SCOPES.contains(&s.as_str()) {
                let field = format!("scope[{i}]");
                self.error(
                    format!("intendedAudience.{field}"),
                    format!("{field} must be a valid scope, and '{s}' is not one (see https://github.com/publiccodeyml/publiccode.yml/blob/main/docs/standard/scope-list.rst)"),
                    "validator-unknown-scope",
                    &[("field", field.as_str().into()), ("value", s.as_str().into())],
                );
            }
        }
        for (name, list) in [
            ("countries", &a.countries),
            ("unsupportedCountries", &a.unsupported_countries),
        ] {
            for (i, c) in list.iter().flatten().enumerate() {
                let field = format!("{name}[{i}]");
                let key = format!("intendedAudience.{field}");
                if !formats::is_country(c) {
                    self.error(
                        &key,
                        format!("{field} must be a valid ISO 3166-1 alpha-2 two-letter country code, and '{c}' is not one"),
                        "validator-not-a-country",
                        &[("field", field.as_str().into()), ("value", c.as_str().into())],
                    );
                } else if *c == c.to_lowercase() {
                    let upper = c.to_uppercase();
                    self.warning(
                        &key,
                        format!("Lowercase country codes are DEPRECATED. Use uppercase instead ('{upper}')"),
                        "validator-country-lowercase",
                        &[("code", upper.into())],
                    );
                }
            }
        }
    }

    fn descriptions(&mut self, doc: &RawDoc) {
        let langs = doc.description.as_deref().unwrap_or_default();
        if langs.is_empty() {
            self.error(
                "description",
                "description must contain more than 0 items: describe the software in at least one language",
                "validator-description-empty",
                &[],
            );
            return;
        }
        if let Some((bad, _)) = langs.iter().find(|(l, _)| !formats::is_bcp47(l)) {
            self.error(
                "description",
                format!("description must be a valid BCP 47 language, and '{bad}' is not one (write en, en-GB, fr, zh-Hans, ...)"),
                "validator-description-language",
                &[("value", bad.as_str().into())],
            );
            return;
        }
        for (lang, d) in langs {
            let p = format!("description.{lang}");
            if let Some(g) = &d.generic_name {
                self.max_len(&format!("{p}.genericName"), g, 35);
            }
            if self.required(&format!("{p}.shortDescription"), &d.short_description) {
                self.max_len(
                    &format!("{p}.shortDescription"),
                    d.short_description.as_deref().unwrap_or_default(),
                    150,
                );
            }
            let long_key = format!("{p}.longDescription");
            if self.required(&long_key, &d.long_description) {
                let long = d.long_description.as_deref().unwrap_or_default();
                const MIN_LONG: usize = 150;
                if !formats::len_at_least(long, MIN_LONG) {
                    let len = formats::char_len(long);
                    self.error(
                        &long_key,
                        format!("longDescription must be at least {MIN_LONG} characters in length (it has {len})"),
                        "validator-too-short",
                        &[
                            ("field", "longDescription".into()),
                            ("min", MIN_LONG.into()),
                            ("length", len.into()),
                        ],
                    );
                } else {
                    self.max_len(&long_key, long, 10_000);
                }
            }
            self.http_url(&format!("{p}.documentation"), &d.documentation);
            self.http_url(&format!("{p}.apiDocumentation"), &d.api_documentation);
            if d.features.as_ref().is_none_or(Vec::is_empty) {
                self.error(
                    format!("{p}.features"),
                    "features must contain more than 0 items: list the software's key features",
                    "validator-features-empty",
                    &[],
                );
            }
            for (i, v) in d.videos.iter().flatten().enumerate() {
                let key = format!("{p}.videos[{i}]");
                if !formats::is_http_url(v) {
                    let field = format!("videos[{i}]");
                    self.error(
                        &key,
                        format!("{field} must be an HTTP URL"),
                        "validator-video-not-http-url",
                        &[("field", field.as_str().into())],
                    );
                }
            }
        }
    }

    fn legal(&mut self, legal: &RawLegal) {
        if self.required("legal.license", &legal.license) {
            let license = legal.license.as_deref().unwrap_or_default();
            if !formats::is_spdx_expression(license) {
                self.error(
                    "legal.license",
                    format!("license must be a valid license, and '{license}' is not an SPDX expression ({SPDX_HINT})"),
                    "validator-license-invalid",
                    &[("value", license.into())],
                );
            }
        }
    }

    fn maintenance(&mut self, m: &RawMaintenance) {
        let kinds: Vec<&str> = MaintenanceType::ALL.iter().map(|k| k.as_str()).collect();
        self.one_of("maintenance.type", &m.kind, &kinds);
        let kind = m.kind.as_deref().unwrap_or_default();
        if kind == "contract" && m.contractors.is_none() {
            self.error(
                "maintenance.contractors",
                "contractors is a required field when \"type\" is \"contract\"",
                "validator-contractors-required",
                &[],
            );
        } else if kind != "contract" && m.contractors.is_some() {
            self.error(
                "maintenance.contractors",
                "contractors must not be present unless \"type\" is \"contract\"",
                "validator-contractors-not-allowed",
                &[],
            );
        }
        // Contractors that should not be there are not checked further.
        let contractors = m
            .contractors
            .iter()
            .flatten()
            .filter(|_| kind == "contract");
        for (i, c) in contractors.enumerate() {
            let p = format!("maintenance.contractors[{i}]");
            self.required(&format!("{p}.name"), &c.name);
            self.email(&format!("{p}.email"), &c.email);
            self.http_url(&format!("{p}.website"), &c.website);
            if self.required(&format!("{p}.until"), &c.until) {
                self.date(
                    &format!("{p}.until"),
                    c.until.as_deref().unwrap_or_default(),
                );
            }
        }
        if (kind == "community" || kind == "internal") && m.contacts.is_none() {
            self.error(
                "maintenance.contacts",
                format!("contacts is a required field when \"type\" is \"{kind}\""),
                "validator-contacts-required",
                &[("type", kind.into())],
            );
        }
        for (i, c) in m.contacts.iter().flatten().enumerate() {
            let p = format!("maintenance.contacts[{i}]");
            self.required(&format!("{p}.name"), &c.name);
            self.email(&format!("{p}.email"), &c.email);
        }
    }

    fn localisation(&mut self, l: &RawLocalisation) {
        if l.localisation_ready.is_none() {
            self.error(
                "localisation.localisationReady",
                "localisationReady is a required field (true or false)",
                "validator-localisation-ready-required",
                &[],
            );
        }
        match &l.available_languages {
            None => self.missing("localisation.availableLanguages"),
            Some(langs) if langs.is_empty() => self.error(
                "localisation.availableLanguages",
                "availableLanguages must contain more than 0 items",
                "validator-available-languages-empty",
                &[],
            ),
            Some(langs) => {
                for (i, lang) in langs.iter().enumerate() {
                    if !formats::is_bcp47(lang) {
                        let field = format!("availableLanguages[{i}]");
                        self.error(
                            format!("localisation.{field}"),
                            format!(
                                "{field} must be a valid BCP 47 language, and '{lang}' is not one"
                            ),
                            "validator-not-a-language",
                            &[
                                ("field", field.as_str().into()),
                                ("value", lang.as_str().into()),
                            ],
                        );
                    }
                }
            }
        }
    }

    fn depends_on(&mut self, doc: &RawDoc) {
        let Some(deps) = &doc.depends_on else { return };
        for (kind, list) in [
            ("open", &deps.open),
            ("proprietary", &deps.proprietary),
            ("hardware", &deps.hardware),
        ] {
            for (i, dep) in list.iter().flatten().enumerate() {
                self.required(&format!("dependsOn.{kind}[{i}].name"), &dep.name);
            }
        }
    }

    /// Paths of files the document points at must be relative or http(s); the files themselves
    /// are checked by the I/O layer, which gets them as [`AssetRef`]s.
    fn asset(&mut self, key: &str, value: &str, kind: AssetKind) {
        if value.starts_with('/') {
            self.error(
                key,
                "is an absolute path. Only relative paths or HTTP(s) URLs allowed",
                "validator-absolute-path",
                &[],
            );
        } else if value.starts_with("file:") {
            self.error(
                key,
                "is a file:// URL. Only relative paths or HTTP(s) URLs allowed",
                "validator-file-url",
                &[],
            );
        } else {
            self.link(key, value, kind);
        }
    }

    fn assets_and_deprecations(&mut self, doc: &RawDoc) {
        if let Some(logo) = doc.logo.as_deref().filter(|l| !l.is_empty()) {
            self.asset("logo", logo, AssetKind::Logo);
        }
        if let Some(logo) = doc.monochrome_logo.as_deref().filter(|l| !l.is_empty()) {
            self.deprecated_for("monochromeLogo", "logo");
            self.asset("monochromeLogo", logo, AssetKind::Logo);
        }
        if let Some(file) = &doc.legal.authors_file {
            self.deprecated("legal.authorsFile");
            self.asset("legal.authorsFile", file, AssetKind::AuthorsFile);
        }
        if doc.legal.repo_owner.is_some() {
            self.deprecated_for("legal.repoOwner", "organisation.name");
        }
        if doc.input_types.is_some() {
            self.deprecated("inputTypes");
        }
        if doc.output_types.is_some() {
            self.deprecated("outputTypes");
        }
        for (lang, d) in doc.description.iter().flatten() {
            if d.generic_name.as_deref().is_some_and(|g| !g.is_empty()) {
                self.deprecated(format!("description.{lang}.genericName"));
            }
            for (i, shot) in d.screenshots.iter().flatten().enumerate() {
                self.asset(
                    &format!("description.{lang}.screenshots[{i}]"),
                    shot,
                    AssetKind::Screenshot,
                );
            }
            for (i, video) in d.videos.iter().flatten().enumerate() {
                if !formats::is_oembed_video(video) {
                    self.error(
                        format!("description.{lang}.videos[{i}]"),
                        format!("'{video}' is not a valid video URL supporting oEmbed: link a video page on a platform such as YouTube, Vimeo, Dailymotion or PeerTube"),
                        "validator-video-not-oembed",
                        &[("value", video.as_str().into())],
                    );
                }
            }
        }
    }

    fn country_sections(&mut self, doc: &RawDoc) {
        for (name, section) in [("IT", &doc.it_upper), ("it", &doc.it_lower)] {
            if let Some(it) = section {
                if let Some(v) = &it.country_extension_version
                    && v != "0.2"
                    && v != "1.0"
                {
                    self.not_one_of(&format!("{name}.countryExtensionVersion"), &["0.2", "1.0"]);
                }
                if let Some(code) = it.codice_ipa.as_deref().filter(|c| !c.is_empty())
                    && !formats::is_ipa_code(code, self.options.ipa_registry)
                {
                    self.error(
                            format!("{name}.riuso.codiceIPA"),
                            "codiceIPA must be a valid Italian Public Administration Code (iPA) (see https://github.com/publiccodeyml/italian-organizations-ipa-vocabulary)",
                            "validator-codice-ipa-invalid",
                            &[],
                        );
                }
            }
        }
        if doc.it_lower.is_some() {
            self.warning(
                "it",
                "Lowercase country codes are DEPRECATED and will be removed in the future. Use 'IT' instead",
                "validator-it-lowercase",
                &[],
            );
            if doc.it_upper.is_some() {
                self.error(
                    "it",
                    "'IT' key already present. Remove this key",
                    "validator-it-duplicate",
                    &[],
                );
            }
        }
        let it = doc.it_upper.as_ref().or(doc.it_lower.as_ref());
        if let Some(it) = it {
            if it.conforme.is_some() {
                self.deprecated("IT.conforme");
            }
            if let Some(code) = it.codice_ipa.as_deref().filter(|c| !c.is_empty())
                && formats::is_ipa_code(code, self.options.ipa_registry)
            {
                self.warning(
                        "IT.riuso.codiceIPA",
                        format!("This key is DEPRECATED and will be removed in the future. Use 'organisation.uri' and set it to 'urn:x-italian-pa:{code}' instead"),
                        "validator-codice-ipa-deprecated",
                        &[("code", code.into())],
                    );
            }
        }
    }
}

/// Builds the typed model from a document that passed every rule.
pub(crate) fn to_model(doc: RawDoc) -> Option<PublicCode> {
    let org = |o: RawOrg| Organisation {
        name: o.name,
        uri: o.uri.unwrap_or_default(),
    };
    let dep = |d: RawDependency| Dependency {
        name: d.name.unwrap_or_default(),
        version_min: d.version_min,
        version_max: d.version_max,
        optional: d.optional,
        version: d.version,
    };
    let deps = |l: Option<Vec<RawDependency>>| l.unwrap_or_default().into_iter().map(dep).collect();
    let it = doc.it_upper.or(doc.it_lower).map(|it| ItSection {
        country_extension_version: it.country_extension_version,
        conforme: it.conforme.map(|c| ItConforme {
            linee_guida_design: c.get("lineeGuidaDesign").copied().flatten(),
            modello_interoperabilita: c.get("modelloInteroperabilita").copied().flatten(),
            misure_minime_sicurezza: c.get("misureMinimeSicurezza").copied().flatten(),
            gdpr: c.get("gdpr").copied().flatten(),
        }),
        riuso: ItRiuso {
            codice_ipa: it.codice_ipa,
        },
        piattaforme: ItPiattaforme {
            spid: it.piattaforme.get("spid").copied().unwrap_or(false),
            pagopa: it.piattaforme.get("pagopa").copied().unwrap_or(false),
            cie: it.piattaforme.get("cie").copied().unwrap_or(false),
            anpr: it.piattaforme.get("anpr").copied().unwrap_or(false),
            io: it.piattaforme.get("io").copied().unwrap_or(false),
        },
    });
    let legacy_ipa = it.as_ref().and_then(|it| it.riuso.codice_ipa.clone());
    let mut organisation = doc.organisation.map(org);
    // The deprecated IT.riuso.codiceIPA names the publisher: carry it into `organisation`.
    if organisation.is_none()
        && let Some(code) = legacy_ipa
    {
        organisation = Some(Organisation {
            name: doc.legal.repo_owner.clone(),
            uri: format!("urn:x-italian-pa:{code}"),
        });
    }
    Some(PublicCode {
        publiccode_yml_version: doc.version?,
        name: doc.name?,
        application_suite: doc.application_suite,
        url: doc.url?,
        landing_url: doc.landing_url,
        is_based_on: doc.is_based_on.unwrap_or_default(),
        software_version: doc.software_version,
        release_date: doc.release_date,
        logo: doc.logo,
        monochrome_logo: doc.monochrome_logo,
        organisation,
        input_types: doc.input_types,
        output_types: doc.output_types,
        platforms: doc.platforms?,
        categories: doc.categories.unwrap_or_default(),
        used_by: doc.used_by.unwrap_or_default(),
        funded_by: doc
            .funded_by
            .unwrap_or_default()
            .into_iter()
            .map(org)
            .collect(),
        roadmap: doc.roadmap,
        development_status: DevelopmentStatus::parse(doc.development_status.as_deref()?)?,
        software_type: SoftwareType::parse(doc.software_type.as_deref()?)?,
        supports: doc
            .supports
            .unwrap_or_default()
            .into_iter()
            .map(|id| Support {
                id: id.unwrap_or_default(),
            })
            .collect(),
        intended_audience: doc.intended_audience.map(|a| IntendedAudience {
            scope: a.scope.unwrap_or_default(),
            countries: a.countries.unwrap_or_default(),
            unsupported_countries: a.unsupported_countries.unwrap_or_default(),
        }),
        description: doc
            .description?
            .into_iter()
            .map(|(lang, d)| {
                (
                    lang,
                    Description {
                        localised_name: d.localised_name,
                        generic_name: d.generic_name,
                        short_description: d.short_description.unwrap_or_default(),
                        long_description: d.long_description.unwrap_or_default(),
                        documentation: d.documentation,
                        api_documentation: d.api_documentation,
                        features: d.features.unwrap_or_default(),
                        screenshots: d.screenshots.unwrap_or_default(),
                        videos: d.videos.unwrap_or_default(),
                        awards: d.awards.unwrap_or_default(),
                    },
                )
            })
            .collect(),
        legal: Legal {
            license: doc.legal.license?,
            main_copyright_owner: doc.legal.main_copyright_owner,
            repo_owner: doc.legal.repo_owner,
            authors_file: doc.legal.authors_file,
        },
        maintenance: Maintenance {
            kind: MaintenanceType::parse(doc.maintenance.kind.as_deref()?)?,
            contractors: doc
                .maintenance
                .contractors
                .unwrap_or_default()
                .into_iter()
                .map(|c| Contractor {
                    name: c.name.unwrap_or_default(),
                    email: c.email,
                    website: c.website,
                    until: c.until.unwrap_or_default(),
                })
                .collect(),
            contacts: doc
                .maintenance
                .contacts
                .unwrap_or_default()
                .into_iter()
                .map(|c| Contact {
                    name: c.name.unwrap_or_default(),
                    email: c.email,
                    affiliation: c.affiliation,
                    phone: c.phone,
                })
                .collect(),
        },
        localisation: Localisation {
            localisation_ready: doc.localisation.localisation_ready?,
            available_languages: doc.localisation.available_languages?,
        },
        depends_on: doc.depends_on.map(|d| DependsOn {
            open: deps(d.open),
            proprietary: deps(d.proprietary),
            hardware: deps(d.hardware),
        }),
        it,
    })
}
