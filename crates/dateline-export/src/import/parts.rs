//! The small parts around the document: relationships (link targets),
//! styles (which paragraph style is a heading, a quote...), numbering
//! (bullets or numbers), comments and the core properties.

use std::collections::HashMap;

use quick_xml::events::Event;
use quick_xml::Reader;

use super::xml::{attr, local, reference};
use super::ImportedComment;

/// Relationship id to target.
pub(crate) fn relationships(xml: &str) -> HashMap<String, String> {
    let mut out = HashMap::new();
    each_start(xml, |name, e| {
        if name == b"Relationship" {
            if let (Some(id), Some(target)) = (attr(e, b"Id"), attr(e, b"Target")) {
                out.insert(id, target);
            }
        }
    });
    out
}

/// What a paragraph or character style means to the import.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum StyleKind {
    Title,
    Heading(u8),
    Quote,
    Code,
    Rule,
    CodeChar,
    ImageLink,
}

/// Style id to kind, judged by the style's name (ids are localised in some
/// Word versions; names of built-in styles are not).
pub(crate) fn styles(xml: &str) -> HashMap<String, StyleKind> {
    let mut out = HashMap::new();
    let mut current: Option<String> = None;
    let mut outline: Option<u8> = None;
    each_event(xml, |event, e| match (event, local(e.name().as_ref())) {
        (Open, b"style") => {
            current = attr(e, b"styleId");
            outline = None;
        }
        (_, b"outlineLvl") => outline = attr(e, b"val").and_then(|v| v.parse().ok()),
        (_, b"name") => {
            if let (Some(id), Some(name)) = (&current, attr(e, b"val")) {
                if let Some(kind) = kind_of(&name.to_ascii_lowercase(), outline) {
                    out.insert(id.clone(), kind);
                }
            }
        }
        _ => {}
    });
    // Ids Word itself uses, for documents without a styles part.
    for (id, kind) in [("Title", StyleKind::Title), ("Quote", StyleKind::Quote)] {
        out.entry(id.to_string()).or_insert(kind);
    }
    for n in 1..=6u8 {
        out.entry(format!("Heading{n}")).or_insert(StyleKind::Heading(n));
    }
    out
}

fn kind_of(name: &str, _outline: Option<u8>) -> Option<StyleKind> {
    if let Some(n) = name
        .strip_prefix("heading ")
        .and_then(|n| n.trim().parse::<u8>().ok())
    {
        return Some(StyleKind::Heading(n.clamp(1, 6)));
    }
    Some(match name {
        "title" => StyleKind::Title,
        "quote" | "intense quote" | "block text" => StyleKind::Quote,
        "source code" | "html preformatted" | "plain text" => StyleKind::Code,
        "verbatim char" | "html code" => StyleKind::CodeChar,
        "dateline rule" => StyleKind::Rule,
        "dateline image link" => StyleKind::ImageLink,
        _ => return None,
    })
}

/// Numbering: for each (numId, level), whether it is ordered and its start.
#[derive(Debug, Default)]
pub(crate) struct Numbering {
    /// numId to abstractNumId, and the start overrides by level.
    nums: HashMap<String, (String, HashMap<u8, u64>)>,
    /// (abstractNumId, level) to (ordered, start).
    levels: HashMap<(String, u8), (bool, u64)>,
}

impl Numbering {
    pub(crate) fn level(&self, num_id: &str, level: u8) -> (bool, u64) {
        let Some((abstract_id, overrides)) = self.nums.get(num_id) else {
            return (false, 1);
        };
        let (ordered, start) = self
            .levels
            .get(&(abstract_id.clone(), level))
            .copied()
            .unwrap_or((false, 1));
        (ordered, overrides.get(&level).copied().unwrap_or(start))
    }
}

pub(crate) fn numbering(xml: &str) -> Numbering {
    let mut out = Numbering::default();
    let (mut abstract_id, mut num_id) = (None::<String>, None::<String>);
    let mut level: u8 = 0;
    each_event(xml, |event, e| match (event, local(e.name().as_ref())) {
        (Open, b"abstractNum") => abstract_id = attr(e, b"abstractNumId"),
        (Open, b"num") => {
            num_id = attr(e, b"numId");
            abstract_id = None;
        }
        (_, b"abstractNumId") => {
            if let (Some(num), Some(target)) = (&num_id, attr(e, b"val")) {
                out.nums.entry(num.clone()).or_default().0 = target;
            }
        }
        (Open, b"lvl" | b"lvlOverride") => level = attr(e, b"ilvl").and_then(|v| v.parse().ok()).unwrap_or(0),
        (_, b"numFmt") => {
            if let Some(a) = &abstract_id {
                let ordered = !matches!(attr(e, b"val").as_deref(), Some("bullet" | "none"));
                out.levels.entry((a.clone(), level)).or_insert((false, 1)).0 = ordered;
            }
        }
        (_, b"start") => {
            if let (Some(a), Some(start)) = (&abstract_id, attr(e, b"val").and_then(|v| v.parse().ok())) {
                out.levels.entry((a.clone(), level)).or_insert((false, 1)).1 = start;
            }
        }
        (_, b"startOverride") => {
            if let (Some(num), Some(start)) = (&num_id, attr(e, b"val").and_then(|v| v.parse().ok())) {
                out.nums.entry(num.clone()).or_default().1.insert(level, start);
            }
        }
        _ => {}
    });
    out
}

/// A comment as stored, with the paragraph id replies are threaded by.
#[derive(Debug, Default)]
pub(crate) struct RawComment {
    pub comment: ImportedComment,
    pub para_id: String,
    pub reply_to_para: Option<String>,
}

impl std::ops::Deref for RawComment {
    type Target = ImportedComment;
    fn deref(&self) -> &ImportedComment {
        &self.comment
    }
}

impl std::ops::DerefMut for RawComment {
    fn deref_mut(&mut self) -> &mut ImportedComment {
        &mut self.comment
    }
}

pub(crate) fn comments(xml: &str) -> Vec<RawComment> {
    let mut out: Vec<RawComment> = Vec::new();
    let mut reader = Reader::from_str(xml);
    let mut in_text = false;
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) | Ok(Event::Empty(e)) => match local(e.name().as_ref()) {
                b"comment" => out.push(RawComment {
                    comment: ImportedComment {
                        id: attr(&e, b"id").unwrap_or_default(),
                        author: attr(&e, b"author").unwrap_or_default(),
                        date: attr(&e, b"date"),
                        ..Default::default()
                    },
                    ..Default::default()
                }),
                b"p" => {
                    if let Some(c) = out.last_mut() {
                        if !c.body.is_empty() {
                            c.body.push_str("\n\n");
                        }
                        c.para_id = attr(&e, b"paraId").unwrap_or_default();
                    }
                }
                b"t" => in_text = true,
                b"br" => push_comment_text(&mut out, "\n"),
                _ => {}
            },
            Ok(Event::End(e)) if local(e.name().as_ref()) == b"t" => in_text = false,
            Ok(Event::Text(t)) if in_text => push_comment_text(&mut out, &t.decode().unwrap_or_default()),
            Ok(Event::GeneralRef(r)) if in_text => push_comment_text(&mut out, &reference(&r)),
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
    }
    out
}

fn push_comment_text(out: &mut [RawComment], text: &str) {
    if let Some(c) = out.last_mut() {
        c.body.push_str(text);
    }
}

/// What commentsExtended says of the comments, by their last paragraph id.
#[derive(Debug, Default)]
pub(crate) struct CommentsExtended {
    /// A reply's paragraph id to its parent's.
    pub parents: HashMap<String, String>,
    /// Threads marked done (resolved) in Word.
    pub done: std::collections::HashSet<String>,
}

pub(crate) fn comments_extended(xml: &str) -> CommentsExtended {
    let mut out = CommentsExtended::default();
    each_start(xml, |name, e| {
        if name != b"commentEx" {
            return;
        }
        let Some(id) = attr(e, b"paraId") else { return };
        if let Some(parent) = attr(e, b"paraIdParent") {
            out.parents.insert(id.clone(), parent);
        }
        if attr(e, b"done").is_some_and(|d| d == "1" || d == "true") {
            out.done.insert(id);
        }
    });
    out
}

/// Replies point at their parent by comment id rather than paragraph id.
pub(crate) fn resolve_replies(raw: Vec<RawComment>) -> Vec<ImportedComment> {
    let by_para: HashMap<String, String> = raw.iter().map(|c| (c.para_id.clone(), c.id.clone())).collect();
    raw.into_iter()
        .map(|mut c| {
            c.comment.reply_to = c.reply_to_para.as_ref().and_then(|p| by_para.get(p).cloned());
            c.comment.body = c.comment.body.trim().to_string();
            c.comment
        })
        .collect()
}

/// The title and author of the document properties.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct Core {
    pub title: Option<String>,
    pub author: Option<String>,
}

pub(crate) fn core_properties(xml: &str) -> Core {
    let mut core = Core::default();
    let mut reader = Reader::from_str(xml);
    let mut field: Option<&'static str> = None;
    let mut value = String::new();
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) => {
                field = match local(e.name().as_ref()) {
                    b"title" => Some("title"),
                    b"creator" => Some("creator"),
                    _ => None,
                };
                value.clear();
            }
            Ok(Event::Text(t)) if field.is_some() => value.push_str(&t.decode().unwrap_or_default()),
            Ok(Event::GeneralRef(r)) if field.is_some() => value.push_str(&reference(&r)),
            Ok(Event::End(_)) => {
                let v = Some(value.trim().to_string()).filter(|v| !v.is_empty());
                match field.take() {
                    Some("title") => core.title = v,
                    Some(_) => core.author = v,
                    None => {}
                }
            }
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
    }
    core
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Open,
    Empty,
}
use Kind::*;

/// Calls `f` for every start and empty element.
fn each_event(xml: &str, mut f: impl FnMut(Kind, &quick_xml::events::BytesStart)) {
    let mut reader = Reader::from_str(xml);
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) => f(Open, &e),
            Ok(Event::Empty(e)) => f(Empty, &e),
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
    }
}

fn each_start(xml: &str, mut f: impl FnMut(&[u8], &quick_xml::events::BytesStart)) {
    each_event(xml, |_, e| f(local(e.name().as_ref()), e));
}
