//! Tension on real text (`tests/fixtures/tension.toml`): a tension must come out
//! `tension`, a paraphrase never. Each pair is compared among filler sentences (in a
//! paragraph of their own, so a headline without a full stop stays one claim).
#![cfg(not(target_arch = "wasm32"))]

use parallax::analysis::{self, Relation};
use parallax::corpus::SourceText;

const FILLER_A: &str =
    "The weather in the region stayed mild all week. Local schools reopened on Monday after repairs.";
const FILLER_B: &str = "A new bridge opened downtown last month. The city council meets on Thursdays in the old hall.";

fn source(id: &str, text: String) -> SourceText {
    SourceText { id: id.into(), label: id.into(), title: String::new(), title_derived: true, text, story: None }
}

#[test]
fn tensions_are_found_and_paraphrases_are_not_tension() {
    let table: toml::Table = include_str!("fixtures/tension.toml").parse().expect("tension.toml");
    let cases = table["case"].as_array().expect("cases");
    let mut failures = Vec::new();
    let (mut tensions, mut paraphrases) = (0, 0);
    for case in cases {
        let field = |k: &str| case[k].as_str().expect("string field").to_owned();
        let (a, b, expect) = (field("a"), field("b"), field("expect"));
        let comparison =
            analysis::compare(&source("a", format!("{a}\n\n{FILLER_A}")), &source("b", format!("{b}\n\n{FILLER_B}")));
        let link = comparison.links.iter().find(|l| l.a == "A1" && l.b == "B1");
        let got = link.map(|l| l.relation);
        let ok = match expect.as_str() {
            "tension" => {
                tensions += 1;
                got == Some(Relation::Tension)
            }
            "paraphrase" => {
                paraphrases += 1;
                got != Some(Relation::Tension)
            }
            other => panic!("unknown expectation {other:?}"),
        };
        if !ok {
            let shown = link.map_or("no link".to_owned(), |l| format!("{} ({})", l.relation.as_str(), l.why));
            failures.push(format!("{}: expected {expect}, got {shown}", field("name")));
        }
    }
    println!("tension.toml: {tensions} tensions, {paraphrases} paraphrases, {} failing", failures.len());
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
