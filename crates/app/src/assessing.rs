//! Assessing a local repository for a catalog entry and recording the report with its
//! revision: what the crawler does after it fetched a history, `commons import` does for a
//! local repository, and the server does for the demo's repositories.

use crate::worker::AssessWorker;
use commons_assess::{Assessment, osv};
use commons_catalog::{Catalog, CatalogError, NewAssessment};
use commons_publiccode::PublicCode;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// A local repository to assess for a catalog entry.
pub struct Recording<'a> {
    /// The git directory (bare or not).
    pub git_dir: &'a Path,
    /// Its HEAD commit, when known (an assessment of this commit by the current method is not
    /// made again).
    pub commit: &'a str,
    /// The entry.
    pub software_id: &'a str,
    /// The revision the assessment belongs to.
    pub revision_id: i64,
    /// The validated publiccode.yml, when the caller has it (otherwise it is read from the
    /// tree).
    pub publiccode: Option<PublicCode>,
    /// Where the assessment runs.
    pub runner: Runner,
}

/// Where an assessment runs.
#[derive(Clone)]
pub enum Runner {
    /// In this process, with the operator's OSV export when there is one. A crash in it is
    /// this process's crash: for tests and library users without a worker program.
    InProcess(Option<Arc<osv::Database>>),
    /// In a child process, which loads the OSV export imported into this data directory
    /// (when there is one). What `commons` uses.
    Worker(AssessWorker, PathBuf),
}

impl Runner {
    /// Assesses `git_dir`: the report, or why there is none. A worker's answer is read as
    /// the same typed report an assessment in this process gives.
    async fn assess(
        self,
        git_dir: &Path,
        publiccode: Option<PublicCode>,
    ) -> Result<Assessment, String> {
        match self {
            Runner::Worker(worker, data_dir) => {
                let store = data_dir.join("osv").join(osv::STORE_FILE);
                let osv_data_dir = store.is_file().then_some(data_dir);
                let body = worker.assess(git_dir, publiccode, osv_data_dir).await?;
                serde_json::from_value(body)
                    .map_err(|e| format!("the worker's report could not be read: {e}"))
            }
            Runner::InProcess(osv) => {
                let git_dir = git_dir.to_path_buf();
                let computed = tokio::task::spawn_blocking(move || {
                    let input = commons_assess::Input {
                        publiccode: publiccode.as_ref(),
                        osv: osv.as_deref(),
                        ..Default::default()
                    };
                    commons_assess::assess(&git_dir, &input)
                })
                .await;
                match computed {
                    Ok(Ok(assessment)) => Ok(assessment),
                    Ok(Err(e)) => Err(e.to_string()),
                    Err(e) => Err(e.to_string()),
                }
            }
        }
    }
}

/// What [`assess_and_record`] did.
#[derive(Debug)]
pub enum Recorded {
    /// The latest assessment is of this commit by the current method: nothing was done.
    Unchanged,
    /// Assessed and recorded; the values search indexes.
    Assessed(commons_assess::Facets),
    /// The assessment could not run: why.
    Failed(String),
}

/// Assesses a local repository for an entry (on a blocking thread) and records the report
/// with the revision, unless the latest assessment is of the same commit by the same method.
/// Used by the crawler after it fetched a history, and by `commons import` of a repository.
/// Catalog errors are errors; an assessment that cannot run is [`Recorded::Failed`].
pub async fn assess_and_record(
    catalog: &Catalog,
    recording: Recording<'_>,
) -> Result<Recorded, CatalogError> {
    let latest = catalog.latest_assessment(recording.software_id).await?;
    if latest.is_some_and(|a| {
        a.commit.as_deref() == Some(recording.commit)
            && a.method_version == commons_assess::METHOD_VERSION
    }) {
        return Ok(Recorded::Unchanged);
    }
    let assessment = match recording
        .runner
        .assess(recording.git_dir, recording.publiccode)
        .await
    {
        Ok(assessment) => assessment,
        Err(why) => return Ok(Recorded::Failed(format!("assessment failed: {why}"))),
    };
    if assessment.commit.is_empty() || assessment.method_version.is_empty() {
        return Ok(Recorded::Failed(
            "assessment failed: the report lacks its commit or method".into(),
        ));
    }
    let facets = assessment.facets();
    let (Ok(body), Ok(facets_json)) = (
        serde_json::to_value(&assessment),
        serde_json::to_value(&facets),
    ) else {
        return Ok(Recorded::Failed(
            "assessment failed: it could not be serialised".into(),
        ));
    };
    catalog
        .record_assessment(&NewAssessment {
            software_id: recording.software_id.to_string(),
            revision_id: Some(recording.revision_id),
            commit: Some(assessment.commit),
            method_version: assessment.method_version,
            assessed_at: assessment.assessed_at,
            facets: Some(facets_json),
            body,
        })
        .await?;
    Ok(Recorded::Assessed(facets))
}
