//! `parallax`: the command-line shell over the analysis core.
//!
//! ```text
//! parallax compare [A.txt B.txt] [--format json|markdown|csv]
//! parallax sentences [FILE|-] [--format json|lines]
//! ```

use parallax::analysis::{self, compare::Subset, export::Format, input};
use parallax::corpus::SourceText;
use std::io::{Read, Write};
use std::path::Path;
use std::process::ExitCode;

const USAGE: &str = "\
parallax — compare how two sources report one story

USAGE:
    parallax compare [A.txt B.txt] [--format json|markdown|csv]
        Compare two article files (UTF-8 text). Without files, compare the
        embedded corpus. Default format: json (schema parallax/comparison@1).
    parallax sentences [FILE|-] [--format json|lines]
        Split text into sentences. Reads standard input when FILE is - or absent.
        Default format: json (an array of strings).
    parallax corpus [COUNT]
        Print a generated JSON corpus ([{title, text, label}]) of COUNT articles
        (default 1000, about 5 MB) in the style of the embedded story: the corpus
        the benchmarks measure on.
    parallax --help
";

/// A failure the user can act on: message, and whether it was a usage mistake.
struct Failure {
    message: String,
    usage: bool,
}

impl Failure {
    fn usage(message: impl Into<String>) -> Self {
        Failure { message: message.into(), usage: true }
    }
    fn input(message: impl Into<String>) -> Self {
        Failure { message: message.into(), usage: false }
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
        "corpus" => generated_corpus(rest),
        "-h" | "--help" | "help" => Ok(USAGE.to_owned()),
        other => Err(Failure::usage(format!("unknown command {other:?}"))),
    }
}

fn compare(args: &[String]) -> Result<String, Failure> {
    let (files, format) = parse(args, &["json", "markdown", "md", "csv"])?;
    let format = Format::parse(format.unwrap_or("json")).unwrap_or(Format::Json);
    let comparison = match files.as_slice() {
        [] => analysis::compare_embedded(),
        [a, b] => {
            let a = source_from_file(a, "Source A")?;
            let b = source_from_file(b, "Source B")?;
            analysis::compare(&a, &b)
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
