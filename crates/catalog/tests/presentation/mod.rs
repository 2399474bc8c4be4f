//! Curators' presentation on SQLite and PostgreSQL: a hidden entry is not listed, stays so
//! through a new crawl, and comes back when shown; featured and superseded entries; each
//! change takes a change number and is audited.

use super::{URL, example, on_both, request};
use commons_catalog::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_hidden_entry_stays_hidden_through_a_crawl_until_shown() {
    on_both(|c| async move {
        let id = c
            .ingest(&request(URL, &example(), 100))
            .await
            .unwrap()
            .software_id;
        let other = c
            .ingest(&request(
                "https://git.example.org/unicef/other",
                &example(),
                100,
            ))
            .await
            .unwrap()
            .software_id;
        let before = c.max_seq().await.unwrap();
        let hide = PresentationChange {
            hidden: true,
            featured: false,
            superseded_by: Some(&other),
            reason: "Replaced by the new release line.",
        };
        let set = c
            .set_presentation(&id, &hide, "user:cu@example.org", 200)
            .await
            .unwrap();
        assert_eq!(set.superseded_by.as_deref(), Some(other.as_str()));
        assert!(
            c.max_seq().await.unwrap() > before,
            "a change number for the indexes"
        );
        assert!(!c.software(&id).await.unwrap().unwrap().listed);
        assert_eq!(c.count(false).await.unwrap(), 1);

        // A new commit of the published file does not list it again.
        let changed = example().replace("2.11.0", "2.12.0");
        c.ingest(&request(URL, &changed, 300)).await.unwrap();
        assert!(
            !c.software(&id).await.unwrap().unwrap().listed,
            "still hidden"
        );

        let show = PresentationChange {
            hidden: false,
            featured: true,
            superseded_by: None,
            reason: "Back, and recommended.",
        };
        c.set_presentation(&id, &show, "user:cu@example.org", 400)
            .await
            .unwrap();
        assert!(c.software(&id).await.unwrap().unwrap().listed);
        assert_eq!(c.featured().await.unwrap(), std::slice::from_ref(&id));
        assert_eq!(
            c.presentation(&id).await.unwrap().unwrap().reason,
            "Back, and recommended."
        );

        let itself = PresentationChange {
            superseded_by: Some(&id),
            ..show.clone()
        };
        assert!(matches!(
            c.set_presentation(&id, &itself, "user:cu@example.org", 500)
                .await,
            Err(CatalogError::NotFound(_))
        ));
        assert!(matches!(
            c.set_presentation("nothing", &show, "user:cu@example.org", 500)
                .await,
            Err(CatalogError::NotFound(_))
        ));
        let log = c
            .audit_entries(&AuditQuery {
                action: Some("software.presentation".into()),
                limit: 10,
                ..AuditQuery::default()
            })
            .await
            .unwrap();
        assert_eq!(log.len(), 2, "two changes made, two recorded");
        assert!(
            log[0]
                .before
                .as_deref()
                .unwrap()
                .contains("\"hidden\":true")
        );
    })
    .await;
}
