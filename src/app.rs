//! The Yew single-page app: a thin shell over [`crate::analysis`].
//!
//! Only this module (and `src/main.rs`) knows about the browser.

mod article;
mod fatal;

use crate::corpus;
use article::ArticleView;
use yew::prelude::*;

/// Mounts the app on `#app` (or `<body>` when the page has no such element)
/// after installing the panic hook that turns a crash into a visible message.
pub fn start() {
    fatal::install_panic_hook();
    let document = gloo::utils::document();
    match document.get_element_by_id("app") {
        Some(root) => yew::Renderer::<App>::with_root(root).render(),
        None => yew::Renderer::<App>::new().render(),
    };
}

#[component]
pub fn App() -> Html {
    let sources = corpus::embedded();
    html! {
        <>
            <header class="masthead">
                <h1>{ "Parallax" }</h1>
                <p class="tagline">{ "One story, two sources, side by side." }</p>
            </header>
            <main id="main" class="articles">
                for source in sources.iter() {
                    <ArticleView source={source.clone()} />
                }
            </main>
        </>
    }
}
