//! No panic on arbitrary input, anywhere in the pipeline (property tests).
//!
//! Inputs are built from pieces the rules look at — terminal punctuation,
//! abbreviations, quotes, list markers, odd spaces, multi-byte text, furniture
//! prefixes — so the generator reaches the corners, not just random letters.
#![cfg(not(target_arch = "wasm32"))]

use parallax::analysis::{self, input, sentences};
use parallax::corpus::SourceText;
use proptest::prelude::*;

const PIECES: &[&str] = &[
    ".",
    ".",
    "!",
    "?",
    "\u{2026}",
    "...",
    ". . .",
    "?!",
    "\"",
    "'",
    "\u{201C}",
    "\u{201D}",
    "\u{2019}",
    "(",
    ")",
    "[...]",
    " ",
    " ",
    " ",
    "  ",
    "\n",
    "\n\n",
    "\r\n",
    "\t",
    "\u{A0}",
    "\u{2003}",
    "\u{200B}",
    "\u{FEFF}",
    "\u{301}",
    "a",
    "I",
    "E",
    "p",
    "Mr",
    "Dr",
    "St",
    "Co",
    "No",
    "U.S",
    "a.m",
    "e.g",
    "etc",
    "N\u{B0}",
    "1",
    "10",
    "1,000",
    "3.14",
    "1.3 million",
    "55,000",
    "HMS Core 4.0",
    "The",
    "However",
    "It",
    "world",
    "Today",
    "Huawei",
    "Huawei\u{2019}s",
    "GMS",
    "Google",
    "cannot replace",
    "alternative",
    "according to",
    "said",
    "reported that",
    "Source: BBC",
    "Must Read:",
    "Leave a Reply",
    "The Links:",
    "NL12876AC18-03",
    "last year",
    "next week",
    "August",
    "@",
    "https://x.io",
    ":",
    ",",
    ";",
    "-",
    "\u{2014}",
    "\u{2022}",
    "1.)",
    "2)",
    "\u{E9}",
    "\u{534E}\u{4E3A}",
    "\u{1F600}",
    "\u{1F469}\u{200D}\u{1F4BB}",
    "\u{1C5}",
    "\u{DF}",
    "\u{130}",
];

fn text_from(pieces: Vec<usize>) -> String {
    pieces.into_iter().map(|i| PIECES[i % PIECES.len()]).collect()
}

fn source(id: &str, text: String) -> SourceText {
    SourceText { id: id.into(), label: id.into(), title: String::new(), title_derived: false, text, story: None }
}

/// Ranges are non-empty, ordered, on char boundaries, trimmed, and cover all visible text.
fn check_sentences(input: &str) {
    let found = sentences::split(input);
    let mut previous_end = 0;
    for s in &found {
        assert!(s.start < s.end && previous_end <= s.start, "bad range in {input:?}");
        assert!(input.is_char_boundary(s.start) && input.is_char_boundary(s.end), "{input:?}");
        let slice = &input[s.start..s.end];
        assert_eq!(slice.trim(), slice, "untrimmed range in {input:?}");
        previous_end = s.end;
    }
    let visible = |t: &str| t.chars().filter(|c| !c.is_whitespace()).count();
    let covered: usize = found.iter().map(|s| visible(&input[s.start..s.end])).sum();
    assert_eq!(covered, visible(input), "visible text dropped from {input:?}");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

    #[test]
    fn segmenter_keeps_its_invariants(pieces in prop::collection::vec(any::<usize>(), 0..40)) {
        check_sentences(&text_from(pieces));
    }

    #[test]
    fn segmenter_survives_raw_strings(s in any::<String>()) {
        check_sentences(&s);
    }

    #[test]
    fn input_checks_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        let _ = input::read_text(&bytes);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn whole_pipeline_never_panics(a in prop::collection::vec(any::<usize>(), 0..60), b in prop::collection::vec(any::<usize>(), 0..60)) {
        let comparison = analysis::compare(&source("a", text_from(a)), &source("b", text_from(b)));
        for claim in &comparison.claims {
            let side = comparison.side_of(claim).index();
            let cleaned = &comparison.sources[side].cleaned.text;
            prop_assert!(claim.start <= claim.end && claim.end <= cleaned.len());
            prop_assert!(cleaned.is_char_boundary(claim.start) && cleaned.is_char_boundary(claim.end));
        }
        for link in &comparison.links {
            prop_assert!((0.0..=1.0).contains(&link.score));
            prop_assert!(comparison.claim(&link.a).is_some() && comparison.claim(&link.b).is_some());
        }
        for format in analysis::export::Format::ALL {
            let _ = analysis::export::render(&analysis::compare::Subset::all(&comparison), format);
        }
    }

    #[test]
    fn whole_pipeline_survives_raw_strings(a in any::<String>(), b in any::<String>()) {
        let _ = analysis::compare(&source("a", a), &source("b", b));
    }
}
