//! Opening the package safely: what the bytes are before they are unzipped
//! (encrypted, not a zip, too big), what the archive holds (macros, no
//! document), and how much its parts may inflate to.

use std::io::{Cursor, Read};

use zip::ZipArchive;

use super::ImportError;

/// The largest file imported. A PR/FAQ is a few pages of text; a bigger
/// file is mostly pictures, which the draft does not carry anyway.
pub const MAX_DOCX_BYTES: usize = 20 * 1024 * 1024;
/// The most the XML parts read may inflate to, together.
pub const MAX_INFLATED_BYTES: u64 = 64 * 1024 * 1024;
const MAX_ENTRIES: usize = 10_000;

/// The start of an OLE compound file: an encrypted OOXML document (Word
/// wraps those in one) or a legacy binary .doc.
const OLE: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

pub(crate) struct Package<'a> {
    archive: ZipArchive<Cursor<&'a [u8]>>,
    /// Inflated bytes still allowed.
    budget: u64,
}

impl<'a> Package<'a> {
    pub(crate) fn open(bytes: &'a [u8]) -> Result<Self, ImportError> {
        if bytes.starts_with(&OLE) {
            return Err(ImportError::Encrypted);
        }
        if bytes.len() > MAX_DOCX_BYTES {
            return Err(ImportError::TooLarge {
                size: bytes.len(),
                limit: MAX_DOCX_BYTES,
            });
        }
        if !bytes.starts_with(b"PK\x03\x04") {
            return Err(ImportError::NotWord(what_it_looks_like(bytes)));
        }
        let archive = ZipArchive::new(Cursor::new(bytes)).map_err(|e| ImportError::Corrupt(e.to_string()))?;
        if archive.len() > MAX_ENTRIES {
            return Err(ImportError::Corrupt(format!(
                "{} entries in the archive",
                archive.len()
            )));
        }
        let mut package = Package {
            archive,
            budget: MAX_INFLATED_BYTES,
        };
        package.check_kind()?;
        Ok(package)
    }

    fn check_kind(&mut self) -> Result<(), ImportError> {
        let names: Vec<String> = self.archive.file_names().map(str::to_ascii_lowercase).collect();
        if names.iter().any(|n| n.ends_with("vbaproject.bin")) {
            return Err(ImportError::Macros);
        }
        let types = self.read("[Content_Types].xml")?.ok_or_else(|| {
            ImportError::NotWord(": it is a zip archive without the parts of a Word document".into())
        })?;
        if types.contains("macroEnabled") {
            return Err(ImportError::Macros);
        }
        if !names.iter().any(|n| n == "word/document.xml") {
            let hint = if names.iter().any(|n| n.starts_with("xl/")) {
                " (it is an Excel workbook)"
            } else if names.iter().any(|n| n.starts_with("ppt/")) {
                " (it is a PowerPoint presentation)"
            } else {
                ": it is a zip archive without a word/document.xml"
            };
            return Err(ImportError::NotWord(hint.into()));
        }
        Ok(())
    }

    /// The part `name` as text, `None` when absent. Inflation is counted as
    /// it happens, so a lying size in the archive gains nothing.
    pub(crate) fn read(&mut self, name: &str) -> Result<Option<String>, ImportError> {
        let mut file = match self.archive.by_name(name) {
            Ok(file) => file,
            Err(zip::result::ZipError::FileNotFound) => return Ok(None),
            Err(e) => return Err(ImportError::Corrupt(format!("{name}: {e}"))),
        };
        if file.size() > self.budget {
            return Err(ImportError::TooBigInflated {
                limit: MAX_INFLATED_BYTES,
            });
        }
        let mut bytes = Vec::new();
        (&mut file)
            .take(self.budget + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| ImportError::Corrupt(format!("{name}: {e}")))?;
        if bytes.len() as u64 > self.budget {
            return Err(ImportError::TooBigInflated {
                limit: MAX_INFLATED_BYTES,
            });
        }
        self.budget -= bytes.len() as u64;
        let text =
            String::from_utf8(bytes).map_err(|_| ImportError::Corrupt(format!("{name} is not UTF-8 XML")))?;
        Ok(Some(text))
    }
}

fn what_it_looks_like(bytes: &[u8]) -> String {
    let kind = if bytes.starts_with(b"%PDF") {
        "a PDF"
    } else if bytes.starts_with(b"{\\rtf") {
        "an RTF file (save it from Word as .docx)"
    } else if bytes.starts_with(b"<?xml") || bytes.starts_with(b"<") {
        "XML or HTML"
    } else if std::str::from_utf8(bytes).is_ok() {
        "plain text (open a Markdown draft directly instead)"
    } else {
        ""
    };
    if kind.is_empty() {
        ": a .docx file is a zip package, and this one is not".into()
    } else {
        format!(": it looks like {kind}")
    }
}
