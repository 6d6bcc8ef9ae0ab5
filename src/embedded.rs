//! The embedded story's comparison, computed at build time (`build.rs`) and
//! shipped as data: the first paint shows it without running the analysis.
//!
//! It ships as postcard bytes (`parallax_bridge::comparison_from_bytes`, the form
//! the worker's comparisons take too): read without a JSON parser or JS objects,
//! the same way natively and in the browser.

use crate::analysis::Comparison;
use std::rc::Rc;

/// Whether `build.rs` compared the embedded pair with the semantic layer (it does).
pub const SEMANTIC: bool = true;

/// The comparison as `build.rs` wrote it.
pub const BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/embedded-comparison.bin"));

thread_local! {
    static EMBEDDED: Rc<Comparison> = Rc::new(parse().unwrap_or_default());
}

/// The embedded comparison (parsed once).
pub fn comparison() -> Rc<Comparison> {
    EMBEDDED.with(Rc::clone)
}

/// Reads [`BYTES`]; an error says why (it would be a build fault, never the reader's).
pub fn parse() -> Result<Comparison, String> {
    parallax_bridge::comparison_from_bytes(BYTES)
}
