//! The REST API under `/api/v1`, and its OpenAPI 3.1 description generated from the handlers.

pub mod ops;
pub mod organisations;
pub mod software;
pub mod validate;
pub mod views;

use axum::Json;
use utoipa::OpenApi;

/// The OpenAPI description of the whole API.
#[derive(OpenApi)]
#[openapi(
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
        organisations::list,
        organisations::one,
        validate::validate_body,
        ops::healthz,
        ops::readyz,
        ops::metrics,
        openapi,
    ),
    tags(
        (name = "software", description = "Catalog entries"),
        (name = "organisations", description = "Publishers"),
        (name = "validate", description = "The publiccode.yml validator"),
        (name = "operations", description = "Health and metrics"),
    )
)]
pub struct ApiDoc;

/// This document.
#[utoipa::path(
    get, path = "/api/v1/openapi.json", tag = "operations",
    responses((status = 200, description = "The OpenAPI 3.1 description", body = Object))
)]
pub async fn openapi() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}
