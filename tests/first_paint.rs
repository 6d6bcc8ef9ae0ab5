//! The first paint, prerendered: `static/first-paint.html` is what Yew's server
//! renderer makes of [`parallax::app::first_paint`] (the embedded comparison in the
//! default view), and `index.html` inlines it in `#app`, so the page shows the
//! comparison before its wasm has arrived; the live app then replaces it.
//! After a change to the views or to the embedded comparison, regenerate it with
//! `PARALLAX_BLESS=1 cargo test --test first_paint` and review the diff.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use parallax::app::{App, first_paint};

const SNAPSHOT: &str = "static/first-paint.html";

fn render() -> String {
    let renderer = yew::ServerRenderer::<App>::with_props(first_paint).hydratable(false);
    let html = futures::executor::block_on(renderer.render());
    format!("{html}\n")
}

#[test]
fn the_prerendered_first_paint_is_what_the_app_renders() {
    common::assert_snapshot(SNAPSHOT, &render(), "the first paint", "first_paint");
}

#[test]
fn the_first_paint_shows_the_comparison_and_no_busy_text() {
    let html = render();
    for expected in ["class=\"masthead\"", "class=\"rows\"", "Source A", "Comparison"] {
        assert!(html.contains(expected), "the first paint lacks {expected}");
    }
    assert!(!html.contains("Loading Parallax"), "the first paint is the app, not the loading line");
}
