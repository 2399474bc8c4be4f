//! Text analysis per language: which tokenizer and filters each language field uses.
//!
//! English, French, Spanish, Russian and Arabic get lowercasing and their Snowball stemmer
//! (Latin scripts also fold accents, so "educacion" finds "educación"). Chinese has no spaces
//! between words: it is indexed as overlapping character bigrams plus single characters, and
//! queried with bigrams (a single character queries itself). Other languages get lowercasing
//! and folding only.

use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer,
    TextAnalyzer, Token, TokenStream, Tokenizer,
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

fn stemmed(language: Language, fold: bool) -> TextAnalyzer {
    let builder = TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(64))
        .filter(LowerCaser);
    if fold {
        builder
            .filter(AsciiFoldingFilter)
            .filter(Stemmer::new(language))
            .build()
    } else {
        builder.filter(Stemmer::new(language)).build()
    }
}

/// Registers every analyzer on the index.
pub fn register(manager: &tantivy::tokenizer::TokenizerManager) {
    manager.register(&index_tokenizer("en"), stemmed(Language::English, true));
    manager.register(&index_tokenizer("fr"), stemmed(Language::French, true));
    manager.register(&index_tokenizer("es"), stemmed(Language::Spanish, true));
    manager.register(&index_tokenizer("ru"), stemmed(Language::Russian, false));
    manager.register(&index_tokenizer("ar"), stemmed(Language::Arabic, false));
    manager.register(
        &index_tokenizer("other"),
        TextAnalyzer::builder(SimpleTokenizer::default())
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
        TextAnalyzer::builder(SimpleTokenizer::default())
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

    #[test]
    fn tags_map_to_analysed_languages() {
        assert_eq!(language_of("en-GB"), "en");
        assert_eq!(language_of("zh-Hans"), "zh");
        assert_eq!(language_of("pt-BR"), "other");
    }
}
