//! Start-up and a second launch: what the window shows first, and a draft or
//! folder a later launch handed over.

use super::{switching_folder, CommandResult};
use crate::state::AppState;
use dateline_core::workspace::{PathOpened, Startup};
use tauri::{AppHandle, State};

/// What the window shows first: recent folders, the reopened folder and draft.
#[tauri::command]
#[specta::specta]
pub async fn start_up(app: AppHandle, state: State<'_, AppState>) -> CommandResult<Startup> {
    let requested = state.requested.clone();
    switching_folder(&app, &state, |ws| ws.startup(requested.as_deref()))
}

/// Whether a later launch handed over a draft or folder still to be opened.
#[tauri::command]
#[specta::specta]
pub async fn has_open_request(state: State<'_, AppState>) -> CommandResult<bool> {
    Ok(state.has_open_request())
}

/// Opens what a later launch handed over (a draft opened from the file
/// manager while Dateline was running); `None` when nothing is waiting.
#[tauri::command]
#[specta::specta]
pub async fn take_open_request(
    app: AppHandle,
    state: State<'_, AppState>,
) -> CommandResult<Option<PathOpened>> {
    let Some(path) = state.take_open_request() else {
        return Ok(None);
    };
    let opened = switching_folder(&app, &state, |ws| ws.open_path(&path));
    opened.map(Some)
}
