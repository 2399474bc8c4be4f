//! The Atom feeds, read back with a real Atom parser (`atom_syndication`'s reader): newest
//! first, every entry's id absolute, markup in an entry's texts carried as text.

use crate::support::TestApp;
use atom_syndication::Feed;

async fn feed(app: &TestApp, path: &str) -> Feed {
    let (response, body) = app.get(path).await;
    assert_eq!(response.status(), 200, "{path}");
    assert_eq!(
        response.headers()["content-type"],
        "application/atom+xml; charset=utf-8"
    );
    Feed::read_from(&body[..]).unwrap_or_else(|e| panic!("{path} is not Atom: {e}"))
}

#[tokio::test]
async fn the_updates_feed_lists_the_latest_changes_newest_first() {
    let app = TestApp::with_demo().await;
    let all = feed(&app, "/feeds/updates.atom").await;
    assert_eq!(all.id(), "tag:commons,2026:feeds/updates");
    let entries = all.entries();
    let listed = app.state.catalog.count(false).await.unwrap() as usize;
    assert_eq!(
        entries.len(),
        listed.min(50),
        "every listed entry, at most 50"
    );
    for pair in entries.windows(2) {
        assert!(pair[0].updated() >= pair[1].updated(), "newest first");
    }
    assert_eq!(all.updated(), entries[0].updated());
    for entry in entries {
        assert!(
            url::Url::parse(entry.id()).is_ok(),
            "an absolute id: {}",
            entry.id()
        );
        let page = &entry.links()[0];
        assert_eq!(page.rel(), "alternate");
        assert!(page.href().starts_with("/software/"), "{}", page.href());
        assert!(!entry.title().as_str().is_empty());
    }
    let self_link = all.links().iter().find(|l| l.rel() == "self").unwrap();
    assert_eq!(self_link.href(), "/feeds/updates.atom");

    // Each entry matches the catalog: its name, its repository, its summary's language.
    let first = &entries[0];
    let id = first.links()[0].href().trim_start_matches("/software/");
    let software = app.state.catalog.software(id).await.unwrap().unwrap();
    assert_eq!(first.title().as_str(), software.name);
    assert_eq!(first.id(), software.repository_url);
    assert!(first.summary().is_some());
}

#[tokio::test]
async fn markup_in_an_entry_stays_text() {
    let app = TestApp::with_demo_and_security_fixture().await;
    let fixture = app
        .state
        .catalog
        .software_page(None, 1000, false)
        .await
        .unwrap()
        .into_iter()
        .find(|s| s.name.contains('<'))
        .expect("the security fixture has markup in its name");
    let organisation = fixture.organisation_id.clone().unwrap();
    let (_, body) = app
        .get(&format!("/feeds/organisations/{organisation}.atom"))
        .await;
    let text = String::from_utf8(body.clone()).unwrap();
    assert!(!text.contains("<script"), "markup is escaped in the XML");
    let parsed = Feed::read_from(&body[..]).unwrap();
    let entry = parsed
        .entries()
        .iter()
        .find(|e| e.id() == fixture.repository_url)
        .expect("the fixture is in its organisation's feed");
    assert_eq!(
        entry.title().as_str(),
        fixture.name,
        "read back as the same text"
    );
}

#[tokio::test]
async fn an_organisation_feed_holds_only_its_entries() {
    let app = TestApp::with_demo().await;
    let names = app.state.catalog.organisation_names().await.unwrap();
    let (id, name) = names.first().unwrap().clone();
    let feed = feed(&app, &format!("/feeds/organisations/{id}.atom")).await;
    assert!(
        feed.title().as_str().ends_with(&name),
        "{}",
        feed.title().as_str()
    );
    let expected = app
        .state
        .catalog
        .recently_updated(Some(&id), 50)
        .await
        .unwrap();
    assert!(!expected.is_empty());
    let ids: Vec<&str> = feed.entries().iter().map(|e| e.id()).collect();
    let want: Vec<&str> = expected.iter().map(|s| s.repository_url.as_str()).collect();
    assert_eq!(ids, want);
    for entry in feed.entries() {
        assert_eq!(entry.authors()[0].name(), name);
    }
    for missing in [
        "/feeds/organisations/nobody.atom",
        &format!("/feeds/organisations/{id}"),
    ] {
        let (response, _) = app.get(missing).await;
        assert_eq!(response.status(), 404, "{missing}");
    }
}

/// Every page points feed readers at the catalog's feed.
#[tokio::test]
async fn pages_announce_the_feed() {
    let app = TestApp::with_demo().await;
    let (_, body) = app.get("/").await;
    let page = String::from_utf8(body).unwrap();
    assert!(
        page.contains(r#"<link rel="alternate" type="application/atom+xml" title="Commons: new and changed software" href="/feeds/updates.atom">"#),
        "{page}"
    );
}
