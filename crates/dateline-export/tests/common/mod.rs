//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::PathBuf;
use std::process::Command;

pub fn fixture(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()))
}

/// The text of a PDF, in reading order, via poppler's `pdftotext`
/// (`apt-get install poppler-utils`).
pub fn pdf_text(pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("export.pdf");
    std::fs::write(&path, pdf).unwrap();
    let output = Command::new("pdftotext")
        .arg("-enc")
        .arg("UTF-8")
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext must be installed (poppler-utils) for the PDF tests");
    assert!(
        output.status.success(),
        "pdftotext failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

/// A key of the PDF's Info dictionary (Title, Author...).
pub fn pdf_info(pdf: &[u8], key: &str) -> Option<String> {
    let doc = lopdf::Document::load_mem(pdf).unwrap();
    let info = doc.trailer.get(b"Info").ok()?;
    let info = doc.dereference(info).ok()?.1.as_dict().ok()?;
    lopdf::decode_text_string(info.get(key.as_bytes()).ok()?).ok()
}

/// Width and height in points of each page.
pub fn page_sizes(pdf: &[u8]) -> Vec<(f32, f32)> {
    let doc = lopdf::Document::load_mem(pdf).unwrap();
    doc.get_pages()
        .values()
        .map(|&id| {
            let page = doc.get_object(id).unwrap().as_dict().unwrap();
            let media = page.get(b"MediaBox").unwrap().as_array().unwrap();
            let n: Vec<f32> = media.iter().map(|o| o.as_float().unwrap()).collect();
            (n[2] - n[0], n[3] - n[1])
        })
        .collect()
}

/// The byte position of `needle` in `haystack`, failing the test if absent.
pub fn position(haystack: &str, needle: &str) -> usize {
    haystack
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not found in:\n{haystack}"))
}

/// Text with all whitespace runs collapsed, so line wrapping does not matter.
pub fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The sample drafts in `tests/corpus/` (name, text), sorted by name.
pub fn corpus() -> Vec<(String, String)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/corpus");
    let mut drafts: Vec<(String, String)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("reading {}: {e}", dir.display()))
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.extension().is_some_and(|e| e == "md") && p.file_name().is_some_and(|n| n != "README.md")
        })
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&p).unwrap())
        })
        .collect();
    drafts.sort();
    assert!(drafts.len() >= 20, "the corpus has 20 drafts");
    drafts
}

/// pandoc's reading of a `.docx` (`args` such as `-t plain`). `None`, with a
/// message, when pandoc is not installed outside CI; in CI it must be there
/// (`./dev.sh` installs it).
pub fn pandoc(docx: &[u8], args: &[&str]) -> Option<String> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("export.docx");
    std::fs::write(&path, docx).unwrap();
    let output = match Command::new("pandoc")
        .arg("-f")
        .arg("docx")
        .args(args)
        .arg(&path)
        .output()
    {
        Ok(output) => output,
        Err(_) if std::env::var_os("CI").is_none() => {
            eprintln!("SKIPPED: pandoc is not installed (apt-get install pandoc); the Word export was not read back");
            return None;
        }
        Err(e) => panic!("pandoc must be installed in CI (./dev.sh installs it): {e}"),
    };
    assert!(
        output.status.success(),
        "pandoc failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    Some(String::from_utf8(output.stdout).unwrap())
}
