use super::*;
use std::fs;

struct Fixture {
    store: Store,
    folder: FolderId,
    dir: tempfile::TempDir,
    config: Config,
}

impl Fixture {
    fn new() -> Fixture {
        let store = Store::open_in_memory().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let folder = store.remember_folder(dir.path()).unwrap();
        Fixture {
            store,
            folder,
            dir,
            config: Config::default(),
        }
    }

    fn index(&self) -> FolderIndex<'_> {
        FolderIndex {
            store: &self.store,
            folder: self.folder,
            root: self.dir.path(),
            config: &self.config,
        }
    }

    fn write(&self, rel: &str, text: &str) {
        let path = self.dir.path().join(rel);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }

    fn row(&self, rel: &str) -> IndexRow {
        self.store
            .index_rows(self.folder)
            .unwrap()
            .into_iter()
            .find(|r| r.rel_path == rel)
            .unwrap()
    }

    fn sources(&self, id: DraftId) -> Vec<String> {
        self.store
            .versions(id)
            .unwrap()
            .into_iter()
            .map(|v| v.source)
            .collect()
    }
}

const DRAFT: &str = "---\ntitle: \"PocketCell launch\"\nowner: Dana Whitfield\nstatus: in review\n---\n# Lumen Launches PocketCell\n\nCustomers charge a phone in ten minutes.\n";

#[test]
fn the_list_shows_front_matter_then_the_headline() {
    let f = Fixture::new();
    f.write("a.md", DRAFT);
    f.write("b.md", "# **Nimbus Backs Up Every Photo**\n\nText.\n");
    f.write("c.md", "no headline at all\n");
    assert!(f.index().reconcile().unwrap().changed);
    let a = f.row("a.md");
    assert_eq!(
        (
            a.facts.title.as_str(),
            a.facts.owner.as_str(),
            a.facts.status.as_str()
        ),
        ("PocketCell launch", "Dana Whitfield", "in review")
    );
    assert!(a.facts.words > 0);
    assert_eq!(f.row("b.md").facts.title, "Nimbus Backs Up Every Photo");
    assert_eq!(f.row("c.md").facts.title, "c");
    assert!(
        !f.index().reconcile().unwrap().changed,
        "nothing changed, nothing re-read"
    );
}

#[test]
fn an_unclosed_front_matter_block_is_text() {
    assert!(front_matter("---\ntitle: x\n# Head\n").is_empty());
    assert_eq!(front_matter("---\nTitle: 'x'\n  nested: y\n---\n")["title"], "x");
}

#[test]
fn a_renamed_draft_keeps_its_id_and_history() {
    let f = Fixture::new();
    f.write("plan.md", DRAFT);
    f.index().reconcile().unwrap();
    let id = f.row("plan.md").id;
    f.store
        .add_version(
            id,
            &NewVersion {
                source: "save",
                text: DRAFT,
                score: 1,
                words: 1,
            },
        )
        .unwrap();
    fs::rename(f.dir.path().join("plan.md"), f.dir.path().join("launch plan.md")).unwrap();
    f.index()
        .update(&["plan.md".to_string(), "launch plan.md".to_string()])
        .unwrap();
    let rows = f.store.index_rows(f.folder).unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!((rows[0].id, rows[0].rel_path.as_str()), (id, "launch plan.md"));
    assert_eq!(f.sources(id), vec!["save"]);
}

#[test]
fn review_comments_follow_a_renamed_draft() {
    use dateline_review::folder::review_dir;
    let f = Fixture::new();
    let root = f.dir.path();
    f.write("plan.md", DRAFT);
    f.index().reconcile().unwrap();
    let log = review_dir(root, "plan.md").join("ana.jsonl");
    fs::create_dir_all(log.parent().unwrap()).unwrap();
    fs::write(&log, "{}\n").unwrap();
    // Renamed while the app watched, then while it was closed.
    fs::rename(root.join("plan.md"), root.join("launch.md")).unwrap();
    f.index()
        .update(&["plan.md".to_string(), "launch.md".to_string()])
        .unwrap();
    assert!(review_dir(root, "launch.md").join("ana.jsonl").is_file());
    assert!(!review_dir(root, "plan.md").exists());
    fs::rename(root.join("launch.md"), root.join("q3-launch.md")).unwrap();
    f.index().reconcile().unwrap();
    assert_eq!(
        fs::read_to_string(review_dir(root, "q3-launch.md").join("ana.jsonl")).unwrap(),
        "{}\n"
    );
    // A new draft with other bytes is not a rename: the logs stay put.
    fs::rename(root.join("q3-launch.md"), root.join("tmp.md")).unwrap();
    fs::remove_file(root.join("tmp.md")).unwrap();
    f.write("other.md", "# Another Draft\n");
    f.index().reconcile().unwrap();
    assert!(review_dir(root, "q3-launch.md").join("ana.jsonl").is_file());
    assert!(!review_dir(root, "other.md").exists());
}

#[test]
fn a_vanished_draft_is_marked_and_its_text_kept_in_history() {
    let f = Fixture::new();
    f.write("q3/plan.md", DRAFT);
    f.index().reconcile().unwrap();
    let id = f.row("q3/plan.md").id;
    fs::remove_dir_all(f.dir.path().join("q3")).unwrap();
    assert!(f.index().reconcile().unwrap().changed);
    assert!(f.row("q3/plan.md").deleted_ms.is_some());
    assert_eq!(f.sources(id), vec!["deleted"]);
    assert_eq!(f.store.latest_version_text(id).unwrap().as_deref(), Some(DRAFT));
    // Back again: the same id, live.
    f.write("q3/plan.md", DRAFT);
    f.index().update(&["q3/plan.md".to_string()]).unwrap();
    assert_eq!(f.row("q3/plan.md").deleted_ms, None);
}

#[test]
fn a_folder_that_vanishes_mid_reconcile_keeps_the_last_text_indexed() {
    let f = Fixture::new();
    f.write("q3/plan.md", DRAFT);
    f.index().reconcile().unwrap();
    let id = f.row("q3/plan.md").id;
    // A colleague's edit makes it stale; a new file arrives beside it; the
    // walk sees both, then the folder is gone before they are read.
    f.write("q3/plan.md", "# Lumen Launches PocketCell\n\nEdited.\n");
    f.write("q3/new.md", "# New\n");
    let scan = folder::scan(f.dir.path()).unwrap();
    fs::remove_dir_all(f.dir.path().join("q3")).unwrap();
    assert!(f.index().reconcile_scan(scan).unwrap().changed);
    let row = f.row("q3/plan.md");
    assert!(
        row.deleted_ms.is_some(),
        "marked gone, not indexed as unreadable: {row:?}"
    );
    assert_eq!(f.sources(id), vec!["deleted"]);
    assert_eq!(f.store.latest_version_text(id).unwrap().as_deref(), Some(DRAFT));
    assert!(!f
        .store
        .index_rows(f.folder)
        .unwrap()
        .iter()
        .any(|r| r.rel_path == "q3/new.md"));
}

#[test]
fn a_file_that_empties_or_shrinks_gets_a_snapshot_first() {
    let f = Fixture::new();
    let long = format!("# Plan\n\n{}", "Customers save ten minutes. ".repeat(30));
    f.write("plan.md", &long);
    f.index().reconcile().unwrap();
    let id = f.row("plan.md").id;
    f.write("plan.md", "# Plan\n\nA little edit that keeps most text.\n");
    f.index().update(&["plan.md".to_string()]).unwrap();
    // What it held, then what it became.
    assert_eq!(f.sources(id), vec!["external", "before-shrink"]);
    let versions = f.store.versions(id).unwrap();
    assert_eq!(f.store.version_text(id, versions[1].id).unwrap(), long);
    // Now with a history, every later outside change is kept too, and an
    // emptied file snapshots what it held.
    f.write("plan.md", "");
    f.index().update(&["plan.md".to_string()]).unwrap();
    let sources = f.sources(id);
    assert_eq!(sources[0], "external");
    assert!(sources.contains(&"before-shrink".to_string()));
}

#[test]
fn an_edit_that_keeps_most_text_is_not_a_shrink() {
    assert!(!shrank("abcdefgh", "abcdef"));
    assert!(shrank("abcdefgh", "abc"));
    assert!(shrank("abc", "  \n"));
    assert!(!shrank("  ", ""));
}

#[test]
fn unreadable_files_are_listed_with_the_reason() {
    let f = Fixture::new();
    f.write("bin.md", "");
    fs::write(f.dir.path().join("bin.md"), [0u8, 159, 146, 150, 0, 0, 1]).unwrap();
    f.index().reconcile().unwrap();
    let row = f.row("bin.md");
    assert!(row.facts.problem.unwrap().contains("not a text file"));
    assert_eq!(f.store.indexed_text(row.id).unwrap(), None);
}

#[cfg(unix)]
#[test]
fn links_that_leave_the_folder_are_not_indexed() {
    let f = Fixture::new();
    let outside = tempfile::tempdir().unwrap();
    fs::write(outside.path().join("secret.md"), "# Secret\n").unwrap();
    std::os::unix::fs::symlink(outside.path().join("secret.md"), f.dir.path().join("link.md")).unwrap();
    std::os::unix::fs::symlink(outside.path(), f.dir.path().join("linked-dir")).unwrap();
    f.index().reconcile().unwrap();
    f.index()
        .update(&["link.md".to_string(), "linked-dir/secret.md".to_string()])
        .unwrap();
    assert!(f.store.index_rows(f.folder).unwrap().is_empty());
}

#[test]
fn a_reconcile_clears_the_temp_file_a_killed_save_left_and_nothing_else() {
    let fx = Fixture::new();
    fx.write("launch.md", DRAFT);
    fx.write("q3/.dateline-save-Ab12Cd.tmp", "half a save");
    fx.write(".notes.tmp", "another app's");
    let leftover = fx.dir.path().join("q3/.dateline-save-Ab12Cd.tmp");
    let minute_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(60);
    for name in ["q3/.dateline-save-Ab12Cd.tmp", ".notes.tmp"] {
        let file = fs::File::options()
            .write(true)
            .open(fx.dir.path().join(name))
            .unwrap();
        file.set_modified(minute_ago).unwrap();
    }
    fx.index().reconcile().unwrap();
    assert!(!leftover.exists(), "the killed save's temp file is cleared");
    assert!(
        fx.dir.path().join(".notes.tmp").exists(),
        "a file Dateline did not write stays"
    );
    assert_eq!(
        fs::read_to_string(fx.dir.path().join("launch.md")).unwrap(),
        DRAFT
    );
}
