//! The filters: topics (with per-source counts and a coverage bar), relations,
//! the entity filter, and "Clear all". Every filter is a button with `aria-pressed`.

use super::state::Action;
use super::{AppContext, dispatch};
use crate::analysis::export::decimal;
use crate::explore::{self, Counts, RowKind};
use yew::prelude::*;

#[component]
pub fn Filters() -> Html {
    let state = use_context::<AppContext>().expect("app context");
    let c = &state.comparison;
    let filters = &state.filters;
    let topics = explore::topic_counts(c);
    let widest = topics.iter().map(|t| t.a.max(t.b)).max().unwrap_or(1).max(1);
    let all_rows = explore::rows(c);
    let kind_counts = Counts::of(&all_rows);

    html! {
        <aside class="filters" aria-labelledby="filters-title">
            <div class="filters-head">
                <h2 id="filters-title">{ "Filters" }</h2>
                <button type="button" class="link-button" disabled={filters.is_empty()}
                    onclick={dispatch(&state, Action::ClearFilters)}>{ "Clear all" }</button>
            </div>

            <section aria-labelledby="topics-title">
                <h3 id="topics-title">{ "Topics" }</h3>
                <ul class="topic-list">
                    for t in topics.iter() {
                        <li>
                            <button type="button" class="topic-filter"
                                aria-pressed={filters.topics.contains(&t.id).to_string()}
                                aria-label={t.label.clone()}
                                aria-describedby={format!("count-{}", t.id)}
                                title={t.description.clone()}
                                onclick={dispatch(&state, Action::ToggleTopic(t.id.clone()))}>
                                <span class="topic-name">{ &t.label }</span>
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
                            </button>
                        </li>
                    }
                </ul>
            </section>

            <section aria-labelledby="kinds-title">
                <h3 id="kinds-title">{ "Show" }</h3>
                <ul class="kind-list">
                    for kind in RowKind::ALL {
                        <li>
                            <button type="button" class={classes!("kind-filter", format!("kind-{}", kind.id()))}
                                aria-pressed={filters.kinds.contains(&kind).to_string()}
                                aria-label={kind.label()}
                                aria-describedby={format!("kind-count-{}", kind.id())}
                                title={kind.description()}
                                onclick={dispatch(&state, Action::ToggleKind(kind))}>
                                <span class="kind-icon" aria-hidden="true">{ kind.icon() }</span>
                                <span>{ kind.label() }</span>
                                <span class="kind-count" id={format!("kind-count-{}", kind.id())}>{ kind_counts.get(kind) }</span>
                            </button>
                        </li>
                    }
                </ul>
            </section>

            <section aria-labelledby="entity-title">
                <h3 id="entity-title">{ "Entity" }</h3>
                if let Some(entity) = &filters.entity {
                    <button type="button" class="entity-chip active" aria-pressed="true"
                        aria-label={format!("{entity} (remove entity filter)")}
                        onclick={dispatch(&state, Action::ToggleEntity(entity.clone()))}>
                        { entity } <span aria-hidden="true">{ " \u{d7}" }</span>
                    </button>
                } else {
                    <p class="hint">{ "Click a name on any claim to show only claims that mention it." }</p>
                }
            </section>
        </aside>
    }
}
