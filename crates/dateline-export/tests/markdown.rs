//! Markdown export: golden files, and properties every export must keep.
//!
//! Goldens live in `tests/golden/`. After an intended change of output, run
//! `UPDATE_GOLDEN=1 cargo test -p dateline-export --test markdown` and review
//! the diff.

mod common;

use std::path::PathBuf;

use common::fixture;
use dateline_export::{
    export_markdown, Appendix, FrontMatterMode, LintFinding, LintSummary, MarkdownOptions, ReviewComment,
};
use pulldown_cmark::{Event, Options, Parser};

const FIXTURES: [&str; 5] = [
    "01-lumen-pocket-battery.md",
    "14-ledgerline-audit-assistant.md",
    "15-metro-bike-share.md",
    "20-helios-solar-roof.md",
    "labelled-template.md",
];

fn check_golden(name: &str, actual: &str) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("missing golden {}; run with UPDATE_GOLDEN=1", path.display()));
    assert!(
        expected == actual,
        "{name} differs from its golden; rerun with UPDATE_GOLDEN=1 if intended"
    );
}

fn wrapped(width: usize) -> MarkdownOptions<'static> {
    MarkdownOptions {
        wrap: Some(width),
        ..Default::default()
    }
}

#[test]
fn goldens_wrapped_at_72_and_unwrapped() {
    for name in FIXTURES {
        let text = fixture(name);
        let stem = name.trim_end_matches(".md");
        check_golden(
            &format!("{stem}.wrap72.md"),
            &export_markdown(&text, &wrapped(72)),
        );
        check_golden(
            &format!("{stem}.unwrapped.md"),
            &export_markdown(&text, &MarkdownOptions::default()),
        );
    }
}

/// The document a Markdown text means: its events with soft breaks read as
/// spaces, adjacent text merged, and adjacent lists of one kind merged (the
/// export joins lists that differ only by their marker).
fn meaning(markdown: &str) -> Vec<String> {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS;
    let mut out: Vec<String> = Vec::new();
    let mut text = String::new();
    for event in Parser::new_ext(markdown, options) {
        match event {
            Event::Text(t) => text.push_str(&t),
            Event::SoftBreak => text.push(' '),
            Event::Start(pulldown_cmark::Tag::List(start))
                if out
                    .last()
                    .is_some_and(|e| *e == format!("End(List({}))", start.is_some())) =>
            {
                out.pop();
            }
            other => {
                if !text.is_empty() {
                    out.push(format!("Text({})", common::squash(&text)));
                    text.clear();
                }
                out.push(format!("{other:?}").replace("BlockQuote(None)", "BlockQuote"));
            }
        }
    }
    out
}

#[test]
fn export_keeps_the_meaning_at_every_width() {
    for name in FIXTURES {
        let text = fixture(name);
        for opts in [wrapped(40), wrapped(72), wrapped(100), MarkdownOptions::default()] {
            let out = export_markdown(&text, &opts);
            assert_eq!(meaning(&text), meaning(&out), "{name} at {:?}", opts.wrap);
        }
    }
}

#[test]
fn export_is_idempotent() {
    for name in FIXTURES {
        let once = export_markdown(&fixture(name), &wrapped(72));
        assert_eq!(once, export_markdown(&once, &wrapped(72)), "{name}");
    }
}

#[test]
fn wrapped_prose_lines_fit_the_width() {
    let out = export_markdown(&fixture("01-lumen-pocket-battery.md"), &wrapped(60));
    for line in out.lines() {
        let single_word = !line.trim().contains(' ');
        assert!(
            line.chars().count() <= 60 || single_word || line.starts_with('#'),
            "too long: {line:?}"
        );
    }
    assert!(out.lines().count() > 40, "60 columns should make many lines");
}

#[test]
fn unwrapped_paragraphs_are_one_line() {
    let out = export_markdown(
        "One line\nand another\nand a third.\n",
        &MarkdownOptions::default(),
    );
    assert_eq!(out, "One line and another and a third.\n");
}

#[test]
fn styles_are_normalised() {
    let text = "Title\n=====\n\n+ a\n* b\n\n1) one\n2) two\n\nSub\n---\n\n    code\n";
    let out = export_markdown(text, &MarkdownOptions::default());
    assert_eq!(
        out,
        "# Title\n\n- a\n- b\n\n1. one\n2. two\n\n## Sub\n\n```\ncode\n```\n"
    );
}

#[test]
fn wrapping_never_starts_a_line_with_block_syntax() {
    let text = "Sales rose to 2025. - and + and # and > and 1) all stay inline, \\*not emphasis\\* \\_nor this\\_ \\# \\[x\\](y) whatever the width.\n";
    for width in 10..60 {
        let out = export_markdown(text, &wrapped(width));
        assert_eq!(meaning(text), meaning(&out), "width {width}: {out}");
    }
}

#[test]
fn front_matter_kept_or_stripped() {
    let text = "---\ntitle: Lumen\nowner: Dana\n---\n\n# Lumen   ships\n";
    let kept = export_markdown(text, &MarkdownOptions::default());
    assert_eq!(kept, "---\ntitle: Lumen\nowner: Dana\n---\n\n# Lumen   ships\n");
    let strip = MarkdownOptions {
        front_matter: FrontMatterMode::Strip,
        ..Default::default()
    };
    assert_eq!(export_markdown(text, &strip), "# Lumen   ships\n");
}

#[test]
fn appendix_lists_comments_and_lint_with_user_text_escaped() {
    let comments = [ReviewComment {
        author: "Ana *B*".into(),
        quoted: Some("A battery that sits in a drawer".into()),
        body: "Cut this.\n\n# Not a heading".into(),
        disposition: Some("accepted".into()),
        ..Default::default()
    }];
    let lint = LintSummary {
        score: 82,
        errors: 1,
        warnings: 2,
        infos: 0,
        findings: vec![LintFinding {
            line: 3,
            severity: "warning".into(),
            rule: "jargon".into(),
            message: "Replace \"leverage\" with \"use\".".into(),
        }],
    };
    let opts = MarkdownOptions {
        appendix: Some(Appendix {
            comments: &comments,
            suggestions: &[],
            lint: Some(&lint),
        }),
        ..Default::default()
    };
    let out = export_markdown("# Lumen\n", &opts);
    let meaning = meaning(&out);
    assert!(out.contains("## Appendix: review comments"), "{out}");
    assert!(out.contains("> A battery that sits in a drawer"), "{out}");
    assert!(
        meaning
            .iter()
            .any(|e| e == "Text(Readiness 82/100: 1 error, 2 warnings, 0 notes.)"),
        "{meaning:?}"
    );
    assert!(meaning
        .iter()
        .any(|e| e == "Text(Line 3, warning, jargon: Replace \"leverage\" with \"use\".)"));
    // User text stays text: no emphasis from the author's name, no heading from the body.
    assert!(meaning.iter().any(|e| e == "Text(Ana *B*)"), "{meaning:?}");
    assert!(
        meaning.iter().any(|e| e == "Text(# Not a heading)"),
        "{meaning:?}"
    );
    assert_eq!(
        meaning.iter().filter(|e| e.starts_with("Start(Heading")).count(),
        3,
        "{meaning:?}"
    );
}

#[test]
fn tricky_inputs_do_not_panic() {
    let inputs = [
        "",
        "---\n",
        "---\n---\n",
        "\u{feff}---\ntitle: x\n---\n",
        "[^a]\n\n[^a]: [^a]\n",
        "> - > 1. ```\n",
        "| a |\n|---|\n| `|` |\n",
        "<!-- x -->\n<div>\n*a*\n</div>\n",
        "a  \nb\\\nc",
    ];
    for text in inputs {
        for opts in [wrapped(1), wrapped(20), MarkdownOptions::default()] {
            let out = export_markdown(text, &opts);
            assert!(out.ends_with('\n'));
        }
    }
}

#[test]
fn list_items_wrap_under_their_own_text() {
    let text = "# T\n\n1. First numbered item that is long enough to wrap at forty columns here.\n2. Second\n   - nested item that also is long enough to need wrapping at forty.\n";
    let out = export_markdown(
        text,
        &MarkdownOptions {
            wrap: Some(40),
            ..Default::default()
        },
    );
    assert_eq!(
        out,
        "# T\n\n1. First numbered item that is long\n   enough to wrap at forty columns here.\n2. Second\n   - nested item that also is long\n     enough to need wrapping at forty.\n"
    );
}
