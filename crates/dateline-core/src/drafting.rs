//! What the editor shows while a draft is written: the lint report in the
//! editor's coordinates (UTF-16 offsets, as CodeMirror counts), the outline
//! with the sections still missing, the readiness score and word budgets.

use dateline_lint::{CommentProblem, Config, Diagnostic, Report, SectionKind, Severity};
use serde::Serialize;
use std::sync::{Arc, RwLock};

/// The lint configuration of the open folder, shared between the workspace
/// (which replaces it when a folder opens or its `dateline.toml` is re-read)
/// and the editor's lint, which reads it without taking the workspace.
#[derive(Clone, Default)]
pub struct LintConfig(Arc<RwLock<Arc<Config>>>);

impl LintConfig {
    /// The configuration now in force (held only as long as the read).
    pub fn get(&self) -> Arc<Config> {
        self.0.read().unwrap_or_else(|p| p.into_inner()).clone()
    }

    pub fn set(&self, config: Config) {
        *self.0.write().unwrap_or_else(|p| p.into_inner()) = Arc::new(config);
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "lowercase")]
pub enum SeverityView {
    Error,
    Warning,
    Info,
}

impl From<Severity> for SeverityView {
    fn from(severity: Severity) -> Self {
        match severity {
            Severity::Error => SeverityView::Error,
            Severity::Warning => SeverityView::Warning,
            Severity::Info => SeverityView::Info,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct FixView {
    pub from: u32,
    pub to: u32,
    pub replacement: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct DiagnosticView {
    pub rule: String,
    pub severity: SeverityView,
    pub message: String,
    /// UTF-16 offsets into the editor text.
    pub from: u32,
    pub to: u32,
    pub line: u32,
    /// The section kind id (`problem`), when the finding is inside one.
    pub section: Option<String>,
    pub fix: Option<FixView>,
}

#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct OutlineEntry {
    pub kind: String,
    pub label: String,
    pub title: Option<String>,
    pub from: u32,
    pub to: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct MissingSection {
    pub kind: String,
    pub label: String,
    pub hint: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct WordBudget {
    pub press_release: u32,
    pub press_release_limit: u32,
    pub faq: u32,
    pub faq_limit: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct LintView {
    pub diagnostics: Vec<DiagnosticView>,
    pub outline: Vec<OutlineEntry>,
    pub missing: Vec<MissingSection>,
    pub score: u8,
    pub errors: u32,
    pub warnings: u32,
    pub infos: u32,
    pub words: WordBudget,
    /// `dateline-disable` comments naming no rule (typos): they silence nothing.
    pub comment_problems: Vec<CommentProblemView>,
    /// CriticMarkup marks in the text, which the app offers to turn into
    /// suggestions and comments.
    pub critic_marks: u32,
    /// Spelling and grammar are still being checked in part of the text
    /// (the app is starting, or the draft was just opened): the window
    /// says so and lints again when told they are ready.
    pub proofreading: bool,
}

/// A rule id in a disable comment that names no rule.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct CommentProblemView {
    pub message: String,
    /// UTF-16 offsets of the id in the editor text.
    pub from: u32,
    pub to: u32,
    pub line: u32,
}

/// A rule's documentation for hover cards and the problems panel.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct RuleDoc {
    pub id: String,
    pub severity: SeverityView,
    pub summary: String,
    pub explanation: String,
    pub good: String,
    pub bad: String,
}

pub fn rule_docs() -> Vec<RuleDoc> {
    dateline_lint::rules()
        .iter()
        .map(|rule| RuleDoc {
            id: rule.id.into(),
            severity: rule.default_severity.into(),
            summary: rule.summary.into(),
            explanation: rule.explanation.into(),
            good: rule.good.into(),
            bad: rule.bad.into(),
        })
        .collect()
}

/// Loads the spelling and grammar checker (Harper's dictionary and lint
/// group: about a second, once a process) so that the first lint does not
/// wait for all of it: the app calls this on a thread at start-up.
pub fn warm_up_lint() {
    dateline_lint::warm_up();
}

/// Lints `text` and translates the report for the editor.
pub fn lint_view(text: &str, config: &Config) -> LintView {
    let report = dateline_lint::lint(text, config);
    view_of(text, &report, config, false)
}

/// The editor's lint: answers at once, leaving spelling and grammar of
/// text Harper has not seen for a [`BackgroundProofreader`] when that
/// would take long (`proofreading` is then true).
pub fn lint_view_now(text: &str, config: &Config) -> LintView {
    let (report, pending) = dateline_lint::lint_without_waiting(text, config);
    view_of(text, &report, config, pending)
}

fn view_of(text: &str, report: &Report, config: &Config, proofreading: bool) -> LintView {
    let mut offsets = Utf16Offsets::new(text);
    let diagnostics = report
        .diagnostics
        .iter()
        .map(|d| diagnostic_view(d, &mut offsets))
        .collect();
    let outline = report
        .outline
        .iter()
        .filter(|s| s.kind != SectionKind::Other)
        .map(|s| OutlineEntry {
            kind: s.kind.id().into(),
            label: s.label.into(),
            title: s.title.clone(),
            from: offsets.of(s.start),
            to: offsets.of(s.end),
        })
        .collect();
    let missing = report
        .missing_sections
        .iter()
        .map(|&kind| MissingSection {
            kind: kind.id().into(),
            label: kind.label().into(),
            hint: hint(kind).into(),
        })
        .collect();
    let comment_problems = report
        .comment_problems
        .iter()
        .map(|p| comment_problem_view(p, &mut offsets))
        .collect();
    LintView {
        diagnostics,
        outline,
        missing,
        score: report.score,
        errors: report.counts.error as u32,
        warnings: report.counts.warning as u32,
        infos: report.counts.info as u32,
        words: WordBudget {
            press_release: report.words.press_release as u32,
            press_release_limit: config.thresholds.release_max_words as u32,
            faq: report.words.faq as u32,
            faq_limit: config.thresholds.faq_max_words as u32,
        },
        comment_problems,
        critic_marks: dateline_lint::critic::parse(text).len() as u32,
        proofreading,
    }
}

fn comment_problem_view(p: &CommentProblem, offsets: &mut Utf16Offsets) -> CommentProblemView {
    CommentProblemView {
        message: p.message.clone(),
        from: offsets.of(p.range.start),
        to: offsets.of(p.range.end),
        line: p.line as u32,
    }
}

fn diagnostic_view(d: &Diagnostic, offsets: &mut Utf16Offsets) -> DiagnosticView {
    DiagnosticView {
        rule: d.rule.into(),
        severity: d.severity.into(),
        message: d.message.clone(),
        from: offsets.of(d.start),
        to: offsets.of(d.end),
        line: d.line as u32,
        section: d.section.map(|s| s.id().into()),
        fix: d.fix.as_ref().map(|f| FixView {
            from: offsets.of(f.start),
            to: offsets.of(f.end),
            replacement: f.replacement.clone(),
        }),
    }
}

/// What to write in a section the draft lacks.
fn hint(kind: SectionKind) -> &'static str {
    match kind {
        SectionKind::Headline => "One line a customer would click: the product and what it does for them.",
        SectionKind::Subheading => "One sentence under the headline: who it is for and the benefit.",
        SectionKind::Summary => "Open with a dateline (CITY — Date —) and say what launches, for whom, and the measurable outcome.",
        SectionKind::Problem => "The customer's problem in their words, before the product is named.",
        SectionKind::Solution => "How the product removes that problem, with numbers.",
        SectionKind::LeaderQuote => "A quote from a leader, with name and role: why this matters to customers.",
        SectionKind::GettingStarted => "How a customer starts, in three steps or fewer.",
        SectionKind::CustomerQuote => "A named customer describing the outcome in their own words.",
        SectionKind::CallToAction => "The one next step, with a link or a place to go.",
        SectionKind::Faq | SectionKind::ExternalFaq => "Questions customers will ask, with plain answers.",
        SectionKind::InternalFaq => "Questions stakeholders will ask: market size, cost, dependencies, risks, non-goals.",
        SectionKind::Other => "",
    }
}

/// Converts byte offsets to UTF-16 offsets. Queries come in roughly
/// ascending order, so it walks forward from the last answer and restarts
/// only when asked about an earlier position.
pub(crate) struct Utf16Offsets<'a> {
    text: &'a str,
    ascii: bool,
    byte: usize,
    utf16: u32,
}

impl<'a> Utf16Offsets<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        Utf16Offsets {
            text,
            ascii: text.is_ascii(),
            byte: 0,
            utf16: 0,
        }
    }

    pub(crate) fn of(&mut self, byte: usize) -> u32 {
        let byte = floor_char_boundary(self.text, byte.min(self.text.len()));
        if self.ascii {
            return byte as u32;
        }
        if byte < self.byte {
            self.byte = 0;
            self.utf16 = 0;
        }
        self.utf16 += self.text[self.byte..byte]
            .chars()
            .map(|c| c.len_utf16() as u32)
            .sum::<u32>();
        self.byte = byte;
        self.utf16
    }
}

fn floor_char_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_count_utf16_units_in_any_order() {
        let text = "a😀é b";
        let mut offsets = Utf16Offsets::new(text);
        assert_eq!(offsets.of(1), 1);
        assert_eq!(offsets.of(5), 3); // after the emoji: a surrogate pair
        assert_eq!(offsets.of(text.len()), 6);
        assert_eq!(offsets.of(0), 0);
        assert_eq!(offsets.of(7), 4); // after é
        assert_eq!(offsets.of(6), 3); // inside é: floored to its start
    }

    #[test]
    fn a_jargon_finding_points_at_the_word_in_editor_offsets() {
        let text = "# 🚀 Rocket\n\nOur seamless launch.\n";
        let view = lint_view(text, &Config::default());
        let jargon = view
            .diagnostics
            .iter()
            .find(|d| d.rule == "jargon")
            .expect("jargon found");
        let editor_text: Vec<u16> = text.encode_utf16().collect();
        let word = String::from_utf16(&editor_text[jargon.from as usize..jargon.to as usize]).unwrap();
        assert_eq!(word.to_lowercase(), "seamless");
    }

    #[test]
    fn a_typo_in_a_disable_comment_points_at_the_id() {
        let text = "# 🚀 Rocket\n\n<!-- dateline-disable jargn, weasel-word -->\n\nOur seamless launch.\n";
        let view = lint_view(text, &Config::default());
        let [problem] = view.comment_problems.as_slice() else {
            panic!("{:?}", view.comment_problems);
        };
        let editor_text: Vec<u16> = text.encode_utf16().collect();
        let id = String::from_utf16(&editor_text[problem.from as usize..problem.to as usize]).unwrap();
        assert_eq!(id, "jargn");
        assert_eq!(problem.line, 3);
        assert!(
            problem.message.contains("did you mean `jargon`"),
            "{}",
            problem.message
        );
        // The typo silences nothing.
        assert!(view.diagnostics.iter().any(|d| d.rule == "jargon"));
    }

    #[test]
    fn a_bare_headline_lists_the_missing_sections_with_hints() {
        let view = lint_view("# Acme Ships Rockets Today\n", &Config::default());
        let missing: Vec<&str> = view.missing.iter().map(|m| m.kind.as_str()).collect();
        assert!(
            missing.contains(&"problem") && missing.contains(&"call-to-action"),
            "{missing:?}"
        );
        assert!(view.missing.iter().all(|m| !m.hint.is_empty()));
        assert!(view.errors > 0);
        assert!(view.score < 100);
    }

    #[test]
    fn counts_the_critic_markup_marks_but_not_braces_in_code() {
        let marked = "# Acme\n\nIt is {~~big~>small~~} and {>>why?<<}. `{++code++}`\n";
        assert_eq!(lint_view(marked, &Config::default()).critic_marks, 2);
        assert_eq!(
            lint_view("# Acme\n\nPlain {text}.\n", &Config::default()).critic_marks,
            0
        );
    }

    #[test]
    fn every_rule_is_documented() {
        let docs = rule_docs();
        assert!(docs.iter().any(|d| d.id == "jargon"));
        assert!(docs
            .iter()
            .all(|d| !d.explanation.is_empty() && !d.good.is_empty() && !d.bad.is_empty()));
    }
}
