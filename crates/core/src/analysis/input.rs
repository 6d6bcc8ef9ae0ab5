//! Reading text a user hands us: bytes in, UTF-8 text or a clear reason out.
//! The CLI and the app's imports share these checks.

use std::fmt;

/// Largest input accepted: 20 MB.
pub const MAX_BYTES: usize = 20 * 1000 * 1000;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InputError {
    /// Nothing but whitespace.
    Empty,
    TooLarge {
        bytes: usize,
    },
    /// A PDF, an image, an archive or other binary data.
    Binary {
        what: &'static str,
    },
    /// Not valid UTF-8; `offset` is the first bad byte.
    NotUtf8 {
        offset: usize,
    },
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::Empty => write!(f, "the text is empty: there is nothing to analyse"),
            InputError::TooLarge { bytes } => write!(
                f,
                "the input is {} MB, above the {} MB limit",
                super::export::decimal(*bytes as f64 / 1e6, 1),
                MAX_BYTES / 1_000_000
            ),
            InputError::Binary { what } => {
                write!(f, "this looks like {what}, not text: convert it to plain text (.txt, .md or .html) first")
            }
            InputError::NotUtf8 { offset } => write!(
                f,
                "the text is not valid UTF-8 (first bad byte at offset {offset}): save it as UTF-8 and try again"
            ),
        }
    }
}

impl std::error::Error for InputError {}

const SIGNATURES: [(&[u8], &str); 8] = [
    (b"%PDF-", "a PDF file"),
    (b"\x89PNG", "a PNG image"),
    (b"\xFF\xD8\xFF", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or a Word/OpenDocument file)"),
    (b"\x1F\x8B", "a gzip archive"),
    (b"\xD0\xCF\x11\xE0", "an old Microsoft Office file"),
    (b"\0asm", "a WebAssembly module"),
];

/// Checks and decodes user input. A UTF-8 byte-order mark is dropped.
pub fn read_text(bytes: &[u8]) -> Result<String, InputError> {
    if bytes.len() > MAX_BYTES {
        return Err(InputError::TooLarge { bytes: bytes.len() });
    }
    if let Some((_, what)) = SIGNATURES.iter().find(|(magic, _)| bytes.starts_with(magic)) {
        return Err(InputError::Binary { what });
    }
    let head = &bytes[..bytes.len().min(8192)];
    let controls = head.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C)).count();
    if head.contains(&0) || controls * 20 > head.len().max(1) {
        return Err(InputError::Binary { what: "binary data" });
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| InputError::NotUtf8 { offset: e.valid_up_to() })?;
    if text.trim().is_empty() {
        return Err(InputError::Empty);
    }
    Ok(text.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn input_cases() {
        let cases: [(&[u8], Result<&str, InputError>); 8] = [
            (b"Hello.", Ok("Hello.")),
            (b"\xEF\xBB\xBFBOM text", Ok("BOM text")),
            (b"", Err(InputError::Empty)),
            (b"  \n\t ", Err(InputError::Empty)),
            (b"%PDF-1.7 ...", Err(InputError::Binary { what: "a PDF file" })),
            (b"abc\0def", Err(InputError::Binary { what: "binary data" })),
            (b"caf\xE9 au lait", Err(InputError::NotUtf8 { offset: 3 })),
            ("Curly \u{201C}quotes\u{201D}".as_bytes(), Ok("Curly \u{201C}quotes\u{201D}")),
        ];
        for (input, expected) in cases {
            assert_eq!(read_text(input), expected.map(str::to_owned), "input {input:?}");
        }
    }

    #[test]
    fn too_large_is_refused_before_decoding() {
        let big = vec![b'a'; MAX_BYTES + 1];
        assert_eq!(read_text(&big), Err(InputError::TooLarge { bytes: MAX_BYTES + 1 }));
    }
}
