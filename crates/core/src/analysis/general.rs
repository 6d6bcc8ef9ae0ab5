//! General knowledge of English that holds for any news text, from
//! `data/general/`: antonym pairs generated from WordNet 3.0
//! (`scripts/knowledge/antonyms.py`, licence in `data/general/WordNet-LICENSE.txt`)
//! and the stance words of `stance.txt` (denial, doubt, certainty). Words are
//! compared as the tokenizer's stems, so "rose" ~ "rise" comes from WordNet's
//! irregular forms and "dropped" ~ "drop" from the stemmer.

use super::order;
use super::tokens;
use std::sync::LazyLock;

pub struct General {
    /// Antonym pairs as stems, both ways round, sorted.
    antonyms: Vec<(String, String)>,
    pub deny: Vec<String>,
    pub doubt: Vec<String>,
    pub certain: Vec<String>,
}

static GENERAL: LazyLock<General> = LazyLock::new(|| {
    General::parse(
        include_str!("../../../../data/general/antonyms.tsv"),
        include_str!("../../../../data/general/stance.txt"),
    )
});

fn stem(word: &str) -> Option<String> {
    tokens::tokenize(word).into_iter().find(|t| t.kind == tokens::Kind::Word).map(|t| t.key)
}

impl General {
    pub fn get() -> &'static General {
        &GENERAL
    }

    fn parse(antonyms: &str, stance: &str) -> General {
        let mut pairs = Vec::new();
        for line in antonyms.lines().filter(|l| !l.starts_with('#')) {
            let Some((x, y)) = line.split_once('\t') else { continue };
            let stems = |side: &str| -> Vec<String> {
                let mut s: Vec<String> = side.split('|').filter_map(stem).collect();
                s.dedup();
                s
            };
            for sx in stems(x) {
                for sy in stems(y) {
                    if sx != sy {
                        pairs.push((sx.clone(), sy.clone()));
                        pairs.push((sy.clone(), sx.clone()));
                    }
                }
            }
        }
        order::sort_by(&mut pairs, |a, b| a.cmp(b));
        pairs.dedup();
        let list = |name: &str| -> Vec<String> {
            stance
                .lines()
                .find_map(|l| l.strip_prefix(name).and_then(|r| r.strip_prefix(':')))
                .map(|r| r.split_whitespace().filter_map(stem).collect())
                .unwrap_or_default()
        };
        General { antonyms: pairs, deny: list("deny"), doubt: list("doubt"), certain: list("certain") }
    }

    /// The antonyms of a stem ("rise" → "fall", …).
    pub fn antonyms_of<'g>(&'g self, stem: &str) -> impl Iterator<Item = &'g str> + 'g {
        let from = self.antonyms.partition_point(|(x, _)| x.as_str() < stem);
        let stem = stem.to_owned();
        self.antonyms[from..].iter().take_while(move |(x, _)| *x == stem).map(|(_, y)| y.as_str())
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
    fn paraphrases_are_not_antonyms() {
        for (x, y) in
            [("rose", "increased"), ("killed", "died"), ("left", "departed"), ("first", "last"), ("new", "old")]
        {
            assert!(!opposed(x, y), "{x} / {y}");
        }
    }
}
