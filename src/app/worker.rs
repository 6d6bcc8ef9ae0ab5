//! The analysis worker, seen from the page.
//!
//! The page's wasm holds no analysis: comparisons and digests of pasted texts
//! are jobs ([`Job`]) for a module worker (`static/analysis-worker.js`) that runs
//! the core's own wasm binary (`crates/worker`). Its answers come back to the
//! reducer as [`Action::Answered`]; a worker that cannot start or that crashes
//! becomes [`Action::WorkerFailed`], and the comparison shown stays usable.
//!
//! Tests in the browser install an analyst of their own ([`set_local`]) that
//! runs the core in the test binary, so components are tested without a worker.

use super::state::{Action, State};
use parallax_bridge::{Answer, Job};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use yew::UseReducerDispatcher;

#[wasm_bindgen]
extern "C" {
    /// The URL of the page's wasm-bindgen glue: the worker script sits beside it.
    #[wasm_bindgen(thread_local_v2, js_namespace = ["import", "meta"], js_name = url)]
    static GLUE_URL: String;
}

/// Starts a module worker running `analysis-worker.js`; `None` when the browser cannot.
pub fn spawn() -> Option<web_sys::Worker> {
    let url = GLUE_URL.with(|glue| web_sys::Url::new_with_base("analysis-worker.js", glue)).ok()?;
    let options = web_sys::WorkerOptions::new();
    options.set_type(web_sys::WorkerType::Module);
    web_sys::Worker::new_with_options(&url.href(), &options).ok()
}

/// An analyst that runs jobs in the page itself (tests only).
pub type Local = Rc<dyn Fn(Job) -> Answer>;

enum Analyst {
    Worker {
        worker: web_sys::Worker,
        _listeners: [gloo::events::EventListener; 2],
    },
    Local(Local),
    /// No worker could start: jobs fail at once, with this reason.
    Missing(String),
}

struct Connection {
    analyst: Analyst,
    dispatcher: UseReducerDispatcher<State>,
}

thread_local! {
    static CONNECTION: RefCell<Option<Connection>> = const { RefCell::new(None) };
    static LOCAL: RefCell<Option<Local>> = const { RefCell::new(None) };
    /// Jobs sent before the connection (the state is made before the app mounts).
    static QUEUE: RefCell<Vec<Job>> = const { RefCell::new(Vec::new()) };
}

/// Runs every job with `analyst` instead of a worker (set before the app mounts).
pub fn set_local(analyst: Local) {
    LOCAL.with_borrow_mut(|local| *local = Some(analyst));
}

const NO_WORKER: &str =
    "The analysis could not start in this browser (no module workers), so only the embedded comparison can be shown.";

/// Connects the app's reducer to the analysis worker (once, at mount) and asks
/// for the semantic table, which the worker fetches after the first paint.
pub fn connect(dispatcher: UseReducerDispatcher<State>) {
    let analyst = match LOCAL.with_borrow(Clone::clone) {
        Some(local) => Analyst::Local(local),
        None => match spawn() {
            Some(worker) => {
                let on_message = {
                    let dispatcher = dispatcher.clone();
                    move |event: &web_sys::Event| {
                        let data = event.unchecked_ref::<web_sys::MessageEvent>().data();
                        dispatcher.dispatch(Action::Answered(Rc::new(Answer::from_js(&data))));
                    }
                };
                let on_error = {
                    let dispatcher = dispatcher.clone();
                    move |event: &web_sys::Event| {
                        event.prevent_default();
                        let detail = event
                            .dyn_ref::<web_sys::ErrorEvent>()
                            .map(|e| e.message())
                            .filter(|m| !m.is_empty())
                            .unwrap_or_else(|| "it stopped".into());
                        let message = format!("The analysis worker failed ({detail}).");
                        fail(&message);
                        dispatcher.dispatch(Action::WorkerFailed(message));
                    }
                };
                let listeners = [
                    gloo::events::EventListener::new(&worker, "message", on_message),
                    gloo::events::EventListener::new(&worker, "error", on_error),
                ];
                let _ = worker.post_message(&semantic_request());
                Analyst::Worker { worker, _listeners: listeners }
            }
            None => {
                dispatcher.dispatch(Action::WorkerFailed(NO_WORKER.into()));
                Analyst::Missing(NO_WORKER.into())
            }
        },
    };
    CONNECTION.with_borrow_mut(|connection| *connection = Some(Connection { analyst, dispatcher }));
    for job in QUEUE.with_borrow_mut(std::mem::take) {
        send(job);
    }
}

/// From now on jobs fail at once with `reason` (the worker is gone). Its
/// listeners may be the caller, so they are dropped after the current event.
fn fail(reason: &str) {
    let old = CONNECTION.with_borrow_mut(|connection| {
        connection.as_mut().map(|c| std::mem::replace(&mut c.analyst, Analyst::Missing(reason.to_owned())))
    });
    if let Some(Analyst::Worker { worker, _listeners }) = old {
        worker.terminate();
        wasm_bindgen_futures::spawn_local(async move { drop(_listeners) });
    }
}

fn semantic_request() -> JsValue {
    let o = js_sys::Object::new();
    parallax_bridge::set(&o, "job", "semantic");
    o.into()
}

/// Sends `job` to the analyst; its answer arrives as [`Action::Answered`].
pub fn send(job: Job) {
    CONNECTION.with_borrow(|connection| {
        let Some(connection) = connection else {
            QUEUE.with_borrow_mut(|queue| queue.push(job));
            return;
        };
        match &connection.analyst {
            Analyst::Worker { worker, .. } => {
                if worker.post_message(&job.to_js()).is_err() {
                    later(&connection.dispatcher, Action::WorkerFailed("The analysis worker took no job.".into()));
                }
            }
            Analyst::Local(local) => {
                let (local, dispatcher) = (local.clone(), connection.dispatcher.clone());
                // As a worker would: later, not inside the render that asked.
                yew::platform::spawn_local(async move { dispatcher.dispatch(Action::Answered(Rc::new(local(job)))) });
            }
            Analyst::Missing(reason) => later(&connection.dispatcher, Action::WorkerFailed(reason.clone())),
        }
    });
}

/// Dispatches `action` after the current task: `send` runs inside the reducer,
/// which must not be re-entered.
fn later(dispatcher: &UseReducerDispatcher<State>, action: Action) {
    let dispatcher = dispatcher.clone();
    yew::platform::spawn_local(async move { dispatcher.dispatch(action) });
}

/// Ends the connection (the app unmounts).
pub fn disconnect() {
    if let Some(Connection { analyst: Analyst::Worker { worker, .. }, .. }) = CONNECTION.with_borrow_mut(Option::take) {
        worker.terminate();
    }
}
