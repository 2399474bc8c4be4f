//! The crawler's storage: outcomes, repository state, problem flags, aliases after renames and
//! the shared job queue, on SQLite and PostgreSQL.

use super::{URL, example, on_both, request};
use commons_catalog::*;

fn record(outcome: CrawlOutcomeKind, at: i64) -> CrawlRecord {
    CrawlRecord {
        repository_url: URL.into(),
        publisher_id: "unicef".into(),
        hosting_url: "https://git.example.org/unicef".into(),
        forge: ForgeKind::Git,
        forge_id: Some("42".into()),
        outcome,
        detail: None,
        errors: Vec::new(),
        commit: Some(format!("{at:040x}")),
        version: Some(format!("v{at}")),
        etag: None,
        software_id: None,
        crawled_at: at,
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn outcomes_are_kept_per_repository_and_publisher() {
    on_both(|c| async move {
        let ingested = c.ingest(&request(URL, &example(), 100)).await.unwrap();
        let mut ok = record(CrawlOutcomeKind::Ok, 100);
        ok.software_id = Some(ingested.software_id.clone());
        c.record_crawl(&ok).await.unwrap();
        let mut failed = record(CrawlOutcomeKind::Unreachable, 200);
        failed.detail = Some("connection refused".into());
        failed.version = Some("v200".into());
        c.record_crawl(&failed).await.unwrap();

        let history = c.crawl_outcomes(URL, 10).await.unwrap();
        let kinds: Vec<_> = history.iter().map(|o| o.outcome).collect();
        assert_eq!(kinds, [CrawlOutcomeKind::Unreachable, CrawlOutcomeKind::Ok]);
        assert_eq!(history[0].detail.as_deref(), Some("connection refused"));

        let state = c.crawled_repository(URL).await.unwrap().unwrap();
        // A failure to read does not move the remembered version: the next crawl retries.
        assert_eq!(state.version.as_deref(), Some("v100"));
        assert_eq!(state.last_outcome, Some(CrawlOutcomeKind::Unreachable));
        assert_eq!(
            state.software_id.as_deref(),
            Some(ingested.software_id.as_str())
        );
        assert_eq!(
            c.crawled_repositories(Some("unicef")).await.unwrap().len(),
            1
        );
        assert!(
            c.crawled_repositories(Some("wfp"))
                .await
                .unwrap()
                .is_empty()
        );
        assert_eq!(c.crawled_repositories(None).await.unwrap().len(), 1);

        // The entry stays listed with its last valid revision, flagged with the failure.
        let entry = c.software(&ingested.software_id).await.unwrap().unwrap();
        assert!(entry.listed);
        assert_eq!(entry.live_revision_id, Some(ingested.revision_id));
        assert_eq!(
            entry.problem.as_deref(),
            Some("crawl: unreachable: connection refused")
        );
        assert!(
            entry.seq > ingested.seq,
            "the flag is a change the index sees"
        );

        // A good crawl again clears the crawl problem.
        c.record_crawl(&record(CrawlOutcomeKind::Ok, 300))
            .await
            .unwrap();
        let entry = c.software(&ingested.software_id).await.unwrap().unwrap();
        assert_eq!(entry.problem, None);
        let state = c.crawled_repository(URL).await.unwrap().unwrap();
        assert_eq!(state.version.as_deref(), Some("v300"));
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn invalid_files_keep_their_errors_with_lines() {
    on_both(|c| async move {
        let errors = vec![
            commons_publiccode::Diagnostic::error("legal.license", "license is a required field")
                .at(46, 8),
        ];
        let mut invalid = record(CrawlOutcomeKind::Invalid, 100);
        invalid.errors = errors.clone();
        c.record_crawl(&invalid).await.unwrap();
        let stored = c.crawl_outcomes(URL, 1).await.unwrap();
        assert_eq!(stored[0].errors, errors);
        let mut gone = record(CrawlOutcomeKind::Gone, 200);
        gone.version = None;
        c.record_crawl(&gone).await.unwrap();
        let state = c.crawled_repository(URL).await.unwrap().unwrap();
        assert!(state.gone);
        assert_eq!(state.version.as_deref(), Some("v100"));
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_renamed_repository_keeps_its_entry_and_answers_to_its_old_url() {
    on_both(|c| async move {
        let ingested = c.ingest(&request(URL, &example(), 100)).await.unwrap();
        let mut ok = record(CrawlOutcomeKind::Ok, 100);
        ok.software_id = Some(ingested.software_id.clone());
        c.record_crawl(&ok).await.unwrap();
        let new_url = "https://git.example.org/unicef/primero-v2";
        let moved = c.rename_repository(URL, new_url, 150).await.unwrap();
        assert_eq!(moved.as_deref(), Some(ingested.software_id.as_str()));

        let by_old = c.software_by_url(URL).await.unwrap().unwrap();
        let by_new = c.software_by_url(new_url).await.unwrap().unwrap();
        assert_eq!(by_old.id, ingested.software_id);
        assert_eq!(by_new.id, ingested.software_id);
        assert_eq!(by_new.repository_url, new_url);
        assert_eq!(c.aliases(&by_new.id).await.unwrap(), [URL]);
        assert!(c.crawled_repository(URL).await.unwrap().is_none());
        assert!(c.crawled_repository(new_url).await.unwrap().is_some());

        // Ingesting from the new URL updates the same entry.
        let again = c.ingest(&request(new_url, &example(), 200)).await.unwrap();
        assert_eq!(again.software_id, ingested.software_id);
        assert_eq!(c.count(true).await.unwrap(), 1);
        assert!(
            c.software_by_url("https://elsewhere.example/x")
                .await
                .unwrap()
                .is_none()
        );
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn jobs_are_claimed_once_and_expired_claims_are_taken_over() {
    on_both(|c| async move {
        let jobs: Vec<CrawlJob> = (0..3)
            .map(|n| CrawlJob {
                repository_url: format!("https://git.example.org/r{n}"),
                payload: format!("{{\"n\":{n}}}"),
            })
            .collect();
        c.enqueue_crawl_jobs(&jobs, 1000, 1000).await.unwrap();
        assert_eq!(c.pending_crawl_jobs().await.unwrap(), 3);

        let a = c.claim_crawl_job("a", 1000, 60).await.unwrap().unwrap();
        let b = c.claim_crawl_job("b", 1000, 60).await.unwrap().unwrap();
        let d = c.claim_crawl_job("c", 1000, 60).await.unwrap().unwrap();
        let mut claimed = vec![a.repository_url.clone(), b.repository_url, d.repository_url];
        claimed.sort();
        claimed.dedup();
        assert_eq!(claimed.len(), 3, "no job is claimed twice");
        assert!(c.claim_crawl_job("e", 1000, 60).await.unwrap().is_none());

        // Worker "a" dies; after its lease, another worker takes its job over.
        assert!(c.claim_crawl_job("f", 1059, 60).await.unwrap().is_none());
        let taken = c.claim_crawl_job("f", 1061, 60).await.unwrap();
        assert!(taken.is_some());

        // Finishing a repository's crawl ends its job.
        let mut done = record(CrawlOutcomeKind::NotFound, 1100);
        done.repository_url = a.repository_url.clone();
        c.record_crawl(&done).await.unwrap();
        assert_eq!(c.pending_crawl_jobs().await.unwrap(), 2);

        // Queued again soon after: a freshly finished job stays done; later, it re-opens.
        c.enqueue_crawl_jobs(&jobs, 1150, 1099).await.unwrap();
        assert_eq!(c.pending_crawl_jobs().await.unwrap(), 2);
        c.enqueue_crawl_jobs(&jobs, 1200, 1100).await.unwrap();
        assert_eq!(c.pending_crawl_jobs().await.unwrap(), 3);
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_claims_never_share_a_job() {
    on_both(|c| async move {
        let jobs: Vec<CrawlJob> = (0..40)
            .map(|n| CrawlJob {
                repository_url: format!("https://git.example.org/r{n:02}"),
                payload: "{}".into(),
            })
            .collect();
        c.enqueue_crawl_jobs(&jobs, 1, 1).await.unwrap();
        let mut tasks = Vec::new();
        for w in 0..4 {
            let c = c.clone();
            tasks.push(tokio::spawn(async move {
                let mut mine = Vec::new();
                while let Some(job) = c.claim_crawl_job(&format!("w{w}"), 10, 600).await.unwrap() {
                    mine.push(job.repository_url);
                }
                mine
            }));
        }
        let mut all = Vec::new();
        for t in tasks {
            all.extend(t.await.unwrap());
        }
        all.sort();
        let n = all.len();
        all.dedup();
        assert_eq!((n, all.len()), (40, 40));
    })
    .await;
}
