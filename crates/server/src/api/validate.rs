//! `POST /api/v1/validate`: the validator as a service.

use super::views::ValidationReport;
use crate::error::ApiError;
use axum::Json;
use axum::body::Body;
use commons_publiccode::{Options, Validation, validate};

/// Largest body accepted. One byte over the validator's own limit, so that a file just over it
/// gets the validator's verdict ("too large") rather than a refusal.
pub const MAX_BODY: usize = commons_publiccode::MAX_FILE_SIZE + 1;

/// The report of a validation, in the public JSON shape.
pub fn report(file: &str, validation: &Validation) -> ValidationReport {
    ValidationReport {
        file: file.to_string(),
        valid: validation.is_valid(),
        version: validation.version.clone(),
        errors: validation.errors().cloned().collect(),
        warnings: validation.warnings().cloned().collect(),
    }
}

/// Validate a publiccode.yml sent as the request body.
#[utoipa::path(
    post, path = "/api/v1/validate", tag = "validate",
    request_body(content = Vec<u8>, description = "The publiccode.yml file, as bytes (any Content-Type is accepted: the validator reads the bytes, including bytes that are not YAML, and reports what is wrong)", content_type = "application/octet-stream"),
    responses(
        (status = 200, description = "The verdict (invalid files are a 200 too, with `valid: false`)", body = ValidationReport),
        (status = 400, description = "The body is empty", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is over 1 MiB", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
pub async fn validate_body(body: Body) -> Result<Json<ValidationReport>, ApiError> {
    let bytes = axum::body::to_bytes(body, MAX_BODY)
        .await
        .map_err(|_| ApiError::PayloadTooLarge(MAX_BODY))?;
    if bytes.is_empty() {
        return Err(ApiError::BadRequest(
            "the request body is empty: send the publiccode.yml to validate".into(),
        ));
    }
    let validation = tokio::task::spawn_blocking(move || validate(&bytes, &Options::default()))
        .await
        .map_err(|e| ApiError::Internal(e.to_string()))?;
    Ok(Json(report("<body>", &validation)))
}
