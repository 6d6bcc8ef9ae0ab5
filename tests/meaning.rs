//! Issue 11: claims that say the same thing in other words are linked once the
//! meaning table is in, and not by words alone (tests/fixtures/meaning.toml).
#![cfg(not(target_arch = "wasm32"))]

use parallax::analysis::{self, Relation, semantic::Embedder};

mod pairs;

#[test]
fn other_words_for_one_fact_are_linked_with_the_meaning_table_only() {
    let table = std::fs::read("data/semantic/wordllama-64x4.bin").expect("the semantic table");
    let embedder = Embedder::from_bytes(&table).expect("a valid table");
    let knowledge = analysis::knowledge::Knowledge::embedded();
    let cases: toml::Table = include_str!("fixtures/meaning.toml").parse().expect("meaning.toml");
    let mut failures = Vec::new();
    for case in cases["case"].as_array().expect("cases") {
        let field = |k: &str| case[k].as_str().expect("string field").to_owned();
        let (a, b) = pairs::sources(&field("a"), &field("b"));
        let link = |embedder: Option<&Embedder>| {
            let comparison = analysis::compare_with_meaning(&a, &b, knowledge, embedder);
            comparison.links.into_iter().find(|l| l.a == "A1" && l.b == "B1")
        };
        match link(Some(&embedder)) {
            Some(l) if l.relation != Relation::Tension => {}
            other => failures.push(format!("{}: with the table, got {other:?}", field("name"))),
        }
        if let Some(l) = link(None) {
            failures.push(format!("{}: linked by words alone ({}), so the case tests nothing", field("name"), l.why));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
