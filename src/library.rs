//! The reader's own sources and topics: turning pasted text, text, Markdown and
//! HTML files and JSON corpora into sources, refusing duplicates, and keeping them
//! beside the embedded story. Pure Rust: **it never depends on `yew`, `web-sys` or
//! `gloo`**; the app stores a [`Library`] and the browser parses JSON for it.

use crate::analysis::input::{self, InputError};
use crate::analysis::knowledge::TopicDef;
use crate::analysis::text;
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
            .flat_map(|c| c.to_lowercase())
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

/// A short stable fingerprint of a text, whitespace-insensitive (FNV-1a).
pub fn fingerprint(text: &str) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for word in text.split_whitespace() {
        for byte in word.bytes().chain(std::iter::once(b' ')) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x100_0000_01b3);
        }
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
        if text.trim().is_empty() {
            return Err(InputError::Empty.into());
        }
        if text.len() > input::MAX_BYTES {
            return Err(InputError::TooLarge { bytes: text.len() }.into());
        }
        if self.sources.len() >= MAX_SOURCES {
            return Err(ImportError::Full);
        }
        let print = fingerprint(text);
        if let Some(same) = self.all().find(|s| fingerprint(&s.text) == print) {
            let title = if same.title.is_empty() { same.id.clone() } else { same.title.clone() };
            return Err(ImportError::Duplicate { title });
        }
        let next =
            self.sources.iter().filter_map(|s| s.id.strip_prefix('u')?.parse::<usize>().ok()).max().unwrap_or(0) + 1;
        self.sources.push(SourceText {
            id: format!("u{next}"),
            label: label.map(str::trim).filter(|l| !l.is_empty()).unwrap_or("Your source").to_owned(),
            title: title.trim().to_owned(),
            title_derived: false,
            text: text.to_owned(),
        });
        Ok(self.sources.last().expect("just pushed"))
    }

    /// Removes one of the reader's sources (the embedded ones stay).
    pub fn remove(&mut self, id: &str) -> bool {
        let before = self.sources.len();
        self.sources.retain(|s| s.id != id);
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
