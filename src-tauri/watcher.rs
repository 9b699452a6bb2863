//! Watches the open drafts folder (the core's watcher: native events, or
//! polling on network shares, plus a periodic reconcile), brings the index
//! up to date and tells the window which drafts changed. The window then
//! refreshes the list and, for the open draft, reloads, merges or warns,
//! asking the core whether the change is really someone else's (the app's
//! own saves are not).

use crate::state::AppState;
use dateline_core::watch::{self, DraftsChanged, FolderWatcher, WatchError, WatchOptions};
use std::path::PathBuf;
use tauri::{AppHandle, Emitter, Manager};

pub const DRAFTS_CHANGED: &str = "drafts-changed";

/// Starts watching `root`; the watch ends when the returned value is dropped.
pub fn watch(app: AppHandle, root: PathBuf) -> Result<FolderWatcher, WatchError> {
    let options = WatchOptions::for_folder(&root);
    let watched = root.clone();
    watch::watch(root, options, move |change| {
        let tell_window = index_change(&app, &watched, &change);
        crate::memory::release_freed();
        if tell_window {
            let _ = app.emit(DRAFTS_CHANGED, change);
        }
    })
}

/// Applies the change to the index; says whether the window should hear of
/// it (named drafts always, a reconcile only when it found something).
fn index_change(app: &AppHandle, watched: &PathBuf, change: &DraftsChanged) -> bool {
    let state = app.state::<AppState>();
    let mut ws = state.workspace.lock().unwrap_or_else(|p| p.into_inner());
    // Events of a folder that was closed meanwhile are not this folder's.
    if ws.root().as_ref() != Some(watched) {
        return false;
    }
    match ws.apply_changes(&change.rel_paths, change.rescan) {
        Ok(changed) => changed || !change.rel_paths.is_empty(),
        // The window re-reads the folder and shows what is wrong (a vanished folder, say).
        Err(_) => true,
    }
}
