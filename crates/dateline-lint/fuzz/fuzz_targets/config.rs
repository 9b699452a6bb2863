//! Any config text is read without panicking, and the config it gives lints.
#![no_main]

use dateline_lint::{lint, Config};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let (config, problems) = Config::from_toml(&text);
    for p in &problems {
        assert!(p.line >= 1 && p.column >= 1);
    }
    let _ = lint(dateline_lint::TEMPLATE, &config);
});
