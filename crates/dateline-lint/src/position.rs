//! Turns raw findings into diagnostics: safe ranges, line and column, section.

use crate::context::Found;
use crate::outline::Outline;
use crate::report::{Diagnostic, Fix, SectionKind};
use std::ops::Range;

/// Clamps a byte offset into the text, down to a char boundary.
fn floor(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn safe_range(text: &str, r: &Range<usize>) -> Range<usize> {
    let start = floor(text, r.start);
    start..floor(text, r.end).max(start)
}

/// Line and column lookups; computed from the last position when it is on
/// the same line, so many findings on one huge line stay cheap.
struct Positions<'t> {
    text: &'t str,
    line_starts: &'t [usize],
    last: (usize, usize, usize, usize),
}

/// Where each line of `text` starts.
fn line_starts(text: &str) -> Vec<usize> {
    let mut starts = vec![0];
    starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
    starts
}

impl<'t> Positions<'t> {
    fn new(text: &'t str, line_starts: &'t [usize]) -> Self {
        Positions {
            text,
            line_starts,
            last: (0, 0, 1, 1),
        }
    }

    /// (line, column, UTF-16 column), all 1-based.
    fn at(&mut self, offset: usize) -> (usize, usize, usize) {
        let line = self.line_starts.partition_point(|&s| s <= offset);
        let line_start = self.line_starts[line - 1];
        let (last_off, last_line_start, col, col16) = self.last;
        let (from, mut col, mut col16) = if last_line_start == line_start && last_off <= offset {
            (last_off, col, col16)
        } else {
            (line_start, 1, 1)
        };
        let between = &self.text[from..offset];
        if between.is_ascii() {
            col += between.len();
            col16 += between.len();
        } else {
            // Chars of four bytes (their first byte is F0 or more) take two
            // UTF-16 units.
            let chars = between.chars().count();
            col += chars;
            col16 += chars + between.bytes().filter(|&b| b >= 0xF0).count();
        }
        self.last = (offset, line_start, col, col16);
        (line, col, col16)
    }
}

pub(crate) fn finish(text: &str, outline: &Outline, mut found: Vec<Found>) -> Vec<Diagnostic> {
    for f in &mut found {
        f.range = safe_range(text, &f.range);
    }
    found.sort_by(|a, b| (a.range.start, a.range.end, a.rule).cmp(&(b.range.start, b.range.end, b.rule)));
    // Starts and ends each move forward: one lookup state for each.
    let lines = line_starts(text);
    let mut positions = Positions::new(text, &lines);
    let mut ends = Positions::new(text, &lines);
    let mut out = Vec::with_capacity(found.len());
    for f in found {
        let (line, column, column_utf16) = positions.at(f.range.start);
        let (end_line, end_column, end_column_utf16) = ends.at(f.range.end);
        let section = f.section.unwrap_or_else(|| section_at(outline, f.range.start));
        let fix = f.fix.map(|fix| {
            let r = safe_range(text, &fix.range);
            Fix {
                start: r.start,
                end: r.end,
                replacement: fix.replacement,
                alternatives: fix.alternatives,
            }
        });
        out.push(Diagnostic {
            rule: f.rule,
            severity: f.severity,
            message: f.message,
            line,
            column,
            column_utf16,
            end_line,
            end_column,
            end_column_utf16,
            start: f.range.start,
            end: f.range.end,
            section,
            fix,
        });
    }
    out
}

/// Sets line and columns of diagnostics whose byte offsets were moved into
/// `text` (the lint of a marked draft, [`crate::marked`]).
pub(crate) fn reposition(text: &str, diagnostics: &mut [Diagnostic]) {
    let lines = line_starts(text);
    let mut positions = Positions::new(text, &lines);
    let mut ends = Positions::new(text, &lines);
    for d in diagnostics {
        (d.line, d.column, d.column_utf16) = positions.at(floor(text, d.start));
        (d.end_line, d.end_column, d.end_column_utf16) = ends.at(floor(text, d.end));
    }
}

/// 1-based line and column (in chars) of `at` in `text`.
pub(crate) fn line_column(text: &str, at: usize) -> (usize, usize) {
    let lines = line_starts(text);
    let (line, column, _) = Positions::new(text, &lines).at(floor(text, at));
    (line, column)
}

/// The innermost outline section holding `at`.
fn section_at(outline: &Outline, at: usize) -> Option<SectionKind> {
    outline
        .sections
        .iter()
        .filter(|s| s.start <= at && at < s.end.max(s.start + 1))
        .min_by_key(|s| s.end - s.start)
        .map(|s| s.kind)
}
