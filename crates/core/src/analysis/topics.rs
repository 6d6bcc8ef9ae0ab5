//! Topics: tag claims with the story's topic set (data), and find key-phrase
//! topics automatically for text the topic set does not cover.

use super::claims::Claim;
use super::knowledge::{Knowledge, TopicDef};
use super::order;
use super::text;
use super::tokens::{self, Kind, Token};

/// A claim's topics with the words that matched each, in topic-set order.
pub type Evidence = Vec<(String, Vec<String>)>;

/// The topics a claim's words match, in topic-set order, with the matching words as evidence.
pub fn tag(tokens: &[Token], text: &str, knowledge: &Knowledge) -> (Vec<String>, Evidence) {
    let mut hits: Vec<Vec<String>> = vec![Vec::new(); knowledge.topics.len()];
    for m in knowledge.topic_terms.find(tokens, text) {
        let words = text[m.span(tokens)].to_owned();
        for &topic in m.values {
            if !hits[topic].contains(&words) {
                hits[topic].push(words.clone());
            }
        }
    }
    let evidence: Evidence = hits
        .into_iter()
        .enumerate()
        .filter(|(_, words)| !words.is_empty())
        .map(|(t, words)| (knowledge.topics[t].id.clone(), words))
        .collect();
    (evidence.iter().map(|(id, _)| id.clone()).collect(), evidence)
}

/// Most automatic topics one comparison gets.
const MAX_AUTO_TOPICS: usize = 8;

/// Key-phrase topics for the claims no defined topic covers: phrases of one to
/// three content words that recur in at least two such claims, longer and more
/// widespread phrases first. Tags those claims and returns the new topics.
pub fn auto_topics(claims: &mut [Claim]) -> Vec<TopicDef> {
    struct Candidate {
        /// Spellings seen, with counts.
        surface: Vec<(String, usize)>,
        claims: Vec<usize>,
        sources: Vec<String>,
        words: usize,
    }
    // Candidates by key, sorted by key.
    let mut candidates: Vec<(String, Candidate)> = Vec::new();
    let mut tokenizer = tokens::Tokenizer::default();
    for (index, claim) in claims.iter().enumerate().filter(|(_, c)| c.topics.is_empty()) {
        let tokens = tokenizer.tokenize(&claim.text);
        for run in content_runs(tokens) {
            for len in 1..=3.min(run.len()) {
                for window in run.windows(len) {
                    let key = window.iter().map(|&i| tokens[i].key.as_str()).collect::<Vec<_>>().join(" ");
                    let surface = text::lowercase(&claim.text[tokens[window[0]].start..tokens[window[len - 1]].end]);
                    let at = match candidates.binary_search_by(|(k, _)| k.cmp(&key)) {
                        Ok(at) => at,
                        Err(at) => {
                            let fresh =
                                Candidate { surface: Vec::new(), claims: Vec::new(), sources: Vec::new(), words: len };
                            candidates.insert(at, (key, fresh));
                            at
                        }
                    };
                    let c = &mut candidates[at].1;
                    match c.surface.iter_mut().find(|(s, _)| *s == surface) {
                        Some((_, n)) => *n += 1,
                        None => c.surface.push((surface, 1)),
                    }
                    if c.claims.last() != Some(&index) {
                        c.claims.push(index);
                    }
                    if !c.sources.contains(&claim.source) {
                        c.sources.push(claim.source.clone());
                    }
                }
            }
        }
    }
    let mut ranked: Vec<(String, Candidate)> = candidates.into_iter().filter(|(_, c)| c.claims.len() >= 2).collect();
    let score = |c: &Candidate| c.claims.len() * c.sources.len() * (1 + c.words);
    order::sort_by(&mut ranked, |(ka, a), (kb, b)| score(b).cmp(&score(a)).then_with(|| ka.cmp(kb)));

    let mut chosen: Vec<(String, Candidate)> = Vec::new();
    for (key, candidate) in ranked {
        if chosen.len() == MAX_AUTO_TOPICS {
            break;
        }
        // Skip a phrase inside (or around) one already chosen for the same claims.
        let overlaps = chosen.iter().any(|(k, c)| {
            (k.contains(key.as_str()) || key.contains(k.as_str()))
                && c.claims.iter().filter(|i| candidate.claims.contains(i)).count() * 2 >= candidate.claims.len()
        });
        if !overlaps {
            chosen.push((key, candidate));
        }
    }

    let mut topics = Vec::new();
    for (key, candidate) in chosen {
        let mut surfaces = candidate.surface;
        order::sort_by(&mut surfaces, |a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        let label = surfaces.first().map(|(s, _)| s.clone()).unwrap_or_else(|| key.clone());
        let id = format!("auto-{}", key.replace(' ', "-"));
        for &i in &candidate.claims {
            claims[i].topics.push(id.clone());
            claims[i].evidence.push((id.clone(), vec![label.clone()]));
        }
        topics.push(TopicDef {
            id,
            label: label.clone(),
            description: format!(
                "Key phrase found automatically: \u{201C}{label}\u{201D} recurs in {} claims.",
                candidate.claims.len()
            ),
            terms: vec![label],
        });
    }
    topics
}

/// Runs of content words (not stopwords, no punctuation between), as token indices.
fn content_runs(tokens: &[Token]) -> Vec<Vec<usize>> {
    let mut runs: Vec<Vec<usize>> = vec![Vec::new()];
    for (i, t) in tokens.iter().enumerate() {
        let content = t.kind == Kind::Word && !t.is_stopword() && t.norm.chars().count() > 2;
        if (!content || t.gap_before) && runs.last().is_some_and(|r| !r.is_empty()) {
            runs.push(Vec::new());
        }
        if content {
            runs.last_mut().expect("runs starts non-empty").push(i);
        }
    }
    runs.retain(|r| !r.is_empty());
    runs
}
