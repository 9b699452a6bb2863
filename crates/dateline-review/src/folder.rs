//! Where review data lives in a drafts folder, reading it, and moving it
//! when a draft is renamed: the crate's one piece of I/O, shared by the app
//! and the command line.
//!
//! `<drafts>/.dateline/reviews/<draft key>/<reviewer key>.jsonl`: one
//! folder per draft, one append-only log per reviewer in it.

use crate::log::{encode_record, merge, parse_log, ParsedLog, Record, ReviewState, MAX_LOG_BYTES};
use std::fs;
use std::io::{self, Read};
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

/// Appends records to their authors' own logs in `dir` (each author's
/// lines in one durable append), for records made elsewhere and brought
/// in: CriticMarkup, a Word file's review.
pub fn append_records(dir: &Path, records: &[Record]) -> io::Result<()> {
    let mut by_log: Vec<(String, String)> = Vec::new();
    for record in records {
        let key = reviewer_key(&record.author.name, &record.author.email);
        match by_log.iter_mut().find(|(k, _)| *k == key) {
            Some((_, lines)) => lines.push_str(&encode_record(record)),
            None => by_log.push((key, encode_record(record))),
        }
    }
    if by_log.is_empty() {
        return Ok(());
    }
    fs::create_dir_all(dir)?;
    for (key, lines) in by_log {
        dateline_files::append_durable(&dir.join(format!("{key}.jsonl")), lines.as_bytes())?;
    }
    Ok(())
}

/// Reads and merges every reviewer's log in `dir` (a missing folder is a
/// draft nobody has reviewed yet). Unreadable files, links and whatever
/// lies past the size limit become problems in the result, never errors.
pub fn read_review_dir(dir: &Path) -> ReviewState {
    merge(&read_review_logs(dir))
}

/// Every reviewer's log in `dir`, parsed, by file name: for
/// [`merge`] and [`crate::suggest::merge_suggestions`] both.
pub fn read_review_logs(dir: &Path) -> Vec<ParsedLog> {
    let mut paths: Vec<PathBuf> = match fs::read_dir(dir) {
        Ok(entries) => entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "jsonl") && !p.is_symlink())
            .collect(),
        Err(_) => Vec::new(),
    };
    paths.sort();
    paths
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
        .collect()
}

/// Moves the review folder of a draft renamed from `from_rel` to `to_rel`,
/// so that its comments follow it. Every machine that sees the rename runs
/// this, and a sync client carries the first machine's move to the others,
/// so a log may already be at the new place: it stays when it holds the
/// moved one (logs only grow), is replaced when the moved one holds it,
/// and otherwise both are kept (the merge drops the records they share).
/// Links and subfolders are left where they are.
pub fn move_review_dir(drafts_root: &Path, from_rel: &str, to_rel: &str) -> io::Result<()> {
    let from = review_dir(drafts_root, from_rel);
    let entries = match fs::read_dir(&from) {
        Ok(entries) => entries,
        Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(err) => return Err(err),
    };
    let to = review_dir(drafts_root, to_rel);
    fs::create_dir_all(&to)?;
    let tag = short_hash(from_rel);
    for entry in entries {
        let entry = entry?;
        if entry.file_type()?.is_file() {
            move_log(&entry.path(), &to.join(entry.file_name()), &tag)?;
        }
    }
    // Fails, harmlessly, when something was left behind.
    let _ = fs::remove_dir(&from);
    Ok(())
}

/// Moves one log to `dst`, or drops it when a log there already holds all
/// of it. When the same reviewer wrote on two machines before they synced,
/// the two logs grew apart: the moved one gets a name of its own beside it.
fn move_log(src: &Path, dst: &Path, tag: &str) -> io::Result<()> {
    let stem = dst
        .file_stem()
        .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
    let ext = dst
        .extension()
        .map_or_else(String::new, |e| format!(".{}", e.to_string_lossy()));
    for n in 0..100 {
        let candidate = match n {
            0 => dst.to_path_buf(),
            1 => dst.with_file_name(format!("{stem}.{tag}{ext}")),
            n => dst.with_file_name(format!("{stem}.{tag}-{n}{ext}")),
        };
        match overlap(src, &candidate)? {
            Overlap::Free | Overlap::Extends => return fs::rename(src, &candidate),
            Overlap::Contained => return fs::remove_file(src),
            Overlap::Apart => {}
        }
    }
    Err(io::Error::other(format!("{} has too many copies", dst.display())))
}

/// How a log to be moved relates to what is at its new place.
enum Overlap {
    /// Nothing is there.
    Free,
    /// The log there holds every byte of the moved one.
    Contained,
    /// The moved log holds every byte of the one there, and more.
    Extends,
    /// Something else: a different log, a link, a folder, an oversized file.
    Apart,
}

fn overlap(src: &Path, there: &Path) -> io::Result<Overlap> {
    match fs::symlink_metadata(there) {
        Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(Overlap::Free),
        Err(err) => return Err(err),
        Ok(meta) if !meta.is_file() => return Ok(Overlap::Apart),
        Ok(_) => {}
    }
    let (moved, existing) = (
        read_prefix(src, MAX_LOG_BYTES)?,
        read_prefix(there, MAX_LOG_BYTES)?,
    );
    if moved.len() > MAX_LOG_BYTES || existing.len() > MAX_LOG_BYTES {
        return Ok(Overlap::Apart);
    }
    Ok(if existing.starts_with(&moved) {
        Overlap::Contained
    } else if moved.starts_with(&existing) {
        Overlap::Extends
    } else {
        Overlap::Apart
    })
}

/// At most `limit` bytes and one more, so the parser can tell a file was cut.
fn read_prefix(path: &Path, limit: usize) -> io::Result<Vec<u8>> {
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

    /// One reviewer's comment as a log line.
    fn comment(id: &str, by: &str, body: &str) -> String {
        crate::log::encode_record(&crate::log::Record {
            event: crate::log::Event::Comment {
                id: id.into(),
                draft_version: "v1".into(),
                anchor: None,
                body: body.into(),
                parent: None,
            },
            at: 1,
            author: crate::log::Author {
                name: by.into(),
                email: String::new(),
            },
        })
    }

    fn bodies(dir: &Path) -> Vec<String> {
        let mut bodies: Vec<String> = read_review_dir(dir)
            .threads
            .iter()
            .map(|t| t.root.body.clone())
            .collect();
        bodies.sort();
        bodies
    }

    fn write_log(root: &Path, rel: &str, name: &str, lines: &[String]) {
        let dir = review_dir(root, rel);
        fs::create_dir_all(&dir).unwrap();
        fs::write(dir.join(name), lines.concat()).unwrap();
    }

    #[test]
    fn comments_follow_a_renamed_draft() {
        let root = tempfile::tempdir().unwrap();
        let root = root.path();
        write_log(root, "plan.md", "ana.jsonl", &[comment("c1", "Ana", "Price?")]);
        write_log(root, "plan.md", "ben.jsonl", &[comment("c2", "Ben", "Date?")]);
        move_review_dir(root, "plan.md", "q3/launch plan.md").unwrap();
        assert_eq!(
            bodies(&review_dir(root, "q3/launch plan.md")),
            ["Date?", "Price?"]
        );
        assert!(!review_dir(root, "plan.md").exists(), "the old folder is gone");
        // Nothing to move: no error, and no empty folder.
        move_review_dir(root, "never-reviewed.md", "other.md").unwrap();
        assert!(!review_dir(root, "other.md").exists());
    }

    #[test]
    fn a_move_another_machine_made_first_loses_nothing() {
        let root = tempfile::tempdir().unwrap();
        let root = root.path();
        let (a, b, c) = (
            comment("c1", "Ana", "one"),
            comment("c2", "Ana", "two"),
            comment("c3", "Ana", "three"),
        );
        // The synced log at the new place holds the moved one: it stays.
        write_log(root, "old.md", "ana.jsonl", std::slice::from_ref(&a));
        write_log(root, "new.md", "ana.jsonl", &[a.clone(), b.clone()]);
        move_review_dir(root, "old.md", "new.md").unwrap();
        let new_dir = review_dir(root, "new.md");
        assert_eq!(
            fs::read_to_string(new_dir.join("ana.jsonl")).unwrap(),
            [a.clone(), b.clone()].concat()
        );
        // The moved log holds more: it replaces the one there.
        write_log(root, "old.md", "ana.jsonl", &[a.clone(), b.clone(), c.clone()]);
        move_review_dir(root, "old.md", "new.md").unwrap();
        assert_eq!(fs::read_dir(&new_dir).unwrap().count(), 1);
        assert_eq!(bodies(&new_dir), ["one", "three", "two"]);
        // The two grew apart: both are kept, each comment shown once.
        write_log(
            root,
            "old.md",
            "ana.jsonl",
            &[a.clone(), comment("c4", "Ana", "four")],
        );
        move_review_dir(root, "old.md", "new.md").unwrap();
        write_log(root, "old.md", "ana.jsonl", &[comment("c5", "Ana", "five")]);
        move_review_dir(root, "old.md", "new.md").unwrap();
        assert_eq!(fs::read_dir(&new_dir).unwrap().count(), 3);
        assert_eq!(bodies(&new_dir), ["five", "four", "one", "three", "two"]);
        assert!(read_review_dir(&new_dir).problems.is_empty());
        assert!(!review_dir(root, "old.md").exists());
    }

    #[cfg(unix)]
    #[test]
    fn links_in_a_review_folder_stay_where_they_are() {
        let root = tempfile::tempdir().unwrap();
        let root = root.path();
        write_log(root, "old.md", "ana.jsonl", &[comment("c1", "Ana", "one")]);
        let old_dir = review_dir(root, "old.md");
        std::os::unix::fs::symlink("/etc/passwd", old_dir.join("evil.jsonl")).unwrap();
        move_review_dir(root, "old.md", "new.md").unwrap();
        assert!(old_dir.join("evil.jsonl").is_symlink());
        assert!(!review_dir(root, "new.md").join("evil.jsonl").exists());
        assert_eq!(bodies(&review_dir(root, "new.md")), ["one"]);
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
