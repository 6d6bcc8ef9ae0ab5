//! Tension on real text (`tests/fixtures/tension.toml`): a tension must come out
//! `tension`; a paraphrase never, nor two different facts of one event
//! (`different`). Each pair is compared among filler sentences (in a paragraph of
//! their own, so a headline without a full stop stays one claim: `pairs`). The table
//! must hold at least 40 real pairs (`ecb+` or `issue`), 15 tensions and 15
//! paraphrases among them; `probe` pairs do not count.
#![cfg(not(target_arch = "wasm32"))]

use parallax::analysis::{self, Relation};

mod pairs;

#[test]
fn tensions_are_found_and_paraphrases_are_not_tension() {
    let table: toml::Table = include_str!("fixtures/tension.toml").parse().expect("tension.toml");
    let cases = table["case"].as_array().expect("cases");
    let mut failures = Vec::new();
    let (mut tensions, mut paraphrases, mut differents) = (0, 0, 0);
    // Real pairs (sentences of two outlets' articles), by expectation; probes are not counted.
    let (mut real_tensions, mut real_paraphrases) = (0, 0);
    for case in cases {
        let field = |k: &str| case[k].as_str().expect("string field").to_owned();
        let (a, b, expect) = (field("a"), field("b"), field("expect"));
        let real = match field("source").as_str() {
            "ecb+" | "issue" => true,
            "probe" => false,
            other => panic!("unknown source {other:?}"),
        };
        let comparison = {
            let (a, b) = pairs::sources(&a, &b);
            analysis::compare(&a, &b)
        };
        let link = comparison.links.iter().find(|l| l.a == "A1" && l.b == "B1");
        let got = link.map(|l| l.relation);
        let ok = match expect.as_str() {
            "tension" => {
                tensions += 1;
                real_tensions += usize::from(real);
                got == Some(Relation::Tension)
            }
            "paraphrase" => {
                paraphrases += 1;
                real_paraphrases += usize::from(real);
                got != Some(Relation::Tension)
            }
            // Two different facts of one event ("400 firefighters fought" and "one
            // firefighter was injured"): linked or not, never tension.
            "different" => {
                differents += 1;
                got != Some(Relation::Tension)
            }
            other => panic!("unknown expectation {other:?}"),
        };
        if !ok {
            let shown = link.map_or("no link".to_owned(), |l| format!("{} ({})", l.relation.as_str(), l.why));
            failures.push(format!("{}: expected {expect}, got {shown}", field("name")));
        }
    }
    println!(
        "tension.toml: {tensions} tensions ({real_tensions} real), {paraphrases} paraphrases ({real_paraphrases} real), {differents} different facts, {} failing",
        failures.len()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // Issue 10: at least 40 real pairs, at least 15 of each kind.
    assert!(real_tensions >= 15, "only {real_tensions} real tensions (15 required)");
    assert!(real_paraphrases >= 15, "only {real_paraphrases} real paraphrases (15 required)");
    assert!(
        real_tensions + real_paraphrases >= 40,
        "only {} real pairs (40 required)",
        real_tensions + real_paraphrases
    );
}
