//! Import of a Word document as a Markdown draft (issue 20): bytes in,
//! Markdown and what was found besides (comments, tracked changes) out.
//! The package is opened with the zip crate under size limits
//! ([`package`]), its XML read with quick-xml ([`parts`], [`document`]),
//! and the result written as Markdown by pulldown-cmark-to-cmark
//! ([`markdown`]) in the same style as the Markdown export.

mod document;
mod markdown;
mod marks;
mod package;
mod parts;
mod review;
mod xml;

use std::ops::Range;

pub use package::{MAX_DOCX_BYTES, MAX_INFLATED_BYTES};
pub use review::WordReview;

/// A Word document read as a draft.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportedDraft {
    pub markdown: String,
    /// The document's comments, in the order Word stores them.
    pub comments: Vec<ImportedComment>,
    /// Tracked changes. The draft keeps the text as it was before them
    /// (deletions kept, insertions left out), so each can become a suggestion.
    pub changes: Vec<ImportedChange>,
    /// What the draft could not carry (embedded pictures, footnotes...).
    pub notes: Vec<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportedComment {
    pub id: String,
    pub author: String,
    pub date: Option<String>,
    /// The text the comment is anchored on (empty for a point).
    pub quoted: String,
    pub body: String,
    /// The comment this one replies to.
    pub reply_to: Option<String>,
    /// Marked done in Word.
    pub resolved: bool,
    /// Where the quoted text is in `markdown` (empty for a point); `None`
    /// when it could not be placed.
    pub range: Option<Range<usize>>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChangeKind {
    Insertion,
    Deletion,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportedChange {
    pub kind: ChangeKind,
    pub author: String,
    pub date: Option<String>,
    pub text: String,
    /// In `markdown`: the deleted text, or the point of an insertion;
    /// `None` when it could not be placed.
    pub range: Option<Range<usize>>,
}

/// Why a file could not be imported. Each message says what the file is
/// and what to do, for a person who picked the wrong file.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ImportError {
    #[error("the file is {size} bytes; Dateline imports Word documents of up to {limit} bytes (large pictures make big files: remove or compress them in Word and try again)")]
    TooLarge { size: usize, limit: usize },
    #[error("the file is encrypted (password-protected) or an old binary .doc; in Word, remove the password (File > Info > Protect Document) or save it as a Word Document (.docx), then import that")]
    Encrypted,
    #[error("the file is not a Word document{0}")]
    NotWord(String),
    #[error("the Word document is damaged ({0}); open it in Word and save it again, then import that")]
    Corrupt(String),
    #[error("the document is macro-enabled (.docm); Dateline does not open documents with macros: save it in Word as a Word Document (.docx) and import that")]
    Macros,
    #[error("the document inflates to more than {limit} bytes of text and markup; it is either damaged or built to exhaust memory, and was not read")]
    TooBigInflated { limit: u64 },
}

/// Reads a `.docx`. Never panics on any input.
pub fn import_docx(bytes: &[u8]) -> Result<ImportedDraft, ImportError> {
    let mut package = package::Package::open(bytes)?;
    let rels = parts::relationships(&package.read("word/_rels/document.xml.rels")?.unwrap_or_default());
    let styles = parts::styles(&package.read("word/styles.xml")?.unwrap_or_default());
    let numbering = parts::numbering(&package.read("word/numbering.xml")?.unwrap_or_default());
    let core = parts::core_properties(&package.read("docProps/core.xml")?.unwrap_or_default());
    let body = package
        .read("word/document.xml")?
        .ok_or_else(|| ImportError::NotWord(": it has no word/document.xml".into()))?;
    let doc = document::read(&body, &rels, &styles).map_err(ImportError::Corrupt)?;
    let markdown = markdown::write(&marks::strip_blocks(&doc.blocks), &numbering, &core);
    let marked = markdown::write(&doc.blocks, &numbering, &core);
    let places = marks::Places::new(&marked, &markdown, doc.markers);
    let mut comments = parts::comments(&package.read("word/comments.xml")?.unwrap_or_default());
    let extended = parts::comments_extended(&package.read("word/commentsExtended.xml")?.unwrap_or_default());
    for raw in &mut comments {
        raw.comment.quoted = doc.quotes.get(&raw.comment.id).cloned().unwrap_or_default();
        raw.comment.range = doc
            .comment_marks
            .get(&raw.comment.id)
            .and_then(|&(a, b)| places.range(a, b));
        raw.comment.resolved = extended.done.contains(&raw.para_id);
        raw.reply_to_para = extended.parents.get(&raw.para_id).cloned();
    }
    let comments = parts::resolve_replies(comments);
    let mut changes = doc.changes;
    for (change, &(a, b)) in changes.iter_mut().zip(&doc.change_marks) {
        change.range = places.range(a, b);
    }
    Ok(ImportedDraft {
        markdown,
        comments,
        changes,
        notes: doc.notes,
    })
}
