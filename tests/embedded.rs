//! The embedded comparison the page ships (computed by `build.rs` at build time)
//! is exactly what the core computes now: the first paint shows no stale result.
#![cfg(not(target_arch = "wasm32"))]

#[test]
fn the_shipped_embedded_comparison_is_what_the_core_computes() {
    let shipped = parallax::embedded::parse().expect("the shipped comparison reads");
    let table = std::fs::read("data/semantic/wordllama-64x4.bin").expect("the semantic table");
    let embedder = parallax::analysis::semantic::Embedder::from_bytes(&table).expect("a valid table");
    let sources = parallax::corpus::embedded();
    let knowledge = parallax::analysis::knowledge::Knowledge::embedded();
    let computed = parallax::analysis::compare_with_meaning(&sources[0], &sources[1], knowledge, Some(&embedder));
    // Byte for byte: every field the comparison ships (what only alignment reads
    // stays behind, see `Features`), as the worker would send it.
    let bytes = parallax_bridge::comparison_to_bytes(&computed);
    assert!(
        parallax::embedded::BYTES == bytes.as_slice(),
        "the shipped embedded comparison differs from the core's: rebuild"
    );
    assert_eq!(shipped, parallax_bridge::comparison_from_bytes(&bytes).expect("reads back"));
    assert!(!shipped.links.is_empty() && !shipped.claims.is_empty());
}
