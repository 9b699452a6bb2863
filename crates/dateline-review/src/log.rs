//! The comment log: review data that travels with the draft.
//!
//! Reviews live in the shared drafts folder, next to the drafts, so they
//! sync with whatever syncs the folder (Dropbox, OneDrive, a network share,
//! git). Sync clients handle concurrent edits to one file badly (conflicted
//! copies, lost writes), so **every reviewer writes only their own file**,
//! and only appends to it:
//!
//! ```text
//! .dateline/reviews/<draft key>/<reviewer id>.jsonl
//! ```
//!
//! Each line is one [`Record`] as a JSON object with a format version `v`
//! and a `type`. Nothing is ever rewritten: an edited comment is an `edit`
//! record, resolving is a `resolve` record, and the latest record wins when
//! the files are merged ([`merge`]). Two people can therefore never write
//! the same file, and a crash mid-append costs at most the last line, which
//! [`parse_log`] reports and skips.
//!
//! This module does no I/O: the app appends [`encode_record`]'s line to the
//! reviewer's file (open with append, write the whole line in one call) and
//! reads the files back for [`parse_log`].
//!
//! All text fields are plain text from other people's machines. HTML in a
//! body is just text: the window must insert it as text (`textContent`),
//! never as markup.

use crate::anchor::{Anchor, CONTEXT_CHARS};
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;
use std::collections::hash_map::RandomState;
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasher, Hasher};
use std::sync::atomic::{AtomicU64, Ordering as AtomicOrdering};
use std::time::{SystemTime, UNIX_EPOCH};
pub use suggestion::SuggestKind;

/// The `v` written on every line. A reader skips lines with a larger `v`
/// (from a newer app) and says so; fields it does not know are ignored, so
/// adding an optional field does not need a new version.
pub const FORMAT_VERSION: u32 = 1;
/// Bytes of one log read at most; the rest is reported, not read.
pub const MAX_LOG_BYTES: usize = 5 * 1024 * 1024;
/// Characters in a comment body, edit or verdict summary.
pub const MAX_BODY_CHARS: usize = 20_000;
/// Characters in a quoted passage.
pub const MAX_QUOTE_CHARS: usize = 20_000;
/// Characters in an author's name or email.
pub const MAX_NAME_CHARS: usize = 200;
/// Characters in an id or a draft version.
pub const MAX_ID_CHARS: usize = 128;

mod suggestion;

/// Who wrote a record.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Author {
    pub name: String,
    #[serde(default)]
    pub email: String,
}

/// The draft author's answer to a comment.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Disposition {
    /// Leave the text as it is.
    Keep,
    /// Will change the text.
    Revise,
    /// Later, not in this round.
    Defer,
}

/// A reviewer's overall verdict on the draft.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Verdict {
    Approve,
    ChangesRequested,
}

/// What a record says.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "camelCase", rename_all_fields = "camelCase")]
pub enum Event {
    /// A comment, or a reply when `parent` names another comment.
    Comment {
        /// Unique across all logs of the draft: see [`new_id`].
        id: String,
        /// The version of the draft the comment was made on, as the app
        /// identifies versions (the hash of the saved text); opaque here.
        draft_version: String,
        /// Where in the draft; absent for replies and for comments on the
        /// draft as a whole.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        anchor: Option<Anchor>,
        body: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        parent: Option<String>,
    },
    /// A new body for one of the writer's own comments.
    Edit { id: String, body: String },
    /// Marks a thread resolved (or open again). Any reviewer may.
    Resolve { id: String, resolved: bool },
    /// The draft author's answer to a thread.
    Disposition { id: String, disposition: Disposition },
    /// The writer's overall verdict; the latest one counts.
    Verdict { verdict: Verdict, summary: String },
    /// A suggested edit: `anchor.quote` (the exact text before, empty for an
    /// insertion at the anchor's point) becomes `after`. See
    /// [`crate::suggest`].
    Suggest {
        id: String,
        draft_version: String,
        anchor: Anchor,
        kind: SuggestKind,
        #[serde(default)]
        after: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        note: Option<String>,
    },
    /// The draft author took a suggestion (she writes it in her own log).
    /// `conflicts`: the undecided suggestions whose text overlapped it then.
    Accept {
        id: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reply: Option<String>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        conflicts: Vec<String>,
    },
    /// The draft author kept her text, with an optional reply.
    Reject {
        id: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reply: Option<String>,
    },
}

/// One line of a log.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Record {
    #[serde(flatten)]
    pub event: Event,
    /// When, in Unix milliseconds (UTC). Orders replies and picks the latest
    /// resolve, disposition and verdict; clocks of different machines differ
    /// a little, which only matters for records seconds apart.
    pub at: i64,
    pub author: Author,
}

/// The line as written: the record with the format version first.
#[derive(Serialize)]
struct Line<'a> {
    v: u32,
    #[serde(flatten)]
    record: &'a Record,
}

/// Record types this version knows, for a clear message on the others.
const KNOWN_TYPES: [&str; 8] = [
    "comment",
    "edit",
    "resolve",
    "disposition",
    "verdict",
    "suggest",
    "accept",
    "reject",
];

impl Record {
    /// Checks the limits [`parse_log`] enforces, so the app can refuse a
    /// comment before writing a line every reader would skip.
    pub fn validate(&self) -> Result<(), String> {
        check_len("author name", &self.author.name, MAX_NAME_CHARS)?;
        check_len("author email", &self.author.email, MAX_NAME_CHARS)?;
        match &self.event {
            Event::Comment {
                id,
                draft_version,
                anchor,
                body,
                parent,
            } => {
                check_id(id)?;
                check_len("draft version", draft_version, MAX_ID_CHARS)?;
                check_len("body", body, MAX_BODY_CHARS)?;
                if let Some(p) = parent {
                    check_id(p)?;
                }
                if let Some(a) = anchor {
                    check_anchor(a)?;
                }
            }
            Event::Edit { id, body } => {
                check_id(id)?;
                check_len("body", body, MAX_BODY_CHARS)?;
            }
            Event::Resolve { id, .. } | Event::Disposition { id, .. } => check_id(id)?,
            Event::Verdict { summary, .. } => check_len("summary", summary, MAX_BODY_CHARS)?,
            Event::Suggest { .. } | Event::Accept { .. } | Event::Reject { .. } => {
                suggestion::validate(&self.event)?
            }
        }
        Ok(())
    }
}

pub(crate) fn check_anchor(a: &Anchor) -> Result<(), String> {
    check_len("quote", &a.quote, MAX_QUOTE_CHARS)?;
    check_len("anchor prefix", &a.prefix, 4 * CONTEXT_CHARS)?;
    check_len("anchor suffix", &a.suffix, 4 * CONTEXT_CHARS)
}

pub(crate) fn check_len(what: &str, s: &str, max: usize) -> Result<(), String> {
    if s.len() > max && s.chars().count() > max {
        return Err(format!("{what} is longer than {max} characters"));
    }
    Ok(())
}

pub(crate) fn check_id(id: &str) -> Result<(), String> {
    if id.is_empty() || id.len() > MAX_ID_CHARS {
        return Err(format!("id must be 1 to {MAX_ID_CHARS} characters"));
    }
    if !id
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | ':'))
    {
        return Err("id may hold only letters, digits and - _ . :".to_string());
    }
    Ok(())
}

/// How records name the version of the draft text they were made on: the
/// first 16 hex digits of its BLAKE3 hash.
pub fn draft_version(text: &str) -> String {
    blake3::hash(text.as_bytes()).to_hex()[..16].to_owned()
}

/// The record as one line of JSON, ending in `\n`. Newlines inside fields
/// are escaped by JSON, so the line never breaks.
pub fn encode_record(record: &Record) -> String {
    let mut line = serde_json::to_string(&Line {
        v: FORMAT_VERSION,
        record,
    })
    .expect("records always serialize");
    line.push('\n');
    line
}

/// A fresh comment id: 128 random bits as 32 hex digits after `c`.
///
/// Random, not derived from content, so two reviewers who write the same
/// words at the same moment still get two comments. The randomness is the
/// standard library's per-process hash keys mixed with the clock and a
/// counter: unique, not secret (ids are not capabilities).
pub fn new_id() -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let count = COUNTER.fetch_add(1, AtomicOrdering::Relaxed);
    let mut halves = [0u64; 2];
    for (i, half) in halves.iter_mut().enumerate() {
        let mut h = RandomState::new().build_hasher();
        h.write_u128(nanos);
        h.write_u64(count);
        h.write_usize(i);
        *half = h.finish();
    }
    format!("c{:016x}{:016x}", halves[0], halves[1])
}

/// The records of one log file, and what was wrong with it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ParsedLog {
    /// The name given to [`parse_log`] (the file's path in the folder).
    pub source: String,
    /// The good records, in file order.
    pub records: Vec<Record>,
    /// One message per skipped line or other trouble, naming the source
    /// and line: for a notice, not an error dialog.
    pub problems: Vec<String>,
}

/// Reads one log. Never fails and never panics: a bad line is reported in
/// `problems` and skipped, and the good lines around it are kept. Only the
/// first [`MAX_LOG_BYTES`] are read.
pub fn parse_log(bytes: &[u8], source_name: &str) -> ParsedLog {
    let mut log = ParsedLog {
        source: source_name.to_string(),
        ..ParsedLog::default()
    };
    let mut bytes = bytes;
    if bytes.len() > MAX_LOG_BYTES {
        log.problems.push(format!(
            "{source_name}: larger than {} MB; only the first {} MB were read",
            MAX_LOG_BYTES / (1024 * 1024),
            MAX_LOG_BYTES / (1024 * 1024)
        ));
        bytes = &bytes[..MAX_LOG_BYTES];
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut lines = bytes.split(|&b| b == b'\n').peekable();
    let mut number = 0;
    while let Some(line) = lines.next() {
        number += 1;
        // `split` yields a last piece after the final newline: empty for a
        // whole file, the start of a line for a cut one.
        let last_unterminated = lines.peek().is_none();
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        match parse_line(line) {
            Ok(record) => log.records.push(record),
            // A complete record missing only its newline is kept above; a
            // cut one is the expected trace of a crash mid-append.
            Err(_) if last_unterminated => log.problems.push(format!(
                "{source_name}: line {number}: incomplete last line (a write was cut short); skipped"
            )),
            Err(message) => log
                .problems
                .push(format!("{source_name}: line {number}: {message}; skipped")),
        }
    }
    log
}

fn parse_line(line: &[u8]) -> Result<Record, String> {
    let text = std::str::from_utf8(line).map_err(|e| format!("not UTF-8 text (byte {})", e.valid_up_to()))?;
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| format!("not valid JSON ({})", short(&e.to_string())))?;
    let object = value.as_object().ok_or("not a JSON object")?;
    let version = object
        .get("v")
        .and_then(serde_json::Value::as_u64)
        .ok_or("no format version `v`")?;
    if version > u64::from(FORMAT_VERSION) {
        return Err(format!(
            "format version {version} is newer than this app reads ({FORMAT_VERSION})"
        ));
    }
    let kind = object
        .get("type")
        .and_then(serde_json::Value::as_str)
        .ok_or("no record `type`")?;
    let Some(kind) = KNOWN_TYPES.iter().find(|k| **k == kind) else {
        return Err(format!("unknown record type {:?}", short(kind)));
    };
    let record: Record = serde_json::from_value(value)
        .map_err(|e| format!("bad {kind} record ({})", short(&e.to_string())))?;
    record.validate()?;
    Ok(record)
}

/// A message cut to a readable length (serde errors may quote input).
fn short(s: &str) -> String {
    match s.char_indices().nth(120) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

/// One comment as the window shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CommentView {
    pub id: String,
    pub parent: Option<String>,
    pub draft_version: String,
    pub anchor: Option<Anchor>,
    /// The latest body (after the writer's own edits).
    pub body: String,
    pub author: Author,
    pub at: i64,
    /// When last edited, if ever.
    pub edited_at: Option<i64>,
    /// The log it came from.
    pub source: String,
}

/// A root comment and its replies.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Thread {
    pub root: CommentView,
    /// Every reply in the thread (replies to replies too), oldest first.
    pub replies: Vec<CommentView>,
    pub resolved: bool,
    /// Who last resolved or reopened it, and when.
    pub resolved_by: Option<Author>,
    pub resolved_at: Option<i64>,
    pub disposition: Option<Disposition>,
    pub disposition_by: Option<Author>,
    /// The root is a reply whose parent is in no log (not synced yet, or
    /// lost in a crash): shown as its own thread rather than dropped.
    pub orphan_parent: bool,
}

/// A reviewer's latest verdict.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct VerdictEntry {
    pub author: Author,
    pub verdict: Verdict,
    pub summary: String,
    pub at: i64,
    pub source: String,
}

/// Everything known about the review of one draft.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReviewState {
    /// Oldest root first.
    pub threads: Vec<Thread>,
    /// One per reviewer (by email, else name), oldest first.
    pub verdicts: Vec<VerdictEntry>,
    /// The logs' problems, then the merge's.
    pub problems: Vec<String>,
}

/// A record's place in the merged history: time, then log name, then the
/// log's place in the input and the line, so the result does not depend on
/// the order the folder listing returned the files in.
#[derive(Clone, Copy)]
struct At<'a> {
    at: i64,
    source: &'a str,
    log: usize,
    index: usize,
}

impl At<'_> {
    fn cmp(&self, other: &Self) -> Ordering {
        (self.at, self.source, self.log, self.index).cmp(&(other.at, other.source, other.log, other.index))
    }
}

/// Merges the logs of one draft into threads and verdicts.
///
/// - A comment id seen twice keeps its earliest record (an identical copy
///   is dropped silently; a different one is reported).
/// - An edit applies only from the comment's own log (each reviewer writes
///   only their own file); the latest applies.
/// - Resolve and disposition records name any comment of a thread and
///   apply to the thread; the latest wins, ties broken by log name.
/// - A reply whose parent is missing, or whose parents form a loop, roots
///   a thread of its own flagged `orphanParent`; nothing is dropped.
pub fn merge(logs: &[ParsedLog]) -> ReviewState {
    let mut problems: Vec<String> = logs.iter().flat_map(|l| l.problems.iter().cloned()).collect();
    let mut all: Vec<(At, &Record)> = Vec::new();
    for (log, parsed) in logs.iter().enumerate() {
        for (index, record) in parsed.records.iter().enumerate() {
            all.push((
                At {
                    at: record.at,
                    source: &parsed.source,
                    log,
                    index,
                },
                record,
            ));
        }
    }
    all.sort_by(|a, b| a.0.cmp(&b.0));

    // Comments, earliest record per id.
    let mut comments: Vec<(At, CommentView)> = Vec::new();
    let mut by_id: HashMap<&str, usize> = HashMap::new();
    for (at, record) in &all {
        let Event::Comment {
            id,
            draft_version,
            anchor,
            body,
            parent,
        } = &record.event
        else {
            continue;
        };
        if let Some(&existing) = by_id.get(id.as_str()) {
            let first = &comments[existing].1;
            let same = first.body == *body && first.author == record.author && first.parent == *parent;
            if !same {
                problems.push(format!(
                    "{}: comment {id} reuses an existing id; ignored",
                    at.source
                ));
            }
            continue;
        }
        by_id.insert(id, comments.len());
        comments.push((
            *at,
            CommentView {
                id: id.clone(),
                parent: parent.clone(),
                draft_version: draft_version.clone(),
                anchor: anchor.clone(),
                body: body.clone(),
                author: record.author.clone(),
                at: record.at,
                edited_at: None,
                source: at.source.to_string(),
            },
        ));
    }

    // Edits, in time order so the latest stays.
    for (at, record) in &all {
        let Event::Edit { id, body } = &record.event else {
            continue;
        };
        match by_id.get(id.as_str()) {
            Some(&i) if comments[i].1.source == at.source => {
                comments[i].1.body = body.clone();
                comments[i].1.edited_at = Some(record.at);
            }
            Some(_) => problems.push(format!(
                "{}: edit of another reviewer's comment {id}; ignored",
                at.source
            )),
            None => problems.push(format!("{}: edit of unknown comment {id}; ignored", at.source)),
        }
    }

    // Thread roots.
    let roots = thread_roots(&comments, &by_id);
    let mut threads: Vec<Thread> = Vec::new();
    let mut thread_of_root: HashMap<usize, usize> = HashMap::new();
    for (i, &(root, orphan)) in roots.iter().enumerate() {
        if i == root {
            thread_of_root.insert(i, threads.len());
            threads.push(Thread {
                root: comments[i].1.clone(),
                replies: Vec::new(),
                resolved: false,
                resolved_by: None,
                resolved_at: None,
                disposition: None,
                disposition_by: None,
                orphan_parent: orphan,
            });
        }
    }
    // Comments are in time order, so replies are pushed oldest first.
    for (i, &(root, _)) in roots.iter().enumerate() {
        if i != root {
            threads[thread_of_root[&root]].replies.push(comments[i].1.clone());
        }
    }

    // Resolve and disposition, latest last.
    for (at, record) in &all {
        let id = match &record.event {
            Event::Resolve { id, .. } | Event::Disposition { id, .. } => id,
            _ => continue,
        };
        let Some(&i) = by_id.get(id.as_str()) else {
            problems.push(format!(
                "{}: {} for unknown comment {id}; ignored",
                at.source,
                kind_of(record)
            ));
            continue;
        };
        let thread = &mut threads[thread_of_root[&roots[i].0]];
        match &record.event {
            Event::Resolve { resolved, .. } => {
                thread.resolved = *resolved;
                thread.resolved_by = Some(record.author.clone());
                thread.resolved_at = Some(record.at);
            }
            Event::Disposition { disposition, .. } => {
                thread.disposition = Some(*disposition);
                thread.disposition_by = Some(record.author.clone());
            }
            _ => {}
        }
    }

    // Verdicts: the latest per reviewer.
    let mut verdicts: Vec<VerdictEntry> = Vec::new();
    let mut by_reviewer: HashMap<String, usize> = HashMap::new();
    for (at, record) in &all {
        let Event::Verdict { verdict, summary } = &record.event else {
            continue;
        };
        let entry = VerdictEntry {
            author: record.author.clone(),
            verdict: *verdict,
            summary: summary.clone(),
            at: record.at,
            source: at.source.to_string(),
        };
        let reviewer = if record.author.email.is_empty() {
            format!("name:{}", record.author.name)
        } else {
            format!("email:{}", record.author.email.to_lowercase())
        };
        match by_reviewer.get(&reviewer) {
            Some(&i) => verdicts[i] = entry,
            None => {
                by_reviewer.insert(reviewer, verdicts.len());
                verdicts.push(entry);
            }
        }
    }
    verdicts.sort_by(|a, b| (a.at, &a.source).cmp(&(b.at, &b.source)));

    ReviewState {
        threads,
        verdicts,
        problems,
    }
}

pub(crate) fn kind_of(record: &Record) -> &'static str {
    match record.event {
        Event::Comment { .. } => "comment",
        Event::Edit { .. } => "edit",
        Event::Resolve { .. } => "resolve",
        Event::Disposition { .. } => "disposition",
        Event::Verdict { .. } => "verdict",
        Event::Suggest { .. } => "suggest",
        Event::Accept { .. } => "accept",
        Event::Reject { .. } => "reject",
    }
}

/// The thread root of each comment, and whether that root is an orphan:
/// its parent is missing, or the parents loop (the loop's earliest comment
/// then roots it, whichever member a walk starts from). Every comment on a
/// walk shares its end, so each is visited once: deep reply chains stay
/// linear.
fn thread_roots(comments: &[(At, CommentView)], by_id: &HashMap<&str, usize>) -> Vec<(usize, bool)> {
    let mut roots: Vec<Option<(usize, bool)>> = vec![None; comments.len()];
    for i in 0..comments.len() {
        let mut path: Vec<usize> = Vec::new();
        let mut on_path: HashSet<usize> = HashSet::new();
        let mut cur = i;
        let found = loop {
            if let Some(known) = roots[cur] {
                break known;
            }
            path.push(cur);
            on_path.insert(cur);
            let Some(parent) = &comments[cur].1.parent else {
                break (cur, false);
            };
            match by_id.get(parent.as_str()) {
                None => break (cur, true),
                Some(&p) if on_path.contains(&p) => {
                    let start = path.iter().position(|&x| x == p).expect("p is on the path");
                    // Comments are sorted by time: the smallest index is the earliest.
                    break (*path[start..].iter().min().expect("a loop has members"), true);
                }
                Some(&p) => cur = p,
            }
        };
        for c in path {
            roots[c] = Some(found);
        }
    }
    roots
        .into_iter()
        .map(|r| r.expect("every comment was walked"))
        .collect()
}

#[cfg(test)]
mod tests;
