//! The comparison view: rows of linked claims, Source A beside Source B, grouped
//! by topic; a claim only one source has stands beside an explicit empty cell.

use super::claim::ClaimCard;
use super::state::Action;
use super::{AppContext, dispatch};
use crate::analysis::Side;
use crate::analysis::export::decimal;
use crate::explore::{Counts, Group, Row, RowKind, Selection};
use std::rc::Rc;
use yew::prelude::*;

#[derive(PartialEq, Properties)]
pub struct CompareViewProps {
    /// The visible rows by topic (computed once by the app per filter change).
    pub groups: Rc<Vec<Group>>,
}

#[component]
pub fn CompareView(props: &CompareViewProps) -> Html {
    let state = use_context::<AppContext>().expect("app context");
    let c = &state.comparison;
    let groups = &props.groups;
    let total = Counts::of(groups.iter().flat_map(|g| &g.rows));
    let (label_a, label_b) = (&c.sources[0].label, &c.sources[1].label);

    html! {
        <section class="compare" aria-labelledby="view-title">
            <div class="view-head">
                <h2 id="view-title">{ "Comparison" }</h2>
                <p class="view-summary">{ total.summary() }</p>
            </div>
            <div class="columns-head" aria-hidden="true">
                <span class="side-a">{ format!("{label_a} \u{2014} {}", c.sources[0].title) }</span>
                <span>{ "Relation" }</span>
                <span class="side-b">{ format!("{label_b} \u{2014} {}", c.sources[1].title) }</span>
            </div>
            if groups.is_empty() {
                <div class="empty">
                    <p>{ "No claims match these filters." }</p>
                    <button type="button" onclick={dispatch(&state, Action::ClearFilters)}>{ "Clear all filters" }</button>
                </div>
            }
            for group in groups.iter() {
                <section class="group" aria-labelledby={group_id(group.topic.as_deref())}>
                    <h3 class="group-head" id={group_id(group.topic.as_deref())}>
                        <span>{ &group.label }</span>
                        <span class="group-counts">{ group.counts.summary() }</span>
                    </h3>
                    <ul class="rows">
                        for row in group.rows.iter() {
                            <RowView key={row_key(row)} row={row.clone()} />
                        }
                    </ul>
                </section>
            }
        </section>
    }
}

/// A stable key for a row: its claims.
fn row_key(row: &Row) -> String {
    format!("{:?}-{:?}", row.a, row.b)
}

fn group_id(topic: Option<&str>) -> String {
    format!("group-{}", topic.unwrap_or("other"))
}

#[derive(PartialEq, Properties)]
pub struct RowProps {
    pub row: Row,
}

#[component]
fn RowView(props: &RowProps) -> Html {
    let state = use_context::<AppContext>().expect("app context");
    let c = &state.comparison;
    let row = &props.row;
    let kind = row.kind;
    let empty = |side: Side| {
        let missing = &c.sources[side.index()].label;
        html! {
            <div class={classes!("claim-card", "empty-cell", format!("side-{}", side.letter().to_lowercase()))}>
                <p>{ format!("Not reported by {missing}") }</p>
            </div>
        }
    };
    let link = row.link(c);
    let open_pair = match (row.a, row.b) {
        (Some(a), Some(b)) => Some(dispatch(
            &state,
            Action::Select(Some(Selection::Pair(c.claims[a].id.clone(), c.claims[b].id.clone()))),
        )),
        _ => None,
    };
    html! {
        <li class={classes!("row", format!("kind-{}", kind.id()))}>
            { row.a.map_or_else(|| empty(Side::A), |a| html! { <ClaimCard claim={a} link={row.link} /> }) }
            <div class="relation">
                <p class="relation-label">
                    <span class="relation-icon" aria-hidden="true">{ kind.icon() }</span>
                    <span>{ relation_name(kind) }</span>
                </p>
                if let Some(link) = link {
                    <p class="relation-score">{ format!("score {}", decimal(link.score.into(), 2)) }</p>
                    <p class="relation-why">{ &link.why }</p>
                }
                if let Some(open) = open_pair {
                    <button type="button" class="link-button" onclick={open}>{ "Compare the pair" }</button>
                }
            </div>
            { row.b.map_or_else(|| empty(Side::B), |b| html! { <ClaimCard claim={b} link={row.link} /> }) }
        </li>
    }
}

/// The relation as a text label.
pub fn relation_name(kind: RowKind) -> &'static str {
    match kind {
        RowKind::Same => "Both report",
        RowKind::Related => "Related",
        RowKind::Tension => "Tension",
        RowKind::OnlyA => "Only in A",
        RowKind::OnlyB => "Only in B",
    }
}
