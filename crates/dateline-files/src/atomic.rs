//! Atomic file replacement: a reader (or a crash) sees the old file or the
//! new one, never half of each. A rename that never replaces a file, and an
//! append that is on disk before it returns.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::Path;
use std::time::Duration;

use crate::step;

/// How the temporary files this crate writes are named: hidden, so that
/// file managers and the app's folder walk pass over them.
const TEMP_PREFIX: &str = ".dateline-save-";
const TEMP_SUFFIX: &str = ".tmp";

/// A temporary file this young may be one a writer has just created and not
/// yet locked; a crash's leftover is older by the time the app restarts.
const LEFTOVER_MIN_AGE: Duration = Duration::from_secs(1);

/// Whether a file name is one of this crate's temporary files.
pub fn is_temp_name(name: &str) -> bool {
    name.starts_with(TEMP_PREFIX) && name.ends_with(TEMP_SUFFIX)
}

/// Removes `path` if it is a temporary file that a write killed midway left
/// behind: ours by name, held by no writer (each holds a lock on its
/// temporary file while it writes, which a crash releases), and not modified
/// in the last second. Returns whether it was removed. Where locks are not
/// supported nothing is removed.
pub fn remove_if_leftover(path: &Path) -> io::Result<bool> {
    let ours = path
        .file_name()
        .and_then(|n| n.to_str())
        .is_some_and(is_temp_name);
    if !ours {
        return Ok(false);
    }
    let file = File::open(path)?;
    if file.try_lock().is_err() {
        return Ok(false);
    }
    let age = file.metadata()?.modified()?.elapsed().unwrap_or_default();
    if age < LEFTOVER_MIN_AGE {
        return Ok(false);
    }
    drop(file);
    fs::remove_file(path)?;
    Ok(true)
}

/// Writes `bytes` to `path` through a temporary file in the same folder:
/// write, fsync, rename over the target, fsync the folder. The target's
/// permissions are kept. On any failure the target is untouched and the
/// temporary file is removed.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    ensure_replaceable(path)?;
    let (dir, tmp) = staged(path, bytes)?;
    match fs::metadata(path) {
        Ok(meta) => tmp.as_file().set_permissions(meta.permissions())?,
        // Temp files are private (0600); a new file in a shared folder must
        // be readable by the colleagues it is shared with.
        Err(_) => set_new_file_permissions(tmp.as_file())?,
    }
    sync_file(tmp.as_file())?;
    step("rename")?;
    tmp.persist(path).map_err(|e| e.error)?;
    sync_dir(dir)
}

/// Why [`write_atomic`] refused to replace a file: its owner (or a sync
/// client, or Windows' read-only attribute) marked it read-only. A rename in
/// a writable folder would replace it all the same, so the writer asks first.
#[derive(Debug)]
pub struct ReadOnlyFile;

impl std::fmt::Display for ReadOnlyFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the file is marked read-only")
    }
}

impl std::error::Error for ReadOnlyFile {}

/// Whether `err` is [`write_atomic`] refusing a read-only file.
pub fn is_read_only_file(err: &io::Error) -> bool {
    err.get_ref().is_some_and(|inner| inner.is::<ReadOnlyFile>())
}

/// Refuses to replace a file marked read-only, or one this user may not
/// write (root may write anything, so the mark is checked on its own).
fn ensure_replaceable(path: &Path) -> io::Result<()> {
    let Ok(meta) = fs::metadata(path) else {
        return Ok(()); // nothing there yet to replace
    };
    if !meta.is_file() {
        return Ok(());
    }
    if meta.permissions().readonly() {
        return Err(io::Error::new(io::ErrorKind::PermissionDenied, ReadOnlyFile));
    }
    #[cfg(unix)]
    rustix::fs::access(path, rustix::fs::Access::WRITE_OK)?;
    Ok(())
}

/// Creates `path`, which must not exist yet, with `bytes`: written to a
/// temporary file, fsynced, then linked into place without replacing
/// anything. Readers (and sync clients) never see the file half-written, and
/// a file that appeared meanwhile is never clobbered.
pub fn write_atomic_new(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let (dir, tmp) = staged(path, bytes)?;
    set_new_file_permissions(tmp.as_file())?;
    sync_file(tmp.as_file())?;
    step("link")?;
    tmp.persist_noclobber(path).map_err(|e| e.error)?;
    sync_dir(dir)
}

/// Appends `bytes` to `path` (created if missing) in one write call, then
/// fsyncs it: a record is on disk when this returns. On failure the bytes
/// already in the file are untouched, and a partly written record is cut
/// off again so that the next append does not land inside it. (Each log has
/// one writer, its reviewer, so nobody else appends meanwhile.)
pub fn append_durable(path: &Path, bytes: &[u8]) -> io::Result<()> {
    step("open")?;
    let existed = path.exists();
    let mut file = fs::OpenOptions::new().create(true).append(true).open(path)?;
    let before = file.metadata()?.len();
    let written = step("write")
        .and_then(|()| file.write_all(bytes))
        .and_then(|()| step("fsync"))
        .and_then(|()| file.sync_data());
    if written.is_err() {
        if existed || before > 0 {
            let _ = file.set_len(before);
        } else {
            // Made by this call: a failed first record leaves no empty log.
            drop(file);
            let _ = fs::remove_file(path);
        }
    }
    written
}

/// Renames `from` to `to` without replacing a file already at `to` (the
/// error is then `AlreadyExists`): a hard link, then the old name removed,
/// so that the check and the move are one step. Where the file system has
/// no hard links, a check then a rename. A change of case only, which a
/// case-insensitive file system sees as the same file, is a plain rename.
pub fn rename_noclobber(from: &Path, to: &Path) -> io::Result<()> {
    step("link")?;
    match fs::hard_link(from, to) {
        Ok(()) => {
            if let Err(err) = step("unlink").and_then(|()| fs::remove_file(from)) {
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
    step("create")?;
    let mut tmp = tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .suffix(TEMP_SUFFIX)
        .tempfile_in(dir)?;
    // Held until the file is persisted or dropped: it tells a later sweep
    // (`remove_if_leftover`) that this one is not a crash's leftover. A file
    // system without locks only loses that sweep.
    let _ = tmp.as_file().lock();
    step("write")?;
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

fn sync_file(file: &File) -> io::Result<()> {
    step("fsync")?;
    file.sync_all()
}

#[cfg(unix)]
fn sync_dir(dir: &Path) -> io::Result<()> {
    step("fsync folder")?;
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

    /// Dates `path` a minute back, as a leftover is by the next launch.
    fn age(path: &Path) {
        let file = File::options().write(true).open(path).unwrap();
        file.set_modified(std::time::SystemTime::now() - Duration::from_secs(60))
            .unwrap();
    }

    #[test]
    fn only_a_killed_writes_temp_file_is_removed_as_a_leftover() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("draft.md");
        let (_, live) = staged(&target, b"half of it").unwrap();
        age(live.path());
        assert!(
            !remove_if_leftover(live.path()).unwrap(),
            "a write in progress is not a leftover"
        );
        assert!(live.path().exists());

        // What a killed write leaves: the same file, its lock gone.
        let (_, killed) = staged(&target, b"half of it").unwrap();
        let left = killed.into_temp_path().keep().unwrap();
        assert!(
            !remove_if_leftover(&left).unwrap(),
            "a second-old one may be a write just begun"
        );
        age(&left);
        assert!(remove_if_leftover(&left).unwrap());
        assert!(!left.exists());

        let someone_elses = dir.path().join(".other-editor-save.tmp");
        fs::write(&someone_elses, "theirs").unwrap();
        age(&someone_elses);
        assert!(!remove_if_leftover(&someone_elses).unwrap());
        assert!(
            someone_elses.exists(),
            "a file Dateline did not write is never removed"
        );
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

    #[test]
    fn a_file_marked_read_only_is_never_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("draft.md");
        fs::write(&path, "hers").unwrap();
        let mut read_only = fs::metadata(&path).unwrap().permissions();
        read_only.set_readonly(true);
        fs::set_permissions(&path, read_only).unwrap();
        let err = write_atomic(&path, b"mine").unwrap_err();
        assert!(is_read_only_file(&err), "{err}");
        assert_eq!(err.kind(), io::ErrorKind::PermissionDenied);
        assert_eq!(fs::read(&path).unwrap(), b"hers");
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

    /// Runs `op` once counting its I/O steps, then once per step with that
    /// step failing, calling `check` after each failure with a fresh
    /// `setup()` before each run.
    fn walk_every_step<S>(setup: impl Fn() -> S, op: impl Fn(&S) -> io::Result<()>, check: impl Fn(&S, u32)) {
        let state = setup();
        crate::faults::count_steps();
        op(&state).expect("the write works without a fault");
        let steps = crate::faults::disarm();
        assert!(steps >= 2, "a write takes several steps, counted {steps}");
        for n in 1..=steps {
            let state = setup();
            crate::faults::fail_at(n, io::ErrorKind::StorageFull);
            let result = op(&state);
            crate::faults::disarm();
            assert!(result.is_err(), "step {n} of {steps} was armed to fail");
            check(&state, n);
        }
    }

    fn names(dir: &Path) -> Vec<String> {
        crate::testfs::SmallDisk::names_in(dir)
    }

    #[test]
    fn a_replace_that_fails_at_any_step_keeps_the_old_file_or_the_whole_new_one() {
        walk_every_step(
            || {
                let dir = tempfile::tempdir().unwrap();
                fs::write(dir.path().join("draft.md"), "old words").unwrap();
                dir
            },
            |dir| write_atomic(&dir.path().join("draft.md"), b"new words, longer than the old"),
            |dir, n| {
                let now = fs::read(dir.path().join("draft.md")).unwrap();
                assert!(
                    now == b"old words" || now == b"new words, longer than the old",
                    "step {n}: mixed content {now:?}"
                );
                assert_eq!(names(dir.path()), ["draft.md"], "step {n}: a temp file was left");
            },
        );
    }

    #[test]
    fn a_create_that_fails_at_any_step_leaves_nothing_half_made() {
        walk_every_step(
            || tempfile::tempdir().unwrap(),
            |dir| write_atomic_new(&dir.path().join("copy.md"), b"whole text"),
            |dir, n| {
                let names = names(dir.path());
                assert!(
                    names.is_empty() || fs::read(dir.path().join("copy.md")).unwrap() == b"whole text",
                    "step {n}: {names:?}"
                );
                assert!(names.len() <= 1, "step {n}: a temp file was left: {names:?}");
            },
        );
    }

    #[test]
    fn an_append_that_fails_at_any_step_keeps_the_earlier_records() {
        walk_every_step(
            || {
                let dir = tempfile::tempdir().unwrap();
                fs::write(dir.path().join("log.jsonl"), "{\"a\":1}\n").unwrap();
                dir
            },
            |dir| append_durable(&dir.path().join("log.jsonl"), b"{\"b\":2}\n"),
            |dir, n| {
                let now = fs::read_to_string(dir.path().join("log.jsonl")).unwrap();
                assert!(now.starts_with("{\"a\":1}\n"), "step {n}: {now:?}");
                assert!(now.lines().count() <= 2, "step {n}: {now:?}");
            },
        );
    }

    #[test]
    fn a_first_record_that_fails_at_any_step_leaves_no_empty_log() {
        walk_every_step(
            || tempfile::tempdir().unwrap(),
            |dir| append_durable(&dir.path().join("log.jsonl"), b"{\"a\":1}\n"),
            |dir, n| {
                assert_eq!(
                    names(dir.path()),
                    Vec::<String>::new(),
                    "step {n}: a log was left"
                );
            },
        );
    }

    #[test]
    fn a_rename_that_fails_at_any_step_keeps_the_file_under_one_name() {
        walk_every_step(
            || {
                let dir = tempfile::tempdir().unwrap();
                fs::write(dir.path().join("a.md"), "A").unwrap();
                dir
            },
            |dir| rename_noclobber(&dir.path().join("a.md"), &dir.path().join("b.md")),
            |dir, n| {
                let names = names(dir.path());
                assert!(!names.is_empty(), "step {n}: the file is gone");
                for name in &names {
                    assert_eq!(fs::read(dir.path().join(name)).unwrap(), b"A", "step {n}");
                }
            },
        );
    }

    #[test]
    fn a_full_disk_keeps_the_old_file_and_leaves_no_temp_file() {
        let Some(disk) = crate::testfs::SmallDisk::mount(64) else {
            return;
        };
        let path = disk.path().join("x.pdf");
        fs::write(&path, "old content").unwrap();
        disk.fill();
        let err = write_atomic(&path, &vec![b'%'; 16 * 1024]).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::StorageFull);
        assert_eq!(fs::read(&path).unwrap(), b"old content");
        assert_eq!(names(disk.path()), ["x.pdf"]);
        let err = append_durable(&path, &vec![b'!'; 16 * 1024]).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::StorageFull);
        assert_eq!(fs::read(&path).unwrap(), b"old content");
        disk.free();
        write_atomic(&path, b"new").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"new");
    }

    #[test]
    fn a_read_only_file_system_is_refused_and_keeps_the_old_file() {
        let Some(disk) = crate::testfs::SmallDisk::mount(64) else {
            return;
        };
        let path = disk.path().join("draft.md");
        fs::write(&path, "old").unwrap();
        disk.set_writable(false);
        let err = write_atomic(&path, b"new").unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::ReadOnlyFilesystem);
        assert_eq!(fs::read(&path).unwrap(), b"old");
        disk.set_writable(true);
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
