//! Every writer of the workspace against a real disk filled to the last
//! byte: the drafts folder is a small tmpfs of the test's own (mounting
//! needs root, as in CI; elsewhere each test says so and passes). Each
//! write is refused with a message that the disk is full, the folder holds
//! the same files with the same bytes, and her unsaved text is still in the
//! crash journal (Dateline's own data is on another disk here).

use super::tests::{export_request, id_of};
use super::*;
use crate::export::ExportFormat;
use crate::workspace::{TextRange, VersionPick};
use dateline_files::testfs::SmallDisk;
use std::fs;
use std::path::Path;

const OLD: &str = "# Acme Ships Rockets\n\nAcme today launched a rocket.\n";
const NEW: &str = "# Acme Ships Rockets\n\nAcme today launched a rocket for everyone.\n";

/// Every file under `root` but the disk's ballast, with its bytes.
fn contents(root: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = walkdir::WalkDir::new(root)
        .into_iter()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_file() && e.file_name() != ".ballast")
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            (rel, fs::read(e.path()).unwrap())
        })
        .collect();
    files.sort();
    files
}

/// Runs `op` on a draft with NEW typed (journaled), once the disk holding
/// the folder is full, and checks what a refused write must leave. (Each
/// write here makes a file: an append that fits in the last page of a file
/// already there is written, as it should be.)
fn on_a_full_disk<T: std::fmt::Debug>(
    what: &str,
    op: impl FnOnce(&mut Workspace, DraftId, &Path) -> Result<T>,
) {
    let Some(disk) = SmallDisk::mount(1024) else {
        return;
    };
    let data = tempfile::tempdir().unwrap();
    let db = data.path().join("dateline.db");
    fs::write(disk.path().join("launch.md"), OLD).unwrap();
    let mut ws = Workspace::new(Store::open(&db).unwrap());
    let id = id_of(&ws.open_folder_path(disk.path()).unwrap(), "launch.md");
    ws.open_draft(id).unwrap();
    ws.journal(id, NEW).unwrap();
    ws.set_reviewer("Ana Ruiz", "ana@example.com").unwrap();
    let before = contents(disk.path());
    disk.fill();
    let result = op(&mut ws, id, disk.path());
    let after = contents(disk.path());
    disk.free();
    match result {
        Err(Error::DiskFull(message)) => {
            assert!(message.contains("disk is full"), "{what}: {message}")
        }
        other => panic!("{what} on a full disk: expected a full-disk refusal, got {other:?}"),
    }
    assert_eq!(after, before, "{what}: the folder changed");
    let mut relaunched = Workspace::new(Store::open(&db).unwrap());
    relaunched.open_folder_path(disk.path()).unwrap();
    let reopened = relaunched.open_draft(id).unwrap();
    assert_eq!(
        reopened.recovered.map(|r| r.text).as_deref(),
        Some(NEW),
        "{what}: her text is no longer journaled"
    );
}

#[test]
fn a_save_on_a_full_disk_is_refused_and_loses_nothing() {
    on_a_full_disk("save", |ws, id, _| ws.save_draft(id, NEW));
}

#[test]
fn a_copy_on_a_full_disk_is_refused_and_loses_nothing() {
    on_a_full_disk("save a copy", |ws, id, _| ws.save_copy(id, NEW));
}

#[test]
fn a_new_draft_on_a_full_disk_is_refused_and_loses_nothing() {
    on_a_full_disk("new draft", |ws, _, _| ws.create_draft("Next launch"));
}

#[test]
fn exports_on_a_full_disk_are_refused_and_lose_nothing() {
    for format in [ExportFormat::Pdf, ExportFormat::Markdown, ExportFormat::Docx] {
        on_a_full_disk(&format!("export beside as {format:?}"), |ws, id, _| {
            ws.export_beside(id, NEW, &export_request(format))
        });
        on_a_full_disk(&format!("export as {format:?}"), |ws, id, root| {
            ws.export_to(id, NEW, &export_request(format), &root.join("launch-final.out"))
        });
    }
}

#[test]
fn review_records_on_a_full_disk_are_refused_and_lose_nothing() {
    on_a_full_disk("comment", |ws, id, _| {
        ws.add_comment(
            id,
            VersionPick::Saved,
            TextRange { from: 7, to: 12 },
            "Which customers?",
        )
    });
    on_a_full_disk("suggestion", |ws, id, _| {
        ws.add_suggestion(
            id,
            VersionPick::Saved,
            TextRange { from: 2, to: 6 },
            "Acme Corp",
            "",
        )
    });
    on_a_full_disk("verdict", |ws, id, _| ws.set_verdict(id, true, "Ship it."));
}

#[test]
fn a_team_word_on_a_full_disk_is_refused_and_loses_nothing() {
    on_a_full_disk("team word", |ws, _, _| ws.add_team_word("Acmeflux"));
}
