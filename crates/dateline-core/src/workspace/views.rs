//! What the window is sent about folders and drafts: the plain data the
//! session's flows answer with, serialized for the UI's bindings.

use crate::store::{DraftId, FolderId, VersionRecord};
use crate::text::TextFormat;
use serde::Serialize;

use super::ListQuery;

#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct FolderInfo {
    pub id: FolderId,
    pub name: String,
    pub path: String,
    pub exists: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct DraftSummary {
    pub id: DraftId,
    pub rel_path: String,
    pub name: String,
    /// Front matter `title:`, else the headline, else the file name.
    pub title: String,
    /// Front matter `owner:` (or `author:`) and `status:`; empty when absent.
    pub owner: String,
    pub status: String,
    /// Readiness, 0 to 100, and words in the press release and FAQ.
    pub score: u8,
    pub words: u32,
    /// Why the file cannot be opened as a draft (binary, too large).
    pub problem: Option<String>,
    pub size_bytes: f64,
    pub modified_ms: f64,
    /// Sync clients' conflict copies of this draft (shown with it, not as drafts).
    pub conflicts: Vec<ConflictCopy>,
    /// Unresolved comment threads in the shared folder's review logs.
    pub open_comments: u32,
    /// Reviewers whose latest verdict approves, or asks for changes.
    pub approvals: u32,
    pub change_requests: u32,
    /// Suggested edits no one has accepted or rejected yet.
    pub open_suggestions: u32,
}

/// A copy a sync client made when two people changed a draft at once.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ConflictCopy {
    pub id: DraftId,
    pub rel_path: String,
    pub modified_ms: f64,
}

/// A draft whose file vanished; its history is kept.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct DeletedDraft {
    pub id: DraftId,
    pub rel_path: String,
    pub title: String,
    pub deleted_ms: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct SkippedEntry {
    pub name: String,
    pub reason: String,
}

/// A folder opened on request, and the draft that was asked for in it.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct PathOpened {
    pub listing: FolderListing,
    pub draft: Option<DraftId>,
}

#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct FolderListing {
    pub folder: FolderInfo,
    /// The first `query.limit` drafts of the list, in the order asked.
    pub drafts: Vec<DraftSummary>,
    /// Drafts that pass the status filter; `drafts` holds the first of them.
    pub total: u32,
    /// Drafts in the folder (conflict copies and deleted drafts aside).
    pub count: u32,
    /// The statuses the folder's drafts have, for the filter.
    pub statuses: Vec<String>,
    /// The query this answers (a status no draft has any more reads as none).
    pub query: ListQuery,
    /// Drafts whose files vanished, newest first (their history is kept).
    pub deleted: Vec<DeletedDraft>,
    pub skipped: Vec<SkippedEntry>,
    /// What is wrong in the folder's `dateline.toml` (`file:line:col: message`);
    /// linting goes on with the defaults wherever it is wrong.
    pub config_problems: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct OpenedDraft {
    pub id: DraftId,
    pub rel_path: String,
    pub name: String,
    /// The text with `\n` line endings; the file's own endings come back on save.
    pub text: String,
    pub format: TextFormat,
    /// Why the draft cannot be saved, when it cannot.
    pub read_only: Option<String>,
    /// Unsaved text from the crash journal, newer than the file.
    pub recovered: Option<RecoveredText>,
}

#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct RecoveredText {
    pub text: String,
    pub updated_ms: f64,
    /// The file also changed on disk since that text was typed: saving over
    /// it would be refused, so the user saves a copy or merges by hand.
    pub disk_changed: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct VersionView {
    pub id: u32,
    pub created_ms: f64,
    /// `original` (first seen), `save`, `restore`.
    pub source: String,
    pub score: u8,
    pub words: u32,
    /// Which suggested edits the save took, from whom (or empty).
    pub note: String,
}

impl From<VersionRecord> for VersionView {
    fn from(v: VersionRecord) -> Self {
        VersionView {
            id: v.id,
            created_ms: v.created_ms as f64,
            source: v.source,
            score: v.score,
            words: v.words,
            note: v.note,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct SavedDraft {
    pub id: DraftId,
    pub size_bytes: f64,
    pub modified_ms: f64,
    /// The file is saved, but Dateline's own records of it (history, crash
    /// journal) could not be written: why, for a notice.
    pub warning: Option<String>,
}

/// Everything the window needs when it starts.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Startup {
    pub recent_folders: Vec<FolderInfo>,
    pub listing: Option<FolderListing>,
    /// The draft to reopen, if it is still in the listed folder.
    pub last_draft: Option<DraftId>,
    /// Why the last folder could not be reopened, or the database had to be reset.
    pub notices: Vec<String>,
}
