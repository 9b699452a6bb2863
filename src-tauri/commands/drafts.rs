//! Opening, creating and renaming a draft.

use super::{with_workspace, CommandResult};
use crate::state::AppState;
use dateline_core::store::DraftId;
use dateline_core::workspace::{DraftSummary, OpenedDraft};
use tauri::State;

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
