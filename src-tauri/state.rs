//! The app state Tauri manages: the core workspace behind a mutex, and what
//! was asked for on the command line.

use dateline_core::store::Store;
use dateline_core::Workspace;
use std::path::PathBuf;
use std::sync::Mutex;
use tauri::{App, Manager};

pub struct AppState {
    pub workspace: Mutex<Workspace>,
    /// Watches the open folder; replaced whenever another folder opens.
    pub watcher: Mutex<Option<crate::watcher::FolderWatcher>>,
    /// A folder or draft named on the command line (or by the file manager).
    pub requested: Option<PathBuf>,
}

const DATABASE_FILE: &str = "dateline.db";

pub fn install(app: &mut App) {
    let workspace = match open_store(app) {
        Ok((store, note)) => {
            let mut ws = Workspace::new(store);
            if let Some(note) = note {
                ws.add_notice(note);
            }
            ws
        }
        // Never refuse to start over settings: run with a throwaway store and say so.
        Err(reason) => {
            let mut ws = Workspace::new(Store::open_in_memory().expect("in-memory SQLite always opens"));
            ws.add_notice(reason);
            ws
        }
    };
    app.manage(AppState {
        workspace: Mutex::new(workspace),
        watcher: Mutex::new(None),
        requested: requested_path(),
    });
}

/// The database in the OS app-data folder; never inside a drafts folder.
fn open_store(app: &App) -> Result<(Store, Option<String>), String> {
    let dir = app.path().app_data_dir().map_err(|e| {
        format!("Dateline found no app-data folder ({e}); settings will not be remembered this time.")
    })?;
    Store::open_or_recover(&dir.join(DATABASE_FILE)).map_err(|e| {
        format!("Dateline's settings could not be opened ({e}); they will not be remembered this time.")
    })
}

/// The first argument that is not a flag: `dateline-app ~/drafts` or
/// `dateline-app ~/drafts/launch.md`.
fn requested_path() -> Option<PathBuf> {
    std::env::args_os()
        .skip(1)
        .find(|a| !a.to_string_lossy().starts_with('-'))
        .map(PathBuf::from)
}

impl AppState {
    /// Watches the folder now open (or nothing). A folder that cannot be
    /// watched still works; the list then refreshes on focus and on save.
    pub fn rewatch(&self, app: &tauri::AppHandle) {
        let root = self.workspace.lock().unwrap_or_else(|p| p.into_inner()).root();
        let watcher = root.and_then(|root| match crate::watcher::watch(app.clone(), root.clone()) {
            Ok(watcher) => Some(watcher),
            Err(err) => {
                eprintln!("dateline: cannot watch {}: {err}", root.display());
                None
            }
        });
        *self.watcher.lock().unwrap_or_else(|p| p.into_inner()) = watcher;
    }
}
