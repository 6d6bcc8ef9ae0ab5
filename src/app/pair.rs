//! Two claims side by side in a dialog: their link (relation, score, why), the
//! words they share, and a word-by-word diff of their wording.

use super::claim::claim_text;
use super::state::Action;
use super::{AppContext, dispatch, fixed};
use crate::analysis::export::decimal;
use yew::prelude::*;

/// The dialog's element, which the app holds (`use_node_ref`); [`open`] shows it
/// as a native modal dialog: it traps focus, closes on Esc, and gives focus back
/// to what opened it when it closes.
pub type Dialog = NodeRef;

/// Shows the dialog, unless it is open (the app calls it once a selected pair's
/// dialog is in the page).
pub fn open(dialog_ref: &Dialog) {
    if let Some(dialog) = dialog_ref.cast::<web_sys::HtmlDialogElement>()
        && !dialog.open()
    {
        let _ = dialog.show_modal();
    }
}

/// The dialog for the pair of claims `a` and `b` (their ids).
pub fn pair_panel(state: &AppContext, a: &str, b: &str, dialog_ref: &Dialog) -> Html {
    let c = &state.comparison;
    let close = {
        let dialog_ref = dialog_ref.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(dialog) = dialog_ref.cast::<web_sys::HtmlDialogElement>() {
                dialog.close();
            }
        })
    };
    // A click on the backdrop lands on the dialog element itself.
    let on_backdrop = {
        let dialog_ref = dialog_ref.clone();
        Callback::from(move |e: MouseEvent| {
            let on_dialog = e
                .target()
                .zip(dialog_ref.get())
                .is_some_and(|(t, d)| wasm_bindgen::JsValue::from(t) == wasm_bindgen::JsValue::from(d));
            if on_dialog && let Some(dialog) = dialog_ref.cast::<web_sys::HtmlDialogElement>() {
                dialog.close();
            }
        })
    };
    let (Some(ca), Some(cb)) = (c.claim(a), c.claim(b)) else { return Html::default() };
    let ia = c.claims.iter().position(|x| x.id == ca.id).unwrap_or_default();
    let ib = c.claims.iter().position(|x| x.id == cb.id).unwrap_or_default();
    let link = c.links.iter().find(|l| l.a == ca.id && l.b == cb.id);
    let a_row = c.claims_of(crate::analysis::Side::A).position(|x| x.id == ca.id);
    let b_col = c.claims_of(crate::analysis::Side::B).position(|x| x.id == cb.id);
    let score = a_row.zip(b_col).and_then(|(i, j)| c.similarity.get(i).and_then(|r| r.get(j))).copied();
    html! {
        <dialog class="dialog" ref={dialog_ref.clone()} aria-labelledby="pair-title"
            onclose={dispatch(state, Action::Select(None))} onclick={on_backdrop}>
            <div class="dialog-body">
                <div class="dialog-head">
                    <h2 id="pair-title">{ format!("{} and {}", ca.id, cb.id) }</h2>
                    <button type="button" autofocus=true onclick={close}>{ "Close" }</button>
                </div>
                if let Some(link) = link {
                    <p class={classes!("pair-relation", format!("kind-{}", link.relation.as_str()))}>
                        <strong>{ format!("{} ", relation_text(link.relation)) }</strong>
                        { format!("(score {}): {}", decimal(link.score.into(), 2), link.why) }
                    </p>
                    if !link.shared.is_empty() {
                        <p class="pair-shared">{ format!("Shared: {}", link.shared.join(" \u{b7} ")) }</p>
                    }
                } else {
                    <p class="pair-relation">{ format!("Not linked: similarity {} is below what a link needs, or the evidence is too thin.", decimal(score.unwrap_or(0.0).into(), 2)) }</p>
                }
                <div class="pair-columns">
                    { side(state, &c.sources[0].label, ia, ib) }
                    { side(state, &c.sources[1].label, ib, ia) }
                </div>
                { fixed(r#"<p class="chart-note">Marked words name the same thing in both claims: the same word, entity or idea.</p>"#) }
            </div>
        </dialog>
    }
}

fn relation_text(relation: crate::analysis::Relation) -> &'static str {
    match relation {
        crate::analysis::Relation::Same => "Both report it",
        crate::analysis::Relation::Related => "Related",
        crate::analysis::Relation::Tension => "Tension",
    }
}

fn side(state: &AppContext, label: &str, index: usize, other: usize) -> Html {
    let id = state.comparison.claims[index].id.clone();
    html! {
        <div class="pair-side">
            <p class="source-label">{ format!("{label} \u{b7} {id}") }</p>
            <p class="claim-text">{ claim_text(&state.comparison, index, Some(other), "") }</p>
            <button type="button" class="link-button" onclick={dispatch(state, Action::Read(id.clone()))}>{ "Read in context" }</button>
        </div>
    }
}
