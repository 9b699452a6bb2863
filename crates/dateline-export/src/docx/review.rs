//! The review in Word: each open thread as a Word comment with its replies
//! (threaded through commentsExtended, which docx-rs writes), and a closing
//! section with the verdicts, the lint summary, and whatever could not be
//! anchored in the text.

use docx_rs::{BreakType, Comment, Docx, Paragraph, Run, Shading, Table, TableCell, TableRow, WidthType};

use super::marks::Marks;
use super::styles;
use super::text::{clean, iso_time};
use crate::review::{ReviewComment, ReviewMaterial};

/// Word comment ids: for each review comment, its own id then its replies'.
#[derive(Debug, Default)]
pub(crate) struct CommentIds(Vec<Vec<usize>>);

impl CommentIds {
    pub(crate) fn new(comments: &[ReviewComment]) -> Self {
        let mut next = 1;
        let ids = comments
            .iter()
            .map(|c| {
                let ids: Vec<usize> = (next..next + 1 + c.replies.len()).collect();
                next += ids.len();
                ids
            })
            .collect();
        CommentIds(ids)
    }

    pub(crate) fn thread(&self, comment: usize) -> &[usize] {
        self.0.get(comment).map_or(&[][..], Vec::as_slice)
    }
}

/// The Word comments of review comment `index`: the root, then each reply
/// pointing at it.
pub(crate) fn word_comments(comment: &ReviewComment, ids: &CommentIds, index: usize) -> Vec<Comment> {
    let thread = ids.thread(index);
    let Some((&root_id, reply_ids)) = thread.split_first() else {
        return Vec::new();
    };
    let mut body = comment_paragraph(&comment.body);
    if let Some(disposition) = &comment.disposition {
        body = body
            .add_run(Run::new().add_break(BreakType::TextWrapping))
            .add_run(
                Run::new()
                    .italic()
                    .add_text(clean(&format!("Disposition: {disposition}"))),
            );
    }
    let mut out = vec![with_meta(Comment::new(root_id), &comment.author, comment.at).add_paragraph(body)];
    for (reply, &id) in comment.replies.iter().zip(reply_ids) {
        out.push(
            with_meta(Comment::new(id), &reply.author, reply.at)
                .parent_comment_id(root_id)
                .add_paragraph(comment_paragraph(&reply.body)),
        );
    }
    out
}

fn with_meta(comment: Comment, author: &str, at: Option<i64>) -> Comment {
    // docx-rs writes a comment's author attribute as given (it escapes
    // those of insertions and deletions itself).
    let comment = comment.author(quick_xml::escape::escape(clean(author).as_ref()).into_owned());
    match at {
        Some(at) => comment.date(iso_time(at)),
        None => comment,
    }
}

/// One paragraph (docx-rs files a comment once per paragraph it holds):
/// the body's own paragraphs are separated by line breaks.
fn comment_paragraph(body: &str) -> Paragraph {
    let mut paragraph = Paragraph::new();
    for (i, part) in paragraphs(body).enumerate() {
        if i > 0 {
            paragraph = paragraph
                .add_run(Run::new().add_break(BreakType::TextWrapping))
                .add_run(Run::new().add_break(BreakType::TextWrapping));
        }
        paragraph = paragraph.add_run(Run::new().add_text(clean(part)));
    }
    paragraph
}

fn paragraphs(text: &str) -> impl Iterator<Item = &str> {
    text.split("\n\n").map(str::trim).filter(|p| !p.is_empty())
}

/// The review after the draft, on a new page: unanchored comments and
/// edits, the verdicts, the lint summary.
pub(crate) fn closing_section(mut docx: Docx, material: &ReviewMaterial, marks: &Marks) -> Docx {
    docx = docx.add_paragraph(heading(1, "Review").page_break_before(true));
    if !marks.unplaced_comments.is_empty() {
        docx = docx.add_paragraph(heading(2, "Comments on text no longer in the draft"));
        for &i in &marks.unplaced_comments {
            docx = unplaced_comment(docx, &marks.comments[i]);
        }
    }
    if !marks.unplaced_changes.is_empty() {
        docx = docx.add_paragraph(heading(2, "Suggested edits not found in the draft"));
        for &i in &marks.unplaced_changes {
            let change = &marks.changes[i];
            let line = format!(
                "{}: “{}” → “{}”",
                change.author, change.anchor, change.replacement
            );
            docx = docx.add_paragraph(plain(&line));
        }
    }
    if !material.suggestions.is_empty() {
        docx = docx.add_paragraph(heading(2, "Suggested edits"));
        for s in &material.suggestions {
            let mut line = format!("{} ({}): {}", s.author, s.status_text(), s.before_after());
            if let Some(note) = &s.note {
                line.push_str(&format!(" Note: {note}"));
            }
            if let Some(reply) = &s.reply {
                line.push_str(&format!(
                    " {}: {reply}",
                    s.decided_by.as_deref().unwrap_or("The author")
                ));
            }
            docx = docx.add_paragraph(plain(&line));
        }
    }
    if !material.verdicts.is_empty() {
        docx = docx.add_paragraph(heading(2, "Verdicts"));
        for verdict in &material.verdicts {
            let mut p = Paragraph::new()
                .add_run(Run::new().bold().add_text(clean(&verdict.reviewer)))
                .add_run(Run::new().add_text(clean(&format!(": {}", verdict.verdict))));
            if let Some(note) = &verdict.note {
                p = p.add_run(Run::new().add_text(clean(&format!(". {note}"))));
            }
            docx = docx.add_paragraph(p);
        }
    }
    docx = docx
        .add_paragraph(heading(2, "Lint summary"))
        .add_paragraph(plain(&material.lint.headline()));
    if !material.lint.findings.is_empty() {
        docx = docx.add_table(findings_table(material));
    }
    docx
}

fn unplaced_comment(mut docx: Docx, comment: &ReviewComment) -> Docx {
    let mut who = comment.author.clone();
    if let Some(disposition) = &comment.disposition {
        who.push_str(&format!(" ({disposition})"));
    }
    docx = docx.add_paragraph(Paragraph::new().add_run(Run::new().bold().add_text(clean(&who))));
    if let Some(quoted) = &comment.quoted {
        docx = docx.add_paragraph(plain(quoted).style(styles::QUOTE));
    }
    for part in paragraphs(&comment.thread_text()) {
        docx = docx.add_paragraph(plain(part));
    }
    docx
}

/// Column widths of the findings table, in twentieths of a point.
const FINDING_COLUMNS: [usize; 4] = [800, 1100, 2300, 4200];

fn findings_table(material: &ReviewMaterial) -> Table {
    let cell = |i: usize, text: &str| {
        TableCell::new()
            .width(FINDING_COLUMNS[i], WidthType::Dxa)
            .add_paragraph(plain(text))
    };
    let head = ["Line", "Severity", "Rule", "Message"]
        .iter()
        .enumerate()
        .map(|(i, h)| cell(i, h).shading(Shading::new().fill("E7E6E6")))
        .collect();
    let mut rows = vec![TableRow::new(head)];
    for f in &material.lint.findings {
        let cells = [
            f.line.to_string(),
            f.severity.clone(),
            f.rule.clone(),
            f.message.clone(),
        ];
        rows.push(TableRow::new(
            cells.iter().enumerate().map(|(i, c)| cell(i, c)).collect(),
        ));
    }
    // Readers (pandoc among them) size columns by the grid.
    Table::new(rows).set_grid(FINDING_COLUMNS.to_vec())
}

fn heading(level: usize, text: &str) -> Paragraph {
    plain(text).style(&styles::heading(level))
}

fn plain(text: &str) -> Paragraph {
    Paragraph::new().add_run(Run::new().add_text(clean(text)))
}
