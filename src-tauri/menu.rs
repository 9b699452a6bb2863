//! The native menu bar: File, Edit, View and Help with each platform's usual
//! shortcuts, and the About box. Items that act on the draft are handed to
//! the window as a [`MenuChosen`](crate::events::MenuChosen) event naming a
//! [`MenuAction`]. [`ITEMS`] is the one shortcut table: the bindings export
//! it as `MENU_ITEMS`, from which the window builds its key handling.

use serde::Serialize;
use specta::Type;
use tauri::menu::{AboutMetadata, Menu, MenuBuilder, MenuItem, PredefinedMenuItem, SubmenuBuilder};
use tauri::{AppHandle, Runtime};

/// What a menu item asks the window to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub enum MenuAction {
    NewDraft,
    ImportWord,
    RenameDraft,
    OpenFolder,
    Save,
    Export,
    Find,
    /// Propose new wording for the selection without changing the text.
    SuggestEdit,
    NextProblem,
    PreviousProblem,
    TogglePreview,
    ZoomIn,
    ZoomOut,
    ZoomReset,
    /// The keyboard shortcuts, listed from this same table.
    ShowShortcuts,
    /// Close the window, asking first about unsaved edits.
    Quit,
}

/// One forwarded item: its action, label and accelerator, and whether the
/// web view acts on the accelerator itself when it has the key first.
#[derive(Clone, Copy, Serialize, Type)]
pub struct Item {
    pub action: MenuAction,
    #[serde(skip)]
    id: &'static str,
    pub label: &'static str,
    /// None: the item has no shortcut.
    pub accelerator: Option<&'static str>,
    pub webview: bool,
}

/// Quit is the menu's alone: the web view never closes the window on a key.
#[rustfmt::skip]
pub const ITEMS: &[Item] = &[
    item(MenuAction::NewDraft, "newDraft", "New Draft…", Some("CmdOrCtrl+N"), true),
    item(MenuAction::ImportWord, "importWord", "Import Word Document…", None, true),
    item(MenuAction::RenameDraft, "renameDraft", "Rename Draft…", Some("F2"), true),
    item(MenuAction::OpenFolder, "openFolder", "Open Folder…", Some("CmdOrCtrl+O"), true),
    item(MenuAction::Save, "save", "Save", Some("CmdOrCtrl+S"), true),
    item(MenuAction::Export, "export", "Export…", Some("CmdOrCtrl+E"), true),
    item(MenuAction::Find, "find", "Find…", Some("CmdOrCtrl+F"), true),
    item(MenuAction::SuggestEdit, "suggestEdit", "Suggest Edit…", Some("CmdOrCtrl+Alt+S"), true),
    item(MenuAction::NextProblem, "nextProblem", "Next Problem", Some("F8"), true),
    item(MenuAction::PreviousProblem, "previousProblem", "Previous Problem", Some("Shift+F8"), true),
    item(MenuAction::TogglePreview, "togglePreview", "Toggle Preview", Some("CmdOrCtrl+Shift+P"), true),
    item(MenuAction::ZoomIn, "zoomIn", "Zoom In", Some("CmdOrCtrl+="), true),
    item(MenuAction::ZoomOut, "zoomOut", "Zoom Out", Some("CmdOrCtrl+-"), true),
    item(MenuAction::ZoomReset, "zoomReset", "Actual Size", Some("CmdOrCtrl+0"), true),
    item(MenuAction::ShowShortcuts, "showShortcuts", "Keyboard Shortcuts", Some("F1"), true),
    item(MenuAction::Quit, "quit", "Quit Dateline", Some("CmdOrCtrl+Q"), false),
];

const COPYRIGHT: &str = "© 2026 The Dateline authors";

const fn item(
    action: MenuAction,
    id: &'static str,
    label: &'static str,
    accelerator: Option<&'static str>,
    webview: bool,
) -> Item {
    Item {
        action,
        id,
        label,
        accelerator,
        webview,
    }
}

fn menu_item<R: Runtime>(app: &AppHandle<R>, action: MenuAction) -> tauri::Result<MenuItem<R>> {
    let item = ITEMS
        .iter()
        .find(|i| i.action == action)
        .expect("every action has an item");
    MenuItem::with_id(app, item.id, item.label, true, item.accelerator)
}

/// Builds the menu bar for this platform.
pub fn build<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<Menu<R>> {
    let macos = cfg!(target_os = "macos");
    let about = PredefinedMenuItem::about(app, Some("About Dateline"), Some(about_metadata(app)))?;
    // Quit is the window's own, not the platform's: it asks about unsaved edits first.
    let quit = menu_item(app, MenuAction::Quit)?;
    let mut file = SubmenuBuilder::new(app, "File")
        .item(&menu_item(app, MenuAction::NewDraft)?)
        .item(&menu_item(app, MenuAction::ImportWord)?)
        .item(&menu_item(app, MenuAction::RenameDraft)?)
        .item(&menu_item(app, MenuAction::OpenFolder)?)
        .separator()
        .item(&menu_item(app, MenuAction::Save)?)
        .item(&menu_item(app, MenuAction::Export)?);
    if !macos {
        file = file.separator().item(&quit);
    }
    let view = SubmenuBuilder::new(app, "View")
        .item(&menu_item(app, MenuAction::TogglePreview)?)
        .separator()
        .item(&menu_item(app, MenuAction::ZoomIn)?)
        .item(&menu_item(app, MenuAction::ZoomOut)?)
        .item(&menu_item(app, MenuAction::ZoomReset)?)
        .separator()
        .item(&menu_item(app, MenuAction::NextProblem)?)
        .item(&menu_item(app, MenuAction::PreviousProblem)?)
        .build()?;
    let mut bar = MenuBuilder::new(app);
    if macos {
        // The application menu, first on macOS, holds About, Hide and Quit.
        let app_menu = SubmenuBuilder::new(app, "Dateline")
            .item(&about)
            .separator()
            .services()
            .separator()
            .hide()
            .hide_others()
            .show_all()
            .separator()
            .item(&quit)
            .build()?;
        bar = bar.item(&app_menu);
    }
    bar = bar.item(&file.build()?).item(&edit_menu(app)?).item(&view);
    let mut help = SubmenuBuilder::new(app, "Help").item(&menu_item(app, MenuAction::ShowShortcuts)?);
    if !macos {
        help = help.separator().item(&about);
    }
    bar.item(&help.build()?).build()
}

/// On macOS the clipboard shortcuts only reach the web view through these
/// menu items. Elsewhere the web view handles them itself, and a native item
/// would take the keys away from it, so the menu holds Find and Suggest Edit only.
fn edit_menu<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<tauri::menu::Submenu<R>> {
    let edit = SubmenuBuilder::new(app, "Edit");
    let edit = if cfg!(target_os = "macos") {
        edit.undo()
            .redo()
            .separator()
            .cut()
            .copy()
            .paste()
            .select_all()
            .separator()
    } else {
        edit
    };
    edit.item(&menu_item(app, MenuAction::Find)?)
        .item(&menu_item(app, MenuAction::SuggestEdit)?)
        .build()
}

fn about_metadata<R: Runtime>(app: &AppHandle<R>) -> AboutMetadata<'static> {
    let info = app.package_info();
    AboutMetadata {
        name: Some(info.name.clone()),
        version: Some(info.version.to_string()),
        short_version: None,
        comments: Some("Draft and review working-backwards press releases.".into()),
        copyright: Some(COPYRIGHT.into()),
        license: Some(env!("CARGO_PKG_LICENSE").into()),
        icon: app.default_window_icon().map(|icon| icon.clone().to_owned()),
        ..Default::default()
    }
}

/// The action a menu item id stands for; `None` for the platform's own items.
pub fn action_for(id: &str) -> Option<MenuAction> {
    ITEMS.iter().find(|i| i.id == id).map(|i| i.action)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn each_item_id_is_what_its_action_serializes_to() {
        for item in ITEMS {
            assert_eq!(serde_json::to_value(item.action).unwrap(), item.id);
            assert_eq!(action_for(item.id), Some(item.action));
        }
        assert_eq!(
            action_for("about"),
            None,
            "the platform's own items are not forwarded"
        );
    }

    #[test]
    fn ids_and_shortcuts_are_unique() {
        let ids: HashSet<_> = ITEMS.iter().map(|i| i.id).collect();
        let keys: Vec<_> = ITEMS.iter().filter_map(|i| i.accelerator).collect();
        assert_eq!(ids.len(), ITEMS.len());
        assert_eq!(keys.iter().collect::<HashSet<_>>().len(), keys.len());
    }
}
