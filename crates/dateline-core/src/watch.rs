//! Watching a drafts folder: native file-system events (notify), or polling
//! where native events do not arrive (network file systems, or when the OS
//! refuses more watches), batched so that one save is one change; plus a
//! periodic reconcile tick that catches anything both missed.
//!
//! The batching is a few lines here rather than notify-debouncer-full: that
//! debouncer merges events per path and, when a file is renamed and then
//! saved over within one window, drops the old name, so a renamed draft
//! stayed listed (found by the model test). A batch here keeps every path.

use crate::folder::{draft_rel_path, is_config_file};
use notify::event::{AccessKind, AccessMode, EventKind};
use notify::{Config as NotifyConfig, PollWatcher, RecommendedWatcher, RecursiveMode, Watcher};
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Editors and sync clients write in bursts; a batch ends after this much quiet.
const QUIET: Duration = Duration::from_millis(150);
/// A batch never waits longer than this, so a steady stream still shows.
const MAX_BATCH: Duration = Duration::from_secs(1);
/// How often a polling watcher looks at every file.
const POLL_INTERVAL: Duration = Duration::from_secs(2);
/// How often the whole folder is reconciled with the index anyway.
const RECONCILE_EVERY: Duration = Duration::from_secs(60);
pub type WatchError = notify::Error;

/// `native` or `poll` forces a mode (for tests, or a share the detection misses).
pub const MODE_ENV: &str = "DATELINE_WATCH";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum WatchMode {
    Native,
    Poll,
}

/// What changed: the payload of the shell's `DraftsChangedOnDisk` event.
#[derive(Clone, Debug, Default, Serialize, PartialEq, Eq, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct DraftsChanged {
    /// Drafts created, edited, renamed or removed, relative to the folder.
    pub rel_paths: Vec<String>,
    /// Something happened that cannot be pinned to drafts (a folder moved,
    /// the watcher lost events, the periodic reconcile): re-read everything.
    pub rescan: bool,
    /// The folder's `dateline.toml` or team words file changed: re-read it
    /// and lint the open draft again.
    pub config: bool,
}

#[derive(Debug, Clone)]
pub struct WatchOptions {
    pub mode: WatchMode,
    pub poll_interval: Duration,
    pub reconcile_every: Duration,
}

impl WatchOptions {
    /// The mode for `root` (the environment's choice, else polling on
    /// network file systems) with the default timings.
    pub fn for_folder(root: &Path) -> WatchOptions {
        let mode = match std::env::var(MODE_ENV).as_deref() {
            Ok("poll") => WatchMode::Poll,
            Ok("native") => WatchMode::Native,
            _ if is_network_fs(root) => WatchMode::Poll,
            _ => WatchMode::Native,
        };
        WatchOptions {
            mode,
            poll_interval: POLL_INTERVAL,
            reconcile_every: RECONCILE_EVERY,
        }
    }
}

/// Held only so the watch lives; dropping it stops the watcher, and with
/// it the batching thread.
#[allow(dead_code)]
enum Backend {
    Native(RecommendedWatcher),
    Poll(PollWatcher),
}

/// A running watch; it ends when this is dropped.
pub struct FolderWatcher {
    _backend: Backend,
    /// Dropping it stops the reconcile thread.
    _stop_reconcile: mpsc::Sender<()>,
    pub mode: WatchMode,
}

/// Starts watching `root`, calling `on_change` from a background thread.
/// When native watching cannot start (the OS watch limit, say), polls instead.
pub fn watch(
    root: PathBuf,
    options: WatchOptions,
    on_change: impl Fn(DraftsChanged) + Send + Sync + 'static,
) -> Result<FolderWatcher, WatchError> {
    let on_change: Handler = Arc::new(on_change);
    // Links are not followed: the folder walk does not follow them either.
    let config = NotifyConfig::default()
        .with_follow_symlinks(false)
        .with_poll_interval(options.poll_interval);
    let start_poll = || start::<PollWatcher>(&root, config, on_change.clone()).map(Backend::Poll);
    let (backend, mode) = match options.mode {
        WatchMode::Native => match start::<RecommendedWatcher>(&root, config, on_change.clone()) {
            Ok(native) => (Backend::Native(native), WatchMode::Native),
            Err(err) => {
                eprintln!(
                    "dateline: native watching of {} failed ({err}); polling instead",
                    root.display()
                );
                (start_poll()?, WatchMode::Poll)
            }
        },
        WatchMode::Poll => (start_poll()?, WatchMode::Poll),
    };
    let stop = start_reconcile_ticks(options.reconcile_every, on_change);
    Ok(FolderWatcher {
        _backend: backend,
        _stop_reconcile: stop,
        mode,
    })
}

type Handler = Arc<dyn Fn(DraftsChanged) + Send + Sync>;

/// Starts a watcher of kind `W` whose events a thread batches into changes.
fn start<W: Watcher>(root: &Path, config: NotifyConfig, on_change: Handler) -> Result<W, WatchError> {
    let (events, received) = mpsc::channel();
    let mut watcher = W::new(events, config)?;
    watcher.watch(root, RecursiveMode::Recursive)?;
    let root = root.to_path_buf();
    std::thread::spawn(move || batch_events(&root, &received, &*on_change));
    Ok(watcher)
}

/// Gathers events until `QUIET` passes without one (or `MAX_BATCH` is up),
/// then reports the batch. Ends when the watcher is dropped.
fn batch_events(
    root: &Path,
    received: &mpsc::Receiver<notify::Result<notify::Event>>,
    on_change: &dyn Fn(DraftsChanged),
) {
    while let Ok(first) = received.recv() {
        let mut change = DraftsChanged::default();
        add_event(root, &mut change, first);
        let deadline = Instant::now() + MAX_BATCH;
        while Instant::now() < deadline {
            match received.recv_timeout(QUIET) {
                Ok(event) => add_event(root, &mut change, event),
                Err(_) => break,
            }
        }
        if change.rescan || change.config || !change.rel_paths.is_empty() {
            on_change(change);
        }
    }
}

/// A thread that asks for a full reconcile every `every`, until the
/// returned sender is dropped.
fn start_reconcile_ticks(every: Duration, on_change: Handler) -> mpsc::Sender<()> {
    let (stop, stopped) = mpsc::channel::<()>();
    std::thread::spawn(move || {
        while let Err(mpsc::RecvTimeoutError::Timeout) = stopped.recv_timeout(every) {
            on_change(DraftsChanged {
                rescan: true,
                ..Default::default()
            });
        }
    });
    stop
}

/// Adds one event to a batch: the drafts it names, or a rescan when it
/// cannot be pinned to drafts (lost events, a folder appearing or moving).
fn add_event(root: &Path, change: &mut DraftsChanged, event: notify::Result<notify::Event>) {
    let event = match event {
        Ok(event) if is_read(&event.kind) => return,
        Ok(event) => event,
        Err(_) => {
            change.rescan = true;
            return;
        }
    };
    change.rescan |= event.need_rescan();
    for path in &event.paths {
        change.config |= is_config_file(root, path);
        match draft_rel_path(root, path) {
            Some(rel) if !change.rel_paths.contains(&rel) => change.rel_paths.push(rel),
            Some(_) => {}
            // A folder (no extension) appearing or vanishing moves drafts with it.
            None => change.rescan |= path.extension().is_none() && !is_hidden(root, path),
        }
    }
}

/// Opening or reading a file changes nothing; the index reading a draft
/// must not come back as a change (that would loop).
fn is_read(kind: &EventKind) -> bool {
    matches!(kind, EventKind::Access(access) if *access != AccessKind::Close(AccessMode::Write))
}

fn is_hidden(root: &Path, path: &Path) -> bool {
    path.strip_prefix(root)
        .map(|rel| {
            rel.components()
                .any(|c| c.as_os_str().to_string_lossy().starts_with('.'))
        })
        .unwrap_or(true)
}

/// True for file systems that do not deliver native change events for
/// other machines' writes: NFS, SMB/CIFS, FUSE mounts (sshfs, rclone), 9p.
#[cfg(target_os = "linux")]
pub fn is_network_fs(path: &Path) -> bool {
    use std::os::unix::ffi::OsStrExt;
    const NETWORK_MAGIC: &[u32] = &[
        0x6969,      // NFS
        0x517B,      // SMB
        0xFF53_4D42, // CIFS
        0xFE53_4D42, // SMB2
        0x6573_5546, // FUSE (sshfs, rclone, gvfs)
        0x0102_1997, // 9p (WSL, virtual machines' shared folders)
        0x564C,      // NCP
        0x6B41_4653, // AFS
        0x5346_414F, // OpenAFS
        0x7375_7245, // Coda
        0x0BD0_0BD0, // Lustre
        0x4750_4653, // GPFS
        0x1983_0326, // BeeGFS
    ];
    let Ok(c_path) = std::ffi::CString::new(path.as_os_str().as_bytes()) else {
        return false;
    };
    // SAFETY: `c_path` is a valid C string; `stat` is written by statfs.
    let mut stat: libc::statfs = unsafe { std::mem::zeroed() };
    if unsafe { libc::statfs(c_path.as_ptr(), &mut stat) } != 0 {
        return false;
    }
    NETWORK_MAGIC.contains(&(stat.f_type as u32))
}

#[cfg(target_os = "macos")]
pub fn is_network_fs(path: &Path) -> bool {
    use std::os::unix::ffi::OsStrExt;
    let Ok(c_path) = std::ffi::CString::new(path.as_os_str().as_bytes()) else {
        return false;
    };
    // SAFETY: `c_path` is a valid C string; `stat` is written by statfs.
    let mut stat: libc::statfs = unsafe { std::mem::zeroed() };
    if unsafe { libc::statfs(c_path.as_ptr(), &mut stat) } != 0 {
        return false;
    }
    // MNT_LOCAL is unset for network volumes (smbfs, nfs, afpfs, webdav).
    stat.f_flags & (libc::MNT_LOCAL as u32) == 0
}

/// UNC paths (`\\server\share`) are network shares; mapped drive letters
/// are not detected (set `DATELINE_WATCH=poll`).
#[cfg(windows)]
pub fn is_network_fs(path: &Path) -> bool {
    let text = path.as_os_str().to_string_lossy();
    text.starts_with(r"\\") && !text.starts_with(r"\\?\") || text.starts_with(r"\\?\UNC\")
}

#[cfg(not(any(target_os = "linux", target_os = "macos", windows)))]
pub fn is_network_fs(_path: &Path) -> bool {
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use notify::event::CreateKind;

    fn event(kind: EventKind, paths: &[&str]) -> notify::Result<notify::Event> {
        let mut ev = notify::Event::new(kind);
        for p in paths {
            ev = ev.add_path(PathBuf::from(p));
        }
        Ok(ev)
    }

    fn batch(events: Vec<notify::Result<notify::Event>>) -> DraftsChanged {
        let mut change = DraftsChanged::default();
        for e in events {
            add_event(Path::new("/drafts"), &mut change, e);
        }
        change
    }

    const CREATE: EventKind = EventKind::Create(CreateKind::Any);

    #[test]
    fn events_become_draft_paths_and_folder_changes_become_rescans() {
        let change = batch(vec![event(
            CREATE,
            &["/drafts/a.md", "/drafts/a.md", "/drafts/.git/x"],
        )]);
        assert_eq!(change.rel_paths, vec!["a.md"]);
        assert!(!change.rescan);
        assert!(batch(vec![event(CREATE, &["/drafts/q3"])]).rescan);
        assert_eq!(
            batch(vec![event(CREATE, &["/drafts/.dateline/reviews"])]),
            DraftsChanged::default()
        );
        assert_eq!(
            batch(vec![event(CREATE, &["/drafts/notes.txt"])]),
            DraftsChanged::default()
        );
        assert!(batch(vec![Err(notify::Error::generic("overflow"))]).rescan);
        let overflow = notify::Event::new(EventKind::Other).set_flag(notify::event::Flag::Rescan);
        assert!(batch(vec![Ok(overflow)]).rescan);
    }

    #[test]
    fn the_folders_config_and_team_words_are_a_config_change() {
        for name in ["/drafts/dateline.toml", "/drafts/dateline-words.txt"] {
            let change = batch(vec![event(CREATE, &[name])]);
            assert!(
                change.config && change.rel_paths.is_empty() && !change.rescan,
                "{name}: {change:?}"
            );
        }
        assert!(
            !batch(vec![event(CREATE, &["/drafts/q3/dateline.toml"])]).config,
            "only the folder's own is read"
        );
    }

    #[test]
    fn reading_a_draft_is_not_a_change_but_finishing_a_write_is() {
        let open = event(
            EventKind::Access(AccessKind::Open(AccessMode::Any)),
            &["/drafts/a.md"],
        );
        let read = event(
            EventKind::Access(AccessKind::Close(AccessMode::Read)),
            &["/drafts/a.md"],
        );
        assert_eq!(batch(vec![open, read]), DraftsChanged::default());
        let written = event(
            EventKind::Access(AccessKind::Close(AccessMode::Write)),
            &["/drafts/a.md"],
        );
        assert_eq!(batch(vec![written]).rel_paths, vec!["a.md"]);
    }

    #[test]
    fn a_rename_then_a_save_over_the_new_name_keeps_both_names() {
        use notify::event::{ModifyKind, RenameMode};
        let renamed = event(
            EventKind::Modify(ModifyKind::Name(RenameMode::Both)),
            &["/drafts/old.md", "/drafts/new.md"],
        );
        let saved = event(
            EventKind::Modify(ModifyKind::Name(RenameMode::Both)),
            &["/drafts/.new.md.tmp", "/drafts/new.md"],
        );
        assert_eq!(batch(vec![renamed, saved]).rel_paths, vec!["old.md", "new.md"]);
    }

    #[test]
    fn a_local_temp_folder_is_not_a_network_share() {
        let dir = tempfile::tempdir().unwrap();
        assert!(!is_network_fs(dir.path()));
    }
}
