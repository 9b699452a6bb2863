//! `cargo run -p dateline-export --example docx -- DRAFT.md OUT.docx [--review]`:
//! a draft as a Word document, with a sample review on request (for
//! looking at the result in Word or LibreOffice).

use dateline_export::{
    export_docx, DocxOptions, DocxReview, LintSummary, ReviewComment, ReviewMaterial, ReviewReply,
    TrackedChange,
};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(input), Some(output)) = (args.get(1), args.get(2)) else {
        eprintln!("usage: docx DRAFT.md OUT.docx [--review]");
        std::process::exit(2);
    };
    let text = std::fs::read_to_string(input).expect("read the draft");
    let with_review = args.iter().any(|a| a == "--review");
    let material = with_review.then(|| sample_review(&text));
    let changes = if with_review {
        sample_changes(&text)
    } else {
        Vec::new()
    };
    let review = DocxReview {
        material: material.as_ref(),
        changes: &changes,
    };
    let start = std::time::Instant::now();
    let bytes = export_docx(&text, review, &DocxOptions::default()).expect("export");
    eprintln!(
        "{} bytes in {:.1} ms",
        bytes.len(),
        start.elapsed().as_secs_f64() * 1000.0
    );
    std::fs::write(output, bytes).expect("write");
}

/// Quotes the first sentence of each of the first paragraphs.
fn sentences(text: &str, n: usize) -> Vec<String> {
    text.lines()
        .filter(|l| l.len() > 80 && !l.starts_with(['#', '-', '|', '>', '*']))
        .filter_map(|l| {
            l.split(". ")
                .nth(1)
                .map(|s| s.chars().take(40).collect::<String>())
        })
        .take(n)
        .collect()
}

fn sample_review(text: &str) -> ReviewMaterial {
    let lint = LintSummary::from(&dateline_lint::lint(text, &Default::default()));
    let comments = sentences(text, 3)
        .into_iter()
        .enumerate()
        .map(|(i, quoted)| ReviewComment {
            author: ["Ana Silva", "Ben Ode", "Cy Park"][i].into(),
            quoted: Some(quoted),
            body: "Can we say this with a number?".into(),
            disposition: Some("revise".into()),
            at: Some(1_796_299_200_000),
            offset: None,
            replies: vec![ReviewReply {
                author: "Dana Whitfield".into(),
                body: "Yes, adding the figure.".into(),
                at: Some(1_796_302_800_000),
            }],
        })
        .collect();
    ReviewMaterial {
        comments,
        lint,
        ..Default::default()
    }
}

fn sample_changes(text: &str) -> Vec<TrackedChange> {
    sentences(text, 5)
        .into_iter()
        .skip(3)
        .map(|s| TrackedChange {
            anchor: s.split(' ').take(3).collect::<Vec<_>>().join(" "),
            replacement: "a suggested rewording".into(),
            author: "Ana Silva".into(),
            at: Some(1_796_299_200_000),
            offset: None,
        })
        .collect()
}
