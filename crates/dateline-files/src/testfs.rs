//! Real small file systems for the fault tests: a tmpfs of a few kilobytes
//! that can be filled up or remounted read-only. Mounting needs root (CI
//! runs as root); elsewhere [`SmallDisk::mount`] returns `None` after saying
//! why, and the test skips.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

/// A tmpfs mounted on a fresh temporary folder, unmounted when dropped.
pub struct SmallDisk {
    root: PathBuf,
    _dir: tempfile::TempDir,
}

impl SmallDisk {
    /// Mounts a tmpfs of `kib` KiB, or says why not and returns `None`.
    pub fn mount(kib: u32) -> Option<SmallDisk> {
        let dir = tempfile::tempdir().ok()?;
        let root = dir.path().to_path_buf();
        let size = format!("size={kib}k");
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &size, "tmpfs"])
            .arg(&root)
            .output()
            .map(|out| out.status.success())
            .unwrap_or(false);
        if !ok {
            eprintln!("skipped: cannot mount a tmpfs here (needs root); the fault tests run in CI");
            return None;
        }
        Some(SmallDisk { root, _dir: dir })
    }

    pub fn path(&self) -> &Path {
        &self.root
    }

    /// Fills every free byte with a ballast file, so the next write fails
    /// with "no space left on device".
    pub fn fill(&self) {
        let mut ballast = fs::File::create(self.root.join(".ballast")).expect("ballast file");
        let block = [0u8; 512];
        while ballast.write_all(&block).is_ok() {}
        // Byte by byte for the last partial block.
        while ballast.write_all(&block[..1]).is_ok() {}
        let _ = ballast.sync_all();
    }

    /// Frees the ballast again. Emptied before it is unlinked: a child
    /// another test forks meanwhile (mount, umount) holds a copy of the
    /// ballast's descriptor until it execs, and an unlinked file keeps its
    /// pages while any descriptor is open, so on a loaded machine the next
    /// write could still find the disk full.
    pub fn free(&self) {
        let ballast = self.root.join(".ballast");
        if let Ok(file) = fs::OpenOptions::new().write(true).open(&ballast) {
            let _ = file.set_len(0);
        }
        let _ = fs::remove_file(ballast);
    }

    /// Remounts the file system read-only (`writable = false`) or back.
    pub fn set_writable(&self, writable: bool) {
        let opts = if writable { "remount,rw" } else { "remount,ro" };
        let status = Command::new("mount").args(["-o", opts]).arg(&self.root).status();
        assert!(status.is_ok_and(|s| s.success()), "mount -o {opts} failed");
    }

    /// The names in `dir`, sorted, without the ballast: what a test
    /// compares to prove that no temporary file was left behind.
    pub fn names_in(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .map(|entries| {
                entries
                    .filter_map(|e| e.ok())
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .filter(|n| n != ".ballast")
                    .collect()
            })
            .unwrap_or_default();
        names.sort();
        names
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        // Lazy, so a file a failed test left open cannot keep it mounted.
        let _ = Command::new("umount").arg("-l").arg(&self.root).status();
    }
}
