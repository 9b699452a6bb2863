//! Edits made outside the app: whether the open draft changed on disk, and
//! merging that version or a sync client's conflict copy into the editor.

use super::{with_workspace, CommandResult};
use crate::state::AppState;
use dateline_core::store::DraftId;
use dateline_core::workspace::MergeView;
use tauri::State;

/// True when someone else changed the open draft's file since the editor
/// read or wrote it (the watcher's events include the app's own saves).
#[tauri::command]
#[specta::specta]
pub async fn check_disk_change(state: State<'_, AppState>, draft_id: DraftId) -> CommandResult<bool> {
    with_workspace(&state, |ws| ws.changed_on_disk(draft_id))
}

/// Merges the draft as it is on disk into the editor's unsaved `text`.
#[tauri::command]
#[specta::specta]
pub async fn merge_from_disk(
    state: State<'_, AppState>,
    draft_id: DraftId,
    text: String,
) -> CommandResult<MergeView> {
    with_workspace(&state, |ws| ws.merge_from_disk(draft_id, &text))
}

/// Merges a sync client's conflict copy into the draft's editor `text`.
#[tauri::command]
#[specta::specta]
pub async fn merge_conflict_copy(
    state: State<'_, AppState>,
    draft_id: DraftId,
    copy_id: DraftId,
    text: String,
) -> CommandResult<MergeView> {
    with_workspace(&state, |ws| ws.merge_conflict_copy(draft_id, copy_id, &text))
}

/// After a merge from disk is applied, the next save replaces that disk version.
#[tauri::command]
#[specta::specta]
pub async fn adopt_disk(state: State<'_, AppState>, draft_id: DraftId, token: String) -> CommandResult<()> {
    with_workspace(&state, |ws| ws.adopt_disk(draft_id, &token))
}

/// Removes a merged conflict copy (its text stays in the draft's history).
#[tauri::command]
#[specta::specta]
pub async fn dismiss_conflict_copy(
    state: State<'_, AppState>,
    draft_id: DraftId,
    copy_id: DraftId,
) -> CommandResult<()> {
    with_workspace(&state, |ws| ws.dismiss_conflict_copy(draft_id, copy_id))
}
