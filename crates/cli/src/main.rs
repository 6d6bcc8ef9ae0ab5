//! `parallax`: the command-line shell over the analysis core.
//!
//! ```text
//! parallax compare [A.txt B.txt] [--format json|markdown|csv]
//! parallax sentences [FILE|-] [--format json|lines]
//! parallax similarity [FILE|-] [--stats]
//! ```

use parallax::analysis::knowledge::Knowledge;
use parallax::analysis::{self, compare::Subset, export::Format, input, semantic::Embedder};
use parallax::corpus::SourceText;
use std::io::{Read, Write};
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

/// The semantic layer's embedding table (`scripts/semantic/build_table.py`). The CLI
/// carries it; the library does not, so the app's wasm stays small.
static TABLE: &[u8] = include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/semantic/wordllama-64x4.bin"));

const USAGE: &str = "\
parallax — compare how two sources report one story

USAGE:
    parallax compare [A.txt B.txt] [--format json|markdown|csv] [--lexical]
        Compare two article files (UTF-8 text). Without files, compare the
        embedded corpus. Claims are matched by shared words and by meaning
        (the embedded semantic table); --lexical matches by words only.
        Default format: json (schema parallax/comparison@1).
    parallax sentences [FILE|-] [--format json|lines]
        Split text into sentences. Reads standard input when FILE is - or absent.
        Default format: json (an array of strings).
    parallax similarity [FILE|-] [--stats]
        Score sentence pairs, one JSON object {\"a\": \"...\", \"b\": \"...\"} a line.
        Prints one line each: {\"score\": mix, \"lexical\": words, \"semantic\": meaning},
        each in [0, 1], or {\"error\": \"...\", \"line\": N} for a line it cannot read
        (and exits 1 after scoring the rest). --stats: the table's load time and
        memory on standard error.
    parallax corpus [COUNT]
        Print a generated JSON corpus ([{title, text, label}]) of COUNT articles
        (default 1000, about 5 MB) in the style of the embedded story: the corpus
        the benchmarks measure on.
    parallax --help
";

/// A failure the user can act on: message, whether it was a usage mistake, and the
/// output made before or despite it (printed all the same).
struct Failure {
    message: String,
    usage: bool,
    output: String,
}

impl Failure {
    fn usage(message: impl Into<String>) -> Self {
        Failure { message: message.into(), usage: true, output: String::new() }
    }
    fn input(message: impl Into<String>) -> Self {
        Failure { message: message.into(), usage: false, output: String::new() }
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(output) => {
            let mut stdout = std::io::stdout().lock();
            // A closed pipe (`| head`) is not an error worth reporting.
            let _ = stdout.write_all(output.as_bytes());
            ExitCode::SUCCESS
        }
        Err(failure) => {
            let _ = std::io::stdout().lock().write_all(failure.output.as_bytes());
            eprintln!("parallax: error: {}", failure.message);
            if failure.usage {
                eprintln!("\n{USAGE}");
                ExitCode::from(2)
            } else {
                ExitCode::from(1)
            }
        }
    }
}

/// Splits arguments into positionals and the value of `--format`.
fn parse<'a>(args: &'a [String], formats: &[&str]) -> Result<(Vec<&'a str>, Option<&'a str>), Failure> {
    let mut positionals = Vec::new();
    let mut format = None;
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        if let Some(value) = arg.strip_prefix("--format=") {
            format = Some(value);
        } else if arg == "--format" || arg == "-f" {
            format = Some(iter.next().ok_or_else(|| Failure::usage("--format needs a value"))?.as_str());
        } else if arg.starts_with("--") {
            return Err(Failure::usage(format!("unknown option {arg}")));
        } else {
            positionals.push(arg.as_str());
        }
    }
    if let Some(f) = format.filter(|f| !formats.contains(f)) {
        return Err(Failure::usage(format!("unknown format {f:?}; expected one of {}", formats.join(", "))));
    }
    Ok((positionals, format))
}

fn run(args: &[String]) -> Result<String, Failure> {
    let Some(command) = args.first() else {
        return Err(Failure::usage("no command given"));
    };
    let rest = &args[1..];
    match command.as_str() {
        "compare" => compare(rest),
        "sentences" => sentences(rest),
        "similarity" => similarity(rest),
        "corpus" => generated_corpus(rest),
        "-h" | "--help" | "help" => Ok(USAGE.to_owned()),
        other => Err(Failure::usage(format!("unknown command {other:?}"))),
    }
}

fn compare(args: &[String]) -> Result<String, Failure> {
    // Words only (`--lexical`), or words and meaning (the embedded table; the default).
    let lexical = args.iter().any(|a| a == "--lexical");
    let args: Vec<String> = args.iter().filter(|a| *a != "--lexical").cloned().collect();
    let (files, format) = parse(&args, &["json", "markdown", "md", "csv"])?;
    let embedder = if lexical { None } else { Some(Embedder::from_bytes(TABLE).map_err(Failure::input)?) };
    let format = Format::parse(format.unwrap_or("json")).unwrap_or(Format::Json);
    let comparison = match files.as_slice() {
        [] => {
            let embedded = parallax::corpus::embedded();
            analysis::compare_with_meaning(&embedded[0], &embedded[1], Knowledge::embedded(), embedder.as_ref())
        }
        [a, b] => {
            let a = source_from_file(a, "Source A")?;
            let b = source_from_file(b, "Source B")?;
            analysis::compare_with_meaning(&a, &b, Knowledge::embedded(), embedder.as_ref())
        }
        _ => {
            return Err(Failure::usage("compare takes no files (the embedded corpus) or exactly two"));
        }
    };
    Ok(analysis::export::render(&Subset::all(&comparison), format))
}

fn sentences(args: &[String]) -> Result<String, Failure> {
    let (files, format) = parse(args, &["json", "lines"])?;
    let text = match files.as_slice() {
        [] | ["-"] => read_stdin()?,
        [path] => read_file(path)?,
        _ => return Err(Failure::usage("sentences takes at most one file")),
    };
    let sentences: Vec<String> = analysis::sentences::split(&text).into_iter().map(|s| s.text).collect();
    Ok(match format.unwrap_or("json") {
        "lines" => sentences.iter().map(|s| format!("{}\n", s.replace('\n', " "))).collect(),
        _ => {
            let mut json = serde_json::to_string_pretty(&sentences).map_err(|e| Failure::input(e.to_string()))?;
            json.push('\n');
            json
        }
    })
}

fn similarity(args: &[String]) -> Result<String, Failure> {
    let stats = args.iter().any(|a| a == "--stats");
    let args: Vec<String> = args.iter().filter(|a| *a != "--stats").cloned().collect();
    let (files, _) = parse(&args, &[])?;
    let text = match files.as_slice() {
        [] | ["-"] => read_stdin()?,
        [path] => read_file(path)?,
        _ => return Err(Failure::usage("similarity takes at most one file")),
    };
    let start = Instant::now();
    let embedder = Embedder::from_bytes(TABLE).map_err(Failure::input)?;
    if stats {
        eprintln!(
            "parallax: embedding table: {} bytes, {} pieces x {} dimensions, decoded in {:.1} ms, {} bytes in memory",
            TABLE.len(),
            embedder.pieces(),
            embedder.dims(),
            start.elapsed().as_secs_f64() * 1000.0,
            embedder.memory()
        );
    }
    let mut output = String::new();
    let mut failed = 0;
    let lines: Vec<&str> = text.lines().collect();
    for (number, line) in lines.iter().enumerate().map(|(i, l)| (i + 1, l)) {
        let value = match pair_of(line) {
            Ok((a, b)) => {
                let scores = embedder.scores(&a, &b);
                let round = |x: f32| (f64::from(x) * 10_000.0).round() / 10_000.0;
                serde_json::json!({
                    "score": round(scores.score),
                    "lexical": round(scores.lexical),
                    "semantic": round(scores.semantic),
                })
            }
            Err(message) => {
                failed += 1;
                eprintln!("parallax: line {number}: {message}");
                serde_json::json!({ "error": message, "line": number })
            }
        };
        output.push_str(&value.to_string());
        output.push('\n');
    }
    if failed > 0 {
        let message = format!("{failed} of {} lines could not be scored", lines.len());
        return Err(Failure { message, usage: false, output });
    }
    Ok(output)
}

/// The two texts of a line `{"a": "...", "b": "..."}`.
fn pair_of(line: &str) -> Result<(String, String), String> {
    const SHAPE: &str = r#"expected {"a": "...", "b": "..."}"#;
    let value: serde_json::Value = serde_json::from_str(line).map_err(|e| format!("not JSON ({e}); {SHAPE}"))?;
    let text = |key: &str| match value.get(key) {
        Some(serde_json::Value::String(s)) => Ok(s.clone()),
        Some(_) => Err(format!("\"{key}\" is not a string; {SHAPE}")),
        None => Err(format!("no \"{key}\"; {SHAPE}")),
    };
    if !value.is_object() {
        return Err(format!("not an object; {SHAPE}"));
    }
    Ok((text("a")?, text("b")?))
}

fn generated_corpus(args: &[String]) -> Result<String, Failure> {
    let (counts, _) = parse(args, &[])?;
    let count = match counts.as_slice() {
        [] => 1000,
        [n] => n.parse().map_err(|_| Failure::usage(format!("COUNT must be a number, not {n:?}")))?,
        _ => return Err(Failure::usage("corpus takes at most one COUNT")),
    };
    let entries: Vec<serde_json::Value> = parallax::synthetic::articles(parallax::synthetic::SEED, count)
        .into_iter()
        .map(|a| serde_json::json!({ "title": a.title, "text": a.text, "label": a.label }))
        .collect();
    let mut json = serde_json::to_string(&entries).map_err(|e| Failure::input(e.to_string()))?;
    json.push('\n');
    Ok(json)
}

fn read_file(path: &str) -> Result<String, Failure> {
    let bytes = std::fs::read(path).map_err(|e| {
        Failure::input(match e.kind() {
            std::io::ErrorKind::NotFound => format!("{path}: no such file"),
            std::io::ErrorKind::PermissionDenied => format!("{path}: permission denied"),
            _ if Path::new(path).is_dir() => format!("{path}: is a directory, not a file"),
            _ => format!("{path}: cannot read: {e}"),
        })
    })?;
    input::read_text(&bytes).map_err(|e| Failure::input(format!("{path}: {e}")))
}

fn read_stdin() -> Result<String, Failure> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .take(input::MAX_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Failure::input(format!("standard input: cannot read: {e}")))?;
    input::read_text(&bytes).map_err(|e| Failure::input(format!("standard input: {e}")))
}

fn source_from_file(path: &str, label: &str) -> Result<SourceText, Failure> {
    let text = read_file(path)?;
    let id = Path::new(path).file_stem().map_or_else(|| path.to_owned(), |s| s.to_string_lossy().into_owned());
    Ok(SourceText { id, label: label.to_owned(), title: String::new(), title_derived: false, text, story: None })
}
