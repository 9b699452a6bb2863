//! Blocks to Markdown: pulldown-cmark events written by
//! pulldown-cmark-to-cmark with the Markdown export's options, then
//! normalised by the Markdown export itself, so an imported draft reads like
//! any other Dateline draft.

use pulldown_cmark::{Alignment, CodeBlockKind, CowStr, Event, HeadingLevel, LinkType, Tag, TagEnd};

use super::document::{Block, Inline, Para, RunFormat};
use super::marks::is_marker;
use super::parts::{Core, Numbering, StyleKind};

pub(crate) fn write(blocks: &[Block], numbering: &Numbering, core: &Core) -> String {
    let mut events: Vec<Event<'static>> = Vec::new();
    let mut lists = ListStack::default();
    let mut i = 0;
    while i < blocks.len() {
        match &blocks[i] {
            Block::Table(rows) => {
                lists.close_all(&mut events);
                table(&mut events, rows);
                i += 1;
            }
            Block::Para(p) if is_list(p) && p.kind != Some(StyleKind::Quote) => {
                lists.item(&mut events, p, numbering);
                i += 1;
            }
            Block::Para(p) if !lists.is_empty() && p.kind.is_none() && is_blank(p) => i += 1,
            Block::Para(_) => {
                lists.close_all(&mut events);
                i = run_of_blocks(&mut events, blocks, i, numbering);
            }
        }
    }
    lists.close_all(&mut events);
    let mut body = String::new();
    let _ = pulldown_cmark_to_cmark::cmark_with_options(
        events.iter(),
        &mut body,
        crate::markdown::cmark_options(),
    );
    let front = front_matter(core, blocks);
    let text = format!("{front}{body}\n");
    crate::markdown::export_markdown(&text, &Default::default())
}

fn is_list(p: &Para) -> bool {
    p.list
        .as_ref()
        .is_some_and(|(num, _)| !num.is_empty() && num != "0")
}

fn is_blank(p: &Para) -> bool {
    p.inlines
        .iter()
        .all(|i| matches!(i, Inline::Text(t, _) if t.trim().is_empty()))
}

/// Writes the paragraph at `i`, or the run of quote or code paragraphs that
/// starts there; returns the index after it.
fn run_of_blocks(
    events: &mut Vec<Event<'static>>,
    blocks: &[Block],
    i: usize,
    numbering: &Numbering,
) -> usize {
    let Block::Para(first) = &blocks[i] else {
        return i + 1;
    };
    let kind = first.kind;
    let quote = kind == Some(StyleKind::Quote);
    let run_end = blocks[i..]
        .iter()
        .position(|b| !matches!(b, Block::Para(p) if p.kind == kind && (quote || !is_list(p))))
        .map_or(blocks.len(), |n| i + n);
    let paras = blocks[i..run_end].iter().filter_map(|b| match b {
        Block::Para(p) => Some(p),
        Block::Table(_) => None,
    });
    match kind {
        Some(StyleKind::Quote) => {
            events.push(Event::Start(Tag::BlockQuote(None)));
            let mut lists = ListStack::default();
            for p in paras.filter(|p| !is_blank(p)) {
                if is_list(p) {
                    lists.item(events, p, numbering);
                } else {
                    lists.close_all(events);
                    paragraph(events, p);
                }
            }
            lists.close_all(events);
            events.push(Event::End(TagEnd::BlockQuote(None)));
            run_end
        }
        Some(StyleKind::Code) => {
            let code: Vec<String> = paras.map(plain).collect();
            events.push(Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced("".into()))));
            events.push(Event::Text(format!("{}\n", code.join("\n")).into()));
            events.push(Event::End(TagEnd::CodeBlock));
            run_end
        }
        Some(StyleKind::Rule) => {
            events.push(Event::Rule);
            i + 1
        }
        Some(StyleKind::Title) => {
            heading(events, first, 1);
            i + 1
        }
        Some(StyleKind::Heading(n)) => {
            heading(events, first, n);
            i + 1
        }
        _ => {
            if let Some((name, rest)) = footnote_definition(first) {
                events.push(Event::Start(Tag::FootnoteDefinition(name.clone().into())));
                paragraph(events, &rest);
                events.push(Event::End(TagEnd::FootnoteDefinition));
            } else if !is_blank(first) {
                paragraph(events, first);
            }
            i + 1
        }
    }
}

/// The export writes a footnote as its text, `[^name]: ...` (Word
/// footnotes are not written yet); that reads back as a footnote.
fn footnote_definition(p: &Para) -> Option<(String, Para)> {
    let Some(Inline::Text(first, format)) = p.inlines.first() else {
        return None;
    };
    let rest = first.strip_prefix("[^")?;
    let (name, after) = rest.split_once("]: ")?;
    if name.is_empty() || !name.chars().all(is_footnote_name_char) {
        return None;
    }
    let mut inlines = p.inlines.clone();
    inlines[0] = Inline::Text(after.to_string(), *format);
    Some((name.to_string(), Para { inlines, ..p.clone() }))
}

fn is_footnote_name_char(c: char) -> bool {
    c.is_alphanumeric() || c == '-' || c == '_'
}

fn heading(events: &mut Vec<Event<'static>>, p: &Para, level: u8) {
    if is_blank(p) {
        return;
    }
    let level = HeadingLevel::try_from(level as usize).unwrap_or(HeadingLevel::H6);
    events.push(Event::Start(Tag::Heading {
        level,
        id: None,
        classes: vec![],
        attrs: vec![],
    }));
    inlines(events, &p.inlines);
    events.push(Event::End(TagEnd::Heading(level)));
}

fn paragraph(events: &mut Vec<Event<'static>>, p: &Para) {
    events.push(Event::Start(Tag::Paragraph));
    inlines(events, &p.inlines);
    events.push(Event::End(TagEnd::Paragraph));
}

/// Open lists, outermost first: (numId, level, ordered).
#[derive(Default)]
struct ListStack(Vec<(String, u8, bool)>);

impl ListStack {
    fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    fn item(&mut self, events: &mut Vec<Event<'static>>, p: &Para, numbering: &Numbering) {
        let (num, level) = p.list.clone().unwrap_or_default();
        let (ordered, start) = numbering.level(&num, level);
        while self.0.last().is_some_and(|(_, l, _)| *l > level) {
            self.close_one(events);
        }
        match self.0.last() {
            Some((n, l, o)) if *l == level && (*n == num || *o == ordered && !ordered) => {
                events.push(Event::End(TagEnd::Item));
            }
            Some((_, l, _)) if *l == level => {
                self.close_one(events);
                self.open(events, num, level, ordered.then_some(start));
            }
            _ => self.open(events, num, level, ordered.then_some(start)),
        }
        events.push(Event::Start(Tag::Item));
        inlines(events, &p.inlines);
    }

    fn open(&mut self, events: &mut Vec<Event<'static>>, num: String, level: u8, start: Option<u64>) {
        events.push(Event::Start(Tag::List(start)));
        self.0.push((num, level, start.is_some()));
    }

    fn close_one(&mut self, events: &mut Vec<Event<'static>>) {
        if let Some((_, _, ordered)) = self.0.pop() {
            events.push(Event::End(TagEnd::Item));
            events.push(Event::End(TagEnd::List(ordered)));
        }
    }

    fn close_all(&mut self, events: &mut Vec<Event<'static>>) {
        while !self.0.is_empty() {
            self.close_one(events);
        }
    }
}

fn table(events: &mut Vec<Event<'static>>, rows: &[Vec<Vec<Para>>]) {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    if columns == 0 {
        return;
    }
    let alignments: Vec<Alignment> = (0..columns)
        .map(|c| {
            let align = rows
                .first()
                .and_then(|r| r.get(c))
                .and_then(|cell| cell.first()?.align.clone());
            match align.as_deref() {
                Some("center") => Alignment::Center,
                Some("right") => Alignment::Right,
                _ => Alignment::None,
            }
        })
        .collect();
    events.push(Event::Start(Tag::Table(alignments)));
    for (r, row) in rows.iter().enumerate() {
        events.push(Event::Start(if r == 0 { Tag::TableHead } else { Tag::TableRow }));
        for c in 0..columns {
            events.push(Event::Start(Tag::TableCell));
            for (k, p) in row.get(c).map_or(&[][..], Vec::as_slice).iter().enumerate() {
                if k > 0 {
                    events.push(Event::Text(" ".into()));
                }
                inlines(events, &p.inlines);
            }
            events.push(Event::End(TagEnd::TableCell));
        }
        events.push(Event::End(if r == 0 {
            TagEnd::TableHead
        } else {
            TagEnd::TableRow
        }));
    }
    events.push(Event::End(TagEnd::Table));
}

/// Runs as Markdown inline events: runs of the same format merged,
/// emphasis opened outermost-first and spaces kept outside it (`**a **b`
/// would not be bold in Markdown).
fn inlines(events: &mut Vec<Event<'static>>, items: &[Inline]) {
    let mut pending: Option<(String, RunFormat)> = None;
    for item in items {
        match item {
            Inline::Text(text, format) => match &mut pending {
                // A marker joins the text before it, whatever its format.
                Some((t, f)) if f == format || text.chars().all(is_marker) => t.push_str(text),
                _ => {
                    flush(events, pending.take());
                    pending = Some((text.clone(), *format));
                }
            },
            other => {
                flush(events, pending.take());
                non_text(events, other);
            }
        }
    }
    flush(events, pending);
}

fn non_text(events: &mut Vec<Event<'static>>, item: &Inline) {
    match item {
        Inline::Break => events.push(Event::HardBreak),
        Inline::Image { alt, target } => image(events, alt, target),
        Inline::Link {
            url,
            image: true,
            children,
        } => {
            let text = plain_inlines(children);
            let alt = if text == *url { String::new() } else { text };
            image(events, &alt, url);
        }
        Inline::Link { url, children, .. } => {
            let text = plain_inlines(children);
            let auto = text == *url && url.contains("://");
            let link_type = if auto {
                LinkType::Autolink
            } else {
                LinkType::Inline
            };
            events.push(Event::Start(Tag::Link {
                link_type,
                dest_url: url.clone().into(),
                title: "".into(),
                id: "".into(),
            }));
            inlines(events, children);
            events.push(Event::End(TagEnd::Link));
        }
        Inline::Text(..) => {}
    }
}

fn image(events: &mut Vec<Event<'static>>, alt: &str, url: &str) {
    events.push(Event::Start(Tag::Image {
        link_type: LinkType::Inline,
        dest_url: url.to_string().into(),
        title: "".into(),
        id: "".into(),
    }));
    literal(events, alt);
    events.push(Event::End(TagEnd::Image));
}

fn flush(events: &mut Vec<Event<'static>>, pending: Option<(String, RunFormat)>) {
    let Some((text, format)) = pending else { return };
    if format.code {
        let core = text.trim_matches(is_marker);
        if core.is_empty() {
            literal(events, &text);
            return;
        }
        literal(
            events,
            &text[..text.len() - text.trim_start_matches(is_marker).len()],
        );
        events.push(Event::Code(core.to_string().into()));
        literal(events, &text[text.trim_end_matches(is_marker).len()..]);
        return;
    }
    // Markers at the edges stay outside the emphasis, as spaces do.
    let edge = |c: char| c.is_whitespace() || is_marker(c);
    let core = text.trim_matches(edge);
    if core.is_empty() || format == RunFormat::default() {
        literal(events, &text);
        return;
    }
    let lead = &text[..text.len() - text.trim_start_matches(edge).len()];
    let trail = &text[text.trim_end_matches(edge).len()..];
    literal(events, lead);
    let tags: Vec<(Tag<'static>, TagEnd)> = [
        (format.bold, Tag::Strong, TagEnd::Strong),
        (format.italic, Tag::Emphasis, TagEnd::Emphasis),
        (format.strike, Tag::Strikethrough, TagEnd::Strikethrough),
    ]
    .into_iter()
    .filter(|(on, _, _)| *on)
    .map(|(_, open, close)| (open, close))
    .collect();
    tags.iter()
        .for_each(|(open, _)| events.push(Event::Start(open.clone())));
    literal(events, core);
    tags.iter()
        .rev()
        .for_each(|(_, close)| events.push(Event::End(*close)));
    literal(events, trail);
}

/// Text as literal Markdown: pulldown-cmark-to-cmark escapes the first
/// character of a text event, so every character Markdown could read as
/// syntax starts an event of its own.
fn literal(events: &mut Vec<Event<'static>>, text: &str) {
    let mut rest = text;
    while let Some(start) = rest.find("[^") {
        let name_len = rest[start + 2..].find(|c: char| !is_footnote_name_char(c));
        match name_len {
            Some(n) if n > 0 && rest[start + 2 + n..].starts_with(']') => {
                escaped(events, &rest[..start]);
                events.push(Event::FootnoteReference(
                    rest[start + 2..start + 2 + n].to_string().into(),
                ));
                rest = &rest[start + 3 + n..];
            }
            _ => {
                escaped(events, &rest[..start + 2]);
                rest = &rest[start + 2..];
            }
        }
    }
    escaped(events, rest);
}

fn escaped(events: &mut Vec<Event<'static>>, text: &str) {
    const SPECIAL: &[char] = &['#', '\\', '_', '*', '<', '>', '`', '|', '[', ']', '!', '~'];
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if i > start && SPECIAL.contains(&c) {
            events.push(Event::Text(CowStr::from(text[start..i].to_string())));
            start = i;
        }
    }
    if start < text.len() {
        events.push(Event::Text(CowStr::from(text[start..].to_string())));
    }
}

fn plain(p: &Para) -> String {
    plain_inlines(&p.inlines)
}

fn plain_inlines(items: &[Inline]) -> String {
    let mut out = String::new();
    for item in items {
        match item {
            Inline::Text(t, _) => out.push_str(t),
            Inline::Break => out.push('\n'),
            Inline::Link { children, .. } => out.push_str(&plain_inlines(children)),
            Inline::Image { alt, .. } => out.push_str(alt),
        }
    }
    out
}

/// Front matter for what the properties say that the text does not: a
/// title other than the first heading, and the author.
fn front_matter(core: &Core, blocks: &[Block]) -> String {
    let first_heading = blocks.iter().find_map(|b| match b {
        Block::Para(p) if matches!(p.kind, Some(StyleKind::Title | StyleKind::Heading(_))) => {
            Some(plain(p).replace(is_marker, ""))
        }
        _ => None,
    });
    let title = core.title.as_ref().filter(|t| {
        first_heading.as_deref().map(str::trim) != Some(t.trim()) && t.as_str() != "Untitled draft"
    });
    if title.is_none() && core.author.is_none() {
        return String::new();
    }
    let mut out = String::from("---\n");
    if let Some(title) = title {
        out.push_str(&format!("title: {}\n", yaml_string(title)));
    }
    if let Some(author) = &core.author {
        out.push_str(&format!("author: {}\n", yaml_string(author)));
    }
    out.push_str("---\n\n");
    out
}

fn yaml_string(value: &str) -> String {
    let escaped: String = value
        .chars()
        .filter(|c| !c.is_control())
        .flat_map(|c| match c {
            '"' => vec!['\\', '"'],
            '\\' => vec!['\\', '\\'],
            c => vec![c],
        })
        .collect();
    format!("\"{escaped}\"")
}
