//! Text normalisation shared by every stage: one notion of whitespace and paragraphs.

/// Normalises whitespace without touching wording or typography.
///
/// - `\r\n` and lone `\r` become `\n`;
/// - no-break, em, en, thin and other Unicode spaces become a plain space
///   (they separate words; the browser would otherwise keep them unbreakable);
/// - zero-width characters and a byte-order mark disappear;
/// - trailing whitespace on each line is dropped.
///
/// Curly quotes, dashes and apostrophes are kept as they are.
pub fn normalize(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    loop {
        // Most text needs no change: copy it in runs.
        let plain =
            rest.bytes().position(|b| matches!(b, b'\r' | b'\n' | b'\t') || !b.is_ascii()).unwrap_or(rest.len());
        out.push_str(&rest[..plain]);
        let mut chars = rest[plain..].chars();
        let Some(c) = chars.next() else {
            break;
        };
        rest = chars.as_str();
        match c {
            '\r' => {
                if !rest.starts_with('\n') {
                    push_newline(&mut out);
                }
            }
            '\n' => push_newline(&mut out),
            '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' => {}
            c if is_space(c) => out.push(' '),
            c => out.push(c),
        }
    }
    out.truncate(out.trim_end().len());
    out
}

/// The ways "am" and "pm" are written after a clock time.
pub const MERIDIEMS: [&str; 6] = ["am", "pm", "a.m.", "p.m.", "a.m", "p.m"];

/// A clock time written as one word with its "am" or "pm" (lower case: "9pm",
/// "9.30pm", "8.00a.m."): its hours and minutes as written, the minutes empty when
/// none are.
pub fn meridiem_clock(lower: &str) -> Option<(&str, &str)> {
    let len = MERIDIEMS.iter().find(|m| lower.ends_with(**m))?.len();
    let time = &lower[..lower.len() - len];
    let (hours, minutes) = time.split_once('.').unwrap_or((time, ""));
    let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    ((1..=2).contains(&hours.len()) && (minutes.is_empty() || minutes.len() == 2) && digits(hours) && digits(minutes))
        .then_some((hours, minutes))
}

/// A space that separates words: ASCII space and tab, and the Unicode space separators.
/// Lowercase (`str::to_lowercase` without its final-sigma rule, which no English
/// text needs: one shared code path keeps the wasm small).
pub fn lowercase(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    loop {
        // ASCII runs are copied whole and lowercased in place.
        let ascii = rest.bytes().position(|b| !b.is_ascii()).unwrap_or(rest.len());
        let start = out.len();
        out.push_str(&rest[..ascii]);
        out[start..].make_ascii_lowercase();
        let mut chars = rest[ascii..].chars();
        let Some(c) = chars.next() else {
            return out;
        };
        push_lower(c, &mut out);
        rest = chars.as_str();
    }
}

mod lowercase_data {
    include!(concat!(env!("OUT_DIR"), "/lowercase_data.rs"));
}

/// Pushes the lowercase of `c` onto `out`: exactly `char::to_lowercase` (tested
/// for every character), read from runs `build.rs` derives from it, so the page's
/// wasm carries 2 KB of runs instead of std's 12 KB case table.
pub fn push_lower(c: char, out: &mut String) {
    use lowercase_data::{LOWER_MULTI, LOWER_RUNS};
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    if let Some((_, lower)) = LOWER_MULTI.iter().find(|(m, _)| *m == c) {
        out.push_str(lower);
        return;
    }
    let code = c as u32;
    let lowered = LOWER_RUNS.partition_point(|run| run.0 <= code).checked_sub(1).and_then(|i| {
        let (first, count, stride, delta) = LOWER_RUNS[i];
        let k = code - first;
        (k.is_multiple_of(u32::from(stride)) && k / u32::from(stride) < u32::from(count))
            .then(|| char::from_u32(code.wrapping_add_signed(delta)))
            .flatten()
    });
    out.push(lowered.unwrap_or(c));
}

/// Whether `haystack` contains `needle` (already lowercase), ignoring case. An
/// ASCII needle is matched in place, byte by byte, without lowercasing the
/// haystack (searching a thousand articles on every keystroke).
pub fn contains_folded(haystack: &str, needle: &str) -> bool {
    if !needle.is_ascii() {
        return lowercase(haystack).contains(needle);
    }
    let (h, n) = (haystack.as_bytes(), needle.as_bytes());
    let Some(&first) = n.first() else { return true };
    h.len() >= n.len()
        && (0..=h.len() - n.len())
            .any(|i| h[i].to_ascii_lowercase() == first && h[i..i + n.len()].eq_ignore_ascii_case(n))
}

/// A decimal number as `str::parse::<f64>` reads it ("1.3", "2019", "55000"):
/// digits with at most one decimal point; `None` for anything else. The same
/// value as `parse` (a correctly rounded division of two exact integers) up to
/// 15 significant digits, without the standard parser's code and tables in the wasm.
pub fn parse_decimal(s: &str) -> Option<f64> {
    let (whole, fraction) = s.split_once('.').unwrap_or((s, ""));
    let digits = || whole.bytes().chain(fraction.bytes());
    if (whole.is_empty() && fraction.is_empty()) || digits().any(|b| !b.is_ascii_digit()) {
        return None;
    }
    let mantissa = digits().fold(0.0, |n, b| n * 10.0 + f64::from(b - b'0'));
    Some(mantissa / 10f64.powi(fraction.len() as i32))
}

pub fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{A0}' | '\u{1680}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}')
}

fn push_newline(out: &mut String) {
    trim_end_in_place(out);
    out.push('\n');
}

fn trim_end_in_place(out: &mut String) {
    let kept = out.trim_end_matches([' ', '\t']).len();
    out.truncate(kept);
}

/// Paragraphs of normalised text: runs of lines separated by blank lines,
/// as byte ranges into `text`, trimmed.
pub fn paragraphs(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut end = 0;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end_matches('\n');
        if content.trim().is_empty() {
            if let Some(s) = start.take() {
                out.push(s..end);
            }
        } else {
            let lead = content.len() - content.trim_start().len();
            start.get_or_insert(offset + lead);
            end = offset + content.trim_end().len();
        }
        offset += line.len();
    }
    if let Some(s) = start {
        out.push(s..end);
    }
    out
}

/// A quantity's kind read back as text, as the program's own `&'static str`: a
/// known kind is the program's string; any other is kept for the program's
/// lifetime (comparisons carry a handful of kinds).
pub fn static_str(kind: String) -> &'static str {
    const KNOWN: &[&str] = &["count", "percent", "money", "version", "unit", "measure", "age", "range"];
    KNOWN.iter().find(|k| **k == kind).copied().unwrap_or_else(|| Box::leak(kind.into_boxed_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalize_cases() {
        let cases = [
            ("plain", "plain"),
            ("a\u{A0}b", "a b"),
            ("a\u{2003}b", "a b"),
            ("end.\u{A0}\nnext", "end.\nnext"),
            ("x\r\ny\rz", "x\ny\nz"),
            ("\u{FEFF}zero\u{200B}width", "zerowidth"),
            ("\u{201C}curly\u{201D} \u{2019}s", "\u{201C}curly\u{201D} \u{2019}s"),
            ("trailing  \n\n", "trailing"),
        ];
        for (input, expected) in cases {
            assert_eq!(normalize(input), expected, "input {input:?}");
        }
    }

    #[test]
    fn paragraphs_cases() {
        let cases: [(&str, &[&str]); 4] = [
            ("", &[]),
            ("one", &["one"]),
            ("one\n\n two\nlines \n\n\n", &["one", "two\nlines"]),
            ("\n\nlast", &["last"]),
        ];
        for (input, expected) in cases {
            let got: Vec<&str> = paragraphs(input).into_iter().map(|r| &input[r]).collect();
            assert_eq!(got, expected, "input {input:?}");
        }
    }

    #[test]
    fn decimals_read_like_the_standard_parser() {
        let cases =
            ["0", "7", "2019", "55000", "1.3", "4.0", "0.25", "35.8", "26.1", "3.14159", "123456789012345", ".5", "5."];
        for input in cases {
            assert_eq!(parse_decimal(input), input.parse::<f64>().ok(), "input {input:?}");
        }
        for input in ["", ".", "1.2.3", "1e5", "-3", "1,000", "x"] {
            assert_eq!(parse_decimal(input), None, "input {input:?}");
        }
    }

    #[test]
    fn contains_folded_cases() {
        let cases = [
            ("Huawei HMS Core", "hms", true),
            ("Huawei HMS Core", "hms core", true),
            ("Huawei HMS Core", "cores", false),
            ("Caf\u{E9} Huawei", "huawei", true),
            ("\u{C9}COLE", "\u{E9}cole", true),
            ("short", "longer needle", false),
            ("anything", "", true),
        ];
        for (haystack, needle, expected) in cases {
            assert_eq!(contains_folded(haystack, needle), expected, "{haystack:?} / {needle:?}");
        }
    }

    #[test]
    fn push_lower_is_std_lowercase_for_every_character() {
        let mut out = String::new();
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            out.clear();
            push_lower(c, &mut out);
            assert!(out.chars().eq(c.to_lowercase()), "{c:?} (U+{:04X}): {out:?}", c as u32);
            // What `tokens::normalize_word` relies on: only an apostrophe lowers to one.
            let apostrophe = |x: char| matches!(x, '\u{2019}' | '\u{2018}' | '\u{02BC}');
            assert!(!out.chars().any(apostrophe) || apostrophe(c), "{c:?}");
        }
    }

    #[test]
    fn lowercase_cases() {
        let cases = [
            ("Huawei HMS", "huawei hms"),
            ("\u{C9}COLE", "\u{E9}cole"),
            ("ÄÖÜ ß", "äöü ß"),
            ("", ""),
            ("\u{201C}Huawei\u{201D} SAID \u{130}X", "\u{201C}huawei\u{201D} said i\u{307}x"),
        ];
        for (input, expected) in cases {
            assert_eq!(lowercase(input), expected, "input {input:?}");
        }
    }
}
