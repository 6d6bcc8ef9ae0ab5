//! Everything the analysis knows about language and about this story, read from
//! the data files under `data/`: furniture patterns, the alias lexicon, the topic
//! set and the cue phrases. Built once; user topics make a new one.

use super::clean::Furniture;
use super::phrases::{MatchOn, PhraseMatch, PhraseSet};
use super::tokens::Token;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::LazyLock;

#[derive(Clone, Debug, Deserialize)]
pub struct EntityDef {
    pub name: String,
    pub kind: String,
    pub aliases: Vec<String>,
    #[serde(default)]
    pub parent: Option<String>,
    #[serde(default)]
    pub case_sensitive: bool,
}

#[derive(Clone, Debug, Deserialize)]
pub struct ConceptDef {
    pub name: String,
    pub aliases: Vec<String>,
}

#[derive(Clone, Debug, Deserialize)]
struct LexiconFile {
    entities: Vec<EntityDef>,
    concepts: Vec<ConceptDef>,
    opposites: Vec<(String, String)>,
}

/// A topic as defined in `data/topics.json` or by the user.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TopicDef {
    pub id: String,
    pub label: String,
    #[serde(default)]
    pub description: String,
    pub terms: Vec<String>,
}

#[derive(Clone, Debug, Deserialize)]
struct TopicsFile {
    topics: Vec<TopicDef>,
}

#[derive(Clone, Debug, Deserialize)]
struct AttributionCues {
    according_to: Vec<String>,
    speech_verbs: Vec<String>,
    by_agent: Vec<String>,
    impersonal: Vec<String>,
    not_after_verb: Vec<String>,
    lead_words: Vec<String>,
}

#[derive(Clone, Debug, Deserialize)]
struct QuantityCues {
    scales: HashMap<String, f64>,
    qualifiers: Vec<String>,
    counted_stop: Vec<String>,
}

#[derive(Clone, Debug, Deserialize)]
struct OutlookCues {
    positive: Vec<String>,
    negative: Vec<String>,
}

#[derive(Clone, Debug, Deserialize)]
struct NegationCues {
    cues: Vec<String>,
    not_negations: Vec<String>,
}

#[derive(Clone, Debug, Deserialize)]
struct NotNames {
    words: Vec<String>,
}

#[derive(Clone, Debug, Deserialize)]
struct CuesFile {
    not_names: NotNames,
    attribution: AttributionCues,
    negation: NegationCues,
    times: Vec<String>,
    quantity: QuantityCues,
    outlook: OutlookCues,
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
    pub furniture: Furniture,
    pub entities: Vec<EntityDef>,
    pub concepts: Vec<ConceptDef>,
    /// Pairs of concepts that point opposite ways ("reuse" / "abandon").
    pub opposites: Vec<(String, String)>,
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
    /// Words after a speech verb that mean it is not one ("reports to").
    pub not_after_verb: Vec<String>,
    /// Negations (`true`), and look-alikes that are not ("not only": `false`).
    pub negation: PhraseSet<bool>,
    pub times: PhraseSet<()>,
    pub scales: PhraseSet<f64>,
    pub qualifiers: PhraseSet<()>,
    pub counted_stop: Vec<String>,
    /// Outlook words; the value is +1 or -1.
    pub outlook: PhraseSet<i32>,
    /// Capitalised words that are not names ("CEO").
    pub not_names: Vec<String>,
}

static EMBEDDED: LazyLock<Knowledge> = LazyLock::new(|| Knowledge::with_topics(&[]));

fn read<T: serde::de::DeserializeOwned>(name: &str, json: &str) -> T {
    serde_json::from_str(json).unwrap_or_else(|e| panic!("embedded data file {name} is invalid: {e}"))
}

impl Knowledge {
    /// The knowledge compiled into the binary, with the story's topic set.
    pub fn embedded() -> &'static Knowledge {
        &EMBEDDED
    }

    /// The embedded knowledge plus `extra` topics (user-defined; an extra topic
    /// with the id of a built-in one replaces it).
    pub fn with_topics(extra: &[TopicDef]) -> Knowledge {
        let furniture: Furniture = read("furniture.json", include_str!("../../data/furniture.json"));
        let lexicon: LexiconFile = read("lexicon.json", include_str!("../../data/lexicon.json"));
        let mut topics = read::<TopicsFile>("topics.json", include_str!("../../data/topics.json")).topics;
        let cues: CuesFile = read("cues.json", include_str!("../../data/cues.json"));
        for topic in extra {
            match topics.iter_mut().find(|t| t.id == topic.id) {
                Some(existing) => *existing = topic.clone(),
                None => topics.push(topic.clone()),
            }
        }

        // Entities match on stems ("Google Mobile Service" finds "Services"); concepts
        // word for word, so "developer" and "development" stay apart.
        let mut aliases = PhraseSet::default();
        let mut concept_aliases = PhraseSet::new(MatchOn::Word);
        for (i, entity) in lexicon.entities.iter().enumerate() {
            aliases.insert(&entity.name, entity.case_sensitive, Alias::Entity(i));
            for alias in &entity.aliases {
                aliases.insert(alias, entity.case_sensitive, Alias::Entity(i));
            }
        }
        for (i, concept) in lexicon.concepts.iter().enumerate() {
            for alias in &concept.aliases {
                concept_aliases.insert(alias, alias.chars().all(|c| c.is_uppercase()), Alias::Concept(i));
            }
        }

        let mut knowledge = Knowledge {
            furniture,
            entities: lexicon.entities,
            concepts: lexicon.concepts,
            opposites: lexicon.opposites,
            aliases,
            concept_aliases,
            topics: Vec::new(),
            topic_terms: PhraseSet::default(),
            attribution: PhraseSet::new(MatchOn::Word),
            lead_words: set_of(&cues.attribution.lead_words),
            not_after_verb: cues.attribution.not_after_verb,
            negation: PhraseSet::new(MatchOn::Word),
            times: set_of(&cues.times),
            scales: PhraseSet::new(MatchOn::Word),
            qualifiers: set_of(&cues.quantity.qualifiers),
            counted_stop: cues.quantity.counted_stop,
            outlook: PhraseSet::default(),
            not_names: cues.not_names.words,
        };
        for (cue, phrases) in [
            (Cue::AccordingTo, &cues.attribution.according_to),
            (Cue::SpeechVerb, &cues.attribution.speech_verbs),
            (Cue::ByAgent, &cues.attribution.by_agent),
            (Cue::Impersonal, &cues.attribution.impersonal),
        ] {
            for phrase in phrases {
                knowledge.attribution.insert(phrase, false, cue);
            }
        }
        for (phrases, negates) in [(&cues.negation.cues, true), (&cues.negation.not_negations, false)] {
            for phrase in phrases {
                knowledge.negation.insert(phrase, false, negates);
            }
        }
        for (word, factor) in &cues.quantity.scales {
            knowledge.scales.insert(word, false, *factor);
        }
        for (polarity, words) in [(1, &cues.outlook.positive), (-1, &cues.outlook.negative)] {
            for word in words {
                knowledge.outlook.insert(word, false, polarity);
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
                        if let Some(entity) = self.entities.iter().find(|e| e.name == name) {
                            for alias in entity.aliases.iter().chain(std::iter::once(&entity.name)) {
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
    /// both ("Entity List": the entity, and the concept "block").
    pub fn find_aliases<'s>(&'s self, tokens: &[Token], text: &str) -> Vec<PhraseMatch<'s, Alias>> {
        let mut found = self.aliases.find(tokens, text);
        found.extend(self.concept_aliases.find(tokens, text));
        found.sort_by_key(|m| (m.first, std::cmp::Reverse(m.last)));
        found
    }

    pub fn entity_index(&self, name: &str) -> Option<usize> {
        self.entities.iter().position(|e| e.name == name)
    }
}

/// Cue phrases, compared word for word.
fn set_of(phrases: &[String]) -> PhraseSet<()> {
    let mut set = PhraseSet::new(MatchOn::Word);
    for phrase in phrases {
        set.insert(phrase, false, ());
    }
    set
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
    fn user_topics_extend_or_replace() {
        let extra = TopicDef { id: "x".into(), label: "X".into(), description: String::new(), terms: vec!["x".into()] };
        let k = Knowledge::with_topics(&[extra]);
        assert_eq!(k.topics.len(), Knowledge::embedded().topics.len() + 1);
    }
}
