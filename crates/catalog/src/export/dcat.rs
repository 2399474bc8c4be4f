//! The catalog as DCAT-AP 3 in Turtle, written entry by entry.
//!
//! Classes, after DCAT-AP 3 and ADMS-AP's guidance for software (the reasons are in
//! `docs/exports.md`): the catalog is a `dcat:Catalog`; each listed entry is described by a
//! `dcat:CatalogRecord` (its catalog times and the publiccode.yml standard it conforms to)
//! whose primary topic is the software, a `dcat:Dataset` also typed `adms:Asset` with
//! `dct:type` DCMI's `Software`; its repository is a `dcat:Distribution` whose `accessURL` is
//! the repository and whose licence is a `dct:LicenseDocument` (the SPDX page of a single
//! licence id); publishers are `foaf:Agent`s; languages are the EU's authority IRIs; themes
//! are the standard's categories as SKOS concepts.
//!
//! Every IRI is built with `oxrdf` and written by `oxttl`, which escape literals; URLs from a
//! publiccode.yml are parsed first and written in their normal form (`>` becomes `%3E`), and
//! one that is no IRI is left out. Each object the shapes check the class of is typed in the
//! graph itself, so that the export is valid without the vocabularies at hand.

use super::languages::eu_language;
use crate::model::{Organisation, Software};
use commons_publiccode::model::{DevelopmentStatus, PublicCode};
use oxrdf::vocab::{rdf, rdfs, xsd};
use oxrdf::{BlankNode, Literal, NamedNode, NamedOrBlankNode, Term, TripleRef};
use oxttl::TurtleSerializer;
use oxttl::turtle::LowLevelTurtleSerializer;
use std::collections::HashSet;

const DCAT: &str = "http://www.w3.org/ns/dcat#";
const DCT: &str = "http://purl.org/dc/terms/";
const FOAF: &str = "http://xmlns.com/foaf/0.1/";
const ADMS: &str = "http://www.w3.org/ns/adms#";
const SKOS: &str = "http://www.w3.org/2004/02/skos/core#";
const VCARD: &str = "http://www.w3.org/2006/vcard/ns#";
const PROV: &str = "http://www.w3.org/ns/prov#";
const DCMITYPE: &str = "http://purl.org/dc/dcmitype/";
const ADMS_STATUS: &str = "http://purl.org/adms/status/";
const EU_LANGUAGE: &str = "http://publications.europa.eu/resource/authority/language/";

/// Where the catalog's own resources are named. The server does not know the name it is
/// reached by (and must not take it from a request's `Host`), so its resources get tag URIs
/// (RFC 4151), as the Atom feeds' ids do: absolute, stable, the same in every copy.
const BASE: &str = "tag:commons,2026:";

/// The publiccode.yml standard, which every record's source file conforms to.
const PUBLICCODE_STANDARD: &str = "https://yml.publiccode.tools/";

/// The standard's list of categories: the themes' concept scheme.
const CATEGORIES: &str = "https://yml.publiccode.tools/categories-list.html";

fn iri(text: &str) -> NamedNode {
    NamedNode::new_unchecked(text)
}

fn term(prefix: &str, local: &str) -> NamedNode {
    iri(&format!("{prefix}{local}"))
}

/// A URL from a publiccode.yml as an IRI: parsed and written in its normal form, or `None`.
fn url_iri(text: &str) -> Option<NamedNode> {
    let url = url::Url::parse(text.trim()).ok()?;
    NamedNode::new(url.as_str()).ok()
}

fn english(text: &str) -> Literal {
    Literal::new_language_tagged_literal_unchecked(text, "en")
}

/// A text in a language: tagged when the tag is well formed, plain otherwise.
fn in_language(text: &str, lang: &str) -> Literal {
    Literal::new_language_tagged_literal(text, lang)
        .unwrap_or_else(|_| Literal::new_simple_literal(text))
}

fn date_time(seconds: i64) -> Literal {
    let time = jiff::Timestamp::from_second(seconds).unwrap_or(jiff::Timestamp::UNIX_EPOCH);
    Literal::new_typed_literal(time.to_string(), xsd::DATE_TIME)
}

/// A `YYYY-MM-DD` date as `xsd:date`, or `None` for anything else.
fn date(text: &str) -> Option<Literal> {
    text.parse::<jiff::civil::Date>()
        .ok()
        .map(|d| Literal::new_typed_literal(d.to_string(), xsd::DATE))
}

/// Writes the catalog as Turtle in pieces: [`DcatWriter::start`], then
/// [`DcatWriter::entries`] for each page of entries, then [`DcatWriter::finish`].
pub struct DcatWriter {
    turtle: LowLevelTurtleSerializer,
    /// Concepts and languages already typed and labelled (a few hundred at most).
    described: HashSet<String>,
    organisations: HashSet<String>,
    next_blank: u128,
}

impl Default for DcatWriter {
    fn default() -> Self {
        Self::new()
    }
}

impl DcatWriter {
    /// A writer with the prefixes of the vocabularies used.
    pub fn new() -> DcatWriter {
        let mut serializer = TurtleSerializer::new();
        for (prefix, namespace) in [
            ("dcat", DCAT),
            ("dct", DCT),
            ("foaf", FOAF),
            ("adms", ADMS),
            ("skos", SKOS),
            ("vcard", VCARD),
            ("prov", PROV),
            ("rdfs", "http://www.w3.org/2000/01/rdf-schema#"),
            ("xsd", "http://www.w3.org/2001/XMLSchema#"),
        ] {
            serializer = serializer
                .with_prefix(prefix, namespace)
                .expect("the prefixes are valid IRIs");
        }
        DcatWriter {
            turtle: serializer.low_level(),
            described: HashSet::new(),
            organisations: HashSet::new(),
            next_blank: 0,
        }
    }

    fn catalog() -> NamedNode {
        iri(&format!("{BASE}catalog"))
    }

    fn organisation(id: &str) -> NamedNode {
        iri(&format!("{BASE}organisations/{id}"))
    }

    fn blank(&mut self) -> BlankNode {
        self.next_blank += 1;
        BlankNode::new_from_unique_id(self.next_blank)
    }

    fn triple(
        &mut self,
        out: &mut Vec<u8>,
        subject: impl Into<NamedOrBlankNode>,
        predicate: NamedNode,
        object: impl Into<Term>,
    ) {
        let subject = subject.into();
        let object = object.into();
        self.turtle
            .serialize_triple(TripleRef::new(&subject, &predicate, &object), out)
            .expect("writing to memory does not fail");
    }

    /// Types and labels a concept once.
    fn concept(&mut self, out: &mut Vec<u8>, concept: &NamedNode, label: Literal) {
        if !self.described.insert(concept.as_str().to_string()) {
            return;
        }
        self.triple(
            out,
            concept.clone(),
            rdf::TYPE.into(),
            term(SKOS, "Concept"),
        );
        self.triple(out, concept.clone(), term(SKOS, "prefLabel"), label);
    }

    /// The catalog, its publisher, the vocabularies it uses and every organisation.
    pub fn start(&mut self, organisations: &[Organisation], modified: Option<i64>) -> Vec<u8> {
        let mut out = Vec::new();
        let catalog = Self::catalog();
        let operator = iri(&format!("{BASE}operator"));
        self.triple(
            &mut out,
            catalog.clone(),
            rdf::TYPE.into(),
            term(DCAT, "Catalog"),
        );
        self.triple(
            &mut out,
            catalog.clone(),
            term(DCT, "title"),
            english("Commons software catalog"),
        );
        self.triple(
            &mut out,
            catalog.clone(),
            term(DCT, "description"),
            english(
                "Open-source software published by public organisations, read from the \
                 publiccode.yml files in their repositories.",
            ),
        );
        self.triple(
            &mut out,
            catalog.clone(),
            term(DCT, "publisher"),
            operator.clone(),
        );
        self.triple(
            &mut out,
            catalog.clone(),
            term(DCAT, "themeTaxonomy"),
            iri(CATEGORIES),
        );
        if let Some(modified) = modified {
            self.triple(
                &mut out,
                catalog,
                term(DCT, "modified"),
                date_time(modified),
            );
        }
        self.triple(
            &mut out,
            operator.clone(),
            rdf::TYPE.into(),
            term(FOAF, "Agent"),
        );
        self.triple(
            &mut out,
            operator,
            term(FOAF, "name"),
            english("The operator of this Commons catalog"),
        );
        let scheme = iri(CATEGORIES);
        self.triple(
            &mut out,
            scheme.clone(),
            rdf::TYPE.into(),
            term(SKOS, "ConceptScheme"),
        );
        self.triple(
            &mut out,
            scheme,
            term(DCT, "title"),
            english("publiccode.yml categories"),
        );
        let standard = iri(PUBLICCODE_STANDARD);
        self.triple(
            &mut out,
            standard.clone(),
            rdf::TYPE.into(),
            term(DCT, "Standard"),
        );
        self.triple(
            &mut out,
            standard,
            term(DCT, "title"),
            english("publiccode.yml"),
        );
        for organisation in organisations {
            self.agent(&mut out, organisation);
        }
        out
    }

    fn agent(&mut self, out: &mut Vec<u8>, organisation: &Organisation) {
        let node = Self::organisation(&organisation.id);
        self.organisations.insert(organisation.id.clone());
        self.triple(out, node.clone(), rdf::TYPE.into(), term(FOAF, "Agent"));
        self.triple(
            out,
            node.clone(),
            rdf::TYPE.into(),
            term(FOAF, "Organization"),
        );
        self.triple(
            out,
            node.clone(),
            term(FOAF, "name"),
            Literal::new_simple_literal(&organisation.name),
        );
        if let Some(uri) = &organisation.uri {
            self.triple(
                out,
                node.clone(),
                term(DCT, "identifier"),
                Literal::new_simple_literal(uri),
            );
            if let Some(homepage) = url_iri(uri).filter(|u| u.as_str().starts_with("http")) {
                self.triple(out, node, term(FOAF, "homepage"), homepage);
            }
        }
    }

    /// One page of entries; entries without a live model are skipped.
    pub fn entries(&mut self, entries: &[Software]) -> Vec<u8> {
        let mut out = Vec::new();
        for software in entries {
            if let Some(model) = &software.publiccode {
                self.entry(&mut out, software, model);
            }
        }
        out
    }

    fn entry(&mut self, out: &mut Vec<u8>, software: &Software, model: &PublicCode) {
        let dataset = iri(&format!("{BASE}software/{}", software.id));
        let record = iri(&format!("{BASE}records/{}", software.id));
        self.triple(out, Self::catalog(), term(DCAT, "record"), record.clone());
        self.triple(out, Self::catalog(), term(DCAT, "dataset"), dataset.clone());
        self.triple(
            out,
            record.clone(),
            rdf::TYPE.into(),
            term(DCAT, "CatalogRecord"),
        );
        self.triple(
            out,
            record.clone(),
            term(FOAF, "primaryTopic"),
            dataset.clone(),
        );
        self.triple(
            out,
            record.clone(),
            term(DCT, "issued"),
            date_time(software.created_at),
        );
        self.triple(
            out,
            record.clone(),
            term(DCT, "modified"),
            date_time(software.updated_at),
        );
        self.triple(
            out,
            record,
            term(DCT, "conformsTo"),
            iri(PUBLICCODE_STANDARD),
        );
        self.dataset(out, &dataset, software, model);
    }

    fn dataset(
        &mut self,
        out: &mut Vec<u8>,
        node: &NamedNode,
        software: &Software,
        model: &PublicCode,
    ) {
        let s = || node.clone();
        self.triple(out, s(), rdf::TYPE.into(), term(DCAT, "Dataset"));
        self.triple(out, s(), rdf::TYPE.into(), term(ADMS, "Asset"));
        let software_type = term(DCMITYPE, "Software");
        self.concept(out, &software_type, english("Software"));
        self.triple(out, s(), term(DCT, "type"), software_type);
        self.triple(
            out,
            s(),
            term(DCT, "title"),
            Literal::new_simple_literal(&model.name),
        );
        self.triple(
            out,
            s(),
            term(DCT, "identifier"),
            Literal::new_simple_literal(&software.repository_url),
        );
        for (lang, description) in &model.description {
            let text = description.long_description.trim_end();
            self.triple(out, s(), term(DCT, "description"), in_language(text, lang));
            if let Some(local) = &description.localised_name {
                self.triple(out, s(), term(DCT, "alternative"), in_language(local, lang));
            }
            for page in description.documentation.iter().filter_map(|u| url_iri(u)) {
                self.document(out, &page);
                self.triple(out, s(), term(FOAF, "page"), page);
            }
        }
        for category in &model.categories {
            let concept = iri(&format!("{CATEGORIES}#{}", percent_fragment(category)));
            self.concept(out, &concept, english(category));
            self.triple(
                out,
                concept.clone(),
                term(SKOS, "inScheme"),
                iri(CATEGORIES),
            );
            self.triple(out, s(), term(DCAT, "theme"), concept);
            self.triple(out, s(), term(DCAT, "keyword"), english(category));
        }
        for language in &model.localisation.available_languages {
            if let Some(code) = eu_language(language) {
                let language = term(EU_LANGUAGE, code);
                if self.described.insert(language.as_str().to_string()) {
                    self.triple(
                        out,
                        language.clone(),
                        rdf::TYPE.into(),
                        term(DCT, "LinguisticSystem"),
                    );
                }
                self.triple(out, s(), term(DCT, "language"), language);
            }
        }
        if let Some(landing) = model.landing_url.as_deref().and_then(url_iri) {
            self.document(out, &landing);
            self.triple(out, s(), term(DCAT, "landingPage"), landing);
        }
        if let Some(version) = &model.software_version {
            self.triple(
                out,
                s(),
                term(DCAT, "version"),
                Literal::new_simple_literal(version),
            );
        }
        if let Some(released) = model.release_date.as_deref().and_then(date) {
            self.triple(out, s(), term(DCT, "modified"), released);
        }
        let status = status(model.development_status);
        self.concept(out, &status.0, english(status.1));
        self.triple(out, s(), term(ADMS, "status"), status.0);
        if let Some(id) = software
            .organisation_id
            .as_ref()
            .filter(|id| self.organisations.contains(*id))
        {
            self.triple(out, s(), term(DCT, "publisher"), Self::organisation(id));
        }
        for based_on in model.is_based_on.iter().filter_map(|u| url_iri(u)) {
            self.triple(out, s(), term(PROV, "wasDerivedFrom"), based_on);
        }
        self.contacts(out, node, model);
        self.distribution(out, node, software, model);
    }

    fn document(&mut self, out: &mut Vec<u8>, page: &NamedNode) {
        self.triple(out, page.clone(), rdf::TYPE.into(), term(FOAF, "Document"));
    }

    fn contacts(&mut self, out: &mut Vec<u8>, dataset: &NamedNode, model: &PublicCode) {
        for contact in &model.maintenance.contacts {
            let card = self.blank();
            self.triple(
                out,
                dataset.clone(),
                term(DCAT, "contactPoint"),
                card.clone(),
            );
            self.triple(out, card.clone(), rdf::TYPE.into(), term(VCARD, "Kind"));
            self.triple(
                out,
                card.clone(),
                rdf::TYPE.into(),
                term(VCARD, "Individual"),
            );
            self.triple(
                out,
                card.clone(),
                term(VCARD, "fn"),
                Literal::new_simple_literal(&contact.name),
            );
            let email = contact
                .email
                .as_deref()
                .and_then(|e| NamedNode::new(format!("mailto:{}", e.trim())).ok());
            if let Some(email) = email {
                self.triple(out, card, term(VCARD, "hasEmail"), email);
            }
        }
    }

    fn distribution(
        &mut self,
        out: &mut Vec<u8>,
        dataset: &NamedNode,
        software: &Software,
        model: &PublicCode,
    ) {
        let Some(repository) = url_iri(&software.repository_url).or_else(|| url_iri(&model.url))
        else {
            return;
        };
        let node = iri(&format!("{BASE}software/{}/repository", software.id));
        self.triple(
            out,
            dataset.clone(),
            term(DCAT, "distribution"),
            node.clone(),
        );
        self.triple(
            out,
            node.clone(),
            rdf::TYPE.into(),
            term(DCAT, "Distribution"),
        );
        self.triple(
            out,
            node.clone(),
            term(DCT, "title"),
            english("Source code repository"),
        );
        self.triple(out, node.clone(), term(DCAT, "accessURL"), repository);
        let licence = self.licence(out, &model.legal.license);
        self.triple(out, node, term(DCT, "license"), licence);
    }

    /// The licence: the SPDX page of a single licence id, or a described licence document
    /// for an expression (which has no page of its own) pointing at its licences' pages.
    fn licence(&mut self, out: &mut Vec<u8>, expression: &str) -> NamedOrBlankNode {
        let pages = super::codemeta::license_urls(expression);
        let single = pages.len() == 1 && pages[0].ends_with(&format!("/{}", expression.trim()));
        let node: NamedOrBlankNode = match pages.first() {
            Some(page) if single => iri(page).into(),
            _ => self.blank().into(),
        };
        self.triple(
            out,
            node.clone(),
            rdf::TYPE.into(),
            term(DCT, "LicenseDocument"),
        );
        self.triple(
            out,
            node.clone(),
            rdfs::LABEL.into(),
            Literal::new_simple_literal(expression),
        );
        if !single {
            for page in pages {
                self.triple(out, node.clone(), rdfs::SEE_ALSO.into(), iri(&page));
            }
        }
        node
    }

    /// The end of the document.
    pub fn finish(&mut self) -> Vec<u8> {
        let mut out = Vec::new();
        self.turtle
            .finish(&mut out)
            .expect("writing to memory does not fail");
        out
    }
}

/// A category as an IRI fragment: the standard's categories are `[a-z0-9-]`, anything else is
/// percent-encoded.
fn percent_fragment(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            other => format!("%{other:02X}"),
        })
        .collect()
}

/// `developmentStatus` in ADMS's status vocabulary, with its label.
fn status(status: DevelopmentStatus) -> (NamedNode, &'static str) {
    let (local, label) = match status {
        DevelopmentStatus::Concept | DevelopmentStatus::Development | DevelopmentStatus::Beta => {
            ("UnderDevelopment", "Under development")
        }
        DevelopmentStatus::Stable => ("Completed", "Completed"),
        DevelopmentStatus::Obsolete => ("Deprecated", "Deprecated"),
    };
    (term(ADMS_STATUS, local), label)
}
