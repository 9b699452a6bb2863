//! IPC commands. Each one locks the workspace and delegates to the core; the
//! web view names drafts and folders by id, and paths only ever come from
//! the backend itself (native dialog, command line).

use crate::state::AppState;
use dateline_core::drafting::{LintView, RuleDoc};
use dateline_core::export::{ExportOutcome, ExportRequest, PageCount};
use dateline_core::store::SearchHit;
use dateline_core::store::{DraftId, FolderId};
use dateline_core::workspace::{
    DraftSummary, FolderInfo, FolderListing, ListQuery, MergeView, OpenedDraft, PathOpened, ReviewView,
    ReviewerIdentity, SavedDraft, Startup, TextRange, ThreadAction, VersionPick, VersionView,
};
use dateline_core::{Error, Workspace};
use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;
use tauri_plugin_opener::OpenerExt;

type CommandResult<T> = Result<T, Error>;

/// Search results shown as she types; more than a screenful is noise.
const SEARCH_RESULTS: u32 = 50;

fn with_workspace<T>(
    state: &AppState,
    f: impl FnOnce(&mut Workspace) -> CommandResult<T>,
) -> CommandResult<T> {
    // parking_lot's lock is not poisoned: a panic while holding it does not
    // brick every later command.
    f(&mut state.workspace.lock())
}

/// `with_workspace` for work over the whole folder (opening, listing), which
/// leaves freed heap behind that is worth handing back.
fn with_whole_folder<T>(
    state: &AppState,
    f: impl FnOnce(&mut Workspace) -> CommandResult<T>,
) -> CommandResult<T> {
    let result = with_workspace(state, f);
    crate::memory::release_freed();
    result
}

/// What the window shows first: recent folders, the reopened folder and draft.
#[tauri::command]
#[specta::specta]
pub async fn startup(app: AppHandle, state: State<'_, AppState>) -> CommandResult<Startup> {
    let requested = state.requested.clone();
    let startup = with_whole_folder(&state, |ws| ws.startup(requested.as_deref()));
    crate::watcher::rewatch(&app);
    startup
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
    let opened = with_workspace(&state, |ws| ws.open_path(&path));
    crate::watcher::rewatch(&app);
    opened.map(Some)
}

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
    let listing = with_whole_folder(&state, |ws| ws.open_folder_path(&path));
    crate::watcher::rewatch(&app);
    listing.map(Some)
}

#[tauri::command]
#[specta::specta]
pub async fn open_recent_folder(
    app: AppHandle,
    state: State<'_, AppState>,
    folder_id: FolderId,
) -> CommandResult<FolderListing> {
    let listing = with_whole_folder(&state, |ws| ws.open_recent(folder_id));
    crate::watcher::rewatch(&app);
    listing
}

#[tauri::command]
#[specta::specta]
pub async fn recent_folders(state: State<'_, AppState>) -> CommandResult<Vec<FolderInfo>> {
    with_workspace(&state, |ws| ws.recent_folders())
}

#[tauri::command]
#[specta::specta]
pub async fn forget_folder(
    app: AppHandle,
    state: State<'_, AppState>,
    folder_id: FolderId,
) -> CommandResult<Vec<FolderInfo>> {
    let recent = with_workspace(&state, |ws| ws.forget_folder(folder_id));
    crate::watcher::rewatch(&app);
    recent
}

#[tauri::command]
#[specta::specta]
pub async fn refresh_folder(state: State<'_, AppState>) -> CommandResult<FolderListing> {
    with_whole_folder(&state, |ws| ws.refresh())
}

#[tauri::command]
#[specta::specta]
pub async fn open_draft(state: State<'_, AppState>, draft_id: DraftId) -> CommandResult<OpenedDraft> {
    with_workspace(&state, |ws| ws.open_draft(draft_id))
}

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

/// Opens a web or mail link in the system's browser or mail client, never in
/// the app window.
#[tauri::command]
#[specta::specta]
pub async fn open_link(app: AppHandle, url: String) -> CommandResult<()> {
    if !crate::navigation::is_external_link(&url) {
        return Err(Error::InvalidInput(format!(
            "Only web and mail links can be opened, not “{url}”."
        )));
    }
    app.opener()
        .open_url(&url, None::<&str>)
        .map_err(|e| Error::Io(format!("The link could not be opened: {e}.")))
}

/// Creates a draft from the PR/FAQ template in the open folder.
#[tauri::command]
#[specta::specta]
pub async fn create_draft(state: State<'_, AppState>, name: String) -> CommandResult<DraftSummary> {
    with_workspace(&state, |ws| ws.create_draft(&name))
}

/// Lints the editor's text (on a worker thread; the UI drops stale answers),
/// without the workspace's lock: a watcher batch never delays it.
#[tauri::command]
#[specta::specta]
pub async fn lint_text(state: State<'_, AppState>, text: String) -> CommandResult<LintView> {
    Ok(dateline_core::drafting::lint_view(
        &text,
        &state.lint_config.get(),
    ))
}

#[tauri::command]
#[specta::specta]
pub async fn lint_rules() -> CommandResult<Vec<RuleDoc>> {
    Ok(dateline_core::drafting::rule_docs())
}

/// Sanitized HTML of the draft, for the preview pane.
#[tauri::command]
#[specta::specta]
pub async fn render_preview(text: String) -> CommandResult<String> {
    Ok(dateline_core::preview::render_preview(&text))
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

#[tauri::command]
#[specta::specta]
pub async fn list_versions(state: State<'_, AppState>, draft_id: DraftId) -> CommandResult<Vec<VersionView>> {
    with_workspace(&state, |ws| ws.versions(draft_id))
}

#[tauri::command]
#[specta::specta]
pub async fn version_text(
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

/// True when someone else changed the open draft's file since the editor
/// read or wrote it (the watcher's events include the app's own saves).
#[tauri::command]
#[specta::specta]
pub async fn changed_on_disk(state: State<'_, AppState>, draft_id: DraftId) -> CommandResult<bool> {
    with_workspace(&state, |ws| ws.changed_on_disk(draft_id))
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
pub async fn draft_rel_path(state: State<'_, AppState>, draft_id: DraftId) -> CommandResult<String> {
    with_workspace(&state, |ws| ws.draft_rel_path(draft_id))
}

/// The page count the PDF would have, measured on the real layout.
#[tauri::command]
#[specta::specta]
pub async fn export_page_count(text: String, request: ExportRequest) -> CommandResult<PageCount> {
    dateline_core::export::page_count(&text, &request)
}

/// Exports the editor's text where the user picks in the native save
/// dialog; `None` when the dialog is cancelled.
#[tauri::command]
#[specta::specta]
pub async fn export_draft(
    app: AppHandle,
    state: State<'_, AppState>,
    draft_id: DraftId,
    text: String,
    request: ExportRequest,
) -> CommandResult<Option<ExportOutcome>> {
    let (dir, name) = with_workspace(&state, |ws| {
        let draft = ws.draft_path(draft_id)?;
        Ok((
            draft.parent().map(|p| p.to_path_buf()),
            ws.export_file_name(draft_id, request.format)?,
        ))
    })?;
    let ext = dateline_core::export::extension(request.format);
    let mut dialog = app
        .dialog()
        .file()
        .set_title("Export")
        .set_file_name(name)
        .add_filter(ext, &[ext]);
    if let Some(dir) = dir {
        dialog = dialog.set_directory(dir);
    }
    let Some(picked) = dialog.blocking_save_file() else {
        return Ok(None);
    };
    let target = picked
        .into_path()
        .map_err(|e| Error::InvalidInput(format!("That place cannot be written: {e}.")))?;
    with_workspace(&state, |ws| ws.export_to(draft_id, &text, &request, &target)).map(Some)
}

/// Exports the editor's text next to the draft (`launch.pdf`).
#[tauri::command]
#[specta::specta]
pub async fn export_draft_beside(
    state: State<'_, AppState>,
    draft_id: DraftId,
    text: String,
    request: ExportRequest,
) -> CommandResult<ExportOutcome> {
    with_workspace(&state, |ws| ws.export_beside(draft_id, &text, &request))
}

// ---- review ---------------------------------------------------------------

/// Two versions of a draft side by side, with its comments and verdicts.
#[tauri::command]
#[specta::specta]
pub async fn review_open(
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
pub async fn review_comment(
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
pub async fn review_thread(
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
pub async fn review_verdict(
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

// ---- the shared folder -----------------------------------------------------

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
