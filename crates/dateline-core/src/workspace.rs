//! The session behind the window: the open drafts folder, the drafts the
//! editor has open, and the rules for reading and saving them. The app's
//! commands are thin wrappers over these methods.

use crate::drafting::{self, LintConfig, LintView};
use crate::error::{display_name, Error, Result};
use crate::folder::{self, Skipped};
use crate::index::FolderIndex;
use crate::store::{DraftId, FolderId, FolderRecord, SearchHit, Store, VersionRecord};
use crate::text::{self, TextFormat};
use dateline_files::{rename_noclobber, write_atomic, write_atomic_new};
use dateline_lint::{Config, WORDS_FILE};
use serde::Serialize;
use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

pub use crate::folder::MAX_DRAFT_BYTES;
const RECENT_FOLDERS: usize = 10;
const LAST_FOLDER: &str = "last_folder";
const LAST_DRAFT: &str = "last_draft";
/// The optional lint configuration at a drafts folder's root.
pub const CONFIG_FILE: &str = "dateline.toml";

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

    /// Opens what the user asked for on the command line (a folder, or a
    /// draft inside one), else the last folder, and says what to reopen.
    pub fn startup(&mut self, requested: Option<&Path>) -> Result<Startup> {
        let mut notices = std::mem::take(&mut self.notices);
        let mut last_draft = self.store.setting::<DraftId>(LAST_DRAFT)?;
        let listing = match requested {
            Some(path) => match self.open_path(path) {
                Ok(PathOpened { listing, draft }) => {
                    last_draft = draft.or(last_draft);
                    Some(listing)
                }
                Err(err) => {
                    notices.push(err.to_string());
                    None
                }
            },
            None => self.reopen_last_folder(&mut notices)?,
        };
        let last_draft = match last_draft {
            Some(id) if listing.is_some() && self.is_listed(id)? => Some(id),
            _ => None,
        };
        Ok(Startup {
            recent_folders: self.recent_folders()?,
            listing,
            last_draft,
            notices,
        })
    }

    /// Opens what the command line or the file manager named: a drafts
    /// folder, or one draft (its folder opens around it).
    pub fn open_path(&mut self, path: &Path) -> Result<PathOpened> {
        if path.is_file() && folder::is_markdown(path) {
            let parent = path.parent().unwrap_or(Path::new("."));
            let listing = self.open_folder_path(parent)?;
            let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
            let draft = match name {
                Some(name) => self.listed_draft(&name)?.map(|d| d.id),
                None => None,
            };
            return Ok(PathOpened { listing, draft });
        }
        let listing = self.open_folder_path(path)?;
        Ok(PathOpened { listing, draft: None })
    }

    fn reopen_last_folder(&mut self, notices: &mut Vec<String>) -> Result<Option<FolderListing>> {
        let Some(id) = self.store.setting::<FolderId>(LAST_FOLDER)? else {
            return Ok(None);
        };
        match self.open_recent(id) {
            Ok(listing) => Ok(Some(listing)),
            Err(err @ (Error::FolderMissing(_) | Error::NotFound(_))) => {
                notices.push(err.to_string());
                Ok(None)
            }
            Err(other) => Err(other),
        }
    }

    pub fn recent_folders(&self) -> Result<Vec<FolderInfo>> {
        Ok(self
            .store
            .recent_folders(RECENT_FOLDERS)?
            .iter()
            .map(folder_info)
            .collect())
    }

    /// Opens a folder the backend itself obtained (native dialog, command
    /// line, file association), never a path sent by the web view.
    pub fn open_folder_path(&mut self, path: &Path) -> Result<FolderListing> {
        if !path.is_dir() {
            return Err(folder::folder_missing(path));
        }
        let root = std::path::absolute(path).map_err(|e| Error::from_io(&e, "opening", path))?;
        let id = self.store.remember_folder(&root)?;
        self.switch_to(id, root)
    }

    pub fn open_recent(&mut self, id: FolderId) -> Result<FolderListing> {
        let record = self.store.folder(id)?;
        if !record.path.is_dir() {
            return Err(folder::folder_missing(&record.path));
        }
        self.store.remember_folder(&record.path)?;
        self.switch_to(id, record.path)
    }

    pub fn forget_folder(&mut self, id: FolderId) -> Result<Vec<FolderInfo>> {
        self.store.forget_folder(id)?;
        if self.folder.as_ref().is_some_and(|f| f.id == id) {
            self.folder = None;
            self.lint_config.set(Config::default());
            self.store.clear_setting(LAST_FOLDER)?;
        }
        self.recent_folders()
    }

    fn switch_to(&mut self, id: FolderId, root: PathBuf) -> Result<FolderListing> {
        let (config, config_problems) = load_config(&root);
        let mut open = OpenFolder {
            id,
            root,
            config,
            config_problems,
            skipped: Vec::new(),
        };
        open.skipped = open.index(&self.store).reconcile()?.skipped;
        self.store.set_setting(LAST_FOLDER, &id)?;
        if self.folder.as_ref().map(|f| f.id) != Some(id) {
            // Another folder: its list starts unfiltered, in the same order.
            self.list_query = ListQuery {
                sort: self.list_query.sort,
                ..ListQuery::default()
            };
        }
        self.lint_config.set(open.config.clone());
        self.folder = Some(open);
        self.docs.clear();
        self.listing()
    }

    /// The open folder's root, for the watcher.
    pub fn root(&self) -> Option<PathBuf> {
        self.folder.as_ref().map(|f| f.root.clone())
    }

    /// True when the draft's file no longer holds the bytes the editor last
    /// read or wrote: someone else changed it (the app's own saves are not
    /// changes).
    pub fn changed_on_disk(&self, id: DraftId) -> Result<bool> {
        let doc = self.open_doc(id)?;
        let path = self.draft_path(id)?;
        match fs::read(&path) {
            Ok(bytes) => Ok(doc.disk_hash != Some(blake3::hash(&bytes))),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(true),
            Err(e) => Err(Error::from_io(&e, "checking", &path)),
        }
    }

    /// Re-reads the open folder and its `dateline.toml`.
    pub fn refresh(&mut self) -> Result<FolderListing> {
        let open = self.folder.as_mut().ok_or_else(no_folder)?;
        (open.config, open.config_problems) = load_config(&open.root);
        self.lint_config.set(open.config.clone());
        open.skipped = open.index(&self.store).reconcile()?.skipped;
        self.listing()
    }

    /// Brings the index up to date with what the watcher saw: the drafts it
    /// named, or everything when it asks for a rescan (or on the periodic
    /// reconcile). True when the list changed.
    pub fn apply_changes(&mut self, rel_paths: &[String], rescan: bool) -> Result<bool> {
        let open = self.folder.as_mut().ok_or_else(no_folder)?;
        if rescan {
            let reconciled = open.index(&self.store).reconcile()?;
            let skipped_changed = reconciled.skipped != open.skipped;
            open.skipped = reconciled.skipped;
            return Ok(reconciled.changed || skipped_changed);
        }
        open.index(&self.store).update(rel_paths)
    }

    /// Full-text search over the open folder's drafts, best first.
    pub fn search(&self, typed: &str, limit: u32) -> Result<Vec<SearchHit>> {
        self.store.search(self.current()?.id, typed, limit)
    }

    fn current(&self) -> Result<&OpenFolder> {
        self.folder.as_ref().ok_or_else(no_folder)
    }

    /// Where a draft of the open folder is now, relative to the folder: a
    /// draft renamed on disk keeps its id, and the window follows it.
    pub fn draft_rel_path(&self, id: DraftId) -> Result<String> {
        let (folder_id, rel_path) = self.store.draft_location(id)?;
        if folder_id != self.current()?.id {
            return Err(Error::NotFound(
                "That draft belongs to another folder; open that folder first.".into(),
            ));
        }
        Ok(rel_path)
    }

    /// The absolute path of a draft of the open folder.
    pub fn draft_path(&self, id: DraftId) -> Result<PathBuf> {
        let rel_path = self.draft_rel_path(id)?;
        let open = self.current()?;
        if !open.root.is_dir() {
            return Err(folder::folder_missing(&open.root));
        }
        folder::resolve(&open.root, &rel_path)
    }

    /// Reads a draft for the editor. Files that are too large or binary are
    /// refused; files that are not UTF-8 open read-only, never converted.
    pub fn open_draft(&mut self, id: DraftId) -> Result<OpenedDraft> {
        let path = self.draft_path(id)?;
        let bytes = folder::read_draft_bytes(&path, &self.current()?.root)?;
        let decoded = text::decode(&bytes);
        let read_only = decoded.invalid.map(|bad| {
            format!(
                "“{}” is not valid UTF-8 text (first bad byte on line {}, byte {}). It is shown read-only so it is never converted or damaged; re-save it as UTF-8 in another editor to edit it here.",
                display_name(&path),
                bad.line,
                bad.byte_offset
            )
        });
        let disk_hash = blake3::hash(&bytes);
        let recovered = if read_only.is_none() {
            self.recover(id, &decoded.text, disk_hash)?
        } else {
            None
        };
        // A save is checked against the bytes the user's text was based on:
        // for recovered text whose file changed since, that is the old file,
        // so the save is refused rather than silently overwriting.
        let base_hash = match &recovered {
            Some(r) if r.disk_changed => None,
            _ => Some(disk_hash),
        };
        self.docs.insert(
            id,
            OpenDoc {
                format: decoded.format,
                disk_hash: base_hash,
                base_text: base_hash.is_some().then(|| decoded.text.clone()),
                read_only: read_only.clone(),
            },
        );
        if read_only.is_none() {
            // First sight of a draft, or text that changed outside the app
            // since its last version: keep it in the history.
            match self.store.latest_version_text(id)? {
                None => {
                    self.record_version(id, "original", &decoded.text)?;
                }
                Some(latest) if latest != decoded.text => {
                    self.record_version(id, "external", &decoded.text)?;
                }
                Some(_) => {}
            }
        }
        self.store.set_setting(LAST_DRAFT, &id)?;
        let (_, rel_path) = self.store.draft_location(id)?;
        Ok(OpenedDraft {
            id,
            name: display_name(&path),
            rel_path,
            text: decoded.text,
            format: decoded.format,
            read_only,
            recovered,
        })
    }

    /// The journal's text for a draft, when it differs from the file.
    fn recover(
        &self,
        id: DraftId,
        disk_text: &str,
        disk_hash: blake3::Hash,
    ) -> Result<Option<RecoveredText>> {
        let Some(entry) = self.store.journal(id)? else {
            return Ok(None);
        };
        if entry.text == disk_text {
            self.store.clear_journal(id)?;
            return Ok(None);
        }
        let disk_changed = entry.base_hash.as_deref() != Some(disk_hash.to_hex().as_str());
        Ok(Some(RecoveredText {
            text: entry.text,
            updated_ms: entry.updated_ms as f64,
            disk_changed,
        }))
    }

    /// Keeps the editor's unsaved text against a crash.
    pub fn journal(&mut self, id: DraftId, text: &str) -> Result<()> {
        let doc = self.open_doc(id)?;
        if doc.read_only.is_some() {
            return Ok(());
        }
        let base = doc.disk_hash.map(|h| h.to_hex().to_string());
        self.store.write_journal(id, text, base.as_deref())
    }

    /// Forgets unsaved text the user chose not to keep.
    pub fn discard_changes(&mut self, id: DraftId) -> Result<()> {
        self.store.clear_journal(id)
    }

    fn open_doc(&self, id: DraftId) -> Result<&OpenDoc> {
        self.docs
            .get(&id)
            .ok_or_else(|| Error::InvalidInput("Open the draft first.".into()))
    }

    /// A handle on the open folder's lint configuration that stays current
    /// as folders open and `dateline.toml` is re-read: linting with it
    /// needs no lock on the workspace, so a keystroke's lint never waits
    /// behind folder work.
    pub fn lint_config(&self) -> LintConfig {
        self.lint_config.clone()
    }

    /// Lints editor text with the open folder's configuration, read from
    /// the same snapshot the shell's `lint_text` uses.
    pub fn lint(&self, text: &str) -> LintView {
        drafting::lint_view(text, &self.lint_config.get())
    }

    /// Adds `text` to the draft's history, unless it is the newest version
    /// already (a second save of the same text is no new version).
    /// Adds a version unless the newest one holds `text`; its id if added.
    fn record_version(&self, id: DraftId, source: &str, text: &str) -> Result<Option<u32>> {
        if self.store.latest_version_text(id)?.as_deref() == Some(text) {
            return Ok(None);
        }
        let default = Config::default();
        let config = self.folder.as_ref().map_or(&default, |open| &open.config);
        Ok(Some(crate::index::add_version(
            &self.store,
            id,
            source,
            text,
            config,
        )?))
    }

    pub fn versions(&self, id: DraftId) -> Result<Vec<VersionView>> {
        Ok(self
            .store
            .versions(id)?
            .into_iter()
            .map(VersionView::from)
            .collect())
    }

    pub fn version_text(&self, id: DraftId, version: u32) -> Result<String> {
        self.store.version_text(id, version)
    }

    /// Writes an old version back to the file, as a new version: nothing in
    /// the history is replaced or deleted.
    pub fn restore_version(&mut self, id: DraftId, version: u32) -> Result<SavedDraft> {
        let text = self.store.version_text(id, version)?;
        self.save_as(id, &text, "restore")
    }

    /// Writes a deleted draft's newest version back to its file, which must
    /// still be free. The draft keeps its id and history.
    pub fn restore_deleted(&mut self, id: DraftId) -> Result<DraftSummary> {
        let path = self.draft_path(id)?;
        let text = self
            .store
            .latest_version_text(id)?
            .ok_or_else(|| Error::NotFound("That draft has no saved text to restore.".into()))?;
        if path.exists() {
            return Err(Error::InvalidInput(format!(
                "“{}” exists again; open it from the list.",
                display_name(&path)
            )));
        }
        write_atomic_new(&path, text.as_bytes()).map_err(|e| self.save_error(&e, &path))?;
        let (_, rel_path) = self.store.draft_location(id)?;
        self.index_new_file(&rel_path)
    }

    /// Creates a draft from the PR/FAQ template in the open folder.
    pub fn create_draft(&mut self, name: &str) -> Result<DraftSummary> {
        let file_name = draft_file_name(name)?;
        let path = self.current()?.root.join(&file_name);
        if path.exists() {
            return Err(Error::InvalidInput(format!(
                "A draft named “{file_name}” already exists; choose another name."
            )));
        }
        write_atomic_new(&path, dateline_lint::TEMPLATE.as_bytes())
            .map_err(|e| self.save_error(&e, &path))?;
        self.index_new_file(&file_name)
    }

    /// Renames a draft within its folder (`.md` added when the name has no
    /// Markdown extension), never over another file. Its id, history, open
    /// text and review comments go with it. Returns the new relative path.
    pub fn rename_draft(&mut self, id: DraftId, name: &str) -> Result<String> {
        let file_name = draft_file_name(name)?;
        let (old_rel, from) = (self.draft_rel_path(id)?, self.draft_path(id)?);
        let new_rel = match old_rel.rsplit_once('/') {
            Some((dir, _)) => format!("{dir}/{file_name}"),
            None => file_name.clone(),
        };
        if new_rel == old_rel {
            return Ok(new_rel);
        }
        rename_noclobber(&from, &from.with_file_name(&file_name)).map_err(|e| match e.kind() {
            std::io::ErrorKind::AlreadyExists => Error::InvalidInput(format!(
                "A file named “{file_name}” is already there; choose another name."
            )),
            _ => Error::from_io(&e, "renaming", &from),
        })?;
        self.store.move_draft(id, &new_rel)?;
        crate::index::move_comments(&self.current()?.root, &old_rel, &new_rel);
        Ok(new_rel)
    }

    /// Indexes a file the app just wrote and returns its list entry.
    fn index_new_file(&mut self, rel_path: &str) -> Result<DraftSummary> {
        self.apply_changes(&[rel_path.to_string()], false)?;
        self.listed_draft(rel_path)?
            .ok_or_else(|| Error::Io(format!("“{rel_path}” was written but could not be listed.")))
    }

    /// Saves editor text over the draft, in the file's own format, unless
    /// the file changed on disk since it was read.
    pub fn save_draft(&mut self, id: DraftId, text: &str) -> Result<SavedDraft> {
        self.save_as(id, text, "save")
    }

    fn save_as(&mut self, id: DraftId, text: &str, source: &str) -> Result<SavedDraft> {
        let path = self.draft_path(id)?;
        let doc = self
            .docs
            .get(&id)
            .ok_or_else(|| Error::InvalidInput("Open the draft before saving it.".into()))?;
        if let Some(reason) = &doc.read_only {
            return Err(Error::ReadOnly(reason.clone()));
        }
        let target = self.write_target(&path)?;
        self.ensure_unchanged_on_disk(&target, doc.disk_hash)?;
        let bytes = text::encode(text, doc.format);
        write_atomic(&target, &bytes).map_err(|e| self.save_error(&e, &target))?;
        let meta = fs::metadata(&target).map_err(|e| Error::from_io(&e, "saving", &target))?;
        if let Some(doc) = self.docs.get_mut(&id) {
            doc.disk_hash = Some(blake3::hash(&bytes));
            doc.base_text = Some(text.to_string());
        }
        self.store.clear_journal(id)?;
        if let Some(version) = self.record_version(id, source, text)? {
            self.note_taken_suggestions(id, version)?;
        }
        // The list shows the new title and readiness without waiting for the
        // watcher; the save itself is done, so a failure here only waits for it.
        if let Ok((_, rel_path)) = self.store.draft_location(id) {
            let _ = self.apply_changes(&[rel_path], false);
        }
        Ok(SavedDraft {
            id,
            size_bytes: meta.len() as f64,
            modified_ms: folder::modified_ms(&meta),
        })
    }

    /// Writes editor text to a new file beside the draft, for when the
    /// draft itself cannot be saved (it changed on disk, or is read-only).
    pub fn save_copy(&mut self, id: DraftId, text: &str) -> Result<DraftSummary> {
        let path = self.draft_path(id)?;
        let format = self.docs.get(&id).map(|d| d.format).unwrap_or_default();
        let copy = free_copy_path(&path)?;
        let bytes = text::encode(text, format);
        write_atomic_new(&copy, &bytes).map_err(|e| self.save_error(&e, &copy))?;
        let rel = copy
            .strip_prefix(&self.current()?.root)
            .unwrap_or(&copy)
            .to_string_lossy()
            .replace('\\', "/");
        self.index_new_file(&rel)
    }

    /// Where a save really writes: through a link, to the file it points at,
    /// as long as that file is inside the drafts folder.
    fn write_target(&self, path: &Path) -> Result<PathBuf> {
        if !path.is_symlink() {
            return Ok(path.to_path_buf());
        }
        let open_root = &self.current()?.root;
        let root = open_root
            .canonicalize()
            .map_err(|_| folder::folder_missing(open_root))?;
        match path.canonicalize() {
            Ok(target) if target.starts_with(&root) => Ok(target),
            _ => Err(Error::ReadOnly(format!(
                "“{}” is a link to a file outside the drafts folder; Dateline does not write through it.",
                display_name(path)
            ))),
        }
    }

    fn ensure_unchanged_on_disk(&self, path: &Path, expected: Option<blake3::Hash>) -> Result<()> {
        let current = match fs::read(path) {
            Ok(bytes) => Some(blake3::hash(&bytes)),
            // Deleted since it was opened: writing it again loses nobody's words.
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
            Err(e) => return Err(Error::from_io(&e, "checking", path)),
        };
        if current != expected {
            return Err(Error::Conflict(format!(
                "“{}” was changed on disk by someone or something else since you opened it. Your text was not saved over it and is still in the editor: save your version as a copy, then compare the two.",
                display_name(path)
            )));
        }
        Ok(())
    }

    /// A write failure, with the vanished-folder case told apart.
    fn save_error(&self, err: &std::io::Error, path: &Path) -> Error {
        match self.current() {
            Ok(open) if !open.root.is_dir() => folder::folder_missing(&open.root),
            _ => Error::from_io(err, "saving", path),
        }
    }
}

fn no_folder() -> Error {
    Error::NoFolder("Choose a drafts folder first.".into())
}

fn folder_info(record: &FolderRecord) -> FolderInfo {
    FolderInfo {
        id: record.id,
        name: display_name(&record.path),
        path: record.path.display().to_string(),
        exists: record.path.is_dir(),
    }
}

/// Reads the folder's `dateline.toml` and its team words file: a missing
/// file means defaults; a broken one is reported and the defaults stay in
/// force.
fn load_config(root: &Path) -> (Config, Vec<String>) {
    let (mut config, mut problems) = read_config_file(root);
    match fs::read(root.join(WORDS_FILE)) {
        Ok(bytes) => config.add_team_words(&String::from_utf8_lossy(&bytes)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => problems.push(format!("{WORDS_FILE}: could not be read ({e})")),
    }
    (config, problems)
}

fn read_config_file(root: &Path) -> (Config, Vec<String>) {
    let path = root.join(CONFIG_FILE);
    let bytes = match fs::read(&path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return (Config::default(), Vec::new()),
        Err(e) => {
            return (
                Config::default(),
                vec![format!(
                    "{CONFIG_FILE}: could not be read ({e}); using the defaults"
                )],
            )
        }
    };
    let Ok(text) = String::from_utf8(bytes) else {
        return (
            Config::default(),
            vec![format!("{CONFIG_FILE}: is not UTF-8 text; using the defaults")],
        );
    };
    let (config, problems) = Config::from_toml(&text);
    let problems = problems
        .iter()
        .map(|p| format!("{CONFIG_FILE}:{}:{}: {}", p.line, p.column, p.message))
        .collect();
    (config, problems)
}

/// A safe file name for a new draft: one path component, `.md` added.
fn draft_file_name(name: &str) -> Result<String> {
    let name = name.trim();
    let bad = name.is_empty()
        || name.starts_with('.')
        || name
            .chars()
            .any(|c| c.is_control() || matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|'));
    if bad {
        return Err(Error::InvalidInput(format!(
            "“{name}” cannot be a file name: use letters, numbers, spaces and dashes, without / \\ : * ? \" < > | or a leading dot."
        )));
    }
    if folder::is_markdown(Path::new(name)) {
        Ok(name.to_string())
    } else {
        Ok(format!("{name}.md"))
    }
}

/// `name (copy).md`, `name (copy 2).md`, … whichever is free.
fn free_copy_path(path: &Path) -> Result<PathBuf> {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().into_owned())
        .unwrap_or_else(|| "md".into());
    free_marked_path(
        path.parent().unwrap_or(Path::new(".")),
        &stem,
        &ext,
        "copy",
        false,
    )
}

/// The first free name for `stem.ext` in `dir` (with `plain_first`), else
/// `stem (label).ext`, `stem (label 2).ext`, …. Anything there, a dangling
/// link included, counts as taken; the write itself still refuses to
/// replace a file that appears meanwhile.
fn free_marked_path(dir: &Path, stem: &str, ext: &str, label: &str, plain_first: bool) -> Result<PathBuf> {
    let plain = plain_first.then(|| dir.join(format!("{stem}.{ext}")));
    let marked = (1..1000).map(|n| match n {
        1 => dir.join(format!("{stem} ({label}).{ext}")),
        n => dir.join(format!("{stem} ({label} {n}).{ext}")),
    });
    plain
        .into_iter()
        .chain(marked)
        .find(|candidate| candidate.symlink_metadata().is_err())
        .ok_or_else(|| Error::Io(format!("Too many files named like “{stem}” already exist.")))
}

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
mod merge_tests;
#[cfg(test)]
mod suggestion_tests;
#[cfg(test)]
mod tests;
