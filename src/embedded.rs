//! The embedded story's comparison, computed at build time (`build.rs`) and
//! shipped as data: the first paint shows it without running the analysis.
//!
//! In the browser the data is read by the browser's own JSON parser and
//! `serde-wasm-bindgen` (the page carries no JSON parser); natively by `serde_json`.

use crate::analysis::Comparison;
use std::rc::Rc;

/// Whether `build.rs` compared the embedded pair with the semantic layer (it does).
pub const SEMANTIC: bool = true;

/// The comparison as `build.rs` wrote it (`serde` form, not the export schema).
pub const JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/embedded-comparison.json"));

thread_local! {
    static EMBEDDED: Rc<Comparison> = Rc::new(parse().unwrap_or_default());
}

/// The embedded comparison (parsed once).
pub fn comparison() -> Rc<Comparison> {
    EMBEDDED.with(Rc::clone)
}

/// Reads [`JSON`]; an error says why (it would be a build fault, never the reader's).
#[cfg(target_arch = "wasm32")]
pub fn parse() -> Result<Comparison, String> {
    let value = js_sys::JSON::parse(JSON).map_err(|_| "the embedded comparison is not valid JSON".to_owned())?;
    parallax_bridge::comparison_from_js(&value)
}

/// Reads [`JSON`]; an error says why (it would be a build fault, never the reader's).
#[cfg(not(target_arch = "wasm32"))]
pub fn parse() -> Result<Comparison, String> {
    serde_json::from_str(JSON).map_err(|e| format!("the embedded comparison could not be read ({e})"))
}
