//! The passage shown under a hit: the stretch of its description where the query's words
//! weigh most, with those words highlighted.
//!
//! This is tantivy's `SnippetGenerator` algorithm, kept to the letter (the tests compare the
//! two), without its costs per word of the text: tantivy lowercases every token again into a
//! new string and looks it up in an ordered map, where the analyzer's tokens are lowercase
//! already in the common case and a hash map does. Cutting snippets from the page's
//! descriptions was a fifth of a search.

use crate::query::Fragment;
use std::collections::{BTreeSet, HashMap};
use std::ops::Range;
use tantivy::query::Query;
use tantivy::schema::Field;
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{Score, Searcher, Term};

/// Longest passage, in bytes of the text (tantivy counts them so too).
const MAX_PASSAGE: usize = 220;

/// Cuts passages for one query's words in one field.
pub(crate) struct Snippets {
    /// Each of the query's terms in the field, with its weight: rarer terms weigh more.
    terms: HashMap<String, Score>,
    analyzer: TextAnalyzer,
}

/// A candidate passage: where it starts and stops, its weight, its highlighted words.
struct Candidate {
    score: Score,
    start: usize,
    stop: usize,
    highlighted: Vec<Range<usize>>,
}

impl Snippets {
    /// The query's terms in `field` that some entry holds, weighted `1 / (1 + entries)`.
    pub(crate) fn new(
        searcher: &Searcher,
        query: &dyn Query,
        field: Field,
    ) -> tantivy::Result<Self> {
        let mut in_field: BTreeSet<&Term> = BTreeSet::new();
        query.query_terms(&mut |term, _| {
            if term.field() == field {
                in_field.insert(term);
            }
        });
        let mut terms = HashMap::new();
        for term in in_field {
            let value = term.value();
            let Some(text) = value.as_str() else {
                continue;
            };
            let entries = searcher.doc_freq(term)?;
            if entries > 0 {
                terms.insert(text.to_string(), 1.0 / (1.0 + entries as Score));
            }
        }
        Ok(Snippets {
            terms,
            analyzer: searcher.index().tokenizer_for_field(field)?,
        })
    }

    /// The passage of an entry whose field holds `texts`, cut into plain and highlighted
    /// pieces, with an ellipsis where the text goes on; empty when no word matches.
    pub(crate) fn fragments(&self, texts: &[&str]) -> Vec<Fragment> {
        let joined;
        let text = match texts {
            [one] => one.trim(),
            _ => {
                joined = texts.iter().fold(String::new(), |mut all, t| {
                    all.push(' ');
                    all.push_str(t);
                    all
                });
                joined.trim()
            }
        };
        let Some(best) = self.best_passage(text) else {
            return Vec::new();
        };
        let passage = &text[best.start..best.stop];
        let mut out = pieces(passage, best.start, &best.highlighted);
        // Where the passage sits in the entry's own text, as the reader sees it.
        let Some((start, whole)) = texts
            .iter()
            .find_map(|t| t.find(passage).map(|at| (at, t.len())))
        else {
            return out;
        };
        if start > 0 {
            out.insert(0, ellipsis());
        }
        if start + passage.len() < whole {
            out.push(ellipsis());
        }
        out
    }

    /// The text cut into passages of at most [`MAX_PASSAGE`] bytes at word boundaries; the
    /// one whose matched words weigh most, the first of equals.
    fn best_passage(&self, text: &str) -> Option<Candidate> {
        let mut analyzer = self.analyzer.clone();
        let mut stream = analyzer.token_stream(text);
        let mut candidate = Candidate::at(0);
        let mut best: Option<Candidate> = None;
        let keep = |candidate: Candidate, best: &mut Option<Candidate>| {
            if candidate.score > 0.0 && best.as_ref().is_none_or(|b| candidate.beats(b)) {
                *best = Some(candidate);
            }
        };
        while stream.advance() {
            let token = stream.token();
            if token.offset_to.saturating_sub(candidate.start) > MAX_PASSAGE {
                let next = Candidate::at(token.offset_from);
                keep(std::mem::replace(&mut candidate, next), &mut best);
            }
            candidate.stop = token.offset_to;
            if let Some(score) = self.weight_of(&token.text) {
                candidate.score += score;
                candidate
                    .highlighted
                    .push(token.offset_from..token.offset_to);
            }
        }
        keep(candidate, &mut best);
        best
    }

    /// A token's weight, looked up lowercase as tantivy does. Every field's analyzer
    /// lowercases its tokens, and lowercasing twice changes nothing; only folding, after it,
    /// can bring back a capital (a small capital folds to an ASCII capital), so only a token
    /// with an ASCII capital is lowercased again (allocating a lowercase copy of every Arabic,
    /// Russian or Chinese word was a fortieth of a search).
    fn weight_of(&self, token: &str) -> Option<Score> {
        if token.bytes().any(|b| b.is_ascii_uppercase()) {
            self.terms.get(&token.to_lowercase()).copied()
        } else {
            self.terms.get(token).copied()
        }
    }
}

impl Candidate {
    fn at(start: usize) -> Self {
        Candidate {
            score: 0.0,
            start,
            stop: start,
            highlighted: Vec::new(),
        }
    }

    /// Weighs more than `other`, or as much and starts earlier (tantivy's order).
    fn beats(&self, other: &Candidate) -> bool {
        match self.score.partial_cmp(&other.score) {
            Some(std::cmp::Ordering::Greater) => true,
            Some(std::cmp::Ordering::Less) => false,
            _ => (self.start, self.stop) < (other.start, other.stop),
        }
    }
}

/// The passage's plain and highlighted pieces (`highlighted` in the text's offsets, from
/// `start`).
fn pieces(passage: &str, start: usize, highlighted: &[Range<usize>]) -> Vec<Fragment> {
    let mut out = Vec::new();
    let mut at = 0;
    for range in highlighted {
        let range = range.start - start..range.end - start;
        if range.start > at {
            out.push(Fragment {
                text: passage[at..range.start].to_string(),
                highlighted: false,
            });
        }
        out.push(Fragment {
            text: passage[range.clone()].to_string(),
            highlighted: true,
        });
        at = range.end;
    }
    if at < passage.len() {
        out.push(Fragment {
            text: passage[at..].to_string(),
            highlighted: false,
        });
    }
    out
}

fn ellipsis() -> Fragment {
    Fragment {
        text: "\u{2026}".into(),
        highlighted: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis;
    use tantivy::query::{BooleanQuery, Occur, TermQuery};
    use tantivy::schema::{
        IndexRecordOption, STORED, Schema, TextFieldIndexing, TextOptions, Value,
    };
    use tantivy::snippet::SnippetGenerator;
    use tantivy::{Index, TantivyDocument};

    /// The snippet's pieces, with an ellipsis where it cuts the text it comes from (one of
    /// `texts`, the field's values) at its start or its end.
    fn fragments(snippet: &tantivy::snippet::Snippet, texts: &[&str]) -> Vec<Fragment> {
        let mut out = pieces(snippet);
        let fragment = snippet.fragment();
        if fragment.is_empty() {
            return out;
        }
        let Some((start, whole)) = texts
            .iter()
            .find_map(|t| t.find(fragment).map(|at| (at, t.len())))
        else {
            return out;
        };
        if start > 0 {
            out.insert(
                0,
                Fragment {
                    text: "\u{2026}".into(),
                    highlighted: false,
                },
            );
        }
        if start + fragment.len() < whole {
            out.push(Fragment {
                text: "\u{2026}".into(),
                highlighted: false,
            });
        }
        out
    }

    fn pieces(snippet: &tantivy::snippet::Snippet) -> Vec<Fragment> {
        let text = snippet.fragment();
        let mut out = Vec::new();
        let mut at = 0;
        for range in snippet.highlighted() {
            if range.start > at {
                out.push(Fragment {
                    text: text[at..range.start].to_string(),
                    highlighted: false,
                });
            }
            out.push(Fragment {
                text: text[range.clone()].to_string(),
                highlighted: true,
            });
            at = range.end;
        }
        if at < text.len() {
            out.push(Fragment {
                text: text[at..].to_string(),
                highlighted: false,
            });
        }
        out
    }

    const TEXTS: &[(&str, &str)] = &[
        (
            "en",
            "  Case management for child protection. Caseworkers record cases, referrals and follow-up visits; supervisors see every open case by district. MANAGEMENT reports export to the national registry. Offline forms sync when the network returns, and cases are never lost.  ",
        ),
        (
            "en",
            "Water points and sanitation: a registry of wells, pumps and latrines, with the state of each and the last inspection. Managing repairs is done by district teams.",
        ),
        (
            "fr",
            "Gestion des dossiers de protection de l'enfance. Les travailleurs sociaux enregistrent les dossiers, les orientations et les visites de suivi; les superviseurs voient chaque dossier ouvert par district. Les rapports de gestion partent vers le registre national.",
        ),
        (
            "es",
            "Gestión de casos para la protección de la infancia: los trabajadores sociales registran los casos y las derivaciones. La gestión de los informes es sencilla; los casos nunca se pierden.",
        ),
        (
            "ru",
            "Управление делами по защите детей. Социальные работники регистрируют дела, направления и последующие визиты; руководители видят каждое открытое дело по району. Отчёты об управлении.",
        ),
        (
            "ar",
            "إدارة الحالات لحماية الطفل. يسجل الأخصائيون الاجتماعيون الحالات والإحالات وزيارات المتابعة؛ ويرى المشرفون كل حالة مفتوحة حسب المنطقة. تقارير الإدارة تصدر إلى السجل الوطني.",
        ),
        (
            "zh",
            "儿童保护个案管理系统。社工记录个案、转介和后续访问；主管按地区查看每个未结个案。管理报告导出到国家登记册。离线表格在网络恢复时同步，个案永不丢失。",
        ),
    ];

    const QUERIES: &[(&str, &[&str])] = &[
        (
            "en",
            &[
                "case",
                "management",
                "registry",
                "district",
                "offline",
                "lost",
                "Managing",
            ],
        ),
        ("fr", &["dossiers", "gestion", "registre", "district"]),
        ("es", &["casos", "gestión", "informes"]),
        ("ru", &["управление", "дела", "району"]),
        ("ar", &["الحالات", "إدارة", "المنطقة"]),
        ("zh", &["个案", "管理", "登记", "网络"]),
    ];

    #[test]
    fn passages_are_those_tantivy_cuts() {
        let mut builder = Schema::builder();
        let mut fields = Vec::new();
        for (lang, _) in QUERIES {
            let options = TextOptions::default().set_indexing_options(
                TextFieldIndexing::default()
                    .set_tokenizer(&analysis::index_tokenizer(lang))
                    .set_index_option(IndexRecordOption::WithFreqsAndPositions),
            ) | STORED;
            fields.push((
                *lang,
                builder.add_text_field(&format!("long_{lang}"), options),
            ));
        }
        let index = Index::create_in_ram(builder.build());
        analysis::register(index.tokenizers());
        let mut writer = index.writer::<TantivyDocument>(15_000_000).unwrap();
        for (i, (lang, text)) in TEXTS.iter().enumerate() {
            let field = fields.iter().find(|(l, _)| l == lang).unwrap().1;
            let mut doc = TantivyDocument::new();
            doc.add_text(field, text);
            // Some entries hold the field twice; their passages come from the values joined.
            if i % 2 == 0 {
                doc.add_text(field, TEXTS[(i + 1) % TEXTS.len()].1);
            }
            writer.add_document(doc).unwrap();
        }
        writer.commit().unwrap();
        let searcher = index.reader().unwrap().searcher();
        let mut compared = 0;
        for (lang, words) in QUERIES {
            let field = fields.iter().find(|(l, _)| l == lang).unwrap().1;
            let tokenizer = analysis::query_tokenizer(lang);
            let mut analyzer = index.tokenizers().get(&tokenizer).unwrap();
            // One word, then each pair: every word's terms in one query.
            let mut sets: Vec<Vec<&str>> = words.iter().map(|w| vec![*w]).collect();
            sets.extend(words.windows(2).map(|w| w.to_vec()));
            for set in sets {
                let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
                for word in &set {
                    let mut stream = analyzer.token_stream(word);
                    while stream.advance() {
                        let term = Term::from_field_text(field, &stream.token().text);
                        clauses.push((
                            Occur::Should,
                            Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs)),
                        ));
                    }
                }
                let query = BooleanQuery::new(clauses);
                let ours = Snippets::new(&searcher, &query, field).unwrap();
                let mut theirs = SnippetGenerator::create(&searcher, &query, field).unwrap();
                theirs.set_max_num_chars(MAX_PASSAGE);
                for segment in searcher.segment_readers() {
                    let store = segment.get_store_reader(1).unwrap();
                    for doc_id in segment.doc_ids_alive() {
                        let doc: TantivyDocument = store.get(doc_id).unwrap();
                        let texts: Vec<&str> =
                            doc.get_all(field).filter_map(|v| v.as_str()).collect();
                        let expected = fragments(&theirs.snippet_from_doc(&doc), &texts);
                        assert_eq!(ours.fragments(&texts), expected, "{set:?} in {texts:?}");
                        compared += usize::from(expected.iter().any(|f| f.highlighted));
                    }
                }
            }
        }
        assert!(compared > 30, "{compared} passages with a match");
    }
}
