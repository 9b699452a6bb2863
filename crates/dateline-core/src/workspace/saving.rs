//! The save rules: a save writes in the file's own format, never over bytes
//! someone else changed, and never through a link out of the folder.

use super::naming::free_copy_path;
use super::{DraftSummary, SavedDraft, Workspace};
use crate::error::{display_name, Error, Result};
use crate::folder;
use crate::store::DraftId;
use crate::text;
use dateline_files::{write_atomic, write_atomic_new};
use std::fs;
use std::path::{Path, PathBuf};

impl Workspace {
    /// Saves editor text over the draft, in the file's own format, unless
    /// the file changed on disk since it was read.
    pub fn save_draft(&mut self, id: DraftId, text: &str) -> Result<SavedDraft> {
        self.save_as(id, text, "save")
    }

    pub(super) fn save_as(&mut self, id: DraftId, text: &str, source: &str) -> Result<SavedDraft> {
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
        // Her file is saved from here on: Dateline's own records failing
        // (its data folder full or read-only) must not report the save as
        // failed, or she would save again and again for nothing.
        let warning = self
            .record_save(id, source, text)
            .err()
            .map(|e| unrecorded_save(&target, &e));
        // The list shows the new title and readiness without waiting for the
        // watcher; the save itself is done, so a failure here only waits for it.
        if let Ok((_, rel_path)) = self.store.draft_location(id) {
            let _ = self.apply_changes(&[rel_path], false);
        }
        Ok(SavedDraft {
            id,
            size_bytes: meta.len() as f64,
            modified_ms: folder::modified_ms(&meta),
            warning,
        })
    }

    /// What a save leaves in Dateline's own data: the journal emptied, a
    /// version, the suggestions it took.
    fn record_save(&mut self, id: DraftId, source: &str, text: &str) -> Result<()> {
        self.store.clear_journal(id)?;
        if let Some(version) = self.record_version(id, source, text)? {
            self.note_taken_suggestions(id, version)?;
        }
        Ok(())
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
    pub(super) fn save_error(&self, err: &std::io::Error, path: &Path) -> Error {
        match self.current() {
            Ok(open) if !open.root.is_dir() => folder::folder_missing(&open.root),
            _ => Error::from_io(err, "saving", path),
        }
    }
}

/// The notice for a save whose file is written but whose records are not.
fn unrecorded_save(target: &Path, err: &Error) -> String {
    let why = match err {
        Error::DiskFull(_) => "the disk holding Dateline's own data is full",
        _ => "Dateline's own data folder cannot be written",
    };
    format!(
        "“{}” is saved, but {why}: this version is not in its history, and unsaved text cannot be kept against a crash until there is room. Free some space or fix that folder's permissions.",
        display_name(target)
    )
}
