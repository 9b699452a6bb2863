//! The export flow: render the editor's text, then write it where she
//! asked. A draft is never an export's target, and "export beside the
//! draft" never replaces a file Dateline did not write: it updates its own
//! earlier export (known by the path and hash the store remembers), or
//! takes the next free name, `launch (2).pdf`.

use super::Workspace;
use crate::error::{display_name, Error, Result};
use crate::export::{self, ExportFormat, ExportOutcome, ExportRequest};
use crate::folder;
use crate::store::DraftId;
use dateline_files::{write_atomic, write_atomic_new};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// How many numbered names "export beside" tries before giving up.
const MAX_NUMBERED_NAMES: u32 = 999;

impl Workspace {
    /// Exports editor text of a draft to `target` (a path the backend chose
    /// through the native save dialog, which asked before replacing a
    /// file). A draft is never overwritten.
    pub fn export_to(
        &self,
        id: DraftId,
        text: &str,
        request: &ExportRequest,
        target: &Path,
    ) -> Result<ExportOutcome> {
        refuse_draft_target(target)?;
        let (bytes, pages) = self.render_export(id, text, request)?;
        write_atomic(target, &bytes).map_err(|e| Error::from_io(&e, "exporting", target))?;
        self.remember_export(target, &bytes);
        Ok(ExportOutcome {
            path: target.display().to_string(),
            pages,
            kept: None,
        })
    }

    /// Exports beside the draft: `launch.pdf`, or `launch (export).md`. An
    /// earlier export of Dateline's own there is updated; a file of that
    /// name that Dateline did not write is kept, and the export takes the
    /// next free numbered name (the outcome says which it kept).
    pub fn export_beside(&self, id: DraftId, text: &str, request: &ExportRequest) -> Result<ExportOutcome> {
        let source = self.draft_path(id)?;
        let (bytes, pages) = self.render_export(id, text, request)?;
        let preferred = export_path(&source, request.format, 1);
        for n in 1..=MAX_NUMBERED_NAMES {
            let target = export_path(&source, request.format, n);
            if self.write_export_if_ours(&target, &bytes)? {
                return Ok(ExportOutcome {
                    path: target.display().to_string(),
                    pages,
                    kept: (n > 1).then(|| display_name(&preferred)),
                });
            }
        }
        Err(Error::InvalidInput(format!(
            "Every name from “{}” to number {MAX_NUMBERED_NAMES} is taken; export with Export As… instead.",
            display_name(&preferred)
        )))
    }

    /// The suggested export file name (for the save dialog).
    pub fn export_file_name(&self, id: DraftId, format: ExportFormat) -> Result<String> {
        Ok(display_name(&export_path(&self.draft_path(id)?, format, 1)))
    }

    fn render_export(
        &self,
        id: DraftId,
        text: &str,
        request: &ExportRequest,
    ) -> Result<(Vec<u8>, Option<export::PageCount>)> {
        let draft = self.draft_path(id)?;
        let review = if request.include_review {
            Some(self.review_material(id, text)?)
        } else {
            None
        };
        export::render(text, request, review.as_ref(), draft.parent())
    }

    /// Writes `bytes` to `target` when nothing is there, or when what is
    /// there is Dateline's own earlier export, unchanged since. Returns
    /// false, writing nothing, when the name belongs to another file.
    fn write_export_if_ours(&self, target: &Path, bytes: &[u8]) -> Result<bool> {
        let fail = |e: &io::Error| Error::from_io(e, "exporting", target);
        match fs::read(target) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => match write_atomic_new(target, bytes) {
                // Someone else's file appeared meanwhile: keep it.
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => return Ok(false),
                written => written.map_err(|e| fail(&e))?,
            },
            Err(e) => return Err(fail(&e)),
            Ok(current) => {
                let ours = self.store.export_hash(target)?.as_deref() == Some(hash(&current).as_str());
                if !ours || is_draft_file(target) {
                    return Ok(false);
                }
                write_atomic(target, bytes).map_err(|e| fail(&e))?;
            }
        }
        self.remember_export(target, bytes);
        Ok(true)
    }

    /// Notes that Dateline wrote `bytes` at `target`. A failure here costs
    /// only the right to update that file in place later.
    fn remember_export(&self, target: &Path, bytes: &[u8]) {
        let _ = self.store.record_export(target, &hash(bytes));
    }
}

fn hash(bytes: &[u8]) -> String {
    blake3::hash(bytes).to_hex().to_string()
}

fn refuse_draft_target(target: &Path) -> Result<()> {
    if is_draft_file(target) {
        return Err(Error::InvalidInput(format!(
            "“{}” is a draft; export to a new file so no draft is overwritten.",
            display_name(target)
        )));
    }
    Ok(())
}

/// An existing Markdown file that is not itself an export: a draft.
pub(super) fn is_draft_file(path: &Path) -> bool {
    folder::is_markdown(path) && path.exists() && !is_export_name(path)
}

/// `launch (export).md`, `launch (export 2).md`: the names exports take.
fn is_export_name(path: &Path) -> bool {
    let Some(stem) = path.file_stem().map(|s| s.to_string_lossy().into_owned()) else {
        return false;
    };
    let Some(open) = stem.rfind(" (export") else {
        return false;
    };
    let tail = &stem[open + " (export".len()..];
    tail == ")"
        || tail
            .strip_prefix(' ')
            .and_then(|t| t.strip_suffix(')'))
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// Where the `n`-th choice of an export of `draft` goes beside it:
/// `launch.pdf`, `launch (2).pdf`; `launch (export).md`, `launch (export 2).md`.
fn export_path(draft: &Path, format: ExportFormat, n: u32) -> PathBuf {
    let stem = draft
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let ext = export::extension(format);
    let name = match (format, n) {
        (ExportFormat::Pdf | ExportFormat::Docx, 1) => format!("{stem}.{ext}"),
        (ExportFormat::Pdf | ExportFormat::Docx, n) => format!("{stem} ({n}).{ext}"),
        (ExportFormat::Markdown, 1) => format!("{stem} (export).md"),
        (ExportFormat::Markdown, n) => format!("{stem} (export {n}).md"),
    };
    draft.parent().unwrap_or(Path::new(".")).join(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbered_export_names_are_exports_not_drafts() {
        let draft = Path::new("/d/launch.md");
        let names: Vec<String> = (1..=3)
            .flat_map(|n| [ExportFormat::Pdf, ExportFormat::Markdown].map(|f| export_path(draft, f, n)))
            .map(|p| display_name(&p))
            .collect();
        assert_eq!(
            names,
            [
                "launch.pdf",
                "launch (export).md",
                "launch (2).pdf",
                "launch (export 2).md",
                "launch (3).pdf",
                "launch (export 3).md"
            ]
        );
        for md in [
            "launch (export).md",
            "launch (export 2).md",
            "a (export) (export 12).md",
        ] {
            assert!(is_export_name(Path::new(md)), "{md}");
        }
        for md in [
            "launch.md",
            "launch (export x).md",
            "launch (exported).md",
            "launch (export ).md",
        ] {
            assert!(!is_export_name(Path::new(md)), "{md}");
        }
    }
}
