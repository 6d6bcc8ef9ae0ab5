//! The worker's exported functions (called by `static/analysis-worker.js`).

use parallax_bridge::{self as bridge, Answer, Job};
use parallax_core::analysis::semantic::Embedder;
use parallax_core::analysis::{self, input, knowledge::Knowledge, knowledge::TopicDef};
use parallax_model::library::{self, FileKind, NewSource};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;

thread_local! {
    /// The semantic layer, once its table has arrived.
    static EMBEDDER: RefCell<Option<Rc<Embedder>>> = const { RefCell::new(None) };
    /// The knowledge of the last jobs' topics: built again only when they change.
    static KNOWLEDGE: RefCell<Option<(Vec<TopicDef>, Rc<Knowledge>)>> = const { RefCell::new(None) };
}

fn knowledge(topics: &[TopicDef]) -> Rc<Knowledge> {
    KNOWLEDGE.with_borrow_mut(|cached| match cached {
        Some((for_topics, knowledge)) if for_topics == topics => knowledge.clone(),
        _ => {
            let knowledge = Rc::new(Knowledge::with_topics(topics));
            *cached = Some((topics.to_vec(), knowledge.clone()));
            knowledge
        }
    })
}

/// Runs one job of the page (a [`Job`] as a JS value) and returns its [`Answer`].
#[wasm_bindgen]
pub fn run_job(job: JsValue) -> JsValue {
    let answer = match Job::from_js(&job) {
        Ok(Job::Compare { id, a, b, topics }) => {
            let embedder = EMBEDDER.with_borrow(Clone::clone);
            let comparison = analysis::compare_with_meaning(&a, &b, &knowledge(&topics), embedder.as_deref());
            Answer::Compared { id, comparison: Rc::new(comparison), semantic: embedder.is_some() }
        }
        Ok(Job::Digest { id, source, topics }) => {
            Answer::Digested { id, digest: library::digest(&source, &knowledge(&topics)) }
        }
        Err(problem) => Answer::Failed { id: 0, problem },
    };
    answer.to_js()
}

/// Sentences, tokens and stems of `text` (how many words were stemmed): the
/// export `scripts/bench-wink.mjs` times against wink-nlp.
#[wasm_bindgen]
pub fn text_pipeline(text: &str) -> u32 {
    analysis::stem_words(text) as u32
}

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
        Ok((FileKind::Json, text)) if bridge::is_workspace(&text) => Read::Workspace(text),
        Ok((FileKind::Json, text)) => match bridge::parse_corpus(&text) {
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

/// An import: reads `files` (each `[name, size, bytes]`), analyses every source
/// with the reader's `topics` (a workspace file's JSON) and hands them over in
/// batches through `progress(done, total, sources)`; returns
/// `{problems: [string], workspace?: string}`.
#[wasm_bindgen]
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
    let user_topics = bridge::parse_library(&topics).map(|l| l.topics).unwrap_or_default();
    let knowledge = knowledge(&user_topics);
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
    bridge::import_result(&problems, workspace.as_deref())
}

/// Takes the semantic table's bytes (fetched by the worker after the page's
/// first paint); answers how many pieces it holds, or why it cannot be used.
#[wasm_bindgen]
pub fn load_semantic(bytes: &[u8]) -> JsValue {
    let answer = match Embedder::from_bytes(bytes) {
        Ok(embedder) => {
            let pieces = embedder.pieces() as u32;
            EMBEDDER.with_borrow_mut(|e| *e = Some(Rc::new(embedder)));
            Answer::Semantic(Ok(pieces))
        }
        Err(problem) => Answer::Semantic(Err(problem)),
    };
    answer.to_js()
}
