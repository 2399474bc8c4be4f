//! Stored assessments, on SQLite and PostgreSQL.

use super::{URL, example, on_both, request};
use commons_catalog::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn assessments_are_kept_and_their_facets_reach_the_entry() {
    on_both(|c| async move {
        let created = c.ingest(&request(URL, &example(), 100)).await.unwrap();
        let id = created.software_id.clone();
        assert_eq!(c.latest_assessment(&id).await.unwrap(), None);
        assert_eq!(
            c.software(&id).await.unwrap().unwrap().assessment_facets,
            None
        );

        let facets = serde_json::json!({"licenseFamily": "network-copyleft", "osiApproved": true,
            "vitality": 61, "securityScore": 6.5, "vulnerabilities": 0});
        let first = c
            .record_assessment(&NewAssessment {
                software_id: id.clone(),
                revision_id: Some(created.revision_id),
                commit: Some("a".repeat(40)),
                method_version: "test/1".into(),
                assessed_at: 200,
                facets: Some(facets.clone()),
                body: serde_json::json!({"license": {"family": "network-copyleft"}}),
            })
            .await
            .unwrap();
        // The write takes a change number: a follower sees the entry again.
        let changes = c.changes_since(created.seq, 10).await.unwrap();
        assert_eq!(changes.len(), 1);
        assert_eq!(changes[0].assessment_facets.as_ref(), Some(&facets));

        let second = c
            .record_assessment(&NewAssessment {
                software_id: id.clone(),
                revision_id: Some(created.revision_id),
                commit: Some("b".repeat(40)),
                method_version: "test/1".into(),
                assessed_at: 300,
                facets: None,
                body: serde_json::json!({"license": {"family": "permissive"}}),
            })
            .await
            .unwrap();
        assert!(second > first);
        let latest = c.latest_assessment(&id).await.unwrap().unwrap();
        assert_eq!(latest.id, second);
        assert_eq!(latest.commit.as_deref(), Some("b".repeat(40).as_str()));
        assert_eq!(latest.body["license"]["family"], "permissive");

        let orphan = c
            .record_assessment(&NewAssessment {
                software_id: "nobody".into(),
                revision_id: None,
                commit: None,
                method_version: "test/1".into(),
                assessed_at: 1,
                facets: None,
                body: serde_json::json!({}),
            })
            .await;
        assert!(orphan.is_err(), "an assessment needs its entry");
    })
    .await;
}
