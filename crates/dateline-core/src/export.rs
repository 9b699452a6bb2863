//! Export of the open draft: the request the window sends, the page count
//! shown before exporting, and where the file goes. The typesetting itself
//! is the `dateline-export` crate's.

use crate::error::{Error, Result};
pub use dateline_export::ReviewMaterial;
use dateline_export::{
    export_docx, export_markdown, export_pdf_with_review, image_addresses, DocxOptions, DocxReview,
    FrontMatterMode, MarkdownOptions, Paper, PdfOptions,
};
use dateline_files::read_pictures;
use serde::{Deserialize, Serialize};
use std::path::Path;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, specta::Type)]
#[serde(rename_all = "lowercase")]
pub enum ExportFormat {
    Pdf,
    Markdown,
    Docx,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, specta::Type)]
#[serde(rename_all = "lowercase")]
pub enum PaperSize {
    A4,
    Letter,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ExportRequest {
    pub format: ExportFormat,
    pub paper: PaperSize,
    /// Print the press release's section labels (a real release has none).
    pub show_labels: bool,
    /// Markdown: leave out the YAML front matter.
    pub strip_front_matter: bool,
    /// Markdown: wrap paragraphs at this many columns; none keeps one line each.
    pub wrap: Option<u32>,
    /// Add the review after the draft: open comments with their quotes and
    /// dispositions, the verdicts, and the lint summary (a review packet for
    /// PDF, an appendix for Markdown).
    #[serde(default)]
    pub include_review: bool,
}

/// The layout's verdict before (and after) exporting.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct PageCount {
    pub pages: u32,
    /// Pages the press release fills (1.5 = one page and half the next).
    pub release_pages: f32,
    pub faq_pages: u32,
    /// The press release is past one page, or the FAQ past five.
    pub warnings: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ExportOutcome {
    pub path: String,
    pub pages: Option<PageCount>,
    /// The file name an export beside the draft would have taken, kept
    /// because Dateline did not write that file (the export went to the
    /// next free name, `path`).
    pub kept: Option<String>,
}

/// The exported bytes and, for PDF, the page count. `review` is added after
/// the draft when the request asks for it; a Word export embeds the
/// pictures it shows from `folder`, the draft's own.
pub fn render(
    text: &str,
    request: &ExportRequest,
    review: Option<&ReviewMaterial>,
    folder: Option<&Path>,
) -> Result<(Vec<u8>, Option<PageCount>)> {
    let review = review.filter(|_| request.include_review);
    match request.format {
        ExportFormat::Markdown => {
            let mut options = markdown_options(request);
            options.appendix = review.map(ReviewMaterial::appendix);
            Ok((export_markdown(text, &options).into_bytes(), None))
        }
        ExportFormat::Pdf => {
            let pdf = export_pdf_with_review(text, review, &pdf_options(request))
                .map_err(|e| Error::Io(format!("The PDF could not be typeset: {e}.")))?;
            let pages = PageCount {
                pages: pdf.page_count as u32,
                release_pages: pdf.release_pages,
                faq_pages: pdf.faq_pages as u32,
                warnings: pdf.warnings,
            };
            Ok((pdf.bytes, Some(pages)))
        }
        ExportFormat::Docx => {
            let pdf = pdf_options(request);
            let options = DocxOptions {
                paper: pdf.paper,
                show_section_labels: pdf.show_section_labels,
                images: folder.map_or_else(Default::default, |f| {
                    read_pictures(f, &image_addresses(text)).found
                }),
                ..Default::default()
            };
            let changes = review.map(ReviewMaterial::tracked_changes).unwrap_or_default();
            let review = DocxReview {
                material: review,
                changes: &changes,
            };
            let bytes = export_docx(text, review, &options)
                .map_err(|e| Error::Io(format!("The Word document could not be written: {e}.")))?;
            Ok((bytes, None))
        }
    }
}

/// The page count of the PDF the request would make, measured on the layout.
pub fn page_count(text: &str, request: &ExportRequest) -> Result<PageCount> {
    let pdf_request = ExportRequest {
        format: ExportFormat::Pdf,
        ..request.clone()
    };
    let pdf_request = ExportRequest {
        include_review: false,
        ..pdf_request
    };
    let (_, pages) = render(text, &pdf_request, None, None)?;
    pages.ok_or_else(|| Error::Io("The PDF layout gave no page count.".into()))
}

/// The file extension of an export.
pub fn extension(format: ExportFormat) -> &'static str {
    match format {
        ExportFormat::Pdf => "pdf",
        ExportFormat::Markdown => "md",
        ExportFormat::Docx => "docx",
    }
}

fn markdown_options(request: &ExportRequest) -> MarkdownOptions<'static> {
    MarkdownOptions {
        wrap: request.wrap.map(|w| w as usize),
        front_matter: if request.strip_front_matter {
            FrontMatterMode::Strip
        } else {
            FrontMatterMode::Keep
        },
        appendix: None,
    }
}

fn pdf_options(request: &ExportRequest) -> PdfOptions {
    let paper = match request.paper {
        PaperSize::A4 => Paper::A4,
        PaperSize::Letter => Paper::UsLetter,
    };
    PdfOptions {
        paper,
        show_section_labels: request.show_labels,
        author: None,
        date: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(format: ExportFormat) -> ExportRequest {
        ExportRequest {
            format,
            paper: PaperSize::A4,
            show_labels: false,
            strip_front_matter: true,
            wrap: None,
            include_review: false,
        }
    }

    #[test]
    fn markdown_export_is_normalised() {
        let (bytes, pages) = render(
            "---\na: b\n---\n# T\n\n* x\n",
            &request(ExportFormat::Markdown),
            None,
            None,
        )
        .unwrap();
        assert_eq!(String::from_utf8(bytes).unwrap(), "# T\n\n- x\n");
        assert!(pages.is_none());
    }

    #[test]
    fn word_export_is_a_word_package() {
        let (bytes, pages) = render("# T\n\nBody.\n", &request(ExportFormat::Docx), None, None).unwrap();
        assert!(bytes.starts_with(b"PK\x03\x04"));
        assert!(pages.is_none());
        let imported = dateline_export::import_docx(&bytes).unwrap();
        assert_eq!(imported.markdown, "# T\n\nBody.\n");
        assert_eq!(extension(ExportFormat::Docx), "docx");
    }

    #[test]
    fn word_export_embeds_the_pictures_beside_the_draft() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("logo.png"),
            include_bytes!("../../../icons/32x32.png"),
        )
        .unwrap();
        let text = "# T\n\n![Logo](logo.png)\n";
        // A zip names its files uncompressed, so a picture's part shows.
        let has_media = |folder: Option<&Path>| {
            let (bytes, _) = render(text, &request(ExportFormat::Docx), None, folder).unwrap();
            bytes.windows(11).any(|w| w == b"word/media/")
        };
        assert!(has_media(Some(dir.path())), "embedded from the draft's folder");
        assert!(!has_media(None), "without a folder it is a link");
    }

    #[test]
    fn a_long_press_release_is_flagged_on_the_real_layout() {
        let short = page_count("# Short\n\nOne paragraph.\n", &request(ExportFormat::Markdown)).unwrap();
        assert_eq!(short.pages, 1);
        assert!(short.warnings.is_empty());
        let long_text = format!(
            "# Long\n\n{}",
            "A sentence that takes up room on the page. ".repeat(400)
        );
        let long = page_count(&long_text, &request(ExportFormat::Pdf)).unwrap();
        assert!(long.release_pages > 1.0, "{long:?}");
        assert!(!long.warnings.is_empty());
    }
}
