//! Computes the embedded comparison at build time, natively, with the same core
//! the analysis worker runs, and ships it as data (`$OUT_DIR/embedded-comparison.json`,
//! read by `src/embedded.rs`): the page's first paint needs neither the core nor a
//! comparison run. `tests/embedded.rs` checks the shipped data against the core.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    // The core is a build-dependency: when it (or its data) changes, Cargo
    // rebuilds it and runs this script again.
    let comparison = parallax_core::analysis::compare_embedded();
    let json = serde_json::to_string(&comparison).expect("a comparison serialises");
    let out = std::env::var("OUT_DIR").expect("OUT_DIR");
    std::fs::write(std::path::Path::new(&out).join("embedded-comparison.json"), json)
        .expect("write the embedded comparison");
}
