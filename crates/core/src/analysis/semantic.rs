//! Semantic similarity: texts that say the same thing in other words.
//!
//! An [`Embedder`] holds a static embedding table: one vector per piece of the Llama-2
//! SentencePiece vocabulary (32,000 pieces), the first 64 dimensions of WordLlama's
//! `l2_supercat` vectors (wordllama 0.4.0.post1, MIT; built by
//! `scripts/semantic/build_table.py` into `data/semantic/`). A text's vector is the mean
//! of its pieces' vectors, normalised, as WordLlama pools; two texts are as similar as
//! the cosine of their vectors ([`Embedder::similarity`]). [`Embedder::scores`] mixes that
//! with a lexical similarity of stems ([`Embedder::lexical`]), and
//! [`Embedder::closest_words`] names the pair of content words that brought two texts
//! together ("restoration ≈ renovation").
//!
//! The library never embeds the table (the app fetches it; the CLI includes it): build an
//! embedder with [`Embedder::from_bytes`], which checks every byte and returns an error,
//! never panics. The math is plain `f32` in a fixed order, so the vectors are the same
//! natively and in wasm (a test pins their digest, [`Embedder::digest`]).
//!
//! # Tokenisation
//!
//! The text is split on whitespace; each word, with `▁` (U+2581) before it, is cut into
//! pieces by SentencePiece BPE: start from its characters and merge, again and again, the
//! adjacent pair whose joined piece is in the vocabulary with the lowest id (the leftmost
//! on a tie). A character no piece covers becomes its UTF-8 bytes (pieces `<0x00>` to
//! `<0xFF>`, ids 3 to 258). On single-spaced text this gives the ids of the package's own
//! tokenizer (the build script checks it on every piece of the vocabulary); runs of
//! spaces, newlines and the special tokens (`<s>`…) typed in the text are read as plain
//! separators and text, and a word of more than 64 characters is read in chunks of 64.
//!
//! # Table format (`PXSE` version 1; all integers little-endian)
//!
//! ```text
//! offset  size            field
//! 0       4               magic "PXSE"
//! 4       1               version: 1
//! 5       1               dims D: even, 2..=254 (64)
//! 6       1               bits per code: 4
//! 7       1               reserved: 0
//! 8       4               count N of pieces (u32), 259..=1<<20 (32,000)
//! 12      ...             N pieces in id order: a length byte, then that many UTF-8 bytes
//!                         (ids 0..=2 are <unk>, <s>, </s>; ids 3..=258 the bytes <0x00>..<0xFF>)
//! ...     2 N             one scale per piece: IEEE half-precision (f16) bits
//! ...     N D / 2         codes, D/2 bytes per piece: dimension 2k in the low nibble,
//!                         2k+1 in the high one; value = (nibble - 8) * scale
//! ```
//!
//! Nothing may follow. The form was chosen on stsb-dev (Spearman, mean pooling) and on
//! size: 256 fp16 dimensions 0.827; 64 dimensions 0.814 in f32, 0.814 with 8-bit codes
//! (2.0 MB gzip), 0.813 with 4-bit codes (this table: 1.33 MB, 1.09 MB gzip); 96 or 128
//! dimensions with 4-bit codes 0.822 (over 1.5 MB gzip); 48 with 8-bit codes 0.802
//! (1.6 MB gzip); 32 with 8-bit codes 0.784. Keeping only the pieces in Latin script
//! (27,345) would save 15% (0.93 MB gzip, 0.812) but lose other scripts' vectors.

use super::order;
use super::tokens::{self, Kind};

/// The table's magic bytes.
const MAGIC: &[u8; 4] = b"PXSE";
/// The first piece that is text (ids below are `<unk>`, `<s>`, `</s>` and the 256 bytes).
const FIRST_TEXT_PIECE: u32 = 259;
/// The id of the piece of byte `b` is `BYTE_PIECES + b`.
const BYTE_PIECES: u32 = 3;
/// SentencePiece's word-start mark.
const WORD_START: char = '\u{2581}';
/// A longer word is read in chunks of this many characters (the later ones without the
/// word-start mark): BPE's work grows with the square of a word's length.
const MAX_WORD_CHARS: usize = 64;

/// How [`Embedder::scores`] mixes the two similarities: this share of the semantic one.
/// Chosen on the pairs at even positions of stsb-dev (`scripts/eval/stsb.py --choose`:
/// Spearman 0.810 there, 0.842 on the odd half; semantic alone 0.796 and 0.830,
/// lexical alone 0.770 and 0.799). Flat from 0.5 to 0.7.
pub const SEMANTIC_SHARE: f32 = 0.6;

/// Sentences whose vectors native and wasm builds must agree on: the
/// [`Embedder::digest`] of them with the committed table is [`PARITY_DIGEST`].
pub const PARITY_TEXTS: [&str; 4] = [
    "A man with a hard hat is dancing.",
    "The restoration work could be to blame for the fire.",
    "Inflation would stay above 8% till March-end.",
    "Ünïcödé, emoji 😀 and 漢字 fall back to bytes.",
];

/// [`Embedder::digest`] of [`PARITY_TEXTS`] with `data/semantic/wordllama-64x4.bin`
/// (pinned by a native test; the wasm test asserts the same).
pub const PARITY_DIGEST: u64 = 0xdcc4_684b_78ac_2bc3;

/// A static embedding table, decoded: see the module documentation.
pub struct Embedder {
    dims: usize,
    /// Every piece's bytes, back to back; piece `id` ends at `ends[id]`.
    names: Vec<u8>,
    ends: Vec<u32>,
    /// The text pieces by [`tokens::word_hash`]: an open-addressed table (linear probing)
    /// of `id + 1`, 0 for an empty slot, with at least half its slots empty.
    by_name: Vec<u32>,
    scales: Vec<f32>,
    /// `dims / 2` bytes per piece, two 4-bit codes each.
    codes: Vec<u8>,
}

/// The similarities of two texts, each in [0, 1].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scores {
    /// The mix: [`SEMANTIC_SHARE`] of `semantic`, the rest `lexical`.
    pub score: f32,
    /// [`Embedder::lexical`].
    pub lexical: f32,
    /// [`Embedder::similarity`].
    pub semantic: f32,
}

/// Two content words, one from each text, close in meaning ([`Embedder::closest_words`]).
#[derive(Clone, Debug, PartialEq)]
pub struct WordPair {
    /// The word of the first text, lowercase.
    pub a: String,
    /// The word of the second text, lowercase.
    pub b: String,
    /// The cosine of their vectors, in [0, 1].
    pub similarity: f32,
}

impl WordPair {
    /// "restoration ≈ renovation".
    pub fn describe(&self) -> String {
        format!("{} \u{2248} {}", self.a, self.b)
    }
}

/// A little-endian reader over the table that reports what is missing.
struct Reader<'b> {
    bytes: &'b [u8],
    at: usize,
}

impl<'b> Reader<'b> {
    fn take(&mut self, len: usize, what: &str) -> Result<&'b [u8], String> {
        let end = self.at.checked_add(len).filter(|&end| end <= self.bytes.len()).ok_or_else(|| {
            format!("the embedding table is truncated: {what} needs {len} bytes at offset {}", self.at)
        })?;
        let slice = &self.bytes[self.at..end];
        self.at = end;
        Ok(slice)
    }
}

impl Embedder {
    /// Decodes a table in the format of the module documentation. Bad bytes give an
    /// error that says what is wrong, never a panic.
    pub fn from_bytes(bytes: &[u8]) -> Result<Embedder, String> {
        let mut reader = Reader { bytes, at: 0 };
        let header = reader.take(12, "the header")?;
        if &header[..4] != MAGIC {
            return Err("not an embedding table (no PXSE magic)".into());
        }
        let (version, dims, bits) = (header[4], usize::from(header[5]), header[6]);
        if version != 1 {
            return Err(format!("embedding table version {version} is not supported (expected 1)"));
        }
        if bits != 4 || dims < 2 || dims % 2 != 0 {
            return Err(format!("unsupported embedding table layout: {dims} dimensions, {bits}-bit codes"));
        }
        let count = u32::from_le_bytes([header[8], header[9], header[10], header[11]]);
        if !(FIRST_TEXT_PIECE..=1 << 20).contains(&count) {
            return Err(format!("the embedding table has {count} pieces (expected 259 to 1048576)"));
        }
        let count = count as usize;
        let mut names = Vec::new();
        let mut ends = Vec::with_capacity(count);
        for id in 0..count {
            let len = reader.take(1, "a piece's length")?[0];
            let piece = reader.take(usize::from(len), "a piece")?;
            if std::str::from_utf8(piece).is_err() {
                return Err(format!("the embedding table's piece {id} is not UTF-8"));
            }
            names.extend_from_slice(piece);
            ends.push(names.len() as u32);
        }
        let scales = reader
            .take(2 * count, "the scales")?
            .chunks_exact(2)
            .map(|h| f16_to_f32(u16::from_le_bytes([h[0], h[1]])))
            .collect::<Vec<f32>>();
        if let Some(id) = scales.iter().position(|s| !s.is_finite()) {
            return Err(format!("the embedding table's scale of piece {id} is not a number"));
        }
        let codes = reader.take(count * dims / 2, "the codes")?.to_vec();
        if reader.at != bytes.len() {
            return Err(format!("the embedding table has {} bytes after its codes", bytes.len() - reader.at));
        }
        let mut embedder = Embedder { dims, names, ends, by_name: Vec::new(), scales, codes };
        if embedder.piece(BYTE_PIECES) != b"<0x00>" || embedder.piece(FIRST_TEXT_PIECE - 1) != b"<0xFF>" {
            return Err("the embedding table's byte pieces are not ids 3 to 258".into());
        }
        let mut by_name = vec![0u32; (2 * count).next_power_of_two()];
        let mask = by_name.len() - 1;
        for id in FIRST_TEXT_PIECE..count as u32 {
            let mut slot = tokens::word_hash(embedder.text_piece(id)) as usize & mask;
            while by_name[slot] != 0 {
                slot = (slot + 1) & mask;
            }
            by_name[slot] = id + 1;
        }
        embedder.by_name = by_name;
        Ok(embedder)
    }

    /// The number of dimensions of a vector.
    pub fn dims(&self) -> usize {
        self.dims
    }

    /// The number of pieces in the vocabulary.
    pub fn pieces(&self) -> usize {
        self.ends.len()
    }

    /// The bytes the decoded table holds (its heap allocations).
    pub fn memory(&self) -> usize {
        self.names.len() + 4 * (self.ends.len() + self.by_name.len() + self.scales.len()) + self.codes.len()
    }

    fn piece(&self, id: u32) -> &[u8] {
        let id = id as usize;
        let start = if id == 0 { 0 } else { self.ends[id - 1] as usize };
        &self.names[start..self.ends[id] as usize]
    }

    /// Piece `id` as text (every piece was checked to be UTF-8).
    fn text_piece(&self, id: u32) -> &str {
        std::str::from_utf8(self.piece(id)).unwrap_or_default()
    }

    /// The id of a text piece.
    fn lookup(&self, piece: &str) -> Option<u32> {
        let mask = self.by_name.len() - 1;
        let mut slot = tokens::word_hash(piece) as usize & mask;
        loop {
            match self.by_name[slot] {
                0 => return None,
                id if self.piece(id - 1) == piece.as_bytes() => return Some(id - 1),
                _ => slot = (slot + 1) & mask,
            }
        }
    }

    /// The ids of a text's pieces (see the module documentation).
    pub fn token_ids(&self, text: &str) -> Vec<u32> {
        let mut ids = Vec::new();
        let mut word = String::new();
        for whole in text.split_whitespace() {
            let mut rest = whole;
            while !rest.is_empty() {
                let cut = rest.char_indices().nth(MAX_WORD_CHARS).map_or(rest.len(), |(i, _)| i);
                word.clear();
                if rest.len() == whole.len() {
                    word.push(WORD_START);
                }
                word.push_str(&rest[..cut]);
                self.push_pieces(&word, &mut ids);
                rest = &rest[cut..];
            }
        }
        ids
    }

    /// Cuts one word into pieces (BPE) and pushes their ids.
    fn push_pieces(&self, word: &str, ids: &mut Vec<u32>) {
        // Symbol k is word[bounds[k]..bounds[k + 1]], `pieces[k]` its id if it has one,
        // and `joined[k]` the id of symbols k and k + 1 joined, if that is a piece.
        let mut bounds: Vec<usize> = word.char_indices().map(|(i, _)| i).chain([word.len()]).collect();
        let mut pieces: Vec<Option<u32>> = bounds.windows(2).map(|b| self.lookup(&word[b[0]..b[1]])).collect();
        let join = |bounds: &[usize], k: usize| self.lookup(&word[bounds[k]..bounds[k + 2]]);
        let mut joined: Vec<Option<u32>> = (0..pieces.len().saturating_sub(1)).map(|k| join(&bounds, k)).collect();
        // The lowest id first, the leftmost on a tie.
        while let Some((id, k)) = joined.iter().enumerate().filter_map(|(k, id)| id.map(|id| (id, k))).min() {
            bounds.remove(k + 1);
            pieces[k] = Some(id);
            pieces.remove(k + 1);
            joined.remove(k);
            if k > 0 {
                joined[k - 1] = join(&bounds, k - 1);
            }
            if k < joined.len() {
                joined[k] = join(&bounds, k);
            }
        }
        for (k, piece) in pieces.into_iter().enumerate() {
            match piece {
                Some(id) => ids.push(id),
                None => ids.extend(word[bounds[k]..bounds[k + 1]].bytes().map(|b| BYTE_PIECES + u32::from(b))),
            }
        }
    }

    /// The unit vector of a text: the mean of its pieces' vectors, normalised (all
    /// zeros for a text without pieces).
    pub fn embed(&self, text: &str) -> Vec<f32> {
        let mut sum = vec![0.0f32; self.dims];
        for id in self.token_ids(text) {
            let id = id as usize;
            let scale = self.scales[id];
            let row = &self.codes[id * self.dims / 2..(id + 1) * self.dims / 2];
            for (pair, &byte) in sum.chunks_exact_mut(2).zip(row) {
                pair[0] += scale * (i32::from(byte & 15) - 8) as f32;
                pair[1] += scale * (i32::from(byte >> 4) - 8) as f32;
            }
        }
        let norm = sum.iter().map(|x| x * x).sum::<f32>().sqrt();
        if norm > 0.0 {
            sum.iter_mut().for_each(|x| *x /= norm);
        }
        sum
    }

    /// How close in meaning two texts are: the cosine of their vectors, below 0 read as 0.
    pub fn similarity(&self, a: &str, b: &str) -> f32 {
        cosine(&self.embed(a), &self.embed(b)).clamp(0.0, 1.0)
    }

    /// How rare a word (lowercase) is, from the vocabulary: BPE gives the pieces of
    /// frequent strings low ids, so a word that is one piece has about the frequency rank
    /// of its id (Zipf: the rarity is the log of the rank), and a word of several pieces
    /// is rarer than any single piece. Used where there is no corpus to count words in.
    pub fn rarity(&self, word: &str) -> f32 {
        let mut whole = String::with_capacity(word.len() + 3);
        whole.push(WORD_START);
        whole.push_str(word);
        let rank = match self.lookup(&whole) {
            Some(id) => id - FIRST_TEXT_PIECE + 1,
            None => self.pieces().saturating_mul(self.token_ids(word).len().max(1)).min(1 << 30) as u32,
        };
        log2(1 + rank)
    }

    /// Word similarity of two texts on their own: the cosine of their stems (stopwords
    /// left out), each weighted by its count and by the [`rarity`](Self::rarity) of its
    /// most common form in either text, in [0, 1].
    pub fn lexical(&self, a: &str, b: &str) -> f32 {
        let (mut ta, mut tb) = (self.terms(a), self.terms(b));
        // The stems both texts have, as index pairs (both lists are in key order).
        let mut shared = Vec::new();
        let (mut i, mut j) = (0, 0);
        while i < ta.len() && j < tb.len() {
            match ta[i].0.cmp(&tb[j].0) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    shared.push((i, j));
                    (i, j) = (i + 1, j + 1);
                }
            }
        }
        for &(i, j) in &shared {
            let rarity = ta[i].2.min(tb[j].2);
            (ta[i].2, tb[j].2) = (rarity, rarity);
        }
        let weights =
            |t: &[(String, f32, f32)]| -> Vec<f32> { t.iter().map(|(_, count, rarity)| count * rarity).collect() };
        let (wa, wb) = (weights(&ta), weights(&tb));
        let dot = shared.iter().fold(0.0f32, |dot, &(i, j)| dot + wa[i] * wb[j]);
        let norm = |w: &[f32]| w.iter().map(|x| x * x).sum::<f32>().sqrt();
        let (na, nb) = (norm(&wa), norm(&wb));
        if na > 0.0 && nb > 0.0 { (dot / (na * nb)).clamp(0.0, 1.0) } else { 0.0 }
    }

    /// A text's stems (words and numbers, stopwords left out) in order, each with its
    /// count and the rarity of its most common form.
    fn terms(&self, text: &str) -> Vec<(String, f32, f32)> {
        let mut terms: Vec<(String, f32, f32)> = tokens::tokenize(text)
            .into_iter()
            .filter(|t| t.is_term() && !t.is_stopword())
            .map(|t| {
                let rarity = self.rarity(&t.norm);
                (t.key.into(), 1.0, rarity)
            })
            .collect();
        order::sort_by(&mut terms, |x, y| x.0.cmp(&y.0));
        terms.dedup_by(|later, kept| {
            let same = later.0 == kept.0;
            if same {
                kept.1 += 1.0;
                kept.2 = kept.2.min(later.2);
            }
            same
        });
        terms
    }

    /// Both similarities of two texts and their mix.
    pub fn scores(&self, a: &str, b: &str) -> Scores {
        let (lexical, semantic) = (self.lexical(a, b), self.similarity(a, b));
        let score = (SEMANTIC_SHARE * semantic + (1.0 - SEMANTIC_SHARE) * lexical).clamp(0.0, 1.0);
        Scores { score, lexical, semantic }
    }

    /// The two content words, one of each text, with different stems, that bring the
    /// texts closest in meaning: the highest cosine times the lower
    /// [`rarity`](Self::rarity) of the two (rare words are the telling ones; a common
    /// word is close to many). What a link made on meaning names in its `why`. `None`
    /// when a text has no content word.
    pub fn closest_words(&self, a: &str, b: &str) -> Option<WordPair> {
        let words = |text: &str| -> Vec<(String, String, f32, Vec<f32>)> {
            let mut words: Vec<(String, String, f32, Vec<f32>)> = Vec::new();
            for t in tokens::tokenize(text) {
                if t.kind == Kind::Word && !t.is_stopword() && !words.iter().any(|w| w.0 == t.key) {
                    let (rarity, vector) = (self.rarity(&t.norm), self.embed(&t.norm));
                    words.push((t.key.into(), t.norm.into(), rarity, vector));
                }
            }
            words
        };
        let (wa, wb) = (words(a), words(b));
        let mut best: Option<(f32, WordPair)> = None;
        for (ka, na, ra, va) in &wa {
            for (kb, nb, rb, vb) in &wb {
                let similarity = cosine(va, vb).clamp(0.0, 1.0);
                let weight = similarity * ra.min(*rb);
                if ka != kb && best.as_ref().is_none_or(|(w, _)| weight > *w) {
                    best = Some((weight, WordPair { a: na.clone(), b: nb.clone(), similarity }));
                }
            }
        }
        best.map(|(_, pair)| pair)
    }

    /// A digest of the vectors of `texts` (FxHash of their bits): native and wasm
    /// builds must agree on it.
    pub fn digest(&self, texts: &[&str]) -> u64 {
        texts
            .iter()
            .flat_map(|t| self.embed(t))
            .fold(0u64, |h, x| (h.rotate_left(5) ^ u64::from(x.to_bits())).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95))
    }
}

/// The cosine of two vectors (0 when either is all zeros), summed in order.
pub fn cosine(a: &[f32], b: &[f32]) -> f32 {
    let (mut dot, mut na, mut nb) = (0.0f32, 0.0f32, 0.0f32);
    for (x, y) in a.iter().zip(b) {
        dot += x * y;
        na += x * x;
        nb += y * y;
    }
    if na > 0.0 && nb > 0.0 { dot / (na.sqrt() * nb.sqrt()) } else { 0.0 }
}

/// The base-2 logarithm of `n` ≥ 1, linear between powers of two (within 0.09 of the
/// true one): integer and exact `f32` operations only, so wasm and native agree (`ln`
/// comes from different maths libraries).
fn log2(n: u32) -> f32 {
    let n = n.max(1);
    let power = 31 - n.leading_zeros();
    let below = 1u32 << power;
    power as f32 + (n - below) as f32 / below as f32
}

/// IEEE half precision to single: exact, by bits.
fn f16_to_f32(half: u16) -> f32 {
    let sign = if half & 0x8000 != 0 { -1.0 } else { 1.0 };
    let exponent = u32::from((half >> 10) & 0x1f);
    let mantissa = u32::from(half & 0x3ff);
    match exponent {
        // Subnormal: mantissa * 2^-24, exact in f32.
        0 => sign * mantissa as f32 / 16_777_216.0,
        31 if mantissa == 0 => sign * f32::INFINITY,
        31 => f32::NAN,
        _ => f32::from_bits((u32::from(half & 0x8000) << 16) | ((exponent + 112) << 23) | (mantissa << 13)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::LazyLock;

    static TABLE: &[u8] =
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/semantic/wordllama-64x4.bin"));
    static EMBEDDER: LazyLock<Embedder> = LazyLock::new(|| Embedder::from_bytes(TABLE).expect("the table decodes"));

    #[test]
    fn pieces_are_the_packages() {
        // Ids as the package's tokenizer gives them (tokenizers 0.23, add_special_tokens=False).
        let names = |text: &str| -> Vec<String> {
            EMBEDDER
                .token_ids(text)
                .into_iter()
                .map(|id| String::from_utf8_lossy(EMBEDDER.piece(id)).into_owned())
                .collect()
        };
        assert_eq!(names("A man is dancing."), ["▁A", "▁man", "▁is", "▁dan", "cing", "."]);
        assert_eq!(names("😀"), ["▁", "<0xF0>", "<0x9F>", "<0x98>", "<0x80>"]);
        assert_eq!(names("  "), Vec::<String>::new());
    }

    #[test]
    fn any_text_embeds() {
        let long = "x".repeat(10_000) + &"é".repeat(100);
        for text in [long.as_str(), "\u{0301}\u{0301}", "<s></s><unk>", "\0\t\u{2581}\u{2581}", "a\u{FFFF}b"] {
            let vector = EMBEDDER.embed(text);
            assert_eq!(vector.len(), 64);
            let norm = cosine(&vector, &vector);
            assert!((norm - 1.0).abs() < 1e-5, "{text:?}: {norm}");
        }
        // A long word is read in chunks of 64 characters, the later ones without "▁".
        let (whole, half) = (EMBEDDER.token_ids(&"ab".repeat(64)), EMBEDDER.token_ids(&"ab".repeat(32)));
        assert_eq!(whole[..half.len()], half);
        assert_eq!(whole[half.len()..], [half[1..].to_vec(), vec![half[1]]].concat());
    }

    #[test]
    fn similar_meanings_score_higher() {
        let e = &*EMBEDDER;
        let close = e.similarity("There were no survivors.", "None of the 149 people on board survived.");
        let far = e.similarity("There were no survivors.", "The central bank raised interest rates.");
        assert!(close > far + 0.1, "{close} vs {far}");
        for s in [close, far, e.similarity("", "text"), e.similarity("", "")] {
            assert!((0.0..=1.0).contains(&s), "{s}");
        }
        assert!((e.similarity("same words", "same words") - 1.0).abs() < 1e-5);
    }

    /// Pairs that say one thing in other words (from issue 11: real pairs that term
    /// matching missed, and one of ours), each with the words a reader would name.
    const REWORDED: [(&str, &str, &str); 4] = [
        (
            "The fire was linked to the renovation work.",
            "Restoration work on the roof could be to blame.",
            "renovation \u{2248} restoration",
        ),
        ("None of the 149 people on board survived.", "There were no survivors.", "survived \u{2248} survivors"),
        (
            "Inflation will remain above 8% at the end of the first quarter.",
            "Inflation would stay above 8% till March-end.",
            "remain \u{2248} stay",
        ),
        ("The earthquake killed at least 40 people.", "At least 40 died in the quake.", "earthquake \u{2248} quake"),
    ];

    #[test]
    fn reworded_claims_are_close_and_the_words_are_named() {
        let e = &*EMBEDDER;
        for (i, &(a, b, words)) in REWORDED.iter().enumerate() {
            assert_eq!(e.closest_words(a, b).map(|p| p.describe()).as_deref(), Some(words));
            let close = e.similarity(a, b);
            // Against the other pairs' sentences (two of them also tell of deaths).
            for &(x, y, _) in REWORDED.iter().skip(i + 1) {
                for other in [x, y] {
                    let far = e.similarity(a, other);
                    assert!(close > far + 0.1, "{a:?} ~ {b:?}: {close}, ~ {other:?}: {far}");
                }
            }
        }
        assert_eq!(e.closest_words("the and of", "restoration"), None);
    }

    #[test]
    fn lexical_similarity_weighs_rare_words() {
        let e = &*EMBEDDER;
        assert!(e.rarity("renovation") > e.rarity("people"));
        assert!((e.lexical("Restoration works", "the restoration work") - 1.0).abs() < 1e-5);
        let rare = e.lexical("renovation people", "renovation");
        let common = e.lexical("renovation people", "people");
        assert!(rare > common, "{rare} vs {common}");
        assert_eq!(e.lexical("the", "the"), 0.0);
    }

    #[test]
    fn vectors_have_a_pinned_digest() {
        assert_eq!(format!("{:016x}", EMBEDDER.digest(&PARITY_TEXTS)), format!("{PARITY_DIGEST:016x}"));
    }

    #[test]
    fn bad_tables_are_errors() {
        let cases: [(&[u8], &str); 5] = [
            (b"", "truncated"),
            (b"GIF89a-not-a-table", "no PXSE magic"),
            (&TABLE[..TABLE.len() - 1], "truncated: the codes"),
            (&[b"PXSE", &[2u8, 64, 4, 0, 0, 125, 0, 0][..]].concat(), "version 2"),
            (&[b"PXSE", &[1u8, 64, 4, 0, 1, 0, 0, 0][..]].concat(), "1 pieces"),
        ];
        for (bytes, message) in cases {
            let error = Embedder::from_bytes(bytes).err().expect("an error");
            assert!(error.contains(message), "{error:?} should say {message:?}");
        }
        let mut longer = TABLE.to_vec();
        longer.push(0);
        assert!(Embedder::from_bytes(&longer).err().is_some_and(|e| e.contains("1 bytes after")));
        // A damaged byte anywhere in the header, the pieces or the scales: an error or a
        // table that embeds.
        let scales_end = TABLE.len() - 32 * EMBEDDER.pieces();
        for at in (0..16).chain((16..scales_end).step_by(7919)) {
            for value in [0u8, 0xff] {
                let mut damaged = TABLE.to_vec();
                damaged[at] = value;
                if let Ok(embedder) = Embedder::from_bytes(&damaged) {
                    let _ = embedder.scores("A man is dancing.", "Ünïcödé 😀");
                }
            }
        }
        // Every prefix of a table fails cleanly.
        for len in (0..4096).chain([TABLE.len() / 2]) {
            assert!(Embedder::from_bytes(&TABLE[..len]).is_err());
        }
    }

    #[test]
    fn log2_is_close_and_exact_at_powers_of_two() {
        assert_eq!((log2(0), log2(1), log2(2), log2(3), log2(1 << 20)), (0.0, 0.0, 1.0, 1.5, 20.0));
        for n in [5u32, 100, 31_999, 128_000, u32::MAX] {
            assert!((log2(n) - (n as f32).log2()).abs() < 0.09, "{n}");
        }
    }

    #[test]
    fn half_floats_convert_exactly() {
        for (half, value) in
            [(0x3c00u16, 1.0f32), (0xc000, -2.0), (0x0001, 5.960_464_5e-8), (0x7bff, 65504.0), (0, 0.0)]
        {
            assert_eq!(f16_to_f32(half), value);
        }
        assert!(f16_to_f32(0x7e00).is_nan());
    }
}
