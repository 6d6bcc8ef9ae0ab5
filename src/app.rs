//! The Yew single-page app: a thin shell over [`crate::analysis`] and [`crate::explore`].
//!
//! Only this module (and `src/main.rs`) knows about the browser. `App` owns the
//! one reducer ([`state`]); components read it from context and dispatch actions.

mod browser;
mod claim;
mod compare_view;
mod fatal;
mod filters;
mod import;
mod overview;
mod pair;
mod paste_pair;
mod reader_view;
mod sources_view;
pub mod state;
mod toolbar;
pub mod worker;

use crate::analysis::{self, Comparison};
use crate::explore::{self, Selection, UrlState, View};
use crate::library::Library;
use state::{Action, HistoryMode, State, Theme};
use std::rc::Rc;
use yew::prelude::*;

/// What every view can reach: the state and its dispatcher.
pub type AppContext = UseReducerHandle<State>;

/// The comparison as a prop: shared, and equal by identity (never compared field
/// by field), so a component re-renders only when it gets another comparison.
#[derive(Clone, Debug)]
pub struct Shared(pub Rc<Comparison>);

impl PartialEq for Shared {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for Shared {
    type Target = Comparison;
    fn deref(&self) -> &Comparison {
        &self.0
    }
}

/// Mounts the app on `#app` (or `<body>` when the page has no such element)
/// after installing the panic hook that turns a crash into a visible message.
pub fn start() {
    // In the import worker there is no page to mount on: the worker only calls
    // `import_job`.
    if web_sys::window().is_none() {
        return;
    }
    fatal::install_panic_hook();
    // Two short tasks instead of one long one, so the page stays responsive while
    // it starts: the state (with the embedded comparison, computed at build time),
    // then the first render. No analysis runs on the page.
    let step = |f: Box<dyn FnOnce()>| gloo::timers::callback::Timeout::new(0, f).forget();
    step(Box::new(move || {
        let prepared = Rc::new(initial_state(None));
        step(Box::new(move || mount(prepared)));
    }));
}

/// Mounts [`App`] on `#app` (or `<body>` when the page has no such element).
fn mount(prepared: Rc<State>) {
    let props = AppProps { prepared: Some(prepared), ..AppProps::default() };
    match gloo::utils::document().get_element_by_id("app") {
        Some(root) => {
            // The prerendered first paint gives way to the live app (`data-live`).
            root.set_inner_html("");
            let _ = root.set_attribute("data-live", "");
            yew::Renderer::<App>::with_root_and_props(root, props).render()
        }
        None => yew::Renderer::<App>::with_props(props).render(),
    };
}

/// The state a page load starts from: the reader's library (given, or empty
/// until the stored one arrives), the pair and view in the URL, and the stored theme.
fn initial_state(given: Option<Library>) -> State {
    let mut state = state_for(given.unwrap_or_default(), browser::query_pairs());
    state.theme = browser::stored_theme().map(|t| Theme::parse(&t)).unwrap_or_default();
    state
}

/// The state for a library and the URL's parameters, in the default theme.
fn state_for(library: Library, pairs: Vec<(String, String)>) -> State {
    use yew::Reducible;
    let pair = UrlState::pair_of(&pairs).unwrap_or_else(state::default_pair);
    let state = Rc::new(State::new(library, pair)).reduce(Action::Restore(pairs));
    Rc::try_unwrap(state).unwrap_or_else(|rc| (*rc).clone())
}

/// What the page's HTML shows before the wasm starts: the app rendered from a
/// plain URL, with no stored library and the default theme. `tests/first_paint.rs`
/// renders it natively (Yew's server renderer) into `static/first-paint.html`,
/// which `index.html` inlines in `#app`; [`mount`] replaces it with the live app.
pub fn first_paint() -> AppProps {
    AppProps { prepared: Some(Rc::new(state_for(Library::default(), Vec::new()))), ..AppProps::default() }
}

#[derive(Default, PartialEq, Properties)]
pub struct AppProps {
    /// The reader's sources and topics to start from (tests pass one); without
    /// it, those stored in the browser. Only a stored library is saved back.
    #[prop_or_default]
    pub library: Option<Library>,
    /// The state to start from, already computed (by [`start`]).
    #[prop_or_default]
    pub prepared: Option<Rc<State>>,
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let state = {
        let given = props.library.clone();
        let prepared = props.prepared.clone();
        use_reducer(move || prepared.map_or_else(|| initial_state(given), |state| (*state).clone()))
    };

    // Once, after the first render (one effect for all of it: each effect is its
    // own copy of Yew's effect code in the page's wasm):
    {
        let dispatcher = state.dispatcher();
        let persist = props.library.is_none();
        use_effect_with((), move |_| {
            // The analysis worker starts; it fetches the semantic table itself.
            // Jobs sent before it started wait for it.
            worker::connect(dispatcher.clone());
            // The stored library arrives (IndexedDB is asynchronous); from then on
            // it is saved whenever the reader changes it (below). A library given
            // as a prop is neither.
            if persist {
                let dispatcher = dispatcher.clone();
                yew::platform::spawn_local(async move {
                    match browser::load_library().await {
                        Ok(library) => dispatcher.dispatch(Action::LibraryLoaded(library, browser::query_pairs())),
                        Err(problem) => dispatcher.dispatch(Action::Alert(problem)),
                    }
                });
            }
            // Back and Forward: the URL is the truth.
            let popstate = gloo::events::EventListener::new(&gloo::utils::window(), "popstate", move |_| {
                dispatcher.dispatch(Action::Restore(browser::query_pairs()));
            });
            // Keyboard: "/" focuses the search (the pair dialog closes itself on Esc).
            let options = gloo::events::EventListenerOptions::enable_prevent_default();
            let keydown =
                gloo::events::EventListener::new_with_options(&gloo::utils::document(), "keydown", options, |event| {
                    let Some(key) = event.dyn_ref::<web_sys::KeyboardEvent>() else { return };
                    if key.key() == "/" && !browser::typing_in_field() && !key.ctrl_key() && !key.meta_key() {
                        event.prevent_default();
                        browser::focus(toolbar::SEARCH_ID);
                    }
                });
            move || {
                drop((popstate, keydown));
                worker::disconnect();
            }
        });
    }
    {
        let library = state.library.clone();
        let dispatcher = state.dispatcher();
        let persist = props.library.is_none();
        use_effect_with(state.changes, move |&changes| {
            if changes > 0 && persist {
                yew::platform::spawn_local(async move {
                    if let Err(problem) = browser::save_library(&library).await {
                        dispatcher.dispatch(Action::Alert(problem));
                    }
                });
            }
        });
    }

    // Every other change: write the view into the URL.
    {
        let url = state.url_state();
        let mode = state.history;
        use_effect_with(url, move |url| {
            if mode != HistoryMode::None {
                browser::set_url_query(&browser::query_string(&url.to_pairs()), mode == HistoryMode::Replace);
            }
        });
    }

    {
        let theme = state.theme;
        use_effect_with(theme, |theme| browser::apply_theme(theme.id()));
    }

    // The selection shows itself. A selected claim scrolls into view in the reader,
    // and so do its counterparts in the other article (each article scrolls on its
    // own on wide screens); a selected pair opens its dialog (a native modal).
    let dialog = use_node_ref();
    {
        let selection = state.selection.clone();
        let view = state.view;
        let comparison = state.comparison.clone();
        let dialog = dialog.clone();
        use_effect_with((selection, view), move |(selection, view)| match (selection, view) {
            (Some(Selection::Claim(id)), View::Reader) => {
                // The strongest counterpart (links are best first), then the claim itself.
                if let Some(link) = comparison.links_of(id).next() {
                    let other = if &link.a == id { &link.b } else { &link.a };
                    browser::scroll_to(&format!("read-{other}"), true);
                }
                browser::scroll_to(&format!("read-{id}"), false);
            }
            (Some(Selection::Pair(..)), _) => pair::open(&dialog),
            _ => {}
        });
    }

    let comparison: Rc<Comparison> = state.comparison.clone();
    // The visible rows, computed once per change of the comparison or the filters.
    let groups = {
        let c = comparison.clone();
        use_memo((Rc::as_ptr(&comparison) as usize, state.filters.clone()), move |(_, filters)| {
            explore::groups(&c, filters)
        })
    };
    let announcement = announce(&state, &groups);
    html! {
        <ContextProvider<AppContext> context={state.clone()}>
            { fixed(r##"<a href="#main" class="skip-link">Skip to content</a>"##) }
            { toolbar::toolbar(&state) }
            if let Some(notice) = &state.notice {
                <div class={classes!("notice", notice.alert.then_some("alert"))} role={if notice.alert { "alert" } else { "status" }}>
                    <span>{ &notice.text }</span>
                    <button type="button" class="link-button" onclick={dispatch(&state, Action::DismissNotice)}>{ "Dismiss" }</button>
                </div>
            }
            <div class={classes!("layout", format!("view-{}", state.view.id()))}>
                if !matches!(state.view, View::Overview | View::Sources) {
                    <filters::Filters />
                }
                <main id="main" tabindex="-1" aria-labelledby="view-title">
                    { match state.view {
                        View::Compare => html! { <compare_view::CompareView groups={groups.clone()} /> },
                        View::Reader => reader_view::reader_view(&state),
                        View::Overview => overview::overview(&state),
                        View::Sources => html! { <sources_view::SourcesView /> },
                    } }
                </main>
            </div>
            if let Some(Selection::Pair(a, b)) = &state.selection {
                { pair::pair_panel(&state, a, b, &dialog) }
            }
            <p class="sr-only" role="status" aria-live="polite" aria-atomic="true">{ announcement }</p>
            <footer class="footer">
                <p>{ format!("{} claims in Source A, {} in Source B. ", comparison.claims_of(analysis::Side::A).count(), comparison.claims_of(analysis::Side::B).count()) }
                { "Everything runs in your browser: nothing you read or import is sent anywhere." }</p>
            </footer>
        </ContextProvider<AppContext>>
    }
}

/// What the live region says: how many results the current filters leave.
fn announce(state: &State, groups: &[explore::Group]) -> String {
    let c = &state.comparison;
    match state.view {
        View::Sources => format!("{} sources of your own.", state.library.sources.len()),
        View::Compare | View::Overview => {
            let counts = explore::Counts::of(groups.iter().flat_map(|g| &g.rows));
            format!("Showing {}.", counts.summary())
        }
        View::Reader => {
            let query = explore::Query::parse(&state.filters.query, c);
            let n = c.claims.iter().filter(|cl| state.filters.fits_claim(cl, &query)).count();
            format!("{n} of {} claims match the filters.", c.claims.len())
        }
    }
}

/// The head of a view: its title (the `h2` that labels the view) and a summary.
pub fn view_head(title: &str, summary: AttrValue) -> Html {
    html! {
        <div class="view-head">
            <h2 id="view-title">{ title }</h2>
            <p class="view-summary">{ summary }</p>
        </div>
    }
}

/// Markup with nothing dynamic in it (no listener, no reference, no text of the
/// reader's or of the comparison): one string in the page's data instead of the
/// code that would build its elements one by one. The server renderer writes it
/// as it is, so the prerendered first paint is the same markup.
pub fn fixed(markup: &'static str) -> Html {
    Html::from_html_unchecked(AttrValue::Static(markup))
}

/// A callback that dispatches `action`, for buttons.
pub fn dispatch<E>(state: &AppContext, action: Action) -> Callback<E> {
    let dispatcher = state.dispatcher();
    Callback::from(move |_| dispatcher.dispatch(action.clone()))
}

use wasm_bindgen::JsCast;
