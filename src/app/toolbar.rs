//! The masthead: the two sources, the views, search, copy link, export and theme.

use super::state::Action;
use super::{AppContext, browser, dispatch, fixed};
use crate::analysis::export::{self, Format};
use crate::explore::{self, View};
use yew::prelude::*;

pub const SEARCH_ID: &str = "search";

/// How the comparison shown was made, and whether a new one is on its way.
fn analysis_status(state: &AppContext) -> String {
    use crate::app::state::Semantic;
    if state.comparing.is_some() {
        return "Comparing the two sources\u{2026}".into();
    }
    match (&state.semantic, state.semantic_used) {
        (_, true) => "Matched by shared words and by meaning.".into(),
        (Semantic::Loading, false) => "Matched by shared words; the meaning table is still loading.".into(),
        (Semantic::Ready(_), false) => "Matched by shared words (compared before the meaning table arrived).".into(),
        (Semantic::Unavailable(why), false) => {
            format!("Matched by shared words only: the meaning table is unavailable ({why}).")
        }
    }
}

pub fn toolbar(state: &AppContext) -> Html {
    let c = &state.comparison;

    let on_search = {
        let dispatcher = state.dispatcher();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            dispatcher.dispatch(Action::SetQuery(input.value()));
        })
    };
    let on_search_key = {
        let dispatcher = state.dispatcher();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                e.prevent_default();
                dispatcher.dispatch(Action::SetQuery(String::new()));
            }
        })
    };
    let on_copy = {
        let dispatcher = state.dispatcher();
        Callback::from(move |_| {
            let dispatcher = dispatcher.clone();
            yew::platform::spawn_local(async move {
                let url = browser::current_url();
                let message = match browser::copy(&url).await {
                    Ok(()) => "Link copied: it reopens exactly this view.".to_owned(),
                    Err(_) => format!("Could not reach the clipboard. The link is: {url}"),
                };
                dispatcher.dispatch(Action::Notify(message));
            });
        })
    };
    let on_export = |format: Format| {
        let state = state.clone();
        Callback::from(move |_| {
            let subset = explore::filtered(&state.comparison, &state.filters);
            let name = format!("parallax-comparison.{}", format.extension());
            let text = export::render(&subset, format);
            let message = match browser::download(&name, format.mime(), &text) {
                Ok(()) => format!(
                    "Exported {} claims and {} links as {}.",
                    subset.claims.len(),
                    subset.links.len(),
                    format.label()
                ),
                Err(e) => format!("The export failed: {e}"),
            };
            state.dispatch(Action::Notify(message));
        })
    };
    let theme = state.theme;
    let theme_label = match theme {
        crate::app::state::Theme::System => "Theme: system",
        crate::app::state::Theme::Dark => "Theme: dark",
        crate::app::state::Theme::Light => "Theme: light",
    };

    html! {
        <header class="masthead">
            { fixed(r#"<div class="brand"><h1>Parallax</h1><p class="tagline">One story through two sources</p></div>"#) }
            <dl class="sources">
                for source in c.sources.iter() {
                    <div class="source">
                        <dt class={classes!("source-label", if source.label.ends_with('A') { "side-a" } else { "side-b" })}>{ &source.label }</dt>
                        <dd>
                            { &source.title }
                            if source.title_derived {
                                <span class="derived">{ " (derived title)" }</span>
                            }
                        </dd>
                    </div>
                }
            </dl>
            <p class="analysis-status" role="status">{ analysis_status(state) }</p>
            <nav class="views" aria-label="Views">
                for view in View::ALL {
                    <button type="button" class="view-tab"
                        aria-current={(state.view == view).then_some("page")}
                        onclick={dispatch(state, Action::SetView(view))}>
                        { view.label() }
                    </button>
                }
            </nav>
            <div class="tools">
                <form role="search" class="search" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                    { fixed(r#"<label for="search">Search claims</label>"#) }
                    <input id={SEARCH_ID} type="search" placeholder="Search claims  ( / )" autocomplete="off"
                        aria-keyshortcuts="/" value={state.filters.query.clone()} oninput={on_search} onkeydown={on_search_key} />
                </form>
                <button type="button" onclick={on_copy}>{ "Copy link" }</button>
                <div class="export" role="group" aria-label="Export the filtered comparison">
                    { fixed(r#"<span aria-hidden="true" class="export-label">Export</span>"#) }
                    for format in Format::ALL {
                        <button type="button" onclick={on_export(format)} aria-label={format!("Export as {}", format.label())}>{ format.label() }</button>
                    }
                </div>
                <button type="button" class="theme-toggle" onclick={dispatch(state, Action::SetTheme(theme.next()))}
                    title="Switch between system, dark and light themes">{ theme_label }</button>
            </div>
        </header>
    }
}
