//! Component tests in real browsers (headless Chrome and Firefox through
//! wasm-bindgen-test). Each test mounts the app on its own element, drives it
//! through the DOM as a reader would, and waits with `yew::scheduler::flush`.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

/// The app mounted on its own element; dropped, it unmounts and removes the element.
struct Mounted {
    root: Element,
    handle: Option<yew::AppHandle<parallax::app::App>>,
}

impl std::ops::Deref for Mounted {
    type Target = Element;
    fn deref(&self) -> &Element {
        &self.root
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        if let Some(handle) = self.handle.take() {
            handle.destroy();
        }
        self.root.remove();
    }
}

/// The analysis as the worker runs it, but in this test binary: components are
/// tested without a worker (the page's own wasm holds no analysis).
fn local_analyst(job: parallax_bridge::Job) -> parallax_bridge::Answer {
    use parallax::analysis::knowledge::Knowledge;
    use parallax_bridge::{Answer, Job};
    match job {
        Job::Compare { id, a, b, topics } => {
            let comparison = parallax::analysis::compare_with(&a, &b, &Knowledge::with_topics(&topics));
            Answer::Compared { id, comparison: std::rc::Rc::new(comparison), semantic: false }
        }
        Job::Digest { id, source, topics } => {
            Answer::Digested { id, digest: parallax::library::digest(&source, &Knowledge::with_topics(&topics)) }
        }
    }
}

/// Waits (a bounded while) until `ready` holds, as a reader waits for an answer.
async fn until(root: &Element, what: &str, ready: impl Fn(&Element) -> bool) {
    for _ in 0..400 {
        if ready(root) {
            return;
        }
        gloo_timers::future::TimeoutFuture::new(5).await;
        yew::scheduler::flush().await;
    }
    panic!("waited in vain for {what}: {}", text(root));
}

/// Mounts the whole app on a fresh element (the page URL set to `query` first)
/// and waits until it has rendered.
async fn mount_app(query: &str) -> Mounted {
    parallax::app::worker::set_local(std::rc::Rc::new(local_analyst));
    let window = gloo::utils::window();
    window
        .history()
        .unwrap()
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&format!("/{query}")))
        .unwrap();
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    // An empty library of the reader's own: nothing read from or saved to storage.
    let props = parallax::app::AppProps { library: Some(parallax::library::Library::default()), ..Default::default() };
    let handle = yew::Renderer::<parallax::app::App>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    settled(&root).await;
    Mounted { root, handle: Some(handle) }
}

/// Waits until long lists have mounted in full (a chunk per task, `aria-busy` meanwhile).
async fn settled(root: &Element) {
    while root.query_selector("[aria-busy=\"true\"]").unwrap().is_some() {
        gloo_timers::future::TimeoutFuture::new(5).await;
        yew::scheduler::flush().await;
    }
}

fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<Element>().ok()).collect()
}

fn text(el: &Element) -> String {
    el.text_content().unwrap_or_default()
}

/// Clicks the first element matching `selector` whose text contains `label`.
async fn click(root: &Element, selector: &str, label: &str) {
    let target = all(root, selector)
        .into_iter()
        .find(|el| text(el).contains(label) || el.get_attribute("aria-label").is_some_and(|a| a.contains(label)))
        .unwrap_or_else(|| panic!("no {selector} with {label:?}"));
    target.dyn_into::<HtmlElement>().unwrap().click();
    yew::scheduler::flush().await;
    settled(root).await;
}

/// Opens the filters' fold, as a reader on a narrow screen does: folded, the filters
/// are not rendered.
async fn open_filters(root: &Element) {
    let fold = root.query_selector(".filters-fold").unwrap().expect("the filters' fold");
    if !fold.has_attribute("open") {
        let summary = fold.query_selector("summary").unwrap().expect("its summary");
        summary.dyn_into::<HtmlElement>().unwrap().click();
        until(root, "the filters, unfolded", |root| root.query_selector(".topic-filter").unwrap().is_some()).await;
    }
}

fn location_search() -> String {
    gloo::utils::window().location().search().unwrap()
}

#[wasm_bindgen_test]
async fn app_shows_both_embedded_sources() {
    let root = mount_app("").await;
    let sources = text(&root.query_selector(".sources").unwrap().unwrap());
    assert!(sources.contains("Huawei Using GMS to Develop its Own HMS"));
    assert!(sources.contains("(derived title)"));
    assert!(root.query_selector("main").unwrap().is_some());
    assert!(root.query_selector("h1").unwrap().is_some());
}

#[wasm_bindgen_test]
async fn reader_view_renders_both_articles() {
    let root = mount_app("").await;
    click(&root, ".view-tab", "Read articles").await;
    let articles = all(&root, "article[data-source]");
    assert_eq!(articles.len(), 2);
    let body = text(&root);
    assert!(body.contains("\u{201C}the open Android ecosystem"), "curly quotes survive");
    assert!(!body.contains('\u{A0}'), "no raw no-break spaces");
}

#[wasm_bindgen_test]
async fn a_topic_filter_changes_the_rows() {
    let root = mount_app("").await;
    let before = all(&root, ".row:not([hidden])").len();
    open_filters(&root).await;
    click(&root, ".topic-filter", "5G in Europe").await;
    let rows = all(&root, ".row:not([hidden])");
    assert!(!rows.is_empty() && rows.len() < before, "{} rows before, {} after", before, rows.len());
    let britain = rows
        .iter()
        .find(|r| text(r).contains("Britain, for example, rejected the US request"))
        .expect("the Britain claim");
    assert!(text(britain).contains("Not reported by Source B"), "the Britain claim is only in A");
    let pressed = all(&root, ".topic-filter").into_iter().find(|b| text(b).contains("5G")).unwrap();
    assert_eq!(pressed.get_attribute("aria-pressed").as_deref(), Some("true"));
    assert!(location_search().contains("topics=5g-europe"));
}

#[wasm_bindgen_test]
async fn selecting_a_claim_highlights_it_and_its_counterparts_in_the_reader() {
    let root = mount_app("").await;
    click(&root, ".view-tab", "Read articles").await;
    click(&root, "a.read-claim", "HMS cannot replace").await;
    let selected = all(&root, ".read-claim.selected");
    assert_eq!(selected.len(), 1);
    assert!(text(&selected[0]).contains("HMS cannot replace"));
    let linked: Vec<String> = all(&root, ".read-claim.linked").iter().map(text).collect();
    assert!(linked.iter().any(|t| t.contains("It can form an alternative")), "counterpart highlighted: {linked:?}");
    assert!(text(&root).contains("A says \u{201C}cannot replace\u{201D} where B says"), "the link says why");
    assert!(location_search().contains("claim=A9"));
}

#[wasm_bindgen_test]
async fn the_url_round_trips() {
    let query = "?view=reader&topics=google-services%2Chms&show=tension&entity=Google&q=replace&claim=A9";
    let root = mount_app(query).await;
    assert!(root.query_selector(".read-claim.selected").unwrap().is_some(), "claim restored");
    let search: HtmlElement = root.query_selector("#search").unwrap().unwrap().dyn_into().unwrap();
    assert_eq!(search.dyn_ref::<web_sys::HtmlInputElement>().unwrap().value(), "replace");
    open_filters(&root).await;
    let pressed: Vec<String> = all(&root, "[aria-pressed=true]").iter().map(text).collect();
    assert!(pressed.iter().any(|t| t.contains("Google services")), "{pressed:?}");
    assert!(pressed.iter().any(|t| t.contains("Tension")), "{pressed:?}");
    // Writing the state back gives the same parameters.
    click(&root, ".view-tab", "Compare").await;
    click(&root, ".view-tab", "Read articles").await;
    let search = location_search();
    for part in
        ["view=reader", "topics=google-services%2Chms", "show=tension", "entity=Google", "q=replace", "claim=A9"]
    {
        assert!(search.contains(part), "{part} missing from {search}");
    }
}

#[wasm_bindgen_test]
async fn a_malformed_url_falls_back_with_a_notice() {
    let root = mount_app("?view=nowhere&topics=bogus&claim=Z99").await;
    assert!(root.query_selector(".row").unwrap().is_some(), "default comparison view");
    let notice = text(&root.query_selector(".notice").unwrap().expect("a notice"));
    assert!(notice.contains("not understood"), "{notice}");
}

#[wasm_bindgen_test]
fn wasm_gives_the_same_comparison_as_native() {
    let comparison = parallax::analysis::compare_embedded();
    let json = parallax::analysis::export::to_json(&parallax::analysis::compare::Subset::all(&comparison));
    assert_eq!(json, include_str!("fixtures/embedded-comparison.json"));
}

/// The semantic table, as the worker fetches it.
const TABLE: &[u8] = include_bytes!("../data/semantic/wordllama-64x4.bin");

#[wasm_bindgen_test]
fn the_shipped_embedded_comparison_reads_in_the_browser_as_the_core_computes_it() {
    use parallax::analysis::{knowledge::Knowledge, semantic::Embedder};
    let shipped = parallax::embedded::parse().expect("the shipped comparison reads from its bytes in the browser");
    let embedder = Embedder::from_bytes(TABLE).expect("the table decodes in wasm");
    let sources = parallax::corpus::embedded();
    let computed =
        parallax::analysis::compare_with_meaning(&sources[0], &sources[1], Knowledge::embedded(), Some(&embedder));
    let bytes = parallax_bridge::comparison_to_bytes(&computed);
    assert!(parallax::embedded::BYTES == bytes.as_slice(), "native build time and wasm agree, semantic layer included");
    assert_eq!(shipped, parallax_bridge::comparison_from_bytes(&bytes).expect("reads back"));
}

#[wasm_bindgen_test]
fn the_semantic_vectors_are_the_same_in_wasm_as_natively() {
    use parallax::analysis::semantic::{Embedder, PARITY_DIGEST, PARITY_TEXTS};
    let embedder = Embedder::from_bytes(TABLE).expect("the table decodes in wasm");
    assert_eq!(embedder.digest(&PARITY_TEXTS), PARITY_DIGEST);
    assert!(Embedder::from_bytes(&TABLE[..1000]).is_err(), "a damaged table is an error, not a panic");
}

#[wasm_bindgen_test]
fn a_comparison_crosses_between_worker_and_page_unchanged() {
    let comparison = parallax::analysis::compare_embedded();
    let value = parallax_bridge::comparison_to_js(&comparison);
    let back = parallax_bridge::comparison_from_js(&value).expect("reads back");
    // Every field the comparison ships arrives as it was sent (what only alignment
    // reads stays in the worker, see `Features`).
    assert_eq!(parallax_bridge::comparison_to_bytes(&back), parallax_bridge::comparison_to_bytes(&comparison));
    assert_eq!(
        (&back.claims.len(), &back.links, &back.similarity),
        (&comparison.claims.len(), &comparison.links, &comparison.similarity)
    );
}

#[wasm_bindgen_test]
async fn a_pasted_article_can_be_compared() {
    let root = mount_app("?view=sources").await;
    let field = |id: &str| root.query_selector(&format!("#{id}")).unwrap().expect(id);
    field("new-title").dyn_into::<web_sys::HtmlInputElement>().unwrap().set_value("My own piece");
    field("new-text")
        .dyn_into::<web_sys::HtmlTextAreaElement>()
        .unwrap()
        .set_value("Huawei said HMS can replace Google Mobile Services. Britain rejected the US request.");
    click(&root, "button[type=submit]", "Add this text").await;
    until(&root, "the pasted text to be added", |r| text(r).contains("Added 1 source.")).await;
    assert!(text(&root).contains("Your sources (1)"));
    // Choose it as Source A.
    let select: web_sys::HtmlSelectElement = field("pick-a").dyn_into().unwrap();
    select.set_value("u1");
    select.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
    yew::scheduler::flush().await;
    until(&root, "the comparison with the pasted text", |r| {
        r.query_selector(".sources").unwrap().is_some_and(|s| text(&s).contains("My own piece"))
    })
    .await;
    assert!(location_search().contains("a=u1"));
    // Empty text is refused with a message, and the library keeps what it had.
    field("new-text").dyn_into::<web_sys::HtmlTextAreaElement>().unwrap().set_value("   ");
    click(&root, "button[type=submit]", "Add this text").await;
    assert!(text(&root).contains("the text is empty"));
    assert!(text(&root).contains("Your sources (1)"));
}

#[wasm_bindgen_test]
async fn two_pasted_articles_are_compared_in_one_step_and_kept_only_on_request() {
    let root = mount_app("").await;
    let set = |id: &str, value: &str| {
        let el = root.query_selector(&format!("#{id}")).unwrap().expect(id);
        match el.dyn_ref::<web_sys::HtmlTextAreaElement>() {
            Some(area) => area.set_value(value),
            None => el.dyn_into::<web_sys::HtmlInputElement>().unwrap().set_value(value),
        }
    };
    // One side empty: said, and nothing is compared.
    set("paste-a-text", "Rescuers searched the wreckage on Sunday.");
    click(&root, ".paste-pair button[type=submit]", "Compare").await;
    assert!(text(&root).contains("Paste or drop an article into Source B"), "{}", text(&root));
    set("paste-a-title", "Crash report one");
    set(
        "paste-a-text",
        "An airliner crashed near the capital on Sunday. All 157 people on board were killed, the airline said.",
    );
    set("paste-b-title", "Crash report two");
    set("paste-b-text", "The airline said all 157 passengers and crew died when the plane crashed on Sunday.");
    click(&root, ".paste-pair button[type=submit]", "Compare").await;
    until(&root, "the pasted pair's comparison", |r| {
        r.query_selector(".sources")
            .unwrap()
            .is_some_and(|s| text(&s).contains("Crash report one") && text(&s).contains("Crash report two"))
    })
    .await;
    // Not in the library until kept.
    click(&root, ".view-tab", "Sources").await;
    assert!(!text(&root).contains("Your sources (2)"), "{}", text(&root));
    click(&root, ".view-tab", "Compare").await;
    click(&root, ".paste-pair button", "Keep both").await;
    until(&root, "the kept pair", |r| text(r).contains("Kept 2 of the two articles")).await;
    click(&root, ".view-tab", "Sources").await;
    assert!(text(&root).contains("Your sources (2)"), "{}", text(&root));
}

#[wasm_bindgen_test]
fn a_job_crosses_to_the_worker_with_its_sources_as_they_are() {
    use parallax_bridge::Job;
    let embedded = parallax::corpus::embedded();
    let job = Job::Compare { id: 7, a: embedded[0].clone(), b: embedded[1].clone(), topics: Vec::new() };
    assert_eq!(Job::from_js(&job.to_js()).expect("reads back"), job, "title_derived and story survive");
}
