//! The naming policy: new drafts, renames and free names for copies, each
//! a single safe path component that never replaces another file.

use super::{DraftSummary, Workspace};
use crate::error::{Error, Result};
use crate::folder;
use crate::store::DraftId;
use dateline_files::{rename_noclobber, write_atomic_new};
use std::path::{Path, PathBuf};

impl Workspace {
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
    pub(super) fn index_new_file(&mut self, rel_path: &str) -> Result<DraftSummary> {
        self.apply_changes(&[rel_path.to_string()], false)?;
        self.listed_draft(rel_path)?
            .ok_or_else(|| Error::Io(format!("“{rel_path}” was written but could not be listed.")))
    }
}

/// A safe file name for a new draft: one path component, `.md` added.
pub(super) fn draft_file_name(name: &str) -> Result<String> {
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
pub(super) fn free_copy_path(path: &Path) -> Result<PathBuf> {
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
pub(super) fn free_marked_path(
    dir: &Path,
    stem: &str,
    ext: &str,
    label: &str,
    plain_first: bool,
) -> Result<PathBuf> {
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
