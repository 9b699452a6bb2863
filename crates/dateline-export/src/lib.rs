//! Export of PR/FAQ drafts (issue 7): a typeset PDF through Typst used as a
//! library, normalised Markdown, and a Word document (issue 20). No I/O: text and options in, bytes or
//! a string out.
//!
//! ```
//! let md = dateline_export::export_markdown("# Title\n\n* one\n* two\n", &Default::default());
//! assert_eq!(md, "# Title\n\n- one\n- two\n");
//! ```

mod docx;
mod draft;
mod escape;
mod import;
mod markdown;
mod pdf;
mod review;
mod translate;
mod world;

pub use docx::{export_docx, image_addresses, DocxError, DocxOptions, DocxReview, TrackedChange};
pub use import::{
    import_docx, ChangeKind, ImportError, ImportedChange, ImportedComment, ImportedDraft, WordReview,
    MAX_DOCX_BYTES, MAX_INFLATED_BYTES,
};
pub use markdown::{export_markdown, Appendix, FrontMatterMode, MarkdownOptions};
pub use pdf::{
    export_pdf, export_pdf_with_review, export_review_packet, Paper, PdfExport, PdfOptions, MAX_FAQ_PAGES,
    MAX_RELEASE_PAGES,
};
pub use review::{
    open_comments, suggestions, verdicts, LintFinding, LintSummary, ReviewComment, ReviewMaterial,
    ReviewPacket, ReviewReply, ReviewSuggestion, ReviewVerdict,
};
pub use world::warm_up;

/// Why a PDF could not be made. Drafts are escaped, so this points at a bug
/// in the exporter, not at the draft.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("typesetting failed: {0}")]
    Typeset(String),
    #[error("writing the PDF failed: {0}")]
    Pdf(String),
}

/// The Typst source a draft becomes, for debugging the template.
pub fn typst_source(text: &str, opts: &PdfOptions) -> String {
    pdf::typst_source(text, opts, "")
}
