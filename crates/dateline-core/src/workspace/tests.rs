use super::*;
use std::fs;
use tempfile::TempDir;

pub(super) struct Fixture {
    _data: TempDir,
    pub(super) drafts: TempDir,
    db: PathBuf,
}

impl Fixture {
    pub(super) fn new(files: &[(&str, &[u8])]) -> Fixture {
        let data = tempfile::tempdir().unwrap();
        let drafts = tempfile::tempdir().unwrap();
        for (name, bytes) in files {
            fs::write(drafts.path().join(name), bytes).unwrap();
        }
        let db = data.path().join("dateline.db");
        Fixture {
            _data: data,
            drafts,
            db,
        }
    }

    /// A workspace as the app has it at launch: a fresh process on the same database.
    pub(super) fn launch(&self) -> Workspace {
        Workspace::new(Store::open(&self.db).unwrap())
    }

    pub(super) fn opened(&self) -> (Workspace, FolderListing) {
        let mut ws = self.launch();
        let listing = ws.open_folder_path(self.drafts.path()).unwrap();
        (ws, listing)
    }

    pub(super) fn path(&self, name: &str) -> PathBuf {
        self.drafts.path().join(name)
    }
}

/// An export on A4, labels hidden, front matter kept, no review.
pub(super) fn export_request(format: crate::export::ExportFormat) -> crate::export::ExportRequest {
    crate::export::ExportRequest {
        format,
        paper: crate::export::PaperSize::A4,
        show_labels: false,
        strip_front_matter: false,
        wrap: None,
        include_review: false,
    }
}

/// A second reviewer: another app-data folder (its own store) on the same drafts folder.
pub(super) fn colleague(fx: &Fixture) -> (Workspace, DraftId) {
    let mut ws = Workspace::new(Store::open_in_memory().unwrap());
    let listing = ws.open_folder_path(fx.drafts.path()).unwrap();
    ws.set_reviewer("Ben Ito", "ben@example.com").unwrap();
    let id = id_of(&listing, "launch.md");
    (ws, id)
}

/// The UTF-16 range of `needle` in `text`, as the editor names ranges.
pub(super) fn utf16(text: &str, needle: &str) -> TextRange {
    let start = text.find(needle).unwrap();
    let from = text[..start].encode_utf16().count() as u32;
    TextRange {
        from,
        to: from + needle.encode_utf16().count() as u32,
    }
}

pub(super) fn id_of(listing: &FolderListing, name: &str) -> DraftId {
    listing
        .drafts
        .iter()
        .find(|d| d.rel_path == name)
        .unwrap_or_else(|| panic!("{name} not listed"))
        .id
}

#[test]
fn edits_are_saved_in_the_files_own_format() {
    let fx = Fixture::new(&[("launch.md", b"\xEF\xBB\xBF# Launch\r\n\r\nBody\r\n")]);
    let (mut ws, listing) = fx.opened();
    let id = id_of(&listing, "launch.md");
    let draft = ws.open_draft(id).unwrap();
    assert_eq!(draft.text, "# Launch\n\nBody\n");
    assert!(draft.read_only.is_none());
    ws.save_draft(id, "# Launch\n\nBody, edited\n").unwrap();
    assert_eq!(
        fs::read(fx.path("launch.md")).unwrap(),
        b"\xEF\xBB\xBF# Launch\r\n\r\nBody, edited\r\n"
    );
    // A second save works: the app's own write is not mistaken for a conflict.
    ws.save_draft(id, "# Launch\n").unwrap();
    assert_eq!(
        fs::read(fx.path("launch.md")).unwrap(),
        b"\xEF\xBB\xBF# Launch\r\n"
    );
}

#[test]
fn a_file_changed_on_disk_is_never_overwritten() {
    let fx = Fixture::new(&[("launch.md", b"mine\n")]);
    let (mut ws, listing) = fx.opened();
    let id = id_of(&listing, "launch.md");
    ws.open_draft(id).unwrap();
    fs::write(fx.path("launch.md"), b"a colleague's words\n").unwrap();
    let err = ws.save_draft(id, "my edit\n").unwrap_err();
    assert!(matches!(err, Error::Conflict(_)), "{err:?}");
    assert_eq!(fs::read(fx.path("launch.md")).unwrap(), b"a colleague's words\n");
    let copy = ws.save_copy(id, "my edit\n").unwrap();
    assert_eq!(copy.rel_path, "launch (copy).md");
    assert_eq!(fs::read(fx.path("launch (copy).md")).unwrap(), b"my edit\n");
    let second = ws.save_copy(id, "again\n").unwrap();
    assert_eq!(second.rel_path, "launch (copy 2).md");
}

#[test]
fn invalid_utf8_opens_read_only_and_is_never_written() {
    let bytes: &[u8] = b"# Caf\xE9\nLatin-1 text\n";
    let fx = Fixture::new(&[("latin1.md", bytes)]);
    let (mut ws, listing) = fx.opened();
    let id = id_of(&listing, "latin1.md");
    let draft = ws.open_draft(id).unwrap();
    let reason = draft.read_only.expect("must be read-only");
    assert!(reason.contains("UTF-8") && reason.contains("line 1"), "{reason}");
    assert!(matches!(
        ws.save_draft(id, "converted\n"),
        Err(Error::ReadOnly(_))
    ));
    assert_eq!(fs::read(fx.path("latin1.md")).unwrap(), bytes);
}

#[test]
fn huge_and_binary_files_are_refused_with_a_reason() {
    let fx = Fixture::new(&[("image.md", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR")]);
    let huge = fs::File::create(fx.path("huge.md")).unwrap();
    huge.set_len(50 * 1024 * 1024).unwrap();
    let (mut ws, listing) = fx.opened();
    let err = ws.open_draft(id_of(&listing, "huge.md")).unwrap_err();
    assert!(
        matches!(&err, Error::TooLarge(m) if m.contains("50.0 MB")),
        "{err:?}"
    );
    let err = ws.open_draft(id_of(&listing, "image.md")).unwrap_err();
    assert!(matches!(err, Error::Binary(_)), "{err:?}");
    assert_eq!(fs::metadata(fx.path("huge.md")).unwrap().len(), 50 * 1024 * 1024);
}

#[test]
fn a_vanished_folder_is_reported_and_nothing_is_recreated() {
    let fx = Fixture::new(&[("launch.md", b"text\n")]);
    let (mut ws, listing) = fx.opened();
    let id = id_of(&listing, "launch.md");
    ws.open_draft(id).unwrap();
    let root = fx.drafts.path().to_path_buf();
    fs::remove_dir_all(&root).unwrap();
    assert!(matches!(
        ws.save_draft(id, "edit\n"),
        Err(Error::FolderMissing(_))
    ));
    assert!(matches!(ws.refresh(), Err(Error::FolderMissing(_))));
    assert!(!root.exists());
}

#[test]
fn a_draft_deleted_while_open_is_written_again_on_save() {
    let fx = Fixture::new(&[("launch.md", b"text\n")]);
    let (mut ws, listing) = fx.opened();
    let id = id_of(&listing, "launch.md");
    ws.open_draft(id).unwrap();
    fs::remove_file(fx.path("launch.md")).unwrap();
    ws.save_draft(id, "kept\n").unwrap();
    assert_eq!(fs::read(fx.path("launch.md")).unwrap(), b"kept\n");
}

#[test]
fn the_next_launch_reopens_the_folder_and_the_draft() {
    let fx = Fixture::new(&[("a.md", b"a\n"), ("b.md", b"b\n")]);
    let (mut ws, listing) = fx.opened();
    let b = id_of(&listing, "b.md");
    ws.open_draft(b).unwrap();
    drop(ws);
    let startup = fx.launch().startup(None).unwrap();
    let listing = startup.listing.expect("folder reopened");
    assert_eq!(listing.folder.path, fx.drafts.path().display().to_string());
    assert_eq!(startup.last_draft, Some(b));
    assert_eq!(startup.recent_folders.len(), 1);
    assert!(startup.notices.is_empty());
}

#[test]
fn a_folder_named_with_a_trailing_slash_is_the_same_folder() {
    let fx = Fixture::new(&[("a.md", b"a\n")]);
    let (mut ws, listing) = fx.opened();
    let a = id_of(&listing, "a.md");
    let slashed = format!("{}/./", fx.drafts.path().display());
    let again = ws.open_folder_path(std::path::Path::new(&slashed)).unwrap();
    assert_eq!(again.folder.id, listing.folder.id);
    assert_eq!(id_of(&again, "a.md"), a, "the draft keeps its id and history");
    assert_eq!(ws.recent_folders().unwrap().len(), 1);
}

#[test]
fn a_missing_last_folder_gives_a_notice_not_a_failure() {
    let fx = Fixture::new(&[("a.md", b"a\n")]);
    let (ws, _) = fx.opened();
    drop(ws);
    let root = fx.drafts.path().to_path_buf();
    fs::remove_dir_all(&root).unwrap();
    let startup = fx.launch().startup(None).unwrap();
    assert!(startup.listing.is_none());
    assert!(startup.notices[0].contains("not there any more"));
    assert!(!startup.recent_folders[0].exists);
}

#[test]
fn a_draft_named_on_the_command_line_is_opened_with_its_folder() {
    let fx = Fixture::new(&[("a.md", b"a\n"), ("Café 🚀.md", b"b\n")]);
    let mut ws = fx.launch();
    let startup = ws.startup(Some(&fx.path("Café 🚀.md"))).unwrap();
    let listing = startup.listing.unwrap();
    assert_eq!(startup.last_draft, Some(id_of(&listing, "Café 🚀.md")));
    assert_eq!(ws.open_draft(startup.last_draft.unwrap()).unwrap().text, "b\n");
}

#[test]
fn a_path_handed_over_later_switches_folder_and_names_the_draft() {
    let fx = Fixture::new(&[("a.md", b"a\n")]);
    let other = tempfile::tempdir().unwrap();
    fs::write(other.path().join("x.md"), "x").unwrap();
    fs::write(other.path().join("notes.txt"), "not a draft").unwrap();
    let (mut ws, _) = fx.opened();
    let opened = ws.open_path(&other.path().join("x.md")).unwrap();
    assert_eq!(ws.root().as_deref(), Some(other.path()));
    assert_eq!(opened.draft, Some(id_of(&opened.listing, "x.md")));
    let folder_only = ws.open_path(fx.drafts.path()).unwrap();
    assert_eq!(folder_only.draft, None);
    assert_eq!(ws.root().as_deref(), Some(fx.drafts.path()));
    assert!(
        ws.open_path(&other.path().join("notes.txt")).is_err(),
        "a non-draft file is not a folder either"
    );
}

#[test]
fn ids_from_elsewhere_are_refused() {
    let fx = Fixture::new(&[("a.md", b"a\n")]);
    let other = tempfile::tempdir().unwrap();
    fs::write(other.path().join("x.md"), "x").unwrap();
    let (mut ws, listing) = fx.opened();
    let a = id_of(&listing, "a.md");
    assert!(matches!(ws.open_draft(DraftId(9999)), Err(Error::NotFound(_))));
    let other_listing = ws.open_folder_path(other.path()).unwrap();
    assert!(matches!(ws.open_draft(a), Err(Error::NotFound(_))));
    assert!(ws.open_draft(id_of(&other_listing, "x.md")).is_ok());
}

#[test]
fn saving_without_opening_is_refused() {
    let fx = Fixture::new(&[("a.md", b"a\n")]);
    let (mut ws, listing) = fx.opened();
    assert!(matches!(
        ws.save_draft(id_of(&listing, "a.md"), "x"),
        Err(Error::InvalidInput(_))
    ));
    assert_eq!(fs::read(fx.path("a.md")).unwrap(), b"a\n");
}

#[cfg(unix)]
#[test]
fn saving_through_a_link_writes_the_target_and_keeps_the_link() {
    let fx = Fixture::new(&[("real.md", b"old\n")]);
    std::os::unix::fs::symlink(fx.path("real.md"), fx.path("alias.md")).unwrap();
    let (mut ws, listing) = fx.opened();
    let alias = id_of(&listing, "alias.md");
    ws.open_draft(alias).unwrap();
    ws.save_draft(alias, "new\n").unwrap();
    assert!(fx.path("alias.md").is_symlink());
    assert_eq!(fs::read(fx.path("real.md")).unwrap(), b"new\n");
}

#[test]
fn the_team_words_file_is_read_with_the_config() {
    let fx = Fixture::new(&[("a.md", b"# Our zindle launch\n")]);
    let (mut ws, _) = fx.opened();
    let text = "# Our zindle launch\n\nThe zindle ships today.\n";
    let spelled = |ws: &mut Workspace| {
        ws.lint(text)
            .diagnostics
            .iter()
            .filter(|d| d.rule == "spelling")
            .count()
    };
    assert_eq!(spelled(&mut ws), 2);
    fs::write(fx.path(dateline_lint::WORDS_FILE), "zindle\n").unwrap();
    ws.refresh().unwrap();
    assert_eq!(spelled(&mut ws), 0);
}

#[test]
fn the_folders_config_drives_the_lint_and_its_problems_are_reported() {
    let fx = Fixture::new(&[
        ("a.md", b"# Our seamless launch\n"),
        ("dateline.toml", b"[rules]\njargon = \"off\"\n"),
    ]);
    let (mut ws, listing) = fx.opened();
    assert!(
        listing.config_problems.is_empty(),
        "{:?}",
        listing.config_problems
    );
    let text = "# Our seamless launch\n\nA seamless thing.\n";
    assert!(!ws.lint(text).diagnostics.iter().any(|d| d.rule == "jargon"));
    fs::write(fx.path("dateline.toml"), "[rules\njargon = off\n").unwrap();
    let listing = ws.refresh().unwrap();
    assert!(
        listing.config_problems[0].starts_with("dateline.toml:1:"),
        "{:?}",
        listing.config_problems
    );
    assert!(
        ws.lint(text).diagnostics.iter().any(|d| d.rule == "jargon"),
        "defaults after a broken config"
    );
}

#[test]
fn a_new_draft_starts_from_the_template_and_never_replaces_a_file() {
    let fx = Fixture::new(&[("taken.md", b"mine\n")]);
    let (mut ws, _) = fx.opened();
    let draft = ws.create_draft("  Q3 launch ").unwrap();
    assert_eq!(draft.rel_path, "Q3 launch.md");
    assert_eq!(
        fs::read_to_string(fx.path("Q3 launch.md")).unwrap(),
        dateline_lint::TEMPLATE
    );
    assert!(matches!(ws.create_draft("taken"), Err(Error::InvalidInput(_))));
    assert_eq!(fs::read(fx.path("taken.md")).unwrap(), b"mine\n");
    for bad in ["", "../escape", "a/b", ".hidden", "what?"] {
        assert!(
            matches!(ws.create_draft(bad), Err(Error::InvalidInput(_))),
            "{bad:?}"
        );
    }
}

#[test]
fn unsaved_text_survives_a_crash_and_is_offered_back() {
    let fx = Fixture::new(&[("a.md", b"saved\n")]);
    let (mut ws, listing) = fx.opened();
    let id = id_of(&listing, "a.md");
    ws.open_draft(id).unwrap();
    ws.journal(id, "saved\ntyped before the crash\n").unwrap();
    drop(ws); // the process dies: nothing else runs
    let mut ws = fx.launch();
    ws.startup(None).unwrap();
    let draft = ws.open_draft(id).unwrap();
    let recovered = draft.recovered.expect("journal text offered");
    assert_eq!(recovered.text, "saved\ntyped before the crash\n");
    assert!(!recovered.disk_changed);
    ws.save_draft(id, &recovered.text).unwrap();
    assert_eq!(
        fs::read(fx.path("a.md")).unwrap(),
        b"saved\ntyped before the crash\n"
    );
    assert!(
        ws.open_draft(id).unwrap().recovered.is_none(),
        "a save clears the journal"
    );
}

#[test]
fn recovered_text_never_overwrites_a_file_changed_since() {
    let fx = Fixture::new(&[("a.md", b"v1\n")]);
    let (mut ws, listing) = fx.opened();
    let id = id_of(&listing, "a.md");
    ws.open_draft(id).unwrap();
    ws.journal(id, "v1 plus mine\n").unwrap();
    drop(ws);
    fs::write(fx.path("a.md"), b"v2 from a colleague\n").unwrap();
    let mut ws = fx.launch();
    ws.startup(None).unwrap();
    let recovered = ws.open_draft(id).unwrap().recovered.unwrap();
    assert!(recovered.disk_changed);
    assert!(matches!(
        ws.save_draft(id, &recovered.text),
        Err(Error::Conflict(_))
    ));
    assert_eq!(fs::read(fx.path("a.md")).unwrap(), b"v2 from a colleague\n");
}

#[test]
fn discarded_changes_are_not_offered_again() {
    let fx = Fixture::new(&[("a.md", b"saved\n")]);
    let (mut ws, listing) = fx.opened();
    let id = id_of(&listing, "a.md");
    ws.open_draft(id).unwrap();
    ws.journal(id, "throwaway\n").unwrap();
    ws.discard_changes(id).unwrap();
    assert!(ws.open_draft(id).unwrap().recovered.is_none());
}

#[test]
fn every_save_is_a_version_and_restoring_adds_one() {
    let fx = Fixture::new(&[("a.md", b"# First\n")]);
    let (mut ws, listing) = fx.opened();
    let id = id_of(&listing, "a.md");
    ws.open_draft(id).unwrap();
    ws.save_draft(id, "# Second\n").unwrap();
    ws.save_draft(id, "# Third\n").unwrap();
    let versions = ws.versions(id).unwrap();
    let sources: Vec<&str> = versions.iter().map(|v| v.source.as_str()).collect();
    assert_eq!(sources, vec!["save", "save", "original"]);
    let original = versions[2].id;
    assert_eq!(ws.version_text(id, original).unwrap(), "# First\n");
    ws.restore_version(id, original).unwrap();
    assert_eq!(fs::read(fx.path("a.md")).unwrap(), b"# First\n");
    let after = ws.versions(id).unwrap();
    assert_eq!(after.len(), 4, "restoring deletes nothing");
    assert_eq!(after[0].source, "restore");
    assert_eq!(ws.version_text(id, after[1].id).unwrap(), "# Third\n");
}

#[test]
fn saving_the_same_text_again_adds_no_version() {
    let fx = Fixture::new(&[("a.md", b"# First\n")]);
    let (mut ws, listing) = fx.opened();
    let id = id_of(&listing, "a.md");
    ws.open_draft(id).unwrap();
    ws.save_draft(id, "# Second\n").unwrap();
    ws.save_draft(id, "# Second\n").unwrap();
    let sources: Vec<String> = ws.versions(id).unwrap().into_iter().map(|v| v.source).collect();
    assert_eq!(sources, ["save", "original"]);
}

#[test]
fn only_other_peoples_writes_count_as_changes_and_they_are_versioned() {
    let fx = Fixture::new(&[("a.md", b"# One\n")]);
    let (mut ws, listing) = fx.opened();
    let id = id_of(&listing, "a.md");
    ws.open_draft(id).unwrap();
    ws.save_draft(id, "# Mine\n").unwrap();
    assert!(
        !ws.changed_on_disk(id).unwrap(),
        "our own save is not an external change"
    );
    fs::write(fx.path("a.md"), "# Theirs\n").unwrap();
    assert!(ws.changed_on_disk(id).unwrap());
    assert_eq!(ws.open_draft(id).unwrap().text, "# Theirs\n");
    let sources: Vec<String> = ws.versions(id).unwrap().into_iter().map(|v| v.source).collect();
    assert_eq!(sources, vec!["external", "save", "original"]);
    assert!(!ws.changed_on_disk(id).unwrap());
}

#[test]
fn exports_go_beside_the_draft_and_never_over_a_draft() {
    use crate::export::{ExportFormat, ExportRequest};
    let fx = Fixture::new(&[("launch.md", b"# Launch\n\nText.\n"), ("other.md", b"# Other\n")]);
    let (mut ws, listing) = fx.opened();
    let id = id_of(&listing, "launch.md");
    ws.open_draft(id).unwrap();
    let md = export_request(ExportFormat::Markdown);
    let out = ws.export_beside(id, "# Launch\n\n* edited\n", &md).unwrap();
    assert!(out.path.ends_with("launch (export).md"));
    assert_eq!(
        fs::read_to_string(fx.path("launch (export).md")).unwrap(),
        "# Launch\n\n- edited\n"
    );
    assert!(matches!(
        ws.export_to(id, "x", &md, &fx.path("other.md")),
        Err(Error::InvalidInput(_))
    ));
    assert_eq!(fs::read(fx.path("other.md")).unwrap(), b"# Other\n");
    let pdf = ExportRequest {
        format: ExportFormat::Pdf,
        ..md
    };
    let out = ws.export_beside(id, "# Launch\n\nText.\n", &pdf).unwrap();
    assert!(fs::read(fx.path("launch.pdf")).unwrap().starts_with(b"%PDF-"));
    assert_eq!(out.pages.unwrap().pages, 1);
    assert_eq!(ws.export_file_name(id, ExportFormat::Pdf).unwrap(), "launch.pdf");
}

#[test]
fn export_beside_never_replaces_a_file_dateline_did_not_write() {
    use crate::export::{ExportFormat, ExportRequest};
    let fx = Fixture::new(&[
        ("launch.md", b"# Launch\n\nText.\n"),
        ("launch.pdf", b"her own hand-made PDF"),
    ]);
    let (mut ws, listing) = fx.opened();
    let id = id_of(&listing, "launch.md");
    ws.open_draft(id).unwrap();
    let md = export_request(ExportFormat::Markdown);
    let pdf = ExportRequest {
        format: ExportFormat::Pdf,
        ..md.clone()
    };
    let first = ws.export_beside(id, "# Launch\n\nText.\n", &pdf).unwrap();
    assert!(first.path.ends_with("launch (2).pdf"), "{}", first.path);
    assert_eq!(first.kept.as_deref(), Some("launch.pdf"));
    assert_eq!(fs::read(fx.path("launch.pdf")).unwrap(), b"her own hand-made PDF");
    // A second export updates Dateline's own first one, not a third file.
    let second = ws.export_beside(id, "# Launch\n\nMore text.\n", &pdf).unwrap();
    assert_eq!(second.path, first.path);
    assert_eq!(fs::read(fx.path("launch.pdf")).unwrap(), b"her own hand-made PDF");
    assert!(!fx.path("launch (3).pdf").exists());
    // Its own export, changed by someone since, is theirs now: kept too.
    let out = ws.export_beside(id, "# Launch\n\nText.\n", &md).unwrap();
    assert_eq!(out.kept, None);
    fs::write(fx.path("launch (export).md"), "edited by a colleague").unwrap();
    let out = ws.export_beside(id, "# Launch\n\nText.\n", &md).unwrap();
    assert!(out.path.ends_with("launch (export 2).md"), "{}", out.path);
    assert_eq!(
        fs::read(fx.path("launch (export).md")).unwrap(),
        b"edited by a colleague"
    );
}

mod review {
    use super::*;
    use crate::workspace::{ThreadAction, VersionPick};

    const V1: &str = "# Acme Ships Rockets\n\nAcme today launched a rocket for everyone.\n";

    #[test]
    fn comments_need_a_name_and_travel_with_the_draft_folder() {
        let fx = Fixture::new(&[("launch.md", V1.as_bytes())]);
        let (mut ws, listing) = fx.opened();
        let id = id_of(&listing, "launch.md");
        let on = VersionPick::Saved;
        let err = ws
            .add_comment(id, on, utf16(V1, "rocket"), "Which rocket?")
            .unwrap_err();
        assert!(matches!(err, Error::NeedsReviewer(_)), "{err:?}");
        ws.set_reviewer("Ana Ruiz", "ana@example.com").unwrap();
        ws.add_comment(id, on, utf16(V1, "a rocket"), "Which rocket?")
            .unwrap();
        let logs: Vec<_> = fs::read_dir(fx.drafts.path().join(".dateline/reviews"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        assert_eq!(logs.len(), 1, "one folder per draft");
        // Another machine sees it and answers in its own file.
        let (mut ben, ben_id) = colleague(&fx);
        let view = ben.open_review(ben_id, on, on).unwrap();
        assert_eq!(view.threads.len(), 1);
        let thread = &view.threads[0];
        assert_eq!(
            (thread.comment.author.as_str(), thread.quote.as_str()),
            ("Ana Ruiz", "a rocket")
        );
        assert_eq!(thread.anchor, Some(utf16(V1, "a rocket")));
        ben.act_on_thread(
            ben_id,
            &thread.id,
            ThreadAction::Reply {
                body: "The small one.".into(),
            },
        )
        .unwrap();
        ben.act_on_thread(ben_id, &thread.id, ThreadAction::Resolve { resolved: true })
            .unwrap();
        ben.set_verdict(ben_id, false, "Name the rocket.").unwrap();
        assert_eq!(fs::read_dir(&logs[0]).unwrap().count(), 2, "one log per reviewer");
        let view = ws.open_review(id, on, on).unwrap();
        let thread = &view.threads[0];
        assert_eq!(thread.replies[0].body, "The small one.");
        assert!(thread.resolved);
        assert_eq!(view.verdicts[0].verdict, "changesRequested");
        assert_eq!(view.verdicts[0].author, "Ben Ito");
    }

    #[test]
    fn the_list_shows_open_comments_and_verdicts_from_the_index() {
        let fx = Fixture::new(&[("launch.md", V1.as_bytes()), ("other.md", b"# Other\n")]);
        let (mut ws, listing) = fx.opened();
        let id = id_of(&listing, "launch.md");
        let counts = |ws: &mut Workspace| {
            let d = ws
                .refresh()
                .unwrap()
                .drafts
                .into_iter()
                .find(|d| d.id == id)
                .unwrap();
            (d.open_comments, d.approvals, d.change_requests)
        };
        assert_eq!(counts(&mut ws), (0, 0, 0));
        ws.set_reviewer("Ana Ruiz", "").unwrap();
        ws.add_comment(id, VersionPick::Saved, utf16(V1, "a rocket"), "Which?")
            .unwrap();
        assert_eq!(counts(&mut ws), (1, 0, 0));
        let (mut ben, ben_id) = colleague(&fx);
        let thread = ben
            .open_review(ben_id, VersionPick::Saved, VersionPick::Saved)
            .unwrap()
            .threads[0]
            .id
            .clone();
        ben.act_on_thread(ben_id, &thread, ThreadAction::Resolve { resolved: true })
            .unwrap();
        ben.set_verdict(ben_id, true, "").unwrap();
        assert_eq!(counts(&mut ws), (0, 1, 0), "a colleague's logs count too");
        // The index answers while the logs are unchanged: a row that says
        // otherwise (with the current signature) is what the list shows.
        let dir = dateline_review::folder::review_dir(fx.drafts.path(), "launch.md");
        let signature = super::super::review::logs_signature_for_tests(&dir);
        ws.store
            .set_review_counts(
                id,
                &signature,
                crate::store::ReviewCounts {
                    open_comments: 9,
                    approvals: 0,
                    change_requests: 0,
                    open_suggestions: 0,
                },
            )
            .unwrap();
        assert_eq!(counts(&mut ws).0, 9);
        let other = ws
            .refresh()
            .unwrap()
            .drafts
            .into_iter()
            .find(|d| d.rel_path == "other.md")
            .unwrap();
        assert_eq!(other.open_comments, 0);
    }

    #[test]
    fn renaming_a_draft_keeps_its_text_history_and_comments_and_never_replaces_a_file() {
        let fx = Fixture::new(&[("launch.md", V1.as_bytes()), ("taken.md", b"mine\n")]);
        let (mut ws, listing) = fx.opened();
        let id = id_of(&listing, "launch.md");
        ws.open_draft(id).unwrap();
        ws.set_reviewer("Ana Ruiz", "").unwrap();
        ws.add_comment(id, VersionPick::Saved, utf16(V1, "a rocket"), "Which rocket?")
            .unwrap();
        let versions = ws.versions(id).unwrap().len();
        let err = ws.rename_draft(id, "taken").unwrap_err();
        assert!(matches!(err, Error::InvalidInput(_)), "{err:?}");
        assert_eq!(fs::read(fx.path("taken.md")).unwrap(), b"mine\n");
        assert!(matches!(
            ws.rename_draft(id, "../out"),
            Err(Error::InvalidInput(_))
        ));
        assert_eq!(ws.rename_draft(id, " Launch plan ").unwrap(), "Launch plan.md");
        assert!(!fx.path("launch.md").exists());
        assert_eq!(fs::read_to_string(fx.path("Launch plan.md")).unwrap(), V1);
        // The same draft: saves, history and the review go on under the new name.
        ws.save_draft(id, &format!("{V1}It costs $49.\n")).unwrap();
        assert!(fs::read_to_string(fx.path("Launch plan.md"))
            .unwrap()
            .ends_with("$49.\n"));
        assert!(ws.versions(id).unwrap().len() > versions);
        let view = ws
            .open_review(id, VersionPick::Saved, VersionPick::Saved)
            .unwrap();
        assert_eq!(view.threads.len(), 1, "the comment came along");
        // A colleague's app finds the comment under the new name too.
        let mut ben = Workspace::new(Store::open_in_memory().unwrap());
        let listing = ben.open_folder_path(fx.drafts.path()).unwrap();
        let ben_id = id_of(&listing, "Launch plan.md");
        assert_eq!(
            ben.open_review(ben_id, VersionPick::Saved, VersionPick::Saved)
                .unwrap()
                .threads
                .len(),
            1
        );
        assert_eq!(ws.listing().unwrap().drafts.len(), 2);
    }

    #[test]
    fn a_comment_follows_its_text_and_an_orphan_is_kept() {
        let fx = Fixture::new(&[("launch.md", V1.as_bytes())]);
        let (mut ws, listing) = fx.opened();
        let id = id_of(&listing, "launch.md");
        ws.set_reviewer("Ana Ruiz", "").unwrap();
        ws.add_comment(id, VersionPick::Saved, utf16(V1, "for everyone"), "Who exactly?")
            .unwrap();
        ws.add_comment(id, VersionPick::Saved, utf16(V1, "Rockets"), "Plural?")
            .unwrap();
        let edited = "# Acme Ships a Rocket\n\nIntro: Acme today launched a rocket for everyone.\n";
        fs::write(fx.path("launch.md"), edited).unwrap();
        let view = ws
            .open_review(id, VersionPick::Saved, VersionPick::Saved)
            .unwrap();
        let anchor_of = |body: &str| {
            view.threads
                .iter()
                .find(|t| t.comment.body == body)
                .unwrap()
                .anchor
        };
        assert_eq!(anchor_of("Who exactly?"), Some(utf16(edited, "for everyone")));
        assert_eq!(
            anchor_of("Plural?"),
            None,
            "its text is gone: orphaned, not dropped"
        );
    }

    #[test]
    fn two_versions_are_compared_with_the_words_that_changed() {
        let fx = Fixture::new(&[("launch.md", V1.as_bytes())]);
        let (mut ws, listing) = fx.opened();
        let id = id_of(&listing, "launch.md");
        ws.open_draft(id).unwrap();
        let v2 = V1.replace("a rocket", "a small rocket");
        ws.save_draft(id, &v2).unwrap();
        let versions = ws.versions(id).unwrap();
        let oldest = versions.last().unwrap().id;
        let view = ws
            .open_review(id, VersionPick::Version { id: oldest }, VersionPick::Saved)
            .unwrap();
        assert_eq!(view.old.text, V1);
        assert_eq!(view.new.text, v2);
        let inserted: Vec<_> = view
            .new_highlights
            .iter()
            .map(|r| {
                let units: Vec<u16> = v2.encode_utf16().collect();
                String::from_utf16(&units[r.from as usize..r.to as usize]).unwrap()
            })
            .collect();
        assert_eq!(inserted, vec!["small ".to_string()]);
        assert!(view.sections.iter().any(|s| s.status == "modified"));
    }

    #[test]
    fn since_my_last_review_starts_where_the_last_review_ended() {
        let fx = Fixture::new(&[("launch.md", V1.as_bytes())]);
        let (mut ws, listing) = fx.opened();
        let id = id_of(&listing, "launch.md");
        ws.open_draft(id).unwrap();
        let v2 = V1.replace("a rocket", "a small rocket");
        ws.save_draft(id, &v2).unwrap();
        let first = ws
            .open_review(id, VersionPick::LastReviewed, VersionPick::Saved)
            .unwrap();
        assert_eq!(first.old.text, V1, "never reviewed: from the first version");
        let v3 = v2.replace("everyone", "every school");
        ws.save_draft(id, &v3).unwrap();
        let second = ws
            .open_review(id, VersionPick::LastReviewed, VersionPick::Saved)
            .unwrap();
        assert_eq!(second.old.text, v2, "from what was read last time");
        assert_eq!(second.changes.len(), 1);
    }

    #[test]
    fn two_drafts_can_be_compared_but_comments_stay_on_their_own_draft() {
        let fx = Fixture::new(&[
            ("launch.md", V1.as_bytes()),
            ("alt.md", b"# Acme Ships Rockets\n\nOther text.\n"),
        ]);
        let (mut ws, listing) = fx.opened();
        let (id, alt) = (id_of(&listing, "launch.md"), id_of(&listing, "alt.md"));
        ws.set_reviewer("Ana Ruiz", "").unwrap();
        let view = ws
            .open_review(id, VersionPick::Draft { id: alt }, VersionPick::Saved)
            .unwrap();
        assert!(view.old.text.contains("Other text."));
        assert!(view.old.label.contains("alt.md"), "{}", view.old.label);
        let range = utf16(&view.old.text, "Other");
        assert!(ws
            .add_comment(id, VersionPick::Draft { id: alt }, range, "x")
            .is_err());
    }

    #[test]
    fn hostile_review_files_are_skipped_with_a_message() {
        let fx = Fixture::new(&[("launch.md", V1.as_bytes())]);
        let (mut ws, listing) = fx.opened();
        let id = id_of(&listing, "launch.md");
        let dir = dateline_review::folder::review_dir(fx.drafts.path(), "launch.md");
        fs::create_dir_all(&dir).unwrap();
        fs::write(
            dir.join("mallory.jsonl"),
            b"{not json\n\xff\xfe\n{\"v\":1,\"type\":\"comment\"",
        )
        .unwrap();
        let view = ws
            .open_review(id, VersionPick::Saved, VersionPick::Saved)
            .unwrap();
        assert!(view.threads.is_empty());
        assert!(
            view.problems.iter().any(|p| p.contains("mallory.jsonl")),
            "{:?}",
            view.problems
        );
    }
}

mod review_export {
    use super::*;
    use crate::export::{ExportFormat, ExportRequest};
    use crate::workspace::{TextRange, ThreadAction, VersionPick};

    const DRAFT: &str = "# Acme Ships Rockets\n\nAcme today launched a rocket for everyone.\n";

    fn request(format: ExportFormat) -> ExportRequest {
        ExportRequest {
            include_review: true,
            ..export_request(format)
        }
    }

    fn reviewed() -> (Fixture, Workspace, DraftId) {
        let fx = Fixture::new(&[("launch.md", DRAFT.as_bytes())]);
        let (mut ws, listing) = fx.opened();
        let id = id_of(&listing, "launch.md");
        ws.set_reviewer("Ana Ruiz", "ana@example.com").unwrap();
        let quote = DRAFT.find("a rocket").unwrap() as u32;
        let range = TextRange {
            from: quote,
            to: quote + "a rocket".len() as u32,
        };
        ws.add_comment(id, VersionPick::Saved, range, "Which rocket, exactly?")
            .unwrap();
        ws.add_comment(id, VersionPick::Saved, range, "Settled already.")
            .unwrap();
        let settled = ws
            .open_review(id, VersionPick::Saved, VersionPick::Saved)
            .unwrap()
            .threads[1]
            .id
            .clone();
        ws.act_on_thread(id, &settled, ThreadAction::Resolve { resolved: true })
            .unwrap();
        ws.set_verdict(id, false, "Name the rocket.").unwrap();
        (fx, ws, id)
    }

    #[test]
    fn a_markdown_export_can_append_the_open_comments_and_the_lint_summary() {
        let (fx, ws, id) = reviewed();
        let out = ws
            .export_beside(id, DRAFT, &request(ExportFormat::Markdown))
            .unwrap();
        // The appendix escapes Markdown punctuation in user text.
        let md = fs::read_to_string(&out.path).unwrap().replace('\\', "");
        assert!(md.starts_with("# Acme Ships Rockets"), "{md}");
        assert!(
            md.contains("Which rocket, exactly?") && md.contains("a rocket"),
            "{md}"
        );
        assert!(
            !md.contains("Settled already."),
            "resolved threads are not open comments: {md}"
        );
        assert!(md.contains("Readiness"), "{md}");
        drop(fx);
    }

    #[test]
    fn a_review_packet_pdf_holds_the_draft_then_comments_verdicts_and_lint() {
        let (fx, ws, id) = reviewed();
        let out = ws.export_beside(id, DRAFT, &request(ExportFormat::Pdf)).unwrap();
        let text = std::process::Command::new("pdftotext")
            .args([out.path.as_str(), "-"])
            .output()
            .expect("pdftotext (poppler-utils) is needed by the export tests");
        let text = String::from_utf8_lossy(&text.stdout);
        let at = |needle: &str| {
            text.find(needle)
                .unwrap_or_else(|| panic!("{needle:?} missing in:\n{text}"))
        };
        assert!(at("Acme Ships Rockets") < at("Which rocket, exactly?"));
        assert!(at("Which rocket, exactly?") < at("Name the rocket."));
        assert!(at("Name the rocket.") < at("Readiness"));
        assert!(!text.contains("Settled already."));
        drop(fx);
    }
}

#[test]
fn the_list_is_sorted_filtered_and_cut_to_the_rows_asked_for() {
    let front =
        |title: &str, status: &str| format!("---\ntitle: {title}\nstatus: {status}\n---\n\n# {title}\n");
    let files = [
        ("a.md", front("Draft 10", "In review")),
        ("b.md", front("draft 9", "")),
        ("c.md", front("Émile", "in review")),
        ("d.md", front("Zed", "approved")),
        (
            "a (Maya's conflicted copy 2026-11-20).md",
            front("Draft 10", "In review"),
        ),
    ];
    let fx = Fixture::new(&[]);
    for (i, (name, text)) in files.iter().enumerate() {
        fs::write(fx.path(name), text).unwrap();
        let when = std::time::UNIX_EPOCH + std::time::Duration::from_secs(1_700_000_000 + i as u64 * 60);
        fs::File::options()
            .write(true)
            .open(fx.path(name))
            .unwrap()
            .set_modified(when)
            .unwrap();
    }
    let (mut ws, listing) = fx.opened();
    let titles = |l: &FolderListing| l.drafts.iter().map(|d| d.title.clone()).collect::<Vec<_>>();
    // Newest first; the conflict copy is shown with its draft, not counted.
    assert_eq!(titles(&listing), ["Zed", "Émile", "draft 9", "Draft 10"]);
    assert_eq!((listing.total, listing.count), (4, 4));
    assert_eq!(listing.drafts[3].conflicts.len(), 1);
    assert_eq!(listing.statuses, ["approved", "In review"]);

    let ask = |sort, status: &str, limit| ListQuery {
        sort,
        status: status.into(),
        limit,
    };
    let by_title = ws.list_drafts(Some(ask(DraftSort::Title, "", 400))).unwrap();
    assert_eq!(titles(&by_title), ["draft 9", "Draft 10", "Émile", "Zed"]);
    let by_status = ws.list_drafts(Some(ask(DraftSort::Status, "", 400))).unwrap();
    assert_eq!(titles(&by_status), ["Zed", "Draft 10", "Émile", "draft 9"]);
    let in_review = ws
        .list_drafts(Some(ask(DraftSort::Title, "IN REVIEW", 1)))
        .unwrap();
    assert_eq!(titles(&in_review), ["Draft 10"]);
    assert_eq!((in_review.total, in_review.count), (2, 4));
    // A refresh keeps what was asked.
    assert_eq!(titles(&ws.list_drafts(None).unwrap()), ["Draft 10"]);

    // The order is remembered across launches; the filter is not.
    drop(ws);
    let (mut ws, listing) = fx.opened();
    assert_eq!(listing.query, ask(DraftSort::Title, "", LIST_PAGE));
    // A filter for a status no draft has any more lists every draft.
    let gone = ws
        .list_drafts(Some(ask(DraftSort::Title, "shipped", 400)))
        .unwrap();
    assert_eq!((gone.total, gone.query.status.as_str()), (4, ""));
    // Startup and open-by-path find a draft beyond the rows sent.
    ws.list_drafts(Some(ask(DraftSort::Title, "", 1))).unwrap();
    let opened = ws.open_path(&fx.path("d.md")).unwrap();
    assert_eq!(opened.draft, Some(id_of(&gone, "d.md")));
}

#[test]
fn the_status_filter_ignores_case_beyond_ascii() {
    let fx = Fixture::new(&[
        ("a.md", "---\nstatus: Überprüfung\n---\n# A\n".as_bytes()),
        ("b.md", "---\nstatus: überprüfung\n---\n# B\n".as_bytes()),
        ("c.md", b"# C\n"),
    ]);
    let (mut ws, listing) = fx.opened();
    assert_eq!(listing.statuses.len(), 1, "{:?}", listing.statuses);
    let query = ListQuery {
        status: "ÜBERPRÜFUNG".into(),
        ..ListQuery::default()
    };
    let only = ws.list_drafts(Some(query)).unwrap();
    assert_eq!((only.total, only.count), (2, 3));
}
