//! The `parallax` command line, as a user runs it: each case is a command, its
//! files, and what must come out. Bad input must give a clear message and a
//! nonzero exit, never a panic.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

struct Case {
    name: &'static str,
    args: &'static [&'static str],
    /// Files to create first: (name, bytes). Arguments may name them.
    files: &'static [(&'static str, &'static [u8])],
    stdin: Option<&'static [u8]>,
    exit: i32,
    stdout_has: &'static [&'static str],
    stderr_has: &'static [&'static str],
}

const ARTICLE_A: &[u8] = b"Heading Line\n\nHuawei released HMS Core 4.0 in January. It has 1.3 million developers.\n";
const ARTICLE_B: &[u8] = b"Huawei said HMS Core 4.0 has 1.3 million registered developers.\n\nSource: Reuters\n";

const CASES: &[Case] = &[
    Case {
        name: "compare without files uses the embedded corpus (JSON schema)",
        args: &["compare"],
        files: &[],
        stdin: None,
        exit: 0,
        stdout_has: &["\"schema\": \"parallax/comparison@1\"", "\"links\"", "Huawei Using GMS"],
        stderr_has: &[],
    },
    Case {
        name: "compare as markdown",
        args: &["compare", "--format", "markdown"],
        files: &[],
        stdin: None,
        exit: 0,
        stdout_has: &["# Parallax comparison", "## Only in Source A"],
        stderr_has: &[],
    },
    Case {
        name: "compare as csv",
        args: &["compare", "--format=csv"],
        files: &[],
        stdin: None,
        exit: 0,
        stdout_has: &["relation,score,a_id,a_text,b_id,b_text,shared,why,topics", "only_a"],
        stderr_has: &[],
    },
    Case {
        name: "compare two files",
        args: &["compare", "a.txt", "b.txt"],
        files: &[("a.txt", ARTICLE_A), ("b.txt", ARTICLE_B)],
        stdin: None,
        exit: 0,
        stdout_has: &["\"title\": \"Heading Line\"", "\"cited\": [\n        \"Reuters\""],
        stderr_has: &[],
    },
    Case {
        name: "a missing file",
        args: &["compare", "missing.txt", "b.txt"],
        files: &[("b.txt", ARTICLE_B)],
        stdin: None,
        exit: 1,
        stdout_has: &[],
        stderr_has: &["missing.txt: no such file"],
    },
    Case {
        name: "an empty file",
        args: &["compare", "empty.txt", "b.txt"],
        files: &[("empty.txt", b""), ("b.txt", ARTICLE_B)],
        stdin: None,
        exit: 1,
        stdout_has: &[],
        stderr_has: &["empty.txt: the text is empty"],
    },
    Case {
        name: "a binary file",
        args: &["compare", "a.txt", "image.bin"],
        files: &[("a.txt", ARTICLE_A), ("image.bin", b"\x00\x01\x02\x03binary\x00")],
        stdin: None,
        exit: 1,
        stdout_has: &[],
        stderr_has: &["image.bin: this looks like binary data, not text"],
    },
    Case {
        name: "a PDF",
        args: &["sentences", "paper.pdf"],
        files: &[("paper.pdf", b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n")],
        stdin: None,
        exit: 1,
        stdout_has: &[],
        stderr_has: &["paper.pdf: this looks like a PDF file"],
    },
    Case {
        name: "non-UTF-8 input",
        args: &["sentences", "latin1.txt"],
        files: &[("latin1.txt", b"Caf\xE9 au lait. Tr\xE8s bien.")],
        stdin: None,
        exit: 1,
        stdout_has: &[],
        stderr_has: &["latin1.txt: the text is not valid UTF-8 (first bad byte at offset 3)"],
    },
    Case {
        name: "a directory",
        args: &["sentences", "."],
        files: &[],
        stdin: None,
        exit: 1,
        stdout_has: &[],
        stderr_has: &["parallax: error: .:"],
    },
    Case {
        name: "sentences from a file as a JSON array of strings",
        args: &["sentences", "a.txt"],
        files: &[("a.txt", b"Mr. Smith went to Washington. He left at 5 p.m. today!")],
        stdin: None,
        exit: 0,
        stdout_has: &["[\n  \"Mr. Smith went to Washington.\",\n  \"He left at 5 p.m. today!\"\n]"],
        stderr_has: &[],
    },
    Case {
        name: "sentences from standard input as lines",
        args: &["sentences", "-", "--format", "lines"],
        files: &[],
        stdin: Some(b"One. Two? Three!"),
        exit: 0,
        stdout_has: &["One.\nTwo?\nThree!\n"],
        stderr_has: &[],
    },
    Case {
        name: "empty standard input",
        args: &["sentences"],
        files: &[],
        stdin: Some(b"   \n"),
        exit: 1,
        stdout_has: &[],
        stderr_has: &["standard input: the text is empty"],
    },
    Case {
        name: "an unknown format",
        args: &["compare", "--format", "xml"],
        files: &[],
        stdin: None,
        exit: 2,
        stdout_has: &[],
        stderr_has: &["unknown format \"xml\"", "USAGE:"],
    },
    Case {
        name: "one file only",
        args: &["compare", "a.txt"],
        files: &[("a.txt", ARTICLE_A)],
        stdin: None,
        exit: 2,
        stdout_has: &[],
        stderr_has: &["exactly two"],
    },
    Case {
        name: "similarity scores each JSON line, semantic and lexical",
        args: &["similarity", "pairs.jsonl"],
        files: &[("pairs.jsonl", b"{\"a\": \"There were no survivors.\", \"b\": \"None of the passengers survived.\"}\n{\"a\": \"same words\", \"b\": \"same words\"}\n")],
        stdin: None,
        exit: 0,
        stdout_has: &["{\"lexical\":0.0,\"score\":0.", "{\"lexical\":1.0,\"score\":1.0,\"semantic\":1.0}\n"],
        stderr_has: &[],
    },
    Case {
        name: "similarity reports a bad line by number and scores the rest",
        args: &["similarity", "-"],
        files: &[],
        stdin: Some(b"{\"a\": \"One.\"}\nnot json\n{\"a\": \"Rates rose.\", \"b\": \"Rates went up.\"}\n[1]\n"),
        exit: 1,
        stdout_has: &[
            "{\"error\":\"no \\\"b\\\"; expected {\\\"a\\\": \\\"...\\\", \\\"b\\\": \\\"...\\\"}\",\"line\":1}\n{\"error\":\"not JSON",
            "\"line\":2}\n{\"lexical\":",
            "\"line\":4}\n",
        ],
        stderr_has: &["parallax: line 1: no \"b\"", "line 2: not JSON", "line 4: not an object", "3 of 4 lines could not be scored"],
    },
    Case {
        name: "an unknown command",
        args: &["frobnicate"],
        files: &[],
        stdin: None,
        exit: 2,
        stdout_has: &[],
        stderr_has: &["unknown command \"frobnicate\""],
    },
];

fn scratch_dir(name: &str) -> PathBuf {
    let slug: String = name.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '-' }).collect();
    let dir = std::env::temp_dir().join(format!("parallax-cli-{}-{slug}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

#[test]
fn cli_cases() {
    let mut failures = Vec::new();
    for case in CASES {
        let dir = scratch_dir(case.name);
        for (name, bytes) in case.files {
            std::fs::write(dir.join(name), bytes).expect("write fixture");
        }
        let mut child = Command::new(env!("CARGO_BIN_EXE_parallax"))
            .args(case.args)
            .current_dir(&dir)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("run parallax");
        let mut stdin = child.stdin.take().expect("stdin");
        stdin.write_all(case.stdin.unwrap_or_default()).expect("write stdin");
        drop(stdin);
        let out = child.wait_with_output().expect("wait");
        let stdout = String::from_utf8_lossy(&out.stdout);
        let stderr = String::from_utf8_lossy(&out.stderr);
        let mut problems = Vec::new();
        if out.status.code() != Some(case.exit) {
            problems.push(format!("exit {:?}, expected {}", out.status.code(), case.exit));
        }
        if stderr.contains("panicked") {
            problems.push("panicked".to_owned());
        }
        problems.extend(case.stdout_has.iter().filter(|s| !stdout.contains(*s)).map(|s| format!("stdout lacks {s:?}")));
        problems.extend(case.stderr_has.iter().filter(|s| !stderr.contains(*s)).map(|s| format!("stderr lacks {s:?}")));
        if !problems.is_empty() {
            failures.push(format!("{}: {}\n  stderr: {stderr}", case.name, problems.join("; ")));
        }
        let _ = std::fs::remove_dir_all(&dir);
    }
    assert!(failures.is_empty(), "{} of {} CLI cases failed:\n{}", failures.len(), CASES.len(), failures.join("\n"));
}
