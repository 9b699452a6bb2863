//! The shared folder seen from the workspace: merges into unsaved text,
//! conflict copies, deleted drafts and search, on real temp folders.
use super::tests::{id_of, Fixture};
use super::*;
use std::fs;

fn listed(ws: &Workspace) -> Vec<String> {
    ws.listing()
        .unwrap()
        .drafts
        .into_iter()
        .map(|d| d.rel_path)
        .collect()
}

fn resolve_all(view: &MergeView, take_theirs: bool) -> String {
    view.chunks
        .iter()
        .map(|c| match c {
            MergeChunk::Clean { text, .. } => text.as_str(),
            MergeChunk::Conflict { ours, theirs } => if take_theirs { theirs } else { ours }.as_str(),
        })
        .collect()
}

#[test]
fn an_outside_edit_of_other_lines_merges_and_then_saves() {
    let fx = Fixture::new(&[("plan.md", b"# Plan\n\nFirst.\n\nSecond.\n")]);
    let (mut ws, listing) = fx.opened();
    let id = id_of(&listing, "plan.md");
    ws.open_draft(id).unwrap();
    fs::write(fx.path("plan.md"), "# Plan, retitled\n\nFirst.\n\nSecond.\n").unwrap();
    let mine = "# Plan\n\nFirst.\n\nSecond, edited by me.\n";
    let view = ws.merge_from_disk(id, mine).unwrap();
    assert_eq!(view.conflicts, 0);
    assert!(view
        .chunks
        .iter()
        .any(|c| matches!(c, MergeChunk::Clean { incoming: true, text } if text.contains("retitled"))));
    let merged = resolve_all(&view, false);
    assert_eq!(merged, "# Plan, retitled\n\nFirst.\n\nSecond, edited by me.\n");
    // Until the merge is adopted the save is refused; after, it replaces exactly that version.
    assert!(matches!(ws.save_draft(id, &merged), Err(Error::Conflict(_))));
    ws.adopt_disk(id, view.disk_token.as_deref().unwrap()).unwrap();
    ws.save_draft(id, &merged).unwrap();
    assert_eq!(fs::read_to_string(fx.path("plan.md")).unwrap(), merged);
}

#[test]
fn a_conflict_keeps_both_sides_in_history_and_a_stale_merge_is_refused() {
    let fx = Fixture::new(&[("plan.md", b"# Plan\n\nThe line.\n")]);
    let (mut ws, listing) = fx.opened();
    let id = id_of(&listing, "plan.md");
    ws.open_draft(id).unwrap();
    fs::write(fx.path("plan.md"), "# Plan\n\nTheir line.\n").unwrap();
    let view = ws.merge_from_disk(id, "# Plan\n\nMy line.\n").unwrap();
    assert_eq!(view.conflicts, 1);
    let sources: Vec<String> = ws.versions(id).unwrap().into_iter().map(|v| v.source).collect();
    assert_eq!(&sources[..2], ["unsaved", "external"]);
    // The file changed again before the merge was applied: adopting it would lose that.
    fs::write(fx.path("plan.md"), "# Plan\n\nTheir second line.\n").unwrap();
    let err = ws
        .adopt_disk(id, view.disk_token.as_deref().unwrap())
        .unwrap_err();
    assert!(matches!(err, Error::Conflict(_)), "{err:?}");
}

#[test]
fn conflict_copies_are_listed_under_their_draft_and_merged_from_there() {
    let fx = Fixture::new(&[
        ("plan.md", b"# Plan\n\nShared text.\n"),
        (
            "plan (Jane's conflicted copy 2026-11-25).md",
            b"# Plan\n\nShared text.\n\nJane's paragraph.\n",
        ),
        ("orphan.sync-conflict-20261125-101500-ABCDEFG.md", b"# Orphan\n"),
    ]);
    let (mut ws, listing) = fx.opened();
    assert_eq!(
        listed(&ws),
        vec!["orphan.sync-conflict-20261125-101500-ABCDEFG.md", "plan.md"]
    );
    let plan = listing.drafts.iter().find(|d| d.rel_path == "plan.md").unwrap();
    assert_eq!(plan.conflicts.len(), 1);
    let copy = plan.conflicts[0].id;
    let id = plan.id;
    let opened = ws.open_draft(id).unwrap();
    let view = ws.merge_conflict_copy(id, copy, &opened.text).unwrap();
    assert_eq!(view.conflicts, 0);
    assert_eq!(
        resolve_all(&view, false),
        "# Plan\n\nShared text.\n\nJane's paragraph.\n"
    );
    ws.dismiss_conflict_copy(id, copy).unwrap();
    assert!(!fx.path("plan (Jane's conflicted copy 2026-11-25).md").exists());
    assert_eq!(ws.versions(id).unwrap()[0].source, "conflict-copy");
    assert!(ws
        .listing()
        .unwrap()
        .drafts
        .iter()
        .all(|d| d.conflicts.is_empty()));
}

#[test]
fn a_deleted_draft_is_listed_as_deleted_and_can_be_restored() {
    let fx = Fixture::new(&[("plan.md", b"# Plan\n\nWords worth keeping.\n")]);
    let (mut ws, listing) = fx.opened();
    let id = id_of(&listing, "plan.md");
    fs::remove_file(fx.path("plan.md")).unwrap();
    assert!(ws.apply_changes(&["plan.md".to_string()], false).unwrap());
    let listing = ws.listing().unwrap();
    assert!(listing.drafts.is_empty());
    assert_eq!(
        (listing.deleted[0].id, listing.deleted[0].title.as_str()),
        (id, "Plan")
    );
    let restored = ws.restore_deleted(id).unwrap();
    assert_eq!(restored.id, id);
    assert_eq!(
        fs::read_to_string(fx.path("plan.md")).unwrap(),
        "# Plan\n\nWords worth keeping.\n"
    );
    assert!(ws.listing().unwrap().deleted.is_empty());
}

#[test]
fn search_finds_saved_words_at_once() {
    let fx = Fixture::new(&[("plan.md", b"# Plan\n\nNothing yet.\n")]);
    let (mut ws, listing) = fx.opened();
    let id = id_of(&listing, "plan.md");
    ws.open_draft(id).unwrap();
    assert!(ws.search("compost", 10).unwrap().is_empty());
    ws.save_draft(id, "# Plan\n\nWe pick up compost weekly.\n")
        .unwrap();
    let hits = ws.search("compo", 10).unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(ws.listing().unwrap().drafts[0].title, "Plan");
}
