//! Saving the editor's text, and keeping unsaved text against a crash.

use super::{with_workspace, CommandResult};
use crate::state::AppState;
use dateline_core::store::DraftId;
use dateline_core::workspace::{DraftSummary, SavedDraft};
use tauri::State;

#[tauri::command]
#[specta::specta]
pub async fn save_draft(
    state: State<'_, AppState>,
    draft_id: DraftId,
    text: String,
) -> CommandResult<SavedDraft> {
    with_workspace(&state, |ws| ws.save_draft(draft_id, &text))
}

/// Saves the editor's text as a new file beside the draft (after a conflict).
#[tauri::command]
#[specta::specta]
pub async fn save_draft_copy(
    state: State<'_, AppState>,
    draft_id: DraftId,
    text: String,
) -> CommandResult<DraftSummary> {
    with_workspace(&state, |ws| ws.save_copy(draft_id, &text))
}

/// Keeps unsaved text in the crash journal.
#[tauri::command]
#[specta::specta]
pub async fn journal_draft(state: State<'_, AppState>, draft_id: DraftId, text: String) -> CommandResult<()> {
    with_workspace(&state, |ws| ws.journal(draft_id, &text))
}

#[tauri::command]
#[specta::specta]
pub async fn discard_changes(state: State<'_, AppState>, draft_id: DraftId) -> CommandResult<()> {
    with_workspace(&state, |ws| ws.discard_changes(draft_id))
}
