//! Federation: the Software Catalog API's pages, and entries read through peer catalogs
//! (which source an entry shows, withdrawal and return, provenance).

use super::*;
use std::collections::HashSet;

fn via(catalog: &str, remote: &str, at: i64) -> Via {
    Via {
        catalog_id: catalog.to_string(),
        catalog_name: format!("Catalog {catalog}"),
        catalog_url: format!("https://{catalog}.example/v1"),
        remote_id: remote.to_string(),
        fetched_at: at,
    }
}

async fn ingest_via(catalog: &Catalog, url: &str, source: &str, via: &Via) -> IngestOutcome {
    let request = request(url, source, via.fetched_at);
    let prepared = Prepared::new(&request).unwrap();
    catalog.ingest_via(&request, &prepared, via).await.unwrap()
}

fn renamed(name: &str) -> String {
    example().replace("name: Primero", &format!("name: {name}"))
}

#[tokio::test]
async fn a_peer_entry_records_its_provenance_and_follows_the_peer() {
    on_both(|catalog| async move {
        let url = "https://git.example.org/peer/app";
        let first = ingest_via(&catalog, url, &example(), &via("italy", "r-1", 100)).await;
        assert_eq!(first.change, Change::Created);
        let listings = catalog.listings(&first.software_id).await.unwrap();
        assert_eq!(listings.len(), 1);
        assert_eq!(
            (
                listings[0].catalog_id.as_str(),
                listings[0].remote_id.as_str()
            ),
            ("italy", "r-1")
        );
        assert!(listings[0].source);
        assert_eq!(listings[0].fetched_at, 100);

        // The peer changes the file: the entry follows.
        let second = ingest_via(
            &catalog,
            url,
            &renamed("Medusa Two"),
            &via("italy", "r-1", 200),
        )
        .await;
        assert_eq!(second.change, Change::Updated);
        let entry = catalog.software(&first.software_id).await.unwrap().unwrap();
        assert_eq!(entry.name, "Medusa Two");
        // Reading it again unchanged refreshes the listing's time only.
        let third = ingest_via(
            &catalog,
            url,
            &renamed("Medusa Two"),
            &via("italy", "r-1", 300),
        )
        .await;
        assert_eq!(third.change, Change::Unchanged);
        assert_eq!(
            catalog.listings(&first.software_id).await.unwrap()[0].fetched_at,
            300
        );
    })
    .await;
}

#[tokio::test]
async fn the_direct_crawl_wins_over_a_peer_and_a_peer_only_adds_its_listing() {
    on_both(|catalog| async move {
        let url = "https://git.example.org/both/app";
        let direct = catalog
            .ingest(&request(url, &renamed("Direct"), 100))
            .await
            .unwrap();
        let peer = ingest_via(
            &catalog,
            url,
            &renamed("Peer copy"),
            &via("italy", "x", 200),
        )
        .await;
        assert_eq!(
            peer.software_id, direct.software_id,
            "one repository, one entry"
        );
        assert_eq!(peer.change, Change::Unchanged);
        let entry = catalog
            .software(&direct.software_id)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(entry.name, "Direct", "the direct crawl's file is shown");
        let listings = catalog.listings(&direct.software_id).await.unwrap();
        assert_eq!(listings.len(), 1);
        assert!(!listings[0].source, "listed there, but not the source");
        assert_eq!(
            catalog.revisions(&direct.software_id).await.unwrap().len(),
            1
        );

        // A peer that first created an entry gives way when the direct crawl reads it.
        let url = "https://git.example.org/later/app";
        let peer = ingest_via(
            &catalog,
            url,
            &renamed("From peer"),
            &via("italy", "y", 100),
        )
        .await;
        let direct = catalog
            .ingest(&request(url, &renamed("From forge"), 200))
            .await
            .unwrap();
        assert_eq!(direct.software_id, peer.software_id);
        let again = ingest_via(
            &catalog,
            url,
            &renamed("From peer 2"),
            &via("italy", "y", 300),
        )
        .await;
        assert_eq!(again.change, Change::Unchanged);
        let entry = catalog.software(&peer.software_id).await.unwrap().unwrap();
        assert_eq!(entry.name, "From forge");
    })
    .await;
}

#[tokio::test]
async fn entries_a_peer_drops_are_withdrawn_and_return_when_listed_again() {
    on_both(|catalog| async move {
        let a = ingest_via(
            &catalog,
            "https://g.example/p/a",
            &renamed("A"),
            &via("italy", "a", 100),
        )
        .await;
        let b = ingest_via(
            &catalog,
            "https://g.example/p/b",
            &renamed("B"),
            &via("italy", "b", 100),
        )
        .await;
        let c = ingest_via(
            &catalog,
            "https://g.example/p/c",
            &renamed("C"),
            &via("italy", "c", 100),
        )
        .await;
        let direct = catalog
            .ingest(&request("https://g.example/p/d", &renamed("D"), 100))
            .await
            .unwrap();
        ingest_via(
            &catalog,
            "https://g.example/p/d",
            &renamed("D"),
            &via("italy", "d", 100),
        )
        .await;
        let before = catalog.max_seq().await.unwrap();

        let active: HashSet<String> = [a.software_id.clone()].into();
        let inactive: HashSet<String> = [b.software_id.clone()].into();
        let withdrawn = catalog
            .withdraw_from_catalog("italy", &active, &inactive)
            .await
            .unwrap();
        let mut withdrawn: Vec<(String, &str)> = withdrawn;
        withdrawn.sort();
        assert_eq!(
            withdrawn,
            vec![
                (b.software_id.clone(), WITHDRAWN_INACTIVE),
                (c.software_id.clone(), WITHDRAWN_UNLISTED)
            ]
        );
        for (id, listed) in [
            (&a.software_id, true),
            (&b.software_id, false),
            (&c.software_id, false),
        ] {
            let entry = catalog.software(id).await.unwrap().unwrap();
            assert_eq!(entry.listed, listed, "{id}");
        }
        assert_eq!(
            catalog.withdrawn(&b.software_id).await.unwrap().as_deref(),
            Some("inactive")
        );
        // The directly crawled entry stays listed; it only loses the peer's listing.
        let d = catalog
            .software(&direct.software_id)
            .await
            .unwrap()
            .unwrap();
        assert!(d.listed);
        assert!(
            catalog
                .listings(&direct.software_id)
                .await
                .unwrap()
                .is_empty()
        );
        // Withdrawals are changes: every replica's index drops the entries.
        let changed: Vec<String> = catalog
            .changes_since(before, 100)
            .await
            .unwrap()
            .into_iter()
            .map(|s| s.id)
            .collect();
        assert!(changed.contains(&b.software_id) && changed.contains(&c.software_id));
        // Revisions are kept.
        assert_eq!(catalog.revisions(&c.software_id).await.unwrap().len(), 1);

        // Listed again with the same file: listed again.
        let back = ingest_via(
            &catalog,
            "https://g.example/p/c",
            &renamed("C"),
            &via("italy", "c", 300),
        )
        .await;
        assert_eq!(back.software_id, c.software_id);
        let entry = catalog.software(&c.software_id).await.unwrap().unwrap();
        assert!(entry.listed);
        assert_eq!(catalog.withdrawn(&c.software_id).await.unwrap(), None);
    })
    .await;
}

#[tokio::test]
async fn the_open_catalog_pages_cover_every_entry_once_in_both_directions() {
    on_both(|catalog| async move {
        let mut ids = Vec::new();
        for n in 0..7 {
            // Two entries per second, so ties on the creation time are ordered by id.
            let at = 1_000 + n / 2;
            let outcome = catalog
                .ingest(&request(
                    &format!("https://g.example/o/{n}"),
                    &renamed(&format!("E{n}")),
                    at,
                ))
                .await
                .unwrap();
            ids.push((at, outcome.software_id));
        }
        // One invalid-only entry: listed with `all` only.
        catalog
            .ingest(&request("https://g.example/o/bad", "name: [", 2_000))
            .await
            .unwrap();
        ids.sort();

        let mut seen = Vec::new();
        let mut query = OpenCatalogQuery {
            size: 3,
            ..Default::default()
        };
        loop {
            let page = catalog.open_catalog_page(&query).await.unwrap();
            seen.extend(
                page.entries
                    .iter()
                    .map(|e| (e.created_at, e.software_id.clone())),
            );
            assert_eq!(page.more_before, query.after.is_some());
            let Some(last) = page.entries.last().filter(|_| page.more_after) else {
                break;
            };
            query.after = Some((last.created_at, last.software_id.clone()));
        }
        assert_eq!(seen, ids);

        // Backwards from the end gives the same entries.
        let mut back = Vec::new();
        let mut query = OpenCatalogQuery {
            size: 3,
            before: Some((i64::MAX, String::new())),
            ..Default::default()
        };
        loop {
            let page = catalog.open_catalog_page(&query).await.unwrap();
            let mut chunk: Vec<_> = page
                .entries
                .iter()
                .map(|e| (e.created_at, e.software_id.clone()))
                .collect();
            chunk.extend(back);
            back = chunk;
            let Some(first) = page.entries.first().filter(|_| page.more_before) else {
                break;
            };
            query.before = Some((first.created_at, first.software_id.clone()));
        }
        assert_eq!(back, ids);

        let all = catalog
            .open_catalog_page(&OpenCatalogQuery {
                size: 100,
                all: true,
                ..Default::default()
            })
            .await
            .unwrap();
        assert_eq!(all.entries.len(), 8);
        assert!(
            all.entries
                .iter()
                .any(|e| !e.active && e.publiccode_yml == "name: [")
        );

        // Filters: creation time and URL.
        let window = catalog
            .open_catalog_page(&OpenCatalogQuery {
                size: 100,
                from: Some(1_001),
                to: Some(1_002),
                ..Default::default()
            })
            .await
            .unwrap();
        assert_eq!(window.entries.len(), 4);
        let one = catalog
            .open_catalog_page(&OpenCatalogQuery {
                size: 100,
                url: Some("https://g.example/o/3".into()),
                ..Default::default()
            })
            .await
            .unwrap();
        assert_eq!(one.entries.len(), 1);
        let uuid = &one.entries[0].uuid;
        assert_eq!(uuid, &software_uuid(&one.entries[0].software_id));
        let found = catalog.open_catalog_entry(uuid).await.unwrap().unwrap();
        assert_eq!(found, one.entries[0]);
        assert!(
            catalog
                .open_catalog_entry("c353756e-8597-4e46-a99b-7da2e141603b")
                .await
                .unwrap()
                .is_none()
        );
    })
    .await;
}
