//! One phrase matcher for every lexicon: aliases, topic terms, time expressions, cues.
//!
//! A phrase is a sequence of words compared by their stems (aliases, topic terms:
//! "developers" finds "developer") or by their exact lowercase form (cues, where
//! "reportedly" must not find "reports"); see [`tokens`](super::tokens). It may
//! contain slots — `{n}` (a number, in digits or words), `{year}`, `{month}` —
//! and may require the exact spelling (so "US" is not "us"). Matching is
//! leftmost-longest and never runs across phrase-separating punctuation.

use super::tokens::{self, HashFilter, Kind, Token, word_hash};
use std::sync::LazyLock;

#[derive(Clone, Debug, PartialEq, Eq)]
enum Elem {
    Word { key: String, exact: Option<String> },
    Number,
    Year,
    Month,
    Weekday,
}

/// Number words and their values (`data/general/number-words.tsv`), for `{n}` slots
/// and for quantities; the flag marks an order of size ("hundreds").
static NUMBER_WORDS: LazyLock<Vec<(&'static str, f64, bool)>> =
    LazyLock::new(|| super::knowledge::number_words().collect());

/// The value of a number word ("two", "dozens"), and whether it is only an order of size.
pub fn number_word_of(norm: &str) -> Option<(f64, bool)> {
    if !SLOT_WORDS.may_contain(word_hash(norm)) {
        return None;
    }
    NUMBER_WORDS.iter().find(|(w, ..)| *w == norm).map(|&(_, v, approx)| (v, approx))
}

pub fn number_word(norm: &str) -> Option<f64> {
    number_word_of(norm).map(|(v, _)| v)
}

/// The [`word_hash`]es of the number words, month and weekday names and the months'
/// abbreviations: most words are none of them, and the filter says so without a search.
static SLOT_WORDS: LazyLock<HashFilter<12>> = LazyLock::new(|| {
    let mut filter = HashFilter::default();
    let calendar = super::knowledge::months().iter().chain(super::knowledge::weekdays().iter());
    let words = NUMBER_WORDS.iter().map(|&(w, ..)| w).chain(calendar);
    for word in words.chain(MONTH_ABBREVIATIONS) {
        filter.insert(word_hash(word));
    }
    filter
});

/// Whether a token fits slot `slot` (see [`Elem::slot`]): a number in digits or
/// words, a year, a month, a weekday.
fn fits_slot(slot: usize, token: &Token) -> bool {
    let may_be_word = || SLOT_WORDS.may_contain(token.norm_hash);
    match slot {
        0 => token.kind == Kind::Number || (may_be_word() && number_word(&token.norm).is_some()),
        1 => is_year(token),
        2 => token.kind == Kind::Word && may_be_word() && is_month(&token.norm),
        _ => token.kind == Kind::Word && may_be_word() && is_weekday(&token.norm),
    }
}

/// Month abbreviations ("Feb. 10", "Sept 11"): a month only beside a number.
const MONTH_ABBREVIATIONS: [&str; 12] =
    ["jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"];

/// A month's name (`data/general/calendar.txt`) or its abbreviation.
pub fn is_month(norm: &str) -> bool {
    super::knowledge::months().contains(norm) || is_month_abbreviation(norm)
}

pub fn is_month_abbreviation(norm: &str) -> bool {
    MONTH_ABBREVIATIONS.contains(&norm)
}

/// A weekday name (`data/general/calendar.txt`).
pub fn is_weekday(norm: &str) -> bool {
    super::knowledge::weekdays().contains(norm)
}

pub fn is_year(token: &Token) -> bool {
    token.kind == Kind::Number
        && token.norm.len() == 4
        && token.norm.parse::<u32>().is_ok_and(|y| (1900..=2100).contains(&y))
}

/// A word as an exact-case phrase compares it: without a final dot or possessive
/// ("U.S." is "U.S", "France's" is "France").
fn exact_form(word: &str) -> &str {
    let word = word.strip_suffix("'s").or_else(|| word.strip_suffix("\u{2019}s")).unwrap_or(word);
    word.trim_end_matches('.')
}

/// How many kinds of slot a phrase may have (see [`Elem::slot`]).
const SLOTS: usize = 4;

impl Elem {
    /// For a slot, its index in `[{n}, {year}, {month}, {weekday}]`.
    fn slot(&self) -> Option<usize> {
        match self {
            Elem::Word { .. } => None,
            Elem::Number => Some(0),
            Elem::Year => Some(1),
            Elem::Month => Some(2),
            Elem::Weekday => Some(3),
        }
    }

    fn matches(&self, token: &Token, text: &str, on: MatchOn) -> bool {
        match self {
            Elem::Word { key, exact } => {
                on.form(token) == key && exact.as_deref().is_none_or(|e| exact_form(token.text(text)) == e)
            }
            slot => slot.slot().is_some_and(|slot| fits_slot(slot, token)),
        }
    }
}

/// A match: token indices (into the slice given to [`PhraseSet::find`]), inclusive,
/// and the values registered for the phrase.
#[derive(Debug, PartialEq)]
pub struct PhraseMatch<'s, V> {
    pub first: usize,
    pub last: usize,
    pub values: &'s [V],
}

impl<V> PhraseMatch<'_, V> {
    /// Byte range of the match in the text the tokens came from.
    pub fn span(&self, tokens: &[Token]) -> std::ops::Range<usize> {
        tokens[self.first].start..tokens[self.last].end
    }
}

/// What a phrase's words are compared by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum MatchOn {
    /// The stem ("developers" matches "developer").
    #[default]
    Stem,
    /// The lowercase word ("reportedly" does not match "reports").
    Word,
}

impl MatchOn {
    fn form(self, token: &Token) -> &str {
        match self {
            MatchOn::Stem => &token.key,
            MatchOn::Word => &token.norm,
        }
    }

    /// The [`word_hash`] of [`MatchOn::form`].
    fn hash(self, token: &Token) -> u64 {
        match self {
            MatchOn::Stem => token.key_hash,
            MatchOn::Word => token.norm_hash,
        }
    }
}

/// The patterns and how to find them; values live in [`PhraseSet`]. Kept apart
/// from the value type so the matching code exists once, not once per kind of value.
#[derive(Debug, Default)]
struct Index {
    on: MatchOn,
    patterns: Vec<Vec<Elem>>,
    /// Patterns by the key of their first word, longest first; sorted by the key's
    /// [`word_hash`], then the key, so a lookup compares integers, not strings.
    by_first: Vec<(u64, String, Vec<usize>)>,
    /// The hashes of `by_first`, searched apart from the strings: a seventh of the
    /// memory, so a search over thousands of aliases stays in the cache.
    first_hashes: Vec<u64>,
    /// The same hashes as a filter: most words start no pattern, and the filter
    /// says so without a search.
    first_bits: HashFilter<16>,
    /// Patterns that start with a slot.
    slot_first: Vec<usize>,
    /// Per pattern, the slot it starts with ([`Elem::slot`]): `find` tests a word
    /// against the slot without reading the pattern.
    first_slot: Vec<Option<usize>>,
    /// Per slot, whether a pattern starts with it.
    slot_starts: [bool; SLOTS],
}

impl Index {
    /// Where the patterns starting with `key` are (or would go) in `by_first`.
    fn first_index(&self, key: &str) -> Result<usize, usize> {
        self.first_index_hashed(word_hash(key), key)
    }

    fn first_index_hashed(&self, hash: u64, key: &str) -> Result<usize, usize> {
        let run = tokens::hash_run(&self.first_hashes, hash);
        // Within one hash, the keys are sorted.
        let found = self.by_first[run.clone()].binary_search_by(|(_, k, _)| k.as_str().cmp(key));
        found.map(|i| run.start + i).map_err(|i| run.start + i)
    }

    /// The patterns starting with `key`, whose [`word_hash`] is `hash`.
    fn starting_with(&self, hash: u64, key: &str) -> &[usize] {
        if !self.first_bits.may_contain(hash) {
            return &[];
        }
        self.first_index_hashed(hash, key).map_or(&[], |i| &self.by_first[i].2)
    }

    /// The pattern for `elems`: an existing one, or a new one (second value: new).
    fn pattern(&mut self, elems: Vec<Elem>) -> (usize, bool) {
        let list = match &elems[0] {
            Elem::Word { key, .. } => {
                let at = match self.first_index(key) {
                    Ok(at) => at,
                    Err(at) => {
                        let hash = word_hash(key);
                        self.first_bits.insert(hash);
                        self.by_first.insert(at, (hash, key.clone(), Vec::new()));
                        self.first_hashes.insert(at, hash);
                        at
                    }
                };
                &mut self.by_first[at].2
            }
            first => {
                self.slot_starts[first.slot().expect("not a word, so a slot")] = true;
                &mut self.slot_first
            }
        };
        let patterns = &mut self.patterns;
        if let Some(&p) = list.iter().find(|&&p| patterns[p] == elems) {
            return (p, false);
        }
        // Keep each list longest first, so `find` can stop at the first fit of a length.
        let at = list.iter().position(|&p| patterns[p].len() < elems.len()).unwrap_or(list.len());
        list.insert(at, patterns.len());
        self.first_slot.push(elems[0].slot());
        patterns.push(elems);
        (patterns.len() - 1, true)
    }

    /// Leftmost-longest, non-overlapping matches: (first token, last token, pattern).
    fn find(&self, tokens: &[Token], text: &str) -> Vec<(usize, usize, usize)> {
        let mut out = Vec::new();
        let mut first = 0;
        while first < tokens.len() {
            if !tokens[first].is_term() {
                first += 1;
                continue;
            }
            let token = &tokens[first];
            let starting = self.starting_with(self.on.hash(token), self.on.form(token));
            // Whether the word fits a `{n}`, `{year}` or `{month}` slot that starts a
            // pattern: many patterns start with one, so each is tested once per word.
            let fits: [bool; SLOTS] = std::array::from_fn(|slot| self.slot_starts[slot] && fits_slot(slot, token));
            // Most words start nothing: skip them before setting up the search.
            if starting.is_empty() && !fits.contains(&true) {
                first += 1;
                continue;
            }
            let candidates = starting.iter().chain(&self.slot_first);
            let mut best: Option<(usize, usize, usize)> = None; // (pattern, length, last token)
            for &p in candidates {
                if self.first_slot[p].is_some_and(|slot| !fits[slot]) {
                    continue;
                }
                let elems = &self.patterns[p];
                if best.is_some_and(|(_, len, _)| len >= elems.len()) {
                    continue;
                }
                if let Some(last) = self.fit(elems, tokens, first, text) {
                    best = Some((p, elems.len(), last));
                }
            }
            match best {
                Some((p, _, last)) => {
                    out.push((first, last, p));
                    first = last + 1;
                }
                None => first += 1,
            }
        }
        out
    }

    /// Where `elems` match the words of `tokens` from the word at `first` on, with
    /// no phrase-separating punctuation between them: the index of the last token.
    fn fit(&self, elems: &[Elem], tokens: &[Token], first: usize, text: &str) -> Option<usize> {
        let mut at = first;
        let mut last = first;
        for (k, elem) in elems.iter().enumerate() {
            while !tokens.get(at)?.is_term() {
                at += 1;
            }
            let token = &tokens[at];
            if (k > 0 && token.gap_before) || !elem.matches(token, text, self.on) {
                return None;
            }
            last = at;
            at += 1;
        }
        Some(last)
    }
}

/// Phrases, each with the values registered for it.
#[derive(Debug)]
pub struct PhraseSet<V> {
    index: Index,
    /// Per pattern of the index, its values.
    values: Vec<Vec<V>>,
}

impl<V> Default for PhraseSet<V> {
    fn default() -> Self {
        Self { index: Index::default(), values: Vec::new() }
    }
}

impl<V: PartialEq> PhraseSet<V> {
    /// An empty set comparing words by `on`.
    pub fn new(on: MatchOn) -> Self {
        Self { index: Index { on, ..Index::default() }, values: Vec::new() }
    }

    /// Registers `phrase` with `value`. Returns false (and registers nothing) when the
    /// phrase has no words.
    pub fn insert(&mut self, phrase: &str, case_sensitive: bool, value: V) -> bool {
        let elems = parse(phrase, case_sensitive, self.index.on);
        if elems.is_empty() {
            return false;
        }
        let (p, new) = self.index.pattern(elems);
        if new {
            self.values.push(Vec::new());
        }
        if !self.values[p].contains(&value) {
            self.values[p].push(value);
        }
        true
    }

    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    /// Leftmost-longest, non-overlapping matches over the words of `tokens`.
    pub fn find<'s>(&'s self, tokens: &[Token], text: &str) -> Vec<PhraseMatch<'s, V>> {
        self.index
            .find(tokens, text)
            .into_iter()
            .map(|(first, last, p)| PhraseMatch { first, last, values: &self.values[p] })
            .collect()
    }
}

fn parse(phrase: &str, case_sensitive: bool, on: MatchOn) -> Vec<Elem> {
    let mut elems = Vec::new();
    for part in phrase.split_whitespace() {
        match part {
            "{n}" => elems.push(Elem::Number),
            "{year}" => elems.push(Elem::Year),
            "{month}" => elems.push(Elem::Month),
            "{weekday}" => elems.push(Elem::Weekday),
            _ => {
                for token in tokens::tokenize(part).iter().filter(|t| t.is_term()) {
                    let exact = case_sensitive.then(|| exact_form(token.text(part)).to_owned());
                    elems.push(Elem::Word { key: on.form(token).to_owned(), exact });
                }
            }
        }
    }
    elems
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(set: &PhraseSet<&'static str>, text: &str) -> Vec<(String, Vec<&'static str>)> {
        let tokens = tokens::tokenize(text);
        set.find(&tokens, text).into_iter().map(|m| (text[m.span(&tokens)].to_owned(), m.values.to_vec())).collect()
    }

    #[test]
    fn phrase_matching_cases() {
        let mut set = PhraseSet::default();
        set.insert("Google", false, "google");
        set.insert("Google Mobile Services", false, "gms");
        set.insert("US", true, "us");
        set.insert("{month} last year", false, "time");
        set.insert("in the past {n} years", false, "time");
        set.insert("developer", false, "dev");
        set.insert("developers", false, "dev2");
        type Expected<'a> = &'a [(&'a str, &'a [&'a str])];
        let cases: [(&str, Expected); 6] = [
            ("Google Mobile Services and Google", &[("Google Mobile Services", &["gms"]), ("Google", &["google"])]),
            ("the US ban, not us", &[("US", &["us"])]),
            ("in August last year", &[("August last year", &["time"])]),
            ("in the past five years", &[("in the past five years", &["time"])]),
            ("registered developers", &[("developers", &["dev", "dev2"])]),
            ("Google, Mobile Services", &[("Google", &["google"])]),
        ];
        for (text, expected) in cases {
            let expected: Vec<(String, Vec<&str>)> =
                expected.iter().map(|(s, v)| (s.to_string(), v.to_vec())).collect();
            assert_eq!(found(&set, text), expected, "text {text:?}");
        }
    }
}
