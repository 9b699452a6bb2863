//! What the review pins on ranges of the draft: comment anchors and
//! suggested edits. Both are placed by finding their quoted text in the
//! draft's source, then turned into boundaries (sorted by byte offset) that
//! the body writer passes as it writes the text.

use std::ops::Range;

use crate::review::ReviewComment;

/// A suggested edit, for Word a tracked change: `anchor` (text of the draft,
/// found the way comment quotes are) deleted and `replacement` inserted.
/// An empty replacement is a deletion; an empty anchor, an insertion at
/// `offset` (without one it cannot be placed).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TrackedChange {
    pub anchor: String,
    pub replacement: String,
    pub author: String,
    /// When it was suggested, Unix milliseconds (UTC).
    pub at: Option<i64>,
    /// Where the anchor is (byte offset in the draft), when the caller
    /// placed it: a quote that occurs twice then marks the right one.
    pub offset: Option<usize>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Boundary {
    // Ends sort before starts at the same offset, so ranges that touch do
    // not nest by accident.
    ChangeEnd(usize),
    CommentEnd(usize),
    CommentStart(usize),
    ChangeStart(usize),
}

#[derive(Debug, Default)]
pub(crate) struct Marks {
    /// By offset; each comment or change index appears as a start and an end.
    pub boundaries: Vec<(usize, Boundary)>,
    /// Comments whose quote is not in the draft (listed in the review section).
    pub unplaced_comments: Vec<usize>,
    /// Changes whose anchor is not in the draft, or overlaps another change.
    pub unplaced_changes: Vec<usize>,
    pub changes: Vec<TrackedChange>,
    pub comments: Vec<ReviewComment>,
}

impl Marks {
    pub(crate) fn place(text: &str, comments: &[ReviewComment], changes: &[TrackedChange]) -> Marks {
        let body_start = crate::draft::front_matter(text).map_or(0, |b| b.range.end);
        let mut marks = Marks {
            changes: changes.to_vec(),
            comments: comments.to_vec(),
            ..Default::default()
        };
        for (i, comment) in comments.iter().enumerate() {
            let placed = comment.quoted.as_deref().and_then(|q| {
                at_offset(text, body_start, comment.offset, q).or_else(|| find(text, body_start, q))
            });
            match placed {
                Some(range) => {
                    marks.boundaries.push((range.start, Boundary::CommentStart(i)));
                    marks.boundaries.push((range.end, Boundary::CommentEnd(i)));
                }
                None => marks.unplaced_comments.push(i),
            }
        }
        let mut taken: Vec<Range<usize>> = Vec::new();
        let mut points: Vec<(usize, usize)> = Vec::new();
        for (i, change) in changes.iter().enumerate() {
            if change.anchor.is_empty() {
                match change
                    .offset
                    .filter(|&at| at >= body_start && text.is_char_boundary(at))
                {
                    Some(at) => points.push((at, i)),
                    None => marks.unplaced_changes.push(i),
                }
                continue;
            }
            let found = at_offset(text, body_start, change.offset, &change.anchor)
                .or_else(|| find(text, body_start, &change.anchor))
                .filter(|r| !taken.iter().any(|t| t.start < r.end && r.start < t.end));
            match found {
                Some(range) => {
                    marks.boundaries.push((range.start, Boundary::ChangeStart(i)));
                    marks.boundaries.push((range.end, Boundary::ChangeEnd(i)));
                    taken.push(range);
                }
                None => marks.unplaced_changes.push(i),
            }
        }
        // An insertion is its end alone: the writer inserts there. Inside
        // a replaced range it would land in deleted text, so it is listed.
        for (at, i) in points {
            if taken.iter().any(|t| t.start < at && at < t.end) {
                marks.unplaced_changes.push(i);
            } else {
                marks.boundaries.push((at, Boundary::ChangeEnd(i)));
            }
        }
        marks.unplaced_changes.sort_unstable();
        marks.boundaries.sort();
        marks
    }
}

/// `quote` where the caller placed it, if it is there in the body.
fn at_offset(text: &str, body_start: usize, offset: Option<usize>, quote: &str) -> Option<Range<usize>> {
    offset
        .filter(|&at| at >= body_start && !quote.trim().is_empty())
        .filter(|&at| text.get(at..).is_some_and(|t| t.starts_with(quote)))
        .map(|at| at..at + quote.len())
}

/// The first occurrence of `quote` in the draft's body, exactly as quoted.
fn find(text: &str, body_start: usize, quote: &str) -> Option<Range<usize>> {
    if quote.trim().is_empty() {
        return None;
    }
    let start = body_start + text.get(body_start..)?.find(quote)?;
    Some(start..start + quote.len())
}

/// Walks the boundaries in order as the writer moves through the draft.
#[derive(Debug, Default)]
pub(crate) struct Cursor {
    next: usize,
}

impl Cursor {
    /// The boundaries at or before `offset` not yet passed.
    pub(crate) fn take_until<'m>(&mut self, marks: &'m Marks, offset: usize) -> &'m [(usize, Boundary)] {
        let from = self.next;
        while self.next < marks.boundaries.len() && marks.boundaries[self.next].0 <= offset {
            self.next += 1;
        }
        &marks.boundaries[from..self.next]
    }

    /// The offset of the next boundary strictly inside `range`, if any.
    pub(crate) fn next_inside(&self, marks: &Marks, range: &Range<usize>) -> Option<usize> {
        marks.boundaries[self.next..]
            .iter()
            .map(|(offset, _)| *offset)
            .find(|&o| o > range.start && o < range.end)
    }

    pub(crate) fn rest<'m>(&mut self, marks: &'m Marks) -> &'m [(usize, Boundary)] {
        self.take_until(marks, usize::MAX)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_are_found_after_the_front_matter_and_overlapping_changes_refused() {
        let text = "---\ntitle: cats\n---\n# cats\n\nThe cats sleep.\n";
        let comments = [ReviewComment {
            quoted: Some("cats".into()),
            ..Default::default()
        }];
        let change = |anchor: &str| TrackedChange {
            anchor: anchor.into(),
            replacement: "dogs".into(),
            ..Default::default()
        };
        let marks = Marks::place(
            text,
            &comments,
            &[change("cats sleep"), change("sleep"), change("mice")],
        );
        let cats = text.find("# cats").unwrap() + 2;
        assert_eq!(marks.boundaries[0], (cats, Boundary::CommentStart(0)));
        assert_eq!(marks.unplaced_changes, vec![1, 2]);
        let start = text.find("cats sleep").unwrap();
        assert!(marks.boundaries.contains(&(start, Boundary::ChangeStart(0))));
        assert!(marks.boundaries.contains(&(start + 10, Boundary::ChangeEnd(0))));
    }

    #[test]
    fn a_placed_comment_marks_its_own_passage_and_a_wrong_offset_falls_back() {
        let text = "# PocketCell

Acme launched PocketCell today.
";
        let second = text.rfind("PocketCell").unwrap();
        let comment = |offset| ReviewComment {
            quoted: Some("PocketCell".into()),
            offset,
            ..Default::default()
        };
        let marks = Marks::place(text, &[comment(Some(second)), comment(Some(3))], &[]);
        assert!(marks.boundaries.contains(&(second, Boundary::CommentStart(0))));
        assert!(
            marks.boundaries.contains(&(2, Boundary::CommentStart(1))),
            "{:?}",
            marks.boundaries
        );
    }
}
