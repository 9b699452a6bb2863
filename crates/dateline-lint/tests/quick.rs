//! The lint that answers at once (`lint_without_waiting`, the editor's):
//! on text Harper has mostly not seen it leaves spelling and grammar for
//! later and says so; once a full lint of that text has run, it gives the
//! full lint's report, and a keystroke's new block is checked at once.

use dateline_lint::{lint, lint_without_waiting, Config, Report};
use std::time::{SystemTime, UNIX_EPOCH};

/// Paragraphs no other test lints, so Harper has not cached them.
fn fresh_draft() -> String {
    let seed = SystemTime::now().duration_since(UNIX_EPOCH).unwrap().as_nanos();
    let paragraphs: String = (0..6)
        .map(|i| format!("Paragraph {i} of run {seed}: the custmer recieves her order in two days.\n\n"))
        .collect();
    format!("# Acme Ships Rockets\n\n{paragraphs}")
}

fn spelling(report: &Report) -> usize {
    report.diagnostics.iter().filter(|d| d.rule == "spelling").count()
}

#[test]
fn much_new_text_is_proofread_later_and_a_keystroke_at_once() {
    let config = Config::default();
    let text = fresh_draft();
    let (quick, pending) = lint_without_waiting(&text, &config);
    assert!(pending, "six new paragraphs are left for later");
    assert_eq!(spelling(&quick), 0, "{:?}", quick.diagnostics);
    assert!(
        quick.diagnostics.iter().any(|d| d.rule == "missing-section"),
        "the other rules answer at once"
    );

    let full = lint(&text, &config);
    assert_eq!(spelling(&full), 12);
    let (again, pending) = lint_without_waiting(&text, &config);
    assert!(!pending);
    assert_eq!(again, full, "once proofread, the quick lint is the full one");

    // One paragraph retyped: checked now, not later.
    let typed = text.replacen("in two days", "in two dayz", 1);
    let (after_key, pending) = lint_without_waiting(&typed, &config);
    assert!(!pending);
    assert_eq!(after_key, lint(&typed, &config));
    assert_eq!(spelling(&after_key), 13);
}
