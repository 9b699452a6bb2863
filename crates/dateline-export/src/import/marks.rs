//! Where comments and tracked changes fall in the imported Markdown.
//!
//! The document is read with a marker character at each comment's start
//! and end and each change's start and end, and written to Markdown once
//! with them and once without. The markers come from a private-use plane
//! (taken out of the Word text first), so the Markdown writer treats them
//! as letters; with them stripped, the marked Markdown is, in all but odd
//! cases, the same as the plain one, and their offsets are exact. When the
//! two differ (a marker changed how emphasis or a title was written), each
//! range is found in the plain Markdown by its text and surroundings.

use std::ops::Range;

use dateline_review::Anchor;

use super::document::{Block, Inline, Para};

/// The first marker; marker `n` is `FIRST + n`.
const FIRST: u32 = 0xF0000;
/// Markers available (the rest of planes 15 and 16).
const COUNT: u32 = 0x1FFFE - 0x10;

/// Marker `n`, or `None` past the last one (the range is then found by text).
pub(crate) fn marker(n: usize) -> Option<char> {
    u32::try_from(n)
        .ok()
        .filter(|&n| n < COUNT)
        .and_then(|n| char::from_u32(FIRST + n))
}

pub(crate) fn is_marker(c: char) -> bool {
    marker_index(c).is_some()
}

/// The number of marker `c`.
pub(crate) fn marker_index(c: char) -> Option<usize> {
    let n = (c as u32).checked_sub(FIRST)?;
    (n < COUNT).then_some(n as usize)
}

/// Word text without anything that would read as a marker.
pub(crate) fn without_markers(text: &str) -> String {
    text.chars().filter(|c| !is_marker(*c)).collect()
}

/// The blocks with every marker taken out.
pub(crate) fn strip_blocks(blocks: &[Block]) -> Vec<Block> {
    blocks
        .iter()
        .map(|block| match block {
            Block::Para(p) => Block::Para(strip_para(p)),
            Block::Table(rows) => Block::Table(
                rows.iter()
                    .map(|row| {
                        row.iter()
                            .map(|cell| cell.iter().map(strip_para).collect())
                            .collect()
                    })
                    .collect(),
            ),
        })
        .collect()
}

fn strip_para(p: &Para) -> Para {
    Para {
        inlines: strip_inlines(&p.inlines),
        ..p.clone()
    }
}

fn strip_inlines(items: &[Inline]) -> Vec<Inline> {
    items
        .iter()
        .filter_map(|item| match item {
            Inline::Text(t, format) => {
                let t = without_markers(t);
                (!t.is_empty()).then_some(Inline::Text(t, *format))
            }
            Inline::Link { url, image, children } => Some(Inline::Link {
                url: url.clone(),
                image: *image,
                children: strip_inlines(children),
            }),
            other => Some(other.clone()),
        })
        .collect()
}

/// The marked Markdown's marker offsets, against the plain Markdown.
pub(crate) struct Places<'a> {
    stripped: String,
    plain: &'a str,
    /// Byte offset in `stripped` of each marker that was written.
    offsets: Vec<Option<usize>>,
}

impl<'a> Places<'a> {
    pub(crate) fn new(marked: &str, plain: &'a str, markers: usize) -> Places<'a> {
        let mut stripped = String::with_capacity(marked.len());
        let mut offsets = vec![None; markers];
        for c in marked.chars() {
            if let Some(n) = marker_index(c) {
                if let Some(slot) = offsets.get_mut(n) {
                    *slot = Some(stripped.len());
                }
            } else {
                stripped.push(c);
            }
        }
        Places {
            stripped,
            plain,
            offsets,
        }
    }

    /// The plain Markdown's byte range from marker `from` to marker `to`;
    /// `None` when a marker was not written (it fell outside any
    /// paragraph) or the text cannot be found.
    pub(crate) fn range(&self, from: usize, to: usize) -> Option<Range<usize>> {
        let a = (*self.offsets.get(from)?)?;
        let b = (*self.offsets.get(to)?)?;
        let range = a.min(b)..a.max(b);
        if self.stripped == self.plain {
            return Some(range);
        }
        let span = Anchor::new(&self.stripped, range).resolve(self.plain).span()?;
        Some(span.start..span.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_are_found_and_stripped() {
        let m = |n| marker(n).unwrap();
        let marked = format!("Say {}hello{} world.", m(0), m(1));
        let places = Places::new(&marked, "Say hello world.", 3);
        assert_eq!(places.range(0, 1), Some(4..9));
        assert_eq!(places.range(1, 0), Some(4..9), "order does not matter");
        assert_eq!(places.range(0, 2), None, "marker 2 was never written");
        assert_eq!(without_markers(&marked), "Say hello world.");
    }

    #[test]
    fn when_the_plain_text_differs_the_range_is_found_by_its_text() {
        let m = |n| marker(n).unwrap();
        let marked = format!("---\ntitle: x\n---\n\nSay {}hello{} world.", m(0), m(1));
        let places = Places::new(&marked, "Say hello world.", 2);
        assert_eq!(places.range(0, 1), Some(4..9));
    }
}
