//! The pictures a draft points at, read for an export that embeds them
//! (Word), by one rule for the app and the command line: only a relative
//! path inside the draft's own folder is read (a draft is untrusted input,
//! and `../` or an absolute path must not pull other files into a document
//! she sends out), and only a file of a sensible size. Anything else stays
//! a link to its address.

use std::collections::BTreeMap;
use std::path::{Component, Path};

/// Pictures bigger than this are linked, not embedded.
pub const MAX_PICTURE_BYTES: u64 = 20 * 1024 * 1024;

/// What was read, by the address the draft writes.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Pictures {
    pub found: BTreeMap<String, Vec<u8>>,
    /// Local addresses that could not be read (missing, too big, a folder).
    pub missing: Vec<String>,
}

/// Reads the pictures at `addresses` (as the draft writes them) from
/// `folder`, the draft's own. Remote and out-of-folder addresses are
/// skipped without a word: they are links by design.
pub fn read_pictures(folder: &Path, addresses: &[String]) -> Pictures {
    let mut out = Pictures::default();
    for address in addresses {
        let Some(path) = local_path(address) else {
            continue;
        };
        let path = folder.join(path);
        let fits = std::fs::metadata(&path).is_ok_and(|m| m.is_file() && m.len() <= MAX_PICTURE_BYTES);
        match std::fs::read(&path) {
            Ok(bytes) if fits => {
                out.found.insert(address.clone(), bytes);
            }
            _ => out.missing.push(address.clone()),
        }
    }
    out
}

/// A relative path with no way out of the draft's folder (no `..`, no root).
fn local_path(address: &str) -> Option<&Path> {
    if address.contains("://") || address.starts_with("data:") || address.starts_with("mailto:") {
        return None;
    }
    let path = Path::new(address);
    path.components()
        .all(|c| matches!(c, Component::Normal(_) | Component::CurDir))
        .then_some(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_paths_inside_the_folder_are_read() {
        assert!(local_path("img/a.png").is_some());
        assert!(local_path("./a.png").is_some());
        assert!(local_path("../secret.png").is_none());
        assert!(local_path("/etc/passwd").is_none());
        assert!(local_path("https://e.example/a.png").is_none());
    }

    #[test]
    fn reads_what_is_there_and_names_what_is_not() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.png"), b"png").unwrap();
        std::fs::create_dir(dir.path().join("shots")).unwrap();
        let addresses: Vec<String> = [
            "a.png",
            "gone.png",
            "shots",
            "../a.png",
            "https://e.example/b.png",
        ]
        .map(String::from)
        .to_vec();
        let pictures = read_pictures(dir.path(), &addresses);
        assert_eq!(pictures.found.keys().collect::<Vec<_>>(), ["a.png"]);
        assert_eq!(pictures.found["a.png"], b"png");
        assert_eq!(pictures.missing, ["gone.png", "shots"]);
    }
}
