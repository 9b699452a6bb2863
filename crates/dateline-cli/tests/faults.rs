//! The command line's exports against real faults: a full disk, a
//! read-only disk, a target marked read-only, and the process killed
//! mid-write. In each case the file
//! at `-o` holds its old bytes or the whole new export, never a mix, and no
//! temporary file is left.

use dateline_files::testfs::SmallDisk;
use std::fs;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

const GOOD: &str = include_str!("../../dateline-lint/tests/fixtures/good-plain.md");

fn export(draft: &Path, to: &str, output: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(["export", "--to", to, "-o"])
        .arg(output)
        .arg(draft)
        .output()
        .expect("run dateline")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn a_full_disk_keeps_the_old_export() {
    let Some(disk) = SmallDisk::mount(256) else { return };
    let draft = tempfile::tempdir().unwrap();
    fs::write(draft.path().join("d.md"), GOOD).unwrap();
    let target = disk.path().join("x.pdf");
    fs::write(&target, "old content").unwrap();
    disk.fill();
    for to in ["pdf", "md", "docx"] {
        let out = export(&draft.path().join("d.md"), to, &target);
        assert_eq!(out.status.code(), Some(2), "{to}: {}", stderr(&out));
        assert!(
            stderr(&out).contains("the disk is full"),
            "{to}: {}",
            stderr(&out)
        );
        assert!(stderr(&out).contains("unchanged"), "{to}: {}", stderr(&out));
        assert_eq!(fs::read(&target).unwrap(), b"old content", "{to}");
        assert_eq!(
            SmallDisk::names_in(disk.path()),
            ["x.pdf"],
            "{to}: a temp file was left"
        );
    }
    disk.free();
    let out = export(&draft.path().join("d.md"), "pdf", &target);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(fs::read(&target).unwrap().starts_with(b"%PDF-"));
}

#[test]
fn an_export_marked_read_only_is_not_replaced() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("d.md"), GOOD).unwrap();
    let target = dir.path().join("x.pdf");
    fs::write(&target, "old content").unwrap();
    let mut read_only = fs::metadata(&target).unwrap().permissions();
    read_only.set_readonly(true);
    fs::set_permissions(&target, read_only).unwrap();
    let out = export(&dir.path().join("d.md"), "pdf", &target);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("x.pdf"), "{}", stderr(&out));
    assert!(stderr(&out).contains("unchanged"), "{}", stderr(&out));
    assert_eq!(fs::read(&target).unwrap(), b"old content");
    assert_eq!(
        SmallDisk::names_in(dir.path()),
        ["d.md", "x.pdf"],
        "a temp file was left"
    );
}

#[test]
fn a_read_only_disk_keeps_the_old_export() {
    let Some(disk) = SmallDisk::mount(256) else { return };
    let draft = tempfile::tempdir().unwrap();
    fs::write(draft.path().join("d.md"), GOOD).unwrap();
    let target = disk.path().join("x.md");
    fs::write(&target, "old content").unwrap();
    disk.set_writable(false);
    let out = export(&draft.path().join("d.md"), "md", &target);
    disk.set_writable(true);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("read-only"), "{}", stderr(&out));
    assert_eq!(fs::read(&target).unwrap(), b"old content");
}

/// Kills the export at spread-out moments of its run, by its own pid, many
/// times: the output is always the old file or the complete new one.
#[test]
fn a_crash_mid_export_leaves_the_old_file_or_the_new_one() {
    let dir = tempfile::tempdir().unwrap();
    // A long draft, so that writing the export takes a while.
    let draft = dir.path().join("long.md");
    fs::write(&draft, GOOD.repeat(400)).unwrap();
    let target = dir.path().join("out.md");
    let started = Instant::now();
    assert!(export(&draft, "md", &target).status.success());
    let whole_run = started.elapsed();
    let new = fs::read(&target).unwrap();
    let old = b"the old export\n".to_vec();
    let runs = 24u32;
    for run in 0..runs {
        fs::write(&target, &old).unwrap();
        let mut child = Command::new(env!("CARGO_BIN_EXE_dateline"))
            .args(["export", "--to", "md", "-o"])
            .arg(&target)
            .arg(&draft)
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(whole_run.mul_f64(f64::from(run) / f64::from(runs)) + Duration::from_micros(50));
        let _ = child.kill();
        let _ = child.wait();
        let now = fs::read(&target).unwrap();
        assert!(
            now == old || now == new,
            "run {run}: {} bytes, neither old nor new",
            now.len()
        );
    }
    // A kill between creating and renaming the temp file can leave one
    // behind: hidden, named as Dateline's own, never taken for her file.
}

/// `dateline` as a user who may not write there: as root (CI), run as
/// `nobody` through setpriv, since root writes anywhere; otherwise as is.
fn export_as_user(draft: &Path, output: &Path) -> Option<Output> {
    use std::os::unix::fs::MetadataExt;
    let root = fs::metadata("/proc/self").is_ok_and(|m| m.uid() == 0);
    let mut command = if root {
        let mut c = Command::new("setpriv");
        c.args([
            "--reuid=65534",
            "--regid=65534",
            "--clear-groups",
            env!("CARGO_BIN_EXE_dateline"),
        ]);
        c
    } else {
        Command::new(env!("CARGO_BIN_EXE_dateline"))
    };
    let out = command
        .args(["export", "--to", "md", "-o"])
        .arg(output)
        .arg(draft)
        .output()
        .ok()?;
    // setpriv missing, or the binary's folders closed to nobody: nothing was tried.
    if root && matches!(out.status.code(), Some(126 | 127)) {
        eprintln!("skipped: cannot run dateline as nobody here ({})", stderr(&out));
        return None;
    }
    Some(out)
}

#[test]
fn a_folder_she_may_not_write_keeps_the_old_export() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).unwrap();
    let draft = dir.path().join("d.md");
    fs::write(&draft, GOOD).unwrap();
    let out_dir = dir.path().join("theirs");
    fs::create_dir(&out_dir).unwrap();
    let target = out_dir.join("x.md");
    fs::write(&target, "old content").unwrap();
    fs::set_permissions(&out_dir, fs::Permissions::from_mode(0o555)).unwrap();
    let Some(out) = export_as_user(&draft, &target) else {
        return;
    };
    fs::set_permissions(&out_dir, fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("permission denied"), "{}", stderr(&out));
    assert!(stderr(&out).contains("unchanged"), "{}", stderr(&out));
    assert_eq!(fs::read(&target).unwrap(), b"old content");
    assert_eq!(fs::read_dir(&out_dir).unwrap().count(), 1, "a temp file was left");
}
