//! Parallax shows one news story through two sources at once.
//!
//! The crate has two halves:
//!
//! - [`analysis`] and [`corpus`] are pure Rust. They turn article text into
//!   claims, topics and cross-source links, and never touch the browser.
//!   The CLI (`src/bin/parallax.rs`), the native tests and the web app all
//!   call the same functions, so the results are the same everywhere.
//! - [`explore`] is the explorer's model (rows, filters, search, URL state):
//!   pure too, so the app's behaviour is tested natively.
//! - [`app`] is the Yew single-page app that renders those results.
//!
//! `src/main.rs` only mounts [`app::App`].

pub mod analysis;
pub mod app;
pub mod corpus;
pub mod explore;
pub mod library;
pub mod synthetic;
