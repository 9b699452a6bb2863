//! Review mode on the core side: two versions of a draft compared
//! (`dateline_review` does the diffing), and the comment logs kept in the
//! shared drafts folder, `.dateline/reviews/<draft key>/<reviewer>.jsonl`:
//! one append-only file per reviewer per draft, so that sync clients never
//! see two machines write the same file. Offsets sent to the window are
//! UTF-16 code units (CodeMirror's); the logs keep quotes and context, not
//! offsets, so comments find their text again after edits.

use super::Workspace;
use crate::drafting::Utf16Offsets;
use crate::error::{display_name, Error, Result};
use crate::export::ReviewMaterial;
use crate::store::{DraftId, ReviewCounts};
use dateline_export::LintSummary;
use dateline_review::folder;
use dateline_review::log::{self, Author, Disposition, Event, Record, Verdict};
use dateline_review::{Anchor, Resolution};
use serde::{Deserialize, Serialize};
use specta::Type;
use std::fs;
use std::path::{Path, PathBuf};

const REVIEWER: &str = "reviewer";

/// Which text a pane shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum VersionPick {
    /// The draft's file as it is on disk now.
    Saved,
    /// A version from the history.
    Version { id: u32 },
    /// The version this reviewer last reviewed (else the oldest one).
    LastReviewed,
    /// Another draft of the folder, as saved (to compare two files).
    Draft { id: DraftId },
}

/// One side of the comparison.
#[derive(Clone, Debug, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ReviewSide {
    pub pick: VersionPick,
    pub label: String,
    pub text: String,
    pub score: u8,
}

/// A UTF-16 range of one side's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct TextRange {
    pub from: u32,
    pub to: u32,
}

#[derive(Clone, Debug, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct SectionRow {
    pub label: String,
    /// unchanged, modified, added, removed, moved.
    pub status: String,
    pub old: Option<TextRange>,
    pub new: Option<TextRange>,
    pub words_inserted: u32,
    pub words_deleted: u32,
}

#[derive(Clone, Debug, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ChangeRow {
    /// inserted, deleted, replaced, sectionAdded, sectionRemoved, sectionMoved.
    pub kind: String,
    pub section: String,
    pub old: TextRange,
    pub new: TextRange,
}

#[derive(Clone, Debug, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct FindingRow {
    pub rule: String,
    pub message: String,
    pub excerpt: String,
    pub line: u32,
}

#[derive(Clone, Debug, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct CommentRow {
    pub id: String,
    pub author: String,
    pub at_ms: f64,
    pub body: String,
}

/// A comment thread, placed in the newer text where its quote still is.
#[derive(Clone, Debug, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ThreadRow {
    pub id: String,
    pub quote: String,
    pub comment: CommentRow,
    pub replies: Vec<CommentRow>,
    pub resolved: bool,
    /// keep, revise, defer; none until someone sets it.
    pub disposition: Option<String>,
    /// Where the quote is in the newer (right) text; `None`: orphaned.
    pub anchor: Option<TextRange>,
}

#[derive(Clone, Debug, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct VerdictRow {
    pub author: String,
    /// approve or changesRequested.
    pub verdict: String,
    pub summary: String,
    pub at_ms: f64,
}

/// Everything the review pane shows.
#[derive(Clone, Debug, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ReviewView {
    pub old: ReviewSide,
    pub new: ReviewSide,
    pub sections: Vec<SectionRow>,
    pub changes: Vec<ChangeRow>,
    pub old_highlights: Vec<TextRange>,
    pub new_highlights: Vec<TextRange>,
    pub fixed: Vec<FindingRow>,
    pub introduced: Vec<FindingRow>,
    pub unchanged_findings: u32,
    pub threads: Vec<ThreadRow>,
    /// Suggested edits, placed in the newer (right) text.
    pub suggestions: Vec<super::SuggestionRow>,
    pub verdicts: Vec<VerdictRow>,
    /// Review files that were skipped in part, and why.
    pub problems: Vec<String>,
    pub reviewer: Option<ReviewerIdentity>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct ReviewerIdentity {
    pub name: String,
    pub email: String,
}

/// What the reviewer did to a thread.
#[derive(Clone, Debug, Deserialize, Type)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum ThreadAction {
    Reply { body: String },
    Resolve { resolved: bool },
    Disposition { disposition: String },
}

impl Workspace {
    pub fn reviewer(&self) -> Result<Option<ReviewerIdentity>> {
        self.store.setting(REVIEWER)
    }

    /// Sets who comments from this app; asked once, kept in the settings.
    pub fn set_reviewer(&mut self, name: &str, email: &str) -> Result<ReviewerIdentity> {
        let identity = ReviewerIdentity {
            name: name.trim().to_owned(),
            email: email.trim().to_owned(),
        };
        if identity.name.is_empty() {
            return Err(Error::InvalidInput(
                "Give your name: colleagues see it on your comments.".into(),
            ));
        }
        if identity.name.chars().count() > 200 || identity.email.chars().count() > 200 {
            return Err(Error::InvalidInput(
                "The name and the email are 200 characters at most.".into(),
            ));
        }
        self.store.set_setting(REVIEWER, &identity)?;
        Ok(identity)
    }

    /// Compares two versions of a draft and gathers its comments.
    pub fn open_review(&mut self, id: DraftId, old: VersionPick, new: VersionPick) -> Result<ReviewView> {
        let old_side = self.side(id, old)?;
        let new_side = self.side(id, new)?;
        let config = self.current()?.config.clone();
        let old_report = dateline_lint::lint(&old_side.text, &config);
        let new_report = dateline_lint::lint(&new_side.text, &config);
        let diff = dateline_review::diff_with_outlines(
            &old_side.text,
            &old_report.outline,
            &new_side.text,
            &new_report.outline,
        );
        let delta = dateline_review::lint_delta(&old_report, &new_report, &old_side.text, &new_side.text);
        let logs = folder::read_review_logs(&self.review_dir(id)?);
        let state = dateline_review::merge(&logs);
        if let Some(version) = self.reviewed_version(id, &new_side)? {
            self.store.set_setting(&last_reviewed_key(id), &version)?;
        }
        let merged = dateline_review::suggest::merge_suggestions(&logs);
        let suggestions = self.rows(&merged.suggestions, &new_side.text)?;
        let mut view = assemble(
            ReviewSide {
                score: old_report.score,
                ..old_side
            },
            ReviewSide {
                score: new_report.score,
                ..new_side
            },
            &diff,
            &delta,
            state,
            self.reviewer()?,
        );
        view.suggestions = suggestions;
        view.problems.extend(merged.problems);
        Ok(view)
    }

    /// Comments on text of one side (`range` in UTF-16 units of that text).
    pub fn add_comment(&mut self, id: DraftId, on: VersionPick, range: TextRange, body: &str) -> Result<()> {
        if let VersionPick::Draft { id: other } = on {
            if other != id {
                return Err(Error::InvalidInput(
                    "Comments go on this draft's own versions; open the other draft to comment on it.".into(),
                ));
            }
        }
        let text = self.side(id, on)?.text;
        let bytes = byte_range(&text, range);
        if bytes.is_empty() {
            return Err(Error::InvalidInput(
                "Select the text the comment is about first.".into(),
            ));
        }
        let event = Event::Comment {
            id: log::new_id(),
            draft_version: log::draft_version(&text),
            anchor: Some(Anchor::new(&text, bytes)),
            body: body.trim().to_owned(),
            parent: None,
        };
        self.append(id, event)
    }

    pub fn act_on_thread(&mut self, id: DraftId, thread: &str, action: ThreadAction) -> Result<()> {
        let thread = thread.to_owned();
        let event = match action {
            ThreadAction::Reply { body } => Event::Comment {
                id: log::new_id(),
                draft_version: String::new(),
                anchor: None,
                body: body.trim().to_owned(),
                parent: Some(thread),
            },
            ThreadAction::Resolve { resolved } => Event::Resolve { id: thread, resolved },
            ThreadAction::Disposition { disposition } => Event::Disposition {
                id: thread,
                disposition: match disposition.as_str() {
                    "keep" => Disposition::Keep,
                    "revise" => Disposition::Revise,
                    "defer" => Disposition::Defer,
                    other => return Err(Error::InvalidInput(format!("“{other}” is not a disposition."))),
                },
            },
        };
        self.append(id, event)
    }

    pub fn set_verdict(&mut self, id: DraftId, approve: bool, summary: &str) -> Result<()> {
        let verdict = if approve {
            Verdict::Approve
        } else {
            Verdict::ChangesRequested
        };
        self.append(
            id,
            Event::Verdict {
                verdict,
                summary: summary.trim().to_owned(),
            },
        )
    }

    /// The open comments, verdicts and lint summary that a review packet
    /// (PDF) or appendix (Markdown) adds after the draft's `text`.
    pub(super) fn review_material(&self, id: DraftId, text: &str) -> Result<ReviewMaterial> {
        let state = self.review_state(id)?;
        let report = dateline_lint::lint(text, &self.current()?.config);
        let suggestions = self.merged(id)?;
        let placed = dateline_review::suggest::place(&suggestions, text);
        Ok(ReviewMaterial::new(&state, LintSummary::from(&report), text)
            .with_suggestions(dateline_export::suggestions(&placed)))
    }

    /// The history version a reviewer has now read on the newer side: the
    /// one picked, or for the saved file the newest version when it holds
    /// the same text (a save always records one).
    fn reviewed_version(&self, id: DraftId, newer: &ReviewSide) -> Result<Option<u32>> {
        Ok(match newer.pick {
            VersionPick::Version { id: version } => Some(version),
            VersionPick::Saved => match self.versions(id)?.first() {
                Some(newest) if self.version_text(id, newest.id)? == newer.text => Some(newest.id),
                _ => None,
            },
            _ => None,
        })
    }

    pub(super) fn side(&self, id: DraftId, pick: VersionPick) -> Result<ReviewSide> {
        let versions = self.versions(id)?;
        let pick = match pick {
            VersionPick::LastReviewed => {
                let last: Option<u32> = self.store.setting(&last_reviewed_key(id))?;
                // Versions are listed newest first; with no review yet, the oldest.
                let chosen = last
                    .filter(|v| versions.iter().any(|x| x.id == *v))
                    .or_else(|| versions.last().map(|v| v.id));
                match chosen {
                    Some(version) => VersionPick::Version { id: version },
                    None => VersionPick::Saved,
                }
            }
            other => other,
        };
        let (label, text) = match pick {
            VersionPick::Version { id: version } => {
                let n = versions
                    .iter()
                    .rev()
                    .position(|v| v.id == version)
                    .map_or(0, |i| i + 1);
                (format!("Version {n}"), self.version_text(id, version)?)
            }
            VersionPick::Draft { id: other } => {
                let name = display_name(&self.draft_path(other)?);
                (format!("Draft “{name}”"), self.saved_text(other)?)
            }
            _ => ("Saved file".to_owned(), self.saved_text(id)?),
        };
        Ok(ReviewSide {
            pick,
            label,
            text,
            score: 0,
        })
    }

    pub(super) fn saved_text(&self, id: DraftId) -> Result<String> {
        let path = self.draft_path(id)?;
        let bytes = crate::folder::read_draft_bytes(&path, &self.current()?.root)?;
        let decoded = crate::text::decode(&bytes);
        if decoded.invalid.is_some() {
            return Err(Error::ReadOnly(format!(
                "“{}” is not valid UTF-8 text, so it cannot be reviewed.",
                display_name(&path)
            )));
        }
        Ok(decoded.text)
    }

    /// A draft's open comments and verdicts for the list, from the SQLite
    /// index while its logs are unchanged (same names, sizes and times).
    pub(super) fn review_counts(&self, id: DraftId, rel_path: &str) -> Result<ReviewCounts> {
        let dir = folder::review_dir(&self.current()?.root, rel_path);
        let Some(signature) = logs_signature(&dir) else {
            return Ok(ReviewCounts::default());
        };
        if let Some(counts) = self.store.review_counts(id, &signature)? {
            return Ok(counts);
        }
        let logs = folder::read_review_logs(&dir);
        let state = dateline_review::merge(&logs);
        let suggestions = dateline_review::suggest::merge_suggestions(&logs).suggestions;
        let verdicts = |v: Verdict| state.verdicts.iter().filter(|e| e.verdict == v).count() as u32;
        let counts = ReviewCounts {
            open_comments: state.threads.iter().filter(|t| !t.resolved).count() as u32,
            approvals: verdicts(Verdict::Approve),
            change_requests: verdicts(Verdict::ChangesRequested),
            open_suggestions: suggestions.iter().filter(|s| s.decision.is_none()).count() as u32,
        };
        self.store.set_review_counts(id, &signature, counts)?;
        Ok(counts)
    }

    /// Every reviewer's log of this draft, merged.
    fn review_state(&self, id: DraftId) -> Result<dateline_review::ReviewState> {
        Ok(folder::read_review_dir(&self.review_dir(id)?))
    }

    pub(super) fn review_dir(&self, id: DraftId) -> Result<PathBuf> {
        let root = &self.current()?.root;
        let (_, rel_path) = self.store.draft_location(id)?;
        Ok(folder::review_dir(root, &rel_path))
    }

    /// Appends one record to this reviewer's own log of the draft.
    pub(super) fn append(&mut self, id: DraftId, event: Event) -> Result<()> {
        let Some(me) = self.reviewer()? else {
            return Err(Error::NeedsReviewer(
                "Set your name first (Reviewer…): colleagues see it on your comments.".into(),
            ));
        };
        let record = Record {
            event,
            at: now_ms(),
            author: Author {
                name: me.name.clone(),
                email: me.email.clone(),
            },
        };
        record.validate().map_err(Error::InvalidInput)?;
        let dir = self.review_dir(id)?;
        let path = dir.join(format!("{}.jsonl", folder::reviewer_key(&me.name, &me.email)));
        append_line(&dir, &path, log::encode_record(&record).as_bytes())
            .map_err(|e| Error::from_io(&e, "saving the comment", &path))
    }
}

/// Names, sizes and modification times of a review folder's logs; `None`
/// when the draft has no review folder.
fn logs_signature(dir: &Path) -> Option<String> {
    let mut parts: Vec<String> = fs::read_dir(dir)
        .ok()?
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let meta = e.metadata().ok()?;
            let modified = meta.modified().ok()?.duration_since(std::time::UNIX_EPOCH).ok()?;
            Some(format!(
                "{}:{}:{}",
                e.file_name().to_string_lossy(),
                meta.len(),
                modified.as_nanos()
            ))
        })
        .collect();
    parts.sort();
    Some(parts.join("/"))
}

#[cfg(test)]
pub(super) fn logs_signature_for_tests(dir: &Path) -> String {
    logs_signature(dir).unwrap_or_default()
}

fn last_reviewed_key(id: DraftId) -> String {
    format!("review.last.{id}")
}

pub(super) fn append_line(dir: &Path, path: &Path, line: &[u8]) -> std::io::Result<()> {
    fs::create_dir_all(dir)?;
    dateline_files::append_durable(path, line)
}

pub(super) fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as i64)
}

/// UTF-16 range → byte range of `text`, clamped to the text.
pub(super) fn byte_range(text: &str, range: TextRange) -> std::ops::Range<usize> {
    let (mut from, mut to, mut units) = (None, None, 0u32);
    for (byte, c) in text.char_indices() {
        if from.is_none() && units >= range.from {
            from = Some(byte);
        }
        if to.is_none() && units >= range.to {
            to = Some(byte);
            break;
        }
        units += c.len_utf16() as u32;
    }
    let from = from.unwrap_or(text.len());
    let to = to.unwrap_or(text.len()).max(from);
    from..to
}

fn assemble(
    old: ReviewSide,
    new: ReviewSide,
    diff: &dateline_review::ReviewDiff,
    delta: &dateline_review::LintDelta,
    state: dateline_review::ReviewState,
    reviewer: Option<ReviewerIdentity>,
) -> ReviewView {
    let mut old_at = Utf16Offsets::new(&old.text);
    let mut new_at = Utf16Offsets::new(&new.text);
    let label_of = |i: usize| diff.sections.get(i).map(|s| s.label.clone()).unwrap_or_default();
    let sections = diff
        .sections
        .iter()
        .map(|s| SectionRow {
            label: s.label.clone(),
            status: name_of(&s.status),
            old: s.old.map(|i| to_range(&mut old_at, diff.old_sections[i].span)),
            new: s.new.map(|i| to_range(&mut new_at, diff.new_sections[i].span)),
            words_inserted: s.words_inserted as u32,
            words_deleted: s.words_deleted as u32,
        })
        .collect();
    let changes = diff
        .changes
        .iter()
        .map(|c| ChangeRow {
            kind: name_of(&c.kind),
            section: label_of(c.section),
            old: to_range(&mut old_at, c.old),
            new: to_range(&mut new_at, c.new),
        })
        .collect();
    let old_highlights = diff
        .old_highlights
        .iter()
        .map(|s| to_range(&mut old_at, *s))
        .collect();
    let new_highlights = diff
        .new_highlights
        .iter()
        .map(|s| to_range(&mut new_at, *s))
        .collect();
    let threads = state
        .threads
        .iter()
        .map(|t| thread_row(t, &new.text, &mut new_at))
        .collect();
    let verdicts = state
        .verdicts
        .iter()
        .map(|v| VerdictRow {
            author: v.author.name.clone(),
            verdict: name_of(&v.verdict),
            summary: v.summary.clone(),
            at_ms: v.at as f64,
        })
        .collect();
    ReviewView {
        sections,
        changes,
        old_highlights,
        new_highlights,
        fixed: delta.fixed.iter().map(finding_row).collect(),
        introduced: delta.introduced.iter().map(finding_row).collect(),
        unchanged_findings: delta.unchanged_count as u32,
        threads,
        suggestions: Vec::new(),
        verdicts,
        problems: state.problems,
        reviewer,
        old,
        new,
    }
}

fn thread_row(t: &dateline_review::Thread, text: &str, at: &mut Utf16Offsets) -> ThreadRow {
    let anchor = t.root.anchor.as_ref().and_then(|a| match a.resolve(text) {
        Resolution::Exact(span) | Resolution::Moved(span) => Some(to_range(at, span)),
        Resolution::Orphaned => None,
    });
    ThreadRow {
        id: t.root.id.clone(),
        quote: t
            .root
            .anchor
            .as_ref()
            .map(|a| a.quote.clone())
            .unwrap_or_default(),
        comment: comment_row(&t.root),
        replies: t.replies.iter().map(comment_row).collect(),
        resolved: t.resolved,
        disposition: t.disposition.as_ref().map(name_of),
        anchor,
    }
}

fn comment_row(c: &dateline_review::CommentView) -> CommentRow {
    CommentRow {
        id: c.id.clone(),
        author: c.author.name.clone(),
        at_ms: c.at as f64,
        body: c.body.clone(),
    }
}

fn finding_row(f: &dateline_review::Finding) -> FindingRow {
    FindingRow {
        rule: f.rule.to_owned(),
        message: f.message.clone(),
        excerpt: f.excerpt.clone(),
        line: f.line as u32,
    }
}

pub(super) fn to_range(at: &mut Utf16Offsets, span: dateline_review::Span) -> TextRange {
    TextRange {
        from: at.of(span.start),
        to: at.of(span.end),
    }
}

/// The serde name of an enum value ("changesRequested", "moved", ...).
pub(super) fn name_of<T: Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}
