//! End-to-end tests of the `dateline` binary on temporary folders.

use serde_json::Value;
use std::fs;
use std::path::Path;
use std::process::Command;

mod common;
use common::{dateline, stderr, stdout};

const GOOD: &str = include_str!("../../dateline-lint/tests/fixtures/good-plain.md");
const FLAWED: &str = "# Acme Will Leverage Synergy\n\nAcme is launching a rocket.\n";

fn folder(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, content) in files {
        let path = dir.path().join(name);
        fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        fs::write(path, content).expect("write");
    }
    dir
}

#[test]
fn text_output_and_exit_status() {
    let dir = folder(&[
        ("drafts/good.md", GOOD.as_bytes()),
        ("drafts/bad.md", FLAWED.as_bytes()),
    ]);
    let out = dateline(&["lint", "drafts"], dir.path());
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let text = stdout(&out);
    let finding = text
        .lines()
        .find(|l| l.contains(" jargon "))
        .expect("a jargon line");
    assert!(finding.starts_with("drafts/bad.md:1:"), "{finding}");
    let parts: Vec<&str> = finding.splitn(4, ' ').collect();
    assert_eq!(parts[1], "warning");
    assert_eq!(parts[2], "jargon");
    assert!(
        text.contains("drafts/good.md: readiness 100/100 (0 errors, 0 warnings, 0 info)"),
        "{text}"
    );

    let out = dateline(&["lint", "drafts/good.md"], dir.path());
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn json_output_has_the_spec_shape() {
    let dir = folder(&[("bad.md", FLAWED.as_bytes())]);
    let out = dateline(&["lint", "--format", "json", "bad.md"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    let json: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let file = &json["files"][0];
    assert_eq!(file["path"], "bad.md");
    assert!(file["score"].as_u64().is_some_and(|s| s <= 100));
    assert!(file["outline"]
        .as_array()
        .is_some_and(|o| o.iter().any(|s| s["kind"] == "headline")));
    let diagnostics = file["diagnostics"].as_array().expect("diagnostics");
    assert!(!diagnostics.is_empty());
    for d in diagnostics {
        for key in [
            "rule", "severity", "message", "line", "column", "start", "end", "section", "fix",
        ] {
            assert!(d.get(key).is_some(), "missing {key} in {d}");
        }
        assert!(["error", "warning", "info"].contains(&d["severity"].as_str().unwrap_or("")));
    }
    let jargon = diagnostics
        .iter()
        .find(|d| d["rule"] == "jargon" && !d["fix"].is_null())
        .expect("a jargon fix");
    assert_eq!(jargon["fix"]["replacement"], "Use");
}

#[test]
fn sarif_output_is_sarif_2_1_0() {
    let dir = folder(&[("my draft.md", FLAWED.as_bytes())]);
    let out = dateline(&["lint", "--format", "sarif", "my draft.md"], dir.path());
    let sarif: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(sarif["version"], "2.1.0");
    assert!(sarif["$schema"]
        .as_str()
        .is_some_and(|s| s.contains("sarif-2.1.0")));
    let run = &sarif["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().expect("rules");
    assert_eq!(rules.len(), dateline_lint::rules().len());
    let results = run["results"].as_array().expect("results");
    assert!(!results.is_empty());
    for r in results {
        let id = r["ruleId"].as_str().expect("ruleId");
        assert_eq!(rules[r["ruleIndex"].as_u64().expect("index") as usize]["id"], id);
        assert!(["error", "warning", "note"].contains(&r["level"].as_str().expect("level")));
        assert!(r["message"]["text"].as_str().is_some_and(|t| !t.is_empty()));
        let loc = &r["locations"][0]["physicalLocation"];
        assert_eq!(loc["artifactLocation"]["uri"], "my%20draft.md");
        for key in ["startLine", "startColumn", "endLine", "endColumn"] {
            assert!(loc["region"][key].as_u64().is_some_and(|n| n >= 1), "{key}");
        }
    }
}

#[test]
fn invalid_utf8_is_reported_and_the_rest_is_linted() {
    let dir = folder(&[("a.md", b"# Bad \xff\xfe bytes\n"), ("b.md", FLAWED.as_bytes())]);
    let out = dateline(&["lint", "."], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("a.md: not valid UTF-8"), "{}", stderr(&out));
    assert!(stdout(&out).contains("b.md:1:"), "{}", stdout(&out));
}

#[test]
fn gitignore_is_honoured() {
    let dir = folder(&[
        (".gitignore", b"ignored/\n"),
        ("ignored/x.md", FLAWED.as_bytes()),
        ("kept/y.md", GOOD.as_bytes()),
    ]);
    let out = dateline(&["lint", "."], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(!stdout(&out).contains("x.md"));
    assert!(stdout(&out).contains("y.md"));
}

#[test]
fn config_is_found_in_ancestors_and_broken_entries_are_reported() {
    let config = b"[rules]\nmissing-section = \"off\"\nmissing-internal-faq = \"off\"\nmissing-external-faq = \"off\"\nmissing-subheading = \"info\"\njargon = \"loud\"\n";
    let dir = folder(&[
        ("dateline.toml", config),
        ("drafts/deep/bad.md", FLAWED.as_bytes()),
    ]);
    let out = dateline(&["lint", "drafts"], dir.path());
    let err = stderr(&out);
    assert!(err.contains("dateline.toml:6:10: config:"), "{err}");
    let text = stdout(&out);
    assert!(!text.contains("missing-section"), "{text}");
    assert!(text.contains("info missing-subheading"), "{text}");
    assert!(
        text.contains("warning jargon"),
        "the broken entry keeps its default: {text}"
    );
}

#[test]
fn spelling_reads_the_dialect_and_the_team_words_file_beside_the_config() {
    let draft = GOOD.replace(
        "If you sleep in, it waits for you.",
        "Its colour suits every zindle kitchen.",
    );
    let dir = folder(&[
        ("dateline.toml", b"dialect = \"british\"\n"),
        ("drafts/kettle.md", draft.as_bytes()),
    ]);
    let spelled = |dir: &Path| -> Vec<String> {
        let out = dateline(&["lint", "--format", "json", "drafts"], dir);
        let json: Value = serde_json::from_str(&stdout(&out)).expect("JSON");
        json["files"][0]["diagnostics"]
            .as_array()
            .expect("diagnostics")
            .iter()
            .filter(|d| d["rule"] == "spelling")
            .map(|d| format!("{} {}", d["line"], d["fix"]["replacement"]))
            .collect()
    };
    assert_eq!(
        spelled(dir.path()),
        ["14 \"kindle\""],
        "British: colour is fine, zindle is not"
    );
    fs::write(dir.path().join("dateline-words.txt"), "# team words\nzindle\n").unwrap();
    assert!(spelled(dir.path()).is_empty());
}

#[test]
fn unknown_rule_ids_in_inline_comments_are_reported() {
    let draft =
        "# Acme Will Leverage Synergy\n\n<!-- dateline-disable jargonn -->\n\nAcme leverages synergy.\n";
    let dir = folder(&[("bad.md", draft.as_bytes())]);
    let out = dateline(&["lint", "bad.md"], dir.path());
    let err = stderr(&out);
    assert!(
        err.contains("bad.md:3:23: comment: unknown rule `jargonn`")
            && err.contains("did you mean `jargon`?"),
        "{err}"
    );
    assert!(
        stdout(&out).contains("bad.md:5:6 warning jargon"),
        "the typo silences nothing"
    );

    let out = dateline(&["lint", "--format", "json", "bad.md"], dir.path());
    let json: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let problem = &json["config_problems"][0];
    assert_eq!(problem["path"], "bad.md");
    assert_eq!(problem["kind"], "comment");
    assert_eq!(
        (problem["line"].as_u64(), problem["column"].as_u64()),
        (Some(3), Some(23))
    );
}

#[test]
fn invalid_config_means_defaults() {
    let dir = folder(&[("dateline.toml", b"[rules\n"), ("bad.md", FLAWED.as_bytes())]);
    let out = dateline(&["lint", "bad.md"], dir.path());
    assert!(stderr(&out).contains("dateline.toml:1:"), "{}", stderr(&out));
    assert!(stdout(&out).contains("error missing-section"));
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn bad_usage_exits_2() {
    let dir = folder(&[]);
    assert_eq!(dateline(&["lint"], dir.path()).status.code(), Some(2));
    assert_eq!(
        dateline(&["lint", "--format", "xml", "x.md"], dir.path())
            .status
            .code(),
        Some(2)
    );
    let missing = dateline(&["lint", "nope.md"], dir.path());
    assert_eq!(missing.status.code(), Some(2));
    assert!(stderr(&missing).contains("nope.md"));
}

#[test]
fn rules_lists_every_rule_with_its_explanation() {
    let out = dateline(&["rules"], Path::new("."));
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    for rule in dateline_lint::rules() {
        assert!(
            text.contains(&format!("{} ({})", rule.id, rule.default_severity)),
            "{}",
            rule.id
        );
        assert!(text.contains(rule.explanation));
    }
    let json = dateline(&["rules", "--format", "json"], Path::new("."));
    let rules: Value = serde_json::from_slice(&json.stdout).expect("JSON");
    assert_eq!(rules.as_array().map(Vec::len), Some(dateline_lint::rules().len()));
}

#[test]
fn new_prints_the_template() {
    let out = dateline(&["new"], Path::new("."));
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stdout(&out), dateline_lint::TEMPLATE);
}

#[test]
fn export_writes_normalised_markdown() {
    let dir = folder(&[("d.md", b"---\nproduct: Rocket\n---\n# Title\n\n* one\n* two\n")]);
    let out = dateline(
        &[
            "export",
            "d.md",
            "--to",
            "md",
            "-o",
            "out.md",
            "--strip-front-matter",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        fs::read_to_string(dir.path().join("out.md")).unwrap(),
        "# Title\n\n- one\n- two\n"
    );
}

#[test]
fn export_writes_a_pdf_and_reports_its_pages() {
    let dir = folder(&[("good.md", GOOD.as_bytes())]);
    let out = dateline(
        &[
            "export", "good.md", "--to", "pdf", "-o", "good.pdf", "--paper", "letter",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let pdf = fs::read(dir.path().join("good.pdf")).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    assert!(stderr(&out).contains("page"), "{}", stderr(&out));
}

#[test]
fn export_refuses_unreadable_input_without_writing() {
    let dir = folder(&[("latin1.md", b"# Caf\xe9\n")]);
    let out = dateline(&["export", "latin1.md", "--to", "pdf", "-o", "x.pdf"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("not UTF-8"), "{}", stderr(&out));
    assert!(!dir.path().join("x.pdf").exists());
    let missing = dateline(&["export", "nope.md", "--to", "md", "-o", "x.md"], dir.path());
    assert_eq!(missing.status.code(), Some(2));
}

#[test]
fn diff_shows_changed_words_and_the_lint_delta() {
    let edited = FLAWED
        .replace("Leverage Synergy", "Ship Rockets")
        .replace("a rocket", "a small rocket");
    let dir = folder(&[("old.md", FLAWED.as_bytes()), ("new.md", edited.as_bytes())]);
    let out = dateline(&["diff", "old.md", "new.md"], dir.path());
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.starts_with("--- old.md\n+++ new.md\n"), "{text}");
    assert!(text.contains("{+small +}"), "{text}");
    assert!(text.contains("[-Leverage Synergy-]{+Ship Rockets+}"), "{text}");
    assert!(
        text.contains("jargon"),
        "the fixed jargon finding is named: {text}"
    );
}

#[test]
fn diff_json_and_identical_versions() {
    let dir = folder(&[
        ("a.md", GOOD.as_bytes()),
        ("b.md", GOOD.replace('\n', "\r\n").as_bytes()),
    ]);
    let same = dateline(&["diff", "a.md", "b.md"], dir.path());
    assert_eq!(
        same.status.code(),
        Some(0),
        "CRLF alone is no change: {}",
        stdout(&same)
    );
    let json = dateline(&["diff", "--format", "json", "a.md", "b.md"], dir.path());
    let value: Value = serde_json::from_str(&stdout(&json)).expect("JSON output");
    assert_eq!(value["diff"]["changes"].as_array().map(Vec::len), Some(0));
    assert_eq!(value["lintDelta"]["oldScore"], value["lintDelta"]["newScore"]);
    let missing = dateline(&["diff", "a.md", "nope.md"], dir.path());
    assert_eq!(missing.status.code(), Some(2));
    assert!(stderr(&missing).contains("cannot read nope.md"));
}

#[test]
fn export_with_review_adds_the_open_comments_kept_in_the_drafts_folder() {
    use dateline_review::log::{encode_record, Author, Event, Record};
    let dir = folder(&[("team/q3/launch.md", FLAWED.as_bytes())]);
    let root = dir.path().join("team");
    let comment = Record {
        event: Event::Comment {
            id: "c1".into(),
            draft_version: String::new(),
            anchor: Some(dateline_review::Anchor::new(FLAWED, 28..49)),
            body: "Say what it costs.".into(),
            parent: None,
        },
        at: 1_760_000_000_000,
        author: Author {
            name: "Ana Ruiz".into(),
            email: "ana@example.com".into(),
        },
    };
    let logs = dateline_review::folder::review_dir(&root, "q3/launch.md");
    fs::create_dir_all(&logs).unwrap();
    fs::write(logs.join("ana.jsonl"), encode_record(&comment)).unwrap();
    let md = dateline(
        &[
            "export",
            "team/q3/launch.md",
            "--to",
            "md",
            "--with-review",
            "-o",
            "-",
        ],
        dir.path(),
    );
    assert_eq!(md.status.code(), Some(0), "{}", stderr(&md));
    let text = stdout(&md).replace('\\', "");
    assert!(
        text.contains("Say what it costs.") && text.contains("Ana Ruiz"),
        "{text}"
    );
    assert!(text.contains("Readiness"), "{text}");
    let plain = dateline(
        &["export", "team/q3/launch.md", "--to", "md", "-o", "-"],
        dir.path(),
    );
    assert!(!stdout(&plain).contains("Say what it costs"), "only on request");
    let pdf = dir.path().join("packet.pdf");
    let out = dateline(
        &[
            "export",
            "team/q3/launch.md",
            "--to",
            "pdf",
            "--with-review",
            "-o",
            pdf.to_str().unwrap(),
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let extracted = Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext");
    let extracted = String::from_utf8_lossy(&extracted.stdout);
    assert!(extracted.contains("Say what it costs."), "{extracted}");
}
