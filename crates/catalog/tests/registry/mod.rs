//! The publishers registry kept in the catalog, on SQLite and PostgreSQL: numbered revisions,
//! a save made from a revision that is no longer the newest refused,
//! every save audited, and a request's acceptance saved with its registry change or not at all.

use super::on_both;
use commons_catalog::*;

fn save<'a>(from: i64, text: &'a str, target: &'a str) -> RegistrySave<'a> {
    RegistrySave {
        from,
        text,
        change: RegistryChange {
            action: "publisher.add",
            target,
            before: None,
            after: Some(serde_json::json!({ "id": target })),
        },
        added: &[],
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn revisions_are_numbered_and_a_stale_save_is_refused() {
    on_both(|c| async move {
        assert_eq!(c.registry().await.unwrap(), None);
        assert_eq!(c.registry_number().await.unwrap(), 0);
        let first = c
            .save_registry(
                &save(0, "- id: a\n", "publisher:a"),
                "user:cu@example.org",
                10,
            )
            .await
            .unwrap();
        assert_eq!(first, 1);
        // A second curator made their change from revision 0 too: refused, nothing saved.
        let stale = c
            .save_registry(
                &save(0, "- id: b\n", "publisher:b"),
                "user:x@example.org",
                11,
            )
            .await;
        assert!(matches!(stale, Err(CatalogError::Conflict(_))), "{stale:?}");
        let newest = c.registry().await.unwrap().unwrap();
        assert_eq!(
            (
                newest.number,
                newest.text.as_str(),
                newest.saved_by.as_str()
            ),
            (1, "- id: a\n", "user:cu@example.org")
        );

        for n in 1..=REGISTRY_REVISIONS_KEPT + 5 {
            let text = format!("- id: p{n}\n");
            c.save_registry(
                &save(n, &text, "publisher:p"),
                "user:cu@example.org",
                20 + n,
            )
            .await
            .unwrap();
        }
        let last = REGISTRY_REVISIONS_KEPT + 6;
        assert_eq!(c.registry_number().await.unwrap(), last);
        let audit = c
            .audit_entries(&AuditQuery {
                since: None,
                actor: None,
                action: Some("publisher.add".into()),
                before_seq: None,
                limit: 1000,
            })
            .await
            .unwrap();
        assert_eq!(audit.len() as i64, last, "one audit row per saved revision");
        assert!(matches!(
            c.verify_audit_log().await.unwrap(),
            AuditVerification::Intact { .. }
        ));
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_acceptance_and_its_registry_change_commit_together() {
    on_both(|c| async move {
        let asked = NewPublishRequest {
            organisation_id: "wfp",
            organisation: "World Food Programme",
            forge_url: "https://gitlab.example.org/wfp",
            evidence: "I run WFP's open source office.",
        };
        let request = c
            .request_publishing("ana@example.org", &asked, 10)
            .await
            .unwrap();
        c.save_registry(&save(0, "[]\n", "registry"), "user:cu@example.org", 11)
            .await
            .unwrap();
        // Prepared from revision 0, but revision 1 exists: neither the decision nor the
        // registry change is saved.
        let stale = save(0, "- id: wfp\n", "publisher:wfp");
        let refused = c
            .decide_request(
                request.id,
                Decision::Accept,
                "Known.",
                Some(&stale),
                "user:cu",
                12,
            )
            .await;
        assert!(
            matches!(refused, Err(CatalogError::Conflict(_))),
            "{refused:?}"
        );
        let still = c.publish_request(request.id).await.unwrap().unwrap();
        assert_eq!(still.status, RequestStatus::Pending);
        assert!(c.organisation("wfp").await.unwrap().is_none());

        let fresh = save(1, "- id: wfp\n", "publisher:wfp");
        let accepted = c
            .decide_request(
                request.id,
                Decision::Accept,
                "Known.",
                Some(&fresh),
                "user:cu",
                13,
            )
            .await
            .unwrap();
        assert_eq!(accepted.status, RequestStatus::Accepted);
        let newest = c.registry().await.unwrap().unwrap();
        assert_eq!((newest.number, newest.text.as_str()), (2, "- id: wfp\n"));
    })
    .await;
}
