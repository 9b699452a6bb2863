//! A draft's saved versions: listing, reading and restoring them.

use super::{with_workspace, CommandResult};
use crate::state::AppState;
use dateline_core::store::DraftId;
use dateline_core::workspace::{SavedDraft, VersionView};
use tauri::State;

#[tauri::command]
#[specta::specta]
pub async fn list_versions(state: State<'_, AppState>, draft_id: DraftId) -> CommandResult<Vec<VersionView>> {
    with_workspace(&state, |ws| ws.versions(draft_id))
}

#[tauri::command]
#[specta::specta]
pub async fn read_version(
    state: State<'_, AppState>,
    draft_id: DraftId,
    version_id: u32,
) -> CommandResult<String> {
    with_workspace(&state, |ws| ws.version_text(draft_id, version_id))
}

/// Writes an old version back to the file, recorded as a new version.
#[tauri::command]
#[specta::specta]
pub async fn restore_version(
    state: State<'_, AppState>,
    draft_id: DraftId,
    version_id: u32,
) -> CommandResult<SavedDraft> {
    with_workspace(&state, |ws| ws.restore_version(draft_id, version_id))
}
