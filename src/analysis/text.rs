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

/// A space that separates words: ASCII space and tab, and the Unicode space separators.
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
}
