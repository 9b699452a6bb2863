//! Any bytes, read as the CLI would (lossy UTF-8), lint without panicking
//! and give ranges on char boundaries inside the text.
#![no_main]

use dateline_lint::{lint, Config};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let report = lint(&text, &Config::default());
    let ok = |at: usize| at <= text.len() && text.is_char_boundary(at);
    for d in &report.diagnostics {
        assert!(d.start <= d.end && ok(d.start) && ok(d.end));
        if let Some(f) = &d.fix {
            assert!(f.start <= f.end && ok(f.start) && ok(f.end));
        }
    }
    for s in &report.outline {
        assert!(s.start <= s.end && ok(s.start) && ok(s.end));
    }
    assert!(report.score <= 100);
});
