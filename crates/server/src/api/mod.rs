//! The REST API under `/api/v1`, and its OpenAPI 3.1 description generated from the handlers.

pub mod audit;
pub mod crawl;
pub mod declarations;
pub mod duplicates;
pub mod exports;
pub mod hooks;
pub mod ops;
pub mod organisations;
pub mod similar;
pub mod software;
pub mod validate;
pub mod views;

use axum::Json;
use utoipa::OpenApi;

/// `415` unless the request's body is JSON (`application/json` or a `+json` type).
pub(crate) fn require_json(headers: &axum::http::HeaderMap) -> Result<(), crate::error::ApiError> {
    let json = headers
        .get(axum::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .map(|m| m.trim().to_ascii_lowercase())
        .is_some_and(|m| m == "application/json" || m.ends_with("+json"));
    if json {
        Ok(())
    } else {
        Err(crate::error::ApiError::UnsupportedMediaType(
            "the body must be JSON (Content-Type: application/json)".into(),
        ))
    }
}

/// The OpenAPI description of the whole API.
#[derive(OpenApi)]
#[openapi(
    components(schemas(crate::error::Problem, declarations::ItemId)),
    info(
        title = "Commons catalog API",
        description = "The open-source software catalog for the UN system and public organisations: \
            search the catalog, read entries, their publiccode.yml and its history, and validate files.",
        license(name = "Apache-2.0", identifier = "Apache-2.0"),
    ),
    paths(
        software::search,
        software::one,
        software::raw,
        software::revisions,
        software::assessment,
        similar::similar,
        duplicates::duplicates,
        exports::codemeta,
        exports::dcat_ap,
        exports::catalog_json,
        declarations::list,
        declarations::put,
        declarations::delete,
        organisations::list,
        organisations::one,
        validate::validate_body,
        crawl::publisher,
        crawl::repository,
        hooks::github,
        hooks::gitlab,
        hooks::publisher,
        ops::healthz,
        ops::readyz,
        ops::metrics,
        audit::list,
        openapi,
    ),
    modifiers(&CommonResponses, &PublisherTokens),
    tags(
        (name = "software", description = "Catalog entries"),
        (name = "declarations", description = "What publishers declare about the UN principles and DPG indicators that cannot be detected"),
        (name = "organisations", description = "Publishers"),
        (name = "exports", description = "The catalog in other catalogs' formats: CodeMeta, DCAT-AP, a JSON dump"),
        (name = "validate", description = "The publiccode.yml validator"),
        (name = "crawl", description = "Crawl outcomes and push webhooks"),
        (name = "operations", description = "Health and metrics"),
    )
)]
pub struct ApiDoc;

/// The publisher tokens' security scheme (`Authorization: Bearer cmn_...`).
struct PublisherTokens;

impl utoipa::Modify for PublisherTokens {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "publisherToken",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("cmn_ followed by 43 URL-safe base64 characters")
                    .description(Some(
                        "A token issued to the publishing organisation by the catalog's \
                         operator (`commons publishers token issue`) or by its members at \
                         /admin/tokens; a token of scope `publishing` may also ask for \
                         recrawls",
                    ))
                    .build(),
            ),
        );
        components.add_security_scheme(
            "operatorToken",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some(
                        "The operator's token: the one in the server's --metrics-token-file",
                    ))
                    .build(),
            ),
        );
    }
}

/// Answers every operation can give, whatever its handler: the request line is over the
/// limit (414), the request took too long (408), or its client is over its rate (429).
struct CommonResponses;

impl utoipa::Modify for CommonResponses {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        for item in openapi.paths.paths.values_mut() {
            for operation in [
                &mut item.get,
                &mut item.post,
                &mut item.put,
                &mut item.delete,
                &mut item.patch,
            ]
            .into_iter()
            .flatten()
            {
                let responses = &mut operation.responses.responses;
                responses.insert(
                    "408".into(),
                    problem("The request took too long").build().into(),
                );
                responses.insert(
                    "414".into(),
                    problem("The request URI is over 16 KiB").build().into(),
                );
                responses.insert("429".into(), too_many_requests().into());
            }
        }
    }
}

/// A response whose body is a problem document.
fn problem(description: &str) -> utoipa::openapi::ResponseBuilder {
    use utoipa::openapi::{ContentBuilder, Ref, ResponseBuilder};
    ResponseBuilder::new().description(description).content(
        "application/problem+json",
        ContentBuilder::new()
            .schema(Some(Ref::from_schema_name("Problem")))
            .build(),
    )
}

/// `429`: the client is over its budget (`[rate_limit]` of the configuration file).
fn too_many_requests() -> utoipa::openapi::Response {
    use utoipa::openapi::{ObjectBuilder, Type, header};
    problem("This client is over its rate; retry after the seconds given")
        .header(
            "Retry-After",
            header::HeaderBuilder::new()
                .schema(Some(
                    ObjectBuilder::new()
                        .schema_type(Type::Integer)
                        .minimum(Some(1)),
                ))
                .description(Some("Seconds to wait before the next request"))
                .build(),
        )
        .build()
}

/// This document.
#[utoipa::path(
    get, path = "/api/v1/openapi.json", tag = "operations",
    responses((status = 200, description = "The OpenAPI 3.1 description", body = Object))
)]
pub async fn openapi() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}
