//! Lints a file many times and compares with the bare parse, for profilers
//! and quick checks: `cargo run --release --example profile -- PATH [N]`
//! (N lints, then N parses, in eight rounds; the fastest round of each).
//!
//! With a third argument `lint`, `parse` or `none`, it runs only that (after
//! one warm-up lint that builds the word lists), for instruction counts:
//! under `valgrind --tool=callgrind`, (count of `lint` - count of `none`) / N
//! is the cost of one lint.
use std::hint::black_box;
use std::time::{Duration, Instant};

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: profile PATH [N] [lint|parse|none]");
    let n: u32 = args.next().and_then(|n| n.parse().ok()).unwrap_or(1000);
    let only = args.next();
    let text = std::fs::read_to_string(&path).expect("readable UTF-8 file");
    let config = dateline_lint::Config::default();
    let (rss, start) = (rss_kib(), Instant::now());
    // The editor's first lint, as the app starts: it does not wait for Harper.
    let (_, pending) = black_box(dateline_lint::lint_without_waiting(&text, &config));
    let before_harper = start.elapsed();
    let start = Instant::now();
    dateline_lint::warm_up();
    let loaded = start.elapsed();
    // A draft opened once Harper is loaded: its blocks are still new to it.
    let quick = Instant::now();
    let (_, still_pending) = black_box(dateline_lint::lint_without_waiting(&text, &config));
    let opened = quick.elapsed();
    let full = Instant::now();
    black_box(dateline_lint::lint(&text, &config));
    println!(
        "editor's first lint {before_harper:?} (spelling left for later: {pending}), then {opened:?} once Harper is loaded ({still_pending}); \
         full first lint {:?}: Harper loaded (warm_up) {loaded:?}, then every block checked {:?}; RSS +{} MB",
        loaded + full.elapsed(),
        full.elapsed(),
        rss_kib().saturating_sub(rss) / 1024
    );
    match only.as_deref() {
        Some("lint") => (0..n).for_each(|_| drop(black_box(dateline_lint::lint(black_box(&text), &config)))),
        Some("parse") => (0..n).for_each(|_| {
            black_box(dateline_lint::parse_only(black_box(&text)));
        }),
        Some(_) => {}
        None => compare(&text, &config, n),
    }
}

/// The process's resident memory (Linux; 0 elsewhere).
fn rss_kib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

/// Lint and bare parse in alternating rounds, keeping each one's fastest
/// round: on a shared machine the minimum is the figure that repeats.
fn compare(text: &str, config: &dateline_lint::Config, n: u32) {
    const ROUNDS: usize = 8;
    let (mut lint, mut parse) = (Duration::MAX, Duration::MAX);
    let (mut findings, mut events) = (0, 0);
    for _ in 0..ROUNDS {
        let start = Instant::now();
        findings = (0..n)
            .map(|_| dateline_lint::lint(black_box(text), config).diagnostics.len())
            .sum::<usize>();
        lint = lint.min(start.elapsed() / n);
        let start = Instant::now();
        events = (0..n)
            .map(|_| dateline_lint::parse_only(black_box(text)))
            .sum::<usize>();
        parse = parse.min(start.elapsed() / n);
    }
    println!(
        "lint {lint:?}, bare parse {parse:?} ({:.1}x; fastest of {ROUNDS} rounds), {} findings, {} events",
        lint.as_secs_f64() / parse.as_secs_f64(),
        findings / n as usize,
        events / n as usize
    );
}
