//! Webhook secrets per publisher (derived, stored as hashes, rotated), delivery ids that make
//! a replay a no-op, and the publisher that claims a repository deciding whose entry it is
//! even when the file did not change.

use super::*;

const KEY: &str = "a test key of at least thirty-two bytes";

fn unicef() -> Publisher {
    Publisher {
        id: "unicef".into(),
        name: "UNICEF".into(),
        uri: None,
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hook_secrets_are_derived_stored_as_hashes_and_rotated() {
    on_both(|c| async move {
        let key = WebhookKey::new(KEY).unwrap();
        let unknown = c.rotate_hook_secret(&key, "nobody", 1, "test").await;
        assert!(
            matches!(unknown, Err(CatalogError::NotFound(_))),
            "{unknown:?}"
        );
        c.ingest(&request(URL, &example(), 1)).await.unwrap();

        let first = c
            .rotate_hook_secret(&key, "unicef", 10, "test")
            .await
            .unwrap();
        assert_eq!(first.generation, 1);
        assert!(first.secret.starts_with(HOOK_SECRET_PREFIX));
        assert_eq!(
            c.hook_publisher(&first.secret).await.unwrap().as_deref(),
            Some("unicef")
        );
        assert_eq!(
            c.live_hook_secret(&key, "unicef").await.unwrap().as_deref(),
            Some(first.secret.as_str())
        );
        // Another server key derives nothing that matches, and says so.
        let other = WebhookKey::new(&"z".repeat(40)).unwrap();
        assert!(matches!(
            c.live_hook_secret(&other, "unicef").await,
            Err(CatalogError::Corrupt(_))
        ));

        let second = c
            .rotate_hook_secret(&key, "unicef", 20, "test")
            .await
            .unwrap();
        assert_eq!(second.generation, 2);
        assert_ne!(second.secret, first.secret);
        assert_eq!(
            c.hook_publisher(&first.secret).await.unwrap(),
            None,
            "rotated out"
        );
        assert_eq!(
            c.hook_publisher(&second.secret).await.unwrap().as_deref(),
            Some("unicef")
        );
        assert_eq!(c.hook_publisher("cmnhook_short").await.unwrap(), None);
        let listed = c.hook_secrets(Some("unicef")).await.unwrap();
        assert_eq!(listed.len(), 2);
        assert_eq!(listed[0].revoked_at, Some(20));
        assert_eq!(listed[1].revoked_at, None);
        assert_eq!(c.live_hook_secret(&key, "nobody").await.unwrap(), None);
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_delivery_is_acted_on_once_and_forgotten_after_a_while() {
    on_both(|c| async move {
        assert!(c.remember_delivery("gitlab:1", 100, 60).await.unwrap());
        assert!(
            !c.remember_delivery("gitlab:1", 120, 60).await.unwrap(),
            "a replay"
        );
        assert!(
            c.remember_delivery("github:1", 120, 60).await.unwrap(),
            "per forge"
        );
        // Forgotten once older than the memory (or when it was not acted on).
        assert!(c.remember_delivery("gitlab:1", 200, 60).await.unwrap());
        c.forget_delivery("gitlab:1").await.unwrap();
        assert!(c.remember_delivery("gitlab:1", 201, 60).await.unwrap());
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_claiming_publisher_decides_the_organisation_even_for_unchanged_content() {
    on_both(|c| async move {
        let other = Publisher {
            id: "other".into(),
            name: "Other".into(),
            uri: None,
        };
        let mut as_other = request(URL, &example(), 1);
        as_other.publisher = Some(other.clone());
        let created = c.ingest(&as_other).await.unwrap();
        let id = created.software_id;
        // The same content, claimed by the registry's publisher: no new revision, but the
        // entry is filed under it, with a change number for the index.
        let mut as_unicef = request(URL, &example(), 2);
        as_unicef.publisher = Some(unicef());
        let again = c.ingest(&as_unicef).await.unwrap();
        assert_eq!(again.change, Change::Unchanged);
        assert!(again.seq > created.seq);
        let entry = c.software(&id).await.unwrap().unwrap();
        assert_eq!(entry.organisation_id.as_deref(), Some("unicef"));
        assert_eq!(c.revisions(&id).await.unwrap().len(), 1);
        // Already there: nothing written.
        let same = c.ingest(&as_unicef).await.unwrap();
        assert_eq!(same.seq, again.seq);
        assert!(!c.assign_publisher(&id, &unicef(), 3).await.unwrap());
        assert!(c.assign_publisher(&id, &other, 3).await.unwrap());
        let entry = c.software(&id).await.unwrap().unwrap();
        assert_eq!(entry.organisation_id.as_deref(), Some("other"));
        assert!(entry.seq > same.seq);
    })
    .await;
}
