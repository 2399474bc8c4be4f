//! Atom 1.0 feeds of new and changed entries, newest first: the whole catalog at
//! `/feeds/updates.atom`, one organisation at `/feeds/organisations/{id}.atom`. A feed reader
//! or another catalog follows what changed without paging through the API.
//!
//! Each entry's `atom:id` is its repository URL: absolute, stable, the same in every mirror of
//! the catalog. The feeds' own ids are tag URIs. Links are relative to the feed's address (Atom
//! resolves them against it), since the server does not know the name it is reached by, and
//! taking it from the request's `Host` would let a client write it.

use crate::error::ApiError;
use crate::state::AppState;
use atom_syndication::{
    Category, Entry, EntryBuilder, Feed, FeedBuilder, FixedDateTime, Generator, Link, Person, Text,
};
use axum::extract::{Path, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use commons_catalog::Software;
use std::collections::HashMap;

/// Entries in a feed.
const FEED_ENTRIES: i64 = 50;

fn time(seconds: i64) -> FixedDateTime {
    chrono::DateTime::from_timestamp(seconds, 0)
        .unwrap_or_default()
        .fixed_offset()
}

fn link(href: String, rel: &str, mime: Option<&str>) -> Link {
    Link {
        href,
        rel: rel.to_string(),
        mime_type: mime.map(str::to_string),
        ..Link::default()
    }
}

/// The entry's short description: English when there is one, else its first language.
fn summary(software: &Software) -> Option<Text> {
    let descriptions = &software.publiccode.as_ref()?.description;
    let (lang, description) = descriptions
        .get_key_value("en")
        .or_else(|| descriptions.iter().next())?;
    let mut text = Text::plain(description.short_description.clone());
    text.lang = Some(lang.clone());
    Some(text)
}

fn entry(software: &Software, organisations: &HashMap<String, String>) -> Entry {
    let mut entry = EntryBuilder::default();
    entry
        .id(software.repository_url.clone())
        .title(Text::plain(software.name.clone()))
        .updated(time(software.updated_at))
        .published(Some(time(software.created_at)))
        .links(vec![
            link(
                format!("/software/{}", software.id),
                "alternate",
                Some("text/html"),
            ),
            link(software.repository_url.clone(), "related", None),
        ])
        .summary(summary(software));
    if let Some(id) = &software.organisation_id {
        entry.authors(vec![Person {
            name: organisations.get(id).cloned().unwrap_or_else(|| id.clone()),
            uri: Some(format!("/organisations/{id}")),
            ..Person::default()
        }]);
    }
    if let Some(model) = &software.publiccode {
        entry.categories(
            model
                .categories
                .iter()
                .map(|term| Category {
                    term: term.clone(),
                    ..Category::default()
                })
                .collect::<Vec<_>>(),
        );
    }
    entry.build()
}

/// The feed of `entries`, at `path`, about `what`.
fn feed(
    path: &str,
    id: String,
    title: String,
    alternate: String,
    entries: &[Software],
    organisations: &HashMap<String, String>,
) -> Feed {
    let updated = entries.iter().map(|s| s.updated_at).max().unwrap_or(0);
    FeedBuilder::default()
        .id(id)
        .title(Text::plain(title))
        .updated(time(updated))
        .links(vec![
            link(path.to_string(), "self", Some("application/atom+xml")),
            link(alternate, "alternate", Some("text/html")),
        ])
        .generator(Some(Generator {
            value: "Commons".into(),
            uri: None,
            version: Some(env!("CARGO_PKG_VERSION").into()),
        }))
        .entries(
            entries
                .iter()
                .map(|s| entry(s, organisations))
                .collect::<Vec<_>>(),
        )
        .build()
}

fn atom_response(feed: &Feed) -> Response {
    let mut response = feed.to_string().into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/atom+xml; charset=utf-8"),
    );
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=300"),
    );
    response
}

async fn organisation_names(state: &AppState) -> Result<HashMap<String, String>, ApiError> {
    Ok(state
        .catalog
        .organisation_names()
        .await?
        .into_iter()
        .collect())
}

/// `/feeds/updates.atom`: the 50 entries changed last, in the whole catalog.
pub async fn updates(State(state): State<AppState>) -> Result<Response, ApiError> {
    let entries = state.catalog.recently_updated(None, FEED_ENTRIES).await?;
    let names = organisation_names(&state).await?;
    Ok(atom_response(&feed(
        "/feeds/updates.atom",
        "tag:commons,2026:feeds/updates".into(),
        "Commons: new and changed software".into(),
        "/software".into(),
        &entries,
        &names,
    )))
}

/// `/feeds/organisations/{id}.atom`: the 50 entries of one organisation changed last.
pub async fn organisation(
    State(state): State<AppState>,
    Path(file): Path<String>,
) -> Result<Response, ApiError> {
    let not_found = || ApiError::NotFound("no such feed".into());
    let id = file.strip_suffix(".atom").ok_or_else(not_found)?;
    let names = organisation_names(&state).await?;
    let name = names.get(id).ok_or_else(not_found)?.clone();
    let entries = state
        .catalog
        .recently_updated(Some(id), FEED_ENTRIES)
        .await?;
    Ok(atom_response(&feed(
        &format!("/feeds/organisations/{id}.atom"),
        format!("tag:commons,2026:feeds/organisations/{id}"),
        format!("Commons: new and changed software of {name}"),
        format!("/organisations/{id}"),
        &entries,
        &names,
    )))
}
