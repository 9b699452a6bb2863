//! The PDF export: draft to Typst source, Typst source to a laid-out
//! document in the sandbox world, then measurement and PDF bytes.

use typst::diag::{SourceDiagnostic, Warned};
use typst::ecow::EcoVec;
use typst::foundations::Label;
use typst::introspection::Introspector;
use typst::utils::PicoStr;
use typst_layout::PagedDocument;

use crate::draft::{dateline_date, front_matter, Outline};
use crate::review::{ReviewComment, ReviewPacket, ReviewSuggestion, ReviewVerdict};
use crate::world::SandboxWorld;
use crate::{escape, translate, ExportError};

const TEMPLATE: &str = include_str!("template.typ");

/// Past this many pages the press release is too long (the lint's
/// `release-too-long` guesses the same from words).
pub const MAX_RELEASE_PAGES: f32 = 1.0;
pub const MAX_FAQ_PAGES: usize = 5;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Paper {
    #[default]
    A4,
    UsLetter,
}

impl Paper {
    fn typst_name(self) -> &'static str {
        match self {
            Paper::A4 => "a4",
            Paper::UsLetter => "us-letter",
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PdfOptions {
    pub paper: Paper,
    /// Print the press release's section labels ("Problem", "Solution").
    pub show_section_labels: bool,
    /// Overrides the front matter's `author:`/`owner:`.
    pub author: Option<String>,
    /// Overrides the front matter's `date:` and the summary's dateline.
    pub date: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct PdfExport {
    pub bytes: Vec<u8>,
    pub page_count: usize,
    /// Pages the press release fills, measured on the layout (1.5 = one
    /// page and half of the next).
    pub release_pages: f32,
    /// Pages from the FAQ's first page to its last (0 without a FAQ).
    pub faq_pages: usize,
    /// For the author: the release is past one page, the FAQ past five.
    pub warnings: Vec<String>,
}

/// Typesets a draft.
pub fn export_pdf(text: &str, opts: &PdfOptions) -> Result<PdfExport, ExportError> {
    export_review_packet(text, &ReviewPacket::default(), opts)
}

/// Typesets a draft followed by its open comments, the verdicts and the
/// lint summary (each part only when it has something in it).
/// The PDF of a draft, followed by its review when there is one.
pub fn export_pdf_with_review(
    text: &str,
    review: Option<&crate::ReviewMaterial>,
    opts: &PdfOptions,
) -> Result<PdfExport, ExportError> {
    match review {
        Some(review) => export_review_packet(text, &review.packet(), opts),
        None => export_pdf(text, opts),
    }
}

pub fn export_review_packet(
    text: &str,
    packet: &ReviewPacket,
    opts: &PdfOptions,
) -> Result<PdfExport, ExportError> {
    let source = typst_source(text, opts, &packet_markup(packet));
    let world = SandboxWorld::new(source);
    let Warned { output, .. } = typst::compile::<PagedDocument>(&world);
    // Keep the memoisation cache of a long-running app bounded.
    typst::comemo::evict(10);
    let document = output.map_err(|errors| ExportError::Typeset(describe(&errors)))?;
    let bytes = typst_pdf::pdf(&document, &typst_pdf::PdfOptions::default())
        .map_err(|errors| ExportError::Pdf(describe(&errors)))?;
    let (release_pages, faq_pages) = measure(&document);
    Ok(PdfExport {
        bytes,
        page_count: document.pages().len(),
        release_pages,
        faq_pages,
        warnings: length_warnings(release_pages, faq_pages),
    })
}

/// The complete Typst source: document settings, template, body.
pub(crate) fn typst_source(text: &str, opts: &PdfOptions, appendix: &str) -> String {
    let fields = front_matter(text).map(|block| block.fields).unwrap_or_default();
    let outline = Outline::of(text);
    let headline = outline
        .headline
        .and_then(|start| translate::heading_text_at(text, start));
    let title = non_empty(fields.title)
        .or(non_empty(headline))
        .unwrap_or_else(|| "Untitled draft".into());
    let author = non_empty(opts.author.clone()).or(non_empty(fields.author));
    let summary_date = outline
        .summary
        .clone()
        .and_then(|r| text.get(r))
        .and_then(dateline_date);
    let date = non_empty(opts.date.clone())
        .or(non_empty(fields.date))
        .or(summary_date);
    let body = translate::to_typst(text, &outline, opts.show_section_labels);
    let mut source = String::with_capacity(TEMPLATE.len() + body.len() + appendix.len() + 256);
    source.push_str(&format!(
        "#let dl = (title: {}, author: {}, date: {}, paper: {})\n",
        escape::string(&title),
        optional_string(author.as_deref()),
        optional_string(date.as_deref()),
        escape::string(opts.paper.typst_name()),
    ));
    source.push_str(TEMPLATE);
    source.push('\n');
    source.push_str(&body);
    source.push_str("#draft-end()\n\n");
    source.push_str(appendix);
    source
}

fn non_empty(value: Option<String>) -> Option<String> {
    value.map(|v| v.trim().to_string()).filter(|v| !v.is_empty())
}

fn optional_string(value: Option<&str>) -> String {
    value.map_or_else(|| "none".to_string(), escape::string)
}

fn optional_markup(value: Option<&str>) -> String {
    value.map(str::trim).filter(|v| !v.is_empty()).map_or_else(
        || "none".to_string(),
        |v| format!("[{}]", escape::markup_paragraphs(v)),
    )
}

fn packet_markup(packet: &ReviewPacket) -> String {
    let mut out = String::new();
    if !packet.comments.is_empty()
        || !packet.suggestions.is_empty()
        || !packet.verdicts.is_empty()
        || packet.lint.is_some()
    {
        out.push_str("#pagebreak(weak: true)\n\n");
    }
    if !packet.comments.is_empty() {
        out.push_str("#packet-title[Open comments]\n\n");
        packet
            .comments
            .iter()
            .for_each(|c| out.push_str(&comment_markup(c)));
    }
    if !packet.suggestions.is_empty() {
        out.push_str("#packet-title[Suggested edits]\n\n");
        packet
            .suggestions
            .iter()
            .for_each(|s| out.push_str(&suggestion_markup(s)));
    }
    if !packet.verdicts.is_empty() {
        out.push_str("#packet-title[Verdicts]\n\n");
        packet
            .verdicts
            .iter()
            .for_each(|v| out.push_str(&verdict_markup(v)));
    }
    if let Some(lint) = packet.lint {
        out.push_str("#packet-title[Lint summary]\n\n");
        out.push_str(&escape::markup(&lint.headline()));
        out.push_str("\n\n");
        if !lint.findings.is_empty() {
            out.push_str("#table(columns: (auto, auto, auto, 1fr), table.header([Line], [Severity], [Rule], [Message]), ");
            for f in &lint.findings {
                let cells = [
                    f.line.to_string(),
                    f.severity.clone(),
                    f.rule.clone(),
                    f.message.clone(),
                ];
                cells
                    .iter()
                    .for_each(|cell| out.push_str(&format!("[{}], ", escape::markup(cell))));
            }
            out.push_str(")\n\n");
        }
    }
    out
}

fn comment_markup(comment: &ReviewComment) -> String {
    format!(
        "#review-comment({}, {}, {}, [{}])\n\n",
        escape::string(&comment.author),
        optional_string(comment.disposition.as_deref()),
        optional_markup(comment.quoted.as_deref()),
        escape::markup_paragraphs(&comment.thread_text()),
    )
}

fn suggestion_markup(s: &ReviewSuggestion) -> String {
    let reply = s
        .reply
        .as_ref()
        .map(|r| format!("{}: {r}", s.decided_by.as_deref().unwrap_or("The author")));
    format!(
        "#suggested-edit({}, {}, {}, {}, {}, {})\n\n",
        escape::string(&s.author),
        escape::string(&s.status_text()),
        optional_markup(Some(&s.before)),
        optional_markup(Some(&s.after)),
        optional_markup(s.note.as_deref()),
        optional_markup(reply.as_deref()),
    )
}

fn verdict_markup(verdict: &ReviewVerdict) -> String {
    format!(
        "#verdict({}, {}, {})\n\n",
        escape::string(&verdict.reviewer),
        escape::string(&verdict.verdict),
        optional_markup(verdict.note.as_deref()),
    )
}

/// Where the release ends, the FAQ starts and the draft ends, from the
/// markers the template places (`<dl-release-end>`, `<dl-faq-start>`,
/// `<dl-draft-end>`).
fn measure(document: &PagedDocument) -> (f32, usize) {
    let introspector = document.introspector();
    let position = |name: &str| {
        let label = Label::new(PicoStr::intern(name))?;
        let location = introspector.query_label(label).ok()?.location()?;
        introspector.position(location)
    };
    let pages = document.pages();
    let release_pages = position("dl-release-end").map_or(pages.len() as f32, |pos| {
        let page = pos.page.get();
        let height = pages
            .get(page - 1)
            .map_or(1.0, |p| p.frame.height().to_pt())
            .max(1.0);
        (page - 1) as f32 + (pos.point.y.to_pt() / height) as f32
    });
    let draft_end = position("dl-draft-end").map_or(pages.len(), |pos| pos.page.get());
    let faq_pages = position("dl-faq-start").map_or(0, |pos| (draft_end + 1).saturating_sub(pos.page.get()));
    (release_pages, faq_pages)
}

fn length_warnings(release_pages: f32, faq_pages: usize) -> Vec<String> {
    let mut warnings = Vec::new();
    if release_pages > MAX_RELEASE_PAGES {
        warnings.push(format!(
            "The press release runs to {release_pages:.1} pages; a press release should fit on one page."
        ));
    }
    if faq_pages > MAX_FAQ_PAGES {
        warnings.push(format!(
            "The FAQ runs to {faq_pages} pages; keep it to {MAX_FAQ_PAGES} or fewer."
        ));
    }
    warnings
}

fn describe(errors: &EcoVec<SourceDiagnostic>) -> String {
    let messages: Vec<&str> = errors.iter().map(|e| e.message.as_str()).collect();
    messages.join("; ")
}
