//! The single parse every rule shares: pulldown-cmark events folded into
//! prose blocks (headings, paragraphs, list items, table cells) with their
//! plain text, words, sentences and a map back to byte offsets.

use crate::text::{self, Sentence};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use std::ops::Range;

/// The one place the Markdown dialect is chosen.
pub(crate) fn parser_options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_TASKLISTS
}

const BOM: &str = "\u{feff}";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum BlockKind {
    Heading(u8),
    Paragraph,
    /// Text directly in a tight list item.
    ListItem,
    TableCell,
}

/// A bold or italic span in a block's plain text.
#[derive(Clone, Debug)]
pub(crate) struct Styled {
    pub range: Range<usize>,
    pub strong: bool,
    /// The span opens a source line.
    pub line_start: bool,
}

/// A run of plain text copied from `src..src_end`; `exact` when the plain
/// text equals the source bytes (no escapes, entities or markup).
#[derive(Clone, Copy, Debug)]
struct Seg {
    plain: usize,
    src: usize,
    src_end: usize,
    exact: bool,
}

/// One leaf block of prose. Its text and tables are slices of the
/// document's [`Tables`], shared by all blocks.
#[derive(Clone, Debug)]
pub(crate) struct Block<'t> {
    pub kind: BlockKind,
    /// Byte range in the whole text.
    pub range: Range<usize>,
    /// The text without markup; soft breaks become spaces.
    pub plain: &'t str,
    segs: &'t [Seg],
    pub styled: &'t [Styled],
    /// Plain offsets where a source line starts, after the first (at 0):
    /// see [`Block::line_starts`].
    later_lines: &'t [usize],
    pub links: usize,
    /// Index into `Document::items` of the list item holding the block.
    pub item: Option<usize>,
    pub in_footnote: bool,
    pub words: &'t [Range<usize>],
    pub sentences: &'t [Sentence],
    pub quotations: &'t [Range<usize>],
}

/// Every block's plain text and tables, one after the other: a few large
/// buffers instead of seven small ones per block. Offsets inside are
/// relative to their block (its plain text, its words).
#[derive(Debug, Default)]
pub(crate) struct Tables {
    plain: String,
    segs: Vec<Seg>,
    styled: Vec<Styled>,
    later_lines: Vec<usize>,
    words: Vec<Range<usize>>,
    sentences: Vec<Sentence>,
    quotations: Vec<Range<usize>>,
}

impl Tables {
    /// Room for a draft of `len` bytes, from the corpus's proportions, so
    /// that each buffer is allocated about once.
    fn reserve(&mut self, len: usize) {
        self.plain.reserve(len);
        self.segs.reserve(len / 40 + 8);
        self.later_lines.reserve(len / 200 + 8);
        self.words.reserve(len / 5 + 8);
        self.sentences.reserve(len / 80 + 8);
    }

    /// Where each buffer ends now: where a new block's part starts.
    fn ends(&self) -> Parts {
        Parts {
            plain: self.plain.len(),
            segs: self.segs.len(),
            styled: self.styled.len(),
            later_lines: self.later_lines.len(),
            words: self.words.len(),
            sentences: self.sentences.len(),
            quotations: self.quotations.len(),
        }
    }

    /// Drops everything from `from` on (a block with no text).
    fn truncate(&mut self, from: &Parts) {
        self.plain.truncate(from.plain);
        self.segs.truncate(from.segs);
        self.styled.truncate(from.styled);
        self.later_lines.truncate(from.later_lines);
        self.words.truncate(from.words);
        self.sentences.truncate(from.sentences);
        self.quotations.truncate(from.quotations);
    }
}

/// Offsets into each of the [`Tables`] buffers.
#[derive(Clone, Copy, Debug, Default)]
struct Parts {
    plain: usize,
    segs: usize,
    styled: usize,
    later_lines: usize,
    words: usize,
    sentences: usize,
    quotations: usize,
}

/// A block being built, or built: its parts are `start..end` in the tables.
#[derive(Clone, Debug)]
struct RawBlock {
    kind: BlockKind,
    range: Range<usize>,
    start: Parts,
    end: Parts,
    links: usize,
    item: Option<usize>,
    in_footnote: bool,
}

impl RawBlock {
    fn to_block<'t>(&self, t: &'t Tables) -> Block<'t> {
        let (s, e) = (&self.start, &self.end);
        Block {
            kind: self.kind,
            range: self.range.clone(),
            plain: &t.plain[s.plain..e.plain],
            segs: &t.segs[s.segs..e.segs],
            styled: &t.styled[s.styled..e.styled],
            later_lines: &t.later_lines[s.later_lines..e.later_lines],
            links: self.links,
            item: self.item,
            in_footnote: self.in_footnote,
            words: &t.words[s.words..e.words],
            sentences: &t.sentences[s.sentences..e.sentences],
            quotations: &t.quotations[s.quotations..e.quotations],
        }
    }
}

impl Block<'_> {
    pub fn is_heading(&self) -> bool {
        matches!(self.kind, BlockKind::Heading(_))
    }

    pub fn level(&self) -> Option<u8> {
        match self.kind {
            BlockKind::Heading(l) => Some(l),
            _ => None,
        }
    }

    /// Running prose: paragraphs and list items (not headings or tables).
    pub fn is_prose(&self) -> bool {
        matches!(self.kind, BlockKind::Paragraph | BlockKind::ListItem) && !self.in_footnote
    }

    /// Plain offsets where a source line starts.
    pub fn line_starts(&self) -> impl Iterator<Item = usize> + '_ {
        std::iter::once(0).chain(self.later_lines.iter().copied())
    }

    pub fn word(&self, i: usize) -> &str {
        &self.plain[self.words[i].clone()]
    }

    /// Maps a plain-text range to a byte range in the whole text.
    pub fn src(&self, plain: Range<usize>) -> Range<usize> {
        let start = self.map_start(plain.start);
        let end = self.map_end(plain.end).max(start);
        start..end
    }

    fn seg_at(&self, p: usize) -> Option<&Seg> {
        let i = self.segs.partition_point(|s| s.plain <= p);
        i.checked_sub(1).map(|i| &self.segs[i])
    }

    fn map_start(&self, p: usize) -> usize {
        if p >= self.plain.len() {
            return self.range.end;
        }
        match self.seg_at(p) {
            Some(s) if s.exact => (s.src + (p - s.plain)).min(s.src_end),
            Some(s) => s.src,
            None => self.range.start,
        }
    }

    fn map_end(&self, p: usize) -> usize {
        if p == 0 {
            return self.map_start(0);
        }
        match self.seg_at(p - 1) {
            Some(s) if s.exact => (s.src + (p - s.plain)).min(s.src_end),
            Some(s) => s.src_end,
            None => self.range.end,
        }
    }

    /// True when the plain range maps to source bytes one for one, so a fix
    /// can replace it safely.
    pub fn is_exact(&self, plain: Range<usize>) -> bool {
        match self.seg_at(plain.start) {
            Some(s) => s.exact && plain.end <= s.plain + (s.src_end - s.src) && plain.start >= s.plain,
            None => false,
        }
    }

    /// The whole block is one bold or italic span (an emphasised line).
    pub fn is_emphasised(&self) -> bool {
        let trimmed = self.plain.trim();
        !trimmed.is_empty()
            && self
                .styled
                .iter()
                .any(|s| self.plain[s.range.clone()].trim().len() >= trimmed.len())
    }
}

/// A list item, for counting steps.
#[derive(Clone, Debug)]
pub(crate) struct Item {
    pub list: usize,
    pub depth: usize,
}

/// Keys read from YAML front matter.
#[derive(Clone, Debug, Default)]
pub(crate) struct FrontMatter {
    pub product: Vec<String>,
    pub company: Vec<String>,
    pub customer: Vec<String>,
    /// `language:` (or `lang:`), lowercased.
    pub language: Option<String>,
    /// `dialect:` (american, british, canadian, australian), lowercased.
    pub dialect: Option<String>,
}

/// The parsed draft.
pub(crate) struct Document<'t> {
    pub text: &'t str,
    pub blocks: Vec<Block<'t>>,
    pub items: Vec<Item>,
    /// Ranges of raw HTML (where inline comments live).
    pub html: Vec<Range<usize>>,
    pub front: FrontMatter,
}

impl<'t> Document<'t> {
    /// Parses `text`, filling `tables` (empty) with what its blocks hold.
    pub fn parse(text: &'t str, tables: &'t mut Tables) -> Document<'t> {
        let base = if text.starts_with(BOM) { BOM.len() } else { 0 };
        let mut b = Builder::new(&text[base..], base, std::mem::take(tables));
        // About one block per 150 bytes of prose: one allocation for most drafts.
        b.blocks.reserve(text.len() / 150 + 8);
        b.tables.reserve(text.len());
        for (event, range) in Parser::new_ext(&text[base..], parser_options()).into_offset_iter() {
            b.event(event, range.start + base..range.end + base);
        }
        b.close_implicit();
        *tables = b.tables;
        let tables: &'t Tables = tables;
        Document {
            text,
            blocks: b.blocks.iter().map(|raw| raw.to_block(tables)).collect(),
            items: b.items,
            html: b.html,
            front: parse_front_matter(&b.meta),
        }
    }
}

/// The bare parse the lint starts from: the benchmark's floor.
pub fn parse_only(text: &str) -> usize {
    Parser::new_ext(text, parser_options()).into_offset_iter().count()
}

struct Builder<'a> {
    src: &'a str,
    base: usize,
    tables: Tables,
    blocks: Vec<RawBlock>,
    items: Vec<Item>,
    html: Vec<Range<usize>>,
    meta: String,
    cur: Option<RawBlock>,
    implicit: bool,
    last_end: usize,
    at_line_start: bool,
    styled_stack: Vec<(usize, bool, bool)>,
    item_stack: Vec<usize>,
    list_stack: Vec<usize>,
    lists: usize,
    footnotes: usize,
    in_code: bool,
    in_meta: bool,
}

impl<'a> Builder<'a> {
    fn new(src: &'a str, base: usize, tables: Tables) -> Self {
        Builder {
            src,
            base,
            tables,
            blocks: Vec::new(),
            items: Vec::new(),
            html: Vec::new(),
            meta: String::new(),
            cur: None,
            implicit: false,
            last_end: 0,
            at_line_start: true,
            styled_stack: Vec::new(),
            item_stack: Vec::new(),
            list_stack: Vec::new(),
            lists: 0,
            footnotes: 0,
            in_code: false,
            in_meta: false,
        }
    }

    /// The length of the open block's plain text so far.
    fn plain_len(&self) -> Option<usize> {
        self.cur.as_ref().map(|b| self.tables.plain.len() - b.start.plain)
    }

    fn event(&mut self, event: Event<'_>, r: Range<usize>) {
        match event {
            Event::Start(tag) => self.start(tag, r),
            Event::End(tag) => self.end(tag, r),
            Event::Text(t) if self.in_meta => self.meta.push_str(&t),
            Event::Text(_) if self.in_code => {}
            Event::Text(t) => {
                let exact = self.is_source(&t, r.clone());
                self.append(&t, r, exact);
            }
            Event::Code(_) => self.append("code", r, false),
            Event::SoftBreak | Event::HardBreak if self.cur.is_some() => {
                self.append(" ", r, false);
                self.at_line_start = true;
            }
            Event::InlineHtml(_) => self.html.push(r),
            Event::Html(_) => {}
            Event::Rule => self.close_implicit(),
            _ => {}
        }
    }

    /// Whether a text event is the source bytes of its range, unchanged:
    /// most are borrowed from the source right there, which decides it
    /// without comparing bytes.
    fn is_source(&self, t: &str, r: Range<usize>) -> bool {
        let Some(src) = self.src.get(r.start - self.base..r.end - self.base) else {
            return false;
        };
        std::ptr::eq(src, t) || src == t
    }

    fn start(&mut self, tag: Tag<'_>, r: Range<usize>) {
        match tag {
            Tag::Paragraph => self.open(BlockKind::Paragraph, r.start, false),
            Tag::Heading { level, .. } => self.open(BlockKind::Heading(level as u8), r.start, false),
            Tag::TableCell => self.open(BlockKind::TableCell, r.start, false),
            Tag::Item => {
                self.close_implicit();
                self.items.push(Item {
                    list: self.list_stack.last().copied().unwrap_or(0),
                    depth: self.list_stack.len(),
                });
                self.item_stack.push(self.items.len() - 1);
            }
            Tag::List(_) => {
                self.close_implicit();
                self.lists += 1;
                self.list_stack.push(self.lists);
            }
            Tag::CodeBlock(_) => {
                self.close_implicit();
                self.in_code = true;
            }
            Tag::HtmlBlock => {
                self.close_implicit();
                self.html.push(r);
            }
            Tag::FootnoteDefinition(_) => {
                self.close_implicit();
                self.footnotes += 1;
            }
            Tag::MetadataBlock(_) => self.in_meta = true,
            Tag::Strong | Tag::Emphasis => {
                self.ensure_open(r.start);
                let plain = self.plain_len().unwrap_or(0);
                self.styled_stack
                    .push((plain, matches!(tag, Tag::Strong), self.at_line_start));
            }
            Tag::Link { .. } => {
                self.ensure_open(r.start);
                if let Some(b) = self.cur.as_mut() {
                    b.links += 1;
                }
            }
            Tag::Image { .. } | Tag::Strikethrough => self.ensure_open(r.start),
            _ => self.close_implicit(),
        }
    }

    fn end(&mut self, tag: TagEnd, r: Range<usize>) {
        match tag {
            TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::TableCell => self.close(r.end),
            TagEnd::Item => {
                self.close_implicit();
                self.item_stack.pop();
            }
            TagEnd::List(_) => {
                self.close_implicit();
                self.list_stack.pop();
            }
            TagEnd::CodeBlock => self.in_code = false,
            TagEnd::FootnoteDefinition => {
                self.close_implicit();
                self.footnotes = self.footnotes.saturating_sub(1);
            }
            TagEnd::MetadataBlock(_) => self.in_meta = false,
            TagEnd::Strong | TagEnd::Emphasis => {
                if let (Some((start, strong, line_start)), Some(end)) =
                    (self.styled_stack.pop(), self.plain_len())
                {
                    if start <= end {
                        self.tables.styled.push(Styled {
                            range: start..end,
                            strong,
                            line_start,
                        });
                    }
                }
            }
            TagEnd::HtmlBlock | TagEnd::Link | TagEnd::Image | TagEnd::Strikethrough => {}
            _ => self.close_implicit(),
        }
    }

    fn open(&mut self, kind: BlockKind, start: usize, implicit: bool) {
        self.close_implicit();
        if self.cur.is_some() {
            let end = self.last_end;
            self.close(end);
        }
        self.implicit = implicit;
        self.at_line_start = true;
        self.styled_stack.clear();
        self.last_end = start;
        let parts = self.tables.ends();
        self.cur = Some(RawBlock {
            kind,
            range: start..start,
            start: parts,
            end: parts,
            links: 0,
            item: self.item_stack.last().copied(),
            in_footnote: self.footnotes > 0,
        });
    }

    fn ensure_open(&mut self, at: usize) {
        if self.cur.is_none() {
            let kind = if self.item_stack.is_empty() {
                BlockKind::Paragraph
            } else {
                BlockKind::ListItem
            };
            self.open(kind, at, true);
        }
    }

    fn append(&mut self, s: &str, r: Range<usize>, exact: bool) {
        self.ensure_open(r.start);
        let Some(len) = self.plain_len() else { return };
        let t = &mut self.tables;
        if self.at_line_start && !s.trim().is_empty() && len > 0 {
            t.later_lines.push(len);
        }
        t.segs.push(Seg {
            plain: len,
            src: r.start,
            src_end: r.end,
            exact,
        });
        t.plain.push_str(s);
        if !s.trim().is_empty() {
            self.at_line_start = false;
        }
        self.last_end = self.last_end.max(r.end);
    }

    fn close_implicit(&mut self) {
        if self.implicit && self.cur.is_some() {
            let end = self.last_end;
            self.close(end);
        }
    }

    /// Ends the open block: splits its words, sentences and quotations into
    /// the tables, and keeps it if it has any text.
    fn close(&mut self, end: usize) {
        let Some(mut b) = self.cur.take() else { return };
        self.implicit = false;
        b.range.end = end.max(b.range.start);
        let t = &mut self.tables;
        let plain = &t.plain[b.start.plain..];
        if plain.trim().is_empty() {
            t.truncate(&b.start);
            return;
        }
        text::words_into(plain, &mut t.words);
        text::sentences_into(plain, &t.words[b.start.words..], &mut t.sentences);
        text::quotations_into(plain, &mut t.quotations);
        b.end = t.ends();
        self.blocks.push(b);
    }
}

/// Reads `product:`, `company:` and `customer:` from YAML front matter:
/// a string, a `[a, b]` list or a `- item` list.
fn parse_front_matter(yaml: &str) -> FrontMatter {
    let mut fm = FrontMatter::default();
    let mut current: Option<&str> = None;
    for line in yaml.lines() {
        let trimmed = line.trim();
        if let Some(item) = trimmed.strip_prefix("- ") {
            if let Some(key) = current {
                push_value(&mut fm, key, item);
            }
            continue;
        }
        current = None;
        let Some((key, value)) = trimmed.split_once(':') else {
            continue;
        };
        let key = key.trim();
        if matches!(key, "language" | "lang") {
            let code = value.trim().trim_matches(['"', '\'']).trim().to_lowercase();
            fm.language = (!code.is_empty()).then_some(code);
            continue;
        }
        if key == "dialect" {
            let name = value.trim().trim_matches(['"', '\'']).trim().to_lowercase();
            fm.dialect = (!name.is_empty()).then_some(name);
            continue;
        }
        if !matches!(key, "product" | "products" | "company" | "customer" | "customers") {
            continue;
        }
        let value = value.trim();
        if value.is_empty() {
            current = Some(key);
        } else if let Some(list) = value.strip_prefix('[').and_then(|v| v.strip_suffix(']')) {
            list.split(',').for_each(|v| push_value(&mut fm, key, v));
        } else {
            push_value(&mut fm, key, value);
        }
    }
    fm
}

fn push_value(fm: &mut FrontMatter, key: &str, value: &str) {
    let value = value.trim().trim_matches(['"', '\'']).trim();
    if value.is_empty() {
        return;
    }
    let list = match key {
        "product" | "products" => &mut fm.product,
        "company" => &mut fm.company,
        _ => &mut fm.customer,
    };
    list.push(value.to_string());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_carry_plain_text_and_map_back_to_source() {
        let text = "# Big **news**\n\nIt is *very* good &amp; fast.\n";
        let mut tables = Tables::default();
        let doc = Document::parse(text, &mut tables);
        assert_eq!(doc.blocks.len(), 2);
        assert_eq!(doc.blocks[0].plain, "Big news");
        let p = &doc.blocks[1];
        assert_eq!(p.plain, "It is very good & fast.");
        let very = p.plain.find("very").unwrap();
        assert_eq!(&text[p.src(very..very + 4)], "very");
        assert!(p.is_exact(very..very + 4));
        let amp = p.plain.find('&').unwrap();
        assert!(!p.is_exact(amp..amp + 1));
    }

    #[test]
    fn tight_list_items_become_blocks() {
        let mut tables = Tables::default();
        let doc = Document::parse("1. Open the app\n2. Tap **Go**\n", &mut tables);
        let kinds: Vec<_> = doc.blocks.iter().map(|b| (b.kind, b.plain)).collect();
        assert_eq!(
            kinds,
            [
                (BlockKind::ListItem, "Open the app"),
                (BlockKind::ListItem, "Tap Go")
            ]
        );
        assert_eq!(doc.items.len(), 2);
    }

    #[test]
    fn front_matter_and_bom_are_handled() {
        let text = "\u{feff}---\nproduct: [PocketCell, Cell]\ncompany: Lumen\n---\n# Title here now\n";
        let mut tables = Tables::default();
        let doc = Document::parse(text, &mut tables);
        assert_eq!(doc.front.product, ["PocketCell", "Cell"]);
        assert_eq!(doc.front.company, ["Lumen"]);
        let h = &doc.blocks[0];
        assert_eq!(h.kind, BlockKind::Heading(1));
        assert_eq!(&text[h.src(0..5)], "Title");
    }

    #[test]
    fn bold_question_lines_are_marked_as_line_starts() {
        let mut tables = Tables::default();
        let doc = Document::parse("**Why?**\nBecause.\n**How?** Like this.\n", &mut tables);
        let b = &doc.blocks[0];
        let starts: Vec<bool> = b.styled.iter().map(|s| s.line_start).collect();
        assert_eq!(starts, [true, true]);
        assert_eq!(b.line_starts().count(), 3);
    }
}
