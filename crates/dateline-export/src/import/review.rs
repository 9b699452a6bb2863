//! A Word file's review as Dateline's: its comments become comments (with
//! their replies and done state) and its tracked changes suggestions, each
//! by its Word author at its Word date, anchored in the imported Markdown.
//! A deletion next to an insertion by the same person is one replacement,
//! as Word shows it. Nothing here writes: the caller appends the records to
//! each author's review log.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use dateline_review::log::{self, Author, Event, Record, SuggestKind};
use dateline_review::Anchor;

use super::{ChangeKind, ImportedChange, ImportedComment, ImportedDraft};

/// The records a Word file's review becomes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WordReview {
    /// In document order, parents before their replies.
    pub records: Vec<Record>,
    pub comments: u32,
    pub suggestions: u32,
    /// What could not be brought across, for the author.
    pub problems: Vec<String>,
}

/// The name given to a comment or change whose Word author is blank.
const NO_AUTHOR: &str = "Word reviewer";

impl ImportedDraft {
    /// The Word review as records on `markdown`; `now_ms` dates what Word
    /// left undated.
    pub fn review(&self, now_ms: i64) -> WordReview {
        let version = log::draft_version(&self.markdown);
        let mut out = WordReview::default();
        self.add_comments(&version, now_ms, &mut out);
        self.add_suggestions(&version, now_ms, &mut out);
        out
    }

    fn add_comments(&self, version: &str, now_ms: i64, out: &mut WordReview) {
        // Word id to (Dateline id, its thread's root).
        let mut ids: HashMap<&str, (String, String)> = HashMap::new();
        let mut resolved: HashSet<String> = HashSet::new();
        for c in &self.comments {
            let id = log::new_id();
            let parent = c.reply_to.as_deref().and_then(|p| ids.get(p)).cloned();
            let root = parent
                .as_ref()
                .map_or_else(|| id.clone(), |(_, root)| root.clone());
            let at = time_of(c.date.as_deref(), now_ms);
            let event = Event::Comment {
                id: id.clone(),
                draft_version: version.to_owned(),
                anchor: parent
                    .is_none()
                    .then(|| c.range.clone().map(|r| Anchor::new(&self.markdown, r)))
                    .flatten(),
                body: self.comment_body(c, parent.is_some()),
                parent: parent.map(|(parent, _)| parent),
            };
            if out.push(event, &c.author, at, "a comment") {
                out.comments += 1;
                ids.insert(&c.id, (id, root.clone()));
            }
            if c.resolved && resolved.insert(root.clone()) {
                let event = Event::Resolve {
                    id: root,
                    resolved: true,
                };
                out.push(event, &c.author, at, "a thread's done mark");
            }
        }
    }

    /// A comment that could not be placed says what it was on.
    fn comment_body(&self, c: &ImportedComment, reply: bool) -> String {
        let quoted = c.quoted.trim();
        if reply || c.range.is_some() || quoted.is_empty() {
            return c.body.clone();
        }
        format!("On “{quoted}”: {}", c.body)
    }

    fn add_suggestions(&self, version: &str, now_ms: i64, out: &mut WordReview) {
        for change in self.changes.iter().filter(|c| c.range.is_none()) {
            out.problems.push(format!(
                "a tracked change by {} ({} “{}”) could not be placed in the draft; make it by hand if it still applies",
                author_of(&change.author).name,
                verb(change.kind),
                change.text.trim()
            ));
        }
        for edit in joined(&self.changes) {
            let before = &self.markdown[edit.range.clone()];
            let Some(kind) = SuggestKind::of(before, &edit.after) else {
                continue;
            };
            let event = Event::Suggest {
                id: log::new_id(),
                draft_version: version.to_owned(),
                anchor: Anchor::new(&self.markdown, edit.range),
                kind,
                after: edit.after,
                note: None,
            };
            if out.push(event, edit.author, time_of(edit.date, now_ms), "a tracked change") {
                out.suggestions += 1;
            }
        }
    }
}

impl WordReview {
    /// Adds the record when it is within the log's limits; says which
    /// kind of thing was left out otherwise.
    fn push(&mut self, event: Event, author: &str, at: i64, what: &str) -> bool {
        let record = Record {
            event,
            at,
            author: author_of(author),
        };
        match record.validate() {
            Ok(()) => {
                self.records.push(record);
                true
            }
            Err(e) => {
                self.problems
                    .push(format!("{what} by {} was left out: {e}", record.author.name));
                false
            }
        }
    }
}

/// One suggestion made of adjacent tracked changes.
struct Edit<'a> {
    range: Range<usize>,
    after: String,
    author: &'a str,
    date: Option<&'a str>,
}

/// The placed changes, in document order, with each run of adjacent ones
/// by one author joined (Word splits a change at every formatting change,
/// and a replacement is a deletion beside an insertion).
fn joined(changes: &[ImportedChange]) -> Vec<Edit<'_>> {
    let mut out: Vec<Edit> = Vec::new();
    for change in changes {
        let Some(range) = change.range.clone() else {
            continue;
        };
        let range = match change.kind {
            ChangeKind::Insertion => range.start..range.start,
            ChangeKind::Deletion => range,
        };
        if let Some(last) = out
            .last_mut()
            .filter(|last| last.author == change.author && last.range.end == range.start)
        {
            last.range.end = range.end;
            if change.kind == ChangeKind::Insertion {
                last.after.push_str(&change.text);
            }
            continue;
        }
        out.push(Edit {
            after: match change.kind {
                ChangeKind::Insertion => change.text.clone(),
                ChangeKind::Deletion => String::new(),
            },
            range,
            author: &change.author,
            date: change.date.as_deref(),
        });
    }
    out
}

fn verb(kind: ChangeKind) -> &'static str {
    match kind {
        ChangeKind::Insertion => "insert",
        ChangeKind::Deletion => "delete",
    }
}

fn author_of(name: &str) -> Author {
    let name = name.trim();
    Author {
        name: if name.is_empty() { NO_AUTHOR } else { name }.to_owned(),
        email: String::new(),
    }
}

/// A Word date (`2024-05-01T10:00:00Z`, or without its zone, which Word
/// writes for local time and is read here as UTC) in Unix milliseconds.
fn time_of(date: Option<&str>, now_ms: i64) -> i64 {
    let Some(date) = date.map(str::trim) else {
        return now_ms;
    };
    if let Ok(t) = date.parse::<jiff::Timestamp>() {
        return t.as_millisecond();
    }
    date.parse::<jiff::civil::DateTime>()
        .ok()
        .and_then(|dt| dt.to_zoned(jiff::tz::TimeZone::UTC).ok())
        .map_or(now_ms, |z| z.timestamp().as_millisecond())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn change(kind: ChangeKind, author: &str, text: &str, range: Range<usize>) -> ImportedChange {
        ImportedChange {
            kind,
            author: author.into(),
            date: Some("2024-05-01T10:00:00Z".into()),
            text: text.into(),
            range: Some(range),
        }
    }

    #[test]
    fn word_dates_are_read_with_or_without_their_zone() {
        assert_eq!(time_of(Some("2024-05-01T10:00:00Z"), 7), 1_714_557_600_000);
        assert_eq!(time_of(Some("2024-05-01T10:00:00"), 7), 1_714_557_600_000);
        assert_eq!(time_of(Some("yesterday"), 7), 7);
        assert_eq!(time_of(None, 7), 7);
    }

    #[test]
    fn a_deletion_beside_an_insertion_by_one_person_is_one_replacement() {
        let md = "Ships in March to all.";
        let changes = [
            change(ChangeKind::Deletion, "Ana", "March", 9..14),
            change(ChangeKind::Insertion, "Ana", "April", 14..14),
            change(ChangeKind::Insertion, "Ben", " customers", 21..21),
        ];
        let edits = joined(&changes);
        assert_eq!(edits.len(), 2, "Ben's is his own");
        assert_eq!(
            (&md[edits[0].range.clone()], edits[0].after.as_str()),
            ("March", "April")
        );
        assert_eq!((edits[1].range.clone(), edits[1].author), (21..21, "Ben"));
    }

    #[test]
    fn replies_thread_under_their_parent_and_done_resolves_the_thread() {
        let draft = ImportedDraft {
            markdown: "Ships in March.".into(),
            comments: vec![
                ImportedComment {
                    id: "0".into(),
                    author: "Ana".into(),
                    quoted: "March".into(),
                    body: "Sure?".into(),
                    range: Some(9..14),
                    ..Default::default()
                },
                ImportedComment {
                    id: "1".into(),
                    author: "".into(),
                    body: "Yes.".into(),
                    reply_to: Some("0".into()),
                    resolved: true,
                    ..Default::default()
                },
                ImportedComment {
                    id: "2".into(),
                    author: "Ben".into(),
                    quoted: "gone text".into(),
                    body: "Cut?".into(),
                    ..Default::default()
                },
            ],
            ..Default::default()
        };
        let review = draft.review(5);
        assert_eq!((review.comments, review.records.len()), (3, 4));
        let Event::Comment { id: root, anchor, .. } = &review.records[0].event else {
            panic!("{:?}", review.records[0])
        };
        assert_eq!(anchor.as_ref().map(|a| a.quote.as_str()), Some("March"));
        let Event::Comment { parent, .. } = &review.records[1].event else {
            panic!()
        };
        assert_eq!(parent.as_ref(), Some(root));
        assert_eq!(review.records[1].author.name, NO_AUTHOR);
        assert!(matches!(&review.records[2].event, Event::Resolve { id, resolved: true } if id == root));
        let Event::Comment { anchor, body, .. } = &review.records[3].event else {
            panic!()
        };
        assert_eq!((anchor, body.as_str()), (&None, "On “gone text”: Cut?"));
    }
}
