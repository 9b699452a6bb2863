//! `dateline export --to docx` and `dateline import`, run as a user would.

use std::fs;
use std::io::{Cursor, Read, Write};
use std::path::Path;

mod common;
use common::{dateline, stderr};

const DRAFT: &str =
    "# Lumen Ships PocketCell\n\nA battery that sits in a drawer helps nobody.\n\n- light\n- fast\n";

fn part(docx: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(Cursor::new(docx)).unwrap();
    let mut text = String::new();
    archive.by_name(name).unwrap().read_to_string(&mut text).unwrap();
    text
}

fn exported(dir: &Path) -> Vec<u8> {
    fs::write(dir.join("d.md"), DRAFT).unwrap();
    let out = dateline(
        &[
            "export", "d.md", "--to", "docx", "-o", "d.docx", "--paper", "letter",
        ],
        dir,
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    fs::read(dir.join("d.docx")).unwrap()
}

#[test]
fn export_writes_a_word_document_with_an_embedded_picture() {
    let dir = tempfile::tempdir().unwrap();
    let png = include_bytes!("../../../icons/32x32.png");
    fs::write(dir.path().join("logo.png"), png).unwrap();
    fs::write(
        dir.path().join("p.md"),
        "# Title Here\n\n![Logo](logo.png) ![x](../outside.png)\n",
    )
    .unwrap();
    let out = dateline(
        &["export", "p.md", "--to", "docx", "-o", "p.docx", "--with-review"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let bytes = fs::read(dir.path().join("p.docx")).unwrap();
    let archive = zip::ZipArchive::new(Cursor::new(&bytes[..])).unwrap();
    assert!(
        archive.file_names().any(|n| n.starts_with("word/media/")),
        "the picture is embedded"
    );
    let doc = part(&bytes, "word/document.xml");
    assert!(
        doc.contains("Lint summary"),
        "--with-review adds the closing section"
    );
    assert!(doc.contains("[Image: x]"), "a path out of the folder is not read");
}

#[test]
fn import_makes_a_new_draft_and_never_replaces_one() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = exported(dir.path());
    assert!(
        part(&bytes, "word/document.xml").contains("w:w=\"12240\""),
        "Letter paper"
    );
    let out = dateline(&["import", "d.docx", "-o", "new.md"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(fs::read_to_string(dir.path().join("new.md")).unwrap(), DRAFT);
    assert_eq!(
        fs::read(dir.path().join("d.docx")).unwrap(),
        bytes,
        "the Word file is unchanged"
    );
    fs::write(dir.path().join("mine.md"), "my own words\n").unwrap();
    let again = dateline(&["import", "d.docx", "-o", "mine.md"], dir.path());
    assert_eq!(again.status.code(), Some(2));
    assert!(stderr(&again).contains("already exists"), "{}", stderr(&again));
    assert_eq!(
        fs::read_to_string(dir.path().join("mine.md")).unwrap(),
        "my own words\n"
    );
}

fn rezip(docx: &[u8], extra: &[(&str, &[u8])]) -> Vec<u8> {
    let mut archive = zip::ZipArchive::new(Cursor::new(docx)).unwrap();
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for i in 0..archive.len() {
        out.raw_copy_file(archive.by_index_raw(i).unwrap()).unwrap();
    }
    for (name, bytes) in extra {
        out.start_file(*name, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(bytes).unwrap();
    }
    out.finish().unwrap().into_inner()
}

#[test]
fn bad_input_exits_2_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let good = exported(dir.path());
    let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    ole.resize(2048, 0);
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("corrupt.docx", good[..good.len() / 2].to_vec(), "damaged"),
        (
            "macro.docm",
            rezip(&good, &[("word/vbaProject.bin", b"macros")]),
            "macro",
        ),
        ("locked.docx", ole, "encrypted"),
        ("notes.docx", b"just some text\n".to_vec(), "not a Word document"),
        (
            "huge.docx",
            vec![b'P'; 50 * 1024 * 1024],
            "Word documents of up to",
        ),
    ];
    for (name, bytes, says) in cases {
        fs::write(dir.path().join(name), &bytes).unwrap();
        let out = dateline(&["import", name, "-o", "out.md"], dir.path());
        assert_eq!(out.status.code(), Some(2), "{name}: {}", stderr(&out));
        assert!(stderr(&out).contains(says), "{name}: {}", stderr(&out));
        assert!(!dir.path().join("out.md").exists(), "{name}: nothing is written");
        assert_eq!(
            fs::read(dir.path().join(name)).unwrap(),
            bytes,
            "{name} is unchanged"
        );
    }
}

#[test]
fn with_review_the_open_comments_become_word_comments() {
    use dateline_review::log::{encode_record, Author, Event, Record};
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("team")).unwrap();
    fs::write(dir.path().join("team/launch.md"), DRAFT).unwrap();
    let start = DRAFT.find("helps nobody").unwrap();
    let comment = Record {
        event: Event::Comment {
            id: "c1".into(),
            draft_version: String::new(),
            anchor: Some(dateline_review::Anchor::new(DRAFT, start..start + 12)),
            body: "Say what it costs.".into(),
            parent: None,
        },
        at: 1_796_299_200_000,
        author: Author {
            name: "Ana Ruiz".into(),
            email: "ana@example.com".into(),
        },
    };
    let logs = dateline_review::folder::review_dir(&dir.path().join("team"), "launch.md");
    fs::create_dir_all(&logs).unwrap();
    fs::write(logs.join("ana.jsonl"), encode_record(&comment)).unwrap();
    let out = dateline(
        &[
            "export",
            "team/launch.md",
            "--to",
            "docx",
            "--with-review",
            "-o",
            "l.docx",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let bytes = fs::read(dir.path().join("l.docx")).unwrap();
    let comments = part(&bytes, "word/comments.xml");
    assert!(
        comments.contains("w:author=\"Ana Ruiz\"") && comments.contains("Say what it costs."),
        "{comments}"
    );
    let doc = part(&bytes, "word/document.xml");
    let anchored = doc.find("commentRangeStart").unwrap() < doc.find("helps nobody").unwrap();
    assert!(anchored && doc.contains("commentRangeEnd"), "{doc}");
}

#[test]
fn import_brings_the_word_files_tracked_changes_in_as_suggestions() {
    use dateline_export::{export_docx, DocxOptions, DocxReview, TrackedChange};
    let dir = tempfile::tempdir().unwrap();
    let change = TrackedChange {
        anchor: "helps nobody".into(),
        replacement: "is dead weight".into(),
        author: "Ana Silva".into(),
        at: Some(1_714_557_600_000),
        offset: None,
    };
    let review = DocxReview {
        material: None,
        changes: &[change],
    };
    let docx = export_docx(DRAFT, review, &DocxOptions::default()).unwrap();
    fs::write(dir.path().join("w.docx"), &docx).unwrap();
    let out = dateline(&["import", "w.docx", "-o", "w.md"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("imported 0 comments and 1 suggestion"),
        "{}",
        stderr(&out)
    );
    assert_eq!(fs::read_to_string(dir.path().join("w.md")).unwrap(), DRAFT);
    let review = dateline(&["review", "w.md"], dir.path());
    let listed = String::from_utf8_lossy(&review.stdout);
    assert!(
        listed.contains("suggestion by Ana Silva") && listed.contains("“helps nobody” → “is dead weight”"),
        "{listed}"
    );
}
