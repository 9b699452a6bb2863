//! The PR/FAQ lint: structure and style checks for Amazon-style "working
//! backwards" press releases. No I/O: give it text and a [`Config`], get a
//! [`Report`].
//!
//! ```
//! let report = dateline_lint::lint("# Acme Ships Rockets Today\n", &dateline_lint::Config::default());
//! assert!(report.diagnostics.iter().any(|d| d.rule == "missing-section"));
//! ```

mod catalog;
mod config;
mod context;
pub mod critic;
mod document;
mod language;
mod marked;
mod outline;
mod position;
mod proofread;
mod report;
pub mod rules;
mod score;
mod suppress;
mod text;
mod wordlists;

pub use config::{Config, ConfigProblem, Dialect, Thresholds, WordList, WORDS_FILE};
pub use document::parse_only;
pub use proofread::warm_up;
pub use report::{
    CommentProblem, Counts, Diagnostic, Fix, Report, Section, SectionKind, Severity, WordCounts,
};
pub use rules::{rules, RuleInfo};

/// The PR/FAQ template: every section labelled, with one line of guidance.
pub const TEMPLATE: &str = include_str!("../data/template.md");

/// Lints one draft. Never fails and never panics: any text gives a report.
///
/// A draft holding CriticMarkup ([`critic`]) is linted as it reads with the
/// marks pending, and the findings are placed back in the marked text, so
/// the markup itself is never flagged.
pub fn lint(text: &str, config: &Config) -> Report {
    lint_marked(text, config, false).0
}

/// Lints one draft as [`lint`] does, but answers at once: while Harper is
/// still loading, or when more than a few blocks are new to it (a draft
/// just opened), spelling and grammar are left out of those blocks and the
/// second value is true. The editor shows that much, then lints again once
/// a [`lint`] of the same text has run on another thread.
pub fn lint_without_waiting(text: &str, config: &Config) -> (Report, bool) {
    lint_marked(text, config, true)
}

fn lint_marked(text: &str, config: &Config, quick: bool) -> (Report, bool) {
    if critic::may_have_markup(text) {
        let marks = critic::parse(text);
        if !marks.is_empty() {
            let (clean, map) = critic::strip_marks(text, &marks);
            let (report, pending) = lint_plain(&clean, config, quick);
            return (marked::place_back(report, text, &clean, &map), pending);
        }
    }
    lint_plain(text, config, quick)
}

/// Lints text that holds no CriticMarkup to strip; true when spelling and
/// grammar were left for later (only when `quick`).
fn lint_plain(text: &str, config: &Config, quick: bool) -> (Report, bool) {
    let mut tables = document::Tables::default();
    let doc = document::Document::parse(text, &mut tables);
    let outline = outline::outline(&doc);
    let lists = config.word_lists();
    let language = language::language(&doc, config);
    let english = language == "en";
    let cx = context::Context::new(&doc, &outline, config, &lists, language.clone());
    let cx = if quick { cx.quick() } else { cx };
    let mut found = Vec::new();
    for rule in rules::RULES {
        let Some(severity) = config.severity(rule.info.id) else {
            continue;
        };
        if !english && rules::ENGLISH_ONLY.contains(&rule.info.id) {
            continue;
        }
        let mut sink = context::Sink::new(rule.info.id, severity);
        (rule.check)(&cx, &mut sink);
        found.append(&mut sink.found);
    }
    let suppressions = suppress::Suppressions::from_document(&doc);
    found.retain(|f| !suppressions.is_suppressed(f.rule, f.range.start));
    let diagnostics = position::finish(text, &outline, found);
    let counts = score::counts(&diagnostics);
    let report = Report {
        missing_sections: cx.missing_sections(),
        words: cx.word_counts(),
        outline: outline.sections.clone(),
        dateline: outline.dateline.clone(),
        language,
        score: score::readiness(&diagnostics),
        counts,
        diagnostics,
        comment_problems: suppressions.problems,
    };
    (report, cx.proofs_pending())
}
