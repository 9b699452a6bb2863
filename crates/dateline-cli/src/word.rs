//! Word interchange on the command line: the pictures a `.docx` export
//! embeds, and `dateline import`, which makes a new draft of a `.docx`.

use std::io::Write;
use std::path::{Component, Path};
use std::process::ExitCode;

use dateline_export::{
    image_addresses, import_docx, ChangeKind, DocxOptions, ImportedDraft, PdfOptions, MAX_DOCX_BYTES,
};

use crate::output::fail;

/// Pictures bigger than this are linked, not embedded.
const MAX_IMAGE_BYTES: u64 = 20 * 1024 * 1024;

/// The Word options: the PDF's paper, labels and author, and the pictures
/// the draft points at by a relative path inside its own folder.
pub(crate) fn docx_options(draft: &Path, text: &str, pdf: PdfOptions) -> DocxOptions {
    let folder = draft.parent().unwrap_or(Path::new("."));
    let mut options = DocxOptions {
        paper: pdf.paper,
        show_section_labels: pdf.show_section_labels,
        author: pdf.author,
        ..Default::default()
    };
    for address in image_addresses(text) {
        let Some(path) = local_path(&address) else {
            continue;
        };
        let path = folder.join(path);
        let small = std::fs::metadata(&path).is_ok_and(|m| m.is_file() && m.len() <= MAX_IMAGE_BYTES);
        match std::fs::read(&path) {
            Ok(bytes) if small => {
                options.images.insert(address, bytes);
            }
            _ => eprintln!("dateline: picture {address} not found beside the draft; it is linked instead"),
        }
    }
    options
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

/// `dateline import FILE.docx -o DRAFT.md`: never replaces a file and never
/// changes the Word document.
pub(crate) fn import(input: &Path, output: &Path) -> ExitCode {
    if output != Path::new("-") && output.symlink_metadata().is_ok() {
        return fail(&format!(
            "{} already exists; nothing was imported (pick a new name: import never replaces a draft)",
            output.display()
        ));
    }
    let size = match std::fs::metadata(input) {
        Ok(meta) if meta.is_dir() => {
            return fail(&format!("{} is a folder, not a Word document", input.display()))
        }
        Ok(meta) => meta.len(),
        Err(err) => return fail(&format!("cannot read {}: {err}", input.display())),
    };
    if size > MAX_DOCX_BYTES as u64 {
        return fail(&format!(
            "{}: the file is {size} bytes; Dateline imports Word documents of up to {MAX_DOCX_BYTES} bytes (large pictures make big files: remove or compress them in Word and try again); nothing was written",
            input.display()
        ));
    }
    let bytes = match std::fs::read(input) {
        Ok(bytes) => bytes,
        Err(err) => return fail(&format!("cannot read {}: {err}", input.display())),
    };
    let draft = match import_docx(&bytes) {
        Ok(draft) => draft,
        Err(err) => return fail(&format!("{}: {err}; nothing was written", input.display())),
    };
    if let Err(err) = write_new(output, draft.markdown.as_bytes()) {
        return fail(&format!("cannot write {}: {err}", output.display()));
    }
    report(&draft);
    ExitCode::SUCCESS
}

/// Creates `output` through the one writer of user files: whole or not at
/// all, and never over anything there already (even if it appeared since
/// the check above).
fn write_new(output: &Path, bytes: &[u8]) -> std::io::Result<()> {
    if output == Path::new("-") {
        return std::io::stdout().write_all(bytes);
    }
    dateline_files::write_atomic_new(output, bytes)
}

/// What came across besides the text, for the author to carry over by hand
/// until Dateline's review takes them in.
fn report(draft: &ImportedDraft) {
    for note in &draft.notes {
        eprintln!("dateline: note: {note}");
    }
    for c in &draft.comments {
        let reply = c
            .reply_to
            .as_ref()
            .map_or(String::new(), |p| format!(" (reply to {p})"));
        eprintln!(
            "dateline: Word comment {} by {}{}{reply} on “{}”: {}",
            c.id,
            c.author,
            c.date.as_ref().map_or(String::new(), |d| format!(" at {d}")),
            c.quoted,
            c.body
        );
    }
    for change in &draft.changes {
        let what = match change.kind {
            ChangeKind::Insertion => "insert",
            ChangeKind::Deletion => "delete",
        };
        eprintln!(
            "dateline: tracked change by {}: {what} “{}” (the draft keeps the text before it)",
            change.author, change.text
        );
    }
    eprintln!(
        "dateline: imported {} comment{} and {} tracked change{}",
        draft.comments.len(),
        if draft.comments.len() == 1 { "" } else { "s" },
        draft.changes.len(),
        if draft.changes.len() == 1 { "" } else { "s" }
    );
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
}
