//! What a lint run returns: the outline, the diagnostics and the score.

use serde::Serialize;
use std::fmt;
use std::ops::Range;

/// How much a finding matters. Serialized lowercase, as the spec names them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    /// Parses `error`, `warning` or `info` (any case).
    pub fn parse(s: &str) -> Option<Severity> {
        match s.to_ascii_lowercase().as_str() {
            "error" => Some(Severity::Error),
            "warning" | "warn" => Some(Severity::Warning),
            "info" | "note" => Some(Severity::Info),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The parts of a PR/FAQ, in the order the press release should present them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SectionKind {
    Headline,
    Subheading,
    Summary,
    Problem,
    Solution,
    LeaderQuote,
    GettingStarted,
    CustomerQuote,
    CallToAction,
    /// A FAQ heading with no customer/internal split under it yet.
    Faq,
    ExternalFaq,
    InternalFaq,
    /// A part the outline does not recognise (a table of results, an appendix).
    Other,
}

impl SectionKind {
    /// Every kind, for lookups by name.
    pub const ALL: [SectionKind; 13] = [
        SectionKind::Headline,
        SectionKind::Subheading,
        SectionKind::Summary,
        SectionKind::Problem,
        SectionKind::Solution,
        SectionKind::LeaderQuote,
        SectionKind::GettingStarted,
        SectionKind::CustomerQuote,
        SectionKind::CallToAction,
        SectionKind::Faq,
        SectionKind::ExternalFaq,
        SectionKind::InternalFaq,
        SectionKind::Other,
    ];

    /// The body sections `missing-section` requires, in press-release order.
    pub const REQUIRED: [SectionKind; 7] = [
        SectionKind::Summary,
        SectionKind::Problem,
        SectionKind::Solution,
        SectionKind::LeaderQuote,
        SectionKind::GettingStarted,
        SectionKind::CustomerQuote,
        SectionKind::CallToAction,
    ];

    /// The id used in JSON and config (`leader-quote`).
    pub fn id(self) -> &'static str {
        match self {
            SectionKind::Headline => "headline",
            SectionKind::Subheading => "subheading",
            SectionKind::Summary => "summary",
            SectionKind::Problem => "problem",
            SectionKind::Solution => "solution",
            SectionKind::LeaderQuote => "leader-quote",
            SectionKind::GettingStarted => "getting-started",
            SectionKind::CustomerQuote => "customer-quote",
            SectionKind::CallToAction => "call-to-action",
            SectionKind::Faq => "faq",
            SectionKind::ExternalFaq => "external-faq",
            SectionKind::InternalFaq => "internal-faq",
            SectionKind::Other => "other",
        }
    }

    /// A label for people ("Leader quote").
    pub fn label(self) -> &'static str {
        match self {
            SectionKind::Headline => "Headline",
            SectionKind::Subheading => "Subheading",
            SectionKind::Summary => "Summary",
            SectionKind::Problem => "Problem",
            SectionKind::Solution => "Solution",
            SectionKind::LeaderQuote => "Leader quote",
            SectionKind::GettingStarted => "How to get started",
            SectionKind::CustomerQuote => "Customer quote",
            SectionKind::CallToAction => "Call to action",
            SectionKind::Faq => "FAQ",
            SectionKind::ExternalFaq => "External FAQ",
            SectionKind::InternalFaq => "Internal FAQ",
            SectionKind::Other => "Other",
        }
    }

    pub fn from_id(id: &str) -> Option<SectionKind> {
        SectionKind::ALL.into_iter().find(|k| k.id() == id)
    }

    /// True for the kinds that belong to the FAQ part.
    pub fn is_faq(self) -> bool {
        matches!(
            self,
            SectionKind::Faq | SectionKind::ExternalFaq | SectionKind::InternalFaq
        )
    }
}

/// One recognised part of the draft.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Section {
    pub kind: SectionKind,
    /// The kind's human label ("Leader quote").
    pub label: &'static str,
    /// The heading text when the section starts with a heading.
    pub title: Option<String>,
    /// Byte range in the text, from the heading (if any) to the last block.
    pub start: usize,
    pub end: usize,
    /// True when the section was found by its heading (labelled style), false
    /// when it was recognised from its content (plain-prose style).
    pub heading: bool,
}

/// A replacement that resolves a diagnostic: put `replacement` in place of
/// the bytes `start..end`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Fix {
    pub start: usize,
    pub end: usize,
    pub replacement: String,
    /// Other likely replacements of the same bytes (spelling corrections
    /// after the first), likeliest first.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub alternatives: Vec<String>,
}

/// One finding.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub rule: &'static str,
    pub severity: Severity,
    pub message: String,
    /// 1-based line of `start`.
    pub line: usize,
    /// 1-based column of `start`, in Unicode scalar values.
    pub column: usize,
    /// 1-based column of `start`, in UTF-16 code units (what editors use).
    pub column_utf16: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub end_column_utf16: usize,
    /// Byte offsets, always on char boundaries and within the text.
    pub start: usize,
    pub end: usize,
    /// The section the finding is in, if any.
    pub section: Option<SectionKind>,
    pub fix: Option<Fix>,
}

/// How many findings of each severity.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub error: usize,
    pub warning: usize,
    pub info: usize,
}

/// Word counts of the two parts of the draft.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct WordCounts {
    pub press_release: usize,
    pub faq: usize,
}

/// The result of linting one draft.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Report {
    pub outline: Vec<Section>,
    /// Byte range of the release's dateline ("SEATTLE — June 10, 2025 —"),
    /// when one was found.
    pub dateline: Option<Range<usize>>,
    /// The draft's language, ISO 639-1 ("en", "de").
    pub language: String,
    /// Required press-release sections and FAQ parts that were not found.
    pub missing_sections: Vec<SectionKind>,
    pub diagnostics: Vec<Diagnostic>,
    /// Readiness, 0 to 100.
    pub score: u8,
    pub counts: Counts,
    pub words: WordCounts,
    /// Inline `dateline-` comments that name an unknown rule id (a typo).
    /// Reported like `dateline.toml` problems: they are not findings of a
    /// rule, so they count in neither `counts` nor `score`.
    pub comment_problems: Vec<CommentProblem>,
}

/// A rule id in an inline `dateline-` comment that names no rule: it
/// silences nothing.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CommentProblem {
    /// The id as written.
    pub id: String,
    /// Byte range of the id in the text.
    pub range: Range<usize>,
    /// 1-based line and column (in chars) of the id.
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl Report {
    /// True when any diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.counts.error > 0
    }

    /// The first outline section of a kind.
    pub fn section(&self, kind: SectionKind) -> Option<&Section> {
        self.outline.iter().find(|s| s.kind == kind)
    }
}
