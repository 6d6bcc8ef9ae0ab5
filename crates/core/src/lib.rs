//! The Parallax analysis core: two article texts in, a [`analysis::Comparison`] out.
//!
//! - [`analysis`]: cleaning, sentences, claims (entities, attribution, numbers,
//!   times), topics, alignment (links with a relation and a reason) and export.
//! - [`corpus`]: the embedded story's two articles and [`corpus::SourceText`].
//! - [`synthetic`]: the generated benchmark corpus (never used by the app).
//!
//! **This crate has no browser crate in its `Cargo.toml`** (no yew, web-sys,
//! gloo, js-sys or wasm-bindgen): the compiler keeps the analysis pure, and it
//! gives the same result natively and in wasm.

pub mod analysis;
pub mod corpus;
pub mod synthetic;
