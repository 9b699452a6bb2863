//! Atomic file replacement: a reader (or a crash) sees the old file or the
//! new one, never half of each. And a rename that never replaces a file.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::Path;

/// Writes `bytes` to `path` through a temporary file in the same folder:
/// write, fsync, rename over the target, fsync the folder. The target's
/// permissions are kept. On any failure the target is untouched and the
/// temporary file is removed.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let (dir, tmp) = staged(path, bytes)?;
    match fs::metadata(path) {
        Ok(meta) => tmp.as_file().set_permissions(meta.permissions())?,
        // Temp files are private (0600); a new file in a shared folder must
        // be readable by the colleagues it is shared with.
        Err(_) => set_new_file_permissions(tmp.as_file())?,
    }
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    sync_dir(dir)
}

/// Creates `path`, which must not exist yet, with `bytes`: written to a
/// temporary file, fsynced, then linked into place without replacing
/// anything. Readers (and sync clients) never see the file half-written, and
/// a file that appeared meanwhile is never clobbered.
pub fn write_atomic_new(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let (dir, tmp) = staged(path, bytes)?;
    set_new_file_permissions(tmp.as_file())?;
    tmp.as_file().sync_all()?;
    tmp.persist_noclobber(path).map_err(|e| e.error)?;
    sync_dir(dir)
}

/// Renames `from` to `to` without replacing a file already at `to` (the
/// error is then `AlreadyExists`): a hard link, then the old name removed,
/// so that the check and the move are one step. Where the file system has
/// no hard links, a check then a rename. A change of case only, which a
/// case-insensitive file system sees as the same file, is a plain rename.
pub fn rename_noclobber(from: &Path, to: &Path) -> io::Result<()> {
    match fs::hard_link(from, to) {
        Ok(()) => {
            if let Err(err) = fs::remove_file(from) {
                let _ = fs::remove_file(to);
                return Err(err);
            }
        }
        Err(err) if err.kind() == io::ErrorKind::AlreadyExists => {
            if !same_file::is_same_file(from, to)? {
                return Err(err);
            }
            fs::rename(from, to)?;
        }
        Err(_) if fs::symlink_metadata(to).is_ok() => return Err(io::ErrorKind::AlreadyExists.into()),
        Err(_) => fs::rename(from, to)?,
    }
    sync_dir(
        to.parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new(".")),
    )
}

/// `bytes` written to a temporary file beside `path` (removed if dropped),
/// and the folder both are in.
fn staged<'p>(path: &'p Path, bytes: &[u8]) -> io::Result<(&'p Path, tempfile::NamedTempFile)> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut tmp = tempfile::Builder::new()
        .prefix(".dateline-save-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    Ok((dir, tmp))
}

#[cfg(unix)]
fn set_new_file_permissions(file: &File) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    file.set_permissions(fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn set_new_file_permissions(_file: &File) -> io::Result<()> {
    Ok(())
}

#[cfg(unix)]
fn sync_dir(dir: &Path) -> io::Result<()> {
    File::open(dir)?.sync_all()
}

#[cfg(not(unix))]
fn sync_dir(_dir: &Path) -> io::Result<()> {
    // Windows cannot open a directory for syncing; NTFS journals the rename.
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rename_never_replaces_a_file() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b, c) = (
            dir.path().join("a.md"),
            dir.path().join("b.md"),
            dir.path().join("c.md"),
        );
        fs::write(&a, "A").unwrap();
        fs::write(&b, "B").unwrap();
        let err = rename_noclobber(&a, &b).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(
            (fs::read_to_string(&a).unwrap(), fs::read_to_string(&b).unwrap()),
            ("A".into(), "B".into())
        );
        rename_noclobber(&a, &c).unwrap();
        assert!(!a.exists());
        assert_eq!(fs::read_to_string(&c).unwrap(), "A");
        // Onto itself (what a change of case is on a case-insensitive disk).
        rename_noclobber(&c, &c).unwrap();
        assert_eq!(fs::read_to_string(&c).unwrap(), "A");
    }

    #[test]
    fn replaces_content_and_leaves_no_temp_files() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("draft.md");
        fs::write(&path, "old").unwrap();
        write_atomic(&path, b"new text").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"new text");
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("draft.md")]);
    }

    #[test]
    fn creates_a_new_file_but_never_replaces_one() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("copy.md");
        write_atomic_new(&path, b"mine").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"mine");
        let err = write_atomic_new(&path, b"other").unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(fs::read(&path).unwrap(), b"mine");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1, "no temp file left");
    }

    #[cfg(unix)]
    #[test]
    fn keeps_permissions() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("draft.md");
        fs::write(&path, "old").unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
        write_atomic(&path, b"new").unwrap();
        assert_eq!(fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o640);
    }

    #[cfg(unix)]
    #[test]
    fn new_files_are_readable_by_others_like_any_saved_file() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("export.pdf");
        write_atomic(&path, b"%PDF").unwrap();
        assert_eq!(fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o644);
    }

    #[test]
    fn missing_folder_fails_without_creating_anything() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("gone").join("draft.md");
        let err = write_atomic(&path, b"text").unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::NotFound);
        assert!(!dir.path().join("gone").exists());
    }
}
