//! The folder index (what the list shows of each draft) and its full-text
//! search, SQLite FTS5. See migration 5.

use super::{DraftId, FolderId, Store};
use crate::error::Result;
use rusqlite::{params, OptionalExtension};
use serde::Serialize;

/// Brackets FTS5's `snippet()` puts around a hit: private-use characters, so
/// no text in a draft can fake a highlight.
const HIT_START: char = '\u{E000}';
const HIT_END: char = '\u{E001}';
/// Words of context `snippet()` shows around the hits.
const SNIPPET_TOKENS: u32 = 14;

/// What the index knows of a draft's file, as read and as stored.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct FileFacts {
    pub size: u64,
    pub modified_ms: i64,
    pub hash: String,
    pub title: String,
    pub owner: String,
    pub status: String,
    pub score: u8,
    pub words: u32,
    /// Why the file could not be read as a draft (binary, too large), if so.
    pub problem: Option<String>,
}

/// A draft's file as just read, to be indexed.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct IndexedFile {
    pub facts: FileFacts,
    /// The text, for search; `None` when the file could not be read.
    pub body: Option<String>,
}

/// One draft as indexed, deleted ones included.
#[derive(Debug, Clone, PartialEq)]
pub struct IndexRow {
    pub id: DraftId,
    pub rel_path: String,
    pub facts: FileFacts,
    /// When the file was found gone; its history stays.
    pub deleted_ms: Option<i64>,
}

const SELECT_ROWS: &str =
    "SELECT d.id, d.rel_path, i.size, i.modified_ms, i.hash, i.title, i.owner, i.status,
            i.score, i.words, i.problem, i.deleted_ms
     FROM draft_index i JOIN drafts d ON d.id = i.draft_id";

fn index_row(r: &rusqlite::Row) -> rusqlite::Result<IndexRow> {
    Ok(IndexRow {
        id: r.get(0)?,
        rel_path: r.get(1)?,
        facts: FileFacts {
            size: r.get::<_, i64>(2)? as u64,
            modified_ms: r.get(3)?,
            hash: r.get(4)?,
            title: r.get(5)?,
            owner: r.get(6)?,
            status: r.get(7)?,
            score: r.get(8)?,
            words: r.get(9)?,
            problem: r.get(10)?,
        },
        deleted_ms: r.get(11)?,
    })
}

/// A piece of a search snippet; `hit` pieces matched the query.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct SnippetPart {
    pub text: String,
    pub hit: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct SearchHit {
    pub id: DraftId,
    pub rel_path: String,
    pub title: String,
    pub snippet: Vec<SnippetPart>,
}

impl Store {
    /// Runs `f` in one transaction: thousands of index writes then cost one
    /// commit, and a crash leaves the index as it was.
    pub fn in_transaction<T>(&self, f: impl FnOnce(&Store) -> Result<T>) -> Result<T> {
        let tx = self.conn.unchecked_transaction()?;
        let value = f(self)?;
        tx.commit()?;
        Ok(value)
    }

    /// Every indexed draft of a folder, deleted ones included.
    pub fn index_rows(&self, folder: FolderId) -> Result<Vec<IndexRow>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "{SELECT_ROWS} WHERE d.folder_id = ?1 ORDER BY d.rel_path"
        ))?;
        let rows = stmt.query_map([folder], index_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The indexed draft at `rel_path` in a folder, deleted or not.
    pub fn index_row(&self, folder: FolderId, rel_path: &str) -> Result<Option<IndexRow>> {
        Ok(self
            .conn
            .prepare_cached(&format!(
                "{SELECT_ROWS} WHERE d.folder_id = ?1 AND d.rel_path = ?2"
            ))?
            .query_row(params![folder, rel_path], index_row)
            .optional()?)
    }

    /// Records what a draft's file holds now (and that it exists).
    pub fn put_index(&self, draft: DraftId, file: &IndexedFile) -> Result<()> {
        let facts = &file.facts;
        self.conn
            .prepare_cached(
                "INSERT OR REPLACE INTO draft_index
                 (draft_id, size, modified_ms, hash, title, owner, status, score, words, problem, deleted_ms)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, NULL)",
            )?
            .execute(params![
                draft,
                facts.size as i64,
                facts.modified_ms,
                facts.hash,
                facts.title,
                facts.owner,
                facts.status,
                facts.score,
                facts.words,
                facts.problem,
            ])?;
        self.conn
            .prepare_cached("DELETE FROM draft_search WHERE rowid = ?1")?
            .execute([draft])?;
        if let Some(body) = &file.body {
            self.conn
                .prepare_cached("INSERT INTO draft_search (rowid, title, body) VALUES (?1, ?2, ?3)")?
                .execute(params![draft, facts.title, body])?;
        }
        Ok(())
    }

    /// The file was touched but holds the same bytes: new size and time only.
    pub fn touch_index(&self, draft: DraftId, size: u64, modified_ms: i64) -> Result<()> {
        self.conn
            .prepare_cached(
                "UPDATE draft_index SET size = ?2, modified_ms = ?3, deleted_ms = NULL WHERE draft_id = ?1",
            )?
            .execute(params![draft, size as i64, modified_ms])?;
        Ok(())
    }

    /// The draft's file is gone: the row stays, marked, and leaves search.
    pub fn mark_deleted(&self, draft: DraftId, when_ms: i64) -> Result<()> {
        self.conn
            .prepare_cached(
                "UPDATE draft_index SET deleted_ms = ?2 WHERE draft_id = ?1 AND deleted_ms IS NULL",
            )?
            .execute(params![draft, when_ms])?;
        self.conn
            .prepare_cached("DELETE FROM draft_search WHERE rowid = ?1")?
            .execute([draft])?;
        Ok(())
    }

    /// The text last indexed for a draft, if it was readable.
    pub fn indexed_text(&self, draft: DraftId) -> Result<Option<String>> {
        Ok(self
            .conn
            .prepare_cached("SELECT body FROM draft_search WHERE rowid = ?1")?
            .query_row([draft], |r| r.get(0))
            .optional()?)
    }

    /// True when the folder already has a draft id for `rel_path`.
    pub fn knows_draft(&self, folder: FolderId, rel_path: &str) -> Result<bool> {
        Ok(self
            .conn
            .prepare_cached("SELECT 1 FROM drafts WHERE folder_id = ?1 AND rel_path = ?2")?
            .exists(params![folder, rel_path])?)
    }

    /// A draft renamed on disk keeps its id, history and index row.
    pub fn move_draft(&self, draft: DraftId, rel_path: &str) -> Result<()> {
        self.conn
            .prepare_cached("UPDATE drafts SET rel_path = ?2 WHERE id = ?1")?
            .execute(params![draft, rel_path])?;
        Ok(())
    }

    /// Drafts of `folder` matching what the user typed, best first, with
    /// highlighted snippets. Every word must match; the last one may be the
    /// start of a word (results come as she types).
    pub fn search(&self, folder: FolderId, typed: &str, limit: u32) -> Result<Vec<SearchHit>> {
        let Some(query) = fts_query(typed) else {
            return Ok(Vec::new());
        };
        let mut stmt = self.conn.prepare_cached(
            "SELECT d.id, d.rel_path, draft_search.title,
                    snippet(draft_search, 1, char(57344), char(57345), '…', ?3)
             FROM draft_search
             JOIN drafts d ON d.id = draft_search.rowid
             WHERE draft_search MATCH ?1 AND d.folder_id = ?2
             ORDER BY bm25(draft_search, 4.0, 1.0)
             LIMIT ?4",
        )?;
        let rows = stmt.query_map(params![query, folder, SNIPPET_TOKENS, limit], |r| {
            let snippet: String = r.get(3)?;
            Ok(SearchHit {
                id: r.get(0)?,
                rel_path: r.get(1)?,
                title: r.get(2)?,
                snippet: snippet_parts(&snippet),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

/// An FTS5 query from typed text: each word quoted (so no character the
/// user types is FTS syntax), all required, the last one as a prefix.
fn fts_query(typed: &str) -> Option<String> {
    let words: Vec<String> = typed
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| format!("\"{w}\""))
        .collect();
    let last_is_partial = typed.chars().last().is_some_and(char::is_alphanumeric);
    let mut query = words.join(" ");
    if query.is_empty() {
        return None;
    }
    if last_is_partial {
        query.push('*');
    }
    Some(query)
}

/// Splits a snippet at the hit brackets.
fn snippet_parts(snippet: &str) -> Vec<SnippetPart> {
    let mut parts = Vec::new();
    let mut hit = false;
    for piece in snippet.split([HIT_START, HIT_END]) {
        if !piece.is_empty() {
            parts.push(SnippetPart {
                text: piece.replace('\n', " "),
                hit,
            });
        }
        hit = !hit;
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn indexed(title: &str, body: &str) -> IndexedFile {
        IndexedFile {
            facts: FileFacts {
                size: body.len() as u64,
                modified_ms: 1,
                hash: blake3::hash(body.as_bytes()).to_hex().to_string(),
                title: title.into(),
                ..FileFacts::default()
            },
            body: Some(body.into()),
        }
    }

    fn store_with_folder() -> (Store, FolderId) {
        let store = Store::open_in_memory().unwrap();
        let folder = store.remember_folder(std::path::Path::new("/drafts")).unwrap();
        (store, folder)
    }

    #[test]
    fn typed_text_becomes_a_safe_prefix_query() {
        assert_eq!(fts_query("ten minute").as_deref(), Some("\"ten\" \"minute\"*"));
        assert_eq!(fts_query("charge ").as_deref(), Some("\"charge\""));
        assert_eq!(
            fts_query("\"OR NEAR( x*").as_deref(),
            Some("\"OR\" \"NEAR\" \"x\"")
        );
        assert_eq!(fts_query("  -- "), None);
    }

    #[test]
    fn search_ranks_title_hits_first_and_marks_the_hits() {
        let (store, folder) = store_with_folder();
        let a = store.draft_id(folder, "a.md").unwrap();
        let b = store.draft_id(folder, "b.md").unwrap();
        store
            .put_index(
                a,
                &indexed("Compost pickup", "Greenleaf collects compost every week."),
            )
            .unwrap();
        store
            .put_index(
                b,
                &indexed(
                    "Battery",
                    "A battery that charges in ten minutes, unlike compost.",
                ),
            )
            .unwrap();
        let hits = store.search(folder, "compo", 10).unwrap();
        assert_eq!(hits.iter().map(|h| h.id).collect::<Vec<_>>(), vec![a, b]);
        let marked: Vec<_> = hits[1]
            .snippet
            .iter()
            .filter(|p| p.hit)
            .map(|p| p.text.as_str())
            .collect();
        assert_eq!(marked, vec!["compost"]);
        assert!(store
            .search(folder, "compost battery", 10)
            .unwrap()
            .iter()
            .all(|h| h.id == b));
    }

    #[test]
    fn stemming_and_diacritics_are_forgiven() {
        let (store, folder) = store_with_folder();
        let a = store.draft_id(folder, "a.md").unwrap();
        store
            .put_index(a, &indexed("Café", "Customers charged their phones."))
            .unwrap();
        assert_eq!(store.search(folder, "charging ", 10).unwrap().len(), 1);
        assert_eq!(store.search(folder, "cafe ", 10).unwrap().len(), 1);
    }

    #[test]
    fn deleted_drafts_leave_search_but_keep_their_row() {
        let (store, folder) = store_with_folder();
        let a = store.draft_id(folder, "a.md").unwrap();
        store.put_index(a, &indexed("Plan", "The plan.")).unwrap();
        store.mark_deleted(a, 42).unwrap();
        assert!(store.search(folder, "plan", 10).unwrap().is_empty());
        assert_eq!(store.index_rows(folder).unwrap()[0].deleted_ms, Some(42));
        assert_eq!(store.indexed_text(a).unwrap(), None);
        store.put_index(a, &indexed("Plan", "The plan, back.")).unwrap();
        assert_eq!(store.index_rows(folder).unwrap()[0].deleted_ms, None);
    }

    #[test]
    fn search_stays_in_its_folder() {
        let (store, folder) = store_with_folder();
        let other = store.remember_folder(std::path::Path::new("/other")).unwrap();
        let a = store.draft_id(other, "a.md").unwrap();
        store.put_index(a, &indexed("Plan", "The plan.")).unwrap();
        assert!(store.search(folder, "plan", 10).unwrap().is_empty());
        assert_eq!(store.search(other, "plan", 10).unwrap().len(), 1);
    }
}
