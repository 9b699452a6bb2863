//! The start-up and open flows: which drafts folder the window has open,
//! the recent folders, and bringing the index up to date with the folder.

use super::config::load_config;
use super::{no_folder, FolderInfo, FolderListing, ListQuery, OpenFolder, PathOpened, Startup, Workspace};
use crate::error::{display_name, Error, Result};
use crate::folder;
use crate::store::{DraftId, FolderId, FolderRecord, SearchHit};
use dateline_lint::Config;
use std::path::{Path, PathBuf};

const RECENT_FOLDERS: usize = 10;
const LAST_FOLDER: &str = "last_folder";
pub(super) const LAST_DRAFT: &str = "last_draft";

impl Workspace {
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
        // `absolute` keeps a trailing slash (a shell's completion adds one):
        // without it the same folder would be remembered twice, and its
        // drafts' ids and history split between the two.
        let root: PathBuf = root.components().collect();
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

    /// Re-reads the open folder and its `dateline.toml`.
    pub fn refresh(&mut self) -> Result<FolderListing> {
        self.reload_config()?;
        let open = self.folder.as_mut().ok_or_else(no_folder)?;
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
}

pub(super) fn folder_info(record: &FolderRecord) -> FolderInfo {
    FolderInfo {
        id: record.id,
        name: display_name(&record.path),
        path: record.path.display().to_string(),
        exists: record.path.is_dir(),
    }
}
