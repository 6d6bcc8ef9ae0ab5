//! Alignment: link the claims of source A to the claims of source B.
//!
//! Similarity combines the cosine of rarity-weighted keys (word stems, entities
//! and their parents, concepts), shared topics and shared numbers. Each link says
//! how the two claims relate — `same`, `related` or `tension` — and why.

use super::claims::Claim;
use super::knowledge::Knowledge;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Relation {
    /// Both report it.
    Same,
    /// The same subject, with different facts.
    Related,
    /// They point different ways.
    Tension,
}

impl Relation {
    pub const ALL: [Relation; 3] = [Relation::Same, Relation::Related, Relation::Tension];

    pub fn as_str(self) -> &'static str {
        match self {
            Relation::Same => "same",
            Relation::Related => "related",
            Relation::Tension => "tension",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Link {
    /// Claim id in source A.
    pub a: String,
    /// Claim id in source B.
    pub b: String,
    /// Similarity in [0, 1].
    pub score: f32,
    pub relation: Relation,
    /// The shared evidence, as a reader would name it.
    pub shared: Vec<String>,
    /// One line saying why the claims are linked this way.
    pub why: String,
    /// Keys both claims share (for highlighting); not part of the JSON.
    #[serde(skip)]
    pub shared_keys: Vec<String>,
}

/// The thresholds and weights of alignment, in one place.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Calibration {
    pub weight_terms: f32,
    pub weight_topics: f32,
    pub weight_numbers: f32,
    /// Below this a pair is not linked.
    pub link_min: f32,
    /// At or above this (and without tension) a link is `same`.
    pub same_min: f32,
    /// A pair with a clear tension is linked from this score on.
    pub tension_min: f32,
    /// Links kept per claim, best first.
    pub per_claim: usize,
}

pub const CALIBRATION: Calibration = Calibration {
    weight_terms: 0.7,
    weight_topics: 0.2,
    weight_numbers: 0.1,
    link_min: 0.2,
    same_min: 0.42,
    tension_min: 0.12,
    per_claim: 2,
};

/// Rarity of each key over a set of claims: ln(1 + N / df).
pub fn idf(claims: &[&Claim]) -> HashMap<String, f32> {
    let mut df: HashMap<&str, usize> = HashMap::new();
    for claim in claims {
        for key in claim.features.terms.keys() {
            *df.entry(key.as_str()).or_default() += 1;
        }
    }
    let n = claims.len().max(1) as f32;
    df.into_iter()
        .map(|(k, d)| (k.to_owned(), (1.0 + n / d as f32).ln()))
        .collect()
}

/// A claim's keys weighted by rarity, with the vector's norm.
struct Vector<'c> {
    weights: BTreeMap<&'c str, f32>,
    norm: f32,
}

fn vector<'c>(claim: &'c Claim, idf: &HashMap<String, f32>) -> Vector<'c> {
    let weights: BTreeMap<&str, f32> = claim
        .features
        .terms
        .iter()
        .map(|(k, tf)| (k.as_str(), tf.sqrt() * idf.get(k).copied().unwrap_or(1.0)))
        .collect();
    let norm = weights.values().map(|w| w * w).sum::<f32>().sqrt();
    Vector { weights, norm }
}

/// The parts of one pair's similarity.
struct Pair<'c> {
    score: f32,
    /// Shared keys with their contribution, largest first.
    shared: Vec<(&'c str, f32)>,
    shared_topics: Vec<&'c str>,
    shared_numbers: Vec<String>,
}

fn pair<'c>(
    a: &'c Claim,
    va: &Vector<'c>,
    b: &'c Claim,
    vb: &Vector<'c>,
    cal: &Calibration,
) -> Pair<'c> {
    let mut shared: Vec<(&str, f32)> = va
        .weights
        .iter()
        .filter_map(|(k, wa)| vb.weights.get(k).map(|wb| (*k, wa * wb)))
        .collect();
    let dot: f32 = shared.iter().map(|(_, w)| w).sum();
    let cosine = if va.norm > 0.0 && vb.norm > 0.0 {
        dot / (va.norm * vb.norm)
    } else {
        0.0
    };
    shared.sort_by(|x, y| y.1.total_cmp(&x.1).then_with(|| x.0.cmp(y.0)));

    let shared_topics: Vec<&str> = a
        .topics
        .iter()
        .filter(|t| b.topics.contains(t))
        .map(String::as_str)
        .collect();
    let union = a.topics.len() + b.topics.len() - shared_topics.len();
    let topic_overlap = if union > 0 {
        shared_topics.len() as f32 / union as f32
    } else {
        0.0
    };

    let shared_numbers: Vec<String> = a
        .numbers
        .iter()
        .filter(|qa| b.numbers.iter().any(|qb| same_value(qa.value, qb.value)))
        .map(|q| q.text.clone())
        .collect();
    let numbers = if shared_numbers.is_empty() { 0.0 } else { 1.0 };

    let score = (cal.weight_terms * cosine
        + cal.weight_topics * topic_overlap
        + cal.weight_numbers * numbers)
        .clamp(0.0, 1.0);
    Pair {
        score,
        shared,
        shared_topics,
        shared_numbers,
    }
}

fn same_value(x: f64, y: f64) -> bool {
    (x - y).abs() <= 0.01 * x.abs().max(y.abs()).max(1e-9)
}

/// Similarity of every A claim (rows) to every B claim (columns).
pub fn similarity_matrix(a: &[Claim], b: &[Claim]) -> Vec<Vec<f32>> {
    let all: Vec<&Claim> = a.iter().chain(b).collect();
    let idf = idf(&all);
    let vb: Vec<Vector> = b.iter().map(|c| vector(c, &idf)).collect();
    a.iter()
        .map(|ca| {
            let va = vector(ca, &idf);
            b.iter()
                .zip(&vb)
                .map(|(cb, vb)| round3(pair(ca, &va, cb, vb, &CALIBRATION).score))
                .collect()
        })
        .collect()
}

fn round3(x: f32) -> f32 {
    (x * 1000.0).round() / 1000.0
}

/// Why two claims pull in different directions, if they do.
enum Tension {
    /// One negates what the other asserts, in these words.
    Negation { a_words: String, b_words: String },
    /// Different figures for the same thing.
    Numbers {
        counts: String,
        a: String,
        b: String,
    },
    /// Opposite outlooks.
    Outlook {
        hopeful: Vec<String>,
        doubtful: Vec<String>,
        a_hopeful: bool,
    },
}

fn tension(a: &Claim, b: &Claim) -> Option<Tension> {
    // 1. Negation asymmetry on a shared predicate or concept.
    for (neg, negates_a) in [(a, true), (b, false)] {
        let other = if negates_a { b } else { a };
        for (key, span) in &neg.features.negated {
            let other_negates = other.features.negated.iter().any(|(k, _)| k == key);
            if other_negates || key.starts_with('@') {
                continue;
            }
            if let Some(words) = other.features.surface(key, &other.text) {
                let negated = neg.text[span.clone()].to_owned();
                let (a_words, b_words) = if negates_a {
                    (negated, words.to_owned())
                } else {
                    (words.to_owned(), negated)
                };
                return Some(Tension::Negation { a_words, b_words });
            }
        }
    }
    // 2. Different numbers for the same counted thing.
    for qa in &a.numbers {
        for qb in &b.numbers {
            if !qa.counts_key.is_empty()
                && qa.counts_key == qb.counts_key
                && qa.kind == qb.kind
                && !same_value(qa.value, qb.value)
            {
                return Some(Tension::Numbers {
                    counts: qa.counts.clone(),
                    a: qa.text.clone(),
                    b: qb.text.clone(),
                });
            }
        }
    }
    // 3. Opposite outlooks, each clear (at least two cue words net).
    let net = |c: &Claim| c.features.outlook.iter().map(|(p, _)| p).sum::<i32>();
    let words = |c: &Claim, sign: i32| -> Vec<String> {
        c.features
            .outlook
            .iter()
            .filter(|(p, _)| p.signum() == sign)
            .map(|(_, w)| w.clone())
            .collect()
    };
    let (na, nb) = (net(a), net(b));
    if na * nb < 0 && na.abs() >= 2 && nb.abs() >= 2 {
        let (hopeful, doubtful) = if na > 0 {
            (words(a, 1), words(b, -1))
        } else {
            (words(b, 1), words(a, -1))
        };
        return Some(Tension::Outlook {
            hopeful,
            doubtful,
            a_hopeful: na > 0,
        });
    }
    None
}

/// A reader's name for a shared key.
fn display(key: &str, a: &Claim, b: &Claim) -> String {
    if let Some(name) = key.strip_prefix('@') {
        return name.to_owned();
    }
    let wa = a.features.surface(key, &a.text);
    let wb = b.features.surface(key, &b.text);
    match (wa, wb) {
        (Some(x), Some(y)) if !x.eq_ignore_ascii_case(y) => format!("{x} \u{2248} {y}"),
        (Some(x), _) | (None, Some(x)) => x.to_owned(),
        (None, None) => key.trim_start_matches('~').to_owned(),
    }
}

fn quote(s: &str) -> String {
    format!("\u{201C}{s}\u{201D}")
}

fn list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// Links the claims of A to the claims of B. Each claim keeps its best
/// `per_claim` links above `link_min`; a clear tension is kept from `tension_min`.
pub fn align(a: &[Claim], b: &[Claim], knowledge: &Knowledge) -> Vec<Link> {
    let cal = CALIBRATION;
    let all: Vec<&Claim> = a.iter().chain(b).collect();
    let idf = idf(&all);
    let va: Vec<Vector> = a.iter().map(|c| vector(c, &idf)).collect();
    let vb: Vec<Vector> = b.iter().map(|c| vector(c, &idf)).collect();

    struct Candidate<'c> {
        i: usize,
        j: usize,
        pair: Pair<'c>,
        tension: Option<Tension>,
    }
    let mut candidates: Vec<Candidate> = Vec::new();
    for (i, ca) in a.iter().enumerate() {
        for (j, cb) in b.iter().enumerate() {
            let p = pair(ca, &va[i], cb, &vb[j], &cal);
            if p.score < cal.tension_min || p.shared.is_empty() {
                continue;
            }
            let t = tension(ca, cb);
            let floor = if t.is_some() {
                cal.tension_min
            } else {
                cal.link_min
            };
            if p.score >= floor {
                candidates.push(Candidate {
                    i,
                    j,
                    pair: p,
                    tension: t,
                });
            }
        }
    }
    // Keep each claim's best links; a tension competes with a boost so it is not crowded out.
    let rank = |c: &Candidate| c.pair.score + if c.tension.is_some() { 0.2 } else { 0.0 };
    let mut keep = vec![false; candidates.len()];
    for side in 0..2 {
        let mut by_claim: HashMap<usize, Vec<usize>> = HashMap::new();
        for (k, c) in candidates.iter().enumerate() {
            by_claim
                .entry(if side == 0 { c.i } else { c.j })
                .or_default()
                .push(k);
        }
        for list in by_claim.values_mut() {
            list.sort_by(|&x, &y| rank(&candidates[y]).total_cmp(&rank(&candidates[x])));
            for &k in list.iter().take(cal.per_claim) {
                keep[k] = true;
            }
        }
    }

    let topic_label = |id: &str| {
        knowledge
            .topics
            .iter()
            .find(|t| t.id == id)
            .map_or_else(|| id.to_owned(), |t| t.label.clone())
    };
    let mut links: Vec<Link> = candidates
        .into_iter()
        .zip(keep)
        .filter(|(_, k)| *k)
        .map(|(c, _)| {
            let (ca, cb) = (&a[c.i], &b[c.j]);
            let mut shared: Vec<String> = Vec::new();
            for (key, _) in c.pair.shared.iter().take(6) {
                let d = display(key, ca, cb);
                if !shared.contains(&d) {
                    shared.push(d);
                }
            }
            shared.extend(c.pair.shared_numbers.iter().cloned());
            let topics: Vec<String> = c
                .pair
                .shared_topics
                .iter()
                .map(|t| topic_label(t))
                .collect();
            let subject = list(&shared.iter().take(3).cloned().collect::<Vec<_>>());
            let (relation, why) = match &c.tension {
                Some(Tension::Negation { a_words, b_words }) => (
                    Relation::Tension,
                    format!("A says {} where B says {}", quote(a_words), quote(b_words)),
                ),
                Some(Tension::Numbers { counts, a, b }) => (
                    Relation::Tension,
                    format!(
                        "Different figures for {counts}: {} in A, {} in B",
                        quote(a),
                        quote(b)
                    ),
                ),
                Some(Tension::Outlook {
                    hopeful,
                    doubtful,
                    a_hopeful,
                }) => {
                    let (ha, hb) = if *a_hopeful { ("A", "B") } else { ("B", "A") };
                    (
                        Relation::Tension,
                        format!(
                            "Opposite outlooks on {}: {ha} is hopeful ({}), {hb} is doubtful ({})",
                            if topics.is_empty() {
                                subject.clone()
                            } else {
                                list(&topics)
                            },
                            list(&hopeful.iter().map(|w| quote(w)).collect::<Vec<_>>()),
                            list(&doubtful.iter().map(|w| quote(w)).collect::<Vec<_>>())
                        ),
                    )
                }
                None if c.pair.score >= cal.same_min => {
                    (Relation::Same, format!("Both report it: {subject}"))
                }
                None => (
                    Relation::Related,
                    format!("Same subject ({subject}), different details"),
                ),
            };
            let why = match &cb.features.resolved {
                Some((pronoun, name))
                    if c.pair.shared.iter().any(|(k, _)| {
                        k.strip_prefix('@').is_some_and(|n| {
                            n == name
                                || knowledge
                                    .entity_index(name)
                                    .and_then(|i| knowledge.entities[i].parent.as_deref())
                                    == Some(n)
                        })
                    }) =>
                {
                    format!("{why} (B\u{2019}s \u{201C}{pronoun}\u{201D} read as {name})")
                }
                _ => why,
            };
            shared.extend(topics.iter().map(|t| format!("topic: {t}")));
            Link {
                a: ca.id.clone(),
                b: cb.id.clone(),
                score: round3(c.pair.score),
                relation,
                shared,
                why,
                shared_keys: c.pair.shared.iter().map(|(k, _)| (*k).to_owned()).collect(),
            }
        })
        .collect();
    links.sort_by(|x, y| {
        y.score
            .total_cmp(&x.score)
            .then_with(|| x.a.cmp(&y.a))
            .then_with(|| x.b.cmp(&y.b))
    });
    links
}
