//! The overview: topic coverage per source, blind spots, cited outlets, key
//! numbers and a claims × claims similarity heatmap. Every chart is SVG and
//! every mark of it leads somewhere: a topic filters, a cell opens the pair.

use super::state::Action;
use super::{AppContext, dispatch, fixed};
use crate::analysis::export::decimal;
use crate::analysis::{Relation, Side};
use crate::explore::{self, Selection};
use yew::prelude::*;

pub fn overview(state: &AppContext) -> Html {
    let c = &state.comparison;
    html! {
        <section class="overview" aria-labelledby="view-title">
            { super::view_head("Overview", format!("{} links: {} shared, {} related, {} in tension.", c.links.len(), c.count_links(Relation::Same), c.count_links(Relation::Related), c.count_links(Relation::Tension)).into()) }
            <div class="charts">
                { coverage(state) }
                { blind_spots(state) }
                { outlets(state) }
                { key_numbers(state) }
                <Heatmap />
            </div>
        </section>
    }
}

/// Topic coverage: for each topic, a bar per source; a click filters by the topic.
fn coverage(state: &AppContext) -> Html {
    let c = &state.comparison;
    let topics = explore::topic_counts(c);
    let widest = topics.iter().map(|t| t.a.max(t.b)).max().unwrap_or(1).max(1) as f64;
    html! {
        <section class="chart coverage-chart" aria-labelledby="coverage-title">
            { fixed(r#"<h3 id="coverage-title">Topic coverage</h3><p class="chart-note">Claims per topic in each source. Choose a topic to compare what each says.</p>"#) }
            <p class="legend-inline"><span class="swatch side-a" aria-hidden="true"></span>{ format!("{} ", c.sources[0].label) }<span class="swatch side-b" aria-hidden="true"></span>{ c.sources[1].label.clone() }</p>
            <ul class="bars">
                for t in topics.iter() {
                    <li class="bar-row">
                        <button type="button" class="bar-label link-button" onclick={dispatch_topic(state, &t.id)}
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
fn blind_spots(state: &AppContext) -> Html {
    let c = &state.comparison;
    let topics = explore::topic_counts(c);
    html! {
        <section class="chart" aria-labelledby="blind-title">
            { fixed(r#"<h3 id="blind-title">Blind spots</h3><p class="chart-note">Topics one source covers and the other does not mention.</p>"#) }
            for side in [Side::A, Side::B] {
                <h4>{ format!("Missing from {}", c.sources[side.index()].label) }</h4>
                <ul class="plain-list">
                    for t in topics.iter().filter(|t| t.blind_spot() == Some(side)) {
                        <li>
                            <button type="button" class="link-button" onclick={dispatch_topic(state, &t.id)}>{ &t.label }</button>
                            { format!(" \u{2014} {} claims in {}", t.a.max(t.b), c.sources[1 - side.index()].label) }
                        </li>
                    }
                    if !topics.iter().any(|t| t.blind_spot() == Some(side)) {
                        { fixed("<li>None: it touches every topic the other covers.</li>") }
                    }
                </ul>
            }
        </section>
    }
}

/// A click that shows the claims of one topic in the comparison view.
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
fn outlets(state: &AppContext) -> Html {
    let c = &state.comparison;
    html! {
        <section class="chart" aria-labelledby="outlets-title">
            { fixed(r#"<h3 id="outlets-title">Outlets cited</h3><p class="chart-note">Credit lines and the outlets claims are attributed to.</p>"#) }
            <div class="outlets">
                for s in c.sources.iter() {
                    <div>
                        <h4>{ &s.label }</h4>
                        <ul class="plain-list">
                            for outlet in s.cited.iter() {
                                <li>
                                    if c.claims.iter().any(|cl| cl.entities.contains(outlet)) {
                                        <button type="button" class="link-button" onclick={dispatch(state, Action::ToggleEntity(outlet.clone()))}>{ outlet }</button>
                                    } else {
                                        { outlet }
                                    }
                                </li>
                            }
                            if s.cited.is_empty() {
                                { fixed("<li>No outlet named.</li>") }
                            }
                        </ul>
                    </div>
                }
            </div>
        </section>
    }
}

/// The numbers the claims give, with what they count.
fn key_numbers(state: &AppContext) -> Html {
    let c = &state.comparison;
    let numbers: Vec<(&str, &str, String)> = c
        .claims
        .iter()
        .flat_map(|cl| {
            // Versions ("Windows 10") are names, not figures.
            cl.numbers
                .iter()
                .filter(|q| q.kind != "version")
                .map(move |q| (cl.id.as_str(), cl.source.as_str(), q.text.clone()))
        })
        .collect();
    html! {
        <section class="chart" aria-labelledby="numbers-title">
            { fixed(r#"<h3 id="numbers-title">Key numbers</h3>"#) }
            if numbers.is_empty() {
                { fixed("<p>The claims give no numbers.</p>") }
            } else {
                <table class="numbers">
                    { fixed(r#"<thead><tr><th scope="col">Figure</th><th scope="col">Claim</th></tr></thead>"#) }
                    <tbody>
                        for (id, _, text) in numbers {
                            <tr>
                                <td>{ text }</td>
                                <td><button type="button" class="link-button" onclick={dispatch(state, Action::Read(id.to_owned()))}
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
/// Enter opens the pair; a click on any cell opens it too (one handler for all
/// cells: each cell names its place in `data-cell`).
#[component]
fn Heatmap() -> Html {
    let state = use_context::<AppContext>().expect("app context");
    let c = &state.comparison;
    let a: Vec<&crate::analysis::Claim> = c.claims_of(Side::A).collect();
    let b: Vec<&crate::analysis::Claim> = c.claims_of(Side::B).collect();
    let cursor = use_state(|| (0usize, 0usize));
    if a.is_empty() || b.is_empty() {
        return fixed(r#"<section class="chart"><h3>Similarity</h3><p>Both sources need claims.</p></section>"#);
    }
    let (rows, cols) = (a.len(), b.len());
    let (ci, cj) = (cursor.0.min(rows - 1), cursor.1.min(cols - 1));
    let pair_ids: Vec<(String, String)> =
        (0..rows * cols).map(|k| (a[k / cols].id.clone(), b[k % cols].id.clone())).collect();
    let open = {
        let dispatcher = state.dispatcher();
        move |k: usize| {
            dispatcher.dispatch(Action::Select(Some(Selection::Pair(pair_ids[k].0.clone(), pair_ids[k].1.clone()))))
        }
    };
    let onkeydown = {
        let (cursor, open) = (cursor.clone(), open.clone());
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
                    open(ci * cols + cj);
                    return;
                }
                _ => return,
            }
            e.prevent_default();
            cursor.set((i, j));
        })
    };
    let onclick = Callback::from(move |e: MouseEvent| {
        let cell = e.target_dyn_into::<web_sys::Element>().and_then(|t| t.get_attribute("data-cell"));
        if let Some(k) = cell.and_then(|k| k.parse::<usize>().ok()) {
            open(k);
        }
    });
    let relation_of =
        |i: usize, j: usize| c.links.iter().find(|l| l.a == a[i].id && l.b == b[j].id).map(|l| l.relation);
    let score_of = |i: usize, j: usize| c.similarity.get(i).and_then(|r| r.get(j)).copied().unwrap_or(0.0);
    let label = format!(
        "{} and {}: similarity {}, {}. Press Enter to compare them.",
        a[ci].id,
        b[cj].id,
        decimal(score_of(ci, cj).into(), 2),
        match relation_of(ci, cj) {
            Some(Relation::Same) => "linked, same",
            Some(Relation::Related) => "linked, related",
            Some(Relation::Tension) => "linked, tension",
            None => "not linked",
        }
    );
    let (width, height) = ((MARGIN + CELL * cols).to_string(), (MARGIN + CELL * rows).to_string());
    html! {
        <section class="chart heatmap-chart" aria-labelledby="heatmap-title">
            { fixed(r#"<h3 id="heatmap-title">Similarity of every pair of claims</h3><p id="heatmap-help" class="chart-note">Rows: claims of Source A. Columns: claims of Source B. Darker is more similar; outlined cells are linked. Click a cell, or focus the chart and use the arrow keys and Enter, to open the pair.</p>"#) }
            <div class="heatmap-scroll">
                <svg class="heatmap" role="application" aria-roledescription="heatmap" tabindex="0" aria-labelledby="heatmap-title" aria-describedby="heatmap-help heatmap-cursor"
                    viewBox={format!("0 0 {width} {height}")} width={width.clone()} height={height.clone()} onkeydown={onkeydown} onclick={onclick}>
                    for (j, cb) in b.iter().enumerate() {
                        <text class="axis" x={(MARGIN + CELL * j + CELL / 2).to_string()} y="28" text-anchor="middle">{ cb.id.trim_start_matches('B') }</text>
                    }
                    for (i, ca) in a.iter().enumerate() {
                        <text class="axis" x="28" y={(MARGIN + CELL * i + CELL * 3 / 4).to_string()} text-anchor="end">{ ca.id.clone() }</text>
                    }
                    for k in 0..rows * cols {
                        { cell(k / cols, k % cols, score_of(k / cols, k % cols), relation_of(k / cols, k % cols), (k / cols, k % cols) == (ci, cj), k) }
                    }
                </svg>
            </div>
            <p class="heatmap-cursor" id="heatmap-cursor" aria-live="polite">{ label }</p>
        </section>
    }
}

fn cell(i: usize, j: usize, score: f32, relation: Option<Relation>, cursor: bool, k: usize) -> Html {
    let shade = (score / 0.5).clamp(0.0, 1.0);
    let class = match (relation, cursor) {
        (_, true) => "cell cursor",
        (Some(Relation::Same), _) => "cell linked-same",
        (Some(Relation::Related), _) => "cell linked-related",
        (Some(Relation::Tension), _) => "cell linked-tension",
        (None, _) => "cell",
    };
    html! {
        <rect class={class} data-cell={k.to_string()} x={(MARGIN + CELL * j).to_string()} y={(MARGIN + CELL * i).to_string()}
            width={(CELL - 1).to_string()} height={(CELL - 1).to_string()} fill-opacity={decimal((0.06 + 0.94 * shade).into(), 2)} />
    }
}
