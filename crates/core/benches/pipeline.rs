//! Benchmarks of the analysis core. They report; they do not assert.
//!
//! - `pipeline`: the whole pipeline ([`compare`]) over a generated corpus of 1,000
//!   articles (about 5 MB), as 500 comparisons of consecutive pairs. Divan prints
//!   the throughput in MB/s (input bytes per second).
//! - `analysis_only`: cleaning and claim extraction ([`analyze`]) of the same
//!   1,000 articles, without alignment.
//! - `align_200x200`: [`align::align`] on two sources of exactly 200 claims each.
//!
//! The corpus is generated deterministically (a xorshift, no files): paragraphs of
//! 3–8 sentences built from the words and sentences of the embedded corpus, with
//! varied numbers, names and quotes, a heading now and then, and page furniture
//! ("Must Read: …", "Source: Reuters", "Leave a Reply").
//!
//! Run with `scripts/bench.sh` or `cargo bench --bench pipeline`;
//! `PARALLAX_BENCH_SHOW=N` prints generated article N instead, and
//! `PARALLAX_BENCH_DIGEST=1` a digest of all 500 comparisons (to check that an
//! optimisation changes no result); `PARALLAX_BENCH_ONCE=pipeline:200` runs one
//! pass of one workload (`pipeline`, `analysis` or `align`), for a profiler.

extern crate parallax_core as parallax;

use divan::Bencher;
use divan::counter::BytesCount;
use parallax::analysis::compare::{Side, analyze};
use parallax::analysis::knowledge::Knowledge;
use parallax::analysis::{Claim, align, compare};
use parallax::corpus::{self, SourceText};
use parallax::synthetic::{self, Generator};
use std::hint::black_box;
use std::sync::LazyLock;
use std::time::Instant;

const ARTICLES: usize = 1_000;
const ALIGN_CLAIMS: usize = 200;

fn main() {
    let articles = &*GENERATED;
    let (claims_a, claims_b) = &*ALIGN_INPUT;
    // `PARALLAX_BENCH_SHOW=3` prints article 3 of the generated corpus and stops.
    if let Some(index) = std::env::var("PARALLAX_BENCH_SHOW").ok().and_then(|v| v.parse::<usize>().ok()) {
        let article = &articles[index.min(articles.len() - 1)];
        println!("# {} ({:?})\n{}", article.id, article.title, article.text);
        return;
    }
    // `PARALLAX_BENCH_DIGEST=1` prints a digest of every comparison (all fields,
    // via `Debug`) and stops: an optimisation must leave it unchanged.
    if std::env::var_os("PARALLAX_BENCH_DIGEST").is_some() {
        println!("{}", digest(articles));
        return;
    }
    // `PARALLAX_BENCH_ONCE=pipeline|analysis|align[:ARTICLES]` runs one pass of one
    // workload and stops: for a profiler (`perf record`, `valgrind --tool=callgrind`).
    if let Ok(once) = std::env::var("PARALLAX_BENCH_ONCE") {
        let (workload, count) = once.split_once(':').unwrap_or((once.as_str(), ""));
        let articles = &articles[..count.parse().unwrap_or(articles.len()).min(articles.len())];
        match workload {
            "pipeline" => run_pipeline(articles),
            "analysis" => run_analysis(articles),
            "align" => {
                black_box(align::align(claims_a, claims_b, Knowledge::embedded()));
            }
            other => eprintln!("PARALLAX_BENCH_ONCE: unknown workload {other:?}"),
        }
        return;
    }
    let bytes = input_bytes(articles);
    println!(
        "corpus: {} generated articles, {:.2} MB ({} bytes, {:.1} KB each on average); \
         align input: {} x {} claims",
        articles.len(),
        bytes as f64 / 1e6,
        bytes,
        bytes as f64 / articles.len() as f64 / 1e3,
        claims_a.len(),
        claims_b.len(),
    );
    println!("{}", one_pass_summary(articles, bytes));
    divan::main();
}

/// One timed pass of each benchmark, as a single line a script can grep.
fn one_pass_summary(articles: &[SourceText], bytes: usize) -> String {
    let mb = bytes as f64 / 1e6;
    let pipeline = timed(|| run_pipeline(articles));
    let analysis = timed(|| run_analysis(articles));
    let (claims_a, claims_b) = &*ALIGN_INPUT;
    let align_time = timed(|| black_box(align::align(claims_a, claims_b, Knowledge::embedded())));
    format!(
        "summary (one pass): whole pipeline {:.2} MB/s, analysis only {:.2} MB/s, \
         align {ALIGN_CLAIMS}x{ALIGN_CLAIMS} claims {:.2} ms",
        mb / pipeline,
        mb / analysis,
        align_time * 1e3,
    )
}

fn digest(articles: &[SourceText]) -> String {
    // FNV-1a, 64 bits.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut bytes = 0;
    for pair in articles.chunks_exact(2) {
        let text = format!("{:?}", compare(&pair[0], &pair[1]));
        bytes += text.len();
        for byte in text.bytes() {
            hash = (hash ^ u64::from(byte)).wrapping_mul(0x100_0000_01b3);
        }
    }
    format!("digest of {} comparisons ({bytes} bytes of Debug output): {hash:016x}", articles.len() / 2)
}

fn timed<T>(f: impl FnOnce() -> T) -> f64 {
    let start = Instant::now();
    black_box(f());
    start.elapsed().as_secs_f64()
}

fn input_bytes(articles: &[SourceText]) -> usize {
    articles.iter().map(|a| a.text.len()).sum()
}

/// 500 comparisons: article 0 with 1, 2 with 3, …
fn run_pipeline(articles: &[SourceText]) {
    for pair in articles.chunks_exact(2) {
        black_box(compare(&pair[0], &pair[1]));
    }
}

fn run_analysis(articles: &[SourceText]) {
    let knowledge = Knowledge::embedded();
    for (i, article) in articles.iter().enumerate() {
        let side = if i.is_multiple_of(2) { Side::A } else { Side::B };
        black_box(analyze(article, side, knowledge));
    }
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn pipeline(bencher: Bencher) {
    let articles = &*GENERATED;
    bencher.counter(BytesCount::new(input_bytes(articles))).bench(|| run_pipeline(articles));
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn analysis_only(bencher: Bencher) {
    let articles = &*GENERATED;
    bencher.counter(BytesCount::new(input_bytes(articles))).bench(|| run_analysis(articles));
}

#[divan::bench(sample_count = 30, sample_size = 1)]
fn align_200x200(bencher: Bencher) {
    let (a, b) = &*ALIGN_INPUT;
    let knowledge = Knowledge::embedded();
    bencher.bench(|| align::align(a, b, knowledge));
}

/// The embedded story (two real articles, about 5 KB), for scale.
#[divan::bench]
fn pipeline_embedded(bencher: Bencher) {
    let sources = corpus::embedded();
    bencher.counter(BytesCount::new(input_bytes(sources))).bench(|| compare(&sources[0], &sources[1]));
}

static GENERATED: LazyLock<Vec<SourceText>> = LazyLock::new(|| synthetic::articles(synthetic::SEED, ARTICLES));

/// Two sources of exactly 200 claims each, on the same story.
static ALIGN_INPUT: LazyLock<(Vec<Claim>, Vec<Claim>)> = LazyLock::new(|| {
    let mut generator = Generator::new(0xA11C_0FFE_E123_4567);
    let a = generator.claims(Side::A, ALIGN_CLAIMS);
    let b = generator.claims(Side::B, ALIGN_CLAIMS);
    (a, b)
});
