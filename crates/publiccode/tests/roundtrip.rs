//! Property: any valid model, written back to YAML with `to_yaml` and validated again, gives the
//! same model. The generator covers every key of the standard that is not deprecated (deprecated
//! keys are folded by the validator, so they cannot round-trip by design).

use commons_publiccode::model::*;
use commons_publiccode::{Options, to_yaml, validate, vocab};
use proptest::collection::{btree_map, vec};
use proptest::option;
use proptest::prelude::*;

/// Text that stresses YAML quoting: colons, hashes, quotes, leading spaces, scripts, emoji.
fn text(min: usize, max: usize) -> impl Strategy<Value = String> + Clone {
    let pieces = prop_oneof![
        Just("a".to_string()),
        Just("word ".to_string()),
        Just("é".to_string()),
        Just("مرحبا ".to_string()),
        Just("儿童保护".to_string()),
        Just("Привет ".to_string()),
        Just("🚀".to_string()),
        Just(": ".to_string()),
        Just(" #".to_string()),
        Just("'".to_string()),
        Just("\"".to_string()),
        Just("\\".to_string()),
        Just("- ".to_string()),
        Just("\n".to_string()),
        Just("true".to_string()),
        Just("null".to_string()),
        Just("0.7".to_string()),
        Just("&a *b".to_string()),
        "[a-zA-Z0-9 ]{1,8}",
    ];
    vec(pieces, 1..40).prop_map(move |parts| {
        let mut s: String = parts.concat();
        // Make the length (in grapheme clusters, approximated by padding with ASCII) fit.
        while s.chars().count() < min {
            s.push_str(" padding");
        }
        let mut out = String::new();
        for c in s.chars() {
            if out.chars().count() + 1 > max {
                break;
            }
            out.push(c);
        }
        if out.trim().is_empty() {
            "x".repeat(min.max(1))
        } else {
            out
        }
    })
}

fn url() -> impl Strategy<Value = String> + Clone {
    ("[a-z]{3,10}", "[a-z0-9-]{1,12}")
        .prop_map(|(host, path)| format!("https://{host}.example.org/{path}"))
}

fn date() -> impl Strategy<Value = String> {
    (1990u32..2100, 1u32..13, 1u32..29).prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}"))
}

fn from<T: Clone + std::fmt::Debug + 'static>(items: &'static [T]) -> impl Strategy<Value = T> {
    proptest::sample::select(items)
}

fn organisation() -> impl Strategy<Value = Organisation> {
    (
        option::of(text(1, 40)),
        prop_oneof![
            url(),
            Just("urn:x-italian-pa:pcm".to_string()),
            Just("urn:isni:0000000121032683".to_string())
        ],
    )
        .prop_map(|(name, uri)| Organisation { name, uri })
}

fn description() -> impl Strategy<Value = Description> {
    (
        option::of(text(1, 40)),
        text(1, 150),
        text(150, 600),
        option::of(url()),
        option::of(url()),
        vec(text(1, 60), 1..5),
        vec(
            Just("https://www.youtube.com/watch?v=RaHmGbBOP84".to_string()),
            0..2,
        ),
        vec(text(1, 30), 0..3),
    )
        .prop_map(
            |(
                localised_name,
                short,
                long,
                documentation,
                api_documentation,
                features,
                videos,
                awards,
            )| Description {
                localised_name,
                generic_name: None,
                short_description: short,
                long_description: long,
                documentation,
                api_documentation,
                features,
                screenshots: vec![],
                videos,
                awards,
            },
        )
}

fn maintenance() -> impl Strategy<Value = Maintenance> {
    let contact = || {
        (
            text(1, 30),
            option::of(Just("someone@example.org".to_string())),
            option::of(text(1, 20)),
            option::of(Just("+41 22 917 12 34".to_string())),
        )
            .prop_map(|(name, email, affiliation, phone)| Contact {
                name,
                email,
                affiliation,
                phone,
            })
    };
    let contractor = (
        text(1, 30),
        option::of(Just("firm@example.org".to_string())),
        option::of(url()),
        date(),
    )
        .prop_map(|(name, email, website, until)| Contractor {
            name,
            email,
            website,
            until,
        });
    prop_oneof![
        vec(contact(), 1..3).prop_map(|contacts| Maintenance {
            kind: MaintenanceType::Internal,
            contractors: vec![],
            contacts
        }),
        vec(contact(), 1..3).prop_map(|contacts| Maintenance {
            kind: MaintenanceType::Community,
            contractors: vec![],
            contacts
        }),
        (vec(contractor, 1..3), vec(contact(), 0..2)).prop_map(|(contractors, contacts)| {
            Maintenance {
                kind: MaintenanceType::Contract,
                contractors,
                contacts,
            }
        }),
        vec(contact(), 0..2).prop_map(|contacts| Maintenance {
            kind: MaintenanceType::None,
            contractors: vec![],
            contacts
        }),
    ]
}

fn dependency() -> impl Strategy<Value = Dependency> {
    (
        text(1, 20),
        option::of("[0-9]\\.[0-9]"),
        option::of("[0-9]\\.[0-9]"),
        option::of(any::<bool>()),
        option::of("[0-9]\\.[0-9]"),
    )
        .prop_map(
            |(name, version_min, version_max, optional, version)| Dependency {
                name,
                version_min,
                version_max,
                optional,
                version,
            },
        )
}

const LANGS: &[&str] = &[
    "en", "fr", "es", "ar", "zh", "ru", "en-GB", "zh-Hans", "pt-BR",
];

fn publiccode() -> impl Strategy<Value = PublicCode> {
    let head = (
        from(&["0", "0.7", "0.7.0"]).prop_map(str::to_string),
        text(1, 60),
        option::of(text(1, 30)),
        url(),
        option::of(url()),
        vec(url(), 0..3),
        option::of("[0-9]{1,2}\\.[0-9]{1,2}\\.[0-9]{1,2}"),
        option::of(date()),
        option::of(prop_oneof![
            Just("img/logo.svg".to_string()),
            url().prop_map(|u| format!("{u}.png"))
        ]),
        option::of(organisation()),
    );
    let middle = (
        vec(
            from(&["web", "linux", "windows", "mac", "android", "ios"]).prop_map(str::to_string),
            1..4,
        ),
        vec(from(vocab::CATEGORIES).prop_map(str::to_string), 0..4),
        vec(text(1, 30), 0..3),
        vec(organisation(), 0..3),
        option::of(url()),
        from(&DevelopmentStatus::ALL),
        from(&SoftwareType::ALL),
        vec(
            prop_oneof![
                from(vocab::SUPPORT_ALIASES).prop_map(|a| format!("alias:{a}")),
                url()
            ]
            .prop_map(|id| Support { id }),
            0..3,
        ),
    );
    let audience = option::of(
        (
            vec(from(vocab::SCOPES).prop_map(str::to_string), 0..3),
            vec(from(vocab::COUNTRIES).prop_map(str::to_string), 0..4),
            vec(from(vocab::COUNTRIES).prop_map(str::to_string), 0..2),
        )
            .prop_map(
                |(scope, countries, unsupported_countries)| IntendedAudience {
                    scope,
                    countries,
                    unsupported_countries,
                },
            ),
    );
    let tail = (
        btree_map(from(LANGS).prop_map(str::to_string), description(), 1..4),
        from(&[
            "AGPL-3.0-or-later",
            "MIT",
            "Apache-2.0",
            "EUPL-1.2",
            "MIT OR Apache-2.0",
            "GPL-2.0-only WITH Classpath-exception-2.0",
        ])
        .prop_map(str::to_string),
        option::of(text(1, 30)),
        maintenance(),
        (
            any::<bool>(),
            vec(from(LANGS).prop_map(str::to_string), 1..4),
        ),
        option::of(
            (
                vec(dependency(), 0..2),
                vec(dependency(), 0..2),
                vec(dependency(), 0..2),
            )
                .prop_map(|(open, proprietary, hardware)| DependsOn {
                    open,
                    proprietary,
                    hardware,
                }),
        ),
    );
    (head, middle, audience, tail).prop_map(
        |(
            (
                version,
                name,
                suite,
                url,
                landing,
                based_on,
                software_version,
                release_date,
                logo,
                organisation,
            ),
            (platforms, categories, used_by, funded_by, roadmap, status, software_type, supports),
            intended_audience,
            (description, license, owner, maintenance, (ready, languages), depends_on),
        )| PublicCode {
            publiccode_yml_version: version,
            name,
            application_suite: suite,
            url,
            landing_url: landing,
            is_based_on: based_on,
            software_version,
            release_date,
            logo,
            monochrome_logo: None,
            organisation,
            input_types: None,
            output_types: None,
            platforms,
            categories,
            used_by,
            funded_by,
            roadmap,
            development_status: status,
            software_type,
            supports,
            intended_audience,
            description,
            legal: Legal {
                license,
                main_copyright_owner: owner,
                repo_owner: None,
                authors_file: None,
            },
            maintenance,
            localisation: Localisation {
                localisation_ready: ready,
                available_languages: languages,
            },
            depends_on,
            it: None,
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn a_valid_model_survives_yaml(model in publiccode()) {
        let text = to_yaml(&model);
        let again = validate(text.as_bytes(), &Options::default());
        prop_assert!(again.is_valid(), "{:#?}\n{}", again.diagnostics, text);
        prop_assert_eq!(again.publiccode.as_ref(), Some(&model), "{}", text);
    }
}
