//! Cleaning: separate the article body from page furniture, and find its sections.
//!
//! Nothing is dropped silently: every removed line is reported with its kind and
//! reason, and credit lines ("Source: BBC") become the outlets an article cites.
//! The patterns live in `data/furniture.json`.

use super::knowledge::List;
use super::phrases;
use super::text;

/// A pattern for page furniture (`data/furniture.json`).
#[derive(Debug)]
pub struct FurnitureRule {
    pub kind: &'static str,
    pub reason: &'static str,
    /// Lines starting with one of these (case-insensitive).
    pub prefixes: List,
    /// Whole lines equal to one of these.
    pub lines: List,
    /// Lines containing one of these.
    pub contains: List,
}

#[derive(Debug)]
pub struct Furniture {
    pub rules: &'static [FurnitureRule],
    /// Per rule, its patterns lowercased once (not once per line).
    folded: Vec<FoldedRule>,
}

/// A rule's patterns, lowercased: whole lines (without closing punctuation),
/// prefixes (with their length in characters of the original) and contained text.
#[derive(Debug)]
struct FoldedRule {
    lines: Vec<String>,
    prefixes: Vec<(String, usize)>,
    contains: Vec<String>,
}

/// What a whole-line pattern and a line are compared without.
fn bare(lower: &str) -> &str {
    lower.trim_end_matches(['.', ':', '!', ' '])
}

impl Furniture {
    pub fn new(rules: &'static [FurnitureRule]) -> Self {
        let folded = rules
            .iter()
            .map(|rule| FoldedRule {
                lines: rule.lines.iter().map(|l| bare(&text::lowercase(l)).to_owned()).collect(),
                prefixes: rule.prefixes.iter().map(|p| (text::lowercase(p), p.chars().count())).collect(),
                contains: rule.contains.iter().map(text::lowercase).collect(),
            })
            .collect();
        Furniture { rules, folded }
    }

    /// The reason `data/furniture.json` gives for its rule of `kind` ("byline").
    fn reason(&self, kind: &str) -> &'static str {
        self.rules.iter().find(|r| r.kind == kind).map_or("page furniture, not what the article reports", |r| r.reason)
    }

    /// The rule a line falls under, if any, and for prefix rules the rest of the line.
    fn classify<'l>(&self, line: &'l str) -> Option<(&FurnitureRule, &'l str)> {
        let lower = text::lowercase(line);
        let bare = bare(&lower);
        // A bio is a line of its own, not a paragraph that mentions a reporter.
        let short = line.split_whitespace().nth(CONTAINS_MAX_WORDS).is_none();
        self.rules.iter().zip(&self.folded).find_map(|(rule, folded)| {
            if folded.lines.iter().any(|l| l == bare) {
                return Some((rule, ""));
            }
            if let Some((_, chars)) = folded.prefixes.iter().find(|(p, _)| lower.starts_with(p.as_str())) {
                // `to_lowercase` can change byte lengths; cut the original by characters.
                let rest_start = line.char_indices().nth(*chars).map_or(line.len(), |(at, _)| at);
                return Some((rule, line[rest_start..].trim()));
            }
            (short && folded.contains.iter().any(|c| lower.contains(c.as_str()))).then_some((rule, ""))
        })
    }
}

/// A line that is not part of the article body.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Removed {
    /// `title`, `promo`, `comments`, `link_spam`, `share`, `credit`, `caption`, …
    pub kind: String,
    pub text: String,
    pub reason: String,
}

impl Removed {
    fn new(kind: &str, text: &str, reason: &str) -> Self {
        Removed { kind: kind.into(), text: text.into(), reason: reason.into() }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum BlockKind {
    Heading,
    Paragraph,
}

/// A heading or a paragraph of the cleaned text, as a byte range into it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Block {
    pub kind: BlockKind,
    pub start: usize,
    pub end: usize,
}

/// The article body: headings and paragraphs separated by blank lines, plus
/// everything that was taken out of it. Only the text and blocks are shipped with
/// the comparison: the rest is in its [`SourceSummary`](super::compare::SourceSummary)
/// (`removed`, `cited`, `title`) and empty on the page.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Cleaned {
    pub text: String,
    pub blocks: Vec<Block>,
    #[serde(skip)]
    pub removed: Vec<Removed>,
    /// Outlets named in credit lines, in order of appearance.
    #[serde(skip)]
    pub cited: Vec<String>,
    /// The first line, when it was taken as the title.
    #[serde(skip)]
    pub title: Option<String>,
}

impl Cleaned {
    pub fn block_text(&self, block: &Block) -> &str {
        &self.text[block.start..block.end]
    }
}

/// `contains` patterns match lines of at most this many words.
const CONTAINS_MAX_WORDS: usize = 40;

const HEADING_MAX_WORDS: usize = 12;
const HEADING_MAX_CHARS: usize = 90;

/// Whether a single line reads as a section heading: short, starting with a capital
/// or a digit, with no closing punctuation.
pub fn looks_like_heading(line: &str) -> bool {
    let line = line.trim();
    // Most lines are paragraphs: too long, told without counting their words.
    if line.chars().nth(HEADING_MAX_CHARS).is_some() {
        return false;
    }
    let words = line.split_whitespace().count();
    let first = line.chars().next();
    let last = line.chars().last();
    words > 0
        && words <= HEADING_MAX_WORDS
        && line.chars().count() <= HEADING_MAX_CHARS
        && first.is_some_and(|c| c.is_uppercase() || c.is_numeric())
        && last.is_some_and(|c| {
            !matches!(c, '.' | ',' | ';' | ':' | '!' | '\u{201D}' | '"' | '\u{201C}' | '-' | '\u{2014}')
        })
        && line.chars().any(char::is_alphabetic)
}

/// A line of part numbers or similar codes ("NL12876AC18-03 FZ400R12KL4C"): at least
/// two code-like words and no more ordinary lowercase words than codes.
fn looks_like_codes(line: &str) -> bool {
    // Two codes take four digits: prose rarely has them, and is told at once.
    if line.bytes().filter(u8::is_ascii_digit).count() < 4 {
        return false;
    }
    let mut codes = 0;
    let mut plain = 0;
    for word in line.split_whitespace() {
        let letters = word.chars().filter(|c| c.is_alphabetic()).count();
        let digits = word.chars().filter(|c| c.is_ascii_digit()).count();
        if letters > 0 && digits >= 2 && word.len() >= 6 {
            codes += 1;
        } else if word.chars().any(char::is_lowercase) {
            plain += 1;
        }
    }
    codes >= 2 && plain <= codes
}

/// The text after a dateline: a place in capitals with an agency in brackets and
/// a dash ("PARIS (Reuters) - ", "ADDIS ABABA, Ethiopia (AP) —", "(CNN) --"), or without an
/// agency before a dash or a colon ("LIMA, Peru — ", "UNITED NATIONS: "). A
/// live-blog marker in capitals ("WATCH:", "BREAKING -") is no place. With an
/// agency, a place in title case is one the gazetteer knows, and a date may follow
/// it ("London, Aug. 3, (PA Media/dpa) –", "Mannheim, Germany (Sports Network) -").
fn after_dateline(line: &str) -> Option<&str> {
    const MARKERS: [&str; 10] =
        ["WATCH", "BREAKING", "UPDATE", "UPDATED", "VIDEO", "PHOTOS", "LIVE", "EXCLUSIVE", "OPINION", "ANALYSIS"];
    let dash = |rest: &str, marks: &[&str]| marks.iter().find(|d| rest.starts_with(**d)).map(|d| d.len());
    // "PARIS (Reuters) -": the place, the agency, then the dash.
    let (place, body, agency) = match line.find(" (") {
        Some(open) if line[open..].find(')').is_some() => {
            let close = open + line[open..].find(')')?;
            let agency = &line[open + 2..close];
            let agency_ok = !agency.is_empty()
                && agency.split_whitespace().count() <= 3
                && agency.starts_with(|c: char| c.is_uppercase());
            let rest = line[close + 1..].trim_start();
            let after = dash(rest, &["--", "-", "\u{2014}", "\u{2013}"]).filter(|_| agency_ok)?;
            (&line[..open], &rest[after..], true)
        }
        // "LIMA, Peru — ": the first dash or colon after the place.
        _ => {
            let end = line.find([':', '-', '\u{2014}', '\u{2013}'])?;
            let rest = &line[end..];
            let after = dash(rest, &["- ", "\u{2014}", "\u{2013}", ": "])?;
            let place = line[..end].trim_end();
            // Without an agency the place is short and not a marker, and a sentence
            // follows it: "NCAA: Improper gifts, assistance given" is a headline.
            let sentence = line.trim_end().ends_with(['.', '!', '?', '"', '\u{201D}']);
            if !sentence || place.split_whitespace().count() > 4 || MARKERS.contains(&place) {
                return None;
            }
            (place, &rest[after..], false)
        }
    };
    let capitals = place.split_whitespace().all(|w| w.starts_with(|c: char| c.is_uppercase()))
        && place.split(',').next().is_some_and(|city| {
            city.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && city.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase)
        });
    let place_ok =
        !place.is_empty() && place.chars().count() <= 40 && (capitals || agency && known_place_and_date(place));
    let body = body.trim_start();
    (place_ok && body.starts_with(|c: char| c.is_uppercase() || c == '\u{201C}' || c == '"')).then_some(body)
}

/// A dateline's place in title case (before an agency in brackets): parts between
/// commas that are known places, the first of them one, and at most a date after
/// them ("London, Aug. 3,", "Mannheim, Germany").
fn known_place_and_date(place: &str) -> bool {
    // "Aug. 3", "August 3", "2019": a month and figures.
    let date = |part: &str| {
        part.split_whitespace().all(|w| {
            let w = w.trim_end_matches('.');
            w.chars().all(|c| c.is_ascii_digit()) || phrases::is_month(&text::lowercase(w))
        })
    };
    let parts: Vec<&str> = place.split(',').map(str::trim).filter(|p| !p.is_empty()).collect();
    let places = parts.iter().take_while(|p| super::knowledge::is_place(p)).count();
    places >= 1 && parts[places..].iter().all(|p| date(p)) && parts.len() - places <= 2
}

/// The text after a time stamp that opens a line ("Updated: May 24, 2005, 3:23 PM ET
/// Maurice Cheeks is…", "Published 5 March 2019", "01:39 - Source: CNN"): empty when
/// the line is only the stamp. A stamp opens with "Published", "Updated", "Posted"
/// (or a clock time) and runs over dates, times and zones.
fn after_timestamp(line: &str) -> Option<&str> {
    let lead = |w: &str| {
        matches!(
            text::lowercase(w.trim_end_matches(':')).as_str(),
            "published" | "updated" | "posted" | "last" | "first" | "source"
        )
    };
    let timey = |w: &str| {
        let bare = w.trim_matches([',', '.', ':', '|', '(', ')']);
        let lower = text::lowercase(bare);
        // "Thu", "Wed.": a weekday's first three letters.
        let weekday_short =
            lower.len() == 3 && super::knowledge::weekdays().iter().any(|d| d.starts_with(lower.as_str()));
        bare.is_empty()
            || bare.starts_with(|c: char| c.is_ascii_digit())
            || phrases::is_month(&lower)
            || phrases::is_weekday(&lower)
            || weekday_short
            || matches!(lower.as_str(), "am" | "pm" | "a.m" | "p.m" | "at" | "-" | "/" | "\u{2013}" | "\u{2014}")
            // "4:08 p. m. ET": the detokenised "p.m.".
            || matches!(w, "a." | "p." | "m.")
            || (bare.len() <= 4 && bare.len() >= 2 && bare.chars().all(|c| c.is_ascii_uppercase()))
    };
    let mut words = line.split_whitespace();
    let first = words.next()?;
    let clock = (first.contains(':') && first.trim_end_matches(':').chars().all(|c| c.is_ascii_digit() || c == ':'))
        || dotted_clock(first, words.next().unwrap_or(""));
    // "16 September 2013 Last updated at 12:42 GMT": a date may come first.
    let dated = first.starts_with(|c: char| c.is_ascii_digit());
    if !lead(first) && !clock && !dated {
        return None;
    }
    let mut end = 0;
    let mut digits = false;
    let mut led = lead(first) || clock;
    let mut at = 0;
    let mut after_lead = false;
    for word in line.split_whitespace() {
        let start = at + line[at..].find(word)?;
        at = start + word.len();
        // "Posted on: 3:35 pm, …": "on" right after a stamp's lead word.
        let on = after_lead && matches!(word, "on" | "on:");
        after_lead = lead(word);
        if lead(word) || timey(word) || on {
            digits |= word.contains(|c: char| c.is_ascii_digit());
            led |= lead(word);
            end = at;
        } else if clock && text::lowercase(word).starts_with("source") {
            end = line.len();
            break;
        } else {
            break;
        }
    }
    // A stamp has a date or a time; "Updated figures show…" is a sentence, and so
    // is a line that only opens with a date ("16 September 2013 was…").
    (digits && led && end > 0).then(|| line[end..].trim_start())
}

/// A clock time written with a dot, which only its "am" or "pm" tells from a
/// figure: "8.00am", "8.00 p.m.".
fn dotted_clock(word: &str, next: &str) -> bool {
    let (lower, next) = (text::lowercase(word), text::lowercase(next));
    // "8.00 p.m.": the "am" or "pm" as a word of its own.
    let apart = !text::MERIDIEMS.iter().any(|m| lower.ends_with(m)) && text::MERIDIEMS.contains(&next.as_str());
    let written = if apart { format!("{lower}{next}") } else { lower };
    text::meridiem_clock(&written).is_some_and(|(_, minutes)| !minutes.is_empty())
}

/// Whether a line is a byline: "By" and a name or two in capitals or title case
/// ("By DEBORAH ZABARENKO", "By Jane Doe and Ali Reza"), not a sentence ("By Monday
/// the fire was out.").
fn is_byline(line: &str) -> bool {
    let Some(names) = line.strip_prefix("By ") else { return false };
    let words: Vec<&str> = names.split_whitespace().collect();
    (2..=8).contains(&words.len())
        && !line.ends_with(['.', '!', '?', ':'])
        && words.iter().all(|w| *w == "and" || w.starts_with(|c: char| c.is_uppercase()))
        && words
            .first()
            .is_some_and(|w| !phrases::is_weekday(&text::lowercase(w)) && !phrases::is_month(&text::lowercase(w)))
}

/// Whether a line is only the outlets or agencies that filed the story ("AFP-JIJI",
/// "Reuters/AP", "CNN and AP"), each one known to `data/general/outlets.tsv` or
/// `cited` already by the article (in a dateline's brackets, say).
fn only_outlets(line: &str, cited: &[String]) -> bool {
    let line = line.trim();
    if line.is_empty() || line.split_whitespace().count() > 6 || line.ends_with(['.', '!', '?', '"']) {
        return false;
    }
    // A dash joins agencies too ("AFP-JIJI"), once the whole line is not one name.
    let parts = outlets(&line.replace(['-', '\u{2013}', '\u{2014}'], "/"));
    let known = |name: &str| super::knowledge::is_outlet(name) || cited.iter().any(|c| c == name);
    known(line) || (!parts.is_empty() && parts.iter().all(|p| known(p)))
}

/// A time stamp inside a line, after its text ("…creating a melee. PUBLISHED: MONDAY,
/// MARCH 11, 2013, 10:34 PM Anger over…", "Thursday, Apr 2, 2009 | Updated 1:32 PM
/// PDT"), where text pasted from a page runs on: the text before it, the stamp, and the
/// text after it. Inside a line a stamp opens with its word in capitals, or capitalised
/// before a figure, so "Last 12 months" and "Updated figures show" are no stamps.
fn inner_timestamp(line: &str) -> Option<(&str, &str, &str)> {
    line.match_indices(' ').find_map(|(space, _)| {
        let start = space + 1;
        let mut words = line[start..].split_whitespace();
        let word = words.next()?.trim_end_matches(':');
        let before_figure = words.next().is_some_and(|w| w.starts_with(|c: char| c.is_ascii_digit()));
        let lead = matches!(word, "PUBLISHED" | "UPDATED" | "POSTED")
            || (matches!(word, "Published" | "Updated" | "Posted") && before_figure);
        let body = if lead { after_timestamp(&line[start..])? } else { return None };
        let before = line[..start].trim_end();
        let end = line.len() - body.len();
        (!before.is_empty()).then(|| (before, line[start..end].trim(), body))
    })
}

/// Adds outlets to those the article cites, each once.
fn cite(cited: &mut Vec<String>, outlets: Vec<String>) {
    for outlet in outlets {
        if !cited.contains(&outlet) {
            cited.push(outlet);
        }
    }
}

/// Splits a credit ("BBC, Reuters and AP") into outlet names.
fn outlets(credit: &str) -> Vec<String> {
    credit
        .split([',', ';', '&', '/', '|'])
        .flat_map(|part| part.split(" and "))
        .map(|s| s.trim().trim_end_matches('.').trim_matches(['(', ')', '[', ']']).trim())
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

/// A line without its list bullet ("- The quake struck…", "• …"): the bullet is
/// layout, not text.
fn without_bullet(line: &str) -> &str {
    let line = line.trim();
    ["- ", "\u{2022} ", "* ", "\u{2013} "].iter().find_map(|b| line.strip_prefix(b)).map_or(line, str::trim_start)
}

/// A line repeated word for word is taken out only when it has at least this
/// many words: a short one ("Yes.", a quoted "No comment.") may well say it twice.
const REPEAT_MIN_WORDS: usize = 8;

/// Why a time stamp is taken out.
const STAMP: &str = "a time stamp or live-blog marker";

/// Cleans a raw article. `title` is the known title, if any: a first line equal
/// to it is removed as the title. Without one, a first line that reads as a heading
/// and is followed by body text is taken as the title.
pub fn clean(raw: &str, title: Option<&str>, furniture: &Furniture) -> Cleaned {
    let normalized = text::normalize(raw);
    let mut out = Cleaned::default();
    let mut pending: Vec<(BlockKind, String)> = Vec::new();
    // The body's lines so far, to tell a repeated one.
    let mut seen: Vec<&str> = Vec::new();

    for range in text::paragraphs(&normalized) {
        let paragraph = &normalized[range];
        let mut kept: Vec<&str> = Vec::new();
        for line in paragraph.lines().map(without_bullet).filter(|l| !l.is_empty()) {
            // The title may follow page furniture, but not body text.
            if pending.is_empty() && kept.is_empty() && out.title.is_none() && is_title(line, title) {
                out.title = Some(line.to_owned());
                out.removed.push(Removed::new("title", line, "the article's title line, shown as its heading"));
            } else if out.title.as_deref().is_some_and(|t| is_title(line, Some(t))) {
                out.removed.push(Removed::new("title", line, "the article's title, repeated"));
            } else if let Some(body) = after_timestamp(line) {
                out.removed.push(Removed::new("timestamp", line[..line.len() - body.len()].trim(), STAMP));
                // "8.00am - By DEBORAH ZABARENKO": the byline after the stamp.
                if is_byline(body) {
                    out.removed.push(Removed::new("byline", body, furniture.reason("byline")));
                } else if !body.is_empty() {
                    kept.push(body);
                }
            } else if is_byline(line) {
                out.removed.push(Removed::new("byline", line, furniture.reason("byline")));
            } else if let Some((rule, rest)) = furniture.classify(line) {
                if rule.kind == "credit" {
                    cite(&mut out.cited, outlets(rest));
                }
                out.removed.push(Removed::new(rule.kind, line, rule.reason));
            } else if looks_like_codes(line) {
                out.removed.push(Removed::new("link_spam", line, "a line of product codes, not prose"));
            } else if only_outlets(line, &out.cited) {
                cite(&mut out.cited, outlets(line));
                out.removed.push(Removed::new(
                    "byline",
                    line,
                    "the agency or outlet that filed the story, not what it reports",
                ));
            } else if let Some(body) = after_dateline(line) {
                let dateline = line[..line.len() - body.len()].trim();
                // The agencies in its brackets filed the story ("(PA Media/dpa/GNA)").
                let credit = dateline.split_once('(').and_then(|(_, rest)| rest.split_once(')'));
                cite(&mut out.cited, credit.map(|(agencies, _)| outlets(agencies)).unwrap_or_default());
                out.removed.push(Removed::new(
                    "dateline",
                    dateline,
                    "where and by whom the story was filed; the text after it is kept",
                ));
                kept.push(body);
            } else if let Some((before, stamp, body)) = inner_timestamp(line) {
                out.removed.push(Removed::new("timestamp", stamp, STAMP));
                kept.push(before);
                if !body.is_empty() {
                    kept.push(body);
                }
            } else {
                kept.push(line);
            }
        }
        // A caption shown twice, once without its credit ("… on July 2.PHOTO: X").
        let captions: Vec<String> =
            out.removed.iter().filter(|r| r.kind == "caption").map(|r| r.text.clone()).collect();
        kept.retain(|line| {
            let long = line.split_whitespace().nth(REPEAT_MIN_WORDS - 1).is_some();
            if long && captions.iter().any(|c| c.starts_with(line)) {
                out.removed.push(Removed::new("caption", line, furniture.reason("caption")));
                return false;
            }
            let repeat = long && seen.contains(line);
            if repeat {
                out.removed.push(Removed::new(
                    "repeat",
                    line,
                    "the same line again (a summary box repeating the lede)",
                ));
            } else {
                seen.push(line);
            }
            !repeat
        });
        if kept.is_empty() {
            continue;
        }
        let kind =
            if kept.len() == 1 && looks_like_heading(kept[0]) { BlockKind::Heading } else { BlockKind::Paragraph };
        pending.push((kind, kept.join("\n")));
    }

    // Without a known title, an opening heading followed by body text is the
    // title. It stays in the text too: a headline is the article's first claim.
    // So it does when the title given is only a label the reader typed, outlets'
    // names or a few words ("The Guardian", "GNA (PA Media/dpa)", "AP story"): then
    // the opening heading is the headline, not a section's title.
    let label = title.is_some_and(|t| {
        t.split_whitespace().count() <= 3 || outlets(t).iter().any(|o| super::knowledge::is_outlet(o))
    });
    if (title.is_none() || label)
        && out.title.is_none()
        && pending.len() > 1
        && pending[0].0 == BlockKind::Heading
        && pending[1].0 == BlockKind::Paragraph
    {
        pending[0].0 = BlockKind::Paragraph;
        if title.is_none() {
            out.title = Some(pending[0].1.clone());
        }
    }
    // A heading with nothing after it is not a section title: keep it as text.
    if let Some(last) = pending.last_mut() {
        last.0 = BlockKind::Paragraph;
    }

    for (kind, body) in pending {
        if !out.text.is_empty() {
            out.text.push_str("\n\n");
        }
        let start = out.text.len();
        out.text.push_str(&body);
        out.blocks.push(Block { kind, start, end: out.text.len() });
    }
    out
}

fn is_title(line: &str, title: Option<&str>) -> bool {
    // Compared as they are read: a line that is not the title differs within a few letters.
    fn simplified(s: &str) -> impl Iterator<Item = char> + '_ {
        s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase)
    }
    title.is_some_and(|t| !t.trim().is_empty() && simplified(t).eq(simplified(line)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outlets_split_on_separators() {
        assert_eq!(outlets("BBC, Reuters and AP."), ["BBC", "Reuters", "AP"]);
        assert_eq!(outlets(""), Vec::<String>::new());
    }

    #[test]
    fn headings_and_codes() {
        assert!(looks_like_heading("Huawei\u{2019}s development in the West"));
        assert!(!looks_like_heading("This is a sentence."));
        assert!(!looks_like_heading("lowercase start"));
        assert!(looks_like_codes("\u{2003} NL12876AC18-03 FZ400R12KL4C LCDDISPLAY"));
        assert!(!looks_like_codes("Huawei released HMS Core 4.0 in 2020"));
    }
}
