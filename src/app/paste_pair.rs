//! "Compare two articles of your own", above the comparison view's rows: paste
//! (or drop a file on) Source A and Source B side by side and press Compare; the
//! comparison shows at once, and the two join the library only if the reader
//! keeps them.

use super::state::{Action, NewSource};
use super::{AppContext, fixed};
use crate::analysis::Side;
use crate::library;
use yew::prelude::*;

/// One side of the form: an optional title and the article's text.
fn side(side: Side, title_ref: &NodeRef, text_ref: &NodeRef, on_drop: Callback<DragEvent>) -> Html {
    let (letter, id) = (side.letter(), side.id());
    html! {
        <div class={classes!("paste-side", side.class())}>
            <label for={format!("paste-{id}-title")}>{ format!("Source {letter}: title (optional)") }</label>
            <input id={format!("paste-{id}-title")} type="text" ref={title_ref.clone()} autocomplete="off" />
            <label for={format!("paste-{id}-text")}>{ format!("Source {letter}: article text") }</label>
            <textarea id={format!("paste-{id}-text")} ref={text_ref.clone()} rows="8"
                placeholder="Paste an article here, or drop a .txt, .md or .html file"
                ondragover={Callback::from(|e: DragEvent| e.prevent_default())} ondrop={on_drop} />
        </div>
    }
}

/// Reads a dropped text or Markdown file into `field`. HTML pages are imported in
/// Sources, where the worker turns them into text (the page holds no HTML reader).
fn drop_into(field: NodeRef, state: AppContext) -> Callback<DragEvent> {
    Callback::from(move |e: DragEvent| {
        e.prevent_default();
        let Some(file) = e.data_transfer().and_then(|d| d.files()).and_then(|f| f.item(0)) else { return };
        let name = file.name();
        let dispatcher = state.dispatcher();
        if !matches!(library::FileKind::of(&name), Some(library::FileKind::Text | library::FileKind::Markdown)) {
            dispatcher.dispatch(Action::Alert(format!(
                "{name}: drop a .txt or .md file here; add HTML pages and JSON corpora in Sources, where they are converted to text."
            )));
            return;
        }
        let field = field.clone();
        yew::platform::spawn_local(async move {
            match (
                wasm_bindgen_futures::JsFuture::from(file.text()).await,
                field.cast::<web_sys::HtmlTextAreaElement>(),
            ) {
                (Ok(text), Some(area)) => area.set_value(&text.as_string().unwrap_or_default()),
                (Err(_), _) => dispatcher.dispatch(Action::Alert(format!("{name} could not be read by the browser."))),
                _ => {}
            }
        });
    })
}

/// The fields' references: A's title and text, then B's.
pub type Fields = [NodeRef; 4];

/// The form, above the comparison view's rows (whose component holds `refs`).
pub fn paste_pair(state: &AppContext, refs: &Fields) -> Html {
    let on_submit = {
        let (state, refs) = (state.clone(), refs.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let value = |r: &NodeRef| {
                r.cast::<web_sys::HtmlInputElement>()
                    .map(|i| i.value())
                    .or_else(|| r.cast::<web_sys::HtmlTextAreaElement>().map(|t| t.value()))
                    .unwrap_or_default()
            };
            let source =
                |t: &NodeRef, x: &NodeRef| NewSource { title: value(t), text: value(x), ..NewSource::default() };
            state.dispatch(Action::CompareTexts(source(&refs[0], &refs[1]), source(&refs[2], &refs[3])));
        })
    };
    let keep = state.comparing_scratch().then(|| {
        let dispatcher = state.dispatcher();
        html! {
            <p class="keep">
                { "These two articles are not in your library. " }
                <button type="button" onclick={Callback::from(move |_| dispatcher.dispatch(Action::KeepScratch))}>{ "Keep both in my sources" }</button>
            </p>
        }
    });
    html! {
        <div class="paste-pair">
        <details>
            { fixed("<summary>Compare two articles of your own</summary>") }
            <form onsubmit={on_submit} aria-label="Compare two articles of your own">
                <div class="paste-sides">
                    { side(Side::A, &refs[0], &refs[1], drop_into(refs[1].clone(), state.clone())) }
                    { side(Side::B, &refs[2], &refs[3], drop_into(refs[3].clone(), state.clone())) }
                </div>
                { fixed(r#"<p class="hint">Nothing leaves your browser. The two are compared at once and added to your sources only if you keep them.</p>"#) }
                <button type="submit">{ "Compare" }</button>
            </form>
        </details>
        { keep.unwrap_or_default() }
        </div>
    }
}
