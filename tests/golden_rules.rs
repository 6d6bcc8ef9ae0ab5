//! The 52 English Golden Rules of sentence segmentation (pragmatic_segmenter's
//! suite, `tests/fixtures/golden_rules_en.json`): every rule's input must split into
//! exactly its expected sentences. Prints the score; at least 50 must pass
//! (the best published segmenter passes 51).
#![cfg(not(target_arch = "wasm32"))]

use parallax::analysis::sentences::split;

const REQUIRED: usize = 50;

fn strings(value: &serde_json::Value) -> Vec<String> {
    value.as_array().expect("expected: an array").iter().map(|s| s.as_str().expect("strings").to_owned()).collect()
}

#[test]
fn golden_rules() {
    let data: serde_json::Value =
        serde_json::from_str(include_str!("fixtures/golden_rules_en.json")).expect("valid JSON");
    let rules = data["rules"].as_array().expect("rules: an array");
    let mut passed = 0;
    for rule in rules {
        let input = rule["input"].as_str().expect("input: a string");
        let expected = strings(&rule["expected"]);
        let actual: Vec<String> = split(input).into_iter().map(|s| s.text).collect();
        if actual == expected {
            passed += 1;
        } else {
            println!(
                "FAIL rule {} ({}):\n  input:    {input:?}\n  expected: {expected:?}\n  actual:   {actual:?}",
                rule["id"],
                rule["title"].as_str().unwrap_or_default()
            );
        }
    }
    println!("Golden Rules: {passed}/{}", rules.len());
    assert!(passed >= REQUIRED, "Golden Rules: {passed}/{}, need {REQUIRED}", rules.len());
}
