//! The review diff: two versions of a draft, section by section, with the
//! word changes inside each section and one flat list of changes to step
//! through.

use crate::align::{align, Aligned};
use crate::sections::{split_sections, ReviewSection};
use crate::words::{count_words, word_diff};
use crate::Span;
use dateline_lint::{lint, Config, Section};
use serde::Serialize;
use std::time::{Duration, Instant};

/// Time the word diffs of one review may take in all. Past it `similar`
/// returns coarser (whole-run) changes, still correct; a pathological pair
/// of drafts cannot freeze the window.
const DEADLINE: Duration = Duration::from_millis(250);

/// What happened to one section between the versions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum SectionStatus {
    Unchanged,
    Modified,
    Added,
    Removed,
    /// Its place relative to the other sections changed; its text may have
    /// changed too (see `textChanged`).
    Moved,
}

/// One line of the side-by-side view.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SectionDiff {
    /// Index into [`ReviewDiff::old_sections`], absent for an added section.
    pub old: Option<usize>,
    /// Index into [`ReviewDiff::new_sections`], absent for a removed section.
    pub new: Option<usize>,
    pub status: SectionStatus,
    /// The text differs (always true for added and removed sections).
    pub text_changed: bool,
    /// The new side's label, else the old side's.
    pub label: String,
    /// This section's changes: `changes[first_change..first_change + change_count]`.
    pub first_change: usize,
    pub change_count: usize,
    pub words_inserted: usize,
    pub words_deleted: usize,
}

/// The kind of a [`Change`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum ChangeKind {
    /// Text only in the new version; `old` is empty and marks the place.
    Inserted,
    /// Text only in the old version; `new` is empty and marks the place.
    Deleted,
    Replaced,
    SectionAdded,
    SectionRemoved,
    /// The whole section, at its old and its new place; its word changes,
    /// if any, follow it in the list.
    SectionMoved,
}

/// One step of "next change / previous change".
///
/// Both spans are always given, so each pane can scroll to the change even
/// when its side of it is empty (an empty span marks the place).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Change {
    pub kind: ChangeKind,
    /// Index into [`ReviewDiff::sections`].
    pub section: usize,
    /// Byte range in the old text.
    pub old: Span,
    /// Byte range in the new text.
    pub new: Span,
}

/// Totals, for a summary line.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DiffStats {
    pub unchanged: usize,
    pub modified: usize,
    pub added: usize,
    pub removed: usize,
    pub moved: usize,
    pub words_inserted: usize,
    pub words_deleted: usize,
}

/// Two versions of a draft, aligned section by section.
///
/// All offsets are bytes into the respective text, on char boundaries. The
/// app layer converts them to UTF-16 for CodeMirror, as it does for lint
/// reports.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReviewDiff {
    pub old_sections: Vec<ReviewSection>,
    pub new_sections: Vec<ReviewSection>,
    /// Display order: the new version's order, each removed section placed
    /// after the section it followed in the old version.
    pub sections: Vec<SectionDiff>,
    /// Every change in display order, then by position.
    pub changes: Vec<Change>,
    /// What to mark as deleted in the old pane, sorted: deleted and replaced
    /// words and removed sections.
    pub old_highlights: Vec<Span>,
    /// What to mark as inserted in the new pane, sorted.
    pub new_highlights: Vec<Span>,
    pub stats: DiffStats,
}

impl ReviewDiff {
    /// True when nothing changed (whitespace at section ends aside).
    pub fn is_unchanged(&self) -> bool {
        self.changes.is_empty()
    }
}

/// Diffs two versions of a draft, linting each to find its sections.
pub fn diff(old: &str, new: &str) -> ReviewDiff {
    let config = Config::default();
    let old_outline = lint(old, &config).outline;
    let new_outline = lint(new, &config).outline;
    diff_with_outlines(old, &old_outline, new, &new_outline)
}

/// Diffs two versions whose outlines (from [`dateline_lint::Report::outline`])
/// the caller already has: the app lints both sides for the lint delta
/// anyway, so this avoids linting twice.
pub fn diff_with_outlines(
    old: &str,
    old_outline: &[Section],
    new: &str,
    new_outline: &[Section],
) -> ReviewDiff {
    let deadline = Instant::now() + DEADLINE;
    let old_sections = split_sections(old, old_outline);
    let new_sections = split_sections(new, new_outline);
    let aligned = align(old, &old_sections, new, &new_sections);

    let mut sections = Vec::with_capacity(aligned.len());
    let mut changes = Vec::new();
    let mut stats = DiffStats::default();
    // Where the last section seen on each side ended: the place an added or
    // removed section takes on the other side.
    let mut old_at = 0;
    let mut new_at = 0;
    for (
        index,
        &Aligned {
            old: o,
            new: n,
            moved,
        },
    ) in aligned.iter().enumerate()
    {
        let first_change = changes.len();
        let mut entry = SectionDiff {
            old: o,
            new: n,
            status: SectionStatus::Unchanged,
            text_changed: true,
            label: String::new(),
            first_change,
            change_count: 0,
            words_inserted: 0,
            words_deleted: 0,
        };
        match (o.map(|i| &old_sections[i]), n.map(|j| &new_sections[j])) {
            (Some(os), Some(ns)) => {
                entry.label = ns.label.clone();
                let (ot, nt) = (os.text(old), ns.text(new));
                entry.text_changed = ot != nt;
                entry.status = match (moved, entry.text_changed) {
                    (true, _) => SectionStatus::Moved,
                    (false, true) => SectionStatus::Modified,
                    (false, false) => SectionStatus::Unchanged,
                };
                if moved {
                    changes.push(Change {
                        kind: ChangeKind::SectionMoved,
                        section: index,
                        old: os.span,
                        new: ns.span,
                    });
                }
                if entry.text_changed {
                    for h in word_diff(ot, os.span.start, nt, ns.span.start, Some(deadline)) {
                        let kind = match (h.old.is_empty(), h.new.is_empty()) {
                            (true, _) => ChangeKind::Inserted,
                            (_, true) => ChangeKind::Deleted,
                            _ => ChangeKind::Replaced,
                        };
                        entry.words_deleted += count_words(&old[h.old.range()]);
                        entry.words_inserted += count_words(&new[h.new.range()]);
                        changes.push(Change {
                            kind,
                            section: index,
                            old: h.old,
                            new: h.new,
                        });
                    }
                }
                old_at = os.span.end;
                new_at = ns.span.end;
            }
            (Some(os), None) => {
                entry.label = os.label.clone();
                entry.status = SectionStatus::Removed;
                entry.words_deleted = count_words(os.text(old));
                changes.push(Change {
                    kind: ChangeKind::SectionRemoved,
                    section: index,
                    old: os.span,
                    new: Span::new(new_at, new_at),
                });
                old_at = os.span.end;
            }
            (None, Some(ns)) => {
                entry.label = ns.label.clone();
                entry.status = SectionStatus::Added;
                entry.words_inserted = count_words(ns.text(new));
                changes.push(Change {
                    kind: ChangeKind::SectionAdded,
                    section: index,
                    old: Span::new(old_at, old_at),
                    new: ns.span,
                });
                new_at = ns.span.end;
            }
            (None, None) => unreachable!("an aligned line has at least one side"),
        }
        match entry.status {
            SectionStatus::Unchanged => stats.unchanged += 1,
            SectionStatus::Modified => stats.modified += 1,
            SectionStatus::Added => stats.added += 1,
            SectionStatus::Removed => stats.removed += 1,
            SectionStatus::Moved => stats.moved += 1,
        }
        stats.words_inserted += entry.words_inserted;
        stats.words_deleted += entry.words_deleted;
        entry.change_count = changes.len() - first_change;
        sections.push(entry);
    }

    let mut old_highlights: Vec<Span> = Vec::new();
    let mut new_highlights: Vec<Span> = Vec::new();
    for c in &changes {
        if c.kind != ChangeKind::SectionMoved {
            if !c.old.is_empty() {
                old_highlights.push(c.old);
            }
            if !c.new.is_empty() {
                new_highlights.push(c.new);
            }
        }
    }
    old_highlights.sort_by_key(|s| (s.start, s.end));
    new_highlights.sort_by_key(|s| (s.start, s.end));

    ReviewDiff {
        old_sections,
        new_sections,
        sections,
        changes,
        old_highlights,
        new_highlights,
        stats,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dateline_lint::SectionKind;

    const DRAFT: &str = "# Acme Ships Rockets Today\n\n\
        ## Anyone can now launch a satellite for the price of a car\n\n\
        **SEATTLE — May 1, 2025 —** Acme today launched RocketBox, a rocket you can order online.\n\n\
        ## The problem\n\nLaunches cost millions and take years to book.\n\n\
        ## The solution\n\nRocketBox ships in a crate and launches from a field.\n\n\
        ## Frequently Asked Questions\n\n### Customer FAQ\n\n\
        **How much does it cost?**\n\nOne hundred thousand dollars.\n\n\
        **Is it safe?**\n\nYes, it flies over water.\n\n\
        **Can I return it?**\n\nWithin thirty days, unlaunched.\n\n\
        ### Internal FAQ\n\n**Why now?**\n\nCheap engines.\n";

    fn status_of(d: &ReviewDiff, label: &str) -> SectionStatus {
        d.sections
            .iter()
            .find(|s| s.label == label)
            .unwrap_or_else(|| panic!("no section {label}: {:#?}", d.sections))
            .status
    }

    fn assert_valid(d: &ReviewDiff, old: &str, new: &str) {
        for c in &d.changes {
            assert!(c.old.start <= c.old.end && c.old.end <= old.len(), "{c:?}");
            assert!(c.new.start <= c.new.end && c.new.end <= new.len(), "{c:?}");
            assert!(
                old.is_char_boundary(c.old.start) && old.is_char_boundary(c.old.end),
                "{c:?}"
            );
            assert!(
                new.is_char_boundary(c.new.start) && new.is_char_boundary(c.new.end),
                "{c:?}"
            );
        }
    }

    #[test]
    fn identical_texts_give_no_changes() {
        let d = diff(DRAFT, DRAFT);
        assert!(d.is_unchanged());
        assert!(d.old_highlights.is_empty() && d.new_highlights.is_empty());
        assert!(d.sections.iter().all(|s| s.status == SectionStatus::Unchanged));
        assert_eq!(d.stats.unchanged, d.sections.len());
        assert!(d.sections.len() >= 10, "{:#?}", d.sections);
    }

    #[test]
    fn empty_texts() {
        assert!(diff("", "").is_unchanged());
        let d = diff("", DRAFT);
        assert_eq!(d.stats.removed, 1, "the empty preamble");
        assert!(d.stats.added >= 5);
        assert_valid(&d, "", DRAFT);
        let d = diff(DRAFT, "");
        assert_eq!(d.stats.added, 1);
        assert!(d.changes.iter().all(|c| c.new == Span::new(0, 0)));
        assert_valid(&d, DRAFT, "");
    }

    #[test]
    fn word_change_in_one_section() {
        let new = DRAFT.replace("take years to book", "take a decade to book");
        let d = diff(DRAFT, &new);
        assert_eq!(status_of(&d, "Problem"), SectionStatus::Modified);
        assert_eq!(d.stats.modified, 1);
        assert_eq!(d.stats.unchanged, d.sections.len() - 1);
        assert_eq!(d.changes.len(), 1);
        let c = d.changes[0];
        assert_eq!(c.kind, ChangeKind::Replaced);
        assert_eq!(&DRAFT[c.old.range()], "years");
        assert_eq!(&new[c.new.range()], "a decade");
        assert_eq!(d.old_highlights, [c.old]);
        assert_eq!(d.new_highlights, [c.new]);
        assert_eq!((d.stats.words_deleted, d.stats.words_inserted), (1, 2));
        assert_eq!(d.sections[c.section].status, SectionStatus::Modified);
    }

    #[test]
    fn moved_question_and_added_and_removed_sections() {
        // Move "Can I return it?" to the top of the customer FAQ, drop the
        // solution, add a question.
        let q = "**Can I return it?**\n\nWithin thirty days, unlaunched.\n\n";
        let new = DRAFT
            .replace(q, "")
            .replace(
                "**How much does it cost?**",
                &format!("{q}**How much does it cost?**"),
            )
            .replace(
                "## The solution\n\nRocketBox ships in a crate and launches from a field.\n\n",
                "",
            )
            .replace(
                "Cheap engines.\n",
                "Cheap engines.\n\n**Who builds it?**\n\nOur own plant in Ohio.\n",
            );
        let d = diff(DRAFT, &new);
        assert_valid(&d, DRAFT, &new);
        rebuild_pairs(&d, DRAFT, &new);
        assert_eq!(
            status_of(&d, "External FAQ: Can I return it?"),
            SectionStatus::Moved
        );
        assert_eq!(status_of(&d, "Solution"), SectionStatus::Removed);
        assert_eq!(
            status_of(&d, "Internal FAQ: Who builds it?"),
            SectionStatus::Added
        );
        assert_eq!(
            status_of(&d, "External FAQ: How much does it cost?"),
            SectionStatus::Unchanged
        );
        assert_eq!((d.stats.moved, d.stats.added, d.stats.removed), (1, 1, 1));
        let moved = d
            .changes
            .iter()
            .find(|c| c.kind == ChangeKind::SectionMoved)
            .unwrap();
        assert_eq!(&DRAFT[moved.old.range()], q.trim_end());
        assert_eq!(&new[moved.new.range()], q.trim_end());
        // The removed section sits after the problem, where it was.
        let labels: Vec<_> = d.sections.iter().map(|s| s.label.as_str()).collect();
        let p = labels.iter().position(|l| *l == "Problem").unwrap();
        assert_eq!(labels[p + 1], "Solution");
        let removed = d
            .changes
            .iter()
            .find(|c| c.kind == ChangeKind::SectionRemoved)
            .unwrap();
        assert!(removed.new.is_empty() && new[..removed.new.start].ends_with("take years to book."));
        // Changes are in display order.
        let order: Vec<_> = d.changes.iter().map(|c| c.section).collect();
        assert!(order.windows(2).all(|w| w[0] <= w[1]));
    }

    #[test]
    fn renamed_heading_is_modified_not_replaced() {
        // Same kind, other title: paired by kind.
        let new = DRAFT.replace("## The problem", "## The customer problem");
        let d = diff(DRAFT, &new);
        assert_eq!(d.stats.added + d.stats.removed, 0, "{:#?}", d.sections);
        assert_eq!(status_of(&d, "Problem"), SectionStatus::Modified);
        assert_eq!(d.changes.len(), 1);
        assert_eq!(d.changes[0].kind, ChangeKind::Inserted);
        assert_eq!(&new[d.changes[0].new.range()], "customer ");
        // A heading the lint no longer recognises: the kind changed, the
        // words did not, so it pairs by similarity.
        let new = DRAFT.replace("## The problem", "## Why launches are hard");
        let d = diff(DRAFT, &new);
        assert!(d
            .new_sections
            .iter()
            .all(|s| s.kind != Some(SectionKind::Problem)));
        assert_eq!(d.stats.added + d.stats.removed, 0, "{:#?}", d.sections);
        assert_eq!(status_of(&d, "Other"), SectionStatus::Modified);
    }

    #[test]
    fn unrelated_sections_of_unknown_kind_do_not_pair() {
        let old = format!(
            "{DRAFT}
## Appendix: team

Five engineers from the space agency.
"
        );
        let new = format!(
            "{DRAFT}
## Appendix: pricing

Prices start at one hundred thousand dollars.
"
        );
        let d = diff(&old, &new);
        assert_eq!((d.stats.added, d.stats.removed), (1, 1), "{:#?}", d.sections);
    }

    #[test]
    fn edited_question_pairs_by_similarity() {
        let new = DRAFT.replace(
            "**Is it safe?**\n\nYes, it flies",
            "**Is it safe to fly?**\n\nYes, it always flies",
        );
        let d = diff(DRAFT, &new);
        assert_eq!(
            status_of(&d, "External FAQ: Is it safe to fly?"),
            SectionStatus::Modified
        );
        assert_eq!(d.stats.added + d.stats.removed, 0);
    }

    #[test]
    fn crlf_and_unicode_text() {
        let old = DRAFT
            .replace("Acme today", "Acmé today — 東京")
            .replace('\n', "\r\n");
        let new = old.replace("東京", "大阪");
        let d = diff(&old, &new);
        assert_valid(&d, &old, &new);
        assert_eq!(d.changes.len(), 1);
        assert_eq!(&old[d.changes[0].old.range()], "東京");
        assert_eq!(&new[d.changes[0].new.range()], "大阪");
        // Only the line endings differ: whitespace changes, no word changes.
        let d = diff(DRAFT, &DRAFT.replace('\n', "\r\n"));
        assert_valid(&d, DRAFT, &DRAFT.replace('\n', "\r\n"));
        assert_eq!(d.stats.words_inserted + d.stats.words_deleted, 0);
        assert_eq!(d.stats.added + d.stats.removed + d.stats.moved, 0);
    }

    #[test]
    fn serializes_camel_case() {
        let d = diff(DRAFT, &DRAFT.replace("Cheap", "Cheaper"));
        let json = serde_json::to_value(&d).unwrap();
        assert!(json["oldSections"].is_array() && json["newHighlights"].is_array());
        assert_eq!(json["changes"][0]["kind"], "replaced");
        assert_eq!(json["sections"][0]["textChanged"], false);
        assert!(json["stats"]["wordsInserted"].is_number());
    }

    /// The new text of every paired section, rebuilt from its old text and
    /// the word changes.
    fn rebuild_pairs(d: &ReviewDiff, old: &str, new: &str) {
        for (i, sec) in d.sections.iter().enumerate() {
            let (Some(o), Some(n)) = (sec.old, sec.new) else {
                continue;
            };
            let (os, ns) = (d.old_sections[o].span, d.new_sections[n].span);
            let mut rebuilt = String::new();
            let mut at = os.start;
            for c in &d.changes[sec.first_change..sec.first_change + sec.change_count] {
                assert_eq!(c.section, i);
                if c.kind == ChangeKind::SectionMoved {
                    continue;
                }
                assert!(c.old.start >= at && c.old.end <= os.end, "{c:?} outside {os:?}");
                assert!(
                    c.new.start >= ns.start && c.new.end <= ns.end,
                    "{c:?} outside {ns:?}"
                );
                rebuilt.push_str(&old[at..c.old.start]);
                rebuilt.push_str(&new[c.new.range()]);
                at = c.old.end;
            }
            rebuilt.push_str(&old[at..os.end]);
            assert_eq!(rebuilt, &new[ns.range()], "section {}", sec.label);
        }
    }

    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

        /// Random word edits anywhere in a draft: every range is valid, the
        /// changes rebuild each paired section exactly, and diffing the new
        /// text against itself is empty.
        #[test]
        fn changes_rebuild_the_new_text(
            edits in prop::collection::vec((any::<prop::sample::Index>(), 0u8..3, "[a-zé東 ]{1,12}"), 1..8)
        ) {
            let mut new = DRAFT.to_string();
            for (at, kind, word) in edits {
                let bounds: Vec<usize> = new.char_indices().map(|(i, _)| i).collect();
                let i = bounds[at.index(bounds.len())];
                let j = bounds.get(at.index(bounds.len()) + 3).copied().unwrap_or(new.len());
                match kind {
                    0 => new.insert_str(i, &word),
                    1 => new.replace_range(i..j, ""),
                    _ => new.replace_range(i..j, &word),
                }
            }
            let d = diff(DRAFT, &new);
            assert_valid(&d, DRAFT, &new);
            rebuild_pairs(&d, DRAFT, &new);
            prop_assert!(diff(&new, &new).is_unchanged());
            let changed = d.sections.iter().filter(|s| s.text_changed).count();
            prop_assert_eq!(changed == 0, d.changes.is_empty());
        }
    }
}
