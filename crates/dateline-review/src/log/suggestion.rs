//! The suggestion records of the log (`suggest`, `accept`, `reject`): their
//! kinds and limits. Merging them and placing them in the text is
//! [`crate::suggest`]'s job.

use super::{check_anchor, check_id, check_len, Event, MAX_BODY_CHARS, MAX_ID_CHARS, MAX_QUOTE_CHARS};
use serde::{Deserialize, Serialize};

/// Suggestions an `accept` record may name as overlapping it.
pub const MAX_CONFLICTS: usize = 1000;

/// What a suggestion does to the quoted text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum SuggestKind {
    /// The quote becomes `after` (both non-empty, and different).
    Replace,
    /// The quote goes (`after` empty).
    Delete,
    /// `after` goes in at the anchor's point (the quote is empty).
    Insert,
}

impl SuggestKind {
    /// The kind that turns `before` into `after`, if they differ.
    pub fn of(before: &str, after: &str) -> Option<SuggestKind> {
        match (before.is_empty(), after.is_empty()) {
            _ if before == after => None,
            (true, false) => Some(SuggestKind::Insert),
            (false, true) => Some(SuggestKind::Delete),
            _ => Some(SuggestKind::Replace),
        }
    }
}

/// The limits and the consistency of a suggestion record.
pub(super) fn validate(event: &Event) -> Result<(), String> {
    match event {
        Event::Suggest {
            id,
            draft_version,
            anchor,
            kind,
            after,
            note,
        } => {
            check_id(id)?;
            check_len("draft version", draft_version, MAX_ID_CHARS)?;
            check_anchor(anchor)?;
            check_len("suggested text", after, MAX_QUOTE_CHARS)?;
            if let Some(note) = note {
                check_len("note", note, MAX_BODY_CHARS)?;
            }
            if SuggestKind::of(&anchor.quote, after) != Some(*kind) {
                return Err(match kind {
                    SuggestKind::Replace => "a replacement must quote text and give different text for it",
                    SuggestKind::Delete => "a deletion must quote text and give none for it",
                    SuggestKind::Insert => "an insertion must quote nothing and give text to insert",
                }
                .to_string());
            }
        }
        Event::Accept { id, reply, conflicts } => {
            check_id(id)?;
            check_reply(reply)?;
            if conflicts.len() > MAX_CONFLICTS {
                return Err(format!("names more than {MAX_CONFLICTS} conflicts"));
            }
            conflicts.iter().try_for_each(|c| check_id(c))?;
        }
        Event::Reject { id, reply } => {
            check_id(id)?;
            check_reply(reply)?;
        }
        _ => {}
    }
    Ok(())
}

fn check_reply(reply: &Option<String>) -> Result<(), String> {
    reply
        .as_deref()
        .map_or(Ok(()), |r| check_len("reply", r, MAX_BODY_CHARS))
}
