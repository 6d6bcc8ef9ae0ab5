//! The browser APIs the app uses, in one place: the URL and history, downloads,
//! the clipboard, scrolling, focus and local storage.

use crate::library::Library;
use parallax_bridge::{get, parse_library, set};
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

/// Whether the window is wider than 900 CSS pixels (true when it cannot tell).
/// Natively, where the first paint is prerendered (`tests/first_paint.rs`), there
/// is no window: narrow, so what folds away on a phone never flashes open there.
pub fn wide_screen() -> bool {
    #[cfg(target_arch = "wasm32")]
    return window().and_then(|w| w.inner_width().ok()).and_then(|w| w.as_f64()).is_none_or(|w| w > 900.0);
    #[cfg(not(target_arch = "wasm32"))]
    false
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

#[wasm_bindgen::prelude::wasm_bindgen(module = "/src/app/store.js")]
extern "C" {
    #[wasm_bindgen(catch, js_name = idbGet)]
    async fn idb_get(key: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, js_name = idbPut)]
    async fn idb_put(key: &str, value: &str) -> Result<JsValue, JsValue>;
}

const UNAVAILABLE: &str = "This browser does not let Parallax keep data (storage is off or blocked): your sources last until you close the tab. Export the workspace to keep them.";

/// The library stored in the browser (IndexedDB; earlier versions kept it in
/// local storage, read once and moved on the next save), or an empty one.
pub async fn load_library() -> Result<Library, String> {
    let stored = idb_get(LIBRARY_KEY).await.map_err(|_| UNAVAILABLE.to_owned())?;
    let text = stored.as_string().or_else(|| window()?.local_storage().ok()??.get_item(LIBRARY_KEY).ok()?);
    let Some(text) = text else {
        return Ok(Library::default());
    };
    parse_library(&text).map_err(|e| {
        format!("Your saved sources could not be read ({e}). They are left as they were; showing the embedded story.")
    })
}

/// Stores the library; says why when the browser refuses.
pub async fn save_library(library: &Library) -> Result<(), String> {
    match idb_put(LIBRARY_KEY, &library.to_json()).await {
        Ok(_) => {
            if let Some(Ok(Some(old))) = window().map(|w| w.local_storage()) {
                let _ = old.remove_item(LIBRARY_KEY);
            }
            Ok(())
        }
        Err(e) => Err(match get(&e, "name").as_string().as_deref() {
            Some("QuotaExceededError") => "The browser's storage for Parallax is full: your change is kept in this tab but was not saved. Export the workspace to keep it, or delete some sources.".to_owned(),
            Some("SecurityError" | "InvalidStateError") => UNAVAILABLE.to_owned(),
            _ => format!("Your change could not be saved ({}): it is kept in this tab only. Export the workspace to keep it.", describe(e)),
        }),
    }
}

/// The message that starts an import in a worker: the files, the size limit
/// (larger files are not read) and the reader's topics.
pub fn import_request(files: &[web_sys::File], topics: &str) -> JsValue {
    let o = js_sys::Object::new();
    set(&o, "job", "import");
    set(&o, "files", files.iter().collect::<js_sys::Array>());
    set(&o, "limit", crate::analysis::input::MAX_BYTES as f64);
    set(&o, "topics", topics);
    o.into()
}
