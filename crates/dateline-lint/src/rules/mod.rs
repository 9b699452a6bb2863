//! The rules, one per file. Each file holds the rule's `INFO` (id, default
//! severity, explanation, good and bad example), its `check` function and
//! its unit tests. To add a rule: write the file, then list it in `RULES`.

use crate::context::{Context, Sink};
use crate::report::Severity;
use serde::Serialize;

mod adjective_without_data;
mod engineering_consideration;
mod faq_too_long;
mod few_questions;
mod future_tense;
mod grammar;
mod headline_length;
mod inside_out;
mod internal_faq_topic;
mod jargon;
mod long_paragraph;
mod long_sentence;
mod missing_dateline;
mod missing_external_faq;
mod missing_headline;
mod missing_internal_faq;
mod missing_section;
mod missing_subheading;
mod no_call_to_action_link;
mod other_language;
mod passive_voice;
mod problem_names_solution;
mod readability;
mod release_too_long;
mod section_order;
mod spelling;
mod too_many_steps;
mod unanswered_question;
mod unattributed_quote;
mod undefined_acronym;
mod vague_outcome;
mod weasel_word;

pub(crate) use other_language::ENGLISH_ONLY;

/// What a rule is, for people: shown in the app's hover cards and printed by
/// `dateline rules`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct RuleInfo {
    /// The stable public id (`long-sentence`).
    pub id: &'static str,
    pub default_severity: Severity,
    /// What it catches, in one line.
    pub summary: &'static str,
    /// One paragraph: why it matters and what to do.
    pub explanation: &'static str,
    pub good: &'static str,
    pub bad: &'static str,
}

pub(crate) struct Rule {
    pub info: &'static RuleInfo,
    pub check: fn(&Context<'_, '_>, &mut Sink),
}

macro_rules! registry {
    ($($m:ident),* $(,)?) => {
        static INFOS: &[RuleInfo] = &[$($m::INFO),*];
        pub(crate) static RULES: &[Rule] = &[$(Rule { info: &$m::INFO, check: $m::check }),*];
    };
}

// In the spec's order: structure, FAQ, customer-first writing.
registry!(
    missing_headline,
    headline_length,
    missing_subheading,
    missing_dateline,
    missing_section,
    section_order,
    problem_names_solution,
    unattributed_quote,
    too_many_steps,
    no_call_to_action_link,
    release_too_long,
    long_paragraph,
    missing_external_faq,
    missing_internal_faq,
    few_questions,
    unanswered_question,
    faq_too_long,
    internal_faq_topic,
    engineering_consideration,
    vague_outcome,
    adjective_without_data,
    inside_out,
    future_tense,
    jargon,
    weasel_word,
    passive_voice,
    long_sentence,
    undefined_acronym,
    readability,
    spelling,
    grammar,
    other_language,
);

/// Every rule, in the spec's order.
pub fn rules() -> &'static [RuleInfo] {
    INFOS
}

/// A rule by id.
pub fn info(id: &str) -> Option<&'static RuleInfo> {
    INFOS.iter().find(|r| r.id == id)
}

/// Quotes a phrase for a message.
pub(crate) fn q(s: &str) -> String {
    format!("“{}”", s.trim())
}

#[cfg(test)]
pub(crate) mod test_util {
    use crate::{lint, Config, Diagnostic};

    /// The findings of one rule on a text, with default config.
    pub fn findings(text: &str, rule: &str) -> Vec<Diagnostic> {
        lint(text, &Config::default())
            .diagnostics
            .into_iter()
            .filter(|d| d.rule == rule)
            .collect()
    }

    /// The lines one rule fires on.
    pub fn lines(text: &str, rule: &str) -> Vec<usize> {
        findings(text, rule).iter().map(|d| d.line).collect()
    }

    /// A complete, clean plain-prose release with a FAQ; tests splice in
    /// the flaw they look for.
    pub const CLEAN: &str = include_str!("../../tests/fixtures/good-plain.md");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_documented() {
        let mut ids: Vec<&str> = rules().iter().map(|r| r.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), rules().len());
        for r in rules() {
            assert!(r.explanation.len() > 80, "{} needs an explanation", r.id);
            assert!(!r.good.is_empty() && !r.bad.is_empty(), "{} needs examples", r.id);
        }
    }

    #[test]
    fn registry_matches_the_spec_count() {
        assert_eq!(rules().len(), 32);
        assert_eq!(RULES.len(), rules().len());
    }
}
