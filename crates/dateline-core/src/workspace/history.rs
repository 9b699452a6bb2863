//! A draft's history: versions kept on open and save, and restoring an old
//! version or a deleted draft without replacing anything.

use super::{DraftSummary, SavedDraft, VersionView, Workspace};
use crate::error::{display_name, Error, Result};
use crate::store::DraftId;
use dateline_files::write_atomic_new;
use dateline_lint::Config;

impl Workspace {
    /// Adds `text` to the draft's history, unless the newest version holds
    /// it already (a second save of the same text is no new version); the
    /// new version's id if one was added.
    pub(super) fn record_version(&self, id: DraftId, source: &str, text: &str) -> Result<Option<u32>> {
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
}
