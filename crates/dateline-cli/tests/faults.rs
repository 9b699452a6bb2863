//! The command line's exports against real faults: a full disk, a
//! read-only disk, and the process killed mid-write. In each case the file
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
    for to in ["pdf", "md"] {
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
