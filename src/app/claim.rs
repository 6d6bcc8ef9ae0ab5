//! A claim as a card: its id, its text with shared words and search hits marked,
//! who says it, the entities it names (each one a filter), and a way to read it in context.
//!
//! Both are functions that take everything they show as arguments (no context):
//! they render inside a row, a reader link or the pair dialog.

use super::state::{Action, State};
use crate::analysis::Comparison;
use crate::explore::{self, Query};
use yew::prelude::*;

/// The claim's text (index `claim` into `Comparison::claims`) with marks: the
/// words it shares with the claim it stands beside (`other`, `<mark class="shared">`)
/// and the hits of the search `query`. A function, not a component: it renders
/// within its card or its reader link, which re-render only with their props.
pub fn claim_text(c: &Comparison, claim: usize, other: Option<usize>, query: &str) -> Html {
    let claim = &c.claims[claim];
    let shared = other.map(|o| explore::shared_spans(claim, &c.claims[o])).unwrap_or_default();
    let hits = Query::parse(query, c).hits(claim);
    html! {
        <>
            for seg in explore::segments(&claim.text, &shared, &hits) {
                { segment(&claim.text[seg.range.clone()], seg.shared, seg.hit) }
            }
        </>
    }
}

fn segment(text: &str, shared: bool, hit: bool) -> Html {
    match (shared, hit) {
        (false, false) => html! { { text.to_owned() } },
        (true, false) => html! { <mark class="shared">{ text.to_owned() }</mark> },
        (false, true) => html! { <mark class="hit">{ text.to_owned() }</mark> },
        (true, true) => html! { <mark class="shared hit">{ text.to_owned() }</mark> },
    }
}

/// A claim as a card: `claim` (an index into `Comparison::claims`) beside the
/// claim `other` (their shared words marked), the search `query`'s hits marked,
/// and the entity filter's chip (`entity`) pressed. A function of its row, which
/// re-renders only with its props (the row is the component).
pub fn claim_card(
    c: &Comparison,
    claim: usize,
    other: Option<usize>,
    query: &str,
    entity: Option<&str>,
    dispatcher: &UseReducerDispatcher<State>,
) -> Html {
    let index = claim;
    let claim = &c.claims[index];
    let side = c.side_of(claim);
    let send = |action: Action| {
        let dispatcher = dispatcher.clone();
        Callback::from(move |_: MouseEvent| dispatcher.dispatch(action.clone()))
    };
    html! {
        <div class={classes!("claim-card", side.class())}>
            <p class="claim-meta">
                <span class="claim-id">{ format!("{} \u{b7} {}", c.sources[side.index()].label, claim.id) }</span>
                if let Some(section) = &claim.section {
                    <span class="claim-section">{ format!(" \u{b7} {section}") }</span>
                }
            </p>
            <p class="claim-text">
                { claim_text(c, index, other, query) }
            </p>
            if let Some(by) = &claim.attribution {
                <p class="claim-attribution">{ format!("Says: {by}") }</p>
            }
            <div class="claim-foot">
                if !claim.entities.is_empty() {
                    <ul class="entities" aria-label="Named in this claim (click to filter)">
                        for name in claim.entities.iter() {
                            <li>
                                <button type="button" class="entity-chip"
                                    aria-pressed={(entity == Some(name.as_str())).to_string()}
                                    onclick={send(Action::ToggleEntity(name.clone()))}>
                                    { name }
                                </button>
                            </li>
                        }
                    </ul>
                }
                <button type="button" class="link-button read-link"
                    aria-label={format!("Read in context: claim {}", claim.id)}
                    onclick={send(Action::Read(claim.id.clone()))}>
                    { "Read in context" }
                </button>
            </div>
        </div>
    }
}
