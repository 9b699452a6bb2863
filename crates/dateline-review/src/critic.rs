//! CriticMarkup and Dateline suggestions, both ways (the markup itself is
//! parsed by [`dateline_lint::critic`], which the lint shares).
//!
//! - [`to_suggestions`]: a marked draft becomes its text with the marks
//!   pending (additions not applied, deletions kept, substitutions keeping
//!   the old text) plus `suggest` and `comment` records anchored in that
//!   text, attributed to the author the user names. A comment right after
//!   an addition, deletion or substitution is that suggestion's note; after
//!   a highlight, a comment on the highlighted text; alone, a comment on
//!   its point. A highlight with no comment says nothing and is dropped.
//! - [`render_critic`]: open suggestions written into the text as
//!   CriticMarkup, each followed by `{>>name: note<<}`. A suggestion that
//!   CriticMarkup cannot carry (its text holds the closing delimiter or a
//!   blank line, it lies in code, or it overlaps one written already) is
//!   left out and counted.

use crate::log::{self, Author, Event, Record, SuggestKind};
use crate::suggest::{place, Suggestion, SuggestionStatus};
use crate::{Anchor, Span};
use dateline_lint::critic::{self, Mark, MarkKind, PositionMap};
use std::ops::Range;

/// A marked draft taken apart.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CriticImport {
    /// The draft without its marks: the text the records are anchored in.
    pub text: String,
    /// Suggestions and comments, in the order of the marks.
    pub records: Vec<Record>,
    /// Marks that could not become records (too long for the log).
    pub problems: Vec<String>,
}

/// Turns the CriticMarkup of `text` into records by `author` at `at`.
pub fn to_suggestions(text: &str, author: &Author, at: i64) -> CriticImport {
    let marks = critic::parse(text);
    let (clean, map) = critic::strip_marks(text, &marks);
    let version = log::draft_version(&clean);
    let mut out = CriticImport::default();
    let mut i = 0;
    while i < marks.len() {
        let note = marks
            .get(i + 1)
            .filter(|c| c.kind == MarkKind::Comment && c.span.start == marks[i].span.end)
            .map(|c| text[c.content.clone()].trim().to_owned());
        let event = event_of(text, &clean, &map, &marks[i], note.clone(), &version);
        let used_note = marks[i].kind != MarkKind::Comment && note.is_some();
        i += if used_note { 2 } else { 1 };
        let Some(event) = event else { continue };
        let record = Record {
            event,
            at,
            author: author.clone(),
        };
        match record.validate() {
            Ok(()) => out.records.push(record),
            Err(e) => out.problems.push(format!("a mark was left as it is: {e}")),
        }
    }
    out.text = clean;
    out
}

/// The record one mark becomes, with the comment that follows it.
fn event_of(
    text: &str,
    clean: &str,
    map: &PositionMap,
    mark: &Mark,
    note: Option<String>,
    version: &str,
) -> Option<Event> {
    let kept = |r: &Range<usize>| map.to_clean(r.start)..map.to_clean(r.end);
    let point = map.to_clean(mark.span.start);
    let (range, after) = match mark.kind {
        MarkKind::Addition => (point..point, text[mark.content.clone()].to_owned()),
        MarkKind::Deletion => (kept(&mark.content), String::new()),
        MarkKind::Substitution => (
            kept(&mark.content),
            text[mark.new_content.clone().unwrap_or_default()].to_owned(),
        ),
        MarkKind::Highlight => {
            return note.map(|body| comment(clean, kept(&mark.content), body, version));
        }
        MarkKind::Comment => {
            let body = text[mark.content.clone()].trim().to_owned();
            return Some(comment(clean, point..point, body, version));
        }
    };
    let kind = SuggestKind::of(&clean[range.clone()], &after)?;
    Some(Event::Suggest {
        id: log::new_id(),
        draft_version: version.to_owned(),
        anchor: Anchor::new(clean, range),
        kind,
        after,
        note: note.filter(|n| !n.is_empty()),
    })
}

fn comment(clean: &str, range: Range<usize>, body: String, version: &str) -> Event {
    Event::Comment {
        id: log::new_id(),
        draft_version: version.to_owned(),
        anchor: Some(Anchor::new(clean, range)),
        body,
        parent: None,
    }
}

/// `text` with its open suggestions written in as CriticMarkup, and how
/// many open ones could not be.
pub fn render_critic(text: &str, suggestions: &[Suggestion]) -> (String, usize) {
    let code = critic::code_ranges(text);
    let mut open: Vec<(Span, &Suggestion)> = place(suggestions, text)
        .into_iter()
        .filter(|p| p.status == SuggestionStatus::Open)
        .filter_map(|p| p.span.map(|s| (s, p.suggestion)))
        .collect();
    open.sort_by_key(|(s, _)| (s.start, s.end));
    let mut out = String::with_capacity(text.len());
    let (mut at, mut left_out) = (0, 0);
    for (span, s) in open {
        let in_code = code
            .iter()
            .any(|c| c.start < span.end.max(span.start + 1) && span.start < c.end);
        let fits = span.start >= at && !in_code;
        match markup_of(s).filter(|_| fits) {
            Some(markup) => {
                out.push_str(&text[at..span.start]);
                out.push_str(&markup);
                at = span.end;
            }
            None => left_out += 1,
        }
    }
    out.push_str(&text[at..]);
    (out, left_out)
}

/// The suggestion as CriticMarkup, when its text can be carried.
fn markup_of(s: &Suggestion) -> Option<String> {
    let (kind, body) = match s.kind {
        SuggestKind::Insert => (MarkKind::Addition, s.after.clone()),
        SuggestKind::Delete => (MarkKind::Deletion, s.before().to_owned()),
        SuggestKind::Replace => (
            MarkKind::Substitution,
            format!("{}{}{}", s.before(), critic::SUBSTITUTION_ARROW, s.after),
        ),
    };
    let note = match &s.note {
        Some(n) => format!("{}: {n}", s.author.name),
        None => s.author.name.clone(),
    };
    let note = note
        .replace(Mark::closing(MarkKind::Comment), "<< }")
        .replace("\n\n", "\n");
    let markup = format!("{}{body}{}", Mark::opening(kind), Mark::closing(kind));
    let with_note = format!("{markup}{{>>{note}<<}}");
    // Carried only when it reads back as just this mark and its note.
    let marks = critic::parse(&with_note);
    let reads_back = marks.len() == 2 && marks[0].kind == kind && marks[0].span == (0..markup.len());
    reads_back.then_some(with_note)
}

#[cfg(test)]
mod tests;
