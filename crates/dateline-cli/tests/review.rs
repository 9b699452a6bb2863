//! `dateline review` (the review gate) and `export --to md --with-review`
//! with suggestions, on real temporary drafts folders and the real binary.

use dateline_review::log::{encode_record, Author, Event, Record, SuggestKind, Verdict};
use dateline_review::Anchor;
use serde_json::Value;
use std::fs;
use std::process::Output;

mod common;
use common::dateline;

const DRAFT: &str = "# Acme Ships Rockets\n\nAcme today launched a rocket. It costs $49 and ships in May.\n";

fn who(name: &str) -> Author {
    Author {
        name: name.into(),
        email: String::new(),
    }
}

fn suggestion(id: &str, quote: &str, after: &str) -> Record {
    let at = DRAFT.find(quote).unwrap();
    Record {
        event: Event::Suggest {
            id: id.into(),
            draft_version: String::new(),
            anchor: Anchor::new(DRAFT, at..at + quote.len()),
            kind: SuggestKind::of(quote, after).unwrap(),
            after: after.into(),
            note: Some("Cheaper".into()),
        },
        at: 1_760_000_000_000,
        author: who("Ben Ito"),
    }
}

fn record(event: Event, by: &str) -> Record {
    Record {
        event,
        at: 1_760_000_100_000,
        author: who(by),
    }
}

/// A drafts folder `team/` with `launch.md` and the given logs (name → records).
fn folder(draft: &str, logs: &[(&str, Vec<Record>)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("team");
    fs::create_dir_all(&root).unwrap();
    fs::write(root.join("launch.md"), draft).unwrap();
    let reviews = dateline_review::folder::review_dir(&root, "launch.md");
    fs::create_dir_all(&reviews).unwrap();
    for (name, records) in logs {
        let lines: String = records.iter().map(encode_record).collect();
        fs::write(reviews.join(name), lines).unwrap();
    }
    dir
}

fn json_of(o: &Output) -> Value {
    serde_json::from_slice(&o.stdout).expect("JSON")
}

#[test]
fn an_open_suggestion_fails_the_gate_and_an_accepted_one_passes() {
    let ben = ("ben.jsonl", vec![suggestion("s1", "$49", "$39")]);
    let dir = folder(DRAFT, &[ben.clone()]);
    let out = dateline(&["review", "team/launch.md"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("team/launch.md:3: suggestion by Ben Ito (open): “$49” → “$39” — Cheaper"),
        "{text}"
    );
    assert!(text.contains("review not passed"), "{text}");
    let out = dateline(&["review", "team/launch.md", "--format", "json"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    let doc = json_of(&out);
    assert_eq!(doc["suggestions"][0]["status"], "open");
    assert_eq!(doc["suggestions"][0]["kind"], "replace");
    assert_eq!(doc["passed"], false);
    // The author accepts in her own log (and changed the text).
    let accepted = DRAFT.replace("$49", "$39");
    let ava = (
        "ava.jsonl",
        vec![record(
            Event::Accept {
                id: "s1".into(),
                reply: None,
                conflicts: vec![],
            },
            "Ava",
        )],
    );
    let dir = folder(&accepted, &[ben.clone(), ava.clone()]);
    let out = dateline(&["review", "team/launch.md", "--format", "json"], dir.path());
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(json_of(&out)["suggestions"][0]["status"], "accepted");
    assert_eq!(json_of(&out)["passed"], true);
    // A verdict asking for changes fails it again.
    let verdict = record(
        Event::Verdict {
            verdict: Verdict::ChangesRequested,
            summary: "Name the rocket.".into(),
        },
        "Cy",
    );
    let dir = folder(&accepted, &[ben, ava, ("cy.jsonl", vec![verdict])]);
    let out = dateline(&["review", "team/launch.md"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("Cy changes requested: Name the rocket."));
}

#[test]
fn an_orphaned_suggestion_is_shown_and_still_blocks() {
    let dir = folder(
        &DRAFT.replace("$49", "$59"),
        &[("ben.jsonl", vec![suggestion("s1", "$49", "$39")])],
    );
    let out = dateline(&["review", "team/launch.md", "--format", "json"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    let doc = json_of(&out);
    assert_eq!(doc["suggestions"][0]["status"], "orphaned");
    assert_eq!(doc["suggestions"][0]["before"], "$49");
    assert_eq!(doc["suggestions"][0]["line"], Value::Null);
}

#[test]
fn broken_lines_are_skipped_with_a_message_and_no_review_passes() {
    let dir = folder(DRAFT, &[]);
    let reviews = dateline_review::folder::review_dir(&dir.path().join("team"), "launch.md");
    let good = encode_record(&suggestion("s1", "in May", "in June"));
    fs::write(
        reviews.join("ben.jsonl"),
        format!("{{\"v\":1,\"type\":\"suggest\",\"id\":\"x\"}}\nnot json\n{good}"),
    )
    .unwrap();
    let out = dateline(&["review", "team/launch.md", "--format", "json"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("ben.jsonl: line 1: bad suggest record"),
        "{stderr}"
    );
    assert!(stderr.contains("ben.jsonl: line 2: not valid JSON"), "{stderr}");
    assert_eq!(json_of(&out)["suggestions"].as_array().unwrap().len(), 1);
    // A draft nobody reviewed passes; one that cannot be read is an error.
    let plain = tempfile::tempdir().unwrap();
    fs::write(plain.path().join("d.md"), DRAFT).unwrap();
    let out = dateline(&["review", "d.md"], plain.path());
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("review passed"));
    let out = dateline(&["review", "nope.md"], plain.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("dateline: cannot read nope.md"));
}

#[test]
fn markdown_export_with_review_writes_open_suggestions_as_critic_markup() {
    let dir = folder(
        DRAFT,
        &[(
            "ben.jsonl",
            vec![suggestion("s1", "$49", "$39"), suggestion("s2", "today ", "")],
        )],
    );
    let args = ["export", "team/launch.md", "--to", "md", "-o", "-"];
    let out = dateline(&[&args[..], &["--with-review"]].concat(), dir.path());
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let md = String::from_utf8_lossy(&out.stdout);
    assert!(
        md.contains("Acme {--today --}{>>Ben Ito: Cheaper<<}launched a rocket. It costs {~~$49~>$39~~}{>>Ben Ito: Cheaper<<} and"),
        "{md}"
    );
    // Without --with-review, no markup.
    let plain = dateline(&args, dir.path());
    assert!(!String::from_utf8_lossy(&plain.stdout).contains("{~~"));
}
