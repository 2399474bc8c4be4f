//! `POST /api/v1/validate`: the validator as a service, and the slots every validation the
//! server runs (this endpoint and the `/validate` page) must take.
//!
//! A validation is CPU work on a blocking thread. The slots bound how many run at once (half the
//! cores, at least one), so that a burst of hostile files cannot take every core from searches
//! and pages; a
//! request waits up to [`SLOT_WAIT`] for a slot, then is answered 503 with `Retry-After`. The
//! work belongs to its request: when the request is dropped (the client went away, or the
//! request timed out), a flag set on drop makes the validator stop at its next check, and
//! the slot is free again.

use super::views::ValidationReport;
use crate::error::ApiError;
use axum::Json;
use axum::body::Body;
use axum::extract::State;
use commons_publiccode::{Options, Validation, validate_until};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::Duration;
use tokio::sync::Semaphore;

use crate::state::AppState;

/// Largest body accepted. One byte over the validator's own limit, so that a file just over it
/// gets the validator's verdict ("too large") rather than a refusal.
pub const MAX_BODY: usize = commons_publiccode::MAX_FILE_SIZE + 1;

/// Longest wait for a free slot before a validation is refused as busy. A file takes
/// milliseconds, the worst a few hundred: a short wait absorbs bursts of real users.
pub const SLOT_WAIT: Duration = Duration::from_secs(1);

/// What a busy answer tells the client to wait, in seconds.
pub const RETRY_AFTER_SECONDS: u64 = 2;

/// Why a validation did not run to its end.
#[derive(Debug, thiserror::Error)]
pub enum Refused {
    /// Every slot stayed taken for [`SLOT_WAIT`].
    #[error("every validation slot is taken: try again in a few seconds")]
    Busy,
    /// The blocking task failed (a panic in the validator).
    #[error("the validation failed: {0}")]
    Failed(String),
}

impl From<Refused> for ApiError {
    fn from(refused: Refused) -> Self {
        match refused {
            Refused::Busy => ApiError::Busy {
                detail: refused.to_string(),
                retry_after_seconds: RETRY_AFTER_SECONDS,
            },
            Refused::Failed(detail) => ApiError::Internal(detail),
        }
    }
}

/// The slots of the validations this server runs at once.
pub struct ValidationSlots {
    permits: Arc<Semaphore>,
    size: usize,
    stopped: Arc<AtomicU64>,
}

/// Sets the request's stop flag when the request's future is dropped, finished or not.
struct StopOnDrop(Arc<AtomicBool>);

impl Drop for StopOnDrop {
    fn drop(&mut self) {
        self.0.store(true, Ordering::Relaxed);
    }
}

impl ValidationSlots {
    /// `size` slots (at least one).
    pub fn new(size: usize) -> Self {
        let size = size.max(1);
        ValidationSlots {
            permits: Arc::new(Semaphore::new(size)),
            size,
            stopped: Arc::new(AtomicU64::new(0)),
        }
    }

    /// Half the cores, at least one: the other half stays free for searches and pages.
    pub fn half_the_cores() -> Self {
        Self::new(std::thread::available_parallelism().map_or(1, |n| n.get() / 2))
    }

    /// How many slots there are.
    pub fn size(&self) -> usize {
        self.size
    }

    /// How many validations hold a slot now (running, or finishing after their request left).
    pub fn in_use(&self) -> usize {
        self.size - self.permits.available_permits()
    }

    /// How many validations stopped early because their request was gone.
    pub fn stopped(&self) -> u64 {
        self.stopped.load(Ordering::Relaxed)
    }

    /// The semaphore itself, for a test or an operator's tool that must hold slots.
    pub fn semaphore(&self) -> Arc<Semaphore> {
        self.permits.clone()
    }

    /// Validates `bytes` in a slot on a blocking thread. Dropping the returned future stops
    /// the validation at its next check; its slot is held until the thread is done.
    pub async fn validate(&self, bytes: Vec<u8>) -> Result<Validation, Refused> {
        let permit =
            match tokio::time::timeout(SLOT_WAIT, self.permits.clone().acquire_owned()).await {
                Ok(Ok(permit)) => permit,
                Ok(Err(closed)) => return Err(Refused::Failed(closed.to_string())),
                Err(_) => return Err(Refused::Busy),
            };
        let stop = Arc::new(AtomicBool::new(false));
        let _stop_on_drop = StopOnDrop(stop.clone());
        let stopped = self.stopped.clone();
        let work = tokio::task::spawn_blocking(move || {
            let _permit = permit;
            let should_stop = || stop.load(Ordering::Relaxed);
            let outcome = validate_until(&bytes, &Options::default(), &should_stop);
            if outcome.is_err() {
                stopped.fetch_add(1, Ordering::Relaxed);
                tracing::info!("validation stopped: its request went away");
            }
            outcome
        });
        match work.await {
            Ok(Ok(validation)) => Ok(validation),
            // Only a dropped request sets the flag, and then nobody awaits this.
            Ok(Err(stopped)) => Err(Refused::Failed(stopped.to_string())),
            Err(join) => Err(Refused::Failed(join.to_string())),
        }
    }
}

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
        (status = 200, description = "The verdict (invalid files are a 200 too, with `valid: false`). At most 1,000 problems are listed; when there are more, the last one (key `\"\"`, line 0) counts the others, and is an error if any of them is", body = ValidationReport),
        (status = 400, description = "The body is empty", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is over 1 MiB", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 503, description = "Every validation slot stayed taken for a second; `Retry-After` says when to try again", body = crate::error::Problem, content_type = "application/problem+json",
            headers(("Retry-After" = u64, description = "Seconds to wait"))),
    )
)]
pub async fn validate_body(
    State(state): State<AppState>,
    body: Body,
) -> Result<Json<ValidationReport>, ApiError> {
    let bytes = axum::body::to_bytes(body, MAX_BODY)
        .await
        .map_err(|_| ApiError::PayloadTooLarge(MAX_BODY))?;
    if bytes.is_empty() {
        return Err(ApiError::BadRequest(
            "the request body is empty: send the publiccode.yml to validate".into(),
        ));
    }
    let validation = state.validations.validate(bytes.to_vec()).await?;
    Ok(Json(report("<body>", &validation)))
}
