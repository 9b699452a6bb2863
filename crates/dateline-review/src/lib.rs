//! Review of PR/FAQ drafts (issue 6): two versions side by side, what the
//! edit did to the lint findings, and comments that travel with the draft.
//!
//! - [`diff`]: the two versions aligned section by section (headline,
//!   problem, each FAQ question...), word changes inside each section as
//!   byte ranges for two editor panes, and a flat list of changes to step
//!   through.
//! - [`lint_delta`]: findings fixed and introduced by the edit, matched by
//!   rule, flagged text and section rather than position.
//! - [`Anchor`]: where a comment points, kept as the quoted text plus its
//!   context, so the comment finds its text again after edits elsewhere,
//!   and is never silently dropped when its text is gone.
//! - [`log`]: the comment log, one append-only JSON Lines file per reviewer
//!   per draft in the shared folder, and the merge of all of them into
//!   threads.
//! - [`suggest`]: suggested edits (replace, delete, insert) in the same
//!   logs, the author's accept and reject, their status in a text, and the
//!   edit an accept makes, refused when the text changed since.
//! - [`critic`]: CriticMarkup turned into suggestions and comments, and
//!   open suggestions written as CriticMarkup.
//! - [`render_text`]: the diff and lint delta as plain text for the CLI.
//! - [`mod@merge`]: a line-based three-way merge ([`three_way`]) of unsaved
//!   edits with a version that arrived on disk, conflicts left to the user.
//! - [`conflict_copy`]: which draft a sync client's conflict copy
//!   (`plan (conflicted copy).md`) belongs to.
//!
//! ```
//! let old = "# Acme Ships Rockets Today\n\nAcme today launched a rocket.\n";
//! let new = "# Acme Ships Rockets Today\n\nAcme today launched a small rocket.\n";
//! let review = dateline_review::diff(old, new);
//! assert_eq!(review.stats.words_inserted, 1);
//! assert_eq!(&new[review.new_highlights[0].range()], "small ");
//! ```
//!
//! No I/O but [`folder`] (reading comment logs, moving them to a renamed
//! draft's folder): callers append. Every type crossing to the
//! window is `serde::Serialize` with camelCase fields. Text offsets are
//! bytes into the text they refer to, always on char boundaries.

mod align;
mod anchor;
pub mod conflict_copy;
pub mod critic;
mod delta;
mod diff;
pub mod folder;
pub mod log;
pub mod merge;
mod render;
mod sections;
pub mod suggest;
mod words;

pub use anchor::{Anchor, Refusal, Resolution, CONTEXT_CHARS};
pub use delta::{lint_delta, Finding, LintDelta};
pub use diff::{
    diff, diff_with_outlines, Change, ChangeKind, DiffStats, ReviewDiff, SectionDiff, SectionStatus,
};
pub use log::{
    encode_record, merge, parse_log, Author, CommentView, Disposition, Event, ParsedLog, Record, ReviewState,
    Thread, Verdict, VerdictEntry,
};
pub use merge::{three_way, two_way, Choice, Chunk, Merge, Origin};
pub use render::render_text;
pub use sections::{split_sections, ReviewSection};

use serde::{Deserialize, Serialize};
use std::ops::Range;

/// A byte range `start..end` of a text (serialized `{"start", "end"}`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end, "span {start}..{end}");
        Span { start, end }
    }

    pub fn len(self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    pub fn range(self) -> Range<usize> {
        self.start..self.end
    }
}

impl From<Range<usize>> for Span {
    fn from(r: Range<usize>) -> Span {
        Span::new(r.start, r.end)
    }
}
