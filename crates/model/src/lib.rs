//! The Parallax explorer model and the reader's library, over the analysis core.
//!
//! - [`explore`]: rows, filters, search, grouping by topic, URL state, the export
//!   subset of what a reader sees.
//! - [`library`]: the reader's own sources and topics, file kinds, HTML and
//!   Markdown to text, digests, the workspace and corpus JSON.
//!
//! Pure Rust: **no browser crate in this crate's `Cargo.toml`.** The core is
//! re-exported as [`analysis`] and [`corpus`], so paths read the same in every crate.

pub use parallax_core::{analysis, corpus};

pub mod explore;
pub mod library;
