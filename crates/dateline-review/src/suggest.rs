//! Suggested edits: a reviewer proposes exact text, the author takes it or
//! keeps hers.
//!
//! A suggestion is a `suggest` record in the reviewer's own log, anchored
//! like a comment (the exact text before as the anchor's quote, with its
//! context); the author answers with `accept` or `reject` in *her* own log,
//! never in the reviewer's. [`merge_suggestions`] reads every log of a
//! draft; [`place`] says where each one is in a text and what it is now:
//!
//! - **accepted** or **rejected**: the author's latest answer (an accept is
//!   final: the text was changed, so a later answer is reported, not used);
//! - **conflicting**: undecided, and it overlapped a suggestion that was
//!   accepted (named in that `accept` record, or both made on the same
//!   version of the draft with overlapping text): not applied blindly;
//! - **orphaned**: its text is gone (shown with its quote, never dropped);
//! - **open**: the rest.
//!
//! Accepting is planned in [`accept`], against the text the author's editor
//! holds now: the anchor is found again there or the suggestion is refused
//! with a reason, so an accept never overwrites text changed since.

mod accept;

pub use accept::{apply_edits, conflicts_with, plan_accept, plan_accept_all, AcceptAll, Edit};

use crate::anchor::{Anchor, Resolution};
use crate::log::{Author, Event, ParsedLog, Record, SuggestKind};
use crate::Span;
use serde::Serialize;
use std::collections::HashMap;

/// The author's answer to a suggestion.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Decision {
    pub accepted: bool,
    pub by: Author,
    pub at: i64,
    pub reply: Option<String>,
    /// The log the answer came from.
    pub source: String,
}

/// One suggestion, merged from every log.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Suggestion {
    pub id: String,
    pub draft_version: String,
    /// Its quote is the exact text before.
    pub anchor: Anchor,
    pub kind: SuggestKind,
    pub after: String,
    pub note: Option<String>,
    pub author: Author,
    pub at: i64,
    /// The log it came from.
    pub source: String,
    pub decision: Option<Decision>,
    /// The accepted suggestion it overlapped while undecided.
    pub conflicted_by: Option<String>,
}

impl Suggestion {
    /// The exact text the suggestion replaces (empty for an insertion).
    pub fn before(&self) -> &str {
        &self.anchor.quote
    }

    /// Where it was when made: the quote at its old offset.
    fn made_at(&self) -> Span {
        Span::new(
            self.anchor.start_hint,
            self.anchor.start_hint + self.anchor.quote.len(),
        )
    }
}

/// How an edit reads in a list: “old” → “new”, remove “old”, or insert
/// “new”, each side shown through `show` (on one line, for a terminal).
/// The command line and the exports both say it this way.
pub fn describe_edit(before: &str, after: &str, show: impl Fn(&str) -> String) -> String {
    match (before.is_empty(), after.is_empty()) {
        (true, _) => format!("insert “{}”", show(after)),
        (false, true) => format!("remove “{}”", show(before)),
        (false, false) => format!("“{}” → “{}”", show(before), show(after)),
    }
}

/// Every suggestion of a draft and what was wrong with the records.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SuggestionLog {
    /// Oldest first.
    pub suggestions: Vec<Suggestion>,
    /// The merge's problems (the logs' own line problems are in theirs).
    pub problems: Vec<String>,
}

/// What a suggestion is now.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum SuggestionStatus {
    Open,
    Accepted,
    Rejected,
    Orphaned,
    Conflicting,
}

/// A suggestion placed in a text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Placed<'a> {
    pub suggestion: &'a Suggestion,
    pub status: SuggestionStatus,
    /// Where its text is (undecided ones whose text was found).
    pub span: Option<Span>,
    /// Other open suggestions whose text overlaps this one's.
    pub overlaps: Vec<String>,
}

/// Merges the suggestion records of a draft's logs.
///
/// A suggestion id seen twice keeps its earliest record (an identical copy
/// silently); answers apply in time order, ties broken by log name.
pub fn merge_suggestions(logs: &[ParsedLog]) -> SuggestionLog {
    let all = in_time_order(logs);
    let mut out = SuggestionLog::default();
    let mut by_id: HashMap<String, usize> = HashMap::new();
    for (source, record) in &all {
        if let Some(s) = suggestion_of(record, source) {
            match by_id.get(&s.id) {
                Some(&i) if same_suggestion(&out.suggestions[i], &s) => {}
                Some(_) => out.problems.push(format!(
                    "{source}: suggestion {} reuses an existing id; ignored",
                    s.id
                )),
                None => {
                    by_id.insert(s.id.clone(), out.suggestions.len());
                    out.suggestions.push(s);
                }
            }
        }
    }
    let mut conflicts: Vec<(String, Vec<String>)> = Vec::new();
    for (source, record) in &all {
        decide(&mut out, &by_id, source, record, &mut conflicts);
    }
    mark_conflicts(&mut out.suggestions, &by_id, &conflicts);
    out
}

/// Every record with its log's name, oldest first.
fn in_time_order(logs: &[ParsedLog]) -> Vec<(&str, &Record)> {
    let mut all: Vec<(i64, &str, usize, usize, &Record)> = Vec::new();
    for (l, log) in logs.iter().enumerate() {
        for (i, record) in log.records.iter().enumerate() {
            all.push((record.at, &log.source, l, i, record));
        }
    }
    all.sort_by(|a, b| (a.0, a.1, a.2, a.3).cmp(&(b.0, b.1, b.2, b.3)));
    all.into_iter().map(|(_, source, _, _, r)| (source, r)).collect()
}

fn suggestion_of(record: &Record, source: &str) -> Option<Suggestion> {
    let Event::Suggest {
        id,
        draft_version,
        anchor,
        kind,
        after,
        note,
    } = &record.event
    else {
        return None;
    };
    Some(Suggestion {
        id: id.clone(),
        draft_version: draft_version.clone(),
        anchor: anchor.clone(),
        kind: *kind,
        after: after.clone(),
        note: note.clone(),
        author: record.author.clone(),
        at: record.at,
        source: source.to_string(),
        decision: None,
        conflicted_by: None,
    })
}

fn same_suggestion(a: &Suggestion, b: &Suggestion) -> bool {
    (&a.anchor, &a.after, &a.note, &a.author) == (&b.anchor, &b.after, &b.note, &b.author)
}

/// Applies one `accept` or `reject` record.
fn decide(
    out: &mut SuggestionLog,
    by_id: &HashMap<String, usize>,
    source: &str,
    record: &Record,
    conflicts: &mut Vec<(String, Vec<String>)>,
) {
    let (id, accepted, reply, named) = match &record.event {
        Event::Accept { id, reply, conflicts } => (id, true, reply, conflicts.as_slice()),
        Event::Reject { id, reply } => (id, false, reply, &[][..]),
        _ => return,
    };
    let verb = if accepted { "accept" } else { "reject" };
    let Some(&i) = by_id.get(id) else {
        out.problems
            .push(format!("{source}: {verb} of unknown suggestion {id}; ignored"));
        return;
    };
    let s = &mut out.suggestions[i];
    if s.decision.as_ref().is_some_and(|d| d.accepted) {
        if !accepted || s.decision.as_ref().is_some_and(|d| d.source != source) {
            out.problems.push(format!(
                "{source}: {verb} of suggestion {id}, already accepted; ignored"
            ));
        }
        return;
    }
    s.decision = Some(Decision {
        accepted,
        by: record.author.clone(),
        at: record.at,
        reply: reply.clone(),
        source: source.to_string(),
    });
    if accepted {
        conflicts.push((id.clone(), named.to_vec()));
    }
}

/// Marks undecided suggestions that overlapped an accepted one.
fn mark_conflicts(
    all: &mut [Suggestion],
    by_id: &HashMap<String, usize>,
    accepted: &[(String, Vec<String>)],
) {
    for (id, named) in accepted {
        let taken = all[by_id[id]].clone();
        for (i, s) in all.iter_mut().enumerate() {
            let listed = named.contains(&s.id);
            let same_version = s.draft_version == taken.draft_version && !s.draft_version.is_empty();
            let overlapped = same_version && by_id[id] != i && overlaps(s.made_at(), taken.made_at());
            if s.decision.is_none() && s.conflicted_by.is_none() && (listed || overlapped) {
                s.conflicted_by = Some(id.clone());
            }
        }
    }
}

/// Whether two edits' ranges touch the same text: ranges that share a
/// byte, a point strictly inside a range, or two edits at one point.
pub fn overlaps(a: Span, b: Span) -> bool {
    match (a.is_empty(), b.is_empty()) {
        (true, true) => a.start == b.start,
        (true, false) => b.start < a.start && a.start < b.end,
        (false, true) => a.start < b.start && b.start < a.end,
        (false, false) => a.start < b.end && b.start < a.end,
    }
}

/// Every suggestion placed in `text`, oldest first.
pub fn place<'a>(suggestions: &'a [Suggestion], text: &str) -> Vec<Placed<'a>> {
    let mut placed: Vec<Placed<'a>> = suggestions.iter().map(|s| place_one(s, text)).collect();
    let open: Vec<(usize, Span)> = placed
        .iter()
        .enumerate()
        .filter(|(_, p)| p.status == SuggestionStatus::Open)
        .filter_map(|(i, p)| p.span.map(|s| (i, s)))
        .collect();
    for &(i, a) in &open {
        let others = open
            .iter()
            .filter(|&&(j, b)| j != i && overlaps(a, b))
            .map(|&(j, _)| suggestions[j].id.clone())
            .collect();
        placed[i].overlaps = others;
    }
    placed
}

fn place_one<'a>(s: &'a Suggestion, text: &str) -> Placed<'a> {
    let (status, span) = match (&s.decision, &s.conflicted_by) {
        (Some(d), _) if d.accepted => (SuggestionStatus::Accepted, None),
        (Some(_), _) => (SuggestionStatus::Rejected, None),
        (None, Some(_)) => (SuggestionStatus::Conflicting, s.anchor.resolve(text).span()),
        (None, None) => match s.anchor.resolve(text) {
            Resolution::Orphaned => (SuggestionStatus::Orphaned, None),
            found => (SuggestionStatus::Open, found.span()),
        },
    };
    Placed {
        suggestion: s,
        status,
        span,
        overlaps: Vec::new(),
    }
}

#[cfg(test)]
mod tests;
