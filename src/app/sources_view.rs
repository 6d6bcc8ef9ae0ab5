//! Sources: choose the pair to compare, add your own articles (paste, files, a
//! JSON corpus), manage them and your topics, and move the workspace in and out.
//! Text is read as text: HTML files are converted to plain text and never put
//! into the page as markup.

use super::state::{Action, NewSource};
use super::{AppContext, browser, dispatch, fixed, import};
use crate::library::Library;
use std::rc::Rc;
use yew::prelude::*;

/// How many of the reader's sources the list shows at first (and adds per click).
const PAGE: usize = 50;

/// One entry of a list of the reader's things: its name, details, and a Delete
/// button named after it (`what` and the name).
fn entry(name: &str, details: &str, delete: Callback<MouseEvent>, what: &str) -> Html {
    html! {
        <li>
            <span class="library-name">{ name }</span>
            <span class="hint">{ details }</span>
            <button type="button" class="link-button" onclick={delete} aria-label={format!("{what} {name}")}>{ "Delete" }</button>
        </li>
    }
}

/// The choice of Source A (`as_a`) or B among every source, `current` selected.
fn picker(library: &Library, as_a: bool, current: &str, onchange: Callback<Event>) -> Html {
    let id = if as_a { "pick-a" } else { "pick-b" };
    html! {
        <p class="picker">
            <label for={id}>{ if as_a { "Source A" } else { "Source B" } }</label>
            <select id={id} {onchange}>
                for s in library.all() {
                    <option value={s.id.clone()} selected={s.id == current}>{ library.name_of(s) }</option>
                }
            </select>
        </p>
    }
}

fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    list.map(|l| (0..l.length()).filter_map(|i| l.item(i)).collect()).unwrap_or_default()
}

#[component]
pub fn SourcesView() -> Html {
    let state = use_context::<AppContext>().expect("app context");
    let library = &state.library;
    let title_ref = use_node_ref();
    let text_ref = use_node_ref();
    let topic_label_ref = use_node_ref();
    let topic_terms_ref = use_node_ref();

    // A pasted text that became a source leaves the form (a refused one stays, to fix).
    {
        let (title_ref, text_ref) = (title_ref.clone(), text_ref.clone());
        let newest = library.sources.last().map(|s| s.text.clone());
        use_effect_with(library.sources.len(), move |_| {
            let field = text_ref.cast::<web_sys::HtmlTextAreaElement>();
            if let (Some(field), Some(newest)) = (field, newest)
                && field.value().trim() == newest.trim()
            {
                field.set_value("");
                if let Some(title) = title_ref.cast::<web_sys::HtmlInputElement>() {
                    title.set_value("");
                }
            }
        });
    }
    let on_paste = {
        let (state, title_ref, text_ref) = (state.clone(), title_ref.clone(), text_ref.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let title = title_ref.cast::<web_sys::HtmlInputElement>().map(|i| i.value()).unwrap_or_default();
            let field = text_ref.cast::<web_sys::HtmlTextAreaElement>();
            let text = field.as_ref().map(|t| t.value()).unwrap_or_default();
            state.dispatch(Action::Paste(NewSource { title, text, ..NewSource::default() }));
        })
    };
    let on_pick = {
        let state = state.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            import::start(files_of(input.files()), &state.library, state.dispatcher());
            input.set_value("");
        })
    };
    let on_drop = {
        let state = state.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            import::start(files_of(e.data_transfer().and_then(|d| d.files())), &state.library, state.dispatcher());
        })
    };
    let on_cancel = {
        let dispatcher = state.dispatcher();
        Callback::from(move |_: MouseEvent| import::cancel(&dispatcher))
    };
    // The list: the reader's sources matching the search box, a page at a time.
    let find = use_state(String::new);
    let shown = use_state(|| PAGE);
    let on_find = {
        let (find, shown) = (find.clone(), shown.clone());
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            find.set(input.value());
            shown.set(PAGE);
        })
    };
    let matching = {
        let library = library.clone();
        use_memo((Rc::as_ptr(&library) as usize, (*find).clone()), move |(_, query)| library.find_sources(query))
    };
    let on_more = {
        let shown = shown.clone();
        Callback::from(move |_: MouseEvent| shown.set(*shown + PAGE))
    };
    let on_export = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            let json = state.library.to_json();
            match browser::download("parallax-workspace.json", "application/json", &json) {
                Ok(()) => state.dispatch(Action::Notify("Workspace exported.".into())),
                Err(e) => state.dispatch(Action::Alert(format!("The export failed: {e}"))),
            }
        })
    };
    let on_topic = {
        let (dispatcher, label_ref, terms_ref) = (state.dispatcher(), topic_label_ref.clone(), topic_terms_ref.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let value = |r: &NodeRef| r.cast::<web_sys::HtmlInputElement>().map(|i| i.value()).unwrap_or_default();
            dispatcher.dispatch(Action::AddTopic(value(&label_ref), value(&terms_ref)));
        })
    };
    let choose = |as_a: bool| {
        let dispatcher = state.dispatcher();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            dispatcher.dispatch(Action::Choose(as_a, select.value()));
        })
    };
    let name_of = |s: &crate::corpus::SourceText| library.name_of(s);

    html! {
        <section class="sources-view" aria-labelledby="view-title">
            { super::view_head("Sources", "Compare any two sources. Everything stays in this browser.".into()) }
            <div class="panels">
                <section class="panel" aria-labelledby="pair-title">
                    { fixed(r#"<h3 id="pair-title">Compare</h3>"#) }
                    { picker(library, true, &state.pair.0, choose(true)) }
                    <button type="button" onclick={dispatch(&state, Action::SwapPair)}>{ "Swap A and B" }</button>
                    { picker(library, false, &state.pair.1, choose(false)) }
                </section>

                <section class="panel drop-zone" aria-labelledby="add-title"
                    ondragover={Callback::from(|e: DragEvent| e.prevent_default())} ondrop={on_drop}>
                    { fixed(r#"<h3 id="add-title">Add your own</h3>"#) }
                    <form onsubmit={on_paste}>
                        <p>{ fixed(r#"<label for="new-title">Title (optional)</label>"#) }
                            <input id="new-title" type="text" ref={title_ref} autocomplete="off" /></p>
                        <p>{ fixed(r#"<label for="new-text">Article text</label>"#) }
                            <textarea id="new-text" rows="6" ref={text_ref} placeholder="Paste an article here" /></p>
                        <button type="submit">{ "Add this text" }</button>
                    </form>
                    <p>
                        { fixed(r#"<label for="new-files">Or pick or drop files: .txt, .md, .html, a .json corpus, or a saved workspace (up to 20 MB each)</label>"#) }
                        <input id="new-files" type="file" multiple=true accept=".txt,.text,.md,.markdown,.html,.htm,.json" onchange={on_pick}
                            disabled={state.import.is_some()} />
                    </p>
                    if let Some(progress) = state.import {
                        <p class="import-progress">
                            <label for="import-progress">{ if progress.total == 0 { "Reading files\u{2026}".to_owned() } else { format!("Analysing {} of {} sources\u{2026}", progress.done, progress.total) } }</label>
                            <progress id="import-progress" max={progress.total.max(1).to_string()} value={progress.done.to_string()} />
                            <button type="button" onclick={on_cancel}>{ "Cancel import" }</button>
                        </p>
                    }
                </section>

                <section class="panel" aria-labelledby="library-title">
                    <h3 id="library-title">{ format!("Your sources ({})", library.sources.len()) }</h3>
                    if library.sources.is_empty() {
                        { fixed(r#"<p class="hint">None yet: the embedded story is shown.</p>"#) }
                    }
                    if library.sources.len() > PAGE {
                        <p>{ fixed(r#"<label for="find-source">Find a source</label>"#) }
                            <input id="find-source" type="search" autocomplete="off" value={(*find).clone()} oninput={on_find}
                                aria-describedby="find-count" /></p>
                        <p class="hint" id="find-count">{ format!("{} of {} match; showing {}.", matching.len(), library.sources.len(), matching.len().min(*shown)) }</p>
                    }
                    <ul class="library">
                        for s in matching.iter().take(*shown).map(|&i| &library.sources[i]) {
                            { entry(&name_of(s), &library.details(s), dispatch(&state, Action::RemoveSource(s.id.clone())), "Delete") }
                        }
                    </ul>
                    if matching.len() > *shown {
                        <p><button type="button" onclick={on_more}>{ format!("Show {} more", (matching.len() - *shown).min(PAGE)) }</button></p>
                    }
                    <p class="actions">
                        <button type="button" onclick={on_export}>{ "Export workspace" }</button>
                        <button type="button" disabled={library.sources.is_empty() && library.topics.is_empty()}
                            onclick={dispatch(&state, Action::ReplaceLibrary(Default::default()))}>{ "Reset to the embedded story" }</button>
                    </p>
                </section>

                <section class="panel" aria-labelledby="topics-new-title">
                    { fixed(r#"<h3 id="topics-new-title">Your topics</h3>"#) }
                    <form onsubmit={on_topic}>
                        <p>{ fixed(r#"<label for="topic-label">Label</label>"#) }
                            <input id="topic-label" type="text" ref={topic_label_ref} autocomplete="off" /></p>
                        <p>{ fixed(r#"<label for="topic-terms">Terms, separated by commas</label>"#) }
                            <input id="topic-terms" type="text" ref={topic_terms_ref} autocomplete="off" /></p>
                        <button type="submit">{ "Add topic" }</button>
                    </form>
                    <ul class="library">
                        for t in library.topics.iter() {
                            { entry(&t.label, &format!(" \u{b7} {}", t.terms.join(", ")), dispatch(&state, Action::RemoveTopic(t.id.clone())), "Delete topic") }
                        }
                    </ul>
                </section>
            </div>
        </section>
    }
}
