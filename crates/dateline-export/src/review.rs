//! Review data carried into the exports: comments, verdicts and a lint
//! summary. These are plain input structs; the app maps its review model
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

/// Everything a review packet adds after the draft.
#[derive(Clone, Copy, Debug, Default)]
pub struct ReviewPacket<'a> {
    pub comments: &'a [ReviewComment],
    pub verdicts: &'a [ReviewVerdict],
    pub lint: Option<&'a LintSummary>,
}

/// The comments a packet prints: the review's open (unresolved) threads,
/// each with the text it quotes, its disposition and its replies.
pub fn open_comments(state: &dateline_review::ReviewState) -> Vec<ReviewComment> {
    state
        .threads
        .iter()
        .filter(|t| !t.resolved)
        .map(|t| ReviewComment {
            author: t.root.author.name.clone(),
            quoted: t.root.anchor.as_ref().map(|a| a.quote.clone()),
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
/// owned: the open comments, the verdicts and the lint summary.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReviewMaterial {
    pub comments: Vec<ReviewComment>,
    pub verdicts: Vec<ReviewVerdict>,
    pub lint: LintSummary,
}

impl ReviewMaterial {
    /// The open threads and verdicts of `state`, with the lint of the text.
    pub fn new(state: &dateline_review::ReviewState, lint: LintSummary) -> Self {
        ReviewMaterial {
            comments: open_comments(state),
            verdicts: verdicts(state),
            lint,
        }
    }

    pub fn packet(&self) -> ReviewPacket<'_> {
        ReviewPacket {
            comments: &self.comments,
            verdicts: &self.verdicts,
            lint: Some(&self.lint),
        }
    }

    pub fn appendix(&self) -> crate::Appendix<'_> {
        crate::Appendix {
            comments: &self.comments,
            lint: Some(&self.lint),
        }
    }
}
