//! The window itself: its zoom level, stepped by the zoom keys and
//! remembered across launches.

use super::{with_workspace, CommandResult};
use crate::state::AppState;
use dateline_core::workspace::ZoomStep;
use dateline_core::Error;
use tauri::{State, WebviewWindow};

/// Zooms the whole window a step in, out or back to actual size; returns the new level.
#[tauri::command]
#[specta::specta]
pub async fn zoom_window(
    window: WebviewWindow,
    state: State<'_, AppState>,
    step: ZoomStep,
) -> CommandResult<f64> {
    let level = with_workspace(&state, |ws| ws.zoom(step))?;
    apply_zoom(&window, level)?;
    Ok(level)
}

/// Sets the web view's page zoom: text, layout and hit-testing scale together.
pub fn apply_zoom(window: &WebviewWindow, level: f64) -> CommandResult<()> {
    window
        .set_zoom(level)
        .map_err(|e| Error::Io(format!("The window could not be zoomed: {e}.")))
}

/// At start-up: the level remembered from the last launch.
pub fn restore_zoom(app: &tauri::AppHandle) {
    use tauri::Manager;
    let (Some(window), Some(state)) = (app.get_webview_window("main"), app.try_state::<AppState>()) else {
        return;
    };
    let level = state.workspace.lock().zoom_level();
    if level != 1.0 {
        if let Err(err) = apply_zoom(&window, level) {
            eprintln!("dateline: {err}");
        }
    }
}
