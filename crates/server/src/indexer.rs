//! Keeps a replica's search index current with the catalog while it serves: the follower
//! that applies the catalog's changes (see `commons_app::indexer`) every few seconds.

use crate::state::AppState;
use commons_app::indexer::catch_up;
use std::time::Duration;

/// Follows the catalog until `stop` turns true, catching up every `interval`.
pub async fn follow(
    state: AppState,
    interval: Duration,
    mut stop: tokio::sync::watch::Receiver<bool>,
) {
    loop {
        tokio::select! {
            _ = tokio::time::sleep(interval) => {}
            _ = stop.changed() => return,
        }
        if *stop.borrow() {
            return;
        }
        match catch_up(&state.catalog, &state.index).await {
            Ok(n) => {
                if n > 0 {
                    tracing::info!(entries = n, "index caught up with the catalog");
                }
                state.set_ready(true);
            }
            Err(e) => tracing::warn!(error = %e, "index follower failed; retrying"),
        }
    }
}
