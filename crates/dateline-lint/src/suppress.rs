//! Inline comments that silence rules:
//! `<!-- dateline-disable RULE... -->` … `<!-- dateline-enable RULE... -->`
//! and `<!-- dateline-disable-next-line RULE... -->`. With no rule id the
//! comment applies to every rule; ids may be separated by spaces or commas.

use crate::document::Document;
use std::ops::Range;

/// Byte ranges where some rules (or all, `None`) are off.
#[derive(Debug, Default)]
pub(crate) struct Suppressions {
    spans: Vec<(Option<String>, Range<usize>)>,
}

impl Suppressions {
    pub fn is_suppressed(&self, rule: &str, at: usize) -> bool {
        self.spans
            .iter()
            .any(|(r, span)| r.as_deref().is_none_or(|r| r == rule) && span.contains(&at))
    }

    pub fn from_document(doc: &Document<'_>) -> Suppressions {
        let text = doc.text;
        let mut open: Vec<(Option<String>, usize)> = Vec::new();
        let mut spans = Vec::new();
        for range in &doc.html {
            let mut from = range.start;
            while let Some(found) = text[from..range.end].find("<!--") {
                let start = from + found;
                let Some(close) = text[start..range.end].find("-->") else {
                    break;
                };
                let end = start + close + 3;
                let body = text[start + 4..end - 3].trim();
                from = end;
                let Some((command, ids)) = parse_command(body) else {
                    continue;
                };
                match command {
                    Command::NextLine => {
                        let next = line_after(text, end);
                        spans.extend(ids.into_iter().map(|id| (id, next.clone())));
                    }
                    Command::Disable => open.extend(ids.into_iter().map(|id| (id, end))),
                    Command::Enable => {
                        for id in ids {
                            // Enabling everything closes every open span.
                            let closing: Vec<usize> = (0..open.len())
                                .filter(|&i| id.is_none() || open[i].0 == id)
                                .collect();
                            for i in closing.into_iter().rev() {
                                let (rule, s) = open.remove(i);
                                spans.push((rule, s..start));
                            }
                        }
                    }
                }
            }
        }
        spans.extend(open.into_iter().map(|(rule, s)| (rule, s..usize::MAX)));
        Suppressions { spans }
    }
}

enum Command {
    Disable,
    Enable,
    NextLine,
}

/// `dateline-disable jargon, weasel-word` → (Disable, [Some(jargon), Some(weasel-word)]).
fn parse_command(body: &str) -> Option<(Command, Vec<Option<String>>)> {
    let (command, rest) = body.split_once(char::is_whitespace).unwrap_or((body, ""));
    let command = match command {
        "dateline-disable" => Command::Disable,
        "dateline-enable" => Command::Enable,
        "dateline-disable-next-line" => Command::NextLine,
        _ => return None,
    };
    let ids: Vec<Option<String>> = rest
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|s| !s.is_empty())
        .map(|s| Some(s.to_string()))
        .collect();
    Some((command, if ids.is_empty() { vec![None] } else { ids }))
}

/// The byte range of the line after the one holding `at`.
fn line_after(text: &str, at: usize) -> Range<usize> {
    let Some(nl) = text[at..].find('\n') else {
        return text.len()..text.len();
    };
    let start = at + nl + 1;
    let end = text[start..].find('\n').map_or(text.len(), |n| start + n + 1);
    start..end
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sup(text: &str) -> Suppressions {
        Suppressions::from_document(&Document::parse(text))
    }

    #[test]
    fn disable_and_enable_bracket_a_range() {
        let text = "alpha\n\n<!-- dateline-disable jargon, weasel-word -->\n\nbravo\n\n<!-- dateline-enable jargon -->\n\ncharlie\n";
        let s = sup(text);
        let b = text.find("bravo").unwrap();
        let c = text.find("charlie").unwrap();
        assert!(s.is_suppressed("jargon", b));
        assert!(!s.is_suppressed("jargon", c));
        assert!(s.is_suppressed("weasel-word", c), "never re-enabled");
        assert!(!s.is_suppressed("jargon", 0));
    }

    #[test]
    fn next_line_covers_only_the_next_line() {
        let text = "<!-- dateline-disable-next-line -->\nline two\nline three\n";
        let s = sup(text);
        assert!(s.is_suppressed("long-sentence", text.find("two").unwrap()));
        assert!(!s.is_suppressed("long-sentence", text.find("three").unwrap()));
    }

    #[test]
    fn other_comments_are_ignored() {
        let s = sup("<!-- a note -->\n\ntext\n");
        assert!(!s.is_suppressed("jargon", 20));
    }
}
