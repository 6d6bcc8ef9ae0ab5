//! Component tests in a real browser (headless Chrome and Firefox through
//! wasm-bindgen-test). Each test mounts the app on its own element.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::*;
use web_sys::Element;

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts the whole app on a fresh element and waits until it has rendered.
async fn mount_app() -> Element {
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<parallax::app::App>::with_root(root.clone()).render();
    yew::scheduler::flush().await;
    root
}

#[wasm_bindgen_test]
async fn app_renders_both_embedded_articles() {
    let root = mount_app().await;
    let articles = root.query_selector_all("article[data-source]").unwrap();
    assert_eq!(articles.length(), 2);
    let text = root.text_content().unwrap();
    assert!(text.contains("Huawei Using GMS to Develop its Own HMS"));
    assert!(text.contains("(derived title)"));
    assert!(text.contains("\u{201C}the open Android ecosystem"));
    assert!(root.query_selector("main h2").unwrap().is_some());
}
