//! The three output formats: text lines, JSON (the spec's shape) and SARIF.

use crate::files::Run;
use dateline_lint::{rules, Diagnostic, Severity};
use serde_json::{json, Value};
use std::fmt::Write;

/// `file:line:col severity rule message`, then a readiness line per file.
pub(crate) fn text(run: &Run) -> String {
    let mut out = String::new();
    for d in &run.drafts {
        for diag in &d.report.diagnostics {
            let _ = writeln!(
                out,
                "{}:{}:{} {} {} {}",
                d.path, diag.line, diag.column, diag.severity, diag.rule, diag.message
            );
        }
        let c = d.report.counts;
        let _ = writeln!(
            out,
            "{}: readiness {}/100 ({} error{}, {} warning{}, {} info)",
            d.path,
            d.report.score,
            c.error,
            plural(c.error),
            c.warning,
            plural(c.warning),
            c.info
        );
    }
    out
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// `{"files": [{"path", "score", "outline", "diagnostics": [...]}]}`.
pub(crate) fn json(run: &Run) -> String {
    let files: Vec<Value> = run
        .drafts
        .iter()
        .map(|d| {
            json!({
                "path": d.path,
                "score": d.report.score,
                "counts": d.report.counts,
                "words": d.report.words,
                "outline": d.report.outline,
                "dateline": d.report.dateline,
                "missing_sections": d.report.missing_sections,
                "diagnostics": d.report.diagnostics,
            })
        })
        .collect();
    let doc = json!({
        "files": files,
        "config_problems": run.config_problems,
        "input_errors": run.input_errors,
    });
    format!("{}\n", serde_json::to_string_pretty(&doc).unwrap_or_default())
}

fn sarif_level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A relative URI for a path: forward slashes, reserved bytes escaped.
fn uri(path: &str) -> String {
    let path = path.replace('\\', "/");
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => out.push(b as char),
            _ => {
                let _ = write!(out, "%{b:02X}");
            }
        }
    }
    out
}

/// SARIF 2.1.0: one run, the rules as the driver's rules, one result per finding.
pub(crate) fn sarif(run: &Run) -> String {
    let rule_list: Vec<Value> = rules()
        .iter()
        .map(|r| {
            json!({
                "id": r.id,
                "name": r.id,
                "shortDescription": { "text": r.summary },
                "fullDescription": { "text": r.explanation },
                "help": { "text": format!("{}\n\nGood: {}\nBad: {}", r.explanation, r.good, r.bad) },
                "defaultConfiguration": { "level": sarif_level(r.default_severity) },
            })
        })
        .collect();
    let mut results = Vec::new();
    for d in &run.drafts {
        for diag in &d.report.diagnostics {
            results.push(sarif_result(&d.path, diag));
        }
    }
    let doc = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "dateline",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://example.invalid/dateline",
                "rules": rule_list,
            }},
            "columnKind": "utf16CodeUnits",
            "results": results,
        }],
    });
    format!("{}\n", serde_json::to_string_pretty(&doc).unwrap_or_default())
}

fn sarif_result(path: &str, d: &Diagnostic) -> Value {
    let uri = if path.starts_with('/') {
        format!("file://{}", uri(path))
    } else {
        uri(path)
    };
    let location = json!({ "uri": uri });
    let mut result = json!({
        "ruleId": d.rule,
        "ruleIndex": rules().iter().position(|r| r.id == d.rule),
        "level": sarif_level(d.severity),
        "message": { "text": d.message },
        "locations": [{ "physicalLocation": {
            "artifactLocation": location,
            "region": {
                "startLine": d.line,
                "startColumn": d.column_utf16,
                "endLine": d.end_line,
                "endColumn": d.end_column_utf16,
                "byteOffset": d.start,
                "byteLength": d.end - d.start,
            },
        }}],
    });
    if let Some(fix) = &d.fix {
        result["fixes"] = json!([{
            "description": { "text": format!("Replace with “{}”", fix.replacement) },
            "artifactChanges": [{
                "artifactLocation": location,
                "replacements": [{
                    "deletedRegion": { "byteOffset": fix.start, "byteLength": fix.end - fix.start },
                    "insertedContent": { "text": fix.replacement },
                }],
            }],
        }]);
    }
    result
}

/// Every rule with its explanation, for `dateline rules`.
pub(crate) fn rules_text() -> String {
    let mut out = String::new();
    for r in rules() {
        let _ = writeln!(
            out,
            "{} ({})\n  {}\n\n  {}\n",
            r.id, r.default_severity, r.summary, r.explanation
        );
        let _ = writeln!(out, "  Good:\n{}\n  Bad:\n{}\n", indent(r.good), indent(r.bad));
    }
    out
}

fn indent(s: &str) -> String {
    s.lines()
        .map(|l| format!("    {l}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Says what went wrong, the way every command reports a failure of its
/// own (bad input, an unwritable output), and exits 2.
pub fn fail(message: &str) -> std::process::ExitCode {
    eprintln!("dateline: {message}");
    std::process::ExitCode::from(2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_escape_reserved_bytes() {
        assert_eq!(uri("drafts/my draft#1.md"), "drafts/my%20draft%231.md");
        assert_eq!(uri("a\\b.md"), "a/b.md");
    }
}
