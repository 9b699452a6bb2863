//! Keeps the SQLite index of a drafts folder equal to the folder: a full
//! reconcile against a walk (on open, on rescan signals, periodically), or an
//! update of the paths the watcher named. Files whose size and time did not
//! change are not re-read; a file renamed on disk (same bytes under a new
//! name) keeps its id and history; a vanished draft is marked deleted with
//! its last text kept as a version, never purged; a file that suddenly
//! empties or shrinks to less than half gets a snapshot of what it held.

use crate::error::{display_name, Result};
use crate::folder::{self, DraftFile, Skipped};
use crate::store::{now_ms, DraftId, FileFacts, FolderId, IndexRow, IndexedFile, NewVersion, Store};
use crate::text;
use dateline_lint::{Config, SectionKind};
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};
use std::fs;
use std::path::Path;

/// A title longer than this is not a headline; the list cuts it.
const MAX_TITLE_CHARS: usize = 200;

/// The index of one open folder, over the store's connection.
pub struct FolderIndex<'a> {
    pub store: &'a Store,
    pub folder: FolderId,
    pub root: &'a Path,
    pub config: &'a Config,
}

/// What a reconcile found besides the drafts.
pub struct Reconciled {
    pub changed: bool,
    pub skipped: Vec<Skipped>,
}

impl FolderIndex<'_> {
    /// Makes the index equal a fresh walk of the folder.
    pub fn reconcile(&self) -> Result<Reconciled> {
        let scan = folder::scan(self.root)?;
        folder::remove_leftover_temps(&scan);
        self.reconcile_scan(scan)
    }

    /// Makes the index equal `scan`, a walk of the folder made just before
    /// (files may have gone since: see [`apply`](Self::apply)).
    fn reconcile_scan(&self, scan: folder::Scan) -> Result<Reconciled> {
        let rows = self.store.index_rows(self.folder)?;
        let by_path: HashMap<&str, &IndexRow> = rows.iter().map(|r| (r.rel_path.as_str(), r)).collect();
        let on_disk: HashSet<&str> = scan.drafts.iter().map(|d| d.rel_path.as_str()).collect();
        let stale: Vec<&DraftFile> = scan
            .drafts
            .iter()
            .filter(|file| {
                by_path
                    .get(file.rel_path.as_str())
                    .is_none_or(|row| !is_current(row, file))
            })
            .collect();
        let vanished: Vec<&IndexRow> = rows
            .iter()
            .filter(|r| r.deleted_ms.is_none() && !on_disk.contains(r.rel_path.as_str()))
            .collect();
        let changed = self.apply(&stale, &vanished, &by_path)?;
        Ok(Reconciled {
            changed,
            skipped: scan.skipped,
        })
    }

    /// Brings the named drafts (relative paths from the watcher) up to date.
    /// Returns whether the index changed.
    pub fn update(&self, rel_paths: &[String]) -> Result<bool> {
        let rows = self.store.index_rows(self.folder)?;
        let by_path: HashMap<&str, &IndexRow> = rows.iter().map(|r| (r.rel_path.as_str(), r)).collect();
        let canonical_root = self
            .root
            .canonicalize()
            .map_err(|_| folder::folder_missing(self.root))?;
        let mut present = Vec::new();
        let mut vanished = Vec::new();
        for rel in rel_paths {
            match folder::stat_draft(self.root, &canonical_root, rel) {
                Some(file) => present.push(file),
                None => vanished.extend(by_path.get(rel.as_str()).filter(|r| r.deleted_ms.is_none())),
            }
        }
        // Named paths are re-read whatever their size and time say: two
        // same-length writes within a clock tick look unchanged to stat.
        let stale: Vec<&DraftFile> = present.iter().collect();
        self.apply(&stale, &vanished, &by_path)
    }

    /// Reads the stale files (in parallel: first opens read thousands), then
    /// writes everything in one transaction. A file gone between the walk
    /// and the read (its folder vanished mid-reconcile) counts as vanished:
    /// indexing it as unreadable would drop the last text the index held.
    fn apply(
        &self,
        stale: &[&DraftFile],
        vanished: &[&IndexRow],
        by_path: &HashMap<&str, &IndexRow>,
    ) -> Result<bool> {
        if stale.is_empty() && vanished.is_empty() {
            return Ok(false);
        }
        let read: Vec<(&DraftFile, Option<IndexedFile>)> = stale
            .par_iter()
            .map(|file| (*file, read_indexed(self.root, file, self.config)))
            .collect();
        let mut gone: Vec<&IndexRow> = vanished.to_vec();
        let read: Vec<(&DraftFile, IndexedFile)> = read
            .into_iter()
            .filter_map(|(file, indexed)| match indexed {
                Some(indexed) => Some((file, indexed)),
                None => {
                    gone.extend(
                        by_path
                            .get(file.rel_path.as_str())
                            .filter(|r| r.deleted_ms.is_none()),
                    );
                    None
                }
            })
            .collect();
        let mut renames: Vec<(&str, &str)> = Vec::new();
        self.store.in_transaction(|store| {
            let mut gone = gone.clone();
            for (file, indexed) in &read {
                match by_path.get(file.rel_path.as_str()) {
                    Some(row) if row.facts.hash == indexed.facts.hash => {
                        store.touch_index(row.id, indexed.facts.size, indexed.facts.modified_ms)?
                    }
                    Some(row) => self.reindex(row.id, indexed)?,
                    None => renames.extend(self.add(file, indexed, &mut gone)?),
                }
            }
            for row in gone {
                self.mark_gone(row)?;
            }
            Ok(())
        })?;
        for (from, to) in renames {
            move_comments(self.root, from, to);
        }
        Ok(true)
    }

    /// A file new to the index: a renamed draft (same bytes as one that just
    /// vanished) keeps its id, and is returned as `(old path, new path)`;
    /// otherwise it gets an id of its own.
    fn add<'f>(
        &self,
        file: &'f DraftFile,
        indexed: &IndexedFile,
        gone: &mut Vec<&'f IndexRow>,
    ) -> Result<Option<(&'f str, &'f str)>> {
        let renamed_from = gone
            .iter()
            .position(|row| row.facts.hash == indexed.facts.hash && indexed.facts.problem.is_none());
        let (id, renamed) = match renamed_from {
            Some(i) if !self.store.knows_draft(self.folder, &file.rel_path)? => {
                let row = gone.swap_remove(i);
                self.store.move_draft(row.id, &file.rel_path)?;
                (row.id, Some((row.rel_path.as_str(), file.rel_path.as_str())))
            }
            _ => (self.store.draft_id(self.folder, &file.rel_path)?, None),
        };
        self.reindex(id, indexed)?;
        Ok(renamed)
    }

    /// New content for a known draft: snapshots first, then the row.
    fn reindex(&self, id: DraftId, indexed: &IndexedFile) -> Result<()> {
        let previous = self.store.indexed_text(id)?;
        if let (Some(before), Some(now)) = (&previous, &indexed.body) {
            if shrank(before, now) {
                self.snapshot(id, "before-shrink", before)?;
            }
        }
        // A draft with a history gets every outside change into it.
        if let Some(now) = &indexed.body {
            if self
                .store
                .latest_version_text(id)?
                .is_some_and(|latest| &latest != now)
            {
                self.snapshot(id, "external", now)?;
            }
        }
        self.store.put_index(id, indexed)
    }

    /// The file is gone: its last text joins the history, the row is marked.
    fn mark_gone(&self, row: &IndexRow) -> Result<()> {
        if let Some(text) = self.store.indexed_text(row.id)? {
            self.snapshot(row.id, "deleted", &text)?;
        }
        self.store.mark_deleted(row.id, now_ms())
    }

    /// Adds `text` to the draft's history unless it is already the newest version.
    fn snapshot(&self, id: DraftId, source: &str, text: &str) -> Result<()> {
        if self.store.latest_version_text(id)?.as_deref() == Some(text) {
            return Ok(());
        }
        add_version(self.store, id, source, text, self.config)?;
        Ok(())
    }
}

/// Takes the review comments of a renamed draft along to its new name.
/// When that fails they stay in the old name's review folder, unlost.
pub(crate) fn move_comments(root: &Path, from: &str, to: &str) {
    if let Err(err) = dateline_review::folder::move_review_dir(root, from, to) {
        eprintln!(
            "dateline: the comments on “{from}” could not follow it to “{to}” ({err}); they are still in {}",
            dateline_review::folder::review_dir(root, from).display()
        );
    }
}

/// Adds `text` to a draft's history with its readiness and word count.
pub(crate) fn add_version(
    store: &Store,
    id: DraftId,
    source: &str,
    text: &str,
    config: &Config,
) -> Result<u32> {
    let report = dateline_lint::lint(text, config);
    store.add_version(
        id,
        &NewVersion {
            source,
            text,
            score: report.score,
            words: (report.words.press_release + report.words.faq) as u32,
        },
    )
}

fn is_current(row: &IndexRow, file: &DraftFile) -> bool {
    row.deleted_ms.is_none()
        && row.facts.size == file.size
        && row.facts.modified_ms == file.modified_ms as i64
}

/// Emptied, or cut to less than half: the kind of change that loses words
/// (a sync client's truncation, a bad paste-over) rather than an edit.
fn shrank(before: &str, now: &str) -> bool {
    !before.trim().is_empty() && (now.trim().is_empty() || now.len() * 2 < before.len())
}

/// Reads and describes one draft file; a file that cannot be read as a
/// draft is indexed with the reason instead of its text.
/// The file's facts and text; `None` when it no longer exists.
fn read_indexed(root: &Path, file: &DraftFile, config: &Config) -> Option<IndexedFile> {
    let path = root.join(&file.rel_path);
    let mut facts = FileFacts {
        size: file.size,
        modified_ms: file.modified_ms as i64,
        ..FileFacts::default()
    };
    let bytes = match folder::read_draft_bytes(&path, root) {
        Ok(bytes) => bytes,
        Err(_) if fs::symlink_metadata(&path).is_err() => return None,
        Err(err) => {
            facts.hash = format!("unreadable:{}:{}", file.size, file.modified_ms);
            facts.title = file_stem(&path);
            facts.problem = Some(err.to_string());
            return Some(IndexedFile { facts, body: None });
        }
    };
    facts.hash = blake3::hash(&bytes).to_hex().to_string();
    let body = text::decode(&bytes).text;
    let about = describe(&body, config);
    facts.title = about.title.unwrap_or_else(|| file_stem(&path));
    facts.owner = about.owner;
    facts.status = about.status;
    facts.score = about.score;
    facts.words = about.words;
    // The snippet brackets are private-use characters; a draft must not fake them.
    let body = Some(body.replace(['\u{E000}', '\u{E001}'], ""));
    Some(IndexedFile { facts, body })
}

/// A file's name without `.md`: the title of a draft without a headline.
fn file_stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| display_name(path))
}

/// What the list shows of a draft, from its text.
#[derive(Debug, Default, PartialEq)]
pub struct Description {
    pub title: Option<String>,
    pub owner: String,
    pub status: String,
    pub score: u8,
    pub words: u32,
}

/// Title (front matter `title:`, else the headline), owner and status (front
/// matter `owner:` or `author:`, `status:`), readiness and words.
pub fn describe(text: &str, config: &Config) -> Description {
    let report = dateline_lint::lint(text, config);
    let front = front_matter(text);
    let headline = report
        .section(SectionKind::Headline)
        .and_then(|s| text.get(s.start..s.end))
        .map(plain_line);
    let title = front
        .get("title")
        .cloned()
        .or(headline)
        .filter(|t| !t.is_empty())
        .map(|t| t.chars().take(MAX_TITLE_CHARS).collect());
    let owner = front
        .get("owner")
        .or(front.get("author"))
        .cloned()
        .unwrap_or_default();
    Description {
        title,
        owner,
        status: front.get("status").cloned().unwrap_or_default(),
        score: report.score,
        words: (report.words.press_release + report.words.faq) as u32,
    }
}

/// The first line of a block without Markdown heading marks or emphasis.
fn plain_line(block: &str) -> String {
    let line = block.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    line.trim()
        .trim_start_matches('#')
        .trim_matches(|c: char| c == '*' || c == '_' || c.is_whitespace())
        .to_string()
}

/// The simple `key: value` lines of YAML front matter (lists and nesting are
/// not what the list shows).
fn front_matter(text: &str) -> HashMap<String, String> {
    let mut keys = HashMap::new();
    let mut lines = text.lines();
    if lines.next().map(str::trim_end) != Some("---") {
        return keys;
    }
    for line in lines {
        if matches!(line.trim_end(), "---" | "...") {
            return keys;
        }
        if let Some((key, value)) = line.split_once(':') {
            let value = value.trim().trim_matches(|c| c == '"' || c == '\'').trim();
            if !key.starts_with(char::is_whitespace) && !value.is_empty() {
                keys.insert(key.trim().to_ascii_lowercase(), value.to_string());
            }
        }
    }
    // No closing line: not front matter at all.
    HashMap::new()
}

#[cfg(test)]
mod tests;
