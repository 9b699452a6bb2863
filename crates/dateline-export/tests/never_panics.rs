//! Any text exports: no panic, and the PDF export never fails on a draft.

use dateline_export::{export_markdown, export_pdf, MarkdownOptions, PdfOptions};
use proptest::prelude::*;

/// Lines mixing Markdown and Typst syntax, so the generator hits both.
fn draft() -> impl Strategy<Value = String> {
    let line = prop_oneof![
        Just("# ".to_string()),
        Just("## Frequently asked questions".to_string()),
        Just("**Q?**".to_string()),
        Just("- ".to_string()),
        Just("1. ".to_string()),
        Just("> ".to_string()),
        Just("```".to_string()),
        Just("---".to_string()),
        Just("| a | b |\n|---|---|".to_string()),
        Just("[^1]: note".to_string()),
        "[#$*_@<>\\\\/\\[\\]{}()`~=+\"'a-z é—\t ]{0,40}",
    ];
    proptest::collection::vec(line, 0..12).prop_map(|lines| lines.join("\n"))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn pdf_export_succeeds_on_any_draft(text in draft()) {
        let export = export_pdf(&text, &PdfOptions::default());
        prop_assert!(export.is_ok(), "{:?}", export.err());
    }

    #[test]
    fn markdown_export_never_panics(text in draft(), wrap in proptest::option::of(1usize..100)) {
        let out = export_markdown(&text, &MarkdownOptions { wrap, ..Default::default() });
        prop_assert!(out.ends_with('\n'));
    }
}
