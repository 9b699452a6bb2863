//! Splits a draft into review sections: a partition of the text, built from
//! the lint's outline, that both sides of a review can be aligned on.
//!
//! The lint outline is made for the inspector, not for diffing: its sections
//! may nest (a "How to get started" heading whose paragraph is also the call
//! to action), leave gaps (blank lines, blocks it does not classify) and
//! stop at the FAQ part, never at single questions. A review needs each byte
//! of the draft in exactly one section, and a question moved from one place
//! in the FAQ to another to read as "moved", not as a large rewrite. So:
//!
//! - a section runs from where its outline section starts to where the next
//!   one starts (text the outline skipped stays with the section before it),
//!   minus trailing whitespace, which is never worth a highlight;
//! - nested or repeated outline ranges fold into the enclosing section,
//!   whose `alsoKinds` keeps the roles it lost, and so do parts recognised
//!   from their content under a heading of the draft's own (see
//!   `under_heading`);
//! - text before the first outline section is a preamble (front matter, a
//!   note to reviewers);
//! - inside FAQ parts every question (`**Question?**`, a heading ending in
//!   `?`, or `Q:`) starts a section of its own.

use crate::Span;
use dateline_lint::{Section, SectionKind};
use serde::Serialize;

/// One section of one side of a review.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReviewSection {
    /// The outline kind; `None` for the preamble before the first section.
    pub kind: Option<SectionKind>,
    /// Roles of outline sections folded into this one (nested ranges).
    pub also_kinds: Vec<SectionKind>,
    /// The heading text, or the question for a FAQ question.
    pub title: Option<String>,
    /// True for a single FAQ question and its answer.
    pub question: bool,
    /// What to call the section in the UI ("Leader quote", "External FAQ:
    /// Does it work offline?").
    pub label: String,
    /// Bytes of the text, trailing whitespace excluded; may be empty only for
    /// an empty text's sole preamble.
    pub span: Span,
}

impl ReviewSection {
    /// The section's text in the draft it came from.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.span.start..self.span.end]
    }
}

/// The review sections of `text`, in order, from its lint outline. Any
/// outline gives a partition: ranges are clamped to the text and to char
/// boundaries first, so a stale outline cannot make this panic.
pub fn split_sections(text: &str, outline: &[Section]) -> Vec<ReviewSection> {
    // (start, end, kind, title, heading) sorted by start, widest first on ties.
    let mut parts: Vec<(usize, usize, SectionKind, Option<String>, bool)> = outline
        .iter()
        .map(|s| {
            let start = floor_boundary(text, s.start.min(text.len()));
            let end = floor_boundary(text, s.end.clamp(start, text.len()));
            (start, end, s.kind, s.title.clone(), s.heading)
        })
        .collect();
    parts.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));

    let mut folded: Vec<Folded> = Vec::new();
    for (start, end, kind, title, heading) in parts {
        match folded.last_mut() {
            Some(last)
                if start < last.end
                    || start == last.start
                    || (!heading && under_heading(last.kind, last.heading)) =>
            {
                last.end = last.end.max(end);
                if kind != last.kind && !last.also.contains(&kind) {
                    last.also.push(kind);
                }
                if last.title.is_none() {
                    last.title = title;
                }
            }
            _ => folded.push(Folded {
                start,
                end,
                kind,
                also: Vec::new(),
                title,
                heading,
            }),
        }
    }

    let mut out = Vec::new();
    let first_start = folded.first().map_or(text.len(), |f| f.start);
    let pre = trim_end(text, 0, first_start);
    if pre > 0 || folded.is_empty() {
        out.push(ReviewSection {
            kind: None,
            also_kinds: Vec::new(),
            title: None,
            question: false,
            label: "Preamble".to_string(),
            span: Span::new(0, pre),
        });
    }
    for (
        i,
        Folded {
            start,
            kind,
            also,
            title,
            ..
        },
    ) in folded.iter().enumerate()
    {
        let next = folded.get(i + 1).map_or(text.len(), |n| n.start);
        let end = trim_end(text, *start, next);
        let section = ReviewSection {
            kind: Some(*kind),
            also_kinds: also.clone(),
            title: title.clone(),
            question: false,
            label: kind.label().to_string(),
            span: Span::new(*start, end),
        };
        if kind.is_faq() {
            split_questions(text, section, &mut out);
        } else {
            out.push(section);
        }
    }
    out
}

/// Outline sections merged into one review section.
struct Folded {
    start: usize,
    end: usize,
    kind: SectionKind,
    /// Kinds of the outline sections folded in.
    also: Vec<SectionKind>,
    title: Option<String>,
    /// Opened by a heading of the draft's own.
    heading: bool,
}

/// True when a section recognised from its content (no heading of its own)
/// that follows a section opened by a heading belongs to it.
///
/// The lint recognises plain-prose parts (a quote, a closing paragraph) by
/// their words, and an edit can change its mind: remove the solution and
/// the problem's last paragraph may read as a call to action. Split there,
/// the review would show words deleted from one section and added to
/// another when none changed. Headings are what the author wrote on
/// purpose, so under a heading the review keeps the heading's section
/// (`alsoKinds` keeps what the lint saw in it). The headline is no such
/// heading: the subheading and summary after it are parts of their own.
fn under_heading(kind: SectionKind, heading: bool) -> bool {
    heading && kind != SectionKind::Headline && !kind.is_faq()
}

/// Pushes a FAQ part, cut at each question.
fn split_questions(text: &str, part: ReviewSection, out: &mut Vec<ReviewSection>) {
    let kind = part.kind.expect("FAQ parts have a kind");
    let body = part.span;
    let mut starts: Vec<(usize, String)> = Vec::new();
    let mut fenced = false;
    let mut pos = body.start;
    for line in text[body.start..body.end].split_inclusive('\n') {
        let trimmed = line.trim();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            fenced = !fenced;
        } else if !fenced {
            if let Some(q) = question_of(trimmed) {
                starts.push((pos + (line.len() - line.trim_start().len()), q));
            }
        }
        pos += line.len();
    }
    let first = starts.first().map_or(body.end, |s| s.0);
    // A part that opens straight on a question (no heading) is all questions.
    if first > body.start || starts.is_empty() {
        out.push(ReviewSection {
            span: Span::new(body.start, trim_end(text, body.start, first)),
            ..part
        });
    }
    for (i, (start, question)) in starts.iter().enumerate() {
        let next = starts.get(i + 1).map_or(body.end, |n| n.0);
        out.push(ReviewSection {
            kind: Some(kind),
            also_kinds: Vec::new(),
            label: format!("{}: {}", kind.label(), question),
            title: Some(question.clone()),
            question: true,
            span: Span::new(*start, trim_end(text, *start, next)),
        });
    }
}

/// The question a line opens, if it is one: `**How much?**`, `### How
/// much?`, `Q: How much?`.
fn question_of(line: &str) -> Option<String> {
    let q = if let Some(rest) = line.strip_prefix("**").or_else(|| line.strip_prefix("__")) {
        let close = rest.find("**").or_else(|| rest.find("__"))?;
        rest[..close].trim()
    } else if line.starts_with('#') {
        line.trim_start_matches('#').trim().trim_end_matches('#').trim()
    } else if let Some(rest) = line.strip_prefix("Q:").or_else(|| line.strip_prefix("Q.")) {
        rest.trim()
    } else {
        return None;
    };
    let q = q.trim_start_matches(['Q', ':']).trim();
    (q.ends_with('?') && q.len() > 1).then(|| q.to_string())
}

/// `end` moved back over whitespace, not before `start`.
fn trim_end(text: &str, start: usize, end: usize) -> usize {
    start + text[start..end].trim_end().len()
}

/// The largest char boundary not after `i`.
pub(crate) fn floor_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;
    use dateline_lint::{lint, Config};

    fn sections(text: &str) -> Vec<ReviewSection> {
        split_sections(text, &lint(text, &Config::default()).outline)
    }

    const DRAFT: &str = "# Acme Ships Rockets Today\n\n\
        ## Anyone can now launch a satellite for the price of a car\n\n\
        **SEATTLE — May 1, 2025 —** Acme today launched RocketBox, a rocket you can order online.\n\n\
        ## The problem\n\nLaunches cost millions and take years to book.\n\n\
        ## The solution\n\nRocketBox ships in a crate and launches from a field.\n\n\
        ## Frequently Asked Questions\n\n### Customer FAQ\n\n\
        **How much does it cost?**\n\nOne hundred thousand dollars.\n\n\
        **Is it safe?**\n\nYes, it flies over water.\n\n\
        ### Internal FAQ\n\n**Why now?**\n\nCheap engines.\n";

    #[test]
    fn sections_partition_the_text_and_cut_questions() {
        let s = sections(DRAFT);
        let kinds: Vec<_> = s.iter().map(|s| (s.kind, s.question)).collect();
        assert_eq!(s[0].kind, Some(SectionKind::Headline));
        assert!(kinds.contains(&(Some(SectionKind::Problem), false)));
        let questions: Vec<_> = s
            .iter()
            .filter(|s| s.question)
            .map(|s| s.title.clone().unwrap())
            .collect();
        assert_eq!(questions, ["How much does it cost?", "Is it safe?", "Why now?"]);
        let why = s.iter().find(|s| s.title.as_deref() == Some("Why now?")).unwrap();
        assert_eq!(why.kind, Some(SectionKind::InternalFaq));
        assert_eq!(why.text(DRAFT), "**Why now?**\n\nCheap engines.");
        // In order, not overlapping, and everything between them is blank.
        for w in s.windows(2) {
            assert!(w[0].span.end <= w[1].span.start, "{w:?}");
            assert!(DRAFT[w[0].span.end..w[1].span.start].trim().is_empty());
        }
        assert!(DRAFT[s.last().unwrap().span.end..].trim().is_empty());
    }

    #[test]
    fn content_parts_under_a_heading_stay_with_it() {
        // A quote paragraph under "Launch day in Iowa" is the lint's
        // customer quote, but stays in the heading's section; in a draft
        // without headings it is a section of its own.
        let text = "# Acme Ships Rockets Today\n\n\
            **SEATTLE — May 1, 2025 —** Acme today launched RocketBox, a rocket you can order online.\n\n\
            ## Launch day in Iowa\n\nMany customers wrote to us.\n\n\
            \"It flew on the first try,\" said Jo Park, a farmer in Iowa.\n";
        let outline = lint(text, &Config::default()).outline;
        assert!(
            outline
                .iter()
                .any(|s| s.kind == SectionKind::CustomerQuote && !s.heading),
            "{outline:#?}"
        );
        let s = split_sections(text, &outline);
        let last = s.last().unwrap();
        assert_eq!(last.title.as_deref(), Some("Launch day in Iowa"));
        assert!(last.also_kinds.contains(&SectionKind::CustomerQuote), "{s:#?}");
        assert!(last.text(text).ends_with("farmer in Iowa."));
        let plain = text.replace("## Launch day in Iowa\n\n", "");
        let s = sections(&plain);
        assert!(
            s.iter().any(|s| s.kind == Some(SectionKind::CustomerQuote)),
            "{s:#?}"
        );
    }

    #[test]
    fn preamble_and_empty_text() {
        let s = sections("");
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].kind, None);
        assert_eq!(s[0].span, Span::new(0, 0));
        let s = sections("just a note\n");
        assert!(s
            .iter()
            .all(|s| s.text("just a note\n").trim() == s.text("just a note\n")));
    }

    #[test]
    fn nested_outline_sections_fold() {
        let outline = vec![
            section(SectionKind::GettingStarted, 0, 30),
            section(SectionKind::CallToAction, 10, 30),
            section(SectionKind::CustomerQuote, 31, 40),
        ];
        let text = "x".repeat(40);
        let s = split_sections(&text, &outline);
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].also_kinds, [SectionKind::CallToAction]);
        assert_eq!(s[0].span, Span::new(0, 31));
    }

    #[test]
    fn stale_outline_is_clamped_to_boundaries() {
        let text = "é€";
        let outline = vec![section(SectionKind::Summary, 1, 99)];
        let s = split_sections(text, &outline);
        for sec in &s {
            assert!(text.is_char_boundary(sec.span.start) && text.is_char_boundary(sec.span.end));
        }
        assert_eq!(s.iter().map(|s| s.text(text)).collect::<String>(), text);
    }

    #[test]
    fn question_lines() {
        assert_eq!(
            question_of("**Does it work offline?**").as_deref(),
            Some("Does it work offline?")
        );
        assert_eq!(question_of("### Why now?").as_deref(), Some("Why now?"));
        assert_eq!(question_of("Q: Why now?").as_deref(), Some("Why now?"));
        assert_eq!(question_of("**Bold statement.**"), None);
        assert_eq!(question_of("Is it plain prose?"), None);
    }

    fn section(kind: SectionKind, start: usize, end: usize) -> Section {
        Section {
            kind,
            label: kind.label(),
            title: None,
            start,
            end,
            heading: false,
        }
    }
}
