//! Accepting suggestions: the edit to make in the author's current text,
//! or why not. Nothing here writes anything: the app records the answer in
//! the author's log, and her editor applies the edit as an undoable one.

use super::{overlaps, Suggestion};
use crate::Span;
use serde::Serialize;

/// Replace the bytes `span` of the text with `insert`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Edit {
    pub span: Span,
    pub insert: String,
}

/// The edit that accepting `s` makes in `text`, or why it cannot be made.
/// A rejected suggestion may still be accepted (she changed her mind).
pub fn plan_accept(s: &Suggestion, text: &str) -> Result<Edit, String> {
    if s.decision.as_ref().is_some_and(|d| d.accepted) {
        return Err("it was accepted already".to_string());
    }
    if let Some(other) = &s.conflicted_by {
        return Err(format!(
            "it overlaps suggestion {other}, which was accepted; check the text and suggest again"
        ));
    }
    place_edit(s, text)
}

fn place_edit(s: &Suggestion, text: &str) -> Result<Edit, String> {
    let span = s.anchor.find_for_edit(text).map_err(|r| r.reason().to_string())?;
    Ok(Edit {
        span,
        insert: s.after.clone(),
    })
}

/// The undecided suggestions other than `except` whose text in `text`
/// overlaps `span`: accepting there makes them conflicting.
pub fn conflicts_with(all: &[Suggestion], except: &[&str], span: Span, text: &str) -> Vec<String> {
    all.iter()
        .filter(|s| s.decision.is_none() && !except.contains(&s.id.as_str()))
        .filter(|s| s.anchor.resolve(text).span().is_some_and(|at| overlaps(at, span)))
        .map(|s| s.id.clone())
        .collect()
}

/// What accepting many suggestions at once does.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AcceptAll {
    /// (suggestion id, its edit), by position: all relative to the text
    /// given, none overlapping, to apply in one change.
    pub edits: Vec<(String, Edit)>,
    /// (suggestion id, why it was not taken).
    pub refused: Vec<(String, String)>,
}

/// Accepts the undecided suggestions `pick` chooses, oldest first; one that
/// overlaps an edit already taken is refused (it becomes conflicting).
pub fn plan_accept_all(all: &[Suggestion], pick: impl Fn(&Suggestion) -> bool, text: &str) -> AcceptAll {
    let mut out = AcceptAll::default();
    for s in all.iter().filter(|s| s.decision.is_none() && pick(s)) {
        match plan_accept(s, text) {
            Ok(edit) => match out.edits.iter().find(|(_, e)| overlaps(e.span, edit.span)) {
                Some((other, _)) => out.refused.push((
                    s.id.clone(),
                    format!("it overlaps suggestion {other}, accepted with it"),
                )),
                None => out.edits.push((s.id.clone(), edit)),
            },
            Err(reason) => out.refused.push((s.id.clone(), reason)),
        }
    }
    out.edits.sort_by_key(|(_, e)| (e.span.start, e.span.end));
    out
}

/// `text` with `edits` (relative to it, in order, not overlapping) made.
pub fn apply_edits(text: &str, edits: &[&Edit]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for e in edits {
        out.push_str(&text[at..e.span.start]);
        out.push_str(&e.insert);
        at = e.span.end;
    }
    out.push_str(&text[at..]);
    out
}
