//! Watches the open drafts folder (notify, debounced) and tells the window
//! which drafts changed on disk. The window then refreshes the list and, for
//! the open draft, reloads it or warns, asking the core whether the change
//! is really someone else's (the app's own saves are not).

use dateline_core::folder::draft_rel_path;
use notify::RecursiveMode;
use notify_debouncer_full::{new_debouncer, DebounceEventResult, Debouncer, RecommendedCache};
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::time::Duration;
use tauri::{AppHandle, Emitter};

pub const DRAFTS_CHANGED: &str = "drafts-changed";
/// Editors and sync clients write in bursts; one event per burst is enough.
const DEBOUNCE: Duration = Duration::from_millis(150);

pub type FolderWatcher = Debouncer<notify::RecommendedWatcher, RecommendedCache>;

/// The payload of a `drafts-changed` event.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct DraftsChanged {
    /// Drafts created, edited, renamed or removed, relative to the folder.
    pub rel_paths: Vec<String>,
    /// Something happened that cannot be pinned to drafts (a folder moved,
    /// the watcher lost events): re-read everything.
    pub rescan: bool,
}

/// Starts watching `root`; the watch ends when the returned value is dropped.
pub fn watch(app: AppHandle, root: PathBuf) -> notify::Result<FolderWatcher> {
    let events_root = root.clone();
    let mut debouncer = new_debouncer(DEBOUNCE, None, move |result: DebounceEventResult| {
        if let Some(change) = summarize(&events_root, result) {
            let _ = app.emit(DRAFTS_CHANGED, change);
        }
    })?;
    debouncer.watch(&root, RecursiveMode::Recursive)?;
    Ok(debouncer)
}

fn summarize(root: &Path, result: DebounceEventResult) -> Option<DraftsChanged> {
    let events = match result {
        Ok(events) => events,
        Err(_) => {
            return Some(DraftsChanged {
                rel_paths: Vec::new(),
                rescan: true,
            })
        }
    };
    let mut change = DraftsChanged {
        rel_paths: Vec::new(),
        rescan: false,
    };
    for event in &events {
        change.rescan |= event.need_rescan();
        for path in &event.paths {
            match draft_rel_path(root, path) {
                Some(rel) if !change.rel_paths.contains(&rel) => change.rel_paths.push(rel),
                Some(_) => {}
                // A folder (no extension) appearing or vanishing moves drafts with it.
                None => change.rescan |= path.extension().is_none() && !is_hidden(root, path),
            }
        }
    }
    (change.rescan || !change.rel_paths.is_empty()).then_some(change)
}

fn is_hidden(root: &Path, path: &Path) -> bool {
    path.strip_prefix(root)
        .map(|rel| {
            rel.components()
                .any(|c| c.as_os_str().to_string_lossy().starts_with('.'))
        })
        .unwrap_or(true)
}
