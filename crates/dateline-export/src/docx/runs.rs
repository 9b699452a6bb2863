//! The paragraph being written: runs with the current emphasis, the open
//! link, and the tracked change the text is inside (whose runs become
//! deleted text).

use docx_rs::{BreakType, Comment, Delete, Hyperlink, HyperlinkType, Insert, Paragraph, Pic, Run};

use super::styles;
use super::text::clean;

/// Emphasis in force, counted because Markdown lets it nest.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Format {
    pub bold: u32,
    pub italic: u32,
    pub strike: u32,
}

/// A suggested edit being written: its author and date for the deletion,
/// and the replacement to insert where it ends.
#[derive(Clone, Debug)]
pub(crate) struct OpenChange {
    pub author: String,
    pub date: Option<String>,
}

#[derive(Debug, Default)]
pub(crate) struct Line {
    pub paragraph: Option<Paragraph>,
    link: Option<Hyperlink>,
    /// Runs in a link take the hyperlink style (or the image-link one).
    link_style: &'static str,
    pub format: Format,
    pub change: Option<OpenChange>,
}

enum Child {
    Run(Run),
    Delete(Delete),
    Insert(Insert),
    CommentStart(Comment),
    CommentEnd(usize),
}

impl Line {
    pub(crate) fn is_open(&self) -> bool {
        self.paragraph.is_some()
    }

    pub(crate) fn open(&mut self, paragraph: Paragraph) {
        self.paragraph = Some(paragraph);
    }

    /// The finished paragraph (an open link is closed into it).
    pub(crate) fn close(&mut self) -> Option<Paragraph> {
        self.end_link();
        self.paragraph.take()
    }

    pub(crate) fn start_link(&mut self, url: &str, style: &'static str) {
        self.end_link();
        self.link = Some(Hyperlink::new(clean(url), HyperlinkType::External));
        self.link_style = style;
    }

    pub(crate) fn end_link(&mut self) {
        if let Some(link) = self.link.take() {
            let paragraph = self.paragraph.take().unwrap_or_default();
            self.paragraph = Some(paragraph.add_hyperlink(link));
        }
    }

    /// Text with the current format: deleted text inside a change.
    pub(crate) fn text(&mut self, text: &str, code: bool) {
        if text.is_empty() {
            return;
        }
        let text = clean(text);
        let run = self.styled(Run::new(), code);
        match &self.change {
            Some(change) => {
                let mut delete = Delete::new().author(clean(&change.author));
                if let Some(date) = &change.date {
                    delete = delete.date(date.clone());
                }
                let delete = delete.add_run(run.add_delete_text(text));
                self.push(Child::Delete(delete));
            }
            None => self.push(Child::Run(run.add_text(text))),
        }
    }

    pub(crate) fn line_break(&mut self) {
        self.push(Child::Run(Run::new().add_break(BreakType::TextWrapping)));
    }

    pub(crate) fn image(&mut self, pic: Pic) {
        self.push(Child::Run(Run::new().add_image(pic)));
    }

    /// Inserted text, as a tracked insertion by `author` at `date`.
    pub(crate) fn insert(&mut self, text: &str, author: &str, date: Option<&str>) {
        if text.is_empty() {
            return;
        }
        let run = self.styled(Run::new(), false).add_text(clean(text));
        let mut insert = Insert::new(run).author(clean(author));
        if let Some(date) = date {
            insert = insert.date(date);
        }
        self.push(Child::Insert(insert));
    }

    pub(crate) fn comment_start(&mut self, comment: Comment) {
        self.push(Child::CommentStart(comment));
    }

    pub(crate) fn comment_end(&mut self, id: usize) {
        self.push(Child::CommentEnd(id));
    }

    fn styled(&self, mut run: Run, code: bool) -> Run {
        if self.format.bold > 0 {
            run = run.bold();
        }
        if self.format.italic > 0 {
            run = run.italic();
        }
        if self.format.strike > 0 {
            run = run.strike();
        }
        if code {
            run = run.style(styles::CODE_CHAR);
        } else if self.link.is_some() {
            run = run.style(self.link_style);
        }
        run
    }

    fn push(&mut self, child: Child) {
        if let Some(link) = self.link.take() {
            self.link = Some(match child {
                Child::Run(run) => link.add_run(run),
                Child::Delete(d) => link.add_delete(d),
                Child::Insert(i) => link.add_insert(i),
                Child::CommentStart(c) => link.add_comment_start(c),
                Child::CommentEnd(id) => link.add_comment_end(id),
            });
            return;
        }
        let paragraph = self.paragraph.take().unwrap_or_default();
        self.paragraph = Some(match child {
            Child::Run(run) => paragraph.add_run(run),
            Child::Delete(d) => paragraph.add_delete(d),
            Child::Insert(i) => paragraph.add_insert(i),
            Child::CommentStart(c) => paragraph.add_comment_start(c),
            Child::CommentEnd(id) => paragraph.add_comment_end(id),
        });
    }
}
