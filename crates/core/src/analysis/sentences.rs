//! English sentence segmentation.
//!
//! [`split`] cuts a text into [`Sentence`]s: byte ranges into the input plus
//! their text with errant line breaks normalised. It reads the input as the
//! stream of Unicode word-boundary segments (UAX #29, `unicode-segmentation`)
//! and applies hand-written rules modelled on the English "Golden Rules" of
//! pragmatic_segmenter:
//!
//! * **Terminal punctuation.** `.`, `!`, `?`, `…` and runs of them, with any
//!   closing quotes or brackets, end a sentence when a capitalised word, a
//!   number or a symbol follows; a lower-case word never starts a sentence
//!   ("Yahoo! in", "co. at"). Without a space, only `word.Word` ends one
//!   ("world.Today"), and never inside an e-mail address or a URL.
//! * **Abbreviations.** After a title or another never-final abbreviation
//!   ("Mr.", "St.", "e.g.") the sentence goes on. After an abbreviation that
//!   may end a sentence ("Co.", "etc."), a single initial ("E.") or a dotted
//!   initialism ("U.S.", "a.m."), a capitalised word starts a new sentence
//!   only if it is a common sentence starter ("The", "He", "However").
//! * **Ellipses.** `...` and `....` before a capital end a sentence; a spaced
//!   `. . .` never does, a spaced `. . . .` does, and `word. . . . The` ends
//!   after `word.` with the ellipsis opening the next sentence. `[...]` is
//!   an omission mark, never an end.
//! * **Lists.** Bullets, and numbered or lettered markers ("1.", "2)", "a.")
//!   that open a line, follow a bullet or a colon, or continue such a list
//!   in the same paragraph (1, 2, 3), start a sentence.
//! * **Line breaks.** A blank line always ends a sentence. A single line
//!   break after a line without terminal punctuation ends one when the next
//!   line starts with a capital or a symbol (a heading), or when both lines
//!   read as lower-case list items; otherwise, or when the line ends with a
//!   comma, a dash or a word like "the", it is an errant break inside the
//!   sentence.
//!
//! The word lists (never-final abbreviations, abbreviations, sentence
//! starters, words that cannot end a line) are data, in `abbreviations.txt`
//! beside this file. The module is pure: no I/O, no panics, the same output
//! natively and in wasm.

use std::sync::LazyLock;

use unicode_segmentation::UnicodeSegmentation;

use super::phrases;
use super::tokens::ascii_word_bounds;

/// A sentence: byte range into the input, and its text with errant line breaks normalised.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// Byte offset of the sentence's first character (never whitespace).
    pub start: usize,
    /// Byte offset just past its last character (never whitespace).
    pub end: usize,
    /// `input[start..end]` with every whitespace run that holds a line break
    /// replaced by one space, except a lone line break, which is kept.
    pub text: String,
}

/// Splits `text` into sentences, in order; whitespace-only input gives none.
///
/// The ranges are trimmed of surrounding whitespace, lie on char boundaries
/// and never overlap. A piece with no letter or digit (a stray quote, a
/// separator line) is not a sentence of its own: it joins the neighbouring
/// sentence of its paragraph.
pub fn split(text: &str) -> Vec<Sentence> {
    // A blank line always ends a sentence and no rule looks across one, so
    // paragraphs are read one at a time through one token buffer.
    let mut cuts = Vec::new();
    let mut tokens = Vec::new();
    let mut from = 0;
    while from < text.len() {
        let paragraph_start = from;
        from = tokenize_paragraph(text, from, &mut tokens);
        mark_lists(text, &mut tokens);
        let before = cuts.len();
        Cutter::new(text, &tokens, &mut cuts).run();
        if let Some(at) = dateline_end(text, paragraph_start, from)
            && !cuts[before..].iter().any(|c| c.at == at)
        {
            let k = before + cuts[before..].partition_point(|c| c.at < at);
            cuts.insert(k, Cut { at, paragraph: false });
        }
    }
    assemble(text, &cuts)
}

/// Where a dateline that opens a paragraph ends, when a sentence follows it on
/// the same line: "Posted: May 24, 2005 Billy King spun…", "11 / 30 / 09
/// 05:40 PM ET A convicted…", "Updated 09 / 14 / 2013 01:03 PM A woman…". A
/// dateline is stamp words ("Posted", "Updated", "Last updated", "First
/// Published"), dates and times, and holds a digit and a month, a clock time
/// or a numeric date; the word after it is capitalised and not part of a date.
fn dateline_end(text: &str, from: usize, to: usize) -> Option<usize> {
    const STAMP: [&str; 8] = ["posted", "updated", "published", "last", "first", "am", "pm", "at"];
    const ZONES: [&str; 12] = ["et", "edt", "est", "gmt", "bst", "utc", "pt", "pdt", "pst", "ct", "cdt", "cst"];
    let paragraph = text.get(from..to)?;
    let mut digit = false;
    let mut dated = false;
    for (offset, word) in paragraph.split_word_bound_indices() {
        if word.trim().is_empty() || matches!(word, "," | ":" | "/" | "-" | "|" | "." | "(" | ")" | "+") {
            continue;
        }
        let lower = word.to_ascii_lowercase();
        let stem = lower.trim_end_matches(['.']);
        let ordinal = stem.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        let is_number = word.chars().next().is_some_and(|c| c.is_ascii_digit())
            && (ordinal.chars().all(|c| c.is_ascii_digit() || c == ':' || c == '.')
                || matches!(&stem[ordinal.len()..], "st" | "nd" | "rd" | "th"));
        let month = phrases::is_month(stem) || MONTH_ABBREVIATIONS.contains(&stem);
        if is_number {
            digit = true;
            dated |= word.contains(':') || paragraph[offset + word.len()..].starts_with(" /");
        } else if month {
            dated = true;
        } else if !(STAMP.contains(&stem)
            || ZONES.contains(&stem)
            || phrases::is_weekday(stem)
            || matches!(stem, "a.m" | "p.m"))
        {
            let starts_sentence = word.chars().next().is_some_and(char::is_uppercase);
            return (digit && dated && starts_sentence && offset > 0).then_some(from + offset);
        }
    }
    None
}

const MONTH_ABBREVIATIONS: [&str; 12] =
    ["jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"];

// ---------------------------------------------------------------------------
// Word lists

static LEXICON: LazyLock<Lexicon> =
    LazyLock::new(|| Lexicon::parse(include_str!(concat!(env!("OUT_DIR"), "/abbreviations.txt"))));

/// The word lists of `abbreviations.txt`.
#[derive(Default)]
struct Lexicon {
    never_final: WordSet,
    abbreviations: WordSet,
    starters: WordSet,
    continuations: WordSet,
}

impl Lexicon {
    fn parse(data: &'static str) -> Self {
        let mut lexicon = Self::default();
        let mut section = "";
        for line in data.lines() {
            let line = line.split('#').next().unwrap_or_default().trim();
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                section = name.trim();
                continue;
            }
            let word = line.strip_suffix('.').unwrap_or(line);
            if word.is_empty() {
                continue;
            }
            let set = match section {
                "never_final" => &mut lexicon.never_final,
                "abbreviations" => &mut lexicon.abbreviations,
                "sentence_starters" => &mut lexicon.starters,
                "continuations" => &mut lexicon.continuations,
                _ => continue,
            };
            set.insert(word);
        }
        for set in
            [&mut lexicon.never_final, &mut lexicon.abbreviations, &mut lexicon.starters, &mut lexicon.continuations]
        {
            set.finish();
        }
        lexicon
    }
}

/// Words matched as written, or in any case when listed in lower case;
/// sorted for binary search.
#[derive(Default)]
struct WordSet {
    exact: Vec<&'static str>,
    folded: Vec<&'static str>,
    longest: usize,
}

impl WordSet {
    fn insert(&mut self, word: &'static str) {
        if word.chars().any(char::is_uppercase) {
            self.exact.push(word);
        } else {
            self.folded.push(word);
        }
        self.longest = self.longest.max(word.len());
    }

    fn finish(&mut self) {
        for words in [&mut self.exact, &mut self.folded] {
            words.sort_unstable();
            words.dedup();
        }
    }

    fn contains(&self, word: &str) -> bool {
        // Lower-casing never shrinks a word to a quarter of its length.
        if word.len() > 4 * self.longest {
            return false;
        }
        self.exact.binary_search(&word).is_ok()
            || (!self.folded.is_empty() && with_lowercase(word, |w| self.folded.binary_search(&w).is_ok()))
    }
}

/// Calls `f` with `word` in lower case, without allocating; words too long
/// to be in a list are not.
fn with_lowercase(word: &str, f: impl FnOnce(&str) -> bool) -> bool {
    let mut buf = [0u8; 48];
    let mut len = 0;
    for c in word.chars().flat_map(char::to_lowercase) {
        let Some(slot) = buf.get_mut(len..len + c.len_utf8()) else {
            return false;
        };
        c.encode_utf8(slot);
        len += c.len_utf8();
    }
    std::str::from_utf8(&buf[..len]).is_ok_and(f)
}

// ---------------------------------------------------------------------------
// Characters

/// Period-like: counts towards an ellipsis.
fn is_dot(c: char) -> bool {
    matches!(c, '.' | '…')
}

fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '…' | '!' | '?' | '‼' | '⁇' | '⁈' | '⁉' | '。' | '！' | '？' | '｡')
}

/// Full-width terminals end a sentence even without a following space.
fn is_fullwidth_terminal(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '｡')
}

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | '›' | ')' | ']' | '}' | '」' | '』')
}

fn is_opener(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '‘' | '«' | '‹' | '(' | '[' | '{' | '¿' | '¡' | '「' | '『')
}

fn is_bullet(c: char) -> bool {
    !c.is_ascii() && "•‣⁃◦▪▫▸►●○■□◆◇❖➢➤".contains(c)
}

fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{b}' | '\u{c}' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// Punctuation that leaves a line unfinished across a line break.
fn continues_line(c: char) -> bool {
    ",;&+-‐–—/\\([{“‘«".contains(c)
}

// ---------------------------------------------------------------------------
// Tokens

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// A UAX #29 word starting with a letter or digit ("Boeing’s", "1,000", "U.S").
    Word,
    /// A maximal run of whitespace.
    Gap,
    /// Anything else, usually one punctuation mark or symbol.
    Punct,
}

/// A list marker or bullet: a sentence starts here.
const CUT_BEFORE: u8 = 1;
/// The period of a list marker ("1." in "1. The first item"): not terminal.
const NOT_TERMINAL: u8 = 2;

#[derive(Clone, Copy, Debug)]
struct Token {
    start: usize,
    end: usize,
    kind: Kind,
    first: char,
    /// Line breaks in a gap, a paragraph separator counting two.
    breaks: u8,
    flags: u8,
}

impl Token {
    /// A word or punctuation token starting with `first`.
    fn new(start: usize, end: usize, first: char) -> Self {
        let kind = if first.is_alphanumeric() { Kind::Word } else { Kind::Punct };
        Self { start, end, kind, first, breaks: 0, flags: 0 }
    }
}

/// Reads the paragraph starting at byte `from` into `tokens`, up to and
/// including the blank line that ends it, and returns where the next starts.
///
/// Whitespace runs become gaps; the text between them is cut at UAX #29
/// word boundaries. An all-ASCII run takes a fast path that applies the same
/// rules, as `unicode-segmentation` does for its own ASCII words.
fn tokenize_paragraph(text: &str, from: usize, tokens: &mut Vec<Token>) -> usize {
    tokens.clear();
    let mut pos = from;
    while pos < text.len() {
        let gap_end = skip(text, pos, true);
        if gap_end > pos {
            let gap = &text[pos..gap_end];
            let first = gap.chars().next().unwrap_or(' ');
            let breaks = count_breaks(gap);
            tokens.push(Token { start: pos, end: gap_end, kind: Kind::Gap, first, breaks, flags: 0 });
            pos = gap_end;
            if breaks >= 2 {
                break;
            }
            continue;
        }
        let end = skip(text, pos, false);
        let run = &text[pos..end];
        if run.is_ascii() {
            for word in ascii_word_bounds(run.as_bytes()) {
                tokens.push(Token::new(pos + word.start, pos + word.end, char::from(run.as_bytes()[word.start])));
            }
        } else {
            for (offset, piece) in run.split_word_bound_indices() {
                if let Some(first) = piece.chars().next() {
                    let start = pos + offset;
                    tokens.push(Token::new(start, start + piece.len(), first));
                }
            }
        }
        pos = end;
    }
    pos
}

/// The end of the run of whitespace (or of non-whitespace) at byte `pos`.
fn skip(text: &str, mut pos: usize, whitespace: bool) -> usize {
    let bytes = text.as_bytes();
    while let Some(&b) = bytes.get(pos) {
        let (is_space, len) = if b.is_ascii() {
            (matches!(b, b' ' | b'\t'..=b'\r'), 1)
        } else {
            match text.get(pos..).and_then(|rest| rest.chars().next()) {
                Some(c) => (c.is_whitespace(), c.len_utf8()),
                None => break,
            }
        };
        if is_space != whitespace {
            break;
        }
        pos += len;
    }
    pos
}

fn count_breaks(gap: &str) -> u8 {
    let mut breaks = 0u8;
    let mut after_cr = false;
    for c in gap.chars() {
        let add = match c {
            '\n' if after_cr => 0,
            '\u{2029}' => 2,
            c if is_line_break(c) => 1,
            _ => 0,
        };
        breaks = breaks.saturating_add(add);
        after_cr = c == '\r';
    }
    breaks
}

fn is_punct(token: Option<&Token>, c: char) -> bool {
    token.is_some_and(|t| t.kind == Kind::Punct && t.first == c)
}

// ---------------------------------------------------------------------------
// Lists

/// Flags bullets and list markers ("1.", "2.)", "3)", "a.") with
/// [`CUT_BEFORE`], and their periods with [`NOT_TERMINAL`]. A marker counts
/// when it opens a line or follows a bullet or a colon, or when it continues
/// a counted marker of the same style in the paragraph ("1. … 2. … 3.").
/// So "on Jan. 6. … on Feb. 7." is no list.
fn mark_lists(text: &str, tokens: &mut [Token]) {
    #[derive(Clone, Copy)]
    struct Marker {
        word: usize,
        end: usize,
        style: usize,
        value: u32,
        anchored: bool,
        after_bullet: bool,
    }

    let is_bullet_at =
        |tokens: &[Token], k: usize| tokens.get(k).is_some_and(|t| t.kind == Kind::Punct && is_bullet(t.first));
    let n = tokens.len();
    let mut markers = Vec::new();
    for k in 0..n {
        let t = tokens[k];
        if is_bullet_at(tokens, k) && (k == 0 || tokens[k - 1].kind == Kind::Gap) && k + 1 < n {
            tokens[k].flags |= CUT_BEFORE;
            continue;
        }
        if t.kind != Kind::Word {
            continue;
        }
        let word = &text[t.start..t.end];
        let bytes = word.as_bytes();
        let (digits, value) = if bytes.len() <= 3 && bytes.iter().all(u8::is_ascii_digit) {
            (true, bytes.iter().fold(0, |v, b| v * 10 + u32::from(b - b'0')))
        } else if let [b @ b'a'..=b'z'] = bytes {
            (false, u32::from(b - b'a') + 1)
        } else {
            continue;
        };
        let (anchored, after_bullet) = match k.checked_sub(1).map(|p| tokens[p]) {
            None => (true, false),
            Some(gap) if gap.kind == Kind::Gap => {
                let bullet = k >= 2 && is_bullet_at(tokens, k - 2);
                let colon = k >= 2 && is_punct(tokens.get(k - 2), ':');
                (gap.breaks > 0 || k == 1 || bullet || colon, bullet)
            }
            Some(_) if is_bullet_at(tokens, k - 1) => (true, true),
            Some(_) => continue,
        };
        let (punct, end) = if is_punct(tokens.get(k + 1), '.') {
            if is_punct(tokens.get(k + 2), ')') { (2, k + 3) } else { (0, k + 2) }
        } else if is_punct(tokens.get(k + 1), ')') {
            (1, k + 2)
        } else {
            continue;
        };
        if !(tokens.get(end).is_some_and(|t| t.kind == Kind::Gap) && end + 1 < n) {
            continue;
        }
        let style = usize::from(digits) * 3 + punct;
        markers.push(Marker { word: k, end, style, value, anchored, after_bullet });
    }

    // The last counted value of each style (digits or letters, `.` `)` `.)`).
    let mut counted: [Option<u32>; 6] = [None; 6];
    for m in markers {
        let continues = counted[m.style].is_some_and(|last| last + 1 == m.value);
        if !(m.anchored || continues) {
            continue;
        }
        counted[m.style] = Some(m.value);
        if !m.after_bullet {
            tokens[m.word].flags |= CUT_BEFORE;
        }
        for t in &mut tokens[m.word + 1..m.end] {
            t.flags |= NOT_TERMINAL;
        }
    }
}

// ---------------------------------------------------------------------------
// Cutting

/// A sentence ends at byte `at`; `paragraph` when a blank line follows.
#[derive(Clone, Copy, Debug)]
struct Cut {
    at: usize,
    paragraph: bool,
}

/// What kind of terminal punctuation a cluster is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Terminal {
    /// One or two periods: depends on the word before.
    Period,
    /// Three or more periods: ends before a capital.
    Ellipsis,
    /// `!`, `?` and the like: ends unless a lower-case word follows.
    Mark,
}

/// The word before a period.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Before {
    Ordinary,
    /// A title or similar ("Mr.", "e.g."): the sentence goes on.
    NeverFinal,
    /// An abbreviation, initial or initialism: ends before a sentence starter.
    MayEnd,
}

/// What follows terminal punctuation and a space, past opening quotes.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Next {
    End,
    Lower,
    /// A capitalised word, by token index.
    Upper(usize),
    Digit,
    Other,
}

struct Cutter<'t> {
    text: &'t str,
    tokens: &'t [Token],
    lexicon: &'static Lexicon,
    cuts: &'t mut Vec<Cut>,
    last_cut: usize,
    /// First token of the sentence being read, once there is one.
    first: Option<usize>,
}

impl<'t> Cutter<'t> {
    fn new(text: &'t str, tokens: &'t [Token], cuts: &'t mut Vec<Cut>) -> Self {
        let last_cut = cuts.last().map_or(0, |cut| cut.at);
        Self { text, tokens, lexicon: &LEXICON, cuts, last_cut, first: None }
    }

    fn run(mut self) {
        let tokens = self.tokens;
        let mut i = 0;
        let mut after_cluster = usize::MAX;
        while let Some(&t) = tokens.get(i) {
            if t.kind == Kind::Gap {
                if t.breaks >= 2 {
                    self.cut(t.start, true);
                } else if t.breaks == 1 && i != after_cluster && self.first.is_some() && self.line_ends_sentence(i) {
                    self.cut(t.start, false);
                }
                i += 1;
                continue;
            }
            if t.flags & CUT_BEFORE != 0 && self.first.is_some() {
                self.cut(t.start, false);
            }
            if self.first.is_none() {
                self.first = Some(i);
            }
            if t.kind == Kind::Word {
                self.glued_sentences(i);
                i += 1;
            } else if is_terminal(t.first) && t.flags & NOT_TERMINAL == 0 {
                i = self.cluster(i);
                after_cluster = i;
            } else {
                i += 1;
            }
        }
    }

    fn cut(&mut self, at: usize, paragraph: bool) {
        self.first = None;
        match self.cuts.last_mut() {
            Some(last) if last.at >= at => last.paragraph |= paragraph,
            _ => {
                self.cuts.push(Cut { at, paragraph });
                self.last_cut = at;
            }
        }
    }

    fn word(&self, k: usize) -> &'t str {
        self.tokens.get(k).map_or("", |t| &self.text[t.start..t.end])
    }

    fn is_dot_at(&self, k: usize) -> bool {
        self.tokens.get(k).is_some_and(|t| t.kind == Kind::Punct && is_dot(t.first) && t.flags & NOT_TERMINAL == 0)
    }

    /// A single space at `k` followed by a dot: part of a spaced ellipsis.
    fn spaced_dot_at(&self, k: usize) -> bool {
        self.tokens
            .get(k)
            .is_some_and(|t| t.kind == Kind::Gap && t.breaks == 0 && self.text[t.start..t.end].chars().nth(1).is_none())
            && self.is_dot_at(k + 1)
    }

    /// Reads the terminal cluster starting at token `i`, cuts after it if it
    /// ends the sentence, and returns the index of the token after it.
    fn cluster(&mut self, i: usize) -> usize {
        let tokens = self.tokens;
        let n = tokens.len();
        let mut j = i;
        let mut dots = 0usize;
        let mut marks = false;
        let mut fullwidth = false;
        while let Some(t) = tokens.get(j) {
            if t.kind != Kind::Punct || !is_terminal(t.first) || t.flags & NOT_TERMINAL != 0 {
                break;
            }
            match t.first {
                '.' => dots = dots.saturating_add(1),
                '…' => dots = dots.saturating_add(3),
                c => {
                    marks = true;
                    fullwidth |= is_fullwidth_terminal(c);
                }
            }
            j += 1;
        }
        let attached = i > 0 && tokens[i - 1].kind != Kind::Gap;

        let kind = if marks {
            Terminal::Mark
        } else {
            if attached && (is_punct(tokens.get(i - 1), '[') || is_punct(tokens.get(i - 1), '(')) {
                // "[...]": an omission mark.
                return j;
            }
            if attached && dots == 1 && self.spaced_dot_at(j) {
                // "compounds. . . . The": the period ends the sentence if the
                // ellipsis opens a new one.
                let mut k = j;
                while self.spaced_dot_at(k) {
                    k += 1;
                    while self.is_dot_at(k) {
                        k += 1;
                    }
                }
                let k = self.skip_closers(k);
                let next = match tokens.get(k) {
                    Some(gap) if gap.kind == Kind::Gap && gap.breaks < 2 => self.next_word(k + 1),
                    _ => Next::End,
                };
                if self.period_ends(i, next) {
                    self.cut(tokens[i].end, false);
                }
                return j;
            }
            let mut spaced = false;
            while self.spaced_dot_at(j) {
                spaced = true;
                j += 1;
                while let Some(t) = tokens.get(j).filter(|_| self.is_dot_at(j)) {
                    dots = dots.saturating_add(if t.first == '…' { 3 } else { 1 });
                    j += 1;
                }
            }
            match (spaced, dots) {
                // ". . .": an ellipsis inside the sentence.
                (true, 3) => return j,
                (true, _) | (false, 3..) => Terminal::Ellipsis,
                (false, _) => Terminal::Period,
            }
        };

        let j = self.skip_closers(j);
        let end = tokens[j - 1].end;
        let Some(&after) = tokens.get(j) else {
            return j;
        };
        let ends = if after.kind == Kind::Gap {
            after.breaks < 2
                && match (kind, self.next_word(j + 1)) {
                    (_, Next::End | Next::Lower) => false,
                    (Terminal::Mark, _) => true,
                    (Terminal::Ellipsis, next) => matches!(next, Next::Upper(_)),
                    (Terminal::Period, next) => self.period_ends(i, next),
                }
        } else {
            fullwidth
                || (kind != Terminal::Ellipsis
                    && after.kind == Kind::Word
                    && is_capitalised(self.word(j))
                    && (kind == Terminal::Mark || self.before(i) == Before::Ordinary)
                    && !self.in_url(i))
        };
        if ends {
            self.cut(end, false);
        }
        debug_assert!(j > i && j <= n);
        j
    }

    fn skip_closers(&self, mut k: usize) -> usize {
        while self.tokens.get(k).is_some_and(|t| t.kind == Kind::Punct && is_closer(t.first)) {
            k += 1;
        }
        k
    }

    /// Whether a period at token `i` ends the sentence, given what follows.
    fn period_ends(&self, i: usize, next: Next) -> bool {
        match next {
            Next::End | Next::Lower => false,
            _ => match self.before(i) {
                Before::Ordinary => true,
                Before::NeverFinal => false,
                Before::MayEnd => matches!(next, Next::Upper(k) if self.is_starter(k)),
            },
        }
    }

    /// Classifies the word before the terminal punctuation at token `i`: the
    /// text since the last space (or cut), less opening quotes and brackets.
    fn before(&self, i: usize) -> Before {
        const REACH: usize = 8;
        let tokens = self.tokens;
        let mut k = i;
        while k > 0 && tokens[k - 1].kind != Kind::Gap {
            k -= 1;
            if i - k > REACH {
                return Before::Ordinary;
            }
        }
        let start = tokens[k].start.max(self.last_cut);
        let end = tokens[i].start;
        let Some(chunk) = self.text.get(start..end) else {
            return Before::Ordinary;
        };
        let chunk = chunk.trim_start_matches(is_opener);
        if chunk.is_empty() || chunk.len() > 32 {
            return Before::Ordinary;
        }
        let lexicon = self.lexicon;
        if lexicon.never_final.contains(chunk) {
            return Before::NeverFinal;
        }
        let mut chars = chunk.chars();
        let single_letter = chars.next().is_some_and(char::is_alphabetic) && chars.next().is_none();
        if single_letter || lexicon.abbreviations.contains(chunk) || is_initialism(chunk) {
            Before::MayEnd
        } else {
            Before::Ordinary
        }
    }

    /// Classifies the first word from token `k` on, past opening quotes.
    fn next_word(&self, mut k: usize) -> Next {
        let tokens = self.tokens;
        let limit = k + 8;
        while k < limit && tokens.get(k).is_some_and(|t| t.kind == Kind::Punct && is_opener(t.first)) {
            k += 1;
        }
        let Some(t) = tokens.get(k) else {
            return Next::End;
        };
        match t.kind {
            Kind::Gap if k + 1 == tokens.len() => Next::End,
            // "iPhone sales fell" can start a sentence.
            Kind::Word if t.first.is_lowercase() => {
                let second = self.word(k).chars().nth(1);
                if second.is_some_and(char::is_uppercase) { Next::Other } else { Next::Lower }
            }
            Kind::Word if t.first.is_uppercase() => Next::Upper(k),
            Kind::Word if t.first.is_numeric() => Next::Digit,
            _ => Next::Other,
        }
    }

    fn is_starter(&self, k: usize) -> bool {
        let word = self.word(k);
        let word = word.split(['\'', '’']).next().unwrap_or(word);
        self.lexicon.starters.contains(word)
    }

    /// Whether the run of non-space text around token `i` is an e-mail
    /// address, a URL or a path.
    fn in_url(&self, i: usize) -> bool {
        const REACH: usize = 64;
        let tokens = self.tokens;
        let mut lo = i;
        while lo > 0 && tokens[lo - 1].kind != Kind::Gap {
            lo -= 1;
            if i - lo > REACH {
                return true;
            }
        }
        let mut hi = i;
        while hi + 1 < tokens.len() && tokens[hi + 1].kind != Kind::Gap {
            hi += 1;
            if hi - i > REACH {
                return true;
            }
        }
        (lo..=hi).any(|k| {
            let t = tokens[k];
            (t.kind == Kind::Punct && matches!(t.first, '@' | '/'))
                || (t.kind == Kind::Word && self.word(k).get(..4).is_some_and(|w| w.eq_ignore_ascii_case("www.")))
        })
    }

    /// Cuts inside a word token where a period joins two sentences without a
    /// space ("world.Today"): UAX #29 keeps such words whole.
    fn glued_sentences(&mut self, i: usize) {
        let t = self.tokens[i];
        let word = self.word(i);
        if !word.contains('.') {
            return;
        }
        let mut in_url = None;
        let mut from = 0;
        for (p, _) in word.match_indices('.') {
            let left = &word[from..p];
            from = p + 1;
            if !ends_glued(left, &word[p + 1..])
                || self.lexicon.never_final.contains(left)
                || self.lexicon.abbreviations.contains(left)
            {
                continue;
            }
            if *in_url.get_or_insert_with(|| self.in_url(i)) {
                return;
            }
            self.cut(t.start + p + 1, false);
            self.first = Some(i);
        }
    }

    /// Whether the single line break at token `i` ends the sentence.
    fn line_ends_sentence(&self, i: usize) -> bool {
        let tokens = self.tokens;
        let (Some(prev), Some(next)) = (i.checked_sub(1).and_then(|p| tokens.get(p)), tokens.get(i + 1)) else {
            return false;
        };
        match prev.kind {
            Kind::Punct if prev.first == ':' => return true,
            Kind::Punct if continues_line(prev.first) => return false,
            Kind::Word if self.lexicon.continuations.contains(self.word(i - 1)) => return false,
            _ => {}
        }
        match next.kind {
            // "features\ncontact manager": lower-case list items, but not
            // "This is a sentence\ncut off in the middle".
            Kind::Word if next.first.is_lowercase() => self.first.is_some_and(|f| tokens[f].first.is_lowercase()),
            // Numbers go on ("rose by\n50 percent"); list markers cut anyway.
            Kind::Word if next.first.is_numeric() => false,
            _ => true,
        }
    }
}

/// "U.S", "a.m", "Ph.D": letters in groups of one or two, joined by periods.
fn is_initialism(chunk: &str) -> bool {
    chunk.contains('.')
        && chunk.split('.').all(|part| {
            let mut chars = part.chars();
            chars.next().is_some_and(char::is_alphabetic)
                && chars.next().is_none_or(char::is_alphabetic)
                && chars.next().is_none()
        })
}

/// A capital followed by a lower-case letter: "That", "Mr".
fn is_capitalised(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.next().is_some_and(char::is_lowercase)
}

/// Whether "left.right" inside one word is two sentences glued together:
/// "world.Today", "Tuesday.Mr", but not "example.com" or "ASP.NET".
fn ends_glued(left: &str, right: &str) -> bool {
    let mut letters = left.chars();
    letters.clone().all(char::is_alphabetic)
        && letters.next_back().is_some_and(char::is_lowercase)
        && letters.next().is_some()
        && is_capitalised(right)
}

// ---------------------------------------------------------------------------
// Sentences

fn assemble(text: &str, cuts: &[Cut]) -> Vec<Sentence> {
    struct Piece {
        start: usize,
        end: usize,
        has_word: bool,
        new_paragraph: bool,
    }

    let mut pieces = Vec::with_capacity(cuts.len() + 1);
    let mut from = 0;
    let mut paragraph = false;
    let last = Cut { at: text.len(), paragraph: false };
    for cut in cuts.iter().chain(std::iter::once(&last)) {
        let to = cut.at.clamp(from, text.len());
        if let Some((start, end)) = trim(text, from, to) {
            let has_word = text[start..end].chars().any(char::is_alphanumeric);
            pieces.push(Piece { start, end, has_word, new_paragraph: paragraph });
            paragraph = false;
        }
        paragraph |= cut.paragraph;
        from = to;
    }

    // A piece without a letter or digit joins the sentence before it in its
    // paragraph, else the one after; alone in its paragraph, it stays.
    let mut ranges: Vec<(usize, usize)> = Vec::with_capacity(pieces.len());
    let mut pending: Option<(usize, usize)> = None;
    let mut open = false;
    for piece in pieces {
        if piece.new_paragraph {
            ranges.extend(pending.take());
            open = false;
        }
        if piece.has_word {
            let start = pending.take().map_or(piece.start, |(start, _)| start);
            ranges.push((start, piece.end));
            open = true;
        } else if let Some(held) = pending.as_mut() {
            held.1 = piece.end;
        } else if let Some(previous) = ranges.last_mut().filter(|_| open) {
            previous.1 = piece.end;
        } else {
            pending = Some((piece.start, piece.end));
        }
    }
    ranges.extend(pending);

    ranges.into_iter().map(|(start, end)| Sentence { start, end, text: normalise(&text[start..end]) }).collect()
}

/// `text[from..to]` without surrounding whitespace, if anything is left.
fn trim(text: &str, from: usize, to: usize) -> Option<(usize, usize)> {
    let slice = text.get(from..to)?;
    let trimmed = slice.trim_start();
    let start = from + (slice.len() - trimmed.len());
    let end = start + trimmed.trim_end().len();
    (start < end).then_some((start, end))
}

/// Replaces each whitespace run holding a line break by one space, except a
/// lone line break ("a sentence\ncut off" stays as it is).
fn normalise(sentence: &str) -> String {
    if !sentence.contains(is_line_break) {
        return sentence.to_owned();
    }
    let mut out = String::with_capacity(sentence.len());
    let mut rest = sentence;
    while let Some(at) = rest.find(char::is_whitespace) {
        out.push_str(&rest[..at]);
        let run = &rest[at..];
        let len = run.find(|c: char| !c.is_whitespace()).unwrap_or(run.len());
        let gap = &run[..len];
        if gap.contains(is_line_break) && !matches!(gap, "\n" | "\r\n" | "\r") {
            out.push(' ');
        } else {
            out.push_str(gap);
        }
        rest = &run[len..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod dateline_tests {
    use super::split;

    fn texts(s: &str) -> Vec<String> {
        split(s).into_iter().map(|s| s.text).collect()
    }

    #[test]
    fn a_dateline_that_opens_a_paragraph_is_cut_off() {
        for (stamp, rest) in [
            ("Posted: May 24, 2005", "Billy King spun the door again."),
            ("11 / 30 / 09 05:40 PM ET", "A convicted sex offender fled."),
            ("Updated: July 7, 2012, 10:04 PM ET", "Wladimir Klitschko stopped Tony Thompson."),
            ("Tuesday, July 2nd, 2013", "A powerful earthquake hit Aceh."),
            ("Last updated 13:26 14 / 09 / 2013", "A climber is dead."),
        ] {
            assert_eq!(texts(&format!("{stamp} {rest}")), [stamp.to_owned(), rest.to_owned()], "{stamp}");
        }
    }

    #[test]
    fn a_sentence_that_opens_with_a_date_stays_whole() {
        for s in [
            "In 2008, Klitschko stopped Thompson.",
            "2008 was a hard year.",
            "On Friday, 36-year-old Duncan Rait died.",
            "May 24, 2005 was a Tuesday.",
        ] {
            assert_eq!(texts(s), [s.to_owned()]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_lists_load() {
        let lexicon = &*LEXICON;
        assert!(lexicon.never_final.contains("Mr"));
        assert!(lexicon.never_final.contains("MR"));
        assert!(lexicon.abbreviations.contains("Co"));
        assert!(lexicon.abbreviations.contains("No"));
        assert!(!lexicon.abbreviations.contains("no"));
        assert!(lexicon.abbreviations.contains("N°"));
        assert!(lexicon.starters.contains("However"));
        assert!(lexicon.continuations.contains("the"));
    }

    #[test]
    fn initialisms() {
        assert!(is_initialism("U.S"));
        assert!(is_initialism("a.m"));
        assert!(is_initialism("Ph.D"));
        assert!(!is_initialism("example.com"));
        assert!(!is_initialism("1.3"));
        assert!(!is_initialism("US"));
    }

    #[test]
    fn lone_line_breaks_stay() {
        assert_eq!(normalise("a\nb"), "a\nb");
        assert_eq!(normalise("a \nb"), "a b");
        assert_eq!(normalise("a\n  b  c"), "a b  c");
    }
}
