//! `/api/v1/duplicates`: groups of entries from different organisations that describe the
//! same software, by meaning: the duplicated effort a reader should know of before a third
//! agency builds the same thing. Pairs whose files declare a relation (one based on or
//! depending on the other) are reuse, listed apart and never grouped as duplicates.

use super::similar::{Relation, relation};
use super::views::SoftwareSummary;
use crate::error::ApiError;
use crate::meaning::{DUPLICATE_FLOOR_DECIMAL, MeaningState};
use crate::state::AppState;
use axum::Json;
use axum::extract::{Query, State};
use commons_catalog::Software;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use utoipa::{IntoParams, ToSchema};

/// `?threshold=&lang=`.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct DuplicatesParams {
    /// The similarity from which two entries count as duplicates, 0.6 to 1 (default: the
    /// operator's `search.duplicate_threshold`, 0.75 unless set).
    #[param(minimum = 0.6, maximum = 1.0)]
    threshold: Option<f64>,
    /// The reader's language (BCP 47), for the descriptions.
    #[param(pattern = "^[A-Za-z0-9_-]{0,35}$")]
    lang: Option<String>,
}

/// Two entries and how close they are.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Pair {
    /// One entry's id.
    pub a: String,
    /// The other's.
    pub b: String,
    /// Cosine similarity of their closest texts.
    pub similarity: f32,
    /// How `a` relates to `b` by their files, for reuse pairs.
    pub relation: Option<Relation>,
}

/// Entries of several organisations that describe the same software.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Cluster {
    /// The entries, the best connected first.
    pub entries: Vec<SoftwareSummary>,
    /// The pairs that join them, closest first.
    pub pairs: Vec<Pair>,
}

/// The answer.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct DuplicatesPage {
    /// Whether search by meaning works on this server (without the model there is nothing).
    pub meaning: MeaningState,
    /// The threshold applied.
    pub threshold: f32,
    /// False while the server is still comparing the entries after a start.
    pub complete: bool,
    /// Groups of possible duplicates across organisations, largest first.
    pub clusters: Vec<Cluster>,
    /// Pairs at the threshold whose files say one reuses the other (not duplication).
    pub reuse: Vec<Pair>,
}

/// Possible duplicates across organisations.
#[utoipa::path(
    get, path = "/api/v1/duplicates", tag = "software",
    params(DuplicatesParams),
    responses(
        (status = 200, description = "Groups of possible duplicates", body = DuplicatesPage),
        (status = 304, description = "Not modified (If-None-Match)"),
        (status = 400, description = "A query parameter is wrong", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
pub async fn duplicates(
    State(state): State<AppState>,
    params: Result<Query<DuplicatesParams>, axum::extract::rejection::QueryRejection>,
) -> Result<Json<DuplicatesPage>, ApiError> {
    let Query(params) = params.map_err(|e| ApiError::BadRequest(e.body_text()))?;
    let threshold = match params.threshold {
        None => state.meaning.duplicate_threshold,
        // Checked as written (a decimal), then kept as the similarities are.
        Some(t) if (DUPLICATE_FLOOR_DECIMAL..=1.0).contains(&t) => t as f32,
        Some(t) => {
            return Err(ApiError::BadRequest(format!(
                "threshold must be between {DUPLICATE_FLOOR_DECIMAL} and 1, not {t}"
            )));
        }
    };
    super::software::check_lang(params.lang.as_deref())?;
    Ok(Json(
        find_duplicates(&state, threshold, params.lang.as_deref()).await?,
    ))
}

/// The clusters at `threshold`.
pub(crate) async fn find_duplicates(
    state: &AppState,
    threshold: f32,
    lang: Option<&str>,
) -> Result<DuplicatesPage, ApiError> {
    let (pairs, complete) = state.meaning.near_pairs(threshold);
    let mut ids: Vec<String> = pairs
        .iter()
        .flat_map(|(a, b, _)| [a.clone(), b.clone()])
        .collect();
    ids.sort();
    ids.dedup();
    let entries: HashMap<String, Software> = if ids.is_empty() {
        HashMap::new()
    } else {
        state
            .catalog
            .software_by_ids(&ids)
            .await?
            .into_iter()
            .filter(|s| s.listed && s.publiccode.is_some())
            .map(|s| (s.id.clone(), s))
            .collect()
    };
    let mut joined: Vec<Pair> = Vec::new();
    let mut reuse: Vec<Pair> = Vec::new();
    for (a, b, similarity) in pairs {
        let (Some(sa), Some(sb)) = (entries.get(&a), entries.get(&b)) else {
            continue;
        };
        let same_organisation =
            sa.organisation_id.is_some() && sa.organisation_id == sb.organisation_id;
        if same_organisation {
            continue;
        }
        let pair = Pair {
            relation: relation(sa, sb),
            similarity: (similarity * 100.0).round() / 100.0,
            a,
            b,
        };
        if pair.relation.is_some() {
            reuse.push(pair);
        } else {
            joined.push(pair);
        }
    }
    let clusters = clusters_of(&joined)
        .into_iter()
        .map(|members| {
            let pairs: Vec<Pair> = joined
                .iter()
                .filter(|p| members.contains(&p.a))
                .cloned()
                .collect();
            let entries = members
                .iter()
                .filter_map(|id| entries.get(id))
                .filter_map(|s| SoftwareSummary::of(s, lang, &[]))
                .collect();
            Cluster { entries, pairs }
        })
        .collect();
    Ok(DuplicatesPage {
        meaning: state.meaning.state(),
        threshold,
        complete,
        clusters,
        reuse,
    })
}

/// Connected groups of the pairs' entries (union-find), each ordered by how many pairs an
/// entry is in, the groups largest first.
fn clusters_of(pairs: &[Pair]) -> Vec<Vec<String>> {
    let mut parent: HashMap<&str, &str> = HashMap::new();
    fn root<'a>(parent: &mut HashMap<&'a str, &'a str>, id: &'a str) -> &'a str {
        let mut at = id;
        while let Some(&up) = parent.get(at) {
            if up == at {
                break;
            }
            at = up;
        }
        parent.insert(id, at);
        at
    }
    for p in pairs {
        parent.entry(&p.a).or_insert(&p.a);
        parent.entry(&p.b).or_insert(&p.b);
        let (ra, rb) = (root(&mut parent, &p.a), root(&mut parent, &p.b));
        if ra != rb {
            parent.insert(ra.max(rb), ra.min(rb));
        }
    }
    let mut degree: HashMap<&str, usize> = HashMap::new();
    for p in pairs {
        *degree.entry(&p.a).or_default() += 1;
        *degree.entry(&p.b).or_default() += 1;
    }
    let ids: Vec<&str> = parent.keys().copied().collect();
    let mut groups: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for id in ids {
        let r = root(&mut parent, id);
        groups.entry(r).or_default().push(id.to_string());
    }
    let mut out: Vec<Vec<String>> = groups.into_values().collect();
    for group in &mut out {
        group.sort_by(|x, y| {
            degree[y.as_str()]
                .cmp(&degree[x.as_str()])
                .then_with(|| x.cmp(y))
        });
    }
    out.sort_by(|x, y| y.len().cmp(&x.len()).then_with(|| x.cmp(y)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pair(a: &str, b: &str) -> Pair {
        Pair {
            a: a.into(),
            b: b.into(),
            similarity: 0.8,
            relation: None,
        }
    }

    #[test]
    fn pairs_join_into_connected_groups_largest_first() {
        let groups = clusters_of(&[
            pair("c", "d"),
            pair("a", "b"),
            pair("b", "e"),
            pair("x", "y"),
        ]);
        assert_eq!(
            groups,
            [vec!["b", "a", "e"], vec!["c", "d"], vec!["x", "y"]]
        );
        assert!(clusters_of(&[]).is_empty());
        // A chain joins transitively, whatever the order the pairs come in.
        let groups = clusters_of(&[pair("a", "b"), pair("c", "d"), pair("b", "c")]);
        assert_eq!(groups.len(), 1);
        assert_eq!(groups[0].len(), 4);
    }
}
