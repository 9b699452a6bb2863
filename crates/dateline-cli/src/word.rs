//! Word interchange on the command line: the pictures a `.docx` export
//! embeds, and `dateline import`, which makes a new draft of a `.docx` and
//! brings its comments and tracked changes into the draft's review.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use dateline_export::{image_addresses, import_docx, DocxOptions, PdfOptions, WordReview, MAX_DOCX_BYTES};
use dateline_files::read_pictures;
use dateline_review::folder::{append_records, review_dir};

use crate::output::fail;
use crate::review::drafts_root_of;

/// The Word options: the PDF's paper, labels and author, and the pictures
/// the draft points at inside its own folder.
pub(crate) fn docx_options(draft: &Path, text: &str, pdf: PdfOptions) -> DocxOptions {
    let folder = draft.parent().unwrap_or(Path::new("."));
    let pictures = read_pictures(folder, &image_addresses(text));
    for address in &pictures.missing {
        eprintln!("dateline: picture {address} not found beside the draft; it is linked instead");
    }
    DocxOptions {
        paper: pdf.paper,
        show_section_labels: pdf.show_section_labels,
        author: pdf.author,
        images: pictures.found,
        ..Default::default()
    }
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
    for note in &draft.notes {
        eprintln!("dateline: note: {note}");
    }
    let review = draft.review(now_ms());
    // What could not come across is said even when nothing else did.
    for problem in &review.problems {
        eprintln!("dateline: note: {problem}");
    }
    if review.records.is_empty() {
        return ExitCode::SUCCESS;
    }
    if output == Path::new("-") {
        eprintln!(
            "dateline: note: the Word file's comments and tracked changes stay in it when the draft goes to standard output"
        );
        return ExitCode::SUCCESS;
    }
    match save_review(output, &review) {
        Ok(()) => {
            report(&review);
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!(
                "dateline: {} was written, but its comments and tracked changes could not be saved: {err}",
                output.display()
            );
            ExitCode::FAILURE
        }
    }
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

/// The review goes where the app looks for it: in the drafts folder that
/// holds the new draft (the nearest one with review data), else the
/// draft's own folder.
fn save_review(draft: &Path, review: &WordReview) -> std::io::Result<()> {
    let (root, rel) = match drafts_root_of(draft) {
        Some(found) => found,
        None => {
            let dir = draft
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
                .unwrap_or(Path::new("."));
            let name = draft
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            (dir.to_path_buf(), name)
        }
    };
    append_records(&review_dir(&root, &rel), &review.records)
}

fn report(review: &WordReview) {
    let plural = |n: u32, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    eprintln!(
        "dateline: imported {} and {} (the Word file's tracked changes), by their Word authors",
        plural(review.comments, "comment"),
        plural(review.suggestions, "suggestion")
    );
}

fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as i64)
}
