//! A deterministic generator of article text in the style of the embedded corpus:
//! the benchmarks (`benches/pipeline.rs`) and the browser benchmarks (through
//! `parallax corpus`) measure on it. Pure Rust; the web app never calls it, so it
//! adds nothing to the wasm.

use crate::analysis::clean::{self, BlockKind};
use crate::analysis::compare::{Side, analyze};
use crate::analysis::knowledge::Knowledge;
use crate::analysis::{Claim, sentences};
use crate::corpus::{self, SourceText};

/// About how long a generated article is, in bytes.
pub const ARTICLE_BYTES: usize = 5_000;

/// The seed of the benchmark corpus.
pub const SEED: u64 = 0x5EED_CAFE_F00D_D00D;

/// `count` articles of about [`ARTICLE_BYTES`] each, always the same for a seed.
pub fn articles(seed: u64, count: usize) -> Vec<SourceText> {
    let mut generator = Generator::new(seed);
    (0..count).map(|i| generator.article(i)).collect()
}

/// Deterministic article text in the style of the embedded corpus.
pub struct Generator {
    state: u64,
    /// Sentences of the embedded corpus, used as templates.
    seeds: Vec<String>,
    /// Lower-case words of the embedded corpus.
    words: Vec<String>,
    /// Capitalised words of the embedded corpus (names, products, places).
    names: Vec<String>,
}

const FIRST_NAMES: [&str; 16] = [
    "Maria", "Chen", "Ahmed", "Olga", "James", "Priya", "Lars", "Yuki", "Fatima", "Diego", "Wang", "Sofia", "Kwame",
    "Ingrid", "Rahul", "Elena",
];
const LAST_NAMES: [&str; 16] = [
    "Keller",
    "Li",
    "Hassan",
    "Petrova",
    "O\u{2019}Brien",
    "Sharma",
    "Nilsson",
    "Tanaka",
    "Haddad",
    "Morales",
    "Yanmin",
    "Rossi",
    "Mensah",
    "Berg",
    "Gupta",
    "Novak",
];
const ORGS: [&str; 16] = [
    "Reuters",
    "Bloomberg",
    "Xiaomi",
    "Samsung",
    "Ericsson",
    "Nokia",
    "Apple",
    "Google",
    "Huawei",
    "Tencent",
    "Vodafone",
    "the European Commission",
    "the Commerce Department",
    "Counterpoint Research",
    "The Verge",
    "BBC",
];
const ROLES: [&str; 8] = [
    "a spokesperson",
    "chief executive",
    "an analyst",
    "head of research",
    "a senior engineer",
    "general manager",
    "the chairman",
    "a former adviser",
];
const UNITS: [&str; 10] = [
    "users",
    "registered developers",
    "smartphones",
    "applications",
    "employees",
    "devices",
    "stores",
    "markets",
    "countries",
    "partners",
];
const OPENERS: [&str; 12] = [
    "However, ",
    "Meanwhile, ",
    "Last year, ",
    "In January, ",
    "Next week, ",
    "At the same time, ",
    "In addition, ",
    "Separately, ",
    "Although ",
    "After the ban, ",
    "In 2019, ",
    "This month, ",
];
const SPEECH: [&str; 6] = ["said", "told reporters", "added", "wrote", "noted", "stated"];
const FURNITURE: [&str; 8] = [
    "Source: Reuters",
    "Source: BBC, The Verge",
    "Advertisement",
    "Share this:",
    "Related: Samsung Galaxy A51 Sales Started in India",
    "Subscribe to our newsletter",
    "Photo credit: Getty Images",
    "Read More: Huawei Mate 30 Review",
];

impl Generator {
    pub fn new(seed: u64) -> Self {
        let mut seeds = Vec::new();
        let mut words = Vec::new();
        let mut names = Vec::new();
        let knowledge = Knowledge::embedded();
        for source in corpus::embedded() {
            // Only the body: the cleaner drops the embedded articles' furniture.
            let cleaned = clean::clean(&source.text, Some(&source.title), &knowledge.furniture);
            for block in &cleaned.blocks {
                if block.kind != BlockKind::Paragraph {
                    continue;
                }
                for sentence in sentences::split(cleaned.block_text(block)) {
                    for word in sentence.text.split_whitespace() {
                        let word = word.trim_matches(|c: char| !c.is_alphanumeric());
                        if word.len() < 2 || word.chars().any(|c| c.is_ascii_digit()) {
                            continue;
                        }
                        let list = if word.starts_with(char::is_uppercase) { &mut names } else { &mut words };
                        list.push(word.to_owned());
                    }
                    seeds.push(sentence.text);
                }
            }
        }
        for list in [&mut words, &mut names] {
            list.sort();
            list.dedup();
        }
        Generator { state: seed, seeds, words, names }
    }

    /// xorshift64*.
    fn next(&mut self) -> u64 {
        self.state ^= self.state >> 12;
        self.state ^= self.state << 25;
        self.state ^= self.state >> 27;
        self.state.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    fn pick<'a>(&mut self, items: &'a [&'a str]) -> &'a str {
        items[self.below(items.len())]
    }

    fn word(&mut self) -> String {
        let i = self.below(self.words.len());
        self.words[i].clone()
    }

    fn name(&mut self) -> String {
        let i = self.below(self.names.len());
        self.names[i].clone()
    }

    fn person(&mut self) -> String {
        format!("{} {}", self.pick(&FIRST_NAMES), self.pick(&LAST_NAMES))
    }

    fn subject(&mut self) -> String {
        match self.below(4) {
            0 => self.person(),
            1 => self.pick(&ORGS).to_owned(),
            2 => format!("{} {}", self.name(), self.name()),
            _ => self.name(),
        }
    }

    /// A number as articles write them: "1.3 million", "55,000", "$4.5 billion", "37%".
    fn number(&mut self) -> String {
        match self.below(6) {
            0 => format!("{}.{} million", 1 + self.below(99), self.below(10)),
            1 => format!("{},{:03}", 1 + self.below(999), self.below(1000)),
            2 => format!("${}.{} billion", 1 + self.below(50), self.below(10)),
            3 => format!("{}%", 1 + self.below(99)),
            4 => format!("{}", 2000 + self.below(25)),
            _ => format!("{}", 2 + self.below(500)),
        }
    }

    fn quantity(&mut self) -> String {
        let qualifier = ["", "more than ", "about ", "nearly ", "over "][self.below(5)];
        let number = self.number();
        if number.ends_with('%') || number.starts_with('$') || number.len() == 4 {
            format!("{qualifier}{number}")
        } else {
            format!("{qualifier}{number} {}", self.pick(&UNITS))
        }
    }

    /// Lower-case words of the corpus, with a number or a name now and then.
    fn clause(&mut self, min: usize, max: usize) -> String {
        let len = min + self.below(max - min + 1);
        let mut out: Vec<String> = Vec::with_capacity(len);
        for _ in 0..len {
            let next = match self.below(20) {
                0 => self.quantity(),
                1 => self.name(),
                2 if !out.is_empty() => {
                    out.last_mut().expect("not empty").push(',');
                    self.word()
                }
                _ => self.word(),
            };
            out.push(next);
        }
        out.join(" ")
    }

    /// A sentence of the embedded corpus with words, names and numbers swapped.
    fn varied_seed(&mut self) -> String {
        let i = self.below(self.seeds.len());
        let seed = self.seeds[i].clone();
        let mut out: Vec<String> = Vec::new();
        for (i, token) in seed.split(' ').enumerate() {
            let core = token.trim_matches(|c: char| !c.is_alphanumeric());
            if core.is_empty() {
                out.push(token.to_owned());
                continue;
            }
            let replacement = if core.chars().any(|c| c.is_ascii_digit()) {
                Some(self.number())
            } else if i > 0 && core.starts_with(char::is_uppercase) && self.chance(30) {
                Some(self.name())
            } else if core.starts_with(char::is_lowercase) && self.chance(25) {
                Some(self.word())
            } else {
                None
            };
            out.push(match replacement {
                Some(r) => token.replacen(core, &r, 1),
                None => token.to_owned(),
            });
        }
        out.join(" ")
    }

    fn sentence(&mut self) -> String {
        match self.below(20) {
            0..=8 => self.varied_seed(),
            9..=12 => {
                let opener = if self.chance(40) { self.pick(&OPENERS) } else { "" };
                let subject = self.subject();
                let rest = self.clause(6, 20);
                format!("{opener}{subject} {rest}.")
            }
            13 | 14 => {
                let quote = capitalise(&self.clause(6, 16));
                let (person, role, org) = (self.person(), self.pick(&ROLES), self.pick(&ORGS));
                let verb = self.pick(&SPEECH);
                format!("\u{201C}{quote},\u{201D} {verb} {person}, {role} of {org}.")
            }
            15 | 16 => {
                let org = self.pick(&ORGS);
                let rest = self.clause(6, 16);
                let quantity = self.quantity();
                format!("According to {org}, {rest} {quantity}.")
            }
            17 | 18 => {
                let subject = self.subject();
                let verb = self.pick(&SPEECH);
                let rest = self.clause(5, 14);
                format!("{subject} {verb} that {rest}.")
            }
            _ => {
                let subject = self.subject();
                let rest = self.clause(4, 10);
                let end = if self.chance(50) { "?" } else { "!" };
                format!("Will {subject} {rest}{end}")
            }
        }
    }

    fn heading(&mut self) -> String {
        let len = 2 + self.below(5);
        let words: Vec<String> = (0..len)
            .map(|i| {
                if i == 0 || self.chance(50) {
                    capitalise(&self.word())
                } else if self.chance(50) {
                    self.name()
                } else {
                    self.word()
                }
            })
            .collect();
        words.join(" ")
    }

    fn paragraph(&mut self) -> String {
        let count = 3 + self.below(6);
        let sentences: Vec<String> = (0..count).map(|_| self.sentence()).collect();
        sentences.join(" ")
    }

    pub fn article(&mut self, index: usize) -> SourceText {
        let target = ARTICLE_BYTES * 9 / 10 + self.below(ARTICLE_BYTES / 5);
        let mut blocks: Vec<String> = Vec::new();
        let title = if self.chance(70) {
            let title = self.heading();
            blocks.push(title.clone());
            title
        } else {
            String::new()
        };
        let mut len = 0;
        while len < target {
            let block = match self.below(20) {
                0 | 1 => self.heading(),
                2 => {
                    let heading = self.heading();
                    format!("Must Read: {heading}")
                }
                3 => self.pick(&FURNITURE).to_owned(),
                _ => self.paragraph(),
            };
            len += block.len() + 2;
            blocks.push(block);
        }
        match self.below(3) {
            0 => blocks.push(
                "Leave a Reply\n\nYour email address will not be published. \
                 Required fields are marked *"
                    .to_owned(),
            ),
            1 => blocks.push("The Links:   NL12876AC18-03 FZ400R12KL4C LCDDISPLAY".to_owned()),
            _ => {}
        }
        SourceText {
            id: format!("gen_{index:04}"),
            label: if index.is_multiple_of(2) { "Source A" } else { "Source B" }.to_owned(),
            title,
            title_derived: false,
            text: blocks.join("\n\n"),
            story: crate::corpus::embedded()[0].story.clone(),
        }
    }

    /// Exactly `count` claims: prose of `count` sentences (more if some sentences
    /// merge), analysed, and trimmed to `count`.
    pub fn claims(&mut self, side: Side, count: usize) -> Vec<Claim> {
        let mut paragraphs: Vec<String> = Vec::new();
        let mut sentences = 0;
        loop {
            while sentences < count {
                let paragraph = self.paragraph();
                sentences += sentences::split(&paragraph).len();
                paragraphs.push(paragraph);
            }
            let source = SourceText {
                id: format!("align_{}", side.letter()),
                label: format!("Source {}", side.letter()),
                title: String::new(),
                title_derived: false,
                text: paragraphs.join("\n\n"),
                story: crate::corpus::embedded()[0].story.clone(),
            };
            let (_, mut claims) = analyze(&source, side, Knowledge::embedded());
            if claims.len() >= count {
                claims.truncate(count);
                return claims;
            }
            sentences = claims.len();
        }
    }
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
