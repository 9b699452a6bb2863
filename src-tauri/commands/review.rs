//! Review: two versions side by side, comments, threads and verdicts.

use super::{with_workspace, CommandResult};
use crate::state::AppState;
use dateline_core::store::DraftId;
use dateline_core::workspace::{ReviewView, ReviewerIdentity, TextRange, ThreadAction, VersionPick};
use tauri::State;

/// Two versions of a draft side by side, with its comments and verdicts.
#[tauri::command]
#[specta::specta]
pub async fn open_review(
    state: State<'_, AppState>,
    id: DraftId,
    older: VersionPick,
    newer: VersionPick,
) -> CommandResult<ReviewView> {
    with_workspace(&state, |ws| ws.open_review(id, older, newer))
}

/// Comments on `range` (UTF-16) of the text `on` shows.
#[tauri::command]
#[specta::specta]
pub async fn add_comment(
    state: State<'_, AppState>,
    id: DraftId,
    on: VersionPick,
    range: TextRange,
    body: String,
) -> CommandResult<()> {
    with_workspace(&state, |ws| ws.add_comment(id, on, range, &body))
}

/// Replies to, resolves or sets the disposition of a comment thread.
#[tauri::command]
#[specta::specta]
pub async fn act_on_thread(
    state: State<'_, AppState>,
    id: DraftId,
    thread: String,
    action: ThreadAction,
) -> CommandResult<()> {
    with_workspace(&state, |ws| ws.act_on_thread(id, &thread, action))
}

/// Sets this reviewer's verdict for the round.
#[tauri::command]
#[specta::specta]
pub async fn set_verdict(
    state: State<'_, AppState>,
    id: DraftId,
    approve: bool,
    summary: String,
) -> CommandResult<()> {
    with_workspace(&state, |ws| ws.set_verdict(id, approve, &summary))
}

/// Who comments from this app (name and email, kept in the settings).
#[tauri::command]
#[specta::specta]
pub async fn set_reviewer(
    state: State<'_, AppState>,
    name: String,
    email: String,
) -> CommandResult<ReviewerIdentity> {
    with_workspace(&state, |ws| ws.set_reviewer(&name, &email))
}
