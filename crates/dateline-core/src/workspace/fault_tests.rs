//! Every write path of the workspace, with each of its I/O steps (create,
//! write, fsync, rename, folder fsync) made to fail in turn through the
//! shared writer's fault shim. After each failure: an error, the draft
//! byte-identical, no temporary or half-made file in her folder, and her
//! unsaved text still in the crash journal.

use super::tests::{export_request, id_of, Fixture};
use super::*;
use crate::export::ExportFormat;
use crate::workspace::{TextRange, VersionPick};
use dateline_files::faults;
use std::fs;
use std::io::ErrorKind;

const OLD: &str = "# Acme Ships Rockets\n\nAcme today launched a rocket.\n";
const NEW: &str = "# Acme Ships Rockets\n\nAcme today launched a rocket for everyone.\n";

/// A folder with `launch.md`, open, with NEW typed but unsaved (journaled).
fn typed() -> (Fixture, Workspace, DraftId) {
    let fx = Fixture::new(&[("launch.md", OLD.as_bytes())]);
    let (mut ws, listing) = fx.opened();
    let id = id_of(&listing, "launch.md");
    ws.open_draft(id).unwrap();
    ws.journal(id, NEW).unwrap();
    ws.set_reviewer("Ana Ruiz", "ana@example.com").unwrap();
    (fx, ws, id)
}

/// Every file in the drafts folder, recursively, by relative path.
fn files(fx: &Fixture) -> Vec<String> {
    let root = fx.path("");
    let mut names: Vec<String> = walkdir::WalkDir::new(&root)
        .into_iter()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            e.path()
                .strip_prefix(&root)
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    names
}

/// Runs `op` once to count its steps (and see what success leaves), then
/// once per step with that step failing on a fresh folder, checking what
/// every failure must leave.
fn walk<T: std::fmt::Debug>(what: &str, op: impl Fn(&mut Workspace, DraftId) -> Result<T>) {
    let (fx, mut ws, id) = typed();
    let before = files(&fx);
    faults::count_steps();
    op(&mut ws, id).unwrap_or_else(|e| panic!("{what} works without a fault: {e}"));
    let steps = faults::disarm();
    let done = files(&fx);
    assert!(steps >= 2, "{what}: only {steps} steps counted");
    for n in 1..=steps {
        let (fx, mut ws, id) = typed();
        faults::fail_at(n, ErrorKind::StorageFull);
        let result = op(&mut ws, id);
        faults::disarm();
        assert!(
            result.is_err(),
            "{what}: step {n} of {steps} was armed to fail, yet it succeeded"
        );
        // The folder is as before, or, when only the last folder fsync
        // failed, as a success leaves it: never anything in between.
        let after = files(&fx);
        assert!(
            after == before || after == done,
            "{what}, step {n}: the folder went from {before:?} to {after:?}"
        );
        if after.contains(&"launch.md".to_string()) {
            let now = fs::read_to_string(fx.path("launch.md")).unwrap();
            assert!(now == OLD || now == NEW, "{what}, step {n}: launch.md is {now:?}");
            let mut relaunched = fx.launch();
            relaunched
                .open_folder_path(fx.path("launch.md").parent().unwrap())
                .unwrap();
            let opened = relaunched.open_draft(id).unwrap();
            let text = opened.recovered.map(|r| r.text).unwrap_or(opened.text);
            assert_eq!(text, NEW, "{what}, step {n}: her text is lost");
        }
    }
}

#[test]
fn save_loses_nothing_at_any_failing_step() {
    walk("save", |ws, id| ws.save_draft(id, NEW));
}

#[test]
fn save_a_copy_loses_nothing_at_any_failing_step() {
    walk("save a copy", |ws, id| ws.save_copy(id, NEW));
}

#[test]
fn new_draft_loses_nothing_at_any_failing_step() {
    walk("new draft", |ws, _| ws.create_draft("Next launch"));
}

#[test]
fn rename_loses_nothing_at_any_failing_step() {
    walk("rename", |ws, id| ws.rename_draft(id, "renamed"));
}

#[test]
fn export_beside_loses_nothing_at_any_failing_step() {
    walk("export beside", |ws, id| {
        ws.export_beside(id, NEW, &export_request(ExportFormat::Markdown))
    });
}

#[test]
fn a_review_comment_loses_nothing_at_any_failing_step() {
    let range = TextRange { from: 2, to: 6 };
    walk("comment", |ws, id| {
        ws.add_comment(id, VersionPick::Saved, range, "Which rocket?")
    });
}

#[test]
fn a_draft_marked_read_only_is_not_replaced_and_her_text_can_go_to_a_copy() {
    let (fx, mut ws, id) = typed();
    let mut read_only = fs::metadata(fx.path("launch.md")).unwrap().permissions();
    read_only.set_readonly(true);
    fs::set_permissions(fx.path("launch.md"), read_only).unwrap();
    match ws.save_draft(id, NEW) {
        Err(Error::ReadOnly(message)) => {
            assert!(message.contains("“launch.md” is marked read-only"), "{message}");
            assert!(message.contains("copy"), "{message}");
        }
        other => panic!("expected a read-only refusal, got {other:?}"),
    }
    assert_eq!(fs::read_to_string(fx.path("launch.md")).unwrap(), OLD);
    assert_eq!(files(&fx), ["launch.md"], "no temp file left");
    let mut relaunched = fx.launch();
    relaunched
        .open_folder_path(fx.path("launch.md").parent().unwrap())
        .unwrap();
    let reopened = relaunched.open_draft(id).unwrap();
    assert_eq!(
        reopened.recovered.map(|r| r.text).as_deref(),
        Some(NEW),
        "her text is still journaled"
    );
    let copy = ws.save_copy(id, NEW).unwrap();
    assert_eq!(fs::read_to_string(fx.path(&copy.rel_path)).unwrap(), NEW);
}

/// The disk holding Dateline's own data fills up while a draft is open: her
/// save still writes her file (on another disk), and says what was not
/// recorded, rather than failing (she would save again and again for
/// nothing).
#[test]
fn a_save_with_the_app_data_disk_full_writes_her_file_and_says_what_is_not_recorded() {
    let Some(disk) = dateline_files::testfs::SmallDisk::mount(2048) else {
        return;
    };
    let drafts = tempfile::tempdir().unwrap();
    fs::write(drafts.path().join("launch.md"), OLD).unwrap();
    let mut ws = Workspace::new(crate::store::Store::open(&disk.path().join("dateline.db")).unwrap());
    let listing = ws.open_folder_path(drafts.path()).unwrap();
    let id = id_of(&listing, "launch.md");
    ws.open_draft(id).unwrap();
    ws.journal(id, NEW).unwrap();
    disk.fill();
    let saved = ws.save_draft(id, NEW);
    disk.free();
    let warning = saved.unwrap().warning.expect("a warning about the history");
    assert!(
        warning.contains("“launch.md” is saved, but the disk holding Dateline's own data is full"),
        "{warning}"
    );
    assert!(warning.contains("not in its history"), "{warning}");
    assert_eq!(fs::read_to_string(drafts.path().join("launch.md")).unwrap(), NEW);
    let again = ws.save_draft(id, NEW).unwrap();
    assert_eq!(
        again.warning, None,
        "once the folder is writable the save is recorded"
    );
}
