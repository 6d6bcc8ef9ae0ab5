//! Sentence pairs among filler: `tension.rs` and `meaning.rs` compare one sentence
//! of each source in a paragraph of its own, beside unrelated sentences (real
//! articles are longer than one sentence), and read the link between the two.

use parallax::corpus::SourceText;

pub const FILLER_A: &str =
    "The weather in the region stayed mild all week. Local schools reopened on Monday after repairs.";
pub const FILLER_B: &str =
    "A new bridge opened downtown last month. The city council meets on Thursdays in the old hall.";

/// Sources A and B: `a` and `b`, each before its filler.
pub fn sources(a: &str, b: &str) -> (SourceText, SourceText) {
    let source = |id: &str, text: String| SourceText {
        id: id.into(),
        label: id.into(),
        title: String::new(),
        title_derived: true,
        text,
        story: None,
    };
    (source("a", format!("{a}\n\n{FILLER_A}")), source("b", format!("{b}\n\n{FILLER_B}")))
}
