//! `dateline export`: a draft to a typeset PDF, normalised Markdown or a
//! Word document.

use crate::output::fail;
use dateline_export::{
    export_docx, export_markdown, export_pdf_with_review, DocxReview, FrontMatterMode, LintSummary,
    MarkdownOptions, Paper, PdfOptions, ReviewMaterial,
};
use dateline_review::folder::{read_review_dir, read_review_logs, review_dir, REVIEW_DIR};
use dateline_review::suggest::{merge_suggestions, place};
use std::path::Path;
use std::process::ExitCode;

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Target {
    Pdf,
    Md,
    Docx,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum PaperArg {
    A4,
    Letter,
}

pub struct Request<'a> {
    pub draft: &'a Path,
    pub to: Target,
    pub output: &'a Path,
    pub paper: Option<PaperArg>,
    pub show_labels: bool,
    pub author: Option<String>,
    pub wrap: Option<usize>,
    pub strip_front_matter: bool,
    pub with_review: bool,
}

pub fn run(req: Request) -> ExitCode {
    let text = match std::fs::read(req.draft) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => text,
            Err(_) => {
                return fail(&format!(
                    "{} is not UTF-8 text; nothing was exported",
                    req.draft.display()
                ))
            }
        },
        Err(err) => return fail(&format!("cannot read {}: {err}", req.draft.display())),
    };
    let review = req.with_review.then(|| read_review(req.draft, &text));
    let bytes = match req.to {
        Target::Md => {
            let mut options = markdown_options(&req);
            options.appendix = review.as_ref().map(ReviewMaterial::appendix);
            let out = export_markdown(&text, &options);
            if req.with_review {
                // Marked in the normalised body (the writer would escape
                // markup written before it), then the appendix after it.
                options.appendix = None;
                let body = export_markdown(&text, &options);
                let appendix = out.get(body.len()..).unwrap_or_default();
                format!(
                    "{}{appendix}",
                    crate::review::with_suggestions_marked(req.draft, &body)
                )
                .into_bytes()
            } else {
                out.into_bytes()
            }
        }
        Target::Pdf => match export_pdf_with_review(&text, review.as_ref(), &pdf_options(&req)) {
            Ok(pdf) => {
                report_pages(&pdf);
                pdf.bytes
            }
            Err(err) => {
                eprintln!("dateline: {}: {err}", req.draft.display());
                return ExitCode::from(1);
            }
        },
        Target::Docx => {
            let options = crate::word::docx_options(req.draft, &text, pdf_options(&req));
            let changes = review
                .as_ref()
                .map(ReviewMaterial::tracked_changes)
                .unwrap_or_default();
            let review = DocxReview {
                material: review.as_ref(),
                changes: &changes,
            };
            match export_docx(&text, review, &options) {
                Ok(bytes) => bytes,
                Err(err) => {
                    eprintln!("dateline: {}: {err}", req.draft.display());
                    return ExitCode::from(1);
                }
            }
        }
    };
    write_output(req.output, &bytes)
}

fn markdown_options(req: &Request) -> MarkdownOptions<'static> {
    MarkdownOptions {
        wrap: req.wrap,
        front_matter: if req.strip_front_matter {
            FrontMatterMode::Strip
        } else {
            FrontMatterMode::Keep
        },
        appendix: None,
    }
}

/// The draft's review, as the app keeps it: the drafts folder is the nearest
/// folder above the draft that holds `.dateline/reviews`. No review data is
/// not an error: the packet then has the lint summary and no comments.
fn read_review(draft: &Path, text: &str) -> ReviewMaterial {
    let lint = LintSummary::from(&dateline_lint::lint(text, &dateline_lint::Config::default()));
    let Some((root, rel_path)) = crate::review::drafts_root_of(draft) else {
        eprintln!(
            "dateline: no {REVIEW_DIR} folder above {}; exporting without comments",
            draft.display()
        );
        return ReviewMaterial {
            lint,
            ..Default::default()
        };
    };
    let dir = review_dir(&root, &rel_path);
    let state = read_review_dir(&dir);
    for problem in &state.problems {
        eprintln!("dateline: review data: {problem}");
    }
    let suggestions = merge_suggestions(&read_review_logs(&dir)).suggestions;
    ReviewMaterial::new(&state, lint, text)
        .with_suggestions(dateline_export::suggestions(&place(&suggestions, text)))
}

fn pdf_options(req: &Request) -> PdfOptions {
    let paper = match req.paper {
        Some(PaperArg::A4) => Paper::A4,
        Some(PaperArg::Letter) => Paper::UsLetter,
        None => paper_for_locale(&locale()),
    };
    PdfOptions {
        paper,
        show_section_labels: req.show_labels,
        author: req.author.clone(),
        date: None,
    }
}

fn report_pages(pdf: &dateline_export::PdfExport) {
    eprintln!(
        "dateline: {} page{} (press release {:.1}, FAQ {})",
        pdf.page_count,
        if pdf.page_count == 1 { "" } else { "s" },
        pdf.release_pages,
        pdf.faq_pages
    );
    for warning in &pdf.warnings {
        eprintln!("dateline: warning: {warning}");
    }
}

fn write_output(output: &Path, bytes: &[u8]) -> ExitCode {
    let written = if output == Path::new("-") {
        use std::io::Write;
        std::io::stdout().write_all(bytes)
    } else {
        // Never truncate-then-write: a full disk or a crash would leave half
        // a file where the old one was.
        dateline_files::write_atomic(output, bytes)
    };
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => fail(&write_failure(output, &err)),
    }
}

/// What went wrong writing `output`, and what to do about it.
fn write_failure(output: &Path, err: &std::io::Error) -> String {
    use std::io::ErrorKind::*;
    let name = output.display();
    let kept = if output.exists() {
        " The file there is unchanged."
    } else {
        ""
    };
    match err.kind() {
        StorageFull | QuotaExceeded => {
            format!("cannot write {name}: the disk is full. Free some space, then export again.{kept}")
        }
        ReadOnlyFilesystem => format!("cannot write {name}: the disk is read-only.{kept}"),
        PermissionDenied => {
            format!("cannot write {name}: permission denied. Choose another place with -o.{kept}")
        }
        NotFound => format!("cannot write {name}: its folder does not exist."),
        _ => format!("cannot write {name}: {err}.{kept}"),
    }
}

/// The locale that decides the paper size, as POSIX orders the variables.
fn locale() -> String {
    ["LC_ALL", "LC_PAPER", "LANG"]
        .iter()
        .find_map(|var| std::env::var(var).ok().filter(|v| !v.is_empty()))
        .unwrap_or_default()
}

/// US Letter where it is the norm (the Americas' letter countries and the
/// Philippines), A4 everywhere else.
pub fn paper_for_locale(locale: &str) -> Paper {
    const LETTER: [&str; 8] = ["_US", "_CA", "_MX", "_PH", "_CL", "_CO", "_VE", "_PR"];
    if LETTER.iter().any(|region| locale.contains(region)) {
        Paper::UsLetter
    } else {
        Paper::A4
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paper_follows_the_locale() {
        assert_eq!(paper_for_locale("en_US.UTF-8"), Paper::UsLetter);
        assert_eq!(paper_for_locale("fr_CA.UTF-8"), Paper::UsLetter);
        assert_eq!(paper_for_locale("en_GB.UTF-8"), Paper::A4);
        assert_eq!(paper_for_locale("de_DE"), Paper::A4);
        assert_eq!(paper_for_locale(""), Paper::A4);
    }
}
