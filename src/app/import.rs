//! Importing files off the main thread.
//!
//! The page starts an analysis worker of its own for the import
//! (`static/analysis-worker.js`, the core's wasm binary) and sends it the files:
//! the worker reads them (text, Markdown, HTML, JSON corpora, workspace files),
//! checks them, and analyses each source for its digest, reporting progress as it
//! goes. The page shows the progress and can cancel (the worker is terminated;
//! nothing is added). Nothing of the files is put into the page as markup.

use super::browser;
use super::state::{Action, Progress, State};
use super::worker;
use crate::library::{Library, NewSource};
use parallax_bridge::{self as bridge, ImportMessage};
use std::cell::RefCell;
use wasm_bindgen::JsCast;
use yew::UseReducerDispatcher;

/// The worker of the running import, its message listener, and the sources it
/// has sent so far (added together when it is done).
struct Running {
    worker: web_sys::Worker,
    _listener: gloo::events::EventListener,
    sources: Vec<NewSource>,
}

thread_local! {
    static RUNNING: RefCell<Option<Running>> = const { RefCell::new(None) };
}

/// Starts importing `files` in a worker; progress and the result come back as actions.
pub fn start(files: Vec<web_sys::File>, library: &Library, dispatcher: UseReducerDispatcher<State>) {
    if files.is_empty() {
        return;
    }
    if RUNNING.with_borrow(Option::is_some) {
        dispatcher.dispatch(Action::Alert("An import is already running: wait for it or cancel it first.".into()));
        return;
    }
    let worker = match worker::spawn() {
        Some(worker) => worker,
        None => {
            dispatcher.dispatch(Action::Alert(
                "This browser could not start the import (no module workers): your sources are unchanged.".into(),
            ));
            return;
        }
    };
    let on_message = {
        let dispatcher = dispatcher.clone();
        move |event: &web_sys::Event| {
            let data = event.unchecked_ref::<web_sys::MessageEvent>().data();
            match bridge::import_message(&data) {
                ImportMessage::Progress(done, total, mut sources) => {
                    RUNNING.with_borrow_mut(|running| {
                        if let Some(running) = running {
                            running.sources.append(&mut sources);
                        }
                    });
                    dispatcher.dispatch(Action::Importing(Some(Progress { done, total })));
                }
                ImportMessage::Done(mut problems, workspace) => {
                    let sources = finish();
                    let mut replaced = false;
                    if let Some(text) = &workspace {
                        match bridge::parse_library(text) {
                            Ok(library) => {
                                dispatcher.dispatch(Action::ReplaceLibrary(library));
                                replaced = true;
                            }
                            Err(e) => problems.push(format!("the workspace file could not be read: {e}")),
                        }
                    }
                    // A workspace file alone has said what it did; anything else says how it went.
                    if !(replaced && sources.is_empty() && problems.is_empty()) {
                        dispatcher.dispatch(Action::AddSources(sources, problems));
                    }
                }
                ImportMessage::Failed(problem) => {
                    finish();
                    dispatcher.dispatch(Action::AddSources(
                        Vec::new(),
                        vec![format!("the import failed ({problem}); your sources are unchanged")],
                    ));
                }
            }
        }
    };
    let listener = gloo::events::EventListener::new(&worker, "message", on_message);
    let topics = Library { topics: library.topics.clone(), ..Library::default() };
    let job = browser::import_request(&files, &topics.to_json());
    if worker.post_message(&job).is_err() {
        worker.terminate();
        dispatcher.dispatch(Action::Alert("The import could not start: your sources are unchanged.".into()));
        return;
    }
    RUNNING.with_borrow_mut(|running| *running = Some(Running { worker, _listener: listener, sources: Vec::new() }));
    dispatcher.dispatch(Action::Importing(Some(Progress { done: 0, total: 0 })));
}

/// Stops the running import's worker and returns the sources it sent. Its
/// listener may be the caller, so it is dropped only after the current event.
fn finish() -> Vec<NewSource> {
    let Some(mut running) = RUNNING.with_borrow_mut(Option::take) else {
        return Vec::new();
    };
    running.worker.terminate();
    let sources = std::mem::take(&mut running.sources);
    wasm_bindgen_futures::spawn_local(async move { drop(running) });
    sources
}

/// Cancels the running import: nothing of it is added.
pub fn cancel(dispatcher: &UseReducerDispatcher<State>) {
    finish();
    dispatcher.dispatch(Action::Importing(None));
}
