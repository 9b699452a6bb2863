//! The app's own SQLite database, kept in the OS app-data folder and never
//! inside a drafts folder. Schema changes are numbered migrations applied at
//! open; the database runs in WAL mode so readers never block the writer.

use crate::error::{Error, Result};
use rusqlite::{params, Connection, OptionalExtension};
use rusqlite_migration::{Migrations, M};
use serde::{de::DeserializeOwned, Serialize};
use std::path::{Path, PathBuf};
use std::sync::LazyLock;
use std::time::{SystemTime, UNIX_EPOCH};

/// Every schema version, oldest first. Never edit a released migration:
/// append a new one. `tests::migrates_from_every_older_version` covers each.
const MIGRATION_SQL: &[&str] = &[
    // 1: app settings and the folders the user has opened.
    "CREATE TABLE settings (
         key   TEXT PRIMARY KEY NOT NULL,
         value TEXT NOT NULL
     ) STRICT;
     CREATE TABLE folders (
         id          INTEGER PRIMARY KEY,
         path        TEXT NOT NULL UNIQUE,
         last_opened INTEGER NOT NULL
     ) STRICT;",
    // 2: stable ids for the drafts in those folders, so the UI and the IPC
    // commands name drafts by id, never by path.
    "CREATE TABLE drafts (
         id        INTEGER PRIMARY KEY,
         folder_id INTEGER NOT NULL REFERENCES folders(id) ON DELETE CASCADE,
         rel_path  TEXT NOT NULL,
         UNIQUE (folder_id, rel_path)
     ) STRICT;",
    // 3: the crash journal (the editor's unsaved text, one row per draft,
    // with the hash of the file it was based on) and the version history
    // (a snapshot per save, restore or external change; never deleted).
    "CREATE TABLE journal (
         draft_id   INTEGER PRIMARY KEY REFERENCES drafts(id) ON DELETE CASCADE,
         text       TEXT NOT NULL,
         base_hash  TEXT,
         updated_ms INTEGER NOT NULL
     ) STRICT;
     CREATE TABLE versions (
         id         INTEGER PRIMARY KEY,
         draft_id   INTEGER NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
         created_ms INTEGER NOT NULL,
         source     TEXT NOT NULL,
         text       TEXT NOT NULL,
         score      INTEGER NOT NULL,
         words      INTEGER NOT NULL
     ) STRICT;
     CREATE INDEX versions_by_draft ON versions (draft_id, id);",
    // 4: what the shared folder's review logs say about each draft (open
    // comments, verdicts), with the signature (names, sizes, times) of the
    // log files it was read from, so the list re-reads only changed logs.
    "CREATE TABLE review_index (
         draft_id      INTEGER PRIMARY KEY REFERENCES drafts(id) ON DELETE CASCADE,
         signature     TEXT NOT NULL,
         open_comments INTEGER NOT NULL,
         approvals     INTEGER NOT NULL,
         change_requests INTEGER NOT NULL
     ) STRICT;",
    // 5: the folder index: what the list shows of every draft (title, owner,
    // status, readiness), the size, time and hash it was read at, and when
    // its file vanished (the row and the draft's history stay). The text is
    // kept in an FTS5 table for search, and as the "previous content" a
    // snapshot is taken from when a file suddenly empties.
    "CREATE TABLE draft_index (
         draft_id    INTEGER PRIMARY KEY REFERENCES drafts(id) ON DELETE CASCADE,
         size        INTEGER NOT NULL,
         modified_ms INTEGER NOT NULL,
         hash        TEXT NOT NULL,
         title       TEXT NOT NULL,
         owner       TEXT NOT NULL,
         status      TEXT NOT NULL,
         score       INTEGER NOT NULL,
         words       INTEGER NOT NULL,
         problem     TEXT,
         deleted_ms  INTEGER
     ) STRICT;
     CREATE VIRTUAL TABLE draft_search USING fts5(
         title, body, tokenize = 'porter unicode61 remove_diacritics 2'
     );",
    // 6: the files Dateline exported (path and hash of the bytes written),
    // so "export beside the draft" updates its own earlier export and never
    // replaces a file of the same name that someone else wrote.
    "CREATE TABLE exports (
         path        TEXT PRIMARY KEY NOT NULL,
         hash        TEXT NOT NULL,
         exported_ms INTEGER NOT NULL
     ) STRICT;",
    // 7: a note on a version: which suggested edits the save took, from whom.
    "ALTER TABLE versions ADD COLUMN note TEXT NOT NULL DEFAULT '';",
    // 8: undecided suggestions per draft; the index is emptied so that every
    // draft's logs are read again for them.
    "DELETE FROM review_index;
     ALTER TABLE review_index ADD COLUMN open_suggestions INTEGER NOT NULL DEFAULT 0;",
];

/// A draft's review at a glance, as indexed from its logs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ReviewCounts {
    pub open_comments: u32,
    pub approvals: u32,
    pub change_requests: u32,
    /// Suggestions no one has accepted or rejected yet.
    pub open_suggestions: u32,
}

static MIGRATIONS: LazyLock<Migrations<'static>> =
    LazyLock::new(|| Migrations::new(MIGRATION_SQL.iter().map(|sql| M::up(sql)).collect()));

/// The schema version this build writes.
pub fn schema_version() -> usize {
    MIGRATION_SQL.len()
}

pub use ids::{DraftId, FolderId};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FolderRecord {
    pub id: FolderId,
    pub path: PathBuf,
    pub last_opened_ms: i64,
}

pub struct Store {
    conn: Connection,
}

impl Store {
    /// Opens (creating if needed) the database at `path` and migrates it.
    pub fn open(path: &Path) -> Result<Store> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)
                .map_err(|e| Error::from_io(&e, "creating the data folder for", path))?;
        }
        let conn = Connection::open(path)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        // With WAL, NORMAL survives an app crash (what the journal guards
        // against) without an fsync on every keystroke batch.
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        Store::init(conn)
    }

    /// Opens the database, and if the file is not a database at all (torn
    /// by another program, or a disk error) moves it aside and starts anew.
    /// Returns a message for the user when that happened.
    pub fn open_or_recover(path: &Path) -> Result<(Store, Option<String>)> {
        match Store::open(path) {
            Ok(store) => Ok((store, None)),
            Err(Error::Storage(reason)) if path.exists() => {
                let aside = path.with_extension(format!("broken-{}", now_ms()));
                std::fs::rename(path, &aside).map_err(|e| Error::from_io(&e, "moving aside", path))?;
                let store = Store::open(path)?;
                let note = format!(
                    "Dateline's settings database could not be read ({reason}) and was moved to {}. Recent folders were reset; your drafts are untouched.",
                    aside.display()
                );
                Ok((store, Some(note)))
            }
            Err(other) => Err(other),
        }
    }

    pub fn open_in_memory() -> Result<Store> {
        Store::init(Connection::open_in_memory()?)
    }

    fn init(mut conn: Connection) -> Result<Store> {
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        MIGRATIONS
            .to_latest(&mut conn)
            .map_err(|e| Error::Storage(format!("Dateline's database could not be upgraded: {e}.")))?;
        Ok(Store { conn })
    }

    pub fn setting<T: DeserializeOwned>(&self, key: &str) -> Result<Option<T>> {
        let raw: Option<String> = self
            .conn
            .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| r.get(0))
            .optional()?;
        // A value this build cannot read (written by a newer version, or
        // hand-edited) is treated as unset rather than failing startup.
        Ok(raw.and_then(|json| serde_json::from_str(&json).ok()))
    }

    pub fn set_setting<T: Serialize>(&self, key: &str, value: &T) -> Result<()> {
        let json = serde_json::to_string(value).map_err(|e| Error::InvalidInput(e.to_string()))?;
        self.conn.execute(
            "INSERT INTO settings (key, value) VALUES (?1, ?2)
             ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            params![key, json],
        )?;
        Ok(())
    }

    pub fn clear_setting(&self, key: &str) -> Result<()> {
        self.conn.execute("DELETE FROM settings WHERE key = ?1", [key])?;
        Ok(())
    }

    /// Records that `path` was opened now; returns its id.
    pub fn remember_folder(&self, path: &Path) -> Result<FolderId> {
        let text = path_text(path)?;
        self.conn.execute(
            "INSERT INTO folders (path, last_opened) VALUES (?1, ?2)
             ON CONFLICT(path) DO UPDATE SET last_opened = excluded.last_opened",
            params![text, now_ms()],
        )?;
        let id = self
            .conn
            .query_row("SELECT id FROM folders WHERE path = ?1", [text], |r| r.get(0))?;
        Ok(id)
    }

    /// The most recently opened folders first.
    pub fn recent_folders(&self, limit: usize) -> Result<Vec<FolderRecord>> {
        let mut stmt = self.conn.prepare(
            "SELECT id, path, last_opened FROM folders ORDER BY last_opened DESC, id DESC LIMIT ?1",
        )?;
        let rows = stmt.query_map([limit as i64], folder_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn folder(&self, id: FolderId) -> Result<FolderRecord> {
        self.conn
            .query_row(
                "SELECT id, path, last_opened FROM folders WHERE id = ?1",
                [id],
                folder_from_row,
            )
            .optional()?
            .ok_or_else(|| Error::NotFound("That folder is no longer in the recent list.".into()))
    }

    pub fn forget_folder(&self, id: FolderId) -> Result<()> {
        self.conn.execute("DELETE FROM folders WHERE id = ?1", [id])?;
        Ok(())
    }

    /// The stable id of the draft at `rel_path` in `folder`, created on first sight.
    pub fn draft_id(&self, folder: FolderId, rel_path: &str) -> Result<DraftId> {
        self.conn.execute(
            "INSERT INTO drafts (folder_id, rel_path) VALUES (?1, ?2) ON CONFLICT DO NOTHING",
            params![folder, rel_path],
        )?;
        let id = self.conn.query_row(
            "SELECT id FROM drafts WHERE folder_id = ?1 AND rel_path = ?2",
            params![folder, rel_path],
            |r| r.get(0),
        )?;
        Ok(id)
    }

    /// The folder and relative path of a draft id.
    pub fn draft_location(&self, id: DraftId) -> Result<(FolderId, String)> {
        self.conn
            .query_row(
                "SELECT folder_id, rel_path FROM drafts WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?
            .ok_or_else(|| Error::NotFound("That draft is no longer known; refresh the list.".into()))
    }
}

/// Unsaved editor text kept against a crash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JournalEntry {
    pub text: String,
    /// Hash of the file's bytes the text was based on (hex BLAKE3).
    pub base_hash: Option<String>,
    pub updated_ms: i64,
}

/// One saved state of a draft.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VersionRecord {
    pub id: u32,
    pub created_ms: i64,
    pub source: String,
    pub score: u8,
    pub words: u32,
    /// Which suggestions the save took (empty for most versions).
    pub note: String,
}

/// What a new version records besides its text.
pub struct NewVersion<'a> {
    pub source: &'a str,
    pub text: &'a str,
    pub score: u8,
    pub words: u32,
}

impl Store {
    pub fn write_journal(&self, draft: DraftId, text: &str, base_hash: Option<&str>) -> Result<()> {
        self.conn.execute(
            "INSERT INTO journal (draft_id, text, base_hash, updated_ms) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT(draft_id) DO UPDATE SET text = excluded.text, base_hash = excluded.base_hash,
                                                 updated_ms = excluded.updated_ms",
            params![draft, text, base_hash, now_ms()],
        )?;
        Ok(())
    }

    pub fn journal(&self, draft: DraftId) -> Result<Option<JournalEntry>> {
        Ok(self
            .conn
            .query_row(
                "SELECT text, base_hash, updated_ms FROM journal WHERE draft_id = ?1",
                [draft],
                |r| {
                    Ok(JournalEntry {
                        text: r.get(0)?,
                        base_hash: r.get(1)?,
                        updated_ms: r.get(2)?,
                    })
                },
            )
            .optional()?)
    }

    pub fn clear_journal(&self, draft: DraftId) -> Result<()> {
        self.conn
            .execute("DELETE FROM journal WHERE draft_id = ?1", [draft])?;
        Ok(())
    }

    pub fn add_version(&self, draft: DraftId, version: &NewVersion) -> Result<u32> {
        self.conn.execute(
            "INSERT INTO versions (draft_id, created_ms, source, text, score, words)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                draft,
                now_ms(),
                version.source,
                version.text,
                version.score,
                version.words
            ],
        )?;
        Ok(self.conn.last_insert_rowid() as u32)
    }

    /// The indexed review counts of a draft, if indexed with this signature.
    pub fn review_counts(&self, draft: DraftId, signature: &str) -> Result<Option<ReviewCounts>> {
        self.conn
            .query_row(
                "SELECT open_comments, approvals, change_requests, open_suggestions FROM review_index
                 WHERE draft_id = ?1 AND signature = ?2",
                rusqlite::params![draft, signature],
                |r| {
                    Ok(ReviewCounts {
                        open_comments: r.get(0)?,
                        approvals: r.get(1)?,
                        change_requests: r.get(2)?,
                        open_suggestions: r.get(3)?,
                    })
                },
            )
            .optional()
            .map_err(Into::into)
    }

    pub fn set_review_counts(&self, draft: DraftId, signature: &str, counts: ReviewCounts) -> Result<()> {
        self.conn.execute(
            "INSERT INTO review_index
                 (draft_id, signature, open_comments, approvals, change_requests, open_suggestions)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)
             ON CONFLICT (draft_id) DO UPDATE SET signature = excluded.signature,
                 open_comments = excluded.open_comments, approvals = excluded.approvals,
                 change_requests = excluded.change_requests, open_suggestions = excluded.open_suggestions",
            rusqlite::params![
                draft,
                signature,
                counts.open_comments,
                counts.approvals,
                counts.change_requests,
                counts.open_suggestions
            ],
        )?;
        Ok(())
    }

    /// The draft's versions, newest first.
    pub fn versions(&self, draft: DraftId) -> Result<Vec<VersionRecord>> {
        let mut stmt = self.conn.prepare(
            "SELECT id, created_ms, source, score, words, note FROM versions WHERE draft_id = ?1 ORDER BY id DESC",
        )?;
        let rows = stmt.query_map([draft], |r| {
            Ok(VersionRecord {
                id: r.get(0)?,
                created_ms: r.get(1)?,
                source: r.get(2)?,
                score: r.get(3)?,
                words: r.get(4)?,
                note: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Sets the note of a version of `draft`.
    pub fn set_version_note(&self, draft: DraftId, version: u32, note: &str) -> Result<()> {
        self.conn.execute(
            "UPDATE versions SET note = ?3 WHERE draft_id = ?1 AND id = ?2",
            params![draft, version, note],
        )?;
        Ok(())
    }

    /// The text of a version of `draft`.
    pub fn version_text(&self, draft: DraftId, version: u32) -> Result<String> {
        self.conn
            .query_row(
                "SELECT text FROM versions WHERE id = ?1 AND draft_id = ?2",
                params![version, draft],
                |r| r.get(0),
            )
            .optional()?
            .ok_or_else(|| Error::NotFound("That version of the draft no longer exists.".into()))
    }

    /// The text of the newest version, if any.
    pub fn latest_version_text(&self, draft: DraftId) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row(
                "SELECT text FROM versions WHERE draft_id = ?1 ORDER BY id DESC LIMIT 1",
                [draft],
                |r| r.get(0),
            )
            .optional()?)
    }
}

fn folder_from_row(row: &rusqlite::Row) -> rusqlite::Result<FolderRecord> {
    let path: String = row.get(1)?;
    Ok(FolderRecord {
        id: row.get(0)?,
        path: PathBuf::from(path),
        last_opened_ms: row.get(2)?,
    })
}

fn path_text(path: &Path) -> Result<&str> {
    path.to_str().ok_or_else(|| {
        Error::InvalidInput(format!(
            "The folder path {} is not valid Unicode; Dateline cannot remember it.",
            path.display()
        ))
    })
}

pub fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}

mod exports;
mod ids;
mod index;
pub use index::{FileFacts, IndexRow, IndexedFile, SearchHit, SnippetPart};

#[cfg(test)]
mod tests {
    use super::*;

    /// The app-data folder itself full, then read-only: the journal write
    /// fails with a message that says her unsaved text is not protected.
    #[test]
    fn a_full_or_read_only_app_data_folder_says_unsaved_text_is_unprotected() {
        let Some(disk) = dateline_files::testfs::SmallDisk::mount(1024) else {
            return;
        };
        let store = Store::open(&disk.path().join("dateline.db")).unwrap();
        let folder = store.remember_folder(Path::new("/drafts")).unwrap();
        let draft = store.draft_id(folder, "launch.md").unwrap();
        store.write_journal(draft, "first words", None).unwrap();
        disk.fill();
        let big = "her unsaved words ".repeat(64 * 1024);
        match store.write_journal(draft, &big, None) {
            Err(Error::DiskFull(message)) => {
                assert!(message.contains("cannot be kept against a crash"), "{message}")
            }
            other => panic!("expected a full disk, got {other:?}"),
        }
        assert_eq!(store.journal(draft).unwrap().unwrap().text, "first words");
        disk.free();
        drop(store);
        disk.set_writable(false);
        let store = Store::open(&disk.path().join("dateline.db"));
        let refused = store.and_then(|s| s.write_journal(draft, "more", None));
        disk.set_writable(true);
        match refused {
            Err(Error::Storage(message) | Error::Unreadable(message)) => {
                assert!(
                    message.contains("cannot be kept against a crash") || message.contains("read-only"),
                    "{message}"
                )
            }
            other => panic!("expected a read-only refusal, got {other:?}"),
        }
    }

    #[test]
    fn migrations_are_valid_and_counted() {
        MIGRATIONS.validate().unwrap();
        let mut conn = Connection::open_in_memory().unwrap();
        MIGRATIONS.to_latest(&mut conn).unwrap();
        let version: usize = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(version, schema_version());
    }

    #[test]
    fn opens_a_new_file_in_wal_mode() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nested/app.db");
        let store = Store::open(&path).unwrap();
        let mode: String = store
            .conn
            .pragma_query_value(None, "journal_mode", |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "wal");
        drop(store);
        // Reopening an up-to-date file is a no-op migration.
        Store::open(&path).unwrap();
    }

    /// Each older schema, with data in it, must upgrade to the latest and
    /// keep that data.
    #[test]
    fn migrates_from_every_older_version() {
        for version in 0..schema_version() {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("app.db");
            {
                let mut conn = Connection::open(&path).unwrap();
                MIGRATIONS.to_version(&mut conn, version).unwrap();
                if version >= 1 {
                    conn.execute("INSERT INTO settings VALUES ('theme', '\"dark\"')", [])
                        .unwrap();
                    conn.execute("INSERT INTO folders VALUES (7, '/drafts', 1)", [])
                        .unwrap();
                }
            }
            let store = Store::open(&path).unwrap();
            if version >= 1 {
                assert_eq!(store.setting::<String>("theme").unwrap().as_deref(), Some("dark"));
                assert_eq!(store.folder(FolderId(7)).unwrap().path, PathBuf::from("/drafts"));
            }
            let folder = store.remember_folder(Path::new("/other")).unwrap();
            let draft = store.draft_id(folder, "a.md").unwrap();
            store.write_journal(draft, "unsaved", None).unwrap();
            store
                .add_version(
                    draft,
                    &NewVersion {
                        source: "save",
                        text: "v1",
                        score: 50,
                        words: 1,
                    },
                )
                .unwrap();
        }
    }

    #[test]
    fn a_garbage_file_is_moved_aside_not_lost() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("app.db");
        std::fs::write(&path, vec![0x42u8; 8192]).unwrap();
        let (store, note) = Store::open_or_recover(&path).unwrap();
        assert!(note.unwrap().contains("moved"));
        store.remember_folder(Path::new("/drafts")).unwrap();
        let aside: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .filter_map(|e| e.ok())
            .filter(|e| e.file_name().to_string_lossy().contains("broken-"))
            .collect();
        assert_eq!(aside.len(), 1);
        assert_eq!(std::fs::read(aside[0].path()).unwrap(), vec![0x42u8; 8192]);
    }

    #[test]
    fn settings_roundtrip_and_unreadable_values_read_as_unset() {
        let store = Store::open_in_memory().unwrap();
        assert_eq!(store.setting::<u32>("last_draft").unwrap(), None);
        store.set_setting("last_draft", &12u32).unwrap();
        assert_eq!(store.setting::<u32>("last_draft").unwrap(), Some(12));
        store.set_setting("last_draft", &"not a number").unwrap();
        assert_eq!(store.setting::<u32>("last_draft").unwrap(), None);
    }

    #[test]
    fn recent_folders_are_most_recent_first_without_duplicates() {
        let store = Store::open_in_memory().unwrap();
        let a = store.remember_folder(Path::new("/a")).unwrap();
        store.remember_folder(Path::new("/b")).unwrap();
        store
            .conn
            .execute("UPDATE folders SET last_opened = 1", [])
            .unwrap();
        assert_eq!(store.remember_folder(Path::new("/a")).unwrap(), a);
        let recent: Vec<_> = store
            .recent_folders(10)
            .unwrap()
            .into_iter()
            .map(|f| f.path)
            .collect();
        assert_eq!(recent, vec![PathBuf::from("/a"), PathBuf::from("/b")]);
    }

    #[test]
    fn the_journal_keeps_one_entry_per_draft_until_cleared() {
        let store = Store::open_in_memory().unwrap();
        let folder = store.remember_folder(Path::new("/one")).unwrap();
        let draft = store.draft_id(folder, "a.md").unwrap();
        assert_eq!(store.journal(draft).unwrap(), None);
        store.write_journal(draft, "first", Some("abc")).unwrap();
        store.write_journal(draft, "second", Some("abc")).unwrap();
        let entry = store.journal(draft).unwrap().unwrap();
        assert_eq!(
            (entry.text.as_str(), entry.base_hash.as_deref()),
            ("second", Some("abc"))
        );
        store.clear_journal(draft).unwrap();
        assert_eq!(store.journal(draft).unwrap(), None);
    }

    #[test]
    fn versions_are_listed_newest_first_and_scoped_to_their_draft() {
        let store = Store::open_in_memory().unwrap();
        let folder = store.remember_folder(Path::new("/one")).unwrap();
        let a = store.draft_id(folder, "a.md").unwrap();
        let b = store.draft_id(folder, "b.md").unwrap();
        let v1 = store
            .add_version(
                a,
                &NewVersion {
                    source: "save",
                    text: "one",
                    score: 40,
                    words: 1,
                },
            )
            .unwrap();
        let v2 = store
            .add_version(
                a,
                &NewVersion {
                    source: "restore",
                    text: "two",
                    score: 60,
                    words: 1,
                },
            )
            .unwrap();
        let ids: Vec<u32> = store.versions(a).unwrap().iter().map(|v| v.id).collect();
        assert_eq!(ids, vec![v2, v1]);
        assert_eq!(store.version_text(a, v1).unwrap(), "one");
        assert_eq!(store.latest_version_text(a).unwrap().as_deref(), Some("two"));
        assert!(matches!(store.version_text(b, v1), Err(Error::NotFound(_))));
    }

    #[test]
    fn draft_ids_are_stable_and_per_folder() {
        let store = Store::open_in_memory().unwrap();
        let f1 = store.remember_folder(Path::new("/one")).unwrap();
        let f2 = store.remember_folder(Path::new("/two")).unwrap();
        let a = store.draft_id(f1, "a.md").unwrap();
        assert_eq!(store.draft_id(f1, "a.md").unwrap(), a);
        assert_ne!(store.draft_id(f2, "a.md").unwrap(), a);
        assert_eq!(store.draft_location(a).unwrap(), (f1, "a.md".to_string()));
        store.forget_folder(f1).unwrap();
        assert!(matches!(store.draft_location(a), Err(Error::NotFound(_))));
    }
}
