//! Publisher tokens and declarations, on SQLite and PostgreSQL.

use super::{URL, example, on_both, on_both_with_url, request};
use commons_catalog::*;
use sha2::{Digest, Sha256};

/// An entry published by `unicef` (the example's organisation); returns its id.
async fn entry(c: &Catalog) -> String {
    let out = c.ingest(&request(URL, &example(), 100)).await.unwrap();
    assert_eq!(
        c.software(&out.software_id)
            .await
            .unwrap()
            .unwrap()
            .organisation_id
            .as_deref(),
        Some("unicef")
    );
    out.software_id
}

/// A second organisation, `who`, with an entry of its own.
async fn other_organisation(c: &Catalog) {
    let mut req = request("https://git.example.org/who/dhis", &example(), 50);
    req.publisher = Some(Publisher {
        id: "who".into(),
        name: "World Health Organization".into(),
        uri: None,
    });
    c.ingest(&req).await.unwrap();
}

fn privacy(by: &str) -> NewDeclaration {
    NewDeclaration {
        by: by.into(),
        role: Some("Data protection officer".into()),
        statement: Some("Complies with the GDPR; no personal data leaves the country.".into()),
        url: Some("https://www.example.org/privacy".into()),
        not_applicable: false,
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tokens_are_issued_listed_revoked_and_authenticate_by_hash() {
    on_both_with_url(|c, url| async move {
        entry(&c).await;
        other_organisation(&c).await;
        let err = c.issue_token("nobody", None, 1, "test").await.unwrap_err();
        assert!(matches!(err, CatalogError::NotFound(_)), "{err}");

        let issued = c
            .issue_token("unicef", Some("CIO office"), 1_000, "test")
            .await
            .unwrap();
        assert!(issued.secret.starts_with(TOKEN_PREFIX));
        assert_eq!(issued.organisation_id, "unicef");
        assert!(!format!("{issued:?}").contains(&issued.secret));
        let who = c.issue_token("who", None, 1_001, "test").await.unwrap();
        assert_ne!(issued.secret, who.secret);
        assert_ne!(issued.id, who.id);

        assert_eq!(
            c.authenticate(&issued.secret, 1_000).await.unwrap(),
            Some(TokenIdentity {
                token_id: issued.id,
                organisation_id: "unicef".into(),
                scope: TokenScope::Declarations,
            })
        );
        assert_eq!(
            c.authenticate(&who.secret, 1_000)
                .await
                .unwrap()
                .unwrap()
                .organisation_id,
            "who"
        );
        // Unknown, altered or malformed tokens authenticate nobody.
        let mut altered = issued.secret.clone();
        let last = altered.pop().unwrap();
        altered.push(if last == 'A' { 'B' } else { 'A' });
        for bad in [
            altered.as_str(),
            "",
            "cmn_",
            "Bearer x",
            &issued.secret[..issued.secret.len() - 1],
            &issued.secret.to_uppercase(),
        ] {
            assert_eq!(c.authenticate(bad, 1_000).await.unwrap(), None, "{bad:?}");
        }

        // Only the SHA-256 is stored: no column holds the token.
        sqlx::any::install_default_drivers();
        use sqlx::{Connection, Row};
        let mut conn = sqlx::AnyConnection::connect(&url).await.unwrap();
        let rows = sqlx::query(
            "SELECT token_hash, COALESCE(label, ''), organisation_id FROM publisher_tokens",
        )
        .fetch_all(&mut conn)
        .await
        .unwrap();
        let hashes: Vec<String> = rows.iter().map(|r| r.get::<String, _>(0)).collect();
        assert!(hashes.contains(&hex::encode(Sha256::digest(issued.secret.as_bytes()))));
        for r in &rows {
            for column in 0..3 {
                let value: String = r.get(column);
                assert!(!value.contains(&issued.secret[4..]), "{value}");
            }
        }
        conn.close().await.unwrap();

        let listed = c.publisher_tokens(None).await.unwrap();
        assert_eq!(listed.len(), 2);
        assert_eq!(
            listed[0],
            PublisherToken {
                id: issued.id,
                organisation_id: "unicef".into(),
                label: Some("CIO office".into()),
                created_at: 1_000,
                expires_at: None,
                revoked_at: None,
                scope: TokenScope::Declarations,
                uses: 0,
                last_used_at: None,
            }
        );
        let unicef = c.publisher_tokens(Some("unicef")).await.unwrap();
        assert_eq!(unicef.len(), 1);
        assert!(c.publisher_tokens(Some("nobody")).await.unwrap().is_empty());

        assert_eq!(
            c.revoke_token(issued.id, 2_000, "test").await.unwrap(),
            Revocation::Revoked
        );
        assert_eq!(c.authenticate(&issued.secret, 1_000).await.unwrap(), None);
        assert_eq!(
            c.revoke_token(issued.id, 3_000, "test").await.unwrap(),
            Revocation::AlreadyRevoked(2_000),
            "revoking twice changes nothing"
        );
        assert_eq!(
            c.revoke_token(999_999, 3_000, "test").await.unwrap(),
            Revocation::Unknown
        );
        let listed = c.publisher_tokens(Some("unicef")).await.unwrap();
        assert_eq!(listed[0].revoked_at, Some(2_000));
        // The other organisation's token is untouched.
        assert!(c.authenticate(&who.secret, 1_000).await.unwrap().is_some());
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn declarations_are_current_until_replaced_or_withdrawn_and_all_are_kept() {
    on_both(|c| async move {
        let id = entry(&c).await;
        let token = c.issue_token("unicef", None, 100, "test").await.unwrap();
        assert!(c.current_declarations(&id).await.unwrap().is_empty());
        assert!(c.declaration_history(&id).await.unwrap().is_empty());

        let seq = c.max_seq().await.unwrap();
        let first = c
            .declare(
                &id,
                "dpg-privacy-and-laws",
                &privacy("Jane Doe"),
                token.id,
                1_000,
            )
            .await
            .unwrap();
        assert_eq!(first.by, "Jane Doe");
        assert_eq!(first.organisation_id, "unicef");
        assert_eq!(first.token_id, Some(token.id));
        assert_eq!(first.declared_at, 1_000);
        // The write takes a change number: followers see the entry again.
        assert_eq!(c.max_seq().await.unwrap(), seq + 1);
        let changes = c.changes_since(seq, 10).await.unwrap();
        assert_eq!(changes.len(), 1);
        assert_eq!(changes[0].id, id);

        let not_applicable = NewDeclaration {
            by: "Jane Doe".into(),
            not_applicable: true,
            ..NewDeclaration::default()
        };
        c.declare(&id, "dpg-data-extraction", &not_applicable, token.id, 1_100)
            .await
            .unwrap();
        // A new declaration of an item replaces the current one.
        let second = c
            .declare(
                &id,
                "dpg-privacy-and-laws",
                &privacy("John Roe"),
                token.id,
                1_200,
            )
            .await
            .unwrap();
        assert!(second.id > first.id);

        let current = c.current_declarations(&id).await.unwrap();
        assert_eq!(current.len(), 2);
        assert_eq!(current[0].item, "dpg-data-extraction");
        assert!(current[0].not_applicable);
        assert_eq!(current[0].statement, None);
        assert_eq!(current[1], second);

        let seq = c.max_seq().await.unwrap();
        let withdrawal = c
            .withdraw(&id, "dpg-privacy-and-laws", token.id, 1_300)
            .await
            .unwrap()
            .expect("there was a current declaration");
        assert_eq!(withdrawal.withdrawn_at, 1_300);
        assert_eq!(c.max_seq().await.unwrap(), seq + 1);
        let current = c.current_declarations(&id).await.unwrap();
        assert_eq!(current.len(), 1);
        assert_eq!(current[0].item, "dpg-data-extraction");

        // Nothing current: nothing written, no change number taken.
        let seq = c.max_seq().await.unwrap();
        for item in ["dpg-privacy-and-laws", "dpg-do-no-harm"] {
            assert_eq!(c.withdraw(&id, item, token.id, 1_400).await.unwrap(), None);
        }
        assert_eq!(c.max_seq().await.unwrap(), seq);

        // Declaring again after a withdrawal makes it current again.
        c.declare(
            &id,
            "dpg-privacy-and-laws",
            &privacy("Ann Poe"),
            token.id,
            1_500,
        )
        .await
        .unwrap();
        let current = c.current_declarations(&id).await.unwrap();
        assert_eq!(current.len(), 2);
        assert_eq!(current[1].by, "Ann Poe");

        // The history keeps every row, oldest first.
        let history = c.declaration_history(&id).await.unwrap();
        let summary: Vec<(String, String)> = history
            .iter()
            .map(|e| match e {
                DeclarationEvent::Declared(d) => (d.item.clone(), format!("declared by {}", d.by)),
                DeclarationEvent::Withdrawn(w) => (w.item.clone(), "withdrawn".into()),
            })
            .collect();
        assert_eq!(
            summary,
            [
                ("dpg-privacy-and-laws", "declared by Jane Doe"),
                ("dpg-data-extraction", "declared by Jane Doe"),
                ("dpg-privacy-and-laws", "declared by John Roe"),
                ("dpg-privacy-and-laws", "withdrawn"),
                ("dpg-privacy-and-laws", "declared by Ann Poe"),
            ]
            .map(|(a, b)| (a.to_string(), b.to_string()))
        );
        assert_eq!(history[0], DeclarationEvent::Declared(first));
        assert_eq!(history[3], DeclarationEvent::Withdrawn(withdrawal));

        // The token's use is counted.
        let listed = c.publisher_tokens(Some("unicef")).await.unwrap();
        assert_eq!(listed[0].uses, 5);
        assert_eq!(listed[0].last_used_at, Some(1_500));
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_a_live_token_of_the_entrys_organisation_may_write() {
    on_both(|c| async move {
        let id = entry(&c).await;
        other_organisation(&c).await;
        let unicef = c.issue_token("unicef", None, 100, "test").await.unwrap();
        let who = c.issue_token("who", None, 100, "test").await.unwrap();
        c.declare(
            &id,
            "dpg-do-no-harm",
            &privacy("Jane Doe"),
            unicef.id,
            1_000,
        )
        .await
        .unwrap();
        let seq = c.max_seq().await.unwrap();

        let err = c
            .declare(&id, "dpg-do-no-harm", &privacy("Intruder"), who.id, 1_100)
            .await
            .unwrap_err();
        assert!(
            matches!(
                &err,
                CatalogError::Refused(Refusal::OtherOrganisation { token, entry })
                    if token == "who" && entry.as_deref() == Some("unicef")
            ),
            "{err}"
        );
        let err = c
            .withdraw(&id, "dpg-do-no-harm", who.id, 1_100)
            .await
            .unwrap_err();
        assert!(matches!(err, CatalogError::Refused(_)), "{err}");

        let err = c
            .declare(
                "no-such-entry",
                "dpg-do-no-harm",
                &privacy("A"),
                unicef.id,
                1_100,
            )
            .await
            .unwrap_err();
        assert!(matches!(err, CatalogError::NotFound(_)), "{err}");

        c.revoke_token(unicef.id, 1_050, "test").await.unwrap();
        let err = c
            .declare(
                &id,
                "dpg-do-no-harm",
                &privacy("Jane Doe"),
                unicef.id,
                1_100,
            )
            .await
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "refused: the token is revoked or unknown",
            "{err}"
        );
        let err = c
            .withdraw(&id, "dpg-do-no-harm", unicef.id, 1_100)
            .await
            .unwrap_err();
        assert!(matches!(err, CatalogError::Refused(Refusal::TokenNotLive)));
        let err = c
            .declare(&id, "dpg-do-no-harm", &privacy("A"), 999_999, 1_100)
            .await
            .unwrap_err();
        assert!(matches!(err, CatalogError::Refused(Refusal::TokenNotLive)));

        // Nothing was written by the refused attempts; what the revoked token declared stands.
        assert_eq!(c.max_seq().await.unwrap(), seq);
        assert_eq!(c.declaration_history(&id).await.unwrap().len(), 1);
        let current = c.current_declarations(&id).await.unwrap();
        assert_eq!(current.len(), 1);
        assert_eq!(current[0].by, "Jane Doe");
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_entry_that_changes_hands_leaves_its_former_publishers_declarations_behind() {
    on_both(|c| async move {
        let id = entry(&c).await;
        other_organisation(&c).await;
        let unicef = c.issue_token("unicef", None, 100, "test").await.unwrap();
        let who = c.issue_token("who", None, 100, "test").await.unwrap();
        c.declare(
            &id,
            "dpg-sdg-relevance",
            &privacy("Jane Doe"),
            unicef.id,
            1_000,
        )
        .await
        .unwrap();

        // The same repository is now published by WHO.
        let mut req = request(URL, &example().replace("2.11.0", "2.12.0"), 2_000);
        req.publisher = Some(Publisher {
            id: "who".into(),
            name: "World Health Organization".into(),
            uri: None,
        });
        c.ingest(&req).await.unwrap();
        assert!(c.current_declarations(&id).await.unwrap().is_empty());
        assert_eq!(
            c.withdraw(&id, "dpg-sdg-relevance", who.id, 2_100)
                .await
                .unwrap(),
            None,
            "WHO has nothing to withdraw"
        );
        assert!(matches!(
            c.declare(
                &id,
                "dpg-sdg-relevance",
                &privacy("Jane Doe"),
                unicef.id,
                2_100
            )
            .await,
            Err(CatalogError::Refused(Refusal::OtherOrganisation { .. }))
        ));
        c.declare(
            &id,
            "dpg-sdg-relevance",
            &privacy("Ana Lima"),
            who.id,
            2_200,
        )
        .await
        .unwrap();
        let current = c.current_declarations(&id).await.unwrap();
        assert_eq!(current.len(), 1);
        assert_eq!(current[0].organisation_id, "who");
        assert_eq!(c.declaration_history(&id).await.unwrap().len(), 2);
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_declarations_are_ordered_and_the_last_one_is_current() {
    on_both(|c| async move {
        let id = entry(&c).await;
        let token = c.issue_token("unicef", None, 100, "test").await.unwrap();
        let before = c.max_seq().await.unwrap();
        let tasks: Vec<_> = (0..20)
            .map(|i| {
                let (c, id) = (c.clone(), id.clone());
                tokio::spawn(async move {
                    c.declare(
                        &id,
                        "dpg-do-no-harm",
                        &privacy(&format!("Person {i}")),
                        token.id,
                        1_000 + i,
                    )
                    .await
                    .unwrap()
                })
            })
            .collect();
        let mut stored = Vec::new();
        for t in tasks {
            stored.push(t.await.unwrap());
        }
        assert_eq!(c.max_seq().await.unwrap(), before + 20, "gapless");
        let last = stored.iter().max_by_key(|d| d.id).unwrap();
        let current = c.current_declarations(&id).await.unwrap();
        assert_eq!(current, vec![last.clone()]);
        assert_eq!(c.declaration_history(&id).await.unwrap().len(), 20);
    })
    .await;
}

/// A trigger makes the database refuse the declaration's insert, which comes after the change
/// number was taken in the same transaction: nothing may survive.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failed_declaration_leaves_nothing_behind() {
    on_both_with_url(|c, url| async move {
        let id = entry(&c).await;
        let token = c.issue_token("unicef", None, 100, "test").await.unwrap();
        crate::refuse_inserts_saying_fail_me(&c, &url, "declarations", "statement").await;

        let seq = c.max_seq().await.unwrap();
        let entry_seq = c.software(&id).await.unwrap().unwrap().seq;
        let mut poisoned = privacy("Jane Doe");
        poisoned.statement = Some("FAIL-ME".into());
        let err = c
            .declare(&id, "dpg-do-no-harm", &poisoned, token.id, 1_000)
            .await
            .unwrap_err();
        assert!(err.to_string().contains("injected failure"), "{err}");
        assert_eq!(c.max_seq().await.unwrap(), seq);
        assert_eq!(c.software(&id).await.unwrap().unwrap().seq, entry_seq);
        assert!(c.declaration_history(&id).await.unwrap().is_empty());
        // The catalog goes on working.
        c.declare(&id, "dpg-do-no-harm", &privacy("Jane Doe"), token.id, 1_001)
            .await
            .unwrap();
        assert_eq!(c.max_seq().await.unwrap(), seq + 1);
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_expired_token_neither_authenticates_nor_declares() {
    on_both(|c| async move {
        let id = entry(&c).await;
        let token = c
            .issue_token_until(
                "unicef",
                Some("90 days"),
                (Some(500), TokenScope::Declarations),
                200,
                OPERATOR_CLI,
            )
            .await
            .unwrap();
        assert_eq!(token.expires_at, Some(500));
        assert!(c.authenticate(&token.secret, 499).await.unwrap().is_some());
        assert_eq!(c.authenticate(&token.secret, 500).await.unwrap(), None);
        c.declare(&id, "dpg-privacy", &privacy("Ana"), token.id, 499)
            .await
            .unwrap();
        assert!(matches!(
            c.declare(&id, "dpg-privacy", &privacy("Ana"), token.id, 500)
                .await,
            Err(CatalogError::Refused(Refusal::TokenNotLive))
        ));
        let listed = c.publisher_tokens(Some("unicef")).await.unwrap();
        assert_eq!(listed[0].expires_at, Some(500));
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_member_signed_in_declares_and_withdraws_for_their_organisation_only() {
    on_both(|c| async move {
        let id = entry(&c).await;
        let member = Declarant::Member {
            email: "ana@unicef.example",
            organisation: "unicef",
        };
        let stored = c
            .declare_as(
                &id,
                "dpg-privacy-and-laws",
                &privacy("Ana Lima"),
                member,
                1_000,
            )
            .await
            .unwrap();
        assert_eq!(
            (stored.token_id, stored.member.as_deref()),
            (None, Some("ana@unicef.example"))
        );
        assert_eq!(
            c.current_declarations(&id).await.unwrap(),
            std::slice::from_ref(&stored)
        );

        // A member of another organisation is refused, and nothing is written.
        let stranger = Declarant::Member {
            email: "bo@who.example",
            organisation: "who",
        };
        let refused = c
            .declare_as(&id, "dpg-do-no-harm", &privacy("Bo"), stranger, 1_001)
            .await;
        assert!(
            matches!(
                refused,
                Err(CatalogError::Refused(Refusal::OtherOrganisation { .. }))
            ),
            "{refused:?}"
        );

        let withdrawn = c
            .withdraw_as(&id, "dpg-privacy-and-laws", member, 1_002)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(withdrawn.member.as_deref(), Some("ana@unicef.example"));
        assert!(c.current_declarations(&id).await.unwrap().is_empty());
        let history = c.declaration_history(&id).await.unwrap();
        assert_eq!(history.len(), 2, "{history:?}");
        let actors: Vec<String> = c
            .audit_entries(&AuditQuery {
                since: None,
                actor: None,
                action: None,
                before_seq: None,
                limit: 50,
            })
            .await
            .unwrap()
            .into_iter()
            .filter(|e| e.action.starts_with("declaration."))
            .map(|e| e.actor)
            .collect();
        assert_eq!(
            actors,
            ["user:ana@unicef.example", "user:ana@unicef.example"]
        );
    })
    .await;
}
