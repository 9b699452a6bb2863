//! Model-based test of the folder index: random sequences of what people and
//! programs do to a shared folder (creates, in-place writes, temp-file +
//! rename saves, deletes, renames, folder moves, bursts of 1,000 files) are
//! applied to a real folder watched by the real watcher (native events, and
//! polling); once the events settle, the index (a real SQLite file) must
//! equal a fresh walk of the folder, content included. A failing seed
//! replays alone with `MODEL_SEED=n` (native), `MODEL_DEBUG=1` prints the
//! operations and the watcher's batches.

use dateline_core::folder;
use dateline_core::store::Store;
use dateline_core::watch::{self, DraftsChanged, WatchMode, WatchOptions};
use dateline_core::workspace::ListQuery;
use dateline_core::Workspace;
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

/// A small deterministic generator, so a failing seed can be replayed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

struct World {
    root: PathBuf,
    counter: u32,
    rng: Rng,
}

impl World {
    /// Drafts now on disk (relative paths), from a walk.
    fn drafts(&self) -> Vec<String> {
        folder::scan(&self.root)
            .unwrap()
            .drafts
            .into_iter()
            .map(|d| d.rel_path)
            .collect()
    }

    /// A draft text whose headline names this write, so stale content shows.
    fn text(&mut self) -> String {
        self.counter += 1;
        let body = "Customers save ten minutes a day. ".repeat(1 + self.rng.below(40));
        format!("# Headline {}\n\n{body}\n", self.counter)
    }

    fn some_dir(&mut self) -> PathBuf {
        let dirs = ["", "q3", "q3/launch", "archive"];
        let dir = self.root.join(dirs[self.rng.below(dirs.len())]);
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    fn pick_draft(&mut self) -> Option<PathBuf> {
        let drafts = self.drafts();
        (!drafts.is_empty()).then(|| self.root.join(&drafts[self.rng.below(drafts.len())]))
    }

    fn step(&mut self) {
        let op = self.rng.below(10);
        if std::env::var_os("MODEL_DEBUG").is_some() {
            eprintln!("op {op} (counter {})", self.counter);
        }
        match op {
            0 | 1 => {
                let path = self.some_dir().join(format!("draft-{}.md", self.rng.below(30)));
                let text = self.text();
                fs::write(path, text).unwrap();
            }
            2 | 3 => {
                if let Some(path) = self.pick_draft() {
                    let text = self.text();
                    fs::write(path, text).unwrap();
                }
            }
            4 | 5 => {
                // Save through a temporary file renamed over the draft.
                if let Some(path) = self.pick_draft() {
                    let tmp = path.with_file_name(format!(".{}.tmp", self.counter));
                    let text = self.text();
                    fs::write(&tmp, text).unwrap();
                    fs::rename(&tmp, &path).unwrap();
                }
            }
            6 => {
                if let Some(path) = self.pick_draft() {
                    fs::remove_file(path).unwrap();
                }
            }
            7 => {
                if let Some(path) = self.pick_draft() {
                    let to = self.some_dir().join(format!("renamed-{}.md", self.rng.below(30)));
                    fs::rename(path, to).unwrap();
                }
            }
            8 => self.move_folder(),
            _ => {
                // Non-drafts and other editors' files must never show up.
                let dir = self.some_dir();
                fs::write(dir.join("notes.txt"), "x").unwrap();
                fs::write(dir.join(format!("draft-{}.md~", self.rng.below(30))), "x").unwrap();
            }
        }
    }

    fn move_folder(&mut self) {
        let from = self.root.join("q3");
        if from.is_dir() {
            let to = self.root.join(format!("moved-{}", self.rng.next() % 1_000_000));
            if !to.exists() {
                fs::rename(from, to).unwrap();
            }
        }
    }

    fn burst(&mut self, files: usize) {
        let dir = self.root.join(format!("burst-{}", self.counter));
        fs::create_dir_all(&dir).unwrap();
        for i in 0..files {
            let text = self.text();
            fs::write(dir.join(format!("b{i}.md")), text).unwrap();
        }
    }
}

/// Applies the watcher's events to the index until none come for `quiet`.
fn settle(ws: &mut Workspace, events: &mpsc::Receiver<DraftsChanged>, quiet: Duration) {
    while let Ok(change) = events.recv_timeout(quiet) {
        if std::env::var_os("MODEL_DEBUG").is_some() {
            eprintln!("{change:?}");
        }
        ws.apply_changes(&change.rel_paths, change.rescan).unwrap();
    }
}

/// The index as the list shows it (every row), against a walk plus each
/// file's headline.
fn assert_index_matches_walk(ws: &mut Workspace, root: &Path, context: &str) {
    let every_row = ListQuery {
        limit: u32::MAX,
        ..ListQuery::default()
    };
    let listing = ws.list_drafts(Some(every_row)).unwrap();
    assert_eq!(listing.drafts.len(), listing.count as usize, "{context}");
    let indexed: BTreeMap<String, (f64, String)> = listing
        .drafts
        .iter()
        .map(|d| (d.rel_path.clone(), (d.size_bytes, d.title.clone())))
        .collect();
    let walked: BTreeMap<String, (f64, String)> = folder::scan(root)
        .unwrap()
        .drafts
        .into_iter()
        .map(|d| {
            let text = fs::read_to_string(root.join(&d.rel_path)).unwrap();
            let title = text.lines().next().unwrap().trim_start_matches("# ").to_string();
            (d.rel_path, (d.size as f64, title))
        })
        .collect();
    assert_eq!(indexed, walked, "{context}");
}

fn run_model(mode: WatchMode, seeds: std::ops::Range<u64>, quiet: Duration) {
    for seed in seeds {
        let data = tempfile::tempdir().unwrap();
        let drafts = tempfile::tempdir().unwrap();
        let root = drafts.path().canonicalize().unwrap();
        let mut world = World {
            root: root.clone(),
            counter: 0,
            rng: Rng(0x9E37_79B9_7F4A_7C15 ^ (seed + 1)),
        };
        for _ in 0..5 {
            world.step();
        }
        let mut ws = Workspace::new(Store::open(&data.path().join("dateline.db")).unwrap());
        ws.open_folder_path(&root).unwrap();
        let (sender, events) = mpsc::channel();
        let options = WatchOptions {
            mode,
            poll_interval: Duration::from_millis(100),
            // Long enough never to tick: the events alone must keep the index right.
            reconcile_every: Duration::from_secs(3600),
        };
        let watcher = watch::watch(root.clone(), options, move |change| {
            let _ = sender.send(change);
        })
        .unwrap();
        assert_eq!(watcher.mode, mode);
        for round in 0..4 {
            for _ in 0..12 {
                world.step();
            }
            if round == 2 && seed % 2 == 0 {
                world.burst(1000);
            }
            settle(&mut ws, &events, quiet);
            eprintln!("{mode:?} seed {seed} round {round}: settled");
            assert_index_matches_walk(&mut ws, &root, &format!("{mode:?}, seed {seed}, round {round}"));
        }
        // A fresh launch on the same database agrees too.
        drop(watcher);
        let mut again = Workspace::new(Store::open(&data.path().join("dateline.db")).unwrap());
        again.open_folder_path(&root).unwrap();
        assert_index_matches_walk(&mut again, &root, &format!("{mode:?}, seed {seed}, relaunch"));
    }
}

#[test]
fn the_index_follows_the_folder_with_native_events() {
    let seeds = std::env::var("MODEL_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .map_or(0..6, |s: u64| s..s + 1);
    run_model(WatchMode::Native, seeds, Duration::from_millis(800));
}

#[test]
fn the_index_follows_the_folder_by_polling() {
    run_model(WatchMode::Poll, 100..104, Duration::from_millis(1200));
}
