//! App state: one `State`, changed only through `Action`s by its reducer.
//!
//! Domain logic (rows, filters, search, URL form) lives in [`crate::explore`];
//! this module only decides what each action does to the state.

use crate::analysis::Comparison;
use crate::explore::{Filters, RowKind, Selection, UrlState, View};
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

#[derive(Clone, Debug)]
pub struct State {
    pub comparison: Rc<Comparison>,
    pub view: View,
    pub filters: Filters,
    pub selection: Option<Selection>,
    pub theme: Theme,
    /// Whether the reader view lists the lines removed as page furniture.
    pub show_removed: bool,
    /// A short message for the reader (a malformed link, a copied link).
    pub notice: Option<String>,
    pub history: HistoryMode,
}

/// Equal when everything the reader sees is equal; the comparison by identity
/// (it is shared, not copied), and the history mode not at all.
impl PartialEq for State {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.comparison, &other.comparison)
            && self.view == other.view
            && self.filters == other.filters
            && self.selection == other.selection
            && self.theme == other.theme
            && self.show_removed == other.show_removed
            && self.notice == other.notice
    }
}

impl State {
    pub fn new(comparison: Rc<Comparison>) -> State {
        State {
            comparison,
            view: View::default(),
            filters: Filters::default(),
            selection: None,
            theme: Theme::default(),
            show_removed: false,
            notice: None,
            history: HistoryMode::None,
        }
    }

    /// What the URL carries of this state.
    pub fn url_state(&self) -> UrlState {
        UrlState { view: self.view, filters: self.filters.clone(), selection: self.selection.clone() }
    }
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
    /// The URL changed (first load, Back, Forward); problems are what it could not use.
    Restore(UrlState, Vec<String>),
    SetTheme(Theme),
    ToggleRemoved,
    Notify(String),
    DismissNotice,
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        next.history = HistoryMode::Push;
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
            Action::Restore(url, problems) => {
                next.view = url.view;
                next.filters = url.filters;
                next.selection = url.selection;
                next.history = HistoryMode::None;
                if !problems.is_empty() {
                    next.notice = Some(format!(
                        "Part of this link was not understood and was left out ({}).",
                        problems.join(", ")
                    ));
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
                next.notice = Some(message);
                next.history = HistoryMode::None;
            }
            Action::DismissNotice => {
                next.notice = None;
                next.history = HistoryMode::None;
            }
        }
        // Same state: keep the same Rc, so Yew skips the render.
        if next == *self { self } else { Rc::new(next) }
    }
}
