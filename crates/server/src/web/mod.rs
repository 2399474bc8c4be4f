//! The web UI: server-rendered pages in the six UN languages.

use crate::state::AppState;
use axum::Router;

/// The pages' routes (merged at the root of the application).
pub fn router() -> Router<AppState> {
    Router::new()
}
