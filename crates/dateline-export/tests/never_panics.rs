//! Any text exports: no panic, and the PDF export never fails on a draft.
//! Any bytes import: a draft or an error, never a panic.

use dateline_export::{
    export_docx, export_markdown, export_pdf, import_docx, DocxOptions, DocxReview, MarkdownOptions,
    PdfOptions,
};
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

    #[test]
    fn word_export_succeeds_and_reads_back_on_any_draft(text in draft()) {
        let bytes = export_docx(&text, DocxReview::default(), &DocxOptions::default());
        prop_assert!(bytes.is_ok(), "{:?}", bytes.err());
        let imported = import_docx(&bytes.unwrap());
        prop_assert!(imported.is_ok(), "{:?}", imported.err());
    }

    #[test]
    fn import_never_panics_on_damaged_packages(cut in 0usize..4000, flips in proptest::collection::vec((0usize..4000, any::<u8>()), 0..8)) {
        let mut bytes = export_docx("# H\n\n- a\n- b\n\n| x | y |\n|---|---|\n| 1 | 2 |\n", DocxReview::default(), &DocxOptions::default()).unwrap();
        for (at, value) in flips {
            let at = at % bytes.len();
            bytes[at] = value;
        }
        bytes.truncate(bytes.len().saturating_sub(cut % bytes.len()));
        let _ = import_docx(&bytes);
    }
}
