//! The filters: topics (with per-source counts and a coverage bar), relations,
//! the entity filter, and "Clear all". Every filter is a button with `aria-pressed`.

use super::state::Action;
use super::{AppContext, dispatch, fixed};
use crate::analysis::export::decimal;
use crate::explore::{self, Counts, RowKind};
use std::rc::Rc;
use yew::prelude::*;

#[component]
pub fn Filters() -> Html {
    let state = use_context::<AppContext>().expect("app context");
    let filters = &state.filters;
    // Counts depend on the comparison only, not on the filters.
    let key = Rc::as_ptr(&state.comparison) as usize;
    let counts = {
        let c = state.comparison.clone();
        use_memo(key, move |_| (explore::topic_counts(&c), Counts::of(&explore::rows(&c))))
    };
    let (topics, kind_counts) = &*counts;
    let widest = topics.iter().map(|t| t.a.max(t.b)).max().unwrap_or(1).max(1);
    // Open on wide screens; on a phone the filters fold away above the results.
    // Folded, they are not rendered at all (nor in the prerendered first paint).
    let open = use_state(super::browser::wide_screen);
    let ontoggle = {
        let open = open.clone();
        Callback::from(move |event: Event| {
            if let Some(details) = event.target_dyn_into::<web_sys::Element>() {
                open.set(details.has_attribute("open"));
            }
        })
    };
    let active = filters.topics.iter().count() + filters.kinds.iter().count() + usize::from(filters.entity.is_some());

    html! {
        <aside class="filters" aria-labelledby="filters-title">
            <details class="filters-fold" open={*open} {ontoggle}>
            <summary><h2 id="filters-title">{ "Filters" }</h2>
                if active > 0 { <span class="filters-active">{ format!(" ({active} on)") }</span> }
            </summary>
            if *open { <>
            <button type="button" class="link-button clear-all" disabled={filters.is_empty()}
                onclick={dispatch(&state, Action::ClearFilters)}>{ "Clear all" }</button>

            <section aria-labelledby="topics-title">
                { fixed(r#"<h3 id="topics-title">Topics</h3>"#) }
                <ul class="topic-list">
                    for t in topics.iter() {
                        <li class="topic-item">
                            <button type="button" class="topic-filter"
                                aria-pressed={filters.topics.contains(&t.id).to_string()}
                                aria-describedby={format!("count-{}", t.id)}
                                title={t.description.clone()}
                                onclick={dispatch(&state, Action::ToggleTopic(t.id.clone()))}>
                                { &t.label }
                            </button>
                            <span class="topic-count" id={format!("count-{}", t.id)}>
                                { format!("A {} \u{b7} B {}", t.a, t.b) }
                                if let Some(side) = t.blind_spot() {
                                    <span class="sr-only">{ format!(", not covered by Source {}", side.letter()) }</span>
                                }
                            </span>
                            <svg class="coverage" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true">
                                <rect class="bar-a" x="0" y="0" height="3.5" width={decimal(100.0 * t.a as f64 / widest as f64, 1)} />
                                <rect class="bar-b" x="0" y="4.5" height="3.5" width={decimal(100.0 * t.b as f64 / widest as f64, 1)} />
                            </svg>
                        </li>
                    }
                </ul>
            </section>

            <section aria-labelledby="kinds-title">
                { fixed(r#"<h3 id="kinds-title">Show</h3>"#) }
                <ul class="kind-list">
                    for kind in RowKind::ALL {
                        <li class={classes!("kind-item", format!("kind-{}", kind.id()))}>
                            <button type="button" class="kind-filter"
                                aria-pressed={filters.kinds.contains(&kind).to_string()}
                                aria-describedby={format!("kind-count-{}", kind.id())}
                                title={kind.description()}
                                onclick={dispatch(&state, Action::ToggleKind(kind))}>
                                <span class="kind-icon" aria-hidden="true">{ kind.icon() }</span>
                                { kind.label() }
                            </button>
                            <span class="kind-count" id={format!("kind-count-{}", kind.id())}>{ kind_counts.get(kind) }</span>
                        </li>
                    }
                </ul>
            </section>

            <section aria-labelledby="entity-title">
                { fixed(r#"<h3 id="entity-title">Entity</h3>"#) }
                if let Some(entity) = &filters.entity {
                    <button type="button" class="entity-chip active" aria-pressed="true"
                        aria-label={format!("{entity} (remove entity filter)")}
                        onclick={dispatch(&state, Action::ToggleEntity(entity.clone()))}>
                        { entity } <span aria-hidden="true">{ " \u{d7}" }</span>
                    </button>
                } else {
                    { fixed(r#"<p class="hint">Click a name on any claim to show only claims that mention it.</p>"#) }
                }
            </section>
            </> }
            </details>
        </aside>
    }
}
