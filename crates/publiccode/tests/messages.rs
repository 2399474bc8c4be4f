//! Every diagnostic says its English `message` a second time as a message id with arguments
//! (`l10n`), for readers in other languages. The English Fluent file,
//! `locales/en/validator.ftl`, must render each one back to `message` exactly: the reference
//! validator's test files and a set of hostile inputs are validated, and every diagnostic they
//! give is rendered. The file and the source must also name the same message ids.

use commons_publiccode::{MAX_FILE_SIZE, Message, MessageArg, Options, validate};
use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use fluent_syntax::ast;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

const ENGLISH: &str = include_str!("../locales/en/validator.ftl");

/// Messages no input can produce: a validation stopped by a hook that never stops, a type error
/// no decoder reports, an alias the YAML parser lets through without its anchor.
const UNREACHABLE: &[&str] = &[
    "validator-stopped",
    "validator-wrong-type",
    "validator-yaml-unknown-anchor",
];

fn bundle() -> FluentBundle<FluentResource> {
    let resource = FluentResource::try_new(ENGLISH.to_string())
        .unwrap_or_else(|(_, errors)| panic!("validator.ftl does not parse: {errors:?}"));
    let mut bundle = FluentBundle::new(vec![unic_langid::langid!("en")]);
    bundle.set_use_isolating(false);
    bundle
        .add_resource(resource)
        .unwrap_or_else(|errors| panic!("validator.ftl defines a message twice: {errors:?}"));
    bundle
}

/// The message `said` in English: numbers as Fluent numbers, text as strings.
fn render(bundle: &FluentBundle<FluentResource>, said: &Message) -> String {
    let pattern = bundle
        .get_message(&said.id)
        .and_then(|m| m.value())
        .unwrap_or_else(|| panic!("{} is not a message of validator.ftl", said.id));
    let mut args = FluentArgs::new();
    for (name, value) in &said.args {
        match value {
            MessageArg::Number(n) => args.set(name.as_str(), FluentValue::from(*n)),
            MessageArg::Text(t) => args.set(name.as_str(), FluentValue::from(t.as_str())),
        }
    }
    let mut errors = Vec::new();
    let text = bundle
        .format_pattern(pattern, Some(&args), &mut errors)
        .into_owned();
    assert!(errors.is_empty(), "{}: {errors:?}", said.id);
    text
}

/// Every message of the English file with the variables it uses.
fn variables_by_message() -> BTreeMap<String, BTreeSet<String>> {
    variables_by_message_in(ENGLISH)
}

/// Every message of a Fluent source with the variables it uses.
fn variables_by_message_in(source: &str) -> BTreeMap<String, BTreeSet<String>> {
    fn inline(expression: &ast::InlineExpression<&str>, found: &mut BTreeSet<String>) {
        match expression {
            ast::InlineExpression::VariableReference { id } => {
                found.insert(id.name.to_string());
            }
            ast::InlineExpression::Placeable { expression } => expr(expression, found),
            _ => {}
        }
    }
    fn expr(expression: &ast::Expression<&str>, found: &mut BTreeSet<String>) {
        match expression {
            ast::Expression::Inline(e) => inline(e, found),
            ast::Expression::Select { selector, variants } => {
                inline(selector, found);
                for variant in variants {
                    pattern(&variant.value, found);
                }
            }
        }
    }
    fn pattern(pattern: &ast::Pattern<&str>, found: &mut BTreeSet<String>) {
        for element in &pattern.elements {
            if let ast::PatternElement::Placeable { expression } = element {
                expr(expression, found);
            }
        }
    }
    let resource = fluent_syntax::parser::parse(source)
        .unwrap_or_else(|(_, errors)| panic!("validator.ftl does not parse: {errors:?}"));
    resource
        .body
        .iter()
        .filter_map(|entry| match entry {
            ast::Entry::Message(m) => {
                let mut found = BTreeSet::new();
                if let Some(value) = &m.value {
                    pattern(value, &mut found);
                }
                Some((m.id.name.to_string(), found))
            }
            _ => None,
        })
        .collect()
}

fn corpus() -> PathBuf {
    PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/conformance/publiccode-parser-go/testdata"
    ))
}

/// Every file under `root` whose extension is `extension`, in path order.
fn files_with_extension(root: &Path, extension: &str) -> Vec<PathBuf> {
    let mut stack = vec![root.to_path_buf()];
    let mut files = Vec::new();
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == extension) {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

const LONG: &str = "A long description of the software, long enough for the standard: it \
                    says what the software does, for whom, and how it is used every day by \
                    the people who depend on it.";

/// A valid file to spoil: `extra` is appended at the top level.
fn valid_with(extra: &str) -> String {
    format!(
        "publiccodeYmlVersion: \"0\"\nname: X\nurl: \"https://example.org/x\"\nplatforms: [web]\n\
         developmentStatus: stable\nsoftwareType: standalone/web\n\
         description:\n  en:\n    shortDescription: short\n    longDescription: \"{LONG}\"\n    features: [a]\n\
         legal:\n  license: MIT\n\
         localisation:\n  localisationReady: true\n  availableLanguages: [en]\n{extra}"
    )
}

/// Inputs that break something at every stage: bytes, YAML, types, keys, rules, the cap.
fn hostile() -> Vec<(String, Vec<u8>)> {
    let mut inputs: Vec<(&str, Vec<u8>)> = vec![
        ("too large", vec![b' '; MAX_FILE_SIZE + 1]),
        ("invalid UTF-8", b"name: \xff\xfe\n".to_vec()),
        ("NUL bytes", b"name: a\0b\n".to_vec()),
        (
            "a BOM",
            format!(
                "\u{feff}{}",
                valid_with("maintenance:\n  type: internal\n  contacts: [{name: A}]\n")
            )
            .into_bytes(),
        ),
        (
            "a BOM and a syntax error",
            "\u{feff}name: [a\n".as_bytes().to_vec(),
        ),
        ("empty", Vec::new()),
        ("comments only", b"# nothing here\n".to_vec()),
        ("not a mapping", b"- a\n- b\n".to_vec()),
        ("unclosed flow", b"name: [a, b\n".to_vec()),
        ("mapping in a scalar", b"name: a: b\n".to_vec()),
        ("tab indentation", b"legal:\n\tlicense: MIT\n".to_vec()),
        ("unterminated quote", b"name: 'abc\n".to_vec()),
        ("unknown anchor", b"name: *nothing\n".to_vec()),
        ("duplicate keys", b"name: a\nurl: b\nname: c\n".to_vec()),
        ("multiple documents", b"name: a\n---\nname: b\n".to_vec()),
        ("a list as a key", b"? [a, b]\n: c\n".to_vec()),
        (
            "too deep",
            "a: ".bytes().chain("[".repeat(100).bytes()).collect(),
        ),
        ("no version", b"name: x\n".to_vec()),
        ("version not text", b"publiccodeYmlVersion: 0.7\n".to_vec()),
        (
            "unsupported version",
            b"publiccodeYmlVersion: \"9\"\n".to_vec(),
        ),
    ];
    let mut owned: Vec<(String, Vec<u8>)> = inputs
        .drain(..)
        .map(|(name, bytes)| (name.to_string(), bytes))
        .collect();
    let mut add = |name: &str, text: String| owned.push((name.to_string(), text.into_bytes()));

    let mut bomb = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
    for i in 1..10u8 {
        let (prev, cur) = ((b'a' + i - 1) as char, (b'a' + i) as char);
        bomb.push_str(&format!(
            "{cur}: &{cur} [{}]\n",
            vec![format!("*{prev}"); 10].join(", ")
        ));
    }
    add("alias bomb of many nodes", bomb);
    let mut copies = format!("a: &a \"{}\"\nb: [", "x".repeat(200 * 1024));
    copies.push_str(&"*a, ".repeat(30));
    copies.push_str("*a]\n");
    add("alias bomb of a large value", copies);

    let mut many = String::from("publiccodeYmlVersion: \"0\"\n");
    for i in 0..1_100 {
        many.push_str(&format!("k{i}: 1\n"));
    }
    add("too many problems to list", many);
    let mut warnings = valid_with("maintenance:\n  type: internal\n  contacts: [{name: A}]\n");
    warnings.push_str("intendedAudience:\n  countries:\n");
    for _ in 0..1_100 {
        warnings.push_str("    - it\n");
    }
    add("too many warnings to list", warnings);

    add(
        "wrong types",
        "publiccodeYmlVersion: \"0\"\n\
         name: [a]\n\
         url: {a: b}\n\
         organisation: [a]\n\
         legal: text\n\
         maintenance: true\n\
         intendedAudience: 5\n\
         localisation: {localisationReady: \"yes\"}\n\
         dependsOn: {open: [{name: x, optional: 1}]}\n\
         IT: {conforme: {gdpr: [a]}}\n\
         it: {piattaforme: {spid: {a: b}}}\n\
         platforms: {a: b}\n\
         categories: text\n\
         usedBy: true\n\
         fundedBy: 3\n"
            .to_string(),
    );
    add(
        "unknown keys",
        valid_with(
            "nmae: X\nmaintenance:\n  type: internal\n  contacts: [{name: A, phone: 1, mail: x}]\n",
        ),
    );
    add(
        "every rule broken",
        format!(
            "publiccodeYmlVersion: \"0.2\"\n\
             name: \"\"\n\
             url: \"not a url\"\n\
             landingURL: \"ftp://example.org\"\n\
             isBasedOn: [\"::\"]\n\
             releaseDate: \"2020-13-45\"\n\
             logo: /abs/logo.png\n\
             monochromeLogo: file:///logo.png\n\
             inputTypes: [\"not a mime\"]\n\
             outputTypes: []\n\
             platforms: []\n\
             categories: [nope]\n\
             developmentStatus: nope\n\
             softwareType: \"\"\n\
             supports: [{{id: \"alias:nope\"}}, {{id: \"not a uri\"}}, {{id: \"\"}}]\n\
             organisation: {{uri: \"not a uri\"}}\n\
             fundedBy: [{{uri: \"urn:x-italian-pa:NOT VALID\"}}]\n\
             intendedAudience: {{scope: [nope], countries: [xx, it], unsupportedCountries: [ZZZ]}}\n\
             description:\n  en:\n    genericName: \"{}\"\n    shortDescription: \"{}\"\n    longDescription: short\n\
             \x20   documentation: nope\n    features: []\n    videos: [nope, \"https://example.org/v\"]\n\
             \x20   screenshots: [/abs.png]\n\
             legal:\n  license: Not-A-License\n  authorsFile: AUTHORS\n  repoOwner: X\n\
             maintenance:\n  type: contract\n\
             localisation:\n  availableLanguages: []\n\
             dependsOn: {{open: [{{version: \"1\"}}]}}\n\
             IT:\n  countryExtensionVersion: \"9\"\n  conforme: {{gdpr: true}}\n  riuso: {{codiceIPA: \"Not Valid\"}}\n\
             it:\n  riuso: {{codiceIPA: pcm}}\n",
            "g".repeat(40),
            "s".repeat(200),
        ),
    );
    add(
        "no description, no contacts",
        "publiccodeYmlVersion: \"0\"\nmaintenance: {type: community}\n".to_string(),
    );
    add(
        "description without languages",
        "publiccodeYmlVersion: \"0\"\ndescription: {}\nmaintenance: {type: internal, contractors: []}\n".to_string(),
    );
    add(
        "description in a bad language",
        "publiccodeYmlVersion: \"0\"\ndescription:\n  not a language!: {}\nlocalisation: {localisationReady: false, availableLanguages: [\"??\"]}\n".to_string(),
    );
    add(
        "contractors in detail",
        valid_with(
            "maintenance:\n  type: contract\n  contractors:\n    - name: A\n      email: not-an-email\n      website: nope\n      until: tomorrow\n    - email: a@example.org\n",
        ),
    );
    add(
        "no localisation",
        valid_with("maintenance:\n  type: internal\n  contacts: [{name: A}]\n").replace(
            "localisation:\n  localisationReady: true\n  availableLanguages: [en]\n",
            "",
        ),
    );
    add(
        "a deprecated iPA code",
        valid_with(
            "maintenance:\n  type: internal\n  contacts: [{name: A}]\nIT:\n  riuso: {codiceIPA: pcm}\n",
        ),
    );
    add(
        "both IT and it",
        valid_with(
            "maintenance:\n  type: internal\n  contacts: [{name: A}]\nIT: {countryExtensionVersion: \"1.0\"}\nit: {countryExtensionVersion: \"1.0\"}\n",
        ),
    );
    add(
        "an unknown italian PA",
        valid_with(
            "maintenance:\n  type: internal\n  contacts: [{name: A}]\norganisation: {uri: \"urn:x-italian-pa:NotValid\"}\n",
        ),
    );
    owned
}

#[test]
fn every_diagnostic_renders_from_its_message_id_as_its_english_message() {
    let bundle = bundle();
    let variables = variables_by_message();
    let root = corpus();
    assert!(root.is_dir(), "{} is missing", root.display());
    let mut inputs: Vec<(String, Vec<u8>)> = files_with_extension(&root, "yml")
        .into_iter()
        .map(|path| {
            let name = path.strip_prefix(&root).unwrap().display().to_string();
            (name, std::fs::read(&path).unwrap())
        })
        .collect();
    let corpus_files = inputs.len();
    assert!(corpus_files > 100, "only {corpus_files} test files found");
    inputs.extend(hostile());

    let mut seen = BTreeSet::new();
    let mut diagnostics = 0;
    for (name, bytes) in &inputs {
        let validation = validate(bytes, &Options::default());
        for d in &validation.diagnostics {
            diagnostics += 1;
            let said = d
                .l10n
                .as_ref()
                .unwrap_or_else(|| panic!("{name}: no message id for {d}"));
            assert_eq!(render(&bundle, said), d.message, "{name}: {}", said.id);
            let used: BTreeSet<String> = said.args.keys().cloned().collect();
            assert_eq!(
                Some(&used),
                variables.get(&said.id),
                "{name}: {} is given other arguments than its message uses",
                said.id
            );
            seen.insert(said.id.clone());
        }
    }

    let unseen: Vec<&String> = variables
        .keys()
        .filter(|id| !seen.contains(*id) && !UNREACHABLE.contains(&id.as_str()))
        .collect();
    println!(
        "{} inputs ({corpus_files} test files of the reference), {diagnostics} diagnostics, {} of {} message ids",
        inputs.len(),
        seen.len(),
        variables.len()
    );
    assert!(
        unseen.is_empty(),
        "messages no input produced (add an input): {unseen:?}"
    );
    for id in UNREACHABLE {
        assert!(variables.contains_key(*id), "{id} is not in validator.ftl");
    }
}

/// The message ids written in the source (`"validator-…"`), file by file.
fn ids_in_source() -> BTreeMap<String, BTreeSet<String>> {
    let mut ids: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    for path in files_with_extension(&src, "rs") {
        let text = std::fs::read_to_string(&path).unwrap();
        let mut rest = text.as_str();
        while let Some(at) = rest.find("\"validator-") {
            rest = &rest[at + 1..];
            let end = rest
                .find(|c: char| !(c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'))
                .unwrap_or(rest.len());
            if rest[end..].starts_with('"') {
                ids.entry(rest[..end].to_string())
                    .or_default()
                    .insert(path.file_name().unwrap().to_string_lossy().into_owned());
            }
        }
    }
    ids
}

#[test]
fn the_source_and_the_english_file_name_the_same_message_ids() {
    let in_source = ids_in_source();
    let in_file = variables_by_message();
    let missing: Vec<_> = in_source
        .iter()
        .filter(|(id, _)| !in_file.contains_key(*id))
        .collect();
    assert!(
        missing.is_empty(),
        "used in the source, not in validator.ftl: {missing:?}"
    );
    let unused: Vec<&String> = in_file
        .keys()
        .filter(|id| !in_source.contains_key(*id))
        .collect();
    assert!(
        unused.is_empty(),
        "in validator.ftl, never used: {unused:?}"
    );
    assert!(
        in_file.keys().all(|id| id.starts_with("validator-")),
        "every message id starts with validator-"
    );
    println!("{} message ids", in_file.len());
}

/// Each language has every message, with the same arguments, and says it in its own words.
#[test]
fn every_language_has_every_message_with_the_same_arguments_and_translated() {
    let english = variables_by_message();
    let english_text = |id: &str| {
        let resource = fluent_syntax::parser::parse(ENGLISH).unwrap();
        resource.body.iter().find_map(|entry| match entry {
            ast::Entry::Message(m) if m.id.name == id => Some(format!("{:?}", m.value)),
            _ => None,
        })
    };
    for (tag, source) in commons_publiccode::VALIDATOR_MESSAGES {
        let translated = variables_by_message_in(source);
        assert_eq!(
            translated.keys().collect::<Vec<_>>(),
            english.keys().collect::<Vec<_>>(),
            "{tag}: not the same messages"
        );
        for (id, variables) in &english {
            assert_eq!(&translated[id], variables, "{tag}: {id}");
        }
        if tag == "en" {
            continue;
        }
        let resource = fluent_syntax::parser::parse(source).unwrap();
        let same: Vec<&str> = resource
            .body
            .iter()
            .filter_map(|entry| match entry {
                ast::Entry::Message(m)
                    if Some(format!("{:?}", m.value)) == english_text(m.id.name) =>
                {
                    Some(m.id.name)
                }
                _ => None,
            })
            .collect();
        assert!(same.is_empty(), "{tag}: left in English: {same:?}");
    }
}
