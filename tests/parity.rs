//! The embedded comparison, byte for byte: `tests/fixtures/embedded-comparison.json`
//! is what the native build produces, and the wasm build must produce the same
//! (`tests/web.rs` checks it in Chrome and Firefox). After a deliberate change to
//! the analysis, regenerate it with `PARALLAX_BLESS=1 cargo test --test parity`
//! and review the diff.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use parallax::analysis::{compare::Subset, compare_embedded, export};

const FIXTURE: &str = "tests/fixtures/embedded-comparison.json";

#[test]
fn embedded_comparison_matches_the_fixture() {
    let comparison = compare_embedded();
    let json = export::to_json(&Subset::all(&comparison));
    common::assert_snapshot(FIXTURE, &json, "the embedded comparison", "parity");
}
