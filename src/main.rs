//! Entry point of the web app: mounts [`parallax::app::App`]. Everything else lives in the library.

/// Talc instead of the default dlmalloc: smaller and faster in wasm.
#[cfg(all(not(target_feature = "atomics"), target_family = "wasm"))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

fn main() {
    parallax::app::start();
}
