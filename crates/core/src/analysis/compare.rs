//! The whole pipeline for two sources, and its result: a [`Comparison`] in the
//! `parallax/comparison@1` schema (see `docs/comparison-schema.md`).

use super::align::{self, Link, Relation};
use super::claims::{self, Claim};
use super::clean::{self, Cleaned, Removed};
use super::knowledge::Knowledge;
use super::semantic::{self, Embedder};
use super::{order, tokens, topics};
use crate::corpus::SourceText;

pub const SCHEMA: &str = "parallax/comparison@1";

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct SourceSummary {
    pub id: String,
    pub title: String,
    pub label: String,
    pub title_derived: bool,
    /// Outlets the article cites: credit lines, then outlets it attributes claims to.
    pub cited: Vec<String>,
    pub removed: Vec<Removed>,
    /// The cleaned body the claim offsets point into.
    pub cleaned: Cleaned,
}

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct TopicRef {
    pub id: String,
    pub label: String,
    pub description: String,
    /// True for key-phrase topics found automatically.
    pub auto: bool,
}

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Comparison {
    /// Not carried between worker and page: always [`SCHEMA`].
    #[serde(skip, default = "schema")]
    pub schema: &'static str,
    /// The topics at least one claim has, in topic-set order.
    pub topics: Vec<TopicRef>,
    /// Links, best first.
    pub links: Vec<Link>,
    /// Similarity of every A claim (rows) to every B claim (columns).
    pub similarity: Vec<Vec<f32>>,
    /// The key of every word of the claims and of their entities' names whose key
    /// is not its normal form (`Token::norm` → `Token::key`), sorted: with the
    /// claims' `Features::words()`, the explorer searches without the tokenizer's
    /// Unicode tables or the stemmer.
    #[serde(default)]
    pub stems: Vec<(String, String)>,
    /// Claims of A, then claims of B.
    pub claims: Vec<Claim>,
    /// Source A, then source B. Last, so the cleaned texts come right before
    /// the data that follows the embedded comparison in the page's binary: the
    /// embedded articles' raw texts, which gzip then reads as repeats (-0.8 KB).
    pub sources: Vec<SourceSummary>,
}

fn schema() -> &'static str {
    SCHEMA
}

/// Which side of the comparison a claim or source is on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Side {
    A,
    B,
}

impl Side {
    pub fn letter(self) -> &'static str {
        match self {
            Side::A => "A",
            Side::B => "B",
        }
    }
    /// The letter in lowercase, as the page's element ids write it ("a").
    pub fn id(self) -> &'static str {
        match self {
            Side::A => "a",
            Side::B => "b",
        }
    }
    /// The page's class for the side ("side-a").
    pub fn class(self) -> &'static str {
        match self {
            Side::A => "side-a",
            Side::B => "side-b",
        }
    }
    pub fn index(self) -> usize {
        match self {
            Side::A => 0,
            Side::B => 1,
        }
    }
}

/// Cleans one source and extracts its claims.
pub fn analyze(source: &SourceText, side: Side, knowledge: &Knowledge) -> (SourceSummary, Vec<Claim>) {
    analyze_keeping(source, side, knowledge, None)
}

/// [`analyze`], keeping each claim's tokens in `kept` ([`claims::extract_keeping`]).
fn analyze_keeping(
    source: &SourceText,
    side: Side,
    knowledge: &Knowledge,
    kept: Option<&mut Vec<Vec<tokens::Token>>>,
) -> (SourceSummary, Vec<Claim>) {
    let known_title = (!source.title_derived && !source.title.trim().is_empty()).then_some(source.title.as_str());
    let cleaned = clean::clean(&source.text, known_title, &knowledge.furniture);
    let claims = claims::extract_keeping(&cleaned, &source.id, side.letter(), knowledge, kept);
    let mut cited = cleaned.cited.clone();
    for claim in &claims {
        for mention in &claim.features.mentions {
            let attributed = claim.attribution.as_deref().is_some_and(|a| a.contains(&mention.name));
            if mention.kind == "media" && attributed && !cited.contains(&mention.name) {
                cited.push(mention.name.clone());
            }
        }
        // An attribution that is itself an outlet ("Reuters").
        if let Some(a) = &claim.attribution {
            let is_media = knowledge.entity_index(a).is_some_and(|i| knowledge.entities[i].kind == "media");
            if is_media && !cited.contains(a) {
                cited.push(a.clone());
            }
        }
    }
    let title = match (&cleaned.title, source.title.trim()) {
        (_, t) if !t.is_empty() => t.to_owned(),
        (Some(line), _) => line.clone(),
        (None, _) => derive_title(&claims),
    };
    let title_derived = source.title_derived || (source.title.trim().is_empty() && cleaned.title.is_none());
    let summary = SourceSummary {
        id: source.id.clone(),
        title,
        label: source.label.clone(),
        title_derived,
        cited,
        removed: cleaned.removed.clone(),
        cleaned,
    };
    (summary, claims)
}

/// A title for an article without one: its first claim, cut at a word boundary.
pub fn derive_title(claims: &[Claim]) -> String {
    const MAX: usize = 80;
    let Some(first) = claims.first() else {
        return "Untitled".to_owned();
    };
    let text = first.text.trim_end_matches(['.', '!', '?']);
    if text.chars().count() <= MAX {
        return text.to_owned();
    }
    let cut: String = text.chars().take(MAX).collect();
    let at = cut.rfind(' ').unwrap_or(cut.len());
    format!("{}\u{2026}", cut[..at].trim_end_matches([',', ';', ':']))
}

/// The story both sources belong to, if they belong to the same one.
pub fn pair_story<'s>(a: &'s SourceText, b: &SourceText) -> Option<&'s str> {
    a.story.as_deref().filter(|s| b.story.as_deref() == Some(*s))
}

/// Compares two sources with the given knowledge (user topics, cues), scoped to the
/// pair: a story pack applies only when both sources belong to its story; any other
/// pair gets the general knowledge alone.
pub fn compare_with(a: &SourceText, b: &SourceText, knowledge: &Knowledge) -> Comparison {
    compare_with_meaning(a, b, knowledge, None)
}

/// The semantic layer over the claims of one comparison: each claim embedded once.
struct ClaimMeaning<'e> {
    embedder: &'e Embedder,
    /// The claims' texts with their names blanked: the words that carry a
    /// meaning are common words ("renovation ≈ restoration"), not names.
    texts: (Vec<String>, Vec<String>),
    vectors: (Vec<Vec<f32>>, Vec<Vec<f32>>),
    /// Per claim of A, its closest claim of B by meaning; per claim of B, its closest of A.
    best: (Vec<Option<usize>>, Vec<Option<usize>>),
    /// The mean similarity of all pairs: how alike the two articles are anyway.
    mean: f32,
}

/// Each claim's text with the spans of its entity mentions blanked.
fn names_masked(claims: &[Claim]) -> Vec<String> {
    claims
        .iter()
        .map(|c| {
            let mut text = c.text.clone();
            for m in &c.features.mentions {
                if m.span.end <= text.len() && text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end)
                {
                    text.replace_range(m.span.clone(), &" ".repeat(m.span.len()));
                }
            }
            text
        })
        .collect()
}

/// For every vector of `a` the index of its most similar vector of `b`, and the other way round.
fn mutual_best(a: &[Vec<f32>], b: &[Vec<f32>]) -> (Vec<Option<usize>>, Vec<Option<usize>>) {
    let best = |from: &[Vec<f32>], to: &[Vec<f32>]| -> Vec<Option<usize>> {
        from.iter()
            .map(|x| (0..to.len()).max_by(|&p, &q| semantic::cosine(x, &to[p]).total_cmp(&semantic::cosine(x, &to[q]))))
            .collect()
    };
    (best(a, b), best(b, a))
}

impl<'e> ClaimMeaning<'e> {
    fn new(embedder: &'e Embedder, a: &[Claim], b: &[Claim]) -> Self {
        let embed = |claims: &[Claim]| claims.iter().map(|c| embedder.embed(&c.text)).collect::<Vec<_>>();
        let vectors = (embed(a), embed(b));
        let (best_a, best_b) = mutual_best(&vectors.0, &vectors.1);
        let pairs = (vectors.0.len() * vectors.1.len()).max(1) as f32;
        let mean =
            vectors.0.iter().flat_map(|x| vectors.1.iter().map(move |y| semantic::cosine(x, y).max(0.0))).sum::<f32>()
                / pairs;
        ClaimMeaning { embedder, texts: (names_masked(a), names_masked(b)), vectors, best: (best_a, best_b), mean }
    }

    fn cosine(&self, i: usize, j: usize) -> f32 {
        semantic::cosine(&self.vectors.0[i], &self.vectors.1[j]).clamp(0.0, 1.0)
    }
}

impl align::Meaning for ClaimMeaning<'_> {
    fn similarity(&self, i: usize, j: usize) -> f32 {
        self.cosine(i, j)
    }
    fn closest(&self, i: usize, j: usize) -> bool {
        self.best.0[i] == Some(j) || self.best.1[j] == Some(i)
    }
    fn mean(&self) -> f32 {
        self.mean
    }
    fn words(&self, i: usize, j: usize) -> Option<(String, f32)> {
        self.embedder.closest_words(&self.texts.0[i], &self.texts.1[j]).map(|pair| (pair.describe(), pair.similarity))
    }
}

/// [`compare_with`], with the semantic layer when its table is at hand: claims
/// that say the same thing in other words link too, and say so.
pub fn compare_with_meaning(
    a: &SourceText,
    b: &SourceText,
    knowledge: &Knowledge,
    embedder: Option<&Embedder>,
) -> Comparison {
    let mut holder = None;
    let knowledge = knowledge.scoped(pair_story(a, b), &mut holder);
    // Each claim's tokens, A's then B's: alignment and the search index read them.
    let mut tokens = Vec::new();
    let (summary_a, claims_a) = analyze_keeping(a, Side::A, knowledge, Some(&mut tokens));
    let (summary_b, claims_b) = analyze_keeping(b, Side::B, knowledge, Some(&mut tokens));
    let count_a = claims_a.len();
    let mut claims: Vec<Claim> = claims_a.into_iter().chain(claims_b).collect();
    // Names across both articles: "Macron" in B is the "Emmanuel Macron" of A.
    claims::resolve_names(&mut claims, knowledge);
    let (claims_a, claims_b) = claims.split_at_mut(count_a);
    // Other words for one thing are part of the semantic layer: the synonym pairs were
    // kept where the table's vectors agree, and they come with it (words only, without
    // the table, ECB+ dev F1 is 0.830 with them and 0.828 without; with the table 0.841).
    if embedder.is_some() {
        claims::share_synonyms(claims_a, claims_b);
    }
    let (claims_a, claims_b) = (&*claims_a, &*claims_b);
    let meaning = embedder.map(|e| ClaimMeaning::new(e, claims_a, claims_b));
    let (links, similarity) = align::align_with_tokens(
        claims_a,
        claims_b,
        tokens.split_at(count_a),
        knowledge,
        meaning.as_ref().map(|m| m as &dyn align::Meaning),
    );
    let auto = topics::auto_topics(&mut claims);

    let mut topic_refs: Vec<TopicRef> = knowledge
        .topics
        .iter()
        .filter(|t| claims.iter().any(|c| c.topics.contains(&t.id)))
        .map(|t| TopicRef { id: t.id.clone(), label: t.label.clone(), description: t.description.clone(), auto: false })
        .collect();
    topic_refs.extend(auto.into_iter().map(|t| TopicRef {
        id: t.id,
        label: t.label,
        description: t.description,
        auto: true,
    }));

    let stems = search_index(&mut claims, &tokens);
    Comparison {
        schema: SCHEMA,
        sources: vec![summary_a, summary_b],
        topics: topic_refs,
        claims,
        links,
        similarity,
        stems,
    }
}

/// Fills each claim's `Features::words` and returns [`Comparison::stems`];
/// `tokens` are the claims'.
fn search_index(claims: &mut [Claim], tokens: &[Vec<tokens::Token>]) -> Vec<(String, String)> {
    // The tokens' shared words, sorted and without repeats before they are copied.
    let mut stems: Vec<(tokens::Word, tokens::Word)> = Vec::new();
    let mut tokenizer = tokens::Tokenizer::default();
    let mut add = |tokens: &[tokens::Token]| {
        let stemmed = tokens.iter().filter(|t| t.is_term() && t.key != t.norm);
        stems.extend(stemmed.map(|t| (t.norm.clone(), t.key.clone())));
    };
    // Names recur from claim to claim: each is tokenized once.
    let mut names: Vec<String> = Vec::new();
    for (claim, tokens) in claims.iter_mut().zip(tokens) {
        claim.features.set_words(tokens.iter().filter(|t| t.is_term()).map(|t| t.start..t.end));
        add(tokens);
        for name in &claim.entities {
            if !names.contains(name) {
                add(tokenizer.tokenize(name));
                names.push(name.clone());
            }
        }
    }
    // One form has one stem: sorted by form is sorted by both.
    order::sort_by_str(&mut stems, |(norm, _)| norm.as_str());
    stems.dedup();
    stems.into_iter().map(|(norm, key)| (norm.into(), key.into())).collect()
}

/// Compares two sources with the knowledge compiled in (scoped to their story).
pub fn compare(a: &SourceText, b: &SourceText) -> Comparison {
    compare_with(a, b, Knowledge::embedded())
}

/// Compares the embedded corpus (Source A with Source B).
pub fn compare_embedded() -> Comparison {
    let sources = crate::corpus::embedded();
    compare(&sources[0], &sources[1])
}

impl Default for Comparison {
    /// Nothing compared yet.
    fn default() -> Self {
        Comparison {
            schema: SCHEMA,
            sources: Vec::new(),
            topics: Vec::new(),
            claims: Vec::new(),
            links: Vec::new(),
            similarity: Vec::new(),
            stems: Vec::new(),
        }
    }
}

impl Comparison {
    pub fn claim(&self, id: &str) -> Option<&Claim> {
        self.claims.iter().find(|c| c.id == id)
    }

    pub fn side_of(&self, claim: &Claim) -> Side {
        if claim.id.starts_with('A') { Side::A } else { Side::B }
    }

    pub fn claims_of(&self, side: Side) -> impl Iterator<Item = &Claim> {
        self.claims.iter().filter(move |c| self.side_of(c) == side)
    }

    /// The links a claim takes part in.
    pub fn links_of<'s>(&'s self, claim_id: &'s str) -> impl Iterator<Item = &'s Link> + 's {
        self.links.iter().filter(move |l| l.a == claim_id || l.b == claim_id)
    }

    /// Claims no link reaches: what only one source reports.
    pub fn unlinked(&self, side: Side) -> impl Iterator<Item = &Claim> {
        self.claims_of(side).filter(|c| self.links_of(&c.id).next().is_none())
    }

    pub fn count_links(&self, relation: Relation) -> usize {
        self.links.iter().filter(|l| l.relation == relation).count()
    }

    pub fn topic_label<'s>(&'s self, id: &'s str) -> &'s str {
        self.topics.iter().find(|t| t.id == id).map_or(id, |t| t.label.as_str())
    }
}

/// Part of a comparison (what the explorer's filters show), borrowed: exports
/// write a subset without copying the comparison.
pub struct Subset<'c> {
    pub comparison: &'c Comparison,
    pub claims: Vec<&'c Claim>,
    pub links: Vec<&'c Link>,
}

impl<'c> Subset<'c> {
    /// The whole comparison.
    pub fn all(comparison: &'c Comparison) -> Subset<'c> {
        Subset { comparison, claims: comparison.claims.iter().collect(), links: comparison.links.iter().collect() }
    }

    pub fn sources(&self) -> &'c [SourceSummary] {
        &self.comparison.sources
    }

    pub fn claim(&self, id: &str) -> Option<&'c Claim> {
        self.claims.iter().find(|c| c.id == id).copied()
    }

    pub fn claims_of(&self, side: Side) -> impl Iterator<Item = &'c Claim> + '_ {
        self.claims.iter().copied().filter(move |c| self.comparison.side_of(c) == side)
    }

    /// Claims of `side` that no link of the subset reaches.
    pub fn unlinked(&self, side: Side) -> impl Iterator<Item = &'c Claim> + '_ {
        self.claims_of(side).filter(|c| !self.links.iter().any(|l| l.a == c.id || l.b == c.id))
    }

    pub fn count_links(&self, relation: Relation) -> usize {
        self.links.iter().filter(|l| l.relation == relation).count()
    }

    pub fn topic_label(&self, id: &'c str) -> &'c str {
        self.comparison.topic_label(id)
    }
}
