//! The embedded comparison the page ships (computed by `build.rs` at build time)
//! is exactly what the core computes now: the first paint shows no stale result.
#![cfg(not(target_arch = "wasm32"))]

#[test]
fn the_shipped_embedded_comparison_is_what_the_core_computes() {
    let shipped = parallax::embedded::parse().expect("the shipped comparison reads");
    let computed = parallax::analysis::compare_embedded();
    assert_eq!(shipped, computed, "the shipped embedded comparison differs from the core's: rebuild");
    assert!(!shipped.links.is_empty() && !shipped.claims.is_empty());
}
