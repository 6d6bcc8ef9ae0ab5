//! The analysis core: from raw article text to claims, topics and cross-source links.
//!
//! **This module never depends on `yew`, `web-sys` or `gloo`.** Same input, same
//! output, natively and in wasm.
//!
//! Data flows one way:
//! [`clean`] (body vs page furniture) → [`sentences`] → [`claims`] (entities,
//! attribution, numbers, times; [`topics`] tagging) → [`align`] (links between
//! sources) → [`compare::Comparison`] → [`export`] (JSON, Markdown, CSV).
//! [`tokens`] and [`phrases`] serve every stage; [`knowledge`] holds the data files.

pub mod align;
pub mod claims;
pub mod clean;
pub mod compare;
pub mod export;
pub mod general;
pub mod input;
pub mod knowledge;
pub mod order;
pub mod phrases;
pub mod semantic;
pub mod sentences;
pub mod text;
pub mod tokens;
pub mod topics;

pub use align::{Link, Relation};
pub use claims::Claim;
pub use compare::{Comparison, Side, compare, compare_embedded, compare_with, compare_with_meaning};

/// The text layers alone: sentences, then their tokens with Snowball stems.
/// Returns how many words were stemmed. The benchmark against a JavaScript
/// NLP library (`scripts/bench-wink.mjs`) measures this.
pub fn stem_words(text: &str) -> usize {
    sentences::split(text)
        .iter()
        .map(|s| tokens::tokenize(&s.text).iter().filter(|t| t.kind == tokens::Kind::Word).count())
        .sum()
}
