//! The embedded corpus: the two articles of the default story, compiled into the binary.
//!
//! Article texts and their metadata live under `data/corpus/` as plain files, so a
//! reviewer can read and change them without touching code.

use serde::Deserialize;
use std::sync::LazyLock;

/// One article as it arrives: raw text plus the metadata a reader sees.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, serde::Serialize)]
pub struct SourceText {
    pub id: String,
    /// "Source A", "Source B", … — how the UI names the source.
    pub label: String,
    pub title: String,
    /// True when the article carried no title and this one was derived.
    #[serde(default)]
    pub title_derived: bool,
    /// The raw article text, page furniture and all.
    #[serde(default)]
    pub text: String,
}

macro_rules! embedded_article {
    ($stem:literal) => {
        (
            include_str!(concat!("../data/corpus/", $stem, ".json")),
            include_str!(concat!("../data/corpus/", $stem, ".txt")),
        )
    };
}

const ARTICLES: [(&str, &str); 2] =
    [embedded_article!("000_c62d71a020040d30"), embedded_article!("001_6e8010aeb79a8403")];

static EMBEDDED: LazyLock<Vec<SourceText>> = LazyLock::new(|| {
    ARTICLES
        .iter()
        .map(|(meta, text)| {
            let mut source: SourceText = serde_json::from_str(meta).expect("embedded corpus metadata is valid JSON");
            source.text = (*text).to_owned();
            source
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
