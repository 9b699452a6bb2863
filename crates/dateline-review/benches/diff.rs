//! Review diff time on long drafts of the corpus (`tests/corpus`) against
//! an edited copy (words changed across the draft, a paragraph removed, one
//! added, a FAQ question moved): the whole `diff` (which lints both sides),
//! the alignment and word diff alone, and the lint delta.
//!
//! `CARGO_TARGET_DIR=target-review cargo bench -p dateline-review --bench diff`

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use dateline_lint::{lint, Config};
use dateline_review::{diff, diff_with_outlines, lint_delta};
use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

fn read(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/corpus")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("the benchmark reads {}: {e}", path.display()))
}

/// A reviewer's round of edits, spread over the whole draft.
fn edited(text: &str) -> String {
    let mut blocks: Vec<String> = text.split("\n\n").map(str::to_string).collect();
    let n = blocks.len();
    for (i, b) in blocks.iter_mut().enumerate() {
        if i % 5 == 3 {
            *b = b
                .replacen(" the ", " this ", 1)
                .replacen(" and ", " and also ", 1);
        }
    }
    // Move the first FAQ question (with its answer) three questions down.
    if let Some(q) = blocks
        .iter()
        .position(|b| b.starts_with("**") && b.lines().next().is_some_and(|l| l.ends_with("?**")))
    {
        if q + 4 < blocks.len() && blocks[q + 1..q + 4].iter().all(|b| b.starts_with("**")) {
            let block = blocks.remove(q);
            blocks.insert(q + 3, block);
        }
    }
    blocks.remove(n / 3);
    blocks.insert(
        n / 2,
        "A new paragraph the reviewer asked for, with a number: 42 percent of customers said so.".into(),
    );
    blocks.join("\n\n")
}

fn bench(c: &mut Criterion) {
    let config = Config::default();
    let mut group = c.benchmark_group("review");
    group.measurement_time(Duration::from_secs(4));
    for name in [
        "20-helios-solar-roof.md",
        "14-ledgerline-audit-assistant.md",
        "big/big-concat.md",
    ] {
        let old = read(name);
        let new = edited(&old);
        let words = old.split_whitespace().count();
        let id = format!(
            "{}-{words}w",
            name.trim_end_matches(".md").trim_start_matches("big/")
        );
        let (old_report, new_report) = (lint(&old, &config), lint(&new, &config));
        group.bench_with_input(BenchmarkId::new("diff", &id), &(&old, &new), |b, (o, n)| {
            b.iter(|| diff(black_box(o), black_box(n)))
        });
        group.bench_with_input(
            BenchmarkId::new("align+words", &id),
            &(&old, &new),
            |b, (o, n)| {
                b.iter(|| {
                    diff_with_outlines(
                        black_box(o),
                        &old_report.outline,
                        black_box(n),
                        &new_report.outline,
                    )
                })
            },
        );
        group.bench_with_input(BenchmarkId::new("lint-delta", &id), &(&old, &new), |b, (o, n)| {
            b.iter(|| lint_delta(&old_report, &new_report, black_box(o), black_box(n)))
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
