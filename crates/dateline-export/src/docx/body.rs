//! The draft's Markdown as Word paragraphs and tables. Block structure
//! (headings, lists, quotes, tables, code) picks the paragraph style and
//! numbering; inline text goes through [`Line`], passing the review's
//! [`Marks`] on the way so comments and changes land on the text they quote.

use std::ops::Range;

use docx_rs::{AlignmentType, Docx, Paragraph, Shading, Table, TableCell, TableRow};
use pulldown_cmark::{Alignment, Event, HeadingLevel, Parser, Tag, TagEnd};

use super::marks::{Boundary, Cursor, Marks};
use super::runs::{Line, OpenChange};
use super::text::iso_time;
use super::{images, review, styles, DocxOptions};
use crate::draft::Outline;
use crate::translate::{is_safe_url, parser_options, plain_text, skip_to_end, Spanned};

/// A list being written: its numbering instance and whether the item's
/// first paragraph (the numbered one) has been written.
struct List {
    num_id: usize,
    item_numbered: bool,
}

/// A table being written, row by row.
#[derive(Default)]
struct TableBuild {
    alignments: Vec<Alignment>,
    rows: Vec<TableRow>,
    cells: Vec<TableCell>,
    cell: Option<TableCell>,
    head: bool,
}

enum Block {
    Paragraph(Paragraph),
    Table(Table),
}

pub(crate) struct BodyWriter<'a> {
    text: &'a str,
    outline: &'a Outline,
    marks: &'a Marks,
    opts: &'a DocxOptions,
    comment_ids: review::CommentIds,
    cursor: Cursor,
    line: Line,
    blocks: Vec<Block>,
    lists: Vec<List>,
    /// Ordered lists get a numbering instance each: (id, start).
    ordered: Vec<(usize, u64)>,
    quote_depth: usize,
    table: Option<TableBuild>,
    /// A footnote's `[^name]: ` is written and its first paragraph goes on
    /// the same line.
    footnote_label: bool,
}

impl<'a> BodyWriter<'a> {
    pub(crate) fn new(text: &'a str, outline: &'a Outline, marks: &'a Marks, opts: &'a DocxOptions) -> Self {
        BodyWriter {
            text,
            outline,
            marks,
            opts,
            comment_ids: review::CommentIds::new(&marks.comments),
            cursor: Cursor::default(),
            line: Line::default(),
            blocks: Vec::new(),
            lists: Vec::new(),
            ordered: Vec::new(),
            quote_depth: 0,
            table: None,
            footnote_label: false,
        }
    }

    /// Writes the draft into `docx`.
    pub(crate) fn write(&mut self, mut docx: Docx) -> Docx {
        let events: Vec<Spanned> = Parser::new_ext(self.text, parser_options())
            .into_offset_iter()
            .collect();
        let mut i = 0;
        while i < events.len() {
            i = self.event(&events, i);
        }
        self.finish_marks();
        for &(id, start) in &self.ordered {
            docx = styles::ordered_list(docx, id, start);
        }
        for block in self.blocks.drain(..) {
            docx = match block {
                Block::Paragraph(p) => docx.add_paragraph(p),
                Block::Table(t) => docx.add_table(t),
            };
        }
        docx
    }

    /// Handles the event at `i`; returns the index of the next one.
    fn event(&mut self, events: &[Spanned], i: usize) -> usize {
        let (event, range) = &events[i];
        match event {
            Event::Start(Tag::Heading { level, .. }) => return self.heading(events, i, *level),
            Event::Start(Tag::Image { dest_url, .. }) => return self.image(events, i, dest_url),
            Event::Start(Tag::CodeBlock(_)) => return self.code_block(events, i),
            Event::Start(Tag::MetadataBlock(_)) => return skip_to_end(events, i),
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(text) => self.text(text, range.clone(), false),
            Event::Code(code) => self.text(code, range.clone(), true),
            Event::InlineMath(math) | Event::DisplayMath(math) => self.text(math, range.clone(), false),
            Event::Html(html) | Event::InlineHtml(html) => {
                // Comments carry lint directives, not content.
                if !html.trim_start().starts_with("<!--") {
                    self.text(html.trim_end_matches('\n'), range.clone(), false);
                }
            }
            Event::SoftBreak => self.text(" ", range.start..range.start, false),
            Event::HardBreak => {
                self.ensure_paragraph();
                self.line.line_break();
            }
            Event::Rule => {
                self.close_paragraph();
                let rule = Paragraph::new().style(styles::RULE).align(AlignmentType::Center);
                self.line.open(rule);
                self.line.text("* * *", false);
                self.close_paragraph();
            }
            Event::FootnoteReference(name) => {
                self.text(&format!("[^{name}]"), range.start..range.start, false)
            }
            Event::TaskListMarker(done) => self.text(
                if *done { "[x] " } else { "[ ] " },
                range.start..range.start,
                false,
            ),
        }
        i + 1
    }

    fn start(&mut self, tag: &Tag) {
        match tag {
            Tag::Paragraph if std::mem::take(&mut self.footnote_label) => {}
            Tag::Paragraph => {
                self.close_paragraph();
                let paragraph = self.paragraph_for_context();
                self.line.open(paragraph);
            }
            Tag::BlockQuote(_) => {
                self.close_paragraph();
                self.quote_depth += 1;
            }
            Tag::List(start) => {
                self.close_paragraph();
                let num_id = match start {
                    Some(start) => {
                        let id = styles::BULLET_NUM + 1 + self.ordered.len();
                        self.ordered.push((id, *start));
                        id
                    }
                    None => styles::BULLET_NUM,
                };
                self.lists.push(List {
                    num_id,
                    item_numbered: false,
                });
            }
            Tag::Item => {
                self.close_paragraph();
                if let Some(list) = self.lists.last_mut() {
                    list.item_numbered = false;
                }
            }
            Tag::FootnoteDefinition(name) => {
                self.close_paragraph();
                self.line.open(Paragraph::new());
                self.line.text(&format!("[^{name}]: "), false);
                self.footnote_label = true;
            }
            Tag::Emphasis => self.line.format.italic += 1,
            Tag::Strong => self.line.format.bold += 1,
            Tag::Strikethrough => self.line.format.strike += 1,
            Tag::Link { dest_url, .. } if is_safe_url(dest_url) => {
                self.ensure_paragraph();
                self.line.start_link(dest_url, styles::LINK_CHAR);
            }
            Tag::Table(alignments) => {
                self.close_paragraph();
                self.table = Some(TableBuild {
                    alignments: alignments.clone(),
                    ..Default::default()
                });
            }
            Tag::TableHead => {
                if let Some(table) = &mut self.table {
                    table.head = true;
                }
            }
            Tag::TableCell => {
                if let Some(table) = &mut self.table {
                    table.cell = Some(TableCell::new());
                }
            }
            _ => {}
        }
    }

    fn end(&mut self, tag: &TagEnd) {
        match tag {
            TagEnd::Paragraph | TagEnd::Item | TagEnd::FootnoteDefinition => self.close_paragraph(),
            TagEnd::BlockQuote(_) => {
                self.close_paragraph();
                self.quote_depth = self.quote_depth.saturating_sub(1);
            }
            TagEnd::List(_) => {
                self.close_paragraph();
                self.lists.pop();
            }
            TagEnd::Emphasis => self.line.format.italic = self.line.format.italic.saturating_sub(1),
            TagEnd::Strong => self.line.format.bold = self.line.format.bold.saturating_sub(1),
            TagEnd::Strikethrough => self.line.format.strike = self.line.format.strike.saturating_sub(1),
            TagEnd::Link => self.line.end_link(),
            TagEnd::TableCell => self.end_cell(),
            TagEnd::TableHead | TagEnd::TableRow => {
                if let Some(table) = &mut self.table {
                    let cells = std::mem::take(&mut table.cells);
                    table.rows.push(TableRow::new(cells));
                    table.head = false;
                }
            }
            TagEnd::Table => {
                if let Some(table) = self.table.take() {
                    let grid = styles::column_widths(self.opts.paper, table.alignments.len());
                    self.blocks
                        .push(Block::Table(Table::new(table.rows).set_grid(grid)));
                }
            }
            _ => {}
        }
    }

    fn end_cell(&mut self) {
        self.close_paragraph();
        let Some(table) = &mut self.table else { return };
        let mut cell = table.cell.take().unwrap_or_default();
        if table.head {
            cell = cell.shading(Shading::new().fill("E7E6E6"));
        }
        table.cells.push(cell);
    }

    fn heading(&mut self, events: &[Spanned], i: usize, level: HeadingLevel) -> usize {
        let end = skip_to_end(events, i);
        let range = &events[i].1;
        let is_label = self.outline.labels.iter().any(|&o| range.contains(&o));
        if is_label && !self.opts.show_section_labels {
            return end;
        }
        let headline = self.outline.headline.is_some_and(|o| range.contains(&o));
        let style = if headline && level == HeadingLevel::H1 {
            styles::TITLE.to_string()
        } else {
            styles::heading(level as usize)
        };
        self.close_paragraph();
        self.line.open(Paragraph::new().style(&style));
        for j in i + 1..end - 1 {
            self.event(events, j);
        }
        self.close_paragraph();
        end
    }

    fn code_block(&mut self, events: &[Spanned], i: usize) -> usize {
        let end = skip_to_end(events, i);
        self.close_paragraph();
        let code: String = events[i + 1..end - 1]
            .iter()
            .filter_map(|(e, _)| {
                if let Event::Text(t) = e {
                    Some(t.as_ref())
                } else {
                    None
                }
            })
            .collect();
        for line in code.trim_end_matches('\n').split('\n') {
            self.line.open(Paragraph::new().style(styles::CODE));
            self.line.text(line, false);
            self.close_paragraph();
        }
        end
    }

    /// An embedded picture when the caller supplied its bytes, else a link
    /// to the address (styled so the import can tell it is an image).
    fn image(&mut self, events: &[Spanned], i: usize, url: &str) -> usize {
        let end = skip_to_end(events, i);
        let alt = plain_text(&events[i + 1..end - 1]);
        self.ensure_paragraph();
        let picture = self.opts.images.get(url).and_then(|bytes| images::picture(bytes));
        match picture {
            Some(pic) => self.line.image(pic),
            None => {
                let shown = if alt.trim().is_empty() { url } else { alt.trim() };
                if is_safe_url(url) {
                    self.line.start_link(url, styles::IMAGE_LINK_CHAR);
                    self.line.text(shown, false);
                    self.line.end_link();
                } else {
                    self.line.text(&format!("[Image: {shown}]"), false);
                }
            }
        }
        end
    }

    /// A paragraph styled for where it sits: list item, quote or plain.
    fn paragraph_for_context(&mut self) -> Paragraph {
        if self.table.is_some() {
            return Paragraph::new();
        }
        if let Some(list) = self.lists.last_mut() {
            // A list in a quote keeps the quote's style, so it reads back inside it.
            let style = if self.quote_depth > 0 {
                styles::QUOTE
            } else {
                styles::LIST
            };
            let paragraph = Paragraph::new().style(style);
            if list.item_numbered {
                return paragraph;
            }
            list.item_numbered = true;
            let (id, level) = styles::list_numbering(list.num_id, self.lists.len() - 1);
            return paragraph.numbering(id, level);
        }
        if self.quote_depth > 0 {
            return Paragraph::new().style(styles::QUOTE);
        }
        Paragraph::new()
    }

    fn ensure_paragraph(&mut self) {
        if !self.line.is_open() {
            let paragraph = self.paragraph_for_context();
            self.line.open(paragraph);
        }
    }

    fn close_paragraph(&mut self) {
        let Some(mut paragraph) = self.line.close() else {
            return;
        };
        if let Some(align) = self.cell_alignment() {
            paragraph = paragraph.align(align);
        }
        if let Some(table) = &mut self.table {
            let cell = table.cell.take().unwrap_or_default();
            table.cell = Some(cell.add_paragraph(paragraph));
            return;
        }
        self.blocks.push(Block::Paragraph(paragraph));
    }

    fn cell_alignment(&self) -> Option<AlignmentType> {
        let table = self.table.as_ref()?;
        match table.alignments.get(table.cells.len())? {
            Alignment::Center => Some(AlignmentType::Center),
            Alignment::Right => Some(AlignmentType::Right),
            _ => None,
        }
    }

    /// Writes text that came from `range` of the draft, split where a
    /// comment or change starts or ends inside it. Text whose source differs
    /// (escapes, entities) is not split: its marks go at its edges.
    fn text(&mut self, text: &str, range: Range<usize>, code: bool) {
        self.ensure_paragraph();
        self.pass_marks(range.start);
        let verbatim = self.text.get(range.clone()) == Some(text);
        if !verbatim {
            self.line.text(text, code);
            self.pass_marks(range.end);
            return;
        }
        let mut from = range.start;
        while let Some(at) = self.cursor.next_inside(self.marks, &(from..range.end)) {
            self.line.text(&self.text[from..at], code);
            self.pass_marks(at);
            from = at;
        }
        self.line.text(&self.text[from..range.end], code);
        self.pass_marks(range.end);
    }

    fn pass_marks(&mut self, offset: usize) {
        let passed = self.cursor.take_until(self.marks, offset);
        self.apply(passed);
    }

    /// Marks the text never reached (quotes in hidden labels or at the very
    /// end) close in the last paragraph, so every comment is in the file.
    fn finish_marks(&mut self) {
        let rest = self.cursor.rest(self.marks);
        if rest.is_empty() {
            return;
        }
        if !self.line.is_open() {
            match self.blocks.pop() {
                Some(Block::Paragraph(p)) => self.line.open(p),
                Some(table) => {
                    self.blocks.push(table);
                    self.line.open(Paragraph::new());
                }
                None => self.line.open(Paragraph::new()),
            }
        }
        self.apply(rest);
        self.close_paragraph();
    }

    fn apply(&mut self, boundaries: &[(usize, Boundary)]) {
        for &(_, boundary) in boundaries {
            match boundary {
                Boundary::CommentStart(i) => {
                    for comment in review::word_comments(&self.marks.comments[i], &self.comment_ids, i) {
                        self.line.comment_start(comment);
                    }
                }
                Boundary::CommentEnd(i) => {
                    for &id in self.comment_ids.thread(i) {
                        self.line.comment_end(id);
                    }
                }
                Boundary::ChangeStart(i) => {
                    let change = &self.marks.changes[i];
                    self.line.change = Some(OpenChange {
                        author: change.author.clone(),
                        date: change.at.map(iso_time),
                    });
                }
                Boundary::ChangeEnd(i) => {
                    let change = &self.marks.changes[i];
                    let date = change.at.map(iso_time);
                    self.line.change = None;
                    self.line
                        .insert(&change.replacement, &change.author, date.as_deref());
                }
            }
        }
    }
}
