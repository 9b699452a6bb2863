//! Property tests: any text lints without panicking, and every range lands
//! on char boundaries inside the text.

use dateline_lint::{lint, Config, Report};
use proptest::prelude::*;

fn assert_sound(text: &str, report: &Report) {
    let ok = |at: usize| at <= text.len() && text.is_char_boundary(at);
    for d in &report.diagnostics {
        assert!(d.start <= d.end && ok(d.start) && ok(d.end), "{d:?}");
        assert!(d.line >= 1 && d.column >= 1 && d.column_utf16 >= d.column.min(1));
        assert!(d.end_line >= d.line);
        if let Some(f) = &d.fix {
            assert!(f.start <= f.end && ok(f.start) && ok(f.end), "{f:?}");
        }
    }
    for s in &report.outline {
        assert!(s.start <= s.end && ok(s.start) && ok(s.end), "{s:?}");
    }
    assert!(report.score <= 100);
}

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(200)
}

/// Markdown-ish pieces that stress the parser and the outline.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("# ".to_string()),
        Just("## FAQ\n".to_string()),
        Just("### Internal\n".to_string()),
        Just("\n".to_string()),
        Just("\r\n".to_string()),
        Just("\u{feff}".to_string()),
        Just("> ".to_string()),
        Just("- ".to_string()),
        Just("1. ".to_string()),
        Just("    ".to_string()),
        Just("**Q?**".to_string()),
        Just("\"".to_string()),
        Just("“quote” said Ann Lee, CEO.".to_string()),
        Just("SEATTLE — June 1 — ".to_string()),
        Just("very leverage is designed ".to_string()),
        Just("<!-- dateline-disable -->".to_string()),
        Just("<!-- dateline-disable-next-line jargon, weasel-word -->".to_string()),
        Just("<!-- dateline-enable jargonn Long-Sentence -->".to_string()),
        Just("<!-->".to_string()),
        Just("## Summary\n".to_string()),
        Just("Q:\n**Why?**".to_string()),
        Just("---\nproduct: X\n---\n".to_string()),
        Just("| a | b |\n|---|---|\n| c | d |\n".to_string()),
        Just("[^1]\n\n[^1]: note".to_string()),
        Just("`code` &amp; \\* ".to_string()),
        Just("é😀\u{200b}".to_string()),
        "[a-zA-Z .,!?]{0,40}",
        any::<String>(),
    ]
}

proptest! {
    // 200 cases keep `cargo test` quick; PROPTEST_CASES=20000 searches harder.
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    #[test]
    fn markdown_pieces_never_panic(parts in prop::collection::vec(piece(), 0..60)) {
        let text = parts.concat();
        assert_sound(&text, &lint(&text, &Config::default()));
    }

    #[test]
    fn arbitrary_strings_never_panic(text in any::<String>()) {
        assert_sound(&text, &lint(&text, &Config::default()));
    }

    #[test]
    fn arbitrary_configs_never_panic(config in any::<String>(), text in "[ -~\n]{0,200}") {
        let (config, _) = Config::from_toml(&config);
        assert_sound(&text, &lint(&text, &config));
    }
}

#[test]
fn deep_nesting_and_huge_lines() {
    let quotes = format!("{}deep quote very nice", "> ".repeat(3000));
    let lists: String = (0..400)
        .map(|i| format!("{}- item {i} very\n", "  ".repeat(i)))
        .collect();
    let huge_line = "Very many words leverage synergy. ".repeat(30_000);
    let mixed = format!("# T\n\n{}", "**Q?**\n\"".repeat(5000));
    for text in [quotes, lists, huge_line, mixed] {
        assert_sound(&text, &lint(&text, &Config::default()));
    }
}

fn findings(text: &str) -> Vec<(&'static str, usize)> {
    lint(text, &Config::default())
        .diagnostics
        .iter()
        .map(|d| (d.rule, d.line))
        .collect()
}

#[test]
fn crlf_and_bom_do_not_change_findings() {
    let text = include_str!("fixtures/style.md");
    let crlf = text.replace('\n', "\r\n");
    let bom = format!("\u{feff}{text}");
    assert_eq!(findings(&crlf), findings(text));
    assert_eq!(findings(&bom), findings(text));
    assert_sound(&crlf, &lint(&crlf, &Config::default()));
}

#[test]
fn utf16_columns_count_surrogate_pairs() {
    let text = "# 😀😀 Rocket leverages synergy\n";
    let report = lint(text, &Config::default());
    let d = report
        .diagnostics
        .iter()
        .find(|d| d.rule == "jargon")
        .expect("jargon");
    assert_eq!(d.column, 13);
    assert_eq!(d.column_utf16, 15);
}
