//! Parallax shows one news story through two sources at once.
//!
//! This crate is the Yew single-page app ([`app`]), the page's wasm binary. The
//! work lives in the workspace's other crates, re-exported here so that every
//! crate reads the same paths:
//!
//! - [`analysis`], [`corpus`] and [`synthetic`] from `parallax-core`: the pure
//!   analysis. On the page only its types, the explorer's tokenizer and the
//!   exports are used; comparisons run in the analysis worker (`parallax-worker`).
//! - [`explore`] and [`library`] from `parallax-model`: the explorer model and the
//!   reader's library, pure too, so the app's behaviour is tested natively.
//!
//! `src/main.rs` only mounts [`app::App`].

pub use parallax_core::{analysis, corpus, synthetic};
pub use parallax_model::{explore, library};

pub mod app;
pub mod embedded;
