//! Sources: choose the pair to compare, add your own articles (paste, files, a
//! JSON corpus), manage them and your topics, and move the workspace in and out.
//! Text is read as text: HTML files are converted to plain text and never put
//! into the page as markup.

use super::state::{Action, NewSource};
use super::{AppContext, browser, dispatch};
use crate::analysis::input;
use crate::library::{self, FileKind};
use yew::prelude::*;

/// Reads dropped or picked files and hands what they hold to the reducer: text,
/// Markdown and HTML files become sources, a JSON corpus its entries, and a
/// Parallax workspace file replaces the library.
fn read_files(files: Vec<web_sys::File>, dispatcher: UseReducerDispatcher<super::state::State>) {
    yew::platform::spawn_local(async move {
        let mut sources = Vec::new();
        let mut problems = Vec::new();
        for file in files {
            let name = file.name();
            let bytes = if file.size() > input::MAX_BYTES as f64 {
                Err(input::InputError::TooLarge { bytes: file.size() as usize }.to_string())
            } else {
                wasm_bindgen_futures::JsFuture::from(file.array_buffer())
                    .await
                    .map(|buffer| js_sys::Uint8Array::new(&buffer).to_vec())
                    .map_err(|_| "the file could not be read".to_owned())
            };
            let read = bytes.and_then(|bytes| library::file_text(&name, &bytes).map_err(|e| e.to_string()));
            match read {
                Ok((FileKind::Json, text)) if browser::is_workspace(&text) => match browser::parse_library(&text) {
                    Ok(library) => dispatcher.dispatch(Action::ReplaceLibrary(library)),
                    Err(e) => problems.push(format!("{name}: {e}; your sources are unchanged")),
                },
                Ok((FileKind::Json, text)) => match browser::parse_corpus(&text) {
                    Ok(mut entries) => sources.append(&mut entries),
                    Err(e) => problems.push(format!("{name}: {}", library::ImportError::NotACorpus { reason: e })),
                },
                Ok((_, text)) => sources.push(NewSource { title: String::new(), text, label: None }),
                Err(e) => problems.push(format!("{name}: {e}")),
            }
        }
        if !sources.is_empty() || !problems.is_empty() {
            dispatcher.dispatch(Action::AddSources(sources, problems));
        }
    });
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

    let on_paste = {
        let (dispatcher, title_ref, text_ref) = (state.dispatcher(), title_ref.clone(), text_ref.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let title = title_ref.cast::<web_sys::HtmlInputElement>().map(|i| i.value()).unwrap_or_default();
            let field = text_ref.cast::<web_sys::HtmlTextAreaElement>();
            let text = field.as_ref().map(|t| t.value()).unwrap_or_default();
            dispatcher.dispatch(Action::AddSources(vec![NewSource { title, text, label: None }], Vec::new()));
        })
    };
    let on_pick = {
        let dispatcher = state.dispatcher();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            read_files(files_of(input.files()), dispatcher.clone());
            input.set_value("");
        })
    };
    let on_drop = {
        let dispatcher = state.dispatcher();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            read_files(files_of(e.data_transfer().and_then(|d| d.files())), dispatcher.clone());
        })
    };
    let on_export = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            let json = browser::library_json(&state.library);
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
    let name_of = |s: &crate::corpus::SourceText| {
        if s.title.is_empty() {
            s.text.split_whitespace().take(10).collect::<Vec<_>>().join(" ") + "\u{2026}"
        } else {
            s.title.clone()
        }
    };
    let picker = |as_a: bool, current: &str| {
        let id = if as_a { "pick-a" } else { "pick-b" };
        html! {
            <p class="picker">
                <label for={id}>{ if as_a { "Source A" } else { "Source B" } }</label>
                <select id={id} onchange={choose(as_a)}>
                    for s in library.all() {
                        <option value={s.id.clone()} selected={s.id == current}>{ name_of(s) }</option>
                    }
                </select>
            </p>
        }
    };

    html! {
        <section class="sources-view" aria-labelledby="view-title">
            <div class="view-head">
                <h2 id="view-title">{ "Sources" }</h2>
                <p class="view-summary">{ "Compare any two sources. Everything stays in this browser." }</p>
            </div>
            <div class="panels">
                <section class="panel" aria-labelledby="pair-title">
                    <h3 id="pair-title">{ "Compare" }</h3>
                    { picker(true, &state.pair.0) }
                    <button type="button" onclick={dispatch(&state, Action::SwapPair)}>{ "Swap A and B" }</button>
                    { picker(false, &state.pair.1) }
                </section>

                <section class="panel drop-zone" aria-labelledby="add-title"
                    ondragover={Callback::from(|e: DragEvent| e.prevent_default())} ondrop={on_drop}>
                    <h3 id="add-title">{ "Add your own" }</h3>
                    <form onsubmit={on_paste}>
                        <p><label for="new-title">{ "Title (optional)" }</label>
                            <input id="new-title" type="text" ref={title_ref} autocomplete="off" /></p>
                        <p><label for="new-text">{ "Article text" }</label>
                            <textarea id="new-text" rows="6" ref={text_ref} placeholder="Paste an article here" /></p>
                        <button type="submit">{ "Add this text" }</button>
                    </form>
                    <p>
                        <label for="new-files">{ "Or pick or drop files: .txt, .md, .html, a .json corpus, or a saved workspace (up to 20 MB each)" }</label>
                        <input id="new-files" type="file" multiple=true accept=".txt,.text,.md,.markdown,.html,.htm,.json" onchange={on_pick} />
                    </p>
                </section>

                <section class="panel" aria-labelledby="library-title">
                    <h3 id="library-title">{ format!("Your sources ({})", library.sources.len()) }</h3>
                    if library.sources.is_empty() {
                        <p class="hint">{ "None yet: the embedded story is shown." }</p>
                    }
                    <ul class="library">
                        for s in library.sources.iter() {
                            <li>
                                <span class="library-name">{ name_of(s) }</span>
                                <span class="hint">{ format!(" \u{b7} {} KB", s.text.len().div_ceil(1000)) }</span>
                                <button type="button" class="link-button" onclick={dispatch(&state, Action::RemoveSource(s.id.clone()))}
                                    aria-label={format!("Delete {}", name_of(s))}>{ "Delete" }</button>
                            </li>
                        }
                    </ul>
                    <p class="actions">
                        <button type="button" onclick={on_export}>{ "Export workspace" }</button>
                        <button type="button" disabled={library.sources.is_empty() && library.topics.is_empty()}
                            onclick={dispatch(&state, Action::ReplaceLibrary(Default::default()))}>{ "Reset to the embedded story" }</button>
                    </p>
                </section>

                <section class="panel" aria-labelledby="topics-new-title">
                    <h3 id="topics-new-title">{ "Your topics" }</h3>
                    <form onsubmit={on_topic}>
                        <p><label for="topic-label">{ "Label" }</label>
                            <input id="topic-label" type="text" ref={topic_label_ref} autocomplete="off" /></p>
                        <p><label for="topic-terms">{ "Terms, separated by commas" }</label>
                            <input id="topic-terms" type="text" ref={topic_terms_ref} autocomplete="off" /></p>
                        <button type="submit">{ "Add topic" }</button>
                    </form>
                    <ul class="library">
                        for t in library.topics.iter() {
                            <li>
                                <span class="library-name">{ &t.label }</span>
                                <span class="hint">{ format!(" \u{b7} {}", t.terms.join(", ")) }</span>
                                <button type="button" class="link-button" onclick={dispatch(&state, Action::RemoveTopic(t.id.clone()))}
                                    aria-label={format!("Delete topic {}", t.label)}>{ "Delete" }</button>
                            </li>
                        }
                    </ul>
                </section>
            </div>
        </section>
    }
}
