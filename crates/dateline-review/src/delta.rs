//! What an edit did to the lint findings: fixed, introduced, unchanged.
//!
//! Findings are matched by what they are about, not where they are: an
//! edit in the first paragraph shifts every later offset, and matching by
//! position would report every later finding as fixed and found again. A
//! finding's identity is its rule, the text it flags (whitespace collapsed,
//! so re-wrapping a paragraph changes nothing) and its section. Findings
//! about the whole draft (no section: a missing part, a release that is too
//! long) flag some arbitrary block and count words in their message, so
//! they match by rule and message, digits ignored: "runs 810 words" and
//! "runs 790 words" are one finding that is still there. What is left
//! unpaired after that is paired by rule, section and message: a finding
//! about a whole block ("no dateline") flags the block, whose text the edit
//! may have changed, but still says the same thing.
//!
//! Equal identities are a multiset: two "very" weasel words in the problem
//! and one after the edit is one fixed, one unchanged. Within an identity,
//! findings pair in document order, so the ones reported fixed are the
//! last of their kind on the old side (which one of two equal findings went
//! away is not knowable from the findings alone).

use crate::Span;
use dateline_lint::{Counts, Diagnostic, Report, SectionKind, Severity};
use serde::Serialize;
use std::collections::{HashMap, VecDeque};

/// Characters of flagged text kept in a [`Finding`].
const EXCERPT_CHARS: usize = 160;

/// One lint finding, as the delta reports it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Finding {
    pub rule: &'static str,
    pub severity: Severity,
    pub message: String,
    pub section: Option<SectionKind>,
    /// The flagged text, cut to 160 characters with an ellipsis.
    pub excerpt: String,
    /// Where it is, in the text of its own version (old for fixed findings,
    /// new for introduced ones).
    pub span: Span,
    /// 1-based line in that text.
    pub line: usize,
}

/// Findings fixed and introduced between two versions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LintDelta {
    /// In the old version and not the new one; spans are in the old text.
    pub fixed: Vec<Finding>,
    /// In the new version and not the old one; spans are in the new text.
    pub introduced: Vec<Finding>,
    pub unchanged_count: usize,
    /// Readiness, 0 to 100.
    pub old_score: u8,
    pub new_score: u8,
    pub old_counts: Counts,
    pub new_counts: Counts,
}

/// Compares the lint reports of two versions. `old_text` and `new_text`
/// are the texts the reports were made from.
pub fn lint_delta(old: &Report, new: &Report, old_text: &str, new_text: &str) -> LintDelta {
    let mut matched = vec![false; old.diagnostics.len()];
    let unmatched: Vec<&Diagnostic> = new.diagnostics.iter().collect();
    // First by the flagged text; then, for what is left, by the message:
    // a finding about a whole block ("no dateline", "no subheading") flags
    // the block, whose text the edit may have changed, but says the same.
    let texts = (old_text, new_text);
    let unmatched = pair(old, texts, &mut matched, unmatched, key);
    let unmatched = pair(old, texts, &mut matched, unmatched, |d, _| Key {
        rule: d.rule,
        section: d.section,
        what: blank_digits(&d.message),
    });
    let fixed = old
        .diagnostics
        .iter()
        .zip(&matched)
        .filter(|(_, m)| !**m)
        .map(|(d, _)| finding(d, old_text))
        .collect();
    LintDelta {
        fixed,
        unchanged_count: new.diagnostics.len() - unmatched.len(),
        introduced: unmatched.into_iter().map(|d| finding(d, new_text)).collect(),
        old_score: old.score,
        new_score: new.score,
        old_counts: old.counts,
        new_counts: new.counts,
    }
}

/// Pairs new findings with old ones not yet `matched` that have the same
/// key; returns the new findings left without a partner.
fn pair<'n>(
    old: &Report,
    (old_text, new_text): (&str, &str),
    matched: &mut [bool],
    new: Vec<&'n Diagnostic>,
    key_of: impl Fn(&Diagnostic, &str) -> Key,
) -> Vec<&'n Diagnostic> {
    let mut pending: HashMap<Key, VecDeque<usize>> = HashMap::new();
    for (i, d) in old.diagnostics.iter().enumerate().filter(|(i, _)| !matched[*i]) {
        pending.entry(key_of(d, old_text)).or_default().push_back(i);
    }
    let mut left = Vec::new();
    for d in new {
        match pending
            .get_mut(&key_of(d, new_text))
            .and_then(VecDeque::pop_front)
        {
            Some(i) => matched[i] = true,
            None => left.push(d),
        }
    }
    left
}

/// The message with every number (digits and thousands commas) as `#`.
fn blank_digits(message: &str) -> String {
    let mut m = String::with_capacity(message.len());
    for c in message.chars() {
        if c.is_ascii_digit() {
            if !m.ends_with('#') {
                m.push('#');
            }
        } else if c != ',' || !m.ends_with('#') {
            m.push(c);
        }
    }
    m
}

#[derive(Hash, PartialEq, Eq)]
struct Key {
    rule: &'static str,
    section: Option<SectionKind>,
    /// Collapsed flagged text, or for whole-draft findings the message
    /// with digits blanked.
    what: String,
}

fn key(d: &Diagnostic, text: &str) -> Key {
    let what = if d.section.is_none() {
        blank_digits(&d.message)
    } else {
        collapse(flagged(d, text))
    };
    Key {
        rule: d.rule,
        section: d.section,
        what,
    }
}

/// The diagnostic's text; empty when its range does not fit the text (a
/// report made from another text), so a mismatch cannot panic.
fn flagged<'t>(d: &Diagnostic, text: &'t str) -> &'t str {
    text.get(d.start..d.end).unwrap_or("")
}

/// Whitespace runs to one space, trimmed.
fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

fn finding(d: &Diagnostic, text: &str) -> Finding {
    let flat = collapse(flagged(d, text));
    let excerpt = match flat.char_indices().nth(EXCERPT_CHARS) {
        Some((cut, _)) => format!("{}…", &flat[..cut]),
        None => flat,
    };
    Finding {
        rule: d.rule,
        severity: d.severity,
        message: d.message.clone(),
        section: d.section,
        excerpt,
        span: Span::new(d.start, d.end.max(d.start)),
        line: d.line,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dateline_lint::{lint, Config};

    const DRAFT: &str = "# Acme Ships Rockets Today\n\n\
        ## Anyone can now launch a satellite for the price of a car\n\n\
        **SEATTLE — May 1, 2025 —** Acme today launched RocketBox, a rocket you can order online.\n\n\
        ## The problem\n\nLaunches are very expensive and the forms are filed by hand.\n\n\
        ## The solution\n\nRocketBox ships in a crate and launches from a field. It is very simple.\n";

    fn delta(old: &str, new: &str) -> LintDelta {
        let c = Config::default();
        lint_delta(&lint(old, &c), &lint(new, &c), old, new)
    }

    fn rules(f: &[Finding]) -> Vec<(&str, &str)> {
        f.iter().map(|f| (f.rule, f.excerpt.as_str())).collect()
    }

    #[test]
    fn same_text_changes_nothing() {
        let d = delta(DRAFT, DRAFT);
        assert!(d.fixed.is_empty() && d.introduced.is_empty());
        assert_eq!(
            d.unchanged_count,
            lint(DRAFT, &Config::default()).diagnostics.len()
        );
        assert!(d.unchanged_count > 3, "the draft has findings to match");
        assert_eq!(d.old_score, d.new_score);
    }

    #[test]
    fn an_edit_elsewhere_does_not_renew_findings() {
        // Words added to the problem shift every later offset; the findings
        // after it (the solution's "very") are the same findings.
        let new = DRAFT.replace(
            "filed by hand.",
            "filed by hand, on paper, in triplicate, at three offices.",
        );
        let d = delta(DRAFT, &new);
        let elsewhere = |f: &Finding| f.section != Some(SectionKind::Problem);
        assert!(!d.fixed.iter().any(elsewhere), "{:#?}", d.fixed);
        assert!(!d.introduced.iter().any(elsewhere), "{:#?}", d.introduced);
        let c = Config::default();
        let solution_findings = lint(&new, &c)
            .diagnostics
            .iter()
            .filter(|d| d.section == Some(SectionKind::Solution))
            .count();
        assert!(solution_findings > 0 && d.unchanged_count >= solution_findings);
    }

    #[test]
    fn fixed_and_introduced() {
        let new = DRAFT
            .replace("are very expensive", "cost $60 million")
            .replace("ships in a crate", "is shipped in a crate");
        let d = delta(DRAFT, &new);
        let fixed = rules(&d.fixed);
        assert!(fixed.contains(&("weasel-word", "very")), "{fixed:?}");
        // Only one of the two "very"s went away.
        assert_eq!(fixed.iter().filter(|f| f.1 == "very").count(), 1);
        let introduced = rules(&d.introduced);
        assert!(
            introduced.contains(&("passive-voice", "is shipped")),
            "{introduced:?}"
        );
        let f = d
            .introduced
            .iter()
            .find(|f| f.rule == "passive-voice" && f.excerpt == "is shipped")
            .unwrap();
        assert_eq!(&new[f.span.range()], "is shipped");
        let f = d.fixed.iter().find(|f| f.excerpt == "very").unwrap();
        assert_eq!(&DRAFT[f.span.range()], "very");
        assert_eq!(
            f.span.start,
            DRAFT.find("very").unwrap(),
            "the fixed one is the problem's"
        );
    }

    #[test]
    fn a_finding_about_an_edited_block_is_still_the_same_finding() {
        let old = "# Acme Will Leverage Synergy\n\nAcme is launching a rocket.\n";
        let new = "# Acme Ships Rockets\n\nAcme is launching a small rocket.\n";
        let d = delta(old, new);
        let fixed = rules(&d.fixed);
        let introduced = rules(&d.introduced);
        for rule in ["missing-subheading", "missing-dateline", "vague-outcome"] {
            assert!(
                !fixed.iter().any(|f| f.0 == rule),
                "{rule} is not fixed: {fixed:?}"
            );
            assert!(
                !introduced.iter().any(|f| f.0 == rule),
                "{rule} is not new: {introduced:?}"
            );
        }
        assert!(fixed.contains(&("jargon", "Leverage")), "{fixed:?}");
        assert!(introduced.is_empty(), "{introduced:?}");
    }

    #[test]
    fn whole_draft_findings_match_despite_numbers() {
        let key_of = |msg: &str| {
            let d = Diagnostic {
                rule: "release-too-long",
                severity: Severity::Warning,
                message: msg.into(),
                line: 1,
                column: 1,
                column_utf16: 1,
                end_line: 1,
                end_column: 1,
                end_column_utf16: 1,
                start: 0,
                end: 0,
                section: None,
                fix: None,
            };
            key(&d, "")
        };
        assert!(key_of("runs 1,198 words (600)") == key_of("runs 810 words (600)"));
        assert!(key_of("runs 810 words") != key_of("runs 810 pages"));
    }

    #[test]
    fn excerpt_is_cut_and_stale_ranges_do_not_panic() {
        let long = "word ".repeat(100);
        let r = lint(&long, &Config::default());
        let d = lint_delta(&r, &r, &long, "");
        assert!(d
            .fixed
            .iter()
            .chain(&d.introduced)
            .all(|f| f.excerpt.chars().count() <= EXCERPT_CHARS + 1));
    }
}
