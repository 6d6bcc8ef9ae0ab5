//! The browser APIs the app uses, in one place: the URL and history, downloads,
//! the clipboard, scrolling, focus and local storage.

use super::state::NewSource;
use crate::analysis::knowledge::TopicDef;
use crate::corpus::SourceText;
use crate::library::{self, Library};
use wasm_bindgen::{JsCast, JsValue};

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// The page's query parameters, percent-decoded.
pub fn query_pairs() -> Vec<(String, String)> {
    let search = window().and_then(|w| w.location().search().ok()).unwrap_or_default();
    let Ok(params) = web_sys::UrlSearchParams::new_with_str(&search) else {
        return Vec::new();
    };
    let Ok(Some(entries)) = js_sys::try_iter(&params) else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter_map(|entry| {
            let pair: js_sys::Array = entry.dyn_into().ok()?;
            Some((pair.get(0).as_string()?, pair.get(1).as_string()?))
        })
        .collect()
}

/// The query string for `pairs` ("?view=reader&claim=A9", or "" for none).
pub fn query_string(pairs: &[(&str, String)]) -> String {
    let Ok(params) = web_sys::UrlSearchParams::new() else {
        return String::new();
    };
    for (k, v) in pairs {
        params.append(k, v);
    }
    let text: String = params.to_string().into();
    if text.is_empty() { String::new() } else { format!("?{text}") }
}

/// Puts `query` into the address bar, as a new history entry or in place.
pub fn set_url_query(query: &str, replace: bool) {
    let Some(w) = window() else { return };
    let location = w.location();
    let current = location.search().unwrap_or_default();
    if current == query {
        return;
    }
    let path = location.pathname().unwrap_or_else(|_| "/".into());
    let hash = location.hash().unwrap_or_default();
    let url = format!("{path}{query}{hash}");
    if let Ok(history) = w.history() {
        let _ = if replace {
            history.replace_state_with_url(&JsValue::NULL, "", Some(&url))
        } else {
            history.push_state_with_url(&JsValue::NULL, "", Some(&url))
        };
    }
}

pub fn current_url() -> String {
    window().and_then(|w| w.location().href().ok()).unwrap_or_default()
}

/// Offers `text` as a file download; nothing leaves the machine.
pub fn download(filename: &str, mime: &str, text: &str) -> Result<(), String> {
    let document = gloo::utils::document();
    let parts = js_sys_array_of(text);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(describe)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(describe)?;
    let anchor: web_sys::HtmlAnchorElement =
        document.create_element("a").map_err(describe)?.dyn_into().map_err(|_| "no anchor".to_owned())?;
    anchor.set_href(&url);
    anchor.set_download(filename);
    anchor.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

fn js_sys_array_of(text: &str) -> JsValue {
    let array = js_sys::Array::new();
    array.push(&JsValue::from_str(text));
    array.into()
}

fn describe(e: JsValue) -> String {
    e.as_string().unwrap_or_else(|| format!("{e:?}"))
}

/// Copies `text` to the clipboard.
pub async fn copy(text: &str) -> Result<(), String> {
    let Some(w) = window() else { return Err("no window".into()) };
    let promise = w.navigator().clipboard().write_text(text);
    wasm_bindgen_futures::JsFuture::from(promise).await.map(|_| ()).map_err(describe)
}

/// Scrolls the element with `id` into view: to the middle, smoothly; or, for a
/// counterpart in the other article, at once and just enough (two smooth scrolls
/// in one page cancel each other).
pub fn scroll_to(id: &str, counterpart: bool) {
    if let Some(el) = gloo::utils::document().get_element_by_id(id) {
        let options = web_sys::ScrollIntoViewOptions::new();
        if counterpart {
            options.set_block(web_sys::ScrollLogicalPosition::Nearest);
            options.set_behavior(web_sys::ScrollBehavior::Instant);
        } else {
            options.set_block(web_sys::ScrollLogicalPosition::Center);
            options.set_behavior(web_sys::ScrollBehavior::Smooth);
        }
        el.scroll_into_view_with_scroll_into_view_options(&options);
    }
}

pub fn focus(id: &str) {
    if let Some(el) =
        gloo::utils::document().get_element_by_id(id).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// The element that has the keyboard focus is a text field.
pub fn typing_in_field() -> bool {
    gloo::utils::document().active_element().is_some_and(|el| {
        matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT") || el.has_attribute("contenteditable")
    })
}

const THEME_KEY: &str = "parallax.theme";

pub fn stored_theme() -> Option<String> {
    window()?.local_storage().ok()??.get_item(THEME_KEY).ok()?
}

/// Applies the theme to `<html data-theme>` and remembers it (when storage works).
pub fn apply_theme(theme: &str) {
    if let Some(root) = gloo::utils::document().document_element() {
        let _ = if theme == "system" {
            root.remove_attribute("data-theme")
        } else {
            root.set_attribute("data-theme", theme)
        };
    }
    if let Some(Ok(Some(storage))) = window().map(|w| w.local_storage()) {
        let _ = storage.set_item(THEME_KEY, theme);
    }
}

// --- The reader's library: JSON through the browser's own parser ---------------

const LIBRARY_KEY: &str = "parallax.workspace";

fn get(object: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(object, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn set(object: &js_sys::Object, key: &str, value: impl Into<JsValue>) {
    let _ = js_sys::Reflect::set(object, &JsValue::from_str(key), &value.into());
}

fn strings(items: &[String]) -> js_sys::Array {
    items.iter().map(|s| JsValue::from_str(s)).collect()
}

/// The workspace file: `{format, sources: [{id, label, title, text}], topics: [...]}`.
pub fn library_json(library: &Library) -> String {
    let root = js_sys::Object::new();
    set(&root, "format", library::FORMAT);
    let sources: js_sys::Array = library
        .sources
        .iter()
        .map(|s| {
            let o = js_sys::Object::new();
            set(&o, "id", s.id.as_str());
            set(&o, "label", s.label.as_str());
            set(&o, "title", s.title.as_str());
            set(&o, "text", s.text.as_str());
            JsValue::from(o)
        })
        .collect();
    set(&root, "sources", sources);
    let topics: js_sys::Array = library
        .topics
        .iter()
        .map(|t| {
            let o = js_sys::Object::new();
            set(&o, "id", t.id.as_str());
            set(&o, "label", t.label.as_str());
            set(&o, "description", t.description.as_str());
            set(&o, "terms", strings(&t.terms));
            JsValue::from(o)
        })
        .collect();
    set(&root, "topics", topics);
    js_sys::JSON::stringify_with_replacer_and_space(&root, &JsValue::NULL, &JsValue::from(1))
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_default()
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
        library.sources.push(SourceText {
            id: text_field(&s, "id", &what)?,
            label: get(&s, "label").as_string().unwrap_or_default(),
            title: get(&s, "title").as_string().unwrap_or_default(),
            title_derived: false,
            text: text_field(&s, "text", &what)?,
        });
    }
    for (i, t) in js_sys::Array::from(&get(&root, "topics")).iter().enumerate() {
        let what = format!("topic {}", i + 1);
        let terms: Vec<String> = js_sys::Array::from(&get(&t, "terms")).iter().filter_map(|x| x.as_string()).collect();
        library.topics.push(TopicDef {
            id: text_field(&t, "id", &what)?,
            label: text_field(&t, "label", &what)?,
            description: get(&t, "description").as_string().unwrap_or_default(),
            terms,
        });
    }
    Ok(library)
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
        sources.push(NewSource {
            title: get(&entry, "title").as_string().unwrap_or_default(),
            text: text_field(&entry, "text", &what)?,
            label: get(&entry, "label").as_string(),
        });
    }
    Ok(sources)
}

fn storage() -> Result<web_sys::Storage, String> {
    window()
        .and_then(|w| w.local_storage().ok().flatten())
        .ok_or_else(|| "This browser does not let Parallax keep data (storage is off or blocked): your sources last until you close the tab. Export the workspace to keep them.".to_owned())
}

/// The library stored in the browser (an empty one the first time).
pub fn load_library() -> Result<Library, String> {
    let Some(text) = storage()?.get_item(LIBRARY_KEY).ok().flatten() else {
        return Ok(Library::default());
    };
    parse_library(&text).map_err(|e| {
        format!("Your saved sources could not be read ({e}). They are left as they were; showing the embedded story.")
    })
}

/// Stores the library; says why when the browser refuses.
pub fn save_library(library: &Library) -> Result<(), String> {
    storage()?.set_item(LIBRARY_KEY, &library_json(library)).map_err(|e| {
        let name = get(&e, "name").as_string().unwrap_or_default();
        if name == "QuotaExceededError" {
            "The browser's storage for Parallax is full: your change is kept in this tab but was not saved. Export the workspace to keep it, or delete some sources.".to_owned()
        } else {
            format!("Your change could not be saved ({}): it is kept in this tab only. Export the workspace to keep it.", describe(e))
        }
    })
}
