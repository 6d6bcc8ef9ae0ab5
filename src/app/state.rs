//! App state: one `State`, changed only through `Action`s by its reducer.
//!
//! Domain logic (rows, filters, search, URL form) lives in [`crate::explore`];
//! this module only decides what each action does to the state.

use super::worker;
use crate::analysis::Comparison;
use crate::corpus;
use crate::explore::{Filters, RowKind, Selection, UrlState, View};
use crate::library::Library;
use parallax_bridge::{Answer, Job};
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

/// Whether comparisons can use the semantic layer (the meaning table the worker
/// fetches after the first paint).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Semantic {
    /// Not arrived yet: comparisons match words only.
    #[default]
    Loading,
    /// Arrived, with this many words.
    Ready(u32),
    /// It could not load (why): comparisons match words only.
    Unavailable(String),
}

#[derive(Clone, Debug)]
pub struct State {
    pub comparison: Rc<Comparison>,
    /// The reader's own sources and topics (persisted by the app).
    pub library: Rc<Library>,
    /// Ids of the sources compared: A, then B.
    pub pair: (String, String),
    /// The id of the comparison the analysis worker is computing, if any (the
    /// one shown stays until it arrives).
    pub comparing: Option<u32>,
    /// A pasted text waiting for its digest from the worker, with the job's id.
    pub pasted: Option<(u32, NewSource)>,
    /// How many jobs were sent (the next job's id).
    pub jobs: u32,
    /// The URL's parameters, to apply when the comparison they name arrives.
    pub restore: Option<Vec<(String, String)>>,
    pub semantic: Semantic,
    /// Whether the comparison shown used the semantic layer.
    pub semantic_used: bool,
    /// Two articles pasted in the Compare view and compared without joining the
    /// library (until the reader keeps them).
    pub scratch: Option<Rc<(SourceText, SourceText)>>,
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
            && self.comparing == other.comparing
            && self.pasted == other.pasted
            && self.semantic == other.semantic
            && self.scratch == other.scratch
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
            comparing: None,
            pasted: None,
            jobs: 0,
            restore: None,
            semantic: Semantic::default(),
            semantic_used: false,
            scratch: None,
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
        self.library = Rc::new(library);
        if topics_changed || pair_changed || self.comparison.claims.is_empty() {
            self.recompare();
        }
    }

    /// Sends `job` to the analysis worker under a new id; returns the id.
    fn send(&mut self, job: impl FnOnce(u32) -> Job) -> u32 {
        self.jobs += 1;
        worker::send(job(self.jobs));
        self.jobs
    }

    /// Compares the current pair again (after the pair, the sources or the topics
    /// changed). The embedded story with the built-in topics is shown at once (it
    /// was compared at build time); any other pair is a job for the analysis
    /// worker, and the comparison shown stays until the new one arrives.
    fn recompare(&mut self) {
        if self.source(&self.pair.0).is_none() || self.source(&self.pair.1).is_none() {
            self.pair = default_pair();
        }
        if self.pair == default_pair() && self.library.topics.is_empty() {
            self.comparing = None;
            self.show(crate::embedded::comparison(), crate::embedded::SEMANTIC);
            return;
        }
        let labelled = |id: &str, label: &str| {
            let mut source = self.source(id).unwrap_or_default();
            source.label = label.to_owned();
            source
        };
        let (a, b) = (labelled(&self.pair.0, "Source A"), labelled(&self.pair.1, "Source B"));
        let topics = self.library.topics.clone();
        self.comparing = Some(self.send(|id| Job::Compare { id, a, b, topics }));
    }

    /// A source by id: a pasted scratch source, or one of the library's.
    pub fn source(&self, id: &str) -> Option<SourceText> {
        let scratch = self.scratch.as_deref().and_then(|(a, b)| [a, b].into_iter().find(|s| s.id == id));
        scratch.or_else(|| self.library.find(id)).cloned()
    }

    /// Whether the pair compared is the two articles pasted in the Compare view.
    pub fn comparing_scratch(&self) -> bool {
        self.scratch.as_deref().is_some_and(|(a, b)| self.pair == (a.id.clone(), b.id.clone()))
    }

    /// Compares two pasted articles at once, without adding them to the library.
    fn compare_texts(&mut self, a: NewSource, b: NewSource) {
        if a.text.trim().is_empty() || b.text.trim().is_empty() {
            let missing = match (a.text.trim().is_empty(), b.text.trim().is_empty()) {
                (true, true) => "both Source A and Source B",
                (true, false) => "Source A",
                _ => "Source B",
            };
            self.tell(format!("Paste or drop an article into {missing}, then press Compare."), true);
            return;
        }
        // The library's own checks (binary, too large, …), on a library of these two alone.
        let (_, refused) = Library::default().add_all(vec![a.clone(), b.clone()]);
        if let Some(problem) = refused.first() {
            self.tell(format!("These two cannot be compared: {problem}."), true);
            return;
        }
        let scratch = |id: &str, label: &str, source: NewSource| SourceText {
            id: id.to_owned(),
            label: label.to_owned(),
            title: source.title.trim().to_owned(),
            text: source.text,
            ..SourceText::default()
        };
        let (a, b) = (scratch(SCRATCH_A, "Source A", a), scratch(SCRATCH_B, "Source B", b));
        self.pair = (a.id.clone(), b.id.clone());
        self.scratch = Some(Rc::new((a, b)));
        self.view = View::Compare;
        self.recompare();
        self.tell("Comparing your two articles. They stay out of your library unless you keep them.".into(), false);
    }

    /// Adds the pasted pair to the library and compares it from there.
    fn keep_scratch(&mut self) {
        let Some(scratch) = self.scratch.take() else { return };
        let (a, b) = &*scratch;
        let as_new =
            |s: &SourceText| NewSource { title: s.title.clone(), text: s.text.clone(), ..NewSource::default() };
        let mut library = (*self.library).clone();
        let (added, refused) = library.add_all(vec![as_new(a), as_new(b)]);
        // Each kept article is now the library's source with its text (new, or already there).
        let id_of = |s: &SourceText| library.sources.iter().find(|x| x.text == s.text).map(|x| x.id.clone());
        if let (Some(ia), Some(ib)) = (id_of(a), id_of(b)) {
            self.pair = (ia, ib);
        }
        self.library = Rc::new(library);
        self.recompare();
        let mut text = format!("Kept {added} of the two articles in your library.");
        if !refused.is_empty() {
            let reasons = refused.iter().map(ToString::to_string).collect::<Vec<_>>().join("; ");
            text.push_str(&format!(" ({reasons})"));
        }
        self.tell(text, false);
    }

    /// Shows `comparison`; filters and selection start afresh, or from the URL
    /// that was waiting for it.
    fn show(&mut self, comparison: Rc<Comparison>, semantic: bool) {
        self.comparison = comparison;
        self.semantic_used = semantic;
        self.filters = Filters::default();
        self.selection = None;
        if let Some(pairs) = self.restore.take() {
            self.apply_url(&pairs);
        }
    }

    /// Applies the URL's view, filters and selection to the comparison shown.
    fn apply_url(&mut self, pairs: &[(String, String)]) {
        let (url, problems) = UrlState::from_pairs(pairs, &self.comparison);
        self.view = url.view;
        self.filters = url.filters;
        self.selection = url.selection;
        if !problems.is_empty() {
            self.tell(
                format!("Part of this link was not understood and was left out ({}).", problems.join(", ")),
                false,
            );
        }
    }

    /// What the analysis worker answered.
    fn answered(&mut self, answer: &Answer) {
        match answer {
            Answer::Compared { id, comparison, semantic } if self.comparing == Some(*id) => {
                self.comparing = None;
                self.show(Rc::clone(comparison), *semantic);
            }
            Answer::Digested { id, digest } if self.pasted.as_ref().is_some_and(|(p, _)| p == id) => {
                let (_, mut source) = self.pasted.take().expect("a pasted text was waiting");
                source.digest = Some(digest.clone());
                self.add_sources(vec![source], Vec::new());
            }
            Answer::Failed { id, problem } => {
                if self.comparing == Some(*id) {
                    self.comparing = None;
                    self.restore = None;
                    self.pair_of_shown();
                    self.tell(format!("The comparison failed ({problem}); the one shown is unchanged."), true);
                } else if self.pasted.as_ref().is_some_and(|(p, _)| p == id) {
                    // The text is kept, without its digest.
                    let (_, source) = self.pasted.take().expect("a pasted text was waiting");
                    self.add_sources(vec![source], Vec::new());
                }
            }
            Answer::Semantic(Ok(words)) => {
                self.semantic = Semantic::Ready(*words);
                // A pair compared by words alone is compared again, with meaning.
                let embedded = self.pair == default_pair() && self.library.topics.is_empty();
                if !self.semantic_used && self.comparing.is_none() && !embedded {
                    self.recompare();
                }
            }
            Answer::Semantic(Err(problem)) => self.semantic = Semantic::Unavailable(problem.clone()),
            // An answer to a job that was superseded.
            Answer::Compared { .. } | Answer::Digested { .. } => {}
        }
    }

    /// The pair is again the one of the comparison shown (a new one failed).
    fn pair_of_shown(&mut self) {
        if let [a, b] = &self.comparison.sources[..] {
            self.pair = (a.id.clone(), b.id.clone());
        }
    }

    /// The worker failed: what was waiting for it is settled, and the reader told.
    fn worker_failed(&mut self, message: String) {
        if self.comparing.take().is_some() {
            self.pair_of_shown();
        }
        self.restore = None;
        if let Some((_, source)) = self.pasted.take() {
            self.add_sources(vec![source], Vec::new());
        }
        if !matches!(self.semantic, Semantic::Ready(_)) {
            self.semantic = Semantic::Unavailable("the analysis worker is not running".into());
        }
        self.tell(format!("{message} The embedded comparison stays available; reload the page to try again."), true);
    }

    /// Adds sources; the reader learns which were added and which were refused, and why.
    fn add_sources(&mut self, sources: Vec<NewSource>, problems: Vec<String>) {
        let mut library = (*self.library).clone();
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
            self.library = Rc::new(library);
        }
        self.tell(text, added == 0);
    }

    fn tell(&mut self, text: String, alert: bool) {
        self.notice = Some(Notice { text, alert });
    }

    /// What the URL carries of this state.
    pub fn url_state(&self) -> UrlState {
        // A pasted pair is not in the library, so a link cannot reopen it.
        let pair = (self.pair != default_pair() && !self.comparing_scratch()).then(|| self.pair.clone());
        UrlState { view: self.view, filters: self.filters.clone(), selection: self.selection.clone(), pair }
    }
}

use crate::corpus::SourceText;
pub use crate::library::NewSource;

/// The ids of the two articles pasted in the Compare view (never a library id).
pub const SCRATCH_A: &str = "pasted-a";
pub const SCRATCH_B: &str = "pasted-b";

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
    /// A pasted text: the worker digests it, then it is added.
    Paste(NewSource),
    /// Compare these two pasted articles at once (they join the library only if kept).
    CompareTexts(NewSource, NewSource),
    /// Add the two pasted articles compared to the library.
    KeepScratch,
    /// The analysis worker answered a job.
    Answered(Rc<Answer>),
    /// The analysis worker could not start, or stopped (why).
    WorkerFailed(String),
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        // The stored library is the one shown (a first visit's, empty): nothing to
        // render again.
        if let Action::LibraryLoaded(library, _) = &action
            && *library == *self.library
        {
            return self;
        }
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
                if next.comparing.is_some() {
                    // The URL names claims of the comparison on its way.
                    next.restore = Some(pairs);
                } else {
                    next.apply_url(&pairs);
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
                next.add_sources(sources, problems);
            }
            Action::Paste(source) => {
                next.history = HistoryMode::None;
                if source.text.trim().is_empty() {
                    // Refused at once, with the library's own reason.
                    next.add_sources(vec![source], Vec::new());
                } else {
                    let (for_job, topics) = (source.clone(), next.library.topics.clone());
                    let id = next.send(|id| Job::Digest { id, source: for_job, topics });
                    next.pasted = Some((id, source));
                }
            }
            Action::CompareTexts(a, b) => next.compare_texts(a, b),
            Action::KeepScratch => next.keep_scratch(),
            // The worker answers at any moment, maybe in the batch of a reader's action
            // not rendered yet: it keeps that action's history mode, so the URL write
            // the action asked for is not lost.
            Action::Answered(answer) => {
                next.history = self.history;
                next.answered(&answer);
            }
            Action::WorkerFailed(message) => {
                next.history = self.history;
                next.worker_failed(message);
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
