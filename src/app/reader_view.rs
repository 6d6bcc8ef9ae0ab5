//! The reader view: both cleaned articles side by side, claims marked by topic.
//! Selecting a claim highlights it and the claims it is linked to, and shows why.

use super::claim::claim_text;
use super::compare_view::relation_name;
use super::state::Action;
use super::{AppContext, dispatch, fixed};
use crate::analysis::clean::BlockKind;
use crate::analysis::export::decimal;
use crate::analysis::{Comparison, Side};
use crate::explore::{Query, RowKind, Selection};
use yew::prelude::*;

pub fn reader_view(state: &AppContext) -> Html {
    let c = &state.comparison;
    let selected: Vec<&str> = state.selection.as_ref().map(Selection::ids).unwrap_or_default();
    // The selection's counterparts: claims linked to a selected claim.
    let linked: Vec<&str> = c
        .links
        .iter()
        .filter_map(|l| {
            if selected.contains(&l.a.as_str()) {
                Some(l.b.as_str())
            } else if selected.contains(&l.b.as_str()) {
                Some(l.a.as_str())
            } else {
                None
            }
        })
        .collect();

    html! {
        <section class="reader" aria-labelledby="view-title">
            { super::view_head("Read the articles", "Claims are marked by topic. Select one to see it beside what the other source says.".into()) }
            { topic_legend(state) }
            if let Some(Selection::Claim(id)) = &state.selection {
                { selected_claim(state, id) }
            }
            // While a new pair is compared the articles shown are the previous
            // pair's: say so, rather than pass them off as the pair picked.
            if state.comparing.is_some() {
                { fixed(r#"<p role="status" class="comparing-note">Comparing the pair you picked… the articles below are the previous pair's until it is ready.</p>"#) }
            }
            <div class="articles" aria-busy={state.comparing.is_some().then_some("true")}>
                for side in [Side::A, Side::B] {
                    { article(state, c, side, &selected, &linked) }
                }
            </div>
        </section>
    }
}

fn article(state: &AppContext, c: &Comparison, side: Side, selected: &[&str], linked: &[&str]) -> Html {
    let source = &c.sources[side.index()];
    let cleaned = &source.cleaned;
    let query = Query::parse(&state.filters.query, c);
    let claims: Vec<(usize, &crate::analysis::Claim)> =
        c.claims.iter().enumerate().filter(|(_, cl)| c.side_of(cl) == side).collect();
    let removed = source.removed.len();
    let heading_id = format!("article-{}", side.letter());
    let render_block = |start: usize, end: usize| -> Html {
        let mut parts: Vec<Html> = Vec::new();
        let mut cursor = start;
        for (index, claim) in claims.iter().filter(|(_, cl)| cl.start >= start && cl.end <= end) {
            if claim.start > cursor {
                parts.push(html! { { cleaned.text[cursor..claim.start].to_owned() } });
            }
            let topic_class = claim
                .topics
                .first()
                .and_then(|t| c.topics.iter().position(|x| &x.id == t))
                .map_or_else(|| "t-none".to_owned(), |i| format!("t{}", i % 12));
            let is_selected = selected.contains(&claim.id.as_str());
            let classes = classes!(
                "read-claim",
                topic_class,
                is_selected.then_some("selected"),
                linked.contains(&claim.id.as_str()).then_some("linked"),
                (!state.filters.fits_claim(claim, &query)).then_some("dimmed"),
            );
            let onclick = {
                let dispatcher = state.dispatcher();
                let id = claim.id.clone();
                Callback::from(move |e: MouseEvent| {
                    e.prevent_default();
                    dispatcher.dispatch(Action::Select(Some(Selection::Claim(id.clone()))));
                })
            };
            parts.push(html! {
                <a id={format!("read-{}", claim.id)} class={classes} href={format!("?view=reader&claim={}", claim.id)}
                    aria-current={is_selected.then_some("true")} onclick={onclick}
                    >
                    { claim_text(c, *index, None, &state.filters.query) }
                </a>
            });
            cursor = claim.end;
        }
        if cursor < end {
            parts.push(html! { { cleaned.text[cursor..end].to_owned() } });
        }
        parts.into_iter().collect::<Html>()
    };
    html! {
        <article class={classes!("article", side.class())} aria-labelledby={heading_id.clone()} data-source={source.id.clone()}>
            <p class="source-label">{ &source.label }</p>
            <h3 id={heading_id}>
                { &source.title }
                if source.title_derived {
                    <span class="derived" title="The article has no title; this one was derived">{ " (derived title)" }</span>
                }
            </h3>
            if removed > 0 {
                <div class="removed">
                    <button type="button" class="link-button" aria-expanded={state.show_removed.to_string()}
                        aria-controls={format!("removed-{}", side.letter())}
                        onclick={dispatch(state, Action::ToggleRemoved)}>
                        { format!("{removed} {} removed as page furniture \u{2014} {}", if removed == 1 { "line" } else { "lines" }, if state.show_removed { "hide" } else { "show" }) }
                    </button>
                    if state.show_removed {
                        <ul id={format!("removed-{}", side.letter())} class="removed-list">
                            for r in source.removed.iter() {
                                <li><span class="removed-kind">{ format!("{}: ", r.reason) }</span><span class="removed-text">{ &r.text }</span></li>
                            }
                        </ul>
                    }
                </div>
            }
            for block in cleaned.blocks.iter() {
                if block.kind == BlockKind::Heading {
                    <h4 class="section-title">{ cleaned.block_text(block) }</h4>
                } else {
                    <p>{ render_block(block.start, block.end) }</p>
                }
            }
        </article>
    }
}

fn topic_legend(state: &AppContext) -> Html {
    let c = &state.comparison;
    html! {
        <details class="legend">
            { fixed("<summary>Topic colours</summary>") }
            <ul>
                for (i, t) in c.topics.iter().enumerate() {
                    <li><span class={classes!("swatch", format!("t{}", i % 12))} aria-hidden="true"></span>{ &t.label }</li>
                }
            </ul>
        </details>
    }
}

/// What the analysis found in the selected claim, and its links with their reasons.
fn selected_claim(state: &AppContext, id: &str) -> Html {
    let c = &state.comparison;
    let Some(claim) = c.claim(id) else { return Html::default() };
    let links: Vec<_> = c.links_of(&claim.id).collect();
    let side = c.side_of(claim);
    let facts: Vec<(&str, String)> = [
        ("Topics", claim.topics.iter().map(|t| c.topic_label(t).to_owned()).collect::<Vec<_>>().join(", ")),
        ("Named", claim.entities.join(", ")),
        ("Says", claim.attribution.clone().unwrap_or_default()),
        ("Numbers", claim.numbers.iter().map(|q| q.text.clone()).collect::<Vec<_>>().join("; ")),
        ("When", claim.times.join("; ")),
    ]
    .into_iter()
    .filter(|(_, v)| !v.is_empty())
    .collect();
    html! {
        <aside class="selected-claim" aria-labelledby="selected-title">
            <div class="selected-head">
                <h3 id="selected-title">{ format!("{} \u{b7} claim {}", c.sources[side.index()].label, claim.id) }</h3>
                <button type="button" class="link-button" onclick={dispatch(state, Action::Select(None))}>{ "Clear selection" }</button>
            </div>
            <p class="claim-text">{ &claim.text }</p>
            <dl class="facts">
                for (k, v) in facts {
                    <div><dt>{ k }</dt><dd>{ v }</dd></div>
                }
            </dl>
            if links.is_empty() {
                <p class="no-links">{ format!("Not reported by {}.", c.sources[1 - side.index()].label) }</p>
            } else {
                <ul class="selected-links">
                    for link in links {
                        <li>
                            { link_line(state, c, link, side) }
                        </li>
                    }
                </ul>
            }
        </aside>
    }
}

fn link_line(state: &AppContext, c: &Comparison, link: &crate::analysis::Link, side: Side) -> Html {
    let other = if side == Side::A { &link.b } else { &link.a };
    let kind = match link.relation {
        crate::analysis::Relation::Same => RowKind::Same,
        crate::analysis::Relation::Related => RowKind::Related,
        crate::analysis::Relation::Tension => RowKind::Tension,
    };
    let text = c.claim(other).map(|cl| cl.text.clone()).unwrap_or_default();
    html! {
        <>
            <span class={classes!("relation-badge", format!("kind-{}", kind.id()))}>
                <span aria-hidden="true">{ kind.icon() }</span>{ format!(" {} ", relation_name(kind)) }
            </span>
            <button type="button" class="link-button" onclick={dispatch(state, Action::Select(Some(Selection::Claim(other.clone()))))}>
                { other.clone() }
            </button>
            { format!(" {text} ") }
            <span class="why">{ format!("\u{2014} {} (score {})", link.why, decimal(link.score.into(), 2)) }</span>
        </>
    }
}
