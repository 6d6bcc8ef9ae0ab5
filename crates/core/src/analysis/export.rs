//! A comparison as JSON (`parallax/comparison@1`), Markdown or CSV. The CLI and the
//! app's downloads both use these.

use super::align::Relation;
use super::compare::{SCHEMA, Side, Subset};
use std::fmt::Write;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Json,
    Markdown,
    Csv,
}

impl Format {
    pub const ALL: [Format; 3] = [Format::Json, Format::Csv, Format::Markdown];

    pub fn parse(name: &str) -> Option<Format> {
        match name.to_ascii_lowercase().as_str() {
            "json" => Some(Format::Json),
            "markdown" | "md" => Some(Format::Markdown),
            "csv" => Some(Format::Csv),
            _ => None,
        }
    }
    pub fn extension(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Markdown => "md",
            Format::Csv => "csv",
        }
    }
    pub fn mime(self) -> &'static str {
        match self {
            Format::Json => "application/json",
            Format::Markdown => "text/markdown;charset=utf-8",
            Format::Csv => "text/csv;charset=utf-8",
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            Format::Json => "JSON",
            Format::Markdown => "Markdown",
            Format::Csv => "CSV",
        }
    }
}

/// `value` with `places` decimals ("0.25"), by integer arithmetic: the standard
/// float formatting costs the wasm build about 10 KB.
pub fn decimal(value: f64, places: u32) -> String {
    let scale = 10u64.pow(places);
    let scaled = (value.abs() * scale as f64).round() as u64;
    let mut out = String::new();
    if value < 0.0 && scaled > 0 {
        out.push('-');
    }
    out.push_str(&(scaled / scale).to_string());
    if places > 0 {
        let fraction = (scaled % scale).to_string();
        out.push('.');
        out.extend(std::iter::repeat_n('0', places as usize - fraction.len()));
        out.push_str(&fraction);
    }
    out
}

pub fn render(comparison: &Subset, format: Format) -> String {
    match format {
        Format::Json => to_json(comparison),
        Format::Markdown => to_markdown(comparison),
        Format::Csv => to_csv(comparison),
    }
}

/// The `parallax/comparison@1` JSON (see `docs/comparison-schema.md`), pretty
/// printed. Written field by field with [`Json`]: no serialization framework in
/// the app for one document (it would cost the wasm bundle about 6 KB gzipped).
pub fn to_json(c: &Subset) -> String {
    let mut j = Json::default();
    j.open('{');
    j.key("schema");
    j.string(SCHEMA);
    j.objects("sources", c.sources(), |j, s| {
        j.field("id", &s.id);
        j.field("title", &s.title);
        j.field("label", &s.label);
        j.key("title_derived");
        j.raw(if s.title_derived { "true" } else { "false" });
        j.strings("cited", s.cited.iter().map(String::as_str));
        j.objects("removed", &s.removed, |j, r| {
            j.field("kind", &r.kind);
            j.field("text", &r.text);
            if !r.reason.is_empty() {
                j.field("reason", &r.reason);
            }
        });
    });
    j.objects("topics", &c.comparison.topics, |j, t| {
        j.field("id", &t.id);
        j.field("label", &t.label);
        if !t.description.is_empty() {
            j.field("description", &t.description);
        }
        if t.auto {
            j.key("auto");
            j.raw("true");
        }
    });
    j.objects("claims", &c.claims, |j, claim| {
        j.field("id", &claim.id);
        j.field("source", &claim.source);
        j.optional("section", claim.section.as_deref());
        j.field("text", &claim.text);
        j.key("start");
        j.raw(&claim.start.to_string());
        j.key("end");
        j.raw(&claim.end.to_string());
        j.strings("topics", claim.topics.iter().map(String::as_str));
        j.key("evidence");
        j.open('{');
        for (topic, words) in &claim.evidence {
            j.strings(topic, words.iter().map(String::as_str));
        }
        j.close('}');
        j.strings("entities", claim.entities.iter().map(String::as_str));
        j.objects("mentions", &claim.features.mentions, |j, m| {
            j.field("name", &m.name);
            j.field("kind", crate::analysis::knowledge::kind_class(&m.kind));
            j.field("text", claim.text.get(m.span.clone()).unwrap_or(""));
        });
        j.optional("attribution", claim.attribution.as_deref());
        j.objects("numbers", &claim.numbers, |j, q| {
            j.field("text", &q.text);
            j.key("value");
            j.raw(&number(q.value));
            j.field("counts", &q.counts);
            j.field("kind", q.kind);
        });
        j.strings("times", claim.times.iter().map(String::as_str));
    });
    j.objects("links", &c.links, |j, link| {
        j.field("a", &link.a);
        j.field("b", &link.b);
        j.key("score");
        j.raw(&number(link.score.into()));
        j.field("relation", link.relation.as_str());
        j.strings("shared", link.shared.iter().map(String::as_str));
        j.field("why", &link.why);
    });
    j.close('}');
    let mut out = j.finish();
    out.push('\n');
    out
}

/// A JSON number without float formatting: integers as such, others to at most
/// three decimals (scores are rounded to three; quantities rarely need more).
fn number(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        return (value as i64).to_string();
    }
    let fixed = decimal(value, 3);
    fixed.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// The crate's JSON writer (comparisons here, the workspace in `library`):
/// pretty, with a two-space indent and one item per line.
#[derive(Default)]
pub struct Json {
    out: String,
    depth: usize,
    /// The open container has no item yet.
    fresh: bool,
}

impl Json {
    pub fn open(&mut self, bracket: char) {
        self.out.push(bracket);
        self.depth += 1;
        self.fresh = true;
    }
    pub fn close(&mut self, bracket: char) {
        self.depth -= 1;
        if !self.fresh {
            self.newline();
        }
        self.out.push(bracket);
        self.fresh = false;
    }
    fn newline(&mut self) {
        self.out.push('\n');
        for _ in 0..self.depth {
            self.out.push_str("  ");
        }
    }
    /// Starts an array item or an object member.
    pub fn item(&mut self) {
        if !self.fresh {
            self.out.push(',');
        }
        self.newline();
        self.fresh = false;
    }
    pub fn key(&mut self, key: &str) {
        self.item();
        self.string(key);
        self.out.push_str(": ");
    }
    pub fn field(&mut self, key: &str, value: &str) {
        self.key(key);
        self.string(value);
    }
    pub fn raw(&mut self, value: &str) {
        self.out.push_str(value);
    }
    pub fn strings<'a>(&mut self, key: &str, items: impl Iterator<Item = &'a str>) {
        self.key(key);
        self.open('[');
        for item in items {
            self.item();
            self.string(item);
        }
        self.close(']');
    }
    pub fn string(&mut self, s: &str) {
        self.out.push('"');
        // Runs that need no escape are copied whole (workspace texts run to megabytes).
        let mut run = 0;
        for (i, b) in s.bytes().enumerate() {
            let escape = match b {
                b'"' => "\\\"",
                b'\\' => "\\\\",
                b'\n' => "\\n",
                b'\r' => "\\r",
                b'\t' => "\\t",
                0..0x20 => "",
                _ => continue,
            };
            self.out.push_str(&s[run..i]);
            run = i + 1;
            if escape.is_empty() {
                let hex = |d: u8| char::from_digit(u32::from(d), 16).unwrap_or('0');
                self.out.push_str("\\u00");
                self.out.push(hex(b >> 4));
                self.out.push(hex(b & 0xF));
            } else {
                self.out.push_str(escape);
            }
        }
        self.out.push_str(&s[run..]);
        self.out.push('"');
    }
    /// `key: "value"`, or `key: null` for none.
    pub fn optional(&mut self, key: &str, value: Option<&str>) {
        self.key(key);
        match value {
            Some(value) => self.string(value),
            None => self.raw("null"),
        }
    }
    /// `key: [{…}, …]`: one object per item, its members written by `each`.
    pub fn objects<T>(&mut self, key: &str, items: impl IntoIterator<Item = T>, mut each: impl FnMut(&mut Json, T)) {
        self.key(key);
        self.open('[');
        for item in items {
            self.item();
            self.open('{');
            each(self, item);
            self.close('}');
        }
        self.close(']');
    }
    pub fn finish(self) -> String {
        self.out
    }
}

fn relation_heading(relation: Relation) -> &'static str {
    match relation {
        Relation::Same => "Both report",
        Relation::Related => "Related: same subject, different details",
        Relation::Tension => "In tension: they point different ways",
    }
}

/// Markdown for people: the sources, then links by relation, then what only one source reports.
pub fn to_markdown(c: &Subset) -> String {
    let mut md = String::new();
    let (a, b) = (&c.sources()[0], &c.sources()[1]);
    let _ = writeln!(md, "# Parallax comparison\n");
    for s in c.sources() {
        let derived = if s.title_derived { " _(derived title)_" } else { "" };
        let _ = writeln!(md, "- **{}**: {}{derived}", s.label, s.title);
        if !s.cited.is_empty() {
            let _ = writeln!(md, "  - cites: {}", s.cited.join(", "));
        }
    }
    let _ = writeln!(
        md,
        "\n{} claims in {}, {} in {}; {} links ({} same, {} related, {} tension).\n",
        c.claims_of(Side::A).count(),
        a.label,
        c.claims_of(Side::B).count(),
        b.label,
        c.links.len(),
        c.count_links(Relation::Same),
        c.count_links(Relation::Related),
        c.count_links(Relation::Tension)
    );
    for relation in [Relation::Tension, Relation::Same, Relation::Related] {
        let links: Vec<_> = c.links.iter().copied().filter(|l| l.relation == relation).collect();
        if links.is_empty() {
            continue;
        }
        let _ = writeln!(md, "## {}\n", relation_heading(relation));
        for link in links {
            let (Some(ca), Some(cb)) = (c.claim(&link.a), c.claim(&link.b)) else {
                continue;
            };
            let _ = writeln!(md, "- **{}** {}", ca.id, escape_md(&ca.text));
            let _ = writeln!(md, "  **{}** {}", cb.id, escape_md(&cb.text));
            let _ = writeln!(md, "  _{} (score {})_\n", escape_md(&link.why), decimal(link.score.into(), 2));
        }
    }
    for side in [Side::A, Side::B] {
        let only: Vec<_> = c.unlinked(side).collect();
        if only.is_empty() {
            continue;
        }
        let _ = writeln!(md, "## Only in {}\n", c.sources()[side.index()].label);
        for claim in only {
            let _ = writeln!(md, "- **{}** {}", claim.id, escape_md(&claim.text));
        }
        md.push('\n');
    }
    md
}

fn escape_md(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        if matches!(ch, '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '|' | '\\') {
            out.push('\\');
        }
        out.push(ch);
    }
    out
}

/// CSV for spreadsheets: one row per link, then one per claim only one source reports.
pub fn to_csv(c: &Subset) -> String {
    let mut csv = String::from("relation,score,a_id,a_text,b_id,b_text,shared,why,topics\n");
    let mut row = |cells: [&str; 9]| {
        let line: Vec<String> = cells.iter().map(|cell| csv_cell(cell)).collect();
        csv.push_str(&line.join(","));
        csv.push_str("\r\n");
    };
    for &link in &c.links {
        let (Some(ca), Some(cb)) = (c.claim(&link.a), c.claim(&link.b)) else {
            continue;
        };
        let mut topics: Vec<&str> =
            ca.topics.iter().filter(|t| cb.topics.contains(t)).map(|t| c.topic_label(t)).collect();
        topics.dedup();
        row([
            link.relation.as_str(),
            &decimal(link.score.into(), 3),
            &ca.id,
            &ca.text,
            &cb.id,
            &cb.text,
            &link.shared.join("; "),
            &link.why,
            &topics.join("; "),
        ]);
    }
    for side in [Side::A, Side::B] {
        for claim in c.unlinked(side) {
            let topics: Vec<&str> = claim.topics.iter().map(|t| c.topic_label(t)).collect();
            let (relation, a_id, a_text, b_id, b_text) = match side {
                Side::A => ("only_a", claim.id.as_str(), claim.text.as_str(), "", ""),
                Side::B => ("only_b", "", "", claim.id.as_str(), claim.text.as_str()),
            };
            row([relation, "", a_id, a_text, b_id, b_text, "", "", &topics.join("; ")]);
        }
    }
    csv
}

/// RFC 4180 quoting; a leading = + - @ is prefixed with ' so spreadsheets do not run it.
fn csv_cell(cell: &str) -> String {
    let guarded = if cell.starts_with(['=', '+', '-', '@']) { format!("'{cell}") } else { cell.to_owned() };
    if guarded.contains([',', '"', '\n', '\r']) { format!("\"{}\"", guarded.replace('"', "\"\"")) } else { guarded }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_cells_are_quoted_and_guarded() {
        assert_eq!(csv_cell("plain"), "plain");
        assert_eq!(csv_cell("a, b"), "\"a, b\"");
        assert_eq!(csv_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_cell("=1+1"), "'=1+1");
    }

    #[test]
    fn json_strings_and_numbers() {
        let mut j = Json::default();
        j.string("a\"b\\c\nd\u{1}\u{201C}");
        assert_eq!(j.out, "\"a\\\"b\\\\c\\nd\\u0001\u{201C}\"");
        let cases = [(1300000.0, "1300000"), (4.0, "4"), (1.3, "1.3"), (0.162, "0.162"), (0.25, "0.25"), (-2.0, "-2")];
        for (value, expected) in cases {
            assert_eq!(number(value), expected);
        }
    }

    #[test]
    fn decimals() {
        let cases = [
            (0.0, 2, "0.00"),
            (0.256, 2, "0.26"),
            (1.5, 1, "1.5"),
            (-0.004, 2, "0.00"),
            (-2.5, 0, "-3"),
            (12.0, 3, "12.000"),
        ];
        for (value, places, expected) in cases {
            assert_eq!(decimal(value, places), expected, "{value} to {places}");
        }
    }

    #[test]
    fn format_names() {
        assert_eq!(Format::parse("MD"), Some(Format::Markdown));
        assert_eq!(Format::parse("xml"), None);
    }
}
