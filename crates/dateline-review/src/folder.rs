//! Where review data lives in a drafts folder, and reading it: the crate's
//! one piece of I/O, shared by the app and the command line.
//!
//! `<drafts>/.dateline/reviews/<draft key>/<reviewer key>.jsonl`: one
//! folder per draft, one append-only log per reviewer in it.

use crate::log::{merge, parse_log, ParsedLog, ReviewState, MAX_LOG_BYTES};
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

/// Review data's folder, relative to the drafts folder.
pub const REVIEW_DIR: &str = ".dateline/reviews";

/// A file-name-safe key per draft: its readable stem and a hash of its path
/// relative to the drafts folder (with `/`), so that drafts with the same
/// name in different subfolders stay apart.
pub fn draft_key(rel_path: &str) -> String {
    let stem = Path::new(rel_path)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    format!("{}-{}", safe_name(&stem), short_hash(rel_path))
}

/// One log per reviewer: a readable name, plus a hash of name and email.
pub fn reviewer_key(name: &str, email: &str) -> String {
    let id = format!("{name}\n{}", email.to_lowercase());
    format!("{}-{}", safe_name(name), short_hash(&id))
}

/// The review folder of the draft at `rel_path` in `drafts_root`.
pub fn review_dir(drafts_root: &Path, rel_path: &str) -> PathBuf {
    drafts_root.join(REVIEW_DIR).join(draft_key(rel_path))
}

/// Reads and merges every reviewer's log in `dir` (a missing folder is a
/// draft nobody has reviewed yet). Unreadable files, links and whatever
/// lies past the size limit become problems in the result, never errors.
pub fn read_review_dir(dir: &Path) -> ReviewState {
    let mut paths: Vec<PathBuf> = match fs::read_dir(dir) {
        Ok(entries) => entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "jsonl") && !p.is_symlink())
            .collect(),
        Err(_) => Vec::new(),
    };
    paths.sort();
    let logs: Vec<ParsedLog> = paths
        .iter()
        .map(|path| {
            let name = path
                .file_name()
                .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
            match read_prefix(path, MAX_LOG_BYTES) {
                Ok(bytes) => parse_log(&bytes, &name),
                Err(err) => ParsedLog {
                    problems: vec![format!("{name}: cannot be read ({err}); skipped")],
                    source: name,
                    records: Vec::new(),
                },
            }
        })
        .collect();
    merge(&logs)
}

/// At most `limit` bytes and one more, so the parser can tell a file was cut.
fn read_prefix(path: &Path, limit: usize) -> std::io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    fs::File::open(path)?
        .take(limit as u64 + 1)
        .read_to_end(&mut bytes)?;
    Ok(bytes)
}

fn short_hash(s: &str) -> String {
    blake3::hash(s.as_bytes()).to_hex()[..8].to_owned()
}

fn safe_name(s: &str) -> String {
    let name: String = s
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .take(40)
        .collect();
    let name = name.trim_matches('-').to_lowercase();
    if name.is_empty() {
        "x".into()
    } else {
        name
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_safe_file_names_that_keep_same_named_drafts_apart() {
        let a = draft_key("launch.md");
        let b = draft_key("q3/launch.md");
        assert!(a.starts_with("launch-") && b.starts_with("launch-") && a != b);
        assert_eq!(draft_key("../../etc/passwd").matches('/').count(), 0);
        assert_eq!(
            reviewer_key("Ana Ruiz", "ANA@example.com"),
            reviewer_key("Ana Ruiz", "ana@example.com")
        );
        assert!(reviewer_key("", "").starts_with("x-"));
    }

    #[test]
    fn a_missing_folder_is_an_unreviewed_draft_and_bad_files_are_problems() {
        let dir = tempfile::tempdir().unwrap();
        assert!(read_review_dir(&dir.path().join("nope")).threads.is_empty());
        fs::write(dir.path().join("x.jsonl"), b"not json\n").unwrap();
        fs::write(dir.path().join("notes.txt"), b"ignored").unwrap();
        let state = read_review_dir(dir.path());
        assert_eq!(state.problems.len(), 1, "{:?}", state.problems);
        assert!(state.problems[0].starts_with("x.jsonl"));
    }
}
