//! Full lint time against the bare pulldown-cmark parse (the floor), on
//! drafts of the corpus (`tests/corpus`) and on the 200 KB concatenation.
//!
//! `cargo bench -p dateline-lint --bench lint`

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use dateline_lint::{lint, parse_only, Config};
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

fn corpus() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/corpus");
    assert!(
        dir.is_dir(),
        "the benchmark reads the corpus at {}",
        dir.display()
    );
    dir
}

fn read(name: &str) -> String {
    std::fs::read_to_string(corpus().join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn drafts(c: &mut Criterion) {
    let config = Config::default();
    let mut group = c.benchmark_group("draft");
    group.measurement_time(Duration::from_secs(3));
    for name in [
        "01-lumen-pocket-battery.md",
        "09-kestrel-drone-inspection.md",
        "20-helios-solar-roof.md",
        "big/big-concat.md",
    ] {
        let text = read(name);
        let words = text.split_whitespace().count();
        let id = format!(
            "{}-{words}w",
            name.trim_end_matches(".md").trim_start_matches("big/")
        );
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::new("parse", &id), &text, |b, t| {
            b.iter(|| parse_only(black_box(t)))
        });
        group.bench_with_input(BenchmarkId::new("lint", &id), &text, |b, t| {
            b.iter(|| lint(black_box(t), &config))
        });
    }
    group.finish();
}

fn whole_corpus(c: &mut Criterion) {
    let config = Config::default();
    let mut texts = Vec::new();
    for entry in std::fs::read_dir(corpus()).expect("corpus") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "md") && !path.ends_with("README.md") {
            texts.push(std::fs::read_to_string(path).expect("draft"));
        }
    }
    let mut group = c.benchmark_group("corpus");
    group.measurement_time(Duration::from_secs(3));
    group.throughput(Throughput::Bytes(texts.iter().map(|t| t.len() as u64).sum()));
    group.bench_function("parse-20-drafts", |b| {
        b.iter(|| texts.iter().map(|t| parse_only(black_box(t))).sum::<usize>())
    });
    group.bench_function("lint-20-drafts", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| lint(black_box(t), &config).diagnostics.len())
                .sum::<usize>()
        })
    });
    group.finish();
}

/// Spelling and grammar on the 2,731-word draft: the full lint with and
/// without them (their findings cached by block), and a keystroke, where
/// one paragraph is new each time and Harper checks it.
fn proofreading(c: &mut Criterion) {
    let text = read("20-helios-solar-roof.md");
    let with = Config::default();
    let (without, _) = Config::from_toml("[rules]\nspelling = \"off\"\ngrammar = \"off\"\n");
    let mut group = c.benchmark_group("proofread");
    group.measurement_time(Duration::from_secs(3));
    group.bench_function("lint-without-spelling-grammar", |b| {
        b.iter(|| lint(black_box(&text), &without))
    });
    group.bench_function("lint-with-spelling-grammar", |b| {
        b.iter(|| lint(black_box(&text), &with))
    });
    let paragraph = "Helios reaches these prices because it cuts soft costs.";
    let mut n = 0u64;
    group.bench_function("keystroke-one-new-paragraph", |b| {
        b.iter(|| {
            n += 1;
            let edited = text.replacen(paragraph, &format!("{paragraph} It saves {n} dollars."), 1);
            lint(black_box(&edited), &with)
        })
    });
    group.finish();
}

criterion_group!(benches, drafts, whole_corpus, proofreading);
criterion_main!(benches);
