//! File → Import Word Document…: a `.docx` becomes a new Markdown draft in
//! the open folder, and its comments and tracked changes the draft's
//! comments and suggestions, each in its Word author's review log. The
//! Word file is only read; the draft is created beside the others without
//! replacing anything (`write_atomic_new`).

use super::naming::free_marked_path;
use super::review::now_ms;
use super::{DraftSummary, Workspace};
use crate::error::{display_name, Error, Result};
use dateline_export::{import_docx, MAX_DOCX_BYTES};
use dateline_files::write_atomic_new;
use dateline_review::folder;
use serde::Serialize;
use std::path::Path;

/// What an import made, and what of the Word file it could not carry.
#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ImportedWord {
    pub draft: DraftSummary,
    /// Pictures, footnotes and the like the draft does not hold, and any
    /// part of the Word review that could not come across.
    pub notes: Vec<String>,
    /// The Word file's comments (replies too) and tracked changes, now the
    /// draft's comments and suggestions.
    pub comments: u32,
    pub suggestions: u32,
}

impl Workspace {
    /// Imports the Word document at `source` as a new draft named after it.
    pub fn import_word(&mut self, source: &Path) -> Result<ImportedWord> {
        let shown = display_name(source);
        let bytes = read_word_file(source, &shown)?;
        let imported = import_docx(&bytes).map_err(|e| {
            Error::InvalidInput(format!(
                "“{shown}” could not be imported: {e}. Nothing was written."
            ))
        })?;
        let root = self.current()?.root.clone();
        let target = free_marked_path(&root, &stem_of(source), "md", "imported", true)?;
        write_atomic_new(&target, imported.markdown.as_bytes()).map_err(|e| self.save_error(&e, &target))?;
        let rel = target
            .strip_prefix(&root)
            .unwrap_or(&target)
            .to_string_lossy()
            .replace('\\', "/");
        let review = imported.review(now_ms());
        let mut notes = imported.notes;
        notes.extend(review.problems);
        let (mut comments, mut suggestions) = (review.comments, review.suggestions);
        if let Err(e) = folder::append_records(&folder::review_dir(&root, &rel), &review.records) {
            notes.push(format!(
                "Its comments and tracked changes could not be saved ({e}); the Word file still holds them: import it again once the folder can be written."
            ));
            (comments, suggestions) = (0, 0);
        }
        Ok(ImportedWord {
            draft: self.index_new_file(&rel)?,
            notes,
            comments,
            suggestions,
        })
    }
}

/// The file's bytes, refused before reading when it is too big to be a draft.
fn read_word_file(source: &Path, shown: &str) -> Result<Vec<u8>> {
    let size = std::fs::metadata(source)
        .map_err(|e| Error::from_io(&e, "reading", source))?
        .len();
    if size > MAX_DOCX_BYTES as u64 {
        return Err(Error::InvalidInput(format!(
            "“{shown}” is {size} bytes; Dateline imports Word documents of up to {MAX_DOCX_BYTES} bytes (large pictures make big files: remove or compress them in Word and try again). Nothing was written."
        )));
    }
    std::fs::read(source).map_err(|e| Error::from_io(&e, "reading", source))
}

/// The Word file's name without its extension, safe as a file name.
fn stem_of(source: &Path) -> String {
    let stem = source
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let clean: String = stem
        .chars()
        .map(|c| {
            if c.is_control() || "/\\:*?\"<>|".contains(c) {
                '-'
            } else {
                c
            }
        })
        .collect();
    let clean = clean.trim().trim_start_matches('.').to_string();
    if clean.is_empty() {
        "Imported draft".to_string()
    } else {
        clean
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workspace::tests::Fixture;
    use dateline_export::{export_docx, DocxOptions, DocxReview, TrackedChange};

    #[test]
    fn a_word_file_becomes_a_new_draft_and_is_left_as_it_was() {
        let fx = Fixture::new(&[("Launch.md", b"# Mine\n")]);
        let (mut ws, _) = fx.opened();
        let word = tempfile::tempdir().unwrap();
        let source = word.path().join("Launch.docx");
        let docx = export_docx(
            "# Acme Ships Rockets\n\nSEATTLE — *today* Acme launched.\n",
            DocxReview::default(),
            &DocxOptions::default(),
        )
        .unwrap();
        std::fs::write(&source, &docx).unwrap();
        let first = ws.import_word(&source).unwrap();
        assert_eq!(
            first.draft.rel_path, "Launch (imported).md",
            "her own Launch.md is not replaced"
        );
        assert_eq!(std::fs::read(fx.path("Launch.md")).unwrap(), b"# Mine\n");
        let text = std::fs::read_to_string(fx.path("Launch (imported).md")).unwrap();
        assert!(text.starts_with("# Acme Ships Rockets"), "{text}");
        assert!(text.contains("*today*"), "{text}");
        assert_eq!(
            std::fs::read(&source).unwrap(),
            docx,
            "the Word file is only read"
        );
        assert_eq!(
            ws.import_word(&source).unwrap().draft.rel_path,
            "Launch (imported 2).md"
        );
    }

    #[test]
    fn its_tracked_changes_become_suggestions_by_their_word_author() {
        let fx = Fixture::new(&[]);
        let (mut ws, _) = fx.opened();
        let word = tempfile::tempdir().unwrap();
        let source = word.path().join("Plan.docx");
        let change = TrackedChange {
            anchor: "March".into(),
            replacement: "April".into(),
            author: "Ana Silva".into(),
            at: Some(1_714_557_600_000),
            offset: None,
        };
        let review = DocxReview {
            material: None,
            changes: &[change],
        };
        let docx = export_docx("# Plan\n\nShips in March.\n", review, &DocxOptions::default()).unwrap();
        std::fs::write(&source, &docx).unwrap();
        let imported = ws.import_word(&source).unwrap();
        assert_eq!((imported.comments, imported.suggestions), (0, 1));
        let text = std::fs::read_to_string(fx.path("Plan.md")).unwrap();
        assert_eq!(
            text, "# Plan\n\nShips in March.\n",
            "the draft keeps the text before the change"
        );
        let rows = ws.suggestions(imported.draft.id, &text).unwrap().suggestions;
        let row = &rows[0];
        assert_eq!(
            (
                rows.len(),
                row.author.as_str(),
                row.before.as_str(),
                row.after.as_str(),
                row.status.as_str()
            ),
            (1, "Ana Silva", "March", "April", "open")
        );
        assert_eq!(row.at_ms, 1_714_557_600_000.0, "dated as in Word");
    }

    #[test]
    fn a_file_that_is_not_word_is_refused_and_nothing_is_written() {
        let fx = Fixture::new(&[]);
        let (mut ws, _) = fx.opened();
        let word = tempfile::tempdir().unwrap();
        let source = word.path().join("notes.docx");
        std::fs::write(&source, b"plain text, not a zip").unwrap();
        let err = ws.import_word(&source).unwrap_err().to_string();
        assert!(
            err.contains("not a Word document") && err.contains("Nothing was written"),
            "{err}"
        );
        assert_eq!(std::fs::read_dir(fx.path("")).unwrap().count(), 0);
    }

    #[test]
    fn names_the_draft_after_the_word_file_and_never_takes_a_used_name() {
        let dir = tempfile::tempdir().unwrap();
        let free = |dir: &Path| free_marked_path(dir, "Launch", "md", "imported", true).unwrap();
        assert_eq!(free(dir.path()), dir.path().join("Launch.md"));
        std::fs::write(dir.path().join("Launch.md"), "mine").unwrap();
        assert_eq!(free(dir.path()), dir.path().join("Launch (imported).md"));
        std::fs::write(dir.path().join("Launch (imported).md"), "theirs").unwrap();
        assert_eq!(free(dir.path()), dir.path().join("Launch (imported 2).md"));
        assert_eq!(stem_of(Path::new("/x/Q3: plan?.docx")), "Q3- plan-");
        assert_eq!(stem_of(Path::new("/x/..docx")), "Imported draft");
    }
}
