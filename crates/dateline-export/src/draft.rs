//! What an export needs to know about a draft beyond its Markdown: the front
//! matter, and where the lint's outline puts the headline, the section labels
//! and the FAQ.

use std::ops::Range;

use dateline_lint::{Config, SectionKind};

/// Keys read from the YAML front matter (simple `key: value` lines).
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct FrontMatter {
    pub title: Option<String>,
    pub author: Option<String>,
    pub date: Option<String>,
}

/// The front matter block and what it says, if the draft opens with one.
#[derive(Debug, Default)]
pub(crate) struct FrontMatterBlock {
    /// Byte range of the whole block, fences included.
    pub range: Range<usize>,
    pub fields: FrontMatter,
}

/// Finds a leading `---` ... `---` block (after an optional BOM).
pub(crate) fn front_matter(text: &str) -> Option<FrontMatterBlock> {
    let start = if text.starts_with('\u{feff}') {
        '\u{feff}'.len_utf8()
    } else {
        0
    };
    let rest = &text[start..];
    let first_line_end = rest.find('\n')?;
    if rest[..first_line_end].trim_end() != "---" {
        return None;
    }
    let body_start = start + first_line_end + 1;
    let mut pos = body_start;
    for line in text[body_start..].split_inclusive('\n') {
        let trimmed = line.trim_end();
        if trimmed == "---" || trimmed == "..." {
            let yaml = &text[body_start..pos];
            return Some(FrontMatterBlock {
                range: 0..pos + line.len(),
                fields: parse_fields(yaml),
            });
        }
        pos += line.len();
    }
    None
}

fn parse_fields(yaml: &str) -> FrontMatter {
    let mut fields = FrontMatter::default();
    let mut owner = None;
    for line in yaml.lines() {
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let value = unquote(value.trim());
        if value.is_empty() || line.starts_with([' ', '\t']) {
            continue;
        }
        match key.trim() {
            "title" => fields.title = Some(value),
            "author" => fields.author = Some(value),
            "owner" => owner = Some(value),
            "date" => fields.date = Some(value),
            _ => {}
        }
    }
    fields.author = fields.author.or(owner);
    fields
}

fn unquote(value: &str) -> String {
    let stripped = value
        .strip_prefix('"')
        .and_then(|v| v.strip_suffix('"'))
        .or_else(|| value.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')));
    stripped.unwrap_or(value).to_string()
}

/// Where the parts of the draft are, by byte offset.
#[derive(Debug, Default, Clone)]
pub(crate) struct Outline {
    pub headline: Option<usize>,
    pub subheading: Option<usize>,
    /// Starts of press-release section-label headings ("## Problem").
    pub labels: Vec<usize>,
    /// Where the FAQ part begins.
    pub faq_start: Option<usize>,
    /// The leader and customer quote sections.
    pub quotes: Vec<Range<usize>>,
    /// The summary, which carries the dateline.
    pub summary: Option<Range<usize>>,
}

impl Outline {
    pub(crate) fn of(text: &str) -> Outline {
        let report = dateline_lint::lint(text, &Config::default());
        let mut outline = Outline::default();
        for section in &report.outline {
            match section.kind {
                SectionKind::Headline => outline.headline = outline.headline.or(Some(section.start)),
                SectionKind::Subheading => outline.subheading = outline.subheading.or(Some(section.start)),
                kind if kind.is_faq() => outline.faq_start = outline.faq_start.or(Some(section.start)),
                _ => {}
            }
            if is_release_body(section.kind) && section.heading {
                outline.labels.push(section.start);
            }
            if matches!(
                section.kind,
                SectionKind::LeaderQuote | SectionKind::CustomerQuote
            ) {
                outline.quotes.push(section.start..section.end);
            }
            if section.kind == SectionKind::Summary && outline.summary.is_none() {
                outline.summary = Some(section.start..section.end);
            }
        }
        outline
    }

    pub(crate) fn in_quote_section(&self, offset: usize) -> bool {
        self.quotes.iter().any(|r| r.contains(&offset))
    }

    pub(crate) fn in_faq(&self, offset: usize) -> bool {
        self.faq_start.is_some_and(|start| offset >= start)
    }
}

fn is_release_body(kind: SectionKind) -> bool {
    SectionKind::REQUIRED.contains(&kind)
}

/// The date of a dateline (`PORTLAND, Ore. — March 4, 2025 — ...`): the text
/// between the first two dashes, if it has a digit in it.
pub(crate) fn dateline_date(summary: &str) -> Option<String> {
    let normalised = summary.replace("--", "—").replace('–', "—");
    let mut parts = normalised.split('—');
    parts.next()?;
    let date = parts
        .next()?
        .trim()
        .trim_matches(|c: char| c == '*' || c == '_' || c == '(' || c == ')');
    let plausible = date.chars().any(|c| c.is_ascii_digit()) && date.chars().count() <= 40;
    plausible.then(|| date.trim().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_fields_and_owner_fallback() {
        let text = "---\ntitle: \"Lumen\"\nowner: Dana\ndate: 2025-03-04\n---\n# H\n";
        let block = front_matter(text).unwrap();
        assert_eq!(
            &text[block.range.clone()],
            "---\ntitle: \"Lumen\"\nowner: Dana\ndate: 2025-03-04\n---\n"
        );
        assert_eq!(block.fields.title.as_deref(), Some("Lumen"));
        assert_eq!(block.fields.author.as_deref(), Some("Dana"));
        assert_eq!(block.fields.date.as_deref(), Some("2025-03-04"));
    }

    #[test]
    fn unclosed_front_matter_is_not_front_matter() {
        assert!(front_matter("---\ntitle: x\n# H\n").is_none());
        assert!(front_matter("# H\n---\n").is_none());
    }

    #[test]
    fn dateline_dates() {
        let summary = "**PORTLAND, Ore. — March 4, 2025 —** Lumen today announced";
        assert_eq!(dateline_date(summary).as_deref(), Some("March 4, 2025"));
        assert_eq!(
            dateline_date("SEATTLE -- (June 1, 2026) -- Acme").as_deref(),
            Some("June 1, 2026")
        );
        assert_eq!(dateline_date("No dateline — here — at all"), None);
    }
}
