//! The app state Tauri manages: the core workspace behind a mutex, the
//! editor's lint configuration and proofreader, and what was asked for on
//! the command line.

use crate::events::ProofreadingDone;
use dateline_core::drafting::LintConfig;
use dateline_core::proofreading::BackgroundProofreader;
use dateline_core::store::Store;
use dateline_core::Workspace;
use std::path::PathBuf;
use std::sync::Mutex;
use tauri::{App, Manager};

pub struct AppState {
    pub workspace: parking_lot::Mutex<Workspace>,
    /// The open folder's lint configuration, read without the workspace's
    /// lock so that a keystroke's lint never waits behind folder work.
    pub lint_config: LintConfig,
    /// Proofreads what the editor's lint did not wait for (None: its
    /// thread could not start, and the lint waits for Harper instead).
    pub proofreader: Option<BackgroundProofreader>,
    /// A folder or draft named on the command line (or by the file manager).
    pub requested: Option<PathBuf>,
    /// What a second launch asked for, until the window takes it.
    open_request: Mutex<Option<PathBuf>>,
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
    let handle = app.handle().clone();
    let proofreader = BackgroundProofreader::start(move || crate::events::send(&handle, ProofreadingDone))
        .inspect_err(|e| eprintln!("dateline: spelling is checked before each lint answers ({e})"))
        .ok();
    app.manage(AppState {
        lint_config: workspace.lint_config(),
        proofreader,
        workspace: parking_lot::Mutex::new(workspace),
        requested: requested_path(std::env::args_os().skip(1), None),
        open_request: Mutex::new(None),
    });
}

/// The database in the OS app-data folder; never inside a drafts folder.
fn open_store(app: &App) -> Result<(Store, Option<String>), String> {
    let dir = app.path().app_data_dir().map_err(|e| {
        format!("Dateline found no app-data folder ({e}); settings will not be remembered this time.")
    })?;
    Store::open_or_recover(&dir.join(DATABASE_FILE)).map_err(|e| {
        eprintln!("dateline: cannot open {}: {e}", dir.display());
        format!("Dateline's own data folder, {}, cannot be opened or written (read-only, full or not allowed). Settings, history and the crash journal last only until Dateline quits this time, so save your drafts as you go.", dir.display())
    })
}

/// The first argument that is not a flag: `dateline-app ~/drafts` or
/// `dateline-app ~/drafts/launch.md`, made absolute against the folder the
/// launch came from (a second launch hands over its own working folder).
pub fn requested_path<S: Into<std::ffi::OsString>>(
    args: impl IntoIterator<Item = S>,
    cwd: Option<&std::path::Path>,
) -> Option<PathBuf> {
    let arg = args
        .into_iter()
        .map(Into::into)
        .find(|a| !a.to_string_lossy().starts_with('-'))?;
    let path = PathBuf::from(arg);
    Some(match cwd {
        Some(cwd) if path.is_relative() => cwd.join(path),
        _ => path,
    })
}

impl AppState {
    /// Keeps what a second launch asked for; the window then takes it.
    pub fn request_open(&self, path: PathBuf) {
        *self.open_request.lock().unwrap_or_else(|p| p.into_inner()) = Some(path);
    }

    /// Whether a later launch handed something over that the window has not
    /// taken yet (the window asks about unsaved edits only then).
    pub fn has_open_request(&self) -> bool {
        self.open_request
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .is_some()
    }

    pub fn take_open_request(&self) -> Option<PathBuf> {
        self.open_request.lock().unwrap_or_else(|p| p.into_inner()).take()
    }
}

#[cfg(test)]
mod tests {
    use super::requested_path;
    use std::path::{Path, PathBuf};

    #[test]
    fn the_first_plain_argument_is_the_request_made_absolute() {
        let cwd = Path::new("/home/pm");
        assert_eq!(
            requested_path(["--flag", "drafts/launch.md"], Some(cwd)),
            Some(PathBuf::from("/home/pm/drafts/launch.md"))
        );
        assert_eq!(
            requested_path(["/abs/x.md"], Some(cwd)),
            Some(PathBuf::from("/abs/x.md"))
        );
        assert_eq!(requested_path(["-v"], Some(cwd)), None);
        assert_eq!(requested_path(["rel"], None), Some(PathBuf::from("rel")));
    }
}
