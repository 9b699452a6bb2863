//! Suggested edits on the core side (issue 19): a reviewer's suggestion
//! goes into her own log like a comment; the author's accept and reject go
//! into hers. The core never writes the draft: an accept returns the edit
//! (UTF-16, in the text the editor sent) for the editor to apply as an
//! undoable edit, or the reason it was refused, found by re-finding the
//! suggestion in that text (`dateline_review::suggest`).

use super::review::{byte_range, name_of, now_ms, to_range, TextRange, VersionPick};
use super::Workspace;
use crate::drafting::Utf16Offsets;
use crate::error::{Error, Result};
use crate::store::DraftId;
use dateline_review::folder;
use dateline_review::log::{self, Event, SuggestKind};
use dateline_review::suggest::{self, Edit, Placed, Suggestion, SuggestionStatus};
use dateline_review::Anchor;
use serde::{Deserialize, Serialize};
use specta::Type;
use std::collections::BTreeSet;

/// Open suggestions whose effect on the lint is computed (one lint each).
const MAX_LINTED: usize = 50;

/// One suggestion as the window shows it.
#[derive(Clone, Debug, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct SuggestionRow {
    pub id: String,
    pub author: String,
    /// Whose suggestions "Accept all" and "Reject all" take (the reviewer's
    /// log key, from name and email).
    pub reviewer: String,
    pub at_ms: f64,
    /// replace, delete or insert.
    pub kind: String,
    /// The exact text it replaces (empty for an insertion).
    pub before: String,
    pub after: String,
    pub note: Option<String>,
    /// open, accepted, rejected, orphaned or conflicting.
    pub status: String,
    /// Where `before` is in the text (UTF-16), for undecided ones found.
    pub anchor: Option<TextRange>,
    /// Other open suggestions on the same text.
    pub overlaps: Vec<String>,
    /// The accepted suggestion that made this one conflicting.
    pub conflicted_by: Option<String>,
    pub decided_by: Option<String>,
    pub reply: Option<String>,
    /// Open ones: the rules whose findings the edit would fix, and those
    /// it would bring in (computed by linting the text with it applied).
    pub fixes: Vec<String>,
    pub introduces: Vec<String>,
}

/// A draft's suggestions placed in a text.
#[derive(Clone, Debug, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct SuggestionsView {
    pub suggestions: Vec<SuggestionRow>,
    /// Review files that were skipped in part, and why.
    pub problems: Vec<String>,
}

/// Replace `from..to` (UTF-16) of the text the editor sent with `insert`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct TextEdit {
    pub from: u32,
    pub to: u32,
    pub insert: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Type)]
pub struct RefusedSuggestion {
    pub id: String,
    pub reason: String,
}

/// What an accept did: the edits to apply in one change (all relative to
/// the text sent, in order, not overlapping), the suggestions recorded as
/// accepted, and those refused with why.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Type)]
pub struct AcceptOutcome {
    pub edits: Vec<TextEdit>,
    pub accepted: Vec<String>,
    pub refused: Vec<RefusedSuggestion>,
}

/// CriticMarkup turned into suggestions and comments: the text for the
/// editor to take (the marks removed, insertions pending), and what was
/// recorded.
#[derive(Clone, Debug, Serialize, Type)]
pub struct CriticImportView {
    pub text: String,
    pub suggestions: u32,
    pub comments: u32,
    /// Marks left out (too long for the log).
    pub problems: Vec<String>,
}

impl Workspace {
    /// Turns the CriticMarkup in the editor's `text` into suggestions and
    /// comments by the author named (written to that person's log, as if
    /// she had made them here). The draft is not written: the editor
    /// replaces its text with the returned one, as one undoable edit.
    pub fn import_critic_markup(
        &mut self,
        id: DraftId,
        text: &str,
        name: &str,
        email: &str,
    ) -> Result<CriticImportView> {
        let (name, email) = (name.trim(), email.trim());
        if name.is_empty() {
            return Err(Error::InvalidInput("Name who made the marked changes.".into()));
        }
        let author = log::Author {
            name: name.to_owned(),
            email: email.to_owned(),
        };
        let import = dateline_review::critic::to_suggestions(text, &author, now_ms());
        let dir = self.review_dir(id)?;
        folder::append_records(&dir, &import.records)
            .map_err(|e| Error::from_io(&e, "saving the suggestions", &dir))?;
        let count = |suggest: bool| {
            import
                .records
                .iter()
                .filter(|r| matches!(r.event, Event::Suggest { .. }) == suggest)
                .count() as u32
        };
        Ok(CriticImportView {
            suggestions: count(true),
            comments: count(false),
            text: import.text,
            problems: import.problems,
        })
    }

    /// Suggests `after` in place of `range` (UTF-16) of the text `on`
    /// shows: a replacement, a deletion (`after` empty) or an insertion (an
    /// empty range). Returns the suggestion's id.
    pub fn add_suggestion(
        &mut self,
        id: DraftId,
        on: VersionPick,
        range: TextRange,
        after: &str,
        note: &str,
    ) -> Result<String> {
        if matches!(on, VersionPick::Draft { id: other } if other != id) {
            return Err(Error::InvalidInput(
                "Suggestions go on this draft's own versions.".into(),
            ));
        }
        let text = self.side(id, on)?.text;
        let bytes = byte_range(&text, range);
        let Some(kind) = SuggestKind::of(&text[bytes.clone()], after) else {
            return Err(Error::InvalidInput(
                "The suggestion changes nothing: select text or type what should go there.".into(),
            ));
        };
        let suggestion = log::new_id();
        let note = note.trim();
        self.append(
            id,
            Event::Suggest {
                id: suggestion.clone(),
                draft_version: log::draft_version(&text),
                anchor: Anchor::new(&text, bytes),
                kind,
                after: after.to_owned(),
                note: (!note.is_empty()).then(|| note.to_owned()),
            },
        )?;
        Ok(suggestion)
    }

    /// Suggests from the editor, where a reviewer reads a colleague's draft:
    /// `text` is what the editor shows, and must be the saved draft, since a
    /// suggestion on unsaved words would anchor on text its author never sees.
    pub fn suggest_in_editor(
        &mut self,
        id: DraftId,
        text: &str,
        range: TextRange,
        after: &str,
        note: &str,
    ) -> Result<String> {
        if self.saved_text(id)? != text {
            return Err(Error::InvalidInput(
                "Save or undo your edits first: a suggestion is made on the draft as its author has it."
                    .into(),
            ));
        }
        self.add_suggestion(id, VersionPick::Saved, range, after, note)
    }

    /// Every suggestion of the draft, placed in `text` (the editor's).
    pub fn suggestions(&self, id: DraftId, text: &str) -> Result<SuggestionsView> {
        let logs = folder::read_review_logs(&self.review_dir(id)?);
        let merged = suggest::merge_suggestions(&logs);
        let mut problems: Vec<String> = logs.into_iter().flat_map(|l| l.problems).collect();
        problems.extend(merged.problems.iter().cloned());
        Ok(SuggestionsView {
            suggestions: self.rows(&merged.suggestions, text)?,
            problems,
        })
    }

    /// Accepts one suggestion against the editor's `text`: records it in
    /// this author's log and returns the edit, or refuses with a reason
    /// (nothing recorded then).
    pub fn accept_suggestion(&mut self, id: DraftId, suggestion: &str, text: &str) -> Result<AcceptOutcome> {
        let all = self.merged(id)?;
        let s = find(&all, suggestion)?;
        let plan = match suggest::plan_accept(s, text) {
            Ok(edit) => vec![(s.id.clone(), edit)],
            Err(reason) => {
                return Ok(AcceptOutcome {
                    refused: vec![RefusedSuggestion {
                        id: s.id.clone(),
                        reason: format!("Not applied: {reason}."),
                    }],
                    ..AcceptOutcome::default()
                })
            }
        };
        self.record_accepts(id, &all, plan, Vec::new(), text)
    }

    /// Accepts every undecided suggestion of one reviewer (`reviewer` as in
    /// [`SuggestionRow::reviewer`]) that can be, in one change.
    pub fn accept_all_suggestions(
        &mut self,
        id: DraftId,
        reviewer: &str,
        text: &str,
    ) -> Result<AcceptOutcome> {
        let all = self.merged(id)?;
        let plan = suggest::plan_accept_all(&all, |s| reviewer_of(s) == reviewer, text);
        let refused = plan
            .refused
            .into_iter()
            .map(|(id, reason)| RefusedSuggestion {
                id,
                reason: format!("Not applied: {reason}."),
            })
            .collect();
        self.record_accepts(id, &all, plan.edits, refused, text)
    }

    /// Keeps the text: records the rejection (with an optional reply).
    pub fn reject_suggestion(&mut self, id: DraftId, suggestion: &str, reply: &str) -> Result<()> {
        let all = self.merged(id)?;
        let s = find(&all, suggestion)?;
        if s.decision.as_ref().is_some_and(|d| d.accepted) {
            return Err(Error::InvalidInput(
                "That suggestion was accepted already.".into(),
            ));
        }
        let reply = reply.trim();
        self.append(
            id,
            Event::Reject {
                id: s.id.clone(),
                reply: (!reply.is_empty()).then(|| reply.to_owned()),
            },
        )
    }

    /// Rejects every undecided suggestion of one reviewer; returns how many.
    pub fn reject_all_suggestions(&mut self, id: DraftId, reviewer: &str, reply: &str) -> Result<u32> {
        let all = self.merged(id)?;
        let mut count = 0;
        for s in all
            .iter()
            .filter(|s| s.decision.is_none() && reviewer_of(s) == reviewer)
        {
            self.reject_suggestion(id, &s.id, reply)?;
            count += 1;
        }
        Ok(count)
    }

    /// The rows of `all` placed in `text`, for review mode and the editor.
    pub(super) fn rows(&self, all: &[Suggestion], text: &str) -> Result<Vec<SuggestionRow>> {
        let config = self.current()?.config.clone();
        let before = dateline_lint::lint(text, &config);
        let mut linted = 0;
        let mut at = Utf16Offsets::new(text);
        Ok(suggest::place(all, text)
            .into_iter()
            .map(|p| {
                let mut row = row_of(&p, &mut at);
                if p.status == SuggestionStatus::Open && linted < MAX_LINTED {
                    linted += 1;
                    (row.fixes, row.introduces) = lint_effect(&p, text, &before, &config);
                }
                row
            })
            .collect())
    }

    /// Puts the suggestions accepted since the last save in the note of
    /// the version that save recorded.
    pub(super) fn note_taken_suggestions(&mut self, id: DraftId, version: u32) -> Result<()> {
        let Some(taken) = self.taken.remove(&id).filter(|t| !t.is_empty()) else {
            return Ok(());
        };
        let note = format!("Took suggestions: {}.", taken.join("; "));
        self.store.set_version_note(id, version, &note)
    }

    pub(super) fn merged(&self, id: DraftId) -> Result<Vec<Suggestion>> {
        let logs = folder::read_review_logs(&self.review_dir(id)?);
        Ok(suggest::merge_suggestions(&logs).suggestions)
    }

    /// Writes one `accept` per planned edit (naming the undecided
    /// suggestions it overlaps) and returns the edits in UTF-16.
    fn record_accepts(
        &mut self,
        id: DraftId,
        all: &[Suggestion],
        plan: Vec<(String, Edit)>,
        refused: Vec<RefusedSuggestion>,
        text: &str,
    ) -> Result<AcceptOutcome> {
        let taken: Vec<&str> = plan.iter().map(|(s, _)| s.as_str()).collect();
        let mut out = AcceptOutcome {
            refused,
            ..AcceptOutcome::default()
        };
        let mut at = Utf16Offsets::new(text);
        for (suggestion, edit) in &plan {
            let conflicts = suggest::conflicts_with(all, &taken, edit.span, text);
            self.append(
                id,
                Event::Accept {
                    id: suggestion.clone(),
                    reply: None,
                    conflicts,
                },
            )?;
            let range = to_range(&mut at, edit.span);
            out.edits.push(TextEdit {
                from: range.from,
                to: range.to,
                insert: edit.insert.clone(),
            });
            out.accepted.push(suggestion.clone());
            if let Some(s) = all.iter().find(|s| &s.id == suggestion) {
                let taken = format!(
                    "{} “{}” → “{}” ({})",
                    s.author.name,
                    short(s.before()),
                    short(&s.after),
                    s.id
                );
                self.taken.entry(id).or_default().push(taken);
            }
        }
        Ok(out)
    }
}

/// A suggestion's text cut for a version note.
fn short(s: &str) -> String {
    let one_line = s.replace('\n', " ");
    match one_line.char_indices().nth(40) {
        Some((i, _)) => format!("{}…", &one_line[..i]),
        None => one_line,
    }
}

fn find<'a>(all: &'a [Suggestion], id: &str) -> Result<&'a Suggestion> {
    all.iter()
        .find(|s| s.id == id)
        .ok_or_else(|| Error::NotFound(format!("No suggestion {id} in this draft's review.")))
}

fn reviewer_of(s: &Suggestion) -> String {
    folder::reviewer_key(&s.author.name, &s.author.email)
}

fn row_of(p: &Placed, at: &mut Utf16Offsets) -> SuggestionRow {
    let s = p.suggestion;
    SuggestionRow {
        id: s.id.clone(),
        author: s.author.name.clone(),
        reviewer: reviewer_of(s),
        at_ms: s.at as f64,
        kind: name_of(&s.kind),
        before: s.before().to_owned(),
        after: s.after.clone(),
        note: s.note.clone(),
        status: name_of(&p.status),
        anchor: p.span.map(|span| to_range(at, span)),
        overlaps: p.overlaps.clone(),
        conflicted_by: s.conflicted_by.clone(),
        decided_by: s.decision.as_ref().map(|d| d.by.name.clone()),
        reply: s.decision.as_ref().and_then(|d| d.reply.clone()),
        fixes: Vec::new(),
        introduces: Vec::new(),
    }
}

/// (rules fixed, rules introduced) by applying an open suggestion.
fn lint_effect(
    p: &Placed,
    text: &str,
    before: &dateline_lint::Report,
    config: &dateline_lint::Config,
) -> (Vec<String>, Vec<String>) {
    let Some(span) = p.span else {
        return (Vec::new(), Vec::new());
    };
    let edit = Edit {
        span,
        insert: p.suggestion.after.clone(),
    };
    let changed = suggest::apply_edits(text, &[&edit]);
    let after = dateline_lint::lint(&changed, config);
    let delta = dateline_review::lint_delta(before, &after, text, &changed);
    let rules = |f: &[dateline_review::Finding]| -> Vec<String> {
        let set: BTreeSet<&str> = f.iter().map(|f| f.rule).collect();
        set.into_iter().map(str::to_owned).collect()
    };
    (rules(&delta.fixed), rules(&delta.introduced))
}
