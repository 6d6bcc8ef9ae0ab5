//! Computes the embedded comparison at build time, natively, with the same core
//! the analysis worker runs, and ships it as data (`$OUT_DIR/embedded-comparison.bin, postcard bytes`,
//! read by `src/embedded.rs`): the page's first paint needs neither the core nor a
//! comparison run. `tests/embedded.rs` checks the shipped data against the core.

/// The embedded pair compared as the app shows it (also read by `src/embedded.rs`' test).
fn embedded_comparison(embedder: &parallax_core::analysis::semantic::Embedder) -> parallax_core::analysis::Comparison {
    let sources = parallax_core::corpus::embedded();
    let knowledge = parallax_core::analysis::knowledge::Knowledge::embedded();
    parallax_core::analysis::compare_with_meaning(&sources[0], &sources[1], knowledge, Some(embedder))
}

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=data/semantic");
    // The core is a build-dependency: when it (or its data) changes, Cargo
    // rebuilds it and runs this script again.
    // With the semantic layer, as the worker compares once its table has arrived.
    let table = std::fs::read("data/semantic/wordllama-64x4.bin").expect("the semantic table (data/semantic/)");
    let embedder = parallax_core::analysis::semantic::Embedder::from_bytes(&table).expect("a valid semantic table");
    let comparison = embedded_comparison(&embedder);
    let bytes = postcard::to_allocvec(&comparison).expect("a comparison serialises");
    let out = std::env::var("OUT_DIR").expect("OUT_DIR");
    std::fs::write(std::path::Path::new(&out).join("embedded-comparison.bin"), bytes)
        .expect("write the embedded comparison");
}
