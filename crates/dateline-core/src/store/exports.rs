//! The files Dateline exported, by path, with the hash of what it wrote.
//! See migration 6.

use super::{now_ms, Store};
use crate::error::Result;
use rusqlite::{params, OptionalExtension};
use std::path::Path;

impl Store {
    /// Remembers that Dateline wrote bytes hashing to `hash` at `path`.
    pub fn record_export(&self, path: &Path, hash: &str) -> Result<()> {
        self.conn.execute(
            "INSERT INTO exports (path, hash, exported_ms) VALUES (?1, ?2, ?3)
             ON CONFLICT (path) DO UPDATE SET hash = excluded.hash, exported_ms = excluded.exported_ms",
            params![path.to_string_lossy(), hash, now_ms()],
        )?;
        Ok(())
    }

    /// The hash of what Dateline last exported to `path`, if it ever did.
    pub fn export_hash(&self, path: &Path) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row(
                "SELECT hash FROM exports WHERE path = ?1",
                params![path.to_string_lossy()],
                |r| r.get(0),
            )
            .optional()?)
    }
}
