//! Finding the drafts in a drafts folder: Markdown files, recursively, not
//! in hidden folders, never through a link that leaves the folder.

use crate::error::{display_name, Error, Result};
use crate::text;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;
use walkdir::{DirEntry, WalkDir};

/// A press release is a few kilobytes; anything past this is not a draft
/// and would make the editor crawl.
pub const MAX_DRAFT_BYTES: u64 = 10 * 1024 * 1024;

/// Deep enough for any real drafts tree; stops runaway walks of a wrong pick
/// such as the home folder.
const MAX_DEPTH: usize = 8;

#[derive(Debug, Clone, PartialEq)]
pub struct DraftFile {
    /// Path relative to the folder, with `/` separators on every platform.
    pub rel_path: String,
    pub size: u64,
    pub modified_ms: f64,
}

/// A Markdown file that was seen but cannot be listed as a draft.
#[derive(Debug, Clone, PartialEq)]
pub struct Skipped {
    pub name: String,
    pub reason: String,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Scan {
    pub drafts: Vec<DraftFile>,
    pub skipped: Vec<Skipped>,
    /// Dateline's own temporary files, which a write killed midway (a crash,
    /// a power cut) can leave beside a draft: see [`remove_leftover_temps`].
    pub temp_files: Vec<PathBuf>,
}

/// The optional lint configuration at a drafts folder's root.
pub const CONFIG_FILE: &str = "dateline.toml";

/// The folder's `dateline.toml` or team words file: the lint's settings,
/// which every open app re-reads when a colleague changes them.
pub fn is_config_file(root: &Path, path: &Path) -> bool {
    path.parent() == Some(root)
        && path
            .file_name()
            .is_some_and(|n| n == CONFIG_FILE || n == dateline_lint::WORDS_FILE)
}

pub fn is_markdown(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"))
}

/// Lists the drafts under `root`, sorted by relative path.
pub fn scan(root: &Path) -> Result<Scan> {
    if !root.is_dir() {
        return Err(folder_missing(root));
    }
    let canonical_root = root.canonicalize().map_err(|_| folder_missing(root))?;
    let mut result = Scan::default();
    let walker = WalkDir::new(root)
        .max_depth(MAX_DEPTH)
        .into_iter()
        .filter_entry(|e| !is_ignored(e));
    for entry in walker {
        match entry {
            Ok(entry) if is_markdown(entry.path()) => visit(&entry, root, &canonical_root, &mut result),
            Ok(entry) if is_own_temp(&entry) => result.temp_files.push(entry.into_path()),
            Ok(_) => {}
            // An unreadable subfolder must not hide the rest of the folder.
            Err(err) => result.skipped.push(Skipped {
                name: err.path().map(|p| p.display().to_string()).unwrap_or_default(),
                reason: format!("could not be read: {err}"),
            }),
        }
    }
    result.drafts.sort_by(|a, b| a.rel_path.cmp(&b.rel_path));
    Ok(result)
}

fn visit(entry: &DirEntry, root: &Path, canonical_root: &Path, out: &mut Scan) {
    let path = entry.path();
    let shown = path
        .strip_prefix(root)
        .unwrap_or(path)
        .to_string_lossy()
        .into_owned();
    let Some(rel_path) = relative_text(root, path) else {
        out.skipped.push(Skipped {
            name: shown,
            reason: "its name is not valid Unicode".into(),
        });
        return;
    };
    if entry.path_is_symlink() && !stays_inside(path, canonical_root) {
        out.skipped.push(Skipped {
            name: rel_path,
            reason: "it is a link to a file outside the folder".into(),
        });
        return;
    }
    match std::fs::metadata(path) {
        Ok(meta) if meta.is_file() => out.drafts.push(DraftFile {
            rel_path,
            size: meta.len(),
            modified_ms: modified_ms(&meta),
        }),
        Ok(_) => {}
        Err(err) => out.skipped.push(Skipped {
            name: rel_path,
            reason: format!("could not be read: {err}"),
        }),
    }
}

/// Removes those of the scan's temporary files that a killed write left
/// behind (none that a write in progress holds), so that a crash leaves no
/// litter for a sync client to hand to the whole team. Best effort: one that
/// cannot be removed now is tried again at the next scan.
pub fn remove_leftover_temps(scan: &Scan) {
    for path in &scan.temp_files {
        let _ = dateline_files::remove_if_leftover(path);
    }
}

fn is_own_temp(entry: &DirEntry) -> bool {
    entry.file_type().is_file() && dateline_files::is_temp_name(&entry.file_name().to_string_lossy())
}

/// Hidden files and folders (`.git`, `.dateline`, editors' swap files) and
/// other editors' temporary files are never drafts. Dateline's own
/// temporary files are walked, to be cleared up.
fn is_ignored(entry: &DirEntry) -> bool {
    if entry.depth() == 0 || is_own_temp(entry) {
        return false;
    }
    let name = entry.file_name().to_string_lossy();
    name.starts_with('.') || name.starts_with('~') || name.ends_with('~') || name == "node_modules"
}

fn relative_text(root: &Path, path: &Path) -> Option<String> {
    let rel = path.strip_prefix(root).ok()?;
    let parts: Option<Vec<&str>> = rel.components().map(|c| c.as_os_str().to_str()).collect();
    Some(parts?.join("/"))
}

/// The relative path of `path` when it names a draft of the folder at
/// `root`: Markdown, inside the folder, not hidden or temporary.
pub fn draft_rel_path(root: &Path, path: &Path) -> Option<String> {
    if !is_markdown(path) {
        return None;
    }
    let rel = path.strip_prefix(root).ok()?;
    let parts: Option<Vec<&str>> = rel.components().map(|c| c.as_os_str().to_str()).collect();
    let parts = parts?;
    let ignored = parts
        .iter()
        .any(|p| p.starts_with('.') || p.starts_with('~') || p.ends_with('~') || *p == "node_modules");
    (!ignored && !parts.is_empty()).then(|| parts.join("/"))
}

/// The draft at `rel_path` as a walk would list it, or `None` when there is
/// none there now (gone, a folder, or a link that leaves the folder).
pub fn stat_draft(root: &Path, canonical_root: &Path, rel_path: &str) -> Option<DraftFile> {
    let path = resolve(root, rel_path).ok()?;
    draft_rel_path(root, &path)?;
    // The walk does not descend into linked folders; neither does this.
    let parent = Path::new(rel_path).parent().unwrap_or(Path::new(""));
    if path.parent()?.canonicalize().ok()? != canonical_root.join(parent) {
        return None;
    }
    if path.is_symlink() && !stays_inside(&path, canonical_root) {
        return None;
    }
    let meta = fs::metadata(&path).ok().filter(fs::Metadata::is_file)?;
    Some(DraftFile {
        rel_path: rel_path.to_string(),
        size: meta.len(),
        modified_ms: modified_ms(&meta),
    })
}

/// Reads a draft's bytes, refusing links out of the folder, huge files and
/// binary files with a message that says what to do.
pub fn read_draft_bytes(path: &Path, root: &Path) -> Result<Vec<u8>> {
    let name = display_name(path);
    if path.is_symlink() {
        let inside = root.canonicalize().is_ok_and(|root| stays_inside(path, &root));
        if !inside {
            return Err(Error::Unreadable(format!(
                "“{name}” is a link to a file outside the drafts folder; it is not opened."
            )));
        }
    }
    let file = fs::File::open(path).map_err(|e| Error::from_io(&e, "opening", path))?;
    let size = file
        .metadata()
        .map_err(|e| Error::from_io(&e, "opening", path))?
        .len();
    if size > MAX_DRAFT_BYTES {
        return Err(Error::TooLarge(format!(
            "“{name}” is {:.1} MB; Dateline opens drafts up to {} MB (a press release and its FAQ are a few dozen KB). It was not opened or changed.",
            size as f64 / 1_048_576.0,
            MAX_DRAFT_BYTES / 1_048_576
        )));
    }
    let mut bytes = Vec::with_capacity(size as usize);
    file.take(MAX_DRAFT_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Error::from_io(&e, "reading", path))?;
    if text::looks_binary(&bytes) {
        return Err(Error::Binary(format!(
            "“{name}” is not a text file (it contains binary data). It was not opened or changed."
        )));
    }
    Ok(bytes)
}

/// True when `path` (which may be a link) resolves to a place inside `canonical_root`.
pub fn stays_inside(path: &Path, canonical_root: &Path) -> bool {
    path.canonicalize()
        .is_ok_and(|target| target.starts_with(canonical_root))
}

/// The absolute path of a draft from its relative path, refusing anything
/// that would leave the folder.
pub fn resolve(root: &Path, rel_path: &str) -> Result<PathBuf> {
    let rel = Path::new(rel_path);
    let escapes = rel
        .components()
        .any(|c| !matches!(c, std::path::Component::Normal(_)));
    if escapes || rel_path.is_empty() {
        return Err(Error::InvalidInput(format!(
            "“{rel_path}” is not a path inside the drafts folder."
        )));
    }
    Ok(root.join(rel))
}

pub fn folder_missing(root: &Path) -> Error {
    Error::FolderMissing(format!(
        "The drafts folder {} is not there any more (deleted, renamed, or on a drive that is not connected). Open drafts stay in the editor; choose the folder again or another one.",
        root.display()
    ))
}

pub fn modified_ms(meta: &std::fs::Metadata) -> f64 {
    meta.modified()
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map(|d| d.as_millis() as f64)
        .unwrap_or(0.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    fn names(scan: &Scan) -> Vec<&str> {
        scan.drafts.iter().map(|d| d.rel_path.as_str()).collect()
    }

    #[test]
    fn lists_markdown_recursively_and_skips_hidden_and_temp_files() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir_all(root.join("q3/launch")).unwrap();
        fs::create_dir_all(root.join(".git")).unwrap();
        fs::create_dir_all(root.join(".dateline")).unwrap();
        for file in [
            "b.md",
            "A.MARKDOWN",
            "q3/launch/plan.md",
            "notes.txt",
            ".hidden.md",
            "~lock.md",
            "b.md~",
            ".git/x.md",
            ".dateline/r.md",
            ".dateline-save-1a.tmp",
            "q3/.dateline-save-2b.tmp",
            ".git/.dateline-save-3c.tmp",
        ] {
            fs::write(root.join(file), "# x\n").unwrap();
        }
        let scan = scan(root).unwrap();
        assert_eq!(names(&scan), vec!["A.MARKDOWN", "b.md", "q3/launch/plan.md"]);
        assert!(scan.skipped.is_empty());
        let mut temps = scan.temp_files.clone();
        temps.sort();
        assert_eq!(
            temps,
            [
                root.join(".dateline-save-1a.tmp"),
                root.join("q3/.dateline-save-2b.tmp")
            ]
        );
        assert_eq!(scan.drafts[1].size, 4);
    }

    #[test]
    fn unusual_unicode_names_are_listed_as_they_are() {
        let dir = tempfile::tempdir().unwrap();
        let nfd = "Cafe\u{301} — 北京 🚀 مرحبا.md";
        fs::write(dir.path().join(nfd), "x").unwrap();
        let scan = scan(dir.path()).unwrap();
        assert_eq!(names(&scan), vec![nfd]);
        assert_eq!(resolve(dir.path(), nfd).unwrap(), dir.path().join(nfd));
    }

    #[cfg(unix)]
    #[test]
    fn links_out_of_the_folder_are_skipped_with_a_reason() {
        let outside = tempfile::tempdir().unwrap();
        fs::write(outside.path().join("secret.md"), "x").unwrap();
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("real.md"), "x").unwrap();
        std::os::unix::fs::symlink(outside.path().join("secret.md"), dir.path().join("link.md")).unwrap();
        std::os::unix::fs::symlink(dir.path().join("real.md"), dir.path().join("alias.md")).unwrap();
        let scan = scan(dir.path()).unwrap();
        assert_eq!(names(&scan), vec!["alias.md", "real.md"]);
        assert_eq!(scan.skipped.len(), 1);
        assert!(scan.skipped[0].reason.contains("outside"));
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn names_that_are_not_unicode_are_reported_not_listed() {
        use std::os::unix::ffi::OsStrExt;
        let dir = tempfile::tempdir().unwrap();
        let name = std::ffi::OsStr::from_bytes(b"bad-\xFF.md");
        fs::write(dir.path().join(name), "x").unwrap();
        let scan = scan(dir.path()).unwrap();
        assert!(scan.drafts.is_empty());
        assert!(scan.skipped[0].reason.contains("Unicode"));
    }

    #[test]
    fn watcher_paths_map_to_drafts_only() {
        let root = Path::new("/drafts");
        assert_eq!(
            draft_rel_path(root, Path::new("/drafts/q3/a.md")).as_deref(),
            Some("q3/a.md")
        );
        for other in [
            "/drafts/.git/x.md",
            "/drafts/.dateline-save-1.tmp",
            "/drafts/a.md~",
            "/drafts/notes.txt",
            "/else/a.md",
        ] {
            assert_eq!(draft_rel_path(root, Path::new(other)), None, "{other}");
        }
    }

    #[test]
    fn a_missing_folder_is_a_clear_error() {
        let dir = tempfile::tempdir().unwrap();
        let gone = dir.path().join("gone");
        assert!(matches!(scan(&gone), Err(Error::FolderMissing(m)) if m.contains("gone")));
    }

    #[test]
    fn resolve_refuses_paths_that_leave_the_folder() {
        let root = Path::new("/drafts");
        for bad in ["../x.md", "/etc/passwd", "a/../../x.md", ""] {
            assert!(resolve(root, bad).is_err(), "{bad}");
        }
        assert_eq!(resolve(root, "q3/a.md").unwrap(), root.join("q3/a.md"));
    }
}
