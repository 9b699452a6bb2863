//! The open-a-draft flow: where a draft's file is, reading it for the
//! editor, and the crash journal that keeps unsaved text.

use super::session::LAST_DRAFT;
use super::{OpenDoc, OpenedDraft, RecoveredText, Workspace};
use crate::error::{display_name, Error, Result};
use crate::folder;
use crate::store::DraftId;
use crate::text;
use std::fs;
use std::path::PathBuf;

impl Workspace {
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
}
