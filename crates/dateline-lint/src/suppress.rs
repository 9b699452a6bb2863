//! Inline comments that silence rules:
//! `<!-- dateline-disable RULE... -->` … `<!-- dateline-enable RULE... -->`
//! and `<!-- dateline-disable-next-line RULE... -->`. With no rule id the
//! comment applies to every rule; ids may be separated by spaces or commas.

use crate::catalog;
use crate::config::line_column;
use crate::document::Document;
use crate::report::CommentProblem;
use std::ops::Range;

/// Byte ranges where some rules (or all, `None`) are off.
#[derive(Debug, Default)]
pub(crate) struct Suppressions {
    spans: Vec<(Option<String>, Range<usize>)>,
    /// Rule ids in the comments that name no rule (typos).
    pub problems: Vec<CommentProblem>,
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
        let mut problems = Vec::new();
        for range in &doc.html {
            let mut from = range.start;
            while let Some(found) = text[from..range.end].find("<!--") {
                let start = from + found;
                let Some(close) = text[start..range.end].find("-->") else {
                    break;
                };
                let end = start + close + 3;
                // `<!-->` and `<!--->` are empty comments.
                let inner = text.get(start + 4..end - 3).unwrap_or("");
                let body = inner.trim();
                let body_at = start + 4 + (inner.len() - inner.trim_start().len());
                from = end;
                let Some(Parsed { command, name, ids }) = parse_command(body) else {
                    continue;
                };
                for &(at, id) in ids.iter().filter(|(_, id)| catalog::info(id).is_none()) {
                    let start = body_at + at;
                    let (line, column) = line_column(text, start);
                    problems.push(CommentProblem {
                        id: id.to_string(),
                        range: start..start + id.len(),
                        line,
                        column,
                        message: unknown_rule_message(id, name),
                    });
                }
                let ids: Vec<Option<String>> = if ids.is_empty() {
                    vec![None]
                } else {
                    ids.into_iter().map(|(_, id)| Some(id.to_string())).collect()
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
        Suppressions { spans, problems }
    }
}

enum Command {
    Disable,
    Enable,
    NextLine,
}

/// A `dateline-` comment, read.
struct Parsed<'b> {
    command: Command,
    /// The command as written (`dateline-disable`).
    name: &'b str,
    /// The rule ids with their byte offsets in the comment's body; none
    /// means every rule.
    ids: Vec<(usize, &'b str)>,
}

/// `dateline-disable jargon, weasel-word` → Disable, with ids
/// `[(17, "jargon"), (25, "weasel-word")]`.
fn parse_command(body: &str) -> Option<Parsed<'_>> {
    let (name, rest) = body.split_once(char::is_whitespace).unwrap_or((body, ""));
    let command = match name {
        "dateline-disable" => Command::Disable,
        "dateline-enable" => Command::Enable,
        "dateline-disable-next-line" => Command::NextLine,
        _ => return None,
    };
    let ids = rest
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|s| !s.is_empty())
        .map(|s| (s.as_ptr() as usize - body.as_ptr() as usize, s))
        .collect();
    Some(Parsed { command, name, ids })
}

/// What to tell the author about an id that names no rule, with the
/// nearest rule id when one is close enough to be the intended one.
fn unknown_rule_message(id: &str, comment: &str) -> String {
    let mut message = format!("unknown rule `{id}` in a `{comment}` comment: it silences nothing");
    match closest_rule(id) {
        Some(known) => message.push_str(&format!("; did you mean `{known}`?")),
        None => message.push_str("; `dateline rules` lists every rule id"),
    }
    message
}

/// The rule id nearest to `id` by edit distance (ignoring case), if it is
/// close: at most one edit per three characters.
fn closest_rule(id: &str) -> Option<&'static str> {
    let typed = id.to_lowercase();
    let allowed = typed.chars().count().max(3) / 3;
    catalog::rules()
        .iter()
        .map(|r| (strsim::levenshtein(&typed, r.id), r.id))
        .filter(|&(d, _)| d <= allowed)
        .min_by_key(|&(d, _)| d)
        .map(|(_, known)| known)
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
    use crate::document::Tables;

    fn sup(text: &str) -> Suppressions {
        Suppressions::from_document(&Document::parse(text, &mut Tables::default()))
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
        assert!(s.problems.is_empty());
        // Empty comments used to panic.
        let text = "<!-->\n\nOne <!---> two.\n\n<!---> <!-- dateline-disable -->\n\ntext\n";
        assert!(sup(text).is_suppressed("jargon", text.find("text").unwrap()));
    }

    #[test]
    fn unknown_rule_ids_are_reported_with_the_nearest_known_one() {
        let text = "Intro.\n\n<!-- dateline-disable jargonn, weasel-word -->\n\nText.\n\n\
                    <!--   dateline-disable-next-line Long-Sentence frobnicate -->\nMore.\n";
        let s = sup(text);
        let found: Vec<(usize, usize, &str)> = s
            .problems
            .iter()
            .map(|p| (p.line, p.column, p.message.as_str()))
            .collect();
        assert_eq!(
            found,
            [
                (
                    3,
                    23,
                    "unknown rule `jargonn` in a `dateline-disable` comment: it silences nothing; did you mean `jargon`?"
                ),
                (
                    7,
                    35,
                    "unknown rule `Long-Sentence` in a `dateline-disable-next-line` comment: it silences nothing; did you mean `long-sentence`?"
                ),
                (
                    7,
                    49,
                    "unknown rule `frobnicate` in a `dateline-disable-next-line` comment: it silences nothing; `dateline rules` lists every rule id"
                ),
            ]
        );
        // Each range is the id as written.
        for p in &s.problems {
            assert_eq!(&text[p.range.clone()], p.id);
        }
        // The typo silences nothing; the known id next to it still works.
        let after = text.find("Text").unwrap();
        assert!(!s.is_suppressed("jargon", after));
        assert!(s.is_suppressed("weasel-word", after));
    }

    #[test]
    fn known_ids_and_bare_comments_are_no_problem() {
        let s = sup("<!-- dateline-disable -->\n\n<!-- dateline-enable jargon,passive-voice -->\n\ntext\n");
        assert!(s.problems.is_empty(), "{:?}", s.problems);
    }

    #[test]
    fn close_ids_only_are_suggested() {
        assert_eq!(closest_rule("jargonn"), Some("jargon"));
        assert_eq!(closest_rule("wesel-word"), Some("weasel-word"));
        assert_eq!(closest_rule("JARGON"), Some("jargon"));
        assert_eq!(closest_rule("passive"), None);
        assert_eq!(closest_rule("x"), None);
    }
}
