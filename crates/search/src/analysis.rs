//! Text analysis per language: which tokenizer and filters each language field uses.
//!
//! English, French, Spanish, Russian and Arabic get lowercasing and their Snowball stemmer
//! (Latin scripts also fold accents, so "educacion" finds "educación"). Chinese has no spaces
//! between words: it is indexed as overlapping character bigrams plus single characters, and
//! queried with bigrams (a single character queries itself). Other languages get lowercasing
//! and folding only.
//!
//! Lowercasing, folding and stemming are pure functions of one word, and a language has far
//! fewer distinct words than a catalog has words: each thread remembers the words it has
//! normalised (the `Normalised` filter), so the common ones are looked up instead of stemmed again
//! (stemming the hits' descriptions for their snippets was a quarter of a search's cost).

use std::cell::RefCell;
use std::collections::HashMap;
use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RawTokenizer, RemoveLongFilter, Stemmer,
    TextAnalyzer, TextAnalyzerBuilder, Token, TokenFilter, TokenStream, Tokenizer,
};

/// The analysed languages: field suffix, tokenizer name.
pub const LANGUAGES: &[&str] = &["en", "fr", "es", "ru", "ar", "zh", "other"];

/// The analysed language a BCP 47 tag maps to.
pub fn language_of(tag: &str) -> &'static str {
    let primary = tag
        .split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    LANGUAGES
        .iter()
        .copied()
        .find(|l| *l == primary)
        .unwrap_or("other")
}

/// Tokenizer name used at index time for a language.
pub fn index_tokenizer(lang: &str) -> String {
    format!("commons_{lang}")
}

/// Tokenizer name used at query time for a language.
pub fn query_tokenizer(lang: &str) -> String {
    if lang == "zh" {
        "commons_zh_query".into()
    } else {
        index_tokenizer(lang)
    }
}

/// The stemmed languages, each with its slot in a thread's remembered words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Stemmed {
    English,
    French,
    Spanish,
    Russian,
    Arabic,
}

impl Stemmed {
    #[cfg(test)]
    const ALL: [Stemmed; 5] = [
        Stemmed::English,
        Stemmed::French,
        Stemmed::Spanish,
        Stemmed::Russian,
        Stemmed::Arabic,
    ];

    /// Latin scripts fold accents too.
    fn language_and_folding(self) -> (Language, bool) {
        match self {
            Stemmed::English => (Language::English, true),
            Stemmed::French => (Language::French, true),
            Stemmed::Spanish => (Language::Spanish, true),
            Stemmed::Russian => (Language::Russian, false),
            Stemmed::Arabic => (Language::Arabic, false),
        }
    }

    /// Lowercasing, folding and stemming applied to one word: what a word of a text becomes.
    fn word_analyzer(self) -> TextAnalyzer {
        self.normalising(TextAnalyzer::builder(RawTokenizer::default()))
    }

    /// The same filters after the tokenizer, without remembering: what [`stemmed`] must equal.
    #[cfg(test)]
    fn unremembered(self) -> TextAnalyzer {
        self.normalising(
            TextAnalyzer::builder(tantivy::tokenizer::SimpleTokenizer::default())
                .filter(RemoveLongFilter::limit(64)),
        )
    }

    /// `builder` followed by lowercasing, folding (Latin scripts) and the language's stemmer.
    fn normalising<T: Tokenizer>(self, builder: TextAnalyzerBuilder<T>) -> TextAnalyzer {
        let (language, fold) = self.language_and_folding();
        let builder = builder.filter(LowerCaser);
        if fold {
            builder
                .filter(AsciiFoldingFilter)
                .filter(Stemmer::new(language))
                .build()
        } else {
            builder.filter(Stemmer::new(language)).build()
        }
    }
}

/// Words remembered per thread and language before the memory is cleared: about 100 bytes
/// each, so at most 4 MB a thread (a search thread mostly fills one or two languages), and a
/// language's common words fit (16,384 was no faster; one memory shared by every thread,
/// behind locks, was 5 % slower).
const WORDS_REMEMBERED: usize = 8_192;

/// One thread's normalised words and the analyzers that normalise new ones, by language.
#[derive(Default)]
struct Remembered {
    words: [HashMap<String, String>; 5],
    analyzers: [Option<TextAnalyzer>; 5],
}

thread_local! {
    static REMEMBERED: RefCell<Remembered> = RefCell::new(Remembered::default());
}

/// Replaces `word` by its lowercased, folded and stemmed form in `language`.
fn normalise(language: Stemmed, word: &mut String) {
    let slot = language as usize;
    REMEMBERED.with(|remembered| {
        let Ok(mut remembered) = remembered.try_borrow_mut() else {
            // Only reachable if a stemmer re-entered this function: normalise without memory.
            *word = analyse_word(&mut language.word_analyzer(), word);
            return;
        };
        let Remembered { words, analyzers } = &mut *remembered;
        if let Some(known) = words[slot].get(word.as_str()) {
            word.clear();
            word.push_str(known);
            return;
        }
        let analyzer = analyzers[slot].get_or_insert_with(|| language.word_analyzer());
        let normalised = analyse_word(analyzer, word);
        if words[slot].len() >= WORDS_REMEMBERED {
            words[slot].clear();
        }
        words[slot].insert(std::mem::replace(word, normalised.clone()), normalised);
    });
}

fn analyse_word(analyzer: &mut TextAnalyzer, word: &str) -> String {
    let mut stream = analyzer.token_stream(word);
    if stream.advance() {
        std::mem::take(&mut stream.token_mut().text)
    } else {
        String::new()
    }
}

/// The token filter that lowercases, folds and stems each word through [`normalise`].
#[derive(Clone, Copy)]
struct Normalised(Stemmed);

impl TokenFilter for Normalised {
    type Tokenizer<T: Tokenizer> = NormalisedTokenizer<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> NormalisedTokenizer<T> {
        NormalisedTokenizer {
            tokenizer,
            language: self.0,
        }
    }
}

#[derive(Clone)]
struct NormalisedTokenizer<T> {
    tokenizer: T,
    language: Stemmed,
}

impl<T: Tokenizer> Tokenizer for NormalisedTokenizer<T> {
    type TokenStream<'a> = NormalisedStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        NormalisedStream {
            tail: self.tokenizer.token_stream(text),
            language: self.language,
        }
    }
}

struct NormalisedStream<T> {
    tail: T,
    language: Stemmed,
}

impl<T: TokenStream> TokenStream for NormalisedStream<T> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        normalise(self.language, &mut self.tail.token_mut().text);
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

fn stemmed(language: Stemmed) -> TextAnalyzer {
    TextAnalyzer::builder(WordTokenizer::default())
        .filter(RemoveLongFilter::limit(64))
        .filter(Normalised(language))
        .build()
}

/// Tantivy's `SimpleTokenizer` (a token is a run of letters and digits), with the letters and
/// digits of the first 65,536 code points looked up in a table: the standard library's
/// search of Unicode's ranges was a twentieth of a search (each hit's description is cut into
/// words for its snippet), for Arabic, Russian and Chinese text. The tokens are the same, as a
/// test checks for every character.
#[derive(Clone, Default)]
pub struct WordTokenizer {
    token: Token,
}

/// Which of the first 65,536 code points are letters or digits, a bit each.
fn word_chars() -> &'static [u64; 1024] {
    static TABLE: std::sync::OnceLock<Box<[u64; 1024]>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = Box::new([0u64; 1024]);
        for (code, c) in (0..=0xFFFFu32).filter_map(|u| Some((u, char::from_u32(u)?))) {
            if c.is_alphanumeric() {
                table[code as usize / 64] |= 1 << (code % 64);
            }
        }
        table
    })
}

/// `c.is_alphanumeric()`, by table below U+10000.
#[inline]
fn is_word_char(c: char, table: &[u64; 1024]) -> bool {
    let code = c as u32;
    if code < 0x80 {
        c.is_ascii_alphanumeric()
    } else if code <= 0xFFFF {
        table[code as usize / 64] & (1 << (code % 64)) != 0
    } else {
        c.is_alphanumeric()
    }
}

/// The tokens of one text, as `SimpleTokenizer`'s stream gives them.
pub struct WordStream<'a> {
    text: &'a str,
    chars: std::str::CharIndices<'a>,
    token: &'a mut Token,
    table: &'static [u64; 1024],
}

impl Tokenizer for WordTokenizer {
    type TokenStream<'a> = WordStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> WordStream<'a> {
        self.token.reset();
        WordStream {
            text,
            chars: text.char_indices(),
            token: &mut self.token,
            table: word_chars(),
        }
    }
}

impl TokenStream for WordStream<'_> {
    fn advance(&mut self) -> bool {
        self.token.text.clear();
        self.token.position = self.token.position.wrapping_add(1);
        let table = self.table;
        while let Some((offset_from, c)) = self.chars.next() {
            if is_word_char(c, table) {
                let offset_to = self
                    .chars
                    .find(|(_, c)| !is_word_char(*c, table))
                    .map_or(self.text.len(), |(offset, _)| offset);
                self.token.offset_from = offset_from;
                self.token.offset_to = offset_to;
                self.token.text.push_str(&self.text[offset_from..offset_to]);
                return true;
            }
        }
        false
    }

    fn token(&self) -> &Token {
        self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        self.token
    }
}

/// Registers every analyzer on the index.
pub fn register(manager: &tantivy::tokenizer::TokenizerManager) {
    manager.register(&index_tokenizer("en"), stemmed(Stemmed::English));
    manager.register(&index_tokenizer("fr"), stemmed(Stemmed::French));
    manager.register(&index_tokenizer("es"), stemmed(Stemmed::Spanish));
    manager.register(&index_tokenizer("ru"), stemmed(Stemmed::Russian));
    manager.register(&index_tokenizer("ar"), stemmed(Stemmed::Arabic));
    manager.register(
        &index_tokenizer("other"),
        TextAnalyzer::builder(WordTokenizer::default())
            .filter(RemoveLongFilter::limit(64))
            .filter(LowerCaser)
            .filter(AsciiFoldingFilter)
            .build(),
    );
    manager.register(
        &index_tokenizer("zh"),
        TextAnalyzer::builder(CjkTokenizer { unigrams: true })
            .filter(LowerCaser)
            .build(),
    );
    manager.register(
        &query_tokenizer("zh"),
        TextAnalyzer::builder(CjkTokenizer { unigrams: false })
            .filter(LowerCaser)
            .build(),
    );
    manager.register(
        "commons_name",
        TextAnalyzer::builder(WordTokenizer::default())
            .filter(RemoveLongFilter::limit(64))
            .filter(LowerCaser)
            .filter(AsciiFoldingFilter)
            .build(),
    );
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF
        | 0x20000..=0x2FA1F)
}

/// Splits CJK runs into character bigrams (and, when indexing, single characters); other runs
/// of letters and digits become words.
#[derive(Clone)]
pub struct CjkTokenizer {
    /// Also emit single characters (index time).
    pub unigrams: bool,
}

/// The tokens of one text, produced eagerly.
pub struct VecTokenStream {
    tokens: Vec<Token>,
    index: usize,
}

impl TokenStream for VecTokenStream {
    fn advance(&mut self) -> bool {
        if self.index < self.tokens.len() {
            self.index += 1;
            true
        } else {
            false
        }
    }

    fn token(&self) -> &Token {
        &self.tokens[self.index - 1]
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.tokens[self.index - 1]
    }
}

impl Tokenizer for CjkTokenizer {
    type TokenStream<'a> = VecTokenStream;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> VecTokenStream {
        let mut tokens = Vec::new();
        let mut position = 0;
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let end_of = |i: usize| chars.get(i + 1).map_or(text.len(), |(b, _)| *b);
        let mut push = |from: usize, to: usize, tokens: &mut Vec<Token>| {
            tokens.push(Token {
                offset_from: from,
                offset_to: to,
                position,
                text: text[from..to].to_string(),
                position_length: 1,
            });
            position += 1;
        };
        let mut i = 0;
        while i < chars.len() {
            let (start, c) = chars[i];
            if is_cjk(c) {
                let mut j = i;
                while j < chars.len() && is_cjk(chars[j].1) {
                    j += 1;
                }
                let run = j - i;
                for (k, (from, _)) in chars.iter().enumerate().take(j).skip(i) {
                    if self.unigrams || run == 1 {
                        push(*from, end_of(k), &mut tokens);
                    }
                    if k + 1 < j {
                        push(*from, end_of(k + 1), &mut tokens);
                    }
                }
                i = j;
            } else if c.is_alphanumeric() {
                let mut j = i;
                while j < chars.len() && chars[j].1.is_alphanumeric() && !is_cjk(chars[j].1) {
                    j += 1;
                }
                if j - i <= 64 {
                    push(start, end_of(j - 1), &mut tokens);
                }
                i = j;
            } else {
                i += 1;
            }
        }
        VecTokenStream { tokens, index: 0 }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::tokenizer::SimpleTokenizer;

    fn tokens(unigrams: bool, text: &str) -> Vec<String> {
        let mut t = CjkTokenizer { unigrams };
        let mut stream = t.token_stream(text);
        let mut out = Vec::new();
        while stream.advance() {
            out.push(stream.token().text.clone());
        }
        out
    }

    #[test]
    fn chinese_is_split_into_bigrams() {
        assert_eq!(tokens(false, "儿童保护"), ["儿童", "童保", "保护"]);
        assert_eq!(tokens(true, "儿童 app"), ["儿", "儿童", "童", "app"]);
        assert_eq!(tokens(false, "儿"), ["儿"]);
    }

    fn all_tokens(analyzer: &mut TextAnalyzer, text: &str) -> Vec<Token> {
        let mut stream = analyzer.token_stream(text);
        let mut out = Vec::new();
        while stream.advance() {
            out.push(stream.token().clone());
        }
        out
    }

    /// Words in every script the stemmers see, in every case, with accents, digits, and words
    /// too long to index; `n` of them, drawn by a fixed generator.
    fn words(n: usize, seed: u64) -> String {
        const PIECES: &[&str] = &[
            "manag",
            "MENT",
            "ing",
            "ed",
            "es",
            "ation",
            "é",
            "É",
            "ção",
            "ñ",
            "ó",
            "gestión",
            "dossiers",
            "Terrain",
            "управлен",
            "ИЕ",
            "ия",
            "ами",
            "إدارة",
            "ال",
            "حالات",
            "ات",
            "ﻻ",
            "ß",
            "İ",
            "ǅ",
            "42",
            "x",
            "ﬁ",
            "ΣΑΣ",
            "ς",
        ];
        let mut state = seed;
        let mut next = || {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (state >> 33) as usize
        };
        let mut text = String::new();
        for _ in 0..n {
            let pieces = 1 + next() % 4;
            for _ in 0..pieces {
                text.push_str(PIECES[next() % PIECES.len()]);
            }
            if next() % 97 == 0 {
                text.push_str(&"long".repeat(20));
            }
            text.push_str([" ", ", ", ". ", "\n", "-"][next() % 5]);
        }
        text
    }

    #[test]
    fn remembered_words_are_analysed_as_the_filters_analyse_them() {
        // Enough distinct words that each thread's memory is cleared and filled again.
        let text = words(3 * WORDS_REMEMBERED, 7);
        let manager = tantivy::tokenizer::TokenizerManager::default();
        register(&manager);
        for language in Stemmed::ALL {
            let name = match language {
                Stemmed::English => "en",
                Stemmed::French => "fr",
                Stemmed::Spanish => "es",
                Stemmed::Russian => "ru",
                Stemmed::Arabic => "ar",
            };
            let mut remembered = manager.get(&index_tokenizer(name)).unwrap();
            let mut plain = language.unremembered();
            let expected = all_tokens(&mut plain, &text);
            // Remembered by the word as written.
            let distinct: std::collections::HashSet<&str> = expected
                .iter()
                .map(|t| &text[t.offset_from..t.offset_to])
                .collect();
            assert!(distinct.len() > WORDS_REMEMBERED, "{name}");
            // Twice: the second time most words are remembered ones.
            for _ in 0..2 {
                let got = all_tokens(&mut remembered, &text);
                assert_eq!(got.len(), expected.len(), "{name}");
                for (g, e) in got.iter().zip(&expected) {
                    assert_eq!(
                        (&g.text, g.offset_from, g.offset_to, g.position),
                        (&e.text, e.offset_from, e.offset_to, e.position),
                        "{name}"
                    );
                }
            }
            // Another thread has its own memory and the same answers.
            let text = text.clone();
            let again = std::thread::spawn(move || {
                let mut analyzer = language.unremembered();
                let expected = all_tokens(&mut analyzer, &text);
                let got = all_tokens(&mut stemmed(language), &text);
                got.iter()
                    .map(|t| &t.text)
                    .eq(expected.iter().map(|t| &t.text))
            });
            assert!(again.join().unwrap(), "{name} on another thread");
        }
    }

    #[test]
    fn the_word_tokenizer_cuts_text_as_the_simple_tokenizer_does() {
        let table = word_chars();
        let mut differ = Vec::new();
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            if is_word_char(c, table) != c.is_alphanumeric() {
                differ.push(c);
            }
        }
        assert!(differ.is_empty(), "{differ:?}");
        let stream = |text: &str, simple: bool| {
            let mut analyzer = if simple {
                TextAnalyzer::from(SimpleTokenizer::default())
            } else {
                TextAnalyzer::from(WordTokenizer::default())
            };
            all_tokens(&mut analyzer, text)
                .into_iter()
                .map(|t| (t.text, t.offset_from, t.offset_to, t.position))
                .collect::<Vec<_>>()
        };
        for text in [
            "",
            "  ",
            "Hello, happy tax payer!",
            "إدارة الحالات؛ السجلات 2024",
            "Управление делами — учёт ½ ² Ⅻ",
            "健康管理系统 v2.0 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 𠀀𠀁 emoji🙂mid",
            "naïve façade résumé ǅungla ß",
            &words(200, 7),
        ] {
            assert_eq!(stream(text, false), stream(text, true), "{text}");
        }
    }

    #[test]
    fn tags_map_to_analysed_languages() {
        assert_eq!(language_of("en-GB"), "en");
        assert_eq!(language_of("zh-Hans"), "zh");
        assert_eq!(language_of("pt-BR"), "other");
    }
}
