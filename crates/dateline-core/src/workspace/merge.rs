//! Merging someone else's version into the editor's unsaved text: a draft
//! changed on disk while it had unsaved edits, or a sync client's conflict
//! copy. The window gets the merge as chunks (clean text with where it came
//! from, conflicts with both sides), lets the user choose, and builds the
//! result itself; nothing is written until she saves. Both sides of a
//! conflict are kept in the history first.

use super::Workspace;
use crate::error::{display_name, Error, Result};
use crate::folder;
use crate::store::DraftId;
use crate::text;
use dateline_review::merge::{three_way, two_way, Chunk, Merge};
use serde::Serialize;
use std::fs;

/// A merge for the window.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct MergeView {
    /// Where "theirs" came from, for the heading ("on disk", or the copy's name).
    pub theirs_label: String,
    /// Their whole text (what the file holds, when it is the disk version).
    pub theirs_text: String,
    pub chunks: Vec<MergeChunk>,
    pub conflicts: u32,
    /// Names the disk version merged in; `adopt_disk` takes it back once the
    /// merge is applied, so the next save replaces exactly that version.
    pub disk_token: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum MergeChunk {
    /// Text both agree on; `incoming` when it is the other side's change.
    Clean {
        text: String,
        incoming: bool,
    },
    Conflict {
        ours: String,
        theirs: String,
    },
}

impl MergeView {
    fn new(
        theirs_label: String,
        theirs_text: String,
        merge: &Merge,
        disk_token: Option<String>,
    ) -> MergeView {
        let chunks = merge
            .chunks
            .iter()
            .map(|chunk| match chunk {
                Chunk::Clean { text, origin } => MergeChunk::Clean {
                    text: text.clone(),
                    incoming: matches!(origin, dateline_review::merge::Origin::Theirs),
                },
                Chunk::Conflict { ours, theirs, .. } => MergeChunk::Conflict {
                    ours: ours.clone(),
                    theirs: theirs.clone(),
                },
            })
            .collect();
        MergeView {
            theirs_label,
            theirs_text,
            chunks,
            conflicts: merge.conflicts() as u32,
            disk_token,
        }
    }
}

impl Workspace {
    /// Merges the draft's file as it is now into the editor's `mine`,
    /// against the text the editor last loaded or saved.
    pub fn merge_from_disk(&mut self, id: DraftId, mine: &str) -> Result<MergeView> {
        let path = self.draft_path(id)?;
        let bytes = folder::read_draft_bytes(&path, &self.current()?.root)?;
        let theirs = editable_text(&bytes, &path)?;
        let base = match self.docs.get(&id).and_then(|d| d.base_text.clone()) {
            Some(base) => base,
            None => self.store.latest_version_text(id)?.unwrap_or_default(),
        };
        let merge = three_way(&base, mine, &theirs);
        self.keep_both_sides(id, &merge, mine, &theirs)?;
        let token = blake3::hash(&bytes).to_hex().to_string();
        Ok(MergeView::new("on disk".into(), theirs, &merge, Some(token)))
    }

    /// Merges a conflict copy into the editor's `mine` (the original draft's
    /// text), against the newest version of the draft from before the copy
    /// was made; with none, two-way (nothing deleted, replacements conflict).
    pub fn merge_conflict_copy(&mut self, id: DraftId, copy: DraftId, mine: &str) -> Result<MergeView> {
        let copy_path = self.draft_path(copy)?;
        let bytes = folder::read_draft_bytes(&copy_path, &self.current()?.root)?;
        let theirs = editable_text(&bytes, &copy_path)?;
        let copy_ms = fs::metadata(&copy_path)
            .map(|m| folder::modified_ms(&m) as i64)
            .unwrap_or(i64::MAX);
        let merge = match self
            .store
            .versions(id)?
            .into_iter()
            .find(|v| v.created_ms <= copy_ms)
        {
            Some(v) => three_way(&self.store.version_text(id, v.id)?, mine, &theirs),
            None => two_way(mine, &theirs),
        };
        self.keep_both_sides(id, &merge, mine, &theirs)?;
        Ok(MergeView::new(display_name(&copy_path), theirs, &merge, None))
    }

    /// After a merge from disk is applied: the editor's text is now based on
    /// that disk version, so saving replaces it (and only it).
    pub fn adopt_disk(&mut self, id: DraftId, token: &str) -> Result<()> {
        let path = self.draft_path(id)?;
        let bytes = folder::read_draft_bytes(&path, &self.current()?.root)?;
        if blake3::hash(&bytes).to_hex().as_str() != token {
            return Err(Error::Conflict(format!(
                "“{}” changed on disk again while you were merging; merge again to take that change in too.",
                display_name(&path)
            )));
        }
        let decoded = text::decode(&bytes);
        let doc = self
            .docs
            .get_mut(&id)
            .ok_or_else(|| Error::InvalidInput("Open the draft first.".into()))?;
        doc.disk_hash = Some(blake3::hash(&bytes));
        doc.format = decoded.format;
        doc.base_text = Some(decoded.text);
        Ok(())
    }

    /// Takes a conflict copy away once its text is merged: its text becomes
    /// a version of the original draft first, so nothing is lost.
    pub fn dismiss_conflict_copy(&mut self, id: DraftId, copy: DraftId) -> Result<()> {
        let copy_path = self.draft_path(copy)?;
        let bytes = folder::read_draft_bytes(&copy_path, &self.current()?.root)?;
        let theirs = editable_text(&bytes, &copy_path)?;
        self.record_version(id, "conflict-copy", &theirs)?;
        fs::remove_file(&copy_path).map_err(|e| Error::from_io(&e, "removing", &copy_path))?;
        let (_, rel_path) = self.store.draft_location(copy)?;
        self.apply_changes(&[rel_path], false)?;
        Ok(())
    }

    /// With a conflict, both sides go into the history before anyone chooses.
    fn keep_both_sides(&self, id: DraftId, merge: &Merge, mine: &str, theirs: &str) -> Result<()> {
        if merge.is_clean() {
            return Ok(());
        }
        for (source, text) in [("external", theirs), ("unsaved", mine)] {
            if self.store.latest_version_text(id)?.as_deref() != Some(text) {
                self.record_version(id, source, text)?;
            }
        }
        Ok(())
    }
}

/// A file's text for merging; text that is not UTF-8 is never merged.
fn editable_text(bytes: &[u8], path: &std::path::Path) -> Result<String> {
    let decoded = text::decode(bytes);
    if decoded.invalid.is_some() {
        return Err(Error::ReadOnly(format!(
            "“{}” is not valid UTF-8 text, so it cannot be merged; open it in another editor.",
            display_name(path)
        )));
    }
    Ok(decoded.text)
}
