//! Claims: every body sentence, with what it is about and who says it.
//!
//! For each sentence of the cleaned text this stage finds entities (normalised
//! through the alias lexicon), its attribution, the numbers it gives and what they
//! count, its time expressions, its topics, and the features alignment compares.

use super::clean::{BlockKind, Cleaned};
use super::general::General;
use super::knowledge::{self, Alias, Cue, Currency, Knowledge, Scale, Unit};
use super::order;
use super::phrases::{self, PhraseMatch};
use super::sentences;
use super::text;
use super::tokens::{self, Kind, Token};
use super::topics;
use std::ops::Range;

/// A number in a claim and what it counts.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Quantity {
    /// As written, with its qualifier and counted noun: "more than 1.3 million registered developers".
    pub text: String,
    pub value: f64,
    /// What it counts ("registered developers"), or the product of a version ("Windows").
    pub counts: String,
    /// `count`, `version`, `percent` or `money`.
    pub kind: &'static str,
    /// Stemmed key of the counted noun: two quantities with the same key count the same thing.
    /// Alignment's own: not shipped with the comparison (empty on the page).
    #[serde(skip_serializing)]
    pub counts_key: String,
}

/// A [`Quantity`] as it is read back (from the worker, or the shipped embedded
/// comparison): its kind as text, made the program's own by [`super::text::static_str`].
#[derive(serde::Deserialize)]
struct QuantityData {
    text: String,
    value: f64,
    counts: String,
    kind: String,
}

impl<'de> serde::Deserialize<'de> for Quantity {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let QuantityData { text, value, counts, kind } = serde::Deserialize::deserialize(d)?;
        Ok(Quantity { text, value, counts, kind: super::text::static_str(kind), counts_key: String::new() })
    }
}

/// An entity mentioned in a claim.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Mention {
    pub name: String,
    /// `person`, `org`, `product`, `place`, `media`, `policy` (the lexicon's kinds,
    /// or guessed for a name it does not know), or `name` when nothing tells
    /// ([`knowledge::kind_class`] gives the kind a reader sees).
    pub kind: String,
    /// Byte range in the claim text; empty for a pronoun resolved to the entity.
    pub span: Range<usize>,
    /// A `person` that rests on a speech verb alone ("Microsoft said") or on two plain
    /// capitalised words ("Freedom Fabric"): [`resolve_names`] gives it the kind other
    /// evidence gives (see `weigh_evidence`).
    #[serde(skip)]
    pub weak: bool,
}

/// A claim's weighted keys, sorted by key. A claim has tens of keys, so a sorted
/// vector serves (and keeps the wasm smaller than a map type would).
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Terms(Vec<(String, f32)>);

impl Terms {
    fn find(&self, key: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|(k, _)| k.as_str().cmp(key))
    }
    fn slot(&mut self, key: &str) -> &mut f32 {
        let i = match self.find(key) {
            Ok(i) => i,
            Err(i) => {
                self.0.insert(i, (key.to_owned(), 0.0));
                i
            }
        };
        &mut self.0[i].1
    }
    /// Adds `weight` to the key's weight.
    pub fn add(&mut self, key: &str, weight: f32) {
        *self.slot(key) += weight;
    }
    /// Raises the key's weight to at least `weight`.
    pub fn raise(&mut self, key: &str, weight: f32) {
        let w = self.slot(key);
        *w = w.max(weight);
    }
    pub fn get(&self, key: &str) -> Option<f32> {
        self.find(key).ok().map(|i| self.0[i].1)
    }
    pub fn contains_key(&self, key: &str) -> bool {
        self.find(key).is_ok()
    }
    /// Keys and weights, in key order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, f32)> {
        self.0.iter().map(|(k, w)| (k.as_str(), *w))
    }
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|(k, _)| k.as_str())
    }
    /// Moves the weight of `from` onto `to` (added to any weight `to` has).
    fn rename(&mut self, from: &str, to: &str) {
        if let Ok(i) = self.find(from) {
            let (_, weight) = self.0.remove(i);
            self.add(to, weight);
        }
    }
}

/// What alignment compares, kept out of the JSON. The fields only alignment reads
/// are not shipped with the comparison (`serde(skip)`: empty on the page); the
/// page reads the keys, spans, mentions and words.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Features {
    /// Weighted keys: word stems, `@Entity` and `~concept` keys.
    pub terms: Terms,
    /// Where each key occurs in the claim text (for highlighting).
    pub spans: Vec<(String, Range<usize>)>,
    /// Keys of predicates under a negation ("cannot *replace*"), with the span of
    /// the negated phrase in the claim text.
    #[serde(skip)]
    pub negated: Vec<(String, Range<usize>)>,
    /// Outlook cue words: +1 hopeful, -1 doubtful, with the words as written.
    #[serde(skip)]
    pub outlook: Vec<(i32, String)>,
    pub mentions: Vec<Mention>,
    /// Names that need another mention to confirm them (see [`resolve_names`]).
    #[serde(skip)]
    pub candidates: Vec<Mention>,
    /// A pronoun read as an entity: ("It", "Boeing").
    #[serde(skip)]
    pub resolved: Option<(String, String)>,
    /// Where each word and number of the claim text stands, as the tokenizer cuts it
    /// (for the explorer's search: see [`super::compare::Comparison::stems`]): per
    /// word the bytes since the previous word's end, then its length (small numbers:
    /// a byte each in postcard, where a range took four). [`Features::words`] reads it.
    #[serde(default)]
    pub word_steps: Vec<u32>,
}

impl Features {
    /// Where the claim first names `key`.
    pub fn span_of(&self, key: &str) -> Option<Range<usize>> {
        self.spans.iter().find(|(k, _)| k == key).map(|(_, r)| r.clone())
    }

    /// The byte ranges of the claim's words (see `word_steps`).
    pub fn words(&self) -> impl Iterator<Item = Range<usize>> + '_ {
        let mut end = 0;
        self.word_steps.chunks_exact(2).map(move |step| {
            let start = end + step[0] as usize;
            end = start + step[1] as usize;
            start..end
        })
    }

    /// Records `words` (byte ranges in order) as `word_steps`.
    pub fn set_words(&mut self, words: impl Iterator<Item = Range<usize>>) {
        let mut end = 0;
        self.word_steps = words
            .flat_map(|r| {
                let step = [(r.start - end) as u32, r.len() as u32];
                end = r.end;
                step
            })
            .collect();
    }

    /// The surface words of the claim behind `key`, as written.
    pub fn surface<'t>(&self, key: &str, text: &'t str) -> Option<&'t str> {
        self.spans.iter().find(|(k, r)| k == key && !r.is_empty()).map(|(_, r)| &text[r.clone()])
    }
}

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Claim {
    /// "A3": the source's letter in the comparison and the claim's position in it.
    pub id: String,
    /// The source's id.
    pub source: String,
    /// The section heading the claim stands under, if any.
    #[serde(default)]
    pub section: Option<String>,
    pub text: String,
    /// Byte offsets into the source's cleaned text.
    pub start: usize,
    pub end: usize,
    #[serde(default)]
    pub topics: Vec<String>,
    /// Per topic, the words that matched it.
    #[serde(default)]
    pub evidence: topics::Evidence,
    #[serde(default)]
    pub entities: Vec<String>,
    #[serde(default)]
    pub attribution: Option<String>,
    #[serde(default)]
    pub numbers: Vec<Quantity>,
    #[serde(default)]
    pub times: Vec<String>,
    pub features: Features,
}

/// Extracts the claims of one cleaned source. `letter` prefixes the ids ("A").
pub fn extract(cleaned: &Cleaned, source_id: &str, letter: &str, knowledge: &Knowledge) -> Vec<Claim> {
    extract_keeping(cleaned, source_id, letter, knowledge, None)
}

/// [`extract`], and when `kept` is given, each claim's tokens pushed onto it (in
/// claim order, as [`tokens::tokenize`] gives them for the claim's text): later
/// stages read them instead of tokenizing the claims again.
pub fn extract_keeping(
    cleaned: &Cleaned,
    source_id: &str,
    letter: &str,
    knowledge: &Knowledge,
    mut kept: Option<&mut Vec<Vec<Token>>>,
) -> Vec<Claim> {
    let mut claims: Vec<Claim> = Vec::new();
    let mut section: Option<String> = None;
    let mut attributions: Vec<String> = Vec::new();
    let mut people: Vec<String> = Vec::new();
    let mut tokenizer = tokens::Tokenizer::default();
    // A quotation over paragraphs keeps its speaker: a paragraph that leaves its
    // quote open, then one that opens with a quote mark (the newswire way: `Bailey
    // said: “Inflation is falling.` / `“We know…`).
    let mut speaking: Option<String> = None;
    for block in &cleaned.blocks {
        let block_text = cleaned.block_text(block);
        if block.kind == BlockKind::Heading {
            section = Some(block_text.to_owned());
            speaking = None;
            continue;
        }
        let reopens =
            block_text.trim_start().starts_with(['\u{201C}', '"']) || block_text.trim_start().starts_with("``");
        let carried = speaking.take().filter(|_| reopens);
        let mut quote_open = false;
        let mut quoted_for = 0;
        let mut previous: Option<usize> = None;
        for sentence in sentences::split(block_text) {
            let text = sentence.text;
            let tokens = tokenizer.tokenize(&text);
            let mut claim = Claim {
                id: format!("{letter}{}", claims.len() + 1),
                source: source_id.to_owned(),
                section: section.clone(),
                start: block.start + sentence.start,
                end: block.start + sentence.end,
                topics: Vec::new(),
                evidence: Vec::new(),
                entities: Vec::new(),
                attribution: None,
                numbers: Vec::new(),
                times: Vec::new(),
                features: Features::default(),
                text: String::new(),
            };
            let alias_matches = knowledge.find_aliases(tokens, &text);
            claim.features.mentions =
                mentions(tokens, &text, &alias_matches, knowledge, &mut claim.features.candidates);
            let previous_claim = previous.map(|i| &claims[i]);
            // The attribution cues, found once for the three readings that look at them.
            let cues = knowledge.attribution.find(tokens, &text);
            claim.features.resolved = resolve_pronoun(tokens, &text, &cues, previous_claim);
            claim.attribution = attribution(tokens, &text, knowledge, &cues, &alias_matches, &attributions, &people);
            // A quotation over a few sentences keeps its speaker; a quote mark left open
            // (pages often lose the closing one) does not run on for good.
            let closes_first = text.trim_start().starts_with(['\u{201D}', '"']) || text.trim_start().starts_with("''");
            if claim.attribution.is_none() && quote_open && !closes_first && quoted_for <= QUOTE_MAX_SENTENCES {
                claim.attribution = previous_claim.and_then(|c| c.attribution.clone());
            }
            if claim.attribution.is_none() && previous.is_none() {
                claim.attribution.clone_from(&carried);
            }
            if let Some(a) = &claim.attribution {
                attributions.push(a.clone());
            }
            // The people named, for "he said": speakers named by name, and persons.
            for m in &claim.features.mentions {
                if m.kind == "person" && !m.span.is_empty() {
                    people.push(m.name.clone());
                }
            }
            if let Some(a) = claim.attribution.as_deref().and_then(|a| speaker_name(a, knowledge)) {
                people.push(a);
            }
            let was_open = quote_open;
            quote_open = quote_state(&text, quote_open);
            quoted_for = if quote_open && was_open { quoted_for + 1 } else { 1 };
            let time_spans = times(tokens, &text, knowledge);
            claim.times = Vec::new();
            for &(first, last) in &time_spans {
                let time = without_possessive(&text[tokens[first].start..abbreviation_end(tokens, &text, last)]);
                // "9pm local time (9pm Singapore time)": one time.
                if !claim.times.iter().any(|t| t == time) {
                    claim.times.push(time.to_owned());
                }
            }
            claim.numbers = quantities(tokens, &text, knowledge, &cues, &time_spans);
            claim.features.negated = negated(tokens, &text, knowledge, &alias_matches);
            claim.features.outlook = knowledge
                .outlook
                .find(tokens, &text)
                .iter()
                .flat_map(|m| m.values.iter().map(|&p| (p, text[m.span(tokens)].to_owned())))
                .collect();
            let (topic_ids, evidence) = topics::tag(tokens, &text, knowledge);
            claim.topics = topic_ids;
            claim.evidence = evidence;
            (claim.features.terms, claim.features.spans) = terms(tokens, &alias_matches, &time_spans, knowledge);
            if let Some((_, name)) = &claim.features.resolved {
                add_entity_terms(&mut claim.features.terms, name, knowledge, 1.0);
                claim.features.mentions.push(Mention {
                    name: name.clone(),
                    kind: entity_kind(knowledge, name),
                    span: 0..0,
                    weak: false,
                });
            }
            for mention in &claim.features.mentions {
                if !claim.entities.contains(&mention.name) {
                    claim.entities.push(mention.name.clone());
                }
            }
            claim.text = text;
            if let Some(kept) = kept.as_deref_mut() {
                kept.push(tokens.to_vec());
            }
            previous = Some(claims.len());
            claims.push(claim);
        }
        speaking = previous.filter(|_| quote_open).and_then(|i| claims[i].attribution.clone());
    }
    claims
}

fn entity_kind(knowledge: &Knowledge, name: &str) -> String {
    knowledge.entity_index(name).map_or_else(|| "name".to_owned(), |i| knowledge.entities[i].kind.to_owned())
}

/// Entities: lexicon aliases first; an organisation or product followed by more
/// capitalised words names a product of its own ("Boeing Dreamliner"), a place followed
/// by them a name of its own ("Ethiopian Airlines"); then runs of capitalised words
/// (with hyphens and particles: "Jean-Claude Gallet", "Charles de Gaulle"), without
/// titles ("President") and possessives ("France's"). A lone capitalised word that
/// opens the sentence, and every name of a Title Case headline, is only a candidate
/// (`candidates`): [`resolve_names`] keeps it when another mention confirms it.
fn mentions(
    tokens: &[Token],
    text: &str,
    aliases: &[PhraseMatch<Alias>],
    knowledge: &Knowledge,
    candidates: &mut Vec<Mention>,
) -> Vec<Mention> {
    let mut covered = vec![false; tokens.len()];
    let mut title = vec![false; tokens.len()];
    // A one-word title before no name may be a surname ("King said" with "Billy King"
    // elsewhere): a candidate.
    let mut lone_title = vec![false; tokens.len()];
    for m in knowledge.titles.find(tokens, text) {
        // A title stands before a name; after a capitalised word and before none it
        // ends a name ("Billy King announced", "Department of Criminal Justice").
        let after_word = m.first > 0
            && tokens[m.first - 1].kind == Kind::Word
            && tokens[m.first - 1].is_capitalized(text)
            && !tokens[m.first - 1].is_stopword()
            && !tokens[m.first].gap_before;
        // "Col. Irham": a title's dot stands between it and the name.
        let after_title = if tokens.get(m.last + 1).is_some_and(|t| t.norm == ".") { m.last + 1 } else { m.last };
        let before_name = next_term(tokens, after_title)
            .is_some_and(|n| !tokens[n].gap_before && tokens[n].kind == Kind::Word && tokens[n].is_capitalized(text));
        lone_title[m.first] = m.first == m.last && !after_word && !before_name;
        // An honorific after a capitalised word is a word of that name ("Notre Dame
        // Cathedral"), where a role word is a title ("Health Minister Carlos Vallejos").
        let in_name = after_word && m.first == m.last && knowledge::honorifics().contains(&tokens[m.first].norm);
        if (!after_word || before_name) && !in_name {
            title[m.first..=m.last].iter_mut().for_each(|c| *c = true);
        }
    }
    let mut out = Vec::new();
    let first_word = tokens.iter().position(Token::is_term);
    // Where a word is capitalised by its place: the sentence's first word, or the first
    // after a colon or an opening quote ("NCAA: Improper gifts", "‘Freeze,’ he said").
    let opens = |i: usize| {
        // Curly and backtick quotes open by their shape; a straight one by its place.
        let opening_quote = |q: &Token| {
            matches!(q.norm.as_str(), "\u{201c}" | "\u{2018}" | "``" | "`")
                || (matches!(q.norm.as_str(), "\"" | "'")
                    && q.end == tokens[i].start
                    && text[..q.start].chars().next_back().is_none_or(char::is_whitespace))
        };
        Some(i) == first_word || i.checked_sub(1).is_some_and(|p| tokens[p].norm == ":" || opening_quote(&tokens[p]))
    };
    // "Commerce Secretary", "the Interior and Commerce departments": a portfolio is a
    // word of the title or the department, not a name of its own ("the Interior
    // Department" is a name).
    let portfolio = |k: usize| knowledge::portfolios().contains(tokens[k].text(text));
    let of_title = |k: usize| {
        portfolio(k)
            && next_term(tokens, k).is_some_and(|n| {
                let lower = tokens[n].text(text).starts_with(char::is_lowercase);
                let department =
                    knowledge::organisation_heads().contains(&capitalised(tokens[n].norm.trim_end_matches('s')));
                (department && lower)
                    || (!department && (title[n] || is_role(&tokens[n], text, knowledge)))
                    || (tokens[n].norm == "and" && next_term(tokens, n).is_some_and(portfolio))
            })
    };
    let is_name_word = |i: usize, covered: &[bool]| {
        let t = &tokens[i];
        // "They've", "I'm": a pronoun.
        let pronoun =
            || t.norm.split(['\'', '\u{2019}']).next().is_some_and(|p| p != t.norm && knowledge.pronouns.contains(p));
        t.kind == Kind::Word
            && !covered[i]
            && !title[i]
            // Before the word look-ups: most words are in lower case.
            && t.is_capitalized(text)
            && !of_title(i)
            && !pronoun()
            && !t.is_stopword()
            && !phrases::is_month(&t.norm)
            && !phrases::is_weekday(&t.norm)
            && !knowledge::calendar_abbreviations().contains(&t.norm)
            // A number word only inside a name ("Dean Smith's Four Corners offense").
            && (phrases::number_word(&t.norm).is_none()
                || (Some(i) != first_word
                    && t.text(text).starts_with(char::is_uppercase)
                    && next_term(tokens, i).is_some_and(|n| {
                        let w = &tokens[n];
                        !w.gap_before
                            && w.kind == Kind::Word
                            && w.is_capitalized(text)
                            && !w.is_stopword()
                            && phrases::number_word(&w.norm).is_none()
                    })))
            && (t.norm.chars().count() > 1 || tokens.get(i + 1).is_some_and(|n| n.norm == "."))
            && !knowledge.is_not_name(without_possessive(t.text(text)))
            && !knowledge.time_zones.contains(t.text(text))
            // "Today", "Tonight": a time; "Last week", "This year": a time's first word;
            // "10:34 PM": its last.
            && knowledge.times.find(&tokens[i.saturating_sub(2)..tokens.len().min(i + 2)], text).iter().all(|m| {
                let at = i.min(2);
                m.first > at || m.last < at
            })
            // "Week 15", "Day 3": a duration's word before a number numbers a time.
            && !(next_term(tokens, i).is_some_and(|n| tokens[n].norm.starts_with(|c: char| c.is_ascii_digit()))
                && knowledge.unit_word(&t.norm).is_some_and(|u| u.dimension == "duration"))
            // "Juror No. 8": a role before a number is a label, no name.
            && !(is_role(t, text, knowledge)
                && next_term(tokens, i).is_some_and(|n| {
                    tokens[n].text(text) == "No"
                        && tokens.get(n + 1).is_some_and(|d| d.norm == ".")
                        && next_term(tokens, n + 1).is_some_and(|d| tokens[d].kind == Kind::Number)
                }))
    };
    let numbered = |k: usize| is_numbered_word(tokens[k].text(text));
    let title_case = is_title_case(tokens, text);
    let entity_of = |m: &PhraseMatch<Alias>| {
        m.values.iter().find_map(|v| match v {
            Alias::Entity(e) => Some(knowledge.entities[*e]),
            Alias::Concept(_) => None,
        })
    };
    // "BBC Wales", "BBC Scotland": an outlet and the place right after it are the
    // outlet's branch there, one name.
    let mut branch_places: Vec<usize> = Vec::new();
    for m in aliases {
        if branch_places.contains(&m.first) {
            continue;
        }
        let Some(entity) = entity_of(m) else { continue };
        covered[m.first..=m.last].iter_mut().for_each(|c| *c = true);
        let branch = (entity.kind == "media" && !ends_with_possessive(tokens[m.last].text(text)))
            .then(|| {
                aliases.iter().find(|p| {
                    p.first == m.last + 1
                        && tokens[p.first].start > tokens[m.last].end
                        && !tokens[p.first].gap_before
                        && tokens[p.first].is_capitalized(text)
                        && entity_of(p).is_some_and(|e| e.kind == "place")
                })
            })
            .flatten();
        if let Some(p) = branch {
            branch_places.push(p.first);
            covered[p.first..=p.last].iter_mut().for_each(|c| *c = true);
            let span = tokens[m.first].start..tokens[p.last].end;
            let name =
                format!("{} {}", entity.name, without_possessive(&text[tokens[p.first].start..tokens[p.last].end]));
            out.push(Mention { name, kind: "media".into(), span, weak: false });
            continue;
        }
        let extends = matches!(entity.kind, "org" | "product" | "place");
        let last = if extends {
            name_end(tokens, text, m.last, |k| is_name_word(k, &covered) || numbered(k), no_place)
        } else {
            m.last
        };
        // A place inside a longer name is that name alone; a maker's name stays
        // beside its product's. In a Title Case headline the longer name is only a
        // candidate.
        if last == m.last || entity.kind != "place" || title_case {
            out.push(Mention {
                name: entity.name.to_owned(),
                kind: entity.kind.to_owned(),
                span: m.span(tokens),
                weak: false,
            });
        }
        if last > m.last {
            covered[m.first..=last].iter_mut().for_each(|c| *c = true);
            let span = tokens[m.first].start..tokens[last].end;
            let kind = match entity.kind {
                "place" => guess_kind(tokens, text, m.first, last, &title, knowledge).0,
                _ => "product",
            };
            let mention = Mention {
                name: without_possessive(&text[span.clone()]).to_owned(),
                kind: kind.into(),
                span,
                weak: false,
            };
            if title_case { candidates.push(mention) } else { out.push(mention) }
        }
    }
    // Concepts cover their words too, so "OS" is not a name; but at the end of a name
    // they are its words ("Advanced Micro Devices is"), as are a team's digits
    // ("76ers"). Before more capitalised words but a head word a concept ends it: a
    // headline's verb ("Microsoft Launches Emergency Patch"; "Micro Devices Inc" goes on).
    let named = covered.clone();
    for m in aliases {
        covered[m.first..=m.last].iter_mut().for_each(|c| *c = true);
    }
    let concept_ends = |k: usize| {
        let head = |n: usize| is_head_word(tokens[n].text(text));
        !covered[k]
            || next_term(tokens, k).is_none_or(|n| !tokens[n].is_capitalized(text) || tokens[n].gap_before || head(n))
    };
    // Mid-sentence, outside a Title Case line, a capitalised function word that ends a
    // name is capitalised as a word of it ("the new Doctor Who has"); before another
    // capitalised word it is a headline's ("Secretaries Must Act", "Fix This Problem").
    let function_word_of_name = |k: usize| {
        let t = &tokens[k];
        let word = t.text(text);
        !title_case
            && !opens(k)
            && Some(k - 1) != first_word
            && t.kind == Kind::Word
            && t.is_stopword()
            && t.norm.chars().count() >= 3
            && !phrases::is_month(&t.norm)
            && word.starts_with(char::is_uppercase)
            && word.chars().skip(1).all(char::is_lowercase)
            && tokens[k - 1].is_capitalized(text)
            && tokens.get(k + 1).is_none_or(|n| match n.kind {
                // "All-American": the first part of a word; "Science Out of Endangered
                // Species": a headline's minor word before a capitalised word ("Doctor
                // Who in the British show" goes on in lower case).
                Kind::Word => {
                    !n.is_capitalized(text)
                        && (!knowledge::title_minor_words().contains(&n.norm)
                            || next_term(tokens, k + 1).is_none_or(|a| !tokens[a].is_capitalized(text)))
                }
                _ => !matches!(n.norm.as_str(), "-" | "\u{2010}" | "\u{2011}"),
            })
    };
    let continues = |k: usize| (is_name_word(k, &named) && concept_ends(k)) || numbered(k) || function_word_of_name(k);
    // A place a particle joins to a name is part of it ("Stade de Suisse", "University
    // of California"): the place's last token.
    let place_at = |k: usize| {
        aliases.iter().find_map(|m| {
            let place =
                m.values.iter().any(|v| matches!(v, Alias::Entity(e) if knowledge.entities[*e].kind == "place"));
            (m.first == k && place && tokens[k].is_capitalized(text)).then_some(m.last)
        })
    };
    let mut absorbed: Vec<Range<usize>> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if lone_title[i] && !covered[i] && tokens[i].is_capitalized(text) {
            let span = tokens[i].start..tokens[i].end;
            candidates.push(Mention {
                name: tokens[i].text(text).to_owned(),
                kind: "person".into(),
                span,
                weak: false,
            });
        }
        // A suffix does not open a name ("Tony White, Jr.").
        if !is_name_word(i, &covered) || knowledge::name_suffixes().contains(tokens[i].text(text)) {
            i += 1;
            continue;
        }
        // "E. 31st St.": a compass initial before a numbered street is a word of the
        // street's name (below), not a name of its own.
        if street_initial(tokens, text, i) {
            i += 1;
            continue;
        }
        // "Quarterback Peyton Manning", "Prosecutor Terry White": a role word before a
        // first name is the person's title, not a word of the name.
        let before_first_name = next_term(tokens, i).is_some_and(|n| {
            !tokens[n].gap_before && knowledge.is_first_name(tokens[n].text(text)) && is_name_word(n, &covered)
        });
        if before_first_name && is_role(&tokens[i], text, knowledge) {
            i += 1;
            continue;
        }
        let mut last = name_end(tokens, text, i, continues, place_at);
        // A quoted name runs over its "of" (the Pacific "Ring of Fire").
        let quote_before = i.checked_sub(1).is_some_and(|q| {
            matches!(tokens[q].norm.as_str(), "\"" | "\u{201c}" | "``" | "'" | "\u{2018}")
                && tokens[q].end == tokens[i].start
        });
        if let Some(end) = next_term(tokens, last)
            .filter(|&o| quote_before && tokens[o].norm == "of" && !tokens[o].gap_before)
            .and_then(|o| next_term(tokens, o).filter(|&y| !tokens[y].gap_before && is_name_word(y, &covered)))
            .map(|y| name_end(tokens, text, y, continues, place_at))
            .filter(|&end| {
                tokens.get(end + 1).is_some_and(|q| {
                    matches!(q.norm.as_str(), "\"" | "\u{201d}" | "''" | "'" | "\u{2019}") && q.start == tokens[end].end
                })
            })
        {
            last = end;
        }
        // "National Player of the Year", "Coach of the Month": an award runs over "of the"
        // to its period.
        let of_the = next_term(tokens, last)
            .filter(|&o| tokens[o].norm == "of" && !tokens[o].gap_before)
            .and_then(|o| next_term(tokens, o).filter(|&t| tokens[t].norm == "the" && !tokens[t].gap_before));
        if let Some(period) = of_the.and_then(|t| next_term(tokens, t)).filter(|&p| {
            !tokens[p].gap_before
                && is_name_word(p, &covered)
                && knowledge.unit_word(&tokens[p].norm).is_some_and(|u| u.dimension == "duration")
        }) {
            last = period;
        }
        // "PHILADELPHIA 76ERS Fired Jim O'Brien": after two words in capitals a word in
        // mixed case is no word of theirs (a headline in capitals runs into its text).
        let caps = |k: usize| tokens[k].kind != Kind::Word || is_acronym(tokens[k].text(text));
        let caps_words = (i..=last).take_while(|&k| caps(k)).filter(|&k| tokens[k].kind == Kind::Word).count();
        if caps_words >= 2
            && let Some(mixed) = (i..=last).find(|&k| !caps(k))
        {
            last = (i..mixed).rev().find(|&k| tokens[k].kind == Kind::Word).unwrap_or(i);
        }
        // "Palmer City Clerk Janette Bower": a role word before a first name inside the
        // run is a title between two names (the city's "Palmer", the person's "Janette
        // Bower"), with a place's head words before it ("City Clerk"; an organisation's
        // stay its name's: "Superior Court Judge James Bodiford"); "Manokwari Military
        // Commander Col. Irham": a role word before a title is part of that title.
        let mut resume = None;
        if let Some(k) = (i + 1..=last).find(|&k| {
            knowledge.is_first_name(tokens[k].text(text))
                && tokens[k - 1].kind == Kind::Word
                && is_role(&tokens[k - 1], text, knowledge)
        }) {
            // A role of more words is the title whole, and the place's head word before
            // it the place's ("Albany County District Attorney Dave Rossi").
            let phrase = knowledge
                .roles
                .find(&tokens[i..k], text)
                .iter()
                .find_map(|m| (i + m.last == k - 1 && m.first < m.last).then_some(i + m.first));
            // Role words before it join it ("Assistant District Attorney David Rossi").
            let mut r = phrase.unwrap_or(k - 1);
            while r > i
                && (is_role(&tokens[r - 1], text, knowledge)
                    || (phrase.is_none() && knowledge::place_heads().contains(tokens[r - 1].text(text))))
            {
                r -= 1;
            }
            if r == i {
                i = k;
                continue;
            }
            last = r - 1;
            resume = Some(k);
        } else if tokens.get(last + 1).is_some_and(|_| title[last + 1]) {
            let run_last = last;
            while last > i && is_role(&tokens[last], text, knowledge) && !is_head_word(tokens[last].text(text)) {
                last -= 1;
            }
            if last < run_last {
                resume = Some(run_last + 1);
            }
        } else if let Some(r) = knowledge
            .roles
            .find(&tokens[i..=last], text)
            .iter()
            .filter(|m| m.first > 1 && i + m.last == last && (m.last > m.first || title[i + m.first]))
            .map(|m| i + m.first)
            .min()
            .filter(|&r| is_head_word(tokens[r - 1].text(text)) && !is_head_word(tokens[last].text(text)))
        {
            // "Albany County District Attorney": a role of two words after a name of
            // two that ends in a place's or an organisation's head word is the office's
            // role, no word of its name ("Mount Cook" and "the Perennial Party Girl"
            // keep theirs).
            resume = Some(last + 1);
            last = r - 1;
        }
        // "Kimani (Kiki) Gray", "Kimani 'Kiki' Gray": a nickname between a first name and
        // a surname; the name is the two without it.
        let closes = |open: &str, close: &str| {
            matches!(
                (open, close),
                ("(", ")") | ("'", "'") | ("\"", "\"") | ("\u{2018}", "\u{2019}") | ("\u{201c}", "\u{201d}")
            )
        };
        let nickname = (last + 4 < tokens.len()
            && closes(&tokens[last + 1].norm, &tokens[last + 3].norm)
            && is_name_word(last + 2, &covered)
            && is_name_word(last + 4, &covered)
            && tokens[last + 2].start == tokens[last + 1].end
            && tokens[last + 3].start == tokens[last + 2].end)
            .then(|| (last, name_end(tokens, text, last + 4, continues, place_at)));
        if let Some((_, surname_last)) = nickname {
            last = surname_last;
        }
        // "Arcade Joseph Comeaux, Jr.": a suffix after a comma ends the name.
        let suffix_after_comma = last > i
            && last + 2 < tokens.len()
            && tokens[last + 1].norm == ","
            && knowledge::name_suffixes().contains(tokens[last + 2].text(text));
        let before_suffix = last;
        if suffix_after_comma {
            last += 2;
        }
        // "Indo-Australian", "Franco-German": a name's first part, joined to a capitalised
        // word that does not go on with it, is no name of its own.
        let prefix = hyphen_joins(tokens, last) && tokens[last + 2].is_capitalized(text);
        // A word right before a place: a name with it ("Southern California"), or, before
        // a people's adjective, only its qualifier ("Central Asian", "Northern Iraqi").
        let place_after = next_term(tokens, i).filter(|&n| i == last && !tokens[n].gap_before);
        let place_after = place_after.and_then(|n| Some((n, place_at(n)?)));
        let demonym = place_after.is_some_and(|(n, place_last)| {
            let written = &text[tokens[n].start..tokens[place_last].end];
            aliases.iter().filter(|m| m.first == n).flat_map(|m| m.values.iter()).any(|v| match *v {
                Alias::Entity(e) => {
                    let name = knowledge.entities[e].name;
                    written != name && name.get(..3).is_some_and(|stem| written.starts_with(stem))
                }
                Alias::Concept(_) => false,
            })
        });
        if prefix || demonym {
            i = last + 1;
            continue;
        }
        if let Some((_, place_last)) = place_after {
            last = place_last;
        }
        // In a Title Case headline a first name and the word after it are a person
        // ("Tara Reid Finally Checks Into Rehab"); the rest is a candidate.
        // A short run that ends in a head word is the name of what the person gave it
        // ("Betty Ford Clinic", "Betty Ford Treatment Center").
        let full_name = title_case
            && knowledge.is_first_name(tokens[i].text(text))
            && next_term(tokens, i).is_some_and(|n| n <= last && tokens[n].kind == Kind::Word);
        let head_last = is_head_word(without_possessive(tokens[last].text(text)));
        if full_name && !(head_last && last - i <= 3) {
            last = i + 1;
        }
        let words = (i..=last).filter(|&k| tokens[k].kind == Kind::Word && tokens[k].is_capitalized(text)).count();
        // So is a word and a head word after it ("Checks Into Malibu Rehab"), but not a
        // headline's kicker ("Breaking News:") nor a word's second part ("Court-Ordered
        // Rehab").
        let kicker = tokens.get(last + 1).is_some_and(|t| t.norm == ":");
        let second_part = i > 0 && matches!(tokens[i - 1].norm.as_str(), "-" | "\u{2010}" | "\u{2011}");
        let headed_pair = title_case && last == i + 1 && words == 2 && head_last && !kicker && !second_part;
        let mut span = tokens[i].start..tokens[last].end;
        // A place's first word alone ("the Lower 48") or a compound's second part ("All-Star")
        // is no name.
        let compound = i >= 2
            && matches!(tokens[i - 1].norm.as_str(), "-" | "\u{2010}" | "\u{2011}")
            && (hyphen_joins(tokens, i - 2) || (tokens[i - 2].kind == Kind::Word && tokens[i - 2].is_stopword()));
        if i == last && (compound || knowledge::place_openings().contains(tokens[i].text(text))) {
            i += 1;
            continue;
        }
        // A head word alone ("Street", "Inc") is a name only after a number ("117th Street").
        let head_word = tokens[i].text(text);
        if i == last && is_head_word(head_word) {
            // Or after a capitalised "The" inside the sentence ("told The Post").
            let the = i.checked_sub(1).filter(|&p| tokens[p].text(text) == "The" && !opens(p));
            match i.checked_sub(1).filter(|&p| tokens[p].text(text).starts_with(|c: char| c.is_ascii_digit())).or(the) {
                Some(p) if tokens[p].end < tokens[i].start => {
                    span.start = match p.checked_sub(2) {
                        Some(e) if street_initial(tokens, text, e) => tokens[e].start,
                        _ => tokens[p].start,
                    }
                }
                _ => {
                    i += 1;
                    continue;
                }
            }
        }
        // "P. M." in a dateline is the time.
        let letters: String =
            (i..=last).filter(|&k| tokens[k].kind == Kind::Word).map(|k| tokens[k].norm.as_str()).collect();
        if i < last && matches!(letters.as_str(), "am" | "pm") {
            i = last + 1;
            continue;
        }
        let (kind, weak) = guess_kind(tokens, text, i, last, &title, knowledge);
        if (i..=last).any(|k| named[k]) {
            absorbed.push(span.clone());
        }
        let mut mention =
            Mention { name: without_possessive(&text[span.clone()]).to_owned(), kind: kind.into(), span, weak };
        // "Ms. Palin", "Mr Ging": the honorific is a word of the mention, not of the name.
        let dot = i.checked_sub(1).filter(|&p| tokens[p].norm == ".");
        if let Some(h) = dot.unwrap_or(i).checked_sub(1).filter(|&h| {
            kind == "person" && tokens[h].kind == Kind::Word && knowledge::honorifics().contains(&tokens[h].norm)
        }) {
            mention.span.start = tokens[h].start;
        }
        if suffix_after_comma {
            let name = without_possessive(&text[tokens[i].start..tokens[before_suffix].end]);
            mention.name = format!("{name} {}", tokens[last].text(text));
        }
        if let Some((first_last, _)) = nickname {
            let first = &text[tokens[i].start..tokens[first_last].end];
            mention.name =
                format!("{first} {}", without_possessive(&text[tokens[first_last + 4].start..tokens[last].end]));
            mention.kind = "person".into();
        }
        // Two or more long words in capitals are a shouted headline ("BRAZEN ESCAPE"),
        // not acronyms.
        let long_caps = |k: usize| is_acronym(tokens[k].text(text)) && tokens[k].norm.chars().count() >= 4;
        let shouted = words >= 2 && (i..=last).filter(|&k| tokens[k].kind == Kind::Word).all(long_caps);
        let acronym = is_acronym(tokens[i].text(text));
        let plain_word = !tokens[i].norm.ends_with('s')
            && !knowledge::organisation_heads().contains(tokens[i].text(text))
            && !knowledge::place_heads().contains(tokens[i].text(text));
        let speaker = kind == "person" && plain_word;
        // "DiLeo", "McAllister": a capital inside the word is a name's, not the sentence's.
        let camel = tokens[i].text(text).chars().skip(1).any(char::is_uppercase)
            && tokens[i].text(text).chars().any(char::is_lowercase);
        // "Turkmens go to the polls": a people, the plural of a place's demonym.
        let people = words == 1 && is_people(without_possessive(tokens[i].text(text)), knowledge);
        if people {
            mention.kind = "name".into();
        }
        // "Turkmenistan's CEC plans": a possessive that opens the sentence is a name's
        // (a common word there is a time's, "Today's", or no name word, "Everyone's").
        let possessive_opening = words == 1 && ends_with_possessive(tokens[i].text(text));
        if shouted
            || (!acronym
                && !full_name
                && !headed_pair
                && !people
                && (title_case || (opens(i) && words == 1 && !speaker && !camel && !possessive_opening)))
        {
            candidates.push(mention);
        } else {
            out.push(mention);
        }
        i = resume.unwrap_or(last + 1);
    }
    out.retain(|m| {
        m.kind != "place" || !absorbed.iter().any(|a| *a != m.span && a.start <= m.span.start && m.span.end <= a.end)
    });
    let demonyms: Vec<Range<usize>> =
        out.iter().filter(|m| m.kind == "place" && text[m.span.clone()] != m.name).map(|m| m.span.clone()).collect();
    for m in out.iter_mut().chain(candidates.iter_mut()) {
        qualify(tokens, text, m, &demonyms);
    }
    order::sort_by_key(&mut out, |m| m.span.start);
    out
}

/// A place's qualifier in lower case belongs to its mention, whose name stays the
/// place's ("Aceh province", "the province of Aceh" are Aceh); a body word after a
/// leader's or a people's name makes an organisation of both ("the Bush
/// administration", "the Israeli army").
fn qualify(tokens: &[Token], text: &str, m: &mut Mention, demonyms: &[Range<usize>]) {
    let (Some(first), Some(last)) =
        (tokens.iter().position(|t| t.start == m.span.start), tokens.iter().position(|t| t.end == m.span.end))
    else {
        return;
    };
    let lower_in = |k: usize, list: knowledge::List| {
        let t = &tokens[k];
        t.kind == Kind::Word && !t.gap_before && t.text(text).starts_with(char::is_lowercase) && list.contains(&t.norm)
    };
    let possessive = ends_with_possessive(tokens[last].text(text));
    let after = next_term(tokens, last).filter(|_| !possessive);
    // A people's adjective qualifies the word after it ("the Indonesian province of Aceh").
    let demonym = text[m.span.clone()] != m.name;
    if matches!(m.kind.as_str(), "place" | "name") {
        if let Some(q) = after.filter(|&q| !demonym && lower_in(q, knowledge::place_qualifiers())) {
            m.span.end = tokens[q].end;
            m.kind = "place".into();
            return;
        }
        // Not after a name of its own ("the Upper Nile region of South Sudan"); after a
        // people's adjective it is ("the Indonesian province of Aceh").
        let named_before = first >= 3 && {
            let b = &tokens[first - 3];
            b.is_capitalized(text) && !b.is_stopword() && !demonyms.iter().any(|d| d.start <= b.start && b.end <= d.end)
        };
        let of_before = first >= 2 && tokens[first - 1].norm == "of" && !named_before;
        // With the people's adjective before the qualifier ("the Indonesian province of
        // Aceh"), as ECB+ bounds the mention; the adjective stays its own place's mention
        // too. Only right after "the" or a people's adjective: "the capital city of
        // Turkmenistan", "the largest island of Indonesia" place a place in a bigger one.
        let demonym = (first >= 3).then(|| demonyms.iter().find(|d| d.end == tokens[first - 3].end)).flatten();
        let the = first >= 3 && tokens[first - 3].norm == "the";
        if of_before
            && (the || demonym.is_some())
            && !tokens[first].gap_before
            && lower_in(first - 2, knowledge::place_qualifiers())
        {
            m.span.start = demonym.map_or(tokens[first - 2].start, |d| d.start);
            m.kind = "place".into();
            return;
        }
    }
    if matches!(m.kind.as_str(), "place" | "name" | "person")
        && let Some(b) = after.filter(|&b| lower_in(b, knowledge::body_words()))
    {
        m.span.end = tokens[b].end;
        m.name = text[m.span.clone()].to_owned();
        m.kind = "org".into();
        return;
    }
    // A group's qualifier belongs to its mention, whose name stays the group's ("the
    // Young Goon gang" is Young Goon).
    if matches!(m.kind.as_str(), "name" | "person" | "org")
        && !demonym
        && let Some(q) = after.filter(|&q| lower_in(q, knowledge::group_qualifiers()))
    {
        m.span.end = tokens[q].end;
        m.kind = "org".into();
    }
}

/// A people named by the plural of a place's demonym ("Turkmens", "Americans",
/// "Israelis"): a word in "s" whose singular, in "n" or "i", is a place's alias.
fn is_people(word: &str, knowledge: &Knowledge) -> bool {
    let Some(singular) = word.strip_suffix('s').filter(|w| w.ends_with(['n', 'i']) && w.len() >= 4) else {
        return false;
    };
    knowledge.entities.iter().any(|e| e.kind == "place" && e.name != singular && e.aliases.contains(singular))
}

/// The last word of an organisation's or a place's name ("Airlines", "Street").
fn is_head_word(word: &str) -> bool {
    knowledge::organisation_heads().contains(word) || knowledge::place_heads().contains(word)
}

/// Whether a hyphen joins the word at `k` to the one two tokens on ("Jean-Claude").
fn hyphen_joins(tokens: &[Token], k: usize) -> bool {
    k + 2 < tokens.len()
        && matches!(tokens[k + 1].norm.as_str(), "-" | "\u{2010}" | "\u{2011}")
        && tokens[k].end == tokens[k + 1].start
        && tokens[k + 1].end == tokens[k + 2].start
}

/// No place joins the name (for [`name_end`]).
fn no_place(_: usize) -> Option<usize> {
    None
}

/// A word that opens with digits and goes on in letters, as a team's name may ("76ers",
/// "49ers"); not an ordinal, a decade or a unit ("3rd", "1990s", "5km").
fn is_numbered_word(word: &str) -> bool {
    let letters = word.trim_start_matches(|c: char| c.is_ascii_digit());
    // In a headline in capitals too ("PHILADELPHIA 76ERS").
    let lower = letters.chars().all(|c| c.is_ascii_lowercase());
    let upper = letters.chars().all(|c| c.is_ascii_uppercase());
    letters.len() < word.len()
        && letters.chars().count() >= 3
        && (lower || upper)
        && letters.to_ascii_lowercase().contains(['a', 'e', 'i', 'o', 'u'])
}

/// The last token of the name that runs on from `last`: further name words, a word
/// joined by a hyphen ("Jean-Claude"), or a particle followed by a name word
/// ("Charles de Gaulle", "Bank of England").
fn name_end(
    tokens: &[Token],
    text: &str,
    mut last: usize,
    is_name_word: impl Fn(usize) -> bool,
    place_at: impl Fn(usize) -> Option<usize>,
) -> usize {
    let adjacent = |a: usize, b: usize| tokens[a].end == tokens[b].start;
    // A name after a comma may be an item of a list, whose "and" ends it ("Acme
    // Tools, Acme Paints and Garden Supplies").
    let start = last;
    let listed = start > 0 && tokens[start].gap_before && tokens[start - 1].norm == ",";
    // Whether "for" after a head word joined the name ("Commission for Elections"; not
    // "of": "Bank of England and Barclays" are two).
    let mut after_particle = false;
    loop {
        let hyphen = hyphen_joins(tokens, last) && is_name_word(last + 2);
        if hyphen {
            last += 2;
            continue;
        }
        // An initial: "James G. Bodiford", "J.J. Arrington".
        let initial = last + 2 < tokens.len()
            && tokens[last + 1].norm == "."
            && adjacent(last, last + 1)
            && is_initial(tokens[last].text(text))
            && is_name_word(last + 2);
        if initial {
            last += 2;
            continue;
        }
        // A middle initial that is also a word ("Dirk A. Kempthorne").
        let middle = last + 3 < tokens.len()
            && !tokens[last + 1].gap_before
            && tokens[last + 1].text(text).len() == 1
            && is_initial(tokens[last + 1].text(text))
            && tokens[last + 2].norm == "."
            && adjacent(last + 1, last + 2)
            && is_name_word(last + 3);
        if middle {
            last += 3;
            continue;
        }
        let Some(next) = next_term(tokens, last).filter(|&n| !tokens[n].gap_before) else { break };
        let head = |k: usize| is_head_word(without_possessive(tokens[k].text(text)));
        // "Sam's Club": a possessive ends a name unless a head word follows.
        let possessive = ends_with_possessive(tokens[last].text(text));
        // ("Sudan's South Kordofan" is two.)
        let head_ends =
            || head(next) && next_term(tokens, next).is_none_or(|a| tokens[a].gap_before || !is_name_word(a));
        if is_name_word(next) && (!possessive || head_ends()) {
            last = next;
            continue;
        }
        // "of" and "for" only after a head word ("Bank of England", "Commission for
        // Elections", not "Bodiford of Superior Court").
        let word = tokens[next].text(text);
        // "Defenders of Wildlife": a plural of doers that opens a name may take "of" as a
        // head word does, but not before a place ("Sanders of Detroit").
        let plural_opening = last == start
            && {
                let w = tokens[last].text(text);
                w.len() > 4 && (w.ends_with("ers") || w.ends_with("ors")) && w[1..].chars().all(char::is_lowercase)
            }
            && next_term(tokens, next).is_some_and(|a| place_at(a).is_none());
        let after_head = !matches!(word, "of" | "for") || head(last) || (word == "of" && plural_opening);
        let particle = (knowledge::particles().contains(word) || word == "for") && after_head && !possessive;
        // "and" only before name words that end in a head word ("Fish and Wildlife
        // Service"), or after a head word's "for" ("Commission for Elections and Referenda").
        if word == "and" && !possessive && !listed {
            let mut end = next;
            while let Some(n) = next_term(tokens, end).filter(|&n| !tokens[n].gap_before && is_name_word(n)) {
                end = n;
            }
            // ("Defenders of Wildlife and Center for Biological Diversity" are two: a head
            // word right after "and" opens a name of its own.)
            let words_after = next_term(tokens, next).is_some_and(|n| n < end);
            if end > next && ((head(end) && words_after) || after_particle) {
                last = end;
                continue;
            }
        }
        if let Some(after) = next_term(tokens, next).filter(|&a| particle && !tokens[a].gap_before) {
            after_particle |= word == "for";
            if is_name_word(after) {
                last = after;
                continue;
            }
            if let Some(place_last) = place_at(after) {
                last = place_last;
                continue;
            }
        }
        break;
    }
    last
}

/// What a name the lexicon does not know is, from the words around it: `person`
/// after a title or when it opens with a first name, `org` or `place` by its last
/// word ("Airlines", "Street"), `place` by one before it ("Mount Cook", "Aoraki Mount
/// Cook"), `product` before a version number ("Internet Explorer 8"), `org` for an acronym, `place` after "in" or "near",
/// `org` for a plural after "the" ("the Colts"), `person` right before or after a
/// speech verb ("Reid claimed", "said Jack Ketsoyan"), or for two plain capitalised
/// words that nothing above placed; else `name`. The second value says the kind rests
/// on a speech verb alone (see [`Mention::weak`]).
fn guess_kind(
    tokens: &[Token],
    text: &str,
    first: usize,
    last: usize,
    title: &[bool],
    knowledge: &Knowledge,
) -> (&'static str, bool) {
    let last_word = without_possessive(tokens[last].text(text));
    let before = (0..first).rev().find(|&k| tokens[k].is_term());
    let words: Vec<&str> =
        (first..=last).filter(|&k| tokens[k].kind == Kind::Word).map(|k| tokens[k].text(text)).collect();
    let heads = knowledge::organisation_heads();
    let is_place = |m: &PhraseMatch<Alias>| {
        m.values.iter().any(|v| matches!(v, Alias::Entity(e) if knowledge.entities[*e].kind == "place"))
    };
    // "Baytown, Texas, where": a place, then the state or country it is in.
    let place_after_comma = || {
        let Some(p) = tokens.get(last + 2).filter(|_| tokens.get(last + 1).is_some_and(|c| c.norm == ",")) else {
            return false;
        };
        let found = knowledge.find_aliases(&tokens[last + 2..], text);
        found.iter().filter(|m| m.first == 0 && is_place(m)).any(|m| {
            let end = last + 2 + m.last;
            !ends_with_possessive(tokens[end].text(text))
                && tokens.get(end + 1).is_none_or(|n| n.kind != Kind::Word || !n.is_capitalized(text))
                && p.is_capitalized(text)
        })
    };
    let web = last_word.contains('.') && matches!(last_word.rsplit('.').next(), Some("com" | "net" | "org" | "uk"));
    let aliases = knowledge.find_aliases(&tokens[first..=last], text);
    let place_first = aliases.iter().find(|m| m.first == 0 && is_place(m));
    // "Internet Explorer 8", "Windows 7": a number right after a name is a product's
    // version.
    let versioned = !ends_with_possessive(tokens[last].text(text))
        && next_term(tokens, last)
            .is_some_and(|n| tokens[n].kind == Kind::Number && tokens[n].norm.chars().count() <= 4);
    // "Philadelphia 76ers", "Denver Broncos": a team, a place's name and a plural after it.
    let plural =
        |w: &str| w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && w[1..].chars().all(char::is_lowercase);
    let team = words.len() >= 2
        && (is_numbered_word(last_word) || (place_first.is_some_and(|m| first + m.last < last) && plural(last_word)));
    // A name after "the" is no person's ("the US Geological Survey said", "the Middle
    // Ages"), nor is one that ends with an honorific ("Notre Dame") or stands before a
    // place's qualifier.
    // After a place's possessive it is the place's ("Sudan's Blue Nile state").
    let after_the = before.is_some_and(|b| {
        tokens[b].norm == "the"
            || (ends_with_possessive(tokens[b].text(text)) && {
                let found = knowledge.find_aliases(&tokens[b..=b], text);
                found.iter().any(is_place)
            })
    });
    let honorific_last = words.len() >= 2 && knowledge::honorifics().contains(&tokens[last].norm);
    // Before a place's qualifier it is the place's name ("the Bener Meriah district").
    let qualified = next_term(tokens, last).is_some_and(|n| {
        let t = &tokens[n];
        !t.gap_before && t.text(text).starts_with(char::is_lowercase) && knowledge::place_qualifiers().contains(&t.norm)
    });
    // "the Colts", "the Tar Heels": a plural name after "the" that no place or people
    // bears is a team's or a group's.
    let the_plural = before.is_some_and(|b| tokens[b].norm == "the")
        && words.len() <= 2
        && plural(last_word)
        && !last_word.ends_with("is")
        && !is_people(last_word, knowledge)
        && !aliases.iter().any(is_place);
    if web
        || team
        || the_plural
        || heads.contains(last_word)
        || (words.len() >= 3 && words.iter().any(|w| heads.contains(w)))
    {
        ("org", false)
    } else if knowledge::place_heads().contains(last_word)
        || words.iter().rev().skip(1).any(|w| knowledge::place_openings().contains(w))
    {
        ("place", false)
    } else if versioned {
        ("product", false)
    } else if before.is_some_and(|b| title[b] || (words.len() >= 2 && is_role(&tokens[b], text, knowledge)))
        || (words.len() >= 2 && knowledge.is_first_name(words[0]))
        || (words.len() >= 3 && knowledge.is_first_name(words[1]))
        || (words.len() >= 2 && knowledge::name_suffixes().contains(last_word))
        || described_as_someone(tokens, last)
    {
        // After a title, or a role word before two words ("star receiver Vincent
        // Jackson"; "server vendor SeaMicro" may be a firm's); a first name
        // first or second ("Named Maurice Cheeks" in a headline); a surname's suffix
        // ("Comeaux Jr"); an age or a "who" after it ("Matt Smith, 26,", "Paterson
        // Joseph, who").
        ("person", false)
    } else if words.len() == 1 && is_acronym(without_possessive(words[0])) {
        ("org", false)
    } else if (before.is_some_and(|b| matches!(tokens[b].norm.as_str(), "in" | "near"))
        // "in Cheeks's firing" is in a firing, "in SeaMicro servers" in servers.
        && !ends_with_possessive(tokens[last].text(text))
        && !next_term(tokens, last).is_some_and(|n| {
            let w = &tokens[n];
            w.kind == Kind::Word && !w.gap_before && !w.is_stopword() && plural(w.text(text))
        }))
        || place_after_comma()
    {
        ("place", false)
    } else if after_the || honorific_last || qualified {
        ("name", false)
    } else if speaks(tokens, text, first, last, knowledge)
        && next_term(tokens, last).is_none_or(|n| !title[n] && !is_role(&tokens[n], text, knowledge))
        && words.iter().all(|w| !is_acronym(w))
    {
        // Right before or after a speech verb ("Reid claimed", "said Jack Ketsoyan"),
        // not before a title ("said Manokwari Military Commander Col. Irham").
        ("person", true)
    } else if words.len() >= 2
        && words.iter().all(|w| {
            !is_acronym(w) && !w.contains(|c: char| c.is_ascii_digit()) && phrases::number_word(&w.to_lowercase()).is_none()
        })
        // A function word in it ("Doctor Who") is no person's.
        && (first..=last).all(|k| tokens[k].kind != Kind::Word || !tokens[k].is_stopword())
        && !aliases.iter().any(|m| m.first == 0 || is_place(m))
    {
        // Two or more plain capitalised words that no word above makes an organisation's
        // or a place's ("Lehman Brothers", "South Kordofan") and that do not open with a
        // place, nor hold one ("Stade de Suisse"): a person ("Lennox Lewis", "Keiwan
        // Ratliff", whose first names no list holds).
        ("person", true)
    } else {
        ("name", false)
    }
}

/// "E" in "E. 31st St.": N, S, E or W and its dot before a number.
fn street_initial(tokens: &[Token], text: &str, k: usize) -> bool {
    matches!(tokens[k].text(text), "N" | "S" | "E" | "W")
        && tokens.get(k + 1).is_some_and(|d| d.norm == "." && d.start == tokens[k].end)
        && tokens
            .get(k + 2)
            .is_some_and(|n| n.start > tokens[k + 1].end && n.norm.starts_with(|c: char| c.is_ascii_digit()))
}

/// "department" → "Department".
fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// "Matt Smith, 26,", "Paterson Joseph, who": an age or "who" after a comma describes
/// a person.
fn described_as_someone(tokens: &[Token], last: usize) -> bool {
    let after = |k: usize| tokens.get(k).map(|t| t.norm.as_str());
    after(last + 1) == Some(",")
        && (after(last + 2) == Some("who")
            || (tokens.get(last + 2).is_some_and(|t| t.kind == Kind::Number && t.norm.len() <= 3)
                && after(last + 3) == Some(",")))
}

/// "G" or "J.J": one capital letter, or capitals between dots.
fn is_initial(word: &str) -> bool {
    word.split('.').all(|p| p.chars().count() == 1 && p.chars().all(char::is_uppercase))
}

/// Whether a speech verb stands right before or after the name.
fn speaks(tokens: &[Token], text: &str, first: usize, last: usize, knowledge: &Knowledge) -> bool {
    let is_verb = |k: usize| {
        let found = knowledge.attribution.find(&tokens[k..=k], text);
        found.iter().any(|m| m.values.contains(&Cue::SpeechVerb))
    };
    let before = (0..first)
        .rev()
        .find(|&k| tokens[k].is_term())
        .filter(|&b| !tokens[b + 1..=first].iter().any(|t| t.gap_before && t.is_term()));
    next_term(tokens, last).filter(|&n| !tokens[n].gap_before).is_some_and(is_verb) || before.is_some_and(is_verb)
}

/// "NASA", "FBI": two or more letters, all capitals.
fn is_acronym(word: &str) -> bool {
    word.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !word.chars().any(char::is_lowercase)
}

fn ends_with_possessive(word: &str) -> bool {
    word.ends_with("'s") || word.ends_with("\u{2019}s")
}

/// A headline in Title Case ("Tara Reid Checks Into Rehab"): every word of three
/// letters or more but function words is capitalised, so capitals say nothing about names.
/// A word in lower case other than those ("went", "said") says it is not.
fn is_title_case(tokens: &[Token], text: &str) -> bool {
    let words: Vec<&Token> = tokens
        .iter()
        .filter(|t| t.kind == Kind::Word && !t.is_stopword() && t.norm.chars().count() >= 3)
        .filter(|t| t.norm.starts_with(char::is_alphabetic))
        .collect();
    let minor = knowledge::title_minor_words();
    let lower_word = |t: &Token| {
        let w = t.text(text);
        t.kind == Kind::Word
            && w.chars().count() >= 2
            && w.starts_with(|c: char| c.is_lowercase())
            && !w.chars().any(char::is_uppercase)
            && !minor.contains(&t.norm)
            && !knowledge::particles().contains(w)
    };
    words.len() >= 3 && words.iter().all(|t| t.is_capitalized(text)) && !tokens.iter().any(lower_word)
}

/// Words of one meaning across the two articles become one key: when B says
/// "restoration" where A says "renovation" (WordNet synonyms whose vectors agree,
/// `data/general/synonyms.tsv`), and neither article uses the other's word, B's
/// claims take A's key, so alignment sees the shared fact; its reason shows both
/// words ("renovation ≈ restoration"). Only plain word stems change: entities,
/// concepts and a word both articles use stay as they are.
pub fn share_synonyms(a: &[Claim], b: &mut [Claim]) {
    let words = |claims: &[Claim]| -> Vec<String> {
        let mut keys: Vec<String> = claims
            .iter()
            .flat_map(|c| c.features.terms.keys())
            .filter(|k| !k.starts_with(['@', '~']))
            .map(str::to_owned)
            .collect();
        keys.sort_unstable();
        keys.dedup();
        keys
    };
    let (in_a, in_b) = (words(a), words(b));
    let general = General::get();
    let renames: Vec<(&str, &str)> = in_b
        .iter()
        .filter(|y| in_a.binary_search(y).is_err())
        .filter_map(|y| {
            let x = general
                .synonyms_of(y)
                .filter(|x| in_a.binary_search_by(|k| k.as_str().cmp(x)).is_ok())
                .find(|x| in_b.binary_search_by(|k| k.as_str().cmp(x)).is_err())?;
            Some((y.as_str(), x))
        })
        .collect();
    if renames.is_empty() {
        return;
    }
    for claim in b.iter_mut() {
        let f = &mut claim.features;
        for &(from, to) in &renames {
            f.terms.rename(from, to);
        }
        for (key, _) in f.spans.iter_mut().chain(f.negated.iter_mut()) {
            if let Some(&(_, to)) = renames.iter().find(|(from, _)| from == key) {
                *key = to.to_owned();
            }
        }
    }
}

/// A confirmed full name, its first and last words (without a suffix), the sources that
/// name it and how often they do (for [`resolve_names`]).
struct FullName<'a> {
    first: &'a str,
    last: &'a str,
    full: &'a (String, String),
    sources: &'a [&'a str],
    times: usize,
}

/// Names across the claims of a comparison (both sources): a candidate is kept when
/// another mention confirms it (the same name, or a full name it is part of:
/// "Macron said" with "Emmanuel Macron" elsewhere); a Title Case headline keeps the
/// confirmed names inside it; and a surname or short form that belongs to exactly
/// one full name becomes that name ("Macron" is "Emmanuel Macron").
pub fn resolve_names(claims: &mut [Claim], knowledge: &Knowledge) {
    drop_opening_words(claims, knowledge);
    // Names confirmed by a mention, with their kinds, the sources that name them and how
    // often they are named.
    let mut confirmed: Vec<(String, String)> = Vec::new();
    let mut named_in: Vec<Vec<&str>> = Vec::new();
    let mut times_named: Vec<usize> = Vec::new();
    for claim in claims.iter() {
        for m in claim.features.mentions.iter().filter(|m| !m.span.is_empty()) {
            match confirmed.iter().position(|(n, _)| *n == m.name) {
                Some(at) => {
                    times_named[at] += 1;
                    if !named_in[at].contains(&claim.source.as_str()) {
                        named_in[at].push(&claim.source);
                    }
                }
                None => {
                    confirmed.push((m.name.clone(), m.kind.clone()));
                    named_in.push(vec![&claim.source]);
                    times_named.push(1);
                }
            }
        }
    }
    let named_alone = |name: &str| confirmed.iter().position(|(n, _)| n == name).map_or(0, |at| times_named[at]);
    // A person's kind that every mention of the name has on weak evidence alone stays
    // weak where the name is named again (see [`weigh_evidence`]).
    let mut strong: Vec<&str> = Vec::new();
    for m in claims.iter().flat_map(|c| &c.features.mentions).filter(|m| m.kind == "person" && !m.weak) {
        strong.push(&m.name);
    }
    let weak_of = |name: &str| !strong.contains(&name);
    // The confirmed full names a short name may stand for, with their first and last
    // words and the sources naming them (found once, not once per short name).
    let full_names: Vec<FullName> = confirmed
        .iter()
        .zip(named_in.iter().zip(&times_named))
        .filter(|((name, kind), _)| {
            matches!(kind.as_str(), "person" | "name" | "org") && knowledge.entity_index(name).is_none()
        })
        .filter_map(|(full, (sources, &times))| {
            let mut words: Vec<&str> = full.0.split([' ', '-']).collect();
            // "Comeaux" is "Arcade Joseph Comeaux Jr".
            if words.len() > 2 && words.last().is_some_and(|w| knowledge::name_suffixes().contains(w)) {
                words.pop();
            }
            match words[..] {
                [first, .., last] => Some(FullName { first, last, full, sources, times }),
                _ => None,
            }
        })
        .collect();
    // A short name is the one full name it may stand for: a person's in its own article
    // ("Thomas" in an article on Pierre Thomas, though the other names David Thomas),
    // else any in both. It is the last word, or a person's first: a first name ("Jim" for
    // Jim O'Brien), or a word named alone less often than the whole ("Kimani" for Kimani
    // Gray; "Microsoft", named alone more often, is no "Microsoft Word"). Of an
    // organisation it is the last ("Colts" is the Indianapolis Colts).
    let full_name_of = |short: &str, source: &str| -> Option<&(String, String)> {
        if short.contains(' ') || knowledge.entity_index(short).is_some() {
            return None;
        }
        // An organisation's last word: "Colts" is the Indianapolis Colts (not a head word:
        // "Court" is no "Superior Court").
        let first_name = knowledge.is_first_name(short);
        let stands_for = |f: &&FullName| match f.full.1.as_str() {
            "org" => f.last == short && !is_head_word(short),
            // Nor is a last word named alone more often than the whole that opens with
            // another name ("SeaMicro" is no "AMD Buys SeaMicro", a headline's words).
            kind => {
                let other_name_first = kind != "person" && named_alone(f.first) > 0 && named_alone(short) > f.times;
                (f.last == short && !other_name_first)
                    || (f.first == short && kind == "person" && (first_name || named_alone(short) < f.times))
            }
        };
        let mut found: Vec<&FullName> = full_names
            .iter()
            .filter(|f| stands_for(f) && f.full.1 == "person" && f.sources.contains(&source))
            .collect();
        if found.is_empty() {
            found = full_names.iter().filter(stands_for).collect();
        }
        // Full names with the same first and last words are one ("Dirk Kempthorne", "Dirk
        // A. Kempthorne"), as is one that ends with another after a title the lists do
        // not know ("Quarterback Peyton Manning"): the shortest stands for them.
        let shortest = *found.iter().min_by_key(|f| f.full.0.len())?;
        let one = |f: &&FullName| {
            (f.first == shortest.first && f.last == shortest.last)
                || f.full.0.strip_suffix(shortest.full.0.as_str()).is_some_and(|title| title.ends_with(' '))
        };
        found.iter().all(one).then_some(shortest.full)
    };
    let mut renames: Vec<(usize, usize, String, String)> = Vec::new();
    let mut added: Vec<(usize, Mention)> = Vec::new();
    for (c, claim) in claims.iter().enumerate() {
        for (k, m) in claim.features.mentions.iter().enumerate() {
            // ("the Colts" is the Indianapolis Colts too.)
            if matches!(m.kind.as_str(), "person" | "name" | "org")
                && let Some((full, kind)) = full_name_of(&m.name, &claim.source)
                && (m.kind != "org" || kind == "org")
            {
                renames.push((c, k, full.clone(), kind.clone()));
            }
        }
        for candidate in &claim.features.candidates {
            if let Some((_, kind)) = confirmed.iter().find(|(n, _)| *n == candidate.name) {
                // Its own words may say more than the mention that confirms it ("Thompson,
                // who").
                let kind = if kind == "name" { candidate.kind.clone() } else { kind.clone() };
                let weak = kind == "person" && (candidate.weak || weak_of(&candidate.name));
                added.push((c, Mention { kind, weak, ..candidate.clone() }));
            } else if let Some((full, kind)) = full_name_of(&candidate.name, &claim.source) {
                added.push((
                    c,
                    Mention {
                        name: full.clone(),
                        kind: kind.clone(),
                        span: candidate.span.clone(),
                        weak: weak_of(full),
                    },
                ));
            } else if candidate.name.contains(' ') {
                // A headline: the confirmed names inside it, longest first ("Lohan"
                // there is the "Lindsay Lohan" named elsewhere).
                let within = &claim.text[candidate.span.clone()];
                let mut inside: Vec<Mention> = Vec::new();
                // A body word after a leader's or a place's name makes an organisation of
                // both, and a place's qualifier belongs to the place's mention, as in
                // lower case ("Obama Administration Restores", "the Obama administration";
                // "Indonesia's Aceh Province": Aceh; see `qualify`).
                let qualified = |span: &Range<usize>, name: &str, kind: &str| {
                    let rest = &claim.text[span.end..candidate.span.end];
                    let word = rest.strip_prefix(' ')?.split([' ', '\'', '\u{2019}', ':', ',']).next()?;
                    let lower = word.to_lowercase();
                    if !word.starts_with(char::is_uppercase) {
                        return None;
                    }
                    let span = span.start..span.end + 1 + word.len();
                    if matches!(kind, "place" | "name" | "person") && knowledge::body_words().contains(&lower) {
                        Some(Mention {
                            name: claim.text[span.clone()].to_owned(),
                            kind: "org".into(),
                            span,
                            weak: false,
                        })
                    } else if kind == "place" && knowledge::place_qualifiers().contains(&lower) {
                        Some(Mention { name: name.to_owned(), kind: "place".into(), span, weak: false })
                    } else {
                        None
                    }
                };
                let mut by_length: Vec<&(String, String)> = confirmed.iter().collect();
                order::sort_by_key(&mut by_length, |(n, _)| std::cmp::Reverse(n.len()));
                // A headline in capitals names them in capitals.
                let shouted = !within.chars().any(char::is_lowercase);
                for named in by_length {
                    let upper = named.0.to_uppercase();
                    let written = if shouted && upper.len() == named.0.len() { &upper } else { &named.0 };
                    let Some(at) = find_words(within, written) else { continue };
                    let start = candidate.span.start + at;
                    let span = start..start + named.0.len();
                    if inside.iter().any(|m| m.span.start < span.end && span.start < m.span.end) {
                        continue;
                    }
                    let (name, kind) = full_name_of(&named.0, &claim.source).unwrap_or(named);
                    match qualified(&span, name, kind) {
                        Some(m) => inside.push(m),
                        None => {
                            inside.push(Mention { name: name.clone(), kind: kind.clone(), span, weak: weak_of(name) })
                        }
                    }
                }
                // And the surnames of full names named elsewhere.
                for word in within.split(|c: char| !c.is_alphanumeric() && c != '-') {
                    let start = candidate.span.start + (word.as_ptr() as usize - within.as_ptr() as usize);
                    let span = start..start + word.len();
                    let free = !inside.iter().any(|m| m.span.start < span.end && span.start < m.span.end);
                    if let Some((name, kind)) = full_name_of(word, &claim.source).filter(|_| free && !word.is_empty()) {
                        match qualified(&span, name, kind) {
                            Some(m) => inside.push(m),
                            None => inside.push(Mention {
                                name: name.clone(),
                                kind: kind.clone(),
                                span,
                                weak: weak_of(name),
                            }),
                        }
                    }
                }
                added.extend(inside.into_iter().map(|m| (c, m)));
            }
        }
    }
    let renames: Vec<_> = renames.into_iter().map(|(c, k, name, kind)| (c, k, weak_of(&name), name, kind)).collect();
    for (c, k, weak, name, kind) in renames {
        let m = &mut claims[c].features.mentions[k];
        m.weak = weak;
        m.name = name;
        m.kind = kind;
    }
    // An added name takes the place of the shorter ones inside it ("Philadelphia" in
    // "Philadelphia 76ers"), not of one it overlaps otherwise.
    for (c, mention) in added {
        let mentions = &mut claims[c].features.mentions;
        let within = |m: &Mention| mention.span.start <= m.span.start && m.span.end <= mention.span.end;
        let overlaps = |m: &Mention| m.span.start < mention.span.end && mention.span.start < m.span.end;
        if !mentions.iter().any(|m| overlaps(m) && (!within(m) || m.span == mention.span)) {
            mentions.retain(|m| !overlaps(m));
            mentions.push(mention);
        }
    }
    // A he or she right after a one-word name of no known kind, with no other name
    // between, says it is a person's ("Hutson said he", "Thompson lost his title"),
    // an "its" an organisation's, whatever a speech verb said ("SeaMicro has said its
    // technology"); one further on says nothing ("Morningside is unlicensed and
    // photogs snapped her").
    let mut groups: Vec<String> = Vec::new();
    for claim in claims.iter_mut() {
        let text = &claim.text;
        let starts: Vec<usize> = claim.features.mentions.iter().map(|m| m.span.start).collect();
        for m in claim.features.mentions.iter_mut() {
            if !matches!(m.kind.as_str(), "name" | "person")
                || m.span.is_empty()
                || m.name.contains(' ')
                || is_acronym(&m.name)
            {
                continue;
            }
            let next = starts.iter().copied().filter(|&s| s >= m.span.end).min().unwrap_or(text.len());
            let words: Vec<&str> =
                text[m.span.end..next].split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).take(3).collect();
            if words.iter().any(|w| knowledge.group_pronouns.contains(w)) {
                m.kind = "org".into();
                groups.push(m.name.clone());
            } else if matches!(m.kind.as_str(), "name" | "person")
                && words.iter().any(|w| knowledge.person_pronouns.contains(w))
            {
                m.kind = "person".into();
                m.weak = false;
            }
        }
    }
    weigh_evidence(claims, knowledge);
    // A name of no known kind takes the kind its other mentions give, when they give one
    // ("Palmer City Clerk" is of the Palmer that "in Palmer" makes a place).
    let mut kinds: Vec<(&str, &str)> = Vec::new();
    for m in claims.iter().flat_map(|c| &c.features.mentions).filter(|m| m.kind != "name" && !m.span.is_empty()) {
        if !kinds.contains(&(m.name.as_str(), m.kind.as_str())) {
            kinds.push((m.name.as_str(), m.kind.as_str()));
        }
    }
    let known: Vec<(String, String)> = kinds
        .iter()
        .filter(|(name, _)| kinds.iter().filter(|(n, _)| n == name).count() == 1)
        .map(|(name, kind)| ((*name).to_owned(), (*kind).to_owned()))
        .collect();
    // A version after one mention makes a product of the others ("Internet Explorer 8":
    // "Internet Explorer" is no person's two words).
    let products: Vec<String> =
        kinds.iter().filter(|(_, kind)| *kind == "product").map(|(name, _)| (*name).to_owned()).collect();
    for m in claims.iter_mut().flat_map(|c| c.features.mentions.iter_mut()) {
        if m.kind == "name" {
            if let Some((_, kind)) = known.iter().find(|(n, _)| *n == m.name) {
                m.kind = kind.clone();
            }
        } else if m.kind == "person" && products.contains(&m.name) {
            m.kind = "product".into();
        }
        if matches!(m.kind.as_str(), "name" | "person") && groups.contains(&m.name) {
            m.kind = "org".into();
        }
    }
    for claim in claims.iter_mut() {
        claim.features.candidates.clear();
        order::sort_by_key(&mut claim.features.mentions, |m| (m.span.is_empty(), m.span.start));
        claim.entities.clear();
        for mention in &claim.features.mentions {
            if !claim.entities.contains(&mention.name) {
                claim.entities.push(mention.name.clone());
            }
        }
    }
}

/// A person's kind that rests on a speech verb or on two plain words alone
/// ([`Mention::weak`]), or a name of no kind, takes the evidence of every mention of the
/// name in both articles. An organisation's: a mention elsewhere adds its head word
/// ("Microsoft Corp."), an apposition names a kind of organisation ("SeaMicro, a server
/// maker"), or an "its" follows in its clause before any other name or a he or she
/// ("Microsoft has issued an emergency patch for its browser"). A product's: a
/// product's noun follows it after a determiner ("the Atom processor"), or, of two
/// words or more, it opens with an organisation's name ("Intel Atom"). Two words or more
/// of no other evidence that the articles also write in lower case are no name at all
/// ("Vehicular Manslaughter"): the mention goes. A mention that is a person's on other
/// evidence (a title, a first name, "he said") keeps the name a person's.
fn weigh_evidence(claims: &mut [Claim], knowledge: &Knowledge) {
    let mut organisations: Vec<String> = Vec::new();
    let mut products: Vec<String> = Vec::new();
    for claim in claims.iter() {
        let mentions = &claim.features.mentions;
        for m in mentions.iter().filter(|m| !m.span.is_empty()) {
            if m.kind == "org" {
                organisations.push(m.name.clone());
                if let Some((short, head)) = m.name.rsplit_once(' ')
                    && knowledge::organisation_heads().contains(head)
                {
                    organisations.push(short.to_owned());
                }
            }
            let (before, after) = (&claim.text[..m.span.start], &claim.text[m.span.end..]);
            let next = mentions.iter().map(|n| n.span.start).filter(|&s| s >= m.span.end).min();
            let clause = &claim.text[m.span.end..next.unwrap_or(claim.text.len())];
            // The subject of its clause, not a preposition's object nor a list's item ("for
            // Internet Explorer that will protect its customers", "Kordofan and Blue Nile
            // fought during its civil war").
            let word_before = before.trim_end().rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
            let subject = word_before == "the" || !knowledge::title_minor_words().contains(word_before);
            if names_organisation(after, knowledge) || (subject && owns_something(clause, knowledge)) {
                organisations.push(m.name.clone());
            }
            if names_product(before, after) {
                products.push(m.name.clone());
            }
        }
    }
    // The names some mention gives a kind on other evidence: a "name" of theirs takes
    // it later (its other mentions' kind), a weak person stays one of a person's.
    let mut settled: Vec<(&str, &str)> = Vec::new();
    for m in claims.iter().flat_map(|c| &c.features.mentions) {
        if m.kind != "name" && !(m.kind == "person" && m.weak) {
            settled.push((&m.name, &m.kind));
        }
    }
    let settled: Vec<(String, bool)> = settled.into_iter().map(|(n, k)| (n.to_owned(), k == "person")).collect();
    let open = |m: &Mention| {
        let kinds = settled.iter().filter(|(n, _)| *n == m.name);
        (m.kind == "person" && m.weak && kinds.clone().all(|(_, person)| !person))
            || (m.kind == "name" && kinds.count() == 0)
    };
    // Words the articles also write in lower case, no head word nor a capitalised function
    // word ("Doctor Who") among them, named less than three times ("Endangered Species
    // Act" is named often).
    let lower: Vec<String> = lower_words(claims).into_iter().map(str::to_owned).collect();
    let mut named: Vec<&str> = claims.iter().flat_map(|c| &c.features.mentions).map(|m| m.name.as_str()).collect();
    order::sort_by_key(&mut named, |n| *n);
    let times = |name: &str| named.partition_point(|n| *n <= name) - named.partition_point(|n| *n < name);
    let rare: Vec<String> = named.iter().filter(|n| n.contains(' ') && times(n) < 3).map(|n| (*n).to_owned()).collect();
    let plain = |name: &str| {
        name.split([' ', '-']).all(|w| {
            let word = w.to_lowercase();
            let lower_case = lower.binary_search(&word).is_ok() && !tokens::is_stopword(&word);
            (lower_case || knowledge::particles().contains(w)) && !is_head_word(w)
        })
    };
    for claim in claims.iter_mut() {
        claim.features.mentions.retain_mut(|m| {
            if !open(m) {
                return true;
            }
            let words = m.name.contains(' ');
            let maker = words && m.name.split(' ').next().is_some_and(|first| organisations.iter().any(|o| o == first));
            if products.contains(&m.name) || (maker && m.kind == "person") {
                m.kind = "product".into();
            } else if organisations.contains(&m.name) {
                m.kind = "org".into();
            } else if words && plain(&m.name) {
                // Title Case over plain words named once or twice ("Criminally Negligent
                // Homicide", "Vehicular Manslaughter") is no name at all; named more often
                // it is a name, of no kind a person's ("Endangered Species Act").
                if rare.contains(&m.name) {
                    return false;
                }
                m.kind = "name".into();
            }
            true
        });
    }
}

/// "has issued an emergency patch for its browser": an "its" in the words after a name,
/// before any punctuation, a he or she, or a noun that is a kind of organisation ("the
/// company and its").
fn owns_something(clause: &str, knowledge: &Knowledge) -> bool {
    let words = clause.split_inclusive(|c: char| !c.is_alphanumeric() && c != '\'' && c != '\u{2019}');
    for word in words.take(12) {
        let (word, stop) =
            (word.trim_end_matches(|c: char| !c.is_alphanumeric()), word.ends_with([',', ';', ':', '"']));
        if knowledge.group_pronouns.contains(word) {
            return true;
        }
        if knowledge.person_pronouns.contains(word) || knowledge::organisation_nouns().contains(word) || stop {
            return false;
        }
    }
    false
}

/// ", a server maker", ", the world's largest chipmaker": an apposition after a name
/// whose words in lower case hold a kind of organisation (`organisation_nouns`) that no
/// role follows (", a company spokesman" names a person).
fn names_organisation(after: &str, knowledge: &Knowledge) -> bool {
    let Some(rest) = after.strip_prefix(", ") else { return false };
    let rest = rest.char_indices().nth(80).map_or(rest, |(end, _)| &rest[..end]);
    let tokens = tokens::tokenize(rest);
    let mut words = tokens.iter().filter(|t| t.kind == Kind::Word);
    if !words.next().is_some_and(|t| matches!(t.norm.as_str(), "a" | "an" | "the")) {
        return false;
    }
    let run: Vec<&Token> = words.take_while(|t| !t.is_capitalized(rest) && !t.is_stopword()).take(5).collect();
    run.iter().enumerate().any(|(k, t)| {
        knowledge::organisation_nouns().contains(&t.norm) && run.get(k + 1).is_none_or(|n| !is_role(n, rest, knowledge))
    })
}

/// "the Atom processor", "Intel's Xeon chips": a product's noun in lower case
/// (`product_nouns`) right after a name that a determiner or a possessive opens.
fn names_product(before: &str, after: &str) -> bool {
    let determined = ["the ", "a ", "an ", "its ", "'s ", "\u{2019}s "].iter().any(|d| before.ends_with(d));
    let noun = after.strip_prefix(' ').and_then(|a| a.split(|c: char| !c.is_alphabetic()).next()).unwrap_or("");
    determined
        && noun.starts_with(char::is_lowercase)
        && (knowledge::product_nouns().contains(noun)
            || noun.strip_suffix('s').is_some_and(|n| knowledge::product_nouns().contains(n)))
}

/// "Named Maurice Cheeks coach", "PHILADELPHIA 76ERS Fired Jim O'Brien": a word that
/// opens a sentence (or follows a headline's words in capitals) before a first name and
/// a surname, and that the articles write in lower case elsewhere ("named", "fired"), is
/// capitalised by its place, not a word of the name ("Arcade Joseph Comeaux Jr" keeps
/// "Arcade", never written "arcade"; a role word before a first name is a title already).
fn drop_opening_words(claims: &mut [Claim], knowledge: &Knowledge) {
    // (claim, a candidate or a mention, its index, its first word in lower case, that
    // word's length as written)
    let mut found: Vec<(usize, bool, usize, String, usize)> = Vec::new();
    for (c, claim) in claims.iter().enumerate() {
        let text = &claim.text;
        let opening = text.find(|ch: char| ch.is_alphanumeric()).unwrap_or(0);
        let features = &claim.features;
        let all = features.mentions.iter().map(|m| (false, m)).chain(features.candidates.iter().map(|m| (true, m)));
        for (k, (candidate, m)) in all.enumerate() {
            let mut words = m.name.split(' ');
            let (Some(first), Some(second), Some(_)) = (words.next(), words.next(), words.next()) else { continue };
            let before = text[..m.span.start].trim_end();
            let after_capitals = before.rsplit(' ').next().is_some_and(|w| !w.is_empty() && is_acronym(w));
            if m.kind == "person"
                && (m.span.start == opening || after_capitals)
                && text[m.span.clone()].starts_with(first)
                && !knowledge.is_first_name(first)
                && knowledge.is_first_name(second)
            {
                let k = if candidate { k - features.mentions.len() } else { k };
                found.push((c, candidate, k, first.to_lowercase(), first.len()));
            }
        }
    }
    if found.is_empty() {
        return;
    }
    let lower = lower_words(claims);
    let drop: Vec<(usize, bool, usize, usize)> = found
        .into_iter()
        .filter(|(_, _, _, first, _)| lower.binary_search(&first.as_str()).is_ok())
        .map(|(c, candidate, k, _, len)| (c, candidate, k, len))
        .collect();
    for (c, candidate, k, len) in drop {
        let features = &mut claims[c].features;
        let m = if candidate { &mut features.candidates[k] } else { &mut features.mentions[k] };
        m.span.start += len + 1;
        m.name = m.name[len + 1..].to_owned();
    }
}

/// The words the claims write in lower case, sorted, each once (for a binary search).
fn lower_words(claims: &[Claim]) -> Vec<&str> {
    let mut lower: Vec<&str> = claims
        .iter()
        .flat_map(|c| c.text.split(|ch: char| !ch.is_alphanumeric()))
        .filter(|w| w.starts_with(char::is_lowercase))
        .collect();
    order::sort_by_key(&mut lower, |w| *w);
    lower.dedup();
    lower
}

/// Where `words` stand in `text` as whole words.
pub(super) fn find_words(text: &str, words: &str) -> Option<usize> {
    let boundary = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
    text.match_indices(words)
        .map(|(at, _)| at)
        .find(|&at| boundary(text[..at].chars().next_back()) && boundary(text[at + words.len()..].chars().next()))
}

fn next_term(tokens: &[Token], after: usize) -> Option<usize> {
    let next = after + 1;
    match tokens.get(next) {
        Some(t) if t.is_term() => Some(next),
        _ => None,
    }
}

/// A sentence that opens with "It" or "They" as its subject refers to the first
/// organisation or product of the sentence before, in the same paragraph. `cues`
/// are the sentence's attribution cues.
fn resolve_pronoun(
    tokens: &[Token],
    text: &str,
    cues: &[PhraseMatch<Cue>],
    previous: Option<&Claim>,
) -> Option<(String, String)> {
    let first = tokens.iter().position(Token::is_term)?;
    let pronoun = tokens[first].text(text);
    if !matches!(pronoun, "It" | "They") {
        return None;
    }
    // "It is reported that …" is impersonal, not a reference.
    if cues.iter().any(|m| m.first == first && m.values.contains(&Cue::Impersonal)) {
        return None;
    }
    let antecedent = previous?
        .features
        .mentions
        .iter()
        .find(|m| matches!(m.kind.as_str(), "org" | "product") && !m.span.is_empty())?;
    Some((pronoun.to_owned(), antecedent.name.clone()))
}

/// "last year’s" → "last year".
fn without_possessive(s: &str) -> &str {
    s.strip_suffix("\u{2019}s").or_else(|| s.strip_suffix("'s")).unwrap_or(s)
}

/// The person an attribution names, if it ends with a personal name ("City
/// Councilman Jumaane D. Williams"; not "police", "AP" or "the report"): the name.
fn speaker_name(attribution: &str, knowledge: &Knowledge) -> Option<String> {
    let main = attribution.split(", ").next()?;
    let tokens = tokens::tokenize(main);
    let words: Vec<&Token> = tokens.iter().filter(|t| t.is_term()).collect();
    let mut start = words.len();
    while start > 0 && words[start - 1].is_capitalized(main) && !is_role(words[start - 1], main, knowledge) {
        start -= 1;
    }
    // Not all capitals ("AP", "CNN").
    let name = &words[start..];
    let proper = |t: &&Token| t.text(main).chars().skip(1).any(char::is_lowercase);
    (!name.is_empty() && name.iter().any(proper)).then(|| main[name[0].start..].to_owned())
}

/// Sentences after the one that opened a quotation that may inherit its speaker.
const QUOTE_MAX_SENTENCES: usize = 2;

/// Whether a quotation is still open after this sentence (“…”, "…", and ``…'' as
/// some pages and corpora write quotes).
fn quote_state(text: &str, mut open: bool) -> bool {
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\u{201C}' => open = true,
            '\u{201D}' => open = false,
            '"' => open = !open,
            '`' if chars.peek() == Some(&'`') => {
                chars.next();
                open = true;
            }
            '\'' if chars.peek() == Some(&'\'') => {
                chars.next();
                open = false;
            }
            _ => {}
        }
    }
    open
}

/// Who says it. See `data/cues.json` for the cue phrases, `data/general/` for the
/// speech verbs and roles. `earlier` are the source's attributions so far and
/// `people` the people it named, latest last: "The spokesperson" and "he" refer back.
/// `cues` are the sentence's attribution cues.
fn attribution(
    tokens: &[Token],
    text: &str,
    knowledge: &Knowledge,
    cues: &[PhraseMatch<Cue>],
    aliases: &[PhraseMatch<Alias>],
    earlier: &[String],
    people: &[String],
) -> Option<String> {
    // "States" in "the United States" is a name, "State" in "Secretary of State"
    // too, and "the state" a noun: none is a speech verb.
    let in_name = |i: usize| {
        aliases
            .iter()
            .any(|a| (a.first..=a.last).contains(&i) && a.values.iter().any(|v| matches!(v, Alias::Entity(_))))
    };
    let first_word = tokens.iter().position(Token::is_term);
    let mut according: Option<String> = None;
    let mut agent: Option<String> = None;
    for m in cues {
        if m.values.contains(&Cue::Impersonal) {
            return Some(format!("unnamed source (\u{201C}{}\u{201D})", &text[m.span(tokens)]));
        }
        if m.values.contains(&Cue::AccordingTo) && according.is_none() {
            according = phrase_after(tokens, text, m.last, knowledge);
        }
        if m.values.contains(&Cue::ByAgent) && agent.is_none() {
            agent = phrase_after(tokens, text, m.last, knowledge);
        }
    }
    match (agent, according) {
        (Some(agent), Some(via)) => return Some(format!("{agent}, via {via}")),
        (Some(one), None) | (None, Some(one)) => return Some(one),
        (None, None) => {}
    }
    let verbs = cues.iter().filter(|m| {
        let before = (0..m.first).rev().find(|&k| tokens[k].is_term());
        m.values.contains(&Cue::SpeechVerb)
            && !in_name(m.first)
            && (Some(m.first) == first_word || !tokens[m.first].is_capitalized(text))
            && before.is_none_or(|b| tokens[m.first].gap_before || !knowledge.determiners.contains(&tokens[b].norm))
            && next_term(tokens, m.last).is_none_or(|n| {
                let passive = before.is_some_and(|b| knowledge.auxiliaries.contains(&tokens[b].norm));
                let blocks = knowledge.not_after_verb.contains(&tokens[n].norm)
                    || passive && knowledge.not_after_passive.contains(&tokens[n].norm);
                !blocks
            })
    });
    for verb in verbs {
        // After a comma or a quote the speaker follows the verb ("…, said Alfredo
        // Perez"), unless nothing does ("Yu Chengdong, CEO of Consumer BG, said that").
        // Never for "told": "…, told AFP" names who heard it. A name with its
        // apposition before the verb wins ("Susan Rice, U.S. Ambassador, said the
        // government lied").
        let inverted = tokens[verb.first].gap_before && !knowledge.not_inverted.contains(&tokens[verb.first].norm);
        let before = subject_before(tokens, text, verb.first, knowledge);
        let after = || inverted.then(|| subject_after(tokens, text, verb.last, knowledge))?;
        let subject = match before {
            Some(b) if b.contains(", ") => Some(b),
            before => after().or(before),
        };
        let Some(subject) = subject else { continue };
        let lower = text::lowercase(&subject);
        // "he said": the last person the source named.
        if matches!(lower.as_str(), "he" | "she") {
            return people.last().cloned();
        }
        // "“We deny it,” said his attorney": a pronoun gives no one, but a later
        // speech verb may.
        if knowledge.pronouns.contains(&lower) {
            continue;
        }
        // "The spokesperson" after "a company spokesperson, via Reuters" is that spokesperson.
        if let Some(rest) = lower.strip_prefix("the ").or_else(|| lower.strip_prefix("this "))
            && let Some(found) = earlier.iter().rev().find(|a| text::lowercase(a).contains(rest))
        {
            return Some(found.clone());
        }
        return Some(subject);
    }
    None
}

/// Whether a phrase names someone: its last word a capitalised name or a role
/// ("police spokesperson", "officials", "the report").
fn names_someone(tokens: &[Token], text: &str, words: &[usize], knowledge: &Knowledge) -> bool {
    let Some(&head) = words.last() else { return false };
    let t = &tokens[head];
    (t.is_capitalized(text) && !t.is_stopword() && !phrases::is_weekday(&t.norm) && !phrases::is_month(&t.norm))
        || is_role(t, text, knowledge)
}

fn is_role(t: &Token, text: &str, knowledge: &Knowledge) -> bool {
    knowledge.roles.find(std::slice::from_ref(t), text).len() == 1
}

/// The noun phrase that ends a run of words: scanning back from the end, names,
/// roles, numbers, modifiers and "of" join it; a determiner ("a", "the", "his")
/// opens it; any other word (a verb: "reminded", "blames") ends it.
fn phrase_ending(tokens: &[Token], text: &str, words: &[usize], knowledge: &Knowledge) -> Vec<usize> {
    let mut start = words.len();
    while start > 0 {
        let t = &tokens[words[start - 1]];
        if knowledge.determiners.contains(&t.norm) {
            start -= 1;
            break;
        }
        let modifier = t.kind == Kind::Word
            && !t.is_stopword()
            && !t.norm.ends_with("ed")
            && !t.norm.ends_with("ing")
            && (!t.norm.ends_with('s') || t.is_capitalized(text) || is_role(t, text, knowledge));
        if is_time_word(t) || t.kind == Kind::Number {
            break;
        }
        let joins = t.is_capitalized(text)
            || is_role(t, text, knowledge)
            || modifier
            || (start < words.len() && matches!(t.norm.as_str(), "of" | "and" | "&" | "de" | "van" | "von"));
        if !joins {
            break;
        }
        start -= 1;
    }
    // "of" cannot open the phrase.
    while start < words.len() && matches!(tokens[words[start]].norm.as_str(), "of" | "and" | "&") {
        start += 1;
    }
    words[start..].to_vec()
}

/// The speaker's noun phrase that ends a run of words ([`phrase_ending`]), with a
/// place or body after a preposition read as the speaker's: "Christopher Gunness from
/// the UN agency" is Christopher Gunness, "a United Nations official in Gaza" keeps
/// its place (a role alone says little), not "Gaza" or "the UN agency".
fn speaker_ending(tokens: &[Token], text: &str, words: &[usize], knowledge: &Knowledge) -> Vec<usize> {
    let named = |i: &usize| tokens[*i].is_capitalized(text) && !tokens[*i].is_stopword();
    let mut tail = phrase_ending(tokens, text, words, knowledge);
    // "…approved an emergency proclamation and Ridgecrest Mayor Peggy Breeden said":
    // what "and" joins to the speaker is no speaker unless it names or is a role.
    if let Some(and) = tail.iter().rposition(|&i| tokens[i].norm == "and")
        && !tail[..and].iter().any(|i| named(i) || is_role(&tokens[*i], text, knowledge))
    {
        tail.drain(..=and);
    }
    let Some(preposition) = (words.len() - tail.len()).checked_sub(1) else { return tail };
    if tail.is_empty() || !matches!(tokens[words[preposition]].norm.as_str(), "from" | "in" | "at" | "with" | "for") {
        return tail;
    }
    let head = phrase_ending(tokens, text, &words[..preposition], knowledge);
    if head.iter().any(|&i| is_role(&tokens[i], text, knowledge)) {
        words[preposition - head.len()..].to_vec()
    } else if !head.is_empty() && head.iter().all(named) && !head.iter().any(|&i| is_time_word(&tokens[i])) {
        head
    } else {
        tail
    }
}

/// The phrase after a cue, up to the next comma or clause break: a media outlet
/// named in it stands for the whole phrase.
fn phrase_after(tokens: &[Token], text: &str, cue_last: usize, knowledge: &Knowledge) -> Option<String> {
    let start = next_term(tokens, cue_last)
        .or_else(|| tokens[cue_last + 1..].iter().position(Token::is_term).map(|p| p + cue_last + 1))?;
    let mut last = start;
    for (i, t) in tokens.iter().enumerate().skip(start + 1) {
        if t.is_term() {
            if t.gap_before {
                break;
            }
            last = i;
        }
    }
    let slice = &tokens[start..=last];
    for m in knowledge.find_aliases(slice, text) {
        if let Some(Alias::Entity(e)) = m.values.first()
            && knowledge.entities[*e].kind == "media"
        {
            return Some(knowledge.entities[*e].name.to_owned());
        }
    }
    // "according to a Texas prison statement Monday", "… blog on November 27": the
    // date is no part of it.
    let dated = |t: &Token| is_time_word(t) || t.kind == Kind::Number || matches!(t.norm.as_str(), "on" | "in" | "at");
    while last > start && dated(&tokens[last]) {
        last = (start..last).rev().find(|&k| tokens[k].is_term()).unwrap_or(start);
    }
    let phrase = strip_determiner(&text[tokens[start].start..tokens[last].end]);
    (!phrase.is_empty()).then(|| phrase.to_owned())
}

/// The speaker after a speech verb that follows a quote or a comma ("…,” said
/// British tourist Sam Ogden"; "…, said a police spokesperson"): the name or role
/// phrase up to the next break, if it is one.
fn subject_after(tokens: &[Token], text: &str, verb_last: usize, knowledge: &Knowledge) -> Option<String> {
    let mut words = Vec::new();
    let mut k = verb_last;
    // The next word, across joining punctuation ("Mr. Atti").
    let next = |k: usize| (k + 1..tokens.len()).find(|&j| tokens[j].is_term());
    while let Some(n) = next(k) {
        let t = &tokens[n];
        let connector = matches!(t.norm.as_str(), "of" | "for" | "the" | "a" | "an" | "and" | "de");
        if t.gap_before
            || (t.is_stopword() && !connector && !knowledge.determiners.contains(&t.norm))
            || words.len() == 12
        {
            break;
        }
        words.push(n);
        k = n;
    }
    while words
        .last()
        .is_some_and(|&w| matches!(tokens[w].norm.as_str(), "of" | "for" | "the" | "a" | "an" | "and" | "de"))
    {
        words.pop();
    }
    if !names_someone(tokens, text, &words, knowledge) || words.iter().any(|&w| is_time_word(&tokens[w])) {
        return None;
    }
    let (&first, &last) = (words.first()?, words.last()?);
    // "…,” said Biancardi's attorney, James Zeszutek.": a role, then the name it is.
    if is_role(&tokens[last], text, knowledge)
        && let Some(name) = name_after_comma(tokens, text, last)
    {
        return Some(name.to_owned());
    }
    Some(strip_determiner(&text[tokens[first].start..tokens[last].end]).to_owned())
}

/// The name that follows token `k` after a comma and ends the sentence or its clause
/// ("…, James Zeszutek."): capitalised words only.
fn name_after_comma<'t>(tokens: &[Token], text: &'t str, k: usize) -> Option<&'t str> {
    if tokens.get(k + 1)?.norm != "," {
        return None;
    }
    let name: Vec<usize> =
        (k + 2..tokens.len()).take_while(|&j| tokens[j].is_term() && (j == k + 2 || !tokens[j].gap_before)).collect();
    let ends = tokens.get(k + 2 + name.len()).is_none_or(|t| matches!(t.norm.as_str(), "." | "," | ";"));
    let capitalised = name.iter().all(|&j| tokens[j].is_capitalized(text) && !tokens[j].is_stopword());
    let (&first, &last) = (name.first()?, name.last()?);
    (ends && capitalised).then(|| &text[tokens[first].start..tokens[last].end])
}

/// Where token `last` ends, with the full stop of a dotted abbreviation it ends
/// ("7 p.m." keeps its stop: the tokenizer leaves it out, as it may end the sentence).
fn abbreviation_end(tokens: &[Token], text: &str, last: usize) -> usize {
    let t = &tokens[last];
    let dotted = t.kind == Kind::Word && t.text(text).contains('.');
    if dotted && text[t.end..].starts_with('.') { t.end + 1 } else { t.end }
}

fn is_time_word(t: &Token) -> bool {
    phrases::is_weekday(&t.norm) || phrases::is_month(&t.norm) || matches!(t.norm.as_str(), "today" | "yesterday")
}

fn strip_determiner(phrase: &str) -> &str {
    for det in ["the ", "a ", "an ", "The ", "A ", "An "] {
        if let Some(rest) = phrase.strip_prefix(det) {
            return rest.trim();
        }
    }
    phrase.trim()
}

/// The subject of a speech verb: the noun phrase of its clause right before it,
/// without lead words ("Although", "Separately", "previously") and auxiliaries
/// ("would not"); a name with an apposition before the verb keeps it ("Fred Wangfei,
/// general manager of the airline,"), a role before a name gives the name ("His
/// successor, Gurbanguli Berdymukhamedov,"). A pronoun is returned as written.
fn subject_before(tokens: &[Token], text: &str, verb_first: usize, knowledge: &Knowledge) -> Option<String> {
    let words: Vec<usize> = (0..verb_first).filter(|&i| tokens[i].is_term()).collect();
    let is_lead_token = |t: &Token| knowledge.lead_words.find(std::slice::from_ref(t), text).len() == 1;
    let is_lead = |i: usize| is_lead_token(&tokens[i]);
    // Segments of words between phrase-separating punctuation.
    let mut segments: Vec<Vec<usize>> = Vec::new();
    for &i in &words {
        if tokens[i].gap_before || segments.is_empty() {
            segments.push(Vec::new());
        }
        segments.last_mut()?.push(i);
    }
    let trim = |seg: &[usize]| -> Vec<usize> {
        let mut seg = seg.to_vec();
        while seg.first().is_some_and(|&i| is_lead(i)) {
            seg.remove(0);
        }
        // Auxiliaries and negations between subject and verb: "would not say".
        while seg.last().is_some_and(|&i| is_lead(i) || knowledge.auxiliaries.contains(&tokens[i].norm)) {
            seg.pop();
        }
        seg
    };
    // "Kevin Blacks, 33, said": the age is no part of the subject.
    while segments.len() > 1 && segments.last()?.iter().all(|&i| tokens[i].kind == Kind::Number) {
        segments.pop();
    }
    // "Barbara Boxer (D-Calif.) said": the bracket is no part of the subject.
    let bracketed = |seg: &[usize]| {
        let opens = seg.first().and_then(|&i| (0..i).rev().find(|&k| tokens[k].is_term() || tokens[k].norm == "("));
        let closes = tokens[..verb_first].iter().rev().find(|t| !(t.is_term() && is_lead_token(t)));
        opens.is_some_and(|k| tokens[k].norm == "(") && closes.is_some_and(|t| t.norm == ")")
    };
    if segments.len() > 1 && bracketed(segments.last()?) {
        segments.pop();
    }
    // "Smith, who was at the scene, said": the relative clause is no subject.
    if segments.len() > 1 && segments.last()?.first().is_some_and(|&i| knowledge.relatives.contains(&tokens[i].norm)) {
        segments.pop();
    }
    let last = trim(segments.last()?);
    if let [only] = last[..]
        && knowledge.pronouns.contains(&tokens[only].norm)
    {
        return Some(tokens[only].text(text).to_owned());
    }
    let is_name = |seg: &[usize]| {
        !seg.is_empty()
            && !tokens[seg[0]].is_stopword()
            && names_someone(tokens, text, seg, knowledge)
            && tokens[seg[0]].is_capitalized(text)
            && phrase_ending(tokens, text, seg, knowledge).len() == seg.len()
    };
    // "Yu Chengdong, CEO of Consumer BG, said": a clause closed by a comma right
    // before the verb is an apposition, and the name before it belongs to it.
    let closed_by_comma =
        tokens[..verb_first].iter().rev().find(|t| !(t.is_term() && is_lead_token(t))).is_some_and(|t| t.norm == ",");
    let chosen: Vec<usize> = if !last.is_empty() && closed_by_comma && segments.len() >= 2 {
        let before = trim(&segments[segments.len() - 2]);
        if is_name(&before) && !last.is_empty() && names_someone(tokens, text, &last, knowledge) {
            [before, last].concat()
        } else if names_someone(tokens, text, &last, knowledge) {
            last
        } else {
            before
        }
    } else if !last.is_empty() {
        speaker_ending(tokens, text, &last, knowledge)
    } else if segments.len() >= 2 {
        let joined: Vec<usize> = segments[..segments.len() - 1].concat();
        phrase_ending(tokens, text, &trim(&joined), knowledge)
    } else {
        Vec::new()
    };
    let (&first, &end) = (chosen.first()?, chosen.last()?);
    if chosen.len() > 12
        || !names_someone(tokens, text, &chosen, knowledge)
            && !chosen.iter().any(|&i| is_role(&tokens[i], text, knowledge))
    {
        return None;
    }
    let subject = text[tokens[first].start..tokens[end].end].trim_end_matches(',');
    Some(strip_determiner_keep_the(subject))
}

/// Keeps "The" when the phrase is a reference ("The spokesperson") so that it can be
/// resolved, drops "a"/"an", and "the" before a name ("the US Geological Survey").
fn strip_determiner_keep_the(phrase: &str) -> String {
    if let Some(rest) = phrase.strip_prefix("the ").or_else(|| phrase.strip_prefix("The "))
        && rest.starts_with(char::is_uppercase)
    {
        return rest.trim().to_owned();
    }
    for det in ["a ", "an ", "A ", "An "] {
        if let Some(rest) = phrase.strip_prefix(det) {
            return rest.trim().to_owned();
        }
    }
    phrase.trim().to_owned()
}

/// Token ranges (first, last, inclusive) of the time expressions of a sentence: the
/// phrases of `data/cues.json`, where a month is capitalised and "May" has a month's
/// context ("in May", "May 5", "5 May", "May 2019"; else it is the modal), and clock
/// times ("10:32", "01:39 GMT").
fn times(tokens: &[Token], text: &str, knowledge: &Knowledge) -> Vec<(usize, usize)> {
    let month_context = |m: &PhraseMatch<()>, i: usize| {
        let t = &tokens[i];
        if !t.is_capitalized(text) {
            return false;
        }
        // An abbreviation ("Jan", also a name) is a month only beside a number.
        if phrases::is_month_abbreviation(&t.norm) {
            return m.first < i || m.last > i;
        }
        if t.norm != "may" {
            return true;
        }
        let before = (0..i).rev().find(|&k| tokens[k].is_term()).map(|k| tokens[k].norm.as_str());
        m.first < i || m.last > i || before.is_some_and(|w| knowledge.month_context.contains(w))
    };
    // Clock times: digits, a colon and two digits written together, with the zone
    // or "am"/"pm" after them.
    let mut out: Vec<(usize, usize)> = Vec::new();
    for i in 0..tokens.len().saturating_sub(2) {
        let (h, colon, m) = (&tokens[i], &tokens[i + 1], &tokens[i + 2]);
        let minutes = m.norm.len() == 2 || (m.norm.len() == 4 && (m.norm.ends_with("am") || m.norm.ends_with("pm")));
        if h.kind == Kind::Number
            && colon.norm == ":"
            && m.norm.starts_with(|c: char| c.is_ascii_digit())
            && minutes
            && h.end == colon.start
            && colon.end == m.start
        {
            let zone = tokens.get(i + 3).is_some_and(|z| {
                knowledge.time_zones.contains(z.text(text)) || matches!(z.norm.as_str(), "am" | "pm" | "a.m" | "p.m")
            });
            out.push((i, if zone { i + 3 } else { i + 2 }));
        }
    }
    // Clock times written as one word: "9pm", "11am", "9.30pm", with the zone after.
    for (i, t) in tokens.iter().enumerate() {
        let hour = text::meridiem_clock(&t.norm).and_then(|(hours, _)| hours.parse::<u8>().ok());
        if t.kind == Kind::Word && hour.is_some_and(|h| h <= 12) {
            let zone = tokens.get(i + 1).is_some_and(|z| knowledge.time_zones.contains(z.text(text)));
            out.push((i, if zone { i + 1 } else { i }));
        }
    }
    // Dates in figures: "05 / 02 / 2013", "12/23/12"; and a day before its year whose
    // month a page cut off ("14, 2013").
    for i in 0..tokens.len().saturating_sub(2) {
        let figure = |k: usize| tokens.get(k).is_some_and(|t| t.kind == Kind::Number && t.norm.len() <= 4);
        let slash = |k: usize| tokens.get(k).is_some_and(|t| t.norm == "/");
        if out.iter().any(|&(_, b)| b >= i) {
            continue;
        }
        if figure(i) && slash(i + 1) && figure(i + 2) && slash(i + 3) && figure(i + 4) {
            out.push((i, i + 4));
        } else if figure(i)
            && tokens[i].norm.len() <= 2
            && (0..i).rev().find(|&k| tokens[k].is_term()).is_none_or(|k| !phrases::is_month(&tokens[k].norm))
            && tokens[i + 1].norm == ","
            && phrases::is_year(&tokens[i + 2])
        {
            out.push((i, i + 2));
        }
    }
    // "9pm local time", "10:32 a.m. local time": the words belong to the clock time.
    for (_, last) in &mut out {
        if tokens.get(*last + 1).is_some_and(|t| t.norm == "local")
            && tokens.get(*last + 2).is_some_and(|t| t.norm == "time")
        {
            *last += 2;
        }
    }
    let clocks = out.len();
    for m in knowledge.times.find(tokens, text) {
        let months_fit =
            (m.first..=m.last).filter(|&i| phrases::is_month(&tokens[i].norm)).all(|i| month_context(&m, i));
        if months_fit && !out[..clocks].iter().any(|&(a, b)| a <= m.last && m.first <= b) {
            out.push((m.first, m.last));
        }
    }
    order::sort_by_key(&mut out, |&(first, _)| first);
    // "March 11, 2005": a date and the year after its comma are one.
    let mut k = 0;
    while k + 1 < out.len() {
        let (first, last) = out[k];
        let (next_first, next_last) = out[k + 1];
        let dated = tokens[last].kind == Kind::Number && (first..last).any(|i| phrases::is_month(&tokens[i].norm));
        if dated
            && next_first == next_last
            && next_first == last + 2
            && tokens[last + 1].norm == ","
            && phrases::is_year(&tokens[next_first])
        {
            out[k] = (first, next_last);
            out.remove(k + 1);
        }
        k += 1;
    }
    out
}

/// A number as written in one token: digits ("1,200", "9.5"), digits with a scale or
/// unit written on ("300m", "1.2bn", "5km"), or a number word ("two", "dozens").
/// The value, a suffix scale or unit, and whether it is only an order of size.
fn number_at(t: &Token, knowledge: &Knowledge) -> Option<(f64, Option<Scale>, Option<Unit>, bool)> {
    match t.kind {
        Kind::Number => Some((text::parse_decimal(&t.norm.replace(',', ""))?, None, None, false)),
        Kind::Punct => None,
        Kind::Word if t.norm.starts_with(|c: char| c.is_ascii_digit()) => {
            let split = t.norm.find(|c: char| c.is_alphabetic())?;
            let (digits, suffix) = t.norm.split_at(split);
            let value = text::parse_decimal(&digits.replace(',', ""))?;
            if let Some((_, scale)) = knowledge.scale_words.iter().find(|(w, _)| *w == suffix) {
                return Some((value * scale.factor, Some(*scale), None, false));
            }
            let unit = knowledge.unit_word(suffix)?;
            Some((value, None, Some(unit), false))
        }
        Kind::Word => phrases::number_word_of(&t.norm).map(|(v, approx)| (v, None, None, approx)),
    }
}

/// The word after `i`, across a hyphen ("7.6-magnitude", "33-year-old").
fn next_word(tokens: &[Token], i: usize) -> Option<usize> {
    next_term(tokens, i).or_else(|| (tokens.get(i + 1)?.norm == "-" && tokens.get(i + 2)?.is_term()).then_some(i + 2))
}

/// Numbers with their currency, scale, unit, qualifier and what they count: the
/// noun phrase after them ("400 firefighters battled" counts "firefighters"), a unit
/// ("7.6 magnitude"), a currency ("$5 billion"), or the name a version belongs to.
fn quantities(
    tokens: &[Token],
    text: &str,
    knowledge: &Knowledge,
    speech: &[PhraseMatch<Cue>],
    times: &[(usize, usize)],
) -> Vec<Quantity> {
    let in_time = |i: usize| times.iter().any(|&(a, b)| (a..=b).contains(&i));
    let qualifiers = knowledge.qualifiers.find(tokens, text);
    let previous_word = |i: usize| (0..i).rev().find(|&k| tokens[k].is_term());
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        let Some((mut value, suffix_scale, mut unit, approximate)) = number_at(t, knowledge) else {
            i += 1;
            continue;
        };
        let before = previous_word(i);
        let next = next_term(tokens, i);
        let next_norm = next.map(|n| tokens[n].norm.as_str());
        let is_word = t.kind == Kind::Word && suffix_scale.is_none() && unit.is_none();
        // Times are read elsewhere; "one of the main contributors", "no one", "one-sided"
        // and the years of "1982-83" are not counts.
        let pronoun_one = is_word
            && t.norm == "one"
            && (before.is_some_and(|b| knowledge.not_counts_before.contains(&tokens[b].norm))
                || tokens.get(i + 1).is_some_and(|h| h.norm == "-"));
        let after_year = i >= 2 && tokens[i - 1].norm == "-" && phrases::is_year(&tokens[i - 2]);
        if in_time(i) || pronoun_one || after_year || (is_word && !approximate && next_norm == Some("of")) {
            i += 1;
            continue;
        }
        let mut start = t.start;
        let mut last = i;
        let mut kind = "count";
        // "170, 000": thousands written apart (detokenised text).
        if t.kind == Kind::Number
            && t.norm.len() <= 3
            && let [comma, thousands, ..] = &tokens[i + 1..]
            && comma.norm == ","
            && thousands.kind == Kind::Number
            && thousands.norm.len() == 3
            && thousands.start == comma.end + 1
            && let Some(low) = text::parse_decimal(&thousands.norm)
        {
            value = value * 1000.0 + low;
            last = i + 2;
        }
        // "minus 17 degrees".
        if before.is_some_and(|b| tokens[b].norm == "minus") {
            value = -value;
            start = tokens[before.unwrap_or(i)].start;
        }
        let mut currency: Option<Currency> = None;
        // "a dozen", "a hundred".
        if is_word && value >= 12.0 && before.is_some_and(|b| b + 1 == i && tokens[b].norm == "a") {
            start = tokens[i - 1].start;
        }
        if let Some((sign, c)) = knowledge.currency_signs.iter().find(|(sign, _)| {
            text[..t.start].ends_with(sign) && !text[..t.start - sign.len()].ends_with(char::is_alphanumeric)
        }) {
            start = t.start - sign.len();
            currency = Some(*c);
        }
        // The qualifier before the number, or before its currency sign or "a".
        let opening = tokens.iter().rposition(|w| w.start <= start).unwrap_or(i);
        if let Some(q) =
            qualifiers.iter().find(|q| q.last < opening && (q.last + 1..opening).all(|k| !tokens[k].is_term()))
        {
            start = start.min(tokens[q.first].start);
        }
        // A range: "5 to 10", "5-10", "between 5 and 10"; "51-50" is a score.
        let mut hyphen_pair = false;
        if last == i
            && let Some(to) = tokens.get(i + 1).filter(|to| matches!(to.norm.as_str(), "-" | "to" | "and" | "\u{2013}"))
            && let Some((upper, ..)) =
                tokens.get(i + 2).filter(|u| u.kind == t.kind).and_then(|u| number_at(u, knowledge))
            && (to.norm != "and" || qualifiers.iter().any(|q| tokens[q.first].norm == "between" && q.last + 1 == i))
            && !in_time(i + 2)
        {
            last = i + 2;
            hyphen_pair = to.norm == "-" && tokens[i + 1].start == t.end;
            if upper <= value && to.norm != "to" {
                kind = "score";
            }
        }
        let mut scale = suffix_scale;
        if scale.is_none() {
            if let Some(s) = knowledge.scales.find(&tokens[last + 1..], text).first().filter(|s| s.first == 0) {
                scale = s.values.first().copied();
                last += 1 + s.last;
            } else if let Some(sign) = tokens.get(last + 1).filter(|p| p.kind == Kind::Punct)
                && let Some((_, s)) = knowledge.scale_words.iter().find(|(w, _)| *w == sign.norm)
            {
                scale = Some(*s);
                last += 1;
            }
            if let Some(s) = scale {
                value *= s.factor;
            }
        }
        if scale.is_some_and(|s| s.percent) {
            kind = "percent";
        }
        // "5 billion dollars", "7.6-magnitude", "33-year-old", "magnitude 7.6".
        if currency.is_none()
            && let Some(c) = knowledge.currency_names.find(&tokens[last + 1..], text).first().filter(|m| m.first == 0)
        {
            currency = c.values.first().copied();
            last += 1 + c.last;
        }
        if unit.is_none() && currency.is_none() && kind == "count" && !approximate {
            if let Some(n) = next_word(tokens, last)
                && let Some(u) = knowledge.units.find(&tokens[n..], text).first().filter(|m| m.first == 0)
            {
                unit = u.values.first().copied();
                last = n + u.last;
            } else if let Some(b) = before
                && let Some(u) = knowledge.unit_word(&tokens[b].norm).filter(|u| u.dimension == "magnitude")
            {
                unit = Some(u);
                start = start.min(tokens[b].start);
            }
        }
        // "60m" without a currency is metres, with one millions ("£300m").
        if currency.is_none() && suffix_scale.is_some() && t.norm.ends_with('m') {
            value /= 1e6;
            unit = knowledge.unit_word("metres");
        }
        let mut counts = String::new();
        let mut counts_key = String::new();
        if kind == "score" {
            counts_key = "score".to_owned();
        } else if let Some(c) = currency {
            kind = "money";
            counts = c.name.to_owned();
            counts_key = c.code.to_owned();
        } else if let Some(u) = unit {
            kind = "unit";
            counts = u.name.to_owned();
            counts_key = u.name.to_owned();
        } else if let Some(name) =
            version_of(tokens, text, i, before, &qualifiers).filter(|_| kind == "count" && last == i)
        {
            kind = "version";
            start = tokens[name.0].start;
            counts = text[tokens[name.0].start..tokens[name.1].end].to_owned();
            counts_key = tokens[name.0..=name.1]
                .iter()
                .filter(|t| t.is_term())
                .map(|t| t.key.as_str())
                .collect::<Vec<_>>()
                .join(" ");
        } else {
            // What it counts: the noun phrase after it ("of" after an order of size or a
            // percentage: "hundreds of people", "9.5% of voters").
            let mut from = Some(last).filter(|_| kind == "count");
            if let Some(of) = next_term(tokens, last).filter(|&n| tokens[n].norm == "of")
                && (approximate || kind == "percent")
            {
                from = Some(of);
                if let Some(the) = next_term(tokens, of).filter(|&n| tokens[n].norm == "the") {
                    from = Some(the);
                }
            }
            if let Some((first_noun, head)) =
                from.and_then(|from| counted_phrase(tokens, text, from, value, knowledge, speech))
            {
                counts = text[tokens[first_noun].start..tokens[head].end].to_owned();
                // "two others" names no thing of its own: no figure is compared with it.
                if !knowledge.counted_pronouns.contains(&tokens[head].norm) {
                    counts_key = tokens[head].key.to_string();
                }
                last = head;
            }
        }
        // "a 5-19 start", "a 35-47 record": a pair that counts no plural is a score.
        if hyphen_pair && kind == "count" && !counts.ends_with('s') {
            kind = "score";
            counts.clear();
            counts_key = "score".to_owned();
            last = i + 2;
        }
        // A number word that counts nothing ("those two were", "ONE MORE") is no
        // figure, nor is an order of size of a unit ("the next several years").
        if is_word && (counts.is_empty() || (approximate && knowledge.unit_word(&tokens[last].norm).is_some())) {
            i += 1;
            continue;
        }
        let end = tokens[last].end;
        out.push(Quantity { text: text[start..end].to_owned(), value, counts, kind, counts_key });
        i = last + 1;
    }
    out
}

/// The capitalised words a number belongs to, as a version or model ("Windows 10",
/// "Boeing 737", "Flight 302"): up to three words right before it, not a month, a
/// qualifier or a stopword ("About 400" is a count).
fn version_of(
    tokens: &[Token],
    text: &str,
    i: usize,
    before: Option<usize>,
    qualifiers: &[PhraseMatch<()>],
) -> Option<(usize, usize)> {
    let t = &tokens[i];
    let b = before.filter(|&b| b + 1 == i)?;
    let name_word = |k: usize| {
        let w = &tokens[k];
        w.kind == Kind::Word
            && w.is_capitalized(text)
            && !w.is_stopword()
            && !phrases::is_month(&w.norm)
            && !phrases::is_weekday(&w.norm)
            && !qualifiers.iter().any(|q| (q.first..=q.last).contains(&k))
    };
    // "Bluejays 14", "Creighton Bluejays 65": a team's score, not a model.
    if t.kind != Kind::Number || t.gap_before || !name_word(b) || tokens[b].norm.ends_with('s') {
        return None;
    }
    let mut first = b;
    while first > 0 && b - first < 2 && !tokens[first].gap_before && name_word(first - 1) {
        first -= 1;
    }
    Some((first, b))
}

/// The noun phrase a number counts, from the word after `from`: up to four words
/// that are not stopwords, stop words of counted nouns or speech verbs; a plural
/// noun ends it when the number is not one, and verb-like words ("battled",
/// "early") do not end it. First word and head (last word).
fn counted_phrase(
    tokens: &[Token],
    text: &str,
    from: usize,
    value: f64,
    knowledge: &Knowledge,
    speech: &[PhraseMatch<Cue>],
) -> Option<(usize, usize)> {
    let mut words = Vec::new();
    let mut k = from;
    // Across hyphens: "40 regular-season victories".
    while let Some(n) = next_word(tokens, k) {
        let word = &tokens[n];
        // "two others": the pronoun stands for what is counted.
        if words.is_empty() && !word.gap_before && knowledge.counted_pronouns.contains(&word.norm) {
            return Some((n, n));
        }
        if word.gap_before
            || word.kind != Kind::Word
            || word.is_stopword()
            || knowledge.counted_stop.contains(&word.norm)
            || (!word.norm.ends_with('s') && speech.iter().any(|m| (m.first..=m.last).contains(&n)))
            || words.len() == 4
        {
            break;
        }
        let plural = word.norm.ends_with('s') && !word.norm.ends_with("ss") && !word.norm.ends_with("us");
        // "5 Democrats", "two Israeli missiles" count them; "two Brooklyn South Anti
        // Crime officers", "473 East 52nd Street" no.
        let then_lowercase = next_term(tokens, n).is_some_and(|m| {
            let w = &tokens[m];
            !w.gap_before
                && w.kind == Kind::Word
                && !w.is_capitalized(text)
                && !w.is_stopword()
                && !w.norm.starts_with(|c: char| c.is_ascii_digit())
        });
        if word.is_capitalized(text) && (!words.is_empty() || !(plural || then_lowercase)) {
            break;
        }
        // A word before "that" or an article is the verb after the phrase: "One
        // capital murder conviction found that…", "one man shot a…".
        let verb_before = next_term(tokens, n)
            .is_some_and(|m| !tokens[m].gap_before && matches!(tokens[m].norm.as_str(), "that" | "the" | "a" | "an"));
        if verb_before && !words.is_empty() {
            break;
        }
        words.push(n);
        // A plural noun ends it ("400 firefighters battled"), "people" too.
        if (plural || knowledge.plurals.contains(&word.norm)) && value != 1.0 {
            break;
        }
        k = n;
    }
    while let Some(&w) = words.last() {
        let norm = &tokens[w].norm;
        if (norm.ends_with("ed") && norm.len() > 4 && norm != "hundred") || norm.ends_with("ly") {
            words.pop();
        } else {
            break;
        }
    }
    Some((*words.first()?, *words.last()?))
}

/// Keys (and concept keys) of the predicates that a negation governs: the first
/// content word after "not", "cannot", "no"…
fn negated(
    tokens: &[Token],
    text: &str,
    knowledge: &Knowledge,
    aliases: &[PhraseMatch<Alias>],
) -> Vec<(String, Range<usize>)> {
    let mut out = Vec::new();
    for m in knowledge.negation.find(tokens, text) {
        if m.values.contains(&false) {
            continue; // "not only", "no doubt": not a negation
        }
        let mut k = m.last;
        while let Some(n) = next_term(tokens, k) {
            let t = &tokens[n];
            if t.gap_before || n - m.last > 4 {
                break;
            }
            if !t.is_stopword() && !matches!(t.norm.as_str(), "be" | "been" | "being" | "have" | "has") {
                let alias = aliases.iter().find(|a| (a.first..=a.last).contains(&n));
                let end = alias.map_or(t.end, |a| tokens[a.last].end);
                let span = tokens[m.first].start..end;
                out.push((t.key.to_string(), span.clone()));
                if let Some(concept) = alias.and_then(|a| concept_of(a, knowledge)) {
                    out.push((concept, span));
                }
                break;
            }
            k = n;
        }
    }
    out
}

fn concept_of(m: &PhraseMatch<Alias>, knowledge: &Knowledge) -> Option<String> {
    m.values.iter().find_map(|v| match v {
        Alias::Concept(c) => Some(format!("~{}", knowledge.concepts[*c].name)),
        Alias::Entity(_) => None,
    })
}

/// Adds `@Entity` with `weight`, and its ancestors with half of it each step.
fn add_entity_terms(terms: &mut Terms, name: &str, knowledge: &Knowledge, weight: f32) {
    let mut name = Some(name);
    let mut weight = weight;
    let mut depth = 0;
    let mut key = String::new();
    while let Some(n) = name {
        key.clear();
        key.push('@');
        key.push_str(n);
        terms.raise(&key, weight);
        name = knowledge.entity_index(n).and_then(|i| knowledge.entities[i].parent);
        weight *= 0.5;
        depth += 1;
        if depth > 4 {
            break;
        }
    }
}

/// The claim's weighted keys: entities as `@Name` (with their parents, at half
/// weight), concepts as `~name`, other content words as stems.
fn terms(
    tokens: &[Token],
    aliases: &[PhraseMatch<Alias>],
    times: &[(usize, usize)],
    knowledge: &Knowledge,
) -> (Terms, Vec<(String, Range<usize>)>) {
    let mut terms = Terms::default();
    let mut spans = Vec::new();
    let mut covered = vec![false; tokens.len()];
    // Time expressions are compared as times, not as words ("last year").
    for &(first, last) in times {
        covered[first..=last].iter_mut().for_each(|c| *c = true);
    }
    for m in aliases {
        let span = m.span(tokens);
        for value in m.values {
            match value {
                Alias::Entity(e) => {
                    let name = &knowledge.entities[*e].name;
                    add_entity_terms(&mut terms, name, knowledge, 1.0);
                    spans.push((format!("@{name}"), span.clone()));
                }
                Alias::Concept(c) => {
                    let key = format!("~{}", knowledge.concepts[*c].name);
                    terms.add(&key, 1.0);
                    spans.push((key, span.clone()));
                }
            }
        }
        covered[m.first..=m.last].iter_mut().for_each(|c| *c = true);
    }
    for (i, t) in tokens.iter().enumerate() {
        if covered[i] || !t.is_term() || t.is_stopword() || t.norm.chars().count() < 2 {
            continue;
        }
        if t.kind == Kind::Number {
            continue;
        }
        terms.add(&t.key, 1.0);
        spans.push((t.key.to_string(), t.start..t.end));
    }
    (terms, spans)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::clean;

    fn claims_of(text: &str) -> Vec<Claim> {
        let k = Knowledge::embedded();
        let cleaned = clean::clean(text, None, &k.furniture);
        let mut claims = extract(&cleaned, "t", "T", k);
        resolve_names(&mut claims, k);
        claims
    }

    fn names_of(text: &str) -> Vec<(String, &'static str)> {
        let k = Knowledge::general();
        let cleaned = clean::clean(text, None, &k.furniture);
        let mut claims = extract(&cleaned, "t", "T", k);
        resolve_names(&mut claims, k);
        claims
            .iter()
            .flat_map(|c| c.features.mentions.iter().map(|m| (m.name.clone(), knowledge::kind_class(&m.kind))))
            .collect()
    }

    #[test]
    fn names_in_any_text() {
        let names = names_of(
            "Macron said it was a tragedy. President Emmanuel Macron visited France's capital with Jean-Claude Gallet.",
        );
        assert_eq!(
            names,
            [
                ("Emmanuel Macron".to_owned(), "person"),
                ("Emmanuel Macron".to_owned(), "person"),
                ("France".to_owned(), "place"),
                ("Jean-Claude Gallet".to_owned(), "person")
            ]
        );
        assert!(names_of("Massive crowds gathered. Oh, I've seen it.").is_empty());
    }

    #[test]
    fn quote_state_tracks_curly_quotes() {
        assert!(quote_state("\u{201C}open", false));
        assert!(!quote_state("\u{201C}open\u{201D}", false));
        assert!(quote_state("still", true));
    }

    #[test]
    fn pronoun_resolves_to_previous_product() {
        let claims = claims_of("Among them, HMS Apps include core applications. It can form an alternative to Google.");
        assert_eq!(claims[1].features.resolved, Some(("It".into(), "HMS Apps".into())));
        assert!(claims[1].entities.contains(&"HMS Apps".to_owned()));
    }
}
