//! A comparison as JSON (`parallax/comparison@1`), Markdown or CSV. The CLI and the
//! app's downloads both use these.

use super::align::Relation;
use super::compare::{Side, Subset};
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

pub fn to_json(comparison: &Subset) -> String {
    let mut json =
        serde_json::to_string_pretty(&comparison.json()).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    json.push('\n');
    json
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
