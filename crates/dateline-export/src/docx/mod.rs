//! The Word export (issue 20): a draft, and optionally its review, as a
//! `.docx`. docx-rs writes the package; the few parts it cannot express
//! (the document properties) are rewritten with quick-xml in [`package`].
//!
//! Split by job: [`styles`] (Word's built-in styles and list numbering),
//! [`body`] (Markdown to paragraphs, runs and tables), [`marks`] (comment
//! anchors and tracked changes on ranges of the draft), [`review`] (Word
//! comments and the closing review section), [`package`] (properties).

mod body;
mod images;
mod marks;
mod package;
mod review;
mod runs;
mod styles;
mod text;

use std::collections::BTreeMap;

use crate::draft::{front_matter, Outline};
use crate::pdf::Paper;
use crate::review::ReviewMaterial;

pub use marks::TrackedChange;

/// How to make the Word document.
#[derive(Clone, Debug, Default)]
pub struct DocxOptions {
    pub paper: Paper,
    /// Keep the press release's section labels ("Problem", "Solution").
    pub show_section_labels: bool,
    /// Overrides the front matter's `author:`/`owner:`.
    pub author: Option<String>,
    /// The images the draft points at, by the address written in the draft
    /// (`![alt](ADDRESS)`). PNG, JPEG and GIF are embedded; an image that is
    /// missing or unreadable becomes a link to its address.
    pub images: BTreeMap<String, Vec<u8>>,
    /// When the document is made, as an ISO 8601 time for its properties;
    /// left out of the package when `None`, so output is reproducible.
    pub now: Option<String>,
}

/// Why a Word document could not be made. Draft text is data, so this
/// points at a bug or at the machine, not at the draft.
#[derive(Debug, thiserror::Error)]
#[error("writing the Word document failed: {0}")]
pub struct DocxError(String);

/// What goes into the document besides the draft: the review (open
/// comments, verdicts, lint summary) and suggested edits as tracked changes.
#[derive(Clone, Copy, Debug, Default)]
pub struct DocxReview<'a> {
    pub material: Option<&'a ReviewMaterial>,
    pub changes: &'a [TrackedChange],
}

/// The `.docx` bytes of a draft.
pub fn export_docx(text: &str, review: DocxReview, opts: &DocxOptions) -> Result<Vec<u8>, DocxError> {
    let block = front_matter(text);
    let fields = block.as_ref().map(|b| b.fields.clone()).unwrap_or_default();
    let outline = Outline::of(text);
    let comments = review.material.map_or(&[][..], |m| &m.comments[..]);
    let marks = marks::Marks::place(text, comments, review.changes);
    let docx = styles::document(opts.paper);
    let mut writer = body::BodyWriter::new(text, &outline, &marks, opts);
    let docx = writer.write(docx);
    let docx = match review.material {
        Some(material) => review::closing_section(docx, material, &marks),
        None => docx,
    };
    let mut bytes = std::io::Cursor::new(Vec::new());
    docx.build()
        .pack(&mut bytes)
        .map_err(|e| DocxError(e.to_string()))?;
    let title = package::title(text, &outline, fields.title.as_deref());
    let author = non_empty(opts.author.as_deref()).or(non_empty(fields.author.as_deref()));
    let props = package::Properties {
        title: &title,
        author,
        now: opts.now.as_deref(),
    };
    package::set_properties(&bytes.into_inner(), &props).map_err(DocxError)
}

fn non_empty(value: Option<&str>) -> Option<&str> {
    value.map(str::trim).filter(|v| !v.is_empty())
}

/// The addresses of the images a draft shows (`![alt](ADDRESS)`), for the
/// caller to fetch into [`DocxOptions::images`].
pub fn image_addresses(text: &str) -> Vec<String> {
    let mut out: Vec<String> = pulldown_cmark::Parser::new_ext(text, crate::translate::parser_options())
        .filter_map(|event| match event {
            pulldown_cmark::Event::Start(pulldown_cmark::Tag::Image { dest_url, .. }) => {
                Some(dest_url.to_string())
            }
            _ => None,
        })
        .collect();
    out.sort();
    out.dedup();
    out
}
