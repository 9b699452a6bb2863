//! The events the backend sends the window. tauri-specta generates their
//! names and payloads into the bindings (`events.…` in `ui/src/bindings.ts`)
//! beside the commands, so neither side spells an event name by hand.

use crate::menu::MenuAction;
use serde::Serialize;
use specta::Type;
use tauri_specta::{collect_events, Event, Events};

/// Drafts in the open folder changed on disk: someone else's edit, the
/// app's own save, or a reconcile that found something.
#[derive(Clone, Serialize, Type, Event)]
pub struct DraftsChangedOnDisk(pub dateline_core::watch::DraftsChanged);

/// A menu item was chosen (clicked, or its accelerator pressed where the
/// platform gives accelerators to the menu).
#[derive(Clone, Serialize, Type, Event)]
pub struct MenuChosen(pub MenuAction);

/// A later launch asked for a draft or folder; the window takes the request.
#[derive(Clone, Serialize, Type, Event)]
pub struct OpenRequested;

/// Spelling and grammar the editor's lint left for later are ready: the
/// window lints its text again (at once, now).
#[derive(Clone, Serialize, Type, Event)]
pub struct ProofreadingDone;

/// Every event, for the builder: registered with Tauri and exported together.
pub fn all() -> Events {
    collect_events![DraftsChangedOnDisk, MenuChosen, OpenRequested, ProofreadingDone]
}

/// Hands a chosen menu item to the window; the platform's own items
/// (About, Hide) are not the window's.
pub fn forward_menu(app: &tauri::AppHandle, item_id: &str) {
    if let Some(action) = crate::menu::action_for(item_id) {
        send(app, MenuChosen(action));
    }
}

/// Sends an event to the window. A failure means the window is gone, and
/// there is no one left to tell.
pub fn send<E: Event + Serialize + Clone>(app: &tauri::AppHandle, event: E) {
    let _ = event.emit(app);
}
