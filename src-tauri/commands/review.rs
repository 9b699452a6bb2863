//! Review: two versions side by side, comments, threads and verdicts.

use super::{with_workspace, CommandResult};
use crate::state::AppState;
use dateline_core::store::DraftId;
use dateline_core::workspace::{
    AcceptOutcome, CriticImportView, ReviewView, ReviewerIdentity, SuggestionsView, TextRange, ThreadAction,
    VersionPick,
};
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

/// Suggests `after` in place of `range` (UTF-16) of the text `on` shows
/// (empty `after`: a deletion; empty range: an insertion). Returns its id.
#[tauri::command]
#[specta::specta]
pub async fn add_suggestion(
    state: State<'_, AppState>,
    id: DraftId,
    on: VersionPick,
    range: TextRange,
    after: String,
    note: String,
) -> CommandResult<String> {
    with_workspace(&state, |ws| ws.add_suggestion(id, on, range, &after, &note))
}

/// Suggests from the editor: `text` is what it shows, which must be the
/// saved draft; `range` (UTF-16) and `after` as in [`add_suggestion`].
#[tauri::command]
#[specta::specta]
pub async fn suggest_in_editor(
    state: State<'_, AppState>,
    id: DraftId,
    text: String,
    range: TextRange,
    after: String,
    note: String,
) -> CommandResult<String> {
    with_workspace(&state, |ws| ws.suggest_in_editor(id, &text, range, &after, &note))
}

/// The draft's suggestions placed in the editor's current `text`.
#[tauri::command]
#[specta::specta]
pub async fn list_suggestions(
    state: State<'_, AppState>,
    id: DraftId,
    text: String,
) -> CommandResult<SuggestionsView> {
    with_workspace(&state, |ws| ws.suggestions(id, &text))
}

/// Accepts one suggestion against the editor's `text`: the edits for the
/// editor to apply (one undoable change), or why it was refused.
#[tauri::command]
#[specta::specta]
pub async fn accept_suggestion(
    state: State<'_, AppState>,
    id: DraftId,
    suggestion: String,
    text: String,
) -> CommandResult<AcceptOutcome> {
    with_workspace(&state, |ws| ws.accept_suggestion(id, &suggestion, &text))
}

/// Accepts every undecided suggestion of one reviewer that still fits.
#[tauri::command]
#[specta::specta]
pub async fn accept_all_suggestions(
    state: State<'_, AppState>,
    id: DraftId,
    reviewer: String,
    text: String,
) -> CommandResult<AcceptOutcome> {
    with_workspace(&state, |ws| ws.accept_all_suggestions(id, &reviewer, &text))
}

/// Keeps the text, with an optional reply.
#[tauri::command]
#[specta::specta]
pub async fn reject_suggestion(
    state: State<'_, AppState>,
    id: DraftId,
    suggestion: String,
    reply: String,
) -> CommandResult<()> {
    with_workspace(&state, |ws| ws.reject_suggestion(id, &suggestion, &reply))
}

/// Rejects every undecided suggestion of one reviewer; returns how many.
#[tauri::command]
#[specta::specta]
pub async fn reject_all_suggestions(
    state: State<'_, AppState>,
    id: DraftId,
    reviewer: String,
    reply: String,
) -> CommandResult<u32> {
    with_workspace(&state, |ws| ws.reject_all_suggestions(id, &reviewer, &reply))
}

/// Turns the CriticMarkup in the editor's `text` into suggestions and
/// comments by the author named; returns the text without the marks for
/// the editor to take as one undoable edit.
#[tauri::command]
#[specta::specta]
pub async fn import_critic_markup(
    state: State<'_, AppState>,
    id: DraftId,
    text: String,
    name: String,
    email: String,
) -> CommandResult<CriticImportView> {
    with_workspace(&state, |ws| ws.import_critic_markup(id, &text, &name, &email))
}
