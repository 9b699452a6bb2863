//! Suggested edits through the workspace, with two app-data folders (two
//! stores) on one drafts folder: a reviewer suggests, the author accepts
//! or rejects in her own log, and both see the same status.
use super::tests::{colleague, id_of, utf16, Fixture};
use super::*;
use crate::workspace::VersionPick;
use std::fs;

const V1: &str =
    "# Acme Ships Rockets\n\nAcme today launched a rocket for everyone. It costs $49 and ships in May.\n";

/// The author (the fixture's store) and a reviewer (a store of her own).
fn two_people(fx: &Fixture) -> ((Workspace, DraftId), (Workspace, DraftId)) {
    let (mut author, listing) = fx.opened();
    author.set_reviewer("Ava Author", "ava@example.com").unwrap();
    let id = id_of(&listing, "launch.md");
    ((author, id), colleague(fx))
}

/// The edits applied to `text` as the editor would (UTF-16, relative to `text`).
fn apply(text: &str, edits: &[TextEdit]) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    let mut out: Vec<u16> = Vec::new();
    let mut at = 0;
    for e in edits {
        out.extend_from_slice(&units[at..e.from as usize]);
        out.extend(e.insert.encode_utf16());
        at = e.to as usize;
    }
    out.extend_from_slice(&units[at..]);
    String::from_utf16(&out).unwrap()
}

fn status_of(ws: &Workspace, id: DraftId, text: &str, suggestion: &str) -> String {
    let view = ws.suggestions(id, text).unwrap();
    view.suggestions
        .into_iter()
        .find(|s| s.id == suggestion)
        .unwrap()
        .status
}

#[test]
fn a_reviewer_suggests_and_the_author_accepts_in_her_own_log() {
    let fx = Fixture::new(&[("launch.md", V1.as_bytes())]);
    let ((mut ava, id), (mut ben, ben_id)) = two_people(&fx);
    let on = VersionPick::Saved;
    let s1 = ben
        .add_suggestion(ben_id, on, utf16(V1, "$49"), "$39", "Cheaper than rivals")
        .unwrap();
    let err = ben
        .add_suggestion(ben_id, on, utf16(V1, "May"), "May", "")
        .unwrap_err();
    assert!(matches!(err, Error::InvalidInput(_)));
    // The author's editor has moved the text on since.
    let editor = V1.replace("# Acme Ships Rockets\n", "# Acme Ships Rockets Today\n");
    let view = ava.suggestions(id, &editor).unwrap();
    let row = &view.suggestions[0];
    assert_eq!((row.kind.as_str(), row.status.as_str()), ("replace", "open"));
    assert_eq!(
        (row.before.as_str(), row.after.as_str(), row.author.as_str()),
        ("$49", "$39", "Ben Ito")
    );
    assert_eq!(row.anchor, Some(utf16(&editor, "$49")));
    let outcome = ava.accept_suggestion(id, &s1, &editor).unwrap();
    assert_eq!(outcome.accepted, vec![s1.clone()]);
    let applied = apply(&editor, &outcome.edits);
    assert_eq!(applied, editor.replace("$49", "$39"));
    // The draft was not written by the core; the reviewer sees it accepted.
    assert_eq!(fs::read_to_string(fx.path("launch.md")).unwrap(), V1);
    assert_eq!(status_of(&ben, ben_id, &applied, &s1), "accepted");
    // The accept is in the author's log, the reviewer's log is untouched.
    let dir = ava.review_dir(id).unwrap();
    let ben_log = fs::read_to_string(dir.join(format!(
        "{}.jsonl",
        dateline_review::folder::reviewer_key("Ben Ito", "ben@example.com")
    )))
    .unwrap();
    assert_eq!(ben_log.lines().count(), 1);
    assert!(!ben_log.contains("\"accept\""));
    // The next save's version says which suggestion it took, from whom.
    ava.open_draft(id).unwrap();
    ava.save_draft(id, &applied).unwrap();
    let newest = &ava.versions(id).unwrap()[0];
    assert_eq!(
        newest.note,
        format!("Took suggestions: Ben Ito “$49” → “$39” ({s1}).")
    );
    ava.save_draft(id, &format!("{applied}More.\n")).unwrap();
    assert_eq!(
        ava.versions(id).unwrap()[0].note,
        "",
        "only the save after the accept"
    );
    let again = ava.accept_suggestion(id, &s1, &applied).unwrap();
    assert!(again.edits.is_empty() && again.refused[0].reason.contains("accepted already"));
}

#[test]
fn a_reader_suggests_from_her_editor_only_on_the_saved_text() {
    let fx = Fixture::new(&[("launch.md", V1.as_bytes())]);
    let ((ava, id), (mut ben, ben_id)) = two_people(&fx);
    let typed = V1.replace("today", "this week");
    let err = ben
        .suggest_in_editor(ben_id, &typed, utf16(&typed, "$49"), "$39", "")
        .unwrap_err();
    assert!(
        matches!(err, Error::InvalidInput(ref m) if m.contains("Save or undo")),
        "{err:?}"
    );
    let s = ben
        .suggest_in_editor(ben_id, V1, utf16(V1, "$49"), "$39", "")
        .unwrap();
    let row = ava.suggestions(id, V1).unwrap().suggestions;
    assert_eq!((row.len(), row[0].id.as_str()), (1, s.as_str()));
    assert_eq!((row[0].before.as_str(), row[0].after.as_str()), ("$49", "$39"));
}

#[test]
fn accept_refuses_text_changed_since_and_reject_keeps_it() {
    let fx = Fixture::new(&[("launch.md", V1.as_bytes())]);
    let ((mut ava, id), (mut ben, ben_id)) = two_people(&fx);
    let on = VersionPick::Saved;
    let s1 = ben
        .add_suggestion(ben_id, on, utf16(V1, "in May"), "in June", "")
        .unwrap();
    let s2 = ben
        .add_suggestion(ben_id, on, utf16(V1, " for everyone"), "", "")
        .unwrap();
    let changed = V1.replace("in May", "in April");
    let outcome = ava.accept_suggestion(id, &s1, &changed).unwrap();
    assert!(outcome.edits.is_empty() && outcome.accepted.is_empty());
    assert!(
        outcome.refused[0].reason.contains("no longer in the draft"),
        "{:?}",
        outcome.refused
    );
    assert_eq!(status_of(&ava, id, &changed, &s1), "orphaned");
    ava.reject_suggestion(id, &s2, "Everyone is the point.").unwrap();
    let view = ben.suggestions(ben_id, V1).unwrap();
    let row = view.suggestions.iter().find(|s| s.id == s2).unwrap();
    assert_eq!(row.status, "rejected");
    assert_eq!(row.reply.as_deref(), Some("Everyone is the point."));
    assert_eq!(row.decided_by.as_deref(), Some("Ava Author"));
}

#[test]
fn accept_all_takes_one_reviewers_and_overlaps_become_conflicting() {
    let fx = Fixture::new(&[("launch.md", V1.as_bytes())]);
    let ((mut ava, id), (mut ben, ben_id)) = two_people(&fx);
    let on = VersionPick::Saved;
    let s1 = ben
        .add_suggestion(ben_id, on, utf16(V1, "$49"), "$39", "")
        .unwrap();
    let s2 = ben
        .add_suggestion(ben_id, on, utf16(V1, "May"), "June", "")
        .unwrap();
    // A third person suggests over Ben's first one.
    let mut cy = Workspace::new(Store::open_in_memory().unwrap());
    let listing = cy.open_folder_path(fx.drafts.path()).unwrap();
    cy.set_reviewer("Cy Lee", "").unwrap();
    let cy_id = id_of(&listing, "launch.md");
    let s3 = cy
        .add_suggestion(cy_id, on, utf16(V1, "costs $49"), "is $45", "")
        .unwrap();
    let listed = ava.listing().unwrap();
    let row = listed.drafts.iter().find(|d| d.rel_path == "launch.md").unwrap();
    assert_eq!(row.open_suggestions, 3);
    let view = ava.suggestions(id, V1).unwrap();
    let ben_key = view
        .suggestions
        .iter()
        .find(|s| s.id == s1)
        .unwrap()
        .reviewer
        .clone();
    assert_eq!(
        view.suggestions.iter().find(|s| s.id == s3).unwrap().overlaps,
        vec![s1.clone()]
    );
    let outcome = ava.accept_all_suggestions(id, &ben_key, V1).unwrap();
    assert_eq!(outcome.accepted, vec![s1.clone(), s2.clone()]);
    let applied = apply(V1, &outcome.edits);
    assert_eq!(applied, V1.replace("$49", "$39").replace("May", "June"));
    assert_eq!(status_of(&ava, id, &applied, &s3), "conflicting");
    let refused = ava.accept_suggestion(id, &s3, &applied).unwrap();
    assert!(refused.refused[0].reason.contains("overlaps"));
    // Reject all for Cy leaves Ben's alone.
    let cy_key = dateline_review::folder::reviewer_key("Cy Lee", "");
    assert_eq!(ava.reject_all_suggestions(id, &cy_key, "").unwrap(), 1);
    assert_eq!(status_of(&cy, cy_id, &applied, &s3), "rejected");
    // The drafts list counts the undecided ones (s3 is now rejected).
    let listed = ava.listing().unwrap();
    let row = listed.drafts.iter().find(|d| d.rel_path == "launch.md").unwrap();
    assert_eq!(row.open_suggestions, 0);
    // Review mode lists them too.
    let review = ben.open_review(ben_id, on, on).unwrap();
    assert_eq!(review.suggestions.len(), 3);
}

#[test]
fn an_open_suggestion_shows_what_it_does_to_the_lint() {
    let text = "# Acme Ships Rockets\n\nAcme will leverage synergy to launch a rocket.\n";
    let fx = Fixture::new(&[("launch.md", text.as_bytes())]);
    let ((ava, id), (mut ben, ben_id)) = two_people(&fx);
    ben.add_suggestion(
        ben_id,
        VersionPick::Saved,
        utf16(text, "leverage synergy"),
        "use its team",
        "",
    )
    .unwrap();
    let row = &ava.suggestions(id, text).unwrap().suggestions[0];
    assert!(row.fixes.contains(&"jargon".to_string()), "{row:?}");
    assert!(row.introduces.is_empty(), "{row:?}");
}

#[test]
fn critic_markup_becomes_suggestions_by_the_named_author() {
    let marked =
        "# Acme Ships Rockets\n\nAcme {++today ++}launched a {~~rocket~>small rocket~~}{>>Be exact.<<}.\n";
    let fx = Fixture::new(&[("launch.md", marked.as_bytes())]);
    let ((mut ava, id), (ben, ben_id)) = two_people(&fx);
    let err = ava.import_critic_markup(id, marked, " ", "").unwrap_err();
    assert!(matches!(err, Error::InvalidInput(_)));
    let import = ava
        .import_critic_markup(id, marked, "Dee Rao", "dee@example.com")
        .unwrap();
    assert_eq!(import.text, "# Acme Ships Rockets\n\nAcme launched a rocket.\n");
    assert_eq!((import.suggestions, import.comments), (2, 0));
    assert_eq!(
        fs::read_to_string(fx.path("launch.md")).unwrap(),
        marked,
        "the draft is the editor's to change"
    );
    let view = ben.suggestions(ben_id, &import.text).unwrap();
    let rows: Vec<(&str, &str, &str, Option<&str>)> = view
        .suggestions
        .iter()
        .map(|s| {
            (
                s.author.as_str(),
                s.kind.as_str(),
                s.status.as_str(),
                s.note.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        vec![
            ("Dee Rao", "insert", "open", None),
            ("Dee Rao", "replace", "open", Some("Be exact."))
        ]
    );
}

#[test]
fn the_review_packet_shows_each_suggestion_before_and_after_with_its_status() {
    use crate::export::ExportFormat;
    let fx = Fixture::new(&[("launch.md", V1.as_bytes())]);
    let ((mut ava, id), (mut ben, ben_id)) = two_people(&fx);
    let on = VersionPick::Saved;
    ben.add_suggestion(ben_id, on, utf16(V1, "$49"), "$39", "Cheaper than rivals")
        .unwrap();
    let s2 = ben
        .add_suggestion(ben_id, on, utf16(V1, "May"), "June", "")
        .unwrap();
    ava.reject_suggestion(id, &s2, "May holds.").unwrap();
    let request = crate::export::ExportRequest {
        include_review: true,
        ..super::tests::export_request(ExportFormat::Markdown)
    };
    let out = ava.export_beside(id, V1, &request).unwrap();
    let md = fs::read_to_string(&out.path).unwrap();
    let appendix = &md[md.find("## Appendix: suggested edits").expect(&md)..];
    let open = appendix.find("(open): “\\$49” → “\\$39”").expect(appendix);
    let rejected = appendix
        .find("(rejected by Ava Author): “May” → “June” Ava Author\\: May holds\\.")
        .expect(appendix);
    assert!(open < rejected, "open ones first: {appendix}");
    assert!(appendix.contains("Note\\: Cheaper than rivals"), "{appendix}");
    let pdf = crate::export::ExportRequest {
        include_review: true,
        ..super::tests::export_request(ExportFormat::Pdf)
    };
    let out = ava.export_beside(id, V1, &pdf).unwrap();
    let text = std::process::Command::new("pdftotext")
        .args([out.path.as_str(), "-"])
        .output()
        .expect("pdftotext (poppler-utils) is needed by the export tests");
    let text = String::from_utf8_lossy(&text.stdout);
    let section = &text[text.find("Suggested edits").expect(&text)..];
    assert!(
        section.contains("$49 → $39") && section.contains("Cheaper than rivals"),
        "{section}"
    );
    assert!(section.contains("May holds."), "{section}");
}
