//! What follows her typing: the live lint, the rules' help, the preview, and
//! the links she opens from it.

use super::CommandResult;
use crate::state::AppState;
use dateline_core::drafting::{LintView, RuleDoc};
use dateline_core::Error;
use tauri::{AppHandle, State};
use tauri_plugin_opener::OpenerExt;

/// Lints the editor's text (on a worker thread; the UI drops stale answers),
/// without the workspace's lock: a watcher batch never delays it. It does
/// not wait for spelling and grammar of much new text: the proofreader
/// checks that, then `ProofreadingDone` asks the window to lint again.
#[tauri::command]
#[specta::specta]
pub async fn lint_text(state: State<'_, AppState>, text: String) -> CommandResult<LintView> {
    let config = state.lint_config.get();
    let Some(proofreader) = &state.proofreader else {
        return Ok(dateline_core::drafting::lint_view(&text, &config));
    };
    let view = dateline_core::drafting::lint_view_now(&text, &config);
    if view.proofreading {
        proofreader.request(&text, config);
    }
    Ok(view)
}

#[tauri::command]
#[specta::specta]
pub async fn list_rules() -> CommandResult<Vec<RuleDoc>> {
    Ok(dateline_core::drafting::rule_docs())
}

/// Sanitized HTML of the draft, for the preview pane.
#[tauri::command]
#[specta::specta]
pub async fn render_preview(text: String) -> CommandResult<String> {
    Ok(dateline_core::preview::render_preview(&text))
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

/// "Add to team dictionary": the word goes into the folder's
/// `dateline-words.txt`, shared with every teammate; true when it was not
/// there yet. The next lint accepts it.
#[tauri::command]
#[specta::specta]
pub async fn add_team_word(state: State<'_, AppState>, word: String) -> CommandResult<bool> {
    super::with_workspace(&state, |ws| ws.add_team_word(&word))
}
