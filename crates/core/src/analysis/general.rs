//! General knowledge of English that holds for any news text, from
//! `data/general/`: antonym pairs generated from WordNet 3.0
//! (`scripts/knowledge/antonyms.py`, licence in `data/general/WordNet-LICENSE.txt`)
//! and the stance words of `stance.txt` (denial, doubt, certainty), and synonym
//! pairs from WordNet whose WordLlama vectors agree (`synonyms.tsv`,
//! `scripts/knowledge/synonyms.py`). Words are
//! compared as the tokenizer's stems, so "rose" ~ "rise" comes from WordNet's
//! irregular forms and "dropped" ~ "drop" from the stemmer.

use super::order;
use super::tokens;
use std::sync::LazyLock;

pub struct General {
    /// Antonym pairs as stems.
    antonyms: Pairs,
    /// Synonym pairs.
    synonyms: Pairs,
    pub deny: Vec<String>,
    pub doubt: Vec<String>,
    pub certain: Vec<String>,
    /// Words that open the setting of a statement ("at", "in"): what is said of a
    /// figure ends there.
    pub setting: Vec<String>,
    /// The [`tokens::word_hash`]es of `deny`, `doubt` and `certain`: most words
    /// are none of them, and the filter says so without comparing strings.
    pub stance_hashes: tokens::HashFilter<12>,
}

static GENERAL: LazyLock<General> = LazyLock::new(|| {
    General::parse(
        include_str!("../../../../data/general/antonyms.tsv"),
        include_str!("../../../../data/general/stance.txt"),
        include_str!("../../../../data/general/synonyms.tsv"),
    )
});

fn stem(word: &str) -> Option<String> {
    tokens::tokenize(word).into_iter().find(|t| t.kind == tokens::Kind::Word).map(|t| t.key.into())
}

impl General {
    pub fn get() -> &'static General {
        &GENERAL
    }

    fn parse(antonyms: &str, stance: &str, synonyms: &str) -> General {
        let list = |name: &str| -> Vec<String> {
            stance
                .lines()
                .find_map(|l| l.strip_prefix(name).and_then(|r| r.strip_prefix(':')))
                .map(|r| r.split_whitespace().filter_map(stem).collect())
                .unwrap_or_default()
        };
        let (deny, doubt, certain) = (list("deny"), list("doubt"), list("certain"));
        let mut stance_hashes = tokens::HashFilter::default();
        (deny.iter().chain(&doubt).chain(&certain)).for_each(|w| stance_hashes.insert(tokens::word_hash(w)));
        General {
            antonyms: stem_pairs(antonyms),
            synonyms: stem_pairs(synonyms),
            deny,
            doubt,
            certain,
            setting: list("setting"),
            stance_hashes,
        }
    }

    /// The antonyms of a stem ("rise" → "fall", …).
    pub fn antonyms_of<'g>(&'g self, stem: &str) -> impl Iterator<Item = &'g str> + 'g {
        self.antonyms_of_hashed(tokens::word_hash(stem), stem)
    }

    /// [`General::antonyms_of`] a stem whose [`tokens::word_hash`] is `hash`.
    pub fn antonyms_of_hashed<'g>(&'g self, hash: u64, stem: &str) -> impl Iterator<Item = &'g str> + 'g {
        self.antonyms.partners(hash, stem)
    }

    /// The synonyms of a stem ("renovation" → "restoration", …).
    pub fn synonyms_of<'g>(&'g self, stem: &str) -> impl Iterator<Item = &'g str> + 'g {
        self.synonyms.partners(tokens::word_hash(stem), stem)
    }
}

/// Stem pairs, both ways round, sorted by the first stem's [`tokens::word_hash`],
/// then by stem; most words have no partner, and `first` says so without a search.
struct Pairs {
    pairs: Vec<(String, String)>,
    /// Each pair's first-stem hash, searched apart from the strings ([`tokens::hash_run`]).
    hashes: Vec<u64>,
    first: tokens::HashFilter<16>,
}

/// Reads a pair file (`lemma|forms<TAB>lemma|forms` a line) as stem pairs, both
/// ways round, sorted and without repeats.
fn stem_pairs(tsv: &str) -> Pairs {
    let mut pairs = Vec::new();
    for line in tsv.lines().filter(|l| !l.starts_with('#')) {
        let Some((x, y)) = line.split_once('\t') else { continue };
        let stems = |side: &str| -> Vec<String> {
            let mut s: Vec<String> = side.split('|').filter_map(stem).collect();
            s.dedup();
            s
        };
        for sx in stems(x) {
            for sy in stems(y) {
                if sx != sy {
                    pairs.push((tokens::word_hash(&sx), sx.clone(), sy.clone()));
                    pairs.push((tokens::word_hash(&sy), sy.clone(), sx.clone()));
                }
            }
        }
    }
    order::sort_by(&mut pairs, |a, b| a.cmp(b));
    pairs.dedup();
    let mut first = tokens::HashFilter::default();
    let hashes: Vec<u64> = pairs.iter().map(|(hash, _, _)| *hash).collect();
    hashes.iter().for_each(|&hash| first.insert(hash));
    Pairs { pairs: pairs.into_iter().map(|(_, x, y)| (x, y)).collect(), hashes, first }
}

impl Pairs {
    /// The partners of `stem`.
    /// The partners of `stem`, whose [`tokens::word_hash`] is `hash`.
    fn partners(&self, hash: u64, stem: &str) -> impl Iterator<Item = &str> + '_ {
        let run = if self.first.may_contain(hash) { tokens::hash_run(&self.hashes, hash) } else { 0..0 };
        // Within one hash, the pairs are sorted by their first stem.
        let same_hash = &self.pairs[run];
        let first = same_hash.partition_point(|(x, _)| x.as_str() < stem);
        let count = same_hash[first..].partition_point(|(x, _)| x == stem);
        same_hash[first..first + count].iter().map(|(_, y)| y.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opposed(x: &str, y: &str) -> bool {
        let (sx, sy) = (stem(x).unwrap(), stem(y).unwrap());
        General::get().antonyms_of(&sx).any(|a| a == sy)
    }

    #[test]
    fn everyday_oppositions_are_antonyms() {
        for (x, y) in [
            ("rose", "fell"),
            ("won", "lost"),
            ("confirmed", "denied"),
            ("guilty", "innocent"),
            ("dropped", "rose"),
            ("accepted", "rejected"),
            ("increased", "decreased"),
        ] {
            assert!(opposed(x, y), "{x} / {y}");
            assert!(opposed(y, x), "{y} / {x}");
        }
    }

    #[test]
    fn words_of_one_meaning_are_synonyms() {
        let general = General::get();
        let synonym = |x: &str, y: &str| general.synonyms_of(&stem(x).unwrap()).any(|s| s == stem(y).unwrap());
        for (x, y) in [("renovation", "restoration"), ("flames", "fire"), ("wreck", "crash")] {
            assert!(synonym(x, y), "{x} / {y}");
        }
        for (x, y) in [("Monday", "Tuesday"), ("rose", "fell"), ("said", "told")] {
            assert!(!synonym(x, y), "{x} / {y}");
        }
    }

    #[test]
    fn paraphrases_are_not_antonyms() {
        for (x, y) in
            [("rose", "increased"), ("killed", "died"), ("left", "departed"), ("first", "last"), ("new", "old")]
        {
            assert!(!opposed(x, y), "{x} / {y}");
        }
    }
}
