//! Lints a file many times and compares with the bare parse, for profilers
//! and quick checks: `cargo run --release --example profile -- PATH [N]`.
use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: profile PATH [N]");
    let n: u32 = args.next().and_then(|n| n.parse().ok()).unwrap_or(1000);
    let text = std::fs::read_to_string(&path).expect("readable UTF-8 file");
    let config = dateline_lint::Config::default();
    let start = Instant::now();
    let findings: usize = (0..n)
        .map(|_| dateline_lint::lint(&text, &config).diagnostics.len())
        .sum();
    let lint = start.elapsed() / n;
    let start = Instant::now();
    let events: usize = (0..n).map(|_| dateline_lint::parse_only(&text)).sum();
    let parse = start.elapsed() / n;
    println!(
        "lint {lint:?}, bare parse {parse:?} ({:.1}x), {} findings, {} events",
        lint.as_secs_f64() / parse.as_secs_f64(),
        findings / n as usize,
        events / n as usize
    );
}
