//! The embedded corpus: the two articles of the default story, compiled into the binary.
//!
//! Article texts and their metadata live under `data/corpus/` as plain files, so a
//! reviewer can read and change them without touching code.

use std::sync::LazyLock;

/// One article as it arrives: raw text plus the metadata a reader sees.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SourceText {
    pub id: String,
    /// "Source A", "Source B", … — how the UI names the source.
    pub label: String,
    pub title: String,
    /// True when the article carried no title and this one was derived.
    pub title_derived: bool,
    /// The raw article text, page furniture and all.
    pub text: String,
    /// The story pack the source belongs to (`analysis::knowledge::story_packs`), if
    /// any: a comparison uses a pack only when both its sources belong to it.
    pub story: Option<String>,
}

/// An embedded article as build.rs writes it out of `data/corpus/`.
struct Article {
    id: &'static str,
    label: &'static str,
    title: &'static str,
    title_derived: bool,
    story: Option<&'static str>,
    text: &'static str,
}

mod data {
    use super::Article;
    include!(concat!(env!("OUT_DIR"), "/corpus_data.rs"));
}

static EMBEDDED: LazyLock<Vec<SourceText>> = LazyLock::new(|| {
    data::ARTICLES
        .iter()
        .map(|a| SourceText {
            id: a.id.to_owned(),
            label: a.label.to_owned(),
            title: a.title.to_owned(),
            title_derived: a.title_derived,
            text: a.text.to_owned(),
            story: a.story.map(str::to_owned),
        })
        .collect()
});

/// The embedded articles, Source A first.
pub fn embedded() -> &'static [SourceText] {
    &EMBEDDED
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_articles_are_embedded_with_metadata() {
        let sources = embedded();
        assert_eq!(sources.len(), 2);
        assert_eq!(sources[0].label, "Source A");
        assert_eq!(sources[0].title, "Huawei Using GMS to Develop its Own HMS");
        assert!(!sources[0].title_derived);
        assert_eq!(sources[1].label, "Source B");
        assert!(sources[1].title_derived);
        assert!(sources.iter().all(|s| s.text.len() > 1000));
    }
}
