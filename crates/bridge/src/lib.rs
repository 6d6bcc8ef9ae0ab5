//! What crosses between JavaScript and Parallax's Rust, in one place, shared by
//! the page (`parallax`) and the analysis worker (`parallax-worker`):
//!
//! - workspace files and JSON corpora, read through the browser's own JSON parser
//!   (no JSON parser in the wasm): [`parse_library`], [`parse_corpus`], [`is_workspace`];
//! - the analysis worker's jobs and answers ([`Job`], [`Answer`]): a comparison
//!   of two sources, a digest of one, an import of files with progress;
//! - comparisons as postcard bytes in a `Uint8Array` ([`comparison_to_js`],
//!   [`comparison_from_js`]): structured-cloned between worker and page, never
//!   written out as text (the embedded one ships in the same form).
//!
//! No `yew`, no `web-sys`: only `js-sys` and `wasm-bindgen`.

use parallax_core::analysis::Comparison;
use parallax_core::analysis::knowledge::TopicDef;
use parallax_core::corpus::SourceText;
use parallax_model::library::{self, Digest, Library, NewSource};
use std::rc::Rc;
use wasm_bindgen::JsValue;

pub fn get(object: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(object, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

pub fn set(object: &js_sys::Object, key: &str, value: impl Into<JsValue>) {
    let _ = js_sys::Reflect::set(object, &JsValue::from_str(key), &value.into());
}

fn strings(items: &[String]) -> js_sys::Array {
    items.iter().map(|s| JsValue::from_str(s)).collect()
}

fn string_list(value: &JsValue) -> Vec<String> {
    js_sys::Array::from(value).iter().filter_map(|x| x.as_string()).collect()
}

fn text_field(object: &JsValue, key: &str, what: &str) -> Result<String, String> {
    get(object, key).as_string().ok_or_else(|| format!("{what} has no text field \u{201C}{key}\u{201D}"))
}

/// Whether JSON text is a Parallax workspace file (rather than a corpus).
pub fn is_workspace(text: &str) -> bool {
    js_sys::JSON::parse(text).is_ok_and(|root| get(&root, "format").as_string().as_deref() == Some(library::FORMAT))
}

/// Reads a workspace file (or the stored copy).
pub fn parse_library(text: &str) -> Result<Library, String> {
    let root = js_sys::JSON::parse(text).map_err(|_| "it is not valid JSON".to_owned())?;
    if get(&root, "format").as_string().as_deref() != Some(library::FORMAT) {
        return Err(format!(
            "it is not a Parallax workspace (no \u{201C}format\u{201D}: \u{201C}{}\u{201D})",
            library::FORMAT
        ));
    }
    let mut library = Library::default();
    for (i, s) in js_sys::Array::from(&get(&root, "sources")).iter().enumerate() {
        let what = format!("source {}", i + 1);
        let id = text_field(&s, "id", &what)?;
        if let Some(digest) = digest_of(&get(&s, "digest")) {
            library.digests.push((id.clone(), digest));
        }
        library.sources.push(SourceText {
            id,
            label: get(&s, "label").as_string().unwrap_or_default(),
            title: get(&s, "title").as_string().unwrap_or_default(),
            title_derived: get(&s, "title_derived").as_bool().unwrap_or(false),
            text: text_field(&s, "text", &what)?,
            story: get(&s, "story").as_string(),
        });
    }
    library.topics = topics_of(&get(&root, "topics"))?;
    Ok(library)
}

fn topics_of(list: &JsValue) -> Result<Vec<TopicDef>, String> {
    let mut topics = Vec::new();
    for (i, t) in js_sys::Array::from(list).iter().enumerate() {
        let what = format!("topic {}", i + 1);
        topics.push(TopicDef {
            id: text_field(&t, "id", &what)?,
            label: text_field(&t, "label", &what)?,
            description: get(&t, "description").as_string().unwrap_or_default(),
            terms: string_list(&get(&t, "terms")),
        });
    }
    Ok(topics)
}

/// One entry of a JSON corpus: `{title, text, label?, digest?}`.
fn corpus_entry(entry: &JsValue, what: &str) -> Result<NewSource, String> {
    Ok(NewSource {
        title: get(entry, "title").as_string().unwrap_or_default(),
        text: text_field(entry, "text", what)?,
        label: get(entry, "label").as_string(),
        digest: digest_of(&get(entry, "digest")),
    })
}

/// A JSON corpus: an array of `{title, text, label?, url?, date?}`.
pub fn parse_corpus(text: &str) -> Result<Vec<NewSource>, String> {
    let root = js_sys::JSON::parse(text).map_err(|_| "it is not valid JSON".to_owned())?;
    if !js_sys::Array::is_array(&root) {
        return Err("it is not a JSON array".into());
    }
    let mut sources = Vec::new();
    for (i, entry) in js_sys::Array::from(&root).iter().enumerate() {
        let what = format!("entry {}", i + 1);
        if !entry.is_object() {
            return Err(format!("{what} is not an object"));
        }
        sources.push(corpus_entry(&entry, &what)?);
    }
    Ok(sources)
}

fn digest_of(value: &JsValue) -> Option<Digest> {
    if !value.is_object() {
        return None;
    }
    Some(Digest {
        title: get(value, "title").as_string().unwrap_or_default(),
        claims: get(value, "claims").as_f64().map_or(0, |n| n as usize),
        topics: string_list(&get(value, "topics")),
    })
}

/// A job for the analysis worker (`static/analysis-worker.js` hands each to the
/// worker binary's `run_job`).
#[derive(Clone, Debug, PartialEq)]
pub enum Job {
    /// Compare two sources with the reader's topics; `id` names the answer.
    Compare { id: u32, a: SourceText, b: SourceText, topics: Vec<TopicDef> },
    /// The digest of a pasted text (title, claims, main topics).
    Digest { id: u32, source: NewSource, topics: Vec<TopicDef> },
}

impl Job {
    /// As a message: the job's kind and id, and its sources and topics as a
    /// workspace file (`Library::to_json`, read back by [`parse_library`]): one
    /// JSON path for everything that carries sources.
    pub fn to_js(&self) -> JsValue {
        let (kind, id, library) = match self {
            Job::Compare { id, a, b, topics } => (
                "compare",
                id,
                Library { sources: vec![a.clone(), b.clone()], topics: topics.clone(), ..Library::default() },
            ),
            Job::Digest { id, source, topics } => {
                let text =
                    SourceText { title: source.title.clone(), text: source.text.clone(), ..SourceText::default() };
                ("digest", id, Library { sources: vec![text], topics: topics.clone(), ..Library::default() })
            }
        };
        let o = js_sys::Object::new();
        set(&o, "job", kind);
        set(&o, "id", *id);
        set(&o, "workspace", library.to_json());
        o.into()
    }

    pub fn from_js(value: &JsValue) -> Result<Job, String> {
        let id = get(value, "id").as_f64().map_or(0, |n| n as u32);
        let workspace = get(value, "workspace").as_string().ok_or("a job without its sources")?;
        let Library { mut sources, topics, .. } = parse_library(&workspace)?;
        match (get(value, "job").as_string().as_deref(), sources.len()) {
            (Some("compare"), 2) => {
                let b = sources.pop().expect("two sources");
                let a = sources.pop().expect("two sources");
                Ok(Job::Compare { id, a, b, topics })
            }
            (Some("digest"), 1) => {
                let s = sources.pop().expect("one source");
                Ok(Job::Digest {
                    id,
                    source: NewSource { title: s.title, text: s.text, ..NewSource::default() },
                    topics,
                })
            }
            (other, n) => Err(format!("a job {other:?} with {n} sources")),
        }
    }
}

/// What the analysis worker answers.
#[derive(Clone, Debug, PartialEq)]
pub enum Answer {
    /// The comparison of a [`Job::Compare`], and whether the semantic layer took part.
    Compared {
        id: u32,
        comparison: Rc<Comparison>,
        semantic: bool,
    },
    Digested {
        id: u32,
        digest: Digest,
    },
    /// The job could not be done; the page says why.
    Failed {
        id: u32,
        problem: String,
    },
    /// The semantic table arrived (`Ok`: how many words) or could not load.
    Semantic(Result<u32, String>),
}

impl Answer {
    pub fn to_js(&self) -> JsValue {
        let o = js_sys::Object::new();
        match self {
            Answer::Compared { id, comparison, semantic } => {
                set(&o, "id", *id);
                set(&o, "semantic", *semantic);
                set(&o, "comparison", comparison_to_js(comparison));
            }
            Answer::Digested { id, digest } => {
                set(&o, "id", *id);
                // A corpus of one entry (`library::corpus_json`), as imports send theirs.
                let entry = NewSource { digest: Some(digest.clone()), ..NewSource::default() };
                set(&o, "digest", library::corpus_json(&[entry]));
            }
            Answer::Failed { id, problem } => {
                set(&o, "id", *id);
                set(&o, "error", problem.as_str());
            }
            Answer::Semantic(Ok(words)) => set(&o, "semantic_words", *words),
            Answer::Semantic(Err(problem)) => set(&o, "semantic_error", problem.as_str()),
        }
        o.into()
    }

    pub fn from_js(value: &JsValue) -> Answer {
        let id = get(value, "id").as_f64().map_or(0, |n| n as u32);
        if let Some(problem) = get(value, "semantic_error").as_string() {
            return Answer::Semantic(Err(problem));
        }
        if let Some(words) = get(value, "semantic_words").as_f64() {
            return Answer::Semantic(Ok(words as u32));
        }
        if let Some(problem) = get(value, "error").as_string() {
            return Answer::Failed { id, problem };
        }
        if let Some(corpus) = get(value, "digest").as_string() {
            return match parse_corpus(&corpus).ok().and_then(|mut c| c.pop()?.digest) {
                Some(digest) => Answer::Digested { id, digest },
                None => Answer::Failed { id, problem: "the digest could not be read".into() },
            };
        }
        match comparison_from_js(&get(value, "comparison")) {
            Ok(comparison) => Answer::Compared {
                id,
                comparison: Rc::new(comparison),
                semantic: get(value, "semantic").as_bool().unwrap_or(false),
            },
            Err(problem) => Answer::Failed { id, problem },
        }
    }
}

/// A comparison as postcard bytes: compact, and read back without going through
/// JavaScript objects (the page reads the embedded one and the worker's this way).
pub fn comparison_to_bytes(comparison: &Comparison) -> Vec<u8> {
    postcard::to_allocvec(comparison).unwrap_or_default()
}

/// A comparison back from [`comparison_to_bytes`].
pub fn comparison_from_bytes(bytes: &[u8]) -> Result<Comparison, String> {
    // postcard's own messages ("This is a feature that PostCard will never implement")
    // tell a reader nothing and cost the page their text and formatting.
    postcard::from_bytes(bytes).map_err(|_| "the comparison could not be read (damaged bytes)".to_owned())
}

/// A comparison as a JS value: its bytes in a `Uint8Array` (the worker posts it).
pub fn comparison_to_js(comparison: &Comparison) -> JsValue {
    js_sys::Uint8Array::from(comparison_to_bytes(comparison).as_slice()).into()
}

/// A comparison back from a JS value made by [`comparison_to_js`].
pub fn comparison_from_js(value: &JsValue) -> Result<Comparison, String> {
    if !wasm_bindgen::JsCast::is_instance_of::<js_sys::Uint8Array>(value) {
        return Err("the comparison could not be read (no bytes)".into());
    }
    comparison_from_bytes(&js_sys::Uint8Array::new(value).to_vec())
}

/// What an import worker found besides its sources (sent as they were analysed):
/// the problems, and a workspace file's text.
pub fn import_result(problems: &[String], workspace: Option<&str>) -> JsValue {
    let o = js_sys::Object::new();
    set(&o, "problems", strings(problems));
    if let Some(text) = workspace {
        set(&o, "workspace", text);
    }
    o.into()
}

/// A message from the import worker.
pub enum ImportMessage {
    /// Sources analysed so far, of how many, and the latest analysed.
    Progress(usize, usize, Vec<NewSource>),
    Done(Vec<String>, Option<String>),
    Failed(String),
}

pub fn import_message(data: &JsValue) -> ImportMessage {
    let result = get(data, "result");
    if result.is_object() {
        return ImportMessage::Done(string_list(&get(&result, "problems")), get(&result, "workspace").as_string());
    }
    match (get(data, "done").as_f64(), get(data, "total").as_f64()) {
        (Some(done), Some(total)) => {
            // The batch comes as a JSON corpus (`library::corpus_json`).
            let batch = get(data, "sources").as_string().unwrap_or_else(|| "[]".into());
            match parse_corpus(&batch) {
                Ok(sources) => ImportMessage::Progress(done as usize, total as usize, sources),
                Err(e) => ImportMessage::Failed(e),
            }
        }
        _ => ImportMessage::Failed(get(data, "error").as_string().unwrap_or_else(|| "no answer".into())),
    }
}
