//! `word/document.xml` read into blocks: paragraphs (with their style kind,
//! list numbering and alignment) made of runs, and tables of them. Comment
//! ranges collect the text they cover; tracked changes are recorded, and the
//! text kept as it was before them. Both get a marker at each end
//! ([`super::marks`]), so they can be placed in the Markdown.

use std::collections::HashMap;

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use super::marks::{is_marker, marker, marker_index, without_markers};
use super::parts::StyleKind;
use super::xml::{attr, local, reference, toggle_on};
use super::{ChangeKind, ImportedChange};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct RunFormat {
    pub bold: bool,
    pub italic: bool,
    pub strike: bool,
    pub code: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Inline {
    Text(String, RunFormat),
    Break,
    Link {
        url: String,
        image: bool,
        children: Vec<Inline>,
    },
    Image {
        alt: String,
        target: String,
    },
}

#[derive(Clone, Debug, Default)]
pub(crate) struct Para {
    pub kind: Option<StyleKind>,
    /// (numId, level) of a list paragraph.
    pub list: Option<(String, u8)>,
    /// "center" or "right" (table cells).
    pub align: Option<String>,
    pub inlines: Vec<Inline>,
}

#[derive(Clone, Debug)]
pub(crate) enum Block {
    Para(Para),
    Table(Vec<Vec<Vec<Para>>>),
}

#[derive(Debug, Default)]
pub(crate) struct Document {
    pub blocks: Vec<Block>,
    /// Comment id to the text its range covers.
    pub quotes: HashMap<String, String>,
    pub changes: Vec<ImportedChange>,
    pub notes: Vec<String>,
    /// Comment id to the markers at its start and end (the same one for a
    /// comment on a point).
    pub comment_marks: HashMap<String, (usize, usize)>,
    /// The markers at each change's start and end, as `changes`.
    pub change_marks: Vec<(usize, usize)>,
    /// Markers handed out.
    pub markers: usize,
}

/// A table being read: rows of cells of paragraphs.
#[derive(Default)]
struct TableRead {
    rows: Vec<Vec<Vec<Para>>>,
}

#[derive(Default)]
struct Walker<'r> {
    rels: Option<&'r HashMap<String, String>>,
    styles: Option<&'r HashMap<String, StyleKind>>,
    doc: Document,
    para: Option<Para>,
    tables: Vec<TableRead>,
    format: RunFormat,
    in_run_props: bool,
    /// Inside a run (`w:tab` elsewhere is a tab stop, not a tab).
    in_run: bool,
    in_text: bool,
    /// Open links, innermost last: (url, is an image link, children).
    links: Vec<(String, bool, Vec<Inline>)>,
    open_comments: Vec<String>,
    change: Option<(ImportedChange, usize)>,
    /// Inside elements whose content is skipped (alternate content
    /// fallbacks, field instructions), by depth.
    skip_depth: usize,
    pictures: usize,
    footnotes: usize,
}

pub(crate) fn read(
    xml: &str,
    rels: &HashMap<String, String>,
    styles: &HashMap<String, StyleKind>,
) -> Result<Document, String> {
    let mut w = Walker {
        rels: Some(rels),
        styles: Some(styles),
        ..Default::default()
    };
    let mut reader = Reader::from_str(xml);
    loop {
        match reader
            .read_event()
            .map_err(|e| format!("word/document.xml: {e}"))?
        {
            Event::Start(e) => w.start(&e, false),
            Event::Empty(e) => w.start(&e, true),
            Event::End(e) => w.end(local(e.name().as_ref())),
            Event::Text(t) if w.in_text && w.skip_depth == 0 => w.text(&t.decode().unwrap_or_default()),
            Event::GeneralRef(r) if w.in_text && w.skip_depth == 0 => w.text(&reference(&r)),
            Event::Eof => break,
            _ => {}
        }
    }
    w.finish_notes();
    Ok(w.doc)
}

impl Walker<'_> {
    fn start(&mut self, e: &BytesStart, empty: bool) {
        let name = local(e.name().as_ref()).to_vec();
        if self.skip_depth > 0 {
            if !empty {
                self.skip_depth += 1;
            }
            return;
        }
        match name.as_slice() {
            b"Fallback" | b"instrText" | b"delInstrText" | b"footnotes" if !empty => self.skip_depth = 1,
            b"p" => self.para = Some(Para::default()),
            b"pStyle" => {
                let kind = attr(e, b"val").and_then(|v| self.styles.and_then(|s| s.get(&v).copied()));
                if let Some(p) = &mut self.para {
                    p.kind = kind;
                }
            }
            b"ilvl" | b"numId" => self.numbering(&name, attr(e, b"val").unwrap_or_default()),
            b"jc" => {
                if let Some(p) = &mut self.para {
                    p.align = attr(e, b"val").filter(|v| v == "center" || v == "right");
                }
            }
            b"r" => {
                self.format = RunFormat::default();
                self.in_run = !empty;
            }
            b"rPr" if !empty => self.in_run_props = true,
            b"b" if self.in_run_props => self.format.bold = toggle_on(e),
            b"i" if self.in_run_props => self.format.italic = toggle_on(e),
            b"strike" | b"dstrike" if self.in_run_props => self.format.strike = toggle_on(e),
            b"rStyle" if self.in_run_props => {
                let kind = attr(e, b"val").and_then(|v| self.styles.and_then(|s| s.get(&v).copied()));
                self.format.code = kind == Some(StyleKind::CodeChar);
                if kind == Some(StyleKind::ImageLink) {
                    if let Some(link) = self.links.last_mut() {
                        link.1 = true;
                    }
                }
            }
            b"t" | b"delText" if !empty => self.in_text = true,
            b"tab" if self.in_run && !self.in_run_props => self.text(" "),
            b"br" | b"cr" if attr(e, b"type").is_none_or(|t| t == "textWrapping") => self.push(Inline::Break),
            b"hyperlink" => self.open_link(e),
            b"docPr" => self.picture(e),
            b"blip" => self.picture_target(e),
            b"footnoteReference" | b"endnoteReference" => self.footnotes += 1,
            b"commentRangeStart" => {
                let id = attr(e, b"id").unwrap_or_default();
                let at = self.mark();
                self.doc.comment_marks.insert(id.clone(), (at, at));
                self.open_comments.push(id);
            }
            b"commentRangeEnd" => {
                let id = attr(e, b"id").unwrap_or_default();
                self.open_comments.retain(|open| *open != id);
                let at = self.mark();
                self.doc.comment_marks.entry(id).and_modify(|m| m.1 = at);
            }
            b"commentReference" => {
                let id = attr(e, b"id").unwrap_or_default();
                if !self.doc.comment_marks.contains_key(&id) {
                    let at = self.mark();
                    self.doc.comment_marks.insert(id, (at, at));
                }
            }
            b"ins" | b"del" if !empty => self.start_change(&name, e),
            b"tbl" => self.tables.push(TableRead::default()),
            b"tr" => {
                if let Some(t) = self.tables.last_mut() {
                    t.rows.push(Vec::new());
                }
            }
            b"tc" => {
                if let Some(row) = self.tables.last_mut().and_then(|t| t.rows.last_mut()) {
                    row.push(Vec::new());
                }
            }
            _ => {}
        }
    }

    fn end(&mut self, name: &[u8]) {
        if self.skip_depth > 0 {
            self.skip_depth -= 1;
            return;
        }
        match name {
            b"p" => self.end_paragraph(),
            b"rPr" => self.in_run_props = false,
            b"r" => self.in_run = false,
            b"t" | b"delText" => self.in_text = false,
            b"hyperlink" => self.close_link(),
            b"ins" | b"del" => {
                if let Some((change, start)) = self.change.take() {
                    let end = self.mark();
                    self.doc.changes.push(change);
                    self.doc.change_marks.push((start, end));
                }
            }
            b"tbl" => {
                if let Some(table) = self.tables.pop() {
                    self.push_block(Block::Table(table.rows));
                }
            }
            _ => {}
        }
    }

    fn numbering(&mut self, name: &[u8], value: String) {
        let Some(p) = &mut self.para else { return };
        let (num, level) = p.list.clone().unwrap_or_default();
        p.list = Some(if name == b"numId" {
            (value, level)
        } else {
            (num, value.parse().unwrap_or(0))
        });
    }

    fn start_change(&mut self, name: &[u8], e: &BytesStart) {
        // A paragraph mark's own ins/del (inside rPr) carries no text.
        if self.in_run_props {
            return;
        }
        let change = ImportedChange {
            kind: if name == b"ins" {
                ChangeKind::Insertion
            } else {
                ChangeKind::Deletion
            },
            author: attr(e, b"author").unwrap_or_default(),
            date: attr(e, b"date"),
            text: String::new(),
            range: None,
        };
        self.change = Some((change, self.mark()));
    }

    /// Puts the next marker here and returns its number.
    fn mark(&mut self) -> usize {
        let n = self.doc.markers;
        self.doc.markers += 1;
        if let Some(c) = marker(n) {
            self.push(Inline::Text(c.to_string(), RunFormat::default()));
        }
        n
    }

    fn text(&mut self, text: &str) {
        let text = &without_markers(text);
        if let Some((change, _)) = &mut self.change {
            change.text.push_str(text);
            // The draft keeps the text as it was before the change.
            if change.kind == ChangeKind::Insertion {
                return;
            }
        }
        for id in &self.open_comments {
            self.doc.quotes.entry(id.clone()).or_default().push_str(text);
        }
        let format = self.format;
        self.push(Inline::Text(text.to_string(), format));
    }

    fn open_link(&mut self, e: &BytesStart) {
        let url = attr(e, b"id")
            .and_then(|id| self.rels.and_then(|r| r.get(&id).cloned()))
            .or_else(|| attr(e, b"anchor").map(|a| format!("#{a}")))
            .unwrap_or_default();
        self.links.push((url, false, Vec::new()));
    }

    fn close_link(&mut self) {
        let Some((url, image, children)) = self.links.pop() else {
            return;
        };
        self.push(Inline::Link { url, image, children });
    }

    fn picture(&mut self, e: &BytesStart) {
        self.pictures += 1;
        let alt = attr(e, b"descr")
            .or_else(|| attr(e, b"title"))
            .unwrap_or_default();
        self.push(Inline::Image {
            alt,
            target: String::new(),
        });
    }

    fn picture_target(&mut self, e: &BytesStart) {
        let target = attr(e, b"embed")
            .and_then(|id| self.rels.and_then(|r| r.get(&id).cloned()))
            .unwrap_or_default();
        let list = match self.links.last_mut() {
            Some(link) => &mut link.2,
            None => match &mut self.para {
                Some(p) => &mut p.inlines,
                None => return,
            },
        };
        if let Some(Inline::Image { target: t, .. }) = list.last_mut() {
            *t = target;
        }
    }

    fn push(&mut self, inline: Inline) {
        if let Some(link) = self.links.last_mut() {
            link.2.push(inline);
        } else if let Some(p) = &mut self.para {
            p.inlines.push(inline);
        }
    }

    fn end_paragraph(&mut self) {
        while !self.links.is_empty() {
            self.close_link();
        }
        let Some(para) = self.para.take() else { return };
        let Some(para) = self.keep_or_move_marks(para) else {
            return;
        };
        if let Some(cell) = self
            .tables
            .last_mut()
            .and_then(|t| t.rows.last_mut())
            .and_then(|r| r.last_mut())
        {
            cell.push(para);
            return;
        }
        self.push_block(Block::Para(para));
    }

    /// A paragraph holding only markers (one Word inserted whole, say, whose
    /// text the draft leaves out) is dropped, and its markers go to the end
    /// of the paragraph before, where the insertion then starts a new one.
    fn keep_or_move_marks(&mut self, para: Para) -> Option<Para> {
        let only_marks = |t: &str| t.chars().all(|c| c.is_whitespace() || is_marker(c));
        let blank = para
            .inlines
            .iter()
            .all(|i| matches!(i, Inline::Text(t, _) if only_marks(t)));
        let has_marks = para
            .inlines
            .iter()
            .any(|i| matches!(i, Inline::Text(t, _) if t.chars().any(is_marker)));
        let in_table = !self.tables.is_empty();
        let Some(Block::Para(before)) = self
            .doc
            .blocks
            .last_mut()
            .filter(|_| blank && has_marks && !in_table)
        else {
            return Some(para);
        };
        let moved: Vec<usize> = para
            .inlines
            .iter()
            .flat_map(|i| match i {
                Inline::Text(t, _) => t.chars().filter_map(marker_index).collect(),
                _ => Vec::new(),
            })
            .collect();
        before.inlines.extend(para.inlines);
        for (change, (start, _)) in self.doc.changes.iter_mut().zip(&self.doc.change_marks) {
            if change.kind == ChangeKind::Insertion && moved.contains(start) {
                change.text.insert_str(0, "\n\n");
            }
        }
        None
    }

    fn push_block(&mut self, block: Block) {
        // A table inside a table cell becomes that cell's text.
        if let Some(cell) = self
            .tables
            .last_mut()
            .and_then(|t| t.rows.last_mut())
            .and_then(|r| r.last_mut())
        {
            if let Block::Table(rows) = block {
                cell.extend(rows.into_iter().flatten().flatten());
            }
            return;
        }
        self.doc.blocks.push(block);
    }

    fn finish_notes(&mut self) {
        if self.pictures > 0 {
            self.doc.notes.push(format!(
                "{} embedded picture{} left as image links to the Word package's media (the pictures themselves are not copied)",
                self.pictures,
                if self.pictures == 1 { "" } else { "s" }
            ));
        }
        if self.footnotes > 0 {
            self.doc
                .notes
                .push(format!("{} footnote reference(s) left out", self.footnotes));
        }
    }
}
