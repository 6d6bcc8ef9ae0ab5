//! The explorer's model: which rows the comparison view shows under the current
//! filters, how they group by topic, what to highlight, and how a view is written
//! into a URL. Pure Rust, like [`crate::analysis`]: the app renders it, the tests
//! check it natively, and **it never depends on `yew`, `web-sys` or `gloo`**.

use crate::analysis::compare::{Comparison, Side, Subset};
use crate::analysis::order;
use crate::analysis::tokens;
use crate::analysis::{Claim, Link, Relation};
use std::borrow::Borrow;
use std::ops::Range;

/// The three views of the app.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum View {
    #[default]
    Compare,
    Reader,
    Overview,
    /// Choose, add and manage sources and topics.
    Sources,
}

impl View {
    pub const ALL: [View; 4] = [View::Compare, View::Reader, View::Overview, View::Sources];

    pub fn id(self) -> &'static str {
        match self {
            View::Compare => "compare",
            View::Reader => "reader",
            View::Overview => "overview",
            View::Sources => "sources",
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            View::Compare => "Compare",
            View::Reader => "Read articles",
            View::Overview => "Overview",
            View::Sources => "Sources",
        }
    }
    pub fn parse(id: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.id() == id)
    }
}

/// What a row of the comparison shows: a link of some relation, or a claim only one source has.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RowKind {
    Same,
    Related,
    Tension,
    OnlyA,
    OnlyB,
}

impl RowKind {
    pub const ALL: [RowKind; 5] = [RowKind::Same, RowKind::Related, RowKind::Tension, RowKind::OnlyA, RowKind::OnlyB];

    pub fn id(self) -> &'static str {
        match self {
            RowKind::Same => "same",
            RowKind::Related => "related",
            RowKind::Tension => "tension",
            RowKind::OnlyA => "only-a",
            RowKind::OnlyB => "only-b",
        }
    }
    /// The filter's name for it.
    pub fn label(self) -> &'static str {
        match self {
            RowKind::Same => "Shared",
            RowKind::Related => "Related",
            RowKind::Tension => "Tension",
            RowKind::OnlyA => "Only A",
            RowKind::OnlyB => "Only B",
        }
    }
    /// Its name in a count ("3 only in A").
    pub fn counted(self) -> &'static str {
        match self {
            RowKind::Same => "shared",
            RowKind::Related => "related",
            RowKind::Tension => "in tension",
            RowKind::OnlyA => "only in A",
            RowKind::OnlyB => "only in B",
        }
    }
    /// What a row of this kind says, in a sentence's words.
    pub fn description(self) -> &'static str {
        match self {
            RowKind::Same => "Both report it",
            RowKind::Related => "Same subject, different details",
            RowKind::Tension => "They point different ways",
            RowKind::OnlyA => "Only Source A reports it",
            RowKind::OnlyB => "Only Source B reports it",
        }
    }
    /// A text icon, so the relation never rests on colour alone.
    pub fn icon(self) -> &'static str {
        match self {
            RowKind::Same => "=",
            RowKind::Related => "\u{2248}",
            RowKind::Tension => "\u{2260}",
            RowKind::OnlyA => "A",
            RowKind::OnlyB => "B",
        }
    }
    pub fn parse(id: &str) -> Option<RowKind> {
        RowKind::ALL.into_iter().find(|k| k.id() == id)
    }
    fn of(relation: Relation) -> RowKind {
        match relation {
            Relation::Same => RowKind::Same,
            Relation::Related => RowKind::Related,
            Relation::Tension => RowKind::Tension,
        }
    }
}

/// One row of the comparison view: indices into `Comparison::claims` and `links`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub kind: RowKind,
    pub a: Option<usize>,
    pub b: Option<usize>,
    pub link: Option<usize>,
}

impl Row {
    fn claims<'c>(&self, c: &'c Comparison) -> impl Iterator<Item = &'c Claim> {
        self.a.iter().chain(&self.b).map(|&i| &c.claims[i])
    }
    pub fn link<'c>(&self, c: &'c Comparison) -> Option<&'c Link> {
        self.link.map(|l| &c.links[l])
    }
    pub fn has_topic(&self, c: &Comparison, topic: &str) -> bool {
        self.claims(c).any(|claim| claim.topics.iter().any(|t| t == topic))
    }
}

/// Every row: each link (in A's order), then the claims only A reports, then only B.
pub fn rows(c: &Comparison) -> Vec<Row> {
    let index = |id: &str| c.claims.iter().position(|claim| claim.id == id);
    let mut rows: Vec<Row> = c
        .links
        .iter()
        .enumerate()
        .filter_map(|(l, link)| {
            Some(Row {
                kind: RowKind::of(link.relation),
                a: Some(index(&link.a)?),
                b: Some(index(&link.b)?),
                link: Some(l),
            })
        })
        .collect();
    order::sort_by_key(&mut rows, |r| (r.a, r.b));
    for (side, kind) in [(Side::A, RowKind::OnlyA), (Side::B, RowKind::OnlyB)] {
        for claim in c.unlinked(side) {
            let i = index(&claim.id);
            let (a, b) = if side == Side::A { (i, None) } else { (None, i) };
            rows.push(Row { kind, a, b, link: None });
        }
    }
    rows
}

/// A full-text query: every word (by its stemmed key) must occur in the claim, in
/// its words or in the names of the entities it mentions.
///
/// The page carries neither the tokenizer's Unicode tables nor the stemmer: the
/// core ships where each claim's words stand (`Features::words`) and the keys of
/// the comparison's words (`Comparison::stems`). A query word is read through
/// those keys, so it finds every form of itself the comparison has; a form the
/// comparison lacks ("banning" beside "ban" and "banned") finds only itself.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    /// Per query word, the normal forms of the comparison's words that share its key.
    terms: Vec<Vec<String>>,
}

/// The key of a word of the comparison in normal form.
fn key_of<'a>(c: &'a Comparison, norm: &'a str) -> &'a str {
    c.stems.binary_search_by(|(n, _)| n.as_str().cmp(norm)).map_or(norm, |i| c.stems[i].1.as_str())
}

/// The normal forms of the words of a typed query or an entity's name: cut at the
/// tokenizer's ASCII word boundaries, a run with other characters at whitespace
/// and punctuation (short text, mostly ASCII: no Unicode word-break tables).
fn phrase_norms(text: &str) -> Vec<String> {
    let apostrophe = |c: char| matches!(c, '\'' | '\u{2018}' | '\u{2019}' | '\u{02BC}');
    let mut norms = Vec::new();
    for chunk in text.split_whitespace() {
        let mut push = |word: &str| {
            if word.chars().any(char::is_alphanumeric) {
                norms.push(tokens::normalize_word(word));
            }
        };
        if chunk.is_ascii() {
            tokens::ascii_word_bounds(chunk.as_bytes()).for_each(|r| push(&chunk[r]));
        } else {
            chunk.split(|c: char| !c.is_alphanumeric() && !apostrophe(c)).for_each(&mut push);
        }
    }
    norms
}

impl Query {
    pub fn parse(text: &str, c: &Comparison) -> Query {
        let terms = phrase_norms(text);
        let content: Vec<&String> = terms.iter().filter(|n| !tokens::is_stopword(n)).collect();
        // A query of only function words still searches for them.
        let chosen: Vec<&String> = if content.is_empty() { terms.iter().collect() } else { content };
        let mut keys: Vec<&str> = chosen.into_iter().map(|n| key_of(c, n)).collect();
        keys.dedup();
        let forms = |key: &str| {
            let mut forms: Vec<String> = c.stems.iter().filter(|(_, k)| k == key).map(|(n, _)| n.clone()).collect();
            if key_of(c, key) == key {
                forms.push(key.to_owned());
            }
            forms
        };
        Query { terms: keys.into_iter().map(forms).collect() }
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// Whether a word in normal form is one of the query's.
    fn finds(&self, norm: &str) -> bool {
        self.terms.iter().any(|forms| forms.iter().any(|f| f == norm))
    }

    pub fn matches(&self, claim: &Claim) -> bool {
        if self.terms.is_empty() {
            return true;
        }
        let words: Vec<String> = claim.features.words().map(|r| tokens::normalize_word(&claim.text[r])).collect();
        let names: Vec<String> = claim.entities.iter().flat_map(|e| phrase_norms(e)).collect();
        self.terms.iter().all(|forms| forms.iter().any(|f| words.contains(f) || names.contains(f)))
    }

    /// Where the query's words occur in the claim text.
    pub fn hits(&self, claim: &Claim) -> Vec<Range<usize>> {
        if self.terms.is_empty() {
            return Vec::new();
        }
        let mut hits: Vec<Range<usize>> =
            claim.features.words().filter(|r| self.finds(&tokens::normalize_word(&claim.text[r.clone()]))).collect();
        for mention in &claim.features.mentions {
            if !mention.span.is_empty() && phrase_norms(&mention.name).iter().any(|n| self.finds(n)) {
                hits.push(mention.span.clone());
            }
        }
        hits
    }
}

/// A small ordered set: a sorted vector without duplicates (filters hold a handful
/// of items, and one generic vector costs the wasm less than a tree set per type).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Set<T>(Vec<T>);

impl<T> Default for Set<T> {
    fn default() -> Self {
        Set(Vec::new())
    }
}

impl<T: Ord> Set<T> {
    pub fn contains<Q: Ord + ?Sized>(&self, item: &Q) -> bool
    where
        T: Borrow<Q>,
    {
        self.0.binary_search_by(|x| x.borrow().cmp(item)).is_ok()
    }
    pub fn insert(&mut self, item: T) {
        if let Err(i) = self.0.binary_search(&item) {
            self.0.insert(i, item);
        }
    }
    /// Adds the item, or removes it if it was there.
    pub fn toggle(&mut self, item: T) {
        match self.0.binary_search(&item) {
            Ok(i) => {
                self.0.remove(i);
            }
            Err(i) => self.0.insert(i, item),
        }
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    pub fn iter(&self) -> std::slice::Iter<'_, T> {
        self.0.iter()
    }
}

/// The filters of the comparison view. Empty means "everything".
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filters {
    /// Topic ids; a row fits when it has any of them.
    pub topics: Set<String>,
    pub kinds: Set<RowKind>,
    /// An entity name; a row fits when either claim mentions it.
    pub entity: Option<String>,
    pub query: String,
}

impl Filters {
    pub fn is_empty(&self) -> bool {
        self.topics.is_empty() && self.kinds.is_empty() && self.entity.is_none() && self.query.trim().is_empty()
    }

    pub fn fits(&self, row: &Row, c: &Comparison, query: &Query) -> bool {
        (self.topics.is_empty() || self.topics.iter().any(|t| row.has_topic(c, t)))
            && (self.kinds.is_empty() || self.kinds.contains(&row.kind))
            && self.entity.as_ref().is_none_or(|e| row.claims(c).any(|claim| claim.entities.contains(e)))
            && row.claims(c).any(|claim| query.matches(claim))
    }

    /// Whether a claim (in the reader view) passes the topic, entity and search filters.
    pub fn fits_claim(&self, claim: &Claim, query: &Query) -> bool {
        (self.topics.is_empty() || claim.topics.iter().any(|t| self.topics.contains(t)))
            && self.entity.as_ref().is_none_or(|e| claim.entities.contains(e))
            && query.matches(claim)
    }
}

/// Rows per kind.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub same: usize,
    pub related: usize,
    pub tension: usize,
    pub only_a: usize,
    pub only_b: usize,
}

impl Counts {
    pub fn of<'r>(rows: impl IntoIterator<Item = &'r Row>) -> Counts {
        let mut counts = Counts::default();
        for row in rows {
            *counts.get_mut(row.kind) += 1;
        }
        counts
    }
    fn get_mut(&mut self, kind: RowKind) -> &mut usize {
        match kind {
            RowKind::Same => &mut self.same,
            RowKind::Related => &mut self.related,
            RowKind::Tension => &mut self.tension,
            RowKind::OnlyA => &mut self.only_a,
            RowKind::OnlyB => &mut self.only_b,
        }
    }
    pub fn get(&self, kind: RowKind) -> usize {
        match kind {
            RowKind::Same => self.same,
            RowKind::Related => self.related,
            RowKind::Tension => self.tension,
            RowKind::OnlyA => self.only_a,
            RowKind::OnlyB => self.only_b,
        }
    }
    pub fn total(&self) -> usize {
        RowKind::ALL.iter().map(|&k| self.get(k)).sum()
    }
    /// "12 rows: 1 shared, 8 related, 3 tension, 7 only in A, 10 only in B".
    pub fn summary(&self) -> String {
        let parts: Vec<String> = RowKind::ALL
            .iter()
            .filter(|&&k| self.get(k) > 0)
            .map(|&k| format!("{} {}", self.get(k), k.counted()))
            .collect();
        let total = self.total();
        let rows = if total == 1 { "row" } else { "rows" };
        if parts.is_empty() { format!("{total} {rows}") } else { format!("{total} {rows}: {}", parts.join(", ")) }
    }
}

/// Rows under one topic heading.
#[derive(Clone, Debug, PartialEq)]
pub struct Group {
    /// Topic id, or `None` for claims without a topic.
    pub topic: Option<String>,
    pub label: String,
    pub rows: Vec<Row>,
    pub counts: Counts,
}

/// The visible rows, grouped by topic. A row stands under one group: the first
/// selected topic it has, or else its own first topic (for a link, the first topic
/// both claims share), in topic-set order.
pub fn groups(c: &Comparison, filters: &Filters) -> Vec<Group> {
    let query = Query::parse(&filters.query, c);
    let mut groups: Vec<Group> = c
        .topics
        .iter()
        .map(|t| Group {
            topic: Some(t.id.clone()),
            label: t.label.clone(),
            rows: Vec::new(),
            counts: Counts::default(),
        })
        .collect();
    groups.push(Group { topic: None, label: "Other claims".into(), rows: Vec::new(), counts: Counts::default() });
    for row in rows(c).into_iter().filter(|r| filters.fits(r, c, &query)) {
        let home = primary_topic(&row, c, filters);
        let index =
            home.and_then(|t| groups.iter().position(|g| g.topic.as_deref() == Some(t))).unwrap_or(groups.len() - 1);
        groups[index].rows.push(row);
    }
    groups.retain(|g| !g.rows.is_empty());
    for group in &mut groups {
        group.counts = Counts::of(&group.rows);
    }
    groups
}

fn primary_topic<'c>(row: &Row, c: &'c Comparison, filters: &Filters) -> Option<&'c str> {
    let ordered = c.topics.iter().map(|t| t.id.as_str());
    if !filters.topics.is_empty() {
        return ordered.clone().find(|t| filters.topics.contains(*t) && row.has_topic(c, t));
    }
    let a = row.a.map(|i| &c.claims[i]);
    let b = row.b.map(|i| &c.claims[i]);
    let has = |claim: Option<&Claim>, t: &str| claim.is_some_and(|cl| cl.topics.iter().any(|x| x == t));
    match (a, b) {
        (Some(_), Some(_)) => ordered
            .clone()
            .find(|t| has(a, t) && has(b, t))
            .or_else(|| ordered.clone().find(|t| has(a, t)))
            .or_else(|| ordered.clone().find(|t| has(b, t))),
        (Some(_), None) => ordered.clone().find(|t| has(a, t)),
        (None, Some(_)) => ordered.clone().find(|t| has(b, t)),
        (None, None) => None,
    }
}

/// One entry of the comparison view's list.
#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    /// The heading of `groups[i]`.
    Heading(usize),
    Row {
        row: Row,
        visible: bool,
    },
}

/// The comparison view as one list: each visible group's heading and rows, then
/// every other row, hidden. Rows stay in the page across filter changes, so a
/// change moves and hides rows instead of building them again.
pub fn layout(all: &[Row], groups: &[Group]) -> Vec<Item> {
    let mut items = Vec::with_capacity(all.len() + groups.len());
    for (i, group) in groups.iter().enumerate() {
        items.push(Item::Heading(i));
        items.extend(group.rows.iter().map(|row| Item::Row { row: row.clone(), visible: true }));
    }
    let shown = |row: &Row| groups.iter().any(|g| g.rows.contains(row));
    items.extend(all.iter().filter(|row| !shown(row)).map(|row| Item::Row { row: row.clone(), visible: false }));
    items
}

/// Per topic: how many claims of each source have it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TopicCount {
    pub id: String,
    pub label: String,
    pub description: String,
    pub a: usize,
    pub b: usize,
}

impl TopicCount {
    /// A topic only one source covers: its blind spot in the other.
    pub fn blind_spot(&self) -> Option<Side> {
        match (self.a, self.b) {
            (0, b) if b > 0 => Some(Side::A),
            (a, 0) if a > 0 => Some(Side::B),
            _ => None,
        }
    }
}

pub fn topic_counts(c: &Comparison) -> Vec<TopicCount> {
    c.topics
        .iter()
        .map(|t| {
            let count = |side| c.claims_of(side).filter(|cl| cl.topics.contains(&t.id)).count();
            TopicCount {
                id: t.id.clone(),
                label: t.label.clone(),
                description: t.description.clone(),
                a: count(Side::A),
                b: count(Side::B),
            }
        })
        .collect()
}

/// A stretch of claim text and how it is marked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment {
    pub range: Range<usize>,
    /// Words the two claims of a link share.
    pub shared: bool,
    /// Words the search found.
    pub hit: bool,
}

/// Cuts `text` into segments marked as shared (ranges in `shared`) or as search hits.
pub fn segments(text: &str, shared: &[Range<usize>], hits: &[Range<usize>]) -> Vec<Segment> {
    let mut cuts: Vec<usize> = vec![0, text.len()];
    for r in shared.iter().chain(hits) {
        if r.start < r.end && r.end <= text.len() && text.is_char_boundary(r.start) && text.is_char_boundary(r.end) {
            cuts.push(r.start);
            cuts.push(r.end);
        }
    }
    order::sort_by_key(&mut cuts, |&x| x);
    cuts.dedup();
    let within = |ranges: &[Range<usize>], s: usize, e: usize| ranges.iter().any(|r| r.start <= s && e <= r.end);
    let mut out: Vec<Segment> = Vec::new();
    for pair in cuts.windows(2) {
        let (s, e) = (pair[0], pair[1]);
        if s == e {
            continue;
        }
        let seg = Segment { range: s..e, shared: within(shared, s, e), hit: within(hits, s, e) };
        match out.last_mut() {
            Some(last) if last.shared == seg.shared && last.hit == seg.hit => last.range.end = e,
            _ => out.push(seg),
        }
    }
    out
}

/// Where a claim names what another claim also names (a word stem, an entity or
/// a concept): its words to highlight beside that claim.
pub fn shared_spans(claim: &Claim, other: &Claim) -> Vec<Range<usize>> {
    claim
        .features
        .spans
        .iter()
        .filter(|(key, _)| other.features.terms.contains_key(key))
        .map(|(_, r)| r.clone())
        .collect()
}

/// What is selected: one claim, or a pair of claims (from the heatmap or a row).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Selection {
    Claim(String),
    Pair(String, String),
}

impl Selection {
    /// Claim ids the selection covers.
    pub fn ids(&self) -> Vec<&str> {
        match self {
            Selection::Claim(id) => vec![id.as_str()],
            Selection::Pair(a, b) => vec![a.as_str(), b.as_str()],
        }
    }
}

/// Everything the URL carries: the view, the filters and the selection.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UrlState {
    pub view: View,
    pub filters: Filters,
    pub selection: Option<Selection>,
    /// The sources compared (ids of A and B), when not the embedded story.
    pub pair: Option<(String, String)>,
}

impl UrlState {
    /// The sources a URL asks to compare (`a` and `b`), if it names both.
    pub fn pair_of(pairs: &[(String, String)]) -> Option<(String, String)> {
        let get = |key: &str| pairs.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone());
        Some((get("a")?, get("b")?))
    }

    /// Reads query parameters (already percent-decoded). Unknown or malformed values
    /// are dropped; the second value names them, for a notice.
    pub fn from_pairs(pairs: &[(String, String)], c: &Comparison) -> (UrlState, Vec<String>) {
        let mut state = UrlState::default();
        let mut problems = Vec::new();
        for (key, value) in pairs {
            match key.as_str() {
                "view" => match View::parse(value) {
                    Some(v) => state.view = v,
                    None => problems.push(format!("view \u{201C}{value}\u{201D}")),
                },
                "topics" => {
                    for id in value.split(',').filter(|s| !s.is_empty()) {
                        if c.topics.iter().any(|t| t.id == id) {
                            state.filters.topics.insert(id.to_owned());
                        } else {
                            problems.push(format!("topic \u{201C}{id}\u{201D}"));
                        }
                    }
                }
                "show" => {
                    for id in value.split(',').filter(|s| !s.is_empty()) {
                        match RowKind::parse(id) {
                            Some(k) => {
                                state.filters.kinds.insert(k);
                            }
                            None => problems.push(format!("relation \u{201C}{id}\u{201D}")),
                        }
                    }
                }
                "entity" => {
                    if c.claims.iter().any(|cl| cl.entities.contains(value)) {
                        state.filters.entity = Some(value.clone());
                    } else {
                        problems.push(format!("entity \u{201C}{value}\u{201D}"));
                    }
                }
                "q" => state.filters.query = value.chars().take(200).collect(),
                "claim" => match c.claim(value) {
                    Some(_) => state.selection = Some(Selection::Claim(value.clone())),
                    None => problems.push(format!("claim \u{201C}{value}\u{201D}")),
                },
                "pair" => match value.split_once('~') {
                    Some((a, b)) if c.claim(a).is_some() && c.claim(b).is_some() => {
                        state.selection = Some(Selection::Pair(a.to_owned(), b.to_owned()));
                    }
                    _ => problems.push(format!("pair \u{201C}{value}\u{201D}")),
                },
                // Parameters of the sources picker and the like are read elsewhere.
                "a" | "b" => {}
                other => problems.push(format!("parameter \u{201C}{other}\u{201D}")),
            }
        }
        (state, problems)
    }

    /// The query parameters for this state (not yet percent-encoded); defaults are left out.
    pub fn to_pairs(&self) -> Vec<(&'static str, String)> {
        let mut pairs = Vec::new();
        if self.view != View::Compare {
            pairs.push(("view", self.view.id().to_owned()));
        }
        if !self.filters.topics.is_empty() {
            pairs.push(("topics", self.filters.topics.iter().cloned().collect::<Vec<_>>().join(",")));
        }
        if !self.filters.kinds.is_empty() {
            pairs.push(("show", self.filters.kinds.iter().map(|k| k.id()).collect::<Vec<_>>().join(",")));
        }
        if let Some(e) = &self.filters.entity {
            pairs.push(("entity", e.clone()));
        }
        if !self.filters.query.trim().is_empty() {
            pairs.push(("q", self.filters.query.clone()));
        }
        match &self.selection {
            Some(Selection::Claim(id)) => pairs.push(("claim", id.clone())),
            Some(Selection::Pair(a, b)) => pairs.push(("pair", format!("{a}~{b}"))),
            None => {}
        }
        if let Some((a, b)) = &self.pair {
            pairs.push(("a", a.clone()));
            pairs.push(("b", b.clone()));
        }
        pairs
    }
}

/// The comparison restricted to what the filters show, for export: the visible
/// rows' claims and links (topics and sources unchanged).
pub fn filtered<'c>(c: &'c Comparison, filters: &Filters) -> Subset<'c> {
    if filters.is_empty() {
        return Subset::all(c);
    }
    let query = Query::parse(&filters.query, c);
    let visible: Vec<Row> = rows(c).into_iter().filter(|r| filters.fits(r, c, &query)).collect();
    let mut claims: Vec<usize> = visible.iter().flat_map(|r| r.a.into_iter().chain(r.b)).collect();
    let mut links: Vec<usize> = visible.iter().filter_map(|r| r.link).collect();
    for ids in [&mut claims, &mut links] {
        order::sort_by_key(ids, |&x| x);
        ids.dedup();
    }
    Subset {
        comparison: c,
        claims: claims.iter().map(|&i| &c.claims[i]).collect(),
        links: links.iter().map(|&l| &c.links[l]).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_merge_and_mark() {
        let text = "HMS cannot replace GMS";
        let hits = [4..10, 4..6];
        let segs = segments(text, &[0..3, 19..22], &hits);
        let got: Vec<(&str, bool, bool)> = segs.iter().map(|s| (&text[s.range.clone()], s.shared, s.hit)).collect();
        assert_eq!(
            got,
            [
                ("HMS", true, false),
                (" ", false, false),
                ("cannot", false, true),
                (" replace ", false, false),
                ("GMS", true, false)
            ]
        );
    }

    /// The search over the shipped word spans and stems finds what the tokenizer and
    /// the stemmer find, for every word of the embedded comparison as a query (a form
    /// the comparison lacks is the one known difference, see [`Query`]).
    #[test]
    fn search_without_the_tokenizer_finds_what_the_tokenizer_finds() {
        use tokens::Token;
        let c = crate::analysis::compare_embedded();
        let reference = |query: &str, claim: &Claim| -> (bool, Vec<Range<usize>>) {
            let terms: Vec<Token> = tokens::tokenize(query).into_iter().filter(Token::is_term).collect();
            let content: Vec<&Token> = terms.iter().filter(|t| !t.is_stopword()).collect();
            let chosen: Vec<&Token> = if content.is_empty() { terms.iter().collect() } else { content };
            let mut keys: Vec<String> = chosen.into_iter().map(|t| t.key.to_string()).collect();
            keys.dedup();
            let words: Vec<String> = tokens::tokenize(&claim.text).into_iter().map(|t| t.key.into()).collect();
            let names: Vec<String> = claim.entities.iter().flat_map(|e| tokens::phrase_keys(e)).collect();
            let matches = keys.iter().all(|k| words.contains(k) || names.contains(k));
            let mut hits: Vec<Range<usize>> = tokens::tokenize(&claim.text)
                .into_iter()
                .filter(|t| t.is_term() && keys.iter().any(|k| *k == t.key))
                .map(|t| t.start..t.end)
                .collect();
            for m in &claim.features.mentions {
                if !m.span.is_empty() && tokens::phrase_keys(&m.name).iter().any(|k| keys.contains(k)) {
                    hits.push(m.span.clone());
                }
            }
            (matches, hits)
        };
        let mut queries: Vec<String> = c
            .claims
            .iter()
            .flat_map(|cl| tokens::tokenize(&cl.text).into_iter().map(|t| cl.text[t.start..t.end].to_owned()))
            .chain(c.claims.iter().flat_map(|cl| cl.entities.clone()))
            .collect();
        // Phrases with punctuation and curly quotes: each claim's opening words.
        queries.extend(c.claims.iter().map(|cl| {
            let end = tokens::tokenize(&cl.text).get(7).map_or(cl.text.len(), |t| t.end);
            cl.text[..end].to_owned()
        }));
        queries.extend(["the", "the of", "U.S."].map(String::from));
        queries.sort();
        queries.dedup();
        assert!(queries.len() > 300);
        for query in &queries {
            let q = Query::parse(query, &c);
            for claim in &c.claims {
                assert_eq!((q.matches(claim), q.hits(claim)), reference(query, claim), "{query:?} in {}", claim.id);
            }
        }
    }

    #[test]
    fn counts_summary() {
        let counts = Counts { same: 1, related: 2, tension: 0, only_a: 3, only_b: 0 };
        assert_eq!(counts.summary(), "6 rows: 1 shared, 2 related, 3 only in A");
    }
}
