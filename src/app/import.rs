//! Importing files off the main thread.
//!
//! The page starts a module worker (`static/import-worker.js`) that loads this
//! same wasm module and calls [`import_job`]: it reads the files (text, Markdown,
//! HTML, JSON corpora, workspace files), checks them, and analyses each source for
//! its digest, reporting progress as it goes. The page shows the progress and can
//! cancel (the worker is terminated; nothing is added). Nothing of the files is
//! put into the page as markup.

use super::browser;
use super::state::{Action, Progress, State};
use crate::analysis::input;
use crate::analysis::knowledge::Knowledge;
use crate::library::{self, FileKind, Library, NewSource};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use yew::UseReducerDispatcher;

/// What one file holds.
enum Read {
    Sources(Vec<NewSource>),
    /// A Parallax workspace file (its JSON text).
    Workspace(String),
    Problem(String),
}

/// Reads one file: `[name, size, bytes]`, the bytes an `ArrayBuffer`, or null
/// when the file is above the size limit (the worker does not read those).
fn read_file(file: &js_sys::Array) -> Read {
    let name = file.get(0).as_string().unwrap_or_default();
    let size = file.get(1).as_f64().unwrap_or_default();
    let buffer = file.get(2);
    if size > input::MAX_BYTES as f64 || buffer.is_null() {
        return Read::Problem(format!("{name}: {}", input::InputError::TooLarge { bytes: size as usize }));
    }
    match library::file_text(&name, &js_sys::Uint8Array::new(&buffer).to_vec()) {
        Ok((FileKind::Json, text)) if browser::is_workspace(&text) => Read::Workspace(text),
        Ok((FileKind::Json, text)) => match browser::parse_corpus(&text) {
            Ok(entries) => Read::Sources(entries),
            Err(e) => Read::Problem(format!("{name}: {}", library::ImportError::NotACorpus { reason: e })),
        },
        Ok((_, text)) => Read::Sources(vec![NewSource { text, ..NewSource::default() }]),
        Err(e) => Read::Problem(format!("{name}: {e}")),
    }
}

/// How many analysed sources the worker sends the page at a time: small
/// batches keep each message cheap for the page to take in.
const BATCH: usize = 25;

/// The worker's job (called by `import-worker.js`): reads `files` (each
/// `[name, size, bytes]`), analyses every source with the reader's `topics` (a
/// workspace file's JSON) and hands them over in batches through
/// `progress(done, total, sources)`; returns `{problems: [string], workspace?: string}`.
#[cfg_attr(feature = "exports", wasm_bindgen)]
pub fn import_job(files: js_sys::Array, topics: String, progress: js_sys::Function) -> JsValue {
    let mut sources = Vec::new();
    let mut problems = Vec::new();
    let mut workspace = None;
    for file in files.iter() {
        match read_file(file.unchecked_ref()) {
            Read::Sources(mut found) => sources.append(&mut found),
            Read::Workspace(text) => workspace = Some(text),
            Read::Problem(problem) => problems.push(problem),
        }
    }
    let user_topics = browser::parse_library(&topics).map(|l| l.topics).unwrap_or_default();
    let knowledge = Knowledge::with_topics(&user_topics);
    let total = sources.len();
    let report = |done: usize, batch: &[NewSource]| {
        let batch = JsValue::from_str(&library::corpus_json(batch));
        let _ = progress.call3(&JsValue::NULL, &JsValue::from(done), &JsValue::from(total), &batch);
    };
    report(0, &[]);
    for (i, batch) in sources.chunks_mut(BATCH).enumerate() {
        for source in batch.iter_mut() {
            source.digest = Some(library::digest(source, &knowledge));
        }
        report((i * BATCH + batch.len()).min(total), batch);
    }
    browser::import_result(&problems, workspace.as_deref())
}

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

#[wasm_bindgen]
extern "C" {
    /// The URL of the wasm-bindgen glue module, which the worker imports too.
    #[wasm_bindgen(thread_local_v2, js_namespace = ["import", "meta"], js_name = url)]
    static GLUE_URL: String;
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
    let worker = GLUE_URL.with(|glue| web_sys::Url::new_with_base("import-worker.js", glue)).and_then(|url| {
        let options = web_sys::WorkerOptions::new();
        options.set_type(web_sys::WorkerType::Module);
        web_sys::Worker::new_with_options(&url.href(), &options)
    });
    let worker = match worker {
        Ok(worker) => worker,
        Err(_) => {
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
            match browser::worker_message(&data) {
                browser::WorkerMessage::Progress(done, total, mut sources) => {
                    RUNNING.with_borrow_mut(|running| {
                        if let Some(running) = running {
                            running.sources.append(&mut sources);
                        }
                    });
                    dispatcher.dispatch(Action::Importing(Some(Progress { done, total })));
                }
                browser::WorkerMessage::Done(mut problems, workspace) => {
                    let sources = finish();
                    let mut replaced = false;
                    if let Some(text) = &workspace {
                        match browser::parse_library(text) {
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
                browser::WorkerMessage::Failed(problem) => {
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
    let job = browser::import_request(&GLUE_URL.with(String::clone), &files, &topics.to_json());
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
