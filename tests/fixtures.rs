//! Data-driven fixtures, one TOML table per stage (`tests/fixtures/*.toml`):
//! each `[[case]]` has a name, an input and what must come out. One harness
//! runs them all and reports every failing case, not just the first.
#![cfg(not(target_arch = "wasm32"))]

use parallax::analysis::sentences;
use toml::Value;

/// Runs `check` on every `[[case]]` of a fixture file; collects failures.
fn run(file: &str, fixtures: &str, check: impl Fn(&Value) -> Result<(), String>) {
    let table: toml::Table = fixtures
        .parse()
        .unwrap_or_else(|e| panic!("{file}: invalid TOML: {e}"));
    let cases = table["case"]
        .as_array()
        .unwrap_or_else(|| panic!("{file}: no [[case]] tables"));
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|case| {
            let name = case
                .get("name")
                .and_then(Value::as_str)
                .unwrap_or("(unnamed)");
            check(case).err().map(|e| format!("FAIL {name}\n{e}"))
        })
        .collect();
    println!(
        "{file}: {}/{} cases pass",
        cases.len() - failures.len(),
        cases.len()
    );
    assert!(
        failures.is_empty(),
        "{file}: {} case(s) failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

fn str_field<'v>(case: &'v Value, key: &str) -> &'v str {
    case.get(key)
        .and_then(Value::as_str)
        .unwrap_or_else(|| panic!("case lacks string field {key:?}"))
}

fn strings(case: &Value, key: &str) -> Vec<String> {
    case.get(key)
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .map(|v| v.as_str().expect("strings").to_owned())
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn sentence_fixtures() {
    run(
        "sentences.toml",
        include_str!("fixtures/sentences.toml"),
        |case| {
            let input = str_field(case, "input");
            let expected = strings(case, "expected");
            let actual: Vec<String> = sentences::split(input)
                .into_iter()
                .map(|s| s.text)
                .collect();
            if actual == expected {
                Ok(())
            } else {
                Err(format!(
                    "  input:    {input:?}\n  expected: {expected:?}\n  actual:   {actual:?}"
                ))
            }
        },
    );
}
