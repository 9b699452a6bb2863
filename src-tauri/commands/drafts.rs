//! Opening, creating (from the template or a Word document) and renaming a draft.

use super::{with_workspace, CommandResult};
use crate::state::AppState;
use dateline_core::store::DraftId;
use dateline_core::workspace::{DraftSummary, ImportedWord, OpenedDraft};
use dateline_core::Error;
use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;

#[tauri::command]
#[specta::specta]
pub async fn open_draft(state: State<'_, AppState>, draft_id: DraftId) -> CommandResult<OpenedDraft> {
    with_workspace(&state, |ws| ws.open_draft(draft_id))
}

/// Creates a draft from the PR/FAQ template in the open folder.
#[tauri::command]
#[specta::specta]
pub async fn create_draft(state: State<'_, AppState>, name: String) -> CommandResult<DraftSummary> {
    with_workspace(&state, |ws| ws.create_draft(&name))
}

/// Renames the draft within its folder, never over another file; returns
/// its new path relative to the folder.
#[tauri::command]
#[specta::specta]
pub async fn rename_draft(
    state: State<'_, AppState>,
    draft_id: DraftId,
    name: String,
) -> CommandResult<String> {
    with_workspace(&state, |ws| ws.rename_draft(draft_id, &name))
}

/// Where the draft is now, relative to the folder (it may have been renamed).
#[tauri::command]
#[specta::specta]
pub async fn locate_draft(state: State<'_, AppState>, draft_id: DraftId) -> CommandResult<String> {
    with_workspace(&state, |ws| ws.draft_rel_path(draft_id))
}

/// Shows the native file picker for a Word document and imports it as a
/// new draft in the open folder; `None` when the user cancels.
#[tauri::command]
#[specta::specta]
pub async fn import_word(app: AppHandle, state: State<'_, AppState>) -> CommandResult<Option<ImportedWord>> {
    let picked = app
        .dialog()
        .file()
        .set_title("Import a Word document")
        .add_filter("Word document", &["docx"])
        .blocking_pick_file();
    let Some(picked) = picked else { return Ok(None) };
    let path = picked
        .into_path()
        .map_err(|e| Error::InvalidInput(format!("That file cannot be opened: {e}.")))?;
    with_workspace(&state, |ws| ws.import_word(&path)).map(Some)
}
