//! The comparison view: rows of linked claims, Source A beside Source B, grouped
//! by topic; a claim only one source has stands beside an explicit empty cell.

use super::Shared;
use super::claim::claim_card;
use super::state::{Action, State};
use super::{AppContext, dispatch, fixed};
use crate::analysis::Side;
use crate::analysis::export::decimal;
use crate::explore::{self, Counts, Group, Item, Row, RowKind, Selection};
use std::rc::Rc;
use yew::prelude::*;

/// Rows and headings mounted in the first render of the view, and then per task.
const FIRST_ITEMS: usize = 4;
const MORE_ITEMS: usize = 4;

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
    let shared = Shared(state.comparison.clone());
    let query = AttrValue::from(state.filters.query.clone());
    let entity = state.filters.entity.clone().map(AttrValue::from);
    let total = Counts::of(groups.iter().flat_map(|g| &g.rows));
    let all_rows = {
        let c = state.comparison.clone();
        use_memo(Rc::as_ptr(&c) as usize, move |_| explore::rows(&c))
    };
    let items = explore::layout(&all_rows, groups);
    let (label_a, label_b) = (&c.sources[0].label, &c.sources[1].label);

    // The first screenful mounts at once, the rest a chunk per task, so opening
    // the view never blocks the page for long (the list is `aria-busy` meanwhile).
    let mounted = use_state(|| FIRST_ITEMS);
    // The form that compares two pasted articles (above the rows): its fields.
    let fields: super::paste_pair::Fields = [use_node_ref(), use_node_ref(), use_node_ref(), use_node_ref()];
    let busy = *mounted < items.len();
    {
        let mounted = mounted.clone();
        use_effect_with((*mounted, busy), move |&(_, busy)| {
            let more =
                busy.then(|| gloo::timers::callback::Timeout::new(0, move || mounted.set(*mounted + MORE_ITEMS)));
            move || drop(more)
        });
    }

    html! {
        <section class="compare" aria-labelledby="view-title">
            { super::view_head("Comparison", total.summary().into()) }
            { super::paste_pair::paste_pair(&state, &fields) }
            <div class="columns-head" aria-hidden="true">
                <span class="side-a">{ format!("{label_a} \u{2014} {}", c.sources[0].title) }</span>
                { fixed("<span>Relation</span>") }
                <span class="side-b">{ format!("{label_b} \u{2014} {}", c.sources[1].title) }</span>
            </div>
            if groups.is_empty() {
                <div class="empty">
                    { fixed("<p>No claims match these filters.</p>") }
                    <button type="button" onclick={dispatch(&state, Action::ClearFilters)}>{ "Clear all filters" }</button>
                </div>
            }
            <ul class="rows" aria-busy={busy.then_some("true")}>
                for item in items.iter().take(*mounted) {
                    { match item {
                        Item::Heading(g) => heading(&groups[*g]),
                        Item::Row { row, visible } => html! {
                            <RowView key={row_key(row)} row={row.clone()} hidden={!visible} comparison={shared.clone()}
                                query={query.clone()} entity={entity.clone()} dispatcher={state.dispatcher()} />
                        },
                    } }
                }
            </ul>
        </section>
    }
}

fn heading(group: &Group) -> Html {
    let id = group_id(group.topic.as_deref());
    html! {
        <li key={format!("h-{id}")} class="group-item">
            <h3 class="group-head" id={id}>
                <span>{ &group.label }</span>
                <span class="group-counts">{ group.counts.summary() }</span>
            </h3>
        </li>
    }
}

/// A stable key for a row: its claims.
fn row_key(row: &Row) -> String {
    let index = |claim: Option<usize>| claim.map_or(0, |i| i + 1);
    (index(row.a) * 100_000 + index(row.b)).to_string()
}

fn group_id(topic: Option<&str>) -> String {
    format!("group-{}", topic.unwrap_or("other"))
}

#[derive(PartialEq, Properties)]
pub struct RowProps {
    pub row: Row,
    /// Filtered out: kept in the page, hidden.
    pub hidden: bool,
    pub comparison: Shared,
    pub query: AttrValue,
    pub entity: Option<AttrValue>,
    pub dispatcher: UseReducerDispatcher<State>,
}

#[component]
fn RowView(props: &RowProps) -> Html {
    let c = &props.comparison;
    let row = &props.row;
    let kind = row.kind;
    let empty = |side: Side| {
        let missing = &c.sources[side.index()].label;
        html! {
            <div class={classes!("claim-card", "empty-cell", side.class())}>
                <p>{ format!("Not reported by {missing}") }</p>
            </div>
        }
    };
    let card = |claim: usize| {
        let other = if Some(claim) == row.a { row.b } else { row.a };
        claim_card(c, claim, other, &props.query, props.entity.as_deref(), &props.dispatcher)
    };
    let link = row.link(c);
    let open_pair = row.a.zip(row.b).map(|(a, b)| {
        let dispatcher = props.dispatcher.clone();
        let pair = Selection::Pair(c.claims[a].id.clone(), c.claims[b].id.clone());
        Callback::from(move |_: MouseEvent| dispatcher.dispatch(Action::Select(Some(pair.clone()))))
    });
    html! {
        <li class={classes!("row", format!("kind-{}", kind.id()))} hidden={props.hidden}>
            { row.a.map_or_else(|| empty(Side::A), card) }
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
            { row.b.map_or_else(|| empty(Side::B), card) }
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
