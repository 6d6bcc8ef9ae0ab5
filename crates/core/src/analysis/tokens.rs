//! Words and their normal forms: the one tokenizer every stage shares.
//!
//! Built on Unicode word boundaries (UAX #29, `unicode-segmentation`; ASCII text
//! takes a fast path with the same segments). A word's `key` is its lowercase,
//! apostrophe-normalised, possessive-free, Snowball-stemmed form (stems are
//! remembered per thread): what aliases, topic terms, search and similarity all compare.

use pagefind_stem::{Algorithm, Stemmer};
use std::borrow::Cow;
use std::cell::RefCell;
use std::ops::Range;
use std::rc::Rc;
use std::sync::LazyLock;
use unicode_segmentation::UnicodeSegmentation;

static STEMMER: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::English));

/// The word table has 2^WORD_SLOT_BITS slots.
const WORD_SLOT_BITS: u32 = 12;

/// One slot of the word table: a normal form, its key (stemmed or not), the
/// key's hash and whether the form is a stopword.
#[derive(Clone, Default)]
struct Slot {
    norm: Word,
    key: Word,
    key_hash: u64,
    stopword: bool,
    stemmed: bool,
}

thread_local! {
    /// Normal forms seen before with their keys, each in the slot its [`word_hash`]
    /// picks (a newer form takes a slot over): stemming was most of the cost of
    /// tokenizing, a text repeats its words, and tokens share the table's strings,
    /// so a token allocates nothing for a form seen before. A hash map would be no
    /// faster and cost more wasm.
    static WORDS: RefCell<Vec<Slot>> = const { RefCell::new(Vec::new()) };
}

/// A token's normal form or key: one shared string per distinct form (from the
/// per-thread word table), so cloning a token or keeping its tokens copies no text.
#[derive(Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Word(Rc<str>);

impl Word {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::ops::Deref for Word {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl std::borrow::Borrow<str> for Word {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Word {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl From<&str> for Word {
    fn from(word: &str) -> Self {
        Word(Rc::from(word))
    }
}

impl From<Word> for String {
    fn from(word: Word) -> Self {
        word.0.as_ref().to_owned()
    }
}

impl PartialEq<str> for Word {
    fn eq(&self, other: &str) -> bool {
        *self.0 == *other
    }
}

impl PartialEq<&str> for Word {
    fn eq(&self, other: &&str) -> bool {
        *self.0 == **other
    }
}

impl PartialEq<String> for Word {
    fn eq(&self, other: &String) -> bool {
        *self.0 == **other
    }
}

impl PartialEq<Word> for &str {
    fn eq(&self, other: &Word) -> bool {
        **self == *other.0
    }
}

impl PartialEq<Word> for String {
    fn eq(&self, other: &Word) -> bool {
        **self == *other.0
    }
}

impl std::fmt::Debug for Word {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(&*self.0, f)
    }
}

impl std::fmt::Display for Word {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// The stopwords with their [`word_hash`], sorted by hash, then word (looked up by
/// binary search, comparing integers: a token knows its hash).
static STOPWORDS: LazyLock<Vec<(u64, &'static str)>> = LazyLock::new(|| {
    let mut words: Vec<(u64, &str)> = include_str!(concat!(env!("OUT_DIR"), "/stopwords.txt"))
        .lines()
        .filter(|line| !line.trim_start().starts_with('#'))
        .flat_map(str::split_whitespace)
        .map(|word| (word_hash(word), word))
        .collect();
    super::order::sort_by(&mut words, |a, b| a.cmp(b));
    words.dedup();
    words
});

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Contains a letter: "Boeing", "5G", "re", "U.S".
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
    pub norm: Word,
    /// `norm`, stemmed (for words) — the form everything compares.
    pub key: Word,
    /// [`word_hash`] of `norm` and of `key`, computed once: every phrase set
    /// looks each word up by one of them.
    pub norm_hash: u64,
    pub key_hash: u64,
    /// True when punctuation that separates phrases (a comma, a bracket, a quote…)
    /// stands between this token and the previous word or number.
    pub gap_before: bool,
    /// [`is_stopword`] of `norm`, looked up once per form (in the word table).
    stopword: bool,
}

impl Token {
    pub fn is_term(&self) -> bool {
        self.kind != Kind::Punct
    }
    pub fn text<'a>(&self, source: &'a str) -> &'a str {
        &source[self.start..self.end]
    }
    pub fn is_stopword(&self) -> bool {
        self.stopword
    }
    /// Starts with an uppercase letter.
    pub fn is_capitalized(&self, source: &str) -> bool {
        self.text(source).chars().next().is_some_and(char::is_uppercase)
    }
}

pub fn is_stopword(norm: &str) -> bool {
    is_hashed_stopword(word_hash(norm), norm)
}

/// [`is_stopword`] for a word whose [`word_hash`] is known.
fn is_hashed_stopword(hash: u64, norm: &str) -> bool {
    STOPWORDS.binary_search_by(|&(h, w)| h.cmp(&hash).then_with(|| w.cmp(norm))).is_ok()
}

/// Punctuation that a phrase may run across: hyphens in "re-use", the dot of "U.S.",
/// apostrophes and ampersands.
fn joins_phrase(punct: &str) -> bool {
    matches!(punct, "-" | "\u{2010}" | "\u{2011}" | "." | "'" | "\u{2019}" | "&" | "/")
}

/// Splits `text` into words, numbers and punctuation (whitespace is dropped).
///
/// The segments are those of `split_word_bound_indices` minus whitespace. ASCII
/// whitespace followed by an ASCII character always ends a segment (no word rule
/// joins across it), so the text is cut there into chunks: an ASCII chunk takes a
/// fast path without the Unicode tables (in ASCII, a whitespace segment never holds
/// anything else), any other chunk the Unicode rules.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokenizer = Tokenizer { tokens: Vec::with_capacity(text.len() / 5), ..Tokenizer::default() };
    tokenizer.tokenize(text);
    tokenizer.tokens.truncate(tokenizer.len);
    tokenizer.tokens
}

/// [`tokenize`] for text after text (the sentences of an article): the tokens
/// and their strings stay allocated from one text to the next and are overwritten.
#[derive(Default)]
pub struct Tokenizer {
    /// The tokens of the last text, then spare ones.
    tokens: Vec<Token>,
    len: usize,
    /// Whether phrase-separating punctuation came since the last word.
    gap: bool,
    /// The normal form being read, before the word table gives its shared string.
    norm: String,
}

impl Tokenizer {
    /// The tokens of `text`, as [`tokenize`] gives them.
    pub fn tokenize(&mut self, text: &str) -> &[Token] {
        self.len = 0;
        self.gap = false;
        let bytes = text.as_bytes();
        let spaces_from =
            |at: usize| at + bytes[at..].iter().position(|&b| !is_ascii_space(b)).unwrap_or(bytes.len() - at);
        let mut pos = 0;
        while pos < bytes.len() {
            // Whitespace before a non-ASCII character stays with it: that character may
            // join the whitespace (a combining mark does).
            let word = spaces_from(pos);
            if word == bytes.len() {
                break;
            }
            if bytes[word].is_ascii() {
                pos = word;
            }
            // The chunk ends at ASCII whitespace followed by ASCII (or by the end).
            let mut end = word;
            loop {
                end += bytes[end..].iter().position(|&b| is_ascii_space(b)).unwrap_or(bytes.len() - end);
                let next = spaces_from(end);
                if bytes.get(next).is_none_or(u8::is_ascii) {
                    break;
                }
                end = next;
            }
            let ascii = text[pos..end].is_ascii();
            if ascii {
                for word in ascii_word_bounds(&bytes[pos..end]) {
                    let (start, end) = (pos + word.start, pos + word.end);
                    self.push(start, &text[start..end]);
                }
            } else {
                for (start, segment) in text[pos..end].split_word_bound_indices() {
                    self.push(pos + start, segment);
                }
            }
            pos = end;
        }
        &self.tokens[..self.len]
    }

    /// Adds the token of one word-boundary segment (none for whitespace).
    fn push(&mut self, start: usize, segment: &str) {
        let Some(first) = segment.chars().next() else {
            return;
        };
        if first.is_whitespace() || crate::analysis::text::is_space(first) {
            return;
        }
        let kind = classify(segment);
        let stemmed = if kind == Kind::Punct {
            if !joins_phrase(segment) {
                self.gap = true;
            }
            self.norm.clear();
            self.norm.push_str(segment);
            false
        } else {
            normalize_word_into(segment, &mut self.norm);
            // Dotted initialisms ("u.s") are not words the stemmer knows.
            kind == Kind::Word && !self.norm.contains('.')
        };
        let norm_hash = word_hash(&self.norm);
        let slot = interned(&self.norm, norm_hash, stemmed);
        let gap_before = kind != Kind::Punct && std::mem::take(&mut self.gap);
        let token = Token {
            start,
            end: start + segment.len(),
            kind,
            norm: slot.norm,
            key: slot.key,
            norm_hash,
            key_hash: slot.key_hash,
            gap_before,
            stopword: slot.stopword,
        };
        // A token of an earlier text is overwritten, its strings given back to the table.
        if self.len == self.tokens.len() {
            self.tokens.push(token);
        } else {
            self.tokens[self.len] = token;
        }
        self.len += 1;
    }
}

/// `char::is_whitespace`, for ASCII.
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t'..=b'\r')
}

/// UAX #29 word boundaries of a whitespace-free ASCII run, as byte ranges: letters,
/// digits and `_` join, and so do `.` `'` `:` between letters (WB6/7) and `.` `'`
/// `,` `;` between digits (WB11/12); any other byte stands alone. These are the
/// segments of `split_word_bound_indices`, whose own ASCII fast path is private.
pub fn ascii_word_bounds(run: &[u8]) -> impl Iterator<Item = Range<usize>> + '_ {
    let core = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let mut i = 0;
    std::iter::from_fn(move || {
        let &b = run.get(i)?;
        let start = i;
        i += 1;
        if core(b) {
            while let Some(&c) = run.get(i) {
                let joins = core(c)
                    || match (run[i - 1], run.get(i + 1)) {
                        (prev, Some(&next)) if prev.is_ascii_digit() && next.is_ascii_digit() => {
                            matches!(c, b'.' | b',' | b';' | b'\'')
                        }
                        (prev, Some(&next)) if prev.is_ascii_alphabetic() && next.is_ascii_alphabetic() => {
                            matches!(c, b'.' | b':' | b'\'')
                        }
                        _ => false,
                    };
                if !joins {
                    break;
                }
                i += 1;
            }
        }
        Some(start..i)
    })
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
    let mut norm = String::new();
    normalize_word_into(word, &mut norm);
    norm
}

/// [`normalize_word`] into `norm` (cleared first).
fn normalize_word_into(word: &str, norm: &mut String) {
    norm.clear();
    if word.is_ascii() {
        norm.push_str(word);
        norm.make_ascii_lowercase();
    } else {
        // The apostrophes are their own lowercase, and no other character lowers to one.
        for c in word.chars() {
            if matches!(c, '\u{2019}' | '\u{2018}' | '\u{02BC}') {
                norm.push('\'');
            } else {
                crate::analysis::text::push_lower(c, norm);
            }
        }
    }
    if norm.ends_with("'s") {
        norm.truncate(norm.len() - 2);
    } else if norm.ends_with('\'') {
        norm.pop();
    }
}

/// Snowball (Porter 2) English stem of a normalised word.
pub fn stem(norm: &str) -> Cow<'_, str> {
    STEMMER.stem(norm)
}

/// [`stem`] of any text, remembered in the word table as the tokens' keys are.
pub fn remembered_stem(text: &str) -> Word {
    interned(text, word_hash(text), true).key
}

/// The shared strings of normal form `norm` (whose [`word_hash`] is `hash`) and
/// of its key (its [`stem`] when `stemmed`, else `norm` itself), with the key's
/// hash and whether `norm` is a stopword: from the word table when the form was
/// seen before.
fn interned(norm: &str, hash: u64, stemmed: bool) -> Slot {
    let fresh = || {
        let norm_word = Word::from(norm);
        let stopword = is_hashed_stopword(hash, norm);
        if !stemmed || norm.is_empty() {
            return Slot { key: norm_word.clone(), norm: norm_word, key_hash: hash, stopword, stemmed };
        }
        let key = stem(norm);
        Slot { norm: norm_word, key_hash: word_hash(&key), key: Word::from(&*key), stopword, stemmed }
    };
    WORDS
        .try_with(|words| {
            let mut words = words.borrow_mut();
            if words.is_empty() {
                words.resize(1 << WORD_SLOT_BITS, Slot::default());
            }
            let slot = &mut words[(hash >> (64 - WORD_SLOT_BITS)) as usize];
            if slot.stemmed != stemmed || *slot.norm != *norm {
                *slot = fresh();
            }
            slot.clone()
        })
        .unwrap_or_else(|_| fresh())
}

/// FxHash (as in rustc) of a word: cheap and well spread, for caches and sorted indexes.
pub fn word_hash(word: &str) -> u64 {
    word.bytes()
        .fold(word.len() as u64, |h, b| (h.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95))
}

/// A set of [`word_hash`]es that can say "surely not in": one bit per hash prefix
/// of `BITS` bits. Most words are in no list, and a clear bit says so without a search.
#[derive(Clone, Debug, Default)]
pub struct HashFilter<const BITS: u32> {
    words: Vec<u64>,
}

impl<const BITS: u32> HashFilter<BITS> {
    /// The word and bit for a hash.
    fn at(hash: u64) -> (usize, u64) {
        let bit = hash >> (64 - BITS);
        ((bit / 64) as usize, 1 << (bit % 64))
    }

    pub fn insert(&mut self, hash: u64) {
        self.words.resize(1 << BITS.saturating_sub(6), 0);
        let (word, bit) = Self::at(hash);
        self.words[word] |= bit;
    }

    /// False when no inserted hash shares this one's prefix.
    pub fn may_contain(&self, hash: u64) -> bool {
        let (word, bit) = Self::at(hash);
        self.words.get(word).is_some_and(|w| w & bit != 0)
    }
}

/// Where `hash` runs in sorted `hashes`: the entries with that hash. Tables keyed by
/// a word search their hashes apart from the strings (a fraction of the memory, so
/// the search stays in the cache), then the strings within the run.
pub fn hash_run(hashes: &[u64], hash: u64) -> std::ops::Range<usize> {
    let from = hashes.partition_point(|&h| h < hash);
    from..from + hashes[from..].partition_point(|&h| h == hash)
}

/// The key of a free-standing phrase, word by word: what [`Token::key`] would be.
pub fn phrase_keys(phrase: &str) -> Vec<String> {
    tokenize(phrase).into_iter().filter(Token::is_term).map(|t| t.key.into()).collect()
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
            let keys: Vec<String> = tokenize(input).into_iter().map(|t| t.key.into()).collect();
            assert_eq!(keys, expected, "input {input:?}");
        }
    }

    /// Random runs over an alphabet of every kind of ASCII byte the rules name.
    fn ascii_samples(alphabet: &[u8], max_len: u64, count: usize) -> Vec<String> {
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        (0..count)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                let len = (state % max_len) as usize;
                (0..len).map(|k| char::from(alphabet[((state >> (5 * k)) % alphabet.len() as u64) as usize])).collect()
            })
            .collect()
    }

    #[test]
    fn ascii_fast_path_matches_uax29() {
        for run in ascii_samples(b"abZab019_.,;:'.'\"!?()-/@#%&*+=[]{}|~^", 12, 50_000) {
            let fast: Vec<(usize, usize)> = ascii_word_bounds(run.as_bytes()).map(|r| (r.start, r.end)).collect();
            let uax: Vec<(usize, usize)> =
                run.split_word_bound_indices().map(|(at, piece)| (at, at + piece.len())).collect();
            assert_eq!(fast, uax, "{run:?}");
        }
    }

    /// Tokens from the Unicode word boundaries alone (no fast path): the reference.
    fn uax_tokens(text: &str) -> Vec<Token> {
        let mut reference = Tokenizer::default();
        for (start, segment) in text.split_word_bound_indices() {
            reference.push(start, segment);
        }
        reference.tokens[..reference.len].to_vec()
    }

    #[test]
    fn ascii_tokens_match_unicode_tokens() {
        for text in ascii_samples(b"aZs'9 1.,;:-\t\n\r\x0b\x0c\x00\"(_", 12, 20_000) {
            assert_eq!(tokenize(&text), uax_tokens(&text), "{text:?}");
        }
    }

    #[test]
    fn chunked_tokens_match_unicode_tokens() {
        let pieces = [
            "a",
            "Z",
            "9",
            "1.5",
            " ",
            "  ",
            "\t",
            "\n",
            "\r\n",
            ".",
            ",",
            "'",
            "-",
            "\u{2019}",
            "\u{201C}",
            "\u{201D}",
            "\u{e9}",
            "\u{301}",
            "\u{200D}",
            "\u{00AD}",
            "\u{A0}",
            "\u{2003}",
            "\u{1F600}",
            "\u{1F1E6}",
            "\u{4E2D}",
            "\u{3000}",
            "\u{85}",
        ];
        let mut state = 0x9e37_79b9_7f4a_7c15_u64;
        for _ in 0..30_000 {
            let mut text = String::new();
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            for k in 0..(state % 14) {
                text.push_str(pieces[((state >> (4 * k)) % pieces.len() as u64) as usize]);
            }
            assert_eq!(tokenize(&text), uax_tokens(&text), "{text:?}");
        }
    }

    #[test]
    fn a_reused_tokenizer_tokenizes_each_text_afresh() {
        let mut tokenizer = Tokenizer::default();
        for text in
            ["Huawei\u{2019}s developers, re-use GMS.", "U.S.", "", "1.3 million \u{201C}blacklisted\u{201D}", "It"]
        {
            assert_eq!(tokenizer.tokenize(text), tokenize(text), "{text:?}");
        }
    }

    #[test]
    fn gaps_mark_phrase_boundaries() {
        let tokens = tokenize("Huawei, Xiaomi re-use");
        let gaps: Vec<bool> = tokens.iter().filter(|t| t.is_term()).map(|t| t.gap_before).collect();
        assert_eq!(gaps, [false, true, false, false]);
    }
}
