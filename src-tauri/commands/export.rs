//! Export: the page count as she sets it up, and the file, where she picks or
//! beside the draft.

use super::{with_workspace, CommandResult};
use crate::state::AppState;
use dateline_core::export::{ExportOutcome, ExportRequest, PageCount};
use dateline_core::store::DraftId;
use dateline_core::Error;
use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;

/// The page count the PDF would have, measured on the real layout.
#[tauri::command]
#[specta::specta]
pub async fn count_export_pages(text: String, request: ExportRequest) -> CommandResult<PageCount> {
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
