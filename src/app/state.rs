//! App state: one `State`, changed only through `Action`s by its reducer.
//!
//! Domain logic (rows, filters, search, URL form) lives in [`crate::explore`];
//! this module only decides what each action does to the state.

use crate::analysis::knowledge::Knowledge;
use crate::analysis::{self, Comparison};
use crate::corpus;
use crate::explore::{Filters, RowKind, Selection, UrlState, View};
use crate::library::Library;
use std::rc::Rc;
use yew::Reducible;

/// The colour theme: follow the system, or the reader's choice.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    #[default]
    System,
    Light,
    Dark,
}

impl Theme {
    pub fn id(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
    pub fn parse(id: &str) -> Theme {
        match id {
            "light" => Theme::Light,
            "dark" => Theme::Dark,
            _ => Theme::System,
        }
    }
    /// The next theme of the toggle: system → dark → light → system.
    pub fn next(self) -> Theme {
        match self {
            Theme::System => Theme::Dark,
            Theme::Dark => Theme::Light,
            Theme::Light => Theme::System,
        }
    }
}

/// How a state change should reach the browser history.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum HistoryMode {
    /// A new entry (Back returns to the previous view).
    #[default]
    Push,
    /// Replace the current entry (typing in the search box).
    Replace,
    /// The change came from the URL itself.
    None,
}

/// A message for the reader: news (`status`) or a problem (`alert`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub text: String,
    pub alert: bool,
}

#[derive(Clone, Debug)]
pub struct State {
    pub comparison: Rc<Comparison>,
    /// The reader's own sources and topics (persisted by the app).
    pub library: Rc<Library>,
    /// Ids of the sources compared: A, then B.
    pub pair: (String, String),
    /// The analysis knowledge with the reader's topics (`None`: the embedded one).
    pub knowledge: Option<Rc<Knowledge>>,
    pub view: View,
    pub filters: Filters,
    pub selection: Option<Selection>,
    pub theme: Theme,
    /// Whether the reader view lists the lines removed as page furniture.
    pub show_removed: bool,
    pub notice: Option<Notice>,
    /// An import running in the background, if any.
    pub import: Option<Progress>,
    /// How many times the reader changed the library (it is saved after each).
    pub changes: u32,
    pub history: HistoryMode,
}

/// Equal when everything the reader sees is equal; shared parts by identity
/// (never copied), and the history mode not at all.
impl PartialEq for State {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.comparison, &other.comparison)
            && Rc::ptr_eq(&self.library, &other.library)
            && self.pair == other.pair
            && self.view == other.view
            && self.filters == other.filters
            && self.selection == other.selection
            && self.theme == other.theme
            && self.show_removed == other.show_removed
            && self.notice == other.notice
            && self.import == other.import
            && self.changes == other.changes
    }
}

/// The pair compared by default: the embedded story.
pub fn default_pair() -> (String, String) {
    let embedded = corpus::embedded();
    (embedded[0].id.clone(), embedded[1].id.clone())
}

impl State {
    /// The explorer over `library`, comparing `pair` (or the embedded story when
    /// an id is unknown).
    pub fn new(library: Library, pair: (String, String)) -> State {
        let mut state = State {
            comparison: Rc::new(Comparison::default()),
            library: Rc::default(),
            pair,
            knowledge: None,
            view: View::default(),
            filters: Filters::default(),
            selection: None,
            theme: Theme::default(),
            show_removed: false,
            notice: None,
            import: None,
            changes: 0,
            history: HistoryMode::None,
        };
        state.set_library(library);
        state
    }

    /// Takes `library` (with its topics); compares the pair again only when the
    /// topics or the texts compared changed (a page load that finds the stored
    /// library does not redo the comparison it shows).
    fn set_library(&mut self, library: Library) {
        let topics_changed = library.topics != self.library.topics;
        let texts = |l: &Library| (l.find(&self.pair.0).cloned(), l.find(&self.pair.1).cloned());
        let pair_changed = texts(&library) != texts(&self.library);
        if topics_changed {
            self.knowledge = (!library.topics.is_empty()).then(|| Rc::new(Knowledge::with_topics(&library.topics)));
        }
        self.library = Rc::new(library);
        if topics_changed || pair_changed || self.comparison.claims.is_empty() {
            self.recompare();
        }
    }

    pub fn knowledge(&self) -> &Knowledge {
        match &self.knowledge {
            Some(knowledge) => knowledge,
            None => Knowledge::embedded(),
        }
    }

    /// Compares the current pair again (after the pair, the sources or the topics
    /// changed); filters and selection start afresh.
    fn recompare(&mut self) {
        if self.library.find(&self.pair.0).is_none() || self.library.find(&self.pair.1).is_none() {
            self.pair = default_pair();
        }
        let labelled = |id: &str, label: &str| {
            let mut source = self.library.find(id).cloned().unwrap_or_default();
            source.label = label.to_owned();
            source
        };
        let (a, b) = (labelled(&self.pair.0, "Source A"), labelled(&self.pair.1, "Source B"));
        self.comparison = Rc::new(analysis::compare_with(&a, &b, self.knowledge()));
        self.filters = Filters::default();
        self.selection = None;
    }

    fn tell(&mut self, text: String, alert: bool) {
        self.notice = Some(Notice { text, alert });
    }

    /// What the URL carries of this state.
    pub fn url_state(&self) -> UrlState {
        let pair = (self.pair != default_pair()).then(|| self.pair.clone());
        UrlState { view: self.view, filters: self.filters.clone(), selection: self.selection.clone(), pair }
    }
}

pub use crate::library::NewSource;

/// How far an import in the background has come: sources analysed, of how many.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    SetView(View),
    ToggleTopic(String),
    ToggleKind(RowKind),
    /// Filter by an entity; choosing the current one again clears it.
    ToggleEntity(String),
    SetQuery(String),
    ClearFilters,
    Select(Option<Selection>),
    /// Open a claim in the reader view.
    Read(String),
    /// The URL changed (first load, Back, Forward): its parameters.
    Restore(Vec<(String, String)>),
    SetTheme(Theme),
    ToggleRemoved,
    Notify(String),
    /// Something went wrong: say so (the state is otherwise unchanged).
    Alert(String),
    DismissNotice,
    /// Add sources; the reader learns which were added and which were refused, and
    /// why (with the problems found while reading them). Ends a running import.
    AddSources(Vec<NewSource>, Vec<String>),
    /// An import started, or moved on (`None`: it was cancelled, nothing added).
    Importing(Option<Progress>),
    RemoveSource(String),
    /// Compare this source as A (`true`) or B.
    Choose(bool, String),
    SwapPair,
    AddTopic(String, String),
    RemoveTopic(String),
    /// Replace the reader's sources and topics (an imported workspace).
    ReplaceLibrary(Library),
    /// The stored library arrived, with the URL's parameters to apply to it.
    LibraryLoaded(Library, Vec<(String, String)>),
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        next.history = HistoryMode::Push;
        let loaded = matches!(action, Action::LibraryLoaded(..));
        match action {
            Action::SetView(view) => next.view = view,
            Action::ToggleTopic(id) => {
                next.filters.topics.toggle(id);
            }
            Action::ToggleKind(kind) => {
                next.filters.kinds.toggle(kind);
            }
            Action::ToggleEntity(name) => {
                next.filters.entity = if next.filters.entity.as_deref() == Some(&name) { None } else { Some(name) };
            }
            Action::SetQuery(query) => {
                next.filters.query = query;
                next.history = HistoryMode::Replace;
            }
            Action::ClearFilters => next.filters = Filters::default(),
            Action::Select(selection) => next.selection = selection,
            Action::Read(id) => {
                next.view = View::Reader;
                next.selection = Some(Selection::Claim(id));
            }
            Action::Restore(pairs) => {
                next.history = HistoryMode::None;
                let wanted = UrlState::pair_of(&pairs).unwrap_or_else(default_pair);
                if wanted != next.pair
                    && next.library.find(&wanted.0).is_some()
                    && next.library.find(&wanted.1).is_some()
                {
                    next.pair = wanted;
                    next.recompare();
                }
                let (url, problems) = UrlState::from_pairs(&pairs, &next.comparison);
                next.view = url.view;
                next.filters = url.filters;
                next.selection = url.selection;
                if !problems.is_empty() {
                    next.tell(
                        format!("Part of this link was not understood and was left out ({}).", problems.join(", ")),
                        false,
                    );
                }
            }
            Action::SetTheme(theme) => {
                next.theme = theme;
                next.history = HistoryMode::None;
            }
            Action::ToggleRemoved => {
                next.show_removed = !next.show_removed;
                next.history = HistoryMode::None;
            }
            Action::Notify(message) => {
                next.tell(message, false);
                next.history = HistoryMode::None;
            }
            Action::Alert(message) => {
                next.tell(message, true);
                next.history = HistoryMode::None;
            }
            Action::DismissNotice => {
                next.notice = None;
                next.history = HistoryMode::None;
            }
            Action::AddSources(sources, problems) => {
                next.history = HistoryMode::None;
                next.import = None;
                let mut library = (*next.library).clone();
                let (added, refused) = library.add_all(sources);
                let mut problems = problems;
                problems.extend(refused.iter().map(ToString::to_string));
                let mut text = format!("Added {added} {}.", if added == 1 { "source" } else { "sources" });
                if !problems.is_empty() {
                    let shown = problems.iter().take(3).map(String::as_str).collect::<Vec<_>>().join("; ");
                    let more = if problems.len() > 3 { "; \u{2026}" } else { "" };
                    text = format!("{text} Not added: {} ({shown}{more}).", problems.len());
                }
                if added > 0 {
                    next.library = Rc::new(library);
                }
                next.tell(text, added == 0);
            }
            Action::Importing(progress) => {
                next.history = HistoryMode::None;
                match (next.import, progress) {
                    (Some(_), None) => {
                        next.tell("Import cancelled: nothing was added, your sources are unchanged.".into(), false)
                    }
                    // A new import: the last one's news is old.
                    (None, Some(_)) => next.notice = None,
                    _ => {}
                }
                next.import = progress;
            }
            Action::RemoveSource(id) => {
                let mut library = (*next.library).clone();
                if library.remove(&id) {
                    let in_pair = next.pair.0 == id || next.pair.1 == id;
                    next.library = Rc::new(library);
                    if in_pair {
                        next.recompare();
                    }
                }
            }
            Action::Choose(as_a, id) => {
                if next.library.find(&id).is_some() {
                    if as_a {
                        next.pair.0 = id
                    } else {
                        next.pair.1 = id
                    }
                    next.recompare();
                }
            }
            Action::SwapPair => {
                next.pair = (next.pair.1.clone(), next.pair.0.clone());
                next.recompare();
            }
            Action::AddTopic(label, terms) => {
                let mut library = (*next.library).clone();
                match library.add_topic(&label, &terms) {
                    Ok(topic) => {
                        let text = format!("Added the topic \u{201C}{}\u{201D}.", topic.label);
                        next.set_library(library);
                        next.tell(text, false);
                    }
                    Err(problem) => next.tell(format!("The topic was not added: {problem}."), true),
                }
            }
            Action::RemoveTopic(id) => {
                let mut library = (*next.library).clone();
                if library.remove_topic(&id) {
                    next.set_library(library);
                }
            }
            Action::LibraryLoaded(library, _) if library == *next.library => {}
            Action::LibraryLoaded(library, pairs) => {
                next.set_library(library);
                let notice = next.notice.take();
                let restored = Rc::new(next).reduce(Action::Restore(pairs));
                next = Rc::try_unwrap(restored).unwrap_or_else(|rc| (*rc).clone());
                next.notice = next.notice.take().or(notice);
            }
            Action::ReplaceLibrary(library) => {
                next.import = None;
                let text =
                    format!("Workspace imported: {} sources, {} topics.", library.sources.len(), library.topics.len());
                next.set_library(library);
                next.tell(text, false);
            }
        }
        if !loaded && !Rc::ptr_eq(&next.library, &self.library) {
            next.changes += 1;
        }
        // Same state: keep the same Rc, so Yew skips the render.
        if next == *self { self } else { Rc::new(next) }
    }
}
