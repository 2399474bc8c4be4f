//! Sign-in records, roles and requests to publish, on SQLite and PostgreSQL: a `state` is
//! honoured once and not after it expires, sessions end, a request is decided once, accepting
//! makes the requester a member, and every change is in an intact audit log.

use super::on_both;
use commons_catalog::*;

fn attempt(expires_at: i64) -> LoginAttempt {
    LoginAttempt {
        nonce: "n-1".into(),
        pkce_verifier: "v-1".into(),
        return_to: "/software".into(),
        expires_at,
    }
}

fn session(expires_at: i64) -> Session {
    Session {
        subject: "acct-1".into(),
        email: "ana@example.org".into(),
        name: "Ana".into(),
        csrf: "c".repeat(43),
        id_token: Some("header.payload.signature".into()),
        created_at: 100,
        expires_at,
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_state_is_honoured_once_and_not_after_it_expires() {
    on_both(|c| async move {
        c.begin_login("state-a", &attempt(200), 100).await.unwrap();
        c.begin_login("state-b", &attempt(200), 100).await.unwrap();
        assert_eq!(
            c.take_login("state-a", 150).await.unwrap(),
            Some(attempt(200))
        );
        assert_eq!(
            c.take_login("state-a", 150).await.unwrap(),
            None,
            "replayed"
        );
        assert_eq!(c.take_login("state-b", 200).await.unwrap(), None, "expired");
        assert_eq!(c.take_login("never-issued", 150).await.unwrap(), None);
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_session_opens_expires_and_closes_and_is_stored_by_hash_only() {
    on_both(|c| async move {
        c.open_session("cookie-1", &session(1000), 100)
            .await
            .unwrap();
        assert_eq!(
            c.session("cookie-1", 999).await.unwrap(),
            Some(session(1000))
        );
        assert_eq!(c.session("cookie-1", 1000).await.unwrap(), None, "expired");
        assert_eq!(c.session("cookie-2", 500).await.unwrap(), None);
        assert_eq!(
            c.close_session("cookie-1", 500).await.unwrap(),
            Some(session(1000))
        );
        assert_eq!(c.session("cookie-1", 501).await.unwrap(), None, "closed");
        assert_eq!(c.close_session("cookie-1", 502).await.unwrap(), None);
        let log = c
            .audit_entries(&AuditQuery {
                limit: 10,
                ..AuditQuery::default()
            })
            .await
            .unwrap();
        let actions: Vec<&str> = log.iter().map(|e| e.action.as_str()).collect();
        assert_eq!(actions, ["session.close", "session.open"]);
        assert!(
            log.iter().all(|e| !format!("{e:?}").contains("cookie-1")),
            "the cookie is never written down"
        );
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn roles_are_granted_once_revoked_and_scoped_to_known_organisations() {
    on_both(|c| async move {
        let admin = "user:root@example.org";
        let curator = c
            .grant_role("cu@example.org", RoleName::Curator, "", admin, 10)
            .await
            .unwrap();
        let again = c
            .grant_role("cu@example.org", RoleName::Curator, "", admin, 20)
            .await
            .unwrap();
        assert_eq!(again, curator, "granting again changes nothing");
        assert!(matches!(
            c.grant_role("m@example.org", RoleName::Member, "nowhere", admin, 30)
                .await,
            Err(CatalogError::NotFound(_))
        ));
        assert_eq!(
            c.grants_of("cu@example.org").await.unwrap(),
            std::slice::from_ref(&curator)
        );
        assert_eq!(
            c.revoke_role(curator.id, admin, 40).await.unwrap(),
            Some(curator.clone())
        );
        assert_eq!(c.revoke_role(curator.id, admin, 50).await.unwrap(), None);
        assert!(c.grants().await.unwrap().is_empty());
        assert!(matches!(
            c.verify_audit_log().await.unwrap(),
            AuditVerification::Intact { count: 2, .. }
        ));
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_request_is_decided_once_and_acceptance_makes_a_member() {
    on_both(|c| async move {
        let asked = NewPublishRequest {
            organisation_id: "wfp",
            organisation: "World Food Programme",
            forge_url: "https://gitlab.example.org/wfp",
            evidence: "I run WFP's open source office.",
        };
        let first = c
            .request_publishing("ana@example.org", &asked, 10)
            .await
            .unwrap();
        let second = c
            .request_publishing("bo@example.org", &asked, 11)
            .await
            .unwrap();
        assert_eq!(first.status, RequestStatus::Pending);
        let mine = c.publish_requests(Some("ana@example.org")).await.unwrap();
        assert_eq!(mine, std::slice::from_ref(&first));

        let curator = "user:cu@example.org";
        let accepted = c
            .decide_request(
                first.id,
                Decision::Accept,
                "Known office.",
                None,
                curator,
                20,
            )
            .await
            .unwrap();
        assert_eq!(accepted.status, RequestStatus::Accepted);
        assert_eq!(accepted.reason.as_deref(), Some("Known office."));
        assert!(matches!(
            c.decide_request(
                first.id,
                Decision::Refuse,
                "changed my mind",
                None,
                curator,
                21
            )
            .await,
            Err(CatalogError::NotFound(_))
        ));
        let refused = c
            .decide_request(second.id, Decision::Refuse, "Not staff.", None, curator, 22)
            .await
            .unwrap();
        assert_eq!(refused.status, RequestStatus::Refused);

        let org = c
            .organisation("wfp")
            .await
            .unwrap()
            .expect("created on acceptance");
        assert_eq!(org.name, "World Food Programme");
        let roles = c.grants_of("ana@example.org").await.unwrap();
        assert_eq!(roles.len(), 1);
        assert_eq!(
            (roles[0].role, roles[0].scope.as_str()),
            (RoleName::Member, "wfp")
        );
        assert!(c.grants_of("bo@example.org").await.unwrap().is_empty());
        let pending_first = c.publish_requests(None).await.unwrap();
        assert_eq!(pending_first.len(), 2);
        match c.verify_audit_log().await.unwrap() {
            AuditVerification::Intact { count, .. } => assert_eq!(count, 6),
            broken => panic!("{broken:?}"),
        }
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_person_has_a_bounded_number_of_requests_waiting() {
    on_both(|c| async move {
        let asked = NewPublishRequest {
            organisation_id: "wfp",
            organisation: "World Food Programme",
            forge_url: "https://gitlab.example.org/wfp",
            evidence: "I run WFP's open source office.",
        };
        let mut ids = Vec::new();
        for n in 0..MAX_PENDING_REQUESTS {
            ids.push(
                c.request_publishing("ana@example.org", &asked, n)
                    .await
                    .unwrap()
                    .id,
            );
        }
        let over = c.request_publishing("ana@example.org", &asked, 99).await;
        assert!(matches!(over, Err(CatalogError::Conflict(_))), "{over:?}");
        // Someone else still may; and a decision frees a place.
        c.request_publishing("bo@example.org", &asked, 100)
            .await
            .unwrap();
        c.decide_request(ids[0], Decision::Refuse, "Duplicate.", None, "user:cu", 101)
            .await
            .unwrap();
        c.request_publishing("ana@example.org", &asked, 102)
            .await
            .unwrap();
        let waiting = c.publish_requests(Some("ana@example.org")).await.unwrap();
        let pending = waiting
            .iter()
            .filter(|r| r.status == RequestStatus::Pending)
            .count() as i64;
        assert_eq!(pending, MAX_PENDING_REQUESTS);
    })
    .await;
}
