//! Everything the analysis knows, read from the data files under `data/`, in two
//! layers: *general* knowledge that holds for any English news text (furniture
//! patterns, cue phrases, the general lexicon, places, outlets, titles and first
//! names of `data/general/`), and *story packs* (`data/stories/<id>/`: one story's
//! entities, concepts, topics and outlook phrases). A [`Knowledge`] is the general
//! layer plus at most one pack; [`Knowledge::scoped`] picks the one a pair of
//! sources belongs to. Built once per scope; user topics make a new one.

use super::clean::{Furniture, FurnitureRule};
use super::phrases::{MatchOn, PhraseMatch, PhraseSet};
use super::tokens::Token;
use std::sync::LazyLock;

/// A word list of the data files, kept as one string (items separated by U+001F)
/// so the binary holds no table of pointers for it.
#[derive(Clone, Copy, Debug)]
pub struct List(pub &'static str);

impl List {
    pub fn iter(self) -> impl Iterator<Item = &'static str> {
        self.0.split('\u{1f}').filter(|s| !s.is_empty())
    }
    pub fn contains(self, word: &str) -> bool {
        // Most words are in no list: one substring search rules them out before the split.
        self.0.contains(word) && self.iter().any(|w| w == word)
    }
}

/// An entity of a lexicon (`data/lexicon.json`, `data/general/*.tsv`, a pack's `lexicon.json`).
#[derive(Debug)]
pub struct EntityDef {
    pub name: &'static str,
    /// `person`, `org`, `product`, `place`, `media` or `policy` (see [`kind_class`]).
    pub kind: &'static str,
    pub aliases: List,
    /// The organisation or product it belongs to ("iPhone" → "Apple").
    pub parent: Option<&'static str>,
    pub case_sensitive: bool,
}

/// The kind of entity a reader sees, from a lexicon kind or a guessed one:
/// `person`, `organisation` (`org`, `media`), `place`, or `other` (`product`,
/// `policy`, a name of unknown kind).
pub fn kind_class(kind: &str) -> &'static str {
    match kind {
        "person" => "person",
        "org" | "media" => "organisation",
        "place" => "place",
        _ => "other",
    }
}

/// A synonym group of the lexicon ("replace" ~ "alternative").
#[derive(Debug)]
pub struct ConceptDef {
    pub name: &'static str,
    pub aliases: List,
}

/// A topic as a story pack's `topics.json` defines it.
#[derive(Debug)]
pub struct TopicData {
    pub id: &'static str,
    pub label: &'static str,
    pub description: &'static str,
    pub terms: List,
}

/// The cue phrases of `data/cues.json`.
#[derive(Debug)]
pub struct Cues {
    pub according_to: List,
    pub by_agent: List,
    pub impersonal: List,
    pub not_after_verb: List,
    pub not_after_passive: List,
    pub determiners: List,
    pub auxiliaries: List,
    pub not_inverted: List,
    pub pronouns: List,
    pub person_pronouns: List,
    pub group_pronouns: List,
    pub relatives: List,
    pub lead_words: List,
    pub negation: List,
    pub not_negations: List,
    pub times: List,
    pub qualifiers: List,
    pub counted_stop: List,
    pub plurals: List,
    pub not_counts_before: List,
    pub counted_pronouns: List,
    pub month_before: List,
    pub zones: List,
}

/// One layer of knowledge: the general one, or a story pack's.
#[derive(Debug)]
pub struct Layer {
    pub entities: &'static [EntityDef],
    pub concepts: &'static [ConceptDef],
    pub opposites: &'static [(&'static str, &'static str)],
    pub topics: &'static [TopicData],
    /// Outlook words and phrases, hopeful and doubtful.
    pub positive: List,
    pub negative: List,
    /// Capitalised words that are not names ("CEO").
    pub not_names: List,
}

/// What is true of one story only (`data/stories/<id>/`).
#[derive(Debug)]
pub struct StoryPack {
    /// The folder's name; `SourceText::story` holds it.
    pub id: &'static str,
    pub title: &'static str,
    pub layer: Layer,
}

/// The story packs compiled in, for a reader to assign a source to one.
pub fn story_packs() -> &'static [StoryPack] {
    data::PACKS
}

/// The pack with this id.
pub fn story_pack(id: &str) -> Option<&'static StoryPack> {
    data::PACKS.iter().find(|p| p.id == id)
}

/// Month names, lower case, January first (`data/general/calendar.txt`).
pub fn months() -> List {
    data::MONTHS
}

/// Lower-case particles inside a name ("de", "van", "of"), from `data/general/name-words.txt`.
pub fn particles() -> List {
    data::PARTICLES
}

/// Last words of organisation names ("Airlines", "Ministry").
pub fn organisation_heads() -> List {
    data::ORG_HEADS
}

/// Last words of place names ("Street", "Airport").
pub fn place_heads() -> List {
    data::PLACE_HEADS
}

/// Words a Title Case line leaves in lower case ("of", "into"), from `data/general/name-words.txt`.
pub fn title_minor_words() -> List {
    data::TITLE_MINOR
}

/// Generational suffixes after a surname ("Jr", "III"), from `data/general/name-words.txt`.
pub fn name_suffixes() -> List {
    data::NAME_SUFFIXES
}

/// Lower-case words that say what kind of place a name is ("Aceh province", "province of
/// Aceh"), from `data/general/name-words.txt`.
pub fn place_qualifiers() -> List {
    data::PLACE_QUALIFIERS
}

/// Lower-case words that make a leader's or a people's name an organisation ("Bush
/// administration", "Israeli army"), from `data/general/name-words.txt`.
pub fn body_words() -> List {
    data::BODY_WORDS
}

/// Honorifics, lower case ("dame", "sir"), from `data/general/name-words.txt`:
/// titles before a name, words of a name after another capitalised word.
pub fn honorifics() -> List {
    data::HONORIFICS
}

/// First words that make a name a place ("Mount Cook", "Lake Victoria", "Fort Smith"),
/// from `data/general/name-words.txt`.
pub fn place_openings() -> List {
    data::PLACE_OPENINGS
}

/// Lower-case words that say a name is a group's ("the Young Goon gang"), from
/// `data/general/name-words.txt`.
pub fn group_qualifiers() -> List {
    data::GROUP_QUALIFIERS
}

/// Lower-case nouns that, in an apposition after a name, make it an organisation's
/// ("SeaMicro, a server maker"), from `data/general/name-words.txt`.
pub fn organisation_nouns() -> List {
    data::ORGANISATION_NOUNS
}

/// Lower-case nouns that, after a determiner and a name, make it a product's ("the Atom
/// processor"), from `data/general/name-words.txt`.
pub fn product_nouns() -> List {
    data::PRODUCT_NOUNS
}

/// Portfolios of a department or a minister ("Commerce", "Interior"): before a title or
/// "department" a word of it, not a name; from `data/general/name-words.txt`.
pub fn portfolios() -> List {
    data::PORTFOLIOS
}

/// Abbreviated month and weekday names, lower case ("nov", "tues").
pub fn calendar_abbreviations() -> List {
    data::CALENDAR_SHORT
}

/// Weekday names, lower case, Monday first.
pub fn weekdays() -> List {
    data::WEEKDAYS
}

/// The general word lists of `data/general/` this module reads: one entry a line,
/// tab-separated columns, `#` comments.
mod general {
    pub const ROLES: &str = include_str!("../../../../data/general/roles.txt");
    pub const SPEECH_VERBS: &str = include_str!("../../../../data/general/speech-verbs.txt");
    pub const UNITS: &str = include_str!("../../../../data/general/units.tsv");
    pub const CURRENCIES: &str = include_str!("../../../../data/general/currencies.tsv");
    pub const SCALES: &str = include_str!("../../../../data/general/scales.tsv");
    pub const NUMBER_WORDS: &str = include_str!("../../../../data/general/number-words.tsv");
}

/// The rows of a line list (`data/general/*.txt`, `*.tsv`): columns split on tabs,
/// without comments and blank lines.
pub fn rows(list: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    list.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')).map(|l| l.split('\t').map(str::trim).collect())
}

/// Numbers written as words (`data/general/number-words.tsv`): value, and whether
/// the word gives only an order of size ("hundreds").
pub fn number_words() -> impl Iterator<Item = (&'static str, f64, bool)> {
    rows(general::NUMBER_WORDS).filter_map(|r| {
        let value = super::text::parse_decimal(r.get(1)?)?;
        Some((r[0], value, r.get(2) == Some(&"approx")))
    })
}

/// A unit of measure (`data/general/units.tsv`): what a quantity in it counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Unit {
    pub name: &'static str,
    pub dimension: &'static str,
}

/// A currency (`data/general/currencies.tsv`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Currency {
    pub code: &'static str,
    pub name: &'static str,
}

/// A word that multiplies the number before it; `percent` for percent signs.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scale {
    pub factor: f64,
    pub percent: bool,
}

/// The data files, as build.rs wrote them out.
mod data {
    use super::{ConceptDef, Cues, EntityDef, FurnitureRule, Layer, List, StoryPack, TopicData};
    include!(concat!(env!("OUT_DIR"), "/knowledge_data.rs"));
}

/// A topic as defined in a story pack's `topics.json` or by the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TopicDef {
    pub id: String,
    pub label: String,
    pub description: String,
    pub terms: Vec<String>,
}

impl From<&TopicData> for TopicDef {
    fn from(t: &TopicData) -> Self {
        TopicDef {
            id: t.id.to_owned(),
            label: t.label.to_owned(),
            description: t.description.to_owned(),
            terms: t.terms.iter().map(str::to_owned).collect(),
        }
    }
}

/// What an alias stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Alias {
    Entity(usize),
    Concept(usize),
}

/// Kinds of attribution cue.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cue {
    AccordingTo,
    SpeechVerb,
    ByAgent,
    Impersonal,
}

#[derive(Debug)]
pub struct Knowledge {
    /// The story pack in use, if any.
    pub story: Option<&'static str>,
    /// The reader's own topics, on top of the pack's.
    pub extra_topics: Vec<TopicDef>,
    pub furniture: Furniture,
    /// General entities, then the pack's (a pack entity may share a general one's name:
    /// it adds aliases).
    pub entities: Vec<&'static EntityDef>,
    /// Entity names, sorted, with their first index in `entities`.
    by_name: Vec<(&'static str, usize)>,
    pub concepts: Vec<&'static ConceptDef>,
    /// Pairs of concepts that point opposite ways ("reuse" / "abandon").
    pub opposites: Vec<(&'static str, &'static str)>,
    /// Entity aliases (on stems).
    pub aliases: PhraseSet<Alias>,
    /// Concept aliases (word for word).
    pub concept_aliases: PhraseSet<Alias>,
    pub topics: Vec<TopicDef>,
    /// Topic terms; values are indices into `topics`.
    pub topic_terms: PhraseSet<usize>,
    pub attribution: PhraseSet<Cue>,
    /// Words never taken as the start of an attribution ("Although", "However").
    pub lead_words: PhraseSet<()>,
    /// Words after a speech verb that mean it is not one ("reports to"), or not when
    /// an auxiliary stands before the verb ("were reported in Greece").
    pub not_after_verb: List,
    pub not_after_passive: List,
    /// Words of an attribution's noun phrase: what opens it ("a", "his"), what stands
    /// between it and the verb ("would not"), pronouns, relative clauses ("who").
    pub determiners: List,
    pub auxiliaries: List,
    /// Speech verbs whose speaker never follows them ("told").
    pub not_inverted: List,
    pub pronouns: List,
    /// Pronouns only a person takes ("he", "her"): right after a name, its kind.
    pub person_pronouns: List,
    /// Pronouns a firm or a group takes and a person does not ("its").
    pub group_pronouns: List,
    pub relatives: List,
    /// Negations (`true`), and look-alikes that are not ("not only": `false`).
    pub negation: PhraseSet<bool>,
    pub times: PhraseSet<()>,
    /// Scale words after a number ("billion", "bn", "%"): `data/general/scales.tsv`.
    pub scales: PhraseSet<Scale>,
    /// Scales as written, for a number's suffix ("300m", "1.2bn") and signs ("%").
    pub scale_words: Vec<(&'static str, Scale)>,
    /// Units after a number ("km", "years old"): `data/general/units.tsv`.
    pub units: PhraseSet<Unit>,
    /// Currency names after a number ("dollars"): `data/general/currencies.tsv`.
    pub currency_names: PhraseSet<Currency>,
    /// Currency signs before a number ("$", "US$", "€"), as written.
    pub currency_signs: Vec<(&'static str, Currency)>,
    /// Who may be a source without a name ("spokesperson", "police", "report"):
    /// `data/general/roles.txt`, on stems.
    pub roles: PhraseSet<()>,
    pub qualifiers: PhraseSet<()>,
    pub counted_stop: List,
    /// Plurals without an -s ("people"): a counted noun ends there.
    pub plurals: List,
    /// Words before "one" that make it a pronoun ("no one", "the one").
    pub not_counts_before: List,
    /// Pronouns that stand for the counted noun ("two others"): counted, though stopwords.
    pub counted_pronouns: List,
    /// Words before "May" that make it the month ("in May").
    pub month_context: List,
    /// Time zones after a clock time ("GMT").
    pub time_zones: List,
    /// Outlook words; the value is +1 or -1.
    pub outlook: PhraseSet<i32>,
    /// Capitalised words that are not names ("CEO"), per layer.
    pub not_names: Vec<List>,
    /// Titles before a person's name ("President", "Dr").
    pub titles: PhraseSet<()>,
    /// First names, sorted.
    pub first_names: Vec<&'static str>,
}

/// The story of the embedded pair (its articles name it in `data/corpus/*.json`).
fn embedded_story() -> Option<&'static str> {
    let sources = crate::corpus::embedded();
    let story = sources.first()?.story.as_deref()?;
    Some(story_pack(story)?.id)
}

/// The generated places and outlets of `data/general/`, read once from their lines.
static GENERATED: LazyLock<Vec<EntityDef>> = LazyLock::new(|| {
    data::GENERATED_ENTITIES
        .lines()
        .filter_map(|line| {
            let mut cols = line.split('\u{1e}');
            let (name, kind, aliases) = (cols.next()?, cols.next()?, cols.next().unwrap_or(""));
            Some(EntityDef { name, kind, aliases: List(aliases), parent: None, case_sensitive: true })
        })
        .collect()
});

/// Whether `name` is a country's name as `data/general/places.tsv` gives it ("Czechia"):
/// its `country` class, listed by `build.rs`.
pub fn is_country(name: &str) -> bool {
    COUNTRIES.binary_search(&name).is_ok()
}

/// Whether `name` is a place of `data/general/places.tsv` (its name or an alias, as
/// written there): "London", "Germany".
pub fn is_place(name: &str) -> bool {
    GENERATED.iter().filter(|e| e.kind == "place").any(|e| e.name == name || e.aliases.contains(name))
}

/// [`data::COUNTRIES`], sorted once for [`is_country`].
static COUNTRIES: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let mut countries: Vec<&str> = data::COUNTRIES.lines().collect();
    super::order::sort_by_str(&mut countries, |c| c);
    countries
});

/// Whether `name` is a news outlet or agency of `data/general/outlets.tsv` (its
/// name or an alias, in any case): "AFP", "Associated Press".
pub fn is_outlet(name: &str) -> bool {
    OUTLET_NAMES.iter().any(|outlet| outlet.eq_ignore_ascii_case(name))
}

/// The names and aliases of the generated outlets, picked once for [`is_outlet`]
/// (among thousands of places).
static OUTLET_NAMES: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    (GENERATED.iter().filter(|e| e.kind == "media"))
        .flat_map(|e| std::iter::once(e.name).chain(e.aliases.iter()))
        .collect()
});

static GENERAL: LazyLock<Knowledge> = LazyLock::new(|| Knowledge::for_story(None, &[]));
static EMBEDDED: LazyLock<Knowledge> = LazyLock::new(|| Knowledge::for_story(embedded_story(), &[]));

impl Knowledge {
    /// The embedded story's knowledge: the general layer and that story's pack.
    pub fn embedded() -> &'static Knowledge {
        &EMBEDDED
    }

    /// General knowledge alone, for sources of no known story.
    pub fn general() -> &'static Knowledge {
        &GENERAL
    }

    /// The embedded story's knowledge plus `extra` topics (user-defined; an extra
    /// topic with the id of a built-in one replaces it).
    pub fn with_topics(extra: &[TopicDef]) -> Knowledge {
        Knowledge::for_story(embedded_story(), extra)
    }

    /// This knowledge for sources of `story` (a pack id, or none): itself when it
    /// already is, else the same user topics over that story's layers, built in
    /// `holder` (or a shared static when there are no user topics).
    pub fn scoped<'k>(&'k self, story: Option<&str>, holder: &'k mut Option<Knowledge>) -> &'k Knowledge {
        let story = story.and_then(story_pack).map(|p| p.id);
        if story == self.story {
            return self;
        }
        if self.extra_topics.is_empty() {
            if story.is_none() {
                return Knowledge::general();
            }
            if story == EMBEDDED.story {
                return Knowledge::embedded();
            }
        }
        holder.insert(Knowledge::for_story(story, &self.extra_topics))
    }

    /// General knowledge, the pack `story` (when there is one by that id) and `extra` topics.
    pub fn for_story(story: Option<&str>, extra: &[TopicDef]) -> Knowledge {
        let cues = &data::CUES;
        let pack = story.and_then(story_pack);
        let layers: Vec<&'static Layer> = std::iter::once(&data::GENERAL).chain(pack.map(|p| &p.layer)).collect();
        let mut topics: Vec<TopicDef> = layers.iter().flat_map(|l| l.topics).map(TopicDef::from).collect();
        for topic in extra {
            match topics.iter_mut().find(|t| t.id == topic.id) {
                Some(existing) => *existing = topic.clone(),
                None => topics.push(topic.clone()),
            }
        }

        // Entities match on stems ("Fire Service" finds "Services"); concepts
        // word for word, so "developer" and "development" stay apart.
        let mut aliases = PhraseSet::default();
        let mut concept_aliases = PhraseSet::new(MatchOn::Word);
        // The general layer's own entities, the generated ones, then the pack's.
        let entities: Vec<&'static EntityDef> = layers[0]
            .entities
            .iter()
            .chain(GENERATED.iter())
            .chain(layers[1..].iter().flat_map(|l| l.entities))
            .collect();
        let concepts: Vec<&'static ConceptDef> = layers.iter().flat_map(|l| l.concepts).collect();
        for (i, entity) in entities.iter().enumerate() {
            aliases.insert(entity.name, entity.case_sensitive, Alias::Entity(i));
            for alias in entity.aliases.iter() {
                aliases.insert(alias, entity.case_sensitive, Alias::Entity(i));
            }
        }
        for (i, concept) in concepts.iter().enumerate() {
            for alias in concept.aliases.iter() {
                concept_aliases.insert(alias, alias.chars().all(|c| c.is_uppercase()), Alias::Concept(i));
            }
        }

        let mut by_name: Vec<(&'static str, usize)> = entities.iter().enumerate().map(|(i, e)| (e.name, i)).collect();
        super::order::sort_by_key(&mut by_name, |&(name, i)| (name, i));
        by_name.dedup_by_key(|(name, _)| *name);
        let mut first_names: Vec<&'static str> = data::FIRST_NAMES.iter().collect();
        first_names.sort_unstable();
        let mut knowledge = Knowledge {
            story: pack.map(|p| p.id),
            extra_topics: extra.to_vec(),
            furniture: Furniture::new(data::FURNITURE),
            entities,
            by_name,
            concepts,
            opposites: layers.iter().flat_map(|l| l.opposites.iter().copied()).collect(),
            aliases,
            concept_aliases,
            topics: Vec::new(),
            topic_terms: PhraseSet::default(),
            attribution: PhraseSet::new(MatchOn::Word),
            units: PhraseSet::new(MatchOn::Word),
            currency_names: PhraseSet::new(MatchOn::Word),
            currency_signs: Vec::new(),
            scale_words: Vec::new(),
            // On the word and its plural: on stems, "order" would be the role "orderly".
            roles: PhraseSet::new(MatchOn::Word),
            lead_words: set_of(cues.lead_words),
            not_after_verb: cues.not_after_verb,
            not_after_passive: cues.not_after_passive,
            determiners: cues.determiners,
            auxiliaries: cues.auxiliaries,
            not_inverted: cues.not_inverted,
            pronouns: cues.pronouns,
            person_pronouns: cues.person_pronouns,
            group_pronouns: cues.group_pronouns,
            relatives: cues.relatives,
            negation: PhraseSet::new(MatchOn::Word),
            times: set_of(cues.times),
            scales: PhraseSet::new(MatchOn::Word),
            qualifiers: set_of(cues.qualifiers),
            counted_stop: cues.counted_stop,
            plurals: cues.plurals,
            not_counts_before: cues.not_counts_before,
            counted_pronouns: cues.counted_pronouns,
            month_context: cues.month_before,
            time_zones: cues.zones,
            outlook: PhraseSet::default(),
            not_names: layers.iter().map(|l| l.not_names).collect(),
            titles: PhraseSet::default(),
            first_names,
        };
        for title in data::TITLES.iter() {
            knowledge.titles.insert(title, true, ());
        }
        for (cue, phrases) in
            [(Cue::AccordingTo, cues.according_to), (Cue::ByAgent, cues.by_agent), (Cue::Impersonal, cues.impersonal)]
        {
            for phrase in phrases.iter() {
                knowledge.attribution.insert(phrase, false, cue);
            }
        }
        for row in rows(general::SPEECH_VERBS) {
            knowledge.attribution.insert(row[0], false, Cue::SpeechVerb);
        }
        for row in rows(general::ROLES) {
            knowledge.roles.insert(row[0], false, ());
            knowledge.roles.insert(&plural(row[0]), false, ());
        }
        for row in rows(general::UNITS) {
            if let [written, name, dimension, ..] = row[..] {
                knowledge.units.insert(written, false, Unit { name, dimension });
            }
        }
        for row in rows(general::CURRENCIES) {
            if let [written, code, name, ..] = row[..] {
                let currency = Currency { code, name };
                if written.chars().any(char::is_alphabetic) && !written.contains('$') {
                    knowledge.currency_names.insert(written, false, currency);
                } else {
                    knowledge.currency_signs.push((written, currency));
                }
            }
        }
        for row in rows(general::SCALES) {
            let Some(factor) = row.get(1).and_then(|f| super::text::parse_decimal(f)) else { continue };
            let scale = Scale { factor, percent: row.get(2) == Some(&"percent") };
            knowledge.scales.insert(row[0], false, scale);
            knowledge.scale_words.push((row[0], scale));
        }
        for (phrases, negates) in [(cues.negation, true), (cues.not_negations, false)] {
            for phrase in phrases.iter() {
                knowledge.negation.insert(phrase, false, negates);
            }
        }
        for layer in &layers {
            for (polarity, words) in [(1, layer.positive), (-1, layer.negative)] {
                for word in words.iter() {
                    knowledge.outlook.insert(word, false, polarity);
                }
            }
        }
        knowledge.set_topics(topics);
        knowledge
    }

    fn set_topics(&mut self, topics: Vec<TopicDef>) {
        let mut terms = PhraseSet::default();
        for (i, topic) in topics.iter().enumerate() {
            for term in &topic.terms {
                match term.strip_prefix('@') {
                    // An entity reference matches every alias of that entity.
                    Some(name) => {
                        for entity in self.entities.iter().filter(|e| e.name == name) {
                            for alias in entity.aliases.iter().chain(std::iter::once(entity.name)) {
                                terms.insert(alias, entity.case_sensitive, i);
                            }
                        }
                    }
                    None => {
                        terms.insert(term, false, i);
                    }
                }
            }
        }
        self.topics = topics;
        self.topic_terms = terms;
    }

    /// Entity and concept aliases in `tokens`, in order of position. A phrase may be
    /// both (a name that is also a concept).
    pub fn find_aliases<'s>(&'s self, tokens: &[Token], text: &str) -> Vec<PhraseMatch<'s, Alias>> {
        let mut found = self.aliases.find(tokens, text);
        found.extend(self.concept_aliases.find(tokens, text));
        super::order::sort_by_key(&mut found, |m| (m.first, std::cmp::Reverse(m.last)));
        found
    }

    /// The unit a word names on its own ("km", "magnitude").
    pub fn unit_word(&self, norm: &str) -> Option<Unit> {
        let tokens = super::tokens::tokenize(norm);
        let found = self.units.find(&tokens, norm);
        found.first().filter(|m| m.first == 0 && m.last + 1 == tokens.len()).and_then(|m| m.values.first().copied())
    }

    pub fn entity_index(&self, name: &str) -> Option<usize> {
        self.by_name.binary_search_by(|(n, _)| (*n).cmp(name)).ok().map(|i| self.by_name[i].1)
    }

    /// The entity of that name, if the lexicon knows it.
    pub fn entity(&self, name: &str) -> Option<&'static EntityDef> {
        self.entity_index(name).map(|i| self.entities[i])
    }

    /// A capitalised word that is not a name of its own ("CEO", "OK").
    pub fn is_not_name(&self, word: &str) -> bool {
        self.not_names.iter().any(|l| l.contains(word))
    }

    pub fn is_first_name(&self, word: &str) -> bool {
        self.first_names.binary_search(&word).is_ok()
    }
}

/// Cue phrases, compared word for word.
fn set_of(phrases: List) -> PhraseSet<()> {
    let mut set = PhraseSet::new(MatchOn::Word);
    for phrase in phrases.iter() {
        set.insert(phrase, false, ());
    }
    set
}

/// The plural of a noun phrase, by the regular English rules on its last word
/// ("police chief" -> "police chiefs", "spokesman" -> "spokesmen", "deputy" ->
/// "deputies", "witness" -> "witnesses").
fn plural(phrase: &str) -> String {
    let consonant_y = phrase.strip_suffix('y').filter(|stem| !stem.ends_with(['a', 'e', 'o', 'u']));
    if let Some(stem) = phrase.strip_suffix("man") {
        format!("{stem}men")
    } else if let Some(stem) = consonant_y {
        format!("{stem}ies")
    } else if phrase.ends_with(['s', 'x', 'z']) || phrase.ends_with("ch") || phrase.ends_with("sh") {
        format!("{phrase}es")
    } else {
        format!("{phrase}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_data_loads() {
        let k = Knowledge::embedded();
        assert!(k.entities.len() > 20);
        assert!(k.topics.len() >= 10);
        assert!(!k.topic_terms.is_empty());
        assert!(k.entity_index("Huawei Mobile Services").is_some());
    }

    #[test]
    fn general_knowledge_has_no_pack_word() {
        let k = Knowledge::general();
        assert_eq!(k.story, None);
        assert!(k.topics.is_empty());
        assert!(k.entity_index("Huawei Mobile Services").is_none());
        assert!(k.entity_index("France").is_some() && k.entity_index("Reuters").is_some());
        let embedded = Knowledge::embedded();
        assert_eq!(embedded.story, Some("huawei-hms"));
        let mut holder = None;
        assert_eq!(embedded.scoped(None, &mut holder).story, None);
        assert_eq!(k.scoped(Some("huawei-hms"), &mut holder).story, Some("huawei-hms"));
        assert!(story_packs().iter().any(|p| p.id == "huawei-hms" && !p.title.is_empty()));
    }

    #[test]
    fn user_topics_extend_or_replace() {
        let extra = TopicDef { id: "x".into(), label: "X".into(), description: String::new(), terms: vec!["x".into()] };
        let k = Knowledge::with_topics(&[extra]);
        assert_eq!(k.topics.len(), Knowledge::embedded().topics.len() + 1);
    }
}
