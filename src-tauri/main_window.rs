//! The main window, made in code from its `tauri.conf.json` entry (which
//! says `"create": false`): its web view keeps its data in the app's local
//! data folder, and when that folder cannot be made (a read-only or full
//! home, a locked-down machine) Dateline must still start, so the web view
//! then gets a throwaway folder of its own.

use std::path::PathBuf;
use tauri::Manager;

pub fn create(app: &tauri::App) -> tauri::Result<()> {
    let config = app
        .config()
        .app
        .windows
        .iter()
        .find(|w| w.label == "main")
        .expect("tauri.conf.json describes the main window");
    let mut builder = tauri::WebviewWindowBuilder::from_config(app.handle(), config)?;
    if let Some(fallback) = fallback_data_dir(app) {
        builder = builder.data_directory(fallback);
    }
    builder.build()?;
    Ok(())
}

/// None when the usual folder exists or can be made (Tauri uses it then);
/// otherwise a folder of this process's own under the temporary folder.
fn fallback_data_dir(app: &tauri::App) -> Option<PathBuf> {
    let usual = app.path().app_local_data_dir().ok()?;
    let err = std::fs::create_dir_all(&usual).err()?;
    eprintln!(
        "dateline: the web view's data folder {} cannot be made ({err}); using a temporary one",
        usual.display()
    );
    let temp = std::env::temp_dir().join(format!("dateline-webview-{}", std::process::id()));
    std::fs::create_dir_all(&temp).ok()?;
    Some(temp)
}
