//! The audit log on SQLite and PostgreSQL: every write on someone's behalf is recorded in its
//! own transaction, the chain is verified, and tampering with raw SQL is found at the first
//! bad row.

use super::{URL, example, on_both, on_both_with_url, request};
use commons_catalog::*;
use sqlx::Connection;

fn privacy() -> NewDeclaration {
    NewDeclaration {
        by: "Jane Doe".into(),
        role: None,
        statement: Some("No personal data leaves the country.".into()),
        url: None,
        not_applicable: false,
    }
}

/// A catalog with an entry, then a token issued, a declaration, a re-declaration, a
/// withdrawal, a revocation and a webhook secret rotation: returns the entry's id.
async fn history(c: &Catalog) -> String {
    let id = c
        .ingest(&request(URL, &example(), 100))
        .await
        .unwrap()
        .software_id;
    let token = c
        .issue_token("unicef", Some("CIO"), 200, OPERATOR_CLI)
        .await
        .unwrap();
    c.declare(&id, "dpg-do-no-harm", &privacy(), token.id, 300)
        .await
        .unwrap();
    let mut again = privacy();
    again.statement = Some("Reviewed again.".into());
    c.declare(&id, "dpg-do-no-harm", &again, token.id, 400)
        .await
        .unwrap();
    c.withdraw(&id, "dpg-do-no-harm", token.id, 500)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        c.revoke_token(token.id, 600, OPERATOR_CLI).await.unwrap(),
        Revocation::Revoked
    );
    // Revoking again changes nothing and records nothing.
    c.revoke_token(token.id, 650, OPERATOR_CLI).await.unwrap();
    let key = WebhookKey::new(&"k".repeat(32)).unwrap();
    c.rotate_hook_secret(&key, "unicef", 700, OPERATOR_CLI)
        .await
        .unwrap();
    id
}

fn all() -> AuditQuery {
    AuditQuery {
        limit: 1000,
        ..AuditQuery::default()
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_write_is_recorded_with_who_what_before_and_after() {
    on_both(|c| async move {
        let id = history(&c).await;
        let mut entries = c.audit_entries(&all()).await.unwrap();
        entries.reverse();
        let seen: Vec<(i64, &str, &str, &str)> = entries
            .iter()
            .map(|e| {
                (
                    e.seq,
                    e.actor.as_str(),
                    e.action.as_str(),
                    e.target.as_str(),
                )
            })
            .collect();
        let item = format!("software:{id}/declarations/dpg-do-no-harm");
        let publisher = publisher_actor("unicef", 1);
        assert_eq!(
            seen,
            vec![
                (
                    1,
                    CATALOG_WRITER,
                    "organisation.create",
                    "organisation:unicef"
                ),
                (2, OPERATOR_CLI, "token.issue", "token:1"),
                (3, publisher.as_str(), "declaration.put", item.as_str()),
                (4, publisher.as_str(), "declaration.put", item.as_str()),
                (5, publisher.as_str(), "declaration.withdraw", item.as_str()),
                (6, OPERATOR_CLI, "token.revoke", "token:1"),
                (
                    7,
                    OPERATOR_CLI,
                    "hook_secret.rotate",
                    "organisation:unicef/webhook-secret"
                ),
            ]
        );
        // The second declaration's before is the first; no secret or hash is ever recorded.
        let before: serde_json::Value =
            serde_json::from_str(entries[3].before.as_deref().unwrap()).unwrap();
        assert_eq!(before["statement"], "No personal data leaves the country.");
        let after: serde_json::Value =
            serde_json::from_str(entries[3].after.as_deref().unwrap()).unwrap();
        assert_eq!(after["statement"], "Reviewed again.");
        assert!(entries[2].before.is_none());
        for e in &entries {
            let text = format!("{:?}{:?}", e.before, e.after);
            assert!(!text.contains("cmn_") && !text.contains("hook_"), "{text}");
        }
        assert_eq!(entries[1].at, 200);
        // Filters and paging.
        let tokens = c
            .audit_entries(&AuditQuery {
                action: Some("token.issue".into()),
                ..all()
            })
            .await
            .unwrap();
        assert_eq!(tokens.len(), 1);
        let mine = c
            .audit_entries(&AuditQuery {
                actor: Some(OPERATOR_CLI.into()),
                since: Some(600),
                ..all()
            })
            .await
            .unwrap();
        assert_eq!(mine.iter().map(|e| e.seq).collect::<Vec<_>>(), vec![7, 6]);
        let page = c
            .audit_entries(&AuditQuery {
                before_seq: Some(3),
                limit: 10,
                ..all()
            })
            .await
            .unwrap();
        assert_eq!(page.iter().map(|e| e.seq).collect::<Vec<_>>(), vec![2, 1]);
        // An unchanged organisation writes nothing; a renamed one is recorded.
        c.ingest(&request(URL, &example().replace("2.11.0", "2.12.0"), 800))
            .await
            .unwrap();
        assert_eq!(c.audit_entries(&all()).await.unwrap().len(), 7);
        let mut moved = request("https://git.example.org/unicef/other", &example(), 900);
        moved.publisher = Some(Publisher {
            id: "unicef".into(),
            name: "United Nations Children's Fund".into(),
            uri: None,
        });
        c.ingest(&moved).await.unwrap();
        let last = &c.audit_entries(&all()).await.unwrap()[0];
        assert_eq!(last.action, "organisation.update");
        assert!(last.after.as_deref().unwrap().contains("Children's Fund"));
        match c.verify_audit_log().await.unwrap() {
            AuditVerification::Intact { count, head } => {
                assert_eq!(count, 8);
                assert_eq!(head, last.hash);
            }
            broken => panic!("{broken:?}"),
        }
    })
    .await;
}

/// A write that fails leaves no audit row; a failed audit append undoes the write.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_record_commits_with_its_write_or_not_at_all() {
    on_both_with_url(|c, url| async move {
        let id = c
            .ingest(&request(URL, &example(), 100))
            .await
            .unwrap()
            .software_id;
        let token = c.issue_token("unicef", None, 200, "test").await.unwrap();
        crate::refuse_inserts_saying_fail_me(&c, &url, "audit_log", "target").await;
        let before = c.audit_entries(&all()).await.unwrap().len();
        // The item names the target: the audit insert fails after the declaration's insert.
        let err = c
            .declare(&id, "FAIL-ME", &privacy(), token.id, 300)
            .await
            .unwrap_err();
        assert!(err.to_string().contains("injected failure"), "{err}");
        assert!(c.declaration_history(&id).await.unwrap().is_empty());
        assert_eq!(c.audit_entries(&all()).await.unwrap().len(), before);
        // The chain goes on without a gap.
        c.declare(&id, "dpg-do-no-harm", &privacy(), token.id, 400)
            .await
            .unwrap();
        assert!(matches!(
            c.verify_audit_log().await.unwrap(),
            AuditVerification::Intact { count: 3, .. }
        ));
    })
    .await;
}

/// Many appenders at once (threads on one pool; on PostgreSQL as several servers would) make
/// one chain.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_appenders_do_not_fork_the_chain() {
    on_both(|c| async move {
        c.ingest(&request(URL, &example(), 100)).await.unwrap();
        let tasks: Vec<_> = (0..24)
            .map(|i| {
                let c = c.clone();
                tokio::spawn(async move {
                    c.issue_token("unicef", None, 1_000 + i, OPERATOR_CLI)
                        .await
                        .unwrap()
                })
            })
            .collect();
        for t in tasks {
            t.await.unwrap();
        }
        assert!(matches!(
            c.verify_audit_log().await.unwrap(),
            AuditVerification::Intact { count: 25, .. }
        ));
    })
    .await;
}

async fn tamper(url: &str, sql: &str) {
    let mut conn = sqlx::AnyConnection::connect(url).await.unwrap();
    sqlx::raw_sql(sqlx::AssertSqlSafe(sql.to_string()))
        .execute(&mut conn)
        .await
        .unwrap();
    conn.close().await.unwrap();
}

async fn broken_at(c: &Catalog) -> i64 {
    match c.verify_audit_log().await.unwrap() {
        AuditVerification::Broken { seq, .. } => seq,
        intact => panic!("tampering not found: {intact:?}"),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tampering_is_found_at_the_first_bad_row() {
    for (sql, first_bad) in [
        // A row's contents altered.
        (
            "UPDATE audit_log SET actor = 'someone else' WHERE seq = 3",
            3,
        ),
        ("UPDATE audit_log SET after = NULL WHERE seq = 5", 5),
        // A hash rewritten.
        ("UPDATE audit_log SET hash = upper(hash) WHERE seq = 4", 4),
        // A row removed: in the middle, and the last one.
        ("DELETE FROM audit_log WHERE seq = 2", 2),
        ("DELETE FROM audit_log WHERE seq = 7", 7),
        // A row inserted: renumbering to make room breaks the chain at the first moved row,
        // and a row added past the counter is named.
        ("UPDATE audit_log SET seq = seq + 100 WHERE seq >= 6", 6),
        (
            "INSERT INTO audit_log (seq, at, actor, action, target, prev_hash, hash) \
             SELECT 8, 1, 'x', 'y', 'z', hash, 'h' FROM audit_log WHERE seq = 7",
            8,
        ),
        (
            "INSERT INTO audit_log (seq, at, actor, action, target, prev_hash, hash) \
             VALUES (0, 1, 'x', 'y', 'z', 'p', 'h')",
            0,
        ),
    ] {
        on_both_with_url(|c, url| async move {
            history(&c).await;
            assert!(matches!(
                c.verify_audit_log().await.unwrap(),
                AuditVerification::Intact { count: 7, .. }
            ));
            tamper(&url, sql).await;
            assert_eq!(broken_at(&c).await, first_bad, "{sql}");
        })
        .await;
    }
}

/// An entry re-filed under another publisher (a crawl following the registry) is recorded
/// with the publisher before and after; re-filing it where it is records nothing.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_change_of_publisher_is_recorded() {
    on_both(|c| async move {
        let id = c
            .ingest(&request(URL, &example(), 100))
            .await
            .unwrap()
            .software_id;
        let who = Publisher {
            id: "who".into(),
            name: "World Health Organization".into(),
            uri: None,
        };
        assert!(c.assign_publisher(&id, &who, 200).await.unwrap());
        assert!(!c.assign_publisher(&id, &who, 300).await.unwrap());
        let entries = c.audit_entries(&all()).await.unwrap();
        let seen: Vec<(&str, &str)> = entries
            .iter()
            .map(|e| (e.action.as_str(), e.target.as_str()))
            .collect();
        let target = format!("software:{id}");
        assert_eq!(
            seen,
            vec![
                ("software.publisher", target.as_str()),
                ("organisation.create", "organisation:who"),
                ("organisation.create", "organisation:unicef"),
            ]
        );
        assert_eq!(
            entries[0].before.as_deref(),
            Some(r#"{"organisationId":"unicef"}"#)
        );
        assert_eq!(
            entries[0].after.as_deref(),
            Some(r#"{"organisationId":"who"}"#)
        );
    })
    .await;
}
