//! The reader's own sources and topics: turning pasted text, text, Markdown and
//! HTML files and JSON corpora into sources, refusing duplicates, and keeping them
//! beside the embedded story. Pure Rust: **it never depends on `yew`, `web-sys` or
//! `gloo`**; the app stores a [`Library`] and the browser parses JSON for it.

use crate::analysis::compare::{self, Side};
use crate::analysis::export::Json;
use crate::analysis::input::{self, InputError};
use crate::analysis::knowledge::{Knowledge, TopicDef};
use crate::analysis::{order, text};
use crate::corpus::{self, SourceText};
use std::fmt;

/// The name of the workspace file format (sources and topics, as JSON).
pub const FORMAT: &str = "parallax/workspace@1";

/// Most sources a library holds.
pub const MAX_SOURCES: usize = 2000;

/// The reader's sources and topics (the embedded story is not stored in it).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Library {
    pub sources: Vec<SourceText>,
    pub topics: Vec<TopicDef>,
    /// What the analysis found in sources when they were imported, by source id.
    pub digests: Vec<(String, Digest)>,
}

/// A source to add: title (may be empty), text, an optional outlet label, and
/// its digest when the import analysed it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NewSource {
    pub title: String,
    pub text: String,
    pub label: Option<String>,
    pub digest: Option<Digest>,
}

/// What the analysis found in a source: its title (derived when the text has
/// none), how many claims, and its main topics (labels, most claims first).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Digest {
    pub title: String,
    pub claims: usize,
    pub topics: Vec<String>,
}

/// Analyses `source` the way a comparison would and keeps what the sources list shows.
pub fn digest(source: &NewSource, knowledge: &Knowledge) -> Digest {
    let text = SourceText { title: source.title.clone(), text: source.text.clone(), ..SourceText::default() };
    let (summary, claims) = compare::analyze(&text, Side::A, knowledge);
    let mut counts = order::tally(claims.iter().flat_map(|c| c.topics.iter().map(String::as_str)).collect());
    order::sort_by(&mut counts, |x, y| y.1.cmp(&x.1));
    let topics = counts
        .iter()
        .filter_map(|(id, _)| knowledge.topics.iter().find(|t| t.id == *id))
        .take(3)
        .map(|t| t.label.clone())
        .collect();
    Digest { title: summary.title, claims: claims.len(), topics }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    Input(InputError),
    /// The same text is already a source.
    Duplicate {
        title: String,
    },
    /// A file of a kind Parallax does not read.
    UnsupportedFile {
        name: String,
    },
    /// A JSON corpus that is not an array of `{title, text}` objects.
    NotACorpus {
        reason: String,
    },
    Full,
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::Input(e) => e.fmt(f),
            ImportError::Duplicate { title } => write!(f, "this text is already a source (\u{201C}{title}\u{201D})"),
            ImportError::UnsupportedFile { name } => {
                write!(f, "{name}: Parallax reads .txt, .md, .html and .json files")
            }
            ImportError::NotACorpus { reason } => write!(
                f,
                "not a Parallax corpus: {reason}. A corpus is a JSON array of {{\"title\", \"text\"}} objects"
            ),
            ImportError::Full => write!(f, "the library is full ({MAX_SOURCES} sources): delete some first"),
        }
    }
}

impl From<InputError> for ImportError {
    fn from(e: InputError) -> Self {
        ImportError::Input(e)
    }
}

/// What a file holds, by its name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    Text,
    Markdown,
    Html,
    /// A corpus: a JSON array of `{title, text, label?, url?, date?}`.
    Json,
}

impl FileKind {
    pub fn of(name: &str) -> Option<FileKind> {
        let ext = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase())?;
        match ext.as_str() {
            "txt" | "text" => Some(FileKind::Text),
            "md" | "markdown" => Some(FileKind::Markdown),
            "html" | "htm" | "xhtml" => Some(FileKind::Html),
            "json" => Some(FileKind::Json),
            _ => None,
        }
    }
}

/// One entry of a JSON corpus, as the browser read it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CorpusEntry {
    pub title: String,
    pub text: String,
    pub label: Option<String>,
}

/// Turns the bytes of a text, Markdown or HTML file into plain text, with the
/// input checks (empty, binary, not UTF-8, too large).
pub fn file_text(name: &str, bytes: &[u8]) -> Result<(FileKind, String), ImportError> {
    let kind = FileKind::of(name).ok_or_else(|| ImportError::UnsupportedFile { name: name.to_owned() })?;
    let raw = input::read_text(bytes)?;
    let text = match kind {
        FileKind::Html => html_to_text(&raw),
        FileKind::Markdown => markdown_to_text(&raw),
        FileKind::Text | FileKind::Json => raw,
    };
    if text.trim().is_empty() {
        return Err(InputError::Empty.into());
    }
    Ok((kind, text))
}

/// The readable text of an HTML page: `script`, `style` and similar elements are
/// dropped, block elements become paragraph breaks, character references are
/// decoded. Markup is never kept, so nothing of it can run.
pub fn html_to_text(html: &str) -> String {
    const SKIPPED: [&str; 6] = ["script", "style", "noscript", "template", "head", "svg"];
    const BLOCKS: [&str; 14] =
        ["p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "article", "section", "blockquote"];
    let mut out = String::with_capacity(html.len() / 2);
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        out.push_str(&decode_entities(&rest[..open]));
        rest = &rest[open..];
        // Comments and doctype.
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.find("-->").map_or("", |end| &after[end + 3..]);
            continue;
        }
        let Some(close) = rest.find('>') else { break };
        let tag = &rest[1..close];
        rest = &rest[close + 1..];
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .map(|c| c.to_ascii_lowercase())
            .collect();
        if !tag.starts_with('/') && SKIPPED.contains(&name.as_str()) && !tag.ends_with('/') {
            let end = format!("</{name}");
            let lower = rest.to_ascii_lowercase();
            rest = lower.find(&end).map_or("", |at| {
                let after = &rest[at..];
                after.find('>').map_or("", |gt| &after[gt + 1..])
            });
            continue;
        }
        if BLOCKS.contains(&name.as_str()) {
            out.push_str("\n\n");
        }
    }
    out.push_str(&decode_entities(rest));
    // Tidy: collapse blank runs into paragraph breaks.
    let normalized = text::normalize(&out);
    let mut tidy = String::with_capacity(normalized.len());
    for range in text::paragraphs(&normalized) {
        let paragraph: Vec<&str> = normalized[range].split_whitespace().collect();
        if !tidy.is_empty() {
            tidy.push_str("\n\n");
        }
        tidy.push_str(&paragraph.join(" "));
    }
    tidy
}

fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let end = rest.find(';').filter(|&e| e <= 10);
        let decoded = end.and_then(|e| {
            let name = &rest[1..e];
            let named = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some('\u{A0}'),
                "mdash" => Some('\u{2014}'),
                "ndash" => Some('\u{2013}'),
                "lsquo" => Some('\u{2018}'),
                "rsquo" => Some('\u{2019}'),
                "ldquo" => Some('\u{201C}'),
                "rdquo" => Some('\u{201D}'),
                "hellip" => Some('\u{2026}'),
                "eacute" => Some('\u{E9}'),
                "egrave" => Some('\u{E8}'),
                "agrave" => Some('\u{E0}'),
                "auml" => Some('\u{E4}'),
                "ouml" => Some('\u{F6}'),
                "uuml" => Some('\u{FC}'),
                "szlig" => Some('\u{DF}'),
                "ccedil" => Some('\u{E7}'),
                "ntilde" => Some('\u{F1}'),
                "copy" => Some('\u{A9}'),
                "euro" => Some('\u{20AC}'),
                "pound" => Some('\u{A3}'),
                _ => None,
            };
            let numeric = name.strip_prefix('#').and_then(|n| match n.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok(),
                None => n.parse().ok(),
            });
            named.or_else(|| numeric.and_then(char::from_u32)).map(|c| (c, e))
        });
        match decoded {
            Some((c, e)) => {
                out.push(c);
                rest = &rest[e + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Plain text from Markdown: heading marks, emphasis, code marks, link and image
/// syntax and list bullets go; the words stay.
pub fn markdown_to_text(md: &str) -> String {
    let mut out = String::with_capacity(md.len());
    for line in md.lines() {
        let body = line.trim_start().trim_start_matches(['#', '>']).trim_start();
        let line = ["- ", "* ", "+ "].iter().find_map(|bullet| body.strip_prefix(bullet)).unwrap_or(body);
        let mut text = String::with_capacity(line.len());
        let mut chars = line.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            match c {
                '*' | '_' | '`' => {}
                '!' if line[i + 1..].starts_with('[') => {}
                '[' => {
                    // [words](url): keep the words.
                    if let Some(close) = line[i..].find("](") {
                        let words = &line[i + 1..i + close];
                        let after = &line[i + close + 2..];
                        if let Some(paren) = after.find(')') {
                            text.push_str(words);
                            let skip_to = i + close + 2 + paren + 1;
                            while chars.peek().is_some_and(|&(j, _)| j < skip_to) {
                                chars.next();
                            }
                            continue;
                        }
                    }
                    text.push(c);
                }
                _ => text.push(c),
            }
        }
        out.push_str(&text);
        out.push('\n');
    }
    out
}

/// Sources as a JSON corpus, `[{title, text, label?, digest?}]`: how the import
/// worker hands analysed sources to the page (which reads any corpus the same way).
pub fn corpus_json(sources: &[NewSource]) -> String {
    let mut j = Json::default();
    j.open('[');
    for s in sources {
        j.item();
        j.open('{');
        j.field("title", &s.title);
        j.field("text", &s.text);
        if let Some(label) = &s.label {
            j.field("label", label);
        }
        write_digest(&mut j, s.digest.as_ref());
        j.close('}');
    }
    j.close(']');
    j.finish()
}

/// `"digest": {title, claims, topics}`, when there is one.
fn write_digest(j: &mut Json, digest: Option<&Digest>) {
    let Some(d) = digest else { return };
    j.key("digest");
    j.open('{');
    j.field("title", &d.title);
    j.key("claims");
    j.raw(&d.claims.to_string());
    j.strings("topics", d.topics.iter().map(String::as_str));
    j.close('}');
}

/// A short stable fingerprint of a text, whitespace-insensitive (FNV-1a over its
/// words, each followed by one space). Byte by byte, decoding only non-ASCII
/// characters: a 1,000-article import fingerprints megabytes.
pub fn fingerprint(text: &str) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut mix = |byte: u8| {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x100_0000_01b3);
    };
    let bytes = text.as_bytes();
    let (mut i, mut in_word) = (0, false);
    while i < bytes.len() {
        let (space, len) = match bytes[i] {
            b if b.is_ascii() => (matches!(b, b' ' | b'\t'..=b'\r'), 1),
            _ => text[i..].chars().next().map_or((false, 1), |c| (c.is_whitespace(), c.len_utf8())),
        };
        if space {
            if in_word {
                mix(b' ');
            }
        } else {
            bytes[i..i + len].iter().for_each(|&b| mix(b));
        }
        in_word = !space;
        i += len;
    }
    if in_word {
        mix(b' ');
    }
    hash
}

impl Library {
    /// Every source: the embedded story first, then the reader's.
    pub fn all(&self) -> impl Iterator<Item = &SourceText> {
        corpus::embedded().iter().chain(&self.sources)
    }

    pub fn find(&self, id: &str) -> Option<&SourceText> {
        self.all().find(|s| s.id == id)
    }

    /// Adds a source under a fresh id. `title` may be empty (the analysis derives one).
    pub fn add(&mut self, title: &str, text: &str, label: Option<&str>) -> Result<&SourceText, ImportError> {
        let source =
            NewSource { title: title.to_owned(), text: text.to_owned(), label: label.map(str::to_owned), digest: None };
        let (_, refused) = self.add_all(vec![source]);
        match refused.into_iter().next() {
            Some(problem) => Err(problem),
            None => Ok(self.sources.last().expect("just added")),
        }
    }

    /// Adds sources under fresh ids, in order; returns how many were added and
    /// why the others were refused. Linear in the library's size: duplicates are
    /// found by fingerprint, each text hashed once.
    pub fn add_all(&mut self, sources: Vec<NewSource>) -> (usize, Vec<ImportError>) {
        // Fingerprints of every text, sorted, with the name a duplicate is reported by.
        let mut prints: Vec<(u64, String)> = self
            .all()
            .map(|s| (fingerprint(&s.text), if s.title.is_empty() { s.id.clone() } else { s.title.clone() }))
            .collect();
        order::sort_by(&mut prints, |x, y| x.0.cmp(&y.0));
        let mut next =
            self.sources.iter().filter_map(|s| s.id.strip_prefix('u')?.parse::<usize>().ok()).max().unwrap_or(0) + 1;
        let (mut added, mut refused) = (0, Vec::new());
        for source in sources {
            let text = source.text;
            let id = format!("u{next}");
            let title = source.title.trim().to_owned();
            let problem = if text.trim().is_empty() {
                Some(InputError::Empty.into())
            } else if text.len() > input::MAX_BYTES {
                Some(InputError::TooLarge { bytes: text.len() }.into())
            } else if self.sources.len() >= MAX_SOURCES {
                Some(ImportError::Full)
            } else {
                let print = fingerprint(&text);
                match prints.binary_search_by(|(p, _)| p.cmp(&print)) {
                    Ok(at) => Some(ImportError::Duplicate { title: prints[at].1.clone() }),
                    Err(at) => {
                        prints.insert(at, (print, if title.is_empty() { id.clone() } else { title.clone() }));
                        None
                    }
                }
            };
            if let Some(problem) = problem {
                refused.push(problem);
                continue;
            }
            next += 1;
            if let Some(digest) = source.digest {
                self.digests.push((id.clone(), digest));
            }
            self.sources.push(SourceText {
                id,
                label: source
                    .label
                    .as_deref()
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .unwrap_or("Your source")
                    .to_owned(),
                title,
                title_derived: false,
                text,
                story: None,
            });
            added += 1;
        }
        (added, refused)
    }

    /// The workspace file (`parallax/workspace@1`): `{format, sources: [{id,
    /// label, title, text, digest?}], topics: [{id, label, description, terms}]}`.
    pub fn to_json(&self) -> String {
        let mut j = Json::default();
        j.open('{');
        j.field("format", FORMAT);
        j.objects("sources", &self.sources, |j, s| {
            j.field("id", &s.id);
            j.field("label", &s.label);
            j.field("title", &s.title);
            j.field("text", &s.text);
            // Only where they say something (the reader's own sources carry neither).
            if s.title_derived {
                j.key("title_derived");
                j.raw("true");
            }
            j.optional("story", s.story.as_deref());
            write_digest(j, self.digest(&s.id));
        });
        j.objects("topics", &self.topics, |j, t| {
            j.field("id", &t.id);
            j.field("label", &t.label);
            j.field("description", &t.description);
            j.strings("terms", t.terms.iter().map(String::as_str));
        });
        j.close('}');
        j.finish()
    }

    /// What the analysis found in a source when it was imported.
    pub fn digest(&self, id: &str) -> Option<&Digest> {
        self.digests.iter().find(|(of, _)| of == id).map(|(_, digest)| digest)
    }

    /// The reader's sources (their indexes in `sources`) whose name, label,
    /// topics or text contain `query`, ignoring case; all of them for an empty
    /// query. Linear in the text.
    pub fn find_sources(&self, query: &str) -> Vec<usize> {
        let query = text::lowercase(query.trim());
        let contains = |s: &str| text::contains_folded(s, &query);
        (0..self.sources.len())
            .filter(|&i| {
                let s = &self.sources[i];
                query.is_empty()
                    || contains(&self.name_of(s))
                    || contains(&s.label)
                    || self.digest(&s.id).is_some_and(|d| d.topics.iter().any(|t| contains(t)))
                    || contains(&s.text)
            })
            .collect()
    }

    /// What the sources list says of a source besides its name: size, and the
    /// claims and main topics its digest found (" · 6 KB · 39 claims · Rescue effort").
    pub fn details(&self, source: &SourceText) -> String {
        let mut out = format!(" \u{b7} {} KB", source.text.len().div_ceil(1000));
        if let Some(d) = self.digest(&source.id) {
            out.push_str(&format!(" \u{b7} {} claims", d.claims));
            if !d.topics.is_empty() {
                out.push_str(&format!(" \u{b7} {}", d.topics.join(", ")));
            }
        }
        out
    }

    /// The name the reader knows a source by: its title, the title the analysis
    /// derived, or its first words.
    pub fn name_of(&self, source: &SourceText) -> String {
        if !source.title.is_empty() {
            return source.title.clone();
        }
        match self.digest(&source.id) {
            Some(digest) if !digest.title.is_empty() => digest.title.clone(),
            _ => source.text.split_whitespace().take(10).collect::<Vec<_>>().join(" ") + "\u{2026}",
        }
    }

    /// Removes one of the reader's sources (the embedded ones stay).
    pub fn remove(&mut self, id: &str) -> bool {
        let before = self.sources.len();
        self.sources.retain(|s| s.id != id);
        self.digests.retain(|(of, _)| of != id);
        self.sources.len() != before
    }

    /// Adds a topic from a label and comma-separated terms.
    pub fn add_topic(&mut self, label: &str, terms: &str) -> Result<&TopicDef, String> {
        let label = label.trim();
        let terms: Vec<String> =
            terms.split([',', ';', '\n']).map(str::trim).filter(|t| !t.is_empty()).map(str::to_owned).collect();
        if label.is_empty() {
            return Err("a topic needs a label".into());
        }
        if terms.is_empty() {
            return Err("a topic needs at least one term (separate terms with commas)".into());
        }
        let slug: String =
            label.chars().map(|c| if c.is_alphanumeric() { c.to_ascii_lowercase() } else { '-' }).collect();
        let id = format!("user-{}", slug.trim_matches('-'));
        if self.topics.iter().any(|t| t.id == id) {
            return Err(format!("there is already a topic \u{201C}{label}\u{201D}"));
        }
        self.topics.push(TopicDef {
            id,
            label: label.to_owned(),
            description: format!("Your topic: {}", terms.join(", ")),
            terms,
        });
        Ok(self.topics.last().expect("just pushed"))
    }

    pub fn remove_topic(&mut self, id: &str) -> bool {
        let before = self.topics.len();
        self.topics.retain(|t| t.id != id);
        self.topics.len() != before
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_becomes_text_without_markup_or_script() {
        let cases = [
            ("<p>One &amp; two</p><p>Three</p>", "One & two\n\nThree"),
            ("<script>alert(1)</script><p>Safe</p>", "Safe"),
            ("<img src=x onerror=alert(1)>Text", "Text"),
            ("<a href=\"javascript:alert(1)\">link</a> text", "link text"),
            ("<STYLE>p{}</STYLE>Caf&eacute; &#8220;q&#x201D; &bogus; a&b", "Caf\u{E9} \u{201C}q\u{201D} &bogus; a&b"),
            ("a<!-- hidden -->b", "ab"),
            ("<head><title>T</title></head><body>B</body>", "B"),
        ];
        for (html, expected) in cases {
            assert_eq!(html_to_text(html), expected, "html {html:?}");
        }
    }

    #[test]
    fn markdown_becomes_text() {
        let md = "# Title\n\nSome *emphasis* and a [link](https://x.io).\n- item";
        assert_eq!(markdown_to_text(md), "Title\n\nSome emphasis and a link.\nitem\n");
    }

    #[test]
    fn library_refuses_duplicates_and_empty_text() {
        let mut library = Library::default();
        assert_eq!(library.add("", "  ", None).unwrap_err(), ImportError::Input(InputError::Empty));
        let id = library.add("Mine", "Some text here.", None).unwrap().id.clone();
        assert_eq!(id, "u1");
        let again = library.add("Other", "Some   text here.", None).unwrap_err();
        assert_eq!(again, ImportError::Duplicate { title: "Mine".into() });
        let embedded = corpus::embedded()[0].text.clone();
        assert!(matches!(library.add("Copy", &embedded, None), Err(ImportError::Duplicate { .. })));
        assert!(library.remove("u1"));
        assert_eq!(library.add("Mine", "Some text here.", None).unwrap().id, "u1");
    }

    #[test]
    fn fingerprints_ignore_whitespace_only() {
        let same = [
            ("one two", "one   two"),
            ("one two", " one\ttwo\n"),
            ("one two", "one\u{A0}two"),
            ("caf\u{E9} ok", "caf\u{E9}\u{2003}ok"),
        ];
        for (a, b) in same {
            assert_eq!(fingerprint(a), fingerprint(b), "{a:?} ~ {b:?}");
        }
        let different = [("one two", "onetwo"), ("one two", "one two."), ("caf\u{E9}", "cafe")];
        for (a, b) in different {
            assert_ne!(fingerprint(a), fingerprint(b), "{a:?} vs {b:?}");
        }
    }

    #[test]
    fn add_all_refuses_duplicates_within_a_batch_and_keeps_digests() {
        let mut library = Library::default();
        let source = |title: &str, text: &str| NewSource {
            title: title.into(),
            text: text.into(),
            digest: Some(Digest { title: format!("{title}!"), claims: 2, topics: vec!["T".into()] }),
            ..NewSource::default()
        };
        let (added, refused) = library.add_all(vec![
            source("One", "First text."),
            source("Two", "Second text."),
            source("Again", "First   text."),
            source("", " "),
        ]);
        assert_eq!(added, 2);
        assert_eq!(refused, [ImportError::Duplicate { title: "One".into() }, ImportError::Input(InputError::Empty)]);
        assert_eq!(library.digest("u2").map(|d| d.title.as_str()), Some("Two!"));
        assert!(library.remove("u1"));
        assert_eq!(library.digest("u1"), None);
        assert_eq!(library.find_sources("second").len(), 1);
        assert_eq!(library.find_sources("SECOND TEXT").len(), 1);
        assert_eq!(library.find_sources("").len(), 1);
        assert_eq!(library.find_sources("nowhere").len(), 0);
    }

    #[test]
    fn workspace_json_is_valid_and_carries_digests() {
        let mut library = Library::default();
        let digest = Digest { title: "Derived".into(), claims: 3, topics: vec!["A \"quoted\" topic".into()] };
        let text = "Line \"one\"\nline\ttwo \\ \u{1}\u{201C}".to_owned();
        library.add_all(vec![NewSource { text: text.clone(), digest: Some(digest), ..NewSource::default() }]);
        library.add_topic("Chips", "chip, fab").unwrap();
        let json: serde_json::Value = serde_json::from_str(&library.to_json()).expect("valid JSON");
        assert_eq!(json["format"], FORMAT);
        assert_eq!(json["sources"][0]["text"], text.as_str());
        assert_eq!(json["sources"][0]["digest"]["claims"], 3);
        assert_eq!(json["sources"][0]["digest"]["topics"][0], "A \"quoted\" topic");
        assert_eq!(json["topics"][0]["terms"][1], "fab");
        assert_eq!(library.name_of(&library.sources[0]), "Derived");
        assert_eq!(library.details(&library.sources[0]), " \u{b7} 1 KB \u{b7} 3 claims \u{b7} A \"quoted\" topic");
    }

    #[test]
    fn corpus_json_is_a_corpus_with_digests() {
        let digest = Digest { title: "T".into(), claims: 1, topics: Vec::new() };
        let sources = [
            NewSource { title: "One".into(), text: "a \"b\"".into(), label: Some("X".into()), digest: Some(digest) },
            NewSource { text: "c".into(), ..NewSource::default() },
        ];
        let json: serde_json::Value = serde_json::from_str(&corpus_json(&sources)).expect("valid JSON");
        assert_eq!(json[0]["text"], "a \"b\"");
        assert_eq!(json[0]["label"], "X");
        assert_eq!(json[0]["digest"]["claims"], 1);
        assert_eq!(json[1]["title"], "");
        assert!(json[1].get("digest").is_none() && json[1].get("label").is_none());
        assert_eq!(corpus_json(&[]), "[]");
    }

    #[test]
    fn digests_name_claims_and_topics() {
        let source = NewSource { text: corpus::embedded()[0].text.clone(), ..NewSource::default() };
        let digest = digest(&source, Knowledge::embedded());
        assert!(digest.claims > 10, "{digest:?}");
        assert!(!digest.title.is_empty());
        assert!((1..=3).contains(&digest.topics.len()), "{digest:?}");
    }

    #[test]
    fn topics_need_a_label_and_terms() {
        let mut library = Library::default();
        assert!(library.add_topic("", "x").is_err());
        assert!(library.add_topic("Chips", " , ").is_err());
        let topic = library.add_topic("Chips & fabs", "chip, foundry; TSMC").unwrap();
        assert_eq!(topic.id, "user-chips---fabs");
        assert_eq!(topic.terms, ["chip", "foundry", "TSMC"]);
        assert!(library.add_topic("Chips & fabs", "x").is_err());
    }

    #[test]
    fn file_kinds_and_checks() {
        assert_eq!(FileKind::of("a.HTML"), Some(FileKind::Html));
        assert_eq!(FileKind::of("paper.pdf"), None);
        assert!(matches!(file_text("paper.pdf", b"%PDF-1.4"), Err(ImportError::UnsupportedFile { .. })));
        assert!(matches!(file_text("x.txt", b"%PDF-1.4"), Err(ImportError::Input(InputError::Binary { .. }))));
        assert_eq!(file_text("x.html", b"<script>x</script>"), Err(ImportError::Input(InputError::Empty)));
        assert_eq!(file_text("x.md", b"# Hi").unwrap().1, "Hi\n");
    }
}
