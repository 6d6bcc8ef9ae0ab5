//! One phrase matcher for every lexicon: aliases, topic terms, time expressions, cues.
//!
//! A phrase is a sequence of words compared by their stems (aliases, topic terms:
//! "developers" finds "developer") or by their exact lowercase form (cues, where
//! "reportedly" must not find "reports"); see [`tokens`](super::tokens). It may
//! contain slots — `{n}` (a number, in digits or words), `{year}`, `{month}` —
//! and may require the exact spelling (so "US" is not "us"). Matching is
//! leftmost-longest and never runs across phrase-separating punctuation.

use super::tokens::{self, Kind, Token};

#[derive(Clone, Debug, PartialEq, Eq)]
enum Elem {
    Word { key: String, exact: Option<String> },
    Number,
    Year,
    Month,
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Number words and their values, for `{n}` slots and for quantities.
pub const NUMBER_WORDS: [(&str, f64); 21] = [
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("fifty", 50.0),
    ("hundred", 100.0),
    ("dozen", 12.0),
    ("several", 3.0),
];

pub fn number_word(norm: &str) -> Option<f64> {
    NUMBER_WORDS.iter().find(|(w, _)| *w == norm).map(|(_, v)| *v)
}

pub fn is_month(norm: &str) -> bool {
    MONTHS.contains(&norm)
}

pub fn is_weekday(norm: &str) -> bool {
    matches!(norm, "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday")
}

pub fn is_year(token: &Token) -> bool {
    token.kind == Kind::Number
        && token.norm.len() == 4
        && token.norm.parse::<u32>().is_ok_and(|y| (1900..=2100).contains(&y))
}

impl Elem {
    fn matches(&self, token: &Token, text: &str, on: MatchOn) -> bool {
        match self {
            Elem::Word { key, exact } => {
                on.form(token) == key && exact.as_deref().is_none_or(|e| token.text(text).trim_end_matches('.') == e)
            }
            Elem::Number => token.kind == Kind::Number || number_word(&token.norm).is_some(),
            Elem::Year => is_year(token),
            Elem::Month => token.kind == Kind::Word && is_month(&token.norm),
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
}

#[derive(Debug)]
pub struct PhraseSet<V> {
    on: MatchOn,
    patterns: Vec<(Vec<Elem>, Vec<V>)>,
    /// Patterns by the key of their first word, longest first.
    by_first: Vec<(String, Vec<usize>)>,
    /// Patterns that start with a slot.
    slot_first: Vec<usize>,
}

impl<V> Default for PhraseSet<V> {
    fn default() -> Self {
        Self { on: MatchOn::Stem, patterns: Vec::new(), by_first: Vec::new(), slot_first: Vec::new() }
    }
}

impl<V: PartialEq> PhraseSet<V> {
    /// An empty set comparing words by `on`.
    pub fn new(on: MatchOn) -> Self {
        Self { on, ..Self::default() }
    }

    /// Registers `phrase` with `value`. Returns false (and registers nothing) when the
    /// phrase has no words.
    pub fn insert(&mut self, phrase: &str, case_sensitive: bool, value: V) -> bool {
        let elems = parse(phrase, case_sensitive, self.on);
        if elems.is_empty() {
            return false;
        }
        let list = match &elems[0] {
            Elem::Word { key, .. } => {
                let at = match self.by_first.binary_search_by(|(k, _)| k.as_str().cmp(key)) {
                    Ok(at) => at,
                    Err(at) => {
                        self.by_first.insert(at, (key.clone(), Vec::new()));
                        at
                    }
                };
                &mut self.by_first[at].1
            }
            _ => &mut self.slot_first,
        };
        let patterns = &mut self.patterns;
        if let Some(&p) = list.iter().find(|&&p| patterns[p].0 == elems) {
            if !patterns[p].1.contains(&value) {
                patterns[p].1.push(value);
            }
            return true;
        }
        // Keep each list longest first, so `find` can stop at the first fit of a length.
        let at = list.iter().position(|&p| patterns[p].0.len() < elems.len()).unwrap_or(list.len());
        list.insert(at, patterns.len());
        patterns.push((elems, vec![value]));
        true
    }

    pub fn is_empty(&self) -> bool {
        self.patterns.is_empty()
    }

    /// Leftmost-longest, non-overlapping matches over the words of `tokens`.
    pub fn find<'s>(&'s self, tokens: &[Token], text: &str) -> Vec<PhraseMatch<'s, V>> {
        let words: Vec<usize> = (0..tokens.len()).filter(|&i| tokens[i].is_term()).collect();
        let mut out = Vec::new();
        let mut w = 0;
        while w < words.len() {
            let first = &tokens[words[w]];
            let starting = self.by_first.binary_search_by(|(k, _)| k.as_str().cmp(self.on.form(first)));
            let candidates = starting.ok().map(|i| &self.by_first[i].1).into_iter().flatten().chain(&self.slot_first);
            let mut best: Option<(usize, usize)> = None; // (pattern, length)
            for &p in candidates {
                let elems = &self.patterns[p].0;
                if best.is_some_and(|(_, len)| len >= elems.len()) || w + elems.len() > words.len() {
                    continue;
                }
                let fits = elems.iter().enumerate().all(|(k, elem)| {
                    let token = &tokens[words[w + k]];
                    (k == 0 || !token.gap_before) && elem.matches(token, text, self.on)
                });
                if fits {
                    best = Some((p, elems.len()));
                }
            }
            match best {
                Some((p, len)) => {
                    out.push(PhraseMatch { first: words[w], last: words[w + len - 1], values: &self.patterns[p].1 });
                    w += len;
                }
                None => w += 1,
            }
        }
        out
    }
}

fn parse(phrase: &str, case_sensitive: bool, on: MatchOn) -> Vec<Elem> {
    let mut elems = Vec::new();
    for part in phrase.split_whitespace() {
        match part {
            "{n}" => elems.push(Elem::Number),
            "{year}" => elems.push(Elem::Year),
            "{month}" => elems.push(Elem::Month),
            _ => {
                for token in tokens::tokenize(part).iter().filter(|t| t.is_term()) {
                    let exact = case_sensitive.then(|| token.text(part).trim_end_matches('.').to_owned());
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
