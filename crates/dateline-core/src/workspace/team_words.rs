//! "Add to team dictionary": a word written to the folder's team words
//! file (`dateline-words.txt`), which every teammate's app reads with the
//! folder's config.

use super::Workspace;
use crate::error::{Error, Result};
use dateline_files::{write_atomic, write_atomic_new};
use dateline_lint::{Config, WORDS_FILE};
use std::io;
use std::path::Path;

impl Workspace {
    /// Adds `word` to the open folder's team words file, creating the file
    /// if it is absent, and lints with it from now on. False when the file
    /// already had the word (in any case): nothing is written then.
    pub fn add_team_word(&mut self, word: &str) -> Result<bool> {
        let word = checked_word(word)?;
        let open = self.folder.as_ref().ok_or_else(super::no_folder)?;
        let path = open.root.join(WORDS_FILE);
        let added = add_word_to_file(&path, word).map_err(|e| Error::from_io(&e, "saving", &path))?;
        // Re-read as a refresh would, so a colleague's additions come too.
        self.reload_config()?;
        Ok(added)
    }
}

/// One word as the words file holds it: no spaces (a line is one word), no
/// `#` (a comment starts there).
fn checked_word(word: &str) -> Result<&str> {
    let word = word.trim();
    if word.is_empty() || word.contains(char::is_whitespace) || word.contains('#') {
        return Err(Error::InvalidInput(format!(
            "“{word}” cannot go in the team dictionary: it takes one word, without spaces or #."
        )));
    }
    Ok(word)
}

/// Appends `word` as a line of the words file at `path`, keeping every
/// byte already there (line endings included) and replacing the file
/// atomically; a missing file is created without clobbering one that
/// appears meanwhile. False when the file already has the word.
fn add_word_to_file(path: &Path, word: &str) -> io::Result<bool> {
    let old = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            match write_atomic_new(path, format!("{word}\n").as_bytes()) {
                // A teammate created it meanwhile: add to theirs.
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => return add_word_to_file(path, word),
                other => return other.map(|()| true),
            }
        }
        Err(e) => return Err(e),
    };
    let mut listed = Config::default();
    listed.add_team_words(&String::from_utf8_lossy(&old));
    if listed.is_team_word(word) {
        return Ok(false);
    }
    write_atomic(path, &appended(&old, word))?;
    Ok(true)
}

/// `old` with `word` as a new last line, in the file's line ending.
fn appended(old: &[u8], word: &str) -> Vec<u8> {
    let eol: &[u8] = if old.windows(2).any(|w| w == b"\r\n") {
        b"\r\n"
    } else {
        b"\n"
    };
    let mut out = old.to_vec();
    if !out.is_empty() && !out.ends_with(b"\n") {
        out.extend_from_slice(eol);
    }
    out.extend_from_slice(word.as_bytes());
    out.extend_from_slice(eol);
    out
}

#[cfg(test)]
mod tests {
    use super::super::tests::Fixture;
    use super::*;
    use std::fs;

    fn spelled(ws: &Workspace, text: &str) -> usize {
        ws.lint(text)
            .diagnostics
            .iter()
            .filter(|d| d.rule == "spelling")
            .count()
    }

    #[test]
    fn a_missing_words_file_is_created_with_the_word_and_the_lint_accepts_it() {
        let fx = Fixture::new(&[("a.md", b"# Our zindle launch\n")]);
        let (mut ws, _) = fx.opened();
        let text = "# Our zindle launch\n\nThe zindle ships today.\n";
        assert_eq!(spelled(&ws, text), 2);
        assert!(ws.add_team_word(" zindle ").unwrap());
        assert_eq!(fs::read(fx.path(WORDS_FILE)).unwrap(), b"zindle\n");
        assert_eq!(spelled(&ws, text), 0);
    }

    #[test]
    fn existing_lines_stay_byte_identical_and_a_listed_word_is_not_added_again() {
        let old: &[u8] = b"# our words\r\nHelioTile  # product\r\nkWh";
        let fx = Fixture::new(&[("a.md", b"# A\n"), (WORDS_FILE, old)]);
        let (mut ws, _) = fx.opened();
        assert!(ws.add_team_word("zindle").unwrap());
        let after = fs::read(fx.path(WORDS_FILE)).unwrap();
        assert_eq!(after, [old, b"\r\nzindle\r\n"].concat());
        assert!(!ws.add_team_word("heliotile").unwrap());
        assert!(!ws.add_team_word("Zindle").unwrap());
        assert_eq!(fs::read(fx.path(WORDS_FILE)).unwrap(), after);
    }

    #[test]
    fn a_colleagues_addition_is_kept_and_read_with_ours() {
        let fx = Fixture::new(&[("a.md", b"# A\n")]);
        let (mut ws, _) = fx.opened();
        fs::write(fx.path(WORDS_FILE), "quorbit\n").unwrap();
        ws.add_team_word("zindle").unwrap();
        assert_eq!(fs::read(fx.path(WORDS_FILE)).unwrap(), b"quorbit\nzindle\n");
        assert_eq!(spelled(&ws, "# The quorbit\n\nA zindle and a quorbit.\n"), 0);
    }

    #[test]
    fn a_phrase_or_a_comment_is_refused_and_nothing_is_written() {
        let fx = Fixture::new(&[("a.md", b"# A\n")]);
        let (mut ws, _) = fx.opened();
        for bad in ["two words", "", "a#b", "line\nbreak"] {
            assert!(
                matches!(ws.add_team_word(bad), Err(Error::InvalidInput(_))),
                "{bad:?}"
            );
        }
        assert!(!fx.path(WORDS_FILE).exists());
    }

    #[test]
    fn without_an_open_folder_nothing_is_written() {
        let fx = Fixture::new(&[]);
        let mut ws = fx.launch();
        assert!(matches!(ws.add_team_word("zindle"), Err(Error::NoFolder(_))));
    }
}
