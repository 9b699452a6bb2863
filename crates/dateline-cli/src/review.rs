//! `dateline review DRAFT`: the review gate. Prints a draft's open comment
//! threads, its suggestions and the reviewers' verdicts, read from the
//! drafts folder's `.dateline/reviews` as the app keeps them.
//!
//! Exit status: 1 when a reviewer's latest verdict requests changes or a
//! suggestion is undecided (open, orphaned or conflicting: each needs the
//! author's answer), 0 otherwise (no review data at all included), 2 when
//! the draft cannot be read.

use crate::output::fail;
use dateline_review::folder::{read_review_logs, review_dir, REVIEW_DIR};
use dateline_review::log::{merge, ReviewState, Verdict};
use dateline_review::suggest::{describe_edit, merge_suggestions, place, Placed, SuggestionStatus};
use serde_json::{json, Value};
use std::fmt::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReviewFormat {
    Text,
    Json,
}

pub fn run(draft: &Path, format: ReviewFormat) -> ExitCode {
    let text = match std::fs::read(draft) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => text,
            Err(_) => return fail(&format!("{} is not UTF-8 text", draft.display())),
        },
        Err(err) => return fail(&format!("cannot read {}: {err}", draft.display())),
    };
    let logs = drafts_root_of(draft)
        .map(|(root, rel)| read_review_logs(&review_dir(&root, &rel)))
        .unwrap_or_default();
    let state = merge(&logs);
    let merged = merge_suggestions(&logs);
    for problem in state.problems.iter().chain(&merged.problems) {
        eprintln!("dateline: review data: {problem}");
    }
    let placed = place(&merged.suggestions, &text);
    let report = Gate::new(&state, &placed, &text);
    match format {
        ReviewFormat::Text => print!("{}", report.text(&draft.display().to_string())),
        ReviewFormat::Json => println!(
            "{}",
            serde_json::to_string_pretty(&report.json(&draft.display().to_string())).unwrap_or_default()
        ),
    }
    if report.blocked() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// What the gate looks at.
struct Gate<'a> {
    state: &'a ReviewState,
    placed: &'a [Placed<'a>],
    text: &'a str,
}

impl<'a> Gate<'a> {
    fn new(state: &'a ReviewState, placed: &'a [Placed<'a>], text: &'a str) -> Self {
        Gate { state, placed, text }
    }

    fn undecided(&self) -> impl Iterator<Item = &Placed<'a>> {
        self.placed.iter().filter(|p| {
            matches!(
                p.status,
                SuggestionStatus::Open | SuggestionStatus::Orphaned | SuggestionStatus::Conflicting
            )
        })
    }

    fn changes_requested(&self) -> bool {
        self.state
            .verdicts
            .iter()
            .any(|v| v.verdict == Verdict::ChangesRequested)
    }

    fn blocked(&self) -> bool {
        self.changes_requested() || self.undecided().next().is_some()
    }

    fn line_of(&self, p: &Placed) -> Option<usize> {
        p.span
            .map(|s| self.text[..s.start].bytes().filter(|&b| b == b'\n').count() + 1)
    }

    fn text(&self, name: &str) -> String {
        let mut out = String::new();
        let open: Vec<_> = self.state.threads.iter().filter(|t| !t.resolved).collect();
        for t in &open {
            let quote = t.root.anchor.as_ref().map_or("", |a| a.quote.as_str());
            let _ = writeln!(
                out,
                "{name}: comment by {} on “{}”: {} ({} repl{})",
                t.root.author.name,
                one_line(quote),
                one_line(&t.root.body),
                t.replies.len(),
                if t.replies.len() == 1 { "y" } else { "ies" }
            );
        }
        for p in self.undecided() {
            let s = p.suggestion;
            let at = self.line_of(p).map_or_else(String::new, |l| format!(":{l}"));
            let _ = write!(
                out,
                "{name}{at}: suggestion by {} ({}): {}",
                s.author.name,
                status_name(p.status),
                describe_edit(s.before(), &s.after, one_line)
            );
            let _ = writeln!(
                out,
                "{}",
                s.note
                    .as_ref()
                    .map_or(String::new(), |n| format!(" — {}", one_line(n)))
            );
        }
        for v in &self.state.verdicts {
            let verdict = match v.verdict {
                Verdict::Approve => "approved",
                Verdict::ChangesRequested => "changes requested",
            };
            let _ = writeln!(
                out,
                "{name}: {} {verdict}: {}",
                v.author.name,
                one_line(&v.summary)
            );
        }
        let _ = writeln!(
            out,
            "{name}: {} open comment thread{}, {} undecided suggestion{}, {}",
            open.len(),
            if open.len() == 1 { "" } else { "s" },
            self.undecided().count(),
            if self.undecided().count() == 1 { "" } else { "s" },
            if self.blocked() {
                "review not passed"
            } else {
                "review passed"
            }
        );
        out
    }

    fn json(&self, name: &str) -> Value {
        let comments: Vec<Value> = self
            .state
            .threads
            .iter()
            .filter(|t| !t.resolved)
            .map(|t| {
                json!({
                    "id": t.root.id,
                    "author": t.root.author.name,
                    "quote": t.root.anchor.as_ref().map(|a| a.quote.clone()),
                    "body": t.root.body,
                    "replies": t.replies.len(),
                })
            })
            .collect();
        let suggestions: Vec<Value> = self
            .placed
            .iter()
            .map(|p| {
                let s = p.suggestion;
                json!({
                    "id": s.id,
                    "author": s.author.name,
                    "kind": s.kind,
                    "before": s.before(),
                    "after": s.after,
                    "note": s.note,
                    "status": p.status,
                    "line": self.line_of(p),
                })
            })
            .collect();
        json!({
            "draft": name,
            "comments": comments,
            "suggestions": suggestions,
            "verdicts": self.state.verdicts,
            "problems": self.state.problems,
            "passed": !self.blocked(),
        })
    }
}

fn status_name(status: SuggestionStatus) -> &'static str {
    match status {
        SuggestionStatus::Open => "open",
        SuggestionStatus::Accepted => "accepted",
        SuggestionStatus::Rejected => "rejected",
        SuggestionStatus::Orphaned => "orphaned: its text is gone",
        SuggestionStatus::Conflicting => "conflicting with an accepted one",
    }
}

/// A field on one line: line breaks shown as `⏎`.
fn one_line(s: &str) -> String {
    s.trim().replace('\n', "⏎")
}

/// The drafts folder holding `draft` and the draft's path in it (with `/`).
pub(crate) fn drafts_root_of(draft: &Path) -> Option<(PathBuf, String)> {
    let draft = draft.canonicalize().ok()?;
    draft
        .ancestors()
        .skip(1)
        .find(|dir| dir.join(REVIEW_DIR).is_dir())
        .map(|root| {
            let rel = draft.strip_prefix(root).unwrap_or(&draft);
            let rel = rel
                .iter()
                .map(|part| part.to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            (root.to_path_buf(), rel)
        })
}

/// The draft with its open suggestions written in as CriticMarkup, for
/// `export --to md --with-review`; says on stderr how many could not be.
pub(crate) fn with_suggestions_marked(draft: &Path, text: &str) -> String {
    let Some((root, rel)) = drafts_root_of(draft) else {
        return text.to_string();
    };
    let merged = merge_suggestions(&read_review_logs(&review_dir(&root, &rel)));
    let (marked, left_out) = dateline_review::critic::render_critic(text, &merged.suggestions);
    if left_out > 0 {
        eprintln!(
            "dateline: {left_out} open suggestion{} could not be written as CriticMarkup (in code, overlapping another, or holding its delimiters); see the app",
            if left_out == 1 { "" } else { "s" }
        );
    }
    marked
}
