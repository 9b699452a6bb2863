//! The one error type that crosses IPC. It serializes as
//! `{"kind": "...", "message": "..."}`: the UI branches on `kind` and shows
//! `message`, which is written for the person at the keyboard.

use serde::Serialize;
use std::io;
use std::path::Path;

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, specta::Type)]
#[serde(tag = "kind", content = "message", rename_all = "camelCase")]
// TypeScript has a global `Error`; the bindings call this one `AppError`.
#[specta(rename = "AppError")]
pub enum Error {
    /// No drafts folder is open yet.
    #[error("{0}")]
    NoFolder(String),
    /// The drafts folder was deleted, moved or unmounted.
    #[error("{0}")]
    FolderMissing(String),
    /// An id the backend does not know (stale UI, deleted file).
    #[error("{0}")]
    NotFound(String),
    /// The file exists but cannot be read.
    #[error("{0}")]
    Unreadable(String),
    /// Larger than a draft can sensibly be; not opened.
    #[error("{0}")]
    TooLarge(String),
    /// Not text at all.
    #[error("{0}")]
    Binary(String),
    /// The draft is open read-only (for example, it is not valid UTF-8).
    #[error("{0}")]
    ReadOnly(String),
    /// The file changed on disk since it was read: saving would overwrite
    /// someone else's words.
    #[error("{0}")]
    Conflict(String),
    /// The disk is full or over quota; nothing was written.
    #[error("{0}")]
    DiskFull(String),
    /// Any other file-system failure.
    #[error("{0}")]
    Io(String),
    /// The app's own database failed.
    #[error("{0}")]
    Storage(String),
    /// The request itself makes no sense (bad name, bad argument).
    #[error("{0}")]
    InvalidInput(String),
    /// A review record needs her name first (it goes into her own log).
    #[error("{0}")]
    NeedsReviewer(String),
}

impl Error {
    /// Maps an I/O failure on `path` while `doing` something ("saving") to
    /// the kind the UI can act on, with a message that names the file.
    pub fn from_io(err: &io::Error, doing: &str, path: &Path) -> Error {
        let name = display_name(path);
        if dateline_files::is_read_only_file(err) {
            return Error::ReadOnly(format!(
                "“{name}” is marked read-only, so Dateline did not replace it. Make the file writable and try again, or keep your version as a copy under another name; your text is kept in the editor and in the crash journal."
            ));
        }
        match err.kind() {
            io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => Error::DiskFull(format!(
                "The disk is full while {doing} “{name}”: free some space, then try again. Nothing was written; your text is kept in the editor and in the crash journal."
            )),
            io::ErrorKind::ReadOnlyFilesystem => Error::Unreadable(format!(
                "The disk holding “{name}” is read-only, so {doing} it failed. Save a copy elsewhere, or make the disk writable; your text is kept in the editor and in the crash journal."
            )),
            io::ErrorKind::PermissionDenied => Error::Unreadable(format!(
                "Permission denied while {doing} “{name}”. Check the file's and its folder's permissions; your text is kept in the editor and in the crash journal."
            )),
            io::ErrorKind::NotFound => Error::NotFound(format!(
                "“{name}” is no longer there (deleted, renamed or its folder moved) while {doing} it."
            )),
            _ => Error::Io(format!("Could not finish {doing} “{name}”: {err}.")),
        }
    }
}

impl From<rusqlite::Error> for Error {
    fn from(err: rusqlite::Error) -> Error {
        use rusqlite::ErrorCode::{CannotOpen, DiskFull, PermissionDenied, ReadOnly};
        const UNPROTECTED: &str = "Unsaved text cannot be kept against a crash until then; it stays in the editor, so save your draft.";
        match err.sqlite_error_code() {
            Some(DiskFull) => Error::DiskFull(format!(
                "The disk holding Dateline's own data is full. Free some space. {UNPROTECTED}"
            )),
            Some(ReadOnly | PermissionDenied | CannotOpen) => Error::Storage(format!(
                "Dateline's own data folder cannot be written (read-only, permission denied or gone). {UNPROTECTED}"
            )),
            _ => Error::Storage(format!("Dateline's database failed: {err}.")),
        }
    }
}

/// The last component of a path, for messages.
pub fn display_name(path: &Path) -> String {
    path.file_name()
        .unwrap_or(path.as_os_str())
        .to_string_lossy()
        .into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serializes_as_kind_and_message() {
        let json = serde_json::to_string(&Error::Conflict("changed".into())).unwrap();
        assert_eq!(json, r#"{"kind":"conflict","message":"changed"}"#);
        let json = serde_json::to_string(&Error::FolderMissing("gone".into())).unwrap();
        assert_eq!(json, r#"{"kind":"folderMissing","message":"gone"}"#);
        let json = serde_json::to_string(&Error::DiskFull("full".into())).unwrap();
        assert_eq!(json, r#"{"kind":"diskFull","message":"full"}"#);
    }

    #[test]
    fn io_errors_map_to_actionable_kinds() {
        let path = Path::new("/drafts/launch.md");
        let full = io::Error::from(io::ErrorKind::StorageFull);
        assert!(
            matches!(Error::from_io(&full, "saving", path), Error::DiskFull(m) if m.contains("launch.md"))
        );
        let gone = io::Error::from(io::ErrorKind::NotFound);
        assert!(matches!(
            Error::from_io(&gone, "saving", path),
            Error::NotFound(_)
        ));
        let other = io::Error::other("boom");
        assert!(matches!(Error::from_io(&other, "saving", path), Error::Io(m) if m.contains("boom")));
    }
}
