//! Watches the open drafts folder (the core's watcher: native events, or
//! polling on network shares, plus a periodic reconcile), brings the index
//! up to date and tells the window which drafts changed. The window then
//! refreshes the list and, for the open draft, reloads, merges or warns,
//! asking the core whether the change is really someone else's (the app's
//! own saves are not).

use crate::state::AppState;
use dateline_core::watch::{self, DraftsChanged, FolderWatcher, WatchError, WatchOptions};
use std::path::PathBuf;
use std::sync::Mutex;
use tauri::{AppHandle, Manager};

/// The watch on the open folder; replaced whenever another folder opens.
#[derive(Default)]
pub struct WatcherState(Mutex<Option<FolderWatcher>>);

/// Watches the folder now open (or nothing). A folder that cannot be
/// watched still works; the list then refreshes on focus and on save.
pub fn rewatch(app: &AppHandle) {
    let root = app.state::<AppState>().workspace.lock().root();
    let watcher = root.and_then(|root| match watch(app.clone(), root.clone()) {
        Ok(watcher) => Some(watcher),
        Err(err) => {
            eprintln!("dateline: cannot watch {}: {err}", root.display());
            None
        }
    });
    let state = app.state::<WatcherState>();
    *state.0.lock().unwrap_or_else(|p| p.into_inner()) = watcher;
}

/// Starts watching `root`; the watch ends when the returned value is dropped.
fn watch(app: AppHandle, root: PathBuf) -> Result<FolderWatcher, WatchError> {
    let options = WatchOptions::for_folder(&root);
    let watched = root.clone();
    watch::watch(root, options, move |change| {
        let tell_window = index_change(&app, &watched, &change);
        crate::memory::release_freed();
        if tell_window {
            crate::events::send(&app, crate::events::DraftsChangedOnDisk(change));
        }
    })
}

/// Drafts indexed per hold of the workspace lock: a sync client's burst of
/// thousands of files is indexed in steps of a few milliseconds each, and a
/// save, journal write or list request waiting on the lock goes in between.
const PATHS_PER_STEP: usize = 8;

/// Applies the change to the index; says whether the window should hear of
/// it (named drafts always, a reconcile only when it found something).
fn index_change(app: &AppHandle, watched: &PathBuf, change: &DraftsChanged) -> bool {
    let state = app.state::<AppState>();
    if change.config {
        let mut ws = state.workspace.lock();
        if ws.root().as_ref() == Some(watched) {
            // A broken file keeps the defaults; the window shows its problems on the relist.
            let _ = ws.reload_config();
        }
    }
    if change.rescan {
        return apply_step(&state, watched, &[], true).unwrap_or(false);
    }
    let mut changed = false;
    for step in change.rel_paths.chunks(PATHS_PER_STEP) {
        match apply_step(&state, watched, step, false) {
            Some(step_changed) => changed |= step_changed,
            None => return false,
        }
    }
    changed || change.config || !change.rel_paths.is_empty()
}

/// One step of an index update under the lock, handed fairly to a waiting
/// command afterwards. None when the folder was closed meanwhile (its
/// events are not this folder's).
fn apply_step(state: &AppState, watched: &PathBuf, rel_paths: &[String], rescan: bool) -> Option<bool> {
    let mut ws = state.workspace.lock();
    if ws.root().as_ref() != Some(watched) {
        return None;
    }
    let changed = match ws.apply_changes(rel_paths, rescan) {
        Ok(changed) => changed,
        // The window re-reads the folder and shows what is wrong (a vanished folder, say).
        Err(_) => true,
    };
    parking_lot::MutexGuard::unlock_fair(ws);
    Some(changed)
}
