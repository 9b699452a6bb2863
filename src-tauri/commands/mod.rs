//! IPC commands, one module per flow (the flows ARCHITECTURE.md names).
//! Each command locks the workspace and delegates to the core; the web view
//! names drafts and folders by id, and paths only ever come from the
//! backend itself (native dialog, command line).
//!
//! Adding a command: write it in its flow's module, name it in [`list`],
//! and grant it in tauri.conf.json's capability (a test in lib.rs fails
//! until the two lists agree).

mod drafts;
mod export;
mod folders;
mod history;
mod outside;
mod review;
mod saving;
mod startup;
mod typing;
mod window;

pub use window::restore_zoom;

use crate::state::AppState;
use dateline_core::{Error, Workspace};
use tauri::AppHandle;
use tauri_specta::{collect_commands, Commands};

type CommandResult<T> = Result<T, Error>;

/// Every command, for the builder: registered with Tauri and exported as
/// TypeScript bindings from the same list.
pub fn list() -> Commands<tauri::Wry> {
    collect_commands![
        startup::start_up,
        startup::has_open_request,
        startup::take_open_request,
        folders::choose_folder,
        folders::open_recent_folder,
        folders::list_recent_folders,
        folders::forget_folder,
        folders::refresh_folder,
        drafts::open_draft,
        saving::save_draft,
        saving::save_draft_copy,
        typing::open_link,
        drafts::create_draft,
        drafts::import_word,
        typing::lint_text,
        typing::add_team_word,
        typing::list_rules,
        typing::render_preview,
        saving::journal_draft,
        saving::discard_changes,
        history::list_versions,
        history::read_version,
        history::restore_version,
        outside::check_disk_change,
        drafts::locate_draft,
        drafts::rename_draft,
        export::count_export_pages,
        export::export_draft,
        export::export_draft_beside,
        review::open_review,
        review::add_comment,
        review::act_on_thread,
        review::set_verdict,
        review::set_reviewer,
        review::add_suggestion,
        review::suggest_in_editor,
        review::list_suggestions,
        review::accept_suggestion,
        review::accept_all_suggestions,
        review::reject_suggestion,
        review::reject_all_suggestions,
        review::import_critic_markup,
        folders::list_drafts,
        folders::search_drafts,
        folders::restore_deleted,
        outside::merge_from_disk,
        outside::merge_conflict_copy,
        outside::adopt_disk,
        outside::dismiss_conflict_copy,
        window::zoom_window,
    ]
}

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

/// `with_whole_folder` for work that may change which folder is open: the
/// watch then follows, whether it worked or not (a failed open may still
/// have closed the previous folder).
fn switching_folder<T>(
    app: &AppHandle,
    state: &AppState,
    f: impl FnOnce(&mut Workspace) -> CommandResult<T>,
) -> CommandResult<T> {
    let result = with_whole_folder(state, f);
    crate::watcher::rewatch(app);
    result
}
