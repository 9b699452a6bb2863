//! CriticMarkup: the plain-text convention for suggested edits that
//! Obsidian plugins, Zettlr, Ulysses and MultiMarkdown read and write.
//!
//! ```text
//! {++ added ++}   {-- deleted --}   {~~ old ~> new ~~}   {>> comment <<}   {== highlight ==}
//! ```
//!
//! [`parse`] finds the marks; [`strip_for_lint`] gives the text as it reads
//! with the marks pending (additions not applied, deletions kept,
//! substitutions keeping the old text, comments gone, highlights kept as
//! text) and a [`PositionMap`] back to the marked text, so the lint reads
//! the prose and never flags the markup itself.
//!
//! The rules, where the CriticMarkup spec leaves them open:
//! - **Code is left alone.** A mark that starts inside a code span or a
//!   code block (fenced or indented) is no mark, and a closing delimiter
//!   inside code does not close one.
//! - **Broken markup is text.** An opening with no closing delimiter, a
//!   substitution without `~>`, or a mark whose content holds a blank line
//!   (marks do not span paragraphs; only an addition of nothing but
//!   whitespace may, which is how the spec adds a paragraph break) is plain
//!   text.
//! - **The outer mark wins.** Once a mark opens, everything up to its
//!   first closing delimiter is its content, taken literally: a mark inside
//!   another is text of the outer one, and `{++ a {++ b ++} c ++}` is the
//!   addition `" a {++ b "` followed by the text `" c ++}"`.
//!
//! Offsets are bytes of the marked text, on char boundaries; each mark also
//! carries its UTF-16 range, what the editor uses.

use memchr::memmem;
use pulldown_cmark::{Event, Options, Parser, Tag};
use serde::Serialize;
use std::ops::Range;

/// The five kinds of mark.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum MarkKind {
    Addition,
    Deletion,
    Substitution,
    Comment,
    Highlight,
}

/// (kind, opening, closing) delimiters.
const DELIMITERS: [(MarkKind, &str, &str); 5] = [
    (MarkKind::Addition, "{++", "++}"),
    (MarkKind::Deletion, "{--", "--}"),
    (MarkKind::Substitution, "{~~", "~~}"),
    (MarkKind::Comment, "{>>", "<<}"),
    (MarkKind::Highlight, "{==", "==}"),
];

/// The separator of a substitution's old and new text.
pub const SUBSTITUTION_ARROW: &str = "~>";

/// One mark of CriticMarkup.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Mark {
    pub kind: MarkKind,
    /// The whole mark, delimiters included.
    pub span: Range<usize>,
    /// The same range in UTF-16 code units.
    pub span_utf16: Range<usize>,
    /// The content between the delimiters; for a substitution, the old text.
    pub content: Range<usize>,
    /// A substitution's new text (after `~>`).
    pub new_content: Option<Range<usize>>,
}

impl Mark {
    /// The closing delimiter of this mark's kind, which its text may not hold.
    pub fn closing(kind: MarkKind) -> &'static str {
        DELIMITERS.iter().find(|d| d.0 == kind).map_or("", |d| d.2)
    }

    /// The opening delimiter of this mark's kind.
    pub fn opening(kind: MarkKind) -> &'static str {
        DELIMITERS.iter().find(|d| d.0 == kind).map_or("", |d| d.1)
    }
}

/// True when `text` may hold CriticMarkup (an opening delimiter appears):
/// a cheap test before [`parse`].
pub fn may_have_markup(text: &str) -> bool {
    memchr::memchr_iter(b'{', text.as_bytes()).any(|at| opening_at(text, at).is_some())
}

/// Every mark of `text`, in order, none overlapping.
pub fn parse(text: &str) -> Vec<Mark> {
    if !may_have_markup(text) {
        return Vec::new();
    }
    let code = code_ranges(text);
    let mut marks = Vec::new();
    let mut from = 0;
    while let Some(found) = memchr::memchr(b'{', &text.as_bytes()[from..]) {
        let at = from + found;
        if let Some(end) = inside(&code, at) {
            from = end;
            continue;
        }
        match opening_at(text, at).and_then(|kind| mark_at(text, &code, at, kind)) {
            Some(mark) => {
                from = mark.span.end;
                marks.push(mark);
            }
            None => from = at + 1,
        }
    }
    fill_utf16(text, &mut marks);
    marks
}

/// The kind whose opening delimiter starts at byte `at`.
fn opening_at(text: &str, at: usize) -> Option<MarkKind> {
    let rest = &text.as_bytes()[at..];
    DELIMITERS
        .iter()
        .find(|(_, open, _)| rest.starts_with(open.as_bytes()))
        .map(|d| d.0)
}

/// The mark opening at `at`, when it closes properly.
fn mark_at(text: &str, code: &[Range<usize>], at: usize, kind: MarkKind) -> Option<Mark> {
    let start = at + 3;
    let close = find_outside(text, code, start, Mark::closing(kind))?;
    let content = start..close;
    let body = &text[content.clone()];
    let blank_line = has_blank_line(body);
    if blank_line && !(kind == MarkKind::Addition && body.trim().is_empty()) {
        return None;
    }
    let (content, new_content) = if kind == MarkKind::Substitution {
        let arrow = find_outside(text, code, start, SUBSTITUTION_ARROW).filter(|&a| a < close)?;
        (start..arrow, Some(arrow + 2..close))
    } else {
        (content, None)
    };
    Some(Mark {
        kind,
        span: at..close + 3,
        span_utf16: 0..0,
        content,
        new_content,
    })
}

/// The first `needle` at or after `from` that does not start inside code.
fn find_outside(text: &str, code: &[Range<usize>], from: usize, needle: &str) -> Option<usize> {
    let finder = memmem::Finder::new(needle.as_bytes());
    let mut from = from;
    loop {
        let at = from + finder.find(&text.as_bytes()[from..])?;
        match inside(code, at) {
            Some(end) => from = end.max(at + 1),
            None => return Some(at),
        }
    }
}

/// A line holding only whitespace between two line breaks.
fn has_blank_line(s: &str) -> bool {
    let mut lines = s.split('\n');
    lines.next();
    let mut rest: Vec<&str> = lines.collect();
    // The last piece ends at the closing delimiter, not at a line break.
    rest.pop();
    rest.iter().any(|l| l.trim().is_empty())
}

/// The end of the code range holding byte `at`, if one does.
fn inside(code: &[Range<usize>], at: usize) -> Option<usize> {
    let i = code.partition_point(|r| r.end <= at);
    code.get(i).filter(|r| r.start <= at).map(|r| r.end)
}

/// Byte ranges of code spans and code blocks, sorted, not overlapping.
pub fn code_ranges(text: &str) -> Vec<Range<usize>> {
    let mut ranges: Vec<Range<usize>> = Parser::new_ext(text, Options::empty())
        .into_offset_iter()
        .filter_map(|(event, range)| match event {
            Event::Code(_) | Event::Start(Tag::CodeBlock(_)) => Some(range),
            _ => None,
        })
        .collect();
    ranges.sort_by_key(|r| r.start);
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for r in ranges {
        match merged.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    merged
}

/// Sets each mark's UTF-16 range in one pass over the text.
fn fill_utf16(text: &str, marks: &mut [Mark]) {
    let mut units = 0;
    let mut byte = 0;
    let mut advance = |to: usize| {
        units += text[byte..to].encode_utf16().count();
        byte = to;
        units
    };
    for mark in marks {
        let start = advance(mark.span.start);
        let end = advance(mark.span.end);
        mark.span_utf16 = start..end;
    }
}

/// Where each piece of the stripped text came from in the marked text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PositionMap {
    /// (start in the stripped text, start in the marked text, length), in
    /// order; together they are the whole stripped text.
    pieces: Vec<(usize, usize, usize)>,
}

impl PositionMap {
    fn push(&mut self, original: Range<usize>, clean_at: usize) {
        if !original.is_empty() {
            self.pieces.push((clean_at, original.start, original.len()));
        }
    }

    /// The marked-text offset of a stripped-text offset where a range
    /// starts: at the boundary of two pieces, the start of the later one.
    pub fn start_to_original(&self, clean: usize) -> usize {
        let i = self.pieces.partition_point(|&(c, _, len)| c + len <= clean);
        match self.pieces.get(i) {
            Some(&(c, o, _)) if c <= clean => o + (clean - c),
            _ => self.end_to_original(clean),
        }
    }

    /// The marked-text offset of a stripped-text offset where a range
    /// ends: at the boundary of two pieces, the end of the earlier one.
    pub fn end_to_original(&self, clean: usize) -> usize {
        let i = self.pieces.partition_point(|&(c, _, _)| c < clean);
        match i.checked_sub(1).and_then(|i| self.pieces.get(i)) {
            Some(&(c, o, len)) => o + (clean - c).min(len),
            None => self.pieces.first().map_or(0, |&(_, o, _)| o.min(clean)),
        }
    }

    /// A stripped-text range in the marked text (an empty one stays empty).
    pub fn range_to_original(&self, r: Range<usize>) -> Range<usize> {
        let start = self.start_to_original(r.start);
        if r.is_empty() {
            return start..start;
        }
        start..self.end_to_original(r.end).max(start)
    }

    /// The stripped-text offset of a marked-text offset; an offset inside
    /// markup that was dropped goes to where the next kept text starts.
    pub fn to_clean(&self, original: usize) -> usize {
        let i = self.pieces.partition_point(|&(_, o, len)| o + len <= original);
        match self.pieces.get(i) {
            Some(&(c, o, _)) if o <= original => c + (original - o),
            Some(&(c, _, _)) => c,
            None => self.pieces.last().map_or(0, |&(c, _, len)| c + len),
        }
    }
}

/// The text as it reads with every mark pending, and the map back.
pub fn strip_for_lint(text: &str) -> (String, PositionMap) {
    strip_marks(text, &parse(text))
}

/// [`strip_for_lint`] with marks already parsed.
pub fn strip_marks(text: &str, marks: &[Mark]) -> (String, PositionMap) {
    let mut clean = String::with_capacity(text.len());
    let mut map = PositionMap::default();
    let mut keep = |range: Range<usize>, clean: &mut String| {
        map.push(range.clone(), clean.len());
        clean.push_str(&text[range]);
    };
    let mut at = 0;
    for mark in marks {
        keep(at..mark.span.start, &mut clean);
        match mark.kind {
            MarkKind::Addition | MarkKind::Comment => {}
            MarkKind::Deletion | MarkKind::Substitution | MarkKind::Highlight => {
                keep(mark.content.clone(), &mut clean)
            }
        }
        at = mark.span.end;
    }
    keep(at..text.len(), &mut clean);
    (clean, map)
}

#[cfg(test)]
mod tests;
