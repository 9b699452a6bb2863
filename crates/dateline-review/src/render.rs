//! The review as plain text, for the `dateline` command line.
//!
//! Word changes are marked the way `git diff --word-diff=plain` marks them,
//! `[-deleted-]{+inserted+}`, which people already read and which survives
//! any terminal or log file. Only lines with a change are printed, with `…`
//! for the unchanged lines between them; added and removed sections are
//! printed whole.

use crate::delta::{Finding, LintDelta};
use crate::diff::{ChangeKind, ReviewDiff, SectionStatus};
use std::fmt::Write;

/// Renders the diff and the lint delta of `old` → `new`.
pub fn render_text(diff: &ReviewDiff, delta: &LintDelta, old: &str, new: &str) -> String {
    let mut out = String::new();
    let s = &diff.stats;
    let _ = writeln!(
        out,
        "{} sections: {} unchanged, {} modified, {} moved, {} added, {} removed; {} words inserted, {} deleted",
        diff.sections.len(),
        s.unchanged,
        s.modified,
        s.moved,
        s.added,
        s.removed,
        s.words_inserted,
        s.words_deleted
    );
    for section in &diff.sections {
        let status = match section.status {
            SectionStatus::Unchanged => "unchanged",
            SectionStatus::Modified => "modified",
            SectionStatus::Added => "added",
            SectionStatus::Removed => "removed",
            SectionStatus::Moved if section.text_changed => "moved and modified",
            SectionStatus::Moved => "moved",
        };
        let _ = writeln!(out, "\n== {} ({status})", section.label);
        let changes = &diff.changes[section.first_change..section.first_change + section.change_count];
        match section.status {
            SectionStatus::Unchanged => {}
            SectionStatus::Added => {
                let span = diff.new_sections[section.new.expect("added has new")].span;
                let _ = writeln!(out, "{{+{}+}}", &new[span.range()]);
            }
            SectionStatus::Removed => {
                let span = diff.old_sections[section.old.expect("removed has old")].span;
                let _ = writeln!(out, "[-{}-]", &old[span.range()]);
            }
            SectionStatus::Modified | SectionStatus::Moved => {
                let span = diff.old_sections[section.old.expect("paired has old")].span;
                let mut marked = String::new();
                let mut at = span.start;
                for c in changes.iter().filter(|c| c.kind != ChangeKind::SectionMoved) {
                    marked.push_str(&old[at..c.old.start]);
                    if !c.old.is_empty() {
                        let _ = write!(marked, "[-{}-]", &old[c.old.range()]);
                    }
                    if !c.new.is_empty() {
                        let _ = write!(marked, "{{+{}+}}", &new[c.new.range()]);
                    }
                    at = c.old.end;
                }
                marked.push_str(&old[at..span.end]);
                if section.text_changed {
                    changed_lines(&marked, &mut out);
                }
            }
        }
    }

    let _ = writeln!(
        out,
        "\nReadiness {} → {} ({:+}); {} findings fixed, {} new, {} unchanged",
        delta.old_score,
        delta.new_score,
        i32::from(delta.new_score) - i32::from(delta.old_score),
        delta.fixed.len(),
        delta.introduced.len(),
        delta.unchanged_count
    );
    for (sign, title, findings) in [("-", "Fixed", &delta.fixed), ("+", "New", &delta.introduced)] {
        if !findings.is_empty() {
            let _ = writeln!(out, "{title}:");
            for f in findings.iter() {
                let _ = writeln!(out, "  {sign} {}", finding_line(f));
            }
        }
    }
    out
}

/// The lines of `marked` holding a marker (lines inside a marked run count),
/// with `…` for each run of lines left out.
fn changed_lines(marked: &str, out: &mut String) {
    let mut open = false; // inside [-...-] or {+...+} at the line start
    let mut skipped = false;
    for line in marked.lines() {
        let has_marker = open || line.contains("[-") || line.contains("{+");
        // Track runs spanning lines: the last opener without its closer.
        for (i, _) in line.match_indices(['[', '{', '-', '+']) {
            let rest = &line[i..];
            if rest.starts_with("[-") || rest.starts_with("{+") {
                open = true;
            } else if rest.starts_with("-]") || rest.starts_with("+}") {
                open = false;
            }
        }
        if has_marker {
            if skipped {
                out.push_str("…\n");
                skipped = false;
            }
            out.push_str(line);
            out.push('\n');
        } else {
            skipped = true;
        }
    }
    if skipped {
        out.push_str("…\n");
    }
}

fn finding_line(f: &Finding) -> String {
    let section = f.section.map_or(String::new(), |k| format!(" [{}]", k.label()));
    format!(
        "{} (line {}){section} “{}”: {}",
        f.rule, f.line, f.excerpt, f.message
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{diff, lint_delta};
    use dateline_lint::{lint, Config};

    const DRAFT: &str = "# Acme Ships Rockets Today\n\n\
        ## Anyone can now launch a satellite for the price of a car\n\n\
        **SEATTLE — May 1, 2025 —** Acme today launched RocketBox, a rocket you can order online.\n\n\
        ## The problem\n\nLaunches are very expensive.\nThey take years to book.\nForms are many.\n\n\
        ## The solution\n\nRocketBox ships in a crate and launches from a field.\n";

    fn render(old: &str, new: &str) -> String {
        let c = Config::default();
        let delta = lint_delta(&lint(old, &c), &lint(new, &c), old, new);
        render_text(&diff(old, new), &delta, old, new)
    }

    #[test]
    fn word_changes_in_git_style_with_unchanged_lines_elided() {
        let new = DRAFT
            .replace("are very expensive", "cost $60 million")
            .replace("Forms are many", "Forms are few");
        let text = render(DRAFT, &new);
        assert!(text.contains("== Problem (modified)\n"), "{text}");
        assert!(
            text.contains(
                "Launches [-are very expensive-]{+cost $60 million+}.\n…\nForms are [-many-]{+few+}.\n"
            ),
            "{text}"
        );
        assert!(!text.contains("years to book"), "unchanged line elided: {text}");
        assert!(text.contains("== Solution (unchanged)\n"));
        assert!(text.contains("Fixed:\n  - weasel-word"), "{text}");
        assert!(text.contains("1 modified"));
    }

    #[test]
    fn added_removed_and_readiness() {
        let new = DRAFT.replace(
            "## The solution\n\nRocketBox ships in a crate and launches from a field.\n",
            "",
        );
        let text = render(DRAFT, &new);
        assert!(
            text.contains("== Solution (removed)\n[-## The solution\n\nRocketBox ships"),
            "{text}"
        );
        let c = Config::default();
        let (a, b) = (lint(DRAFT, &c).score, lint(&new, &c).score);
        assert!(
            text.contains(&format!(
                "Readiness {a} → {b} ({:+})",
                i32::from(b) - i32::from(a)
            )),
            "{text}"
        );
        let back = render(&new, DRAFT);
        assert!(back.contains("== Solution (added)\n{+## The solution"), "{back}");
    }

    #[test]
    fn multi_line_change_keeps_its_inner_lines() {
        let mut out = String::new();
        changed_lines("a\n[-b\nc\nd-]e\nf\ng{+h+}\n", &mut out);
        assert_eq!(out, "…\n[-b\nc\nd-]e\n…\ng{+h+}\n");
    }
}
