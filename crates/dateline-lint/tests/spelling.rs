//! The planted misspellings of `fixtures/spelling-planted.md` each come
//! with a sensible first correction, applied by the fix.

use dateline_lint::{lint, Config};
use std::path::Path;

/// Misspelling, then the first correction a writer would want.
const PLANTED: &[(&str, &str)] = &[
    ("Befor", "Before"),
    ("Teh", "The"),
    ("custmer", "customer"),
    ("recieves", "receives"),
    ("sepcial", "special"),
    ("definately", "definitely"),
    ("untill", "until"),
];

#[test]
fn each_planted_misspelling_has_a_sensible_first_correction() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/spelling-planted.md");
    let text = std::fs::read_to_string(path).expect("fixture");
    let report = lint(&text, &Config::default());
    let found: Vec<(&str, &str)> = report
        .diagnostics
        .iter()
        .filter(|d| d.rule == "spelling")
        .map(|d| {
            let fix = d.fix.as_ref().unwrap_or_else(|| panic!("no fix: {d:?}"));
            assert_eq!((fix.start, fix.end), (d.start, d.end));
            (&text[d.start..d.end], fix.replacement.as_str())
        })
        .collect();
    assert_eq!(found, PLANTED);
}
