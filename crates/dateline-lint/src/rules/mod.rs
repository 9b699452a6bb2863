//! The rules' checks, one per file. Each file holds the rule's `check`
//! function and its unit tests; its `INFO` (id, default severity,
//! explanation, good and bad example) is in `catalog.rs`, below the config
//! that reads rule ids. To add a rule: describe it in the catalogue, write
//! the file, then list it in `RULES` (in the catalogue's order).

pub use crate::catalog::{info, rules, RuleInfo};
use crate::context::{Context, Sink};

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

pub(crate) struct Rule {
    pub info: &'static RuleInfo,
    pub check: fn(&Context<'_, '_>, &mut Sink),
}

macro_rules! registry {
    ($($m:ident),* $(,)?) => {
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

    #[test]
    fn the_checks_follow_the_catalogue() {
        let checks: Vec<&str> = RULES.iter().map(|r| r.info.id).collect();
        let infos: Vec<&str> = rules().iter().map(|r| r.id).collect();
        assert_eq!(checks, infos);
    }
}
