//! The license guide (`/licenses`): the text of `locales/*/licenses.ftl` (English the source,
//! the five other UN languages translated from it), as a page. Plain words for an agency deciding whether and how to
//! reuse software; guidance, not legal advice.

use super::{Ctx, render};
use askama::Template;
use axum::http::StatusCode;
use axum::response::Response;

/// The license families, in order from the least to the most demanding.
pub const FAMILIES: [&str; 5] = [
    "permissive",
    "weak-copyleft",
    "strong-copyleft",
    "network-copyleft",
    "unknown",
];

/// The licenses the guide explains: SPDX id and family (as the assessment classifies them).
const LICENSES: [(&str, &str); 15] = [
    ("MIT", "permissive"),
    ("Apache-2.0", "permissive"),
    ("BSD-3-Clause", "permissive"),
    ("BSD-2-Clause", "permissive"),
    ("ISC", "permissive"),
    ("MPL-2.0", "weak-copyleft"),
    ("LGPL-2.1-only", "weak-copyleft"),
    ("LGPL-3.0-only", "weak-copyleft"),
    ("EPL-2.0", "weak-copyleft"),
    ("GPL-2.0-only", "strong-copyleft"),
    ("GPL-3.0-only", "strong-copyleft"),
    ("AGPL-3.0-only", "network-copyleft"),
    ("EUPL-1.2", "strong-copyleft"),
    ("Unlicense", "permissive"),
    ("CC0-1.0", "permissive"),
];

/// A family with its explanation.
pub struct FamilyView {
    id: &'static str,
    name: String,
    explain: String,
}

/// One license of the guide.
pub struct LicenseView {
    spdx: &'static str,
    anchor: String,
    family: String,
    family_id: &'static str,
    summary: String,
    obligations: String,
    combine: String,
}

/// A line of the compatibility table: can code under `from` be included in `into`?
pub struct CompatView {
    from: String,
    into: String,
    answer: &'static str,
    answer_label: String,
    note: String,
}

/// The guide's page.
#[derive(Template)]
#[template(path = "licenses.html")]
pub struct LicensesPage {
    ctx: Ctx,
    families: Vec<FamilyView>,
    licenses: Vec<LicenseView>,
    compatibility: Vec<CompatView>,
    notes: Vec<String>,
}

/// The anchor of a license's card in the guide, when the guide explains it.
pub fn guide_anchor(spdx: &str) -> Option<String> {
    LICENSES
        .iter()
        .any(|(id, _)| *id == spdx)
        .then(|| spdx.to_ascii_lowercase().replace('.', "-"))
}

/// The message id stem of a license: Fluent ids cannot hold `.`, written `_`.
fn license_id(spdx: &str) -> String {
    format!("license-{}", spdx.replace('.', "_"))
}

/// `GET /licenses`.
pub async fn licenses(ctx: Ctx) -> Response {
    let families = FAMILIES
        .into_iter()
        .map(|id| FamilyView {
            id,
            name: ctx.t(&format!("family-{id}")),
            explain: ctx.t(&format!("family-{id}-explain")),
        })
        .collect();
    let licenses = LICENSES
        .into_iter()
        .map(|(spdx, family)| {
            let id = license_id(spdx);
            LicenseView {
                spdx,
                anchor: guide_anchor(spdx).unwrap_or_default(),
                family: ctx.t(&format!("family-{family}")),
                family_id: family,
                summary: ctx.t(&format!("{id}-summary")),
                obligations: ctx.t(&format!("{id}-obligations")),
                combine: ctx.t(&format!("{id}-combine")),
            }
        })
        .collect();
    let family = |id: &str| ctx.t(&format!("family-{id}"));
    let compatibility = [
        (
            family("permissive"),
            ctx.t("licenses-any-license"),
            "yes",
            "compat-permissive-any",
        ),
        (
            family("weak-copyleft"),
            ctx.t("licenses-closed-software"),
            "depends",
            "compat-weak-closed",
        ),
        (
            family("strong-copyleft"),
            ctx.t("licenses-closed-software"),
            "no",
            "compat-strong-closed",
        ),
        (
            "Apache-2.0".into(),
            "GPL-2.0-only".into(),
            "no",
            "compat-apache-gpl2",
        ),
        (
            "Apache-2.0".into(),
            "GPL-3.0".into(),
            "yes",
            "compat-apache-gpl2",
        ),
        (
            "GPL-2.0-only".into(),
            "GPL-3.0".into(),
            "no",
            "compat-gpl2-gpl3",
        ),
    ]
    .into_iter()
    .map(|(from, into, answer, note)| CompatView {
        from,
        into,
        answer,
        answer_label: ctx.t(&format!("compat-{answer}")),
        note: ctx.t(note),
    })
    .collect();
    let notes = ["compat-agpl-service", "compat-eupl"]
        .into_iter()
        .map(|id| ctx.t(id))
        .collect();
    let page = LicensesPage {
        ctx,
        families,
        licenses,
        compatibility,
        notes,
    };
    render(StatusCode::OK, &page.ctx, &page)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::web::i18n::{Locale, lookup};

    /// Every license, family and note of the page has its text in every language (a missing
    /// one would show its message id).
    #[test]
    fn every_text_of_the_guide_exists_in_every_language() {
        for locale in Locale::ALL {
            for (spdx, _) in LICENSES {
                for part in ["summary", "obligations", "combine"] {
                    let id = format!("{}-{part}", license_id(spdx));
                    assert!(
                        lookup(locale, &id, None).is_some(),
                        "{}: {id}",
                        locale.tag()
                    );
                }
            }
            for family in FAMILIES {
                for id in [
                    format!("family-{family}"),
                    format!("family-{family}-explain"),
                ] {
                    assert!(
                        lookup(locale, &id, None).is_some(),
                        "{}: {id}",
                        locale.tag()
                    );
                }
            }
        }
    }
}
