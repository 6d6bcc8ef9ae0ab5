//! Words and their normal forms: the one tokenizer every stage shares.
//!
//! Built on Unicode word boundaries (UAX #29, `unicode-segmentation`). A word's
//! `key` is its lowercase, apostrophe-normalised, possessive-free, Snowball-stemmed
//! form: what aliases, topic terms, search and similarity all compare.

use pagefind_stem::{Algorithm, Stemmer};
use std::borrow::Cow;
use std::sync::LazyLock;
use unicode_segmentation::UnicodeSegmentation;

static STEMMER: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::English));

/// The stopwords, sorted (looked up by binary search).
static STOPWORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let mut words: Vec<&str> = include_str!(concat!(env!("OUT_DIR"), "/stopwords.txt"))
        .lines()
        .filter(|line| !line.trim_start().starts_with('#'))
        .flat_map(str::split_whitespace)
        .collect();
    super::order::sort_by(&mut words, |a, b| a.cmp(b));
    words.dedup();
    words
});

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Contains a letter: "Huawei", "5G", "re", "U.S".
    Word,
    /// Digits with separators: "1.3", "55,000", "2019".
    Number,
    /// Anything else that is not whitespace: ",", "“", "-", "$".
    Punct,
}

/// One token: its byte range in the text it came from, and its normal forms.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// Lowercase, with curly apostrophes straightened and a possessive "'s" dropped.
    pub norm: String,
    /// `norm`, stemmed (for words) — the form everything compares.
    pub key: String,
    /// True when punctuation that separates phrases (a comma, a bracket, a quote…)
    /// stands between this token and the previous word or number.
    pub gap_before: bool,
}

impl Token {
    pub fn is_term(&self) -> bool {
        self.kind != Kind::Punct
    }
    pub fn text<'a>(&self, source: &'a str) -> &'a str {
        &source[self.start..self.end]
    }
    pub fn is_stopword(&self) -> bool {
        is_stopword(&self.norm)
    }
    /// Starts with an uppercase letter.
    pub fn is_capitalized(&self, source: &str) -> bool {
        self.text(source).chars().next().is_some_and(char::is_uppercase)
    }
}

pub fn is_stopword(norm: &str) -> bool {
    STOPWORDS.binary_search(&norm).is_ok()
}

/// Punctuation that a phrase may run across: hyphens in "re-use", the dot of "U.S.",
/// apostrophes and ampersands.
fn joins_phrase(punct: &str) -> bool {
    matches!(punct, "-" | "\u{2010}" | "\u{2011}" | "." | "'" | "\u{2019}" | "&" | "/")
}

/// Splits `text` into words, numbers and punctuation (whitespace is dropped).
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let mut gap = false;
    for (start, segment) in text.split_word_bound_indices() {
        let Some(first) = segment.chars().next() else {
            continue;
        };
        if first.is_whitespace() || crate::analysis::text::is_space(first) {
            continue;
        }
        let kind = classify(segment);
        if kind == Kind::Punct {
            if !joins_phrase(segment) {
                gap = true;
            }
            tokens.push(Token {
                start,
                end: start + segment.len(),
                kind,
                norm: segment.to_owned(),
                key: segment.to_owned(),
                gap_before: false,
            });
            continue;
        }
        let norm = normalize_word(segment);
        // Dotted initialisms ("u.s") are not words the stemmer knows.
        let key = if kind == Kind::Word && !norm.contains('.') { stem(&norm).into_owned() } else { norm.clone() };
        tokens.push(Token { start, end: start + segment.len(), kind, norm, key, gap_before: gap });
        gap = false;
    }
    tokens
}

fn classify(segment: &str) -> Kind {
    let mut digits = false;
    for c in segment.chars() {
        if c.is_alphabetic() {
            return Kind::Word;
        }
        digits |= c.is_numeric();
    }
    if digits { Kind::Number } else { Kind::Punct }
}

/// Lowercases, straightens apostrophes and drops a possessive "'s" / trailing "'".
pub fn normalize_word(word: &str) -> String {
    let mut norm: String = word
        .chars()
        .flat_map(char::to_lowercase)
        .map(|c| if matches!(c, '\u{2019}' | '\u{2018}' | '\u{02BC}') { '\'' } else { c })
        .collect();
    if norm.ends_with("'s") {
        norm.truncate(norm.len() - 2);
    } else if norm.ends_with('\'') {
        norm.pop();
    }
    norm
}

/// Snowball (Porter 2) English stem of a normalised word.
pub fn stem(norm: &str) -> Cow<'_, str> {
    STEMMER.stem(norm)
}

/// The key of a free-standing phrase, word by word: what [`Token::key`] would be.
pub fn phrase_keys(phrase: &str) -> Vec<String> {
    tokenize(phrase).into_iter().filter(Token::is_term).map(|t| t.key).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_and_keys() {
        let cases: [(&str, &[&str]); 6] = [
            ("Huawei\u{2019}s developers", &["huawei", "develop"]),
            ("re-use GMS.", &["re", "-", "use", "gms", "."]),
            ("1.3 million", &["1.3", "million"]),
            ("the U.S. ban", &["the", "u.s", ".", "ban"]),
            ("5G construction", &["5g", "construct"]),
            ("\u{201C}blacklisted\u{201D}", &["\u{201C}", "blacklist", "\u{201D}"]),
        ];
        for (input, expected) in cases {
            let keys: Vec<String> = tokenize(input).into_iter().map(|t| t.key).collect();
            assert_eq!(keys, expected, "input {input:?}");
        }
    }

    #[test]
    fn gaps_mark_phrase_boundaries() {
        let tokens = tokenize("Huawei, Xiaomi re-use");
        let gaps: Vec<bool> = tokens.iter().filter(|t| t.is_term()).map(|t| t.gap_before).collect();
        assert_eq!(gaps, [false, true, false, false]);
    }
}
