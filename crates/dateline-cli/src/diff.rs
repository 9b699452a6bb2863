//! `dateline diff OLD NEW`: the two versions aligned section by section, the
//! words that changed, and what the edit did to the lint findings.

use dateline_lint::{lint, Config};
use serde::Serialize;
use std::path::Path;
use std::process::ExitCode;

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DiffFormat {
    Text,
    Json,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct JsonDiff<'a> {
    old: String,
    new: String,
    diff: &'a dateline_review::ReviewDiff,
    lint_delta: &'a dateline_review::LintDelta,
}

/// Exit status: 0 when the versions are the same, 1 when they differ (as
/// `diff` does), 2 when a file cannot be read.
pub fn run(old_path: &Path, new_path: &Path, format: DiffFormat) -> ExitCode {
    let (old, new) = match (read_text(old_path), read_text(new_path)) {
        (Ok(old), Ok(new)) => (old, new),
        (Err(message), _) | (_, Err(message)) => {
            eprintln!("dateline: {message}");
            return ExitCode::from(2);
        }
    };
    let config = Config::default();
    let (old_report, new_report) = (lint(&old, &config), lint(&new, &config));
    let diff = dateline_review::diff_with_outlines(&old, &old_report.outline, &new, &new_report.outline);
    let delta = dateline_review::lint_delta(&old_report, &new_report, &old, &new);
    match format {
        DiffFormat::Text => {
            println!("--- {}\n+++ {}", old_path.display(), new_path.display());
            print!("{}", dateline_review::render_text(&diff, &delta, &old, &new));
        }
        DiffFormat::Json => {
            let json = JsonDiff {
                old: old_path.display().to_string(),
                new: new_path.display().to_string(),
                diff: &diff,
                lint_delta: &delta,
            };
            println!("{}", serde_json::to_string_pretty(&json).unwrap_or_default());
        }
    }
    if diff.is_unchanged() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

fn read_text(path: &Path) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let text = String::from_utf8(bytes).map_err(|_| format!("{} is not UTF-8 text", path.display()))?;
    // The same draft saved with CRLF or a BOM is the same text.
    Ok(text.trim_start_matches('\u{feff}').replace("\r\n", "\n"))
}
