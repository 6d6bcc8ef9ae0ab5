//! The overview: topic coverage per source, blind spots, cited outlets, key
//! numbers and a claims × claims similarity heatmap. Every chart is SVG and
//! every mark of it leads somewhere: a topic filters, a cell opens the pair.

use super::state::Action;
use super::{AppContext, dispatch};
use crate::analysis::export::decimal;
use crate::analysis::{Comparison, Relation, Side};
use crate::explore::{self, Selection};
use yew::prelude::*;

#[component]
pub fn Overview() -> Html {
    let state = use_context::<AppContext>().expect("app context");
    let c = &state.comparison;
    html! {
        <section class="overview" aria-labelledby="view-title">
            <div class="view-head">
                <h2 id="view-title">{ "Overview" }</h2>
                <p class="view-summary">{ format!("{} links: {} shared, {} related, {} in tension.", c.links.len(), c.count_links(Relation::Same), c.count_links(Relation::Related), c.count_links(Relation::Tension)) }</p>
            </div>
            <div class="charts">
                <Coverage />
                <BlindSpots />
                <Outlets />
                <KeyNumbers />
                <Heatmap />
            </div>
        </section>
    }
}

/// Topic coverage: for each topic, a bar per source; a click filters by the topic.
#[component]
fn Coverage() -> Html {
    let state = use_context::<AppContext>().expect("app context");
    let c = &state.comparison;
    let topics = explore::topic_counts(c);
    let widest = topics.iter().map(|t| t.a.max(t.b)).max().unwrap_or(1).max(1) as f64;
    let show_topic = |id: &str| {
        let dispatcher = state.dispatcher();
        let id = id.to_owned();
        Callback::from(move |_| {
            dispatcher.dispatch(Action::ClearFilters);
            dispatcher.dispatch(Action::ToggleTopic(id.clone()));
            dispatcher.dispatch(Action::SetView(explore::View::Compare));
        })
    };
    html! {
        <section class="chart coverage-chart" aria-labelledby="coverage-title">
            <h3 id="coverage-title">{ "Topic coverage" }</h3>
            <p class="chart-note">{ "Claims per topic in each source. Choose a topic to compare what each says." }</p>
            <p class="legend-inline"><span class="swatch side-a" aria-hidden="true"></span>{ format!("{} ", c.sources[0].label) }<span class="swatch side-b" aria-hidden="true"></span>{ c.sources[1].label.clone() }</p>
            <ul class="bars">
                for t in topics.iter() {
                    <li class="bar-row">
                        <button type="button" class="bar-label link-button" onclick={show_topic(&t.id)}
                            aria-describedby={format!("bar-{}", t.id)}>{ &t.label }</button>
                        <svg class="bar-svg" viewBox="0 0 120 16" preserveAspectRatio="none" aria-hidden="true">
                            <rect class="bar-a" x="0" y="1" height="6" width={decimal(100.0 * t.a as f64 / widest, 1)} />
                            <rect class="bar-b" x="0" y="9" height="6" width={decimal(100.0 * t.b as f64 / widest, 1)} />
                        </svg>
                        <span class="bar-values" id={format!("bar-{}", t.id)}>
                            <span aria-hidden="true">{ format!("{} \u{b7} {}", t.a, t.b) }</span>
                            <span class="sr-only">{ format!("{} claims in {}, {} in {}", t.a, c.sources[0].label, t.b, c.sources[1].label) }</span>
                        </span>
                    </li>
                }
            </ul>
        </section>
    }
}

/// Topics only one source covers.
#[component]
fn BlindSpots() -> Html {
    let state = use_context::<AppContext>().expect("app context");
    let c = &state.comparison;
    let topics = explore::topic_counts(c);
    html! {
        <section class="chart" aria-labelledby="blind-title">
            <h3 id="blind-title">{ "Blind spots" }</h3>
            <p class="chart-note">{ "Topics one source covers and the other does not mention." }</p>
            for side in [Side::A, Side::B] {
                <h4>{ format!("Missing from {}", c.sources[side.index()].label) }</h4>
                <ul class="plain-list">
                    for t in topics.iter().filter(|t| t.blind_spot() == Some(side)) {
                        <li>
                            <button type="button" class="link-button" onclick={dispatch_topic(&state, &t.id)}>{ &t.label }</button>
                            { format!(" \u{2014} {} claims in {}", t.a.max(t.b), c.sources[1 - side.index()].label) }
                        </li>
                    }
                    if !topics.iter().any(|t| t.blind_spot() == Some(side)) {
                        <li>{ "None: it touches every topic the other covers." }</li>
                    }
                </ul>
            }
        </section>
    }
}

fn dispatch_topic(state: &AppContext, id: &str) -> Callback<MouseEvent> {
    let dispatcher = state.dispatcher();
    let id = id.to_owned();
    Callback::from(move |_| {
        dispatcher.dispatch(Action::ClearFilters);
        dispatcher.dispatch(Action::ToggleTopic(id.clone()));
        dispatcher.dispatch(Action::SetView(explore::View::Compare));
    })
}

/// The outlets each article cites.
#[component]
fn Outlets() -> Html {
    let state = use_context::<AppContext>().expect("app context");
    let c = &state.comparison;
    html! {
        <section class="chart" aria-labelledby="outlets-title">
            <h3 id="outlets-title">{ "Outlets cited" }</h3>
            <p class="chart-note">{ "Credit lines and the outlets claims are attributed to." }</p>
            <div class="outlets">
                for s in c.sources.iter() {
                    <div>
                        <h4>{ &s.label }</h4>
                        <ul class="plain-list">
                            for outlet in s.cited.iter() {
                                <li>
                                    <svg class="dot" viewBox="0 0 10 10" aria-hidden="true"><circle cx="5" cy="5" r="4" /></svg>
                                    if c.claims.iter().any(|cl| cl.entities.contains(outlet)) {
                                        <button type="button" class="link-button" onclick={dispatch(&state, Action::ToggleEntity(outlet.clone()))}>{ outlet }</button>
                                    } else {
                                        { outlet }
                                    }
                                </li>
                            }
                            if s.cited.is_empty() {
                                <li>{ "No outlet named." }</li>
                            }
                        </ul>
                    </div>
                }
            </div>
        </section>
    }
}

/// The numbers the claims give, with what they count.
#[component]
fn KeyNumbers() -> Html {
    let state = use_context::<AppContext>().expect("app context");
    let c = &state.comparison;
    let numbers: Vec<(&str, &str, String)> = c
        .claims
        .iter()
        .flat_map(|cl| {
            // Versions ("HMS Core 4.0") are names, not figures.
            cl.numbers
                .iter()
                .filter(|q| q.kind != "version")
                .map(move |q| (cl.id.as_str(), cl.source.as_str(), q.text.clone()))
        })
        .collect();
    html! {
        <section class="chart" aria-labelledby="numbers-title">
            <h3 id="numbers-title">{ "Key numbers" }</h3>
            if numbers.is_empty() {
                <p>{ "The claims give no numbers." }</p>
            } else {
                <table class="numbers">
                    <thead><tr><th scope="col">{ "Figure" }</th><th scope="col">{ "Claim" }</th></tr></thead>
                    <tbody>
                        for (id, _, text) in numbers {
                            <tr>
                                <td>{ text }</td>
                                <td><button type="button" class="link-button" onclick={dispatch(&state, Action::Read(id.to_owned()))}
                                    aria-label={format!("Read claim {id}")}>{ id }</button></td>
                            </tr>
                        }
                    </tbody>
                </table>
            }
        </section>
    }
}

/// Heatmap geometry, in SVG units (integers: no float formatting needed).
const CELL: usize = 22;
const MARGIN: usize = 34;

/// Claims × claims similarity. One focusable SVG: arrow keys move a cursor cell,
/// Enter opens the pair; a click on any cell opens it too.
#[component]
fn Heatmap() -> Html {
    let state = use_context::<AppContext>().expect("app context");
    let c = &state.comparison;
    let a: Vec<&crate::analysis::Claim> = c.claims_of(Side::A).collect();
    let b: Vec<&crate::analysis::Claim> = c.claims_of(Side::B).collect();
    let cursor = use_state(|| (0usize, 0usize));
    if a.is_empty() || b.is_empty() {
        return html! { <section class="chart"><h3>{ "Similarity" }</h3><p>{ "Both sources need claims." }</p></section> };
    }
    let (ci, cj) = (cursor.0.min(a.len() - 1), cursor.1.min(b.len() - 1));
    let open = |i: usize, j: usize| Action::Select(Some(Selection::Pair(a[i].id.clone(), b[j].id.clone())));
    let onkeydown = {
        let cursor = cursor.clone();
        let dispatcher = state.dispatcher();
        let (rows, cols) = (a.len(), b.len());
        let action = open(ci, cj);
        Callback::from(move |e: KeyboardEvent| {
            let (mut i, mut j) = (ci, cj);
            match e.key().as_str() {
                "ArrowDown" => i = (i + 1).min(rows - 1),
                "ArrowUp" => i = i.saturating_sub(1),
                "ArrowRight" => j = (j + 1).min(cols - 1),
                "ArrowLeft" => j = j.saturating_sub(1),
                "Home" => j = 0,
                "End" => j = cols - 1,
                "Enter" | " " => {
                    e.prevent_default();
                    dispatcher.dispatch(action.clone());
                    return;
                }
                _ => return,
            }
            e.prevent_default();
            cursor.set((i, j));
        })
    };
    let width = MARGIN + CELL * b.len();
    let height = MARGIN + CELL * a.len();
    let link_of = |i: usize, j: usize| c.links.iter().find(|l| l.a == a[i].id && l.b == b[j].id);
    let cell_label = |i: usize, j: usize| {
        let score = c.similarity.get(i).and_then(|r| r.get(j)).copied().unwrap_or(0.0);
        let relation = link_of(i, j).map_or("not linked".to_owned(), |l| format!("linked, {}", l.relation.as_str()));
        format!(
            "{} and {}: similarity {}, {relation}. Press Enter to compare them.",
            a[i].id,
            b[j].id,
            decimal(score.into(), 2)
        )
    };
    html! {
        <section class="chart heatmap-chart" aria-labelledby="heatmap-title">
            <h3 id="heatmap-title">{ "Similarity of every pair of claims" }</h3>
            <p class="chart-note" id="heatmap-help">{ "Rows: claims of Source A. Columns: claims of Source B. Darker is more similar; outlined cells are linked. Click a cell, or focus the chart and use the arrow keys and Enter, to open the pair." }</p>
            <div class="heatmap-scroll">
                <svg class="heatmap" role="application" aria-roledescription="heatmap" tabindex="0" aria-labelledby="heatmap-title" aria-describedby="heatmap-help heatmap-cursor"
                    viewBox={format!("0 0 {width} {height}")} width={format!("{width}")} height={format!("{height}")} onkeydown={onkeydown}>
                    for (j, cb) in b.iter().enumerate() {
                        <text class="axis" x={(MARGIN + CELL * j + CELL / 2).to_string()} y="28" text-anchor="middle">{ cb.id.trim_start_matches('B') }</text>
                    }
                    for (i, ca) in a.iter().enumerate() {
                        <g>
                            <text class="axis" x="28" y={(MARGIN + CELL * i + CELL * 3 / 4).to_string()} text-anchor="end">{ ca.id.clone() }</text>
                            for j in 0..b.len() {
                                { cell(&state, c, i, j, open(i, j), link_of(i, j).map(|l| l.relation), (i, j) == (ci, cj)) }
                            }
                        </g>
                    }
                </svg>
            </div>
            <p class="heatmap-cursor" id="heatmap-cursor" aria-live="polite">{ cell_label(ci, cj) }</p>
        </section>
    }
}

fn cell(
    state: &AppContext,
    c: &Comparison,
    i: usize,
    j: usize,
    action: Action,
    relation: Option<Relation>,
    cursor: bool,
) -> Html {
    let score = c.similarity.get(i).and_then(|r| r.get(j)).copied().unwrap_or(0.0);
    let shade = (score / 0.5).clamp(0.0, 1.0);
    let x = MARGIN + CELL * j;
    let y = MARGIN + CELL * i;
    html! {
        <rect class={classes!("cell", relation.map(|r| format!("linked-{}", r.as_str())), cursor.then_some("cursor"))}
            x={x.to_string()} y={y.to_string()} width={(CELL - 1).to_string()} height={(CELL - 1).to_string()}
            style={format!("fill-opacity:{}", decimal((0.06 + 0.94 * shade).into(), 2))}
            onclick={dispatch(state, action)}>
            <title>{ format!("similarity {}", decimal(score.into(), 2)) }</title>
        </rect>
    }
}
