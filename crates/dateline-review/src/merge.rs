//! Line-based three-way merge of a draft: the user's unsaved edits
//! ("ours") and a version that arrived on disk or in a sync client's
//! conflict copy ("theirs"), both descended from the text the editor last
//! loaded ("base").
//!
//! The classic diff3 algorithm: diff base → ours and base → theirs by
//! lines, then walk both edit scripts over the base. Changes that touch
//! different base lines merge cleanly; changes to the same base lines merge
//! cleanly when both sides made the same one, and otherwise become a
//! [`Chunk::Conflict`] for the user to decide.
//!
//! Lines keep their line ending, so a last line without `\n` differs from
//! the same line with one: adding a final newline is a change to that line.
//! Line endings are compared as they are (the editor's text is `\n`-only).

use serde::{Deserialize, Serialize};
use similar::{capture_diff_slices_deadline, Algorithm, DiffOp, DiffTag};
use std::collections::HashMap;
use std::ops::Range;
use std::time::{Duration, Instant};

/// Time the two line diffs of one merge may take in all. Past it `similar`
/// returns a correct but less minimal diff (more, larger hunks), so a
/// pathological pair of texts costs more conflicts, never a hung window.
const DEADLINE: Duration = Duration::from_millis(500);

/// The merge of two versions of a text, as a sequence of chunks whose texts,
/// concatenated (conflicts resolved somehow), are the merged text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Merge {
    pub chunks: Vec<Chunk>,
}

/// One stretch of the merged text (`{"kind": "clean" | "conflict", ...}`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum Chunk {
    /// Text both sides agree on after merging; `origin` says where it came from.
    Clean { text: String, origin: Origin },
    /// Both sides changed the same lines differently. `base` is what those
    /// lines were (empty when both inserted at the same place).
    Conflict {
        base: String,
        ours: String,
        theirs: String,
    },
}

/// Where a clean chunk's text came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Origin {
    /// Neither side changed it.
    Unchanged,
    /// Only ours changed it.
    Ours,
    /// Only theirs changed it.
    Theirs,
    /// Both sides made the same change.
    Both,
}

/// How to resolve one conflict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Choice {
    Ours,
    Theirs,
    /// Ours, then theirs (on a line of its own, see [`Merge::resolve`]).
    Both,
}

/// Merges the changes `ours` and `theirs` each made to `base`. Never fails:
/// what cannot be merged is a [`Chunk::Conflict`].
pub fn three_way(base: &str, ours: &str, theirs: &str) -> Merge {
    let (base, ours, theirs) = (lines(base), lines(ours), lines(theirs));
    let mut ids = HashMap::new();
    let base_ids = intern(&mut ids, &base);
    let deadline = Instant::now() + DEADLINE;
    let ours_hunks = hunks(&base_ids, &intern(&mut ids, &ours), deadline);
    let theirs_hunks = hunks(&base_ids, &intern(&mut ids, &theirs), deadline);

    let mut out = Builder::default();
    let (mut i, mut j, mut at) = (0, 0, 0);
    while let Some((range, o, t)) = next_group(&ours_hunks, &theirs_hunks, &mut i, &mut j) {
        out.clean(base[at..range.start].concat(), Origin::Unchanged);
        let ours_text = side_text(&base, &ours, o, &range);
        let theirs_text = side_text(&base, &theirs, t, &range);
        match (o.is_empty(), t.is_empty()) {
            (false, true) => out.clean(ours_text, Origin::Ours),
            (true, false) => out.clean(theirs_text, Origin::Theirs),
            _ if ours_text == theirs_text => out.clean(ours_text, Origin::Both),
            _ => out.chunks.push(Chunk::Conflict {
                base: base[range.clone()].concat(),
                ours: ours_text,
                theirs: theirs_text,
            }),
        }
        at = range.end;
    }
    out.clean(base[at..].concat(), Origin::Unchanged);
    Merge { chunks: out.chunks }
}

/// Merges two versions whose common ancestor is unknown (a sync client's
/// conflict copy older than any version in the history): the lines both
/// share stand in for the ancestor, so what only one side has comes in,
/// what both replaced differently is a conflict, and nothing is deleted.
pub fn two_way(ours: &str, theirs: &str) -> Merge {
    let (ours_lines, theirs_lines) = (lines(ours), lines(theirs));
    let mut ids = HashMap::new();
    let (o, t) = (intern(&mut ids, &ours_lines), intern(&mut ids, &theirs_lines));
    let ops = capture_diff_slices_deadline(Algorithm::Myers, &o, &t, Some(Instant::now() + DEADLINE));
    // Positions from the ops' lengths, never their indexes (similar#78).
    let mut at = 0;
    let mut common = String::new();
    for op in &ops {
        let (tag, old_len) = (op.tag(), op.old_range().len());
        if tag == DiffTag::Equal {
            common.push_str(&ours_lines[at..at + old_len].concat());
        }
        at += old_len;
    }
    three_way(&common, ours, theirs)
}

impl Merge {
    /// True when there is nothing for the user to decide.
    pub fn is_clean(&self) -> bool {
        self.conflicts() == 0
    }

    /// The number of conflicts (the length `choices` should have).
    pub fn conflicts(&self) -> usize {
        self.chunks
            .iter()
            .filter(|c| matches!(c, Chunk::Conflict { .. }))
            .count()
    }

    /// The merged text, with conflict i resolved by `choices[i]` (missing
    /// choices: Ours). [`Choice::Both`] puts theirs on a new line when ours
    /// ends without one (the last line of the text), so lines never fuse.
    pub fn resolve(&self, choices: &[Choice]) -> String {
        self.render(choices).0
    }

    /// Byte ranges, in `resolve(choices)`'s output, of the text that came
    /// from theirs (clean [`Origin::Theirs`] chunks and the theirs side of
    /// conflicts resolved Theirs or Both): "what came in", to highlight.
    /// Sorted, non-empty, not touching each other, on char boundaries.
    pub fn incoming_ranges(&self, choices: &[Choice]) -> Vec<Range<usize>> {
        self.render(choices).1
    }

    /// The merged text and its incoming ranges, built together so the two
    /// can never disagree.
    fn render(&self, choices: &[Choice]) -> (String, Vec<Range<usize>>) {
        let mut text = String::new();
        let mut incoming: Vec<Range<usize>> = Vec::new();
        let mut push = |text: &mut String, piece: &str, from_theirs: bool| {
            let start = text.len();
            text.push_str(piece);
            if !from_theirs || piece.is_empty() {
                return;
            }
            match incoming.last_mut() {
                Some(last) if last.end == start => last.end = text.len(),
                _ => incoming.push(start..text.len()),
            }
        };
        let mut conflict = 0;
        for chunk in &self.chunks {
            match chunk {
                Chunk::Clean { text: piece, origin } => push(&mut text, piece, *origin == Origin::Theirs),
                Chunk::Conflict { ours, theirs, .. } => {
                    let choice = choices.get(conflict).copied().unwrap_or(Choice::Ours);
                    conflict += 1;
                    if choice != Choice::Theirs {
                        push(&mut text, ours, false);
                    }
                    if choice == Choice::Both && needs_newline(ours, theirs) {
                        push(&mut text, "\n", false);
                    }
                    if choice != Choice::Ours {
                        push(&mut text, theirs, true);
                    }
                }
            }
        }
        (text, incoming)
    }
}

/// Only a text's last line can lack its `\n`; putting theirs after such a
/// line would glue two lines into one.
fn needs_newline(ours: &str, theirs: &str) -> bool {
    !ours.is_empty() && !ours.ends_with('\n') && !theirs.is_empty()
}

/// Lines with their `\n` (a `\r` before it stays part of the line).
fn lines(text: &str) -> Vec<&str> {
    text.split_inclusive('\n').collect()
}

/// Lines as numbers, equal lines (across all three texts) equal numbers,
/// so the diffs compare integers rather than strings.
fn intern<'a>(ids: &mut HashMap<&'a str, u32>, lines: &[&'a str]) -> Vec<u32> {
    lines
        .iter()
        .map(|line| {
            let next = ids.len() as u32;
            *ids.entry(line).or_insert(next)
        })
        .collect()
}

/// One change of a side: base lines `base` became that side's lines `side`.
/// Either may be empty (an insertion, a deletion).
#[derive(Clone, Debug, PartialEq, Eq)]
struct Hunk {
    base: Range<usize>,
    side: Range<usize>,
}

/// The changes turning `base` into `side`, as maximal runs: two hunks of
/// one side always have at least one unchanged line between them.
fn hunks(base: &[u32], side: &[u32], deadline: Instant) -> Vec<Hunk> {
    let mut out: Vec<Hunk> = Vec::new();
    // Positions come from the ops' lengths, not the indexes they carry:
    // `similar` 2.7 can misreport `new_index` on a delete (and `old_index`
    // on an insert) when Myers splits a change (mitsuhiko/similar#78).
    let (mut b, mut s) = (0, 0);
    for op in capture_diff_slices_deadline(Algorithm::Myers, base, side, Some(deadline)) {
        let (base_len, side_len) = match op {
            DiffOp::Equal { len, .. } => {
                (b, s) = (b + len, s + len);
                continue;
            }
            DiffOp::Delete { old_len, .. } => (old_len, 0),
            DiffOp::Insert { new_len, .. } => (0, new_len),
            DiffOp::Replace { old_len, new_len, .. } => (old_len, new_len),
        };
        let hunk = Hunk {
            base: b..b + base_len,
            side: s..s + side_len,
        };
        (b, s) = (hunk.base.end, hunk.side.end);
        match out.last_mut() {
            Some(last) if last.base.end == hunk.base.start && last.side.end == hunk.side.start => {
                last.base.end = hunk.base.end;
                last.side.end = hunk.side.end;
            }
            _ => out.push(hunk),
        }
    }
    out
}

/// Whether a hunk at base lines `h` collides with a group at `g`: they share
/// a base line, one inserts strictly inside the other's lines, or both
/// insert at the same place. Edits that merely abut do not collide.
fn touches(g: &Range<usize>, h: &Range<usize>) -> bool {
    (g.start < h.end && h.start < g.end) || (g.is_empty() && h.is_empty() && g.start == h.start)
}

/// The next group of colliding hunks, taken from the two sides' lists from
/// `i` and `j` on: its base range (the union of the hunks') and the hunks of
/// each side in it. Groups come out in base order.
fn next_group<'h>(
    ours: &'h [Hunk],
    theirs: &'h [Hunk],
    i: &mut usize,
    j: &mut usize,
) -> Option<(Range<usize>, &'h [Hunk], &'h [Hunk])> {
    let (i0, j0) = (*i, *j);
    let mut range: Option<Range<usize>> = None;
    loop {
        let fits = |h: &&Hunk| range.as_ref().is_none_or(|r| touches(r, &h.base));
        let (o, t) = (ours.get(*i).filter(fits), theirs.get(*j).filter(fits));
        // Earliest first (an insertion before a change at the same line),
        // so that a group never starts past a hunk of the other side.
        let take_ours = match (o, t) {
            (None, None) => break,
            (Some(o), Some(t)) => (o.base.start, o.base.end) <= (t.base.start, t.base.end),
            (o, _) => o.is_some(),
        };
        let hunk = if take_ours { &ours[*i] } else { &theirs[*j] };
        *if take_ours { &mut *i } else { &mut *j } += 1;
        range = Some(match range {
            None => hunk.base.clone(),
            Some(r) => r.start.min(hunk.base.start)..r.end.max(hunk.base.end),
        });
    }
    range.map(|r| (r, &ours[i0..*i], &theirs[j0..*j]))
}

/// What a side made of the base lines `range`, given its hunks there: the
/// lines between and around the hunks are unchanged, so the side's range
/// extends the hunks' by as many lines as the base range does.
fn side_text(base: &[&str], side: &[&str], hunks: &[Hunk], range: &Range<usize>) -> String {
    let (Some(first), Some(last)) = (hunks.first(), hunks.last()) else {
        return base[range.clone()].concat();
    };
    let start = first.side.start - (first.base.start - range.start);
    let end = last.side.end + (range.end - last.base.end);
    side[start..end].concat()
}

/// Collects chunks, joining neighbouring clean text of the same origin and
/// dropping empty clean text (a deletion leaves nothing to show).
#[derive(Default)]
struct Builder {
    chunks: Vec<Chunk>,
}

impl Builder {
    fn clean(&mut self, text: String, origin: Origin) {
        if text.is_empty() {
            return;
        }
        match self.chunks.last_mut() {
            Some(Chunk::Clean {
                text: last,
                origin: o,
            }) if *o == origin => last.push_str(&text),
            _ => self.chunks.push(Chunk::Clean { text, origin }),
        }
    }
}

#[cfg(test)]
mod two_way_tests {
    use super::*;

    #[test]
    fn without_an_ancestor_nothing_is_deleted_and_replacements_conflict() {
        let merge = two_way("# Plan\nMine.\nShared.\n", "# Plan\nShared.\nTheirs added.\n");
        assert!(merge.is_clean());
        assert_eq!(merge.resolve(&[]), "# Plan\nMine.\nShared.\nTheirs added.\n");
        let replaced = two_way("# Plan\n\nMy line.\n", "# Plan\n\nTheir line.\n");
        assert_eq!(replaced.conflicts(), 1);
        assert_eq!(replaced.resolve(&[Choice::Ours]), "# Plan\n\nMy line.\n");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clean(text: &str, origin: Origin) -> Chunk {
        Chunk::Clean {
            text: text.into(),
            origin,
        }
    }

    fn conflict(base: &str, ours: &str, theirs: &str) -> Chunk {
        Chunk::Conflict {
            base: base.into(),
            ours: ours.into(),
            theirs: theirs.into(),
        }
    }

    /// The text of the incoming ranges, joined.
    fn incoming(m: &Merge, choices: &[Choice]) -> Vec<String> {
        let text = m.resolve(choices);
        m.incoming_ranges(choices)
            .into_iter()
            .map(|r| text[r].to_string())
            .collect()
    }

    const BASE: &str = "one\ntwo\nthree\nfour\nfive\n";

    #[test]
    fn identical_inputs_are_one_unchanged_chunk() {
        let m = three_way(BASE, BASE, BASE);
        assert_eq!(m.chunks, [clean(BASE, Origin::Unchanged)]);
        assert!(m.is_clean());
        assert_eq!(m.resolve(&[]), BASE);
        assert!(m.incoming_ranges(&[]).is_empty());
    }

    #[test]
    fn empty_texts() {
        assert_eq!(three_way("", "", "").chunks, []);
        assert_eq!(three_way("", "", "").resolve(&[]), "");
        let m = three_way("", "a\n", "");
        assert_eq!(m.chunks, [clean("a\n", Origin::Ours)]);
        let m = three_way("", "a", "b");
        assert_eq!(m.chunks, [conflict("", "a", "b")]);
        let m = three_way("x\n", "", "");
        assert_eq!(m.chunks, [], "both deleted everything");
        assert_eq!(m.resolve(&[]), "");
    }

    #[test]
    fn changes_to_different_lines_merge_cleanly() {
        let ours = "ONE\ntwo\nthree\nfour\nfive\n";
        let theirs = "one\ntwo\nthree\nfour\nFIVE\n";
        let m = three_way(BASE, ours, theirs);
        assert_eq!(
            m.chunks,
            [
                clean("ONE\n", Origin::Ours),
                clean("two\nthree\nfour\n", Origin::Unchanged),
                clean("FIVE\n", Origin::Theirs),
            ]
        );
        assert_eq!(m.resolve(&[]), "ONE\ntwo\nthree\nfour\nFIVE\n");
        assert_eq!(incoming(&m, &[]), ["FIVE\n"]);
    }

    #[test]
    fn insertions_and_deletions_on_both_sides_merge() {
        let ours = "zero\none\ntwo\nfour\nfive\n"; // inserted zero, deleted three
        let theirs = "one\ntwo\nthree\nfour\nfive\nsix\n"; // appended six
        let m = three_way(BASE, ours, theirs);
        assert!(m.is_clean());
        assert_eq!(m.resolve(&[]), "zero\none\ntwo\nfour\nfive\nsix\n");
        assert_eq!(incoming(&m, &[]), ["six\n"]);
    }

    #[test]
    fn the_same_change_on_both_sides_is_clean_both() {
        let x = "one\nTWO\nthree\nfour\nfive\n";
        let m = three_way(BASE, x, x);
        assert_eq!(m.chunks[1], clean("TWO\n", Origin::Both));
        assert!(m.is_clean());
        assert_eq!(m.resolve(&[]), x);
        assert!(
            m.incoming_ranges(&[]).is_empty(),
            "both had it: nothing new came in"
        );
    }

    #[test]
    fn different_changes_to_the_same_line_conflict() {
        let ours = "one\nTWO\nthree\nfour\nfive\n";
        let theirs = "one\nDeux\nthree\nfour\nfive\n";
        let m = three_way(BASE, ours, theirs);
        assert_eq!(
            m.chunks,
            [
                clean("one\n", Origin::Unchanged),
                conflict("two\n", "TWO\n", "Deux\n"),
                clean("three\nfour\nfive\n", Origin::Unchanged),
            ]
        );
        assert_eq!(m.conflicts(), 1);
        assert!(!m.is_clean());
        assert_eq!(m.resolve(&[]), ours, "missing choices are Ours");
        assert_eq!(m.resolve(&[Choice::Theirs]), theirs);
        assert_eq!(m.resolve(&[Choice::Both]), "one\nTWO\nDeux\nthree\nfour\nfive\n");
        assert_eq!(incoming(&m, &[Choice::Both]), ["Deux\n"]);
        assert_eq!(m.incoming_ranges(&[Choice::Both]), [(8, 13)].map(|(s, e)| s..e));
        assert!(m.incoming_ranges(&[Choice::Ours]).is_empty());
    }

    #[test]
    fn overlapping_changes_conflict_over_their_union() {
        // Ours rewrites two..three, theirs three..four: one conflict over
        // two..four, each side's text covering all three base lines.
        let ours = "one\n2\n3\nfour\nfive\n";
        let theirs = "one\ntwo\nIII\nIV\nfive\n";
        let m = three_way(BASE, ours, theirs);
        assert_eq!(
            m.chunks[1],
            conflict("two\nthree\nfour\n", "2\n3\nfour\n", "two\nIII\nIV\n")
        );
        assert_eq!(m.resolve(&[Choice::Ours]), ours);
        assert_eq!(m.resolve(&[Choice::Theirs]), theirs);
    }

    #[test]
    fn adjacent_edits_to_different_lines_merge() {
        let ours = "one\nTWO\nthree\nfour\nfive\n";
        let theirs = "one\ntwo\nTHREE\nfour\nfive\n";
        let m = three_way(BASE, ours, theirs);
        assert!(m.is_clean(), "{m:?}");
        assert_eq!(m.resolve(&[]), "one\nTWO\nTHREE\nfour\nfive\n");
    }

    #[test]
    fn an_insertion_next_to_the_others_change_merges() {
        // Ours inserts before "three", theirs changes "three": the
        // insertion touches no base line, so it goes first.
        let ours = "one\ntwo\nnew\nthree\nfour\nfive\n";
        let theirs = "one\ntwo\nTHREE\nfour\nfive\n";
        let m = three_way(BASE, ours, theirs);
        assert!(m.is_clean(), "{m:?}");
        assert_eq!(m.resolve(&[]), "one\ntwo\nnew\nTHREE\nfour\nfive\n");
        // ... and after a deletion the same way.
        let theirs = "one\nfour\nfive\n";
        let m = three_way(BASE, "one\ntwo\nthree\nnew\nfour\nfive\n", theirs);
        assert!(m.is_clean(), "{m:?}");
        assert_eq!(m.resolve(&[]), "one\nnew\nfour\nfive\n");
    }

    #[test]
    fn an_insertion_inside_the_others_change_conflicts() {
        // Theirs deletes two..three; ours inserts between them.
        let ours = "one\ntwo\nnew\nthree\nfour\nfive\n";
        let theirs = "one\nfour\nfive\n";
        let m = three_way(BASE, ours, theirs);
        assert_eq!(m.chunks[1], conflict("two\nthree\n", "two\nnew\nthree\n", ""));
        assert_eq!(m.resolve(&[Choice::Theirs]), theirs);
        assert!(
            m.incoming_ranges(&[Choice::Theirs]).is_empty(),
            "a deletion brings no text"
        );
    }

    #[test]
    fn insertions_at_the_same_place_conflict_unless_equal() {
        let ours = "one\nours\ntwo\nthree\nfour\nfive\n";
        let theirs = "one\ntheirs\ntwo\nthree\nfour\nfive\n";
        let m = three_way(BASE, ours, theirs);
        assert_eq!(m.chunks[1], conflict("", "ours\n", "theirs\n"));
        assert_eq!(
            m.resolve(&[Choice::Both]),
            "one\nours\ntheirs\ntwo\nthree\nfour\nfive\n"
        );
        let m = three_way(BASE, ours, ours);
        assert_eq!(m.chunks[1], clean("ours\n", Origin::Both));
    }

    #[test]
    fn conflicts_resolve_independently_in_order() {
        let ours = "ONE\ntwo\nthree\nfour\nFIVE\n";
        let theirs = "1\ntwo\nthree\nfour\n5\n";
        let m = three_way(BASE, ours, theirs);
        assert_eq!(m.conflicts(), 2);
        assert_eq!(m.resolve(&[Choice::Theirs]), "1\ntwo\nthree\nfour\nFIVE\n");
        assert_eq!(
            m.resolve(&[Choice::Ours, Choice::Theirs]),
            "ONE\ntwo\nthree\nfour\n5\n"
        );
        assert_eq!(incoming(&m, &[Choice::Theirs, Choice::Theirs]), ["1\n", "5\n"]);
    }

    #[test]
    fn incoming_ranges_join_across_chunks() {
        // A clean theirs chunk right before a conflict resolved Theirs.
        let base = "a\nb\nc\n";
        let ours = "a\nB\nC\n";
        let theirs = "A\nb\nc2\n";
        let m = three_way(base, ours, theirs);
        assert_eq!(
            m.chunks,
            [
                clean("A\n", Origin::Theirs),
                conflict("b\nc\n", "B\nC\n", "b\nc2\n")
            ]
        );
        assert_eq!(m.incoming_ranges(&[Choice::Theirs]), [(0, 7)].map(|(s, e)| s..e));
        assert_eq!(m.incoming_ranges(&[Choice::Both]), [0..2, 6..11]);
    }

    #[test]
    fn last_line_without_newline() {
        let base = "a\nb";
        // Theirs edits the unterminated last line, ours the first.
        let m = three_way(base, "A\nb", "a\nB");
        assert_eq!(m.resolve(&[]), "A\nB");
        // Only one side adds the final newline: it merges like any edit.
        let m = three_way(base, "A\nb", "a\nb\n");
        assert!(m.is_clean(), "{m:?}");
        assert_eq!(m.resolve(&[]), "A\nb\n");
        let m = three_way(base, "a\nb\n", "a\nb");
        assert_eq!(
            m.chunks,
            [clean("a\n", Origin::Unchanged), clean("b\n", Origin::Ours)]
        );
        // Both add it: the same change.
        let m = three_way(base, "a\nb\n", "a\nb\n");
        assert_eq!(m.chunks[1], clean("b\n", Origin::Both));
        // Appending after an unterminated line changes that line too.
        let m = three_way(base, "a\nb\nc", "a\nb\nd\n");
        assert_eq!(m.chunks[1], conflict("b", "b\nc", "b\nd\n"));
    }

    #[test]
    fn both_never_glues_two_lines() {
        let m = three_way("a\nb", "a\nours", "a\ntheirs");
        assert_eq!(m.chunks[1], conflict("b", "ours", "theirs"));
        assert_eq!(m.resolve(&[Choice::Both]), "a\nours\ntheirs");
        assert_eq!(incoming(&m, &[Choice::Both]), ["theirs"]);
        // With one side empty there is nothing to separate.
        let m = three_way("a\nb", "a\nB", "a\n");
        assert_eq!(m.resolve(&[Choice::Both]), "a\nB");
    }

    #[test]
    fn crlf_and_unicode_lines() {
        let base = "über\r\nnaïve\r\n東京\r\n";
        let ours = "ÜBER\r\nnaïve\r\n東京\r\n";
        let theirs = "über\r\nnaïve\r\n大阪\r\n";
        let m = three_way(base, ours, theirs);
        assert_eq!(m.resolve(&[]), "ÜBER\r\nnaïve\r\n大阪\r\n");
        assert_eq!(incoming(&m, &[]), ["大阪\r\n"]);
        // A line whose ending changed is a changed line.
        let m = three_way("a\nb\n", "a\r\nb\n", "a\nb\n");
        assert_eq!(m.chunks[0], clean("a\r\n", Origin::Ours));
    }

    #[test]
    fn one_side_unchanged_gives_the_other() {
        let other = "zero\none\nTWO\nfour\nfive\nsix";
        assert_eq!(three_way(BASE, BASE, other).resolve(&[]), other);
        assert_eq!(three_way(BASE, other, BASE).resolve(&[]), other);
    }

    #[test]
    fn serializes_for_the_window() {
        let m = three_way("a\n", "b\n", "c\n");
        let json = serde_json::to_value(&m).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"chunks": [{"kind": "conflict", "base": "a\n", "ours": "b\n", "theirs": "c\n"}]})
        );
        let m = three_way("a\n", "a\n", "c\n");
        let json = serde_json::to_value(&m).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"chunks": [{"kind": "clean", "text": "c\n", "origin": "theirs"}]})
        );
        let choices: Vec<Choice> = serde_json::from_str(r#"["ours","theirs","both"]"#).unwrap();
        assert_eq!(choices, [Choice::Ours, Choice::Theirs, Choice::Both]);
    }

    #[test]
    fn groups_use_similars_lengths_not_its_indexes() {
        // The shape that trips similar#78 in the word diff, at line level:
        // a change split around one equal line.
        let base = "problem\n\nLaunches\ncost\n";
        let ours = "problem\naunches\ncost\n";
        let m = three_way(base, ours, base);
        assert_eq!(m.resolve(&[]), ours);
        let m = three_way(base, base, ours);
        assert_eq!(m.resolve(&[]), ours);
    }

    use proptest::prelude::*;

    /// Texts of few distinct lines (many repeats, so the diffs have
    /// choices to make), with CRLF, unicode and unterminated last lines.
    fn text() -> impl Strategy<Value = String> {
        "(a\n|b\n|c\r\n|é\n|東\n|a|\n|b){0,12}"
    }

    /// Three sets of choices worth trying on any merge.
    fn all_choices(m: &Merge) -> [Vec<Choice>; 4] {
        let n = m.conflicts();
        let mixed = (0..n)
            .map(|i| [Choice::Ours, Choice::Theirs, Choice::Both][i % 3])
            .collect();
        [vec![], vec![Choice::Theirs; n], vec![Choice::Both; n], mixed]
    }

    fn assert_ranges_valid(m: &Merge, choices: &[Choice]) -> Result<(), TestCaseError> {
        let out = m.resolve(choices);
        let mut at = 0;
        for r in m.incoming_ranges(choices) {
            prop_assert!(
                at <= r.start && r.start < r.end && r.end <= out.len(),
                "{r:?} in {out:?}"
            );
            prop_assert!(out.is_char_boundary(r.start) && out.is_char_boundary(r.end));
            prop_assert!(r.start > at || at == 0, "ranges touching: {r:?}");
            at = r.end;
        }
        Ok(())
    }

    fn mirror(chunk: &Chunk) -> Chunk {
        match chunk.clone() {
            Chunk::Clean { text, origin } => {
                let origin = match origin {
                    Origin::Ours => Origin::Theirs,
                    Origin::Theirs => Origin::Ours,
                    same => same,
                };
                Chunk::Clean { text, origin }
            }
            Chunk::Conflict { base, ours, theirs } => Chunk::Conflict {
                base,
                ours: theirs,
                theirs: ours,
            },
        }
    }

    /// A base of distinct lines and, per base line, which side owns it and
    /// what that side does to it: 0 keep, 1 delete, 2 replace, 3 insert a
    /// line before it; plus who appends at the end, if anyone.
    fn owned_edits() -> impl Strategy<Value = (Vec<(bool, u8)>, Option<bool>)> {
        (
            prop::collection::vec((any::<bool>(), 0u8..4), 0..12),
            any::<Option<bool>>(),
        )
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

        /// (1) Ours unchanged: the merge is clean and is theirs.
        #[test]
        fn ours_unchanged_gives_theirs(b in text(), t in text()) {
            let m = three_way(&b, &b, &t);
            prop_assert!(m.is_clean(), "{:?}", m);
            for choices in all_choices(&m) {
                prop_assert_eq!(m.resolve(&choices), t.clone());
            }
        }

        /// (2) Theirs unchanged: the merge is clean and is ours, and
        /// nothing came in.
        #[test]
        fn theirs_unchanged_gives_ours(b in text(), o in text()) {
            let m = three_way(&b, &o, &b);
            prop_assert!(m.is_clean(), "{:?}", m);
            prop_assert_eq!(m.resolve(&[]), o);
            prop_assert!(m.incoming_ranges(&[]).is_empty());
        }

        /// (3) The same text on both sides: clean, and that text.
        #[test]
        fn same_change_gives_it(b in text(), x in text()) {
            let m = three_way(&b, &x, &x);
            prop_assert!(m.is_clean(), "{:?}", m);
            prop_assert_eq!(m.resolve(&[]), x);
            prop_assert!(m.incoming_ranges(&[]).is_empty());
        }

        /// (4a) Anything: no panic, incoming ranges sorted, apart, inside
        /// the output and on char boundaries, whatever the choices; a clean
        /// merge does not depend on them.
        #[test]
        fn any_texts_merge_without_panicking(b in text(), o in text(), t in text()) {
            let m = three_way(&b, &o, &t);
            for choices in all_choices(&m) {
                assert_ranges_valid(&m, &choices)?;
            }
            if m.is_clean() {
                prop_assert_eq!(m.resolve(&[]), m.resolve(&[Choice::Theirs; 4]));
            }
            for chunk in &m.chunks {
                let empty = matches!(chunk, Chunk::Clean { text, .. } if text.is_empty());
                prop_assert!(!empty, "empty clean chunk in {:?}", m);
            }
        }

        /// (4c) Swapping the sides swaps the labels and nothing else, and
        /// each side of a conflict is a piece of that side's text.
        #[test]
        fn swapping_sides_mirrors_the_merge(b in text(), o in text(), t in text()) {
            let m = three_way(&b, &o, &t);
            let mirrored: Vec<Chunk> = m.chunks.iter().map(mirror).collect();
            prop_assert_eq!(three_way(&b, &t, &o).chunks, mirrored);
            for chunk in &m.chunks {
                if let Chunk::Conflict { base, ours, theirs } = chunk {
                    prop_assert!(b.contains(base.as_str()) && o.contains(ours.as_str()) && t.contains(theirs.as_str()));
                }
            }
        }

        /// (4b) Edits by the two sides to different base lines (each line,
        /// and the place before it, owned by one side): the merge is clean,
        /// holds both sides' edits, and what came in is exactly the lines
        /// theirs wrote.
        #[test]
        fn separate_edits_merge_cleanly((edits, append) in owned_edits()) {
            let (mut base, mut ours, mut theirs, mut merged, mut wrote) =
                (String::new(), String::new(), String::new(), String::new(), String::new());
            for (i, &(by_ours, action)) in edits.iter().enumerate() {
                let line = format!("b{i}\n");
                let mark = if by_ours { "o" } else { "t" };
                let edited = match action {
                    0 => line.clone(),
                    1 => String::new(),
                    2 => format!("{mark}{i}\n"),
                    _ => format!("{mark}i{i}\n{line}"),
                };
                base.push_str(&line);
                let (editor, other) = if by_ours { (&mut ours, &mut theirs) } else { (&mut theirs, &mut ours) };
                editor.push_str(&edited);
                other.push_str(&line);
                merged.push_str(&edited);
                if !by_ours {
                    wrote.push_str(&edited.replace(&line, ""));
                }
            }
            if let Some(by_ours) = append {
                let (editor, mark) = if by_ours { (&mut ours, "o") } else { (&mut theirs, "t") };
                let end = format!("{mark}end\n");
                editor.push_str(&end);
                merged.push_str(&end);
                if !by_ours {
                    wrote.push_str(&end);
                }
            }
            let m = three_way(&base, &ours, &theirs);
            prop_assert!(m.is_clean(), "{:?}", m);
            prop_assert_eq!(m.resolve(&[]), merged.clone());
            let came_in: String = m.incoming_ranges(&[]).into_iter().map(|r| &merged[r]).collect();
            prop_assert_eq!(came_in, wrote);
        }
    }
}
