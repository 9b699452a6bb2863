//! Review data carried into the exports: comments, suggested edits,
//! verdicts and a lint summary. These are plain input structs; the app maps its review model
//! onto them. All their text is treated as plain text, never Markdown.

use dateline_lint::Report;

/// One review comment on the draft.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReviewComment {
    pub author: String,
    /// The passage of the draft the comment is about.
    pub quoted: Option<String>,
    /// The comment itself; its replies are in `replies`.
    pub body: String,
    /// What was decided ("accepted", "won't fix", "open"...).
    pub disposition: Option<String>,
    /// When it was written, Unix milliseconds (UTC).
    pub at: Option<i64>,
    /// The thread's replies, oldest first.
    pub replies: Vec<ReviewReply>,
    /// Where `quoted` is in the exported text (byte offset), when its
    /// anchor was found there: a quote that occurs twice then marks the
    /// passage the reviewer chose, not the first one.
    pub offset: Option<usize>,
}

/// A reply in a comment thread.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReviewReply {
    pub author: String,
    pub body: String,
    /// Unix milliseconds (UTC).
    pub at: Option<i64>,
}

impl ReviewComment {
    /// The comment and its replies as one text, each reply on its own
    /// paragraph as "Author: reply" (how the PDF and Markdown print a thread).
    pub fn thread_text(&self) -> String {
        std::iter::once(self.body.clone())
            .chain(self.replies.iter().map(|r| format!("{}: {}", r.author, r.body)))
            .collect::<Vec<_>>()
            .join("\n\n")
    }
}

/// A reviewer's overall decision.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReviewVerdict {
    pub reviewer: String,
    /// "approve", "revise"...
    pub verdict: String,
    pub note: Option<String>,
}

/// The lint results worth printing: the score, the counts and the findings.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LintSummary {
    pub score: u8,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    pub findings: Vec<LintFinding>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LintFinding {
    pub line: usize,
    pub severity: String,
    pub rule: String,
    pub message: String,
}

impl From<&Report> for LintSummary {
    fn from(report: &Report) -> Self {
        LintSummary {
            score: report.score,
            errors: report.counts.error,
            warnings: report.counts.warning,
            infos: report.counts.info,
            findings: report
                .diagnostics
                .iter()
                .map(|d| LintFinding {
                    line: d.line,
                    severity: d.severity.to_string(),
                    rule: d.rule.to_string(),
                    message: d.message.clone(),
                })
                .collect(),
        }
    }
}

impl LintSummary {
    /// "Readiness 82/100: 1 error, 3 warnings, 2 notes."
    pub fn headline(&self) -> String {
        format!(
            "Readiness {}/100: {}, {}, {}.",
            self.score,
            plural(self.errors, "error"),
            plural(self.warnings, "warning"),
            plural(self.infos, "note")
        )
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// One suggested edit as a packet shows it: before → after, who, and what
/// became of it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReviewSuggestion {
    pub author: String,
    /// The exact text it replaces (empty for an insertion).
    pub before: String,
    pub after: String,
    pub note: Option<String>,
    /// open, accepted, rejected, orphaned or conflicting.
    pub status: String,
    /// Who accepted or rejected it, and the reply.
    pub decided_by: Option<String>,
    pub reply: Option<String>,
    /// Unix milliseconds (UTC).
    pub at: Option<i64>,
    /// Where `before` is in the exported text (byte offset), for open ones found.
    pub offset: Option<usize>,
}

impl ReviewSuggestion {
    /// “old” → “new”, remove “old”, or insert “new”.
    pub fn before_after(&self) -> String {
        dateline_review::suggest::describe_edit(&self.before, &self.after, str::to_owned)
    }

    /// "Accepted by Mia Chen", "open", "orphaned: its text is gone".
    pub fn status_text(&self) -> String {
        match (self.status.as_str(), &self.decided_by) {
            (status @ ("accepted" | "rejected"), Some(by)) => format!("{status} by {by}"),
            ("orphaned", _) => "orphaned: its text is gone".into(),
            ("conflicting", _) => "conflicts with an accepted edit".into(),
            (status, _) => status.into(),
        }
    }
}

/// The suggestions of a draft placed in the exported text, open ones first.
pub fn suggestions(placed: &[dateline_review::suggest::Placed]) -> Vec<ReviewSuggestion> {
    let mut rows: Vec<ReviewSuggestion> = placed.iter().map(suggestion_row).collect();
    rows.sort_by_key(|r| (r.status != "open", r.at));
    rows
}

fn suggestion_row(p: &dateline_review::suggest::Placed) -> ReviewSuggestion {
    use dateline_review::suggest::SuggestionStatus as S;
    let s = p.suggestion;
    ReviewSuggestion {
        author: s.author.name.clone(),
        before: s.before().to_owned(),
        after: s.after.clone(),
        note: s.note.clone(),
        status: match p.status {
            S::Open => "open",
            S::Accepted => "accepted",
            S::Rejected => "rejected",
            S::Orphaned => "orphaned",
            S::Conflicting => "conflicting",
        }
        .to_owned(),
        decided_by: s.decision.as_ref().map(|d| d.by.name.clone()),
        reply: s.decision.as_ref().and_then(|d| d.reply.clone()),
        at: Some(s.at),
        offset: p.span.map(|span| span.start),
    }
}

/// Everything a review packet adds after the draft.
#[derive(Clone, Copy, Debug, Default)]
pub struct ReviewPacket<'a> {
    pub comments: &'a [ReviewComment],
    pub suggestions: &'a [ReviewSuggestion],
    pub verdicts: &'a [ReviewVerdict],
    pub lint: Option<&'a LintSummary>,
}

/// The comments a packet prints: the review's open (unresolved) threads,
/// each with the text it quotes (and where, in the exported `text`), its
/// disposition and its replies.
pub fn open_comments(state: &dateline_review::ReviewState, text: &str) -> Vec<ReviewComment> {
    state
        .threads
        .iter()
        .filter(|t| !t.resolved)
        .map(|t| ReviewComment {
            author: t.root.author.name.clone(),
            quoted: t.root.anchor.as_ref().map(|a| a.quote.clone()),
            offset: t
                .root
                .anchor
                .as_ref()
                .and_then(|a| a.resolve(text).span())
                .map(|span| span.start),
            body: t.root.body.clone(),
            at: Some(t.root.at),
            replies: t
                .replies
                .iter()
                .map(|r| ReviewReply {
                    author: r.author.name.clone(),
                    body: r.body.clone(),
                    at: Some(r.at),
                })
                .collect(),
            disposition: t.disposition.map(|d| {
                match d {
                    dateline_review::Disposition::Keep => "keep",
                    dateline_review::Disposition::Revise => "revise",
                    dateline_review::Disposition::Defer => "defer",
                }
                .to_owned()
            }),
        })
        .collect()
}

/// Each reviewer's latest verdict.
pub fn verdicts(state: &dateline_review::ReviewState) -> Vec<ReviewVerdict> {
    state
        .verdicts
        .iter()
        .map(|v| ReviewVerdict {
            reviewer: v.author.name.clone(),
            verdict: match v.verdict {
                dateline_review::Verdict::Approve => "approved",
                dateline_review::Verdict::ChangesRequested => "changes requested",
            }
            .to_owned(),
            note: Some(v.summary.clone()).filter(|s| !s.is_empty()),
        })
        .collect()
}

/// What a review packet (PDF) or appendix (Markdown) adds after the draft,
/// owned: the open comments, the suggested edits, the verdicts and the
/// lint summary.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReviewMaterial {
    pub comments: Vec<ReviewComment>,
    pub suggestions: Vec<ReviewSuggestion>,
    pub verdicts: Vec<ReviewVerdict>,
    pub lint: LintSummary,
}

impl ReviewMaterial {
    /// The open threads and verdicts of `state`, placed in the exported
    /// `text`, with the lint of that text.
    pub fn new(state: &dateline_review::ReviewState, lint: LintSummary, text: &str) -> Self {
        ReviewMaterial {
            comments: open_comments(state, text),
            suggestions: Vec::new(),
            verdicts: verdicts(state),
            lint,
        }
    }

    /// The same, with the draft's suggested edits (placed in the exported text).
    pub fn with_suggestions(self, suggestions: Vec<ReviewSuggestion>) -> Self {
        ReviewMaterial { suggestions, ..self }
    }

    /// The open suggestions found in the text, as Word tracked changes (an
    /// insertion only where it was placed).
    pub fn tracked_changes(&self) -> Vec<crate::TrackedChange> {
        self.suggestions
            .iter()
            .filter(|s| s.status == "open" && (!s.before.is_empty() || s.offset.is_some()))
            .map(|s| crate::TrackedChange {
                anchor: s.before.clone(),
                replacement: s.after.clone(),
                author: s.author.clone(),
                at: s.at,
                offset: s.offset,
            })
            .collect()
    }

    pub fn packet(&self) -> ReviewPacket<'_> {
        ReviewPacket {
            comments: &self.comments,
            suggestions: &self.suggestions,
            verdicts: &self.verdicts,
            lint: Some(&self.lint),
        }
    }

    pub fn appendix(&self) -> crate::Appendix<'_> {
        crate::Appendix {
            comments: &self.comments,
            suggestions: &self.suggestions,
            lint: Some(&self.lint),
        }
    }
}
