//! The analysis worker's binary: the core, run in a web worker off the page.
//!
//! `static/analysis-worker.js` loads this module in a module worker and hands it
//! the page's jobs ([`parallax_bridge::Job`]): compare two sources, digest a pasted
//! text, import files (with progress), load the semantic table. The page's own
//! wasm holds the UI and the explorer model only; every analysis runs here.

#[cfg(all(not(target_feature = "atomics"), target_family = "wasm"))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

mod jobs;

fn main() {}
