//! The app killed mid-save (issue 24): a child process (this test binary,
//! run again in child mode) keeps journaling and saving new text through
//! the real workspace, on a real SQLite file and a real drafts folder; the
//! test kills it by its pid at spread-out moments, many times. Afterwards
//! the file holds one whole text, never a mix, and reopening brings back
//! every text the child had journaled: from the file, or from the journal.

use dateline_core::store::Store;
use dateline_core::Workspace;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};
use std::{env, fs, thread};

const CHILD: &str = "DATELINE_CRASH_CHILD";
const RUNS: u32 = 12;

/// The n-th text she "types": long, so writing it takes a while.
fn text(n: u32) -> String {
    let body = "Customers charge a phone in ten minutes, with no cable to carry. ".repeat(3_000);
    format!("# Lumen Launches PocketCell, take {n}\n\n{body}\n")
}

/// Which of the texts `bytes` is exactly, if any.
fn which(bytes: &[u8]) -> Option<u32> {
    let s = std::str::from_utf8(bytes).ok()?;
    let n: u32 = s
        .strip_prefix("# Lumen Launches PocketCell, take ")?
        .split(['\n'])
        .next()?
        .parse()
        .ok()?;
    (s == text(n)).then_some(n)
}

fn open(data: &Path, drafts: &Path) -> (Workspace, dateline_core::store::DraftId) {
    let mut ws = Workspace::new(Store::open(&data.join("dateline.sqlite3")).unwrap());
    let listing = ws.open_folder_path(drafts).unwrap();
    let id = listing
        .drafts
        .iter()
        .find(|d| d.rel_path == "launch.md")
        .unwrap()
        .id;
    (ws, id)
}

/// The child: journals text n, says so, saves it, and goes on until killed.
#[test]
#[ignore = "run by a_kill_mid_save_loses_nothing_she_typed, in a child process"]
fn child_saves_until_killed() {
    let (Some(data), Some(drafts)) = (env::var_os(CHILD), env::var_os("DATELINE_CRASH_DRAFTS")) else {
        return;
    };
    let (mut ws, id) = open(Path::new(&data), Path::new(&drafts));
    let opened = ws.open_draft(id).unwrap();
    let mut n = which(opened.recovered.map_or(opened.text, |r| r.text).as_bytes()).unwrap();
    loop {
        n += 1;
        ws.journal(id, &text(n)).unwrap();
        println!("journaled {n}");
        ws.save_draft(id, &text(n)).unwrap();
    }
}

/// Starts the child on the folders; returns it and a channel of the numbers it journaled.
fn spawn_child(data: &Path, drafts: &Path) -> (std::process::Child, mpsc::Receiver<u32>) {
    let mut child = Command::new(env::current_exe().unwrap())
        .args([
            "--exact",
            "child_saves_until_killed",
            "--ignored",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(CHILD, data)
        .env("DATELINE_CRASH_DRAFTS", drafts)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let (tx, rx) = mpsc::channel();
    let out = BufReader::new(child.stdout.take().unwrap());
    thread::spawn(move || {
        for line in out.lines().map_while(Result::ok) {
            if let Some(n) = line.strip_prefix("journaled ").and_then(|n| n.parse().ok()) {
                let _ = tx.send(n);
            }
        }
    });
    (child, rx)
}

/// A spread-out delay without a random-number crate: the clock's nanoseconds.
fn jitter(max: Duration) -> Duration {
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .subsec_nanos();
    max.mul_f64(f64::from(nanos % 1000) / 1000.0)
}

#[test]
fn a_kill_mid_save_loses_nothing_she_typed() {
    let data = tempfile::tempdir().unwrap();
    let drafts = tempfile::tempdir().unwrap();
    let file: PathBuf = drafts.path().join("launch.md");
    fs::write(&file, text(0)).unwrap();
    let mut kills_between_journal_and_save = 0;
    for run in 0..RUNS {
        let (mut child, journaled) = spawn_child(data.path(), drafts.path());
        // Let it get going (opening reads the folder), then kill it somewhere in a few saves.
        let first = journaled
            .recv_timeout(Duration::from_secs(120))
            .expect("the child never journaled");
        let started = Instant::now();
        thread::sleep(jitter(Duration::from_millis(400)));
        child.kill().unwrap();
        child.wait().unwrap();
        let last = journaled.try_iter().last().unwrap_or(first);
        let on_disk = which(&fs::read(&file).unwrap()).unwrap_or_else(|| {
            panic!(
                "run {run}: the file holds no whole text (killed after {:?})",
                started.elapsed()
            )
        });
        let (mut ws, id) = open(data.path(), drafts.path());
        let opened = ws.open_draft(id).unwrap();
        let latest = match &opened.recovered {
            Some(r) => which(r.text.as_bytes())
                .unwrap_or_else(|| panic!("run {run}: the journal holds no whole text")),
            None => on_disk,
        };
        kills_between_journal_and_save += u32::from(opened.recovered.is_some());
        assert!(
            latest >= last && latest >= on_disk,
            "run {run}: text {last} was journaled, yet reopening gives {latest} (file {on_disk})"
        );
        // The store is whole: it can save again, as her next session would.
        ws.journal(id, &text(latest)).unwrap();
        ws.save_draft(id, &text(latest)).unwrap();
        assert_eq!(which(&fs::read(&file).unwrap()), Some(latest));
        drop(ws);
    }
    // No temp file is ever taken for hers: only Dateline's own hidden ones may be left.
    for entry in fs::read_dir(drafts.path()).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        assert!(
            name == "launch.md" || name.starts_with('.'),
            "unexpected file {name}"
        );
    }
    eprintln!("{RUNS} kills, {kills_between_journal_and_save} of them between a journal and its save");
}
