//! Export speed on the six-page sample (corpus 20, Helios): fonts loaded
//! once, then each iteration typesets a PDF. `memo` exports the same text
//! every time (Typst's memoisation reuses earlier work, as when re-exporting
//! an unchanged draft); `edited` changes the text each time, as after an edit.
//!
//! `CARGO_TARGET_DIR=target-export cargo bench -p dateline-export --bench export`

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use dateline_export::{export_markdown, export_pdf, MarkdownOptions, PdfOptions};

const DRAFT: &str = include_str!("../tests/fixtures/20-helios-solar-roof.md");

fn pdf(c: &mut Criterion) {
    dateline_export::warm_up();
    let opts = PdfOptions::default();
    let pages = export_pdf(DRAFT, &opts).unwrap().page_count;
    eprintln!("sample draft: {} bytes, {pages} pages", DRAFT.len());
    let mut group = c.benchmark_group("pdf");
    group.sample_size(20);
    group.bench_function("memo", |b| {
        b.iter(|| export_pdf(black_box(DRAFT), &opts).unwrap())
    });
    let mut n = 0u64;
    group.bench_function("edited", |b| {
        b.iter(|| {
            n += 1;
            let text = format!("{DRAFT}\nEdit number {n}.\n");
            export_pdf(black_box(&text), &opts).unwrap()
        })
    });
    group.finish();
}

fn markdown(c: &mut Criterion) {
    let opts = MarkdownOptions {
        wrap: Some(80),
        ..Default::default()
    };
    c.bench_function("markdown/wrap80", |b| {
        b.iter(|| export_markdown(black_box(DRAFT), &opts))
    });
}

criterion_group!(benches, pdf, markdown);
criterion_main!(benches);
