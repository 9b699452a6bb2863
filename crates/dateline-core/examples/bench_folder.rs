//! The shared-folder benchmark (issue 5): a generated folder of 10,000
//! drafts, listed and indexed on first open (fresh database) and on a later
//! open (same database, a new process's workspace), full-text search, an
//! outside edit picked up, and the peak memory of this process.
//!
//! `cargo run --release -p dateline-core --example bench-folder [DRAFTS]`

use dateline_core::store::Store;
use dateline_core::workspace::{DraftSort, ListQuery};
use dateline_core::Workspace;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const DEFAULT_DRAFTS: usize = 10_000;
const QUERIES: &[&str] = &[
    "customers",
    "ten minut",
    "compost pickup",
    "offline maps",
    "price",
    "invoice paid",
    "battery",
    "schedule",
];

fn corpus() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/corpus");
    let mut texts: Vec<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("reading {}: {e}", dir.display()))
        .filter_map(|e| e.ok())
        .filter(|e| e.path().extension().is_some_and(|x| x == "md"))
        .filter_map(|e| std::fs::read_to_string(e.path()).ok())
        .collect();
    texts.sort();
    texts
}

/// Writes `count` drafts in 100 subfolders, each a corpus draft with its own headline.
fn generate(root: &Path, count: usize) {
    let texts = corpus();
    for i in 0..count {
        let dir = root.join(format!("team-{:02}", i % 100));
        std::fs::create_dir_all(&dir).unwrap();
        let base = &texts[i % texts.len()];
        let text = format!(
            "---\nowner: Owner {}\nstatus: {}\n---\n# Draft {i}: {}",
            i % 37,
            ["draft", "in review", "approved"][i % 3],
            base.trim_start_matches("# ")
        );
        std::fs::write(dir.join(format!("draft-{i:05}.md")), text).unwrap();
    }
}

fn time<T>(f: impl FnOnce() -> T) -> (T, Duration) {
    let start = Instant::now();
    let value = f();
    (value, start.elapsed())
}

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

/// Peak resident memory of this process (Linux), in MB.
fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn main() {
    let count = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(DEFAULT_DRAFTS);
    let work = tempfile::tempdir().unwrap();
    let root: PathBuf = work.path().join("drafts");
    let db = work.path().join("dateline.db");
    let ((), generated) = time(|| generate(&root, count));
    println!("generated {count} drafts in {generated:.2?}");

    let mut ws = Workspace::new(Store::open(&db).unwrap());
    let (listing, first) = time(|| ws.open_folder_path(&root).unwrap());
    assert_eq!(listing.count as usize, count);
    println!("first open (walk, read, lint, index {count} drafts): {first:.2?}");

    let mut again = Workspace::new(Store::open(&db).unwrap());
    let (listing, later) = time(|| again.open_folder_path(&root).unwrap());
    assert_eq!(listing.count as usize, count);
    println!("later open (walk, compare, list):              {later:.2?}");

    let (_, listed) = time(|| again.listing().unwrap());
    println!(
        "list from the index alone (first {} rows):     {listed:.2?}",
        listing.drafts.len()
    );
    let by_title = Some(ListQuery {
        sort: DraftSort::Title,
        ..ListQuery::default()
    });
    let (_, sorted) = time(|| again.list_drafts(by_title).unwrap());
    println!("list sorted by title:                          {sorted:.2?}");

    let mut searches = Vec::new();
    let mut hits = 0;
    for _ in 0..5 {
        for query in QUERIES {
            let (found, took) = time(|| again.search(query, 50).unwrap());
            hits += found.len();
            searches.push(took);
        }
    }
    let worst = *searches.iter().max().unwrap();
    println!(
        "search ({} queries, {hits} hits): median {:.2?}, max {worst:.2?}",
        searches.len(),
        median(searches.clone())
    );

    let edited = format!("team-07/draft-{:05}.md", 7);
    std::fs::write(
        root.join(&edited),
        "# An outside edit\n\nCustomers see it at once.\n",
    )
    .unwrap();
    let (_, update) = time(|| again.apply_changes(&[edited], false).unwrap());
    println!("one outside edit indexed:                      {update:.2?}");

    if let Some(mb) = peak_rss_mb() {
        println!("peak memory of this process:                   {mb:.0} MB");
    }
}
