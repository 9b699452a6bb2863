// The app's own commands get generated `allow-<command>` permissions, so the
// window's capability (in tauri.conf.json) grants them one by one.
fn main() {
    let manifest = tauri_build::AppManifest::new().commands(&[
        "startup",
        "choose_folder",
        "open_recent_folder",
        "recent_folders",
        "forget_folder",
        "refresh_folder",
        "open_draft",
        "save_draft",
        "save_draft_copy",
        "open_link",
    ]);
    tauri_build::try_build(tauri_build::Attributes::new().app_manifest(manifest))
        .expect("tauri build script failed");
}
