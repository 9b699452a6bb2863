//! The session behind the window: the open drafts folder, the drafts the
//! editor has open, and the rules for reading and saving them. The app's
//! commands are thin wrappers over these methods, one module per flow:
//! `session` (start-up, open a folder), `opening` (open a draft, journal),
//! `saving` (the save rules), `naming` (new names), `history` (versions),
//! `config` (the folder's lint configuration), `views` (what is sent).

use crate::drafting::LintConfig;
use crate::error::{Error, Result};
use crate::folder::Skipped;
use crate::index::FolderIndex;
use crate::store::{DraftId, FolderId, Store};
use crate::text::TextFormat;
use dateline_lint::Config;
use std::collections::HashMap;
use std::path::PathBuf;

pub use crate::folder::MAX_DRAFT_BYTES;

/// What the editor knows about a draft it has open.
struct OpenDoc {
    format: TextFormat,
    /// Hash of the bytes on disk as last read or written; a save refuses to
    /// replace a file whose bytes no longer match it.
    disk_hash: Option<blake3::Hash>,
    /// The text last loaded or saved: the base of a three-way merge.
    base_text: Option<String>,
    read_only: Option<String>,
}

struct OpenFolder {
    id: FolderId,
    root: PathBuf,
    config: Config,
    config_problems: Vec<String>,
    /// What the last walk saw but could not list.
    skipped: Vec<Skipped>,
}

impl OpenFolder {
    fn index<'a>(&'a self, store: &'a Store) -> FolderIndex<'a> {
        FolderIndex {
            store,
            folder: self.id,
            root: &self.root,
            config: &self.config,
        }
    }
}

pub struct Workspace {
    store: Store,
    folder: Option<OpenFolder>,
    /// The open folder's lint configuration, shared with whoever lints
    /// outside the workspace's lock (the shell's `lint_text`).
    lint_config: LintConfig,
    docs: HashMap<DraftId, OpenDoc>,
    notices: Vec<String>,
    /// How the window last asked for the drafts list.
    list_query: ListQuery,
    /// Suggestions accepted since the draft's last save, for that save's
    /// version note.
    taken: HashMap<DraftId, Vec<String>>,
}

impl Workspace {
    pub fn new(store: Store) -> Workspace {
        let mut workspace = Workspace {
            store,
            folder: None,
            lint_config: LintConfig::default(),
            docs: HashMap::new(),
            notices: Vec::new(),
            list_query: ListQuery::default(),
            taken: HashMap::new(),
        };
        workspace.list_query = workspace.saved_list_query();
        workspace
    }

    /// Adds a message for the user to the next `startup` answer.
    pub fn add_notice(&mut self, notice: String) {
        self.notices.push(notice);
    }

    fn current(&self) -> Result<&OpenFolder> {
        self.folder.as_ref().ok_or_else(no_folder)
    }

    fn open_doc(&self, id: DraftId) -> Result<&OpenDoc> {
        self.docs
            .get(&id)
            .ok_or_else(|| Error::InvalidInput("Open the draft first.".into()))
    }
}

fn no_folder() -> Error {
    Error::NoFolder("Choose a drafts folder first.".into())
}

mod config;
pub use config::CONFIG_FILE;
mod history;
mod naming;
mod opening;
mod saving;
mod session;
mod views;
pub use views::{
    ConflictCopy, DeletedDraft, DraftSummary, FolderInfo, FolderListing, OpenedDraft, PathOpened,
    RecoveredText, SavedDraft, SkippedEntry, Startup, VersionView,
};

mod exporting;
mod importing;
pub use importing::ImportedWord;
mod listing;
pub use listing::{DraftSort, ListQuery, LIST_PAGE};
mod merge;
pub use merge::{MergeChunk, MergeView};
mod review;
mod team_words;
pub use review::{
    ChangeRow, CommentRow, FindingRow, ReviewSide, ReviewView, ReviewerIdentity, SectionRow, TextRange,
    ThreadAction, ThreadRow, VerdictRow, VersionPick,
};
mod suggestions;
pub use suggestions::{
    AcceptOutcome, CriticImportView, RefusedSuggestion, SuggestionRow, SuggestionsView, TextEdit,
};
mod zoom;
pub use zoom::{step_zoom, ZoomStep, ZOOM_LEVELS};

#[cfg(test)]
mod fault_tests;
#[cfg(test)]
mod full_disk_tests;
#[cfg(test)]
mod merge_tests;
#[cfg(test)]
mod suggestion_tests;
#[cfg(test)]
mod tests;
