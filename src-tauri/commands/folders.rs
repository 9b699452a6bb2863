//! The drafts folder: choosing and reopening one, its list as indexed, search,
//! and bringing back a draft deleted outside the app.

use super::{switching_folder, with_whole_folder, with_workspace, CommandResult};
use crate::state::AppState;
use dateline_core::store::{DraftId, FolderId, SearchHit};
use dateline_core::workspace::{DraftSummary, FolderInfo, FolderListing, ListQuery};
use dateline_core::Error;
use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;

/// Search results shown as she types; more than a screenful is noise.
const SEARCH_RESULTS: u32 = 50;

/// Shows the native folder picker; `None` when the user cancels.
#[tauri::command]
#[specta::specta]
pub async fn choose_folder(
    app: AppHandle,
    state: State<'_, AppState>,
) -> CommandResult<Option<FolderListing>> {
    let picked = app
        .dialog()
        .file()
        .set_title("Choose your drafts folder")
        .blocking_pick_folder();
    let Some(picked) = picked else { return Ok(None) };
    let path = picked
        .into_path()
        .map_err(|e| Error::InvalidInput(format!("That folder cannot be opened: {e}.")))?;
    let listing = switching_folder(&app, &state, |ws| ws.open_folder_path(&path));
    listing.map(Some)
}

#[tauri::command]
#[specta::specta]
pub async fn open_recent_folder(
    app: AppHandle,
    state: State<'_, AppState>,
    folder_id: FolderId,
) -> CommandResult<FolderListing> {
    switching_folder(&app, &state, |ws| ws.open_recent(folder_id))
}

#[tauri::command]
#[specta::specta]
pub async fn list_recent_folders(state: State<'_, AppState>) -> CommandResult<Vec<FolderInfo>> {
    with_workspace(&state, |ws| ws.recent_folders())
}

#[tauri::command]
#[specta::specta]
pub async fn forget_folder(
    app: AppHandle,
    state: State<'_, AppState>,
    folder_id: FolderId,
) -> CommandResult<Vec<FolderInfo>> {
    switching_folder(&app, &state, |ws| ws.forget_folder(folder_id))
}

#[tauri::command]
#[specta::specta]
pub async fn refresh_folder(state: State<'_, AppState>) -> CommandResult<FolderListing> {
    with_whole_folder(&state, |ws| ws.refresh())
}

/// The open folder's drafts as indexed, without walking the folder (the
/// watcher keeps the index current): the rows the window shows, in the
/// order and with the filter asked for (`None`: as last asked).
#[tauri::command]
#[specta::specta]
pub async fn list_drafts(
    state: State<'_, AppState>,
    query: Option<ListQuery>,
) -> CommandResult<FolderListing> {
    with_whole_folder(&state, |ws| ws.list_drafts(query))
}

/// Full-text search over the open folder's drafts, best first, with snippets.
#[tauri::command]
#[specta::specta]
pub async fn search_drafts(state: State<'_, AppState>, query: String) -> CommandResult<Vec<SearchHit>> {
    with_workspace(&state, |ws| ws.search(&query, SEARCH_RESULTS))
}

/// Writes a deleted draft's last text back to its file.
#[tauri::command]
#[specta::specta]
pub async fn restore_deleted(state: State<'_, AppState>, draft_id: DraftId) -> CommandResult<DraftSummary> {
    with_workspace(&state, |ws| ws.restore_deleted(draft_id))
}
